"""Primitive values: the JSON shape each FHIR primitive type takes and the format rule it obeys.

The formats are the regular expressions the FHIR package itself publishes on each primitive
type's ``value`` element (extension ``.../regex``); they are compiled once per type.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Mapping
from typing import Any

REGEX_EXTENSION = "http://hl7.org/fhir/StructureDefinition/regex"

_INTEGER_TYPES = frozenset({"integer", "positiveInt", "unsignedInt", "integer64"})

_JSON_KIND = {
    "boolean": "boolean",
    "integer": "integer",
    "positiveInt": "integer",
    "unsignedInt": "integer",
    "decimal": "number",
}

# Limits the HL7 validator applies beyond the regexes.
_INT32_MIN, _INT32_MAX = -(2**31), 2**31 - 1
MAX_STRING_LENGTH = 1024 * 1024


def json_kind(type_code: str) -> str:
    """``boolean``, ``integer``, ``number`` or ``string``: what JSON value a primitive needs."""
    return _JSON_KIND.get(type_code, "string")


def describe_json(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


StructureLoader = Callable[[str], Mapping[str, Any] | None]


_REMEMBERED_LENGTH = 128
_REMEMBERED_VERDICTS = 50_000


class PrimitiveFormats:
    """Checks primitive values against the package's own format rules."""

    def __init__(self, load_structure: StructureLoader) -> None:
        self._load = load_structure
        self._patterns: dict[str, re.Pattern[str] | None] = {}
        self._lock = threading.Lock()
        # Verdicts on short strings, which repeat (codes, systems, dates): a dict lookup
        # instead of a regex. Bounded: emptied when full.
        self._verdicts: dict[tuple[str, str], str | None] = {}

    def pattern(self, type_code: str) -> re.Pattern[str] | None:
        try:
            return self._patterns[type_code]
        except KeyError:
            pass
        with self._lock:
            if type_code not in self._patterns:
                self._patterns[type_code] = self._compile(type_code)
            return self._patterns[type_code]

    def _compile(self, type_code: str) -> re.Pattern[str] | None:
        sd = self._load(type_code)
        if sd is None:
            return None
        for element in (sd.get("snapshot") or {}).get("element") or ():
            if element.get("path") != f"{type_code}.value":
                continue
            for type_json in element.get("type") or ():
                for ext in type_json.get("extension") or ():
                    if ext.get("url") == REGEX_EXTENSION and ext.get("valueString"):
                        try:
                            return re.compile(str(ext["valueString"]))
                        except re.error:
                            return None
        return None

    def check(self, type_code: str, value: Any) -> str | None:
        """A plain-words problem with ``value`` as a ``type_code``, or None when it is fine."""
        if type(value) is not str or len(value) > _REMEMBERED_LENGTH:
            return self._check(type_code, value)
        key = (type_code, value)
        verdicts = self._verdicts
        try:
            return verdicts[key]
        except KeyError:
            pass
        verdict = self._check(type_code, value)
        if len(verdicts) >= _REMEMBERED_VERDICTS:
            verdicts.clear()
        verdicts[key] = verdict
        return verdict

    def _check(self, type_code: str, value: Any) -> str | None:
        kind = json_kind(type_code)
        if kind == "boolean":
            if not isinstance(value, bool):
                return f"must be true or false (JSON boolean), not {describe_json(value)}"
            return None
        if kind == "integer":
            if isinstance(value, bool) or not isinstance(value, int):
                if isinstance(value, float) and value.is_integer():
                    return f"must be a whole number without a decimal point, not {value!r}"
                return f"must be a whole number (JSON number), not {describe_json(value)}"
            if not _INT32_MIN <= value <= _INT32_MAX:
                return f"{value} is outside the 32-bit integer range"
            text = str(value)
        elif kind == "number":
            if isinstance(value, bool) or not isinstance(value, int | float):
                return f"must be a number (JSON number), not {describe_json(value)}"
            if isinstance(value, float) and (
                value != value or value in (float("inf"), float("-inf"))
            ):
                return "must be a finite number"
            return None
        else:
            if not isinstance(value, str):
                return f"must be a JSON string, not {describe_json(value)}"
            if value == "":
                return "must not be an empty string (leave the property out instead)"
            if type_code == "xhtml":
                return None
            if len(value) > MAX_STRING_LENGTH:
                return f"is longer than {MAX_STRING_LENGTH} characters"
            if type_code in ("string", "markdown"):
                if value.strip() == "":
                    return "must contain more than white space"
                return None
            text = value
        pattern = self.pattern(type_code)
        if pattern is not None and pattern.fullmatch(text) is None:
            return f"{text!r} is not a valid {type_code}"
        if type_code in ("date", "dateTime", "instant"):
            return _check_calendar(text)
        return None


_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _check_calendar(text: str) -> str | None:
    """The regexes allow 2023-02-31; the calendar does not."""
    if len(text) < 10:
        return None
    try:
        year, month, day = int(text[0:4]), int(text[5:7]), int(text[8:10])
    except ValueError:
        return None
    if not 1 <= month <= 12:
        return None
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    limit = 29 if month == 2 and leap else 28 if month == 2 else _DAYS_IN_MONTH[month - 1]
    if day > limit:
        return f"{text!r} is not a real calendar date"
    return None


def is_integer_type(type_code: str) -> bool:
    return type_code in _INTEGER_TYPES
