"""The conformance page's way to the process's shared validator, used from the worker.

No widgets here: ``ConformanceView`` runs these methods through ``gui.worker`` so that loading
the FHIR packages and validating never block the window.
"""

from __future__ import annotations

from xshare_desktop.core.progress import Progress
from xshare_desktop.core.validation.checking import (
    CheckRun,
    DocumentSource,
    check_files,
    shared_checker,
)


class ConformanceChecker:
    """The view's way to the process's shared context and validator (``shared_checker``), asked
    for on a worker thread: the first ask loads the packages, an install loads them afresh."""

    def profiles(self, *, progress: Progress) -> list[tuple[str, str, str]]:
        context, _validator = shared_checker()
        return [(url, name, package.id) for url, name, package in context.profiles()]

    def check(
        self, sources: list[DocumentSource], profile: str | None, *, progress: Progress
    ) -> CheckRun:
        context, validator = shared_checker()
        return check_files(sources, context, validator, profile=profile, progress=progress)
