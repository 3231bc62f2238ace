"""What can go wrong when the Link Consumer opens a link, one error type for each way.

Each has a message a citizen can act on; refusals by the server (``LinkAccessRefused``) are kept
apart from damaged links or responses, so front ends can tell "access refused" from "bad input".
``core/shl/client.py`` raises them and re-exports them under its own name.
"""

from __future__ import annotations

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP, Message


class LinkAccessRefused(UserFacingError):
    """The host answered, and said no (wrong passcode, inactive link, too many requests)."""


class PasscodeRequired(UserFacingError):
    """The link has the P flag and no passcode was given: ask the person for one."""

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Core", "This link is protected by a passcode. Ask the sender for it and type it."
            )
        )


class WrongPasscode(LinkAccessRefused):
    def __init__(self, remaining_attempts: int | None) -> None:
        if remaining_attempts is None:
            message = QT_TRANSLATE_NOOP("Core", "The passcode is wrong.")
        elif remaining_attempts == 0:
            message = QT_TRANSLATE_NOOP(
                "Core", "The passcode is wrong, and no attempts are left: the link is now disabled."
            )
        elif remaining_attempts == 1:
            message = QT_TRANSLATE_NOOP(
                "Core", "The passcode is wrong. 1 attempt is left before the link is disabled."
            )
        else:
            message = QT_TRANSLATE_NOOP(
                "Core",
                "The passcode is wrong. {count} attempts are left before the link is disabled.",
            ).format(count=remaining_attempts)
        super().__init__(message)
        self.remaining_attempts = remaining_attempts


class LinkNotActive(LinkAccessRefused):
    """404: the host does not know the link, or it expired, was used up, revoked or locked."""


class LinkExpired(LinkNotActive):
    pass


class TooManyRequests(LinkAccessRefused):
    def __init__(self, retry_after: int | None) -> None:
        if retry_after:
            message = QT_TRANSLATE_NOOP(
                "Core",
                "The link host says this link was fetched too often. "
                "Try again in {seconds} seconds.",
            ).format(seconds=retry_after)
        else:
            message = QT_TRANSLATE_NOOP(
                "Core", "The link host says this link was fetched too often. Try again later."
            )
        super().__init__(message)
        self.retry_after = retry_after


class HostUnreachable(UserFacingError):
    """No answer from the link host (offline, wrong address, host not running)."""


class TooSlow(HostUnreachable):
    """The host answered but did not finish within the whole-fetch deadline."""

    def __init__(self, message: Message, seconds: float) -> None:
        super().__init__(message)
        self.seconds = seconds


class BadResponse(UserFacingError):
    """The host answered with something the spec does not allow."""
