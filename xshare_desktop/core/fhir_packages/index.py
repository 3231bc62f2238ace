"""A per-package index of the resources a package holds, built once and kept on disk.

Reading the ~4,600 files of the R4 core package takes seconds; reading one index file takes
milliseconds. The index lists, for each top-level JSON file: its resourceType, id, url, version,
date, kind, type, derivation and
baseDefinition. It is stored in the package as ``.xshare/index.json``
(our own folder, so the HL7 tools' ``.index.json`` is never touched), or under the app's data
folder when the cache is read-only. It is rebuilt when the package folder changes: the index sits
in a subfolder precisely so that writing it does not change the package folder's own mtime.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path
from typing import Any, TypedDict

import orjson

from xshare_desktop.core import paths
from xshare_desktop.core.fileio import atomic_write_bytes

INDEX_FOLDER = ".xshare"
INDEX_NAME = "index.json"
INDEX_FORMAT = 4
_FIELDS = (
    "resourceType",
    "id",
    "url",
    "version",
    "date",
    "kind",
    "type",
    "derivation",
    "baseDefinition",
)


class IndexEntry(TypedDict, total=False):
    filename: str
    resourceType: str
    id: str
    url: str
    version: str
    date: str
    kind: str
    type: str
    derivation: str
    baseDefinition: str
    systems: list[str]  # NamingSystem: the code system URIs it names


def _fingerprint(package_dir: Path) -> str:
    folder = package_dir.stat()
    manifest = (package_dir / "package.json").stat()
    return f"{package_dir.resolve()}|{folder.st_mtime_ns}|{manifest.st_mtime_ns}|{manifest.st_size}"


def stored_index_path(package_dir: Path) -> Path:
    return package_dir / INDEX_FOLDER / INDEX_NAME


def _fallback_location(package_dir: Path) -> Path:
    digest = hashlib.sha256(str(package_dir.resolve()).encode()).hexdigest()[:20]
    return paths.data_dir() / "package-index" / f"{digest}.json"


def _read_index(location: Path, fingerprint: str) -> list[IndexEntry] | None:
    try:
        data = orjson.loads(location.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    if (
        not isinstance(data, dict)
        or data.get("format") != INDEX_FORMAT
        or data.get("fingerprint") != fingerprint
        or not isinstance(data.get("files"), list)
    ):
        return None
    files: list[IndexEntry] = data["files"]
    return files


def build_index(package_dir: Path) -> list[IndexEntry]:
    """Scan the package's top-level JSON files (examples and ``other/`` are not conformance)."""
    entries: list[IndexEntry] = []
    with os.scandir(package_dir) as listing:
        names = sorted(e.name for e in listing if e.is_file() and e.name.endswith(".json"))
    for name in names:
        if name == "package.json" or name.startswith("."):
            continue
        try:
            resource: Any = orjson.loads((package_dir / name).read_bytes())
        except (OSError, orjson.JSONDecodeError):
            continue  # a damaged file is skipped; the rest of the package stays usable
        if not isinstance(resource, dict) or not isinstance(resource.get("resourceType"), str):
            continue
        entry: dict[str, str] = {"filename": name}
        for key in _FIELDS:
            value = resource.get(key)
            if isinstance(value, str):
                entry[key] = value
        if resource["resourceType"] == "NamingSystem":
            entry["systems"] = _named_systems(resource)  # type: ignore[assignment]
        entries.append(entry)  # type: ignore[arg-type]
    return entries


def _named_systems(naming_system: dict[str, Any]) -> list[str]:
    found: list[str] = []
    for unique in naming_system.get("uniqueId") or []:
        if not isinstance(unique, dict) or not isinstance(unique.get("value"), str):
            continue
        if unique.get("type") == "uri":
            found.append(unique["value"])
        elif unique.get("type") == "oid":
            found.append(f"urn:oid:{unique['value']}")
    return found


def load_index(package_dir: Path) -> list[IndexEntry]:
    fingerprint = _fingerprint(package_dir)
    beside = stored_index_path(package_dir)
    fallback = _fallback_location(package_dir)
    for location in (beside, fallback):
        found = _read_index(location, fingerprint)
        if found is not None:
            return found
    entries = build_index(package_dir)
    try:
        # Creating the folder changes the package folder's mtime once; take the fingerprint after.
        beside.parent.mkdir(exist_ok=True)
        settled = _fingerprint(package_dir)
        atomic_write_bytes(beside, _payload(settled, entries))
    except OSError:
        # With no writable place the index is rebuilt next time: slower but still correct.
        with contextlib.suppress(OSError):
            atomic_write_bytes(fallback, _payload(_fingerprint(package_dir), entries))
    return entries


def _payload(fingerprint: str, entries: list[IndexEntry]) -> bytes:
    return orjson.dumps({"format": INDEX_FORMAT, "fingerprint": fingerprint, "files": entries})
