"""Identifiers a person can use, labelled by their system: CPR-nr., SOR-kode, or their type.

Technical identifiers (``urn:uuid:``, ``urn:oid:`` values) are never printed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from xshare_desktop.core import summaries
from xshare_desktop.core.document import CPR_SYSTEM, format_cpr

SOR_SYSTEM = "urn:oid:1.2.208.176.1.1"

_SYSTEM_LABELS = {
    CPR_SYSTEM: ("CPR no.", "CPR-nr."),
    SOR_SYSTEM: ("SOR code", "SOR-kode"),
}


def in_language(lang: str, en: str, da: str) -> str:
    return da if lang == "da" else en


def printable_identifier(identifier: Any) -> bool:
    """False for the technical identifiers a person cannot use (urn:uuid:, urn:oid: values)."""
    if not isinstance(identifier, Mapping):
        return False
    value = identifier.get("value")
    if not isinstance(value, str) or not value.strip():
        return False
    return not value.lower().startswith(("urn:uuid:", "urn:oid:"))


def identifier_lines(
    identifiers: Any, lang: str, default: tuple[str, str]
) -> list[tuple[str, str]]:
    """(label, value) for each printable identifier, labelled by its system or type."""
    lines: list[tuple[str, str]] = []
    for identifier in identifiers if isinstance(identifiers, list) else [identifiers]:
        if not printable_identifier(identifier):
            continue
        value = str(identifier["value"])
        system = identifier.get("system")
        if system in _SYSTEM_LABELS:
            en, da = _SYSTEM_LABELS[system]
            label = in_language(lang, en, da)
            if system == CPR_SYSTEM:
                value = format_cpr(value)
        else:
            type_text = (
                summaries.concept_text(identifier.get("type"), lang)
                if isinstance(identifier.get("type"), Mapping)
                else ""
            )
            label = type_text or in_language(lang, *default)
        lines.append((label, value))
    return lines
