"""Validation speed: warm on the IPS all-sections example, cold in a fresh process, and large.

``validate-small``  the all-sections example (42 entries), warm validator, median of 20 runs.
``validate-5000``   documents of 1,000, 2,500 and 5,000 entries from ``make_large.py``:
                    seconds and resources per second (linear growth shows as a flat rate).
``validate-cold``   ``python -c`` in a fresh process: imports, package context, validator,
                    one validation of the all-sections example (median of 3 processes).
``validate-memory`` peak memory (ru_maxrss) of ``xshare validate`` in a child process on
                    documents with one 50 MB value (a string, a narrative, base64 data) and on a
                    5,000-entry document: MB and MB per MB of the file.

The package cache is ``XSHARE_FHIR_CACHE`` when set, otherwise one seeded once from
``../shared/fhir-packages`` in the temp folder.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

Figure = tuple[str, float, str]
ROOT = Path(__file__).resolve().parent.parent
SHARED_PACKAGES = ROOT.parent / "shared" / "fhir-packages"
ALL_SECTIONS = "hl7.fhir.uv.ips#2.0.0/package/example/Bundle-bundle-ips-all-sections.json"

_COLD_CHILD = """
import sys, time
started = time.perf_counter()
import orjson
from xshare_desktop.core.fhir_packages import ConformanceContext
from xshare_desktop.core.validation.engine import Validator
validator = Validator(ConformanceContext.load())
result = validator.validate(orjson.loads(open(sys.argv[1], "rb").read()))
print(time.perf_counter() - started, len(result.errors))
"""


def _cache() -> Path:
    configured = os.environ.get("XSHARE_FHIR_CACHE")
    if configured:
        return Path(configured)
    cache = Path(tempfile.gettempdir()) / "xshare-bench-validate-cache"
    if not (cache / ALL_SECTIONS).is_file():
        from xshare_desktop.core.fhir_packages import PackageCache

        store = PackageCache(cache)
        for tgz in sorted(SHARED_PACKAGES.glob("*.tgz")):
            store.install_tgz(tgz, replace=True)
    os.environ["XSHARE_FHIR_CACHE"] = str(cache)
    return cache


def _validator(cache: Path) -> Any:
    from xshare_desktop.core.fhir_packages import ConformanceContext
    from xshare_desktop.core.validation.engine import Validator

    return Validator(ConformanceContext.load(cache=cache))


def validate_small() -> Iterator[Figure]:
    cache = _cache()
    bundle = orjson.loads((cache / ALL_SECTIONS).read_bytes())
    validator = _validator(cache)
    started = time.perf_counter()
    first = validator.validate(bundle)
    yield "validate-small-first-run", (time.perf_counter() - started) * 1000, "ms"
    assert first.ok, [i.message for i in first.errors]
    runs = []
    for _ in range(20):
        started = time.perf_counter()
        validator.validate(bundle)
        runs.append(time.perf_counter() - started)
    yield "validate-small-warm-42-entries", statistics.median(runs) * 1000, "ms"


def validate_5000() -> Iterator[Figure]:
    from make_large import make_large_document

    cache = _cache()
    validator = _validator(cache)
    validator.validate(orjson.loads((cache / ALL_SECTIONS).read_bytes()))  # warm definitions
    for size in (1000, 2500, 5000):
        document = make_large_document(size, seed=0)
        validator.validate(make_large_document(50, seed=1))  # warm the sample's own profiles
        started = time.perf_counter()
        result = validator.validate(document)
        elapsed = time.perf_counter() - started
        assert result.ok, [f"{i.expression}: {i.message}" for i in result.errors[:5]]
        yield f"validate-{size}-entries", elapsed, "s"
        yield f"validate-{size}-rate", size / elapsed, "resources/s"


def validate_cold() -> Iterator[Figure]:
    cache = _cache()
    env = {**os.environ, "XSHARE_FHIR_CACHE": str(cache), "PYTHONPATH": str(ROOT)}
    walls, inside = [], []
    for _ in range(3):
        started = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", _COLD_CHILD, str(cache / ALL_SECTIONS)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        ).stdout.split()
        walls.append(time.perf_counter() - started)
        inside.append(float(out[0]))
        assert out[1] == "0", "the all-sections example must validate without errors"
    yield "validate-cold-process-wall", statistics.median(walls), "s"
    yield "validate-cold-load-and-validate", statistics.median(inside), "s"


_MEMORY_CHILD = """
import resource, runpy, sys
sys.argv = ["xshare", "validate", "--cache", sys.argv[1], sys.argv[2]]
try:
    runpy.run_module("xshare_desktop", run_name="__main__")
except SystemExit:
    pass
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def _with_long_value(cache: Path, kind: str, size: int) -> dict[str, Any]:
    import base64

    bundle: dict[str, Any] = orjson.loads((cache / ALL_SECTIONS).read_bytes())
    patient = bundle["entry"][1]["resource"]
    if kind == "string":
        patient["name"][0]["text"] = "x" * size
    elif kind == "narrative":
        patient["text"]["div"] = (
            '<div xmlns="http://www.w3.org/1999/xhtml"><p>' + "y" * size + "</p></div>"
        )
    else:
        patient["photo"] = [
            {"contentType": "image/png", "data": base64.b64encode(bytes(size * 3 // 4)).decode()}
        ]
    return bundle


def validate_memory() -> Iterator[Figure]:
    from make_large import make_large_document

    cache = _cache()
    env = {**os.environ, "XSHARE_FHIR_CACHE": str(cache), "PYTHONPATH": str(ROOT)}
    size = 50_000_000
    documents: list[tuple[str, Any]] = [
        (f"{kind}-50MB", lambda kind=kind: _with_long_value(cache, kind, size))
        for kind in ("string", "narrative", "base64")
    ]
    documents.append(("5000-entries", lambda: make_large_document(5000, seed=0)))
    with tempfile.TemporaryDirectory(prefix="xshare-bench-memory-") as folder:
        for name, make in documents:
            path = Path(folder) / f"{name}.json"
            path.write_bytes(orjson.dumps(make()))
            child = subprocess.run(
                [sys.executable, "-c", _MEMORY_CHILD, str(cache), str(path)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
                check=True,
            )
            peak_mb = int(child.stderr.split()[-1]) / 1024  # ru_maxrss is in KiB on Linux
            file_mb = path.stat().st_size / 2**20
            yield f"validate-memory-{name}-peak", peak_mb, "MB"
            yield f"validate-memory-{name}-per-file-MB", peak_mb / file_mb, "x"
            path.unlink()


BENCHMARKS = {
    "validate-small": validate_small,
    "validate-5000": validate_5000,
    "validate-cold": validate_cold,
    "validate-memory": validate_memory,
}
