"""Ordering and choosing FHIR package versions (semver-like, with pre-releases such as ``-ballot``).

Package versions in the FHIR world are mostly semver (``4.0.1``, ``5.3.0-ballot-tc1``); dependency
lists also use ``current``, ``dev``, ``latest`` and patch wildcards (``4.0.x``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SPLIT = re.compile(r"[.\-+]")

# Sort keys: a release sorts after any of its pre-releases (1.0.0-ballot < 1.0.0).
VersionKey = tuple[tuple[int, int, str], ...]


def version_key(version: str) -> VersionKey:
    main, _, pre = version.partition("-")
    parts: list[tuple[int, int, str]] = []
    for piece in _SPLIT.split(main):
        parts.append((1, int(piece), "") if piece.isdigit() else (0, 0, piece))
    # Pad so that 1.0 == 1.0.0 in ordering.
    while len(parts) < 3:
        parts.append((1, 0, ""))
    if pre:
        parts.append((0, 0, "pre"))
        for piece in _SPLIT.split(pre):
            parts.append((1, int(piece), "") if piece.isdigit() else (0, 0, piece))
    else:
        parts.append((1, 0, "release"))
    return tuple(parts)


def latest(versions: Iterable[str]) -> str | None:
    candidates = list(versions)
    if not candidates:
        return None
    releases = [v for v in candidates if "-" not in v]
    return max(releases or candidates, key=version_key)


def _matches_wildcard(requested: str, version: str) -> bool:
    req = requested.split(".")
    have = version.split("-")[0].split(".")
    for index, piece in enumerate(req):
        if piece in ("x", "X", "*"):
            return True
        if index >= len(have) or have[index] != piece:
            return False
    return len(req) == len(have)


def choose_version(requested: str | None, available: Iterable[str]) -> tuple[str | None, bool]:
    """Pick the version to use for ``requested`` among ``available``.

    Returns ``(version, exact)``; ``exact`` is False when a different version had to stand in
    (the nearest: the lowest version above the requested one, else the highest below it).
    """
    versions = sorted(set(available), key=version_key)
    if not versions:
        return None, False
    if requested is None or requested in ("latest", "current", "dev", "*", ""):
        return latest(versions), True
    if requested in versions:
        return requested, True
    if any(ch in requested for ch in "xX*"):
        matching = [v for v in versions if _matches_wildcard(requested, v)]
        if matching:
            return latest(matching), True
        requested = re.sub(r"[xX*]", "0", requested)
    wanted = version_key(requested)
    above = [v for v in versions if version_key(v) > wanted]
    if above:
        return above[0], False
    return versions[-1], False
