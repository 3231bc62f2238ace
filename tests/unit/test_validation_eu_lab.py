"""The HL7 Europe laboratory report: its examples, its missing dependencies, and documents that
claim a specification (or a version of one) that is not installed."""

from __future__ import annotations

import copy
import json
import tarfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from xshare_desktop.core.fhir_packages import ConformanceContext
from xshare_desktop.core.validation.engine import Validator
from xshare_desktop.core.workbench.content_tests import choose_specification
from xshare_desktop.core.workbench.specifications import specification

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "fhir-packages"
LAB_TGZ = SHARED / "hl7.fhir.eu.laboratory-0.2.0-ci.tgz"
LAB_BUNDLE = "http://hl7.eu/fhir/laboratory/StructureDefinition/Bundle-eu-lab"
IPS_BUNDLE = "http://hl7.org/fhir/uv/ips/StructureDefinition/Bundle-uv-ips"


def _lab_examples() -> dict[str, Any]:
    """Read from the tarball itself, so that tests without the package installed have them."""
    found: dict[str, Any] = {}
    with tarfile.open(LAB_TGZ) as tar:
        for member in tar.getmembers():
            name = Path(member.name).name
            if member.name.startswith("package/example/Bundle-") and name.endswith(".json"):
                handle = tar.extractfile(member)
                assert handle is not None
                found[name] = json.loads(handle.read())
    return found


LAB_EXAMPLES = _lab_examples()


@pytest.fixture(scope="module")
def default_context(fhir_cache: Path) -> ConformanceContext:
    # What `xshare validate` and the app load: the defaults present in the cache.
    return ConformanceContext.load(cache=fhir_cache, with_defaults=True)


@pytest.fixture(scope="module")
def validator(default_context: ConformanceContext) -> Validator:
    return Validator(default_context)


def test_the_five_examples_are_there() -> None:
    assert len(LAB_EXAMPLES) == 5


def test_missing_dependencies_are_reported_not_fatal(default_context: ConformanceContext) -> None:
    """hl7.fhir.eu.laboratory 0.2.0-ci depends on hl7.fhir.eu.extensions 0.1.x (not available):
    the context loads, says so, and resolves `hl7.fhir.uv.ips current` to what is installed."""
    loaded = {p.name: p.version for p in default_context.packages}
    assert loaded["hl7.fhir.eu.laboratory"] == "0.2.0-ci"
    assert loaded["hl7.fhir.uv.ips"] == "2.0.0"
    assert any(
        "hl7.fhir.eu.extensions" in w and "not installed" in w for w in default_context.warnings
    ), default_context.warnings


@pytest.mark.parametrize("name", sorted(LAB_EXAMPLES))
def test_eu_lab_examples_have_no_false_error(validator: Validator, name: str) -> None:
    """The published examples of the IG (checked by its own build with the HL7 validator)
    conform to Bundle-eu-lab: no error from several profiles, open slicing or code systems."""
    result = validator.validate(LAB_EXAMPLES[name])
    assert result.profile == LAB_BUNDLE
    assert result.profile_version == "0.2.0-ci"
    assert result.errors == [], [f"{i.expression}: {i.message}" for i in result.errors]


def _without_meta(document: dict[str, Any]) -> dict[str, Any]:
    bare = copy.deepcopy(document)
    bare.pop("meta", None)
    for entry in bare["entry"]:
        entry["resource"].pop("meta", None)
    return bare


def test_the_composition_type_picks_the_lab_profile(validator: Validator) -> None:
    """A document with no meta.profile claims its specification by Composition.type (LOINC
    11502-2 "Laboratory report"), as 60591-5 claims the IPS."""
    document = _without_meta(LAB_EXAMPLES["Bundle-SimpleChemistryResultReport.json"])
    result = validator.validate(document)
    assert result.profile == LAB_BUNDLE
    assert result.errors == [], [i.message for i in result.errors]


@pytest.mark.parametrize("claim", ["meta", "type"])
def test_a_lab_report_is_never_checked_against_ips(
    fhir_cache_without: Callable[..., Path], claim: str
) -> None:
    """Without the EU lab package a lab report is checked against R4 core only, and the verdict
    says which specification it claims and what to install; IPS is never used for it."""
    cache = fhir_cache_without("hl7.fhir.eu.laboratory")
    checker = Validator(ConformanceContext.load(cache=cache, with_defaults=True))
    document = LAB_EXAMPLES["Bundle-SimpleChemistryResultReport.json"]
    if claim == "type":
        document = _without_meta(document)
    result = checker.validate(document)
    assert result.profile != IPS_BUNDLE
    assert not any("uv/ips" in i.source for i in result.issues)
    assert result.errors == [], [i.message for i in result.errors]
    hints = [
        i for i in result.issues if "xshare packages install hl7.fhir.eu.laboratory" in i.message
    ]
    assert hints and all(i.severity == "warning" for i in hints)


def test_the_workbench_does_not_hold_a_lab_report_to_ips() -> None:
    """A vendor who declared only IPS gets "not checked" for a lab report, not "Fail"."""
    document = LAB_EXAMPLES["Bundle-SimpleChemistryResultReport.json"]
    chosen = choose_specification(_without_meta(document), [specification("ips")])
    assert isinstance(chosen, str) and "Laboratory Report" in chosen
    assert choose_specification(document, [specification("eu-lab")]) is specification("eu-lab")


# --- versions --------------------------------------------------------------------------------
@pytest.mark.parametrize(("claimed", "warned"), [("2.0.0", False), ("1.1.0", True), (None, False)])
def test_the_claimed_profile_version(
    validator: Validator, fhir_cache: Path, claimed: str | None, warned: bool
) -> None:
    """meta.profile may carry |version (R4 canonical references): the installed version is
    used and reported; a different version only gives a warning, never an error."""
    path = fhir_cache / "hl7.fhir.uv.ips#2.0.0/package/example/Bundle-bundle-minimal.json"
    document = json.loads(path.read_text())
    document["meta"] = {"profile": [IPS_BUNDLE + (f"|{claimed}" if claimed else "")]}
    result = validator.validate(document)
    assert result.errors == [], [i.message for i in result.errors]
    assert result.profile_version == "2.0.0"
    notes = [i for i in result.issues if "which is not installed" in i.message]
    assert bool(notes) is warned
    assert all(i.severity == "warning" and "version 2.0.0" in i.message for i in notes)
