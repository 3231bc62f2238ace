"""Passcodes are kept only as salted scrypt hashes (RFC 7914), never as text."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

# Interactive-login strength: about 50 ms per check, which also slows guessing.
_N, _R, _P = 2**14, 8, 1
_LENGTH = 32
_PREFIX = "scrypt"


def _derive(passcode: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        passcode.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=_LENGTH, maxmem=64 * 1024 * 1024
    )


def hash_passcode(passcode: str) -> str:
    salt = secrets.token_bytes(16)
    digest = _derive(passcode, salt, _N, _R, _P)
    return "$".join(
        [
            _PREFIX,
            str(_N),
            str(_R),
            str(_P),
            base64.b64encode(salt).decode("ascii"),
            base64.b64encode(digest).decode("ascii"),
        ]
    )


def verify_passcode(passcode: str, stored: str) -> bool:
    try:
        prefix, n, r, p, salt, digest = stored.split("$")
        if prefix != _PREFIX:
            return False
        expected = base64.b64decode(digest)
        actual = _derive(passcode, base64.b64decode(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(expected, actual)
