"""Open received file: verify a file or package, show a clear badge, then open the document.

Verification (including PBES2 password work, about 0.2 s) runs on a worker
thread. The badge is green (intact, signed, trusted issuer), amber (intact but
the signer is not trusted, or nothing is signed) or red (changed, bad
signature, expired certificate, wrong password).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.signing.jws import SignatureCheck
from xshare_desktop.core.signing.password import PasswordRequired, WrongPassword
from xshare_desktop.core.signing.verify import (
    FileState,
    Verdict,
    VerificationReport,
    verify_path,
)
from xshare_desktop.core.signing.xshare_package import extract_members
from xshare_desktop.gui import errors
from xshare_desktop.gui.context import AppContext
from xshare_desktop.gui.formatting import format_date, format_moment
from xshare_desktop.gui.style import set_heading
from xshare_desktop.gui.widgets import MutedLabel
from xshare_desktop.gui.worker import Worker

# Colours chosen for at least 4.5:1 contrast with white text (WCAG AA).
BADGE_COLOURS = {"green": "#1e6b34", "amber": "#8a5300", "red": "#a4161a"}


def _verify(path: Path, password: str | None, *, progress: Any) -> VerificationReport:
    return verify_path(path, password, progress=progress)


def _load(data: bytes, name: str, *, progress: Any) -> Any:
    from xshare_desktop.core.document import load_document

    return load_document(data, name=name, progress=progress)


class ReceivedView(QWidget):
    document_opened = Signal(object)  # a core Document, shown by the main window
    close_requested = Signal()

    def __init__(self, context: AppContext | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.path: Path | None = None
        self.report: VerificationReport | None = None
        self._worker: Worker | None = None
        self._state = "empty"  # empty | busy | password | wrong-password | report | error

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(10)
        self.title = QLabel()
        set_heading(self.title, 1)
        self.intro = MutedLabel()
        self.choose_button = QPushButton()
        self.choose_button.setObjectName("ChooseReceivedFile")
        self.choose_button.setProperty("role", "primary")
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = MutedLabel()
        self.file_label.setObjectName("ReceivedFileName")

        self.password_row = QWidget()
        password_layout = QHBoxLayout(self.password_row)
        password_layout.setContentsMargins(0, 0, 0, 0)
        self.password_label = QLabel()
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("ReceivedPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.returnPressed.connect(self.submit_password)
        self.password_button = QPushButton()
        self.password_button.setObjectName("SubmitPassword")
        self.password_button.clicked.connect(self.submit_password)
        self.password_label.setBuddy(self.password_edit)
        password_layout.addWidget(self.password_label)
        password_layout.addWidget(self.password_edit, 1)
        password_layout.addWidget(self.password_button)
        self.password_row.hide()

        self.badge = QLabel()
        self.badge.setObjectName("VerificationBadge")
        self.badge.setWordWrap(True)
        self.badge.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.badge.hide()
        self.detail = MutedLabel()
        self.detail.setObjectName("VerificationDetail")
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.hide()

        self.details = QTreeWidget()
        self.details.setObjectName("VerificationDetails")
        self.details.setColumnCount(2)
        self.details.setRootIsDecorated(True)
        self.details.setWordWrap(True)
        self.details.hide()

        buttons = QHBoxLayout()
        self.open_button = QPushButton()
        self.open_button.setObjectName("OpenReceivedDocument")
        self.open_button.setProperty("role", "primary")
        self.open_button.clicked.connect(self.open_document)
        self.save_button = QPushButton()
        self.save_button.setObjectName("SaveReceivedFiles")
        self.save_button.clicked.connect(self.choose_save_folder)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)

        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.file_label)
        layout.addWidget(self.password_row)
        layout.addWidget(self.badge)
        layout.addWidget(self.detail)
        layout.addWidget(self.details, 1)
        layout.addLayout(buttons)
        layout.addStretch(0)
        self.retranslate()
        self._update_buttons()

    # -- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("Open something I received"))
        self.intro.setText(
            self.tr(
                "Choose a file, a signed document or an xShare package someone shared with you. "
                "The app checks that nothing was changed and who signed it, before you read it."
            )
        )
        self.choose_button.setText(self.tr("Choose a file…"))
        self.password_label.setText(self.tr("Password:"))
        self.password_button.setText(self.tr("Open"))
        self.open_button.setText(self.tr("Open the document"))
        self.save_button.setText(self.tr("Save the files…"))
        self.details.setHeaderLabels([self.tr("File"), self.tr("Result")])
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- choosing and verifying ----------------------------------------------------------------
    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the file you received"),
            "",
            self.tr("Shared files (*.json *.jws *.jwe *.zip *.pdf);;All files (*)"),
        )
        if name:
            self.open_path(Path(name))

    def open_path(self, path: str | Path, password: str | None = None) -> Worker:
        """Verify ``path`` on a worker thread; the result arrives in ``_show_report``."""
        self.path = Path(path)
        self.report = None
        if self._worker is not None:
            self._worker.cancel()
        self._state = "busy"
        self._render()
        worker = Worker(_verify, self.path, password)
        self._worker = worker
        worker.finished_ok.connect(lambda report: self._deliver(worker, self._show_report, report))
        worker.failed.connect(lambda exc: self._deliver(worker, self._show_error, exc))
        worker.start()
        return worker

    def submit_password(self) -> Worker | None:
        password = self.password_edit.text()
        if self.path is None or not password:
            return None
        self.password_edit.clear()
        return self.open_path(self.path, password)

    def _deliver(self, worker: Worker, slot: Any, value: Any) -> None:
        if worker is self._worker:
            self._worker = None
            slot(value)

    def _show_report(self, report: VerificationReport) -> None:
        self.report = report
        self._state = "report"
        self._render()

    def _show_error(self, exc: BaseException) -> None:
        if isinstance(exc, PasswordRequired):
            self._state = "password"
        elif isinstance(exc, WrongPassword):
            self._state = "wrong-password"
        elif isinstance(exc, UserFacingError):
            self._state = "error"
            self._error_message = errors.user_message(exc)
        else:
            self._state = "empty"
            errors.present(exc, self)
        self._render()

    # -- rendering -----------------------------------------------------------------------------
    def badge_colour(self) -> str | None:
        if self._state in ("wrong-password", "error"):
            return "red"
        if self._state != "report" or self.report is None:
            return None
        return {
            Verdict.VERIFIED: "green",
            Verdict.UNTRUSTED: "amber",
            Verdict.UNSIGNED: "amber",
            Verdict.FAILED: "red",
        }[self.report.verdict]

    def _badge_text(self) -> str:
        if self._state == "wrong-password":
            return self.tr("Wrong password — nothing was opened or saved. Try again.")
        if self._state == "error":
            return self.tr("This file cannot be opened safely.")
        report = self.report
        if report is None:
            return ""
        signatures = report.all_signatures()
        first = signatures[0] if signatures else None
        signer = first.signer if first and first.signer else self.tr("an unknown signer")
        if report.verdict is Verdict.VERIFIED:
            anchor = first.trust_anchor if first and first.trust_anchor else ""
            return (
                self.tr("Intact — signed by %1 (trusted issuer %2)")
                .replace("%1", signer)
                .replace("%2", anchor)
            )
        if report.verdict is Verdict.UNTRUSTED:
            untrusted = next((s for s in signatures if s.status == "untrusted"), first)
            name = untrusted.signer if untrusted and untrusted.signer else signer
            return self.tr("Intact, but the signer %1 is not trusted").replace("%1", name)
        if report.verdict is Verdict.UNSIGNED:
            return self.tr("Not signed — nothing shows who made it")
        return self.tr("Changed or bad signature — do not rely on this")

    def _render(self) -> None:
        self.file_label.setText(self.path.name if self.path is not None else "")
        self.file_label.setVisible(self.path is not None)
        needs_password = self._state in ("password", "wrong-password")
        self.password_row.setVisible(needs_password)
        if needs_password:
            self.password_edit.setFocus()
        colour = self.badge_colour()
        if self._state == "busy":
            self.badge.setStyleSheet("")
            self.badge.setProperty("verdict", "busy")
            self.badge.setText(self.tr("Checking…"))
            self.badge.show()
        elif self._state == "password":
            self.badge.setStyleSheet("")
            self.badge.setProperty("verdict", "password")
            self.badge.setText(
                self.tr("This file is protected with a password. Enter it to open the file.")
            )
            self.badge.show()
        elif colour is not None:
            self.badge.setProperty("verdict", colour)
            self.badge.setStyleSheet(
                f"QLabel {{ background: {BADGE_COLOURS[colour]}; color: white; "
                "padding: 10px 14px; border-radius: 6px; font-weight: 700; }"
            )
            self.badge.setText(self._badge_text())
            self.badge.setAccessibleName(self.badge.text())
            self.badge.show()
        else:
            self.badge.hide()
        self._render_detail()
        self._render_details()
        self._update_buttons()

    def _render_detail(self) -> None:
        text = ""
        if self._state == "error":
            text = getattr(self, "_error_message", "")
        elif self._state == "report" and self.report is not None:
            text = self._explanation(self.report)
            if self.report.protected:
                note = self.tr("The password was right; the file was decrypted in memory.")
                text = f"{text}\n{note}" if text else note
        self.detail.setText(text)
        self.detail.setVisible(bool(text))

    def _explanation(self, report: VerificationReport) -> str:
        """One sentence under the badge saying what it rests on (the green badge needs none)."""
        if report.verdict is Verdict.VERIFIED:
            return ""
        if report.verdict is Verdict.UNTRUSTED:
            return self.tr(
                "None of the issuers you trust vouches for this signer. If you know them, add "
                "their issuer's certificate under Signing keys."
            )
        if report.verdict is Verdict.UNSIGNED:
            return self.tr("Nothing is signed, so nothing proves who made it.")
        broken = next((f for f in report.files if f.state is not FileState.INTACT), None)
        if broken is not None:
            return {
                FileState.CHANGED: self.tr("%1 was changed after it was signed."),
                FileState.MISSING: self.tr("%1 is listed in the package but missing."),
                FileState.UNEXPECTED: self.tr("%1 was added to the package afterwards."),
            }[broken.state].replace("%1", broken.name)
        failed = next((c for c in report.all_signatures() if c.status == "failed"), None)
        if failed is not None and failed.findings:
            return self.tr("A signature cannot be relied on: %1").replace(
                "%1", errors.translated(failed.findings[0])
            )
        return errors.translated(report.summary)

    def _state_text(self, state: FileState) -> str:
        return {
            FileState.INTACT: self.tr("intact"),
            FileState.CHANGED: self.tr("changed"),
            FileState.MISSING: self.tr("missing"),
            FileState.UNEXPECTED: self.tr("not listed (added later)"),
        }[state]

    def _signature_lines(self, check: SignatureCheck) -> list[str]:
        problems = [errors.translated(finding) for finding in check.findings]
        if check.signer is None:
            return problems
        if not check.intact:
            # Who a broken signature names proves nothing; do not dress it up with trust details.
            return [
                self.tr("The signature names %1, but it does not match the content").replace(
                    "%1", check.signer
                ),
                *problems,
            ]
        trusted = (
            self.tr("trusted via %1").replace("%1", check.trust_anchor or "")
            if check.trusted
            else self.tr("issuer not trusted")
        )
        when = format_moment(check.signing_time.timestamp()) if check.signing_time else "?"
        lines = [
            self.tr("Signed by %1, issued by %2 (%3)")
            .replace(
                "%1", check.signer + (f" <{check.signer_email}>" if check.signer_email else "")
            )
            .replace("%2", check.issuer or "?")
            .replace("%3", trusted),
            self.tr("Signed %1; certificate valid %2 to %3")
            .replace("%1", when)
            .replace(
                "%2", format_date(check.not_before.date().isoformat()) if check.not_before else "?"
            )
            .replace(
                "%3", format_date(check.not_after.date().isoformat()) if check.not_after else "?"
            ),
        ]
        lines += problems
        return lines

    def _render_details(self) -> None:
        self.details.clear()
        report = self.report
        if self._state != "report" or report is None:
            self.details.hide()
            return
        if report.manifest_signature is not None:
            item = QTreeWidgetItem(
                [self.tr("File list (manifest)"), self._status_text(report.manifest_signature)]
            )
            for line in self._signature_lines(report.manifest_signature):
                child = QTreeWidgetItem(["", line])
                child.setToolTip(1, line)
                item.addChild(child)
            self.details.addTopLevelItem(item)
        for result in report.files:
            item = QTreeWidgetItem([result.name, self._state_text(result.state)])
            item.setToolTip(1, errors.translated(result.text))
            for check in result.signatures:
                for line in self._signature_lines(check):
                    child = QTreeWidgetItem(["", line])
                    child.setToolTip(1, line)
                    item.addChild(child)
            self.details.addTopLevelItem(item)
        self.details.expandAll()
        self.details.resizeColumnToContents(0)
        self.details.show()

    def _status_text(self, check: SignatureCheck) -> str:
        return {
            "ok": self.tr("signature valid"),
            "untrusted": self.tr("signature valid, signer not trusted"),
            "failed": self.tr("signature not valid"),
        }[check.status]

    def received_summary(self) -> tuple[str, str]:
        """(Who signed it, the verdict in words) for the document view's "received" banner."""
        report = self.report
        signatures = report.all_signatures() if report is not None else []
        signer = next((s.signer for s in signatures if s.signer), "")
        return signer, self._badge_text()

    def openable_document(self) -> tuple[str, bytes] | None:
        """The first intact FHIR JSON file, if verification did not fail."""
        report = self.report
        if report is None or report.verdict is Verdict.FAILED:
            return None
        for name, data in report.documents.items():
            if name.lower().endswith((".json", ".xml")) or data.lstrip()[:1] in (b"{", b"<"):
                return name, data
        return None

    def _update_buttons(self) -> None:
        has_report = self._state == "report" and self.report is not None
        openable = self.openable_document() is not None
        self.open_button.setVisible(has_report and openable)
        self.save_button.setVisible(has_report)
        self.open_button.setEnabled(openable)
        self.save_button.setEnabled(
            has_report and self.report is not None and bool(self._saveable_files())
        )

    # -- acting on the result ------------------------------------------------------------------
    def open_document(self) -> Worker | None:
        found = self.openable_document()
        if found is None:
            return None
        name, data = found
        worker = Worker(_load, data, name)
        worker.finished_ok.connect(self.document_opened.emit)
        worker.failed.connect(lambda exc: errors.present(exc, self))
        worker.start()
        return worker

    def _saveable_files(self) -> dict[str, bytes]:
        report = self.report
        if report is None or report.verdict is Verdict.FAILED:
            return {}
        return report.intact_files or report.documents

    def choose_save_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder for the files"))
        if folder:
            self.save_to(Path(folder))

    def save_to(self, folder: Path) -> list[Path]:
        try:
            written = extract_members(self._saveable_files(), folder)
        except UserFacingError as exc:
            errors.present(exc, self)
            return []
        self.detail.setText(
            self.tr("Saved %n file(s) in %1.", "", len(written)).replace("%1", str(folder))
        )
        self.detail.show()
        return written

    def reset(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self._worker = None
        self.path = None
        self.report = None
        self.password_edit.clear()
        self._state = "empty"
        self._render()
