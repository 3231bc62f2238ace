"""Plain-words lines about what a share leaves out, for the person who shares.

These lines name entries and may contain personal data: they are shown to the
person on their own screen and never written into the shared files.
"""

from __future__ import annotations

from typing import Any

from xshare_desktop.core import summaries
from xshare_desktop.core.sharing.fields import field_for
from xshare_desktop.core.sharing.prune import LeftOut
from xshare_desktop.core.sharing.refs import EntryIndex

_REASONS = {
    "chosen": ("you chose to leave it out", "du valgte at udelade det"),
    "section": ("its section is left out", "dets afsnit er udeladt"),
    "depends": ("it needs something you left out", "det afhænger af noget, du har udeladt"),
    "unused": (
        "only things you left out referred to it",
        "det blev kun brugt af oplysninger, du har udeladt",
    ),
    "outside": ("it is not part of the summary itself", "det er ikke en del af selve resuméet"),
    "free-text": (
        "it is free text written by a person, and pseudonymisation cannot check free text "
        "for names and other details; share without pseudonymisation to include it",
        "det er fritekst skrevet af en person, og pseudonymisering kan ikke kontrollere "
        "fritekst for navne og andre detaljer; del uden pseudonymisering for at tage det med",
    ),
}


def reason_text(item: LeftOut, lang: str) -> str:
    en, da = _REASONS[item.reason]
    return da if lang == "da" else en


def left_out_text(item: LeftOut, raw: dict[str, Any], lang: str = "en") -> str:
    """One line such as "Condition: Gout — active (you chose to leave it out)"."""
    return left_out_lines([item], raw, lang)[0]


def left_out_lines(items: list[LeftOut], raw: dict[str, Any], lang: str = "en") -> list[str]:
    """``left_out_text`` for many items, reading the document once."""
    index = EntryIndex.build(raw)
    lines: list[str] = []
    for item in items:
        reason = reason_text(item, lang)
        if item.kind == "section":
            label = "Afsnit" if lang == "da" else "Section"
            lines.append(f"{label} {item.section_title or item.section_code}: {reason}")
            continue
        if item.kind == "field" and item.field:
            rtype, _, path = item.field.partition(".")
            optional = field_for(rtype, path)
            name = optional.label(lang) if optional else item.field
            lines.append(f"{rtype} – {name}: {reason}")
            continue
        resource = index.by_url.get(item.full_url or "")
        if resource is None:
            lines.append(f"{item.resource_type}: {reason}")
            continue

        def resolve(reference: str, url: str | None = item.full_url) -> Any:
            target = index.resolve(reference, url)
            return index.by_url.get(target) if target else None

        summary = summaries.summarise(resource, lang, doc_lang=raw.get("language"), resolve=resolve)
        lines.append(f"{item.resource_type}: {summary} ({reason})")
    return lines
