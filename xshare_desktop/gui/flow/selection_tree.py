"""Step 1's one selection tree: sections, entries and each entry's optional fields.

The tree mirrors the document: the patient's own details, then each section
with its entries, under an entry the optional fields the app knows how to
leave out (or show with the year only), each with its one-sentence
explanation, and the details of a lab report that no section lists. Every box
means the same thing: ticked is shared. The choice becomes a core
``Selection`` (the same object the CLI builds); what the preview and the files
contain is decided by the core, never here.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QShowEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from xshare_desktop.core.sharing.fields import OptionalField, present_fields
from xshare_desktop.core.sharing.selection import Selection, section_selector_for
from xshare_desktop.gui.formatting import section_title

KIND_ROLE = (
    Qt.ItemDataRole.UserRole + 1
)  # "all" | "patient" | "section" | "entry" | "field" | "year" | "details" | "detail"
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2  # section code, entry fullUrl or field selector
# a section's core selector by position ("section:1.2"): it works for sections coded in any
# system, or not coded at all, and holds for the section's sub-sections too
SECTION_ROLE = Qt.ItemDataRole.UserRole + 3
# The first column is at least this wide, and at most this share of the tree's width.
FIRST_COLUMN_MIN = 360
FIRST_COLUMN_MAX_SHARE = 0.55
CHECKED = Qt.CheckState.Checked
UNCHECKED = Qt.CheckState.Unchecked
PARTIAL = Qt.CheckState.PartiallyChecked


class SelectionTree(QTreeWidget):
    """The person's choice for one document; ``changed`` after every tick."""

    changed = Signal()

    def __init__(self, document: Any, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ShareTree")
        self.document = document
        self._lang = lang
        self._updating = False
        self.setColumnCount(2)
        self.setWordWrap(True)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, FIRST_COLUMN_MIN)
        self._build_tree()
        self.retranslate()
        self.itemChanged.connect(self._item_changed)
        self.itemExpanded.connect(lambda _item: self.fit_first_column(grow_only=True))

    def ui_language(self) -> str:
        return self._lang

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.retranslate()

    def retranslate(self) -> None:
        self.setHeaderLabels([self.tr("Share"), self.tr("About")])
        self._retranslate_tree()
        self.fit_first_column()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # A tree built while its page was hidden (a new document, or after Start over) measured
        # its rows before the window's style sheet reached it: the plain style's height, too low
        # for booth mode's large boxes. Measure them again now that the tree is styled.
        self.doItemsLayout()
        self.fit_first_column()

    def fit_first_column(self, *, grow_only: bool = False) -> None:
        """Make the first column wide enough for every shown label (box, indentation and text),
        so a section title in booth mode's large type is not cut; never below the default nor
        past a share of the tree, where the About column needs the room."""
        needed = self.columnWidth(0) + max(
            (self.label_shortfall(item) for item in self._shown_items()), default=0
        )
        width = max(FIRST_COLUMN_MIN, min(needed, self.first_column_cap()))
        if grow_only:
            width = max(width, self.columnWidth(0))
        if width != self.columnWidth(0):
            self.header().resizeSection(0, width)

    def first_column_cap(self) -> int:
        """The widest the first column is made: a share of the tree, never below the default."""
        return max(FIRST_COLUMN_MIN, int(self.viewport().width() * FIRST_COLUMN_MAX_SHARE))

    def label_shortfall(self, item: QTreeWidgetItem) -> int:
        """Pixels the first column lacks to draw ``item``'s label whole (negative: to spare).

        Measured where the style draws the text (after the box and its margins, less the
        style's text margin on both sides): the delegate's size hint, which
        ``resizeColumnToContents`` uses, comes out a few pixels short under the style sheet,
        and booth mode cut "Aktuelle problemer og diagnoser" to "Aktuelle problemer og …".
        """
        index = self.indexFromItem(item, 0)
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = self.visualRect(index)
        delegate = self.itemDelegateForIndex(index)
        if isinstance(delegate, QStyledItemDelegate):
            delegate.initStyleOption(option, index)
        style = self.style()
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, self)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, option, self) + 1
        # The text is laid out to wrap (word wrap is on): a label a fraction of a pixel wider
        # than its line breaks, and with one line's room the rest is elided. Round up, plus one.
        text = math.ceil(QFontMetricsF(option.font).horizontalAdvance(item.text(0))) + 1
        return text + 2 * margin - text_rect.width()

    def _shown_items(self) -> list[QTreeWidgetItem]:
        """Items a person can see by scrolling: the root and every expanded parent's children."""
        shown = []
        pending = [self.root]
        while pending:
            item = pending.pop()
            shown.append(item)
            if item.isExpanded():
                pending.extend(self._children(item))
        return shown

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def section_item(self, code: str) -> QTreeWidgetItem | None:
        """The first section with this code (what a test or a screenshot unticks)."""
        return next((i for i in self.section_items if i.data(0, VALUE_ROLE) == code), None)

    def _item(
        self, parent: QTreeWidget | QTreeWidgetItem, kind: str, value: Any, checked: bool = True
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setData(0, KIND_ROLE, kind)
        item.setData(0, VALUE_ROLE, value)
        item.setCheckState(0, CHECKED if checked else UNCHECKED)
        return item

    def _field_items(self, parent: QTreeWidgetItem, url: str, resource: Any) -> None:
        for optional in present_fields(dict(resource)):
            if optional.can_remove:
                item = self._item(parent, "field", f"{url}#{optional.path}")
                item.setData(1, Qt.ItemDataRole.UserRole, optional)
            if optional.can_coarsen:
                # ticked = the exact date is shared, like every other box; unticked = year only
                item = self._item(parent, "year", f"{url}#{optional.path}")
                item.setData(1, Qt.ItemDataRole.UserRole, optional)

    def _build_tree(self) -> None:
        self._updating = True
        self.clear()
        doc = self.document
        self.root = self._item(self, "all", None)
        patient = doc.patient
        self.patient_item: QTreeWidgetItem | None = None
        if patient is not None and any(True for _ in present_fields(dict(patient.resource))):
            self.patient_item = QTreeWidgetItem(self.root)
            self.patient_item.setData(0, KIND_ROLE, "patient")
            self._field_items(self.patient_item, patient.full_url, patient.resource)
        self.section_items: list[QTreeWidgetItem] = []
        flat = self._flat_sections(doc.sections)
        self._code_counts = Counter(section.code for _, section in flat)
        for position, section in flat:
            item = self._item(self.root, "section", section.code)
            item.setData(0, SECTION_ROLE, "section:" + ".".join(str(p) for p in position))
            item.setData(1, Qt.ItemDataRole.UserRole, section)
            self.section_items.append(item)
            for entry in section.entries:
                child = self._item(item, "entry", entry.full_url)
                child.setData(1, Qt.ItemDataRole.UserRole, entry)
                self._field_items(child, entry.full_url, entry.resource)
        self._add_report_details(doc)
        self.root.setExpanded(True)
        if self.patient_item is not None:
            self.patient_item.setExpanded(True)
        self._updating = False

    def _add_report_details(self, doc: Any) -> None:
        """Fields of what no section lists (a lab's report and specimens): the report's
        performer, the sample number, the exact times (issue 12: single fields in step 1)."""
        listed = {e.full_url for e in doc.all_section_entries()}
        listed.add(doc.composition.full_url)
        if doc.patient is not None:
            listed.add(doc.patient.full_url)
        others = [
            e
            for e in doc.entries
            if e.full_url not in listed and any(True for _ in present_fields(dict(e.resource)))
        ]
        self.details_item: QTreeWidgetItem | None = None
        if not others:
            return
        self.details_item = QTreeWidgetItem(self.root)
        self.details_item.setData(0, KIND_ROLE, "details")
        for entry in others:
            child = QTreeWidgetItem(self.details_item)
            child.setData(0, KIND_ROLE, "detail")
            child.setData(1, Qt.ItemDataRole.UserRole, entry)
            self._field_items(child, entry.full_url, entry.resource)

    def _section_selector(self, item: QTreeWidgetItem) -> str:
        """``section:LOINC`` when that names just this section, else its position."""
        code = item.data(0, VALUE_ROLE)
        position = tuple(int(p) for p in str(item.data(0, SECTION_ROLE)).split(":")[1].split("."))
        return section_selector_for(code, position, code_is_unique=self._code_counts[code] == 1)

    @staticmethod
    def _flat_sections(
        sections: list[Any], prefix: tuple[int, ...] = ()
    ) -> list[tuple[tuple[int, ...], Any]]:
        found: list[tuple[tuple[int, ...], Any]] = []
        for number, section in enumerate(sections, start=1):
            position = (*prefix, number)
            found.append((position, section))
            found.extend(SelectionTree._flat_sections(section.sections, position))
        return found

    def _retranslate_tree(self) -> None:
        lang = self.ui_language()
        self._updating = True
        self.root.setText(0, self.document.title or self.tr("The whole document"))
        self.root.setText(1, self.tr("The whole document"))
        if self.patient_item is not None:
            self.patient_item.setText(0, self.tr("Your personal details"))
            self.patient_item.setText(
                1,
                self.tr(
                    "Name, date of birth and gender are always shared; pseudonymise to hide them."
                ),
            )
        if self.details_item is not None:
            self.details_item.setText(0, self.tr("Details of the report"))
            self.details_item.setText(
                1, self.tr("Who did what and when, and the lab's numbers: untick what to withhold.")
            )
        for item in self._walk(self.root):
            kind = item.data(0, KIND_ROLE)
            if kind in ("entry", "detail"):
                entry = item.data(1, Qt.ItemDataRole.UserRole)
                item.setText(0, entry.summary_in(lang) or entry.resource_type)
                # a summary longer than the column may hold is cut; the tooltip has it whole
                item.setToolTip(0, item.text(0))
            elif kind in ("field", "year"):
                optional: OptionalField = item.data(1, Qt.ItemDataRole.UserRole)
                label = optional.label(lang)
                explanation = optional.explanation(lang)
                if kind == "year":
                    label = self.tr("%1: exact date").replace("%1", label)
                    explanation = self.tr("%1 Untick to share the year only.").replace(
                        "%1", explanation
                    )
                item.setText(0, label)
                item.setText(1, explanation)
                item.setToolTip(0, explanation)
        self._update_counts()
        self._updating = False

    @staticmethod
    def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
        return [c for c in (item.child(i) for i in range(item.childCount())) if c is not None]

    def _walk(self, item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
        found = [item]
        for child in self._children(item):
            found.extend(self._walk(child))
        return found

    def _update_counts(self) -> None:
        for item in self.section_items:
            section = item.data(1, Qt.ItemDataRole.UserRole)
            total = item.childCount()
            shared = sum(c.checkState(0) != UNCHECKED for c in self._children(item))
            # in the interface language when the code is known; the document's own title beside
            item.setText(0, section_title(section))
            item.setToolTip(0, section.title)
            if total:
                item.setText(
                    1,
                    self.tr("%1 of %2 shared").replace("%1", str(shared)).replace("%2", str(total)),
                )
            elif section.narrative and not section.sections and not section.empty_reason:
                # issue 12: the person's own words (or a lab comment) go as written when ticked
                item.setText(1, self.tr("Free text, shared as written"))
                item.setToolTip(
                    1,
                    self.tr(
                        "This section is text written by a person. Ticked, it is shared as it "
                        "is written. Pseudonymisation cannot check free text for names, so with "
                        "pseudonymisation it is left out."
                    ),
                )
            else:
                item.setText(1, self.tr("No entries"))

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._updating or column != 0:
            return
        self._updating = True
        kind = item.data(0, KIND_ROLE)
        state = item.checkState(0)
        if kind == "all":
            for section in self.section_items:
                self._set_subtree(section, state)
        elif kind == "section":
            for child in self._children(item):
                self._set_subtree(child, state)
            # a choice about a section holds for its sub-sections (the core does the same)
            prefix = f"{item.data(0, SECTION_ROLE)}."
            for other in self.section_items:
                if str(other.data(0, SECTION_ROLE)).startswith(prefix):
                    other.setCheckState(0, CHECKED if state != UNCHECKED else UNCHECKED)
                    for child in self._children(other):
                        self._set_subtree(child, state)
        elif kind == "entry":
            for child in self._children(item):
                child.setDisabled(state == UNCHECKED)
        self._sync_parents()
        self._update_counts()
        self._updating = False
        self.changed.emit()

    def _set_subtree(self, item: QTreeWidgetItem, state: Qt.CheckState) -> None:
        if item.data(0, KIND_ROLE) in ("section", "entry"):
            item.setCheckState(0, CHECKED if state != UNCHECKED else UNCHECKED)
            for child in self._children(item):
                if child.data(0, KIND_ROLE) == "entry":
                    self._set_subtree(child, state)
                else:
                    child.setDisabled(state == UNCHECKED)

    def _sync_parents(self) -> None:
        for section in self.section_items:
            entries = self._children(section)
            if entries:
                shared = {e.checkState(0) != UNCHECKED for e in entries}
                section.setCheckState(
                    0, CHECKED if shared == {True} else UNCHECKED if shared == {False} else PARTIAL
                )
        section_states = {s.checkState(0) for s in self.section_items}
        if section_states == {CHECKED}:
            self.root.setCheckState(0, CHECKED)
        elif section_states == {UNCHECKED}:
            self.root.setCheckState(0, UNCHECKED)
        else:
            self.root.setCheckState(0, PARTIAL)

    # --- the choice ---------------------------------------------------------------------------
    def selection(self) -> Selection:
        exclude: list[str] = []
        year_only: list[str] = []
        for item in self._walk(self.root):
            kind = item.data(0, KIND_ROLE)
            value = item.data(0, VALUE_ROLE)
            state = item.checkState(0)
            if kind == "section" and state == UNCHECKED:
                exclude.append(self._section_selector(item))
            elif kind == "entry" and state == UNCHECKED:
                parent = item.parent()
                if parent is None or parent.checkState(0) != UNCHECKED:
                    exclude.append(value)
            elif kind == "field" and state == UNCHECKED and not item.isDisabled():
                exclude.append(value)
            elif kind == "year" and state == UNCHECKED and not item.isDisabled():
                year_only.append(value)
        return Selection((), tuple(dict.fromkeys(exclude)), tuple(dict.fromkeys(year_only)))
