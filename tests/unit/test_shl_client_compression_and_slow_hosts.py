"""The SHL consumer: files other providers compress, and hosts that never finish."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from jwcrypto import jwe as jose_jwe
from jwcrypto import jwk

from tests.unit.trickle_host import TrickleHost, running_trickle_host
from xshare_desktop.core.shl import client, jwe
from xshare_desktop.core.shl.payload import b64url_encode, build_payload, encode_uri

KEY = secrets.token_bytes(32)
SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _foreign_jwe(plaintext: bytes, *, compress: bool = True) -> str:
    """A file as another SHL provider writes it: always zip: DEF, whatever the size."""
    header = {"alg": "dir", "enc": "A256GCM", "cty": "application/fhir+json"}
    if compress:
        header["zip"] = "DEF"
    token = jose_jwe.JWE(plaintext, protected=json.dumps(header))
    token.add_recipient(jwk.JWK(kty="oct", k=b64url_encode(KEY)))
    return str(token.serialize(compact=True))


def _large_document() -> bytes:
    """FHIR JSON with random ids, so it deflates to well over jwcrypto's 256 KiB default."""
    sample = json.loads((SAMPLES / "ips-bent-eksempelsen.json").read_text(encoding="utf-8"))
    sample["entry"] += [
        {
            "fullUrl": f"urn:uuid:{i}",
            "resource": {"resourceType": "Basic", "id": secrets.token_hex(24)},
        }
        for i in range(12_000)
    ]
    return json.dumps(sample).encode()


def test_compressed_file_above_256_kib_from_another_provider_opens() -> None:
    """Found in review: such a file was refused as a 'decompression bomb'."""
    document = _large_document()
    token = _foreign_jwe(document)
    compressed_size = len(token) * 3 // 4
    assert compressed_size > 256 * 1024  # the case that used to fail
    assert jwe.decrypt(token, KEY).plaintext == document


def test_decompression_bomb_is_still_refused() -> None:
    token = _foreign_jwe(b"\0" * (80 * 1024 * 1024))
    with pytest.raises(jwe.OversizedContent, match="decompression bomb"):
        jwe.decrypt(token, KEY)


@pytest.fixture()
def drip_host() -> Iterator[TrickleHost]:
    with running_trickle_host(b"application/jose", b"", b"e") as host:
        yield host


def test_a_host_that_drips_bytes_is_given_up_on(
    drip_host: TrickleHost, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found in review: the socket timeout restarts with every byte, so a slow host hung the app."""
    monkeypatch.setattr(client, "TRANSFER_DEADLINE", 0.5)
    url = f"http://127.0.0.1:{drip_host.port}/shl/direct"
    link = encode_uri(build_payload(url=url, key=KEY, flags="U"))
    with pytest.raises(client.HostUnreachable, match="too slowly"):
        client.retrieve(link, recipient="review test", timeout=5)
