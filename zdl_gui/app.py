"""Start-up: the QApplication, the main window and the command line."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication

import zdl_gui
from zdl_gui.main_window import MainWindow


def create_app(argv: Sequence[str]) -> QApplication:
    """Return the application object, creating it with ZDL Studio's names if needed."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(list(argv))
    app.setOrganizationName("ZDL Studio")
    app.setApplicationName("ZDL Studio")
    app.setApplicationVersion(zdl_gui.__version__)
    app.setStyle("Fusion")
    return app


def main(argv: Sequence[str] | None = None) -> int:
    """Run ZDL Studio; return the exit code."""
    args = list(sys.argv if argv is None else argv)
    app = create_app(args)
    window = MainWindow()
    window.show()
    return app.exec()
