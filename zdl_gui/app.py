"""Start-up: the command line, the QApplication, language, theme, error dialog, main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

import zdl_gui
from zdl_gui.error_dialog import install_excepthook
from zdl_gui.i18n import LanguageSwitcher
from zdl_gui.main_window import START, MainWindow
from zdl_gui.resources import ICONS_DIR
from zdl_gui.settings import Settings
from zdl_gui.tabs.registry import available_topics
from zdl_gui.theme import apply_theme


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    """ZDL Studio's own options, and what is left for Qt (e.g. ``-platform offscreen``)."""
    views = [START, *(topic.id for _, topic in available_topics())]
    parser = argparse.ArgumentParser(
        prog="zdl-gui",
        description="ZDL Studio: a study companion for 『ゼロから作るDeep Learning』.",
    )
    parser.add_argument("--lang", choices=["ja", "en", "system"], help="language for this run")
    parser.add_argument(
        "--tab", choices=views, metavar="ID", help=f"view to open: {', '.join(views)}"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {zdl_gui.__version__}")
    options, rest = parser.parse_known_args(list(argv[1:]))
    return options, [argv[0] if argv else "zdl-gui", *rest]


def create_app(argv: Sequence[str]) -> QApplication:
    """Return the application object, creating it with ZDL Studio's names if needed."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(list(argv))
    QCoreApplication.setOrganizationName("ZDL Studio")
    QCoreApplication.setApplicationName("ZDL Studio")
    QCoreApplication.setApplicationVersion(zdl_gui.__version__)
    app.setWindowIcon(QIcon(str(ICONS_DIR / "app.svg")))
    app.setStyle("Fusion")
    return app


def main(argv: Sequence[str] | None = None) -> int:
    """Run ZDL Studio; return the exit code."""
    options, qt_argv = parse_args(sys.argv if argv is None else argv)
    app = create_app(qt_argv)
    settings = Settings()
    languages = LanguageSwitcher(app)
    languages.apply(options.lang or settings.value("ui/language"))
    apply_theme(app, settings.value("ui/theme"))
    window = MainWindow(settings, languages)
    install_excepthook(window)
    if options.tab:
        window.show_view(options.tab)
    window.show()
    return app.exec()
