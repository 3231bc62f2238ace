"""Keys the person controls: create, store encrypted, import, export, trust."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from signing_support import make_identity, shared_ca

from xshare_desktop.core import paths
from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.signing import demo_ca, keys
from xshare_desktop.core.signing.certificates import email_of, utc_now
from xshare_desktop.core.signing.trust import TrustStore, check_chain

PASSPHRASE = "correct horse battery"


def test_create_with_demo_ca_names_person_and_issuer() -> None:
    identity = keys.create_identity("Karen Testesen", PASSPHRASE, email="karen@example.org")
    leaf = identity.certificate
    assert identity.subject_name == "Karen Testesen"
    assert email_of(leaf) == "karen@example.org"
    assert "Demo CA" in leaf.issuer.rfc4514_string()
    assert isinstance(identity.key.curve, ec.SECP256R1)
    assert len(identity.chain) == 2
    ca_certificate = x509.load_pem_x509_certificate(demo_ca.certificate_path().read_bytes())
    leaf.verify_directly_issued_by(ca_certificate)
    summary = keys.identity_summary()
    assert summary is not None and summary.name == "Karen Testesen" and not summary.self_signed


def test_key_file_is_encrypted_and_needs_the_passphrase() -> None:
    keys.create_identity("Karen Testesen", PASSPHRASE)
    blob = keys.identity_path().read_bytes()
    with pytest.raises(ValueError):
        pkcs12.load_key_and_certificates(blob, None)
    with pytest.raises(UserFacingError, match="passphrase is wrong"):
        keys.load_identity("not the passphrase")
    loaded = keys.load_identity(PASSPHRASE)
    assert loaded.subject_name == "Karen Testesen"


def test_self_signed_without_demo_ca() -> None:
    identity = keys.create_identity("Karen Testesen", PASSPHRASE, use_demo_ca=False)
    assert identity.certificate.issuer == identity.certificate.subject
    assert not demo_ca.certificate_path().exists()


def test_existing_key_is_not_replaced_silently() -> None:
    keys.create_identity("Karen Testesen", PASSPHRASE)
    with pytest.raises(UserFacingError, match="already exists"):
        keys.create_identity("Someone Else", PASSPHRASE)
    keys.create_identity("Someone Else", PASSPHRASE, overwrite=True)
    assert keys.load_identity(PASSPHRASE).subject_name == "Someone Else"


@pytest.mark.parametrize(
    ("name", "passphrase", "email", "message"),
    [
        ("", PASSPHRASE, None, "name"),
        ("Karen", "short", None, "at least"),
        ("Karen", PASSPHRASE, "not-an-address", "e-mail"),
    ],
)
def test_bad_input_is_explained(
    name: str, passphrase: str, email: str | None, message: str
) -> None:
    with pytest.raises(UserFacingError, match=message):
        keys.create_identity(name, passphrase, email=email)


def _p12(key: object, certificate: x509.Certificate, password: bytes) -> bytes:
    return pkcs12.serialize_key_and_certificates(
        b"imported",
        key,  # type: ignore[arg-type]
        certificate,
        [shared_ca()[1]],
        serialization.BestAvailableEncryption(password),
    )


def test_import_pkcs12(tmp_path: Path) -> None:
    identity = make_identity("Imported Person")
    source = tmp_path / "mine.p12"
    original = _p12(identity.key, identity.certificate, b"import pass")
    source.write_bytes(original)
    with pytest.raises(UserFacingError, match="passphrase is wrong"):
        keys.import_pkcs12(source, "wrong one")
    keys.import_pkcs12(source, "import pass")
    loaded = keys.load_identity("import pass")
    assert loaded.subject_name == "Imported Person"
    assert len(loaded.chain) == 2
    assert source.read_bytes() == original, "the input file must not be touched"
    assert keys.identity_path().read_bytes() != original


def test_import_refuses_rsa_keys(tmp_path: Path) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_key, ca_certificate = shared_ca()
    certificate = (
        x509.CertificateBuilder()
        .subject_name(ca_certificate.subject)
        .issuer_name(ca_certificate.subject)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(utc_now())
        .not_valid_after(utc_now().replace(year=utc_now().year + 1))
        .sign(ca_key, hashes.SHA256())
    )
    source = tmp_path / "rsa.p12"
    source.write_bytes(_p12(key, certificate, b"import pass"))
    with pytest.raises(UserFacingError, match="P-256"):
        keys.import_pkcs12(source, "import pass")


def test_export_pem_and_der(tmp_path: Path) -> None:
    identity = keys.create_identity("Karen Testesen", PASSPHRASE)
    pem = keys.export_certificate(tmp_path / "me.pem")
    assert x509.load_pem_x509_certificate(pem.read_bytes()) == identity.certificate
    der = keys.export_certificate(tmp_path / "me.der", encoding="der")
    assert x509.load_der_x509_certificate(der.read_bytes()) == identity.certificate
    chain = keys.export_certificate(tmp_path / "chain.pem", with_chain=True)
    assert len(x509.load_pem_x509_certificates(chain.read_bytes())) == 2


def test_no_key_yet_is_explained() -> None:
    with pytest.raises(UserFacingError, match="no signing key"):
        keys.load_identity(PASSPHRASE)


def test_trust_store_add_list_remove(tmp_path: Path) -> None:
    certificate_file = tmp_path / "ca.pem"
    certificate_file.write_bytes(shared_ca()[1].public_bytes(serialization.Encoding.PEM))
    store = TrustStore()
    added = store.add_file(certificate_file)
    assert [i.name for i in store.issuers()] == ["Test CA"]
    assert (paths.data_dir() / "trust" / f"{added[0].fingerprint}.pem").exists()
    with pytest.raises(UserFacingError):
        store.remove("abc")
    store.remove(added[0].fingerprint[:12])
    assert store.issuers() == []


def test_trust_store_refuses_non_certificates(tmp_path: Path) -> None:
    junk = tmp_path / "junk.pem"
    junk.write_text("hello")
    with pytest.raises(UserFacingError, match=r"X\.509"):
        TrustStore().add_file(junk)


def test_chain_to_trusted_anchor_and_to_unknown_one() -> None:
    identity = make_identity()
    now = utc_now()
    trusted = check_chain(list(identity.chain), [shared_ca()[1]], now, now)
    assert trusted.trusted and trusted.trust_anchor == "Test CA"
    assert trusted.path == ["Karen Testesen", "Test CA"]
    untrusted = check_chain(list(identity.chain), [], now, now)
    assert not untrusted.trusted and untrusted.untrusted_reason
