"""The recipient's way through the app, from the start page, in Danish and English.

A received package and a received SMART Health Link each end in the same
document view a local file opens in, after a verdict the person can read.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton

from xshare_desktop.core.shl.content import share_files_from_paths
from xshare_desktop.core.shl.host import HostConfig, serve
from xshare_desktop.core.shl.provider import LinkOptions, create_link
from xshare_desktop.core.signing import TrustStore, create_identity, demo_ca, write_package
from xshare_desktop.gui.views.open_link_view import OpenLinkView
from xshare_desktop.gui.views.received_view import ReceivedView

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "ips-karen-testesen.json"

VERIFIED = {"da": "Uændret — signeret af Karen Testesen", "en": "Intact — signed by Karen Testesen"}


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_received_package_is_verified_then_shown(
    qtbot, make_window, tmp_path: Path, lang: str
) -> None:  # type: ignore[no-untyped-def]
    identity = create_identity("Karen Testesen", "correct horse battery")
    TrustStore().add_file(demo_ca.certificate_path())
    document = tmp_path / "patientoversigt.json"
    document.write_bytes(SAMPLE.read_bytes())
    package = write_package([document], tmp_path / "delt.zip", signer=identity)

    window = make_window(lang=lang)
    qtbot.mouseClick(
        window.findChild(QAbstractButton, "feature-received"), Qt.MouseButton.LeftButton
    )
    assert window.navigator.current_name == "received"
    page = window.navigator.page("received")
    assert isinstance(page, ReceivedView)
    worker = page.open_path(package, None)
    with qtbot.waitSignal(worker.done, timeout=30_000):
        pass
    assert page.badge_colour() == "green"
    assert page.badge.text().startswith(VERIFIED[lang])
    with qtbot.waitSignal(window.context.document_changed, timeout=30_000):
        page.open_document()
    assert window.navigator.current_name == "document"
    assert window.context.document.patient_info.name == "Karen Testesen"


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_received_link_is_opened_then_shown(qtbot, make_window, fhir_cache, lang: str) -> None:  # type: ignore[no-untyped-def]
    host = serve("127.0.0.1", 0, config=HostConfig(min_poll_interval=0))
    try:
        _, uri = create_link(
            share_files_from_paths([SAMPLE]), LinkOptions(label="Karens oversigt"), host.base_url
        )
        window = make_window(lang=lang)
        qtbot.mouseClick(
            window.findChild(QAbstractButton, "feature-open_link"), Qt.MouseButton.LeftButton
        )
        assert window.navigator.current_name == "open_link"
        page = window.navigator.page("open_link")
        assert isinstance(page, OpenLinkView)
        page.link_edit.setText(uri)
        worker = page.open_link()
        assert worker is not None
        with qtbot.waitSignal(worker.done, timeout=30_000):
            pass
        assert page.received is not None
        expected_title = {"da": "Dokumentet er klar", "en": "Document ready"}[lang]
        assert expected_title in page.result_title.text()
        with qtbot.waitSignal(window.context.document_changed, timeout=30_000):
            page.show_document()
        assert window.navigator.current_name == "document"
        assert window.context.document.patient_info.name == "Karen Testesen"
    finally:
        host.stop()
