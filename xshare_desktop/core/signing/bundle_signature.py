"""The FHIR way: an R4 ``Bundle.signature`` holding a detached JWS.

The JWS signs ``canonical.bundle_signing_input`` of the raw JSON tree. The
signed Bundle is written by inserting the ``signature`` property into the
original bytes, so every other byte (decimal precision, order, spacing) stays
exactly as it was.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from typing import Any

import orjson

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import parse_json_bytes
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP
from xshare_desktop.core.signing.canonical import bundle_signing_input
from xshare_desktop.core.signing.certificates import utc_now
from xshare_desktop.core.signing.jws import SignatureCheck, sign_bytes, verify_detached
from xshare_desktop.core.signing.keys import SigningIdentity
from xshare_desktop.core.signing.trust import TrustStore

AUTHOR_SIGNATURE = {
    "system": "urn:iso-astm:E1762-95:2013",
    "code": "1.2.840.10065.1.12.1.1",
    "display": "Author's Signature",
}
TARGET_FORMAT = "application/fhir+json"
SIG_FORMAT = "application/jose"
MAX_SIGNATURE_DATA_CHARS = 512 * 1024


def _load_bundle(raw: bytes, name: str) -> dict[str, Any]:
    tree = parse_json_bytes(raw, name=name)
    if not isinstance(tree, dict) or tree.get("resourceType") != "Bundle":
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core", "{name} is not a FHIR Bundle, so it cannot carry Bundle.signature."
            ).format(name=name)
        )
    return tree


def _signer_reference(bundle: dict[str, Any], display: str) -> dict[str, Any]:
    """Point ``who`` at the document's Patient: the person is the author of what they share."""
    entries = bundle.get("entry")
    for entry in entries if isinstance(entries, list) else []:
        resource = entry.get("resource") if isinstance(entry, dict) else None
        if isinstance(resource, dict) and resource.get("resourceType") == "Patient":
            full_url = entry.get("fullUrl")
            if isinstance(full_url, str) and full_url:
                return {"reference": full_url, "display": display}
            if isinstance(resource.get("id"), str):
                return {"reference": f"Patient/{resource['id']}", "display": display}
    return {"display": display}


def sign_bundle(
    raw: bytes,
    identity: SigningIdentity,
    *,
    name: str = "the document",
    signing_time: dt.datetime | None = None,
) -> bytes:
    """The Bundle's original bytes with a ``signature`` property added at the top level."""
    bundle = _load_bundle(raw, name)
    if "signature" in bundle:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core", "{name} already carries a Bundle.signature; it is left as it is."
            ).format(name=name)
        )
    moment = (signing_time or utc_now()).replace(microsecond=0)
    signature: dict[str, Any] = {
        "type": [AUTHOR_SIGNATURE],
        "when": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "who": _signer_reference(bundle, identity.subject_name),
        "targetFormat": TARGET_FORMAT,
        "sigFormat": SIG_FORMAT,
    }
    token = sign_bytes(
        bundle_signing_input({**bundle, "signature": signature}),
        identity,
        TARGET_FORMAT,
        signing_time=moment,
    )
    signature["data"] = base64.b64encode(token.encode("ascii")).decode("ascii")
    text = raw.rstrip()
    closing = text.rfind(b"}")
    body = text[:closing].rstrip()
    separator = b"," if not body.endswith(b"{") else b""
    inserted = orjson.dumps(signature)
    signed = body + separator + b'\n  "signature": ' + inserted + b"\n}\n"
    check = _load_bundle(signed, name)
    if check.get("signature") != signature:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core", "{name} could not be signed: its JSON has an unusual layout."
            ).format(name=name)
        )
    return signed


def has_bundle_signature(tree: Any) -> bool:
    return isinstance(tree, dict) and tree.get("resourceType") == "Bundle" and "signature" in tree


def verify_bundle(
    raw: bytes,
    trust: TrustStore | None = None,
    *,
    name: str = "the document",
    now: dt.datetime | None = None,
) -> SignatureCheck:
    bundle = _load_bundle(raw, name)
    signature = bundle.get("signature")
    if not isinstance(signature, dict):
        return SignatureCheck(
            intact=False,
            findings=[
                QT_TRANSLATE_NOOP("Core", "{name} has no readable Bundle.signature.").format(
                    name=name
                )
            ],
        )
    if signature.get("sigFormat") != SIG_FORMAT:
        return SignatureCheck(
            intact=False,
            findings=[
                QT_TRANSLATE_NOOP(
                    "Core",
                    "The Bundle.signature is in format {format}; this app checks application/jose signatures.",
                ).format(format=repr(signature.get("sigFormat")))
            ],
        )
    data = signature.get("data")
    if not isinstance(data, str) or len(data) > MAX_SIGNATURE_DATA_CHARS:
        return SignatureCheck(
            intact=False,
            findings=[QT_TRANSLATE_NOOP("Core", "The Bundle.signature holds no signature data.")],
        )
    try:
        token = base64.b64decode(data, validate=True).decode("ascii")
    except (binascii.Error, UnicodeDecodeError):
        return SignatureCheck(
            intact=False,
            findings=[
                QT_TRANSLATE_NOOP("Core", "The Bundle.signature data is not a base64-encoded JWS.")
            ],
        )
    return verify_detached(bundle_signing_input(bundle), token, trust, now=now)
