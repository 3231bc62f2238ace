"""HTML -> PDF with Qt's text engine: A4, DejaVu fonts, a footer with page numbers.

Uses only QtGui (no widgets), so the CLI can render PDFs headless: when no
QGuiApplication exists one is created on the offscreen platform. Each page is
drawn with QPainter so the footer can say "Page 2 of 3" in the document's language.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

_FONT_FAMILY = "DejaVu Sans"
_FONT_FILES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-BoldOblique.ttf",
)
_RESOLUTION = 300
_app: QGuiApplication | None = None


def _ensure_app() -> None:
    global _app
    if QGuiApplication.instance() is None:
        if "QT_QPA_PLATFORM" not in os.environ:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        _app = QGuiApplication(sys.argv[:1] or ["xshare"])
    if _FONT_FAMILY not in QFontDatabase.families():
        for path in _FONT_FILES:
            if os.path.exists(path):
                QFontDatabase.addApplicationFont(path)


def _a4_writer(buffer: QBuffer, title: str, margins_mm: QMarginsF) -> QPdfWriter:
    """An A4 portrait writer whose metadata carries only ``title`` and the app's name."""
    writer = QPdfWriter(buffer)
    writer.setResolution(_RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("xShare Desktop")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            margins_mm,
            QPageLayout.Unit.Millimeter,
        )
    )
    return writer


def _footer(lang: str, page: int, total: int) -> str:
    return f"Side {page} af {total}" if lang == "da" else f"Page {page} of {total}"


def render_pdf(html: str, title: str, lang: str = "en") -> bytes:
    """Render ``html`` to PDF bytes; the metadata carries only ``title`` and the app's name."""
    _ensure_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _a4_writer(buffer, title, QMarginsF(18, 16, 18, 20))
    font = QFont(_FONT_FAMILY, 10)
    document = QTextDocument()
    document.setDefaultFont(font)
    document.setHtml(html)
    page_rect = writer.pageLayout().paintRectPixels(_RESOLUTION)
    footer_height = _RESOLUTION * 0.35  # about 9 mm
    body = QSizeF(page_rect.width(), page_rect.height() - footer_height)
    # lay the text out in points, then scale to the device so fonts keep their size
    scale = _RESOLUTION / 72.0
    document.setPageSize(QSizeF(body.width() / scale, body.height() / scale))
    document.setDocumentMargin(0)
    total = max(1, document.pageCount())
    painter = QPainter(writer)
    try:
        footer_font = QFont(_FONT_FAMILY, 8)
        for page in range(total):
            if page:
                writer.newPage()
            painter.save()
            painter.scale(scale, scale)
            painter.translate(0, -page * body.height() / scale)
            clip = QRectF(
                0, page * body.height() / scale, body.width() / scale, body.height() / scale
            )
            painter.setClipRect(clip)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = clip
            document.documentLayout().draw(painter, context)
            painter.restore()
            painter.setFont(footer_font)
            painter.drawText(
                QRectF(QPointF(0, body.height()), QSizeF(body.width(), footer_height)),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                _footer(lang, page + 1, total),
            )
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())
