"""Validating many files at once (issue 18): a process pool gives each file the serial verdict.

Issue 18: "Validating many files (`xshare validate DIR` or many paths) uses every core". The rule
for verdicts is the one the whole validator keeps: the same file gets the same issues however it
is checked (docs/validation.md); only the wall time may differ.
"""

from __future__ import annotations

import json
import pickle
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fhir_packages import ConformanceContext
from xshare_desktop.core.json_positions import json_positions
from xshare_desktop.core.validation import checking
from xshare_desktop.core.validation.checking import (
    check_files,
    check_files_in_parallel,
    expand_sources,
)
from xshare_desktop.core.validation.engine import Validator
from xshare_desktop.core.validation.issues import ValidationResult

IPS_EXAMPLES = "hl7.fhir.uv.ips#2.0.0/package/example"


@pytest.fixture(scope="module")
def context(fhir_cache: Path) -> ConformanceContext:
    return ConformanceContext.load(cache=fhir_cache)


@pytest.fixture()
def folder(fhir_cache: Path, tmp_path: Path) -> Path:
    """Examples that pass, one with a defect, one that is not JSON, in a nested folder."""
    root = tmp_path / "documents"
    (root / "nested").mkdir(parents=True)
    examples = fhir_cache / IPS_EXAMPLES
    for name in (
        "Bundle-bundle-minimal.json",
        "Bundle-bundle-ips-all-sections.json",
        "Patient-eumfh-39-07.json",
    ):
        shutil.copy(examples / name, root / name)
    broken = json.loads((examples / "Bundle-bundle-minimal.json").read_text())
    patient = next(e for e in broken["entry"] if e["resource"]["resourceType"] == "Patient")
    patient["resource"]["birthDate"] = "1970-13-45"  # date format (FHIR R4 datatypes 2.24.0.4)
    (root / "nested" / "broken.json").write_text(json.dumps(broken, indent=2))
    (root / "nested" / "cut.json").write_text('{"resourceType": "Bundle", "entry": [')
    (root / ".hidden").mkdir()
    (root / ".hidden" / "skipped.json").write_text("{}")
    (root / "notes.txt").write_text("not a FHIR file")
    return root


def _verdict(result: ValidationResult) -> ValidationResult:
    return replace(result, duration_s=0.0)


def test_pool_gives_the_serial_verdicts_in_input_order(
    context: ConformanceContext, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = expand_sources([str(folder)])
    validator = Validator(context)
    serial = check_files(files, context, validator)
    pools: list[int] = []

    class CountedPool(checking.ProcessPoolExecutor):
        def __init__(self, *args: object, **kwargs: object) -> None:
            pools.append(1)
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(checking, "ProcessPoolExecutor", CountedPool)
    parallel = check_files_in_parallel(files, context, validator, jobs=2)
    assert pools == [1], "the files were checked in this process, not in a pool"
    assert [c.result.file for c in parallel.checks] == files
    assert [_verdict(c.result) for c in parallel.checks] == [
        _verdict(c.result) for c in serial.checks
    ]
    assert [c.unreadable for c in parallel.checks] == [c.unreadable for c in serial.checks]
    assert parallel.any_errors and parallel.any_unreadable
    broken = parallel.checks[files.index(str(folder / "nested" / "broken.json"))]
    assert any(i.expression.endswith("birthDate") for i in broken.result.errors)
    assert broken.document is not None and broken.document.resource["resourceType"] == "Bundle"


def test_one_job_or_one_file_runs_here(
    context: ConformanceContext, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pool was started")

    monkeypatch.setattr(checking, "ProcessPoolExecutor", no_pool)
    files = expand_sources([str(folder)])
    validator = Validator(context)
    assert len(check_files_in_parallel(files, context, validator, jobs=1).checks) == len(files)
    one = check_files_in_parallel(files[:1], context, validator, jobs=4)
    assert len(one.checks) == 1


def test_unknown_profile_is_said_before_any_worker_starts(
    context: ConformanceContext, folder: Path
) -> None:
    files = expand_sources([str(folder)])
    with pytest.raises(UserFacingError, match="not in the installed packages"):
        check_files_in_parallel(
            files, context, Validator(context), profile="http://example.org/nope", jobs=2
        )


def test_folders_expand_to_their_fhir_files_sorted(folder: Path, tmp_path: Path) -> None:
    extra = tmp_path / "single.json"
    extra.write_text("{}")
    found = expand_sources([str(folder), str(extra)])
    assert found == [
        str(folder / n)
        for n in (
            "Bundle-bundle-ips-all-sections.json",
            "Bundle-bundle-minimal.json",
            "Patient-eumfh-39-07.json",
            "nested/broken.json",
            "nested/cut.json",
        )
    ] + [str(extra)]
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(UserFacingError, match=r"holds no \.json or \.xml files"):
        expand_sources([str(empty)])


def test_positions_survive_the_trip_between_processes() -> None:
    data = b'\xef\xbb\xbf{\n  "resourceType": "Patient",\n  "birthDate": "x"\n}'
    positions = json_positions(data)
    copied = pickle.loads(pickle.dumps(positions))
    assert dict(copied) == dict(positions)
    assert copied["Patient.birthDate"] == positions["Patient.birthDate"]
