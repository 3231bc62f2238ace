"""Rules the HL7 validator applies that we missed (issue #11, its R4 test cases): Bundle rules,
versioned references in documents, attachments, markdown, contained resources, narrative links.

Each fixture is written here from the rule, not copied from the HL7 test cases.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from xshare_desktop.core.fhir_packages import ConformanceContext
from xshare_desktop.core.validation.engine import Validator

XHTML = 'xmlns="http://www.w3.org/1999/xhtml"'
U = "urn:uuid:7d1c2b3a-0000-4000-8000-"


@pytest.fixture(scope="module")
def validator(fhir_cache: Path) -> Validator:
    return Validator(ConformanceContext.load(cache=fhir_cache))


def _errors(validator: Validator, resource: dict[str, Any]) -> list[str]:
    return [f"{i.expression}: {i.message}" for i in validator.validate(resource).errors]


def _basic(n: int, **extra: Any) -> dict[str, Any]:
    return {"resourceType": "Basic", "id": f"b{n}", "code": {"text": "note"}, **extra}


# --- Bundle (R4 bundle.html; the HL7 validator's BundleValidator) --------------------------
@pytest.mark.parametrize(
    ("bundle_type", "full_url", "error"),
    [
        ("collection", f"{U}000000000001", None),
        ("collection", "http://example.org/fhir/Basic/b1", None),
        ("collection", "Basic/b1", "must be an absolute URL"),
        ("collection", None, "needs a fullUrl"),
        ("transaction", None, None),  # a resource being created has no identity yet
    ],
)
def test_full_url_is_an_absolute_uri_and_present(
    validator: Validator, bundle_type: str, full_url: str | None, error: str | None
) -> None:
    entry: dict[str, Any] = {"resource": _basic(1)}
    if full_url:
        entry["fullUrl"] = full_url
    if bundle_type == "transaction":
        entry["request"] = {"method": "POST", "url": "Basic"}
    errors = _errors(validator, {"resourceType": "Bundle", "type": bundle_type, "entry": [entry]})
    if error is None:
        assert errors == []
    else:
        assert len(errors) == 1 and error in errors[0], errors


def test_search_results_have_ids_and_paging_links_occur_once(validator: Validator) -> None:
    """A search result is a resource found on a server: it has an id. Bundle.link relations
    self/first/next/previous/last name one page each."""
    bundle = {
        "resourceType": "Bundle",
        "type": "searchset",
        "link": [
            {"relation": "self", "url": "http://example.org/fhir/Basic"},
            {"relation": "self", "url": "http://example.org/fhir/Basic?x=1"},
        ],
        "entry": [
            {"fullUrl": f"{U}000000000001", "resource": _basic(1), "search": {"mode": "match"}},
            {
                "fullUrl": f"{U}000000000002",
                "resource": {"resourceType": "Basic", "code": {"text": "no id"}},
                "search": {"mode": "match"},
            },
        ],
    }
    errors = _errors(validator, bundle)
    assert sorted(e.split(":", 1)[0] for e in errors) == [
        "Bundle.entry[1].resource",
        "Bundle.link[1]",
    ], errors


def _versioned_document(fhir_cache: Path, references: list[str]) -> dict[str, Any]:
    path = fhir_cache / "hl7.fhir.uv.ips#2.0.0/package/example/Bundle-bundle-minimal.json"
    document: dict[str, Any] = json.loads(path.read_text())
    patient = next(e for e in document["entry"] if e["resource"]["resourceType"] == "Patient")
    base = "http://example.org/fhir/Basic/note"
    for version in ("1", "2"):
        document["entry"].append(
            {
                "fullUrl": base,
                "resource": {
                    "resourceType": "Basic",
                    "id": "note",
                    "meta": {"versionId": version},
                    "code": {"text": "note"},
                    "subject": {"reference": patient["fullUrl"]},
                },
            }
        )
    section = copy.deepcopy(document["entry"][0]["resource"]["section"][0])
    section["title"] = "Notes"
    section["code"] = {"coding": [{"system": "http://loinc.org", "code": "48767-8"}]}
    section["entry"] = [{"reference": r} for r in references]
    document["entry"][0]["resource"]["section"].append(section)
    return document


@pytest.mark.parametrize(
    ("references", "problem"),
    [
        (["Basic/note/_history/1", "Basic/note/_history/2"], None),
        (["http://example.org/fhir/Basic/note/_history/2", "Basic/note/_history/1"], None),
        (["Basic/note/_history/1", "Basic/note"], "matches 2 entries"),
        (["Basic/note/_history/1", "Basic/note/_history/3"], "names a version"),
    ],
)
def test_versioned_references_in_a_document(
    validator: Validator, fhir_cache: Path, references: list[str], problem: str | None
) -> None:
    """R4 bundle.html#references: a document may hold several versions of one resource (same
    fullUrl, different meta.versionId); a reference to it must say which, and the one it names
    must be there."""
    document = _versioned_document(fhir_cache, references)
    errors = [e for e in _errors(validator, document) if "section[" in e]
    if problem is None:
        assert errors == [], errors
    else:
        assert len(errors) == 1 and problem in errors[0], errors


# --- Attachment (R4 datatypes.html#Attachment) ------------------------------------------------
CONTENT = b"xShare attachment"


@pytest.mark.parametrize(
    ("size", "sha1", "problem"),
    [
        (len(CONTENT), hashlib.sha1(CONTENT).digest(), None),
        (None, None, None),
        (len(CONTENT) + 1, None, "Attachment.size"),
        (None, hashlib.sha1(b"other").digest(), "Attachment.hash"),
    ],
)
def test_attachment_size_and_hash_match_the_data(
    validator: Validator, size: int | None, sha1: bytes | None, problem: str | None
) -> None:
    attachment: dict[str, Any] = {
        "contentType": "text/plain",
        "data": base64.b64encode(CONTENT).decode(),
    }
    if size is not None:
        attachment["size"] = size
    if sha1 is not None:
        attachment["hash"] = base64.b64encode(sha1).decode()
    patient = {"resourceType": "Patient", "photo": [attachment]}
    result = validator.validate(patient)
    assert [i.source for i in result.errors] == ([problem] if problem else [])


# --- markdown (R4 datatypes.html#markdown) -------------------------------------------------
@pytest.mark.parametrize(
    ("text", "warned"),
    [("Take **two** tablets", False), ("a < b and c > d", False), ("Take <b>two</b>", True)],
)
def test_html_in_markdown_is_a_warning(validator: Validator, text: str, warned: bool) -> None:
    annotation = {
        "resourceType": "Condition",
        "subject": {"display": "x"},
        "note": [{"text": text}],
    }
    result = validator.validate(annotation)
    assert result.errors == []
    assert any(i.source == "markdown" for i in result.warnings) is warned


# --- Coding.system (R4 datatypes.html#Coding: system is the code system's uri) -----------------
@pytest.mark.parametrize(
    ("system", "problem"),
    [
        ("http://terminology.hl7.org/CodeSystem/v2-0203", None),
        ("v2-0203", "absolute URI"),
        ("http://hl7.org/fhir/ValueSet/identifier-type", "names a value set"),
    ],
)
def test_coding_system_is_an_absolute_code_system_uri(
    validator: Validator, system: str, problem: str | None
) -> None:
    patient = {
        "resourceType": "Patient",
        "identifier": [{"type": {"coding": [{"system": system, "code": "MR"}]}, "value": "1"}],
    }
    errors = _errors(validator, patient)
    if problem is None:
        assert errors == []
    else:
        assert len(errors) == 1 and problem in errors[0], errors


# --- contained resources (R4 references.html#contained) ------------------------------------
def test_contained_resources_may_refer_to_each_other(validator: Validator) -> None:
    """ "#id" inside a contained resource resolves among its container's contained resources."""
    patient = {
        "resourceType": "Patient",
        "contained": [
            {"resourceType": "Organization", "id": "org", "name": "Lab"},
            {
                "resourceType": "Practitioner",
                "id": "doc",
                "name": [{"family": "Hansen"}],
                "identifier": [{"assigner": {"reference": "#org"}, "value": "1"}],
            },
        ],
        "generalPractitioner": [{"reference": "#doc"}],
    }
    assert _errors(validator, patient) == []
    broken = copy.deepcopy(patient)
    broken["contained"][1]["identifier"][0]["assigner"]["reference"] = "#nobody"
    errors = _errors(validator, broken)
    assert any(e.startswith("Patient.contained[1].identifier[0].assigner") for e in errors)


@pytest.mark.parametrize(("link", "fails"), [("#img", False), ("#other", True)])
def test_a_narrative_link_references_a_contained_resource(
    validator: Validator, link: str, fails: bool
) -> None:
    """dom-3: a contained resource must be referenced from its container; the narrative showing
    it (<img src="#id">) is such a reference for the HL7 validator."""
    media = {"resourceType": "Binary", "id": "img", "contentType": "image/png", "data": "AAAA"}
    basic = _basic(
        1,
        contained=[media],
        text={"status": "generated", "div": f'<div {XHTML}><img src="{link}" alt="x"/></div>'},
    )
    assert any("dom-3" in e for e in _errors(validator, basic)) is fails


# --- narrative links -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("href", "fails"),
    [("https://example.org/x", False), ("#b1", False), (f"{U}000000000001", True)],
)
def test_a_narrative_link_must_be_followable(validator: Validator, href: str, fails: bool) -> None:
    basic = _basic(
        1, text={"status": "generated", "div": f'<div {XHTML}><a href="{href}">Dr X</a></div>'}
    )
    assert bool(_errors(validator, basic)) is fails


@pytest.mark.parametrize(
    ("link", "mode", "rtype", "problem"),
    [
        ("http://example.org/fhir/Basic?code=x", "match", "Basic", None),
        ("http://example.org/fhir/Basic?code=x", "match", "Patient", "does not match the search"),
        ("http://example.org/fhir?_type=Basic,Patient", "match", "Patient", None),
        ("http://example.org/fhir/Basic", "outcome", "Basic", "must be an OperationOutcome"),
    ],
)
def test_search_entries_match_the_search(
    validator: Validator, link: str, mode: str, rtype: str, problem: str | None
) -> None:
    """R4 bundle.html#searchset: an 'outcome' entry is an OperationOutcome; a 'match' is of a
    type the search asked for (the self link says which)."""
    resource: dict[str, Any] = {"resourceType": rtype, "id": "r1"}
    if rtype == "Basic":
        resource["code"] = {"text": "note"}
    bundle = {
        "resourceType": "Bundle",
        "type": "searchset",
        "link": [{"relation": "self", "url": link}],
        "entry": [
            {
                "fullUrl": f"http://example.org/fhir/{rtype}/r1",
                "resource": resource,
                "search": {"mode": mode},
            }
        ],
    }
    errors = _errors(validator, bundle)
    if problem is None:
        assert errors == [], errors
    else:
        assert len(errors) == 1 and problem in errors[0], errors


@pytest.mark.parametrize(
    ("attribute", "fails"),
    [('xml:space="preserve"', False), ('xml:space="default"', True), ('xml:base="x"', True)],
)
def test_xml_space_preserve_on_pre_is_legal_xhtml(
    validator: Validator, attribute: str, fails: bool
) -> None:
    """R4 narrative.html: the div is XHTML; XHTML 1.0 declares xml:space on <pre> with the
    fixed value "preserve", so that value is legal (a warning: it says nothing), another
    value or another xml: attribute is not (txt-1)."""
    div = f"<div {XHTML}><pre {attribute}>a  b</pre></div>"
    basic = _basic(1, text={"status": "generated", "div": div})
    result = validator.validate(basic)
    assert bool(result.errors) is fails
    if not fails:
        assert any("xml:space" in i.message for i in result.warnings)


@pytest.mark.parametrize(("held", "fails"), [("Organization", True), ("Practitioner", False)])
def test_a_type_id_reference_to_a_uuid_entry_of_another_type(
    validator: Validator, held: str, fails: bool
) -> None:
    """R4 references.html: a reference names the type of its target. ``Practitioner/X`` beside
    an entry ``urn:uuid:X`` can only mean that entry; holding another type is an error."""
    uuid = "7d1c2b3a-0000-4000-8000-000000000009"
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {
                "fullUrl": f"{U}000000000001",
                "resource": {
                    "resourceType": "Patient",
                    "generalPractitioner": [{"reference": f"Practitioner/{uuid}"}],
                },
            },
            {"fullUrl": f"urn:uuid:{uuid}", "resource": {"resourceType": held}},
        ],
    }
    errors = _errors(validator, bundle)
    assert bool(errors) is fails, errors
    if fails:
        assert errors[0].startswith("Bundle.entry[0].resource.generalPractitioner[0].reference")


@pytest.mark.parametrize(
    ("bundle_type", "full_url", "problem"),
    [
        ("collection", "http://example.org/fhir/Basic/b1", None),
        ("collection", "http://example.org/fhir/Patient/b1", "names a Patient"),
        ("searchset", "http://example.org/fhir/Basic/other", "ends in id 'other'"),
        ("collection", f"{U}000000000001", None),  # a URN says nothing about type or id
        ("collection", "http://example.org/fhir/Basik/b1", None),  # no resource type: not REST
    ],
)
def test_a_restful_full_url_names_the_resource_type_and_id(
    validator: Validator, bundle_type: str, full_url: str, problem: str | None
) -> None:
    """R4 Bundle.entry.fullUrl: a fullUrl that looks like a RESTful server URL SHALL end with
    the resource's type and id, in every kind of Bundle (not only documents)."""
    entry: dict[str, Any] = {"fullUrl": full_url, "resource": _basic(1)}
    if bundle_type == "searchset":
        entry["search"] = {"mode": "match"}
    bundle: dict[str, Any] = {"resourceType": "Bundle", "type": bundle_type, "entry": [entry]}
    if bundle_type == "searchset":
        bundle["link"] = [{"relation": "self", "url": "http://example.org/fhir/Basic"}]
    errors = _errors(validator, bundle)
    if problem is None:
        assert errors == [], errors
    else:
        assert len(errors) == 1 and problem in errors[0] and ".fullUrl" in errors[0], errors
