"""A fast, strict screen in front of the R4B model check (issue 18).

Building ``fhir.resources`` models for every entry of a 20,000-entry document takes about
fifteen times the JSON parse. This screen walks the raw JSON once against the shape of the
same models (their fields by JSON name, which repeat, which are choices ``value[x]``, which
are required, which hold a resource) and checks every primitive with the models' own
primitive validators. It clears an entry only when it is sure the models accept it; every
entry it does not clear goes through the models, and only their words reach the person.

It is stricter than the models on purpose: a null, an empty array, a ``_field`` extension,
``fhir_comments``, a key named by its Python name, a required element carried only by its
extension, or anything else it does not know sends the entry to the models. Being stricter
costs time on unusual documents, never a hidden complaint; tests compare it with the models
on mutated documents (tests/unit/test_model_screen.py).
"""

from __future__ import annotations

import threading
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

_PRIMITIVE, _COMPLEX, _RESOURCE, _UNKNOWN = range(4)
# Model validators every FHIR model has; the screen repeats what they check. A class with
# any other validator is never cleared (in R4B: FHIRPrimitiveExtension, the ``_field`` shape).
_KNOWN_VALIDATORS = {"reject_null_complex_elements", "validate_after_model_construction"}


@dataclass
class _Primitive:
    """One primitive type with the models' validator and the values it has accepted."""

    adapter: Any
    accepted: set[Any] = field(default_factory=set)

    def ok(self, value: Any) -> bool:
        kind = type(value)
        if kind is dict or kind is list or value is None:
            return False
        key = value if kind is str else (kind, value)
        if key in self.accepted:
            return True
        try:
            self.adapter.validate_python(value)
        except (ValueError, TypeError):
            return False
        if len(self.accepted) < 200_000:
            self.accepted.add(key)
        return True


class _Field:
    __slots__ = ("kind", "many", "shape", "single", "target")

    def __init__(self, many: bool, kind: int, target: Any) -> None:
        self.many = many
        self.kind = kind
        self.target = target  # a _Primitive, or the model class of a complex element
        self.single: _Primitive | None = target if kind == _PRIMITIVE and not many else None
        self.shape: _Shape | None = None  # that class's shape, filled in on first use


@dataclass
class _Shape:
    fields: dict[str, _Field]
    required: tuple[str, ...]
    choice_of: dict[str, int]  # JSON key -> its choice group
    required_choices: tuple[int, ...]
    resource_type: str | None
    never_clear: bool


_lock = threading.Lock()
_shapes: dict[type, _Shape] = {}
_primitives: dict[Any, _Primitive] = {}


def _unwrap_optional(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin is typing.Union or origin is types.UnionType:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args[0] if len(args) == 1 else None
    return annotation


def _primitive(annotation: Any) -> _Primitive:
    from pydantic import TypeAdapter

    try:
        found = _primitives.get(annotation)
    except TypeError:  # an unhashable annotation: its own validator
        return _Primitive(TypeAdapter(annotation))
    if found is None:
        found = _primitives[annotation] = _Primitive(TypeAdapter(annotation))
    return found


def _field_of(annotation: Any) -> _Field:
    from fhir_core.types import FhirBase, FhirElementOrResourceBase

    item = _unwrap_optional(annotation)
    many = typing.get_origin(item) is list
    if many:
        args = typing.get_args(item)
        item = _unwrap_optional(args[0]) if len(args) == 1 else None
    if item is None or typing.get_origin(item) is typing.Union:
        return _Field(many, _UNKNOWN, None)
    if isinstance(item, type) and issubclass(item, FhirBase):
        model = item.get_model_klass()
        if issubclass(item, FhirElementOrResourceBase):
            kind = _RESOURCE if model.__name__ == "Resource" else _UNKNOWN
            return _Field(many, kind, None)
        return _Field(many, _COMPLEX, model)
    return _Field(many, _PRIMITIVE, _primitive(item))


def _build_shape(model: type) -> _Shape:
    fields: dict[str, _Field] = {}
    required: list[str] = []
    groups: dict[str, int] = {}
    choice_of: dict[str, int] = {}
    required_choices: set[int] = set()
    model_fields: Mapping[str, Any] = model.model_fields  # type: ignore[attr-defined]
    for name, info in model_fields.items():
        key = info.alias or name
        if name == "fhir_comments":
            continue  # not FHIR data: the models decide
        fields[key] = _field_of(info.annotation)
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        if info.is_required() or extra.get("element_required"):
            required.append(key)
        prefix = extra.get("one_of_many")
        if isinstance(prefix, str):
            group = groups.setdefault(prefix, len(groups))
            choice_of[key] = group
            if extra.get("one_of_many_required"):
                required_choices.add(group)
    decorators = model.__pydantic_decorators__  # type: ignore[attr-defined]
    never_clear = bool(
        decorators.field_validators
        or decorators.validators
        or decorators.root_validators
        or set(decorators.model_validators) - _KNOWN_VALIDATORS
        or any(info.metadata for info in model_fields.values())
    )
    resource_type = model.__resource_type__ if model.has_resource_base() else None  # type: ignore[attr-defined]
    return _Shape(
        fields, tuple(required), choice_of, tuple(required_choices), resource_type, never_clear
    )


def _shape(model: type) -> _Shape:
    found = _shapes.get(model)
    if found is None:
        with _lock:
            found = _shapes.get(model)
            if found is None:
                found = _shapes[model] = _build_shape(model)
    return found


def _resource_model(node: Mapping[str, Any]) -> type | None:
    from fhir.resources.R4B import get_fhir_model_class

    rtype = node.get("resourceType")
    if type(rtype) is not str:
        return None
    try:
        model: type = get_fhir_model_class(rtype)
    except (KeyError, ValueError, ImportError, AttributeError):
        return None
    return model if model.has_resource_base() else None  # type: ignore[attr-defined]


def _clear(node: dict[str, Any], shape: _Shape) -> bool:
    # One function for the whole walk (no call per value): it runs on every element.
    if shape.never_clear:
        return False
    fields = shape.fields
    choice_of = shape.choice_of
    chosen: set[int] | None = None
    for key, value in node.items():
        spec = fields.get(key)
        if spec is None:
            if key != "resourceType" or shape.resource_type is None:
                return False
            if value != shape.resource_type:
                return False
            continue
        if choice_of:
            group = choice_of.get(key)
            if group is not None:
                if chosen is None:
                    chosen = set()
                elif group in chosen:
                    return False
                chosen.add(group)
        single = spec.single
        if single is not None:  # one primitive value: the most common element of all
            if (type(value) is not str or value not in single.accepted) and not single.ok(value):
                return False
            continue
        if spec.many:
            if type(value) is not list or not value:
                return False
            items = value
        elif type(value) is list:
            return False
        else:
            items = [value]
        kind = spec.kind
        if kind == _PRIMITIVE:
            primitive: _Primitive = spec.target
            accepted = primitive.accepted
            for item in items:
                if type(item) is str and item in accepted:
                    continue
                if not primitive.ok(item):
                    return False
        elif kind == _COMPLEX:
            sub = spec.shape
            if sub is None:
                sub = spec.shape = _shape(spec.target)
            for item in items:
                if type(item) is not dict or not _clear(item, sub):
                    return False
        elif kind == _RESOURCE:
            for item in items:
                if type(item) is not dict:
                    return False
                model = _resource_model(item)
                if model is None or not _clear(item, _shape(model)):
                    return False
        else:
            return False
    for key in shape.required:
        if key not in node:
            return False
    if shape.required_choices:
        return chosen is not None and all(g in chosen for g in shape.required_choices)
    return True


def resource_is_clear(resource: Any) -> bool:
    """True only when the R4B models certainly accept this resource (a dict with resourceType)."""
    if type(resource) is not dict:
        return False
    model = _resource_model(resource)
    return model is not None and _clear(resource, _shape(model))


def forget_values() -> None:
    """Drop the primitive values remembered as accepted: they are the person's data."""
    for primitive in list(_primitives.values()):
        primitive.accepted.clear()
