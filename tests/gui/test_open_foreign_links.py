"""The open-link view on links built the way other implementations build them (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest

from tests.unit.shl_corpus import (
    ISSUER,
    Corpus,
    CorpusHost,
    CorpusLink,
    Served,
    card_file,
    health_card,
    issuer_jwks,
    new_issuer_key,
    sample_document,
)
from tests.unit.test_shl_interop import CORPUS_NAMES
from tests.unit.trickle_host import running_trickle_host
from xshare_desktop.core.shl.issuers import IssuerStore
from xshare_desktop.core.shl.payload import build_payload, encode_uri
from xshare_desktop.gui.views.open_link_view import OpenLinkView


@pytest.fixture()
def open_view(qtbot, make_context):  # type: ignore[no-untyped-def]
    view = OpenLinkView(make_context(lang="en"))
    qtbot.addWidget(view)
    return view


def _link(shl_corpus: Corpus, name: str) -> CorpusLink:
    return next(link for link in shl_corpus[1] if link.name == name)


def _open(qtbot, view: OpenLinkView, uri: str) -> list[str]:  # type: ignore[no-untyped-def]
    view.link_edit.setText(uri)
    worker = view.open_link()
    assert worker is not None
    with qtbot.waitSignal(worker.done, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: view._checker is None, timeout=30_000)  # the profile checks
    return [view.results.item(i).text() for i in range(view.results.count())]


@pytest.mark.parametrize("name", [n for n in CORPUS_NAMES if n != "exp-as-string"])
def test_each_corpus_link_opens_or_is_refused_in_the_gui(
    qtbot, open_view: OpenLinkView, shl_corpus: Corpus, name: str
) -> None:  # type: ignore[no-untyped-def]
    """SHL STU1 payload and manifest rules, as in tests/unit/test_shl_interop.py, in the view:
    what opens lists its files; an expired link is refused before any request, saying when."""
    link = _link(shl_corpus, name)
    before = len(shl_corpus[0].requests)
    lines = _open(qtbot, open_view, link.uri)
    if link.opens:
        assert open_view.received is not None
        assert f"File: {link.words}" in lines
    else:
        assert open_view.received is None
        assert "This link expired on" in open_view.status.text()
        assert "so it was not opened" in open_view.status.text()
        assert len(shl_corpus[0].requests) == before


def test_an_exp_that_is_not_a_number_cannot_be_opened(
    open_view: OpenLinkView, shl_corpus: Corpus
) -> None:
    """SHL STU1: exp is a number; a string exp is refused with that reason, before any request."""
    open_view.link_edit.setText(_link(shl_corpus, "exp-as-string").uri)
    assert not open_view.open_button.isEnabled()
    assert "expiry time (exp) that is not a number" in open_view.link_info.text()


def test_a_health_card_shows_its_content_and_verdict(
    qtbot, open_view: OpenLinkView, shl_corpus: Corpus, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """SMART Health Cards: an unknown issuer is "not verified", a trusted one "verified"; the
    card's collection Bundle is listed (the document viewer shows document Bundles)."""
    link = _link(shl_corpus, "health-card")
    lines = _open(qtbot, open_view, link.uri)
    assert any(line.startswith("Health card 1: not verified") for line in lines)
    assert "    Patient: Anna Testesen (1961-01-20)" in lines
    assert not open_view.show_button.isEnabled()

    jwks = tmp_path / "jwks.json"
    jwks.write_text(json.dumps(issuer_jwks(shl_corpus[2])), encoding="utf-8")
    IssuerStore().add_file(ISSUER, jwks, name="Demo Region")
    lines = _open(qtbot, open_view, link.uri + " ")
    assert "✓ Health card 1: verified, issued by Demo Region." in lines


def test_api_access_is_explained_not_fetched(
    qtbot, open_view: OpenLinkView, shl_corpus: Corpus
) -> None:  # type: ignore[no-untyped-def]
    lines = _open(qtbot, open_view, _link(shl_corpus, "api-access").uri)
    assert any("gives access to a FHIR server" in line for line in lines)


def test_a_trickling_host_shows_progress_and_stops_at_the_deadline(
    qtbot, open_view: OpenLinkView
) -> None:  # type: ignore[no-untyped-def]
    """A whole-fetch deadline (the link_fetch_deadline setting) so a host sending one byte at a
    time cannot hold the recipient; while bytes arrive the view says it is downloading."""
    assert open_view._context is not None
    open_view._context.settings.link_fetch_deadline = 0.8
    said: list[str] = []
    with running_trickle_host(b"application/jose", b"", b"e") as host:
        url = f"http://127.0.0.1:{host.port}/shl/direct"
        open_view.link_edit.setText(encode_uri(build_payload(url=url, key=bytes(32), flags="U")))
        worker = open_view.open_link()
        assert worker is not None
        worker.progress.connect(lambda *args: said.append(open_view.status.text()))
        with qtbot.waitSignal(worker.done, timeout=10_000):
            pass
    assert "Downloading…" in said
    assert open_view.received is None
    assert "too slowly, so the app stopped after 0.8 seconds" in open_view.status.text()
    assert not open_view.progress_bar.isVisibleTo(open_view)


def test_a_health_card_carrying_a_document_is_shown_in_the_viewer(
    qtbot, open_view: OpenLinkView
) -> None:  # type: ignore[no-untyped-def]
    """A card's fhirBundle that is a FHIR document (an IPS) is shown like any document."""
    host = CorpusHost()
    try:
        token = health_card(orjson.loads(sample_document()), new_issuer_key())
        uri = host.add(
            "ips-card", Served([("application/smart-health-card", card_file(token))], bytes(32))
        )
        _open(qtbot, open_view, uri)
    finally:
        host.stop()
    item = open_view.showable()
    assert item is not None and item.name == "health-card-1-bundle.json"
    assert open_view.show_button.isEnabled()
    with qtbot.waitSignal(open_view.document_opened, timeout=30_000) as opened:
        open_view.show_document()
    assert opened.args[0].patient_info.name == "Karen Testesen"
