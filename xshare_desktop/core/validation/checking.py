"""Checking files: read each (FHIR JSON or XML, told apart by content), validate it, keep positions.

The CLI (``xshare validate``) and the app's "Check conformance" view both go through here, so a
file gets the same verdict in both.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import sys
import threading
import weakref
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fhir_packages import ConformanceContext, conformance_context
from xshare_desktop.core.fhir_xml import looks_like_xml, read_fhir_xml
from xshare_desktop.core.fileio import parse_json_bytes, read_input_bytes
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP
from xshare_desktop.core.json_positions import json_positions
from xshare_desktop.core.progress import Progress, ensure_progress
from xshare_desktop.core.validation.issues import ValidationIssue, ValidationResult

if TYPE_CHECKING:
    from xshare_desktop.core.validation.engine import Validator


class ValidatorLike(Protocol):
    def validate(
        self,
        resource: Any,
        *,
        profile: str | None = None,
        positions: Mapping[str, tuple[int, int]] | None = None,
        progress: Progress | None = None,
    ) -> ValidationResult: ...


_validators: weakref.WeakKeyDictionary[ConformanceContext, Validator] = weakref.WeakKeyDictionary()
_validators_lock = threading.Lock()


def validator_for(context: ConformanceContext) -> Validator:
    """The one validator over ``context``, built the first time (it indexes the snapshots it
    meets, so sharing it keeps that work). Validators are safe to share between threads."""
    from xshare_desktop.core.validation.engine import Validator

    with _validators_lock:
        validator = _validators.get(context)
        if validator is None:
            validator = Validator(context)
            _validators[context] = validator
        return validator


def shared_checker(
    packages: Sequence[str] | None = None,
    cache: str | os.PathLike[str] | None = None,
    *,
    with_defaults: bool = False,
) -> tuple[ConformanceContext, Validator]:
    """The shared context for these packages (see ``conformance_context``) and its validator."""
    context = conformance_context(packages, cache, with_defaults=with_defaults)
    return context, validator_for(context)


@dataclass(frozen=True)
class LoadedDocument:
    path: Path
    data: bytes
    resource: Any
    positions: Mapping[str, tuple[int, int]]
    syntax: Literal["json", "xml"]

    @property
    def text(self) -> str:
        return self.data.decode("utf-8", "replace")


@dataclass(frozen=True)
class FileCheck:
    result: ValidationResult
    document: LoadedDocument | None = None  # None when the file could not be read
    unreadable: bool = False


@dataclass
class CheckRun:
    checks: list[FileCheck] = field(default_factory=list)

    @property
    def results(self) -> list[ValidationResult]:
        return [c.result for c in self.checks]

    @property
    def any_unreadable(self) -> bool:
        return any(c.unreadable for c in self.checks)

    @property
    def any_errors(self) -> bool:
        return any(not c.result.ok for c in self.checks)


def load_document(path: str | os.PathLike[str], context: ConformanceContext) -> LoadedDocument:
    source = Path(path)
    return load_document_bytes(read_input_bytes(source), source, context)


def load_document_bytes(data: bytes, path: Path, context: ConformanceContext) -> LoadedDocument:
    """Read a document already in memory (the app's open document); ``path`` names it."""
    if looks_like_xml(data):
        resource, xml_positions = read_fhir_xml(data, context, name=path.name)
        return LoadedDocument(path, data, resource, xml_positions, "xml")
    resource = parse_json_bytes(data, name=path.name)
    if not isinstance(resource, dict) or not isinstance(resource.get("resourceType"), str):
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core", "{name} is JSON but not a FHIR resource: it has no resourceType."
            ).format(name=path.name)
        )
    return LoadedDocument(path, data, resource, json_positions(data), "json")


_WHERE = re.compile(r"line (\d+)(?:, column (\d+))?")


def _unreadable(path: Path, error: UserFacingError) -> ValidationResult:
    line = column = None
    found = _WHERE.search(error.where or "")
    if found:
        line = int(found.group(1))
        column = int(found.group(2)) if found.group(2) else None
    issue = ValidationIssue(
        severity="fatal",
        code="structure",
        message=error.message,
        expression="",
        source="",
        line=line,
        column=column,
    )
    return ValidationResult(issues=[issue], file=str(path), unreadable=True)


# A file on disk, or a document in memory as (name, bytes).
DocumentSource = str | os.PathLike[str] | tuple[str, bytes]


def check_files(
    paths: Sequence[DocumentSource],
    context: ConformanceContext,
    validator: ValidatorLike,
    *,
    profile: str | None = None,
    progress: Progress | None = None,
    on_file: Callable[[int, Path], None] | None = None,
) -> CheckRun:
    """Validate every file; a file that cannot be read becomes a fatal issue, not an abort."""
    progress = ensure_progress(progress)
    _require_profile(context, profile)
    run = CheckRun()
    for index, item in enumerate(paths):
        path = Path(item[0]) if isinstance(item, tuple) else Path(item)
        progress.step(index, len(paths), path.name)
        if on_file is not None:
            on_file(index, path)
        run.checks.append(_check_one(item, context, validator, profile, progress))
    progress.step(len(paths), len(paths), "")
    return run


def _require_profile(context: ConformanceContext, profile: str | None) -> None:
    if profile is not None and context.structure_definition(profile) is None:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "The profile {profile} is not in the installed packages; install its implementation guide with 'xshare packages install' or add it with --ig.",
            ).format(profile=profile)
        )


def _check_one(
    item: DocumentSource,
    context: ConformanceContext,
    validator: ValidatorLike,
    profile: str | None,
    progress: Progress | None,
) -> FileCheck:
    path = Path(item[0]) if isinstance(item, tuple) else Path(item)
    try:
        if isinstance(item, tuple):
            document = load_document_bytes(item[1], path, context)
        else:
            document = load_document(path, context)
    except UserFacingError as error:
        return FileCheck(_unreadable(path, error), None, unreadable=True)
    result = validator.validate(
        document.resource, profile=profile, positions=document.positions, progress=progress
    )
    return FileCheck(replace(result, file=str(path)), document)


def available_cores() -> int:
    """The cores this process may run on (a CI container may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _can_fork() -> bool:
    # Forked workers inherit the loaded packages and the compiled validator, so each starts
    # warm. Fork is only safe on Linux (macOS frameworks and Windows have no safe fork); there
    # the files are checked one after another instead.
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


# What a forked worker checks with: set in the parent just before the pool forks.
_WORKER_STATE: tuple[ConformanceContext, ValidatorLike, str | None, bool] | None = None


def _check_in_worker(item: DocumentSource) -> FileCheck:
    assert _WORKER_STATE is not None, "the worker was not forked from check_files_in_parallel"
    context, validator, profile, keep_documents = _WORKER_STATE
    check = _check_one(item, context, validator, profile, None)
    # Sending the parsed document back costs about as much as parsing it: only when asked.
    return check if keep_documents else replace(check, document=None)


def check_files_in_parallel(
    paths: Sequence[DocumentSource],
    context: ConformanceContext,
    validator: ValidatorLike,
    *,
    profile: str | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
    keep_documents: bool = True,
) -> CheckRun:
    """``check_files`` over a pool of processes, one file per task, results in input order.

    Each file's verdict is the one ``check_files`` gives (same code, same loaded context);
    only the wall time differs. One file, one job, or a platform without a safe fork: serial.
    Workers are forked, so each starts with the loaded packages. With ``keep_documents=False``
    the checks of the other files come back without their ``document``.
    """
    global _WORKER_STATE
    jobs = min(jobs or available_cores(), len(paths))
    if jobs <= 1 or not _can_fork():
        return check_files(paths, context, validator, profile=profile, progress=progress)
    progress = ensure_progress(progress)
    _require_profile(context, profile)
    run = CheckRun()
    _WORKER_STATE = (context, validator, profile, keep_documents)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"))
    try:
        for index, check in enumerate(pool.map(_check_in_worker, paths), start=1):
            progress.step(index, len(paths), Path(check.result.file or "").name)
            run.checks.append(check)
    except BrokenProcessPool:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "A validation worker stopped unexpectedly (out of memory?); try again with fewer files at a time (--jobs 1).",
            )
        ) from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _WORKER_STATE = None
    return run


def expand_sources(names: Sequence[str]) -> list[str]:
    """Files as given, and for a folder the FHIR JSON and XML files in it (and below), sorted."""
    found: list[str] = []
    for name in names:
        folder = Path(name)
        if not folder.is_dir():
            found.append(name)
            continue
        inside = sorted(
            str(p)
            for p in folder.rglob("*")
            if p.suffix.lower() in (".json", ".xml")
            and p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        )
        if not inside:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core", "The folder {name} holds no .json or .xml files to validate."
                ).format(name=name)
            )
        found.extend(inside)
    return found


__all__ = [
    "CheckRun",
    "DocumentSource",
    "FileCheck",
    "LoadedDocument",
    "ValidatorLike",
    "available_cores",
    "check_files",
    "check_files_in_parallel",
    "expand_sources",
    "load_document",
    "load_document_bytes",
]
