"""Detached, unencoded ES256 JWS: header, round trip, and every changed byte is caught."""

from __future__ import annotations

import base64
import datetime as dt
import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from signing_support import NOW, make_ca, make_identity, shared_ca, shared_identity

from xshare_desktop.core.signing.jws import sign_bytes, verify_detached
from xshare_desktop.core.signing.trust import TrustStore

PAYLOAD = '{"resourceType":"Bundle","note":"Lægedage. æøå"}\n'.encode()
TRUST = TrustStore(Path(tempfile.mkdtemp(prefix="xshare-trust-")))
TRUST.add_certificate(shared_ca()[1])
TOKEN = sign_bytes(PAYLOAD, shared_identity(), "application/fhir+json", signing_time=NOW)


def _header(token: str) -> dict[str, object]:
    part = token.split(".")[0]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def test_header_follows_rfc7797_and_jades_baseline_b() -> None:
    header = _header(TOKEN)
    assert header["alg"] == "ES256"
    assert header["b64"] is False
    assert header["crit"] == ["b64", "sigT"]
    assert header["cty"] == "application/fhir+json"
    assert header["sigT"] == "2026-11-27T12:00:00Z"
    assert header["iat"] == int(NOW.timestamp())
    assert len(header["x5c"]) == 2
    assert isinstance(header["x5t#S256"], str)
    assert TOKEN.split(".")[1] == "", "the payload must be detached"


def test_intact_and_trusted() -> None:
    check = verify_detached(PAYLOAD, TOKEN, TRUST, now=NOW)
    assert check.ok, check.problems
    assert check.signer == "Karen Testesen"
    assert check.signer_email == "karen@example.org"
    assert check.issuer == "Test CA"
    assert check.trust_anchor == "Test CA"
    assert check.signing_time == NOW
    assert check.status == "ok"


def test_untrusted_issuer_is_intact_but_not_ok(tmp_path: Path) -> None:
    check = verify_detached(PAYLOAD, TOKEN, TrustStore(tmp_path), now=NOW)
    assert check.intact
    assert not check.trusted
    assert check.status == "untrusted"
    assert "Test CA" in (check.untrusted_reason or "")


def test_signature_over_different_bytes_fails() -> None:
    check = verify_detached(PAYLOAD + b" ", TOKEN, TRUST, now=NOW)
    assert not check.intact
    assert check.status == "failed"


def test_other_signers_token_for_same_bytes_is_judged_on_its_own() -> None:
    other_ca = make_ca("Other CA")
    token = sign_bytes(
        PAYLOAD, make_identity("Mallory", issuer=other_ca), "text/plain", signing_time=NOW
    )
    check = verify_detached(PAYLOAD, token, TRUST, now=NOW)
    assert check.intact and not check.trusted and check.signer == "Mallory"


def test_expired_certificate_fails() -> None:
    identity = make_identity(
        not_after=NOW - dt.timedelta(days=1), not_before=NOW - dt.timedelta(days=400)
    )
    token = sign_bytes(PAYLOAD, identity, "text/plain", signing_time=NOW - dt.timedelta(days=10))
    check = verify_detached(PAYLOAD, token, TRUST, now=NOW)
    assert check.intact and check.trusted
    assert check.valid_at_signing and not check.valid_now
    assert check.status == "failed"
    assert any("expired" in p for p in check.problems)


def test_signed_outside_validity_fails() -> None:
    identity = make_identity(not_before=NOW - dt.timedelta(days=1))
    token = sign_bytes(PAYLOAD, identity, "text/plain", signing_time=NOW - dt.timedelta(days=5))
    check = verify_detached(PAYLOAD, token, TRUST, now=NOW)
    assert not check.valid_at_signing
    assert check.status == "failed"


def test_future_signing_time_fails() -> None:
    token = sign_bytes(
        PAYLOAD, shared_identity(), "text/plain", signing_time=NOW + dt.timedelta(days=2)
    )
    check = verify_detached(PAYLOAD, token, TRUST, now=NOW)
    assert check.status == "failed"
    assert any("future" in p for p in check.problems)


def test_issuer_that_is_not_a_ca_is_not_trusted(tmp_path: Path) -> None:
    fake_ca = make_ca("Not A CA", ca=False)
    identity = make_identity(issuer=fake_ca)
    token = sign_bytes(PAYLOAD, identity, "text/plain", signing_time=NOW)
    store = TrustStore(tmp_path)
    store.add_certificate(fake_ca[1])
    check = verify_detached(PAYLOAD, token, store, now=NOW)
    assert not check.trusted
    assert check.status == "failed"


def _forge_header(token: str, **changes: object) -> str:
    header = _header(token)
    header.update(changes)
    encoded = base64.urlsafe_b64encode(json.dumps(header).encode()).rstrip(b"=").decode()
    return ".".join([encoded, *token.split(".")[1:]])


def test_alg_none_and_hmac_are_refused() -> None:
    for alg in ("none", "HS256", "ES384"):
        check = verify_detached(PAYLOAD, _forge_header(TOKEN, alg=alg), TRUST, now=NOW)
        assert check.status == "failed"
        assert "ES256" in check.problems[0]


def test_swapped_certificate_chain_is_refused() -> None:
    other = make_identity("Someone Else")
    forged = _forge_header(TOKEN, x5c=_header(sign_bytes(b"x", other, "text/plain"))["x5c"])
    check = verify_detached(PAYLOAD, forged, TRUST, now=NOW)
    assert not check.intact


def test_embedded_payload_is_not_accepted_as_detached() -> None:
    head, _, signature = TOKEN.split(".")
    check = verify_detached(PAYLOAD, f"{head}.eyJ4IjoxfQ.{signature}", TRUST, now=NOW)
    assert not check.intact
    assert "damaged" in check.problems[0]


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_one_changed_byte_anywhere_fails(data: st.DataObject) -> None:
    target = data.draw(st.sampled_from(["payload", "header", "signature"]))
    if target == "payload":
        position = data.draw(st.integers(0, len(PAYLOAD) - 1))
        flip = data.draw(st.integers(1, 255))
        changed = bytearray(PAYLOAD)
        changed[position] ^= flip
        check = verify_detached(bytes(changed), TOKEN, TRUST, now=NOW)
    else:
        head, _, signature = TOKEN.split(".")
        part = head if target == "header" else signature
        position = data.draw(st.integers(0, len(part) - 1))
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        replacement = data.draw(st.sampled_from(alphabet.replace(part[position], "")))
        part = part[:position] + replacement + part[position + 1 :]
        # The last base64url character may carry unused bits: changing only those is no change.
        rebuilt = f"{part}..{signature}" if target == "header" else f"{head}..{part}"
        if _decodes_same(part, head if target == "header" else signature):
            return
        check = verify_detached(PAYLOAD, rebuilt, TRUST, now=NOW)
    assert not check.ok
    assert check.status == "failed"


def _decodes_same(changed: str, original: str) -> bool:
    def decode(text: str) -> bytes | None:
        try:
            return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        except ValueError:
            return None

    return decode(changed) == decode(original)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_garbage_tokens_never_crash(token: str) -> None:
    check = verify_detached(PAYLOAD, token, TRUST, now=NOW)
    assert not check.intact
