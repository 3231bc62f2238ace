"""Where an extension may be used (issue #11, the extension module of the HL7 test cases).

R4 StructureDefinition.context (type element / extension / fhirpath), contextInvariant, and
extensibility.html ("Extension context"; complex extensions define their sub-extensions).
The definitions are written here from those rules.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.unit.validation_support import Overlay
from xshare_desktop.core.fhir_packages import ConformanceContext
from xshare_desktop.core.validation.engine import Validator

BASE = "http://example.org/fhir/StructureDefinition/"
CORE = "http://hl7.org/fhir/StructureDefinition/"


def _extension(name: str, contexts: list[tuple[str, str]], **extra: Any) -> dict[str, Any]:
    """A simple boolean extension usable in the given (type, expression) contexts."""
    return {
        "resourceType": "StructureDefinition",
        "url": BASE + name,
        "name": name,
        "status": "draft",
        "kind": "complex-type",
        "abstract": False,
        "context": [{"type": t, "expression": e} for t, e in contexts],
        "type": "Extension",
        "baseDefinition": CORE + "Extension",
        "derivation": "constraint",
        "differential": {
            "element": [
                {"id": "Extension.extension", "path": "Extension.extension", "max": "0"},
                {"id": "Extension.url", "path": "Extension.url", "fixedUri": BASE + name},
                {
                    "id": "Extension.value[x]",
                    "path": "Extension.value[x]",
                    "min": 1,
                    "type": [{"code": "boolean"}],
                },
            ]
        },
        **extra,
    }


@pytest.fixture(scope="module")
def validator(fhir_cache: Path) -> Validator:
    context = ConformanceContext.load(cache=fhir_cache)
    return Validator(
        Overlay(
            context,
            _extension(
                "onPatientOrName",
                [
                    ("element", "Patient"),
                    ("element", "Patient.name"),
                    ("extension", CORE + "patient-interpreterRequired"),
                    ("fhirpath", "Patient.address.where(use = 'home')"),
                ],
            ),
            _extension("onAnyResource", [("element", "DomainResource"), ("element", "Address")]),
            _extension(
                "onlyWhenInactive",
                [("element", "Patient")],
                contextInvariant=["active.exists().not() or active = false"],
            ),
            _extension("onFuture", [("element", "CanonicalResource")]),
        )
    )


def _flag(name: str) -> dict[str, Any]:
    return {"url": BASE + name, "valueBoolean": True}


def _context_errors(validator: Validator, resource: dict[str, Any]) -> list[str]:
    return [
        i.expression
        for i in validator.validate(resource).errors
        if "not allowed" in i.message and "extension" in i.message
    ]


@pytest.mark.parametrize(
    ("patient", "where"),
    [
        ({"extension": [_flag("onPatientOrName")]}, None),  # element: the resource type
        ({"name": [{"family": "Doe", "extension": [_flag("onPatientOrName")]}]}, None),
        ({"active": True, "_active": {"extension": [_flag("onPatientOrName")]}}, "Patient.active"),
        ({"address": [{"use": "home", "extension": [_flag("onPatientOrName")]}]}, None),
        (
            {"address": [{"use": "work", "extension": [_flag("onPatientOrName")]}]},
            "Patient.address[0]",
        ),
        (
            {
                "extension": [
                    {
                        "url": CORE + "patient-interpreterRequired",
                        "valueBoolean": True,
                        "_valueBoolean": {"extension": [_flag("onPatientOrName")]},
                    }
                ]
            },
            None,  # extension context: anywhere inside that extension
        ),
        (
            {
                "extension": [
                    {
                        "url": CORE + "patient-cadavericDonor",
                        "valueBoolean": False,
                        "_valueBoolean": {"extension": [_flag("onPatientOrName")]},
                    }
                ]
            },
            "Patient.extension[0].valueBoolean",
        ),
    ],
)
def test_element_extension_and_fhirpath_contexts(
    validator: Validator, patient: dict[str, Any], where: str | None
) -> None:
    """StructureDefinition.context: the extension is allowed only on the elements its
    contexts name; anywhere else is an error located at the extension."""
    errors = _context_errors(validator, {"resourceType": "Patient", **patient})
    assert errors == ([] if where is None else [f"{where}.extension[0]"])


def test_a_context_type_allows_every_element_of_that_type(validator: Validator) -> None:
    """An element context naming a type (DomainResource, Address) allows the extension on
    every resource or element of that type or one derived from it."""
    ext = _flag("onAnyResource")
    organization = {"resourceType": "Organization", "extension": [ext],
                    "address": [{"city": "Wien", "extension": [ext]}]}  # fmt: skip
    assert _context_errors(validator, organization) == []
    misplaced = {"resourceType": "Organization", "name": "x", "_name": {"extension": [ext]}}
    assert _context_errors(validator, misplaced) == ["Organization.name.extension[0]"]


def test_a_context_invariant_must_hold_where_the_extension_is(validator: Validator) -> None:
    """StructureDefinition.contextInvariant: evaluated on the element carrying the extension;
    all must be true."""
    ext = _flag("onlyWhenInactive")
    assert _context_errors(validator, {"resourceType": "Patient", "extension": [ext]}) == []
    errors = validator.validate({"resourceType": "Patient", "active": True, "extension": [ext]})
    assert [i.expression for i in errors.errors] == ["Patient.extension[0]"]
    assert "context rule" in errors.errors[0].message


def test_a_context_we_cannot_judge_gives_no_error(validator: Validator) -> None:
    """Liberal in what we read: a context type R4 does not define (R5's CanonicalResource)
    is not held against the document."""
    resource = {"resourceType": "Patient", "extension": [_flag("onFuture")]}
    assert validator.validate(resource).errors == []


def test_a_complex_extension_defines_its_sub_extensions(validator: Validator) -> None:
    """Extensibility: a sub-extension's relative url is defined by its parent extension's
    slices (patient-animal: species, breed, genderStatus); another relative url is an error."""
    species = {"url": "species", "valueCodeableConcept": {"text": "dog"}}
    animal = {"url": CORE + "patient-animal", "extension": [species]}
    assert validator.validate({"resourceType": "Patient", "extension": [animal]}).errors == []
    animal["extension"] = [species, {"url": "colour", "valueString": "brown"}]
    errors = validator.validate({"resourceType": "Patient", "extension": [animal]}).errors
    assert [i.expression for i in errors] == ["Patient.extension[0].extension[1]"]
    assert "'colour' is not defined" in errors[0].message


def test_contained_resources_and_bundle_entries_are_checked_once_each(
    validator: Validator,
) -> None:
    """The context rule holds in every resource (R4 StructureDefinition.context); a resource
    inside another is judged as itself: on a contained Organization the Patient-only extension
    is misplaced, and it is reported once, at the contained resource's path."""
    ext = _flag("onPatientOrName")
    patient = {
        "resourceType": "Patient",
        "extension": [ext],
        "contained": [{"resourceType": "Organization", "id": "o1", "extension": [ext]}],
        "managingOrganization": {"reference": "#o1"},
    }
    assert _context_errors(validator, patient) == ["Patient.contained[0].extension[0]"]
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {"fullUrl": "urn:uuid:7d1c2b3a-0000-4000-8000-000000000001", "resource": patient},
            {
                "fullUrl": "urn:uuid:7d1c2b3a-0000-4000-8000-000000000002",
                "resource": {"resourceType": "Organization", "extension": [ext]},
            },
        ],
    }
    assert _context_errors(validator, bundle) == [
        "Bundle.entry[0].resource.contained[0].extension[0]",
        "Bundle.entry[1].resource.extension[0]",
    ]
