"""Slice matching: which slice (if any) each repetition of a sliced element belongs to.

Discriminators follow the FHIR rules: ``value``/``pattern`` compare the value found at the
discriminator path with the slice's fixed or pattern value there; ``type`` compares types;
``profile`` asks whether the item (or the resource it references, for ``resolve()``) conforms
to the slice's profile; ``exists`` tests presence. Paths are the simple FHIRPath forms used in
profiles (``code``, ``coding.code``, ``$this``, ``resource``, ``resolve()``, ``ofType(X)``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

from xshare_desktop.core.validation.snapshot import ElementDef, SnapshotIndex

# Returns True/False, or None when the discriminator cannot decide (treated as a match).
ProfileCheck = Callable[[Mapping[str, Any], tuple[str, ...]], bool]
Resolve = Callable[[str], Mapping[str, Any] | None]
BindingCheck = Callable[[Any, ElementDef], bool]


def contains_pattern(value: Any, pattern: Any) -> bool:
    """Does ``value`` hold everything ``pattern`` holds (FHIR pattern[x] semantics)?"""
    if isinstance(pattern, dict):
        if not isinstance(value, dict):
            return False
        return all(k in value and contains_pattern(value[k], v) for k, v in pattern.items())
    if isinstance(pattern, list):
        if not isinstance(value, list):
            return False
        return all(any(contains_pattern(item, p) for item in value) for p in pattern)
    return bool(value == pattern and type(value) is type(pattern)) or (
        isinstance(value, int | float)
        and isinstance(pattern, int | float)
        and not isinstance(value, bool)
        and not isinstance(pattern, bool)
        and value == pattern
    )


@functools.lru_cache(maxsize=1024)
def _split_path(path: str) -> tuple[str, ...]:
    parts: list[str] = []
    depth = 0
    current = ""
    for ch in path:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "." and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    if current:
        parts.append(current)
    return tuple(parts)


def _json_children(value: Any, name: str) -> list[Any]:
    if not isinstance(value, dict):
        return []
    found = value.get(name)
    if found is None:
        # choice element: ``value`` matches ``valueQuantity``...
        for key, item in value.items():
            if key.startswith(name) and len(key) > len(name) and key[len(name)].isupper():
                found = item
                break
    if found is None:
        return []
    return list(found) if isinstance(found, list) else [found]


def _is_required_code(definition: ElementDef) -> bool:
    binding = definition.binding
    return (
        binding is not None
        and binding.strength == "required"
        and any(t.code in ("code", "Coding", "CodeableConcept") for t in definition.types)
    )


def _has_code(value: Any) -> bool:
    if isinstance(value, str):
        return True
    if not isinstance(value, dict):
        return False
    if isinstance(value.get("code"), str):
        return True
    codings = value.get("coding")
    return isinstance(codings, list) and any(
        isinstance(c, dict) and isinstance(c.get("code"), str) for c in codings
    )


class SliceMatcher:
    def __init__(
        self,
        index: SnapshotIndex,
        conforms: ProfileCheck,
        resolve: Resolve,
        binding_allows: BindingCheck | None = None,
    ) -> None:
        self._index = index
        self._conforms = conforms
        self._resolve = resolve
        self._binding_allows = binding_allows
        self._constrained: dict[int, list[ElementDef]] = {}
        self._definitions: dict[tuple[int, str], ElementDef | None] = {}

    # --- values in the instance ----------------------------------------------------------------
    def instance_values(self, item: Any, type_code: str, path: str) -> list[Any] | None:
        """Values at ``path`` below ``item``; None when the path form is not supported."""
        values: list[Any] = [item]
        for segment in _split_path(path):
            if segment == "$this":
                continue
            if segment == "resolve()":
                resolved = []
                for v in values:
                    ref = v.get("reference") if isinstance(v, dict) else v
                    if isinstance(ref, str):
                        target = self._resolve(ref)
                        if target is not None:
                            resolved.append(target)
                values = resolved
                continue
            if segment.startswith("ofType(") and segment.endswith(")"):
                continue
            if segment.startswith("extension(") and segment.endswith(")"):
                url = segment[len("extension(") : -1].strip("'\"")
                values = [
                    e
                    for v in values
                    for e in _json_children(v, "extension")
                    if isinstance(e, dict) and e.get("url") == url
                ]
                continue
            if "(" in segment:
                return None
            values = [child for v in values for child in _json_children(v, segment)]
        return values

    # --- definitions in the profile -------------------------------------------------------------
    def definition_at(self, element: ElementDef, path: str) -> ElementDef | None:
        key = (id(element), path)
        try:
            return self._definitions[key]
        except KeyError:
            pass
        found = self._definition_at(element, path)
        self._definitions[key] = found
        return found

    def _definition_at(self, element: ElementDef, path: str) -> ElementDef | None:
        current: ElementDef | None = element
        for segment in _split_path(path):
            if current is None:
                return None
            if segment in ("$this", "resolve()") or segment.startswith("ofType("):
                continue
            if segment.startswith("extension(") and segment.endswith(")"):
                url = segment[len("extension(") : -1].strip("'\"")
                holder = self._index.child_named(current, "extension")
                current = None
                if holder is not None:
                    for candidate in holder.slices:
                        if any(url in t.profiles for t in candidate.types):
                            current = candidate
                            break
                continue
            current = self._index.child_named(current, segment)
        return current

    # --- matching --------------------------------------------------------------------------------
    def matches(self, item: Any, type_code: str, slice_def: ElementDef, base: ElementDef) -> bool:
        slicing = base.slicing
        if slicing is None:
            return False
        for discriminator in slicing.discriminators:
            if not self.matches_one(
                item, type_code, slice_def, discriminator.kind, discriminator.path
            ):
                return False
        return True

    def matches_one(
        self, item: Any, type_code: str, slice_def: ElementDef, kind: str, path: str
    ) -> bool:
        if kind in ("value", "pattern"):
            return self._match_value(item, type_code, slice_def, path)
        if kind == "type":
            return self._match_type(item, type_code, slice_def, path)
        if kind == "profile":
            return self._match_profile(item, type_code, slice_def, path)
        if kind == "exists":
            definition = self.definition_at(slice_def, path)
            values = self.instance_values(item, type_code, path)
            if definition is None or values is None:
                return True
            if definition.min >= 1:
                return bool(values)
            if definition.max == 0:
                return not values
            return True
        return True

    def definitions_at(self, element: ElementDef, path: str) -> list[ElementDef]:
        """Every definition a path can reach, through slices too (``code.coding.code`` reaches
        ``code.coding:SBPCode.code``, where the fixed value is)."""
        current = [element]
        for segment in _split_path(path):
            if segment in ("$this", "resolve()") or segment.startswith(("ofType(", "extension(")):
                return []
            following: list[ElementDef] = []
            for node in current:
                child = self._index.child_named(node, segment)
                if child is not None:
                    following.append(child)
                    following.extend(child.slices)
            current = following
        return current

    def _match_value(self, item: Any, type_code: str, slice_def: ElementDef, path: str) -> bool:
        definition = self.definition_at(slice_def, path)
        if definition is None:
            return False
        values = self.instance_values(item, type_code, path)
        if values is None:
            return True
        if not (definition.has_fixed or definition.has_pattern):
            deeper = [
                d for d in self.definitions_at(slice_def, path) if d.has_fixed or d.has_pattern
            ]
            if deeper:
                return any(
                    (v == d.fixed) if d.has_fixed else contains_pattern(v, d.pattern)
                    for d in deeper
                    for v in values
                )
        if definition.has_fixed:
            return any(v == definition.fixed for v in values)
        if definition.has_pattern:
            return any(contains_pattern(v, definition.pattern) for v in values)
        if definition.max == 0:
            return not values
        if _is_required_code(definition) and self._binding_allows is not None:
            # A slice told apart by its required binding alone (EU lab Composition.category:
            # studyType / :specialty): an item belongs to it when its code is in the value set.
            # An item in neither is simply unsliced, which open slicing allows.
            return any(_has_code(v) and self._binding_allows(v, definition) for v in values)
        # The fixed values often sit further down (bp: component.code.coding:SBPCode.code).
        return any(self._fits(v, definition, 0) for v in values)

    def _constrained_children(self, definition: ElementDef) -> list[ElementDef]:
        """Listed children that hold a fixed/pattern value or a required slice somewhere below."""
        found = self._constrained.get(id(definition))
        if found is None:
            found = [c for c in definition.listed_children if self._holds_identity(c, 0)]
            self._constrained[id(definition)] = found
        return found

    def _holds_identity(self, definition: ElementDef, depth: int) -> bool:
        if definition.has_fixed or definition.has_pattern or depth > 6:
            return True
        if depth == 0 and _is_required_code(definition):
            return True
        if any(s.min >= 1 for s in definition.slices):
            return True
        return any(self._holds_identity(c, depth + 1) for c in definition.listed_children)

    def fits(self, value: Any, definition: ElementDef) -> bool:
        return self._fits(value, definition, 0)

    def _fits(self, value: Any, definition: ElementDef, depth: int) -> bool:
        """Does ``value`` meet the fixed/pattern values ``definition`` lists below itself?"""
        if definition.has_fixed:
            return bool(value == definition.fixed)
        if definition.has_pattern:
            return contains_pattern(value, definition.pattern)
        if depth > 6 or not isinstance(value, dict):
            return True
        for child in self._constrained_children(definition):
            items = _json_children(value, child.base_name)
            if (
                depth == 0
                and self._binding_allows is not None
                and _is_required_code(child)
                and not all(self._binding_allows(i, child) for i in items)
            ):
                return False
            if (child.has_fixed or child.has_pattern) and child.min >= 1 and not items:
                return False
            if (
                (child.has_fixed or child.has_pattern or child.listed_children)
                and items
                and not child.slices
                and not all(self._fits(i, child, depth + 1) for i in items)
            ):
                return False
            for required in child.slices:
                if required.min >= 1 and not any(self._fits(i, required, depth + 1) for i in items):
                    return False
        return True

    def _match_type(self, item: Any, type_code: str, slice_def: ElementDef, path: str) -> bool:
        definition = self.definition_at(slice_def, path)
        if definition is None:
            return False
        allowed = {t.code for t in definition.types}
        segments = _split_path(path)
        if segments in (("$this",), ()):
            if isinstance(item, dict) and "resourceType" in item and type_code in ("Resource", ""):
                rtype = item.get("resourceType")
                return isinstance(rtype, str) and rtype in allowed
            return type_code in allowed
        values = self.instance_values(item, type_code, path)
        if values is None:
            return True
        for value in values:
            if isinstance(value, dict) and "resourceType" in value:
                rtype = value["resourceType"]
                if isinstance(rtype, str) and (rtype in allowed or "Resource" in allowed):
                    return True
            elif (
                isinstance(value, dict)
                and allowed
                and all(self._is_resource_type(code) for code in allowed)
            ):
                continue  # a resource without resourceType has no type to match
            else:
                return True
        return False

    def _is_resource_type(self, code: str) -> bool:
        structure = self._index.structure(code)
        return structure is not None and structure.kind == "resource"

    def _match_profile(self, item: Any, type_code: str, slice_def: ElementDef, path: str) -> bool:
        definition = self.definition_at(slice_def, path)
        if definition is None:
            return False
        segments = _split_path(path)
        if segments and segments[-1] == "resolve()":
            profiles = tuple(p for t in definition.types for p in t.target_profiles)
        else:
            profiles = tuple(p for t in definition.types for p in t.profiles)
        if not profiles:
            return True
        values = self.instance_values(item, type_code, path)
        if values is None:
            return True
        return any(self._conforms(v, profiles) for v in values)
