"""Refuse, in plain words, a document whose JSON is not well-formed FHIR before sharing it.

Sharing reads and rewrites every part of a document; a coding that is a list inside a list,
a number where text belongs or a reference that is an object cannot be shared safely. The
typed R4B models (``fhir.resources``) know the shape of every element, so they decide (an
entry the screen in core/model_screen.py clears is one they accept), and the person learns
where the problem is instead of meeting a crash.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP
from xshare_desktop.core.model_check import ModelIssue, entry_model_issues
from xshare_desktop.core.progress import Progress

_SHOWN = 3


def shape_issues(raw: Mapping[str, Any], progress: Progress | None = None) -> list[ModelIssue]:
    """Structural problems of the Bundle itself and of every entry's resource."""
    from fhir.resources.R4B.bundle import Bundle  # heavy import, only when sharing
    from pydantic import ValidationError

    entries = raw.get("entry")
    entries = entries if isinstance(entries, list) else []
    issues: list[ModelIssue] = []
    shell = dict(raw)
    shell["entry"] = [
        {k: v for k, v in e.items() if k != "resource"} if isinstance(e, Mapping) else e
        for e in entries
    ]
    if not shell["entry"]:
        del shell["entry"]
    try:
        Bundle.model_validate(shell)
    except ValidationError as exc:
        for err in exc.errors()[:20]:
            loc = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in err["loc"])
            issues.append(ModelIssue(f"Bundle{loc}", str(err["msg"]).removeprefix("Value error, ")))
    except (ValueError, TypeError) as exc:
        issues.append(ModelIssue("Bundle", str(exc)))
    checked = [e if isinstance(e, Mapping) else {} for e in entries]
    issues.extend(entry_model_issues(checked, progress))
    return issues


def refuse_malformed(raw: Mapping[str, Any], progress: Progress | None = None) -> None:
    """``UserFacingError`` naming where the document is not well-formed FHIR, if it is not.

    ``progress`` hears how far the check is and can cancel it (``Cancelled``)."""
    issues = shape_issues(raw, progress)
    if not issues:
        return
    shown = "; ".join(f"{i.location}: {i.message}" for i in issues[:_SHOWN])
    more = f" (and {len(issues) - _SHOWN} more)" if len(issues) > _SHOWN else ""
    raise UserFacingError(
        QT_TRANSLATE_NOOP(
            "Core",
            "This document is not well-formed FHIR, so it cannot be shared safely: {shown}{more}. 'xshare validate' lists every problem; ask whoever made the document for a corrected copy.",
        ).format(shown=shown, more=more)
    )
