"""The clinical document's sections and their entries as tables: results with their reference
range and abnormal flag, recommendations, and any other entry by the fields it has.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from xshare_desktop.core import summaries
from xshare_desktop.core.sharing.narrative import (
    build_tables,
    concept_cell,
    empty_reason_text,
    section_entries,
)
from xshare_desktop.render.blocks import Heading, Paragraph, Table, Text
from xshare_desktop.render.clinical_context import ClinicalContext, cell_text, nowrap
from xshare_desktop.render.identifiers import identifier_lines
from xshare_desktop.render.quantities import (
    abnormal_flag,
    format_number,
    quantity_text,
    range_text,
    unit_text,
)


class EntryTables(ClinicalContext):
    """Sections, each with its entries in tables (``clinical._Builder`` adds the facts)."""

    def observation_table(self, items: list[tuple[str, dict[str, Any]]]) -> Table:
        rows: list[list[Text]] = []
        any_specimen = False
        for url, obs in items:
            name = cell_text(concept_cell(obs.get("code"), self.ctx)) or Text("")
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
                    Text(nowrap(date), hyphenate=False),
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
                        cell_text(concept_cell(vaccine, self.ctx))
                        or cell_text(concept_cell(disease, self.ctx))
                        or Text(""),
                        cell_text(concept_cell(item.get("forecastStatus"), self.ctx)) or Text(""),
                        Text(nowrap(due), hyphenate=False),
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
            return cell_text(cell) or Text("")
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
                    [[cell_text(c) or Text("") for c in row] for row in table.rows],
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
