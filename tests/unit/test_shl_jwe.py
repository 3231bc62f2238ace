"""SHL file encryption: compact JWE dir/A256GCM with cty and zip DEF."""

from __future__ import annotations

import os
import zlib

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jwcrypto import jwe as jose_jwe
from jwcrypto import jwk

from xshare_desktop.core.shl import jwe
from xshare_desktop.core.shl.payload import b64url_decode, b64url_encode

KEY = bytes(range(32))
DOC = orjson.dumps({"resourceType": "Bundle", "type": "document", "entry": []})


def test_header_is_exactly_what_the_spec_asks() -> None:
    token = jwe.encrypt(DOC, KEY, "application/fhir+json")
    parts = token.split(".")
    assert len(parts) == 5 and parts[1] == ""
    assert orjson.loads(b64url_decode(parts[0])) == {
        "alg": "dir",
        "enc": "A256GCM",
        "cty": "application/fhir+json",
        "zip": "DEF",
    }
    assert len(b64url_decode(parts[2])) == 12  # 96-bit GCM IV


def test_every_encryption_draws_a_fresh_iv() -> None:
    ivs = {jwe.encrypt(DOC, KEY, "application/fhir+json").split(".")[2] for _ in range(20)}
    assert len(ivs) == 20


def test_compressed_payload_is_raw_deflate() -> None:
    token = jwe.encrypt(DOC * 50, KEY, "application/fhir+json")
    parsed = jose_jwe.JWE()
    parsed.deserialize(token)
    # Decrypt without inflating, by hand, to see the raw DEFLATE stream.
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header_b64, _, iv, ciphertext, tag = token.split(".")
    raw = AESGCM(KEY).decrypt(
        b64url_decode(iv), b64url_decode(ciphertext) + b64url_decode(tag), header_b64.encode()
    )
    assert zlib.decompress(raw, wbits=-zlib.MAX_WBITS) == DOC * 50


@settings(max_examples=40)
@given(
    st.binary(min_size=1, max_size=5000),
    st.sampled_from(["application/fhir+json", "application/smart-health-card"]),
)
def test_round_trip(data: bytes, content_type: str) -> None:
    token = jwe.encrypt(data, KEY, content_type)
    result = jwe.decrypt(token, KEY)
    assert result.plaintext == data and result.content_type == content_type


def test_other_jose_libraries_can_read_ours() -> None:
    token = jwe.encrypt(DOC, KEY, "application/fhir+json")
    parsed = jose_jwe.JWE()
    parsed.deserialize(token, key=jwk.JWK(kty="oct", k=b64url_encode(KEY)))
    assert parsed.payload == DOC


def test_wrong_key_and_tampering_are_refused() -> None:
    token = jwe.encrypt(DOC, KEY, "application/fhir+json")
    with pytest.raises(jwe.BadEncryptedFile, match="changed on the way"):
        jwe.decrypt(token, os.urandom(32))
    header, empty, iv, ciphertext, tag = token.split(".")
    flipped = ("B" if ciphertext[5] == "A" else "A").join([ciphertext[:5], ciphertext[6:]])
    with pytest.raises(jwe.BadEncryptedFile):
        jwe.decrypt(".".join([header, empty, iv, flipped, tag]), KEY)
    with pytest.raises(jwe.BadEncryptedFile, match="five parts"):
        jwe.decrypt("abc.def", KEY)


def test_other_algorithms_are_refused() -> None:
    header = b64url_encode(orjson.dumps({"alg": "A256KW", "enc": "A256GCM", "cty": "x"}))
    with pytest.raises(jwe.BadEncryptedFile, match="dir/A256GCM"):
        jwe.decrypt(header + ".a.b.c.d", KEY)
    header = b64url_encode(orjson.dumps({"alg": "dir", "enc": "A256GCM", "cty": 5}))
    with pytest.raises(jwe.BadEncryptedFile, match="damaged cty"):
        jwe.decrypt(header + "..b.c.d", KEY)


def test_a_file_without_cty_decrypts_and_says_so() -> None:
    """SHL STU1 files carry cty, but published links of other implementations carry only
    {alg, enc, kid}; the manifest's contentType says what the file is (domain.md section 8).
    Be liberal in what we read: decrypt it and report the cty as not stated."""
    token = jose_jwe.JWE(
        b'{"resourceType":"Bundle"}',
        protected=orjson.dumps({"alg": "dir", "enc": "A256GCM", "kid": "k1"}).decode(),
    )
    token.add_recipient(jwk.JWK(kty="oct", k=b64url_encode(KEY)))
    decrypted = jwe.decrypt(token.serialize(compact=True), KEY)
    assert decrypted.content_type is None
    assert decrypted.plaintext == b'{"resourceType":"Bundle"}'


def test_decompression_bomb_is_refused() -> None:
    bomb = bytes(20 * 1024 * 1024)  # compresses to about 20 KB
    token = jwe.encrypt(bomb, KEY, "application/fhir+json")
    assert len(token) < 100_000
    with pytest.raises(jwe.OversizedContent, match="decompression bomb"):
        jwe.decrypt(token, KEY, max_plaintext=1024 * 1024)


def test_incompressible_large_files_are_sent_without_zip() -> None:
    # jwcrypto refuses compressed data over 256 KiB, so such files must go uncompressed.
    data = os.urandom(300 * 1024)
    token = jwe.encrypt(data, KEY, "application/fhir+json")
    assert "zip" not in jwe.read_header(token)
    assert jwe.decrypt(token, KEY).plaintext == data
