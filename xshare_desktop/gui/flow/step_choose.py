"""Step 1: what to share. One tree of sections, entries and their optional fields.

Everything starts ticked; unticking leaves something out. The tree
(``gui.flow.selection_tree.SelectionTree``) turns the choice into a core
``Selection`` (the same object the CLI builds), so what the preview and the
files contain is decided by the core, never by this step. Options, preview and
sharing are steps 3 to 5.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTreeWidgetItem, QWidget

from xshare_desktop.core.sharing.selection import Selection
from xshare_desktop.gui.flow.parts import StepPage
from xshare_desktop.gui.flow.selection_tree import SelectionTree


class ChooseStep(StepPage):
    def __init__(self, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.tree: SelectionTree | None = None  # one per document
        self.count = QLabel()
        self.count.setObjectName("FlowChooseCount")
        self.count.setWordWrap(True)
        buttons = QHBoxLayout()
        self.all_button = QPushButton()
        self.all_button.setObjectName("FlowChooseAll")
        self.all_button.clicked.connect(lambda: self.set_all(True))
        buttons.addWidget(self.count, 1)
        buttons.addWidget(self.all_button)
        self.body.addLayout(buttons)
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.retranslate()

    # -- building ----------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        self._lang = lang
        if self.tree is not None:
            self.tree.set_language(lang)
        self._update_count()

    def set_document(self, document: Any) -> None:
        if self.tree is not None:
            self.tree.setParent(None)
            self.tree.deleteLater()
            self.tree = None
        if document is not None:
            tree = SelectionTree(document, self._lang)
            tree.setMinimumHeight(260)
            tree.setAccessibleName(self.tr("Sections and entries to share"))
            tree.changed.connect(self._update_count)
            self.body.insertWidget(0, tree, 1)
            self.tree = tree
        self._update_count()

    # -- reading the choice ------------------------------------------------------------------
    def selection(self) -> Selection:
        return self.tree.selection() if self.tree is not None else Selection()

    @staticmethod
    def child_items(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
        found = (item.child(i) for i in range(item.childCount()))
        return [child for child in found if child is not None]

    def entry_counts(self) -> tuple[int, int]:
        """(kept, total) entries, as the count line shows them."""
        kept = total = 0
        for section in self.tree.section_items if self.tree is not None else []:
            for entry in self.child_items(section):
                total += 1
                kept += entry.checkState(0) != Qt.CheckState.Unchecked
        return kept, total

    def section_item(self, code: str) -> QTreeWidgetItem | None:
        return self.tree.section_item(code) if self.tree is not None else None

    # -- reacting ------------------------------------------------------------------------------
    def set_all(self, checked: bool) -> None:
        if self.tree is not None:
            state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
            self.tree.root.setCheckState(0, state)

    def _update_count(self) -> None:
        kept, total = self.entry_counts()
        self.count.setText(
            self.tr("You share %1 of %n entries.", "", total).replace("%1", str(kept))
        )

    def first_focus(self) -> QWidget | None:
        return self.tree

    def retranslate(self) -> None:
        self.set_texts(
            self.tr("What do you want to share?"),
            self.tr(
                "Everything is ticked. Untick what you want to keep to yourself; the numbers "
                "show how many entries each section holds."
            ),
        )
        if self.tree is not None:
            self.tree.setAccessibleName(self.tr("Sections and entries to share"))
        self.all_button.setText(self.tr("Tick everything again"))
        self.all_button.setAccessibleName(self.tr("Tick everything again"))
        self._update_count()
