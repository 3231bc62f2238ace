"""The person's selection matched against one document, and their field choices applied.

``_Resolved`` turns each selector into the sections (by identity) and entries it names, and
explains in words a selector that names nothing; ``_apply_fields`` removes the chosen fields
or shows chosen dates with the year only.
"""

from __future__ import annotations

from typing import Any

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP
from xshare_desktop.core.sharing.fields import OptionalField, field_for, fields_for_type
from xshare_desktop.core.sharing.left_out import LeftOut
from xshare_desktop.core.sharing.refs import EntryIndex
from xshare_desktop.core.sharing.sections import (
    _title,
    iter_sections,
    numbered_sections,
    section_selectors,
)
from xshare_desktop.core.sharing.selection import Selection, Selector, section_matches


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
