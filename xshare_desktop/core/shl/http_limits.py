"""Limits on a whole HTTP download, shared by the link consumer and the vendor workbench.

A socket timeout bounds each wait for data, and restarts with every byte; a host that
trickles one byte every few seconds could therefore hold a download for ever. Reading
through ``read_within`` also bounds the whole transfer. ``is_loopback`` tells both callers
which hosts they reach without a proxy.
"""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

# Seconds a whole download may take, however steadily the bytes arrive.
TRANSFER_DEADLINE = 300.0
_CHUNK = 64 * 1024


class TransferTooSlow(Exception):
    """The transfer was still going when its deadline passed (the caller words the message)."""


def deadline_after(seconds: float) -> float:
    """The ``time.monotonic()`` moment ``seconds`` from now, for ``read_within``."""
    return time.monotonic() + seconds


def read_within(
    response: Any,
    limit: int,
    deadline: float,
    *,
    on_chunk: Callable[[int], None] | None = None,
) -> bytes:
    """Read at most ``limit`` bytes; raise ``TransferTooSlow`` once ``deadline`` has passed.

    ``deadline`` is a ``time.monotonic()`` moment (see ``deadline_after``). ``read1``
    returns what has arrived instead of waiting for a full chunk, so the deadline is
    checked between the trickled bytes. ``on_chunk`` hears the size of each chunk (progress).
    """
    read = getattr(response, "read1", None) or response.read
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        if time.monotonic() > deadline:
            raise TransferTooSlow
        chunk = read(min(_CHUNK, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if on_chunk is not None:
            on_chunk(len(chunk))
    return b"".join(chunks)


def is_loopback(url: str) -> bool:
    """Whether ``url`` names this machine: such a host must never be reached through a proxy."""
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
