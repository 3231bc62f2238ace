"""Runtime language switching: Danish and English, changeable while the app runs.

Source strings are English. Installing a translator makes Qt send every widget
a ``QEvent.LanguageChange``; views retranslate themselves in ``changeEvent``.
Qt's own strings (standard dialog buttons) come from Qt's ``qtbase_*.qm``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

LANGUAGES: dict[str, str] = {"da": "Dansk", "en": "English"}
DEFAULT_LANGUAGE = "da"
QM_DIR = Path(__file__).resolve().parent.parent / "i18n"


def qm_path(code: str) -> Path:
    return QM_DIR / f"xshare_{code}.qm"


def system_language() -> str:
    return "da" if QLocale.system().language() == QLocale.Language.Danish else "en"


def resolve_language(preferred: str | None, *, booth: bool = False) -> str:
    """The language to start in: an explicit choice, else Danish in booth mode, else the system's."""
    if preferred in LANGUAGES:
        return preferred
    if booth:
        return DEFAULT_LANGUAGE
    return system_language()


def startup_language(command_line: str | None, saved: str, *, booth: bool) -> str:
    """The language the app starts in.

    A booth always starts in Danish, whatever a person chose in normal mode on this machine
    (the saved choice); only ``--lang`` given at the booth's own start overrides it.
    """
    if booth:
        return resolve_language(command_line, booth=True)
    return resolve_language(command_line or saved)


class LanguageManager(QObject):
    language_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._translators: list[QTranslator] = []
        self._code = "en"

    @property
    def code(self) -> str:
        return self._code

    def locale(self) -> QLocale:
        return QLocale(
            QLocale.Language.Danish if self._code == "da" else QLocale.Language.English,
            QLocale.Country.Denmark if self._code == "da" else QLocale.Country.UnitedKingdom,
        )

    def uninstall(self) -> None:
        """Remove this manager's translators (back to the English source strings)."""
        app = QCoreApplication.instance()
        for translator in self._translators:
            if app is not None:
                app.removeTranslator(translator)
        self._translators = []

    def set_language(self, code: str) -> None:
        if code not in LANGUAGES:
            raise ValueError(f"unsupported language {code!r}")
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the QApplication first")
        self.uninstall()
        self._code = code
        QLocale.setDefault(self.locale())
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for directory, name in ((qt_dir, f"qtbase_{code}"), (str(QM_DIR), f"xshare_{code}")):
            translator = QTranslator(self)
            if translator.load(name, directory):
                app.installTranslator(translator)
                self._translators.append(translator)
        self.language_changed.emit(code)
