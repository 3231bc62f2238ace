"""Every conformance resource of a set of packages, found by canonical URL and loaded on demand.

``ConformanceContext.load()`` reads only the packages' indexes; a resource's JSON file is parsed
the first time someone asks for it and kept. Returned dicts are shared between callers and threads:
treat them as read-only.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fhir_packages.cache import (
    PackageCache,
    PackageInfo,
    parse_package_spec,
)
from xshare_desktop.core.fhir_packages.index import IndexEntry, load_index
from xshare_desktop.core.fhir_packages.versions import choose_version, version_key
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP

FHIR_BASE = "http://hl7.org/fhir/StructureDefinition/"
R4_CORE = "hl7.fhir.r4.core#4.0.1"
# Loaded when present; R4 core is the only one that must be installed.
DEFAULT_PACKAGES: tuple[str, ...] = (
    R4_CORE,
    "hl7.terminology.r4",
    "hl7.fhir.uv.extensions.r4",
    "hl7.fhir.uv.ips#2.0.0",
    "hl7.fhir.eu.laboratory",
)


@dataclass(frozen=True, slots=True)
class _Located:
    package: PackageInfo
    entry: IndexEntry
    order: int  # load order of the package: earlier wins among equal versions


class ConformanceContext:
    def __init__(self, packages: Sequence[PackageInfo], warnings: Sequence[str] = ()) -> None:
        self.packages: list[PackageInfo] = list(packages)
        self.warnings: list[str] = list(warnings)
        self._by_url: dict[str, _Located] = {}
        self._base_types: dict[str, _Located] = {}
        self._loaded: dict[tuple[Path, str], dict[str, Any]] = {}
        self._lock = threading.Lock()
        self._named_systems: set[str] = set()
        for order, package in enumerate(self.packages):
            for entry in load_index(package.path):
                self._add(_Located(package, entry, order))
                self._named_systems.update(entry.get("systems", ()))

    # -- building --------------------------------------------------------------------------
    def _add(self, located: _Located) -> None:
        entry = located.entry
        url = entry.get("url")
        if url:
            self._keep_best(self._by_url, url, located)
            version = entry.get("version")
            if version:
                self._keep_best(self._by_url, f"{url}|{version}", located)
        if (
            entry.get("resourceType") == "StructureDefinition"
            and entry.get("derivation", "specialization") == "specialization"
            and url == FHIR_BASE + entry.get("type", "")
        ):
            self._base_types[entry["type"]] = located

    @staticmethod
    def _keep_best(table: dict[str, _Located], key: str, candidate: _Located) -> None:
        current = table.get(key)
        if current is None or _preferred(candidate, current):
            table[key] = candidate

    @classmethod
    def load(
        cls,
        packages: Sequence[str] | None = None,
        cache: PackageCache | str | os.PathLike[str] | None = None,
        *,
        with_defaults: bool = False,
    ) -> ConformanceContext:
        """Load ``packages`` (``name#version``) and their dependencies from the cache.

        With no list (or ``with_defaults``), also R4 core plus terminology, extensions, IPS
        2.0.0 and the HL7 Europe laboratory report when installed. A package asked for by name must be installed; a missing or
        different dependency version only adds a warning (``context.warnings``). Packages asked
        for come first, so their definitions win ties between equal versions.
        """
        store = cache if isinstance(cache, PackageCache) else PackageCache(cache)
        warnings: list[str] = []
        chosen: list[PackageInfo] = []
        names_loaded: dict[str, PackageInfo] = {}

        queue: list[tuple[str, str | None, str | None]] = []  # (name, version, required_by)
        for spec in packages or ():
            name, version = parse_package_spec(spec)
            queue.append((name, version, None))
        if not packages or with_defaults:
            for spec in DEFAULT_PACKAGES:
                name, version = parse_package_spec(spec)
                if spec == R4_CORE or store.versions(name):
                    queue.append((name, version, "default"))
        else:
            queue.append((*parse_package_spec(R4_CORE), "default"))

        while queue:
            name, version, required_by = queue.pop(0)
            if name in names_loaded:
                have = names_loaded[name]
                if version and version != have.version and required_by not in (None, "default"):
                    warnings.append(
                        f"{required_by} asks for {name} {version}; {have.version} is used."
                    )
                continue
            info = _resolve(store, name, version, required_by, warnings)
            if info is None:
                continue
            names_loaded[name] = info
            chosen.append(info)
            for dep_name, dep_version in info.dependencies.items():
                queue.append((dep_name, dep_version, f"{info.name} {info.version}"))
        return cls(chosen, warnings)

    # -- lookup ----------------------------------------------------------------------------
    def _locate(self, url: str) -> _Located | None:
        found = self._by_url.get(url)
        if found is None and "|" in url:
            found = self._by_url.get(url.split("|", 1)[0])
        return found

    def _read(self, located: _Located) -> dict[str, Any] | None:
        key = (located.package.path, located.entry["filename"])
        cached = self._loaded.get(key)
        if cached is not None:
            return cached
        with self._lock:
            cached = self._loaded.get(key)
            if cached is None:
                try:
                    cached = orjson.loads((located.package.path / key[1]).read_bytes())
                except (OSError, orjson.JSONDecodeError):
                    return None
                self._loaded[key] = cached
        return cached

    def resource(self, url: str) -> dict[str, Any] | None:
        """Any resource with a canonical ``url`` (``url|version`` picks a version when present)."""
        located = self._locate(url)
        return self._read(located) if located else None

    def _typed(self, url: str, resource_type: str) -> dict[str, Any] | None:
        located = self._locate(url)
        if located is None or located.entry.get("resourceType") != resource_type:
            return None
        return self._read(located)

    def structure_definition(self, url_or_type: str) -> dict[str, Any] | None:
        """A StructureDefinition by canonical URL, or a base type's by its name (``Patient``)."""
        if "/" not in url_or_type and ":" not in url_or_type:
            located = self._base_types.get(url_or_type)
            return self._read(located) if located else None
        return self._typed(url_or_type, "StructureDefinition")

    def value_set(self, url: str) -> dict[str, Any] | None:
        return self._typed(url, "ValueSet")

    def code_system(self, url: str) -> dict[str, Any] | None:
        return self._typed(url, "CodeSystem")

    def base_types(self) -> list[str]:
        return sorted(self._base_types)

    def urls(self, resource_type: str | None = None) -> list[str]:
        """Canonical URLs known (without ``|version``), optionally of one resource type."""
        return sorted(
            url
            for url, located in self._by_url.items()
            if "|" not in url
            and (resource_type is None or located.entry.get("resourceType") == resource_type)
        )

    def known_system_urls(self) -> set[str]:
        """Code system URIs the packages define (CodeSystems) or name (NamingSystems)."""
        return set(self.urls("CodeSystem")) | self._named_systems

    def index_entry(self, url: str) -> IndexEntry | None:
        """What the index knows about ``url`` (type, kind, derivation...) without reading it."""
        located = self._locate(url)
        return located.entry if located else None

    def package_of(self, url: str) -> PackageInfo | None:
        located = self._locate(url)
        return located.package if located else None

    def profiles(self) -> list[tuple[str, str, PackageInfo]]:
        """Constraint profiles on resources: (url, title or name, package), for pickers."""
        result = []
        for url, located in self._by_url.items():
            entry = located.entry
            if (
                "|" not in url
                and entry.get("resourceType") == "StructureDefinition"
                and entry.get("derivation") == "constraint"
                and entry.get("kind") == "resource"
            ):
                result.append((url, entry.get("id", url), located.package))
        return sorted(result, key=lambda item: (item[2].name, item[1]))

    # -- package files ---------------------------------------------------------------------
    def _package(self, package: str | PackageInfo) -> PackageInfo:
        if isinstance(package, PackageInfo):
            return package
        name, version = parse_package_spec(package)
        for info in self.packages:
            if info.name == name and (version is None or info.version == version):
                return info
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "The package {package} is not loaded.").format(
                package=package
            )
        )

    def iter_examples(self, package: str | PackageInfo) -> Iterator[tuple[str, Any]]:
        folder = self._package(package).path / "example"
        if not folder.is_dir():
            return
        for path in sorted(folder.glob("*.json")):
            try:
                yield path.name, orjson.loads(path.read_bytes())
            except orjson.JSONDecodeError:
                continue

    def package_file(self, package: str | PackageInfo, relpath: str) -> Path | None:
        """A file inside a loaded package (``other/validation-oo.json``), or None if absent."""
        root = self._package(package).path.resolve()
        candidate = (root / relpath).resolve()
        if not candidate.is_relative_to(root) or not candidate.is_file():
            return None
        return candidate


# -- one context per package set, shared by every front end ------------------------------------

_ContextKey = tuple[tuple[str, ...] | None, bool, str]
_contexts: dict[_ContextKey, tuple[tuple[tuple[str, int], ...], ConformanceContext]] = {}
_contexts_lock = threading.Lock()


def _installed_fingerprint(root: Path) -> tuple[tuple[str, int], ...]:
    """The cache folder's entries and when each was put in place: an install (even by another
    process, or one replacing a version) changes it, so a stale context is never reused."""
    try:
        return tuple(
            sorted(
                (entry.name, entry.stat().st_mtime_ns)
                for entry in root.iterdir()
                if not entry.name.startswith(".")
            )
        )
    except OSError:
        return ()


def conformance_context(
    packages: Sequence[str] | None = None,
    cache: PackageCache | str | os.PathLike[str] | None = None,
    *,
    with_defaults: bool = False,
) -> ConformanceContext:
    """``ConformanceContext.load(...)``, loaded once per package set and cache folder.

    Every caller that validates (CLI, conformance view, workbench, validation service, opening a
    link) asks here, so the packages are read once per process. Keyed by the packages asked for,
    ``with_defaults`` and the cache folder; installing a package (which changes the folder)
    loads afresh. Thread-safe: two threads asking at once load once.
    """
    store = cache if isinstance(cache, PackageCache) else PackageCache(cache)
    root = store.root.resolve()
    key: _ContextKey = (tuple(packages) if packages else None, with_defaults, str(root))
    fingerprint = _installed_fingerprint(root)
    with _contexts_lock:
        held = _contexts.get(key)
        if held is not None and held[0] == fingerprint:
            return held[1]
        context = ConformanceContext.load(packages, store, with_defaults=with_defaults)
        _contexts[key] = (fingerprint, context)
        return context


def forget_contexts() -> None:
    """Drop every shared context (the next ask loads the packages again)."""
    with _contexts_lock:
        _contexts.clear()


def shared_context() -> ConformanceContext:
    """The default packages of the current cache, shared (see ``conformance_context``)."""
    return conformance_context()


_DATE_VERSION = re.compile(r"^\d{4}(-\d{2}){0,2}$")


def _publication_day(entry: IndexEntry) -> str | None:
    date = entry.get("date") or ""
    if len(date) >= 4 and date[:4].isdigit():
        return date[:10]
    version = entry.get("version") or ""
    return version if _DATE_VERSION.match(version) else None


def _preferred(candidate: _Located, current: _Located) -> bool:
    """The newer business version wins (as in the HL7 validator); among equals the package
    loaded first.

    R4 core names its copies of the HL7 v3 code systems by date (``2018-08-12``) while the HL7
    terminology package numbers them (``3.1.0``): two schemes that cannot be compared, so there
    the later publication date decides.
    """
    new_version = candidate.entry.get("version")
    old_version = current.entry.get("version")
    if new_version and old_version and new_version != old_version:
        if _DATE_VERSION.match(new_version) or _DATE_VERSION.match(old_version):
            new_day = _publication_day(candidate.entry)
            old_day = _publication_day(current.entry)
            if new_day and old_day and new_day != old_day:
                return new_day > old_day
        else:
            try:
                return version_key(new_version) > version_key(old_version)
            except ValueError:
                pass
    return candidate.order < current.order


def _resolve(
    store: PackageCache,
    name: str,
    version: str | None,
    required_by: str | None,
    warnings: list[str],
) -> PackageInfo | None:
    available = store.versions(name)
    chosen, exact = choose_version(version, available)
    if chosen is None:
        if required_by is None or (required_by == "default" and name == "hl7.fhir.r4.core"):
            wanted = f"{name}#{version}" if version else name
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "The FHIR package {wanted} is not installed in {root}; install it with 'xshare packages install {wanted}'.",
                ).format(wanted=wanted, root=store.root)
            )
        if required_by != "default":
            warnings.append(
                f"{required_by} needs {name} {version or ''}".rstrip()
                + ", which is not installed; its definitions are missing."
            )
        return None
    if not exact:
        if required_by is None:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "The FHIR package {name}#{version} is not installed (installed: {names}).",
                ).format(
                    name=name, version=version, names=", ".join(sorted(available, key=version_key))
                )
            )
        warnings.append(
            f"{required_by} needs {name} {version}; the nearest installed version {chosen} "
            "is used instead."
        )
    return store.get(name, chosen)
