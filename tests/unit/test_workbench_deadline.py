"""The workbench gives up on a vendor host that trickles its answer, and says so in the case."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from tests.unit.trickle_host import TrickleHost, running_trickle_host
from xshare_desktop.core.shl import http_limits
from xshare_desktop.core.shl.payload import b64url_encode, build_payload, encode_uri
from xshare_desktop.core.workbench import link_http
from xshare_desktop.core.workbench.provider_checks import LinkTestOptions, run_link_tests
from xshare_desktop.core.workbench.results import Verdict


@pytest.fixture()
def trickle_host() -> Iterator[TrickleHost]:
    with running_trickle_host(b"application/json", b"{", b" ") as host:
        yield host


def _manifest_url(host: TrickleHost) -> str:
    return f"http://127.0.0.1:{host.port}/shl/" + b64url_encode(bytes(32))


def test_a_trickled_manifest_is_given_up_on(trickle_host: TrickleHost) -> None:
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


def test_a_trickled_file_is_given_up_on(trickle_host: TrickleHost) -> None:
    exchange = link_http.call(_manifest_url(trickle_host), timeout=5, deadline=0.3)
    assert exchange.error == "the server took longer than 0.3 s to send the file"


def test_the_manifest_case_fails_with_the_deadline_as_evidence(
    trickle_host: TrickleHost, monkeypatch: pytest.MonkeyPatch
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
