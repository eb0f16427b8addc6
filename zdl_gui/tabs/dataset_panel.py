"""The data being learned: sample images with their labels, class counts, sizes (§3.6.1).

For the 2-D toy sets the samples are drawn as points coloured by class instead of images.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.datasets import Dataset
from core.network_views import class_counts, image_mosaic, samples_per_class
from zdl_gui.plotting import ThemedPlot
from zdl_gui.tabs import training_text as T
from zdl_gui.tabs.network_inspector import image_item_data
from zdl_gui.theme import curve_color

#: Sample images shown per class.
PER_CLASS = 10


def ink_rgba(values: np.ndarray, palette: QPalette) -> np.ndarray:
    """RGBA pixels for values in [0, 1]: ink (1) in the text colour on paper (0) in the plot's
    background colour, so images read well in light and dark themes; NaN transparent."""
    paper = QColor(palette.color(QPalette.ColorRole.Base)).getRgb()[:3]
    ink = QColor(palette.color(QPalette.ColorRole.Text)).getRgb()[:3]
    v = np.clip(np.nan_to_num(values, nan=0.0), 0.0, 1.0)[..., np.newaxis]
    rgb = np.array(paper, dtype=np.float64) * (1.0 - v) + np.array(ink, dtype=np.float64) * v
    alpha = np.where(np.isnan(values), 0, 255)[..., np.newaxis]
    return np.concatenate([rgb, alpha], axis=-1).astype(np.uint8)


def scatter_spots(x: np.ndarray, labels: np.ndarray, palette: QPalette, *, hollow: bool) -> list:
    """Spots for ScatterPlotItem: points coloured by class, filled or hollow."""
    outline = QColor(palette.color(QPalette.ColorRole.Text))
    outline.setAlpha(200)
    spots = []
    for (x0, x1), label in zip(x[:, :2].tolist(), labels.tolist(), strict=True):
        color = curve_color(int(label), palette)
        spots.append(
            {
                "pos": (x0, x1),
                "brush": pg.mkBrush(None) if hollow else pg.mkBrush(color),
                "pen": pg.mkPen(color, width=1.5) if hollow else pg.mkPen(outline, width=0.5),
                "symbol": "o",
            }
        )
    return spots


class DatasetView(QWidget):
    """Samples, counts per class and the train/test sizes of the loaded data."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dataset: Dataset | None = None
        self.sizes = QLabel()
        self.sizes.setWordWrap(True)
        self.samples_plot = ThemedPlot()
        self.samples_plot.setMenuEnabled(False)
        self.samples_plot.setMinimumSize(220, 200)
        self.samples_image = pg.ImageItem()
        self.samples_plot.addItem(self.samples_image)
        self.points = pg.ScatterPlotItem(size=7)
        self.samples_plot.addItem(self.points)
        self.counts_plot = ThemedPlot()
        self.counts_plot.setMenuEnabled(False)
        self.counts_plot.setMouseEnabled(x=False, y=False)
        self.counts_plot.setMinimumSize(200, 160)
        self.train_bars = pg.BarGraphItem(x=[], height=[], width=0.4)
        self.test_bars = pg.BarGraphItem(x=[], height=[], width=0.4)
        self.counts_plot.addItem(self.train_bars)
        self.counts_plot.addItem(self.test_bars)
        self.counts_legend = self.counts_plot.plotItem.addLegend(offset=(-10, 10))
        self.counts_legend.addItem(self.train_bars, "")
        self.counts_legend.addItem(self.test_bars, "")

        plots = QHBoxLayout()
        plots.addWidget(self.samples_plot, 3)
        plots.addWidget(self.counts_plot, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sizes)
        layout.addLayout(plots, 1)

    def retranslate_ui(self) -> None:
        self.counts_plot.set_texts(
            title=self.tr("Samples per class"), left=self.tr("count"), bottom=self.tr("class")
        )
        for sample, label in self.counts_legend.items:
            label.setText(
                self.tr("training") if sample.item is self.train_bars else self.tr("test")
            )
        self._show_texts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and getattr(self, "_dataset", None):
            self.show_dataset(self._dataset)
        super().changeEvent(event)

    def _show_texts(self) -> None:
        data = self._dataset
        if data is None:
            self.sizes.setText(self.tr("Loading the data…"))
            self.samples_plot.set_texts(title=self.tr("Samples"))
            return
        if data.image_shape is not None:
            rows, cols = data.image_shape
            kind = self.tr("{0}×{1} pixel images").format(rows, cols)
            self.samples_plot.set_texts(
                title=self.tr("The first {0} training images of each class").format(PER_CLASS),
                left=self.tr("class"),
                bottom="",
            )
        else:
            kind = self.tr("points in the plane")
            self.samples_plot.set_texts(
                title=self.tr("Training points (filled) and test points (rings)"),
                left="x₂",
                bottom="x₁",
            )
        self.sizes.setText(
            self.tr(
                "{0}: {1} training and {2} test samples, {3}, {4} classes ({5} inputs per sample)."
            ).format(
                data.name,
                T.count(len(data.x_train)),
                T.count(len(data.x_test)),
                kind,
                data.n_classes,
                T.count(int(np.prod(data.x_train.shape[1:]))),
            )
        )

    def show_dataset(self, data: Dataset | None) -> None:
        self._dataset = data
        self._show_texts()
        if data is None:
            self.samples_image.clear()
            self.points.clear()
            return
        palette = self.palette()
        left = self.samples_plot.getAxis("left")
        if data.image_shape is not None:
            self.points.clear()
            rows, cols = data.image_shape
            picked = samples_per_class(data.t_train, data.n_classes, PER_CLASS)
            mosaic, _ = image_mosaic(
                data.x_train[picked].reshape(-1, rows, cols), per_row=PER_CLASS
            )
            self.samples_image.setImage(
                image_item_data(ink_rgba(mosaic, palette)), autoLevels=False
            )
            self.samples_plot.plotItem.vb.invertY(True)
            self.samples_plot.setAspectLocked(True)
            self.samples_plot.plotItem.showGrid(x=False, y=False)
            self.samples_plot.plotItem.hideAxis("bottom")
            left.setTicks(
                [[(c * (rows + 1) + rows / 2, data.class_names[c]) for c in range(data.n_classes)]]
            )
            self.samples_plot.autoRange(padding=0.02)
        else:
            self.samples_image.clear()
            left.setTicks(None)
            self.samples_plot.plotItem.vb.invertY(False)
            self.samples_plot.setAspectLocked(True)
            self.samples_plot.plotItem.showAxis("bottom")
            self.samples_plot.plotItem.showGrid(x=True, y=True, alpha=0.25)
            self.points.setData(
                scatter_spots(data.x_train, data.t_train, palette, hollow=False)
                + scatter_spots(data.x_test, data.t_test, palette, hollow=True)
            )
            self.samples_plot.autoRange(padding=0.05)
        classes = np.arange(data.n_classes)
        color0, color1 = curve_color(0, palette), curve_color(1, palette)
        self.train_bars.setOpts(
            x=classes - 0.2,
            height=class_counts(data.t_train, data.n_classes),
            width=0.4,
            brush=color0,
            pen=pg.mkPen(color0),
        )
        self.test_bars.setOpts(
            x=classes + 0.2,
            height=class_counts(data.t_test, data.n_classes),
            width=0.4,
            brush=color1,
            pen=pg.mkPen(color1),
        )
        short = data.name == "Fashion-MNIST"
        self.counts_plot.getAxis("bottom").setTicks(
            [[(c, str(c) if short else data.class_names[c]) for c in range(data.n_classes)]]
        )
        tallest = int(max(class_counts(data.t_train, data.n_classes).max(), 1))
        self.counts_plot.setXRange(-0.7, data.n_classes - 0.3, padding=0)
        self.counts_plot.setYRange(0, tallest * 1.3, padding=0)  # room for the legend
