"""Where the link store keeps its rows: an SQLite file (the default) or a PostgreSQL database.

The store's rules live once, in ``store.py``, written in SQL both engines accept (``?``
placeholders, ``INSERT ... RETURNING``, ``ON CONFLICT ... DO UPDATE``). This module holds
only what differs: how to connect, the column types of the schema, and how a transaction
makes a link's counters safe against parallel requests.

- SQLite: every write transaction starts with ``BEGIN IMMEDIATE``, which takes the file's
  single write lock, so a change to a counter always sees the last committed value, across
  threads and processes on one machine.
- PostgreSQL: several host processes, on one machine or several, share one database. A
  transaction that changes a link's counters first locks that link's row
  (``SELECT ... FOR UPDATE``, see ``Database.lock``); a location token's row is locked the
  same way before it is used. Every transaction takes the link row first and its dependent
  rows after, so parallel transactions queue on the link instead of deadlocking.

Choose with a database URL: ``postgresql://user@host/dbname`` (any libpq URI), or
``sqlite:////absolute/path/links.sqlite3`` (SQLAlchemy's form: three slashes and a relative path,
or four and an absolute one); a plain path means an SQLite file.
"""

from __future__ import annotations

import atexit
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import unquote, urlsplit

from xshare_desktop.core import paths
from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP

# Column types that differ; everything else in the schema is shared.
_SCHEMA = """
CREATE TABLE IF NOT EXISTS links (
    id TEXT PRIMARY KEY,
    token TEXT NOT NULL UNIQUE,
    key {blob} NOT NULL,
    manifest_url TEXT NOT NULL,
    label TEXT,
    flags TEXT NOT NULL,
    viewer TEXT,
    created {real} NOT NULL,
    updated {real} NOT NULL,
    expires {real},
    passcode_hash TEXT,
    max_attempts INTEGER NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    one_time INTEGER NOT NULL DEFAULT 0,
    used_up {real},
    revoked {real}
);
CREATE TABLE IF NOT EXISTS files (
    link_id TEXT NOT NULL REFERENCES links(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    jwe TEXT NOT NULL,
    last_updated {real} NOT NULL,
    PRIMARY KEY (link_id, position)
);
CREATE TABLE IF NOT EXISTS locations (
    token TEXT PRIMARY KEY,
    link_id TEXT NOT NULL REFERENCES links(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    recipient TEXT NOT NULL,
    expires {real} NOT NULL,
    used {real}
);
CREATE INDEX IF NOT EXISTS locations_link ON locations(link_id, expires);
CREATE TABLE IF NOT EXISTS pending_attempts (
    id {serial},
    link_id TEXT NOT NULL REFERENCES links(id) ON DELETE CASCADE,
    started {real} NOT NULL,
    owner TEXT
);
CREATE INDEX IF NOT EXISTS pending_attempts_link ON pending_attempts(link_id);
CREATE TABLE IF NOT EXISTS polls (
    link_id TEXT NOT NULL REFERENCES links(id) ON DELETE CASCADE,
    recipient TEXT NOT NULL,
    last_success {real} NOT NULL,
    PRIMARY KEY (link_id, recipient)
);
CREATE TABLE IF NOT EXISTS access_log (
    id {serial},
    link_id TEXT NOT NULL,
    time {real} NOT NULL,
    recipient TEXT NOT NULL,
    kind TEXT NOT NULL,
    outcome TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS access_log_link ON access_log(link_id, time);
"""


def _schema_statements(**types: str) -> list[str]:
    return [s.strip() for s in _SCHEMA.format(**types).split(";") if s.strip()]


class Cursor(Protocol):
    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


class Session(Protocol):
    """One connection inside one transaction (or, for reads, autocommit)."""

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor: ...

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> object: ...


class Database(Protocol):
    url: str
    # Appended to a SELECT that reads a row the transaction is about to change.
    lock: str
    # SQL for the database's own clock (seconds since 1970) where hosts on several machines
    # share the database, so their time-outs agree; ``None``: one machine, the caller's clock.
    clock: str | None
    # Whether a statement outside ``write()`` is safely its own transaction. SQLite: no, a
    # write there would wait in SQLite's busy handler instead of on the process's writer lock.
    atomic_statements: bool

    def read(self) -> AbstractContextManager[Session]: ...

    def write(self) -> AbstractContextManager[Session]: ...

    def statement(self) -> AbstractContextManager[Session]:
        """A connection for one changing statement, which is its own transaction."""
        ...


# -- SQLite -----------------------------------------------------------------------------------

_WRITER_LOCKS: dict[Path, threading.Lock] = {}
_WRITER_LOCKS_GUARD = threading.Lock()


def _writer_lock(path: Path) -> threading.Lock:
    key = path.resolve()
    with _WRITER_LOCKS_GUARD:
        return _WRITER_LOCKS.setdefault(key, threading.Lock())


class SqliteDatabase:
    """One SQLite file; safe to use from many threads and processes of one machine at once."""

    lock = ""  # BEGIN IMMEDIATE holds the whole file's write lock already
    clock: str | None = None  # one machine: its processes share one clock
    atomic_statements = False

    def __init__(self, path: Path) -> None:
        self.path = path
        self.url = f"sqlite:///{path}"
        self._local = threading.local()
        self._writer = _writer_lock(path)  # (resolving the path costs ~0.5 ms: once, here)
        path.parent.mkdir(parents=True, exist_ok=True, mode=paths.PRIVATE_DIR_MODE)
        # SQLite gives its -wal and -shm files the main file's permissions: owner only.
        paths.create_private_file(path)
        with self._connect() as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            for statement in _schema_statements(
                blob="BLOB", real="REAL", serial="INTEGER PRIMARY KEY AUTOINCREMENT"
            ):
                conn.execute(statement)
            columns = {row[1] for row in conn.execute("PRAGMA table_info(pending_attempts)")}
            if "owner" not in columns:  # stores made before reservations had owners
                conn.execute("ALTER TABLE pending_attempts ADD COLUMN owner TEXT")

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        # One connection per thread, kept open: sqlite3 connections must not cross threads,
        # and closing the last connection of a WAL database checkpoints and removes the WAL,
        # which made every request pay for a checkpoint (about 20 ms). A connection whose file
        # was replaced or removed (a booth reset) is not reused.
        try:
            identity = self._identity()
        except OSError:
            identity = None
        cached: tuple[sqlite3.Connection, tuple[int, int]] | None = getattr(
            self._local, "conn", None
        )
        if cached is not None and (identity is None or cached[1] != identity):
            cached[0].close()
            cached = None
        if cached is None:
            paths.create_private_file(self.path)
            conn = sqlite3.connect(self.path, timeout=60.0, isolation_level=None)
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=60000")
            conn.execute("PRAGMA synchronous=NORMAL")
            cached = (conn, self._identity())
            self._local.conn = cached
        yield cached[0]

    def _identity(self) -> tuple[int, int]:
        info = os.stat(self.path)
        return info.st_dev, info.st_ino

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._connect() as conn:
            yield conn

    @contextmanager
    def statement(self) -> Iterator[Session]:
        # Neither BEGIN ... COMMIT nor the process's writer lock: one statement is atomic by
        # itself, and SQLite holds its write lock only inside that one call. Each call into
        # sqlite3 lets go of the GIL, and under waitress getting it back waits on the loop
        # thread, which walks every open connection on each turn; a Python lock held across
        # those waits made them serial (24 requests/s at 200 clients instead of 1,791,
        # docs/benchmarks.md). A clash between two threads here waits in SQLite's busy handler.
        with self._connect() as conn:
            yield conn

    @contextmanager
    def write(self) -> Iterator[Session]:
        # Threads of one process queue on a lock instead of in SQLite's busy handler,
        # which sleeps in growing steps and wastes most of the time under load.
        # BEGIN IMMEDIATE still guards against other processes sharing the file.
        with self._writer, self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")


# -- PostgreSQL -------------------------------------------------------------------------------

# Connections each host process keeps open at most (waitress runs 8 threads; a gunicorn sync
# worker one). More requests than this wait for a free connection.
POOL_MAX_SIZE = 10
POOL_TIMEOUT = 30.0
# Only one process at a time creates the tables (CREATE TABLE IF NOT EXISTS races otherwise).
_SCHEMA_LOCK_ID = 0x5853484C  # "XSHL"


class _PgSession:
    """psycopg with the shared SQL: ``?`` placeholders become ``%s``."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        cursor: Cursor = self._conn.execute(self._sql(sql), tuple(params))
        return cursor

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self._conn.cursor() as cursor:
                cursor.executemany(self._sql(sql), [tuple(r) for r in rows])


class PostgresDatabase:
    """A PostgreSQL database shared by any number of host processes."""

    lock = " FOR UPDATE"
    # the time of the statement itself (not of the transaction's start: a lock wait counts)
    clock: str | None = "extract(epoch from clock_timestamp())::float8"
    atomic_statements = True  # autocommit

    def __init__(self, url: str) -> None:
        try:
            import psycopg
            from psycopg_pool import ConnectionPool
        except ImportError:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "A PostgreSQL link store needs the psycopg driver: install xshare-desktop[service] (or psycopg[binary] and psycopg-pool).",
                )
            ) from None
        self.url = url
        # One direct connection first: an unreachable server or a wrong URL is reported at
        # once with libpq's reason, instead of after the pool's retries.
        try:
            with (
                psycopg.connect(url, autocommit=True, connect_timeout=10) as conn,
                conn.transaction(),
            ):
                create = _PgSession(conn)
                create.execute("SELECT pg_advisory_xact_lock(?)", (_SCHEMA_LOCK_ID,))
                for statement in _schema_statements(
                    blob="BYTEA",
                    real="DOUBLE PRECISION",
                    serial="BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
                ):
                    create.execute(statement)
        except psycopg.Error as exc:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core", "The link database {redact} cannot be used: {first_line}"
                ).format(redact=redact(url), first_line=_first_line(exc))
            ) from None
        self._pool = ConnectionPool(
            url,
            min_size=1,
            max_size=POOL_MAX_SIZE,
            timeout=POOL_TIMEOUT,
            kwargs={"autocommit": True},
            name="xshare-links",
            open=True,
        )

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._pool.connection() as conn:
            yield _PgSession(conn)

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self._pool.connection() as conn, conn.transaction():
            yield _PgSession(conn)

    def statement(self) -> AbstractContextManager[Session]:
        return self.read()  # autocommit

    def close(self) -> None:
        self._pool.close()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


def redact(url: str) -> str:
    """The URL without its password, for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()


# -- choosing -----------------------------------------------------------------------------------

POSTGRES_SCHEMES = ("postgresql", "postgres")

# One pool per database per process: every LinkStore() of a process shares it, and a process
# forked by gunicorn opens its own.
_OPEN: dict[tuple[str, int], PostgresDatabase] = {}
_OPEN_GUARD = threading.Lock()


def is_database_url(text: str) -> bool:
    return urlsplit(text).scheme.lower() in (*POSTGRES_SCHEMES, "sqlite")


def open_database(location: str | Path | None) -> Database:
    """The database at a URL or path; ``None``: ``XSHARE_LINK_DATABASE``, else the data folder."""
    if location is None:
        location = paths.link_database() or paths.links_db()
    if isinstance(location, Path):
        return SqliteDatabase(location)
    parts = urlsplit(location)
    scheme = parts.scheme.lower()
    if scheme in POSTGRES_SCHEMES:
        key = (location, os.getpid())
        with _OPEN_GUARD:
            database = _OPEN.get(key)
            if database is None:
                database = _OPEN[key] = PostgresDatabase(location)
        return database
    if scheme == "sqlite":
        if parts.netloc or len(parts.path) < 2:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "{location} is not an SQLite database URL: write sqlite:////absolute/path/links.sqlite3.",
                ).format(location=repr(location))
            )
        # As SQLAlchemy writes them: sqlite:///relative.sqlite3, sqlite:////absolute/path
        return SqliteDatabase(Path(unquote(parts.path[1:])))
    if "://" in location:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core", "The link database {redact} is neither postgresql://... nor sqlite:///..."
            ).format(redact=repr(redact(location)))
        )
    return SqliteDatabase(Path(location))


@atexit.register
def _close_all() -> None:
    with _OPEN_GUARD:
        for key, database in list(_OPEN.items()):
            if key[1] == os.getpid():
                database.close()
        _OPEN.clear()
