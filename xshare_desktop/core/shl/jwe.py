"""SHL file encryption: compact JWE with ``alg: dir``, ``enc: A256GCM``, ``cty`` and ``zip: DEF``.

jwcrypto does the JOSE work. It refuses compressed data above 256 KiB when
decrypting, so we only compress when the result stays under that size: a file
we send must open in any jwcrypto-based receiver, ours included.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import orjson
from jwcrypto import jwe as jose_jwe
from jwcrypto import jwk
from jwcrypto.common import JWException

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP
from xshare_desktop.core.shl.payload import KEY_BYTES, b64url_decode, b64url_encode

ALG = "dir"
ENC = "A256GCM"
# Mirrors jwcrypto's own ceiling on compressed input (jwe.default_max_compressed_size).
MAX_COMPRESSED_BYTES = 256 * 1024
# Far above any health document; the guard against decompression bombs.
DEFAULT_MAX_PLAINTEXT = 64 * 1024 * 1024
MAX_TOKEN_CHARS = 150 * 1024 * 1024

# Receiving: other providers compress whatever the size (the spec allows zip: DEF on any file),
# e.g. a 5,000-entry document deflates to 645 KB. jwcrypto's default 256 KiB ceiling on
# compressed input would refuse that; the bomb guard is the plaintext limit, which jwcrypto
# enforces while inflating, so the compressed ceiling can be as large as any token we accept.
if jose_jwe.default_max_compressed_size < MAX_TOKEN_CHARS:
    jose_jwe.default_max_compressed_size = MAX_TOKEN_CHARS


class BadEncryptedFile(UserFacingError):
    """A file in the link cannot be decrypted or is not what the spec allows."""


class OversizedContent(BadEncryptedFile):
    """A file is too large or expands into something too large (decompression bomb)."""


@dataclass(frozen=True)
class DecryptedFile:
    # The JWE's cty header, or None when the file does not state it (see ``decrypt``).
    content_type: str | None
    plaintext: bytes


def _key(raw: bytes) -> jwk.JWK:
    if len(raw) != KEY_BYTES:
        raise ValueError("an SHL key is exactly 32 bytes")
    return jwk.JWK(kty="oct", k=b64url_encode(raw))


def encrypt(plaintext: bytes, key: bytes, content_type: str, *, compress: bool = True) -> str:
    """Encrypt under ``key``; jwcrypto draws a fresh random IV for every call."""
    if not plaintext:
        raise ValueError("an SHL file is never empty (jwcrypto cannot decrypt an empty one)")
    header: dict[str, str] = {"alg": ALG, "enc": ENC, "cty": content_type}
    if compress and len(zlib.compress(plaintext)) - 6 <= MAX_COMPRESSED_BYTES:
        header["zip"] = "DEF"
    token = jose_jwe.JWE(plaintext, protected=orjson.dumps(header).decode("ascii"))
    token.add_recipient(_key(key))
    return str(token.serialize(compact=True))


def read_header(token: str) -> dict[str, object]:
    parts = token.split(".")
    if len(parts) != 5:
        raise BadEncryptedFile(
            QT_TRANSLATE_NOOP(
                "Core",
                "A file in the link is not a compact JWE (it should have five parts separated by dots).",
            )
        )
    try:
        header = orjson.loads(b64url_decode(parts[0]))
    except (ValueError, orjson.JSONDecodeError):
        raise BadEncryptedFile(
            QT_TRANSLATE_NOOP("Core", "A file in the link has a damaged JWE header.")
        ) from None
    if not isinstance(header, dict):
        raise BadEncryptedFile(
            QT_TRANSLATE_NOOP("Core", "A file in the link has a damaged JWE header.")
        )
    return header


def decrypt(
    token: str | bytes, key: bytes, *, max_plaintext: int = DEFAULT_MAX_PLAINTEXT
) -> DecryptedFile:
    """Decrypt one SHL file, refusing any algorithm but dir/A256GCM and any bomb."""
    if isinstance(token, bytes):
        try:
            token = token.decode("ascii")
        except UnicodeDecodeError:
            raise BadEncryptedFile(
                QT_TRANSLATE_NOOP("Core", "A file in the link is not a JWE (it is not ASCII text).")
            ) from None
    token = token.strip()
    if len(token) > MAX_TOKEN_CHARS:
        raise OversizedContent(
            QT_TRANSLATE_NOOP("Core", "A file in the link is too large to open.")
        )
    header = read_header(token)
    if header.get("alg") != ALG or header.get("enc") != ENC:
        raise BadEncryptedFile(
            QT_TRANSLATE_NOOP(
                "Core",
                "A file in the link uses encryption {alg}/{enc}; SMART Health Links use {ALG}/{ENC} only, so it is refused.",
            ).format(alg=header.get("alg"), enc=header.get("enc"), ALG=ALG, ENC=ENC)
        )
    if token.split(".")[1]:
        raise BadEncryptedFile(
            QT_TRANSLATE_NOOP(
                "Core", "A file in the link carries an encrypted key, which dir forbids."
            )
        )
    zip_method = header.get("zip")
    if zip_method not in (None, "DEF"):
        raise BadEncryptedFile(
            QT_TRANSLATE_NOOP(
                "Core", "A file in the link uses unknown compression {zip_method}."
            ).format(zip_method=repr(zip_method))
        )
    # SHL STU1 has the JWE carry cty, but published links from other implementations carry
    # only {alg, enc, kid}: the manifest entry's contentType says what the file is. A missing
    # cty is read as "not stated" and the caller decides; a cty that is not text is damage.
    content_type = header.get("cty")
    if content_type is not None and (not isinstance(content_type, str) or not content_type):
        raise BadEncryptedFile(
            QT_TRANSLATE_NOOP(
                "Core", "A file in the link has a damaged cty header (it is not text)."
            )
        )
    try:
        parsed = jose_jwe.JWE()
        parsed.deserialize(token)
        parsed.decrypt(_key(key), max_plaintext=max_plaintext)
    except (JWException, ValueError, TypeError) as exc:
        if "exceeds maximum allowed" in str(exc) or "exceeds maximum allowed" in repr(
            getattr(parsed, "decryptlog", "")
        ):
            raise OversizedContent(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "A file in the link expands to more than {number} MB when decompressed; it is refused as a possible decompression bomb.",
                ).format(number=max_plaintext // (1024 * 1024))
            ) from None
        raise BadEncryptedFile(
            QT_TRANSLATE_NOOP(
                "Core",
                "A file in the link could not be decrypted: it was changed on the way or does not belong to this link.",
            )
        ) from None
    plaintext = parsed.plaintext
    if plaintext is None:
        raise BadEncryptedFile(
            QT_TRANSLATE_NOOP("Core", "A file in the link could not be decrypted.")
        )
    if len(plaintext) > max_plaintext:
        raise OversizedContent(
            QT_TRANSLATE_NOOP("Core", "A file in the link is too large to open.")
        )
    return DecryptedFile(content_type=content_type, plaintext=bytes(plaintext))
