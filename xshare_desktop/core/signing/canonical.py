"""The canonical bytes a FHIR Bundle signature covers.

Rule (also in docs/signing.md): parse the Bundle's raw JSON, remove the
top-level ``id`` and ``meta`` and the ``data`` inside ``signature`` (the
signature cannot cover itself), keep everything else including the rest of
``signature`` (so ``when``, ``who`` and ``type`` are covered), and serialise
with RFC 8785 (JSON Canonicalization Scheme) via the ``rfc8785`` library.
Signer and verifier both start from the raw JSON tree, never from a
re-serialised model.
"""

from __future__ import annotations

from typing import Any

import rfc8785

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP

# A server that stores the document may give the Bundle its own id and meta
# (versionId, lastUpdated); the document's identity is Bundle.identifier, which stays covered.
EXCLUDED_TOP_LEVEL = ("id", "meta")


def bundle_signing_input(bundle: dict[str, Any]) -> bytes:
    reduced = {k: v for k, v in bundle.items() if k not in EXCLUDED_TOP_LEVEL}
    signature = reduced.get("signature")
    if isinstance(signature, dict):
        reduced["signature"] = {k: v for k, v in signature.items() if k != "data"}
    try:
        return rfc8785.dumps(reduced)
    except (rfc8785.CanonicalizationError, ValueError, TypeError) as exc:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "This Bundle cannot be put in canonical form for signing: {exc}. Numbers beyond the range JSON signers share (integers above 2^53, infinities) cannot be signed this way; sign the file as it is instead.",
            ).format(exc=exc)
        ) from None
