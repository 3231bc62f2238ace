"""Errors by type: calm banner for UserFacingError, silence for Cancelled, log + one dialog for bugs."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from xshare_desktop.core.errors import Cancelled, UserFacingError
from xshare_desktop.gui import errors


def _visible_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


@pytest.fixture()
def reporter(monkeypatch):  # type: ignore[no-untyped-def]
    fresh = errors.CrashReporter()
    monkeypatch.setattr(errors, "crash_reporter", fresh)
    errors.setup_logging()
    yield fresh
    for handler in list(errors.log.handlers):
        errors.log.removeHandler(handler)
        handler.close()
    for box in _visible_boxes():
        box.close()


def test_user_facing_error_goes_to_the_banner(window) -> None:
    errors.present(UserFacingError("The file is not a health document.", where="line 3"), window)
    assert window.banner.isVisible()
    assert "not a health document" in window.banner.text
    assert "line 3" in window.banner.text
    window.banner.dismiss()
    assert not window.banner.isVisible()


def test_user_facing_error_without_banner_uses_a_message_box(qtbot, reporter) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    errors.present(UserFacingError("Wrong passcode."), parent)
    boxes = _visible_boxes()
    assert [b.text() for b in boxes] == ["Wrong passcode."]
    assert reporter.reported == 0


def test_cancelled_is_silent(window, reporter) -> None:
    errors.present(Cancelled(), window)
    assert not window.banner.isVisible()
    assert not _visible_boxes()
    assert reporter.reported == 0


def test_bugs_are_logged_and_shown_once(window, reporter) -> None:
    for n in range(3):
        try:
            raise ValueError(f"bug number {n}")
        except ValueError as exc:
            errors.present(exc, window)
    boxes = [b for b in _visible_boxes() if b.objectName() == "CrashDialog"]
    assert len(boxes) == 1
    assert "bug number 0" in boxes[0].detailedText()  # not booth: details available
    assert reporter.reported == 3
    for handler in errors.log.handlers:
        handler.flush()
    logged = errors.log_file().read_text(encoding="utf-8")
    assert all(f"bug number {n}" in logged for n in range(3))
    assert "Traceback" in logged


def test_excepthook_routes_uncaught_errors(window, reporter) -> None:
    try:
        raise KeyError("uncaught")
    except KeyError as exc:
        errors._excepthook(type(exc), exc, exc.__traceback__)
    assert reporter.reported == 1
    try:
        raise UserFacingError("calm words")
    except UserFacingError as exc:
        errors._excepthook(type(exc), exc, exc.__traceback__)
    assert reporter.reported == 1


def test_qt_messages_are_logged(caplog) -> None:
    from PySide6.QtCore import QtMsgType

    with caplog.at_level(logging.WARNING, logger="xshare_desktop"):
        errors._qt_message_handler(QtMsgType.QtWarningMsg, None, "a Qt warning")  # type: ignore[arg-type]
    assert "a Qt warning" in caplog.text
