"""Share: apply the selection and options, then write the chosen formats.

``prepare_share`` does all the work in memory (the GUI previews its result);
``PreparedShare.files`` turns it into the bytes of each chosen format, made once
and kept, so the preview, a signature and the written file are the same bytes;
``share`` writes them. Files are written atomically, never over an
existing file unless ``overwrite`` is set, and their names carry no personal
data (document kind and time only). The PDF renderer is passed in as a
callable so this core module never touches Qt.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import atomic_write_bytes, dumps_json
from xshare_desktop.core.gc_pause import collector_paused
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP
from xshare_desktop.core.progress import Progress, ensure_progress
from xshare_desktop.core.sharing.narrative import regenerate_narratives
from xshare_desktop.core.sharing.pdf_html import NotShared, document_html, not_shared_lines
from xshare_desktop.core.sharing.provenance import add_provenance
from xshare_desktop.core.sharing.prune import LeftOut, check_authors, check_document, prune
from xshare_desktop.core.sharing.pseudonymise import Change, pseudonymise
from xshare_desktop.core.sharing.selection import Selection
from xshare_desktop.core.sharing.translate import (
    TranslationReport,
    language_base,
    translate_document,
)
from xshare_desktop.core.sharing.wellformed import refuse_malformed

FORMATS = ("fhir-json", "pdf")
# (the prepared share, title) -> PDF bytes; the renderer builds its pages from the shared
# document itself (render.share_pdf), so it can repeat the patient on every page
PdfRenderer = Callable[["PreparedShare", str], bytes]


class FilesExistError(UserFacingError):
    """Some output files exist already; nothing was written. The GUI asks before replacing."""

    def __init__(self, names: list[str]) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Core",
                "{names} already exists; nothing was written. "
                "Allow replacing files or choose another folder.",
            ).format(names=", ".join(names))
        )
        self.names = names


_KIND_NAMES = {"60591-5": "patient-summary", "11502-2": "laboratory-report"}
# File names for a person who reads Danish (ASCII, so every file system and mail client keeps them).
_KIND_NAMES_DA = {"60591-5": "patientoversigt", "11502-2": "laboratoriesvar"}


@dataclass(frozen=True)
class ShareOptions:
    formats: tuple[str, ...] = ("fhir-json",)
    pseudonymise: bool = False
    language: str | None = None  # "da" or "en"; None keeps the document's language
    overwrite: bool = False
    # one salt for the preview and the files, so the person sees the pseudonym they will share
    pseudonym_salt: bytes | None = None
    # the language of the file names ("da": patientoversigt-delt-…); None: English names
    file_language: str | None = None

    def __post_init__(self) -> None:
        unknown = [f for f in self.formats if f not in FORMATS]
        if unknown or not self.formats:
            raise UserFacingError(
                QT_TRANSLATE_NOOP("Core", "Unknown format {value}; choose from {names}.").format(
                    value=", ".join(unknown) or "(none)", names=", ".join(FORMATS)
                )
            )
        for language in (self.language, self.file_language):
            if language not in (None, "da", "en"):
                raise UserFacingError(
                    QT_TRANSLATE_NOOP(
                        "Core", "Language '{language}' is not offered; choose da or en."
                    ).format(language=language)
                )


@dataclass
class PreparedShare:
    document: dict[str, Any]
    html: str
    left_out: list[LeftOut]
    changes: list[Change]
    translation: TranslationReport | None
    language: str
    created: datetime
    stem: str
    # what the recipient may be told is missing, each with its true reason (for the PDF)
    not_shared: list[NotShared] = field(default_factory=list)
    # bytes already made from this share: "fhir-json" once, the PDF once per renderer
    _made: dict[object, bytes] = field(default_factory=dict, repr=False, compare=False)

    @property
    def title(self) -> str:
        return str(self.document["entry"][0]["resource"].get("title") or "Health document")

    def fhir_json(self) -> bytes:
        """The FHIR JSON of the shared document, exactly as it is written (made once)."""
        if "fhir-json" not in self._made:
            self._made["fhir-json"] = dumps_json(self.document)
        return self._made["fhir-json"]

    def pdf(self, renderer: PdfRenderer) -> bytes:
        """The PDF ``renderer`` makes of this share, made once per renderer and kept.

        A PDF carries its own creation time, so rendering twice gives other bytes; keeping
        the first makes the preview, the signature and the written file one PDF.
        """
        if renderer not in self._made:
            self._made[renderer] = renderer(self, self.title)
        return self._made[renderer]

    def files(
        self,
        formats: tuple[str, ...],
        pdf_renderer: PdfRenderer | None = None,
        progress: Progress | None = None,
    ) -> list[tuple[str, bytes]]:
        """(file name, bytes) of each chosen format, in memory; nothing is written."""
        progress = ensure_progress(progress)
        if "pdf" in formats and pdf_renderer is None:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core", "PDF output needs the PDF renderer, which is not available here."
                )
            )
        outputs: list[tuple[str, bytes]] = []
        if "fhir-json" in formats:
            outputs.append((f"{self.stem}.json", self.fhir_json()))
        if "pdf" in formats:
            assert pdf_renderer is not None
            progress.step(4, 5, "Making the PDF")
            outputs.append((f"{self.stem}.pdf", self.pdf(pdf_renderer)))
        return outputs


@dataclass
class ShareResult:
    files: list[Path]
    left_out: list[LeftOut]
    changes: list[Change]
    prepared: PreparedShare | None = field(default=None, repr=False)


def _stem(document: dict[str, Any], created: datetime, file_language: str | None = None) -> str:
    composition = document["entry"][0]["resource"]
    coding: dict[str, Any] = next(iter((composition.get("type") or {}).get("coding") or []), {})
    code = coding.get("code")
    stamp = f"{created.astimezone(UTC):%Y%m%d-%H%M%S}"
    if file_language == "da":
        return f"{_KIND_NAMES_DA.get(str(code), 'helbredsdokument')}-delt-{stamp}"
    kind = _KIND_NAMES.get(str(code), "health-document")
    return f"{kind}-shared-{stamp}"


def prepare_share(
    document_json: dict[str, Any],
    selection: Selection,
    options: ShareOptions,
    progress: Progress | None = None,
    *,
    now: datetime | None = None,
    salt: bytes | None = None,
) -> PreparedShare:
    """Build the output document and its human-readable HTML; nothing is written."""
    with collector_paused():
        return _prepare_share(document_json, selection, options, progress, now=now, salt=salt)


def _prepare_share(
    document_json: dict[str, Any],
    selection: Selection,
    options: ShareOptions,
    progress: Progress | None,
    *,
    now: datetime | None,
    salt: bytes | None,
) -> PreparedShare:
    progress = ensure_progress(progress)
    created = now or datetime.now(UTC)
    progress.step(0, 5, "Applying your selection")
    composition, _ = check_document(document_json)
    check_authors(composition)  # before the shape check: its message is the plainer one
    refuse_malformed(document_json, progress)
    pruned = prune(document_json, selection, now=created, keep_free_text=not options.pseudonymise)
    bundle = pruned.bundle
    changes: list[Change] = []
    if options.pseudonymise:
        progress.step(1, 5, "Replacing what identifies you")
        people = [
            e["resource"]
            for e in document_json.get("entry") or []
            if isinstance(e, dict)
            and isinstance(e.get("resource"), dict)
            and e["resource"].get("resourceType") in ("Patient", "RelatedPerson")
        ]
        changes = pseudonymise(bundle, salt=salt or options.pseudonym_salt, originals=people)
    source = language_base(pruned.original_language)
    target = options.language or source
    translation: TranslationReport | None = None
    if target != source:
        progress.step(2, 5, "Translating")
        translation = translate_document(bundle, target)
    progress.step(3, 5, "Writing the human-readable text")
    created_text = f"{created.astimezone(UTC):%Y-%m-%d}"
    translated_from = source if translation else None
    add_provenance(
        bundle, now=created, pseudonymised=options.pseudonymise, translated=translation is not None
    )
    ctx = regenerate_narratives(
        bundle,
        lang=target,
        created=created_text,
        translated_from=translated_from,
        progress=progress,
    )
    removed = [x.field for x in pruned.left_out if x.kind == "field" and x.field]
    coarsened = [selector for _, selector in pruned.coarsened]
    not_shared = not_shared_lines(document_json, bundle, removed, coarsened, pruned.left_out)
    html = document_html(
        bundle,
        ctx,
        created=created_text,
        not_shared=not_shared,
        pseudonymised=options.pseudonymise,
        translated_from=translated_from,
    )
    return PreparedShare(
        bundle,
        html,
        pruned.left_out,
        changes,
        translation,
        target,
        created,
        _stem(bundle, created, options.file_language),
        not_shared,
    )


def share(
    document_json: dict[str, Any],
    selection: Selection,
    options: ShareOptions,
    out_dir: str | os.PathLike[str],
    progress: Progress | None = None,
    *,
    pdf_renderer: PdfRenderer | None = None,
    now: datetime | None = None,
    salt: bytes | None = None,
) -> ShareResult:
    """Apply ``selection`` and ``options`` to the document and write the chosen formats."""
    progress = ensure_progress(progress)
    if "pdf" in options.formats and pdf_renderer is None:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core", "PDF output needs the PDF renderer, which is not available here."
            )
        )
    prepared = prepare_share(document_json, selection, options, progress, now=now, salt=salt)
    return write_prepared(prepared, options, out_dir, progress, pdf_renderer=pdf_renderer)


def write_prepared(
    prepared: PreparedShare,
    options: ShareOptions,
    out_dir: str | os.PathLike[str],
    progress: Progress | None = None,
    *,
    pdf_renderer: PdfRenderer | None = None,
) -> ShareResult:
    """Write the chosen formats of a share already prepared (the one the preview showed)."""
    progress = ensure_progress(progress)
    folder = Path(out_dir)
    if folder.exists() and not folder.is_dir():
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "{name} is a file, not a folder.").format(name=folder.name)
        )
    outputs = [
        (folder / name, data)
        for name, data in prepared.files(options.formats, pdf_renderer, progress)
    ]
    if not options.overwrite:
        existing = [p.name for p, _ in outputs if p.exists()]
        if existing:
            raise FilesExistError(existing)
    written = [atomic_write_bytes(p, data, overwrite=options.overwrite) for p, data in outputs]
    progress.step(5, 5, "Done")
    return ShareResult(written, prepared.left_out, prepared.changes, prepared)
