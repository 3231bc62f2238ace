"""Step 1's tree in booth type: no label cut, rows tall enough for their boxes (issue #14, Booth).

Issue #14 "Large type leaves the checkboxes tiny and cuts tree labels ("Aktuelle problemer og
…")": a section title lost about 3 px to the delegate's size hint under the style sheet, and a
tree built while its page was hidden kept the plain style's row height.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTreeWidgetItem

from xshare_desktop.gui.flow.selection_tree import SelectionTree

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "ips-karen-testesen.json"


def _tree(window) -> SelectionTree:  # type: ignore[no-untyped-def]
    tree = window.findChild(SelectionTree)
    assert tree is not None and tree.isVisible()
    return tree


def _check_box_rect(tree: SelectionTree, item: QTreeWidgetItem):  # type: ignore[no-untyped-def]
    index = tree.indexFromItem(item, 0)
    option = QStyleOptionViewItem()
    tree.initViewItemOption(option)
    option.rect = tree.visualRect(index)
    tree.itemDelegate().initStyleOption(option, index)
    return tree.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, tree
    )


def _problems(tree: SelectionTree) -> list[str]:
    """Labels cut although the column could still widen, and boxes taller than their row."""
    problems = []
    for item in tree._shown_items():
        short = tree.label_shortfall(item)
        if short > 0 and tree.columnWidth(0) + short <= tree.first_column_cap():
            problems.append(f"{item.text(0)!r} lacks {short} px")
        if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            box, row = _check_box_rect(tree, item), tree.visualItemRect(item)
            if box.height() > row.height():
                problems.append(f"{item.text(0)!r}: box {box.height()} px, row {row.height()} px")
    return problems


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_no_label_is_cut_in_booth_type(make_window, load, qtbot, size) -> None:  # type: ignore[no-untyped-def]
    """Danish, booth mode: every shown label in step 1 fits its column, at both screen sizes."""
    window = make_window(booth=True, lang="da")
    window.resize(*size)
    load(window, SAMPLE)
    window.go("share")
    tree = _tree(window)
    qtbot.wait(50)
    title = tree.section_item("11450-4")
    assert title is not None and tree.label_shortfall(title) <= 0
    for item in tree.section_items:
        item.setExpanded(True)  # entries' labels count too, up to the column's widest
    qtbot.wait(50)
    assert _problems(tree) == []


def test_the_tree_is_measured_again_the_second_time(make_window, load, qtbot) -> None:  # type: ignore[no-untyped-def]
    """After Cancel (or Start over) step 1 builds a new tree: booth rows stay tall enough."""
    window = make_window(booth=True, lang="da")
    window.resize(1366, 768)
    load(window, SAMPLE)
    for _ in range(2):
        window.go("share")
        tree = _tree(window)
        qtbot.wait(50)
        assert _problems(tree) == []
        window.navigator.page("share").cancel()
        load(window, SAMPLE)


def test_the_measure_finds_a_cut_label(make_window, load, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The check itself: a first column squeezed below its title is reported."""
    window = make_window(booth=True, lang="da")
    window.resize(1366, 768)
    load(window, SAMPLE)
    window.go("share")
    tree = _tree(window)
    item = tree.section_item("11450-4")
    assert item is not None
    tree.header().resizeSection(0, tree.columnWidth(0) - 4)
    assert tree.label_shortfall(item) > 0
