"""Detached, unencoded JWS (RFC 7515 + RFC 7797) with a JAdES baseline-B header.

The payload is the exact bytes written to disk; the token is stored beside the
file as ``<name>.jws`` in compact form with an empty payload part
(``header..signature``). Protected header: ``alg`` ES256, ``b64`` false,
``crit`` [``b64``, ``sigT``], ``cty``, ``x5c`` (leaf first), ``x5t#S256``,
``iat`` (JAdES 1.2.1's claimed signing time) and ``sigT`` (the same instant in
the JAdES 1.1 form that older verifiers expect). JOSE itself is jwcrypto's.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import warnings
from dataclasses import dataclass, field
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.utils import CryptographyDeprecationWarning
from jwcrypto import jwk
from jwcrypto import jws as jose_jws
from jwcrypto.common import JWException, json_encode

from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP, Message
from xshare_desktop.core.signing.canonical_b64 import is_canonical_b64url
from xshare_desktop.core.signing.certificates import (
    common_name,
    email_of,
    utc_now,
    x5t_s256,
)
from xshare_desktop.core.signing.keys import SigningIdentity
from xshare_desktop.core.signing.trust import TrustStore, check_chain

SIGNATURE_SUFFIX = ".jws"
ALGORITHM = "ES256"
MAX_JWS_CHARS = 256 * 1024
MAX_CHAIN_CERTIFICATES = 6
# A signature claiming a time this far ahead of the verifier's clock is refused.
CLOCK_SKEW = dt.timedelta(minutes=5)

# jwcrypto refuses unknown critical headers; JAdES makes sigT critical.
_HEADER_REGISTRY = {
    "sigT": jose_jws.JWSEHeaderParameter("JAdES claimed signing time", False, True, None)
}


@dataclass
class SignatureCheck:
    """Everything a person needs to judge one signature, in plain words."""

    intact: bool
    signer: str | None = None
    signer_email: str | None = None
    signer_dn: str | None = None
    issuer: str | None = None
    trusted: bool = False
    trust_anchor: str | None = None
    signing_time: dt.datetime | None = None
    not_before: dt.datetime | None = None
    not_after: dt.datetime | None = None
    valid_at_signing: bool = False
    valid_now: bool = False
    content_type: str | None = None
    chain: list[str] = field(default_factory=list)
    # What is wrong, marked for translation (core/i18n.py); ``problems`` is their English.
    findings: list[Message] = field(default_factory=list)
    untrusted_reason: str | None = None
    # Which signature this is, for people: "doc.json.jws", "Bundle.signature"...
    label: str | None = None

    @property
    def problems(self) -> tuple[str, ...]:
        return tuple(str(finding) for finding in self.findings)

    @property
    def ok(self) -> bool:
        return (
            self.intact
            and self.trusted
            and self.valid_at_signing
            and self.valid_now
            and not self.problems
        )

    @property
    def status(self) -> str:
        """``ok``, ``untrusted`` (intact, valid, but no trusted issuer) or ``failed``."""
        if self.ok:
            return "ok"
        if self.intact and not self.problems and self.valid_at_signing and self.valid_now:
            return "untrusted"
        return "failed"

    def as_dict(self) -> dict[str, Any]:
        def when(value: dt.datetime | None) -> str | None:
            return value.isoformat().replace("+00:00", "Z") if value else None

        return {
            "status": self.status,
            "intact": self.intact,
            "signer": self.signer,
            "signerEmail": self.signer_email,
            "signerDistinguishedName": self.signer_dn,
            "issuer": self.issuer,
            "trusted": self.trusted,
            "trustAnchor": self.trust_anchor,
            "signingTime": when(self.signing_time),
            "certificateNotBefore": when(self.not_before),
            "certificateNotAfter": when(self.not_after),
            "validAtSigningTime": self.valid_at_signing,
            "validNow": self.valid_now,
            "contentType": self.content_type,
            "chain": self.chain,
            "problems": list(self.problems),
            "untrustedReason": self.untrusted_reason,
            "label": self.label,
        }


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def protected_header(
    identity: SigningIdentity, content_type: str, signing_time: dt.datetime
) -> dict[str, Any]:
    return {
        "alg": ALGORITHM,
        "b64": False,
        "crit": ["b64", "sigT"],
        "cty": content_type,
        "iat": int(signing_time.timestamp()),
        "sigT": _iso(signing_time),
        "x5c": [_b64(c.public_bytes(Encoding.DER)) for c in identity.chain],
        "x5t#S256": x5t_s256(identity.certificate),
    }


def sign_bytes(
    data: bytes,
    identity: SigningIdentity,
    content_type: str,
    *,
    signing_time: dt.datetime | None = None,
) -> str:
    """A compact detached JWS (``header..signature``) over exactly ``data``."""
    moment = (signing_time or utc_now()).replace(microsecond=0)
    token = jose_jws.JWS(data, header_registry=_HEADER_REGISTRY)
    token.add_signature(
        jwk.JWK.from_pyca(identity.key),
        protected=json_encode(protected_header(identity, content_type, moment)),
    )
    token.detach_payload()
    compact: str = token.serialize(compact=True)
    return compact


class MalformedSignature(ValueError):
    """The .jws text is not a detached ES256 JWS this app can check."""


def _b64url_json(part: str) -> dict[str, Any]:
    padded = part + "=" * (-len(part) % 4)
    try:
        value = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (binascii.Error, ValueError, UnicodeError):
        raise MalformedSignature("its header is not base64url-encoded JSON") from None
    if not isinstance(value, dict):
        raise MalformedSignature("its header is not a JSON object")
    return value


def parse_header(token: str) -> dict[str, Any]:
    """Check the shape of a detached compact JWS and return its protected header."""
    if len(token) > MAX_JWS_CHARS:
        raise MalformedSignature("it is far larger than any signature")
    if not token.isascii():
        raise MalformedSignature("it contains characters a JWS never has")
    parts = token.split(".")
    if len(parts) != 3:
        raise MalformedSignature("it does not have the three parts of a compact JWS")
    if parts[1]:
        raise MalformedSignature("it carries its own content instead of signing the file beside it")
    if not is_canonical_b64url(parts[0]) or not is_canonical_b64url(parts[2]):
        raise MalformedSignature("it is not written in plain base64url (it was changed)")
    header = _b64url_json(parts[0])
    if header.get("alg") != ALGORITHM:
        raise MalformedSignature(f"it uses the algorithm {header.get('alg')!r}, not ES256")
    if header.get("b64") is not False or "b64" not in (header.get("crit") or []):
        raise MalformedSignature("it is not an unencoded-payload signature (b64: false)")
    chain = header.get("x5c")
    if (
        not isinstance(chain, list)
        or not chain
        or len(chain) > MAX_CHAIN_CERTIFICATES
        or not all(isinstance(c, str) for c in chain)
    ):
        raise MalformedSignature("it does not carry the signer's certificate (x5c)")
    return header


def _certificates(header: dict[str, Any]) -> list[x509.Certificate]:
    try:
        with warnings.catch_warnings():
            # Odd but parseable fields (a negative serial...) warn; the trust check judges them.
            warnings.simplefilter("ignore", CryptographyDeprecationWarning)
            chain = [
                x509.load_der_x509_certificate(base64.b64decode(c, validate=True))
                for c in header["x5c"]
            ]
        # cryptography parses fields on first use: touch what the checks read, so a damaged
        # certificate fails here, in words, and not half-way through the verification.
        for certificate in chain:
            certificate.subject.rfc4514_string()
            certificate.issuer.rfc4514_string()
            certificate.extensions  # noqa: B018
            certificate.public_key()
            _ = certificate.not_valid_before_utc, certificate.not_valid_after_utc
    except Exception:  # cryptography raises many exception types for damaged DER
        raise MalformedSignature("its certificate chain (x5c) cannot be read") from None
    return chain


def _signing_time(header: dict[str, Any]) -> dt.datetime | None:
    iat = header.get("iat")
    sig_t = header.get("sigT")
    from_iat = None
    from_sig_t = None
    if isinstance(iat, int) and not isinstance(iat, bool) and 0 < iat < 10**11:
        from_iat = dt.datetime.fromtimestamp(iat, dt.UTC)
    if isinstance(sig_t, str):
        try:
            from_sig_t = dt.datetime.fromisoformat(sig_t.replace("Z", "+00:00"))
        except ValueError:
            raise MalformedSignature("its signing time (sigT) is not a date and time") from None
        if from_sig_t.tzinfo is None:
            raise MalformedSignature("its signing time (sigT) has no time zone")
    if from_iat and from_sig_t and abs(from_iat - from_sig_t) > dt.timedelta(seconds=1):
        raise MalformedSignature("it states two different signing times (iat and sigT)")
    return from_iat or from_sig_t


def verify_detached(
    data: bytes,
    token: str,
    trust: TrustStore | None = None,
    *,
    now: dt.datetime | None = None,
) -> SignatureCheck:
    """Check that ``token`` signs exactly ``data`` and say who signed it and whether to trust them."""
    moment = now or utc_now()
    try:
        header = parse_header(token.strip())
        chain = _certificates(header)
        signing_time = _signing_time(header)
    except MalformedSignature as exc:
        return SignatureCheck(
            intact=False,
            findings=[
                QT_TRANSLATE_NOOP("Core", "The signature file is damaged: {why}.").format(
                    why=str(exc)
                )
            ],
        )
    leaf = chain[0]
    check = SignatureCheck(
        intact=False,
        signer=common_name(leaf.subject),
        signer_email=email_of(leaf),
        signer_dn=leaf.subject.rfc4514_string(),
        issuer=common_name(leaf.issuer),
        signing_time=signing_time,
        not_before=leaf.not_valid_before_utc,
        not_after=leaf.not_valid_after_utc,
        content_type=header.get("cty") if isinstance(header.get("cty"), str) else None,
    )
    thumbprint = header.get("x5t#S256")
    if thumbprint is not None and thumbprint != x5t_s256(leaf):
        check.findings.append(
            QT_TRANSLATE_NOOP(
                "Core", "The signature names a different certificate than the one it carries."
            )
        )
        return check
    try:
        verifier = jose_jws.JWS(header_registry=_HEADER_REGISTRY)
        verifier.allowed_algs = [ALGORITHM]
        verifier.deserialize(token.strip())
        verifier.verify(jwk.JWK.from_pyca(leaf.public_key()), detached_payload=data)
        check.intact = True
    except (JWException, ValueError, TypeError):
        check.findings.append(
            QT_TRANSLATE_NOOP(
                "Core",
                "The signature does not match the content: the file was changed after signing, or the signature belongs to another file.",
            )
        )
        return check
    if signing_time is None:
        check.findings.append(
            QT_TRANSLATE_NOOP("Core", "The signature does not say when it was made.")
        )
    elif signing_time > moment + CLOCK_SKEW:
        check.findings.append(
            QT_TRANSLATE_NOOP(
                "Core", "The signature claims to be made in the future ({moment})."
            ).format(moment=_iso(signing_time))
        )
    store = trust if trust is not None else TrustStore()
    chain_check = check_chain(chain, store.certificates(), signing_time, moment)
    check.trusted = chain_check.trusted
    check.trust_anchor = chain_check.trust_anchor
    check.valid_at_signing = chain_check.valid_at_signing
    check.valid_now = chain_check.valid_now
    check.chain = chain_check.path
    check.findings.extend(chain_check.findings)
    check.untrusted_reason = chain_check.untrusted_reason
    return check
