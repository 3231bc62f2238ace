"""Step 2: how to share. Two large choices, each with the one sentence that explains it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QWidget

from xshare_desktop.gui.flow.parts import StepPage
from xshare_desktop.gui.widgets import CardButton

DOWNLOAD = "download"
LINK = "link"


class HowStep(StepPage):
    method_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.download_card = CardButton()
        self.download_card.setObjectName("FlowHowDownload")
        self.link_card = CardButton()
        self.link_card.setObjectName("FlowHowLink")
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        for card in (self.download_card, self.link_card):
            card.setCheckable(True)
            card.setMinimumHeight(96)
            self.group.addButton(card)
            self.body.addWidget(card)
        self.body.addStretch(1)
        self.download_card.setChecked(True)
        self.group.buttonToggled.connect(self._toggled)
        self.retranslate()

    @property
    def method(self) -> str:
        return LINK if self.link_card.isChecked() else DOWNLOAD

    def set_method(self, method: str) -> None:
        (self.link_card if method == LINK else self.download_card).setChecked(True)

    def _toggled(self, _button: object, checked: bool) -> None:
        if checked:
            self.method_changed.emit(self.method)

    def first_focus(self) -> QWidget | None:
        return self.link_card if self.link_card.isChecked() else self.download_card

    def retranslate(self) -> None:
        self.set_texts(
            self.tr("How do you want to share it?"),
            self.tr("You can change your mind until you confirm on the next pages."),
        )
        self.download_card.set_texts(
            self.tr("Download files"),
            self.tr(
                "Save the files on this computer and hand them over yourself, for example on "
                "a USB stick or by secure e-mail."
            ),
        )
        self.link_card.set_texts(
            self.tr("Share with a link (QR code)"),
            self.tr(
                "The recipient scans a QR code or opens a link; you decide how long it works "
                "and can stop it at any time."
            ),
        )
