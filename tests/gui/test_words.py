"""Words a citizen reads: one word per secret, one quote style per language, plain coded terms,
section titles in the interface language (issue #14 "Words"; the word table in docs/translations.md).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from xshare_desktop.core.document import load_document
from xshare_desktop.gui.formatting import SECTION_TITLES, plain_term

ROOT = Path(__file__).resolve().parents[2]
DANISH = ROOT / "resources" / "i18n" / "xshare_da.ts"
SAMPLES = sorted((ROOT / "samples").glob("*.json"))


def _pairs() -> list[tuple[str, str, str]]:
    """(context, English source, Danish translation) for every message, plural forms joined."""
    pairs = []
    for context in ET.parse(DANISH).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            text = " | ".join(t.strip() for t in translation.itertext() if t.strip())
            pairs.append((name, message.findtext("source") or "", text))
    return pairs


def test_one_danish_word_per_secret() -> None:
    """docs/translations.md: the recipient's code is "adgangskode" (files and links alike), the
    signing key's is "adgangssætning"; "kodeord" and "adgangsfrase" are not used."""
    for context, source, danish in _pairs():
        lowered = danish.lower()
        assert "kodeord" not in lowered, (context, danish)
        assert "adgangsfrase" not in lowered, (context, danish)
        words = source.lower()
        if "password" in words or "passcode" in words:
            assert "adgangskode" in lowered, (context, source, danish)
        if "passphrase" in words:
            assert "adgangssætning" in lowered, (context, source, danish)


def test_one_quote_style_per_language() -> None:
    """Danish quotes with »…«, English with “…” (Retskrivningsordbogen §58; Oxford style)."""
    for context, source, danish in _pairs():
        assert not re.search(r"[“”„]", danish), (context, danish)
        assert not re.search(r"[»«]", source), (context, source)


@pytest.mark.parametrize(
    ("coded", "plain"),
    [
        ("Gout (disorder)", "Gout"),
        ("Gout (disorder) — active, since 2017", "Gout — active, since 2017"),
        ("Cardiac pacemaker device (physical object)", "Cardiac pacemaker device"),
        ("Hip replacement (procedure)", "Hip replacement"),
        ("Hypertension (treated with a pacemaker)", "Hypertension (treated with a pacemaker)"),
        ("Blood (specimen), venous", "Blood, venous"),
        ("Disorder of kidney", "Disorder of kidney"),
        ("", ""),
    ],
)
def test_snomed_semantic_tags_are_not_shown(coded: str, plain: str) -> None:
    """SNOMED CT Editorial Guide, "Semantic Tags": the tag names the hierarchy, for coders."""
    assert plain_term(coded) == plain


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_the_document_view_shows_no_semantic_tags(window, load, sample: Path) -> None:
    load(window, sample)
    view = window.navigator.page("document")
    tree = view.sections
    tag = re.compile(r"\((disorder|finding|procedure|physical object|situation|specimen)\)")
    for i in range(tree.topLevelItemCount()):
        tree.setCurrentItem(tree.topLevelItem(i))
        for row in range(view.entries_model.rowCount()):
            text = view.entries_model.index(row, 0).data()
            assert not tag.search(text), text


def test_english_section_titles_for_a_danish_document(window, load, qtbot) -> None:
    """IPS 2.0.0 Composition.section codes (LOINC) give titles in the interface language."""
    sample = ROOT / "samples" / "ips-bent-eksempelsen.json"
    document = load_document(sample)
    load(window, sample)
    tree = window.navigator.page("document").sections
    shown = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert "Current problems and diagnoses" in shown
    assert "Aktuelle problemer og diagnoser" not in shown
    first = tree.topLevelItem(0)
    assert document.sections[0].title in first.toolTip(0)  # the document's own words stay near
    window.set_language("da")
    qtbot.waitUntil(lambda: tree.topLevelItem(0).text(0) == "Aktuelle problemer og diagnoser")
    known = [s for s in document.sections if s.code in SECTION_TITLES]
    assert len(known) == len(document.sections)
