"""Words break only where the Danish or English hyphenation dictionary allows (pyphen)."""

from __future__ import annotations

from xshare_desktop.render.hyphenate import SOFT_HYPHEN, soft_hyphenate


def test_danish_words_get_soft_hyphens_at_syllables() -> None:
    """'Undersøgel se' (a break without a hyphen) came from Qt breaking anywhere."""
    text = soft_hyphenate("Undersøgelse og Referenceinterval", "da")
    assert text.replace(SOFT_HYPHEN, "") == "Undersøgelse og Referenceinterval"
    assert f"Un{SOFT_HYPHEN}der{SOFT_HYPHEN}sø{SOFT_HYPHEN}gel{SOFT_HYPHEN}se" in text
    assert f"in{SOFT_HYPHEN}ter{SOFT_HYPHEN}val" in text


def test_english_dictionary_for_english() -> None:
    assert SOFT_HYPHEN in soft_hyphenate("interpretation", "en")


def test_identifiers_and_short_words_are_left_whole() -> None:
    """A sample number must never be broken inside a word (FIKTIV-2026-000101)."""
    assert soft_hyphenate("FIKTIV-2026-000101 og HbA1c", "da") == "FIKTIV-2026-000101 og HbA1c"
