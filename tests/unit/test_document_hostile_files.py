"""The document core against hostile files: shapes, nesting, self-references, XML.

Every test here was written for a bug found in review, or to pin down a promise of issue 2/3
(bad input gets a plain message, never a crash; the document model opens FHIR XML too).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xshare_desktop.core.document import document_from_json, load_document
from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import MAX_JSON_DEPTH, parse_json_bytes
from xshare_desktop.core.summaries import format_range

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SAMPLE_PATHS = sorted(SAMPLES.glob("*.json"))
BENT = SAMPLES / "ips-bent-eksempelsen.json"


def _load(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = orjson.loads(path.read_bytes())
    return loaded


# -- a FHIR JSON -> XML writer, only for tests (the app reads XML, it never writes it) --------
# It relies on the samples listing properties in definition order, which they do.


def _primitive_text(value: Any) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def _element(name: str, value: Any, extras: Any, out: list[str], indent: str) -> None:
    if isinstance(value, dict):
        if "resourceType" in value:
            out.append(f"{indent}<{name}>")
            _resource(value, out, indent + "  ")
            out.append(f"{indent}</{name}>")
            return
        attrs = f" id={quoteattr(value['id'])}" if isinstance(value.get("id"), str) else ""
        out.append(f"{indent}<{name}{attrs}>")
        _body(value, out, indent + "  ", skip_id=True)
        out.append(f"{indent}</{name}>")
        return
    attrs = ""
    if isinstance(extras, dict) and isinstance(extras.get("id"), str):
        attrs += f" id={quoteattr(extras['id'])}"
    if value is not None:
        attrs += f" value={quoteattr(_primitive_text(value))}"
    extensions = extras.get("extension") if isinstance(extras, dict) else None
    if extensions:
        out.append(f"{indent}<{name}{attrs}>")
        for extension in extensions:
            _element("extension", extension, None, out, indent + "  ")
        out.append(f"{indent}</{name}>")
    else:
        out.append(f"{indent}<{name}{attrs}/>")


def _body(obj: dict[str, Any], out: list[str], indent: str, *, skip_id: bool) -> None:
    for key, value in obj.items():
        if key.startswith("_") or key == "resourceType" or (skip_id and key == "id"):
            continue
        if key == "div" and isinstance(value, str):
            out.append(indent + value)
            continue
        extras = obj.get("_" + key)
        if isinstance(value, list):
            aligned = extras if isinstance(extras, list) else [None] * len(value)
            for item, item_extras in zip(value, aligned, strict=True):
                _element(key, item, item_extras, out, indent)
        else:
            _element(key, value, extras, out, indent)
    for key, extras in obj.items():
        if key.startswith("_") and key[1:] not in obj:
            for item in extras if isinstance(extras, list) else [extras]:
                _element(key[1:], None, item, out, indent)


def _resource(resource: dict[str, Any], out: list[str], indent: str = "") -> None:
    namespace = ' xmlns="http://hl7.org/fhir"' if not indent else ""
    out.append(f"{indent}<{resource['resourceType']}{namespace}>")
    if "id" in resource:
        _element("id", resource["id"], resource.get("_id"), out, indent + "  ")
    _body(resource, out, indent + "  ", skip_id=True)
    out.append(f"{indent}</{resource['resourceType']}>")


def to_fhir_xml(resource: dict[str, Any]) -> bytes:
    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    _resource(resource, out)
    return "\n".join(out).encode("utf-8")


# -- hostile shapes ----------------------------------------------------------------------------

HOSTILE_VALUES: list[Any] = [
    None, 0, -1, 1.5, True, "", "x", [], {}, [1], ["a"], [None], [{}],
    {"value": "x"}, {"coding": 5}, {"extension": 3}, {"low": 5, "high": "x"},
    {"line": 3}, {"start": {"start": 1}}, 10**30,
    [{"coding": [{"code": 5, "_display": {"extension": 7}}]}],
]  # fmt: skip


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


SAMPLE_TREES = [_load(p) for p in SAMPLE_PATHS]
SAMPLE_TREE_PATHS = [_paths(tree) for tree in SAMPLE_TREES]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_wrong_shape_anywhere_gives_a_document_or_a_plain_error(data: st.DataObject) -> None:
    """Found in review: an int address line and a non-object reference range crashed loading."""
    index = data.draw(st.integers(0, len(SAMPLE_TREES) - 1))
    tree = copy.deepcopy(SAMPLE_TREES[index])
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(SAMPLE_TREE_PATHS[index]))
        node = tree
        try:
            for step in path[:-1]:
                node = node[step]
            node[path[-1]] = copy.deepcopy(data.draw(st.sampled_from(HOSTILE_VALUES)))
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed this path
    try:
        document = document_from_json(tree, check_models=False)
    except UserFacingError:
        return
    for entry in document.entries:
        assert isinstance(entry.summary_in("da"), str)


def test_address_line_that_is_not_a_list() -> None:
    tree = _load(BENT)
    patient = next(
        e["resource"] for e in tree["entry"] if e["resource"]["resourceType"] == "Patient"
    )
    patient["address"] = [{"line": 7, "city": "Aarhus"}]
    document = document_from_json(tree, check_models=False)
    assert document.patient_info is not None
    assert document.patient_info.address == "Aarhus"


def test_reference_range_bounds_that_are_not_objects() -> None:
    assert format_range({"low": 5, "high": {"value": 7, "unit": "mmol/L"}}) == "≤ 7 mmol/L"
    assert format_range({"low": True, "high": "x", "text": "normal"}) == "normal"


@pytest.mark.parametrize(
    ("resource_type", "choice", "empty_key"),
    [
        ("MedicationStatement", "medicationReference", "medicationCodeableConcept"),
        ("DeviceUseStatement", "device", None),
    ],
)
def test_a_resource_that_references_itself_does_not_loop(
    resource_type: str, choice: str, empty_key: str | None
) -> None:
    """Found in review: a medication pointing at itself recursed until RecursionError."""
    tree = _load(BENT)
    entry = next(e for e in tree["entry"] if e["resource"]["resourceType"] == resource_type)
    if empty_key:
        entry["resource"].pop(empty_key, None)
    entry["resource"][choice] = {"reference": entry["fullUrl"]}
    document = document_from_json(tree, check_models=False)
    assert document.entry_by_url(entry["fullUrl"]) is not None


# -- nesting -------------------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [MAX_JSON_DEPTH + 1, 1_000, 1_025, 100_000])
def test_nesting_beyond_the_limit_is_refused_with_its_position(depth: int) -> None:
    data = b'{"a":' * depth + b"1" + b"}" * depth
    with pytest.raises(UserFacingError, match="nested more than") as raised:
        parse_json_bytes(data)
    assert raised.value.where == f"line 1, column {5 * MAX_JSON_DEPTH + 1}"


def test_nesting_at_the_limit_is_read() -> None:
    data = b"[" * MAX_JSON_DEPTH + b"]" * MAX_JSON_DEPTH
    assert parse_json_bytes(data) is not None


# Integers stay within 64 bits: this test is about nesting, and orjson reads integers beyond
# 64 bits as floats (FHIR integers are 32-bit; a known limit, noted in the closing note).
_INT64 = st.integers(min_value=-(2**63), max_value=2**63 - 1)


@given(st.recursive(_INT64 | st.text(max_size=3), lambda c: st.lists(c, max_size=3)))
def test_brackets_inside_strings_never_count_as_nesting(value: Any) -> None:
    wrapped = {"text": "[" * 500 + '"{' * 300, "value": value}
    assert parse_json_bytes(json.dumps(wrapped).encode()) == wrapped


# -- FHIR XML ------------------------------------------------------------------------------------


@pytest.mark.parametrize("sample", SAMPLE_PATHS, ids=lambda p: p.name)
def test_every_sample_opens_as_xml_with_the_same_model(sample: Path, fhir_cache: Path) -> None:
    tree = _load(sample)
    from_json = load_document(sample, check_models=False)
    from_xml = load_document(to_fhir_xml(tree), name=sample.stem + ".xml", check_models=False)
    assert from_xml.raw == tree
    assert [e.summary for e in from_xml.entries] == [e.summary for e in from_json.entries]
    assert [s.title for s in from_xml.sections] == [s.title for s in from_json.sections]
    assert from_xml.patient_info == from_json.patient_info


def test_xml_bomb_is_refused(fhir_cache: Path) -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b'<Bundle xmlns="http://hl7.org/fhir"><id value="&lol2;"/></Bundle>'
    )
    with pytest.raises(UserFacingError, match="DTD or entities"):
        load_document(bomb, name="bomb.xml")
