"""One-line human summaries of FHIR resources, in English and Danish.

Used by the document viewer, the CLI and the regenerated narratives. A summary
says what a citizen would want to see first: a condition with its status and
onset, a medication with its dose, an allergy with its substance and
criticality, a vaccination with its date, a result with value, unit and
reference range.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from xshare_desktop.core.jsontree import as_dict, as_list

Lang = str  # "en" or "da"
Resolver = Callable[[str], Mapping[str, Any] | None]

TRANSLATION_EXT = "http://hl7.org/fhir/StructureDefinition/translation"

_WORDS: dict[str, dict[str, str]] = {
    # clinical and verification statuses
    "active": {"en": "active", "da": "aktiv"},
    "recurrence": {"en": "recurred", "da": "tilbagevendt"},
    "relapse": {"en": "relapsed", "da": "recidiv"},
    "inactive": {"en": "inactive", "da": "inaktiv"},
    "remission": {"en": "in remission", "da": "i remission"},
    "resolved": {"en": "resolved", "da": "overstået"},
    "completed": {"en": "completed", "da": "afsluttet"},
    "intended": {"en": "intended", "da": "planlagt"},
    "stopped": {"en": "stopped", "da": "stoppet"},
    "on-hold": {"en": "on hold", "da": "sat på pause"},
    "not-taken": {"en": "not taken", "da": "ikke taget"},
    "not-done": {"en": "not done", "da": "ikke udført"},
    "entered-in-error": {"en": "entered in error", "da": "registreret ved en fejl"},
    "final": {"en": "final", "da": "endelig"},
    "preliminary": {"en": "preliminary", "da": "foreløbig"},
    "amended": {"en": "amended", "da": "rettet"},
    "registered": {"en": "registered", "da": "registreret"},
    "unconfirmed": {"en": "unconfirmed", "da": "ubekræftet"},
    "confirmed": {"en": "confirmed", "da": "bekræftet"},
    "refuted": {"en": "refuted", "da": "afkræftet"},
    "in-progress": {"en": "in progress", "da": "i gang"},
    "draft": {"en": "draft", "da": "kladde"},
    "proposed": {"en": "proposed", "da": "foreslået"},
    "rejected": {"en": "rejected", "da": "afvist"},
    # allergy criticality and type
    "low": {"en": "low criticality", "da": "lav kritikalitet"},
    "high": {"en": "high criticality", "da": "høj kritikalitet"},
    "unable-to-assess": {"en": "criticality not assessed", "da": "kritikalitet ikke vurderet"},
    "allergy": {"en": "allergy", "da": "allergi"},
    "intolerance": {"en": "intolerance", "da": "intolerance"},
    # words used in sentences
    "since": {"en": "since", "da": "siden"},
    "on": {"en": "on", "da": "den"},
    "reference": {"en": "reference", "da": "reference"},
    "dose": {"en": "dose", "da": "dosis"},
    "in use": {"en": "in use", "da": "i brug"},
    "implanted": {"en": "implanted", "da": "implanteret"},
    "reaction": {"en": "reaction", "da": "reaktion"},
    "unknown": {"en": "unknown", "da": "ukendt"},
    "male": {"en": "male", "da": "mand"},
    "female": {"en": "female", "da": "kvinde"},
    "other": {"en": "other", "da": "andet"},
    "born": {"en": "born", "da": "født"},
    "Patient": {"en": "Patient", "da": "Patient"},
    "permit": {"en": "permits", "da": "tillader"},
    "deny": {"en": "refuses", "da": "afviser"},
    "per": {"en": "per", "da": "pr."},
    "times": {"en": "times", "da": "gange"},
    "a": {"en": "year", "da": "år"},
    "mo": {"en": "month", "da": "måned"},
    "wk": {"en": "week", "da": "uge"},
    "d": {"en": "day", "da": "dag"},
    "h": {"en": "hour", "da": "time"},
    "min": {"en": "minute", "da": "minut"},
}


def word(key: str, lang: Lang) -> str:
    entry = _WORDS.get(key)
    if entry is None:
        return key
    return entry.get(lang, entry["en"])


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


def _join(*parts: str) -> str:
    return " — ".join(p for p in parts if p)


def _named(
    resource: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    """The name of whatever a medication-like or device-like resource refers to."""
    kind, value = choice(resource, "medication")
    if kind == "CodeableConcept":
        return concept_text(value, lang, doc_lang)
    if kind == "Reference" and isinstance(value, Mapping):
        target = resolve(str(value.get("reference", ""))) if resolve else None
        if target is not None:
            # No resolver for the target: a reference that leads back here must not loop.
            return summarise(target, lang, doc_lang=doc_lang)
        return str(value.get("display", ""))
    return ""


def summarise(
    resource: Mapping[str, Any],
    lang: Lang = "en",
    *,
    doc_lang: str | None = None,
    resolve: Resolver | None = None,
) -> str:
    """A one-line summary of ``resource`` in ``lang`` ("en" or "da")."""
    rtype = str(resource.get("resourceType", ""))
    builder = _BUILDERS.get(rtype)
    if builder is not None:
        text = builder(resource, lang, doc_lang, resolve)
        if text:
            return text
    concept = first_concept(resource, "code", "type", "category")
    text = concept_text(concept, lang, doc_lang) if concept else ""
    return text or rtype


def _condition(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    name = concept_text(r.get("code"), lang, doc_lang)
    status = status_code(r.get("clinicalStatus"))
    onset = date_of(choice(r, "onset")[1], lang)
    details = []
    if status:
        details.append(word(status, lang))
    if onset:
        details.append(f"{word('since', lang)} {onset}")
    return _join(name, ", ".join(details))


def _allergy(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    name = concept_text(r.get("code"), lang, doc_lang)
    details = []
    if isinstance(r.get("type"), str):
        details.append(word(r["type"], lang))
    if isinstance(r.get("criticality"), str):
        details.append(word(r["criticality"], lang))
    reactions = []
    for reaction in as_list(r.get("reaction")):
        if isinstance(reaction, Mapping):
            for manifestation in as_list(reaction.get("manifestation")):
                reactions.append(concept_text(manifestation, lang, doc_lang))
    if reactions:
        details.append(f"{word('reaction', lang)}: {', '.join(x for x in reactions if x)}")
    return _join(name, ", ".join(details))


def _medication_use(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    name = _named(r, lang, doc_lang, resolve)
    dose = dosage_text(r.get("dosage") or r.get("dosageInstruction"), lang)
    since = date_of(choice(r, "effective")[1] or r.get("authoredOn"), lang)
    status = r.get("status") if r.get("status") not in (None, "active", "unknown") else None
    details = [dose]
    if since:
        details.append(f"{word('since', lang)} {since}")
    if isinstance(status, str):
        details.append(word(status, lang))
    return _join(name, ", ".join(d for d in details if d))


def _medication(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    name = concept_text(r.get("code"), lang, doc_lang)
    form = concept_text(r.get("form"), lang, doc_lang)
    strength = ""
    for ingredient in as_list(r.get("ingredient")):
        if isinstance(ingredient, Mapping) and isinstance(ingredient.get("strength"), Mapping):
            s = ingredient["strength"]
            strength = format_quantity(s.get("numerator"), lang)
            denominator = s.get("denominator")
            if isinstance(denominator, Mapping) and denominator.get("value") not in (None, 1):
                strength += f"/{format_quantity(denominator, lang)}"
            break
    return ", ".join(p for p in (name, strength, form) if p)


def _immunization(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    name = concept_text(r.get("vaccineCode"), lang, doc_lang)
    when = date_of(choice(r, "occurrence")[1], lang)
    status = r.get("status") if r.get("status") not in (None, "completed") else None
    details = [f"{word('on', lang)} {when}" if when else ""]
    if isinstance(status, str):
        details.append(word(status, lang))
    return _join(name, ", ".join(d for d in details if d))


def _observation(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    name = concept_text(r.get("code"), lang, doc_lang)
    value = observation_value(r, lang, doc_lang)
    ref = ""
    ranges = r.get("referenceRange")
    if isinstance(ranges, list) and ranges:
        ref = format_range(ranges[0], lang)
    when = date_of(choice(r, "effective")[1], lang)
    head = f"{name}: {value}" if value else name
    details = []
    if ref:
        details.append(f"{word('reference', lang)} {ref}")
    if when:
        details.append(when)
    return f"{head} ({', '.join(details)})" if details else head


def _report(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    name = concept_text(r.get("code"), lang, doc_lang)
    when = date_of(choice(r, "effective")[1] or r.get("issued"), lang)
    count = len(as_list(r.get("result")))
    results = {"en": "results", "da": "resultater"}[lang]
    return _join(name, ", ".join(p for p in (when, f"{count} {results}" if count else "") if p))


def _procedure(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    name = concept_text(r.get("code"), lang, doc_lang)
    when = date_of(choice(r, "performed")[1], lang)
    return _join(name, f"{word('on', lang)} {when}" if when else "")


def _device(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    name = concept_text(r.get("type"), lang, doc_lang)
    if not name:
        for dn in as_list(r.get("deviceName")):
            if isinstance(dn, Mapping) and dn.get("name"):
                name = str(dn["name"])
                break
    return name


def _device_use(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    device = r.get("device")
    name = ""
    if isinstance(device, Mapping):
        target = resolve(str(device.get("reference", ""))) if resolve else None
        name = (
            summarise(target, lang, doc_lang=doc_lang) if target else str(device.get("display", ""))
        )
    since = date_of(choice(r, "timing")[1] or r.get("recordedOn"), lang)
    site = concept_text(r.get("bodySite"), lang, doc_lang)
    return _join(
        name, ", ".join(p for p in (site, f"{word('since', lang)} {since}" if since else "") if p)
    )


def _flag(r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None) -> str:
    return _join(concept_text(r.get("code"), lang, doc_lang), date_of(r.get("period"), lang))


def _consent(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    scope = concept_text(r.get("scope"), lang, doc_lang)
    category = concept_text(first_concept(r, "category"), lang, doc_lang)
    provision = r.get("provision")
    decision = ""
    if isinstance(provision, Mapping):
        if isinstance(provision.get("type"), str):
            decision = word(provision["type"], lang)
        codes = [concept_text(c, lang, doc_lang) for c in as_list(provision.get("code"))]
        if codes:
            decision = f"{decision}: {', '.join(codes)}" if decision else ", ".join(codes)
    when = date_of(r.get("dateTime"), lang)
    return _join(category or scope, ", ".join(p for p in (decision, when) if p))


def _care_plan(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    title = str(r.get("title") or r.get("description") or "")
    if not title:
        title = concept_text(first_concept(r, "category"), lang, doc_lang)
    return _join(title, date_of(r.get("period"), lang))


def _clinical_impression(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    return str(
        r.get("summary") or r.get("description") or concept_text(r.get("code"), lang, doc_lang)
    )


def _patient(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    name = human_name(r.get("name"))
    born = r.get("birthDate")
    gender = r.get("gender")
    details = []
    if isinstance(gender, str):
        details.append(word(gender, lang))
    if isinstance(born, str):
        details.append(f"{word('born', lang)} {human_date(born[:10], lang)}")
    return _join(name, ", ".join(details))


def _practitioner(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    return human_name(r.get("name"))


def _practitioner_role(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    parts = []
    for key in ("practitioner", "organization"):
        ref = r.get(key)
        if isinstance(ref, Mapping):
            target = resolve(str(ref.get("reference", ""))) if resolve else None
            parts.append(
                summarise(target, lang, doc_lang=doc_lang)
                if target
                else str(ref.get("display", ""))
            )
    role = concept_text(first_concept(r, "code", "specialty"), lang, doc_lang)
    return ", ".join(p for p in (parts[0] if parts else "", role, *parts[1:]) if p)


def _organization(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    return str(r.get("name", ""))


def _document_reference(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    desc = str(r.get("description") or concept_text(r.get("type"), lang, doc_lang))
    return _join(desc, date_of(r.get("date"), lang))


def _specimen(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    kind = concept_text(r.get("type"), lang, doc_lang)
    collection = r.get("collection")
    when = (
        date_of(choice(collection, "collected")[1], lang) if isinstance(collection, Mapping) else ""
    )
    return _join(kind, when)


def _imaging_study(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    desc = str(r.get("description") or "")
    if not desc:
        modalities = [concept_text(m, lang, doc_lang) for m in as_list(r.get("modality"))]
        desc = ", ".join(m for m in modalities if m)
    return _join(desc, date_of(r.get("started"), lang))


_BUILDERS: dict[str, Callable[[Mapping[str, Any], Lang, str | None, Resolver | None], str]] = {
    "Condition": _condition,
    "AllergyIntolerance": _allergy,
    "MedicationStatement": _medication_use,
    "MedicationRequest": _medication_use,
    "MedicationDispense": _medication_use,
    "MedicationAdministration": _medication_use,
    "Medication": _medication,
    "Immunization": _immunization,
    "Observation": _observation,
    "DiagnosticReport": _report,
    "Procedure": _procedure,
    "Device": _device,
    "DeviceUseStatement": _device_use,
    "Flag": _flag,
    "Consent": _consent,
    "CarePlan": _care_plan,
    "ClinicalImpression": _clinical_impression,
    "Patient": _patient,
    "Practitioner": _practitioner,
    "PractitionerRole": _practitioner_role,
    "Organization": _organization,
    "DocumentReference": _document_reference,
    "Specimen": _specimen,
    "ImagingStudy": _imaging_study,
}
