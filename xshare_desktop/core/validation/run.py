"""One ``validate`` call: its state, the resources and profiles it checks, their references.

``ValidationRun`` decides which structures each resource is held to (claimed, given, one of
several alternatives), caches each (resource, structure) verdict, probes conformance for slices
and references (stopping at the first error), and gathers the Bundle and document rules at the
end. The walk itself is inherited: ``element_walk.py`` (structure), ``value_checks.py``
(values), ``constraint_checks.py`` (invariants).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from xshare_desktop.core.fhir_packages.specifications import install_hint
from xshare_desktop.core.progress import Progress
from xshare_desktop.core.validation.bundle_rules import BundleIndex, bundle_issues, document_issues
from xshare_desktop.core.validation.coded_rules import binding_allows
from xshare_desktop.core.validation.constraint_checks import _UNEVALUABLE
from xshare_desktop.core.validation.element_walk import ElementWalk
from xshare_desktop.core.validation.fhirpath_support import EvaluationScope
from xshare_desktop.core.validation.issues import ValidationIssue
from xshare_desktop.core.validation.primitives import describe_json
from xshare_desktop.core.validation.run_state import ValidatorParts
from xshare_desktop.core.validation.slice_rules import explain_pending
from xshare_desktop.core.validation.slicing import SliceMatcher
from xshare_desktop.core.validation.snapshot import ElementDef
from xshare_desktop.core.validation.walk import WalkScope


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


class ValidationRun(ElementWalk):
    """The state of one ``validate`` call."""

    def __init__(self, validator: ValidatorParts, progress: Progress) -> None:
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
