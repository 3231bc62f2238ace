"""Reading FHIR XML (R4) into the JSON form, with the line and column of every element.

The XML and JSON forms differ in ways only the StructureDefinitions settle: which elements repeat
(JSON arrays), which primitive types become JSON numbers or booleans, the ``value`` attribute of
primitives, ``id``/``extension`` on primitives (JSON ``_name`` siblings, arrays aligned with
``null``), choice elements (``valueQuantity``), resources nested in ``<resource>``/``<contained>``,
and the XHTML narrative, which JSON keeps as a string. The reader walks the XML once, looking each
element up in the base type definitions of the ``ConformanceContext``.

Parsing (``fhir_xml_tree.py``) goes through ``defusedxml`` with DTDs and entity declarations
refused: FHIR XML never needs them, and they are how XML bombs and external entity attacks work.
``fhir.resources``' own XML reader fails on real IPS narratives (tables with ``thead``), hence
this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fhir_packages import ConformanceContext, shared_context
from xshare_desktop.core.fhir_xml_tree import MAX_DEPTH, _Node, _parse
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP

FHIR_NS = "http://hl7.org/fhir"
XHTML_NS = "http://www.w3.org/1999/xhtml"
_FHIR_TYPE_EXT = "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type"
_SYSTEM_TYPES = {
    "http://hl7.org/fhirpath/System.String": "string",
    "http://hl7.org/fhirpath/System.Boolean": "boolean",
    "http://hl7.org/fhirpath/System.Integer": "integer",
    "http://hl7.org/fhirpath/System.Decimal": "decimal",
    "http://hl7.org/fhirpath/System.Date": "date",
    "http://hl7.org/fhirpath/System.DateTime": "dateTime",
    "http://hl7.org/fhirpath/System.Time": "time",
}
_INTEGER_TYPES = {"integer", "positiveInt", "unsignedInt", "integer64"}
_INTEGER = re.compile(r"-?[0-9]+")
_DECIMAL = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?")
# Attributes that FHIR XML documents carry without meaning anything for the content.
_IGNORED_ATTRIBUTES = {
    "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation",
}

Positions = dict[str, tuple[int, int]]

# The parsed tree lives in fhir_xml_tree.py; its depth limit is named from here too.
__all__ = [
    "FHIR_NS",
    "MAX_DEPTH",
    "XHTML_NS",
    "FhirXmlReader",
    "Positions",
    "looks_like_xml",
    "read_fhir_xml",
]


# -- the definitions, indexed for lookup -----------------------------------------------------


@dataclass
class _Model:
    """A type's snapshot, indexed by element path."""

    elements: dict[str, dict[str, Any]]
    parents: set[str]  # paths with child elements (backbone elements)
    choices: dict[str, list[tuple[str, dict[str, Any]]]]  # parent path -> [(prefix, element)]


@dataclass(frozen=True)
class _Target:
    json_name: str
    element: dict[str, Any] | None
    type_code: str | None
    model: _Model | None  # for backbone elements: the model holding the children
    path: str  # for backbone elements: the path of the children's parent


class FhirXmlReader:
    def __init__(self, context: ConformanceContext) -> None:
        self.context = context
        self._models: dict[str, _Model | None] = {}
        self._kinds: dict[str, str | None] = {}

    def read(self, data: bytes, name: str = "the file") -> tuple[dict[str, Any], Positions]:
        root = _parse(data, name)
        if root.namespace != FHIR_NS:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "{name} is XML but not FHIR: its root element <{element}> is not in the FHIR namespace ({FHIR_NS}).",
                ).format(name=name, element=root.name, FHIR_NS=FHIR_NS),
                where=root.where(),
            )
        positions: Positions = {}
        resource = self._resource(root, root.name, positions, data)
        return resource, positions

    # -- definitions -----------------------------------------------------------------------
    def _model(self, type_name: str) -> _Model | None:
        if type_name in self._models:
            return self._models[type_name]
        definition = self.context.structure_definition(type_name)
        model = None
        if definition is not None:
            self._kinds[type_name] = definition.get("kind")
            elements: dict[str, dict[str, Any]] = {}
            parents: set[str] = set()
            choices: dict[str, list[tuple[str, dict[str, Any]]]] = {}
            for element in definition.get("snapshot", {}).get("element", []):
                path = element.get("path", "")
                if ":" in element.get("id", ""):
                    continue  # slices share their base element's shape
                elements[path] = element
                parent, _, last = path.rpartition(".")
                if parent:
                    parents.add(parent)
                if last.endswith("[x]"):
                    choices.setdefault(parent, []).append((last[:-3], element))
            model = _Model(elements, parents, choices)
        self._models[type_name] = model
        return model

    def _kind(self, type_name: str) -> str | None:
        self._model(type_name)
        return self._kinds.get(type_name)

    def _target(self, model: _Model | None, parent_path: str, xml_name: str) -> _Target:
        if model is None:
            return _Target(xml_name, None, None, None, "")
        path = f"{parent_path}.{xml_name}"
        element = model.elements.get(path)
        if element is not None:
            reference = element.get("contentReference")
            if reference:
                return _Target(xml_name, element, None, model, reference.split("#", 1)[-1])
            if path in model.parents:
                return _Target(xml_name, element, None, model, path)
            types = element.get("type") or []
            return _Target(xml_name, element, _type_code(types[0]) if types else None, None, "")
        for prefix, choice in model.choices.get(parent_path, []):
            if not xml_name.startswith(prefix):
                continue
            suffix = xml_name[len(prefix) :]
            for type_ref in choice.get("type") or []:
                code = _type_code(type_ref)
                if code and code[:1].upper() + code[1:] == suffix:
                    return _Target(xml_name, choice, code, None, "")
        return _Target(xml_name, None, None, None, "")

    # -- conversion ------------------------------------------------------------------------
    def _resource(
        self, node: _Node, location: str, positions: Positions, data: bytes
    ) -> dict[str, Any]:
        if node.namespace != FHIR_NS:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core", "<{name}> is not in the FHIR namespace, so it cannot be a resource."
                ).format(name=node.name),
                where=node.where(),
            )
        type_name = node.name
        model = self._model(type_name)
        if model is not None and self._kind(type_name) != "resource":
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core", "<{type_name}> is a FHIR data type, not a resource."
                ).format(type_name=type_name),
                where=node.where(),
            )
        positions.setdefault(location, (node.line, node.column))
        result: dict[str, Any] = {"resourceType": type_name}
        self._check_attributes(node, allowed=())
        self._children(node, model, type_name, location, result, positions, data)
        return result

    def _children(
        self,
        node: _Node,
        model: _Model | None,
        parent_path: str,
        location: str,
        into: dict[str, Any],
        positions: Positions,
        data: bytes,
    ) -> None:
        self._refuse_text(node)
        counts: dict[str, int] = {}
        groups: dict[str, list[tuple[_Node, _Target]]] = {}
        for child in node.children:
            if child.namespace != FHIR_NS and not (
                child.namespace == XHTML_NS and child.name == "div"
            ):
                raise UserFacingError(
                    QT_TRANSLATE_NOOP("Core", "<{name}> is not in the FHIR namespace.").format(
                        name=child.name
                    ),
                    where=child.where(),
                )
            target = self._target(model, parent_path, child.name)
            groups.setdefault(target.json_name, []).append((child, target))
        for json_name, members in groups.items():
            repeats = _repeats(members[0][1].element) or len(members) > 1
            values: list[Any] = []
            extras: list[dict[str, Any] | None] = []
            for index, (child, target) in enumerate(members):
                counts[json_name] = index
                here = f"{location}.{json_name}"
                if repeats:
                    positions.setdefault(here, (child.line, child.column))
                    here = f"{here}[{index}]"
                positions.setdefault(here, (child.line, child.column))
                value, extra = self._value(child, target, here, positions, data)
                values.append(value)
                extras.append(extra)
            if any(v is not None for v in values):
                into[json_name] = values if repeats else values[0]
            if any(e is not None for e in extras):
                into[f"_{json_name}"] = extras if repeats else extras[0]

    def _value(
        self, node: _Node, target: _Target, location: str, positions: Positions, data: bytes
    ) -> tuple[Any, dict[str, Any] | None]:
        if target.model is not None:
            result: dict[str, Any] = {}
            self._element_attributes(node, result, allowed=("id",))
            self._children(node, target.model, target.path, location, result, positions, data)
            return result, None
        code = target.type_code
        if code == "xhtml" or (node.namespace == XHTML_NS and node.name == "div"):
            return _xhtml(node, data), None
        if code in ("Resource", "DomainResource"):
            return self._contained(node, location, positions, data), None
        if code is None:
            return self._unknown(node, location, positions, data), None
        if self._kind(code) == "primitive-type":
            return self._primitive(node, code, location, positions, data)
        model = self._model(code)
        result = {}
        allowed = ("id", "url") if code == "Extension" else ("id",)
        self._element_attributes(node, result, allowed=allowed)
        self._children(node, model, code, location, result, positions, data)
        return result, None

    def _primitive(
        self, node: _Node, code: str, location: str, positions: Positions, data: bytes
    ) -> tuple[Any, dict[str, Any] | None]:
        self._check_attributes(node, allowed=("id", "value"))
        raw = node.attrib.get("value")
        value = _convert_primitive(raw, code) if raw is not None else None
        extra: dict[str, Any] = {}
        if "id" in node.attrib:
            extra["id"] = node.attrib["id"]
        model = self._model(code)
        self._children(node, model, code, location, extra, positions, data)
        extra.pop("value", None)  # a <value> child element is not how FHIR XML writes values
        return value, (extra or None)

    def _contained(
        self, node: _Node, location: str, positions: Positions, data: bytes
    ) -> dict[str, Any]:
        self._refuse_text(node)
        self._check_attributes(node, allowed=())
        if len(node.children) != 1:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core", "<{name}> must hold exactly one resource, but holds {count} elements."
                ).format(name=node.name, count=len(node.children)),
                where=node.where(),
            )
        return self._resource(node.children[0], location, positions, data)

    def _unknown(self, node: _Node, location: str, positions: Positions, data: bytes) -> Any:
        """An element the definitions do not know: kept, so the validator can report it."""
        if not node.children and set(node.attrib) <= {"value"}:
            return node.attrib.get("value")
        result: dict[str, Any] = {k: v for k, v in node.attrib.items() if "}" not in k}
        self._children(node, None, "", location, result, positions, data)
        return result

    # -- attributes and text ---------------------------------------------------------------
    def _element_attributes(
        self, node: _Node, into: dict[str, Any], allowed: tuple[str, ...]
    ) -> None:
        self._check_attributes(node, allowed)
        for name in allowed:
            if name in node.attrib:
                into[name] = node.attrib[name]

    @staticmethod
    def _check_attributes(node: _Node, allowed: tuple[str, ...]) -> None:
        for name in node.attrib:
            if name not in allowed and name not in _IGNORED_ATTRIBUTES:
                raise UserFacingError(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "<{name}> has an attribute '{attribute}' that FHIR does not define there.",
                    ).format(name=node.name, attribute=name.rsplit("}", 1)[-1]),
                    where=node.where(),
                )

    @staticmethod
    def _refuse_text(node: _Node) -> None:
        text = "".join(node.text).strip()
        if text:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "<{name}> contains the text '{text}'; FHIR XML keeps values in value attributes.",
                ).format(name=node.name, text=text[:40]),
                where=node.where(),
            )


def _type_code(type_ref: dict[str, Any]) -> str | None:
    code = type_ref.get("code")
    if not isinstance(code, str):
        return None
    if code.startswith("http://hl7.org/fhirpath/System."):
        for extension in type_ref.get("extension", []):
            if extension.get("url") == _FHIR_TYPE_EXT:
                value = extension.get("valueUrl") or extension.get("valueUri")
                if isinstance(value, str):
                    return value
        return _SYSTEM_TYPES.get(code, "string")
    return code


def _repeats(element: dict[str, Any] | None) -> bool:
    if element is None:
        return False
    # The JSON shape follows the base definition, even where a profile narrows it to 1.
    maximum = element.get("base", {}).get("max") or element.get("max")
    return maximum not in ("0", "1")


def _convert_primitive(raw: str, code: str) -> Any:
    if code == "boolean":
        return {"true": True, "false": False}.get(raw, raw)
    if code in _INTEGER_TYPES:
        return int(raw) if _INTEGER.fullmatch(raw) else raw
    if code == "decimal":
        if _DECIMAL.fullmatch(raw):
            return int(raw) if _INTEGER.fullmatch(raw) else float(raw)
        return raw
    return raw


def _xhtml(node: _Node, data: bytes) -> str:
    """The narrative as written, when it already has the form FHIR JSON uses."""
    source = data[node.start : node.end].decode("utf-8")
    if node.namespace == XHTML_NS and re.match(
        r"<div\s[^>]*xmlns\s*=\s*[\"']" + re.escape(XHTML_NS) + "[\"']", source
    ):
        return source
    return _serialise_xhtml(node, top=True)


def _escape(text: str, attribute: bool = False) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;") if attribute else text


def _serialise_xhtml(node: _Node, top: bool = False) -> str:
    # Only reached when the div used a prefix or inherited its namespace: rewrite it with the
    # default namespace on the div, as FHIR JSON requires.
    attributes = "".join(
        f' {name.rsplit("}", 1)[-1]}="{_escape(value, True)}"'
        for name, value in node.attrib.items()
    )
    if top:
        attributes = f' xmlns="{XHTML_NS}"' + attributes
    inner = "".join(
        _escape(item) if isinstance(item, str) else _serialise_xhtml(item) for item in node.content
    )
    return f"<{node.name}{attributes}>{inner}</{node.name}>"


def read_fhir_xml(
    data: bytes, context: ConformanceContext | None = None, *, name: str = "the file"
) -> tuple[dict[str, Any], Positions]:
    """FHIR XML bytes -> (the resource in JSON form, location -> (line, column)).

    Without a ``context`` the default packages of the local cache are used (loaded once).
    """
    return FhirXmlReader(context or shared_context()).read(data, name)


def looks_like_xml(data: bytes) -> bool:
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return head == b"<"
