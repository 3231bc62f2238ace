"""GUI benchmarks: cold start to the first painted window, and opening 200- and 5,000-entry documents.

- ``gui-cold-start``: spawns ``python -m xshare_desktop.gui.app`` offscreen with
  ``XSHARE_EXIT_WHEN_SHOWN=1`` and times process start -> first paint of the
  main window, as seen by this process (median of 5 runs after one warm-up).
- ``open-200`` / ``open-5000``: in a fresh subprocess, shows the main window,
  lets the background warm-up import the document core (as it does in the app
  before anyone can click), then times choosing a document -> the document
  view populated, and reports the process's peak memory (which includes the
  structural check that runs right after the view is shown). Three fresh
  processes: the median time and the highest peak.
  Documents come from ``benchmarks/make_large.py``.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
Figure = tuple[str, float, str]


def _env(data_dir: str) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XSHARE_DATA_DIR"] = data_dir
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _one_cold_start(env: dict[str, str]) -> float:
    env = dict(env, XSHARE_EXIT_WHEN_SHOWN="1")
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "xshare_desktop.gui.app", "--lang", "da"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
        text=True,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("first-window-shown"):
            elapsed = time.perf_counter() - started
            break
    else:
        raise RuntimeError(
            f"the app never showed its window: {proc.stderr.read() if proc.stderr else ''}"
        )
    proc.wait(timeout=30)
    return elapsed


def gui_cold_start() -> Iterator[Figure]:
    with tempfile.TemporaryDirectory(prefix="xshare-bench-") as data:
        env = _env(data)
        _one_cold_start(env)
        runs = [_one_cold_start(env) for _ in range(5)]
    yield "gui-cold-start", statistics.median(runs), "s"


def _open_in_child(path: Path, repeats: int) -> dict[str, float]:
    """Runs in the subprocess: time opening ``path`` in the real main window."""
    import resource

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from xshare_desktop.gui.app import build
    from xshare_desktop.gui.document_loader import warm_up

    app, window, _args = build(["--lang", "da"])
    window.resize(1366, 768)
    window.show()
    QApplication.processEvents()
    warm_up()
    times = []
    for _ in range(repeats):
        window.close_document()
        QApplication.processEvents()
        loop = QEventLoop()
        window.loader.finished.connect(loop.quit)
        QTimer.singleShot(120_000, loop.quit)
        started = time.perf_counter()
        window.open_path(path)
        loop.exec()
        QApplication.processEvents()  # the view has laid itself out
        view = window.navigator.page("document")
        if view is None or getattr(view, "document", None) is None:
            raise RuntimeError(f"{path.name} did not open: {window.banner.text}")
        times.append(time.perf_counter() - started)
        window.loader.finished.disconnect(loop.quit)
    # Let the structural check that follows every open finish: it belongs to the peak.
    while window.loader.checking:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    window.close()
    del app
    return {"seconds": statistics.median(times), "peak_mb": peak_kb / 1024}


def _open_benchmark(n_entries: int) -> Iterator[Figure]:
    sys.path.insert(0, str(HERE))
    from make_large import make_large_document

    with tempfile.TemporaryDirectory(prefix="xshare-bench-") as data:
        doc_path = Path(data) / f"large-{n_entries}.json"
        doc_path.write_text(json.dumps(make_large_document(n_entries)), encoding="utf-8")
        runs = []
        for _ in range(3):
            result = subprocess.run(
                [sys.executable, str(Path(__file__).resolve()), "open", str(doc_path), "1"],
                capture_output=True,
                text=True,
                env=_env(data),
                cwd=ROOT,
                check=True,
                timeout=600,
            )
            runs.append(json.loads(result.stdout.strip().splitlines()[-1]))
    yield f"open-{n_entries}-time", statistics.median(r["seconds"] for r in runs), "s"
    yield f"open-{n_entries}-peak-mb", max(r["peak_mb"] for r in runs), "MB"


def open_200() -> Iterator[Figure]:
    yield from _open_benchmark(200)


def open_5000() -> Iterator[Figure]:
    yield from _open_benchmark(5000)


BENCHMARKS = {
    "gui-cold-start": gui_cold_start,
    "open-200": open_200,
    "open-5000": open_5000,
}


if __name__ == "__main__" and len(sys.argv) == 4 and sys.argv[1] == "open":
    sys.path.insert(0, str(ROOT))
    print(json.dumps(_open_in_child(Path(sys.argv[2]), int(sys.argv[3]))), flush=True)
