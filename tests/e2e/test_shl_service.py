"""The link host as a service: gunicorn (2 workers) and `xshare shl serve` share one PostgreSQL store.

SMART Health Links (HL7 smart-health-cards-and-links, "Manifest request" / "Errors"): the server
keeps a lifetime count of wrong passcodes that parallel attempts cannot get around, answers 401
with `remainingAttempts`, and a one-time link or a single-use `location` URL serves exactly once.
Here the parallel attempts reach different processes, which share nothing but the database.
"""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import pytest
from pg_cluster import free_port, wait_until_listening  # benchmarks/, loaded by conftest

from xshare_desktop.core.shl.content import ShareFile
from xshare_desktop.core.shl.provider import LinkOptions, create_link
from xshare_desktop.core.shl.store import LinkStore

DOC = ShareFile("doc.json", "application/fhir+json", b'{"resourceType":"Bundle","type":"document"}')
CLIENTS = 12  # client threads, all on 127.0.0.1
REQUEST_TIMEOUT = 30.0


def _stop(process: subprocess.Popen[str]) -> None:
    process.terminate()
    try:
        process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()


@pytest.fixture()
def two_hosts(postgres_url: str) -> Iterator[tuple[str, str]]:
    """gunicorn with 2 workers and an `xshare shl serve`, both on one PostgreSQL database."""
    env = {
        **os.environ,
        "XSHARE_LINK_DATABASE": postgres_url,
        "XSHARE_LINK_POLL_INTERVAL": "0",
    }
    gunicorn_port = free_port()
    gunicorn_url = f"http://127.0.0.1:{gunicorn_port}"
    gunicorn = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{gunicorn_port}",
            "--timeout",
            "60",
            "xshare_desktop.core.shl.wsgi:application",
        ],
        # the same working folder as every other process of the run: CI's shifted clock
        # (PYTHONPATH=tests/clock_shift, a relative path) must reach all hosts alike
        env={**env, "XSHARE_LINK_PUBLIC_URL": gunicorn_url},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    serve_port = free_port()
    serve = subprocess.Popen(
        [
            *(sys.executable, "-m", "xshare_desktop", "shl", "serve"),
            *("--port", str(serve_port), "--poll-interval", "0", "--database", postgres_url),
        ],
        env={k: v for k, v in env.items() if k != "XSHARE_LINK_DATABASE"},  # the option says it
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_until_listening(gunicorn_port, gunicorn)
        wait_until_listening(serve_port, serve)
        yield gunicorn_url, f"http://127.0.0.1:{serve_port}"
    finally:
        _stop(gunicorn)
        _stop(serve)


def _request(method: str, url: str, body: dict[str, object] | None = None) -> tuple[int, bytes]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=REQUEST_TIMEOUT)
    try:
        if body is None:
            conn.request(method, parts.path)
        else:
            conn.request(method, parts.path, json.dumps(body), {"Content-Type": "application/json"})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def _on(base: str, manifest_url: str) -> str:
    """The same link's URL on another host process."""
    return base + urlsplit(manifest_url).path


@pytest.fixture()
def shared_store(postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> LinkStore:
    """This test process's view of the hosts' database (where links are created and checked)."""
    monkeypatch.setenv("XSHARE_LINK_DATABASE", postgres_url)
    return LinkStore()


def test_wrong_passcodes_are_counted_exactly_across_processes(
    two_hosts: tuple[str, str], shared_store: LinkStore
) -> None:
    """SHL "Errors": a lifetime failure count, 401 with remainingAttempts, then no more tries."""
    hosts = list(two_hosts)
    allowed = 12
    record, _ = create_link(
        [DOC],
        LinkOptions(passcode="rigtig-kode", max_attempts=allowed),
        hosts[0],
        store=shared_store,
    )
    guesses = 3 * allowed

    def guess(i: int) -> tuple[int, dict[str, object]]:
        status, body = _request(
            "POST",
            _on(hosts[i % 2], record.manifest_url),
            {"recipient": f"guesser {i}", "passcode": f"forkert-{i}"},
        )
        return status, json.loads(body)

    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        answers = list(pool.map(guess, range(guesses)))
    statuses = [status for status, _ in answers]
    assert set(statuses) <= {401, 404}, statuses
    remaining = sorted(int(str(body["remainingAttempts"])) for s, body in answers if s == 401)
    # each remaining count handed out exactly once, by whichever process checked that guess
    assert remaining == list(range(allowed))
    reloaded = shared_store.link(record.id)
    assert reloaded is not None and reloaded.failed_attempts == allowed
    # locked for good, on every process, even for the right passcode
    for host in hosts:
        status, _ = _request(
            "POST", _on(host, record.manifest_url), {"recipient": "r", "passcode": "rigtig-kode"}
        )
        assert status == 404
    outcomes = [a.outcome for a in shared_store.accesses(record.id)]
    assert outcomes.count("wrong-passcode") == allowed
    assert outcomes.count("locked") == guesses - allowed + len(hosts)


def test_one_time_links_and_locations_serve_once_across_processes(
    two_hosts: tuple[str, str], shared_store: LinkStore
) -> None:
    """SHL: a one-time link and a single-use location URL serve exactly once, whoever asks."""
    hosts = list(two_hosts)
    links = [
        create_link([DOC], LinkOptions(one_time=True), hosts[0], store=shared_store)[0]
        for _ in range(4)
    ]
    per_link = 8

    def fetch(job: tuple[int, int]) -> int:
        link, i = job
        status, _ = _request(
            "POST", _on(hosts[i % 2], links[link].manifest_url), {"recipient": f"r{link}.{i}"}
        )
        return status

    jobs = [(link, i) for i in range(per_link) for link in range(len(links))]
    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        statuses = list(pool.map(fetch, jobs))
    for link in range(len(links)):
        mine = [s for (n, _), s in zip(jobs, statuses, strict=True) if n == link]
        assert sorted(mine) == [200] + [404] * (per_link - 1)
        outcomes = [a.outcome for a in shared_store.accesses(links[link].id)]
        assert sorted(outcomes) == ["ok"] + ["used-up"] * (per_link - 1)

    # A location URL handed out by one process is used up for every other one.
    shared, _ = create_link([DOC], LinkOptions(), hosts[0], store=shared_store)
    status, body = _request(
        "POST", shared.manifest_url, {"recipient": "by location", "embeddedLengthMax": 0}
    )
    assert status == 200
    location = json.loads(body)["files"][0]["location"]
    assert location.startswith(hosts[0] + "/shl/file/")

    def take(i: int) -> int:
        return _request("GET", _on(hosts[i % 2], location))[0]

    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        takes = list(pool.map(take, range(per_link)))
    assert sorted(takes) == [200] + [404] * (per_link - 1)
