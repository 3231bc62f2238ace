"""The window says so when the data folder was open to other users (issue 16, item 1)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from xshare_desktop.gui.app import show_privacy_warnings

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


def test_an_open_data_folder_is_made_private_and_said(
    make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "open"
    data.mkdir()
    os.chmod(data, 0o755)
    monkeypatch.setenv("XSHARE_DATA_DIR", str(data))
    window = make_window(lang="da")
    show_privacy_warnings(window)
    assert window.banner.isVisible()
    assert window.banner.text.startswith("Din xShare-datamappe kunne læses af andre brugere")
    assert stat.S_IMODE(data.stat().st_mode) == 0o700


def test_a_private_folder_says_nothing(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    show_privacy_warnings(window)
    assert not window.banner.isVisible()
