"""QR codes for links: made with segno at error correction M (as the spec recommends),
read back from images with zxing-cpp."""

from __future__ import annotations

import io
import os
from pathlib import Path

import segno
from PIL import Image, UnidentifiedImageError

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import atomic_write_bytes, read_input_bytes
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP
from xshare_desktop.core.shl.payload import SCHEME

ERROR_LEVEL = "m"
MAX_IMAGE_BYTES = 40 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000


def make_qr(uri: str) -> segno.QRCode:
    # boost_error=False: segno would otherwise raise the level above M when space allows.
    return segno.make(uri, error=ERROR_LEVEL, boost_error=False, micro=False)


def png_bytes(uri: str, *, scale: int = 8, border: int = 4) -> bytes:
    buffer = io.BytesIO()
    make_qr(uri).save(buffer, kind="png", scale=scale, border=border)
    return buffer.getvalue()


def svg_bytes(uri: str, *, scale: int = 8, border: int = 4) -> bytes:
    buffer = io.BytesIO()
    make_qr(uri).save(buffer, kind="svg", scale=scale, border=border, xmldecl=True)
    return buffer.getvalue()


def export_qr(
    uri: str, path: str | os.PathLike[str], *, scale: int = 8, overwrite: bool = True
) -> Path:
    """Write the QR as PNG or SVG, chosen by the file's extension.

    ``overwrite`` stays on for the app, whose save dialog has already asked; the CLI turns it off.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix == ".png":
        data = png_bytes(uri, scale=scale)
    elif suffix == ".svg":
        data = svg_bytes(uri, scale=scale)
    else:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core", "A QR code can be saved as .png or .svg, not {value}."
            ).format(value=suffix or "a file without extension")
        )
    return atomic_write_bytes(target, data, overwrite=overwrite)


def decode_qr_image(data: bytes, *, name: str = "the image") -> str:
    """The SMART Health Link in a QR code photo or screenshot."""
    import zxingcpp  # imported late: only the recipient side needs it

    try:
        with Image.open(io.BytesIO(data)) as opened:
            if opened.width * opened.height > MAX_IMAGE_PIXELS:
                raise UserFacingError(
                    QT_TRANSLATE_NOOP(
                        "Core", "{name} is too large an image to search for a QR code."
                    ).format(name=name)
                )
            image = opened.convert("L")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core", "{name} is not an image this app can read (PNG, JPEG...)."
            ).format(name=name)
        ) from None
    found = [
        str(barcode.text)
        for barcode in zxingcpp.read_barcodes(
            image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
        )
    ]
    if not found:
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "No QR code was found in {name}.").format(name=name)
        )
    for text in found:
        if SCHEME in text.lower():
            return text.strip()
    raise UserFacingError(
        QT_TRANSLATE_NOOP("Core", "The QR code in {name} is not a SMART Health Link.").format(
            name=name
        )
    )


def decode_qr_file(path: str | os.PathLike[str]) -> str:
    target = Path(path)
    return decode_qr_image(read_input_bytes(target, max_bytes=MAX_IMAGE_BYTES), name=target.name)
