"""Choose what to share: sections, entries and single fields, options, and a preview.

The tree mirrors the document: the patient's own details, then each section
with its entries, and under an entry the optional fields the app knows how to
leave out (or show with the year only), each with its one-sentence
explanation. Every change rebuilds the preview in the background (the worker
adapter runs ``prepare_share``): the pane shows exactly what the recipient
will read, what stays home, and what pseudonymisation changes. Nothing is
written here; ``shareRequested(selection, options)`` hands the choice on.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, QLocale, QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.sharing.explain import left_out_lines
from xshare_desktop.core.sharing.fields import OptionalField, present_fields
from xshare_desktop.core.sharing.pseudonymise import new_salt
from xshare_desktop.core.sharing.selection import Selection, section_selector_for
from xshare_desktop.core.sharing.writer import (
    FilesExistError,
    PreparedShare,
    ShareOptions,
    ShareResult,
    prepare_share,
    share,
)
from xshare_desktop.gui.errors import present
from xshare_desktop.gui.style import set_heading
from xshare_desktop.gui.widgets import MutedLabel
from xshare_desktop.gui.worker import Worker
from xshare_desktop.render.share_pdf import render_share_pdf

KIND_ROLE = (
    Qt.ItemDataRole.UserRole + 1
)  # "all" | "patient" | "section" | "entry" | "field" | "year"
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2  # section code, entry fullUrl or field selector
# a section's core selector by position ("section:1.2"): it works for sections coded in any
# system, or not coded at all, and holds for the section's sub-sections too
SECTION_ROLE = Qt.ItemDataRole.UserRole + 3
CHECKED = Qt.CheckState.Checked
UNCHECKED = Qt.CheckState.Unchecked
PARTIAL = Qt.CheckState.PartiallyChecked


class RecipientPreview(QTextBrowser):
    """Shows the generated HTML; never loads anything (no images, no links)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        return None


class ShareView(QWidget):
    """The Yellow Button's "choose and preview" step for one document."""

    shareRequested = Signal(object, object)  # (Selection, ShareOptions)
    previewUpdated = Signal()
    shared = Signal(object)  # ShareResult, after the files are written
    close_requested = Signal()

    def __init__(
        self, document: Any, parent: QWidget | None = None, *, save_on_share: bool = True
    ) -> None:
        super().__init__(parent)
        self.document = document
        # in the app the view saves the files itself; a host that handles
        # shareRequested on its own passes save_on_share=False
        self.save_on_share = save_on_share
        self._save_worker: Worker | None = None
        self.prepared: PreparedShare | None = None
        self.problem: str | None = None
        self._updating = False
        self._worker: Worker | None = None
        self._pending = False
        self._salt = new_salt()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        self.title = QLabel()
        set_heading(self.title, 2)
        self.intro = MutedLabel()
        layout.addWidget(self.title)
        layout.addWidget(self.intro)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)

        self.tree = QTreeWidget()
        self.tree.setObjectName("ShareTree")
        self.tree.setColumnCount(2)
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 360)
        splitter.addWidget(self.tree)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        self.options_box = QGroupBox()
        form = QFormLayout(self.options_box)
        self.pseudonymise = QCheckBox()
        self.show_changes = QPushButton()
        self.show_changes.setEnabled(False)
        pseudo_row = QHBoxLayout()
        pseudo_row.addWidget(self.pseudonymise, 1)
        pseudo_row.addWidget(self.show_changes)
        self.language = QComboBox()
        self.language_label = QLabel()
        self.format_json = QCheckBox()
        self.format_json.setChecked(True)
        self.format_pdf = QCheckBox()
        self.format_pdf.setChecked(True)
        formats_row = QHBoxLayout()
        formats_row.addWidget(self.format_json)
        formats_row.addWidget(self.format_pdf)
        formats_row.addStretch(1)
        self.formats_label = QLabel()
        form.addRow(pseudo_row)
        form.addRow(self.language_label, self.language)
        form.addRow(self.formats_label, formats_row)
        right_layout.addWidget(self.options_box)

        self.status = MutedLabel()
        self.status.setObjectName("SharePreviewStatus")
        right_layout.addWidget(self.status)
        self.tabs = QTabWidget()
        self.preview = RecipientPreview()
        self.preview.setObjectName("RecipientPreview")
        self.left_out = QListWidget()
        self.left_out.setWordWrap(True)
        self.changes = QListWidget()
        self.changes.setWordWrap(True)
        self.tabs.addTab(self.preview, "")
        self.tabs.addTab(self.left_out, "")
        self.tabs.addTab(self.changes, "")
        right_layout.addWidget(self.tabs, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.share_button = QPushButton()
        self.share_button.setObjectName("YellowButton")
        self.share_button.setEnabled(False)
        buttons.addWidget(self.share_button)
        right_layout.addLayout(buttons)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 6)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(250)
        self._refresh_timer.timeout.connect(self.refresh_preview)

        self._fill_languages()
        self._build_tree()
        self.retranslate()
        self.tree.itemChanged.connect(self._item_changed)
        self.pseudonymise.toggled.connect(self._options_changed)
        self.language.currentIndexChanged.connect(self._options_changed)
        self.format_json.toggled.connect(self._formats_changed)
        self.format_pdf.toggled.connect(self._formats_changed)
        self.show_changes.clicked.connect(lambda: self.tabs.setCurrentWidget(self.changes))
        self.share_button.clicked.connect(self._request_share)
        self.refresh_preview()

    # --- texts ------------------------------------------------------------------------------
    def ui_language(self) -> str:
        return "da" if QLocale().name().lower().startswith("da") else "en"

    def retranslate(self) -> None:
        self.title.setText(self.tr("Choose what to share"))
        self.intro.setText(
            self.tr(
                "Untick what should stay with you. The preview shows exactly what the "
                "recipient will see; nothing leaves this computer until you share."
            )
        )
        self.tree.setHeaderLabels([self.tr("Share"), self.tr("About")])
        self.options_box.setTitle(self.tr("Options"))
        self.pseudonymise.setText(
            self.tr("Pseudonymise (hide my name, CPR number and contact details)")
        )
        self.show_changes.setText(self.tr("See what changes"))
        self.language_label.setText(self.tr("Language"))
        self.language.setItemText(0, self.tr("As the document"))
        self.language.setItemText(1, self.tr("Danish"))
        self.language.setItemText(2, self.tr("English"))
        self.formats_label.setText(self.tr("Formats"))
        self.format_json.setText(self.tr("Health data file (FHIR)"))
        self.format_pdf.setText(self.tr("PDF to read"))
        self.tabs.setTabText(0, self.tr("What the recipient sees"))
        self.tabs.setTabText(1, self.tr("Left out"))
        self.tabs.setTabText(2, self.tr("What changes"))
        self.share_button.setText(self.tr("Share…"))
        self._retranslate_tree()
        self._show_result()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_languages(self) -> None:
        for value in (None, "da", "en"):
            self.language.addItem("", value)

    # --- the tree ---------------------------------------------------------------------------
    def _item(
        self, parent: QTreeWidget | QTreeWidgetItem, kind: str, value: Any, checked: bool = True
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setData(0, KIND_ROLE, kind)
        item.setData(0, VALUE_ROLE, value)
        item.setCheckState(0, CHECKED if checked else UNCHECKED)
        return item

    def _field_items(self, parent: QTreeWidgetItem, url: str, resource: Any) -> None:
        for optional in present_fields(dict(resource)):
            if optional.can_remove:
                item = self._item(parent, "field", f"{url}#{optional.path}")
                item.setData(1, Qt.ItemDataRole.UserRole, optional)
            if optional.can_coarsen:
                # ticked = the exact date is shared, like every other box; unticked = year only
                item = self._item(parent, "year", f"{url}#{optional.path}")
                item.setData(1, Qt.ItemDataRole.UserRole, optional)

    def _build_tree(self) -> None:
        self._updating = True
        self.tree.clear()
        doc = self.document
        self.root = self._item(self.tree, "all", None)
        patient = doc.patient
        self.patient_item: QTreeWidgetItem | None = None
        if patient is not None and any(True for _ in present_fields(dict(patient.resource))):
            self.patient_item = QTreeWidgetItem(self.root)
            self.patient_item.setData(0, KIND_ROLE, "patient")
            self._field_items(self.patient_item, patient.full_url, patient.resource)
        self.section_items: list[QTreeWidgetItem] = []
        flat = self._flat_sections(doc.sections)
        self._code_counts = Counter(section.code for _, section in flat)
        for position, section in flat:
            item = self._item(self.root, "section", section.code)
            item.setData(0, SECTION_ROLE, "section:" + ".".join(str(p) for p in position))
            item.setData(1, Qt.ItemDataRole.UserRole, section)
            self.section_items.append(item)
            for entry in section.entries:
                child = self._item(item, "entry", entry.full_url)
                child.setData(1, Qt.ItemDataRole.UserRole, entry)
                self._field_items(child, entry.full_url, entry.resource)
        self._add_report_details(doc)
        self.root.setExpanded(True)
        if self.patient_item is not None:
            self.patient_item.setExpanded(True)
        self._updating = False

    def _add_report_details(self, doc: Any) -> None:
        """Fields of what no section lists (a lab's report and specimens): the report's
        performer, the sample number, the exact times (issue 12: single fields in step 1)."""
        listed = {e.full_url for e in doc.all_section_entries()}
        listed.add(doc.composition.full_url)
        if doc.patient is not None:
            listed.add(doc.patient.full_url)
        others = [
            e
            for e in doc.entries
            if e.full_url not in listed and any(True for _ in present_fields(dict(e.resource)))
        ]
        self.details_item: QTreeWidgetItem | None = None
        if not others:
            return
        self.details_item = QTreeWidgetItem(self.root)
        self.details_item.setData(0, KIND_ROLE, "details")
        for entry in others:
            child = QTreeWidgetItem(self.details_item)
            child.setData(0, KIND_ROLE, "detail")
            child.setData(1, Qt.ItemDataRole.UserRole, entry)
            self._field_items(child, entry.full_url, entry.resource)

    def _section_selector(self, item: QTreeWidgetItem) -> str:
        """``section:LOINC`` when that names just this section, else its position."""
        code = item.data(0, VALUE_ROLE)
        position = tuple(int(p) for p in str(item.data(0, SECTION_ROLE)).split(":")[1].split("."))
        return section_selector_for(code, position, code_is_unique=self._code_counts[code] == 1)

    @staticmethod
    def _flat_sections(
        sections: list[Any], prefix: tuple[int, ...] = ()
    ) -> list[tuple[tuple[int, ...], Any]]:
        found: list[tuple[tuple[int, ...], Any]] = []
        for number, section in enumerate(sections, start=1):
            position = (*prefix, number)
            found.append((position, section))
            found.extend(ShareView._flat_sections(section.sections, position))
        return found

    def _retranslate_tree(self) -> None:
        lang = self.ui_language()
        self._updating = True
        self.root.setText(0, self.document.title or self.tr("The whole document"))
        self.root.setText(1, self.tr("The whole document"))
        if self.patient_item is not None:
            self.patient_item.setText(0, self.tr("Your personal details"))
            self.patient_item.setText(
                1,
                self.tr(
                    "Name, date of birth and gender are always shared; pseudonymise to hide them."
                ),
            )
        if self.details_item is not None:
            self.details_item.setText(0, self.tr("Details of the report"))
            self.details_item.setText(
                1, self.tr("Who did what and when, and the lab's numbers: untick what to withhold.")
            )
        for item in self._walk(self.root):
            kind = item.data(0, KIND_ROLE)
            if kind in ("entry", "detail"):
                entry = item.data(1, Qt.ItemDataRole.UserRole)
                item.setText(0, entry.summary_in(lang) or entry.resource_type)
            elif kind in ("field", "year"):
                optional: OptionalField = item.data(1, Qt.ItemDataRole.UserRole)
                label = optional.label(lang)
                explanation = optional.explanation(lang)
                if kind == "year":
                    label = self.tr("%1: exact date").replace("%1", label)
                    explanation = self.tr("%1 Untick to share the year only.").replace(
                        "%1", explanation
                    )
                item.setText(0, label)
                item.setText(1, explanation)
                item.setToolTip(0, explanation)
        self._update_counts()
        self._updating = False

    @staticmethod
    def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
        return [c for c in (item.child(i) for i in range(item.childCount())) if c is not None]

    def _walk(self, item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
        found = [item]
        for child in self._children(item):
            found.extend(self._walk(child))
        return found

    def _update_counts(self) -> None:
        shared_sections = 0
        for item in self.section_items:
            section = item.data(1, Qt.ItemDataRole.UserRole)
            total = item.childCount()
            shared = sum(c.checkState(0) != UNCHECKED for c in self._children(item))
            item.setText(0, section.title)
            if total:
                item.setText(
                    1,
                    self.tr("%1 of %2 shared").replace("%1", str(shared)).replace("%2", str(total)),
                )
            elif section.narrative and not section.sections and not section.empty_reason:
                # issue 12: the person's own words (or a lab comment) go as written when ticked
                item.setText(1, self.tr("Free text, shared as written"))
                item.setToolTip(
                    1,
                    self.tr(
                        "This section is text written by a person. Ticked, it is shared as it "
                        "is written. Pseudonymisation cannot check free text for names, so with "
                        "pseudonymisation it is left out."
                    ),
                )
            else:
                item.setText(1, self.tr("No entries"))
            shared_sections += item.checkState(0) != UNCHECKED

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._updating or column != 0:
            return
        self._updating = True
        kind = item.data(0, KIND_ROLE)
        state = item.checkState(0)
        if kind == "all":
            for section in self.section_items:
                self._set_subtree(section, state)
        elif kind == "section":
            for child in self._children(item):
                self._set_subtree(child, state)
            # a choice about a section holds for its sub-sections (the core does the same)
            prefix = f"{item.data(0, SECTION_ROLE)}."
            for other in self.section_items:
                if str(other.data(0, SECTION_ROLE)).startswith(prefix):
                    other.setCheckState(0, CHECKED if state != UNCHECKED else UNCHECKED)
                    for child in self._children(other):
                        self._set_subtree(child, state)
        elif kind == "entry":
            for child in self._children(item):
                child.setDisabled(state == UNCHECKED)
        self._sync_parents()
        self._update_counts()
        self._updating = False
        self._refresh_timer.start()

    def _set_subtree(self, item: QTreeWidgetItem, state: Qt.CheckState) -> None:
        if item.data(0, KIND_ROLE) in ("section", "entry"):
            item.setCheckState(0, CHECKED if state != UNCHECKED else UNCHECKED)
            for child in self._children(item):
                if child.data(0, KIND_ROLE) == "entry":
                    self._set_subtree(child, state)
                else:
                    child.setDisabled(state == UNCHECKED)

    def _sync_parents(self) -> None:
        for section in self.section_items:
            entries = self._children(section)
            if entries:
                shared = {e.checkState(0) != UNCHECKED for e in entries}
                section.setCheckState(
                    0, CHECKED if shared == {True} else UNCHECKED if shared == {False} else PARTIAL
                )
        section_states = {s.checkState(0) for s in self.section_items}
        if section_states == {CHECKED}:
            self.root.setCheckState(0, CHECKED)
        elif section_states == {UNCHECKED}:
            self.root.setCheckState(0, UNCHECKED)
        else:
            self.root.setCheckState(0, PARTIAL)

    # --- the choice ---------------------------------------------------------------------------
    def selection(self) -> Selection:
        exclude: list[str] = []
        year_only: list[str] = []
        for item in self._walk(self.root):
            kind = item.data(0, KIND_ROLE)
            value = item.data(0, VALUE_ROLE)
            state = item.checkState(0)
            if kind == "section" and state == UNCHECKED:
                exclude.append(self._section_selector(item))
            elif kind == "entry" and state == UNCHECKED:
                parent = item.parent()
                if parent is None or parent.checkState(0) != UNCHECKED:
                    exclude.append(value)
            elif kind == "field" and state == UNCHECKED and not item.isDisabled():
                exclude.append(value)
            elif kind == "year" and state == UNCHECKED and not item.isDisabled():
                year_only.append(value)
        return Selection((), tuple(dict.fromkeys(exclude)), tuple(dict.fromkeys(year_only)))

    def options(self) -> ShareOptions:
        formats = tuple(
            name
            for name, box in (("fhir-json", self.format_json), ("pdf", self.format_pdf))
            if box.isChecked()
        )
        return ShareOptions(
            formats=formats or ("fhir-json",),
            pseudonymise=self.pseudonymise.isChecked(),
            language=self.language.currentData(),
            pseudonym_salt=self._salt,
        )

    def _options_changed(self) -> None:
        self._refresh_timer.start()

    def _formats_changed(self) -> None:
        self.share_button.setEnabled(self._can_share())

    def _can_share(self) -> bool:
        return (
            self.prepared is not None
            and self.problem is None
            and (self.format_json.isChecked() or self.format_pdf.isChecked())
        )

    def _request_share(self) -> None:
        if not self._can_share():
            return
        selection, options = self.selection(), self.options()
        self.shareRequested.emit(selection, options)
        if self.save_on_share:
            folder = self.choose_folder()
            if folder:
                self.save(selection, options, folder)

    def choose_folder(self) -> str:
        """Where the files go: the person chooses every time (nothing is saved by surprise)."""
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return QFileDialog.getExistingDirectory(
            self, self.tr("Choose where to save the files"), start
        )

    def save(self, selection: Selection, options: ShareOptions, folder: str) -> None:
        self.share_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        worker = Worker(
            share,
            dict(self.document.raw),
            selection,
            options,
            folder,
            pdf_renderer=render_share_pdf,
            parent=self,
        )
        worker.finished_ok.connect(self._saved)
        worker.failed.connect(lambda exc: self._save_failed(exc, selection, options, folder))
        worker.done.connect(lambda: self.share_button.setEnabled(self._can_share()))
        self._save_worker = worker
        worker.start()

    def _saved(self, result: ShareResult) -> None:
        names = ", ".join(p.name for p in result.files)
        folder = str(result.files[0].parent) if result.files else ""
        self.status.setText(self.tr("Saved %1 in %2.").replace("%1", names).replace("%2", folder))
        self.shared.emit(result)

    def _save_failed(
        self, exc: object, selection: Selection, options: ShareOptions, folder: str
    ) -> None:
        if isinstance(exc, FilesExistError) and not options.overwrite:
            answer = QMessageBox.question(
                self,
                self.tr("Replace files?"),
                self.tr("%1 already exists in this folder. Replace it?").replace(
                    "%1", ", ".join(exc.names)
                ),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.save(selection, replace(options, overwrite=True), folder)
            else:
                self.status.setText(self.tr("Nothing was saved."))
            return
        if isinstance(exc, BaseException):
            self.status.setText(str(exc) if isinstance(exc, UserFacingError) else "")
            present(exc, self)

    # --- plug-in contract of the main window ----------------------------------------------------
    def set_document(self, document: Any) -> None:
        self.document = document
        self.prepared = None
        self._salt = new_salt()
        self._build_tree()
        self._retranslate_tree()
        self.refresh_preview()

    def reset(self) -> None:
        """Booth "Start over": stop background work and forget the choice."""
        self._refresh_timer.stop()
        for worker in (self._worker, self._save_worker):
            if worker is not None:
                worker.cancel()
        self.prepared = None
        self.preview.clear()
        self.left_out.clear()
        self.changes.clear()

    # --- the preview ----------------------------------------------------------------------------
    def refresh_preview(self) -> None:
        if self._worker is not None and self._worker.is_running:
            self._pending = True
            self._worker.cancel()
            return
        self._pending = False
        self.share_button.setEnabled(False)
        self.status.setText(self.tr("Updating the preview…"))
        try:
            selection, options = self.selection(), self.options()
        except UserFacingError as exc:
            self._preview_failed(exc)
            return
        worker = Worker(prepare_share, dict(self.document.raw), selection, options, parent=self)
        worker.finished_ok.connect(self._preview_ready)
        worker.failed.connect(self._preview_failed)
        worker.done.connect(self._preview_done)
        self._worker = worker
        worker.start()

    def _preview_ready(self, prepared: PreparedShare) -> None:
        self.prepared = prepared
        self.problem = None
        self._show_result()
        self.previewUpdated.emit()

    def _preview_failed(self, exc: object) -> None:
        if not isinstance(exc, UserFacingError):
            present(exc if isinstance(exc, BaseException) else RuntimeError(str(exc)), self)
            return
        self.prepared = None
        self.problem = str(exc)
        self._show_result()
        self.previewUpdated.emit()

    def _preview_done(self) -> None:
        if self._pending:
            self.refresh_preview()

    def _show_result(self) -> None:
        if not hasattr(self, "changes"):
            return
        lang = self.ui_language()
        self.left_out.clear()
        self.changes.clear()
        if self.problem is not None:
            self.status.setText(self.problem)
            self.preview.clear()
        elif self.prepared is not None:
            prepared = self.prepared
            self.preview.setHtml(prepared.html)
            for line in left_out_lines(prepared.left_out, dict(self.document.raw), lang):
                self.left_out.addItem(line)
            for change in prepared.changes:
                after = change.after or self.tr("(removed)")
                self.changes.addItem(f"{change.path}: {change.before} → {after}")
            if prepared.left_out:
                self.status.setText(
                    self.tr(
                        "%n thing(s) stay with you; see “Left out”.", "", len(prepared.left_out)
                    )
                )
            else:
                self.status.setText(self.tr("Everything in the document will be shared."))
        self.show_changes.setEnabled(bool(self.prepared and self.prepared.changes))
        self.share_button.setEnabled(self._can_share())
