"""One value against its element definition: complex types, extensions, contained resources,
primitives (formats, fixed and pattern values, bindings, narratives).

Part of a validation run (``run.ValidationRun`` inherits it); a complex value's own properties
go back to the structure walk (``element_walk.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from xshare_desktop.core.validation.coded_rules import (
    check_binding,
    check_code_systems,
    check_fixed_pattern,
    check_identifier_system,
)
from xshare_desktop.core.validation.constraint_checks import ConstraintChecks
from xshare_desktop.core.validation.issues import ValidationIssue
from xshare_desktop.core.validation.primitives import describe_json
from xshare_desktop.core.validation.reference_rules import check_reference
from xshare_desktop.core.validation.snapshot import Constraint, ElementDef, TypeRef
from xshare_desktop.core.validation.value_rules import (
    check_attachment,
    check_markdown,
    check_value_limits,
)
from xshare_desktop.core.validation.walk import WalkScope

_CODED_TYPES = frozenset({"code", "Coding", "CodeableConcept", "Quantity", "string", "uri"})
_RESOURCE_TYPE_CODES = frozenset({"Resource", "DomainResource"})
_INLINE_TYPE_CODES = frozenset({"BackboneElement", "Element"})


@dataclass(frozen=True, slots=True)
class ValuePlan:
    """How a value of one type in one element is checked (see ``ValueChecks._value_plan``)."""

    type_ref: TypeRef
    primitive: bool
    always_resource: bool  # Resource, DomainResource
    resource_type: bool  # a resource type's name: a JSON object with resourceType is one
    container: ElementDef  # whose children describe the value's properties
    constraints: tuple[Constraint, ...]
    type_path: str
    bound: bool
    coded: bool
    kind: str  # Reference, Identifier, Attachment or ""


class ValueChecks(ConstraintChecks):
    """The value part of a validation run."""

    # --- values ------------------------------------------------------------------------------------
    def check_value(
        self,
        value: Any,
        ext: Any,
        element: ElementDef,
        type_code: str,
        path: str,
        scope: WalkScope,
        sink: list[ValidationIssue],
        sliced: bool = False,
    ) -> None:
        plan = element._value_plans.get(type_code)
        if plan is None:
            plan = element._value_plans[type_code] = self._value_plan(element, type_code)
        type_ref = plan.type_ref
        if plan.primitive:
            self._check_primitive(value, ext, element, type_ref, path, scope, sink)
            return
        if plan.always_resource or (
            plan.resource_type and isinstance(value, dict) and "resourceType" in value
        ):
            self._check_contained_resource(value, element, type_ref, path, scope, sink)
            return
        if not isinstance(value, dict):
            sink.append(
                ValidationIssue(
                    "error",
                    "structure",
                    f"{element.base_name} must be a JSON object ({type_ref.code}), not "
                    f"{describe_json(value)}",
                    path,
                    element.id,
                )
            )
            return
        if not value:
            sink.append(
                ValidationIssue(
                    "error",
                    "structure",
                    f"{element.base_name} is an empty object; leave it out instead",
                    path,
                    element.id,
                )
            )
            return
        if (
            type_ref.code == "Extension"
            and not sliced
            and element.slice_name is None
            and self._check_extension_by_url(value, element, path, scope, sink)
        ):
            return
        self.walk_object(value, element, plan.container, path, scope, sink)
        check_fixed_pattern(value, element, path, sink)
        if plan.bound:
            check_binding(self.v.terminology, value, element, type_ref.code, path, sink)
        if plan.coded:
            check_code_systems(self.v.terminology, value, type_ref.code, path, sink)
        if plan.kind == "Reference":
            check_reference(self, value, element, path, scope, sink)
        elif plan.kind == "Identifier":
            check_identifier_system(self.v.terminology, value, path, sink)
        elif plan.kind == "Attachment":
            check_attachment(value, path, sink)
        self._check_constraints(value, None, plan.constraints, path, scope, sink, plan.type_path)

    def _value_plan(self, element: ElementDef, type_code: str) -> ValuePlan:
        """What ``check_value`` does for a value of ``type_code`` in ``element``, decided once
        per element and type (the snapshots do not change)."""
        if not type_code:
            type_code = element.types[0].code if len(element.types) == 1 else ""
        type_ref = next((t for t in element.types if t.code == type_code), None)
        if type_ref is None:
            type_ref = element.types[0] if element.types else TypeRef(type_code)
            if element.content_reference:
                type_ref = TypeRef("BackboneElement")
        code = type_ref.code
        structure = self.index.structure(code) if code[:1].isupper() else None
        container = element
        if not type_ref.is_primitive and len(element.types) > 1 and not element.listed_children:
            root = self.index.type_root(type_ref)
            if root is not None:
                container = root
        constraints = element.constraints + (
            self.index.type_constraints(element)
            if container is element
            else container.constraints + self.index.type_constraints(container)
        )
        return ValuePlan(
            type_ref=type_ref,
            primitive=type_ref.is_primitive,
            always_resource=code in _RESOURCE_TYPE_CODES,
            resource_type=structure is not None and structure.kind == "resource",
            container=container,
            constraints=constraints,
            type_path=element.path if code in _INLINE_TYPE_CODES else code,
            bound=element.binding is not None and code in _CODED_TYPES,
            coded=code in ("Coding", "CodeableConcept"),
            kind=code if code in ("Reference", "Identifier", "Attachment") else "",
        )

    def _check_extension_by_url(
        self,
        value: dict[str, Any],
        element: ElementDef,
        path: str,
        scope: WalkScope,
        sink: list[ValidationIssue],
    ) -> bool:
        """An extension outside any slice: use its own definition, or warn it is unknown."""
        url = value.get("url")
        if not isinstance(url, str):
            return False
        structure = self.index.structure(url)
        if structure is None or structure.type != "Extension":
            if element.name == "modifierExtension":
                # A modifier changes the meaning of its parent: a reader cannot ignore it.
                sink.append(
                    ValidationIssue(
                        "error",
                        "not-found",
                        f"The modifier extension {url} is not defined in the installed "
                        "packages; a reader cannot safely process data it does not understand",
                        path,
                        element.id,
                    )
                )
            else:
                sink.append(
                    ValidationIssue(
                        "warning",
                        "not-found",
                        f"The extension {url} is not defined in the installed packages, so its "
                        "content could not be checked",
                        path,
                        element.id,
                    )
                )
            return False
        root = structure.root
        self.walk_object(value, root, root, path, scope, sink)
        constraints = element.constraints + tuple(
            c for c in root.constraints if c.key not in {x.key for x in element.constraints}
        )
        self._check_constraints(value, None, constraints, path, scope, sink, "Extension")
        return True

    def _check_contained_resource(
        self,
        value: Any,
        element: ElementDef,
        type_ref: TypeRef,
        path: str,
        scope: WalkScope,
        sink: list[ValidationIssue],
    ) -> None:
        if not isinstance(value, dict):
            sink.append(
                ValidationIssue(
                    "error",
                    "structure",
                    f"{element.base_name} must be a resource (a JSON object), not "
                    f"{describe_json(value)}",
                    path,
                    element.id,
                )
            )
            return
        rtype = value.get("resourceType")
        allowed = {t.code for t in element.types}
        if isinstance(rtype, str) and not allowed & _RESOURCE_TYPE_CODES and rtype not in allowed:
            sink.append(
                ValidationIssue(
                    "error",
                    "structure",
                    f"A {rtype} is not allowed here (expected {', '.join(sorted(allowed))})",
                    path,
                    element.id,
                )
            )
            return
        profiles = tuple(
            p for t in element.types if t.code in (rtype, "Resource") for p in t.profiles
        )
        entry_index = self._entry_of.get(id(value))
        is_contained = element.name == "contained"
        if is_contained:
            self._contained_ids.add(id(value))
            # "#id" inside a contained resource points into its container (R4 references.html
            # #contained): contained resources can refer to each other and to the container.
            self._container_of.setdefault(id(value), scope.root)
            self.validate_resource(
                value, path, profiles, root=scope.root, entry_index=scope.entry_index, sink=sink
            )
            return
        if entry_index is not None:
            self.progress.step(
                entry_index + 1, len(self.bundle.entries) if self.bundle else 0, path
            )
        self.validate_resource(
            value, path, profiles, root=value, entry_index=entry_index, sink=sink
        )

    def _check_primitive(
        self,
        value: Any,
        ext: Any,
        element: ElementDef,
        type_ref: TypeRef,
        path: str,
        scope: WalkScope,
        sink: list[ValidationIssue],
    ) -> None:
        code = type_ref.code
        if value is not None:
            if isinstance(value, dict | list):
                sink.append(
                    ValidationIssue(
                        "error",
                        "structure",
                        f"{element.base_name} must be a simple value ({code}), not "
                        f"{describe_json(value)}",
                        path,
                        element.id,
                    )
                )
                return
            problem = self.v.formats.check(code, value)
            if problem is not None:
                sink.append(
                    ValidationIssue(
                        "error",
                        "value",
                        f"{element.base_name} {problem}",
                        path,
                        element.id,
                    )
                )
                return
            if code == "markdown" and isinstance(value, str):
                check_markdown(value, path, sink)
            if code == "xhtml" and isinstance(value, str):
                for narrative in self.v.narratives.check(value):
                    sink.append(
                        ValidationIssue(
                            "error" if narrative.severity == "error" else "warning",
                            "invariant" if narrative.key.startswith("txt") else "value",
                            narrative.message,
                            path,
                            narrative.key,
                        )
                    )
            if element.min_value is not None or element.max_value is not None:
                check_value_limits(value, code, element, path, sink)
            if element.has_fixed and value != element.fixed:
                sink.append(
                    ValidationIssue(
                        "error",
                        "value",
                        f"{element.base_name} is {value!r} but the profile requires exactly "
                        f"{element.fixed!r}",
                        path,
                        element.id,
                    )
                )
            elif element.has_pattern and value != element.pattern:
                sink.append(
                    ValidationIssue(
                        "error",
                        "value",
                        f"{element.base_name} is {value!r} but the profile requires {element.pattern!r}",
                        path,
                        element.id,
                    )
                )
            if (
                element.binding is not None
                and code in ("code", "string", "uri")
                and isinstance(value, str)
            ):
                check_binding(self.v.terminology, value, element, code, path, sink)
        if ext is not None:
            ext_path = path.rsplit(".", 1)
            ext_path_str = f"{ext_path[0]}._{ext_path[1]}" if len(ext_path) == 2 else path
            if not isinstance(ext, dict):
                sink.append(
                    ValidationIssue(
                        "error",
                        "structure",
                        f"The extension part of {element.base_name} must be a JSON object",
                        ext_path_str,
                        element.id,
                    )
                )
            else:
                root = self.index.type_root(TypeRef(code))
                if root is not None:
                    self.walk_object(ext, root, root, ext_path_str, scope, sink)
        constraints = element.constraints
        if constraints:
            self._check_constraints(value, ext, constraints, path, scope, sink)
