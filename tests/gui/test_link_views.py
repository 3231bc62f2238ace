"""Shared links and Open a link: create, show the QR, revoke; open with a passcode, save, show."""

from __future__ import annotations

import subprocess
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from xshare_desktop.core.shl import app_host, client, qr
from xshare_desktop.core.shl.payload import decode_uri
from xshare_desktop.core.shl.provider import list_links
from xshare_desktop.gui.views import link_tasks
from xshare_desktop.gui.views.link_layout import format_moment
from xshare_desktop.gui.views.link_view import LinkView
from xshare_desktop.gui.views.open_link_view import OpenLinkView

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "ips-emil-proevesen.json"


@pytest.fixture()
def link_view(qtbot, make_context):  # type: ignore[no-untyped-def]
    view = LinkView(make_context())
    qtbot.addWidget(view)
    yield view
    view.reset()  # stops the host


@pytest.fixture()
def open_view(qtbot, make_context):  # type: ignore[no-untyped-def]
    view = OpenLinkView(make_context())
    qtbot.addWidget(view)
    return view


def _create(  # type: ignore[no-untyped-def]
    qtbot, view: LinkView, ready: str = "The link is ready. Show the QR code or copy it."
) -> str:
    worker = view.create_link()
    assert worker is not None
    with qtbot.waitSignal(worker.done, timeout=30_000):
        pass
    assert view.create_status.text() == ready
    return view.uri_edit.text()


def _settle(qtbot, view: LinkView) -> None:  # type: ignore[no-untyped-def]
    """Wait until a start or stop of the link host (on its worker) has finished."""
    qtbot.waitUntil(lambda: not view.host_starting and not view.host_stopping, timeout=10_000)


def _start(qtbot, view: LinkView) -> str:  # type: ignore[no-untyped-def]
    """Start the host from the page and wait for it; the URL links will carry."""
    with qtbot.waitSignal(view.start_host().done, timeout=10_000):
        pass
    assert view.host.base_url is not None
    return view.host.base_url


def _export_qr(qtbot, view: LinkView, path: Path) -> Path:  # type: ignore[no-untyped-def]
    """Save the selected link's QR code and wait for the worker; the saved file."""
    worker = view.export_qr(path)
    assert worker is not None
    with qtbot.waitSignal(worker.done, timeout=30_000):
        pass
    assert view.create_status.text() == f"Saved {path}."
    return path


def test_create_link_shows_a_scannable_qr(qtbot, link_view: LinkView, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert link_view.host_state() == "stopped"
    assert "stopped" in link_view.host_status.text()
    assert link_view.right.currentWidget() is link_view.qr_placeholder
    assert link_view.placeholder_title.text() == "The QR code appears here"
    qtbot.mouseClick(link_view.host_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, link_view)
    assert link_view.host.running and link_view.host.base_url.startswith("http://127.0.0.1:")
    assert link_view.host_state() == "this-computer"
    assert link_view.host_status.text() == "Only this computer can fetch links."
    link_view.add_files([SAMPLE])
    link_view.label_edit.setText("Emils patientoversigt")
    uri = _create(qtbot, link_view)
    payload = decode_uri(uri)
    assert payload.label == "Emils patientoversigt" and payload.exp is not None
    assert payload.url.startswith(link_view.host.base_url)
    link_view.resize(1366, 700)
    link_view.show()
    qtbot.waitExposed(link_view)
    pixmap = link_view.qr_label.pixmap()
    assert not pixmap.isNull() and pixmap.width() >= 300  # big enough to scan across a desk
    side = min(link_view.qr_label.width(), link_view.qr_label.height())
    modules = link_view.qr_label._code.width()
    assert pixmap.width() % modules == 0 and side - pixmap.width() < modules
    assert link_view.right.currentWidget() is link_view.link_card
    assert link_view.fact_reach.text() == "Can be fetched from this computer only."
    assert link_view.fact_passcode.text() == "Passcode: not needed"
    png = _export_qr(qtbot, link_view, tmp_path / "qr.png")
    assert qr.decode_qr_file(png) == uri
    svg = _export_qr(qtbot, link_view, tmp_path / "qr.svg")
    assert b"<svg" in svg.read_bytes()
    assert link_view.links_table.rowCount() == 1
    assert link_view.links_table.item(0, 1).text() == "active"


def test_options_follow_the_spec(link_view: LinkView) -> None:
    link_view.add_files([SAMPLE])
    assert link_view.single_check.isEnabled()
    link_view.passcode_check.setChecked(True)
    assert not link_view.single_check.isEnabled()  # U never with P
    link_view.passcode_check.setChecked(False)
    link_view.single_check.setChecked(True)
    link_view.add_files([SAMPLE.with_name("ips-karen-testesen.json")])
    assert not link_view.single_check.isChecked()  # U carries one file
    link_view.once_check.setChecked(True)
    assert not link_view.long_term_check.isEnabled()
    link_view.expiry_combo.setCurrentIndex(4)
    assert link_view.options(now=1000).expires is None
    link_view.expiry_combo.setCurrentIndex(0)
    assert link_view.options(now=1000).expires == 4600


def test_revoke_and_accesses(
    qtbot, link_view: LinkView, open_view: OpenLinkView, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    link_view.add_files([SAMPLE])
    uri = _create(qtbot, link_view)
    open_view.link_edit.setText(uri)
    open_view.recipient_edit.setText("Lægehuset Nord")
    worker = open_view.open_link()
    with qtbot.waitSignal(worker.done, timeout=30_000):
        pass
    link_view.refresh()
    accesses = [
        link_view.accesses_list.item(i).text() for i in range(link_view.accesses_list.count())
    ]
    assert len(accesses) == 1 and "Lægehuset Nord: fetched" in accesses[0]
    monkeypatch.setattr(link_view, "confirm_revoke", lambda: True)
    assert link_view.revoke_selected()
    assert link_view.links_table.item(0, 1).text() == "revoked"
    assert not link_view.revoke_button.isEnabled()
    worker = open_view.open_link()
    with qtbot.waitSignal(worker.done, timeout=30_000):
        pass
    assert open_view.status.text().startswith("This link no longer works")


def test_local_network_needs_confirmation(qtbot, link_view: LinkView, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(link_view, "confirm_local_network", lambda: False)
    link_view.lan_check.setChecked(True)
    assert not link_view.lan_check.isChecked()
    _start(qtbot, link_view)
    assert link_view.host.base_url.startswith("http://127.0.0.1:")


def test_open_with_passcode_retry_save_and_show(
    qtbot, fhir_cache, link_view: LinkView, open_view: OpenLinkView, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    link_view.add_files([SAMPLE])
    link_view.passcode_check.setChecked(True)
    assert not link_view.create_button.isEnabled()
    assert link_view.create_reason.text() == "Type the passcode, or untick “Require”."
    link_view.passcode_edit.setText("2468")
    assert link_view.create_button.isEnabled() and not link_view.create_reason.text()
    uri = _create(qtbot, link_view)
    assert link_view.fact_passcode.text().startswith("Passcode: needed")
    viewer_uri = "https://viewer.example.org/#" + uri
    assert open_view.open_reason.text() == "Paste a link or load a QR code first."
    open_view.link_edit.setText(viewer_uri)
    assert "Needs a passcode" in open_view.link_info.text()
    assert open_view.passcode_row.isVisibleTo(open_view)
    assert not open_view.open_button.isEnabled()
    assert open_view.open_reason.text() == "Type the passcode first."
    open_view._link_entered()  # Enter in the link field: on to the passcode, nothing fetched yet
    assert open_view.received is None and open_view._worker is None

    open_view.passcode_edit.setText("1111")
    assert open_view.open_button.isEnabled()
    worker = open_view.open_link()
    with qtbot.waitSignal(worker.done, timeout=30_000):
        pass
    attempts = open_view.attempts_label.text()
    assert open_view.attempts_label.isVisibleTo(open_view)
    assert "9 attempt(s) left" in attempts or "9 attempts left" in attempts
    assert open_view.passcode_edit.text() == ""  # ready for the next try
    assert open_view.received is None and not open_view.result_panel.isVisibleTo(open_view)

    open_view.passcode_edit.setText("2468")
    worker = open_view.open_link()
    # Issue 13: the last attempt's red "wrong passcode" goes the moment a new attempt starts,
    # and progress shows while the link is fetched.
    assert not open_view.attempts_label.isVisibleTo(open_view)
    assert open_view.progress_bar.isVisibleTo(open_view)
    with qtbot.waitSignal(open_view.checks_finished, timeout=30_000):
        pass
    assert not worker.is_running
    assert not open_view.progress_bar.isVisibleTo(open_view)
    assert open_view.received is not None
    assert not open_view.attempts_label.isVisibleTo(open_view)
    assert open_view.result_panel.isVisibleTo(open_view)
    assert open_view.result_title.text() == "✓ Document ready"
    lines = [open_view.results.item(i).text() for i in range(open_view.results.count())]
    assert "File: document.json" in lines
    assert "✓ document.json follows the rules of its format." in lines
    written = open_view.save_to(tmp_path / "saved")
    assert [p.name for p in written] == ["document.json"]
    assert written[0].read_bytes() == SAMPLE.read_bytes()
    worker = open_view.show_document()
    assert worker is not None
    with qtbot.waitSignal(open_view.document_opened, timeout=30_000) as opened:
        pass
    assert opened.args[0].kind == "ips"
    assert list_links()[0].record.failed_attempts == 1


def test_last_wrong_passcode_disables_opening(
    qtbot, link_view: LinkView, open_view: OpenLinkView, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    link_view.add_files([SAMPLE])
    link_view.passcode_check.setChecked(True)
    link_view.passcode_edit.setText("2468")
    uri = _create(qtbot, link_view)
    open_view.link_edit.setText(uri)
    monkeypatch.setattr(
        "xshare_desktop.core.shl.client.retrieve",
        lambda *a, **k: (_ for _ in ()).throw(client.WrongPasscode(0)),
    )
    open_view.passcode_edit.setText("0000")
    worker = open_view.open_link()
    with qtbot.waitSignal(worker.done, timeout=30_000):
        pass
    assert "no attempts are left" in open_view.attempts_label.text()
    open_view.passcode_edit.setText("2468")
    assert not open_view.open_button.isEnabled()
    assert open_view.open_reason.text() == "The link is disabled after too many wrong passcodes."
    open_view.link_edit.setText("")  # another link starts afresh
    assert not open_view.attempts_label.isVisibleTo(open_view)


def test_qr_pdf_export_from_the_view(qtbot, link_view: LinkView, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    link_view.add_files([SAMPLE])
    link_view.label_edit.setText("Emils oversigt til lægen")
    link_view.passcode_check.setChecked(True)
    link_view.passcode_edit.setText("2468")
    uri = _create(qtbot, link_view)
    pdf = _export_qr(qtbot, link_view, tmp_path / "link.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    flat = " ".join(text.split())
    assert "Emils oversigt til lægen" in flat
    assert "Works until" in flat and "Passcode needed" in flat
    assert "2468" not in flat
    subprocess.run(
        ["pdftoppm", "-r", "100", "-png", "-singlefile", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    assert qr.decode_qr_file(tmp_path / "page.png") == uri
    worker = link_view.export_qr(tmp_path / "link.txt")
    assert worker is not None
    with qtbot.waitSignal(worker.done, timeout=10_000):
        pass
    assert ".pdf" in link_view.create_status.text()
    assert not (tmp_path / "link.txt").exists()


def _network_on_loopback(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Tests never open a port to the network: the "local network" host binds loopback here."""
    from xshare_desktop.core.shl import host as host_module

    binds: list[str] = []

    def serve(bind: str, port: int) -> host_module.RunningHost:
        binds.append(bind)
        return host_module.serve("127.0.0.1", port)

    monkeypatch.setattr(app_host, "serve", serve)
    monkeypatch.setattr(app_host, "lan_address", lambda: "192.0.2.10")
    return binds


def test_host_status_states_and_the_local_network(qtbot, link_view: LinkView, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _network_on_loopback(monkeypatch)
    monkeypatch.setattr(link_view, "confirm_local_network", lambda: True)
    assert link_view.host_state() == "stopped"
    assert not link_view.lan_warning.isVisibleTo(link_view)
    _start(qtbot, link_view)
    assert link_view.host_state() == "this-computer"
    link_view.lan_check.setChecked(True)
    _settle(qtbot, link_view)
    assert link_view.host_state() == "local-network"
    assert link_view.host_status.text() == "Phones on this network can fetch links."
    assert "http://192.0.2.10:" in link_view.host_address.text()
    assert link_view.lan_warning.isVisibleTo(link_view)
    link_view.add_files([SAMPLE])
    _create(qtbot, link_view)
    assert link_view.fact_reach.text() == "Phones on this network can fetch it."
    qtbot.mouseClick(link_view.host_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, link_view)
    assert link_view.host_state() == "stopped"
    assert link_view.fact_reach.text() == "Nobody can fetch it now: the link host is stopped."


def test_buttons_say_why_they_are_disabled(qtbot, link_view: LinkView) -> None:  # type: ignore[no-untyped-def]
    assert not link_view.create_button.isEnabled()
    assert link_view.create_reason.text() == "Add at least one file to share first."
    assert not link_view.add_document_button.isEnabled()  # no document is open
    assert link_view.add_document_button.toolTip()
    assert link_view.files_empty.isVisibleTo(link_view)
    link_view.add_files([SAMPLE])
    assert not link_view.files_empty.isVisibleTo(link_view)
    assert link_view.files_list.item(0).text() == SAMPLE.name
    _create(qtbot, link_view)
    assert not link_view.update_button.isEnabled()
    assert link_view.manage_reason.text() == "Only long-term links can get new content."


def test_danish_dates_and_texts(qtbot, make_context, frozen_clock) -> None:  # type: ignore[no-untyped-def]
    frozen_clock(datetime(2026, 12, 8, 12, 0, tzinfo=UTC))  # "after 1 day" ends on 9 December
    view = LinkView(make_context(lang="da"))
    qtbot.addWidget(view)
    try:
        assert view.title.text() == "Delte links"
        moment = datetime(2026, 12, 24, 12, 0, tzinfo=UTC).timestamp()
        assert format_moment(moment).startswith("24. dec. 2026 kl. ")
        view.add_files([SAMPLE])
        view.expiry_combo.setCurrentIndex(1)
        _create(qtbot, view, ready="Linket er klar. Vis QR-koden, eller kopiér linket.")
        assert view.fact_expiry.text().startswith("Virker indtil 9. dec. 2026 kl. ")
        assert " kl. " in view.links_table.item(0, 2).text()
    finally:
        view.reset()


def test_qr_image_and_bad_links(open_view: OpenLinkView, tmp_path: Path) -> None:
    uri = "shlink:/eyJ1cmwiOiJodHRwOi8vMTI3LjAuMC4xOjkvc2hsL3giLCJrZXkiOiJBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBIn0"
    image = qr.export_qr(uri, tmp_path / "code.png")
    assert open_view.load_qr_image(image)
    assert open_view.link_edit.text() == uri
    (tmp_path / "not.png").write_bytes(b"text")
    assert not open_view.load_qr_image(tmp_path / "not.png")
    assert "not an image" in open_view.status.text()
    open_view.link_edit.setText("https://example.org/")
    assert open_view.open_link() is None
    assert "not a SMART Health Link" in open_view.status.text()


def test_the_page_shows_and_steers_the_one_host_the_wizard_uses(  # type: ignore[no-untyped-def]
    qtbot, link_view: LinkView, monkeypatch
) -> None:
    import threading

    binds = _network_on_loopback(monkeypatch)
    monkeypatch.setattr(link_view, "confirm_local_network", lambda: True)
    link_view.show()
    qtbot.waitExposed(link_view)
    assert link_view.host_state() == "stopped"
    # The wizard starts the host on its worker thread; the page follows.
    started: list[str] = []
    wizard = threading.Thread(target=lambda: started.append(app_host.ensure_link_host()))
    wizard.start()
    wizard.join(timeout=10)
    qtbot.waitUntil(lambda: link_view.host_status.text() == "Only this computer can fetch links.")
    assert link_view.host.base_url == started[0] == app_host.link_host_url()
    assert link_view.host_address.text() == "Address: " + started[0]

    # Starting from the page now adds no second host.
    _start(qtbot, link_view)
    assert binds == ["127.0.0.1"] and link_view.host.base_url == started[0]

    # The network opt-in moves the one host; the wizard then publishes on it too.
    link_view.lan_check.setChecked(True)
    _settle(qtbot, link_view)
    assert binds == ["127.0.0.1", "0.0.0.0"]
    assert link_view.host_state() == "local-network"
    network_url = app_host.link_host_url()
    assert network_url is not None and network_url.startswith("http://192.0.2.10:")
    assert network_url in link_view.host_address.text()
    assert app_host.ensure_link_host() == network_url and len(binds) == 2

    # Back to this computer only, then Stop on the page stops it for the wizard as well.
    link_view.lan_check.setChecked(False)
    _settle(qtbot, link_view)
    assert binds[-1] == "127.0.0.1" and link_view.host_state() == "this-computer"
    qtbot.mouseClick(link_view.host_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, link_view)
    assert link_view.host_state() == "stopped" and app_host.link_host_url() is None


def test_no_network_keeps_the_host_on_this_computer(  # type: ignore[no-untyped-def]
    qtbot, link_view: LinkView, monkeypatch
) -> None:

    monkeypatch.setattr(link_view, "confirm_local_network", lambda: True)
    monkeypatch.setattr(app_host, "lan_address", lambda: None)
    url = _start(qtbot, link_view)
    link_view.lan_check.setChecked(True)
    _settle(qtbot, link_view)
    assert "not on a local network" in link_view.create_status.text()
    assert link_view.host_state() == "this-computer" and app_host.link_host_url() == url
    assert not link_view.lan_check.isChecked(), "the switch says what the host does"


def test_refusals_are_explained_in_danish(qtbot, make_context) -> None:  # type: ignore[no-untyped-def]
    from xshare_desktop.core.shl.content import share_files_from_paths
    from xshare_desktop.core.shl.host import HostConfig, serve
    from xshare_desktop.core.shl.provider import LinkOptions, create_link, revoke_link

    view = OpenLinkView(make_context(lang="da"))
    qtbot.addWidget(view)
    host = serve("127.0.0.1", 0, config=HostConfig(min_poll_interval=0))
    try:
        record, uri = create_link(share_files_from_paths([SAMPLE]), LinkOptions(), host.base_url)
        revoke_link(record.id)
        view.link_edit.setText(uri)
        worker = view.open_link()
        with qtbot.waitSignal(worker.done, timeout=30_000):
            pass
        assert view.status.text().startswith("Dette link virker ikke længere")
    finally:
        host.stop()
    # the same link once its host is gone
    worker = view.open_link()
    with qtbot.waitSignal(worker.done, timeout=60_000):
        pass
    assert view.status.text().startswith("Computeren, der deler dette link, svarer ikke")


def test_the_network_address_is_shown_before_the_host_runs(  # type: ignore[no-untyped-def]
    link_view: LinkView, monkeypatch
) -> None:
    """Phones need an address they can reach: it is said before anything is opened."""
    _network_on_loopback(monkeypatch)
    monkeypatch.setattr(link_view, "confirm_local_network", lambda: True)
    assert link_view.lan_check.text() == "Let phones on this network open the links"
    link_view.lan_check.setChecked(True)
    assert link_view.host_state() == "stopped"
    assert link_view.host_address.text().endswith("Phones will reach it at http://192.0.2.10.")


def test_fetching_speaks_the_interface_language(
    qtbot, link_view, make_context, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Issue #14 "Words": the Danish open-link page said "Done" while a link loaded."""
    link_view.add_files([SAMPLE])
    uri = _create(qtbot, link_view)
    open_view = OpenLinkView(make_context(lang="da"))  # the interface is Danish from here on
    qtbot.addWidget(open_view)
    said: list[str] = []
    original = open_view._say

    def record(text: str, *, error: bool = False) -> None:
        said.append(text)
        original(text, error=error)

    monkeypatch.setattr(open_view, "_say", record)
    open_view.link_edit.setText(uri)
    worker = open_view.open_link()
    with qtbot.waitSignal(worker.done, timeout=30_000):
        pass
    assert any(text.startswith(("Henter", "Kontakter", "Dekrypterer")) for text in said), said
    english = {"Done", "Decrypting", "Contacting the link host"}
    assert not [text for text in said if text in english or text.startswith("Fetching")], said


def test_the_qr_pdf_is_rendered_and_written_on_a_worker_thread(  # type: ignore[no-untyped-def]
    qtbot, link_view: LinkView, tmp_path: Path, monkeypatch
) -> None:
    """Conventions, "All long work through one helper": nothing that writes a file runs on the
    GUI thread (issue 15: the QR PDF export); the status line says it is saving meanwhile."""
    link_view.add_files([SAMPLE])
    _create(qtbot, link_view)
    seen: list[threading.Thread] = []
    release = threading.Event()
    real_save = link_tasks.save_qr

    def save_qr(uri: str, path: Path, *, lang: str) -> Path:
        seen.append(threading.current_thread())
        assert release.wait(10), "the test never released the export"
        return real_save(uri, path, lang=lang)

    monkeypatch.setattr(link_tasks, "save_qr", save_qr)
    worker = link_view.export_qr(tmp_path / "page.pdf")
    assert worker is not None
    qtbot.waitUntil(lambda: bool(seen))
    assert link_view.create_status.text() == "Saving the QR code…"
    with qtbot.waitSignal(worker.done, timeout=30_000):
        release.set()
    assert seen[0] is not threading.main_thread()
    assert (tmp_path / "page.pdf").read_bytes().startswith(b"%PDF")
    assert link_view.create_status.text() == f"Saved {tmp_path / 'page.pdf'}."


def test_the_link_host_starts_on_a_worker_thread(  # type: ignore[no-untyped-def]
    qtbot, link_view: LinkView, monkeypatch
) -> None:
    """Conventions, "Nothing that ... opens a socket runs on the GUI thread" (issue 15: the
    link-host start probe): Start binds and probes on the worker; the page says it is starting
    and keeps the button from being pressed twice."""

    seen: list[threading.Thread] = []
    release = threading.Event()
    real_start = app_host.start_link_host

    def start_link_host(*, local_network: bool = False) -> str:
        seen.append(threading.current_thread())
        assert release.wait(10), "the test never released the start"
        return real_start(local_network=local_network)

    monkeypatch.setattr(app_host, "start_link_host", start_link_host)
    qtbot.mouseClick(link_view.host_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen))
    assert link_view.host_status.text() == "The link host is starting…"
    assert not link_view.host_button.isEnabled()
    release.set()
    qtbot.waitUntil(lambda: link_view.host_state() == "this-computer", timeout=10_000)
    _settle(qtbot, link_view)
    assert seen[0] is not threading.main_thread()
    assert link_view.host_button.isEnabled()
    assert link_view.host_status.text() == "Only this computer can fetch links."


def test_the_link_host_stops_on_a_worker_thread(  # type: ignore[no-untyped-def]
    qtbot, link_view: LinkView, monkeypatch
) -> None:
    """Conventions, "Nothing that ... opens a socket runs on the GUI thread" (issue 15: Stop
    closes the host's sockets on the worker too); the button waits until it has stopped."""

    _start(qtbot, link_view)
    seen: list[threading.Thread] = []
    release = threading.Event()
    real_stop = app_host.stop_link_host

    def stop_link_host() -> bool:
        seen.append(threading.current_thread())
        assert release.wait(10), "the test never released the stop"
        return real_stop()

    monkeypatch.setattr(app_host, "stop_link_host", stop_link_host)
    qtbot.mouseClick(link_view.host_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen))
    assert link_view.host_state() == "this-computer"  # still running while it stops
    assert not link_view.host_button.isEnabled()
    release.set()
    _settle(qtbot, link_view)
    assert seen[0] is not threading.main_thread()
    assert link_view.host_state() == "stopped" and app_host.link_host_url() is None
    assert link_view.host_button.isEnabled()
    assert link_view.host_button.text() == "Start link host"


def test_creating_a_link_starts_the_host_off_the_gui_thread(  # type: ignore[no-untyped-def]
    qtbot, link_view: LinkView, monkeypatch
) -> None:
    """Issue 15: creating the first link starts the host inside the create worker, not first
    on the GUI thread."""

    seen: list[threading.Thread] = []
    real_start = app_host.start_link_host

    def start_link_host(*, local_network: bool = False) -> str:
        seen.append(threading.current_thread())
        return real_start(local_network=local_network)

    monkeypatch.setattr(app_host, "start_link_host", start_link_host)
    link_view.add_files([SAMPLE])
    uri = _create(qtbot, link_view)
    assert len(seen) == 1 and seen[0] is not threading.main_thread()
    assert decode_uri(uri).url.startswith(link_view.host.base_url)
