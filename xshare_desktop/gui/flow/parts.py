"""Building blocks every step of the flow shares: a page frame, explained options, progress."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from xshare_desktop.gui.style import YELLOW, set_heading
from xshare_desktop.gui.widgets import MutedLabel

# The wizard's look: the step indicator, the chosen card, the busy panel and the problems.
FLOW_STYLE = f"""
QLabel#FlowStep {{
    padding: 8px 6px; border-style: solid; border-width: 0px 0px 4px 0px;
    border-color: palette(midlight); color: palette(text);
}}
QLabel#FlowStep[state="current"] {{ border-color: {YELLOW}; }}
QLabel#FlowStep[state="done"] {{ border-color: palette(mid); }}
QPushButton[role="card"]:checked {{
    border: 3px solid {YELLOW}; background: palette(alternate-base);
}}
QFrame#FlowBusy {{
    border: 1px solid palette(mid); border-radius: 8px; background: palette(alternate-base);
}}
QLabel#FlowOptionsProblem, QLabel#FlowPasswordWarning {{
    border-left: 5px solid {YELLOW}; padding: 6px 10px; background: palette(alternate-base);
}}
"""


class StepPage(QWidget):
    """A step: a big heading, one explaining sentence, then the step's own content.

    The content sits in a scroll area so the flow stays usable at 1366x768
    with booth-size type.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outer = outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        set_heading(self.heading, 1)
        self.intro = MutedLabel()
        outer.addWidget(self.heading)
        outer.addWidget(self.intro)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        # Not a Tab stop of its own: Tab goes from control to control (and on to Next), and the
        # area scrolls to whichever control has the focus.
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.body_widget = QWidget()
        self.body = QVBoxLayout(self.body_widget)
        self.body.setContentsMargins(0, 10, 12, 10)
        self.body.setSpacing(12)
        self.scroll_area.setWidget(self.body_widget)
        outer.addWidget(self.scroll_area, 1)

    def limit_width(self, pixels: int) -> None:
        """Keep lines of form controls short enough to read on wide screens."""
        self.body_widget.setMaximumWidth(pixels)

    def set_texts(self, heading: str, intro: str) -> None:
        self.heading.setText(heading)
        self.heading.setAccessibleName(heading)
        self.intro.setText(intro)

    def first_focus(self) -> QWidget | None:
        """The control that gets the keyboard focus when the step opens."""
        return None

    def retranslate(self) -> None:
        """Set every text; called at start and on each language change."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ExplainedOption(QWidget):
    """A check box with the one sentence that says what it does, and room for more below."""

    toggled = Signal(bool)

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.check = QCheckBox()
        self.check.setObjectName(object_name)
        font = self.check.font()
        font.setBold(True)
        self.check.setFont(font)
        self.explanation = MutedLabel()
        self.explanation.setContentsMargins(28, 0, 0, 0)
        self.details = QWidget()
        self.details_layout = QVBoxLayout(self.details)
        self.details_layout.setContentsMargins(28, 6, 0, 6)
        self.details.setVisible(False)
        layout.addWidget(self.check)
        layout.addWidget(self.explanation)
        layout.addWidget(self.details)
        self.check.toggled.connect(self._toggled)

    def set_texts(self, label: str, explanation: str) -> None:
        self.check.setText(label)
        self.check.setAccessibleName(label)
        self.check.setAccessibleDescription(explanation)
        self.explanation.setText(explanation)

    def _toggled(self, checked: bool) -> None:
        self.details.setVisible(checked and self.details_layout.count() > 0)
        self.toggled.emit(checked)

    @property
    def checked(self) -> bool:
        return self.check.isChecked()


class BusyPanel(QFrame):
    """What is happening now, how far along, and a Cancel button."""

    cancel_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FlowBusy")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.label = QLabel()
        self.label.setObjectName("FlowBusyText")
        self.bar = QProgressBar()
        self.bar.setObjectName("FlowBusyBar")
        self.bar.setTextVisible(False)
        self.bar.setMinimumWidth(200)
        self.cancel = QPushButton()
        self.cancel.setObjectName("FlowBusyCancel")
        self.cancel.clicked.connect(self.cancel_clicked)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel)
        self.hide()

    def start(self, text: str, cancel_text: str) -> None:
        self.label.setText(text)
        self.bar.setAccessibleName(text)
        self.cancel.setText(cancel_text)
        self.cancel.setAccessibleName(cancel_text)
        self.cancel.setEnabled(True)
        self.bar.setRange(0, 0)
        self.show()
        self.cancel.setFocus(Qt.FocusReason.OtherFocusReason)

    def update_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        else:
            self.bar.setRange(0, 0)


class FlowMessage(QFrame):
    """A calm message above the steps (styled like the app's banner, but the flow's own)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MessageBanner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        self.label = QLabel()
        self.label.setObjectName("FlowMessageText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        self.hide()

    @property
    def text(self) -> str:
        return self.label.text()

    def show_message(self, message: str, *, kind: str = "warning") -> None:
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.label.setText(message)
        self.label.setAccessibleName(message)
        self.show()

    def dismiss(self) -> None:
        self.hide()
        self.label.clear()


class StepIndicator(QWidget):
    """ "1 What · 2 How · 3 Options · 4 Check · 5 Done", the current step stands out."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FlowSteps")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.labels: list[QLabel] = []
        for _ in range(count):
            label = QLabel()
            label.setObjectName("FlowStep")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.labels.append(label)
            layout.addWidget(label, 1)

    def set_names(self, names: list[str]) -> None:
        for number, (label, name) in enumerate(zip(self.labels, names, strict=True), start=1):
            label.setText(f"{number}  {name}")

    def set_current(self, index: int) -> None:
        for position, label in enumerate(self.labels):
            state = "current" if position == index else "done" if position < index else "todo"
            label.setProperty("state", state)
            font = label.font()
            font.setBold(state == "current")
            label.setFont(font)
            label.style().unpolish(label)
            label.style().polish(label)
