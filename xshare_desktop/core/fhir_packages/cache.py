"""The local FHIR package cache, in the layout the HL7 tools share.

Each package lives in ``<cache>/<name>#<version>/package/`` with its ``package.json``. Installing
unpacks into a temporary folder inside the cache and renames it into place, so another program
reading the cache never sees half a package.
"""

from __future__ import annotations

import builtins
import os
import re
import shutil
import tarfile
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from xshare_desktop.core import paths
from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fhir_packages.versions import latest
from xshare_desktop.core.fileio import parse_json_bytes, read_input_bytes
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP

# A real FHIR package is at most a few hundred MB unpacked; anything larger is hostile.
MAX_UNPACKED_BYTES = 2 * 1024 * 1024 * 1024
MAX_MEMBERS = 200_000


@dataclass(frozen=True)
class PackageInfo:
    name: str
    version: str
    path: Path  # the package's ``package`` folder
    fhir_versions: tuple[str, ...] = ()
    dependencies: dict[str, str] = field(default_factory=dict)
    canonical: str | None = None
    title: str | None = None

    @property
    def id(self) -> str:
        return f"{self.name}#{self.version}"


_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._\-]*")
_VERSION = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+\-]*")


def parse_package_spec(spec: str) -> tuple[str, str | None]:
    """``name#version`` (also ``name@version`` as npm writes it) -> (name, version or None)."""
    text = spec.strip()
    name, separator, version = text.partition("#")
    if not separator:
        name, separator, version = text.partition("@")
    if _NAME.fullmatch(name) and (not separator or _VERSION.fullmatch(version)):
        return name, version if separator else None
    raise UserFacingError(
        QT_TRANSLATE_NOOP(
            "Core",
            "'{spec}' is not a package name; write it as name#version, for example hl7.fhir.uv.ips#2.0.0.",
        ).format(spec=spec)
    )


def read_package_json(package_dir: Path) -> PackageInfo:
    manifest = package_dir / "package.json"
    data = parse_json_bytes(read_input_bytes(manifest), name=f"{manifest}")
    if not isinstance(data, dict) or not data.get("name") or not data.get("version"):
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core", "{manifest} does not name the package and its version."
            ).format(manifest=manifest),
            where=str(manifest),
        )
    fhir_versions = data.get("fhirVersions") or data.get("fhir-version-list") or []
    dependencies = data.get("dependencies") or {}
    return PackageInfo(
        name=str(data["name"]),
        version=str(data["version"]),
        path=package_dir,
        fhir_versions=tuple(str(v) for v in fhir_versions if isinstance(v, str)),
        dependencies={str(k): str(v) for k, v in dependencies.items()}
        if isinstance(dependencies, dict)
        else {},
        canonical=_optional_str(data.get("canonical")),
        title=_optional_str(data.get("title")),
    )


def _optional_str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


class PackageCache:
    def __init__(self, root: str | os.PathLike[str] | None = None) -> None:
        self.root = Path(root) if root is not None else paths.fhir_package_cache()

    # -- reading ---------------------------------------------------------------------------
    def list(self) -> list[PackageInfo]:
        if not self.root.is_dir():
            return []
        found: list[PackageInfo] = []
        for entry in sorted(self.root.iterdir()):
            if "#" not in entry.name or entry.name.startswith("."):
                continue
            package_dir = entry / "package"
            if not (package_dir / "package.json").is_file():
                continue
            try:
                found.append(read_package_json(package_dir))
            except UserFacingError:
                continue  # a damaged folder from another tool should not hide the others
        return found

    def versions(self, name: str) -> builtins.list[str]:
        return [info.version for info in self.list() if info.name == name]

    def get(self, name: str, version: str | None = None) -> PackageInfo | None:
        if version is not None:
            package_dir = self.root / f"{name}#{version}" / "package"
            if (package_dir / "package.json").is_file():
                return read_package_json(package_dir)
            return None
        chosen = latest(self.versions(name))
        return self.get(name, chosen) if chosen else None

    # -- installing ------------------------------------------------------------------------
    def install_tgz(self, path: str | os.PathLike[str], *, replace: bool = False) -> PackageInfo:
        source = Path(path)
        if not source.is_file():
            raise UserFacingError(
                QT_TRANSLATE_NOOP("Core", "The file {name} does not exist.").format(
                    name=source.name
                ),
                where=str(source),
            )
        _check_archive_kind(source)
        self.root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".install-", dir=self.root))
        try:
            try:
                with tarfile.open(source, "r:*") as archive:
                    _extract_safely(archive, staging, source.name)
            except (tarfile.TarError, EOFError, OSError, zlib.error) as exc:
                reason = " ".join(str(exc).split())  # tarfile's messages span several lines
                raise UserFacingError(
                    QT_TRANSLATE_NOOP(
                        "Core", "{name} is not a readable FHIR package archive ({reason})."
                    ).format(name=source.name, reason=reason),
                    where=str(source),
                ) from None
            return self._move_into_place(_find_package_dir(staging, source.name), replace)
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def install_folder(self, path: str | os.PathLike[str], *, replace: bool = False) -> PackageInfo:
        source = Path(path)
        if not source.is_dir():
            raise UserFacingError(
                QT_TRANSLATE_NOOP("Core", "{source} is not a folder.").format(source=source),
                where=str(source),
            )
        package_dir = source / "package" if (source / "package").is_dir() else source
        if not (package_dir / "package.json").is_file():
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core", "{name} is not a FHIR package: it has no package.json."
                ).format(name=source.name),
                where=str(source),
            )
        self.root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".install-", dir=self.root))
        try:
            target = staging / "package"
            _copy_tree_without_links(package_dir, target)
            return self._move_into_place(target, replace)
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def _move_into_place(self, package_dir: Path, replace: bool) -> PackageInfo:
        info = read_package_json(package_dir)
        _check_name_part(info.name, "name")
        _check_name_part(info.version, "version")
        final = self.root / f"{info.name}#{info.version}"
        if final.exists() and not replace:
            existing = self.get(info.name, info.version)
            if existing is None:
                raise UserFacingError(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "{final} exists but holds no readable package; remove it and try again.",
                    ).format(final=final)
                )
            return existing
        holder = Path(tempfile.mkdtemp(prefix=".install-", dir=self.root))
        try:
            package_dir.rename(holder / "package")
            if final.exists():
                old = self.root / f".old-{final.name}-{os.getpid()}"
                final.rename(old)
                shutil.rmtree(old, ignore_errors=True)
            holder.rename(final)
        except BaseException:
            shutil.rmtree(holder, ignore_errors=True)
            raise
        installed = self.get(info.name, info.version)
        if installed is None:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core", "{final} could not be read back after installing."
                ).format(final=final)
            )
        return installed


def _check_archive_kind(source: Path) -> None:
    """Refuse at once what is neither gzip nor tar, instead of letting tarfile try every codec."""
    try:
        with source.open("rb") as fh:
            head = fh.read(512)
    except OSError as exc:
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "{name} cannot be read: {strerror}.").format(
                name=source.name, strerror=exc.strerror
            ),
            where=str(source),
        ) from None
    if not (head.startswith(b"\x1f\x8b") or head[257:262] == b"ustar"):
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "{name} is not a readable FHIR package archive: packages are .tgz files (gzip-compressed tar).",
            ).format(name=source.name),
            where=str(source),
        )


def _check_name_part(value: str, what: str) -> None:
    if not value or "/" in value or "\\" in value or value in (".", "..") or "\0" in value:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core", "The package {what} '{value}' is not allowed in a folder name."
            ).format(what=what, value=value)
        )


def _extract_safely(archive: tarfile.TarFile, target: Path, label: str) -> None:
    total = 0
    members = 0
    for member in archive:
        members += 1
        if members > MAX_MEMBERS:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core", "{label} holds too many files to be a FHIR package."
                ).format(label=label)
            )
        name = PurePosixPath(member.name)
        if name.is_absolute() or ".." in name.parts or "\\" in member.name:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "{label} tries to write outside its folder ({name}); it was not installed.",
                ).format(label=label, name=member.name)
            )
        if member.issym() or member.islnk():
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "{label} contains a link ({name}); FHIR packages never do, so it was not installed.",
                ).format(label=label, name=member.name)
            )
        if member.isdir():
            (target / name).mkdir(parents=True, exist_ok=True)
            continue
        if not member.isfile():
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core", "{label} contains a special file ({name}); it was not installed."
                ).format(label=label, name=member.name)
            )
        total += member.size
        if total > MAX_UNPACKED_BYTES:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core", "{label} unpacks to more than 2 GB; it was not installed."
                ).format(label=label)
            )
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        source = archive.extractfile(member)
        if source is None:
            continue
        with source, destination.open("xb") as out:
            shutil.copyfileobj(source, out)


def _find_package_dir(staging: Path, label: str) -> Path:
    if (staging / "package" / "package.json").is_file():
        return staging / "package"
    # A few older packages use another top folder name; accept one folder holding package.json.
    candidates = [p for p in staging.iterdir() if p.is_dir() and (p / "package.json").is_file()]
    if len(candidates) == 1:
        return candidates[0]
    raise UserFacingError(
        QT_TRANSLATE_NOOP(
            "Core", "{label} is not a FHIR package: it has no package/package.json."
        ).format(label=label)
    )


def _copy_tree_without_links(source: Path, target: Path) -> None:
    for dirpath, dirnames, filenames in os.walk(source):
        here = Path(dirpath)
        relative = here.relative_to(source)
        (target / relative).mkdir(parents=True, exist_ok=True)
        for name in dirnames + filenames:
            if (here / name).is_symlink():
                raise UserFacingError(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "{source} contains a link ({number}); FHIR packages never do, so it was not installed.",
                    ).format(source=source, number=relative / name)
                )
        for name in filenames:
            shutil.copyfile(here / name, target / relative / name)
