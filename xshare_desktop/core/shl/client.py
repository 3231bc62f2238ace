"""The Link Consumer: resolve a SMART Health Link, fetch its files, decrypt them.

Every way this can fail has its own error type with a message a citizen can act
on (``client_errors.py``, re-exported here); refusals by the server
(``LinkAccessRefused``) are kept apart from damaged links or responses, so front
ends can tell "access refused" from "bad input". One HTTP request within the
fetch's deadline is ``client_http.py``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, urlsplit

import orjson

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP
from xshare_desktop.core.progress import Progress, ensure_progress
from xshare_desktop.core.shl import jwe
from xshare_desktop.core.shl.client_errors import (
    BadResponse,
    HostUnreachable,
    LinkAccessRefused,
    LinkExpired,
    LinkNotActive,
    PasscodeRequired,
    TooManyRequests,
    TooSlow,
    WrongPasscode,
)
from xshare_desktop.core.shl.client_http import (
    _Fetch,
    _HttpResult,
    _is_jose,
    _media_type,
    _request,
    _retry_after,
)
from xshare_desktop.core.shl.content import FHIR_JSON, SMART_API_ACCESS, SMART_HEALTH_CARD
from xshare_desktop.core.shl.payload import ShlPayload, decode_uri

# The error types live in client_errors.py and the HTTP in client_http.py; the front ends and
# tests name the errors through this module.
__all__ = [
    "DEFAULT_TIMEOUT",
    "MAX_FILES",
    "MAX_FILE_BYTES",
    "MAX_MANIFEST_BYTES",
    "TRANSFER_DEADLINE",
    "BadResponse",
    "HostUnreachable",
    "LinkAccessRefused",
    "LinkExpired",
    "LinkNotActive",
    "PasscodeRequired",
    "Retrieval",
    "RetrievedFile",
    "TooManyRequests",
    "TooSlow",
    "WrongPasscode",
    "expiry_in_words",
    "refuse_expired",
    "resolve_content_type",
    "retrieve",
]

DEFAULT_TIMEOUT = 20.0
# Seconds the whole fetch (manifest and every file) may take by default, however steadily a
# host trickles bytes; ``retrieve(deadline=...)``, ``xshare shl open --deadline`` and the GUI
# setting change it. A module value so tests can shorten it.
TRANSFER_DEADLINE = 30.0
MAX_MANIFEST_BYTES = 160 * 1024 * 1024
MAX_FILE_BYTES = 160 * 1024 * 1024
MAX_FILES = 200


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
