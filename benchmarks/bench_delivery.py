"""``delivery``: the Yellow Button's last step on a sample IPS, from the document to what is handed over.

Each figure is the best of 5 runs of ``core.sharing.delivery.share_and_deliver`` on
``samples/ips-karen-testesen.json`` with FHIR JSON only (the PDF renderer is
measured by the ``share-*`` benchmarks): plain files; signed; signed and
password-protected (PBES2, 600,000 iterations per file); one signed,
protected package; and a signed SMART Health Link served by the local host.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson

from xshare_desktop.core.sharing import delivery
from xshare_desktop.core.sharing.selection import Selection
from xshare_desktop.core.sharing.writer import ShareOptions
from xshare_desktop.core.shl import app_host
from xshare_desktop.core.signing import keys

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "ips-karen-testesen.json"
PASSWORD = "Rødgrød med fløde"
RUNS = 5


def _best_ms(run: Callable[[], Any]) -> float:
    best = float("inf")
    for _ in range(RUNS):
        started = time.perf_counter()
        run()
        best = min(best, (time.perf_counter() - started) * 1000)
    return best


def bench_delivery() -> Iterator[tuple[str, float, str]]:
    raw = orjson.loads(SAMPLE.read_bytes())
    identity = (
        keys.load_identity("benchmark passphrase")
        if keys.has_identity()
        else keys.create_identity("Karen Testesen", "benchmark passphrase", use_demo_ca=True)
    )
    plans: dict[str, delivery.DownloadOptions | delivery.LinkDelivery] = {
        "delivery-files": delivery.DownloadOptions(),
        "delivery-signed": delivery.DownloadOptions(sign=True),
        "delivery-signed-protected": delivery.DownloadOptions(sign=True, password=PASSWORD),
        "delivery-package-signed-protected": delivery.DownloadOptions(
            sign=True, password=PASSWORD, package=True
        ),
        "delivery-link-signed": delivery.LinkDelivery(sign=True),
    }
    try:
        for name, plan in plans.items():

            def run(plan: delivery.DownloadOptions | delivery.LinkDelivery = plan) -> None:
                out = Path(tempfile.mkdtemp(prefix="xshare-bench-out-"))
                try:
                    delivery.share_and_deliver(
                        raw,
                        Selection(),
                        ShareOptions(formats=("fhir-json",)),
                        plan,
                        out_dir=out,
                        identity=identity,
                    )
                finally:
                    shutil.rmtree(out, ignore_errors=True)

            yield name, round(_best_ms(run), 1), "ms"
    finally:
        app_host.stop_link_host()


BENCHMARKS = {"delivery": bench_delivery}
