"""Error types shared by every front end.

A ``UserFacingError`` carries a message written for a citizen, marked for translation where it
is raised (``core.i18n.QT_TRANSLATE_NOOP``): the GUI shows it translated into the interface
language and the CLI prints the English on stderr. ``Cancelled`` is raised when the person
cancels long work and is never shown. Any other exception is a bug.
"""

from __future__ import annotations

from xshare_desktop.core.i18n import Message, as_message


class UserFacingError(Exception):
    """Something the person can understand and act on (bad file, wrong password...).

    ``text`` is the marked message with its arguments; ``message`` is its English (what the CLI
    and the log show). ``where`` names a file or a place in a document and is never translated.
    A plain ``str`` is accepted (front ends, tests) and shown as it is, untranslated.
    """

    def __init__(
        self, message: Message | str, *, where: str | None = None, detail: str | None = None
    ):
        self.text = as_message(message)
        self.message = str(self.text)
        super().__init__(self.message)
        self.where = where
        self.detail = detail

    def __str__(self) -> str:
        if self.where:
            return f"{self.message} ({self.where})"
        return self.message


class Cancelled(Exception):
    """The person cancelled the operation; front ends stay silent."""
