"""Danish <-> English for the human-readable parts of a shared document.

Coded data keeps its original ``display`` (a code system's display is not
ours to change); the translation is added beside it with the FHIR
``translation`` extension on ``_display``, which marks it as a translation and
names its language. Section titles and the document title are replaced by the
app's own names in the target language. Narratives are regenerated afterwards
in the target language (``narrative.py``); free text that has no translation
stays in its original language and is marked there with ``lang``.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from xshare_desktop.core.sharing.prune import iter_sections, section_code

TRANSLATION_EXT = "http://hl7.org/fhir/StructureDefinition/translation"
LOINC = "http://loinc.org"
LANGUAGE_TAGS = {"da": "da-DK", "en": "en"}


@dataclass
class TranslationReport:
    source: str
    target: str
    translated: int = 0
    untranslated: set[str] = field(default_factory=set)  # displays left in the original language

    @property
    def changed_language(self) -> bool:
        return self.source != self.target


@functools.cache
def _table() -> dict[str, Any]:
    text = (
        resources.files("xshare_desktop.core.sharing")
        .joinpath("terminology_da_en.json")
        .read_text(encoding="utf-8")
    )
    data: dict[str, Any] = json.loads(text)
    return data


def term(system: str | None, code: str | None, lang: str) -> str | None:
    """The app's own name for ``system|code`` in ``lang`` ("da" or "en"), if it has one."""
    if not system or not code:
        return None
    entry = _table()["codes"].get(f"{system}|{code}")
    return str(entry[lang]) if entry and lang in entry else None


def unit_name(code: str | None, lang: str) -> str | None:
    if not code:
        return None
    entry = _table()["units"].get(code)
    return str(entry[lang]) if entry and lang in entry else None


def language_base(tag: Any) -> str:
    """ "da" for Danish tags, "en" for everything else (the language our tables know)."""
    if isinstance(tag, str) and tag.lower().split("-")[0] == "da":
        return "da"
    return "en"


def translation_of(coding: dict[str, Any], lang: str) -> str | None:
    holder = coding.get("_display")
    if not isinstance(holder, dict):
        return None
    for ext in holder.get("extension") or []:
        if not isinstance(ext, dict) or ext.get("url") != TRANSLATION_EXT:
            continue
        parts = {e.get("url"): e for e in ext.get("extension") or [] if isinstance(e, dict)}
        tag = parts.get("lang", {}).get("valueCode")
        content = parts.get("content", {}).get("valueString")
        if isinstance(tag, str) and tag.lower().split("-")[0] == lang and isinstance(content, str):
            return content or None
    return None


def _add_translation(coding: dict[str, Any], lang: str, text: str) -> None:
    holder = coding.setdefault("_display", {})
    holder.setdefault("extension", []).append(
        {
            "url": TRANSLATION_EXT,
            "extension": [
                {"url": "lang", "valueCode": LANGUAGE_TAGS[lang]},
                {"url": "content", "valueString": text},
            ],
        }
    )


def _codings(node: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            coding = current.get("coding")
            if isinstance(coding, list):
                found.extend(c for c in coding if isinstance(c, dict))
            stack.extend(
                v for k, v in current.items() if k != "text" and isinstance(v, dict | list)
            )
        elif isinstance(current, list):
            stack.extend(v for v in current if isinstance(v, dict | list))
    return found


def translate_document(bundle: dict[str, Any], target: str) -> TranslationReport:
    """Translate ``bundle`` (already a private copy) into ``target`` in place."""
    composition = bundle["entry"][0]["resource"]
    source = language_base(composition.get("language") or bundle.get("language"))
    report = TranslationReport(source, target)
    if source == target:
        return report
    for entry in bundle["entry"]:
        for coding in _codings(entry.get("resource")):
            if not coding.get("display") or translation_of(coding, target):
                continue
            text = term(coding.get("system"), coding.get("code"), target)
            if text:
                _add_translation(coding, target, text)
                report.translated += 1
            else:
                report.untranslated.add(str(coding["display"]))
    for section in iter_sections(composition.get("section") or []):
        title = term(LOINC, section_code(section), target)
        if title:
            section["title"] = title
            report.translated += 1
        elif isinstance(section.get("title"), str):
            report.untranslated.add(section["title"])
    doc_type: dict[str, Any] = next(iter((composition.get("type") or {}).get("coding") or []), {})
    title = term(doc_type.get("system"), doc_type.get("code"), target)
    if title:
        composition["title"] = title
    composition["language"] = LANGUAGE_TAGS[target]
    bundle["language"] = LANGUAGE_TAGS[target]
    return report
