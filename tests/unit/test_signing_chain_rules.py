"""A signer's certificate path must keep RFC 5280's rules (issue 16, item 2).

Each case below verified as VERIFIED before: now each fails, saying which certificate broke
which rule. The good shapes (the demo CA's and a sub-CA within its path length) still verify.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID, ObjectIdentifier
from signing_support import NOW

from xshare_desktop.core.signing import TrustStore, Verdict, sign_file, verify_path
from xshare_desktop.core.signing.keys import SigningIdentity
from xshare_desktop.core.signing.trust import chain_rule_problems

Key = ec.EllipticCurvePrivateKey
START = NOW - dt.timedelta(days=30)
END = max(NOW, dt.datetime.now(dt.UTC)) + dt.timedelta(days=365)


def _usage(*, sign: bool = False, cert_sign: bool = False) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=sign,
        content_commitment=False,
        key_encipherment=not sign and not cert_sign,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=cert_sign,
        crl_sign=cert_sign,
        encipher_only=False,
        decipher_only=False,
    )


def _certificate(
    name: str,
    key: Key,
    issuer: tuple[Key, x509.Certificate] | None,
    *,
    ca: bool,
    path_length: int | None = None,
    usage: x509.KeyUsage | None = None,
    ekus: list[ObjectIdentifier] | None = None,
    extra_critical: bool = False,
) -> x509.Certificate:
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    signing_key, issuer_name = (key, subject) if issuer is None else (issuer[0], issuer[1].subject)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(START)
        .not_valid_after(END)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=path_length), critical=True)
    )
    if usage is not None:
        builder = builder.add_extension(usage, critical=True)
    if ekus is not None:
        builder = builder.add_extension(x509.ExtendedKeyUsage(ekus), critical=False)
    if extra_critical:
        builder = builder.add_extension(
            x509.UnrecognizedExtension(ObjectIdentifier("1.3.6.1.4.1.55555.1"), b"\x05\x00"),
            critical=True,
        )
    return builder.sign(signing_key, hashes.SHA256())


def _ca(
    name: str, issuer: tuple[Key, x509.Certificate] | None = None, **kw: object
) -> tuple[Key, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    kw.setdefault("usage", _usage(cert_sign=True))
    return key, _certificate(name, key, issuer, ca=True, **kw)  # type: ignore[arg-type]


def _signer(
    issuer: tuple[Key, x509.Certificate], *chain_above: x509.Certificate, **kw: object
) -> SigningIdentity:
    key = ec.generate_private_key(ec.SECP256R1())
    kw.setdefault("usage", _usage(sign=True))
    kw.setdefault("ca", False)
    leaf = _certificate("Karen Testesen", key, issuer, **kw)  # type: ignore[arg-type]
    return SigningIdentity(key, (leaf, issuer[1], *chain_above))


def _verify(
    tmp_path: Path, identity: SigningIdentity, root: x509.Certificate
) -> tuple[Verdict, str]:
    document = tmp_path / "ips.json"
    document.write_bytes(b'{"resourceType": "Bundle", "type": "document"}\n')
    sign_file(document, identity)
    store = TrustStore(tmp_path / "trust")
    store.add_certificate(root)
    report = verify_path(document, trust=store)
    return report.verdict, report.headline


def test_a_sub_ca_under_a_path_length_0_root_is_refused(tmp_path: Path) -> None:
    """5280 4.2.1.9: pathLenConstraint 0 means no intermediate CA may follow."""
    root = _ca("Root CA", path_length=0)
    sub = _ca("Sub CA", root)
    verdict, headline = _verify(tmp_path, _signer(sub, root[1]), root[1])
    assert verdict is Verdict.FAILED
    assert "Root CA allows at most 0 intermediate" in headline


def test_a_sub_ca_within_its_path_length_verifies(tmp_path: Path) -> None:
    root = _ca("Root CA", path_length=1)
    sub = _ca("Sub CA", root, path_length=0)
    verdict, headline = _verify(tmp_path, _signer(sub, root[1]), root[1])
    assert verdict is Verdict.VERIFIED, headline


def test_a_signer_whose_key_usage_lacks_digital_signature_is_refused(tmp_path: Path) -> None:
    """5280 4.2.1.3: a key used for signatures needs digitalSignature or nonRepudiation."""
    root = _ca("Root CA")
    verdict, headline = _verify(tmp_path, _signer(root, usage=_usage(sign=False)), root[1])
    assert verdict is Verdict.FAILED
    assert "may not be used for signatures" in headline


def test_an_unknown_critical_extension_is_refused(tmp_path: Path) -> None:
    """5280 4.2: a certificate with a critical extension that is not understood is rejected."""
    root = _ca("Root CA")
    verdict, headline = _verify(tmp_path, _signer(root, extra_critical=True), root[1])
    assert verdict is Verdict.FAILED
    assert "critical extension" in headline and "1.3.6.1.4.1.55555.1" in headline


def test_a_ca_certificate_signing_a_document_directly_is_refused(tmp_path: Path) -> None:
    """5280 4.2.1.9 / 4.2.1.3: a CA's key signs certificates (keyCertSign), not documents."""
    root = _ca("Root CA")
    sub_key, sub = _ca("Sub CA", root, usage=_usage(sign=True, cert_sign=True))
    identity = SigningIdentity(sub_key, (sub, root[1]))
    verdict, headline = _verify(tmp_path, identity, root[1])
    assert verdict is Verdict.FAILED
    assert "certificate authority, which may sign certificates but not documents" in headline


def test_a_server_only_certificate_is_refused(tmp_path: Path) -> None:
    """5280 4.2.1.12: with an extended key usage present, the key is for those purposes only."""
    root = _ca("Root CA")
    server_only = _signer(root, ekus=[ExtendedKeyUsageOID.SERVER_AUTH])
    verdict, headline = _verify(tmp_path, server_only, root[1])
    assert verdict is Verdict.FAILED
    assert "not for signing documents" in headline


@pytest.mark.parametrize(
    "eku",
    [ObjectIdentifier("1.3.6.1.5.5.7.3.36"), ExtendedKeyUsageOID.EMAIL_PROTECTION],
    ids=["documentSigning", "emailProtection"],
)
def test_document_signing_purposes_are_accepted(tmp_path: Path, eku: ObjectIdentifier) -> None:
    root = _ca("Root CA")
    verdict, headline = _verify(tmp_path, _signer(root, ekus=[eku]), root[1])
    assert verdict is Verdict.VERIFIED, headline


def test_an_issuer_without_key_cert_sign_is_refused() -> None:
    """5280 6.1.4 (n): an issuer's key usage, when present, must allow keyCertSign."""
    root = _ca("Root CA", usage=_usage(sign=True))
    identity = _signer(root)
    problems = chain_rule_problems(list(identity.chain))
    assert any("does not allow signing certificates" in p for p in problems)


def test_the_demo_ca_shape_keeps_every_rule() -> None:
    from signing_support import make_identity

    assert chain_rule_problems(list(make_identity().chain)) == []
