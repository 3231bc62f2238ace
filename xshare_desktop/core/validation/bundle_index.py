"""References inside a Bundle, resolved the way FHIR defines it for bundles.

``BundleIndex`` resolves against ``fullUrl`` (``urn:uuid:...`` or absolute), and a relative
``Type/id`` against the base of the referring entry's ``fullUrl``; a versioned reference
(``/_history/N``) only to the entry of that version. ``bundle_rules.py`` checks the Bundle and
document rules over it and re-exports these names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

_RELATIVE = re.compile(
    r"^([A-Z][A-Za-z]+)/([A-Za-z0-9\-\.]{1,64})(/_history/[A-Za-z0-9\-\.]{1,64})?$"
)
_ABSOLUTE_TAIL = re.compile(
    r"/([A-Z][A-Za-z]+)/([A-Za-z0-9\-\.]{1,64})(/_history/[A-Za-z0-9\-\.]{1,64})?$"
)


def split_relative(reference: str) -> tuple[str, str] | None:
    """``Patient/1`` -> (``Patient``, ``1``)."""
    found = _RELATIVE.match(reference)
    return (found.group(1), found.group(2)) if found else None


def base_of(full_url: str) -> str | None:
    """``http://x/fhir/Patient/1`` -> ``http://x/fhir/``."""
    found = _ABSOLUTE_TAIL.search(full_url)
    if found is None or "://" not in full_url:
        return None
    return full_url[: found.start() + 1]


@dataclass
class BundleIndex:
    bundle: Mapping[str, Any]
    by_full_url: dict[str, int] = field(default_factory=dict)
    by_type_id: dict[tuple[str, str], int] = field(default_factory=dict)
    entries: list[Mapping[str, Any]] = field(default_factory=list)
    # Every entry per fullUrl: a document may hold several versions of one resource.
    all_by_full_url: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def build(cls, bundle: Mapping[str, Any]) -> BundleIndex:
        index = cls(bundle)
        raw_entries = bundle.get("entry")
        if not isinstance(raw_entries, list):
            return index
        for i, entry in enumerate(raw_entries):
            index.entries.append(entry if isinstance(entry, dict) else {})
            if not isinstance(entry, dict):
                continue
            full_url = entry.get("fullUrl")
            if isinstance(full_url, str):
                index.by_full_url.setdefault(full_url, i)
                index.all_by_full_url.setdefault(full_url, []).append(i)
            resource = entry.get("resource")
            if isinstance(resource, dict):
                rtype, rid = resource.get("resourceType"), resource.get("id")
                if isinstance(rtype, str) and isinstance(rid, str):
                    index.by_type_id.setdefault((rtype, rid), i)
        return index

    def full_url(self, entry_index: int) -> str | None:
        value = (
            self.entries[entry_index].get("fullUrl") if entry_index < len(self.entries) else None
        )
        return value if isinstance(value, str) else None

    def version_of(self, entry_index: int) -> str | None:
        resource = self.resource(entry_index)
        meta = resource.get("meta") if resource is not None else None
        version = meta.get("versionId") if isinstance(meta, dict) else None
        return version if isinstance(version, str) else None

    def matches(self, reference: str, from_entry: int | None) -> list[int]:
        """Every entry a reference can mean, ignoring a version it names (several versions of
        one resource share their fullUrl)."""
        first = self._resolve_unversioned(reference.split("/_history/", 1)[0], from_entry)
        if first is None:
            return []
        full_url = self.full_url(first)
        return list(self.all_by_full_url.get(full_url, [first])) if full_url else [first]

    def resolve_index(self, reference: str, from_entry: int | None) -> int | None:
        """Entry index a reference points to, or None. A versioned reference (``/_history/2``)
        only resolves to the entry whose meta.versionId is that version."""
        if not reference or reference.startswith("#"):
            return None
        if "/_history/" not in reference:
            return self._resolve_unversioned(reference, from_entry)
        version = reference.split("/_history/", 1)[1]
        candidates = self.matches(reference, from_entry)
        if len(candidates) == 1 and self.version_of(candidates[0]) is None:
            return candidates[0]  # the entry does not say its version: it may be that one
        return next((i for i in candidates if self.version_of(i) == version), None)

    def _resolve_unversioned(self, reference: str, from_entry: int | None) -> int | None:
        if not reference or reference.startswith("#"):
            return None
        found = self.by_full_url.get(reference)
        if found is not None:
            return found
        relative = split_relative(reference)
        if relative is None:
            return None
        if from_entry is not None:
            referrer = self.full_url(from_entry)
            base = base_of(referrer) if referrer else None
            if base is not None:
                found = self.by_full_url.get(base + reference)
                if found is not None:
                    return found
        # Entries with urn:uuid fullUrls can still be found by type and id.
        return self.by_type_id.get(relative)

    def resource(self, entry_index: int) -> Mapping[str, Any] | None:
        if entry_index >= len(self.entries):
            return None
        resource = self.entries[entry_index].get("resource")
        return resource if isinstance(resource, dict) else None
