"""FHIR packages and input reading: index build and load, definition lookups, positions, XML.

``packages-load`` builds the per-package indexes in a fresh cache (first use), then loads the
default context in fresh processes (what every ``xshare validate`` pays) and fetches the
StructureDefinitions an IPS document needs. ``fhir-io`` measures the JSON position scanner on a
~10 MB document and the XML reader on the bundled XML sample.
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

import orjson

Figure = tuple[str, float, str]
ROOT = Path(__file__).resolve().parent.parent
SHARED_PACKAGES = ROOT.parent / "shared" / "fhir-packages"
ALL_SECTIONS = "hl7.fhir.uv.ips#2.0.0/package/example/Bundle-bundle-ips-all-sections.json"
XML_SAMPLE = ROOT / "samples" / "xml" / "ips-bent-eksempelsen.xml"

_CHILD = """
import time, sys
started = time.perf_counter()
from xshare_desktop.core.fhir_packages import ConformanceContext
context = ConformanceContext.load()
loaded = time.perf_counter()
import orjson
bundle = orjson.loads(open(sys.argv[1], "rb").read())
types = {e["resource"]["resourceType"] for e in bundle["entry"]}
urls = {p for e in bundle["entry"] for p in e["resource"].get("meta", {}).get("profile", [])}
names = sorted(types) + sorted(urls) + ["Bundle", "http://hl7.org/fhir/uv/ips/StructureDefinition/Bundle-uv-ips",
    "Extension", "CodeableConcept", "Coding", "Reference", "Identifier", "HumanName", "Address",
    "ContactPoint", "Period", "Quantity", "Narrative", "Meta", "Dosage", "Timing", "Annotation",
    "string", "uri", "code", "dateTime", "date", "boolean", "id", "instant", "decimal"]
found = sum(1 for n in names if context.structure_definition(n) is not None)
done = time.perf_counter()
print(loaded - started, done - loaded, found)
"""


def _fresh_cache() -> Path:
    from xshare_desktop.core.fhir_packages import PackageCache

    cache = Path(tempfile.mkdtemp(prefix="xshare-bench-cache-"))
    store = PackageCache(cache)
    for tgz in sorted(SHARED_PACKAGES.glob("*.tgz")):
        store.install_tgz(tgz)
    return cache


def packages_load() -> Iterator[Figure]:
    from xshare_desktop.core.fhir_packages import ConformanceContext

    cache = _fresh_cache()
    started = time.perf_counter()
    ConformanceContext.load(cache=cache)  # builds and stores every index
    yield "packages-index-build", (time.perf_counter() - started) * 1000, "ms"
    env = {**os.environ, "XSHARE_FHIR_CACHE": str(cache), "PYTHONPATH": str(ROOT)}
    loads, lookups = [], []
    for _ in range(5):
        out = subprocess.run(
            [sys.executable, "-c", _CHILD, str(cache / ALL_SECTIONS)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        ).stdout.split()
        loads.append(float(out[0]))
        lookups.append(float(out[1]))
        definitions = int(out[2])
    yield "packages-load-fresh-process", statistics.median(loads) * 1000, "ms"
    yield f"packages-first-fetch-{definitions}-definitions", statistics.median(lookups) * 1000, "ms"


def fhir_io() -> Iterator[Figure]:
    from xshare_desktop.core.fhir_packages import ConformanceContext
    from xshare_desktop.core.fhir_xml import read_fhir_xml
    from xshare_desktop.core.json_positions import json_positions

    cache = Path(os.environ.get("XSHARE_FHIR_CACHE") or _fresh_cache())
    bundle = orjson.loads((cache / ALL_SECTIONS).read_bytes())
    entries = bundle["entry"]
    big = {**bundle, "entry": [entries[i % len(entries)] for i in range(3000)]}
    data = orjson.dumps(big, option=orjson.OPT_INDENT_2)
    started = time.perf_counter()
    positions = json_positions(data)
    count = len(positions)
    elapsed = time.perf_counter() - started
    yield f"json-positions-{len(data) / 1e6:.1f}MB-{count}-locations", elapsed * 1000, "ms"

    xml = XML_SAMPLE.read_bytes()
    context = ConformanceContext.load(cache=cache)
    read_fhir_xml(xml, context)  # warm: definitions parsed once
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        read_fhir_xml(xml, context)
        runs.append(time.perf_counter() - started)
    yield f"xml-read-{XML_SAMPLE.stem}-{len(xml) // 1024}KB", statistics.median(runs) * 1000, "ms"


BENCHMARKS = {"packages-load": packages_load, "fhir-io": fhir_io}
