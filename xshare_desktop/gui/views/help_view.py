"""Help: a short "how this works" per step of the Yellow Button, offline, and a link to xShare.

The text is part of the app (nothing is fetched); the link to the xShare project opens the
system browser only when the person presses it.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from xshare_desktop.gui.context import AppContext
from xshare_desktop.gui.style import set_heading

XSHARE_URL = "https://xshare-project.eu/the-xshare-button/"
# Topics in reading order; the share flow's steps are named as in gui.flow.share_flow.STEPS.
TOPICS = ("start", "choose", "how", "options", "preview", "done", "received")


class HelpView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.topic = "start"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        self.title = QLabel()
        set_heading(self.title, 1)
        self.text = QTextBrowser()
        self.text.setObjectName("HelpText")
        self.text.setOpenLinks(False)  # offline: nothing in the text is fetched or followed
        self.xshare_button = QPushButton()
        self.xshare_button.setObjectName("HelpXShareLink")
        self.xshare_button.setProperty("role", "link")
        self.xshare_button.clicked.connect(self.open_xshare_site)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.xshare_button)
        self.retranslate()

    def show_topic(self, topic: str) -> None:
        """Scroll to the part about ``topic`` (a page or a step of the share flow)."""
        self.topic = topic if topic in TOPICS else "start"
        self.text.scrollToAnchor(self.topic)

    def open_xshare_site(self) -> None:
        QDesktopServices.openUrl(QUrl(XSHARE_URL))

    def topics(self) -> dict[str, tuple[str, str]]:
        return {
            "start": (
                self.tr("Your health summary"),
                self.tr(
                    "Open your health document: a sample patient, a file from your doctor or "
                    "health portal, or drag a file onto the window. Nothing leaves this computer "
                    "until you choose to share it."
                ),
            ),
            "choose": (
                self.tr("Step 1 · What to share"),
                self.tr(
                    "Everything is ticked. Untick what you want to keep to yourself: a whole "
                    "section or single entries. What depends on something you left out goes too, "
                    "and the preview tells you what and why."
                ),
            ),
            "how": (
                self.tr("Step 2 · How"),
                self.tr(
                    "Save files you hand over yourself (on a USB stick, by mail), or make a link "
                    "with a QR code that the recipient scans. A link can expire, be used once "
                    "and be revoked."
                ),
            ),
            "options": (
                self.tr("Step 3 · Options"),
                self.tr(
                    "Sign it, so the recipient can see that it comes from you and was not "
                    "changed; your signing key is unlocked with your passphrase, which only you "
                    "know. Protect it with a password or passcode, which you tell the recipient "
                    "another way. Pseudonymise it to replace your name and numbers."
                ),
            ),
            "preview": (
                self.tr("Step 4 · Check"),
                self.tr(
                    "This is exactly what the recipient will see, and a list of what is left out. "
                    "Nothing has been shared yet: press Share now when it looks right."
                ),
            ),
            "done": (
                self.tr("Step 5 · Done"),
                self.tr(
                    "It says what was shared and where. A link keeps working until it expires or "
                    "you revoke it under Shared links."
                ),
            ),
            "received": (
                self.tr("Did you receive something?"),
                self.tr(
                    "Open the file or the link you received. The app checks the signature and "
                    "tells you who signed it and whether it was changed, before you read it."
                ),
            ),
        }

    def retranslate(self) -> None:
        self.title.setText(self.tr("How this works"))
        parts = []
        for name, (heading, body) in self.topics().items():
            parts.append(
                f'<h2><a name="{name}"></a>{html.escape(heading)}</h2><p>{html.escape(body)}</p>'
            )
        self.text.setHtml("".join(parts))
        self.text.setAccessibleName(self.tr("How this works"))
        self.xshare_button.setText(
            self.tr("What is xShare? (opens xshare-project.eu in your web browser)")
        )
        self.xshare_button.setAccessibleName(self.tr("What is xShare? Opens your web browser"))
        self.show_topic(self.topic)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
