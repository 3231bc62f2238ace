"""Feature views plug in with one registry line, appear only when their module exists, and reset."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from xshare_desktop.gui import navigation
from xshare_desktop.gui.navigation import PageSpec

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = sorted((ROOT / "samples").glob("ips-*.json"))[0]

FAKE_VIEW = textwrap.dedent(
    """
    from PySide6.QtCore import Signal
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    class FakeView(QWidget):
        document_opened = Signal(object)
        close_requested = Signal()
        instances = []

        def __init__(self, context, parent=None):
            super().__init__(parent)
            self.context = context
            self.documents = []
            self.was_reset = False
            QVBoxLayout(self).addWidget(QLabel("fake"))
            FakeView.instances.append(self)

        def set_document(self, document):
            self.documents.append(document)

        def reset(self):
            self.was_reset = True
    """
)


@pytest.fixture()
def fake_plugins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[PageSpec]:
    (tmp_path / "fake_feature_view.py").write_text(FAKE_VIEW)
    monkeypatch.syspath_prepend(str(tmp_path))
    specs = [
        PageSpec("fake", "fake_feature_view", "FakeView", "Check conformance", "vendor"),
        PageSpec(
            "fake_share", "fake_feature_view", "FakeView", "Share", "citizen", needs_document=True
        ),
        PageSpec("absent", "no_such_module_anywhere", "Nothing", "Shared links", "recipient"),
    ]
    monkeypatch.setattr(navigation, "PLUGIN_PAGES", specs)
    yield specs
    sys.modules.pop("fake_feature_view", None)


def test_only_existing_modules_are_offered(fake_plugins, window) -> None:
    names = [spec.name for spec in navigation.available_plugins()]
    assert names == ["fake", "fake_share"]
    start = window.navigator.page("start")
    assert "fake" in start.feature_buttons
    assert "absent" not in start.feature_buttons
    assert not start.recipient_heading.isVisible()  # nothing for recipients exists here
    assert "absent" not in window.tool_actions


def test_a_plugin_page_opens_gets_the_document_and_goes_back(fake_plugins, window, load) -> None:
    assert not window.navigator.can_show("fake_share")  # needs a document
    load(window, SAMPLE)
    window.go("fake_share")
    page = window.navigator.page("fake_share")
    assert window.navigator.current_name == "fake_share"
    assert page.context is window.context
    assert page.documents == [window.context.document]
    page.close_requested.emit()
    assert window.navigator.current_name == "document"
    window.close_document()
    assert page.documents[-1] is None


def test_a_plugin_can_show_a_document(fake_plugins, window, load, tmp_path) -> None:
    from xshare_desktop.core.document import load_document

    window.go("fake")
    page = window.navigator.page("fake")
    received = load_document(SAMPLE)
    page.document_opened.emit(received)
    assert window.navigator.current_name == "document"
    assert window.context.document is received


def test_start_over_resets_and_destroys_plugin_pages(fake_plugins, make_window, load) -> None:
    window = make_window(booth=True, lang="da")
    load(window, SAMPLE)
    window.go("fake_share")
    page = window.navigator.page("fake_share")
    window.app_bar.reset.click()
    assert page.was_reset
    assert window.navigator.page("fake_share") is None
    assert window.navigator.current_name == "start"


def test_vendor_tools_are_hidden_in_booth_mode(fake_plugins, make_window) -> None:
    window = make_window(booth=True, lang="da")
    start = window.navigator.page("start")
    assert "fake" not in start.feature_buttons


def test_instantiate_passes_only_named_arguments(window) -> None:
    from PySide6.QtWidgets import QWidget

    class Plain(QWidget):
        def __init__(self, parent=None):  # type: ignore[no-untyped-def]
            super().__init__(parent)

    class WithSettings(QWidget):
        def __init__(self, settings, document=None):  # type: ignore[no-untyped-def]
            super().__init__()
            self.settings = settings
            self.document = document

    assert isinstance(navigation.instantiate(Plain, window.context), Plain)
    view = navigation.instantiate(WithSettings, window.context)
    assert view.settings is window.context.settings
    for widget in (view,):
        widget.deleteLater()
