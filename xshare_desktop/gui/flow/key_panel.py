"""The signing key in step 3: unlock the person's key, or create one with the demo CA.

Creating asks for a name and a passphrase twice, with a line under the passphrase saying how
easy it is to guess; the key itself is made by the wizard's worker (``create_requested``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from xshare_desktop.core.signing import keys
from xshare_desktop.gui.strength import StrengthMeter, with_meter
from xshare_desktop.gui.widgets import MutedLabel


def secret_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class KeyPanel(QWidget):
    """The signing key: unlock the existing one, or create one with the demo CA."""

    create_requested = Signal(str, str)  # name, passphrase

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel()
        self.status.setObjectName("FlowKeyStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.form = QFormLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("FlowKeyName")
        self.passphrase = secret_edit("FlowKeyPassphrase")
        self.repeat = secret_edit("FlowKeyRepeat")
        self.name_label = QLabel()
        self.passphrase_label = QLabel()
        self.repeat_label = QLabel()
        self.form.addRow(self.name_label, self.name_edit)
        self.passphrase_strength = StrengthMeter(self.passphrase, lambda: [self.name_edit.text()])
        self.form.addRow(
            self.passphrase_label, with_meter(self.passphrase, self.passphrase_strength)
        )
        self.form.addRow(self.repeat_label, self.repeat)
        layout.addLayout(self.form)
        self.warning = MutedLabel()
        layout.addWidget(self.warning)
        self.create_button = QPushButton()
        self.create_button.setObjectName("FlowKeyCreate")
        self.create_button.setProperty("role", "primary")
        self.create_button.clicked.connect(self._create)
        layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.identity_name: str | None = None
        self.refresh()

    @property
    def has_key(self) -> bool:
        return keys.has_identity()

    def suggest_name(self, name: str) -> None:
        if not self.name_edit.text():
            self.name_edit.setText(name)

    def refresh(self) -> None:
        summary = keys.identity_summary()
        creating = summary is None
        for widget in (self.name_label, self.name_edit, self.repeat_label, self.repeat):
            widget.setVisible(creating)
        # an existing key's passphrase is typed, not chosen: no meter then
        self.passphrase_strength.set_active(creating)
        self.create_button.setVisible(creating)
        if summary is None:
            self.status.setText(
                self.tr(
                    "You have no signing key yet. Create one here: the demo certificate "
                    "authority on this computer issues its certificate."
                )
            )
            self.warning.setText(
                self.tr(
                    "Choose a passphrase of at least 8 characters. A forgotten passphrase "
                    "cannot be recovered."
                )
            )
        else:
            self.status.setText(
                self.tr("Your key: %1, issued by %2.")
                .replace("%1", summary.name)
                .replace("%2", summary.issuer)
            )
            self.warning.setText(self.tr("Type the passphrase of your signing key."))
        self.passphrase_label.setText(self.tr("Passphrase"))
        self.passphrase.setAccessibleName(self.tr("Passphrase for your signing key"))
        self.repeat_label.setText(self.tr("Repeat passphrase"))
        self.repeat.setAccessibleName(self.tr("Repeat the passphrase"))
        self.name_label.setText(self.tr("Your name"))
        self.name_edit.setAccessibleName(self.tr("Your name on the certificate"))
        self.create_button.setText(self.tr("Create my signing key"))
        self.create_button.setAccessibleName(self.tr("Create my signing key"))

    def creation_problem(self) -> str | None:
        if not self.name_edit.text().strip():
            return self.tr("Type your name for the certificate.")
        weak = self.passphrase_strength.problem()
        if weak:
            return weak
        if self.passphrase.text() != self.repeat.text():
            return self.tr("The two passphrases are not the same.")
        return None

    def _create(self) -> None:
        problem = self.creation_problem()
        if problem:
            self.warning.setText(problem)
            return
        self.create_requested.emit(self.name_edit.text().strip(), self.passphrase.text())
