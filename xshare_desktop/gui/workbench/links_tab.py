"""Workbench step 3: test the vendor's link (Link Provider) and publish test links for their
viewer (Link Consumer), with a place to tick how the viewer behaved on each."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.workbench.consumer_results import consumer_cases
from xshare_desktop.core.workbench.provider_checks import (
    LinkTestOptions,
    LinkTestReport,
    check_link_against_specs,
)
from xshare_desktop.core.workbench.results import CaseResult, Verdict
from xshare_desktop.gui import errors
from xshare_desktop.gui.widgets import MutedLabel
from xshare_desktop.gui.workbench.parts import DATA_ROLE, readonly_item, verdict_item
from xshare_desktop.gui.worker import Worker

TICK_ORDER = (Verdict.NOT_APPLICABLE, Verdict.PASS, Verdict.FAIL)


class LinksTab(QWidget):
    finished = Signal(object)  # LinkTestReport
    busy_changed = Signal()
    ticks_changed = Signal()

    def __init__(self, spec_ids: Callable[[], list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._spec_ids = spec_ids
        self._worker: Worker | None = None
        self._status = ("idle", "")
        self._host: Any = None
        self._host_worker: Worker | None = None
        self._stop_when_published = False  # Stop or Start over came while the links started
        self.report: LinkTestReport | None = None
        # The vendor's ticks for the consumer test links; kept when the links stop.
        self.ticks: dict[str, Verdict] = {}

        self.provider_group = QGroupBox()
        provider = QVBoxLayout(self.provider_group)
        form = QFormLayout()
        self.uri_label = QLabel()
        self.uri_edit = QLineEdit()
        self.uri_edit.setObjectName("WorkbenchLinkUri")
        self.uri_edit.textChanged.connect(self.update_state)
        self.passcode_label = QLabel()
        self.passcode_edit = QLineEdit()
        self.passcode_edit.setObjectName("WorkbenchLinkPasscode")
        self.passcode_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.uri_label, self.uri_edit)
        form.addRow(self.passcode_label, self.passcode_edit)
        self.destructive = QCheckBox()
        self.run_button = QPushButton()
        self.run_button.setObjectName("WorkbenchRunLink")
        self.run_button.setProperty("role", "primary")
        self.run_button.clicked.connect(self.start)
        run_row = QHBoxLayout()
        run_row.addWidget(self.destructive, 1)
        run_row.addWidget(self.run_button)
        self.status = QLabel()
        self.status.setObjectName("WorkbenchLinkStatus")
        self.status.setWordWrap(True)
        self.cases = QTableWidget(0, 3)
        self.cases.setObjectName("WorkbenchLinkCases")
        self.cases.verticalHeader().setVisible(False)
        self.cases.setWordWrap(True)
        self.cases.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        provider.addLayout(form)
        provider.addLayout(run_row)
        provider.addWidget(self.status)
        provider.addWidget(self.cases, 1)

        self.consumer_group = QGroupBox()
        consumer = QVBoxLayout(self.consumer_group)
        consumer_row = QHBoxLayout()
        self.consumer_intro = MutedLabel()
        self.consumer_intro.setWordWrap(True)
        self.publish_button = QPushButton()
        self.publish_button.setObjectName("WorkbenchPublishTestLinks")
        self.publish_button.clicked.connect(self.toggle_test_links)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_selected_test_link)
        consumer_row.addWidget(self.consumer_intro, 1)
        consumer_row.addWidget(self.copy_button)
        consumer_row.addWidget(self.publish_button)
        self.test_links = QTableWidget(0, 4)
        self.test_links.setObjectName("WorkbenchTestLinks")
        self.test_links.verticalHeader().setVisible(False)
        self.test_links.setWordWrap(True)
        self.test_links.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.test_links.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        consumer.addLayout(consumer_row)
        consumer.addWidget(self.test_links, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.provider_group)
        splitter.addWidget(self.consumer_group)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.provider_group.setTitle(self.tr("Your link (Link Provider)"))
        self.uri_label.setText(self.tr("Link:"))
        self.uri_edit.setPlaceholderText(self.tr("shlink:/… or https://viewer…#shlink:/…"))
        self.passcode_label.setText(self.tr("Passcode:"))
        self.destructive.setText(
            self.tr("Also try a wrong passcode (uses up one of the link's attempts)")
        )
        self.run_button.setText(self.tr("Test the link"))
        self.cases.setHorizontalHeaderLabels(
            [self.tr("Test case"), self.tr("Result"), self.tr("Evidence")]
        )
        self.consumer_group.setTitle(self.tr("Test links for your viewer (Link Consumer)"))
        self.consumer_intro.setText(
            self.tr(
                "Publish links on this computer that your viewer should open, refuse or warn "
                "about; the table says what it should do with each."
            )
        )
        self.copy_button.setText(self.tr("Copy link"))
        self.publish_button.setText(
            self.tr("Stop test links") if self._host else self.tr("Publish test links")
        )
        self.test_links.setHorizontalHeaderLabels(
            [
                self.tr("Link"),
                self.tr("Expected behaviour"),
                self.tr("Passcode"),
                self.tr("Your viewer"),
            ]
        )
        for row in range(self.test_links.rowCount()):
            combo = self.test_links.cellWidget(row, 3)
            if isinstance(combo, QComboBox):
                self._fill_tick_combo(combo)
        self._render_status()
        if self.report is not None:
            self._fill_cases(self.report.all_cases)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def busy(self) -> bool:
        return self._worker is not None

    @property
    def host(self) -> Any:
        """The running consumer test link host (``ConsumerLinkHost``), or None."""
        return self._host

    # -- the vendor's link ---------------------------------------------------------------------
    def start(self) -> None:
        uri = self.uri_edit.text().strip()
        if not uri or self._worker is not None:
            return
        options = LinkTestOptions(
            passcode=self.passcode_edit.text() or None,
            allow_destructive=self.destructive.isChecked(),
        )
        self.cases.setRowCount(0)
        self._status = ("running", "")
        worker = Worker(check_link_against_specs, uri, options, self._spec_ids())
        self._worker = worker
        worker.progress.connect(self._progress)
        worker.finished_ok.connect(self._done)
        worker.failed.connect(self._failed)
        worker.done.connect(self._worker_done)
        worker.start()
        self._render_status()
        self.update_state()
        self.busy_changed.emit()

    def _progress(self, _done: int, _total: int, text: str) -> None:
        self._status = ("running", text)
        self._render_status()

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, UserFacingError):
            errors.present(exc, self)
        self._status = ("failed", errors.describe(exc))

    def _done(self, report: LinkTestReport) -> None:
        self.report = report
        self._status = ("done", "")
        self._fill_cases(report.all_cases)

    def _worker_done(self) -> None:
        self._worker = None
        self._render_status()
        self.update_state()
        self.busy_changed.emit()
        if self._status[0] == "done":
            self.finished.emit(self.report)

    def _render_status(self) -> None:
        kind, text = self._status
        if kind == "running":
            shown = text or self.tr("Testing the link…")
        elif kind == "done" and self.report is not None:
            cases = self.report.all_cases
            failed = sum(1 for c in cases if c.failed)
            passed = sum(1 for c in cases if c.verdict is Verdict.PASS)
            shown = (
                self.tr("%1 test cases passed, %2 failed.")
                .replace("%1", str(passed))
                .replace("%2", str(failed))
            )
        elif kind == "failed":
            shown = text
        else:
            shown = self.tr(
                "Paste a link your product made; use one that can be opened several times."
            )
        self.status.setText(shown)

    def _fill_cases(self, cases: list[CaseResult]) -> None:
        titles = {
            Verdict.PASS: self.tr("Pass"),
            Verdict.FAIL: self.tr("Fail"),
            Verdict.NOT_APPLICABLE: self.tr("Not applicable"),
        }
        self.cases.setRowCount(len(cases))
        for row, case in enumerate(cases):
            self.cases.setItem(row, 0, readonly_item(case.case_id, case.title))
            self.cases.setItem(row, 1, verdict_item(case.verdict, titles[case.verdict]))
            self.cases.setItem(row, 2, readonly_item(case.evidence, case.evidence))
        self.cases.resizeColumnToContents(0)
        self.cases.resizeColumnToContents(1)

    def update_state(self) -> None:
        self.run_button.setEnabled(bool(self.uri_edit.text().strip()) and self._worker is None)

    # -- the consumer test links ---------------------------------------------------------------
    def toggle_test_links(self) -> None:
        """Publish or stop the consumer test links; opening and closing their host's socket
        runs on the worker, never on the GUI thread (issue 15)."""
        if self._host is not None:
            self.stop_test_links()
            return
        if self._host_worker is not None:
            return
        self._stop_when_published = False
        from xshare_desktop.gui.samples import samples_dir

        candidates = sorted(samples_dir().glob("ips-*.json"))
        if not candidates:
            self.consumer_intro.setText(self.tr("No sample document was found for the test links."))
            return
        self.publish_button.setEnabled(False)
        worker = Worker(_publish_test_links, candidates[0], progress_arg=False)
        self._host_worker = worker
        worker.finished_ok.connect(self._test_links_published)
        worker.failed.connect(self._test_links_failed)
        worker.done.connect(self._host_worker_done)
        worker.start()

    def _host_worker_done(self) -> None:
        self._host_worker = None
        self.publish_button.setEnabled(True)

    def _test_links_failed(self, exc: object) -> None:
        if isinstance(exc, UserFacingError | OSError):
            self.consumer_intro.setText(errors.describe(exc))
        elif isinstance(exc, BaseException):
            errors.present(exc, self)

    def _test_links_published(self, host: Any) -> None:
        if self._stop_when_published:
            self._stop_when_published = False
            _stop_on_worker(host)
            return
        self._host = host
        links = self._host.links
        self.test_links.setRowCount(len(links))
        for row, link in enumerate(links):
            name = readonly_item(link.title, link.uri)
            name.setData(DATA_ROLE, link.uri)
            self.test_links.setItem(row, 0, name)
            self.test_links.setItem(row, 1, readonly_item(link.expected, link.expected))
            self.test_links.setItem(row, 2, readonly_item(link.passcode or ""))
            combo = QComboBox()
            combo.setObjectName(f"WorkbenchTick-{link.case_id}")
            self._fill_tick_combo(combo)
            current = self.ticks.get(link.case_id, Verdict.NOT_APPLICABLE)
            combo.setCurrentIndex(TICK_ORDER.index(current))
            combo.currentIndexChanged.connect(
                lambda index, case_id=link.case_id: self.set_tick(case_id, TICK_ORDER[index])
            )
            self.test_links.setCellWidget(row, 3, combo)
        self.test_links.resizeColumnToContents(0)
        self.test_links.resizeColumnToContents(3)
        self.test_links.resizeRowsToContents()
        self.retranslate()

    def _fill_tick_combo(self, combo: QComboBox) -> None:
        labels = [self.tr("Not checked"), self.tr("As expected"), self.tr("Not as expected")]
        if combo.count() == 0:
            combo.addItems(labels)
        else:
            for index, label in enumerate(labels):
                combo.setItemText(index, label)

    def set_tick(self, case_id: str, verdict: Verdict) -> None:
        self.ticks[case_id] = verdict
        self.ticks_changed.emit()

    def consumer_cases(self) -> list[CaseResult]:
        """The ticks as test cases; none at all while nothing was ticked."""
        if all(v is Verdict.NOT_APPLICABLE for v in self.ticks.values()):
            return []
        return consumer_cases(self.ticks)

    def stop_test_links(self) -> Worker | None:
        """Take the test links off the page at once; their host closes on the worker."""
        host, self._host = self._host, None
        self._stop_when_published = self._host_worker is not None
        self.test_links.setRowCount(0)
        self.retranslate()
        if host is None:
            return None
        return _stop_on_worker(host)

    def copy_selected_test_link(self) -> None:
        row = self.test_links.currentRow()
        item = self.test_links.item(row, 0) if row >= 0 else None
        if item is not None:
            QGuiApplication.clipboard().setText(str(item.data(DATA_ROLE)))


def _publish_test_links(sample: Path) -> Any:
    """On the worker: the consumer test links for one sample document, served on loopback."""
    from xshare_desktop.core.shl.content import share_files_from_paths
    from xshare_desktop.core.workbench.consumer_links import serve_test_links

    return serve_test_links(share_files_from_paths([sample])[0])


def _stop_on_worker(host: Any) -> Worker:
    """Close the test links' host off the GUI thread (closing its socket takes a moment)."""
    return Worker(host.stop, progress_arg=False).start()
