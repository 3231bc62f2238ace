"""The validator's building blocks: formats, value sets, narratives, native rules, slicing."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from xshare_desktop.core.fhir_packages import ConformanceContext
from xshare_desktop.core.validation import ValidationIssue, ValidationResult
from xshare_desktop.core.validation.bundle_rules import BundleIndex, base_of, split_relative
from xshare_desktop.core.validation.engine import Validator
from xshare_desktop.core.validation.native_rules import NATIVE_EXPRESSIONS, native_check
from xshare_desktop.core.validation.slicing import contains_pattern
from xshare_desktop.core.validation.terminology import Membership
from xshare_desktop.core.validation.xhtml import check_narrative

XHTML = 'xmlns="http://www.w3.org/1999/xhtml"'


@pytest.fixture(scope="module")
def context(fhir_cache: Path) -> ConformanceContext:
    return ConformanceContext.load(cache=fhir_cache)


@pytest.fixture(scope="module")
def validator(context: ConformanceContext) -> Validator:
    return Validator(context)


@pytest.fixture(scope="module")
def examples(fhir_cache: Path) -> dict[str, Any]:
    folder = fhir_cache / "hl7.fhir.uv.ips#2.0.0" / "package" / "example"
    return {p.name: json.loads(p.read_text()) for p in folder.glob("*.json")}


# --- issues ----------------------------------------------------------------------------------
def test_result_properties() -> None:
    issues = [
        ValidationIssue("warning", "invariant", "w", "Patient", "dom-6"),
        ValidationIssue("error", "value", "e", "Patient.birthDate", "Patient.birthDate", 3, 4),
    ]
    result = ValidationResult(issues, "p", "Patient", 0.1)
    assert [i.message for i in result.errors] == ["e"]
    assert [i.message for i in result.warnings] == ["w"]
    assert not result.ok
    assert ValidationResult([issues[0]], None, None, 0.0).ok


# --- primitives --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("type_code", "value", "ok"),
    [
        ("date", "2024", True),
        ("date", "2024-02-29", True),
        ("date", "2023-02-29", False),
        ("date", "2024-1-01", False),
        ("dateTime", "2024-05-01T10:00:00+02:00", True),
        ("dateTime", "2024-05-01T10:00:00", False),
        ("instant", "2024-05-01T10:00:00.123Z", True),
        ("instant", "2024-05-01", False),
        ("id", "a-b.c", True),
        ("id", "a_b", False),
        ("code", "a b", True),
        ("code", " a", False),
        ("uri", "urn:uuid:1", True),
        ("uri", "has space", False),
        ("boolean", True, True),
        ("boolean", "true", False),
        ("integer", 5, True),
        ("integer", 5.0, False),
        ("integer", 2**40, False),
        ("positiveInt", 0, False),
        ("unsignedInt", 0, True),
        ("decimal", 1.5, True),
        ("decimal", "1.5", False),
        ("string", "", False),
        ("string", "   ", False),
        ("oid", "urn:oid:1.2.3", True),
        ("uuid", "urn:uuid:0b8f1f3e-5d0c-4c1a-9a57-3d1f0c9e8a11", True),
        ("uuid", "urn:uuid:nope", False),
        ("time", "25:00:00", False),
    ],
)
def test_primitive_formats_come_from_the_package(
    validator: Validator, type_code: str, value: Any, ok: bool
) -> None:
    assert (validator.formats.check(type_code, value) is None) is ok


# --- terminology -------------------------------------------------------------------------------
def test_value_set_expansion_and_membership(validator: Validator) -> None:
    terms = validator.terminology
    gender = "http://hl7.org/fhir/ValueSet/administrative-gender"
    assert terms.membership(gender, None, "female") is Membership.MEMBER
    assert terms.membership(gender, None, "x") is Membership.NOT_MEMBER
    system = "http://hl7.org/fhir/administrative-gender"
    assert terms.membership(gender, system, "male") is Membership.MEMBER
    assert terms.membership(gender + "|4.0.1", system, "nope") is Membership.NOT_MEMBER
    # is-not-a over a local hierarchy (v2-0131 minus "O")
    contact = "http://hl7.org/fhir/ValueSet/patient-contactrelationship"
    v2 = "http://terminology.hl7.org/CodeSystem/v2-0131"
    assert terms.membership(contact, v2, "C") is Membership.MEMBER
    assert terms.membership(contact, v2, "O") is Membership.NOT_MEMBER
    # SNOMED CT hierarchies are not available offline: never "not a member"
    route = "http://hl7.org/fhir/ValueSet/route-codes"
    assert terms.membership(route, "http://snomed.info/sct", "26643006") is Membership.UNKNOWN
    assert terms.membership("http://example.org/no-such-vs", "x", "y") is Membership.UNKNOWN
    assert terms.expansion("http://example.org/no-such-vs") is None


def test_is_a_filter_over_a_local_code_system(validator: Validator) -> None:
    terms = validator.terminology
    act = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
    index = terms.code_system(act)
    assert index is not None and index.complete
    # ValueSet v3-ActEncounterCode is "is-a _ActEncounterCode" in v3-ActCode
    vs = "http://terminology.hl7.org/ValueSet/v3-ActEncounterCode"
    assert terms.membership(vs, act, "AMB") is Membership.MEMBER
    assert terms.membership(vs, act, "_ActEncounterCode") is Membership.NOT_MEMBER  # excluded
    assert terms.membership(vs, act, "IMP") is Membership.MEMBER
    assert terms.membership(vs, act, "FLD") is Membership.MEMBER
    assert terms.membership(vs, act, "ASSERTION") is Membership.NOT_MEMBER


def test_code_validity_in_known_code_systems(validator: Validator) -> None:
    terms = validator.terminology
    assert terms.code_valid("http://hl7.org/fhir/administrative-gender", "female") is True
    assert terms.code_valid("http://hl7.org/fhir/administrative-gender", "f") is False
    assert terms.code_valid("http://snomed.info/sct", "123") is None
    assert terms.system_known("http://snomed.info/sct")
    assert not terms.system_known("urn:oid:1.2.3.999")


# --- narrative ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("div", "key"),
    [
        (
            f"<div {XHTML}><p>Fine <b>text</b></p><table><thead><tr><th>a</th></tr></thead></table></div>",
            None,
        ),
        (f'<div {XHTML}><img src="data:image/png;base64,AAAA" alt="x"/></div>', None),
        # XML knows five named entities; HTML's others are not XML (R4 narrative.html)
        (f"<div {XHTML}>Bl&#229;b&#xE6;r&#160;&amp; fl\u00f8de &lt;&gt;&quot;&apos;</div>", None),
        (f"<div {XHTML}>Bl&aring;b&aelig;r&nbsp;&amp; fl&oslash;de &#230;</div>", "txt-1"),
        (f"<div {XHTML}>&nosuchentity;</div>", "txt-1"),
        (f"<div {XHTML}><script>x</script>t</div>", "txt-1"),
        (f'<div {XHTML}><p onmouseover="x()">t</p></div>', "txt-1"),
        (f'<div {XHTML}><a href=" JavaScript:x()">t</a></div>', "txt-1"),
        (f"<div {XHTML}><iframe src='x'/>t</div>", "txt-1"),
        (f"<div {XHTML}><form>t</form></div>", "txt-1"),
        (f'<div {XHTML}><p foo="1">t</p></div>', "txt-1"),
        ("<div>t</div>", "txt-1"),
        (f"<p {XHTML}>t</p>", "txt-1"),
        (f"<div {XHTML}><p>t</div>", "txt-1"),
        (f"<div {XHTML}>   </div>", "txt-2"),
        ('<!DOCTYPE d [<!ENTITY e "x">]><div>&e;</div>', "txt-1"),
    ],
)
def test_narrative_rules(div: str, key: str | None) -> None:
    problems = check_narrative(div)
    if key is None:
        assert problems == []
    else:
        assert key in {p.key for p in problems}


# --- native rules equal their FHIRPath -----------------------------------------------------------
def _elements(node: Any) -> list[Any]:
    found = []
    if isinstance(node, dict):
        found.append(node)
        for value in node.values():
            found.extend(_elements(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_elements(value))
    return found


EXTRA_ELEMENTS: list[Any] = [
    {"id": "only-id"},
    {"extension": [{"url": "x", "valueString": "y"}]},
    {"url": "x"},
    {"url": "x", "valueString": "y", "extension": [{"url": "z", "valueString": "y"}]},
    {"resourceType": "Patient", "contained": [{"resourceType": "Organization", "id": "o",
     "meta": {"versionId": "1"}}]},
    {"resourceType": "Patient", "contained": [{"resourceType": "Organization", "id": "o",
     "meta": {"security": [{"code": "R"}]}}]},
    {"resourceType": "Patient", "contained": [{"resourceType": "Organization", "id": "o",
     "contained": [{"resourceType": "Patient", "id": "p"}]}]},
    {"resourceType": "Patient", "text": {"status": "generated"}},
    {"reference": "#o"},
    {"reference": "#missing"},
    {"reference": "Patient/1"},
    {"display": "no reference"},
]  # fmt: skip


@pytest.mark.parametrize("key", sorted(NATIVE_EXPRESSIONS))
def test_native_rules_equal_fhirpath(
    key: str, validator: Validator, examples: dict[str, Any]
) -> None:
    """The Python forms give the same verdict as the published FHIRPath (run through the
    validator's FHIRPath engine, which adds hasValue())."""
    expression = NATIVE_EXPRESSIONS[key]
    native = native_check(key, expression)
    assert native is not None
    root = {"resourceType": "Patient", "contained": [{"resourceType": "Organization", "id": "o"}]}
    elements = EXTRA_ELEMENTS + [e for doc in list(examples.values())[:12] for e in _elements(doc)]
    type_path = "Extension" if key == "ext-1" else "Element"
    # Rules that sit on one resource type are compared on that type only.
    on_type = {"bdl-3": "Bundle", "bdl-4": "Bundle", "bdl-ips-1": "Bundle", "obs-7": "Observation"}
    if key in on_type:
        elements = [e for e in elements if e.get("resourceType") == on_type[key]]
        elements += [copy.deepcopy(e) for e in elements]
        for bundle in elements[len(elements) // 2 :]:
            if bundle.get("resourceType") == "Bundle":
                bundle["type"] = "transaction"
    checked = 0
    for element in elements:
        data = copy.deepcopy(element)
        expected = validator.fhirpath.evaluate(expression, data, data, root, None, type_path)
        extra = root if key == "ref-1" else None
        assert native(element, extra) is expected, (key, element)
        checked += 1
    assert checked > (4 if key in on_type else 500)


def test_native_dom_3(validator: Validator) -> None:
    patient = {
        "resourceType": "Patient",
        "contained": [{"resourceType": "Organization", "id": "o1", "name": "x"}],
        "managingOrganization": {"reference": "#o1"},
    }
    dom3 = native_check("dom-3", "contained.where(x)")
    assert dom3 is not None and dom3(patient, None)
    unused = copy.deepcopy(patient)
    del unused["managingOrganization"]
    assert not dom3(unused, None)
    back = copy.deepcopy(unused)
    back["contained"][0]["partOf"] = {"reference": "#"}
    assert dom3(back, None)


# --- references and slicing helpers ---------------------------------------------------------------
def test_reference_helpers() -> None:
    assert split_relative("Patient/1") == ("Patient", "1")
    assert split_relative("Patient/1/_history/2") == ("Patient", "1")
    assert split_relative("patient/1") is None
    assert base_of("https://x.org/fhir/Patient/1") == "https://x.org/fhir/"
    assert base_of("urn:uuid:1") is None
    bundle = {
        "entry": [
            {"fullUrl": "https://x.org/fhir/Composition/c", "resource": {"resourceType": "Composition", "id": "c"}},
            {"fullUrl": "urn:uuid:0b8f1f3e-5d0c-4c1a-9a57-3d1f0c9e8a11", "resource": {"resourceType": "Patient", "id": "p"}},
            {"fullUrl": "https://x.org/fhir/Organization/o", "resource": {"resourceType": "Organization", "id": "o"}},
        ]
    }  # fmt: skip
    index = BundleIndex.build(bundle)
    assert index.resolve_index("urn:uuid:0b8f1f3e-5d0c-4c1a-9a57-3d1f0c9e8a11", 0) == 1
    assert index.resolve_index("Organization/o", 0) == 2
    assert index.resolve_index("Patient/p", 0) == 1
    assert index.resolve_index("Organization/none", 0) is None


def test_pattern_contains() -> None:
    pattern = {"coding": [{"system": "http://loinc.org", "code": "11450-4"}]}
    value = {"coding": [{"system": "x", "code": "y"}, {"system": "http://loinc.org", "code": "11450-4", "display": "d"}], "text": "t"}  # fmt: skip
    assert contains_pattern(value, pattern)
    assert not contains_pattern({"coding": [{"system": "http://loinc.org"}]}, pattern)
    assert not contains_pattern({"coding": {"code": "11450-4"}}, pattern)
    assert contains_pattern(1, 1.0) and not contains_pattern(True, 1)


# --- profiles ------------------------------------------------------------------------------------
def test_unknown_and_several_profiles(validator: Validator, examples: dict[str, Any]) -> None:
    patient = copy.deepcopy(examples["Patient-66033.json"])
    patient["meta"]["profile"].append("http://example.org/StructureDefinition/unknown")
    result = validator.validate(patient)
    assert result.ok
    assert any(i.code == "not-found" and "not installed" in i.message for i in result.warnings)
    # the IPS profile is still applied: it requires a name
    del patient["name"]
    assert any(i.expression == "Patient.name" for i in validator.validate(patient).errors)
    # validating a Patient against an Observation profile is an error, not a crash
    result = validator.validate(
        examples["Patient-66033.json"],
        profile="http://hl7.org/fhir/uv/ips/StructureDefinition/Observation-results-laboratory-pathology-uv-ips",
    )
    assert not result.ok


def test_explicit_profile_and_base_type(validator: Validator, examples: dict[str, Any]) -> None:
    condition = copy.deepcopy(examples["Condition-eumfh-39-07-1.json"])
    condition.pop("meta", None)
    del condition["code"]
    assert validator.validate(condition).ok  # base Condition: code is optional
    strict = validator.validate(
        condition, profile="http://hl7.org/fhir/uv/ips/StructureDefinition/Condition-uv-ips"
    )
    assert [i.expression for i in strict.errors] == ["Condition.code"]


def test_contained_resources_are_checked(validator: Validator, examples: dict[str, Any]) -> None:
    patient = copy.deepcopy(examples["Patient-66033.json"])
    patient["contained"] = [
        {"resourceType": "Organization", "id": "o1", "name": "GP", "active": "yes"}
    ]
    patient["managingOrganization"] = {"reference": "#o1"}
    result = validator.validate(patient)
    assert [i.expression for i in result.errors] == ["Patient.contained[0].active"]
    patient["managingOrganization"] = {"reference": "#o2"}
    codes = {(i.expression, i.source) for i in validator.validate(patient).errors}
    assert ("Patient.managingOrganization", "ref-1") in codes or (
        "Patient.managingOrganization.reference",
        "Patient.managingOrganization",
    ) in codes


def test_not_a_resource(validator: Validator) -> None:
    assert validator.validate([1, 2]).issues[0].severity == "fatal"
    assert not validator.validate({"resourceType": "NoSuchThing"}).ok
    assert not validator.validate({}).ok


# --- the simple-expression compiler equals fhirpathpy ------------------------------------------
def test_fast_path_equals_fhirpathpy_on_all_examples(
    validator: Validator, examples: dict[str, Any]
) -> None:
    """Every invariant the fast path answered while validating the 44 examples (and some broken
    variants) gets the same verdict from fhirpathpy itself."""
    from xshare_desktop.core.validation.fastpath import compile_guard, compile_simple
    from xshare_desktop.core.validation.fhirpath_support import FhirPathEngine

    slow = FhirPathEngine(validator.terminology, validator.narratives, fast_path=False)
    fast = validator.fhirpath
    compared: dict[str, int] = {}
    original = fast.evaluate

    def both(expression: str, node: Any, *args: Any) -> bool | None:
        verdict = original(expression, node, *args)
        if isinstance(node, dict):
            simple = compile_simple(expression)
            guard = compile_guard(expression)
            if simple is not None or (guard is not None and guard(node)):
                expected = slow.evaluate(expression, copy.deepcopy(node), *args)
                if expected is not None:
                    assert verdict is expected, (expression, node)
                    compared[expression] = compared.get(expression, 0) + 1
        return verdict

    broken = copy.deepcopy(examples["Bundle-bundle-ips-all-sections.json"])
    for entry in broken["entry"]:
        resource = entry["resource"]
        for key in ("valueQuantity", "subject", "code", "status"):
            resource.pop(key, None)
    fast.evaluate = both  # type: ignore[method-assign]
    try:
        for document in [*examples.values(), broken]:
            validator.validate(document)
    finally:
        del fast.evaluate
    assert len(compared) >= 15
    assert sum(compared.values()) >= 300


# --- JSON shapes: contentReference, primitive siblings ------------------------------------------
def test_content_reference_is_followed(validator: Validator) -> None:
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {
                "link": [{"relation": "self", "url": "x", "colour": "red"}],
                "fullUrl": "urn:uuid:0b7c3f0e-5d2a-4b8e-9a61-3c2d1e0f9a87",
                "resource": {"resourceType": "Basic", "code": {"text": "note"}},
            }
        ],
    }
    assert [i.expression for i in validator.validate(bundle).errors] == [
        "Bundle.entry[0].link[0].colour"
    ]
    questionnaire = {
        "resourceType": "Questionnaire",
        "status": "active",
        "item": [{"linkId": "1", "type": "group", "item": [{"linkId": "1.1", "type": "nope"}]}],
    }
    errors = validator.validate(questionnaire).errors
    assert [i.expression for i in errors] == ["Questionnaire.item[0].item[0].type"]


def test_primitive_siblings(validator: Validator) -> None:
    patient: dict[str, Any] = {
        "resourceType": "Patient",
        "name": [{"given": ["A", None], "_given": [None, {"extension": [{"valueString": "x"}]}]}],
        "_birthDate": {"extension": [{"url": "http://example.org/e", "valueString": "unknown"}]},
    }
    result = validator.validate(patient)
    assert [i.expression for i in result.errors] == ["Patient.name[0]._given[1].extension[0].url"]
    patient["name"][0]["_given"] = [None]
    assert "Patient.name[0]._given" in [i.expression for i in validator.validate(patient).errors]
    patient["name"][0] = {"given": ["A", None]}
    assert "Patient.name[0].given[1]" in [i.expression for i in validator.validate(patient).errors]


def test_unknown_modifier_extension_is_an_error(validator: Validator) -> None:
    patient = {
        "resourceType": "Patient",
        "modifierExtension": [{"url": "http://example.org/no", "valueBoolean": True}],
    }
    errors = validator.validate(patient).errors
    assert [i.expression for i in errors] == ["Patient.modifierExtension[0]"]


# --- slicing rules on a profile made for the test --------------------------------------------------
class _WithProfile:
    """The real context plus one extra StructureDefinition."""

    def __init__(self, context: ConformanceContext, extra: dict[str, Any]) -> None:
        self._context = context
        self._extra = extra

    def structure_definition(self, url_or_type: str) -> dict[str, Any] | None:
        if url_or_type == self._extra["url"]:
            return self._extra
        return self._context.structure_definition(url_or_type)

    def value_set(self, url: str) -> dict[str, Any] | None:
        return self._context.value_set(url)

    def code_system(self, url: str) -> dict[str, Any] | None:
        return self._context.code_system(url)


def _sliced_patient_profile(
    context: ConformanceContext, rules: str, ordered: bool
) -> dict[str, Any]:
    """Patient with identifier sliced by system: slice ``a`` (1..1) then ``b`` (0..1)."""
    patient = copy.deepcopy(context.structure_definition("Patient"))
    identifier = copy.deepcopy(context.structure_definition("Identifier"))
    assert patient is not None and identifier is not None
    elements = patient["snapshot"]["element"]
    position = next(i for i, e in enumerate(elements) if e["id"] == "Patient.identifier")
    elements[position]["slicing"] = {
        "discriminator": [{"type": "value", "path": "system"}],
        "rules": rules,
        "ordered": ordered,
    }
    added = []
    for name, system, low in (("a", "urn:a", 1), ("b", "urn:b", 0)):
        head = copy.deepcopy(elements[position])
        head.pop("slicing")
        head.update(id=f"Patient.identifier:{name}", sliceName=name, min=low, max="1")
        added.append(head)
        for child in identifier["snapshot"]["element"][1:]:
            item = copy.deepcopy(child)
            item["id"] = child["id"].replace("Identifier", f"Patient.identifier:{name}", 1)
            item["path"] = child["path"].replace("Identifier", "Patient.identifier", 1)
            if child["path"] == "Identifier.system":
                item["fixedUri"] = system
                item["min"] = 1
            added.append(item)
    elements[position + 1 : position + 1] = added  # slices follow the sliced element's children
    end = next(
        i
        for i, e in enumerate(elements)
        if i > position and not e["path"].startswith("Patient.identifier")
    )
    base_children = [e for e in elements[position + 1 : end] if ":" not in e["id"]]
    slices = [e for e in elements[position + 1 : end] if ":" in e["id"]]
    elements[position + 1 : end] = base_children + slices
    patient["url"] = "http://example.org/StructureDefinition/sliced-patient"
    patient["derivation"] = "constraint"
    return patient


@pytest.mark.parametrize(
    ("rules", "ordered", "systems", "problem"),
    [
        ("closed", True, ["urn:a"], None),
        ("closed", True, ["urn:a", "urn:b"], None),
        ("closed", True, ["urn:b", "urn:a"], "out of order"),
        ("closed", False, ["urn:b", "urn:a"], None),
        ("closed", False, ["urn:a", "urn:c"], "closed"),
        ("open", False, ["urn:a", "urn:c"], None),
        ("openAtEnd", False, ["urn:c", "urn:a"], "openAtEnd"),
        ("open", False, ["urn:c"], "needs at least 1"),
        ("open", False, ["urn:a", "urn:a"], "at most 1"),
    ],
)
def test_slicing_rules(
    context: ConformanceContext, rules: str, ordered: bool, systems: list[str], problem: str | None
) -> None:
    profile = _sliced_patient_profile(context, rules, ordered)
    checker = Validator(_WithProfile(context, profile))
    patient = {
        "resourceType": "Patient",
        "meta": {"profile": [profile["url"]]},
        "identifier": [{"system": s, "value": "1"} for s in systems],
    }
    errors = checker.validate(patient).errors
    if problem is None:
        assert errors == [], [i.message for i in errors]
    else:
        assert len(errors) == 1 and problem in errors[0].message, [i.message for i in errors]
