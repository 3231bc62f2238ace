"""What a Link Provider test run produces: its options, the fetched files, the report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from xshare_desktop.core.workbench.content_tests import DocumentReport
from xshare_desktop.core.workbench.link_http import Exchange
from xshare_desktop.core.workbench.results import CaseResult, not_applicable

DEFAULT_RECIPIENT = "xShare label workbench"
JOSE = "application/jose"


@dataclass(frozen=True)
class LinkTestOptions:
    passcode: str | None = None
    recipient: str = DEFAULT_RECIPIENT
    allow_destructive: bool = False
    timeout: float = 20.0


@dataclass
class FetchedFile:
    """One file of the link as fetched: where it came from and its JWE."""

    index: int
    content_type: str
    token: str | None
    source: str  # "embedded", "location" or "direct"


@dataclass
class LinkTestReport:
    label: str | None
    manifest_url: str | None
    flags: str
    cases: list[CaseResult] = field(default_factory=list)
    documents: list[DocumentReport] = field(default_factory=list)
    exchanges: list[dict[str, Any]] = field(default_factory=list)

    @property
    def all_cases(self) -> list[CaseResult]:
        return self.cases + [report.case() for report in self.documents]

    @property
    def ok(self) -> bool:
        return not any(case.failed for case in self.all_cases)

    def as_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "manifestHost": urlsplit(self.manifest_url).netloc if self.manifest_url else None,
            "flags": self.flags,
            "cases": [case.as_dict() for case in self.cases],
            "documents": [report.case().as_dict() for report in self.documents],
            "exchanges": self.exchanges,
        }


class CaseLog:
    """Where a link test run writes its cases and the HTTP exchanges it made."""

    def __init__(self, report: LinkTestReport) -> None:
        self.report = report

    def add(self, case: CaseResult) -> None:
        self.report.cases.append(case)

    def record(self, exchange: Exchange, purpose: str) -> Exchange:
        self.report.exchanges.append({"purpose": purpose, **exchange.as_evidence()})
        return exchange

    def skip(self, ids_titles: list[tuple[str, str]], why: str) -> None:
        for case_id, title in ids_titles:
            self.add(not_applicable(case_id, title, why))
