"""The link host: a plain WSGI application serving SMART Health Links from the link store.

Any WSGI server can run ``ShlHostApp`` (it keeps no state in memory: everything
is in the link store, SQLite or PostgreSQL). A manifest request for a link without passcode
is one store call (``LinkStore.retrieve``); a passcode link's check sits between two. ``serve`` runs it in-process on waitress (see core/wsgi_server.py), bound to
127.0.0.1 unless the person chose the local network.

Routes: ``POST /shl/<token>`` manifest, ``GET /shl/<token>?recipient=`` single file
(``U`` flag), ``GET /shl/file/<token>`` short-lived single-use ``location`` URLs, and
``GET /view`` the web viewer a phone opens from the QR code (``/view#shlink:/...``): the
page fetches and decrypts in the browser, so the key in the fragment never reaches us.
"""

from __future__ import annotations

import logging
import math
import re
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, quote

import orjson

from xshare_desktop.core.shl.content import FHIR_JSON, FHIR_VERSION, base_media_type
from xshare_desktop.core.shl.passcode import verify_passcode
from xshare_desktop.core.shl.payload import FLAG_LONG_TERM
from xshare_desktop.core.shl.store import (
    Decision,
    LinkRecord,
    LinkStatus,
    LinkStore,
    Outcome,
    Retrieval,
    outcome_for,
)
from xshare_desktop.core.shl.viewer import VIEWER_PATH, viewer_asset
from xshare_desktop.core.wsgi_server import RunningServer, ServerLimits, serve_wsgi

log = logging.getLogger(__name__)

MAX_LOCATION_LIFETIME = 3600.0  # the spec's ceiling for .files.location URLs
MAX_REQUEST_BYTES = 64 * 1024
MAX_RECIPIENT_CHARS = 1000
# How long a passcode check waits while parallel checks hold every remaining attempt.
BUSY_WAIT_SECONDS = 20.0
_TOKEN = r"[A-Za-z0-9_-]{43}"
_MANIFEST_ROUTE = re.compile(rf"^/shl/({_TOKEN})/?$")
_LOCATION_ROUTE = re.compile(rf"^/shl/file/({_TOKEN})$")

StartResponse = Callable[..., Any]


@dataclass(frozen=True)
class HostConfig:
    # Base for location URLs. `serve` sets it to the address it bound; under another WSGI
    # server without it, the server's own name and port are used, never the client's Host
    # header (a client could otherwise point location URLs at any host it likes).
    public_url: str | None = None
    # An L link's recipient that polls again sooner than this gets 429 + Retry-After.
    min_poll_interval: float = 10.0
    location_lifetime: float = MAX_LOCATION_LIFETIME
    clock: Callable[[], float] = field(default=time.time)


@dataclass(frozen=True)
class _Response:
    status: str
    body: bytes
    headers: list[tuple[str, str]]


def _json(
    status: str, body: dict[str, Any], headers: list[tuple[str, str]] | None = None
) -> _Response:
    return _Response(
        status, orjson.dumps(body), [("Content-Type", "application/json"), *(headers or [])]
    )


def _error(status: str, message: str, headers: list[tuple[str, str]] | None = None) -> _Response:
    return _json(status, {"error": message}, headers)


_NOT_FOUND = "404 Not Found"


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


class _BadRequest(Exception):
    def __init__(self, status: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class ShlHostApp:
    """WSGI callable. Thread-safe: each thread uses its own database connection."""

    def __init__(self, store: LinkStore | None = None, config: HostConfig | None = None) -> None:
        self.store = store if store is not None else LinkStore()
        self.config = config if config is not None else HostConfig()
        if not 0 < self.config.location_lifetime <= MAX_LOCATION_LIFETIME:
            raise ValueError("location URLs live more than 0 s and at most one hour")

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        try:
            response = self._route(environ)
        except _BadRequest as exc:
            response = _error(exc.status, exc.message)
        except Exception:
            log.exception("link host failed on %s", environ.get("PATH_INFO"))
            response = _error("500 Internal Server Error", "internal error")
        headers = [
            *response.headers,
            ("Content-Length", str(len(response.body))),
            ("Cache-Control", "no-store"),
            # Browser-based SHL viewers fetch cross-origin; the URLs carry the secrets.
            ("Access-Control-Allow-Origin", "*"),
            ("Access-Control-Expose-Headers", "Retry-After"),
        ]
        start_response(response.status, headers)
        return [response.body]

    # -- routing ---------------------------------------------------------------------------

    def _route(self, environ: dict[str, Any]) -> _Response:
        method = str(environ.get("REQUEST_METHOD", "GET")).upper()
        path = str(environ.get("PATH_INFO", ""))
        if method == "OPTIONS":
            return _Response(
                "204 No Content",
                b"",
                [
                    ("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
                    ("Access-Control-Allow-Headers", "Content-Type"),
                    ("Access-Control-Max-Age", "600"),
                ],
            )
        if path == VIEWER_PATH or path.startswith(VIEWER_PATH + "/"):
            if method != "GET":
                return _error("405 Method Not Allowed", "use GET", [("Allow", "GET")])
            asset = viewer_asset(path)
            if asset is None:
                return _error(_NOT_FOUND, "no such page")
            return _Response("200 OK", asset.body, list(asset.headers))
        location = _LOCATION_ROUTE.match(path)
        if location:
            if method != "GET":
                return _error("405 Method Not Allowed", "use GET", [("Allow", "GET")])
            return self._location(location.group(1))
        manifest = _MANIFEST_ROUTE.match(path)
        if manifest:
            if method == "POST":
                return self._manifest(manifest.group(1), environ)
            if method == "GET":
                return self._direct(manifest.group(1), environ)
            return _error("405 Method Not Allowed", "use POST", [("Allow", "GET, POST")])
        return _error(_NOT_FOUND, "no such link")

    # -- request parsing -----------------------------------------------------------------

    @staticmethod
    def _read_body(environ: dict[str, Any]) -> dict[str, Any]:
        content_type = base_media_type(str(environ.get("CONTENT_TYPE") or ""))
        if content_type != "application/json":
            raise _BadRequest(
                "415 Unsupported Media Type", "the manifest request must be application/json"
            )
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            raise _BadRequest("400 Bad Request", "bad Content-Length") from None
        if length > MAX_REQUEST_BYTES:
            raise _BadRequest("413 Content Too Large", "the manifest request is too large")
        raw = environ["wsgi.input"].read(length) if length > 0 else b""
        try:
            body = orjson.loads(raw)
        except orjson.JSONDecodeError:
            raise _BadRequest("400 Bad Request", "the request body is not JSON") from None
        if not isinstance(body, dict):
            raise _BadRequest("400 Bad Request", "the request body is not a JSON object")
        return body

    @staticmethod
    def _recipient(value: object) -> str:
        if not isinstance(value, str) or not value.strip():
            raise _BadRequest("400 Bad Request", "recipient is required")
        if len(value) > MAX_RECIPIENT_CHARS:
            raise _BadRequest("400 Bad Request", "recipient is too long")
        return value.strip()

    def _base_url(self, environ: dict[str, Any]) -> str:
        if self.config.public_url:
            return self.config.public_url.rstrip("/")
        scheme = environ.get("wsgi.url_scheme", "http")
        port = str(environ.get("SERVER_PORT", ""))
        default = {"http": "80", "https": "443"}.get(scheme)
        address = str(environ.get("SERVER_NAME", "127.0.0.1"))
        if ":" in address and not address.startswith("["):
            address = f"[{address}]"  # IPv6
        base = f"{scheme}://{address}" + ("" if port in ("", default) else f":{port}")
        return base + quote(environ.get("SCRIPT_NAME", "")).rstrip("/")

    # -- handlers ------------------------------------------------------------------------

    def _refuse(self, link: LinkRecord, recipient: str, kind: str, status: LinkStatus) -> _Response:
        self.store.log_access(link.id, recipient, kind, outcome_for(status), self.config.clock())
        return _error(_NOT_FOUND, "this link is no longer active")

    @staticmethod
    def _too_many(wait: float) -> _Response:
        return _error(
            "429 Too Many Requests",
            "polled too often",
            [("Retry-After", str(max(1, math.ceil(wait))))],
        )

    def _retrieve(
        self, token: str, recipient: str, kind: str, **options: Any
    ) -> tuple[Retrieval, _Response | None]:
        """The store's decision, and the refusal to send unless it was served."""
        result = self.store.retrieve(
            token,
            recipient,
            kind,
            self.config.clock(),
            min_poll_interval=self.config.min_poll_interval,
            location_lifetime=self.config.location_lifetime,
            **options,
        )
        decision = result.decision
        if decision is Decision.NO_SUCH_LINK:
            return result, _error(_NOT_FOUND, "no such link")
        if decision is Decision.INACTIVE:
            return result, _error(_NOT_FOUND, "this link is no longer active")
        if decision is Decision.THROTTLED:
            return result, self._too_many(result.retry_after)
        if decision is Decision.NOT_SINGLE_FILE:
            return result, _error(
                "405 Method Not Allowed",
                "this link is read with a manifest POST",
                [("Allow", "POST")],
            )
        if decision is Decision.NO_CONTENT:
            return result, _error(_NOT_FOUND, "this link has no content")
        return result, None

    def _manifest(self, token: str, environ: dict[str, Any]) -> _Response:
        body = self._read_body(environ)
        recipient = self._recipient(body.get("recipient"))
        passcode = body.get("passcode")
        if passcode is not None and not isinstance(passcode, str):
            raise _BadRequest("400 Bad Request", "passcode must be a string")
        embedded_max = body.get("embeddedLengthMax")
        if embedded_max is not None and (
            isinstance(embedded_max, bool) or not isinstance(embedded_max, int) or embedded_max < 0
        ):
            raise _BadRequest("400 Bad Request", "embeddedLengthMax must be a whole number >= 0")

        # One transaction serves a link without passcode; a passcode link is checked between
        # a first one (is it active, not polled too soon?) and the one that serves it.
        result, refusal = self._retrieve(token, recipient, "manifest", embedded_max=embedded_max)
        if refusal is not None:
            return refusal
        if result.decision is Decision.PASSCODE:
            assert result.link is not None
            refusal = self._check_passcode(result.link, recipient, passcode)
            if refusal is not None:
                return refusal
            result, refusal = self._retrieve(
                token, recipient, "manifest", embedded_max=embedded_max, passcode_checked=True
            )
            if refusal is not None:
                return refusal
        link = result.link
        assert link is not None and result.decision is Decision.SERVED

        file_status = "can-change" if FLAG_LONG_TERM in link.flags else "finalized"
        base = self._base_url(environ)
        entries = []
        for stored in result.files:
            entry: dict[str, Any] = {"contentType": stored.content_type}
            if stored.position in result.locations:
                entry["location"] = f"{base}/shl/file/{result.locations[stored.position]}"
            else:
                entry["embedded"] = stored.jwe
            entry["lastUpdated"] = _iso(stored.last_updated)
            entry["status"] = file_status
            if base_media_type(stored.content_type) == FHIR_JSON:
                entry["fhirVersion"] = FHIR_VERSION
            entries.append(entry)
        headers: list[tuple[str, str]] = []
        if FLAG_LONG_TERM in link.flags and self.config.min_poll_interval > 0:
            headers.append(("Retry-After", str(math.ceil(self.config.min_poll_interval))))
        return _json("200 OK", {"status": file_status, "files": entries}, headers)

    def _check_passcode(
        self, link: LinkRecord, recipient: str, passcode: str | None
    ) -> _Response | None:
        assert link.passcode_hash is not None
        if passcode is None:
            # Not a guess: nothing to count, but say how many tries remain.
            self.store.log_access(
                link.id, recipient, "manifest", Outcome.MISSING_PASSCODE, self.config.clock()
            )
            return _json("401 Unauthorized", {"remainingAttempts": link.remaining_attempts})
        deadline = time.monotonic() + BUSY_WAIT_SECONDS
        reservation = self.store.reserve_attempt(link.id, self.config.clock())
        # Every remaining attempt is being checked right now; wait for one to resolve.
        while reservation.ticket is None and not reservation.locked:
            if time.monotonic() > deadline:
                return self._too_many(1)
            time.sleep(0.01)
            reservation = self.store.reserve_attempt(link.id, self.config.clock())
        if reservation.ticket is None:
            return self._refuse(link, recipient, "manifest", LinkStatus.LOCKED)
        correct = False
        try:
            correct = verify_passcode(passcode, link.passcode_hash)
        finally:
            remaining = self.store.finish_attempt(link.id, reservation.ticket, wrong=not correct)
        if correct:
            return None
        self.store.log_access(
            link.id, recipient, "manifest", Outcome.WRONG_PASSCODE, self.config.clock()
        )
        return _json("401 Unauthorized", {"remainingAttempts": remaining})

    def _direct(self, token: str, environ: dict[str, Any]) -> _Response:
        query = parse_qs(str(environ.get("QUERY_STRING", "")), max_num_fields=20)
        recipient = self._recipient(query.get("recipient", [""])[0])
        result, refusal = self._retrieve(token, recipient, "direct", single_file=True)
        if refusal is not None:
            return refusal
        if result.decision is Decision.PASSCODE:  # the spec: U links carry no passcode
            return _error(
                "405 Method Not Allowed",
                "this link is read with a manifest POST",
                [("Allow", "POST")],
            )
        return _Response(
            "200 OK", result.files[0].jwe.encode("ascii"), [("Content-Type", "application/jose")]
        )

    def _location(self, token: str) -> _Response:
        taken = self.store.take_location(token, self.config.clock())
        if taken is None:
            return _error(_NOT_FOUND, "no such file")
        _link, stored, outcome = taken
        if outcome is not Outcome.OK or stored is None:
            return _error(_NOT_FOUND, "this file address has expired or was already used")
        return _Response(
            "200 OK", stored.jwe.encode("ascii"), [("Content-Type", "application/jose")]
        )


# -- running it in-process -------------------------------------------------------------------


# Manifest bodies are a few hundred bytes; the limits are waitress's (see wsgi_server).
HOST_LIMITS = ServerLimits(max_request_body=64 * 1024)


def http_base(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def lan_address() -> str | None:
    """This machine's address on the local network, for the booth's phone demo.

    Connecting a UDP socket sends no packet; it only asks the OS which interface
    would route there.
    """
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.168.0.1", 9))
            address = str(probe.getsockname()[0])
    except OSError:
        return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address


@dataclass
class RunningHost:
    base_url: str
    host: str
    port: int
    _server: RunningServer

    def stop(self) -> None:
        self._server.stop()

    @property
    def running(self) -> bool:
        return self._server.running


def serve(
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    public_url: str | None = None,
    store: LinkStore | None = None,
    config: HostConfig | None = None,
    limits: ServerLimits | None = None,
) -> RunningHost:
    """Start the host in a background thread; ``port=0`` picks a free port."""
    config = config if config is not None else HostConfig(public_url=public_url)
    if public_url and not config.public_url:
        config = HostConfig(
            public_url=public_url,
            min_poll_interval=config.min_poll_interval,
            location_lifetime=config.location_lifetime,
            clock=config.clock,
        )
    app = ShlHostApp(store, config)
    server = serve_wsgi(app, host, port, limits=limits or HOST_LIMITS, name="shl-host")
    base_url = (config.public_url or http_base(host, server.port)).rstrip("/")
    app.config = replace(config, public_url=base_url)  # location URLs from the bound address
    return RunningHost(base_url=base_url, host=host, port=server.port, _server=server)


__all__ = [
    "HostConfig",
    "RunningHost",
    "ShlHostApp",
    "http_base",
    "lan_address",
    "serve",
]
