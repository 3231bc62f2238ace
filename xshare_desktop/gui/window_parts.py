"""The main window's own parts: where it opens on a screen, its app bar and its loading bar.

``main_window.MainWindow`` composes them with the pages.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from xshare_desktop.gui.style import app_icon, set_heading

# The size the pages are laid out for; smaller screens get what they have.
PREFERRED_SIZE = QSize(1280, 800)

# Pages still work at this size (a 1024x600 netbook, less its panel and the title bar).
MINIMUM_SIZE = QSize(720, 480)

# Room for the window manager's title bar and borders, which Qt only learns once shown.
FRAME_ALLOWANCE = QSize(16, 48)

# Screens this large open maximised: a 1280x800 window on a 1920x1080 screen looks lost.
MAXIMISE_FROM = QSize(1600, 1000)


def initial_geometry(available: QRect) -> tuple[QRect, bool]:
    """Where the window opens on a screen whose usable area is ``available``.

    Returns the normal (not maximised) geometry of the client area, centred and never larger
    than the screen less the window frame, and whether to open maximised.
    """
    room = available.size() - FRAME_ALLOWANCE
    size = PREFERRED_SIZE.boundedTo(room).expandedTo(MINIMUM_SIZE.boundedTo(room))
    rect = QRect(0, 0, size.width(), size.height())
    rect.moveCenter(available.center())
    rect.moveTop(max(available.top() + FRAME_ALLOWANCE.height() - 8, rect.top()))
    maximise = (
        available.width() >= MAXIMISE_FROM.width() and available.height() >= MAXIMISE_FROM.height()
    )
    return rect, maximise


class AppBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AppBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        self.logo = QLabel()
        self.logo.setPixmap(app_icon().pixmap(28, 28))
        self.logo.setAccessibleName("xShare")
        self.home = QPushButton()
        self.home.setObjectName("HomeButton")
        self.home.setProperty("role", "primary")
        self.back = QPushButton()
        self.back.setObjectName("BackButton")
        self.back.setProperty("role", "primary")
        self.title = QLabel()
        self.title.setObjectName("AppTitle")
        set_heading(self.title, 3)
        self.language = QPushButton()
        self.language.setObjectName("LanguageButton")
        self.language.setProperty("role", "primary")
        self.reset = QPushButton()
        self.reset.setObjectName("ResetButton")
        self.reset.setProperty("role", "primary")
        layout.addWidget(self.logo)
        layout.addWidget(self.title)
        layout.addSpacing(16)
        layout.addWidget(self.home)
        layout.addWidget(self.back)
        layout.addStretch(1)
        layout.addWidget(self.language)
        layout.addWidget(self.reset)


class LoadingBar(QFrame):
    cancel_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LoadingBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 6, 14, 6)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(320)
        self.cancel = QPushButton()
        self.cancel.clicked.connect(self.cancel_clicked)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        self.hide()

    def set_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        else:
            self.bar.setRange(0, 0)
