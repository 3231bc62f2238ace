"""What the person chose to share, as one serialisable object.

The CLI, the GUI and the tests all build a ``Selection``; nothing else
decides what leaves the machine. Selectors are plain strings so a selection
survives a round trip through JSON, the command line or settings:

- ``section:LOINC``         a whole section by its LOINC code, e.g. ``section:10160-0``
- ``section:SYSTEM|CODE``   a whole section coded in any system,
                            e.g. ``section:http://example.org/lab-codes|3002989``
- ``section:N`` / ``N.M``   a section by its position (1 is the first; ``2.1`` is
                            the first sub-section of the second section)
- ``section:TITLE``         a section by its title, e.g. ``section:Kommentar``
- ``Type/id`` or a fullUrl  one entry, e.g. ``Condition/123`` or ``urn:uuid:...``
- ``Type.path``             an optional field on every resource of that type,
                            e.g. ``Patient.address``
- ``ENTRY#path``            an optional field on one entry, e.g. ``Condition/123#note``
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP

SelectorKind = Literal["section", "entry", "field"]

_RESOURCE_TYPE = r"[A-Z][A-Za-z]{1,63}"
_FHIR_ID = r"[A-Za-z0-9\-.]{1,64}"
_SECTION_RE = re.compile(r"^section:([0-9]{1,10}-[0-9])$")
_POSITION_RE = re.compile(r"^[1-9][0-9]{0,3}(\.[1-9][0-9]{0,3}){0,7}$")
_TYPE_ID_RE = re.compile(rf"^({_RESOURCE_TYPE})/({_FHIR_ID})$")
_FIELD_RE = re.compile(rf"^({_RESOURCE_TYPE})\.([a-z][A-Za-z]{{0,63}})$")
_ABSOLUTE_RE = re.compile(r"^(urn:uuid:|urn:oid:|https?://)\S+$")
_PATH_RE = re.compile(r"^[a-z][A-Za-z]{0,63}$")


@dataclass(frozen=True)
class Selector:
    """One parsed selector; ``text`` is what the person typed."""

    text: str
    kind: SelectorKind
    section_code: str | None = None
    section_system: str | None = None
    section_position: tuple[int, ...] | None = None
    section_title: str | None = None
    resource_type: str | None = None
    resource_id: str | None = None
    full_url: str | None = None
    path: str | None = None

    @property
    def entry_text(self) -> str | None:
        """The part naming an entry (for field selectors scoped to one entry)."""
        if self.full_url:
            return self.full_url
        if self.resource_type and self.resource_id:
            return f"{self.resource_type}/{self.resource_id}"
        return None


def _parse_entry(text: str, original: str) -> Selector:
    match = _TYPE_ID_RE.match(text)
    if match:
        return Selector(original, "entry", resource_type=match.group(1), resource_id=match.group(2))
    if _ABSOLUTE_RE.match(text):
        return Selector(original, "entry", full_url=text)
    raise UserFacingError(
        QT_TRANSLATE_NOOP(
            "Core",
            "'{original}' is not a selector. Use section:LOINC (e.g. section:10160-0), Type/id (e.g. Condition/123), a fullUrl, or Type.field (e.g. Patient.address).",
        ).format(original=original)
    )


def _parse_section(value: str, original: str) -> Selector:
    if not value:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "'{original}' names no section: use its code (section:10160-0 or section:SYSTEM|CODE), its position (section:2) or its title.",
            ).format(original=original)
        )
    if _POSITION_RE.match(value):
        position = tuple(int(part) for part in value.split("."))
        return Selector(original, "section", section_position=position)
    system, bar, code = value.rpartition("|")
    if bar:
        if not system.strip() or not code.strip():
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "'{original}': a coded section selector is section:SYSTEM|CODE, with both parts.",
                ).format(original=original)
            )
        return Selector(
            original, "section", section_system=system.strip(), section_code=code.strip()
        )
    return Selector(original, "section", section_title=value)


def section_selector_for(code: Any, position: tuple[int, ...], *, code_is_unique: bool) -> str:
    """The selector a front end writes for a section: ``section:LOINC`` when that code names
    this section alone, else its position (which names sections coded in any system, or not
    coded at all)."""
    if isinstance(code, str) and _SECTION_RE.match(f"section:{code}") and code_is_unique:
        return f"section:{code}"
    return "section:" + ".".join(str(p) for p in position)


def section_matches(selector: Selector, section: Any, position: tuple[int, ...]) -> bool:
    """Does the section selector name this section (found at ``position``, 1-based)?"""
    if selector.section_position is not None:
        return selector.section_position == position
    if not isinstance(section, dict):
        return False
    if selector.section_title is not None:
        title = section.get("title")
        return isinstance(title, str) and title.strip().casefold() == (
            selector.section_title.strip().casefold()
        )
    code = section.get("code")
    codings = code.get("coding") if isinstance(code, dict) else None
    for coding in codings if isinstance(codings, list) else []:
        if not isinstance(coding, dict) or coding.get("code") != selector.section_code:
            continue
        if selector.section_system is None or coding.get("system") == selector.section_system:
            return True
    return False


def parse_selector(text: str) -> Selector:
    """Parse one selector string; ``UserFacingError`` naming it when it is malformed."""
    original = text
    text = text.strip()
    if not text:
        raise UserFacingError(QT_TRANSLATE_NOOP("Core", "An empty selector was given."))
    match = _SECTION_RE.match(text)
    if match:
        return Selector(original, "section", section_code=match.group(1))
    if text.startswith("section:"):
        return _parse_section(text.removeprefix("section:").strip(), original)
    match = _FIELD_RE.match(text)
    if match:
        return Selector(original, "field", resource_type=match.group(1), path=match.group(2))
    if "#" in text:
        entry_part, _, path = text.rpartition("#")
        if not _PATH_RE.match(path):
            raise UserFacingError(
                QT_TRANSLATE_NOOP("Core", "'{original}': '{path}' is not a field name.").format(
                    original=original, path=path
                )
            )
        entry = _parse_entry(entry_part, original)
        return Selector(
            original,
            "field",
            resource_type=entry.resource_type,
            resource_id=entry.resource_id,
            full_url=entry.full_url,
            path=path,
        )
    return _parse_entry(text, original)


@dataclass(frozen=True)
class Selection:
    """The person's choice.

    ``include`` (sections and entries) narrows the document to only those;
    empty means the whole document. ``exclude`` leaves out sections, entries or
    optional fields. ``year_only`` names date fields shown with the year only.
    """

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    year_only: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        for text in self.include:
            if parse_selector(text).kind == "field":
                raise UserFacingError(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "'{text}' names a field; --include takes sections and entries. Use --exclude to leave a field out.",
                    ).format(text=text)
                )
        for text in self.exclude:
            parse_selector(text)
        for text in self.year_only:
            if parse_selector(text).kind != "field":
                raise UserFacingError(
                    QT_TRANSLATE_NOOP(
                        "Core", "'{text}' is not a date field (e.g. Condition.onset)."
                    ).format(text=text)
                )

    @property
    def is_everything(self) -> bool:
        return not (self.include or self.exclude or self.year_only)

    def parsed(self) -> tuple[list[Selector], list[Selector], list[Selector]]:
        return (
            [parse_selector(s) for s in self.include],
            [parse_selector(s) for s in self.exclude],
            [parse_selector(s) for s in self.year_only],
        )

    def with_excluded(self, *selectors: str) -> Selection:
        merged = tuple(dict.fromkeys((*self.exclude, *selectors)))
        return Selection(self.include, merged, self.year_only)

    def without_excluded(self, *selectors: str) -> Selection:
        gone = set(selectors)
        return Selection(
            self.include, tuple(s for s in self.exclude if s not in gone), self.year_only
        )

    def to_json(self) -> dict[str, list[str]]:
        return {
            "include": list(self.include),
            "exclude": list(self.exclude),
            "yearOnly": list(self.year_only),
        }

    @classmethod
    def from_json(cls, data: Any) -> Selection:
        if not isinstance(data, dict):
            raise UserFacingError(QT_TRANSLATE_NOOP("Core", "A selection must be a JSON object."))
        parts: dict[str, tuple[str, ...]] = {}
        for key in ("include", "exclude", "yearOnly"):
            value = data.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise UserFacingError(
                    QT_TRANSLATE_NOOP(
                        "Core", "The selection's '{key}' must be a list of selectors."
                    ).format(key=key)
                )
            parts[key] = tuple(value)
        unknown = set(data) - {"include", "exclude", "yearOnly"}
        if unknown:
            raise UserFacingError(
                QT_TRANSLATE_NOOP("Core", "Unknown selection keys: {names}.").format(
                    names=", ".join(sorted(unknown))
                )
            )
        return cls(parts["include"], parts["exclude"], parts["yearOnly"])
