"""About and privacy: what the app does, where data goes (nowhere), the standards, the profiles installed."""

from __future__ import annotations

import html
from importlib import metadata

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QTextBrowser, QWidget

from xshare_desktop.core import paths
from xshare_desktop.gui.context import AppContext


def app_version() -> str:
    try:
        return metadata.version("xshare-desktop")
    except metadata.PackageNotFoundError:
        return "0.1.0"


def installed_packages() -> list[tuple[str, str, str]] | None:
    """(name, version, title) of the FHIR packages in the cache, or None if the cache code is absent."""
    try:
        from xshare_desktop.core.fhir_packages import PackageCache
    except ImportError:
        return None
    try:
        return [(p.name, p.version, p.title or "") for p in PackageCache().list()]
    except OSError:
        return []


class AboutView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        self.text = QTextBrowser()
        self.text.setObjectName("AboutText")
        self.text.setFrameShape(QFrame.Shape.NoFrame)
        self.text.setMaximumWidth(900)
        self.text.document().setDocumentMargin(16)
        self.text.setOpenExternalLinks(False)
        self.text.setOpenLinks(False)
        layout.addStretch(1)
        layout.addWidget(self.text, 8)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        e = html.escape
        packages = installed_packages()
        if packages is None:
            package_html = "<p>{}</p>".format(e(self.tr("This version cannot list FHIR packages.")))
        elif not packages:
            package_html = "<p>{}</p>".format(
                e(
                    self.tr("No FHIR packages are installed in %1.").replace(
                        "%1", str(paths.fhir_package_cache())
                    )
                )
            )
        else:
            rows = "".join(
                f"<tr><td>{e(name)}</td><td>&nbsp;{e(version)}&nbsp;</td><td>{e(title)}</td></tr>"
                for name, version, title in packages
            )
            package_html = f"<table cellpadding='3'>{rows}</table>"
        sections = [
            (
                self.tr("xShare Yellow Button for the desktop"),
                self.tr(
                    "This app shows a person's health data in the European EHR Exchange Format "
                    "(EEHRxF) in plain language, and lets them share it: as files they save, or as "
                    "a SMART Health Link with a QR code for a doctor or relative. It also opens what "
                    "others share, checks it, and helps vendors check their documents."
                ),
            ),
            (
                self.tr("Your data stays on this computer"),
                self.tr(
                    "Documents are read from this computer and are never sent anywhere by the app "
                    "on its own. Nothing is uploaded, there is no tracking and no account. Your "
                    "settings, keys, links and log are kept in one folder: %1"
                ).replace("%1", str(paths.data_dir())),
            ),
            (
                self.tr("What a shared link exposes, and when"),
                self.tr(
                    "Only when you create a link does the app start a small link server. It serves "
                    "only the files you chose, encrypted; the key is in the link or QR code itself and "
                    "is never sent to the server. By default the server listens on this computer "
                    "only; reaching it from the local network must be switched on by you. Each link "
                    "can expire, need a passcode and be revoked at any time, and every access is "
                    "recorded so you can see who fetched what."
                ),
            ),
            (
                self.tr("Standards"),
                self.tr(
                    "HL7 FHIR R4; HL7 International Patient Summary (IPS); HL7 Europe Laboratory "
                    "Report; the HL7 Europe xShare Yellow Button guide; SMART Health Links (HL7); "
                    "JOSE (compact JWE with A256GCM, JWS with ES256); Danish CPR identifiers as in "
                    "HL7 Denmark DK Core."
                ),
            ),
        ]
        parts = [f"<h2>{e(title)}</h2><p>{e(body)}</p>" for title, body in sections]
        profiles_title = self.tr("Installed FHIR profiles")
        parts.append(f"<h2>{e(profiles_title)}</h2>{package_html}")
        parts.append("<p>{}</p>".format(e(self.tr("Version %1").replace("%1", app_version()))))
        self.text.setHtml("".join(parts))
        self.text.setAccessibleName(self.tr("About this app and your privacy"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
