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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

import orjson

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP
from xshare_desktop.core.sharing.fields import OptionalField, field_for, fields_for_type
from xshare_desktop.core.sharing.refs import EntryIndex, iter_references, remove_references
from xshare_desktop.core.sharing.selection import Selection, Selector, section_matches

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

Reason = Literal["chosen", "section", "depends", "unused", "free-text", "outside"]


@dataclass(frozen=True)
class LeftOut:
    """One thing that is not in the output, for the person (never written to outputs)."""

    kind: Literal["section", "entry", "field"]
    reason: Reason
    full_url: str | None = None
    resource_type: str | None = None
    section_code: str | None = None
    section_title: str | None = None
    field: str | None = None
    because_of: str | None = None  # the fullUrl whose absence caused a "depends"


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


def section_code(section: dict[str, Any]) -> str | None:
    code = section.get("code")
    codings = code.get("coding") if isinstance(code, dict) else None
    for coding in codings if isinstance(codings, list) else []:
        if isinstance(coding, dict) and isinstance(coding.get("code"), str):
            return str(coding["code"])
    return None


def iter_sections(sections: Iterable[dict[str, Any]]) -> Iterable[dict[str, Any]]:
    for section in sections if isinstance(sections, list) else []:
        if isinstance(section, dict):
            yield section
            yield from iter_sections(section.get("section") or [])


def is_free_text_section(section: Any) -> bool:
    """A section whose content is its text alone (a patient story, a lab comment)."""
    if not isinstance(section, dict):
        return False
    if section.get("entry") or section.get("section") or section.get("emptyReason"):
        return False
    text = section.get("text")
    return isinstance(text, dict) and isinstance(text.get("div"), str) and bool(text["div"])


def numbered_sections(
    sections: Any, prefix: tuple[int, ...] = ()
) -> Iterable[tuple[tuple[int, ...], dict[str, Any]]]:
    """Every section with its position (1-based, ``(2, 1)`` is 2.1), in document order."""
    for number, section in enumerate(sections if isinstance(sections, list) else [], start=1):
        if isinstance(section, dict):
            position = (*prefix, number)
            yield position, section
            yield from numbered_sections(section.get("section"), position)


def section_selectors(composition: dict[str, Any]) -> list[str]:
    """Each section and the selectors that name it, e.g. ``section:1 (Problems; section:11450-4)``."""
    lines: list[str] = []
    for position, section in numbered_sections(composition.get("section")):
        names: list[str] = []
        title = section.get("title")
        if isinstance(title, str) and title.strip():
            names.append(title.strip())
        code = section.get("code")
        codings = code.get("coding") if isinstance(code, dict) else None
        for coding in codings if isinstance(codings, list) else []:
            if not isinstance(coding, dict) or not isinstance(coding.get("code"), str):
                continue
            system = coding.get("system")
            if system == "http://loinc.org" or not isinstance(system, str):
                names.append(f"section:{coding['code']}")
            else:
                names.append(f"section:{system}|{coding['code']}")
        number = ".".join(str(p) for p in position)
        lines.append(f"section:{number} ({'; '.join(names)})" if names else f"section:{number}")
    return lines


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


class _Resolved:
    """The selection's selectors matched against this document.

    Sections are held by identity (``id`` of the section object in the working copy): codes
    need not be unique or present, and a choice about a section holds for its sub-sections.
    """

    def __init__(
        self,
        selection: Selection,
        index: EntryIndex,
        composition: dict[str, Any],
        composition_url: str,
        patient_url: str | None,
    ) -> None:
        include, exclude, year_only = selection.parsed()
        self.composition = composition
        self.numbered = list(numbered_sections(composition.get("section")))
        self.include_sections: set[int] = set()
        self.include_entries: set[str] = set()
        self.exclude_sections: set[int] = set()
        self.exclude_entries: set[str] = set()
        self.remove_fields: list[tuple[OptionalField, str | None]] = []
        self.year_fields: list[tuple[OptionalField, str | None]] = []
        protected = {composition_url, patient_url}
        for selector in include:
            self._add(selector, index, protected, self.include_sections, self.include_entries)
        for selector in exclude:
            if selector.kind == "field":
                self.remove_fields.append(self._field(selector, index, "remove"))
            else:
                self._add(selector, index, protected, self.exclude_sections, self.exclude_entries)
        for selector in year_only:
            self.year_fields.append(self._field(selector, index, "year"))

    def _sections_for(self, selector: Selector) -> set[int]:
        """The named section and everything below it."""
        found: set[int] = set()
        for position, section in self.numbered:
            if section_matches(selector, section, position):
                found.add(id(section))
                found |= {id(s) for s in iter_sections(section.get("section") or [])}
        if not found:
            valid = ", ".join(section_selectors(self.composition)) or "(it has none)"
            example = next((_title(s) for _, s in self.numbered if _title(s)), "Kommentar")
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "'{text}' names no section of this document. Its sections are {valid}; a section can also be named by its title, e.g. section:{example}.",
                ).format(text=selector.text, valid=valid, example=example)
            )
        return found

    @staticmethod
    def entry_url(selector: Selector, index: EntryIndex) -> str:
        if selector.full_url:
            if selector.full_url in index.by_url:
                return selector.full_url
        elif selector.resource_type and selector.resource_id:
            url = index.by_type_id.get((selector.resource_type, selector.resource_id))
            if url:
                return url
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "'{text}' does not match any entry in this document.").format(
                text=selector.text
            )
        )

    def _add(
        self,
        selector: Selector,
        index: EntryIndex,
        protected: set[str | None],
        sections: set[int],
        entries: set[str],
    ) -> None:
        if selector.kind == "section":
            sections |= self._sections_for(selector)
            return
        url = self.entry_url(selector, index)
        if url in protected and entries is self.exclude_entries:
            what = (
                "Composition"
                if index.by_url[url].get("resourceType") == "Composition"
                else "patient"
            )
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "'{text}' is the document's {what}, which cannot be left out; to hide who the patient is, use pseudonymisation.",
                ).format(text=selector.text, what=what)
            )
        entries.add(url)

    def _field(
        self, selector: Selector, index: EntryIndex, action: str
    ) -> tuple[OptionalField, str | None]:
        assert selector.resource_type is not None or selector.entry_text is not None
        url: str | None = None
        resource_type = selector.resource_type
        if selector.full_url or selector.resource_id:
            url = self.entry_url(selector, index)
            resource_type = str(index.by_url[url].get("resourceType"))
        optional = field_for(str(resource_type), str(selector.path))
        if optional is None:
            allowed = ", ".join(f.path for f in fields_for_type(str(resource_type)))
            hint = f" Fields you can choose for {resource_type}: {allowed}." if allowed else ""
            raise UserFacingError(
                QT_TRANSLATE_NOOP("Core", "'{text}' is not a field you can choose.{hint}").format(
                    text=selector.text, hint=hint
                )
            )
        if action == "remove" and not optional.can_remove:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "'{text}' cannot be left out (the document needs it); it can be shown with the year only instead.",
                ).format(text=selector.text)
            )
        if action == "year" and not optional.can_coarsen:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core", "'{text}' is not a date that can be shown as a year."
                ).format(text=selector.text)
            )
        return optional, url


def _coarsen_to_year(value: Any) -> Any:
    if isinstance(value, str) and len(value) >= 4 and value[:4].isdigit():
        return value[:4]
    if isinstance(value, dict):
        return {k: (_coarsen_to_year(v) if k in ("start", "end") else v) for k, v in value.items()}
    return value


def _apply_fields(
    resource: dict[str, Any],
    url: str,
    resolved: _Resolved,
    left_out: list[LeftOut],
    coarsened: list[tuple[str, str]],
) -> None:
    rtype = resource.get("resourceType")
    for optional, only_url in resolved.remove_fields:
        if optional.resource_type != rtype or (only_url and only_url != url):
            continue
        keys = optional.json_keys(resource)
        for key in keys:
            del resource[key]
        if keys:
            left_out.append(
                LeftOut(
                    "field",
                    "chosen",
                    full_url=url,
                    resource_type=str(rtype),
                    field=optional.selector,
                )
            )
    for optional, only_url in resolved.year_fields:
        if optional.resource_type != rtype or (only_url and only_url != url):
            continue
        for key in optional.json_keys(resource):
            if key.startswith("_"):
                continue
            if key.endswith("Instant"):
                # an instant must carry a full time; a year is a dateTime
                resource[key[: -len("Instant")] + "DateTime"] = _coarsen_to_year(resource.pop(key))
            elif key.endswith(("DateTime", "Period")) or key in (
                "birthDate",
                "recordedDate",
                "lastOccurrence",
                "dateAsserted",
                "receivedTime",
                "recorded",
                "authoredOn",
            ):
                resource[key] = _coarsen_to_year(resource[key])
            else:
                continue
            coarsened.append((url, optional.selector))


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


def _title(section: dict[str, Any]) -> str | None:
    title = section.get("title")
    return title if isinstance(title, str) else section_code(section)


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
