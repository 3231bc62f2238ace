"""GUI test fixtures: a fresh app context per test (own settings and data folder) and a leak check."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QWidget

from xshare_desktop.gui.context import AppContext
from xshare_desktop.gui.i18n import LanguageManager
from xshare_desktop.gui.main_window import MainWindow
from xshare_desktop.gui.settings import Settings
from xshare_desktop.gui.style import apply_style
from xshare_desktop.gui.worker import wait_for_workers

ROOT = Path(__file__).resolve().parents[2]


def visible_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


@pytest.fixture(autouse=True)
def _no_window_leak(qapp: QApplication) -> Iterator[None]:
    """Every window a test opens must be closed by the end of that test."""
    before = set(map(id, visible_windows()))
    yield
    assert wait_for_workers(10_000), "a background task was still running after the test"
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    leaked = [w for w in visible_windows() if id(w) not in before]
    for widget in leaked:
        widget.close()
    assert not leaked, f"windows left open: {[type(w).__name__ for w in leaked]}"


@pytest.fixture()
def settings(_private_data_dir: Path) -> Settings:
    """Settings in this test's own data folder (the root conftest gives each test one)."""
    return Settings.load()


@pytest.fixture()
def make_context(qapp: QApplication, settings: Settings) -> Iterator[Callable[..., AppContext]]:
    made: list[tuple[LanguageManager, AppContext]] = []

    def make(*, booth: bool = False, lang: str = "en") -> AppContext:
        apply_style(qapp, booth=booth)
        language = LanguageManager()
        language.set_language(lang)
        context = AppContext(settings, language, booth=booth)
        made.append((language, context))
        return context

    yield make
    for language, _context in made:
        language.uninstall()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    qapp.setPalette(QPalette())
    apply_style(qapp, booth=False)


@pytest.fixture()
def make_window(qtbot, make_context) -> Callable[..., MainWindow]:  # type: ignore[no-untyped-def]
    def make(*, booth: bool = False, lang: str = "en", show: bool = True) -> MainWindow:
        context = make_context(booth=booth, lang=lang)
        window = MainWindow(context)

        def start_over() -> None:
            from xshare_desktop.gui.booth import start_over as reset

            reset(window)

        context.reset_requested.connect(start_over)
        qtbot.addWidget(window)
        if show:
            window.show()
            qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture()
def window(make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    return make_window()


@pytest.fixture()
def load(qtbot):  # type: ignore[no-untyped-def]
    """Open a file in a window and wait until the loader has finished."""

    def load_into(window: MainWindow, path: Path) -> None:
        with qtbot.waitSignal(window.loader.finished, timeout=30_000):
            window.open_path(path)

    return load_into


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform plugin warns whenever a dialog is shown; it says
    # nothing about our code, so only this exact message is let through.
    for item in items:
        item.add_marker(
            pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
        )
