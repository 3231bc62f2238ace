"""Shared links: run the link host, create SMART Health Links, show their QR code, revoke them.

The page's behaviour over ``link_layout.LinkViewLayout`` (its widgets and texts): the
controller wires the widgets to the core. The link host is the app's one host
(``core.shl.app_host``), which the share wizard also starts; ``link_host.LinkHostController`` shows
and steers it. It binds 127.0.0.1 unless the person turns on "local network" (for a phone at
the booth) and confirms the warning. Starting the host, creating a link (scrypt, encryption)
and saving a QR code run on the worker.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QListWidgetItem,
    QMessageBox,
    QTableWidgetItem,
    QWidget,
)

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.shl import app_host, provider
from xshare_desktop.core.shl.content import share_files_from_paths
from xshare_desktop.core.shl.store import LinkStatus
from xshare_desktop.gui import errors
from xshare_desktop.gui.context import AppContext
from xshare_desktop.gui.local_network import confirm_local_network
from xshare_desktop.gui.views.link_host import LinkHostController, start_host_task
from xshare_desktop.gui.views.link_layout import (
    EXPIRY_CHOICES,
    LinkViewLayout,
)
from xshare_desktop.gui.worker import Worker
from xshare_desktop.render.qr_pdf import save_qr


def _create_link(
    paths: list[str],
    options: provider.LinkOptions,
    base_url: str | None,
    local_network: bool,
    *,
    progress: Any,
) -> tuple[str, str]:
    if base_url is None:  # no host yet: start it here, off the GUI thread, then publish on it
        base_url = start_host_task(local_network, progress=progress)
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


class LinkView(LinkViewLayout):
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
        self._wire()
        if context is not None:
            context.document_changed.connect(lambda _document: self._options_changed())
        self.retranslate()

    def _wire(self) -> None:
        self.host_button.clicked.connect(self.toggle_host)
        self.lan_check.toggled.connect(self._lan_toggled)
        self.add_document_button.clicked.connect(self.add_open_document)
        self.add_files_button.clicked.connect(self.choose_files)
        self.clear_files_button.clicked.connect(self.clear_files)
        self.passcode_check.toggled.connect(self._options_changed)
        self.passcode_edit.textChanged.connect(self._options_changed)
        for check in (self.once_check, self.long_term_check, self.single_check):
            check.toggled.connect(self._options_changed)
        self.create_button.clicked.connect(self.create_link)
        self.links_table.itemSelectionChanged.connect(self._show_selected)
        self.update_button.clicked.connect(self.choose_update_files)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.copy_button.clicked.connect(self.copy_link)
        self.png_button.clicked.connect(lambda: self.choose_qr_export(".png"))
        self.svg_button.clicked.connect(lambda: self.choose_qr_export(".svg"))
        self.pdf_button.clicked.connect(lambda: self.choose_qr_export(".pdf"))

    def retranslate(self) -> None:
        super().retranslate()
        self._show_host_state()
        self._options_changed()
        self.refresh()
        self._fit_left_column()

    def showEvent(self, event: QShowEvent) -> None:
        # Links made in the share wizard, and its host, appear when the page comes back.
        self._show_host_state()
        self.refresh()
        super().showEvent(event)

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
                preview = app_host.network_address_preview()
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
        worker = Worker(start_host_task, self.lan_check.isChecked())
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
            self._say(label, errors.message_text(exc), error=True)
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
