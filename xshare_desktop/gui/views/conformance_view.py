"""Check conformance: validate documents against the installed FHIR profiles and show the findings.

The page's behaviour over ``conformance_layout.ConformanceViewLayout`` (its widgets and
texts). It loads the package context and runs the validator on a worker thread (``gui.worker``),
shows issues in a tree grouped by severity and resource, shows the document text around the
element an issue points at, and exports the report (HTML, OperationOutcome JSON, JUnit XML).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QFileDialog, QListWidgetItem, QTreeWidget, QTreeWidgetItem, QWidget

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import atomic_write_text, dumps_json
from xshare_desktop.core.validation.checking import CheckRun, DocumentSource
from xshare_desktop.core.validation.issues import ValidationIssue
from xshare_desktop.core.validation.outcome import outcome_for, sorted_issues
from xshare_desktop.core.validation.report import render_html, render_junit, resource_label
from xshare_desktop.gui import errors
from xshare_desktop.gui.views.conformance_checker import ConformanceChecker
from xshare_desktop.gui.views.conformance_layout import ConformanceViewLayout
from xshare_desktop.gui.worker import Worker

# Readable on light and dark backgrounds (text colour of the severity group headings).
SEVERITY_COLOURS = {
    "fatal": "#c62828",
    "error": "#c62828",
    "warning": "#b35c00",
    "information": "#1565c0",
}
ISSUE_ROLE = Qt.ItemDataRole.UserRole
FULL_TEXT_LIMIT = 1_000_000  # characters shown in full; beyond, a window around the element
CONTEXT_LINES = 300
EXPORT_FORMATS = ("html", "json", "junit")


class ConformanceView(ConformanceViewLayout):
    check_finished = Signal(object)  # the CheckRun shown
    close_requested = Signal()

    def __init__(
        self, context: Any = None, document: Any = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._app_context = context
        self._checker = ConformanceChecker()
        self._worker: Worker | None = None
        self._profiles_worker: Worker | None = None
        self._open_document: Any = None
        self._status_kind = "idle"  # idle|loading|running|done|cancelled|failed|exported
        self._failure = ""
        self._progress_text = ""
        self._exported_to = ""
        self._shown_check: int | None = None
        self._lines_cache: tuple[int | None, list[str]] = (None, [])
        self.run: CheckRun | None = None
        self.sources: list[DocumentSource] = []
        self.add_button.clicked.connect(self.choose_files)
        self.use_open_button.clicked.connect(self.use_open_document)
        self.remove_button.clicked.connect(self.remove_selected)
        self.check_button.clicked.connect(self.start_check)
        self.cancel_button.clicked.connect(self.cancel_check)
        self.export_button.clicked.connect(self.choose_export)
        self.issues.currentItemChanged.connect(self._issue_selected)

        self.retranslate()
        if document is not None:
            self.set_document(document)
        self._load_profiles()
        self._update_state()

    def retranslate(self) -> None:
        super().retranslate()
        self._render_status()
        if self.run is not None:
            self._fill_tree(self.run)

    # -- the specification list ----------------------------------------------------------------
    def _load_profiles(self) -> None:
        self.profile_combo.clear()
        self.profile_combo.addItem(self._detect_text(), None)
        self._status_kind = "loading"
        worker = Worker(self._checker.profiles)
        self._profiles_worker = worker
        worker.finished_ok.connect(self._show_profiles)
        worker.failed.connect(self._profiles_failed)
        worker.done.connect(self._profiles_done)
        worker.start()

    def _show_profiles(self, profiles: list[tuple[str, str, str]]) -> None:
        for url, name, package in profiles:
            self.profile_combo.addItem(f"{name} ({package})", url)
            self.profile_combo.setItemData(
                self.profile_combo.count() - 1, url, Qt.ItemDataRole.ToolTipRole
            )
        if self._status_kind == "loading":
            self._status_kind = "idle"

    def _profiles_failed(self, exc: BaseException) -> None:
        self._check_failed(exc)

    def _profiles_done(self) -> None:
        self._profiles_worker = None
        self._update_state()

    @property
    def profiles_ready(self) -> bool:
        return self._profiles_worker is None

    # -- documents -----------------------------------------------------------------------------
    def set_document(self, document: Any) -> None:
        """The app's open document changed (called by the navigator)."""
        self._open_document = document
        self._update_state()

    def add_paths(self, paths: list[str | Path]) -> None:
        for path in paths:
            source = Path(path)
            if source not in self.sources:
                self.sources.append(source)
                item = QListWidgetItem(source.name)
                item.setToolTip(str(source))
                self.documents.addItem(item)
        self._update_state()

    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose FHIR documents to check"),
            "",
            self.tr("FHIR documents (*.json *.xml);;All files (*)"),
        )
        if names:
            self.add_paths(list(names))

    def use_open_document(self) -> None:
        document = self._open_document
        if document is None:
            return
        source = getattr(document, "source", None)
        if source is not None and Path(source).is_file():
            self.add_paths([Path(source)])
            return
        name = getattr(document, "title", "") or self.tr("open document")
        label = f"{name}.json"
        self.sources.append((label, bytes(document.raw_bytes)))
        self.documents.addItem(QListWidgetItem(label))
        self._update_state()

    def remove_selected(self) -> None:
        row = self.documents.currentRow()
        if 0 <= row < len(self.sources):
            del self.sources[row]
            self.documents.takeItem(row)
        self._update_state()

    def clear_documents(self) -> None:
        self.sources.clear()
        self.documents.clear()
        self._update_state()

    # -- running -------------------------------------------------------------------------------
    @property
    def selected_profile(self) -> str | None:
        data = self.profile_combo.currentData()
        return data if isinstance(data, str) else None

    def select_profile(self, url: str) -> bool:
        index = self.profile_combo.findData(url)
        if index >= 0:
            self.profile_combo.setCurrentIndex(index)
        return index >= 0

    def start_check(self) -> Worker | None:
        if not self.sources or self._worker is not None:
            return None
        self.run = None
        self.issues.clear()
        self.source_view.clear()
        self.detail.clear()
        self._shown_check = None
        self._lines_cache = (None, [])
        self._status_kind = "running"
        self.progress.setRange(0, 0)
        worker = Worker(self._checker.check, list(self.sources), self.selected_profile)
        self._worker = worker
        worker.progress.connect(self._show_progress)
        worker.finished_ok.connect(self._show_run)
        worker.failed.connect(self._check_failed)
        worker.cancelled.connect(self._check_cancelled)
        worker.done.connect(self._check_done)
        worker.start()
        self._update_state()
        return worker

    def cancel_check(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self.cancel_button.setEnabled(False)

    def _show_progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        self._progress_text = text
        self._render_status()

    def _show_run(self, run: CheckRun) -> None:
        self.run = run
        self._status_kind = "done"
        self._fill_tree(run)
        self.check_finished.emit(run)

    def _check_failed(self, exc: BaseException) -> None:
        self._status_kind = "failed"
        if isinstance(exc, UserFacingError):
            self._failure = errors.user_message(exc)
        else:
            self._failure = ""
            errors.present(exc, self)

    def _check_cancelled(self) -> None:
        self._status_kind = "cancelled"

    def _check_done(self) -> None:
        self._worker = None
        self.progress.setRange(0, 1)
        self.progress.setValue(1 if self._status_kind == "done" else 0)
        self._update_state()

    @property
    def is_running(self) -> bool:
        return self._worker is not None

    # -- showing the findings ------------------------------------------------------------------
    def _severity_title(self, severity: str, count: int) -> str:
        titles = {
            "fatal": self.tr("Unreadable (%1)"),
            "error": self.tr("Errors (%1)"),
            "warning": self.tr("Warnings (%1)"),
            "information": self.tr("Information (%1)"),
        }
        return titles[severity].replace("%1", str(count))

    def _fill_tree(self, run: CheckRun) -> None:
        self.issues.clear()
        several = len(run.checks) > 1
        for check_index, check in enumerate(run.checks):
            result = check.result
            parent: QTreeWidget | QTreeWidgetItem = self.issues
            if several:
                if check.unreadable:
                    verdict = self.tr("could not be read")
                else:
                    verdict = self.tr("conforms") if result.ok else self.tr("does not conform")
                file_item = QTreeWidgetItem([f"{Path(result.file or '').name}: {verdict}"])
                file_item.setToolTip(0, result.file or "")
                self.issues.addTopLevelItem(file_item)
                file_item.setExpanded(True)
                parent = file_item
            if not result.issues:
                self._add_child(parent, [self.tr("No issues found.")])
            document = check.document.resource if check.document else None
            ordered = sorted_issues(result.issues)
            for severity in ("fatal", "error", "warning", "information"):
                members = [i for i in ordered if i.severity == severity]
                if not members:
                    continue
                group = self._add_child(parent, [self._severity_title(severity, len(members))])
                group.setForeground(0, QBrush(QColor(SEVERITY_COLOURS[severity])))
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setExpanded(severity != "information")
                by_resource: dict[str, list[ValidationIssue]] = {}
                for issue in members:
                    label = resource_label(issue.expression, document) if issue.expression else ""
                    by_resource.setdefault(label or self.tr("Document"), []).append(issue)
                for label, issues in by_resource.items():
                    resource_item = self._add_child(group, [f"{label} ({len(issues)})"])
                    resource_item.setExpanded(True)
                    for issue in issues:
                        line = str(issue.line) if issue.line is not None else ""
                        item = self._add_child(
                            resource_item, [issue.message, issue.expression, line]
                        )
                        item.setToolTip(0, issue.message)
                        item.setToolTip(1, issue.expression)
                        item.setData(0, ISSUE_ROLE, (check_index, issue))
        self.issues.resizeColumnToContents(2)
        self.issues.setColumnWidth(0, max(320, self.issues.width() // 2))

    @staticmethod
    def _add_child(parent: QTreeWidget | QTreeWidgetItem, texts: list[str]) -> QTreeWidgetItem:
        item = QTreeWidgetItem(texts)
        if isinstance(parent, QTreeWidget):
            parent.addTopLevelItem(item)
        else:
            parent.addChild(item)
        return item

    def issue_items(self) -> list[QTreeWidgetItem]:
        """Every tree item that stands for one issue, in tree order."""
        found: list[QTreeWidgetItem] = []

        def walk(item: QTreeWidgetItem | None) -> None:
            if item is None:
                return
            if item.data(0, ISSUE_ROLE) is not None:
                found.append(item)
            for index in range(item.childCount()):
                walk(item.child(index))

        for index in range(self.issues.topLevelItemCount()):
            walk(self.issues.topLevelItem(index))
        return found

    def _issue_selected(self, item: QTreeWidgetItem | None, _previous: Any = None) -> None:
        payload = item.data(0, ISSUE_ROLE) if item is not None else None
        if payload is None or self.run is None:
            return
        check_index, issue = payload
        check = self.run.checks[check_index]
        rule = f" [{issue.source}]" if issue.source else ""
        detail = f"{issue.severity}{rule}: {issue.message}\n{issue.expression}"
        text = check.document.text if check.document else ""
        line = issue.line
        if len(text) <= FULL_TEXT_LIMIT:
            if self._shown_check != check_index:
                self.source_view.setPlainText(text)
                self._shown_check = check_index
        else:
            # A very large document would freeze the window while Qt lays it out: show the
            # lines around the element instead.
            lines = self._split_lines(check_index, text)
            centre = (line or 1) - 1
            first = max(0, centre - CONTEXT_LINES)
            last = min(len(lines), centre + CONTEXT_LINES + 1)
            self.source_view.setPlainText("\n".join(lines[first:last]))
            self._shown_check = None
            line = line - first if line is not None else None
            detail += "\n" + (
                self.tr("Showing lines %1 to %2 of %3.")
                .replace("%1", str(first + 1))
                .replace("%2", str(last))
                .replace("%3", str(len(lines)))
            )
        self.detail.setText(detail)
        self.show_position(line, issue.column)

    def _split_lines(self, check_index: int, text: str) -> list[str]:
        if self._lines_cache[0] != check_index:
            self._lines_cache = (check_index, text.split("\n"))
        return self._lines_cache[1]

    # -- export --------------------------------------------------------------------------------
    def report_text(self, fmt: str) -> str:
        if self.run is None:
            return ""
        results = self.run.results
        if fmt == "json":
            return dumps_json(outcome_for(results)).decode("utf-8")
        if fmt == "junit":
            return render_junit(results)
        documents = {
            str(c.document.path): c.document.resource for c in self.run.checks if c.document
        }
        return render_html(results, documents, title=self.tr("Conformance report"))

    def export_report(self, path: str | Path, fmt: str) -> Path:
        if fmt not in EXPORT_FORMATS:
            raise ValueError(f"unknown report format {fmt}")
        return atomic_write_text(path, self.report_text(fmt))

    def choose_export(self) -> None:
        if self.run is None:
            return
        filters = {
            self.tr("HTML report (*.html)"): "html",
            self.tr("FHIR OperationOutcome (*.json)"): "json",
            self.tr("JUnit XML for CI (*.xml)"): "junit",
        }
        name, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export the report"), "conformance-report.html", ";;".join(filters)
        )
        if not name:
            return
        fmt = filters.get(chosen, "html")
        try:
            self.export_report(name, fmt)
        except Exception as exc:  # shown as the error type calls for, never swallowed
            errors.present(exc, self)
            return
        self._status_kind = "exported"
        self._exported_to = name
        self._render_status()

    # -- state ---------------------------------------------------------------------------------
    def _render_status(self) -> None:
        kind = self._status_kind
        text = ""
        if kind == "loading":
            text = self.tr("Loading the installed specifications…")
        elif kind == "running":
            if self._progress_text:
                text = self.tr("Checking %1…").replace("%1", self._progress_text)
            else:
                text = self.tr("Checking…")
        elif kind == "cancelled":
            text = self.tr("The check was cancelled.")
        elif kind == "failed":
            text = self._failure or self.tr("The check could not finish.")
        elif kind in ("done", "exported") and self.run is not None:
            text = self._summary_text(self.run)
            if kind == "exported":
                text += " " + self.tr("Report saved to %1.").replace("%1", self._exported_to)
        elif not self.sources:
            text = self.tr("Add one or more documents to check.")
        self.status.setText(text)

    def _summary_text(self, run: CheckRun) -> str:
        """What the check found; files that could not be read get no verdict on content."""
        results = [c.result for c in run.checks if not c.unreadable]
        unreadable = len(run.checks) - len(results)
        parts = []
        if results:
            failed = sum(1 for r in results if not r.ok)
            parts.append(
                self.tr("%1 of %2 documents conform.")
                .replace("%1", str(len(results) - failed))
                .replace("%2", str(len(results)))
            )
            parts.append(
                self.tr("%n error(s)", "", sum(len(r.errors) for r in results))
                + ", "
                + self.tr("%n warning(s).", "", sum(len(r.warnings) for r in results))
            )
        if unreadable:
            parts.append(
                self.tr(
                    "%n document(s) could not be read (not FHIR JSON or XML, or cut short).",
                    "",
                    unreadable,
                )
            )
        return " ".join(parts)

    def _update_state(self) -> None:
        running = self._worker is not None
        self.check_button.setEnabled(bool(self.sources) and not running)
        self.cancel_button.setEnabled(running)
        self.add_button.setEnabled(not running)
        self.remove_button.setEnabled(not running and bool(self.sources))
        self.use_open_button.setEnabled(not running and self._open_document is not None)
        self.profile_combo.setEnabled(not running)
        self.export_button.setEnabled(not running and self.run is not None)
        self._render_status()

    def reset(self) -> None:
        """Booth "Start over": stop work and forget documents and findings."""
        self.cancel_check()
        self.run = None
        self.issues.clear()
        self.source_view.clear()
        self.clear_documents()
