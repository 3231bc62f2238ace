"""Locations in JSON text: FHIRPath-style paths -> (line, column)."""

from __future__ import annotations

import json
from typing import Any

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from xshare_desktop.core.json_positions import json_positions

DOCUMENT = """{
  "resourceType": "Bundle",
  "entry": [
    {"fullUrl": "urn:uuid:1", "resource": {"resourceType": "Patient", "name": [{"given": ["Ærø", "B"]}]}},
    {
      "fullUrl": "urn:uuid:2",
      "resource": {
        "resourceType": "Observation",
        "valueQuantity": {"value": 1.5e3, "unit": "m\\"g[]{}"},
        "_status": {"extension": [{"url": "x"}]},
        "status": "final"
      }
    }
  ]
}
""".encode()


def test_locations_lines_and_character_columns() -> None:
    positions = json_positions(DOCUMENT)
    assert positions["Bundle"] == (1, 1)
    assert positions["Bundle.entry"] == (3, 3)
    assert positions["Bundle.entry[0]"] == (4, 5)
    assert positions["Bundle.entry[0].resource.name[0].given[1]"] == (4, 98)
    assert positions["Bundle.entry[1].resource.valueQuantity.unit"] == (9, 43)
    # The _status sibling maps to the location of status' extensions; the value keeps its own.
    assert positions["Bundle.entry[1].resource.status.extension[0].url"] == (10, 36)
    assert positions["Bundle.entry[1].resource.status"] == (10, 9)
    assert "Bundle.entry[2]" not in positions
    assert "Patient" not in positions
    assert positions.nearest("Bundle.entry[1].resource.code.coding[0]") == (7, 7)


def _walk(value: Any, path: str) -> list[str]:
    found = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            name = key[1:] if key.startswith("_") and len(key) > 1 else key
            found += _walk(child, f"{path}.{name}")
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _walk(child, f"{path}[{index}]")
    return found


_keys = st.text(alphabet='abcdefgh_"\\é{}[],: ', min_size=1, max_size=6)
_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_keys, inner, max_size=3),
    max_leaves=12,
)


@settings(max_examples=200)
@given(st.dictionaries(_keys, _json, max_size=4), st.booleans())
def test_every_element_gets_a_location_that_points_at_it(
    body: dict[str, Any], pretty: bool
) -> None:
    document = {"resourceType": "Thing", **body}
    text = json.dumps(document, indent=2 if pretty else None, ensure_ascii=False)
    positions = json_positions(text.encode())
    lines = text.split("\n")
    for location in _walk(document, "Thing"):
        assert location in positions, location
        line, column = positions[location]
        start = lines[line - 1][column - 1]
        # A key, or for array items the value itself, starts there.
        assert start in '{["ntf-0123456789', location


def test_large_documents_are_scanned_once_and_lazily() -> None:
    entries = [{"resource": {"resourceType": "Patient", "id": str(i)}} for i in range(2000)]
    data = orjson.dumps({"resourceType": "Bundle", "entry": entries})
    positions = json_positions(data)
    assert positions._offsets is None  # nothing computed until asked
    assert positions["Bundle.entry[1999].resource.id"][0] == 1
    # root, resourceType, entry; per entry: itself, resource, resourceType, id
    assert len(positions) == 3 + 2000 * 4


@settings(max_examples=100)
@given(st.dictionaries(_keys, _json, max_size=4), st.booleans(), st.integers(0, 2**16))
def test_locating_a_few_gives_what_the_full_mapping_gives(
    body: dict[str, Any], pretty: bool, pick: int
) -> None:
    """Issue 18 (memory): ``locate`` keeps only the asked locations, with the same positions
    as the full mapping, and none for a location the text does not have."""
    document = {"resourceType": "Thing", **body}
    text = json.dumps(document, indent=2 if pretty else None, ensure_ascii=False).encode()
    every = _walk(document, "Thing")
    asked = {loc for i, loc in enumerate(every) if (pick >> (i % 16)) & 1}
    asked |= {"Thing.nowhere", "Other.x", "Thing[3]"}
    lazy = json_positions(text)
    found = lazy.locate(asked)
    assert lazy._offsets is None  # the full mapping was not built
    full = json_positions(text)
    assert found == {loc: full[loc] for loc in asked if loc in full}
    assert "Thing.nowhere" not in found and "Other.x" not in found
