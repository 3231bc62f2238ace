"""SMART Health Link payloads and shlink:/ URIs."""

from __future__ import annotations

import base64
import secrets

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.shl.payload import (
    InvalidLink,
    UnsupportedLinkVersion,
    b64url_encode,
    build_payload,
    decode_uri,
    encode_uri,
)

URL = "https://shl.example.org/shl/" + "A" * 43


def _raw_uri(body: dict[str, object]) -> str:
    return "shlink:/" + base64.urlsafe_b64encode(orjson.dumps(body)).rstrip(b"=").decode()


labels = st.none() | st.text(max_size=80).filter(lambda s: s.strip() == s and s != "")
flag_sets = st.sets(st.sampled_from("LPU")).filter(lambda f: not {"P", "U"} <= f)


@given(
    key=st.binary(min_size=32, max_size=32),
    exp=st.none() | st.integers(min_value=1, max_value=2**40),
    flags=flag_sets,
    label=labels,
    token=st.text(
        alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_",
        min_size=43,
        max_size=43,
    ),
    viewer=st.none() | st.sampled_from(["https://viewer.example.org/", "https://v.example/#"]),
)
def test_encode_decode_round_trip(key, exp, flags, label, token, viewer) -> None:
    payload = build_payload(
        url="https://h.example/shl/" + token, key=key, exp=exp, flags="".join(flags), label=label
    )
    uri = encode_uri(payload, viewer=viewer)
    if viewer:
        assert "#shlink:/" in uri
    else:
        assert uri.startswith("shlink:/")
    decoded = decode_uri(uri)
    assert decoded == payload
    assert decoded.key_bytes == key
    assert decoded.flag == "".join(sorted(flags))


@given(st.text(max_size=300))
def test_any_text_is_a_link_or_a_plain_error(text: str) -> None:
    try:
        decode_uri(text)
    except UserFacingError:
        pass


@given(st.binary(max_size=300))
def test_any_encoded_bytes_are_a_link_or_a_plain_error(data: bytes) -> None:
    try:
        decode_uri("shlink:/" + b64url_encode(data))
    except UserFacingError:
        pass


def test_payload_json_is_minified_and_spec_shaped() -> None:
    key = secrets.token_bytes(32)
    payload = build_payload(
        url=URL, key=key, exp=1_900_000_000, flags="PL", label="Patient summary"
    )
    uri = encode_uri(payload)
    raw = base64.urlsafe_b64decode(uri[len("shlink:/") :] + "==")
    body = orjson.loads(raw)
    assert body == {
        "url": URL,
        "key": b64url_encode(key),
        "exp": 1_900_000_000,
        "flag": "LP",
        "label": "Patient summary",
    }
    assert len(body["key"]) == 43
    assert raw == orjson.dumps(body)  # minified: no whitespace between tokens
    assert b": " not in raw and b", " not in raw


def test_unknown_fields_and_flags_are_ignored() -> None:
    key = b64url_encode(secrets.token_bytes(32))
    payload = decode_uri(
        _raw_uri({"url": URL, "key": key, "flag": "LPXZ", "_ext": {"a": 1}, "extension": 3})
    )
    assert payload.needs_passcode and payload.long_term and not payload.single_file
    assert payload.extra == {"_ext": {"a": 1}, "extension": 3}


def test_viewer_prefix_is_accepted_when_pasted() -> None:
    key = b64url_encode(secrets.token_bytes(32))
    bare = _raw_uri({"url": URL, "key": key})
    assert decode_uri("  https://viewer.example.org/#" + bare + "\n").url == URL
    assert decode_uri("https://viewer.example.org/app?x=1#" + bare).url == URL


def test_newer_version_gets_a_clear_message() -> None:
    key = b64url_encode(secrets.token_bytes(32))
    with pytest.raises(UnsupportedLinkVersion, match="version 2"):
        decode_uri(_raw_uri({"url": URL, "key": key, "v": 2, "label": "Lab"}))
    assert decode_uri(_raw_uri({"url": URL, "key": key, "v": 1})).version == 1


@pytest.mark.parametrize(
    "body, words",
    [
        ({"key": "x"}, "manifest address"),
        ({"url": "ftp://x/y", "key": b64url_encode(bytes(32))}, "http"),
        ({"url": URL, "key": "short"}, "43"),
        ({"url": URL, "key": b64url_encode(bytes(32)), "exp": "soon"}, "expiry"),
        ({"url": URL, "key": b64url_encode(bytes(32)), "flag": 5}, "flags"),
    ],
)
def test_damaged_payloads_are_refused_in_words(body: dict[str, object], words: str) -> None:
    with pytest.raises(InvalidLink, match=words):
        decode_uri(_raw_uri(body))


def test_not_a_link() -> None:
    with pytest.raises(InvalidLink, match="shlink:/"):
        decode_uri("https://example.org/")
    with pytest.raises(InvalidLink, match="base64url"):
        decode_uri("shlink:/***")


def test_provider_refuses_what_the_spec_forbids() -> None:
    key = secrets.token_bytes(32)
    with pytest.raises(UserFacingError, match="U and P"):
        build_payload(url=URL, key=key, flags="PU")
    with pytest.raises(UserFacingError, match="at most 128"):
        build_payload(url="https://h.example/" + "a" * 120, key=key)
    with pytest.raises(UserFacingError, match="at most 80"):
        build_payload(url=URL, key=key, label="x" * 81)
    assert build_payload(url=URL, key=key, label="x" * 80).label == "x" * 80
    with pytest.raises(ValueError):
        build_payload(url=URL, key=key[:16])
