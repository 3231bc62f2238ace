"""Shared links: run the link host, create SMART Health Links, show their QR code, revoke them.

The link host is the app's one host (``core.delivery``), which the share wizard
also starts; ``LinkHostController`` shows and steers it. It binds 127.0.0.1 unless
the person turns on "local network" (for a phone at the booth) and confirms the
warning. Creating a link (scrypt, encryption) runs on a worker.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QDateTime, QEvent, QLocale, QObject, QSize, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication, QPalette, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from xshare_desktop.core import delivery
from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.shl import provider, qr
from xshare_desktop.core.shl.content import share_files_from_paths
from xshare_desktop.core.shl.store import LinkStatus
from xshare_desktop.gui import errors
from xshare_desktop.gui.context import AppContext
from xshare_desktop.gui.local_network import confirm_local_network
from xshare_desktop.gui.style import set_heading
from xshare_desktop.gui.widgets import MutedLabel, action_button, button_row
from xshare_desktop.gui.worker import Worker
from xshare_desktop.render.qr_pdf import save_qr

# Expiry choices offered: seconds, or None for "no expiry".
EXPIRY_CHOICES: list[int | None] = [3600, 86400, 7 * 86400, 30 * 86400, None]
DEFAULT_EXPIRY_INDEX = 2
QR_PREFERRED_PIXELS = 372
QR_MINIMUM_PIXELS = 220


def _forward_host_changes(controller: weakref.ref[LinkHostController]) -> Callable[[], None]:
    """A listener for the app's link host that outlives neither the controller nor its C++ side."""

    def forward() -> None:
        target = controller()
        if target is None:
            return
        try:
            # Queued to the GUI thread when the wizard's worker started the host.
            target.state_changed.emit()
        except RuntimeError:  # the Qt object is already gone
            pass

    return forward


class LinkHostController(QObject):
    """The page's handle on the app's one link host (``core.delivery``), which the wizard uses too.

    It starts, restarts (on this computer or the local network) and stops that host, and
    emits ``state_changed`` whenever anyone does, so the page always shows the truth.
    """

    state_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        listener = _forward_host_changes(weakref.ref(self))
        delivery.add_link_host_listener(listener)
        self.destroyed.connect(partial(delivery.remove_link_host_listener, listener))

    @property
    def running(self) -> bool:
        return delivery.link_host_state().running

    @property
    def base_url(self) -> str | None:
        return delivery.link_host_state().base_url

    @property
    def local_network(self) -> bool:
        return delivery.link_host_state().local_network

    def start(self, *, local_network: bool = False) -> str:
        """Start (or move) the host; returns the base URL links will carry."""
        return delivery.start_link_host(local_network=local_network)

    def stop(self) -> None:
        delivery.stop_link_host()


def _start_host(local_network: bool, *, progress: Any) -> str:
    """Start (or move) the app's link host: binding the port and probing that it answers take
    a moment, so this runs on a worker; the page learns the new state from the host's listener."""
    return delivery.start_link_host(local_network=local_network)


def _create_link(
    paths: list[str],
    options: provider.LinkOptions,
    base_url: str | None,
    local_network: bool,
    *,
    progress: Any,
) -> tuple[str, str]:
    if base_url is None:  # no host yet: start it here, off the GUI thread, then publish on it
        base_url = _start_host(local_network, progress=progress)
    progress.step(0, 2, "")
    files = share_files_from_paths(list(paths))
    progress.step(1, 2, "")
    record, uri = provider.create_link(files, options, base_url)
    return record.id, uri


def _update_link(link_id: str, paths: list[str], *, progress: Any) -> str:
    record = provider.update_link(link_id, share_files_from_paths(list(paths)))
    return record.id


def _save_qr(uri: str, path: Path, lang: str, *, progress: Any) -> Path:
    return save_qr(uri, path, lang=lang)


def format_moment(ts: float) -> str:
    """A moment in local time, written the way the chosen language writes it."""
    moment = QDateTime.fromSecsSinceEpoch(int(ts)).toLocalTime()
    locale = QLocale()
    if locale.language() == QLocale.Language.Danish:
        return locale.toString(moment, "d. MMM yyyy 'kl.' HH.mm")
    return locale.toString(moment, "d MMM yyyy, HH:mm")


# Status colours with enough contrast on a light and on a dark window (WCAG AA for text).
_TONES = {
    "ok": ("#2b7a3b", "#69db7c"),
    "error": ("#a4161a", "#ff8787"),
    "warning": ("#b35c00", "#ffc078"),
    "idle": ("#8a8a8a", "#a0a0a0"),
}


def tone_colour(tone: str) -> str:
    """The colour for a status ("ok", "error", "warning", "idle") on the current palette."""
    window = QApplication.palette().color(QPalette.ColorRole.Window)
    light, dark = _TONES[tone]
    return dark if window.lightness() < 128 else light


def _loopback_only(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    return host in ("127.0.0.1", "localhost", "::1")


def _section(title_role: int = 2) -> tuple[QFrame, QVBoxLayout, QLabel]:
    """A framed panel with a heading: reads as one thing, unlike a bare group box title."""
    frame = QFrame()
    frame.setObjectName("LinkPanel")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 12, 16, 14)
    layout.setSpacing(8)
    heading = QLabel()
    set_heading(heading, title_role)
    layout.addWidget(heading)
    return frame, layout, heading


class QrCodeLabel(QLabel):
    """The link's QR code as large as its space allows, every module the same whole number of pixels.

    Scaling by a whole factor without smoothing keeps the squares sharp and equal, which
    phone cameras read best; the code shrinks on small screens or in booth type instead of
    being cut off.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._code: QPixmap | None = None
        self.uri: str | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(QR_MINIMUM_PIXELS, QR_MINIMUM_PIXELS)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(QR_PREFERRED_PIXELS, QR_PREFERRED_PIXELS)

    def set_uri(self, uri: str | None) -> None:
        self.uri = uri
        self._code = None
        if uri is not None:
            self._code = QPixmap()
            self._code.loadFromData(qr.png_bytes(uri, scale=1, border=4))
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self._code is None or self._code.isNull():
            self.clear()
            return
        modules = self._code.width()
        factor = max(1, min(self.width(), self.height()) // modules)
        self.setPixmap(
            self._code.scaled(
                modules * factor,
                modules * factor,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.FastTransformation,
            )
        )


PANEL_STYLE = """
QFrame#LinkPanel, QFrame#QrPlaceholder {
    border: 1px solid palette(mid); border-radius: 10px; background: palette(base);
}
QFrame#QrPlaceholder { border-style: dashed; }
QFrame#LinkPanel QLabel, QFrame#QrPlaceholder QLabel { background: transparent; border: none; }
QPushButton[role="primary"]:disabled { color: palette(dark); background: palette(window); }
"""


class LinkView(QWidget):
    close_requested = Signal()
    link_created = Signal(str)  # link id

    def __init__(self, context: AppContext | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.host = LinkHostController(self)
        self.host.state_changed.connect(self._show_host_state)
        self._summaries: list[provider.LinkSummary] = []
        self._worker: Worker | None = None
        self._qr_worker: Worker | None = None  # saving a QR code, beside creating a link
        self._host_worker: Worker | None = None  # starting the link host
        self.setStyleSheet(PANEL_STYLE)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 12, 24, 12)
        outer.setSpacing(8)
        self.title = QLabel()
        set_heading(self.title, 1)
        self.intro = MutedLabel()
        outer.addWidget(self.title)
        outer.addWidget(self.intro)

        columns = QHBoxLayout()
        columns.setSpacing(16)
        outer.addLayout(columns, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        left_layout.setSpacing(12)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(left)
        self._left_scroll = scroll
        columns.addWidget(scroll, 11)

        left_layout.addWidget(self._build_host_panel())
        left_layout.addWidget(self._build_create_panel())
        left_layout.addWidget(self._build_links_panel())
        left_layout.addStretch(1)
        columns.addWidget(self._build_link_card(), 12)

        if context is not None:
            context.document_changed.connect(lambda _document: self._options_changed())
        self.retranslate()

    def _build_host_panel(self) -> QFrame:
        """The link host: whether anyone can fetch links now, start/stop, local network."""
        self.host_box, host_layout, self.host_heading = _section()
        status_row = QHBoxLayout()
        self.host_light = QLabel()
        self.host_light.setObjectName("HostLight")
        self.host_light.setFixedSize(16, 16)
        self.host_status = QLabel()
        self.host_status.setObjectName("HostStatus")
        self.host_status.setWordWrap(True)
        status_font = QFont(self.host_status.font())
        status_font.setBold(True)
        self.host_status.setFont(status_font)
        status_row.addWidget(self.host_light, 0, Qt.AlignmentFlag.AlignVCenter)
        status_row.addWidget(self.host_status, 1)
        self.host_address = MutedLabel()
        self.host_address.setObjectName("HostAddress")
        self.host_address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.host_button = action_button("HostStartStop", self.toggle_host)
        self.lan_check = QCheckBox()
        self.lan_check.setObjectName("LocalNetwork")
        self.lan_check.toggled.connect(self._lan_toggled)
        self.lan_warning = MutedLabel()
        self.lan_warning.setObjectName("LocalNetworkWarning")
        host_layout.addLayout(status_row)
        host_layout.addWidget(self.host_address)
        host_controls = QHBoxLayout()
        host_controls.addWidget(self.host_button)
        host_controls.addWidget(self.lan_check, 1)
        host_layout.addLayout(host_controls)
        host_layout.addWidget(self.lan_warning)
        return self.host_box

    def _build_create_panel(self) -> QFrame:
        """What to share and how: files, label, passcode, expiry, kind, viewer."""
        self.create_box, create_layout, self.create_heading = _section()
        self.files_list = QListWidget()
        self.files_list.setObjectName("LinkFiles")
        self.files_empty = MutedLabel()
        self.files_empty.setObjectName("LinkFilesEmpty")
        self.add_document_button = action_button("AddOpenDocument", self.add_open_document)
        self.add_files_button = action_button("AddFiles", self.choose_files)
        self.clear_files_button = action_button("ClearFiles", self.clear_files)
        file_buttons = button_row(
            self.add_document_button, self.add_files_button, self.clear_files_button
        )
        create_layout.addWidget(self.files_empty)
        create_layout.addWidget(self.files_list)
        create_layout.addLayout(file_buttons)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.label_edit = QLineEdit()
        self.label_edit.setObjectName("LinkLabel")
        self.label_edit.setMaxLength(80)
        self.passcode_check = QCheckBox()
        self.passcode_check.setObjectName("UsePasscode")
        self.passcode_edit = QLineEdit()
        self.passcode_edit.setObjectName("LinkPasscode")
        self.passcode_edit.setEnabled(False)
        self.passcode_check.toggled.connect(self.passcode_edit.setEnabled)
        self.passcode_check.toggled.connect(self._options_changed)
        self.passcode_edit.textChanged.connect(self._options_changed)
        self.expiry_combo = QComboBox()
        self.expiry_combo.setObjectName("LinkExpiry")
        self.once_check = QCheckBox()
        self.once_check.setObjectName("OneTime")
        self.long_term_check = QCheckBox()
        self.long_term_check.setObjectName("LongTerm")
        self.single_check = QCheckBox()
        self.single_check.setObjectName("SingleFile")
        for check in (self.once_check, self.long_term_check, self.single_check):
            check.toggled.connect(self._options_changed)
        self.viewer_edit = QLineEdit()
        self.viewer_edit.setObjectName("ViewerUrl")
        self.label_label = QLabel()
        self.passcode_label = QLabel()
        self.expiry_label = QLabel()
        self.viewer_label = QLabel()
        self.kind_label = QLabel()
        passcode_row = QHBoxLayout()
        passcode_row.addWidget(self.passcode_check)
        passcode_row.addWidget(self.passcode_edit, 1)
        kinds = QVBoxLayout()
        kinds.setSpacing(4)
        for check in (self.once_check, self.long_term_check, self.single_check):
            kinds.addWidget(check)
        form.addRow(self.label_label, self.label_edit)
        form.addRow(self.passcode_label, passcode_row)
        form.addRow(self.expiry_label, self.expiry_combo)
        form.addRow(self.kind_label, kinds)
        form.addRow(self.viewer_label, self.viewer_edit)
        create_layout.addLayout(form)
        create_row = QHBoxLayout()
        self.create_button = action_button("CreateLink", self.create_link)
        self.create_button.setProperty("role", "primary")
        self.create_reason = MutedLabel()
        self.create_reason.setObjectName("CreateReason")
        create_row.addWidget(self.create_button)
        create_row.addWidget(self.create_reason, 1)
        self.create_status = QLabel()
        self.create_status.setObjectName("CreateStatus")
        self.create_status.setWordWrap(True)
        self.create_status.setVisible(False)
        create_layout.addLayout(create_row)
        create_layout.addWidget(self.create_status)
        return self.create_box

    def _build_links_panel(self) -> QFrame:
        """Every link made on this computer, newest first."""
        self.links_box, links_layout, self.links_heading = _section()
        self.links_table = QTableWidget(0, 4)
        self.links_table.setObjectName("LinksTable")
        self.links_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.links_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.links_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.links_table.verticalHeader().setVisible(False)
        self.links_table.setMinimumHeight(150)
        header = self.links_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.links_table.itemSelectionChanged.connect(self._show_selected)
        self.links_empty = MutedLabel()
        self.links_empty.setObjectName("LinksEmpty")
        links_layout.addWidget(self.links_empty)
        links_layout.addWidget(self.links_table)
        return self.links_box

    def _build_link_card(self) -> QStackedWidget:
        """The selected link: a big QR code, what it does, actions, who fetched it."""
        self.link_card, card_layout, self.link_heading = _section(2)
        self.link_heading.setObjectName("SelectedLinkTitle")
        self.link_heading.setWordWrap(True)
        qr_row = QHBoxLayout()
        qr_row.setSpacing(16)
        self.qr_label = QrCodeLabel()
        self.qr_label.setObjectName("LinkQr")
        facts = QVBoxLayout()
        facts.setSpacing(6)
        self.fact_status = QLabel()
        self.fact_status.setObjectName("LinkFactStatus")
        self.fact_expiry = QLabel()
        self.fact_expiry.setObjectName("LinkFactExpiry")
        self.fact_passcode = QLabel()
        self.fact_passcode.setObjectName("LinkFactPasscode")
        self.fact_reach = QLabel()
        self.fact_reach.setObjectName("LinkFactReach")
        self.fact_fetched = QLabel()
        self.fact_fetched.setObjectName("LinkFactFetched")
        for fact in (
            self.fact_status,
            self.fact_expiry,
            self.fact_passcode,
            self.fact_reach,
            self.fact_fetched,
        ):
            fact.setWordWrap(True)
            facts.addWidget(fact)
        facts.addStretch(1)
        self.update_button = action_button("UpdateLink", self.choose_update_files)
        self.revoke_button = action_button("RevokeLink", self.revoke_selected)
        self.manage_reason = MutedLabel()
        self.manage_reason.setObjectName("ManageReason")
        for widget in (self.update_button, self.revoke_button):
            facts.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
        facts.addWidget(self.manage_reason)
        qr_row.addWidget(self.qr_label, 3)
        qr_row.addLayout(facts, 2)
        self.uri_edit = QLineEdit()
        self.uri_edit.setObjectName("LinkUri")
        self.uri_edit.setReadOnly(True)
        actions = QHBoxLayout()
        self.copy_button = action_button("CopyLink", self.copy_link)
        self.save_qr_label = QLabel()
        self.png_button = QPushButton("PNG")
        self.png_button.setObjectName("SaveQrPng")
        self.png_button.clicked.connect(lambda: self.choose_qr_export(".png"))
        self.svg_button = QPushButton("SVG")
        self.svg_button.setObjectName("SaveQrSvg")
        self.svg_button.clicked.connect(lambda: self.choose_qr_export(".svg"))
        self.pdf_button = QPushButton()
        self.pdf_button.setObjectName("SaveQrPdf")
        self.pdf_button.clicked.connect(lambda: self.choose_qr_export(".pdf"))
        actions.addWidget(self.save_qr_label)
        for button in (self.png_button, self.svg_button, self.pdf_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.accesses_title = QLabel()
        accesses_font = QFont(self.accesses_title.font())
        accesses_font.setBold(True)
        self.accesses_title.setFont(accesses_font)
        self.accesses_list = QListWidget()
        self.accesses_list.setObjectName("LinkAccesses")
        self.accesses_list.setMinimumHeight(60)
        card_layout.addLayout(qr_row, 4)
        uri_row = QHBoxLayout()
        uri_row.addWidget(self.uri_edit, 1)
        uri_row.addWidget(self.copy_button)
        card_layout.addLayout(uri_row)
        card_layout.addLayout(actions)
        card_layout.addWidget(self.accesses_title)
        card_layout.addWidget(self.accesses_list, 1)

        self.qr_placeholder = QFrame()
        self.qr_placeholder.setObjectName("QrPlaceholder")
        placeholder_layout = QVBoxLayout(self.qr_placeholder)
        placeholder_layout.setContentsMargins(32, 32, 32, 32)
        self.placeholder_title = QLabel()
        set_heading(self.placeholder_title, 2)
        self.placeholder_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder_text = MutedLabel()
        self.placeholder_text.setObjectName("QrPlaceholderText")
        self.placeholder_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        placeholder_layout.addStretch(1)
        placeholder_layout.addWidget(self.placeholder_title)
        placeholder_layout.addWidget(self.placeholder_text)
        placeholder_layout.addStretch(1)

        self.right = QStackedWidget()
        self.right.addWidget(self.qr_placeholder)
        self.right.addWidget(self.link_card)
        return self.right

    # -- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("Shared links"))
        self.intro.setText(
            self.tr(
                "A SMART Health Link lets someone you choose fetch your health document from "
                "this computer, encrypted. Only people with the link (and the passcode, if you "
                "set one) can open it, and you can stop it at any time."
            )
        )
        self.host_heading.setText(self.tr("Link host"))
        self.lan_check.setText(self.tr("Let phones on this network open the links"))
        self.lan_warning.setText(
            self.tr(
                "For a demonstration on a network you trust: anyone on the same network who "
                "gets a link can fetch it. Links made before keep their old address."
            )
        )
        self.create_heading.setText(self.tr("New link"))
        self.files_empty.setText(
            self.tr("Nothing chosen yet. Add the open document, or choose files to share.")
        )
        self.add_files_button.setText(self.tr("Choose files…"))
        self.add_document_button.setText(self.tr("Add the open document"))
        self.clear_files_button.setText(self.tr("Clear"))
        self.label_label.setText(self.tr("Label:"))
        self.label_edit.setPlaceholderText(self.tr("For example: My patient summary"))
        self.passcode_label.setText(self.tr("Passcode:"))
        self.passcode_check.setText(self.tr("Require"))
        self.passcode_edit.setPlaceholderText(self.tr("Tell it to the recipient yourself"))
        self.expiry_label.setText(self.tr("Stops working:"))
        current = self.expiry_combo.currentIndex()
        self.expiry_combo.clear()
        self.expiry_combo.addItems(
            [
                self.tr("after 1 hour"),
                self.tr("after 1 day"),
                self.tr("after 7 days"),
                self.tr("after 30 days"),
                self.tr("never (until I revoke it)"),
            ]
        )
        self.expiry_combo.setCurrentIndex(current if current >= 0 else DEFAULT_EXPIRY_INDEX)
        self.kind_label.setText(self.tr("Kind:"))
        self.once_check.setText(self.tr("One-time: stops after the first retrieval"))
        self.long_term_check.setText(self.tr("Long-term: I can update the content later"))
        self.single_check.setText(self.tr("Single file, fetched directly"))
        self.viewer_label.setText(self.tr("Viewer address:"))
        self.viewer_edit.setPlaceholderText(self.tr("optional, e.g. https://viewer.example.org/"))
        self.create_button.setText(self.tr("Create link"))
        self.links_heading.setText(self.tr("Your links"))
        self.links_empty.setText(self.tr("You have not shared any links yet."))
        self.links_table.setHorizontalHeaderLabels(
            [self.tr("Label"), self.tr("Status"), self.tr("Ends"), self.tr("Fetched")]
        )
        self.copy_button.setText(self.tr("Copy link"))
        self.save_qr_label.setText(self.tr("Save QR code:"))
        self.png_button.setToolTip(self.tr("Save the QR code as a PNG image"))
        self.svg_button.setToolTip(self.tr("Save the QR code as an SVG drawing"))
        for button in (self.png_button, self.svg_button):
            button.setAccessibleName(button.toolTip())
        self.pdf_button.setText(self.tr("PDF to print"))
        self.pdf_button.setToolTip(
            self.tr("A printable page with the QR code, the label, the end date and how to open it")
        )
        self.update_button.setText(self.tr("Update content…"))
        self.revoke_button.setText(self.tr("Revoke"))
        self.accesses_title.setText(self.tr("Who fetched it"))
        self.placeholder_title.setText(self.tr("The QR code appears here"))
        self.placeholder_text.setText(
            self.tr(
                "Choose what to share on the left and press “Create link”. The recipient scans "
                "the code with a phone or opens the link in a SMART Health Link viewer."
            )
        )
        self._show_host_state()
        self._options_changed()
        self.refresh()
        self._fit_left_column()

    def _fit_left_column(self) -> None:
        # The form never gets cut off on the right: the column is at least as wide as its
        # widest line in the current language and type size; the QR code gives way instead.
        content = self._left_scroll.widget()
        if content is None:
            return
        extent = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self._left_scroll.setMinimumWidth(max(440, content.minimumSizeHint().width() + extent + 4))

    def showEvent(self, event: QShowEvent) -> None:
        # Links made in the share wizard, and its host, appear when the page comes back.
        self._show_host_state()
        self.refresh()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _status_text(self, status: LinkStatus) -> str:
        return {
            LinkStatus.ACTIVE: self.tr("active"),
            LinkStatus.EXPIRED: self.tr("expired"),
            LinkStatus.REVOKED: self.tr("revoked"),
            LinkStatus.USED_UP: self.tr("used"),
            LinkStatus.LOCKED: self.tr("locked (wrong passcodes)"),
        }[status]

    def _outcome_text(self, outcome: str) -> str:
        return {
            "ok": self.tr("fetched"),
            "wrong-passcode": self.tr("wrong passcode"),
            "missing-passcode": self.tr("no passcode given"),
            "throttled": self.tr("asked too often"),
            "expired": self.tr("refused: expired"),
            "revoked": self.tr("refused: revoked"),
            "used-up": self.tr("refused: already used"),
            "locked": self.tr("refused: locked"),
            "location-expired": self.tr("file address expired"),
            "location-used": self.tr("file address already used"),
        }.get(outcome, outcome)

    # -- host ----------------------------------------------------------------------------------
    def host_state(self) -> str:
        """'stopped', 'this-computer' or 'local-network': what the status line says."""
        if not self.host.running:
            return "stopped"
        return "local-network" if self.host.local_network else "this-computer"

    def _show_host_state(self) -> None:
        state = self.host_state()
        if state != "stopped":
            # The switch tells the truth about a running host, whoever started it; while the
            # host is stopped it keeps the person's choice for the next start.
            self.lan_check.blockSignals(True)
            self.lan_check.setChecked(state == "local-network")
            self.lan_check.blockSignals(False)
        if state == "stopped":
            colour = tone_colour("idle")
            self.host_status.setText(
                self.tr("The link host is stopped: nobody can fetch your links right now.")
            )
            starts = self.tr("It starts by itself when you create a link, or press Start.")
            if self.lan_check.isChecked():
                # Say before it runs where phones will find it.
                preview = delivery.network_address_preview()
                starts += " " + (
                    self.tr("Phones will reach it at %1.").replace("%1", preview)
                    if preview
                    else self.tr("This computer is not on a local network now.")
                )
            self.host_address.setText(starts)
            self.host_button.setText(self.tr("Start link host"))
        else:
            address = self.tr("Address: %1").replace("%1", self.host.base_url or "")
            if state == "local-network":
                colour = tone_colour("warning")
                self.host_status.setText(self.tr("Phones on this network can fetch links."))
                self.host_address.setText(
                    address + " · " + self.tr("Turn this off after the demonstration.")
                )
            else:
                colour = tone_colour("ok")
                self.host_status.setText(self.tr("Only this computer can fetch links."))
                self.host_address.setText(address)
            self.host_button.setText(self.tr("Stop link host"))
        if self.host_starting and state == "stopped":
            self.host_status.setText(self.tr("The link host is starting…"))
        self.host_button.setEnabled(not self.host_starting)
        self.host_light.setStyleSheet(f"background: {colour}; border-radius: 8px;")
        self.host_light.setAccessibleName(self.host_status.text())
        # The warning matters while phones can reach the host; the switch itself asks first.
        self.lan_warning.setVisible(self.lan_check.isChecked())
        if self._summaries:
            self._show_selected()

    def toggle_host(self) -> None:
        if self.host.running:
            self.host.stop()
            return
        self.start_host()

    @property
    def host_starting(self) -> bool:
        return self._host_worker is not None and self._host_worker.is_running

    def start_host(self) -> Worker:
        """Start the host (or move it, as the local-network switch says) on a worker thread;
        the status line says it is starting, and an error shows under "Create link"."""
        worker = Worker(_start_host, self.lan_check.isChecked())
        worker.failed.connect(lambda exc: self._failed(self.create_status, exc))
        worker.done.connect(self._show_host_state)
        self._host_worker = worker.start()
        self._show_host_state()
        return worker

    def confirm_local_network(self) -> bool:
        return confirm_local_network(self)

    def _lan_toggled(self, checked: bool) -> None:
        if checked and not self.confirm_local_network():
            self.lan_check.blockSignals(True)
            self.lan_check.setChecked(False)
            self.lan_check.blockSignals(False)
            return
        if self.host.running:
            self.start_host()
        self._show_host_state()

    # -- creating ------------------------------------------------------------------------------
    def add_files(self, paths: list[str | Path]) -> None:
        present = set(self.chosen_files())
        for path in paths:
            if str(path) not in present:
                item = QListWidgetItem(Path(path).name)
                item.setData(Qt.ItemDataRole.UserRole, str(path))
                item.setToolTip(str(path))
                self.files_list.addItem(item)
                present.add(str(path))
        self._options_changed()

    def clear_files(self) -> None:
        self.files_list.clear()
        self._options_changed()

    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose what to share"),
            "",
            self.tr("Health documents (*.json *.pdf *.jws *.smart-health-card)"),
        )
        self.add_files(list(names))

    def _open_document_source(self) -> Any:
        document = self._context.document if self._context is not None else None
        return getattr(document, "source", None)

    def add_open_document(self) -> None:
        source = self._open_document_source()
        if source is None:
            self._say(
                self.create_status,
                self.tr("No document from a file is open; add files instead."),
                error=True,
            )
            return
        self.add_files([source])

    def chosen_files(self) -> list[str]:
        return [
            str(self.files_list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.files_list.count())
        ]

    def _options_changed(self) -> None:
        count = self.files_list.count()
        self.files_list.setVisible(count > 0)
        if count:
            row_height = max(self.files_list.sizeHintForRow(0), 18)
            self.files_list.setFixedHeight(
                min(count, 3) * row_height + 2 * self.files_list.frameWidth() + 2
            )
        self.files_empty.setVisible(count == 0)
        self.clear_files_button.setEnabled(count > 0)
        has_source = self._open_document_source() is not None
        self.add_document_button.setEnabled(has_source)
        self.add_document_button.setToolTip(
            "" if has_source else self.tr("Open a health document from a file first.")
        )
        # The spec forbids U with P, and U carries exactly one file.
        single_possible = not self.passcode_check.isChecked() and count <= 1
        self.single_check.setEnabled(single_possible)
        if not single_possible:
            self.single_check.setChecked(False)
        self.single_check.setToolTip(
            ""
            if single_possible
            else self.tr("Only for one file without a passcode (the standard allows no more).")
        )
        if self.once_check.isChecked():
            self.long_term_check.setChecked(False)
        self.long_term_check.setEnabled(not self.once_check.isChecked())
        self.long_term_check.setToolTip(
            self.tr("A one-time link cannot also be long-term.")
            if self.once_check.isChecked()
            else ""
        )
        reason = self.create_blocked_reason()
        busy = self._worker is not None and self._worker.is_running
        self.create_button.setEnabled(reason is None and not busy)
        self.create_reason.setText(reason or "")
        self.create_button.setToolTip(reason or "")

    def create_blocked_reason(self) -> str | None:
        """Why "Create link" cannot be pressed now, in words, or None when it can."""
        if self.files_list.count() == 0:
            return self.tr("Add at least one file to share first.")
        if self.passcode_check.isChecked() and not self.passcode_edit.text():
            return self.tr("Type the passcode, or untick “Require”.")
        return None

    def options(self, now: float | None = None) -> provider.LinkOptions:
        now = time.time() if now is None else now
        seconds = EXPIRY_CHOICES[self.expiry_combo.currentIndex()]
        return provider.LinkOptions(
            passcode=self.passcode_edit.text() if self.passcode_check.isChecked() else None,
            expires=now + seconds if seconds is not None else None,
            one_time=self.once_check.isChecked(),
            long_term=self.long_term_check.isChecked(),
            single_file=self.single_check.isChecked(),
            label=self.label_edit.text() or None,
            viewer=self.viewer_edit.text() or None,
        )

    def create_link(self) -> Worker | None:
        files = self.chosen_files()
        reason = self.create_blocked_reason()
        if reason is not None:
            self._say(self.create_status, reason, error=True)
            return None
        worker = Worker(
            _create_link, files, self.options(), self.host.base_url, self.lan_check.isChecked()
        )
        worker.finished_ok.connect(self._created)
        worker.failed.connect(lambda exc: self._failed(self.create_status, exc))
        worker.done.connect(self._options_changed)
        self.create_button.setEnabled(False)
        self._say(self.create_status, self.tr("Encrypting…"))
        self._worker = worker.start()
        return worker

    def _created(self, result: tuple[str, str]) -> None:
        link_id, _uri = result
        self._say(self.create_status, self.tr("The link is ready. Show the QR code or copy it."))
        self.refresh(select=link_id)
        self.link_created.emit(link_id)

    # -- the list ------------------------------------------------------------------------------
    def refresh(self, select: str | None = None) -> None:
        keep = select or self.selected_id()
        self._summaries = list(reversed(provider.list_links()))
        table = self.links_table
        table.blockSignals(True)
        table.setRowCount(len(self._summaries))
        for row, summary in enumerate(self._summaries):
            fetched = sum(1 for a in summary.accesses if a.outcome == "ok")
            expires = summary.record.expires
            cells = [
                summary.record.label or self.tr("(no label)"),
                self._status_text(summary.status),
                format_moment(expires) if expires else self.tr("never"),
                str(fetched),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(summary.record.id if column == 0 else text)
                table.setItem(row, column, item)
        table.blockSignals(False)
        table.setVisible(bool(self._summaries))
        self.links_empty.setVisible(not self._summaries)
        row = next(
            (i for i, s in enumerate(self._summaries) if s.record.id == keep),
            0 if self._summaries else -1,
        )
        if row >= 0:
            table.selectRow(row)
        self._show_selected()

    def selected(self) -> provider.LinkSummary | None:
        rows = self.links_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._summaries):
            return None
        return self._summaries[rows[0].row()]

    def selected_id(self) -> str | None:
        summary = self.selected()
        return summary.record.id if summary is not None else None

    def manage_blocked_reason(self, summary: provider.LinkSummary) -> str:
        """Why "Update content" or "Revoke" is greyed out for this link ('' when both work)."""
        if summary.record.revoked is not None:
            return self.tr("This link is revoked; nothing more can be changed.")
        if summary.status is not LinkStatus.ACTIVE:
            return self.tr("This link no longer works, so its content cannot be updated.")
        if "L" not in summary.record.flags:
            return self.tr("Only long-term links can get new content.")
        return ""

    def _show_selected(self) -> None:
        summary = self.selected()
        self.accesses_list.clear()
        if summary is None:
            self.right.setCurrentWidget(self.qr_placeholder)
            self.qr_label.set_uri(None)
            self.uri_edit.clear()
            return
        self.right.setCurrentWidget(self.link_card)
        record = summary.record
        self.link_heading.setText(record.label or self.tr("Link without a label"))
        self.revoke_button.setEnabled(record.revoked is None)
        self.update_button.setEnabled(summary.status is LinkStatus.ACTIVE and "L" in record.flags)
        reason = self.manage_blocked_reason(summary)
        self.manage_reason.setText(reason)
        self.update_button.setToolTip(reason)
        self.uri_edit.setText(summary.uri)
        self.uri_edit.setCursorPosition(0)
        self.qr_label.set_uri(summary.uri)
        self.qr_label.setAccessibleName(
            self.tr("QR code of the link “%1”").replace("%1", record.label or "")
        )
        self._show_facts(summary)
        if not summary.accesses:
            self.accesses_list.addItem(self.tr("Nobody has fetched this link yet."))
        for access in reversed(summary.accesses):
            self.accesses_list.addItem(
                self.tr("%1 — %2: %3")
                .replace("%1", format_moment(access.time))
                .replace("%2", access.recipient)
                .replace("%3", self._outcome_text(access.outcome))
            )

    def _show_facts(self, summary: provider.LinkSummary) -> None:
        record = summary.record
        working = summary.status is LinkStatus.ACTIVE
        self.fact_status.setText(
            self.tr("Status: %1").replace("%1", self._status_text(summary.status))
        )
        self.fact_status.setStyleSheet(
            f"color: {tone_colour('ok' if working else 'error')}; font-weight: bold;"
        )
        if record.expires is None:
            expiry = self.tr("Works until you revoke it")
        else:
            expiry = self.tr("Works until %1").replace("%1", format_moment(record.expires))
        if record.one_time:
            expiry += "\n" + self.tr("One-time: stops after the first retrieval")
        self.fact_expiry.setText(expiry)
        self.fact_passcode.setText(
            self.tr("Passcode: needed (tell it to the recipient yourself)")
            if record.passcode_hash is not None
            else self.tr("Passcode: not needed")
        )
        if not working:
            reach = ""
        elif not self.host.running:
            reach = self.tr("Nobody can fetch it now: the link host is stopped.")
        elif _loopback_only(record.manifest_url):
            reach = self.tr("Can be fetched from this computer only.")
        else:
            reach = self.tr("Phones on this network can fetch it.")
        self.fact_reach.setText(reach)
        self.fact_reach.setVisible(bool(reach))
        fetched = sum(1 for a in summary.accesses if a.outcome == "ok")
        self.fact_fetched.setText(self.tr("Fetched %n time(s)", "", fetched))

    # -- actions on the selected link -----------------------------------------------------------
    def copy_link(self) -> None:
        summary = self.selected()
        if summary is not None:
            QGuiApplication.clipboard().setText(summary.uri)
            self._say(self.create_status, self.tr("The link is copied."))

    def choose_qr_export(self, suffix: str) -> None:
        summary = self.selected()
        if summary is None:
            return
        kinds = {
            ".png": self.tr("PNG image (*.png)"),
            ".svg": self.tr("SVG image (*.svg)"),
            ".pdf": self.tr("PDF document (*.pdf)"),
        }
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the QR code"),
            f"shl-{summary.record.id}{suffix}",
            kinds[suffix],
        )
        if name:
            self.export_qr(Path(name))

    def export_qr(self, path: Path) -> Worker | None:
        """Save the selected link's QR code as .png, .svg or a printable .pdf page, on a worker
        thread (the PDF page is rendered and written there); the status line says when."""
        summary = self.selected()
        if summary is None:
            return None
        lang = self._context.ui_language if self._context is not None else "en"
        worker = Worker(_save_qr, summary.uri, path, lang)
        worker.finished_ok.connect(
            lambda written: self._say(
                self.create_status, self.tr("Saved %1.").replace("%1", str(written))
            )
        )
        worker.failed.connect(lambda exc: self._failed(self.create_status, exc))
        self._say(self.create_status, self.tr("Saving the QR code…"))
        self._qr_worker = worker.start()
        return worker

    def confirm_revoke(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Revoke this link?"),
            self.tr("Nobody will be able to fetch it any more. This cannot be undone."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def revoke_selected(self) -> bool:
        summary = self.selected()
        if summary is None or not self.confirm_revoke():
            return False
        provider.revoke_link(summary.record.id)
        self.refresh(select=summary.record.id)
        return True

    def choose_update_files(self) -> None:
        summary = self.selected()
        if summary is None:
            return
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose the new content"),
            "",
            self.tr("Health documents (*.json *.pdf *.jws *.smart-health-card)"),
        )
        if names:
            self.update_selected(list(names))

    def update_selected(self, paths: list[str]) -> Worker | None:
        summary = self.selected()
        if summary is None:
            return None
        worker = Worker(_update_link, summary.record.id, paths)
        worker.finished_ok.connect(self._updated)
        worker.failed.connect(lambda exc: self._failed(self.create_status, exc))
        self._worker = worker.start()
        return worker

    def _updated(self, link_id: str) -> None:
        self._say(self.create_status, self.tr("The link now shares the new content."))
        self.refresh(select=link_id)

    # -- plumbing ------------------------------------------------------------------------------
    def _say(self, label: QLabel, text: str, *, error: bool = False) -> None:
        label.setProperty("tone", "error" if error else "")
        label.setStyleSheet(f"color: {tone_colour('error')};" if error else "")
        label.setText(text)
        label.setVisible(bool(text))

    def _failed(self, label: QLabel, exc: object) -> None:
        if isinstance(exc, UserFacingError):
            self._say(label, exc.message, error=True)
        elif isinstance(exc, BaseException):
            errors.present(exc, self)

    def reset(self) -> None:
        """Booth "Start over": stop the host and forget the form."""
        for worker in (self._worker, self._qr_worker):
            if worker is not None:
                worker.cancel()
        if self._host_worker is not None and self._host_worker.is_running:
            self._host_worker.done.connect(self.host.stop)  # a start in flight ends stopped
        self.host.stop()
        self.files_list.clear()
        self.label_edit.clear()
        self.passcode_edit.clear()
        self.passcode_check.setChecked(False)
        self.lan_check.blockSignals(True)
        self.lan_check.setChecked(False)
        self.lan_check.blockSignals(False)
        self._say(self.create_status, "")
        self._options_changed()
