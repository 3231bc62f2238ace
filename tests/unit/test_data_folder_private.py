"""The data folder is private to its owner, and link keys are not kept beside their files
(issue 16, item 1: another account copied links.sqlite3 and decrypted a protected link).
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from xshare_desktop.core import paths
from xshare_desktop.core.shl import provider
from xshare_desktop.core.shl.content import ShareFile
from xshare_desktop.core.shl.key_wrap import KeyWrapper, LinkKeyUnavailable
from xshare_desktop.core.shl.store import LinkRecord, LinkStore

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _make_link(store: LinkStore) -> tuple[LinkRecord, str]:
    files = [ShareFile("ips.json", "application/fhir+json", b'{"resourceType": "Bundle"}')]
    return provider.create_link(
        files, provider.LinkOptions(passcode="1234"), "http://127.0.0.1:1", store=store
    )


def test_a_new_data_folder_and_link_store_are_owner_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XSHARE_DATA_DIR", str(tmp_path / "data"))
    store = LinkStore()
    _make_link(store)
    assert _mode(paths.data_dir()) == 0o700
    for name in ("links.sqlite3", "links.sqlite3-wal", "links.sqlite3-shm"):
        target = paths.data_dir() / name
        if target.exists():
            assert _mode(target) == 0o600, name
    assert _mode(paths.keys_dir()) == 0o700
    assert _mode(paths.keys_dir() / "link-store.kek") == 0o600


def test_a_folder_open_to_others_is_tightened_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "open-data"
    data.mkdir(mode=0o755)
    os.chmod(data, 0o755)
    (data / "links.sqlite3").write_bytes(b"")
    os.chmod(data / "links.sqlite3", 0o644)
    monkeypatch.setenv("XSHARE_DATA_DIR", str(data))
    warnings = paths.privacy_warnings()
    assert warnings and "could be read by other users" in warnings[0]
    assert _mode(data) == 0o700 and _mode(data / "links.sqlite3") == 0o600
    assert paths.privacy_warnings() == []  # said once


def test_the_cli_says_so_on_stderr(tmp_path: Path) -> None:
    data = tmp_path / "open-data"
    data.mkdir()
    os.chmod(data, 0o755)
    env = {**os.environ, "XSHARE_DATA_DIR": str(data)}
    result = subprocess.run(
        [sys.executable, "-m", "xshare_desktop", "shl", "list"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert "warning: Your xShare data folder" in result.stderr
    assert _mode(data) == 0o700


def test_a_copied_store_holds_no_usable_key(tmp_path: Path) -> None:
    store = LinkStore(tmp_path / "links.sqlite3", keys=KeyWrapper(tmp_path / "mine.kek"))
    created, uri = _make_link(store)
    raw_key = created.key
    assert len(raw_key) == 32
    on_disk = b"".join(p.read_bytes() for p in tmp_path.glob("links.sqlite3*"))
    assert raw_key not in on_disk, "the link key must not be stored in the clear"
    # Someone else's copy of the store, without our key-encryption key:
    stolen = LinkStore(tmp_path / "links.sqlite3", keys=KeyWrapper(tmp_path / "theirs.kek"))
    (record,) = stolen.links()
    assert record.key == b"" and record.key_problem
    with pytest.raises(LinkKeyUnavailable):
        provider.uri_for(record)
    # ... while the owner still gets the link back exactly.
    (mine,) = store.links()
    assert mine.key == raw_key and provider.uri_for(mine) == uri


def test_keys_stored_before_wrapping_still_work(tmp_path: Path) -> None:
    wrapper = KeyWrapper(tmp_path / "k.kek")
    legacy = os.urandom(32)
    assert wrapper.unwrap(legacy) == legacy
    assert wrapper.unwrap(wrapper.wrap(legacy)) == legacy
