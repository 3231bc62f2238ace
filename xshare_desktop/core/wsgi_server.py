"""The production WSGI server the app's services run on: waitress, in a background thread.

waitress (Pylons) runs the same on Windows, macOS and Linux. It reads a whole request before a
worker thread sees it, so a client that trickles bytes holds a socket, not a thread; on top of
its idle time-out (``read_timeout``) a connection that has not finished its request within
``request_deadline`` seconds is closed, and at most ``connection_limit`` connections are open at
once (more wait in the listen backlog). Multi-process deployments run the same WSGI
applications under gunicorn instead (docs/deploy.md).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from waitress import wasyncore
from waitress.server import TcpWSGIServer

log = logging.getLogger(__name__)
# waitress warns "Task queue depth is N" whenever requests wait for a thread: under load that is
# the expected state, not news for the person at the terminal.
logging.getLogger("waitress.queue").setLevel(logging.ERROR)

WsgiApp = Callable[..., Any]


@dataclass(frozen=True)
class ServerLimits:
    threads: int = 8
    connection_limit: int = 256
    read_timeout: int = 15  # seconds without a byte from the client
    request_deadline: float = 30.0  # seconds for a connection to finish sending its request
    max_request_body: int = 1024 * 1024
    backlog: int = 1024


class _DeadlineServer(TcpWSGIServer):  # type: ignore[misc]
    """Closes connections that keep a request open for longer than the deadline."""

    request_deadline = 30.0

    def maintenance(self, now: float) -> None:
        super().maintenance(now)
        cutoff = now - self.request_deadline
        for channel in list(self.active_channels.values()):
            if not channel.requests and channel.creation_time < cutoff:
                channel.will_close = True


@dataclass
class RunningServer:
    host: str
    port: int
    _server: Any
    _thread: threading.Thread

    def stop(self) -> None:
        """Close every connection and the listening socket; safe to call more than once."""
        server = self._server
        if self._thread.is_alive():
            try:
                # Closing the sockets must happen in the server's own loop thread.
                server.trigger.pull_trigger(lambda: wasyncore.close_all(server._map))
            except OSError:
                pass  # the loop is closing already
            self._thread.join(timeout=10)
        server.task_dispatcher.shutdown(timeout=5)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()


def serve_wsgi(
    app: WsgiApp, host: str, port: int, *, limits: ServerLimits | None = None, name: str = "wsgi"
) -> RunningServer:
    """Bind ``host:port`` (``port=0``: a free one) and serve ``app`` in a daemon thread."""
    limits = limits if limits is not None else ServerLimits()
    server = _DeadlineServer(
        app,
        host=host,
        port=port,
        threads=limits.threads,
        connection_limit=limits.connection_limit,
        channel_timeout=limits.read_timeout,
        cleanup_interval=1,
        max_request_body_size=limits.max_request_body,
        backlog=limits.backlog,
        ident="xshare-desktop",
        server_name=host,
        expose_tracebacks=False,
        clear_untrusted_proxy_headers=True,
        asyncore_use_poll=True,  # select() stops at 1,024 file descriptors
    )
    server.request_deadline = limits.request_deadline
    thread = threading.Thread(target=server.run, name=name, daemon=True)
    thread.start()
    return RunningServer(host, int(server.effective_port), server, thread)
