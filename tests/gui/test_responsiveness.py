"""Long loads show progress, can be cancelled, and never freeze the window."""

from __future__ import annotations

import threading
from pathlib import Path

from xshare_desktop.core.progress import Progress
from xshare_desktop.gui import document_loader

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "ips-bent-eksempelsen.json"


def _slow_load(gate: threading.Event):  # type: ignore[no-untyped-def]
    def load(path: Path, *, progress: Progress) -> object:
        for step in range(2000):
            progress.step(step, 2000, "Reading")
            if gate.wait(0.005):
                break
        from xshare_desktop.core.document import load_document

        return load_document(path, check_models=False, progress=progress)

    return load


def test_the_window_stays_responsive_and_shows_progress(window, qtbot, monkeypatch) -> None:
    gate = threading.Event()
    monkeypatch.setattr(document_loader, "_load", _slow_load(gate))
    window.open_path(SAMPLE)
    assert window.loading.isVisible()
    assert "ips-bent-eksempelsen.json" in window.loading.label.text()
    # The GUI thread keeps working while the load runs: progress arrives, the language switches.
    qtbot.waitUntil(lambda: window.loading.bar.value() > 0, timeout=5000)
    window.set_language("da")
    qtbot.waitUntil(lambda: window.loading.cancel.text() == "Annuller", timeout=5000)
    assert window.loader.busy
    with qtbot.waitSignal(window.loader.finished, timeout=30_000):
        gate.set()
    assert not window.loading.isVisible()
    assert window.navigator.current_name == "document"


def test_cancel_stops_the_load_and_shows_nothing(window, qtbot, monkeypatch) -> None:
    gate = threading.Event()
    monkeypatch.setattr(document_loader, "_load", _slow_load(gate))
    window.open_path(SAMPLE)
    qtbot.waitUntil(lambda: window.loading.bar.value() > 0, timeout=5000)
    with qtbot.waitSignal(window.loader.finished, timeout=5000):
        window.loading.cancel.click()
    assert not window.loading.isVisible()
    gate.set()
    qtbot.wait(50)
    assert window.context.document is None
    assert window.navigator.current_name == "start"
    assert not window.banner.isVisible()  # cancelling is silent
