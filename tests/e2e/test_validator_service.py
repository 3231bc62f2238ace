"""`xshare validator serve`: FHIR $validate over HTTP (issue 17), as a vendor's CI would call it.

FHIR R4 Resource-validate: POST [base]/$validate or [base]/{type}/$validate with the resource or a
Parameters (resource, profile); the answer is an OperationOutcome.
"""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = "hl7.fhir.uv.ips#2.0.0/package/example"


@pytest.fixture(scope="module")
def service(fhir_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    env = {
        **os.environ,
        "XSHARE_FHIR_CACHE": str(fhir_cache),
        "XSHARE_DATA_DIR": str(tmp_path_factory.mktemp("validator-data")),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "xshare_desktop", "validator", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        if "http://127.0.0.1:" not in line:
            pytest.fail(
                f"the validator did not start: {line} {process.stderr.read() if process.stderr else ''}"
            )
        yield int(line.split("http://127.0.0.1:")[1].split("/")[0])
    finally:
        process.terminate()
        process.wait(timeout=20)


def _post(
    port: int, path: str, body: bytes, content_type: str = "application/fhir+json"
) -> tuple[int, dict[str, Any]]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("POST", path, body=body, headers={"Content-Type": content_type})
    answer = connection.getresponse()
    data = json.loads(answer.read())
    connection.close()
    return answer.status, data


def _errors(outcome: dict[str, Any]) -> list[dict[str, Any]]:
    return [i for i in outcome["issue"] if i["severity"] in ("error", "fatal")]


def test_a_valid_ips_example_has_no_errors(service: int, fhir_cache: Path) -> None:
    body = (fhir_cache / EXAMPLES / "Bundle-bundle-ips-all-sections.json").read_bytes()
    status, outcome = _post(service, "/$validate", body)
    assert status == 200 and outcome["resourceType"] == "OperationOutcome"
    assert _errors(outcome) == []
    status, outcome = _post(service, "/Bundle/$validate", body)
    assert status == 200 and _errors(outcome) == []


def test_an_error_is_reported_with_its_location(service: int, fhir_cache: Path) -> None:
    patient = json.loads((fhir_cache / EXAMPLES / "Bundle-bundle-minimal.json").read_text())
    for entry in patient["entry"]:
        if entry["resource"]["resourceType"] == "Patient":
            entry["resource"]["birthDate"] = "1970-13-45"
    status, outcome = _post(service, "/$validate", json.dumps(patient, indent=2).encode())
    assert status == 200
    (error,) = [e for e in _errors(outcome) if "birthDate" in e["expression"][0]]
    lines = [x for x in error.get("extension", []) if x["url"].endswith("issue-line")]
    assert lines and lines[0]["valueInteger"] > 1


def test_parameters_with_a_profile(service: int, fhir_cache: Path) -> None:
    """Resource-validate in-parameters: resource (Resource), profile (uri)."""
    patient = {"resourceType": "Patient", "id": "p", "name": [{"family": "Testesen"}]}
    parameters = {
        "resourceType": "Parameters",
        "parameter": [
            {"name": "resource", "resource": patient},
            {
                "name": "profile",
                "valueUri": "http://hl7.org/fhir/uv/ips/StructureDefinition/Patient-uv-ips",
            },
        ],
    }
    status, outcome = _post(service, "/Patient/$validate", json.dumps(parameters).encode())
    assert status == 200
    assert any("birthDate" in " ".join(e.get("expression", [])) for e in _errors(outcome)), outcome


def test_xml_is_read_too(service: int) -> None:
    xml = b'<Patient xmlns="http://hl7.org/fhir"><id value="p"/><birthDate value="1970-01-01"/></Patient>'
    status, outcome = _post(service, "/Patient/$validate", xml, "application/fhir+xml")
    assert status == 200 and _errors(outcome) == []


def test_requests_that_cannot_be_used_are_refused_plainly(service: int) -> None:
    status, outcome = _post(service, "/$validate", b'{"resourceType": "Patient", "birthDate": ')
    assert status == 400 and "truncated" in outcome["issue"][0]["details"]["text"]
    status, outcome = _post(service, "/Observation/$validate", b'{"resourceType": "Patient"}')
    assert status == 400 and "Observation" in outcome["issue"][0]["details"]["text"]
    status, outcome = _post(service, "/$validate", b"{}", "image/png")
    assert status == 415
    connection = http.client.HTTPConnection("127.0.0.1", service, timeout=10)
    connection.request("GET", "/metadata")
    answer = connection.getresponse()
    assert (
        answer.status == 200 and json.loads(answer.read())["resourceType"] == "CapabilityStatement"
    )
    connection.close()
