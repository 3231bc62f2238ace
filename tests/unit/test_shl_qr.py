"""QR codes for links: level M, PNG and SVG, and reading them back."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.shl import qr

URI = "shlink:/eyJ1cmwiOiJodHRwOi8vMTI3LjAuMC4xOjg3NjUvc2hsL" + "A" * 300


def test_error_correction_stays_at_m() -> None:
    assert qr.make_qr("shlink:/short").error == "M"
    assert qr.make_qr(URI).error == "M"


def test_png_round_trip(tmp_path: Path) -> None:
    path = qr.export_qr(URI, tmp_path / "link.png")
    assert path.read_bytes().startswith(b"\x89PNG")
    assert qr.decode_qr_file(path) == URI


def test_svg_export(tmp_path: Path) -> None:
    path = qr.export_qr(URI, tmp_path / "link.svg")
    assert b"<svg" in path.read_bytes()


def test_photo_like_image_with_margin_and_scaling() -> None:
    code = Image.open(io.BytesIO(qr.png_bytes(URI, scale=3))).convert("RGB")
    canvas = Image.new("RGB", (code.width + 200, code.height + 120), "white")
    canvas.paste(code, (130, 40))
    buffer = io.BytesIO()
    canvas.resize((canvas.width * 2, canvas.height * 2)).save(buffer, format="JPEG", quality=85)
    assert qr.decode_qr_image(buffer.getvalue()) == URI


def test_refusals(tmp_path: Path) -> None:
    with pytest.raises(UserFacingError, match=r"\.png or \.svg"):
        qr.export_qr(URI, tmp_path / "link.gif")
    with pytest.raises(UserFacingError, match="not an image"):
        qr.decode_qr_image(b"plain text")
    blank = io.BytesIO()
    Image.new("L", (200, 200), 255).save(blank, format="PNG")
    with pytest.raises(UserFacingError, match="No QR code"):
        qr.decode_qr_image(blank.getvalue())
    other = qr.png_bytes("https://example.org/")
    with pytest.raises(UserFacingError, match="not a SMART Health Link"):
        qr.decode_qr_image(other)
