"""Signing, protection and packages: every changed byte fails, inputs are never replaced,
hostile zips are refused before they cost memory."""

from __future__ import annotations

import struct
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from signing_support import NOW, shared_ca, shared_identity

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.signing.canonical_b64 import is_canonical_b64url
from xshare_desktop.core.signing.files import protect_file, sign_file, unprotect_file
from xshare_desktop.core.signing.jws import sign_bytes, verify_detached
from xshare_desktop.core.signing.password import protect_bytes, unprotect_bytes
from xshare_desktop.core.signing.trust import TrustStore
from xshare_desktop.core.signing.xshare_package import (
    extract_members,
    read_package,
    write_package,
)

TRUST = TrustStore(Path(tempfile.mkdtemp(prefix="xshare-trust-")))
TRUST.add_certificate(shared_ca()[1])
PAYLOAD = b'{"resourceType": "Bundle", "type": "document"}\n'
TOKEN = sign_bytes(PAYLOAD, shared_identity(), "application/fhir+json", signing_time=NOW)
PASSWORD = "correct horse battery"
PROTECTED = protect_bytes(PAYLOAD, PASSWORD, "application/fhir+json")
BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def test_the_token_verifies_unchanged() -> None:
    assert verify_detached(PAYLOAD, TOKEN, TRUST, now=NOW).ok
    assert unprotect_bytes(PROTECTED, PASSWORD)[0] == PAYLOAD


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_every_changed_character_of_a_signature_file_fails(data: st.DataObject) -> None:
    """Found in review: a changed last character (unused base64 bits) still verified."""
    position = data.draw(st.integers(0, len(TOKEN) - 1).filter(lambda i: TOKEN[i] != "."))
    replacement = data.draw(st.sampled_from(BASE64URL.replace(TOKEN[position], "")))
    changed = TOKEN[:position] + replacement + TOKEN[position + 1 :]
    check = verify_detached(PAYLOAD, changed, TRUST, now=NOW)
    assert not check.ok and check.status == "failed"


def test_last_character_of_the_signature_is_covered() -> None:
    head, _, signature = TOKEN.split(".")
    # ES256 signatures are 64 bytes: the last base64url character carries 4 unused bits.
    twin = signature[:-1] + BASE64URL[BASE64URL.index(signature[-1]) ^ 1]
    check = verify_detached(PAYLOAD, f"{head}..{twin}", TRUST, now=NOW)
    assert not check.intact


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_every_changed_byte_of_a_protected_file_is_refused(data: st.DataObject) -> None:
    position = data.draw(st.integers(0, len(PROTECTED) - 1))
    replacement = data.draw(st.integers(0, 255).filter(lambda b: b != PROTECTED[position]))
    changed = bytearray(PROTECTED)
    changed[position] = replacement
    with pytest.raises(UserFacingError):
        unprotect_bytes(bytes(changed), PASSWORD)


@given(st.binary(max_size=40))
def test_canonical_base64url_round_trips(raw: bytes) -> None:
    import base64

    text = base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
    assert is_canonical_b64url(text)
    assert not is_canonical_b64url(text + "=")


def test_outputs_never_replace_their_input(tmp_path: Path) -> None:
    """Found in review: --out naming the input plus --force replaced the original."""
    document = tmp_path / "doc.json"
    document.write_bytes(PAYLOAD)
    identity = shared_identity()
    with pytest.raises(UserFacingError, match=r"replace doc\.json itself"):
        sign_file(document, identity, out=document, overwrite=True)
    with pytest.raises(UserFacingError, match=r"replace doc\.json itself"):
        protect_file(document, PASSWORD, out=document, overwrite=True)
    with pytest.raises(UserFacingError, match="one of the files going into it"):
        write_package([document], document, overwrite=True)
    protected = tmp_path / "doc.json.jwe"
    protected.write_bytes(PROTECTED)
    with pytest.raises(UserFacingError, match="itself"):
        unprotect_file(protected, PASSWORD, out=protected, overwrite=True)
    assert document.read_bytes() == PAYLOAD
    assert protected.read_bytes() == PROTECTED


def test_extract_writes_nothing_when_any_name_is_taken(tmp_path: Path) -> None:
    """Found in review: a clash half-way left the first files of a package behind."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "b.json").write_bytes(b"mine")
    with pytest.raises(UserFacingError, match="already exists"):
        extract_members({"a.json": b"1", "b.json": b"2", "c.json": b"3"}, out)
    assert sorted(p.name for p in out.iterdir()) == ["b.json"]
    assert (out / "b.json").read_bytes() == b"mine"


def test_extract_into_a_file_is_explained(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_bytes(b"x")
    with pytest.raises(UserFacingError, match="not a folder"):
        extract_members({"a.json": b"1"}, target)


def _central_directory_bomb(entries: int, *, zip64: bool) -> bytes:
    record = struct.pack(
        "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0
    )
    directory = (record + b"a") * entries
    head = b"PK\x03\x04" + bytes(26)
    count = 0xFFFF if zip64 else min(entries, 0xFFFE)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(directory), len(head), 0)
    return head + directory + end


@pytest.mark.parametrize("zip64", [False, True])
def test_oversized_file_list_is_refused_before_zipfile_reads_it(zip64: bool) -> None:
    """Found in review: zipfile built 1.5 million entries (6 s, 650 MB) before the count check."""
    with pytest.raises(UserFacingError, match="refused"):
        read_package(_central_directory_bomb(50_000, zip64=zip64))


def test_lying_entry_count_is_caught_by_the_directory_size() -> None:
    data = bytearray(_central_directory_bomb(50_000, zip64=False))
    struct.pack_into("<HH", data, len(data) - 22 + 8, 3, 3)  # claims three entries
    with pytest.raises(UserFacingError, match="list of files"):
        read_package(bytes(data))


def _with_changed_certificate(position: int, value: int) -> str:
    import base64
    import json

    head, _, signature = TOKEN.split(".")
    header = json.loads(base64.urlsafe_b64decode(head + "=" * (-len(head) % 4)))
    der = bytearray(base64.b64decode(header["x5c"][0]))
    der[position % len(der)] = value
    header["x5c"][0] = base64.b64encode(bytes(der)).decode()
    encoded = base64.urlsafe_b64encode(json.dumps(header).encode()).rstrip(b"=").decode()
    return f"{encoded}..{signature}"


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 10_000), st.integers(0, 255))
def test_damaged_certificate_in_the_header_is_reported_not_raised(
    position: int, value: int
) -> None:
    """Found in review: damaged DER raised InvalidVersion / DuplicateExtension out of verify."""
    check = verify_detached(PAYLOAD, _with_changed_certificate(position, value), TRUST, now=NOW)
    assert not check.ok


@pytest.mark.parametrize(("position", "value"), [(12, 7), (12, 1)])  # the X.509 version byte
def test_known_damaged_certificates(position: int, value: int) -> None:
    check = verify_detached(PAYLOAD, _with_changed_certificate(position, value), TRUST, now=NOW)
    assert not check.ok


def test_zip_that_claims_a_newer_zip_version_is_refused_in_words() -> None:
    """Found in review: a changed 'version needed' byte raised NotImplementedError."""
    from signing_support import shared_identity as identity

    from xshare_desktop.core.signing.xshare_package import build_package_bytes

    data = bytearray(build_package_bytes({"a.json": b"{}"}, signer=identity(), created=NOW))
    directory = data.rfind(b"PK\x01\x02")
    struct.pack_into("<H", data, directory + 6, 241)  # "version needed to extract": 24.1
    with pytest.raises(UserFacingError, match="damaged"):
        read_package(bytes(data))


# -- the zip's own bookkeeping is covered too -------------------------------------------------


def _signed_package() -> bytes:
    from xshare_desktop.core.signing.xshare_package import build_package_bytes

    files = {"ips.json": b'{"resourceType": "Bundle"}\n', "ips.pdf": b"%PDF-1.7\n" + bytes(256)}
    return build_package_bytes(files, signer=shared_identity(), created=NOW)


PACKAGE = _signed_package()


def _data_spans(data: bytes) -> list[range]:
    import io
    import zipfile

    spans = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            start = info.header_offset + 30 + len(info.orig_filename.encode())
            spans.append(range(start, start + info.compress_size))
    return spans


BOOKKEEPING = [
    i for i in range(len(PACKAGE)) if not any(i in span for span in _data_spans(PACKAGE))
]


def _verdict(data: bytes) -> str:
    from xshare_desktop.core.signing.verify import verify_package_bytes

    try:
        return verify_package_bytes(data, source="p.zip", trust=TRUST, now=NOW).verdict.value
    except UserFacingError:
        return "refused"


def test_the_package_verifies_unchanged() -> None:
    assert _verdict(PACKAGE) == "verified"


@settings(max_examples=120, deadline=None)
@given(st.sampled_from(BOOKKEEPING), st.integers(0, 7))
def test_every_changed_bit_of_the_zip_bookkeeping_fails(position: int, bit: int) -> None:
    """Found in review: 205 of 3,188 single-byte changes (zip headers, directory) still verified."""
    changed = bytearray(PACKAGE)
    changed[position] ^= 1 << bit
    assert _verdict(bytes(changed)) != "verified"


@pytest.mark.parametrize(
    "altered",
    [
        b"junk" + PACKAGE,  # data hidden before the first member
        PACKAGE + b"junk",  # data after the end record
        PACKAGE[:-2] + b"\x04\x00" + b"note",  # an archive comment
    ],
    ids=["prepended", "appended", "comment"],
)
def test_hidden_data_around_the_members_is_refused(altered: bytes) -> None:
    assert _verdict(altered) == "refused"


def test_local_header_that_disagrees_with_the_directory_is_refused() -> None:
    """Other unzip tools read local headers: they must describe the same file."""
    changed = bytearray(PACKAGE)
    struct.pack_into("<L", changed, 14, 0x12345678)  # the first member's CRC, local copy only
    assert _verdict(bytes(changed)) == "refused"
