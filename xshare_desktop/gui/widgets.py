"""Small shared widgets: card buttons and muted labels that follow the palette, button rows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from xshare_desktop.gui.style import heading_font


def blend(a: QColor, b: QColor, amount: float) -> QColor:
    return QColor(
        round(a.red() * (1 - amount) + b.red() * amount),
        round(a.green() * (1 - amount) + b.green() * amount),
        round(a.blue() * (1 - amount) + b.blue() * amount),
    )


class MutedLabel(QLabel):
    """Secondary text: a softer shade of the text colour that still reads in dark themes."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self._apply_palette()

    def _apply_palette(self) -> None:
        # Always derived from the application palette, never from our own
        # (already softened) one, so repeated theme changes do not compound.
        palette = QApplication.palette(self)
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        # 25% towards the background keeps WCAG AA contrast on light and dark palettes.
        palette.setColor(QPalette.ColorRole.WindowText, blend(text, window, 0.25))
        self.setPalette(palette)

    def follow_palette(self) -> None:
        """Called by the style's palette watcher after a theme change."""
        self._apply_palette()


class CardButton(QPushButton):
    """A large, two-line button: a bold title and a muted line under it."""

    def __init__(self, title: str = "", subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.setSpacing(2)
        self._title = QLabel()
        self._subtitle = MutedLabel()
        for label in (self._title, self._subtitle):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.setWordWrap(True)
            layout.addWidget(label)
        self.set_texts(title, subtitle)

    def set_texts(self, title: str, subtitle: str) -> None:
        self._title.setText(title)
        self._title.setFont(heading_font(self, 1.15))
        self._subtitle.setText(subtitle)
        self._subtitle.setVisible(bool(subtitle))
        self.setAccessibleName(title)
        self.setAccessibleDescription(subtitle)
        self.updateGeometry()

    @property
    def title(self) -> str:
        return self._title.text()

    @property
    def subtitle(self) -> str:
        return self._subtitle.text()

    def sizeHint(self) -> QSize:
        layout = self.layout()
        return layout.sizeHint() if layout is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        return layout.minimumSize() if layout is not None else super().minimumSizeHint()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._title.setFont(heading_font(self, 1.15))
        super().changeEvent(event)


def named_button(object_name: str) -> QPushButton:
    """A button named for styles and tests; its text and its action are set later."""
    button = QPushButton()
    button.setObjectName(object_name)
    return button


def action_button(object_name: str, on_click: Callable[[], object]) -> QPushButton:
    """A button named for styles and tests and wired to ``on_click``; its text is set later."""
    button = named_button(object_name)
    button.clicked.connect(on_click)
    return button


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    """The buttons side by side from the left, the spare room after them."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row
