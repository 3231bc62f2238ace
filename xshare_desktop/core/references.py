"""Reference resolution inside a FHIR document Bundle, and an index both ways.

Resolution follows the FHIR Bundle rules: an absolute reference or a
``urn:uuid:``/``urn:oid:`` must equal some entry's ``fullUrl``; a relative
``Type/id`` reference is resolved against the RESTful base of the referring
entry's ``fullUrl``, and (for entries with URN fullUrls) by resource type and id.
References to contained resources (``#id``) stay inside their resource.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from xshare_desktop.core.jsontree import as_list

_RELATIVE = re.compile(
    r"^([A-Z][A-Za-z]+)/([A-Za-z0-9\-.]{1,64})(/_history/[A-Za-z0-9\-.]{1,64})?$"
)
_NOT_FOLLOWED = frozenset(("reference", "resourceType", "text"))
_RESTFUL_FULLURL = re.compile(r"^(.*/)?([A-Z][A-Za-z]+)/([A-Za-z0-9\-.]{1,64})(/_history/.*)?$")


@dataclass(frozen=True)
class Ref:
    """One reference found in a resource of the Bundle."""

    source_url: str  # fullUrl of the entry that holds the reference
    path: str  # FHIRPath-style location inside that resource, e.g. "Condition.subject"
    reference: str  # the literal reference string
    target_url: str | None  # fullUrl of the entry it resolves to, or None


@dataclass
class ReferenceIndex:
    outgoing: dict[str, list[Ref]] = field(default_factory=dict)
    incoming: dict[str, list[Ref]] = field(default_factory=dict)
    unresolved: list[Ref] = field(default_factory=list)

    def targets_of(self, full_url: str) -> list[str]:
        return [r.target_url for r in self.outgoing.get(full_url, []) if r.target_url]

    def referrers_of(self, full_url: str) -> list[str]:
        return [r.source_url for r in self.incoming.get(full_url, [])]


def iter_references(node: Any, path: str) -> Iterator[tuple[str, str]]:
    """Yield ``(path, reference)`` for every Reference.reference below ``node``.

    References inside contained resources are included, with paths through
    ``contained[i]``: they leave the resource just like its own references.
    """
    found: list[tuple[str, str]] = []
    _collect_references(node, path, found)
    return iter(found)


def _collect_references(node: Any, path: str, found: list[tuple[str, str]]) -> None:
    # Plain recursion into a list (no generator per element: this visits every element of
    # a document), and a path made only on the way into a container.
    if isinstance(node, dict):
        ref = node.get("reference")
        if isinstance(ref, str):
            found.append((path, ref))
        for key, value in node.items():
            if isinstance(value, list):
                if key in _NOT_FOLLOWED:
                    continue
                for i, item in enumerate(value):
                    if isinstance(item, (dict, list)):
                        _collect_references(item, f"{path}.{key}[{i}]", found)
            elif isinstance(value, dict) and key not in _NOT_FOLLOWED:
                _collect_references(value, f"{path}.{key}", found)


class BundleResolver:
    """Looks up Bundle entries by fullUrl, and by type/id for relative references."""

    def __init__(self, entries: list[Mapping[str, Any]]) -> None:
        self._by_full_url: dict[str, int] = {}
        self._by_type_id: dict[tuple[str, str], list[int]] = {}
        for index, entry in enumerate(entries):
            full_url = entry.get("fullUrl")
            resource = entry.get("resource")
            if isinstance(full_url, str):
                self._by_full_url.setdefault(full_url, index)
            if isinstance(resource, Mapping):
                rtype, rid = resource.get("resourceType"), resource.get("id")
                if isinstance(rtype, str) and isinstance(rid, str):
                    self._by_type_id.setdefault((rtype, rid), []).append(index)
        self._full_urls = [
            e.get("fullUrl") if isinstance(e.get("fullUrl"), str) else None for e in entries
        ]

    def resolve(self, reference: str, source_full_url: str | None) -> int | None:
        """Return the entry index the reference points to, or None."""
        if not reference or reference.startswith("#"):
            return None
        hit = self._by_full_url.get(reference)
        if hit is not None:
            return hit
        match = _RELATIVE.match(reference)
        if not match:
            return None
        rtype, rid = match.group(1), match.group(2)
        if source_full_url:
            base = _RESTFUL_FULLURL.match(source_full_url)
            if base and base.group(1) and "://" in source_full_url:
                hit = self._by_full_url.get(f"{base.group(1)}{rtype}/{rid}")
                if hit is not None:
                    return hit
        candidates = self._by_type_id.get((rtype, rid))
        if candidates and len(candidates) == 1:
            return candidates[0]
        return None

    def full_url(self, index: int) -> str | None:
        return self._full_urls[index]


def build_reference_index(
    entries: list[Mapping[str, Any]], resolver: BundleResolver | None = None
) -> ReferenceIndex:
    """Every reference of every entry, resolved (``resolver``: one already built over them)."""
    resolver = resolver or BundleResolver(entries)
    index = ReferenceIndex()
    for position, entry in enumerate(entries):
        resource = entry.get("resource")
        source_url = entry.get("fullUrl")
        if not isinstance(resource, Mapping):
            continue
        key = source_url if isinstance(source_url, str) else f"#entry{position}"
        outgoing = index.outgoing.setdefault(key, [])
        rtype = resource.get("resourceType", "Resource")
        contained_ids = {
            c.get("id") for c in as_list(resource.get("contained")) if isinstance(c, Mapping)
        }
        for path, reference in iter_references(resource, str(rtype)):
            if reference.startswith("#"):
                if reference[1:] and reference[1:] not in contained_ids:
                    ref = Ref(key, path, reference, None)
                    outgoing.append(ref)
                    index.unresolved.append(ref)
                continue
            target = resolver.resolve(
                reference, source_url if isinstance(source_url, str) else None
            )
            target_url = None
            if target is not None:
                target_url = resolver.full_url(target) or f"#entry{target}"
            ref = Ref(key, path, reference, target_url)
            outgoing.append(ref)
            if target_url is None:
                index.unresolved.append(ref)
            else:
                index.incoming.setdefault(target_url, []).append(ref)
    return index
