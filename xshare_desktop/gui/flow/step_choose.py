"""Step 1: what to share. Sections and their entries with counts, and details about the person.

Everything starts ticked; unticking leaves something out. The choice becomes
a core ``Selection`` (the same object the CLI builds), so what the preview
and the files contain is decided by the core, never by this widget.

The sharing view's chooser (``gui.views.share_view.ShareView``: sections,
entries and each entry's optional fields, with their explanations) is
embedded when it is installed; its own options, preview and share button are
hidden because steps 3 and 4 of the flow do that. Without it, a simpler
tree of sections, entries and the person's details is used.
"""

from __future__ import annotations

import sys
from collections import Counter
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from xshare_desktop.core.sharing.fields import present_fields
from xshare_desktop.core.sharing.selection import Selection, section_selector_for
from xshare_desktop.gui.flow.parts import StepPage
from xshare_desktop.gui.widgets import MutedLabel

SELECTOR_ROLE = Qt.ItemDataRole.UserRole + 1
EXPLAIN_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ROLE = Qt.ItemDataRole.UserRole + 3  # "section", "entry", "field", "group"
CODE_ROLE = Qt.ItemDataRole.UserRole + 4  # a section's code, to find it


def _codes(sections: list[Any]) -> list[Any]:
    found: list[Any] = []
    for section in sections:
        found.append(section.code)
        found.extend(_codes(section.sections))
    return found


def share_view_class() -> type[QWidget] | None:
    """The sharing view, when that part of the app is installed."""
    try:
        from xshare_desktop.gui.views.share_view import ShareView
    except ImportError:
        return None
    return ShareView


class ChooseStep(StepPage):
    def __init__(self, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._document: Any = None
        self._code_counts: Counter[Any] = Counter()
        self.view: Any = None  # the embedded ShareView, when there is one
        self.tree = QTreeWidget()
        self.tree.setObjectName("FlowChooseTree")
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setMinimumHeight(260)
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.currentItemChanged.connect(self._show_explanation)
        self.why = MutedLabel()
        self.why.setObjectName("FlowChooseWhy")
        self.count = QLabel()
        self.count.setObjectName("FlowChooseCount")
        self.count.setWordWrap(True)
        buttons = QHBoxLayout()
        self.all_button = QPushButton()
        self.all_button.setObjectName("FlowChooseAll")
        self.all_button.clicked.connect(lambda: self.set_all(True))
        buttons.addWidget(self.count, 1)
        buttons.addWidget(self.all_button)
        self.body.addWidget(self.tree, 1)
        self.body.addWidget(self.why)
        self.body.addLayout(buttons)
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.retranslate()

    # -- building ----------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        self._lang = lang
        if self.view is not None:
            self._update_count()  # the view retranslates itself
        elif self._document is not None:
            selection = self.selection()
            self.set_document(self._document)
            self.apply(selection)

    def set_document(self, document: Any) -> None:
        self._document = document
        if self.view is not None:
            self.view.setParent(None)
            self.view.deleteLater()
            self.view = None
        if document is not None and self._embed_share_view(document):
            self.tree.hide()
            self.why.hide()
            self._update_count()
            return
        self.tree.show()
        self.why.show()
        self.tree.blockSignals(True)
        self.tree.clear()
        if document is not None:
            self._code_counts = Counter(_codes(document.sections))
            for number, section in enumerate(document.sections, start=1):
                self.tree.addTopLevelItem(self._section_item(section, (number,)))
            self._add_person_details(document)
        self.tree.expandToDepth(0)
        self.tree.blockSignals(False)
        self._update_count()
        items = self.top_items()
        if items:
            self.tree.setCurrentItem(items[0])

    def _embed_share_view(self, document: Any) -> bool:
        cls = share_view_class()
        if cls is None:
            return False
        view: Any = cls(document)
        parts = ("selection", "tree", "root", "section_items", "options_box", "share_button")
        if not all(hasattr(view, name) for name in parts):
            view.deleteLater()  # a different ShareView than this step knows: use the own tree
            return False
        for name in ("title", "intro"):
            widget = getattr(view, name, None)
            if isinstance(widget, QWidget):
                widget.hide()  # this step's own heading says it
        right_pane = view.options_box.parentWidget()
        if right_pane is not None:
            right_pane.hide()
        view.share_button.hide()
        view.layout().setContentsMargins(0, 0, 0, 0)
        view.tree.itemChanged.connect(lambda *_: self._update_count())
        self.body.insertWidget(0, view, 1)
        self.view = view
        view.tree.setAccessibleName(self.tree.accessibleName())
        return True

    def _checkable(self, text: str, kind: str, selector: str | None) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text])
        item.setFlags(
            item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate
        )
        item.setCheckState(0, Qt.CheckState.Checked)
        item.setData(0, KIND_ROLE, kind)
        item.setData(0, SELECTOR_ROLE, selector)
        return item

    def _section_item(self, section: Any, position: tuple[int, ...]) -> QTreeWidgetItem:
        count = len(section.all_entries())
        text = self.tr("%1 · %n entries", "", count).replace("%1", section.title)
        selector = section_selector_for(
            section.code, position, code_is_unique=self._code_counts[section.code] == 1
        )
        item = self._checkable(text, "section", selector)
        item.setData(0, CODE_ROLE, section.code)
        item.setData(
            0,
            EXPLAIN_ROLE,
            self.tr("The recipient sees this section with the entries you keep ticked."),
        )
        item.setToolTip(0, section.code_display or section.title)
        for entry in section.entries:
            child = self._checkable(entry.summary_in(self._lang), "entry", entry.full_url)
            child.setData(0, EXPLAIN_ROLE, self.tr("Untick to leave out just this entry."))
            item.addChild(child)
        for number, sub in enumerate(section.sections, start=1):
            item.addChild(self._section_item(sub, (*position, number)))
        return item

    def _add_person_details(self, document: Any) -> None:
        patient = document.patient
        if patient is None:
            return
        fields = [f for f in present_fields(dict(patient.resource)) if f.can_remove]
        if not fields:
            return
        group = self._checkable(self.tr("Details about you"), "group", None)
        group.setData(
            0,
            EXPLAIN_ROLE,
            self.tr("Your name and birth date always go along; these details are up to you."),
        )
        for optional in fields:
            child = self._checkable(optional.label(self._lang), "field", optional.selector)
            child.setData(0, EXPLAIN_ROLE, optional.explanation(self._lang))
            child.setToolTip(0, optional.explanation(self._lang))
            group.addChild(child)
        self.tree.addTopLevelItem(group)

    # -- reading the choice ------------------------------------------------------------------
    def top_items(self) -> list[QTreeWidgetItem]:
        found = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item for item in found if item is not None]

    @staticmethod
    def child_items(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
        found = (item.child(i) for i in range(item.childCount()))
        return [child for child in found if child is not None]

    def _excluded(self, item: QTreeWidgetItem, out: list[str]) -> None:
        state = item.checkState(0)
        kind = item.data(0, KIND_ROLE)
        selector = item.data(0, SELECTOR_ROLE)
        if state == Qt.CheckState.Unchecked and selector:
            out.append(selector)
            return
        if state == Qt.CheckState.Checked and kind != "group":
            return
        for child in self.child_items(item):
            self._excluded(child, out)

    def selection(self) -> Selection:
        if self.view is not None:
            chosen: Selection = self.view.selection()
            return chosen
        excluded: list[str] = []
        for item in self.top_items():
            self._excluded(item, excluded)
        return Selection(exclude=tuple(dict.fromkeys(excluded)))

    def apply(self, selection: Selection) -> None:
        """Tick the boxes to match ``selection`` (after a language change or going back)."""
        excluded = set(selection.exclude)
        self.tree.blockSignals(True)

        def visit(item: QTreeWidgetItem) -> None:
            if item.data(0, SELECTOR_ROLE) in excluded:
                item.setCheckState(0, Qt.CheckState.Unchecked)
            for child in self.child_items(item):
                visit(child)

        for item in self.top_items():
            visit(item)
        self.tree.blockSignals(False)
        self._update_count()

    def entry_counts(self) -> tuple[int, int]:
        """(kept, total) entries, as the count line shows them."""
        kept = total = 0
        if self.view is not None:
            for section in self.view.section_items:
                for entry in self.child_items(section):
                    total += 1
                    kept += entry.checkState(0) != Qt.CheckState.Unchecked
            return kept, total

        def visit(item: QTreeWidgetItem) -> None:
            nonlocal kept, total
            if item.data(0, KIND_ROLE) == "entry":
                total += 1
                kept += item.checkState(0) == Qt.CheckState.Checked
            for child in self.child_items(item):
                visit(child)

        for item in self.top_items():
            visit(item)
        return kept, total

    def section_item(self, code: str) -> QTreeWidgetItem | None:
        if self.view is not None:
            role = getattr(sys.modules[type(self.view).__module__], "VALUE_ROLE", None)
            for item in self.view.section_items:
                if role is not None and item.data(0, role) == code:
                    found: QTreeWidgetItem = item
                    return found
            return None
        for item in self.top_items():
            if item.data(0, CODE_ROLE) == code:
                return item
        return None

    # -- reacting ------------------------------------------------------------------------------
    def set_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if self.view is not None:
            self.view.root.setCheckState(0, state)
            return
        for item in self.top_items():
            item.setCheckState(0, state)

    def _item_changed(self, _item: QTreeWidgetItem, _column: int) -> None:
        self._update_count()

    def _show_explanation(self, item: QTreeWidgetItem | None, _previous: Any = None) -> None:
        text = item.data(0, EXPLAIN_ROLE) if item is not None else None
        self.why.setText(str(text or ""))

    def _update_count(self) -> None:
        kept, total = self.entry_counts()
        self.count.setText(
            self.tr("You share %1 of %n entries.", "", total).replace("%1", str(kept))
        )

    def first_focus(self) -> QWidget | None:
        if self.view is not None:
            view_tree: QWidget = self.view.tree
            return view_tree
        return self.tree

    def retranslate(self) -> None:
        self.set_texts(
            self.tr("What do you want to share?"),
            self.tr(
                "Everything is ticked. Untick what you want to keep to yourself; the numbers "
                "show how many entries each section holds."
            ),
        )
        self.tree.setAccessibleName(self.tr("Sections and entries to share"))
        if self.view is not None:
            self.view.tree.setAccessibleName(self.tree.accessibleName())
        self.all_button.setText(self.tr("Tick everything again"))
        self.all_button.setAccessibleName(self.tr("Tick everything again"))
        self._update_count()
        self._show_explanation(self.tree.currentItem())
