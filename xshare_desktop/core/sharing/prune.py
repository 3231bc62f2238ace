"""Apply a ``Selection`` to a document Bundle and return a correct, smaller document.

What kept entries need stays (their patient, authors, medications,
organisations); what only left-out entries referred to goes; references to
anything left out are removed wherever they are (section entries, contained
resources, extensions, ``hasMember``, ``result``...). Required IPS sections
whose entries all went keep their place with ``emptyReason = withheld``;
optional ones that became empty go. The original is never modified.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import orjson

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP
from xshare_desktop.core.sharing.left_out import LeftOut, Reason
from xshare_desktop.core.sharing.refs import EntryIndex, iter_references, remove_references
from xshare_desktop.core.sharing.resolved import _apply_fields, _Resolved
from xshare_desktop.core.sharing.sections import (
    _title,
    is_free_text_section,
    iter_sections,
    numbered_sections,
    section_code,
)
from xshare_desktop.core.sharing.selection import Selection

# The section readers live in sections.py and ``LeftOut`` in left_out.py; callers reach them
# from here too.
__all__ = ["LeftOut", "is_free_text_section", "iter_sections", "numbered_sections", "section_code"]

REQUIRED_IPS_SECTIONS = ("11450-4", "48765-2", "10160-0")
EMPTY_REASON_SYSTEM = "http://terminology.hl7.org/CodeSystem/list-empty-reason"
WITHHELD = {
    "coding": [
        {"system": EMPTY_REASON_SYSTEM, "code": "withheld", "display": "Information Withheld"}
    ]
}

# Top-level elements a resource cannot lose: when a left-out entry was the only
# thing they pointed to, the resource that needs it is left out as well.
_NEEDED_REFERENCES: dict[str, frozenset[str]] = {
    "MedicationStatement": frozenset({"medicationReference", "subject"}),
    "MedicationRequest": frozenset({"medicationReference", "subject"}),
    "MedicationDispense": frozenset({"medicationReference", "subject"}),
    "MedicationAdministration": frozenset({"medicationReference", "subject"}),
    "DeviceUseStatement": frozenset({"device", "subject"}),
    "Observation": frozenset({"performer", "subject"}),
    "Immunization": frozenset({"patient"}),
    "AllergyIntolerance": frozenset({"patient"}),
    "Condition": frozenset({"subject"}),
    "Procedure": frozenset({"subject"}),
    "DiagnosticReport": frozenset({"subject"}),
    "Flag": frozenset({"subject"}),
    "CarePlan": frozenset({"subject"}),
    "ImagingStudy": frozenset({"subject"}),
    "PractitionerRole": frozenset(),
}


@dataclass
class PruneResult:
    bundle: dict[str, Any]
    left_out: list[LeftOut]
    kept_urls: list[str]
    withheld_sections: list[str]  # codes of sections kept only with emptyReason withheld
    coarsened: list[tuple[str, str]] = field(default_factory=list)  # (fullUrl, field selector)
    original_language: str | None = None


def deep_copy(value: Any) -> Any:
    return orjson.loads(orjson.dumps(value))


def check_document(bundle: Any) -> tuple[dict[str, Any], str]:
    """Return the Composition and its fullUrl, or explain why this is no document."""
    if not isinstance(bundle, dict) or bundle.get("resourceType") != "Bundle":
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core", "This is not a FHIR Bundle, so there is nothing to share from it."
            )
        )
    if bundle.get("type") != "document":
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "This Bundle is of type '{type}', not a document; only documents such as a patient summary can be shared.",
            ).format(type=bundle.get("type"))
        )
    entries = bundle.get("entry")
    if not isinstance(entries, list) or not entries:
        raise UserFacingError(QT_TRANSLATE_NOOP("Core", "The document has no entries."))
    first = entries[0]
    composition = first.get("resource") if isinstance(first, dict) else None
    url = first.get("fullUrl") if isinstance(first, dict) else None
    if not isinstance(composition, dict) or composition.get("resourceType") != "Composition":
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "The document does not start with a Composition.")
        )
    if not isinstance(url, str):
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "The document's Composition has no fullUrl.")
        )
    return composition, url


def _report_urls(index: EntryIndex, composition: dict[str, Any], composition_url: str) -> set[str]:
    """The DiagnosticReports that are the document's own report (EU lab: Bundle slice
    ``diagnosticReport`` 1..1, rule ``one-dr``): those that point to the Composition (the R5
    ``DiagnosticReport.composition`` back-port) or that the Composition's extensions name."""
    found: set[str] = set()
    for url in index.urls[1:]:
        resource = index.by_url[url]
        if resource.get("resourceType") != "DiagnosticReport":
            continue
        if any(
            index.resolve(r["reference"], url) == composition_url for r in iter_references(resource)
        ):
            found.add(url)
    for ref in iter_references(composition.get("extension")):
        target = index.resolve(ref["reference"], composition_url)
        if target and index.by_url[target].get("resourceType") == "DiagnosticReport":
            found.add(target)
    return found


def check_authors(composition: dict[str, Any]) -> None:
    if not composition.get("author"):
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "This document has no author (Composition.author is missing or empty), and every FHIR document must name at least one. It cannot be shared as it is; ask whoever made it for a complete copy.",
            )
        )


def prune(
    raw: dict[str, Any],
    selection: Selection,
    *,
    now: datetime | None = None,
    new_id: str | None = None,
    keep_free_text: bool = True,
) -> PruneResult:
    """Return a new document holding only what ``selection`` keeps.

    ``keep_free_text``: sections that hold only text written by a person (a patient story, a
    lab comment) are shared with that text as written when the person keeps them; when the
    text cannot be made safe (pseudonymisation cannot check it), they are left out with that
    reason instead.
    """
    bundle = deep_copy(raw)
    composition, composition_url = check_document(bundle)
    check_authors(composition)
    index = EntryIndex.build(bundle)
    subject = composition.get("subject")
    reference = subject.get("reference") if isinstance(subject, dict) else None
    patient_url = index.resolve(reference, composition_url) if isinstance(reference, str) else None
    resolved = _Resolved(selection, index, composition, composition_url, patient_url)
    reports = _report_urls(index, composition, composition_url)
    left_out: list[LeftOut] = []
    coarsened: list[tuple[str, str]] = []

    for url in index.urls:
        _apply_fields(index.by_url[url], url, resolved, left_out, coarsened)

    # Which sections list which entries; a choice about a section holds for its sub-sections.
    sections = [s for _, s in resolved.numbered]
    listed_in: dict[str, list[dict[str, Any]]] = {}
    for section in sections:
        for ref in section.get("entry") or []:
            target = (
                index.resolve(ref["reference"], composition_url)
                if isinstance(ref, dict) and isinstance(ref.get("reference"), str)
                else None
            )
            if target:
                listed_in.setdefault(target, []).append(section)

    def section_dropped(section: dict[str, Any]) -> bool:
        return id(section) in resolved.exclude_sections

    include_mode = bool(resolved.include_sections or resolved.include_entries)
    chosen_sections = resolved.include_sections - resolved.exclude_sections

    def blocked_by_sections(url: str, listing: list[dict[str, Any]]) -> bool:
        if all(section_dropped(s) for s in listing):
            return True
        if include_mode:
            return url not in resolved.include_entries and not any(
                id(s) in chosen_sections for s in listing
            )
        return False

    blocked: dict[str, LeftOut] = {}
    for url in resolved.exclude_entries:
        blocked[url] = LeftOut(
            "entry",
            "chosen",
            full_url=url,
            resource_type=str(index.by_url[url].get("resourceType")),
        )
    for url, listing in listed_in.items():
        if url not in blocked and blocked_by_sections(url, listing):
            blocked[url] = LeftOut(
                "entry",
                "section",
                full_url=url,
                resource_type=str(index.by_url[url].get("resourceType")),
                section_code=section_code(listing[0]),
                section_title=_title(listing[0]),
            )

    # Closure from the Composition (and the report that points to it), repeated while a kept
    # entry turns out to need a left-out one.
    roots = [composition_url, *sorted(reports)]
    while True:
        kept = _reachable(roots, index, blocked)
        newly = _cascade(kept, index, blocked)
        if not newly:
            break
        blocked.update(newly)

    if patient_url and patient_url not in kept:
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "The patient would be left out; that is not possible.")
        )
    if reports and not reports & kept:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "The laboratory report itself (its DiagnosticReport) would be left out, and a lab report cannot be shared without it. Leave out single results or sections instead.",
            )
        )

    def drop_ref_from(from_url: str):  # type: ignore[no-untyped-def]
        def should_remove(reference: str) -> bool:
            target = index.resolve(reference, from_url)
            return target is not None and target not in kept

        return should_remove

    had_content = {id(s): bool(s.get("entry")) or bool(s.get("section")) for s in sections}

    def reported_as_chosen(section: dict[str, Any]) -> bool:
        return section_dropped(section) or (include_mode and id(section) not in chosen_sections)

    for url in kept:
        remove_references(index.by_url[url], drop_ref_from(url))
        _drop_unused_contained(index.by_url[url])
    if not composition.get("author"):
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "Every author of the document would be left out, but a document needs at least one.",
            )
        )

    withheld = _rebuild_sections(
        composition,
        had_content,
        section_dropped,
        reported_as_chosen,
        left_out,
        keep_free_text=keep_free_text,
    )

    originally_referenced: set[str | None] | None = None  # walked only if something is left out
    for url in index.urls:
        if url in kept:
            continue
        if url in blocked:
            left_out.append(blocked[url])
        else:
            if originally_referenced is None:
                original_index = EntryIndex.build(raw)
                originally_referenced = {
                    original_index.resolve(r["reference"], other)
                    for other in original_index.urls
                    for r in iter_references(original_index.by_url[other])
                }
            was_used = url in originally_referenced
            left_out.append(
                LeftOut(
                    "entry",
                    "unused" if was_used else "outside",
                    full_url=url,
                    resource_type=str(index.by_url[url].get("resourceType")),
                )
            )

    bundle["entry"] = [e for e in bundle["entry"] if e.get("fullUrl") in kept]
    original_language = bundle.get("language") or composition.get("language")
    _renew_identity(bundle, composition, now or datetime.now(UTC), new_id)
    return PruneResult(
        bundle,
        left_out,
        [e["fullUrl"] for e in bundle["entry"]],
        withheld,
        coarsened,
        original_language if isinstance(original_language, str) else None,
    )


def _reachable(roots: list[str], index: EntryIndex, blocked: dict[str, LeftOut]) -> set[str]:
    kept = {roots[0]} | {r for r in roots[1:] if r not in blocked}
    queue = list(kept)
    while queue:
        url = queue.pop()
        for ref in iter_references(index.by_url[url]):
            target = index.resolve(ref["reference"], url)
            if target and target not in kept and target not in blocked:
                kept.add(target)
                queue.append(target)
    return kept


def _cascade(kept: set[str], index: EntryIndex, blocked: dict[str, LeftOut]) -> dict[str, LeftOut]:
    newly: dict[str, LeftOut] = {}
    for url in kept:
        resource = index.by_url[url]
        needed = _NEEDED_REFERENCES.get(str(resource.get("resourceType")), frozenset())
        for key in needed:
            value = resource.get(key)
            if value is None:
                continue
            refs = list(iter_references(value))
            if not refs:
                continue
            targets = [index.resolve(r["reference"], url) for r in refs]
            missing = [t for t in targets if t is not None and t not in kept]
            if missing and len(missing) == len(refs):
                newly[url] = LeftOut(
                    "entry",
                    "depends",
                    full_url=url,
                    resource_type=str(resource.get("resourceType")),
                    because_of=missing[0],
                )
                break
    return newly


def _drop_unused_contained(resource: dict[str, Any]) -> None:
    """dom-3: a contained resource must be referenced; drop those nothing points to any more."""
    while resource.get("contained"):
        outside = {k: v for k, v in resource.items() if k != "contained"}
        used = {
            r["reference"][1:] for r in iter_references(outside) if r["reference"].startswith("#")
        }
        for item in resource["contained"]:
            used |= {
                r["reference"][1:] for r in iter_references(item) if r["reference"].startswith("#")
            }
        still = [c for c in resource["contained"] if isinstance(c, dict) and c.get("id") in used]
        if len(still) == len(resource["contained"]):
            return
        if still:
            resource["contained"] = still
        else:
            del resource["contained"]
            return


def _rebuild_sections(
    composition: dict[str, Any],
    had_content: dict[int, bool],
    section_dropped: Callable[[dict[str, Any]], bool],
    reported_as_chosen: Callable[[dict[str, Any]], bool],
    left_out: list[LeftOut],
    *,
    keep_free_text: bool,
) -> list[str]:
    withheld: list[str] = []

    def rebuild(section_list: list[Any], top_level: bool) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = []
        for section in section_list:
            if not isinstance(section, dict):
                continue
            code = section_code(section) or ""
            title = _title(section) or ""
            required = top_level and code in REQUIRED_IPS_SECTIONS
            reason: Reason | None
            if section_dropped(section):
                reason = "chosen"
            else:
                # section.entry already lost its references to everything left out
                if section.get("section"):
                    children = rebuild(section["section"], False)
                    if children:
                        section["section"] = children
                    else:
                        section.pop("section", None)
                if section.get("entry") or section.get("section"):
                    reason = None
                elif had_content.get(id(section)):
                    reason = "chosen"
                elif section.get("emptyReason"):
                    reason = None
                elif reported_as_chosen(section):
                    reason = "chosen"
                elif not keep_free_text and section.get("text"):
                    # text written by a person: pseudonymisation cannot find names in it
                    reason = "free-text"
                else:
                    # the person's own words or a comment, shared as written (its text is
                    # the content, so it is not regenerated)
                    reason = None
            if reason is None:
                result.append(section)
                continue
            if reason == "free-text" or reported_as_chosen(section):
                left_out.append(LeftOut("section", reason, section_code=code, section_title=title))
            if required:
                for key in ("entry", "section", "orderedBy", "focus"):
                    section.pop(key, None)
                section["emptyReason"] = deep_copy(WITHHELD)
                withheld.append(code)
                result.append(section)
        return result

    composition["section"] = rebuild(composition.get("section") or [], True)
    if not composition["section"]:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "Nothing would be left to share: every section is left out. Choose at least one section or entry to share.",
            )
        )
    return withheld


def new_urn_uuid() -> str:
    return f"urn:uuid:{uuid.uuid4()}"


def _renew_identity(
    bundle: dict[str, Any], composition: dict[str, Any], now: datetime, new_id: str | None
) -> None:
    identifier = new_id or str(uuid.uuid4())
    bundle["id"] = identifier
    bundle["identifier"] = {"system": "urn:ietf:rfc:3986", "value": f"urn:uuid:{identifier}"}
    bundle["timestamp"] = now.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    bundle.pop("signature", None)
    bundle.pop("link", None)
    meta = bundle.get("meta")
    if isinstance(meta, dict):
        meta.pop("versionId", None)
        meta.pop("lastUpdated", None)
        if not meta:
            del bundle["meta"]  # ele-1: no empty elements
