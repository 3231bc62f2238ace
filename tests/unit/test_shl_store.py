"""The link store: failure counts that parallel attempts cannot get around, one-time use, restarts.

Every test runs against both backends (`link_database`: the SQLite file and a PostgreSQL
database); the SMART Health Links rules they check (a lifetime failure count safe against
parallel attempts, single-use links and location URLs) are the spec's, whatever the engine.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from xshare_desktop.core.shl.content import ShareFile
from xshare_desktop.core.shl.provider import LinkOptions, create_link
from xshare_desktop.core.shl.store import PENDING_ATTEMPT_TTL, Decision, LinkStatus, LinkStore

DOC = ShareFile("doc.json", "application/fhir+json", b'{"resourceType":"Bundle"}')
BASE = "http://127.0.0.1:9"


def test_parallel_checks_never_exceed_the_limit(link_database: str) -> None:
    store = LinkStore()
    record, _ = create_link([DOC], LinkOptions(passcode="1234", max_attempts=25), BASE, store=store)
    barrier = threading.Barrier(16)
    in_flight: list[int] = []
    most_in_flight = 0
    lock = threading.Lock()

    def attempt(i: int) -> str:
        nonlocal most_in_flight
        if i < 16:
            barrier.wait()
        while True:
            reservation = store.reserve_attempt(record.id, 1000.0)
            if reservation.locked:
                return "locked"
            if reservation.ticket is not None:
                break
        with lock:
            in_flight.append(i)
            most_in_flight = max(most_in_flight, len(in_flight))
        with lock:
            in_flight.remove(i)
        return f"wrong:{store.finish_attempt(record.id, reservation.ticket, wrong=True)}"

    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(attempt, range(60)))
    wrong = sorted(int(r.split(":")[1]) for r in results if r.startswith("wrong"))
    assert wrong == list(range(25))  # each remaining count handed out exactly once
    assert results.count("locked") == 35
    assert most_in_flight <= 16
    reloaded = store.link(record.id)
    assert reloaded is not None
    assert reloaded.failed_attempts == 25
    assert reloaded.status(0) is LinkStatus.LOCKED


def test_checks_in_flight_hold_the_last_attempts(link_database: str) -> None:
    store = LinkStore()
    record, _ = create_link([DOC], LinkOptions(passcode="1234", max_attempts=2), BASE, store=store)
    first = store.reserve_attempt(record.id, 1000.0)
    second = store.reserve_attempt(record.id, 1000.0)
    assert first.ticket is not None and second.ticket is not None
    busy = store.reserve_attempt(record.id, 1000.0)
    assert busy.ticket is None and not busy.locked
    # A right passcode gives its reservation back without counting a failure.
    assert store.finish_attempt(record.id, first.ticket, wrong=False) == 2
    assert store.reserve_attempt(record.id, 1000.0).ticket is not None
    # A reservation abandoned by a crashed worker stops counting after a while.
    _age_reservations(store, record.id, PENDING_ATTEMPT_TTL + 1)
    assert store.reserve_attempt(record.id, 1000.0).ticket is not None
    reloaded = store.link(record.id)
    assert reloaded is not None and reloaded.failed_attempts == 0


def _age_reservations(store: LinkStore, link_id: str, seconds: float) -> None:
    """As if the link's reservations had been made ``seconds`` earlier (on either clock)."""
    with store.db.write() as conn:
        conn.execute(
            "UPDATE pending_attempts SET started = started - ? WHERE link_id = ?",
            (seconds, link_id),
        )


def test_hosts_with_different_clocks_agree_on_reservation_time_outs(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 17: passcode lock-out / TTL decisions use one clock, the database's.

    Two hosts on one PostgreSQL store, one whose clock runs an hour ahead: its guess must
    not time out the other's check in progress (that would let one more guess through than
    the link allows), and the reservation still times out after PENDING_ATTEMPT_TTL by the
    database's clock. (SQLite serves one machine: its processes share one clock.)
    """
    monkeypatch.setenv("XSHARE_LINK_DATABASE", postgres_url)
    host_a, host_b = LinkStore(), LinkStore()
    record, _ = create_link([DOC], LinkOptions(passcode="1234", max_attempts=1), BASE, store=host_a)
    checking = host_a.reserve_attempt(record.id, time.time())
    assert checking.ticket is not None
    ahead = host_b.reserve_attempt(record.id, time.time() + 3600)
    assert ahead.ticket is None and not ahead.locked  # busy: the one attempt is being checked
    behind = host_b.reserve_attempt(record.id, time.time() - 3600)
    assert behind.ticket is None and not behind.locked
    _age_reservations(host_a, record.id, PENDING_ATTEMPT_TTL - 5)
    assert host_b.reserve_attempt(record.id, time.time()).ticket is None  # 55 s: still held
    _age_reservations(host_a, record.id, 6)
    assert host_b.reserve_attempt(record.id, time.time() - 3600).ticket is not None  # 61 s


def test_one_time_link_serves_exactly_once_under_contention(link_database: str) -> None:
    store = LinkStore()
    record, _ = create_link([DOC], LinkOptions(one_time=True), BASE, store=store, now=1000.0)
    barrier = threading.Barrier(8)

    def retrieve(i: int) -> bool:
        barrier.wait()
        result = store.retrieve(record.token, f"r{i}", "manifest", 1001.0, min_poll_interval=0)
        return result.decision is Decision.SERVED

    with ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = list(pool.map(retrieve, range(8)))
    assert outcomes.count(True) == 1
    outcomes_logged = [a.outcome for a in store.accesses(record.id)]
    assert outcomes_logged.count("ok") == 1 and outcomes_logged.count("used-up") == 7


def test_links_survive_a_restart(link_database: str) -> None:
    record, _ = create_link([DOC], LinkOptions(label="Kept"), BASE, store=LinkStore())
    again = LinkStore()  # a new process would open the same file
    reloaded = again.link(record.id)
    assert reloaded is not None and reloaded.label == "Kept" and reloaded.key == record.key
    assert [f.name for f in again.files(record.id)] == ["doc.json"]


def test_location_tokens_are_single_use_and_expire(link_database: str) -> None:
    from xshare_desktop.core.shl.store import Outcome

    store = LinkStore()
    record, _ = create_link([DOC], LinkOptions(), BASE, store=store, now=1000.0)
    grants = [
        store.retrieve(
            record.token,
            "r",
            "manifest",
            1000.0,
            min_poll_interval=0,
            embedded_max=0,
            location_lifetime=60,
        ).locations[0]
        for _ in range(2)
    ]
    first = store.take_location(grants[0], 1010.0)
    assert first is not None and first[2] is Outcome.OK and first[1] is not None
    again = store.take_location(grants[0], 1011.0)
    assert again is not None and again[2] is Outcome.LOCATION_USED
    late = store.take_location(grants[1], 1061.0)
    assert late is not None and late[2] is Outcome.LOCATION_EXPIRED
    assert store.take_location("never-issued", 1000.0) is None


def test_reservations_of_a_crashed_host_are_recovered_at_start(link_database: str) -> None:
    """Issue 16 item 9: a host that died mid-check must not block a link's last attempts."""
    import subprocess
    import sys

    from xshare_desktop.core.shl import store as store_module

    store = LinkStore()
    link, _ = create_link([DOC], LinkOptions(passcode="1234", max_attempts=1), BASE, store=store)
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    dead_owner = f"{store_module._owner().rpartition(':')[0]}:{int(dead.stdout)}"
    with store._write() as conn:
        conn.execute(
            "INSERT INTO pending_attempts (link_id, started, owner) VALUES (?, ?, ?)",
            (link.id, time.time(), dead_owner),
        )
    assert store.reserve_attempt(link.id, time.time()).ticket is None  # blocked by the dead one
    restarted = LinkStore()
    assert restarted.reserve_attempt(link.id, time.time()).ticket is not None
    # a live process's reservation (this one's) is kept
    held = restarted.reserve_attempt(link.id, time.time())
    assert held.ticket is None  # the one just taken (by this live process) still holds it
    assert restarted.recover_stale_attempts() == 0
