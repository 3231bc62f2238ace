"""StructureDefinition snapshots compiled into element trees the engine can walk quickly.

A snapshot is a flat list of ElementDefinitions; the validator needs, for every element, its
children by JSON property name, its slices, and the rules on it. That tree is built once per
profile and kept (``SnapshotIndex``). Children that a snapshot does not list come from the
element's type (or the type's profile), and ``contentReference`` points at another element of
the same structure; both are resolved lazily, so recursive structures cost nothing up front.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from xshare_desktop.core.validation.native_rules import NativeCheck, native_check

FHIR_TYPE_EXTENSION = "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type"
BEST_PRACTICE_EXTENSION = "http://hl7.org/fhir/StructureDefinition/elementdefinition-bestpractice"
SYSTEM_PREFIX = "http://hl7.org/fhirpath/System."
CORE_SD_PREFIX = "http://hl7.org/fhir/StructureDefinition/"

# FHIRPath system types as they appear in snapshots (``Element.id``, ``Extension.url``...).
_SYSTEM_TYPE_TO_FHIR = {
    "String": "string",
    "Boolean": "boolean",
    "Integer": "integer",
    "Decimal": "decimal",
    "Date": "date",
    "DateTime": "dateTime",
    "Time": "time",
}

# Types whose JSON form is a property value rather than an object.
PRIMITIVE_TYPES = frozenset(
    {
        "base64Binary",
        "boolean",
        "canonical",
        "code",
        "date",
        "dateTime",
        "decimal",
        "id",
        "instant",
        "integer",
        "markdown",
        "oid",
        "positiveInt",
        "string",
        "time",
        "unsignedInt",
        "uri",
        "url",
        "uuid",
        "xhtml",
    }
)

# Elements whose children are always listed inline in the snapshot.
_INLINE_TYPES = frozenset({"BackboneElement", "Element"})


@dataclass(frozen=True, slots=True)
class TypeRef:
    code: str
    profiles: tuple[str, ...] = ()
    target_profiles: tuple[str, ...] = ()

    @property
    def is_primitive(self) -> bool:
        return self.code in PRIMITIVE_TYPES


@dataclass(frozen=True, slots=True)
class Constraint:
    key: str
    severity: str
    human: str
    expression: str
    best_practice: bool
    source: str
    # A Python equivalent of the expression for the hot rules (ele-1, ext-1, dom-*...).
    native: NativeCheck | None = None


@dataclass(frozen=True, slots=True)
class Binding:
    strength: str
    value_set: str | None


@dataclass(frozen=True, slots=True)
class Discriminator:
    kind: str
    path: str


@dataclass(frozen=True, slots=True)
class Slicing:
    discriminators: tuple[Discriminator, ...]
    rules: str
    ordered: bool


_UNSET: Any = object()


@dataclass(frozen=True, slots=True)
class WalkPlan:
    """A container's children in snapshot order, by identity, and the positions of those that
    can be reported when absent (required, or sliced with slice minimums)."""

    children: tuple[ElementDef, ...]
    position: dict[int, int]
    when_absent: frozenset[int]


@dataclass(eq=False)
class ElementDef:
    """One element of a compiled snapshot, linked to its children and slices."""

    id: str
    path: str
    name: str
    slice_name: str | None
    min: int
    max: int | None
    is_array: bool
    types: tuple[TypeRef, ...]
    content_reference: str | None
    fixed: Any
    pattern: Any
    binding: Binding | None
    constraints: tuple[Constraint, ...]
    slicing: Slicing | None
    structure_url: str
    slices: list[ElementDef] = field(default_factory=list)
    listed_children: list[ElementDef] = field(default_factory=list)
    # ElementDefinition.minValue[x] / maxValue[x] (inclusive), None when not set
    min_value: Any = None
    max_value: Any = None
    # filled lazily by SnapshotIndex
    _resolved: bool = False
    _json_names: dict[str, tuple[ElementDef, str]] = field(default_factory=dict)
    _children: list[ElementDef] = field(default_factory=list)
    _type_constraints: tuple[Constraint, ...] = ()
    # filled lazily by the walk: what to visit among the children, and per type the plan
    _visit: WalkPlan | None = None
    _value_plans: dict[str, Any] = field(default_factory=dict)

    is_choice: bool = False
    base_name: str = ""

    def __post_init__(self) -> None:
        self.is_choice = self.name.endswith("[x]")
        self.base_name = self.name[:-3] if self.is_choice else self.name

    @property
    def has_fixed(self) -> bool:
        return self.fixed is not _UNSET

    @property
    def has_pattern(self) -> bool:
        return self.pattern is not _UNSET

    @property
    def type_codes(self) -> tuple[str, ...]:
        return tuple(t.code for t in self.types)

    def __repr__(self) -> str:
        return f"ElementDef({self.id!r})"


def _fhir_type_code(type_json: Mapping[str, Any]) -> str:
    code = str(type_json.get("code", ""))
    if code.startswith(SYSTEM_PREFIX):
        for ext in type_json.get("extension", ()) or ():
            if ext.get("url") == FHIR_TYPE_EXTENSION:
                return str(ext.get("valueUrl") or ext.get("valueUri") or "string")
        return _SYSTEM_TYPE_TO_FHIR.get(code[len(SYSTEM_PREFIX) :], "string")
    return code


def _parse_max(value: Any) -> int | None:
    if value is None or value == "*":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _value_with_prefix(element: Mapping[str, Any], prefix: str) -> Any:
    for key, value in element.items():
        if key.startswith(prefix) and len(key) > len(prefix) and key[len(prefix)].isupper():
            return value
    return _UNSET


def _compile_element(raw: Mapping[str, Any], structure_url: str) -> ElementDef:
    path = str(raw.get("path", ""))
    name = path.rsplit(".", 1)[-1]
    base = raw.get("base") or {}
    base_max = base.get("max", raw.get("max"))
    types = tuple(
        TypeRef(
            code=_fhir_type_code(t),
            profiles=tuple(t.get("profile", ()) or ()),
            target_profiles=tuple(t.get("targetProfile", ()) or ()),
        )
        for t in raw.get("type", ()) or ()
    )
    constraints = []
    for c in raw.get("constraint", ()) or ():
        expression = c.get("expression")
        if not expression:
            continue
        best = any(
            ext.get("url") == BEST_PRACTICE_EXTENSION and ext.get("valueBoolean") is True
            for ext in c.get("extension", ()) or ()
        )
        constraints.append(
            Constraint(
                key=str(c.get("key", "")),
                severity=str(c.get("severity", "error")),
                human=str(c.get("human", "")),
                expression=str(expression),
                best_practice=best,
                source=str(c.get("source", structure_url)),
                native=native_check(str(c.get("key", "")), str(expression)),
            )
        )
    binding = None
    raw_binding = raw.get("binding")
    if raw_binding and raw_binding.get("strength"):
        binding = Binding(str(raw_binding["strength"]), raw_binding.get("valueSet"))
    slicing = None
    raw_slicing = raw.get("slicing")
    if raw_slicing:
        slicing = Slicing(
            discriminators=tuple(
                Discriminator(str(d.get("type")), str(d.get("path")))
                for d in raw_slicing.get("discriminator", ()) or ()
            ),
            rules=str(raw_slicing.get("rules", "open")),
            ordered=bool(raw_slicing.get("ordered", False)),
        )
    content_reference = raw.get("contentReference")
    return ElementDef(
        id=str(raw.get("id", path)),
        path=path,
        name=name,
        slice_name=raw.get("sliceName"),
        min=int(raw.get("min", 0) or 0),
        max=_parse_max(raw.get("max")),
        is_array=base_max != "1" and base_max != "0" and "." in path,
        types=types,
        content_reference=str(content_reference) if content_reference else None,
        fixed=_value_with_prefix(raw, "fixed"),
        pattern=_value_with_prefix(raw, "pattern"),
        binding=binding,
        constraints=tuple(constraints),
        slicing=slicing,
        structure_url=structure_url,
        min_value=_limit(raw, "minValue"),
        max_value=_limit(raw, "maxValue"),
    )


def _limit(raw: Mapping[str, Any], prefix: str) -> Any:
    found = _value_with_prefix(raw, prefix)
    return None if found is _UNSET else found


def _parent_id(element_id: str, known: Mapping[str, ElementDef]) -> str | None:
    """The id of the element that contains ``element_id`` (slice names may hold dots)."""
    cut = len(element_id)
    while True:
        cut = element_id.rfind(".", 0, cut)
        if cut <= 0:
            return None
        candidate = element_id[:cut]
        if candidate in known:
            return candidate


def _slice_base_id(element_id: str) -> str:
    """``Bundle.entry:composition`` -> ``Bundle.entry``; ``a:b/c`` (re-slice) -> ``a:b``."""
    last_dot = element_id.rfind(".")
    last_colon = element_id.rfind(":")
    if last_colon > last_dot:
        head = element_id[:last_colon]
        tail = element_id[last_colon + 1 :]
        if "/" in tail:
            return head + ":" + tail.rsplit("/", 1)[0]
        return head
    return element_id


@dataclass(eq=False)
class CompiledStructure:
    url: str
    type: str
    kind: str
    root: ElementDef
    by_id: dict[str, ElementDef]
    by_path: dict[str, ElementDef]
    version: str = ""


def compile_structure(sd: Mapping[str, Any]) -> CompiledStructure:
    url = str(sd.get("url", ""))
    elements = (sd.get("snapshot") or {}).get("element") or []
    if not elements:
        raise ValueError(f"StructureDefinition {url} has no snapshot")
    by_id: dict[str, ElementDef] = {}
    by_path: dict[str, ElementDef] = {}
    root: ElementDef | None = None
    for raw in elements:
        element = _compile_element(raw, url)
        if root is None:
            root = element
            by_id[element.id] = element
            by_path[element.path] = element
            continue
        if element.slice_name is not None and element.id.rsplit(".", 1)[-1].count(":"):
            base_id = _slice_base_id(element.id)
            base = by_id.get(base_id)
            if (
                base is not None
                and base.id.rsplit(".", 1)[-1].count(":")
                == element.id.rsplit(".", 1)[-1].count(":") - 1
            ):
                base.slices.append(element)
            # A slice is still a child of its parent, for id lookups only.
            by_id[element.id] = element
            continue
        parent_id = _parent_id(element.id, by_id)
        if parent_id is not None:
            by_id[parent_id].listed_children.append(element)
        by_id[element.id] = element
        by_path.setdefault(element.path, element)
    assert root is not None
    if sd.get("kind") == "resource":
        # R4 core marks Resource.id as a plain string; the specification (and the HL7
        # validator) hold resource ids to the ``id`` rules: [A-Za-z0-9\-\.]{1,64}.
        for child in root.listed_children:
            if child.name == "id":
                child.types = (TypeRef("id"),)
    return CompiledStructure(
        url=url,
        type=str(sd.get("type", root.path)),
        kind=str(sd.get("kind", "")),
        root=root,
        by_id=by_id,
        by_path=by_path,
        version=str(sd.get("version") or ""),
    )


StructureLoader = Callable[[str], Mapping[str, Any] | None]


class SnapshotIndex:
    """Compiled structures by URL or type name, built on first use and shared across threads."""

    def __init__(self, load: StructureLoader) -> None:
        self._load = load
        self._compiled: dict[str, CompiledStructure | None] = {}
        self._lock = threading.RLock()

    def structure(self, url_or_type: str) -> CompiledStructure | None:
        key = url_or_type.split("|", 1)[0]
        found = self._compiled.get(key, _UNSET)
        if found is not _UNSET:
            return found  # type: ignore[no-any-return]
        with self._lock:
            found = self._compiled.get(key, _UNSET)
            if found is not _UNSET:
                return found  # type: ignore[no-any-return]
            compiled: CompiledStructure | None = None
            sd = self._load(key)
            if sd is None and "/" not in key:
                sd = self._load(CORE_SD_PREFIX + key)
            if sd is not None and (sd.get("snapshot") or {}).get("element"):
                compiled = compile_structure(sd)
            self._compiled[key] = compiled
            if compiled is not None:
                self._compiled.setdefault(compiled.url, compiled)
            return compiled

    def type_root(self, type_ref: TypeRef) -> ElementDef | None:
        """The root element for a type: its first profile when given, else the base type."""
        for profile in type_ref.profiles:
            compiled = self.structure(profile)
            if compiled is not None:
                return compiled.root
        compiled = self.structure(type_ref.code)
        return compiled.root if compiled is not None else None

    def resolve(self, element: ElementDef) -> None:
        """Fill the element's children and JSON property names (once)."""
        if element._resolved:
            return
        with self._lock:
            if element._resolved:
                return
            children = list(element.listed_children)
            type_constraints: tuple[Constraint, ...] = ()
            if element.content_reference:
                target = self._content_target(element)
                if target is not None:
                    self.resolve(target)
                    children = list(target._children)
                    type_constraints = target._type_constraints
            elif len(element.types) == 1 and element.types[0].code not in _INLINE_TYPES:
                type_ref = element.types[0]
                if not type_ref.is_primitive or not children:
                    root = self.type_root(type_ref) if type_ref.code != "Resource" else None
                    if root is not None and root is not element:
                        self.resolve(root)
                        if not children:
                            children = list(root._children)
                        own = {c.key for c in element.constraints}
                        type_constraints = tuple(
                            c for c in root.constraints if c.key not in own
                        ) + tuple(c for c in root._type_constraints if c.key not in own)
            names: dict[str, tuple[ElementDef, str]] = {}
            for child in children:
                if child.is_choice:
                    prefix = child.base_name
                    for t in child.types:
                        names[prefix + t.code[:1].upper() + t.code[1:]] = (child, t.code)
                else:
                    code = child.types[0].code if len(child.types) == 1 else ""
                    names[child.name] = (child, code)
            element._children = children
            element._json_names = names
            element._type_constraints = type_constraints
            element._resolved = True

    def _content_target(self, element: ElementDef) -> ElementDef | None:
        reference = element.content_reference or ""
        url, _, fragment = reference.partition("#")
        compiled = self.structure(url or element.structure_url)
        if compiled is None:
            return None
        return compiled.by_id.get(fragment) or compiled.by_path.get(fragment)

    def children(self, element: ElementDef) -> list[ElementDef]:
        self.resolve(element)
        return element._children

    def walk_plan(self, element: ElementDef) -> WalkPlan:
        plan = element._visit
        if plan is None:
            children = tuple(self.children(element))
            plan = WalkPlan(
                children,
                {id(c): i for i, c in enumerate(children)},
                frozenset(
                    i
                    for i, c in enumerate(children)
                    if c.min > 0 or (c.slicing is not None and c.slices)
                ),
            )
            element._visit = plan
        return plan

    def json_names(self, element: ElementDef) -> dict[str, tuple[ElementDef, str]]:
        self.resolve(element)
        return element._json_names

    def type_constraints(self, element: ElementDef) -> tuple[Constraint, ...]:
        self.resolve(element)
        return element._type_constraints

    def child_named(self, element: ElementDef, name: str) -> ElementDef | None:
        for child in self.children(element):
            if child.name == name or child.base_name == name:
                return child
        return None
