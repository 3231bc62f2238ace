"""The QR code of a SMART Health Link, drawn as large as its space allows (the links page)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QSizePolicy,
    QWidget,
)

from xshare_desktop.core.shl import qr

QR_PREFERRED_PIXELS = 372
QR_MINIMUM_PIXELS = 220


class QrCodeLabel(QLabel):
    """The link's QR code as large as its space allows, every module the same whole number of pixels.

    Scaling by a whole factor without smoothing keeps the squares sharp and equal, which
    phone cameras read best; the code shrinks on small screens or in booth type instead of
    being cut off.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._code: QPixmap | None = None
        self.uri: str | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(QR_MINIMUM_PIXELS, QR_MINIMUM_PIXELS)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(QR_PREFERRED_PIXELS, QR_PREFERRED_PIXELS)

    def set_uri(self, uri: str | None) -> None:
        self.uri = uri
        self._code = None
        if uri is not None:
            self._code = QPixmap()
            self._code.loadFromData(qr.png_bytes(uri, scale=1, border=4))
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self._code is None or self._code.isNull():
            self.clear()
            return
        modules = self._code.width()
        factor = max(1, min(self.width(), self.height()) // modules)
        self.setPixmap(
            self._code.scaled(
                modules * factor,
                modules * factor,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.FastTransformation,
            )
        )
