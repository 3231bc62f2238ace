"""Named test cases and their verdicts, shared by content, link and consumer tests.

A case is ``pass``, ``fail`` or ``not-applicable`` (the rule does not apply to what was tested,
e.g. the ``U`` flag rules on a link without ``U``). ``evidence`` says in plain words what was seen,
so a reviewer can check the verdict without re-running anything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Verdict(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    NOT_APPLICABLE = "not-applicable"


@dataclass(frozen=True)
class CaseResult:
    """The outcome of one named test case.

    ``case_id`` is stable (``shl.payload.url-length``) so CI history can follow a case;
    ``rule`` quotes the requirement it checks and ``reference`` names where it comes from.
    """

    case_id: str
    title: str
    verdict: Verdict
    evidence: str
    rule: str = ""
    reference: str = ""
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def failed(self) -> bool:
        return self.verdict is Verdict.FAIL

    def as_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "id": self.case_id,
            "title": self.title,
            "verdict": self.verdict.value,
            "evidence": self.evidence,
        }
        if self.rule:
            body["rule"] = self.rule
        if self.reference:
            body["reference"] = self.reference
        if self.details:
            body["details"] = self.details
        return body

    @classmethod
    def from_dict(cls, body: dict[str, Any]) -> CaseResult:
        return cls(
            case_id=str(body["id"]),
            title=str(body.get("title", "")),
            verdict=Verdict(str(body["verdict"])),
            evidence=str(body.get("evidence", "")),
            rule=str(body.get("rule", "")),
            reference=str(body.get("reference", "")),
            details=dict(body.get("details") or {}),
        )


def passed(case_id: str, title: str, evidence: str, **extra: Any) -> CaseResult:
    return CaseResult(case_id, title, Verdict.PASS, evidence, **extra)


def failed(case_id: str, title: str, evidence: str, **extra: Any) -> CaseResult:
    return CaseResult(case_id, title, Verdict.FAIL, evidence, **extra)


def not_applicable(case_id: str, title: str, evidence: str, **extra: Any) -> CaseResult:
    return CaseResult(case_id, title, Verdict.NOT_APPLICABLE, evidence, **extra)


def verdict_of(ok: bool) -> Verdict:
    return Verdict.PASS if ok else Verdict.FAIL


@dataclass(frozen=True)
class Tally:
    passed: int
    failed: int
    not_applicable: int

    @property
    def total(self) -> int:
        return self.passed + self.failed + self.not_applicable

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def as_dict(self) -> dict[str, int]:
        return {
            "passed": self.passed,
            "failed": self.failed,
            "notApplicable": self.not_applicable,
        }


def tally(cases: Iterable[CaseResult]) -> Tally:
    counts = {verdict: 0 for verdict in Verdict}
    for case in cases:
        counts[case.verdict] += 1
    return Tally(counts[Verdict.PASS], counts[Verdict.FAIL], counts[Verdict.NOT_APPLICABLE])
