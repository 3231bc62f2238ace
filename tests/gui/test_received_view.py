"""Open received file: badges, password, details, opening and saving."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from xshare_desktop.core.signing import (
    TrustStore,
    create_identity,
    demo_ca,
    protect_file,
    sign_file,
    write_package,
)
from xshare_desktop.gui.views.received_view import ReceivedView

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "ips-karen-testesen.json"
PASSWORD = "blåbærgrød 42"


@pytest.fixture()
def view(qtbot, make_context) -> ReceivedView:  # type: ignore[no-untyped-def]
    widget = ReceivedView(make_context())
    qtbot.addWidget(widget)
    return widget


@pytest.fixture()
def identity():  # type: ignore[no-untyped-def]
    return create_identity("Karen Testesen", "correct horse battery", email="karen@example.org")


def _verify(qtbot, view: ReceivedView, path: Path, password: str | None = None) -> None:  # type: ignore[no-untyped-def]
    worker = view.open_path(path, password)
    with qtbot.waitSignal(worker.done, timeout=20_000):
        pass


def _copy_sample(tmp_path: Path) -> Path:
    target = tmp_path / "ips.json"
    target.write_bytes(SAMPLE.read_bytes())
    return target


def test_trusted_signed_package_is_green_and_opens(qtbot, view, identity, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    TrustStore().add_file(demo_ca.certificate_path())
    package = write_package([_copy_sample(tmp_path)], tmp_path / "share.zip", signer=identity)
    _verify(qtbot, view, package)
    assert view.badge_colour() == "green"
    assert "Karen Testesen" in view.badge.text()
    assert "Lægedage" in view.badge.text()
    names = [view.details.topLevelItem(i).text(0) for i in range(view.details.topLevelItemCount())]
    assert "ips.json" in names and "ips.json.jws" in names
    assert view.open_button.isEnabled()
    with qtbot.waitSignal(view.document_opened, timeout=30_000) as opened:
        qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    assert type(opened.args[0]).__name__ == "Document"


def test_untrusted_signer_is_amber(qtbot, view, identity, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    document = _copy_sample(tmp_path)
    sign_file(document, identity)
    _verify(qtbot, view, document)
    assert view.badge_colour() == "amber"
    assert "not trusted" in view.badge.text()


def test_changed_file_is_red_and_cannot_be_opened(qtbot, view, identity, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    TrustStore().add_file(demo_ca.certificate_path())
    document = _copy_sample(tmp_path)
    sign_file(document, identity)
    document.write_bytes(document.read_bytes().replace(b"Karen", b"Karin", 1))
    _verify(qtbot, view, document)
    assert view.badge_colour() == "red"
    assert not view.open_button.isEnabled()
    assert not view.open_button.isVisibleTo(view)
    assert "ips.json" in view.detail.text()
    lines = [
        view.details.topLevelItem(0).child(i).text(1)
        for i in range(view.details.topLevelItem(0).childCount())
    ]
    assert any("does not match" in line for line in lines)
    assert not any("trusted" in line for line in lines)


def test_password_is_asked_then_wrong_then_right(qtbot, view, identity, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    TrustStore().add_file(demo_ca.certificate_path())
    document = _copy_sample(tmp_path)
    sign_file(document, identity)
    protected = protect_file(document, PASSWORD)
    _verify(qtbot, view, protected)
    assert view.password_row.isVisibleTo(view)
    assert view.badge_colour() is None
    view.password_edit.setText("wrong password")
    worker = view.submit_password()
    assert worker is not None
    with qtbot.waitSignal(worker.done, timeout=20_000):
        pass
    assert view.badge_colour() == "red"
    assert "Wrong password" in view.badge.text()
    assert view.password_row.isVisibleTo(view)
    assert view.password_edit.text() == ""
    view.password_edit.setText(PASSWORD)
    worker = view.submit_password()
    assert worker is not None
    with qtbot.waitSignal(worker.done, timeout=20_000):
        pass
    assert view.badge_colour() == "green"
    assert not view.password_row.isVisibleTo(view)
    assert view.report is not None and view.report.protected


def test_hostile_package_is_red_with_message(qtbot, view, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import zipfile

    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as archive:
        archive.writestr("../escape.txt", "x")
    _verify(qtbot, view, evil)
    assert view.badge_colour() == "red"
    assert "climbs out" in view.detail.text()


def test_save_files_writes_intact_files_only_inside_folder(
    qtbot, view, identity, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    package = write_package([_copy_sample(tmp_path)], tmp_path / "share.zip", signer=identity)
    _verify(qtbot, view, package)
    out = tmp_path / "saved"
    written = view.save_to(out)
    assert {p.name for p in written} == {"ips.json", "ips.json.jws"}
    assert (out / "ips.json").read_bytes() == SAMPLE.read_bytes()


def test_main_window_shows_the_opened_document(
    qtbot, make_window, identity, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    TrustStore().add_file(demo_ca.certificate_path())
    package = write_package([_copy_sample(tmp_path)], tmp_path / "share.zip", signer=identity)
    window = make_window()
    window.go("received")
    page = window.navigator.page("received")
    assert isinstance(page, ReceivedView)
    _verify(qtbot, page, package)
    assert page.badge_colour() == "green"
    with qtbot.waitSignal(window.context.document_changed, timeout=30_000):
        page.open_document()
    assert window.navigator.current_name == "document"
    assert window.context.document is not None


@pytest.mark.parametrize("lang", ["en", "da"])
def test_a_received_document_opens_as_received(  # type: ignore[no-untyped-def]
    qtbot, make_window, load, identity, tmp_path: Path, lang: str
) -> None:
    """Issue #14 "Booth": a received document said nothing and offered one's own Share button.

    It now says it was received, from whom and whether it verified, has a way back to the check,
    and offers no Yellow Button (that shares one's own documents).
    """
    TrustStore().add_file(demo_ca.certificate_path())
    package = write_package([_copy_sample(tmp_path)], tmp_path / "share.zip", signer=identity)
    window = make_window(lang=lang)
    window.go("received")
    page = window.navigator.page("received")
    _verify(qtbot, page, package)
    with qtbot.waitSignal(window.context.document_changed, timeout=30_000):
        page.open_document()
    view = window.navigator.page("document")
    banner = view.received_banner
    assert banner.isVisible()
    assert "Karen Testesen" in banner.origin.text()
    assert page._badge_text() in banner.origin.text()
    assert not view.header.share_button.isVisible()
    window.go("share")
    assert window.navigator.current_name == "document", "no sharing on of a received document"
    assert window.banner.isVisible()

    banner.back_to_check.click()
    assert window.navigator.current_name == "received"
    assert page.badge_colour() == "green"

    load(window, SAMPLE)  # one's own document again: no banner, the Share button is back
    assert window.context.received is None
    assert not banner.isVisible()
    assert view.header.share_button.isVisible()
