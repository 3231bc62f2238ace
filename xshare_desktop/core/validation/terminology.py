"""Local terminology: ValueSets expanded from the CodeSystems in the installed packages.

No terminology server is asked. A ValueSet is expanded from ``compose`` (whole code systems,
listed concepts, ``is-a``/``descendent-of``/``is-not-a``/``=``/``regex`` filters over a local
CodeSystem, nested ValueSets, excludes). Whatever cannot be expanded here (SNOMED CT or LOINC
hierarchies, a code system not installed) leaves the expansion *open* for that system: a code
from it is then "unknown", never "not in the value set".
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

Loader = Callable[[str], Mapping[str, Any] | None]

# Code systems that live outside FHIR packages (their content is never shipped locally) but
# that every validator recognises; codes from them are accepted unchecked.
WELL_KNOWN_EXTERNAL_SYSTEMS = frozenset(
    {
        "http://snomed.info/sct",
        "http://loinc.org",
        "http://unitsofmeasure.org",
        "http://www.nlm.nih.gov/research/umls/rxnorm",
        "http://hl7.org/fhir/sid/icd-10",
        "http://hl7.org/fhir/sid/icd-10-cm",
        "http://hl7.org/fhir/sid/icd-9-cm",
        "http://hl7.org/fhir/sid/icd-11",
        "http://id.who.int/icd/release/11/mms",
        "http://www.whocc.no/atc",
        "http://standardterms.edqm.eu",
        "urn:ietf:bcp:47",
        "urn:ietf:bcp:13",
        "urn:iso:std:iso:3166",
        "urn:iso:std:iso:3166:-2",
        "urn:iso:std:iso:4217",
        "http://dicom.nema.org/resources/ontology/DCM",
        "http://hl7.org/fhir/sid/ndc",
        "http://hl7.org/fhir/sid/cvx",
        "http://www.ama-assn.org/go/cpt",
        "http://nucc.org/provider-taxonomy",
        "http://varnomen.hgvs.org",
        "http://www.genenames.org",
        "http://www.ensembl.org",
        "http://www.ncbi.nlm.nih.gov/clinvar",
        "http://sequenceontology.org",
        "http://www.radlex.org",
        "http://hl7.org/fhir/sid/icpc-2",
        "urn:oid:1.2.36.1.2001.1005.17",
        "https://www.usps.com/",
        "http://unstats.un.org/unsd/methods/m49/m49.htm",
    }
)


class Membership(Enum):
    MEMBER = "member"
    NOT_MEMBER = "not-member"
    UNKNOWN = "unknown"


@dataclass
class Expansion:
    """Codes per system; ``open_systems`` are systems whose codes could not all be listed."""

    codes: dict[str, set[str]] = field(default_factory=dict)
    whole_systems: set[str] = field(default_factory=set)
    open_systems: set[str] = field(default_factory=set)
    # An include this module could not interpret at all (unknown nested value set...).
    open_everything: bool = False

    def contains(self, system: str, code: str) -> Membership:
        if code in self.codes.get(system, ()):
            return Membership.MEMBER
        if system in self.whole_systems:
            return Membership.MEMBER
        if self.open_everything or system in self.open_systems:
            return Membership.UNKNOWN
        return Membership.NOT_MEMBER

    def add_all(self, other: Expansion) -> None:
        for system, codes in other.codes.items():
            self.codes.setdefault(system, set()).update(codes)
        self.whole_systems |= other.whole_systems
        self.open_systems |= other.open_systems
        self.open_everything = self.open_everything or other.open_everything

    @property
    def systems(self) -> set[str]:
        return set(self.codes) | self.whole_systems | self.open_systems


@dataclass
class _CodeSystemIndex:
    url: str
    version: str
    complete: bool
    case_sensitive: bool
    codes: set[str]
    lower_codes: set[str]
    children: dict[str, list[str]]
    properties: dict[str, dict[str, set[str]]]

    def descendants(self, code: str) -> set[str]:
        found: set[str] = set()
        stack = list(self.children.get(code, ()))
        while stack:
            current = stack.pop()
            if current in found:
                continue
            found.add(current)
            stack.extend(self.children.get(current, ()))
        return found

    def has_code(self, code: str) -> bool:
        return code in self.codes if self.case_sensitive else code.lower() in self.lower_codes


def _strip_version(url: str) -> str:
    return url.partition("|")[0] if "|" in url else url


def _iter_concepts(
    concepts: list[Mapping[str, Any]], parent: str | None
) -> Iterator[tuple[Mapping[str, Any], str | None]]:
    for concept in concepts:
        yield concept, parent
        nested = concept.get("concept")
        if nested:
            yield from _iter_concepts(nested, str(concept.get("code")))


def _index_code_system(cs: Mapping[str, Any]) -> _CodeSystemIndex:
    codes: set[str] = set()
    children: dict[str, list[str]] = {}
    properties: dict[str, dict[str, set[str]]] = {}
    for concept, parent in _iter_concepts(list(cs.get("concept") or ()), None):
        code = concept.get("code")
        if not isinstance(code, str):
            continue
        codes.add(code)
        if parent is not None:
            children.setdefault(parent, []).append(code)
        for prop in concept.get("property") or ():
            name = prop.get("code")
            value = next(
                (v for k, v in prop.items() if k.startswith("value") and k != "value"),
                None,
            )
            if not isinstance(name, str) or value is None:
                continue
            if name in ("parent", "subsumedBy") and isinstance(value, str):
                children.setdefault(value, []).append(code)
            properties.setdefault(name, {}).setdefault(str(value).lower(), set()).add(code)
    case_sensitive = cs.get("caseSensitive", True) is not False
    return _CodeSystemIndex(
        url=str(cs.get("url", "")),
        version=str(cs.get("version") or ""),
        complete=cs.get("content") == "complete",
        case_sensitive=case_sensitive,
        codes=codes,
        lower_codes={c.lower() for c in codes},
        children=children,
        properties=properties,
    )


class Terminology:
    """Expands and caches ValueSets; answers membership and code-validity questions."""

    def __init__(
        self,
        load_value_set: Loader,
        load_code_system: Loader,
        known_systems: frozenset[str] = frozenset(),
    ) -> None:
        self._load_value_set = load_value_set
        self._load_code_system = load_code_system
        self._known_systems = known_systems | WELL_KNOWN_EXTERNAL_SYSTEMS
        self._expansions: dict[str, Expansion | None] = {}
        self._code_systems: dict[str, _CodeSystemIndex | None] = {}
        self._lock = threading.RLock()

    # --- code systems -------------------------------------------------------------------------
    def code_system(self, system: str) -> _CodeSystemIndex | None:
        system = _strip_version(system)
        try:
            return self._code_systems[system]
        except KeyError:
            pass
        with self._lock:
            if system not in self._code_systems:
                raw = self._load_code_system(system)
                self._code_systems[system] = _index_code_system(raw) if raw else None
            return self._code_systems[system]

    def system_known(self, system: str) -> bool:
        """Is this a code system a reader could look up (installed, or a well-known one)?"""
        return system in self._known_systems or self.code_system(system) is not None

    def system_version(self, system: str) -> str | None:
        """The version of the installed code system that codes are checked against."""
        index = self.code_system(system)
        return index.version or None if index is not None else None

    def code_valid(self, system: str, code: str) -> bool | None:
        """True/False when a complete local code system decides it; None when it cannot."""
        index = self.code_system(system)
        if index is None or not index.complete:
            return None
        return index.has_code(code)

    # --- value sets ---------------------------------------------------------------------------
    def value_set_known(self, url: str) -> bool:
        return self._load_value_set(_strip_version(url)) is not None

    def expansion(self, url: str) -> Expansion | None:
        """The local expansion of a ValueSet, or None when the ValueSet is not installed."""
        key = _strip_version(url)
        try:
            return self._expansions[key]
        except KeyError:
            pass
        with self._lock:
            if key in self._expansions:
                return self._expansions[key]
            # Marks the ValueSet as in progress so that a cycle ends as "open".
            self._expansions[key] = Expansion(open_everything=True)
            raw = self._load_value_set(key)
            result = self._expand(raw) if raw is not None else None
            self._expansions[key] = result
            return result

    def membership(self, value_set: str, system: str | None, code: str) -> Membership:
        expansion = self.expansion(value_set)
        if expansion is None:
            return Membership.UNKNOWN
        if system is None:
            # A bare ``code`` element: its value set usually draws from one system.
            systems = expansion.systems
            if expansion.open_everything:
                return Membership.UNKNOWN
            for candidate in systems:
                if self._contains(expansion, candidate, code) is Membership.MEMBER:
                    return Membership.MEMBER
            if any(s in expansion.open_systems for s in systems):
                return Membership.UNKNOWN
            return Membership.NOT_MEMBER
        return self._contains(expansion, _strip_version(system), code)

    def _contains(self, expansion: Expansion, system: str, code: str) -> Membership:
        result = expansion.contains(system, code)
        if (
            result is Membership.MEMBER
            and system in expansion.whole_systems
            and code not in expansion.codes.get(system, ())
            and self.code_valid(system, code) is False
        ):
            return Membership.NOT_MEMBER
        return result

    def _expand(self, vs: Mapping[str, Any]) -> Expansion:
        compose = vs.get("compose")
        result = Expansion()
        if not compose:
            contains = (vs.get("expansion") or {}).get("contains")
            if contains:
                for item, _ in _iter_contains(contains):
                    if item.get("system") and item.get("code"):
                        result.codes.setdefault(str(item["system"]), set()).add(str(item["code"]))
                if (vs.get("expansion") or {}).get("total", 0) > sum(
                    len(c) for c in result.codes.values()
                ):
                    result.open_everything = True
                return result
            result.open_everything = True
            return result
        for include in compose.get("include") or ():
            result.add_all(self._expand_part(include))
        excludes = [self._expand_part(x) for x in compose.get("exclude") or ()]
        for excluded in excludes:
            for system, codes in excluded.codes.items():
                if system in result.codes:
                    result.codes[system] -= codes
                if system in result.whole_systems:
                    # Whole system minus some codes: list the rest when we can.
                    index = self.code_system(system)
                    result.whole_systems.discard(system)
                    if index is not None and index.complete:
                        result.codes.setdefault(system, set()).update(index.codes - codes)
                    else:
                        result.open_systems.add(system)
            for system in excluded.whole_systems | excluded.open_systems:
                result.codes.pop(system, None)
                result.whole_systems.discard(system)
                if system in excluded.open_systems:
                    result.open_systems.add(system)
            if excluded.open_everything:
                result.open_everything = True
        return result

    def _expand_part(self, part: Mapping[str, Any]) -> Expansion:
        system = part.get("system")
        nested = [self.expansion(str(u)) for u in part.get("valueSet") or ()]
        from_system: Expansion | None = None
        if system:
            system = _strip_version(str(system))
            from_system = self._expand_system_part(system, part)
        if not nested:
            return from_system if from_system is not None else Expansion(open_everything=True)
        if any(n is None for n in nested):
            return Expansion(open_everything=True)
        combined = nested[0]
        assert combined is not None
        if len(nested) == 1 and from_system is None:
            return combined
        # Intersection of the nested value sets (and the system part): keep it simple and
        # exact when every piece is a plain code list, otherwise leave it open.
        pieces = [n for n in nested if n is not None]
        if from_system is not None:
            pieces.append(from_system)
        if any(p.open_everything or p.open_systems or p.whole_systems for p in pieces):
            return Expansion(open_everything=True)
        result = Expansion()
        systems = set.intersection(*(set(p.codes) for p in pieces))
        for s in systems:
            result.codes[s] = set.intersection(*(p.codes[s] for p in pieces))
        return result

    def _expand_system_part(self, system: str, part: Mapping[str, Any]) -> Expansion:
        result = Expansion()
        concepts = part.get("concept")
        filters = part.get("filter")
        if concepts:
            result.codes[system] = {str(c.get("code")) for c in concepts if c.get("code")}
            return result
        if not filters:
            index = self.code_system(system)
            if index is not None and index.complete:
                result.whole_systems.add(system)
            else:
                result.open_systems.add(system)
            return result
        index = self.code_system(system)
        if index is None or not index.complete:
            result.open_systems.add(system)
            return result
        selected: set[str] | None = None
        for flt in filters:
            codes = _apply_filter(index, flt)
            if codes is None:
                result.open_systems.add(system)
                return result
            selected = codes if selected is None else selected & codes
        result.codes[system] = selected or set()
        return result


def _iter_contains(
    contains: list[Mapping[str, Any]],
) -> Iterator[tuple[Mapping[str, Any], None]]:
    for item in contains:
        yield item, None
        if item.get("contains"):
            yield from _iter_contains(item["contains"])


def _apply_filter(index: _CodeSystemIndex, flt: Mapping[str, Any]) -> set[str] | None:
    prop = flt.get("property")
    op = flt.get("op")
    value = flt.get("value")
    if not isinstance(value, str):
        return None
    if prop == "concept" or prop == "code":
        if op == "is-a":
            return ({value} | index.descendants(value)) if value in index.codes else set()
        if op == "descendent-of":
            return index.descendants(value)
        if op == "is-not-a":
            return index.codes - ({value} | index.descendants(value))
        if op == "=":
            return {value} & index.codes
        if op == "in":
            return set(value.split(",")) & index.codes
        if op == "regex":
            try:
                pattern = re.compile(value)
            except re.error:
                return None
            return {c for c in index.codes if pattern.fullmatch(c)}
        return None
    if op == "=" and isinstance(prop, str) and prop in index.properties:
        return set(index.properties[prop].get(value.lower(), set()))
    return None
