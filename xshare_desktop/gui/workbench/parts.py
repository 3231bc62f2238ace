"""Small pieces the workbench tabs share: table cells and verdict colours."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTableWidgetItem

from xshare_desktop.core.workbench.results import Verdict

VERDICT_COLOURS = {
    Verdict.PASS: "#2e7d32",
    Verdict.FAIL: "#c62828",
    Verdict.NOT_APPLICABLE: "#6d6d6d",
}
DATA_ROLE = Qt.ItemDataRole.UserRole


def readonly_item(text: str, tooltip: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if tooltip:
        item.setToolTip(tooltip)
    return item


def verdict_item(verdict: Verdict, text: str) -> QTableWidgetItem:
    item = readonly_item(text)
    item.setForeground(QBrush(QColor(VERDICT_COLOURS[verdict])))
    font = item.font()
    font.setBold(verdict is not Verdict.NOT_APPLICABLE)
    item.setFont(font)
    return item
