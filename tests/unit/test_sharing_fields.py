"""The curated optional fields: never required by a profile, dates really are dates."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from xshare_desktop.core.sharing.fields import OPTIONAL_FIELDS, field_for, present_fields

DATE_TYPES = {"date", "dateTime", "Period", "instant"}


def _elements(cache: Path, resource_type: str) -> list[dict[str, Any]]:
    """Snapshot elements of the base R4 type and of every IPS and EU lab profile on it."""
    found: list[dict[str, Any]] = []
    core = (
        cache / "hl7.fhir.r4.core#4.0.1" / "package" / f"StructureDefinition-{resource_type}.json"
    )
    found.extend(json.loads(core.read_text())["snapshot"]["element"])
    profiles = [
        *(cache / "hl7.fhir.uv.ips#2.0.0" / "package").glob("StructureDefinition-*.json"),
        *(cache / "hl7.fhir.eu.laboratory#0.2.0-ci" / "package").glob("StructureDefinition-*.json"),
    ]
    for path in profiles:
        sd = json.loads(path.read_text())
        if sd.get("type") == resource_type and sd.get("kind") == "resource":
            found.extend(sd["snapshot"]["element"])
    return found


@pytest.mark.parametrize("optional", OPTIONAL_FIELDS, ids=lambda f: f"{f.selector}-{f.action}")
def test_field_exists_and_removal_never_breaks_a_profile(optional: Any, fhir_cache: Path) -> None:
    element_path = f"{optional.resource_type}.{optional.path}" + ("[x]" if optional.choice else "")
    matches = [
        e for e in _elements(fhir_cache, optional.resource_type) if e["path"] == element_path
    ]
    assert matches, f"{element_path} is not an element of {optional.resource_type}"
    if optional.can_remove:
        assert all(e.get("min", 0) == 0 for e in matches), f"{element_path} is required"
    else:
        assert any(e.get("min", 0) >= 1 for e in matches), f"{element_path} could be removable"
    if optional.can_coarsen:
        types = {t["code"] for e in matches for t in e.get("type", [])}
        assert types & DATE_TYPES, f"{element_path} has no date type: {types}"


def test_every_field_is_explained_in_both_languages() -> None:
    selectors = [f.selector for f in OPTIONAL_FIELDS]
    assert len(selectors) == len(set(selectors))
    for optional in OPTIONAL_FIELDS:
        for text in (
            optional.label_en,
            optional.label_da,
            optional.explain_en,
            optional.explain_da,
        ):
            assert text.strip() and text == text.strip()
        assert optional.explain_en.endswith(".") and optional.explain_da.endswith(".")
        assert optional.explanation("da") != optional.explanation("en")


def test_choice_fields_match_every_type_suffix() -> None:
    onset = field_for("Condition", "onset")
    assert onset is not None
    resource = {"resourceType": "Condition", "onsetPeriod": {}, "_onsetDateTime": {}, "onsets": 1}
    assert sorted(onset.json_keys(resource)) == ["_onsetDateTime", "onsetPeriod"]
    note = field_for("Condition", "note")
    assert note is not None and note.json_keys({"notes": 1, "note": []}) == ["note"]


def test_present_fields_lists_only_fields_with_data() -> None:
    patient = {"resourceType": "Patient", "address": [{}], "birthDate": "1950-01-01"}
    assert {f.path for f in present_fields(patient)} == {"address", "birthDate"}


def test_the_fields_of_a_lab_report_can_be_withheld_and_nothing_of_them_leaks() -> None:
    """Issue 12: single fields a person would want to withhold, per resource type (identifiers,
    performer, free text, exact dates); regenerated narratives and the PDF text do not show
    them (the same independent leak check as the privacy tests)."""
    from datetime import UTC, datetime

    from xshare_desktop.core.sharing.leakcheck import all_values, find_leaks, narrative_text
    from xshare_desktop.core.sharing.narrative import template_vocabulary
    from xshare_desktop.core.sharing.selection import Selection
    from xshare_desktop.core.sharing.writer import ShareOptions, prepare_share

    root = Path(__file__).resolve().parents[2]
    doc = json.loads((root / "samples" / "eu-lab-karen-testesen.json").read_text())
    withheld = (
        "Specimen.accessionIdentifier",
        "Specimen.identifier",
        "DiagnosticReport.conclusion",
        "DiagnosticReport.performer",
        "Observation.issued",
    )
    # the lab's comment section repeats the conclusion in free text: it goes too (by its title)
    selection = Selection(
        exclude=(*withheld, "section:Kommentar"), year_only=("Specimen.receivedTime",)
    )
    prepared = prepare_share(doc, selection, ShareOptions(), now=datetime(2026, 11, 27, tzinfo=UTC))
    out = prepared.document
    for entry in out["entry"]:
        resource = entry["resource"]
        for selector in withheld:
            rtype, _, path = selector.partition(".")
            if resource["resourceType"] == rtype:
                assert path not in resource, selector
        if resource["resourceType"] == "Specimen":
            assert len(resource["receivedTime"]) == 4
    texts = [all_values(out), narrative_text(out), prepared.html]
    assert not find_leaks(doc, out, texts, template_vocabulary())
    report = next(
        e["resource"] for e in doc["entry"] if e["resource"]["resourceType"] == "DiagnosticReport"
    )
    assert report["conclusion"][:30] not in prepared.html


def test_a_lab_reports_identifier_is_not_offered() -> None:
    """HL7 Europe lab Bundle-eu-lab, dr-comp-identifier: a DiagnosticReport's identifiers must
    include the Composition's. Withholding it made a valid lab report invalid (hypothesis found
    it in test_sharing_validation), so it is not a field the person can hold back."""
    from xshare_desktop.core.sharing.fields import fields_for_type

    offered = {field.path for field in fields_for_type("DiagnosticReport")}
    assert "identifier" not in offered
    assert {field.path for field in fields_for_type("Specimen")} >= {"identifier"}
