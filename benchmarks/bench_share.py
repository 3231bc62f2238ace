"""Sharing: apply a selection to the 42-entry IPS example and write JSON (and PDF).

``share-small-json``: selection + pseudonymisation-free JSON output, median of 20 runs (goal
< 200 ms). ``share-small-pdf``: the same plus the PDF through Qt (goal < 1 s), median of 5
runs after one warm-up that creates the offscreen Qt application. ``share-large`` runs the
same on a generated 5,000-entry document (no goal; it shows how the work scales).
"""

from __future__ import annotations

import statistics
import tarfile
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

Figure = tuple[str, float, str]
ROOT = Path(__file__).resolve().parent.parent
SHARED_PACKAGES = ROOT.parent / "shared" / "fhir-packages"
EXAMPLE = "package/example/Bundle-bundle-ips-all-sections.json"
SELECTION_EXCLUDE = (
    "section:10160-0",
    "section:30954-2",
    "Practitioner/816cf057-b736-4e08-baed-cc21e081b784",
    "Patient.address",
    "Patient.telecom",
)


def _example() -> dict[str, Any]:
    from xshare_desktop.core.paths import fhir_package_cache

    cached = fhir_package_cache() / "hl7.fhir.uv.ips#2.0.0" / EXAMPLE
    if cached.is_file():
        return orjson.loads(cached.read_bytes())  # type: ignore[no-any-return]
    tarball = next(SHARED_PACKAGES.glob("hl7.fhir.uv.ips-2.0.0.tgz"))
    with tarfile.open(tarball) as tar:
        member = tar.extractfile(EXAMPLE)
        assert member is not None
        return orjson.loads(member.read())  # type: ignore[no-any-return]


def _timed(runs: int, work: Any) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def share_small() -> Iterator[Figure]:
    from xshare_desktop.core.sharing.selection import Selection
    from xshare_desktop.core.sharing.writer import ShareOptions, share
    from xshare_desktop.render.share_pdf import render_share_pdf

    document = _example()
    assert len(document["entry"]) == 42
    selection = Selection(exclude=SELECTION_EXCLUDE, year_only=("Patient.birthDate",))
    with tempfile.TemporaryDirectory() as folder:

        def json_only() -> None:
            share(document, selection, ShareOptions(overwrite=True), folder)

        def with_pdf() -> None:
            share(
                document,
                selection,
                ShareOptions(formats=("fhir-json", "pdf"), overwrite=True),
                folder,
                pdf_renderer=render_share_pdf,
            )

        json_only()
        yield ("share-small-json", _timed(20, json_only), "ms")
        with_pdf()
        yield ("share-small-pdf", _timed(5, with_pdf), "ms")


def share_large() -> Iterator[Figure]:
    """The same selection logic on a generated 5,000-entry document (median of 3)."""
    from make_large import make_large_document

    from xshare_desktop.core.sharing.selection import Selection
    from xshare_desktop.core.sharing.writer import ShareOptions, share

    document = make_large_document(5000, 1)
    selection = Selection(exclude=("section:30954-2",))
    with tempfile.TemporaryDirectory() as folder:
        yield (
            "share-large-json",
            _timed(3, lambda: share(document, selection, ShareOptions(overwrite=True), folder)),
            "ms",
        )
        pseudonymised = ShareOptions(pseudonymise=True, language="en", overwrite=True)
        yield (
            "share-large-json-pseudonymised-translated",
            _timed(3, lambda: share(document, selection, pseudonymised, folder)),
            "ms",
        )


BENCHMARKS = {"share-small": share_small, "share-large": share_large}
