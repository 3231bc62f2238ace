"""The tables of a shared document's narratives: what each resource type's columns show.

``column_tables`` makes one table per resource type with the columns of ``COLUMNS`` that
have a value in some row; the cells carry their language when it is not the narrative's.
``core/sharing/narrative.py`` writes them as XHTML, ``pdf_html.py`` as HTML.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from xshare_desktop.core import summaries
from xshare_desktop.core.sharing.refs import EntryIndex
from xshare_desktop.core.sharing.translate import translation_of, unit_name


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
