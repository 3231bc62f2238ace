"""OperationOutcome, text, JUnit and HTML reports, and checking files (JSON, XML, unreadable)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fhir_packages import ConformanceContext
from xshare_desktop.core.progress import Progress
from xshare_desktop.core.validation.checking import check_files
from xshare_desktop.core.validation.issues import ValidationIssue, ValidationResult
from xshare_desktop.core.validation.outcome import (
    COLUMN_EXTENSION,
    LINE_EXTENSION,
    outcome_for,
    to_operation_outcome,
)
from xshare_desktop.core.validation.report import (
    render_html,
    render_junit,
    render_text,
    resource_label,
    resource_location,
)

BIRTH = ValidationIssue(
    "error",
    "value",
    "The date 1970-13-01 is not a valid date.",
    "Bundle.entry[1].resource.birthDate",
    "Patient.birthDate",
    12,
    7,
)
SECTION = ValidationIssue(
    "error",
    "invariant",
    "A required section has neither entries nor an empty reason.",
    "Bundle.entry[0].resource.section[0]",
    "ips-comp-1",
)
SYSTEM = ValidationIssue(
    "warning",
    "not-found",
    "A definition for CodeSystem 'urn:oid:1.2' could not be found.",
    "Bundle.entry[1].resource.identifier[0].system",
    "Identifier.system",
    20,
    9,
)
BAD = ValidationResult([SYSTEM, BIRTH, SECTION], "http://ips/Bundle", "Bundle", 0.042, "bad.json")
GOOD = ValidationResult([], "http://ips/Bundle", "Bundle", 0.01, "good.json")
DOCUMENT = {
    "resourceType": "Bundle",
    "entry": [
        {"resource": {"resourceType": "Composition"}},
        {"resource": {"resourceType": "Patient"}},
    ],
}


# -- OperationOutcome ---------------------------------------------------------------------------


def test_operation_outcome_carries_everything() -> None:
    outcome = to_operation_outcome(BAD)
    assert outcome["resourceType"] == "OperationOutcome"
    assert outcome["extension"][0]["valueString"] == "bad.json"
    first, second, third = outcome["issue"]
    # Errors come first, in document order; the issue without a position after those with one.
    assert first == {
        "extension": [
            {"url": LINE_EXTENSION, "valueInteger": 12},
            {"url": COLUMN_EXTENSION, "valueInteger": 7},
        ],
        "severity": "error",
        "code": "value",
        "details": {"text": "The date 1970-13-01 is not a valid date."},
        "diagnostics": "Patient.birthDate",
        "expression": ["Bundle.entry[1].resource.birthDate"],
    }
    assert second["diagnostics"] == "ips-comp-1" and "extension" not in second
    assert third["severity"] == "warning"


def test_clean_files_and_unknown_codes() -> None:
    clean = to_operation_outcome(GOOD)
    assert clean["issue"] == [
        {
            "severity": "information",
            "code": "informational",
            "details": {"text": "No issues found."},
        }
    ]
    odd = ValidationResult([ValidationIssue("error", "made-up", "m", "Patient", "")])
    assert to_operation_outcome(odd)["issue"][0]["code"] == "processing"
    bundle = outcome_for([BAD, GOOD])
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "collection"
    assert [e["resource"]["resourceType"] for e in bundle["entry"]] == ["OperationOutcome"] * 2
    assert outcome_for([GOOD])["resourceType"] == "OperationOutcome"


def test_operation_outcome_conforms_to_r4(fhir_cache: Path) -> None:
    from xshare_desktop.core.validation.engine import Validator

    validator = Validator(ConformanceContext.load(cache=fhir_cache))
    for outcome in (
        to_operation_outcome(BAD),
        to_operation_outcome(GOOD),
        outcome_for([BAD, GOOD]),
    ):
        result = validator.validate(outcome)
        # The published issue-col extension says valueString, but the HL7 validator (and the
        # tools reading its output) use valueInteger, as we do: that one finding is expected.
        errors = [e for e in result.errors if not _is_column_extension(outcome, e.expression)]
        assert errors == [], errors


def _is_column_extension(outcome: dict[str, Any], expression: str) -> bool:
    node: Any = outcome
    for name, index in re.findall(r"\.(\w+)(?:\[(\d+)\])?", expression):
        node = node.get(name) if isinstance(node, dict) else None
        if index and isinstance(node, list):
            node = node[int(index)]
        if isinstance(node, dict) and node.get("url") == COLUMN_EXTENSION:
            return True
    return False


# -- text ------------------------------------------------------------------------------------


def test_text_report_lines() -> None:
    text = render_text([BAD, GOOD])
    lines = text.splitlines()
    assert lines[0].startswith("bad.json: FAILED against http://ips/Bundle - 2 errors, 1 warning")
    assert lines[1] == (
        "  bad.json:12:7 error [Patient.birthDate] The date 1970-13-01 is not a valid date. "
        "(at Bundle.entry[1].resource.birthDate)"
    )
    assert lines[2].startswith("  bad.json error [ips-comp-1] A required section")
    assert lines[3].startswith("  bad.json:20:9 warning [Identifier.system]")
    assert lines[4].startswith("good.json: passed")
    assert lines[-1] == "2 files checked, 1 with errors: 2 errors, 1 warning, 0 information."


# -- JUnit -----------------------------------------------------------------------------------


def test_junit_has_a_suite_per_file_and_a_case_per_error() -> None:
    root = ET.fromstring(render_junit([BAD, GOOD]))
    assert root.tag == "testsuites" and root.get("failures") == "2" and root.get("tests") == "3"
    bad, good = root.findall("testsuite")
    assert bad.get("name") == "bad.json" and bad.get("failures") == "2"
    cases = bad.findall("testcase")
    assert [c.get("name") for c in cases] == [
        "Bundle.entry[1].resource.birthDate [Patient.birthDate]",
        "Bundle.entry[0].resource.section[0] [ips-comp-1]",
    ]
    failure = cases[0].find("failure")
    assert failure is not None and failure.get("type") == "value"
    assert "bad.json:12:7" in (failure.text or "")
    assert "urn:oid:1.2" in (bad.findtext("system-out") or "")
    (passing,) = good.findall("testcase")
    assert passing.find("failure") is None and good.get("failures") == "0"


@given(st.text(), st.text())
def test_junit_is_well_formed_for_any_text(message: str, file: str) -> None:
    issue = ValidationIssue("error", "value", message, "Patient.name", message)
    root = ET.fromstring(render_junit([ValidationResult([issue], file=file)]))
    assert root.find("testsuite/testcase/failure") is not None


# -- HTML ------------------------------------------------------------------------------------


def test_html_is_self_contained_and_escaped() -> None:
    hostile = ValidationIssue(
        "error", "value", '<script>alert("x")</script> & <img src=x onerror=y>', "Patient", "k"
    )
    page = render_html(
        [BAD, ValidationResult([hostile], file="<b>evil</b>.json")], {"bad.json": DOCUMENT}
    )
    assert "<script" not in page and "<img" not in page and "<b>evil" not in page
    assert "&lt;script&gt;" in page
    assert not re.search(r"<[a-z][^<>]*\b(src|href)\s*=", page)  # nothing loaded from outside
    assert "<style>" in page
    # Summary counts and grouping by severity, then by resource.
    assert re.search(r"<b>3</b>errors", page)
    assert "Patient (entry 2) (1)" in page and "Composition (entry 1) (1)" in page
    assert page.index("Error (2)") < page.index("Warning (1)")


def test_resource_locations_and_labels() -> None:
    assert (
        resource_location("Bundle.entry[3].resource.code.coding[0]") == "Bundle.entry[3].resource"
    )
    assert (
        resource_location("Bundle.entry[3].resource.contained[1].code")
        == "Bundle.entry[3].resource.contained[1]"
    )
    assert resource_location("Patient.name[0]") == "Patient"
    assert resource_location("Bundle.entry[0].resourceX") == "Bundle"
    assert resource_label("Bundle.entry[1].resource.birthDate", DOCUMENT) == "Patient (entry 2)"
    assert resource_label("Bundle.entry[7].resource.birthDate", DOCUMENT) == "Resource (entry 8)"
    assert resource_label("Bundle.type", DOCUMENT) == "Bundle"


# -- checking files --------------------------------------------------------------------------


class RecordingValidator:
    """Stands in for the engine: reports one error at birthDate when there is one."""

    def __init__(self) -> None:
        self.seen: list[tuple[Any, str | None]] = []

    def validate(
        self,
        resource: Any,
        *,
        profile: str | None = None,
        positions: Mapping[str, tuple[int, int]] | None = None,
        progress: Progress | None = None,
    ) -> ValidationResult:
        self.seen.append((resource, profile))
        issues = []
        if "birthDate" in resource:
            line, column = (positions or {}).get("Patient.birthDate", (None, None))
            issues.append(
                ValidationIssue("error", "value", "bad", "Patient.birthDate", "x", line, column)
            )
        return ValidationResult(issues, profile, resource["resourceType"], 0.0)


def test_check_files_reads_json_and_xml_and_reports_unreadable(
    tmp_path: Path, fhir_cache: Path
) -> None:
    context = ConformanceContext.load(cache=fhir_cache)
    as_json = tmp_path / "p.json"
    as_json.write_text('{"resourceType": "Patient",\n  "birthDate": "x"}')
    as_xml = tmp_path / "p.xml"
    as_xml.write_text('<Patient xmlns="http://hl7.org/fhir">\n\n <birthDate value="x"/></Patient>')
    broken = tmp_path / "broken.json"
    broken.write_text('{"resourceType": ')
    not_fhir = tmp_path / "list.json"
    not_fhir.write_text("[1, 2]")
    validator = RecordingValidator()
    steps: list[tuple[int, int, str]] = []
    run = check_files(
        [as_json, as_xml, broken, not_fhir],
        context,
        validator,
        progress=Progress(lambda d, t, s: steps.append((d, t, s))),
    )
    json_check, xml_check, broken_check, list_check = run.checks
    assert (json_check.result.issues[0].line, json_check.result.issues[0].column) == (2, 3)
    assert (xml_check.result.issues[0].line, xml_check.result.issues[0].column) == (3, 2)
    assert xml_check.document is not None and xml_check.document.syntax == "xml"
    assert json_check.result.file == str(as_json)
    assert broken_check.unreadable and broken_check.result.issues[0].severity == "fatal"
    assert broken_check.result.issues[0].line == 1
    assert list_check.unreadable and "resourceType" in list_check.result.issues[0].message
    assert run.any_unreadable and run.any_errors
    assert len(validator.seen) == 2
    assert steps[0] == (0, 4, "p.json") and steps[-1] == (4, 4, "")


def test_check_files_refuses_an_unknown_profile(fhir_cache: Path, tmp_path: Path) -> None:
    context = ConformanceContext.load(cache=fhir_cache)
    with pytest.raises(UserFacingError, match="not in the installed packages"):
        check_files([tmp_path / "x.json"], context, RecordingValidator(), profile="http://nope")


def test_unreadable_files_get_no_verdict_in_any_report(tmp_path: Path) -> None:
    """Unreadable input (not JSON, truncated) is not "FAILED - 1 error" nor "0 errors, Fail":
    the text report says it was not checked, JUnit counts it as an error (the test could not
    run), the HTML report says it could not be read (issue #11)."""
    truncated = tmp_path / "truncated.json"
    truncated.write_text('{"resourceType": "Bundle", "type": "docu')
    not_json = tmp_path / "notes.json"
    not_json.write_text("hello")
    run = check_files([truncated, not_json], _NoProfiles(), _NeverCalled())  # type: ignore[arg-type]
    assert all(r.unreadable for r in run.results)
    text = render_text(run.results)
    assert "truncated.json: NOT CHECKED - the file could not be read" in text
    assert "FAILED" not in text and "0 errors" not in text
    assert text.splitlines()[-1] == "2 files could not be read (no verdicts)."
    suites = ET.fromstring(render_junit(run.results))
    assert (suites.get("failures"), suites.get("errors")) == ("0", "2")
    html_report = render_html(run.results)
    assert "could not be read" in html_report and "does not conform" not in html_report


class _NoProfiles:
    def structure_definition(self, url: str) -> None:
        return None


class _NeverCalled:
    def validate(self, *args: Any, **kwargs: Any) -> ValidationResult:
        raise AssertionError("an unreadable file must not be validated")
