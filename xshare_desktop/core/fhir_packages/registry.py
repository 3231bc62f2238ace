"""Installing packages from registries that speak the npm registry protocol.

``GET <registry>/<name>`` returns the package's metadata: ``versions[<v>].dist.tarball`` is the URL
of the ``.tgz``. The tarball goes to a temporary file and through ``PackageCache.install_tgz``,
which checks it. Dependencies from ``package.json`` are installed the same way; when an exact
dependency version is not published, the nearest one is installed and a warning is returned.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from xshare_desktop.core import paths
from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fhir_packages.cache import PackageCache, PackageInfo
from xshare_desktop.core.fhir_packages.versions import choose_version
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP
from xshare_desktop.core.progress import Progress, ensure_progress

REGISTRIES_ENV = "XSHARE_FHIR_REGISTRIES"
# The app ships with no registry address written in: the person chooses the registries with
# --registry, XSHARE_FHIR_REGISTRIES or the "fhir_registries" list in the settings file.
DEFAULT_REGISTRIES: tuple[str, ...] = ()
MAX_METADATA_BYTES = 64 * 1024 * 1024
MAX_TARBALL_BYTES = 1024 * 1024 * 1024
TIMEOUT_S = 60


@dataclass
class InstallReport:
    installed: list[PackageInfo] = field(default_factory=list)
    already_present: list[PackageInfo] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


SETTINGS_KEY = "fhir_registries"


def _from_settings() -> list[str]:
    """The ``fhir_registries`` list in the user's settings file, if the app stored one there."""
    try:
        data = orjson.loads(paths.settings_file().read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return []
    value = data.get(SETTINGS_KEY) if isinstance(data, dict) else None
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, str)]


def configured_registries(explicit: list[str] | None = None) -> list[str]:
    """Registries to ask, in order: given ones, else XSHARE_FHIR_REGISTRIES, else settings."""
    if explicit:
        chosen = explicit
    elif os.environ.get(REGISTRIES_ENV, "").strip():
        chosen = os.environ[REGISTRIES_ENV].split(",")
    else:
        chosen = _from_settings() or list(DEFAULT_REGISTRIES) or _npm_client_registry()
    return [r.strip().rstrip("/") for r in chosen if r.strip()]


def _npm_client_registry() -> list[str]:
    """The registry the person's own npm client is set up for, if npm is installed.

    FHIR packages such as the IPS are also published there; asking the usual
    client keeps the person's proxy and mirror settings in force.
    """
    npm = shutil.which("npm")
    if not npm:
        return []
    try:
        out = subprocess.run(
            [npm, "config", "get", "registry"],
            capture_output=True,
            text=True,
            timeout=15,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    url = out.stdout.strip()
    return [url] if out.returncode == 0 and url.startswith(("https://", "http://")) else []


def _fetch(url: str, limit: int) -> bytes:
    parsed = urllib.parse.urlsplit(url)
    if parsed.scheme not in ("https", "http"):
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core", "{url} is not a web address the app can download from."
            ).format(url=url)
        )
    request = urllib.request.Request(url, headers={"Accept": "application/json, */*"})
    with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
        data: bytes = response.read(limit + 1)
    if len(data) > limit:
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "{url} sent more data than a FHIR package can hold.").format(
                url=url
            )
        )
    return data


def _metadata(registry: str, name: str) -> dict[str, Any] | None:
    try:
        raw = _fetch(f"{registry}/{urllib.parse.quote(name, safe='@')}", MAX_METADATA_BYTES)
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            return None
        raise
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("versions"), dict):
        return None
    return data


def _tarball_url(meta: dict[str, Any], version: str) -> str | None:
    entry = meta["versions"].get(version)
    if not isinstance(entry, dict):
        return None
    dist = entry.get("dist")
    url = dist.get("tarball") if isinstance(dist, dict) else None
    return url if isinstance(url, str) else None


def install_from_registry(
    cache: PackageCache,
    name: str,
    version: str | None = None,
    registries: list[str] | None = None,
    progress: Progress | None = None,
) -> InstallReport:
    """Install ``name#version`` and its dependencies; already installed ones are kept."""
    sources = configured_registries(registries)
    if not sources:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "No package registry is configured. Give one with --registry URL or set {REGISTRIES_ENV} (comma separated), or install from a .tgz file or a folder.",
            ).format(REGISTRIES_ENV=REGISTRIES_ENV)
        )
    progress = ensure_progress(progress)
    report = InstallReport()
    queue: list[tuple[str, str | None, str | None]] = [(name, version, None)]
    handled: set[str] = set()
    done = 0
    while queue:
        wanted_name, wanted_version, required_by = queue.pop(0)
        if wanted_name in handled:
            continue
        handled.add(wanted_name)
        progress.step(done, done + len(queue) + 1, f"{wanted_name} {wanted_version or ''}".strip())
        info = _install_one(cache, sources, wanted_name, wanted_version, required_by, report)
        done += 1
        if info is not None:
            for dep_name, dep_version in info.dependencies.items():
                queue.append((dep_name, dep_version, info.id))
    progress.step(done, done, "")
    return report


def _install_one(
    cache: PackageCache,
    sources: list[str],
    name: str,
    version: str | None,
    required_by: str | None,
    report: InstallReport,
) -> PackageInfo | None:
    if version is not None and (present := cache.get(name, version)) is not None:
        report.already_present.append(present)
        return present
    failures: list[str] = []
    for registry in sources:
        try:
            meta = _metadata(registry, name)
        except (urllib.error.URLError, OSError, UserFacingError) as exc:
            failures.append(f"{registry}: {getattr(exc, 'reason', exc)}")
            continue
        if meta is None:
            continue
        chosen, exact = choose_version(version, meta["versions"])
        if chosen is None:
            continue
        if (present := cache.get(name, chosen)) is not None:
            report.already_present.append(present)
            return present
        tarball = _tarball_url(meta, chosen)
        if tarball is None:
            failures.append(f"{registry}: no download address for {name} {chosen}")
            continue
        if not exact:
            report.warnings.append(
                f"{required_by or 'You'} asked for {name} {version}, which the registry does not "
                f"have; the nearest version {chosen} was installed."
            )
        try:
            info = _download_and_install(cache, tarball)
        except (urllib.error.URLError, OSError) as exc:
            failures.append(f"{registry}: {getattr(exc, 'reason', exc)}")
            continue
        report.installed.append(info)
        return info
    what = f"{name}#{version}" if version else name
    if required_by is None:
        detail = f" ({'; '.join(failures)})" if failures else ""
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core", "The package {what} was not found in any registry{detail}."
            ).format(what=what, detail=detail)
        )
    report.warnings.append(
        f"{required_by} needs {what}, which no registry could provide; it was not installed."
    )
    return None


def _download_and_install(cache: PackageCache, url: str) -> PackageInfo:
    data = _fetch(url, MAX_TARBALL_BYTES)
    cache.root.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".download-", suffix=".tgz", dir=cache.root)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        return cache.install_tgz(Path(tmp_name))
    finally:
        os.unlink(tmp_name)
