"""The structure walk: a JSON object's properties against its element's children.

Unknown properties, primitive ``_name`` siblings, choice types, arrays versus single values,
cardinality and slicing of each child, then each item to ``value_checks.py``. Part of a
validation run (``run.ValidationRun`` inherits it).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from xshare_desktop.core.validation.issues import ValidationIssue
from xshare_desktop.core.validation.primitives import describe_json
from xshare_desktop.core.validation.slice_rules import (
    assign_slices,
    check_slice_counts,
    explain_unmatched_items,
)
from xshare_desktop.core.validation.snapshot import PRIMITIVE_TYPES, ElementDef, TypeRef
from xshare_desktop.core.validation.value_checks import ValueChecks
from xshare_desktop.core.validation.walk import WalkScope


class ElementWalk(ValueChecks):
    """The structure part of a validation run."""

    # --- the walk ----------------------------------------------------------------------------------
    def walk_object(
        self,
        obj: dict[str, Any],
        element: ElementDef,
        container: ElementDef,
        path: str,
        scope: WalkScope,
        sink: list[ValidationIssue],
        is_resource_root: bool = False,
    ) -> None:
        """Check the properties of a JSON object against ``container``'s children."""
        names = self.index.json_names(container)
        grouped: dict[int, list[tuple[str, Any, str]]] = {}
        primitive_ext: dict[str, Any] = {}
        children_by_id: dict[int, ElementDef] = {}
        choice_keys: dict[int, set[str]] = {}
        for key, value in obj.items():
            if is_resource_root and key == "resourceType":
                continue
            if key.startswith("_") and len(key) > 1:
                found = names.get(key[1:])
                if found is None or not (found[1] and found[1] in PRIMITIVE_TYPES):
                    sink.append(
                        ValidationIssue(
                            "error",
                            "structure",
                            f"Unrecognized property {key!r}",
                            f"{path}.{key}",
                            container.id,
                        )
                    )
                    continue
                primitive_ext[key[1:]] = value
                if key[1:] not in obj:
                    child, type_code = found
                    grouped.setdefault(id(child), []).append((key[1:], None, type_code))
                    children_by_id[id(child)] = child
                continue
            found = names.get(key)
            if found is None:
                sink.append(
                    ValidationIssue(
                        "error",
                        "structure",
                        _unknown_property_message(key, names),
                        f"{path}.{key}",
                        container.id,
                    )
                )
                continue
            child, type_code = found
            grouped.setdefault(id(child), []).append((key, value, type_code))
            children_by_id[id(child)] = child
            if child.is_choice:
                choice_keys.setdefault(id(child), set()).add(key)
        plan = self.index.walk_plan(container)
        visit: Any = plan.children
        if len(grouped) + len(plan.when_absent) < len(visit):
            # Absent children that cannot be reported need no visit; the order stays the
            # snapshot's, so the issues come out as before.
            children = plan.children
            wanted = plan.when_absent.union(map(plan.position.__getitem__, grouped))
            visit = [children[i] for i in sorted(wanted)]
        for child in visit:
            entries = grouped.get(id(child))
            if entries is None:
                if child.min > 0:
                    sink.append(
                        ValidationIssue(
                            "error",
                            "required",
                            f"{child.name} is required here (minimum {child.min}) but is missing",
                            f"{path}.{child.base_name}" if not child.is_choice else path,
                            child.id,
                        )
                    )
                elif child.slicing is not None and child.slices:
                    check_slice_counts(self, child, [], [], path, sink)
                continue
            if len(choice_keys.get(id(child), ())) > 1:
                sink.append(
                    ValidationIssue(
                        "error",
                        "structure",
                        f"Only one of {', '.join(sorted(choice_keys[id(child)]))} may be present "
                        f"({child.name} allows a single type)",
                        path,
                        child.id,
                    )
                )
                continue
            self._check_child(child, entries, primitive_ext, path, scope, sink)

    def _is_primitive(self, type_code: str) -> bool:
        return TypeRef(type_code).is_primitive

    def _check_child(
        self,
        child: ElementDef,
        entries: list[tuple[str, Any, str]],
        primitive_ext: dict[str, Any],
        path: str,
        scope: WalkScope,
        sink: list[ValidationIssue],
    ) -> None:
        key, value, type_code = entries[0]
        ext_value = primitive_ext.get(key)
        items: list[tuple[Any, Any]] = []
        base_path = f"{path}.{key}"
        if child.is_array:
            if value is None and ext_value is not None:
                values: list[Any] = [None] * (len(ext_value) if isinstance(ext_value, list) else 1)
            elif not isinstance(value, list):
                sink.append(
                    ValidationIssue(
                        "error",
                        "structure",
                        f"{key} must be a JSON array (it can repeat), not {describe_json(value)}",
                        base_path,
                        child.id,
                    )
                )
                values = [value]
            else:
                values = value
            if isinstance(value, list) and not value:
                sink.append(
                    ValidationIssue(
                        "error",
                        "structure",
                        f"{key} is an empty array; leave the property out instead",
                        base_path,
                        child.id,
                    )
                )
                return
            ext_list: list[Any] = []
            if ext_value is not None:
                if not isinstance(ext_value, list) or len(ext_value) != len(values):
                    sink.append(
                        ValidationIssue(
                            "error",
                            "structure",
                            f"_{key} must be an array of the same length as {key}",
                            f"{path}._{key}",
                            child.id,
                        )
                    )
                else:
                    ext_list = ext_value
            for i, item in enumerate(values):
                items.append((item, ext_list[i] if i < len(ext_list) else None))
        else:
            if isinstance(value, list):
                sink.append(
                    ValidationIssue(
                        "error",
                        "structure",
                        f"{key} must be a single value, not an array (it cannot repeat)",
                        base_path,
                        child.id,
                    )
                )
                return
            items.append((value, ext_value))
        count = len(items)
        if count < child.min:
            sink.append(
                ValidationIssue(
                    "error",
                    "required",
                    f"{child.base_name} needs at least {child.min} value(s) here but has {count}",
                    base_path,
                    child.id,
                )
            )
        if child.max is not None and count > child.max:
            sink.append(
                ValidationIssue(
                    "error",
                    "structure",
                    f"{child.base_name} allows at most {child.max} value(s) here but has {count}"
                    if child.max
                    else f"{child.base_name} is not allowed here (the profile prohibits it)",
                    base_path,
                    child.id,
                )
            )
            if child.max == 0:
                return
        item_paths = [f"{base_path}[{i}]" if child.is_array else base_path for i in range(count)]
        assigned: list[ElementDef | None] = [None] * count
        if child.slicing is not None and child.slices:
            assigned = assign_slices(self, child, items, type_code, item_paths, path, scope, sink)
        for i, (item, ext) in enumerate(items):
            definition = assigned[i] or child
            if item is None and ext is None:
                sink.append(
                    ValidationIssue(
                        "error",
                        "structure",
                        f"{key} has a null value without an extension",
                        item_paths[i],
                        child.id,
                    )
                )
                continue
            self.check_value(
                item,
                ext,
                definition,
                type_code,
                item_paths[i],
                scope,
                sink,
                sliced=assigned[i] is not None,
            )
        if child.slices and None in assigned:
            explain_unmatched_items(self, child, items, assigned, scope)

    # --- slicing ----------------------------------------------------------------------------------


def _unknown_property_message(key: str, names: Mapping[str, Any]) -> str:
    lowered = key.lower()
    close = [n for n in names if n.lower() == lowered]
    if close:
        return (
            f"Unrecognized property {key!r} (did you mean {close[0]!r}? names are case-sensitive)"
        )
    return f"Unrecognized property {key!r}: it is not defined for this element"
