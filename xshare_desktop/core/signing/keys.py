"""The person's signing identity: an ECDSA P-256 key and a certificate naming them.

Stored in ``paths.keys_dir()`` as ``identity.p12`` (PKCS#12, encrypted with the
person's passphrase through ``BestAvailableEncryption``) plus
``identity-chain.pem`` (public certificates only) so the app can show whose key
it is and export the certificate without asking for the passphrase.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from xshare_desktop.core import paths
from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import atomic_write_bytes, read_input_bytes
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP
from xshare_desktop.core.signing import demo_ca
from xshare_desktop.core.signing.certificates import (
    certificates_to_pem,
    common_name,
    email_of,
    fingerprint_sha256,
    load_certificates,
    utc_now,
)
from xshare_desktop.core.signing.strength import MIN_LENGTH, estimate

MIN_PASSPHRASE_LENGTH = MIN_LENGTH

IDENTITY_FILE = "identity.p12"
CHAIN_FILE = "identity-chain.pem"
SELF_SIGNED_DAYS = 2 * 365
MAX_PKCS12_BYTES = 1_000_000


@dataclass(frozen=True)
class SigningIdentity:
    """A private key with its certificate chain (leaf first)."""

    key: ec.EllipticCurvePrivateKey
    chain: tuple[x509.Certificate, ...]

    @property
    def certificate(self) -> x509.Certificate:
        return self.chain[0]

    @property
    def subject_name(self) -> str:
        return common_name(self.certificate.subject)


@dataclass(frozen=True)
class IdentitySummary:
    """What the app may show without the passphrase."""

    name: str
    email: str | None
    issuer: str
    fingerprint: str
    not_before: dt.datetime
    not_after: dt.datetime
    self_signed: bool


def identity_path() -> Path:
    return paths.keys_dir() / IDENTITY_FILE


def chain_path() -> Path:
    return paths.keys_dir() / CHAIN_FILE


def _passphrase_bytes(passphrase: str) -> bytes:
    # NFC so "æ" typed as one or two code points opens the same key everywhere.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def check_new_passphrase(passphrase: str, related: Sequence[str] = ()) -> None:
    """Refuse a passphrase that is short or easy to guess (``related``: the holder's name)."""
    strength = estimate(passphrase, related)
    if not strength.acceptable:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "Choose another passphrase: {reason} It protects your signing key, so anyone who guesses it can sign in your name.",
            ).format(reason=strength.reason_message)
        )


def has_identity() -> bool:
    return identity_path().exists() and chain_path().exists()


def _subject(name: str, email: str | None) -> x509.Name:
    name = name.strip()
    if not name:
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "Give the name the certificate should carry.")
        )
    if len(name) > 64:
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "The name can be at most 64 characters (an X.509 limit).")
        )
    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, name)]
    if email:
        attributes.append(x509.NameAttribute(NameOID.EMAIL_ADDRESS, email))
    return x509.Name(attributes)


def _check_email(email: str | None) -> str | None:
    if email is None or not email.strip():
        return None
    email = email.strip()
    local, _, domain = email.partition("@")
    if not local or "." not in domain or " " in email or not email.isascii():
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "{email} does not look like an e-mail address.").format(
                email=email
            )
        )
    return email


def _store(identity: SigningIdentity, passphrase: str, *, overwrite: bool) -> None:
    blob = pkcs12.serialize_key_and_certificates(
        name=identity.subject_name.encode("utf-8"),
        key=identity.key,
        cert=identity.certificate,
        cas=list(identity.chain[1:]) or None,
        encryption_algorithm=serialization.BestAvailableEncryption(_passphrase_bytes(passphrase)),
    )
    if not overwrite and has_identity():
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "A signing key already exists on this computer; replacing it needs an explicit choice (--replace).",
            )
        )
    atomic_write_bytes(identity_path(), blob)
    atomic_write_bytes(chain_path(), certificates_to_pem(list(identity.chain)))


def create_identity(
    name: str,
    passphrase: str,
    *,
    email: str | None = None,
    use_demo_ca: bool = True,
    overwrite: bool = False,
) -> SigningIdentity:
    """Make a new P-256 key and a certificate for ``name``, and store both encrypted."""
    check_new_passphrase(passphrase, related=[name, email or ""])
    email = _check_email(email)
    subject = _subject(name, email)
    if not overwrite and has_identity():
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "A signing key already exists on this computer; replacing it needs an explicit choice (--replace).",
            )
        )
    key = ec.generate_private_key(ec.SECP256R1())
    if use_demo_ca:
        ca = demo_ca.load_or_create_demo_ca()
        certificate = demo_ca.issue_certificate(ca, subject, key.public_key(), email)
        chain: tuple[x509.Certificate, ...] = (certificate, ca.certificate)
    else:
        certificate = demo_ca.build_person_certificate(
            subject=subject,
            issuer=subject,
            public_key=key.public_key(),
            signing_key=key,
            email=email,
            not_after=utc_now() + dt.timedelta(days=SELF_SIGNED_DAYS),
            issuer_public_key=key.public_key(),
        )
        chain = (certificate,)
    identity = SigningIdentity(key, chain)
    _store(identity, passphrase, overwrite=True)
    return identity


def load_identity(passphrase: str) -> SigningIdentity:
    if not has_identity():
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "There is no signing key yet. Create one first (xshare keys create, or Keys in the app).",
            )
        )
    return _load_pkcs12(
        read_input_bytes(identity_path(), max_bytes=MAX_PKCS12_BYTES),
        passphrase,
        name="Your signing key",
    )


def _load_pkcs12(blob: bytes, passphrase: str, *, name: str) -> SigningIdentity:
    try:
        key, certificate, extra = pkcs12.load_key_and_certificates(
            blob, _passphrase_bytes(passphrase)
        )
    except ValueError:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "{name} could not be opened: the passphrase is wrong or the file is not PKCS#12.",
            ).format(name=name)
        ) from None
    if key is None or certificate is None:
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "{name} holds no private key with its certificate.").format(
                name=name
            )
        )
    if not isinstance(key, ec.EllipticCurvePrivateKey) or not isinstance(key.curve, ec.SECP256R1):
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "{name} holds a key this app cannot sign with; it needs an ECDSA P-256 key (ES256).",
            ).format(name=name)
        )
    if certificate.public_key() != key.public_key():
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core", "{name}: the certificate does not belong to the private key."
            ).format(name=name)
        )
    return SigningIdentity(key, (certificate, *extra))


def import_pkcs12(
    path: str | Path, passphrase: str, *, new_passphrase: str | None = None, overwrite: bool = False
) -> SigningIdentity:
    """Import a PKCS#12 file; it is stored under ``new_passphrase`` (default: the same one)."""
    source = Path(path)
    identity = _load_pkcs12(
        read_input_bytes(source, max_bytes=MAX_PKCS12_BYTES), passphrase, name=source.name
    )
    store_with = new_passphrase if new_passphrase is not None else passphrase
    if new_passphrase is not None:
        check_new_passphrase(new_passphrase)
    _store(identity, store_with, overwrite=overwrite)
    return identity


def public_chain() -> list[x509.Certificate]:
    if not has_identity():
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core", "There is no signing key yet, so there is no certificate to show."
            )
        )
    return load_certificates(chain_path().read_bytes(), name=CHAIN_FILE)


def identity_summary() -> IdentitySummary | None:
    if not has_identity():
        return None
    leaf = public_chain()[0]
    return IdentitySummary(
        name=common_name(leaf.subject),
        email=email_of(leaf),
        issuer=common_name(leaf.issuer),
        fingerprint=fingerprint_sha256(leaf),
        not_before=leaf.not_valid_before_utc,
        not_after=leaf.not_valid_after_utc,
        self_signed=leaf.issuer == leaf.subject,
    )


def export_certificate(
    out: str | Path, *, encoding: str = "pem", with_chain: bool = False, overwrite: bool = True
) -> Path:
    """Write the person's certificate (PEM, or DER for the leaf only).

    ``overwrite`` stays on for the app, whose save dialog has already asked; the CLI turns it off.
    """
    chain = public_chain()
    if encoding == "der":
        if with_chain:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core", "DER holds one certificate; use PEM to export the whole chain."
                )
            )
        data = chain[0].public_bytes(serialization.Encoding.DER)
    elif encoding == "pem":
        data = certificates_to_pem(chain if with_chain else chain[:1])
    else:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core", "Unknown certificate format {encoding}; use pem or der."
            ).format(encoding=repr(encoding))
        )
    return atomic_write_bytes(out, data, overwrite=overwrite)
