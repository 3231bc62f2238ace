"""The files a person shares by link, as the content types SMART Health Links allow.

A manifest may only carry ``application/fhir+json``, ``application/smart-health-card``
and ``application/smart-api-access``. A FHIR document goes as it is (its exact bytes,
so a detached signature over them still verifies); a PDF or a ``.jws`` signature
travels inside a FHIR ``DocumentReference`` whose attachment holds the bytes, which
any SHL receiver can display or store.
"""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import parse_json_bytes, read_input_bytes
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP

FHIR_JSON = "application/fhir+json"
SMART_HEALTH_CARD = "application/smart-health-card"
SMART_API_ACCESS = "application/smart-api-access"
MANIFEST_CONTENT_TYPES = frozenset({FHIR_JSON, SMART_HEALTH_CARD, SMART_API_ACCESS})
FHIR_VERSION = "4.0.1"

PDF = "application/pdf"
JOSE = "application/jose"
_ATTACHMENT_TYPES = {".pdf": PDF, ".jws": JOSE}
# Extra files are bounded so a link stays something a phone can fetch.
MAX_SHARED_FILE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class ShareFile:
    """One file as it goes into the link: a name for the sharer's list, a type, the bytes."""

    name: str
    content_type: str
    data: bytes


def base_media_type(content_type: str) -> str:
    """``application/fhir+json;fhirVersion=4.0.1`` -> ``application/fhir+json``."""
    return content_type.split(";", 1)[0].strip().lower()


def wrap_attachment(
    name: str, data: bytes, media_type: str, *, now: datetime | None = None
) -> bytes:
    """A DocumentReference carrying ``data`` inline, so it can travel as FHIR JSON."""
    when = (now or datetime.now(UTC)).replace(microsecond=0)
    description = (
        f"Detached signature (JWS) {name}" if media_type == JOSE else f"Attached file {name}"
    )
    resource: dict[str, Any] = {
        "resourceType": "DocumentReference",
        "status": "current",
        "date": when.isoformat().replace("+00:00", "Z"),
        "description": description,
        "content": [
            {
                "attachment": {
                    "contentType": media_type,
                    "data": base64.b64encode(data).decode("ascii"),
                    "size": len(data),
                    # FHIR R4 defines Attachment.hash as SHA-1.
                    "hash": base64.b64encode(hashlib.sha1(data).digest()).decode("ascii"),
                    "title": name,
                }
            }
        ],
    }
    return orjson.dumps(resource)


def share_file_from_bytes(name: str, data: bytes) -> ShareFile:
    suffix = Path(name).suffix.lower()
    if suffix in _ATTACHMENT_TYPES:
        media_type = _ATTACHMENT_TYPES[suffix]
        if media_type == PDF and not data.startswith(b"%PDF-"):
            raise UserFacingError(
                QT_TRANSLATE_NOOP("Core", "{name} does not look like a PDF file.").format(name=name)
            )
        return ShareFile(name, FHIR_JSON, wrap_attachment(name, data, media_type))
    if suffix == ".smart-health-card":
        body = parse_json_bytes(data, name=name)
        if not isinstance(body, dict) or not isinstance(body.get("verifiableCredential"), list):
            raise UserFacingError(
                QT_TRANSLATE_NOOP("Core", "{name} is not a SMART Health Card file.").format(
                    name=name
                )
            )
        return ShareFile(name, SMART_HEALTH_CARD, data)
    if suffix == ".json":
        body = parse_json_bytes(data, name=name)
        if not isinstance(body, dict) or not isinstance(body.get("resourceType"), str):
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "{name} is not a FHIR resource (it has no resourceType), so it cannot be shared as a health document.",
                ).format(name=name)
            )
        return ShareFile(name, FHIR_JSON, data)
    raise UserFacingError(
        QT_TRANSLATE_NOOP(
            "Core",
            "{name} cannot be shared by link: choose a FHIR document (.json), its PDF (.pdf), its signature (.jws) or a SMART Health Card (.smart-health-card).",
        ).format(name=name)
    )


def share_files_from_paths(file_paths: list[str | os.PathLike[str]]) -> list[ShareFile]:
    if not file_paths:
        raise UserFacingError(QT_TRANSLATE_NOOP("Core", "Choose at least one file to share."))
    files = []
    for file_path in file_paths:
        path = Path(file_path)
        data = read_input_bytes(path, max_bytes=MAX_SHARED_FILE_BYTES)
        files.append(share_file_from_bytes(path.name, data))
    return files
