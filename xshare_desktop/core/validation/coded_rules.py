"""Rules on coded and fixed values: bindings, code systems, identifier systems, fixed/pattern.

Bindings follow the HL7 validator: required -> error, extensible -> warning, preferred ->
information; a value set that cannot be expanded locally never produces an error.
"""

from __future__ import annotations

import json
import re
from typing import Any

import orjson

from xshare_desktop.core.validation.issues import ValidationIssue
from xshare_desktop.core.validation.slicing import contains_pattern
from xshare_desktop.core.validation.snapshot import ElementDef
from xshare_desktop.core.validation.terminology import Membership, Terminology

# Identifier systems that name themselves (RFC 3986 URIs, UUIDs, DICOM UIDs) need no registry.
SELF_DESCRIBING_SYSTEMS = ("urn:ietf:rfc:3986", "urn:uuid:", "urn:dicom:uid")
EXAMPLE_HOSTS = ("example.org", "example.com", "example.net", "example.eu")
_ABSOLUTE_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


def binding_allows(terminology: Terminology, value: Any, element: ElementDef) -> bool:
    """False only when a required binding definitely rejects the value (quick reject)."""
    binding = element.binding
    if binding is None or binding.strength != "required" or not binding.value_set:
        return True
    codings = [pair for t in element.types for pair in codings_of(value, t.code) if pair[1]]
    if not codings:
        return True
    return any(
        terminology.membership(binding.value_set, s, c) is not Membership.NOT_MEMBER
        for s, c in codings
    )


def check_fixed_pattern(
    value: dict[str, Any], element: ElementDef, path: str, sink: list[ValidationIssue]
) -> None:
    if element.has_fixed and value != element.fixed:
        sink.append(
            ValidationIssue(
                "error",
                "value",
                f"{element.base_name} must be exactly {short_json(element.fixed)} "
                f"(found {short_json(value)})",
                path,
                element.id,
            )
        )
    if element.has_pattern and not contains_pattern(value, element.pattern):
        sink.append(
            ValidationIssue(
                "error",
                "value",
                f"{element.base_name} must contain {short_json(element.pattern)} "
                f"(found {short_json(value)})",
                path,
                element.id,
            )
        )


def check_binding(
    terminology: Terminology,
    value: Any,
    element: ElementDef,
    type_code: str,
    path: str,
    sink: list[ValidationIssue],
) -> None:
    binding = element.binding
    assert binding is not None
    if binding.strength not in ("required", "extensible", "preferred") or not binding.value_set:
        return
    codings = codings_of(value, type_code)
    if not codings:
        return
    expansion = terminology.expansion(binding.value_set)
    vs_name = binding.value_set.split("|", 1)[0]
    if expansion is None:
        if binding.strength in ("required", "extensible"):
            sink.append(
                ValidationIssue(
                    "warning",
                    "code-invalid",
                    f"The value set {vs_name} is not installed, so the code could not be checked",
                    path,
                    element.id,
                )
            )
        return
    results = [terminology.membership(binding.value_set, s, c) for s, c in codings]
    if Membership.MEMBER in results or Membership.UNKNOWN in results:
        return
    shown = ", ".join(f"{s}#{c}" if s else repr(c) for s, c in codings)
    if binding.strength == "required":
        severity, verb = "error", "must"
    elif binding.strength == "extensible":
        severity, verb = "warning", "should"
    else:
        severity, verb = "information", "preferably should"
    sink.append(
        ValidationIssue(
            severity,  # type: ignore[arg-type]
            "code-invalid",
            f"The code {shown} is not in the value set {vs_name}; the {element.base_name} "
            f"{verb} come from it ({binding.strength} binding)",
            path,
            element.id,
        )
    )


def check_code_systems(
    terminology: Terminology,
    value: dict[str, Any],
    type_code: str,
    path: str,
    sink: list[ValidationIssue],
) -> None:
    codings: list[tuple[Any, str]] = []
    if type_code == "Coding":
        codings.append((value, path))
    else:
        for i, coding in enumerate(_as_list(value.get("coding"))):
            codings.append((coding, f"{path}.coding[{i}]"))
    for coding, where in codings:
        if not isinstance(coding, dict):
            continue
        system, code = coding.get("system"), coding.get("code")
        if not isinstance(system, str):
            continue
        if not _ABSOLUTE_URI.match(system):
            # R4 datatypes.html#Coding: system is "the identification of the code system", a
            # uri; a local reference cannot identify one.
            sink.append(
                ValidationIssue(
                    "error",
                    "value",
                    f"Coding.system must be an absolute URI, not {system!r}",
                    f"{where}.system",
                    "Coding.system",
                )
            )
            continue
        if terminology.code_system(system) is None and terminology.value_set_known(system):
            sink.append(
                ValidationIssue(
                    "error",
                    "value",
                    f"Coding.system names a value set, not a code system ({system!r})",
                    f"{where}.system",
                    "Coding.system",
                )
            )
            continue
        if not terminology.system_known(system):
            sink.append(
                ValidationIssue(
                    "warning",
                    "not-found",
                    f"A definition for CodeSystem {system!r} could not be found, so the code "
                    "cannot be validated",
                    f"{where}.system",
                    "Coding.system",
                )
            )
            continue
        if isinstance(code, str) and terminology.code_valid(system, code) is False:
            version = terminology.system_version(system)
            sink.append(
                ValidationIssue(
                    "error",
                    "code-invalid",
                    f"The code {code!r} does not exist in the code system {system}"
                    + (f" (version {version}, the newest installed)" if version else ""),
                    f"{where}.code",
                    "Coding.code",
                )
            )


def check_identifier_system(
    terminology: Terminology, value: dict[str, Any], path: str, sink: list[ValidationIssue]
) -> None:
    """Like the HL7 validator: an identifier namespace nobody has registered gets a warning."""
    system = value.get("system")
    if not isinstance(system, str) or system.startswith(SELF_DESCRIBING_SYSTEMS):
        return
    host = system.split("://", 1)[1].split("/", 1)[0] if "://" in system else ""
    if host.endswith(EXAMPLE_HOSTS) or terminology.system_known(system):
        return
    sink.append(
        ValidationIssue(
            "warning",
            "invalid",
            f"No definition could be found for the identifier system {system!r} (no "
            "NamingSystem or CodeSystem in the installed packages names it)",
            f"{path}.system",
            "Identifier.system",
        )
    )


def codings_of(value: Any, type_code: str) -> list[tuple[str | None, str]]:
    """(system, code) pairs of a coded value; a bare ``code`` has no system (None)."""
    codings: list[tuple[str | None, str]] = []
    if type_code in ("code", "string", "uri"):
        if isinstance(value, str):
            codings.append((None, value))
    elif not isinstance(value, dict):
        return codings
    elif type_code in ("Coding", "Quantity"):
        if isinstance(value.get("code"), str):
            system = value.get("system")
            codings.append((system if isinstance(system, str) else "", value["code"]))
    elif type_code == "CodeableConcept":
        for coding in _as_list(value.get("coding")):
            if isinstance(coding, dict) and isinstance(coding.get("code"), str):
                system = coding.get("system")
                codings.append((system if isinstance(system, str) else "", coding["code"]))
    return codings


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def short_json(value: Any, limit: int = 160) -> str:
    try:
        text = orjson.dumps(value).decode("utf-8", "replace")
    except TypeError:  # integers beyond 64 bits and the like: still show something
        text = json.dumps(value, default=str)
    return text if len(text) <= limit else text[: limit - 3] + "..."
