"""Every output of the samples validates with 0 errors against the same profile as its input."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from test_sharing_privacy import selections, sharing_documents

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fhir_packages.context import ConformanceContext
from xshare_desktop.core.sharing.prune import iter_sections, section_code
from xshare_desktop.core.sharing.selection import Selection
from xshare_desktop.core.sharing.writer import ShareOptions, prepare_share
from xshare_desktop.core.validation.engine import Validator

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def validator(fhir_cache: Path) -> Validator:
    return Validator(ConformanceContext.load(cache=fhir_cache))


@pytest.fixture(scope="session")
def documents(fhir_cache: Path) -> list[tuple[str, dict[str, Any]]]:
    return sharing_documents(fhir_cache)


def _errors(validator: Validator, document: dict[str, Any]) -> list[str]:
    result = validator.validate(document)
    return [f"{i.expression}: {i.message}" for i in result.errors]


def _fixed_selections(doc: dict[str, Any]) -> list[Selection]:
    codes = [section_code(s) for s in iter_sections(doc["entry"][0]["resource"]["section"])]
    return [
        Selection(),
        Selection(exclude=tuple(f"section:{c}" for c in codes[:3])),
        Selection(include=(f"section:{codes[0]}",)),
        Selection(exclude=("Patient.address", "Patient.telecom", "Patient.contact")),
        Selection(year_only=("Patient.birthDate", "Condition.onset", "Observation.effective")),
    ]


OPTIONS = [
    ShareOptions(),
    ShareOptions(pseudonymise=True),
    ShareOptions(language="en"),
    ShareOptions(language="da", pseudonymise=True),
]


def test_originals_are_valid_to_start_with(
    validator: Validator, documents: list[tuple[str, dict[str, Any]]]
) -> None:
    for name, doc in documents:
        assert not _errors(validator, doc), name


def test_fixed_selections_and_options_validate(
    validator: Validator, documents: list[tuple[str, dict[str, Any]]]
) -> None:
    for name, doc in documents:
        for selection in _fixed_selections(doc):
            for options in OPTIONS:
                try:
                    prepared = prepare_share(doc, selection, options, now=NOW)
                except UserFacingError as exc:
                    assert "Nothing would be left" in str(exc), (name, selection)
                    continue
                errors = _errors(validator, prepared.document)
                assert not errors, f"{name} {selection.to_json()} {options}: {errors[:5]}"
                # the typed R4B models accept it too
                Bundle.model_validate(prepared.document)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_random_selections_validate(
    validator: Validator, documents: list[tuple[str, dict[str, Any]]], data: st.DataObject
) -> None:
    name = data.draw(st.sampled_from([n for n, _ in documents]), label="document")
    doc = dict(documents)[name]
    selection = data.draw(selections(doc), label="selection")
    options = data.draw(st.sampled_from(OPTIONS), label="options")
    try:
        prepared = prepare_share(doc, selection, options, now=NOW)
    except UserFacingError:
        assume(False)
        return
    errors = _errors(validator, prepared.document)
    assert not errors, f"{name} {selection.to_json()}: {errors[:5]}"
