"""The "Open a link or QR code" page laid out: the link, what it says about itself, what arrived.

``OpenLinkViewLayout`` builds the widgets; ``open_link_view.OpenLinkView`` gives them their
texts and behaviour (TagStudio style: a view plus its controller).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from xshare_desktop.gui.style import set_heading
from xshare_desktop.gui.views.link_layout import tone_colour
from xshare_desktop.gui.widgets import MutedLabel

PANEL_STYLE = """
QFrame#LinkInfoPanel, QFrame#ResultPanel {
    border: 1px solid palette(mid); border-radius: 10px; background: palette(base);
}
QFrame#LinkInfoPanel QLabel, QFrame#ResultPanel QLabel { background: transparent; border: none; }
QPushButton[role="primary"]:disabled { color: palette(dark); background: palette(window); }
"""
CONTENT_MAX_WIDTH = 980


def _panel(name: str) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName(name)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 12, 16, 12)
    layout.setSpacing(6)
    return frame, layout


def _bold(label: QLabel, scale: float = 1.0) -> QLabel:
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


class OpenLinkViewLayout(QWidget):
    """The widgets of the page, without texts (``OpenLinkView.retranslate`` sets them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(PANEL_STYLE)

        page = QVBoxLayout(self)
        page.setContentsMargins(24, 12, 24, 12)
        content = QWidget()
        content.setMaximumWidth(CONTENT_MAX_WIDTH)
        # Long lines are hard to read on a wide screen: the page keeps a comfortable width.
        row = QHBoxLayout()
        row.addWidget(content, 1)
        row.addStretch(0)
        page.addLayout(row, 1)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.title = QLabel()
        set_heading(self.title, 1)
        self.intro = MutedLabel()
        layout.addWidget(self.title)
        layout.addWidget(self.intro)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        link_row = QHBoxLayout()
        self.link_edit = QLineEdit()
        self.link_edit.setObjectName("LinkInput")
        self.link_edit.setClearButtonEnabled(True)
        self.qr_button = QPushButton()
        self.qr_button.setObjectName("LoadQrImage")
        link_row.addWidget(self.link_edit, 1)
        link_row.addWidget(self.qr_button)
        # Empty with an example: a program name in the sender's access list means nothing.
        self.recipient_edit = QLineEdit()
        self.recipient_edit.setObjectName("Recipient")
        self.recipient_hint = MutedLabel()
        recipient_box = QVBoxLayout()
        recipient_box.setSpacing(2)
        recipient_box.addWidget(self.recipient_edit)
        recipient_box.addWidget(self.recipient_hint)
        self.link_label = QLabel()
        self.recipient_label = QLabel()
        form.addRow(self.link_label, link_row)
        form.addRow(self.recipient_label, recipient_box)
        layout.addLayout(form)

        # -- what the pasted link says about itself ------------------------------------------------
        self.info_panel, info_layout = _panel("LinkInfoPanel")
        self.link_title = _bold(QLabel(), 1.2)
        self.link_title.setObjectName("LinkTitle")
        self.link_title.setWordWrap(True)
        self.link_info = QLabel()
        self.link_info.setObjectName("LinkInfo")
        self.link_info.setWordWrap(True)
        # The label comes from whoever made the link: never let it render as rich text.
        self.link_info.setTextFormat(Qt.TextFormat.PlainText)
        info_layout.addWidget(self.link_title)
        info_layout.addWidget(self.link_info)
        self.passcode_row = QWidget()
        passcode_layout = QFormLayout(self.passcode_row)
        passcode_layout.setContentsMargins(0, 6, 0, 0)
        self.passcode_label = _bold(QLabel())
        self.passcode_edit = QLineEdit()
        self.passcode_edit.setObjectName("Passcode")
        self.passcode_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passcode_edit.setMaximumWidth(320)
        self.attempts_label = QLabel()
        self.attempts_label.setObjectName("PasscodeAttempts")
        self.attempts_label.setWordWrap(True)
        self.attempts_label.setStyleSheet(f"color: {tone_colour('error')}; font-weight: bold;")
        passcode_layout.addRow(self.passcode_label, self.passcode_edit)
        passcode_layout.addRow("", self.attempts_label)
        info_layout.addWidget(self.passcode_row)
        layout.addWidget(self.info_panel)

        open_row = QHBoxLayout()
        self.open_button = QPushButton()
        self.open_button.setObjectName("OpenLink")
        self.open_button.setProperty("role", "primary")
        self.open_reason = MutedLabel()
        self.open_reason.setObjectName("OpenReason")
        open_row.addWidget(self.open_button)
        open_row.addWidget(self.open_reason, 1)
        layout.addLayout(open_row)
        self.status = QLabel()
        self.status.setObjectName("OpenStatus")
        self.status.setWordWrap(True)
        self.status.setVisible(False)
        layout.addWidget(self.status)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("OpenProgress")
        self.progress_bar.setRange(0, 0)  # busy: a download's size is not known in advance
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumWidth(320)
        self.progress_bar.setVisible(False)
        layout.addWidget(self.progress_bar)

        # -- what arrived --------------------------------------------------------------------------
        self.result_panel, result_layout = _panel("ResultPanel")
        self.result_title = _bold(QLabel(), 1.2)
        self.result_title.setObjectName("ResultTitle")
        self.results = QListWidget()
        self.results.setObjectName("ReceivedFiles")
        self.results.setFrameShape(QFrame.Shape.NoFrame)
        self.results.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        buttons = QHBoxLayout()
        self.show_button = QPushButton()
        self.show_button.setObjectName("ShowDocument")
        self.show_button.setProperty("role", "primary")
        self.save_button = QPushButton()
        self.save_button.setObjectName("SaveFiles")
        self.show_reason = MutedLabel()
        self.show_reason.setObjectName("ShowReason")
        self.save_button.setMinimumHeight(self.show_button.sizeHint().height())
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.show_reason, 1)
        self.checks_label = MutedLabel()
        self.checks_label.setObjectName("ChecksRunning")
        self.checks_label.setVisible(False)
        result_layout.addWidget(self.result_title)
        result_layout.addWidget(self.results)
        result_layout.addWidget(self.checks_label)
        result_layout.addLayout(buttons)
        layout.addWidget(self.result_panel)
        layout.addStretch(1)
