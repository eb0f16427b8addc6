"""The decision boundary of a network trained on 2-D points, redrawn as it learns.

The plane is shaded with the class the network predicts at each point of a grid, stronger where
its softmax is surer; the training points (filled) and test points (rings) are drawn on top.
The grid is evaluated in the worker thread (:func:`core.network_views.decision_map`).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRectF
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from core.network_views import BoundaryGrid, DecisionMap
from zdl_gui.plotting import ThemedPlot
from zdl_gui.tabs import training_text as T
from zdl_gui.tabs.dataset_panel import scatter_spots
from zdl_gui.tabs.training_jobs import LoadedData
from zdl_gui.theme import curve_color


def class_map_rgba(result: DecisionMap, n_classes: int, palette: QPalette) -> np.ndarray:
    """(ny, nx, 4) pixels: each class's colour, more opaque where the prediction is surer."""
    colors = np.array(
        [curve_color(c, palette).getRgb()[:3] for c in range(n_classes)], dtype=np.float64
    )
    rgb = colors[np.clip(result.classes, 0, n_classes - 1)]
    chance = 1.0 / n_classes
    sure = np.clip((result.confidence - chance) / (1.0 - chance), 0.0, 1.0)
    alpha = 40 + 150 * sure
    return np.concatenate([rgb, alpha[..., np.newaxis]], axis=-1).astype(np.uint8)


class DecisionBoundaryView(QWidget):
    """The plane coloured by predicted class, with the data points."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data: LoadedData | None = None
        self._map: DecisionMap | None = None
        self._iteration = 0
        self.plot = ThemedPlot()
        self.plot.setAspectLocked(True)
        self.plot.setMenuEnabled(False)
        self.plot.setMinimumSize(240, 240)
        self.image = pg.ImageItem()
        self.image.setZValue(-10)
        self.plot.addItem(self.image)
        self.points = pg.ScatterPlotItem(size=7)
        self.plot.addItem(self.points)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.caption)

    def retranslate_ui(self) -> None:
        self.plot.set_texts(title=self.tr("Decision boundary"), left="x₂", bottom="x₁")
        self.caption.setText(
            self.tr(
                "Shaded: the class the network predicts at each point, stronger where it is "
                "surer. Dots: training points; rings: test points."
            )
        )
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and getattr(self, "_data", None):
            self.set_data(self._data)
            if self._map is not None:
                self.show_map(self._map, self._iteration)
        super().changeEvent(event)

    def set_data(self, data: LoadedData | None) -> None:
        """Show the points of 2-D data (nothing for image data)."""
        self._data, self._map = data, None
        self.image.clear()
        if data is None or data.grid is None:
            self.points.clear()
            self._show_status()
            return
        dataset, palette = data.dataset, self.palette()
        self.points.setData(
            scatter_spots(dataset.x_train, dataset.t_train, palette, hollow=False)
            + scatter_spots(dataset.x_test, dataset.t_test, palette, hollow=True)
        )
        self.image.setRect(_grid_rect(data.grid))
        self.plot.autoRange(padding=0.02)
        self._show_status()

    def show_map(self, result: DecisionMap, iteration: int) -> None:
        if self._data is None or self._data.grid is None:
            return
        self._map, self._iteration = result, iteration
        rgba = class_map_rgba(result, self._data.dataset.n_classes, self.palette())
        self.image.setImage(np.ascontiguousarray(rgba.transpose(1, 0, 2)), autoLevels=False)
        self.image.setRect(_grid_rect(self._data.grid))
        self._show_status()

    def _show_status(self) -> None:
        if self._data is None or self._data.grid is None:
            self.status.setText(
                self.tr("Choose one of the 2-D point sets as data to see a decision boundary.")
            )
        elif self._map is None:
            self.status.setText(self.tr("Start a run to see the boundary form."))
        else:
            self.status.setText(
                self.tr("What the network predicts after {0} updates.").format(
                    T.count(self._iteration)
                )
            )


def _grid_rect(grid: BoundaryGrid) -> QRectF:
    dx = (grid.xs[-1] - grid.xs[0]) / (len(grid.xs) - 1)
    dy = (grid.ys[-1] - grid.ys[0]) / (len(grid.ys) - 1)
    return QRectF(
        float(grid.xs[0] - dx / 2),
        float(grid.ys[0] - dy / 2),
        float(dx * len(grid.xs)),
        float(dy * len(grid.ys)),
    )
