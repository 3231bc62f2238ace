"""What the link store holds, as values: links, files, access log entries, and the answers of
its transactions. ``store.py`` holds the rules that read and change them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP, Message
from xshare_desktop.core.shl.key_wrap import KeyWrapper, LinkKeyUnavailable


class LinkStatus(StrEnum):
    ACTIVE = "active"
    EXPIRED = "expired"
    REVOKED = "revoked"
    USED_UP = "used-up"
    LOCKED = "locked"


class Outcome(StrEnum):
    OK = "ok"
    WRONG_PASSCODE = "wrong-passcode"
    MISSING_PASSCODE = "missing-passcode"
    THROTTLED = "throttled"
    EXPIRED = "expired"
    REVOKED = "revoked"
    USED_UP = "used-up"
    LOCKED = "locked"
    LOCATION_EXPIRED = "location-expired"
    LOCATION_USED = "location-used"


_STATUS_OUTCOME = {
    LinkStatus.EXPIRED: Outcome.EXPIRED,
    LinkStatus.REVOKED: Outcome.REVOKED,
    LinkStatus.USED_UP: Outcome.USED_UP,
    LinkStatus.LOCKED: Outcome.LOCKED,
}


def outcome_for(status: LinkStatus) -> Outcome:
    return _STATUS_OUTCOME[status]


@dataclass(frozen=True)
class LinkRecord:
    id: str
    token: str
    key: bytes
    manifest_url: str
    label: str | None
    flags: str
    viewer: str | None
    created: float
    updated: float
    expires: float | None
    passcode_hash: str | None
    max_attempts: int
    failed_attempts: int
    one_time: bool
    used_up: float | None
    revoked: float | None
    # Why ``key`` is empty when the store's wrapped key cannot be unwrapped here.
    key_problem: Message | None = None

    def usable_key(self) -> bytes:
        """The link's key, or a plain error when this computer does not hold it."""
        if self.key_problem is not None:
            raise LinkKeyUnavailable(self.key_problem)
        return self.key

    @property
    def remaining_attempts(self) -> int:
        return max(0, self.max_attempts - self.failed_attempts)

    def status(self, now: float) -> LinkStatus:
        if self.revoked is not None:
            return LinkStatus.REVOKED
        if self.expires is not None and now >= self.expires:
            return LinkStatus.EXPIRED
        if self.used_up is not None:
            return LinkStatus.USED_UP
        if self.passcode_hash is not None and self.failed_attempts >= self.max_attempts:
            return LinkStatus.LOCKED
        return LinkStatus.ACTIVE


@dataclass(frozen=True)
class StoredFile:
    position: int
    name: str
    content_type: str
    jwe: str
    last_updated: float


@dataclass(frozen=True)
class AccessEntry:
    link_id: str
    time: float
    recipient: str
    kind: str
    outcome: str


@dataclass(frozen=True)
class AttemptReservation:
    """``ticket`` when a check may proceed; else ``locked`` (no attempts left) or busy."""

    ticket: int | None
    locked: bool


class Decision(StrEnum):
    """What a retrieval transaction decided."""

    SERVED = "served"
    NO_SUCH_LINK = "no-such-link"
    INACTIVE = "inactive"  # expired, revoked, used up or locked (logged)
    THROTTLED = "throttled"  # an L link polled too soon (logged; ``retry_after`` says how long)
    PASSCODE = "passcode"  # the link has a passcode: check it, then ask again (nothing logged)
    NOT_SINGLE_FILE = "not-single-file"  # a direct GET of a link without the U flag
    NO_CONTENT = "no-content"  # a direct GET of a link without files


@dataclass(frozen=True)
class Retrieval:
    """The answer of ``LinkStore.retrieve``: the decision, and what to serve when served.

    ``link`` is read without its key (the host serves ciphertext and never needs it).
    ``locations`` maps a file's position to its new single-use location token.
    """

    decision: Decision
    link: LinkRecord | None = None
    status: LinkStatus = LinkStatus.ACTIVE
    retry_after: float = 0.0
    files: tuple[StoredFile, ...] = ()
    locations: dict[int, str] = field(default_factory=dict)


LINK_COLUMNS = (
    "id, token, key, manifest_url, label, flags, viewer, created, updated, expires, "
    "passcode_hash, max_attempts, failed_attempts, one_time, used_up, revoked"
)


# The same columns for the link host, which serves ciphertext: the wrapped key is not read.
SERVING_COLUMNS = LINK_COLUMNS.replace("key,", "NULL,", 1)
NOT_READ = QT_TRANSLATE_NOOP("Core", "The link host does not read link keys.")


def link_from_row(row: Sequence[Any], keys: KeyWrapper | None) -> LinkRecord:
    """A link from its ``LINK_COLUMNS`` (``keys``) or ``SERVING_COLUMNS`` (``None``) row."""
    if keys is None:
        key, problem = b"", NOT_READ
    else:
        try:
            key, problem = keys.unwrap(bytes(row[2])), None
        except LinkKeyUnavailable as exc:
            key, problem = b"", exc.text
    return LinkRecord(
        id=str(row[0]),
        token=str(row[1]),
        key=key,
        key_problem=problem,
        manifest_url=str(row[3]),
        label=None if row[4] is None else str(row[4]),
        flags=str(row[5]),
        viewer=None if row[6] is None else str(row[6]),
        created=float(row[7]),
        updated=float(row[8]),
        expires=None if row[9] is None else float(row[9]),
        passcode_hash=None if row[10] is None else str(row[10]),
        max_attempts=int(row[11]),
        failed_attempts=int(row[12]),
        one_time=bool(row[13]),
        used_up=None if row[14] is None else float(row[14]),
        revoked=None if row[15] is None else float(row[15]),
    )


FILE_COLUMNS = "position, name, content_type, jwe, last_updated"


def file_from_row(row: Sequence[Any]) -> StoredFile:
    return StoredFile(int(row[0]), str(row[1]), str(row[2]), str(row[3]), float(row[4]))
