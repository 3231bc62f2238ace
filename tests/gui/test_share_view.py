"""The share view: the tree, the choice it makes, and the preview of what the recipient sees."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from xshare_desktop.core.document import load_document
from xshare_desktop.core.sharing.selection import Selection
from xshare_desktop.core.sharing.writer import ShareOptions
from xshare_desktop.gui.views.share_view import KIND_ROLE, VALUE_ROLE, ShareView

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture()
def view(qtbot: Any) -> ShareView:
    document = load_document(SAMPLES / "ips-karen-testesen.json")
    widget = ShareView(document)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    qtbot.waitUntil(lambda: widget.prepared is not None, timeout=10_000)
    return widget


def _items(view: ShareView, kind: str) -> list[Any]:
    return [i for i in view._walk(view.root) if i.data(0, KIND_ROLE) == kind]


def _section(view: ShareView, code: str) -> Any:
    return next(i for i in view.section_items if i.data(0, VALUE_ROLE) == code)


def test_tree_shows_sections_entries_and_explained_fields(view: ShareView) -> None:
    medication = _section(view, "10160-0")
    assert medication.text(1) == "5 of 5 shared"
    assert medication.childCount() == 5
    fields = {i.text(0): i.text(1) for i in _items(view, "field")}
    assert fields["Address"] == "Your home address."
    assert "CPR" in fields["Identifiers"]
    years = [i.text(0) for i in _items(view, "year")]
    assert "Date of birth: exact date" in years  # ticked = shared, like every box (issue 12)
    assert view.selection() == Selection()
    assert "Metformin" in view.preview.toPlainText() or "metformin" in view.preview.toPlainText()


def test_unticking_a_section_entry_and_field_builds_the_selection(
    qtbot: Any, view: ShareView
) -> None:
    medication = _section(view, "10160-0")
    first_problem = _section(view, "11450-4").child(0)
    address = next(i for i in _items(view, "field") if i.text(0) == "Address")
    with qtbot.waitSignal(view.previewUpdated, timeout=10_000):
        medication.setCheckState(0, Qt.CheckState.Unchecked)
        first_problem.setCheckState(0, Qt.CheckState.Unchecked)
        address.setCheckState(0, Qt.CheckState.Unchecked)
    assert medication.text(1) == "0 of 5 shared"
    assert all(medication.child(i).checkState(0) == Qt.CheckState.Unchecked for i in range(5))
    assert view.root.checkState(0) == Qt.CheckState.PartiallyChecked
    selection = view.selection()
    assert "section:10160-0" in selection.exclude
    assert first_problem.data(0, VALUE_ROLE) in selection.exclude
    assert address.data(0, VALUE_ROLE) in selection.exclude and address.data(
        0, VALUE_ROLE
    ).endswith("#address")
    texts = [view.left_out.item(i).text() for i in range(view.left_out.count())]
    assert any("Medication" in t or "Medicin" in t for t in texts)
    assert any("Address" in t for t in texts)
    preview = view.preview.toPlainText()
    assert "Testvej" not in preview
    assert "tilbageholdt af patienten" in preview.lower()  # the document is Danish


def test_pseudonymise_shows_what_changes_and_share_emits_the_choice(
    qtbot: Any, view: ShareView, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(view, "choose_folder", lambda: "")  # the person cancels the folder dialog
    with qtbot.waitSignal(view.previewUpdated, timeout=10_000):
        view.pseudonymise.setChecked(True)
    assert view.show_changes.isEnabled()
    changes = [view.changes.item(i).text() for i in range(view.changes.count())]
    assert any("Karen Testesen" in c for c in changes)
    assert "Testesen" not in view.preview.toPlainText()
    view.format_pdf.setChecked(False)
    with qtbot.waitSignal(view.shareRequested, timeout=5_000) as signal:
        view.share_button.click()
    selection, options = signal.args
    assert isinstance(selection, Selection) and isinstance(options, ShareOptions)
    assert options.pseudonymise and options.formats == ("fhir-json",)
    # the preview's pseudonym is the one that will be shared
    assert options.pseudonym_salt is not None


def test_language_choice_translates_the_preview(qtbot: Any, view: ShareView) -> None:
    with qtbot.waitSignal(view.previewUpdated, timeout=10_000):
        view.language.setCurrentIndex(2)  # English
    assert "Medication" in view.preview.toPlainText()
    assert view.prepared is not None and view.prepared.language == "en"


def test_unticking_everything_keeps_only_the_withheld_required_sections(
    qtbot: Any, view: ShareView
) -> None:
    with qtbot.waitSignal(view.previewUpdated, timeout=10_000):
        view.root.setCheckState(0, Qt.CheckState.Unchecked)
    assert view.problem is None and view.prepared is not None
    sections = view.prepared.document["entry"][0]["resource"]["section"]
    assert sorted(s["code"]["coding"][0]["code"] for s in sections) == [
        "10160-0",
        "11450-4",
        "48765-2",
    ]
    assert all(s["emptyReason"]["coding"][0]["code"] == "withheld" for s in sections)
    assert view.share_button.isEnabled()
    view.format_json.setChecked(False)
    view.format_pdf.setChecked(False)
    assert not view.share_button.isEnabled()


def test_a_refused_choice_is_explained_and_cannot_be_shared(qtbot: Any) -> None:
    document = load_document(SAMPLES / "eu-lab-karen-testesen.json")
    widget = ShareView(document)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.prepared is not None, timeout=10_000)
    with qtbot.waitSignal(widget.previewUpdated, timeout=10_000):
        widget.root.setCheckState(0, Qt.CheckState.Unchecked)
    assert widget.problem is not None and "Nothing would be left" in widget.problem
    assert widget.status.text() == widget.problem
    assert not widget.share_button.isEnabled()
    with qtbot.waitSignal(widget.previewUpdated, timeout=10_000):
        widget.root.setCheckState(0, Qt.CheckState.Checked)
    assert widget.problem is None and widget.share_button.isEnabled()


def test_share_saves_the_files_in_the_chosen_folder(
    qtbot: Any, view: ShareView, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(view, "choose_folder", lambda: str(tmp_path))
    with qtbot.waitSignal(view.previewUpdated, timeout=10_000):
        view.pseudonymise.setChecked(True)
    with qtbot.waitSignal(view.shared, timeout=20_000) as signal:
        view.share_button.click()
    result = signal.args[0]
    assert sorted(p.suffix for p in result.files) == [".json", ".pdf"]
    pdf = next(p for p in result.files if p.suffix == ".pdf")
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Pseudonym" in text and "Testesen" not in text
    assert "Testesen" not in next(p for p in result.files if p.suffix == ".json").read_text(
        encoding="utf-8"
    )
    assert str(tmp_path) in view.status.text()


def test_existing_files_are_replaced_only_after_asking(
    qtbot: Any, view: ShareView, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    start = datetime.now(UTC)
    names = [
        f"patient-summary-shared-{start + timedelta(seconds=s):%Y%m%d-%H%M%S}.json"
        for s in range(-2, 30)
    ]
    for name in names:
        (tmp_path / name).write_text("mine", encoding="utf-8")
    view.format_pdf.setChecked(False)
    monkeypatch.setattr(view, "choose_folder", lambda: str(tmp_path))
    answers: list[str] = []

    def answer_no(*args: Any) -> QMessageBox.StandardButton:
        answers.append(args[2])
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer_no)
    view.share_button.click()
    qtbot.waitUntil(lambda: bool(answers), timeout=10_000)
    assert "already exists" in answers[0]
    qtbot.waitUntil(lambda: view.status.text() == "Nothing was saved.", timeout=5_000)
    assert all((tmp_path / n).read_text(encoding="utf-8") == "mine" for n in names)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(view.shared, timeout=20_000):
        view.share_button.click()
    assert sum((tmp_path / n).read_text(encoding="utf-8").startswith("{") for n in names) == 1


def test_every_box_means_shared_and_a_year_box_unticked_shares_the_year_only(
    qtbot: Any, view: ShareView
) -> None:
    """Issue 12: every box means the same thing (ticked = shared); a date's box ticked shares
    the exact date, unticked the year only."""
    birth = next(i for i in _items(view, "year") if i.text(0).startswith("Date of birth"))
    assert birth.checkState(0) == Qt.CheckState.Checked
    assert "year only" in birth.toolTip(0)
    birth.setCheckState(0, Qt.CheckState.Unchecked)
    assert view.selection().year_only == (birth.data(0, VALUE_ROLE),)


def test_sections_coded_in_a_local_system_and_sub_sections_can_be_left_out(
    qtbot: Any, fhir_cache: Path
) -> None:
    """Issue 12: a lab section coded in a local system, or a sub-section with no code at all,
    is chosen by its position; unticking a section unticks its sub-sections, as the core does."""
    example = fhir_cache / "hl7.fhir.eu.laboratory#0.2.0-ci/package/example"
    document = load_document(example / "Bundle-BundleLabResultMicroCultureSusc.json")
    widget = ShareView(document)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.prepared is not None, timeout=10_000)
    parent, gram, aerobic, _anaerobic = widget.section_items
    aerobic.setCheckState(0, Qt.CheckState.Unchecked)
    assert widget.selection().exclude == ("section:1.2",)
    aerobic.setCheckState(0, Qt.CheckState.Checked)
    parent.setCheckState(0, Qt.CheckState.Unchecked)
    assert gram.checkState(0) == Qt.CheckState.Unchecked
    assert "section:18725-2" in widget.selection().exclude  # its LOINC code names it alone


def test_a_free_text_section_says_it_is_shared_as_written(qtbot: Any) -> None:
    """Issue 12: the patient's own words that stay ticked are shared; the box says so."""
    document = load_document(SAMPLES / "ips-bent-eksempelsen.json")
    widget = ShareView(document)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.prepared is not None, timeout=10_000)
    story = next(i for i in widget.section_items if i.data(0, VALUE_ROLE) == "81338-6")
    assert story.checkState(0) == Qt.CheckState.Checked
    assert story.text(1) == "Free text, shared as written"
    assert "Pseudonymisation" in story.toolTip(1)
    assert widget.prepared is not None
    assert not [x for x in widget.prepared.left_out if x.kind == "section"]


def test_the_details_of_a_lab_report_can_be_withheld_in_step_one(qtbot: Any) -> None:
    """Issue 12: single fields per resource type in the GUI too; the lab's report and specimens
    are in no section, so their fields (performer, sample number...) have their own group."""
    document = load_document(SAMPLES / "eu-lab-karen-testesen.json")
    widget = ShareView(document)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.prepared is not None, timeout=10_000)
    assert widget.details_item is not None
    assert widget.details_item.text(0) == "Details of the report"
    fields = [i for i in _items(widget, "field") if i.parent().parent() is widget.details_item]
    performer = next(i for i in fields if i.text(0) == "Responsible")
    sample = next(i for i in fields if i.text(0) == "Sample number")
    assert performer.checkState(0) == sample.checkState(0) == Qt.CheckState.Checked
    performer.setCheckState(0, Qt.CheckState.Unchecked)
    sample.setCheckState(0, Qt.CheckState.Unchecked)
    selection = widget.selection()
    assert performer.data(0, VALUE_ROLE) in selection.exclude
    assert performer.data(0, VALUE_ROLE).endswith("#performer")
    assert sample.data(0, VALUE_ROLE).endswith("#accessionIdentifier")
