"""Workbench step 4: the conformance statement as it stands, and exporting the evidence pack."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.workbench.declaration import DOWNLOAD, FHIR_DOCUMENT, ONE_TIME_SHARE, PDF
from xshare_desktop.core.workbench.evidence import write_evidence_pack
from xshare_desktop.core.workbench.evidence_pack import EvidencePack
from xshare_desktop.core.workbench.specifications import CATEGORY_TITLES
from xshare_desktop.core.workbench.statement import COLUMNS, FORMATS, content_matrix
from xshare_desktop.gui import errors
from xshare_desktop.gui.style import set_heading
from xshare_desktop.gui.widgets import MutedLabel
from xshare_desktop.gui.workbench.parts import readonly_item
from xshare_desktop.gui.worker import Worker

_STATUS_COLOURS = {"passed": "#2e7d32", "failed": "#c62828"}


def _has_signing_key() -> bool:
    from xshare_desktop.core.signing import keys

    return keys.has_identity()


def _sign(identity: Any, data: bytes, media: str) -> Any:
    from xshare_desktop.core.signing.jws import sign_bytes

    return sign_bytes(data, identity, media)


def _write_pack(
    pack: EvidencePack, folder: Path, with_pdf: bool, passphrase: str | None, *, progress: Any
) -> bool:
    """Unlock the signing key (when asked), render the PDF and write the pack: worker work."""
    signer = None
    if passphrase is not None:
        from xshare_desktop.core.signing import keys

        signer = partial(_sign, keys.load_identity(passphrase))

    renderer = None
    if with_pdf:
        from xshare_desktop.render.pdf import render_pdf

        renderer = render_pdf
    progress.step(0, 1, "")
    write_evidence_pack(pack, folder, pdf_renderer=renderer, signer=signer)
    return signer is not None


class EvidenceTab(QWidget):
    written = Signal(str)  # the folder

    def __init__(self, pack: Callable[[], EvidencePack], parent: QWidget | None = None) -> None:
        """``pack`` builds the pack from the other tabs; it raises UserFacingError when the
        declaration is incomplete."""
        super().__init__(parent)
        self._pack = pack
        self._has_key = _has_signing_key()
        self.exportable = False
        self._worker: Worker | None = None
        self._others_busy = False
        layout = QVBoxLayout(self)
        self.intro = MutedLabel()
        self.intro.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("WorkbenchSummary")
        self.summary.setWordWrap(True)
        self.statement_label = QLabel()
        set_heading(self.statement_label, 2)
        self.statement = QTableWidget(0, 0)
        self.statement.setObjectName("WorkbenchStatement")
        self.statement.setWordWrap(True)
        self.statement.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.sign_box = QCheckBox()
        self.sign_box.setObjectName("WorkbenchSign")
        self.sign_box.toggled.connect(self.update_state)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_label = QLabel()
        sign_row = QHBoxLayout()
        sign_row.addWidget(self.sign_box)
        sign_row.addWidget(self.passphrase_label)
        sign_row.addWidget(self.passphrase, 1)
        self.export_button = QPushButton()
        self.export_button.setObjectName("WorkbenchExport")
        self.export_button.setProperty("role", "primary")
        self.export_button.clicked.connect(self.choose_export)
        self.status = QLabel()
        self.status.setObjectName("WorkbenchExportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.intro)
        layout.addWidget(self.summary)
        layout.addWidget(self.statement_label)
        layout.addWidget(self.statement, 1)
        layout.addLayout(sign_row)
        layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "The evidence pack holds the conformance statement filled in from your "
                "declaration and the results, every report and every test case, as HTML, PDF "
                "and JSON."
            )
        )
        self.statement_label.setText(self.tr("Conformance statement"))
        self.sign_box.setText(self.tr("Sign every file with my signing key"))
        self.passphrase_label.setText(self.tr("Passphrase:"))
        self.export_button.setText(self.tr("Export evidence pack…"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the statement and the summary ---------------------------------------------------------
    def refresh(self) -> None:
        """Redraw from the other tabs' current state."""
        try:
            pack = self._pack()
        except UserFacingError as exc:
            self.statement.setRowCount(0)
            self.summary.setText(errors.describe(exc))
            self.exportable = False
            self.update_state()
            return
        self._fill_statement(pack)
        counts = pack.tally
        self.exportable = counts.total > 0
        if not self.exportable:
            self.summary.setText(self.tr("Run the content or link tests first."))
        else:
            self.summary.setText(
                self.tr("%1 test cases passed, %2 failed, %3 not applicable.")
                .replace("%1", str(counts.passed))
                .replace("%2", str(counts.failed))
                .replace("%3", str(counts.not_applicable))
            )
        self.update_state()

    def _fill_statement(self, pack: EvidencePack) -> None:
        matrix = content_matrix(pack.declaration, pack.content, pack.links, pack.consumer)
        statuses = {
            "not-claimed": "—",
            "passed": self.tr("Passed"),
            "failed": self.tr("Failed"),
            "not-tested": self.tr("Claimed, not tested"),
            "self-assessed": self.tr("Claimed, self-assessed"),
        }
        features = {DOWNLOAD: self.tr("Download"), ONE_TIME_SHARE: self.tr("One-time share")}
        sides = {"provider": self.tr("Provider"), "consumer": self.tr("Consumer")}
        formats = {FHIR_DOCUMENT: self.tr("FHIR document"), PDF: self.tr("PDF")}
        headers = [
            f"{features[feature]}\n{sides[side]}\n{formats[fmt]}"
            for feature, side in COLUMNS
            for fmt in FORMATS
        ]
        self.statement.setColumnCount(len(headers))
        self.statement.setHorizontalHeaderLabels(headers)
        self.statement.setRowCount(len(matrix))
        self.statement.setVerticalHeaderLabels([CATEGORY_TITLES[c] for c in matrix])
        for row, cells in enumerate(matrix.values()):
            column = 0
            for feature, side in COLUMNS:
                for fmt in FORMATS:
                    cell = cells[f"{feature}/{side}"][fmt]
                    item = readonly_item(statuses[cell.status], cell.note or None)
                    if cell.status in _STATUS_COLOURS:
                        item.setForeground(QBrush(QColor(_STATUS_COLOURS[cell.status])))
                    self.statement.setItem(row, column, item)
                    column += 1
        self.statement.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.statement.resizeRowsToContents()

    # -- export --------------------------------------------------------------------------------
    def choose_export(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self, self.tr("Choose an empty folder for the evidence pack")
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, folder: Path, *, with_pdf: bool = True) -> Worker | None:
        """Write the pack to ``folder`` on a worker thread (unlocking the key, rendering the PDF
        and writing every file take seconds); ``written`` follows when it is done."""
        try:
            pack = self._pack()  # read from the other tabs here, on the GUI thread
        except UserFacingError as exc:
            self.status.setText(errors.describe(exc))
            return None
        passphrase = self.passphrase.text() if self.sign_box.isChecked() else None
        worker = Worker(_write_pack, pack, folder, with_pdf, passphrase)
        worker.finished_ok.connect(lambda signed: self._exported(folder, signed))
        worker.failed.connect(self._export_failed)
        worker.done.connect(self.update_state)
        self._worker = worker.start()
        self.update_state()
        self.status.setText(self.tr("Writing the evidence pack…"))
        return worker

    def _exported(self, folder: Path, signed: bool) -> None:
        if signed:
            done = self.tr("The evidence pack is in %1. Every file is signed.")
        else:
            done = self.tr("The evidence pack is in %1.")
        self.status.setText(done.replace("%1", str(folder)))
        self.written.emit(str(folder))

    def _export_failed(self, exc: object) -> None:
        if isinstance(exc, UserFacingError):
            self.status.setText(errors.describe(exc))
        elif isinstance(exc, BaseException):
            self.status.setText("")
            errors.present(exc, self)

    @property
    def busy(self) -> bool:
        return self._worker is not None and self._worker.is_running

    def update_state(self, *_signal_args: object, busy: bool | None = None) -> None:
        """``busy``: whether another tab's work runs (the pack would miss its result)."""
        if busy is not None:
            self._others_busy = busy
        self.sign_box.setEnabled(self._has_key and not self.busy)
        self.passphrase.setEnabled(self.sign_box.isChecked() and not self.busy)
        self.export_button.setEnabled(self.exportable and not self.busy and not self._others_busy)
