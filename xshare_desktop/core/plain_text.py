"""Text from outside shown safely: control characters written visibly instead of obeyed.

A recipient name, a link label or a file name arrives from someone else. Printed raw, a
newline fakes an extra row in a listing, an escape sequence recolours a terminal, and a
right-to-left override turns "fdp.exe" into something else. These helpers write such characters
in their JSON spelling (``\\u000a``), so JSON keeps its meaning and text shows what was there.
"""

from __future__ import annotations

import re

# C0 and C1 controls (but newline and tab), DEL, and the bidirectional overrides and isolates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# The same, and everything that breaks a line.
_UNSAFE_IN_A_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def terminal_safe(text: str) -> str:
    """``text`` with control characters other than newline and tab written as ``\\uXXXX``."""
    return _UNSAFE.sub(_visible, text)


def one_line(text: str, limit: int | None = None) -> str:
    """``text`` as a single line (line breaks and tabs written visibly too), cut at ``limit``."""
    shown = _UNSAFE_IN_A_LINE.sub(_visible, text)
    if limit is not None and len(shown) > limit:
        shown = shown[: limit - 1] + "…"
    return shown
