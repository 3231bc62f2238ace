"""Content Creator tests: validate a folder of the vendor's documents against the declared specs.

Each document becomes one named test case (``content.<file name>``) with its full validation
report kept for drill-down. The validator is pure Python (fhirpathpy and the snapshot walk hold
the GIL): warm, two threads validate no faster than one. Threads still win the cold start (one
thread computes while another reads package files) and share one loaded context; a process pool
pays for starting the interpreters and loading the packages in every worker, which on the
2-core machine we measured on (``benchmarks/bench_workbench.py``, each executor in a fresh
interpreter) made it slower than threads for 24 and 80 documents. So ``auto`` uses threads, and
processes only where there are enough cores and documents to repay that start.
"""

from __future__ import annotations

import concurrent.futures as futures
import multiprocessing
import os
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from xshare_desktop.core.errors import Cancelled, UserFacingError
from xshare_desktop.core.fhir_packages import ConformanceContext, conformance_context
from xshare_desktop.core.fhir_packages.cache import PackageCache
from xshare_desktop.core.fileio import parse_json_bytes, read_input_bytes
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP
from xshare_desktop.core.json_positions import json_positions
from xshare_desktop.core.progress import Progress, ensure_progress
from xshare_desktop.core.validation.issues import ValidationResult
from xshare_desktop.core.workbench.results import CaseResult, Verdict
from xshare_desktop.core.workbench.specifications import (
    CATEGORY_TITLES,
    HOSPITAL_DISCHARGE_REPORT,
    IMAGING_REPORT,
    LABORATORY_REPORT,
    PATIENT_SUMMARY,
    ContentSpecification,
    installed_profiles,
    require_installed,
    specification,
)

DOCUMENT_SUFFIXES = (".json", ".xml")
MAX_DOCUMENTS = 10_000
ExecutorKind = Literal["auto", "process", "thread", "serial"]
# Starting worker processes (each loads the packages, about 1-2 s) only repays itself with
# many documents and more than a couple of cores (see the module docstring).
PROCESS_POOL_MIN_DOCUMENTS = 40
PROCESS_POOL_MIN_CPUS = 4

# Composition.type LOINC codes -> EHDS category, to pick among several declared specifications.
_CATEGORY_BY_LOINC = {
    "60591-5": PATIENT_SUMMARY,
    "11502-2": LABORATORY_REPORT,
    "34105-7": HOSPITAL_DISCHARGE_REPORT,
    "18748-4": IMAGING_REPORT,
    "85430-7": IMAGING_REPORT,
}


@dataclass(frozen=True)
class DocumentReport:
    """One document's verdict against one specification, with the full validation result."""

    name: str
    spec_id: str | None
    profile: str | None
    result: ValidationResult | None = None
    problem: str | None = None  # why it could not be validated at all (unreadable, no spec)
    duration_s: float = 0.0

    @property
    def ok(self) -> bool:
        return self.problem is None and self.result is not None and self.result.ok

    @property
    def error_count(self) -> int:
        return len(self.result.errors) if self.result else 0

    @property
    def warning_count(self) -> int:
        return len(self.result.warnings) if self.result else 0

    @property
    def information_count(self) -> int:
        return len(self.result.information) if self.result else 0

    def case(self) -> CaseResult:
        spec_title = specification(self.spec_id).title if self.spec_id else "its specification"
        title = f"{self.name} conforms to {spec_title}"
        if self.problem is not None:
            return CaseResult(f"content.{self.name}", title, Verdict.FAIL, self.problem)
        assert self.result is not None
        counts = (
            f"{self.error_count} errors, {self.warning_count} warnings, "
            f"{self.information_count} information"
        )
        if self.result.ok:
            evidence = f"Valid against {self.profile}: {counts}."
        else:
            first = self.result.errors[0]
            evidence = f"{counts}. First error at {first.expression}: {first.message}"
        return CaseResult(
            f"content.{self.name}",
            title,
            Verdict.PASS if self.result.ok else Verdict.FAIL,
            evidence,
            rule="The document passes validation for the declared content specification.",
            reference=self.profile or "",
            details={"errors": self.error_count, "warnings": self.warning_count},
        )


@dataclass(frozen=True)
class ContentRun:
    reports: list[DocumentReport]
    executor: str
    workers: int
    duration_s: float

    @property
    def cases(self) -> list[CaseResult]:
        return [report.case() for report in self.reports]

    @property
    def ok(self) -> bool:
        return all(report.ok for report in self.reports)


# -- choosing the specification -------------------------------------------------------------


def _loinc_codes(concept: Any) -> list[str]:
    if not isinstance(concept, Mapping):
        return []
    codings = concept.get("coding")
    if not isinstance(codings, list):
        return []
    return [
        str(c.get("code"))
        for c in codings
        if isinstance(c, Mapping) and c.get("system") == "http://loinc.org"
    ]


def document_category(resource: Any) -> str | None:
    if not isinstance(resource, Mapping) or resource.get("resourceType") != "Bundle":
        return None
    entries = resource.get("entry")
    first = entries[0] if isinstance(entries, list) and entries else None
    composition = first.get("resource") if isinstance(first, Mapping) else None
    if not isinstance(composition, Mapping):
        return None
    for code in _loinc_codes(composition.get("type")):
        if code in _CATEGORY_BY_LOINC:
            return _CATEGORY_BY_LOINC[code]
    return None


def choose_specification(
    resource: Any, declared: Sequence[ContentSpecification]
) -> ContentSpecification | str:
    """The declared specification this document claims, or why none fits (a message)."""
    meta = resource.get("meta") if isinstance(resource, Mapping) else None
    claimed = meta.get("profile") if isinstance(meta, Mapping) else None
    if isinstance(claimed, list):
        for spec in declared:
            if spec.profile in claimed:
                return spec
    category = document_category(resource)
    if len(declared) == 1:
        if category is not None and category != declared[0].category:
            # Never check a document against a specification it does not claim (a lab report
            # is not a failed patient summary).
            return (
                f"This document is a {CATEGORY_TITLES[category]} (its Composition type says "
                f"so), but only {declared[0].title} is declared, so it was not checked against "
                "it. Declare the specification it follows (and install its package)."
            )
        return declared[0]
    for spec in declared:
        if spec.category == category:
            return spec
    names = ", ".join(spec.title for spec in declared)
    return (
        "This document does not say which declared specification it follows (no matching "
        f"meta.profile, and its Composition type is not one of {names})."
    )


# -- validating one document ------------------------------------------------------------------


class DocumentValidator:
    """Validates documents against declared specifications; one per process or shared by threads."""

    def __init__(
        self, context: ConformanceContext, declared: Sequence[ContentSpecification]
    ) -> None:
        from xshare_desktop.core.validation.checking import validator_for

        self.context = context
        self.declared = list(declared)
        self.validator = validator_for(context)

    def read(self, data: bytes, name: str) -> tuple[Any, Mapping[str, tuple[int, int]] | None]:
        head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
        if head == b"<":
            from xshare_desktop.core.fhir_xml import read_fhir_xml

            resource, positions = read_fhir_xml(data, self.context, name=name)
            return resource, positions
        return parse_json_bytes(data, name=name), json_positions(data)

    def validate_bytes(self, data: bytes, name: str) -> DocumentReport:
        started = time.perf_counter()
        try:
            resource, positions = self.read(data, name)
        except UserFacingError as exc:
            return DocumentReport(name, None, None, problem=str(exc))
        chosen = choose_specification(resource, self.declared)
        if isinstance(chosen, str):
            return DocumentReport(name, None, None, problem=chosen)
        result = self.validator.validate(resource, profile=chosen.profile, positions=positions)
        result = ValidationResult(
            issues=result.issues,
            profile=result.profile,
            resource_type=result.resource_type,
            duration_s=result.duration_s,
            file=name,
        )
        return DocumentReport(
            name,
            chosen.spec_id,
            chosen.profile,
            result=result,
            duration_s=time.perf_counter() - started,
        )

    def validate_path(self, path: Path, name: str) -> DocumentReport:
        try:
            data = read_input_bytes(path)
        except UserFacingError as exc:
            return DocumentReport(name, None, None, problem=str(exc))
        return self.validate_bytes(data, name)


def load_document_validator(spec_ids: Sequence[str]) -> DocumentValidator:
    """Load the packages the declared specifications need (a plain error when one is missing)."""
    specs = [specification(spec_id) for spec_id in spec_ids]
    cache = PackageCache()
    packages = [require_installed(spec, cache) for spec in specs]
    context = conformance_context(list(dict.fromkeys(packages)), cache, with_defaults=True)
    return DocumentValidator(context, specs)


# -- a folder in parallel -----------------------------------------------------------------------

_worker: DocumentValidator | None = None


def _init_worker(spec_ids: list[str], fhir_cache: str | None) -> None:
    global _worker
    if fhir_cache:
        os.environ["XSHARE_FHIR_CACHE"] = fhir_cache
    _worker = load_document_validator(spec_ids)


def _validate_path_in_worker(path: Path, name: str) -> DocumentReport:
    assert _worker is not None
    return _worker.validate_path(path, name)


def find_documents(folder: str | os.PathLike[str]) -> list[tuple[Path, str]]:
    """The documents in ``folder`` and its sub-folders, as (path, name relative to the folder)."""
    root = Path(folder)
    if not root.is_dir():
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Workbench", "{root} is not a folder of documents.").format(
                root=root
            ),
            where=str(root),
        )
    found = sorted(
        path
        for path in root.rglob("*")
        if path.is_file()
        and path.suffix.lower() in DOCUMENT_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(root).parts)
    )
    if not found:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Workbench", "The folder {name} holds no FHIR documents (.json or .xml files)."
            ).format(name=root.name)
        )
    if len(found) > MAX_DOCUMENTS:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Workbench",
                "The folder holds {count} documents; at most {MAX_DOCUMENTS} are checked in one run.",
            ).format(count=len(found), MAX_DOCUMENTS=MAX_DOCUMENTS)
        )
    return [(path, path.relative_to(root).as_posix()) for path in found]


def choose_executor(kind: ExecutorKind, documents: int) -> str:
    if kind != "auto":
        return kind
    if documents >= PROCESS_POOL_MIN_DOCUMENTS and (os.cpu_count() or 1) >= PROCESS_POOL_MIN_CPUS:
        return "process"
    return "thread" if documents > 1 else "serial"


def validate_folder(
    folder: str | os.PathLike[str],
    spec_ids: Sequence[str],
    *,
    executor: ExecutorKind = "auto",
    workers: int | None = None,
    progress: Progress | None = None,
    validator_factory: Callable[[Sequence[str]], DocumentValidator] = load_document_validator,
) -> ContentRun:
    """Validate every document in ``folder``; reports come back in file-name order."""
    progress = ensure_progress(progress)
    documents = find_documents(folder)
    for spec_id in spec_ids:
        require_installed(specification(spec_id))
    total = len(documents)
    kind = choose_executor(executor, total)
    workers = max(1, min(workers or (os.cpu_count() or 1), total))
    started = time.perf_counter()
    progress.step(0, total, "Loading the FHIR packages")
    reports: dict[str, DocumentReport] = {}

    if kind == "serial":
        validator = validator_factory(spec_ids)
        for done, (path, name) in enumerate(documents, start=1):
            progress.check()
            reports[name] = validator.validate_path(path, name)
            progress.step(done, total, f"Checked {name}")
        workers = 1
    else:
        pool: futures.Executor
        if kind == "process":
            pool = futures.ProcessPoolExecutor(
                max_workers=workers,
                # spawn: forking a process that runs Qt or other threads is unsafe.
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker,
                initargs=(list(spec_ids), os.environ.get("XSHARE_FHIR_CACHE")),
            )
            task: Callable[[Path, str], DocumentReport] = _validate_path_in_worker
        elif kind == "thread":
            task = validator_factory(spec_ids).validate_path
            pool = futures.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="workbench")
        else:
            raise ValueError(f"unknown executor {kind!r}")
        try:
            pending = {pool.submit(task, path, name): name for path, name in documents}
            for done, future in enumerate(futures.as_completed(pending), start=1):
                name = pending[future]
                reports[name] = future.result()
                progress.step(done, total, f"Checked {name}")
        except (Cancelled, KeyboardInterrupt):
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        except futures.process.BrokenProcessPool:
            pool.shutdown(wait=False, cancel_futures=True)
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Workbench",
                    "A validation worker stopped unexpectedly (out of memory?); try again with fewer documents or --workers 1.",
                )
            ) from None
        pool.shutdown(wait=True)
    return ContentRun(
        reports=[reports[name] for _path, name in documents],
        executor=kind,
        workers=workers,
        duration_s=time.perf_counter() - started,
    )


def installed_spec_ids(cache: PackageCache | None = None) -> list[str]:
    from xshare_desktop.core.workbench.specifications import SPECIFICATIONS

    found = installed_profiles(cache)
    return [spec.spec_id for spec in SPECIFICATIONS if spec.profile in found]
