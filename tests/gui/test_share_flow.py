"""The Yellow Button flow, clicked through like a person would: download and link, Danish and English."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QScrollBar,
    QTreeWidget,
    QWidget,
)

from xshare_desktop.core.document import load_document
from xshare_desktop.core.progress import Progress
from xshare_desktop.core.sharing import delivery
from xshare_desktop.core.shl import app_host, client
from xshare_desktop.core.signing import Verdict, keys, verify_path
from xshare_desktop.gui.flow import ShareFlow, tasks

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "ips-karen-testesen.json"
MEDICATIONS = "10160-0"
PASSPHRASE = "min hemmelige nøgle"
PASSWORD = "Rødgrød med fløde"

# What a person sees in each language: a few strings per step, so a lost translation shows up.
TEXTS = {
    "en": {"next": "Next", "share": "Share now", "what": "What do you want to share?"},
    "da": {"next": "Næste", "share": "Del nu", "what": "Hvad vil du dele?"},
}


@pytest.fixture(autouse=True)
def _stop_link_host() -> Iterator[None]:
    yield
    app_host.stop_link_host()


@pytest.fixture()
def document() -> Any:
    return load_document(SAMPLE)


@pytest.fixture()
def make_flow(qtbot, make_context, document):  # type: ignore[no-untyped-def]
    def make(lang: str = "en") -> ShareFlow:
        context = make_context(lang=lang)
        context.set_document(document)
        flow = ShareFlow(document, context=context)
        qtbot.addWidget(flow)
        flow.resize(1366, 768)
        flow.show()
        qtbot.waitExposed(flow)
        return flow

    return make


def click(qtbot, button: QAbstractButton) -> None:  # type: ignore[no-untyped-def]
    assert button.isVisible() and button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def tick(qtbot, box: QAbstractButton) -> None:  # type: ignore[no-untyped-def]
    """Toggle a check box with the keyboard, as a person without a mouse would."""
    assert box.isVisible() and box.isEnabled(), box.objectName()
    before = box.isChecked()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked() != before


def wait_idle(qtbot, flow: ShareFlow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not flow.is_busy, timeout=60_000)


def leave_out_medications(flow: ShareFlow) -> None:
    item = flow.choose.section_item(MEDICATIONS)
    assert item is not None
    item.setCheckState(0, Qt.CheckState.Unchecked)


def create_key_in_flow(qtbot, flow: ShareFlow) -> None:  # type: ignore[no-untyped-def]
    options = flow.options
    tick(qtbot, options.sign.check)
    panel = options.key_panel
    assert panel.create_button.isVisible(), "no key yet: the flow offers to create one"
    assert panel.name_edit.text() == "Karen Testesen", "the name comes from the document"
    qtbot.keyClicks(panel.passphrase, PASSPHRASE)
    qtbot.keyClicks(panel.repeat, PASSPHRASE)
    click(qtbot, panel.create_button)
    wait_idle(qtbot, flow)
    assert keys.has_identity() and flow.identity is not None


def accessible_gaps(page: QWidget) -> list[str]:
    """Controls a screen reader could not name."""
    gaps = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(page):
            continue
        if isinstance(widget, QAbstractButton | QLineEdit | QComboBox | QTreeWidget):
            text = widget.text() if isinstance(widget, QAbstractButton) else ""
            if not (widget.accessibleName() or text):
                gaps.append(f"{type(widget).__name__}#{widget.objectName()}")
    return gaps


@pytest.mark.parametrize("lang", ["en", "da"])
def test_download_signed_and_protected(qtbot, make_flow, tmp_path: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    flow = make_flow(lang)
    texts = TEXTS[lang]
    assert flow.step == "choose"
    assert flow.choose.heading.text() == texts["what"]
    assert flow.next_button.text() == texts["next"]
    kept, total = flow.choose.entry_counts()
    assert kept == total > 0
    leave_out_medications(flow)
    assert flow.choose.entry_counts() == (total - 5, total)
    assert str(total - 5) in flow.choose.count.text()
    assert accessible_gaps(flow.choose) == []
    click(qtbot, flow.next_button)

    assert flow.step == "how"
    click(qtbot, flow.how.download_card)
    assert accessible_gaps(flow.how) == []
    click(qtbot, flow.next_button)

    assert flow.step == "options"
    options = flow.options
    assert not options.passcode.isVisible() and options.password.isVisible()
    options.folder_edit.setText(str(tmp_path))
    create_key_in_flow(qtbot, flow)
    tick(qtbot, options.password.check)
    qtbot.keyClicks(options.password_edit, PASSWORD)
    qtbot.keyClicks(options.password_repeat, PASSWORD)
    assert accessible_gaps(options) == []
    click(qtbot, flow.next_button)
    wait_idle(qtbot, flow)

    assert flow.step == "preview"
    assert flow.share_button.text() == texts["share"]
    preview = flow.preview.preview
    assert preview is not None
    assert "metformin" not in preview.prepared.html.lower()
    assert "Karen Testesen" in preview.prepared.html
    assert any("metformin" in line.lower() for line in flow.preview.left_out_lines())
    assert list(tmp_path.iterdir()) == [], "nothing is written before the person confirms"
    click(qtbot, flow.share_button)
    wait_idle(qtbot, flow)

    assert flow.step == "done"
    result = flow.done.result
    assert result is not None and result.protected and result.signer == "Karen Testesen"
    names = sorted(p.name for p in tmp_path.iterdir())
    assert [n for n in names if n.endswith(".jwe")] and [n for n in names if n.endswith(".jws")]
    assert not [n for n in names if n.endswith((".json", ".pdf"))], "no plain copy beside"
    sealed = next(p for p in tmp_path.iterdir() if p.name.endswith(".json.jwe"))
    report = verify_path(sealed, password=PASSWORD)
    assert report.verdict == Verdict.VERIFIED, report.headline
    opened = orjson.loads(report.documents[sealed.name[: -len(".jwe")]])
    assert "metformin" not in orjson.dumps(opened).decode().lower()
    assert str(tmp_path) in flow.done.fact("where")
    assert flow.done.open_folder.isVisible() and not flow.done.qr.isVisible()
    with qtbot.waitSignal(flow.finished, timeout=5_000):
        click(qtbot, flow.finish_button)


def test_the_files_are_the_previewed_bytes(qtbot, make_flow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Issue 15, one pipeline: the preview's FHIR JSON and PDF are the bytes written.

    The PDF is rendered from the preview before Share is pressed (with Qt's real writer,
    which stamps each PDF with its creation time); the written PDF must be that one.
    """
    from xshare_desktop.render.share_pdf import share_pdf_renderer

    flow = make_flow()
    click(qtbot, flow.next_button)
    click(qtbot, flow.how.download_card)
    click(qtbot, flow.next_button)
    flow.options.folder_edit.setText(str(tmp_path))
    assert flow.options.pdf_check.isChecked()
    click(qtbot, flow.next_button)
    wait_idle(qtbot, flow)
    preview = flow.preview.preview
    assert preview is not None
    shown_json = preview.prepared.fhir_json()
    shown_pdf = preview.prepared.pdf(share_pdf_renderer(None))
    click(qtbot, flow.share_button)
    wait_idle(qtbot, flow)
    assert flow.step == "done"
    [written_json] = tmp_path.glob("*.json")
    [written_pdf] = tmp_path.glob("*.pdf")
    assert written_json.read_bytes() == shown_json
    assert written_pdf.read_bytes() == shown_pdf and shown_pdf.startswith(b"%PDF")
    assert len(list(tmp_path.iterdir())) == 2


@pytest.mark.parametrize("lang", ["en", "da"])
def test_link_with_passcode_qr_copy_and_revoke(  # type: ignore[no-untyped-def]
    qtbot, make_flow, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    flow = make_flow(lang)
    click(qtbot, flow.next_button)
    click(qtbot, flow.how.link_card)
    click(qtbot, flow.next_button)

    options = flow.options
    assert options.passcode.isVisible() and not options.password.isVisible()
    assert not options.folder_row.isVisible()
    tick(qtbot, options.passcode.check)
    qtbot.keyClicks(options.passcode_edit, "4711")
    tick(qtbot, options.one_time.check)
    assert not options.long_term.check.isEnabled(), "one-time and long-term exclude each other"
    options.pdf_check.setChecked(False)
    qtbot.keyClicks(options.label_edit, "Til min læge")
    click(qtbot, flow.next_button)
    wait_idle(qtbot, flow)

    assert flow.step == "preview"
    assert flow.preview.left_out_lines() and flow.preview.plan.text()
    click(qtbot, flow.share_button)
    wait_idle(qtbot, flow)

    assert flow.step == "done"
    result = flow.done.result
    assert result is not None and result.link_uri is not None
    assert result.passcode and result.one_time and result.expires is not None
    assert result.expires > time.time() + 6 * 86400, "the default is a week"
    assert flow.done.qr.isVisible() and not flow.done.qr.pixmap().isNull()
    assert accessible_gaps(flow.done) == []
    click(qtbot, flow.done.copy_link)
    assert QApplication.clipboard().text() == result.link_uri

    retrieved = client.retrieve(result.link_uri, recipient="Dr. Hansen", passcode="4711")
    assert orjson.loads(retrieved.files[0].data)["resourceType"] == "Bundle"

    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )
    click(qtbot, flow.done.revoke)
    assert not flow.done.revoke.isEnabled()
    with pytest.raises(client.LinkNotActive):
        client.retrieve(result.link_uri, recipient="Dr. Hansen", passcode="4711")


def test_window_stays_responsive_and_cancel_writes_nothing(  # type: ignore[no-untyped-def]
    qtbot, make_flow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    started: list[bool] = []

    def endless_delivery(*args: Any, progress: Progress) -> Any:
        started.append(True)
        step = 0
        while True:  # ends only through Cancel: progress.step raises Cancelled
            progress.step(step % 100, 100, "working")
            step += 1
            time.sleep(0.005)

    monkeypatch.setattr(tasks, "deliver", endless_delivery)
    flow = make_flow()
    click(qtbot, flow.next_button)
    click(qtbot, flow.next_button)
    flow.options.folder_edit.setText(str(tmp_path))
    click(qtbot, flow.next_button)
    wait_idle(qtbot, flow)
    click(qtbot, flow.share_button)
    qtbot.waitUntil(lambda: bool(started), timeout=10_000)
    assert flow.is_busy and flow.busy.isVisible()
    assert not flow.share_button.isEnabled() and not flow.back_button.isEnabled()

    # The GUI thread keeps serving events while the work runs: timers fire, progress moves.
    ticks: list[int] = []
    timer = QTimer(flow)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=10_000)
    qtbot.waitUntil(lambda: flow.busy.bar.maximum() == 100, timeout=10_000)
    timer.stop()
    assert flow.is_busy

    click(qtbot, flow.busy.cancel)
    wait_idle(qtbot, flow)
    assert flow.step == "preview" and flow.share_button.isEnabled()
    assert list(tmp_path.iterdir()) == []


def test_cancel_emits_cancelled_and_writes_nothing(qtbot, make_flow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    flow = make_flow()
    click(qtbot, flow.next_button)
    with qtbot.waitSignal(flow.cancelled, timeout=5_000):
        click(qtbot, flow.cancel_button)
    assert list(tmp_path.iterdir()) == []


def test_options_explain_what_is_missing(qtbot, make_flow) -> None:  # type: ignore[no-untyped-def]
    flow = make_flow()
    click(qtbot, flow.next_button)
    click(qtbot, flow.next_button)
    options = flow.options
    tick(qtbot, options.password.check)
    qtbot.keyClicks(options.password_edit, PASSWORD)
    qtbot.keyClicks(options.password_repeat, PASSWORD + "x")
    click(qtbot, flow.next_button)
    assert flow.step == "options"
    assert options.problem.isVisible() and "same" in options.problem.text()
    options.password_repeat.setText(PASSWORD)
    options.fhir_check.setChecked(False)
    options.pdf_check.setChecked(False)
    click(qtbot, flow.next_button)
    assert flow.step == "options" and "format" in options.problem.text()


def test_a_wrong_passphrase_is_said_calmly(qtbot, make_flow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    keys.create_identity("Karen Testesen", PASSPHRASE, use_demo_ca=True)
    flow = make_flow()
    click(qtbot, flow.next_button)
    click(qtbot, flow.next_button)
    options = flow.options
    options.folder_edit.setText(str(tmp_path))
    tick(qtbot, options.sign.check)
    assert not options.key_panel.create_button.isVisible()
    assert "Karen Testesen" in options.key_panel.status.text()
    qtbot.keyClicks(options.key_panel.passphrase, "not my passphrase")
    click(qtbot, flow.next_button)
    wait_idle(qtbot, flow)
    assert flow.step == "options"
    assert flow.banner.isVisible() and "passphrase" in flow.banner.text
    options.key_panel.passphrase.setText(PASSPHRASE)
    click(qtbot, flow.next_button)
    wait_idle(qtbot, flow)
    assert flow.step == "preview" and flow.identity is not None


def test_nothing_ticked_cannot_go_on(qtbot, make_flow) -> None:  # type: ignore[no-untyped-def]
    flow = make_flow()
    flow.choose.set_all(False)
    click(qtbot, flow.next_button)
    assert flow.step == "choose" and flow.banner.isVisible()
    click(qtbot, flow.choose.all_button)
    kept, total = flow.choose.entry_counts()
    assert kept == total


def test_step_one_has_one_tree_and_every_part_of_it_is_shown(qtbot, make_flow) -> None:  # type: ignore[no-untyped-def]
    """Issue 15: one selection tree in step 1, nothing hidden; in the person's language."""
    flow = make_flow("da")
    trees = flow.choose.findChildren(QTreeWidget)
    assert trees == [flow.choose.tree] and flow.choose.tree is not None
    hidden = [
        f"{type(w).__name__}#{w.objectName()}"
        for w in flow.choose.findChildren(QWidget)
        if not w.isVisibleTo(flow.choose)
        # a scroll area's own bars come and go with the content
        and not (isinstance(w, QScrollBar) or w.objectName().startswith("qt_scrollarea"))
    ]
    assert hidden == [], "nothing in step 1 is built only to be hidden"
    tree = flow.choose.tree
    assert (
        tree.patient_item is not None and tree.patient_item.text(0) == "Dine personlige oplysninger"
    )
    kept, total = flow.choose.entry_counts()
    leave_out_medications(flow)
    assert flow.choose.entry_counts() == (kept - 5, total)
    address = next(c for c in flow.choose.child_items(tree.patient_item) if c.text(0) == "Adresse")
    address.setCheckState(0, Qt.CheckState.Unchecked)
    selection = flow.choose.selection()
    assert f"section:{MEDICATIONS}" in selection.exclude
    assert any(s.endswith("#address") for s in selection.exclude)
    flow.choose.set_all(True)
    assert flow.choose.entry_counts() == (total, total)


def test_switching_language_keeps_the_choice(qtbot, make_flow) -> None:  # type: ignore[no-untyped-def]
    flow = make_flow("en")
    leave_out_medications(flow)
    before = flow.choose.selection()
    flow._context.language.set_language("da")
    qtbot.waitUntil(lambda: flow.next_button.text() == "Næste", timeout=5_000)
    assert flow.choose.selection() == before
    assert flow.choose.heading.text() == TEXTS["da"]["what"]


def test_back_keeps_what_was_chosen(qtbot, make_flow) -> None:  # type: ignore[no-untyped-def]
    flow = make_flow()
    leave_out_medications(flow)
    click(qtbot, flow.next_button)
    click(qtbot, flow.how.link_card)
    click(qtbot, flow.back_button)
    assert flow.step == "choose"
    assert f"section:{MEDICATIONS}" in flow.choose.selection().exclude
    click(qtbot, flow.next_button)
    assert flow.how.method == "link"


def test_cancelling_the_preview_returns_to_options(  # type: ignore[no-untyped-def]
    qtbot, make_flow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def slow_preview(*args: Any, progress: Progress) -> Any:
        while True:
            progress.step(0, 0, "")
            time.sleep(0.005)

    monkeypatch.setattr(tasks, "make_preview", slow_preview)
    flow = make_flow()
    click(qtbot, flow.next_button)
    click(qtbot, flow.next_button)
    click(qtbot, flow.next_button)
    assert flow.is_busy
    flow.cancel_work()
    wait_idle(qtbot, flow)
    assert flow.step == "options"


def test_start_over_while_working_ignores_the_late_result(  # type: ignore[no-untyped-def]
    qtbot, make_flow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def slow_preview(*args: Any, progress: Progress) -> Any:
        while True:
            progress.step(0, 0, "")
            time.sleep(0.005)

    monkeypatch.setattr(tasks, "make_preview", slow_preview)
    flow = make_flow()
    leave_out_medications(flow)
    click(qtbot, flow.next_button)
    click(qtbot, flow.next_button)
    click(qtbot, flow.next_button)
    assert flow.is_busy and not flow.cancel_button.isEnabled()
    flow.reset()  # booth "Start over"
    assert not flow.is_busy and flow.step == "choose"
    assert flow.choose.selection().exclude == (), "a new visit starts with everything ticked"
    from xshare_desktop.gui.worker import wait_for_workers

    assert wait_for_workers(10_000)
    qtbot.wait(50)  # let the cancelled worker's queued signals arrive
    assert flow.step == "choose" and not flow.busy.isVisible()


def test_a_cancel_that_comes_too_late_still_shows_what_was_shared(  # type: ignore[no-untyped-def]
    qtbot, make_flow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    real_deliver = tasks.deliver

    def deliver_then_get_cancelled(*args: Any, progress: Progress) -> Any:
        result = real_deliver(*args, progress=progress)
        progress.cancel()  # as if Cancel was pressed just after the files were written
        return result

    monkeypatch.setattr(tasks, "deliver", deliver_then_get_cancelled)
    flow = make_flow()
    click(qtbot, flow.next_button)
    click(qtbot, flow.next_button)
    flow.options.folder_edit.setText(str(tmp_path))
    click(qtbot, flow.next_button)
    wait_idle(qtbot, flow)
    click(qtbot, flow.share_button)
    wait_idle(qtbot, flow)
    assert flow.step == "done" and flow.banner.isVisible()
    assert list(tmp_path.iterdir())
    assert str(tmp_path) in flow.done.fact("where")


def test_as_the_main_windows_share_page(  # type: ignore[no-untyped-def]
    qtbot, make_window, load, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The one-line wiring the lead makes: the "share" page is the flow."""
    import dataclasses

    from xshare_desktop.gui import navigation

    pages = [
        dataclasses.replace(spec, module="xshare_desktop.gui.flow", class_name="ShareFlow")
        if spec.name == "share"
        else spec
        for spec in navigation.PLUGIN_PAGES
    ]
    monkeypatch.setattr(navigation, "PLUGIN_PAGES", pages)
    window = make_window()
    load(window, SAMPLE)
    document_view = window.navigator.page("document")
    click(qtbot, document_view.header.share_button)
    flow = window.navigator.page("share")
    assert isinstance(flow, ShareFlow) and window.navigator.current_name == "share"
    assert flow.step == "choose" and flow.choose.entry_counts()[0] > 0
    click(qtbot, flow.next_button)
    click(qtbot, flow.cancel_button)
    assert window.navigator.current_name == "document"
    click(qtbot, document_view.header.share_button)
    assert flow.step == "choose", "pressing the Yellow Button again starts at step 1"


def test_a_new_visit_forgets_secrets_and_choices(qtbot, make_flow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    flow = make_flow()
    leave_out_medications(flow)
    click(qtbot, flow.next_button)
    click(qtbot, flow.how.link_card)
    click(qtbot, flow.next_button)
    options = flow.options
    tick(qtbot, options.passcode.check)
    qtbot.keyClicks(options.passcode_edit, "4711")
    tick(qtbot, options.sign.check)
    qtbot.keyClicks(options.key_panel.passphrase, PASSPHRASE)
    with qtbot.waitSignal(flow.cancelled, timeout=5_000):
        click(qtbot, flow.cancel_button)
    assert flow.step == "choose" and flow.choose.selection().exclude == ()
    assert flow.how.method == "download"
    assert not options.passcode.checked and options.passcode_edit.text() == ""
    assert options.key_panel.passphrase.text() == "" and not options.sign.checked
    assert flow.identity is None


def test_keyboard_only(qtbot, make_flow) -> None:  # type: ignore[no-untyped-def]
    flow = make_flow()
    flow.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is flow, timeout=5_000)
    qtbot.keyClick(flow.choose.first_focus(), Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert flow.step == "how"
    assert QApplication.focusWidget() is flow.how.download_card, (
        "each step focuses its first control"
    )
    qtbot.keyClick(flow.how.download_card, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert flow.step == "choose"


def test_pseudonymised_preview_shows_what_changes(qtbot, make_flow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    flow = make_flow()
    click(qtbot, flow.next_button)
    click(qtbot, flow.next_button)
    flow.options.folder_edit.setText(str(tmp_path))
    tick(qtbot, flow.options.pseudonymise.check)
    click(qtbot, flow.next_button)
    wait_idle(qtbot, flow)
    preview = flow.preview.preview
    assert preview is not None and preview.prepared.changes
    assert "Testesen" not in preview.prepared.html
    assert flow.preview.changes_list.isVisible()
    shown = [
        flow.preview.changes_list.item(i).text() for i in range(flow.preview.changes_list.count())
    ]
    assert any("Testesen" in line for line in shown), "the person sees what is replaced"
    click(qtbot, flow.share_button)
    wait_idle(qtbot, flow)
    written = next(tmp_path.glob("*.json")).read_bytes()
    assert b"Testesen" not in written
    names = {change.after for change in preview.prepared.changes}
    assert any(name and name.encode() in written for name in names), "the same pseudonyms as shown"


def test_the_wizards_link_and_host_are_the_shared_links_pages(  # type: ignore[no-untyped-def]
    qtbot, make_flow, make_context
) -> None:
    from xshare_desktop.gui.views.link_view import LinkView

    page = LinkView(make_context())  # opened before the wizard ran, as in the app
    qtbot.addWidget(page)
    assert page.host_state() == "stopped" and page.links_table.rowCount() == 0
    flow = make_flow()
    click(qtbot, flow.next_button)
    click(qtbot, flow.how.link_card)
    click(qtbot, flow.next_button)
    flow.options.pdf_check.setChecked(False)
    qtbot.keyClicks(flow.options.label_edit, "Fra guiden")
    click(qtbot, flow.next_button)
    wait_idle(qtbot, flow)
    click(qtbot, flow.share_button)
    wait_idle(qtbot, flow)
    result = flow.done.result
    assert result is not None and result.link_id is not None and result.host_url

    # The wizard's worker started the host: the page hears of it without being asked.
    qtbot.waitUntil(lambda: page.host_status.text() == "Only this computer can fetch links.")
    assert page.host_state() == "this-computer"
    assert page.host.base_url == result.host_url
    assert result.host_url in page.host_address.text()
    page.show()  # coming back to the page lists what the wizard shared
    qtbot.waitExposed(page)
    labels = [page.links_table.item(row, 0).text() for row in range(page.links_table.rowCount())]
    assert labels == ["Fra guiden"]
    assert page.selected_id() == result.link_id and page.uri_edit.text() == result.link_uri

    click(qtbot, page.host_button)  # Stop, on the links page (it stops on the worker)
    qtbot.waitUntil(lambda: page.host_state() == "stopped", timeout=10_000)
    assert app_host.link_host_url() is None
    with pytest.raises(client.HostUnreachable):
        client.retrieve(result.link_uri or "", recipient="Dr. Hansen", timeout=2)


def _to_link_options(qtbot, flow: ShareFlow) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, flow.next_button)
    click(qtbot, flow.how.link_card)
    click(qtbot, flow.next_button)


def _share_link(qtbot, flow: ShareFlow) -> delivery.DeliveryResult:  # type: ignore[no-untyped-def]
    click(qtbot, flow.next_button)
    wait_idle(qtbot, flow)
    click(qtbot, flow.share_button)
    wait_idle(qtbot, flow)
    assert flow.step == "done"
    result = flow.done.result
    assert result is not None and result.link_uri is not None
    return result


def test_a_link_opens_in_the_hosts_web_viewer(qtbot, make_flow) -> None:  # type: ignore[no-untyped-def]
    """The QR code is the viewer-prefix form (SHL spec: ``https://viewer/#shlink:/...``), so a
    phone's camera opens a web page; the link's text stands beside the code."""
    flow = make_flow("en")
    _to_link_options(qtbot, flow)
    assert flow.options.local_network.isVisible() and not flow.options.local_network.checked
    result = _share_link(qtbot, flow)
    assert result.link_uri is not None and result.host_url is not None
    assert result.link_uri.startswith(result.host_url + "/view#shlink:/")
    assert result.host_url.startswith("http://127.0.0.1:"), "loopback unless the person chose"
    assert flow.done.link_text.isVisible()
    assert flow.done.link_text.toPlainText() == result.link_uri
    assert flow.done.fact("where").startswith("Behind a link that this computer hands out")
    retrieved = client.retrieve(result.link_uri, recipient="Dr. Hansen")
    assert orjson.loads(retrieved.files[0].data)["resourceType"] == "Bundle"


def test_phones_on_this_network_only_after_the_warning(  # type: ignore[no-untyped-def]
    qtbot, make_flow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Local network is an explicit choice with a warning (default: this computer only); the
    address phones will use is shown before sharing. Nothing binds beyond 127.0.0.1 here."""
    from tests.gui.test_link_views import _network_on_loopback

    binds = _network_on_loopback(monkeypatch)
    flow = make_flow("da")
    answers = [False, True]
    monkeypatch.setattr(flow.options, "confirm_local_network", lambda: answers.pop(0))
    _to_link_options(qtbot, flow)
    option = flow.options.local_network
    assert option.check.text() == "Lad telefoner på dette netværk åbne linket"
    option.check.setChecked(True)
    assert not option.checked, "No at the warning keeps the host on this computer"
    assert not flow.options.network_address.isVisibleTo(flow.options)
    tick(qtbot, option.check)
    assert option.checked
    assert flow.options.network_address.isVisibleTo(flow.options)
    assert "http://192.0.2.10" in flow.options.network_address.text()
    result = _share_link(qtbot, flow)
    assert binds == ["0.0.0.0"]
    assert result.link_uri is not None and result.host_url is not None
    assert result.host_url.startswith("http://192.0.2.10:")
    assert result.link_uri.startswith(result.host_url + "/view#shlink:/")
    assert result.host_url in flow.done.fact("where")
    assert flow.done.link_text.toPlainText() == result.link_uri


def test_without_a_network_the_phone_option_says_why(  # type: ignore[no-untyped-def]
    qtbot, make_flow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_host, "lan_address", lambda: None)
    flow = make_flow("en")
    _to_link_options(qtbot, flow)
    flow.options.local_network.check.setChecked(True)
    assert not flow.options.local_network.checked
    assert flow.options.problem.text() == (
        "This computer is not on a local network, so a phone cannot reach it."
    )


def test_a_guessable_password_is_said_as_it_is_typed(qtbot, make_flow) -> None:  # type: ignore[no-untyped-def]
    """Issue 16 item 8: the estimate shows while typing, and a common password stops the step."""
    flow = make_flow()
    click(qtbot, flow.next_button)
    click(qtbot, flow.next_button)
    options = flow.options
    tick(qtbot, options.password.check)
    assert not options.password_strength.isVisible()
    qtbot.keyClicks(options.password_edit, "password")
    assert options.password_strength.isVisible()
    assert options.password_strength.text().startswith("Too easy to guess")
    qtbot.keyClicks(options.password_repeat, "password")
    click(qtbot, flow.next_button)
    assert flow.step == "options" and "passwords people use most" in options.problem.text()
    options.password_edit.setText(PASSWORD)
    options.password_repeat.setText(PASSWORD)
    assert options.password_strength.text().startswith(("Good", "Strong"))
    click(qtbot, flow.next_button)
    assert flow.step != "options"


def test_a_protected_download_keeps_an_open_pdf_only_where_asked(  # type: ignore[no-untyped-def]
    qtbot, make_flow, tmp_path: Path
) -> None:
    """Issue 12: a password-protected share still lets the person look at and print their own
    PDF: an unprotected copy, only when asked for, never in the folder of the shared files,
    and the options, the plan and the result say plainly that it has no password."""
    flow = make_flow("en")
    click(qtbot, flow.next_button)
    click(qtbot, flow.how.download_card)
    click(qtbot, flow.next_button)
    options = flow.options
    out, mine = tmp_path / "out", tmp_path / "mine"
    options.folder_edit.setText(str(out))
    tick(qtbot, options.password.check)
    qtbot.keyClicks(options.password_edit, PASSWORD)
    qtbot.keyClicks(options.password_repeat, PASSWORD)
    assert options.open_copy.isVisible() and not options.open_copy.isChecked()
    assert "no password" in options.open_copy_note.text()
    assert options.options().open_copy_folder is None
    tick(qtbot, options.open_copy)
    options.open_copy_folder.setText(str(out))
    assert options.problem_text() is not None and "another folder" in str(options.problem_text())
    options.open_copy_folder.setText(str(mine))
    assert options.problem_text() is None
    assert accessible_gaps(options) == []
    click(qtbot, flow.next_button)
    wait_idle(qtbot, flow)
    assert flow.step == "preview"
    assert any(str(mine) in line for line in flow._plan_lines())
    click(qtbot, flow.share_button)
    wait_idle(qtbot, flow)
    assert flow.step == "done"
    result = flow.done.result
    assert result is not None and result.protected
    assert not [p for p in out.iterdir() if p.suffix in (".pdf", ".json")]
    [copy] = result.open_copies
    assert copy.parent == mine and copy.read_bytes().startswith(b"%PDF")
    assert "without a password" in flow.done.fact("what")


def test_the_result_gives_the_true_reason_for_free_text_left_out(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Issue 12: never "as you chose" for something the person did choose: free text left out
    because pseudonymisation cannot check it is said to be that."""
    from xshare_desktop.core.sharing.prune import LeftOut
    from xshare_desktop.core.sharing.writer import ShareResult
    from xshare_desktop.gui.flow.step_done import DoneStep

    done = DoneStep()
    qtbot.addWidget(done)
    story = LeftOut("section", "free-text", section_code="81338-6", section_title="Patient story")
    result = delivery.DeliveryResult(
        method="download", contents=["x.pdf"], folder=Path("."), share=ShareResult([], [story], [])
    )
    done.show_result(result)
    what = done.fact("what")
    assert "free-text section" in what and "pseudonymisation cannot check free text" in what
    assert "as you chose" not in what


def test_the_strength_line_sits_right_under_its_field(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Issue 15 (cosmetic): step 3's password strength line takes one line under the field,
    and no room at all while there is nothing to say (it had a form row of its own, with an
    empty label that kept the row's spacing and a gap around the one line)."""
    from xshare_desktop.gui.flow.step_options import OptionsStep

    step = OptionsStep()
    qtbot.addWidget(step)
    step.resize(1000, 1100)
    step.show()
    qtbot.waitExposed(step)
    step.password.check.setChecked(True)
    edit, repeat, meter = step.password_edit, step.password_repeat, step.password_strength

    def gap_to_repeat() -> int:
        qtbot.wait(10)
        top = repeat.mapTo(step, repeat.rect().topLeft()).y()
        return top - edit.mapTo(step, edit.rect().bottomLeft()).y()

    empty_gap = gap_to_repeat()
    assert not meter.isVisible()
    assert empty_gap <= 16, "an empty strength line still takes room"
    edit.setText("abc12345")  # one of the most used passwords
    assert meter.isVisible() and meter.text().startswith("Too easy to guess")
    line = meter.fontMetrics().height()
    assert gap_to_repeat() <= empty_gap + line + 8, "the strength line stands taller than a line"
    below = (
        meter.mapTo(step, meter.rect().topLeft()).y()
        - edit.mapTo(step, edit.rect().bottomLeft()).y()
    )
    assert 0 <= below <= 6, "the strength line is not right under its field"
