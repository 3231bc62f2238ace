"""Hostile input through the real `xshare` process: one plain line, exit 2, input untouched."""

from __future__ import annotations

import hashlib
import io
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest


def run_cli(
    *args: str, env_extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    import os

    env = {**os.environ, **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "xshare_desktop", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _assert_refused(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("xshare: "), result.stderr
    assert words in result.stderr


def test_show_refuses_nesting_and_xml_bombs_without_touching_them(
    tmp_path: Path, fhir_cache: Path
) -> None:
    deep = tmp_path / "deep.json"
    deep.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    bomb = tmp_path / "bomb.xml"
    bomb.write_bytes(
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<Bundle xmlns="http://hl7.org/fhir"><id value="&b;"/></Bundle>'
    )
    before = {p: _sha256(p) for p in (deep, bomb)}
    _assert_refused(run_cli("show", str(deep)), "nested more than")
    _assert_refused(run_cli("validate", str(bomb)), "DTD or entities")
    assert {p: _sha256(p) for p in (deep, bomb)} == before


def test_verify_refuses_a_zip_whose_file_list_would_exhaust_memory(tmp_path: Path) -> None:
    record = struct.pack(
        "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0
    )
    directory = (record + b"a") * 100_000
    head = b"PK\x03\x04" + bytes(26)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 9, 9, len(directory), len(head), 0)
    package = tmp_path / "share.zip"
    package.write_bytes(head + directory + end)
    _assert_refused(run_cli("verify", str(package)), "refused")


@pytest.mark.parametrize(
    ("name", "words"),
    [("../escape.json", "climbs out"), ("/etc/passwd", "absolute path")],
)
def test_package_extract_refuses_hostile_names_and_writes_nothing(
    tmp_path: Path, name: str, words: str
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("manifest.json", b'{"format": "xshare-package"}')
        archive.writestr(name, b"{}")
    package = tmp_path / "hostile.zip"
    package.write_bytes(buffer.getvalue())
    out = tmp_path / "out"
    _assert_refused(run_cli("package", "extract", str(package), "--out", str(out)), words)
    assert not out.exists() or not any(out.iterdir())
    assert not (tmp_path / "escape.json").exists()


def test_wrong_password_writes_nothing(tmp_path: Path) -> None:
    document = tmp_path / "doc.json"
    document.write_bytes(b'{"resourceType": "Bundle"}')
    protected = run_cli("protect", str(document), env_extra={"XSHARE_PASSWORD": "right password 1"})
    assert protected.returncode == 0, protected.stderr
    jwe_file = tmp_path / "doc.json.jwe"
    before = _sha256(jwe_file)
    out = tmp_path / "opened.json"
    result = run_cli(
        "unprotect",
        str(jwe_file),
        "--out",
        str(out),
        env_extra={"XSHARE_PASSWORD": "wrong password 2"},
    )
    _assert_refused(result, "password is wrong")
    assert not out.exists()
    assert _sha256(jwe_file) == before
