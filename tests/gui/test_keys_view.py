"""Signing keys view: create (passphrase twice), export, import, trusted issuers."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12

from xshare_desktop.core.signing import keys
from xshare_desktop.core.signing.trust import TrustStore
from xshare_desktop.gui.views.keys_view import KeysView

PASSPHRASE = "correct horse battery"


@pytest.fixture()
def view(qtbot, make_context) -> KeysView:  # type: ignore[no-untyped-def]
    widget = KeysView(make_context())
    qtbot.addWidget(widget)
    return widget


def _create(qtbot, view: KeysView, repeat: str = PASSPHRASE, demo: bool = True) -> None:  # type: ignore[no-untyped-def]
    view.name_edit.setText("Karen Testesen")
    view.email_edit.setText("karen@example.org")
    view.passphrase_edit.setText(PASSPHRASE)
    view.repeat_edit.setText(repeat)
    view.demo_ca_check.setChecked(demo)
    worker = view.create_key()
    if worker is not None:
        with qtbot.waitSignal(worker.done, timeout=20_000):
            pass


def test_explains_passphrase_cannot_be_recovered(view: KeysView) -> None:
    assert "cannot be recovered" in view.warning.text()
    assert "no signing key" in view.key_summary.text()
    assert not view.export_button.isEnabled()


def test_mismatched_passphrases_create_nothing(qtbot, view: KeysView) -> None:  # type: ignore[no-untyped-def]
    _create(qtbot, view, repeat="something else")
    assert "differ" in view.status.text()
    assert not keys.has_identity()


def test_create_with_demo_ca_trusts_it(qtbot, view: KeysView) -> None:  # type: ignore[no-untyped-def]
    _create(qtbot, view)
    assert keys.has_identity()
    assert "Karen Testesen" in view.key_summary.text()
    assert "Demo CA" in view.key_summary.text()
    assert view.trust_list.count() == 1
    assert view.passphrase_edit.text() == "" and view.repeat_edit.text() == ""
    assert keys.load_identity(PASSPHRASE).subject_name == "Karen Testesen"


def test_short_passphrase_is_explained(qtbot, view: KeysView) -> None:  # type: ignore[no-untyped-def]
    view.name_edit.setText("Karen")
    view.passphrase_edit.setText("short")
    view.repeat_edit.setText("short")
    assert view.passphrase_strength.text().startswith("Too easy to guess")
    assert view.create_key() is None  # said at once, before any work starts
    assert "at least" in view.status.text()
    assert not keys.has_identity()


def test_a_common_passphrase_is_refused_with_the_reason(qtbot, view: KeysView) -> None:  # type: ignore[no-untyped-def]
    """Issue 16 item 8: length alone let "password" through."""
    view.name_edit.setText("Karen Testesen")
    view.passphrase_edit.setText("password")
    view.repeat_edit.setText("password")
    assert view.create_key() is None
    assert "passwords people use most" in view.status.text()
    assert not keys.has_identity()


def test_export_and_trust_management(qtbot, view: KeysView, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _create(qtbot, view, demo=False)
    exported = view.export_to(tmp_path / "me.pem")
    assert exported is not None
    certificate = x509.load_pem_x509_certificate(exported.read_bytes())
    assert view.trust_list.count() == 0
    assert view.add_issuer(exported)
    assert view.trust_list.count() == 1
    view.trust_list.setCurrentRow(0)
    view.remove_selected_issuer()
    assert view.trust_list.count() == 0
    assert TrustStore().issuers() == []
    assert certificate == keys.public_chain()[0]


def test_bad_issuer_file_is_explained(view: KeysView, tmp_path: Path) -> None:
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate")
    assert not view.add_issuer(junk)
    assert "X.509" in view.status.text()


def test_replacing_a_key_needs_confirmation(qtbot, view: KeysView) -> None:  # type: ignore[no-untyped-def]
    _create(qtbot, view)
    first = keys.identity_summary()
    view.confirm_replace = lambda: False  # type: ignore[method-assign]
    view.name_edit.setText("Someone Else")
    view.passphrase_edit.setText(PASSPHRASE)
    view.repeat_edit.setText(PASSPHRASE)
    assert view.create_key() is None
    assert keys.identity_summary() == first
    view.confirm_replace = lambda: True  # type: ignore[method-assign]
    worker = view.create_key()
    assert worker is not None
    with qtbot.waitSignal(worker.done, timeout=20_000):
        pass
    summary = keys.identity_summary()
    assert summary is not None and summary.name == "Someone Else"


def test_import_pkcs12(qtbot, view: KeysView, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    identity = keys.create_identity("Imported Person", PASSPHRASE, use_demo_ca=False)
    view.confirm_replace = lambda: True  # type: ignore[method-assign]
    blob = pkcs12.serialize_key_and_certificates(
        b"x",
        identity.key,
        identity.certificate,
        None,
        serialization.BestAvailableEncryption(b"p12 passphrase"),
    )
    source = tmp_path / "mine.p12"
    source.write_bytes(blob)
    worker = view.import_file(source, "wrong one")
    assert worker is not None
    with qtbot.waitSignal(worker.done, timeout=20_000):
        pass
    assert "passphrase is wrong" in view.status.text()
    worker = view.import_file(source, "p12 passphrase")
    assert worker is not None
    with qtbot.waitSignal(worker.done, timeout=20_000):
        pass
    assert "imported" in view.status.text()
    assert "Imported Person" in view.key_summary.text()
