"""`xshare share` as a person runs it: the real CLI, real files, the PDF's text read back."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xshare_desktop.core.sharing.leakcheck import all_values, find_leaks, narrative_text
from xshare_desktop.core.sharing.narrative import template_vocabulary

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
VOCABULARY = template_vocabulary()


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "xshare_desktop", *args], capture_output=True, text=True, timeout=120
    )


def pdf_text(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


def pdf_metadata(path: Path) -> str:
    done = subprocess.run(
        ["pdfinfo", "-enc", "UTF-8", str(path)], capture_output=True, text=True, check=True
    )
    return done.stdout


def _share(sample: str, out: Path, *args: str) -> tuple[dict[str, Any], list[Path], str]:
    result = run_cli(
        "share", str(SAMPLES / sample), "--format", "fhir-json,pdf", "--out", str(out), *args
    )
    assert result.returncode == 0, result.stderr
    files = sorted(out.iterdir())
    assert [p.suffix for p in files] == [".json", ".pdf"]
    document = json.loads(files[0].read_text(encoding="utf-8"))
    return document, files, result.stdout


def _texts(document: dict[str, Any], files: list[Path]) -> list[str]:
    return [
        all_values(document),
        narrative_text(document),
        pdf_text(files[1]),
        pdf_metadata(files[1]),
        *(p.name for p in files),
    ]


def test_share_prints_what_it_wrote_and_left_out(tmp_path: Path) -> None:
    original = json.loads((SAMPLES / "ips-karen-testesen.json").read_text(encoding="utf-8"))
    document, files, stdout = _share(
        "ips-karen-testesen.json",
        tmp_path,
        "--exclude",
        "section:10160-0",
        "--exclude",
        "Patient.telecom",
        "--language",
        "en",
    )
    assert f"wrote {files[0]}" in stdout and f"wrote {files[1]}" in stdout
    assert (
        "left out:" in stdout and "metformin" in stdout.lower()
    )  # the person sees what stays home
    text = pdf_text(files[1])
    assert "Withheld by the patient" in text and "Page 1 of" in text
    assert not find_leaks(original, document, _texts(document, files), VOCABULARY)


def test_pdf_renders_danish_letters_and_page_numbers(tmp_path: Path) -> None:
    _, files, _ = _share("ips-emil-proevesen.json", tmp_path)
    text = pdf_text(files[1])
    assert "Prøvesen" in text and "Side 1 af" in text and "Vaccinationer" in text
    assert "Title:           Patientresumé" in pdf_metadata(files[1])


def test_pseudonymised_pdf_and_json_hold_no_direct_identifier(tmp_path: Path) -> None:
    document, files, stdout = _share("ips-bent-eksempelsen.json", tmp_path, "--pseudonymise")
    haystack = "\n".join(_texts(document, files)).casefold()
    for secret in (
        "bent",
        "eksempelsen",
        "0211469991",
        "021146-9991",
        "99 11 22 05",
        "ældrevej",
        "1946-11-02",
        "02.11.1946",
        "hanne",
    ):
        assert secret not in haystack, secret
    assert "pseudonymised:" in stdout


def test_bad_input_and_unknown_selectors_exit_2(tmp_path: Path) -> None:
    sample = str(SAMPLES / "ips-karen-testesen.json")
    for args, words in (
        (["--exclude", "section:99999-9"], "section:99999-9"),
        (["--exclude", "Condition/does-not-exist"], "Condition/does-not-exist"),
        (["--exclude", "Patient.shoeSize"], "Patient.shoeSize"),
        (["--include", "Patient.address"], "Patient.address"),
        (["--format", "docx"], "docx"),
    ):
        result = run_cli("share", sample, "--out", str(tmp_path), *args)
        assert result.returncode == 2, (args, result.stderr)
        assert words in result.stderr
    missing = run_cli("share", str(tmp_path / "nope.json"), "--out", str(tmp_path))
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    assert not list(tmp_path.iterdir())


def test_existing_files_are_not_overwritten_without_overwrite(tmp_path: Path) -> None:
    # occupy every name the next half minute could produce
    start = datetime.now(UTC)
    names = [
        f"patient-summary-shared-{start + timedelta(seconds=s):%Y%m%d-%H%M%S}.json"
        for s in range(-2, 30)
    ]
    for name in names:
        (tmp_path / name).write_text("the person's own file", encoding="utf-8")
    sample = str(SAMPLES / "ips-sofie-eksempelsen.json")
    refused = run_cli("share", sample, "--out", str(tmp_path))
    assert refused.returncode == 2 and "already exists" in refused.stderr
    assert all((tmp_path / n).read_text(encoding="utf-8") == "the person's own file" for n in names)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)  # no partial files
    replaced = run_cli("share", sample, "--out", str(tmp_path), "--overwrite")
    assert replaced.returncode == 0, replaced.stderr
    assert sum((tmp_path / n).read_text(encoding="utf-8").startswith("{") for n in names) == 1


SECTIONS = [
    "section:10160-0",
    "section:11450-4",
    "section:30954-2",
    "section:11369-6",
    "section:8716-3",
]


@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    sample=st.sampled_from(
        ["ips-karen-testesen.json", "ips-sofie-eksempelsen.json", "ips-bent-eksempelsen.json"]
    ),
    excluded=st.lists(st.sampled_from(SECTIONS), min_size=1, max_size=3, unique=True),
    fields=st.lists(
        st.sampled_from(
            ["Patient.address", "Patient.telecom", "Condition.note", "Patient.contact"]
        ),
        max_size=2,
    ),
    language=st.sampled_from(["da", "en"]),
)
def test_random_selections_leak_nothing_into_the_pdf(
    tmp_path_factory: Any, sample: str, excluded: list[str], fields: list[str], language: str
) -> None:
    out = tmp_path_factory.mktemp("share")
    original = json.loads((SAMPLES / sample).read_text(encoding="utf-8"))
    codes = {s["code"]["coding"][0]["code"] for s in original["entry"][0]["resource"]["section"]}
    args = [a for s in excluded if s.split(":")[1] in codes for a in ("--exclude", s)]
    args += [a for f in fields for a in ("--exclude", f)]
    document, files, _ = _share(sample, out, *args, "--language", language)
    leaks = find_leaks(original, document, _texts(document, files), VOCABULARY)
    assert not leaks, f"{sample} {args}: {leaks[:5]}"
