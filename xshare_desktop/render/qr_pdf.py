"""A printable page for a SMART Health Link: the big QR code and what the recipient needs to know.

One A4 page: the link's label, the QR code (error correction M, from ``core.shl.qr``)
drawn as vector squares so it prints sharp at any size, when the link stops
working, whether a passcode is needed (never the passcode), and how to open it.
Everything printed comes from the link's own payload, so the page can only say
what the link itself says. Uses only QtGui, so the CLI can print it headless.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QDateTime, QIODevice, QLocale, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import atomic_write_bytes
from xshare_desktop.core.shl import qr
from xshare_desktop.core.shl.payload import ShlPayload, decode_uri
from xshare_desktop.render.pdf import _FONT_FAMILY, _RESOLUTION, _a4_writer, _ensure_app

_QR_SIDE_MM = 125.0
_QUIET_ZONE_MODULES = 4  # the margin QR readers need around the code

# The render package sits outside the GUI's Qt Linguist catalogue (the CLI prints
# this page too), so its few sentences carry both languages here.
_TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "kicker": "SMART Health Link",
        "no_label": "Health data shared with you",
        "expires": "Works until {when}",
        "no_expiry": "No end date: works until the sender stops it",
        "passcode": "Passcode needed: the sender tells you it separately",
        "no_passcode": "No passcode needed",
        "instruction": (
            "Scan with your phone's camera or open in a SMART Health Link viewer. "
            "The health data is encrypted; only people who have this code can fetch it."
        ),
        "footer": "Made with xShare Desktop",
    },
    "da": {
        "kicker": "SMART Health Link",
        "no_label": "Helbredsdata delt med dig",
        "expires": "Virker indtil {when}",
        "no_expiry": "Ingen slutdato: virker, indtil afsenderen stopper det",
        "passcode": "Kræver adgangskode: afsenderen giver dig den separat",
        "no_passcode": "Kræver ingen adgangskode",
        "instruction": (
            "Scan med din telefons kamera, eller åbn i en SMART Health Link-fremviser. "
            "Helbredsdata er krypteret; kun de, der har denne kode, kan hente dem."
        ),
        "footer": "Lavet med xShare Desktop",
    },
}


def format_expiry(epoch_seconds: float, lang: str) -> str:
    """A moment in local time as the language writes it: '4. december 2026 kl. 17.10'."""
    moment = QDateTime.fromSecsSinceEpoch(int(epoch_seconds)).toLocalTime()
    if lang == "da":
        return QLocale(QLocale.Language.Danish, QLocale.Country.Denmark).toString(
            moment, "d. MMMM yyyy 'kl.' HH.mm"
        )
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom).toString(
        moment, "d MMMM yyyy, HH:mm"
    )


def page_lines(payload: ShlPayload, lang: str) -> dict[str, str]:
    """The sentences printed on the page, in ``lang`` ('da' or 'en')."""
    texts = _TEXTS["da" if lang == "da" else "en"]
    return {
        "kicker": texts["kicker"],
        "title": payload.label or texts["no_label"],
        "expiry": (
            texts["expires"].format(when=format_expiry(payload.exp, lang))
            if payload.exp is not None
            else texts["no_expiry"]
        ),
        "passcode": texts["passcode"] if payload.needs_passcode else texts["no_passcode"],
        "instruction": texts["instruction"],
        "footer": texts["footer"],
    }


def _dark_runs(uri: str, area: QRectF) -> list[QRectF]:
    """The QR's dark modules as rectangles, each horizontal run of modules as one."""
    matrix = qr.make_qr(uri).matrix
    module = area.width() / (len(matrix) + 2 * _QUIET_ZONE_MODULES)
    runs: list[QRectF] = []
    for row_index, row in enumerate(matrix):
        y = area.top() + (row_index + _QUIET_ZONE_MODULES) * module
        column = 0
        while column < len(row):
            if not row[column]:
                column += 1
                continue
            start = column
            while column < len(row) and row[column]:
                column += 1
            x = area.left() + (start + _QUIET_ZONE_MODULES) * module
            runs.append(QRectF(x, y, (column - start) * module, module))
    return runs


def _draw_qr(painter: QPainter, uri: str, area: QRectF) -> None:
    # One drawRects call, not one call per run: runs also avoid hairline seams in viewers,
    # and PySide6 6.12 on Python 3.11 loses a reference to None on every void call, which
    # thousands of calls in a CLI process (without the GUI's guard) would exhaust.
    painter.save()
    try:
        painter.fillRect(area, QColor("white"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        painter.drawRects(_dark_runs(uri, area))
    finally:
        painter.restore()


def _font(point_size: float, *, bold: bool = False) -> QFont:
    font = QFont(_FONT_FAMILY)
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


def render_qr_pdf(uri: str, lang: str = "en") -> bytes:
    """The printable page for the link ``uri`` as PDF bytes."""
    payload = decode_uri(uri)
    lines = page_lines(payload, lang)
    _ensure_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _a4_writer(buffer, lines["title"], QMarginsF(20, 20, 20, 18))
    page = QRectF(writer.pageLayout().paintRectPixels(_RESOLUTION))
    page.moveTo(0, 0)
    per_mm = _RESOLUTION / 25.4
    wrap_centre = int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap)
    painter = QPainter(writer)
    try:
        painter.setPen(QColor("#555555"))
        painter.setFont(_font(12))
        y = 0.0
        painter.drawText(QRectF(0, y, page.width(), 9 * per_mm), wrap_centre, lines["kicker"])
        y += 10 * per_mm
        painter.setPen(QColor("black"))
        painter.setFont(_font(24, bold=True))
        title_box = painter.boundingRect(
            QRectF(0, y, page.width(), 40 * per_mm), wrap_centre, lines["title"]
        )
        painter.drawText(
            QRectF(0, y, page.width(), title_box.height()), wrap_centre, lines["title"]
        )
        y += title_box.height() + 8 * per_mm
        side = _QR_SIDE_MM * per_mm
        _draw_qr(painter, uri, QRectF((page.width() - side) / 2, y, side, side))
        y += side + 8 * per_mm
        painter.setFont(_font(16, bold=True))
        for key in ("expiry", "passcode"):
            box = painter.boundingRect(
                QRectF(0, y, page.width(), 30 * per_mm), wrap_centre, lines[key]
            )
            painter.drawText(QRectF(0, y, page.width(), box.height()), wrap_centre, lines[key])
            y += box.height() + 3 * per_mm
        y += 5 * per_mm
        painter.setFont(_font(13))
        margin = 10 * per_mm
        painter.drawText(
            QRectF(margin, y, page.width() - 2 * margin, page.height() - y - 12 * per_mm),
            wrap_centre,
            lines["instruction"],
        )
        painter.setPen(QColor("#555555"))
        painter.setFont(_font(9))
        painter.drawText(
            QRectF(0, page.height() - 8 * per_mm, page.width(), 8 * per_mm),
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
            lines["footer"],
        )
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def save_qr(
    uri: str, path: str | os.PathLike[str], *, lang: str = "en", overwrite: bool = True
) -> Path:
    """Save the link's QR code as .png, .svg or a printable .pdf page, chosen by the extension."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix == ".pdf":
        return atomic_write_bytes(target, render_qr_pdf(uri, lang), overwrite=overwrite)
    if suffix in (".png", ".svg"):
        return qr.export_qr(uri, target, overwrite=overwrite)
    raise UserFacingError(
        f"A QR code can be saved as .png, .svg or .pdf, not {suffix or 'a file without extension'}."
    )


__all__ = ["format_expiry", "page_lines", "render_qr_pdf", "save_qr"]
