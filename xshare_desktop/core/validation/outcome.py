"""Validation results as FHIR R4 OperationOutcomes (a Bundle of them for several files)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from xshare_desktop.core.validation.issues import SEVERITY_ORDER, ValidationIssue, ValidationResult

LINE_EXTENSION = "http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-line"
COLUMN_EXTENSION = "http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-col"
FILE_EXTENSION = "http://hl7.org/fhir/StructureDefinition/operationoutcome-file"
# The R4 IssueType codes; anything else a rule produced is reported as "processing".
ISSUE_TYPES = frozenset(
    {
        "invalid", "structure", "required", "value", "invariant", "security", "login",
        "unknown", "expired", "forbidden", "suppressed", "processing", "not-supported",
        "duplicate", "multiple-matches", "not-found", "deleted", "too-long", "code-invalid",
        "extension", "too-costly", "business-rule", "conflict", "transient", "lock-error",
        "no-store", "exception", "timeout", "incomplete", "throttled", "informational",
    }
)  # fmt: skip


def sorted_issues(issues: Sequence[ValidationIssue]) -> list[ValidationIssue]:
    """Most severe first, then in document order (by position, else by location)."""
    return sorted(
        issues,
        key=lambda i: (
            SEVERITY_ORDER.get(i.severity, 9),
            i.line if i.line is not None else 1 << 30,
            i.column or 0,
            i.expression,
        ),
    )


def _issue(issue: ValidationIssue) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    extensions = []
    if issue.line is not None:
        extensions.append({"url": LINE_EXTENSION, "valueInteger": issue.line})
    if issue.column is not None:
        # valueInteger, as the HL7 validator writes it and the tools reading its output expect,
        # although the extensions pack's definition of issue-col says valueString.
        extensions.append({"url": COLUMN_EXTENSION, "valueInteger": issue.column})
    if extensions:
        entry["extension"] = extensions
    entry["severity"] = issue.severity
    entry["code"] = issue.code if issue.code in ISSUE_TYPES else "processing"
    entry["details"] = {"text": issue.message}
    if issue.source:
        entry["diagnostics"] = issue.source
    if issue.expression:
        entry["expression"] = [issue.expression]
    return entry


def to_operation_outcome(result: ValidationResult) -> dict[str, Any]:
    outcome: dict[str, Any] = {"resourceType": "OperationOutcome"}
    if result.file:
        outcome["extension"] = [{"url": FILE_EXTENSION, "valueString": result.file}]
    issues = [_issue(i) for i in sorted_issues(result.issues)]
    if not issues:
        # OperationOutcome.issue is 1..*: say so explicitly, as the HL7 validator does.
        issues = [
            {
                "severity": "information",
                "code": "informational",
                "details": {"text": "No issues found."},
            }
        ]
    outcome["issue"] = issues
    return outcome


def to_outcome_bundle(results: Sequence[ValidationResult]) -> dict[str, Any]:
    # Every entry of a collection has a fullUrl (R4 bundle.html): a stable one per file and
    # position, so that the same run writes the same report.
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {
                "fullUrl": "urn:uuid:"
                + str(uuid.uuid5(uuid.NAMESPACE_URL, f"xshare-validate:{index}:{r.file or ''}")),
                "resource": to_operation_outcome(r),
            }
            for index, r in enumerate(results)
        ],
    }


def outcome_for(results: Sequence[ValidationResult]) -> dict[str, Any]:
    """One OperationOutcome for one file, a Bundle of them for several."""
    if len(results) == 1:
        return to_operation_outcome(results[0])
    return to_outcome_bundle(results)
