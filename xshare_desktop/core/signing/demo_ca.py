"""A local demonstration certificate authority for the booth.

It exists so that verification can show a chain to a *named* issuer. It is
created on first use in the user's data folder and is clearly labelled as a
demo in its own name: it vouches for nothing outside this computer. Its key is
stored unencrypted (mode 0600) because it protects no real identity and a
second passphrase would only get in the way at a conference booth.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from xshare_desktop.core import paths
from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import atomic_write_bytes
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP
from xshare_desktop.core.signing.certificates import utc_now

DEMO_CA_NAME = "xShare Demo CA — Lægedage"
DEMO_CA_ORGANISATION = "xShare desktop DEMONSTRATION ONLY - not a real certificate authority"
DEMO_CA_YEARS = 5
ISSUED_CERTIFICATE_DAYS = 2 * 365


@dataclass(frozen=True)
class DemoCA:
    key: ec.EllipticCurvePrivateKey
    certificate: x509.Certificate


def demo_ca_dir() -> Path:
    return paths.sub_dir("demo-ca")


def _key_path() -> Path:
    return demo_ca_dir() / "demo-ca-key.pem"


def certificate_path() -> Path:
    return demo_ca_dir() / "demo-ca-cert.pem"


def _create() -> DemoCA:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, DEMO_CA_NAME),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, DEMO_CA_ORGANISATION),
        ]
    )
    now = utc_now()
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=365 * DEMO_CA_YEARS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    atomic_write_bytes(_key_path(), key_pem)
    os.chmod(_key_path(), 0o600)
    atomic_write_bytes(certificate_path(), certificate.public_bytes(serialization.Encoding.PEM))
    return DemoCA(key, certificate)


def load_or_create_demo_ca() -> DemoCA:
    """The demo CA of this data folder, created the first time it is needed."""
    if not (_key_path().exists() and certificate_path().exists()):
        return _create()
    try:
        key = serialization.load_pem_private_key(_key_path().read_bytes(), password=None)
        certificate = x509.load_pem_x509_certificate(certificate_path().read_bytes())
    except (ValueError, OSError):
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "The demo certificate authority in the data folder is damaged; delete the folder demo-ca to make a new one.",
            ),
            where=str(demo_ca_dir()),
        ) from None
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "The demo certificate authority key has an unexpected type.")
        )
    if certificate.not_valid_after_utc < utc_now():
        return _create()
    return DemoCA(key, certificate)


def issue_certificate(
    ca: DemoCA,
    subject: x509.Name,
    public_key: ec.EllipticCurvePublicKey,
    email: str | None,
) -> x509.Certificate:
    now = utc_now()
    not_after = min(
        now + dt.timedelta(days=ISSUED_CERTIFICATE_DAYS), ca.certificate.not_valid_after_utc
    )
    return build_person_certificate(
        subject=subject,
        issuer=ca.certificate.subject,
        public_key=public_key,
        signing_key=ca.key,
        email=email,
        not_after=not_after,
        issuer_public_key=ca.key.public_key(),
    )


def build_person_certificate(
    *,
    subject: x509.Name,
    issuer: x509.Name,
    public_key: ec.EllipticCurvePublicKey,
    signing_key: ec.EllipticCurvePrivateKey,
    email: str | None,
    not_after: dt.datetime,
    issuer_public_key: ec.EllipticCurvePublicKey,
    not_before: dt.datetime | None = None,
) -> x509.Certificate:
    """A signing certificate for a person: digitalSignature + nonRepudiation, not a CA."""
    start = not_before if not_before is not None else utc_now() - dt.timedelta(minutes=5)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_public_key), critical=False
        )
    )
    if email:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.RFC822Name(email)]), critical=False
        )
    return builder.sign(signing_key, hashes.SHA256())
