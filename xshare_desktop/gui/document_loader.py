"""Loads documents off the GUI thread and says how it went (the controller for opening files)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from xshare_desktop.gui.worker import Worker


def _load(path: Path, *, progress: Any) -> Any:
    # Imported here: the document core pulls in fhir.resources, which the
    # first window must not wait for.
    from xshare_desktop.core.document import load_document

    # The typed-model check is the slowest part of loading (about half of a
    # 5,000-entry document) and only feeds the discreet notes at the bottom,
    # so the document is shown first and checked right after (_check_models).
    return load_document(path, check_models=False, progress=progress)


def _check_models(document: Any, *, progress: Any) -> list[Any]:
    from xshare_desktop.core.document import check_models

    return check_models(document, progress)


def warm_up() -> None:
    """Import the document core and the FHIR models ahead of the first open."""
    import xshare_desktop.core.document  # noqa: F401

    try:
        from fhir.resources.R4B import get_fhir_model_class

        for name in ("Bundle", "Composition", "Patient", "Condition", "Observation"):
            get_fhir_model_class(name)
    except ImportError:
        pass


class DocumentLoader(QObject):
    started = Signal(str)  # the file name
    progress = Signal(int, int, str)
    loaded = Signal(object)  # the Document
    failed = Signal(object)  # the exception
    cancelled = Signal()
    finished = Signal()
    checked = Signal(object)  # the Document, now with its model_issues filled in

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker: Worker | None = None
        self._checker: Worker | None = None
        self.path: Path | None = None

    @property
    def busy(self) -> bool:
        return self._worker is not None and self._worker.is_running

    @property
    def checking(self) -> bool:
        return self._checker is not None and self._checker.is_running

    def load(self, path: str | Path) -> Worker:
        self.cancel()
        self.cancel_check()
        self.path = Path(path)
        worker = Worker(_load, self.path)
        self._worker = worker
        worker.progress.connect(self.progress)
        worker.finished_ok.connect(lambda doc: self._deliver(worker, self.loaded, doc))
        worker.failed.connect(lambda exc: self._deliver(worker, self.failed, exc))
        worker.cancelled.connect(lambda: self._deliver(worker, self.cancelled))
        worker.done.connect(lambda: self._done(worker))
        self.started.emit(self.path.name)
        worker.start()
        return worker

    def _deliver(self, worker: Worker, signal: Any, *args: Any) -> None:
        # A load replaced by a newer one must not show up late.
        if worker is self._worker:
            signal.emit(*args)

    def _done(self, worker: Worker) -> None:
        if worker is self._worker:
            self._worker = None
            self.finished.emit()

    def check(self, document: Any) -> Worker:
        """Fill in ``document.model_issues`` off the GUI thread, then emit ``checked``."""
        self.cancel_check()
        checker = Worker(_check_models, document)
        self._checker = checker

        def store(issues: list[Any]) -> None:
            if checker is self._checker:
                document.model_issues = issues
                self.checked.emit(document)

        def report(exc: object) -> None:
            if checker is self._checker:
                self.failed.emit(exc)

        def forget() -> None:
            if checker is self._checker:
                self._checker = None

        checker.finished_ok.connect(store)
        checker.failed.connect(report)
        checker.done.connect(forget)
        checker.start()
        return checker

    def cancel_check(self) -> None:
        if self._checker is not None:
            self._checker.cancel()
            self._checker = None

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self.cancelled.emit()
            self._worker = None
            self.finished.emit()
