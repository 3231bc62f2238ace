"""Small, pure helpers for reading X.509 certificates in plain words."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def common_name(name: x509.Name) -> str:
    """The CN of a name, or the whole RFC 4514 string when there is none."""
    values = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    if values:
        value = values[0].value
        return value if isinstance(value, str) else value.decode("utf-8", "replace")
    return name.rfc4514_string()


def email_of(certificate: x509.Certificate) -> str | None:
    try:
        san = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName)
    except x509.ExtensionNotFound:
        san = None
    if san is not None:
        emails = san.value.get_values_for_type(x509.RFC822Name)
        if emails:
            return emails[0]
    values = certificate.subject.get_attributes_for_oid(NameOID.EMAIL_ADDRESS)
    if values:
        value = values[0].value
        return value if isinstance(value, str) else None
    return None


def fingerprint_sha256(certificate: x509.Certificate) -> str:
    return hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).hexdigest()


def x5t_s256(certificate: x509.Certificate) -> str:
    digest = hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def is_valid_at(certificate: x509.Certificate, when: dt.datetime) -> bool:
    return certificate.not_valid_before_utc <= when <= certificate.not_valid_after_utc


def is_ca(certificate: x509.Certificate) -> bool:
    try:
        constraints = certificate.extensions.get_extension_for_class(x509.BasicConstraints)
    except x509.ExtensionNotFound:
        return False
    return bool(constraints.value.ca)


def is_self_issued(certificate: x509.Certificate) -> bool:
    return certificate.issuer == certificate.subject


def issued_by(certificate: x509.Certificate, issuer: x509.Certificate) -> bool:
    """True when ``issuer``'s key really signed ``certificate`` (names must match too)."""
    if certificate.issuer != issuer.subject:
        return False
    try:
        certificate.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature):  # bad signature or unsupported key type
        return False
    return True


def load_certificates(data: bytes, *, name: str = "the certificate file") -> list[x509.Certificate]:
    """PEM (one or more certificates) or a single DER certificate."""
    try:
        if b"-----BEGIN CERTIFICATE-----" in data:
            return x509.load_pem_x509_certificates(data)
        return [x509.load_der_x509_certificate(data)]
    except ValueError:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core", "{name} does not contain a readable X.509 certificate (PEM or DER)."
            ).format(name=name)
        ) from None


def certificates_to_pem(certificates: list[x509.Certificate]) -> bytes:
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certificates)
