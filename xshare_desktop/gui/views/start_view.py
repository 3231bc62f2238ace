"""The start page: "My health summary". Open a sample or a file, or a feature for recipients and vendors."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from xshare_desktop.gui.context import AppContext
from xshare_desktop.gui.formatting import document_kind_label, format_date
from xshare_desktop.gui.navigation import PageSpec, available_plugins
from xshare_desktop.gui.samples import SampleInfo, list_samples
from xshare_desktop.gui.style import set_heading
from xshare_desktop.gui.widgets import CardButton, MutedLabel


class StartView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.samples: list[SampleInfo] = []
        self.sample_buttons: list[CardButton] = []
        self.feature_buttons: dict[str, QPushButton] = {}
        self.recent_buttons: list[QPushButton] = []

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        body = QWidget()
        body.setObjectName("StartBody")
        scroll.setWidget(body)
        self._scroll = scroll
        self._body = body
        # The layout's own minimum counts every wrapped label at its narrowest, which makes the
        # page scroll although everything fits: size the page by its height at the real width.
        body.installEventFilter(self)
        scroll.viewport().installEventFilter(self)
        centre = QHBoxLayout(body)
        column = QWidget()
        column.setMaximumWidth(980)
        centre.addStretch(1)
        centre.addWidget(column, 8)
        centre.addStretch(1)

        layout = QVBoxLayout(column)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)

        self.title = QLabel()
        set_heading(self.title, 1)
        self.intro = MutedLabel()
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addSpacing(8)

        self.samples_heading = QLabel()
        set_heading(self.samples_heading, 2)
        layout.addWidget(self.samples_heading)
        self.samples_grid = QGridLayout()
        self.samples_grid.setHorizontalSpacing(12)
        self.samples_grid.setVerticalSpacing(12)
        layout.addLayout(self.samples_grid)
        self.no_samples = MutedLabel()
        self.no_samples.hide()
        layout.addWidget(self.no_samples)

        open_row = QHBoxLayout()
        self.open_button = QPushButton()
        self.open_button.setProperty("role", "primary")
        self.open_button.clicked.connect(context.choose_file)
        # At a booth visitors pick a sample; a file dialog would show the machine's own files.
        self.open_button.setVisible(not context.booth)
        open_row.addWidget(self.open_button)
        self.citizen_box = QHBoxLayout()
        open_row.addLayout(self.citizen_box)
        open_row.addStretch(1)
        layout.addSpacing(6)
        layout.addLayout(open_row)

        self.recipient_heading = QLabel()
        set_heading(self.recipient_heading, 2)
        self.recipient_box = QHBoxLayout()
        self.recipient_box.setSpacing(12)
        self.vendor_heading = QLabel()
        set_heading(self.vendor_heading, 2)
        self.vendor_intro = MutedLabel()
        self.vendor_box = QHBoxLayout()
        self.recent_heading = QLabel()
        set_heading(self.recent_heading, 2)
        self.recent_box = QVBoxLayout()
        self.recent_box.setSpacing(0)
        for widget_or_layout in (
            self.recipient_heading,
            self.recipient_box,
            self.vendor_heading,
            self.vendor_intro,
            self.vendor_box,
            self.recent_heading,
            self.recent_box,
        ):
            if isinstance(widget_or_layout, QWidget):
                if widget_or_layout in (
                    self.recipient_heading,
                    self.vendor_heading,
                    self.recent_heading,
                ):
                    layout.addSpacing(10)
                layout.addWidget(widget_or_layout)
            else:
                layout.addLayout(widget_or_layout)
        layout.addStretch(1)

        self._build_features()
        self.retranslate()
        context.settings.changed.connect(self._setting_changed)
        # Reading the sample files waits until the window is on screen: first paint first.
        QTimer.singleShot(0, self.reload_samples)

    # -- content -----------------------------------------------------------------------------
    def reload_samples(self) -> None:
        self.samples = list_samples()
        for button in self.sample_buttons:
            self.samples_grid.removeWidget(button)
            button.deleteLater()
        self.sample_buttons = []
        columns = 2
        for i, sample in enumerate(self.samples):
            button = CardButton()
            button.setObjectName(f"sample-{sample.path.stem}")
            button.clicked.connect(lambda _=False, p=sample.path: self._context.open_path(p))
            self.samples_grid.addWidget(button, i // columns, i % columns)
            self.sample_buttons.append(button)
        self.no_samples.setVisible(not self.samples)
        self._retranslate_samples()

    def _build_features(self) -> None:
        for box in (self.recipient_box, self.vendor_box, self.citizen_box):
            while box.count():
                item = box.takeAt(0)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.deleteLater()
        self.feature_buttons = {}
        # Citizen pages that need no document (shared links) sit beside "Open a file".
        for spec in available_plugins("citizen"):
            if not spec.needs_document:
                button = QPushButton()
                button.setProperty("role", "primary")
                self._add_feature(spec, button, self.citizen_box)
        recipient = available_plugins("recipient")
        for spec in recipient:
            button = CardButton()
            self._add_feature(spec, button, self.recipient_box)
        vendor = [] if self._context.booth else available_plugins("vendor")
        if not self._context.settings.show_vendor_tools:
            vendor = []
        for spec in vendor:
            button = QPushButton()
            button.setProperty("role", "primary")
            self._add_feature(spec, button, self.vendor_box)
        if vendor:
            self.vendor_box.addStretch(1)
        self.recipient_heading.setVisible(bool(recipient))
        self.vendor_heading.setVisible(bool(vendor))
        self.vendor_intro.setVisible(bool(vendor))
        self._build_recent()

    def _add_feature(
        self, spec: PageSpec, button: QPushButton, box: QVBoxLayout | QHBoxLayout
    ) -> None:
        button.setObjectName(f"feature-{spec.name}")
        button.clicked.connect(lambda _=False, name=spec.name: self._context.navigate(name))
        box.addWidget(button)
        self.feature_buttons[spec.name] = button

    def _build_recent(self) -> None:
        for button in self.recent_buttons:
            self.recent_box.removeWidget(button)
            button.deleteLater()
        self.recent_buttons = []
        # A booth machine is shared: never show what the previous visitor opened.
        recent = [] if self._context.booth else self._context.settings.recent_files
        recent = [p for p in recent if Path(p).is_file()]
        for path_text in recent[:5]:
            path = Path(path_text)
            button = QPushButton(path.name)
            button.setProperty("role", "link")
            button.setToolTip(str(path))
            button.setAccessibleName(path.name)
            button.clicked.connect(lambda _=False, p=path: self._context.open_path(p))
            self.recent_box.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            self.recent_buttons.append(button)
        self.recent_heading.setVisible(bool(self.recent_buttons))

    def _setting_changed(self, name: str) -> None:
        if name in ("recent_files", "show_vendor_tools"):
            self._build_features()
            self.retranslate()

    # -- language -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("My health summary"))
        self.intro.setText(
            self.tr(
                "See your health data in plain language and share it safely with the Yellow "
                "Button. Everything stays on this computer until you choose to share it."
            )
        )
        self.samples_heading.setText(
            self.tr("Choose a sample patient")
            if self._context.booth
            else self.tr("Open a sample patient")
        )
        self.no_samples.setText(self.tr("No sample patients were found on this computer."))
        self.open_button.setText(self.tr("Open a file…"))
        self.open_button.setAccessibleName(self.tr("Open a health document from a file"))
        self.recipient_heading.setText(self.tr("Did you receive something?"))
        self.vendor_heading.setText(self.tr("For vendors"))
        self.vendor_intro.setText(
            self.tr("Check that documents meet the xShare Yellow Button specifications.")
        )
        self.recent_heading.setText(self.tr("Recently opened"))
        descriptions = {
            "received": self.tr("A file or package someone shared with you: check it and read it."),
            "open_link": self.tr("A SMART Health Link: paste it or open a picture of its QR code."),
        }
        for name, button in self.feature_buttons.items():
            spec = next(s for s in available_plugins() if s.name == name)
            if isinstance(button, CardButton):
                button.set_texts(spec.title(), descriptions.get(name, ""))
            else:
                button.setText(spec.title())
                button.setAccessibleName(spec.title())
        self._retranslate_samples()

    def _retranslate_samples(self) -> None:
        for sample, button in zip(self.samples, self.sample_buttons, strict=True):
            parts = []
            if sample.birth_date:
                parts.append(self.tr("Born %1").replace("%1", format_date(sample.birth_date)))
            parts.append(document_kind_label(sample.kind))
            button.set_texts(sample.patient_name, " · ".join(parts))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize):
            self._fit_body()
        return super().eventFilter(watched, event)

    def _fit_body(self) -> None:
        layout = self._body.layout()
        if layout is None or not layout.hasHeightForWidth():
            return
        needed = layout.totalHeightForWidth(self._scroll.viewport().width())
        if needed > 0 and needed != self._body.minimumHeight():
            self._body.setMinimumHeight(needed)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
