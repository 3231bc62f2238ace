"""Where the link host last ran, so links created later point at it (``shl-host.json``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import orjson

from xshare_desktop.core import paths
from xshare_desktop.core.fileio import atomic_write_bytes, dumps_json


@dataclass(frozen=True)
class HostSettings:
    base_url: str
    host: str
    port: int


def settings_path() -> Path:
    return paths.data_dir() / "shl-host.json"


def save_host_settings(settings: HostSettings) -> None:
    atomic_write_bytes(
        settings_path(),
        dumps_json({"baseUrl": settings.base_url, "host": settings.host, "port": settings.port}),
    )


def load_host_settings() -> HostSettings | None:
    """The last host's settings, or ``None`` when none ran (a damaged file counts as none)."""
    path = settings_path()
    try:
        body = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    if not isinstance(body, dict):
        return None
    base_url, host, port = body.get("baseUrl"), body.get("host"), body.get("port")
    if not isinstance(base_url, str) or not isinstance(host, str) or not isinstance(port, int):
        return None
    return HostSettings(base_url, host, port)
