"""What the clinical document's builder knows of the shared Bundle: its parts by URL, the
language, and how to name the people and organisations it refers to (``clinical``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from xshare_desktop.core import summaries
from xshare_desktop.core.sharing.narrative import Cell, NarrativeContext
from xshare_desktop.core.sharing.refs import EntryIndex
from xshare_desktop.core.sharing.translate import language_base
from xshare_desktop.render.blocks import Block, Text
from xshare_desktop.render.identifiers import identifier_lines, in_language


def nowrap(text: str) -> str:
    """A date such as "13. oktober 2026" kept on one line (no-break spaces)."""
    return text.replace(" ", "\u00a0")


def cell_text(cell: Cell | None) -> Text | None:
    if not cell or not cell.text:
        return None
    return Text(
        cell.text,
        italic=cell.lang is not None,
        lang=language_base(cell.lang) if cell.lang else None,
    )


class ClinicalContext:
    """The shared Bundle indexed, the language, and the blocks laid out so far."""

    def __init__(
        self,
        bundle: Mapping[str, Any],
        lang: str,
        *,
        pseudonymised: bool,
        translated_from: str | None,
    ) -> None:
        self.bundle = bundle
        self.lang = lang
        self.pseudonymised = pseudonymised
        self.translated = translated_from is not None
        self.index = EntryIndex.build(dict(bundle))
        self.composition_url = self.index.urls[0]
        self.composition = self.index.by_url[self.composition_url]
        # the language the document's own free texts are in: the original one when translated
        source = translated_from or language_base(
            self.composition.get("language") or bundle.get("language")
        )
        self.ctx = NarrativeContext(
            lang=lang,
            source=source,
            index=self.index,
            doc_lang=self.composition.get("language") or bundle.get("language"),
        )
        self.blocks: list[Block] = []
        self.report_performers: set[str] = set()  # named once in the report's facts

    def t(self, en: str, da: str) -> str:
        return in_language(self.lang, en, da)

    def resolve(self, ref: Any, from_url: str | None = None) -> dict[str, Any] | None:
        if not isinstance(ref, Mapping) or not isinstance(ref.get("reference"), str):
            return None
        return self.ctx.resolve(ref["reference"], from_url or self.composition_url)

    def party(self, ref: Any, from_url: str | None = None, *, codes: bool = True) -> str:
        """A person or organisation with their role, organisation and SOR code where known."""
        target = self.resolve(ref, from_url)
        if target is None:
            display = ref.get("display") if isinstance(ref, Mapping) else None
            return display if isinstance(display, str) else ""
        rtype = target.get("resourceType")
        parts: list[str] = []
        if rtype == "PractitionerRole":
            person = self.resolve(target.get("practitioner"), from_url)
            if person:
                parts.append(summaries.human_name(person.get("name")))
            role = summaries.first_concept(target, "code")
            role_text = summaries.concept_text(role, self.lang, self.ctx.doc_lang) if role else ""
            if role_text:
                parts.append(role_text)
            organisation = self.resolve(target.get("organization"), from_url)
            if organisation:
                parts.append(self.organisation(organisation, codes=codes))
        elif rtype == "Organization":
            parts.append(self.organisation(target, codes=codes))
        elif rtype in ("Practitioner", "Patient", "RelatedPerson"):
            parts.append(summaries.human_name(target.get("name")))
        else:
            parts.append(
                summaries.summarise(
                    target, self.lang, doc_lang=self.ctx.doc_lang, resolve=self.ctx.resolver(None)
                )
            )
        return ", ".join(p for p in parts if p)

    def organisation(self, organisation: Mapping[str, Any], *, codes: bool = True) -> str:
        name = organisation.get("name")
        text = name if isinstance(name, str) else ""
        if not codes and text:
            return text
        ids = identifier_lines(
            organisation.get("identifier"), self.lang, ("identifier", "identifikator")
        )
        shown = " ".join(f"({label} {value})" for label, value in ids)
        return f"{text} {shown}".strip()

    def parties(self, refs: Any, from_url: str | None = None, *, codes: bool = True) -> str:
        names: list[str] = []
        for ref in refs if isinstance(refs, list) else [refs]:
            name = self.party(ref, from_url, codes=codes)
            if name and name not in names:
                names.append(name)
        return "; ".join(names)

    def patient(self) -> Mapping[str, Any] | None:
        return self.resolve(self.composition.get("subject"))
