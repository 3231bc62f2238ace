"""The link host for any WSGI server: ``gunicorn xshare_desktop.core.shl.wsgi:application``.

Configured from the environment, so every worker process of a multi-process server builds the
same host (see docs/deploy.md):

- ``XSHARE_LINK_PUBLIC_URL`` (required): the base URL recipients reach, e.g.
  ``https://links.example.org``; location URLs are built from it. It is required because under
  gunicorn the server name comes from the client's Host header, which must never choose where
  location URLs point.
- ``XSHARE_LINK_DATABASE``: the link store, ``postgresql://...`` for several processes or
  machines (default: the SQLite file in the data folder, one machine only).
- ``XSHARE_LINK_POLL_INTERVAL``: seconds a recipient of a long-term link waits between fetches
  (default 10).

Loading ``application`` checks the settings and opens the store, so a worker with a bad setting or
an unreachable database fails to boot with the reason. Each process that serves requests
builds its own host (and database pool), so a server that imports the module before forking
its workers (``--preload``) does not share one pool among them.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from typing import Any

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP
from xshare_desktop.core.shl.host import HostConfig, ShlHostApp, StartResponse
from xshare_desktop.core.shl.provider import normalise_base_url
from xshare_desktop.core.shl.store import LinkStore

PUBLIC_URL_ENV = "XSHARE_LINK_PUBLIC_URL"
POLL_INTERVAL_ENV = "XSHARE_LINK_POLL_INTERVAL"


def config_from_environment() -> HostConfig:
    public_url = os.environ.get(PUBLIC_URL_ENV, "").strip()
    if not public_url:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "Set {PUBLIC_URL_ENV} to the base URL recipients use to reach this link host (for example https://links.example.org).",
            ).format(PUBLIC_URL_ENV=PUBLIC_URL_ENV)
        )
    interval_text = os.environ.get(POLL_INTERVAL_ENV, "10").strip()
    try:
        interval = float(interval_text)
    except ValueError:
        interval = -1.0
    if not 0 <= interval < 86400:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core", "{POLL_INTERVAL_ENV} must be a number of seconds, not {interval_text}."
            ).format(POLL_INTERVAL_ENV=POLL_INTERVAL_ENV, interval_text=repr(interval_text))
        )
    return HostConfig(public_url=normalise_base_url(public_url), min_poll_interval=interval)


class PerProcessApplication:
    """A WSGI callable that builds one link host per process (settings checked at creation)."""

    def __init__(self) -> None:
        self._config = config_from_environment()
        self._apps: dict[int, ShlHostApp] = {}
        self._lock = threading.Lock()
        self._app()

    def _app(self) -> ShlHostApp:
        pid = os.getpid()
        app = self._apps.get(pid)
        if app is None:
            with self._lock:
                app = self._apps.get(pid)
                if app is None:
                    app = self._apps[pid] = ShlHostApp(LinkStore(), self._config)
        return app

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        return self._app()(environ, start_response)


_application: PerProcessApplication | None = None


def __getattr__(name: str) -> Any:
    # `application` is made when a server asks for it (PEP 562), so importing the module
    # (tests, tools) needs no settings.
    global _application
    if name != "application":
        raise AttributeError(name)
    if _application is None:
        _application = PerProcessApplication()
    return _application
