"""Invariants of the snapshots on one element: native checks first, FHIRPath for the rest.

Part of a validation run (``run.ValidationRun`` inherits it): a constraint with a native
version (``Constraint.native``) is decided in Python; the others go to the FHIRPath engine,
with the document rules (bdl-7, bdl-11) left to the Bundle checks that locate each entry.
"""

from __future__ import annotations

from typing import Any

from xshare_desktop.core.validation.issues import ValidationIssue
from xshare_desktop.core.validation.run_state import RunState
from xshare_desktop.core.validation.snapshot import Constraint
from xshare_desktop.core.validation.walk import WalkScope

_NARRATIVE_KEYS = frozenset({"txt-1", "txt-2"})
_UNEVALUABLE = "Could not evaluate the rule"
# Checked natively by the document rules, with the exact entry as location.
_DOCUMENT_RULE_KEYS = frozenset({"bdl-7", "bdl-11"})


class ConstraintChecks(RunState):
    """The constraint part of a validation run."""

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
