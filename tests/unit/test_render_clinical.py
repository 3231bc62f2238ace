"""What the clinical PDF says, checked on its blocks (no Qt): who, by whom, what, and what not.

Rules: HL7 Europe Laboratory Report (DiagnosticReport.performer / resultsInterpreter,
Specimen.identifier), FHIR R4 Composition.author / custodian / attester, DK Core
identifier systems (CPR urn:oid:1.2.208.176.1.2, SOR urn:oid:1.2.208.176.1.1), and the
xShare rule that the recipient learns that something was withheld and why, not what.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from xshare_desktop.core.sharing.prune import LeftOut
from xshare_desktop.core.sharing.selection import Selection
from xshare_desktop.core.sharing.writer import ShareOptions, prepare_share
from xshare_desktop.render.blocks import Bullets, ClinicalDocument, Facts, Heading, Paragraph, Table
from xshare_desktop.render.clinical import clinical_document

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 27, 12, 0, 5, tzinfo=UTC)
NBSP = "\u00a0"


def _sample(name: str) -> dict[str, Any]:
    return json.loads((ROOT / "samples" / name).read_text(encoding="utf-8"))


def _document(
    name: str,
    lang: str = "da",
    *,
    exclude: tuple[str, ...] = (),
    pseudonymise: bool = False,
    signer: str | None = None,
) -> ClinicalDocument:
    prepared = prepare_share(
        _sample(name),
        Selection(exclude=exclude),
        ShareOptions(language=lang, pseudonymise=pseudonymise),
        now=NOW,
        salt=b"fixed salt for the test",
    )
    return clinical_document(
        prepared.document, lang, left_out=prepared.left_out, signer=signer, shared_on="2026-11-27"
    )


def _texts(document: ClinicalDocument) -> list[str]:
    texts = [document.title, *vars(document.header).values()]
    for block in document.blocks:
        if isinstance(block, Heading | Paragraph):
            texts.append(block.text)
        elif isinstance(block, Facts):
            for label, value in block.rows:
                texts += [label, value.text, value.flag or ""]
        elif isinstance(block, Table):
            texts += block.headers
            texts += [c.text + (c.flag or "") for row in block.rows for c in row]
        elif isinstance(block, Bullets):
            texts += block.items
    return texts


def _facts(document: ClinicalDocument) -> dict[str, str]:
    found: dict[str, str] = {}
    for block in document.blocks:
        if isinstance(block, Facts):
            for label, value in block.rows:
                found.setdefault(label, value.text)
    return found


def test_cpr_number_is_labelled_cpr_and_heads_every_page() -> None:
    """'Identifikatorer 0211469991' told a doctor nothing: DK Core CPR system -> 'CPR-nr.'."""
    document = _document("eu-lab-karen-testesen.json")
    assert document.header.patient == "Karen Testesen"
    assert document.header.identifier == "CPR-nr. 120354-9996"
    assert document.header.date == "Dokumentets dato 13. oktober 2026"
    facts = _facts(document)
    assert facts["CPR-nr."] == "120354-9996"
    assert not any("Identifikator" in t for t in _texts(document))


def test_lab_report_names_report_laboratory_responsible_and_specimens() -> None:
    document = _document("eu-lab-karen-testesen.json")
    facts = _facts(document)
    assert facts["Rapportnr."] == "KBA-RAPPORT-2026-101342"
    assert facts["Udførende laboratorium"].startswith("Klinisk Biokemisk Afdeling, Testhospitalet")
    assert "SOR-kode 999990000016102" in facts["Udførende laboratorium"]
    assert facts["Ansvarlig"].startswith("Lars Analysesen, Overlæge i klinisk biokemi")
    assert "Lars Analysesen" in facts["Forfatter"]
    assert facts["Dokumentansvarlig"].startswith("Klinisk Biokemisk Afdeling")
    specimens = [b for b in document.blocks if isinstance(b, Table) and "Materiale" in b.headers]
    numbers = [row[1].text for row in specimens[0].rows]
    assert any("FIKTIV-2026-000101" in n for n in numbers)
    assert any("FIKTIV-2026-000102" in n for n in numbers)


def test_abnormal_result_is_flagged_with_its_range_in_danish_numbers() -> None:
    """Kreatinin 128 against 60–105 (Bent) carries H; Kalium 4.4 reads 4,4 in Danish."""
    document = _document("ips-bent-eksempelsen.json")
    rows = {
        row[0].text: row
        for block in document.blocks
        if isinstance(block, Table) and "Referenceinterval" in block.headers
        for row in block.rows
    }
    creatinine = rows["Kreatinin"]
    assert creatinine[1].text == f"128{NBSP}µmol/L" and (creatinine[1].flag or "").startswith("H")
    assert creatinine[2].text == f"60–105{NBSP}µmol/L"
    assert rows["Kalium"][1].text == f"4,4{NBSP}mmol/L" and rows["Kalium"][1].flag is None
    english = _document("ips-bent-eksempelsen.json", "en")
    assert any(t == f"4.4{NBSP}mmol/L" for t in _texts(english))


def test_pseudonymised_pdf_prints_no_technical_identifier() -> None:
    """A raw urn:uuid: stood as the patient's identifier in a pseudonymised PDF."""
    document = _document("eu-lab-karen-testesen.json", pseudonymise=True)
    texts = _texts(document)
    assert not [t for t in texts if "urn:uuid:" in t or "urn:oid:" in t]
    assert document.header.patient.startswith("Pseudonym ")
    assert "Testesen" not in " ".join(texts) and "120354" not in " ".join(texts)
    assert "pseudonym" in document.header.identifier


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "samples").glob("*.json")))
@pytest.mark.parametrize("lang", ["da", "en"])
def test_no_sample_prints_urn_identifiers(name: str, lang: str) -> None:
    for pseudonymise in (False, True):
        texts = _texts(_document(name, lang, pseudonymise=pseudonymise))
        assert not [t for t in texts if "urn:" in t]


def test_left_out_says_the_true_reason_without_naming_what() -> None:
    """Free text left out by the app is not 'the patient's choice'; dropped titles stay unsaid."""
    prepared = prepare_share(
        _sample("ips-bent-eksempelsen.json"),
        Selection(exclude=("section:42348-3",)),
        ShareOptions(language="da"),
        now=NOW,
    )
    chosen = [x for x in prepared.left_out if x.kind == "section" and x.reason == "chosen"]
    assert [x.section_code for x in chosen] == ["42348-3"]
    # what the app left out on its own, whatever the current default for free text is
    by_app = LeftOut(kind="section", reason="free-text", section_code="81338-6", section_title="x")
    left_out = [*chosen, by_app]
    items = next(
        b
        for b in clinical_document(prepared.document, "da", left_out=left_out).blocks
        if isinstance(b, Bullets)
    ).items
    assert items == [
        "1 afsnit af det oprindelige dokument: udeladt efter patientens valg.",
        "1 del med kun fritekst: udeladt af xShare Desktop, som ikke kan kontrollere fritekst for "
        "det, patienten har valgt at holde tilbage.",
    ]
    assert "Livstestamente og behandlingsønsker" not in _texts(
        _document("ips-bent-eksempelsen.json", exclude=("section:42348-3",))
    )


def test_signature_status_is_stated() -> None:
    unsigned = _facts(_document("eu-lab-karen-testesen.json", "en"))
    assert unsigned["Signature"].startswith("not signed")
    signed = _facts(_document("eu-lab-karen-testesen.json", "en", signer="Karen Testesen"))
    assert signed["Signature"].startswith("signed by Karen Testesen")
    assert "xshare verify" in signed["Signature"]
    assert _facts(_document("eu-lab-karen-testesen.json", "en"))["Shared by the patient"] == (
        "27 November 2026"
    )


def test_a_flag_worked_out_from_the_range_is_explained() -> None:
    """The sender gave no interpretation: the PDF says the app marked it, and why."""
    raw = _sample("ips-bent-eksempelsen.json")
    for entry in raw["entry"]:
        resource = entry["resource"]
        if resource["resourceType"] == "Observation" and "referenceRange" in resource:
            resource.pop("interpretation", None)
    prepared = prepare_share(raw, Selection(), ShareOptions(language="da"), now=NOW)
    document = clinical_document(prepared.document, "da", left_out=prepared.left_out)
    flags = [
        c.flag
        for block in document.blocks
        if isinstance(block, Table)
        for row in block.rows
        for c in row
        if c.flag
    ]
    assert "H (høj*)" in flags
    assert any(
        isinstance(b, Paragraph) and b.text.startswith("* Markeret af xShare Desktop")
        for b in document.blocks
    )
    stated = _document("ips-bent-eksempelsen.json")
    assert not any(isinstance(b, Paragraph) and b.text.startswith("* ") for b in stated.blocks), (
        "the sender's own flags need no footnote"
    )
