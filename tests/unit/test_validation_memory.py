"""Memory on long values: validating stays within a few times the input size (issue #11).

One 50 MB string used to cost 8.4 GB (about 170 bytes per input byte): the JSON position scanner
kept a regex backtracking frame per character, the private copy held every string twice and the
narrative check copied its text. Measured here with tracemalloc (Python allocations), so the
figures do not depend on what else the machine runs; benchmarks/bench_validate.py measures the
whole process.
"""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from xshare_desktop.core.fhir_packages import ConformanceContext
from xshare_desktop.core.json_positions import json_positions
from xshare_desktop.core.validation.engine import Validator

SIZE = 3_000_000


def _peak(action: Callable[[], Any]) -> int:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _document(fhir_cache: Path, where: str) -> dict[str, Any]:
    path = fhir_cache / "hl7.fhir.uv.ips#2.0.0/package/example/Bundle-bundle-minimal.json"
    bundle: dict[str, Any] = json.loads(path.read_text())
    patient = next(e for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient")
    if where == "text":
        patient["resource"]["name"][0]["text"] = "x" * SIZE
    else:
        patient["resource"]["text"] = {
            "status": "generated",
            "div": '<div xmlns="http://www.w3.org/1999/xhtml"><p>' + "y" * SIZE + "</p></div>",
        }
    return bundle


@pytest.mark.parametrize("escaped", [False, True])
def test_positions_of_a_long_string_cost_no_memory_per_character(escaped: bool) -> None:
    """RFC 8259 section 7: a string is any run of characters and escapes; scanning it must not
    keep state per character."""
    body = ("ab\\n" * (SIZE // 4)) if escaped else "a" * SIZE
    data = b'{"resourceType": "Basic", "id": "x", "text": {"div": "' + body.encode() + b'"}}'
    positions = json_positions(data)
    peak = _peak(lambda: positions["Basic.text.div"])
    assert positions["Basic.text.div"] == (1, 47)
    assert peak < len(data) // 4, f"{peak / len(data):.1f} bytes per input byte"


@pytest.mark.parametrize("where", ["text", "narrative"])
def test_validating_a_long_value_stays_near_its_size(fhir_cache: Path, where: str) -> None:
    validator = Validator(ConformanceContext.load(cache=fhir_cache))
    document = _document(fhir_cache, where)
    validator.validate(document)  # warm: compiled profiles are not the document's cost
    peak = _peak(lambda: validator.validate(document))
    assert peak < 3 * SIZE, f"{peak / SIZE:.1f} bytes per byte of the long value"
