"""Plots that follow the application's palette, and exporting them."""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import QEvent, QRectF
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QWidget

pg.setConfigOptions(antialias=True)


class ThemedPlot(pg.PlotWidget):
    """A ``PlotWidget`` whose background, axes, title and legend follow the palette.

    Set the title and axis labels through :meth:`set_texts` (from ``retranslate_ui``) so that
    they are redrawn in the right colour when the theme changes.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plotItem.showGrid(x=True, y=True, alpha=0.25)
        for name in ("left", "bottom"):  # "h (x0.001)" would hide the very numbers being taught
            self.plotItem.getAxis(name).enableAutoSIPrefix(False)
        self._texts: dict[str, str] = {}
        self.apply_palette()

    def addLegend(self, *args: object, **kwargs: object) -> pg.LegendItem:
        """A legend whose labels start in the palette's text colour."""
        kwargs.setdefault("labelTextColor", self.foreground())
        return self.plotItem.addLegend(*args, **kwargs)

    def foreground(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Text)

    def set_texts(
        self, *, title: str | None = None, left: str | None = None, bottom: str | None = None
    ) -> None:
        """Set the plot title and the axis labels (None leaves one as it is)."""
        for key, text in (("title", title), ("left", left), ("bottom", bottom)):
            if text is not None:
                self._texts[key] = text
        self._draw_texts()

    def _draw_texts(self) -> None:
        color = self.foreground().name()
        if "title" in self._texts:
            self.plotItem.setTitle(self._texts["title"], color=color)
        for axis in ("left", "bottom"):
            if axis in self._texts:
                self.plotItem.setLabel(axis, self._texts[axis], color=color)

    def apply_palette(self) -> None:
        foreground = self.foreground()
        self.setBackground(self.palette().color(QPalette.ColorRole.Base))
        for name in ("left", "bottom", "right", "top"):
            axis = self.plotItem.getAxis(name)
            axis.setPen(pg.mkPen(foreground))
            axis.setTextPen(pg.mkPen(foreground))
        legend = self.plotItem.legend
        if legend is not None:
            legend.setLabelTextColor(foreground)  # for labels added later
            for _, label in legend.items:  # and redraw the ones already shown
                label.setText(label.text, color=foreground)
        self._draw_texts()

    def changeEvent(self, event: QEvent) -> None:
        # pyqtgraph's own set-up sends a palette change before plotItem exists
        if event.type() == QEvent.Type.PaletteChange and getattr(self, "plotItem", None):
            self.apply_palette()
        super().changeEvent(event)


def export_plot(plot: pg.PlotItem, path: str | Path) -> None:
    """Save ``plot`` as SVG when ``path`` ends in ``.svg``, else as a PNG image.

    SVG goes through Qt's own ``QSvgGenerator``: pyqtgraph 0.14's SVG exporter fails on plots
    with axes (pyqtgraph issue #3485). Raises ``OSError`` when the file cannot be written.
    """
    target = str(path)
    with open(target, "ab"):  # fails early, with the system's reason, if it cannot be written
        pass
    if not target.lower().endswith(".svg"):
        if not ImageExporter(plot).export(target):
            raise OSError(f"could not write {target}")
        return
    rect = plot.sceneBoundingRect()
    generator = QSvgGenerator()
    generator.setFileName(target)
    generator.setSize(rect.size().toSize())
    generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
    generator.setTitle("ZDL Studio")
    painter = QPainter(generator)
    ok = painter.isActive()
    if ok:
        plot.scene().render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
    painter.end()
    if not ok:
        raise OSError(f"could not write {target}")
