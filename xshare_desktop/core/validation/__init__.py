"""Offline FHIR validation driven by StructureDefinition snapshots.

``issues`` holds the result types (light, imported by reports); ``engine.Validator`` is loaded on
first use because it pulls in fhirpathpy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from xshare_desktop.core.validation.issues import ValidationIssue, ValidationResult

if TYPE_CHECKING:
    from xshare_desktop.core.validation.engine import Validator

__all__ = ["ValidationIssue", "ValidationResult", "Validator"]


def __getattr__(name: str) -> Any:
    if name == "Validator":
        from xshare_desktop.core.validation.engine import Validator

        return Validator
    raise AttributeError(name)
