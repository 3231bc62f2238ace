"""Profiles that ship only a differential (issue #11: the HL7 validator builds their snapshot).

R4 Profiling (profiling.html, "Differential and snapshot") and ElementDefinition: the snapshot
is the base's snapshot with each differential element applied; a new ``sliceName`` adds a
slice, elements that follow a slice below its path belong to it, a path below a datatype
unfolds the type. Fixtures are written here from those rules.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from tests.unit.validation_support import Overlay
from xshare_desktop.core.fhir_packages import ConformanceContext
from xshare_desktop.core.validation.differential import snapshot_from_differential
from xshare_desktop.core.validation.engine import Validator

BASE = "http://example.org/fhir/StructureDefinition/"


@pytest.fixture(scope="module")
def context(fhir_cache: Path) -> ConformanceContext:
    return ConformanceContext.load(cache=fhir_cache)


def _profile(name: str, base: str, elements: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    kind = "complex-type" if base in ("Extension", "Coding") else "resource"
    if base == "string":
        kind = "primitive-type"
    return {
        "resourceType": "StructureDefinition",
        "url": BASE + name,
        "name": name,
        "status": "draft",
        "kind": kind,
        "abstract": False,
        "type": base,
        "baseDefinition": "http://hl7.org/fhir/StructureDefinition/" + base,
        "derivation": "constraint",
        "differential": {"element": elements},
        **extra,
    }


def _errors(validator: Validator, resource: dict[str, Any]) -> list[str]:
    return [f"{i.expression}: {i.message}" for i in validator.validate(resource).errors]


def test_a_constraint_in_the_differential_applies_and_the_input_is_kept(
    context: ConformanceContext,
) -> None:
    """Profiling: the snapshot is the base with the differential's constraints (max 0 here);
    the profile as read is not changed (inputs are never modified)."""
    profile = _profile(
        "NoName", "Patient", [{"id": "Patient.name", "path": "Patient.name", "max": "0"}]
    )
    before = copy.deepcopy(profile)
    validator = Validator(Overlay(context, profile))
    claimed = {"resourceType": "Patient", "meta": {"profile": [BASE + "NoName"]}}
    assert _errors(validator, {**claimed, "name": [{"family": "Doe"}]}) == [
        "Patient.name: name is not allowed here (the profile prohibits it)"
    ]
    assert _errors(validator, {**claimed, "gender": "female"}) == []
    assert profile == before


def test_a_complex_extension_from_its_differential(context: ConformanceContext) -> None:
    """Extensibility 2.17: a complex extension slices Extension.extension by url; each slice's
    url is fixed and its value typed. The slice's children come from the Extension type."""
    ext = _profile(
        "pair",
        "Extension",
        [
            {
                "id": "Extension.extension",
                "path": "Extension.extension",
                "slicing": {"discriminator": [{"type": "value", "path": "url"}], "rules": "closed"},
            },
            {
                "id": "Extension.extension:left",
                "path": "Extension.extension",
                "sliceName": "left",
                "min": 1,
                "max": "1",
            },
            {
                "id": "Extension.extension:left.url",
                "path": "Extension.extension.url",
                "fixedUri": "left",
            },
            {
                "id": "Extension.extension:left.value[x]",
                "path": "Extension.extension.value[x]",
                "type": [{"code": "string"}],
            },
            {"id": "Extension.url", "path": "Extension.url", "fixedUri": BASE + "pair"},
            {"id": "Extension.value[x]", "path": "Extension.value[x]", "max": "0"},
        ],
        context=[{"type": "element", "expression": "Patient"}],
    )
    validator = Validator(Overlay(context, ext))

    def patient(*parts: dict[str, Any]) -> dict[str, Any]:
        return {
            "resourceType": "Patient",
            "extension": [{"url": BASE + "pair", "extension": list(parts)}],
        }

    assert _errors(validator, patient({"url": "left", "valueString": "a"})) == []
    wrong_type = _errors(validator, patient({"url": "left", "valueBoolean": True}))
    assert len(wrong_type) == 1 and "Patient.extension[0].extension[0]" in wrong_type[0]
    missing = _errors(validator, patient({"url": "right", "valueString": "b"}))
    assert any("left" in e for e in missing), missing


def test_path_only_elements_after_a_slice_belong_to_that_slice(
    context: ConformanceContext,
) -> None:
    """Profiling: a differential may omit ids; an element after a slice whose path is below
    the slice's constrains the slice, not every item (here only slice 'coded' needs coding)."""
    profile = _profile(
        "Categories",
        "Observation",
        [
            {
                "path": "Observation.category",
                "slicing": {"discriminator": [{"type": "exists", "path": "text"}], "rules": "open"},
            },
            {"path": "Observation.category", "sliceName": "coded", "min": 0},
            {"path": "Observation.category.text", "max": "0"},
            {"path": "Observation.category.coding", "min": 1},
        ],
    )
    built = snapshot_from_differential(profile, context.structure_definition)
    assert built is not None
    by_id = {e["id"]: e for e in built["snapshot"]["element"]}
    assert by_id["Observation.category:coded.coding"]["min"] == 1
    # the base element (children from CodeableConcept) keeps min 0
    assert by_id.get("Observation.category.coding", {"min": 0})["min"] == 0
    validator = Validator(Overlay(context, profile))
    observation = {
        "resourceType": "Observation",
        "meta": {"profile": [BASE + "Categories"]},
        "status": "final",
        "code": {"text": "x"},
        "category": [{"text": "free text is another item, not the slice"}],
    }
    assert _errors(validator, observation) == []


def test_a_choice_type_named_in_the_differential_narrows_value_x(
    context: ConformanceContext,
) -> None:
    """ElementDefinition.path: ``Observation.valueQuantity`` constrains ``value[x]`` to the
    Quantity type."""
    profile = _profile(
        "QuantityOnly", "Observation", [{"path": "Observation.valueQuantity", "min": 1}]
    )
    built = snapshot_from_differential(profile, context.structure_definition)
    assert built is not None
    value = next(e for e in built["snapshot"]["element"] if e["id"] == "Observation.value[x]")
    assert value["min"] == 1 and [t["code"] for t in value["type"]] == ["Quantity"]


def test_no_snapshot_for_a_specialisation_or_an_unknown_base(
    context: ConformanceContext,
) -> None:
    """Only constraints are built; a logical model or a base we cannot load gets no made-up
    snapshot (the profile then counts as not installed)."""
    logical = _profile("Model", "Patient", [{"path": "Patient"}], derivation="specialization")
    assert snapshot_from_differential(logical, context.structure_definition) is None
    orphan = _profile("Orphan", "Patient", [{"path": "Patient.name", "max": "0"}])
    orphan["baseDefinition"] = BASE + "missing"
    assert snapshot_from_differential(orphan, context.structure_definition) is None


def test_a_datatype_profile_decides_a_profile_slice(context: ConformanceContext) -> None:
    """Slicing, discriminator type ``profile`` (profiling.html#discriminator): the item's
    element must conform to the slice's type profile, also when that is a datatype profile
    (a fixed string here). An item that matches no slice of an open slicing is allowed."""
    fixed_text = _profile(
        "FixedText", "string", [{"id": "string", "path": "string", "fixedString": "Some Text"}]
    )
    profile = _profile(
        "ByText",
        "Observation",
        [
            {
                "path": "Observation.category",
                "slicing": {
                    "discriminator": [{"type": "profile", "path": "text"}],
                    "rules": "open",
                },
            },
            {"path": "Observation.category", "sliceName": "fixed", "min": 1},
            {
                "path": "Observation.category.text",
                "min": 1,
                "type": [{"code": "string", "profile": [BASE + "FixedText"]}],
            },
        ],
    )
    validator = Validator(Overlay(context, profile, fixed_text))
    observation = {
        "resourceType": "Observation",
        "meta": {"profile": [BASE + "ByText"]},
        "status": "final",
        "code": {"text": "x"},
        "category": [{"text": "Some Text"}, {"text": "other"}],
    }
    assert _errors(validator, observation) == []
    observation["category"] = [{"text": "other"}]
    errors = _errors(validator, observation)
    assert len(errors) == 1 and "fixed" in errors[0], errors


def test_resource_variables_carry_their_type_in_invariants(context: ConformanceContext) -> None:
    """FHIRPath (fhirpath.html#vars) and R4 invariants: ``%resource`` is the resource holding
    the element and ``%rootResource`` the one holding a contained resource; ``type()`` on them
    is their resource type."""
    rule = "%context.type().name = 'Reference' and %resource.type().name = 'Patient'"
    profile = _profile(
        "TypedVars",
        "Patient",
        [
            {
                "path": "Patient.generalPractitioner",
                "constraint": [
                    {"key": "tv-1", "severity": "error", "human": "typed", "expression": rule}
                ],
            }
        ],
    )
    validator = Validator(Overlay(context, profile))
    patient = {
        "resourceType": "Patient",
        "meta": {"profile": [BASE + "TypedVars"]},
        "contained": [{"resourceType": "Practitioner", "id": "p1"}],
        "generalPractitioner": [{"reference": "#p1"}],
    }
    assert _errors(validator, patient) == []
    broken = copy.deepcopy(profile)
    broken["differential"]["element"][0]["constraint"][0]["expression"] = rule.replace(
        "'Patient'", "'Practitioner'"
    )
    broken_validator = Validator(Overlay(context, broken))
    assert [e.split(":")[0] for e in _errors(broken_validator, patient)] == [
        "Patient.generalPractitioner[0]"
    ]


@pytest.mark.parametrize(
    ("limits", "value", "fails"),
    [
        ({"maxValueDecimal": 999}, {"valueQuantity": {"value": 999}}, False),  # inclusive
        ({"maxValueDecimal": 999}, {"valueQuantity": {"value": 999.5}}, True),
        ({"minValueDecimal": 0.5}, {"valueQuantity": {"value": 0.25}}, True),
        ({"minValueDecimal": 0.5}, {"valueQuantity": {"value": 0.5}}, False),
    ],
)
def test_min_and_max_values_are_inclusive_limits(
    context: ConformanceContext, limits: dict[str, Any], value: dict[str, Any], fails: bool
) -> None:
    """ElementDefinition.minValue[x] / maxValue[x]: inclusive limits on the value."""
    profile = _profile(
        "Limited",
        "Observation",
        [{"path": "Observation.valueQuantity", "type": [{"code": "Quantity"}]},
         {"path": "Observation.valueQuantity.value", **limits}],
    )  # fmt: skip
    validator = Validator(Overlay(context, profile))
    observation = {
        "resourceType": "Observation",
        "meta": {"profile": [BASE + "Limited"]},
        "status": "final",
        "code": {"text": "x"},
        **value,
    }
    errors = _errors(validator, observation)
    assert bool(errors) is fails, errors
    if fails:
        assert errors[0].startswith("Observation.valueQuantity.value:"), errors


@pytest.mark.parametrize(
    ("limit", "value", "fails"),
    [
        ("2020-01-01", "2019-12-31", True),
        ("2020-01-01", "2020-01-01", False),
        ("2020-01-01", "2019-12", False),  # another precision: not comparable, not an error
    ],
)
def test_a_date_minimum(context: ConformanceContext, limit: str, value: str, fails: bool) -> None:
    """ElementDefinition.minValueDate; dates of different precision are not ordered (FHIRPath
    comparison of partial dates gives no answer)."""
    profile = _profile("Recent", "Patient", [{"path": "Patient.birthDate", "minValueDate": limit}])
    validator = Validator(Overlay(context, profile))
    patient = {
        "resourceType": "Patient",
        "meta": {"profile": [BASE + "Recent"]},
        "birthDate": value,
    }
    assert bool(_errors(validator, patient)) is fails
