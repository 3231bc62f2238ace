"""Sharing never makes a document worse (issue 12).

The invariant: the shared output has no more validation errors than its input and no new kind
of error, checked with the project's own Validator (the seeded package cache, with the HL7
Europe laboratory package) on every sample, the five HL7 Europe lab examples, the IPS
examples, the validation suite's broken documents and hypothesis-generated malformed ones.
A document that cannot be shared is refused with a ``UserFacingError``, never a crash.
"""

from __future__ import annotations

import copy
import json
import re
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_validation_defects import DEFECTS

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fhir_packages.context import ConformanceContext
from xshare_desktop.core.sharing.prune import numbered_sections
from xshare_desktop.core.sharing.refs import EntryIndex, iter_references
from xshare_desktop.core.sharing.selection import Selection
from xshare_desktop.core.sharing.writer import ShareOptions, prepare_share
from xshare_desktop.core.validation.engine import Validator

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
LAB = "hl7.fhir.eu.laboratory#0.2.0-ci"
LAB_EXAMPLES = (
    "Bundle-BundleHepatitisPanel.json",
    "Bundle-BundleLabResultMicroCultureSusc.json",
    "Bundle-BundleLabResultReportPOC.json",
    "Bundle-IT-CDA2FHIR-17e2cad1-c3e3-4901-adb1-c35a0b82b883.json",
    "Bundle-SimpleChemistryResultReport.json",
)
Doc = dict[str, Any]


@pytest.fixture(scope="module")
def validator(fhir_cache: Path) -> Validator:
    return Validator(ConformanceContext.load([LAB], cache=fhir_cache, with_defaults=True))


def _lab_example(cache: Path, name: str) -> Doc:
    data: Doc = json.loads((cache / LAB / "package" / "example" / name).read_text())
    return data


def _documents(cache: Path) -> list[tuple[str, Doc]]:
    paths = sorted((ROOT / "samples").glob("*.json"))
    paths += sorted((cache / "hl7.fhir.uv.ips#2.0.0" / "package" / "example").glob("Bundle-*"))
    paths += [cache / LAB / "package" / "example" / name for name in LAB_EXAMPLES]
    found = [(p.name, json.loads(p.read_bytes())) for p in paths]
    return [(n, d) for n, d in found if d.get("type") == "document"]


@pytest.fixture(scope="module")
def documents(fhir_cache: Path) -> list[tuple[str, Doc]]:
    docs = _documents(fhir_cache)
    assert len(docs) >= 5 + 5 + 5
    return docs


def _kinds(validator: Validator, document: Doc) -> Counter[tuple[str, str]]:
    """Errors by kind: issue code and place, with the array positions taken out (entries move
    when some are left out). The rule's name is not part of it: a required element missing
    reads ``Patient.extension:slice`` or ``Patient.extension`` depending on what else is there."""
    return Counter(
        (i.code, re.sub(r"\[\d+\]", "", i.expression)) for i in validator.validate(document).errors
    )


def assert_no_worse(validator: Validator, before: Doc, after: Doc, what: str) -> None:
    """Issue 12: no more validation errors than the input, and no new kind of error."""
    old, new = _kinds(validator, before), _kinds(validator, after)
    assert sum(new.values()) <= sum(old.values()), f"{what}: more errors {new - old}"
    assert set(new) <= set(old), f"{what}: new kinds of error {set(new) - set(old)}"


def assert_no_empty_containers(node: Any, where: str = "Bundle") -> None:
    """FHIR ele-1: every element has a value or children; no ``{}`` or ``[]`` anywhere."""
    if isinstance(node, dict):
        assert node, f"empty object at {where}"
        for key, value in node.items():
            assert_no_empty_containers(value, f"{where}.{key}")
    elif isinstance(node, list):
        assert node, f"empty array at {where}"
        for i, value in enumerate(node):
            if value is not None:  # primitive extension arrays align with null
                assert_no_empty_containers(value, f"{where}[{i}]")


def _share(doc: Doc, selection: Selection | None = None, **options: Any) -> Doc:
    return prepare_share(doc, selection or Selection(), ShareOptions(**options), now=NOW).document


def _types(doc: Doc) -> list[str]:
    return [e["resource"]["resourceType"] for e in doc["entry"]]


# --- the lab report keeps its report --------------------------------------------------------


@pytest.mark.parametrize("name", [*LAB_EXAMPLES, "eu-lab-karen-testesen.json"])
def test_plain_share_of_a_lab_report_keeps_its_diagnostic_report(
    name: str, fhir_cache: Path, validator: Validator
) -> None:
    """EU lab Bundle-eu-lab: slice diagnosticReport 1..1 and rule one-dr; what the report
    needs (the Composition it points to, its specimen, its performer) stays."""
    doc = (
        json.loads((ROOT / "samples" / name).read_text())
        if name.startswith("eu-lab")
        else _lab_example(fhir_cache, name)
    )
    out = _share(doc)
    assert _types(out).count("DiagnosticReport") == 1
    index = EntryIndex.build(out)
    original = EntryIndex.build(doc)
    report_url = next(
        u for u in index.urls if index.by_url[u]["resourceType"] == "DiagnosticReport"
    )
    for ref in iter_references(original.by_url[report_url]):
        target = original.resolve(ref["reference"], report_url)
        if target is not None:
            assert target in index.by_url, f"the report's {ref['reference']} went"
    assert_no_worse(validator, doc, out, name)
    assert_no_empty_containers(out)


@pytest.mark.parametrize("name", LAB_EXAMPLES)
def test_excluding_any_one_section_of_a_lab_report_works_and_stays_valid(
    name: str, fhir_cache: Path, validator: Validator
) -> None:
    """Issue 12, "done when": excluding any one section works and stays valid. Leaving out the
    only section there is leaves nothing, which is refused with that reason."""
    doc = _lab_example(fhir_cache, name)
    positions = [p for p, _ in numbered_sections(doc["entry"][0]["resource"]["section"])]
    for position in positions:
        selector = "section:" + ".".join(str(p) for p in position)
        try:
            out = _share(doc, Selection(exclude=(selector,)))
        except UserFacingError as exc:
            assert "Nothing would be left" in str(exc), (name, selector, exc)
            continue
        assert _types(out).count("DiagnosticReport") == 1, (name, selector)
        assert_no_worse(validator, doc, out, f"{name} without {selector}")


def test_leaving_out_the_report_itself_is_refused_with_the_reason(fhir_cache: Path) -> None:
    """EU lab rule one-dr: a lab report without its DiagnosticReport is no lab report."""
    doc = _lab_example(fhir_cache, "Bundle-BundleHepatitisPanel.json")
    report = next(
        e["fullUrl"] for e in doc["entry"] if e["resource"]["resourceType"] == "DiagnosticReport"
    )
    with pytest.raises(UserFacingError, match="DiagnosticReport"):
        _share(doc, Selection(exclude=(report,)))


# --- section selectors ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "selector",
    [
        "section:http://example.org/lab-codes|3002989",
        "section:Hepatitis screening panel",
        "section:hepatitis SCREENING panel",
        "section:1",
    ],
)
def test_a_section_coded_in_a_local_system_can_be_chosen(selector: str, fhir_cache: Path) -> None:
    """Issue 12: sections coded otherwise than LOINC are chosen by SYSTEM|CODE, title, position."""
    doc = _lab_example(fhir_cache, "Bundle-BundleHepatitisPanel.json")
    out = _share(doc, Selection(include=(selector,)))
    assert [s["title"] for s in out["entry"][0]["resource"]["section"]] == [
        "Hepatitis screening panel"
    ]
    assert "Observation" in _types(out)


def test_a_sub_section_is_chosen_by_its_position(fhir_cache: Path, validator: Validator) -> None:
    doc = _lab_example(fhir_cache, "Bundle-BundleLabResultMicroCultureSusc.json")
    out = _share(doc, Selection(exclude=("section:1.2",)))
    titles = [s["title"] for s in out["entry"][0]["resource"]["section"][0]["section"]]
    assert titles == ["Gram Stain", "Anaerobic Culture"]
    assert_no_worse(validator, doc, out, "without 1.2")


def test_an_unknown_section_lists_the_valid_selectors(fhir_cache: Path) -> None:
    doc = _lab_example(fhir_cache, "Bundle-SimpleChemistryResultReport.json")
    with pytest.raises(UserFacingError) as info:
        _share(doc, Selection(exclude=("section:3002989",)))
    message = str(info.value)
    for expected in ("section:1 (Laboratory examinations", "section:1.2 (Blood examinations"):
        assert expected in message
    assert "section:urn:oid:2.16.840.1.113883.2.9.2.30.6.11|0090334.02" in message
    assert "section:18719-5" in message


# --- empty containers, missing author --------------------------------------------------------


def test_meta_is_removed_when_only_version_and_update_time_were_in_it() -> None:
    """FHIR ele-1: no ``meta: {}`` where versionId and lastUpdated were removed."""
    doc = json.loads((ROOT / "samples" / "ips-emil-proevesen.json").read_text())
    doc["meta"] = {"versionId": "3", "lastUpdated": "2026-01-02T03:04:05Z"}
    out = _share(doc)
    assert "meta" not in out
    assert_no_empty_containers(out)


def test_a_document_without_author_is_refused_naming_the_missing_author() -> None:
    """Issue 12: say that the document has no author, not "every author would be left out"."""
    doc = json.loads((ROOT / "samples" / "ips-emil-proevesen.json").read_text())
    del doc["entry"][0]["resource"]["author"]
    with pytest.raises(UserFacingError, match="has no author") as info:
        _share(doc)
    assert "would be left out" not in str(info.value)


# --- the invariant ----------------------------------------------------------------------------


def test_every_document_shares_no_worse_with_every_option(
    documents: list[tuple[str, Doc]], validator: Validator
) -> None:
    options: list[dict[str, Any]] = [{}, {"pseudonymise": True}, {"language": "en"}]
    for name, doc in documents:
        for option in options:
            out = _share(doc, **option)
            assert_no_worse(validator, doc, out, f"{name} {option}")
            assert_no_empty_containers(out)


@pytest.mark.parametrize("defect", DEFECTS, ids=[d.name for d in DEFECTS])
def test_broken_documents_are_shared_no_worse_or_refused(
    defect: Any, fhir_cache: Path, validator: Validator
) -> None:
    """Every readable invalid input is shared as it is or refused in words (never a crash)."""
    path = fhir_cache / "hl7.fhir.uv.ips#2.0.0/package/example/Bundle-bundle-ips-all-sections.json"
    broken = json.loads(path.read_text())
    defect.mutate(broken)
    try:
        out = _share(broken)
    except UserFacingError as exc:
        assert str(exc).strip()
        return
    assert_no_worse(validator, broken, out, defect.name)


_WRONG_VALUES = st.one_of(
    st.just([]),
    st.just({}),
    st.integers(-5, 5),
    st.booleans(),
    st.text(max_size=5),
    st.none(),
    st.floats(allow_nan=False, allow_infinity=False),
)


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path] if path else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _paths(value, (*path, i))
    return found


@st.composite
def malformed(draw: st.DrawFn, doc: Doc) -> Doc:
    """A copy of ``doc`` with one to three values replaced by the wrong JSON shape: a list
    nested in a list, a number where text belongs, an object where a list belongs..."""
    broken = copy.deepcopy(doc)
    paths = _paths(broken)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths))
        parent: Any = broken
        try:
            for step in path[:-1]:
                parent = parent[step]
            current = parent[path[-1]]
        except (KeyError, IndexError, TypeError):
            continue
        kind = draw(st.sampled_from(["nest", "wrap", "replace"]))
        value = (
            [[current]] if kind == "nest" else [current] if kind == "wrap" else draw(_WRONG_VALUES)
        )
        parent[path[-1]] = value
    return broken


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_generated_malformed_documents_are_shared_no_worse_or_refused(
    documents: list[tuple[str, Doc]], validator: Validator, data: st.DataObject
) -> None:
    name = data.draw(st.sampled_from([n for n, _ in documents]), label="document")
    broken = data.draw(malformed(dict(documents)[name]), label="broken")
    pseudonymise = data.draw(st.booleans(), label="pseudonymise")
    try:
        out = _share(broken, pseudonymise=pseudonymise)
    except UserFacingError as exc:
        assert str(exc).strip()
        return
    assert_no_worse(validator, broken, out, name)
