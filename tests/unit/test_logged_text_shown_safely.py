"""Logged text from outside is shown as one visible line (issue 16, item 5).

A recipient name is whatever a client sends in the manifest request (SHL spec: `recipient`,
a string). With a newline in it, `xshare shl list` printed a fake extra row.
"""

from __future__ import annotations

import os
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from xshare_desktop.core.plain_text import one_line
from xshare_desktop.core.shl.content import ShareFile
from xshare_desktop.core.shl.provider import LinkOptions, create_link
from xshare_desktop.core.shl.store import LinkStore, Outcome

HOSTILE = "Dr. Hansen\n  abc123  2026-12-01 10:00  manifest  ok  Forged Row\x1b[2J\u202e"


@given(st.text())
def test_one_line_never_breaks_a_line_or_carries_controls(text: str) -> None:
    shown = one_line(text)
    assert all(ch not in shown for ch in "\n\r\t\x1b\x85\u2028\u2029\u202e")
    assert len(one_line(text, 20)) <= 20


def test_the_access_log_keeps_a_hostile_name_on_one_line() -> None:
    store = LinkStore()  # in this test's own data folder
    files = [ShareFile("ips.json", "application/fhir+json", b"{}")]
    record, _ = create_link(files, LinkOptions(), "http://127.0.0.1:9", store=store)
    store.log_access(record.id, HOSTILE, "manifest", Outcome.OK)
    (entry,) = store.accesses(record.id)
    assert "\n" not in entry.recipient and "\\u000a" in entry.recipient
    listing = subprocess.run(
        [sys.executable, "-m", "xshare_desktop", "shl", "list"],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=60,
    )
    rows = [line for line in listing.stdout.splitlines() if "Forged Row" in line]
    assert len(rows) == 1 and "Dr. Hansen" in rows[0], listing.stdout + listing.stderr
    assert "\x1b" not in listing.stdout and "\u202e" not in listing.stdout
