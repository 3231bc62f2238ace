"""The validator: walks a resource along compiled StructureDefinition snapshots.

Everything it checks comes from the installed FHIR packages: structure and cardinality from the
snapshots, formats from the primitive types, bindings from the ValueSets, invariants from the
constraints. It reports one issue per root cause: an item with the wrong JSON type is not also
searched for children, and an entry that fits no slice is reported once.

``Validator`` is cheap to call repeatedly: compiled snapshots, regexes, value set expansions and
FHIRPath expressions are kept across calls. It never changes the resource it is given.

One call is a ``run.ValidationRun``, assembled from parts with one job each: ``run.py`` (which
structures each resource is held to, verdict caches, probes), ``element_walk.py`` (a JSON
object's properties against its element's children), ``value_checks.py`` (one value against
its element), ``constraint_checks.py`` (invariants); ``run_state.py`` declares what they share.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Iterator, Mapping
from typing import Any, Protocol

from xshare_desktop.core.fhir_packages.specifications import (
    KnownSpecification,
    specification_for_document_type,
)
from xshare_desktop.core.progress import Progress, ensure_progress
from xshare_desktop.core.validation.differential import snapshot_from_differential
from xshare_desktop.core.validation.extension_context import ExtensionContexts
from xshare_desktop.core.validation.fhirpath_support import FhirPathEngine
from xshare_desktop.core.validation.issues import ValidationIssue, ValidationResult
from xshare_desktop.core.validation.primitives import PrimitiveFormats
from xshare_desktop.core.validation.run import ValidationRun, _meta_profiles
from xshare_desktop.core.validation.snapshot import SnapshotIndex
from xshare_desktop.core.validation.terminology import Terminology
from xshare_desktop.core.validation.xhtml import NarrativeChecker

IPS_BUNDLE_PROFILE = "http://hl7.org/fhir/uv/ips/StructureDefinition/Bundle-uv-ips"
PATIENT_SUMMARY_LOINC = "60591-5"
LOINC = "http://loinc.org"


class ConformanceContextLike(Protocol):
    def structure_definition(self, url_or_type: str) -> Mapping[str, Any] | None: ...

    def value_set(self, url: str) -> Mapping[str, Any] | None: ...

    def code_system(self, url: str) -> Mapping[str, Any] | None: ...


def _safe_lookup(lookup: Any, key: str) -> Mapping[str, Any] | None:
    try:
        found = lookup(key)
    except (KeyError, LookupError, ValueError):
        return None
    return found if isinstance(found, Mapping) else None


class Validator:
    """Validates FHIR resources (JSON form) against the installed profiles."""

    def __init__(self, context: ConformanceContextLike) -> None:
        self._context = context
        self.index = SnapshotIndex(self._load_structure)
        self.formats = PrimitiveFormats(self._load_structure)
        self.terminology = Terminology(
            lambda url: _safe_lookup(context.value_set, url),
            lambda url: _safe_lookup(context.code_system, url),
            frozenset(self._known_systems(context)),
        )
        self.narratives = NarrativeChecker()
        self.extension_contexts = ExtensionContexts(self.index, self._load_structure)
        self.fhirpath = FhirPathEngine(self.terminology, self.narratives)
        self._lock = threading.Lock()

    @staticmethod
    def _known_systems(context: Any) -> set[str]:
        lookup = getattr(context, "known_system_urls", None)
        if callable(lookup):
            try:
                return {str(u) for u in lookup()}
            except Exception:
                return set()
        return set()

    def _load_structure(self, url_or_type: str) -> Mapping[str, Any] | None:
        found = _safe_lookup(self._context.structure_definition, url_or_type)
        if found is not None and not (found.get("snapshot") or {}).get("element"):
            load = functools.partial(_safe_lookup, self._context.structure_definition)
            return snapshot_from_differential(found, load) or found
        return found

    # --- public API --------------------------------------------------------------------------------
    def infer_profile(self, resource: Mapping[str, Any]) -> str | None:
        if not isinstance(resource, Mapping):
            return None
        meta = resource.get("meta")
        if isinstance(meta, Mapping):
            profiles = meta.get("profile")
            if isinstance(profiles, list) and profiles and isinstance(profiles[0], str):
                return profiles[0]
        spec = _claimed_document_type(resource)
        if (
            spec is not None
            and spec.document_profile
            and self.index.structure(spec.document_profile) is not None
        ):
            return spec.document_profile
        rtype = resource.get("resourceType")
        return rtype if isinstance(rtype, str) else None

    def validate(
        self,
        resource: Any,
        *,
        profile: str | None = None,
        positions: Mapping[str, tuple[int, int]] | None = None,
        progress: Progress | None = None,
    ) -> ValidationResult:
        started = time.perf_counter()
        run = ValidationRun(self, ensure_progress(progress))
        work = resource  # read only: nothing in a run writes to it (see the tests)
        chosen = profile
        notes: list[ValidationIssue] = []
        if chosen is None and isinstance(work, dict) and not _meta_profiles(work):
            spec = _claimed_document_type(work)
            if spec is not None and spec.document_profile:
                if self.index.structure(spec.document_profile) is not None:
                    chosen = spec.document_profile
                else:
                    # Never check a document against a specification it does not claim.
                    notes.append(
                        ValidationIssue(
                            "warning",
                            "not-found",
                            f"This document follows {spec.title} (its Composition type is "
                            f"LOINC {spec.composition_loinc}), but that specification is not "
                            "installed, so it was checked against FHIR R4 core only; install "
                            f"it with 'xshare packages install {spec.package}'",
                            "Bundle.entry[0].resource.type",
                            spec.document_profile,
                        )
                    )
        issues = notes + run.validate_root(work, chosen)
        if positions is not None and issues:
            locate = getattr(positions, "locate", None)
            if callable(locate):
                # Only the locations the issues name (and what encloses them) are looked up.
                positions = locate({p for i in issues for p in _enclosing(i.expression)})
            issues = [_with_position(i, positions) for i in issues]
        rtype = work.get("resourceType") if isinstance(work, dict) else None
        used_profile = chosen or (self.infer_profile(work) if isinstance(work, dict) else None)
        used = self.index.structure(used_profile) if used_profile else None
        return ValidationResult(
            issues=issues,
            profile=used_profile,
            resource_type=rtype if isinstance(rtype, str) else None,
            duration_s=time.perf_counter() - started,
            profile_version=(used.version or None) if used is not None else None,
        )


def _claimed_document_type(resource: Mapping[str, Any]) -> KnownSpecification | None:
    """The specification a document Bundle names by its Composition type (LOINC)."""
    if resource.get("resourceType") != "Bundle" or resource.get("type") != "document":
        return None
    entries = resource.get("entry")
    first = entries[0] if isinstance(entries, list) and entries else None
    composition = first.get("resource") if isinstance(first, Mapping) else None
    if not isinstance(composition, Mapping):
        return None
    concept = composition.get("type")
    codings = concept.get("coding") if isinstance(concept, Mapping) else None
    for coding in codings if isinstance(codings, list) else ():
        if isinstance(coding, Mapping) and coding.get("system") == LOINC:
            spec = specification_for_document_type(str(coding.get("code")))
            if spec is not None:
                return spec
    return None


def _enclosing(expression: str) -> Iterator[str]:
    """The locations ``_with_position`` tries for ``expression``, innermost first."""
    while expression:
        yield expression
        cut = max(expression.rfind("."), expression.rfind("["))
        if cut <= 0:
            break
        expression = expression[:cut]


def _with_position(
    issue: ValidationIssue, positions: Mapping[str, tuple[int, int]]
) -> ValidationIssue:
    expression = issue.expression
    while expression:
        found = positions.get(expression)
        if found is not None:
            return ValidationIssue(
                issue.severity,
                issue.code,
                issue.message,
                issue.expression,
                issue.source,
                found[0],
                found[1],
            )
        cut = max(expression.rfind("."), expression.rfind("["))
        if cut <= 0:
            break
        expression = expression[:cut]
    return issue
