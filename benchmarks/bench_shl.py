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
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import pg_cluster  # benchmarks/, on sys.path (run.py)

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


# -- shl-200: 200 concurrent clients, manifest requests without passcode, three servers -------
#
# Each server runs in its own process(es), each side by side in one run:
# - wsgiref: the standard library's thread-per-connection server the host ran on before
#   (commit 4b9c4bb: ThreadingMixIn WSGIServer, backlog 1024), serving today's application;
#   with XSHARE_BENCH_BASELINE_TREE=DIR[:DIR...] also the old application and store from each
#   DIR ("wsgiref-<DIR's name>");
# - waitress: the embedded default (`xshare shl serve`, SQLite);
# - gunicorn: 2 workers on one PostgreSQL database (a private server with fsync on).
# The clients: ApacheBench (`ab`, Debian's apache2-utils), a single-threaded C client that
# leaves the second core to the server, with CONCURRENT_CLIENTS requests in flight and a new
# connection for each request (as phones and viewers do); without `ab` on PATH (or with
# XSHARE_BENCH_CLIENT=python) CONCURRENT_CLIENTS threads of this process, which eat about one
# core themselves. Either sends a fixed number of requests and waits for every answer, so the
# count stays exact: an error is a failed request or another status than 200, and "lost"
# compares the access log with the answers (every 200 has exactly one "ok" entry).

CONCURRENT_CLIENTS = 200
REQUESTS_PER_CLIENT = 20
_AB_FIGURES = {
    "complete": re.compile(r"^Complete requests:\s+(\d+)", re.M),
    "failed": re.compile(r"^Failed requests:\s+(\d+)", re.M),
    "non_2xx": re.compile(r"^Non-2xx responses:\s+(\d+)", re.M),
    "p95": re.compile(r"^\s+95%\s+(\d+)", re.M),
    "seconds": re.compile(r"^Time taken for tests:\s+([\d.]+) seconds", re.M),
}

_WSGIREF_HOST = """
import sys
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server
from xshare_desktop.core.shl.host import HostConfig, ShlHostApp

class Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    request_queue_size = 1024

class Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass

app = ShlHostApp(None, HostConfig(public_url=sys.argv[2], min_poll_interval=0))
make_server("127.0.0.1", int(sys.argv[1]), app, server_class=Server, handler_class=Quiet).serve_forever()
"""


def load_client() -> str:
    """``ab`` when it is installed (and not overridden), else ``python``."""
    chosen = os.environ.get("XSHARE_BENCH_CLIENT", "").strip().lower()
    if chosen in ("ab", "python"):
        return chosen
    return "ab" if shutil.which("ab") else "python"


def _burst_python(url: str) -> tuple[float, int, list[float]]:
    """CONCURRENT_CLIENTS threads, REQUESTS_PER_CLIENT manifest requests each."""
    start = threading.Barrier(CONCURRENT_CLIENTS)

    def client(i: int) -> list[tuple[bool, float]]:
        start.wait()
        answers = []
        for n in range(REQUESTS_PER_CLIENT):
            try:
                status, millis = _post(url, {"recipient": f"client {i}.{n}"})
            except OSError:
                answers.append((False, 0.0))
            else:
                answers.append((status == 200, millis))
        return answers

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=CONCURRENT_CLIENTS) as pool:
        results = [
            answer for answers in pool.map(client, range(CONCURRENT_CLIENTS)) for answer in answers
        ]
    elapsed = time.perf_counter() - started
    return elapsed, sum(1 for ok, _ in results if ok), [m for ok, m in results if ok]


def parse_ab(report: str, sent: int) -> tuple[float, int, float]:
    """(seconds, requests answered 200, p95 ms) from ab's report; a missing figure raises."""
    found = {}
    for name, pattern in _AB_FIGURES.items():
        match = pattern.search(report)
        if match is None and name != "non_2xx":  # ab prints that line only when there are some
            raise RuntimeError(f"ab's report has no {name!r} figure:\n{report}")
        found[name] = float(match.group(1)) if match else 0.0
    # requests ab never completed count as errors through ``sent - served``
    served = min(sent, int(found["complete"] - found["failed"] - found["non_2xx"]))
    return found["seconds"], served, found["p95"]


def _burst_ab(url: str) -> tuple[float, int, float]:
    sent = CONCURRENT_CLIENTS * REQUESTS_PER_CLIENT
    with tempfile.NamedTemporaryFile("wb", suffix=".json", delete=False) as body:
        body.write(json.dumps({"recipient": "ab client"}).encode())
    # -l: manifests may differ in length (location tokens); -r: a reset is counted, not fatal
    command = ["ab", "-q", "-l", "-r", "-n", str(sent), "-c", str(CONCURRENT_CLIENTS)]
    command += ["-s", str(int(REQUEST_TIMEOUT)), "-p", body.name, "-T", "application/json", url]
    try:
        report = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
    finally:
        os.unlink(body.name)
    return parse_ab(report.stdout, sent)


def _figures(
    name: str,
    store: LinkStore,
    link_id: str,
    sent: int,
    elapsed: float,
    served: int,
    p95: float,
    warm_up: int,
) -> Iterator[tuple[str, float, str]]:
    logged = sum(1 for a in store.accesses(link_id) if a.outcome == "ok") - warm_up
    yield f"shl-200-{name}-rps", sent / elapsed, "requests/s"
    yield f"shl-200-{name}-p95", p95, "ms"
    yield f"shl-200-{name}-errors", float(sent - served), "count"
    yield f"shl-200-{name}-lost", float(abs(logged - served)), "count"


def _run_server(
    command: list[str], env: dict[str, str], port: int, store: LinkStore, base: str, name: str
) -> Iterator[tuple[str, float, str]]:
    document = [ShareFile("bench.json", "application/fhir+json", _DOCUMENT)]
    record, uri = create_link(document, LinkOptions(), base, store=store)
    # cwd: a neutral folder, so `python -c` (which puts the cwd first) imports the code
    # PYTHONPATH names, not a checkout that happens to be the current folder
    server = subprocess.Popen(
        command,
        env=env,
        cwd=env["XSHARE_DATA_DIR"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        pg_cluster.wait_until_listening(port, server)
        _post(decode_uri(uri).url, {"recipient": "warm-up"})
        if load_client() == "ab":
            elapsed, served, p95 = _burst_ab(decode_uri(uri).url)
        else:
            elapsed, served, latencies = _burst_python(decode_uri(uri).url)
            p95 = _p95(latencies)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    sent = CONCURRENT_CLIENTS * REQUESTS_PER_CLIENT
    yield from _figures(name, store, record.id, sent, elapsed, served, p95, warm_up=1)


def shl_200() -> Iterator[tuple[str, float, str]]:
    print(f"shl-200: client {load_client()}", file=sys.stderr, flush=True)
    data = Path(tempfile.mkdtemp(prefix="xshare-bench-shl-"))
    env = {**os.environ, "XSHARE_DATA_DIR": str(data)}
    env.pop("XSHARE_LINK_DATABASE", None)
    sqlite_store = LinkStore(data / "links.sqlite3")

    # Older hosts, application and store included, from extracted trees of older commits
    # (git archive 4b9c4bb xshare_desktop | tar -x -C /tmp/4b9c4bb), separated by os.pathsep.
    for tree in filter(None, os.environ.get("XSHARE_BENCH_BASELINE_TREE", "").split(os.pathsep)):
        port = pg_cluster.free_port()
        base = f"http://127.0.0.1:{port}"
        yield from _run_server(
            [sys.executable, "-c", _WSGIREF_HOST, str(port), base],
            {**env, "PYTHONPATH": tree},
            port,
            sqlite_store,
            base,
            f"wsgiref-{Path(tree).name}",
        )

    port = pg_cluster.free_port()
    base = f"http://127.0.0.1:{port}"
    yield from _run_server(
        [sys.executable, "-c", _WSGIREF_HOST, str(port), base],
        env,
        port,
        sqlite_store,
        base,
        "wsgiref",
    )

    port = pg_cluster.free_port()
    base = f"http://127.0.0.1:{port}"
    yield from _run_server(
        [
            sys.executable,
            "-m",
            "xshare_desktop",
            "shl",
            "serve",
            "--port",
            str(port),
            "--poll-interval",
            "0",
        ],
        env,
        port,
        sqlite_store,
        base,
        "waitress-sqlite",
    )

    cluster = pg_cluster.PrivateCluster.start(durable=True)
    pg_store = None
    try:
        url = cluster.url()
        pg_store = LinkStore(database=url)
        port = pg_cluster.free_port()
        base = f"http://127.0.0.1:{port}"
        yield from _run_server(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--workers",
                "2",
                "--bind",
                f"127.0.0.1:{port}",
                "--threads",
                "4",
                "--backlog",
                "2048",
                "xshare_desktop.core.shl.wsgi:application",
            ],
            {
                **env,
                "XSHARE_LINK_DATABASE": url,
                "XSHARE_LINK_PUBLIC_URL": base,
                "XSHARE_LINK_POLL_INTERVAL": "0",
            },
            port,
            pg_store,
            base,
            "gunicorn2-postgresql",
        )
    finally:
        if pg_store is not None:
            pg_store.db.close()  # before its server stops
        cluster.stop()


BENCHMARKS = {"shl-load": shl_load, "shl-200": shl_200}
