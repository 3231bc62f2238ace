"""Qt's own strings that Qt's Danish translation (``qtbase_da.qm``) lacks.

Qt 6 renamed a few labels of its file dialog ("&Look in:", "Files of &type:") and its Danish
catalogue still has only the old ones, so a Danish file dialog said "Look in:". Marking them
here puts them, in Qt's own context, into our ``xshare_da.ts``; our translator is installed after
Qt's and answers first. Nothing imports these names: the marks are for the extractor.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_FILE_DIALOG = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
