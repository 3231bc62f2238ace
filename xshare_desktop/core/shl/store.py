"""The link host's state: links, their encrypted files, location tokens, polls, the access log.

The rules are here, once, for both databases (``store_db``: an SQLite file by default, or a
PostgreSQL database that several host processes share). Every change that a parallel request
could race (the passcode failure count, one-time use, location tokens) happens in one write
transaction that first locks the row it changes (SQLite: the whole file, ``BEGIN IMMEDIATE``;
PostgreSQL: ``SELECT ... FOR UPDATE`` on the link's row), and counters change in place
(``failed_attempts = failed_attempts + 1``), so two requests never both act on an old value.
Lock order: a link's row first, then its files, locations, reservations and polls.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from xshare_desktop.core.i18n import Message
from xshare_desktop.core.plain_text import one_line
from xshare_desktop.core.shl.key_wrap import KeyWrapper, LinkKeyUnavailable
from xshare_desktop.core.shl.store_db import Database, Session, open_database

# A passcode check holds its reservation at most this long (scrypt takes ~50 ms).
PENDING_ATTEMPT_TTL = 60.0
# Wrong passcodes a link tolerates over its whole life unless the sharer chooses otherwise.
DEFAULT_MAX_ATTEMPTS = 10


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


@dataclass(frozen=True)
class LocationGrant:
    token: str
    position: int


@dataclass(frozen=True)
class RetrievalResult:
    """What a retrieval transaction decided: served, refused with a status, or throttled."""

    status: LinkStatus
    retry_after: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status is LinkStatus.ACTIVE and self.retry_after <= 0


_LINK_COLUMNS = (
    "id, token, key, manifest_url, label, flags, viewer, created, updated, expires, "
    "passcode_hash, max_attempts, failed_attempts, one_time, used_up, revoked"
)


def _link(row: Sequence[Any], keys: KeyWrapper) -> LinkRecord:
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


# Who holds a passcode reservation: this machine and process.
_OWNER = f"{socket.gethostname()}:{os.getpid()}"


def _process_alive(owner: str) -> bool:
    """Whether the process named in ``owner`` (``host:pid``, on this host) still runs."""
    pid_text = owner.rpartition(":")[2]
    if not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid() or os.name != "posix":
        # (on Windows, signal 0 would be a Ctrl+C: there the reservation's time-out applies)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's live process
    return True


class LinkStore:
    """The link store; safe to use from many threads and processes at once.

    ``path``: an SQLite file. ``database``: a database URL (``postgresql://...`` or
    ``sqlite:///...``). Neither: ``XSHARE_LINK_DATABASE``, else ``links.sqlite3`` in the data
    folder.
    """

    def __init__(
        self,
        path: Path | None = None,
        keys: KeyWrapper | None = None,
        *,
        database: str | None = None,
    ) -> None:
        self.db: Database = open_database(path if path is not None else database)
        self.keys = keys if keys is not None else KeyWrapper()
        self.recover_stale_attempts()

    @property
    def url(self) -> str:
        """Where the store is (a database URL; for PostgreSQL, possibly with its password)."""
        return self.db.url

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with self.db.read() as session:
            yield session

    @contextmanager
    def _write(self) -> Iterator[Session]:
        with self.db.write() as session:
            yield session

    def _lock_link(self, conn: Session, columns: str, link_id: str) -> Any:
        """The link's row, locked until the transaction ends (``None`` when there is none)."""
        return conn.execute(
            f"SELECT {columns} FROM links WHERE id = ?{self.db.lock}", (link_id,)
        ).fetchone()

    # -- links ------------------------------------------------------------------------------

    def insert_link(self, link: LinkRecord, files: Sequence[StoredFile]) -> None:
        with self._write() as conn:
            conn.execute(
                f"INSERT INTO links ({_LINK_COLUMNS}) VALUES "
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    link.id,
                    link.token,
                    self.keys.wrap(link.key),
                    link.manifest_url,
                    link.label,
                    link.flags,
                    link.viewer,
                    link.created,
                    link.updated,
                    link.expires,
                    link.passcode_hash,
                    link.max_attempts,
                    link.failed_attempts,
                    int(link.one_time),
                    link.used_up,
                    link.revoked,
                ),
            )
            self._insert_files(conn, link.id, files)

    @staticmethod
    def _insert_files(conn: Session, link_id: str, files: Sequence[StoredFile]) -> None:
        conn.executemany(
            "INSERT INTO files (link_id, position, name, content_type, jwe, last_updated) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(link_id, f.position, f.name, f.content_type, f.jwe, f.last_updated) for f in files],
        )

    def replace_files(self, link_id: str, files: Sequence[StoredFile], now: float) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM files WHERE link_id = ?", (link_id,))
            self._insert_files(conn, link_id, files)
            conn.execute("UPDATE links SET updated = ? WHERE id = ?", (now, link_id))

    def link(self, link_id: str) -> LinkRecord | None:
        with self._read() as conn:
            row = conn.execute(
                f"SELECT {_LINK_COLUMNS} FROM links WHERE id = ?", (link_id,)
            ).fetchone()
        return None if row is None else _link(row, self.keys)

    def link_by_token(self, token: str) -> LinkRecord | None:
        with self._read() as conn:
            row = conn.execute(
                f"SELECT {_LINK_COLUMNS} FROM links WHERE token = ?", (token,)
            ).fetchone()
        return None if row is None else _link(row, self.keys)

    def links(self) -> list[LinkRecord]:
        with self._read() as conn:
            rows = conn.execute(f"SELECT {_LINK_COLUMNS} FROM links ORDER BY created").fetchall()
        return [_link(row, self.keys) for row in rows]

    def files(self, link_id: str) -> list[StoredFile]:
        with self._read() as conn:
            rows = conn.execute(
                "SELECT position, name, content_type, jwe, last_updated FROM files "
                "WHERE link_id = ? ORDER BY position",
                (link_id,),
            ).fetchall()
        return [StoredFile(int(r[0]), str(r[1]), str(r[2]), str(r[3]), float(r[4])) for r in rows]

    def revoke(self, link_id: str, now: float) -> bool:
        with self._write() as conn:
            cursor = conn.execute(
                "UPDATE links SET revoked = ? WHERE id = ? AND revoked IS NULL", (now, link_id)
            )
            return cursor.rowcount == 1

    # -- passcode attempts ---------------------------------------------------------------------

    def reserve_attempt(self, link_id: str, now: float) -> AttemptReservation:
        """Hold one of the link's remaining attempts *before* the passcode is checked.

        Failures already counted plus checks in flight never exceed ``max_attempts``, so
        however many guesses arrive in parallel, no more than the remaining attempts are
        ever checked. A reservation not finished within ``PENDING_ATTEMPT_TTL`` seconds
        (a crashed worker) stops counting.
        """
        with self._write() as conn:
            row = self._lock_link(conn, "failed_attempts, max_attempts", link_id)
            if row is None:
                return AttemptReservation(None, locked=True)
            conn.execute(
                "DELETE FROM pending_attempts WHERE link_id = ? AND started < ?",
                (link_id, now - PENDING_ATTEMPT_TTL),
            )
            failed, maximum = int(row[0]), int(row[1])
            (pending,) = conn.execute(
                "SELECT count(*) FROM pending_attempts WHERE link_id = ?", (link_id,)
            ).fetchone()
            if failed >= maximum:
                return AttemptReservation(None, locked=True)
            if failed + int(pending) >= maximum:
                return AttemptReservation(None, locked=False)
            (ticket,) = conn.execute(
                "INSERT INTO pending_attempts (link_id, started, owner) VALUES (?, ?, ?) "
                "RETURNING id",
                (link_id, now, _OWNER),
            ).fetchone()
            return AttemptReservation(int(ticket), locked=False)

    def recover_stale_attempts(self) -> int:
        """Drop the reservations of processes on this machine that are gone (a crash).

        Without this, a host that died mid-check would block its links' last attempts until
        the reservations time out. Reservations of live processes (other hosts sharing the
        store) are left alone. Returns how many were dropped.
        """
        host, _, _ = _OWNER.rpartition(":")
        with self._write() as conn:
            rows = conn.execute(
                # in id order: two hosts recovering at once delete in the same order
                "SELECT id, owner FROM pending_attempts WHERE owner LIKE ? ORDER BY id",
                (f"{host}:%",),
            ).fetchall()
            stale = [row_id for row_id, owner in rows if not _process_alive(owner)]
            conn.executemany("DELETE FROM pending_attempts WHERE id = ?", [(i,) for i in stale])
        return len(stale)

    def finish_attempt(self, link_id: str, ticket: int, *, wrong: bool) -> int:
        """Release a reservation, counting it as a failure when the passcode was wrong.

        Returns the attempts left afterwards.
        """
        with self._write() as conn:
            row = self._lock_link(conn, "max_attempts - failed_attempts", link_id)
            conn.execute("DELETE FROM pending_attempts WHERE id = ?", (ticket,))
            if row is None:
                return 0
            if wrong:
                counted = conn.execute(
                    "UPDATE links SET failed_attempts = failed_attempts + 1 "
                    "WHERE id = ? AND failed_attempts < max_attempts "
                    "RETURNING max_attempts - failed_attempts",
                    (link_id,),
                ).fetchone()
                if counted is not None:
                    row = counted
            return max(0, int(row[0]))

    # -- retrieval -----------------------------------------------------------------------------

    def throttle_wait(self, link_id: str, recipient: str, now: float, min_interval: float) -> float:
        """Seconds this recipient must still wait before polling again (0 when free)."""
        with self._read() as conn:
            row = conn.execute(
                "SELECT last_success FROM polls WHERE link_id = ? AND recipient = ?",
                (link_id, recipient),
            ).fetchone()
        if row is None:
            return 0.0
        return max(0.0, float(row[0]) + min_interval - now)

    def complete_retrieval(
        self,
        link_id: str,
        recipient: str,
        kind: str,
        now: float,
        *,
        min_poll_interval: float,
        locations: Sequence[LocationGrant] = (),
        location_lifetime: float = 3600.0,
    ) -> RetrievalResult:
        """Serve a retrieval atomically: re-check the link, use it up, grant locations, log it."""
        with self._write() as conn:
            row = self._lock_link(conn, _LINK_COLUMNS, link_id)
            if row is None:
                return RetrievalResult(LinkStatus.REVOKED)
            link = _link(row, self.keys)
            status = link.status(now)
            if status is not LinkStatus.ACTIVE:
                self._log(conn, link_id, now, recipient, kind, outcome_for(status))
                return RetrievalResult(status)
            if "L" in link.flags and min_poll_interval > 0:
                poll = conn.execute(
                    "SELECT last_success FROM polls WHERE link_id = ? AND recipient = ?",
                    (link_id, recipient),
                ).fetchone()
                if poll is not None and float(poll[0]) + min_poll_interval > now:
                    self._log(conn, link_id, now, recipient, kind, Outcome.THROTTLED)
                    return RetrievalResult(
                        LinkStatus.ACTIVE, retry_after=float(poll[0]) + min_poll_interval - now
                    )
            conn.execute(
                "INSERT INTO polls (link_id, recipient, last_success) VALUES (?, ?, ?) "
                "ON CONFLICT (link_id, recipient) DO UPDATE SET last_success = excluded.last_success",
                (link_id, recipient, now),
            )
            if link.one_time:
                conn.execute("UPDATE links SET used_up = ? WHERE id = ?", (now, link_id))
            conn.execute(
                "DELETE FROM locations WHERE link_id = ? AND expires < ?", (link_id, now - 60.0)
            )
            conn.executemany(
                "INSERT INTO locations (token, link_id, position, recipient, expires) "
                "VALUES (?, ?, ?, ?, ?)",
                [
                    (grant.token, link_id, grant.position, recipient, now + location_lifetime)
                    for grant in locations
                ],
            )
            self._log(conn, link_id, now, recipient, kind, Outcome.OK)
            return RetrievalResult(LinkStatus.ACTIVE)

    def take_location(
        self, token: str, now: float
    ) -> tuple[LinkRecord, StoredFile | None, Outcome] | None:
        """Use a single-use location token; ``None`` when the token was never issued."""
        with self._write() as conn:
            row = conn.execute(
                "SELECT link_id, position, recipient, expires, used FROM locations "
                f"WHERE token = ?{self.db.lock}",
                (token,),
            ).fetchone()
            if row is None:
                return None
            link_id, position, recipient, expires, used = row
            link_row = conn.execute(
                f"SELECT {_LINK_COLUMNS} FROM links WHERE id = ?", (link_id,)
            ).fetchone()
            if link_row is None:
                return None
            link = _link(link_row, self.keys)
            if link.revoked is not None:
                outcome = Outcome.REVOKED
            elif used is not None:
                outcome = Outcome.LOCATION_USED
            elif float(expires) <= now:
                outcome = Outcome.LOCATION_EXPIRED
            else:
                outcome = Outcome.OK
            stored: StoredFile | None = None
            if outcome is Outcome.OK:
                file_row = conn.execute(
                    "SELECT position, name, content_type, jwe, last_updated FROM files "
                    "WHERE link_id = ? AND position = ?",
                    (link_id, position),
                ).fetchone()
                if file_row is None:
                    outcome = Outcome.LOCATION_EXPIRED
                else:
                    stored = StoredFile(
                        int(file_row[0]),
                        str(file_row[1]),
                        str(file_row[2]),
                        str(file_row[3]),
                        float(file_row[4]),
                    )
                    conn.execute("UPDATE locations SET used = ? WHERE token = ?", (now, token))
            self._log(conn, link_id, now, str(recipient), "location", outcome)
            return link, stored, outcome

    # -- access log ----------------------------------------------------------------------------

    @staticmethod
    def _log(
        conn: Session,
        link_id: str,
        now: float,
        recipient: str,
        kind: str,
        outcome: Outcome,
    ) -> None:
        conn.execute(
            "INSERT INTO access_log (link_id, time, recipient, kind, outcome) VALUES (?, ?, ?, ?, ?)",
            # The recipient's name comes from whoever asks: kept as one visible line.
            (link_id, now, one_line(recipient, 200), kind, outcome.value),
        )

    def log_access(
        self, link_id: str, recipient: str, kind: str, outcome: Outcome, now: float | None = None
    ) -> None:
        with self._write() as conn:
            self._log(conn, link_id, time.time() if now is None else now, recipient, kind, outcome)

    def accesses(self, link_id: str | None = None) -> list[AccessEntry]:
        query = "SELECT link_id, time, recipient, kind, outcome FROM access_log"
        args: tuple[str, ...] = ()
        if link_id is not None:
            query += " WHERE link_id = ?"
            args = (link_id,)
        with self._read() as conn:
            rows = conn.execute(query + " ORDER BY time, id", args).fetchall()
        return [AccessEntry(str(r[0]), float(r[1]), str(r[2]), str(r[3]), str(r[4])) for r in rows]
