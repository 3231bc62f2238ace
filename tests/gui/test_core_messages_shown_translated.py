"""A core error is shown in the interface language (issue #14, "Words").

conventions.md "Messages translatable where they are raised": the core raises a marked message with
its arguments (core/i18n.py); the GUI translates it when it shows it (gui/errors.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP
from xshare_desktop.gui import errors


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("da", "Filen missing.json findes ikke."),
        ("en", "The file missing.json does not exist."),
    ],
)
def test_opening_a_missing_file_says_so_in_the_windows_language(  # type: ignore[no-untyped-def]
    make_window, qtbot, tmp_path: Path, lang: str, expected: str
) -> None:
    """Issue #14: the core's fileio message reaches the banner translated, its file name intact."""
    window = make_window(lang=lang)
    window.open_path(tmp_path / "missing.json")
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=30_000)
    assert window.banner.text.startswith(expected), window.banner.text
    assert str(tmp_path / "missing.json") in window.banner.text  # where: never translated


def test_a_core_error_in_a_status_line_is_danish(make_window) -> None:  # type: ignore[no-untyped-def]
    """gui/errors.describe, used by the workbench's status lines, translates too."""
    make_window(lang="da")
    exc = UserFacingError(
        QT_TRANSLATE_NOOP("Core", "{name} is empty.").format(name="a.json"), where="/x/a.json"
    )
    assert errors.describe(exc) == "a.json er tom. (/x/a.json)"
    assert errors.message_text(exc) == "a.json er tom."
    assert exc.message == "a.json is empty."  # the CLI and the log keep the English


def test_a_nested_reason_is_translated_too(make_window) -> None:  # type: ignore[no-untyped-def]
    """A refused password's reason comes from core/signing/strength.py, marked there: in the
    Danish window the whole sentence is Danish, not Danish around an English reason."""
    from xshare_desktop.core.signing.password import check_new_password

    make_window(lang="da")
    with pytest.raises(UserFacingError) as caught:
        check_new_password("12345678")
    shown = errors.message_text(caught.value)
    assert shown.startswith("Vælg en anden adgangskode: Den er en af de adgangskoder"), shown
    assert "passwords" not in shown
