"""What every part of a validation run may use: its state and the methods the parts share.

A run (``run.ValidationRun``) is one class assembled from parts with one job each
(``constraint_checks``, ``value_checks``, ``element_walk``, ``run``). Each part inherits this
declaration, so the type checker knows what the others provide; the state itself is set up in
``ValidationRun.__init__``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol

from xshare_desktop.core.progress import Progress
from xshare_desktop.core.validation.bundle_rules import BundleIndex
from xshare_desktop.core.validation.extension_context import ExtensionContexts
from xshare_desktop.core.validation.fhirpath_support import FhirPathEngine
from xshare_desktop.core.validation.issues import ValidationIssue
from xshare_desktop.core.validation.primitives import PrimitiveFormats
from xshare_desktop.core.validation.slicing import SliceMatcher
from xshare_desktop.core.validation.snapshot import ElementDef, SnapshotIndex
from xshare_desktop.core.validation.terminology import Terminology
from xshare_desktop.core.validation.walk import WalkScope
from xshare_desktop.core.validation.xhtml import NarrativeChecker


class ValidatorParts(Protocol):
    """What a run reads from its validator (``engine.Validator``), compiled once and shared."""

    index: SnapshotIndex
    formats: PrimitiveFormats
    terminology: Terminology
    narratives: NarrativeChecker
    fhirpath: FhirPathEngine
    extension_contexts: ExtensionContexts


class RunState:
    """The state of one ``validate`` call (see ``ValidationRun.__init__``)."""

    v: ValidatorParts
    index: SnapshotIndex
    progress: Progress
    bundle: BundleIndex | None
    document: bool
    issues: list[ValidationIssue]
    against_cache: dict[tuple[int, str], list[ValidationIssue]]
    reported_urls: dict[int, set[str]]
    global_sink: list[ValidationIssue]
    pending_explanations: list[tuple[ElementDef, Any, int | None]]
    reported_targets: set[tuple[int, str]]
    explained_targets: set[tuple[int, str]]
    matcher: SliceMatcher
    current_entry: int | None
    _contained_ids: set[int]
    _container_of: dict[int, dict[str, Any]]
    _entry_of: dict[int, int]

    if TYPE_CHECKING:
        # Provided by the parts; declared here so that each part can call the others.
        def walk_object(
            self,
            obj: dict[str, Any],
            element: ElementDef,
            container: ElementDef,
            path: str,
            scope: WalkScope,
            sink: list[ValidationIssue],
            is_resource_root: bool = False,
        ) -> None: ...

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
        ) -> None: ...

        def issues_against(
            self, resource: dict[str, Any], profile_url: str, probe: bool = False
        ) -> list[ValidationIssue]: ...

        def resolve(
            self, reference: str, entry_index: int | None, root: Mapping[str, Any] | None
        ) -> dict[str, Any] | None: ...

        def is_resource_type(self, name: Any) -> bool: ...

        def conforms(self, resource: dict[str, Any], profile_url: str) -> bool: ...
