"""Links made by other implementations: opened or refused exactly as SHL STU1 / SMART Health Cards say."""

from __future__ import annotations

import json
import secrets
import time
import urllib.request
from pathlib import Path

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st
from jwcrypto import jwk

from tests.unit.shl_corpus import (
    ISSUER,
    Corpus,
    CorpusHost,
    Served,
    card_file,
    health_card,
    immunization_bundle,
    issuer_jwks,
    minified,
    new_issuer_key,
    sample_document,
)
from tests.unit.trickle_host import running_trickle_host
from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.progress import Progress
from xshare_desktop.core.receiving import receive
from xshare_desktop.core.shl import client
from xshare_desktop.core.shl import health_card as shc
from xshare_desktop.core.shl.issuers import IssuerStore
from xshare_desktop.core.shl.payload import (
    InvalidLink,
    b64url_decode,
    b64url_encode,
    build_payload,
    encode_uri,
)

CORPUS_NAMES = [
    "ips-no-cty",
    "ips-by-location",
    "single-file-no-cty",
    "single-file-hosted-as-text",
    "health-card",
    "unknown-flags-and-fields",
    "viewer-prefix",
    "api-access",
    "expired",
    "exp-as-string",
]


def test_the_corpus_covers_every_case(shl_corpus: Corpus) -> None:
    assert [link.name for link in shl_corpus[1]] == CORPUS_NAMES


@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_each_corpus_link_opens_or_is_refused_as_the_spec_says(
    shl_corpus: Corpus, name: str
) -> None:
    """SHL STU1 "SMART Health Link Payload" (unknown properties and flags ignored; exp: a
    receiver SHOULD NOT fetch an expired link) and "Encrypting and Decrypting Files"
    (the manifest's contentType says what a file is when the JWE has no cty)."""
    host, links, _key = shl_corpus
    link = next(link for link in links if link.name == name)
    before = len(host.requests)
    if link.opens:
        received = receive.unpack(client.retrieve(link.uri, recipient="corpus test"))
        assert link.words in [item.name for item in received.items]
    else:
        with pytest.raises(UserFacingError, match=link.words):
            client.retrieve(link.uri, recipient="corpus test")
        # Refused before any request reaches the host.
        assert len(host.requests) == before


def test_a_manifest_file_without_cty_takes_the_manifest_content_type() -> None:
    """SHL STU1 manifest: files[].contentType SHALL say what the file is; published JWEs carry
    {alg, enc, kid} only. JWE cty first, then contentType, then the file's shape (U links)."""
    assert client.resolve_content_type("application/fhir+json", "x/y", b"{}") == (
        "application/fhir+json"
    )
    assert client.resolve_content_type(None, "application/smart-health-card", b"{}") == (
        "application/smart-health-card"
    )
    assert client.resolve_content_type(None, None, b'{"resourceType":"Patient"}') == (
        "application/fhir+json"
    )
    assert client.resolve_content_type(None, None, card_file("a.b.c")) == (
        "application/smart-health-card"
    )
    with pytest.raises(client.BadResponse, match="does not say what it contains"):
        client.resolve_content_type(None, None, b"%PDF-1.4")


def test_a_cty_that_contradicts_the_manifest_is_noted() -> None:
    """Be liberal but say so: a file listed as one type and encrypted as another is read as
    its JWE cty (SHL STU1: cty is the content type of the file), with a note."""
    payload = build_payload(url="http://127.0.0.1/m", key=bytes(32))
    retrieval = client.Retrieval(
        payload,
        [
            client.RetrievedFile(
                "application/fhir+json",
                "application/fhir+json",
                b'{"resourceType":"Bundle","type":"collection"}',
                listed_content_type="application/smart-health-card",
            )
        ],
    )
    received = receive.unpack(retrieval)
    assert "listed as application/smart-health-card but encrypted as application/fhir+json" in str(
        received.notes[0]
    )


def test_an_expired_link_says_when_in_local_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """SHL STU1 payload exp: "the receiver SHOULD NOT fetch" once it has passed; the person
    is told when it expired, in their own time zone."""
    monkeypatch.setenv("TZ", "Europe/Copenhagen")
    time.tzset()
    try:
        link = encode_uri(
            build_payload(url="http://127.0.0.1:9/m", key=bytes(32), exp=1_767_225_600)
        )
        with pytest.raises(client.LinkExpired, match=r"expired on 2026-01-01 01:00 CET"):
            client.retrieve(link, recipient="r", now=1_767_225_601)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


@pytest.mark.parametrize("exp", ["1767225600000", True, [1], {"seconds": 1}])
def test_an_exp_that_is_not_a_number_is_refused(exp: object) -> None:
    """SHL STU1 payload: exp is a number (epoch seconds); the spec's own example 1 carries a
    string, which a receiver cannot compare, so the link is refused with that reason."""
    body = {"url": "http://127.0.0.1:9/m", "key": b64url_encode(bytes(32)), "exp": exp}
    with pytest.raises(InvalidLink, match="expiry time \\(exp\\) that is not a number"):
        client.retrieve("shlink:/" + b64url_encode(orjson.dumps(body)), recipient="r")


# -- the whole-fetch deadline -----------------------------------------------------------------


def test_a_trickling_host_is_given_up_on_at_the_deadline() -> None:
    """A host dripping a byte at a time cannot hold the consumer: one deadline for the whole
    fetch (30 s by default, here 0.6 s), and progress while the bytes come in."""
    seen: list[str] = []
    with running_trickle_host(b"application/jose", b"", b"e") as host:
        link = encode_uri(
            build_payload(url=f"http://127.0.0.1:{host.port}/m", key=bytes(32), flags="U")
        )
        started = time.monotonic()
        with pytest.raises(client.TooSlow, match=r"within 0\.6 seconds"):
            client.retrieve(
                link,
                recipient="r",
                deadline=0.6,
                progress=Progress(lambda done, total, text: seen.append(text)),
            )
        assert time.monotonic() - started < 3
    assert any(text.startswith("Downloading") for text in seen)


def test_the_default_deadline_is_30_seconds() -> None:
    assert client.TRANSFER_DEADLINE == 30.0
    with pytest.raises(UserFacingError, match="more than 0 seconds"):
        client.retrieve(
            encode_uri(build_payload(url="http://127.0.0.1:9/m", key=bytes(32))),
            recipient="r",
            deadline=0,
        )


# -- SMART Health Cards -----------------------------------------------------------------------


def _store(tmp_path: Path, key: jwk.JWK | None = None, iss: str = ISSUER) -> IssuerStore:
    store = IssuerStore(tmp_path / "issuers")
    if key is not None:
        store.add_jwks(iss, issuer_jwks(key), name="Demo issuer")
    return store


def test_a_card_from_a_trusted_issuer_is_verified(tmp_path: Path) -> None:
    """SMART Health Cards "Signing Health Cards": ES256 over the compact JWS, the key found
    by the header's kid among the issuer's keys."""
    key = new_issuer_key()
    (card,) = shc.read_health_card_file(
        card_file(health_card(immunization_bundle(), key)), _store(tmp_path, key)
    )
    assert card.status == shc.VERIFIED
    assert card.issuer == ISSUER and card.issuer_name == "Demo issuer"
    assert card.bundle == immunization_bundle()
    assert card.kid == key.thumbprint()


def test_an_unknown_issuer_is_never_verified(tmp_path: Path) -> None:
    """Offline and the issuer's keys not on the person's list: "not verified: issuer key not
    known", never "verified" (SMART Health Cards: a verifier trusts only issuers it knows)."""
    (card,) = shc.read_health_card_file(
        card_file(health_card(immunization_bundle(), new_issuer_key())), _store(tmp_path)
    )
    assert card.status == shc.NOT_VERIFIED
    assert card.reason.startswith("not verified: issuer key not known")
    # The content is still shown: it is the person's to read, only not proven.
    assert card.bundle is not None


def test_a_known_issuer_with_another_key_is_not_verified(tmp_path: Path) -> None:
    """The card's kid is not among the trusted issuer's keys (e.g. a rotated key)."""
    (card,) = shc.read_health_card_file(
        card_file(health_card(immunization_bundle(), new_issuer_key())),
        _store(tmp_path, new_issuer_key()),
    )
    assert card.status == shc.NOT_VERIFIED and "has no key" in card.reason


def test_a_changed_card_is_invalid(tmp_path: Path) -> None:
    """A payload changed after signing fails the ES256 check (RFC 7515 5.2)."""
    key = new_issuer_key()
    header, _payload, signature = health_card(immunization_bundle(), key).split(".")
    other = health_card({**immunization_bundle(), "id": "changed"}, key).split(".")[1]
    (card,) = shc.read_health_card_file(
        card_file(".".join([header, other, signature])),
        _store(tmp_path, key),
    )
    assert card.status == shc.INVALID and "was changed" in card.reason


@pytest.mark.parametrize(
    "token, reason",
    [
        ("not-a-jws", "not a compact JWS"),
        ("e30.e30.e30", "signed with None"),
        (
            b64url_encode(b'{"alg":"ES256","zip":"DEF"}') + ".AAAA.sig",
            "cannot be read",
        ),
    ],
)
def test_damaged_cards_are_invalid_with_the_reason(tmp_path: Path, token: str, reason: str) -> None:
    """Each card gets its own verdict; one broken card does not hide the others."""
    good = health_card(immunization_bundle(), new_issuer_key())
    cards = shc.read_health_card_file(card_file(token, good), _store(tmp_path))
    assert cards[0].status == shc.INVALID and reason in cards[0].reason
    assert cards[1].status == shc.NOT_VERIFIED


def test_a_card_file_without_cards_is_refused() -> None:
    """SMART Health Cards "via file download": {"verifiableCredential": [JWS, ...]}."""
    with pytest.raises(shc.BadHealthCard, match="no cards"):
        shc.read_health_card_file(b'{"verifiableCredential": []}', IssuerStore())


def test_card_lines_show_the_patient_and_the_entries() -> None:
    key = new_issuer_key()
    (card,) = shc.read_health_card_file(card_file(health_card(immunization_bundle(), key)))
    lines = shc.card_lines(card)
    assert lines[0] == "Patient: Anna Testesen (1961-01-20)"
    assert lines[1].startswith("Immunization: COVID-19 mRNA vaccine")


def test_a_received_card_bundle_becomes_a_file_and_a_verdict(tmp_path: Path) -> None:
    """SHL STU1: a smart-health-card file in a link is opened like the card file itself."""
    key = new_issuer_key()
    document = orjson.loads(sample_document())
    retrieval = client.Retrieval(
        build_payload(url="http://127.0.0.1/m", key=bytes(32)),
        [
            client.RetrievedFile(
                "application/smart-health-card",
                None,
                card_file(health_card(document, key), health_card(immunization_bundle(), key)),
                listed_content_type="application/smart-health-card",
            )
        ],
    )
    received = receive.unpack(retrieval, issuers=_store(tmp_path, key))
    assert [card.status for card in received.cards] == [shc.VERIFIED, shc.VERIFIED]
    names = [(item.name, item.bundle_type) for item in received.items]
    assert names == [
        ("health-card-1.smart-health-card", None),
        ("health-card-1-bundle.json", "document"),
        ("health-card-2-bundle.json", "collection"),
    ]
    assert orjson.loads(received.items[1].data) == document


# -- the trusted issuer list --------------------------------------------------------------------


def test_issuers_are_added_from_a_jwks_file_and_listed(tmp_path: Path) -> None:
    key = new_issuer_key()
    jwks = issuer_jwks(key)
    # A JWKS file that (wrongly) carries the private part: only the public part is kept.
    jwks["keys"][0]["d"] = json.loads(key.export_private())["d"]
    jwks["keys"].append({"kty": "RSA", "n": "x", "e": "AQAB", "kid": "rsa"})
    path = tmp_path / "jwks.json"
    path.write_text(json.dumps(jwks), encoding="utf-8")
    store = _store(tmp_path)
    issuer = store.add_file(ISSUER + "/", path, name="Region Demo")
    assert issuer.iss == ISSUER and issuer.kids == [key.thumbprint()]
    assert [i.name for i in store.issuers()] == ["Region Demo"]
    stored = next(store.directory.glob("*.json")).read_text(encoding="utf-8")
    assert '"d"' not in stored
    assert store.remove(ISSUER).name == "Region Demo" and store.issuers() == []


@pytest.mark.parametrize(
    "iss, jwks, words",
    [
        ("http://issuer.example", {"keys": []}, "not an https address"),
        (ISSUER, {"nokeys": 1}, "not a JWKS file"),
        (ISSUER, {"keys": [{"kty": "RSA", "n": "x", "e": "AQAB"}]}, "no ES256"),
    ],
)
def test_unusable_issuers_are_refused(tmp_path: Path, iss: str, jwks: object, words: str) -> None:
    with pytest.raises(UserFacingError, match=words):
        _store(tmp_path).add_jwks(iss, jwks)


def test_the_corpus_card_verifies_once_its_issuer_is_trusted(
    shl_corpus: Corpus, tmp_path: Path
) -> None:
    _host, links, key = shl_corpus
    link = next(link for link in links if link.name == "health-card")
    store = _store(tmp_path, key)
    received = receive.unpack(client.retrieve(link.uri, recipient="r"), issuers=store)
    assert [card.status for card in received.cards] == [shc.VERIFIED]


def test_served_files_are_what_other_implementations_write() -> None:
    """Guards the corpus itself: no cty, a kid, zip DEF (as the published examples)."""
    host = CorpusHost()
    try:
        host.add("x", Served([("application/fhir+json", b"{}")], secrets.token_bytes(32)))
        request = urllib.request.Request(
            f"{host.base}/shl/x", data=minified({"recipient": "r"}), method="POST"
        )
        with urllib.request.urlopen(request) as response:
            entries, _status = client._manifest_entries(response.read())
    finally:
        host.stop()
    header = orjson.loads(b64url_decode(entries[0]["embedded"].split(".")[0]))
    assert set(header) == {"alg", "enc", "kid", "zip"}


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda kids: (
        st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4)
    ),
    max_leaves=12,
)


@given(
    st.one_of(
        st.binary(max_size=200),
        _JSON.map(minified),
        st.lists(st.text(alphabet="ab._-e30", max_size=40), max_size=4).map(
            lambda tokens: card_file(*tokens)
        ),
    )
)
def test_any_card_file_gets_verdicts_or_a_clear_refusal(data: bytes) -> None:
    """Outside input (SMART Health Cards "via file download"): never a crash, never "verified"
    without a trusted issuer; either a clear refusal or one verdict per card."""
    try:
        cards = shc.read_health_card_file(data, IssuerStore())
    except shc.BadHealthCard:
        return
    assert cards and all(card.status in (shc.NOT_VERIFIED, shc.INVALID) for card in cards)
