"""Step 5: what was shared, where, until when, and how to take it back.

For a link this is also where the recipient gets it: a big QR code, a button
to copy the link, and a button that revokes it at once.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPixmap, QTextOption
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from xshare_desktop.core.sharing.delivery import DeliveryResult
from xshare_desktop.core.shl import provider
from xshare_desktop.gui import errors
from xshare_desktop.gui.flow.parts import StepPage
from xshare_desktop.gui.flow.tasks import qr_png
from xshare_desktop.gui.formatting import format_moment
from xshare_desktop.gui.style import set_heading
from xshare_desktop.gui.widgets import action_button, button_row

QR_PIXELS = 340


def _reaches_the_network(host_url: str | None) -> bool:
    host = urlsplit(host_url or "").hostname or ""
    return bool(host) and host not in ("127.0.0.1", "localhost", "::1")


class DoneStep(StepPage):
    revoked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._result: DeliveryResult | None = None
        self._revoked = False
        row = QHBoxLayout()
        row.setSpacing(24)
        self.qr = QLabel()
        self.qr.setObjectName("FlowDoneQr")
        self.qr.setFixedSize(QR_PIXELS, QR_PIXELS)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setStyleSheet("background: white; border-radius: 8px;")
        row.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)

        facts = QWidget()
        self.grid = QGridLayout(facts)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(10)
        self.fact_titles: dict[str, QLabel] = {}
        self.facts: dict[str, QLabel] = {}
        for position, key in enumerate(("what", "where", "until", "revoke")):
            title = QLabel()
            set_heading(title, 3)
            title.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            value = QLabel()
            value.setObjectName(f"FlowDone_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.grid.addWidget(title, position, 0)
            self.grid.addWidget(value, position, 1)
            self.fact_titles[key] = title
            self.facts[key] = value
        # The link's text beside its QR code: what the phone will open, readable and copyable.
        self.link_title = QLabel()
        set_heading(self.link_title, 3)
        self.link_title.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.link_text = QPlainTextEdit()
        self.link_text.setObjectName("FlowDoneLinkText")
        self.link_text.setReadOnly(True)
        self.link_text.setFrameShape(QFrame.Shape.NoFrame)
        self.link_text.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        self.link_text.setMaximumHeight(self.fontMetrics().lineSpacing() * 6 + 12)
        row_count = self.grid.rowCount()
        self.grid.addWidget(self.link_title, row_count, 0)
        self.grid.addWidget(self.link_text, row_count, 1)
        self.grid.setColumnStretch(1, 1)
        self.open_folder = action_button("FlowDoneOpenFolder", self._open_folder)
        self.open_folder.setProperty("role", "primary")
        self.copy_link = action_button("FlowDoneCopyLink", self._copy_link)
        self.copy_link.setProperty("role", "primary")
        self.revoke = action_button("FlowDoneRevoke", self.ask_revoke)
        self.revoke.setProperty("role", "primary")
        buttons = button_row(self.open_folder, self.copy_link, self.revoke)
        self.feedback = QLabel()
        self.feedback.setObjectName("FlowDoneFeedback")
        self.feedback.setWordWrap(True)
        column = QVBoxLayout()
        column.addWidget(facts)
        column.addLayout(buttons)
        column.addWidget(self.feedback)
        column.addStretch(1)
        row.addLayout(column, 1)
        self.body.addLayout(row)
        self.body.addStretch(1)
        self.limit_width(1200)
        self.retranslate()

    @property
    def result(self) -> DeliveryResult | None:
        return self._result

    def show_result(self, result: DeliveryResult) -> None:
        self._result = result
        self._revoked = False
        self.feedback.clear()
        link = result.method == "link" and result.link_uri is not None
        if link and result.link_uri:
            pixmap = QPixmap()
            pixmap.loadFromData(qr_png(result.link_uri), "PNG")
            self.qr.setPixmap(
                pixmap.scaled(
                    QR_PIXELS - 12,
                    QR_PIXELS - 12,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.FastTransformation,  # keep the modules crisp
                )
            )
        self.qr.setVisible(link)
        self.link_text.setPlainText(result.link_uri if link and result.link_uri else "")
        self.link_text.setVisible(link)
        self.link_title.setVisible(link)
        self.copy_link.setVisible(link)
        self.revoke.setVisible(link)
        self.revoke.setEnabled(True)
        self.open_folder.setVisible(not link)
        self._show_texts()

    def fact(self, key: str) -> str:
        return self.facts[key].text()

    # -- actions -------------------------------------------------------------------------------
    def _open_folder(self) -> None:
        if self._result is not None and self._result.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._result.folder)))

    def _copy_link(self) -> None:
        if self._result is not None and self._result.link_uri:
            QGuiApplication.clipboard().setText(self._result.link_uri)
            self.feedback.setText(
                self.tr("The link is copied. Paste it where the recipient gets it.")
            )

    def ask_revoke(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Revoke the link?"),
            self.tr("The link stops working at once, for everybody. This cannot be undone."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.revoke_now()

    def revoke_now(self) -> None:
        result = self._result
        if result is None or result.link_id is None or self._revoked:
            return
        try:
            provider.revoke_link(result.link_id)
        except Exception as exc:  # a UserFacingError is shown calmly; others are bugs
            errors.present(exc, self)
            return
        self._revoked = True
        self.revoke.setEnabled(False)
        self.qr.setEnabled(False)
        self.feedback.setText(self.tr("The link is revoked: it no longer works."))
        self._show_texts()
        self.revoked.emit(result.link_id)

    # -- texts -----------------------------------------------------------------------------------
    def _show_texts(self) -> None:
        result = self._result
        if result is None:
            return
        link = result.method == "link"
        if link:
            self.set_texts(
                "✓ " + self.tr("Your link is ready"),
                self.tr(
                    "Let the recipient scan the QR code, or copy the link. It works while this "
                    "app runs on this computer."
                ),
            )
        else:
            self.set_texts(
                "✓ " + self.tr("Your files are ready"),
                self.tr("Nothing else left this computer. Hand the files over as you prefer."),
            )
        self.facts["what"].setText("\n".join(self._what_lines(result)))
        if link:
            if _reaches_the_network(result.host_url):
                self.facts["where"].setText(
                    self.tr(
                        "Behind a link that phones on this network can open at %1 while the "
                        "app is running."
                    ).replace("%1", result.host_url or "")
                )
            else:
                # The host address (127.0.0.1:port) means nothing to a citizen: a tooltip is
                # enough.
                self.facts["where"].setText(
                    self.tr("Behind a link that this computer hands out while the app is running.")
                )
            self.facts["where"].setToolTip(
                self.tr("SMART Health Link served at %1").replace("%1", result.host_url or "")
            )
            if self._revoked:
                until = self.tr("It no longer works: you revoked it.")
            elif result.expires is None:
                until = self.tr("Until you revoke it.")
            else:
                until = self.tr("Until %1.").replace("%1", format_moment(result.expires))
            if result.one_time and not self._revoked:
                until += " " + self.tr("Only the first person who opens it gets the files.")
            self.facts["until"].setText(until)
            self.facts["revoke"].setText(
                self.tr(
                    "Press “Revoke link” now, or later under Shared links; it stops working at "
                    "once."
                )
            )
        else:
            folder = str(result.folder) if result.folder is not None else ""
            names = "\n".join(f"  {item.path.name}" for item in result.files)
            self.facts["where"].setText(
                self.tr("In the folder %1:").replace("%1", folder) + "\n" + names
            )
            self.facts["where"].setToolTip("")
            self.facts["until"].setText(
                self.tr("Files do not expire: they stay readable wherever they are kept.")
            )
            self.facts["revoke"].setText(
                self.tr(
                    "Files cannot be called back once handed over. Until then, delete them from "
                    "the folder to withdraw them."
                )
            )
        for key, label in self.facts.items():
            label.setAccessibleName(f"{self.fact_titles[key].text()}: {label.text()}")

    def _what_lines(self, result: DeliveryResult) -> list[str]:
        names = [name.lower() for name in result.contents]
        has_json = any(n.endswith(".json") for n in names)
        has_pdf = any(n.endswith(".pdf") for n in names)
        if has_json and has_pdf:
            lines = [self.tr("Your document for health IT systems (FHIR) and as a PDF to read.")]
        elif has_pdf:
            lines = [self.tr("Your document as a PDF to read.")]
        else:
            lines = [self.tr("Your document for health IT systems (FHIR).")]
        if result.packaged:
            lines.append(self.tr("All in one xShare package."))
        if result.signer:
            lines.append(self.tr("Signed by %1.").replace("%1", result.signer))
        if result.protected:
            lines.append(self.tr("Protected with your password."))
        for copy in result.open_copies:
            lines.append(
                self.tr(
                    "Your own copy of the PDF, without a password, is in %1: anyone who can "
                    "open that folder can read it."
                ).replace("%1", str(copy.parent))
            )
        if result.link_label:
            lines.append(self.tr("Named “%1”.").replace("%1", result.link_label))
        if result.passcode:
            lines.append(
                self.tr("Opens only with the passcode: tell it to the recipient separately.")
            )
        items = result.share.left_out if result.share is not None else []
        # free text under pseudonymisation is left out for safety, not by the person's choice
        unsafe = sum(1 for x in items if x.reason == "free-text")
        chosen = len(items) - unsafe
        if chosen:
            lines.append(self.tr("%n item(s) left out, as you chose.", "", chosen))
        if unsafe:
            lines.append(
                self.tr(
                    "%n free-text section(s) left out: pseudonymisation cannot check free "
                    "text for names.",
                    "",
                    unsafe,
                )
            )
        if not items:
            lines.append(self.tr("Nothing left out."))
        return lines

    def first_focus(self) -> QWidget | None:
        if self._result is not None and self._result.method == "link":
            return self.copy_link
        return self.open_folder

    def retranslate(self) -> None:
        self.fact_titles["what"].setText(self.tr("What"))
        self.fact_titles["where"].setText(self.tr("Where"))
        self.fact_titles["until"].setText(self.tr("Until when"))
        self.fact_titles["revoke"].setText(self.tr("Take it back"))
        self.link_title.setText(self.tr("The link"))
        self.link_text.setAccessibleName(self.tr("The text of the link"))
        self.open_folder.setText(self.tr("Open folder"))
        self.open_folder.setAccessibleName(self.tr("Open the folder with the files"))
        self.copy_link.setText(self.tr("Copy link"))
        self.copy_link.setAccessibleName(self.tr("Copy the link"))
        self.revoke.setText(self.tr("Revoke link"))
        self.revoke.setAccessibleName(self.tr("Revoke the link"))
        self.qr.setAccessibleName(self.tr("QR code of the link"))
        self._show_texts()
