"""A local host that answers at once and then trickles a body it never finishes.

Shared by the tests that prove a client gives up on a slow host instead of hanging.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class TrickleHost:
    """Sends headers (and ``body_start``) at once, then one ``drip`` byte every 50 ms."""

    def __init__(self, content_type: bytes, body_start: bytes, drip: bytes) -> None:
        self.header = (
            b"HTTP/1.1 200 OK\r\nContent-Type: " + content_type + b"\r\n"
            b"Content-Length: 1000000\r\n\r\n" + body_start
        )
        self.drip = drip
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        self.listener.settimeout(0.2)
        while not self.stop.is_set():
            try:
                connection, _ = self.listener.accept()
            except TimeoutError:
                continue
            with connection:
                connection.recv(65536)
                connection.sendall(self.header)
                # Gives up after a few seconds so a client without a deadline fails, not hangs.
                gives_up = time.monotonic() + 5
                while not self.stop.is_set() and time.monotonic() < gives_up:
                    try:
                        connection.sendall(self.drip)
                    except OSError:
                        break
                    time.sleep(0.05)


@contextmanager
def running_trickle_host(
    content_type: bytes, body_start: bytes, drip: bytes
) -> Iterator[TrickleHost]:
    host = TrickleHost(content_type, body_start, drip)
    try:
        yield host
    finally:
        host.stop.set()
        host.thread.join(timeout=5)
        host.listener.close()
