"""Strict base64url for the parts of the JOSE tokens this app writes and checks.

Decoders ignore the unused low bits of a part's last character, so a changed character
there decodes to the same bytes. A signed or protected output must fail verification on
every changed byte, so the parts are accepted only in their one canonical spelling.
"""

from __future__ import annotations

import base64
import binascii

_NOT_BASE64URL = frozenset("+/= \t\r\n")


def is_canonical_b64url(part: str) -> bool:
    """True when ``part`` is exactly how unpadded base64url writes the bytes it decodes to."""
    if len(part) % 4 == 1 or any(ch in _NOT_BASE64URL for ch in part):
        return False
    try:
        raw = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
    except (binascii.Error, ValueError):
        return False
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii") == part
