"""Regenerated narratives: valid FHIR XHTML, in the chosen language, never the original text."""

from __future__ import annotations

import html
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

import pytest
from defusedxml.ElementTree import fromstring

from xshare_desktop.core.sharing.leakcheck import all_values
from xshare_desktop.core.sharing.narrative import build_tables, column_tables
from xshare_desktop.core.sharing.prune import is_free_text_section, iter_sections
from xshare_desktop.core.sharing.selection import Selection
from xshare_desktop.core.sharing.translate import TRANSLATION_EXT, term
from xshare_desktop.core.sharing.writer import ShareOptions, prepare_share

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
XHTML = "{http://www.w3.org/1999/xhtml}"
# FHIR narrative: the XHTML elements the R4 spec allows (txt-1)
ALLOWED = {
    *("a", "abbr", "acronym", "b", "big", "blockquote", "br", "caption", "cite", "code", "col"),
    *("colgroup", "dd", "dfn", "div", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr"),
    *("i", "img", "kbd", "li", "ol", "p", "pre", "q", "samp", "small", "span", "strong", "sub"),
    *("sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "ul", "var"),
}
ALLOWED_ATTRIBUTES = {"lang", "{http://www.w3.org/XML/1998/namespace}lang"}
ROOT = Path(__file__).resolve().parents[2]


def _sample(name: str) -> dict[str, Any]:
    return json.loads((ROOT / "samples" / name).read_text(encoding="utf-8"))


def _divs(bundle: dict[str, Any]) -> list[str]:
    found: list[str] = []
    stack: list[Any] = [bundle]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("div"), str):
                found.append(node["div"])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


def _check_element(element: Element) -> None:
    assert element.tag.startswith(XHTML), element.tag
    assert element.tag[len(XHTML) :] in ALLOWED, element.tag
    assert set(element.attrib) <= ALLOWED_ATTRIBUTES, element.attrib
    for child in element:
        _check_element(child)


@pytest.mark.parametrize("language", [None, "en", "da"])
@pytest.mark.parametrize(
    "name",
    ["ips-bent-eksempelsen.json", "ips-sofie-eksempelsen.json", "eu-lab-karen-testesen.json"],
)
def test_every_narrative_is_allowed_xhtml_in_the_output_language(
    name: str, language: str | None
) -> None:
    doc = _sample(name)
    prepared = prepare_share(doc, Selection(), ShareOptions(language=language), now=NOW)
    divs = _divs(prepared.document)
    assert len(divs) >= len(prepared.document["entry"])  # every resource and every section
    # free-text sections are shared as written (their text is the content): checked below
    as_written = {
        s["text"]["div"]
        for s in iter_sections(prepared.document["entry"][0]["resource"]["section"])
        if is_free_text_section(s)
    }
    for div in divs:
        if div in as_written:
            continue
        root = fromstring(div)
        assert root.tag == f"{XHTML}div"
        assert root.attrib["lang"] == (language or "da")
        assert "".join(root.itertext()).strip(), "txt-2: a narrative has text"
        _check_element(root)


def test_original_narrative_text_is_never_reused() -> None:
    doc = _sample("ips-karen-testesen.json")
    prepared = prepare_share(doc, Selection(), ShareOptions(), now=NOW)
    data = all_values(prepared.document, skip_narratives=True)
    output = "\n".join(_divs(prepared.document))
    # sections and entries; the original Composition header happens to use our own list format
    composition = doc["entry"][0]["resource"]
    originals = _divs(composition["section"]) + _divs(doc["entry"][1:])
    for div in originals:
        for run in re.split(r"<[^>]+>", div):
            run = run.strip()
            if len(run) >= 25 and run not in data:
                assert run not in output, f"original narrative text reused: {run!r}"


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("ips-bent-eksempelsen.json", "Patientens egne ord"),
        ("eu-lab-karen-testesen.json", "Kommentar"),
    ],
)
@pytest.mark.parametrize("language", [None, "en"])
def test_a_kept_free_text_section_is_shared_as_written(
    name: str, title: str, language: str | None
) -> None:
    """Issue 12, "the citizen's choice is the law": a free-text section the person keeps (the
    patient story, a lab comment) is shared with its text as written, not dropped "to be safe";
    EU lab Composition section:annotations needs that text (text 1..1)."""
    doc = _sample(name)
    original = next(s for s in doc["entry"][0]["resource"]["section"] if s["title"] == title)
    prepared = prepare_share(doc, Selection(), ShareOptions(language=language), now=NOW)
    shared = [
        s
        for s in iter_sections(prepared.document["entry"][0]["resource"]["section"])
        if s["text"] == original["text"]
    ]
    assert len(shared) == 1 and is_free_text_section(shared[0])
    assert not [x for x in prepared.left_out if x.kind == "section"]
    words = max(re.split(r"<[^>]+>", original["text"]["div"]), key=len)
    words = " ".join(html.unescape(words).split())
    assert len(words) > 20 and html.escape(words, quote=False) in " ".join(prepared.html.split())


def test_free_text_under_pseudonymisation_is_left_out_with_the_true_reason() -> None:
    """Pseudonymisation cannot check free text for names, so the section is left out, and the
    PDF says why (never "at the patient's choice": issue 12)."""
    doc = _sample("ips-bent-eksempelsen.json")
    options = ShareOptions(pseudonymise=True, language="da")
    prepared = prepare_share(doc, Selection(), options, now=NOW)
    reasons = [x.reason for x in prepared.left_out if x.kind == "section"]
    assert reasons == ["free-text"]
    lines = [line.da for line in prepared.not_shared]
    assert any("pseudonymisering" in line for line in lines)
    assert not any("efter patientens valg" in line for line in lines)
    assert "Patientens egne ord" not in prepared.html


def test_section_tables_follow_the_entries_that_remain() -> None:
    doc = _sample("ips-karen-testesen.json")
    full = prepare_share(doc, Selection(), ShareOptions(), now=NOW)
    composition = full.document["entry"][0]["resource"]
    medication = next(
        s for s in composition["section"] if s["code"]["coding"][0]["code"] == "10160-0"
    )
    rows = medication["text"]["div"].count("<tr>") - 1
    assert rows == len(medication["entry"]) == 5
    first = medication["entry"][0]["reference"]
    fewer = prepare_share(doc, Selection(exclude=(first,)), ShareOptions(), now=NOW)
    medication = next(
        s
        for s in fewer.document["entry"][0]["resource"]["section"]
        if s["code"]["coding"][0]["code"] == "10160-0"
    )
    assert medication["text"]["div"].count("<tr>") - 1 == 4


def test_withheld_section_says_so_in_both_languages() -> None:
    doc = _sample("ips-karen-testesen.json")
    for language, words in (("da", "Tilbageholdt af patienten"), ("en", "Withheld by the patient")):
        prepared = prepare_share(
            doc, Selection(exclude=("section:48765-2",)), ShareOptions(language=language), now=NOW
        )
        allergies = next(
            s
            for s in prepared.document["entry"][0]["resource"]["section"]
            if s["code"]["coding"][0]["code"] == "48765-2"
        )
        assert words in allergies["text"]["div"]
        assert words in prepared.document["entry"][0]["resource"]["text"]["div"]


def test_translation_to_english_marks_what_stays_danish() -> None:
    doc = _sample("ips-karen-testesen.json")
    prepared = prepare_share(doc, Selection(), ShareOptions(language="en"), now=NOW)
    composition = prepared.document["entry"][0]["resource"]
    titles = {s["code"]["coding"][0]["code"]: s["title"] for s in composition["section"]}
    assert titles["10160-0"] == "Medication" and titles["11450-4"] == "Problems"
    assert composition["language"] == "en" and prepared.document["language"] == "en"
    assert "Translated from Danish" in composition["text"]["div"]
    # a Danish free text (dosage) stays Danish and says so
    assert 'lang="da" xml:lang="da"' in "".join(_divs(prepared.document))
    assert prepared.translation is not None and prepared.translation.translated > 0


def test_translation_to_danish_adds_translation_extensions_beside_the_display(
    fhir_cache: Path,
) -> None:
    path = fhir_cache / "hl7.fhir.uv.ips#2.0.0/package/example/Bundle-bundle-ips-all-sections.json"
    doc = json.loads(path.read_text())
    prepared = prepare_share(doc, Selection(), ShareOptions(language="da"), now=NOW)
    condition = next(
        e["resource"]
        for e in prepared.document["entry"]
        if e["resource"]["resourceType"] == "Condition"
    )
    coding = condition["code"]["coding"][0]
    assert coding["display"] == "Essential hypertension"  # the code system's display is kept
    extension = coding["_display"]["extension"][0]
    assert extension["url"] == TRANSLATION_EXT
    assert {e["url"]: list(e.values())[1] for e in extension["extension"]} == {
        "lang": "da-DK",
        "content": term("http://snomed.info/sct", "59621000", "da"),
    }
    problems = prepared.document["entry"][0]["resource"]["section"][0]["text"]["div"]
    assert "Essentiel hypertension" in problems and "Problem" in problems


def test_the_row_builder_is_one_swappable_function() -> None:
    assert build_tables is column_tables
