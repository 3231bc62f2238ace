"""`xshare label` as a vendor's CI runs it: the real CLI, our own link host on 127.0.0.1."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "xshare_desktop", *args],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=ROOT,
    )


@pytest.fixture()
def good_docs(fhir_cache: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    examples = fhir_cache / "hl7.fhir.uv.ips#2.0.0" / "package" / "example"
    for name in ("Bundle-bundle-minimal.json", "Bundle-bundle-ips-all-sections.json"):
        shutil.copy(examples / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def test_link_table(
    fhir_cache: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Any]]:
    """`xshare label serve-test-links --json` running for the whole module."""
    example = fhir_cache / "hl7.fhir.uv.ips#2.0.0/package/example/Bundle-bundle-minimal.json"
    env = {
        **os.environ,
        "XSHARE_DATA_DIR": str(tmp_path_factory.mktemp("serve-data")),
        "XSHARE_FHIR_CACHE": str(fhir_cache),
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "xshare_desktop",
            "label",
            "serve-test-links",
            "--json",
            "--document",
            str(example),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line:
            pytest.fail(
                f"serve-test-links did not start: {process.stderr.read() if process.stderr else ''}"
            )
        table = json.loads(line)
        assert table["baseUrl"].startswith("http://127.0.0.1:")
        yield {link["id"]: link for link in table["links"]}
    finally:
        process.terminate()
        process.wait(timeout=20)


def _check_link(
    link: dict[str, Any], out: Path
) -> tuple[subprocess.CompletedProcess[str], dict[str, Any]]:
    args = ["label", "check", "--shl", link["uri"], "--out", str(out), "--no-pdf"]
    if link["passcode"]:
        args += ["--passcode", link["passcode"]]
    result = run_cli(*args)
    summary = (
        json.loads((out / "evidence.json").read_text()) if (out / "evidence.json").exists() else {}
    )
    return result, summary


def _failed_ids(summary: dict[str, Any]) -> set[str]:
    return {
        case["id"]
        for link in summary["links"]
        for case in link["cases"] + link["documents"]
        if case["verdict"] == "fail"
    }


def test_docs_folder_passes_with_a_full_pack(good_docs: Path, tmp_path: Path) -> None:
    out = tmp_path / "pack"
    result = run_cli("label", "check", "--spec", "ips", "--docs", str(good_docs), "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("PASS: 2 passed, 0 failed")
    assert (out / "evidence.pdf").read_bytes().startswith(b"%PDF")
    summary = json.loads((out / "evidence.json").read_text())
    assert summary["verdict"] == "pass"
    assert [d["verdict"] for d in summary["content"]["documents"]] == ["pass", "pass"]


def test_a_broken_document_fails_the_check(good_docs: Path, tmp_path: Path) -> None:
    bundle = json.loads((good_docs / "Bundle-bundle-minimal.json").read_text())
    bundle["type"] = "collection"
    (good_docs / "broken.json").write_text(json.dumps(bundle))
    out = tmp_path / "pack"
    result = run_cli("label", "check", "--docs", str(good_docs), "--out", str(out), "--no-pdf")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "FAIL content.broken.json" in result.stdout
    junit = (out / "junit.xml").read_text()
    assert 'failures="1"' in junit


def test_bad_input_exits_2(tmp_path: Path, fhir_cache_without: Any) -> None:
    fhir_cache_without("hl7.fhir.eu.laboratory")
    nothing = run_cli("label", "check", "--out", str(tmp_path / "a"))
    assert nothing.returncode == 2 and "Nothing to check" in nothing.stderr
    unknown = run_cli(
        "label", "check", "--spec", "xyz", "--docs", str(tmp_path), "--out", str(tmp_path / "b")
    )
    assert unknown.returncode == 2 and "not a content specification" in unknown.stderr
    missing = run_cli(
        "label", "check", "--spec", "eu-lab", "--docs", str(tmp_path), "--out", str(tmp_path / "c")
    )
    assert missing.returncode == 2 and "not installed" in missing.stderr
    bad_declaration = tmp_path / "declaration.json"
    bad_declaration.write_text('{"format": "xshare-label-declaration", "product": {"name": "X"}}')
    declared = run_cli(
        "label",
        "check",
        "--declaration",
        str(bad_declaration),
        "--docs",
        str(tmp_path),
        "--out",
        str(tmp_path / "d"),
    )
    assert declared.returncode == 2 and "no feature" in declared.stderr
    assert "Traceback" not in nothing.stderr + unknown.stderr + missing.stderr + declared.stderr


def test_template_declaration_drives_a_check(good_docs: Path, tmp_path: Path) -> None:
    template = run_cli("label", "declaration", "--template")
    assert template.returncode == 0
    body = json.loads(template.stdout)
    body["content"] = {"patient-summary": {"specifications": ["ips"], "formats": ["fhir-document"]}}
    body["features"] = ["download"]
    body["roles"] = ["yb-provider"]
    body["processingOptions"] = {"download": {"provider": ["select-data-group"]}}
    declaration = tmp_path / "declaration.json"
    declaration.write_text(json.dumps(body))
    out = tmp_path / "pack"
    result = run_cli(
        "label",
        "check",
        "--declaration",
        str(declaration),
        "--docs",
        str(good_docs),
        "--out",
        str(out),
        "--no-pdf",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    summary = json.loads((out / "evidence.json").read_text())
    assert summary["declaration"]["product"]["name"] == "Your product name"
    cell = summary["conformanceStatement"]["rows"][0]["cells"]["download/provider"]["fhir-document"]
    assert cell["status"] == "passed"


def test_a_good_link_passes(test_link_table: dict[str, Any], tmp_path: Path) -> None:
    result, summary = _check_link(test_link_table["valid"], tmp_path / "pack")
    assert result.returncode == 0, result.stdout + result.stderr
    assert _failed_ids(summary) == set()
    assert test_link_table["valid"]["uri"].split("shlink:/")[1] not in json.dumps(summary)


@pytest.mark.parametrize(
    ("variant", "failing_case"),
    [
        ("wrong-content-type", "shl.manifest.content-type"),
        ("flags-out-of-order", "shl.payload.flag-order"),
        ("long-label", "shl.payload.label"),
        ("bad-jwe", "shl.jwe.decrypt"),
    ],
)
def test_broken_links_fail_the_right_case(
    test_link_table: dict[str, Any], tmp_path: Path, variant: str, failing_case: str
) -> None:
    result, summary = _check_link(test_link_table[variant], tmp_path / "pack")
    assert result.returncode == 1, result.stdout + result.stderr
    assert _failed_ids(summary) == {failing_case}
    assert f"FAIL {failing_case}" in result.stdout


def test_passcode_link_needs_the_passcode(test_link_table: dict[str, Any], tmp_path: Path) -> None:
    link = dict(test_link_table["passcode"], passcode=None)
    result, _summary = _check_link(link, tmp_path / "pack")
    assert result.returncode == 2 and "--passcode" in result.stderr


def test_consumer_results_count_as_vendor_reported_cases(tmp_path: Path, fhir_cache: Path) -> None:
    ticks = tmp_path / "ticks.json"
    ticks.write_text(json.dumps({"valid": "pass", "bad-jwe": "pass", "oversized": "not-checked"}))
    ok = run_cli(
        "label", "check", "--consumer-results", str(ticks), "--out", str(tmp_path / "a"), "--no-pdf"
    )
    assert ok.returncode == 0, ok.stdout + ok.stderr
    summary = json.loads((tmp_path / "a" / "evidence.json").read_text())
    verdicts = {case["id"]: case["verdict"] for case in summary["consumer"]}
    assert (
        verdicts["consumer.valid"] == "pass" and verdicts["consumer.oversized"] == "not-applicable"
    )
    ticks.write_text(json.dumps({"valid": "pass", "bad-jwe": "fail"}))
    failing = run_cli(
        "label", "check", "--consumer-results", str(ticks), "--out", str(tmp_path / "b"), "--no-pdf"
    )
    assert failing.returncode == 1 and "FAIL consumer.bad-jwe" in failing.stdout
    ticks.write_text(json.dumps({"teleport": "pass"}))
    bad = run_cli("label", "check", "--consumer-results", str(ticks), "--out", str(tmp_path / "c"))
    assert bad.returncode == 2 and "not one of the consumer test links" in bad.stderr
