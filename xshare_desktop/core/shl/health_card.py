"""SMART Health Cards carried by a link (``application/smart-health-card``).

The file is JSON ``{"verifiableCredential": [compact JWS, ...]}``. Each JWS has the
header ``{"zip": "DEF", "alg": "ES256", "kid": ...}`` and a raw-DEFLATE payload with
``iss``, ``nbf`` and ``vc.credentialSubject.fhirBundle`` (SMART Health Cards spec,
"Health Cards are small" and "Signing Health Cards"). jwcrypto checks the ES256
signature; the key comes from the issuers the person trusts (``issuers``), never from
the network: an unknown issuer is "not verified", never "verified".
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from typing import Any

import orjson
from jwcrypto import jwk, jws
from jwcrypto.common import JWException

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP
from xshare_desktop.core.shl.issuers import IssuerStore
from xshare_desktop.core.shl.payload import b64url_decode

# A card is meant to fit a QR code; this bounds what a hostile file can make us inflate.
MAX_CARD_BYTES = 4 * 1024 * 1024
MAX_CARDS = 50

VERIFIED = "verified"
NOT_VERIFIED = "not-verified"
INVALID = "invalid"


class BadHealthCard(UserFacingError):
    """The file is not a SMART Health Card file at all."""


@dataclass
class HealthCard:
    """One verifiable credential: who issued it, whether that is proven, and its FHIR Bundle."""

    index: int
    status: str  # VERIFIED, NOT_VERIFIED (issuer key not known) or INVALID
    reason: str
    issuer: str | None = None
    issuer_name: str | None = None
    kid: str | None = None
    not_before: float | None = None
    bundle: dict[str, Any] | None = None
    types: list[str] = field(default_factory=list)

    @property
    def bundle_bytes(self) -> bytes | None:
        return orjson.dumps(self.bundle) if self.bundle is not None else None


def _inflate(data: bytes) -> bytes:
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)  # raw DEFLATE, no zlib header
    try:
        out = inflater.decompress(data, MAX_CARD_BYTES + 1)
    except zlib.error:
        raise ValueError("the compressed payload is damaged") from None
    if len(out) > MAX_CARD_BYTES or inflater.unconsumed_tail:
        raise ValueError(f"the payload expands to more than {MAX_CARD_BYTES // 1024**2} MB")
    return out


def _object(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _invalid(index: int, reason: str, **known: Any) -> HealthCard:
    return HealthCard(index, INVALID, reason, **known)


def read_card(token: object, index: int, issuers: IssuerStore) -> HealthCard:
    """Decode one compact JWS and check its signature against the trusted issuers."""
    if not isinstance(token, str) or token.count(".") != 2:
        return _invalid(index, "it is not a compact JWS (three parts separated by dots)")
    header_part, payload_part, _signature = token.split(".")
    try:
        header = orjson.loads(b64url_decode(header_part))
        compressed = b64url_decode(payload_part)
    except (ValueError, orjson.JSONDecodeError):
        return _invalid(index, "its JWS header or payload is damaged")
    if not isinstance(header, dict):
        return _invalid(index, "its JWS header is damaged")
    if header.get("alg") != "ES256":
        return _invalid(index, f"it is signed with {header.get('alg')!r}; health cards use ES256")
    zip_method = header.get("zip")
    if zip_method not in ("DEF", None):
        return _invalid(index, f"it uses unknown compression {zip_method!r}")
    try:
        # The spec says zip: DEF; a card without it is read as plain JSON (liberal reading).
        body = orjson.loads(_inflate(compressed) if zip_method == "DEF" else compressed)
    except ValueError as exc:
        return _invalid(index, f"its payload cannot be read: {exc}")
    if not isinstance(body, dict):
        return _invalid(index, "its payload is not a JSON object")
    iss = body.get("iss") if isinstance(body.get("iss"), str) else None
    kid = header.get("kid") if isinstance(header.get("kid"), str) else None
    nbf = body.get("nbf")
    vc = _object(body.get("vc"))
    bundle = _object(vc.get("credentialSubject")).get("fhirBundle")
    known: dict[str, Any] = {
        "issuer": iss,
        "kid": kid,
        "not_before": float(nbf) if isinstance(nbf, int | float) else None,
        "bundle": bundle if isinstance(bundle, dict) else None,
        "types": [t for t in vc.get("type", []) if isinstance(t, str)]
        if isinstance(vc.get("type"), list)
        else [],
    }
    if known["bundle"] is None or known["bundle"].get("resourceType") != "Bundle":
        return _invalid(
            index, "it carries no FHIR Bundle (vc.credentialSubject.fhirBundle)", **known
        )
    if iss is None:
        return _invalid(index, "it does not name its issuer (iss)", **known)
    trusted = issuers.find(iss)
    if trusted is None:
        return HealthCard(
            index,
            NOT_VERIFIED,
            f"not verified: issuer key not known ({iss} is not on your list of trusted "
            "health card issuers)",
            **known,
        )
    known["issuer_name"] = trusted.name
    key = trusted.key(kid)
    if key is None:
        return HealthCard(
            index,
            NOT_VERIFIED,
            f"not verified: issuer key not known ({trusted.name} has no key {kid!r} on your list)",
            **known,
        )
    try:
        signed = jws.JWS()
        signed.deserialize(token)
        signed.verify(jwk.JWK(**key), alg="ES256")
    except (JWException, ValueError, TypeError):
        return _invalid(
            index,
            f"the signature does not match {trusted.name}'s key: the card was changed or was "
            "not signed by this issuer",
            **known,
        )
    return HealthCard(index, VERIFIED, f"verified: signed by {trusted.name} ({iss})", **known)


def read_health_card_file(data: bytes, issuers: IssuerStore | None = None) -> list[HealthCard]:
    """Every card in a ``.smart-health-card`` file, each with its own verdict."""
    try:
        body = orjson.loads(data)
    except orjson.JSONDecodeError:
        raise BadHealthCard(
            QT_TRANSLATE_NOOP("Core", "The SMART Health Card file is not JSON.")
        ) from None
    credentials = body.get("verifiableCredential") if isinstance(body, dict) else None
    if not isinstance(credentials, list) or not credentials:
        raise BadHealthCard(
            QT_TRANSLATE_NOOP(
                "Core",
                "The SMART Health Card file has no cards (verifiableCredential is missing or empty).",
            )
        )
    if len(credentials) > MAX_CARDS:
        raise BadHealthCard(
            QT_TRANSLATE_NOOP(
                "Core", "The file holds {count} cards; at most {MAX_CARDS} are read."
            ).format(count=len(credentials), MAX_CARDS=MAX_CARDS)
        )
    store = issuers if issuers is not None else IssuerStore()
    return [read_card(token, index, store) for index, token in enumerate(credentials, start=1)]


def card_lines(card: HealthCard, lang: str = "en") -> list[str]:
    """What the card says, one line per resource, for a front end to show (``en`` or ``da``)."""
    from xshare_desktop.core.summaries import human_name, summarise

    if card.bundle is None:
        return []
    language = "da" if lang.startswith("da") else "en"
    lines = []
    entries = card.bundle.get("entry")
    for entry in entries if isinstance(entries, list) else []:
        resource = entry.get("resource") if isinstance(entry, dict) else None
        if not isinstance(resource, dict):
            continue
        rtype = str(resource.get("resourceType", ""))
        if rtype == "Patient":
            born = resource.get("birthDate")
            text = human_name(resource.get("name")) + (
                f" ({born})" if isinstance(born, str) else ""
            )
        else:
            text = summarise(resource, language)
        lines.append(f"{rtype}: {text}" if text and text != rtype else rtype)
    return lines
