"""Workbench step 2: validate a folder of the vendor's documents; matrix and drill-down."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.workbench.content_tests import ContentRun, DocumentReport, validate_folder
from xshare_desktop.core.workbench.results import Verdict
from xshare_desktop.core.workbench.specifications import specification
from xshare_desktop.gui import errors
from xshare_desktop.gui.widgets import MutedLabel
from xshare_desktop.gui.workbench.parts import readonly_item, verdict_item
from xshare_desktop.gui.worker import Worker

_SEVERITY_ORDER = ("fatal", "error", "warning", "information")


class ContentTab(QWidget):
    finished = Signal(object)  # ContentRun
    busy_changed = Signal()

    def __init__(self, spec_ids: Callable[[], list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._spec_ids = spec_ids
        self._worker: Worker | None = None
        self._status = ("idle", "")
        self.folder: Path | None = None
        self.run: ContentRun | None = None

        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.folder_button = QPushButton()
        self.folder_button.setObjectName("WorkbenchChooseFolder")
        self.folder_button.clicked.connect(self.choose_folder)
        self.folder_label = MutedLabel()
        self.run_button = QPushButton()
        self.run_button.setObjectName("WorkbenchRunContent")
        self.run_button.setProperty("role", "primary")
        self.run_button.clicked.connect(self.start)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.folder_button)
        row.addWidget(self.folder_label, 1)
        row.addWidget(self.run_button)
        row.addWidget(self.cancel_button)
        self.progress = QProgressBar()
        self.progress.setObjectName("WorkbenchContentProgress")
        self.progress.setTextVisible(False)
        self.status = QLabel()
        self.status.setObjectName("WorkbenchContentStatus")
        self.status.setWordWrap(True)

        self.matrix = QTableWidget(0, 5)
        self.matrix.setObjectName("WorkbenchMatrix")
        self.matrix.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.matrix.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.matrix.verticalHeader().setVisible(False)
        self.matrix.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.matrix.currentCellChanged.connect(self._document_selected)
        self.issues = QTreeWidget()
        self.issues.setObjectName("WorkbenchIssues")
        self.issues.setColumnCount(3)
        self.issues.setWordWrap(True)
        self.issues.setRootIsDecorated(False)
        self.issues.setColumnWidth(0, 110)
        self.issues.setColumnWidth(1, 340)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.matrix)
        splitter.addWidget(self.issues)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.folder_button.setText(self.tr("Choose folder…"))
        self.run_button.setText(self.tr("Validate documents"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.matrix.setHorizontalHeaderLabels(
            [
                self.tr("Document"),
                self.tr("Specification"),
                self.tr("Errors"),
                self.tr("Warnings"),
                self.tr("Result"),
            ]
        )
        self.issues.setHeaderLabels([self.tr("Severity"), self.tr("Location"), self.tr("Message")])
        self.folder_label.setText(str(self.folder) if self.folder else self.tr("No folder chosen"))
        self._render_status()
        if self.run is not None:
            self._fill_matrix(self.run)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def busy(self) -> bool:
        return self._worker is not None

    # -- running -------------------------------------------------------------------------------
    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder of documents"))
        if name:
            self.set_folder(Path(name))

    def set_folder(self, folder: Path) -> None:
        self.folder = folder
        self.folder_label.setText(str(folder))
        self.update_state()

    def start(self) -> None:
        if self.folder is None or self._worker is not None:
            return
        spec_ids = self._spec_ids()
        if not spec_ids:
            self._status = ("failed", self.tr("Choose a content specification first."))
            self._render_status()
            return
        self.matrix.setRowCount(0)
        self.issues.clear()
        self.progress.setRange(0, 0)
        self._status = ("running", "")
        worker = Worker(validate_folder, self.folder, spec_ids)
        self._worker = worker
        worker.progress.connect(self._progress)
        worker.finished_ok.connect(self._done)
        worker.failed.connect(self._failed)
        worker.cancelled.connect(self._cancelled)
        worker.done.connect(self._worker_done)
        worker.start()
        self._render_status()
        self.update_state()
        self.busy_changed.emit()

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    def _progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self._status = ("running", text)
        self._render_status()

    def _done(self, run: ContentRun) -> None:
        self.run = run
        self._status = ("done", "")
        self._fill_matrix(run)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, UserFacingError):
            errors.present(exc, self)
        self._status = ("failed", errors.describe(exc))

    def _cancelled(self) -> None:
        self._status = ("cancelled", "")

    def _worker_done(self) -> None:
        self._worker = None
        self.progress.setRange(0, 1)
        self.progress.setValue(1 if self._status[0] == "done" else 0)
        self._render_status()
        self.update_state()
        self.busy_changed.emit()
        if self._status[0] == "done":
            self.finished.emit(self.run)

    def _render_status(self) -> None:
        kind, text = self._status
        if kind == "running":
            shown = text or self.tr("Validating…")
        elif kind == "done" and self.run is not None:
            reports = self.run.reports
            failed = sum(1 for r in reports if not r.ok)
            shown = (
                self.tr("%1 documents: %2 passed, %3 failed. Select a document to see its issues.")
                .replace("%1", str(len(reports)))
                .replace("%2", str(len(reports) - failed))
                .replace("%3", str(failed))
            )
        elif kind == "cancelled":
            shown = self.tr("Cancelled.")
        elif kind == "failed":
            shown = text
        else:
            shown = self.tr("Choose a folder with your product's documents (.json or .xml).")
        self.status.setText(shown)

    def update_state(self) -> None:
        running = self._worker is not None
        self.run_button.setEnabled(
            self.folder is not None and not running and bool(self._spec_ids())
        )
        self.cancel_button.setEnabled(running)
        self.folder_button.setEnabled(not running)

    # -- matrix and drill-down -----------------------------------------------------------------
    def _fill_matrix(self, run: ContentRun) -> None:
        self.matrix.setRowCount(len(run.reports))
        for row, report in enumerate(run.reports):
            case = report.case()
            spec = specification(report.spec_id).title if report.spec_id else "—"
            self.matrix.setItem(row, 0, readonly_item(report.name))
            self.matrix.setItem(row, 1, readonly_item(spec))
            self.matrix.setItem(row, 2, readonly_item(str(report.error_count)))
            self.matrix.setItem(row, 3, readonly_item(str(report.warning_count)))
            verdict = self.tr("Pass") if case.verdict is Verdict.PASS else self.tr("Fail")
            self.matrix.setItem(row, 4, verdict_item(case.verdict, verdict))
        self.matrix.resizeColumnsToContents()
        self.matrix.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if run.reports:
            self.matrix.selectRow(0)

    def _document_selected(self, row: int, *_: int) -> None:
        self.issues.clear()
        if self.run is not None and 0 <= row < len(self.run.reports):
            self.show_report(self.run.reports[row])

    def show_report(self, report: DocumentReport) -> None:
        self.issues.clear()
        if report.problem is not None:
            self.issues.addTopLevelItem(
                QTreeWidgetItem([self.tr("error"), report.name, report.problem])
            )
            return
        assert report.result is not None
        severities = {
            "fatal": self.tr("fatal"),
            "error": self.tr("error"),
            "warning": self.tr("warning"),
            "information": self.tr("information"),
        }
        for issue in sorted(report.result.issues, key=lambda i: _SEVERITY_ORDER.index(i.severity)):
            where = issue.expression + (f" ({issue.line}:{issue.column})" if issue.line else "")
            item = QTreeWidgetItem([severities[issue.severity], where, issue.message])
            item.setToolTip(2, issue.message)
            self.issues.addTopLevelItem(item)
        if not report.result.issues:
            self.issues.addTopLevelItem(QTreeWidgetItem(["", "", self.tr("No issues found.")]))
