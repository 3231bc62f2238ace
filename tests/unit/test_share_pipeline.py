"""One pass for a share: the previewed share is what is signed, protected and written, once.

Issue 15 ("One pipeline for a share"): the preview's prepared share (its FHIR JSON and PDF
bytes) is what gets signed, protected, packaged or linked, and each output touches the disk
once; nothing is staged in a temporary folder and read back. Conventions: "What we sign is
the bytes we write"; "Files are written atomically".
"""

from __future__ import annotations

import base64
import itertools
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.unit.signing_support import make_identity, shared_ca
from xshare_desktop.cli.main import main as cli_main
from xshare_desktop.core import fileio, paths
from xshare_desktop.core.sharing import delivery, writer
from xshare_desktop.core.sharing.selection import Selection
from xshare_desktop.core.sharing.writer import PreparedShare, ShareOptions, prepare_share
from xshare_desktop.core.shl import app_host, client
from xshare_desktop.core.signing import TrustStore, unprotect_bytes, verify_detached
from xshare_desktop.core.signing.xshare_package import read_package

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "ips-karen-testesen.json"
PASSWORD = "Rødgrød med fløde"
NOW = datetime(2026, 11, 27, 12, 0, 5, tzinfo=UTC)
BOTH = ShareOptions(formats=("fhir-json", "pdf"))


class StampedRenderer:
    """Like Qt's PDF writer, every call gives other bytes (a PDF carries its creation time).

    So a pipeline that renders twice (once for the preview, once for the file) cannot hand
    out the previewed PDF; one that renders once can.
    """

    def __init__(self) -> None:
        self.calls = 0
        self._serial = itertools.count()

    def __call__(self, prepared: PreparedShare, title: str) -> bytes:
        self.calls += 1
        return f"%PDF-1.4 {title} render {next(self._serial)}\n%%EOF\n".encode()


class WriteCounter:
    """Every atomic write, wherever the share code calls it from."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.paths: list[Path] = []
        real = fileio.atomic_write_bytes

        def counting(path: Any, data: bytes, *, overwrite: bool = True) -> Path:
            self.paths.append(Path(path))
            return real(path, data, overwrite=overwrite)

        for module in (fileio, writer, delivery):
            monkeypatch.setattr(module, "atomic_write_bytes", counting)


@pytest.fixture()
def raw() -> dict[str, Any]:
    data: dict[str, Any] = orjson.loads(SAMPLE.read_bytes())
    return data


@pytest.fixture()
def preview(raw: dict[str, Any]) -> PreparedShare:
    """What the wizard's preview step makes (``gui.flow.tasks.make_preview``)."""
    return prepare_share(raw, Selection(exclude=("section:10160-0",)), BOTH, now=NOW)


@pytest.fixture()
def writes(monkeypatch: pytest.MonkeyPatch) -> WriteCounter:
    return WriteCounter(monkeypatch)


@pytest.fixture()
def no_second_prepare(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the share was prepared a second time")

    monkeypatch.setattr(delivery, "prepare_share", refuse)
    monkeypatch.setattr(writer, "prepare_share", refuse)


@pytest.fixture()
def stop_host() -> Iterator[None]:
    yield
    app_host.stop_link_host()


def _tree(*folders: Path) -> set[Path]:
    return {p for folder in folders if folder.exists() for p in folder.rglob("*") if p.is_file()}


def _unwrapped(data: bytes) -> bytes:
    """The file a link carries; a PDF travels as a DocumentReference attachment (SHL spec)."""
    try:
        resource = orjson.loads(data)
    except orjson.JSONDecodeError:
        return data
    if resource.get("resourceType") != "DocumentReference":
        return data
    return base64.b64decode(resource["content"][0]["attachment"]["data"])


def trust() -> TrustStore:
    store = TrustStore()
    store.add_certificate(shared_ca()[1])
    return store


DOWNLOADS = {
    "plain": (delivery.DownloadOptions(), [".json", ".pdf"]),
    "signed": (delivery.DownloadOptions(sign=True), [".json", ".json.jws", ".pdf", ".pdf.jws"]),
    "protected": (delivery.DownloadOptions(password=PASSWORD), [".json.jwe", ".pdf.jwe"]),
    "signed-protected": (
        delivery.DownloadOptions(sign=True, password=PASSWORD),
        [".json.jwe", ".json.jws", ".pdf.jwe", ".pdf.jws"],
    ),
    "package": (delivery.DownloadOptions(sign=True, package=True), [".xshare.zip"]),
    "protected-package": (
        delivery.DownloadOptions(sign=True, password=PASSWORD, package=True),
        [".xshare.jwe"],
    ),
}


@pytest.mark.usefixtures("no_second_prepare")
@pytest.mark.parametrize("plan", list(DOWNLOADS))
def test_a_download_writes_each_output_once_and_stages_nothing(
    plan: str, preview: PreparedShare, writes: WriteCounter, tmp_path: Path
) -> None:
    """Each output is written once, into the chosen folder; no staging copy anywhere."""
    options, suffixes = DOWNLOADS[plan]
    out = tmp_path / "out"
    before = _tree(tmp_path, paths.temp_dir())
    result = delivery.deliver_prepared(
        preview,
        BOTH,
        options,
        out_dir=out,
        identity=make_identity(),
        pdf_renderer=StampedRenderer(),
    )
    created = _tree(tmp_path, paths.temp_dir()) - before
    assert sorted(writes.paths) == sorted(created) == sorted(result.paths)
    assert sorted(p.name.removeprefix(preview.stem) for p in created) == sorted(suffixes)
    assert all(p.parent == out for p in created)


@pytest.mark.usefixtures("no_second_prepare", "stop_host")
def test_a_link_writes_no_file_and_carries_the_previewed_bytes(
    preview: PreparedShare, writes: WriteCounter, tmp_path: Path
) -> None:
    """A link share writes nothing outside the link store; the recipient gets the preview's bytes."""
    renderer = StampedRenderer()
    shown = dict(preview.files(BOTH.formats, renderer))  # what the preview offers
    before = _tree(tmp_path, paths.temp_dir())
    result = delivery.deliver_prepared(
        preview,
        BOTH,
        delivery.LinkDelivery(sign=True),
        identity=make_identity(),
        pdf_renderer=renderer,
    )
    assert writes.paths == []
    assert _tree(paths.temp_dir()) - before == set()
    assert result.link_uri is not None
    assert result.contents == [n for name in shown for n in (name, name + ".jws")]
    # the link's files come in that order: each file, then its signature
    retrieved = [
        _unwrapped(f.data) for f in client.retrieve(result.link_uri, recipient="Dr. Test").files
    ]
    assert retrieved[0::2] == list(shown.values())
    assert renderer.calls == 1


@pytest.mark.usefixtures("no_second_prepare")
def test_the_written_files_are_the_previewed_bytes(preview: PreparedShare, tmp_path: Path) -> None:
    """The preview's FHIR JSON and PDF are the bytes written, signed and protected."""
    renderer = StampedRenderer()
    shown = dict(preview.files(BOTH.formats, renderer))
    plain = delivery.deliver_prepared(
        preview,
        BOTH,
        delivery.DownloadOptions(),
        out_dir=tmp_path / "plain",
        pdf_renderer=renderer,
    )
    for path in plain.paths:
        assert path.read_bytes() == shown[path.name]
    sealed = delivery.deliver_prepared(
        preview,
        BOTH,
        delivery.DownloadOptions(sign=True, password=PASSWORD),
        out_dir=tmp_path / "sealed",
        identity=make_identity(),
        pdf_renderer=renderer,
    )
    folder = tmp_path / "sealed"
    for name, data in shown.items():
        opened, _type = unprotect_bytes((folder / f"{name}.jwe").read_bytes(), PASSWORD)
        assert opened == data
        assert verify_detached(data, (folder / f"{name}.jws").read_text("ascii"), trust()).ok
    package = delivery.deliver_prepared(
        preview,
        BOTH,
        delivery.DownloadOptions(package=True),
        out_dir=tmp_path / "package",
        pdf_renderer=renderer,
    )
    members = read_package(package.paths[0].read_bytes()).members
    assert {name: members[name] for name in shown} == shown
    assert renderer.calls == 1, "the PDF is made once, for the preview and every output"
    assert sealed.share is not None and sealed.share.prepared is preview


def test_the_cli_share_writes_each_output_once(
    raw: dict[str, Any],
    writes: WriteCounter,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``xshare share`` goes through the same pipeline: one write per output, nothing staged."""
    secret = tmp_path / "password.txt"
    secret.write_text(PASSWORD, encoding="utf-8")
    source = tmp_path / "in.json"
    source.write_bytes(SAMPLE.read_bytes())
    out = tmp_path / "out"
    before = _tree(tmp_path, paths.temp_dir())
    assert cli_main(["share", str(source), "--out", str(out)]) == 0
    assert (
        cli_main(
            [
                "share",
                str(source),
                "--out",
                str(tmp_path / "sealed"),
                "--password-file",
                str(secret),
            ]
        )
        == 0
    )
    created = _tree(tmp_path, paths.temp_dir()) - before
    assert sorted(writes.paths) == sorted(created)
    assert sorted(p.suffix for p in created) == [".json", ".jwe"]
    assert source.read_bytes() == SAMPLE.read_bytes(), "the input is never modified"
    capsys.readouterr()
