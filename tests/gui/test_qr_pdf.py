"""The printable QR page: the text a person reads and a QR code that scans back to the exact link."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
import zxingcpp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.shl.payload import build_payload, encode_uri
from xshare_desktop.render.qr_pdf import format_expiry, page_lines, render_qr_pdf, save_qr

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils (pdftotext, pdftoppm) are needed to read the PDF back",
)

# Noon UTC on 24 December 2026: a fixed moment, the same date in every time zone.
EXPIRES = int(datetime(2026, 12, 24, 12, 0, tzinfo=UTC).timestamp())
MANIFEST = "https://127.0.0.1:8765/shl/" + "A" * 43


def _uri(*, label: str | None, flags: str = "", exp: int | None = EXPIRES) -> str:
    payload = build_payload(url=MANIFEST, key=bytes(range(32)), exp=exp, flags=flags, label=label)
    return encode_uri(payload)


def _text(pdf: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return " ".join(out.split())


def _decode_page(pdf: Path, tmp_path: Path) -> list[str]:
    prefix = tmp_path / "page"
    subprocess.run(
        ["pdftoppm", "-r", "100", "-png", "-singlefile", str(pdf), str(prefix)], check=True
    )
    with Image.open(f"{prefix}.png") as image:
        return [barcode.text for barcode in zxingcpp.read_barcodes(image.convert("L"))]


def test_danish_page_names_label_expiry_and_passcode_and_scans_back(tmp_path: Path) -> None:
    uri = "https://viewer.example.org/#" + _uri(label="Emils oversigt til lægen på Ærø", flags="P")
    pdf = save_qr(uri, tmp_path / "link.pdf", lang="da")
    text = _text(pdf)
    assert "Emils oversigt til lægen på Ærø" in text
    assert f"Virker indtil {format_expiry(EXPIRES, 'da')}" in text
    assert "24. december 2026" in text
    assert "Kræver adgangskode" in text
    assert "Scan med din telefons kamera" in text
    assert _decode_page(pdf, tmp_path) == [uri]


def test_english_page_without_passcode_or_expiry(tmp_path: Path) -> None:
    uri = _uri(label=None, exp=None)
    pdf = tmp_path / "link.pdf"
    pdf.write_bytes(render_qr_pdf(uri, "en"))
    text = _text(pdf)
    assert "Health data shared with you" in text
    assert "No passcode needed" in text and "No end date" in text
    assert "Scan with your phone's camera or open in a SMART Health Link viewer" in text
    assert _decode_page(pdf, tmp_path) == [uri]


def test_the_passcode_itself_is_never_printed(tmp_path: Path) -> None:
    # The payload carries only the P flag; this guards against anyone passing more in later.
    lines = page_lines(build_payload(url=MANIFEST, key=bytes(32), flags="P"), "en")
    assert lines["passcode"].startswith("Passcode needed")
    assert "2468" not in " ".join(lines.values())


def test_png_and_svg_still_work_and_other_extensions_are_refused(tmp_path: Path) -> None:
    uri = _uri(label="x")
    assert save_qr(uri, tmp_path / "a.png").read_bytes().startswith(b"\x89PNG")
    assert b"<svg" in save_qr(uri, tmp_path / "a.svg").read_bytes()
    with pytest.raises(UserFacingError, match=r"\.png, \.svg or \.pdf"):
        save_qr(uri, tmp_path / "a.jpg")
    existing = tmp_path / "kept.pdf"
    existing.write_bytes(b"mine")
    with pytest.raises(UserFacingError, match="already exists"):
        save_qr(uri, existing, overwrite=False)
    assert existing.read_bytes() == b"mine"


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(label=st.text(min_size=1, max_size=80).filter(lambda s: s.strip()))
def test_any_label_renders(label: str) -> None:
    pdf = render_qr_pdf(_uri(label=label), "da" if len(label) % 2 else "en")
    assert pdf.startswith(b"%PDF") and pdf.rstrip().endswith(b"%%EOF")
