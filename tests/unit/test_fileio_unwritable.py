"""Atomic output: folders that cannot take the file, and file systems without links."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from xshare_desktop.core import fileio
from xshare_desktop.core.errors import UserFacingError


def test_writing_where_a_folder_cannot_be_made_is_a_plain_error(tmp_path: Path) -> None:
    """Found in review: OSError escaped as a crash (e.g. a read-only or full disk)."""
    blocker = tmp_path / "report.json"
    blocker.write_bytes(b"a file where a folder should be")
    with pytest.raises(UserFacingError, match="cannot be written"):
        fileio.atomic_write_bytes(blocker / "out.json", b"{}")
    assert blocker.read_bytes() == b"a file where a folder should be"


def _no_hard_links(src: str, dst: str) -> None:
    raise PermissionError(1, "Operation not permitted")


def test_no_replace_write_works_without_hard_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found in review: saving to a FAT/exFAT USB stick failed, as os.link is not supported."""
    monkeypatch.setattr(os, "link", _no_hard_links)
    target = fileio.atomic_write_bytes(tmp_path / "doc.json", b"new", overwrite=False)
    assert target.read_bytes() == b"new"
    with pytest.raises(UserFacingError, match="already exists"):
        fileio.atomic_write_bytes(tmp_path / "doc.json", b"other", overwrite=False)
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.json"]  # no .part left behind


def test_no_replace_write_keeps_a_file_that_appears_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "doc.json"
    real_link = os.link

    def someone_else_writes_first(src: str, dst: str) -> None:
        Path(dst).write_bytes(b"theirs")
        real_link(src, dst)

    monkeypatch.setattr(os, "link", someone_else_writes_first)
    with pytest.raises(UserFacingError, match="already exists"):
        fileio.atomic_write_bytes(target, b"mine", overwrite=False)
    assert target.read_bytes() == b"theirs"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.json"]


def test_a_failed_write_is_still_an_oserror_for_callers_that_shrug_it_off(tmp_path: Path) -> None:
    """The package index cache and the settings file catch OSError and carry on."""
    blocker = tmp_path / "cache"
    blocker.write_bytes(b"")
    with pytest.raises(OSError):
        fileio.atomic_write_bytes(blocker / "index.json", b"{}")
