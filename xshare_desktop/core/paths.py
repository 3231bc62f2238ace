"""The one folder where per-user state lives (settings, keys, links, logs).

``XSHARE_DATA_DIR`` overrides the platform default; tests always set it.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "xshare-desktop"


def data_dir() -> Path:
    override = os.environ.get("XSHARE_DATA_DIR")
    base = (
        Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    )
    base.mkdir(parents=True, exist_ok=True)
    return base


def sub_dir(name: str) -> Path:
    path = data_dir() / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def store_dir(directory: Path | None, name: str) -> Path:
    """A store's folder: ``directory`` when given (tests, tools), else ``name`` in the data folder."""
    if directory is None:
        return sub_dir(name)
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def settings_file() -> Path:
    return data_dir() / "settings.json"


def log_dir() -> Path:
    return sub_dir("logs")


def keys_dir() -> Path:
    return sub_dir("keys")


def links_db() -> Path:
    return data_dir() / "links.sqlite3"


def temp_dir() -> Path:
    """Scratch space that booth reset may wipe."""
    return sub_dir("tmp")


def fhir_package_cache() -> Path:
    """The FHIR package cache in the layout shared with the HL7 tools.

    ``XSHARE_FHIR_CACHE`` (or ``FHIR_PACKAGE_CACHE``) overrides ``~/.fhir/packages``.
    """
    override = os.environ.get("XSHARE_FHIR_CACHE") or os.environ.get("FHIR_PACKAGE_CACHE")
    path = Path(override) if override else Path.home() / ".fhir" / "packages"
    return path
