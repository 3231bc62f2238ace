"""The Link Consumer test set: links our host publishes, each with the behaviour it expects.

A vendor points their SHL viewer at each link and ticks whether it behaved as the table says.
Most variants are ordinary links made through the link provider and store (passcode, expired,
revoked, one-time, ``U``, ``L``); the deliberately broken ones are stored as they are (a
tampered JWE, a decompression bomb) or, where the host's public behaviour is correct by design,
served through ``BrokenVariantsMiddleware`` (a manifest with the wrong content type). Payload
variants (flags out of order, a long label, unknown fields, a newer version) are only the URI.

The set lives in its own SQLite file, never among the person's own links.
"""

from __future__ import annotations

import base64
import secrets
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import orjson
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from xshare_desktop.core import paths
from xshare_desktop.core.shl import provider
from xshare_desktop.core.shl.content import FHIR_JSON, ShareFile
from xshare_desktop.core.shl.host import HOST_LIMITS, HostConfig, ShlHostApp, http_base
from xshare_desktop.core.shl.payload import ShlPayload, b64url_encode, encode_uri
from xshare_desktop.core.shl.store import LinkRecord, LinkStore, StoredFile
from xshare_desktop.core.wsgi_server import RunningServer, serve_wsgi

TEST_PASSCODE = "xshare-test"
BOMB_PLAINTEXT_BYTES = 96 * 1024 * 1024  # above the 64 MB a careful consumer accepts
LONG_LABEL = (
    "xShare test link whose label is far longer than the eighty characters the SMART Health "
    "Links rules allow"
)


@dataclass(frozen=True)
class ConsumerTestLink:
    case_id: str
    title: str
    expected: str
    uri: str
    passcode: str | None = None
    conformant: bool = True  # False: the link itself breaks a rule on purpose

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.case_id,
            "title": self.title,
            "expected": self.expected,
            "uri": self.uri,
            "passcode": self.passcode,
            "conformantLink": self.conformant,
        }


def consumer_links_db() -> Path:
    return paths.sub_dir("workbench") / "test-links.sqlite3"


class BrokenVariantsMiddleware:
    """Wraps the link host; answers chosen manifest paths with a wrong Content-Type."""

    def __init__(self, app: Callable[..., Iterable[bytes]]) -> None:
        self.app = app
        self.wrong_content_type: dict[str, str] = {}

    def __call__(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        override = self.wrong_content_type.get(str(environ.get("PATH_INFO", "")).rstrip("/"))
        if override is None:
            return self.app(environ, start_response)

        def rewriting_start_response(
            status: str, headers: list[tuple[str, str]], *rest: Any
        ) -> Any:
            if status.startswith("200"):
                headers = [(k, v) for k, v in headers if k.lower() != "content-type"]
                headers.append(("Content-Type", override))
            return start_response(status, headers, *rest)

        return self.app(environ, rewriting_start_response)


def _bomb_jwe(key: bytes, size: int) -> str:
    """A valid dir/A256GCM JWE whose DEFLATE content expands to ``size`` bytes of spaces.

    Built by hand (jwcrypto would need the whole plaintext in memory to compress it): the
    compressed stream is produced in chunks, then sealed exactly as RFC 7516 describes.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b" " * (1024 * 1024)
    parts = [compressor.compress(chunk) for _ in range(size // len(chunk))]
    parts.append(compressor.flush())
    header = b64url_encode(
        orjson.dumps({"alg": "dir", "enc": "A256GCM", "cty": FHIR_JSON, "zip": "DEF"})
    )
    iv = secrets.token_bytes(12)
    sealed = AESGCM(key).encrypt(iv, b"".join(parts), header.encode("ascii"))
    ciphertext, tag = sealed[:-16], sealed[-16:]
    return ".".join([header, "", b64url_encode(iv), b64url_encode(ciphertext), b64url_encode(tag)])


def _tamper(token: str) -> str:
    """Flip one byte in the middle of the ciphertext: the GCM tag no longer matches."""
    parts = token.split(".")
    raw = bytearray(base64.urlsafe_b64decode(parts[3] + "=" * (-len(parts[3]) % 4)))
    raw[len(raw) // 2] ^= 0x01
    parts[3] = b64url_encode(bytes(raw))
    return ".".join(parts)


def _payload_variant(record: LinkRecord, **changes: Any) -> str:
    payload = provider.payload_for(record)
    body = payload.to_json()
    body.update(changes)
    return encode_uri(
        ShlPayload(
            url=str(body.pop("url")),
            key=str(body.pop("key")),
            exp=body.pop("exp", None),
            flag=str(body.pop("flag", "")),
            label=body.pop("label", None),
            v=body.pop("v", None),
            extra=body,
        )
    )


def publish_test_links(
    base_url: str,
    document: ShareFile,
    *,
    store: LinkStore,
    middleware: BrokenVariantsMiddleware | None = None,
    bomb_bytes: int = BOMB_PLAINTEXT_BYTES,
    now: float | None = None,
) -> list[ConsumerTestLink]:
    now = time.time() if now is None else now
    files = [document]
    links: list[ConsumerTestLink] = []

    def create(options: provider.LinkOptions, at: float = now) -> tuple[LinkRecord, str]:
        return provider.create_link(files, options, base_url, store=store, now=at)

    _record, uri = create(provider.LinkOptions(label="xShare test: valid link"))
    links.append(
        ConsumerTestLink(
            "valid",
            "A valid link",
            "Opens without questions and shows the document.",
            uri,
        )
    )
    _record, uri = create(
        provider.LinkOptions(
            label="xShare test: passcode", passcode=TEST_PASSCODE, max_attempts=1000
        )
    )
    links.append(
        ConsumerTestLink(
            "passcode",
            "Passcode required (flag P)",
            f"Asks for the passcode; with “{TEST_PASSCODE}” shows the document; a wrong one "
            "shows the remaining attempts from the 401 answer.",
            uri,
            passcode=TEST_PASSCODE,
        )
    )
    _record, uri = create(
        provider.LinkOptions(label="xShare test: expired", expires=now - 3600),
        at=now - 7200,
    )
    links.append(
        ConsumerTestLink(
            "expired",
            "Expired (exp in the past)",
            "Says the link has expired (exp is past; the host answers 404); shows no content.",
            uri,
        )
    )
    record, uri = create(provider.LinkOptions(label="xShare test: revoked"))
    store.revoke(record.id, now)
    links.append(
        ConsumerTestLink(
            "revoked",
            "Revoked by the sender",
            "Says the link is no longer active (404); shows no content.",
            uri,
        )
    )
    _record, uri = create(provider.LinkOptions(label="xShare test: one-time", one_time=True))
    links.append(
        ConsumerTestLink(
            "one-time",
            "One-time link",
            "Opens once; opening it again gets 404 and says it is no longer active.",
            uri,
        )
    )
    _record, uri = create(provider.LinkOptions(label="xShare test: single file", single_file=True))
    links.append(
        ConsumerTestLink(
            "single-file",
            "Single file (flag U)",
            "Fetches the file with GET ?recipient= (no manifest POST) and shows the document.",
            uri,
        )
    )
    _record, uri = create(provider.LinkOptions(label="xShare test: long-term", long_term=True))
    links.append(
        ConsumerTestLink(
            "long-term",
            "Long-term link (flag L)",
            "Opens and shows the document; polling again within 10 seconds gets 429 with "
            "Retry-After, which the viewer respects.",
            uri,
        )
    )
    lp_record, _uri = create(
        provider.LinkOptions(
            label="xShare test: flags out of order",
            passcode=TEST_PASSCODE,
            long_term=True,
            max_attempts=1000,
        )
    )
    links.append(
        ConsumerTestLink(
            "flags-out-of-order",
            "Flags not in alphabetical order (PL)",
            f"A lenient viewer still asks for the passcode (“{TEST_PASSCODE}”) and opens; a "
            "link checker reports the flag order.",
            _payload_variant(lp_record, flag="PL"),
            passcode=TEST_PASSCODE,
            conformant=False,
        )
    )
    record, _uri = create(provider.LinkOptions(label="xShare test: long label"))
    links.append(
        ConsumerTestLink(
            "long-label",
            f"Label of {len(LONG_LABEL)} characters (over 80)",
            "Opens; shows or shortens the label without breaking its layout.",
            _payload_variant(record, label=LONG_LABEL),
            conformant=False,
        )
    )
    record, _uri = create(provider.LinkOptions(label="xShare test: unknown fields"))
    links.append(
        ConsumerTestLink(
            "unknown-fields",
            "Unknown flag and payload field",
            "Ignores the unknown flag Z and the unknown field and opens the document.",
            _payload_variant(record, flag="Z", xshareTestField="ignore me"),
            conformant=False,
        )
    )
    record, _uri = create(provider.LinkOptions(label="xShare test: version 2"))
    links.append(
        ConsumerTestLink(
            "newer-version",
            "Newer protocol version (v 2)",
            "Says the link needs a newer app and does not contact the host.",
            _payload_variant(record, v=2),
        )
    )
    record, uri = create(provider.LinkOptions(label="xShare test: tampered file"))
    stored = store.files(record.id)
    store.replace_files(record.id, [replace(f, jwe=_tamper(f.jwe)) for f in stored], now)
    links.append(
        ConsumerTestLink(
            "bad-jwe",
            "Tampered encrypted file",
            "Refuses the file because it does not decrypt (changed on the way); shows no "
            "content and says why.",
            uri,
            conformant=False,
        )
    )
    record, uri = create(provider.LinkOptions(label="xShare test: wrong content type"))
    if middleware is not None:
        middleware.wrong_content_type[_path_of(record.manifest_url)] = "text/html"
        links.append(
            ConsumerTestLink(
                "wrong-content-type",
                "Manifest answered as text/html",
                "Refuses the answer because a manifest must be application/json; says the host "
                "is not a SMART Health Link host.",
                uri,
                conformant=False,
            )
        )
    record, uri = create(provider.LinkOptions(label="xShare test: oversized"))
    store.replace_files(
        record.id,
        [
            StoredFile(
                position=0,
                name="oversized.json",
                content_type=FHIR_JSON,
                jwe=_bomb_jwe(record.key, bomb_bytes),
                last_updated=now,
            )
        ],
        now,
    )
    links.append(
        ConsumerTestLink(
            "oversized",
            f"Decompression bomb ({bomb_bytes // (1024 * 1024)} MB once inflated)",
            "Refuses the file as too large without running out of memory or hanging.",
            uri,
            conformant=False,
        )
    )
    return links


def _path_of(url: str) -> str:
    return urlsplit(url).path.rstrip("/")


@dataclass
class ConsumerLinkHost:
    base_url: str
    links: list[ConsumerTestLink]
    store: LinkStore
    _server: RunningServer

    def stop(self) -> None:
        self._server.stop()

    def link(self, case_id: str) -> ConsumerTestLink:
        return next(link for link in self.links if link.case_id == case_id)


def serve_test_links(
    document: ShareFile,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    db: Path | None = None,
    bomb_bytes: int = BOMB_PLAINTEXT_BYTES,
    min_poll_interval: float = 10.0,
) -> ConsumerLinkHost:
    """Start a link host with a fresh test set; ``port=0`` picks a free port."""
    db = db if db is not None else consumer_links_db()
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    store = LinkStore(db)
    app = ShlHostApp(store, HostConfig(min_poll_interval=min_poll_interval))
    middleware = BrokenVariantsMiddleware(app)
    # The same server as the app's own link host (waitress), started once the links exist.
    server = serve_wsgi(middleware, host, port, limits=HOST_LIMITS, name="shl-test-links")
    base_url = http_base(host, server.port)
    app.config = replace(app.config, public_url=base_url)
    try:
        links = publish_test_links(
            base_url, document, store=store, middleware=middleware, bomb_bytes=bomb_bytes
        )
    except BaseException:
        server.stop()
        raise
    return ConsumerLinkHost(base_url, links, store, server)
