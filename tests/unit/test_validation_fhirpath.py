"""FHIRPath invariants: the functions fhirpathpy lacks, the workarounds, and the fast path."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from xshare_desktop.core.fhir_packages import ConformanceContext
from xshare_desktop.core.validation.engine import Validator
from xshare_desktop.core.validation.fastpath import compile_guard, compile_simple
from xshare_desktop.core.validation.fhirpath_support import EvaluationScope, FhirPathEngine

XHTML = 'xmlns="http://www.w3.org/1999/xhtml"'


@pytest.fixture(scope="module")
def validator(fhir_cache: Path) -> Validator:
    return Validator(ConformanceContext.load(cache=fhir_cache))


@pytest.fixture(scope="module")
def engine(validator: Validator) -> FhirPathEngine:
    return validator.fhirpath


@pytest.fixture(scope="module")
def slow(validator: Validator) -> FhirPathEngine:
    return FhirPathEngine(validator.terminology, validator.narratives, fast_path=False)


def test_has_value(slow: FhirPathEngine) -> None:
    patient = {"resourceType": "Patient", "birthDate": "2000-01-01", "_gender": {"id": "x"}}
    assert slow.evaluate("birthDate.hasValue()", patient, patient, patient) is True
    assert slow.evaluate("gender.hasValue()", patient, patient, patient) is not True
    assert slow.evaluate("name.hasValue()", patient, patient, patient) is not True


def test_resolve_within_the_document(slow: FhirPathEngine) -> None:
    patient = {"resourceType": "Patient", "id": "p"}
    composition = {"resourceType": "Composition", "subject": {"reference": "Patient/p"}}
    targets = {"Patient/p": patient}
    scope = EvaluationScope(resolver=targets.get)
    assert slow.evaluate(
        "subject.resolve().is(Patient)", composition, composition, composition, scope
    )
    assert not slow.evaluate(
        "subject.resolve().is(Organization)", composition, composition, composition, scope
    )
    assert (
        slow.evaluate(
            "subject.resolve().exists()", composition, composition, composition, EvaluationScope()
        )
        is False
    )


def test_member_of_local_value_sets(slow: FhirPathEngine) -> None:
    gender = "http://hl7.org/fhir/ValueSet/administrative-gender"
    patient = {"resourceType": "Patient", "gender": "female"}
    assert slow.evaluate(f"gender.memberOf('{gender}')", patient, patient, patient) is True
    patient["gender"] = "nope"
    assert slow.evaluate(f"gender.memberOf('{gender}')", patient, patient, patient) is False
    # Unknown value set: no verdict against the data (empty result passes)
    unknown = "gender.memberOf('http://example.org/vs').not()"
    assert slow.evaluate(unknown, patient, patient, patient) is True


def test_html_checks_uses_the_narrative_checker(slow: FhirPathEngine) -> None:
    good = {"div": f"<div {XHTML}>Hello</div>"}
    bad = {"div": f'<div {XHTML}><p onclick="x()">Hello</p></div>'}
    assert slow.evaluate("`div`.htmlChecks()", good, good, good) is True
    assert slow.evaluate("`div`.htmlChecks()", bad, bad, bad) is False


def test_conforms_to_through_the_validator(slow: FhirPathEngine) -> None:
    verdicts = {"http://x/good": True, "http://x/bad": False}
    scope = EvaluationScope(conforms_to=lambda resource, url: verdicts.get(url))
    node = {"resourceType": "Patient"}
    assert slow.evaluate("conformsTo('http://x/good')", node, node, node, scope) is True
    assert slow.evaluate("conformsTo('http://x/bad')", node, node, node, scope) is False


def test_this_and_resource_variables(slow: FhirPathEngine) -> None:
    node = {"resourceType": "Observation", "status": "final"}
    assert slow.evaluate("$this.status = 'final'", node, node, node) is True
    assert slow.evaluate("%resource.status = 'final'", {"x": 1}, node, node) is True
    assert slow.evaluate("%rootResource.status = 'final'", {"x": 1}, {}, node) is True


def test_unparseable_expression_gives_no_verdict(slow: FhirPathEngine) -> None:
    assert slow.evaluate("a.(", {"a": 1}, {}, {}) is None


def test_could_not_evaluate_is_reported_once(validator: Validator, fhir_cache: Path) -> None:
    folder = fhir_cache / "hl7.fhir.uv.ips#2.0.0" / "package" / "example"
    observation = json.loads((folder / "Observation-ips-example-imaging-5.json").read_text())
    observation["component"].append(copy.deepcopy(observation["component"][0]))
    result = validator.validate(observation)
    unevaluated = [i for i in result.issues if i.message.startswith("Could not evaluate")]
    assert result.ok
    assert len(unevaluated) == 1
    assert unevaluated[0].severity == "information"


@pytest.mark.parametrize(
    ("expression", "compiles"),
    [
        ("code.empty() or system.exists()", True),
        ("(a.exists() and b.empty()) implies (c.exists() or d.exists())", True),
        ("a.exists().not() xor b.exists()", True),
        ("coding.where(system='s' and (code='a' or code='b')).exists()", True),
        ("name.count() > 1", False),
        ("$this.exists()", False),
        ("a.exists() or %resource.b.exists()", False),
        ("where(use = 'home').empty()", False),
        ("a.select($this = 'x').empty()", False),
        ("text.`div`.exists()", False),
        ("text.div.exists()", False),
    ],
)
def test_simple_grammar(expression: str, compiles: bool) -> None:
    assert (compile_simple(expression) is not None) is compiles


SIMPLE_CASES: list[tuple[str, str, list[dict[str, Any]]]] = [
    (
        "Quantity",
        "code.empty() or system.exists()",
        [{}, {"code": "a"}, {"code": "a", "system": "s"}, {"value": 1}],
    ),
    (
        "Observation.component",
        "value.exists() xor dataAbsentReason.exists()",
        [{"code": {"text": "c"}}, {"valueQuantity": {"value": 1}}, {"valueString": "x"},
         {"valueString": "x", "dataAbsentReason": {"text": "d"}}],
    ),
    (
        "Narrative",
        "status.exists() and id.exists().not()",
        [{"status": "generated"}, {"_status": {"extension": [{"url": "u", "valueString": "v"}]}},
         {"status": "generated", "id": "n"}],
    ),
    (
        "CodeableConcept",
        "coding.where(system='s' and (code='a' or code='b')).exists() or text.exists()",
        [{"coding": [{"system": "s", "code": "b"}, {"system": "t", "code": "a"}]},
         {"coding": [{"system": "s", "code": "c"}]}, {"text": "t"}, {}],
    ),
    (
        "Observation",
        "component.exists() implies (component.value.exists() or component.dataAbsentReason.exists())",
        [{"resourceType": "Observation"},
         {"resourceType": "Observation", "component": [{"code": {"text": "x"}}]},
         {"resourceType": "Observation", "component": [{"code": {"text": "x"}, "valueString": "y"}]}],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("type_path", "expression", "nodes"), SIMPLE_CASES)
def test_simple_expressions_agree_with_fhirpathpy(
    slow: FhirPathEngine, type_path: str, expression: str, nodes: list[dict[str, Any]]
) -> None:
    check = compile_simple(expression)
    assert check is not None, expression
    for node in nodes:
        expected = slow.evaluate(expression, copy.deepcopy(node), node, node, None, type_path)
        assert check(node) is expected, (expression, node)


def test_guard_answers_only_when_the_first_part_holds() -> None:
    guard = compile_guard("value.empty() or component.code.where(x).empty()")
    assert guard is not None
    assert guard({}) is True
    assert guard({"valueString": "x"}) is False
    assert compile_guard("a.exists() implies b.exists() or c") is None
    assert compile_guard("a.count() > 1 or b.exists()") is None


def test_remembered_verdicts_are_the_evaluated_ones(validator: Validator) -> None:
    """Issue 18 (speed): a verdict that depends only on its node (per-1 on a Period) is
    remembered by the node's JSON and equals a fresh evaluation; one that reads %resource is
    evaluated every time, since the same node can give another verdict in another resource."""
    engine = FhirPathEngine(validator.terminology, validator.narratives, fast_path=False)
    per_1 = "start.hasValue().not() or end.hasValue().not() or (start <= end)"
    good, bad = {"start": "2020-01-01", "end": "2021-01-01"}, {"start": "2021", "end": "2020"}
    for node, expected in ((good, True), (bad, False), (dict(good), True), (dict(bad), False)):
        assert engine.evaluate(per_1, node, {}, {}, None, "Period") is expected
    assert len(engine._verdicts) == 2  # the copies were answered from the two remembered
    by_resource = "%resource.active = true"
    node = {"value": "x"}
    assert engine.evaluate(by_resource, node, {"active": True}, {}) is True
    assert engine.evaluate(by_resource, node, {"active": False}, {}) is False
    assert len(engine._verdicts) == 2
