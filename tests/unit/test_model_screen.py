"""The screen in front of the R4B model check never clears what the models refuse (issue 18).

core/model_screen.py lets an entry skip the ``fhir.resources`` models only when the models
would accept it; these tests hold it to that on the samples, on named defects and on
hypothesis-mutated entries, and check that it does clear ordinary entries (else it is no
faster than the models).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.unit.json_tree_support import places
from xshare_desktop.core.model_check import entry_model_issues
from xshare_desktop.core.model_screen import forget_values, resource_is_clear

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.json"))


def _models_accept(resource: dict[str, Any]) -> bool:
    return entry_model_issues([{"resource": resource}]) == []


def _resources() -> list[dict[str, Any]]:
    found = []
    for path in SAMPLES:
        for entry in json.loads(path.read_bytes())["entry"]:
            found.append(entry["resource"])
    return found


RESOURCES = _resources()


def test_the_screen_clears_the_ordinary_entries_of_every_sample() -> None:
    """Issue 18: the screen is what makes show fast, so clean sample entries pass it, and
    every entry it clears the models accept."""
    cleared = [r for r in RESOURCES if resource_is_clear(r)]
    assert len(cleared) >= 0.9 * len(RESOURCES)
    for resource in cleared:
        assert _models_accept(resource), resource.get("id")


def _observation() -> dict[str, Any]:
    return copy.deepcopy(next(r for r in RESOURCES if r["resourceType"] == "Observation"))


@pytest.mark.parametrize(
    ("what", "change"),
    [
        ("an impossible date", lambda r: r.update(effectiveDateTime="2024-02-30")),
        ("an unknown element", lambda r: r.update(colour="blue")),
        ("two choices of value[x]", lambda r: r.update(valueString="x", valueBoolean=True)),
        ("a required element missing (Observation.code)", lambda r: r.pop("code")),
        ("a required primitive missing (Observation.status)", lambda r: r.pop("status")),
        ("text where a list belongs", lambda r: r.update(category="vital-signs")),
        ("a list where one value belongs", lambda r: r.update(code=[r["code"]])),
        ("a number where text belongs", lambda r: r.update(id=12)),
        ("the wrong resourceType", lambda r: r.update(resourceType="Condition")),
        ("a Coding inside contained", lambda r: r.update(contained=[{"resourceType": "Coding"}])),
        ("a null in a list of codings", lambda r: r["code"].update(coding=[None])),
    ],
)
def test_named_defects_are_never_cleared(what: str, change: Any) -> None:
    """FHIR JSON (formats.html#choice, the element definitions' types and cardinality): each
    defect the models report is one the screen sends to them."""
    resource = _observation()
    change(resource)
    assert not resource_is_clear(resource), what


def test_a_primitive_extension_goes_to_the_models() -> None:
    """FHIR JSON ``_field`` (json.html#primitive): an empty one is refused by the models, so
    the screen never clears a ``_field`` at all."""
    resource = _observation()
    resource["_status"] = {}
    assert not resource_is_clear(resource)
    assert not _models_accept(resource)


_VALUES = (
    st.none()
    | st.integers(-3, 3)
    | st.booleans()
    | st.sampled_from(["", " ", "x", "2024-13-01", "final", "urn:uuid:1", "a  b", "1.5"])
    | st.just([])
    | st.just({})
    | st.just([None])
    | st.just({"text": "x"})
)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_mutated_entry_is_cleared_only_when_the_models_accept_it(data: st.DataObject) -> None:
    """Issue 18: skipping the models must never hide a complaint: for any one change to a
    sample entry (a value replaced, a key added or removed), cleared implies accepted."""
    resource = copy.deepcopy(data.draw(st.sampled_from(RESOURCES)))
    parent, key = data.draw(st.sampled_from(places(resource)))
    action = data.draw(st.sampled_from(["replace", "add", "remove"]))
    if action == "replace":
        parent[key] = data.draw(_VALUES)
    elif action == "add" and isinstance(parent, dict):
        name = data.draw(st.sampled_from(["valueString", "extension", "id", "code", "x", "_id"]))
        parent[name] = data.draw(_VALUES)
    elif isinstance(parent, dict) and key != "resourceType":
        del parent[key]
    try:
        if resource_is_clear(resource):
            assert _models_accept(resource), resource
    finally:
        forget_values()
