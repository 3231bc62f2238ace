"""``xshare share`` with --sign, --passphrase-file, --password-file and --package, as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "ips-sofie-eksempelsen.json"
PASSPHRASE = "correct horse battery"
PASSWORD = "Rødgrød med fløde"


@pytest.fixture()
def env(tmp_path: Path) -> dict[str, str]:
    environment = dict(os.environ)
    environment["XSHARE_DATA_DIR"] = str(tmp_path / "data")
    environment.pop("XSHARE_PASSPHRASE", None)
    environment.pop("XSHARE_PASSWORD", None)
    return environment


@pytest.fixture()
def secrets(tmp_path: Path) -> tuple[Path, Path]:
    passphrase = tmp_path / "passphrase.txt"
    passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    password = tmp_path / "password.txt"
    password.write_text(PASSWORD + "\n", encoding="utf-8")
    return passphrase, password


def xshare(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "xshare_desktop", *args],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=180,
        check=False,
    )


def make_key(env: dict[str, str], passphrase: Path) -> None:
    created = xshare(
        env, "keys", "create", "--name", "Sofie Eksempelsen", "--demo-ca",
        "--passphrase-file", str(passphrase),
    )  # fmt: skip
    assert created.returncode == 0, created.stderr


def test_signed_and_protected_files_verify(
    tmp_path: Path, env: dict[str, str], secrets: tuple[Path, Path]
) -> None:
    passphrase, password = secrets
    make_key(env, passphrase)
    out = tmp_path / "out"
    shared = xshare(
        env, "share", str(SAMPLE), "--exclude", "section:10160-0", "--format", "fhir-json,pdf",
        "--sign", "--passphrase-file", str(passphrase), "--password-file", str(password),
        "--out", str(out),
    )  # fmt: skip
    assert shared.returncode == 0, shared.stderr
    assert "signed by Sofie Eksempelsen" in shared.stdout
    assert "left out:" in shared.stdout
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 4
    assert all(n.endswith((".json.jwe", ".json.jws", ".pdf.jwe", ".pdf.jws")) for n in names)
    for name in names:
        assert f"wrote {out / name}" in shared.stdout
    sealed = next(out.glob("*.json.jwe"))
    assert b"Eksempelsen" not in sealed.read_bytes()
    verified = xshare(env, "verify", str(sealed), "--password-file", str(password))
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "Sofie Eksempelsen" in verified.stdout
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the password", encoding="utf-8")
    assert xshare(env, "verify", str(sealed), "--password-file", str(wrong)).returncode == 2


def test_one_signed_protected_package(
    tmp_path: Path, env: dict[str, str], secrets: tuple[Path, Path]
) -> None:
    passphrase, password = secrets
    make_key(env, passphrase)
    out = tmp_path / "out"
    shared = xshare(
        env, "share", str(SAMPLE), "--package", "--sign", "--passphrase-file", str(passphrase),
        "--password-file", str(password), "--out", str(out),
    )  # fmt: skip
    assert shared.returncode == 0, shared.stderr
    [package] = list(out.iterdir())
    assert package.name.endswith(".xshare.jwe")
    verified = xshare(env, "verify", str(package), "--password-file", str(password))
    assert verified.returncode == 0, verified.stdout + verified.stderr


def test_unsigned_package_is_a_zip_that_says_it_is_unsigned(
    tmp_path: Path, env: dict[str, str]
) -> None:
    out = tmp_path / "out"
    shared = xshare(env, "share", str(SAMPLE), "--package", "--out", str(out))
    assert shared.returncode == 0, shared.stderr
    [package] = list(out.iterdir())
    assert package.name.endswith(".xshare.zip")
    assert xshare(env, "verify", str(package)).returncode == 1  # intact but unsigned


def test_sign_without_a_key_or_with_a_wrong_passphrase_writes_nothing(
    tmp_path: Path, env: dict[str, str], secrets: tuple[Path, Path]
) -> None:
    passphrase, _password = secrets
    out = tmp_path / "out"
    no_key = xshare(
        env, "share", str(SAMPLE), "--sign", "--passphrase-file", str(passphrase),
        "--out", str(out),
    )  # fmt: skip
    assert no_key.returncode == 2
    assert "no signing key" in no_key.stderr
    make_key(env, passphrase)
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not my passphrase", encoding="utf-8")
    refused = xshare(
        env, "share", str(SAMPLE), "--sign", "--passphrase-file", str(wrong), "--out", str(out)
    )
    assert refused.returncode == 2
    assert "passphrase is wrong" in refused.stderr
    assert not out.exists()
    assert list((tmp_path / "data" / "tmp").glob("*")) == [], "staging is cleaned up"


def test_passphrase_file_without_sign_is_a_usage_error(
    tmp_path: Path, env: dict[str, str], secrets: tuple[Path, Path]
) -> None:
    passphrase, _password = secrets
    refused = xshare(
        env, "share", str(SAMPLE), "--passphrase-file", str(passphrase), "--out", str(tmp_path)
    )
    assert refused.returncode == 2
    assert "--sign" in refused.stderr


def test_signed_pdf_names_its_signer_and_how_to_check_it(
    tmp_path: Path, env: dict[str, str], secrets: tuple[Path, Path]
) -> None:
    """Issue #12: the PDF carried no signature status; it now says who signed and how to verify."""
    passphrase, _ = secrets
    make_key(env, passphrase)
    out = tmp_path / "out"
    shared = xshare(
        env, "share", str(SAMPLE), "--format", "pdf", "--language", "en",
        "--sign", "--passphrase-file", str(passphrase), "--out", str(out),
    )  # fmt: skip
    assert shared.returncode == 0, shared.stderr
    pdf = next(out.glob("*.pdf"))
    text = " ".join(
        subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout.split()
    )
    text = unicodedata.normalize("NFKC", text)  # the PDF draws "fi" as a ligature
    assert "Signature signed by Sofie Eksempelsen" in text
    assert "xshare verify" in text
    unsigned = tmp_path / "unsigned"
    plain = xshare(
        env, "share", str(SAMPLE), "--format", "pdf", "--language", "en", "--out", str(unsigned)
    )
    assert plain.returncode == 0, plain.stderr
    plain_text = subprocess.run(
        ["pdftotext", str(next(unsigned.glob("*.pdf"))), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "signed by" not in plain_text and "not signed" in " ".join(plain_text.split())


def test_a_protected_share_keeps_an_open_pdf_only_where_asked(
    env: dict[str, str], secrets: tuple[Path, Path], tmp_path: Path
) -> None:
    """Issue 12: a password-protected share still lets the person look at and print their own
    PDF, through an unprotected copy kept only in the folder they name, and said plainly."""
    _passphrase, password = secrets
    out, mine = tmp_path / "out", tmp_path / "mine"
    common = ("share", str(SAMPLE), "--format", "fhir-json,pdf", "--password-file", str(password))
    plain = xshare(env, *common, "--out", str(tmp_path / "plain"))
    assert plain.returncode == 0, plain.stderr
    assert not [p for p in (tmp_path / "plain").iterdir() if p.suffix == ".pdf"]
    done = xshare(env, *common, "--out", str(out), "--open-copy", str(mine))
    assert done.returncode == 0, done.stderr
    assert not [p for p in out.iterdir() if p.suffix in (".pdf", ".json")]
    [copy] = list(mine.iterdir())
    assert copy.suffix == ".pdf" and copy.read_bytes().startswith(b"%PDF")
    assert f"unprotected copy for you to look at and print: {copy}" in done.stdout
    assert "not protected" in done.stdout


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (("--format", "fhir-json"), "choose PDF"),
        (("--format", "pdf", "--open-copy", "SAME"), "another folder"),
    ],
)
def test_an_open_copy_needs_a_pdf_and_its_own_folder(
    env: dict[str, str],
    secrets: tuple[Path, Path],
    tmp_path: Path,
    extra: tuple[str, ...],
    message: str,
) -> None:
    _passphrase, password = secrets
    out = tmp_path / "out"
    args = [a.replace("SAME", str(out)) for a in extra]
    if "--open-copy" not in args:
        args += ["--open-copy", str(tmp_path / "mine")]
    done = xshare(
        env, "share", str(SAMPLE), "--password-file", str(password), "--out", str(out), *args
    )
    assert done.returncode == 2 and message in done.stderr, done.stderr
    assert not out.exists() or not list(out.iterdir())
