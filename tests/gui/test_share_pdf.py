"""The shared PDF read back as a doctor gets it (pdftotext, pdftoppm): a clinical document.

Rules: every page names the patient, the CPR number (DK Core urn:oid:1.2.208.176.1.2) or the
pseudonym, the document date and "Side n af m"; table rows are never split over two pages
and every page's table has its borders and column headers; words break only with a hyphen
at a place the hyphenation dictionary allows; numbers as the language writes them; abnormal
results flagged (Observation.interpretation / referenceRange); no urn:uuid anywhere.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pyphen
import pytest
from PIL import Image

from xshare_desktop.core.sharing.selection import Selection
from xshare_desktop.core.sharing.writer import ShareOptions, share
from xshare_desktop.render.blocks import ClinicalDocument, Heading, PageHeader, Table, Text
from xshare_desktop.render.share_pdf import render_clinical_pdf, render_share_pdf

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils (pdftotext, pdftoppm) are needed to read the PDF back",
)

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 27, 12, 0, 5, tzinfo=UTC)


def _pages(pdf: Path) -> list[str]:
    """The text of each page, no-break spaces read as spaces."""
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [page.replace("\u00a0", " ") for page in out.split("\f") if page.strip()]


def _share(tmp_path: Path, sample: str, lang: str, *, pseudonymise: bool = False) -> Path:
    raw = json.loads((ROOT / "samples" / sample).read_text(encoding="utf-8"))
    result = share(
        raw,
        Selection(),
        ShareOptions(formats=("pdf",), language=lang, pseudonymise=pseudonymise),
        tmp_path,
        pdf_renderer=render_share_pdf,
        now=NOW,
    )
    return result.files[0]


def test_every_page_carries_patient_cpr_date_and_page_number(tmp_path: Path) -> None:
    """Pages after the first carried no patient name, CPR or page number."""
    pages = _pages(_share(tmp_path, "ips-bent-eksempelsen.json", "da"))
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        head = page.strip().splitlines()[:2]
        assert "Bent Eksempelsen" in head[0] and f"Side {number} af {len(pages)}" in head[0]
        assert "CPR-nr. 021146-9991" in head[1] and "Dokumentets dato 19. november 2026" in head[1]


def test_danish_numbers_abnormal_flag_and_no_technical_identifiers(tmp_path: Path) -> None:
    text = " ".join(" ".join(_pages(_share(tmp_path, "ips-bent-eksempelsen.json", "da"))).split())
    assert "128 µmol/L H (høj)" in text  # Kreatinin against 60–105
    assert "60–105 µmol/L" in text
    assert "4,4 mmol/L" in text and "4.4 mmol/L" not in text
    assert "mmol/l" not in text
    assert "urn:uuid:" not in text


def test_english_lab_report_with_decimal_points(tmp_path: Path) -> None:
    text = " ".join(" ".join(_pages(_share(tmp_path, "eu-lab-karen-testesen.json", "en"))).split())
    assert "4.1 mmol/L" in text and "49 mmol/mol H (high)" in text
    assert "Sample no." in text and "FIKTIV-2026-000101" in text
    assert "Performing laboratory" in text and "Lars Analysesen" in text
    assert "Page 1 of" in text and "CPR no. 120354-9996" in text


def test_pseudonymised_pdf_has_the_pseudonym_on_every_page_and_no_urn(tmp_path: Path) -> None:
    """A raw urn:uuid: stood as the identifier in a pseudonymised PDF."""
    pages = _pages(_share(tmp_path, "eu-lab-karen-testesen.json", "da", pseudonymise=True))
    for page in pages:
        assert page.strip().startswith("Pseudonym ")
        assert "pseudonymiseret: intet CPR-nr." in page
    text = " ".join(pages)
    assert "urn:uuid:" not in text and "urn:oid:" not in text and "Testesen" not in text


WORD = "Referenceintervalgrænser"


def _long_table(rows: int) -> ClinicalDocument:
    """Narrow columns (a long word must break) and rows tall enough to cross pages."""
    headers = ["Undersøgelse", "A", "B", "C", "D", "E", "F", "G"]
    body = [
        [
            Text(f"Række {i}"),
            Text(f"{WORD} {WORD}"),
            *(Text(f"celle {i}") for _ in range(5)),
            Text(f"slut {i}"),
        ]
        for i in range(1, rows + 1)
    ]
    return ClinicalDocument(
        "Prøve",
        "da",
        PageHeader("Karen Testesen", "CPR-nr. 120354-9996", "Dokumentets dato 13. oktober 2026"),
        [Heading("Prøvesvar", 2), Table(headers, body)],
    )


def test_rows_stay_whole_and_headers_and_borders_repeat(tmp_path: Path) -> None:
    """A row was split over two pages with empty cells; page 2 lost its table border."""
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(render_clinical_pdf(_long_table(40)))
    pages = _pages(pdf)
    assert len(pages) >= 2
    for i in range(1, 41):
        holding = [n for n, page in enumerate(pages) if re.search(rf"\bRække {i}\b", page)]
        ends = [n for n, page in enumerate(pages) if re.search(rf"\bslut {i}\b", page)]
        assert holding == ends and len(holding) == 1, f"row {i} is split: {holding} {ends}"
    for page in pages:
        assert "Undersøgelse" in page  # the column headers on every page
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / "p")], check=True)
    for png in sorted(tmp_path.glob("p-*.png")):
        image = Image.open(png).convert("L")
        width, height = image.size
        pixels = image.load()
        assert pixels is not None
        # a table border: a long horizontal run of dark pixels below the page header
        lines = [
            y
            for y in range(height // 8, height - height // 10)
            if sum(pixels[x, y] < 200 for x in range(width)) > width * 0.6
        ]
        assert lines, f"{png.name} has no table border"


def test_long_words_break_only_with_a_hyphen_where_the_dictionary_allows(tmp_path: Path) -> None:
    """'Undersøgel se', 'Referencein terval': words were cut without a hyphen."""
    pdf = tmp_path / "words.pdf"
    pdf.write_bytes(render_clinical_pdf(_long_table(3)))
    raw = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    allowed = set(pyphen.Pyphen(lang="da_DK").positions(WORD))
    letters = [re.escape(c) for c in WORD]
    broken = 0
    for match in re.finditer("(?:-\n)?".join(letters), raw):
        cuts: list[int] = []
        length = 0
        for part in match.group(0).split("-\n")[:-1]:
            length += len(part)
            cuts.append(length)
        assert set(cuts) <= allowed, f"{match.group(0)!r} breaks outside {sorted(allowed)}"
        broken += bool(cuts)
    assert broken, "the long word never broke: the test shows nothing"
    # nowhere is the word cut at a line end without a hyphen
    for match in re.finditer("\n?".join(letters), raw):
        assert "\n" not in match.group(0), f"{match.group(0)!r} is cut without a hyphen"
