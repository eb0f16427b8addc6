"""An unexpected error becomes a dialog with the details, and the app keeps running."""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget


def show_error_dialog(
    parent: QWidget | None,
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
) -> QMessageBox:
    """Open (without blocking) a dialog describing ``exc``, with its details and a copy button."""
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("ErrorDialog", "Unexpected error"))
    box.setText(
        QCoreApplication.translate(
            "ErrorDialog",
            "Something went wrong: {0}\n\nZDL Studio keeps running; what you entered is kept.",
        ).format(f"{exc_type.__name__}: {exc}")
    )
    box.setDetailedText(details)
    copy = QPushButton(QCoreApplication.translate("ErrorDialog", "Copy details"), box)
    box.addButton(copy, QMessageBox.ButtonRole.ActionRole)
    copy.clicked.disconnect()  # keep the box open after copying
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
    box.addButton(QMessageBox.StandardButton.Close)
    box.open()
    return box


def install_excepthook(parent: QWidget | None) -> None:
    """Show uncaught exceptions in a dialog instead of letting them end the app."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        sys.__excepthook__(exc_type, exc, tb)  # keep the traceback on the terminal too
        show_error_dialog(parent, exc_type, exc, tb)

    sys.excepthook = hook
