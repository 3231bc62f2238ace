"""One value against its element definition: complex types, extensions, contained resources,
primitives (formats, fixed and pattern values, bindings, narratives).

Part of a validation run (``run.ValidationRun`` inherits it); a complex value's own properties
go back to the structure walk (``element_walk.py``).
"""

from __future__ import annotations

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
from xshare_desktop.core.validation.snapshot import ElementDef, TypeRef
from xshare_desktop.core.validation.value_rules import check_attachment, check_markdown
from xshare_desktop.core.validation.walk import WalkScope

_CODED_TYPES = frozenset({"code", "Coding", "CodeableConcept", "Quantity", "string", "uri"})
_RESOURCE_TYPE_CODES = frozenset({"Resource", "DomainResource"})
_INLINE_TYPE_CODES = frozenset({"BackboneElement", "Element"})


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
        if not type_code:
            type_code = element.types[0].code if len(element.types) == 1 else ""
        type_ref = next((t for t in element.types if t.code == type_code), None)
        if type_ref is None:
            type_ref = element.types[0] if element.types else TypeRef(type_code)
            if element.content_reference:
                type_ref = TypeRef("BackboneElement")
        if type_ref.is_primitive:
            self._check_primitive(value, ext, element, type_ref, path, scope, sink)
            return
        if type_ref.code in _RESOURCE_TYPE_CODES or (
            isinstance(value, dict)
            and "resourceType" in value
            and type_ref.code[:1].isupper()
            and self.index.structure(type_ref.code) is not None
            and self.index.structure(type_ref.code).kind == "resource"  # type: ignore[union-attr]
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
        container = element
        if len(element.types) > 1 and not element.listed_children:
            root = self.index.type_root(type_ref)
            if root is not None:
                container = root
        self.walk_object(value, element, container, path, scope, sink)
        check_fixed_pattern(value, element, path, sink)
        if element.binding is not None and type_ref.code in _CODED_TYPES:
            check_binding(self.v.terminology, value, element, type_ref.code, path, sink)
        if type_ref.code in ("Coding", "CodeableConcept"):
            check_code_systems(self.v.terminology, value, type_ref.code, path, sink)
        if type_ref.code == "Reference":
            check_reference(self, value, element, path, scope, sink)
        elif type_ref.code == "Identifier":
            check_identifier_system(self.v.terminology, value, path, sink)
        elif type_ref.code == "Attachment":
            check_attachment(value, path, sink)
        constraints = element.constraints + (
            self.index.type_constraints(element)
            if container is element
            else container.constraints + self.index.type_constraints(container)
        )
        type_path = element.path if type_ref.code in _INLINE_TYPE_CODES else type_ref.code
        self._check_constraints(value, None, constraints, path, scope, sink, type_path)

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
