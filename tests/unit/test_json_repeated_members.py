"""Repeated member names are refused with their position (issue 16, item 6).

RFC 8259 section 4: names within an object SHOULD be unique, and parsers differ on what a
repeat means. FHIR JSON (R4 "JSON representation of resources") allows each element once, so a
repeat is not a FHIR document: a second `"resourceType": "Patient"` must not turn a Bundle into a
Patient behind the person's back.
"""

from __future__ import annotations

import json
from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import parse_json_bytes
from xshare_desktop.core.json_positions import first_repeated_member, has_repeated_members


def test_a_second_resource_type_is_refused_with_its_position() -> None:
    data = b'{\n  "resourceType": "Bundle",\n  "type": "document",\n  "resourceType": "Patient"\n}'
    with pytest.raises(UserFacingError, match="resourceType") as caught:
        parse_json_bytes(data, name="x.json")
    assert caught.value.where == "line 4, column 3"
    assert "twice" in str(caught.value)


def test_a_repeat_deep_inside_an_entry_names_its_location() -> None:
    data = b'{"resourceType":"Bundle","entry":[{"resource":{"id":"a"}},{"resource":{"id":"b","id":"c"}}]}'
    column = data.index(b'"id":"c"') + 1
    assert first_repeated_member(data) == ("id", "entry[1].resource", 1, column)


def test_the_same_name_in_different_objects_is_fine() -> None:
    data = b'{"a": {"x": 1}, "b": {"x": 2}, "c": [{"x": 3}, {"x": 4}], "x": ["x:x", "\\u003a"]}'
    assert parse_json_bytes(data)["x"] == ["x:x", ":"]
    assert first_repeated_member(data) is None


def test_escaped_names_are_compared_decoded() -> None:
    data = b'{"id": 1, "\\u0069d": 2}'
    assert first_repeated_member(data) == ("id", "the top level", 1, 11)
    with pytest.raises(UserFacingError):
        parse_json_bytes(data)


_names = st.text(alphabet='ab:\\"é\u003a', min_size=1, max_size=4)
_json = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.text(max_size=6),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_names, children, max_size=4),
    max_leaves=20,
)


@given(_json)
def test_documents_without_repeats_are_never_refused(value: Any) -> None:
    """No false alarm, whatever the strings hold (colons, escapes, non-ASCII)."""
    for data in (
        json.dumps(value).encode(),
        orjson.dumps(value),
        json.dumps(value, indent=1).encode(),
    ):
        parsed = parse_json_bytes(data)
        assert parsed == value
        assert first_repeated_member(data) is None


@given(st.dictionaries(_names, _json, min_size=1, max_size=4), st.data())
def test_every_repeat_is_found(members: dict[str, Any], data: st.DataObject) -> None:
    """Writing one member again (with any value) is always caught by the cheap count."""
    name = data.draw(st.sampled_from(sorted(members)))
    again = data.draw(_json)
    text = json.dumps(members)[:-1] + ", " + json.dumps(name) + ": " + json.dumps(again) + "}"
    if not members:
        return
    encoded = text.encode()
    assert has_repeated_members(encoded, orjson.loads(encoded))
    assert first_repeated_member(encoded) is not None
    with pytest.raises(UserFacingError, match="twice"):
        parse_json_bytes(encoded)
