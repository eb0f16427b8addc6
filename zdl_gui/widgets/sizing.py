"""Sizing helpers for scroll areas and tables whose content changes with the language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QTableWidget, QWidget


def fit_scroll_width(scroll: QScrollArea) -> None:
    """Make a vertical scroll area wide enough for its content (call after texts change)."""
    content = scroll.widget()
    content.adjustSize()
    bar = scroll.verticalScrollBar().sizeHint().width()
    scroll.setMinimumWidth(content.minimumSizeHint().width() + bar + 4)


def fit_table_height(table: QTableWidget) -> None:
    """Let ``table`` grow no taller than its rows need (it scrolls when given less)."""
    table.resizeRowsToContents()
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    frame = 2 * table.frameWidth()
    table.setMaximumHeight(table.horizontalHeader().sizeHint().height() + rows + frame + 2)


def vertical_scroll(content: QWidget) -> QScrollArea:
    """A frameless scroll area around ``content`` that scrolls up and down, never sideways."""
    scroll = QScrollArea()
    scroll.setWidget(content)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return scroll
