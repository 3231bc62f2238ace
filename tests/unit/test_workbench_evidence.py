"""The evidence pack: files, hashes, signatures, the conformance statement and JUnit."""

from __future__ import annotations

import hashlib
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import orjson
import pytest

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.workbench.content_tests import validate_folder
from xshare_desktop.core.workbench.declaration import (
    declaration_for_run,
    declaration_from_dict,
    template,
)
from xshare_desktop.core.workbench.evidence import write_evidence_pack
from xshare_desktop.core.workbench.evidence_html import render_evidence_html
from xshare_desktop.core.workbench.evidence_pack import EvidencePack
from xshare_desktop.core.workbench.statement import content_matrix


@pytest.fixture()
def pack(fhir_cache: Path, tmp_path: Path) -> EvidencePack:
    docs = tmp_path / "docs"
    docs.mkdir()
    example = fhir_cache / "hl7.fhir.uv.ips#2.0.0/package/example/Bundle-bundle-minimal.json"
    shutil.copy(example, docs / "good.json")
    (docs / "bad.json").write_text('{"resourceType": "Bundle"')
    return EvidencePack(
        declaration_for_run(["ips"], sharing=False),
        validate_folder(docs, ["ips"], executor="serial"),
    )


def test_pack_files_are_listed_with_their_hashes(pack: EvidencePack, tmp_path: Path) -> None:
    out = tmp_path / "out"
    written = write_evidence_pack(
        pack, out, pdf_renderer=lambda html, title: b"%PDF-1.4 " + title.encode()
    )
    names = {p.relative_to(out).as_posix() for p in written}
    assert {
        "evidence.json",
        "evidence.html",
        "evidence.pdf",
        "junit.xml",
        "declaration.json",
    } <= names
    assert "reports/good.json.html" in names and "reports/good.json.outcome.json" in names
    summary = orjson.loads((out / "evidence.json").read_bytes())
    assert summary["verdict"] == "fail"
    assert summary["tally"] == {"passed": 1, "failed": 1, "notApplicable": 0}
    for item in summary["files"]:
        assert hashlib.sha256((out / item["path"]).read_bytes()).hexdigest() == item["sha256"]
    row = summary["conformanceStatement"]["rows"][0]
    assert row["cells"]["download/provider"]["fhir-document"]["status"] == "failed"
    assert not list(out.rglob("*.jws"))


def test_signer_signs_every_file_and_unsigned_rerun_drops_them(
    pack: EvidencePack, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    written = write_evidence_pack(pack, out, signer=lambda data, media: f"sig-{len(data)}-{media}")
    signed = [p for p in written if p.suffix == ".jws"]
    assert len(signed) == len(written) // 2
    assert (out / "evidence.json.jws").read_text().endswith("application/json")
    write_evidence_pack(pack, out)
    assert not list(out.rglob("*.jws"))


def test_real_signature_verifies(pack: EvidencePack, tmp_path: Path) -> None:
    from xshare_desktop.core.signing import create_identity, sign_bytes
    from xshare_desktop.core.signing.jws import verify_detached

    identity = create_identity("Vendor QA", "correct horse battery", use_demo_ca=True)
    out = tmp_path / "out"
    write_evidence_pack(pack, out, signer=lambda data, media: sign_bytes(data, identity, media))
    token = (out / "evidence.json.jws").read_text()
    assert verify_detached((out / "evidence.json").read_bytes(), token).intact
    assert not verify_detached((out / "junit.xml").read_bytes(), token).intact


def test_a_folder_with_other_files_is_refused(pack: EvidencePack, tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("keep me")
    with pytest.raises(UserFacingError, match="not empty"):
        write_evidence_pack(pack, tmp_path)
    assert (tmp_path / "mine.txt").read_text() == "keep me"


def test_html_is_self_contained_and_junit_parses(pack: EvidencePack, tmp_path: Path) -> None:
    page = render_evidence_html(pack)
    assert "<script" not in page and "http://" not in page.split("</head>")[1].replace(
        "http://hl7.org", ""
    )
    assert 'href="reports/good.json.html"' in page
    write_evidence_pack(pack, tmp_path / "out")
    suites = ET.parse(tmp_path / "out" / "junit.xml").getroot()
    assert suites.get("failures") == "1" and suites.get("tests") == "2"


def test_statement_marks_what_the_workbench_cannot_test(pack: EvidencePack) -> None:
    declaration = declaration_from_dict(template())
    matrix = content_matrix(declaration, pack.content, [])
    summary = matrix["patient-summary"]
    assert summary["download/provider"]["pdf"].status == "self-assessed"
    assert summary["one-time-share/consumer"]["fhir-document"].status == "self-assessed"
    assert summary["one-time-share/provider"]["fhir-document"].status == "not-tested"
    assert matrix["eprescription"]["download/provider"]["fhir-document"].status == "not-claimed"


def test_consumer_column_passes_only_when_every_test_link_was_checked(pack: EvidencePack) -> None:
    from xshare_desktop.core.workbench.consumer_results import CONSUMER_TESTS, consumer_cases
    from xshare_desktop.core.workbench.results import Verdict

    declaration = declaration_from_dict(template())

    def cell(ticks: dict[str, Verdict]) -> str:
        matrix = content_matrix(declaration, pack.content, [], consumer_cases(ticks))
        return matrix["patient-summary"]["one-time-share/consumer"]["fhir-document"].status

    assert cell({"valid": Verdict.PASS}) == "self-assessed"
    assert cell(dict.fromkeys(CONSUMER_TESTS, Verdict.PASS)) == "passed"
    assert cell({"valid": Verdict.PASS, "bad-jwe": Verdict.FAIL}) == "failed"
