"""Writing a share: atomic, never over an existing file unless asked, names without personal data."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from xshare_desktop.core.errors import Cancelled, UserFacingError
from xshare_desktop.core.progress import Progress
from xshare_desktop.core.sharing.selection import Selection
from xshare_desktop.core.sharing.writer import PreparedShare, ShareOptions, share

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 27, 12, 0, 5, tzinfo=UTC)


def _karen() -> dict[str, Any]:
    return json.loads((ROOT / "samples" / "ips-karen-testesen.json").read_text(encoding="utf-8"))


class RecordingRenderer:
    """Stands in for the Qt renderer: the writer's contract is (prepared share, title) -> bytes."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, str]] = []

    def __call__(self, prepared: PreparedShare, title: str) -> bytes:
        self.calls.append((prepared.html, title, prepared.language))
        return b"%PDF-1.4 test"


def test_writes_json_and_pdf_with_neutral_names(tmp_path: Path) -> None:
    renderer = RecordingRenderer()
    result = share(
        _karen(),
        Selection(exclude=("section:10160-0",)),
        ShareOptions(formats=("fhir-json", "pdf")),
        tmp_path,
        pdf_renderer=renderer,
        now=NOW,
    )
    names = sorted(p.name for p in result.files)
    assert names == [
        "patient-summary-shared-20261127-120005.json",
        "patient-summary-shared-20261127-120005.pdf",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == names  # no temporary files left behind
    written = json.loads((tmp_path / names[0]).read_text(encoding="utf-8"))
    assert (
        written["resourceType"] == "Bundle"
        and written["entry"][-1]["resource"]["resourceType"] == "Provenance"
    )
    html, title, lang = renderer.calls[0]
    assert lang == "da" and title == written["entry"][0]["resource"]["title"]
    assert "Medicin" in html and "tilbageholdt af patienten" in html.lower()
    assert any(item.section_code == "10160-0" for item in result.left_out)


def test_never_overwrites_without_permission(tmp_path: Path) -> None:
    first = share(_karen(), Selection(), ShareOptions(), tmp_path, now=NOW)
    before = first.files[0].read_bytes()
    with pytest.raises(UserFacingError, match="already exists"):
        share(_karen(), Selection(exclude=("section:10160-0",)), ShareOptions(), tmp_path, now=NOW)
    assert first.files[0].read_bytes() == before
    again = share(
        _karen(),
        Selection(exclude=("section:10160-0",)),
        ShareOptions(overwrite=True),
        tmp_path,
        now=NOW,
    )
    assert again.files[0].read_bytes() != before


def test_pdf_needs_a_renderer_and_formats_are_checked(tmp_path: Path) -> None:
    with pytest.raises(UserFacingError, match="PDF"):
        share(_karen(), Selection(), ShareOptions(formats=("pdf",)), tmp_path)
    with pytest.raises(UserFacingError, match="Unknown format"):
        ShareOptions(formats=("docx",))
    with pytest.raises(UserFacingError, match="not offered"):
        ShareOptions(language="fr")
    assert not list(tmp_path.iterdir())


def test_cancelling_writes_nothing(tmp_path: Path) -> None:
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        share(_karen(), Selection(), ShareOptions(), tmp_path, progress)
    assert not list(tmp_path.iterdir())


def test_progress_is_reported(tmp_path: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    share(
        _karen(),
        Selection(),
        ShareOptions(pseudonymise=True, language="en"),
        tmp_path,
        Progress(lambda d, t, s: seen.append((d, t, s))),
    )
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1]
    assert len(seen) >= 5


def test_pseudonymised_file_names_and_contents_hold_no_name(tmp_path: Path) -> None:
    result = share(_karen(), Selection(), ShareOptions(pseudonymise=True), tmp_path, now=NOW)
    data = result.files[0].read_text(encoding="utf-8")
    assert "Testesen" not in data and "1203549996" not in data
    assert "testesen" not in result.files[0].name.lower()
    assert result.changes


@pytest.mark.parametrize(
    ("file_language", "stem"),
    [
        (None, "patient-summary-shared-20261127-120005"),
        ("en", "patient-summary-shared-20261127-120005"),
        ("da", "patientoversigt-delt-20261127-120005"),
    ],
)
def test_file_names_follow_the_persons_language(
    tmp_path: Path, file_language: str | None, stem: str
) -> None:
    """Issue #14 "Words": a Danish person's export was named patient-summary-shared-…"""
    result = share(
        _karen(),
        Selection(),
        ShareOptions(file_language=file_language),
        tmp_path,
        now=NOW,
    )
    assert [p.name for p in result.files] == [f"{stem}.json"]


def test_an_unknown_file_language_is_refused() -> None:
    with pytest.raises(UserFacingError, match="not offered"):
        ShareOptions(file_language="fr")
