"""Issue 18: large documents against the orjson parse of the same file, in the same run.

``large-20000`` writes the 20,000-entry document of ``make_large.py`` (about 39 MB), times
``orjson.loads`` of its bytes (median of 3, in this process), then runs the real CLI in fresh
processes on it (``xshare show``, ``xshare validate``, ``xshare share``), each once, with its
wall time, its ratio to the parse and its peak resident memory against the file's size.
``validate-many`` validates 6 generated 1,000-entry documents (about 2 MB each) with
``--jobs 1`` and with one job per core (median of 3 each) and prints the speed-up.
Set ``XSHARE_BENCH_LARGE_ENTRIES`` for another size.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import orjson

Figure = tuple[str, float, str]
ROOT = Path(__file__).resolve().parent.parent
SHARED_PACKAGES = ROOT.parent / "shared" / "fhir-packages"


def _cache() -> Path:
    from xshare_desktop.core.fhir_packages import PackageCache

    cache = Path(tempfile.mkdtemp(prefix="xshare-bench-cache-"))
    store = PackageCache(cache)
    for tgz in sorted(SHARED_PACKAGES.glob("*.tgz")):
        store.install_tgz(tgz)
    # The index is built once, outside the timings, in a child (see _parse_time).
    build = "import sys; from xshare_desktop.core.fhir_packages import ConformanceContext as C; "
    subprocess.run(
        [sys.executable, "-c", build + "C.load(cache=sys.argv[1])", str(cache)],
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return cache


def _cli(args: list[str], cache: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one fresh ``xshare`` process."""
    env = {**os.environ, "XSHARE_FHIR_CACHE": str(cache), "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "xshare_desktop", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"xshare {' '.join(args)} exited {proc.returncode}: {stderr}")
    return wall, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


_PARSE = """
import statistics, sys, time, orjson
data = open(sys.argv[1], "rb").read()
times = []
for _ in range(3):
    started = time.perf_counter()
    orjson.loads(data)
    times.append(time.perf_counter() - started)
print(statistics.median(times))
"""


def _parse_time(path: Path) -> float:
    # In a child, like the file itself: a child forked from a parent that held the document
    # would count the parent's memory in its own peak (getrusage keeps it across exec).
    out = subprocess.run(
        [sys.executable, "-c", _PARSE, str(path)], capture_output=True, text=True, check=True
    )
    return float(out.stdout)


def large() -> Iterator[Figure]:
    entries = int(os.environ.get("XSHARE_BENCH_LARGE_ENTRIES", "20000"))
    cache = _cache()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"large-{entries}.json"
        # The file `make_large.py N FILE` writes (the 39 MB at 20,000 entries).
        subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "make_large.py"), str(entries), str(path)],
            check=True,
            capture_output=True,
        )
        size_mb = path.stat().st_size / 1e6
        parse = _parse_time(path)
        yield f"large-{entries}-file-size", size_mb, "MB"
        yield f"large-{entries}-orjson-parse", parse * 1000, "ms"
        commands = {
            "show": ["show", str(path)],
            "validate": ["validate", str(path), "--format", "json"],
            "share": ["share", str(path), "--out", str(Path(folder) / "out"), "--overwrite"],
        }
        for name, args in commands.items():
            wall, peak = _cli(args, cache)
            yield f"large-{entries}-{name}-time", wall * 1000, "ms"
            yield f"large-{entries}-{name}-vs-parse", wall / parse, "x"
            yield f"large-{entries}-{name}-peak-vs-file", peak / size_mb, "x"
            if name == "validate":
                yield f"large-{entries}-validate-rate", entries / wall, "resources/s"
    shutil.rmtree(cache, ignore_errors=True)


def validate_many() -> Iterator[Figure]:
    from xshare_desktop.core.validation.checking import available_cores

    cache = _cache()
    with tempfile.TemporaryDirectory() as folder:
        many = Path(folder) / "many"
        many.mkdir()
        from make_large import make_large_document

        for n in range(6):
            document = make_large_document(1000, n)
            (many / f"large-{n}.json").write_bytes(orjson.dumps(document))
        cores = available_cores()
        serial = statistics.median(
            _cli(["validate", "--jobs", "1", str(many)], cache)[0] for _ in range(3)
        )
        pooled = statistics.median(
            _cli(["validate", "--jobs", str(cores), str(many)], cache)[0] for _ in range(3)
        )
    shutil.rmtree(cache, ignore_errors=True)
    yield "validate-many-6x1000-entries-jobs-1", serial * 1000, "ms"
    yield f"validate-many-6x1000-entries-jobs-{cores}", pooled * 1000, "ms"
    yield "validate-many-speedup", serial / pooled, "x"


BENCHMARKS = {"large-20000": large, "validate-many": validate_many}
