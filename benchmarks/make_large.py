"""Build large, valid IPS documents from a bundled sample, for benchmarks and load tests.

``make_large_document(n_entries, seed)`` starts from ``samples/ips-bent-eksempelsen.json``
(the sample that uses the most sections) and appends generated laboratory results,
problems, medications, vaccinations and vital signs until the Bundle holds exactly
``n_entries`` entries. Every generated entry gets a unique ``urn:uuid`` fullUrl and id,
points only at resources already in the Bundle, is listed in its section and gets a
row in that section's narrative table, so the result stays a consistent document.
The output depends only on ``n_entries`` and ``seed``.

Command line: ``python benchmarks/make_large.py N OUT.json [--seed S]``.
"""

from __future__ import annotations

import argparse
import copy
import html
import json
import random
import re
import sys
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BASE_SAMPLE = ROOT / "samples" / "ips-bent-eksempelsen.json"
NAMESPACE = uuid.UUID("0c7d3c0e-93a5-4f8e-bb0b-5d6d1a1f2a77")

UCUM = "http://unitsofmeasure.org"
LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
ATC = "http://www.whocc.no/atc"
ICD10 = "http://hl7.org/fhir/sid/icd-10"
INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
XHTML_DIV = '<div xmlns="http://www.w3.org/1999/xhtml">'

Resource = dict[str, Any]

# (Danish name, LOINC code, LOINC display, unit shown, UCUM code, low, high, typical value)
LAB_TESTS = [
    ("Kreatinin", "14682-9", "Creatinine [Moles/volume] in Serum or Plasma", "µmol/L", "umol/L", 60, 105, 110),
    ("Hæmoglobin", "59260-0", "Hemoglobin [Moles/volume] in Blood", "mmol/L", "mmol/L", 8.3, 10.5, 8.6),
    ("Kalium", "2823-3", "Potassium [Moles/volume] in Serum or Plasma", "mmol/L", "mmol/L", 3.5, 4.6, 4.2),
    ("HbA1c (langtidsblodsukker)", "59261-8", "Hemoglobin A1c/Hemoglobin.total in Blood by IFCC protocol",
     "mmol/mol", "mmol/mol", 31, 44, 42),
    ("LDL-kolesterol", "39469-2", "Cholesterol in LDL [Moles/volume] in Serum or Plasma by calculation",
     "mmol/L", "mmol/L", None, 3.0, 2.6),
    ("TSH (thyreoideastimulerende hormon)", "3016-3", "Thyrotropin [Units/volume] in Serum or Plasma",
     "mIU/L", "m[IU]/L", 0.3, 4.0, 2.0),
]  # fmt: skip

# (Danish name, SNOMED CT code and display, ICD-10 code and display)
CONDITIONS = [
    ("Forhøjet kolesterol (hyperlipidæmi)", "55822004", "Hyperlipidemia (disorder)", "E78.5",
     "Hyperlipidaemia, unspecified"),
    ("Type 2-diabetes", "44054006", "Diabetes mellitus type 2 (disorder)", "E11.9",
     "Type 2 diabetes mellitus without complications"),
    ("Astma", "195967001", "Asthma (disorder)", "J45.9", "Asthma, unspecified"),
    ("Nedsat stofskifte (hypotyreose)", "40930008", "Hypothyroidism (disorder)", "E03.9",
     "Hypothyroidism, unspecified"),
]  # fmt: skip

# (Danish product name, ATC code, ATC display, Danish dosage text, doses per day)
MEDICINES = [
    ("Atorvastatin 40 mg tablet", "C10AA05", "atorvastatin", "1 tablet til aften", 1),
    ("Metformin 500 mg tablet", "A10BA02", "metformin", "1 tablet 2 gange dagligt", 2),
    ("Amlodipin 5 mg tablet", "C08CA01", "amlodipine", "1 tablet dagligt", 1),
    ("Colecalciferol 20 mikrogram tablet", "A11CC05", "colecalciferol", "1 tablet dagligt", 1),
]  # fmt: skip


def _uuid(seed: int, label: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{seed}/{label}"))


def _number(value: float) -> str:
    text = f"{value:g}"
    return text.replace(".", ",")


def _danish_date(iso: str) -> str:
    year, month, day = iso[:10].split("-")
    return f"{day}.{month}.{year}"


def _paragraph(text: str) -> dict[str, str]:
    return {
        "status": "generated",
        "div": f"{XHTML_DIV}<p>{html.escape(text, quote=False)}</p></div>",
    }


def _row(cells: list[str]) -> str:
    return "<tr>" + "".join(f"<td>{html.escape(c, quote=False)}</td>" for c in cells) + "</tr>"


def _coding(system: str, code: str, display: str) -> dict[str, str]:
    return {"system": system, "code": code, "display": display}


def _quantity(value: float, unit: str, code: str) -> dict[str, Any]:
    return {"value": value, "unit": unit, "system": UCUM, "code": code}


class _Generator:
    """Turns templates from the base sample into new entries, one kind at a time."""

    def __init__(self, base: dict[str, Any], seed: int) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        by_url = {e["fullUrl"]: e["resource"] for e in base["entry"]}
        self.sections = {
            code["code"]: section
            for section in base["entry"][0]["resource"]["section"]
            for code in section["code"]["coding"]
            if code["system"] == LOINC
        }

        def first(section_code: str, test: Callable[[Resource], bool]) -> Resource:
            for ref in self.sections[section_code].get("entry", []):
                resource: Resource = by_url[ref["reference"]]
                if test(resource):
                    return resource
            raise ValueError(f"the base sample has no usable entry in section {section_code}")

        self.templates: dict[str, Resource] = {
            "result": first("30954-2", lambda r: "valueQuantity" in r),
            "problem": first("11450-4", lambda r: r["resourceType"] == "Condition"),
            "medication": first("10160-0", lambda r: "medicationCodeableConcept" in r),
            "immunization": first("11369-6", lambda r: r["resourceType"] == "Immunization"),
            "vital": first("8716-3", lambda r: "valueQuantity" in r),
        }
        self.section_for = {
            "result": "30954-2",
            "problem": "11450-4",
            "medication": "10160-0",
            "immunization": "11369-6",
            "vital": "8716-3",
        }
        self.builders: dict[str, Callable[[Resource], list[str]]] = {
            "result": self._result,
            "problem": self._problem,
            "medication": self._medication,
            "immunization": self._immunization,
            "vital": self._vital,
        }
        self.kinds = list(self.builders)
        self.pending_rows: dict[str, list[str]] = {code: [] for code in self.section_for.values()}
        # Mostly results, as in a long-lived record; weights are per generated entry.
        self.weights = [60, 12, 12, 8, 8]

    def _day(self) -> str:
        start = date(2000, 1, 1)
        return (start + timedelta(days=self.rng.randrange(9800))).isoformat()

    def _result(self, obs: Resource) -> list[str]:
        name, code, display, unit, ucum, low, high, typical = self.rng.choice(LAB_TESTS)
        value = round(typical * self.rng.uniform(0.6, 1.5), 1)
        flag = (
            "H"
            if high is not None and value > high
            else "L"
            if low is not None and value < low
            else "N"
        )
        day = self._day()
        obs["code"] = {"coding": [_coding(LOINC, code, display)], "text": name}
        obs["effectiveDateTime"] = f"{day}T08:00:00+01:00"
        obs["valueQuantity"] = _quantity(value, unit, ucum)
        flag_text = {"N": "Normal", "H": "Over referenceinterval", "L": "Under referenceinterval"}[
            flag
        ]
        flag_display = {"N": "Normal", "H": "High", "L": "Low"}[flag]
        obs["interpretation"] = [
            {"coding": [_coding(INTERPRETATION, flag, flag_display)], "text": flag_text}
        ]
        reference_range: dict[str, Any] = {}
        if low is not None:
            reference_range["low"] = _quantity(low, unit, ucum)
        if high is not None:
            reference_range["high"] = _quantity(high, unit, ucum)
        shown_range = (
            f"{_number(low)}–{_number(high)}"
            if low is not None and high is not None
            else f"< {_number(high)}"
        )
        reference_range["text"] = f"{shown_range} {unit}"
        obs["referenceRange"] = [reference_range]
        obs["text"] = _paragraph(
            f"{name} {_danish_date(day)}: {_number(value)} {unit} (ref. {shown_range})"
        )
        verdict = {"N": "Normal", "H": "Forhøjet", "L": "Nedsat"}[flag]
        return [name, _danish_date(day), _number(value), unit, shown_range, verdict]

    def _problem(self, condition: Resource) -> list[str]:
        name, sct, sct_display, icd, icd_display = self.rng.choice(CONDITIONS)
        onset = self._day()
        condition["code"] = {
            "coding": [_coding(SNOMED, sct, sct_display), _coding(ICD10, icd, icd_display)],
            "text": name,
        }
        condition["onsetDateTime"] = onset
        condition.pop("note", None)
        condition["text"] = _paragraph(f"{name} (aktiv), debut {_danish_date(onset)}")
        return [name, "aktiv", _danish_date(onset), "", f"SNOMED CT {sct}; ICD-10 {icd}"]

    def _medication(self, statement: Resource) -> list[str]:
        name, atc, atc_display, dosage_text, per_day = self.rng.choice(MEDICINES)
        start = self._day()
        statement["medicationCodeableConcept"] = {
            "coding": [_coding(ATC, atc, atc_display)],
            "text": name,
        }
        statement["effectivePeriod"] = {"start": start}
        statement.pop("reasonReference", None)
        dosage = statement["dosage"][0]
        dosage["text"] = dosage_text
        dosage["timing"] = {"repeat": {"frequency": per_day, "period": 1, "periodUnit": "d"}}
        dosage.pop("asNeededBoolean", None)
        dosage["doseAndRate"] = [{"doseQuantity": _quantity(1, "tablet", "{tablet}")}]
        statement["text"] = _paragraph(f"{name}: {dosage_text} (fra {_danish_date(start)})")
        return [name, dosage_text, _danish_date(start), "aktiv"]

    def _immunization(self, immunization: Resource) -> list[str]:
        day = self._day()
        name = immunization["vaccineCode"].get("text", "Vaccine")
        immunization["occurrenceDateTime"] = day
        immunization["lotNumber"] = f"TEST-{self.rng.randrange(10**6):06d}"
        immunization["text"] = _paragraph(f"{name}, {_danish_date(day)}, dosis 1")
        for protocol in immunization.get("protocolApplied", []):
            protocol["doseNumberPositiveInt"] = 1
        targets = ", ".join(
            c.get("display", c["code"])
            for protocol in immunization.get("protocolApplied", [])
            for disease in protocol.get("targetDisease", [])
            for c in disease.get("coding", [])
        )
        return [name, _danish_date(day), "1", targets]

    def _vital(self, obs: Resource) -> list[str]:
        day = self._day()
        quantity = obs["valueQuantity"]
        value = round(quantity["value"] * self.rng.uniform(0.9, 1.1), 1)
        obs["effectiveDateTime"] = f"{day}T10:00:00+01:00"
        obs["valueQuantity"] = {**quantity, "value": value}
        name = obs["code"].get("text", obs["code"]["coding"][0].get("display", "Måling"))
        shown = f"{_number(value)} {quantity['unit']}"
        obs["text"] = _paragraph(f"{name} {_danish_date(day)}: {shown}")
        return [name, _danish_date(day), shown]

    def entry(self, index: int) -> tuple[str, dict[str, Any], str]:
        """A new (fullUrl, resource, section code), and the section narrative gets its row."""
        kind = self.rng.choices(self.kinds, self.weights)[0]
        resource = copy.deepcopy(self.templates[kind])
        resource_id = _uuid(self.seed, f"entry/{index}")
        resource["id"] = resource_id
        row = self.builders[kind](resource)
        section_code = self.section_for[kind]
        self.pending_rows[section_code].append(_row(row))
        return f"urn:uuid:{resource_id}", resource, section_code

    def write_narratives(self) -> None:
        """Add the generated rows to the section tables (once: the narratives get long)."""
        for section_code, rows in self.pending_rows.items():
            if rows:
                _append_rows(self.sections[section_code], rows)


def _append_rows(section: dict[str, Any], rows: list[str]) -> None:
    text = section["text"]["div"]
    if "</tbody>" not in text:
        raise ValueError(f"section {section['title']!r} has no narrative table to extend")
    cut = text.rindex("</tbody>")
    section["text"]["div"] = text[:cut] + "".join(rows) + text[cut:]


def _recount_composition_narrative(composition: dict[str, Any]) -> None:
    """The Composition narrative lists how many entries each section has: keep it true."""
    items = "".join(
        f"<li>{html.escape(s['title'], quote=False)}: {len(s.get('entry', []))} "
        f"{'oplysning' if len(s.get('entry', [])) == 1 else 'oplysninger'}</li>"
        for s in composition["section"]
    )
    composition["text"]["div"] = re.sub(
        r"<ul>.*</ul>",
        lambda _: f"<ul>{items}</ul>",
        composition["text"]["div"],
        count=1,
        flags=re.S,
    )


def load_base() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(BASE_SAMPLE.read_text(encoding="utf-8"))
    return data


def make_large_document(n_entries: int, seed: int = 0) -> dict[str, Any]:
    """An IPS document Bundle with exactly ``n_entries`` entries, the same for the same seed."""
    bundle = load_base()
    base_size = len(bundle["entry"])
    if n_entries < base_size:
        raise ValueError(f"n_entries must be at least {base_size} (the size of the base sample)")
    generator = _Generator(bundle, seed)
    for index in range(n_entries - base_size):
        full_url, resource, section_code = generator.entry(index)
        bundle["entry"].append({"fullUrl": full_url, "resource": resource})
        generator.sections[section_code].setdefault("entry", []).append({"reference": full_url})
    generator.write_narratives()
    composition = bundle["entry"][0]["resource"]
    _recount_composition_narrative(composition)
    label = f"large/{n_entries}"
    bundle["id"] = _uuid(seed, f"{label}/bundle")
    bundle["identifier"] = {
        "system": "urn:ietf:rfc:3986",
        "value": f"urn:uuid:{_uuid(seed, f'{label}/identifier')}",
    }
    composition["identifier"] = {
        "system": "urn:ietf:rfc:3986",
        "value": f"urn:uuid:{_uuid(seed, f'{label}/composition-identifier')}",
    }
    return bundle


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write a large, valid IPS document built from the samples."
    )
    parser.add_argument("n_entries", help="number of Bundle entries (at least the base sample's)")
    parser.add_argument("out", type=Path, help="output JSON file")
    parser.add_argument(
        "--seed", type=int, default=0, help="random seed (same seed, same document)"
    )
    args = parser.parse_args(argv)
    try:
        n_entries = int(args.n_entries)
        document = make_large_document(n_entries, args.seed)
    except ValueError as error:
        message = (
            str(error) if "n_entries" in str(error) else f"not a whole number: {args.n_entries}"
        )
        print(f"make_large: {message}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    from xshare_desktop.core.fileio import atomic_write_bytes

    atomic_write_bytes(
        args.out, json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"
    )
    print(f"{args.out}: {n_entries} entries", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
