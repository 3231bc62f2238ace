"""Selectors and the serialisable Selection."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.sharing.selection import Selection, parse_selector


@pytest.mark.parametrize(
    ("text", "kind", "attrs"),
    [
        ("section:10160-0", "section", {"section_code": "10160-0"}),
        # issue 12: sections coded in other systems, by position and by title
        (
            "section:http://example.org/lab-codes|3002989",
            "section",
            {"section_system": "http://example.org/lab-codes", "section_code": "3002989"},
        ),
        ("section:2", "section", {"section_position": (2,)}),
        ("section:1.3", "section", {"section_position": (1, 3)}),
        ("section:Patientens egne ord", "section", {"section_title": "Patientens egne ord"}),
        ("Condition/123", "entry", {"resource_type": "Condition", "resource_id": "123"}),
        (
            "urn:uuid:1b8e638c-83aa-5e09-9048-11f06db66773",
            "entry",
            {"full_url": "urn:uuid:1b8e638c-83aa-5e09-9048-11f06db66773"},
        ),
        (
            "https://fhir.example.com/Patient/x.1",
            "entry",
            {"full_url": "https://fhir.example.com/Patient/x.1"},
        ),
        ("Patient.address", "field", {"resource_type": "Patient", "path": "address"}),
        (
            "Condition/12#note",
            "field",
            {"resource_type": "Condition", "resource_id": "12", "path": "note"},
        ),
        ("urn:uuid:abc#recorder", "field", {"full_url": "urn:uuid:abc", "path": "recorder"}),
    ],
)
def test_selectors_parse(text: str, kind: str, attrs: dict[str, str]) -> None:
    selector = parse_selector(text)
    assert selector.kind == kind
    for name, value in attrs.items():
        assert getattr(selector, name) == value


@pytest.mark.parametrize(
    "text",
    [
        "",
        "section:",
        "section:|123",
        "section:http://loinc.org|",
        "patient/1",
        "Condition/",
        "Condition/1#Note",
        "hello world",
        "Patient.address.line",
    ],
)
def test_bad_selectors_are_named_in_the_error(text: str) -> None:
    with pytest.raises(UserFacingError) as info:
        parse_selector(text)
    if text:
        assert text in str(info.value)


@given(st.text(max_size=80))
def test_any_text_parses_or_gets_a_plain_error(text: str) -> None:
    try:
        parse_selector(text)
    except UserFacingError as exc:
        assert str(exc)


def test_fields_cannot_be_included_and_years_must_be_fields() -> None:
    with pytest.raises(UserFacingError, match="--include"):
        Selection(include=("Patient.address",))
    with pytest.raises(UserFacingError, match="date field"):
        Selection(year_only=("section:11450-4",))


selectors = st.sampled_from(
    [
        "section:10160-0",
        "section:11450-4",
        "Condition/1",
        "urn:uuid:x",
        "Patient.address",
        "Condition/1#note",
    ]
)


@given(st.lists(selectors, max_size=4), st.lists(selectors, max_size=4))
def test_selection_round_trips_through_json(exclude: list[str], extra: list[str]) -> None:
    include = tuple(s for s in extra if parse_selector(s).kind != "field")
    selection = Selection(include, tuple(exclude), ("Condition.onset",))
    assert Selection.from_json(selection.to_json()) == selection


def test_from_json_refuses_wrong_shapes() -> None:
    for bad in ([], {"exclude": "section:1-1"}, {"exclude": [1]}, {"other": []}):
        with pytest.raises(UserFacingError):
            Selection.from_json(bad)


def test_with_and_without_excluded() -> None:
    selection = Selection().with_excluded("Patient.address", "section:10160-0", "Patient.address")
    assert selection.exclude == ("Patient.address", "section:10160-0")
    assert selection.without_excluded("Patient.address").exclude == ("section:10160-0",)
    assert Selection().is_everything and not selection.is_everything
