"""Pseudonymisation: the person is not named anywhere, and sees what changed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from xshare_desktop.core.sharing.leakcheck import all_values
from xshare_desktop.core.sharing.prune import deep_copy
from xshare_desktop.core.sharing.pseudonymise import CPR_SYSTEM, pseudonymise
from xshare_desktop.core.sharing.refs import EntryIndex

ROOT = Path(__file__).resolve().parents[2]
SALT = b"0123456789abcdef"


def _karen() -> dict[str, Any]:
    return json.loads((ROOT / "samples" / "ips-karen-testesen.json").read_text(encoding="utf-8"))


def _patient(bundle: dict[str, Any]) -> dict[str, Any]:
    return next(
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient"
    )


def test_direct_identifiers_are_replaced_everywhere() -> None:
    original = _karen()
    bundle = deep_copy(original)
    # the name and the CPR number also appear in free text elsewhere
    bundle["entry"][2]["resource"].setdefault("note", []).append(
        {"text": "Karen Testesen (CPR 120354-9996, tlf. +45 99 11 22 01) kom selv."}
    )
    changes = pseudonymise(bundle, salt=SALT)
    text = all_values(bundle).casefold()
    for secret in (
        "karen",
        "testesen",
        "1203549996",
        "120354-9996",
        "99 11 22 01",
        "testvej 7",
        "1954-03-12",
    ):
        assert secret not in text, secret
    patient = _patient(bundle)
    assert patient["birthDate"] == "1954"
    assert patient["name"][0]["use"] == "anonymous"
    assert all(i["system"] != CPR_SYSTEM for i in patient["identifier"])
    assert patient["address"] == [{"country": "DK"}]
    assert "telecom" not in patient
    befores = {c.before for c in changes}
    assert "Karen Testesen" in befores and "1203549996" in befores


def test_references_follow_the_new_urls() -> None:
    bundle = deep_copy(_karen())
    pseudonymise(bundle, salt=SALT)
    index = EntryIndex.build(bundle)
    assert all(url.startswith("urn:uuid:") for url in index.urls)
    for url in index.urls:
        resource = index.by_url[url]
        assert url.endswith(resource["id"])
        for ref in json.dumps(resource).split('"reference": "')[1:]:
            target = ref.split('"')[0]
            assert target.startswith("#") or target in index.by_url


def test_same_salt_same_pseudonym_new_salt_new_pseudonym() -> None:
    first, second, third = (deep_copy(_karen()) for _ in range(3))
    pseudonymise(first, salt=SALT)
    pseudonymise(second, salt=SALT)
    pseudonymise(third, salt=b"another salt....")
    assert _patient(first)["name"] == _patient(second)["name"]
    assert _patient(first)["name"] != _patient(third)["name"]
    assert [e["fullUrl"] for e in first["entry"]] == [e["fullUrl"] for e in second["entry"]]
    assert [e["fullUrl"] for e in first["entry"]] != [e["fullUrl"] for e in third["entry"]]


def test_contacts_names_are_searched_too() -> None:
    bundle = deep_copy(
        json.loads((ROOT / "samples" / "ips-emil-proevesen.json").read_text(encoding="utf-8"))
    )
    pseudonymise(bundle, salt=SALT)
    text = all_values(bundle).casefold()
    assert "prøvesen" not in text and "99 11 22 03" not in text
    assert "contact" not in _patient(bundle)


def test_record_identifiers_are_replaced_consistently() -> None:
    """Sample numbers lead back to the person; equal identifiers must stay equal (EU lab rule)."""
    bundle = deep_copy(
        json.loads((ROOT / "samples" / "eu-lab-karen-testesen.json").read_text(encoding="utf-8"))
    )
    pseudonymise(bundle, salt=SALT)
    text = all_values(bundle)
    assert "FIKTIV-2026-000101" not in text and "KBA-RAPPORT-2026-101342" not in text
    composition = bundle["entry"][0]["resource"]
    report = next(
        e["resource"]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "DiagnosticReport"
    )
    assert composition["identifier"] == report["identifier"][0]
    organisation = next(
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Organization"
    )
    assert (
        organisation["identifier"][0]["system"] == "urn:oid:1.2.208.176.1.1"
    )  # a clinic's SOR code stays
