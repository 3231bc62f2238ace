"""The workbench's HTTP calls to a vendor's link host, recorded as evidence.

Unlike the Link Consumer client (``core/shl/client.py``), which turns every answer into either
files or a refusal, a label test needs the raw exchange: status, headers, body. Network
failures are recorded, never raised, so one broken step fails its test case and no other.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any

import orjson

from xshare_desktop.core.shl import http_limits
from xshare_desktop.core.shl.content import base_media_type

USER_AGENT = "xshare-desktop label workbench"
MAX_RESPONSE_BYTES = 160 * 1024 * 1024
# Seconds a whole exchange may take; read at call time so a test can shorten it.
TRANSFER_DEADLINE = http_limits.TRANSFER_DEADLINE


@dataclass(frozen=True)
class Exchange:
    method: str
    url: str
    status: int | None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    error: str | None = None
    request_body: dict[str, Any] | None = None

    @property
    def media_type(self) -> str:
        return base_media_type(self.headers.get("content-type", ""))

    def json(self) -> Any:
        try:
            return orjson.loads(self.body)
        except orjson.JSONDecodeError:
            return None

    def summary(self) -> str:
        if self.error:
            return f"{self.method} failed: {self.error}"
        return (
            f"{self.method} answered HTTP {self.status}, Content-Type {self.media_type or '(none)'}"
        )

    def as_evidence(self) -> dict[str, Any]:
        """What the evidence pack keeps: no passcode, no file contents."""
        request = dict(self.request_body or {})
        if "passcode" in request:
            request["passcode"] = "(given)"
        return {
            "method": self.method,
            "status": self.status,
            "contentType": self.headers.get("content-type"),
            "bodyBytes": len(self.body),
            "request": request or None,
            "error": self.error,
        }


def _what_is_sent(method: str) -> str:
    # In a SMART Health Link exchange only the manifest is POSTed; GETs fetch a file.
    return "the manifest" if method == "POST" else "the file"


def call(
    url: str,
    *,
    method: str = "GET",
    json_body: dict[str, Any] | None = None,
    timeout: float = 20.0,
    max_bytes: int = MAX_RESPONSE_BYTES,
    deadline: float | None = None,
) -> Exchange:
    """One exchange; ``timeout`` bounds each wait, ``deadline`` (seconds) the whole transfer."""
    seconds = TRANSFER_DEADLINE if deadline is None else deadline
    ends = http_limits.deadline_after(seconds)
    too_slow = f"the server took longer than {seconds:g} s to send {_what_is_sent(method)}"
    headers = {"User-Agent": USER_AGENT}
    data = None
    if json_body is not None:
        data = orjson.dumps(json_body)
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    # A loopback host must never be reached through a proxy.
    opener = (
        urllib.request.build_opener(urllib.request.ProxyHandler({}))
        if http_limits.is_loopback(url)
        else urllib.request.build_opener()
    )
    try:
        response = opener.open(request, timeout=timeout)
    except urllib.error.HTTPError as exc:
        with exc:
            try:
                body = http_limits.read_within(exc, 64 * 1024, ends)
            except http_limits.TransferTooSlow:
                return Exchange(method, url, None, error=too_slow, request_body=json_body)
            except (TimeoutError, ConnectionError, OSError) as broken:
                return Exchange(
                    method,
                    url,
                    None,
                    error=f"download broke off ({broken})",
                    request_body=json_body,
                )
            return Exchange(
                method,
                url,
                exc.code,
                {k.lower(): v for k, v in exc.headers.items()},
                body,
                request_body=json_body,
            )
    except (urllib.error.URLError, TimeoutError, ConnectionError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        return Exchange(method, url, None, error=str(reason), request_body=json_body)
    with response:
        # An answer that never arrives whole has no status: the test cases see a failed exchange.
        try:
            body = http_limits.read_within(response, max_bytes + 1, ends)
        except http_limits.TransferTooSlow:
            return Exchange(method, url, None, error=too_slow, request_body=json_body)
        except (TimeoutError, ConnectionError, OSError) as exc:
            return Exchange(
                method,
                url,
                None,
                error=f"download broke off ({exc})",
                request_body=json_body,
            )
        if len(body) > max_bytes:
            return Exchange(
                method,
                url,
                response.status,
                error=f"more than {max_bytes} bytes",
                request_body=json_body,
            )
        return Exchange(
            method,
            url,
            response.status,
            {k.lower(): v for k, v in response.headers.items()},
            body,
            request_body=json_body,
        )
