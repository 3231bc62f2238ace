"""Regenerate every narrative of a shared document from what it still contains.

Original narrative text is never reused: it may describe entries or fields the
person left out. Each section gets tables (one per resource type) built by a
swappable row builder; every entry gets a short narrative of its own; the
Composition gets a header that says this is the patient's own selection. The
XHTML uses only elements FHIR allows in narrative, in the XHTML namespace, with
the language marked; text that could not be translated carries its own ``lang``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from typing import Any

from xshare_desktop.core import summaries
from xshare_desktop.core.progress import Progress, ensure_progress
from xshare_desktop.core.sharing.prune import is_free_text_section
from xshare_desktop.core.sharing.refs import EntryIndex
from xshare_desktop.core.sharing.translate import language_base, translation_of, unit_name

XHTML_NS = "http://www.w3.org/1999/xhtml"


@dataclass(frozen=True)
class Cell:
    text: str
    lang: str | None = None  # set when the text is not in the narrative's language


@dataclass
class NarrativeContext:
    lang: str  # "da" or "en": the language narratives are written in
    source: str  # "da" or "en": the language the document's own texts are in
    index: EntryIndex
    doc_lang: str | None = None
    # Tables already made, by the entries they show: the section narratives and the PDF's
    # HTML show the same tables of the same finished bundle (issue 18: made once, not twice).
    tables_made: dict[tuple[str, ...], list[Table]] = field(default_factory=dict, repr=False)

    def resolve(self, reference: str, from_url: str | None) -> dict[str, Any] | None:
        url = self.index.resolve(reference, from_url)
        return self.index.by_url.get(url) if url else None

    def resolver(self, from_url: str | None) -> Callable[[str], Mapping[str, Any] | None]:
        return lambda reference: self.resolve(reference, from_url)

    def free_text(self, text: Any) -> Cell | None:
        if not isinstance(text, str) or not text.strip():
            return None
        return Cell(text, None if self.source == self.lang else self.source)

    def t(self, en: str, da: str) -> str:
        return da if self.lang == "da" else en


@dataclass
class Table:
    resource_type: str
    title: str
    headers: list[str]
    rows: list[list[Cell]]
    urls: list[str] = field(default_factory=list)


def concept_cell(concept: Any, ctx: NarrativeContext) -> Cell | None:
    if not isinstance(concept, Mapping):
        return None
    codings = [c for c in concept.get("coding") or [] if isinstance(c, dict)]
    if ctx.source != ctx.lang:
        # the first coding with a translation names the concept, as the author ordered them
        for coding in codings:
            translated = translation_of(coding, ctx.lang)
            if translated:
                return Cell(translated)
    text = summaries.concept_text(concept, ctx.lang, ctx.doc_lang)
    if not text:
        return None
    if ctx.source == ctx.lang:
        return Cell(text)
    if text == concept.get("text"):
        return Cell(text, ctx.source)
    # displays of international code systems are English
    return Cell(text, None if ctx.lang == "en" else "en")


def _word(code: Any, ctx: NarrativeContext) -> Cell | None:
    if isinstance(code, Mapping):
        code = summaries.status_code(code)
    if not isinstance(code, str) or not code:
        return None
    return Cell(summaries.word(code, ctx.lang))


def _date(value: Any, ctx: NarrativeContext) -> Cell | None:
    text = summaries.date_of(value, ctx.lang)
    return Cell(text) if text else None


def _notes(resource: Mapping[str, Any], ctx: NarrativeContext) -> Cell | None:
    texts = [
        str(n["text"])
        for n in resource.get("note") or []
        if isinstance(n, Mapping) and isinstance(n.get("text"), str) and n["text"].strip()
    ]
    return ctx.free_text(" / ".join(texts)) if texts else None


def _who(
    keys: tuple[str, ...],
) -> Callable[[Mapping[str, Any], NarrativeContext, str], Cell | None]:
    def cell(resource: Mapping[str, Any], ctx: NarrativeContext, url: str) -> Cell | None:
        names: list[str] = []
        for key in keys:
            value = resource.get(key)
            for item in value if isinstance(value, list) else [value]:
                if not isinstance(item, Mapping):
                    continue
                ref = next(
                    (item[k] for k in ("actor", "who") if isinstance(item.get(k), Mapping)), item
                )
                name = _reference_name(ref, ctx, url)
                if name and name not in names:
                    names.append(name)
        return Cell(", ".join(names)) if names else None

    return cell


def _reference_name(ref: Any, ctx: NarrativeContext, url: str) -> str:
    if not isinstance(ref, Mapping):
        return ""
    target = ctx.resolve(str(ref.get("reference", "")), url) if ref.get("reference") else None
    if target is not None:
        return summaries.summarise(
            target, ctx.lang, doc_lang=ctx.doc_lang, resolve=ctx.resolver(url)
        )
    display = ref.get("display")
    return display if isinstance(display, str) else ""


def _summary(resource: Mapping[str, Any], ctx: NarrativeContext, url: str) -> Cell | None:
    text = summaries.summarise(resource, ctx.lang, doc_lang=ctx.doc_lang, resolve=ctx.resolver(url))
    return Cell(text) if text else None


def _medication(resource: Mapping[str, Any], ctx: NarrativeContext, url: str) -> Cell | None:
    kind, value = summaries.choice(resource, "medication")
    if kind == "CodeableConcept":
        return concept_cell(value, ctx)
    name = _reference_name(value, ctx, url)
    return Cell(name) if name else None


def _observation_value(resource: Mapping[str, Any], ctx: NarrativeContext) -> Cell | None:
    kind, value = summaries.choice(resource, "value")
    if kind == "String":
        return ctx.free_text(value)
    if kind == "CodeableConcept":
        return concept_cell(value, ctx)
    if kind == "Quantity" and isinstance(value, Mapping):
        unit = unit_name(value.get("code"), ctx.lang) if value.get("system") else None
        shown = dict(value)
        if unit:
            shown["unit"] = unit
        return Cell(summaries.format_quantity(shown))
    text = summaries.observation_value(resource, ctx.lang, ctx.doc_lang)
    return Cell(text) if text else None


def _reference_range(resource: Mapping[str, Any]) -> Cell | None:
    ranges = resource.get("referenceRange")
    if isinstance(ranges, list) and ranges:
        text = summaries.format_range(ranges[0])
        return Cell(text) if text else None
    return None


ColumnFn = Callable[[Mapping[str, Any], NarrativeContext, str], Cell | None]


def _col(en: str, da: str, fn: ColumnFn) -> tuple[str, str, ColumnFn]:
    return (en, da, fn)


def _status(r: Mapping[str, Any], ctx: NarrativeContext, url: str) -> Cell | None:
    return _word(r.get("clinicalStatus") or r.get("status"), ctx)


def _notes_col() -> tuple[str, str, ColumnFn]:
    return _col("Notes", "Noter", lambda r, c, u: _notes(r, c))


COLUMNS: dict[str, list[tuple[str, str, ColumnFn]]] = {
    "Condition": [
        _col("Problem", "Problem", lambda r, c, u: concept_cell(r.get("code"), c)),
        _col("Status", "Status", _status),
        _col("Onset", "Debut", lambda r, c, u: _date(summaries.choice(r, "onset")[1], c)),
        _col("Resolved", "Ophørt", lambda r, c, u: _date(summaries.choice(r, "abatement")[1], c)),
        _notes_col(),
        _col("Recorded by", "Registreret af", _who(("recorder", "asserter"))),
    ],
    "AllergyIntolerance": [
        _col("Substance", "Stof", lambda r, c, u: concept_cell(r.get("code"), c)),
        _col("Status", "Status", _status),
        _col("Criticality", "Kritikalitet", lambda r, c, u: _word(r.get("criticality"), c)),
        _col(
            "Reaction",
            "Reaktion",
            lambda r, c, u: _join_cells(
                concept_cell(m, c)
                for x in r.get("reaction") or []
                if isinstance(x, Mapping)
                for m in x.get("manifestation") or []
            ),
        ),
        _col("Onset", "Debut", lambda r, c, u: _date(summaries.choice(r, "onset")[1], c)),
        _notes_col(),
        _col("Recorded by", "Registreret af", _who(("recorder", "asserter"))),
    ],
    "MedicationStatement": [
        _col("Medication", "Lægemiddel", _medication),
        _col(
            "Dosage",
            "Dosering",
            lambda r, c, u: c.free_text(summaries.dosage_text(r.get("dosage"), c.lang)),
        ),
        _col("Status", "Status", _status),
        _col("Period", "Periode", lambda r, c, u: _date(summaries.choice(r, "effective")[1], c)),
        _notes_col(),
        _col("Information from", "Oplyst af", _who(("informationSource",))),
    ],
    "MedicationRequest": [
        _col("Medication", "Lægemiddel", _medication),
        _col(
            "Dosage",
            "Dosering",
            lambda r, c, u: c.free_text(summaries.dosage_text(r.get("dosageInstruction"), c.lang)),
        ),
        _col("Status", "Status", _status),
        _col("Prescribed", "Ordineret", lambda r, c, u: _date(r.get("authoredOn"), c)),
        _notes_col(),
        _col("Prescribed by", "Ordineret af", _who(("requester", "recorder"))),
    ],
    "Immunization": [
        _col("Vaccine", "Vaccine", lambda r, c, u: concept_cell(r.get("vaccineCode"), c)),
        _col("Date", "Dato", lambda r, c, u: _date(summaries.choice(r, "occurrence")[1], c)),
        _col("Status", "Status", _status),
        _notes_col(),
        _col("Given by", "Givet af", _who(("performer",))),
    ],
    "Observation": [
        _col("Test", "Undersøgelse", lambda r, c, u: concept_cell(r.get("code"), c)),
        _col("Result", "Resultat", lambda r, c, u: _observation_value(r, c)),
        _col("Reference range", "Referenceinterval", lambda r, c, u: _reference_range(r)),
        _col("Date", "Dato", lambda r, c, u: _date(summaries.choice(r, "effective")[1], c)),
        _notes_col(),
        _col("Performed by", "Udført af", _who(("performer",))),
    ],
    "Procedure": [
        _col("Procedure", "Procedure", lambda r, c, u: concept_cell(r.get("code"), c)),
        _col("Date", "Dato", lambda r, c, u: _date(summaries.choice(r, "performed")[1], c)),
        _col("Status", "Status", _status),
        _notes_col(),
        _col("Performed by", "Udført af", _who(("performer", "recorder", "asserter"))),
    ],
    "Flag": [
        _col("Alert", "Advarsel", lambda r, c, u: concept_cell(r.get("code"), c)),
        _col(
            "Category",
            "Kategori",
            lambda r, c, u: concept_cell(summaries.first_concept(r, "category"), c),
        ),
        _col("Status", "Status", _status),
        _col("Flagged by", "Markeret af", _who(("author",))),
    ],
    "DiagnosticReport": [
        _col("Report", "Rapport", _summary),
        _col("Conclusion", "Konklusion", lambda r, c, u: c.free_text(r.get("conclusion"))),
        _col("Status", "Status", _status),
        _col("Responsible", "Ansvarlig", _who(("performer", "resultsInterpreter"))),
    ],
    "CarePlan": [
        _col("Plan", "Plan", _summary),
        _col("Status", "Status", _status),
        _notes_col(),
        _col("Written by", "Skrevet af", _who(("author", "contributor"))),
    ],
}

_DEFAULT_COLUMNS = [
    _col("Entry", "Oplysning", _summary),
    _col("Status", "Status", _status),
    _notes_col(),
]

_TYPE_NAMES = {
    "Condition": ("Problems", "Problemer"),
    "AllergyIntolerance": ("Allergies and intolerances", "Allergier og intolerancer"),
    "MedicationStatement": ("Medication", "Medicin"),
    "MedicationRequest": ("Prescriptions", "Recepter"),
    "Immunization": ("Vaccinations", "Vaccinationer"),
    "Observation": ("Observations and results", "Målinger og prøvesvar"),
    "Procedure": ("Procedures", "Procedurer"),
    "DeviceUseStatement": ("Medical devices", "Medicinsk udstyr"),
    "Flag": ("Alerts", "Advarsler"),
    "DiagnosticReport": ("Reports", "Rapporter"),
    "CarePlan": ("Plans", "Planer"),
    "Consent": ("Consents and directives", "Samtykker og tilkendegivelser"),
    "DocumentReference": ("Documents", "Dokumenter"),
}


def template_vocabulary() -> set[str]:
    """Every label the generated narratives use on their own (column headers, type names, words)."""
    labels: set[str] = set()
    for columns in [*COLUMNS.values(), _DEFAULT_COLUMNS]:
        for en, da, _ in columns:
            labels.update((en, da))
    for en, da in _TYPE_NAMES.values():
        labels.update((en, da))
    for word in summaries._WORDS.values():
        labels.update(word.values())
    return labels


def _join_cells(cells: Any) -> Cell | None:
    present = [c for c in cells if c is not None]
    if not present:
        return None
    langs = {c.lang for c in present}
    return Cell(", ".join(c.text for c in present), langs.pop() if len(langs) == 1 else None)


def type_title(resource_type: str, lang: str) -> str:
    en, da = _TYPE_NAMES.get(resource_type, (resource_type, resource_type))
    return da if lang == "da" else en


RowBuilder = Callable[[list[tuple[str, dict[str, Any]]], NarrativeContext], list[Table]]


def column_tables(entries: list[tuple[str, dict[str, Any]]], ctx: NarrativeContext) -> list[Table]:
    """One table per resource type, columns with no value in any row left out."""
    key = tuple(url for url, _ in entries)
    made = ctx.tables_made.get(key)
    if made is None:
        made = ctx.tables_made[key] = _column_tables(entries, ctx)
    return made


def _column_tables(entries: list[tuple[str, dict[str, Any]]], ctx: NarrativeContext) -> list[Table]:
    by_type: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for url, resource in entries:
        by_type.setdefault(str(resource.get("resourceType")), []).append((url, resource))
    tables: list[Table] = []
    for rtype, items in by_type.items():
        columns = COLUMNS.get(rtype, _DEFAULT_COLUMNS)
        grid = [[fn(resource, ctx, url) for _, _, fn in columns] for url, resource in items]
        used = [i for i in range(len(columns)) if any(row[i] is not None for row in grid)]
        if not used:
            used = [0]
        headers = [ctx.t(columns[i][0], columns[i][1]) for i in used]
        rows = [[row[i] or Cell("") for i in used] for row in grid]
        tables.append(
            Table(rtype, type_title(rtype, ctx.lang), headers, rows, [u for u, _ in items])
        )
    return tables


# The row builder in use; one function, so another summary style can replace it.
build_tables: RowBuilder = column_tables


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
