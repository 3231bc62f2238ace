"""Print and Export in the File menu: the open document as a PDF to print, or saved as PDF or JSON.

The work itself (``document_actions``) runs on the one worker; this class asks where to save,
says in the window's banner what is going on, and opens the printed PDF in the system viewer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from xshare_desktop.gui import errors
from xshare_desktop.gui.context import AppContext
from xshare_desktop.gui.errors import MessageBanner


class PrintAndExport(QObject):
    """The File menu's Print and Export for ``window``, whose ``banner`` shows the progress."""

    def __init__(self, context: AppContext, banner: MessageBanner, window: QWidget) -> None:
        super().__init__(window)
        self._context = context
        self._banner = banner
        self._window = window

    def _summary_file_name(self) -> str:
        # A name in the interface language: "helbredsoversigt-karen-testesen.pdf".
        info = getattr(self._context.document, "patient_info", None)
        name = "-".join((getattr(info, "name", "") or "").lower().split())
        base = self.tr("health-summary")
        return f"{base}-{name}" if name else base

    def print_summary(self) -> None:
        """Print: the summary as the PDF the app makes, opened in the system's PDF viewer."""
        document = self._context.document
        if document is None:
            return
        from xshare_desktop.core import paths
        from xshare_desktop.gui.document_actions import write_summary_pdf

        target = paths.temp_dir() / f"{self._summary_file_name()}.pdf"
        self._run_file_task(
            self.tr("Making the PDF to print…"),
            write_summary_pdf,
            dict(document.raw),
            target,
            on_ok=lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))),
        )

    def export_document(self) -> None:
        """Export: save the summary as a PDF, or the document itself as FHIR JSON."""
        document = self._context.document
        if document is None:
            return
        from xshare_desktop.gui.document_actions import write_copy, write_summary_pdf

        pdf_filter = self.tr("PDF for people to read (*.pdf)")
        json_filter = self.tr("FHIR document for systems (*.json)")
        path_text, chosen = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Export the health document"),
            str(Path.home() / f"{self._summary_file_name()}.pdf"),
            f"{pdf_filter};;{json_filter}",
        )
        if not path_text:
            return
        target = Path(path_text)
        as_json = chosen == json_filter or target.suffix.lower() == ".json"
        self._run_file_task(
            self.tr("Exporting…"),
            write_copy if as_json else write_summary_pdf,
            dict(document.raw),
            target,
            on_ok=lambda path: self._banner.show_message(
                self.tr("Saved as %1.").replace("%1", str(path)), kind="info"
            ),
        )

    def _run_file_task(self, text: str, fn: Any, *args: Any, on_ok: Any) -> None:
        from xshare_desktop.gui.worker import Worker

        self._banner.show_message(text, kind="info")
        worker = Worker(fn, *args)

        def finished(result: Any) -> None:
            self._banner.dismiss()
            on_ok(result)

        worker.finished_ok.connect(finished)
        worker.failed.connect(lambda exc: errors.present(exc, self._window))
        worker.start()
