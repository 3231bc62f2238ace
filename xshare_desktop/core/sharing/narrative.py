"""Regenerate every narrative of a shared document from what it still contains.

Original narrative text is never reused: it may describe entries or fields the
person left out. Each section gets tables (one per resource type, from
``core/sharing/columns.py``) built by a swappable row builder; every entry gets a short narrative of its own; the
Composition gets a header that says this is the patient's own selection. The
XHTML uses only elements FHIR allows in narrative, in the XHTML namespace, with
the language marked; text that could not be translated carries its own ``lang``.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from html.parser import HTMLParser
from typing import Any

from xshare_desktop.core import summaries
from xshare_desktop.core.progress import Progress, ensure_progress
from xshare_desktop.core.sharing.columns import (
    COLUMNS,
    Cell,
    NarrativeContext,
    Table,
    _date,
    _summary,
    _who,
    _word,
    build_tables,
    column_tables,
    concept_cell,
    template_vocabulary,
    type_title,
)
from xshare_desktop.core.sharing.prune import is_free_text_section
from xshare_desktop.core.sharing.refs import EntryIndex
from xshare_desktop.core.sharing.translate import language_base

XHTML_NS = "http://www.w3.org/1999/xhtml"
# The tables moved to core/sharing/columns.py (issue 15); callers still find them here.
__all__ = [
    "Cell",
    "NarrativeContext",
    "build_tables",
    "column_tables",
    "concept_cell",
    "template_vocabulary",
]


def cell_xhtml(cell: Cell) -> str:
    text = escape(cell.text, quote=False)
    if cell.lang:
        tag = escape(cell.lang)
        return f'<span lang="{tag}" xml:lang="{tag}">{text}</span>'
    return text


def tables_xhtml(tables: list[Table], ctx: NarrativeContext, *, headings: bool) -> str:
    parts: list[str] = []
    for table in tables:
        if headings:
            parts.append(f"<h4>{escape(table.title)}</h4>")
        parts.append("<table><thead><tr>")
        parts.extend(f"<th>{escape(h)}</th>" for h in table.headers)
        parts.append("</tr></thead><tbody>")
        for row in table.rows:
            parts.append("<tr>" + "".join(f"<td>{cell_xhtml(c)}</td>" for c in row) + "</tr>")
        parts.append("</tbody></table>")
    return "".join(parts)


def wrap_div(body: str, lang: str) -> str:
    return f'<div xmlns="{XHTML_NS}" lang="{lang}" xml:lang="{lang}">{body}</div>'


def empty_reason_text(section: Mapping[str, Any], ctx: NarrativeContext) -> str:
    reason = section.get("emptyReason")
    cell = concept_cell(reason, ctx) if isinstance(reason, Mapping) else None
    code = summaries.status_code(reason)
    if code == "withheld":
        return ctx.t("Withheld by the patient.", "Tilbageholdt af patienten.")
    if cell and cell.text:
        return cell.text
    return ctx.t("No information.", "Ingen oplysninger.")


class _TextOfXhtml(HTMLParser):
    """Plain-text paragraphs of an XHTML narrative (block elements start a new paragraph)."""

    _BLOCKS = frozenset(
        {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._current: list[str] = []

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.paragraphs.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in self._BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in self._BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        self._current.append(data)


def free_text_paragraphs(section: Mapping[str, Any]) -> list[str]:
    """The text a free-text section holds, as plain paragraphs (for the PDF and the preview)."""
    text = section.get("text")
    div = text.get("div") if isinstance(text, Mapping) else None
    if not isinstance(div, str):
        return []
    parser = _TextOfXhtml()
    parser.feed(div)
    parser.close()
    parser._flush()
    return parser.paragraphs


def section_summary(section: Mapping[str, Any], ctx: NarrativeContext) -> str:
    """A few words on what a section holds: its entry count, its text, or why it is empty."""
    count = len(section.get("entry") or [])
    if count:
        return ctx.t(
            f"{count} entries" if count != 1 else "1 entry",
            f"{count} oplysninger" if count != 1 else "1 oplysning",
        )
    if is_free_text_section(section):
        return ctx.t("Free text, shared as written.", "Fritekst, delt som den er skrevet.")
    return empty_reason_text(section, ctx)


def section_entries(
    section: Mapping[str, Any], ctx: NarrativeContext, composition_url: str
) -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    for ref in section.get("entry") or []:
        if not isinstance(ref, Mapping):
            continue
        url = ctx.index.resolve(str(ref.get("reference", "")), composition_url)
        if url and url in ctx.index.by_url:
            found.append((url, ctx.index.by_url[url]))
    return found


def section_xhtml(section: Mapping[str, Any], ctx: NarrativeContext, composition_url: str) -> str:
    entries = section_entries(section, ctx, composition_url)
    if not entries:
        if section.get("section"):
            return wrap_div(
                f"<p>{escape(ctx.t('See the sub-sections.', 'Se underafsnittene.'))}</p>", ctx.lang
            )
        return wrap_div(f"<p>{escape(empty_reason_text(section, ctx))}</p>", ctx.lang)
    tables = build_tables(entries, ctx)
    return wrap_div(tables_xhtml(tables, ctx, headings=len(tables) > 1), ctx.lang)


def _lines_xhtml(lines: list[tuple[str, Cell | None]]) -> str:
    return "".join(
        f"<p><b>{escape(label)}</b>: {cell_xhtml(cell)}</p>" for label, cell in lines if cell
    )


def patient_lines(
    patient: Mapping[str, Any], ctx: NarrativeContext
) -> list[tuple[str, Cell | None]]:
    name = summaries.human_name(patient.get("name"))
    identifiers = [
        str(i.get("value"))
        for i in patient.get("identifier") or []
        if isinstance(i, Mapping) and isinstance(i.get("value"), str)
    ]
    addresses: list[str] = []
    for address in patient.get("address") or []:
        if isinstance(address, Mapping):
            if isinstance(address.get("text"), str):
                addresses.append(address["text"])
                continue
            parts = [
                *(str(x) for x in address.get("line") or []),
                address.get("postalCode"),
                address.get("city"),
                address.get("country"),
            ]
            addresses.append(", ".join(str(p) for p in parts if p))
    telecom = [
        str(t.get("value"))
        for t in patient.get("telecom") or []
        if isinstance(t, Mapping) and isinstance(t.get("value"), str)
    ]
    return [
        (ctx.t("Name", "Navn"), Cell(name) if name else None),
        (ctx.t("Born", "Født"), _date(patient.get("birthDate"), ctx)),
        (ctx.t("Gender", "Køn"), _word(patient.get("gender"), ctx)),
        (
            ctx.t("Identifiers", "Identifikatorer"),
            Cell(", ".join(identifiers)) if identifiers else None,
        ),
        (
            ctx.t("Address", "Adresse"),
            Cell("; ".join(a for a in addresses if a)) if addresses else None,
        ),
        (
            ctx.t("Phone and e-mail", "Telefon og e-mail"),
            Cell(", ".join(telecom)) if telecom else None,
        ),
    ]


def resource_xhtml(url: str, resource: Mapping[str, Any], ctx: NarrativeContext) -> str:
    rtype = str(resource.get("resourceType"))
    if rtype == "Patient":
        body = _lines_xhtml(patient_lines(resource, ctx))
    elif rtype == "Provenance":
        body = _lines_xhtml(
            [
                (
                    ctx.t("What", "Hvad"),
                    Cell(
                        ctx.t(
                            "A selection from a larger health document, chosen by the patient.",
                            "Et udvalg fra et større helbredsdokument, valgt af patienten.",
                        )
                    ),
                ),
                (ctx.t("Made", "Lavet"), _date(resource.get("recorded"), ctx)),
                (ctx.t("By", "Af"), _who(("agent",))(resource, ctx, url)),
            ]
        )
    elif rtype in COLUMNS:
        columns = COLUMNS[rtype]
        body = _lines_xhtml([(ctx.t(en, da), fn(resource, ctx, url)) for en, da, fn in columns])
    else:
        summary = _summary(resource, ctx, url)
        body = f"<p>{cell_xhtml(summary)}</p>" if summary else ""
    if not body:
        body = f"<p>{escape(type_title(rtype, ctx.lang))}</p>"
    return wrap_div(body, ctx.lang)


def composition_xhtml(
    composition: Mapping[str, Any],
    composition_url: str,
    ctx: NarrativeContext,
    *,
    created: str,
    translated_from: str | None,
) -> str:
    title = composition.get("title")
    parts = [f"<h1>{escape(str(title))}</h1>" if isinstance(title, str) else ""]
    subject = composition.get("subject")
    patient = (
        ctx.resolve(str(subject.get("reference", "")), composition_url)
        if isinstance(subject, Mapping)
        else None
    )
    lines: list[tuple[str, Cell | None]] = []
    if patient:
        lines.extend(patient_lines(patient, ctx)[:3])
    lines.append((ctx.t("Document date", "Dokumentets dato"), _date(composition.get("date"), ctx)))
    authors = _who(("author",))(composition, ctx, composition_url)
    lines.append((ctx.t("Author", "Forfatter"), authors))
    custodian = _who(("custodian",))(composition, ctx, composition_url)
    lines.append((ctx.t("Responsible organisation", "Ansvarlig organisation"), custodian))
    parts.append(_lines_xhtml(lines))
    parts.append(
        "<p>"
        + escape(
            ctx.t(
                f"This document is a selection chosen by the patient, created on {created}. "
                "It may leave out information that the original document contains.",
                f"Dette dokument er et udvalg, som patienten har valgt, oprettet {created}. "
                "Det kan udelade oplysninger, som det oprindelige dokument indeholder.",
            )
        )
        + "</p>"
    )
    if translated_from:
        source_name = {"da": ("Danish", "dansk"), "en": ("English", "engelsk")}[translated_from]
        parts.append(
            "<p>"
            + escape(
                ctx.t(
                    f"Translated from {source_name[0]} by xShare Desktop. Texts without a "
                    "translation are kept in the original language and marked with it.",
                    f"Oversat fra {source_name[1]} af xShare Desktop. Tekster uden oversættelse "
                    "står på originalsproget og er markeret med det.",
                )
            )
            + "</p>"
        )
    items: list[str] = []
    for section in composition.get("section") or []:
        if not isinstance(section, Mapping):
            continue
        detail = section_summary(section, ctx)
        items.append(f"<li>{escape(str(section.get('title') or ''))}: {escape(detail)}</li>")
    if items:
        parts.append(f"<ul>{''.join(items)}</ul>")
    return wrap_div("".join(parts), ctx.lang)


def regenerate_narratives(
    bundle: dict[str, Any],
    *,
    lang: str,
    created: str,
    translated_from: str | None = None,
    progress: Progress | None = None,
) -> NarrativeContext:
    """Replace every narrative in ``bundle`` (a private copy) with a generated one.

    ``progress`` hears how many entries are done and can cancel (``Cancelled``)."""
    progress = ensure_progress(progress)
    index = EntryIndex.build(bundle)
    composition_url = index.urls[0]
    composition = index.by_url[composition_url]
    source = translated_from or language_base(composition.get("language") or bundle.get("language"))
    ctx = NarrativeContext(lang, source, index, doc_lang=source)
    total = len(index.urls)
    for done, url in enumerate(index.urls[1:], start=1):
        if done % 500 == 0:
            progress.step(done, total, "Writing the human-readable text")
        resource = index.by_url[url]
        resource["text"] = {"status": "generated", "div": resource_xhtml(url, resource, ctx)}
        for contained in resource.get("contained") or []:
            if isinstance(contained, dict):
                contained.pop("text", None)

    def regenerate(sections: list[Any]) -> None:
        for section in sections:
            if not isinstance(section, dict) or is_free_text_section(section):
                continue  # the person's own words are the content: shared as written
            if section.get("section") and not section.get("text"):
                # EU lab Composition: a section with sub-sections has no text (text 0..0)
                regenerate(section["section"])
                continue
            if isinstance(section, dict):
                section["text"] = {
                    "status": "generated",
                    "div": section_xhtml(section, ctx, composition_url),
                }
                regenerate(section.get("section") or [])

    regenerate(composition.get("section") or [])
    composition["text"] = {
        "status": "generated",
        "div": composition_xhtml(
            composition, composition_url, ctx, created=created, translated_from=translated_from
        ),
    }
    return ctx
