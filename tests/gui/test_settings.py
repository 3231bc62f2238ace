"""Typed GUI settings: defaults, persistence, type checks, a damaged file, the changed signal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from xshare_desktop.core import paths
from xshare_desktop.gui.settings import MAX_RECENT_FILES, Settings


def test_defaults_when_no_file(qapp) -> None:
    s = Settings.load()
    for name, setting in Settings.schema().items():
        assert getattr(s, name) == setting.default


def test_values_persist_and_signal(qtbot) -> None:
    s = Settings.load()
    with qtbot.waitSignal(s.changed, check_params_cb=lambda name: name == "language"):
        s.language = "da"
    s.show_vendor_tools = False
    again = Settings.load()
    assert again.language == "da"
    assert again.show_vendor_tools is False
    assert paths.settings_file().exists()


def test_setting_the_same_value_saves_nothing(qtbot) -> None:
    s = Settings.load()
    with qtbot.assertNotEmitted(s.changed):
        s.booth_mode = False
    assert not paths.settings_file().exists()


def test_wrong_type_is_refused(qapp) -> None:
    s = Settings.load()
    with pytest.raises(TypeError):
        s.booth_mode = "yes"  # type: ignore[assignment]
    with pytest.raises(KeyError):
        s.set("no_such_setting", 1)


def test_damaged_file_falls_back_to_defaults(qapp) -> None:
    paths.settings_file().write_text('{"language": 7, "booth_mode": true, "recent_files": "x"')
    s = Settings.load()
    assert s.language == ""
    paths.settings_file().write_text(json.dumps({"language": 7, "booth_mode": True}))
    s = Settings.load()
    assert s.language == "" and s.booth_mode is True


def test_recent_files_newest_first_without_duplicates(qapp, tmp_path: Path) -> None:
    s = Settings.load()
    files = [tmp_path / f"{i}.json" for i in range(MAX_RECENT_FILES + 3)]
    for f in files:
        s.add_recent_file(f)
    s.add_recent_file(files[-3])
    recent = s.recent_files
    assert recent[0] == str(files[-3].resolve())
    assert len(recent) == MAX_RECENT_FILES == len(set(recent))
    s.forget_recent_file(files[-3])
    assert str(files[-3].resolve()) not in s.recent_files


@hyp_settings(max_examples=60, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(),
        lambda kids: st.lists(kids) | st.dictionaries(st.text(), kids),
        max_leaves=20,
    )
)
def test_any_json_in_the_file_loads(qapp, tmp_path_factory, content) -> None:
    path = tmp_path_factory.mktemp("s") / "settings.json"
    path.write_text(json.dumps(content))
    s = Settings(path)
    s._read()
    for name, setting in Settings.schema().items():
        assert setting.accepts(getattr(s, name))
