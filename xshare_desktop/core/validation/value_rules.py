"""Rules on the content of some data types that no snapshot states as a constraint.

- Attachment (R4 datatypes.html#Attachment): ``size`` is the number of bytes of the content and
  ``hash`` its SHA-1 (base64); with inline ``data`` both can be checked, as the HL7 validator does.
- markdown (R4 datatypes.html#markdown): markdown is not HTML; raw HTML tags in it are shown as
  text or stripped by readers, so they get a warning (the HL7 validator's default).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from typing import Any

from xshare_desktop.core.validation.issues import ValidationIssue

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
