"""Step 1's selection tree: what it shows, and the core Selection it makes of the ticks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from xshare_desktop.core.document import load_document
from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.sharing.selection import Selection
from xshare_desktop.core.sharing.writer import PreparedShare, ShareOptions, prepare_share
from xshare_desktop.gui.flow.selection_tree import KIND_ROLE, VALUE_ROLE, SelectionTree

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture()
def view(qtbot: Any) -> SelectionTree:
    document = load_document(SAMPLES / "ips-karen-testesen.json")
    widget = SelectionTree(document)
    qtbot.addWidget(widget)
    widget.resize(900, 800)
    return widget


def _prepared(view: SelectionTree) -> PreparedShare:
    """What the flow's preview makes of the tree's choice (``gui.flow.tasks.make_preview``)."""
    return prepare_share(dict(view.document.raw), view.selection(), ShareOptions())


def _items(view: SelectionTree, kind: str) -> list[Any]:
    return [i for i in view._walk(view.root) if i.data(0, KIND_ROLE) == kind]


def _section(view: SelectionTree, code: str) -> Any:
    return next(i for i in view.section_items if i.data(0, VALUE_ROLE) == code)


def test_tree_shows_sections_entries_and_explained_fields(view: SelectionTree) -> None:
    medication = _section(view, "10160-0")
    assert medication.text(1) == "5 of 5 shared"
    assert medication.childCount() == 5
    fields = {i.text(0): i.text(1) for i in _items(view, "field")}
    assert fields["Address"] == "Your home address."
    assert "CPR" in fields["Identifiers"]
    years = [i.text(0) for i in _items(view, "year")]
    assert "Date of birth: exact date" in years  # ticked = shared, like every box (issue 12)
    assert view.selection() == Selection()
    assert "metformin" in _prepared(view).html.lower()


def test_unticking_a_section_entry_and_field_builds_the_selection(
    qtbot: Any, view: SelectionTree
) -> None:
    medication = _section(view, "10160-0")
    first_problem = _section(view, "11450-4").child(0)
    address = next(i for i in _items(view, "field") if i.text(0) == "Address")
    with qtbot.waitSignal(view.changed, timeout=1_000):
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
    prepared = _prepared(view)
    assert any(x.kind == "section" and x.section_code == "10160-0" for x in prepared.left_out)
    assert any(x.kind == "field" and (x.field or "").endswith("address") for x in prepared.left_out)
    assert "Testvej" not in prepared.html
    assert "tilbageholdt af patienten" in prepared.html.lower()  # the document is Danish


def test_unticking_everything_keeps_only_the_withheld_required_sections(
    qtbot: Any, view: SelectionTree
) -> None:
    view.root.setCheckState(0, Qt.CheckState.Unchecked)
    sections = _prepared(view).document["entry"][0]["resource"]["section"]
    assert sorted(s["code"]["coding"][0]["code"] for s in sections) == [
        "10160-0",
        "11450-4",
        "48765-2",
    ]
    assert all(s["emptyReason"]["coding"][0]["code"] == "withheld" for s in sections)


def test_unticking_everything_in_a_lab_report_is_refused_in_words(qtbot: Any) -> None:
    document = load_document(SAMPLES / "eu-lab-karen-testesen.json")
    widget = SelectionTree(document)
    qtbot.addWidget(widget)
    widget.root.setCheckState(0, Qt.CheckState.Unchecked)
    with pytest.raises(UserFacingError, match="Nothing would be left"):
        _prepared(widget)
    widget.root.setCheckState(0, Qt.CheckState.Checked)
    assert widget.selection() == Selection()
    assert _prepared(widget).left_out == []


def test_every_box_means_shared_and_a_year_box_unticked_shares_the_year_only(
    qtbot: Any, view: SelectionTree
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
    widget = SelectionTree(document)
    qtbot.addWidget(widget)
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
    widget = SelectionTree(document)
    qtbot.addWidget(widget)
    story = next(i for i in widget.section_items if i.data(0, VALUE_ROLE) == "81338-6")
    assert story.checkState(0) == Qt.CheckState.Checked
    assert story.text(1) == "Free text, shared as written"
    assert "Pseudonymisation" in story.toolTip(1)
    assert not [x for x in _prepared(widget).left_out if x.kind == "section"]


def test_the_details_of_a_lab_report_can_be_withheld_in_step_one(qtbot: Any) -> None:
    """Issue 12: single fields per resource type in the GUI too; the lab's report and specimens
    are in no section, so their fields (performer, sample number...) have their own group."""
    document = load_document(SAMPLES / "eu-lab-karen-testesen.json")
    widget = SelectionTree(document)
    qtbot.addWidget(widget)
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


def test_section_titles_are_in_the_interface_language(view: SelectionTree) -> None:
    """Issue #14 "In English, section titles stay Danish": step 1 titles a known IPS section in
    the interface language (gui.formatting.SECTION_TITLES); the document's own title is the tooltip.
    """
    problems = _section(view, "11450-4")
    assert problems.text(0) == "Current problems and diagnoses"
    assert problems.toolTip(0) == "Aktuelle problemer og diagnoser"
