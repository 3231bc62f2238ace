"""The window on real screens: fits the usable area, remembers the person's size, names the patient."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractScrollArea, QApplication

from xshare_desktop.gui.main_window import MainWindow
from xshare_desktop.gui.window_parts import initial_geometry

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = sorted((ROOT / "samples").glob("ips-*.json"))[0]

# Usable areas: a 1366x768 laptop and a 1024x600 netbook, each less a 32 px panel.
LAPTOP = QRect(0, 32, 1366, 736)
NETBOOK = QRect(0, 32, 1024, 568)
FULL_HD = QRect(0, 0, 1920, 1040)


@pytest.mark.parametrize("available", [LAPTOP, NETBOOK], ids=["1366x768", "1024x600"])
def test_window_fits_the_available_screen(make_window, qtbot, available: QRect) -> None:
    """Issue #14 "Screens": the whole window (with a title bar) lies inside the usable area."""
    window = make_window(show=False)
    window.fit_to_screen(available)
    assert not window.start_maximised
    geometry = window.geometry()
    assert available.contains(geometry.adjusted(0, -30, 0, 0)), geometry
    assert window.minimumSize().height() <= geometry.height()
    window.show()
    qtbot.waitExposed(window)
    assert window.height() <= available.height() - 30
    assert window.width() <= available.width()


def test_large_screens_open_maximised() -> None:
    """Issue #14 "Screens": a 1280x800 window on a 1920x1080 screen is opened maximised."""
    normal, maximise = initial_geometry(FULL_HD)
    assert maximise
    assert FULL_HD.contains(normal)
    assert not initial_geometry(LAPTOP)[1]


@pytest.mark.parametrize("page", ["start", "document", "about"])
def test_no_page_opens_scrolled_past_its_heading_on_a_netbook(
    make_window, load, qtbot, page: str
) -> None:
    """Issue #14 "Screens": at 1024x600 every page shows its top (no scroll area starts scrolled)."""
    window = make_window(show=False, lang="da")
    window.fit_to_screen(NETBOOK)
    window.show()
    qtbot.waitExposed(window)
    load(window, SAMPLE)
    window.go(page)
    QApplication.processEvents()
    for area in window.navigator.currentWidget().findChildren(QAbstractScrollArea):
        if area.isVisible():
            assert area.verticalScrollBar().value() == 0, f"{page}: {type(area).__name__}"


def test_focus_samples_keeps_the_heading_in_view(make_window, qtbot) -> None:
    """Issue #14 "Screens": ``--samples`` focuses the first sample without scrolling the title away."""
    window = make_window(show=False, lang="da")
    window.fit_to_screen(NETBOOK)
    window.show()
    qtbot.waitExposed(window)
    start = window.navigator.page("start")
    qtbot.waitUntil(lambda: bool(start.sample_buttons))
    window.focus_samples()
    QApplication.processEvents()
    assert start.title.visibleRegion().boundingRect().height() == start.title.height()


def test_the_window_size_is_remembered(make_window, qtbot) -> None:
    """Issue #14 "Screens": the person's window size and position come back next time."""
    first = make_window(show=False)
    first.fit_to_screen(LAPTOP)
    first.show()
    qtbot.waitExposed(first)
    # Smaller than the offscreen test screen (800x600), which restoreGeometry clamps to.
    first.resize(760, 500)
    qtbot.waitUntil(lambda: first.width() == 760)
    first.close()
    assert first.context.settings.window_geometry

    second = make_window(show=False)
    second.fit_to_screen(LAPTOP)
    assert (second.width(), second.height()) == (760, 500)


def test_a_remembered_size_larger_than_this_screen_is_not_used(make_window, qtbot) -> None:
    """Issue #14 "Screens": a size saved on a big monitor must not push the window off a netbook."""
    first = make_window(show=False)
    first.setGeometry(QRect(40, 60, 1280, 800))
    first.close()
    second = make_window(show=False)
    second.fit_to_screen(NETBOOK)
    assert NETBOOK.contains(second.geometry())


def test_title_names_the_patient_and_xshare_once(window: MainWindow, load) -> None:
    """Issue #14 "Screens": the title is the open patient's name and "xShare", once.

    It ends with the application display name, so the window system does not append it again.
    """
    assert window.windowTitle() == "xShare"
    load(window, SAMPLE)
    name = window.context.document.patient_info.name
    assert window.windowTitle() == f"{name} – xShare"
    assert window.windowTitle().count("xShare") == 1
    window.close_document()
    assert window.windowTitle() == "xShare"
