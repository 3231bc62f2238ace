"""Password protection (PBES2-HS512+A256KW, A256GCM, p2c 600,000)."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.signing.files import protect_file, unprotect_file
from xshare_desktop.core.signing.password import (
    ITERATIONS,
    PasswordRequired,
    WrongPassword,
    protect_bytes,
    read_header,
    unprotect_bytes,
)

PASSWORD = "blåbærgrød 42"
SECRET = b'{"resourceType":"Bundle"}'
PROTECTED = protect_bytes(SECRET, PASSWORD, "application/fhir+json")


def _header(token: bytes) -> dict[str, object]:
    part = token.split(b".")[0]
    return json.loads(base64.urlsafe_b64decode(part + b"=" * (-len(part) % 4)))


def _with_header(token: bytes, **changes: object) -> bytes:
    header = _header(token)
    header.update(changes)
    encoded = base64.urlsafe_b64encode(json.dumps(header).encode()).rstrip(b"=")
    return b".".join([encoded, *token.split(b".")[1:]])


def test_header_uses_pbes2_with_600k_iterations() -> None:
    header = _header(PROTECTED)
    assert header["alg"] == "PBES2-HS512+A256KW"
    assert header["enc"] == "A256GCM"
    assert header["p2c"] == ITERATIONS >= 600_000
    assert header["cty"] == "application/fhir+json"
    assert PROTECTED.count(b".") == 4


def test_round_trip_and_content_type() -> None:
    assert unprotect_bytes(PROTECTED, PASSWORD) == (SECRET, "application/fhir+json")


def test_password_is_unicode_normalised() -> None:
    decomposed = "blåbærgrød 42".replace("å", "a\u030a")
    assert unprotect_bytes(PROTECTED, decomposed)[0] == SECRET


def test_wrong_password_is_a_clear_error() -> None:
    with pytest.raises(WrongPassword, match="The password is wrong"):
        unprotect_bytes(PROTECTED, "not the password")


def test_missing_password_asks_for_one() -> None:
    with pytest.raises(PasswordRequired):
        unprotect_bytes(PROTECTED, None)


def test_changed_ciphertext_is_reported_as_damaged() -> None:
    parts = PROTECTED.split(b".")
    ciphertext = bytearray(base64.urlsafe_b64decode(parts[3] + b"=" * (-len(parts[3]) % 4)))
    ciphertext[0] ^= 1
    parts[3] = base64.urlsafe_b64encode(bytes(ciphertext)).rstrip(b"=")
    with pytest.raises(UserFacingError, match="changed or damaged"):
        unprotect_bytes(b".".join(parts), PASSWORD)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"p2c": 10**9}, "unreasonable"),
        ({"p2c": 10}, "unreasonable"),
        ({"p2c": "600000"}, "unreasonable"),
        ({"alg": "dir"}, "protected with"),
        ({"enc": "A128CBC-HS256"}, "protected with"),
        ({"zip": "DEF"}, "decompression"),
    ],
)
def test_hostile_headers_are_refused_before_any_work(
    changes: dict[str, object], message: str
) -> None:
    with pytest.raises(UserFacingError, match=message):
        unprotect_bytes(_with_header(PROTECTED, **changes), PASSWORD)


def test_short_password_is_refused_when_protecting() -> None:
    with pytest.raises(UserFacingError, match="at least"):
        protect_bytes(SECRET, "short", "text/plain")


def test_wrong_password_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "doc.json"
    source.write_bytes(SECRET)
    protected = protect_file(source, PASSWORD)
    out = tmp_path / "opened.json"
    with pytest.raises(WrongPassword):
        unprotect_file(protected, "wrong password", out=out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.json", "doc.json.jwe"]
    assert unprotect_file(protected, PASSWORD, out=out).read_bytes() == SECRET


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_garbage_never_crashes(data: bytes) -> None:
    try:
        read_header(data)
    except UserFacingError:
        return
