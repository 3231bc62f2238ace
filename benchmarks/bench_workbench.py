"""Workbench content tests: serial vs thread pool vs process pool on the same folder.

``workbench-content-*`` validates 6 copies (XSHARE_BENCH_COPIES) of each sample IPS document against IPS and reports
wall-clock seconds and documents per second for each executor (each run in a fresh
interpreter, so the figures include loading the packages, and for processes starting the workers).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_PACKAGES = ROOT.parent / "shared" / "fhir-packages"
COPIES = int(os.environ.get("XSHARE_BENCH_COPIES", "6"))


def _ensure_cache() -> None:
    if os.environ.get("XSHARE_FHIR_CACHE"):
        return
    from xshare_desktop.core.fhir_packages.cache import PackageCache

    cache = Path(tempfile.mkdtemp(prefix="xshare-bench-fhir-"))
    store = PackageCache(cache)
    for tgz in sorted(SHARED_PACKAGES.glob("*.tgz")):
        store.install_tgz(tgz)
    os.environ["XSHARE_FHIR_CACHE"] = str(cache)


def _folder() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="xshare-bench-docs-"))
    samples = sorted((ROOT / "samples").glob("ips-*.json"))
    for copy in range(COPIES):
        for sample in samples:
            shutil.copy(sample, folder / f"{copy}-{sample.name}")
    return folder


_CHILD = """
import sys, time
from xshare_desktop.core.workbench.content_tests import validate_folder
started = time.perf_counter()
run = validate_folder(sys.argv[1], ["ips"], executor=sys.argv[2])
print(time.perf_counter() - started, len(run.reports), run.workers)
"""


def _run(kind: str) -> Iterator[tuple[str, float, str]]:
    """Each executor in a fresh interpreter, so no run profits from another's warm caches."""
    _ensure_cache()
    folder = _folder()
    try:
        out = subprocess.run(
            [sys.executable, "-c", _CHILD, str(folder), kind],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        ).stdout.split()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    elapsed, count, workers = float(out[0]), int(out[1]), int(out[2])
    yield f"workbench-content-{kind}-{count}-docs", round(elapsed, 3), "s"
    yield f"workbench-content-{kind}-rate", round(count / elapsed, 1), "documents/s"
    yield f"workbench-content-{kind}-workers", float(workers), "workers"


def bench_serial() -> Iterator[tuple[str, float, str]]:
    yield from _run("serial")


def bench_thread() -> Iterator[tuple[str, float, str]]:
    yield from _run("thread")


def bench_process() -> Iterator[tuple[str, float, str]]:
    yield from _run("process")


BENCHMARKS = {
    "workbench-content-serial": bench_serial,
    "workbench-content-thread": bench_thread,
    "workbench-content-process": bench_process,
}
