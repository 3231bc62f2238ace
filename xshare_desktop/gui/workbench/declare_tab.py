"""Workbench step 1: what the product claims (features, roles, formats, content specifications)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import atomic_write_bytes, dumps_json
from xshare_desktop.core.workbench.declaration import (
    DOWNLOAD,
    FHIR_DOCUMENT,
    ONE_TIME_SHARE,
    PDF,
    YB_CONSUMER,
    YB_PROVIDER,
    ContentClaim,
    Declaration,
    check_consistent,
    load_declaration,
)
from xshare_desktop.core.workbench.specifications import (
    CATEGORIES,
    Availability,
    availability,
    specification,
)
from xshare_desktop.gui import errors
from xshare_desktop.gui.widgets import MutedLabel


class DeclareTab(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._availability: list[Availability] = availability()
        # Processing options come from a loaded declaration file; the form does not edit them.
        self._processing_options: dict[tuple[str, str], tuple[str, ...]] = {}
        layout = QVBoxLayout(self)

        self.product_group = QGroupBox()
        form = QFormLayout(self.product_group)
        self.product_name = QLineEdit()
        self.product_name.setObjectName("WorkbenchProductName")
        self.product_version = QLineEdit()
        self.vendor = QLineEdit()
        self.product_name_label = QLabel()
        self.product_version_label = QLabel()
        self.vendor_label = QLabel()
        form.addRow(self.product_name_label, self.product_name)
        form.addRow(self.product_version_label, self.product_version)
        form.addRow(self.vendor_label, self.vendor)

        self.claims_group = QGroupBox()
        claims = QGridLayout(self.claims_group)
        self.feature_download = QCheckBox()
        self.feature_download.setChecked(True)
        self.feature_share = QCheckBox()
        self.role_provider = QCheckBox()
        self.role_provider.setChecked(True)
        self.role_consumer = QCheckBox()
        self.format_fhir = QCheckBox()
        self.format_fhir.setChecked(True)
        self.format_pdf = QCheckBox()
        self.features_label = QLabel()
        self.roles_label = QLabel()
        self.formats_label = QLabel()
        rows = (
            (self.features_label, (self.feature_download, self.feature_share)),
            (self.roles_label, (self.role_provider, self.role_consumer)),
            (self.formats_label, (self.format_fhir, self.format_pdf)),
        )
        for row, (label, boxes) in enumerate(rows):
            claims.addWidget(label, row, 0)
            for column, box in enumerate(boxes, start=1):
                claims.addWidget(box, row, column)
                box.toggled.connect(self._declaration_changed)
        self.actors = MutedLabel()
        self.actors.setObjectName("WorkbenchActors")
        claims.addWidget(self.actors, 3, 0, 1, 3)

        self.specs_group = QGroupBox()
        specs_layout = QVBoxLayout(self.specs_group)
        self.spec_boxes: dict[str, QCheckBox] = {}
        for item in self._availability:
            box = QCheckBox()
            box.setObjectName(f"WorkbenchSpec-{item.spec.spec_id}")
            box.setEnabled(item.installed)
            box.setChecked(item.spec.spec_id == "ips" and item.installed)
            box.toggled.connect(self._declaration_changed)
            self.spec_boxes[item.spec.spec_id] = box
            specs_layout.addWidget(box)
        specs_layout.addStretch(1)

        buttons = QHBoxLayout()
        self.load_button = QPushButton()
        self.load_button.clicked.connect(self.choose_declaration)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.choose_save_declaration)
        buttons.addWidget(self.load_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        self.status = QLabel()
        self.status.setObjectName("WorkbenchDeclareStatus")
        self.status.setWordWrap(True)

        top = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.product_group)
        left.addWidget(self.claims_group)
        left.addStretch(1)
        top.addLayout(left, 1)
        top.addWidget(self.specs_group, 1)
        layout.addLayout(top, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.retranslate()

    def retranslate(self) -> None:
        self.product_group.setTitle(self.tr("Product"))
        self.product_name_label.setText(self.tr("Name:"))
        self.product_version_label.setText(self.tr("Version:"))
        self.vendor_label.setText(self.tr("Vendor:"))
        self.claims_group.setTitle(self.tr("What the product claims"))
        self.features_label.setText(self.tr("Features:"))
        self.feature_download.setText(self.tr("Download"))
        self.feature_share.setText(self.tr("One-time share"))
        self.roles_label.setText(self.tr("Roles:"))
        self.role_provider.setText(self.tr("YB Provider"))
        self.role_consumer.setText(self.tr("YB Consumer"))
        self.formats_label.setText(self.tr("Formats:"))
        self.format_fhir.setText(self.tr("FHIR document"))
        self.format_pdf.setText(self.tr("PDF"))
        self.specs_group.setTitle(self.tr("Content specifications"))
        for item in self._availability:
            box = self.spec_boxes[item.spec.spec_id]
            if item.installed:
                box.setText(item.spec.title)
            else:
                box.setText(self.tr("%1 (package not installed)").replace("%1", item.spec.title))
        self.load_button.setText(self.tr("Load declaration…"))
        self.save_button.setText(self.tr("Save declaration…"))
        self._declaration_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the declaration -----------------------------------------------------------------------
    def declaration(self) -> Declaration:
        """The declaration the form describes (raises UserFacingError when incomplete)."""
        formats = tuple(
            fmt
            for fmt, box in ((FHIR_DOCUMENT, self.format_fhir), (PDF, self.format_pdf))
            if box.isChecked()
        )
        by_category: dict[str, list[str]] = {}
        for spec_id in self.spec_ids():
            by_category.setdefault(specification(spec_id).category, []).append(spec_id)
        content = tuple(
            ContentClaim(category, tuple(by_category[category]), formats or (FHIR_DOCUMENT,))
            for category in CATEGORIES
            if category in by_category
        )
        features = tuple(
            feature
            for feature, box in (
                (DOWNLOAD, self.feature_download),
                (ONE_TIME_SHARE, self.feature_share),
            )
            if box.isChecked()
        )
        roles = tuple(
            role
            for role, box in ((YB_PROVIDER, self.role_provider), (YB_CONSUMER, self.role_consumer))
            if box.isChecked()
        )
        declaration = Declaration(
            product=self.product_name.text().strip() or "Product under test",
            product_version=self.product_version.text().strip(),
            vendor=self.vendor.text().strip(),
            features=features,
            roles=roles,
            content=content,
            processing_options={
                key: value for key, value in self._processing_options.items() if key[0] in features
            },
        )
        check_consistent(declaration)
        return declaration

    def set_declaration(self, declaration: Declaration) -> None:
        self._processing_options = dict(declaration.processing_options)
        self.product_name.setText(declaration.product)
        self.product_version.setText(declaration.product_version)
        self.vendor.setText(declaration.vendor)
        self.feature_download.setChecked(DOWNLOAD in declaration.features)
        self.feature_share.setChecked(ONE_TIME_SHARE in declaration.features)
        self.role_provider.setChecked(YB_PROVIDER in declaration.roles)
        self.role_consumer.setChecked(YB_CONSUMER in declaration.roles)
        formats = {fmt for claim in declaration.content for fmt in claim.formats}
        self.format_fhir.setChecked(FHIR_DOCUMENT in formats)
        self.format_pdf.setChecked(PDF in formats)
        for spec_id, box in self.spec_boxes.items():
            box.setChecked(spec_id in declaration.specification_ids and box.isEnabled())
        self._declaration_changed()

    def spec_ids(self) -> list[str]:
        return [spec_id for spec_id, box in self.spec_boxes.items() if box.isChecked()]

    def _declaration_changed(self) -> None:
        try:
            declaration = self.declaration()
        except UserFacingError as exc:
            self.status.setText(errors.describe(exc))
            self.actors.setText("")
        else:
            titles = {
                "content-creator": self.tr("Content Creator"),
                "link-provider": self.tr("Link Provider"),
                "content-consumer": self.tr("Content Consumer"),
                "link-consumer": self.tr("Link Consumer"),
            }
            names = ", ".join(titles[actor] for actor in declaration.actors)
            self.actors.setText(self.tr("Acts as: %1").replace("%1", names))
            self.status.setText("")
        self.changed.emit()

    # -- files ---------------------------------------------------------------------------------
    def choose_declaration(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Load a declaration"), "", self.tr("Declarations (*.json)")
        )
        if name:
            self.load_declaration_file(Path(name))

    def load_declaration_file(self, path: Path) -> None:
        try:
            declaration = load_declaration(path)
        except UserFacingError as exc:
            self.status.setText(errors.describe(exc))
            return
        self.set_declaration(declaration)

    def choose_save_declaration(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the declaration"),
            "declaration.json",
            self.tr("Declarations (*.json)"),
        )
        if name:
            self.save_declaration_file(Path(name))

    def save_declaration_file(self, path: Path) -> None:
        try:
            atomic_write_bytes(path, dumps_json(self.declaration().as_dict()))
        except UserFacingError as exc:
            self.status.setText(errors.describe(exc))
