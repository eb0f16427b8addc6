"""Japanese and English, the Qt way: Qt Linguist ``.ts`` sources compiled to ``.qm``.

English is the source language in the code. At start-up and on every switch the app installs
Qt's own ``qtbase_ja`` (standard buttons and dialogs) and ``resources/translations/zdl_ja.qm``;
Qt then sends ``LanguageChange`` to every widget, which re-runs its ``retranslate_ui``.

Maintainers refresh the translation after changing strings with::

    uv run python -m zdl_gui.i18n          # pyside6-lupdate, then pyside6-lrelease

then translate the new entries in ``zdl_ja.ts`` (with ``pyside6-linguist`` or by hand) and run
it again to compile. The tests fail while an entry is unfinished or the ``.qm`` is stale.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from zdl_gui.resources import TRANSLATIONS_DIR

#: Language ids and their names, each in its own language.
LANGUAGES: dict[str, str] = {"ja": "日本語", "en": "English"}

TS_FILE = TRANSLATIONS_DIR / "zdl_ja.ts"
QM_FILE = TRANSLATIONS_DIR / "zdl_ja.qm"
SOURCE_DIR = Path(__file__).resolve().parent


def resolve_language(setting: str) -> str:
    """``"ja"`` or ``"en"`` for a setting of ``"ja"``, ``"en"`` or ``"system"``."""
    if setting in LANGUAGES:
        return setting
    return "ja" if QLocale.system().language() == QLocale.Language.Japanese else "en"


class LanguageSwitcher:
    """Installs the translators of one application, replacing whatever this module installed.

    The translators are children of the application, found again by name, so any number of
    switchers (a window's, a test's) agree on what is installed.
    """

    OBJECT_NAME = "zdl-translator"

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.language = "en"

    def apply(self, setting: str) -> str:
        """Switch to the language ``setting`` stands for; return the language now in use."""
        language = resolve_language(setting)
        for old in self.app.findChildren(QTranslator, self.OBJECT_NAME):
            self.app.removeTranslator(old)
            old.setParent(None)
        if language == "ja":
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            for name, folder in (("qtbase_ja", qt_dir), ("zdl_ja", str(TRANSLATIONS_DIR))):
                translator = QTranslator(self.app)
                translator.setObjectName(self.OBJECT_NAME)
                if translator.load(name, folder):
                    self.app.installTranslator(translator)
                else:
                    translator.setParent(None)
        locale = QLocale.Language.Japanese if language == "ja" else QLocale.Language.English
        QLocale.setDefault(QLocale(locale))
        self.language = language
        return language


def source_files() -> list[Path]:
    """Every Python file whose strings belong in the translation."""
    return sorted(SOURCE_DIR.rglob("*.py"))


def _tool(name: str) -> str:
    """The path of a PySide6 command-line tool installed next to this Python."""
    local = Path(sys.executable).with_name(name)
    found = str(local) if local.exists() else shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} not found; it comes with PySide6 (uv sync)")
    return found


def update_ts(ts_file: Path = TS_FILE) -> None:
    """Extract the marked strings into ``ts_file`` (keeping existing translations)."""
    files = [str(p) for p in source_files()]
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            *files,
            "-ts",
            str(ts_file),
            "-no-obsolete",
            "-locations",
            "none",
        ],
        check=True,
        capture_output=True,
    )


def compile_qm(ts_file: Path = TS_FILE, qm_file: Path = QM_FILE) -> None:
    """Compile ``ts_file`` into ``qm_file``."""
    subprocess.run(
        [_tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)],
        check=True,
        capture_output=True,
    )


if __name__ == "__main__":
    update_ts()
    compile_qm()
    print(f"updated {TS_FILE} and {QM_FILE}")
