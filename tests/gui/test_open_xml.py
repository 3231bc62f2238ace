"""A FHIR XML document opens in the same viewer as its JSON twin."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_xml_sample_opens_in_the_document_view(window, load, fhir_cache) -> None:  # type: ignore[no-untyped-def]
    # reading FHIR XML needs the R4 definitions from the package cache
    load(window, ROOT / "samples" / "xml" / "ips-bent-eksempelsen.xml")
    document = window.context.document
    assert document is not None
    assert document.patient_info.name == "Bent Eksempelsen"
    assert window.navigator.current_name == "document"
    assert len(document.sections) == 15
