"""The app's look: Fusion, the system's light or dark palette, one yellow accent.

Colours other than the Yellow Button come from the palette (``palette(...)``
in the style sheet), so the app stays readable in light and dark themes.
Booth mode scales all type up for reading at arm's length. The feel belongs here too:
Return and Enter press the focused button everywhere.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QIcon,
    QKeyEvent,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

YELLOW = "#FFD100"
YELLOW_HOVER = "#FFDD33"
YELLOW_PRESSED = "#E6BC00"
YELLOW_TEXT = "#1A1A1A"  # contrast ratio 13:1 on YELLOW
FOCUS_RING = "#1F5FBF"
BOOTH_FONT_SCALE = 1.35

# Selectors use object names and dynamic properties, so views only set
# ``objectName``/``setProperty("role", ...)`` and never carry colours.
# Focus rings are thicker borders; each focused rule takes the extra width off the padding, so a
# focused button keeps its size and the ring never clips the text (the Å of "Åbn mappe").
STYLE_SHEET = f"""
QPushButton {{
    padding: 4px 12px; border-radius: 8px; border: 1px solid palette(mid);
    background: palette(button); color: palette(button-text);
}}
QPushButton:hover {{ border: 1px solid palette(highlight); }}
QPushButton:focus {{ border: 3px solid palette(highlight); padding: 2px 10px; }}
QPushButton:disabled {{ color: palette(dark); background: palette(window); }}
QPushButton#YellowButton {{
    background: {YELLOW}; color: {YELLOW_TEXT}; border: 2px solid {YELLOW_PRESSED};
    border-radius: 10px; padding: 10px 28px; font-weight: 700;
}}
QPushButton#YellowButton:hover {{ background: {YELLOW_HOVER}; }}
QPushButton#YellowButton:pressed {{ background: {YELLOW_PRESSED}; }}
QPushButton#YellowButton:focus {{ border: 3px solid {FOCUS_RING}; padding: 9px 27px; }}
QPushButton#YellowButton:disabled {{ background: palette(midlight); color: palette(dark); border-color: palette(mid); }}
QPushButton[role="card"] {{
    text-align: left; padding: 14px 18px; border: 1px solid palette(mid);
    border-radius: 10px; background: palette(base); color: palette(text);
}}
QPushButton[role="card"]:hover {{ border: 1px solid palette(highlight); }}
QPushButton[role="card"]:focus {{ border: 3px solid palette(highlight); padding: 12px 16px; }}
QToolButton:focus {{ border: 3px solid palette(highlight); }}
QCheckBox, QRadioButton {{ border: 2px solid transparent; border-radius: 4px; }}
QCheckBox:focus, QRadioButton:focus {{ border-color: palette(highlight); }}
QPushButton[role="primary"] {{
    padding: 8px 18px; border-radius: 8px; border: 1px solid palette(mid);
    background: palette(button); color: palette(button-text);
}}
QPushButton[role="primary"]:hover {{ border: 1px solid palette(highlight); }}
QPushButton[role="primary"]:focus {{ border: 3px solid palette(highlight); padding: 6px 16px; }}
QPushButton[role="link"] {{
    border: 1px solid transparent; background: transparent; color: palette(link);
    text-decoration: underline; padding: 3px 5px;
}}
QPushButton[role="link"]:focus {{ border: 3px solid palette(highlight); padding: 1px 3px; }}
QFrame#AppBar {{ border-bottom: 1px solid palette(mid); }}
QFrame#MessageBanner {{
    border: 1px solid palette(mid); border-left: 6px solid {YELLOW}; border-radius: 6px;
    background: palette(alternate-base);
}}
QFrame#MessageBanner[kind="info"] {{ border-left: 6px solid palette(highlight); }}
QFrame#ReceivedBanner {{
    border: 1px solid palette(mid); border-left: 6px solid palette(highlight); border-radius: 8px;
    background: palette(alternate-base);
}}
QFrame#PatientHeader {{
    border: 1px solid palette(mid); border-radius: 10px; background: palette(base);
}}
QFrame#IssuesBar {{ border-top: 1px solid palette(mid); }}
"""

# Booth visitors touch the screen: every target at least 44 px high (WCAG 2.5.5), and check
# boxes and radio buttons as large as the type around them.
TOUCH_TARGET_PX = 44
BOOTH_STYLE_SHEET = f"""
QPushButton {{ min-height: {TOUCH_TARGET_PX - 10}px; }}
QPushButton[role="link"] {{ min-height: {TOUCH_TARGET_PX - 8}px; }}
QCheckBox, QRadioButton {{ min-height: {TOUCH_TARGET_PX - 4}px; spacing: 10px; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: 26px; height: 26px; }}
QTreeView::indicator {{ width: 22px; height: 22px; }}
QTreeView::item {{ min-height: 30px; }}
QComboBox, QLineEdit {{ min-height: {TOUCH_TARGET_PX - 8}px; }}
"""


def heading_font(widget: QWidget, scale: float) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setWeight(QFont.Weight.Bold)
    return font


def set_heading(widget: QWidget, level: int) -> None:
    """Mark a label as a heading; sizes follow the application font (booth scales it)."""
    widget.setProperty("role", f"h{level}")
    widget.setFont(heading_font(widget, {1: 1.9, 2: 1.35, 3: 1.1}.get(level, 1.0)))


_base_point_size: float | None = None


def base_point_size() -> float:
    """The system font size before we scaled it (apply_style may run more than once)."""
    global _base_point_size
    if _base_point_size is None:
        size = QGuiApplication.font().pointSizeF()
        _base_point_size = max(size if size > 0 else 10.0, 10.0)
    return _base_point_size


class _PaletteWatcher(QObject):
    """Re-applies the style sheet when the application palette changes.

    With a style sheet set, Qt does not pass a new application palette on to
    widgets that are already polished; a theme switched while the app runs
    (light <-> dark) would leave dark text on a dark window.
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._busy = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ApplicationPaletteChange
            and watched is self.parent()
            and not self._busy
        ):
            app = self.parent()
            assert isinstance(app, QApplication)
            self._busy = True
            try:
                sheet = app.styleSheet()
                app.setStyleSheet("")
                app.setStyleSheet(sheet)
                for widget in app.allWidgets():
                    follow = getattr(widget, "follow_palette", None)
                    if callable(follow):
                        follow()
            finally:
                self._busy = False
        return False


class ReturnPressesButtons(QObject):
    """Return and Enter press the focused push button, as Space does.

    Qt presses a focused button on Return only inside dialogs (``autoDefault``); in the main
    window a keyboard user who tabbed to the yellow Share button would press Return and get
    nothing. Installed once on the application.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            and isinstance(watched, QPushButton)
            and not watched.autoDefault()  # dialogs already do this themselves
            and watched.isEnabled()
            and watched.isVisible()
            and watched.hasFocus()
        ):
            if not event.isAutoRepeat():
                watched.click()
            return True
        return False


def apply_style(app: QApplication, *, booth: bool) -> None:
    if app.findChild(_PaletteWatcher) is None:
        app.installEventFilter(_PaletteWatcher(app))
    if app.findChild(ReturnPressesButtons) is None:
        app.installEventFilter(ReturnPressesButtons(app))
    app.setStyle("Fusion")
    font = QGuiApplication.font()
    font.setPointSizeF(base_point_size() * (BOOTH_FONT_SCALE if booth else 1.0))
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET + (BOOTH_STYLE_SHEET if booth else ""))
    app.setWindowIcon(app_icon())


def dark_palette() -> QPalette:
    """A dark palette like the system dark themes, for tests and screenshots."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#1E1F22",
        QPalette.ColorRole.WindowText: "#E8E8E8",
        QPalette.ColorRole.Base: "#2A2B2F",
        QPalette.ColorRole.AlternateBase: "#313238",
        QPalette.ColorRole.Text: "#EDEDED",
        QPalette.ColorRole.Button: "#34353B",
        QPalette.ColorRole.ButtonText: "#EDEDED",
        QPalette.ColorRole.Highlight: "#6CA0FF",
        QPalette.ColorRole.HighlightedText: "#101010",
        QPalette.ColorRole.Link: "#8AB4FF",
        QPalette.ColorRole.ToolTipBase: "#2A2B2F",
        QPalette.ColorRole.ToolTipText: "#EDEDED",
        QPalette.ColorRole.PlaceholderText: "#A0A0A0",
        QPalette.ColorRole.Mid: "#5A5B61",
        QPalette.ColorRole.Midlight: "#45464C",
        QPalette.ColorRole.Dark: "#9A9A9A",
        QPalette.ColorRole.Light: "#505157",
        QPalette.ColorRole.BrightText: "#FFFFFF",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    return palette


def relative_luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def app_icon() -> QIcon:
    """A yellow rounded square: the Yellow Button itself, drawn so no image file is needed."""
    icon = QIcon()
    for size in (16, 32, 64, 128, 256):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(YELLOW))
        painter.setPen(QColor(YELLOW_PRESSED))
        margin = size * 0.06
        painter.drawRoundedRect(
            int(margin),
            int(margin),
            int(size - 2 * margin),
            int(size - 2 * margin),
            size * 0.22,
            size * 0.22,
        )
        painter.setPen(QColor(YELLOW_TEXT))
        font = QFont()
        font.setPixelSize(int(size * 0.55))
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, "x")
        painter.end()
        icon.addPixmap(pixmap)
    return icon
