"""Lab values as a clinician reads them: decimal comma in Danish, UCUM units, abnormal flags.

Rules: FHIR R4 Quantity (value is a decimal, code/system UCUM), UCUM print symbols,
Observation.interpretation (v3 ObservationInterpretation) and Observation.referenceRange.
"""

from __future__ import annotations

from typing import Any

import pytest

from xshare_desktop.render.quantities import (
    UCUM,
    abnormal_flag,
    format_number,
    quantity_text,
    range_text,
    unit_text,
)

NBSP = "\u00a0"


def _q(value: Any, code: str, unit: str | None = None) -> dict[str, Any]:
    q: dict[str, Any] = {"value": value, "system": UCUM, "code": code}
    if unit is not None:
        q["unit"] = unit
    return q


@pytest.mark.parametrize(
    ("value", "da", "en"),
    [
        (4.1, "4,1", "4.1"),
        (128, "128", "128"),
        (0.00001, "0,00001", "0.00001"),
        (7.90, "7,9", "7.9"),
    ],
)
def test_decimal_separator_follows_the_language(value: float, da: str, en: str) -> None:
    """Danish writes a decimal comma (Retskrivningsordbogen §57), English a point; no exponent."""
    assert format_number(value, "da") == da
    assert format_number(value, "en") == en


def test_unit_printed_from_the_ucum_code_whatever_the_display_says() -> None:
    """'mmol/l' beside 'mmol/L' came from the sender's display: the UCUM code decides."""
    assert unit_text(_q(4.1, "mmol/L", "mmol/l"), "da") == "mmol/L"
    assert unit_text(_q(78, "umol/L", "umol/l"), "da") == "µmol/L"
    assert unit_text(_q(138, "mm[Hg]"), "en") == "mmHg"
    assert unit_text(_q(68, "mL/min/{1.73_m2}"), "da") == "mL/min/1,73 m²"
    assert unit_text(_q(68, "mL/min/{1.73_m2}"), "en") == "mL/min/1.73 m²"
    # an annotation is a word, not a unit: the sender's text names it
    assert unit_text(_q(1, "{tablet}", "tablet"), "da") == "tablet"
    # no UCUM code: the sender's text as it is
    assert unit_text({"value": 3, "unit": "stk"}, "da") == "stk"


def test_quantity_keeps_value_and_unit_on_one_line() -> None:
    assert quantity_text(_q(4.1, "mmol/L"), "da") == f"4,1{NBSP}mmol/L"
    assert quantity_text({**_q(5, "mmol/L"), "comparator": "<"}, "en") == f"<5{NBSP}mmol/L"


def test_reference_range_in_the_language() -> None:
    low, high = _q(3.5, "mmol/L"), _q(4.6, "mmol/L")
    assert range_text({"low": low, "high": high}, "da") == f"3,5–4,6{NBSP}mmol/L"
    assert range_text({"low": _q(60, "mL/min/{1.73_m2}")}, "da") == f"≥ 60{NBSP}mL/min/1,73 m²"
    assert range_text({"text": "negativ"}, "da") == "negativ"


def _obs(value: float, low: float | None, high: float | None, **extra: Any) -> dict[str, Any]:
    ref: dict[str, Any] = {}
    if low is not None:
        ref["low"] = _q(low, "umol/L")
    if high is not None:
        ref["high"] = _q(high, "umol/L")
    return {"valueQuantity": _q(value, "umol/L"), "referenceRange": [ref], **extra}


def _interpretation(code: str) -> list[dict[str, Any]]:
    system = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
    return [{"coding": [{"system": system, "code": code}]}]


def test_value_above_the_range_is_flagged_high() -> None:
    """Kreatinin 128 against 60–105 must be marked even without Observation.interpretation."""
    flag = abnormal_flag(_obs(128, 60, 105), "da")
    assert flag is not None and flag.code == "H" and flag.words == "høj" and flag.from_range
    low = abnormal_flag(_obs(40, 60, 105), "en")
    assert low is not None and low.code == "L" and low.words == "low"
    assert abnormal_flag(_obs(80, 60, 105), "da") is None
    assert abnormal_flag(_obs(105, 60, 105), "da") is None  # the limit itself is inside


def test_the_senders_interpretation_comes_first() -> None:
    stated = abnormal_flag(_obs(80, 60, 105, interpretation=_interpretation("HH")), "da")
    assert stated is not None and stated.code == "HH" and not stated.from_range
    # a stated Normal is believed: the sender may use a range the document does not carry
    assert abnormal_flag(_obs(128, 60, 105, interpretation=_interpretation("N")), "da") is None


def test_no_flag_when_the_units_differ() -> None:
    """Comparing 128 µmol/L against a range in mmol/L would be a false alarm."""
    obs = _obs(128, None, None)
    obs["referenceRange"] = [{"high": _q(0.105, "mmol/L")}]
    assert abnormal_flag(obs, "da") is None
