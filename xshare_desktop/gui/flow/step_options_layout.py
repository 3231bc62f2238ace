"""Step 3 laid out: every option as a check box with its sentence, and the rows under them.

``OptionsStepLayout`` builds the widgets; ``step_options.OptionsStep`` gives them their texts
and behaviour (TagStudio style: a view plus its controller).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from xshare_desktop.core.shl.payload import MAX_LABEL_CHARS
from xshare_desktop.gui.flow.key_panel import KeyPanel, secret_edit
from xshare_desktop.gui.flow.parts import ExplainedOption, StepPage
from xshare_desktop.gui.strength import StrengthMeter, with_meter
from xshare_desktop.gui.widgets import MutedLabel


def default_folder() -> str:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
    return found or str(Path.home())


def _titled_row(
    field: QWidget | QLayout, explain: QLabel | None, *, buddy: QWidget | None = None
) -> tuple[QWidget, QLabel]:
    """A bold title, the field under it and the explaining sentence: one row of step 3.

    The title's mnemonic focuses ``buddy``, or the field itself when that is a widget.
    """
    row = QWidget()
    layout = QVBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    title = QLabel()
    font = title.font()
    font.setBold(True)
    title.setFont(font)
    layout.addWidget(title)
    if isinstance(field, QLayout):
        layout.addLayout(field)
    else:
        layout.addWidget(field)
        buddy = buddy or field
    if buddy is not None:
        title.setBuddy(buddy)
    if explain is not None:
        layout.addWidget(explain)
    return row, title


class OptionsStepLayout(StepPage):
    """The widgets of step 3, without texts (``OptionsStep.retranslate`` sets them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

        self.sign = ExplainedOption("FlowOptionSign")
        self.key_panel = KeyPanel()
        self.sign.details_layout.addWidget(self.key_panel)

        self.password = ExplainedOption("FlowOptionPassword")
        password_form = QFormLayout()
        self.password_edit = secret_edit("FlowPassword")
        self.password_repeat = secret_edit("FlowPasswordRepeat")
        self.password_label = QLabel()
        self.password_repeat_label = QLabel()
        self.password_strength = StrengthMeter(self.password_edit)
        password_form.addRow(
            self.password_label, with_meter(self.password_edit, self.password_strength)
        )
        password_form.addRow(self.password_repeat_label, self.password_repeat)
        self.password.details_layout.addLayout(password_form)
        self.password_warning = QLabel()
        self.password_warning.setObjectName("FlowPasswordWarning")
        self.password_warning.setWordWrap(True)
        self.password.details_layout.addWidget(self.password_warning)
        self.open_copy = QCheckBox()
        self.open_copy.setObjectName("FlowOpenCopy")
        self.open_copy_folder = QLineEdit()
        self.open_copy_folder.setObjectName("FlowOpenCopyFolder")
        self.open_copy_folder.setText(str(Path(default_folder()) / "xShare-private"))
        self.open_copy_folder.setEnabled(False)
        self.open_copy.toggled.connect(self.open_copy_folder.setEnabled)
        self.open_copy_note = MutedLabel()
        self.open_copy_note.setWordWrap(True)
        self.password.details_layout.addWidget(self.open_copy)
        self.password.details_layout.addWidget(self.open_copy_folder)
        self.password.details_layout.addWidget(self.open_copy_note)

        self.package = ExplainedOption("FlowOptionPackage")

        self.passcode = ExplainedOption("FlowOptionPasscode")
        self.passcode_edit = QLineEdit()
        self.passcode_edit.setObjectName("FlowPasscode")
        self.passcode.details_layout.addWidget(self.passcode_edit)

        self.expiry = QComboBox()
        self.expiry.setObjectName("FlowExpiry")
        self.expiry_explain = MutedLabel()
        self.expiry_row, self.expiry_label = _titled_row(self.expiry, self.expiry_explain)

        # Phones at the booth: the host on the local network, only after a warning (default off).
        self.local_network = ExplainedOption("FlowOptionLocalNetwork")
        self.network_address = QLabel()
        self.network_address.setObjectName("FlowNetworkAddress")
        self.network_address.setWordWrap(True)
        self.network_address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.local_network.details_layout.addWidget(self.network_address)

        self.one_time = ExplainedOption("FlowOptionOneTime")
        self.long_term = ExplainedOption("FlowOptionLongTerm")

        self.label_edit = QLineEdit()
        self.label_edit.setObjectName("FlowLinkLabel")
        self.label_edit.setMaxLength(MAX_LABEL_CHARS)
        self.label_explain = MutedLabel()
        self.label_row, self.label_title = _titled_row(self.label_edit, self.label_explain)

        self.pseudonymise = ExplainedOption("FlowOptionPseudonymise")

        self.language = QComboBox()
        self.language.setObjectName("FlowLanguage")
        self.language_explain = MutedLabel()
        self.language_row, self.language_label = _titled_row(self.language, self.language_explain)

        checks = QHBoxLayout()
        self.fhir_check = QCheckBox()
        self.fhir_check.setObjectName("FlowFormatFhir")
        self.fhir_check.setChecked(True)
        self.pdf_check = QCheckBox()
        self.pdf_check.setObjectName("FlowFormatPdf")
        self.pdf_check.setChecked(True)
        checks.addWidget(self.fhir_check)
        checks.addWidget(self.pdf_check)
        checks.addStretch(1)
        self.formats_explain = MutedLabel()
        self.formats_row, self.formats_label = _titled_row(checks, self.formats_explain)

        folder_line = QHBoxLayout()
        self.folder_edit = QLineEdit(default_folder())
        self.folder_edit.setObjectName("FlowFolder")
        self.folder_button = QPushButton()
        self.folder_button.setObjectName("FlowFolderChoose")
        folder_line.addWidget(self.folder_edit, 1)
        folder_line.addWidget(self.folder_button)
        self.folder_row, self.folder_label = _titled_row(folder_line, None, buddy=self.folder_edit)

        self.problem = QLabel()
        self.problem.setObjectName("FlowOptionsProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("font-weight: 600;")
        self.problem.hide()

        for widget in (
            self.folder_row,
            self.formats_row,
            self.sign,
            self.password,
            self.package,
            self.passcode,
            self.local_network,
            self.expiry_row,
            self.one_time,
            self.long_term,
            self.label_row,
            self.pseudonymise,
            self.language_row,
        ):
            self.body.addWidget(widget)
        self.body.addStretch(1)
        self.limit_width(1000)
        # Short answers get short fields: a wide box for four digits looks unfinished.
        self.passcode_edit.setMaximumWidth(320)
        self.expiry.setMaximumWidth(420)
        self.language.setMaximumWidth(420)
        self.label_edit.setMaximumWidth(560)
        self.outer.addWidget(self.problem)
