"""Where an extension may be used: its definition's context (R4 StructureDefinition.context,
``contextInvariant``; extensibility.html "Extension context").

An extension's definition lists the elements it may appear on: ``element`` contexts name an
element path or a type (``Patient``, ``Patient.name``, ``HumanName.family``, ``Element``),
``extension`` contexts another extension's url, ``fhirpath`` contexts the nodes an expression
selects. Its ``contextInvariant``s must hold on the element that carries it. A sub-extension of
a complex extension (a relative url such as ``species``) is defined by that extension's own
slices, and a url it does not define is an error.

Liberal where we cannot know: a context kind or expression we do not understand, a holder whose
type we cannot tell, or an expression that fails to evaluate gives no error.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from xshare_desktop.core.validation.issues import ValidationIssue
from xshare_desktop.core.validation.snapshot import ElementDef, SnapshotIndex

Loader = Callable[[str], Mapping[str, Any] | None]

_RESOURCE_HOLDERS = frozenset({"contained", "resource", "outcome"})
_NO_CHILD: tuple[None, str] = (None, "")
_MAX_DEPTH = 40


@dataclass(eq=False)
class _Holder:
    """The element that carries an extension. The names it can be known by (its paths, its
    type and the types that type derives from) are worked out only when an extension on it
    asks, so walking a resource without extensions costs little."""

    value: Any
    known: bool  # do we know its type (else element contexts are not judged)
    # The extension this element is, or is inside of (its value, its parts): an
    # ``extension`` context allows use anywhere within that extension.
    extension_url: str | None
    type_path: str | None
    label: str  # its path in the resource, for messages: ``Patient.name``
    parent: _Holder | None = None
    key: str = ""
    child: ElementDef | None = None
    code: str = ""
    own_names: frozenset[str] | None = None

    def names(self, contexts: ExtensionContexts) -> frozenset[str]:
        if self.own_names is not None:
            return self.own_names
        assert self.parent is not None
        names: set[str] = set()
        for name in self.parent.names(contexts):
            names.add(f"{name}.{self.key}")
            if self.child is not None and self.child.is_choice:
                names.add(f"{name}.{self.child.name}")
                names.add(f"{name}.{self.child.base_name}")
        if self.key in ("extension", "modifierExtension"):
            names.update(("Extension", *contexts.type_ancestors("Extension")))
        elif self.code and self.code not in ("BackboneElement", "Element"):
            names.update((self.code, *contexts.type_ancestors(self.code)))
        elif self.code == "BackboneElement":
            names.update(("BackboneElement", "Element"))
        self.own_names = frozenset(names)
        return self.own_names


class ExtensionContexts:
    """Extension context rules for one validator (definitions and type ancestry cached)."""

    def __init__(self, index: SnapshotIndex, load: Loader) -> None:
        self._index = index
        self._load = load
        self._ancestors: dict[str, tuple[str, ...]] = {}
        self._compiled: dict[str, Any] = {}
        self._roots: dict[str, ElementDef] = {}  # a datatype's root element, by type code
        self._definitions: dict[str, Mapping[str, Any] | None] = {}
        self._lock = threading.Lock()

    # --- the walk --------------------------------------------------------------------------------
    def issues(self, resource: Mapping[str, Any], path: str) -> list[ValidationIssue]:
        """Problems with where the extensions of ``resource`` (not of the resources inside it:
        those are checked on their own) are used."""
        rtype = resource.get("resourceType")
        structure = self._index.structure(rtype) if isinstance(rtype, str) else None
        if structure is None or not isinstance(rtype, str):
            return []
        sink: list[ValidationIssue] = []
        names = frozenset((rtype, *self.type_ancestors(rtype)))
        holder = _Holder(resource, True, None, None, rtype, own_names=names)
        self._walk(resource, structure.root, holder, path, resource, sink, 0)
        return sink

    def _walk(
        self,
        obj: Mapping[str, Any],
        element: ElementDef | None,
        holder: _Holder,
        path: str,
        resource: Mapping[str, Any],
        sink: list[ValidationIssue],
        depth: int,
    ) -> None:
        if depth > _MAX_DEPTH:
            return
        json_names = self._index.json_names(element) if element is not None else {}
        for key, value in obj.items():
            # Most values are strings and numbers: nothing below them can carry an extension.
            is_list = isinstance(value, list)
            if not is_list and not isinstance(value, dict):
                continue
            items = value if is_list else (value,)
            if key == "extension" or key == "modifierExtension":
                child = json_names.get(key, _NO_CHILD)[0]
                for i, ext in enumerate(items):
                    if isinstance(ext, dict):
                        where = f"{path}.{key}[{i}]"
                        self._extension(ext, holder, where, resource, sink)
                        self._walk_extension(ext, child, holder, key, where, resource, sink, depth)
                continue
            if key[:1] == "_":
                child, code = json_names.get(key[1:], _NO_CHILD)
                for i, part in enumerate(items):
                    if not isinstance(part, dict) or not isinstance(part.get("extension"), list):
                        continue
                    where = f"{path}.{key[1:]}" + (f"[{i}]" if is_list else "")
                    inner = self._child_holder(holder, key[1:], child, code, part)
                    for j, ext in enumerate(part["extension"]):
                        if isinstance(ext, dict):
                            self._extension(ext, inner, f"{where}.extension[{j}]", resource, sink)
                continue
            child, code = json_names.get(key, _NO_CHILD)
            if key in _RESOURCE_HOLDERS and child is None:
                continue
            for i, item in enumerate(items):
                if not isinstance(item, dict) or "resourceType" in item:
                    continue  # a resource inside this one is checked on its own
                where = f"{path}.{key}" + (f"[{i}]" if is_list else "")
                inner = self._child_holder(holder, key, child, code, item)
                self._walk(
                    item, self._container(child, code), inner, where, resource, sink, depth + 1
                )

    def _walk_extension(
        self,
        ext: dict[str, Any],
        element: ElementDef | None,
        holder: _Holder,
        key: str,
        path: str,
        resource: Mapping[str, Any],
        sink: list[ValidationIssue],
        depth: int,
    ) -> None:
        url = ext.get("url")
        inner = _Holder(
            ext,
            True,
            url if isinstance(url, str) else None,
            "Extension",
            f"{holder.label}.{key}",
            parent=holder,
            key=key,
        )
        self._walk(
            ext, self._container(element, "Extension"), inner, path, resource, sink, depth + 1
        )

    def _container(self, element: ElementDef | None, code: str) -> ElementDef | None:
        """The element whose children describe a value (its type's root for a datatype)."""
        if element is None:
            return None
        if element.listed_children or not code or code in ("BackboneElement", "Element"):
            return element
        found = self._roots.get(code)
        if found is None:
            structure = self._index.structure(code)
            found = self._roots[code] = structure.root if structure is not None else element
        return found

    def _child_holder(
        self, holder: _Holder, key: str, child: ElementDef | None, code: str, value: Any
    ) -> _Holder:
        return _Holder(
            value,
            child is not None and bool(code),
            holder.extension_url,
            code if code and code not in ("BackboneElement", "Element") else None,
            f"{holder.label}.{key}",
            parent=holder,
            key=key,
            child=child,
            code=code,
        )

    # --- the rules -------------------------------------------------------------------------------
    def _extension(
        self,
        ext: dict[str, Any],
        holder: _Holder,
        path: str,
        resource: Mapping[str, Any],
        sink: list[ValidationIssue],
    ) -> None:
        url = ext.get("url")
        if not isinstance(url, str) or ("://" not in url and not url.startswith("urn:")):
            return  # a sub-extension: defined by its parent extension, checked there
        key = url.split("|", 1)[0]
        try:
            definition = self._definitions[key]
        except KeyError:
            definition = self._definitions[key] = self._load(key)
        if definition is None or definition.get("type") != "Extension":
            return
        self._check_context(url, definition, holder, path, resource, sink)
        self._check_invariants(url, definition, ext, holder, path, resource, sink)
        structure = self._index.structure(url)
        if structure is not None:
            self._check_sub_extensions(url, ext, structure.root, path, sink)

    def _check_context(
        self,
        url: str,
        definition: Mapping[str, Any],
        holder: _Holder,
        path: str,
        resource: Mapping[str, Any],
        sink: list[ValidationIssue],
    ) -> None:
        contexts = [c for c in definition.get("context") or () if isinstance(c, Mapping)]
        if not contexts:
            return
        allowed: list[str] = []
        for context in contexts:
            kind, expression = context.get("type"), context.get("expression")
            if not isinstance(expression, str) or not expression:
                return
            verdict = self._context_allows(kind, expression, holder, resource)
            if verdict is None or verdict:
                return  # allowed here, or a context we cannot judge
            allowed.append(expression)
        sink.append(
            ValidationIssue(
                "error",
                "structure",
                f"The extension {url} is not allowed on {holder.label}: its definition allows "
                f"it only on {', '.join(allowed)}",
                path,
                url,
            )
        )

    def _context_allows(
        self, kind: Any, expression: str, holder: _Holder, resource: Mapping[str, Any]
    ) -> bool | None:
        if kind == "element":
            if not holder.known:
                return None
            name = expression.split("#", 1)[-1]
            plain = ".".join(step.split(":", 1)[0] for step in name.split("."))
            if self._load(plain.split(".", 1)[0]) is None:
                return None  # a type R4 does not have (R5's CanonicalResource): not judged
            return plain in holder.names(self) or plain == "Element"
        if kind == "extension":
            if holder.extension_url is None:
                return False
            return expression.split("|", 1)[0] == holder.extension_url.split("|", 1)[0]
        if kind == "fhirpath":
            found = self._evaluate(expression, resource, resource, {})
            if found is None:
                return None
            return any(_same(node, holder.value) for node in found)
        return None

    def _check_invariants(
        self,
        url: str,
        definition: Mapping[str, Any],
        ext: dict[str, Any],
        holder: _Holder,
        path: str,
        resource: Mapping[str, Any],
        sink: list[ValidationIssue],
    ) -> None:
        for expression in definition.get("contextInvariant") or ():
            if not isinstance(expression, str):
                continue
            found = self._evaluate(
                expression, holder.value, resource, {"extension": ext}, holder.type_path
            )
            if found is not None and found == [False]:
                sink.append(
                    ValidationIssue(
                        "error",
                        "invariant",
                        f"The extension {url} is not allowed here: its context rule "
                        f"{expression!r} is not met",
                        path,
                        url,
                    )
                )

    def _check_sub_extensions(
        self,
        url: str,
        ext: Mapping[str, Any],
        definition: ElementDef,
        path: str,
        sink: list[ValidationIssue],
    ) -> None:
        holder = self._index.child_named(definition, "extension")
        if holder is None or not holder.slices:
            return
        by_url: dict[str, ElementDef] = {}
        for slice_def in holder.slices:
            url_element = self._index.child_named(slice_def, "url")
            if url_element is not None and isinstance(url_element.fixed, str):
                by_url[url_element.fixed] = slice_def
        if not by_url:
            return
        for i, sub in _items(ext.get("extension")):
            sub_url = sub.get("url") if isinstance(sub, dict) else None
            if not isinstance(sub_url, str) or "://" in sub_url or sub_url.startswith("urn:"):
                continue
            where = f"{path}.extension[{i}]"
            if sub_url not in by_url:
                sink.append(
                    ValidationIssue(
                        "error",
                        "structure",
                        f"The sub-extension {sub_url!r} is not defined by the extension {url} "
                        f"(it defines {', '.join(sorted(by_url))})",
                        where,
                        url,
                    )
                )
            else:
                self._check_sub_extensions(url, sub, by_url[sub_url], where, sink)

    # --- helpers ---------------------------------------------------------------------------------
    def type_ancestors(self, code: str) -> tuple[str, ...]:
        found = self._ancestors.get(code)
        if found is not None:
            return found
        chain: list[str] = []
        current = self._load(code)
        while current is not None and len(chain) < 10:
            base = current.get("baseDefinition")
            if not isinstance(base, str):
                break
            name = base.rsplit("/", 1)[-1]
            if name in chain:
                break
            chain.append(name)
            current = self._load(base)
        self._ancestors[code] = tuple(chain)
        return self._ancestors[code]

    def _evaluate(
        self,
        expression: str,
        node: Any,
        resource: Mapping[str, Any],
        extra: dict[str, Any],
        type_path: str | None = None,
    ) -> list[Any] | None:
        """FHIRPath result, or None when the expression cannot be evaluated."""
        try:
            import fhirpathpy
            from fhirpathpy.engine.nodes import ResourceNode
            from fhirpathpy.models import models

            with self._lock:
                compiled = self._compiled.get(expression)
                if compiled is None:
                    compiled = fhirpathpy.compile(expression, model=models["r4"])
                    self._compiled[expression] = compiled
            typed = ResourceNode.create_node(resource, resource.get("resourceType"))  # type: ignore[no-untyped-call]
            target = node
            if type_path and isinstance(node, dict) and "resourceType" not in node:
                target = ResourceNode.create_node(node, type_path)  # type: ignore[no-untyped-call]
            result = compiled(target, {"resource": typed, "rootResource": typed, **extra})
        except Exception:
            return None
        return list(result) if isinstance(result, list) else None


def _items(value: Any) -> Iterator[tuple[int, Any]]:
    if isinstance(value, list):
        yield from enumerate(value)


def _same(node: Any, value: Any) -> bool:
    data = getattr(node, "data", node)
    return data is value or (isinstance(data, dict) and data == value)
