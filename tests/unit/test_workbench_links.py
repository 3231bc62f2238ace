"""Link Provider tests against our own link host on 127.0.0.1, and the consumer test set."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.shl import client
from xshare_desktop.core.shl.content import share_files_from_paths
from xshare_desktop.core.shl.jwe import BadEncryptedFile, OversizedContent
from xshare_desktop.core.shl.payload import UnsupportedLinkVersion
from xshare_desktop.core.workbench.consumer_links import ConsumerLinkHost, serve_test_links
from xshare_desktop.core.workbench.content_tests import DocumentValidator, load_document_validator
from xshare_desktop.core.workbench.provider_checks import LinkTestOptions, run_link_tests
from xshare_desktop.core.workbench.results import Verdict

BOMB = 80 * 1024 * 1024


@pytest.fixture(scope="module")
def validator(fhir_cache: Path) -> DocumentValidator:
    # module-scoped, so it sets the cache itself (the per-test environment is not there yet)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XSHARE_FHIR_CACHE", str(fhir_cache))
        return load_document_validator(["ips"])


@pytest.fixture(scope="module")
def host(fhir_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ConsumerLinkHost]:
    example = fhir_cache / "hl7.fhir.uv.ips#2.0.0/package/example/Bundle-bundle-minimal.json"
    document = share_files_from_paths([example])[0]
    running = serve_test_links(
        document, db=tmp_path_factory.mktemp("links") / "test-links.sqlite3", bomb_bytes=BOMB
    )
    yield running
    running.stop()


def _failures(
    host: ConsumerLinkHost, case_id: str, validator: DocumentValidator, **options: object
) -> set[str]:
    link = host.link(case_id)
    report = run_link_tests(
        link.uri,
        LinkTestOptions(passcode=link.passcode, **options),
        validator=validator,  # type: ignore[arg-type]
    )
    return {case.case_id for case in report.all_cases if case.failed}


@pytest.mark.parametrize("case_id", ["valid", "passcode", "single-file", "long-term"])
def test_good_links_pass_every_case(
    host: ConsumerLinkHost, validator: DocumentValidator, case_id: str
) -> None:
    link = host.link(case_id)
    report = run_link_tests(link.uri, LinkTestOptions(passcode=link.passcode), validator=validator)
    assert report.ok, [c for c in report.all_cases if c.failed]
    verdicts = {c.case_id: c.verdict for c in report.all_cases}
    assert verdicts["content.link-file-1.json"] is Verdict.PASS
    assert verdicts["shl.jwe.decrypt"] is Verdict.PASS
    if case_id == "single-file":
        assert verdicts["shl.direct.get"] is Verdict.PASS
        assert verdicts["shl.manifest.status"] is Verdict.NOT_APPLICABLE
    else:
        assert verdicts["shl.manifest.embedded-length-max"] is Verdict.PASS
        assert verdicts["shl.location.content-type"] is Verdict.PASS
    assert "key" not in str(report.as_dict()["exchanges"])


@pytest.mark.parametrize(
    ("case_id", "expected"),
    [
        ("flags-out-of-order", {"shl.payload.flag-order"}),
        ("long-label", {"shl.payload.label"}),
        ("unknown-fields", {"shl.payload.flag-known"}),
        ("newer-version", {"shl.payload.v"}),
        ("bad-jwe", {"shl.jwe.decrypt"}),
        ("wrong-content-type", {"shl.manifest.content-type"}),
        ("oversized", {"shl.jwe.decrypt"}),
        ("revoked", {"shl.manifest.status"}),
        ("expired", {"shl.payload.exp", "shl.manifest.status"}),
    ],
)
def test_broken_links_fail_the_named_case(
    host: ConsumerLinkHost, validator: DocumentValidator, case_id: str, expected: set[str]
) -> None:
    assert _failures(host, case_id, validator) == expected


def test_wrong_passcode_probe_runs_only_when_allowed(
    host: ConsumerLinkHost, validator: DocumentValidator
) -> None:
    link = host.link("passcode")
    polite = run_link_tests(link.uri, LinkTestOptions(passcode=link.passcode), validator=validator)
    probe = {c.case_id: c for c in polite.cases}["shl.manifest.wrong-passcode"]
    assert probe.verdict is Verdict.NOT_APPLICABLE
    bold = run_link_tests(
        link.uri,
        LinkTestOptions(passcode=link.passcode, allow_destructive=True),
        validator=validator,
    )
    probe = {c.case_id: c for c in bold.cases}["shl.manifest.wrong-passcode"]
    assert probe.verdict is Verdict.PASS and "401" in probe.evidence
    with pytest.raises(UserFacingError, match="passcode"):
        run_link_tests(link.uri, LinkTestOptions())


def test_unreachable_host_fails_the_exchange_not_the_run() -> None:
    from xshare_desktop.core.shl.payload import b64url_encode, build_payload, encode_uri

    payload = build_payload(url="http://127.0.0.1:9/shl/" + b64url_encode(bytes(32)), key=bytes(32))
    report = run_link_tests(encode_uri(payload), LinkTestOptions(timeout=2))
    verdicts = {c.case_id: c.verdict for c in report.cases}
    assert verdicts["shl.manifest.status"] is Verdict.FAIL
    assert verdicts["shl.jwe.decrypt"] is Verdict.NOT_APPLICABLE


def test_our_own_consumer_behaves_as_each_test_link_expects(host: ConsumerLinkHost) -> None:
    """The expected-behaviour table is honest: our Link Consumer meets it."""

    def fetch(case_id: str, passcode: str | None = None) -> client.Retrieval:
        return client.retrieve(host.link(case_id).uri, recipient="unit test", passcode=passcode)

    assert fetch("valid").files
    assert fetch("single-file").files
    assert fetch("passcode", "xshare-test").files
    with pytest.raises(client.WrongPasscode):
        fetch("passcode", "wrong")
    with pytest.raises(client.LinkExpired):
        fetch("expired")
    with pytest.raises(client.LinkNotActive):
        fetch("revoked")
    assert fetch("unknown-fields").files
    with pytest.raises(UnsupportedLinkVersion):
        fetch("newer-version")
    with pytest.raises(BadEncryptedFile):
        fetch("bad-jwe")
    with pytest.raises(client.BadResponse):
        fetch("wrong-content-type")
    with pytest.raises(OversizedContent):
        fetch("oversized")
    assert fetch("one-time").files
    with pytest.raises(client.LinkNotActive):
        fetch("one-time")
