"""The document model: reading EEHRxF documents, summaries, references, bad input."""

from __future__ import annotations

import copy
import hashlib
import json
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.json_tree_support import places
from xshare_desktop.core.document import document_from_json, load_document
from xshare_desktop.core.errors import UserFacingError

IPS_EXAMPLES = "hl7.fhir.uv.ips#2.0.0/package/example"


@pytest.fixture(scope="module")
def all_sections(fhir_cache: Path) -> dict[str, Any]:
    return json.loads(
        (fhir_cache / IPS_EXAMPLES / "Bundle-bundle-ips-all-sections.json").read_text()
    )


def _minimal_document() -> dict[str, Any]:
    return {
        "resourceType": "Bundle",
        "type": "document",
        "entry": [
            {
                "fullUrl": "urn:uuid:c0000000-0000-4000-8000-000000000001",
                "resource": {
                    "resourceType": "Composition",
                    "status": "final",
                    "language": "da-DK",
                    "type": {"coding": [{"system": "http://loinc.org", "code": "60591-5"}]},
                    "subject": {"reference": "urn:uuid:c0000000-0000-4000-8000-000000000002"},
                    "date": "2026-01-01",
                    "author": [{"reference": "urn:uuid:c0000000-0000-4000-8000-000000000002"}],
                    "title": "Patientoversigt",
                    "section": [
                        {
                            "title": "Problemer",
                            "code": {"coding": [{"system": "http://loinc.org", "code": "11450-4"}]},
                            "entry": [
                                {"reference": "urn:uuid:c0000000-0000-4000-8000-000000000003"},
                                {"reference": "urn:uuid:c0000000-0000-4000-8000-00000000dead"},
                            ],
                        }
                    ],
                },
            },
            {
                "fullUrl": "urn:uuid:c0000000-0000-4000-8000-000000000002",
                "resource": {
                    "resourceType": "Patient",
                    "name": [{"family": "Testesen", "given": ["Karen"]}],
                    "birthDate": "1950-02-03",
                    "identifier": [{"system": "urn:oid:1.2.208.176.1.2", "value": "0302509999"}],
                },
            },
            {
                "fullUrl": "urn:uuid:c0000000-0000-4000-8000-000000000003",
                "resource": {
                    "resourceType": "Condition",
                    "clinicalStatus": {"coding": [{"code": "active"}]},
                    "code": {
                        "coding": [
                            {
                                "system": "http://snomed.info/sct",
                                "code": "44054006",
                                "display": "Diabetes mellitus type 2",
                            }
                        ],
                        "text": "Type 2-diabetes",
                    },
                    "subject": {"reference": "urn:uuid:c0000000-0000-4000-8000-000000000002"},
                    "onsetDateTime": "2012-03-04",
                },
            },
        ],
    }


def test_reads_the_ips_example(all_sections: dict[str, Any], fhir_cache: Path) -> None:
    path = fhir_cache / IPS_EXAMPLES / "Bundle-bundle-ips-all-sections.json"
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    doc = load_document(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert doc.kind == "ips"
    assert doc.raw == all_sections
    assert doc.patient_info is not None and doc.patient_info.name == "Patricia JORDANA"
    assert [s.code for s in doc.sections][:3] == ["11450-4", "48765-2", "10160-0"]
    assert len(doc.sections) == 16
    problems = doc.sections[0]
    assert problems.entries[0].summary.startswith(
        "Essential hypertension — active, since 25 May 2016"
    )
    assert problems.narrative and problems.narrative.startswith("<div")
    assert doc.references.unresolved == []
    assert doc.model_issues == []
    # the reference index works both ways
    patient_url = doc.patient.full_url if doc.patient else ""
    referrers = doc.references.referrers_of(patient_url)
    assert doc.composition.full_url in referrers
    assert patient_url in doc.references.targets_of(problems.entries[0].full_url)


def test_summaries_cover_the_main_resource_types(all_sections: dict[str, Any]) -> None:
    doc = document_from_json(all_sections, check_models=False)
    by_type = {e.resource_type: e for e in doc.entries}
    assert "lisinopril" in by_type["MedicationStatement"].summary or any(
        "lisinopril" in e.summary for e in doc.entries if e.resource_type == "MedicationStatement"
    )
    vitals = next(s for s in doc.sections if s.code == "8716-3")
    assert any("140/80" in e.summary for e in vitals.entries)
    assert "Penicillin" in by_type["AllergyIntolerance"].summary
    assert "10 April 2024" in doc.sections[3].entries[0].summary


def test_danish_text_is_used_for_danish_summaries() -> None:
    doc = document_from_json(_minimal_document(), check_models=False)
    condition = doc.sections[0].entries[0]
    assert condition.summary_da == "Type 2-diabetes — aktiv, siden 4. marts 2012"
    assert condition.summary == "Diabetes mellitus type 2 — active, since 4 March 2012"
    assert doc.patient_info is not None and doc.patient_info.cpr == "0302509999"


def test_unresolved_references_are_reported_not_fatal() -> None:
    doc = document_from_json(_minimal_document(), check_models=False)
    assert doc.sections[0].unresolved_entries == ["urn:uuid:c0000000-0000-4000-8000-00000000dead"]
    assert [r.reference for r in doc.references.unresolved] == [
        "urn:uuid:c0000000-0000-4000-8000-00000000dead"
    ]
    assert doc.references.unresolved[0].path == "Composition.section[0].entry[1]"


def test_model_errors_are_reported_with_their_location() -> None:
    obj = _minimal_document()
    obj["entry"][1]["resource"]["birthDate"] = "1950-13-45"
    obj["entry"][2]["resource"]["colour"] = "blue"
    doc = document_from_json(obj)
    locations = {i.location for i in doc.model_issues}
    assert "Bundle.entry[1].resource.birthDate" in locations
    assert "Bundle.entry[2].resource.colour" in locations


def test_the_model_never_changes_its_input() -> None:
    obj = _minimal_document()
    snapshot = copy.deepcopy(obj)
    document_from_json(obj)
    assert obj == snapshot


def test_relative_references_resolve_against_the_fullurl_base(all_sections: dict[str, Any]) -> None:
    doc = document_from_json(all_sections, check_models=False)
    target = doc.resolve("Patient/d174bd1a-b368-41e6-83a2-af77f2b3c60f", doc.composition)
    assert target is doc.patient


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"this is not json", "not valid JSON"),
        (b'{"resourceType": "Bundle", "type": "document", "entry": [', "truncated"),
        (b'{"resourceType": "Patient", "id": "x"}', "Patient resource, not a health document"),
        (b'{"resourceType": "Bundle", "type": "collection", "entry": []}', "type 'collection'"),
        (b'{"resourceType": "Bundle", "type": "document"}', "no entries"),
        (
            b'{"resourceType": "Bundle", "type": "document", "entry": [{"resource": {"resourceType": "Patient"}}]}',
            "not the Composition",
        ),
        (b"[1, 2, 3]", "not a FHIR resource"),
        (b'{"type": "document"}', "no resourceType"),
        (b"", "empty"),
    ],
)
def test_bad_input_gets_a_plain_message(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "input.json"
    path.write_bytes(content)
    with pytest.raises(UserFacingError) as info:
        load_document(path)
    assert expected in info.value.message
    assert path.read_bytes() == content


def test_a_200_mb_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)
    started = time.monotonic()
    with pytest.raises(UserFacingError, match="MB"):
        load_document(path)
    assert time.monotonic() - started < 5  # a guard against reading it all, not a benchmark


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_bytes(b'{"resourceType": "Bundle", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")
    with pytest.raises(UserFacingError, match="nested"):
        load_document(path)


@settings(max_examples=150, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=8),
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(st.text(max_size=8), children, max_size=4)
        ),
        max_leaves=30,
    )
)
def test_random_json_never_crashes(value: Any) -> None:
    data = json.dumps(value).encode()
    try:
        load_document(data)
    except UserFacingError:
        pass


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_damaged_documents_never_crash(data: st.DataObject) -> None:
    obj = _minimal_document()
    # replace a random element anywhere in the tree with a random JSON value
    parent, key = data.draw(st.sampled_from(places(obj)))
    parent[key] = data.draw(
        st.none() | st.integers() | st.text(max_size=5) | st.just([]) | st.just({})
    )
    try:
        document_from_json(obj)
    except UserFacingError:
        pass


def test_the_model_check_can_run_after_loading() -> None:
    obj = _minimal_document()
    obj["entry"][1]["resource"]["birthDate"] = "1950-13-45"
    from xshare_desktop.core.document import check_models

    doc = document_from_json(obj, check_models=False)
    assert doc.model_issues == []
    assert [i.location for i in check_models(doc)] == ["Bundle.entry[1].resource.birthDate"]


@pytest.mark.parametrize(
    ("iso", "lang", "shown"),
    [
        ("2017-03-02", "da", "2. marts 2017"),
        ("2017-03-02", "en", "2 March 2017"),
        ("2017-03", "da", "marts 2017"),
        ("2017", "en", "2017"),
        ("2017-13-40", "en", "2017"),
        ("not a date", "da", "not a date"),
    ],
)
def test_summaries_write_dates_as_people_do(iso: str, lang: str, shown: str) -> None:
    from xshare_desktop.core.summaries import human_date

    assert human_date(iso, lang) == shown


def test_danish_numbers_use_a_decimal_comma() -> None:
    from xshare_desktop.core.summaries import format_quantity, format_range

    assert format_quantity({"value": 7.4, "unit": "mmol/L"}, "da") == "7,4 mmol/L"
    assert format_quantity({"value": 7.4, "unit": "mmol/L"}, "en") == "7.4 mmol/L"
    assert format_quantity({"value": 7.4, "unit": "mmol/L"}) == "7.4 mmol/L"
    rng = {"low": {"value": 4.5, "unit": "%"}, "high": {"value": 6.0, "unit": "%"}}
    assert format_range(rng, "da") == "4,5–6 %"
