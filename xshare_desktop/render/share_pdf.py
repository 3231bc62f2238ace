"""The shared document as an A4 PDF a doctor can file: a page layout of our own over QtGui.

Qt's rich-text engine splits a table row over two pages (half the cells on each),
drops the table border at the break and repeats no patient header, so the pages
are laid out here: every block is measured with Qt's text layout, table rows are
kept whole (the column headers repeat on the next page), borders are drawn per
row, and every page carries the patient, the CPR number or pseudonym, the
document date and "Side n af m". Words break only at soft hyphens the
hyphenation dictionary placed (``render.hyphenate``), so a break always shows a
hyphen. Uses only QtGui, so the CLI renders headless.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPainter,
    QPen,
    QTextDocument,
    QTextOption,
)

from xshare_desktop.render.blocks import (
    Block,
    Bullets,
    ClinicalDocument,
    Facts,
    Heading,
    Paragraph,
    Table,
    Text,
)
from xshare_desktop.render.clinical import clinical_document
from xshare_desktop.render.hyphenate import SOFT_HYPHEN, soft_hyphenate
from xshare_desktop.render.pdf import _FONT_FAMILY, _RESOLUTION, _a4_writer, _ensure_app

if TYPE_CHECKING:
    from xshare_desktop.core.sharing.writer import PreparedShare

_PT = _RESOLUTION / 72.0  # device pixels per point
_HEADER_H = 30.0  # points above the body: patient, CPR, date, page
_FOOTER_H = 14.0
_PAD = 3.0  # cell padding, points
_GAP = 6.0  # space after a block
_BORDER = QColor("#7a8794")
_HEAD_FILL = QColor("#e6ecf2")
_TITLE_COLOR = QColor("#1f3b5a")
_SIZES = {1: 16.0, 2: 12.0, 3: 10.5}
_BODY = 9.5  # points, as printed
_SMALL = 8.5
_TABLE = 9.0


def _html(text: Text, lang: str) -> str:
    body = escape(soft_hyphenate(text.text, text.lang or lang) if text.hyphenate else text.text)
    if text.italic:
        body = f"<i>{body}</i>"
    if text.flag:
        body += f" <b>{escape(text.flag)}</b>"
    return body


class _Measure:
    """Text measured and drawn with one QTextDocument per piece (kept for drawing)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.option = QTextOption()
        # only at word boundaries and soft hyphens: never in the middle of a word without a hyphen
        self.option.setWrapMode(QTextOption.WrapMode.WordWrap)
        self.fonts: dict[tuple[float, bool], QFont] = {}
        screen = QGuiApplication.primaryScreen()
        self.dpi = screen.logicalDotsPerInchY() if screen is not None else 96.0

    def font(self, size: float = _BODY, bold: bool = False) -> QFont:
        key = (size, bold)
        if key not in self.fonts:
            font = QFont(_FONT_FAMILY)
            # Qt lays text out at the screen's logical DPI; the painter works in points
            font.setPointSizeF(size * 72.0 / self.dpi)
            font.setBold(bold)
            self.fonts[key] = font
        return self.fonts[key]

    def doc(
        self, html: str, width: float, size: float = _BODY, bold: bool = False
    ) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(self.font(size, bold))
        document.setDefaultTextOption(self.option)
        document.setHtml(html)
        document.setTextWidth(width)
        return document

    def natural(
        self,
        text: str,
        size: float = _BODY,
        bold: bool = False,
        hyphenate: bool = True,
        lang: str | None = None,
    ) -> tuple[float, float]:
        """(width on one line, width of the widest piece that cannot break) in points."""
        metrics = QFontMetricsF(self.font(size, bold))
        hyphen = metrics.horizontalAdvance("-")
        widest = 0.0
        # str.split() also splits at no-break spaces, which do not break a line
        words = re.split(
            r"[ \t\n]+", soft_hyphenate(text, lang or self.lang) if hyphenate else text
        )
        for word in words:
            for piece in word.split(SOFT_HYPHEN):
                widest = max(widest, metrics.horizontalAdvance(piece) + hyphen)
        return metrics.horizontalAdvance(text) + 2, widest + 2


@dataclass
class _Unit:
    """Something placed whole on one page: a heading, a paragraph, a table row."""

    height: float
    draw: Callable[[QPainter, float], None]  # draws at the given top (points)
    keep_with_next: bool = False
    repeat: _Unit | None = None  # the table header to draw first on a new page


def _column_widths(measure: _Measure, table: Table, width: float) -> list[float]:
    count = len(table.headers)
    natural = [0.0] * count
    minimum = [0.0] * count
    for row_index, row in enumerate([[Text(h) for h in table.headers], *table.rows]):
        for i, cell in enumerate(row[:count]):
            text = cell.text + (f" {cell.flag}" if cell.flag else "")
            line, piece = measure.natural(
                text, _TABLE, row_index == 0, cell.hyphenate, cell.lang or measure.lang
            )
            natural[i] = max(natural[i], line + 2 * _PAD)
            # short values (dates, results, ranges) stay on one line
            shortest = line if line < width * 0.15 and row_index else piece
            minimum[i] = max(minimum[i], shortest + 2 * _PAD)
    # a long free-text column must not starve the short ones (dates, values) of their one line
    natural = [min(n, max(width * 0.3, m)) for n, m in zip(natural, minimum, strict=True)]
    if sum(natural) <= width:
        extra = width - sum(natural)
        total = sum(natural) or 1.0
        return [n + extra * n / total for n in natural]
    if sum(minimum) >= width:
        total = sum(minimum) or 1.0
        return [width * m / total for m in minimum]
    spare = width - sum(minimum)
    wants = [max(0.0, n - m) for n, m in zip(natural, minimum, strict=True)]
    total = sum(wants) or 1.0
    return [m + spare * w / total for m, w in zip(minimum, wants, strict=True)]


def _row_unit(
    measure: _Measure, cells: list[str], widths: list[float], left: float, *, header: bool
) -> _Unit:
    docs = [
        measure.doc(html, w - 2 * _PAD, _TABLE, bold=header)
        for html, w in zip(cells, widths, strict=True)
    ]
    height = max(d.size().height() for d in docs) + 2 * _PAD

    def draw(painter: QPainter, top: float) -> None:
        x = left
        if header:
            painter.fillRect(QRectF(left, top, sum(widths), height), _HEAD_FILL)
        painter.setPen(QPen(_BORDER, 0.5))
        for document, w in zip(docs, widths, strict=True):
            painter.drawRect(QRectF(x, top, w, height))
            painter.save()
            painter.translate(x + _PAD, top + _PAD)
            document.drawContents(painter)
            painter.restore()
            x += w

    return _Unit(height, draw)


def _units(measure: _Measure, blocks: list[Block], width: float) -> list[_Unit]:
    lang = measure.lang
    units: list[_Unit] = []
    for block in blocks:
        if isinstance(block, Heading):
            size = _SIZES.get(block.level, 10.5)
            html = escape(soft_hyphenate(block.text, lang))
            document = measure.doc(
                f'<span style="color:{_TITLE_COLOR.name()}">{html}</span>', width, size, True
            )
            space = 8.0 if block.level > 1 else 0.0

            def draw_heading(
                painter: QPainter, top: float, d: QTextDocument = document, s: float = space
            ) -> None:
                painter.save()
                painter.translate(0, top + s)
                d.drawContents(painter)
                painter.restore()

            units.append(
                _Unit(document.size().height() + space + 2, draw_heading, keep_with_next=True)
            )
        elif isinstance(block, Paragraph | Bullets):
            if isinstance(block, Paragraph):
                texts = [block.text]
                size = _SMALL if block.style == "note" else _BODY
            else:
                texts = [f"•\u2002{item}" for item in block.items]
                size = _BODY
            for text in texts:
                document = measure.doc(escape(soft_hyphenate(text, lang)), width, size)

                def draw_text(painter: QPainter, top: float, d: QTextDocument = document) -> None:
                    painter.save()
                    painter.translate(0, top)
                    d.drawContents(painter)
                    painter.restore()

                units.append(_Unit(document.size().height() + 2, draw_text))
            units[-1].height += _GAP - 2
        elif isinstance(block, Facts):
            label_width = min(
                width * 0.32,
                max((measure.natural(lbl, bold=True)[0] for lbl, _ in block.rows), default=0) + 8,
            )
            for label, value in block.rows:
                label_doc = measure.doc(escape(label), label_width, bold=True)
                value_doc = measure.doc(_html(value, lang), width - label_width)
                height = max(label_doc.size().height(), value_doc.size().height()) + 2

                def draw_fact(
                    painter: QPainter,
                    top: float,
                    a: QTextDocument = label_doc,
                    b: QTextDocument = value_doc,
                    x: float = label_width,
                ) -> None:
                    painter.save()
                    painter.translate(0, top)
                    a.drawContents(painter)
                    painter.translate(x, 0)
                    b.drawContents(painter)
                    painter.restore()

                units.append(_Unit(height, draw_fact))
            if units:
                units[-1].height += _GAP
        elif isinstance(block, Table):
            widths = _column_widths(measure, block, width)
            header = _row_unit(
                measure,
                [escape(soft_hyphenate(h, lang)) for h in block.headers],
                widths,
                0,
                header=True,
            )
            header.keep_with_next = True
            units.append(header)
            for row in block.rows:
                unit = _row_unit(measure, [_html(c, lang) for c in row], widths, 0, header=False)
                unit.repeat = header
                units.append(unit)
            units[-1].height += _GAP
    return units


def _paginate(units: list[_Unit], body_height: float) -> list[list[tuple[float, _Unit]]]:
    """Place units top to bottom; a unit that does not fit starts a new page, whole."""
    pages: list[list[tuple[float, _Unit]]] = [[]]
    y = 0.0
    i = 0
    while i < len(units):
        unit = units[i]
        # a heading or table header stays with what follows it
        chain = [unit]
        j = i
        while chain[-1].keep_with_next and j + 1 < len(units):
            j += 1
            chain.append(units[j])
        needed = sum(u.height for u in chain)
        if y > 0 and y + needed > body_height:
            pages.append([])
            y = 0.0
            if unit.repeat is not None:  # a table goes on: its column headers first
                pages[-1].append((y, unit.repeat))
                y += unit.repeat.height
        pages[-1].append((y, unit))
        y += unit.height
        i += 1
    return pages


def _draw_line(
    painter: QPainter,
    measure: _Measure,
    top: float,
    width: float,
    left: str,
    right: str,
    *,
    bold: bool = False,
    size: float = 8.5,
) -> None:
    """One header or footer line: ``left`` at the left margin, ``right`` at the right one."""
    for text, align in ((left, "left"), (right, "right")):
        document = measure.doc(
            f'<div align="{align}">{escape(text)}</div>', width, size, bold and align == "left"
        )
        painter.save()
        painter.translate(0, top)
        document.drawContents(painter)
        painter.restore()


def render_clinical_pdf(document: ClinicalDocument) -> bytes:
    """``document`` as A4 PDF bytes; the metadata carries only the title and the app's name."""
    _ensure_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _a4_writer(buffer, document.title, QMarginsF(16, 12, 16, 12))
    page_rect = writer.pageLayout().paintRectPixels(_RESOLUTION)
    width = page_rect.width() / _PT
    height = page_rect.height() / _PT
    body_height = height - _HEADER_H - _FOOTER_H
    measure = _Measure(document.lang)
    pages = _paginate(_units(measure, document.blocks, width), body_height)
    total = len(pages)
    header = document.header
    painter = QPainter(writer)
    try:
        for number, placed in enumerate(pages, start=1):
            if number > 1:
                writer.newPage()
            painter.save()
            painter.scale(_PT, _PT)
            page = document.page_label(number, total)
            _draw_line(painter, measure, 0, width, header.patient, page, bold=True)
            _draw_line(painter, measure, 12, width, header.identifier, header.date)
            painter.setPen(QPen(_BORDER, 0.6))
            painter.drawLine(QPointF(0, 25), QPointF(width, 25))
            painter.save()
            painter.translate(0, _HEADER_H)
            for top, unit in placed:
                unit.draw(painter, top)
            painter.restore()
            _draw_line(
                painter,
                measure,
                height - 10,
                width,
                document.title,
                f"{page} · xShare Desktop",
                size=7.5,
            )
            painter.restore()
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


@functools.cache
def share_pdf_renderer(signer: str | None = None) -> Callable[[PreparedShare, str], bytes]:
    """The PDF renderer ``share()`` calls; ``signer`` names who signs the files, if anyone.

    One renderer per signer, so a prepared share that already made its PDF with it (the
    preview) hands out those same bytes (``PreparedShare.pdf``) instead of a second PDF.
    """

    def render(prepared: PreparedShare, title: str) -> bytes:
        document = clinical_document(
            prepared.document,
            prepared.language,
            left_out=prepared.left_out,
            translated_from=prepared.translation.source if prepared.translation else None,
            signer=signer,
            shared_on=f"{prepared.created.astimezone(UTC):%Y-%m-%d}",
        )
        document.title = title
        return render_clinical_pdf(document)

    return render


render_share_pdf = share_pdf_renderer()
