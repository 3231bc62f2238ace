"""Booth mode: full screen, large Danish type, a sample picker, and one Start over that forgets everything."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from xshare_desktop.core import paths
from xshare_desktop.core.shl.store import LinkRecord, LinkStatus, LinkStore, StoredFile
from xshare_desktop.gui import errors
from xshare_desktop.gui.i18n import resolve_language
from xshare_desktop.gui.style import BOOTH_FONT_SCALE, base_point_size

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = sorted((ROOT / "samples").glob("ips-*.json"))[0]


def test_booth_defaults_to_danish_and_large_type(make_window, qapp) -> None:
    normal_size = base_point_size()
    window = make_window(booth=True, lang=resolve_language(None, booth=True))
    assert window.context.language.code == "da"
    assert qapp.font().pointSizeF() == normal_size * BOOTH_FONT_SCALE
    assert window.app_bar.reset.isVisible()
    assert window.menuBar().isHidden()


def test_explicit_language_wins_over_booth_default() -> None:
    assert resolve_language("en", booth=True) == "en"
    assert resolve_language("xx", booth=True) == "da"


def test_booth_never_shows_recent_files(make_window, load, tmp_path) -> None:
    window = make_window(booth=True, lang="da")
    window.context.settings.add_recent_file(SAMPLE)  # left by an earlier, normal session
    start = window.navigator.page("start")
    start._build_recent()
    assert start.recent_buttons == []
    load(window, SAMPLE)
    assert window.context.settings.recent_files == [str(SAMPLE.resolve())]  # unchanged by booth


def test_start_over_forgets_everything(make_window, load, qtbot) -> None:
    window = make_window(booth=True, lang="da")
    load(window, SAMPLE)
    assert window.navigator.current_name == "document"
    document_page = window.navigator.page("document")
    leftover = paths.temp_dir() / "export-of-last-visitor"
    leftover.mkdir()
    (leftover / "summary.pdf").write_bytes(b"%PDF")
    (paths.temp_dir() / "package.zip").write_bytes(b"PK")
    window.set_language("en")
    window.banner.show_message("a message for the last visitor")

    window.app_bar.reset.click()

    assert window.context.document is None
    assert window.navigator.current_name == "start"
    assert window.navigator.page("document") is None  # destroyed, rebuilt fresh on demand
    assert document_page is not None
    assert list(paths.temp_dir().iterdir()) == []
    assert window.context.language.code == "da"
    assert not window.banner.isVisible()
    qtbot.waitUntil(lambda: window.app_bar.reset.text() == "Start forfra")


def _add_link(store: LinkStore, link_id: str) -> None:
    now = time.time()
    store.insert_link(
        LinkRecord(
            id=link_id,
            token=f"token-{link_id}",
            key=b"k" * 32,
            manifest_url=f"http://127.0.0.1:1/{link_id}",
            label=None,
            flags="",
            viewer=None,
            created=now,
            updated=now,
            expires=None,
            passcode_hash=None,
            max_attempts=0,
            failed_attempts=0,
            one_time=False,
            used_up=None,
            revoked=None,
        ),
        [StoredFile(0, "summary.json", "application/fhir+json", "jwe", now)],
    )


def test_start_over_closes_dialogs_and_revokes_links(make_window) -> None:
    window = make_window(booth=True, lang="da")
    box = QMessageBox(window)
    box.setText("left open by the last visitor")
    box.open()
    store = LinkStore()
    _add_link(store, "visitor-1")
    _add_link(store, "visitor-2")
    assert {link.status(time.time()) for link in store.links()} == {LinkStatus.ACTIVE}
    window.app_bar.reset.click()
    assert not box.isVisible()
    assert {link.status(time.time()) for link in store.links()} == {LinkStatus.REVOKED}


def test_booth_crash_dialog_has_no_traceback(make_window, monkeypatch, qtbot) -> None:
    window = make_window(booth=True, lang="da")
    reporter = errors.CrashReporter()
    reporter.booth_mode = lambda: window.context.booth
    monkeypatch.setattr(errors, "crash_reporter", reporter)
    monkeypatch.setattr(errors, "setup_logging", lambda: errors.log_file())
    errors.setup_logging()
    try:
        raise RuntimeError("boom in booth")
    except RuntimeError as exc:
        errors.present(exc, window)
    dialogs = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "CrashDialog" and w.isVisible()
    ]
    assert len(dialogs) == 1
    assert dialogs[0].detailedText() == ""
    assert "Traceback" not in dialogs[0].text() + dialogs[0].informativeText()
    dialogs[0].close()


def test_a_visitor_round_trip(make_window, qtbot) -> None:
    """Pick a patient, press the Yellow Button, then Start over: back to a clean start page."""
    window = make_window(booth=True, lang="da")
    start = window.navigator.page("start")
    qtbot.waitUntil(lambda: bool(start.sample_buttons))
    with qtbot.waitSignal(window.loader.finished, timeout=30_000):
        start.sample_buttons[0].click()
    view = window.navigator.page("document")
    assert view.header.share_button.isVisible()
    assert view.header.share_button.text() == "Del"
    view.header.share_button.click()
    assert window.navigator.current_name == "share"
    flow = window.navigator.page("share")
    window.app_bar.reset.click()
    assert window.navigator.current_name == "start"
    assert window.navigator.page("share") is None
    assert window.context.document is None
    assert flow is not None


def test_booth_start_page_offers_samples_not_the_file_system(make_window, qtbot) -> None:
    window = make_window(booth=True, lang="da")
    start = window.navigator.page("start")
    qtbot.waitUntil(lambda: bool(start.sample_buttons))
    assert start.samples_heading.text() == "Vælg en eksempelpatient"
    assert not start.open_button.isVisible()


def test_start_over_stops_the_link_host_the_wizard_started(make_window, qtbot) -> None:
    from xshare_desktop.core.shl import app_host

    window = make_window(booth=True, lang="da")
    url = app_host.ensure_link_host()  # as the share wizard does; no page has a handle on it
    try:
        assert app_host.link_host_url() == url
        window.app_bar.reset.click()
        qtbot.waitUntil(lambda: app_host.link_host_url() is None, timeout=10_000)
    finally:
        app_host.stop_link_host()


def test_start_over_stops_the_link_host_off_the_gui_thread(make_window, qtbot, monkeypatch) -> None:
    """Conventions, "Nothing that ... opens a socket runs on the GUI thread" (issue 15): the
    booth's Start over closes the link host's sockets on the worker."""
    import threading

    from xshare_desktop.core.shl import app_host

    window = make_window(booth=True, lang="da")
    app_host.ensure_link_host()
    seen: list[threading.Thread] = []
    real_stop = app_host.stop_link_host

    def stop_link_host() -> bool:
        seen.append(threading.current_thread())
        return real_stop()

    monkeypatch.setattr(app_host, "stop_link_host", stop_link_host)
    try:
        window.app_bar.reset.click()
        qtbot.waitUntil(lambda: app_host.link_host_url() is None, timeout=10_000)
        assert seen and all(thread is not threading.main_thread() for thread in seen)
    finally:
        real_stop()


def test_start_over_takes_the_host_off_the_network(make_window, monkeypatch, qtbot) -> None:
    """A visitor's phone demo ends with the visitor: the next one starts on this computer only."""
    from tests.gui.test_link_views import _network_on_loopback
    from xshare_desktop.core.shl import app_host

    _network_on_loopback(monkeypatch)
    window = make_window(booth=True, lang="da")
    try:
        url = app_host.start_link_host(local_network=True)
        assert url.startswith("http://192.0.2.10:") and app_host.link_host_state().local_network
        window.app_bar.reset.click()
        qtbot.waitUntil(lambda: not app_host.link_host_state().running, timeout=10_000)
        assert app_host.ensure_link_host().startswith("http://127.0.0.1:")
    finally:
        app_host.stop_link_host()


def test_booth_starts_in_danish_after_english_was_chosen_in_normal_mode(settings) -> None:
    """Issue #14 "Booth": ``--booth`` always starts in Danish; only its own ``--lang`` overrides."""
    from xshare_desktop.gui.i18n import startup_language

    settings.language = "en"  # a person switched to English in normal mode on this machine
    assert startup_language(None, settings.language, booth=True) == "da"
    assert startup_language("en", settings.language, booth=True) == "en"
    assert startup_language(None, settings.language, booth=False) == "en"


def test_booth_app_starts_in_danish(settings, qapp, monkeypatch) -> None:
    """Issue #14 "Booth": the real entry point, given a saved English choice, opens in Danish."""
    from xshare_desktop.gui import app as app_module

    settings.language = "en"
    _app, window, _args = app_module.build(["--booth"])
    try:
        assert window.context.language.code == "da"
        assert window.app_bar.reset.text() == "Start forfra"
    finally:
        window.context.language.uninstall()
        window.deleteLater()


def test_booth_offers_one_way_home(make_window, load) -> None:
    """Issue #14 "Booth": "Start" and "Start forfra" side by side confuse; the booth keeps one."""
    window = make_window(booth=True, lang="da")
    load(window, SAMPLE)
    window.go("about")
    for page in ("document", "about"):
        window.go(page)
        assert window.app_bar.reset.isVisible()
        assert not window.app_bar.home.isVisible(), page


def test_normal_mode_has_start_and_no_start_over(window, load) -> None:
    load(window, SAMPLE)
    assert window.app_bar.home.isVisible()
    assert not window.app_bar.reset.isVisible()
