"""Error types shared by every front end.

A ``UserFacingError`` carries a message written for a citizen: the GUI shows it
as it is and the CLI prints it on stderr. ``Cancelled`` is raised when the
person cancels long work and is never shown. Any other exception is a bug.
"""

from __future__ import annotations


class UserFacingError(Exception):
    """Something the person can understand and act on (bad file, wrong password...)."""

    def __init__(self, message: str, *, where: str | None = None, detail: str | None = None):
        super().__init__(message)
        self.message = message
        self.where = where
        self.detail = detail

    def __str__(self) -> str:
        if self.where:
            return f"{self.message} ({self.where})"
        return self.message


class Cancelled(Exception):
    """The person cancelled the operation; front ends stay silent."""
