"""The rules of every Bundle and of a FHIR document, over references resolved in the Bundle.

``BundleIndex`` (in ``bundle_index.py``, re-exported here) resolves references the way FHIR
defines it for bundles: against ``fullUrl`` (``urn:uuid:...`` or absolute), and a relative
``Type/id`` against the base of the referring entry's ``fullUrl``. ``document_issues`` checks the
document rules: fullUrl present and unique (bdl-7), the Composition's
subject/author/custodian/attester/section entries resolve, and every entry can be reached from
the Composition.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from xshare_desktop.core.validation.bundle_index import (
    _ABSOLUTE_TAIL,
    BundleIndex,
    base_of,
    split_relative,
)
from xshare_desktop.core.validation.issues import ValidationIssue

# The index lives in bundle_index.py; the validator's modules and tests name it from here too.
__all__ = [
    "BundleIndex",
    "TypeCheck",
    "base_of",
    "bundle_issues",
    "document_issues",
    "split_relative",
]

TypeCheck = Callable[[str], bool]


def _iter_all_references(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "reference" and isinstance(value, str):
                yield value
            elif isinstance(value, dict | list):
                yield from _iter_all_references(value)
    elif isinstance(node, list):
        for value in node:
            yield from _iter_all_references(value)


def _composition_links(composition: Mapping[str, Any], path: str) -> Iterator[tuple[str, str]]:
    for name in ("subject", "custodian", "encounter"):
        value = composition.get(name)
        if isinstance(value, dict) and isinstance(value.get("reference"), str):
            yield value["reference"], f"{path}.{name}"
    authors = composition.get("author")
    if isinstance(authors, list):
        for i, author in enumerate(authors):
            if isinstance(author, dict) and isinstance(author.get("reference"), str):
                yield author["reference"], f"{path}.author[{i}]"
    attesters = composition.get("attester")
    if isinstance(attesters, list):
        for i, attester in enumerate(attesters):
            party = attester.get("party") if isinstance(attester, dict) else None
            if isinstance(party, dict) and isinstance(party.get("reference"), str):
                yield party["reference"], f"{path}.attester[{i}].party"
    yield from _section_links(composition.get("section"), f"{path}.section")


def _section_links(sections: Any, path: str) -> Iterator[tuple[str, str]]:
    if not isinstance(sections, list):
        return
    for i, section in enumerate(sections):
        if not isinstance(section, dict):
            continue
        here = f"{path}[{i}]"
        entries = section.get("entry")
        if isinstance(entries, list):
            for j, entry in enumerate(entries):
                if isinstance(entry, dict) and isinstance(entry.get("reference"), str):
                    yield entry["reference"], f"{here}.entry[{j}]"
        focus = section.get("focus")
        if isinstance(focus, dict) and isinstance(focus.get("reference"), str):
            yield focus["reference"], f"{here}.focus"
        yield from _section_links(section.get("section"), f"{here}.section")


_ABSOLUTE_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_NO_FULL_URL_TYPES = frozenset({"transaction", "batch", "transaction-response", "batch-response"})
_SINGLE_LINKS = frozenset({"self", "first", "previous", "prev", "next", "last"})


def bundle_issues(
    index: BundleIndex, root: str = "Bundle", is_resource_type: TypeCheck | None = None
) -> list[ValidationIssue]:
    """Rules of every Bundle (R4 bundle.html, as the HL7 validator applies them): a fullUrl is
    an absolute URI and present except in transactions and batches; search results have ids;
    a paging link relation occurs once."""
    issues: list[ValidationIssue] = []
    bundle_type = index.bundle.get("type")
    for i, entry in enumerate(index.entries):
        where = f"{root}.entry[{i}]"
        full_url = entry.get("fullUrl")
        resource = entry.get("resource")
        if isinstance(full_url, str) and not _ABSOLUTE_URI.match(full_url):
            issues.append(
                ValidationIssue(
                    "error",
                    "invalid",
                    f"The fullUrl must be an absolute URL (not {full_url!r})",
                    f"{where}.fullUrl",
                    "Bundle.entry.fullUrl",
                )
            )
        elif (
            isinstance(full_url, str)
            and bundle_type != "document"  # the document rules say it in their words
            and (mismatch := _id_mismatch(full_url, resource, is_resource_type))
        ):
            # R4 Bundle.entry.fullUrl: a fullUrl that looks like a RESTful URL SHALL end with
            # the resource's type and id, in every kind of Bundle.
            issues.append(
                ValidationIssue("error", "invariant", mismatch, f"{where}.fullUrl", "Bundle.entry")
            )
        elif (
            full_url is None
            and isinstance(resource, dict)
            and bundle_type not in _NO_FULL_URL_TYPES
            and bundle_type != "document"  # the document rules say it in their words
        ):
            issues.append(
                ValidationIssue(
                    "error",
                    "required",
                    "Except in transactions and batches, each entry of a Bundle needs a fullUrl "
                    "(the identity of its resource)",
                    where,
                    "Bundle.entry.fullUrl",
                )
            )
        search = entry.get("search")
        mode = search.get("mode") if isinstance(search, dict) else None
        if (
            bundle_type == "searchset"
            and isinstance(resource, dict)
            and mode != "outcome"
            and resource.get("resourceType") != "OperationOutcome"
            and not isinstance(resource.get("id"), str)
        ):
            issues.append(
                ValidationIssue(
                    "error",
                    "required",
                    "Search results must have ids",
                    f"{where}.resource",
                    "Bundle.entry.resource",
                )
            )
    if bundle_type == "searchset":
        issues.extend(_search_entry_issues(index, root))
    links = index.bundle.get("link")
    seen: set[str] = set()
    for i, link in enumerate(links if isinstance(links, list) else ()):
        relation = link.get("relation") if isinstance(link, dict) else None
        if relation in _SINGLE_LINKS:
            if relation in seen:
                issues.append(
                    ValidationIssue(
                        "error",
                        "invalid",
                        f"The link relation {relation!r} can only occur once",
                        f"{root}.link[{i}]",
                        "Bundle.link",
                    )
                )
            seen.add(relation)
    return issues


def _searched_types(bundle: Mapping[str, Any]) -> set[str]:
    """The resource types a search set answers, from its ``self`` link (``Type?...`` or
    ``_type=A,B``); empty when the link does not say."""
    links = bundle.get("link")
    for link in links if isinstance(links, list) else ():
        if not isinstance(link, dict) or link.get("relation") != "self":
            continue
        url = link.get("url")
        if not isinstance(url, str):
            return set()
        path, _, query = url.partition("?")
        for part in query.split("&"):
            name, _, value = part.partition("=")
            if name == "_type" and value:
                return {t for t in value.split(",") if t}
        last = path.rstrip("/").rsplit("/", 1)[-1]
        return {last} if re.fullmatch(r"[A-Z][A-Za-z]+", last) else set()
    return set()


def _search_entry_issues(index: BundleIndex, root: str) -> list[ValidationIssue]:
    """R4 bundle.html#searchset: an entry in mode ``outcome`` is an OperationOutcome; a
    ``match`` is of a type the search asked for."""
    issues: list[ValidationIssue] = []
    searched = _searched_types(index.bundle)
    for i, entry in enumerate(index.entries):
        resource = entry.get("resource")
        search = entry.get("search")
        mode = search.get("mode") if isinstance(search, dict) else None
        rtype = resource.get("resourceType") if isinstance(resource, dict) else None
        if not isinstance(rtype, str):
            continue
        if mode == "outcome" and rtype != "OperationOutcome":
            issues.append(
                ValidationIssue(
                    "error",
                    "invalid",
                    f"An entry in search mode 'outcome' must be an OperationOutcome, not a {rtype}",
                    f"{root}.entry[{i}].resource",
                    "Bundle.entry.search.mode",
                )
            )
        elif mode == "match" and searched and rtype not in searched:
            issues.append(
                ValidationIssue(
                    "error",
                    "invalid",
                    f"This {rtype} does not match the search, which asked for "
                    f"{', '.join(sorted(searched))}",
                    f"{root}.entry[{i}].resource",
                    "Bundle.entry.search.mode",
                )
            )
    return issues


def document_issues(
    index: BundleIndex, root: str = "Bundle", is_resource_type: TypeCheck | None = None
) -> list[ValidationIssue]:
    """The rules of a FHIR document Bundle (``Bundle.type = document``)."""
    issues: list[ValidationIssue] = []
    seen_urls: dict[str, int] = {}
    for i, entry in enumerate(index.entries):
        full_url = entry.get("fullUrl")
        where = f"{root}.entry[{i}]"
        if full_url is None:
            issues.append(
                ValidationIssue(
                    "error",
                    "required",
                    "Every entry of a document needs a fullUrl so that references can be resolved",
                    where,
                    "Bundle.entry.fullUrl",
                )
            )
            continue
        if not isinstance(full_url, str):
            continue
        version = None
        resource = entry.get("resource")
        if isinstance(resource, dict) and isinstance(resource.get("meta"), dict):
            version = resource["meta"].get("versionId")
        mismatch = _id_mismatch(full_url, resource, is_resource_type)
        if mismatch:
            issues.append(
                ValidationIssue("error", "invariant", mismatch, f"{where}.fullUrl", "Bundle.entry")
            )
        key = f"{full_url}|{version}"
        if key in seen_urls:
            issues.append(
                ValidationIssue(
                    "error",
                    "invariant",
                    f"The fullUrl {full_url!r} is used by entry {seen_urls[key]} already; "
                    "every entry needs its own fullUrl (bdl-7)",
                    f"{where}.fullUrl",
                    "bdl-7",
                )
            )
        else:
            seen_urls[key] = i
    composition = index.resource(0)
    if composition is None or composition.get("resourceType") != "Composition":
        issues.append(
            ValidationIssue(
                "error",
                "invariant",
                "A document Bundle must start with a Composition (bdl-11); the first entry is "
                + (
                    f"a {composition.get('resourceType')}"
                    if composition is not None
                    else "missing or has no resource"
                ),
                f"{root}.entry[0]" if index.entries else root,
                "bdl-11",
            )
        )
        return issues
    comp_path = f"{root}.entry[0].resource"
    for reference, where in _composition_links(composition, comp_path):
        if reference.startswith("#"):
            continue
        candidates = index.matches(reference, 0)
        if len(candidates) > 1 and "/_history/" not in reference:
            issues.append(
                ValidationIssue(
                    "error",
                    "invalid",
                    f"The reference {reference!r} matches {len(candidates)} entries of this "
                    "document (several versions of one resource); name the version "
                    "(…/_history/N)",
                    f"{where}.reference",
                    "Bundle",
                )
            )
            continue
        if candidates and index.resolve_index(reference, 0) is None:
            versions = ", ".join(sorted(v for i in candidates if (v := index.version_of(i))))
            issues.append(
                ValidationIssue(
                    "error",
                    "not-found",
                    f"The reference {reference!r} names a version this document does not "
                    f"hold (it has version(s) {versions or 'without a versionId'})",
                    f"{where}.reference",
                    "Bundle",
                )
            )
            continue
        if index.resolve_index(reference, 0) is None:
            issues.append(
                ValidationIssue(
                    "error",
                    "not-found",
                    f"The reference {reference!r} does not point to any entry of this "
                    "document; a document must contain what its Composition refers to",
                    f"{where}.reference",
                    "Bundle",
                )
            )
    issues.extend(_orphans(index, root))
    return issues


def _id_mismatch(
    full_url: str, resource: Any, is_resource_type: TypeCheck | None = None
) -> str | None:
    """A RESTful fullUrl names the resource's type and id; both must agree with the resource.
    A URL whose type segment is no resource type (``.../Obervation/1``) is not RESTful."""
    if not isinstance(resource, dict) or "://" not in full_url:
        return None
    found = _ABSOLUTE_TAIL.search(full_url)
    if found is None:
        return None
    url_type, url_id = found.group(1), found.group(2)
    if is_resource_type is not None and not is_resource_type(url_type):
        return None
    rtype, rid = resource.get("resourceType"), resource.get("id")
    if isinstance(rtype, str) and rtype != url_type:
        return f"The fullUrl {full_url!r} names a {url_type}, but the entry holds a {rtype}"
    if isinstance(rid, str) and rid != url_id:
        return f"The fullUrl {full_url!r} ends in id {url_id!r}, but the resource's id is {rid!r}"
    return None


def _orphans(index: BundleIndex, root: str) -> list[ValidationIssue]:
    """Entries not reachable from the Composition by following references either way."""
    count = len(index.entries)
    forward: list[set[int]] = [set() for _ in range(count)]
    for i in range(count):
        resource = index.resource(i)
        if resource is None:
            continue
        for reference in _iter_all_references(resource):
            target = index.resolve_index(reference, i)
            if target is not None:
                forward[i].add(target)
    reached = {0}
    stack = [0]
    while stack:
        current = stack.pop()
        for target in forward[current]:
            if target not in reached:
                reached.add(target)
                stack.append(target)
    # Backward links (a Provenance pointing at the Composition) also count, repeatedly.
    changed = True
    while changed:
        changed = False
        for i in range(count):
            if i not in reached and forward[i] & reached:
                reached.add(i)
                changed = True
                stack = [i]
                while stack:
                    current = stack.pop()
                    for target in forward[current]:
                        if target not in reached:
                            reached.add(target)
                            stack.append(target)
    issues = []
    for i in range(count):
        if i in reached or index.resource(i) is None:
            continue
        resource = index.resource(i)
        assert resource is not None
        issues.append(
            ValidationIssue(
                "error",
                "business-rule",
                f"This {resource.get('resourceType', 'entry')} is not referenced from the "
                "Composition (directly or through other entries); remove it or reference it "
                "from a section",
                f"{root}.entry[{i}]",
                "Bundle",
            )
        )
    return issues
