"""What every view may reach: settings, language, booth mode and the open document.

Views get an ``AppContext`` instead of a pointer to the main window, so no
view depends on another. They ask for things through it (open a file, show a
document, go to a page) and the main window decides how.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from xshare_desktop.gui.i18n import LanguageManager
from xshare_desktop.gui.settings import Settings


@dataclass(frozen=True)
class ReceivedFrom:
    """Where a document someone else shared was opened: the recipient page and what it found.

    ``describe`` returns (who sent or signed it, the verification verdict in words) in the
    current language; None when the page cannot say (then only "received" is shown).
    """

    page: str
    describe: Callable[[], tuple[str, str]] | None = None


class AppContext(QObject):
    document_changed = Signal(object)  # the Document now open, or None
    navigate_requested = Signal(str)  # a page name from gui.navigation
    open_path_requested = Signal(object)  # a Path to load as a document
    open_dialog_requested = Signal()  # "let me choose a file"
    reset_requested = Signal()  # booth "Start over"
    help_requested = Signal(str)  # "how this works" about a topic (a page or a share step)

    def __init__(
        self,
        settings: Settings,
        language: LanguageManager,
        *,
        booth: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.language = language
        self.booth = booth
        self._document: Any = None
        self.received: ReceivedFrom | None = None

    @property
    def document(self) -> Any:
        """The open ``xshare_desktop.core.document.Document``, or None."""
        return self._document

    def set_document(self, document: Any, received: ReceivedFrom | None = None) -> None:
        """Make ``document`` the open one: the person's own, unless ``received`` says otherwise."""
        self._document = document
        self.received = received if document is not None else None
        self.document_changed.emit(document)

    def show_document(self, document: Any) -> None:
        """Make ``document`` (the person's own) the open one and show it."""
        self.set_document(document)
        self.navigate("document")

    def show_received(self, document: Any, origin: ReceivedFrom) -> None:
        """Show a document someone shared with this person, marked as received."""
        self.set_document(document, received=origin)
        self.navigate("document")

    def navigate(self, page: str) -> None:
        self.navigate_requested.emit(page)

    def open_path(self, path: str | Path) -> None:
        self.open_path_requested.emit(Path(path))

    def choose_file(self) -> None:
        self.open_dialog_requested.emit()

    def request_reset(self) -> None:
        self.reset_requested.emit()

    def request_help(self, topic: str) -> None:
        self.help_requested.emit(topic)

    @property
    def ui_language(self) -> str:
        return self.language.code
