"""The narrow handle a rule module gets on a validation run (the engine implements it).

Rule modules (slice rules, reference rules) import this, never the engine, so the engine can
import them without a cycle. What a rule may read or record during the walk is exactly what is
listed here; everything else about a run stays the engine's business.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from xshare_desktop.core.validation.bundle_rules import BundleIndex
from xshare_desktop.core.validation.fhirpath_support import EvaluationScope
from xshare_desktop.core.validation.issues import ValidationIssue
from xshare_desktop.core.validation.slicing import SliceMatcher
from xshare_desktop.core.validation.snapshot import ElementDef, SnapshotIndex


@dataclass
class WalkScope:
    """Where we are: the resource being walked and how its references resolve."""

    resource: dict[str, Any]
    root: dict[str, Any]
    entry_index: int | None
    evaluation: EvaluationScope


class Walk(Protocol):
    """One run of the validator, as the rule modules see it."""

    index: SnapshotIndex
    matcher: SliceMatcher
    bundle: BundleIndex | None
    document: bool
    current_entry: int | None
    # Issues found in other resources while walking one (targets of its references).
    global_sink: list[ValidationIssue]
    against_cache: dict[tuple[int, str], list[ValidationIssue]]
    reported_urls: dict[int, set[str]]
    reported_targets: set[tuple[int, str]]
    explained_targets: set[tuple[int, str]]
    pending_explanations: list[tuple[ElementDef, Any, int | None]]

    def issues_against(
        self, resource: dict[str, Any], profile_url: str, probe: bool = False
    ) -> list[ValidationIssue]: ...

    def resolve(
        self, reference: str, entry_index: int | None, root: Mapping[str, Any] | None
    ) -> dict[str, Any] | None: ...

    def is_resource_type(self, name: Any) -> bool: ...

    def conforms(self, resource: dict[str, Any], profile_url: str) -> bool: ...
