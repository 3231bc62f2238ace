"""The document model's data types: a document, its entries, sections and patient.

``core/document.py`` builds these from a Bundle's JSON tree and re-exports them; they only
read what was built (the original tree stays in ``Document.raw``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xshare_desktop.core.model_check import ModelIssue
from xshare_desktop.core.references import BundleResolver, ReferenceIndex

CPR_SYSTEM = "urn:oid:1.2.208.176.1.2"


def format_cpr(value: str) -> str:
    """Danish CPR numbers are read as DDMMYY-SSSS."""
    digits = value.replace("-", "")
    if len(digits) == 10 and digits.isdigit():
        return f"{digits[:6]}-{digits[6:]}"
    return value


@dataclass
class Entry:
    index: int
    full_url: str
    resource: Mapping[str, Any]
    resource_type: str
    id: str | None
    status: str | None
    date: str | None
    # One-line summaries are made when first asked for (a front end that shows one
    # language need not pay for the other: issue 18), then kept.
    _summarise: Callable[[str], str] = field(repr=False, compare=False)
    _summaries: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def path(self) -> str:
        return f"Bundle.entry[{self.index}].resource"

    @property
    def summary(self) -> str:
        return self.summary_in("en")

    @property
    def summary_da(self) -> str:
        return self.summary_in("da")

    def summary_in(self, lang: str) -> str:
        key = "da" if lang.startswith("da") else "en"
        found = self._summaries.get(key)
        if found is None:
            found = self._summaries[key] = self._summarise(key)
        return found


@dataclass
class Section:
    code: str | None
    code_display: str | None
    title: str
    narrative: str | None
    empty_reason: Mapping[str, Any] | None
    entries: list[Entry]
    sections: list[Section]
    path: str
    unresolved_entries: list[str] = field(default_factory=list)

    def all_entries(self) -> list[Entry]:
        found = list(self.entries)
        for sub in self.sections:
            found.extend(sub.all_entries())
        return found


@dataclass(frozen=True)
class PatientInfo:
    name: str
    birth_date: str | None
    gender: str | None
    identifiers: list[tuple[str, str]]
    address: str | None
    telecom: list[str]

    @property
    def cpr(self) -> str | None:
        for system, value in self.identifiers:
            if system == CPR_SYSTEM:
                return value
        return None


@dataclass
class Document:
    raw: Mapping[str, Any]
    raw_bytes: bytes
    source: Path | None
    kind: str  # "ips" | "eu-lab" | "document"
    language: str | None
    entries: list[Entry]
    composition: Entry
    patient: Entry | None
    patient_info: PatientInfo | None
    sections: list[Section]
    references: ReferenceIndex
    model_issues: list[ModelIssue]
    title: str
    date: str | None
    type_display: str
    authors: list[str]
    custodian: str | None
    _resolver: BundleResolver = field(repr=False)
    _by_url: dict[str, Entry] = field(repr=False)

    def entry_by_url(self, full_url: str) -> Entry | None:
        return self._by_url.get(full_url)

    def resolve(self, reference: str, from_entry: Entry | None = None) -> Entry | None:
        index = self._resolver.resolve(reference, from_entry.full_url if from_entry else None)
        return self.entries[index] if index is not None else None

    def all_section_entries(self) -> list[Entry]:
        found: list[Entry] = []
        for section in self.sections:
            found.extend(section.all_entries())
        return found

    @property
    def language_base(self) -> str:
        return (self.language or "en").split("-")[0].lower()
