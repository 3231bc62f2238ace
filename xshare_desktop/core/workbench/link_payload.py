"""The SMART Health Link payload rules, each as a named test case (no network).

The receiver code in ``core/shl/payload.py`` is lenient on purpose (receivers must ignore what they
do not know); a label test must instead report every deviation, so this module reads the raw
JSON itself and checks each SHALL of the payload on its own.
"""

from __future__ import annotations

import binascii
import math
import re
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import orjson

from xshare_desktop.core.shl.payload import (
    KEY_BYTES,
    KEY_CHARS,
    KNOWN_FLAGS,
    MAX_LABEL_CHARS,
    MAX_URL_CHARS,
    SCHEME,
    SUPPORTED_VERSION,
    b64url_decode,
)
from xshare_desktop.core.workbench.results import (
    CaseResult,
    failed,
    not_applicable,
    passed,
)

SPEC = "HL7 SMART Health Cards and Links STU1, SMART Health Links"
MIN_URL_ENTROPY_BITS = 256
_RANDOM_RUN = re.compile(r"[A-Za-z0-9_-]+")
_MAX_URI_CHARS = 64 * 1024


@dataclass
class PayloadCheck:
    """The payload as read (when it could be) and the cases about it."""

    cases: list[CaseResult] = field(default_factory=list)
    body: dict[str, Any] | None = None

    @property
    def usable(self) -> bool:
        """Enough is right to contact the host: an http(s) url and a 32-byte key."""
        if self.body is None:
            return False
        url = self.body.get("url")
        key = self.body.get("key")
        return (
            isinstance(url, str)
            and urlsplit(url).scheme in ("http", "https")
            and bool(urlsplit(url).netloc)
            and isinstance(key, str)
            and _key_bytes(key) is not None
        )


def _key_bytes(key: str) -> bytes | None:
    try:
        raw = b64url_decode(key)
    except (ValueError, binascii.Error):
        return None
    return raw if len(raw) == KEY_BYTES else None


def redact_url(url: str) -> str:
    """The url with its secret-looking tokens shortened: the evidence pack may be shared."""
    parts = urlsplit(url)
    path = _RANDOM_RUN.sub(
        lambda m: m.group(0) if len(m.group(0)) < 16 else m.group(0)[:4] + "…", parts.path
    )
    return f"{parts.scheme}://{parts.netloc}{path}" + ("?…" if parts.query else "")


def estimated_entropy_bits(url: str) -> int:
    """Bits of randomness the longest random-looking path segment could carry.

    An upper bound: a base64url character carries at most 6 bits, a hex digit 4. A URL whose
    longest token cannot reach 256 bits certainly breaks the rule; one that can is only
    plausibly random, which the evidence says.
    """
    path = urlsplit(url).path + "?" + urlsplit(url).query
    best = 0
    for run in _RANDOM_RUN.findall(path):
        per_char = 4 if re.fullmatch(r"[0-9a-fA-F]+", run) else 6
        best = max(best, len(run) * per_char)
    return best


def _extract(uri: str) -> tuple[str | None, str]:
    text = uri.strip()
    if text[: len(SCHEME)].lower() == SCHEME:
        return text[len(SCHEME) :], "bare shlink:/ URI"
    if "#" in text:
        fragment = text.split("#", 1)[1]
        if fragment[: len(SCHEME)].lower() == SCHEME:
            return fragment[len(SCHEME) :], f"behind the viewer {text.split('#', 1)[0]}#"
    return None, ""


def check_payload(uri: str, *, now: float | None = None) -> PayloadCheck:
    now = time.time() if now is None else now
    result = PayloadCheck()
    add = result.cases.append
    title = "The link is a shlink:/ URI carrying base64url JSON"
    if len(uri) > _MAX_URI_CHARS:
        add(failed("shl.payload.decode", title, f"The text is {len(uri)} characters long."))
        return result
    encoded, where = _extract(uri)
    if encoded is None:
        add(
            failed(
                "shl.payload.decode",
                title,
                "The text neither starts with shlink:/ nor has #shlink:/ after a viewer URL.",
                reference=SPEC,
            )
        )
        return result
    try:
        body = orjson.loads(b64url_decode(encoded.strip()))
    except (ValueError, binascii.Error, orjson.JSONDecodeError):
        add(
            failed(
                "shl.payload.decode",
                title,
                "The part after shlink:/ is not base64url-encoded JSON.",
                reference=SPEC,
            )
        )
        return result
    if not isinstance(body, dict):
        add(failed("shl.payload.decode", title, "The payload JSON is not an object."))
        return result
    result.body = body
    add(
        passed(
            "shl.payload.decode",
            title,
            f"Decoded a {where} with fields {', '.join(sorted(body))}.",
            reference=SPEC,
            details={
                "payload": {
                    k: (redact_url(v) if k == "url" and isinstance(v, str) else v)
                    for k, v in body.items()
                    if k != "key"
                }
            },
        )
    )
    result.cases.extend(_url_cases(body.get("url")))
    result.cases.append(_key_case(body.get("key")))
    result.cases.append(_exp_case(body.get("exp"), now))
    result.cases.extend(_flag_cases(body.get("flag")))
    result.cases.append(_label_case(body.get("label")))
    result.cases.append(_version_case(body.get("v")))
    return result


def _url_cases(url: Any) -> list[CaseResult]:
    present_title = "url is an http(s) manifest address"
    if not isinstance(url, str) or not url:
        return [
            failed("shl.payload.url", present_title, "The payload has no url."),
            not_applicable("shl.payload.url-length", "url is at most 128 characters", "No url."),
            not_applicable("shl.payload.url-entropy", "url carries 256 bits of entropy", "No url."),
        ]
    parts = urlsplit(url)
    cases = []
    if parts.scheme in ("http", "https") and parts.netloc:
        cases.append(passed("shl.payload.url", present_title, f"url is {redact_url(url)}."))
    else:
        cases.append(
            failed("shl.payload.url", present_title, f"url {redact_url(url)!r} is not http(s).")
        )
    rule = f"The url SHALL NOT exceed {MAX_URL_CHARS} characters."
    length_title = f"url is at most {MAX_URL_CHARS} characters"
    if len(url) <= MAX_URL_CHARS:
        cases.append(
            passed("shl.payload.url-length", length_title, f"{len(url)} characters.", rule=rule)
        )
    else:
        cases.append(
            failed("shl.payload.url-length", length_title, f"{len(url)} characters.", rule=rule)
        )
    bits = estimated_entropy_bits(url)
    entropy_rule = f"The url SHALL include at least {MIN_URL_ENTROPY_BITS} bits of entropy."
    entropy_title = "url carries at least 256 bits of entropy"
    if bits >= MIN_URL_ENTROPY_BITS:
        cases.append(
            passed(
                "shl.payload.url-entropy",
                entropy_title,
                f"Its longest random-looking token can carry up to {bits} bits (an upper bound; "
                "randomness itself cannot be seen from outside).",
                rule=entropy_rule,
            )
        )
    else:
        needed = math.ceil(MIN_URL_ENTROPY_BITS / 6)
        cases.append(
            failed(
                "shl.payload.url-entropy",
                entropy_title,
                f"No token in the path can carry more than {bits} bits; 256 bits need at least "
                f"{needed} base64url characters.",
                rule=entropy_rule,
            )
        )
    return cases


def _key_case(key: Any) -> CaseResult:
    title = "key is 43 base64url characters (32 bytes)"
    rule = "key: 32 random bytes, base64url-encoded (43 characters)."
    if not isinstance(key, str):
        return failed("shl.payload.key", title, "The payload has no key.", rule=rule)
    raw = _key_bytes(key)
    if len(key) == KEY_CHARS and raw is not None:
        return passed("shl.payload.key", title, "43 characters decoding to 32 bytes.", rule=rule)
    decoded = "not base64url" if raw is None else f"{len(raw)} bytes"
    try:
        size = len(b64url_decode(key))
        decoded = f"{size} bytes"
    except (ValueError, binascii.Error):
        pass
    return failed(
        "shl.payload.key", title, f"{len(key)} characters, decoding to {decoded}.", rule=rule
    )


def _exp_case(exp: Any, now: float) -> CaseResult:
    title = "exp, when present, is epoch seconds in the future"
    if exp is None:
        return not_applicable("shl.payload.exp", title, "The link has no expiry.")
    if isinstance(exp, bool) or not isinstance(exp, int | float):
        return failed("shl.payload.exp", title, f"exp is {exp!r}, not a number.")
    if exp <= now:
        return failed(
            "shl.payload.exp",
            title,
            f"exp {exp} lies {int(now - exp)} seconds in the past.",
        )
    return passed("shl.payload.exp", title, f"Expires in {int(exp - now)} seconds.")


def _flag_cases(flag: Any) -> list[CaseResult]:
    ids = ("shl.payload.flag-known", "shl.payload.flag-order", "shl.payload.flag-u-without-p")
    titles = (
        "flag letters are among L, P, U",
        "flag letters are in alphabetical order, each once",
        "U is never combined with P",
    )
    if flag is None or flag == "":
        return [
            not_applicable(i, t, "The link has no flags.") for i, t in zip(ids, titles, strict=True)
        ]
    if not isinstance(flag, str):
        return [failed(ids[0], titles[0], f"flag is {flag!r}, not text.")] + [
            not_applicable(i, t, "flag is not text.")
            for i, t in zip(ids[1:], titles[1:], strict=True)
        ]
    unknown = sorted(set(flag) - KNOWN_FLAGS)
    cases = [
        failed(ids[0], titles[0], f"flag {flag!r} has unknown letters {''.join(unknown)}.")
        if unknown
        else passed(ids[0], titles[0], f"flag is {flag!r}.")
    ]
    ordered = "".join(sorted(set(flag)))
    if flag == ordered:
        cases.append(passed(ids[1], titles[1], f"flag {flag!r} is in order."))
    else:
        cases.append(failed(ids[1], titles[1], f"flag {flag!r} should be {ordered!r}."))
    if "U" not in flag:
        cases.append(not_applicable(ids[2], titles[2], "The link has no U flag."))
    elif "P" in flag:
        cases.append(failed(ids[2], titles[2], f"flag {flag!r} has both U and P."))
    else:
        cases.append(passed(ids[2], titles[2], f"flag {flag!r} has U without P."))
    return cases


def _label_case(label: Any) -> CaseResult:
    title = f"label, when present, is at most {MAX_LABEL_CHARS} characters"
    if label is None:
        return not_applicable("shl.payload.label", title, "The link has no label.")
    if not isinstance(label, str):
        return failed("shl.payload.label", title, f"label is {label!r}, not text.")
    if len(label) > MAX_LABEL_CHARS:
        return failed("shl.payload.label", title, f"The label has {len(label)} characters.")
    return passed("shl.payload.label", title, f"“{label}” ({len(label)} characters).")


def _version_case(version: Any) -> CaseResult:
    title = "v, when present, is a supported integer version"
    if version is None:
        return not_applicable("shl.payload.v", title, "No v: version 1 is implied.")
    if isinstance(version, bool) or not isinstance(version, int):
        return failed("shl.payload.v", title, f"v is {version!r}, not an integer.")
    if version != SUPPORTED_VERSION:
        return failed(
            "shl.payload.v", title, f"v is {version}; the specification defines version 1."
        )
    return passed("shl.payload.v", title, "v is 1.")
