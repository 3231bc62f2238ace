"""The one adapter between long core operations and the Qt GUI thread.

Core functions that take time have the shape ``fn(*args, progress=Progress)``
(see ``xshare_desktop.core.progress``). ``Worker`` runs such a function on the
global ``QThreadPool`` and reports back on the GUI thread through signals:

    worker = Worker(load_document, path)
    worker.progress.connect(bar.update)          # (done: int, total: int, text: str)
    worker.finished_ok.connect(self._show)       # the function's return value
    worker.failed.connect(lambda exc: errors.present(exc, self))
    worker.cancelled.connect(...)                # the person pressed Cancel
    worker.done.connect(...)                     # always, last, after one of the above
    worker.start()
    ...
    worker.cancel()                              # sets the Progress cancel flag

Rules: the function runs in another thread and must never touch widgets; it
gets the results it needs as arguments and returns plain data. All signals
are emitted on the GUI thread, so slots may update widgets freely. A worker
keeps itself alive until ``done`` has been emitted, so callers need not hold
a reference (but may, to cancel it). If ``cancel()`` was called, the result is
dropped and ``cancelled`` is emitted even if the function finished anyway.
Pass ``progress_arg=False`` for functions that take no ``progress`` keyword.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from xshare_desktop.core.errors import Cancelled
from xshare_desktop.core.progress import Progress

# Progress callbacks can fire thousands of times a second; the GUI only needs
# a few updates per second, and a flood of queued signals would itself freeze it.
_PROGRESS_INTERVAL_S = 0.05


class _Relay(QObject):
    """Carries results from the pool thread to the GUI thread (queued connections)."""

    progress = Signal(int, int, str)
    result = Signal(object)
    error = Signal(object)
    was_cancelled = Signal()
    finished = Signal()


class _Task(QRunnable):
    def __init__(self, call: Callable[[], Any], progress: Progress, relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._call = call
        self._progress = progress
        self._relay = relay

    def run(self) -> None:
        relay = self._relay
        try:
            result = self._call()
        except Cancelled:
            _emit(relay.was_cancelled)
        except BaseException as exc:
            _emit(relay.error, exc)
        else:
            if self._progress.cancelled:
                _emit(relay.was_cancelled)
            else:
                _emit(relay.result, result)
        finally:
            _emit(relay.finished)


def _emit(signal: Any, *args: Any) -> None:
    try:
        signal.emit(*args)
    except RuntimeError:
        # The app is shutting down and the GUI side is gone: nobody is left to tell.
        pass


class Worker(QObject):
    progress = Signal(int, int, str)
    finished_ok = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    done = Signal()

    # Workers in flight, so that a caller dropping its reference does not
    # destroy the receiver of the queued signals before they arrive.
    _running: ClassVar[set[Worker]] = set()

    def __init__(
        self,
        fn: Callable[..., Any],
        *args: Any,
        progress_arg: bool = True,
        parent: QObject | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(parent)
        self._progress = Progress(self._on_progress_from_thread)
        self._last_progress = 0.0
        self._started = False
        self._finished = False
        if progress_arg:
            kwargs["progress"] = self._progress
        self._call: Callable[[], Any] = lambda: fn(*args, **kwargs)
        # The relay lives in this (GUI) thread; its signals are emitted from the
        # pool thread, so Qt queues them to these slots on the GUI thread.
        self._relay = _Relay()
        self._relay.progress.connect(self._emit_progress)
        self._relay.result.connect(self._emit_result)
        self._relay.error.connect(self._emit_error)
        self._relay.was_cancelled.connect(self._emit_cancelled)
        self._relay.finished.connect(self._emit_done)

    @property
    def is_running(self) -> bool:
        return self._started and not self._finished

    def start(self, pool: QThreadPool | None = None) -> Worker:
        if self._started:
            raise RuntimeError("a Worker runs once")
        self._started = True
        Worker._running.add(self)
        (pool or QThreadPool.globalInstance()).start(_Task(self._call, self._progress, self._relay))
        return self

    def cancel(self) -> None:
        self._progress.cancel()

    @property
    def cancel_requested(self) -> bool:
        return self._progress.cancelled

    def _on_progress_from_thread(self, done: int, total: int, text: str) -> None:
        now = time.monotonic()
        if done < total and now - self._last_progress < _PROGRESS_INTERVAL_S:
            return
        self._last_progress = now
        _emit(self._relay.progress, done, total, text)

    @Slot(int, int, str)
    def _emit_progress(self, done: int, total: int, text: str) -> None:
        if not self._finished:
            self.progress.emit(done, total, text)

    @Slot(object)
    def _emit_result(self, result: object) -> None:
        self.finished_ok.emit(result)

    @Slot(object)
    def _emit_error(self, exc: object) -> None:
        self.failed.emit(exc)

    @Slot()
    def _emit_cancelled(self) -> None:
        self.cancelled.emit()

    @Slot()
    def _emit_done(self) -> None:
        self._finished = True
        try:
            self.done.emit()
        finally:
            Worker._running.discard(self)


def cancel_all_workers() -> None:
    """Ask every running worker to stop (the app is quitting)."""
    for worker in list(Worker._running):
        worker.cancel()


def wait_for_workers(timeout_ms: int = 10_000) -> bool:
    """Block until the pool is idle (shutdown and tests); queued signals still need an event loop."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
