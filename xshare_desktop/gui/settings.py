"""Per-user GUI settings: a typed schema with defaults and one ``changed`` signal.

Stored as JSON in ``paths.settings_file()`` (inside the user data folder, so
``XSHARE_DATA_DIR`` moves it too) and written atomically on every change.
A value of the wrong type in the file falls back to the default: a damaged
settings file must never stop the app from starting.

    settings = Settings.load()
    settings.language = "da"          # saves and emits changed("language")
    settings.changed.connect(on_change)
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

from PySide6.QtCore import QObject, Signal

from xshare_desktop.core import paths
from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import atomic_write_bytes, dumps_json, parse_json_bytes

log = logging.getLogger(__name__)
T = TypeVar("T")

MAX_RECENT_FILES = 8


class Setting(Generic[T]):
    """One typed setting with a default; a descriptor on ``Settings``."""

    def __init__(self, default: T, kind: type, description: str) -> None:
        self.default = default
        self.kind = kind
        self.description = description
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def accepts(self, value: object) -> bool:
        if self.kind is float:
            return isinstance(value, int | float) and not isinstance(value, bool)
        if self.kind is list:
            return isinstance(value, list) and all(isinstance(v, str) for v in value)
        return isinstance(value, self.kind)

    @overload
    def __get__(self, obj: None, owner: type) -> Setting[T]: ...
    @overload
    def __get__(self, obj: Settings, owner: type) -> T: ...
    def __get__(self, obj: Settings | None, owner: type) -> Setting[T] | T:
        if obj is None:
            return self
        value = obj._values.get(self.name, self.default)
        # Lists are handed out as copies so callers cannot change settings behind our back.
        return list(value) if isinstance(value, list) else value  # type: ignore[return-value]

    def __set__(self, obj: Settings, value: T) -> None:
        obj.set(self.name, value)


class Settings(QObject):
    changed = Signal(str)  # the name of the setting that changed

    language: Setting[str] = Setting("", str, "UI language: 'da', 'en', or '' to follow the system")
    booth_mode: Setting[bool] = Setting(
        False, bool, "Start full screen in booth mode (large type, Danish, reset button)"
    )
    recent_files: Setting[list[str]] = Setting(
        [], list, "Most recently opened documents, newest first"
    )
    window_geometry: Setting[str] = Setting("", str, "Saved main window geometry (base64)")
    show_vendor_tools: Setting[bool] = Setting(
        True, bool, "Show the vendor tools (conformance, keys) on the start page"
    )
    link_fetch_deadline: Setting[float] = Setting(
        30.0, float, "Seconds opening a link may take in all before the app gives up"
    )

    def __init__(self, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = path
        self._values: dict[str, Any] = {}

    @classmethod
    def schema(cls) -> dict[str, Setting[Any]]:
        return {name: value for name, value in vars(cls).items() if isinstance(value, Setting)}

    @classmethod
    def load(cls, path: Path | None = None, parent: QObject | None = None) -> Settings:
        settings = cls(path or paths.settings_file(), parent)
        settings._read()
        return settings

    @property
    def path(self) -> Path | None:
        return self._path

    def _read(self) -> None:
        if self._path is None or not self._path.exists():
            return
        try:
            raw = parse_json_bytes(self._path.read_bytes(), name=self._path.name)
        except (OSError, UserFacingError) as exc:
            log.warning("Ignoring unreadable settings file %s: %s", self._path, exc)
            return
        if not isinstance(raw, dict):
            log.warning("Ignoring settings file %s: not a JSON object", self._path)
            return
        schema = self.schema()
        for name, value in raw.items():
            setting = schema.get(name)
            if setting is not None and setting.accepts(value):
                self._values[name] = value
            elif setting is not None:
                log.warning("Ignoring setting %s=%r of the wrong type", name, value)

    def set(self, name: str, value: Any) -> None:
        setting = self.schema().get(name)
        if setting is None:
            raise KeyError(f"unknown setting {name!r}")
        if not setting.accepts(value):
            raise TypeError(f"setting {name!r} takes {setting.kind.__name__}, not {value!r}")
        if self._values.get(name, setting.default) == value:
            return
        self._values[name] = list(value) if isinstance(value, list) else value
        self.save()
        self.changed.emit(name)

    def reset(self, name: str) -> None:
        self.set(name, self.schema()[name].default)

    def save(self) -> None:
        if self._path is None:
            return
        try:
            atomic_write_bytes(self._path, dumps_json(self._values))
        except OSError as exc:
            # Losing a preference is not worth interrupting the person for.
            log.warning("Could not save settings to %s: %s", self._path, exc)

    def add_recent_file(self, path: str | Path) -> None:
        text = str(Path(path).resolve())
        recent = [p for p in self.recent_files if p != text]
        self.recent_files = [text, *recent][:MAX_RECENT_FILES]

    def forget_recent_file(self, path: str | Path) -> None:
        text = str(Path(path).resolve())
        self.recent_files = [p for p in self.recent_files if p != text]
