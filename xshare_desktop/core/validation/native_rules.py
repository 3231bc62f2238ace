"""Hot invariants evaluated in Python instead of FHIRPath.

ele-1 sits on every element and ext-1 on every extension; dom-2..dom-6 on every resource. Their
FHIRPath forms are simple, so exact Python equivalents save most of the evaluation time (a test
compares both forms on real elements). dom-3 is also here because fhirpathpy cannot evaluate it
when ``contained`` is present.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

# key -> (FHIRPath expression as published, native check)
NativeCheck = Callable[[Any, Any], bool]


def ele_1(node: Any, primitive_extension: Any = None) -> bool:
    """``hasValue() or (children().count() > id.count())``."""
    if isinstance(node, dict):
        return len(node) > ("id" in node)  # a key other than "id"
    if node is not None and not isinstance(node, list):
        return True
    if isinstance(primitive_extension, dict):
        return len(primitive_extension) > ("id" in primitive_extension)
    return False


def ext_1(node: Any, _unused: Any = None) -> bool:
    """``extension.exists() != value.exists()`` on an Extension."""
    if not isinstance(node, dict):
        return True
    has_extension = bool(node.get("extension"))
    has_value = any(key.startswith("value") and key != "value" for key in node)
    return has_extension != has_value


def _contained(node: Any) -> list[Mapping[str, Any]]:
    if not isinstance(node, dict):
        return []
    found = node.get("contained")
    return [c for c in found if isinstance(c, dict)] if isinstance(found, list) else []


def dom_2(node: Any, _unused: Any = None) -> bool:
    """``contained.contained.empty()``."""
    return not any(c.get("contained") for c in _contained(node))


def dom_4(node: Any, _unused: Any = None) -> bool:
    """``contained.meta.versionId.empty() and contained.meta.lastUpdated.empty()``."""
    for c in _contained(node):
        meta = c.get("meta")
        if isinstance(meta, dict) and ("versionId" in meta or "lastUpdated" in meta):
            return False
    return True


def dom_5(node: Any, _unused: Any = None) -> bool:
    """``contained.meta.security.empty()``."""
    for c in _contained(node):
        meta = c.get("meta")
        if isinstance(meta, dict) and meta.get("security"):
            return False
    return True


def dom_6(node: Any, _unused: Any = None) -> bool:
    """``text.`div`.exists()``."""
    text = node.get("text") if isinstance(node, dict) else None
    return isinstance(text, dict) and "div" in text


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)
    elif isinstance(node, str):
        yield node


_NARRATIVE_LINK = re.compile(r"""(?:href|src)\s*=\s*["']#([^"']+)["']""")


def dom_3(node: Any, _unused: Any = None) -> bool:
    """Every contained resource is referenced from the rest of the resource (``#id``),
    or the contained resource refers back to its container (``#``)."""
    contained = _contained(node)
    if not contained:
        return True
    outside = {k: v for k, v in node.items() if k != "contained"}
    referenced = set()
    for text in _strings(outside):
        if text.startswith("#"):
            referenced.add(text[1:])
        elif text.startswith("<div") and "#" in text:
            # The narrative shows a contained resource (<img src="#id">, <a href="#id">): the
            # HL7 validator counts that as a reference from the container.
            referenced.update(_NARRATIVE_LINK.findall(text))
    # Contained resources may reference each other: a chain from the container counts.
    changed = True
    reachable = set(referenced)
    while changed:
        changed = False
        for c in contained:
            if c.get("id") in reachable:
                for s in _strings(c):
                    if s.startswith("#") and s[1:] not in reachable:
                        reachable.add(s[1:])
                        changed = True
    for c in contained:
        if c.get("id") in reachable:
            continue
        if any(s == "#" for s in _strings(c)):
            continue
        return False
    return True


def ref_1(node: Any, root: Any = None) -> bool:
    """``reference.startsWith('#').not() or (reference.substring(1) in %rootResource.contained.id)``.

    ``root`` is the resource that may hold contained resources. A bare ``#`` points at the
    container itself, which FHIR allows; the published expression misses that case.
    """
    reference = node.get("reference") if isinstance(node, dict) else None
    if not isinstance(reference, str) or not reference.startswith("#") or reference == "#":
        return True
    return any(c.get("id") == reference[1:] for c in _contained(root))


def bdl_8(node: Any, _unused: Any = None) -> bool:
    """``fullUrl.contains('/_history/').not()``."""
    full_url = node.get("fullUrl") if isinstance(node, dict) else None
    return not isinstance(full_url, str) or "/_history/" not in full_url


def obs_7(node: Any, _unused: Any = None) -> bool:
    """``value.empty() or component.code.where(coding.intersect(%resource.code.coding)
    .exists()).empty()`` on an Observation (the rule sits on the resource root)."""
    if not isinstance(node, dict) or not any(
        key.startswith("value") and key[5:6].isupper() for key in node
    ):
        return True
    code = node.get("code")
    own = code.get("coding") if isinstance(code, dict) else None
    if not isinstance(own, list) or not own:
        return True
    components = node.get("component")
    if not isinstance(components, list):
        return True
    for component in components:
        component_code = component.get("code") if isinstance(component, dict) else None
        codings = component_code.get("coding") if isinstance(component_code, dict) else None
        if isinstance(codings, list) and any(c in own for c in codings):
            return False
    return True


def _entries(node: Any) -> list[Any]:
    entries = node.get("entry") if isinstance(node, dict) else None
    return entries if isinstance(entries, list) else []


def _entries_match_type(node: Any, member: str, types: tuple[str, ...]) -> bool:
    bundle_type = node.get("type") if isinstance(node, dict) else None
    if not isinstance(bundle_type, str):
        return True
    wanted = bundle_type in types
    return all(isinstance(e, dict) and (member in e) == wanted for e in _entries(node))


def bdl_3(node: Any, _unused: Any = None) -> bool:
    """``entry.all(request.exists() = (%resource.type = 'batch' or ... 'history'))``."""
    return _entries_match_type(node, "request", ("batch", "transaction", "history"))


def bdl_4(node: Any, _unused: Any = None) -> bool:
    """``entry.all(response.exists() = (%resource.type = 'batch-response' or ...))``."""
    return _entries_match_type(
        node, "response", ("batch-response", "transaction-response", "history")
    )


def bdl_ips_1(node: Any, _unused: Any = None) -> bool:
    """``entry.tail().where(resource is Composition).empty()``."""
    return not any(
        isinstance(e, dict)
        and isinstance(e.get("resource"), dict)
        and e["resource"].get("resourceType") == "Composition"
        for e in _entries(node)[1:]
    )


NATIVE_CHECKS: dict[str, NativeCheck] = {
    "ele-1": ele_1,
    "ext-1": ext_1,
    "dom-2": dom_2,
    "dom-3": dom_3,
    "dom-4": dom_4,
    "dom-5": dom_5,
    "dom-6": dom_6,
    "ref-1": ref_1,
    "bdl-8": bdl_8,
    "obs-7": obs_7,
    "bdl-3": bdl_3,
    "bdl-4": bdl_4,
    "bdl-ips-1": bdl_ips_1,
}

# The expressions the natives replace, exactly as the R4 core package publishes them: a rule
# with the same key but another expression (a profile redefining it) goes through FHIRPath.
NATIVE_EXPRESSIONS: dict[str, str] = {
    "ele-1": "hasValue() or (children().count() > id.count())",
    "ext-1": "extension.exists() != value.exists()",
    "dom-2": "contained.contained.empty()",
    "dom-4": "contained.meta.versionId.empty() and contained.meta.lastUpdated.empty()",
    "dom-5": "contained.meta.security.empty()",
    "dom-6": "text.`div`.exists()",
    "bdl-8": "fullUrl.contains('/_history/').not()",
    "obs-7": "value.empty() or component.code.where(coding.intersect(%resource.code.coding)"
    ".exists()).empty()",
    "bdl-3": "entry.all(request.exists() = (%resource.type = 'batch' or %resource.type = "
    "'transaction' or %resource.type = 'history'))",
    "bdl-4": "entry.all(response.exists() = (%resource.type = 'batch-response' or "
    "%resource.type = 'transaction-response' or %resource.type = 'history'))",
    "bdl-ips-1": "entry.tail().where(resource is Composition).empty()",
    "ref-1": "reference.startsWith('#').not() or (reference.substring(1).trace('url') in "
    "%rootResource.contained.id.trace('ids'))",
}


def native_check(key: str, expression: str) -> NativeCheck | None:
    if key == "dom-3" and expression.startswith("contained.where("):
        return dom_3
    if NATIVE_EXPRESSIONS.get(key) == expression:
        return NATIVE_CHECKS[key]
    return None
