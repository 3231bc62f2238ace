"""A shared document as a clinical document a doctor can file: who, by whom, what, and what not.

Built only from the finished output Bundle (after selection, pseudonymisation and
translation) and from what the share says it left out, so the PDF cannot show
anything the shared JSON does not contain. Identifiers are labelled by their
system (CPR-nr., SOR-kode, prøvenummer); technical identifiers (``urn:uuid:``,
``urn:oid:`` values) are never printed. Lab results carry the reference range and
an abnormal flag from the data. What was left out is told by kind and reason,
never by naming the entries: the recipient learns that something is missing and
why, not what it was.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from xshare_desktop.core import summaries
from xshare_desktop.core.document import CPR_SYSTEM, LAB_REPORT_CODE, format_cpr
from xshare_desktop.core.sharing.fields import field_for
from xshare_desktop.core.sharing.narrative import (
    Cell,
    NarrativeContext,
    build_tables,
    concept_cell,
    empty_reason_text,
    section_entries,
)
from xshare_desktop.core.sharing.prune import LeftOut, iter_sections
from xshare_desktop.core.sharing.refs import EntryIndex
from xshare_desktop.core.sharing.translate import language_base
from xshare_desktop.render.blocks import (
    Block,
    Bullets,
    ClinicalDocument,
    Facts,
    Heading,
    PageHeader,
    Paragraph,
    Table,
    Text,
)
from xshare_desktop.render.quantities import (
    abnormal_flag,
    format_number,
    quantity_text,
    range_text,
    unit_text,
)

SOR_SYSTEM = "urn:oid:1.2.208.176.1.1"
_SYSTEM_LABELS = {
    CPR_SYSTEM: ("CPR no.", "CPR-nr."),
    SOR_SYSTEM: ("SOR code", "SOR-kode"),
}


def _t(lang: str, en: str, da: str) -> str:
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
            label = _t(lang, en, da)
            if system == CPR_SYSTEM:
                value = format_cpr(value)
        else:
            type_text = (
                summaries.concept_text(identifier.get("type"), lang)
                if isinstance(identifier.get("type"), Mapping)
                else ""
            )
            label = type_text or _t(lang, *default)
        lines.append((label, value))
    return lines


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _nowrap(text: str) -> str:
    """A date such as "13. oktober 2026" kept on one line (no-break spaces)."""
    return text.replace(" ", "\u00a0")


def _cell_text(cell: Cell | None) -> Text | None:
    if not cell or not cell.text:
        return None
    return Text(
        cell.text,
        italic=cell.lang is not None,
        lang=language_base(cell.lang) if cell.lang else None,
    )


class _Builder:
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
        return _t(self.lang, en, da)

    # -- references ---------------------------------------------------------------------------

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

    # -- the parts ----------------------------------------------------------------------------

    def patient(self) -> Mapping[str, Any] | None:
        return self.resolve(self.composition.get("subject"))

    def page_header(self) -> PageHeader:
        patient = self.patient() or {}
        name = summaries.human_name(patient.get("name")) or self.t("(no name)", "(intet navn)")
        cpr = [
            format_cpr(str(i["value"]))
            for i in patient.get("identifier") or []
            if isinstance(i, Mapping) and i.get("system") == CPR_SYSTEM and printable_identifier(i)
        ]
        if cpr:
            identifier = f"{self.t('CPR no.', 'CPR-nr.')} {cpr[0]}"
        elif self.pseudonymised:
            identifier = self.t("pseudonymised: no CPR no.", "pseudonymiseret: intet CPR-nr.")
        else:
            shown = identifier_lines(
                patient.get("identifier"), self.lang, ("Identifier", "Identifikator")
            )
            identifier = f"{shown[0][0]} {shown[0][1]}" if shown else ""
        date = summaries.date_of(self.composition.get("date", ""), self.lang)
        return PageHeader(name, identifier, f"{self.t('Document date', 'Dokumentets dato')} {date}")

    def patient_facts(self) -> None:
        patient = self.patient()
        if patient is None:
            return
        rows: list[tuple[str, Text]] = []
        name = summaries.human_name(patient.get("name"))
        if name:
            rows.append((self.t("Name", "Navn"), Text(name)))
        born = summaries.date_of(patient.get("birthDate"), self.lang)
        if born:
            rows.append((self.t("Born", "Født"), Text(born)))
        gender = patient.get("gender")
        if isinstance(gender, str):
            rows.append((self.t("Gender", "Køn"), Text(summaries.word(gender, self.lang))))
        for label, value in identifier_lines(
            patient.get("identifier"), self.lang, ("Identifier", "Identifikator")
        ):
            rows.append((label, Text(value)))
        if self.pseudonymised:
            rows.append(
                (
                    self.t("Identity", "Identitet"),
                    Text(
                        self.t(
                            "replaced by a pseudonym at the patient's choice",
                            "erstattet af et pseudonym efter patientens valg",
                        )
                    ),
                )
            )
        for address in patient.get("address") or []:
            if isinstance(address, Mapping):
                parts = [
                    *(str(x) for x in address.get("line") or []),
                    " ".join(str(p) for p in (address.get("postalCode"), address.get("city")) if p),
                    address.get("country"),
                ]
                text = address.get("text") or ", ".join(str(p) for p in parts if p)
                if text:
                    rows.append((self.t("Address", "Adresse"), Text(str(text))))
        telecom = [
            str(t.get("value"))
            for t in patient.get("telecom") or []
            if isinstance(t, Mapping) and isinstance(t.get("value"), str)
        ]
        if telecom:
            rows.append((self.t("Phone and e-mail", "Telefon og e-mail"), Text(", ".join(telecom))))
        gp = self.parties(patient.get("generalPractitioner"))
        if gp:
            rows.append((self.t("General practitioner", "Egen læge"), Text(gp)))
        self.blocks.append(Heading(self.t("Patient", "Patient"), 2))
        self.blocks.append(Facts(rows))

    def document_facts(self, signer: str | None, shared_on: str | None) -> None:
        c = self.composition
        rows: list[tuple[str, Text]] = []
        kind = concept_cell(c.get("type"), self.ctx)
        if kind:
            rows.append((self.t("Document type", "Dokumenttype"), Text(kind.text)))
        date = summaries.date_of(c.get("date", ""), self.lang)
        if date:
            rows.append((self.t("Document date", "Dokumentets dato"), Text(date)))
        status = c.get("status")
        if isinstance(status, str):
            rows.append((self.t("Status", "Status"), Text(summaries.word(status, self.lang))))
        if shared_on:
            rows.append((self.t("Shared by the patient", "Delt af patienten"), Text(shared_on)))
        author = self.parties(c.get("author"))
        rows.append(
            (self.t("Author", "Forfatter"), Text(author or self.t("not stated", "ikke angivet")))
        )
        custodian = self.parties(c.get("custodian"))
        if custodian:
            rows.append((self.t("Custodian", "Dokumentansvarlig"), Text(custodian)))
        for attester in c.get("attester") or []:
            if not isinstance(attester, Mapping):
                continue
            who = self.party(attester.get("party"))
            when = summaries.date_of(attester.get("time", ""), self.lang)
            if who:
                text = f"{who}, {when}" if when else who
                rows.append((self.t("Attested by", "Godkendt af"), Text(text)))
        for label, value in identifier_lines(
            c.get("identifier"), self.lang, ("Document no.", "Dokumentnr.")
        ):
            rows.append((self.t("Document no.", "Dokumentnr."), Text(value)))
            del label
        if signer:
            rows.append(
                (
                    self.t("Signature", "Signatur"),
                    Text(
                        self.t(
                            f"signed by {signer} (electronic signature, ES256). The signature "
                            "(FILE.jws, or inside the xShare package) came with this document; "
                            "check it in xShare Desktop or with: xshare verify FILE",
                            f"signeret af {signer} (elektronisk signatur, ES256). Signaturen "
                            "(FIL.jws, eller i xShare-pakken) fulgte med dokumentet; kontrollér "
                            "den i xShare Desktop eller med: xshare verify FIL",
                        )
                    ),
                )
            )
        else:
            rows.append(
                (
                    self.t("Signature", "Signatur"),
                    Text(
                        self.t(
                            "not signed: this PDF cannot prove who made it",
                            "ikke signeret: denne PDF kan ikke bevise, hvem der har lavet den",
                        )
                    ),
                )
            )
        self.blocks.append(Heading(self.t("Document", "Dokument"), 2))
        self.blocks.append(Facts(rows))

    def report_facts(self) -> None:
        """The lab report: its number, laboratory, responsible person and specimens.

        Only for a laboratory report document (LOINC 11502-2); in a patient summary a
        DiagnosticReport is one entry of its Results section and is shown there.
        """
        codings = (self.composition.get("type") or {}).get("coding") or []
        if not any(isinstance(c, Mapping) and c.get("code") == LAB_REPORT_CODE for c in codings):
            return
        reports = [
            (url, r)
            for url, r in self.index.by_url.items()
            if r.get("resourceType") == "DiagnosticReport"
        ]
        specimens: dict[str, dict[str, Any]] = {}
        for url, resource in self.index.by_url.items():
            if resource.get("resourceType") == "Specimen":
                specimens[url] = resource
        if not reports and not specimens:
            return
        for url, report in reports:
            rows: list[tuple[str, Text]] = []
            name = concept_cell(report.get("code"), self.ctx)
            if name:
                rows.append((self.t("Report", "Rapport"), Text(name.text)))
            for _, value in identifier_lines(report.get("identifier"), self.lang, ("", "")):
                rows.append((self.t("Report no.", "Rapportnr."), Text(value)))
            status = report.get("status")
            if isinstance(status, str):
                rows.append((self.t("Status", "Status"), Text(summaries.word(status, self.lang))))
            taken = summaries.date_of(summaries.choice(report, "effective")[1], self.lang)
            if taken:
                rows.append((self.t("Sample taken", "Prøve taget"), Text(taken)))
            issued = summaries.date_of(report.get("issued", ""), self.lang)
            if issued:
                rows.append((self.t("Issued", "Udstedt"), Text(issued)))
            performer = self.parties(report.get("performer"), url)
            self.report_performers.add(self.parties(report.get("performer"), url, codes=False))
            if performer:
                rows.append(
                    (self.t("Performing laboratory", "Udførende laboratorium"), Text(performer))
                )
            interpreter = self.parties(report.get("resultsInterpreter"), url)
            if interpreter:
                rows.append((self.t("Responsible", "Ansvarlig"), Text(interpreter)))
            conclusion = self.ctx.free_text(report.get("conclusion"))
            if conclusion:
                rows.append(
                    (self.t("Conclusion", "Konklusion"), _cell_text(conclusion) or Text(""))
                )
            self.blocks.append(Heading(self.t("Report", "Rapport"), 2))
            self.blocks.append(Facts(rows))
        if specimens:
            rows_table: list[list[Text]] = []
            for specimen in specimens.values():
                kind = _cell_text(concept_cell(specimen.get("type"), self.ctx)) or Text("")
                numbers = [
                    value
                    for _, value in identifier_lines(
                        specimen.get("identifier"), self.lang, ("", "")
                    )
                ]
                accession = identifier_lines(
                    specimen.get("accessionIdentifier"), self.lang, ("", "")
                )
                numbers.extend(value for _, value in accession)
                if not numbers and self.pseudonymised:
                    numbers.append(self.t("replaced by a pseudonym", "erstattet af et pseudonym"))
                collected = summaries.date_of(
                    summaries.choice(specimen.get("collection") or {}, "collected")[1], self.lang
                )
                rows_table.append(
                    [kind, Text(", ".join(numbers)), Text(_nowrap(collected), hyphenate=False)]
                )
            self.blocks.append(Heading(self.t("Specimens", "Prøvemateriale"), 3))
            self.blocks.append(
                Table(
                    [
                        self.t("Specimen", "Materiale"),
                        self.t("Sample no.", "Prøvenummer"),
                        self.t("Collected", "Taget"),
                    ],
                    rows_table,
                )
            )

    def notes(self) -> None:
        notes = [
            self.t(
                "This document is a selection chosen by the patient from a larger health document.",
                "Dette dokument er et udvalg, som patienten har valgt fra et større helbredsdokument.",
            )
        ]
        if self.pseudonymised:
            notes.append(
                self.t(
                    "The patient's name, identifiers and contact details are replaced by a "
                    "pseudonym.",
                    "Patientens navn, identifikatorer og kontaktoplysninger er erstattet af et "
                    "pseudonym.",
                )
            )
        if self.translated:
            notes.append(
                self.t(
                    "Translated by xShare Desktop; text in italics had no translation and is in "
                    "the original language.",
                    "Oversat af xShare Desktop; tekst i kursiv havde ingen oversættelse og står på "
                    "originalsproget.",
                )
            )
        self.blocks.extend(Paragraph(n, "note") for n in notes)

    # -- sections ----------------------------------------------------------------------------

    def observation_table(self, items: list[tuple[str, dict[str, Any]]]) -> Table:
        rows: list[list[Text]] = []
        any_specimen = False
        for url, obs in items:
            name = _cell_text(concept_cell(obs.get("code"), self.ctx)) or Text("")
            flag = abnormal_flag(obs, self.lang)
            value = self.observation_value(obs)
            flag_text = None
            if flag:
                flag_text = f"{flag.code} ({flag.words}{'*' if flag.from_range else ''})"
            result = Text(value.text, value.italic, flag_text)
            ranges = obs.get("referenceRange")
            reference = (
                range_text(ranges[0], self.lang) if isinstance(ranges, list) and ranges else ""
            )
            date = summaries.date_of(summaries.choice(obs, "effective")[1], self.lang)
            specimen = self.resolve(obs.get("specimen"), url)
            sample = ""
            if specimen:
                ids = identifier_lines(specimen.get("identifier"), self.lang, ("", ""))
                sample = ids[0][1] if ids else ""
                any_specimen = any_specimen or bool(sample)
            performer = self.parties(obs.get("performer"), url, codes=False)
            rows.append(
                [
                    name,
                    result,
                    Text(reference),
                    Text(_nowrap(date), hyphenate=False),
                    Text(sample),
                    Text(performer),
                ]
            )
        headers = [
            self.t("Test", "Undersøgelse"),
            self.t("Result", "Resultat"),
            self.t("Reference range", "Referenceinterval"),
            self.t("Date", "Dato"),
            self.t("Sample no.", "Prøvenummer"),
            self.t("Performed by", "Udført af"),
        ]
        used = [i for i in range(len(headers)) if i < 2 or any(r[i].text for r in rows)]
        performers = {r[5].text for r in rows}
        if len(performers) == 1 and performers <= self.report_performers and 5 in used:
            used.remove(5)  # every result is from the laboratory the report names above
        if not any_specimen and 4 in used:
            used.remove(4)
        return Table([headers[i] for i in used], [[r[i] for i in used] for r in rows])

    def recommendation_table(self, items: list[tuple[str, dict[str, Any]]]) -> Table:
        """One row per recommended vaccine (FHIR R4 ImmunizationRecommendation.recommendation)."""
        rows: list[list[Text]] = []
        for url, resource in items:
            by = self.parties(resource.get("authority"), url, codes=False)
            for item in resource.get("recommendation") or []:
                if not isinstance(item, Mapping):
                    continue
                vaccine = next(iter(item.get("vaccineCode") or []), None)
                disease = item.get("targetDisease")
                criteria = [c for c in item.get("dateCriterion") or [] if isinstance(c, Mapping)]
                due = summaries.date_of(criteria[0].get("value", ""), self.lang) if criteria else ""
                rows.append(
                    [
                        _cell_text(concept_cell(vaccine, self.ctx))
                        or _cell_text(concept_cell(disease, self.ctx))
                        or Text(""),
                        _cell_text(concept_cell(item.get("forecastStatus"), self.ctx)) or Text(""),
                        Text(_nowrap(due), hyphenate=False),
                        Text(by),
                    ]
                )
        headers = [
            self.t("Vaccine", "Vaccine"),
            self.t("Status", "Status"),
            self.t("Due", "Anbefalet dato"),
            self.t("Recommended by", "Anbefalet af"),
        ]
        used = [i for i in range(len(headers)) if i == 0 or any(r[i].text for r in rows)]
        return Table([headers[i] for i in used], [[r[i] for i in used] for r in rows])

    def observation_value(self, obs: Mapping[str, Any]) -> Text:
        kind, value = summaries.choice(obs, "value")
        if kind == "Quantity":
            return Text(quantity_text(value, self.lang))
        if kind == "Range" and isinstance(value, Mapping):
            return Text(range_text(value, self.lang))
        if kind in ("CodeableConcept", "String"):
            cell = (
                concept_cell(value, self.ctx)
                if kind == "CodeableConcept"
                else self.ctx.free_text(value)
            )
            return _cell_text(cell) or Text("")
        if not kind:
            quantities = []
            for component in obs.get("component") or []:
                if isinstance(component, Mapping):
                    ckind, cvalue = summaries.choice(component, "value")
                    if ckind == "Quantity" and isinstance(cvalue, Mapping):
                        quantities.append(cvalue)
            units = {unit_text(q, self.lang) for q in quantities}
            if quantities and len(units) == 1:  # blood pressure: 138/78 mmHg
                numbers = "/".join(format_number(q.get("value"), self.lang) for q in quantities)
                return Text(f"{numbers}\u00a0{units.pop()}".strip())
            if quantities:
                return Text(" / ".join(quantity_text(q, self.lang) for q in quantities))
        return Text(
            summaries.observation_value(obs, "da" if self.lang == "da" else "en", self.ctx.doc_lang)
        )

    def entry_tables(self, entries: list[tuple[str, dict[str, Any]]], level: int) -> None:
        by_type: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        for url, resource in entries:
            by_type.setdefault(str(resource.get("resourceType")), []).append((url, resource))
        several = len(by_type) > 1
        own = ("Observation", "ImmunizationRecommendation")
        others = [(u, r) for u, r in entries if r.get("resourceType") not in own]
        tables = {t.resource_type: t for t in build_tables(others, self.ctx)} if others else {}
        for rtype, items in by_type.items():
            if rtype == "ImmunizationRecommendation":
                if several:
                    self.blocks.append(
                        Heading(
                            self.t("Recommended vaccinations", "Anbefalede vaccinationer"),
                            level + 1,
                        )
                    )
                self.blocks.append(self.recommendation_table(items))
                continue
            if rtype == "Observation":
                if several:
                    self.blocks.append(Heading(self.t("Results", "Resultater"), level + 1))
                results = self.observation_table(items)
                self.blocks.append(results)
                if any((c.flag or "").endswith("*)") for row in results.rows for c in row):
                    self.blocks.append(
                        Paragraph(
                            self.t(
                                "* Flagged by xShare Desktop: the value lies outside the "
                                "reference range; the sender gave no interpretation.",
                                "* Markeret af xShare Desktop: værdien ligger uden for "
                                "referenceintervallet; afsenderen har ikke angivet en vurdering.",
                            ),
                            "note",
                        )
                    )
                continue
            table = tables[rtype]
            if several:
                self.blocks.append(Heading(table.title, level + 1))
            self.blocks.append(
                Table(
                    list(table.headers),
                    [[_cell_text(c) or Text("") for c in row] for row in table.rows],
                )
            )

    def sections(self, sections: Iterable[Mapping[str, Any]], level: int = 2) -> None:
        for section in sections:
            self.blocks.append(Heading(str(section.get("title") or ""), level))
            entries = section_entries(section, self.ctx, self.composition_url)
            if entries:
                self.entry_tables(entries, level)
            elif not section.get("section"):
                self.blocks.append(Paragraph(empty_reason_text(section, self.ctx)))
            children = [s for s in section.get("section") or [] if isinstance(s, Mapping)]
            if children:
                self.sections(children, min(level + 1, 3))

    # -- what is missing ---------------------------------------------------------------------

    def not_shared(self, left_out: list[LeftOut]) -> None:
        lines: list[str] = []
        for section in iter_sections(self.composition.get("section") or []):
            reason = summaries.status_code(section.get("emptyReason"))
            if reason == "withheld":
                lines.append(
                    self.t(
                        f"{section.get('title')}: withheld by the patient.",
                        f"{section.get('title')}: tilbageholdt af patienten.",
                    )
                )
        sections: Counter[str] = Counter(str(x.reason) for x in left_out if x.kind == "section")
        entries: Counter[str] = Counter(
            str(x.reason) for x in left_out if x.kind == "entry" and x.reason != "section"
        )
        chosen_sections = sections.get("chosen", 0)
        if chosen_sections:
            lines.append(
                self.t(
                    f"{_plural(chosen_sections, 'section', 'sections')} of the original "
                    "document: left out at the patient's choice.",
                    f"{chosen_sections} afsnit af det oprindelige dokument: udeladt efter "
                    "patientens valg.",
                )
            )
        free_text = sections.get("free-text", 0) + entries.get("free-text", 0)
        if free_text:
            lines.append(
                self.t(
                    f"{_plural(free_text, 'part', 'parts')} holding only free text: left out by "
                    "xShare Desktop, which cannot check free text for what the patient chose to "
                    "hold back.",
                    f"{_plural(free_text, 'del', 'dele')} med kun fritekst: udeladt af xShare "
                    "Desktop, som ikke kan kontrollere fritekst for det, patienten har valgt at "
                    "holde tilbage.",
                )
            )
        entry_reasons = {
            "chosen": ("left out at the patient's choice", "udeladt efter patientens valg"),
            "depends": (
                "left out because they depend on something the patient left out",
                "udeladt, fordi de afhænger af noget, patienten har udeladt",
            ),
            "unused": (
                "left out because only left-out entries referred to them",
                "udeladt, fordi kun udeladte oplysninger henviste til dem",
            ),
            "outside": (
                "left out because they are not part of the document itself",
                "udeladt, fordi de ikke er en del af selve dokumentet",
            ),
        }
        for reason, (en, da) in entry_reasons.items():
            count = entries.get(reason, 0)
            if count:
                lines.append(
                    self.t(
                        f"{_plural(count, 'entry', 'entries')}: {en}.",
                        f"{_plural(count, 'oplysning', 'oplysninger')}: {da}.",
                    )
                )
        for item in dict.fromkeys(x.field for x in left_out if x.kind == "field" and x.field):
            rtype, _, path = item.partition(".")
            optional = field_for(rtype, path)
            label = optional.label(self.lang) if optional else path
            lines.append(
                self.t(f"{label} ({rtype}): not shared.", f"{label} ({rtype}): ikke delt.")
            )
        self.blocks.append(Heading(self.t("Not shared", "Ikke delt"), 2))
        if lines:
            self.blocks.append(Bullets(lines))
        else:
            self.blocks.append(
                Paragraph(
                    self.t(
                        "Everything in the original document is shared.",
                        "Alt i det oprindelige dokument er delt.",
                    )
                )
            )


def is_pseudonymised(bundle: Mapping[str, Any]) -> bool:
    """The share's own Provenance says so (ISO 21089 lifecycle event ``pseudonymize``)."""
    for entry in bundle.get("entry") or []:
        resource = entry.get("resource") if isinstance(entry, Mapping) else None
        if not isinstance(resource, Mapping) or resource.get("resourceType") != "Provenance":
            continue
        activity = resource.get("activity")
        codings = activity.get("coding") if isinstance(activity, Mapping) else None
        if any(isinstance(c, Mapping) and c.get("code") == "pseudonymize" for c in codings or []):
            return True
    return False


def clinical_document(
    bundle: Mapping[str, Any],
    lang: str,
    *,
    left_out: list[LeftOut],
    translated_from: str | None = None,
    signer: str | None = None,
    shared_on: str | None = None,
) -> ClinicalDocument:
    """The blocks of the PDF for the shared ``bundle`` in ``lang`` ("da" or "en").

    ``translated_from`` is the original language when the share translated the document:
    its free texts stay in that language and are set in italics. ``shared_on`` is the
    share's date (ISO), ``signer`` who signs the files (None: they are not signed).
    """
    builder = _Builder(
        bundle, lang, pseudonymised=is_pseudonymised(bundle), translated_from=translated_from
    )
    composition = builder.composition
    title = str(composition.get("title") or builder.t("Health document", "Helbredsdokument"))
    builder.blocks.append(Heading(title, 1))
    builder.notes()
    builder.patient_facts()
    builder.document_facts(signer, summaries.date_of(shared_on, lang) if shared_on else None)
    builder.report_facts()
    builder.sections([s for s in composition.get("section") or [] if isinstance(s, Mapping)])
    builder.not_shared(left_out)
    return ClinicalDocument(title, lang, builder.page_header(), builder.blocks)
