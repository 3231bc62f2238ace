"""A snapshot for a constraint profile that ships only its differential.

Packages published by the IG tooling carry snapshots, but hand-written profiles (a vendor's
own, the HL7 validator's test profiles) often hold only ``differential``. The FHIR
specification (R4 "Profiling" 5.1.0.5, ElementDefinition "Differential and snapshot") defines
the snapshot as the base's snapshot with every differential element applied on top: the
element with the same id is constrained, a new ``sliceName`` adds a slice (a copy of the
sliced element and everything under it), and a path below an element whose children the base
does not list (a datatype such as ``Extension``) unfolds that type first.

This is that merge for ``derivation = constraint``, enough for the validator to walk the
result: it does not re-check that a constraint is legal against its base (that is profile
authoring, not instance validation). Specialisations (logical models, new resources) get no
snapshot here.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from typing import Any

Loader = Callable[[str], Mapping[str, Any] | None]

# Properties of an ElementDefinition that a differential replaces when it states them.
_KEEP_FROM_BASE = frozenset({"id", "path", "base"})
# ... and those a differential adds to instead of replacing (R4 ElementDefinition rules).
_ADDITIVE = frozenset({"constraint", "condition", "mapping", "alias"})
_MAX_DEPTH = 8


def snapshot_from_differential(
    sd: Mapping[str, Any], load: Loader, _depth: int = 0
) -> dict[str, Any] | None:
    """A copy of ``sd`` with a snapshot built from its base and differential, or None.

    None when ``sd`` is not a constraint on a base we can load, or its differential is empty.
    The input is never changed.
    """
    if sd.get("derivation", "constraint") != "constraint" or _depth > _MAX_DEPTH:
        return None
    differential = (sd.get("differential") or {}).get("element")
    base_url = sd.get("baseDefinition")
    if not isinstance(differential, list) or not differential or not isinstance(base_url, str):
        return None
    base = _with_snapshot(base_url, load, _depth)
    if base is None:
        return None
    elements: list[dict[str, Any]] = copy.deepcopy(base["snapshot"]["element"])
    tree = _Elements(elements, load, _depth)
    seen: list[tuple[str, str]] = []
    for raw in differential:
        if not isinstance(raw, Mapping) or not isinstance(raw.get("path"), str):
            return None
        element_id = _element_id(raw, seen)
        seen.append((str(raw["path"]), element_id))
        target = tree.ensure(element_id)
        if target is None:
            return None
        _merge(target, raw)
    result = dict(sd)
    result["snapshot"] = {"element": elements}
    return result


def _with_snapshot(url: str, load: Loader, depth: int) -> Mapping[str, Any] | None:
    found = load(url)
    if found is None:
        return None
    if (found.get("snapshot") or {}).get("element"):
        return found
    return snapshot_from_differential(found, load, depth + 1)


def _element_id(raw: Mapping[str, Any], seen: list[tuple[str, str]]) -> str:
    """The element's id; without one, its path read in the slice it follows (R4 Profiling:
    in a differential, elements after a slice and below its path belong to that slice)."""
    given = raw.get("id")
    if isinstance(given, str) and given:
        return given
    path = str(raw["path"])
    element_id = path
    for earlier_path, earlier_id in reversed(seen):
        if path.startswith(earlier_path + "."):
            element_id = earlier_id + path[len(earlier_path) :]
            break
    name = raw.get("sliceName")
    return f"{element_id}:{name}" if isinstance(name, str) and name else element_id


def _merge(target: dict[str, Any], raw: Mapping[str, Any]) -> None:
    for key, value in raw.items():
        if key in _KEEP_FROM_BASE:
            continue
        if key in _ADDITIVE and isinstance(value, list):
            known = target.get(key) or []
            target[key] = [*known, *(copy.deepcopy(v) for v in value if v not in known)]
            continue
        if key.startswith(("fixed", "pattern", "defaultValue", "minValue", "maxValue")):
            prefix = next(
                p
                for p in ("fixed", "pattern", "defaultValue", "minValue", "maxValue")
                if key.startswith(p)
            )
            for old in [k for k in target if k.startswith(prefix) and k != key]:
                del target[old]
        target[key] = copy.deepcopy(value)


def _last_segment(element_id: str) -> str:
    return element_id.rsplit(".", 1)[-1]


def _slice_parts(element_id: str) -> tuple[str, str] | None:
    """``Bundle.entry:c`` -> (``Bundle.entry``, ``c``); None when the last step is no slice."""
    last = _last_segment(element_id)
    if ":" not in last:
        return None
    head = element_id[: len(element_id) - len(last)]
    name, _, rest = last.partition(":")
    if "/" in rest:  # a re-slice: ``a:b/c`` slices the slice ``a:b``
        outer, _, inner = rest.rpartition("/")
        return f"{head}{name}:{outer}", inner
    return f"{head}{name}", rest


class _Elements:
    """The snapshot being built, found by id."""

    def __init__(self, elements: list[dict[str, Any]], load: Loader, depth: int) -> None:
        self.elements = elements
        self.load = load
        self.depth = depth

    def _position(self, element_id: str) -> int | None:
        for i, element in enumerate(self.elements):
            if element.get("id") == element_id:
                return i
        return None

    def _subtree_end(self, position: int) -> int:
        """The index after the element at ``position``, its children and its slices."""
        element_id = str(self.elements[position].get("id"))
        end = position + 1
        while end < len(self.elements):
            other = str(self.elements[end].get("id"))
            if not other.startswith((element_id + ".", element_id + ":", element_id + "/")):
                break
            end += 1
        return end

    def ensure(self, element_id: str) -> dict[str, Any] | None:
        position = self._position(element_id)
        if position is not None:
            return self.elements[position]
        parts = _slice_parts(element_id)
        if parts is not None:
            return self._add_slice(element_id, *parts)
        if "." not in element_id:
            return None
        parent_id, last = element_id.rsplit(".", 1)
        parent = self.ensure(parent_id)
        if parent is None:
            return None
        if parent.get("id") != parent_id:  # ``valueQuantity`` is ``value[x]``: go on from it
            return self.ensure(f"{parent.get('id')}.{last}")
        if not self._unfold(parent):
            return self._choice(parent_id, _last_segment(element_id))
        position = self._position(element_id)
        if position is not None:
            return self.elements[position]
        return self._choice(parent_id, _last_segment(element_id))

    def _add_slice(self, element_id: str, sliced_id: str, name: str) -> dict[str, Any] | None:
        sliced = self.ensure(sliced_id)
        if sliced is None:
            return None
        start = self.elements.index(sliced)
        children_end = start + 1
        while children_end < len(self.elements) and str(
            self.elements[children_end].get("id")
        ).startswith(sliced_id + "."):
            children_end += 1
        copies = copy.deepcopy(self.elements[start:children_end])
        for element in copies:
            element["id"] = element_id + str(element["id"])[len(sliced_id) :]
        copies[0]["sliceName"] = name
        copies[0].pop("slicing", None)
        end = self._subtree_end(start)
        self.elements[end:end] = copies
        return copies[0]

    def _unfold(self, parent: dict[str, Any]) -> bool:
        """List the children of ``parent`` from its type when the snapshot does not."""
        parent_id = str(parent.get("id"))
        position = self.elements.index(parent)
        following = self.elements[position + 1] if position + 1 < len(self.elements) else None
        if following is not None and str(following.get("id")).startswith(parent_id + "."):
            return True
        types = parent.get("type") or []
        if len(types) != 1 or not isinstance(types[0], Mapping):
            return False
        profiles = types[0].get("profile") or []
        url = profiles[0] if len(profiles) == 1 else types[0].get("code")
        if not isinstance(url, str):
            return False
        structure = _with_snapshot(url, self.load, self.depth)
        if structure is None:
            return False
        own = structure["snapshot"]["element"]
        root_path = str(own[0].get("path"))
        parent_path = str(parent.get("path"))
        children = []
        for element in copy.deepcopy(own[1:]):
            element["id"] = parent_id + str(element.get("id", ""))[len(root_path) :]
            element["path"] = parent_path + str(element.get("path", ""))[len(root_path) :]
            children.append(element)
        self.elements[position + 1 : position + 1] = children
        return True

    def _choice(self, parent_id: str, name: str) -> dict[str, Any] | None:
        """``Observation.valueQuantity`` constrains ``Observation.value[x]`` to Quantity."""
        for element in self.elements:
            element_id = str(element.get("id"))
            if not element_id.startswith(parent_id + ".") or not element_id.endswith("[x]"):
                continue
            stem = _last_segment(element_id)[:-3]
            if "." in element_id[len(parent_id) + 1 :] or not name.startswith(stem):
                continue
            wanted = name[len(stem) :]
            kept = [
                t
                for t in element.get("type") or []
                if str(t.get("code", "")).lower() == wanted.lower()
            ]
            if kept:
                element["type"] = kept
                return element
        return None
