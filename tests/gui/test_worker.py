"""The Qt worker adapter: results, errors, cancellation and progress arrive on the GUI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread

from xshare_desktop.core.errors import Cancelled, UserFacingError
from xshare_desktop.core.progress import Progress
from xshare_desktop.gui.worker import Worker


def _record(worker: Worker) -> list[tuple[str, object]]:
    events: list[tuple[str, object]] = []
    gui_thread = QThread.currentThread()

    def note(name: str, value: object = None) -> None:
        assert QThread.currentThread() is gui_thread, f"{name} arrived off the GUI thread"
        events.append((name, value))

    worker.finished_ok.connect(lambda value: note("ok", value))
    worker.failed.connect(lambda exc: note("failed", exc))
    worker.cancelled.connect(lambda: note("cancelled"))
    worker.done.connect(lambda: note("done"))
    worker.progress.connect(lambda d, t, text: note("progress", (d, t, text)))
    return events


def test_result_comes_back_then_done(qtbot) -> None:
    def add(a: int, b: int, *, progress: Progress) -> tuple[int, bool]:
        progress.step(1, 1, "adding")
        return a + b, threading.current_thread() is threading.main_thread()

    worker = Worker(add, 2, 3)
    events = _record(worker)
    with qtbot.waitSignal(worker.done, timeout=5000):
        worker.start()
    assert ("ok", (5, False)) in events  # ran off the main thread
    assert events[-1] == ("done", None)
    assert ("progress", (1, 1, "adding")) in events


def test_exception_is_sent_back_not_raised(qtbot) -> None:
    def broken(*, progress: Progress) -> None:
        raise UserFacingError("The file is damaged.")

    worker = Worker(broken)
    events = _record(worker)
    with qtbot.waitSignal(worker.done, timeout=5000):
        worker.start()
    names = [name for name, _ in events]
    assert names == ["failed", "done"]
    assert isinstance(events[0][1], UserFacingError)


def test_cancel_sets_the_progress_flag_and_emits_cancelled(qtbot) -> None:
    started = threading.Event()

    def long_work(*, progress: Progress) -> str:
        started.set()
        for i in range(10_000):
            progress.step(i, 10_000)
            threading.Event().wait(0.001)
        return "finished"

    worker = Worker(long_work)
    events = _record(worker)
    with qtbot.waitSignal(worker.done, timeout=10_000):
        worker.start()
        assert started.wait(5)
        worker.cancel()
    names = [name for name, _ in events if name != "progress"]
    assert names == ["cancelled", "done"]


def test_result_after_cancel_is_dropped(qtbot) -> None:
    gate = threading.Event()

    def ignores_cancel(*, progress: Progress) -> str:
        gate.wait(5)
        return "too late"

    worker = Worker(ignores_cancel)
    events = _record(worker)
    with qtbot.waitSignal(worker.done, timeout=5000):
        worker.start()
        worker.cancel()
        gate.set()
    assert [name for name, _ in events] == ["cancelled", "done"]


def test_cancelled_exception_is_silent(qtbot) -> None:
    def stops(*, progress: Progress) -> None:
        raise Cancelled()

    worker = Worker(stops)
    events = _record(worker)
    with qtbot.waitSignal(worker.done, timeout=5000):
        worker.start()
    assert [name for name, _ in events] == ["cancelled", "done"]


def test_function_without_progress_argument(qtbot) -> None:
    worker = Worker(sorted, [3, 1, 2], progress_arg=False)
    events = _record(worker)
    with qtbot.waitSignal(worker.done, timeout=5000):
        worker.start()
    assert events[0] == ("ok", [1, 2, 3])


def test_a_worker_runs_once(qtbot) -> None:
    worker = Worker(sorted, [], progress_arg=False)
    with qtbot.waitSignal(worker.done, timeout=5000):
        worker.start()
    with pytest.raises(RuntimeError):
        worker.start()
