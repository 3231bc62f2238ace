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


def test_the_size_cap_is_said_in_the_unit_it_is_set_in(tmp_path: Path) -> None:
    """Issue 16 item 10: a 100 MB cap is said as 100 MB (not a binary cap said as '105 MB')."""
    from xshare_desktop.core.fileio import MAX_INPUT_BYTES, megabytes, read_input_bytes

    big = tmp_path / "big.json"
    with big.open("wb") as fh:
        fh.truncate(MAX_INPUT_BYTES + 1)
    with pytest.raises(UserFacingError, match=r"at most 100 MB\.") as caught:
        read_input_bytes(big)
    assert "is 100 MB" in str(caught.value)
    assert megabytes(420_000) == "0.4 MB" and megabytes(250_000_000) == "250 MB"
    assert megabytes(3_000_000) == "3 MB" and megabytes(3_500_000) == "3.5 MB"


def test_a_killed_write_leaves_no_lasting_part_file(tmp_path: Path) -> None:
    """Issue 16 item 7: hidden `.NAME.*.part` files of killed writes are cleaned up by the next
    write of the same name; a fresh one (a write in progress elsewhere) is left alone."""
    import os

    from xshare_desktop.core.fileio import STALE_PART_SECONDS

    old = tmp_path / ".share.json.abc123.part"
    fresh = tmp_path / ".share.json.def456.part"
    other = tmp_path / ".other.json.xyz.part"
    for leftover in (old, fresh, other):
        leftover.write_bytes(b"half")
    # the file system's clock, not Python's (CI runs a second time with Python's clock moved)
    long_ago = fresh.stat().st_mtime - STALE_PART_SECONDS - 60
    os.utime(old, (long_ago, long_ago))
    os.utime(other, (long_ago, long_ago))
    atomic_write_bytes(tmp_path / "share.json", b"{}")
    assert not old.exists()
    assert fresh.exists() and other.exists()
    assert (tmp_path / "share.json").read_bytes() == b"{}"
