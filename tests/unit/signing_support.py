"""In-memory keys and certificates for the signing tests (no data folder needed)."""

from __future__ import annotations

import datetime as dt
from functools import cache

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from xshare_desktop.core.signing.demo_ca import build_person_certificate
from xshare_desktop.core.signing.keys import SigningIdentity
from xshare_desktop.core.signing.trust import TrustStore

NOW = dt.datetime(2026, 11, 27, 12, 0, tzinfo=dt.UTC)


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def make_ca(
    common_name: str = "Test CA", *, ca: bool = True, days: int = 3650
) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(_name(common_name))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=365))
        .not_valid_after(NOW + dt.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    return key, certificate


def make_identity(
    name: str = "Karen Testesen",
    *,
    issuer: tuple[ec.EllipticCurvePrivateKey, x509.Certificate] | None = None,
    not_before: dt.datetime | None = None,
    not_after: dt.datetime | None = None,
    email: str | None = "karen@example.org",
) -> SigningIdentity:
    ca_key, ca_certificate = issuer if issuer is not None else shared_ca()
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = build_person_certificate(
        subject=_name(name),
        issuer=ca_certificate.subject,
        public_key=key.public_key(),
        signing_key=ca_key,
        email=email,
        not_before=not_before or NOW - dt.timedelta(days=30),
        # Relative to the real clock too, so file-level tests keep passing in later years.
        not_after=not_after or max(NOW, dt.datetime.now(dt.UTC)) + dt.timedelta(days=365),
        issuer_public_key=ca_key.public_key(),
    )
    return SigningIdentity(key, (certificate, ca_certificate))


@cache
def shared_ca() -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    return make_ca()


@cache
def shared_identity() -> SigningIdentity:
    return make_identity()


def trust_store_with(tmp_dir: object, *certificates: x509.Certificate) -> TrustStore:
    from pathlib import Path

    store = TrustStore(Path(str(tmp_dir)))
    for certificate in certificates:
        store.add_certificate(certificate)
    return store
