"""The main window: composes the app bar, a message banner, the pages and a loading bar.

It owns no feature logic: pages live in ``gui/views``, loading in
``DocumentLoader``, booth reset in ``gui/booth.py``.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QRect, QUrl
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QVBoxLayout, QWidget

from xshare_desktop.gui import errors
from xshare_desktop.gui.context import AppContext
from xshare_desktop.gui.document_loader import DocumentLoader
from xshare_desktop.gui.formatting import document_kind_label
from xshare_desktop.gui.i18n import LANGUAGES
from xshare_desktop.gui.navigation import Navigator, available_plugins
from xshare_desktop.gui.print_export import PrintAndExport
from xshare_desktop.gui.samples import list_samples
from xshare_desktop.gui.views.start_view import StartView
from xshare_desktop.gui.window_parts import (
    MINIMUM_SIZE,
    PREFERRED_SIZE,
    AppBar,
    LoadingBar,
    initial_geometry,
)

DOCUMENT_SUFFIXES = (".json", ".xml")


def xml_supported() -> bool:
    try:
        return importlib.util.find_spec("xshare_desktop.core.fhir_xml") is not None
    except (ImportError, ValueError):
        return False


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("MainWindow")
        self.setAcceptDrops(True)
        self.setMinimumSize(MINIMUM_SIZE)
        self.resize(PREFERRED_SIZE)
        self.start_maximised = False

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.app_bar = AppBar()
        self.banner = errors.MessageBanner()
        banner_box = QVBoxLayout()
        banner_box.setContentsMargins(16, 8, 16, 0)
        banner_box.addWidget(self.banner)
        self.navigator = Navigator(context)
        self.loading = LoadingBar()
        layout.addWidget(self.app_bar)
        layout.addLayout(banner_box)
        layout.addWidget(self.navigator, 1)
        layout.addWidget(self.loading)
        self.setCentralWidget(central)

        self.navigator.register("start", lambda: StartView(context))
        self.navigator.register("document", self._make_document_view)
        self.navigator.register("about", self._make_about_view)
        self.navigator.register("help", self._make_help_view)
        self.navigator.page_changed.connect(self._page_changed)

        self.loader = DocumentLoader(self)
        self.loader.started.connect(self._loading_started)
        self.loader.progress.connect(
            lambda done, total, _text: self.loading.set_progress(done, total)
        )
        self.loader.loaded.connect(self._document_loaded)
        self.loader.checked.connect(self._document_checked)
        self.loader.failed.connect(lambda exc: errors.present(exc, self))
        self.loader.finished.connect(self.loading.hide)
        self.loading.cancel_clicked.connect(self.loader.cancel)

        context.navigate_requested.connect(self.go)
        context.open_path_requested.connect(self.open_path)
        context.open_dialog_requested.connect(self.choose_file)
        context.help_requested.connect(self.show_help)
        context.document_changed.connect(lambda _doc: self._update_actions())
        context.document_changed.connect(lambda _doc: self._update_title())
        context.settings.changed.connect(self._setting_changed)
        context.language.language_changed.connect(lambda _code: self._sync_language_actions())

        self.app_bar.home.clicked.connect(lambda: self.go("start"))
        self.app_bar.back.clicked.connect(self.navigator.back)
        self.app_bar.language.clicked.connect(self._toggle_language)
        self.app_bar.reset.clicked.connect(context.request_reset)
        self.app_bar.reset.setVisible(context.booth)

        self.print_export = PrintAndExport(context, self.banner, self)
        self._build_menus()
        self.retranslate()
        self.go("start")
        if context.booth:
            self.menuBar().hide()
        else:
            self.fit_to_screen()

    # -- screen -------------------------------------------------------------------------------
    def fit_to_screen(self, available: QRect | None = None) -> None:
        """Open where the person left the window, else sized to the screen (maximised on large ones).

        ``available`` is the screen's usable area (without panels); by default the primary
        screen's. A remembered geometry is used only if it still fits that area.
        """
        if available is None:
            screen = self.screen() or QGuiApplication.primaryScreen()
            if screen is None:
                return
            available = screen.availableGeometry()
        saved = self.context.settings.window_geometry
        restored = bool(saved) and self.restoreGeometry(QByteArray.fromBase64(saved.encode()))
        if restored and (available.contains(self.frameGeometry()) or self.isMaximized()):
            self.start_maximised = self.isMaximized()
            return
        rect, maximise = initial_geometry(available)
        self.setMinimumSize(MINIMUM_SIZE.boundedTo(rect.size()))
        self.setGeometry(rect)
        self.start_maximised = maximise

    def show_for_screen(self) -> None:
        """Show the window the way ``fit_to_screen`` decided (booth: full screen)."""
        if self.context.booth:
            self.showFullScreen()
        elif self.start_maximised:
            self.showMaximized()
        else:
            self.show()

    # -- pages --------------------------------------------------------------------------------
    def _make_document_view(self) -> QWidget:
        from xshare_desktop.gui.views.document_view import DocumentView

        return DocumentView(self.context)

    def _make_about_view(self) -> QWidget:
        from xshare_desktop.gui.views.about_view import AboutView

        return AboutView(self.context)

    def _make_help_view(self) -> QWidget:
        from xshare_desktop.gui.views.help_view import HelpView

        return HelpView(self.context)

    def show_help(self, topic: str = "") -> None:
        """The help page, opened at ``topic`` or at what the person is doing now."""
        current = self.navigator.current_name or "start"
        if not topic:
            topic = current
            if current == "share":
                topic = getattr(self.navigator.page("share"), "step", "choose")
            elif current in ("received", "open_link"):
                topic = "received"
        self.go("help")
        page = self.navigator.page("help")
        show_topic = getattr(page, "show_topic", None)
        if callable(show_topic):
            show_topic(topic)

    def go(self, name: str) -> None:
        if name == "share" and self.context.received is not None:
            self.banner.show_message(
                self.tr(
                    "This document was shared with you. The Yellow Button shares your own "
                    "documents; you can print or save this one."
                ),
                kind="info",
            )
            return
        if not self.navigator.can_show(name):
            if name in ("document", "share"):
                self.banner.show_message(self.tr("Open a document first."), kind="info")
            return
        self.banner.dismiss()
        self.navigator.show_page(name)

    def _page_changed(self, name: str) -> None:
        # At the booth "Start forfra" is the way home; a "Start" beside it reads as the same thing.
        self.app_bar.home.setVisible(name != "start" and not self.context.booth)
        self.app_bar.back.setVisible(name not in ("start", "document"))
        self._update_actions()

    def focus_samples(self) -> None:
        """The sample-patient picker: the start page with the first sample focused."""
        self.go("start")
        start = self.navigator.page("start")
        buttons = getattr(start, "sample_buttons", [])
        if buttons:
            buttons[0].setFocus()

    # -- opening documents --------------------------------------------------------------------
    def choose_file(self) -> None:
        patterns = "*.json *.xml" if xml_supported() else "*.json"
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a health document"),
            str(Path.home()),
            self.tr("Health documents (%1)").replace("%1", patterns)
            + ";;"
            + self.tr("All files (*)"),
        )
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> None:
        self.banner.dismiss()
        self.loader.load(path)

    def _loading_started(self, name: str) -> None:
        self.loading.label.setText(self.tr("Opening %1…").replace("%1", name))
        self.loading.set_progress(0, 0)
        self.loading.show()

    def _document_loaded(self, document: Any) -> None:
        source = getattr(document, "source", None)
        if source is not None and not self.context.booth:
            self.context.settings.add_recent_file(source)
        self.context.show_document(document)
        self.loader.check(document)

    def _document_checked(self, document: Any) -> None:
        if document is not self.context.document:
            return
        view = self.navigator.page("document")
        refresh = getattr(view, "refresh_issues", None)
        if callable(refresh):
            refresh()

    def close_document(self) -> None:
        self.loader.cancel_check()
        self.context.set_document(None)
        self.go("start")

    # -- drag and drop --------------------------------------------------------------------------
    @staticmethod
    def _dropped_path(event: QDragEnterEvent | QDropEvent) -> Path | None:
        mime = event.mimeData()
        if not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile():
                return Path(url.toLocalFile())
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_path(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_path(event)
        if path is not None:
            event.acceptProposedAction()
            self.open_path(path)

    # -- menus ------------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.open_action = QAction(self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.choose_file)
        self.recent_menu = QMenu(self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.close_action = QAction(self)
        self.close_action.setShortcut(QKeySequence.StandardKey.Close)
        self.close_action.triggered.connect(self.close_document)
        self.print_action = QAction(self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(self.print_export.print_summary)
        self.export_action = QAction(self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.print_export.export_document)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.open_action)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addAction(self.close_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.print_action)
        self.file_menu.addAction(self.export_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.samples_menu = bar.addMenu("")
        self.samples_menu.aboutToShow.connect(self._fill_samples_menu)

        self.tools_menu = bar.addMenu("")
        self.tool_actions: dict[str, QAction] = {}
        for spec in available_plugins():
            action = QAction(self)
            action.triggered.connect(lambda _=False, name=spec.name: self.go(name))
            self.tools_menu.addAction(action)
            self.tool_actions[spec.name] = action
        self.tools_menu.menuAction().setVisible(bool(self.tool_actions))

        self.language_menu = bar.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, label in LANGUAGES.items():
            action = QAction(label, self)  # language names are written in their own language
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

        self.help_menu = bar.addMenu("")
        self.help_action = QAction(self)
        self.help_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.help_action.triggered.connect(lambda: self.show_help())
        self.xshare_action = QAction(self)
        self.xshare_action.triggered.connect(self._open_xshare_site)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(lambda: self.go("about"))
        self.help_menu.addAction(self.help_action)
        self.help_menu.addAction(self.xshare_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)
        self._sync_language_actions()
        self._update_actions()

    def _open_xshare_site(self) -> None:
        from xshare_desktop.gui.views.help_view import XSHARE_URL

        QDesktopServices.openUrl(QUrl(XSHARE_URL))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = [] if self.context.booth else self.context.settings.recent_files
        for path_text in recent:
            action = self.recent_menu.addAction(Path(path_text).name)
            action.setToolTip(path_text)
            action.triggered.connect(lambda _=False, p=path_text: self.open_path(Path(p)))
        if not recent:
            empty = self.recent_menu.addAction(self.tr("No recent files"))
            empty.setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction(self.tr("Clear the list"))
            clear.triggered.connect(lambda: self.context.settings.reset("recent_files"))

    def _fill_samples_menu(self) -> None:
        self.samples_menu.clear()
        samples = list_samples()
        for sample in samples:
            action = self.samples_menu.addAction(
                f"{sample.patient_name} · {document_kind_label(sample.kind)}"
            )
            action.triggered.connect(lambda _=False, p=sample.path: self.open_path(p))
        if not samples:
            self.samples_menu.addAction(self.tr("No sample patients found")).setEnabled(False)

    def _update_actions(self) -> None:
        has_document = self.context.document is not None
        for action in (self.close_action, self.print_action, self.export_action):
            action.setEnabled(has_document)
        for name, action in self.tool_actions.items():
            action.setEnabled(self.navigator.can_show(name))

    def _sync_language_actions(self) -> None:
        code = self.context.language.code
        if code in self.language_actions:
            self.language_actions[code].setChecked(True)

    # -- language ---------------------------------------------------------------------------------
    def set_language(self, code: str) -> None:
        if code == self.context.language.code:
            return
        self.context.language.set_language(code)
        if not self.context.booth:
            self.context.settings.language = code

    def _toggle_language(self) -> None:
        self.set_language("en" if self.context.language.code == "da" else "da")

    def _setting_changed(self, name: str) -> None:
        if name == "language" and self.context.settings.language in LANGUAGES:
            self.context.language.set_language(self.context.settings.language)

    def _update_title(self) -> None:
        # Ends with the application display name, so the window system does not append it again.
        info = getattr(self.context.document, "patient_info", None)
        name = getattr(info, "name", "") or ""
        self.setWindowTitle(f"{name} – xShare" if name else "xShare")

    def retranslate(self) -> None:
        self._update_title()
        bar = self.app_bar
        bar.title.setText(self.tr("xShare · Yellow Button"))
        bar.home.setText(self.tr("Start"))
        bar.home.setAccessibleName(self.tr("Go to the start page"))
        bar.back.setText(self.tr("Back"))
        bar.back.setAccessibleName(self.tr("Go back"))
        other = "en" if self.context.language.code == "da" else "da"
        bar.language.setText(LANGUAGES[other])
        bar.language.setAccessibleName(
            self.tr("Change language to %1").replace("%1", LANGUAGES[other])
        )
        bar.reset.setText(self.tr("Start over"))
        bar.reset.setAccessibleName(
            self.tr("Start over: forget everything and return to the start")
        )
        self.loading.cancel.setText(self.tr("Cancel"))
        self.loading.cancel.setAccessibleName(self.tr("Cancel opening the document"))
        self.file_menu.setTitle(self.tr("&File"))
        self.open_action.setText(self.tr("&Open…"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.close_action.setText(self.tr("&Close document"))
        self.quit_action.setText(self.tr("&Quit"))
        self.samples_menu.setTitle(self.tr("&Samples"))
        self.tools_menu.setTitle(self.tr("&Tools"))
        for name, action in self.tool_actions.items():
            spec = next(s for s in available_plugins() if s.name == name)
            action.setText(spec.title())
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About and privacy"))
        self.help_action.setText(self.tr("&How this works"))
        self.xshare_action.setText(self.tr("&What is xShare? (web page)"))
        self.print_action.setText(self.tr("&Print…"))
        self.export_action.setText(self.tr("&Export…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.loader.cancel()
        self.loader.cancel_check()
        if not self.context.booth:
            self.context.settings.window_geometry = bytes(
                self.saveGeometry().toBase64().data()
            ).decode()
        super().closeEvent(event)
