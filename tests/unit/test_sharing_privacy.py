"""Privacy is tested, not assumed: random selections over every sample leak nothing.

For every document in ``samples/`` and every IPS 2.0.0 example document, hypothesis
draws selections (sections, entries, fields, year-only dates, include mode) and
checks with an independent text comparison (``leakcheck``) that nothing only a
left-out part carried appears in the JSON bytes, the narratives or the PDF's HTML,
and that the output is still a well-formed document.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.sharing.fields import present_fields
from xshare_desktop.core.sharing.leakcheck import all_values, find_leaks, narrative_text
from xshare_desktop.core.sharing.narrative import template_vocabulary
from xshare_desktop.core.sharing.prune import is_free_text_section, iter_sections, section_code
from xshare_desktop.core.sharing.pseudonymise import CPR_SYSTEM
from xshare_desktop.core.sharing.refs import EntryIndex
from xshare_desktop.core.sharing.selection import Selection
from xshare_desktop.core.sharing.writer import ShareOptions, prepare_share

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
VOCABULARY = template_vocabulary()


def sharing_documents(cache: Path) -> list[tuple[str, dict[str, Any]]]:
    paths = sorted((ROOT / "samples").glob("*.json"))
    paths += sorted((cache / "hl7.fhir.uv.ips#2.0.0" / "package" / "example").glob("Bundle-*.json"))
    found = []
    for path in paths:
        data = json.loads(path.read_bytes())
        if data.get("resourceType") == "Bundle" and data.get("type") == "document":
            found.append((path.name, data))
    return found


@pytest.fixture(scope="session")
def documents(fhir_cache: Path) -> list[tuple[str, dict[str, Any]]]:
    docs = sharing_documents(fhir_cache)
    assert len(docs) >= 5
    return docs


def choices_for(doc: dict[str, Any]) -> dict[str, list[str]]:
    index = EntryIndex.build(doc)
    composition = index.by_url[index.urls[0]]
    sections = [
        f"section:{section_code(s)}" for s in iter_sections(composition.get("section") or [])
    ]
    entries: list[str] = []
    fields: list[str] = []
    years: list[str] = []
    listed = {
        index.resolve(r.get("reference", ""), index.urls[0])
        for s in iter_sections(composition.get("section") or [])
        for r in s.get("entry") or []
    }
    for url in index.urls[1:]:
        resource = index.by_url[url]
        rtype = str(resource.get("resourceType"))
        if url in listed or rtype in (
            "Practitioner",
            "PractitionerRole",
            "Organization",
            "Medication",
            "Device",
        ):
            entries.append(url)
            key = (rtype, str(resource.get("id")))
            if index.by_type_id.get(key) == url:
                entries.append(f"{rtype}/{resource.get('id')}")
        for optional in present_fields(resource):
            for possible, target in ((optional.can_remove, fields), (optional.can_coarsen, years)):
                if possible:
                    target.append(optional.selector)
                    target.append(f"{url}#{optional.path}")
    return {"sections": sections, "entries": entries, "fields": fields, "years": years}


@st.composite
def selections(draw: st.DrawFn, doc: dict[str, Any]) -> Selection:
    options = choices_for(doc)
    patient_ref = doc["entry"][0]["resource"].get("subject", {}).get("reference")
    index = EntryIndex.build(doc)
    patient_url = index.resolve(patient_ref, index.urls[0]) if patient_ref else None
    entries = [
        e
        for e in options["entries"]
        if e != patient_url and index.by_type_id.get(tuple(e.split("/", 1))) != patient_url
    ]  # type: ignore[arg-type]

    def subset(values: list[str]) -> list[str]:
        if not values:
            return []
        return draw(st.lists(st.sampled_from(values), max_size=min(6, len(values)), unique=True))

    include: list[str] = []
    if draw(st.booleans()) and draw(st.booleans()):
        include = subset(options["sections"]) + subset(entries)[:2]
    return Selection(
        tuple(include),
        tuple(subset(options["sections"]) + subset(entries) + subset(options["fields"])),
        tuple(subset(options["years"])),
    )


def output_texts(prepared: Any) -> list[str]:
    return [
        all_values(prepared.document),
        narrative_text(prepared.document),
        prepared.html,
        prepared.stem,
    ]


def check_structure(original: dict[str, Any], out: dict[str, Any]) -> None:
    assert out["resourceType"] == "Bundle" and out["type"] == "document"
    assert out["identifier"]["value"] != original.get("identifier", {}).get("value")
    urls = [e["fullUrl"] for e in out["entry"]]
    assert len(urls) == len(set(urls)), "fullUrls must be unique"
    index = EntryIndex.build(out)
    original_index = EntryIndex.build(original)
    dangling_before = {
        r["reference"]
        for u in original_index.urls
        for r in _refs(original_index.by_url[u])
        if not r["reference"].startswith("#") and original_index.resolve(r["reference"], u) is None
    }
    for url in urls:
        for ref in _refs(index.by_url[url]):
            reference = ref["reference"]
            if reference.startswith("#"):
                continue
            assert index.resolve(reference, url) or reference in dangling_before, (
                f"{url} points to {reference}, which is not in the output"
            )
    composition = index.by_url[urls[0]]
    assert composition["resourceType"] == "Composition"
    # the lab report that points to its Composition (R5 DiagnosticReport.composition) belongs too
    reports = [
        u
        for u in urls
        if index.by_url[u]["resourceType"] == "DiagnosticReport"
        and any(index.resolve(r["reference"], u) == urls[0] for r in _refs(index.by_url[u]))
    ]
    reachable = {urls[0], *reports}
    queue = [urls[0], *reports]
    while queue:
        current = queue.pop()
        for ref in _refs(index.by_url[current]):
            target = index.resolve(ref["reference"], current)
            if target and target not in reachable:
                reachable.add(target)
                queue.append(target)
    unreachable = [
        u for u in urls if u not in reachable and index.by_url[u]["resourceType"] != "Provenance"
    ]
    assert not unreachable, f"not reachable from the Composition: {unreachable}"
    provenance = [index.by_url[u] for u in urls if index.by_url[u]["resourceType"] == "Provenance"]
    assert len(provenance) == 1
    assert index.resolve(provenance[0]["target"][0]["reference"], None) == urls[0]
    original_codes = {section_code(s) for s in original["entry"][0]["resource"].get("section", [])}
    codes = {section_code(s): s for s in composition.get("section", [])}
    for required in ("11450-4", "48765-2", "10160-0"):
        if required in original_codes and composition["type"]["coding"][0]["code"] == "60591-5":
            assert required in codes, f"required section {required} went missing"
    original_texts = [
        s.get("text") for s in iter_sections(original["entry"][0]["resource"].get("section", []))
    ]
    for section in iter_sections(composition.get("section", [])):
        assert not (section.get("entry") and section.get("emptyReason"))
        if is_free_text_section(section):
            # issue 12: the person's own words are shared as written, never rewritten
            assert section["text"] in original_texts
            continue
        assert section.get("entry") or section.get("emptyReason") or section.get("section")
        if section.get("section") and "text" not in section:
            continue  # EU lab: a section with sub-sections has no text of its own (0..0)
        assert section["text"]["status"] == "generated"
        assert section["text"]["div"].startswith('<div xmlns="http://www.w3.org/1999/xhtml"')


def _refs(node: Any) -> list[dict[str, Any]]:
    from xshare_desktop.core.sharing.refs import iter_references

    return list(iter_references(node))


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_random_selections_leak_nothing(
    documents: list[tuple[str, dict[str, Any]]], data: st.DataObject
) -> None:
    name = data.draw(st.sampled_from([n for n, _ in documents]), label="document")
    doc = dict(documents)[name]
    selection = data.draw(selections(doc), label="selection")
    language = data.draw(st.sampled_from([None, "da", "en"]), label="language")
    try:
        prepared = prepare_share(doc, selection, ShareOptions(language=language), now=NOW)
    except UserFacingError as exc:
        # the only refusal a random selection may meet: leaving out every author
        assert "author" in str(exc) or "Nothing would be left" in str(exc), f"{name}: {exc}"
        assume(False)
        return
    leaks = find_leaks(doc, prepared.document, output_texts(prepared), VOCABULARY)
    assert not leaks, f"{name} with {selection.to_json()} leaks {leaks[:5]}"
    check_structure(doc, prepared.document)


def test_whole_documents_are_complete_and_leak_free(
    documents: list[tuple[str, dict[str, Any]]],
) -> None:
    for name, doc in documents:
        prepared = prepare_share(doc, Selection(), ShareOptions(), now=NOW)
        check_structure(doc, prepared.document)
        kept = {e["fullUrl"] for e in prepared.document["entry"]}
        for item in prepared.left_out:
            assert item.reason in ("outside", "free-text"), f"{name}: {item}"
            assert item.full_url not in kept


def test_the_leak_oracle_catches_a_planted_leak(
    documents: list[tuple[str, dict[str, Any]]],
) -> None:
    """Guards the guard: a left-out display copied into a narrative must be reported."""
    doc = dict(documents)["ips-karen-testesen.json"]
    prepared = prepare_share(doc, Selection(exclude=("section:10160-0",)), ShareOptions(), now=NOW)
    index = EntryIndex.build(doc)
    section = next(
        s for s in doc["entry"][0]["resource"]["section"] if section_code(s) == "10160-0"
    )
    first = index.resolve(section["entry"][0]["reference"], index.urls[0])
    assert first is not None
    statement = index.by_url[first]
    secret = statement.get("medicationCodeableConcept", {}).get("text") or next(
        s for s in statement["dosage"][0].values() if isinstance(s, str)
    )
    assert not find_leaks(doc, prepared.document, output_texts(prepared), VOCABULARY)
    planted = [*output_texts(prepared), f"<p>{secret}</p>"]
    assert find_leaks(doc, prepared.document, planted, VOCABULARY)


def direct_identifiers(doc: dict[str, Any]) -> set[str]:
    index = EntryIndex.build(doc)
    subject = doc["entry"][0]["resource"]["subject"]["reference"]
    patient = index.by_url[index.resolve(subject, index.urls[0]) or ""]
    found: set[str] = set()
    for name in patient.get("name", []):
        for part in [name.get("family"), name.get("text"), *name.get("given", [])]:
            if isinstance(part, str) and len(part) >= 3:
                found.add(part)
    for identifier in patient.get("identifier", []):
        if len(identifier.get("value", "")) >= 4:
            found.add(identifier["value"])
    for telecom in patient.get("telecom", []):
        found.add(telecom["value"])
    for address in patient.get("address", []):
        found.update(line for line in address.get("line", []) if len(line) >= 4)
        if address.get("text"):
            found.add(address["text"])
    if len(patient.get("birthDate", "")) == 10:
        found.add(patient["birthDate"])
    found.add(subject.rsplit("/", 1)[-1]) if len(subject.rsplit("/", 1)[-1]) >= 6 else None
    return found


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_pseudonymised_outputs_hold_no_direct_identifier(
    documents: list[tuple[str, dict[str, Any]]], data: st.DataObject
) -> None:
    name = data.draw(st.sampled_from([n for n, _ in documents]), label="document")
    doc = dict(documents)[name]
    selection = data.draw(selections(doc), label="selection")
    try:
        prepared = prepare_share(
            doc,
            selection,
            ShareOptions(
                pseudonymise=True, language=data.draw(st.sampled_from([None, "da", "en"]))
            ),
            now=NOW,
        )
    except UserFacingError:
        assume(False)
        return
    haystack = "\n".join(output_texts(prepared)).casefold()
    for identifier in direct_identifiers(doc):
        assert identifier.casefold() not in haystack, (
            f"{name} with {selection.to_json()}: {identifier!r} survived"
        )
    patient = next(
        e["resource"]
        for e in prepared.document["entry"]
        if e["resource"]["resourceType"] == "Patient"
    )
    assert len(patient["birthDate"]) == 4
    assert all(i.get("system") != CPR_SYSTEM for i in patient.get("identifier", []))
    assert prepared.changes, "the person must see what changed"
