"""Reference rules: format, target type and profile, and resolution inside a document.

A reference that resolves to an entry of the Bundle is checked against the element's
``targetProfile``s: when the target meets none of them, the problems of the closest profile
are reported (one root cause, not one message per candidate profile).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from xshare_desktop.core.validation.bundle_rules import split_relative
from xshare_desktop.core.validation.issues import ValidationIssue
from xshare_desktop.core.validation.snapshot import CORE_SD_PREFIX, ElementDef

if TYPE_CHECKING:
    from xshare_desktop.core.validation.walk import Walk, WalkScope


_WHITESPACE = re.compile(r"\s")
_ABSOLUTE_TAIL = re.compile(r"/([A-Z][A-Za-z]+)/([A-Za-z0-9\-\.]{1,64})(/_history/[^/]+)?$")


def _absolute_tail(reference: str) -> tuple[str, str] | None:
    found = _ABSOLUTE_TAIL.search(reference) if "://" in reference else None
    return (found.group(1), found.group(2)) if found else None


def _type_of_canonical(url: str) -> str | None:
    base = url.split("|", 1)[0]
    if base.startswith(CORE_SD_PREFIX):
        return base[len(CORE_SD_PREFIX) :]
    return None


def check_reference(
    run: Walk,
    value: dict[str, Any],
    element: ElementDef,
    path: str,
    scope: WalkScope,
    sink: list[ValidationIssue],
) -> None:
    reference = value.get("reference")
    if not isinstance(reference, str):
        return
    where = f"{path}.reference"
    if _WHITESPACE.search(reference):
        sink.append(
            ValidationIssue(
                "error",
                "value",
                f"The reference {reference!r} contains spaces",
                where,
                element.id,
            )
        )
        return
    is_absolute = ":" in reference.split("/", 1)[0]
    if not is_absolute and not reference.startswith("#"):
        relative = split_relative(reference.split("?", 1)[0])
        if relative is None or run.index.structure(relative[0]) is None:
            sink.append(
                ValidationIssue(
                    "error",
                    "value",
                    f"The reference {reference!r} is not a valid FHIR reference "
                    "(expected Type/id, an absolute URL, urn:uuid: or #id)",
                    where,
                    element.id,
                )
            )
            return
    target = run.resolve(reference, scope.entry_index, scope.root)
    # The type the reference itself names: ``Patient/1`` or ``https://x/fhir/Patient/1``.
    named = split_relative(reference) if not is_absolute else _absolute_tail(reference)
    relative_type = named[0] if named else None
    explicit_type = value.get("type") if isinstance(value.get("type"), str) else None
    target_profiles = [p for t in element.types for p in t.target_profiles]
    allowed_types: set[str] = set()
    profile_urls: list[str] = []
    for profile in target_profiles:
        structure = run.index.structure(profile)
        if structure is not None:
            allowed_types.add(structure.type)
            if structure.url.split("|", 1)[0] != CORE_SD_PREFIX + structure.type:
                profile_urls.append(structure.url)
        else:
            type_name = _type_of_canonical(profile)
            if type_name is not None:
                allowed_types.add(type_name)
    declared_type = (
        target.get("resourceType") if isinstance(target, dict) else relative_type or explicit_type
    )
    if isinstance(target, dict) and not run.is_resource_type(declared_type):
        declared_type = None  # an unknown resourceType: reported once, where the resource is
    elif isinstance(target, dict) and relative_type in allowed_types and run.document:
        # The reference names the right type but the entry holds another: the entry is at
        # fault (the document rules report its fullUrl), not every reference to it.
        declared_type = relative_type
    if (
        allowed_types
        and "Resource" not in allowed_types
        and isinstance(declared_type, str)
        and declared_type not in allowed_types
    ):
        sink.append(
            ValidationIssue(
                "error",
                "structure",
                f"The reference points to a {declared_type}, but here it must point to "
                f"{' or '.join(sorted(allowed_types))}",
                where,
                element.id,
            )
        )
        return
    if (
        target is None
        and named
        and not is_absolute
        and run.bundle is not None
        and _misplaced_by_uuid(run, reference, named, element, where, sink)
    ):
        return
    if target is None:
        if run.document and not reference.startswith("#") and run.bundle is not None:
            # The Composition's own links are checked (as errors) by the document rules.
            if not path.startswith("Bundle.entry[0].resource"):
                # A urn:uuid can only ever point inside the document: missing is an error.
                # An absolute URL might live on a server, so that is only a warning.
                local = reference.startswith(("urn:uuid:", "urn:oid:")) or not is_absolute
                sink.append(
                    ValidationIssue(
                        "error" if local else "warning",
                        "not-found",
                        f"The reference {reference!r} does not point to any entry of this "
                        "document"
                        + (
                            ""
                            if local
                            else " (it may exist elsewhere, but a reader cannot follow it offline)"
                        ),
                        where,
                        element.id,
                    )
                )
        elif reference.startswith("#"):
            sink.append(
                ValidationIssue(
                    "error",
                    "not-found",
                    f"The reference {reference!r} does not match any contained resource",
                    where,
                    element.id,
                )
            )
        return
    if profile_urls and isinstance(target, dict) and not reference.startswith("#"):
        _check_target_profiles(run, target, profile_urls, element, where, sink)


def _misplaced_by_uuid(
    run: Walk,
    reference: str,
    named: tuple[str, str],
    element: ElementDef,
    where: str,
    sink: list[ValidationIssue],
) -> bool:
    """``Practitioner/X`` beside an entry ``urn:uuid:X`` means that entry (the id is a UUID that
    names nothing else); when that entry holds another type the reference is wrong (the HL7
    validator: "matching reference ... has resourceType")."""
    assert run.bundle is not None
    found = run.bundle.by_full_url.get(f"urn:uuid:{named[1]}")
    held = run.bundle.resource(found) if found is not None else None
    held_type = held.get("resourceType") if held is not None else None
    if not isinstance(held_type, str) or held_type == named[0]:
        return False
    sink.append(
        ValidationIssue(
            "error",
            "structure",
            f"The reference {reference!r} names the entry urn:uuid:{named[1]}, which holds a "
            f"resource of type {held_type}, not {named[0]}",
            where,
            element.id,
        )
    )
    return True


def _check_target_profiles(
    run: Walk,
    target: dict[str, Any],
    profile_urls: list[str],
    element: ElementDef,
    where: str,
    sink: list[ValidationIssue],
) -> None:
    candidates = [
        u
        for u in profile_urls
        if (s := run.index.structure(u)) and s.type == target.get("resourceType")
    ]
    if not candidates:
        return
    key = (id(target), "|".join(candidates))
    if key in run.reported_targets:
        return
    run.reported_targets.add(key)
    for url in candidates:
        if run.conforms(target, url):
            run.global_sink.extend(run.issues_against(target, url))
            return
    # Fits none: report the closest profile's problems (one root cause, not one per profile).
    results = [run.issues_against(target, u) for u in candidates]
    best = min(results, key=lambda r: sum(1 for i in r if i.is_failure))
    run.global_sink.extend(best)
