"""The Link Provider: create, update, revoke and list the person's SMART Health Links."""

from __future__ import annotations

import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP
from xshare_desktop.core.shl import jwe
from xshare_desktop.core.shl.content import ShareFile
from xshare_desktop.core.shl.passcode import hash_passcode
from xshare_desktop.core.shl.payload import (
    FLAG_LONG_TERM,
    FLAG_PASSCODE,
    FLAG_SINGLE_FILE,
    KEY_BYTES,
    ShlPayload,
    b64url_encode,
    build_payload,
    encode_uri,
)
from xshare_desktop.core.shl.store import (
    DEFAULT_MAX_ATTEMPTS,
    AccessEntry,
    LinkRecord,
    LinkStatus,
    LinkStore,
    StoredFile,
)
from xshare_desktop.core.shl.viewer import VIEWER_PATH

MANIFEST_PATH = "/shl/"


@dataclass(frozen=True)
class LinkOptions:
    passcode: str | None = None
    expires: float | None = None
    one_time: bool = False
    long_term: bool = False
    single_file: bool = False
    label: str | None = None
    viewer: str | None = None
    max_attempts: int = DEFAULT_MAX_ATTEMPTS


@dataclass(frozen=True)
class LinkSummary:
    record: LinkRecord
    status: LinkStatus
    uri: str
    files: list[str]
    accesses: list[AccessEntry] = field(default_factory=list)


def normalise_base_url(base_url: str) -> str:
    base_url = base_url.strip().rstrip("/")
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "The link host address {base_url} is not an http(s) address such as http://127.0.0.1:8765.",
            ).format(base_url=repr(base_url))
        )
    if parts.query or parts.fragment:
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "The link host address must not contain ? or #.")
        )
    return base_url


def host_viewer_url(base_url: str) -> str:
    """The web viewer of the link host at ``base_url``: links behind it open on a phone."""
    return normalise_base_url(base_url) + VIEWER_PATH


def _flags(options: LinkOptions) -> str:
    flags = ""
    if options.long_term:
        flags += FLAG_LONG_TERM
    if options.passcode is not None:
        flags += FLAG_PASSCODE
    if options.single_file:
        flags += FLAG_SINGLE_FILE
    return flags


def _encrypt_files(files: Sequence[ShareFile], key: bytes, now: float) -> list[StoredFile]:
    return [
        StoredFile(
            position=index,
            name=item.name,
            content_type=item.content_type,
            jwe=jwe.encrypt(item.data, key, item.content_type),
            last_updated=now,
        )
        for index, item in enumerate(files)
    ]


def payload_for(record: LinkRecord) -> ShlPayload:
    return build_payload(
        url=record.manifest_url,
        key=record.usable_key(),
        exp=None if record.expires is None else int(record.expires),
        flags=record.flags,
        label=record.label,
    )


def uri_for(record: LinkRecord) -> str:
    return encode_uri(payload_for(record), viewer=record.viewer)


def _check_options(files: Sequence[ShareFile], options: LinkOptions, now: float) -> None:
    if not files:
        raise UserFacingError(QT_TRANSLATE_NOOP("Core", "Choose at least one file to share."))
    if options.single_file and len(files) != 1:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core", "A single-file link carries exactly one file; {count} were chosen."
            ).format(count=len(files))
        )
    if options.passcode is not None and not options.passcode.strip():
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core", "The passcode is empty; type one or share without a passcode."
            )
        )
    if options.one_time and options.long_term:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "A link cannot be both one-time and long-term: a long-term link is meant to be fetched again when its content changes.",
            )
        )
    if options.expires is not None and options.expires <= now:
        raise UserFacingError(QT_TRANSLATE_NOOP("Core", "The expiry time is already in the past."))
    if not 1 <= options.max_attempts <= 1000:
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "The number of passcode attempts must be between 1 and 1000.")
        )


def create_link(
    files: Sequence[ShareFile],
    options: LinkOptions,
    base_url: str,
    *,
    store: LinkStore | None = None,
    now: float | None = None,
) -> tuple[LinkRecord, str]:
    """Encrypt ``files`` under a fresh key, store them, and return the record and its URI."""
    store = store if store is not None else LinkStore()
    now = time.time() if now is None else now
    _check_options(files, options, now)
    base_url = normalise_base_url(base_url)
    key = secrets.token_bytes(KEY_BYTES)
    # 32 random bytes = 256 bits of entropy in the manifest URL, as the spec requires.
    token = b64url_encode(secrets.token_bytes(32))
    record = LinkRecord(
        id=secrets.token_hex(6),
        token=token,
        key=key,
        manifest_url=base_url + MANIFEST_PATH + token,
        label=options.label.strip() if options.label and options.label.strip() else None,
        flags=_flags(options),
        viewer=options.viewer.strip() if options.viewer and options.viewer.strip() else None,
        created=now,
        updated=now,
        expires=options.expires,
        passcode_hash=hash_passcode(options.passcode) if options.passcode is not None else None,
        max_attempts=options.max_attempts,
        failed_attempts=0,
        one_time=options.one_time,
        used_up=None,
        revoked=None,
    )
    uri = uri_for(record)  # validates url length, label length and flags before storing
    store.insert_link(record, _encrypt_files(files, key, now))
    return record, uri


def require_link(store: LinkStore, link_id: str) -> LinkRecord:
    record = store.link(link_id.strip())
    if record is None:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core", "There is no link with id {link_id}; `xshare shl list` shows them."
            ).format(link_id=repr(link_id))
        )
    return record


def update_link(
    link_id: str,
    files: Sequence[ShareFile],
    *,
    store: LinkStore | None = None,
    now: float | None = None,
) -> LinkRecord:
    """Replace a long-term link's content; same key, fresh IVs, as the spec requires."""
    store = store if store is not None else LinkStore()
    now = time.time() if now is None else now
    record = require_link(store, link_id)
    if FLAG_LONG_TERM not in record.flags:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "Only a long-term link can get new content; create a new link for this content.",
            )
        )
    status = record.status(now)
    if status in (LinkStatus.REVOKED, LinkStatus.EXPIRED):
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core", "The link is {value}; its content can no longer change."
            ).format(value=status.value)
        )
    if not files:
        raise UserFacingError(QT_TRANSLATE_NOOP("Core", "Choose at least one file to share."))
    if FLAG_SINGLE_FILE in record.flags and len(files) != 1:
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "A single-file link carries exactly one file.")
        )
    store.replace_files(record.id, _encrypt_files(files, record.usable_key(), now), now)
    return require_link(store, record.id)


def revoke_link(link_id: str, *, store: LinkStore | None = None, now: float | None = None) -> bool:
    """Stop a link for good; ``False`` when it was already revoked."""
    store = store if store is not None else LinkStore()
    record = require_link(store, link_id)
    return store.revoke(record.id, time.time() if now is None else now)


def list_links(*, store: LinkStore | None = None, now: float | None = None) -> list[LinkSummary]:
    store = store if store is not None else LinkStore()
    now = time.time() if now is None else now
    return [
        LinkSummary(
            record=record,
            status=record.status(now),
            uri=uri_for(record),
            files=[stored.name for stored in store.files(record.id)],
            accesses=store.accesses(record.id),
        )
        for record in store.links()
    ]
