"""Signing benchmarks: ES256 detached JWS, verification, PBES2 at 600,000 iterations, packages."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from xshare_desktop.core.signing import keys
from xshare_desktop.core.signing.jws import sign_bytes, verify_detached
from xshare_desktop.core.signing.password import protect_bytes, unprotect_bytes
from xshare_desktop.core.signing.trust import TrustStore
from xshare_desktop.core.signing.xshare_package import build_package_bytes

Figure = tuple[str, float, str]
DOCUMENT = (
    b'{"resourceType": "Bundle", "entry": [' + '{"x": "Lægedage"},'.encode() * 50_000 + b"{}]}"
)


def _best_ms(action: Callable[[], object], repeats: int = 5) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def bench_signing() -> Iterator[Figure]:
    identity = keys.create_identity("Bench Person", "bench passphrase", overwrite=True)
    store = TrustStore()
    store.add_certificate(identity.chain[-1])
    token = sign_bytes(DOCUMENT, identity, "application/fhir+json")
    size_mb = len(DOCUMENT) / 1_000_000
    yield (
        f"sign-es256-{size_mb:.1f}MB",
        _best_ms(lambda: sign_bytes(DOCUMENT, identity, "x")),
        "ms",
    )
    yield (
        f"verify-es256-{size_mb:.1f}MB",
        _best_ms(lambda: verify_detached(DOCUMENT, token, store)),
        "ms",
    )
    yield (
        "package-signed-2-files",
        _best_ms(
            lambda: build_package_bytes(
                {"a.json": DOCUMENT, "b.json": DOCUMENT[:1000]}, signer=identity
            )
        ),
        "ms",
    )


def bench_pbes2() -> Iterator[Figure]:
    password = "benchmark password"
    protected = protect_bytes(b"small", password, "text/plain")
    yield (
        "pbes2-600k-protect",
        _best_ms(lambda: protect_bytes(b"small", password, "text/plain"), 3),
        "ms",
    )
    yield ("pbes2-600k-unprotect", _best_ms(lambda: unprotect_bytes(protected, password), 3), "ms")


BENCHMARKS = {"signing": bench_signing, "signing-pbes2": bench_pbes2}
