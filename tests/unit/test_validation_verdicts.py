"""Verdicts on documents others wrote: each false-error class of issue #11, built from the rule.

Every test makes the smallest profile that carries the rule (derived from R4 core's own snapshots)
and checks both sides: what the rule allows passes, what it forbids is still reported.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from tests.unit.validation_support import Overlay
from xshare_desktop.core.fhir_packages import ConformanceContext
from xshare_desktop.core.fhir_packages.cache import PackageInfo
from xshare_desktop.core.validation.engine import Validator

EX = "http://example.org/fhir/StructureDefinition/"


@pytest.fixture(scope="module")
def context(fhir_cache: Path) -> ConformanceContext:
    return ConformanceContext.load(cache=fhir_cache)


def derive(
    context: ConformanceContext, base: str, name: str, changes: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """A constraint profile on ``base``: its snapshot with ``changes`` applied per element id."""
    structure = copy.deepcopy(context.structure_definition(base))
    assert structure is not None
    structure.update(
        url=EX + name, name=name, id=name, derivation="constraint", baseDefinition=structure["url"]
    )
    structure.pop("differential", None)
    elements = structure["snapshot"]["element"]
    for element_id, change in changes.items():
        element = next(e for e in elements if e["id"] == element_id)
        element.update(change)
    return structure


def insert_slices(
    structure: dict[str, Any], element_id: str, slices: list[dict[str, Any]]
) -> dict[str, Any]:
    """Add slice heads right after the sliced element's own children (their order in a snapshot)."""
    elements = structure["snapshot"]["element"]
    position = next(i for i, e in enumerate(elements) if e["id"] == element_id)
    end = position + 1
    while end < len(elements) and elements[end]["path"].startswith(
        elements[position]["path"] + "."
    ):
        end += 1
    heads = []
    for extra in slices:
        head = copy.deepcopy(elements[position])
        head.pop("slicing", None)
        head.update(id=f"{element_id}:{extra['sliceName']}", **extra)
        heads.append(head)
    elements[end:end] = heads
    return structure


def errors_of(validator: Validator, resource: dict[str, Any]) -> list[str]:
    return [f"{i.expression}: {i.message}" for i in validator.validate(resource).errors]


# --- 1. several profiles on one element mean "at least one" -----------------------------------
def _two_patient_profiles(context: ConformanceContext) -> list[dict[str, Any]]:
    # "human": gender required; "animal": an extension required and telecom prohibited,
    # as the HL7 Europe lab Patient-animal-eu-lab profile does.
    human = derive(context, "Patient", "human", {"Patient.gender": {"min": 1}})
    animal = derive(
        context,
        "Patient",
        "animal",
        {"Patient.extension": {"min": 1}, "Patient.telecom": {"max": "0"}},
    )
    return [human, animal]


def _collection_of(profiles: list[str], context: ConformanceContext) -> dict[str, Any]:
    return derive(
        context,
        "Bundle",
        "collection-of",
        {"Bundle.entry.resource": {"type": [{"code": "Resource", "profile": profiles}]}},
    )


HUMAN = {
    "resourceType": "Patient",
    "gender": "female",
    "telecom": [{"system": "phone", "value": "1"}],
}
ANIMAL = {
    "resourceType": "Patient",
    "extension": [{"url": "http://example.org/species", "valueString": "dog"}],
}


@pytest.mark.parametrize(
    ("patient", "fails"),
    [
        (HUMAN, False),
        (ANIMAL, False),
        ({"resourceType": "Patient", "telecom": [{"value": "1"}]}, True),
    ],
)
def test_several_type_profiles_mean_at_least_one(
    context: ConformanceContext, patient: dict[str, Any], fails: bool
) -> None:
    """R4 ElementDefinition.type.profile: "the resource SHALL conform to at least one profile
    defined in the implementation guide" when several are listed (EU lab entry:patient)."""
    profiles = _two_patient_profiles(context)
    bundle_profile = _collection_of([p["url"] for p in profiles], context)
    validator = Validator(Overlay(context, bundle_profile, *profiles))
    bundle = {
        "resourceType": "Bundle",
        "meta": {"profile": [bundle_profile["url"]]},
        "type": "collection",
        "entry": [
            {"fullUrl": "urn:uuid:6f1c0b6e-0000-4000-8000-000000000001", "resource": patient}
        ],
    }
    errors = errors_of(validator, bundle)
    if fails:
        # The closest profile's problems are reported, once each, not both profiles' together.
        assert errors and len(errors) == len(set(errors)), errors
    else:
        assert errors == [], errors


@pytest.mark.parametrize(
    ("patient", "fails"), [(HUMAN, False), (ANIMAL, False), ({"resourceType": "Patient"}, True)]
)
def test_several_target_profiles_mean_at_least_one(
    context: ConformanceContext, patient: dict[str, Any], fails: bool
) -> None:
    """R4 ElementDefinition.type.targetProfile: the target SHALL conform to at least one."""
    profiles = _two_patient_profiles(context)
    observation = derive(
        context,
        "Observation",
        "obs-on-patient",
        {
            "Observation.subject": {
                "type": [{"code": "Reference", "targetProfile": [p["url"] for p in profiles]}]
            }
        },
    )
    validator = Validator(Overlay(context, observation, *profiles))
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {
                "fullUrl": "urn:uuid:6f1c0b6e-0000-4000-8000-000000000002",
                "resource": {
                    "resourceType": "Observation",
                    "meta": {"profile": [observation["url"]]},
                    "status": "final",
                    "code": {"text": "weight"},
                    "subject": {"reference": "urn:uuid:6f1c0b6e-0000-4000-8000-000000000003"},
                },
            },
            {"fullUrl": "urn:uuid:6f1c0b6e-0000-4000-8000-000000000003", "resource": patient},
        ],
    }
    errors = errors_of(validator, bundle)
    assert bool(errors) is fails, errors


# --- 2. open slicing on a coded element ------------------------------------------------------
CS = "http://example.org/fhir/CodeSystem/lab-kinds"


def _category_profile(context: ConformanceContext, rules: str) -> list[dict[str, Any]]:
    code_system = {
        "resourceType": "CodeSystem",
        "url": CS,
        "status": "active",
        "content": "complete",
        "concept": [{"code": c} for c in ("study-1", "study-2", "specialty-1")],
    }
    value_sets = [
        {
            "resourceType": "ValueSet",
            "url": f"http://example.org/fhir/ValueSet/{name}",
            "status": "active",
            "compose": {"include": [{"system": CS, "concept": [{"code": c} for c in codes]}]},
        }
        for name, codes in (("study", ["study-1", "study-2"]), ("specialty", ["specialty-1"]))
    ]
    profile = derive(
        context,
        "Observation",
        f"category-{rules}",
        {
            "Observation.category": {
                "slicing": {"discriminator": [{"type": "pattern", "path": "$this"}], "rules": rules}
            }
        },
    )
    insert_slices(
        profile,
        "Observation.category",
        [
            {
                "sliceName": name,
                "min": 0,
                "max": "*",
                "binding": {
                    "strength": "required",
                    "valueSet": f"http://example.org/fhir/ValueSet/{name}",
                },
            }
            for name in ("study", "specialty")
        ],
    )
    return [profile, code_system, *value_sets]


@pytest.mark.parametrize(
    ("rules", "code", "fails"),
    [
        ("open", "study-2", False),  # the first slice
        ("open", "specialty-1", False),  # the second slice: not "not in study"
        ("open", "local-code", False),  # no slice: open slicing allows it
        ("closed", "local-code", True),  # ...closed slicing does not
        ("closed", "specialty-1", False),
    ],
)
def test_open_slicing_by_binding(
    context: ConformanceContext, rules: str, code: str, fails: bool
) -> None:
    """R4 ElementDefinition.slicing.rules: "open" allows items that match no slice, and a
    slice's binding applies only to the items assigned to it (EU lab Composition.category,
    DiagnosticReport.category: slices studyType and specialty, pattern on $this)."""
    resources = _category_profile(context, rules)
    validator = Validator(Overlay(context, *resources))
    observation = {
        "resourceType": "Observation",
        "meta": {"profile": [resources[0]["url"]]},
        "status": "final",
        "category": [
            {"coding": [{"system": CS if code != "local-code" else "urn:local", "code": code}]}
        ],
        "code": {"text": "glucose"},
    }
    errors = errors_of(validator, observation)
    assert bool(errors) is fails, errors


# --- 3. the newest code system wins ----------------------------------------------------------
def _package(root: Path, name: str, version: str, code_system: dict[str, Any]) -> PackageInfo:
    folder = root / f"{name}#{version}" / "package"
    folder.mkdir(parents=True)
    (folder / "package.json").write_text(f'{{"name": "{name}", "version": "{version}"}}')
    import json

    (folder / "CodeSystem-x.json").write_text(json.dumps(code_system))
    return PackageInfo(name, version, folder)


@pytest.mark.parametrize(
    ("old_version", "new_version"),
    [("2018-08-12", "3.1.0"), ("2.9", "5.0.0"), ("1.0.0", "1.1.0-ballot")],
)
@pytest.mark.parametrize("core_first", [True, False])
def test_newest_code_system_version_wins(
    tmp_path: Path, old_version: str, new_version: str, core_first: bool
) -> None:
    """Where several packages define one code system, the newest version is used (as the HL7
    validator does); R4 core dates its v3 code systems (2018-08-12) while THO numbers them, so
    the publication date decides between the two schemes."""
    url = "http://terminology.hl7.org/CodeSystem/v3-Example"
    old = {
        "resourceType": "CodeSystem",
        "url": url,
        "version": old_version,
        "date": "2018-08-12",
        "content": "complete",
        "status": "active",
        "concept": [{"code": "OLD"}],
    }
    new = {
        "resourceType": "CodeSystem",
        "url": url,
        "version": new_version,
        "date": "2024-02-28",
        "content": "complete",
        "status": "active",
        "concept": [{"code": "OLD"}, {"code": "NEW"}],
    }
    packages = [_package(tmp_path, "core", "1", old), _package(tmp_path, "tho", "1", new)]
    loaded = ConformanceContext(packages if core_first else packages[::-1])
    found = loaded.code_system(url)
    assert found is not None and found["version"] == new_version
    validator = Validator(loaded)  # R4 core is not loaded: only the code system is asked about
    assert validator.terminology.code_valid(url, "NEW") is True
    assert validator.terminology.system_version(url) == new_version


@pytest.mark.parametrize(
    ("system", "code"),
    [
        ("http://terminology.hl7.org/CodeSystem/v3-ObservationValue", "AIAST"),
        ("http://terminology.hl7.org/CodeSystem/v3-ActReason", "MLTRAINING"),
        ("http://terminology.hl7.org/CodeSystem/v3-ActReason", "TREATDS"),
        ("http://terminology.hl7.org/CodeSystem/v3-ActCode", "GDPRCD"),
    ],
)
def test_codes_of_the_installed_terminology_package_are_known(
    context: ConformanceContext, system: str, code: str
) -> None:
    """hl7.terminology.r4 7.0.1 defines these codes; R4 core's 2018 copies do not."""
    validator = Validator(context)
    assert validator.terminology.code_valid(system, code) is True
    assert validator.terminology.code_valid(system, code + "-NOT-A-CODE") is False
    meta = {"resourceType": "Patient", "meta": {"security": [{"system": system, "code": code}]}}
    assert errors_of(validator, meta) == []
    wrong = {"resourceType": "Patient", "meta": {"security": [{"system": system, "code": "NOPE"}]}}
    messages = errors_of(validator, wrong)
    assert any("version" in m for m in messages), messages


# --- 4. panel members are not held to unrelated slices; 2. section entries to their profile ---
@pytest.fixture(scope="module")
def all_sections(fhir_cache: Path) -> dict[str, Any]:
    import json

    path = fhir_cache / "hl7.fhir.uv.ips#2.0.0/package/example/Bundle-bundle-ips-all-sections.json"
    return json.loads(path.read_text())  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def ips_validator(context: ConformanceContext) -> Validator:
    return Validator(context)


MEMBER_URL = "https://fhir.example.com/Observation/0d5e4c3b-2a19-4f08-9e7d-6c5b4a392817"


def _with_panel_member(
    doc: dict[str, Any], category: str | None, performer: bool
) -> dict[str, Any]:
    """Entry 20 (a lab result in the Results section) becomes a panel with one member that is
    in the Bundle but not in any section, as real lab panels are sent."""
    broken = copy.deepcopy(doc)
    panel = broken["entry"][20]["resource"]
    member: dict[str, Any] = {
        "resourceType": "Observation",
        "id": MEMBER_URL.rsplit("/", 1)[1],
        "status": "final",
        "code": {"coding": [{"system": "http://loinc.org", "code": "718-7"}]},
        "subject": panel["subject"],
        "effectiveDateTime": panel["effectiveDateTime"],
        "valueQuantity": {"value": 7.2, "system": "http://unitsofmeasure.org", "code": "g/dL"},
    }
    if performer:
        member["performer"] = panel["performer"]
    if category:
        member["category"] = [
            {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                        "code": category,
                    }
                ]
            }
        ]
    panel["hasMember"] = [{"reference": MEMBER_URL}]
    broken["entry"].append({"fullUrl": MEMBER_URL, "resource": member})
    return broken


@pytest.mark.parametrize(
    ("category", "performer", "expected"),
    [
        ("laboratory", True, []),
        ("laboratory", False, ["performer"]),
        (None, True, ["category"]),
    ],
)
def test_panel_member_is_not_held_to_unrelated_slices(
    ips_validator: Validator,
    all_sections: dict[str, Any],
    category: str | None,
    performer: bool,
    expected: list[str],
) -> None:
    """Bundle-uv-ips Bundle.entry is sliced open by type and profile: an Observation that
    carries none of a slice's fixed identity (EDD code, radiology or vital-signs category) is
    not "meant for" that slice. A panel member is held to what the panel's hasMember names
    (targetProfile Observation-results-laboratory-pathology-uv-ips), and to nothing else."""
    doc = _with_panel_member(all_sections, category, performer)
    result = ips_validator.validate(doc)
    member = f"Bundle.entry[{len(doc['entry']) - 1}].resource"
    about_member = [i for i in result.issues if i.expression.startswith(member)]
    unrelated = ("pregnancy", "radiology", "vitalsigns", "vital-signs")
    assert not [i for i in about_member if any(u in i.source + i.message for u in unrelated)]
    assert sorted(i.expression for i in result.errors) == [f"{member}.{e}" for e in expected], [
        i.message for i in result.errors
    ]


@pytest.mark.parametrize(
    ("entry", "element"),
    [(7, "code"), (7, "subject")],
)
def test_section_entry_is_held_to_its_target_profile(
    ips_validator: Validator, all_sections: dict[str, Any], entry: int, element: str
) -> None:
    """Composition-uv-ips section:sectionProblems.entry:problem has targetProfile
    Condition-uv-ips (code 1..1, subject 1..1); in a document the HL7 validator checks each
    section entry's target against it, so a Condition without code is an error, located."""
    broken = copy.deepcopy(all_sections)
    del broken["entry"][entry]["resource"][element]
    result = ips_validator.validate(broken)
    where = f"Bundle.entry[{entry}].resource.{element}"
    assert [i.expression for i in result.errors] == [where], [i.message for i in result.errors]
