"""Whatever JSON comes in, the validator answers with issues and never crashes."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xshare_desktop.core.fhir_packages import ConformanceContext
from xshare_desktop.core.validation.engine import Validator

_validator: Validator | None = None
_patient: dict[str, Any] | None = None
_bundle: dict[str, Any] | None = None
_all_sections: dict[str, Any] | None = None


@pytest.fixture(scope="module", autouse=True)
def _setup(fhir_cache: Path) -> None:
    global _validator, _patient, _bundle, _all_sections
    _validator = Validator(ConformanceContext.load(cache=fhir_cache))
    folder = fhir_cache / "hl7.fhir.uv.ips#2.0.0" / "package" / "example"
    _patient = json.loads((folder / "Patient-66033.json").read_text())
    _bundle = json.loads((folder / "Bundle-bundle-minimal.json").read_text())
    _all_sections = json.loads((folder / "Bundle-bundle-ips-all-sections.json").read_text())


scalars = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12)
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=25,
)
resource_types = st.sampled_from(
    ["Patient", "Bundle", "Composition", "Observation", "Condition", "Extension", "Nope", ""]
)
FIELD_NAMES = st.sampled_from(
    ["id", "meta", "text", "name", "birthDate", "entry", "type", "code", "status", "contained",
     "extension", "_birthDate", "valueQuantity", "subject", "section", "fullUrl", "resource"]
)  # fmt: skip

FUZZ = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _check(resource: Any) -> None:
    assert _validator is not None
    before = json.dumps(resource, sort_keys=True, default=str)
    result = _validator.validate(resource)
    assert all(i.severity in ("fatal", "error", "warning", "information") for i in result.issues)
    assert all(isinstance(i.message, str) and i.message for i in result.issues)
    assert json.dumps(resource, sort_keys=True, default=str) == before


@FUZZ
@given(json_values)
def test_any_json_value(value: Any) -> None:
    _check(value)


@FUZZ
@given(resource_types, st.dictionaries(FIELD_NAMES, json_values, max_size=6))
def test_random_resources(resource_type: str, fields: dict[str, Any]) -> None:
    _check({"resourceType": resource_type, **fields})


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_paths(value, (*prefix, key)))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found.extend(_paths(value, (*prefix, i)))
    return found


@FUZZ
@given(st.data(), json_values)
def test_one_random_change_to_real_documents(data: st.DataObject, replacement: Any) -> None:
    assert _patient is not None and _bundle is not None
    document = copy.deepcopy(data.draw(st.sampled_from([_patient, _bundle])))
    path = data.draw(st.sampled_from(_paths(document)[1:]))
    target = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = replacement
    _check(document)


@FUZZ
@given(st.data())
def test_one_random_deletion_from_a_real_document(data: st.DataObject) -> None:
    assert _all_sections is not None
    document = copy.deepcopy(_all_sections)
    path = data.draw(st.sampled_from(_paths(document)[1:]))
    target = document
    for step in path[:-1]:
        target = target[step]
    del target[path[-1]]
    _check(document)
