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
from collections.abc import Mapping
from typing import Any

from xshare_desktop.core import summaries
from xshare_desktop.core.document import CPR_SYSTEM, LAB_REPORT_CODE, format_cpr
from xshare_desktop.core.sharing.fields import field_for
from xshare_desktop.core.sharing.narrative import concept_cell
from xshare_desktop.core.sharing.prune import LeftOut, iter_sections
from xshare_desktop.render.blocks import (
    Bullets,
    ClinicalDocument,
    Facts,
    Heading,
    PageHeader,
    Paragraph,
    Table,
    Text,
)
from xshare_desktop.render.clinical_context import cell_text, nowrap
from xshare_desktop.render.clinical_tables import EntryTables
from xshare_desktop.render.identifiers import identifier_lines, printable_identifier


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


class _Builder(EntryTables):
    """The whole document: its header, facts, notes and what was not shared."""

    # -- the parts ----------------------------------------------------------------------------

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
                rows.append((self.t("Conclusion", "Konklusion"), cell_text(conclusion) or Text("")))
            self.blocks.append(Heading(self.t("Report", "Rapport"), 2))
            self.blocks.append(Facts(rows))
        if specimens:
            rows_table: list[list[Text]] = []
            for specimen in specimens.values():
                kind = cell_text(concept_cell(specimen.get("type"), self.ctx)) or Text("")
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
                    [kind, Text(", ".join(numbers)), Text(nowrap(collected), hyphenate=False)]
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
