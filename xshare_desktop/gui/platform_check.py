"""Before Qt starts on Linux/X11: are the libraries its xcb platform needs installed?

Without them Qt prints "Could not load the Qt platform plugin "xcb"" and aborts (a core dump
for a citizen who only double-clicked). We look first and say in plain words what to install.

The list is what PySide6's ``plugins/platforms/libqxcb.so``, ``libQt6XcbQpa``, ``libQt6Gui``,
``libQt6Widgets``, ``libQt6Core`` and ``libQt6DBus`` link against (``readelf -d``, NEEDED),
less what every Debian has (libc, libstdc++, zlib, zstd), with the Debian 12 package of each
(``dpkg -S``). ICU comes with PySide6. Deliberately no PySide6 import: this runs before Qt.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# soname -> Debian package providing it
XCB_LIBRARIES: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}

# EX_UNAVAILABLE from sysexits.h: a service the program needs is not there.
EXIT_MISSING_LIBRARIES = 69


def _loads(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def uses_xcb(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether Qt is about to choose its X11 (xcb) platform plugin."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":", 1)[0].split(";", 1)[0] == "xcb"
    # A Wayland session gets Qt's Wayland plugin; without any display Qt fails with its own
    # clear message ("could not connect to display").
    return bool(environ.get("DISPLAY")) and not environ.get("WAYLAND_DISPLAY")


def missing_libraries(loads: Callable[[str], bool] = _loads) -> list[str]:
    """The sonames of ``XCB_LIBRARIES`` that cannot be loaded."""
    return [soname for soname in XCB_LIBRARIES if not loads(soname)]


def message(missing: list[str], environ: Mapping[str, str]) -> str:
    packages = sorted({XCB_LIBRARIES[soname] for soname in missing})
    command = "sudo apt-get install " + " ".join(packages)
    if environ.get("LANG", "").startswith("da") or environ.get("LANGUAGE", "").startswith("da"):
        return (
            "xShare kan ikke åbne sit vindue: der mangler systembiblioteker, som Qt skal bruge "
            f"til X11 ({', '.join(missing)}).\n"
            f"På Debian og Ubuntu installerer du dem med:\n\n    {command}\n\n"
            "Start derefter xShare igen."
        )
    return (
        "xShare cannot open its window: system libraries that Qt needs for X11 are missing "
        f"({', '.join(missing)}).\n"
        f"On Debian and Ubuntu, install them with:\n\n    {command}\n\n"
        "Then start xShare again."
    )


def check(
    environ: Mapping[str, str] | None = None,
    loads: Callable[[str], bool] | None = None,
    platform: str | None = None,
) -> str | None:
    """A plain message if the xcb platform cannot start, else None."""
    env = os.environ if environ is None else environ
    if not uses_xcb(env, sys.platform if platform is None else platform):
        return None
    missing = missing_libraries(_loads if loads is None else loads)
    return message(missing, env) if missing else None


def main(argv: list[str] | None = None) -> int:
    """The ``xshare-desktop`` command: check the platform, then start the app.

    Importing Qt's GUI modules already needs libEGL, libGL and fontconfig, so the app module is
    imported only after the check.
    """
    problem = check()
    if problem is not None:
        print(problem, file=sys.stderr)
        return EXIT_MISSING_LIBRARIES
    from xshare_desktop.gui.app import main as start_app

    return start_app(argv)


if __name__ == "__main__":
    sys.exit(main())
