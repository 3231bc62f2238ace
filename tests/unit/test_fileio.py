from pathlib import Path

import pytest

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import atomic_write_bytes, load_json_file, parse_json_bytes


def test_bom_is_accepted() -> None:
    assert parse_json_bytes(b'\xef\xbb\xbf{"a": 1}') == {"a": 1}


def test_truncated_json_says_so() -> None:
    with pytest.raises(UserFacingError) as info:
        parse_json_bytes(b'{"resourceType": "Bundle", "entry": [')
    assert "truncated" in info.value.message
    assert info.value.where and "line 1" in info.value.where


def test_deep_nesting_is_refused_quickly() -> None:
    with pytest.raises(UserFacingError) as info:
        parse_json_bytes(b"[" * 100_000 + b"]" * 100_000)
    assert "nested" in info.value.message


def test_not_utf8() -> None:
    with pytest.raises(UserFacingError, match="UTF-8"):
        parse_json_bytes(b'{"a": "\xff"}')


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UserFacingError, match="does not exist"):
        load_json_file(tmp_path / "nope.json")


def test_atomic_write_never_overwrites_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    atomic_write_bytes(target, b"one")
    with pytest.raises(UserFacingError):
        atomic_write_bytes(target, b"two", overwrite=False)
    assert target.read_bytes() == b"one"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
