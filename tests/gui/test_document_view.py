"""The document view shows what is in the file, blocks remote content and notes problems discreetly."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from xshare_desktop.core.document import document_from_json, load_document
from xshare_desktop.gui.app import EXIT_WHEN_SHOWN_ENV, parse_args
from xshare_desktop.gui.views.document_view import DocumentView

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "ips-bent-eksempelsen.json"


def _view(window) -> DocumentView:  # type: ignore[no-untyped-def]
    view = window.navigator.ensure_page("document")
    assert isinstance(view, DocumentView)
    return view


def _tampered(change) -> object:  # type: ignore[no-untyped-def]
    raw = json.loads(SAMPLE.read_text(encoding="utf-8"))
    tree = copy.deepcopy(raw)
    change(tree)
    return document_from_json(tree, name="test.json")


def test_remote_images_in_the_narrative_are_never_fetched(window) -> None:
    def add_image(tree: dict) -> None:  # type: ignore[type-arg]
        section = tree["entry"][0]["resource"]["section"][0]
        section["text"]["div"] = (
            '<div xmlns="http://www.w3.org/1999/xhtml"><p>Hello</p>'
            '<img src="http://tracker.example/pixel.png"/></div>'
        )

    doc = _tampered(add_image)
    window.context.show_document(doc)
    view = _view(window)
    assert "Hello" in view.narrative.toPlainText()
    assert any("tracker.example" in url for url in view.narrative.blocked)


def test_unresolved_references_are_noted_discreetly(window, qtbot) -> None:
    def break_reference(tree: dict) -> None:  # type: ignore[type-arg]
        for entry in tree["entry"]:
            if entry["resource"]["resourceType"] == "Condition":
                entry["resource"]["subject"] = {
                    "reference": "urn:uuid:00000000-0000-0000-0000-000000000000"
                }
                break

    doc = _tampered(break_reference)
    assert doc.references.unresolved
    window.context.show_document(doc)
    view = _view(window)
    assert view.issues_bar.isVisible()
    assert "could not be resolved" in view.issues_summary.text()
    assert not view.issues_list.isVisible()
    view.issues_toggle.click()
    assert view.issues_list.isVisible()
    assert any(
        "urn:uuid:00000000" in view.issues_list.item(i).text()
        for i in range(view.issues_list.count())
    )


def test_model_issues_arrive_after_the_document_is_shown(window, load, qtbot, tmp_path) -> None:
    raw = json.loads(SAMPLE.read_text(encoding="utf-8"))
    for entry in raw["entry"]:
        if entry["resource"]["resourceType"] == "Condition":
            entry["resource"]["onsetDateTime"] = "last spring"
            break
    path = tmp_path / "odd-date.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with qtbot.waitSignal(window.loader.checked, timeout=30_000):
        load(window, path)
    view = _view(window)
    assert view.document.model_issues
    assert "structural" in view.issues_summary.text()


def test_an_empty_section_says_why(window) -> None:
    def withhold(tree: dict) -> None:  # type: ignore[type-arg]
        section = tree["entry"][0]["resource"]["section"][0]
        section.pop("entry", None)
        section["emptyReason"] = {
            "coding": [
                {
                    "system": "http://terminology.hl7.org/CodeSystem/list-empty-reason",
                    "code": "withheld",
                }
            ]
        }

    doc = _tampered(withhold)
    window.context.show_document(doc)
    view = _view(window)
    assert view.entries_model.rowCount() == 0
    assert view.empty_reason.isVisible()
    assert "chose not to share" in view.empty_reason.text()


def test_the_open_document_is_left_unchanged(window, load) -> None:
    before = SAMPLE.read_bytes()
    load(window, SAMPLE)
    assert SAMPLE.read_bytes() == before
    assert window.context.document.raw == load_document(SAMPLE).raw


def test_command_line_options() -> None:
    args = parse_args(["--booth", "--lang", "en", "--samples", "doc.json"])
    assert args.booth and args.lang == "en" and args.samples and args.file == Path("doc.json")


def test_the_app_starts_and_shows_its_window(tmp_path) -> None:
    env = {
        "PATH": "/usr/bin:/bin",
        "QT_QPA_PLATFORM": "offscreen",
        "XSHARE_DATA_DIR": str(tmp_path),
        EXIT_WHEN_SHOWN_ENV: "1",
    }
    result = subprocess.run(
        [sys.executable, "-m", "xshare_desktop.gui.app", "--lang", "da"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-800:]
    assert result.stdout.startswith("first-window-shown ")


@pytest.mark.parametrize(("booth", "width"), [(False, 1366), (True, 1366), (True, 1024)])
def test_section_titles_wrap_instead_of_being_cut(
    make_window, load, qtbot, booth: bool, width: int
) -> None:
    """Issue #14 "Booth": large type cut "Aktuelle problemer og …"; titles wrap to fit."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QApplication

    window = make_window(booth=booth, lang="da", show=False)
    window.setMinimumSize(600, 400)
    window.resize(width, 600)
    window.show()
    qtbot.waitExposed(window)
    load(window, ROOT / "samples" / "ips-karen-testesen.json")
    view = window.navigator.page("document")
    tree = view.sections
    QApplication.processEvents()
    qtbot.wait(50)
    metrics = tree.fontMetrics()
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        text = item.text(0)
        shown = tree.visualItemRect(item)
        width = tree.columnWidth(0) - 8  # the item's own margins
        needed = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text)
        assert needed.height() <= shown.height(), (text, needed, shown)
        assert max(metrics.horizontalAdvance(word) for word in text.split()) <= width, text
