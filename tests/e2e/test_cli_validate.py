"""`xshare validate` and `xshare packages` as a user runs them: the real CLI in a subprocess."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tarfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.unit.fake_registry import FakeRegistry

IPS_EXAMPLES = "hl7.fhir.uv.ips#2.0.0/package/example"


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "xshare_desktop", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture()
def minimal_ips(fhir_cache: Path, tmp_path: Path) -> Path:
    source = fhir_cache / IPS_EXAMPLES / "Bundle-bundle-minimal.json"
    copy = tmp_path / "minimal.json"
    copy.write_bytes(source.read_bytes())
    return copy


@pytest.fixture()
def broken_ips(minimal_ips: Path, tmp_path: Path) -> Path:
    """The minimal IPS, pretty-printed, with an impossible birth date (line known)."""
    bundle = json.loads(minimal_ips.read_text())
    patient = next(e for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient")
    patient["resource"]["birthDate"] = "1970-13-45"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(bundle, indent=2))
    return path


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def test_valid_document_exits_0(minimal_ips: Path) -> None:
    result = run_cli("validate", str(minimal_ips))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "minimal.json: passed against http://hl7.org/fhir/uv/ips/StructureDefinition" in (
        result.stdout
    )
    assert "0 errors" in result.stdout


def test_error_exits_1_with_location_and_line(broken_ips: Path) -> None:
    result = run_cli("validate", str(broken_ips))
    assert result.returncode == 1, result.stderr
    line = _line_of(broken_ips, "1970-13-45")
    assert f"broken.json:{line}:" in result.stdout
    assert "Bundle.entry[1].resource.birthDate" in result.stdout
    assert "FAILED" in result.stdout


def test_xml_input_is_read_and_located(tmp_path: Path, fhir_cache: Path) -> None:
    patient = tmp_path / "patient.xml"
    patient.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<Patient xmlns="http://hl7.org/fhir">\n'
        '  <text><status value="generated"/><div xmlns="http://www.w3.org/1999/xhtml">'
        "<table><thead><tr><th>Navn</th></tr></thead></table></div></text>\n"
        '  <birthDate value="1970-13-45"/>\n'
        "</Patient>\n"
    )
    result = run_cli("validate", str(patient))
    assert result.returncode == 1, result.stderr
    assert "patient.xml:4:3 error" in result.stdout


def test_json_junit_and_html_reports(minimal_ips: Path, broken_ips: Path, tmp_path: Path) -> None:
    as_json = run_cli("validate", str(minimal_ips), str(broken_ips), "--format", "json")
    assert as_json.returncode == 1
    bundle = json.loads(as_json.stdout)
    assert bundle["resourceType"] == "Bundle" and len(bundle["entry"]) == 2
    broken_outcome = bundle["entry"][1]["resource"]
    assert any(
        i["severity"] == "error" and i["expression"] == ["Bundle.entry[1].resource.birthDate"]
        for i in broken_outcome["issue"]
    )
    single = json.loads(run_cli("validate", str(minimal_ips), "--format", "json").stdout)
    assert single["resourceType"] == "OperationOutcome"

    junit_file = tmp_path / "out" / "report.xml"
    junit = run_cli(
        "validate",
        str(minimal_ips),
        str(broken_ips),
        "--format",
        "junit",
        "--output",
        str(junit_file),
    )
    assert junit.returncode == 1 and junit.stdout == ""
    suites = ET.parse(junit_file).getroot()
    clean, failing = suites.findall("testsuite")
    assert clean.get("failures") == "0"
    assert int(failing.get("failures") or 0) >= 1

    html_file = tmp_path / "report.html"
    page = run_cli("validate", str(broken_ips), "--format", "html", "--output", str(html_file))
    assert page.returncode == 1
    text = html_file.read_text()
    assert text.startswith("<!DOCTYPE html>") and "Patient (entry 2)" in text


def test_unreadable_input_and_usage_errors_exit_2(minimal_ips: Path, tmp_path: Path) -> None:
    truncated = tmp_path / "truncated.json"
    truncated.write_text('{"resourceType": "Bundle", "entry": [')
    result = run_cli("validate", str(minimal_ips), str(truncated))
    assert result.returncode == 2
    assert "truncated" in result.stderr and "Traceback" not in result.stderr
    assert "truncated.json:1:" in result.stdout  # still in the report, as a fatal issue
    missing = run_cli("validate", str(tmp_path / "nope.json"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    profile = run_cli("validate", str(minimal_ips), "--profile", "http://example.org/none")
    assert profile.returncode == 2 and "not in the installed packages" in profile.stderr
    ig = run_cli("validate", str(minimal_ips), "--ig", "example.absent#1.0.0")
    assert ig.returncode == 2 and "not installed" in ig.stderr
    usage = run_cli("validate", str(minimal_ips), "--format", "pdf")
    assert usage.returncode == 2


# -- packages --------------------------------------------------------------------------------


def _tgz(path: Path, name: str, version: str, deps: dict[str, str] | None = None) -> Path:
    manifest = json.dumps(
        {"name": name, "version": version, "fhirVersions": ["4.0.1"], "dependencies": deps or {}}
    ).encode()
    with tarfile.open(path, "w:gz") as archive:
        info = tarfile.TarInfo("package/package.json")
        info.size = len(manifest)
        archive.addfile(info, io.BytesIO(manifest))
    return path


def test_packages_list_shows_the_seeded_cache(fhir_cache: Path) -> None:
    result = run_cli("packages", "list")
    assert result.returncode == 0
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["NAME", "VERSION", "FHIR", "PATH"]
    assert any(r.split()[:3] == ["hl7.fhir.uv.ips", "2.0.0", "4.0.1"] for r in rows)
    assert any(str(fhir_cache / "hl7.fhir.r4.core#4.0.1") in r for r in rows)


def test_packages_install_file_and_folder(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    archive = _tgz(tmp_path / "a.tgz", "example.a", "1.0.0")
    result = run_cli("packages", "--cache", str(cache), "install", str(archive))
    assert result.returncode == 0, result.stderr
    assert (cache / "example.a#1.0.0" / "package" / "package.json").is_file()
    folder = tmp_path / "folder" / "package"
    folder.mkdir(parents=True)
    (folder / "package.json").write_text('{"name": "example.b", "version": "0.2.0"}')
    assert run_cli("packages", "--cache", str(cache), "install", str(folder.parent)).returncode == 0
    listing = run_cli("packages", "--cache", str(cache), "list").stdout
    assert "example.a" in listing and "example.b" in listing
    bad = tmp_path / "bad.tgz"
    bad.write_bytes(b"not a tarball")
    refused = run_cli("packages", "--cache", str(cache), "install", str(bad))
    assert refused.returncode == 2 and "not a readable FHIR package" in refused.stderr
    assert (
        run_cli("packages", "--cache", str(cache), "install", "no spaces allowed").returncode == 2
    )


@pytest.fixture()
def registry(tmp_path: Path) -> Iterator[FakeRegistry]:
    main = _tgz(tmp_path / "m.tgz", "example.main", "1.0.0", {"example.dep": "2.0.0"})
    dep = _tgz(tmp_path / "d.tgz", "example.dep", "2.1.0")
    packages = {
        "example.main": {"1.0.0": main.read_bytes()},
        "example.dep": {"2.1.0": dep.read_bytes()},
    }
    with FakeRegistry(packages) as server:
        yield server


def test_packages_install_from_a_registry(tmp_path: Path, registry: FakeRegistry) -> None:
    cache = tmp_path / "cache"
    result = run_cli(
        "packages",
        "--cache",
        str(cache),
        "install",
        "example.main#1.0.0",
        "--registry",
        registry.url,
    )
    assert result.returncode == 0, result.stderr
    assert "Installed example.main 1.0.0" in result.stdout
    assert "Installed example.dep 2.1.0" in result.stdout
    assert "nearest version 2.1.0" in result.stderr
    from_env = run_cli(
        "packages",
        "--cache",
        str(cache),
        "install",
        "example.missing#1.0.0",
        env={"XSHARE_FHIR_REGISTRIES": registry.url},
    )
    assert from_env.returncode == 2 and "not found in any registry" in from_env.stderr


def test_an_existing_report_is_not_replaced_without_force(
    minimal_ips: Path, tmp_path: Path
) -> None:
    """Issue 16 item 7: `--output existing.txt` replaced it silently; every other command
    refuses unless --force."""
    report = tmp_path / "existing.txt"
    report.write_text("my notes\n")
    refused = run_cli("validate", str(minimal_ips), "--output", str(report))
    assert refused.returncode == 2 and "--force" in refused.stderr
    assert report.read_text() == "my notes\n"
    replaced = run_cli("validate", str(minimal_ips), "--output", str(report), "--force")
    assert replaced.returncode == 0, replaced.stderr
    assert "my notes" not in report.read_text()


def test_eu_lab_example_passes_and_unreadable_input_is_not_checked(
    fhir_cache: Path, tmp_path: Path
) -> None:
    """Issue #11: the EU lab package is used like IPS (no --ig needed) and the verdict names
    the version used; a truncated file gets no "FAILED - 1 error" verdict, and exit code 2."""
    example = fhir_cache / (
        "hl7.fhir.eu.laboratory#0.2.0-ci/package/example/Bundle-SimpleChemistryResultReport.json"
    )
    result = run_cli("validate", str(example))
    assert result.returncode == 0, result.stdout + result.stderr
    assert (
        "passed against http://hl7.eu/fhir/laboratory/StructureDefinition/Bundle-eu-lab "
        "(version 0.2.0-ci)"
    ) in result.stdout
    truncated = tmp_path / "truncated.json"
    truncated.write_bytes(example.read_bytes()[:300])
    result = run_cli("validate", str(truncated))
    assert result.returncode == 2
    assert "truncated.json: NOT CHECKED - the file could not be read" in result.stdout
    assert "FAILED" not in result.stdout


def test_folder_is_validated_across_processes_with_serial_verdicts(
    minimal_ips: Path, broken_ips: Path, tmp_path: Path
) -> None:
    """Issue 18: `xshare validate DIR` checks the folder's files on every core; the report is
    the one `--jobs 1` gives (same verdicts, same order)."""
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(3):
        (folder / f"good-{n}.json").write_bytes(minimal_ips.read_bytes())
    (folder / "broken.json").write_bytes(broken_ips.read_bytes())
    pooled = run_cli("validate", "--jobs", "2", "--format", "json", str(folder))
    serial = run_cli("validate", "--jobs", "1", "--format", "json", str(folder))
    assert pooled.returncode == serial.returncode == 1, pooled.stderr + serial.stderr
    assert pooled.stdout == serial.stdout
    text = run_cli("validate", str(folder))
    assert "4 files checked, 1 with errors" in text.stdout


def test_bad_jobs_and_empty_folder_are_said_in_words(tmp_path: Path) -> None:
    """Bad input gives exit 2 and a message, never a traceback (conventions: errors have types)."""
    zero = run_cli("validate", "--jobs", "0", str(tmp_path))
    assert zero.returncode == 2 and "--jobs wants a whole number" in zero.stderr
    empty = run_cli("validate", str(tmp_path))
    assert empty.returncode == 2 and "holds no .json or .xml files" in empty.stderr
    assert "Traceback" not in zero.stderr + empty.stderr
