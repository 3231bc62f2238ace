"""The validator as a service: `$validate` of the IPS all-sections example (42 entries) over HTTP.

``validator-service-8``  8 concurrent clients, 25 requests each, against the in-process service on
                         waitress (127.0.0.1): requests/s, the median and p95 round trip, and the
                         median time the validator itself spends per request (what a warm service
                         costs beyond queueing). Warmed with 5 requests first.
"""

from __future__ import annotations

import http.client
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import orjson

Figure = tuple[str, float, str]
HERE = Path(__file__).resolve().parent
ALL_SECTIONS = "hl7.fhir.uv.ips#2.0.0/package/example/Bundle-bundle-ips-all-sections.json"
CLIENTS = 8
REQUESTS_EACH = 25


def _cache() -> Path:
    sys.path.insert(0, str(HERE))
    from bench_validate import _cache as seeded_cache

    return seeded_cache()


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

    def one() -> float:
        connection = http.client.HTTPConnection("127.0.0.1", running.port, timeout=60)
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

    try:
        for _ in range(5):
            one()
        timed.clear()
        started = time.perf_counter()
        with ThreadPoolExecutor(CLIENTS) as pool:
            rounds = list(pool.map(lambda _: one(), range(CLIENTS * REQUESTS_EACH)))
        elapsed = time.perf_counter() - started
    finally:
        running.stop()
    rounds.sort()
    yield "validator-service-8-clients-rate", len(rounds) / elapsed, "requests/s"
    yield "validator-service-8-clients-median", statistics.median(rounds) * 1000, "ms"
    yield "validator-service-8-clients-p95", rounds[int(len(rounds) * 0.95) - 1] * 1000, "ms"
    yield "validator-service-validate-median", statistics.median(timed) * 1000, "ms"


BENCHMARKS = {"validator-service": validator_service}
