"""Readable in light and dark palettes, visible focus, sensible at 1366x768."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QLabel,
    QPushButton,
    QScrollBar,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from xshare_desktop.gui.style import (
    TOUCH_TARGET_PX,
    YELLOW,
    YELLOW_TEXT,
    contrast_ratio,
    dark_palette,
)

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = sorted((ROOT / "samples").glob("ips-*.json"))[0]


def _label_contrasts(window) -> list[tuple[str, float]]:  # type: ignore[no-untyped-def]
    results = []
    for label in window.findChildren(QLabel):
        if not label.isVisible() or not label.text().strip():
            continue
        palette = label.palette()
        fg = palette.color(QPalette.ColorGroup.Active, label.foregroundRole())
        # The label draws on whatever its parents paint: the window or a base-coloured frame.
        bg = window.palette().color(QPalette.ColorRole.Window)
        parent = label.parentWidget()
        while parent is not None:
            if parent.objectName() in ("PatientHeader",):
                bg = parent.palette().color(QPalette.ColorRole.Base)
                break
            parent = parent.parentWidget()
        results.append((label.text()[:40], contrast_ratio(fg, bg)))
    return results


@pytest.mark.parametrize(
    ("dark", "switch_while_running"),
    [(False, False), (True, False), (True, True)],
    ids=["light", "dark", "dark-switched-while-running"],
)
def test_text_is_readable(
    make_window, load, qapp, qtbot, dark: bool, switch_while_running: bool
) -> None:
    if dark and not switch_while_running:
        qapp.setPalette(dark_palette())
    window = make_window()
    load(window, SAMPLE)
    window.go("about")
    window.go("start")
    if switch_while_running:
        qapp.setPalette(dark_palette())
        qtbot.wait(10)
    for page in ("document", "start", "about"):
        window.go(page)
        low = [(text, round(ratio, 2)) for text, ratio in _label_contrasts(window) if ratio < 4.5]
        assert not low, f"{page}: text below WCAG AA contrast: {low}"
    window_bg = window.palette().color(QPalette.ColorRole.Window)
    text = window.palette().color(QPalette.ColorRole.WindowText)
    assert (window_bg.lightness() < 128) == dark
    assert contrast_ratio(text, window_bg) >= 7


def test_yellow_button_has_high_contrast() -> None:
    assert contrast_ratio(QColor(YELLOW), QColor(YELLOW_TEXT)) >= 7


def test_buttons_take_keyboard_focus(window) -> None:
    buttons = [b for b in window.findChildren(QPushButton) if b.isVisible()]
    assert buttons
    for button in buttons:
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus, button.objectName()
    window.app_bar.language.setFocus()
    assert window.app_bar.language.hasFocus() or not window.isActiveWindow()


def test_fits_1366x768_without_horizontal_scrolling(make_window, load) -> None:
    window = make_window(show=False)
    window.resize(1366, 768)
    window.show()
    assert window.width() <= 1366 and window.height() <= 768
    load(window, SAMPLE)
    for page in ("start", "document", "about"):
        window.go(page)
        for area in window.findChildren(QAbstractScrollArea):
            if area.isVisible():
                bar: QScrollBar = area.horizontalScrollBar()
                assert not bar.isVisible(), f"{page}: {area.objectName() or type(area).__name__}"


def test_narrative_goes_beside_the_entries_only_when_there_is_room(
    make_window, load, qtbot
) -> None:
    window = make_window(show=False)
    window.resize(1366, 768)
    window.show()
    load(window, SAMPLE)
    view = window.navigator.page("document")
    qtbot.waitUntil(lambda: view.detail_splitter.orientation() == Qt.Orientation.Vertical)
    window.resize(2400, 1200)
    wide_enough = (
        window.width() / view.fontMetrics().averageCharWidth() >= view.SIDE_BY_SIDE_MIN_CHARS
    )
    if wide_enough:  # the offscreen screen may be smaller than asked for
        qtbot.waitUntil(lambda: view.detail_splitter.orientation() == Qt.Orientation.Horizontal)


@pytest.mark.parametrize("booth", [False, True])
@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("English", "LanguageButton", "primary"),
        ("Opret min signeringsnøgle", "", ""),
        ("Åbn mappe", "", "primary"),
        ("Del", "YellowButton", ""),
        ("Vis detaljer", "", "link"),
    ],
)
def test_the_focus_ring_never_clips_the_text(
    make_context, qtbot, booth: bool, text: str, name: str, role: str
) -> None:
    """Issue #14: the focus ring is a thicker border; it must take its width from the padding.

    A focused button keeps the size it was laid out with (layouts do not re-measure on focus), so
    the content box must be the same focused and unfocused, and tall enough for "Å".
    """
    make_context(booth=booth)
    host = QWidget()
    qtbot.addWidget(host)
    button = QPushButton(text, host)
    button.setObjectName(name)
    if role:
        button.setProperty("role", role)
    other = QPushButton("x", host)
    other.move(0, 200)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is host, timeout=5_000)
    other.setFocus()
    unfocused = button.sizeHint()
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    button.style().unpolish(button)
    button.style().polish(button)
    assert button.sizeHint() == unfocused
    option = QStyleOptionButton()
    button.initStyleOption(option)
    option.rect = QRect(QPoint(0, 0), unfocused)
    contents = button.style().subElementRect(
        QStyle.SubElement.SE_PushButtonContents, option, button
    )
    metrics = button.fontMetrics()
    assert contents.height() >= metrics.height()
    assert contents.width() >= metrics.horizontalAdvance(text)


def test_booth_touch_targets_are_at_least_44_px(make_window, load, qtbot) -> None:
    """Issue #14 "Booth": touch targets at least 44 px (WCAG 2.5.5); indicators as big as the type."""
    window = make_window(booth=True, lang="da", show=False)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    load(window, SAMPLE)
    window.go("share")
    flow = window.navigator.page("share")
    flow.go_next()
    flow.go_next()
    for page in ("start", "document", "share"):
        window.go(page)
        QApplication.processEvents()
        controls = [w for w in window.findChildren(QAbstractButton) if w.isVisible()]
        assert controls, page
        for control in controls:
            assert control.height() >= TOUCH_TARGET_PX, (page, control.objectName(), control.text())
        for box in window.findChildren(QCheckBox):
            if box.isVisible():
                option = QStyleOptionButton()
                box.initStyleOption(option)
                indicator = box.style().subElementRect(
                    QStyle.SubElement.SE_CheckBoxIndicator, option, box
                )
                assert indicator.height() >= 24, box.text()
