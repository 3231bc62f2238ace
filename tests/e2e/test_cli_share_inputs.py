"""`xshare share` on every input we have: shared (exit 0) or refused in words (exit 2), never a
crash (exit 70). Issue 12: "No input in tests/ or samples/ makes `share` exit 70"."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_cli_share import run_cli

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
INPUTS = sorted(p for p in SAMPLES.rglob("*") if p.suffix in (".json", ".xml"))
LAB_EXAMPLES = "hl7.fhir.eu.laboratory#0.2.0-ci/package/example"
Doc = dict[str, Any]


def _nested_coding(doc: Doc) -> None:
    condition = next(
        e["resource"] for e in doc["entry"] if e["resource"]["resourceType"] == "Condition"
    )
    condition["code"]["coding"] = [condition["code"]["coding"]]  # a list inside a list


def _section_coding_not_a_list(doc: Doc) -> None:
    doc["entry"][0]["resource"]["section"][0]["code"]["coding"] = {"code": 5}


def _reference_is_an_object(doc: Doc) -> None:
    section = doc["entry"][0]["resource"]["section"][0]
    section["entry"][0]["reference"] = {"reference": section["entry"][0]["reference"]}


def _no_author(doc: Doc) -> None:
    del doc["entry"][0]["resource"]["author"]


def _text_is_a_number(doc: Doc) -> None:
    doc["entry"][1]["resource"]["text"] = 7


BROKEN: dict[str, Callable[[Doc], None]] = {
    "nested coding": _nested_coding,
    "section coding not a list": _section_coding_not_a_list,
    "reference is an object": _reference_is_an_object,
    "no author": _no_author,
    "text is a number": _text_is_a_number,
}


def _assert_shared_or_refused(path: Path, out: Path, *extra: str) -> int:
    result = run_cli("share", str(path), "--out", str(out), *extra)
    assert result.returncode in (0, 2), f"{path.name}: exit {result.returncode}\n{result.stderr}"
    assert "Traceback" not in result.stderr, result.stderr
    if result.returncode == 2:
        assert result.stderr.strip(), f"{path.name}: refused without a word"
    return result.returncode


@pytest.mark.parametrize("path", INPUTS, ids=[str(p.relative_to(SAMPLES)) for p in INPUTS])
def test_every_sample_is_shared_or_refused_in_words(path: Path, tmp_path: Path) -> None:
    code = _assert_shared_or_refused(path, tmp_path / "out")
    if "broken" not in path.parts and path.suffix == ".json":
        assert code == 0, f"{path.name} is a good sample and must be shared"


def test_the_lab_examples_share_with_a_pdf(fhir_cache: Path, tmp_path: Path) -> None:
    for path in sorted((fhir_cache / LAB_EXAMPLES).glob("Bundle-*.json")):
        out = tmp_path / path.stem
        assert _assert_shared_or_refused(path, out, "--format", "fhir-json,pdf") == 0


@pytest.mark.parametrize("defect", list(BROKEN))
def test_broken_documents_are_refused_with_exit_2(defect: str, tmp_path: Path) -> None:
    doc = json.loads((SAMPLES / "ips-bent-eksempelsen.json").read_text(encoding="utf-8"))
    BROKEN[defect](doc)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert _assert_shared_or_refused(path, tmp_path / "out") == 2
    assert _assert_shared_or_refused(path, tmp_path / "out", "--pseudonymise") == 2


def test_the_lab_comment_is_shared_as_written_and_pseudonymised_says_why(tmp_path: Path) -> None:
    """Issue 12: the CLI no longer drops a lab report's comment section "to be safe": it is
    shared as written; under pseudonymisation it is left out with the true reason."""
    sample = SAMPLES / "eu-lab-karen-testesen.json"
    plain = run_cli("share", str(sample), "--out", str(tmp_path / "plain"))
    assert plain.returncode == 0, plain.stderr
    assert "left out: nothing" in plain.stdout
    [written] = list((tmp_path / "plain").iterdir())
    titles = [
        s["title"] for s in json.loads(written.read_text())["entry"][0]["resource"]["section"]
    ]
    assert "Kommentar" in titles
    hidden = run_cli("share", str(sample), "--pseudonymise", "--out", str(tmp_path / "pseudo"))
    assert hidden.returncode == 0, hidden.stderr
    assert "Section Kommentar: it is free text written by a person" in hidden.stdout
    assert "pseudonymisation cannot check free text" in hidden.stdout
    assert "you chose" not in hidden.stdout
