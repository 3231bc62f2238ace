"""An independent check that a shared output contains nothing the person left out.

It does not trust the selection logic: it compares the original with the
output as plain text. Every string of a resource that is gone, every string a
kept resource lost, and the text of their original narratives, is a candidate;
a candidate that also occurs in the output's structured data is shared for a
legitimate reason (a kept entry carries it too). The rest must not occur
anywhere in the output texts (JSON, narratives, PDF text, file names).
Used by the privacy tests; cheap enough to run on documents of normal size.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from html import unescape
from typing import Any

MIN_LENGTH = 4
MIN_ID_LENGTH = 8
MIN_NARRATIVE_FRAGMENT = 12
# structure and conformance URLs, not content about the person
_SKIP_KEYS = frozenset(
    {
        "system",
        "url",
        "profile",
        "resourceType",
        "status",
        "fullUrl",
        "reference",
        "versionId",
        "lastUpdated",
        "div",
        "language",
        "use",
        "mode",
        "intent",
        "gender",
        "valueUri",
        "valueCanonical",
        "contentType",
    }
)
_TAG = re.compile(r"<[^>]+>")
# joins separate values so that no match can span two of them, even after whitespace is collapsed
_SEPARATOR = "\n\x00\n"
_ELEMENT_NAME = re.compile(r"^[a-z][A-Za-z]+(\[x\])?$")  # "clinicalStatus": a FHIR element name
_EDGE_PUNCTUATION = " \t\n:;,.()[]-–—*"


def strings(node: Any) -> Iterator[str]:
    """String leaves of a JSON tree, narratives and structural keys skipped."""
    stack: list[tuple[str, Any]] = [("", node)]
    while stack:
        key, current = stack.pop()
        if isinstance(current, dict):
            stack.extend((k, v) for k, v in current.items() if k not in _SKIP_KEYS)
        elif isinstance(current, list):
            stack.extend((key, v) for v in current)
        elif isinstance(current, str):
            limit = MIN_ID_LENGTH if key == "id" else MIN_LENGTH
            if len(current.strip()) >= limit:
                yield current.strip()


def narrative_fragments(node: Any) -> Iterator[str]:
    """Text runs of every narrative ``div`` under ``node``."""
    for div in _narrative_divs(node):
        for run in _TAG.split(div):
            text = unescape(run).strip(_EDGE_PUNCTUATION)
            if len(text) >= MIN_NARRATIVE_FRAGMENT and not _ELEMENT_NAME.match(text):
                yield text


def all_values(node: Any, *, skip_narratives: bool = False) -> str:
    """Every string and number value in a JSON tree (keys are FHIR element names, not data)."""
    found: list[str] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            stack.extend(v for k, v in current.items() if not (skip_narratives and k == "div"))
        elif isinstance(current, list):
            stack.extend(current)
        elif isinstance(current, str | int | float) and not isinstance(current, bool):
            found.append(str(current))
    return _SEPARATOR.join(found)


def narrative_text(node: Any) -> str:
    """All narrative text under ``node`` as plain text (tags removed, entities decoded)."""
    return _SEPARATOR.join(_narrative_texts(node))


def _narrative_texts(node: Any) -> Iterator[str]:
    for div in _narrative_divs(node):
        yield unescape(_TAG.sub(" ", div))


def _narrative_divs(node: Any) -> Iterator[str]:
    """The XHTML of every narrative ``div`` under ``node``."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            div = current.get("div")
            if isinstance(div, str):
                yield div
            stack.extend(v for v in current.values() if isinstance(v, dict | list))
        elif isinstance(current, list):
            stack.extend(current)


def _resources(bundle: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for entry in bundle.get("entry") or []:
        if isinstance(entry, dict) and isinstance(entry.get("resource"), dict):
            found[str(entry.get("fullUrl"))] = entry["resource"]
    return found


def exclusive_strings(
    original: dict[str, Any], output: dict[str, Any], vocabulary: Iterable[str] = ()
) -> set[str]:
    """Texts of the original that only something left out carried.

    ``vocabulary`` holds the app's own labels (column headers...), which an
    original narrative may happen to use too: they are not the person's data.
    """
    before = _resources(original)
    after = _resources(output)
    candidates: set[str] = set()
    for url, resource in before.items():
        if url not in after:
            candidates.update(strings(resource))
            candidates.update(narrative_fragments(resource))
            if len(url) >= MIN_ID_LENGTH:
                candidates.add(url)
        else:
            kept = set(strings(after[url]))
            candidates.update(s for s in strings(resource) if s not in kept)
    composition = next(iter(before.values()), {})
    for section in composition.get("section") or []:
        candidates.update(narrative_fragments(section))
    # what the output legitimately carries: all its data, narratives excluded, and the text of
    # free-text sections the person kept (shared as written: that text is the content)
    as_written = [
        narrative_text(s) for s in _all_sections(next(iter(after.values()), {})) if _only_text(s)
    ]
    blob = _SEPARATOR.join([all_values(output, skip_narratives=True), *as_written]).casefold()
    own = {v.casefold() for v in vocabulary}
    return {c for c in candidates if c.casefold() not in blob and c.casefold() not in own}


def _all_sections(composition: dict[str, Any]) -> Iterator[dict[str, Any]]:
    stack = list(composition.get("section") or [])
    while stack:
        section = stack.pop()
        if isinstance(section, dict):
            yield section
            stack.extend(section.get("section") or [])


def _only_text(section: dict[str, Any]) -> bool:
    return not (section.get("entry") or section.get("section") or section.get("emptyReason"))


def find_leaks(
    original: dict[str, Any],
    output: dict[str, Any],
    texts: Iterable[str],
    vocabulary: Iterable[str] = (),
) -> list[str]:
    """Exclusive strings of ``original`` that occur in any of ``texts`` (case-insensitive)."""
    haystack = _SEPARATOR.join(t.casefold() for t in texts)
    # PDF text extraction breaks lines and joins words with single spaces
    flat = re.sub(r"\s+", " ", haystack)
    leaks = []
    for candidate in exclusive_strings(original, output, vocabulary):
        needle = candidate.casefold()
        if needle in haystack or re.sub(r"\s+", " ", needle) in flat:
            leaks.append(candidate)
    return sorted(leaks)
