"""The validator: walks a resource along compiled StructureDefinition snapshots.

Everything it checks comes from the installed FHIR packages: structure and cardinality from the
snapshots, formats from the primitive types, bindings from the ValueSets, invariants from the
constraints. It reports one issue per root cause: an item with the wrong JSON type is not also
searched for children, and an entry that fits no slice is reported once.

``Validator`` is cheap to call repeatedly: compiled snapshots, regexes, value set expansions and
FHIRPath expressions are kept across calls. It never changes the resource it is given.
"""

from __future__ import annotations

import copy
import functools
import threading
import time
from collections.abc import Mapping
from typing import Any, Protocol

from xshare_desktop.core.fhir_packages.specifications import (
    KnownSpecification,
    install_hint,
    specification_for_document_type,
)
from xshare_desktop.core.progress import Progress, ensure_progress
from xshare_desktop.core.validation.bundle_rules import BundleIndex, bundle_issues, document_issues
from xshare_desktop.core.validation.coded_rules import (
    binding_allows,
    check_binding,
    check_code_systems,
    check_fixed_pattern,
    check_identifier_system,
)
from xshare_desktop.core.validation.differential import snapshot_from_differential
from xshare_desktop.core.validation.extension_context import ExtensionContexts
from xshare_desktop.core.validation.fhirpath_support import EvaluationScope, FhirPathEngine
from xshare_desktop.core.validation.issues import ValidationIssue, ValidationResult
from xshare_desktop.core.validation.primitives import PrimitiveFormats, describe_json
from xshare_desktop.core.validation.reference_rules import check_reference
from xshare_desktop.core.validation.slice_rules import (
    assign_slices,
    check_slice_counts,
    explain_pending,
    explain_unmatched_items,
)
from xshare_desktop.core.validation.slicing import SliceMatcher
from xshare_desktop.core.validation.snapshot import (
    Constraint,
    ElementDef,
    SnapshotIndex,
    TypeRef,
)
from xshare_desktop.core.validation.terminology import Terminology
from xshare_desktop.core.validation.value_rules import (
    check_attachment,
    check_markdown,
    check_value_limits,
)
from xshare_desktop.core.validation.walk import WalkScope
from xshare_desktop.core.validation.xhtml import NarrativeChecker

IPS_BUNDLE_PROFILE = "http://hl7.org/fhir/uv/ips/StructureDefinition/Bundle-uv-ips"
PATIENT_SUMMARY_LOINC = "60591-5"
LOINC = "http://loinc.org"

_CODED_TYPES = frozenset({"code", "Coding", "CodeableConcept", "Quantity", "string", "uri"})
_RESOURCE_TYPE_CODES = frozenset({"Resource", "DomainResource"})
_NARRATIVE_KEYS = frozenset({"txt-1", "txt-2"})
_INLINE_TYPE_CODES = frozenset({"BackboneElement", "Element"})
_UNEVALUABLE = "Could not evaluate the rule"
# Checked natively by the document rules, with the exact entry as location.
_DOCUMENT_RULE_KEYS = frozenset({"bdl-7", "bdl-11"})


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


def _plain_copy(resource: Any) -> Any:
    """A private copy: fhirpathpy annotates what it evaluates, the caller's data stays intact.

    Only the containers are copied; strings and numbers are immutable and shared, so a document
    with a 50 MB attachment costs no second 50 MB (an orjson round trip held the serialised
    bytes and a copy of every string at once).
    """
    kind = type(resource)
    if kind is dict:
        return {key: _plain_copy(value) for key, value in resource.items()}
    if kind is list:
        return [_plain_copy(value) for value in resource]
    if kind in (str, int, float, bool) or resource is None:
        return resource
    return copy.deepcopy(resource)


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
        work = _plain_copy(resource)
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
        if positions:
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


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _meta_profiles(resource: Mapping[str, Any]) -> list[str]:
    meta = resource.get("meta")
    if not isinstance(meta, dict):
        return []
    profiles = meta.get("profile")
    if not isinstance(profiles, list):
        return []
    return [p for p in profiles if isinstance(p, str)]


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


class _ProbeFailed(Exception):
    """A probe met its first error: the resource does not conform."""


class _FailFastSink(list[ValidationIssue]):
    """Collects issues like a list, but stops the walk at the first error."""

    def append(self, issue: ValidationIssue) -> None:
        super().append(issue)
        if issue.is_failure:
            raise _ProbeFailed()

    def extend(self, issues: Any) -> None:
        for issue in issues:
            self.append(issue)


class ValidationRun:
    """The state of one ``validate`` call."""

    def __init__(self, validator: Validator, progress: Progress) -> None:
        self.v = validator
        self.index = validator.index
        self.progress = progress
        self.bundle: BundleIndex | None = None
        self.document = False
        self.issues: list[ValidationIssue] = []
        self._seen: set[tuple[str, str, str, str]] = set()
        self.against_cache: dict[tuple[int, str], list[ValidationIssue]] = {}
        self._failed_probes: set[tuple[int, str]] = set()
        self._contained_ids: set[int] = set()
        self._container_of: dict[int, dict[str, Any]] = {}
        # Structures each resource was validated against for the report (not just probed).
        self.reported_urls: dict[int, set[str]] = {}
        # Issues found in other resources while walking one (targets of its references).
        self.global_sink: list[ValidationIssue] = []
        # Items that fit no slice: (sliced element, item, entry index), explained at the end.
        self.pending_explanations: list[tuple[ElementDef, Any, int | None]] = []
        self._in_progress: set[tuple[int, str]] = set()
        self._unknown_profiles: set[tuple[int, str]] = set()
        self._context_issues: dict[int, list[ValidationIssue]] = {}
        self._entry_of: dict[int, int] = {}
        self._entry_paths: dict[int, str] = {}
        self.reported_targets: set[tuple[int, str]] = set()
        # (resource, profile) pairs whose misses were explained once already.
        self.explained_targets: set[tuple[int, str]] = set()
        self.matcher = SliceMatcher(
            self.index,
            self._conforms_any,
            self._resolve_from_current,
            lambda value, element: binding_allows(self.v.terminology, value, element),
        )
        self.current_entry: int | None = None

    # --- issue sink ---------------------------------------------------------------------------
    def finish(self, found: list[ValidationIssue]) -> list[ValidationIssue]:
        result = []
        for issue in found:
            if issue.code == "informational" and issue.message.startswith(_UNEVALUABLE):
                key = (issue.severity, issue.code, "", issue.source)
            else:
                key = (issue.severity, issue.code, issue.expression, issue.message)
            if key in self._seen:
                continue
            self._seen.add(key)
            result.append(issue)
        return result

    # --- entry point ------------------------------------------------------------------------------
    def validate_root(self, resource: Any, profile: str | None) -> list[ValidationIssue]:
        sink: list[ValidationIssue] = []
        if not isinstance(resource, dict):
            sink.append(
                ValidationIssue(
                    "fatal",
                    "structure",
                    f"A FHIR resource must be a JSON object, not {describe_json(resource)}",
                    "",
                    "",
                )
            )
            return sink
        rtype = resource.get("resourceType")
        if rtype == "Bundle":
            self.bundle = BundleIndex.build(resource)
            self.document = resource.get("type") == "document"
            for i in range(len(self.bundle.entries)):
                entry_resource = self.bundle.resource(i)
                if entry_resource is not None:
                    self._entry_of[id(entry_resource)] = i
                    self._entry_paths[id(entry_resource)] = f"Bundle.entry[{i}].resource"
        profiles = (profile,) if profile else ()
        root_path = rtype if isinstance(rtype, str) and rtype else "Resource"
        self.validate_resource(
            resource, root_path, profiles, root=resource, entry_index=None, sink=sink, top=True
        )
        explain_pending(self)
        sink.extend(self.global_sink)
        if self.bundle is not None:
            sink.extend(bundle_issues(self.bundle, is_resource_type=self.is_resource_type))
        if self.document and self.bundle is not None:
            document = document_issues(self.bundle, is_resource_type=self.is_resource_type)
            if any(i.source == "bdl-11" for i in document):
                # No Composition first: the IPS slice count says the same thing again.
                sink = [i for i in sink if not i.source.endswith("entry:composition")]
            sink.extend(document)
        return self.finish(sink)

    # --- references -------------------------------------------------------------------------------
    def _resolve_from_current(self, reference: str) -> Mapping[str, Any] | None:
        return self.resolve(reference, self.current_entry, None)

    def resolve(
        self, reference: str, entry_index: int | None, root: Mapping[str, Any] | None
    ) -> dict[str, Any] | None:
        if reference.startswith("#"):
            if root is None:
                return None
            if reference == "#":
                return root  # type: ignore[return-value]
            for contained in _as_list(root.get("contained")):
                if isinstance(contained, dict) and contained.get("id") == reference[1:]:
                    return contained
            return None
        if self.bundle is None:
            return None
        found = self.bundle.resolve_index(reference, entry_index)
        if found is None:
            return None
        return self.bundle.resource(found)  # type: ignore[return-value]

    def _scope(
        self, resource: dict[str, Any], root: dict[str, Any], entry_index: int | None
    ) -> WalkScope:
        def resolver(reference: str) -> Mapping[str, Any] | None:
            return self.resolve(reference, entry_index, root)

        return WalkScope(
            resource,
            root,
            entry_index,
            EvaluationScope(resolver=resolver, conforms_to=self._conforms_one),
        )

    # --- profiles ---------------------------------------------------------------------------------
    def is_resource_type(self, name: Any) -> bool:
        if not isinstance(name, str) or not name:
            return False
        structure = self.index.structure(name)
        return structure is not None and structure.kind == "resource" and structure.type == name

    def _conforms_one(self, resource: Mapping[str, Any], profile: str) -> bool | None:
        structure = self.index.structure(profile)
        if structure is None or not isinstance(resource, dict):
            return None
        if structure.type != resource.get("resourceType"):
            return False
        return self.conforms(resource, structure.url)

    def conforms(self, resource: dict[str, Any], profile_url: str) -> bool:
        """Does the resource meet the profile? Stops at the first error unless already known."""
        key = (id(resource), profile_url)
        if key in self._failed_probes:
            return False
        cached = self.against_cache.get(key)
        if cached is None:
            structure = self.index.structure(profile_url)
            if structure is not None and not self.matcher.fits(resource, structure.root):
                # A fixed or pattern value of the profile is missed (wrong code, category...):
                # no need to walk the whole resource to know it does not conform.
                self._failed_probes.add(key)
                return False
            try:
                cached = self.issues_against(resource, profile_url, probe=True)
            except _ProbeFailed:
                self._failed_probes.add(key)
                return False
        return not any(i.is_failure for i in cached)

    def _conforms_any(self, resource: Any, profiles: tuple[str, ...]) -> bool:
        known = False
        for profile in profiles:
            structure = self.index.structure(profile)
            if structure is None:
                continue
            known = True
            if not self.is_resource_type(structure.type):  # a datatype profile: its values
                if self.matcher.fits(resource, structure.root):
                    return True
                continue
            if not isinstance(resource, dict) or structure.type != resource.get("resourceType"):
                continue
            if self.conforms(resource, structure.url):
                return True
        return not known

    def path_of(self, resource: Mapping[str, Any], fallback: str) -> str:
        return self._entry_paths.get(id(resource), fallback)

    def issues_against(
        self, resource: dict[str, Any], profile_url: str, probe: bool = False
    ) -> list[ValidationIssue]:
        """Issues of ``resource`` against one structure (cached: slices and references ask often).

        With ``probe`` the walk raises ``_ProbeFailed`` at the first error; a probe that finds
        no error has seen everything, so its issues are cached like a full walk's.
        """
        key = (id(resource), profile_url)
        cached = self.against_cache.get(key)
        if cached is not None:
            return cached
        if key in self._in_progress:
            return []  # a cycle (a resource conforming to itself through references)
        structure = self.index.structure(profile_url)
        if structure is None:
            return []
        self._in_progress.add(key)
        try:
            path = self.path_of(resource, str(resource.get("resourceType", "Resource")))
            entry_index = self._entry_of.get(id(resource))
            scope = self._scope(
                resource, self._container_of.get(id(resource), resource), entry_index
            )
            sink: list[ValidationIssue] = _FailFastSink() if probe else []
            saved = self.current_entry
            self.current_entry = entry_index
            try:
                self.walk_object(resource, structure.root, structure.root, path, scope, sink, True)
                root_rules = structure.root.constraints
                if id(resource) in self._contained_ids:
                    # Contained resources are described by their container's narrative.
                    root_rules = tuple(c for c in root_rules if c.key != "dom-6")
                self._check_constraints(resource, None, root_rules, path, scope, sink)
            finally:
                self.current_entry = saved
        finally:
            self._in_progress.discard(key)
        result = list(sink)
        self.against_cache[key] = result
        return result

    def validate_resource(
        self,
        resource: Any,
        path: str,
        profiles: tuple[str, ...],
        *,
        root: dict[str, Any] | None,
        entry_index: int | None,
        sink: list[ValidationIssue],
        top: bool = False,
    ) -> None:
        if not isinstance(resource, dict):
            sink.append(
                ValidationIssue(
                    "error",
                    "structure",
                    f"A resource must be a JSON object, not {describe_json(resource)}",
                    path,
                    "",
                )
            )
            return
        rtype = resource.get("resourceType")
        if not isinstance(rtype, str) or not rtype:
            sink.append(
                ValidationIssue(
                    "error",
                    "structure",
                    "The resource has no resourceType, so it cannot be checked",
                    path,
                    "Resource",
                )
            )
            return
        base = self.index.structure(rtype)
        if base is None or base.kind != "resource" or base.type != rtype:
            sink.append(
                ValidationIssue(
                    "error",
                    "structure",
                    f"Unknown resource type {rtype!r}",
                    path,
                    "Resource",
                )
            )
            return
        if not top and root is not None and root is not resource and entry_index is None:
            # contained resource: cached walks need a path of their own
            self._entry_paths.setdefault(id(resource), path)
        wanted: list[str] = []
        claimed = _meta_profiles(resource)
        alternatives = self._alternative_profiles(resource, profiles, claimed)
        for url in (*(profiles if alternatives is None else (alternatives,)), *claimed):
            key = url.split("|", 1)[0]
            if key in wanted:
                continue
            structure = self.index.structure(key)
            if structure is None:
                if (id(resource), key) not in self._unknown_profiles:
                    self._unknown_profiles.add((id(resource), key))
                    sink.append(
                        ValidationIssue(
                            "warning",
                            "not-found",
                            f"The profile {url} is not installed, so the resource was not "
                            "checked against it" + install_hint(url),
                            f"{path}.meta.profile" if url in _meta_profiles(resource) else path,
                            url,
                        )
                    )
                continue
            claimed_version = url.split("|", 1)[1] if "|" in url else ""
            if claimed_version and structure.version and claimed_version != structure.version:
                sink.append(
                    ValidationIssue(
                        "warning",
                        "not-found",
                        f"The resource claims {key} version {claimed_version}, which is not "
                        f"installed; it was checked against version {structure.version} instead",
                        f"{path}.meta.profile" if url in _meta_profiles(resource) else path,
                        url,
                    )
                )
            if structure.type != rtype:
                sink.append(
                    ValidationIssue(
                        "error",
                        "structure",
                        f"The profile {url} is for {structure.type} resources, not {rtype}",
                        path,
                        url,
                    )
                )
                continue
            wanted.append(structure.url)
        if not wanted:
            wanted.append(base.url)
        self._entry_paths.setdefault(id(resource), path)
        self.reported_urls.setdefault(id(resource), set()).update(wanted)
        for url in wanted:
            sink.extend(self.issues_against(resource, url))
        contexts = self._context_issues.get(id(resource))  # StructureDefinition.context
        if contexts is None:
            contexts = self._context_issues[id(resource)] = self.v.extension_contexts.issues(
                resource, path
            )
        sink.extend(contexts)  # every walk of the resource (probes too); finish() dedupes

    def _alternative_profiles(
        self, resource: dict[str, Any], profiles: tuple[str, ...], claimed: list[str]
    ) -> str | None:
        """Several profiles on one element (type.profile) mean "at least one of them" (R4
        ElementDefinition.type.profile): the one the resource meets, else the closest one.
        None when there is no choice to make (zero or one profile, or the resource names one
        of them in meta.profile)."""
        rtype = resource.get("resourceType")
        urls: list[str] = []
        for url in profiles:
            structure = self.index.structure(url)
            if structure is not None and structure.type == rtype and structure.url not in urls:
                urls.append(structure.url)
        if len(urls) < 2:
            return None
        claimed_urls = {
            s.url for c in claimed if (s := self.index.structure(c.split("|", 1)[0])) is not None
        }
        if claimed_urls & set(urls):
            return next(u for u in urls if u in claimed_urls)
        for url in urls:
            if self.conforms(resource, url):
                return url
        return min(
            urls,
            key=lambda u: sum(1 for i in self.issues_against(resource, u) if i.is_failure),
        )

    # --- the walk ----------------------------------------------------------------------------------
    def walk_object(
        self,
        obj: dict[str, Any],
        element: ElementDef,
        container: ElementDef,
        path: str,
        scope: WalkScope,
        sink: list[ValidationIssue],
        is_resource_root: bool = False,
    ) -> None:
        """Check the properties of a JSON object against ``container``'s children."""
        names = self.index.json_names(container)
        grouped: dict[int, list[tuple[str, Any, str]]] = {}
        primitive_ext: dict[str, Any] = {}
        children_by_id: dict[int, ElementDef] = {}
        choice_keys: dict[int, set[str]] = {}
        for key, value in obj.items():
            if is_resource_root and key == "resourceType":
                continue
            if key.startswith("_") and len(key) > 1:
                found = names.get(key[1:])
                if found is None or not (found[1] and self._is_primitive(found[1])):
                    sink.append(
                        ValidationIssue(
                            "error",
                            "structure",
                            f"Unrecognized property {key!r}",
                            f"{path}.{key}",
                            container.id,
                        )
                    )
                    continue
                primitive_ext[key[1:]] = value
                if key[1:] not in obj:
                    child, type_code = found
                    grouped.setdefault(id(child), []).append((key[1:], None, type_code))
                    children_by_id[id(child)] = child
                continue
            found = names.get(key)
            if found is None:
                sink.append(
                    ValidationIssue(
                        "error",
                        "structure",
                        _unknown_property_message(key, names),
                        f"{path}.{key}",
                        container.id,
                    )
                )
                continue
            child, type_code = found
            grouped.setdefault(id(child), []).append((key, value, type_code))
            children_by_id[id(child)] = child
            if child.is_choice:
                choice_keys.setdefault(id(child), set()).add(key)
        for child in self.index.children(container):
            entries = grouped.get(id(child))
            if entries is None:
                if child.min > 0:
                    sink.append(
                        ValidationIssue(
                            "error",
                            "required",
                            f"{child.name} is required here (minimum {child.min}) but is missing",
                            f"{path}.{child.base_name}" if not child.is_choice else path,
                            child.id,
                        )
                    )
                elif child.slicing is not None and child.slices:
                    check_slice_counts(self, child, [], [], path, sink)
                continue
            if len(choice_keys.get(id(child), ())) > 1:
                sink.append(
                    ValidationIssue(
                        "error",
                        "structure",
                        f"Only one of {', '.join(sorted(choice_keys[id(child)]))} may be present "
                        f"({child.name} allows a single type)",
                        path,
                        child.id,
                    )
                )
                continue
            self._check_child(child, entries, primitive_ext, path, scope, sink)

    def _is_primitive(self, type_code: str) -> bool:
        return TypeRef(type_code).is_primitive

    def _check_child(
        self,
        child: ElementDef,
        entries: list[tuple[str, Any, str]],
        primitive_ext: dict[str, Any],
        path: str,
        scope: WalkScope,
        sink: list[ValidationIssue],
    ) -> None:
        key, value, type_code = entries[0]
        ext_value = primitive_ext.get(key)
        items: list[tuple[Any, Any]] = []
        base_path = f"{path}.{key}"
        if child.is_array:
            if value is None and ext_value is not None:
                values: list[Any] = [None] * (len(ext_value) if isinstance(ext_value, list) else 1)
            elif not isinstance(value, list):
                sink.append(
                    ValidationIssue(
                        "error",
                        "structure",
                        f"{key} must be a JSON array (it can repeat), not {describe_json(value)}",
                        base_path,
                        child.id,
                    )
                )
                values = [value]
            else:
                values = value
            if isinstance(value, list) and not value:
                sink.append(
                    ValidationIssue(
                        "error",
                        "structure",
                        f"{key} is an empty array; leave the property out instead",
                        base_path,
                        child.id,
                    )
                )
                return
            ext_list: list[Any] = []
            if ext_value is not None:
                if not isinstance(ext_value, list) or len(ext_value) != len(values):
                    sink.append(
                        ValidationIssue(
                            "error",
                            "structure",
                            f"_{key} must be an array of the same length as {key}",
                            f"{path}._{key}",
                            child.id,
                        )
                    )
                else:
                    ext_list = ext_value
            for i, item in enumerate(values):
                items.append((item, ext_list[i] if i < len(ext_list) else None))
        else:
            if isinstance(value, list):
                sink.append(
                    ValidationIssue(
                        "error",
                        "structure",
                        f"{key} must be a single value, not an array (it cannot repeat)",
                        base_path,
                        child.id,
                    )
                )
                return
            items.append((value, ext_value))
        count = len(items)
        if count < child.min:
            sink.append(
                ValidationIssue(
                    "error",
                    "required",
                    f"{child.base_name} needs at least {child.min} value(s) here but has {count}",
                    base_path,
                    child.id,
                )
            )
        if child.max is not None and count > child.max:
            sink.append(
                ValidationIssue(
                    "error",
                    "structure",
                    f"{child.base_name} allows at most {child.max} value(s) here but has {count}"
                    if child.max
                    else f"{child.base_name} is not allowed here (the profile prohibits it)",
                    base_path,
                    child.id,
                )
            )
            if child.max == 0:
                return
        item_paths = [f"{base_path}[{i}]" if child.is_array else base_path for i in range(count)]
        assigned: list[ElementDef | None] = [None] * count
        if child.slicing is not None and child.slices:
            assigned = assign_slices(self, child, items, type_code, item_paths, path, scope, sink)
        for i, (item, ext) in enumerate(items):
            definition = assigned[i] or child
            if item is None and ext is None:
                sink.append(
                    ValidationIssue(
                        "error",
                        "structure",
                        f"{key} has a null value without an extension",
                        item_paths[i],
                        child.id,
                    )
                )
                continue
            self.check_value(
                item,
                ext,
                definition,
                type_code,
                item_paths[i],
                scope,
                sink,
                sliced=assigned[i] is not None,
            )
        if child.slices and None in assigned:
            explain_unmatched_items(self, child, items, assigned, scope)

    # --- slicing ----------------------------------------------------------------------------------

    # --- values ------------------------------------------------------------------------------------
    def check_value(
        self,
        value: Any,
        ext: Any,
        element: ElementDef,
        type_code: str,
        path: str,
        scope: WalkScope,
        sink: list[ValidationIssue],
        sliced: bool = False,
    ) -> None:
        if not type_code:
            type_code = element.types[0].code if len(element.types) == 1 else ""
        type_ref = next((t for t in element.types if t.code == type_code), None)
        if type_ref is None:
            type_ref = element.types[0] if element.types else TypeRef(type_code)
            if element.content_reference:
                type_ref = TypeRef("BackboneElement")
        if type_ref.is_primitive:
            self._check_primitive(value, ext, element, type_ref, path, scope, sink)
            return
        if type_ref.code in _RESOURCE_TYPE_CODES or (
            isinstance(value, dict)
            and "resourceType" in value
            and type_ref.code[:1].isupper()
            and self.index.structure(type_ref.code) is not None
            and self.index.structure(type_ref.code).kind == "resource"  # type: ignore[union-attr]
        ):
            self._check_contained_resource(value, element, type_ref, path, scope, sink)
            return
        if not isinstance(value, dict):
            sink.append(
                ValidationIssue(
                    "error",
                    "structure",
                    f"{element.base_name} must be a JSON object ({type_ref.code}), not "
                    f"{describe_json(value)}",
                    path,
                    element.id,
                )
            )
            return
        if not value:
            sink.append(
                ValidationIssue(
                    "error",
                    "structure",
                    f"{element.base_name} is an empty object; leave it out instead",
                    path,
                    element.id,
                )
            )
            return
        if (
            type_ref.code == "Extension"
            and not sliced
            and element.slice_name is None
            and self._check_extension_by_url(value, element, path, scope, sink)
        ):
            return
        container = element
        if len(element.types) > 1 and not element.listed_children:
            root = self.index.type_root(type_ref)
            if root is not None:
                container = root
        self.walk_object(value, element, container, path, scope, sink)
        check_fixed_pattern(value, element, path, sink)
        if element.binding is not None and type_ref.code in _CODED_TYPES:
            check_binding(self.v.terminology, value, element, type_ref.code, path, sink)
        if type_ref.code in ("Coding", "CodeableConcept"):
            check_code_systems(self.v.terminology, value, type_ref.code, path, sink)
        if type_ref.code == "Reference":
            check_reference(self, value, element, path, scope, sink)
        elif type_ref.code == "Identifier":
            check_identifier_system(self.v.terminology, value, path, sink)
        elif type_ref.code == "Attachment":
            check_attachment(value, path, sink)
        constraints = element.constraints + (
            self.index.type_constraints(element)
            if container is element
            else container.constraints + self.index.type_constraints(container)
        )
        type_path = element.path if type_ref.code in _INLINE_TYPE_CODES else type_ref.code
        self._check_constraints(value, None, constraints, path, scope, sink, type_path)

    def _check_extension_by_url(
        self,
        value: dict[str, Any],
        element: ElementDef,
        path: str,
        scope: WalkScope,
        sink: list[ValidationIssue],
    ) -> bool:
        """An extension outside any slice: use its own definition, or warn it is unknown."""
        url = value.get("url")
        if not isinstance(url, str):
            return False
        structure = self.index.structure(url)
        if structure is None or structure.type != "Extension":
            if element.name == "modifierExtension":
                # A modifier changes the meaning of its parent: a reader cannot ignore it.
                sink.append(
                    ValidationIssue(
                        "error",
                        "not-found",
                        f"The modifier extension {url} is not defined in the installed "
                        "packages; a reader cannot safely process data it does not understand",
                        path,
                        element.id,
                    )
                )
            else:
                sink.append(
                    ValidationIssue(
                        "warning",
                        "not-found",
                        f"The extension {url} is not defined in the installed packages, so its "
                        "content could not be checked",
                        path,
                        element.id,
                    )
                )
            return False
        root = structure.root
        self.walk_object(value, root, root, path, scope, sink)
        constraints = element.constraints + tuple(
            c for c in root.constraints if c.key not in {x.key for x in element.constraints}
        )
        self._check_constraints(value, None, constraints, path, scope, sink, "Extension")
        return True

    def _check_contained_resource(
        self,
        value: Any,
        element: ElementDef,
        type_ref: TypeRef,
        path: str,
        scope: WalkScope,
        sink: list[ValidationIssue],
    ) -> None:
        if not isinstance(value, dict):
            sink.append(
                ValidationIssue(
                    "error",
                    "structure",
                    f"{element.base_name} must be a resource (a JSON object), not "
                    f"{describe_json(value)}",
                    path,
                    element.id,
                )
            )
            return
        rtype = value.get("resourceType")
        allowed = {t.code for t in element.types}
        if isinstance(rtype, str) and not allowed & _RESOURCE_TYPE_CODES and rtype not in allowed:
            sink.append(
                ValidationIssue(
                    "error",
                    "structure",
                    f"A {rtype} is not allowed here (expected {', '.join(sorted(allowed))})",
                    path,
                    element.id,
                )
            )
            return
        profiles = tuple(
            p for t in element.types if t.code in (rtype, "Resource") for p in t.profiles
        )
        entry_index = self._entry_of.get(id(value))
        is_contained = element.name == "contained"
        if is_contained:
            self._contained_ids.add(id(value))
            # "#id" inside a contained resource points into its container (R4 references.html
            # #contained): contained resources can refer to each other and to the container.
            self._container_of.setdefault(id(value), scope.root)
            self.validate_resource(
                value, path, profiles, root=scope.root, entry_index=scope.entry_index, sink=sink
            )
            return
        if entry_index is not None:
            self.progress.step(
                entry_index + 1, len(self.bundle.entries) if self.bundle else 0, path
            )
        self.validate_resource(
            value, path, profiles, root=value, entry_index=entry_index, sink=sink
        )

    def _check_primitive(
        self,
        value: Any,
        ext: Any,
        element: ElementDef,
        type_ref: TypeRef,
        path: str,
        scope: WalkScope,
        sink: list[ValidationIssue],
    ) -> None:
        code = type_ref.code
        if value is not None:
            if isinstance(value, dict | list):
                sink.append(
                    ValidationIssue(
                        "error",
                        "structure",
                        f"{element.base_name} must be a simple value ({code}), not "
                        f"{describe_json(value)}",
                        path,
                        element.id,
                    )
                )
                return
            problem = self.v.formats.check(code, value)
            if problem is not None:
                sink.append(
                    ValidationIssue(
                        "error",
                        "value",
                        f"{element.base_name} {problem}",
                        path,
                        element.id,
                    )
                )
                return
            if code == "markdown" and isinstance(value, str):
                check_markdown(value, path, sink)
            if code == "xhtml" and isinstance(value, str):
                for narrative in self.v.narratives.check(value):
                    sink.append(
                        ValidationIssue(
                            "error" if narrative.severity == "error" else "warning",
                            "invariant" if narrative.key.startswith("txt") else "value",
                            narrative.message,
                            path,
                            narrative.key,
                        )
                    )
            if element.min_value is not None or element.max_value is not None:
                check_value_limits(value, code, element, path, sink)
            if element.has_fixed and value != element.fixed:
                sink.append(
                    ValidationIssue(
                        "error",
                        "value",
                        f"{element.base_name} is {value!r} but the profile requires exactly "
                        f"{element.fixed!r}",
                        path,
                        element.id,
                    )
                )
            elif element.has_pattern and value != element.pattern:
                sink.append(
                    ValidationIssue(
                        "error",
                        "value",
                        f"{element.base_name} is {value!r} but the profile requires {element.pattern!r}",
                        path,
                        element.id,
                    )
                )
            if (
                element.binding is not None
                and code in ("code", "string", "uri")
                and isinstance(value, str)
            ):
                check_binding(self.v.terminology, value, element, code, path, sink)
        if ext is not None:
            ext_path = path.rsplit(".", 1)
            ext_path_str = f"{ext_path[0]}._{ext_path[1]}" if len(ext_path) == 2 else path
            if not isinstance(ext, dict):
                sink.append(
                    ValidationIssue(
                        "error",
                        "structure",
                        f"The extension part of {element.base_name} must be a JSON object",
                        ext_path_str,
                        element.id,
                    )
                )
            else:
                root = self.index.type_root(TypeRef(code))
                if root is not None:
                    self.walk_object(ext, root, root, ext_path_str, scope, sink)
        constraints = element.constraints
        if constraints:
            self._check_constraints(value, ext, constraints, path, scope, sink)

    # --- rules -------------------------------------------------------------------------------------
    def _check_constraints(
        self,
        value: Any,
        ext: Any,
        constraints: tuple[Constraint, ...],
        path: str,
        scope: WalkScope,
        sink: list[ValidationIssue],
        type_path: str | None = None,
    ) -> None:
        seen: set[str] = set()
        for constraint in constraints:
            if constraint.key in seen:
                continue
            seen.add(constraint.key)
            if constraint.key in _NARRATIVE_KEYS and isinstance(value, str):
                continue  # the narrative checker reports these with the exact reason
            native = constraint.native
            if native is not None:
                verdict: bool | None = native(
                    value, scope.root if constraint.key == "ref-1" else ext
                )
            elif constraint.key in _DOCUMENT_RULE_KEYS and self.document:
                continue  # checked per entry, with the exact location, by the document rules
            elif value is None:
                continue  # a primitive with only an extension: nothing for FHIRPath to see
            else:
                saved = self.current_entry
                self.current_entry = scope.entry_index
                try:
                    verdict = self.v.fhirpath.evaluate(
                        constraint.expression,
                        value,
                        scope.resource,
                        scope.root,
                        scope.evaluation,
                        type_path,
                    )
                finally:
                    self.current_entry = saved
            if verdict is None:
                # Kept once per rule by ``finish``: one note, not one per element.
                sink.append(
                    ValidationIssue(
                        "information",
                        "informational",
                        f"{_UNEVALUABLE} {constraint.key} "
                        f"({constraint.expression}); it was not checked",
                        path,
                        constraint.key,
                    )
                )
                continue
            if verdict:
                continue
            severity = (
                "warning"
                if constraint.best_practice or constraint.severity == "warning"
                else "error"
            )
            sink.append(
                ValidationIssue(
                    severity,  # type: ignore[arg-type]
                    "invariant",
                    f"Rule {constraint.key} failed: {constraint.human}",
                    path,
                    constraint.key,
                )
            )


def _unknown_property_message(key: str, names: Mapping[str, Any]) -> str:
    lowered = key.lower()
    close = [n for n in names if n.lower() == lowered]
    if close:
        return (
            f"Unrecognized property {key!r} (did you mean {close[0]!r}? names are case-sensitive)"
        )
    return f"Unrecognized property {key!r}: it is not defined for this element"
