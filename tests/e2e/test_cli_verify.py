"""The real ``xshare`` CLI: keys, sign, protect, package and verify, with exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

DOCUMENT = '{"resourceType": "Bundle", "type": "document", "note": "Lægedage"}\n'


@pytest.fixture()
def env(tmp_path: Path) -> dict[str, str]:
    environment = dict(os.environ)
    environment["XSHARE_DATA_DIR"] = str(tmp_path / "data")
    environment["XSHARE_PASSPHRASE"] = "correct horse battery"
    environment.pop("XSHARE_PASSWORD", None)
    return environment


def xshare(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "xshare_desktop", *args],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )


def test_sign_and_verify_end_to_end(tmp_path: Path, env: dict[str, str]) -> None:
    document = tmp_path / "ips.json"
    document.write_text(DOCUMENT, encoding="utf-8")
    created = xshare(
        env, "keys", "create", "--name", "Karen Testesen", "--email", "k@example.org", "--demo-ca"
    )
    assert created.returncode == 0, created.stderr
    assert "Demo CA" in created.stdout
    listed = xshare(env, "keys", "list")
    assert "Karen Testesen" in listed.stdout and "Trusted issuers:" in listed.stdout

    assert xshare(env, "sign", str(document)).returncode == 0
    verified = xshare(env, "verify", str(document), "--format", "json")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    report = json.loads(verified.stdout)
    assert report["verdict"] == "verified"
    assert report["files"][0]["signatures"][0]["signer"] == "Karen Testesen"

    document.write_text(DOCUMENT.replace("Lægedage", "Laegedage"), encoding="utf-8")
    tampered = xshare(env, "verify", str(document))
    assert tampered.returncode == 1
    assert tampered.stdout.startswith("FAILED")


def test_untrusted_signer_exits_1(tmp_path: Path, env: dict[str, str]) -> None:
    document = tmp_path / "ips.json"
    document.write_text(DOCUMENT, encoding="utf-8")
    assert xshare(env, "keys", "create", "--name", "Karen Testesen").returncode == 0
    assert xshare(env, "sign", str(document)).returncode == 0
    result = xshare(env, "verify", str(document))
    assert result.returncode == 1
    assert result.stdout.startswith("UNTRUSTED")
    certificate = tmp_path / "karen.pem"
    assert xshare(env, "keys", "export-cert", "--out", str(certificate)).returncode == 0
    assert xshare(env, "keys", "trust", "add", str(certificate)).returncode == 0
    assert xshare(env, "verify", str(document)).returncode == 0


def test_wrong_passphrase_exits_2(tmp_path: Path, env: dict[str, str]) -> None:
    document = tmp_path / "ips.json"
    document.write_text(DOCUMENT, encoding="utf-8")
    assert xshare(env, "keys", "create", "--name", "Karen Testesen").returncode == 0
    env["XSHARE_PASSPHRASE"] = "something else entirely"
    result = xshare(env, "sign", str(document))
    assert result.returncode == 2
    assert "passphrase is wrong" in result.stderr
    assert not (tmp_path / "ips.json.jws").exists()


def test_protected_package_round_trip(tmp_path: Path, env: dict[str, str]) -> None:
    document = tmp_path / "ips.json"
    document.write_text(DOCUMENT, encoding="utf-8")
    password = tmp_path / "password.txt"
    password.write_text("blåbærgrød 42\n", encoding="utf-8")
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the password\n", encoding="utf-8")
    assert xshare(env, "keys", "create", "--name", "Karen Testesen", "--demo-ca").returncode == 0
    package = tmp_path / "share.xshare.jwe"
    made = xshare(
        env,
        "package",
        "create",
        str(document),
        "--out",
        str(package),
        "--sign",
        "--password-file",
        str(password),
    )
    assert made.returncode == 0, made.stderr

    no_password = xshare(env, "verify", str(package))
    assert no_password.returncode == 2
    assert "password" in no_password.stderr
    bad = xshare(env, "verify", str(package), "--password-file", str(wrong))
    assert bad.returncode == 2
    assert "The password is wrong" in bad.stderr
    good = xshare(env, "verify", str(package), "--password-file", str(password))
    assert good.returncode == 0, good.stdout
    assert "VERIFIED" in good.stdout

    out = tmp_path / "received"
    extracted = xshare(
        env, "package", "extract", str(package), "--password-file", str(password), "--out", str(out)
    )
    assert extracted.returncode == 0, extracted.stdout + extracted.stderr
    assert (out / "ips.json").read_text(encoding="utf-8") == DOCUMENT


def test_protect_unprotect(tmp_path: Path, env: dict[str, str]) -> None:
    document = tmp_path / "ips.json"
    document.write_text(DOCUMENT, encoding="utf-8")
    env["XSHARE_PASSWORD"] = "blåbærgrød 42"
    protected = tmp_path / "ips.json.jwe"
    assert xshare(env, "protect", str(document), "--out", str(protected)).returncode == 0
    opened = tmp_path / "opened.json"
    env["XSHARE_PASSWORD"] = "wrong password"
    failed = xshare(env, "unprotect", str(protected), "--out", str(opened))
    assert failed.returncode == 2 and not opened.exists()
    env["XSHARE_PASSWORD"] = "blåbærgrød 42"
    assert xshare(env, "unprotect", str(protected), "--out", str(opened)).returncode == 0
    assert opened.read_text(encoding="utf-8") == DOCUMENT


def test_hostile_package_exits_2(tmp_path: Path, env: dict[str, str]) -> None:
    import zipfile

    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as archive:
        archive.writestr("../../escape.txt", "x")
        archive.writestr("manifest.json", "{}")
    result = xshare(env, "verify", str(evil))
    assert result.returncode == 2
    assert "climbs out" in result.stderr
    assert not (tmp_path.parent / "escape.txt").exists()
