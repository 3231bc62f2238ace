"""What is not in a shared document, and why: the record the person is shown.

Written by ``prune.py`` (and ``resolved.py`` for fields) and read by the explanations, the
preview and the PDF; it never goes into an output.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Reason = Literal["chosen", "section", "depends", "unused", "free-text", "outside"]


@dataclass(frozen=True)
class LeftOut:
    """One thing that is not in the output, for the person (never written to outputs)."""

    kind: Literal["section", "entry", "field"]
    reason: Reason
    full_url: str | None = None
    resource_type: str | None = None
    section_code: str | None = None
    section_title: str | None = None
    field: str | None = None
    because_of: str | None = None  # the fullUrl whose absence caused a "depends"
