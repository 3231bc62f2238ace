"""The Link Consumer: resolve a SMART Health Link, fetch its files, decrypt them.

Every way this can fail has its own error type with a message a citizen can act
on; refusals by the server (``LinkAccessRefused``) are kept apart from damaged
links or responses, so front ends can tell "access refused" from "bad input".
"""

from __future__ import annotations

import email.message
import email.utils
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, urlsplit

import orjson

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP, Message
from xshare_desktop.core.progress import Progress, ensure_progress
from xshare_desktop.core.shl import http_limits, jwe
from xshare_desktop.core.shl.content import (
    FHIR_JSON,
    SMART_API_ACCESS,
    SMART_HEALTH_CARD,
    base_media_type,
)
from xshare_desktop.core.shl.payload import ShlPayload, decode_uri

DEFAULT_TIMEOUT = 20.0
# Seconds the whole fetch (manifest and every file) may take by default, however steadily a
# host trickles bytes; ``retrieve(deadline=...)``, ``xshare shl open --deadline`` and the GUI
# setting change it. A module value so tests can shorten it.
TRANSFER_DEADLINE = 30.0
MAX_MANIFEST_BYTES = 160 * 1024 * 1024
MAX_FILE_BYTES = 160 * 1024 * 1024
MAX_FILES = 200
USER_AGENT = "xshare-desktop SHL consumer"


class LinkAccessRefused(UserFacingError):
    """The host answered, and said no (wrong passcode, inactive link, too many requests)."""


class PasscodeRequired(UserFacingError):
    """The link has the P flag and no passcode was given: ask the person for one."""

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Core", "This link is protected by a passcode. Ask the sender for it and type it."
            )
        )


class WrongPasscode(LinkAccessRefused):
    def __init__(self, remaining_attempts: int | None) -> None:
        if remaining_attempts is None:
            message = QT_TRANSLATE_NOOP("Core", "The passcode is wrong.")
        elif remaining_attempts == 0:
            message = QT_TRANSLATE_NOOP(
                "Core", "The passcode is wrong, and no attempts are left: the link is now disabled."
            )
        elif remaining_attempts == 1:
            message = QT_TRANSLATE_NOOP(
                "Core", "The passcode is wrong. 1 attempt is left before the link is disabled."
            )
        else:
            message = QT_TRANSLATE_NOOP(
                "Core",
                "The passcode is wrong. {count} attempts are left before the link is disabled.",
            ).format(count=remaining_attempts)
        super().__init__(message)
        self.remaining_attempts = remaining_attempts


class LinkNotActive(LinkAccessRefused):
    """404: the host does not know the link, or it expired, was used up, revoked or locked."""


class LinkExpired(LinkNotActive):
    pass


class TooManyRequests(LinkAccessRefused):
    def __init__(self, retry_after: int | None) -> None:
        if retry_after:
            message = QT_TRANSLATE_NOOP(
                "Core",
                "The link host says this link was fetched too often. "
                "Try again in {seconds} seconds.",
            ).format(seconds=retry_after)
        else:
            message = QT_TRANSLATE_NOOP(
                "Core", "The link host says this link was fetched too often. Try again later."
            )
        super().__init__(message)
        self.retry_after = retry_after


class HostUnreachable(UserFacingError):
    """No answer from the link host (offline, wrong address, host not running)."""


class TooSlow(HostUnreachable):
    """The host answered but did not finish within the whole-fetch deadline."""

    def __init__(self, message: Message, seconds: float) -> None:
        super().__init__(message)
        self.seconds = seconds


class BadResponse(UserFacingError):
    """The host answered with something the spec does not allow."""


@dataclass(frozen=True)
class RetrievedFile:
    # What the file is, resolved as ``resolve_content_type`` says.
    content_type: str
    # The JWE's cty header; None when the file does not state it (other implementations).
    jwe_content_type: str | None
    data: bytes
    last_updated: str | None = None
    status: str | None = None
    # The manifest entry's contentType; None for a U (single-file) link.
    listed_content_type: str | None = None


@dataclass(frozen=True)
class Retrieval:
    payload: ShlPayload
    files: list[RetrievedFile]
    manifest_status: str | None = None


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


def _refusal(result: _HttpResult, payload: ShlPayload, now: float) -> UserFacingError:
    if result.status == 401:
        remaining: int | None = None
        try:
            body = orjson.loads(result.body)
            value = body.get("remainingAttempts") if isinstance(body, dict) else None
            if isinstance(value, int) and not isinstance(value, bool):
                remaining = max(0, value)
        except orjson.JSONDecodeError:
            pass
        return WrongPasscode(remaining)
    if result.status == 404:
        if payload.exp is not None and payload.exp <= now:
            return LinkExpired(
                QT_TRANSLATE_NOOP(
                    "Core", "This link expired on {expiry_in_words}. Ask the sender for a new one."
                ).format(expiry_in_words=expiry_in_words(payload.exp))
            )
        return LinkNotActive(
            QT_TRANSLATE_NOOP(
                "Core",
                "This link is no longer active: it was revoked, already used, expired, or locked after too many wrong passcodes. Ask the sender for a new one.",
            )
        )
    if result.status == 429:
        return TooManyRequests(_retry_after(result.headers))
    if result.status in (403, 410):
        return LinkNotActive(
            QT_TRANSLATE_NOOP(
                "Core", "The link host refuses this link. Ask the sender for a new one."
            )
        )
    return BadResponse(
        QT_TRANSLATE_NOOP(
            "Core", "The link host answered with an error (HTTP {status}); try again later."
        ).format(status=result.status)
    )


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


def _decrypt(token: bytes | str, payload: ShlPayload, max_plaintext: int) -> jwe.DecryptedFile:
    return jwe.decrypt(token, payload.key_bytes, max_plaintext=max_plaintext)


def _fetch_jose(url: str, fetch: _Fetch, *, what: str) -> bytes:
    result = _request(url, fetch, max_bytes=MAX_FILE_BYTES)
    if result.status != 200:
        if result.status == 404:
            raise LinkNotActive(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "The link host no longer offers {what} (its address expired or was already used). Open the link again to get fresh addresses.",
                ).format(what=what)
            )
        raise BadResponse(
            QT_TRANSLATE_NOOP("Core", "The link host answered HTTP {status} for {what}.").format(
                status=result.status, what=what
            )
        )
    if not _is_jose(result):
        raise BadResponse(
            QT_TRANSLATE_NOOP(
                "Core",
                "The link host sent {what} as {value} instead of application/jose (an encrypted file), so it is refused.",
            ).format(what=what, value=_media_type(result.headers) or "an unknown type")
        )
    return result.body


def _manifest_entries(body: bytes) -> tuple[list[dict[str, Any]], str | None]:
    try:
        manifest = orjson.loads(body)
    except orjson.JSONDecodeError:
        raise BadResponse(
            QT_TRANSLATE_NOOP("Core", "The link host sent a manifest that is not valid JSON.")
        ) from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), list):
        raise BadResponse(
            QT_TRANSLATE_NOOP("Core", "The link host sent a manifest without a list of files.")
        )
    files = manifest["files"]
    if len(files) > MAX_FILES:
        raise BadResponse(
            QT_TRANSLATE_NOOP(
                "Core", "The manifest lists {count} files; at most {MAX_FILES} are opened."
            ).format(count=len(files), MAX_FILES=MAX_FILES)
        )
    entries = []
    for entry in files:
        if not isinstance(entry, dict):
            raise BadResponse(
                QT_TRANSLATE_NOOP(
                    "Core", "The manifest has a file entry that is not a JSON object."
                )
            )
        if not isinstance(entry.get("embedded"), str) and not isinstance(
            entry.get("location"), str
        ):
            raise BadResponse(
                QT_TRANSLATE_NOOP(
                    "Core", "The manifest has a file entry with neither content nor address."
                )
            )
        entries.append(entry)
    status = manifest.get("status")
    return entries, status if isinstance(status, str) else None


def resolve_content_type(jwe_cty: str | None, listed: str | None, plaintext: bytes) -> str:
    """What a file is: the JWE ``cty``, else the manifest's ``contentType``, else its shape.

    SHL STU1 has every file carry ``cty``; published links from other implementations
    carry ``{alg, enc, kid}`` only and let the manifest entry say what the file is. A
    ``U`` link has no manifest, so an unlabelled file is known by its JSON shape.
    """
    if jwe_cty:
        return jwe_cty
    if listed:
        return listed
    try:
        body = orjson.loads(plaintext)
    except orjson.JSONDecodeError:
        body = None
    if isinstance(body, dict):
        if isinstance(body.get("verifiableCredential"), list):
            return SMART_HEALTH_CARD
        if isinstance(body.get("resourceType"), str):
            return FHIR_JSON
        if isinstance(body.get("access_token"), str):
            return SMART_API_ACCESS
    raise BadResponse(
        QT_TRANSLATE_NOOP(
            "Core",
            "The file behind this link does not say what it contains (no cty header) and is neither a FHIR resource nor a SMART Health Card, so it cannot be opened.",
        )
    )


def expiry_in_words(exp: float) -> str:
    """``exp`` as the person's local time, e.g. ``2026-12-02 16:30 CET``."""
    try:
        moment = datetime.fromtimestamp(exp, UTC).astimezone()
    except (OverflowError, OSError, ValueError):
        return f"{exp:.0f} (epoch seconds)"
    return moment.strftime("%Y-%m-%d %H:%M %Z").strip()


def refuse_expired(payload: ShlPayload, now: float) -> None:
    """SHL STU1: a receiver SHOULD NOT fetch a link whose ``exp`` has passed; say when it did."""
    if payload.exp is not None and payload.exp <= now:
        raise LinkExpired(
            QT_TRANSLATE_NOOP(
                "Core",
                "This link expired on {expiry_in_words}, so it was not fetched. Ask the sender for a new one.",
            ).format(expiry_in_words=expiry_in_words(payload.exp))
        )


def retrieve(
    link: str | ShlPayload,
    *,
    recipient: str,
    passcode: str | None = None,
    embedded_length_max: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    deadline: float | None = None,
    max_plaintext: int = jwe.DEFAULT_MAX_PLAINTEXT,
    progress: Progress | None = None,
    now: float | None = None,
) -> Retrieval:
    """Fetch and decrypt everything behind a link (manifest or ``U`` direct file).

    ``deadline`` bounds the whole fetch in seconds (default ``TRANSFER_DEADLINE``, 30 s).
    """
    progress = ensure_progress(progress)
    payload = decode_uri(link) if isinstance(link, str) else link
    now = time.time() if now is None else now
    if not recipient.strip():
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "Say who is receiving the link (a name or organisation).")
        )
    refuse_expired(payload, now)
    if payload.needs_passcode and not passcode:
        raise PasscodeRequired()
    seconds = TRANSFER_DEADLINE if deadline is None else deadline
    if not seconds > 0:
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "The download time limit must be more than 0 seconds.")
        )
    fetch = _Fetch.start(seconds, timeout, progress)
    progress.step(0, 1, "Contacting the link host")

    if payload.single_file:
        url = payload.url + ("&" if "?" in payload.url else "?") + "recipient=" + quote(recipient)
        result = _request(url, fetch, max_bytes=MAX_FILE_BYTES)
        if result.status != 200:
            raise _refusal(result, payload, now)
        if not _is_jose(result):
            raise BadResponse(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "The link host did not send an encrypted file (application/jose) for this single-file link.",
                )
            )
        progress.step(1, 2, "Decrypting")
        decrypted = _decrypt(result.body, payload, max_plaintext)
        content_type = resolve_content_type(decrypted.content_type, None, decrypted.plaintext)
        file = RetrievedFile(content_type, decrypted.content_type, decrypted.plaintext)
        progress.step(2, 2, "Done")
        return Retrieval(payload, [file])

    request: dict[str, Any] = {"recipient": recipient}
    if payload.needs_passcode:
        request["passcode"] = passcode
    if embedded_length_max is not None:
        request["embeddedLengthMax"] = embedded_length_max
    result = _request(
        payload.url,
        fetch,
        method="POST",
        body=orjson.dumps(request),
        content_type="application/json",
        max_bytes=MAX_MANIFEST_BYTES,
    )
    if result.status != 200:
        raise _refusal(result, payload, now)
    if _media_type(result.headers) != "application/json":
        raise BadResponse(
            QT_TRANSLATE_NOOP(
                "Core",
                "The link host did not answer with a manifest (application/json); it may not be a SMART Health Link host.",
            )
        )
    entries, manifest_status = _manifest_entries(result.body)
    files = []
    total = len(entries)
    for index, entry in enumerate(entries):
        progress.step(index, total, f"Fetching file {index + 1} of {total}")
        embedded = entry.get("embedded")
        if isinstance(embedded, str):
            token: bytes | str = embedded
        else:
            location = str(entry["location"])
            if urlsplit(location).scheme not in ("http", "https"):
                raise BadResponse(
                    QT_TRANSLATE_NOOP(
                        "Core", "The manifest points to a file with a non-http address."
                    )
                )
            token = _fetch_jose(location, fetch, what=f"file {index + 1}")
        decrypted = _decrypt(token, payload, max_plaintext)
        # Liberal: an entry without contentType is still read (the JWE cty or shape says).
        listed_value = entry.get("contentType")
        listed = listed_value if isinstance(listed_value, str) and listed_value else None
        last_updated = entry.get("lastUpdated")
        status = entry.get("status")
        files.append(
            RetrievedFile(
                content_type=resolve_content_type(
                    decrypted.content_type, listed, decrypted.plaintext
                ),
                jwe_content_type=decrypted.content_type,
                data=decrypted.plaintext,
                last_updated=last_updated if isinstance(last_updated, str) else None,
                status=status if isinstance(status, str) else None,
                listed_content_type=listed,
            )
        )
    progress.step(total, total, "Done")
    return Retrieval(payload, files, manifest_status)
