"""Naming, unpacking and saving what a link delivered; sharing-side content checks."""

from __future__ import annotations

import base64
from pathlib import Path

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.receiving import receive
from xshare_desktop.core.shl.client import BadResponse, Retrieval, RetrievedFile
from xshare_desktop.core.shl.content import share_file_from_bytes, wrap_attachment
from xshare_desktop.core.shl.expiry import parse_expiry
from xshare_desktop.core.shl.payload import ShlPayload

PAYLOAD = ShlPayload(url="http://127.0.0.1/shl/x", key="A" * 43, label="Test")
FHIR = "application/fhir+json"


def retrieval(*files: tuple[str, bytes]) -> Retrieval:
    return Retrieval(
        PAYLOAD, [RetrievedFile(ct, ct, data, listed_content_type=ct) for ct, data in files]
    )


@given(st.text(max_size=300))
def test_safe_names_never_leave_the_folder(name: str) -> None:
    safe = receive.safe_file_name(name, "fallback.bin")
    assert "/" not in safe and "\\" not in safe
    assert safe not in ("", ".", "..") and not safe.startswith(".")
    assert len(safe) <= receive.MAX_NAME_CHARS


@pytest.mark.parametrize(
    "hostile, expected",
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\boot.ini", "boot.ini"),
        ("/abs/x.pdf", "x.pdf"),
        ("..", "f"),
        ("a\x00b.pdf", "ab.pdf"),
    ],
)
def test_hostile_titles(hostile: str, expected: str) -> None:
    assert receive.safe_file_name(hostile, "f") == expected


def test_attachments_are_unwrapped_and_documents_keep_their_bytes(tmp_path: Path) -> None:
    pdf = b"%PDF-1.4 test"
    doc = b'{\n  "resourceType": "Bundle"\n}'
    received = receive.unpack(
        retrieval((FHIR, doc), (FHIR, wrap_attachment("summary.pdf", pdf, "application/pdf")))
    )
    assert [(i.name, i.data) for i in received.items] == [
        ("document.json", doc),
        ("summary.pdf", pdf),
    ]
    written = receive.save(received, tmp_path)
    assert [p.name for p in written] == ["document.json", "summary.pdf"]
    # Saving again never replaces what is there.
    again = receive.save(received, tmp_path)
    assert [p.name for p in again] == ["document-2.json", "summary-2.pdf"]
    assert (tmp_path / "document.json").read_bytes() == doc


def test_foreign_document_reference_is_kept_with_its_attachment() -> None:
    resource = {
        "resourceType": "DocumentReference",
        "status": "current",
        "content": [
            {
                "attachment": {
                    "contentType": "application/pdf",
                    "data": base64.b64encode(b"%PDF").decode(),
                    "title": "../x.pdf",
                }
            }
        ],
    }
    received = receive.unpack(retrieval((FHIR, orjson.dumps(resource))))
    assert [i.name for i in received.items] == ["x.pdf", "DocumentReference.json"]


def test_damaged_attachment_is_refused() -> None:
    wrapped = orjson.loads(wrap_attachment("a.pdf", b"%PDF-1", "application/pdf"))
    wrapped["content"][0]["attachment"]["data"] = base64.b64encode(b"%PDF-2").decode()
    with pytest.raises(BadResponse, match="hash"):
        receive.unpack(retrieval((FHIR, orjson.dumps(wrapped))))


def test_unknown_content_types_are_noted_and_skipped() -> None:
    received = receive.unpack(
        retrieval(("application/x-future", b"??"), (FHIR, b'{"resourceType":"Patient"}'))
    )
    assert [i.name for i in received.items] == ["Patient.json"]
    assert "ignored" in str(received.notes[0])


def test_fhir_without_resource_type_is_refused() -> None:
    with pytest.raises(BadResponse, match="resourceType"):
        receive.unpack(retrieval((FHIR, b'{"a": 1}')))


def test_sharing_side_accepts_only_what_it_can_carry() -> None:
    assert share_file_from_bytes("a.json", b'{"resourceType":"Bundle"}').content_type == FHIR
    with pytest.raises(UserFacingError, match="resourceType"):
        share_file_from_bytes("a.json", b'{"a": 1}')
    with pytest.raises(UserFacingError, match="PDF"):
        share_file_from_bytes("a.pdf", b"not a pdf")
    with pytest.raises(UserFacingError, match="cannot be shared"):
        share_file_from_bytes("a.docx", b"PK")
    sig = share_file_from_bytes("a.json.jws", b"eyJ..sig")
    attachment = orjson.loads(sig.data)["content"][0]["attachment"]
    assert sig.content_type == FHIR and attachment["contentType"] == "application/jose"


@pytest.mark.parametrize(
    "text, seconds",
    [
        ("30m", 1800),
        ("2h", 7200),
        ("7d", 604800),
        ("1w", 604800),
        ("90s", 90),
        ("2027-01-01T00:00:00Z", 1798761600 - 1_790_000_000),
    ],
)
def test_expiry(text: str, seconds: int) -> None:
    assert parse_expiry(text, 1_790_000_000) == 1_790_000_000 + seconds


@pytest.mark.parametrize("text", ["0h", "tomorrow", "2020-01-01T00:00Z", "100000w"])
def test_bad_expiry(text: str) -> None:
    with pytest.raises(UserFacingError):
        parse_expiry(text, 1_790_000_000)
