"""The one folder where per-user state lives (settings, keys, links, logs).

``XSHARE_DATA_DIR`` overrides the platform default; tests always set it. ``XSHARE_LINK_DATABASE``
moves the link store elsewhere (a PostgreSQL database shared by several link hosts).

The folder holds link keys, signing keys and health documents, so it is private to its owner:
created 0700 (files inside 0600) on POSIX systems, and tightened, with a warning the front ends
show, when it is found readable by others. On Windows the per-user application data folder is
private to its account by the ACL it inherits.
"""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import platformdirs

APP_NAME = "xshare-desktop"
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600

_checked: set[Path] = set()
_warnings: list[str] = []
_lock = threading.Lock()


def data_dir_path() -> Path:
    """Where the data folder is (without creating it)."""
    override = os.environ.get("XSHARE_DATA_DIR")
    return (
        Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    )


def data_dir() -> Path:
    base = data_dir_path()
    base.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    if base not in _checked:
        with _lock:
            if base not in _checked:
                _warnings.extend(make_private(base))
                _checked.add(base)
    return base


def make_private(folder: Path) -> list[str]:
    """Take group and other access away from ``folder`` and what it holds (POSIX).

    Returns one warning per thing that was open to others (what the front ends show), and
    one for anything that could not be tightened.
    """
    if os.name != "posix":
        return []
    warnings: list[str] = []
    opened: list[str] = []
    for path in [folder, *_contents(folder)]:
        try:
            mode = stat.S_IMODE(path.lstat().st_mode)
        except OSError:
            continue
        if path.is_symlink() or not mode & 0o077:
            continue
        try:
            os.chmod(path, mode & 0o700)
            opened.append(path.name if path != folder else "the folder itself")
        except OSError as exc:
            warnings.append(
                f"{path} can be read by other users of this computer and could not be made "
                f"private ({exc.strerror}); keep your links and keys elsewhere."
            )
    if opened:
        warnings.insert(
            0,
            f"Your xShare data folder {folder} could be read by other users of this computer "
            f"({', '.join(opened[:4])}{' …' if len(opened) > 4 else ''}). It is private now; "
            "links shared before may have been copied, so revoke the ones that matter.",
        )
    return warnings


def _contents(folder: Path) -> list[Path]:
    """The folder's files and sub-folders two levels deep (keys/, logs/, trust/...)."""
    found: list[Path] = []
    try:
        children = list(folder.iterdir())
    except OSError:
        return found
    for child in children:
        found.append(child)
        if child.is_dir() and not child.is_symlink():
            try:
                found.extend(child.iterdir())
            except OSError:
                pass
    return found


def privacy_warnings() -> list[str]:
    """Warnings from this process's check of an existing data folder, each handed out once.

    A folder that does not exist yet is not created for this: it will be created private.
    """
    if data_dir_path().is_dir():
        data_dir()
    with _lock:
        taken = list(_warnings)
        _warnings.clear()
    return taken


def create_private_file(path: Path) -> None:
    """Create ``path`` empty and readable by its owner only, if it does not exist yet.

    For files other libraries open themselves (SQLite creates its -wal and -shm files with the
    main file's permissions).
    """
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE_MODE))
    except FileExistsError:
        pass


def sub_dir(name: str) -> Path:
    path = data_dir() / name
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
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


def link_database() -> str | None:
    """The link store's database URL when one is set (``XSHARE_LINK_DATABASE``), else ``None``.

    ``postgresql://...`` lets several link host processes share one store; ``sqlite:///PATH`` or
    a plain path names an SQLite file. Unset: ``links.sqlite3`` in the data folder.
    """
    return os.environ.get("XSHARE_LINK_DATABASE", "").strip() or None


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
