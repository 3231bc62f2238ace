"""The human-readable version of a shared document, as HTML for the PDF.

Built from the finished output document only (after selection, pseudonymisation
and translation), so it cannot show anything the JSON does not contain. The
list of what was not shared names sections and kinds of detail, never the
entries themselves: the recipient learns that something was withheld, not what.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from typing import Any

from xshare_desktop.core.sharing.fields import field_for
from xshare_desktop.core.sharing.narrative import (
    Cell,
    NarrativeContext,
    build_tables,
    empty_reason_text,
    free_text_paragraphs,
    patient_lines,
    section_entries,
)
from xshare_desktop.core.sharing.prune import (
    LeftOut,
    is_free_text_section,
    iter_sections,
    section_code,
)
from xshare_desktop.core.sharing.refs import EntryIndex
from xshare_desktop.core.summaries import date_of

_STYLE = """
body { font-family: 'DejaVu Sans'; font-size: 10pt; color: #1a1a1a; }
h1 { font-size: 18pt; margin-bottom: 4px; }
h2 { font-size: 13pt; margin-top: 14px; margin-bottom: 4px; color: #1f3b5a; }
h3 { font-size: 11pt; margin-top: 8px; margin-bottom: 2px; }
table.data { border-collapse: collapse; }
table.data th { background-color: #e6ecf2; text-align: left; }
.note { color: #444444; font-size: 9pt; }
.foreign { font-style: italic; }
"""


@dataclass(frozen=True)
class NotShared:
    """One line of "what was not shared", safe to show the recipient."""

    en: str
    da: str


def _cell_html(cell: Cell) -> str:
    text = escape(cell.text)
    return f'<span class="foreign"><i>{text}</i></span>' if cell.lang else text


def _tables_html(entries: list[tuple[str, dict[str, Any]]], ctx: NarrativeContext) -> str:
    parts: list[str] = []
    tables = build_tables(entries, ctx)
    for table in tables:
        if len(tables) > 1:
            parts.append(f"<h3>{escape(table.title)}</h3>")
        parts.append('<table class="data" border="1" cellspacing="0" cellpadding="4" width="100%">')
        parts.append("<tr>" + "".join(f"<th>{escape(h)}</th>" for h in table.headers) + "</tr>")
        for row in table.rows:
            parts.append("<tr>" + "".join(f"<td>{_cell_html(c)}</td>" for c in row) + "</tr>")
        parts.append("</table>")
    return "".join(parts)


def not_shared_lines(
    original: Mapping[str, Any],
    output: Mapping[str, Any],
    removed_fields: list[str],
    coarsened_fields: list[str],
    left_out: list[LeftOut] | None = None,
) -> list[NotShared]:
    """What the recipient may know about what is missing, without naming what it was.

    Each line gives the true reason: what the person chose, or what could not be shared
    safely (free text under pseudonymisation), never "at the patient's choice" for that.
    """
    lines: list[NotShared] = []
    out_index = EntryIndex.build(dict(output))
    out_sections = {
        section_code(s): s
        for s in iter_sections(out_index.by_url[out_index.urls[0]].get("section") or [])
    }
    orig_composition = original["entry"][0]["resource"]
    missing = 0
    for section in iter_sections(orig_composition.get("section") or []):
        code = section_code(section)
        kept = out_sections.get(code)
        title = str((kept or {}).get("title") or section.get("title") or code)
        if kept is None:
            missing += 1
            continue
        reason = (kept.get("emptyReason") or {}).get("coding") or [{}]
        if reason[0].get("code") == "withheld" and not section.get("emptyReason"):
            lines.append(
                NotShared(
                    f"{title}: withheld by the patient.", f"{title}: tilbageholdt af patienten."
                )
            )
        elif len(kept.get("entry") or []) < len(section.get("entry") or []):
            lines.append(
                NotShared(
                    f"{title}: some entries were not shared, at the patient's choice.",
                    f"{title}: nogle oplysninger blev ikke delt efter patientens valg.",
                )
            )
    unsafe = sum(1 for x in left_out or [] if x.kind == "section" and x.reason == "free-text")
    if unsafe:
        lines.append(
            NotShared(
                "Free text written by a person (such as the patient's own words) was not shared: "
                "pseudonymisation cannot check free text for names and other details.",
                "Fritekst skrevet af en person (fx patientens egne ord) blev ikke delt, fordi "
                "pseudonymisering ikke kan kontrollere fritekst for navne og andre detaljer.",
            )
        )
    if missing > unsafe:
        lines.append(
            NotShared(
                "Other parts of the original document were not shared, at the patient's choice.",
                "Andre dele af det oprindelige dokument blev ikke delt efter patientens valg.",
            )
        )
    for selector in dict.fromkeys(removed_fields):
        rtype, _, path = selector.partition(".")
        optional = field_for(rtype, path)
        if optional:
            lines.append(
                NotShared(
                    f"{optional.label_en} ({rtype}): not shared.",
                    f"{optional.label_da} ({rtype}): ikke delt.",
                )
            )
    for selector in dict.fromkeys(coarsened_fields):
        rtype, _, path = selector.partition(".")
        optional = field_for(rtype, path)
        if optional:
            lines.append(
                NotShared(
                    f"{optional.label_en} ({rtype}): shown with the year only.",
                    f"{optional.label_da} ({rtype}): vises kun med årstal.",
                )
            )
    return lines


def document_html(
    bundle: Mapping[str, Any],
    ctx: NarrativeContext,
    *,
    created: str,
    not_shared: list[NotShared],
    pseudonymised: bool,
    translated_from: str | None,
) -> str:
    index = ctx.index
    composition_url = index.urls[0]
    composition = index.by_url[composition_url]
    t = ctx.t
    parts = [
        '<html><head><meta charset="utf-8"/>',
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>{escape(str(composition.get('title') or t('Health document', 'Helbredsdokument')))}</h1>",
    ]
    subject = composition.get("subject")
    patient = (
        ctx.resolve(str(subject.get("reference", "")), composition_url)
        if isinstance(subject, Mapping)
        else None
    )
    header_rows: list[tuple[str, Cell | None]] = (
        list(patient_lines(patient, ctx)) if patient else []
    )
    header_rows.append(
        (
            t("Document date", "Dokumentets dato"),
            Cell(date_of(composition.get("date", ""), ctx.lang)),
        )
    )
    header_rows.append((t("Created", "Oprettet"), Cell(date_of(created, ctx.lang))))
    parts.append('<table cellspacing="0" cellpadding="3">')
    for label, cell in header_rows:
        if cell and cell.text:
            parts.append(f"<tr><td><b>{escape(label)}</b></td><td>{_cell_html(cell)}</td></tr>")
    parts.append("</table>")
    notes = [
        t(
            "This document is a selection chosen by the patient from a larger health document.",
            "Dette dokument er et udvalg, som patienten har valgt fra et større helbredsdokument.",
        )
    ]
    if pseudonymised:
        notes.append(
            t(
                "The patient's name, identifiers and contact details are replaced by a pseudonym.",
                "Patientens navn, identifikatorer og kontaktoplysninger er erstattet af et pseudonym.",
            )
        )
    if translated_from:
        notes.append(
            t(
                "Translated by xShare Desktop; text in italics had no translation and is in the "
                "original language.",
                "Oversat af xShare Desktop; tekst i kursiv havde ingen oversættelse og står på "
                "originalsproget.",
            )
        )
    parts.extend(f'<p class="note">{escape(n)}</p>' for n in notes)
    for section in iter_sections(composition.get("section") or []):
        parts.append(f"<h2>{escape(str(section.get('title') or ''))}</h2>")
        entries = section_entries(section, ctx, composition_url)
        if entries:
            parts.append(_tables_html(entries, ctx))
        elif is_free_text_section(section):
            # the person's own words (or a comment) as written, as plain text: never markup
            # from the original document
            parts.extend(f"<p>{escape(p)}</p>" for p in free_text_paragraphs(section))
        elif not section.get("section"):
            parts.append(f"<p>{escape(empty_reason_text(section, ctx))}</p>")
    parts.append(f"<h2>{escape(t('Not shared', 'Ikke delt'))}</h2>")
    if not_shared:
        parts.append("<ul>")
        parts.extend(
            f"<li>{escape(line.da if ctx.lang == 'da' else line.en)}</li>" for line in not_shared
        )
        parts.append("</ul>")
    else:
        parts.append(
            f"<p>{escape(t('Everything in the original document is shared.', 'Alt i det oprindelige dokument er delt.'))}</p>"
        )
    parts.append("</body></html>")
    return "".join(parts)
