"""FHIR datatypes read as text for people: concepts, quantities, ranges, dates, names, doses.

Each function takes what the JSON holds, whatever its shape, and returns text (empty when
there is nothing to show); dates in words in English or Danish, numbers with a Danish comma.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from xshare_desktop.core.jsontree import as_dict, as_list
from xshare_desktop.core.summary_words import Lang, word

TRANSLATION_EXT = "http://hl7.org/fhir/StructureDefinition/translation"


def _display_of_coding(coding: Mapping[str, Any], lang: Lang) -> str | None:
    """A coding's display in the wanted language, using the FHIR translation extension."""
    ext_holder = coding.get("_display")
    if isinstance(ext_holder, Mapping):
        for ext in as_list(ext_holder.get("extension")):
            if not isinstance(ext, Mapping) or ext.get("url") != TRANSLATION_EXT:
                continue
            parts = {e.get("url"): e for e in ext.get("extension", []) if isinstance(e, Mapping)}
            lang_code = parts.get("lang", {}).get("valueCode", "")
            content = parts.get("content", {}).get("valueString")
            if isinstance(lang_code, str) and lang_code.split("-")[0] == lang and content:
                return str(content)
    display = coding.get("display")
    return str(display) if isinstance(display, str) and display else None


def concept_text(concept: Any, lang: Lang = "en", doc_lang: str | None = None) -> str:
    """The human text of a CodeableConcept (or Coding).

    ``text`` is written in the document's language, coding displays are
    usually English: prefer whichever matches the wanted language.
    """
    if not isinstance(concept, Mapping):
        return ""
    if "code" in concept and "coding" not in concept and "text" not in concept:
        return _display_of_coding(concept, lang) or str(concept.get("code", ""))
    raw_text = concept.get("text")
    text: str | None = raw_text if isinstance(raw_text, str) else None
    doc_base = (doc_lang or "").split("-")[0].lower()
    codings = [c for c in as_list(concept.get("coding")) if isinstance(c, Mapping)]
    translated = None
    for coding in codings:
        ext = coding.get("_display")
        if isinstance(ext, Mapping) and ext.get("extension"):
            candidate = _display_of_coding(coding, lang)
            if candidate and candidate != coding.get("display"):
                translated = candidate
                break
    if translated:
        return translated
    # ``text`` is in the document's language; coding displays are mostly English.
    if text and (doc_base == lang or lang != "en" or not codings):
        return text
    for coding in codings:
        display = _display_of_coding(coding, lang)
        if display:
            return display
    if text:
        return text
    for coding in codings:
        if coding.get("code"):
            return str(coding["code"])
    return ""


def first_concept(resource: Mapping[str, Any], *keys: str) -> Any:
    for key in keys:
        value = resource.get(key)
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, Mapping):
            return value
    return None


def status_code(concept: Any) -> str | None:
    if isinstance(concept, Mapping):
        for coding in as_list(concept.get("coding")):
            if isinstance(coding, Mapping) and isinstance(coding.get("code"), str):
                return str(coding["code"])
    if isinstance(concept, str):
        return concept
    return None


def format_quantity(q: Any, lang: str | None = None) -> str:
    """A quantity as text; with ``lang`` "da" the decimal separator is a comma."""
    if not isinstance(q, Mapping):
        return ""
    value = q.get("value")
    unit = q.get("unit") or q.get("code") or ""
    if unit == "1":  # UCUM's unity: a plain count, nothing to print
        unit = ""
    comparator = q.get("comparator", "")
    if value is None:
        return str(unit)
    number = f"{value:g}" if isinstance(value, float) else str(value)
    if lang == "da":
        number = number.replace(".", ",")
    return f"{comparator}{number} {unit}".strip()


def format_range(r: Any, lang: str | None = None) -> str:
    if not isinstance(r, Mapping):
        return ""
    low, high = as_dict(r.get("low")), as_dict(r.get("high"))
    if low and high:
        lo = format_quantity(low, lang)
        hi = format_quantity(high, lang)
        unit_lo = str(low.get("unit") or low.get("code") or "")
        if unit_lo and lo.endswith(unit_lo) and hi.endswith(unit_lo):
            lo = lo[: -len(unit_lo)].strip()
        return f"{lo}–{hi}"
    if low:
        return f"≥ {format_quantity(low, lang)}"
    if high:
        return f"≤ {format_quantity(high, lang)}"
    return str(r.get("text", ""))


_MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "da": ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
           "september", "oktober", "november", "december"],
}  # fmt: skip
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def human_date(iso: str, lang: str) -> str:
    """A FHIR date (year, year-month or full) as people write it: "2. marts 2017", "2 March 2017"."""
    match = _ISO_DATE.match(iso)
    if not match:
        return iso
    year, month, day = match.groups()
    months = _MONTHS.get(lang, _MONTHS["en"])
    if not month or not 1 <= int(month) <= 12:
        return year
    name = months[int(month) - 1]
    if not day:
        return f"{name} {year}"
    if lang == "da":
        return f"{int(day)}. {name} {year}"
    return f"{int(day)} {name} {year}"


def date_of(value: Any, lang: str | None = None) -> str:
    """The date part of a FHIR date/dateTime/Period/Age/string for a summary.

    Without ``lang`` the date stays ISO (for tables and sorting); with it, in words.
    """
    if isinstance(value, str):
        return human_date(value[:10], lang) if lang else value[:10]
    if isinstance(value, Mapping):
        if "start" in value or "end" in value:
            start = date_of(value.get("start", ""), lang)
            end = date_of(value.get("end", ""), lang)
            return f"{start}–{end}" if start and end else start or end
        if "value" in value:
            return format_quantity(value, lang)
    return ""


def choice(resource: Mapping[str, Any], prefix: str) -> tuple[str, Any]:
    """Find the populated ``prefix[x]`` element: returns (type suffix, value)."""
    for key, value in resource.items():
        if (
            key.startswith(prefix)
            and key != prefix
            and key[len(prefix) : len(prefix) + 1].isupper()
        ):
            return key[len(prefix) :], value
    return "", None


def observation_value(obs: Mapping[str, Any], lang: Lang, doc_lang: str | None) -> str:
    kind, value = choice(obs, "value")
    if kind == "Quantity":
        return format_quantity(value, lang)
    if kind == "CodeableConcept":
        return concept_text(value, lang, doc_lang)
    if kind in ("String", "Integer", "DateTime", "Time"):
        return str(value)
    if kind == "Boolean":
        return {"en": "yes", "da": "ja"}[lang] if value else {"en": "no", "da": "nej"}[lang]
    if kind == "Range":
        return format_range(value, lang)
    if kind == "Ratio" and isinstance(value, Mapping):
        return f"{format_quantity(value.get('numerator'), lang)} / {format_quantity(value.get('denominator'), lang)}"
    if kind == "Period":
        return date_of(value, lang)
    components = obs.get("component")
    if isinstance(components, list) and components:
        parts = []
        for comp in components:
            if not isinstance(comp, Mapping):
                continue
            _, cvalue = choice(comp, "value")
            if isinstance(cvalue, Mapping) and "value" in cvalue:
                parts.append(cvalue)
        if parts:
            units = {str(p.get("unit") or p.get("code") or "") for p in parts}
            if len(units) == 1:
                numbers = "/".join(f"{p.get('value')}" for p in parts)
                return f"{numbers} {units.pop()}".strip()
            return ", ".join(format_quantity(p, lang) for p in parts)
    absent = obs.get("dataAbsentReason")
    if absent:
        return concept_text(absent, lang, doc_lang)
    return ""


def dosage_text(dosages: Any, lang: Lang) -> str:
    if not isinstance(dosages, list) or not dosages or not isinstance(dosages[0], Mapping):
        return ""
    dosage = dosages[0]
    if isinstance(dosage.get("text"), str):
        return str(dosage["text"])
    parts: list[str] = []
    for dr in as_list(dosage.get("doseAndRate")):
        if isinstance(dr, Mapping) and dr.get("doseQuantity"):
            parts.append(format_quantity(dr["doseQuantity"], lang))
    repeat = (
        as_dict(dosage.get("timing")).get("repeat")
        if isinstance(dosage.get("timing"), Mapping)
        else None
    )
    if isinstance(repeat, Mapping) and repeat.get("frequency") and repeat.get("periodUnit"):
        period = repeat.get("period", 1)
        unit = word(str(repeat["periodUnit"]), lang)
        per = word("per", lang)
        times = word("times", lang)
        period_text = f"{period:g} {unit}" if isinstance(period, float) and period != 1 else unit
        if isinstance(period, int) and period != 1:
            period_text = f"{period} {unit}"
        parts.append(f"{repeat['frequency']} {times} {per} {period_text}")
    return ", ".join(parts)


def human_name(names: Any) -> str:
    if not isinstance(names, list):
        return ""
    chosen = None
    for name in names:
        if isinstance(name, Mapping) and name.get("use") in (None, "official", "usual"):
            chosen = name
            break
    if chosen is None and names and isinstance(names[0], Mapping):
        chosen = names[0]
    if not chosen:
        return ""
    if isinstance(chosen.get("text"), str):
        return str(chosen["text"])
    given = " ".join(str(g) for g in as_list(chosen.get("given")))
    family = str(chosen.get("family", ""))
    return f"{given} {family}".strip()
