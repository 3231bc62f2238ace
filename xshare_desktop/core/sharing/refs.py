"""Finding and resolving references inside a document Bundle.

A reference is any JSON object with a string ``reference``; inside a document
it resolves to an entry by fullUrl, by ``Type/id`` against the referencing
entry's base URL (FHIR's rule for RESTful fullUrls) or, failing that, by the
unique entry with that type and id. ``#id`` points into ``contained``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

_RELATIVE_RE = re.compile(r"^([A-Z][A-Za-z]+)/([A-Za-z0-9\-.]{1,64})(/_history/[A-Za-z0-9\-.]+)?$")
_ABSOLUTE_REST_RE = re.compile(
    r"^(.*/)?([A-Z][A-Za-z]+)/([A-Za-z0-9\-.]{1,64})(/_history/[A-Za-z0-9\-.]+)?$"
)


@dataclass(frozen=True)
class EntryIndex:
    """fullUrl and ``Type/id`` look-ups over ``Bundle.entry``."""

    urls: tuple[str, ...]
    by_url: dict[str, dict[str, Any]]
    by_type_id: dict[tuple[str, str], str]

    @classmethod
    def build(cls, bundle: dict[str, Any]) -> EntryIndex:
        urls: list[str] = []
        by_url: dict[str, dict[str, Any]] = {}
        by_type_id: dict[tuple[str, str], str] = {}
        ambiguous: set[tuple[str, str]] = set()
        for entry in bundle.get("entry", []):
            if not isinstance(entry, dict):
                continue
            resource = entry.get("resource")
            url = entry.get("fullUrl")
            if not isinstance(resource, dict) or not isinstance(url, str):
                continue
            urls.append(url)
            by_url[url] = resource
            key = (str(resource.get("resourceType")), str(resource.get("id")))
            if key in by_type_id:
                ambiguous.add(key)
            by_type_id[key] = url
        for key in ambiguous:
            del by_type_id[key]
        return cls(tuple(urls), by_url, by_type_id)

    def resolve(self, reference: str, from_url: str | None) -> str | None:
        """The fullUrl ``reference`` points to, or ``None`` (external, contained or dangling)."""
        if reference.startswith("#"):
            return None
        if reference in self.by_url:
            return reference
        match = _RELATIVE_RE.match(reference)
        if match:
            if from_url:
                base = _ABSOLUTE_REST_RE.match(from_url)
                if base and base.group(1):
                    candidate = f"{base.group(1)}{match.group(1)}/{match.group(2)}"
                    if candidate in self.by_url:
                        return candidate
            return self.by_type_id.get((match.group(1), match.group(2)))
        match = _ABSOLUTE_REST_RE.match(reference)
        if match and match.group(4):
            without_history = reference[: -len(match.group(4))]
            if without_history in self.by_url:
                return without_history
        return None


def iter_references(node: Any) -> Iterator[dict[str, Any]]:
    """Every Reference object under ``node`` (contained resources included)."""
    stack = [node]
    push = stack.append
    # Plain loops, not a generator per element: this visits every element of a document.
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            ref = current.get("reference")
            if isinstance(ref, str):
                yield current
            for v in current.values():
                if isinstance(v, dict | list):
                    push(v)
        elif isinstance(current, list):
            for v in current:
                if isinstance(v, dict | list):
                    push(v)


_REMOVE = object()


def remove_references(resource: dict[str, Any], should_remove: Callable[[str], bool]) -> set[str]:
    """Remove every Reference whose ``reference`` ``should_remove``; return emptied top-level keys.

    A Reference that sits in a backbone element of a list (``performer[].actor``,
    an extension's ``valueReference``) takes that list item with it, because the
    item means nothing without it (and often requires it). Objects and lists left
    empty are removed too, so the result stays valid FHIR JSON.
    """
    emptied: set[str] = set()

    def walk(value: Any, in_list: bool) -> Any:
        if isinstance(value, dict):
            ref = value.get("reference")
            if isinstance(ref, str) and should_remove(ref):
                return _REMOVE
            changed = False
            for key in list(value):
                child = value[key]
                if not isinstance(child, dict | list):
                    continue
                result = walk(child, isinstance(child, list))
                if result is _REMOVE:
                    del value[key]
                    changed = True
                    if in_list and isinstance(child, dict) and "reference" in child:
                        return _REMOVE
            if changed and in_list and _is_extension(value) and not _has_value(value):
                return _REMOVE
            if changed and not any(k for k in value if k not in ("id",)):
                return _REMOVE
            return value
        if isinstance(value, list):
            kept = []
            changed = False
            for item in value:
                result = walk(item, True) if isinstance(item, dict | list) else item
                if result is _REMOVE:
                    changed = True
                else:
                    kept.append(result)
            value[:] = kept
            if changed and not kept:
                return _REMOVE
            return value
        return value

    for key in list(resource):
        if key in ("resourceType", "id", "text"):
            continue
        child = resource[key]
        if not isinstance(child, dict | list):
            continue
        if walk(child, isinstance(child, list)) is _REMOVE:
            del resource[key]
            emptied.add(key)
    return emptied


def _is_extension(value: dict[str, Any]) -> bool:
    return isinstance(value.get("url"), str)


def _has_value(extension: dict[str, Any]) -> bool:
    return any(k.startswith("value") for k in extension) or bool(extension.get("extension"))
