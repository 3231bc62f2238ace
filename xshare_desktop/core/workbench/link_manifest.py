"""The link host's side of a link: the manifest exchange, location URLs, ``U`` GETs, 401s.

Each SHALL of the exchange is a named case. The manifest is asked for three times (plain, then
with ``embeddedLengthMax`` 0 and a limit just under the smallest embedded file) so the limit is
seen honoured in both directions.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any
from urllib.parse import quote, urlsplit

from xshare_desktop.core.shl.content import MANIFEST_CONTENT_TYPES, base_media_type
from xshare_desktop.core.workbench.link_http import Exchange, call
from xshare_desktop.core.workbench.link_payload import SPEC
from xshare_desktop.core.workbench.link_report import JOSE, CaseLog, FetchedFile, LinkTestOptions
from xshare_desktop.core.workbench.results import (
    CaseResult,
    Verdict,
    failed,
    not_applicable,
    passed,
    verdict_of,
)

FILE_STATUSES = frozenset({"finalized", "can-change", "no-longer-valid"})
MANIFEST_CASES = [
    ("shl.manifest.status", "The manifest POST answers 200"),
    ("shl.manifest.content-type", "The manifest is application/json"),
    ("shl.manifest.files", "The manifest has a files list; each entry has embedded or location"),
    ("shl.manifest.file-content-types", "Every file's contentType is one the spec allows"),
    ("shl.manifest.file-metadata", "lastUpdated and status, when present, are well formed"),
    ("shl.manifest.embedded-length-max", "embeddedLengthMax is honoured (asked twice)"),
    ("shl.location.get", "Every location URL answers GET with 200"),
    ("shl.location.content-type", "location files come as application/jose"),
]
DIRECT_CASES = [
    ("shl.direct.get", "The U link answers GET ?recipient= with 200"),
    ("shl.direct.content-type", "The U link's file comes as application/jose"),
]
PASSCODE_CASE = ("shl.manifest.wrong-passcode", "A wrong passcode gets 401 with remainingAttempts")


def _manifest_request(
    options: LinkTestOptions, needs_passcode: bool, embedded_max: int | None, attempt: int = 1
) -> dict[str, Any]:
    # A distinct recipient per request: a host may throttle an L link's repeat polls by one
    # recipient (429), which would hide the answer this request is meant to test.
    recipient = options.recipient if attempt == 1 else f"{options.recipient} (request {attempt})"
    body: dict[str, Any] = {"recipient": recipient}
    if needs_passcode and options.passcode is not None:
        body["passcode"] = options.passcode
    if embedded_max is not None:
        body["embeddedLengthMax"] = embedded_max
    return body


def _entries(exchange: Exchange) -> list[dict[str, Any]] | None:
    body = exchange.json() if exchange.status == 200 else None
    if not isinstance(body, dict) or not isinstance(body.get("files"), list):
        return None
    return [entry for entry in body["files"] if isinstance(entry, dict)]


def _is_instant(value: Any) -> bool:
    if not isinstance(value, str) or "T" not in value:
        return False
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return moment.tzinfo is not None


def check_direct(run: CaseLog, url: str, options: LinkTestOptions) -> list[FetchedFile]:
    target = url + ("&" if "?" in url else "?") + "recipient=" + quote(options.recipient)
    exchange = run.record(call(target, timeout=options.timeout), "U-flag GET")
    ok = exchange.status == 200
    run.add(
        CaseResult(
            "shl.direct.get",
            DIRECT_CASES[0][1],
            verdict_of(ok),
            exchange.summary(),
            reference=SPEC,
        )
    )
    if not ok:
        run.add(not_applicable("shl.direct.content-type", DIRECT_CASES[1][1], "No file came."))
        return []
    run.add(
        CaseResult(
            "shl.direct.content-type",
            DIRECT_CASES[1][1],
            verdict_of(exchange.media_type == JOSE),
            f"Content-Type is {exchange.media_type or '(none)'}.",
            reference=SPEC,
        )
    )
    token = exchange.body.decode("ascii", "replace").strip()
    # A U link has no manifest: the file's cty or shape says what it is (see check_content).
    return [FetchedFile(0, "", token, "direct")]


def check_manifest(
    run: CaseLog, url: str, options: LinkTestOptions, needs_passcode: bool
) -> list[FetchedFile]:
    first = run.record(
        call(
            url,
            method="POST",
            json_body=_manifest_request(options, needs_passcode, None),
            timeout=options.timeout,
        ),
        "manifest",
    )
    run.add(
        CaseResult(
            "shl.manifest.status",
            MANIFEST_CASES[0][1],
            verdict_of(first.status == 200),
            first.summary()
            + (
                f"; body {first.body[:200].decode('utf-8', 'replace')}"
                if first.status not in (200, None)
                else ""
            ),
            reference=SPEC,
        )
    )
    if first.status != 200:
        run.skip(MANIFEST_CASES[1:], "Not reached: the manifest request failed.")
        return []
    run.add(
        CaseResult(
            "shl.manifest.content-type",
            MANIFEST_CASES[1][1],
            verdict_of(first.media_type == "application/json"),
            f"Content-Type is {first.headers.get('content-type', '(none)')}.",
            reference=SPEC,
        )
    )
    entries = _entries(first)
    shape_problems = _shape_problems(first, entries)
    run.add(
        CaseResult(
            "shl.manifest.files",
            MANIFEST_CASES[2][1],
            verdict_of(not shape_problems),
            "; ".join(shape_problems)
            or f"{len(entries or [])} file entries, each with embedded or location.",
            reference=SPEC,
        )
    )
    if entries is None:
        run.skip(MANIFEST_CASES[3:], "Not reached: the manifest has no files list.")
        return []
    types = [str(e.get("contentType")) for e in entries]
    bad_types = [t for t in types if base_media_type(t) not in MANIFEST_CONTENT_TYPES]
    run.add(
        CaseResult(
            "shl.manifest.file-content-types",
            MANIFEST_CASES[3][1],
            verdict_of(not bad_types),
            f"contentTypes: {', '.join(types) or '(none)'}"
            + (f"; not allowed: {', '.join(bad_types)}" if bad_types else "."),
            reference=SPEC,
        )
    )
    run.add(_metadata_case(entries))
    limited = _embedded_limits(run, url, options, needs_passcode, entries)
    return _fetch_files(run, options, entries, limited)


def _shape_problems(exchange: Exchange, entries: list[dict[str, Any]] | None) -> list[str]:
    body = exchange.json()
    if not isinstance(body, dict):
        return ["The manifest body is not a JSON object."]
    if not isinstance(body.get("files"), list):
        return ["The manifest has no files list."]
    problems = []
    if len(entries or []) != len(body["files"]):
        problems.append("Some files entries are not objects.")
    for index, entry in enumerate(entries or []):
        has_embedded = isinstance(entry.get("embedded"), str)
        has_location = isinstance(entry.get("location"), str)
        if has_embedded == has_location:
            problems.append(
                f"Entry {index + 1} has {'both' if has_embedded else 'neither'} embedded and location."
            )
        if not isinstance(entry.get("contentType"), str):
            problems.append(f"Entry {index + 1} has no contentType.")
        if has_location and urlsplit(str(entry["location"])).scheme not in ("http", "https"):
            problems.append(f"Entry {index + 1}'s location is not an http(s) URL.")
    if not body["files"]:
        problems.append("The files list is empty.")
    return problems


def _metadata_case(entries: list[dict[str, Any]]) -> CaseResult:
    case_id, title = MANIFEST_CASES[4]
    present = [e for e in entries if "lastUpdated" in e or "status" in e]
    if not present:
        return not_applicable(case_id, title, "No entry carries lastUpdated or status.")
    problems = []
    for index, entry in enumerate(entries, start=1):
        if "lastUpdated" in entry and not _is_instant(entry["lastUpdated"]):
            problems.append(
                f"entry {index}: lastUpdated {entry['lastUpdated']!r} is not an ISO 8601 instant"
            )
        if "status" in entry and entry["status"] not in FILE_STATUSES:
            problems.append(
                f"entry {index}: status {entry['status']!r} is not one of {', '.join(sorted(FILE_STATUSES))}"
            )
    if problems:
        return failed(case_id, title, "; ".join(problems) + ".", reference=SPEC)
    return passed(
        case_id, title, f"{len(present)} entries carry well-formed metadata.", reference=SPEC
    )


def _embedded_limits(
    run: CaseLog,
    url: str,
    options: LinkTestOptions,
    needs_passcode: bool,
    first_entries: list[dict[str, Any]],
) -> list[dict[str, Any]] | None:
    """Ask again with embeddedLengthMax 0, then with a limit just under the smallest embedded file.

    Returns the entries of the limit-0 answer (all files as location URLs) when it succeeded.
    """
    case_id, title = MANIFEST_CASES[5]
    embedded_sizes = [
        len(e["embedded"]) for e in first_entries if isinstance(e.get("embedded"), str)
    ]
    limits = [0, (min(embedded_sizes) - 1) if embedded_sizes else 10_000_000]
    evidence: list[str] = []
    honoured = True
    zero_entries: list[dict[str, Any]] | None = None
    for attempt, limit in enumerate(limits, start=2):
        exchange = run.record(
            call(
                url,
                method="POST",
                json_body=_manifest_request(options, needs_passcode, limit, attempt),
                timeout=options.timeout,
            ),
            f"manifest with embeddedLengthMax {limit}",
        )
        entries = _entries(exchange)
        if entries is None:
            honoured = False
            evidence.append(
                f"embeddedLengthMax {limit}: {exchange.summary()} (a link for testing must allow "
                "several retrievals)"
            )
            continue
        too_long = [
            len(e["embedded"])
            for e in entries
            if isinstance(e.get("embedded"), str) and len(e["embedded"]) > limit
        ]
        embedded = sum(1 for e in entries if isinstance(e.get("embedded"), str))
        if too_long:
            honoured = False
        evidence.append(
            f"embeddedLengthMax {limit}: {embedded} embedded, {len(entries) - embedded} by location"
            + (f", embedded lengths over the limit: {too_long}" if too_long else "")
        )
        if limit == 0:
            zero_entries = entries
    run.add(
        CaseResult(case_id, title, verdict_of(honoured), "; ".join(evidence) + ".", reference=SPEC)
    )
    return zero_entries


def _fetch_files(
    run: CaseLog,
    options: LinkTestOptions,
    first_entries: list[dict[str, Any]],
    location_entries: list[dict[str, Any]] | None,
) -> list[FetchedFile]:
    files: list[FetchedFile] = []
    locations: list[tuple[int, str, str]] = []
    for index, entry in enumerate(first_entries):
        content_type = str(entry.get("contentType", ""))
        if isinstance(entry.get("embedded"), str):
            files.append(FetchedFile(index, content_type, entry["embedded"], "embedded"))
        elif isinstance(entry.get("location"), str):
            locations.append((index, content_type, entry["location"]))
    embedded_indexes = {f.index for f in files}
    # Files the first answer embedded are also fetched by location from the limit-0 answer,
    # so the location path is exercised whenever the host offers it.
    extra_locations = [
        (index, str(entry.get("contentType", "")), str(entry["location"]))
        for index, entry in enumerate(location_entries or [])
        if isinstance(entry.get("location"), str)
    ]
    get_ok: list[str] = []
    get_bad: list[str] = []
    type_bad: list[str] = []
    for index, content_type, location in locations + extra_locations:
        if urlsplit(location).scheme not in ("http", "https"):
            get_bad.append(f"file {index + 1}: location is not http(s)")
            continue
        exchange = run.record(
            call(location, timeout=options.timeout), f"location GET file {index + 1}"
        )
        if exchange.status != 200:
            get_bad.append(f"file {index + 1}: {exchange.summary()}")
            continue
        get_ok.append(f"file {index + 1}")
        if exchange.media_type != JOSE:
            type_bad.append(f"file {index + 1}: {exchange.media_type or '(none)'}")
        if index not in embedded_indexes:
            embedded_indexes.add(index)
            token = exchange.body.decode("ascii", "replace").strip()
            files.append(FetchedFile(index, content_type, token, "location"))
    get_id, get_title = MANIFEST_CASES[6]
    type_id, type_title = MANIFEST_CASES[7]
    if not get_ok and not get_bad:
        run.add(not_applicable(get_id, get_title, "The host offered no location URL."))
        run.add(not_applicable(type_id, type_title, "The host offered no location URL."))
    else:
        run.add(
            CaseResult(
                get_id,
                get_title,
                verdict_of(not get_bad),
                "; ".join(get_bad) or f"200 for {', '.join(get_ok)}.",
                reference=SPEC,
            )
        )
        if get_ok:
            run.add(
                CaseResult(
                    type_id,
                    type_title,
                    verdict_of(not type_bad),
                    "; ".join(type_bad) or "application/jose for every file.",
                    reference=SPEC,
                )
            )
        else:
            run.add(not_applicable(type_id, type_title, "No location file could be fetched."))
    return sorted(files, key=lambda f: f.index)


def check_wrong_passcode(
    run: CaseLog, url: str, options: LinkTestOptions, needs_passcode: bool
) -> None:
    case_id, title = PASSCODE_CASE
    if not needs_passcode:
        run.add(not_applicable(case_id, title, "The link has no passcode (no P flag)."))
        return
    if not options.allow_destructive:
        run.add(
            not_applicable(
                case_id,
                title,
                "Skipped: it spends one of the link's passcode attempts; allow destructive tests "
                "to run it.",
            )
        )
        return
    wrong = "xshare-wrong-" + secrets.token_hex(4)
    exchange = run.record(
        call(
            url,
            method="POST",
            json_body={"recipient": f"{options.recipient} (wrong passcode)", "passcode": wrong},
            timeout=options.timeout,
        ),
        "manifest with a wrong passcode",
    )
    body = exchange.json()
    remaining = body.get("remainingAttempts") if isinstance(body, dict) else None
    ok = (
        exchange.status == 401
        and isinstance(remaining, int)
        and not isinstance(remaining, bool)
        and remaining >= 0
    )
    run.add(
        CaseResult(
            case_id,
            title,
            Verdict.PASS if ok else Verdict.FAIL,
            f"{exchange.summary()}; remainingAttempts {remaining!r}.",
            reference=SPEC,
        )
    )
