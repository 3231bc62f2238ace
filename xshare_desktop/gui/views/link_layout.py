"""The links page laid out: the host panel, the create form, the list and the selected link.

``LinkViewLayout`` builds the widgets and sets their texts; it wires no signal to the core.
``link_view.LinkView`` adds the behaviour (TagStudio style: a view plus its controller).
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QEvent, QLocale, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from xshare_desktop.core.shl.store import LinkStatus
from xshare_desktop.gui.style import set_heading
from xshare_desktop.gui.views.qr_widget import QrCodeLabel
from xshare_desktop.gui.widgets import MutedLabel, button_row, named_button

# Expiry choices offered: seconds, or None for "no expiry".
EXPIRY_CHOICES: list[int | None] = [3600, 86400, 7 * 86400, 30 * 86400, None]
DEFAULT_EXPIRY_INDEX = 2


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


PANEL_STYLE = """
QFrame#LinkPanel, QFrame#QrPlaceholder {
    border: 1px solid palette(mid); border-radius: 10px; background: palette(base);
}
QFrame#QrPlaceholder { border-style: dashed; }
QFrame#LinkPanel QLabel, QFrame#QrPlaceholder QLabel { background: transparent; border: none; }
QPushButton[role="primary"]:disabled { color: palette(dark); background: palette(window); }
"""


class LinkViewLayout(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self.host_button = named_button("HostStartStop")
        self.lan_check = QCheckBox()
        self.lan_check.setObjectName("LocalNetwork")
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
        self.add_document_button = named_button("AddOpenDocument")
        self.add_files_button = named_button("AddFiles")
        self.clear_files_button = named_button("ClearFiles")
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
        self.expiry_combo = QComboBox()
        self.expiry_combo.setObjectName("LinkExpiry")
        self.once_check = QCheckBox()
        self.once_check.setObjectName("OneTime")
        self.long_term_check = QCheckBox()
        self.long_term_check.setObjectName("LongTerm")
        self.single_check = QCheckBox()
        self.single_check.setObjectName("SingleFile")
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
        self.create_button = named_button("CreateLink")
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
        self.update_button = named_button("UpdateLink")
        self.revoke_button = named_button("RevokeLink")
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
        self.copy_button = named_button("CopyLink")
        self.save_qr_label = QLabel()
        self.png_button = QPushButton("PNG")
        self.png_button.setObjectName("SaveQrPng")
        self.svg_button = QPushButton("SVG")
        self.svg_button.setObjectName("SaveQrSvg")
        self.pdf_button = QPushButton()
        self.pdf_button.setObjectName("SaveQrPdf")
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
        """Every text of the page in the current language (the controller adds the states)."""
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
        self._fit_left_column()

    def _fit_left_column(self) -> None:
        # The form never gets cut off on the right: the column is at least as wide as its
        # widest line in the current language and type size; the QR code gives way instead.
        content = self._left_scroll.widget()
        if content is None:
            return
        extent = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self._left_scroll.setMinimumWidth(max(440, content.minimumSizeHint().width() + extent + 4))

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
