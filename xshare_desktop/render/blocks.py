"""What a clinical PDF is made of, before any layout: headings, facts, tables and notes.

Plain data without Qt, so the builder that fills it (``render.clinical``) is tested
without a display, and the page layout (``render.share_pdf``) only places it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class Text:
    """One cell or value: plain text, optionally in italics (not in the reader's language)."""

    text: str
    italic: bool = False
    flag: str | None = None  # an abnormal-result mark, drawn bold after the text
    hyphenate: bool = True  # False for what must stay whole (dates, numbers)
    lang: str | None = None  # the text's own language when not the reader's ("da"/"en")


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2  # 1 = the document's title, 2 = a section, 3 = a table within a section


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: Literal["body", "note"] = "body"


@dataclass(frozen=True)
class Facts:
    """Label / value lines without borders (the patient, the document, the report)."""

    rows: list[tuple[str, Text]]


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[Text]]


@dataclass(frozen=True)
class Bullets:
    items: list[str]


Block = Heading | Paragraph | Facts | Table | Bullets


@dataclass(frozen=True)
class PageHeader:
    """Repeated on every page: who the document is about, and when it was written."""

    patient: str
    identifier: str  # "CPR-nr. 120354-9996", or what stands in for it
    date: str  # "Dokumentets dato 13. oktober 2026"


@dataclass
class ClinicalDocument:
    title: str
    lang: str  # "da" or "en"
    header: PageHeader
    blocks: list[Block] = field(default_factory=list)

    def page_label(self, page: int, total: int) -> str:
        return f"Side {page} af {total}" if self.lang == "da" else f"Page {page} of {total}"
