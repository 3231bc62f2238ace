"""The label evidence pack as data: what a run found, and how its report files are named.

Kept apart from ``evidence`` (which writes the pack) so that the HTML report and the writer
both read it without importing each other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from xshare_desktop import __version__
from xshare_desktop.core.workbench.content_tests import ContentRun
from xshare_desktop.core.workbench.declaration import Declaration
from xshare_desktop.core.workbench.provider_checks import LinkTestReport
from xshare_desktop.core.workbench.results import CaseResult, Tally, tally
from xshare_desktop.core.workbench.statement import statement_as_dict

FORMAT_NAME = "xshare-label-evidence"
FORMAT_VERSION = 1


@dataclass
class EvidencePack:
    declaration: Declaration
    content: ContentRun | None = None
    links: list[LinkTestReport] = field(default_factory=list)
    consumer: list[CaseResult] = field(default_factory=list)  # self-reported ticks
    generated: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def content_cases(self) -> list[CaseResult]:
        return self.content.cases if self.content else []

    @property
    def link_cases(self) -> list[CaseResult]:
        return [case for report in self.links for case in report.all_cases]

    @property
    def cases(self) -> list[CaseResult]:
        return self.content_cases + self.link_cases + self.consumer

    @property
    def tally(self) -> Tally:
        return tally(self.cases)

    @property
    def ok(self) -> bool:
        """Every applicable test case passed (and at least one ran)."""
        counts = self.tally
        return counts.failed == 0 and counts.passed > 0

    def as_dict(self, files: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
        return {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "generated": self.generated.isoformat(timespec="seconds").replace("+00:00", "Z"),
            "tool": {"name": "xShare Desktop", "version": __version__},
            "verdict": "pass" if self.ok else "fail",
            "tally": self.tally.as_dict(),
            "declaration": self.declaration.as_dict(),
            "conformanceStatement": statement_as_dict(
                self.declaration, self.content, self.links, self.consumer
            ),
            "content": _content_dict(self.content),
            "links": [report.as_dict() for report in self.links],
            "consumer": [case.as_dict() for case in self.consumer],
            "files": list(files),
        }


def _content_dict(content: ContentRun | None) -> dict[str, Any] | None:
    if content is None:
        return None
    return {
        "executor": content.executor,
        "workers": content.workers,
        "seconds": round(content.duration_s, 3),
        "documents": [
            {
                **report.case().as_dict(),
                "file": report.name,
                "specification": report.spec_id,
                "profile": report.profile,
                "errors": report.error_count,
                "warnings": report.warning_count,
                "information": report.information_count,
                "report": report_file_stem(report.name) + ".html" if report.result else None,
            }
            for report in content.reports
        ],
    }


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def report_file_stem(name: str) -> str:
    """``sub/dir/doc.json`` -> ``reports/sub_dir_doc.json``: one flat, safe name per document."""
    return "reports/" + _UNSAFE.sub("_", name.replace("/", "_")).lstrip(".")
