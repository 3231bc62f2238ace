"""The Link Provider tests judge every content type SHL STU1 defines, and a missing cty fairly."""

from __future__ import annotations

import pytest

from tests.unit.shl_corpus import (
    Corpus,
    CorpusHost,
    Served,
    card_file,
    minified,
)
from xshare_desktop.core.workbench.provider_checks import LinkTestOptions, run_link_tests
from xshare_desktop.core.workbench.results import CaseResult, Verdict


def _cases(uri: str) -> dict[str, CaseResult]:
    report = run_link_tests(uri, LinkTestOptions(), validator=None)
    return {case.case_id: case for case in report.all_cases}


@pytest.mark.parametrize(
    "name, content_type",
    [
        ("ips-no-cty", "application/fhir+json"),
        ("single-file-no-cty", "application/fhir+json"),
        ("health-card", "application/smart-health-card"),
        ("api-access", "application/smart-api-access"),
    ],
)
def test_each_content_type_passes_and_a_missing_cty_is_only_a_warning(
    shl_corpus: Corpus, name: str, content_type: str
) -> None:
    """SHL STU1 "Manifest": contentType is application/fhir+json, application/smart-health-card
    or application/smart-api-access; a file without cty is read by that contentType (published
    links carry {alg, enc, kid} only), so it is a warning-level finding, not a failure."""
    _host, links, _key = shl_corpus
    link = next(link for link in links if link.name == name)
    cases = _cases(link.uri)
    cty, content = cases["shl.jwe.cty"], cases["shl.content.json"]
    assert cty.verdict is Verdict.PASS, cty.evidence
    assert "no cty" in cty.details["warnings"][0]
    assert content.verdict is Verdict.PASS, content.evidence
    assert content_type in content.evidence


def test_a_broken_health_card_or_api_access_fails_the_content_case() -> None:
    """The content must be what its type says: SMART Health Cards "via file download" is
    {"verifiableCredential": [JWS...]}; smart-api-access is a SMART token response."""
    host = CorpusHost()
    try:
        card = host.add(
            "card",
            Served([("application/smart-health-card", card_file("not-a-jws"))], bytes(32)),
        )
        api = host.add(
            "api", Served([("application/smart-api-access", minified({"scope": "x"}))], bytes(32))
        )
        card_case = _cases(card)["shl.content.json"]
        api_case = _cases(api)["shl.content.json"]
    finally:
        host.stop()
    assert card_case.verdict is Verdict.FAIL and "not a compact JWS" in card_case.evidence
    assert api_case.verdict is Verdict.FAIL and "lacks access_token, aud" in api_case.evidence


def test_a_cty_that_contradicts_the_manifest_still_fails() -> None:
    """SHL STU1: cty, when given, is the file's content type; two different answers are a defect."""
    host = CorpusHost()
    try:
        served = Served(
            [("application/smart-health-card", b"{}")], bytes(32), cty="application/fhir+json"
        )
        case = _cases(host.add("mix", served))["shl.jwe.cty"]
    finally:
        host.stop()
    assert case.verdict is Verdict.FAIL and "but the manifest says" in case.evidence
