"""Content Creator tests: a folder of documents validated against the declared specification."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import orjson
import pytest

from xshare_desktop.core.errors import Cancelled, UserFacingError
from xshare_desktop.core.progress import Progress
from xshare_desktop.core.workbench.content_tests import (
    choose_specification,
    find_documents,
    validate_folder,
)
from xshare_desktop.core.workbench.results import Verdict
from xshare_desktop.core.workbench.specifications import availability, specification

GOOD = ("Bundle-bundle-minimal.json", "Bundle-IPS-examples-Bundle-01.json")


@pytest.fixture()
def docs(fhir_cache: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    examples = fhir_cache / "hl7.fhir.uv.ips#2.0.0" / "package" / "example"
    for name in GOOD:
        shutil.copy(examples / name, folder / name)
    return folder


def _break_birth_date(folder: Path) -> None:
    bundle = orjson.loads((folder / GOOD[0]).read_bytes())
    for entry in bundle["entry"]:
        if entry["resource"]["resourceType"] == "Patient":
            entry["resource"]["birthDate"] = "31-12-1970"
    (folder / "nested").mkdir()
    (folder / "nested" / "broken.json").write_bytes(orjson.dumps(bundle))


@pytest.mark.parametrize("executor", ["serial", "thread"])
def test_good_documents_pass(docs: Path, executor: str) -> None:
    run = validate_folder(docs, ["ips"], executor=executor)  # type: ignore[arg-type]
    assert [r.name for r in run.reports] == sorted(GOOD)
    assert all(case.verdict is Verdict.PASS for case in run.cases), run.cases
    assert run.ok and run.executor == executor


@pytest.mark.slow
def test_process_pool_gives_the_same_verdicts(docs: Path) -> None:
    _break_birth_date(docs)
    run = validate_folder(docs, ["ips"], executor="process", workers=2)
    verdicts = {r.name: r.ok for r in run.reports}
    assert verdicts == {GOOD[1]: True, GOOD[0]: True, "nested/broken.json": False}


def test_a_broken_document_fails_with_the_location(docs: Path) -> None:
    _break_birth_date(docs)
    (docs / "not-json.json").write_text("{ nope")
    run = validate_folder(docs, ["ips"], executor="thread")
    by_name = {r.name: r for r in run.reports}
    broken = by_name["nested/broken.json"].case()
    assert broken.verdict is Verdict.FAIL
    assert "birthDate" in broken.evidence
    assert by_name["nested/broken.json"].result.errors[0].line is not None
    unreadable = by_name["not-json.json"].case()
    assert unreadable.verdict is Verdict.FAIL and "not valid JSON" in unreadable.evidence
    assert not run.ok


def test_progress_reports_and_cancel_stops(docs: Path) -> None:
    seen: list[tuple[int, int]] = []
    validate_folder(
        docs, ["ips"], executor="serial", progress=Progress(lambda d, t, _: seen.append((d, t)))
    )
    assert seen[-1] == (2, 2)
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        validate_folder(docs, ["ips"], executor="thread", progress=progress)


def test_missing_package_and_empty_folder_are_plain_errors(
    fhir_cache_without: Any, tmp_path: Path
) -> None:
    fhir_cache_without("hl7.fhir.eu.laboratory")
    with pytest.raises(UserFacingError, match="no FHIR documents"):
        find_documents(tmp_path)
    (tmp_path / "a.json").write_text("{}")
    with pytest.raises(UserFacingError, match="not installed"):
        validate_folder(tmp_path, ["eu-lab"])
    installed = {item.spec.spec_id: item.installed for item in availability()}
    assert installed["ips"] and not installed["eu-lab"]


def test_the_document_picks_among_declared_specifications() -> None:
    ips, lab = specification("ips"), specification("eu-lab")
    lab_doc = {
        "resourceType": "Bundle",
        "type": "document",
        "entry": [
            {
                "resource": {
                    "resourceType": "Composition",
                    "type": {"coding": [{"system": "http://loinc.org", "code": "11502-2"}]},
                }
            }
        ],
    }
    assert choose_specification(lab_doc, [ips, lab]) is lab
    assert choose_specification({"meta": {"profile": [ips.profile]}}, [lab, ips]) is ips
    assert isinstance(choose_specification({"resourceType": "Patient"}, [ips, lab]), str)


def test_auto_executor_uses_processes_only_with_many_documents_and_cores(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from xshare_desktop.core.workbench import content_tests

    monkeypatch.setattr(content_tests.os, "cpu_count", lambda: 8)
    assert content_tests.choose_executor("auto", 1) == "serial"
    assert content_tests.choose_executor("auto", 10) == "thread"
    assert content_tests.choose_executor("auto", 100) == "process"
    monkeypatch.setattr(content_tests.os, "cpu_count", lambda: 2)
    assert content_tests.choose_executor("auto", 100) == "thread"
    assert content_tests.choose_executor("serial", 100) == "serial"
