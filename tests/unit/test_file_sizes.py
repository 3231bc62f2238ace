"""No product file over 500 lines without a reason written at its top (issue 15, "Smaller rooms").

A long file is a room a newcomer gets lost in. Where one job truly needs the length, the file
says so in its first lines with the marker ``Why this file is long:`` and a sentence after it;
else it is split (conventions.md: one file per view, modules with one job each).
"""

from __future__ import annotations

from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "xshare_desktop"
MAX_LINES = 500
MARKER = "Why this file is long:"
# The marker counts only near the top, where a reader opening the file sees it.
MARKER_WITHIN_LINES = 20


def long_without_reason(path: Path, max_lines: int = MAX_LINES) -> bool:
    """True when ``path`` has more than ``max_lines`` lines and no reason at its top."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if len(lines) <= max_lines:
        return False
    for line in lines[:MARKER_WITHIN_LINES]:
        _, found, reason = line.partition(MARKER)
        if found and reason.strip():
            return False
    return True


def test_no_product_file_is_long_without_a_reason() -> None:
    """Issue 15: "No product file over ~500 lines without a reason written at its top"."""
    offenders = sorted(
        f"{path.relative_to(PACKAGE).as_posix()} ({len(path.read_text().splitlines())} lines)"
        for path in PACKAGE.rglob("*.py")
        if long_without_reason(path)
    )
    assert offenders == [], f"split these or write '{MARKER} ...' at their top: {offenders}"


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        ("", True),
        ('"""A module."""\n', True),
        (f'"""A module.\n\n{MARKER}\n"""\n', True),  # the marker with no reason after it
        (f'"""A module.\n\n{MARKER} one table of every FHIR type.\n"""\n', False),
        ("\n" * MARKER_WITHIN_LINES + f"# {MARKER} too far down to be seen.\n", True),
    ],
)
def test_the_check_tells_a_reason_from_none(tmp_path: Path, top: str, expected: bool) -> None:
    """Issue 15: the size check fails a long file without a reason and passes one with it."""
    path = tmp_path / "long.py"
    path.write_text(top + "x = 1\n" * (MAX_LINES + 1), encoding="utf-8")
    assert long_without_reason(path) is expected
    short = tmp_path / "short.py"
    short.write_text(top + "x = 1\n", encoding="utf-8")
    assert long_without_reason(short) is False
