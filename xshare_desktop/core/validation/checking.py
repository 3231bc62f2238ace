"""Checking files: read each (FHIR JSON or XML, told apart by content), validate it, keep positions.

The CLI (``xshare validate``) and the app's "Check conformance" view both go through here, so a
file gets the same verdict in both.
"""

from __future__ import annotations

import os
import re
import threading
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fhir_packages import ConformanceContext, conformance_context
from xshare_desktop.core.fhir_xml import looks_like_xml, read_fhir_xml
from xshare_desktop.core.fileio import parse_json_bytes, read_input_bytes
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
            f"{path.name} is JSON but not a FHIR resource: it has no resourceType."
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
    if profile is not None and context.structure_definition(profile) is None:
        raise UserFacingError(
            f"The profile {profile} is not in the installed packages; install its "
            "implementation guide with 'xshare packages install' or add it with --ig."
        )
    run = CheckRun()
    for index, item in enumerate(paths):
        path = Path(item[0]) if isinstance(item, tuple) else Path(item)
        progress.step(index, len(paths), path.name)
        if on_file is not None:
            on_file(index, path)
        try:
            if isinstance(item, tuple):
                document = load_document_bytes(item[1], path, context)
            else:
                document = load_document(path, context)
        except UserFacingError as error:
            run.checks.append(FileCheck(_unreadable(path, error), None, unreadable=True))
            continue
        result = validator.validate(
            document.resource, profile=profile, positions=document.positions, progress=progress
        )
        run.checks.append(FileCheck(replace(result, file=str(path)), document))
    progress.step(len(paths), len(paths), "")
    return run


__all__ = [
    "CheckRun",
    "DocumentSource",
    "FileCheck",
    "LoadedDocument",
    "ValidatorLike",
    "check_files",
    "load_document",
    "load_document_bytes",
]
