"""The first window: samples, opening documents, language switching, drag and drop, recent files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from xshare_desktop.core.document import load_document
from xshare_desktop.gui import errors
from xshare_desktop.gui.formatting import plain_term, section_title
from xshare_desktop.gui.samples import list_samples
from xshare_desktop.gui.views.document_view import DocumentView
from xshare_desktop.gui.views.start_view import StartView

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_FILES = sorted((ROOT / "samples").glob("*.json"))


def _start(window) -> StartView:  # type: ignore[no-untyped-def]
    page = window.navigator.page("start")
    assert isinstance(page, StartView)
    return page


def _document_view(window) -> DocumentView:  # type: ignore[no-untyped-def]
    page = window.navigator.page("document")
    assert isinstance(page, DocumentView)
    return page


def test_start_page_offers_every_sample_by_patient_name(window, qtbot) -> None:
    start = _start(window)
    qtbot.waitUntil(lambda: len(start.sample_buttons) == len(SAMPLE_FILES))
    titles = {button.title for button in start.sample_buttons}
    for info in list_samples():
        assert info.patient_name in titles
        assert not info.patient_name.endswith(".json")


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.stem)
def test_every_sample_opens_in_the_document_view(window, load, sample: Path) -> None:
    load(window, sample)
    assert not window.banner.isVisible(), window.banner.text
    assert window.navigator.current_name == "document"
    view = _document_view(window)
    expected = load_document(sample)
    if expected.patient_info is not None:
        assert view.header.name.text() == expected.patient_info.name
    assert view.sections.topLevelItemCount() == len(expected.sections)
    first = expected.sections[0]
    assert view.entries_model.rowCount() == len(first.all_entries())
    for row, entry in enumerate(first.all_entries()):
        shown = view.entries_model.index(row, 0).data()
        # Dates inside a summary are written the way the UI language writes them.
        assert shown == (plain_term(entry.summary) or entry.resource_type)
    if first.narrative:
        assert view.narrative.toPlainText().strip()


def test_choosing_a_section_shows_its_entries_and_narrative(window, load) -> None:
    sample = next(p for p in SAMPLE_FILES if p.name.startswith("ips-"))
    load(window, sample)
    view = _document_view(window)
    doc = view.document
    index = max(range(len(doc.sections)), key=lambda i: len(doc.sections[i].entries))
    view.sections.setCurrentItem(view.sections.topLevelItem(index))
    section = doc.sections[index]
    assert view.entries_model.rowCount() == len(section.all_entries())
    assert section_title(section) in view.entries_title.text()


def test_switching_language_retranslates_everything(window, load, qtbot) -> None:
    sample = next(p for p in SAMPLE_FILES if p.name.startswith("ips-"))
    start = _start(window)
    assert start.title.text() == "My health summary"
    window.language_actions["da"].trigger()
    assert window.context.language.code == "da"
    qtbot.waitUntil(lambda: start.title.text() == "Min helbredsoversigt")
    assert window.file_menu.title() == "&Filer"
    assert window.context.settings.language == "da"
    load(window, sample)
    view = _document_view(window)
    entry = view.document.sections[0].all_entries()[0]
    assert view.entries_model.index(0, 0).data() == plain_term(entry.summary_da)
    assert view.header.details.text().startswith("Født")
    window.app_bar.language.click()
    assert window.context.language.code == "en"
    qtbot.waitUntil(lambda: view.header.details.text().startswith("Born"))
    assert view.entries_model.index(0, 0).data() == plain_term(entry.summary)


def _drop(window, path: Path) -> bool:  # type: ignore[no-untyped-def]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    return drop.isAccepted()


def test_drag_and_drop_opens_the_file(window, qtbot) -> None:
    sample = SAMPLE_FILES[0]
    with qtbot.waitSignal(window.loader.finished, timeout=30_000):
        assert _drop(window, sample)
    assert window.navigator.current_name == "document"
    assert _document_view(window).document.source == sample


def test_drag_of_text_is_refused(window) -> None:
    mime = QMimeData()
    mime.setText("hello")
    enter = QDragEnterEvent(
        QPoint(1, 1),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter.ignore()
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_recent_files_are_remembered_and_reopen(make_window, load, qtbot, tmp_path) -> None:
    copy = tmp_path / "min-oversigt.json"
    copy.write_bytes(SAMPLE_FILES[1].read_bytes())
    window = make_window()
    load(window, copy)
    assert window.context.settings.recent_files[0] == str(copy.resolve())
    window.close_document()
    start = _start(window)
    assert [b.text() for b in start.recent_buttons] == ["min-oversigt.json"]
    with qtbot.waitSignal(window.loader.finished, timeout=30_000):
        start.recent_buttons[0].click()
    assert _document_view(window).document.source.resolve() == copy.resolve()
    window._fill_recent_menu()
    assert window.recent_menu.actions()[0].text() == "min-oversigt.json"


def test_truncated_json_gives_a_calm_message(window, load, tmp_path) -> None:
    broken = tmp_path / "broken.json"
    data = SAMPLE_FILES[0].read_bytes()
    broken.write_bytes(data[: len(data) // 2])
    before = broken.read_bytes()
    reported = errors.crash_reporter.reported
    load(window, broken)
    assert window.banner.isVisible()
    assert "truncated" in window.banner.text
    assert "Traceback" not in window.banner.text
    assert window.context.document is None
    assert window.navigator.current_name == "start"
    assert errors.crash_reporter.reported == reported
    assert not [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]
    assert broken.read_bytes() == before  # inputs are never modified
    assert broken.resolve().as_posix() not in window.context.settings.recent_files


@pytest.mark.parametrize(
    "content",
    [b"", b"not json at all", b'{"resourceType": "Patient"}', b"[1, 2, 3]", b"\xff\xfe\x00"],
    ids=["empty", "text", "patient", "array", "binary"],
)
def test_bad_files_are_explained(window, load, tmp_path, content: bytes) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    load(window, path)
    assert window.banner.isVisible()
    assert window.banner.text.strip()
    assert window.context.document is None


def test_missing_file_is_explained(window, load, tmp_path) -> None:
    load(window, tmp_path / "gone.json")
    assert "does not exist" in window.banner.text


def test_every_button_has_a_name_for_screen_readers(window, load) -> None:
    load(window, SAMPLE_FILES[0])
    for page in ("start", "document", "about"):
        window.go(page)
        for button in window.findChildren(QPushButton):
            if button.isVisible():
                assert button.text() or button.accessibleName(), button.objectName()


def test_samples_menu_names_patients_and_document_kinds(window, qtbot) -> None:
    window._fill_samples_menu()
    labels = [a.text() for a in window.samples_menu.actions()]
    assert len(labels) == len(SAMPLE_FILES) == len(set(labels))
    lab = next(a for a in window.samples_menu.actions() if "Laboratory report" in a.text())
    with qtbot.waitSignal(window.loader.finished, timeout=30_000):
        lab.trigger()
    assert window.context.document.kind == "eu-lab"
