"""The Link Consumer's HTTP: one request within the whole fetch's deadline, and what it answered.

Redirects go to http(s) only, a loopback link host is never sent through a proxy, and every
read stops at a byte limit and at the deadline (``http_limits``), so a host that trickles bytes
is told apart (``TooSlow``) from one that cannot be reached (``HostUnreachable``).
``core/shl/client.py`` uses these to fetch a manifest and its files.
"""

from __future__ import annotations

import email.message
import email.utils
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP
from xshare_desktop.core.progress import Progress, ensure_progress
from xshare_desktop.core.shl import http_limits, jwe
from xshare_desktop.core.shl.client_errors import BadResponse, HostUnreachable, TooSlow
from xshare_desktop.core.shl.content import base_media_type

USER_AGENT = "xshare-desktop SHL consumer"


@dataclass(frozen=True)
class _HttpResult:
    status: int
    headers: email.message.Message
    body: bytes


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) only (urllib would also follow ftp)."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise BadResponse(
                QT_TRANSLATE_NOOP(
                    "Core", "The link host redirected to an address that is not http(s)."
                )
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener(url: str) -> urllib.request.OpenerDirector:
    # A proxy must never see a loopback link host (and would not reach it anyway).
    if http_limits.is_loopback(url):
        return urllib.request.build_opener(urllib.request.ProxyHandler({}), _HttpOnlyRedirects())
    return urllib.request.build_opener(_HttpOnlyRedirects())


def _host_name(url: str) -> str:
    return urlsplit(url).netloc or url


@dataclass(frozen=True)
class _Fetch:
    """One whole fetch: its deadline, the socket timeout, and where to report bytes."""

    deadline: float  # a time.monotonic() moment
    seconds: float
    timeout: float
    progress: Progress

    @classmethod
    def start(cls, seconds: float, timeout: float, progress: Progress | None = None) -> _Fetch:
        return cls(http_limits.deadline_after(seconds), seconds, timeout, ensure_progress(progress))

    def socket_timeout(self, url: str) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise _too_slow(url, self.seconds)
        return max(0.05, min(self.timeout, left))


def _too_slow(url: str, seconds: float) -> TooSlow:
    return TooSlow(
        QT_TRANSLATE_NOOP(
            "Core",
            "The link host {host_name} did not send everything within {seconds} seconds (it is sending too slowly); the download was stopped. Try again later.",
        ).format(host_name=_host_name(url), seconds=format(seconds, "g")),
        seconds,
    )


def _request(
    url: str,
    fetch: _Fetch,
    *,
    method: str = "GET",
    body: bytes | None = None,
    content_type: str | None = None,
    max_bytes: int,
) -> _HttpResult:
    headers = {"User-Agent": USER_AGENT}
    if content_type:
        headers["Content-Type"] = content_type
    request = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        response = _opener(url).open(request, timeout=fetch.socket_timeout(url))
    except urllib.error.HTTPError as exc:
        with exc:
            try:
                data = _read_within(exc, 64 * 1024, fetch, url)
            except (TimeoutError, ConnectionError, OSError):
                data = b""
            return _HttpResult(exc.code, exc.headers, data)
    except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
        if time.monotonic() >= fetch.deadline:
            raise _too_slow(url, fetch.seconds) from None
        reason = getattr(exc, "reason", exc)
        raise HostUnreachable(
            QT_TRANSLATE_NOOP(
                "Core",
                "The link host {host_name} cannot be reached ({reason}). Check that you are online, on the same network as the sender, and that their link host is running.",
            ).format(host_name=_host_name(url), reason=reason)
        ) from None
    with response:
        try:
            data = _read_within(response, max_bytes + 1, fetch, url)
        except (TimeoutError, ConnectionError, OSError):
            raise HostUnreachable(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "The connection to the link host {host_name} broke off during the download.",
                ).format(host_name=_host_name(url))
            ) from None
        if len(data) > max_bytes:
            raise jwe.OversizedContent(
                QT_TRANSLATE_NOOP(
                    "Core", "The link host sent more than {number} MB; it is refused."
                ).format(number=max_bytes // (1024 * 1024))
            )
        return _HttpResult(response.status, response.headers, data)


def _read_within(response: Any, limit: int, fetch: _Fetch, url: str) -> bytes:
    """Read at most ``limit`` bytes, giving up when the whole fetch passes its deadline."""
    received = 0

    def report(size: int) -> None:
        nonlocal received
        received += size
        # Honours cancel between the trickled bytes, and shows that data is arriving.
        fetch.progress.step(0, 1, f"Downloading ({received // 1024:,} KB received)")

    try:
        return http_limits.read_within(response, limit, fetch.deadline, on_chunk=report)
    except http_limits.TransferTooSlow:
        raise _too_slow(url, fetch.seconds) from None


def _retry_after(headers: email.message.Message) -> int | None:
    value = headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(0, int(value.strip()))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0, int(when.timestamp() - time.time()))


def _media_type(headers: email.message.Message) -> str:
    return base_media_type(str(headers.get("Content-Type") or ""))


def _is_jose(result: _HttpResult) -> bool:
    """An encrypted file: ``application/jose`` as SHL STU1 says, or a compact JWE by its shape.

    Published links host their files statically (e.g. a ``.txt`` on a file host), served as
    ``text/plain`` or ``application/octet-stream``; the five-part JWE is still what it is.
    """
    if _media_type(result.headers) == "application/jose":
        return True
    body = result.body.strip()
    return bool(body) and body.isascii() and body.count(b".") == 4 and b" " not in body
