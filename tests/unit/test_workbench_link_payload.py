"""SHL payload rules as named test cases (no network)."""

from __future__ import annotations

import secrets

import orjson
from hypothesis import given
from hypothesis import strategies as st

from xshare_desktop.core.shl.payload import b64url_encode, build_payload, encode_uri
from xshare_desktop.core.workbench.link_payload import check_payload, estimated_entropy_bits
from xshare_desktop.core.workbench.results import Verdict

NOW = 1_800_000_000.0
GOOD_URL = "https://links.example/shl/" + b64url_encode(bytes(range(32)))


def _uri(**fields: object) -> str:
    body = {"url": GOOD_URL, "key": b64url_encode(secrets.token_bytes(32))}
    body.update(fields)
    body = {k: v for k, v in body.items() if v is not None}
    return "shlink:/" + b64url_encode(orjson.dumps(body))


def _verdicts(uri: str) -> dict[str, Verdict]:
    return {case.case_id: case.verdict for case in check_payload(uri, now=NOW).cases}


def test_a_good_payload_passes_every_rule() -> None:
    verdicts = _verdicts(_uri(exp=int(NOW) + 3600, flag="LP", label="Min opsummering", v=1))
    assert Verdict.FAIL not in verdicts.values()
    assert verdicts["shl.payload.flag-u-without-p"] is Verdict.NOT_APPLICABLE
    assert verdicts["shl.payload.label"] is Verdict.PASS


def test_viewer_prefix_is_accepted() -> None:
    verdicts = _verdicts("https://viewer.example/#" + _uri())
    assert verdicts["shl.payload.decode"] is Verdict.PASS


def test_each_broken_rule_fails_its_own_case() -> None:
    cases = {
        "shl.payload.flag-order": _uri(flag="PL"),
        "shl.payload.flag-known": _uri(flag="LX"),
        "shl.payload.flag-u-without-p": _uri(flag="PU"),
        "shl.payload.label": _uri(label="x" * 81),
        "shl.payload.exp": _uri(exp=int(NOW) - 1),
        "shl.payload.v": _uri(v=2),
        "shl.payload.url-length": _uri(url="https://links.example/" + "a" * 120),
        "shl.payload.url-entropy": _uri(url="https://links.example/shl/12345"),
        "shl.payload.key": _uri(key=b64url_encode(bytes(16))),
        "shl.payload.url": _uri(url="ftp://links.example/" + b64url_encode(bytes(range(32)))),
    }
    for case_id, uri in cases.items():
        verdicts = _verdicts(uri)
        assert verdicts[case_id] is Verdict.FAIL, case_id
        others = [c for c, v in verdicts.items() if v is Verdict.FAIL and c != case_id]
        assert others == [], (case_id, others)


def test_undecodable_links_fail_decode_only() -> None:
    for text in ("https://example.org/", "shlink:/***", "shlink:/" + b64url_encode(b"[1,2]")):
        result = check_payload(text, now=NOW)
        assert [(c.case_id, c.verdict) for c in result.cases] == [
            ("shl.payload.decode", Verdict.FAIL)
        ]
        assert not result.usable


def test_entropy_estimate_counts_the_longest_token() -> None:
    assert estimated_entropy_bits("https://h/shl/" + "Z" * 43) == 258
    assert estimated_entropy_bits("https://h/shl/" + "ab12" * 16) == 256  # hex: 4 bits each


@given(st.text(max_size=300))
def test_any_text_gives_cases_and_never_raises(text: str) -> None:
    result = check_payload(text, now=NOW)
    assert result.cases
    assert result.cases[0].case_id == "shl.payload.decode"


@given(
    flags=st.sets(st.sampled_from("LPU")).map("".join),
    label=st.one_of(st.none(), st.text(min_size=1, max_size=80)),
    lifetime=st.integers(min_value=1, max_value=10**8),
)
def test_links_our_provider_builds_pass_every_rule(
    flags: str, label: str | None, lifetime: int
) -> None:
    if "U" in flags and "P" in flags:
        flags = flags.replace("P", "")
    if label is not None and not label.strip():
        label = None
    payload = build_payload(
        url=GOOD_URL, key=secrets.token_bytes(32), exp=int(NOW) + lifetime, flags=flags, label=label
    )
    verdicts = _verdicts(encode_uri(payload))
    assert Verdict.FAIL not in verdicts.values(), verdicts


def test_evidence_never_repeats_the_manifest_token() -> None:
    token = b64url_encode(bytes(range(32)))
    result = check_payload(_uri(), now=NOW)
    assert token not in str([case.as_dict() for case in result.cases])
    assert "links.example/shl/AAEC…" in str(result.cases[1].evidence)
