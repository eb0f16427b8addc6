"""Sizing helpers for scroll areas and tables whose content changes with the language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QSplitter, QTableWidget, QWidget


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


def panes(
    orientation: Qt.Orientation,
    *widgets: QWidget,
    stretch: tuple[int, ...] | None = None,
    sizes: list[int] | None = None,
) -> QSplitter:
    """A splitter holding ``widgets`` that can be resized but never collapsed to nothing.

    ``stretch`` gives each pane's share of extra room (equal shares by default); ``sizes`` the
    starting sizes in pixels.
    """
    splitter = QSplitter(orientation)
    for widget in widgets:
        splitter.addWidget(widget)
    for index, factor in enumerate(stretch or (1,) * len(widgets)):
        splitter.setStretchFactor(index, factor)
    splitter.setChildrenCollapsible(False)
    if sizes is not None:
        splitter.setSizes(sizes)
    return splitter
