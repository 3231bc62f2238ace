"""Soft hyphens from the Danish and English hyphenation dictionaries (pyphen, Hunspell patterns).

Qt breaks a line at a soft hyphen (U+00AD) and draws a hyphen there, and
otherwise draws nothing; with word wrapping only at word boundaries a word is
then broken only where the dictionary allows, and always with a hyphen.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pyphen

SOFT_HYPHEN = "\u00ad"
_DICTIONARIES = {"da": "da_DK", "en": "en_GB"}
_WORD = re.compile(r"[^\W\d_]{6,}")  # words short enough never need a break


@lru_cache(maxsize=2)
def _dictionary(lang: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=_DICTIONARIES.get(lang, "en_GB"))


@lru_cache(maxsize=4096)
def _word(word: str, lang: str) -> str:
    return str(_dictionary(lang).inserted(word, hyphen=SOFT_HYPHEN))


def soft_hyphenate(text: str, lang: str) -> str:
    """``text`` with soft hyphens where the dictionary of ``lang`` ("da"/"en") allows a break.

    Words in capitals (abbreviations, sample numbers such as FIKTIV-2026-000101) are left whole.
    """
    return _WORD.sub(
        lambda m: m.group(0) if m.group(0).isupper() else _word(m.group(0), lang), text
    )
