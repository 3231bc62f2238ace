"""A private, throw-away PostgreSQL server for the tests and benchmarks (Debian's package).

``PrivateCluster.start()`` runs ``initdb`` and ``pg_ctl`` from ``/usr/lib/postgresql/*/bin`` in a
new temporary folder; the server listens only on a Unix socket inside that folder (no TCP
port at all) and trusts local connections. As root (CI) it runs as the ``postgres`` user
(PostgreSQL refuses to run as root). ``stop()`` stops it and removes the folder.

Used by ``tests/conftest.py`` (the session-scoped ``postgres`` fixture), the service tests and
``bench_shl.py``; it needs nothing of the test suite. ``free_port`` and ``wait_until_listening``
help start the link host processes that use it.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote


def free_port() -> int:
    """A port on 127.0.0.1 free right now (for a server process that needs a fixed one)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_listening(port: int, process: subprocess.Popen[Any], seconds: float = 60) -> None:
    """Return once something accepts connections on 127.0.0.1:port; fail if ``process`` ends."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server process exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {seconds} s")


class ClusterUnavailable(RuntimeError):
    """PostgreSQL is not installed here (or cannot run), with the reason."""


def server_bin() -> Path:
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4])
    )
    if not found:
        raise ClusterUnavailable(
            "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb; "
            "on Debian: apt-get install postgresql)"
        )
    return Path(found[-1]).parent


@dataclass
class PrivateCluster:
    folder: Path
    bin: Path
    as_user: str | None
    database: str = "xshare"
    _schemas: list[str] = field(default_factory=list)

    @property
    def socket_dir(self) -> Path:
        return self.folder / "run"

    def url(self, schema: str | None = None) -> str:
        """A libpq URL for the database (optionally with its own search_path: a fresh store)."""
        url = f"postgresql:///{self.database}?host={quote(str(self.socket_dir))}&user=postgres"
        if schema:
            url += "&options=" + quote(f"-csearch_path={schema}")
        return url

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        command = list(args)
        if self.as_user:
            command = ["runuser", "-u", self.as_user, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        if result.returncode != 0:
            raise ClusterUnavailable(
                f"{Path(args[0]).name} failed: {(result.stderr or result.stdout).strip()[-800:]}"
            )
        return result

    @classmethod
    def start(cls, *, durable: bool = False) -> PrivateCluster:
        """Start a server; ``durable=False`` turns fsync off (tests: nothing to keep)."""
        bin_dir = server_bin()
        as_user = None
        if os.geteuid() == 0:
            as_user = "postgres"
            try:
                subprocess.run(["id", "-u", as_user], check=True, capture_output=True)
            except (subprocess.CalledProcessError, FileNotFoundError):
                raise ClusterUnavailable("running as root, but there is no postgres user") from None
        folder = Path(tempfile.mkdtemp(prefix="xshare-pg-"))
        cluster = cls(folder, bin_dir, as_user)
        (folder / "run").mkdir()
        if as_user:
            shutil.chown(folder, as_user)
            shutil.chown(folder / "run", as_user)
        try:
            cluster._run(
                str(bin_dir / "initdb"),
                "-D",
                str(folder / "data"),
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C",
            )
            options = [
                "-c listen_addresses=''",
                f"-c unix_socket_directories='{folder / 'run'}'",
                "-c max_connections=200",
                "-c shared_buffers=64MB",
            ]
            if not durable:
                options += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
            cluster._run(
                str(bin_dir / "pg_ctl"),
                "-D",
                str(folder / "data"),
                "-l",
                str(folder / "server.log"),
                "-o",
                " ".join(options),
                "-w",
                "-t",
                "60",
                "start",
            )
            cluster._run(
                str(bin_dir / "createdb"),
                "-h",
                str(folder / "run"),
                "-U",
                "postgres",
                cluster.database,
            )
        except BaseException:
            cluster.stop()
            raise
        return cluster

    def psql(self, sql: str) -> str:
        return self._run(
            str(self.bin / "psql"),
            "-h",
            str(self.socket_dir),
            "-U",
            "postgres",
            "-d",
            self.database,
            "-v",
            "ON_ERROR_STOP=1",
            "-qAtc",
            sql,
        ).stdout

    def fresh_schema(self) -> str:
        """A new, empty schema: a store of its own inside the one database."""
        name = "t_" + uuid.uuid4().hex[:16]
        self.psql(f"CREATE SCHEMA {name}")
        self._schemas.append(name)
        return name

    def stop(self) -> None:
        data = self.folder / "data"
        if (data / "postmaster.pid").exists():
            try:
                self._run(str(self.bin / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
            except (ClusterUnavailable, subprocess.TimeoutExpired):
                time.sleep(1)
        shutil.rmtree(self.folder, ignore_errors=True)
