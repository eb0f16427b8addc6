"""Inside the network while it learns: first-layer weights as images, weight and activation
histograms per layer (§6.2, Fig. 6-10 to 6-14).

Fed with :class:`~zdl_gui.tabs.training_jobs.NetworkSnapshot` records computed in the worker
thread every half second, so what is drawn here never races with the weights being updated.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.network_views import Histogram
from zdl_gui.plotting import ThemedPlot
from zdl_gui.tabs import training_text as T
from zdl_gui.tabs.training_jobs import NetworkSnapshot
from zdl_gui.theme import curve_color, is_dark
from zdl_gui.widgets.sizing import panes

NEGATIVE, POSITIVE = "#0072B2", "#D55E00"  # Okabe–Ito blue and vermillion


def diverging_rgba(values: np.ndarray, palette: QPalette) -> np.ndarray:
    """RGBA pixels for values in [−1, 1]: blue below 0, red above, NaN transparent.

    Zero is the plot's background tone, so an untrained (near-zero) weight fades away.
    """
    neutral = QColor("#3a3a3e" if is_dark(palette) else "#f2f2f2")
    low, high = QColor(NEGATIVE), QColor(POSITIVE)
    mid = np.array([neutral.red(), neutral.green(), neutral.blue()], dtype=np.float64)
    neg = np.array([low.red(), low.green(), low.blue()], dtype=np.float64)
    pos = np.array([high.red(), high.green(), high.blue()], dtype=np.float64)
    v = np.nan_to_num(values, nan=0.0)
    v = np.clip(v, -1.0, 1.0)[..., np.newaxis]
    rgb = np.where(v < 0, mid + (neg - mid) * (-v), mid + (pos - mid) * v)
    alpha = np.where(np.isnan(values), 0, 255)[..., np.newaxis]
    return np.concatenate([rgb, alpha], axis=-1).astype(np.uint8)


def image_item_data(rgba: np.ndarray) -> np.ndarray:
    """(rows, cols, 4) → the (x, y, 4) layout ImageItem draws by default (with invertY)."""
    return np.ascontiguousarray(rgba.transpose(1, 0, 2))


class NetworkInspector(QWidget):
    """Weights of the first layer as images, and the histograms of §6.2 for every layer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._snapshot: NetworkSnapshot | None = None
        self.weights_plot = ThemedPlot()
        self.weights_plot.setAspectLocked(True)
        self.weights_plot.plotItem.vb.invertY(True)
        self.weights_plot.plotItem.hideAxis("left")
        self.weights_plot.plotItem.hideAxis("bottom")
        self.weights_plot.plotItem.showGrid(x=False, y=False)
        self.weights_plot.setMouseEnabled(x=False, y=False)
        self.weights_plot.setMenuEnabled(False)
        self.weights_plot.setMinimumSize(200, 200)
        self.weights_image = pg.ImageItem()
        self.weights_plot.addItem(self.weights_image)
        self.weights_caption = QLabel()
        self.weights_caption.setWordWrap(True)

        self.weight_hist_plot = ThemedPlot()
        self.activation_hist_plot = ThemedPlot()
        self.weight_legend = self.weight_hist_plot.plotItem.addLegend(offset=(-10, 10))
        self.activation_legend = self.activation_hist_plot.plotItem.addLegend(offset=(-10, 10))
        for plot in (self.weight_hist_plot, self.activation_hist_plot):
            plot.setMinimumHeight(120)
            plot.setMenuEnabled(False)
            for axis in ("left", "bottom"):
                plot.getAxis(axis).enableAutoSIPrefix(False)
        self.weight_curves: dict[str, pg.PlotDataItem] = {}
        self.activation_curves: dict[str, pg.PlotDataItem] = {}
        self.status = QLabel()
        self.status.setWordWrap(True)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.weights_plot, 1)
        left_layout.addWidget(self.weights_caption)
        right = panes(Qt.Orientation.Vertical, self.weight_hist_plot, self.activation_hist_plot)
        splitter = panes(Qt.Orientation.Horizontal, left, right)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def retranslate_ui(self) -> None:
        self.weight_hist_plot.set_texts(
            title=self.tr("Weights per layer"),
            left=self.tr("share of weights"),
            bottom=self.tr("weight value"),
        )
        self.activation_hist_plot.set_texts(
            title=self.tr("Activations (§6.2, Fig. 6-10)"),
            left=self.tr("share of hidden outputs"),
            bottom=self.tr("activation value"),
        )
        self._show_status()
        self._show_caption()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and getattr(self, "_snapshot", None):
            self.show_snapshot(self._snapshot)
        super().changeEvent(event)

    def clear(self) -> None:
        self._snapshot = None
        self.weights_image.clear()
        for curves, plot, legend in (
            (self.weight_curves, self.weight_hist_plot, self.weight_legend),
            (self.activation_curves, self.activation_hist_plot, self.activation_legend),
        ):
            for curve in curves.values():
                plot.removeItem(curve)
            curves.clear()
            legend.clear()
        self._show_status()
        self._show_caption()

    def show_snapshot(self, snapshot: NetworkSnapshot | None) -> None:
        """Draw ``snapshot`` (histograms always; the weight images for image data)."""
        self._snapshot = snapshot
        if snapshot is None:
            self.clear()
            return
        self._draw_histograms(
            snapshot.weights, self.weight_curves, self.weight_hist_plot, self.weight_legend
        )
        self._draw_histograms(
            snapshot.activations,
            self.activation_curves,
            self.activation_hist_plot,
            self.activation_legend,
        )
        if snapshot.mosaic is not None:
            mosaic, _per_row = snapshot.mosaic
            self.weights_image.setImage(
                image_item_data(diverging_rgba(mosaic, self.palette())), autoLevels=False
            )
            self.weights_plot.autoRange(padding=0.02)
            self.weights_plot.show()
        else:
            self.weights_image.clear()
        self._show_status()
        self._show_caption()

    def _draw_histograms(
        self,
        histograms: dict[str, Histogram],
        curves: dict[str, pg.PlotDataItem],
        plot: ThemedPlot,
        legend: pg.LegendItem,
    ) -> None:
        if list(curves) != list(histograms):
            for curve in curves.values():
                plot.removeItem(curve)
            curves.clear()
            legend.clear()
            for index, name in enumerate(histograms):
                color = curve_color(index, self.palette())
                fill = QColor(color)
                fill.setAlpha(50)
                curve = pg.PlotDataItem(
                    stepMode="center", fillLevel=0, pen=pg.mkPen(color, width=1.5), brush=fill
                )
                plot.addItem(curve)
                legend.addItem(curve, name)
                curves[name] = curve
        for name, hist in histograms.items():
            total = max(int(hist.counts.sum()), 1)
            curves[name].setData(hist.edges, hist.counts / total)

    def _show_status(self) -> None:
        snapshot = self._snapshot
        if snapshot is None:
            self.status.setText(
                self.tr("Start a run: the network's insides appear here and follow the training.")
            )
            return
        parts = [
            self.tr("After {0} updates.").format(T.count(snapshot.iteration))
            if snapshot.iteration
            else self.tr("Initial weights, before the first update.")
        ]
        broken = [name for name, h in snapshot.weights.items() if h.n_nonfinite]
        if broken:
            parts.append(
                self.tr("{0} hold NaN or infinite values: the run diverged.").format(
                    ", ".join(broken)
                )
            )
        else:
            parts.append(
                self.tr("Largest |weight|: {0}.").format(
                    ", ".join(
                        f"{name} {T.number(h.max_abs, 3)}" for name, h in snapshot.weights.items()
                    )
                )
            )
        stats = "; ".join(
            self.tr("{0}: mean {1}, std {2}").format(name, T.number(h.mean, 3), T.number(h.std, 3))
            for name, h in snapshot.activations.items()
        )
        if stats:
            parts.append(stats)
        self.status.setText(" ".join(parts))

    def _show_caption(self) -> None:
        snapshot = self._snapshot
        if snapshot is not None and snapshot.mosaic is None:
            self.weights_caption.setText(
                self.tr(
                    "First-layer weights are drawn as images for image data only; these points "
                    "have 2 inputs. See the decision boundary page instead."
                )
            )
        else:
            self.weights_caption.setText(
                self.tr(
                    "Each tile: the weights one first-layer unit gives every input pixel "
                    "(W1's column), red > 0, blue < 0, scaled per tile."
                )
            )
