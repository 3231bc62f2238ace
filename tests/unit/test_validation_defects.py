"""Documents broken on purpose, one defect each: every defect is found at the right place.

Each case deep-copies the IPS all-sections example, applies one mutation and expects an issue
with the given expression, severity and code (or rule key). Most defects must produce exactly
one error: one issue per root cause, no cascades.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from xshare_desktop.core.errors import Cancelled
from xshare_desktop.core.fhir_packages import ConformanceContext
from xshare_desktop.core.progress import Progress
from xshare_desktop.core.validation.engine import Validator

Doc = dict[str, Any]
PATIENT = "Bundle.entry[1].resource"
COMPOSITION = "Bundle.entry[0].resource"
XHTML = 'xmlns="http://www.w3.org/1999/xhtml"'


@pytest.fixture(scope="module")
def validator(fhir_cache: Path) -> Validator:
    return Validator(ConformanceContext.load(cache=fhir_cache))


@pytest.fixture(scope="module")
def all_sections(fhir_cache: Path) -> Doc:
    path = fhir_cache / "hl7.fhir.uv.ips#2.0.0/package/example/Bundle-bundle-ips-all-sections.json"
    return json.loads(path.read_text())  # type: ignore[no-any-return]


def _patient(doc: Doc) -> Doc:
    return doc["entry"][1]["resource"]  # type: ignore[no-any-return]


def _composition(doc: Doc) -> Doc:
    return doc["entry"][0]["resource"]  # type: ignore[no-any-return]


def _set(target: Callable[[Doc], Doc], key: str, value: Any) -> Callable[[Doc], None]:
    def mutate(doc: Doc) -> None:
        target(doc)[key] = value

    return mutate


def _drop(target: Callable[[Doc], Doc], key: str) -> Callable[[Doc], None]:
    def mutate(doc: Doc) -> None:
        del target(doc)[key]

    return mutate


def _narrative(div: str) -> Callable[[Doc], None]:
    def mutate(doc: Doc) -> None:
        _patient(doc)["text"]["div"] = div

    return mutate


def _duplicate_full_url(doc: Doc) -> None:
    doc["entry"][2]["fullUrl"] = doc["entry"][1]["fullUrl"]


def _orphan(doc: Doc) -> None:
    doc["entry"].append(
        {
            "fullUrl": "urn:uuid:0b8f1f3e-5d0c-4c1a-9a57-3d1f0c9e8a11",
            "resource": {
                "resourceType": "Basic",
                "id": "orphan",
                "text": {"status": "generated", "div": f"<div {XHTML}>Loose</div>"},
                "code": {"text": "loose"},
            },
        }
    )


def _no_composition(doc: Doc) -> None:
    doc["entry"].pop(0)


def _empty_problem_section(doc: Doc) -> None:
    section = _composition(doc)["section"][0]
    referenced = {e["reference"] for e in section.pop("entry")}
    doc["entry"] = [
        e
        for e in doc["entry"]
        if f"{e['resource']['resourceType']}/{e['resource']['id']}" not in referenced
    ]


def _subject_to_organization(doc: Doc) -> None:
    org = doc["entry"][2]["resource"]
    _composition(doc)["subject"]["reference"] = f"Organization/{org['id']}"


def _unreferenced_contained(doc: Doc) -> None:
    _patient(doc)["contained"] = [{"resourceType": "Organization", "id": "o1", "name": "Unused"}]


def _two_choice_types(doc: Doc) -> None:
    doc["entry"][20]["resource"]["valueString"] = "also a string"


def _condition_without_code(doc: Doc) -> None:
    del doc["entry"][7]["resource"]["code"]


def _second_composition(doc: Doc) -> None:
    extra = copy.deepcopy(doc["entry"][0])
    extra["fullUrl"] = "urn:uuid:4c2c8f0e-3a3b-4f5e-9a10-2b7f9d1e0c55"
    extra["resource"]["id"] = "second"
    doc["entry"][0]["resource"]["relatesTo"] = [
        {"code": "appends", "targetReference": {"reference": extra["fullUrl"]}}
    ]
    doc["entry"].append(extra)


@dataclass(frozen=True)
class Defect:
    name: str
    mutate: Callable[[Doc], None]
    expression: str
    severity: str
    code_or_key: str
    only_error: bool = True


DEFECTS = [
    Defect("unknown element", _set(_patient, "favouriteColour", "blue"),
           f"{PATIENT}.favouriteColour", "error", "structure"),
    Defect("bad date", _set(_patient, "birthDate", "1980-13-01"),
           f"{PATIENT}.birthDate", "error", "value"),
    Defect("impossible calendar date", _set(_patient, "birthDate", "1981-02-29"),
           f"{PATIENT}.birthDate", "error", "value"),
    Defect("number for a date", _set(_patient, "birthDate", 1980),
           f"{PATIENT}.birthDate", "error", "value"),
    Defect("empty string", _set(_patient, "gender", ""), f"{PATIENT}.gender", "error", "value"),
    Defect("array for a single value", _set(_patient, "gender", ["female"]),
           f"{PATIENT}.gender", "error", "structure"),
    Defect("empty array", _set(_patient, "name", []), f"{PATIENT}.name", "error", "structure"),
    Defect("object for a string", _set(_patient, "gender", {"value": "female"}),
           f"{PATIENT}.gender", "error", "structure"),
    Defect("unknown primitive sibling", _set(_patient, "_favourite", {"id": "x"}),
           f"{PATIENT}._favourite", "error", "structure"),
    Defect("missing resourceType", _drop(_patient, "resourceType"), PATIENT, "error", "structure"),
    Defect("missing required element (profile)", _drop(_patient, "name"),
           f"{PATIENT}.name", "error", "required"),
    Defect("missing required element (base)", _drop(_composition, "status"),
           f"{COMPOSITION}.status", "error", "required"),
    Defect("instant without time", lambda d: d.__setitem__("timestamp", "2020-01-01"),
           "Bundle.timestamp", "error", "value"),
    Defect("fixed value", lambda d: d.__setitem__("type", "collection"),
           "Bundle.type", "error", "value"),
    Defect("pattern / section slice", lambda d: _composition(d)["section"][0]["code"]["coding"][0]
           .__setitem__("code", "11111-1"),
           f"{COMPOSITION}.section", "error", "Composition.section:sectionProblems"),
    Defect("slice max exceeded", _second_composition, "Bundle.entry[42]", "error",
           "Bundle.entry:composition", only_error=False),
    Defect("required binding (code)", _set(_patient, "gender", "x"),
           f"{PATIENT}.gender", "error", "code-invalid"),
    Defect("required binding (Composition.status)", _set(_composition, "status", "draftish"),
           f"{COMPOSITION}.status", "error", "code-invalid"),
    Defect("invariant ips-comp-1", _empty_problem_section,
           f"{COMPOSITION}.section[0]", "error", "ips-comp-1"),
    Defect("invariant ele-1", _set(_patient, "maritalStatus", {"id": "only-an-id"}),
           f"{PATIENT}.maritalStatus", "error", "ele-1"),
    Defect("invariant dom-3", _unreferenced_contained, PATIENT, "error", "dom-3"),
    Defect("best practice dom-6", _drop(_patient, "text"), PATIENT, "warning", "dom-6"),
    Defect("extension without url", _set(_patient, "extension", [{"valueString": "x"}]),
           f"{PATIENT}.extension[0].url", "error", "required"),
    Defect("extension with value and children", _set(_patient, "extension", [
        {"url": "http://example.org/x", "valueString": "a",
         "extension": [{"url": "b", "valueString": "b"}]}]),
           f"{PATIENT}.extension[0]", "error", "ext-1"),
    Defect("unknown extension", _set(_patient, "extension", [
        {"url": "http://example.org/unknown", "valueString": "a"}]),
           f"{PATIENT}.extension[0]", "warning", "not-found", only_error=False),
    Defect("two types for one choice", _two_choice_types,
           "Bundle.entry[20].resource", "error", "structure"),
    Defect("unresolved Composition reference",
           lambda d: _composition(d)["subject"].__setitem__("reference", "Patient/nowhere"),
           f"{COMPOSITION}.subject.reference", "error", "not-found", only_error=False),
    Defect("unresolved urn:uuid in an entry",
           lambda d: d["entry"][7]["resource"]["asserter"].__setitem__(
               "reference", "urn:uuid:00000000-0000-4000-8000-000000000000"),
           "Bundle.entry[7].resource.asserter.reference", "error", "not-found"),
    Defect("reference to the wrong type", _subject_to_organization,
           f"{COMPOSITION}.subject.reference", "error", "structure", only_error=False),
    Defect("malformed reference",
           lambda d: _composition(d)["author"][0].__setitem__("reference", "not a reference"),
           f"{COMPOSITION}.author[0].reference", "error", "value", only_error=False),
    Defect("duplicate fullUrl (bdl-7)", _duplicate_full_url,
           "Bundle.entry[2].fullUrl", "error", "bdl-7", only_error=False),
    Defect("orphan entry", _orphan, "Bundle.entry[42]", "error", "business-rule"),
    Defect("fullUrl and id disagree", lambda d: d["entry"][3]["resource"].__setitem__("id", "other"),
           "Bundle.entry[3].fullUrl", "error", "invariant", only_error=False),
    Defect("bad resource id", lambda d: d["entry"][32]["resource"].__setitem__("id", "not_an_id"),
           "Bundle.entry[32].resource.id", "error", "value", only_error=False),
    Defect("unknown code in a known code system",
           lambda d: d["entry"][7]["resource"]["clinicalStatus"]["coding"][0].__setitem__(
               "code", "simmering"),
           "Bundle.entry[7].resource.clinicalStatus.coding[0].code", "error", "code-invalid",
           only_error=False),
    Defect("missing Composition (bdl-11)", _no_composition, "Bundle.entry[0]", "error", "bdl-11",
           only_error=False),
    Defect("script in narrative", _narrative(f"<div {XHTML}><script>alert(1)</script>Hi</div>"),
           f"{PATIENT}.text.div", "error", "txt-1"),
    Defect("onclick attribute", _narrative(f'<div {XHTML}><p onclick="steal()">Hi</p></div>'),
           f"{PATIENT}.text.div", "error", "txt-1"),
    Defect("javascript URL", _narrative(f'<div {XHTML}><a href="javascript:steal()">Hi</a></div>'),
           f"{PATIENT}.text.div", "error", "txt-1"),
    Defect("narrative without namespace", _narrative("<div>Hi</div>"),
           f"{PATIENT}.text.div", "error", "txt-1"),
    Defect("narrative not well-formed", _narrative(f"<div {XHTML}><p>Hi</div>"),
           f"{PATIENT}.text.div", "error", "txt-1"),
    # Composition.section:sectionProblems.entry:problem names Condition-uv-ips (code 1..1): in a
    # document the entry a section points to is held to its target profile (issue #11).
    Defect("section entry misses its target profile", _condition_without_code,
           "Bundle.entry[7].resource.code", "error", "Condition.code"),
]  # fmt: skip


@pytest.mark.parametrize("defect", DEFECTS, ids=[d.name for d in DEFECTS])
def test_defect_is_found_where_it_is(
    defect: Defect, validator: Validator, all_sections: Doc
) -> None:
    broken = copy.deepcopy(all_sections)
    defect.mutate(broken)
    result = validator.validate(broken)
    found = [
        i
        for i in result.issues
        if i.expression == defect.expression
        and i.severity == defect.severity
        and defect.code_or_key in (i.code, i.source)
    ]
    listing = "\n".join(
        f"{i.severity} {i.code} {i.expression} [{i.source}] {i.message}"
        for i in result.issues
        if i.severity != "information"
    )
    assert found, (
        f"expected {defect.severity} {defect.code_or_key} at {defect.expression}:\n{listing}"
    )
    if defect.only_error:
        assert len(result.errors) <= 1, f"one root cause, one error:\n{listing}"
    if defect.severity == "error":
        assert not result.ok
    else:
        assert result.ok, listing


def test_the_unbroken_document_is_valid(validator: Validator, all_sections: Doc) -> None:
    result = validator.validate(all_sections)
    assert result.ok
    assert result.profile == "http://hl7.org/fhir/uv/ips/StructureDefinition/Bundle-uv-ips"
    assert result.resource_type == "Bundle"


def test_input_is_never_modified(validator: Validator, all_sections: Doc) -> None:
    before = json.dumps(all_sections, sort_keys=True)
    broken = copy.deepcopy(all_sections)
    _unreferenced_contained(broken)
    snapshot = json.dumps(broken, sort_keys=True)
    validator.validate(all_sections)
    validator.validate(broken)
    assert json.dumps(all_sections, sort_keys=True) == before
    assert json.dumps(broken, sort_keys=True) == snapshot


def test_positions_become_line_and_column(validator: Validator, all_sections: Doc) -> None:
    broken = copy.deepcopy(all_sections)
    _patient(broken)["birthDate"] = "1980-13-01"
    positions = {f"{PATIENT}.birthDate": (120, 7), PATIENT: (100, 5)}
    issue = next(i for i in validator.validate(broken, positions=positions).errors)
    assert (issue.line, issue.column) == (120, 7)


def test_progress_per_entry_and_cancel(validator: Validator, all_sections: Doc) -> None:
    steps: list[tuple[int, int]] = []
    validator.validate(all_sections, progress=Progress(lambda d, t, _: steps.append((d, t))))
    assert {d for d, _ in steps} == set(range(1, 43))
    assert all(t == 42 for _, t in steps)
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        validator.validate(all_sections, progress=progress)


def test_one_validator_works_from_worker_threads(validator: Validator, all_sections: Doc) -> None:
    from concurrent.futures import ThreadPoolExecutor

    broken = copy.deepcopy(all_sections)
    _patient(broken)["gender"] = "x"
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(validator.validate, [all_sections, broken] * 4))
    assert [r.ok for r in results] == [True, False] * 4
    assert all(len(r.errors) == 1 for r in results[1::2])


@pytest.mark.parametrize(
    ("name", "expression", "source"),
    [
        ("missing-allergy-section.json", f"{COMPOSITION}.section", "Composition.section:sectionAllergies"),
        ("document-without-composition.json", "Bundle.entry[0]", "bdl-11"),
        ("unresolved-reference.json", "Bundle.entry[11].resource.reasonReference[0].reference",
         "MedicationStatement.reasonReference"),
    ],
)  # fmt: skip
def test_broken_samples_are_caught(
    name: str, expression: str, source: str, validator: Validator, samples_dir: Path
) -> None:
    document = json.loads((samples_dir / "broken" / name).read_text())
    result = validator.validate(document)
    assert [(i.expression, i.source) for i in result.errors] == [(expression, source)]


def test_good_samples_have_no_errors(validator: Validator, samples_dir: Path) -> None:
    for path in sorted(samples_dir.glob("ips-*.json")):
        result = validator.validate(json.loads(path.read_text()))
        assert result.ok, (path.name, [f"{i.expression}: {i.message}" for i in result.errors])


def test_a_mistyped_patient_does_not_cascade(validator: Validator, all_sections: Doc) -> None:
    """30 resources refer to the Patient: a wrong resourceType is reported where it is, not at
    every reference to it."""
    broken = copy.deepcopy(all_sections)
    _patient(broken)["resourceType"] = "Patientt"
    errors = validator.validate(broken).errors
    assert any(i.expression == PATIENT and "Patientt" in i.message for i in errors)
    assert len(errors) <= 3, [f"{i.expression}: {i.message}" for i in errors]
    assert not any(i.expression.endswith(".subject.reference") for i in errors)
