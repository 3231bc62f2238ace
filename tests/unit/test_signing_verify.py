"""verify_path: every shape this app writes, and what goes wrong with each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from signing_support import make_identity, shared_ca

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.signing import (
    PasswordRequired,
    TrustStore,
    Verdict,
    WrongPassword,
    protect_file,
    sign_bundle_file,
    sign_file,
    verify_path,
    write_package,
)

PASSWORD = "blåbærgrød 42"
DOCUMENT = b'{"resourceType": "Bundle", "type": "document", "entry": []}\n'


@pytest.fixture()
def trusted() -> TrustStore:
    store = TrustStore()
    store.add_certificate(shared_ca()[1])
    return store


@pytest.fixture()
def document(tmp_path: Path) -> Path:
    path = tmp_path / "ips.json"
    path.write_bytes(DOCUMENT)
    return path


def test_detached_signature_verified_from_file_or_from_jws(
    document: Path, trusted: TrustStore
) -> None:
    signature = sign_file(document, make_identity())
    assert signature.name == "ips.json.jws"
    for target in (document, signature):
        report = verify_path(target, trust=trusted)
        assert report.verdict is Verdict.VERIFIED, report.headline
        assert report.kind == "detached-signature"
        assert "Karen Testesen" in report.headline and "Test CA" in report.headline
        assert report.documents == {"ips.json": DOCUMENT}
    assert document.read_bytes() == DOCUMENT


def test_changed_file_fails_with_its_name(document: Path, trusted: TrustStore) -> None:
    sign_file(document, make_identity())
    document.write_bytes(DOCUMENT.replace(b"document", b"collection"))
    report = verify_path(document, trust=trusted)
    assert report.verdict is Verdict.FAILED
    assert "ips.json" in report.headline
    assert report.documents == {}


def test_damaged_signature_file_fails(document: Path, trusted: TrustStore) -> None:
    (document.parent / "ips.json.jws").write_text("not a signature")
    report = verify_path(document, trust=trusted)
    assert report.verdict is Verdict.FAILED
    assert "damaged" in report.headline


def test_untrusted_signer_is_amber(document: Path) -> None:
    sign_file(document, make_identity())
    report = verify_path(document, trust=TrustStore())
    assert report.verdict is Verdict.UNTRUSTED
    assert "not trusted" in report.headline


def test_unsigned_file_says_so(document: Path) -> None:
    report = verify_path(document)
    assert report.verdict is Verdict.UNSIGNED
    assert "ips.json.jws" in report.headline


def test_jws_without_its_file_is_explained(tmp_path: Path) -> None:
    (tmp_path / "gone.json.jws").write_text("x")
    with pytest.raises(UserFacingError, match="not beside it"):
        verify_path(tmp_path / "gone.json.jws")


def test_bundle_signature(document: Path, trusted: TrustStore) -> None:
    signed = sign_bundle_file(document, make_identity())
    assert signed.name == "ips.signed.json"
    report = verify_path(signed, trust=trusted)
    assert report.verdict is Verdict.VERIFIED
    assert report.kind == "bundle-signature"
    tree = json.loads(signed.read_bytes())
    tree["type"] = "collection"
    signed.write_text(json.dumps(tree))
    assert verify_path(signed, trust=trusted).verdict is Verdict.FAILED


def test_protected_signed_file(document: Path, trusted: TrustStore) -> None:
    sign_file(document, make_identity())
    protected = protect_file(document, PASSWORD)
    with pytest.raises(PasswordRequired):
        verify_path(protected, trust=trusted)
    with pytest.raises(WrongPassword):
        verify_path(protected, "wrong password", trust=trusted)
    report = verify_path(protected, PASSWORD, trust=trusted)
    assert report.protected
    assert report.verdict is Verdict.VERIFIED


def test_protected_unsigned_file_is_unsigned(document: Path) -> None:
    protected = protect_file(document, PASSWORD, out=document.parent / "secret.json.jwe")
    report = verify_path(protected, PASSWORD)
    assert report.verdict is Verdict.UNSIGNED
    assert "password fits" in report.headline


def test_protected_package(document: Path, trusted: TrustStore, tmp_path: Path) -> None:
    out = write_package(
        [document], tmp_path / "share.xshare.jwe", signer=make_identity(), password=PASSWORD
    )
    report = verify_path(out, PASSWORD, trust=trusted)
    assert report.kind == "package" and report.protected
    assert report.verdict is Verdict.VERIFIED
    assert report.documents == {"ips.json": DOCUMENT}
    assert report.as_dict()["verdict"] == "verified"
    json.dumps(report.as_dict())


def test_expired_signer_fails(document: Path, trusted: TrustStore) -> None:
    import datetime as dt

    sign_file(document, make_identity())
    report = verify_path(document, trust=trusted, now=dt.datetime(2040, 1, 1, tzinfo=dt.UTC))
    assert report.verdict is Verdict.FAILED
    assert "expired" in report.headline


def test_package_signed_from_outside(document: Path, trusted: TrustStore, tmp_path: Path) -> None:
    package = write_package([document], tmp_path / "share.zip")
    assert verify_path(package, trust=trusted).verdict is Verdict.UNSIGNED
    sign_file(package, make_identity())
    report = verify_path(package, trust=trusted)
    assert report.verdict is Verdict.VERIFIED, report.headline
    assert report.files[0].name == "share.zip"
    extra = tmp_path / "note.txt"
    extra.write_text("an extra file")
    other = write_package([document, extra], tmp_path / "other.zip")
    (tmp_path / "share.zip").write_bytes(other.read_bytes())
    assert verify_path(package, trust=trusted).verdict is Verdict.FAILED
