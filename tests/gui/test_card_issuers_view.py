"""The trusted SMART Health Card issuers, managed where the keys view manages trust (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog

from tests.unit.shl_corpus import ISSUER, issuer_jwks, new_issuer_key
from xshare_desktop.core.shl.issuers import IssuerStore
from xshare_desktop.gui.views.keys_view import KeysView


@pytest.fixture()
def view(qtbot, make_context):  # type: ignore[no-untyped-def]
    keys_view = KeysView(make_context(lang="en"))
    qtbot.addWidget(keys_view)
    return keys_view


def test_add_and_remove_a_health_card_issuer(
    view: KeysView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SMART Health Cards: a verifier checks a card with the keys of an issuer it trusts; the
    person adds that issuer from its JWKS file and the iss URL its cards carry."""
    key = new_issuer_key()
    jwks = tmp_path / "jwks.json"
    jwks.write_text(json.dumps(issuer_jwks(key)), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(jwks), ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (ISSUER, True))
    assert view.card_list.count() == 0 and not view.remove_card_issuer_button.isEnabled()
    view.choose_card_issuer()
    assert view.card_list.count() == 1
    assert view.card_list.item(0).text() == f"issuer.example — {ISSUER} (1 key)"
    assert IssuerStore().find(ISSUER) is not None
    view.card_list.setCurrentRow(0)
    view.remove_selected_card_issuer()
    assert view.card_list.count() == 0 and IssuerStore().issuers() == []


def test_a_bad_issuer_is_explained(view: KeysView, tmp_path: Path) -> None:
    """Only https issuers with ES256 keys can sign health cards; anything else is said in words."""
    jwks = tmp_path / "jwks.json"
    jwks.write_text(json.dumps({"keys": [{"kty": "RSA", "n": "x", "e": "AQAB"}]}), "utf-8")
    assert not view.add_card_issuer(jwks, ISSUER)
    assert "no ES256" in view.status.text()
    assert not view.add_card_issuer(jwks, "http://issuer.example")
    assert "not an https address" in view.status.text()
