"""Keyboard only: Tab reaches every step's next step, Return presses the focused button.

Issue #14 "Keyboard and focus"; WCAG 2.1.1 (everything operable from a keyboard) and 2.4.3
(focus order that preserves meaning).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from xshare_desktop.core.document import load_document
from xshare_desktop.core.shl import app_host
from xshare_desktop.gui.flow import ShareFlow

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "ips-karen-testesen.json"
MOST_TABS = 14  # past this many stops a keyboard user has lost the way


@pytest.fixture(autouse=True)
def _stop_link_host() -> Iterator[None]:
    yield
    app_host.stop_link_host()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def tab_to(qtbot, target: QWidget) -> int:  # type: ignore[no-untyped-def]
    """Press Tab until ``target`` has the focus; returns how many presses it took."""
    seen = []
    for presses in range(MOST_TABS + 1):
        if focused() is target:
            return presses
        seen.append(f"{type(focused()).__name__}#{focused().objectName()}")
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    raise AssertionError(f"{target.objectName()} not reached by Tab; went through {seen}")


def press_return(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(focused(), Qt.Key.Key_Return)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_share_flow_from_start_to_done_by_keyboard(
    qtbot, make_context, tmp_path: Path, lang: str
) -> None:
    context = make_context(lang=lang)
    document = load_document(SAMPLE)
    context.set_document(document)
    flow = ShareFlow(document, context=context)
    qtbot.addWidget(flow)
    flow.resize(1366, 768)
    flow.show()
    flow.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is flow, timeout=5_000)

    assert flow.step == "choose"
    assert tab_to(qtbot, flow.next_button) <= 5  # the issue: five Tabs never reached Next
    press_return(qtbot)

    assert flow.step == "how"
    assert focused() is flow.how.download_card
    tab_to(qtbot, flow.next_button)
    press_return(qtbot)

    assert flow.step == "options"
    folder = flow.options.folder_edit
    assert focused() is folder
    qtbot.keyClick(folder, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(folder, str(tmp_path))
    tab_to(qtbot, flow.next_button)
    press_return(qtbot)
    qtbot.waitUntil(lambda: flow.step == "preview" and not flow.is_busy, timeout=60_000)

    tab_to(qtbot, flow.share_button)
    press_return(qtbot)
    qtbot.waitUntil(lambda: flow.step == "done" and not flow.is_busy, timeout=60_000)
    names = [p.name for p in tmp_path.iterdir()]
    assert names, "the files were written"
    # Issue #14 "Words": the file names are in the person's language.
    prefix = "patientoversigt-delt-" if lang == "da" else "patient-summary-shared-"
    assert all(name.startswith(prefix) for name in names), names

    tab_to(qtbot, flow.finish_button)
    with qtbot.waitSignal(flow.finished, timeout=5_000):
        press_return(qtbot)


def test_the_flow_keeps_scroll_areas_out_of_the_tab_order(qtbot, make_context) -> None:
    """A scroll area as a Tab stop is an invisible stop: the focus seems lost for one press."""
    context = make_context()
    document = load_document(SAMPLE)
    flow = ShareFlow(document, context=context)
    qtbot.addWidget(flow)
    for page in flow.pages:
        assert page.scroll_area.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_return_on_the_yellow_share_button_opens_the_flow(window, load, qtbot) -> None:
    """Issue #14: Return on the focused yellow Share button did nothing."""
    load(window, SAMPLE)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    share = window.navigator.page("document").header.share_button
    share.setFocus()
    qtbot.keyClick(share, Qt.Key.Key_Return)
    assert window.navigator.current_name == "share"


@pytest.mark.parametrize("key", [Qt.Key.Key_Enter, Qt.Key.Key_Space])
def test_enter_and_space_press_a_focused_button(window, load, qtbot, key: Qt.Key) -> None:
    load(window, SAMPLE)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    home = window.app_bar.home
    home.setFocus()
    qtbot.keyClick(home, key)
    qtbot.waitUntil(lambda: window.navigator.current_name == "start")


def test_return_on_a_disabled_button_does_nothing(window, qtbot) -> None:
    clicks: list[bool] = []
    button = QPushButton("x", window)
    button.clicked.connect(lambda: clicks.append(True))
    button.setEnabled(False)
    qtbot.keyClick(button, Qt.Key.Key_Return)
    assert clicks == []


def test_every_menu_action_has_a_shortcut_or_a_mnemonic(window) -> None:
    """Issue #14: every action reachable from the keyboard, shortcuts shown in the menus."""
    for menu in (window.file_menu, window.help_menu, window.language_menu):
        for action in menu.actions():
            if action.isSeparator() or not action.text():
                continue
            assert (
                "&" in action.text()
                or not action.shortcut().isEmpty()
                or (action.text() in ("Dansk", "English"))
            ), action.text()
