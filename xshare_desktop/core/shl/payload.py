"""SMART Health Link payloads and ``shlink:/`` URIs (HL7 smart-health-cards-and-links STU1).

The provider side builds payloads strictly (every SHALL of the spec is checked);
the receiver side is lenient where the spec asks it to be: unknown properties
and flags are ignored, and only what is needed to fetch and decrypt is required.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import orjson

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP

SCHEME = "shlink:/"
SUPPORTED_VERSION = 1
MAX_URL_CHARS = 128
MAX_LABEL_CHARS = 80
KEY_BYTES = 32
KEY_CHARS = 43
# A pasted link that is megabytes long is not a link; refuse before decoding.
MAX_URI_CHARS = 64 * 1024

FLAG_LONG_TERM = "L"
FLAG_PASSCODE = "P"
FLAG_SINGLE_FILE = "U"
KNOWN_FLAGS = frozenset({FLAG_LONG_TERM, FLAG_PASSCODE, FLAG_SINGLE_FILE})

_BASE64URL = re.compile(r"^[A-Za-z0-9_-]*$")


class InvalidLink(UserFacingError):
    """The text is not a usable SMART Health Link."""


class UnsupportedLinkVersion(UserFacingError):
    """The link uses a newer protocol version than this app understands."""

    def __init__(self, version: int, label: str | None) -> None:
        if label:
            message = QT_TRANSLATE_NOOP(
                "Core",
                "This SMART Health Link “{label}” uses protocol version {version}; this app "
                "understands version {supported} only. Ask the sender for a link made for version "
                "{supported}, or use a newer app.",
            ).format(label=label, version=version, supported=SUPPORTED_VERSION)
        else:
            message = QT_TRANSLATE_NOOP(
                "Core",
                "This SMART Health Link uses protocol version {version}; this app understands "
                "version {supported} only. Ask the sender for a link made for version "
                "{supported}, or use a newer app.",
            ).format(version=version, supported=SUPPORTED_VERSION)
        super().__init__(message)
        self.version = version
        self.label = label


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    if not _BASE64URL.match(text) or len(text) % 4 == 1:
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class ShlPayload:
    url: str
    key: str
    exp: int | None = None
    flag: str = ""
    label: str | None = None
    v: int | None = None
    # Properties we do not know, kept so a round trip loses nothing.
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def key_bytes(self) -> bytes:
        return b64url_decode(self.key)

    @property
    def flags(self) -> frozenset[str]:
        return frozenset(self.flag)

    @property
    def version(self) -> int:
        return self.v if self.v is not None else 1

    @property
    def needs_passcode(self) -> bool:
        return FLAG_PASSCODE in self.flag

    @property
    def single_file(self) -> bool:
        return FLAG_SINGLE_FILE in self.flag

    @property
    def long_term(self) -> bool:
        return FLAG_LONG_TERM in self.flag

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = dict(self.extra)
        body["url"] = self.url
        body["key"] = self.key
        if self.exp is not None:
            body["exp"] = self.exp
        if self.flag:
            body["flag"] = self.flag
        if self.label is not None:
            body["label"] = self.label
        if self.v is not None:
            body["v"] = self.v
        return body


def normalise_flags(flags: str) -> str:
    """Flags as the spec writes them: each letter once, in alphabetical order."""
    return "".join(sorted(set(flags)))


def build_payload(
    *,
    url: str,
    key: bytes,
    exp: int | None = None,
    flags: str = "",
    label: str | None = None,
    version: int | None = None,
) -> ShlPayload:
    """A payload for a link we provide, refusing anything the spec forbids."""
    if len(url) > MAX_URL_CHARS:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "The manifest address is {count} characters long; SMART Health Links allow at most {MAX_URL_CHARS}. Use a shorter host address.",
            ).format(count=len(url), MAX_URL_CHARS=MAX_URL_CHARS)
        )
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core", "The manifest address {url} is not an http(s) address."
            ).format(url=repr(url))
        )
    if len(key) != KEY_BYTES:
        raise ValueError("an SHL key is exactly 32 bytes")
    flag = normalise_flags(flags)
    unknown = set(flag) - KNOWN_FLAGS
    if unknown:
        raise ValueError(f"unknown SHL flags {''.join(sorted(unknown))}")
    if FLAG_SINGLE_FILE in flag and FLAG_PASSCODE in flag:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "A single-file link cannot have a passcode (the SMART Health Links rules forbid the U and P flags together). Drop one of the two options.",
            )
        )
    if label is not None:
        label = label.strip()
        if len(label) > MAX_LABEL_CHARS:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "The label is {count} characters long; at most {MAX_LABEL_CHARS} are allowed.",
                ).format(count=len(label), MAX_LABEL_CHARS=MAX_LABEL_CHARS)
            )
        if not label:
            label = None
    if exp is not None and exp <= 0:
        raise ValueError("exp must be positive epoch seconds")
    return ShlPayload(
        url=url, key=b64url_encode(key), exp=exp, flag=flag, label=label, v=version, extra={}
    )


def encode_uri(payload: ShlPayload, viewer: str | None = None) -> str:
    """``shlink:/`` + base64url(minified JSON), optionally behind ``viewer#``."""
    body = orjson.dumps(payload.to_json())
    uri = SCHEME + b64url_encode(body)
    if viewer:
        viewer = viewer.strip()
        parts = urlsplit(viewer)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core", "The viewer address {viewer} is not an http(s) address."
                ).format(viewer=repr(viewer))
            )
        prefix = viewer if viewer.endswith("#") else viewer.split("#", 1)[0] + "#"
        uri = prefix + uri
    return uri


def extract_shlink(text: str) -> str:
    """The ``shlink:/...`` part of a pasted link, bare or behind a viewer URL and ``#``."""
    text = text.strip()
    if len(text) > MAX_URI_CHARS:
        raise InvalidLink(
            QT_TRANSLATE_NOOP("Core", "The pasted text is far too long to be a SMART Health Link.")
        )
    if text[: len(SCHEME)].lower() == SCHEME:
        return text
    if "#" in text:
        fragment = text.split("#", 1)[1]
        if fragment[: len(SCHEME)].lower() == SCHEME:
            return fragment
    raise InvalidLink(
        QT_TRANSLATE_NOOP(
            "Core",
            "This is not a SMART Health Link: it should start with “shlink:/” or contain “#shlink:/” after a viewer address.",
        )
    )


def decode_uri(text: str) -> ShlPayload:
    """Parse a pasted or scanned link into a payload a receiver can act on."""
    encoded = extract_shlink(text)[len(SCHEME) :].strip()
    try:
        raw = b64url_decode(encoded)
    except (ValueError, binascii.Error):
        raise InvalidLink(
            QT_TRANSLATE_NOOP(
                "Core",
                "The SMART Health Link is damaged: the part after “shlink:/” is not valid base64url text. Copy the whole link again.",
            )
        ) from None
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise InvalidLink(
            QT_TRANSLATE_NOOP(
                "Core",
                "The SMART Health Link is damaged: its content is not JSON. Copy the whole link again.",
            )
        ) from None
    if not isinstance(body, dict):
        raise InvalidLink(
            QT_TRANSLATE_NOOP(
                "Core", "The SMART Health Link is damaged: its content is not a JSON object."
            )
        )
    return payload_from_json(body)


def payload_from_json(body: dict[str, Any]) -> ShlPayload:
    label = body.get("label")
    if not isinstance(label, str):
        label = None
    version = body.get("v")
    if version is not None:
        if isinstance(version, bool) or not isinstance(version, int | float):
            raise InvalidLink(
                QT_TRANSLATE_NOOP(
                    "Core", "The SMART Health Link has a version (v) that is not a number."
                )
            )
        if version != int(version):
            raise InvalidLink(
                QT_TRANSLATE_NOOP(
                    "Core", "The SMART Health Link has a version (v) that is not an integer."
                )
            )
        version = int(version)
        # The spec asks receivers to stop before contacting the server for a newer v.
        if version > SUPPORTED_VERSION:
            raise UnsupportedLinkVersion(version, label)
    url = body.get("url")
    if not isinstance(url, str) or not url:
        raise InvalidLink(
            QT_TRANSLATE_NOOP("Core", "The SMART Health Link has no manifest address (url).")
        )
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InvalidLink(
            QT_TRANSLATE_NOOP(
                "Core", "The SMART Health Link's manifest address is not an http(s) address."
            )
        )
    key = body.get("key")
    if not isinstance(key, str):
        raise InvalidLink(QT_TRANSLATE_NOOP("Core", "The SMART Health Link has no decryption key."))
    try:
        key_ok = len(key) == KEY_CHARS and len(b64url_decode(key)) == KEY_BYTES
    except (ValueError, binascii.Error):
        key_ok = False
    if not key_ok:
        raise InvalidLink(
            QT_TRANSLATE_NOOP(
                "Core",
                "The SMART Health Link's decryption key is damaged (it must be 43 base64url characters).",
            )
        )
    exp = body.get("exp")
    if exp is not None:
        if isinstance(exp, bool) or not isinstance(exp, int | float):
            raise InvalidLink(
                QT_TRANSLATE_NOOP(
                    "Core", "The SMART Health Link has an expiry time (exp) that is not a number."
                )
            )
        exp = int(exp)
    flag = body.get("flag", "")
    if not isinstance(flag, str):
        raise InvalidLink(QT_TRANSLATE_NOOP("Core", "The SMART Health Link's flags are not text."))
    extra = {
        name: value
        for name, value in body.items()
        if name not in ("url", "key", "exp", "flag", "label", "v")
    }
    return ShlPayload(url=url, key=key, exp=exp, flag=flag, label=label, v=version, extra=extra)
