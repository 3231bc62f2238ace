"""The document page's parts: the patient header, the received banner, the entries table and
the narrative browser that never fetches anything. ``document_view.DocumentView`` composes them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QUrl
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from xshare_desktop.gui.formatting import format_date, plain_term
from xshare_desktop.gui.style import heading_font, set_heading
from xshare_desktop.gui.widgets import MutedLabel

AnyIndex = QModelIndex | QPersistentModelIndex


class SafeTextBrowser(QTextBrowser):
    """Shows document XHTML; never fetches anything (no remote images, no file reads)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.blocked: list[str] = []

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        self.blocked.append(name.toString() if isinstance(name, QUrl) else str(name))
        return None


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text at the column's current width.

    QTreeView wraps text on paint when ``wordWrap`` is on, but measures rows as one line, so a
    long title ("Aktuelle problemer og diagnoser" in booth type) would be cut instead.
    """

    def __init__(self, view: QTreeWidget) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> Any:
        size = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        width = self._view.columnWidth(index.column())
        if index.column() == 0:
            depth, parent = 0, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= depth * self._view.indentation()
        if not text or width <= 0:
            return size
        style = self._view.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self._view) + 1
        metrics = option.fontMetrics
        bound = metrics.boundingRect(
            0, 0, max(1, width - 2 * margin), 100_000, Qt.TextFlag.TextWordWrap, str(text)
        )
        size.setHeight(max(size.height(), bound.height() + 4))
        return size


class EntriesModel(QAbstractTableModel):
    SUMMARY, DATE = range(2)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[Any] = []
        self._language = "en"

    def set_entries(self, entries: list[Any], language: str) -> None:
        self.beginResetModel()
        self._entries = entries
        self._language = language
        self.endResetModel()

    def set_language(self, language: str) -> None:
        self._language = language
        if self._entries:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._entries) - 1, 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 1)

    def entry(self, row: int) -> Any:
        return self._entries[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if column == self.SUMMARY:
            text = entry.summary_da if self._language == "da" else entry.summary
            return plain_term(text) or entry.resource_type
        return format_date(entry.date)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("What"), self.tr("Date")][section]


class PatientHeader(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PatientHeader")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        text = QVBoxLayout()
        text.setSpacing(2)
        self.name = QLabel()
        set_heading(self.name, 1)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.document_line = MutedLabel()
        text.addWidget(self.name)
        text.addWidget(self.details)
        text.addWidget(self.document_line)
        layout.addLayout(text, 1)
        self.share_button = QPushButton()
        self.share_button.setObjectName("YellowButton")
        self.share_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.share_button.setFont(heading_font(self.share_button, 1.35))
        self.share_button.setMinimumSize(180, 60)
        layout.addWidget(self.share_button, 0, Qt.AlignmentFlag.AlignVCenter)


class ReceivedBanner(QFrame):
    """Says that the open document was received, from whom, whether it verified; a way back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReceivedBanner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        text = QVBoxLayout()
        text.setSpacing(2)
        self.title = QLabel()
        set_heading(self.title, 3)
        self.origin = QLabel()
        self.origin.setWordWrap(True)
        self.allowed = MutedLabel()
        text.addWidget(self.title)
        text.addWidget(self.origin)
        text.addWidget(self.allowed)
        layout.addLayout(text, 1)
        self.back_to_check = QPushButton()
        self.back_to_check.setObjectName("BackToCheck")
        self.back_to_check.setProperty("role", "primary")
        layout.addWidget(self.back_to_check, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()
