"""Slicing rules: assigning repetitions to slices, slice counts, order, and explaining misses.

Which slice an item belongs to is decided by ``slicing.SliceMatcher``; this module applies the
profile's rules to the assignment. When an item fits no slice because it misses the profile a
slice names (``Bundle.entry:condition`` -> Condition-uv-ips), the first real problem with it is
reported once, instead of a bare count or one message per candidate slice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from xshare_desktop.core.validation.issues import ValidationIssue
from xshare_desktop.core.validation.snapshot import ElementDef

if TYPE_CHECKING:
    from xshare_desktop.core.validation.walk import Walk, WalkScope


def assign_slices(
    run: Walk,
    child: ElementDef,
    items: list[tuple[Any, Any]],
    type_code: str,
    item_paths: list[str],
    parent_path: str,
    scope: WalkScope,
    sink: list[ValidationIssue],
) -> list[ElementDef | None]:
    slicing = child.slicing
    assert slicing is not None
    assigned: list[ElementDef | None] = []
    saved = run.current_entry
    run.current_entry = scope.entry_index
    try:
        for item, _ext in items:
            match = None
            for slice_def in child.slices:
                if run.matcher.matches(item, type_code, slice_def, child):
                    match = slice_def
                    break
            assigned.append(match)
    finally:
        run.current_entry = saved
    if slicing.rules == "closed":
        for i, match in enumerate(assigned):
            if match is None:
                sink.append(
                    ValidationIssue(
                        "error",
                        "structure",
                        f"This {child.base_name} does not match any of the slices the profile "
                        f"allows ({', '.join(s.slice_name or '' for s in child.slices)}) and "
                        "the slicing is closed",
                        item_paths[i],
                        child.id,
                    )
                )
    if slicing.ordered:
        order = {id(s): n for n, s in enumerate(child.slices)}
        last = -1
        for i, match in enumerate(assigned):
            if match is None:
                continue
            position = order[id(match)]
            if position < last:
                sink.append(
                    ValidationIssue(
                        "error",
                        "structure",
                        f"Slice {match.slice_name} is out of order (the profile fixes the order "
                        "of the slices)",
                        item_paths[i],
                        match.id,
                    )
                )
            last = max(last, position)
    if slicing.rules == "openAtEnd":
        seen_unmatched = False
        for i, match in enumerate(assigned):
            if match is None:
                seen_unmatched = True
            elif seen_unmatched:
                sink.append(
                    ValidationIssue(
                        "error",
                        "structure",
                        "Items that match no slice must come after the sliced items (openAtEnd)",
                        item_paths[i],
                        match.id,
                    )
                )
    check_slice_counts(run, child, items, assigned, parent_path, sink, item_paths, type_code)
    return assigned


def explain_unmatched_items(
    run: Walk,
    child: ElementDef,
    items: list[tuple[Any, Any]],
    assigned: list[ElementDef | None],
    scope: WalkScope,
) -> None:
    slicing = child.slicing
    if slicing is None or slicing.rules == "closed":
        return
    if not any(d.kind == "profile" for d in slicing.discriminators):
        return
    for i, match in enumerate(assigned):
        if match is None:
            run.pending_explanations.append((child, items[i][0], scope.entry_index))


def explain_pending(run: Walk) -> None:
    """Run once the whole document has been walked, so that what each resource's own
    validation already reported is known and not repeated."""
    saved = run.current_entry
    try:
        for child, item, entry_index in run.pending_explanations:
            run.current_entry = entry_index
            _explain_unmatched_item(run, child, item)
    finally:
        run.current_entry = saved
        run.pending_explanations.clear()


def _explain_unmatched_item(run: Walk, child: ElementDef, item: Any) -> None:
    """An item that only one slice's profile could be meant for, but that fails it: say so
    once, as a warning (open slicing allows it, but it is almost always a content mistake).
    With several candidate profiles (an Observation) the intent is unknown: stay silent."""
    slicing = child.slicing
    assert slicing is not None
    others = [d for d in slicing.discriminators if d.kind != "profile"]
    profile_disc = next(d for d in slicing.discriminators if d.kind == "profile")
    resolve_path = profile_disc.path.endswith("resolve()")
    values = run.matcher.instance_values(item, "", profile_disc.path) or []
    resources = [
        v for v in values if isinstance(v, dict) and isinstance(v.get("resourceType"), str)
    ]
    if len(resources) != 1:
        return
    resource = resources[0]
    candidates: list[tuple[ElementDef, str]] = []
    for slice_def in child.slices:
        if not all(run.matcher.matches_one(item, "", slice_def, d.kind, d.path) for d in others):
            continue
        definition = run.matcher.definition_at(slice_def, profile_disc.path)
        if definition is None:
            continue
        for type_ref in definition.types:
            for profile in type_ref.target_profiles if resolve_path else type_ref.profiles:
                structure = run.index.structure(profile)
                if structure is not None and structure.type == resource["resourceType"]:
                    candidates.append((slice_def, structure.url))
    urls = list(dict.fromkeys(url for _, url in candidates))
    if len(urls) > 1:
        # Several slices could take it (an Observation: lab, radiology, vital signs, EDD...):
        # only a profile whose identity (fixed codes, categories) it carries is meant for it.
        # A lab panel member is not an almost-EDD observation.
        urls = [u for u in urls if _carries_identity(run, resource, u)]
    if not urls:
        return
    # Several profiles could be meant (Observation): the one it misses least is the likely
    # intent, and its first problem is the likely root cause.
    own = run.reported_urls.get(id(resource), set())
    if own & set(urls):
        return  # already checked against that profile (its meta.profile), issues reported
    reported = {
        x.expression
        for other in own
        for x in run.against_cache.get((id(resource), other), ())
        if x.is_failure
    }
    failures_by_url = [
        (
            url,
            [
                x
                for x in run.issues_against(resource, url)
                if x.is_failure and x.expression not in reported
            ],
        )
        for url in urls
    ]
    url, failures = min(failures_by_url, key=lambda pair: len(pair[1]))
    if not failures or (id(resource), url) in run.explained_targets:
        return
    run.explained_targets.add((id(resource), url))
    if resolve_path and run.document and len(urls) == 1:
        # A document's section entry names its target profile (Composition.section:
        # sectionProblems.entry:problem -> Condition-uv-ips); the entry it points to is held to
        # it, as the HL7 validator does for documents: its problems are errors, where they are.
        run.global_sink.extend(failures)
        return
    first = failures[0]
    more = f" (and {len(failures) - 1} more)" if len(failures) > 1 else ""
    run.global_sink.append(
        ValidationIssue(
            "warning",
            "business-rule",
            f"This {resource['resourceType']} does not meet the profile "
            f"{url.rsplit('/', 1)[-1]} meant for it: {first.message}{more}",
            first.expression,
            url,
        )
    )


def _carries_identity(run: Walk, resource: dict[str, Any], url: str) -> bool:
    structure = run.index.structure(url)
    return structure is not None and run.matcher.fits(resource, structure.root)


def check_slice_counts(
    run: Walk,
    child: ElementDef,
    items: list[tuple[Any, Any]],
    assigned: list[ElementDef | None],
    parent_path: str,
    sink: list[ValidationIssue],
    item_paths: list[str] | None = None,
    type_code: str = "",
) -> None:
    for slice_def in child.slices:
        count = sum(1 for a in assigned if a is slice_def)
        if count < slice_def.min:
            explained = _explain_missing_slice(run, child, slice_def, items, assigned, sink)
            if not explained:
                sink.append(
                    ValidationIssue(
                        "error",
                        "required",
                        f"{child.base_name}: the slice {slice_def.slice_name!r} needs at least "
                        f"{slice_def.min} item(s) but {count} matched",
                        f"{parent_path}.{child.base_name}",
                        slice_def.id,
                    )
                )
        if slice_def.max is not None and count > slice_def.max:
            extra = [i for i, a in enumerate(assigned) if a is slice_def][slice_def.max :]
            where = (
                item_paths[extra[0]] if item_paths and extra else f"{parent_path}.{child.base_name}"
            )
            sink.append(
                ValidationIssue(
                    "error",
                    "structure",
                    f"{child.base_name}: the slice {slice_def.slice_name!r} allows at most "
                    f"{slice_def.max} item(s) but {count} matched",
                    where,
                    slice_def.id,
                )
            )


def _explain_missing_slice(
    run: Walk,
    child: ElementDef,
    slice_def: ElementDef,
    items: list[tuple[Any, Any]],
    assigned: list[ElementDef | None],
    sink: list[ValidationIssue],
) -> bool:
    """A profile-discriminated slice is unfilled because a candidate fails the profile:
    report what is wrong with that candidate instead of a bare count."""
    slicing = child.slicing
    if slicing is None or not any(d.kind == "profile" for d in slicing.discriminators):
        return False
    others = [d for d in slicing.discriminators if d.kind != "profile"]
    profile_disc = next(d for d in slicing.discriminators if d.kind == "profile")
    for i, (item, _ext) in enumerate(items):
        if assigned[i] is not None:
            continue
        resource = item.get("resource") if isinstance(item, dict) else None
        if isinstance(resource, dict) and not isinstance(resource.get("resourceType"), str):
            return True  # reported where the resourceType is missing
        if not all(run.matcher.matches_one(item, "", slice_def, d.kind, d.path) for d in others):
            continue
        definition = run.matcher.definition_at(slice_def, profile_disc.path)
        values = run.matcher.instance_values(item, "", profile_disc.path) or []
        if definition is None:
            continue
        resolve_path = profile_disc.path.endswith("resolve()")
        profiles = [
            p for t in definition.types for p in (t.target_profiles if resolve_path else t.profiles)
        ]
        for value in values:
            if not isinstance(value, dict):
                continue
            for profile in profiles:
                structure = run.index.structure(profile)
                if structure is None or structure.type != value.get("resourceType"):
                    continue
                failures = run.issues_against(value, structure.url)
                if any(x.is_failure for x in failures):
                    run.global_sink.extend(failures)
                    return True
    return False
