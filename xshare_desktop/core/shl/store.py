"""The link host's state: links, their encrypted files, location tokens, polls, the access log.

The rules are here, once, for both databases (``store_db``: an SQLite file by default, or a
PostgreSQL database that several host processes share). Every change that a parallel request
could race (the passcode failure count, one-time use, location tokens) happens in one write
transaction that first locks the row it changes (SQLite: the whole file, ``BEGIN IMMEDIATE``;
PostgreSQL: ``SELECT ... FOR UPDATE`` on the link's row), and counters change in place
(``failed_attempts = failed_attempts + 1``), so two requests never both act on an old value.
Lock order: a link's row first, then its files, locations, reservations and polls. A
retrieval that changes nothing but the access log (a link that is neither one-time nor
long-term) reads the link's row without locking it, so recipients of one link are not queued.

The values these transactions read and return are in ``link_records.py``.
Why this file is long: it holds only the rules, every transaction that reads or changes a
link's counters, one-time use, locations and log, kept together on purpose so that the lock
order and the exact-count invariants above can be checked in one reading.
"""

from __future__ import annotations

import os
import secrets
import socket
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xshare_desktop.core.plain_text import one_line
from xshare_desktop.core.shl.key_wrap import KeyWrapper
from xshare_desktop.core.shl.link_records import (
    FILE_COLUMNS,
    LINK_COLUMNS,
    SERVING_COLUMNS,
    AccessEntry,
    AttemptReservation,
    Decision,
    LinkRecord,
    LinkStatus,
    Outcome,
    Retrieval,
    StoredFile,
    file_from_row,
    link_from_row,
    outcome_for,
)
from xshare_desktop.core.shl.payload import FLAG_LONG_TERM, FLAG_SINGLE_FILE
from xshare_desktop.core.shl.store_db import Database, Session, open_database

__all__ = [
    "DEFAULT_MAX_ATTEMPTS",
    "PENDING_ATTEMPT_TTL",
    "AccessEntry",
    "AttemptReservation",
    "Decision",
    "LinkRecord",
    "LinkStatus",
    "LinkStore",
    "Outcome",
    "Retrieval",
    "StoredFile",
    "outcome_for",
]

# A passcode check holds its reservation at most this long (scrypt takes ~50 ms).
PENDING_ATTEMPT_TTL = 60.0
# Wrong passcodes a link tolerates over its whole life unless the sharer chooses otherwise.
DEFAULT_MAX_ATTEMPTS = 10


def _owner() -> str:
    """Who holds a passcode reservation: this machine and process (read at each use: a
    server that forks its workers after importing this module gives each its own pid)."""
    return f"{socket.gethostname()}:{os.getpid()}"


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


_UPSERT_POLL = (
    "INSERT INTO polls (link_id, recipient, last_success) VALUES (?, ?, ?) "
    "ON CONFLICT (link_id, recipient) DO UPDATE SET last_success = excluded.last_success"
)
_DROP_OLD_LOCATIONS = "DELETE FROM locations WHERE link_id = ? AND expires < ?"
_INSERT_LOCATION = (
    "INSERT INTO locations (token, link_id, position, recipient, expires) VALUES (?, ?, ?, ?, ?)"
)
_INSERT_LOG = (
    "INSERT INTO access_log (link_id, time, recipient, kind, outcome) VALUES (?, ?, ?, ?, ?)"
)


def _log_row(
    link_id: str, now: float, recipient: str, kind: str, outcome: Outcome
) -> tuple[str, list[tuple[Any, ...]]]:
    # The recipient's name comes from whoever asks: kept as one visible line.
    return _INSERT_LOG, [(link_id, now, one_line(recipient, 200), kind, outcome.value)]


_Writes = list[tuple[str, list[tuple[Any, ...]]]]
_FILES_AT = SERVING_COLUMNS.count(",") + 1  # where a joined row's file columns start


def _apply(conn: Session, writes: _Writes) -> None:
    for sql, rows in writes:
        if len(rows) == 1:
            conn.execute(sql, rows[0])
        else:
            conn.executemany(sql, rows)


@dataclass
class _Request:
    """One retrieval's parameters, as ``retrieve`` was given them."""

    recipient: str
    kind: str
    now: float
    min_poll_interval: float
    passcode_checked: bool
    single_file: bool = False
    embedded_max: int | None = None
    location_lifetime: float = 3600.0


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
                f"INSERT INTO links ({LINK_COLUMNS}) VALUES "
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
                f"SELECT {LINK_COLUMNS} FROM links WHERE id = ?", (link_id,)
            ).fetchone()
        return None if row is None else link_from_row(row, self.keys)

    def links(self) -> list[LinkRecord]:
        with self._read() as conn:
            rows = conn.execute(f"SELECT {LINK_COLUMNS} FROM links ORDER BY created").fetchall()
        return [link_from_row(row, self.keys) for row in rows]

    def files(self, link_id: str) -> list[StoredFile]:
        with self._read() as conn:
            rows = conn.execute(
                f"SELECT {FILE_COLUMNS} FROM files WHERE link_id = ? ORDER BY position",
                (link_id,),
            ).fetchall()
        return [file_from_row(r) for r in rows]

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
        (a crashed worker) stops counting. In a database that hosts on several machines
        share (PostgreSQL), reservations are stamped and timed out by the database's clock,
        not ``now``: a host whose clock runs ahead cannot time out another's check early.
        """
        with self._write() as conn:
            row = self._lock_link(conn, "failed_attempts, max_attempts", link_id)
            if row is None:
                return AttemptReservation(None, locked=True)
            if self.db.clock is not None:
                (now,) = conn.execute(f"SELECT {self.db.clock}").fetchone()
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
                (link_id, now, _owner()),
            ).fetchone()
            return AttemptReservation(int(ticket), locked=False)

    def recover_stale_attempts(self) -> int:
        """Drop the reservations of processes on this machine that are gone (a crash).

        Without this, a host that died mid-check would block its links' last attempts until
        the reservations time out. Reservations of live processes (other hosts sharing the
        store) are left alone. Returns how many were dropped.
        """
        host, _, _ = _owner().rpartition(":")
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

    def retrieve(
        self,
        token: str,
        recipient: str,
        kind: str,
        now: float,
        *,
        min_poll_interval: float,
        passcode_checked: bool = False,
        single_file: bool = False,
        embedded_max: int | None = None,
        location_lifetime: float = 3600.0,
    ) -> Retrieval:
        """Decide and record one retrieval of the link ``token`` names.

        Re-checks the link (active, not polled too soon), uses up a one-time link, grants a
        single-use location token to every file larger than ``embedded_max`` and logs the
        outcome. A link with a passcode is served only with ``passcode_checked`` (the caller
        checked it through ``reserve_attempt``/``finish_attempt``); without it the answer is
        ``Decision.PASSCODE`` and nothing is written. ``single_file``: a direct GET (``U``).

        A retrieval that changes the link's state (one-time use, an ``L`` link's poll) decides
        in one write transaction that holds the link's row. Any other one only appends to the
        access log (and the locations table): it reads without a lock and writes in a short
        transaction of its own, so parallel recipients of one link do not queue behind each
        other's reads (a revocation that lands in between orders after the request).
        """
        request = _Request(
            recipient,
            kind,
            now,
            min_poll_interval,
            passcode_checked,
            single_file,
            embedded_max,
            location_lifetime,
        )
        with self._read() as conn:
            # the link and its files in one query (the two tables share no column name)
            rows = conn.execute(
                f"SELECT {SERVING_COLUMNS}, {FILE_COLUMNS} FROM links "
                "LEFT JOIN files ON files.link_id = links.id WHERE links.token = ? "
                "ORDER BY files.position",
                (token,),
            ).fetchall()
            if not rows:
                return Retrieval(Decision.NO_SUCH_LINK)
            link = link_from_row(rows[0], None)
            files = tuple(file_from_row(r[_FILES_AT:]) for r in rows if r[_FILES_AT] is not None)
            changes_link = link.one_time or FLAG_LONG_TERM in link.flags
            if not changes_link:
                result, writes = self._decide(conn, link, request, files)
                if len(writes) <= 1 and self.db.atomic_statements:
                    _apply(conn, writes)  # one statement: its own transaction
                    return result
        if not changes_link:
            if writes:
                with self.db.statement() if len(writes) == 1 else self._write() as conn:
                    _apply(conn, writes)
            return result
        with self._write() as conn:
            row = self._lock_link(conn, SERVING_COLUMNS, link.id)
            if row is None:
                return Retrieval(Decision.NO_SUCH_LINK)
            result, writes = self._decide(conn, link_from_row(row, None), request)
            _apply(conn, writes)
            return result

    def _decide(
        self,
        conn: Session,
        link: LinkRecord,
        request: _Request,
        files: tuple[StoredFile, ...] | None = None,
    ) -> tuple[Retrieval, _Writes]:
        """What to answer, and the writes that record it (``retrieve`` runs them).

        ``files``: the link's files when they were read with it, else read here.
        """
        now, recipient, kind = request.now, request.recipient, request.kind
        long_term = FLAG_LONG_TERM in link.flags
        if request.single_file and FLAG_SINGLE_FILE not in link.flags:
            return Retrieval(Decision.NOT_SINGLE_FILE, link), []
        status = link.status(now)
        if status is not LinkStatus.ACTIVE:
            log = _log_row(link.id, now, recipient, kind, outcome_for(status))
            return Retrieval(Decision.INACTIVE, link, status), [log]
        interval = request.min_poll_interval
        if long_term and interval > 0:
            poll = conn.execute(
                "SELECT last_success FROM polls WHERE link_id = ? AND recipient = ?",
                (link.id, recipient),
            ).fetchone()
            if poll is not None and float(poll[0]) + interval > now:
                log = _log_row(link.id, now, recipient, kind, Outcome.THROTTLED)
                wait = float(poll[0]) + interval - now
                return Retrieval(Decision.THROTTLED, link, retry_after=wait), [log]
        if link.passcode_hash is not None and not request.passcode_checked:
            return Retrieval(Decision.PASSCODE, link), []
        if files is None:
            files = tuple(
                file_from_row(r)
                for r in conn.execute(
                    f"SELECT {FILE_COLUMNS} FROM files WHERE link_id = ? ORDER BY position",
                    (link.id,),
                ).fetchall()
            )
        if request.single_file and not files:
            return Retrieval(Decision.NO_CONTENT, link), []
        writes: _Writes = []
        if long_term:
            writes.append((_UPSERT_POLL, [(link.id, recipient, now)]))
        if link.one_time:
            writes.append(("UPDATE links SET used_up = ? WHERE id = ?", [(now, link.id)]))
        embedded_max = request.embedded_max
        locations = {
            f.position: secrets.token_urlsafe(32)
            for f in files
            if embedded_max is not None and len(f.jwe) > embedded_max
        }
        if locations:
            expires = now + request.location_lifetime
            # the link's locations that expired over a minute ago go as new ones come
            writes.append((_DROP_OLD_LOCATIONS, [(link.id, now - 60)]))
            rows = [(tok, link.id, pos, recipient, expires) for pos, tok in locations.items()]
            writes.append((_INSERT_LOCATION, rows))
        writes.append(_log_row(link.id, now, recipient, kind, Outcome.OK))
        return Retrieval(Decision.SERVED, link, files=files, locations=locations), writes

    def take_location(
        self, token: str, now: float
    ) -> tuple[LinkRecord, StoredFile | None, Outcome] | None:
        """Use a single-use location token; ``None`` when the token was never issued.

        The link comes without its key, as in ``retrieve``."""
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
                f"SELECT {SERVING_COLUMNS} FROM links WHERE id = ?", (link_id,)
            ).fetchone()
            if link_row is None:
                return None
            link = link_from_row(link_row, None)
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
                    f"SELECT {FILE_COLUMNS} FROM files WHERE link_id = ? AND position = ?",
                    (link_id, position),
                ).fetchone()
                if file_row is None:
                    outcome = Outcome.LOCATION_EXPIRED
                else:
                    stored = file_from_row(file_row)
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
        _apply(conn, [_log_row(link_id, now, recipient, kind, outcome)])

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
