"""Open a link or QR code: the recipient's side of a SMART Health Link.

Paste a ``shlink:/`` link (bare or behind a viewer address) or load a photo of
its QR code; the app asks for the passcode when the link needs one, fetches and
decrypts the files on a worker, checks any signature, validates the documents,
and then shows the document in the usual viewer or saves the files.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.receiving import receive
from xshare_desktop.core.shl import client, health_card, qr
from xshare_desktop.core.shl.payload import ShlPayload, decode_uri
from xshare_desktop.gui import errors
from xshare_desktop.gui.context import AppContext
from xshare_desktop.gui.views.link_layout import format_moment, tone_colour
from xshare_desktop.gui.views.open_link_layout import OpenLinkViewLayout
from xshare_desktop.gui.views.open_link_tasks import (
    fetch_link,
    load_document_bytes,
    validate_received,
)
from xshare_desktop.gui.worker import Worker

DEFAULT_RECIPIENT = "xshare-desktop"


class OpenLinkView(OpenLinkViewLayout):
    document_opened = Signal(object)  # a core Document, shown by the main window
    close_requested = Signal()
    received_ready = Signal(object)  # the receive.Received, for whoever wants it
    checks_finished = Signal()  # the received documents were checked against their profiles

    def __init__(self, context: AppContext | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._worker: Worker | None = None
        self._checker: Worker | None = None
        self.received: receive.Received | None = None
        self._payload: ShlPayload | None = None
        self._link_error = ""
        self._remaining: int | None = None
        self.link_edit.textChanged.connect(self._link_changed)
        self.link_edit.returnPressed.connect(self._link_entered)
        self.qr_button.clicked.connect(self.choose_qr_image)
        self.passcode_edit.textChanged.connect(self._update_buttons)
        self.passcode_edit.returnPressed.connect(self.open_link)
        self.open_button.clicked.connect(self.open_link)
        self.show_button.clicked.connect(self.show_document)
        self.save_button.clicked.connect(self.choose_save_folder)
        self.retranslate()
        self._update_buttons()

    # -- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("Open a link or QR code"))
        self.intro.setText(
            self.tr(
                "Someone shared health data with you as a SMART Health Link. Paste the link, "
                "or load a picture of its QR code. The data is decrypted on this computer."
            )
        )
        self.link_label.setText(self.tr("Link:"))
        self.link_edit.setPlaceholderText(self.tr("shlink:/… or https://viewer…#shlink:/…"))
        self.qr_button.setText(self.tr("Load QR image…"))
        self.recipient_label.setText(self.tr("Your name or organisation:"))
        self.recipient_edit.setPlaceholderText(self.tr("for example: Dr. Jensen, Nørrebro Clinic"))
        self.recipient_hint.setText(
            self.tr("The sender sees this name in the list of who fetched the link.")
        )
        self.passcode_label.setText(self.tr("Passcode:"))
        self.passcode_edit.setPlaceholderText(self.tr("The sender tells you the passcode"))
        self.open_button.setText(self.tr("Open link"))
        self.show_button.setText(self.tr("Show document"))
        self.save_button.setText(self.tr("Save files…"))
        self._describe_link()
        self._show_attempts()
        if self.received is not None:
            self._show_received(self.received)
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the link ------------------------------------------------------------------------------
    def _link_changed(self) -> None:
        # A different link starts afresh: old attempts and results belong to the old one.
        self._remaining = None
        self._cancel_checks()
        self.passcode_edit.clear()
        self.received = None
        self.results.clear()
        self._say("")
        self._describe_link()
        self._show_attempts()
        self._update_buttons()

    def _link_entered(self) -> None:
        # Enter after pasting goes on to the passcode when the link needs one.
        if self.passcode_row.isVisibleTo(self) and not self.passcode_edit.text():
            self.passcode_edit.setFocus()
        else:
            self.open_link()

    def _describe_link(self) -> None:
        text = self.link_edit.text().strip()
        self._payload = None
        self._link_error = ""
        if not text:
            self.info_panel.setVisible(False)
            return
        self.info_panel.setVisible(True)
        try:
            payload = decode_uri(text)
        except UserFacingError as exc:
            self._link_error = errors.message_text(exc)
            self.link_title.setText(self.tr("This is not a link the app can open"))
            self.link_info.setText(errors.message_text(exc))
            self.link_info.setStyleSheet(f"color: {tone_colour('error')};")
            self.passcode_row.setVisible(False)
            return
        self._payload = payload
        self.link_info.setStyleSheet("")
        self.link_title.setText(
            self.tr("“%1”").replace("%1", payload.label)
            if payload.label
            else self.tr("A link without a label")
        )
        facts = [
            self.tr("Works until %1").replace("%1", format_moment(payload.exp))
            if payload.exp is not None
            else self.tr("No end date set by the sender.")
        ]
        if payload.exp is not None and payload.exp < time.time():
            facts[0] = self.tr("Stopped working on %1.").replace("%1", format_moment(payload.exp))
        facts.append(
            self.tr("Needs a passcode: the sender tells you it.")
            if payload.needs_passcode
            else self.tr("No passcode needed.")
        )
        if payload.long_term:
            facts.append(self.tr("The sender may update its content."))
        self.link_info.setText("\n".join(facts))
        self.passcode_row.setVisible(payload.needs_passcode)

    def _show_attempts(self) -> None:
        remaining = self._remaining
        if remaining is None:
            text = ""
        elif remaining:
            text = self.tr(
                "Wrong passcode. %n attempt(s) left before the link is disabled.", "", remaining
            )
        else:
            text = self.tr("Wrong passcode, and no attempts are left: the link is now disabled.")
        self.attempts_label.setText(text)
        self.attempts_label.setVisible(bool(text))

    def choose_qr_image(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a picture of the QR code"),
            "",
            self.tr("Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp)"),
        )
        if name:
            self.load_qr_image(Path(name))

    def load_qr_image(self, path: Path) -> bool:
        try:
            self.link_edit.setText(qr.decode_qr_file(path))
            self.link_edit.setCursorPosition(0)
        except UserFacingError as exc:
            self._say(errors.message_text(exc), error=True)
            return False
        self._say(self.tr("The QR code was read."))
        return True

    def open_blocked_reason(self) -> str | None:
        """Why "Open link" cannot be pressed now, in words, or None when it can."""
        if self._worker is not None and self._worker.is_running:
            return self.tr("Fetching…")
        if not self.link_edit.text().strip():
            return self.tr("Paste a link or load a QR code first.")
        if self._payload is None:
            return self.tr("This is not a link the app can open.")
        if self._payload.needs_passcode and self._remaining == 0:
            return self.tr("The link is disabled after too many wrong passcodes.")
        if self._payload.needs_passcode and not self.passcode_edit.text():
            return self.tr("Type the passcode first.")
        return None

    def open_link(self) -> Worker | None:
        self._describe_link()
        payload = self._payload
        reason = self.open_blocked_reason()
        if payload is None or reason is not None:
            self._say(self._link_error or reason or "", error=True)
            return None
        passcode = self.passcode_edit.text() if payload.needs_passcode else None
        recipient = self.recipient_edit.text().strip() or DEFAULT_RECIPIENT
        worker = Worker(fetch_link, payload, recipient, passcode, self._deadline())
        worker.progress.connect(self._progress)
        worker.finished_ok.connect(self._received)
        worker.failed.connect(self._failed)
        worker.done.connect(self._fetch_done)
        self._cancel_checks()
        self.received = None
        self.results.clear()
        # The last attempt's "wrong passcode" is about that attempt: it goes the moment a new
        # one starts, and comes back only if this one is wrong too.
        self.attempts_label.setVisible(False)
        self._say(self.tr("Fetching…"))
        self.progress_bar.setVisible(True)
        self._worker = worker.start()
        self._update_buttons()
        return worker

    def _deadline(self) -> float | None:
        if self._context is None:
            return None
        seconds = self._context.settings.link_fetch_deadline
        return float(seconds) if seconds > 0 else None

    def _progress(self, done: int, total: int, text: str) -> None:
        if not text:
            return
        words = self._progress_in_words(text)
        if total > 1:
            words = self.tr("%1 (%2 of %3)").replace("%1", words)
            words = words.replace("%2", str(min(done + 1, total))).replace("%3", str(total))
        self._say(words)

    def _progress_in_words(self, text: str) -> str:
        """The core's progress texts the person sees most, in the interface language."""
        if text == "Contacting the link host":
            return self.tr("Contacting the sender's computer…")
        if text.startswith("Downloading"):
            return self.tr("Downloading…")
        if text.startswith("Fetching file") or text == "Decrypting":
            return self.tr("Decrypting…")
        if text.startswith("Validating") or text == "Validated":
            return self.tr("Checking the documents against their profiles…")
        return self.tr("Fetching…")

    def _fetch_done(self) -> None:
        if self._checker is None:
            self.progress_bar.setVisible(False)
        self._update_buttons()

    def _cancel_checks(self) -> None:
        if self._checker is not None:
            self._checker.cancel()
            self._checker = None

    def _check_documents(self, received: receive.Received) -> Worker:
        checker = Worker(validate_received, received)
        self._checker = checker

        def finished(result: object) -> None:
            if checker is self._checker and result is self.received:
                self._show_received(received)

        def done() -> None:
            if checker is self._checker:
                self._checker = None
                self.progress_bar.setVisible(False)
                self.checks_label.setVisible(False)
                self.checks_finished.emit()

        checker.finished_ok.connect(finished)
        checker.failed.connect(self._failed)
        checker.done.connect(done)
        self.checks_label.setText(self.tr("Checking the documents against their profiles…"))
        self.checks_label.setVisible(True)
        self.progress_bar.setVisible(True)
        return checker.start()

    def _failed(self, exc: object) -> None:
        if self._checker is None:
            self.progress_bar.setVisible(False)
        if isinstance(exc, client.WrongPasscode):
            self._remaining = exc.remaining_attempts
            self._show_attempts()
            self.passcode_edit.clear()
            self.passcode_edit.setFocus()
            self._say("")
        elif isinstance(exc, UserFacingError):
            self._say(self._refusal_in_words(exc), error=True)
        elif isinstance(exc, BaseException):
            errors.present(exc, self)
        self._update_buttons()

    def _refusal_in_words(self, exc: UserFacingError) -> str:
        """The refusals a recipient meets most, in the interface language; the rest as the core says."""
        if isinstance(exc, client.LinkExpired) and self._payload and self._payload.exp:
            return self.tr(
                "This link expired on %1, so it was not opened. Ask the sender for a new link."
            ).replace("%1", format_moment(self._payload.exp))
        if isinstance(exc, client.LinkNotActive):
            return self.tr(
                "This link no longer works: it has expired, was used up or was taken back by the "
                "sender. Ask the sender for a new link."
            )
        if isinstance(exc, client.TooManyRequests):
            return self.tr("The link was fetched too often just now. Wait a moment and try again.")
        if isinstance(exc, client.TooSlow):
            return self.tr(
                "The sender's computer sent the data too slowly, so the app stopped after %1 "
                "seconds. Try again later."
            ).replace("%1", f"{exc.seconds:g}")
        if isinstance(exc, client.HostUnreachable):
            return self.tr(
                "The computer that shares this link does not answer. It may be switched off, "
                "offline, or the sharing app may be closed."
            )
        return errors.message_text(exc)

    def _received(self, received: receive.Received) -> None:
        self._remaining = None
        self._show_attempts()
        self.received = received
        self._say("")
        self._show_received(received)
        self.received_ready.emit(received)
        if received.documents:
            self._check_documents(received)
        else:
            self.checks_finished.emit()

    def _show_received(self, received: receive.Received) -> None:
        self.results.clear()
        problems = False
        for item in received.items:
            self.results.addItem(self.tr("File: %1").replace("%1", item.name))
        for signature in received.signatures:
            check = signature.check
            if check.status == "ok":
                text = "✓ " + self.tr("Signature valid: %1 was signed by %2.")
            elif check.status == "untrusted":
                text = "✓ " + self.tr(
                    "Signature intact: %1 was signed by %2, who is not on your trusted list."
                )
            else:
                problems = True
                text = "⚠ " + self.tr(
                    "Signature NOT valid for %1: the content was changed or the signature is damaged."
                )
            self.results.addItem(
                text.replace("%1", signature.signed_name or signature.signature_name).replace(
                    "%2", check.signer or "?"
                )
            )
        for card in received.cards:
            problems |= card.status == health_card.INVALID
            self.results.addItem(self._card_verdict(card))
            for line in health_card.card_lines(card, self._language()):
                self.results.addItem("    " + line)
        for validation in received.validations:
            result = validation.result
            if result.errors:
                problems = True
                text = "⚠ " + self.tr("%1 breaks %n rule(s) of its format.", "", len(result.errors))
            else:
                text = "✓ " + self.tr("%1 follows the rules of its format.")
            self.results.addItem(text.replace("%1", validation.name))
        for note in received.notes:
            self.results.addItem(note if isinstance(note, str) else errors.translated(note))
        rows = max(1, self.results.count())
        self.results.setFixedHeight(
            rows * max(self.results.sizeHintForRow(0), 20) + 2 * self.results.frameWidth() + 4
        )
        if not received.items:
            title, colour = (
                self.tr("The link holds no files this app can open."),
                tone_colour("error"),
            )
        elif self.showable() is not None and not problems:
            title, colour = "✓ " + self.tr("Document ready"), tone_colour("ok")
        elif problems:
            title, colour = (
                "⚠ " + self.tr("Received, but look at the warnings"),
                tone_colour("error"),
            )
        else:
            title = "✓ " + self.tr("Received %n file(s).", "", len(received.items))
            colour = tone_colour("ok")
        self.result_title.setText(title)
        self.result_title.setStyleSheet(f"color: {colour};")
        self._update_buttons()

    def _card_verdict(self, card: health_card.HealthCard) -> str:
        issuer = card.issuer_name or card.issuer or "?"
        if card.status == health_card.VERIFIED:
            text = "✓ " + self.tr("Health card %1: verified, issued by %2.")
        elif card.status == health_card.NOT_VERIFIED:
            text = self.tr(
                "Health card %1: not verified: the key of its issuer %2 is not known here."
            )
        else:
            text = "⚠ " + self.tr("Health card %1 is NOT valid: %2.")
            issuer = card.reason
        return text.replace("%1", str(card.index)).replace("%2", issuer)

    def _language(self) -> str:
        return self._context.ui_language if self._context is not None else "en"

    def _update_buttons(self) -> None:
        reason = self.open_blocked_reason()
        self.open_button.setEnabled(reason is None)
        self.open_reason.setText(reason or "")
        self.open_button.setToolTip(reason or "")
        has = self.received is not None and bool(self.received.items)
        self.result_panel.setVisible(self.received is not None)
        self.save_button.setEnabled(has)
        showable = self.showable() is not None
        self.show_button.setEnabled(showable)
        self.show_reason.setText(
            ""
            if showable or not has
            else self.tr("None of the files is a health document the viewer can show.")
        )

    # -- acting on the result ------------------------------------------------------------------
    def showable(self) -> receive.ReceivedItem | None:
        if self.received is None:
            return None
        # The viewer shows FHIR documents; a health card's collection Bundle is listed instead.
        return next(
            (
                i
                for i in self.received.items
                if i.resource_type == "Bundle" and i.bundle_type in ("document", None)
            ),
            None,
        )

    def show_document(self) -> Worker | None:
        item = self.showable()
        if item is None:
            return None
        worker = Worker(load_document_bytes, item.data, item.name)
        worker.finished_ok.connect(self.document_opened.emit)
        worker.failed.connect(self._failed)
        self._worker = worker.start()
        return worker

    def choose_save_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder for the files"))
        if folder:
            self.save_to(Path(folder))

    def save_to(self, folder: Path) -> list[Path]:
        if self.received is None:
            return []
        try:
            written = receive.save(self.received, folder)
        except UserFacingError as exc:
            self._say(errors.message_text(exc), error=True)
            return []
        self._say(self.tr("Saved %n file(s) in %1.", "", len(written)).replace("%1", str(folder)))
        return written

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet(f"color: {tone_colour('error')};" if error else "")
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def reset(self) -> None:
        self._cancel_checks()
        if self._worker is not None:
            self._worker.cancel()
        self.link_edit.clear()
        self.recipient_edit.clear()
        self._link_changed()
