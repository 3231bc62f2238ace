"""About and privacy: what the app does, that data stays here, the link host, the installed profiles."""

from __future__ import annotations

from xshare_desktop.core import paths


def test_about_lists_installed_profiles_and_the_data_folder(fhir_cache, window, qtbot) -> None:
    window.about_action.trigger()
    about = window.navigator.page("about")
    text = about.text.toPlainText()
    assert "stays on this computer" in text
    assert str(paths.data_dir()) in text
    assert "link" in text.lower()
    assert "hl7.fhir.uv.ips" in text and "2.0.0" in text
    assert "hl7.fhir.r4.core" in text and "4.0.1" in text
    window.set_language("da")
    qtbot.waitUntil(lambda: "Dine data bliver på denne computer" in about.text.toPlainText())


def test_about_says_when_no_profiles_are_installed(window, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("XSHARE_FHIR_CACHE", str(tmp_path / "empty-cache"))
    window.go("about")
    assert "No FHIR packages are installed" in window.navigator.page("about").text.toPlainText()
