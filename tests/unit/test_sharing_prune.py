"""Applying a selection: what stays, what goes, and what the document still needs."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.sharing.prune import prune, section_code
from xshare_desktop.core.sharing.refs import EntryIndex, iter_references, remove_references
from xshare_desktop.core.sharing.selection import Selection

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
PRACTITIONER = "Practitioner/816cf057-b736-4e08-baed-cc21e081b784"
PATHOLOGIST = "PractitionerRole/75ed6f24-9a7e-4568-9c05-91b6d4786743"
GOUT = "Condition/f8ab8ac1-56d1-4239-8303-dc70c1a3d0e1"


@pytest.fixture(scope="module")
def all_sections(fhir_cache: Path) -> dict[str, Any]:
    path = fhir_cache / "hl7.fhir.uv.ips#2.0.0/package/example/Bundle-bundle-ips-all-sections.json"
    return json.loads(path.read_text())


def _sections(bundle: dict[str, Any]) -> dict[str | None, dict[str, Any]]:
    return {section_code(s): s for s in bundle["entry"][0]["resource"]["section"]}


def _types(bundle: dict[str, Any]) -> list[str]:
    return [e["resource"]["resourceType"] for e in bundle["entry"]]


def test_input_is_never_modified(all_sections: dict[str, Any]) -> None:
    before = copy.deepcopy(all_sections)
    prune(all_sections, Selection(exclude=("section:10160-0", PRACTITIONER, "Patient.address")))
    assert all_sections == before


def test_required_section_left_out_is_kept_as_withheld(all_sections: dict[str, Any]) -> None:
    result = prune(all_sections, Selection(exclude=("section:10160-0",)), now=NOW)
    section = _sections(result.bundle)["10160-0"]
    assert "entry" not in section
    assert section["emptyReason"]["coding"][0] == {
        "system": "http://terminology.hl7.org/CodeSystem/list-empty-reason",
        "code": "withheld",
        "display": "Information Withheld",
    }
    assert "MedicationStatement" not in _types(result.bundle)
    assert result.withheld_sections == ["10160-0"]


def test_optional_section_left_out_disappears(all_sections: dict[str, Any]) -> None:
    result = prune(all_sections, Selection(exclude=("section:11369-6",)))
    assert "11369-6" not in _sections(result.bundle)
    assert "Immunization" not in _types(result.bundle)


def test_entry_left_out_loses_every_reference_to_it(all_sections: dict[str, Any]) -> None:
    result = prune(all_sections, Selection(exclude=(PRACTITIONER,)))
    index = EntryIndex.build(result.bundle)
    targets = {
        index.resolve(r["reference"], url) or r["reference"]
        for url in index.urls
        for r in iter_references(index.by_url[url])
    }
    assert not any(PRACTITIONER in str(t) for t in targets)
    assert "Practitioner" not in _types(result.bundle)
    # the role that only pointed to the practitioner stays as a role
    assert "PractitionerRole" in _types(result.bundle)


def test_what_only_left_out_entries_used_goes_too(all_sections: dict[str, Any]) -> None:
    result = prune(all_sections, Selection(exclude=("section:46264-8",)))
    assert "Device" not in _types(result.bundle)
    reasons = {(i.resource_type, i.reason) for i in result.left_out}
    assert ("Device", "unused") in reasons and ("DeviceUseStatement", "section") in reasons


def test_entries_that_need_a_left_out_entry_go_with_it(all_sections: dict[str, Any]) -> None:
    result = prune(all_sections, Selection(exclude=(PATHOLOGIST,)))
    depends = [i for i in result.left_out if i.reason == "depends"]
    assert len(depends) == 6 and all(i.resource_type == "Observation" for i in depends)
    assert "30954-2" not in _sections(result.bundle)  # optional section became empty


def test_include_keeps_only_what_was_chosen_and_what_it_needs(all_sections: dict[str, Any]) -> None:
    result = prune(all_sections, Selection(include=("section:11450-4",)))
    assert sorted(set(_types(result.bundle))) == [
        "Composition",
        "Condition",
        "Organization",
        "Patient",
        "Practitioner",
        "PractitionerRole",
    ]
    sections = _sections(result.bundle)
    assert set(sections) == {"11450-4", "48765-2", "10160-0"}
    assert sections["48765-2"]["emptyReason"]["coding"][0]["code"] == "withheld"


def test_include_single_entry(all_sections: dict[str, Any]) -> None:
    result = prune(all_sections, Selection(include=(GOUT,)))
    conditions = [e for e in result.bundle["entry"] if e["resource"]["resourceType"] == "Condition"]
    assert [c["resource"]["id"] for c in conditions] == [GOUT.split("/")[1]]


def test_fields_are_removed_or_coarsened(all_sections: dict[str, Any]) -> None:
    result = prune(
        all_sections,
        Selection(
            exclude=("Patient.address", f"{GOUT}#onset"),
            year_only=("Patient.birthDate", "Condition.recordedDate"),
        ),
    )
    resources = {e["resource"]["id"]: e["resource"] for e in result.bundle["entry"]}
    patient = resources["d174bd1a-b368-41e6-83a2-af77f2b3c60f"]
    assert "address" not in patient and patient["birthDate"] == "1956"
    gout = resources[GOUT.split("/")[1]]
    assert "onsetDateTime" not in gout and gout["recordedDate"] == "2020"
    hypertension = resources["8039e4a7-d459-454c-92a5-6c17ca2a824b"]
    assert hypertension["onsetDateTime"] == "2016-05-25"  # only Gout's onset was chosen


def test_new_identity_and_no_stale_signature(all_sections: dict[str, Any]) -> None:
    signed = dict(all_sections, signature={"type": [], "when": "2024-01-01T00:00:00Z"})
    result = prune(signed, Selection(), now=NOW, new_id="11111111-2222-4333-8444-555555555555")
    assert result.bundle["identifier"] == {
        "system": "urn:ietf:rfc:3986",
        "value": "urn:uuid:11111111-2222-4333-8444-555555555555",
    }
    assert result.bundle["timestamp"] == "2026-11-27T12:00:00Z"
    assert "signature" not in result.bundle


@pytest.mark.parametrize(
    ("selector", "message"),
    [
        ("section:99999-9", "names no section"),
        ("Condition/nope", "does not match"),
        ("Patient/d174bd1a-b368-41e6-83a2-af77f2b3c60f", "cannot be left out"),
        ("Composition/9c98f78e-f324-4ad5-97a1-8eb9ef9a1172", "cannot be left out"),
        ("Patient.name", "not a field you can choose"),
        ("Patient.birthDate", "year only"),
        ("Organization/7a17027f-acc0-4d77-bf84-c0dad8f7c881", "author"),
    ],
)
def test_refusals_name_the_problem(
    all_sections: dict[str, Any], selector: str, message: str
) -> None:
    with pytest.raises(UserFacingError, match=message):
        prune(all_sections, Selection(exclude=(selector,)))


def test_not_a_document_is_refused() -> None:
    with pytest.raises(UserFacingError, match="not a document"):
        prune({"resourceType": "Bundle", "type": "collection", "entry": []}, Selection())


def test_reference_removal_takes_backbone_items_and_empty_lists_with_it() -> None:
    resource = {
        "resourceType": "Immunization",
        "performer": [{"function": {"text": "x"}, "actor": {"reference": "Practitioner/1"}}],
        "extension": [{"url": "http://x", "valueReference": {"reference": "Practitioner/1"}}],
        "reasonReference": [{"reference": "Condition/2"}, {"reference": "Practitioner/1"}],
        "patient": {"reference": "Patient/3"},
    }
    emptied = remove_references(resource, lambda ref: ref == "Practitioner/1")
    assert emptied == {"performer", "extension"}
    assert resource["reasonReference"] == [{"reference": "Condition/2"}]
    assert resource["patient"] == {"reference": "Patient/3"}


def test_contained_resources_nothing_points_to_are_dropped(all_sections: dict[str, Any]) -> None:
    doc = copy.deepcopy(all_sections)
    gout = next(e["resource"] for e in doc["entry"] if e["resource"]["id"] == GOUT.split("/")[1])
    gout["contained"] = [
        {"resourceType": "Practitioner", "id": "p1", "name": [{"family": "Secretson"}]}
    ]
    gout["recorder"] = {"reference": "#p1"}
    result = prune(doc, Selection(exclude=(f"{GOUT}#recorder",)))
    kept = next(
        e["resource"] for e in result.bundle["entry"] if e["resource"]["id"] == GOUT.split("/")[1]
    )
    assert "contained" not in kept and "Secretson" not in json.dumps(result.bundle)


def test_shared_constants_survive_a_translated_share(all_sections: dict[str, Any]) -> None:
    """Regression: translating once added a translation to the module's withheld code itself."""
    from xshare_desktop.core.sharing.prune import WITHHELD
    from xshare_desktop.core.sharing.writer import ShareOptions, prepare_share

    before = copy.deepcopy(WITHHELD)
    prepare_share(
        all_sections, Selection(exclude=("section:10160-0",)), ShareOptions(language="da")
    )
    assert before == WITHHELD
