"""The "Check conformance" page laid out: documents, specification, actions, findings, text.

``ConformanceViewLayout`` builds the widgets and sets their texts; ``conformance_view``'s
``ConformanceView`` adds the behaviour (TagStudio style: a view plus its controller).
"""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTextEdit,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from xshare_desktop.gui.style import set_heading
from xshare_desktop.gui.widgets import MutedLabel


class ConformanceViewLayout(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(8)
        self.title = QLabel()
        set_heading(self.title, 1)
        self.intro = MutedLabel()

        self.documents_label = QLabel()
        self.documents = QListWidget()
        self.documents.setObjectName("ConformanceDocuments")
        self.documents.setMaximumHeight(90)
        self.add_button = QPushButton()
        self.add_button.setObjectName("AddConformanceFiles")
        self.use_open_button = QPushButton()
        self.use_open_button.setObjectName("UseOpenDocument")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("RemoveConformanceFile")
        document_buttons = QVBoxLayout()
        for button in (self.add_button, self.use_open_button, self.remove_button):
            document_buttons.addWidget(button)
        document_buttons.addStretch(1)
        documents_row = QHBoxLayout()
        documents_row.addWidget(self.documents, 1)
        documents_row.addLayout(document_buttons)

        self.profile_label = QLabel()
        self.profile_combo = QComboBox()
        self.profile_combo.setObjectName("ConformanceProfile")
        self.profile_combo.setMinimumContentsLength(40)
        self.profile_label.setBuddy(self.profile_combo)
        profile_row = QHBoxLayout()
        profile_row.addWidget(self.profile_label)
        profile_row.addWidget(self.profile_combo, 1)

        self.check_button = QPushButton()
        self.check_button.setObjectName("RunConformanceCheck")
        self.check_button.setProperty("role", "primary")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("CancelConformanceCheck")
        self.progress = QProgressBar()
        self.progress.setObjectName("ConformanceProgress")
        self.progress.setTextVisible(False)
        self.export_button = QPushButton()
        self.export_button.setObjectName("ExportConformanceReport")
        action_row = QHBoxLayout()
        action_row.addWidget(self.check_button)
        action_row.addWidget(self.cancel_button)
        action_row.addWidget(self.progress, 1)
        action_row.addWidget(self.export_button)
        self.status = QLabel()
        self.status.setObjectName("ConformanceStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.issues = QTreeWidget()
        self.issues.setObjectName("ConformanceIssues")
        self.issues.setColumnCount(3)
        self.issues.setWordWrap(True)
        self.issues.setUniformRowHeights(False)
        self.detail = QLabel()
        self.detail.setObjectName("ConformanceIssueDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.source_view = QPlainTextEdit()
        self.source_view.setObjectName("ConformanceSource")
        self.source_view.setReadOnly(True)
        self.source_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail)
        right_layout.addWidget(self.source_view, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.issues)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.documents_label)
        layout.addLayout(documents_row)
        layout.addLayout(profile_row)
        layout.addLayout(action_row)
        layout.addWidget(self.status)
        layout.addWidget(self.splitter, 1)

    # -- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every text of the page in the current language (the controller adds the findings)."""
        self.title.setText(self.tr("Check conformance"))
        self.source_view.setPlaceholderText(
            self.tr("Choose a finding on the left to see it here, in the document's own text.")
        )
        self.intro.setText(
            self.tr(
                "Check FHIR documents (JSON or XML) against the profiles of the installed "
                "implementation guides, such as the International Patient Summary. Everything "
                "runs on this computer."
            )
        )
        self.documents_label.setText(self.tr("Documents to check:"))
        self.add_button.setText(self.tr("Add files…"))
        self.use_open_button.setText(self.tr("Use the open document"))
        self.remove_button.setText(self.tr("Remove"))
        self.profile_label.setText(self.tr("Specification:"))
        if self.profile_combo.count():
            self.profile_combo.setItemText(0, self._detect_text())
        self.check_button.setText(self.tr("Check"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.export_button.setText(self.tr("Export report…"))
        self.issues.setHeaderLabels([self.tr("Issue"), self.tr("Location"), self.tr("Line")])

    def _detect_text(self) -> str:
        return self.tr("Detect from each document (meta.profile, or IPS for a patient summary)")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_position(self, line: int | None, column: int | None) -> None:
        """Put the cursor on ``line``/``column`` of the shown text and highlight that line."""
        if line is None:
            self.source_view.setExtraSelections([])
            return
        block = self.source_view.document().findBlockByNumber(line - 1)
        if not block.isValid():
            return
        cursor = QTextCursor(block)
        offset = min(max((column or 1) - 1, 0), max(block.length() - 1, 0))
        cursor.setPosition(block.position() + offset)
        self.source_view.setTextCursor(cursor)
        self.source_view.centerCursor()
        selection = QTextEdit.ExtraSelection()
        highlight = QTextCharFormat()
        highlight.setBackground(QColor(255, 214, 102, 140))
        highlight.setProperty(QTextFormat.Property.FullWidthSelection, True)
        selection.format = highlight
        selection.cursor = QTextCursor(cursor)
        selection.cursor.clearSelection()
        self.source_view.setExtraSelections([selection])
