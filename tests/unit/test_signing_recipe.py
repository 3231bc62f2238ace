"""The stock-library verification recipe in docs/signing.md, run exactly as written (issue 13)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from jwcrypto import jwk, jws

from tests.unit.signing_support import NOW, shared_identity
from xshare_desktop.core.signing import sign_bundle, sign_bytes

DOC = Path(__file__).resolve().parents[2] / "docs" / "signing.md"
SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "ips-karen-testesen.json"


def _recipe() -> dict[str, Any]:
    """The ```python block that starts with the recipe marker, executed as a module would be."""
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
    (code,) = [b for b in blocks if b.startswith("# recipe: verify-xshare-signatures")]
    namespace: dict[str, Any] = {"__name__": "recipe"}
    exec(compile(code, str(DOC), "exec"), namespace)  # our own documentation, run as written
    return namespace


def test_the_recipe_verifies_a_detached_jws_and_catches_a_change() -> None:
    """RFC 7515 4.1.11 (crit) and RFC 7797 (b64: false): with sigT registered, a stock jwcrypto
    verifies our detached JWS over the file's exact bytes, and refuses a changed file."""
    recipe = _recipe()
    data = SAMPLE.read_bytes()
    token = sign_bytes(data, shared_identity(), "application/fhir+json", signing_time=NOW)
    header = recipe["verify_detached_jws"](data, token)
    assert header["sigT"] == "2026-11-27T12:00:00Z" and header["crit"] == ["b64", "sigT"]
    with pytest.raises(jws.InvalidJWSSignature):
        recipe["verify_detached_jws"](data.replace(b"Karen", b"Karin"), token)


def test_without_the_registry_a_stock_library_refuses_our_token() -> None:
    """What the recipe fixes: an unknown critical header makes RFC 7515 verifiers refuse."""
    data = SAMPLE.read_bytes()
    token = sign_bytes(data, shared_identity(), "application/fhir+json", signing_time=NOW)
    verifier = jws.JWS()
    verifier.deserialize(token)
    key = jwk.JWK.from_pyca(shared_identity().certificate.public_key())
    with pytest.raises(jws.InvalidJWSSignature, match='Unknown critical header: "sigT"'):
        verifier.verify(key, detached_payload=data)


def test_the_recipe_verifies_a_bundle_signature_by_its_canonical_form() -> None:
    """docs/signing.md "Canonicalisation rule": without top-level id/meta and signature.data,
    RFC 8785; the recipe's own canonical form must be the one we sign."""
    recipe = _recipe()
    signed = sign_bundle(SAMPLE.read_bytes(), shared_identity(), signing_time=NOW)
    header = recipe["verify_bundle_signature"](signed)
    assert header["alg"] == "ES256"
    # Key order and spacing do not matter to the canonical form; content does.
    with pytest.raises(jws.InvalidJWSSignature):
        recipe["verify_bundle_signature"](signed.replace(b"Testesen", b"Testsen", 1))
