"""Step 3: options. Each is a check box with one explaining sentence; details open below it.

Which options show depends on the method: a password and a package for
downloads, a passcode, expiry and one-time use for links. Signing needs the
person's key; when there is none, it is created right here with the local
demo certificate authority (passphrase asked twice).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from xshare_desktop.core.shl import app_host
from xshare_desktop.gui.flow.plan import DEFAULT_EXPIRY, EXPIRY_CHOICES, FlowOptions
from xshare_desktop.gui.flow.step_how import LINK
from xshare_desktop.gui.flow.step_options_layout import OptionsStepLayout, default_folder
from xshare_desktop.gui.local_network import confirm_local_network


class OptionsStep(OptionsStepLayout):
    create_key_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._method = "download"
        self.key_panel.create_requested.connect(self.create_key_requested)
        self.local_network.toggled.connect(self._local_network_toggled)
        self.one_time.toggled.connect(lambda on: self.long_term.check.setEnabled(not on))
        self.long_term.toggled.connect(lambda on: self.one_time.check.setEnabled(not on))
        self.folder_button.clicked.connect(self.choose_folder)
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
