"""Accuracy on the 44 IPS 2.0.0 examples, compared with the HL7 validator's own output.

Every example must validate with 0 errors against its own profiles (as the HL7 validator
reports in ``other/validation-oo.json``). Our warnings must be of the kinds that file shows
(unknown code systems, identifier systems nobody registered, value sets that are not
installed) or of a few kinds the HL7 validator reports too but the IPS build suppresses
(extensible bindings, best-practice rules, unknown extensions).
"""

from __future__ import annotations

import json
import re
import tarfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from xshare_desktop.core.fhir_packages import ConformanceContext
from xshare_desktop.core.validation.engine import Validator
from xshare_desktop.core.validation.issues import ValidationIssue

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "fhir-packages"
IPS_TGZ = SHARED / "hl7.fhir.uv.ips-2.0.0.tgz"


def _example_names() -> list[str]:
    with tarfile.open(IPS_TGZ) as tar:
        return sorted(
            Path(n).name
            for n in tar.getnames()
            if n.startswith("package/example/") and n.endswith(".json")
        )


EXAMPLES = _example_names()


@pytest.fixture(scope="module")
def validator(fhir_cache: Path) -> Validator:
    return Validator(ConformanceContext.load(cache=fhir_cache))


@pytest.fixture(scope="module")
def ips_dir(fhir_cache: Path) -> Path:
    return fhir_cache / "hl7.fhir.uv.ips#2.0.0" / "package"


@pytest.fixture(scope="module")
def hl7_outcomes(ips_dir: Path) -> dict[str, list[dict[str, Any]]]:
    bundle = json.loads((ips_dir / "other" / "validation-oo.json").read_text())
    return {e["resource"]["id"]: e["resource"].get("issue", []) for e in bundle["entry"]}


def _kind(issue: ValidationIssue) -> str:
    if issue.source == "Coding.system" and issue.code == "not-found":
        return "unknown-code-system"
    if issue.source == "Identifier.system" and issue.code == "invalid":
        return "unregistered-identifier-system"
    if issue.code == "code-invalid" and "is not installed" in issue.message:
        return "value-set-not-found"
    if issue.code == "code-invalid" and "(extensible binding)" in issue.message:
        return "extensible-binding"
    if issue.code == "invariant":
        return "best-practice-rule"
    if issue.code == "not-found" and "extension" in issue.message:
        return "unknown-extension"
    return f"other: {issue.code} {issue.message}"


ALLOWED_WARNING_KINDS = {
    "unknown-code-system",
    "unregistered-identifier-system",
    "value-set-not-found",
    "extensible-binding",
    "best-practice-rule",
    "unknown-extension",
}


def _hl7_urls(issues: list[dict[str, Any]], message_id: str) -> set[str]:
    found = set()
    for issue in issues:
        ids = {x.get("valueCode") for x in issue.get("extension", [])}
        if message_id in ids:
            match = re.search(r"'([^']+)'", issue["details"]["text"])
            if match:
                found.add(match.group(1))
    return found


def _iter_strings(issues: list[ValidationIssue], kind: str) -> Iterator[str]:
    for issue in issues:
        if _kind(issue) == kind:
            match = re.search(r"'([^']+)'", issue.message)
            if match:
                yield match.group(1)


def test_all_44_examples_are_there() -> None:
    assert len(EXAMPLES) == 44


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_has_no_errors_and_expected_warning_kinds(
    name: str, validator: Validator, ips_dir: Path, hl7_outcomes: dict[str, list[dict[str, Any]]]
) -> None:
    resource = json.loads((ips_dir / "example" / name).read_text())
    result = validator.validate(resource)
    assert result.errors == [], "\n".join(
        f"{i.expression}: {i.message} [{i.source}]" for i in result.errors
    )
    kinds = {_kind(i) for i in result.warnings}
    assert kinds <= ALLOWED_WARNING_KINDS, kinds - ALLOWED_WARNING_KINDS

    hl7 = hl7_outcomes[name.removesuffix(".json")]
    # Where the HL7 validator could not find a code system, neither can we.
    hl7_systems = _hl7_urls(hl7, "UNKNOWN_CODESYSTEM")
    assert hl7_systems <= set(_iter_strings(result.warnings, "unknown-code-system"))
    # The identifier namespaces it flags, we flag too.
    hl7_identifiers = {
        url
        for url in _hl7_urls(hl7, "Type_Specific_Checks_DT_URL_Resolve")
        if any("identifier" in e.lower() for i in hl7 for e in i.get("expression", []))
    }
    ours = set(_iter_strings(result.warnings, "unregistered-identifier-system"))
    assert hl7_identifiers <= ours


def test_example_validation_uses_the_declared_profiles(validator: Validator, ips_dir: Path) -> None:
    patient = json.loads((ips_dir / "example" / "Patient-66033.json").read_text())
    assert validator.infer_profile(patient) == patient["meta"]["profile"][0]
    bundle = json.loads((ips_dir / "example" / "Bundle-bundle-ips-all-sections.json").read_text())
    bundle.pop("meta", None)
    assert (
        validator.infer_profile(bundle)
        == "http://hl7.org/fhir/uv/ips/StructureDefinition/Bundle-uv-ips"
    )
    assert validator.validate(bundle).profile == validator.infer_profile(bundle)
