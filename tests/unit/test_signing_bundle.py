"""Bundle.signature: canonical form, byte-preserving insertion, tamper detection."""

from __future__ import annotations

import base64
import datetime as dt
import json
import tempfile
from pathlib import Path

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from signing_support import NOW, shared_ca, shared_identity

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.signing.bundle_signature import sign_bundle, verify_bundle
from xshare_desktop.core.signing.canonical import bundle_signing_input
from xshare_desktop.core.signing.trust import TrustStore

TRUST = TrustStore(Path(tempfile.mkdtemp(prefix="xshare-trust-")))
TRUST.add_certificate(shared_ca()[1])

RAW = b"""{
  "resourceType": "Bundle",
  "id": "ips-1",
  "meta": {"lastUpdated": "2026-11-01T10:00:00+01:00"},
  "identifier": {"system": "urn:ietf:rfc:3986", "value": "urn:uuid:0c3151bd-1cbf-4d64-b04d-cd9187a4c6e0"},
  "type": "document",
  "timestamp": "2026-11-01T10:00:00+01:00",
  "entry": [
    {"fullUrl": "urn:uuid:pat-1", "resource": {"resourceType": "Patient", "id": "pat-1",
      "name": [{"family": "Testesen", "given": ["Karen"]}]}},
    {"fullUrl": "urn:uuid:obs-1", "resource": {"resourceType": "Observation", "id": "obs-1",
      "status": "final", "valueQuantity": {"value": 1.50, "unit": "mmol/L"}}}
  ]
}
"""
SIGNED = sign_bundle(RAW, shared_identity(), signing_time=NOW)


def test_signature_element_is_r4_shaped() -> None:
    signature = orjson.loads(SIGNED)["signature"]
    assert signature["type"][0]["code"] == "1.2.840.10065.1.12.1.1"
    assert signature["type"][0]["system"] == "urn:iso-astm:E1762-95:2013"
    assert signature["when"] == "2026-11-27T12:00:00Z"
    assert signature["who"] == {"reference": "urn:uuid:pat-1", "display": "Karen Testesen"}
    assert signature["sigFormat"] == "application/jose"
    token = base64.b64decode(signature["data"]).decode()
    assert token.count(".") == 2 and token.split(".")[1] == ""


def test_original_bytes_are_kept() -> None:
    assert b'"value": 1.50' in SIGNED, "decimal precision must survive signing"
    assert SIGNED.startswith(RAW.rstrip()[:-1].rstrip())


def test_verifies_and_survives_id_and_meta_changes() -> None:
    assert verify_bundle(SIGNED, TRUST, now=NOW).ok
    tree = json.loads(SIGNED)
    tree["id"] = "stored-by-server"
    tree["meta"] = {"versionId": "7"}
    reserialised = json.dumps(tree, indent=4, ensure_ascii=False).encode()
    assert verify_bundle(reserialised, TRUST, now=NOW).ok


def test_changed_content_fails() -> None:
    changed = SIGNED.replace(b'"Karen"', b'"Karin"')
    check = verify_bundle(changed, TRUST, now=NOW)
    assert not check.intact


def test_changed_signer_reference_or_time_fails() -> None:
    for old, new in (
        (b'"urn:uuid:pat-1", "display"', b'"urn:uuid:obs-1", "display"'),
        (b'"when":"2026-11-27T12', b'"when":"2025-11-27T12'),
    ):
        tree = orjson.loads(SIGNED)
        text = orjson.dumps(tree).replace(old.replace(b", ", b","), new.replace(b", ", b","))
        assert text != orjson.dumps(tree)
        assert not verify_bundle(text, TRUST, now=NOW).intact


def test_already_signed_is_refused() -> None:
    with pytest.raises(UserFacingError, match="already"):
        sign_bundle(SIGNED, shared_identity())


def test_not_a_bundle_is_refused() -> None:
    with pytest.raises(UserFacingError, match="not a FHIR Bundle"):
        sign_bundle(b'{"resourceType": "Patient"}', shared_identity())


def test_canonical_form_is_jcs_without_id_meta_signature() -> None:
    tree = {
        "resourceType": "Bundle",
        "id": "x",
        "meta": {},
        "signature": {"when": "2026", "data": "abc"},
        "b": 1.0,
        "a": "é",
    }
    expected = '{"a":"é","b":1,"resourceType":"Bundle","signature":{"when":"2026"}}'
    assert bundle_signing_input(tree) == expected.encode()


def test_unsafe_integers_are_explained() -> None:
    with pytest.raises(UserFacingError, match="canonical"):
        bundle_signing_input({"resourceType": "Bundle", "n": 2**60})


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_one_changed_byte_in_signed_bundle_is_caught(data: st.DataObject) -> None:
    position = data.draw(st.integers(0, len(SIGNED) - 1))
    replacement = data.draw(st.integers(0, 255).filter(lambda b: b != SIGNED[position]))
    changed = bytearray(SIGNED)
    changed[position] = replacement
    try:
        check = verify_bundle(bytes(changed), TRUST, now=NOW)
    except UserFacingError:
        return  # no longer JSON or no longer a Bundle: refused outright
    if _same_meaning_outside_signed_part(bytes(changed)):
        return
    assert not check.ok


def _same_meaning_outside_signed_part(changed: bytes) -> bool:
    """Whitespace, id and meta are outside the signed form by design (docs/signing.md)."""
    try:
        tree = orjson.loads(changed)
    except orjson.JSONDecodeError:
        return False
    original = orjson.loads(SIGNED)
    if not isinstance(tree, dict):
        return False
    if not isinstance(tree.get("signature"), dict):
        return False
    if tree["signature"].get("data") != original["signature"]["data"]:
        return False
    return bundle_signing_input(tree) == bundle_signing_input(original)


def test_clock_is_respected_for_expiry() -> None:
    later = NOW + dt.timedelta(days=4000)
    check = verify_bundle(SIGNED, TRUST, now=later)
    assert check.intact and not check.ok
