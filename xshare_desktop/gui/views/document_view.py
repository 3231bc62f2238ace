"""The document view: the patient, the sections with their entries, and each section's narrative.

It reads a ``core.document.Document`` and changes nothing. Entry summaries
follow the UI language; the section narrative is the document's own XHTML,
shown with remote resources blocked. Model issues and unresolved references
are listed discreetly at the bottom, not in the person's face.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from xshare_desktop.core.document import format_cpr
from xshare_desktop.gui.context import AppContext
from xshare_desktop.gui.formatting import (
    document_kind_label,
    format_date,
    format_gender,
    section_title,
)
from xshare_desktop.gui.navigation import plugin_spec
from xshare_desktop.gui.style import set_heading
from xshare_desktop.gui.views.document_parts import (
    EntriesModel,
    PatientHeader,
    ReceivedBanner,
    SafeTextBrowser,
    WrappingDelegate,
)
from xshare_desktop.gui.widgets import MutedLabel

SECTION_ROLE = Qt.ItemDataRole.UserRole + 1


class DocumentView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.document: Any = None
        self._current_section: Any = None
        self._user_sized = False
        self._layout_timer = QTimer(self)
        self._layout_timer.setSingleShot(True)
        self._layout_timer.setInterval(0)
        self._layout_timer.timeout.connect(self._fit_layout)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(10)
        self.received_banner = ReceivedBanner()
        self.received_banner.back_to_check.clicked.connect(self._back_to_check)
        layout.addWidget(self.received_banner)
        self.header = PatientHeader()
        self.header.share_button.clicked.connect(lambda: context.navigate("share"))
        layout.addWidget(self.header)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)

        self.sections = QTreeWidget()
        self.sections.setObjectName("SectionsTree")
        self.sections.setColumnCount(2)
        self.sections.setRootIsDecorated(False)
        self.sections.setHeaderHidden(True)
        # Long titles ("Aktuelle problemer og diagnoser" in booth type) wrap onto a second line
        # instead of being cut with "…".
        self.sections.setWordWrap(True)
        self.sections.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.sections.setUniformRowHeights(False)
        self.sections.setItemDelegate(WrappingDelegate(self.sections))
        header = self.sections.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Sized to the counts after filling: ResizeToContents would also honour the hidden
        # header's size hint (~120 px) and take the titles' room.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(1)
        # Wrapped rows are measured at layout time: measure again when the title column changes.
        header.sectionResized.connect(
            lambda column, _old, _new: self.sections.doItemsLayout() if column == 0 else None
        )
        self.sections.currentItemChanged.connect(self._section_chosen)
        self.sections_title = QLabel()
        self.splitter.addWidget(self._titled(self.sections, self.sections_title))

        entries_box = QWidget()
        entries_layout = QVBoxLayout(entries_box)
        entries_layout.setContentsMargins(0, 0, 0, 0)
        self.entries_title = QLabel()
        set_heading(self.entries_title, 3)
        self.empty_reason = QLabel()
        self.empty_reason.setWordWrap(True)
        self.empty_reason.setObjectName("EmptyReason")
        self.entries_model = EntriesModel(self)
        self.entries = QTableView()
        self.entries.setObjectName("EntriesTable")
        self.entries.setModel(self.entries_model)
        self.entries.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.entries.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.entries.setWordWrap(True)
        self.entries.setAlternatingRowColors(True)
        self.entries.verticalHeader().hide()
        self.entries.setShowGrid(False)
        entries_header = self.entries.horizontalHeader()
        entries_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        entries_header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        # Wrapped summaries need their rows re-measured when the column width changes.
        self._rows_timer = QTimer(self)
        self._rows_timer.setSingleShot(True)
        self._rows_timer.setInterval(40)
        self._rows_timer.timeout.connect(self._fit_rows)
        entries_header.sectionResized.connect(lambda *_: self._rows_timer.start())
        entries_layout.addWidget(self.entries_title)
        entries_layout.addWidget(self.empty_reason)
        entries_layout.addWidget(self.entries, 1)
        # Entries and narrative sit side by side on wide screens and stack on
        # narrow ones (1366 px with booth-sized type): see _fit_layout.
        self.detail_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.detail_splitter.setChildrenCollapsible(False)
        self.detail_splitter.addWidget(entries_box)
        self.splitter.addWidget(self.detail_splitter)

        self.narrative = SafeTextBrowser()
        self.narrative.setObjectName("Narrative")
        self.narrative_title = QLabel()
        self.detail_splitter.addWidget(self._titled(self.narrative, self.narrative_title))
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)

        self.issues_bar = QFrame()
        self.issues_bar.setObjectName("IssuesBar")
        issues_layout = QVBoxLayout(self.issues_bar)
        issues_layout.setContentsMargins(0, 4, 0, 0)
        row = QHBoxLayout()
        self.issues_summary = MutedLabel()
        self.issues_toggle = QPushButton()
        self.issues_toggle.setProperty("role", "link")
        self.issues_toggle.setCheckable(True)
        self.issues_toggle.toggled.connect(self._toggle_issues)
        row.addWidget(self.issues_summary, 1)
        row.addWidget(self.issues_toggle)
        issues_layout.addLayout(row)
        self.issues_list = QListWidget()
        self.issues_list.setObjectName("IssuesList")
        self.issues_list.setMaximumHeight(140)
        self.issues_list.hide()
        issues_layout.addWidget(self.issues_list)
        self.issues_bar.hide()
        layout.addWidget(self.issues_bar)

        self.splitter.splitterMoved.connect(self._splitter_moved)
        self.detail_splitter.splitterMoved.connect(self._splitter_moved)
        self.retranslate()

    @staticmethod
    def _titled(widget: QWidget, title: QLabel) -> QWidget:
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        set_heading(title, 3)
        title.setBuddy(widget)
        box_layout.addWidget(title)
        box_layout.addWidget(widget, 1)
        return box

    # Below this many average characters across, the narrative goes under the entries.
    SIDE_BY_SIDE_MIN_CHARS = 230

    def _fit_layout(self) -> None:
        chars = self.width() / max(1, self.fontMetrics().averageCharWidth())
        wide = chars >= self.SIDE_BY_SIDE_MIN_CHARS
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.detail_splitter.orientation() != orientation:
            self.detail_splitter.setOrientation(orientation)
        along = self.detail_splitter.width() if wide else self.detail_splitter.height()
        self.detail_splitter.setSizes([along // 2, along - along // 2])
        # Wide enough for "Aktuelle problemer og diagnoser" and its count without eliding.
        sections_width = min(int(self.width() * 0.3), self.fontMetrics().averageCharWidth() * 52)
        self.splitter.setSizes([sections_width, max(1, self.width() - sections_width)])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._user_sized:
            # Re-arranging splitters inside a resize would resize again: do it once, afterwards.
            self._layout_timer.start()

    def _splitter_moved(self) -> None:
        self._user_sized = True

    # -- showing a document -----------------------------------------------------------------
    def set_document(self, document: Any) -> None:
        self.document = document
        self._current_section = None
        self.sections.clear()
        self.entries_model.set_entries([], self._context.ui_language)
        self.narrative.clear()
        self.issues_list.clear()
        if document is None:
            self.issues_bar.hide()
            self._fill_header()
            return
        self._fill_header()
        self._fill_sections(document.sections, self.sections.invisibleRootItem())
        counts_width = self.sections.sizeHintForColumn(1) + self.fontMetrics().averageCharWidth()
        self.sections.setColumnWidth(1, counts_width)
        self.sections.expandAll()
        self._fill_issues()
        first = self.sections.topLevelItem(0)
        if first is not None:
            self.sections.setCurrentItem(first)
        else:
            self._show_section(None)

    def _fill_sections(self, sections: list[Any], parent: QTreeWidgetItem) -> None:
        for section in sections:
            count = len(section.all_entries())
            item = QTreeWidgetItem(parent, [section_title(section), str(count)])
            item.setData(0, SECTION_ROLE, section)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self._label_item(item, section, count)
            if section.sections:
                self._fill_sections(section.sections, item)

    @property
    def is_received(self) -> bool:
        return self.document is not None and self._context.received is not None

    def _back_to_check(self) -> None:
        received = self._context.received
        if received is not None:
            self._context.navigate(received.page)

    def _fill_received(self) -> None:
        """Someone else's document is shown as received, never with one's own Share button."""
        received = self._context.received if self.document is not None else None
        banner = self.received_banner
        banner.setVisible(received is not None)
        if received is None:
            return
        who, verdict = received.describe() if received.describe is not None else ("", "")
        banner.title.setText(self.tr("Received document: someone shared this with you"))
        if who and verdict:
            origin = self.tr("From %1. Check: %2.").replace("%1", who).replace("%2", verdict)
        elif verdict:
            origin = self.tr("Check: %1.").replace("%1", verdict)
        else:
            origin = self.tr("You opened it from a link someone shared with you.")
        banner.origin.setText(origin)
        banner.allowed.setText(
            self.tr(
                "You can read it, print it and save it. The Yellow Button shares your own "
                "documents, so it is not offered for this one."
            )
        )
        banner.back_to_check.setText(self.tr("Back to the check"))
        banner.back_to_check.setAccessibleName(self.tr("Back to the verification result"))
        banner.setAccessibleName(banner.title.text())
        banner.setAccessibleDescription(origin)

    def _fill_header(self) -> None:
        header = self.header
        self._fill_received()
        header.share_button.setVisible(
            self.document is not None
            and not self.is_received
            and (spec := plugin_spec("share")) is not None
            and spec.available()
        )
        doc = self.document
        if doc is None:
            header.name.setText("")
            header.details.setText("")
            header.document_line.setText("")
            return
        info = doc.patient_info
        details = []
        if info is not None:
            header.name.setText(info.name or self.tr("Unnamed patient"))
            if info.birth_date:
                details.append(self.tr("Born %1").replace("%1", format_date(info.birth_date)))
            if info.gender:
                details.append(format_gender(info.gender))
            if info.cpr:
                details.append(self.tr("CPR %1").replace("%1", format_cpr(info.cpr)))
        else:
            header.name.setText(doc.title or self.tr("Health document"))
        header.details.setText(" · ".join(details))
        line = [doc.title or document_kind_label(doc.kind)]
        if doc.date:
            line.append(format_date(doc.date))
        if doc.custodian:
            line.append(doc.custodian)
        elif doc.authors:
            line.append(doc.authors[0])
        header.document_line.setText(" · ".join(p for p in line if p))
        header.setAccessibleName(header.name.text())
        header.setAccessibleDescription(header.details.text())

    def refresh_issues(self) -> None:
        """The document's model check finished after it was shown."""
        if self.document is not None:
            self._fill_issues()

    def _fill_issues(self) -> None:
        doc = self.document
        unresolved = list(doc.references.unresolved)
        lines: list[str] = []
        for ref in unresolved:
            lines.append(
                self.tr("A reference points to something not in the file: %1 (at %2)")
                .replace("%1", ref.reference)
                .replace("%2", ref.path)
            )
        for issue in doc.model_issues:
            lines.append(f"{issue.location}: {issue.message}")
        self.issues_list.clear()
        self.issues_list.addItems(lines)
        self._issue_counts = (len(unresolved), len(doc.model_issues))
        self.issues_bar.setVisible(bool(lines))
        self._retranslate_issues()

    def _retranslate_issues(self) -> None:
        unresolved, structural = getattr(self, "_issue_counts", (0, 0))
        parts = []
        if unresolved:
            parts.append(self.tr("%n reference(s) could not be resolved", "", unresolved))
        if structural:
            parts.append(self.tr("%n structural note(s)", "", structural))
        self.issues_summary.setText(
            self.tr("Notes about this file: %1").replace("%1", "; ".join(parts)) if parts else ""
        )
        self.issues_toggle.setText(
            self.tr("Hide details") if self.issues_toggle.isChecked() else self.tr("Show details")
        )

    def _toggle_issues(self, shown: bool) -> None:
        self.issues_list.setVisible(shown)
        self._retranslate_issues()

    def _section_chosen(self, current: QTreeWidgetItem | None, _previous: object = None) -> None:
        self._show_section(current.data(0, SECTION_ROLE) if current is not None else None)

    def _show_section(self, section: Any) -> None:
        self._current_section = section
        if section is None:
            self.entries_model.set_entries([], self._context.ui_language)
            self.narrative.clear()
            self._retranslate_section()
            return
        self.entries_model.set_entries(section.all_entries(), self._context.ui_language)
        self._fit_rows()
        if section.narrative:
            self.narrative.setHtml(section.narrative)
        else:
            self.narrative.setPlainText(self.tr("This section has no narrative text."))
        self._retranslate_section()

    def _fit_rows(self) -> None:
        if self.entries_model.rowCount() <= 500:  # wrapping rows costs time on huge sections
            self.entries.resizeRowsToContents()

    def _retranslate_section(self) -> None:
        section = self._current_section
        if section is None:
            self.entries_title.setText(self.tr("Entries"))
            self.empty_reason.hide()
            return
        count = self.entries_model.rowCount()
        self.entries_title.setText(
            self.tr("%1: %n entries", "", count).replace("%1", section_title(section))
        )
        if count == 0:
            self.empty_reason.setText(self._empty_reason_text(section.empty_reason))
            self.empty_reason.show()
        else:
            self.empty_reason.hide()
        if not section.narrative:
            self.narrative.setPlainText(self.tr("This section has no narrative text."))

    def _empty_reason_text(self, reason: Any) -> str:
        if not reason:
            return self.tr("This section has no entries.")
        codes = {
            "nilknown": self.tr("Nothing is known for this section."),
            "notasked": self.tr("This was not asked."),
            "withheld": self.tr("The person chose not to share this section."),
            "unavailable": self.tr("This information is not available."),
            "notstarted": self.tr("This has not been started."),
            "closed": self.tr("This list is closed."),
        }
        for coding in reason.get("coding", []) if isinstance(reason.get("coding"), list) else []:
            if isinstance(coding, dict) and coding.get("code") in codes:
                return codes[coding["code"]]
        text = reason.get("text")
        return self.tr("No entries: %1").replace("%1", str(text)) if text else codes["unavailable"]

    # -- language -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.header.share_button.setText(self.tr("Share"))
        self.header.share_button.setAccessibleName(self.tr("Share with the Yellow Button"))
        self.header.share_button.setToolTip(
            self.tr("Choose what to share and how: as files or as a link with a QR code.")
        )
        self.sections.setHeaderLabels([self.tr("Section"), self.tr("Entries")])
        self.sections.setAccessibleName(self.tr("Sections of the document"))
        self.entries.setAccessibleName(self.tr("Entries in the chosen section"))
        self.narrative.setAccessibleName(self.tr("The section as written in the document"))
        self.sections_title.setText(self.tr("Sections"))
        self.narrative_title.setText(self.tr("As written in the document"))
        self.issues_toggle.setAccessibleName(self.tr("Show or hide notes about this file"))
        self.entries_model.set_language(self._context.ui_language)
        if self.document is not None:
            self._fill_header()
            root = self.sections.invisibleRootItem()
            self._retranslate_items(root)
        self._retranslate_section()
        self._retranslate_issues()

    def _retranslate_items(self, parent: QTreeWidgetItem) -> None:
        for i in range(parent.childCount()):
            item = parent.child(i)
            if item is None:
                continue
            section = item.data(0, SECTION_ROLE)
            item.setText(0, section_title(section))
            self._label_item(item, section, int(item.text(1)))
            self._retranslate_items(item)

    def _label_item(self, item: QTreeWidgetItem, section: Any, count: int) -> None:
        title = section_title(section)
        own = section.title or section.code_display or ""
        # The document's own words stay one hover away when the interface shows ours.
        item.setToolTip(
            0, self.tr("In the document: %1").replace("%1", own) if own and own != title else title
        )
        item.setData(
            0,
            Qt.ItemDataRole.AccessibleTextRole,
            self.tr("%1, %n entries", "", count).replace("%1", title),
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
