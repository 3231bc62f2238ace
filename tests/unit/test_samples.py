"""The bundled sample documents are complete, self-consistent FHIR document Bundles.

These checks are independent of the project's own reader and validator, so a
defect in a sample cannot hide behind a defect in the code that reads it.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any
from xml.etree import ElementTree

import defusedxml.ElementTree as SafeElementTree
import pytest
from fhir.resources.R4B.bundle import Bundle
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
SAMPLE_FILES = sorted(SAMPLES.glob("*.json"))
IPS_FILES = [p for p in SAMPLE_FILES if p.name.startswith("ips-")]
LAB_FILES = [p for p in SAMPLE_FILES if p.name.startswith("eu-lab-")]

IPS_BASE = "http://hl7.org/fhir/uv/ips/StructureDefinition/"
EU_LAB_BASE = "http://hl7.eu/fhir/laboratory/StructureDefinition/"
LOINC = "http://loinc.org"
XHTML_NS = "{http://www.w3.org/1999/xhtml}"
CPR_SYSTEM = "urn:oid:1.2.208.176.1.2"
SOR_SYSTEM = "urn:oid:1.2.208.176.1.1"

REQUIRED_IPS_SECTIONS = {"11450-4", "48765-2", "10160-0"}
ALL_IPS_SECTIONS = REQUIRED_IPS_SECTIONS | {
    "11369-6", "30954-2", "47519-4", "46264-8", "8716-3", "11348-0", "47420-5",
    "18776-5", "29762-2", "10162-6", "42348-3", "104605-1", "81338-6",
}  # fmt: skip

# The IPS profile each resource type carries in an IPS sample (Observation varies).
IPS_PROFILE_BY_TYPE = {
    "Composition": "Composition-uv-ips",
    "Patient": "Patient-uv-ips",
    "Condition": "Condition-uv-ips",
    "AllergyIntolerance": "AllergyIntolerance-uv-ips",
    "MedicationStatement": "MedicationStatement-uv-ips",
    "Medication": "Medication-uv-ips",
    "Immunization": "Immunization-uv-ips",
    "Procedure": "Procedure-uv-ips",
    "Device": "Device-uv-ips",
    "DeviceUseStatement": "DeviceUseStatement-uv-ips",
    "DiagnosticReport": "DiagnosticReport-uv-ips",
    "Flag": "Flag-alert-uv-ips",
    "Organization": "Organization-uv-ips",
    "Practitioner": "Practitioner-uv-ips",
    "PractitionerRole": "PractitionerRole-uv-ips",
}
IPS_OBSERVATION_PROFILES = {
    IPS_BASE + name
    for name in (
        "Observation-results-laboratory-pathology-uv-ips",
        "Observation-tobaccouse-uv-ips",
        "Observation-alcoholuse-uv-ips",
        "Observation-pregnancy-status-uv-ips",
        "Observation-pregnancy-edd-uv-ips",
        "Observation-pregnancy-outcome-uv-ips",
    )
} | {"http://hl7.org/fhir/StructureDefinition/vitalsigns"}

# Narrative elements a FHIR narrative may use (FHIR R4 "Narrative" rules, a subset is enough).
ALLOWED_XHTML = {
    "div", "p", "b", "i", "em", "strong", "span", "br", "ul", "ol", "li", "table", "thead",
    "tbody", "tr", "th", "td", "h1", "h2", "h3", "h4", "h5", "h6",
}  # fmt: skip

KNOWN_SYSTEMS = {
    "http://snomed.info/sct",
    LOINC,
    "http://www.whocc.no/atc",
    "http://hl7.org/fhir/sid/icd-10",
    "http://hl7.org/fhir/sid/cvx",
    "http://standardterms.edqm.eu",
    "urn:ietf:bcp:47",
    "urn:oid:1.2.208.176.2.1",  # NPU (Danish laboratory codes)
    "urn:oid:2.16.840.1.113883.2.9.6.2.7",  # ISCO-08
}


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def walk(node: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from walk(value, f"{path}[{i}]")


def references(resource: dict[str, Any]) -> list[str]:
    """Every Reference.reference inside a resource (narratives never use the key)."""
    return [
        node["reference"]
        for _, node in walk(resource)
        if isinstance(node, dict) and isinstance(node.get("reference"), str)
    ]


def entries(bundle: dict[str, Any]) -> list[dict[str, Any]]:
    return list(bundle["entry"])


def composition(bundle: dict[str, Any]) -> dict[str, Any]:
    first: dict[str, Any] = bundle["entry"][0]["resource"]
    return first


def sections(comp: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for section in comp.get("section", []):
        yield section
        yield from sections(section)


def section_code(section: dict[str, Any]) -> str:
    codings = section["code"]["coding"]
    loinc = [c["code"] for c in codings if c["system"] == LOINC]
    assert loinc, f"section {section.get('title')!r} has no LOINC code"
    return str(loinc[0])


def parse_div(div: str) -> ElementTree.Element:
    element: ElementTree.Element = SafeElementTree.fromstring(div)
    return element


# --------------------------------------------------------------------------- every sample


def test_the_samples_are_there() -> None:
    assert len(IPS_FILES) >= 4
    assert len(LAB_FILES) >= 1


@pytest.fixture(params=SAMPLE_FILES, ids=[p.name for p in SAMPLE_FILES])
def sample(request: pytest.FixtureRequest) -> dict[str, Any]:
    return load(request.param)


def test_parses_with_the_r4b_models(sample: dict[str, Any]) -> None:
    Bundle.model_validate(copy.deepcopy(sample))


def test_is_a_document_bundle(sample: dict[str, Any]) -> None:
    assert sample["resourceType"] == "Bundle"
    assert sample["type"] == "document"
    assert sample["identifier"]["system"] and sample["identifier"]["value"]
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)", sample["timestamp"]
    )
    assert sample["language"] == "da-DK"
    assert sample["meta"]["profile"]
    assert composition(sample)["resourceType"] == "Composition"
    assert composition(sample)["language"] == "da-DK"


def test_full_urls_are_unique_uuids_matching_the_ids(sample: dict[str, Any]) -> None:
    full_urls = [entry["fullUrl"] for entry in entries(sample)]
    assert len(full_urls) == len(set(full_urls))
    for entry in entries(sample):
        match = re.fullmatch(
            r"urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})",
            entry["fullUrl"],
        )
        assert match, entry["fullUrl"]
        assert entry["resource"]["id"] == match.group(1)


def test_every_reference_resolves_inside_the_bundle(sample: dict[str, Any]) -> None:
    full_urls = {entry["fullUrl"] for entry in entries(sample)}
    for entry in entries(sample):
        for ref in references(entry["resource"]):
            assert ref in full_urls, (
                f"{entry['resource']['resourceType']} points to {ref}, not in the Bundle"
            )


def test_every_entry_is_reachable_from_the_composition(sample: dict[str, Any]) -> None:
    by_url = {entry["fullUrl"]: entry["resource"] for entry in entries(sample)}
    start = entries(sample)[0]["fullUrl"]
    seen = {start}
    todo = [start]
    while todo:
        for ref in references(by_url[todo.pop()]):
            if ref not in seen:
                seen.add(ref)
                todo.append(ref)
    unreachable = [f"{by_url[url]['resourceType']} {url}" for url in by_url if url not in seen]
    assert not unreachable, unreachable


def test_composition_header_points_at_the_right_resources(sample: dict[str, Any]) -> None:
    by_url = {entry["fullUrl"]: entry["resource"] for entry in entries(sample)}
    comp = composition(sample)
    assert by_url[comp["subject"]["reference"]]["resourceType"] == "Patient"
    assert by_url[comp["custodian"]["reference"]]["resourceType"] == "Organization"
    for author in comp["author"]:
        assert by_url[author["reference"]]["resourceType"] in {
            "Practitioner",
            "PractitionerRole",
            "Organization",
        }
    patient_url = comp["subject"]["reference"]
    for entry in entries(sample):
        resource = entry["resource"]
        for key in ("subject", "patient"):
            if key in resource and resource["resourceType"] not in {"Composition"}:
                assert resource[key]["reference"] == patient_url, (
                    f"{resource['resourceType']}.{key}"
                )


def test_every_narrative_is_well_formed_fhir_xhtml(sample: dict[str, Any]) -> None:
    for path, node in walk(sample):
        if not (isinstance(node, dict) and "div" in node and "status" in node):
            continue
        assert node["status"] == "generated", path
        root = parse_div(node["div"])
        assert root.tag == XHTML_NS + "div", path
        for element in root.iter():
            assert element.tag.startswith(XHTML_NS), f"{path}: {element.tag}"
            assert element.tag[len(XHTML_NS) :] in ALLOWED_XHTML, f"{path}: {element.tag}"
            assert not any(name.startswith("on") for name in element.attrib), path
        assert "".join(root.itertext()).strip(), f"{path}: empty narrative"


def test_every_resource_and_section_has_a_narrative(sample: dict[str, Any]) -> None:
    for entry in entries(sample):
        assert entry["resource"].get("text", {}).get("div"), entry["fullUrl"]
    for section in sections(composition(sample)):
        assert section["title"]
        assert section["text"]["div"], section["title"]


def test_section_tables_have_one_row_per_entry(sample: dict[str, Any]) -> None:
    """The narrative repeats every entry (so removing one must also change the narrative)."""
    by_url = {entry["fullUrl"]: entry["resource"] for entry in entries(sample)}
    for section in sections(composition(sample)):
        refs = [e["reference"] for e in section.get("entry", [])]
        root = parse_div(section["text"]["div"])
        body_rows = root.findall(f".//{XHTML_NS}tbody/{XHTML_NS}tr")
        if not refs:
            assert not body_rows
            continue
        assert len(body_rows) == len(refs), section["title"]
        for row, ref in zip(body_rows, refs, strict=True):
            first_cell = "".join(row.find(f"{XHTML_NS}td").itertext())  # type: ignore[union-attr]
            resource_text = "".join(parse_div(by_url[ref]["text"]["div"]).itertext())
            assert first_cell.split(" (")[0].split(",")[0] in resource_text, (
                section["title"],
                first_cell,
            )


def test_codes_use_real_code_systems(sample: dict[str, Any]) -> None:
    for path, node in walk(sample):
        if path.endswith("]") and ".coding[" in path and isinstance(node, dict):
            system = node["system"]
            assert system in KNOWN_SYSTEMS or system.startswith(
                "http://terminology.hl7.org/CodeSystem/"
            ), f"{path}: {system}"
            assert node["code"].strip() == node["code"] and node["code"], path
            if system == "http://snomed.info/sct":
                assert re.fullmatch(r"\d{6,18}", node["code"]), path
            if system == LOINC:
                assert re.fullmatch(r"\d{1,6}-\d", node["code"]), path
            if system == "http://www.whocc.no/atc":
                assert re.fullmatch(r"[A-Z]\d\d[A-Z]{0,2}(\d\d)?", node["code"]), path
            if system == "http://hl7.org/fhir/sid/icd-10":
                assert re.fullmatch(r"[A-Z]\d\d(\.\d)?", node["code"]), path


def test_quantities_use_ucum(sample: dict[str, Any]) -> None:
    for path, node in walk(sample):
        if path.endswith(
            ("valueQuantity", "doseQuantity", ".low", ".high", "numerator", "denominator")
        ):
            assert node["system"] == "http://unitsofmeasure.org", path
            assert node["code"], path
            assert isinstance(node["value"], int | float), path


def test_identifiers_are_visibly_fictitious(sample: dict[str, Any]) -> None:
    cpr_numbers = []
    for path, node in walk(sample):
        if isinstance(node, dict) and node.get("system") == CPR_SYSTEM:
            cpr_numbers.append(node["value"])
            assert re.fullmatch(r"\d{10}", node["value"]), path
            # Danish test CPR numbers here all end in 999x: no real person is meant.
            assert node["value"][6:9] == "999", path
        if isinstance(node, dict) and node.get("system") == SOR_SYSTEM:
            assert re.fullmatch(r"\d{11,}", node["value"]), path
            assert node["value"].startswith("99999"), path
    assert cpr_numbers, "the patient has a CPR number"


def test_lab_results_have_units_and_reference_ranges(sample: dict[str, Any]) -> None:
    for entry in entries(sample):
        resource = entry["resource"]
        if resource["resourceType"] != "Observation":
            continue
        categories = {
            c["code"] for cat in resource.get("category", []) for c in cat.get("coding", [])
        }
        if "laboratory" in categories and "valueQuantity" in resource:
            assert resource["referenceRange"], entry["fullUrl"]
            assert resource["performer"], entry["fullUrl"]
            assert resource["effectiveDateTime"], entry["fullUrl"]


# --------------------------------------------------------------------------- IPS samples


@pytest.fixture(params=IPS_FILES, ids=[p.name for p in IPS_FILES])
def ips(request: pytest.FixtureRequest) -> dict[str, Any]:
    return load(request.param)


def test_ips_header(ips: dict[str, Any]) -> None:
    assert ips["meta"]["profile"] == [IPS_BASE + "Bundle-uv-ips"]
    comp = composition(ips)
    codes = {c["code"] for c in comp["type"]["coding"] if c["system"] == LOINC}
    assert codes == {"60591-5"}
    assert comp["status"] == "final"
    assert comp["attester"] and comp["custodian"] and comp["author"]


def test_ips_required_sections_have_entries_or_an_empty_reason(ips: dict[str, Any]) -> None:
    comp = composition(ips)
    by_code = {section_code(s): s for s in comp["section"]}
    assert len(by_code) == len(comp["section"]), "a section code appears twice"
    assert set(by_code) <= ALL_IPS_SECTIONS
    for code in REQUIRED_IPS_SECTIONS:
        section = by_code[code]
        assert section.get("entry") or section.get("emptyReason"), code


def test_ips_section_entries_have_the_right_types(ips: dict[str, Any]) -> None:
    allowed = {
        "11450-4": {"Condition"},
        "11348-0": {"Condition"},
        "48765-2": {"AllergyIntolerance"},
        "10160-0": {"MedicationStatement", "MedicationRequest"},
        "11369-6": {"Immunization"},
        "30954-2": {"Observation", "DiagnosticReport"},
        "47519-4": {"Procedure"},
        "46264-8": {"DeviceUseStatement"},
        "8716-3": {"Observation"},
        "47420-5": {"Condition", "ClinicalImpression"},
        "18776-5": {"CarePlan", "ImmunizationRecommendation"},
        "29762-2": {"Observation"},
        "10162-6": {"Observation"},
        "42348-3": {"Consent"},
        "104605-1": {"Flag"},
    }
    by_url = {entry["fullUrl"]: entry["resource"] for entry in entries(ips)}
    for section in composition(ips)["section"]:
        code = section_code(section)
        for ref in section.get("entry", []):
            kind = by_url[ref["reference"]]["resourceType"]
            assert kind in allowed.get(code, {kind}), (section["title"], kind)


def test_ips_resources_claim_their_ips_profiles(ips: dict[str, Any]) -> None:
    for entry in entries(ips):
        resource = entry["resource"]
        kind = resource["resourceType"]
        profiles = set(resource.get("meta", {}).get("profile", []))
        if kind in IPS_PROFILE_BY_TYPE:
            assert IPS_BASE + IPS_PROFILE_BY_TYPE[kind] in profiles, entry["fullUrl"]
        if kind == "Observation":
            assert profiles & IPS_OBSERVATION_PROFILES, entry["fullUrl"]


def test_vital_signs_follow_the_fhir_vital_signs_profile(ips: dict[str, Any]) -> None:
    by_url = {entry["fullUrl"]: entry["resource"] for entry in entries(ips)}
    for section in composition(ips)["section"]:
        if section_code(section) != "8716-3":
            continue
        for ref in section["entry"]:
            obs = by_url[ref["reference"]]
            assert "http://hl7.org/fhir/StructureDefinition/vitalsigns" in obs["meta"]["profile"]
            assert obs["category"][0]["coding"][0]["code"] == "vital-signs"
            assert obs["code"]["coding"][0]["system"] == LOINC
            assert "valueQuantity" in obs or "component" in obs


def test_ips_samples_use_every_ips_section_between_them() -> None:
    used = {section_code(s) for path in IPS_FILES for s in composition(load(path))["section"]}
    assert used == ALL_IPS_SECTIONS


def test_samples_describe_different_patients() -> None:
    cprs = set()
    for path in IPS_FILES:
        bundle = load(path)
        patient = next(
            e["resource"] for e in entries(bundle) if e["resource"]["resourceType"] == "Patient"
        )
        cprs.add(patient["identifier"][0]["value"])
    assert len(cprs) == len(IPS_FILES)


# --------------------------------------------------------------------------- EU lab report


@pytest.mark.parametrize("path", LAB_FILES, ids=[p.name for p in LAB_FILES])
def test_eu_lab_report_shape(path: Path) -> None:
    bundle = load(path)
    assert bundle["meta"]["profile"] == [EU_LAB_BASE + "Bundle-eu-lab"]
    comp = composition(bundle)
    assert comp["meta"]["profile"] == [EU_LAB_BASE + "Composition-eu-lab"]
    assert {c["code"] for c in comp["type"]["coding"]} == {"11502-2"}
    kinds = [e["resource"]["resourceType"] for e in entries(bundle)]
    assert kinds.count("DiagnosticReport") == 1
    assert "Specimen" in kinds and "Patient" in kinds
    report = next(
        e["resource"]
        for e in entries(bundle)
        if e["resource"]["resourceType"] == "DiagnosticReport"
    )
    assert comp["identifier"] in report["identifier"], (
        "labRpt-id: same identifier on report and document"
    )
    section_refs = {e["reference"] for s in sections(comp) for e in s.get("entry", [])}
    assert {r["reference"] for r in report["result"]} == section_refs
    for entry in entries(bundle):
        resource = entry["resource"]
        profiles = resource.get("meta", {}).get("profile", [])
        if resource["resourceType"] in {"Observation", "Specimen", "Patient", "DiagnosticReport"}:
            assert profiles and profiles[0].startswith(EU_LAB_BASE), entry["fullUrl"]
        if resource["resourceType"] == "Specimen":
            assert resource["identifier"][0]["value"], "a (fictitious) national sample number"
        if resource["resourceType"] == "Observation":
            assert resource["specimen"]["reference"] in {e["fullUrl"] for e in entries(bundle)}


# --------------------------------------------------------------------------- large documents


def _make_large_module() -> ModuleType:
    path = ROOT / "benchmarks" / "make_large.py"
    spec = importlib.util.spec_from_file_location("make_large", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_large", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def make_large() -> ModuleType:
    return _make_large_module()


def test_large_document_has_the_requested_size_and_is_consistent(make_large: ModuleType) -> None:
    bundle = make_large.make_large_document(300, seed=7)
    assert len(bundle["entry"]) == 300
    Bundle.model_validate(copy.deepcopy(bundle))
    for check in (
        test_full_urls_are_unique_uuids_matching_the_ids,
        test_every_reference_resolves_inside_the_bundle,
        test_every_entry_is_reachable_from_the_composition,
        test_every_narrative_is_well_formed_fhir_xhtml,
        test_section_tables_have_one_row_per_entry,
        test_quantities_use_ucum,
        test_ips_required_sections_have_entries_or_an_empty_reason,
        test_ips_resources_claim_their_ips_profiles,
    ):
        check(bundle)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    extra=st.integers(min_value=0, max_value=120), seed=st.integers(min_value=0, max_value=2**31)
)
def test_large_document_stays_consistent_for_any_size_and_seed(
    make_large: ModuleType, extra: int, seed: int
) -> None:
    base_size = len(load(SAMPLES / "ips-bent-eksempelsen.json")["entry"])
    bundle = make_large.make_large_document(base_size + extra, seed=seed)
    assert len(bundle["entry"]) == base_size + extra
    test_full_urls_are_unique_uuids_matching_the_ids(bundle)
    test_every_reference_resolves_inside_the_bundle(bundle)
    test_every_entry_is_reachable_from_the_composition(bundle)
    test_section_tables_have_one_row_per_entry(bundle)


def test_large_document_is_deterministic_and_seeded(make_large: ModuleType) -> None:
    first = make_large.make_large_document(120, seed=3)
    again = make_large.make_large_document(120, seed=3)
    other = make_large.make_large_document(120, seed=4)
    assert json.dumps(first) == json.dumps(again)
    assert json.dumps(first) != json.dumps(other)
    assert first["identifier"] != other["identifier"]


def test_large_document_refuses_sizes_below_the_base_sample(make_large: ModuleType) -> None:
    with pytest.raises(ValueError, match="at least"):
        make_large.make_large_document(3)


def test_large_document_command_line(make_large: ModuleType, tmp_path: Path) -> None:
    out = tmp_path / "large.json"
    assert make_large.main(["150", str(out), "--seed", "2"]) == 0
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written == make_large.make_large_document(150, seed=2)
    assert make_large.main(["not-a-number", str(out)]) == 2


# --------------------------------------------------------------------------- broken inputs

BROKEN = SAMPLES / "broken"


def test_broken_inputs_are_broken_in_exactly_the_named_way() -> None:
    for name in ("truncated.json", "not-json.json"):
        with pytest.raises(json.JSONDecodeError):
            json.loads((BROKEN / name).read_text(encoding="utf-8"))
    assert load(BROKEN / "patient-only.json")["resourceType"] == "Patient"
    collection = load(BROKEN / "bundle-collection.json")
    assert collection["resourceType"] == "Bundle" and collection["type"] == "collection"
    headless = load(BROKEN / "document-without-composition.json")
    assert headless["type"] == "document"
    assert all(e["resource"]["resourceType"] != "Composition" for e in headless["entry"])

    dangling = load(BROKEN / "unresolved-reference.json")
    full_urls = {e["fullUrl"] for e in dangling["entry"]}
    unresolved = [
        r for e in dangling["entry"] for r in references(e["resource"]) if r not in full_urls
    ]
    assert unresolved == ["urn:uuid:00000000-0000-4000-8000-000000000000"]
    Bundle.model_validate(dangling)

    no_allergies = load(BROKEN / "missing-allergy-section.json")
    codes = {section_code(s) for s in composition(no_allergies)["section"]}
    assert "48765-2" not in codes and {"11450-4", "10160-0"} <= codes
    test_every_reference_resolves_inside_the_bundle(no_allergies)
    Bundle.model_validate(no_allergies)
