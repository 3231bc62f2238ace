"""A large share reports progress and can be cancelled all the way through (issue 18).

The app runs ``prepare_share`` on its one worker; the person sees how far it is and can
stop it. The longest parts for a large document (the well-formedness check of every entry
and the narratives of every entry) report as they go and honour Cancel.
"""

from __future__ import annotations

import copy
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from xshare_desktop.core.errors import Cancelled
from xshare_desktop.core.progress import Progress
from xshare_desktop.core.sharing.selection import Selection
from xshare_desktop.core.sharing.writer import ShareOptions, prepare_share

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def large() -> dict[str, Any]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from make_large import make_large_document
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    document: dict[str, Any] = make_large_document(1200, 0)
    return document


def test_the_long_parts_of_a_share_report_progress(large: dict[str, Any]) -> None:
    """Issue 18: progress throughout the share of a large document, not only between steps."""
    heard: list[tuple[int, int, str]] = []
    prepare_share(
        large,
        Selection((), (), ()),
        ShareOptions(formats=("fhir-json",)),
        Progress(lambda done, total, text: heard.append((done, total, text))),
        now=NOW,
        salt=b"fixed salt for the test",
    )
    checking = [h for h in heard if h[2] == "Checking structure"]
    writing = [h for h in heard if h[2] == "Writing the human-readable text"]
    assert len(checking) >= 5 and checking[-1][0] >= 1000
    assert len(writing) >= 2 and writing[-1][1] > 1000


@pytest.mark.parametrize("stage", ["Checking structure", "Writing the human-readable text"])
def test_cancel_stops_a_large_share_inside_its_long_parts(
    large: dict[str, Any], stage: str
) -> None:
    """Issue 18: Cancel in the share flow stops the work while it is in the middle of a long
    part; the person's document is not changed."""
    before = copy.deepcopy(large)
    seen: list[int] = []

    def listen(done: int, _total: int, text: str) -> None:
        if text == stage and done > 0:
            seen.append(done)
            progress.cancel()

    progress = Progress(listen)
    with pytest.raises(Cancelled):
        prepare_share(
            large, Selection((), (), ()), ShareOptions(formats=("fhir-json",)), progress, now=NOW
        )
    assert seen and seen[0] < 1200
    assert large == before
