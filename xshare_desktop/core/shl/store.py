"""The link host's state in SQLite: links, their encrypted files, location tokens, the access log.

Every change that a parallel request could race (the passcode failure count,
one-time use, location tokens) happens inside ``BEGIN IMMEDIATE``, which takes
SQLite's write lock first, so two requests never both read the old value.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from xshare_desktop.core import paths
from xshare_desktop.core.plain_text import one_line
from xshare_desktop.core.shl.key_wrap import KeyWrapper, LinkKeyUnavailable

# A passcode check holds its reservation at most this long (scrypt takes ~50 ms).
PENDING_ATTEMPT_TTL = 60.0
# Wrong passcodes a link tolerates over its whole life unless the sharer chooses otherwise.
DEFAULT_MAX_ATTEMPTS = 10

_SCHEMA = """
CREATE TABLE IF NOT EXISTS links (
    id TEXT PRIMARY KEY,
    token TEXT NOT NULL UNIQUE,
    key BLOB NOT NULL,
    manifest_url TEXT NOT NULL,
    label TEXT,
    flags TEXT NOT NULL,
    viewer TEXT,
    created REAL NOT NULL,
    updated REAL NOT NULL,
    expires REAL,
    passcode_hash TEXT,
    max_attempts INTEGER NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    one_time INTEGER NOT NULL DEFAULT 0,
    used_up REAL,
    revoked REAL
);
CREATE TABLE IF NOT EXISTS files (
    link_id TEXT NOT NULL REFERENCES links(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    jwe TEXT NOT NULL,
    last_updated REAL NOT NULL,
    PRIMARY KEY (link_id, position)
);
CREATE TABLE IF NOT EXISTS locations (
    token TEXT PRIMARY KEY,
    link_id TEXT NOT NULL REFERENCES links(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    recipient TEXT NOT NULL,
    expires REAL NOT NULL,
    used REAL
);
CREATE TABLE IF NOT EXISTS pending_attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    link_id TEXT NOT NULL REFERENCES links(id) ON DELETE CASCADE,
    started REAL NOT NULL,
    owner TEXT
);
CREATE TABLE IF NOT EXISTS polls (
    link_id TEXT NOT NULL REFERENCES links(id) ON DELETE CASCADE,
    recipient TEXT NOT NULL,
    last_success REAL NOT NULL,
    PRIMARY KEY (link_id, recipient)
);
CREATE TABLE IF NOT EXISTS access_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    link_id TEXT NOT NULL,
    time REAL NOT NULL,
    recipient TEXT NOT NULL,
    kind TEXT NOT NULL,
    outcome TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS access_log_link ON access_log(link_id, time);
"""


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
    key_problem: str | None = None

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
        key, problem = b"", exc.message
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


_WRITER_LOCKS: dict[Path, threading.Lock] = {}
_WRITER_LOCKS_GUARD = threading.Lock()


def _writer_lock(path: Path) -> threading.Lock:
    key = path.resolve()
    with _WRITER_LOCKS_GUARD:
        return _WRITER_LOCKS.setdefault(key, threading.Lock())


class LinkStore:
    """One SQLite file; safe to use from many threads and processes at once."""

    def __init__(self, path: Path | None = None, keys: KeyWrapper | None = None) -> None:
        self.path = path if path is not None else paths.links_db()
        self.keys = keys if keys is not None else KeyWrapper()
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=paths.PRIVATE_DIR_MODE)
        # SQLite gives its -wal and -shm files the main file's permissions: owner only.
        paths.create_private_file(self.path)
        with self._connect() as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.executescript(_SCHEMA)
            columns = {row[1] for row in conn.execute("PRAGMA table_info(pending_attempts)")}
            if "owner" not in columns:  # stores made before reservations had owners
                conn.execute("ALTER TABLE pending_attempts ADD COLUMN owner TEXT")
        self.recover_stale_attempts()

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        # A connection per operation: sqlite3 connections must not cross threads.
        conn = sqlite3.connect(self.path, timeout=60.0, isolation_level=None)
        try:
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=60000")
            conn.execute("PRAGMA synchronous=NORMAL")
            yield conn
        finally:
            conn.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        # Threads of one process queue on a lock instead of in SQLite's busy handler,
        # which sleeps in growing steps and wastes most of the time under load.
        # BEGIN IMMEDIATE still guards against other processes sharing the file.
        with _writer_lock(self.path), self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

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
    def _insert_files(conn: sqlite3.Connection, link_id: str, files: Sequence[StoredFile]) -> None:
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
        with self._connect() as conn:
            row = conn.execute(
                f"SELECT {_LINK_COLUMNS} FROM links WHERE id = ?", (link_id,)
            ).fetchone()
        return None if row is None else _link(row, self.keys)

    def link_by_token(self, token: str) -> LinkRecord | None:
        with self._connect() as conn:
            row = conn.execute(
                f"SELECT {_LINK_COLUMNS} FROM links WHERE token = ?", (token,)
            ).fetchone()
        return None if row is None else _link(row, self.keys)

    def links(self) -> list[LinkRecord]:
        with self._connect() as conn:
            rows = conn.execute(f"SELECT {_LINK_COLUMNS} FROM links ORDER BY created").fetchall()
        return [_link(row, self.keys) for row in rows]

    def files(self, link_id: str) -> list[StoredFile]:
        with self._connect() as conn:
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
            conn.execute(
                "DELETE FROM pending_attempts WHERE started < ?", (now - PENDING_ATTEMPT_TTL,)
            )
            row = conn.execute(
                "SELECT failed_attempts, max_attempts FROM links WHERE id = ?", (link_id,)
            ).fetchone()
            if row is None:
                return AttemptReservation(None, locked=True)
            failed, maximum = int(row[0]), int(row[1])
            (pending,) = conn.execute(
                "SELECT count(*) FROM pending_attempts WHERE link_id = ?", (link_id,)
            ).fetchone()
            if failed >= maximum:
                return AttemptReservation(None, locked=True)
            if failed + int(pending) >= maximum:
                return AttemptReservation(None, locked=False)
            cursor = conn.execute(
                "INSERT INTO pending_attempts (link_id, started, owner) VALUES (?, ?, ?)",
                (link_id, now, _OWNER),
            )
            return AttemptReservation(cursor.lastrowid, locked=False)

    def recover_stale_attempts(self) -> int:
        """Drop the reservations of processes on this machine that are gone (a crash).

        Without this, a host that died mid-check would block its links' last attempts until
        the reservations time out. Reservations of live processes (other hosts sharing the
        store) are left alone. Returns how many were dropped.
        """
        host, _, _ = _OWNER.rpartition(":")
        with self._write() as conn:
            rows = conn.execute(
                "SELECT id, owner FROM pending_attempts WHERE owner LIKE ?", (f"{host}:%",)
            ).fetchall()
            stale = [row_id for row_id, owner in rows if not _process_alive(owner)]
            conn.executemany("DELETE FROM pending_attempts WHERE id = ?", [(i,) for i in stale])
        return len(stale)

    def finish_attempt(self, link_id: str, ticket: int, *, wrong: bool) -> int:
        """Release a reservation, counting it as a failure when the passcode was wrong.

        Returns the attempts left afterwards.
        """
        with self._write() as conn:
            conn.execute("DELETE FROM pending_attempts WHERE id = ?", (ticket,))
            if wrong:
                conn.execute(
                    "UPDATE links SET failed_attempts = failed_attempts + 1 "
                    "WHERE id = ? AND failed_attempts < max_attempts",
                    (link_id,),
                )
            row = conn.execute(
                "SELECT max_attempts - failed_attempts FROM links WHERE id = ?", (link_id,)
            ).fetchone()
            return max(0, int(row[0])) if row is not None else 0

    # -- retrieval -----------------------------------------------------------------------------

    def throttle_wait(self, link_id: str, recipient: str, now: float, min_interval: float) -> float:
        """Seconds this recipient must still wait before polling again (0 when free)."""
        with self._connect() as conn:
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
            row = conn.execute(
                f"SELECT {_LINK_COLUMNS} FROM links WHERE id = ?", (link_id,)
            ).fetchone()
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
            conn.execute("DELETE FROM locations WHERE expires < ?", (now - 60.0,))
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
                "SELECT link_id, position, recipient, expires, used FROM locations WHERE token = ?",
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
        conn: sqlite3.Connection,
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
        with self._connect() as conn:
            rows = conn.execute(query + " ORDER BY time, id", args).fetchall()
        return [AccessEntry(str(r[0]), float(r[1]), str(r[2]), str(r[3]), str(r[4])) for r in rows]
