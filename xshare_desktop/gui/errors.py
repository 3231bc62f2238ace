"""How the GUI shows errors (see conventions.md, "Errors have types").

- ``UserFacingError``: its message, calmly, in an inline banner of the window
  (or a message box when there is no banner), nothing lost.
- ``Cancelled``: nothing at all.
- Anything else is a bug: written with its traceback to the log file in
  ``paths.log_dir()`` and shown once per session in a crash dialog. Booth mode
  never shows the traceback.

``present(exc, widget)`` is what views call from a ``Worker.failed`` slot;
``install_handlers()`` routes uncaught exceptions and Qt's own warnings here.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMessageLogContext,
    Qt,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from xshare_desktop.core import paths
from xshare_desktop.core.errors import Cancelled, UserFacingError
from xshare_desktop.core.i18n import Message

log = logging.getLogger("xshare_desktop")

LOG_FILE_NAME = "xshare-desktop.log"


def log_file() -> Path:
    return paths.log_dir() / LOG_FILE_NAME


def setup_logging() -> Path:
    """Log to a small rotating file in the user data folder (never anywhere else)."""
    target = log_file()
    if not any(getattr(h, "baseFilename", None) == str(target) for h in log.handlers):
        handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    return target


class MessageBanner(QFrame):
    """An inline, dismissable message at the top of a window: calm, not a dialog."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MessageBanner")
        self.setFrameShape(QFrame.Shape.NoFrame)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 10, 10)
        self._label = QLabel()
        self._label.setWordWrap(True)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._label.setObjectName("MessageBannerText")
        layout.addWidget(self._label, 1)
        self._close = QPushButton()
        self._close.setObjectName("MessageBannerClose")
        self._close.clicked.connect(self.dismiss)
        layout.addWidget(self._close, 0, Qt.AlignmentFlag.AlignTop)
        self.setAccessibleName(QCoreApplication.translate("Errors", "Message"))
        self._retranslate()
        self.hide()

    def _retranslate(self) -> None:
        self._close.setText(QCoreApplication.translate("Errors", "Close"))
        self._close.setAccessibleName(QCoreApplication.translate("Errors", "Close message"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    @property
    def text(self) -> str:
        return self._label.text()

    def show_message(self, message: str, *, kind: str = "warning") -> None:
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self._label.setText(message)
        self._label.setAccessibleName(message)
        self.show()

    def dismiss(self) -> None:
        self.hide()
        self._label.clear()
        self.dismissed.emit()


def translated(message: Message) -> str:
    """A core message (marked where it was raised, core/i18n.py) in the interface language."""
    return message.translated(QCoreApplication.translate)


def message_text(exc: UserFacingError) -> str:
    """The error's own message, translated, without where it happened."""
    return translated(exc.text)


def describe(exc: BaseException) -> str:
    """One line for a status label: a core error translated (with its place), else its text."""
    if isinstance(exc, UserFacingError):
        text = message_text(exc)
        return f"{text} ({exc.where})" if exc.where else text
    return str(exc)


def user_message(exc: UserFacingError) -> str:
    text = message_text(exc)
    if exc.where:
        return (
            QCoreApplication.translate("Errors", "%1\n(Where: %2)")
            .replace("%1", text)
            .replace("%2", exc.where)
        )
    return text


_open_boxes: set[QMessageBox] = set()


def _keep_until_closed(box: QMessageBox) -> None:
    """A box without a parent would be garbage-collected the moment we return."""
    _open_boxes.add(box)
    box.finished.connect(lambda _result: _open_boxes.discard(box))


def present(exc: BaseException, widget: QWidget | None = None) -> None:
    """Show ``exc`` the way its type calls for."""
    if isinstance(exc, Cancelled):
        return
    if isinstance(exc, UserFacingError):
        window = widget.window() if widget is not None else None
        banner = window.findChild(MessageBanner) if window is not None else None
        if banner is not None:
            banner.show_message(user_message(exc))
            return
        box = QMessageBox(widget)
        _keep_until_closed(box)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(QCoreApplication.translate("Errors", "Could not finish"))
        box.setText(user_message(exc))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return
    crash_reporter.report(type(exc), exc, exc.__traceback__)


class CrashReporter:
    """Logs every unexpected exception; shows the first of a session in a dialog."""

    def __init__(self) -> None:
        self.booth_mode: Callable[[], bool] = lambda: False
        self.dialog_shown = False
        self.reported = 0

    def report(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        self.reported += 1
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("Unexpected error:\n%s", text)
        if self.dialog_shown or QApplication.instance() is None:
            return
        self.dialog_shown = True
        box = QMessageBox(QApplication.activeWindow())
        _keep_until_closed(box)
        box.setObjectName("CrashDialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("Errors", "Something went wrong"))
        box.setText(
            QCoreApplication.translate(
                "Errors", "Something unexpected happened. Your documents have not been changed."
            )
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "Errors", "A note about it was written to the log file:\n%1"
            ).replace("%1", str(log_file()))
        )
        if not self.booth_mode():
            box.setDetailedText(text)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


crash_reporter = CrashReporter()


def _excepthook(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if isinstance(exc, UserFacingError | Cancelled):
        present(exc, QApplication.activeWindow())
        return
    crash_reporter.report(exc_type, exc, tb)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        text = "".join(
            traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)
        )
        log.error("Unexpected error in a background thread:\n%s", text)


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message_handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    log.log(_QT_LEVELS.get(mode, logging.WARNING), "Qt: %s", message)


def install_handlers(booth_mode: Callable[[], bool]) -> None:
    """Route uncaught exceptions and Qt messages to the log and the crash dialog."""
    setup_logging()
    crash_reporter.booth_mode = booth_mode
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook
    qInstallMessageHandler(_qt_message_handler)
