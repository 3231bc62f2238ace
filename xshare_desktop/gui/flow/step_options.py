"""Step 3: options. Each is a check box with one explaining sentence; details open below it.

Which options show depends on the method: a password and a package for
downloads, a passcode, expiry and one-time use for links. Signing needs the
person's key; when there is none, it is created right here with the local
demo certificate authority (passphrase asked twice).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from xshare_desktop.core.shl import app_host
from xshare_desktop.core.shl.payload import MAX_LABEL_CHARS
from xshare_desktop.core.signing import keys
from xshare_desktop.gui.flow.parts import ExplainedOption, StepPage
from xshare_desktop.gui.flow.step_how import LINK
from xshare_desktop.gui.local_network import confirm_local_network
from xshare_desktop.gui.strength import StrengthMeter
from xshare_desktop.gui.widgets import MutedLabel

# Seconds a link lives; None = until the person revokes it.
EXPIRY_CHOICES: tuple[int | None, ...] = (3600, 86400, 7 * 86400, 30 * 86400, None)
DEFAULT_EXPIRY = 2


@dataclass(frozen=True)
class FlowOptions:
    sign: bool = False
    password: str | None = None
    package: bool = False
    folder: str = ""
    passcode: str | None = None
    expires_in: int | None = 7 * 86400
    one_time: bool = False
    long_term: bool = False
    label: str | None = None
    local_network: bool = False
    pseudonymise: bool = False
    language: str | None = None
    formats: tuple[str, ...] = ("fhir-json", "pdf")
    # an unprotected copy of the PDF the person keeps to look at and print (protected shares)
    open_copy_folder: str | None = None


def default_folder() -> str:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
    return found or str(Path.home())


def _secret_edit(name: str) -> QLineEdit:
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
        self.passphrase = _secret_edit("FlowKeyPassphrase")
        self.repeat = _secret_edit("FlowKeyRepeat")
        self.name_label = QLabel()
        self.passphrase_label = QLabel()
        self.repeat_label = QLabel()
        self.form.addRow(self.name_label, self.name_edit)
        self.form.addRow(self.passphrase_label, self.passphrase)
        self.passphrase_strength = StrengthMeter(self.passphrase, lambda: [self.name_edit.text()])
        self.form.addRow("", self.passphrase_strength)
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


class OptionsStep(StepPage):
    create_key_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._method = "download"

        self.sign = ExplainedOption("FlowOptionSign")
        self.key_panel = KeyPanel()
        self.key_panel.create_requested.connect(self.create_key_requested)
        self.sign.details_layout.addWidget(self.key_panel)

        self.password = ExplainedOption("FlowOptionPassword")
        password_form = QFormLayout()
        self.password_edit = _secret_edit("FlowPassword")
        self.password_repeat = _secret_edit("FlowPasswordRepeat")
        self.password_label = QLabel()
        self.password_repeat_label = QLabel()
        password_form.addRow(self.password_label, self.password_edit)
        self.password_strength = StrengthMeter(self.password_edit)
        password_form.addRow("", self.password_strength)
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

        self.expiry_row = QWidget()
        expiry_layout = QVBoxLayout(self.expiry_row)
        expiry_layout.setContentsMargins(0, 0, 0, 0)
        expiry_layout.setSpacing(2)
        self.expiry_label = QLabel()
        font = self.expiry_label.font()
        font.setBold(True)
        self.expiry_label.setFont(font)
        self.expiry = QComboBox()
        self.expiry.setObjectName("FlowExpiry")
        self.expiry_label.setBuddy(self.expiry)
        self.expiry_explain = MutedLabel()
        expiry_layout.addWidget(self.expiry_label)
        expiry_layout.addWidget(self.expiry, 0)
        expiry_layout.addWidget(self.expiry_explain)

        # Phones at the booth: the host on the local network, only after a warning (default off).
        self.local_network = ExplainedOption("FlowOptionLocalNetwork")
        self.network_address = QLabel()
        self.network_address.setObjectName("FlowNetworkAddress")
        self.network_address.setWordWrap(True)
        self.network_address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.local_network.details_layout.addWidget(self.network_address)
        self.local_network.toggled.connect(self._local_network_toggled)

        self.one_time = ExplainedOption("FlowOptionOneTime")
        self.long_term = ExplainedOption("FlowOptionLongTerm")
        self.one_time.toggled.connect(lambda on: self.long_term.check.setEnabled(not on))
        self.long_term.toggled.connect(lambda on: self.one_time.check.setEnabled(not on))

        self.label_row = QWidget()
        label_layout = QVBoxLayout(self.label_row)
        label_layout.setContentsMargins(0, 0, 0, 0)
        label_layout.setSpacing(2)
        self.label_title = QLabel()
        self.label_title.setFont(font)
        self.label_edit = QLineEdit()
        self.label_edit.setObjectName("FlowLinkLabel")
        self.label_edit.setMaxLength(MAX_LABEL_CHARS)
        self.label_title.setBuddy(self.label_edit)
        self.label_explain = MutedLabel()
        label_layout.addWidget(self.label_title)
        label_layout.addWidget(self.label_edit)
        label_layout.addWidget(self.label_explain)

        self.pseudonymise = ExplainedOption("FlowOptionPseudonymise")

        self.language_row = QWidget()
        language_layout = QVBoxLayout(self.language_row)
        language_layout.setContentsMargins(0, 0, 0, 0)
        language_layout.setSpacing(2)
        self.language_label = QLabel()
        self.language_label.setFont(font)
        self.language = QComboBox()
        self.language.setObjectName("FlowLanguage")
        self.language_label.setBuddy(self.language)
        self.language_explain = MutedLabel()
        language_layout.addWidget(self.language_label)
        language_layout.addWidget(self.language)
        language_layout.addWidget(self.language_explain)

        self.formats_row = QWidget()
        formats_layout = QVBoxLayout(self.formats_row)
        formats_layout.setContentsMargins(0, 0, 0, 0)
        formats_layout.setSpacing(2)
        self.formats_label = QLabel()
        self.formats_label.setFont(font)
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
        formats_layout.addWidget(self.formats_label)
        formats_layout.addLayout(checks)
        formats_layout.addWidget(self.formats_explain)

        self.folder_row = QWidget()
        folder_layout = QVBoxLayout(self.folder_row)
        folder_layout.setContentsMargins(0, 0, 0, 0)
        folder_layout.setSpacing(2)
        self.folder_label = QLabel()
        self.folder_label.setFont(font)
        folder_line = QHBoxLayout()
        self.folder_edit = QLineEdit(default_folder())
        self.folder_edit.setObjectName("FlowFolder")
        self.folder_button = QPushButton()
        self.folder_button.setObjectName("FlowFolderChoose")
        self.folder_button.clicked.connect(self.choose_folder)
        self.folder_label.setBuddy(self.folder_edit)
        folder_line.addWidget(self.folder_edit, 1)
        folder_line.addWidget(self.folder_button)
        folder_layout.addWidget(self.folder_label)
        folder_layout.addLayout(folder_line)

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
        self.retranslate()
        self.set_method("download")

    # -- state ---------------------------------------------------------------------------------
    def set_method(self, method: str) -> None:
        self._method = method
        link = method == LINK
        for widget in (self.password, self.package, self.folder_row):
            widget.setVisible(not link)
        for widget in (
            self.passcode,
            self.local_network,
            self.expiry_row,
            self.one_time,
            self.long_term,
        ):
            widget.setVisible(link)
        self.label_row.setVisible(link)
        self.show_problem(None)

    def suggest_name(self, name: str) -> None:
        self.key_panel.suggest_name(name)

    def clear(self) -> None:
        """Back to the defaults, secrets wiped: the next person starts from nothing."""
        for option in (
            self.sign,
            self.password,
            self.package,
            self.passcode,
            self.local_network,
            self.one_time,
            self.long_term,
            self.pseudonymise,
        ):
            option.check.setChecked(False)
            option.check.setEnabled(True)
        for edit in (
            self.password_edit,
            self.password_repeat,
            self.passcode_edit,
            self.label_edit,
            self.key_panel.passphrase,
            self.key_panel.repeat,
            self.key_panel.name_edit,
        ):
            edit.clear()
        self.open_copy.setChecked(False)
        self.open_copy_folder.setText(str(Path(default_folder()) / "xShare-private"))
        self.fhir_check.setChecked(True)
        self.pdf_check.setChecked(True)
        self.expiry.setCurrentIndex(DEFAULT_EXPIRY)
        self.language.setCurrentIndex(0)
        self.key_panel.refresh()
        self.show_problem(None)

    # -- the local network -------------------------------------------------------------------
    def confirm_local_network(self) -> bool:
        return confirm_local_network(self)

    def _local_network_toggled(self, checked: bool) -> None:
        if not checked:
            return
        address = app_host.network_address_preview()
        if address is None or not self.confirm_local_network():
            self.local_network.check.blockSignals(True)
            self.local_network.check.setChecked(False)
            self.local_network.check.blockSignals(False)
            self.local_network.details.setVisible(False)
            if address is None:
                self.show_problem(
                    self.tr("This computer is not on a local network, so a phone cannot reach it.")
                )
            return
        self.show_problem(None)
        self._show_network_address(address)

    def _show_network_address(self, address: str | None = None) -> None:
        if address is None:
            address = app_host.network_address_preview() or ""
        self.network_address.setText(
            self.tr("Phones on this network will open the link at %1 while this app runs.").replace(
                "%1", address
            )
        )
        self.network_address.setAccessibleName(self.network_address.text())

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Where should the files go?"), self.folder_edit.text()
        )
        if folder:
            self.folder_edit.setText(folder)

    def options(self) -> FlowOptions:
        link = self._method == LINK
        formats = tuple(
            name
            for name, box in (("fhir-json", self.fhir_check), ("pdf", self.pdf_check))
            if box.isChecked()
        )
        return FlowOptions(
            sign=self.sign.checked,
            password=self.password_edit.text() if self.password.checked and not link else None,
            package=self.package.checked and not link,
            folder=self.folder_edit.text().strip(),
            passcode=self.passcode_edit.text() if self.passcode.checked and link else None,
            expires_in=EXPIRY_CHOICES[self.expiry.currentIndex()],
            one_time=self.one_time.checked and link,
            long_term=self.long_term.checked and link,
            label=self.label_edit.text().strip() or None,
            local_network=self.local_network.checked and link,
            pseudonymise=self.pseudonymise.checked,
            language=self.language.currentData(),
            formats=formats,
            open_copy_folder=(
                self.open_copy_folder.text().strip()
                if self.password.checked and self.open_copy.isChecked() and not link
                else None
            ),
        )

    def problem_text(self) -> str | None:
        """What stops the person from going on, in one sentence (None when all is well)."""
        options = self.options()
        if not options.formats:
            return self.tr("Choose at least one format: the FHIR document, the PDF or both.")
        if self._method != LINK:
            if not options.folder:
                return self.tr("Choose the folder the files should go to.")
            if options.password is not None:
                weak = self.password_strength.problem()
                if weak:
                    return weak
                if options.password != self.password_repeat.text():
                    return self.tr("The two passwords are not the same.")
            if options.open_copy_folder is not None:
                if "pdf" not in options.formats:
                    return self.tr("Your own copy is of the PDF: tick the PDF as a format.")
                if not options.open_copy_folder:
                    return self.tr("Choose the folder for your own copy.")
                if Path(options.open_copy_folder).resolve() == Path(options.folder).resolve():
                    return self.tr(
                        "Keep your own copy in another folder than the shared files, so that "
                        "it is not sent along by mistake."
                    )
        elif options.passcode is not None and not options.passcode.strip():
            return self.tr("Type a passcode, or untick “Ask for a passcode”.")
        if options.sign:
            if not self.key_panel.has_key:
                return self.tr("Create your signing key first, or untick the signature.")
            if not self.key_panel.passphrase.text():
                return self.tr("Type the passphrase of your signing key.")
        return None

    def show_problem(self, text: str | None) -> None:
        self.problem.setText(text or "")
        self.problem.setVisible(bool(text))
        if text:
            self.problem.setAccessibleName(text)

    def first_focus(self) -> QWidget | None:
        return self.folder_edit if self._method != LINK else self.passcode.check

    # -- texts -----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.set_texts(
            self.tr("Choose the options"),
            self.tr("Each option is explained in one sentence. None of them is required."),
        )
        self.sign.set_texts(
            self.tr("Sign with my digital signature"),
            self.tr(
                "The recipient can check that the files come from you and that nobody has "
                "changed them."
            ),
        )
        self.key_panel.refresh()
        self.password.set_texts(
            self.tr("Protect with a password"),
            self.tr(
                "Only someone who knows the password can open the files; tell it to the "
                "recipient another way than the files."
            ),
        )
        self.password_label.setText(self.tr("Password"))
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.password_repeat_label.setText(self.tr("Repeat password"))
        self.password_repeat.setAccessibleName(self.tr("Repeat password"))
        self.password_warning.setText(
            self.tr(
                "Write the password down: a forgotten password cannot be recovered, not even "
                "by this app."
            )
        )
        self.open_copy.setText(self.tr("Also keep an unprotected copy of the PDF for me, in:"))
        self.open_copy.setAccessibleName(self.tr("Keep an unprotected copy of the PDF for me"))
        self.open_copy_folder.setAccessibleName(self.tr("Folder for your own copy"))
        self.open_copy_note.setText(
            self.tr(
                "So that you can look at and print your own PDF. This copy has no password: "
                "anyone who can open that folder can read it."
            )
        )
        self.package.set_texts(
            self.tr("Put everything in one file (xShare package)"),
            self.tr(
                "One file holding the documents, their signatures and a list of checksums, "
                "easy to hand over."
            ),
        )
        self.passcode.set_texts(
            self.tr("Ask for a passcode"),
            self.tr(
                "The recipient must also type this code; after 10 wrong tries the link stops "
                "working."
            ),
        )
        self.passcode_edit.setAccessibleName(self.tr("Passcode"))
        self.passcode_edit.setPlaceholderText(self.tr("Passcode"))
        self.local_network.set_texts(
            self.tr("Let phones on this network open the link"),
            self.tr(
                "For a phone on the same network, such as at a stand. Anyone on this network "
                "who gets the link can open it; otherwise only this computer can."
            ),
        )
        if self.local_network.checked:
            self._show_network_address()
        self.expiry_label.setText(self.tr("The link works for"))
        current = self.expiry.currentIndex()
        self.expiry.clear()
        for seconds in EXPIRY_CHOICES:
            self.expiry.addItem(self._expiry_text(seconds), seconds)
        self.expiry.setCurrentIndex(current if current >= 0 else DEFAULT_EXPIRY)
        self.expiry.setAccessibleName(self.tr("The link works for"))
        self.expiry_explain.setText(
            self.tr("After this time the link stops working and the files cannot be fetched.")
        )
        self.one_time.set_texts(
            self.tr("Only once"),
            self.tr("After the first person has opened the link, nobody else can."),
        )
        self.long_term.set_texts(
            self.tr("Keep the link for updates"),
            self.tr(
                "The recipient may fetch it again while it works, and you can put newer content "
                "behind it from Shared links."
            ),
        )
        self.label_title.setText(self.tr("Name on the link (optional)"))
        self.label_edit.setAccessibleName(self.tr("Name on the link"))
        self.label_edit.setPlaceholderText(self.tr("For example: For my GP"))
        self.label_explain.setText(
            self.tr("A short name the recipient sees before opening the link.")
        )
        self.pseudonymise.set_texts(
            self.tr("Pseudonymise"),
            self.tr(
                "Your name, CPR number, address and contact details are replaced, and your "
                "birth date is cut to the year."
            ),
        )
        self.language_label.setText(self.tr("Language"))
        current = self.language.currentIndex()
        self.language.clear()
        self.language.addItem(self.tr("As the document is written"), None)
        self.language.addItem(self.tr("Danish"), "da")
        self.language.addItem(self.tr("English"), "en")
        self.language.setCurrentIndex(max(current, 0))
        self.language.setAccessibleName(self.tr("Language of what you share"))
        self.language_explain.setText(
            self.tr(
                "Headings and coded terms are translated where the app knows the words; "
                "everything else stays as written."
            )
        )
        self.formats_label.setText(self.tr("Formats"))
        self.fhir_check.setText(self.tr("FHIR document (for health IT systems)"))
        self.fhir_check.setAccessibleName(self.tr("FHIR document"))
        self.pdf_check.setText(self.tr("PDF (for people to read and print)"))
        self.pdf_check.setAccessibleName(self.tr("PDF"))
        self.formats_explain.setText(
            self.tr(
                "The FHIR document is the European format systems read; the PDF shows the same "
                "content for people."
            )
        )
        self.folder_label.setText(self.tr("Save in this folder"))
        self.folder_edit.setAccessibleName(self.tr("Folder the files go to"))
        self.folder_button.setText(self.tr("Choose folder…"))
        self.folder_button.setAccessibleName(self.tr("Choose folder"))

    def _expiry_text(self, seconds: int | None) -> str:
        if seconds is None:
            return self.tr("Until I revoke it")
        if seconds < 86400:
            return self.tr("%n hour(s)", "", seconds // 3600)
        return self.tr("%n day(s)", "", seconds // 86400)
