"""Every CLI command the review covered, fed every kind of bad input (in-process, for speed).

Each must answer with exit 2 and exactly one ``xshare: ...`` line on stderr, leave the input
untouched and write nothing. The subprocess versions of a few of these cases live in
tests/e2e/test_cli_hostile_input.py.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from xshare_desktop.cli.main import main

Maker = Callable[[Path], Path]


def _write(name: str, data: bytes) -> Maker:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


def _folder(folder: Path) -> Path:
    path = folder / "a-folder.json"
    path.mkdir()
    return path


def _missing(folder: Path) -> Path:
    return folder / "missing.json"


def _sparse_200_mb(folder: Path) -> Path:
    path = folder / "huge.json"
    with path.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)
    return path


BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n'
    b'<Bundle xmlns="http://hl7.org/fhir"><id value="&lol3;"/></Bundle>'
)

CONTENT_INPUTS: dict[str, Maker] = {
    "truncated": _write("truncated.json", b'{"resourceType": "Bundle", "type": "docu'),
    "not-json": _write("broken.json", b"not json at all"),
    "nested-100000": _write("deep.json", b"[" * 100_000 + b"]" * 100_000),
    "binary": _write("binary.json", bytes(range(256)) * 40),
    "latin-1": _write("latin1.json", '{"resourceType":"Bundle","x":"Søren"}'.encode("latin-1")),
    "xml-bomb": _write("bomb.xml", BILLION_LAUGHS),
    "xml-nested": _write("deep.xml", b'<Bundle xmlns="http://hl7.org/fhir">' + b"<a>" * 5000),
    "empty": _write("empty.json", b""),
}
PATH_INPUTS: dict[str, Maker] = {
    "missing": _missing,
    "folder": _folder,
    "200-MB": _sparse_200_mb,
}

# Commands that read the file's content as a document, link file or protected file.
CONTENT_COMMANDS: dict[str, list[str]] = {
    "show": ["show", "{file}"],
    "validate": ["validate", "{file}"],
    "unprotect": ["unprotect", "{file}", "--out", "{out}/opened.json"],
    "package-extract": ["package", "extract", "{file}", "--out", "{out}/extracted"],
    "shl-create": ["shl", "create", "{file}", "--host-url", "http://127.0.0.1:9"],
    "packages-install": ["packages", "--cache", "{out}/cache", "install", "{file}"],
}
# Commands that accept any bytes but must still refuse paths that are not readable files.
PATH_COMMANDS: dict[str, list[str]] = {
    **CONTENT_COMMANDS,
    "verify": ["verify", "{file}"],
    "protect": ["protect", "{file}", "--out", "{out}/p.jwe"],
    "package-create": ["package", "create", "{file}", "--out", "{out}/p.zip"],
}


def _digest(path: Path) -> str | None:
    if not path.is_file():
        return None
    stat = path.stat()
    if stat.st_size > 10 * 1024 * 1024:  # the sparse 200 MB file: size and time tell enough
        return f"{stat.st_size}:{stat.st_mtime_ns}"
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def _run(
    argv: list[str], source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    out = tmp_path / "out"
    out.mkdir()
    before = _digest(source)
    code = main([a.format(file=source, out=out) for a in argv])
    err = capsys.readouterr().err
    assert _digest(source) == before, "the input was modified"
    leftovers = [p for p in out.rglob("*") if p.is_file()]
    assert leftovers == [], f"files were written: {leftovers}"
    return code, err


def _assert_one_plain_line(code: int, err: str) -> None:
    assert code == 2, err
    assert "Traceback" not in err
    assert err.startswith("xshare: ") and err.count("\n") == 1, err


@pytest.fixture(autouse=True)
def _secrets(monkeypatch: pytest.MonkeyPatch, fhir_cache: Path) -> None:
    monkeypatch.setenv("XSHARE_PASSWORD", "correct horse battery")


@pytest.mark.parametrize("command", sorted(CONTENT_COMMANDS))
@pytest.mark.parametrize("kind", sorted(CONTENT_INPUTS))
def test_bad_content_gets_exit_2_and_one_line(
    command: str, kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = CONTENT_INPUTS[kind](tmp_path)
    _assert_one_plain_line(*_run(CONTENT_COMMANDS[command], source, tmp_path, capsys))


@pytest.mark.parametrize("command", sorted(PATH_COMMANDS))
@pytest.mark.parametrize("kind", sorted(PATH_INPUTS))
def test_unreadable_paths_get_exit_2_and_one_line(
    command: str, kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = PATH_INPUTS[kind](tmp_path)
    _assert_one_plain_line(*_run(PATH_COMMANDS[command], source, tmp_path, capsys))


def test_package_extract_of_a_document_says_so_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found in review: the refusal went to stdout after a misleading verification report."""
    source = _write("doc.json", b'{"resourceType": "Bundle"}')(tmp_path)
    code, err = _run(CONTENT_COMMANDS["package-extract"], source, tmp_path, capsys)
    _assert_one_plain_line(code, err)
    assert "not an xShare package" in err


def test_packages_install_of_a_missing_file_names_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found in review: a missing .json path was reported as 'not a package name'."""
    code, err = _run(PATH_COMMANDS["packages-install"], tmp_path / "ig.json", tmp_path, capsys)
    _assert_one_plain_line(code, err)
    assert "does not exist" in err


def test_validate_output_may_not_replace_an_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _write("doc.json", b'{"resourceType": "Patient"}')(tmp_path)
    code, err = _run(["validate", "{file}", "--output", str(source)], source, tmp_path, capsys)
    _assert_one_plain_line(code, err)
    assert "would replace" in err


def test_shl_create_does_not_replace_an_existing_qr_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found in review: --qr silently replaced whatever file had that name."""
    from xshare_desktop.core.shl.store import LinkStore

    document = _write("doc.json", b'{"resourceType": "Bundle", "type": "document"}')(tmp_path)
    existing = tmp_path / "photo.png"
    existing.write_bytes(b"\x89PNG my holiday photo")
    argv = ["shl", "create", "{file}", "--host-url", "http://127.0.0.1:9", "--qr", str(existing)]
    code, err = _run(argv, document, tmp_path, capsys)
    _assert_one_plain_line(code, err)
    assert existing.read_bytes() == b"\x89PNG my holiday photo"
    assert LinkStore().links() == []


def test_password_file_that_is_not_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found in review: a non-UTF-8 --password-file crashed with UnicodeDecodeError."""
    secret = _write("password.txt", b"\xff\xfe caf\xe9")(tmp_path)
    document = _write("doc.json", b"{}")(tmp_path)
    argv = ["protect", "{file}", "--out", "{out}/doc.jwe", "--password-file", str(secret)]
    code, err = _run(argv, document, tmp_path, capsys)
    _assert_one_plain_line(code, err)
    assert "not UTF-8" in err


@pytest.mark.parametrize("port", ["99999", "-1", "http"])
def test_shl_serve_refuses_impossible_ports(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Found in review: --port 99999 reached bind() and crashed with OverflowError."""
    with pytest.raises(SystemExit) as exited:
        main(["shl", "serve", "--port", port])
    assert exited.value.code == 2
    assert "not a port number" in capsys.readouterr().err


def test_keys_export_does_not_replace_an_existing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found in review: `keys export-cert --out FILE` silently replaced FILE."""
    monkeypatch.setenv("XSHARE_PASSPHRASE", "a long passphrase")
    assert main(["keys", "create", "--name", "Karen Testesen"]) == 0
    existing = _write("notes.pem", b"my own notes")(tmp_path)
    capsys.readouterr()
    code, err = _run(["keys", "export-cert", "--out", "{file}"], existing, tmp_path, capsys)
    _assert_one_plain_line(code, err)
    assert "already exists" in err
    assert main(["keys", "export-cert", "--out", str(existing), "--force"]) == 0
    assert existing.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")
