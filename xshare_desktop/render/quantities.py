"""Numbers, units, reference ranges and abnormal flags as a clinician reads them.

Danish writes a decimal comma, English a decimal point. UCUM units are printed
from their code, so "mmol/L" stays "mmol/L" in every row whatever the sender
typed as display text; UCUM's own print symbols (µ, ², mmHg) are applied by a
short table: the UCUM tables are large and no maintained Python package prints
UCUM codes, and the units on lab reports are a small known set.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

UCUM = "http://unitsofmeasure.org"
INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"

# UCUM codes whose printed form differs from the code (UCUM "print symbol")
_PRINT = {
    "umol/L": "µmol/L",
    "ug/L": "µg/L",
    "ug": "µg",
    "uL": "µL",
    "mm[Hg]": "mmHg",
    "kg/m2": "kg/m²",
    "m2": "m²",
    "m[IU]/L": "mIU/L",
    "[IU]/L": "IU/L",
    "10*9/L": "10⁹/L",
    "10*12/L": "10¹²/L",
    "Cel": "°C",
    "[in_i]": "in",
    "[lb_av]": "lb",
}
_ANNOTATED = {
    "mL/min/{1.73_m2}": {"da": "mL/min/1,73 m²", "en": "mL/min/1.73 m²"},
}


def format_number(value: Any, lang: str) -> str:
    """A FHIR decimal as written, with the language's decimal separator (no rounding)."""
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        return ""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    text = format(number, "f")  # str() of a float is its shortest exact form; no exponent
    return text.replace(".", ",") if lang == "da" else text


def unit_text(quantity: Mapping[str, Any], lang: str) -> str:
    """The unit: printed from the UCUM code where there is one, else the sender's text."""
    code = quantity.get("code")
    unit = quantity.get("unit")
    if quantity.get("system") == UCUM and isinstance(code, str) and code:
        if code == "1":
            return ""
        if code in _ANNOTATED:
            return _ANNOTATED[code].get(lang, _ANNOTATED[code]["en"])
        if "{" not in code:  # an annotation ({tablet}) is a word: the sender's text says it
            return _PRINT.get(code, code)
    if isinstance(unit, str):
        return unit
    return code if isinstance(code, str) else ""


def quantity_text(quantity: Any, lang: str) -> str:
    if not isinstance(quantity, Mapping):
        return ""
    number = format_number(quantity.get("value"), lang)
    unit = unit_text(quantity, lang)
    comparator = str(quantity.get("comparator") or "")
    # a no-break space: the value never ends one line and its unit starts the next
    return (
        f"{comparator}{number}\u00a0{unit}" if number and unit else f"{comparator}{number}" or unit
    )


def range_text(reference_range: Any, lang: str) -> str:
    """The range as "60–105 µmol/L" or "≥ 60 mL/min/1,73 m²", else the range's own text."""
    if not isinstance(reference_range, Mapping):
        return ""
    low, high = reference_range.get("low"), reference_range.get("high")
    low = low if isinstance(low, Mapping) and "value" in low else None
    high = high if isinstance(high, Mapping) and "value" in high else None
    if low and high:
        unit = unit_text(high, lang)
        low_text = format_number(low.get("value"), lang)
        if unit_text(low, lang) != unit:
            low_text = quantity_text(low, lang)
        return f"{low_text}–{quantity_text(high, lang)}"
    if low:
        return f"≥ {quantity_text(low, lang)}"
    if high:
        return f"≤ {quantity_text(high, lang)}"
    text = reference_range.get("text")
    return text if isinstance(text, str) else ""


@dataclass(frozen=True)
class Flag:
    code: str  # the v3 ObservationInterpretation code shown, e.g. "H"
    words: str  # in the reader's language
    from_range: bool  # worked out from the reference range, not stated by the sender


_FLAG_WORDS = {
    "H": ("high", "høj"),
    "HH": ("critically high", "kritisk høj"),
    "HU": ("significantly high", "betydeligt høj"),
    "L": ("low", "lav"),
    "LL": ("critically low", "kritisk lav"),
    "LU": ("significantly low", "betydeligt lav"),
    "A": ("abnormal", "unormal"),
    "AA": ("critically abnormal", "kritisk unormal"),
    ">": ("above the measuring range", "over måleområdet"),
    "<": ("below the measuring range", "under måleområdet"),
    "POS": ("positive", "positiv"),
    "DET": ("detected", "påvist"),
    "R": ("resistant", "resistent"),
    "I": ("intermediate", "intermediær"),
    "W": ("worse", "forværret"),
    "U": ("significant change up", "betydelig stigning"),
    "D": ("significant change down", "betydeligt fald"),
}


def _words(code: str, lang: str) -> str:
    en, da = _FLAG_WORDS[code]
    return da if lang == "da" else en


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _same_unit(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    if a.get("code") and b.get("code"):
        return bool(a.get("system") == b.get("system") and a.get("code") == b.get("code"))
    return a.get("unit") == b.get("unit")


def abnormal_flag(observation: Mapping[str, Any], lang: str) -> Flag | None:
    """The sender's interpretation when it marks the result abnormal; else the range's verdict.

    FHIR R4 Observation.interpretation (v3 ObservationInterpretation); without it, a
    quantity above referenceRange.high or below .low (same unit) is flagged H or L.
    A stated "N" (normal) is believed: the sender may use a range we cannot see.
    """
    stated: list[str] = []
    for concept in observation.get("interpretation") or []:
        if not isinstance(concept, Mapping):
            continue
        for coding in concept.get("coding") or []:
            if isinstance(coding, Mapping) and coding.get("system") == INTERPRETATION:
                stated.append(str(coding.get("code") or ""))
    for code in stated:
        if code in _FLAG_WORDS:
            return Flag(code, _words(code, lang), from_range=False)
    if stated:
        return None
    value = observation.get("valueQuantity")
    if not isinstance(value, Mapping) or value.get("comparator"):
        return None
    number = _decimal(value.get("value"))
    ranges = observation.get("referenceRange")
    if number is None or not isinstance(ranges, list) or not ranges:
        return None
    first = ranges[0] if isinstance(ranges[0], Mapping) else {}
    low, high = first.get("low"), first.get("high")
    if isinstance(high, Mapping) and _same_unit(value, high):
        limit = _decimal(high.get("value"))
        if limit is not None and number > limit:
            return Flag("H", _words("H", lang), from_range=True)
    if isinstance(low, Mapping) and _same_unit(value, low):
        limit = _decimal(low.get("value"))
        if limit is not None and number < limit:
            return Flag("L", _words("L", lang), from_range=True)
    return None
