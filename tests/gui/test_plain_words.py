"""What a GP at the booth sees: whole section titles, local dates, plain words, no blank boxes."""

from __future__ import annotations

import json
import re
from pathlib import Path

from PySide6.QtWidgets import QScrollArea, QTreeWidgetItem

from xshare_desktop.core.sharing.delivery import DeliveryResult
from xshare_desktop.core.sharing.prune import LeftOut
from xshare_desktop.core.signing import TrustStore, create_identity, demo_ca, write_package
from xshare_desktop.gui.flow.step_done import DoneStep
from xshare_desktop.gui.flow.tasks import plain_left_out_lines
from xshare_desktop.gui.views.conformance_view import ConformanceView
from xshare_desktop.gui.views.document_view import DocumentView
from xshare_desktop.gui.views.keys_view import KeysView
from xshare_desktop.gui.views.open_link_view import OpenLinkView
from xshare_desktop.gui.views.received_view import ReceivedView

ROOT = Path(__file__).resolve().parents[2]
BENT = ROOT / "samples" / "ips-bent-eksempelsen.json"
KAREN = ROOT / "samples" / "ips-karen-testesen.json"
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DANISH_DATE = re.compile(r"\d{1,2}\. [a-zæøå]+ \d{4}")


def test_section_titles_fit_beside_their_counts_at_1366(qtbot, make_window, load) -> None:  # type: ignore[no-untyped-def]
    window = make_window(lang="da")
    window.resize(1366, 768)
    load(window, BENT)
    view = window.navigator.ensure_page("document")
    assert isinstance(view, DocumentView)
    tree = view.sections
    metrics = tree.fontMetrics()
    titles = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert "Aktuelle problemer og diagnoser" in titles
    widest = max(metrics.horizontalAdvance(title) for title in titles)
    # The splitter is arranged just after the resize settles.
    qtbot.waitUntil(lambda: tree.columnWidth(0) >= widest, timeout=5_000)
    assert tree.topLevelItem(0).toolTip(0) == titles[0]


def test_left_out_lines_name_the_thing_not_the_fhir_resource() -> None:
    raw = json.loads(KAREN.read_text(encoding="utf-8"))
    statement = next(
        e for e in raw["entry"] if e["resource"]["resourceType"] == "MedicationStatement"
    )
    items = [
        LeftOut(kind="section", reason="chosen", section_code="10160-0", section_title="Medicin"),
        LeftOut(
            kind="entry",
            reason="section",
            full_url=statement["fullUrl"],
            resource_type="MedicationStatement",
        ),
    ]
    section_line, entry_line = plain_left_out_lines(items, raw, "da")
    assert section_line.startswith("Afsnit Medicin")
    assert "MedicationStatement" not in entry_line
    assert entry_line[:1].isupper() and "tablet" in entry_line.lower()


def test_received_signature_dates_are_written_in_danish(
    qtbot, make_context, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    view = ReceivedView(make_context(lang="da"))
    qtbot.addWidget(view)
    identity = create_identity("Karen Testesen", "correct horse battery")
    TrustStore().add_file(demo_ca.certificate_path())
    document = tmp_path / "ips.json"
    document.write_bytes(KAREN.read_bytes())
    package = write_package([document], tmp_path / "share.zip", signer=identity)
    worker = view.open_path(package)
    with qtbot.waitSignal(worker.done, timeout=20_000):
        pass
    assert view.badge_colour() == "green"

    def texts(item: QTreeWidgetItem) -> list[str]:
        found = [item.text(1)]
        for i in range(item.childCount()):
            found += texts(item.child(i))
        return found

    lines = texts(view.details.invisibleRootItem())
    signed = [line for line in lines if line.startswith("Signeret ") and " til " in line]
    assert signed, lines
    assert all(DANISH_DATE.search(line) and not ISO_DATE.search(line) for line in signed)


def test_keys_view_says_in_words_when_no_issuer_is_trusted(qtbot, make_context) -> None:  # type: ignore[no-untyped-def]
    view = KeysView(make_context(lang="da"))
    qtbot.addWidget(view)
    assert view.trust_empty.isVisibleTo(view) and view.trust_empty.text()
    assert not view.trust_list.isVisibleTo(view)
    demo_ca.load_or_create_demo_ca()
    TrustStore().add_file(demo_ca.certificate_path())
    view.refresh()
    assert view.trust_list.isVisibleTo(view) and not view.trust_empty.isVisibleTo(view)
    issuer = view.trust_list.item(0).text()
    assert DANISH_DATE.search(issuer) and not ISO_DATE.search(issuer)


def test_conformance_source_pane_explains_itself_before_a_finding_is_chosen(
    qtbot,  # type: ignore[no-untyped-def]
    make_context,
) -> None:
    view = ConformanceView(make_context(lang="da"))
    qtbot.addWidget(view)
    assert view.source_view.placeholderText().startswith("Vælg et fund")


def test_open_link_asks_for_the_recipients_own_name(qtbot, make_context) -> None:  # type: ignore[no-untyped-def]
    view = OpenLinkView(make_context(lang="da"))
    qtbot.addWidget(view)
    assert view.recipient_edit.text() == ""
    assert view.recipient_edit.placeholderText().startswith("fx ")
    view.recipient_edit.setText("Lægehuset Nord")
    view.reset()
    assert view.recipient_edit.text() == ""


def test_entry_summaries_write_their_dates_in_the_chosen_language(qtbot, make_window, load) -> None:  # type: ignore[no-untyped-def]
    window = make_window(lang="da")
    load(window, BENT)
    view = window.navigator.ensure_page("document")
    assert isinstance(view, DocumentView)
    model = view.entries_model
    summaries = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
    assert any("siden 2. marts 2017" in text for text in summaries), summaries
    assert not any(ISO_DATE.search(text) for text in summaries)


def test_done_page_says_where_the_link_lives_without_a_bare_address(qtbot, make_context) -> None:  # type: ignore[no-untyped-def]
    make_context(lang="da")
    page = DoneStep()
    qtbot.addWidget(page)
    page.show_result(
        DeliveryResult(
            method="link",
            contents=["ips.json", "ips.pdf"],
            link_id="abc",
            link_uri="shlink:/eyJ1cmwiOiJodHRwOi8vMTI3LjAuMC4xOjgwODAvIn0",
            host_url="http://127.0.0.1:8080",
        )
    )
    assert "127.0.0.1" not in page.fact("where") and "computer" in page.fact("where")
    assert "127.0.0.1:8080" in page.facts["where"].toolTip()
    assert page.fact("what").startswith("Dit dokument til sundheds-it-systemer (FHIR) og som PDF")


def test_start_page_scrolls_only_when_it_does_not_fit(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(booth=True, lang="da")
    window.resize(1366, 768)
    window.go("start")
    page = window.navigator.page("start")
    scroll = page.findChild(QScrollArea)
    bar = scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() == 0, timeout=5_000)
    window.resize(1366, 420)
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5_000)
    bar.setValue(bar.maximum())
    last = page.feature_buttons["open_link"]

    def last_card_bottom() -> int:
        return int(last.mapTo(scroll.viewport(), last.rect().bottomLeft()).y())

    # Scrolled to the end, the last card is on screen: nothing is cut off.
    qtbot.waitUntil(lambda: 0 < last_card_bottom() <= scroll.viewport().height(), timeout=5_000)
