"""xShare packages: round trip, hostile archives, and every changed member is caught."""

from __future__ import annotations

import io
import stat
import tempfile
import zipfile
from pathlib import Path

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from signing_support import NOW, shared_ca, shared_identity

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.signing.trust import TrustStore
from xshare_desktop.core.signing.verify import FileState, Verdict, verify_package_bytes
from xshare_desktop.core.signing.xshare_package import (
    MAX_MEMBERS,
    build_package_bytes,
    extract_members,
    read_package,
    write_package,
)

TRUST = TrustStore(Path(tempfile.mkdtemp(prefix="xshare-trust-")))
TRUST.add_certificate(shared_ca()[1])
FILES = {
    "ips.json": b'{"resourceType": "Bundle", "type": "document", "id": "ips"}\n',
    "ips.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 4 + b"\n%%EOF\n",
}
SIGNED = build_package_bytes(FILES, signer=shared_identity(), created=NOW)
UNSIGNED = build_package_bytes(FILES, created=NOW)


def verify(data: bytes):  # type: ignore[no-untyped-def]
    return verify_package_bytes(data, source="test.zip", trust=TRUST, now=NOW)


def _zip(members: list[tuple[str, bytes]], *, mode: int | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            if mode is not None:
                info.external_attr = mode << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def _members(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(i.filename, archive.read(i)) for i in archive.infolist()]


def _replace(data: bytes, name: str, content: bytes) -> bytes:
    return _zip([(n, content if n == name else c) for n, c in _members(data)])


def test_signed_package_verifies() -> None:
    report = verify(SIGNED)
    assert report.verdict is Verdict.VERIFIED, report.headline
    names = {f.name for f in report.files}
    assert names == {"ips.json", "ips.json.jws", "ips.pdf", "ips.pdf.jws"}
    assert set(report.documents) == {"ips.json", "ips.pdf"}
    assert report.package and report.package["signer"] == "Karen Testesen"
    manifest = orjson.loads(dict(_members(SIGNED))["manifest.json"])
    assert manifest["format"] == "xshare-package"
    assert all(len(f["sha256"]) == 64 for f in manifest["files"])


def test_unsigned_package_is_intact_but_unsigned() -> None:
    report = verify(UNSIGNED)
    assert report.verdict is Verdict.UNSIGNED
    assert all(f.state is FileState.INTACT for f in report.files)


@pytest.mark.parametrize("name", ["ips.json", "ips.pdf.jws", "manifest.json", "manifest.json.jws"])
def test_rebuilt_package_with_one_changed_member_fails(name: str) -> None:
    original = dict(_members(SIGNED))[name]
    changed = bytearray(original)
    changed[len(changed) // 2] ^= 0x01
    assert_rejected(_replace(SIGNED, name, bytes(changed)))


def assert_rejected(data: bytes) -> None:
    """Either refused outright (unreadable) or reported as failed; never verified."""
    try:
        report = verify(data)
    except UserFacingError:
        return
    assert report.verdict is Verdict.FAILED, report.headline


def test_missing_and_unexpected_members_fail() -> None:
    without_pdf = _zip([(n, c) for n, c in _members(SIGNED) if n != "ips.pdf"])
    report = verify(without_pdf)
    assert report.verdict is Verdict.FAILED
    assert [f.state for f in report.files if f.name == "ips.pdf"] == [FileState.MISSING]
    extra = _zip([*_members(SIGNED), ("extra.exe", b"MZ")])
    report = verify(extra)
    assert report.verdict is Verdict.FAILED
    assert [f.state for f in report.files if f.name == "extra.exe"] == [FileState.UNEXPECTED]


def test_removed_manifest_signature_downgrades_to_unsigned() -> None:
    stripped = _zip([(n, c) for n, c in _members(SIGNED) if n != "manifest.json.jws"])
    assert verify(stripped).verdict is not Verdict.VERIFIED


def _member_data_span(data: bytes, name: str) -> tuple[int, int]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(name)
    header = info.header_offset
    name_length = int.from_bytes(data[header + 26 : header + 28], "little")
    extra_length = int.from_bytes(data[header + 28 : header + 30], "little")
    start = header + 30 + name_length + extra_length
    return start, start + info.compress_size


@settings(max_examples=80, deadline=None)
@given(
    st.sampled_from(["ips.json", "ips.pdf", "ips.json.jws", "manifest.json", "manifest.json.jws"]),
    st.data(),
)
def test_one_changed_byte_in_any_member_fails(name: str, data: st.DataObject) -> None:
    start, end = _member_data_span(SIGNED, name)
    position = data.draw(st.integers(start, end - 1))
    flip = data.draw(st.integers(1, 255))
    changed = bytearray(SIGNED)
    changed[position] ^= flip
    if _content_unchanged(bytes(changed), name):
        return  # unused padding bits at the end of a deflate stream carry no content
    assert_rejected(bytes(changed))


def _content_unchanged(data: bytes, name: str) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.read(name) == dict(_members(SIGNED))[name]
    except Exception:
        return False


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("../evil.txt", "climbs out"),
        ("/etc/passwd", "absolute"),
        ("C:/Windows/evil.txt", "absolute"),
        ("..\\evil.txt", "climbs out"),
        ("sub/dir.txt", "folder"),
        ("NUL.txt", "reserved"),
        ("bad\x01name", "control"),
    ],
)
def test_hostile_names_are_refused(name: str, message: str) -> None:
    with pytest.raises(UserFacingError, match=message):
        read_package(_zip([(name, b"x")]))


def test_symlink_is_refused() -> None:
    with pytest.raises(UserFacingError, match="link"):
        read_package(_zip([("link", b"/etc/passwd")], mode=stat.S_IFLNK | 0o777))


def test_duplicate_names_are_refused() -> None:
    with pytest.warns(UserWarning):  # zipfile itself warns about the duplicate
        data = _zip([("a.json", b"1"), ("A.json", b"2"), ("a.json", b"3")])
    with pytest.raises(UserFacingError, match="twice"):
        read_package(data)


def test_zip_bomb_is_refused() -> None:
    with pytest.raises(UserFacingError, match=r"zip bomb|too much"):
        read_package(_zip([("bomb.json", b"\0" * 50_000_000)]))


def test_too_many_members_are_refused() -> None:
    with pytest.raises(UserFacingError, match="at most"):
        read_package(_zip([(f"f{i}.txt", b"") for i in range(MAX_MEMBERS + 1)]))


def test_huge_manifest_is_refused() -> None:
    manifest = b'{"format": "xshare-package", "pad": "' + b"a" * 2_000_000 + b'"}'
    with pytest.raises(UserFacingError, match="manifest"):
        verify(_zip([("manifest.json", manifest)]))


@pytest.mark.parametrize(
    "manifest",
    [
        b"[]",
        b'{"format": "other"}',
        b'{"format": "xshare-package", "formatVersion": 99, "files": []}',
        b'{"format": "xshare-package", "formatVersion": 1, "files": [{"name": "a"}]}',
        b"not json",
    ],
)
def test_malformed_manifests_are_refused(manifest: bytes) -> None:
    with pytest.raises(UserFacingError):
        verify(_zip([("manifest.json", manifest), ("a", b"1")]))


def test_not_a_zip_is_refused() -> None:
    with pytest.raises(UserFacingError, match="not a readable zip"):
        read_package(b"PK\x03\x04 garbage")


def test_write_package_is_atomic_and_does_not_overwrite(tmp_path: Path) -> None:
    source = tmp_path / "ips.json"
    source.write_bytes(FILES["ips.json"])
    out = write_package([source], tmp_path / "p.zip", signer=shared_identity())
    assert out.read_bytes().startswith(b"PK")
    with pytest.raises(UserFacingError, match="already exists"):
        write_package([source], out)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_reserved_and_duplicate_input_names_are_refused() -> None:
    with pytest.raises(UserFacingError, match="reserved"):
        build_package_bytes({"manifest.json": b"{}"})
    with pytest.raises(UserFacingError, match="distinct"):
        build_package_bytes({"a.json": b"1", "A.json": b"2"})


def test_extract_writes_only_inside_the_folder(tmp_path: Path) -> None:
    target = tmp_path / "out"
    written = extract_members(verify(SIGNED).intact_files, target)
    assert {p.name for p in written} == {"ips.json", "ips.json.jws", "ips.pdf", "ips.pdf.jws"}
    assert all(p.parent == target.resolve() for p in written)
    with pytest.raises(UserFacingError):
        extract_members({"../escape.txt": b"x"}, target)
    with pytest.raises(UserFacingError, match="already exists"):
        extract_members({"ips.json": b"other"}, target)
    assert not (tmp_path / "escape.txt").exists()
    assert (target / "ips.json").read_bytes() == FILES["ips.json"]


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_are_refused_in_plain_words(data: bytes) -> None:
    for candidate in (data, b"PK\x03\x04" + data):
        try:
            verify(candidate)
        except UserFacingError:
            continue
