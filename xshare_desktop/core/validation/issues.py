"""The validator's findings: one ``ValidationIssue`` per root cause, gathered in a ``ValidationResult``.

Both types are plain frozen data so that reports (OperationOutcome, text, JUnit, HTML), the CLI
and the GUI can share them across threads without copying.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["fatal", "error", "warning", "information"]

SEVERITY_ORDER: dict[str, int] = {"fatal": 0, "error": 1, "warning": 2, "information": 3}


@dataclass(frozen=True)
class ValidationIssue:
    """One finding.

    ``code`` is an OperationOutcome issue-type code (structure, required, value, invariant,
    code-invalid, not-found, processing, business-rule, informational...). ``expression`` is the
    FHIRPath location with array indexes (``Bundle.entry[1].resource.birthDate``); ``source`` names
    the rule: a profile element id (``Bundle.entry:composition``) or a constraint key
    (``ips-comp-1``). ``line``/``column`` point into the input text when known.
    """

    severity: Severity
    code: str
    message: str
    expression: str
    source: str
    line: int | None = None
    column: int | None = None

    @property
    def is_failure(self) -> bool:
        return self.severity in ("fatal", "error")


@dataclass(frozen=True)
class ValidationResult:
    issues: list[ValidationIssue] = field(default_factory=list)
    profile: str | None = None
    resource_type: str | None = None
    duration_s: float = 0.0
    file: str | None = None
    # The business version of ``profile`` that was used (StructureDefinition.version).
    profile_version: str | None = None
    # The input could not be read at all (not JSON/XML, cut short): no verdict on content.
    unreadable: bool = False

    @property
    def errors(self) -> list[ValidationIssue]:
        """Fatal and error issues: the ones that fail a run."""
        return [i for i in self.issues if i.is_failure]

    @property
    def warnings(self) -> list[ValidationIssue]:
        return [i for i in self.issues if i.severity == "warning"]

    @property
    def information(self) -> list[ValidationIssue]:
        return [i for i in self.issues if i.severity == "information"]

    @property
    def ok(self) -> bool:
        return not any(i.is_failure for i in self.issues)
