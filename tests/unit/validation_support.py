"""Shared by the validation tests: a package context with resources made for one test."""

from __future__ import annotations

from typing import Any

from xshare_desktop.core.fhir_packages import ConformanceContext


class Overlay:
    """The real context plus resources made for one test (by canonical URL)."""

    def __init__(self, context: ConformanceContext, *extra: dict[str, Any]) -> None:
        self._context = context
        self._extra = {r["url"]: r for r in extra}

    def _find(self, url: str, kind: str) -> dict[str, Any] | None:
        found = self._extra.get(url.split("|", 1)[0])
        return found if found is not None and found["resourceType"] == kind else None

    def structure_definition(self, url_or_type: str) -> dict[str, Any] | None:
        return self._find(url_or_type, "StructureDefinition") or (
            self._context.structure_definition(url_or_type)
        )

    def value_set(self, url: str) -> dict[str, Any] | None:
        return self._find(url, "ValueSet") or self._context.value_set(url)

    def code_system(self, url: str) -> dict[str, Any] | None:
        return self._find(url, "CodeSystem") or self._context.code_system(url)
