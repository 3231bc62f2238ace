"""Which media type a shared file has, from its name and first bytes."""

from __future__ import annotations

import orjson

_BY_SUFFIX = {
    ".pdf": "application/pdf",
    ".zip": "application/zip",
    ".jws": "application/jose",
    ".jwe": "application/jose",
    ".txt": "text/plain",
    ".png": "image/png",
    ".svg": "image/svg+xml",
}


def guess_content_type(name: str, data: bytes) -> str:
    lowered = name.lower()
    if lowered.endswith(".json"):
        try:
            tree = orjson.loads(data)
        except orjson.JSONDecodeError:
            return "application/json"
        if isinstance(tree, dict) and isinstance(tree.get("resourceType"), str):
            return "application/fhir+json"
        return "application/json"
    for suffix, media_type in _BY_SUFFIX.items():
        if lowered.endswith(suffix):
            return media_type
    return "application/octet-stream"
