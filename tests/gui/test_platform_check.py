"""Before Qt starts: missing X11 libraries are named with the apt-get line, not a Qt abort.

Issue #14 "Expected features": the xcb platform needs libxcb-cursor0 and the other xcb libraries.
"""

from __future__ import annotations

import pytest

from xshare_desktop.gui import platform_check
from xshare_desktop.gui.platform_check import XCB_LIBRARIES, check, uses_xcb

X11 = {"DISPLAY": ":0", "LANG": "en_GB.UTF-8"}


def without(*sonames: str):  # type: ignore[no-untyped-def]
    return lambda soname: soname not in sonames


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({"DISPLAY": ":0"}, "linux", True),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb:nograb"}, "linux", True),
        ({}, "linux", False),
        ({"DISPLAY": ":0"}, "darwin", False),
        ({"DISPLAY": ":0"}, "win32", False),
    ],
)
def test_only_an_x11_start_is_checked(
    environ: dict[str, str], platform: str, expected: bool
) -> None:
    assert uses_xcb(environ, platform) is expected


def test_missing_libraries_are_named_with_the_install_command() -> None:
    message = check(X11, without("libxcb-cursor.so.0", "libxcb-icccm.so.4"), "linux")
    assert message is not None
    assert "libxcb-cursor.so.0" in message
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4\n" in message
    assert "Traceback" not in message


def test_danish_session_gets_danish_words() -> None:
    message = check(
        {"DISPLAY": ":0", "LANG": "da_DK.UTF-8"}, without("libxcb-cursor.so.0"), "linux"
    )
    assert (
        message is not None and "mangler" in message and "apt-get install libxcb-cursor0" in message
    )


def test_nothing_missing_says_nothing() -> None:
    assert check(X11, lambda _soname: True, "linux") is None


def test_a_library_not_installed_is_found_missing() -> None:
    """The real loader: a soname that no system has cannot be loaded."""
    assert not platform_check._loads("libxshare-no-such-library.so.9")
    assert platform_check._loads("libc.so.6")


def test_every_library_names_its_debian_package() -> None:
    for soname, package in XCB_LIBRARIES.items():
        assert soname.startswith("lib") and ".so." in soname
        assert package and package == package.lower()


def test_the_command_stops_before_qt(monkeypatch, capsys) -> None:
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setattr(platform_check, "_loads", without("libxcb-cursor.so.0"))
    monkeypatch.setattr(platform_check.sys, "platform", "linux")

    def must_not_start(_argv: object) -> int:
        raise AssertionError("the app started although the check failed")

    monkeypatch.setattr("xshare_desktop.gui.app.main", must_not_start)
    assert platform_check.main([]) == platform_check.EXIT_MISSING_LIBRARIES
    assert "sudo apt-get install libxcb-cursor0" in capsys.readouterr().err
