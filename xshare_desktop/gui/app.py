"""The desktop app's entry point (``xshare-desktop``, or ``python -m xshare_desktop.gui.app``).

    xshare-desktop [--samples] [--lang da|en] [--booth] [FILE]

The first window must be up within a second, so everything heavy (the FHIR
models, the document core, feature views) is imported only when needed;
after the window is shown, the document core is warmed up in the background.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from xshare_desktop.gui import errors
from xshare_desktop.gui.context import AppContext
from xshare_desktop.gui.i18n import LANGUAGES, LanguageManager, startup_language
from xshare_desktop.gui.main_window import MainWindow
from xshare_desktop.gui.settings import Settings
from xshare_desktop.gui.style import apply_style

# Benchmarks set this to learn when the first window has been painted; the app
# then prints "first-window-shown <seconds since main()>" and quits.
EXIT_WHEN_SHOWN_ENV = "XSHARE_EXIT_WHEN_SHOWN"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="xshare-desktop",
        description="Open, read and share health documents with the xShare Yellow Button.",
    )
    parser.add_argument("file", nargs="?", type=Path, help="a health document to open")
    parser.add_argument("--samples", action="store_true", help="start at the sample-patient picker")
    parser.add_argument("--lang", choices=sorted(LANGUAGES), help="user interface language")
    parser.add_argument(
        "--booth", action="store_true", help="booth mode: full screen, large type, Start over"
    )
    return parser.parse_args(argv)


class _FirstPaint(QObject):
    """Prints when the main window is first painted, then quits (benchmarks only)."""

    def __init__(self, started: float) -> None:
        super().__init__()
        self._started = started
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            print(f"first-window-shown {time.perf_counter() - self._started:.4f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


def build(argv: list[str] | None = None) -> tuple[QApplication, MainWindow, argparse.Namespace]:
    args = parse_args(argv)
    app_instance = QApplication.instance()
    app = app_instance if isinstance(app_instance, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("xshare-desktop")
    app.setApplicationDisplayName("xShare")
    app.setOrganizationName("xshare-desktop")

    settings = Settings.load(parent=app)
    booth = bool(args.booth or settings.booth_mode)
    language = LanguageManager(app)
    language.set_language(startup_language(args.lang, settings.language, booth=booth))
    apply_style(app, booth=booth)
    context = AppContext(settings, language, booth=booth, parent=app)
    window = MainWindow(context)

    def start_over() -> None:
        from xshare_desktop.gui.booth import start_over as reset

        reset(window)

    context.reset_requested.connect(start_over)
    app.aboutToQuit.connect(_stop_background_work)
    return app, window, args


def _stop_background_work() -> None:
    from xshare_desktop.gui.worker import cancel_all_workers, wait_for_workers

    cancel_all_workers()
    wait_for_workers(5_000)


def show_privacy_warnings(window: MainWindow) -> None:
    """Say it when the data folder was open to other users of the computer (now made private)."""
    from xshare_desktop.core import paths

    if paths.privacy_warnings():
        window.banner.show_message(
            QCoreApplication.translate(
                "Privacy",
                "Your xShare data folder could be read by other users of this computer. It is "
                "private now, but links you shared before may have been copied: revoke the ones "
                "that matter under Shared links. The folder: %1",
            ).replace("%1", str(paths.data_dir())),
            kind="warning",
        )


def main(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    app, window, args = build(argv)
    errors.install_handlers(lambda: window.context.booth)

    if os.environ.get(EXIT_WHEN_SHOWN_ENV):
        watcher = _FirstPaint(started)
        window.installEventFilter(watcher)

    window.show_for_screen()
    show_privacy_warnings(window)

    if args.file is not None:
        window.open_path(args.file)
    elif args.samples:
        QTimer.singleShot(0, window.focus_samples)

    def warm_up() -> None:
        from xshare_desktop.gui.document_loader import warm_up as import_core
        from xshare_desktop.gui.worker import Worker

        Worker(import_core, progress_arg=False).start()

    if not os.environ.get(EXIT_WHEN_SHOWN_ENV):
        QTimer.singleShot(300, warm_up)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
