"""A line under a new password or passphrase that says, as the person types, how easy it is
to guess, and why when it is too easy (the core's estimate, in the interface language)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from xshare_desktop.core.signing.strength import Strength, estimate
from xshare_desktop.gui.errors import translated

# Readable on a light and on a dark window (WCAG AA for text).
_COLOURS = {"weak": "#c92a2a", "fair": "#b35c00", "good": "#2b7a3b"}


def reason_text(strength: Strength) -> str:
    """Why a secret is refused, in the interface language (the core's marked sentence)."""
    message = strength.reason_message or estimate("").reason_message
    return "" if message is None else translated(message)


class StrengthMeter(QLabel):
    """Follows ``edit``; ``related`` gives the names in the person's data (not secret)."""

    def __init__(
        self,
        edit: QLineEdit,
        related: Callable[[], list[str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("StrengthMeter")
        self.setWordWrap(True)
        self._edit = edit
        self._related = related or (lambda: [])
        self._strength: Strength | None = None
        self._active = True
        edit.textChanged.connect(self.refresh)
        self.refresh()

    @property
    def strength(self) -> Strength | None:
        return self._strength

    def set_active(self, active: bool) -> None:
        """Off where the secret already exists (it is typed, not chosen)."""
        self._active = active
        self.refresh()

    def refresh(self) -> None:
        text = self._edit.text()
        if not text or not self._active:
            self._strength = None
            self.clear()
            self.setVisible(False)
            return
        strength = estimate(text, self._related())
        self._strength = strength
        if not strength.acceptable:
            shown, tone = (
                QCoreApplication.translate("Strength", "Too easy to guess: %1").replace(
                    "%1", reason_text(strength)
                ),
                "weak",
            )
        elif strength.score == 2:
            shown, tone = (
                QCoreApplication.translate(
                    "Strength", "Fair: a word or two more makes it much harder to guess."
                ),
                "fair",
            )
        elif strength.score == 3:
            shown, tone = QCoreApplication.translate("Strength", "Good: hard to guess."), "good"
        else:
            shown, tone = (
                QCoreApplication.translate("Strength", "Strong: very hard to guess."),
                "good",
            )
        self.setText(shown)
        self.setAccessibleName(shown)
        self.setStyleSheet(f"color: {_COLOURS[tone]};")
        self.setVisible(True)

    def problem(self) -> str | None:
        """The sentence that stops the person going on, or None."""
        self.refresh()
        if self._strength is None:
            return reason_text(estimate(""))
        if not self._strength.acceptable:
            return QCoreApplication.translate("Strength", "Choose another: %1").replace(
                "%1", reason_text(self._strength)
            )
        return None


def with_meter(edit: QLineEdit, meter: StrengthMeter) -> QWidget:
    """``edit`` with its meter right under it, as one field of a form row.

    A row of its own (with an empty label) kept the row's spacing and an empty label even
    while the meter was hidden, and left a tall gap around the one line it shows.
    """
    field = QWidget()
    column = QVBoxLayout(field)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(edit)
    column.addWidget(meter)
    return field
