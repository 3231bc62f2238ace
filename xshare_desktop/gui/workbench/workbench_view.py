"""The vendor workbench: declare → test content → test links → export the label evidence pack.

Composes four tabs over the core workbench (``core/workbench``): ``DeclareTab``, ``ContentTab``,
``LinksTab`` and ``EvidenceTab``, each in its own module. Long work runs on ``gui.worker``
threads; the consumer test links run on a local host that ``reset()`` and closing stop.
Errors show in each tab's status line; the view opens no dialog but the file choosers.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from xshare_desktop.core.workbench.evidence_pack import EvidencePack
from xshare_desktop.gui.style import set_heading
from xshare_desktop.gui.widgets import MutedLabel
from xshare_desktop.gui.workbench.content_tab import ContentTab
from xshare_desktop.gui.workbench.declare_tab import DeclareTab
from xshare_desktop.gui.workbench.evidence_tab import EvidenceTab
from xshare_desktop.gui.workbench.links_tab import LinksTab


class WorkbenchView(QWidget):
    close_requested = Signal()
    content_finished = Signal(object)  # ContentRun
    link_finished = Signal(object)  # LinkTestReport
    pack_written = Signal(str)  # the folder

    def __init__(self, context: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app_context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        self.title = QLabel()
        set_heading(self.title, 1)
        self.intro = MutedLabel()
        self.intro.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("WorkbenchTabs")
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.tabs, 1)

        self.declare = DeclareTab()
        self.content = ContentTab(self.declare.spec_ids)
        self.links = LinksTab(self.declare.spec_ids)
        self.evidence = EvidenceTab(self.pack)
        for tab in (self.declare, self.content, self.links, self.evidence):
            self.tabs.addTab(tab, "")

        self.declare.changed.connect(self._refresh)
        self.content.finished.connect(self.content_finished)
        self.content.busy_changed.connect(self._refresh)
        self.links.finished.connect(self.link_finished)
        self.links.busy_changed.connect(self._refresh)
        self.links.ticks_changed.connect(self._refresh)
        self.evidence.written.connect(self.pack_written)
        self.retranslate()
        self._refresh()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Yellow Button label workbench"))
        self.intro.setText(
            self.tr(
                "Test your Yellow Button implementation and build the evidence for the xShare "
                "label: declare what your product claims, validate its documents, test its "
                "SMART Health Links, and export a signed evidence pack. Everything stays on "
                "this computer."
            )
        )
        self.tabs.setTabText(0, self.tr("1. Declare"))
        self.tabs.setTabText(1, self.tr("2. Test content"))
        self.tabs.setTabText(2, self.tr("3. Test links"))
        self.tabs.setTabText(3, self.tr("4. Evidence pack"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def pack(self) -> EvidencePack:
        """The evidence pack as the tabs stand (UserFacingError when the declaration is not)."""
        return EvidencePack(
            self.declare.declaration(),
            self.content.run,
            [self.links.report] if self.links.report is not None else [],
            self.links.consumer_cases(),
        )

    def _refresh(self) -> None:
        self.content.update_state()
        self.evidence.refresh()
        self.evidence.update_state(busy=self.busy)

    @property
    def busy(self) -> bool:
        return self.content.busy or self.links.busy

    def reset(self) -> None:
        """Booth "Start over": stop the test links and any running work."""
        self.content.cancel()
        self.links.stop_test_links()

    def closeEvent(self, event: Any) -> None:
        self.reset()
        super().closeEvent(event)
