"""Help per step (offline, the xShare link only on a click), Print and Export in the File menu.

Issue #14 "Expected features".
"""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import QFileDialog

from xshare_desktop.core.shl import app_host
from xshare_desktop.gui.views.help_view import TOPICS, XSHARE_URL, HelpView

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "ips-karen-testesen.json"


@pytest.fixture()
def opened(monkeypatch) -> list[QUrl]:  # type: ignore[no-untyped-def]
    """URLs handed to the system (browser, PDF viewer) instead of really opening them."""
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(QUrl(url)) or True)
    return urls


def test_help_has_a_part_for_every_step_and_opens_nothing_by_itself(window, opened) -> None:
    window.help_action.trigger()
    page = window.navigator.page("help")
    assert isinstance(page, HelpView)
    assert window.navigator.current_name == "help"
    html = page.text.toHtml()
    for topic in TOPICS:
        assert f'name="{topic}"' in html, topic
    assert opened == [], "the help is offline: nothing opens until the person clicks"
    page.xshare_button.click()
    assert [u.toString() for u in opened] == [XSHARE_URL]


def test_help_from_a_step_of_the_flow_opens_at_that_step(window, load, opened) -> None:
    load(window, SAMPLE)
    window.go("share")
    flow = window.navigator.page("share")
    flow.go_next()
    assert flow.step == "how"
    flow.help_button.click()
    assert window.navigator.current_name == "help"
    assert window.navigator.page("help").topic == "how"
    window.navigator.back()
    assert window.navigator.current_name == "share" and flow.step == "how"
    app_host.stop_link_host()


def test_f1_opens_the_help_about_the_current_page(window, load, opened) -> None:
    load(window, SAMPLE)
    window.go("received")
    assert window.help_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    window.help_action.trigger()
    assert window.navigator.page("help").topic == "received"


def test_the_menus_show_their_shortcuts(window) -> None:
    """Issue #14: keyboard shortcuts shown in the menus."""
    for action in (
        window.open_action,
        window.print_action,
        window.export_action,
        window.help_action,
    ):
        assert not action.shortcut().isEmpty(), action.text()


def test_print_makes_the_summary_pdf_and_opens_it(window, load, qtbot, opened) -> None:
    assert not window.print_action.isEnabled()  # nothing to print before a document is open
    load(window, SAMPLE)
    assert window.print_action.isEnabled()
    window.print_action.trigger()
    qtbot.waitUntil(lambda: bool(opened), timeout=60_000)
    pdf = Path(opened[0].toLocalFile())
    assert pdf.read_bytes().startswith(b"%PDF")
    assert pdf.name == "health-summary-karen-testesen.pdf"


@pytest.mark.parametrize("kind", ["pdf", "json"])
def test_export_writes_the_chosen_format(
    window, load, qtbot, monkeypatch, tmp_path: Path, kind: str
) -> None:
    load(window, SAMPLE)
    target = tmp_path / f"export.{kind}"
    offered: list[str] = []

    def save_dialog(_parent, _title, suggested, filters):  # type: ignore[no-untyped-def]
        offered.append(suggested)
        chosen = filters.split(";;")[0 if kind == "pdf" else 1]
        return str(target), chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    before = SAMPLE.read_bytes()
    window.export_action.trigger()
    qtbot.waitUntil(target.exists, timeout=60_000)
    if kind == "pdf":
        assert target.read_bytes().startswith(b"%PDF")
    else:
        assert orjson.loads(target.read_bytes()) == orjson.loads(before)
    assert SAMPLE.read_bytes() == before, "the open file is never changed"
    assert offered[0].endswith("health-summary-karen-testesen.pdf")


def test_a_danish_export_gets_a_danish_name(make_window, load, monkeypatch) -> None:
    """Issue #14 "Words": exported file names follow the interface language."""
    window = make_window(lang="da")
    load(window, SAMPLE)
    offered: list[str] = []
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda _p, _t, suggested, _f: (offered.append(suggested), ("", ""))[1],
    )
    window.export_action.trigger()
    assert offered[0].endswith("helbredsoversigt-karen-testesen.pdf")
