"""The vendor workbench view: declare, validate a folder, test a link, export the evidence pack."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from xshare_desktop.core.signing import keys
from xshare_desktop.gui.workbench import evidence_tab
from xshare_desktop.gui.workbench.workbench_view import WorkbenchView


@pytest.fixture()
def docs(fhir_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    source = fhir_cache / "hl7.fhir.uv.ips#2.0.0/package/example/Bundle-bundle-minimal.json"
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(source, folder / "good.json")
    bundle = json.loads(source.read_text())
    for entry in bundle["entry"]:
        if entry["resource"]["resourceType"] == "Patient":
            entry["resource"]["birthDate"] = "1970-13-45"
    (folder / "broken.json").write_text(json.dumps(bundle, indent=2))
    samples = tmp_path / "samples"
    samples.mkdir()
    shutil.copy(source, samples / "ips-minimal.json")
    monkeypatch.setenv("XSHARE_SAMPLES_DIR", str(samples))
    return folder


def test_an_installed_specification_can_be_declared(qtbot: Any, docs: Path) -> None:
    view = make_view(qtbot)  # the seeded cache holds hl7.fhir.eu.laboratory
    assert view.declare.spec_boxes["eu-lab"].isEnabled()
    assert "package not installed" not in view.declare.spec_boxes["eu-lab"].text()


def make_view(qtbot: Any) -> WorkbenchView:
    view = WorkbenchView()
    qtbot.addWidget(view)
    view.resize(1100, 760)
    return view


def test_declaration_follows_the_form(qtbot: Any, docs: Path, fhir_cache_without: Any) -> None:
    fhir_cache_without("hl7.fhir.eu.laboratory")
    view = make_view(qtbot)
    assert view.declare.spec_boxes["ips"].isChecked()
    assert not view.declare.spec_boxes["eu-lab"].isEnabled()
    assert "package not installed" in view.declare.spec_boxes["eu-lab"].text()
    assert view.declare.actors.text() == "Acts as: Content Creator"
    view.declare.feature_share.setChecked(True)
    view.declare.role_consumer.setChecked(True)
    assert view.declare.actors.text() == (
        "Acts as: Content Creator, Link Provider, Content Consumer, Link Consumer"
    )
    view.declare.spec_boxes["ips"].setChecked(False)
    assert "no content specification" in view.declare.status.text()
    assert not view.content.run_button.isEnabled()


def test_content_matrix_and_drill_down(qtbot: Any, docs: Path) -> None:
    view = make_view(qtbot)
    view.content.set_folder(docs)
    with qtbot.waitSignal(view.content_finished, timeout=60_000):
        qtbot.mouseClick(view.content.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.busy)
    rows = [
        (view.content.matrix.item(r, 0).text(), view.content.matrix.item(r, 4).text())
        for r in range(view.content.matrix.rowCount())
    ]
    assert rows == [("broken.json", "Fail"), ("good.json", "Pass")]
    assert view.content.status.text().startswith("2 documents: 1 passed, 1 failed.")
    view.content.matrix.selectRow(0)
    locations = [
        view.content.issues.topLevelItem(i).text(1)
        for i in range(view.content.issues.topLevelItemCount())
    ]
    assert any(location.startswith("Bundle.entry[1].resource.birthDate") for location in locations)
    assert view.evidence.export_button.isEnabled()


def test_link_tests_against_the_published_test_links_and_export(
    qtbot: Any, docs: Path, tmp_path: Path
) -> None:
    view = make_view(qtbot)
    qtbot.mouseClick(view.links.publish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.links.test_links.rowCount() >= 10, timeout=30_000)
    assert view.links.publish_button.text() == "Stop test links"
    try:
        view.links.uri_edit.setText(view.links.host.link("flags-out-of-order").uri)
        view.links.passcode_edit.setText("xshare-test")
        with qtbot.waitSignal(view.link_finished, timeout=60_000):
            qtbot.mouseClick(view.links.run_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not view.busy)
        failed = [
            view.links.cases.item(r, 0).text()
            for r in range(view.links.cases.rowCount())
            if view.links.cases.item(r, 1).text() == "Fail"
        ]
        assert failed == ["shl.payload.flag-order"]
        combo = view.links.test_links.cellWidget(0, 3)
        combo.setCurrentIndex(1)  # the viewer opened the valid link as expected
    finally:
        view.reset()
    assert view.links.test_links.rowCount() == 0
    out = tmp_path / "pack"
    worker = view.evidence.export_to(out, with_pdf=True)
    assert worker is not None
    with qtbot.waitSignal(worker.done, timeout=30_000):
        pass
    assert (out / "evidence.pdf").read_bytes().startswith(b"%PDF")
    summary = json.loads((out / "evidence.json").read_text())
    assert summary["verdict"] == "fail"
    ticked = {case["id"]: case["verdict"] for case in summary["consumer"]}
    assert ticked["consumer.valid"] == "pass" and ticked["consumer.bad-jwe"] == "not-applicable"
    assert "evidence pack is in" in view.evidence.status.text()


def test_the_view_speaks_danish(qtbot: Any, docs: Path, make_context: Any) -> None:
    make_context(lang="da")
    view = make_view(qtbot)
    assert view.tabs.tabText(0) == "1. Erklær"
    assert view.declare.actors.text().startswith("Optræder som:")
    assert view.evidence.statement.rowCount() == 6


def test_the_evidence_pack_is_unlocked_and_written_on_a_worker_thread(
    qtbot: Any, docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Conventions, "All long work through one helper": unlocking the key and writing the pack
    and its PDF run on the worker (issue 15); meanwhile the tab says so and the GUI answers."""
    keys.create_identity("Vendor Tester", "correct horse battery", use_demo_ca=False)
    threads: dict[str, threading.Thread] = {}
    release = threading.Event()
    real_load = keys.load_identity

    def load_identity(passphrase: str) -> Any:
        threads["unlock"] = threading.current_thread()
        return real_load(passphrase)

    def write_evidence_pack(pack: Any, folder: Path, **kwargs: Any) -> list[Path]:
        threads["write"] = threading.current_thread()
        assert release.wait(10), "the test never released the writer"
        assert kwargs["signer"] is not None and kwargs["pdf_renderer"] is not None
        return []

    monkeypatch.setattr(keys, "load_identity", load_identity)
    monkeypatch.setattr(evidence_tab, "write_evidence_pack", write_evidence_pack)
    view = make_view(qtbot)
    view.content.set_folder(docs)
    with qtbot.waitSignal(view.content_finished, timeout=60_000):
        qtbot.mouseClick(view.content.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.busy)
    assert view.evidence.export_button.isEnabled()
    view.evidence.sign_box.setChecked(True)
    view.evidence.passphrase.setText("correct horse battery")
    worker = view.evidence.export_to(tmp_path / "pack")
    assert worker is not None
    qtbot.waitUntil(lambda: "write" in threads)
    # The writer is still busy, yet the GUI thread runs: the tab shows the work going on.
    assert view.evidence.status.text() == "Writing the evidence pack…"
    assert not view.evidence.export_button.isEnabled()
    with qtbot.waitSignal(worker.done, timeout=10_000):
        release.set()
    main = threading.main_thread()
    assert threads["unlock"] is not main and threads["write"] is not main
    assert view.evidence.status.text().endswith("Every file is signed.")
    assert view.evidence.export_button.isEnabled()


def test_the_test_links_host_opens_and_closes_off_the_gui_thread(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 15: nothing that opens or closes a socket runs on the GUI thread; the consumer test
    links' host is published and stopped on the worker, and the page empties at once on Stop."""
    from xshare_desktop.core.workbench import consumer_links

    threads: dict[str, threading.Thread] = {}
    real_serve = consumer_links.serve_test_links

    def serve(*args: Any, **kwargs: Any) -> Any:
        threads["start"] = threading.current_thread()
        host = real_serve(*args, **kwargs)
        real_stop = host.stop

        def stop() -> None:
            threads["stop"] = threading.current_thread()
            real_stop()

        host.stop = stop
        return host

    monkeypatch.setattr(consumer_links, "serve_test_links", serve)
    view = make_view(qtbot)
    qtbot.mouseClick(view.links.publish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.links.test_links.rowCount() >= 10, timeout=30_000)
    worker = view.links.stop_test_links()
    assert view.links.test_links.rowCount() == 0
    assert worker is not None
    qtbot.waitUntil(lambda: "stop" in threads, timeout=30_000)
    assert threads["start"] is not threading.main_thread()
    assert threads["stop"] is not threading.main_thread()
