"""Link expiry as people type it: a duration (``30m``, ``2h``, ``7d``, ``1w``) or an ISO-8601 time."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP

_DURATION = re.compile(r"^\s*(\d{1,6})\s*([smhdw])\s*$", re.IGNORECASE)
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
MAX_LIFETIME_SECONDS = 5 * 365 * 86400


def parse_expiry(text: str, now: float) -> float:
    """Epoch seconds when the link stops working."""
    match = _DURATION.match(text)
    if match:
        seconds = float(int(match.group(1)) * _SECONDS[match.group(2).lower()])
        if seconds <= 0:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core", "The link must live for some time; give a duration above zero."
                )
            )
    else:
        try:
            moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
        except ValueError:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "“{text}” is not an expiry: give a duration such as 30m, 2h, 7d or 1w, or a date and time such as 2026-12-24T18:00+01:00.",
                ).format(text=text)
            ) from None
        if moment.tzinfo is None:
            moment = moment.astimezone()  # a time without zone means the person's local time
        seconds = moment.astimezone(UTC).timestamp() - now
        if seconds <= 0:
            raise UserFacingError(
                QT_TRANSLATE_NOOP("Core", "The expiry {text} is already in the past.").format(
                    text=text
                )
            )
    if seconds > MAX_LIFETIME_SECONDS:
        raise UserFacingError(QT_TRANSLATE_NOOP("Core", "A link may live at most five years."))
    return now + seconds
