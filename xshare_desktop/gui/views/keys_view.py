"""Signing keys: create or import the person's key, export the certificate, manage trusted issuers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.shl.issuers import IssuerStore
from xshare_desktop.core.signing import demo_ca, keys
from xshare_desktop.core.signing.trust import TrustStore
from xshare_desktop.gui import errors
from xshare_desktop.gui.context import AppContext
from xshare_desktop.gui.formatting import format_date
from xshare_desktop.gui.strength import StrengthMeter
from xshare_desktop.gui.style import set_heading
from xshare_desktop.gui.widgets import MutedLabel, action_button, button_row
from xshare_desktop.gui.worker import Worker


def _create(
    name: str, email: str, passphrase: str, use_demo_ca: bool, replace: bool, *, progress: Any
) -> keys.SigningIdentity:
    identity = keys.create_identity(
        name, passphrase, email=email or None, use_demo_ca=use_demo_ca, overwrite=replace
    )
    if use_demo_ca:
        TrustStore().add_file(demo_ca.certificate_path())
    return identity


def _import(path: Path, passphrase: str, replace: bool, *, progress: Any) -> keys.SigningIdentity:
    return keys.import_pkcs12(path, passphrase, overwrite=replace)


class KeysView(QWidget):
    close_requested = Signal()
    identity_changed = Signal()

    def __init__(self, context: AppContext | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._worker: Worker | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        self.title = QLabel()
        set_heading(self.title, 1)
        self.intro = MutedLabel()

        self.key_box = QGroupBox()
        key_layout = QVBoxLayout(self.key_box)
        self.key_summary = QLabel()
        self.key_summary.setObjectName("KeySummary")
        self.key_summary.setWordWrap(True)
        self.key_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        key_layout.addWidget(self.key_summary)

        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("KeyName")
        self.email_edit = QLineEdit()
        self.email_edit.setObjectName("KeyEmail")
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setObjectName("KeyPassphrase")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setObjectName("KeyPassphraseRepeat")
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.demo_ca_check = QCheckBox()
        self.demo_ca_check.setObjectName("UseDemoCA")
        self.demo_ca_check.setChecked(True)
        self.name_label = QLabel()
        self.email_label = QLabel()
        self.passphrase_label = QLabel()
        self.repeat_label = QLabel()
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.email_label, self.email_edit)
        form.addRow(self.passphrase_label, self.passphrase_edit)
        self.passphrase_strength = StrengthMeter(
            self.passphrase_edit, lambda: [self.name_edit.text(), self.email_edit.text()]
        )
        form.addRow("", self.passphrase_strength)
        form.addRow(self.repeat_label, self.repeat_edit)
        form.addRow("", self.demo_ca_check)
        key_layout.addLayout(form)
        self.warning = MutedLabel()
        self.warning.setObjectName("PassphraseWarning")
        key_layout.addWidget(self.warning)
        self.status = QLabel()
        self.status.setObjectName("KeyStatus")
        self.status.setWordWrap(True)
        key_layout.addWidget(self.status)

        self.create_button = action_button("CreateKey", self.create_key)
        self.create_button.setProperty("role", "primary")
        self.import_button = action_button("ImportKey", self.choose_import)
        self.export_button = action_button("ExportCertificate", self.choose_export)
        key_buttons = button_row(self.create_button, self.import_button, self.export_button)
        key_layout.addLayout(key_buttons)

        self.trust_box = QGroupBox()
        trust_layout = QVBoxLayout(self.trust_box)
        self.trust_intro = MutedLabel()
        self.trust_list = QListWidget()
        self.trust_list.setObjectName("TrustedIssuers")
        trust_buttons = QHBoxLayout()
        self.add_issuer_button = action_button("AddIssuer", self.choose_issuer)
        self.remove_issuer_button = action_button("RemoveIssuer", self.remove_selected_issuer)
        trust_buttons.addWidget(self.add_issuer_button)
        trust_buttons.addWidget(self.remove_issuer_button)
        trust_buttons.addStretch(1)
        trust_layout.addWidget(self.trust_intro)
        # An empty list is a blank white box: say in words that nothing is trusted yet.
        self.trust_empty = QLabel()
        self.trust_empty.setObjectName("NoTrustedIssuers")
        self.trust_empty.setWordWrap(True)
        trust_layout.addWidget(self.trust_empty)
        trust_layout.addWidget(self.trust_list, 1)
        trust_layout.addLayout(trust_buttons)

        # SMART Health Cards name their issuer by URL and are checked with its public keys.
        self.card_box = QGroupBox()
        card_layout = QVBoxLayout(self.card_box)
        self.card_intro = MutedLabel()
        self.card_list = QListWidget()
        self.card_list.setObjectName("TrustedCardIssuers")
        self.add_card_issuer_button = action_button("AddCardIssuer", self.choose_card_issuer)
        self.remove_card_issuer_button = action_button(
            "RemoveCardIssuer", self.remove_selected_card_issuer
        )
        # A few rows are enough; the key form above must keep its room on a 768-pixel screen.
        self.card_list.setMaximumHeight(76)
        card_layout.addWidget(self.card_intro)
        card_layout.addWidget(self.card_list)
        card_layout.addLayout(
            button_row(self.add_card_issuer_button, self.remove_card_issuer_button)
        )

        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.key_box)
        layout.addWidget(self.trust_box)
        layout.addWidget(self.card_box)
        layout.addStretch(1)
        self.retranslate()

    # -- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("Signing keys"))
        self.intro.setText(
            self.tr(
                "Your signing key lets recipients check that what you share comes from you and "
                "was not changed. It stays on this computer, protected by your passphrase."
            )
        )
        self.key_box.setTitle(self.tr("Your key"))
        self.name_label.setText(self.tr("Name on the certificate:"))
        self.email_label.setText(self.tr("E-mail (optional):"))
        self.passphrase_label.setText(self.tr("Passphrase:"))
        self.repeat_label.setText(self.tr("Passphrase again:"))
        self.demo_ca_check.setText(
            self.tr(
                "Have the demo certificate authority (xShare Demo CA — Lægedage) issue it and "
                "trust that authority on this computer (for demonstrations only)"
            )
        )
        self.warning.setText(
            self.tr(
                "A forgotten passphrase cannot be recovered: nobody, not even this app, can "
                "open the key without it. You would have to make a new key."
            )
        )
        self.create_button.setText(self.tr("Create key"))
        self.import_button.setText(self.tr("Import PKCS#12…"))
        self.export_button.setText(self.tr("Export certificate…"))
        self.trust_box.setTitle(self.tr("Trusted issuers"))
        self.trust_intro.setText(
            self.tr(
                "A signature counts as trusted only when its certificate was issued by one of "
                "these. Add only certificates you got from a source you trust."
            )
        )
        self.add_issuer_button.setText(self.tr("Add issuer certificate…"))
        self.remove_issuer_button.setText(self.tr("Remove selected"))
        self.card_box.setTitle(self.tr("Trusted health card issuers"))
        self.card_intro.setText(
            self.tr(
                "A SMART Health Card in a link counts as verified only when its issuer is here. "
                "Add an issuer's key file (JWKS) only from a source you trust."
            )
        )
        self.add_card_issuer_button.setText(self.tr("Add health card issuer…"))
        self.remove_card_issuer_button.setText(self.tr("Remove selected"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        summary = keys.identity_summary()
        if summary is None:
            self.key_summary.setText(self.tr("You have no signing key yet."))
            self.create_button.setText(self.tr("Create key"))
        else:
            issuer = (
                self.tr("self-signed")
                if summary.self_signed
                else self.tr("issued by %1").replace("%1", summary.issuer)
            )
            email = f" <{summary.email}>" if summary.email else ""
            self.key_summary.setText(
                self.tr("%1%2, %3, valid until %4")
                .replace("%1", summary.name)
                .replace("%2", email)
                .replace("%3", issuer)
                .replace("%4", format_date(summary.not_after.date().isoformat()))
            )
            self.create_button.setText(self.tr("Replace with a new key"))
        self.export_button.setEnabled(summary is not None)
        self.trust_list.clear()
        for issuer_info in TrustStore().issuers():
            item = QListWidgetItem(
                self.tr("%1 (valid until %2) — SHA-256 %3")
                .replace("%1", issuer_info.name)
                .replace("%2", format_date(issuer_info.not_after.date().isoformat()))
                .replace("%3", issuer_info.fingerprint[:16] + "…")
            )
            item.setData(Qt.ItemDataRole.UserRole, issuer_info.fingerprint)
            self.trust_list.addItem(item)
        self.remove_issuer_button.setEnabled(self.trust_list.count() > 0)
        self.trust_list.setVisible(self.trust_list.count() > 0)
        self.trust_empty.setVisible(self.trust_list.count() == 0)
        self.trust_empty.setText(
            self.tr(
                "You trust no issuers yet. Create a key with the demo certificate authority, "
                "or add an issuer certificate you got from someone you trust."
            )
        )
        self.card_list.clear()
        for card_issuer in IssuerStore().issuers():
            item = QListWidgetItem(
                self.tr("%1 — %2 (%n key(s))", "", len(card_issuer.keys))
                .replace("%1", card_issuer.name)
                .replace("%2", card_issuer.iss)
            )
            item.setData(Qt.ItemDataRole.UserRole, card_issuer.iss)
            self.card_list.addItem(item)
        self.remove_card_issuer_button.setEnabled(self.card_list.count() > 0)
        self.card_list.setVisible(self.card_list.count() > 0)

    # -- key -----------------------------------------------------------------------------------
    def create_key(self) -> Worker | None:
        weak = self.passphrase_strength.problem()
        if weak:
            self._say(weak, error=True)
            return None
        if self.passphrase_edit.text() != self.repeat_edit.text():
            self._say(self.tr("The two passphrases differ; type the same one twice."), error=True)
            return None
        replace = keys.has_identity()
        if replace and not self.confirm_replace():
            return None
        worker = Worker(
            _create,
            self.name_edit.text(),
            self.email_edit.text(),
            self.passphrase_edit.text(),
            self.demo_ca_check.isChecked(),
            replace,
        )
        self._run(worker, self.tr("Your key was created."))
        return worker

    def confirm_replace(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Replace your key?"),
            self.tr(
                "Your current key will be deleted and cannot be recovered. Signatures you made "
                "with it stay valid, but you can no longer sign with it. Replace it?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def choose_import(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a PKCS#12 file"), "", self.tr("PKCS#12 (*.p12 *.pfx)")
        )
        if not name:
            return
        passphrase, ok = QInputDialog.getText(
            self,
            self.tr("Passphrase"),
            self.tr("Passphrase of %1:").replace("%1", Path(name).name),
            QLineEdit.EchoMode.Password,
        )
        if ok:
            self.import_file(Path(name), passphrase)

    def import_file(self, path: Path, passphrase: str) -> Worker | None:
        replace = keys.has_identity()
        if replace and not self.confirm_replace():
            return None
        worker = Worker(_import, path, passphrase, replace)
        self._run(worker, self.tr("The key was imported; it keeps the same passphrase."))
        return worker

    def _run(self, worker: Worker, success: str) -> None:
        self._worker = worker
        self.create_button.setEnabled(False)
        self.import_button.setEnabled(False)
        worker.finished_ok.connect(lambda _identity: self._done_ok(success))
        worker.failed.connect(self._failed)
        worker.done.connect(self._finished)
        worker.start()

    def _done_ok(self, message: str) -> None:
        for edit in (self.passphrase_edit, self.repeat_edit):
            edit.clear()
        self._say(message)
        self.refresh()
        self.identity_changed.emit()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserFacingError):
            self._say(errors.user_message(exc), error=True)
        else:
            errors.present(exc, self)

    def _finished(self) -> None:
        self._worker = None
        self.create_button.setEnabled(True)
        self.import_button.setEnabled(True)

    def choose_export(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export your certificate"),
            "certificate.pem",
            self.tr("PEM certificate (*.pem);;DER certificate (*.der *.cer)"),
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> Path | None:
        encoding = "der" if path.suffix.lower() in (".der", ".cer") else "pem"
        try:
            written = keys.export_certificate(path, encoding=encoding)
        except UserFacingError as exc:
            self._say(errors.user_message(exc), error=True)
            return None
        self._say(self.tr("Saved your certificate as %1.").replace("%1", str(written)))
        return written

    # -- trust ---------------------------------------------------------------------------------
    def choose_issuer(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose an issuer certificate"),
            "",
            self.tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"),
        )
        if name:
            self.add_issuer(Path(name))

    def add_issuer(self, path: Path) -> bool:
        try:
            added = TrustStore().add_file(path)
        except UserFacingError as exc:
            self._say(errors.user_message(exc), error=True)
            return False
        self._say(
            self.tr("Now trusted: %1").replace("%1", ", ".join(issuer.name for issuer in added))
        )
        self.refresh()
        return True

    def remove_selected_issuer(self) -> None:
        item = self.trust_list.currentItem()
        if item is None:
            return
        fingerprint = str(item.data(Qt.ItemDataRole.UserRole))
        try:
            removed = TrustStore().remove(fingerprint)
        except UserFacingError as exc:
            self._say(errors.user_message(exc), error=True)
            return
        self._say(self.tr("No longer trusted: %1").replace("%1", removed.name))
        self.refresh()

    def choose_card_issuer(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the issuer's key file (JWKS)"),
            "",
            self.tr("Key files (*.json *.jwks);;All files (*)"),
        )
        if not name:
            return
        iss, ok = QInputDialog.getText(
            self,
            self.tr("Health card issuer"),
            self.tr("The issuer's address (iss), as its cards name it:"),
        )
        if ok and iss.strip():
            self.add_card_issuer(Path(name), iss.strip())

    def add_card_issuer(self, path: Path, iss: str) -> bool:
        try:
            issuer = IssuerStore().add_file(iss, path)
        except UserFacingError as exc:
            self._say(errors.user_message(exc), error=True)
            return False
        self._say(self.tr("Now trusted: %1").replace("%1", f"{issuer.name} ({issuer.iss})"))
        self.refresh()
        return True

    def remove_selected_card_issuer(self) -> None:
        item = self.card_list.currentItem()
        if item is None:
            return
        try:
            removed = IssuerStore().remove(str(item.data(Qt.ItemDataRole.UserRole)))
        except UserFacingError as exc:
            self._say(errors.user_message(exc), error=True)
            return
        self._say(self.tr("No longer trusted: %1").replace("%1", removed.name))
        self.refresh()

    def _say(self, message: str, *, error: bool = False) -> None:
        self.status.setProperty("kind", "error" if error else "info")
        self.status.setText(message)

    def reset(self) -> None:
        for edit in (self.passphrase_edit, self.repeat_edit, self.name_edit, self.email_edit):
            edit.clear()
