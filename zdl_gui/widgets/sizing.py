"""Sizing helpers: scroll areas and tables whose content changes with the language, splitters."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QScrollArea, QSplitter, QTableWidget, QWidget


def fit_table_height(table: QTableWidget) -> None:
    """Let ``table`` grow no taller than its rows need (it scrolls when given less)."""
    table.resizeRowsToContents()
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    frame = 2 * table.frameWidth()
    table.setMaximumHeight(table.horizontalHeader().sizeHint().height() + rows + frame + 2)


class VerticalScroll(QScrollArea):
    """A frameless scroll area that scrolls up and down, never sideways, and is never narrower
    than its content needs with room for the scroll bar, whatever the language or the content
    (a message appearing, a longer label) does to that width."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is None:
            return hint
        bar = self.verticalScrollBar().sizeHint().width()
        width = content.minimumSizeHint().width() + bar + 2 * self.frameWidth()
        return QSize(max(hint.width(), width), hint.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the content's needs changed: the layout asks again
        return super().eventFilter(watched, event)


def vertical_scroll(content: QWidget) -> VerticalScroll:
    """A :class:`VerticalScroll` around ``content``."""
    return VerticalScroll(content)


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
