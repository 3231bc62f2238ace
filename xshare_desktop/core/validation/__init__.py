"""Offline FHIR validation driven by StructureDefinition snapshots."""

from __future__ import annotations

from xshare_desktop.core.validation.issues import ValidationIssue, ValidationResult

__all__ = ["ValidationIssue", "ValidationResult"]
