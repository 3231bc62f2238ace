"""`xshare shl open` on links built the way other implementations build them (a host on 127.0.0.1)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.test_shl_e2e import cli
from tests.unit.shl_corpus import (
    ISSUER,
    Corpus,
    CorpusHost,
    Served,
    card_file,
    health_card,
    immunization_bundle,
    issuer_jwks,
    new_issuer_key,
)
from tests.unit.test_shl_interop import CORPUS_NAMES


@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_the_cli_opens_or_refuses_each_corpus_link(
    shl_corpus: Corpus, name: str, tmp_path: Path
) -> None:
    """SHL STU1: unknown flags and fields ignored, no cty read from the manifest, the viewer
    prefix accepted; an expired link refused before any request (exit 3, access refused), an
    exp that is not a number refused as a bad link (exit 2). Never a traceback."""
    host, links, _key = shl_corpus
    link = next(link for link in links if link.name == name)
    before = len(host.requests)
    opened = cli("shl", "open", "--no-validate", link.uri, "--out", str(tmp_path / "out"))
    assert "Traceback" not in opened.stderr
    if link.opens:
        assert opened.returncode == 0, opened.stderr
        assert (tmp_path / "out" / link.words).is_file()
    else:
        assert opened.returncode == (3 if name == "expired" else 2), opened.stderr
        assert link.words in opened.stderr
        assert len(host.requests) == before


def test_a_health_card_is_shown_and_verified_once_its_issuer_is_trusted(
    shl_corpus: Corpus, tmp_path: Path
) -> None:
    """SMART Health Cards: verify each card's ES256 signature against the issuer's keys where
    known; offline and unknown is "not verified: issuer key not known", never "verified"."""
    _host, links, key = shl_corpus
    link = next(link for link in links if link.name == "health-card")
    before = cli("shl", "open", "--no-validate", link.uri, "--out", str(tmp_path / "a"))
    assert before.returncode == 0, before.stderr
    assert "health card 1: not verified: issuer key not known" in before.stdout
    assert "Patient: Anna Testesen (1961-01-20)" in before.stdout
    assert "Immunization: COVID-19 mRNA vaccine" in before.stdout

    jwks = tmp_path / "jwks.json"
    jwks.write_text(json.dumps(issuer_jwks(key)), encoding="utf-8")
    added = cli("shl", "issuers", "add", str(jwks), "--iss", ISSUER, "--name", "Demo Region")
    assert added.returncode == 0 and "Now trusted: Demo Region" in added.stdout
    listed = cli("shl", "issuers", "list")
    assert ISSUER in listed.stdout and key.thumbprint() in listed.stdout

    after = cli("shl", "open", "--no-validate", link.uri, "--out", str(tmp_path / "b"))
    assert after.returncode == 0, after.stderr
    assert f"health card 1: verified: signed by Demo Region ({ISSUER})" in after.stdout


def test_bad_issuer_input_and_deadline_are_clear_usage_errors(tmp_path: Path) -> None:
    """Bad input gives a clear message and exit 2, never a traceback."""
    missing = cli("shl", "issuers", "add", str(tmp_path / "none.json"), "--iss", ISSUER)
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    deadline = cli("shl", "open", "shlink:/x", "--out", str(tmp_path), "--deadline", "soon")
    assert deadline.returncode == 2 and "not a number of seconds" in deadline.stderr


def test_a_changed_health_card_is_reported_not_valid(tmp_path: Path) -> None:
    """SMART Health Cards: a card whose payload no longer matches its ES256 signature is NOT
    valid (exit 1, the checks failed), even though the rest of the link opens."""
    key = new_issuer_key()
    header, _payload, signature = health_card(immunization_bundle(), key).split(".")
    other = health_card({**immunization_bundle(), "id": "changed"}, key).split(".")[1]
    changed = card_file(".".join([header, other, signature]))
    jwks = tmp_path / "jwks.json"
    jwks.write_text(json.dumps(issuer_jwks(key)), encoding="utf-8")
    assert cli("shl", "issuers", "add", str(jwks), "--iss", ISSUER).returncode == 0
    host = CorpusHost()
    try:
        uri = host.add("c", Served([("application/smart-health-card", changed)], bytes(32)))
        opened = cli("shl", "open", "--no-validate", uri, "--out", str(tmp_path / "out"))
    finally:
        host.stop()
    assert opened.returncode == 1, opened.stderr
    assert "health card 1: NOT VALID: the signature does not match" in opened.stdout
