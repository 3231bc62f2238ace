"""The R4B model check: each entry's resource through the ``fhir.resources`` models.

Their structural complaints are kept as ``ModelIssue``s with their location instead of
stopping the load; ``core/document.py`` and ``core/sharing/wellformed.py`` both ask here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from xshare_desktop.core.gc_pause import collector_paused
from xshare_desktop.core.model_screen import forget_values, resource_is_clear
from xshare_desktop.core.progress import Progress, ensure_progress


@dataclass(frozen=True)
class ModelIssue:
    """A structural complaint of the typed FHIR model, with where it is."""

    location: str
    message: str


def _model_issues(entries: list[Mapping[str, Any]], progress: Progress) -> list[ModelIssue]:
    """Run each entry resource through the R4B models and keep their complaints.

    An entry the screen (core/model_screen.py) clears is one the models accept; only the
    others are built as models, so the models' words are the only ones reported.
    """
    try:
        with collector_paused():
            return _screened_model_issues(entries, progress)
    finally:
        forget_values()


def _screened_model_issues(
    entries: list[Mapping[str, Any]], progress: Progress
) -> list[ModelIssue]:
    from fhir.resources.R4B import get_fhir_model_class  # heavy import, only when loading
    from pydantic import ValidationError

    issues: list[ModelIssue] = []
    total = len(entries)
    for i, entry in enumerate(entries):
        if i % 200 == 0:
            progress.step(i, total, "Checking structure")
        resource = entry.get("resource")
        if resource_is_clear(resource):
            continue
        if not isinstance(resource, Mapping):
            issues.append(ModelIssue(f"Bundle.entry[{i}]", "The entry has no resource."))
            continue
        rtype = str(resource.get("resourceType", ""))
        try:
            model = get_fhir_model_class(rtype)
        except (KeyError, ValueError):
            issues.append(
                ModelIssue(
                    f"Bundle.entry[{i}].resource", f"'{rtype}' is not a FHIR R4 resource type."
                )
            )
            continue
        try:
            model.model_validate(resource)
        except ValidationError as exc:
            for err in exc.errors()[:20]:
                loc = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in err["loc"])
                message = str(err["msg"]).removeprefix("Value error, ")
                issues.append(ModelIssue(f"Bundle.entry[{i}].resource{loc}", message))
        except (ValueError, TypeError) as exc:
            issues.append(ModelIssue(f"Bundle.entry[{i}].resource", str(exc)))
    return issues


def entry_model_issues(
    entries: list[Mapping[str, Any]], progress: Progress | None = None
) -> list[ModelIssue]:
    """The R4B model check of Bundle entries, for callers that hold raw JSON (sharing)."""
    return _model_issues(entries, ensure_progress(progress))
