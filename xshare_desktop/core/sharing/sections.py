"""Reading a Composition's sections: their codes, titles, positions and selectors.

Sections are walked in document order with their sub-sections; a section is named by its
position (``section:2.1``), its code or its title. Nothing here changes a document.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


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


def _title(section: dict[str, Any]) -> str | None:
    title = section.get("title")
    return title if isinstance(title, str) else section_code(section)
