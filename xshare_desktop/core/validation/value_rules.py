"""Rules on the content of some data types that no snapshot states as a constraint.

- Attachment (R4 datatypes.html#Attachment): ``size`` is the number of bytes of the content and
  ``hash`` its SHA-1 (base64); with inline ``data`` both can be checked, as the HL7 validator does.
- markdown (R4 datatypes.html#markdown): markdown is not HTML; raw HTML tags in it are shown as
  text or stripped by readers, so they get a warning (the HL7 validator's default).
- minValue[x] / maxValue[x] (R4 ElementDefinition): inclusive limits on numbers, dates and times.
  Dates of different precision are not compared (as in FHIRPath, the answer is unknown).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import operator
import re
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from xshare_desktop.core.validation.issues import ValidationIssue

if TYPE_CHECKING:
    from xshare_desktop.core.validation.snapshot import ElementDef

_NUMBER_TYPES = frozenset({"decimal", "integer", "positiveInt", "unsignedInt", "integer64"})
_TIME_TYPES = frozenset({"date", "dateTime", "instant", "time"})

_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")


def check_attachment(value: dict[str, Any], path: str, sink: list[ValidationIssue]) -> None:
    data = value.get("data")
    if not isinstance(data, str):
        return
    try:
        content = base64.b64decode("".join(data.split()), validate=True)
    except (binascii.Error, ValueError):
        return  # the base64Binary format rule reports it
    size = value.get("size")
    if isinstance(size, int) and not isinstance(size, bool) and size != len(content):
        sink.append(
            ValidationIssue(
                "error",
                "value",
                f"The stated attachment size {size} does not match the size of its data "
                f"({len(content)} bytes)",
                f"{path}.size",
                "Attachment.size",
            )
        )
    stated = value.get("hash")
    if isinstance(stated, str):
        actual = base64.b64encode(hashlib.sha1(content).digest()).decode("ascii")
        if "".join(stated.split()) != actual:
            sink.append(
                ValidationIssue(
                    "error",
                    "value",
                    "The stated attachment hash does not match the SHA-1 of its data "
                    f"(expected {actual})",
                    f"{path}.hash",
                    "Attachment.hash",
                )
            )


def check_markdown(value: str, path: str, sink: list[ValidationIssue]) -> None:
    found = _HTML_TAG.search(value)
    if found is None:
        return
    sink.append(
        ValidationIssue(
            "warning",
            "value",
            f"The markdown contains the HTML tag {found.group(0)[:40]!r}; markdown is not HTML, "
            "so readers show it as text or drop it (escape the angle brackets)",
            path,
            "markdown",
        )
    )


def check_value_limits(
    value: Any, code: str, element: ElementDef, path: str, sink: list[ValidationIssue]
) -> None:
    for limit, too_far, word in (
        (element.min_value, operator.lt, "less than the minimum"),
        (element.max_value, operator.gt, "greater than the maximum"),
    ):
        if limit is None:
            continue
        pair = _comparable(value, limit, code)
        if pair is not None and too_far(*pair):
            sink.append(
                ValidationIssue(
                    "error",
                    "value",
                    f"{element.base_name} is {value}, {word} of {limit} the profile allows",
                    path,
                    element.id,
                )
            )


def _comparable(value: Any, limit: Any, code: str) -> tuple[Any, Any] | None:
    if code in _NUMBER_TYPES:
        if isinstance(value, bool) or isinstance(limit, bool):
            return None
        try:
            return Decimal(str(value)), Decimal(str(limit))
        except (InvalidOperation, ValueError):
            return None
    if code in _TIME_TYPES and isinstance(value, str) and isinstance(limit, str):
        if "T" in value or "T" in limit:
            try:
                first = datetime.fromisoformat(value.replace("Z", "+00:00"))
                second = datetime.fromisoformat(limit.replace("Z", "+00:00"))
            except ValueError:
                return None
            if (first.tzinfo is None) != (second.tzinfo is None) or len(value) < 19:
                return None  # no zone on one side, or no seconds: not comparable
            return first, second
        if len(value) == len(limit):  # the same precision: ISO text orders like the dates
            return value, limit
    return None
