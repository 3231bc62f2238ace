"""`xshare show` as a user runs it: the real CLI in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "xshare_desktop", *args], capture_output=True, text=True, timeout=120
    )


def test_show_every_sample_as_text_and_json() -> None:
    samples = sorted(SAMPLES.glob("*.json"))
    assert samples, "samples/ must hold documents"
    for sample in samples:
        text = run_cli("show", str(sample))
        assert text.returncode == 0, text.stderr
        assert "Patient:" in text.stdout
        as_json = run_cli("show", str(sample), "--format", "json", "--language", "da")
        assert as_json.returncode == 0, as_json.stderr
        shown = json.loads(as_json.stdout)
        assert shown["sections"], sample.name
        assert all(s["title"] for s in shown["sections"])


def test_show_refuses_bad_input_with_exit_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"resourceType": "Bundle", "type": "document", "entry": [')
    result = run_cli("show", str(broken))
    assert result.returncode == 2
    assert "truncated" in result.stderr
    assert "Traceback" not in result.stderr
    missing = run_cli("show", str(tmp_path / "nope.json"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr


def test_the_xml_sample_reads_like_its_json_twin(fhir_cache: Path) -> None:
    # reading FHIR XML needs the R4 definitions (element types and order) from the package cache
    xml = SAMPLES / "xml" / "ips-bent-eksempelsen.xml"
    as_xml = run_cli("show", str(xml), "--language", "da")
    as_json = run_cli("show", str(SAMPLES / "ips-bent-eksempelsen.json"), "--language", "da")
    assert as_xml.returncode == 0, as_xml.stderr
    assert as_xml.stdout == as_json.stdout


def test_show_speaks_danish_when_asked() -> None:
    shown = run_cli("show", str(SAMPLES / "ips-emil-proevesen.json"), "--language", "da")
    assert shown.returncode == 0, shown.stderr
    assert "Patient: Emil Prøvesen, født 4. maj 2016, mand" in shown.stdout
    assert "· 1 oplysning\n" in shown.stdout
