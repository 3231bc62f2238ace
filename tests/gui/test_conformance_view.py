"""The "Check conformance" view: choose documents, run off the GUI thread, browse and export."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from xshare_desktop.core.progress import Progress
from xshare_desktop.gui.views import conformance_checker, conformance_view
from xshare_desktop.gui.views.conformance_view import ConformanceView

IPS_BUNDLE = "http://hl7.org/fhir/uv/ips/StructureDefinition/Bundle-uv-ips"


@pytest.fixture()
def documents(fhir_cache: Path, tmp_path: Path) -> tuple[Path, Path]:
    source = fhir_cache / "hl7.fhir.uv.ips#2.0.0/package/example/Bundle-bundle-minimal.json"
    good = tmp_path / "minimal.json"
    good.write_bytes(source.read_bytes())
    bundle = json.loads(source.read_text())
    for entry in bundle["entry"]:
        if entry["resource"]["resourceType"] == "Patient":
            entry["resource"]["birthDate"] = "1970-13-45"
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(bundle, indent=2))
    return good, broken


def make_view(qtbot: Any) -> ConformanceView:
    view = ConformanceView()
    qtbot.addWidget(view)
    view.resize(1100, 700)
    qtbot.waitUntil(lambda: view.profiles_ready, timeout=60_000)
    return view


def test_checks_documents_and_shows_the_element(qtbot: Any, documents: tuple[Path, Path]) -> None:
    good, broken = documents
    view = make_view(qtbot)
    assert view.select_profile(IPS_BUNDLE)
    view.profile_combo.setCurrentIndex(0)  # detect from the document
    assert not view.check_button.isEnabled()
    view.add_paths([good, broken])
    assert view.check_button.isEnabled()
    with qtbot.waitSignal(view.check_finished, timeout=60_000):
        qtbot.mouseClick(view.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.is_running)
    assert view.status.text().startswith("1 of 2 documents conform.")
    files = [view.issues.topLevelItem(i) for i in range(view.issues.topLevelItemCount())]
    assert [f.text(0) for f in files if f] == [
        "minimal.json: conforms",
        "broken.json: does not conform",
    ]
    birth = [i for i in view.issue_items() if i.text(1) == "Bundle.entry[1].resource.birthDate"]
    assert len(birth) == 1
    assert birth[0].parent().text(0) == "Patient (entry 2) (1)"
    assert birth[0].parent().parent().text(0).startswith("Errors (")
    view.issues.setCurrentItem(birth[0])
    expected_line = next(
        n for n, line in enumerate(broken.read_text().splitlines(), 1) if "1970-13-45" in line
    )
    assert view.source_view.textCursor().blockNumber() + 1 == expected_line
    assert len(view.source_view.extraSelections()) == 1
    assert "1970-13-45" in view.source_view.textCursor().block().text()
    assert "birthDate" in view.detail.text()
    assert view.export_button.isEnabled()


def test_export_in_every_format(qtbot: Any, documents: tuple[Path, Path], tmp_path: Path) -> None:
    _good, broken = documents
    view = make_view(qtbot)
    view.add_paths([broken])
    with qtbot.waitSignal(view.check_finished, timeout=60_000):
        view.start_check()
    qtbot.waitUntil(lambda: not view.is_running)
    html = view.export_report(tmp_path / "r.html", "html").read_text()
    assert html.startswith("<!DOCTYPE html>") and "Patient (entry 2)" in html
    outcome = json.loads(view.export_report(tmp_path / "r.json", "json").read_text())
    assert outcome["resourceType"] == "OperationOutcome"
    suites = ET.parse(view.export_report(tmp_path / "r.xml", "junit")).getroot()
    assert suites.find("testsuite") is not None


def test_cancel_stops_the_check(qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    def endless(self: Any, sources: Any, profile: Any, *, progress: Progress) -> Any:
        done = 0
        while True:  # only cancelling ends this: progress.step raises Cancelled
            progress.step(done % 10, 10, "slow.json")
            done += 1

    monkeypatch.setattr(conformance_checker.ConformanceChecker, "check", endless)
    view = make_view(qtbot)
    slow = tmp_path / "slow.json"
    slow.write_text("{}")
    view.add_paths([slow])
    worker = view.start_check()
    assert worker is not None and view.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: "slow.json" in view.status.text(), timeout=10_000)
    with qtbot.waitSignal(worker.done, timeout=10_000):
        qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    assert view.status.text() == "The check was cancelled."
    assert view.check_button.isEnabled() and view.run is None


def test_checks_the_open_document(qtbot: Any, documents: tuple[Path, Path]) -> None:
    from xshare_desktop.core.document import load_document

    good, _broken = documents
    in_memory = load_document(good.read_bytes(), name="minimal.json", check_models=False)
    view = make_view(qtbot)
    assert not view.use_open_button.isEnabled()
    view.set_document(in_memory)
    qtbot.mouseClick(view.use_open_button, Qt.MouseButton.LeftButton)
    assert len(view.sources) == 1 and isinstance(view.sources[0], tuple)
    with qtbot.waitSignal(view.check_finished, timeout=60_000) as finished:
        view.start_check()
    qtbot.waitUntil(lambda: not view.is_running)
    run = finished.args[0]
    assert run.checks[0].result.ok and run.checks[0].document.resource == in_memory.raw


def test_unreadable_file_is_shown_not_raised(qtbot: Any, tmp_path: Path, fhir_cache: Path) -> None:
    broken = tmp_path / "truncated.json"
    broken.write_text('{"resourceType": "Bundle", "entry": [')
    view = make_view(qtbot)
    view.add_paths([broken])
    with qtbot.waitSignal(view.check_finished, timeout=60_000):
        view.start_check()
    qtbot.waitUntil(lambda: not view.is_running)
    (item,) = view.issue_items()
    assert "truncated" in item.text(0)
    assert item.parent().parent().text(0) == "Unreadable (1)"


def test_danish_texts(qtbot: Any, make_context: Any, documents: tuple[Path, Path]) -> None:
    make_context(lang="da")
    view = make_view(qtbot)
    assert view.title.text() == "Kontrollér overensstemmelse"
    assert view.status.text() == "Tilføj et eller flere dokumenter, der skal kontrolleres."
    view.add_paths([documents[1]])
    with qtbot.waitSignal(view.check_finished, timeout=60_000):
        view.start_check()
    qtbot.waitUntil(lambda: not view.is_running)
    assert view.status.text().startswith("0 af 1 dokumenter overholder specifikationen.")
    assert any(i.parent().parent().text(0).startswith("Fejl (") for i in view.issue_items())


def test_large_documents_show_the_lines_around_the_element(
    qtbot: Any, documents: tuple[Path, Path], monkeypatch: Any
) -> None:
    monkeypatch.setattr(conformance_view, "FULL_TEXT_LIMIT", 1000)
    monkeypatch.setattr(conformance_view, "CONTEXT_LINES", 5)
    _good, broken = documents
    view = make_view(qtbot)
    view.add_paths([broken])
    with qtbot.waitSignal(view.check_finished, timeout=60_000):
        view.start_check()
    qtbot.waitUntil(lambda: not view.is_running)
    (birth,) = [i for i in view.issue_items() if i.text(1) == "Bundle.entry[1].resource.birthDate"]
    view.issues.setCurrentItem(birth)
    assert view.source_view.document().blockCount() == 11
    assert "1970-13-45" in view.source_view.textCursor().block().text()
    line = int(birth.text(2))
    assert f"Showing lines {line - 5} to {line + 5} of" in view.detail.text()


@pytest.mark.parametrize(
    ("lang", "start", "unread", "verdict"),
    [
        ("en", "0 of 1 documents conform. 1 error, ", "1 document could not be read", "could not be read"),
        ("da", "0 af 1 dokumenter overholder specifikationen. 1 fejl, ", "1 dokument kunne ikke læses", "kunne ikke læses"),
    ],
)  # fmt: skip
def test_unreadable_documents_get_no_verdict(
    qtbot: Any,
    make_context: Any,
    documents: tuple[Path, Path],
    tmp_path: Path,
    lang: str,
    start: str,
    unread: str,
    verdict: str,
) -> None:
    """A file that is not JSON, or is cut short, is not a document with "0 errors" that fails:
    it is counted apart, and the counts use real plurals (issue #11)."""
    make_context(lang=lang)
    _good, broken = documents
    truncated = tmp_path / "truncated.json"
    truncated.write_text(broken.read_text()[:200])
    view = make_view(qtbot)
    view.add_paths([broken, truncated])
    with qtbot.waitSignal(view.check_finished, timeout=60_000):
        qtbot.mouseClick(view.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.is_running)
    status = view.status.text()
    assert status.startswith(start), status
    assert unread in status, status
    files = [view.issues.topLevelItem(i) for i in range(view.issues.topLevelItemCount())]
    assert [f.text(0) for f in files if f][1] == f"truncated.json: {verdict}"
