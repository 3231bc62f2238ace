"""The verification details of a received file, and the open-link note, in Danish (issue #14, "Words").

docs/translations.md "Messages from the core": core/signing/verify.py marks its results' messages
where it writes them; "Open something I received" translates them where it shows them (the
detail rows' tooltips and the line under the badge), while the CLI keeps the English.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP
from xshare_desktop.core.receiving import receive
from xshare_desktop.core.signing import (
    TrustStore,
    create_identity,
    demo_ca,
    sign_file,
    write_package,
)
from xshare_desktop.gui.views import open_link_tasks
from xshare_desktop.gui.views.received_view import ReceivedView

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "ips-karen-testesen.json"


@pytest.fixture()
def danish_view(qtbot, make_context) -> ReceivedView:  # type: ignore[no-untyped-def]
    widget = ReceivedView(make_context(lang="da"))
    qtbot.addWidget(widget)
    return widget


@pytest.fixture()
def identity():  # type: ignore[no-untyped-def]
    return create_identity("Karen Testesen", "correct horse battery", email="karen@example.org")


def _verify(qtbot, view: ReceivedView, path: Path) -> None:  # type: ignore[no-untyped-def]
    worker = view.open_path(path)
    with qtbot.waitSignal(worker.done, timeout=20_000):
        pass
    assert view.report is not None


def _tooltips(view: ReceivedView) -> dict[str, str]:
    items = (view.details.topLevelItem(i) for i in range(view.details.topLevelItemCount()))
    return {item.text(0): item.toolTip(1) for item in items}


def _sample(tmp_path: Path) -> Path:
    target = tmp_path / "ips.json"
    target.write_bytes(SAMPLE.read_bytes())
    return target


def test_a_verified_package_is_described_in_danish(qtbot, danish_view, identity, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Issue #14: each file's result in a signed, trusted package is Danish in the Danish window;
    the report itself (what the CLI prints) keeps the English."""
    TrustStore().add_file(demo_ca.certificate_path())
    package = write_package([_sample(tmp_path)], tmp_path / "share.zip", signer=identity)
    _verify(qtbot, danish_view, package)
    shown = _tooltips(danish_view)
    assert shown["ips.json"] == "ips.json er præcis, som da den blev signeret.", shown
    assert shown["ips.json.jws"] == "ips.json.jws passer til pakkens filliste (manifest).", shown
    report = danish_view.report
    assert report is not None
    assert report.files[0].message == "ips.json is exactly as it was signed."
    assert report.headline.startswith("Intact — signed by Karen Testesen")


def test_a_changed_member_of_a_package_is_described_in_danish(  # type: ignore[no-untyped-def]
    qtbot, danish_view, identity, tmp_path
) -> None:
    """Issue #14: a file changed inside a signed package says so in Danish, its name kept."""
    TrustStore().add_file(demo_ca.certificate_path())
    package = write_package([_sample(tmp_path)], tmp_path / "share.zip", signer=identity)
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "ips.json":
                data = data.replace(b"Karen", b"Karin", 1)
            target.writestr(info, data)
    _verify(qtbot, danish_view, tampered)
    assert danish_view.badge_colour() == "red"
    shown = _tooltips(danish_view)
    assert shown["ips.json"] == (
        "ips.json er ændret: den passer ikke længere til pakkens filliste (manifest)."
    ), shown
    assert "changed" not in " ".join(shown.values())


def test_a_changed_signed_file_and_an_unsigned_one_are_danish(  # type: ignore[no-untyped-def]
    qtbot, danish_view, identity, tmp_path
) -> None:
    """Issue #14: a detached signature that no longer fits (its row and the signature check's
    detail lines), and a file with none, in Danish."""
    document = _sample(tmp_path)
    sign_file(document, identity)
    document.write_bytes(document.read_bytes().replace(b"Karen", b"Karin", 1))
    _verify(qtbot, danish_view, document)
    assert _tooltips(danish_view)["ips.json"] == (
        "ips.json er ændret, efter at den blev signeret, eller signaturen hører til en anden fil."
    )
    top = danish_view.details.topLevelItem(0)
    lines = [top.child(i).text(1) for i in range(top.childCount())]
    # The signature check's own line (core/signing/jws.py) is Danish too, the signer's name kept.
    assert lines == [
        "Signaturen nævner Karen Testesen, men passer ikke til indholdet",
        "Signaturen passer ikke til indholdet: filen er ændret, efter at den blev signeret, "
        "eller signaturen hører til en anden fil.",
    ], lines
    check = danish_view.report.files[0].signatures[0]  # type: ignore[union-attr]
    assert check.problems[0].startswith("The signature does not match the content")  # CLI
    unsigned = tmp_path / "other" / "ips.json"
    unsigned.parent.mkdir()
    unsigned.write_bytes(SAMPLE.read_bytes())
    _verify(qtbot, danish_view, unsigned)
    assert _tooltips(danish_view)["ips.json"] == "ips.json har ingen signatur."


def test_the_not_validated_note_of_an_opened_link_is_danish(  # type: ignore[no-untyped-def]
    make_context, monkeypatch
) -> None:
    """Issue #14: when the FHIR packages cannot be loaded, the open-link view's note (built on the
    worker, gui/views/open_link_tasks.py) is Danish, and so is the core's reason inside it."""
    make_context(lang="da")

    def no_validator() -> None:
        raise UserFacingError(QT_TRANSLATE_NOOP("Core", "{name} is empty.").format(name="a.json"))

    monkeypatch.setattr(receive, "load_validator", no_validator)
    received = receive.Received(label=None, items=[])
    open_link_tasks.validate_received(received, progress=None)
    assert received.notes == [
        "Dokumenterne blev ikke tjekket mod reglerne i deres format: a.json er tom."
    ]


def test_notes_about_a_links_files_are_danish(make_context) -> None:  # type: ignore[no-untyped-def]
    """Issue #14: the notes the core writes while unpacking a link (core/receiving/receive.py,
    e.g. SHL: a file of a content type this app does not read is skipped) are marked messages:
    English for the CLI, Danish where the Danish open-link view shows them."""
    from xshare_desktop.core.shl.client import Retrieval, RetrievedFile
    from xshare_desktop.core.shl.payload import ShlPayload
    from xshare_desktop.gui import errors

    make_context(lang="da")
    kind = "application/x-future"
    payload = ShlPayload(url="http://127.0.0.1/shl/x", key="A" * 43, label="Test")
    retrieval = Retrieval(payload, [RetrievedFile(kind, kind, b"??", listed_content_type=kind)])
    received = receive.unpack(retrieval)
    (note,) = received.notes
    assert str(note) == "File 1 has content type application/x-future, which was ignored."
    assert not isinstance(note, str)
    assert errors.translated(note) == (
        "Fil 1 har indholdstypen application/x-future, som blev sprunget over."
    )
