"""The workbench gives up on a vendor host that trickles its answer, and says so in the case."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from xshare_desktop.core.shl import http_limits
from xshare_desktop.core.shl.payload import b64url_encode, build_payload, encode_uri
from xshare_desktop.core.workbench import link_http
from xshare_desktop.core.workbench.link_tests import LinkTestOptions, run_link_tests
from xshare_desktop.core.workbench.results import Verdict


class _TrickleHost:
    """Sends headers at once, then one byte every 50 ms of a body it never finishes."""

    def __init__(self) -> None:
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
                connection.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    b"Content-Length: 1000000\r\n\r\n{"
                )
                # Gives up after a few seconds so a client without a deadline fails, not hangs.
                gives_up = time.monotonic() + 5
                while not self.stop.is_set() and time.monotonic() < gives_up:
                    try:
                        connection.sendall(b" ")
                    except OSError:
                        break
                    time.sleep(0.05)


@pytest.fixture()
def trickle_host() -> Iterator[_TrickleHost]:
    host = _TrickleHost()
    yield host
    host.stop.set()
    host.thread.join(timeout=5)
    host.listener.close()


def _manifest_url(host: _TrickleHost) -> str:
    return f"http://127.0.0.1:{host.port}/shl/" + b64url_encode(bytes(32))


def test_a_trickled_manifest_is_given_up_on(trickle_host: _TrickleHost) -> None:
    exchange = link_http.call(
        _manifest_url(trickle_host),
        method="POST",
        json_body={"recipient": "deadline test"},
        timeout=5,
        deadline=0.5,
    )
    assert exchange.error == "the server took longer than 0.5 s to send the manifest"
    assert exchange.status is None and exchange.body == b""
    assert "took longer than 0.5 s" in exchange.summary()


def test_a_trickled_file_is_given_up_on(trickle_host: _TrickleHost) -> None:
    exchange = link_http.call(_manifest_url(trickle_host), timeout=5, deadline=0.3)
    assert exchange.error == "the server took longer than 0.3 s to send the file"


def test_the_manifest_case_fails_with_the_deadline_as_evidence(
    trickle_host: _TrickleHost, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(link_http, "TRANSFER_DEADLINE", 0.5)
    uri = encode_uri(build_payload(url=_manifest_url(trickle_host), key=bytes(32)))
    report = run_link_tests(uri, LinkTestOptions(timeout=5))
    status = {case.case_id: case for case in report.cases}["shl.manifest.status"]
    assert status.verdict is Verdict.FAIL
    assert "the server took longer than 0.5 s to send the manifest" in status.evidence
    exchange = report.exchanges[0]
    assert exchange["purpose"] == "manifest" and "0.5 s" in exchange["error"]


def test_read_within_returns_a_prompt_answer_whole() -> None:
    class _Answer:
        def __init__(self, data: bytes) -> None:
            self.data = data

        def read1(self, size: int) -> bytes:
            chunk, self.data = self.data[:size], self.data[size:]
            return chunk

    body = b"x" * 200_000
    assert http_limits.read_within(_Answer(body), 10**6, http_limits.deadline_after(60)) == body
    assert (
        http_limits.read_within(_Answer(body), 1000, http_limits.deadline_after(60)) == body[:1000]
    )


def test_read_within_refuses_once_the_deadline_has_passed() -> None:
    class _Endless:
        def read1(self, size: int) -> bytes:
            return b"x"

    with pytest.raises(http_limits.TransferTooSlow):
        http_limits.read_within(_Endless(), 10**9, time.monotonic() - 1)
