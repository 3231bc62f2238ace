"""The validator as a service: `$validate` of the IPS all-sections example (42 entries) over HTTP.

``validator-service-8``          8 concurrent clients, 25 requests each, against the in-process
                                 service on waitress (127.0.0.1, 8 threads): requests/s, the
                                 median and p95 round trip, and the median time the validator
                                 itself spends per request (what a warm service costs beyond
                                 queueing). Warmed with 5 requests first.
``validator-service-gunicorn2``  the same clients against ``gunicorn --workers 2 --preload``
                                 (docs/deploy.md) in its own processes, warmed with 10 requests;
                                 also the median of 20 requests from one client (no queueing).
"""

from __future__ import annotations

import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import orjson

Figure = tuple[str, float, str]
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ALL_SECTIONS = "hl7.fhir.uv.ips#2.0.0/package/example/Bundle-bundle-ips-all-sections.json"
CLIENTS = 8
REQUESTS_EACH = 25


def _cache() -> Path:
    sys.path.insert(0, str(HERE))
    from bench_validate import _cache as seeded_cache

    return seeded_cache()


def _client(port: int, body: bytes) -> Callable[[], float]:
    def one() -> float:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        started = time.perf_counter()
        connection.request(
            "POST", "/$validate", body=body, headers={"Content-Type": "application/fhir+json"}
        )
        answer = connection.getresponse()
        outcome = orjson.loads(answer.read())
        connection.close()
        if answer.status != 200 or any(i["severity"] == "error" for i in outcome["issue"]):
            raise RuntimeError(f"unexpected answer {answer.status}")
        return time.perf_counter() - started

    return one


def _load(name: str, one: Callable[[], float]) -> Iterator[Figure]:
    started = time.perf_counter()
    with ThreadPoolExecutor(CLIENTS) as pool:
        rounds = list(pool.map(lambda _: one(), range(CLIENTS * REQUESTS_EACH)))
    elapsed = time.perf_counter() - started
    rounds.sort()
    yield f"{name}-8-clients-rate", len(rounds) / elapsed, "requests/s"
    yield f"{name}-8-clients-median", statistics.median(rounds) * 1000, "ms"
    yield f"{name}-8-clients-p95", rounds[int(len(rounds) * 0.95) - 1] * 1000, "ms"


def validator_service() -> Iterator[Figure]:
    from xshare_desktop.core.validation.service import create_app
    from xshare_desktop.core.wsgi_server import ServerLimits, serve_wsgi

    cache = _cache()
    body = (cache / ALL_SECTIONS).read_bytes()
    os.environ.setdefault("XSHARE_DATA_DIR", tempfile.mkdtemp(prefix="xshare-bench-"))
    app = create_app(cache=cache)
    timed: list[float] = []
    validate = app.validate_body

    def timed_validate(data: bytes, rtype: str | None, profile: str | None) -> dict:  # type: ignore[type-arg]
        started = time.perf_counter()
        try:
            return validate(data, rtype, profile)
        finally:
            timed.append(time.perf_counter() - started)

    app.validate_body = timed_validate  # type: ignore[method-assign]
    running = serve_wsgi(app, "127.0.0.1", 0, limits=ServerLimits(threads=CLIENTS))
    one = _client(running.port, body)
    try:
        for _ in range(5):
            one()
        timed.clear()
        figures = list(_load("validator-service", one))
    finally:
        running.stop()
    yield from figures
    yield "validator-service-validate-median", statistics.median(timed) * 1000, "ms"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def validator_service_gunicorn() -> Iterator[Figure]:
    cache = _cache()
    body = (cache / ALL_SECTIONS).read_bytes()
    port = _free_port()
    env = {
        **os.environ,
        "XSHARE_FHIR_CACHE": str(cache),
        "PYTHONPATH": str(ROOT),
        "XSHARE_DATA_DIR": os.environ.get("XSHARE_DATA_DIR")
        or tempfile.mkdtemp(prefix="xshare-bench-"),
    }
    server = subprocess.Popen(
        [
            sys.executable, "-m", "gunicorn", "--workers", "2", "--preload", "--timeout", "120",
            "--bind", f"127.0.0.1:{port}", "xshare_desktop.core.validation.service:create_app()",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    one = _client(port, body)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                one()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.5)
        for _ in range(10):
            one()
        alone = statistics.median(one() for _ in range(20))
        figures = list(_load("validator-service-gunicorn2", one))
    finally:
        server.terminate()
        server.wait(timeout=30)
    yield "validator-service-gunicorn2-1-client-median", alone * 1000, "ms"
    yield from figures


BENCHMARKS = {
    "validator-service-8": validator_service,
    "validator-service-gunicorn2": validator_service_gunicorn,
}
