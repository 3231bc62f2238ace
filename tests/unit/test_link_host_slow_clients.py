"""Slow clients cannot hold the link host (issue 16 item 3, issue 17).

A request that announced 100 bytes and sent one kept a thread each: 300 such connections held
302 threads. On waitress a trickling client holds a socket, not a thread; idle connections are
dropped after the read time-out, unfinished requests after the request deadline, and ordinary
requests keep being answered meanwhile.
"""

from __future__ import annotations

import http.client
import socket
import threading
import time

import orjson

from xshare_desktop.core.shl.content import ShareFile
from xshare_desktop.core.shl.host import serve
from xshare_desktop.core.shl.provider import LinkOptions, create_link
from xshare_desktop.core.shl.store import LinkStore
from xshare_desktop.core.wsgi_server import ServerLimits

DOC = ShareFile("ips.json", "application/fhir+json", b'{"resourceType":"Bundle"}')
SLOW = 150


def _half_request(port: int, token: str) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.sendall(
        f"POST /shl/{token} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Content-Length: 100\r\n\r\n{".encode()
    )
    return sock


def test_trickling_clients_hold_no_threads_and_are_cut_off() -> None:
    store = LinkStore()
    limits = ServerLimits(threads=4, connection_limit=400, read_timeout=2, request_deadline=3)
    running = serve("127.0.0.1", 0, store=store, limits=limits)
    try:
        record, _ = create_link([DOC], LinkOptions(), running.base_url, store=store)
        threads_before = threading.active_count()
        slow = [_half_request(running.port, record.token) for _ in range(SLOW)]
        time.sleep(0.3)
        assert threading.active_count() <= threads_before + 1, "a slow client took a thread"
        # an ordinary recipient is served meanwhile
        started = time.monotonic()
        connection = http.client.HTTPConnection("127.0.0.1", running.port, timeout=10)
        connection.request(
            "POST",
            "/shl/" + record.token,
            body=orjson.dumps({"recipient": "r"}),
            headers={"Content-Type": "application/json"},
        )
        answer = connection.getresponse()
        assert answer.status == 200 and orjson.loads(answer.read())["files"]
        connection.close()
        assert time.monotonic() - started < 2.0
        # the half-sent requests are closed by the server within its deadlines
        deadline = time.monotonic() + 10
        open_ones = list(slow)
        while open_ones and time.monotonic() < deadline:
            still = []
            for sock in open_ones:
                sock.settimeout(0.05)
                try:
                    if sock.recv(1) == b"":
                        sock.close()
                        continue
                except TimeoutError:
                    pass
                except OSError:
                    sock.close()
                    continue
                still.append(sock)
            open_ones = still
        assert not open_ones, f"{len(open_ones)} slow connections were never closed"
    finally:
        running.stop()
    assert not running.running
