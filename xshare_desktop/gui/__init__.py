"""The Qt desktop front end (PySide6). Nothing in ``xshare_desktop.core`` imports this."""

from xshare_desktop.gui import pyside_fixes as _pyside_fixes  # noqa: F401  (must run before any emit)
