"""The WSGI entry point for gunicorn: settings from the environment, checked when it loads."""

from __future__ import annotations

import io
from typing import Any
from wsgiref.util import setup_testing_defaults

import orjson
import pytest

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.shl import wsgi
from xshare_desktop.core.shl.content import ShareFile
from xshare_desktop.core.shl.provider import LinkOptions, create_link
from xshare_desktop.core.shl.store import LinkStore

DOC = ShareFile("doc.json", "application/fhir+json", b'{"resourceType":"Bundle"}' + b" " * 200)


def test_public_url_is_required(monkeypatch: pytest.MonkeyPatch) -> None:
    """Location URLs must never follow the client's Host header (hardening, commit 5a9b29d)."""
    monkeypatch.delenv(wsgi.PUBLIC_URL_ENV, raising=False)
    with pytest.raises(UserFacingError, match=wsgi.PUBLIC_URL_ENV):
        wsgi.PerProcessApplication()


@pytest.mark.parametrize("interval", ["soon", "-1", "nan"])
def test_bad_poll_interval_is_refused(monkeypatch: pytest.MonkeyPatch, interval: str) -> None:
    monkeypatch.setenv(wsgi.PUBLIC_URL_ENV, "https://links.example.org")
    monkeypatch.setenv(wsgi.POLL_INTERVAL_ENV, interval)
    with pytest.raises(UserFacingError, match=wsgi.POLL_INTERVAL_ENV):
        wsgi.PerProcessApplication()


def test_serves_links_with_locations_from_the_public_url(
    link_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SHL manifest `location` URLs point at the configured base, not at the request's Host."""
    monkeypatch.setenv(wsgi.PUBLIC_URL_ENV, "https://links.example.org/xshare/")
    app = wsgi.PerProcessApplication()
    record, _ = create_link(
        [DOC], LinkOptions(), "https://links.example.org/xshare", store=LinkStore()
    )
    environ: dict[str, Any] = {}
    setup_testing_defaults(environ)
    body = orjson.dumps({"recipient": "r", "embeddedLengthMax": 0})
    environ.update(
        REQUEST_METHOD="POST",
        PATH_INFO=f"/shl/{record.token}",
        CONTENT_TYPE="application/json",
        CONTENT_LENGTH=str(len(body)),
        HTTP_HOST="attacker.example",
        SERVER_NAME="attacker.example",
    )
    environ["wsgi.input"] = io.BytesIO(body)
    seen: list[str] = []
    out = b"".join(app(environ, lambda status, headers: seen.append(status)))
    assert seen == ["200 OK"]
    (entry,) = orjson.loads(out)["files"]
    assert entry["location"].startswith("https://links.example.org/xshare/shl/file/")
