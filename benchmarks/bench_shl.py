"""SMART Health Link benchmarks on 127.0.0.1.

``shl-open-small-loopback``: the recipient's open-link view (offscreen, in a fresh process,
after the app's usual warm-up) opening a passcode link to the 12-entry sample IPS served by
the real link host. Times "Open link" -> the result list shown (``received_ready``), the first
time (``-first``) and the median of 5 more; ``-checked`` adds the profile check that follows.

``shl-load``: the link host under a burst of concurrent manifest requests on 127.0.0.1.

400 requests from 64 client threads: 200 to a link without passcode, 100 with the
right passcode and 100 with wrong ones to a passcode link. An error is any request
that fails or gets another status than the one it should (200 or 401). Afterwards
the link's lifetime failure count must equal the wrong passcodes sent: any
difference is a lost (or invented) failure and is counted as errors too.
"""

from __future__ import annotations

import http.client
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

from xshare_desktop.core.shl.content import ShareFile
from xshare_desktop.core.shl.host import HostConfig, serve
from xshare_desktop.core.shl.payload import decode_uri
from xshare_desktop.core.shl.provider import LinkOptions, create_link
from xshare_desktop.core.shl.store import LinkStore

OPEN_REQUESTS = 200
RIGHT_PASSCODE_REQUESTS = 100
WRONG_PASSCODE_REQUESTS = 100
CLIENT_THREADS = 64
REQUEST_TIMEOUT = 60.0

_DOCUMENT = json.dumps(
    {
        "resourceType": "Bundle",
        "type": "document",
        "identifier": {"system": "urn:ietf:rfc:3986", "value": "urn:uuid:bench"},
        "timestamp": "2026-11-27T10:00:00Z",
        "entry": [
            {
                "fullUrl": f"urn:uuid:{i:08d}",
                "resource": {"resourceType": "Observation", "id": f"o{i}", "status": "final"},
            }
            for i in range(200)
        ],
    }
).encode()


def _post(url: str, body: dict[str, object]) -> tuple[int, float]:
    parts = urlsplit(url)
    started = time.perf_counter()
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=REQUEST_TIMEOUT)
    try:
        conn.request("POST", parts.path, json.dumps(body), {"Content-Type": "application/json"})
        response = conn.getresponse()
        response.read()
        return response.status, (time.perf_counter() - started) * 1000
    finally:
        conn.close()


def _p95(latencies: list[float]) -> float:
    if not latencies:
        return float("nan")
    ordered = sorted(latencies)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def shl_load() -> Iterator[tuple[str, float, str]]:
    store = LinkStore()
    host = serve("127.0.0.1", 0, store=store, config=HostConfig(min_poll_interval=0))
    try:
        document = [ShareFile("bench.json", "application/fhir+json", _DOCUMENT)]
        _, open_uri = create_link(document, LinkOptions(), host.base_url, store=store)
        locked, locked_uri = create_link(
            document,
            LinkOptions(passcode="correct", max_attempts=WRONG_PASSCODE_REQUESTS + 1),
            host.base_url,
            store=store,
        )
        open_url, locked_url = decode_uri(open_uri).url, decode_uri(locked_uri).url
        jobs: list[tuple[str, dict[str, object], int]] = []
        for i in range(max(OPEN_REQUESTS, RIGHT_PASSCODE_REQUESTS, WRONG_PASSCODE_REQUESTS)):
            if i < OPEN_REQUESTS:
                jobs.append((open_url, {"recipient": f"bench {i}"}, 200))
            if i < RIGHT_PASSCODE_REQUESTS:
                jobs.append((locked_url, {"recipient": f"ok {i}", "passcode": "correct"}, 200))
            if i < WRONG_PASSCODE_REQUESTS:
                jobs.append((locked_url, {"recipient": f"bad {i}", "passcode": f"no{i}"}, 401))

        def run(job: tuple[str, dict[str, object], int]) -> tuple[bool, float, bool]:
            url, body, expected = job
            with_passcode = "passcode" in body
            try:
                status, millis = _post(url, body)
            except OSError:
                return False, 0.0, with_passcode
            return status == expected, millis, with_passcode

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=CLIENT_THREADS) as pool:
            results = list(pool.map(run, jobs))
        elapsed = time.perf_counter() - started
    finally:
        host.stop()

    record = store.link(locked.id)
    counted = record.failed_attempts if record is not None else -1
    lost = abs(counted - WRONG_PASSCODE_REQUESTS)
    errors = sum(1 for ok, _, _ in results if not ok) + lost
    yield "shl-load-requests", float(len(jobs)), "requests"
    yield "shl-load-rps", len(jobs) / elapsed, "requests/s"
    yield "shl-load-p95", _p95([m for ok, m, _ in results if ok]), "ms"
    # Passcode checks cost a scrypt hash each (about 50-70 ms of CPU), which sets the pace.
    yield "shl-load-p95-open-link", _p95([m for ok, m, p in results if ok and not p]), "ms"
    yield "shl-load-p95-passcode", _p95([m for ok, m, p in results if ok and p]), "ms"
    yield "shl-load-errors", float(errors), "count"
    yield "shl-load-lost-failures", float(lost), "count"


_OPEN_LINK_CHILD = """
import json, statistics, sys, time
from PySide6.QtWidgets import QApplication
app = QApplication(["bench"])
from xshare_desktop.gui.context import AppContext
from xshare_desktop.gui.document_loader import warm_up
from xshare_desktop.gui.i18n import LanguageManager
from xshare_desktop.gui.settings import Settings
from xshare_desktop.gui.views.open_link_view import OpenLinkView

warm_up()  # the app imports the document core in the background before anyone can click
language = LanguageManager()
language.set_language("da")
view = OpenLinkView(AppContext(Settings.load(), language))
view.show()
shown, checked = [], []
for attempt in range(6):
    view.link_edit.setText(sys.argv[1] + " " * (attempt % 2))
    view.passcode_edit.setText("2468")
    arrived = []
    view.received_ready.connect(lambda received: arrived.append(time.perf_counter()))
    started = time.perf_counter()
    view.open_link()
    while not arrived:
        app.processEvents()
        time.sleep(0.0005)
    shown.append(arrived[0] - started)
    while getattr(view, "_checker", None) is not None:
        app.processEvents()
        time.sleep(0.0005)
    checked.append(time.perf_counter() - started)
    view.received_ready.disconnect()
print(json.dumps({"shown": shown, "checked": checked}))
"""


def shl_open_small_loopback() -> Iterator[tuple[str, float, str]]:
    here = Path(__file__).resolve().parent
    sys.path.insert(0, str(here))
    from bench_validate import _cache  # the FHIR packages the profile check uses

    cache = _cache()
    sample = here.parent / "samples" / "ips-karen-testesen.json"
    store = LinkStore()
    host = serve("127.0.0.1", 0, store=store, config=HostConfig(min_poll_interval=0))
    try:
        document = [ShareFile(sample.name, "application/fhir+json", sample.read_bytes())]
        _, uri = create_link(
            document, LinkOptions(passcode="2468", max_attempts=100), host.base_url, store=store
        )
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XSHARE_FHIR_CACHE": str(cache),
            # BEFORE_TREE runs the same measurement over an older checkout of the app.
            "PYTHONPATH": os.environ.get("BEFORE_TREE") or str(here.parent),
        }
        child = subprocess.run(
            [sys.executable, "-c", _OPEN_LINK_CHILD, uri],
            capture_output=True,
            text=True,
            env=env,
            cwd=tempfile.gettempdir(),  # `-c` puts the working folder first on sys.path
            timeout=600,
            check=True,
        )
    finally:
        host.stop()
    times = json.loads(child.stdout.strip().splitlines()[-1])
    yield "shl-open-small-loopback-first", times["shown"][0] * 1000, "ms"
    yield "shl-open-small-loopback", statistics.median(times["shown"][1:]) * 1000, "ms"
    yield "shl-open-small-loopback-checked-first", times["checked"][0] * 1000, "ms"
    yield "shl-open-small-loopback-checked", statistics.median(times["checked"][1:]) * 1000, "ms"


BENCHMARKS = {"shl-load": shl_load, "shl-open-small-loopback": shl_open_small_loopback}
