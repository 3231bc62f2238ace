"""What the recipient gets from a link: named files, signature checks, and saving them.

Files are named here, never by the sender: a sender-chosen attachment title is
reduced to a plain file name, so nothing can be written outside the chosen folder.
A FHIR document keeps its exact bytes, so a detached signature over it verifies.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import atomic_write_bytes, parse_json_bytes
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP, Message
from xshare_desktop.core.progress import Progress, ensure_progress
from xshare_desktop.core.shl.client import BadResponse, Retrieval
from xshare_desktop.core.shl.content import (
    FHIR_JSON,
    JOSE,
    PDF,
    SMART_API_ACCESS,
    SMART_HEALTH_CARD,
    base_media_type,
)
from xshare_desktop.core.shl.health_card import BadHealthCard, HealthCard, read_health_card_file
from xshare_desktop.core.shl.issuers import IssuerStore
from xshare_desktop.core.signing.jws import SignatureCheck, verify_detached
from xshare_desktop.core.validation.issues import ValidationResult

if TYPE_CHECKING:
    from xshare_desktop.core.validation.engine import Validator

MAX_NAME_CHARS = 120
MAX_SIGNATURES = 20
_WRAPPER_PREFIXES = ("Attached file ", "Detached signature (JWS) ")
_EXTENSIONS = {PDF: ".pdf", JOSE: ".jws", FHIR_JSON: ".json", "application/json": ".json"}


@dataclass
class ReceivedItem:
    name: str
    data: bytes
    media_type: str
    resource_type: str | None = None
    # True when the name came from the sender (an attachment title), not from us.
    named_by_sender: bool = False
    # Bundle.type of a Bundle ("document" is what the viewer shows).
    bundle_type: str | None = None
    # The SMART Health Card (1-based) whose FHIR Bundle this is, if it came from one.
    from_card: int | None = None

    @property
    def is_fhir(self) -> bool:
        return self.media_type == FHIR_JSON

    @property
    def is_signature(self) -> bool:
        return self.media_type == JOSE


@dataclass(frozen=True)
class SignatureResult:
    signature_name: str
    signed_name: str | None
    check: SignatureCheck


@dataclass(frozen=True)
class DocumentValidation:
    name: str
    result: ValidationResult


@dataclass
class Received:
    label: str | None
    items: list[ReceivedItem]
    signatures: list[SignatureResult] = field(default_factory=list)
    validations: list[DocumentValidation] = field(default_factory=list)
    notes: list[Message | str] = field(default_factory=list)  # str: already translated
    cards: list[HealthCard] = field(default_factory=list)

    @property
    def documents(self) -> list[ReceivedItem]:
        return [item for item in self.items if item.is_fhir]


def safe_file_name(name: str, fallback: str) -> str:
    """A plain file name: no folders, no control characters, no leading dots."""
    name = unicodedata.normalize("NFC", name)
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = re.sub(r'[<>:"|?*]', "_", name).strip().lstrip(".").strip()
    if len(name) > MAX_NAME_CHARS:
        stem, dot, suffix = name.rpartition(".")
        name = (
            (stem[: MAX_NAME_CHARS - len(suffix) - 1] + dot + suffix)
            if dot
            else name[:MAX_NAME_CHARS]
        )
    if not name or name in (".", ".."):
        return fallback
    return name


def _attachment_bytes(attachment: dict[str, Any], index: int) -> bytes:
    try:
        data = base64.b64decode(str(attachment["data"]), validate=True)
    except (binascii.Error, ValueError):
        raise BadResponse(
            QT_TRANSLATE_NOOP(
                "Core", "File {index} has an attachment whose data is damaged."
            ).format(index=index)
        ) from None
    expected = attachment.get("hash")
    if isinstance(expected, str):
        actual = base64.b64encode(hashlib.sha1(data).digest()).decode("ascii")
        if actual != expected:
            raise BadResponse(
                QT_TRANSLATE_NOOP(
                    "Core", "File {index} has an attachment that does not match its hash."
                ).format(index=index)
            )
    return data


def _unpack_document_reference(
    resource: dict[str, Any], raw: bytes, index: int
) -> tuple[list[ReceivedItem], bool]:
    """Attachments carried inline; ``True`` when the resource was only our wrapper."""
    items = []
    contents = resource.get("content")
    for content in contents if isinstance(contents, list) else []:
        attachment = content.get("attachment") if isinstance(content, dict) else None
        if not isinstance(attachment, dict) or "data" not in attachment:
            continue
        media_type = base_media_type(
            str(attachment.get("contentType") or "application/octet-stream")
        )
        data = _attachment_bytes(attachment, index)
        fallback = f"attachment-{index}{_EXTENSIONS.get(media_type, '.bin')}"
        title = attachment.get("title")
        name = safe_file_name(title, fallback) if isinstance(title, str) else fallback
        items.append(ReceivedItem(name, data, media_type, named_by_sender=isinstance(title, str)))
    description = resource.get("description")
    wrapper_only = (
        len(items) == 1
        and isinstance(description, str)
        and description.startswith(_WRAPPER_PREFIXES)
    )
    return items, wrapper_only


def _unpack_health_cards(
    data: bytes, index: int, issuers: IssuerStore | None, first_card: int
) -> tuple[list[ReceivedItem], list[HealthCard]]:
    """The card file as it came, and each card's FHIR Bundle as a file of its own."""
    try:
        cards = read_health_card_file(data, issuers)
    except BadHealthCard as exc:
        raise BadResponse(
            QT_TRANSLATE_NOOP(
                "Core", "File {index} is not a usable SMART Health Card file: {exc}"
            ).format(index=index, exc=exc.text)
        ) from None
    items = [ReceivedItem(f"health-card-{index}.smart-health-card", data, SMART_HEALTH_CARD)]
    for card in cards:
        card.index = first_card + card.index - 1
        bundle = card.bundle_bytes
        if bundle is None or card.bundle is None:
            continue
        bundle_type = card.bundle.get("type")
        items.append(
            ReceivedItem(
                f"health-card-{card.index}-bundle.json",
                bundle,
                FHIR_JSON,
                resource_type="Bundle",
                bundle_type=bundle_type if isinstance(bundle_type, str) else None,
                from_card=card.index,
            )
        )
    return items, cards


def unpack(retrieval: Retrieval, *, issuers: IssuerStore | None = None) -> Received:
    """The files of a link as items to show and save; health cards are checked on the way.

    ``issuers`` are the trusted SMART Health Card issuers (default: the person's list).
    """
    items: list[ReceivedItem] = []
    notes: list[Message | str] = []
    cards: list[HealthCard] = []
    documents = 0
    for index, file in enumerate(retrieval.files, start=1):
        media_type = base_media_type(file.content_type)
        if (
            file.jwe_content_type
            and file.listed_content_type
            and base_media_type(file.jwe_content_type) != base_media_type(file.listed_content_type)
        ):
            notes.append(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "File {index} is listed as {listed} but encrypted as {encrypted}; it was read "
                    "as {media_type}.",
                ).format(
                    index=index,
                    listed=base_media_type(file.listed_content_type),
                    encrypted=base_media_type(file.jwe_content_type),
                    media_type=media_type,
                )
            )
        if media_type in (FHIR_JSON, SMART_HEALTH_CARD, SMART_API_ACCESS):
            try:
                body = parse_json_bytes(file.data, name=f"File {index} of the link")
            except UserFacingError as exc:
                raise BadResponse(
                    QT_TRANSLATE_NOOP(
                        "Core", "File {index} should be {media_type} but is not JSON: {message}"
                    ).format(index=index, media_type=media_type, message=exc.text)
                ) from None
            if not isinstance(body, dict):
                raise BadResponse(
                    QT_TRANSLATE_NOOP(
                        "Core", "File {index} should be a JSON object ({media_type})."
                    ).format(index=index, media_type=media_type)
                )
        else:
            notes.append(
                QT_TRANSLATE_NOOP(
                    "Core", "File {index} has content type {media_type}, which was ignored."
                ).format(index=index, media_type=media_type)
            )
            continue
        if media_type == SMART_HEALTH_CARD:
            card_items, file_cards = _unpack_health_cards(file.data, index, issuers, len(cards) + 1)
            items.extend(card_items)
            cards.extend(file_cards)
            continue
        if media_type == SMART_API_ACCESS:
            # SHL STU1: access to a FHIR API (a token and its server). This app reads what the
            # link carries and does not call other servers on the person's behalf.
            items.append(ReceivedItem(f"api-access-{index}.json", file.data, media_type))
            server = body.get("aud") if isinstance(body.get("aud"), str) else None
            notes.append(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "File {index} gives access to a FHIR server ({server}) instead of carrying "
                    "the data (application/smart-api-access). This app does not fetch from other "
                    "servers; the access details were saved as they came.",
                ).format(index=index, server=server)
                if server
                else QT_TRANSLATE_NOOP(
                    "Core",
                    "File {index} gives access to a FHIR server instead of carrying the data "
                    "(application/smart-api-access). This app does not fetch from other servers; "
                    "the access details were saved as they came.",
                ).format(index=index)
            )
            continue
        resource_type = body.get("resourceType")
        if not isinstance(resource_type, str):
            raise BadResponse(
                QT_TRANSLATE_NOOP(
                    "Core", "File {index} is labelled FHIR JSON but has no resourceType."
                ).format(index=index)
            )
        if resource_type == "DocumentReference":
            attachments, wrapper_only = _unpack_document_reference(body, file.data, index)
            items.extend(attachments)
            if wrapper_only:
                continue
        documents += 1
        stem = (
            "document" if resource_type == "Bundle" else safe_file_name(resource_type, "resource")
        )
        name = f"{stem}.json" if documents == 1 else f"{stem}-{documents}.json"
        bundle_type = body.get("type") if resource_type == "Bundle" else None
        items.append(
            ReceivedItem(
                name,
                file.data,
                media_type,
                resource_type=resource_type,
                bundle_type=bundle_type if isinstance(bundle_type, str) else None,
            )
        )
    _dedupe_names(items)
    return Received(label=retrieval.payload.label, items=items, notes=notes, cards=cards)


def _dedupe_names(items: list[ReceivedItem]) -> None:
    seen: set[str] = set()
    for item in items:
        stem, dot, suffix = item.name.rpartition(".")
        if not dot:
            stem, suffix = item.name, ""
        candidate, counter = item.name, 2
        while candidate.lower() in seen:
            candidate = f"{stem}-{counter}{dot}{suffix}"
            counter += 1
        item.name = candidate
        seen.add(candidate.lower())


def check_signatures(received: Received) -> list[SignatureResult]:
    """Verify every ``.jws`` against the file it signs, and name that file after it."""
    results = []
    candidates = [item for item in received.items if not item.is_signature]
    signatures = [item for item in received.items if item.is_signature]
    if len(signatures) > MAX_SIGNATURES:
        # Each signature is tried against every file; a hostile link must not make that endless.
        received.notes.append(
            QT_TRANSLATE_NOOP(
                "Core",
                "The link carries {count} signatures; only the first {checked} were checked.",
            ).format(count=len(signatures), checked=MAX_SIGNATURES)
        )
        signatures = signatures[:MAX_SIGNATURES]
    for signature in signatures:
        try:
            token = signature.data.decode("ascii")
        except UnicodeDecodeError:
            token = ""
        best: tuple[ReceivedItem | None, SignatureCheck] | None = None
        for candidate in candidates:
            check = verify_detached(candidate.data, token)
            if check.intact:
                best = (candidate, check)
                break
            if best is None:
                best = (None, check)
        if best is None:
            best = (None, verify_detached(b"", token))
        signed, check = best
        if signed is not None and not signed.named_by_sender:
            _name_after_signature(signed, signature.name)
        results.append(SignatureResult(signature.name, signed.name if signed else None, check))
    _dedupe_names(received.items)
    received.signatures = results
    return results


def load_validator() -> Validator:
    """The validator over the installed FHIR packages (R4 core, IPS...), shared by the process.

    Loading the packages takes seconds, so opening a second link reuses the context and its
    validator (``conformance_context``: one per package set, loaded afresh after an install).
    """
    from xshare_desktop.core.validation.checking import shared_checker

    return shared_checker()[1]


def validate_documents(
    received: Received,
    validator: Validator | None = None,
    *,
    progress: Progress | None = None,
) -> list[DocumentValidation]:
    """Check every FHIR resource received against its profiles, as for a local file.

    When no FHIR packages are installed the check cannot run; that is noted, not hidden.
    """
    progress = ensure_progress(progress)
    documents = received.documents
    if not documents:
        return []
    if validator is None:
        try:
            validator = load_validator()
        except UserFacingError as exc:
            received.notes.append(
                QT_TRANSLATE_NOOP("Core", "The documents were not validated: {reason}").format(
                    reason=exc.text
                )
            )
            return []
    results = []
    for index, item in enumerate(documents):
        progress.step(index, len(documents), f"Validating {item.name}")
        resource = parse_json_bytes(item.data, name=item.name)
        result = validator.validate(resource, progress=progress)
        results.append(DocumentValidation(item.name, result))
    progress.step(len(documents), len(documents), "Validated")
    received.validations = results
    return results


def _name_after_signature(document: ReceivedItem, signature_name: str) -> None:
    if not signature_name.lower().endswith(".jws"):
        return
    base = signature_name[: -len(".jws")]
    if not base:
        return
    document.name = base if base.lower().endswith(".json") else base + ".json"


def save(received: Received, out_dir: str | os.PathLike[str]) -> list[Path]:
    """Write every file atomically into ``out_dir``; existing files are never replaced.

    An item whose name is taken gets a numbered name, which its ``name`` then shows.
    """
    folder = Path(out_dir)
    if folder.exists() and not folder.is_dir():
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "{folder} is a file, not a folder.").format(folder=folder)
        )
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for item in received.items:
        stem, dot, suffix = item.name.rpartition(".")
        if not dot:
            stem, suffix = item.name, ""
        candidate, counter = item.name, 2
        while True:
            try:
                written.append(atomic_write_bytes(folder / candidate, item.data, overwrite=False))
                item.name = candidate
                break
            except UserFacingError:
                if not (folder / candidate).exists() or counter > 999:
                    raise
                candidate = f"{stem}-{counter}{dot}{suffix}"
                counter += 1
    return written
