"""The vendor's own ticks for the Link Consumer test links, as test cases in the evidence pack.

The workbench cannot watch a vendor's viewer, so these verdicts are self-reported: each case says
so in its evidence, and a link left unchecked is "not applicable" rather than passed.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import load_json_file
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP
from xshare_desktop.core.workbench.results import CaseResult, Verdict

# The published test links, by id (see test_links.publish_test_links).
CONSUMER_TESTS: dict[str, str] = {
    "valid": "A valid link opens",
    "passcode": "A passcode link asks for the passcode and shows remaining attempts",
    "expired": "An expired link is refused as expired",
    "revoked": "A revoked link is refused as no longer active",
    "one-time": "A one-time link opens once only",
    "single-file": "A U link is fetched by GET",
    "long-term": "A long-term link respects 429 Retry-After",
    "flags-out-of-order": "Flags out of order are read leniently",
    "long-label": "An over-long label does not break the viewer",
    "unknown-fields": "Unknown flags and fields are ignored",
    "newer-version": "A newer version is refused before contacting the host",
    "bad-jwe": "A tampered file is refused",
    "wrong-content-type": "A manifest that is not application/json is refused",
    "oversized": "A decompression bomb is refused without running out of memory",
}
_WORDS = {"pass": Verdict.PASS, "fail": Verdict.FAIL, "not-checked": Verdict.NOT_APPLICABLE}


def consumer_cases(ticks: Mapping[str, Verdict]) -> list[CaseResult]:
    cases = []
    for link_id, title in CONSUMER_TESTS.items():
        verdict = ticks.get(link_id, Verdict.NOT_APPLICABLE)
        if verdict is Verdict.PASS:
            evidence = "The vendor reports that their viewer behaved as expected."
        elif verdict is Verdict.FAIL:
            evidence = "The vendor reports that their viewer did not behave as expected."
        else:
            evidence = "Not checked by the vendor."
        cases.append(CaseResult(f"consumer.{link_id}", title, verdict, evidence))
    return cases


def load_consumer_ticks(path: str | os.PathLike[str]) -> dict[str, Verdict]:
    """``{"valid": "pass", "bad-jwe": "fail", ...}``; unknown ids or words are plain errors."""
    body = load_json_file(path)
    if not isinstance(body, dict):
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Workbench", "The consumer results must be a JSON object such as {example}."
            ).format(example='{"valid": "pass"}')
        )
    ticks: dict[str, Verdict] = {}
    for link_id, word in body.items():
        if link_id not in CONSUMER_TESTS:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Workbench", "{link_id} is not one of the consumer test links ({names})."
                ).format(link_id=repr(link_id), names=", ".join(CONSUMER_TESTS))
            )
        if word not in _WORDS:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Workbench",
                    "The result for {link_id} is {word}; use pass, fail or not-checked.",
                ).format(link_id=link_id, word=repr(word))
            )
        ticks[link_id] = _WORDS[word]
    return ticks
