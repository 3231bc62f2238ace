"""Step 4: exactly what the recipient will see, what is left out, and how it will travel.

The rendered text is the same HTML the PDF is printed from, made by the core
from the shared document itself; nothing here decides content.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QSplitter, QVBoxLayout, QWidget

from xshare_desktop.gui.flow.parts import StepPage
from xshare_desktop.gui.flow.tasks import Preview
from xshare_desktop.gui.style import set_heading
from xshare_desktop.gui.views.document_parts import SafeTextBrowser
from xshare_desktop.gui.widgets import MutedLabel


class PreviewStep(StepPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._preview: Preview | None = None
        self._plan_lines: list[str] = []
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.rendered_title = QLabel()
        set_heading(self.rendered_title, 3)
        self.rendered = SafeTextBrowser()
        self.rendered.setObjectName("FlowPreviewRendered")
        self.rendered_title.setBuddy(self.rendered)
        left_layout.addWidget(self.rendered_title)
        left_layout.addWidget(self.rendered, 1)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.plan_title = QLabel()
        set_heading(self.plan_title, 3)
        self.plan = QLabel()
        self.plan.setObjectName("FlowPreviewPlan")
        self.plan.setWordWrap(True)
        self.plan.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.left_out_title = QLabel()
        set_heading(self.left_out_title, 3)
        self.left_out = QListWidget()
        self.left_out.setObjectName("FlowPreviewLeftOut")
        self.left_out.setWordWrap(True)
        self.left_out_title.setBuddy(self.left_out)
        self.changes = MutedLabel()
        self.changes.setObjectName("FlowPreviewChanges")
        self.changes_list = QListWidget()
        self.changes_list.setObjectName("FlowPreviewChangesList")
        self.changes_list.setWordWrap(True)
        self.changes_list.setMaximumHeight(160)
        right_layout.addWidget(self.plan_title)
        right_layout.addWidget(self.plan)
        right_layout.addSpacing(10)
        right_layout.addWidget(self.left_out_title)
        right_layout.addWidget(self.left_out, 1)
        right_layout.addWidget(self.changes)
        right_layout.addWidget(self.changes_list)

        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.body.addWidget(splitter, 1)
        # The browser and the list scroll themselves; the page must not scroll around them.
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.retranslate()

    @property
    def preview(self) -> Preview | None:
        return self._preview

    def clear(self) -> None:
        self._preview = None
        self.rendered.clear()
        self.left_out.clear()
        self.changes.clear()
        self.changes_list.clear()

    def show_preview(self, preview: Preview, plan_lines: list[str]) -> None:
        self._preview = preview
        self._plan_lines = plan_lines
        self.rendered.setHtml(preview.prepared.html)
        self.left_out.clear()
        if preview.left_out:
            self.left_out.addItems(preview.left_out)
        else:
            self.left_out.addItem(self.tr("Nothing: you share the whole document."))
        self._show_texts()

    def left_out_lines(self) -> list[str]:
        return [self.left_out.item(i).text() for i in range(self.left_out.count())]

    def _show_texts(self) -> None:
        self.plan.setText("\n".join(f"• {line}" for line in self._plan_lines))
        self.plan.setAccessibleName("\n".join(self._plan_lines))
        changes = self._preview.prepared.changes if self._preview else []
        count = len(changes)
        self.changes.setVisible(count > 0)
        self.changes_list.setVisible(count > 0)
        self.changes_list.clear()
        for change in changes:
            after = change.after or self.tr("(removed)")
            self.changes_list.addItem(f"{change.before} → {after}")
        self.changes_list.setAccessibleName(self.tr("What pseudonymisation changes"))
        self.changes.setText(
            self.tr("%n detail(s) about you are replaced by pseudonyms.", "", count)
        )

    def first_focus(self) -> QWidget | None:
        return self.rendered

    def retranslate(self) -> None:
        self.set_texts(
            self.tr("Check what the recipient will see"),
            self.tr("Nothing has left this computer yet. Press “Share now” when it looks right."),
        )
        self.rendered_title.setText(self.tr("What the recipient sees"))
        self.rendered.setAccessibleName(self.tr("What the recipient sees"))
        self.plan_title.setText(self.tr("How it is shared"))
        self.left_out_title.setText(self.tr("What is left out"))
        self.left_out.setAccessibleName(self.tr("What is left out"))
        if self._preview is not None:
            self._show_texts()
