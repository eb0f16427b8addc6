"""The batch-normalization lab (§6.3): the grid of training runs, and one BN layer on a batch.

Two views, every number from :mod:`core.batchnorm_lab`:

* **Training grid** – the book's Fig. 6-18: for weight scales from 1 down to 0.0001 the same deep
  network trained with and without batch norm, the training accuracy per epoch in one small plot
  per scale. The runs go in a worker, cell after cell, and the cells fill as they finish; a
  summary plot shows the final accuracy against the scale. Stop ends it at once.
* **Mean and variance** – the per-feature mean and variance of a mini-batch of x·W + b before and
  after a :class:`core.layers.BatchNormalization` layer: ≈ 0 and ≈ 1 after (β and γ² with γ, β).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.batchnorm_lab import (
    BOOK_EPOCHS,
    BOOK_SCALES,
    BOOK_TRAIN_SAMPLES,
    BatchNormStats,
    GridCell,
    GridStep,
    batchnorm_statistics,
    grid_cells,
    preactivation_batch,
    run_grid,
    weight_scales,
)
from core.parsing import format_number
from core.trainer import StopReason
from core.training_runs import RunHistory, planned_length
from zdl_gui.plotting import ThemedPlot
from zdl_gui.tabs import training_text as T
from zdl_gui.tabs.base import Table
from zdl_gui.tabs.lab_widgets import (
    LabRunView,
    count_spin,
    fill_table,
    note_label,
    read_only_table,
    small_title,
    stopped_message,
    style_legend,
)
from zdl_gui.tabs.training_jobs import gui_friendly_blas
from zdl_gui.theme import curve_color
from zdl_gui.widgets.inline_message import InlineMessage, Level
from zdl_gui.widgets.sizing import panes
from zdl_gui.workers import GeneratorWorker, Outcome

if TYPE_CHECKING:
    from core.datasets import Dataset
    from zdl_gui.tabs.labs_tab import LabContext

VIEW_GRID, VIEW_STATS = range(2)


def grid_job(
    worker: GeneratorWorker, cells: tuple[GridCell, ...], data: Dataset, n_train: int
) -> Iterator[GridStep]:
    with gui_friendly_blas():
        yield from run_grid(
            cells,
            data.x_train[:n_train],
            data.t_train[:n_train],
            data.x_test,
            data.t_test,
            data.n_classes,
        )


class GridView(LabRunView):
    """Fig. 6-18: training accuracy with (solid) and without (dashed) batch norm per scale."""

    def __init__(self, context: LabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "batchnorm-grid", parent)
        self.cells: tuple[GridCell, ...] = ()
        self.histories: dict[tuple[int, bool], RunHistory] = {}
        self.cell_plots: list[ThemedPlot] = []
        self.cell_curves: dict[tuple[int, bool], pg.PlotDataItem] = {}
        self.plan = (1, 1)  # (updates per run, updates per epoch)
        self.epochs = BOOK_EPOCHS

        self.explain = note_label()
        self.scales_label = QLabel()
        self.scales_spin = count_spin(1, 16, BOOK_SCALES)
        self.epochs_label = QLabel()
        self.epochs_spin = count_spin(1, 1000, BOOK_EPOCHS)
        self.samples_label = QLabel()
        self.samples_spin = count_spin(100, 60_000, BOOK_TRAIN_SAMPLES, 100)
        row = QHBoxLayout()
        for label, spin in (
            (self.scales_label, self.scales_spin),
            (self.epochs_label, self.epochs_spin),
            (self.samples_label, self.samples_spin),
        ):
            label.setBuddy(spin)
            row.addWidget(label)
            row.addWidget(spin)
            row.addSpacing(8)
        row.addStretch(1)
        self.key_label = QLabel()
        self.key_label.setTextFormat(Qt.TextFormat.RichText)

        self.grid_holder = QWidget()
        self.grid = QGridLayout(self.grid_holder)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(2)
        self.summary_plot = ThemedPlot()
        self.summary_plot.setMinimumWidth(240)
        self.summary_plot.setLogMode(x=True, y=False)
        self.summary_plot.setYRange(0, 1, padding=0.02)
        self.summary_plot.setXRange(-4.2, 0.2, padding=0)  # log10 of σ: 0.0001 … 1
        self.summary_plot.setMouseEnabled(x=False, y=False)
        self.summary_plot.plotItem.setMenuEnabled(False)
        self.summary_legend = self.summary_plot.plotItem.addLegend(offset=(10, 10))
        self.summary_bn = pg.PlotDataItem(symbol="o", symbolSize=6)
        self.summary_plain = pg.PlotDataItem(symbol="s", symbolSize=6)
        self.summary_plot.addItem(self.summary_bn)
        self.summary_plot.addItem(self.summary_plain)
        splitter = panes(
            Qt.Orientation.Horizontal, self.grid_holder, self.summary_plot, stretch=(3, 1)
        )

        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(row)
        layout.addWidget(self.controls)
        layout.addWidget(self.key_label)
        layout.addWidget(splitter, 1)

        self.scales_spin.valueChanged.connect(self._on_layout_changed)
        self._build_cells(self.scales_spin.value())
        self._apply_colors()
        self._sync()

    def persistent_widgets(self) -> dict[str, QWidget]:
        return {
            "bn_scales": self.scales_spin,
            "bn_epochs": self.epochs_spin,
            "bn_samples": self.samples_spin,
        }

    @Slot()
    def _sync(self) -> None:
        super()._sync()
        self.scales_spin.setEnabled(not self.running)

    # --- the cells ---

    @Slot()
    def _on_layout_changed(self) -> None:
        if not self.running:
            self.cells, self.histories = (), {}
            self._build_cells(self.scales_spin.value())
            self._retitle()
            self._draw_summary()

    def _build_cells(self, n: int) -> None:
        for plot in self.cell_plots:
            self.grid.removeWidget(plot)
            plot.setParent(None)
            plot.deleteLater()
        self.cell_plots, self.cell_curves = [], {}
        columns = max(1, math.ceil(math.sqrt(n)))
        rows = math.ceil(n / columns)
        for index in range(n):
            plot = ThemedPlot()
            plot.setMinimumSize(90, 70)
            plot.setMouseEnabled(x=False, y=False)
            plot.plotItem.setMenuEnabled(False)
            plot.plotItem.hideButtons()
            plot.setYRange(0, 1, padding=0.02)
            item = plot.plotItem
            r, c = divmod(index, columns)
            item.getAxis("left").setStyle(showValues=c == 0)
            item.getAxis("bottom").setStyle(showValues=r == rows - 1)
            for batchnorm in (True, False):
                curve = pg.PlotDataItem()
                plot.addItem(curve)
                self.cell_curves[(index, batchnorm)] = curve
            self.cell_plots.append(plot)
            self.grid.addWidget(plot, r, c)
        self._apply_colors()

    def _retitle(self) -> None:
        scales = (
            [cell.scale for cell in self.cells]
            if self.cells
            else weight_scales(len(self.cell_plots)).tolist()
        )
        for index, (plot, scale) in enumerate(zip(self.cell_plots, scales, strict=False)):
            title = self.tr("σ = {0}").format(format_number(scale, 2))
            for batchnorm in (True, False):
                history = self.histories.get((index, batchnorm))
                if history is not None and history.stop_reason is StopReason.DIVERGED:
                    title += " · " + (
                        self.tr("NaN with BN") if batchnorm else self.tr("NaN without BN")
                    )
            small_title(plot, title)

    # --- running ---

    @Slot()
    def start(self) -> bool:
        """Train every cell of the grid with and without batch norm (Fig. 6-18)."""
        data = self.data_to_start()
        if data is None:
            return False
        n_train = min(self.samples_spin.value(), len(data.x_train))
        self.epochs = self.epochs_spin.value()
        n = self.scales_spin.value()
        self.cells = grid_cells(
            weight_scales(n).tolist(),
            epochs=self.epochs,
            seed=self.context.seed,
            dataset=self.context.source,
        )
        self.plan = planned_length(self.cells[0].with_bn, n_train)
        self.histories = {
            (cell.index, bn): RunHistory(self.plan[0])
            for cell in self.cells
            for bn in (True, False)
        }
        if len(self.cell_plots) != n:
            self._build_cells(n)
        for curve in self.cell_curves.values():
            curve.setData([], [])
        for plot in self.cell_plots:
            plot.setXRange(0, self.epochs, padding=0.02)
        self._retitle()
        self._draw_summary()
        self.controls.message.clear_message()
        if n_train < self.samples_spin.value():
            self.controls.message.show_message(
                self.tr("{0} has only {1} training samples; all of them are used.").format(
                    data.name, T.count(n_train)
                ),
                Level.INFO,
            )
        self.run(functools.partial(grid_job, cells=self.cells, data=data, n_train=n_train))
        return True

    def take_items(self, items: list[object]) -> None:
        grouped: dict[tuple[int, bool], list[Any]] = {}
        for item in items:
            if isinstance(item, GridStep):
                grouped.setdefault((item.cell, item.batchnorm), []).append(item.step)
        for key, steps in grouped.items():
            self.histories[key].extend(steps)
            self._draw_cell(key)
        self._retitle()
        self._draw_summary()
        self._show_progress()

    def _draw_cell(self, key: tuple[int, bool]) -> None:
        history = self.histories[key]
        curve = self.cell_curves.get(key)
        if curve is not None:
            curve.setData(history.eval_column("epoch"), history.eval_column("train_acc"))

    def finals(self, batchnorm: bool) -> tuple[list[float], list[float]]:
        """(scales, final training accuracy) of the runs that have been evaluated."""
        xs, ys = [], []
        for cell in self.cells:
            history = self.histories.get((cell.index, batchnorm))
            if history is not None and history.n_evaluations:
                xs.append(cell.scale)
                ys.append(float(history.eval_column("train_acc")[-1]))
        return xs, ys

    def _draw_summary(self) -> None:
        self.summary_bn.setData(*self.finals(True))
        self.summary_plain.setData(*self.finals(False))

    def _done_updates(self) -> int:
        return sum(len(h) for h in self.histories.values())

    def _show_progress(self) -> None:
        total = self.plan[0] * 2 * max(len(self.cells), 1)
        done = self._done_updates()
        self.controls.set_fraction(done / total if self.cells else 0.0)
        if not self.cells:
            self.controls.status.setText(
                self.tr("Press Start to train every cell with and without batch norm.")
            )
            return
        finished = sum(
            1
            for cell in self.cells
            if all(self.histories[(cell.index, bn)].stop_reason is not None for bn in (True, False))
        )
        self.controls.status.setText(
            self.tr("{0} of {1} cells done ({2} of {3} updates).").format(
                finished, len(self.cells), T.count(done), T.count(total)
            )
        )

    def finished(self, outcome: Outcome) -> None:
        self._show_progress()
        if outcome is Outcome.FINISHED:
            self.controls.set_fraction(1.0)  # runs that diverged ended early
        if outcome is Outcome.STOPPED:
            total = self.plan[0] * 2 * len(self.cells)
            self.controls.message.show_message(
                stopped_message(self._done_updates(), total), Level.INFO
            )

    # --- text and colour ---

    def retranslate_ui(self) -> None:
        self.explain.setText(
            self.tr(
                "Fig. 6-18: 5 hidden ReLU layers of 100 units, SGD (η = 0.01, batches of 100), "
                "initial weights N(0, σ²) for σ from 1 down to 0.0001. Without batch norm most "
                "scales learn slowly or not at all; with it almost every scale learns quickly."
            )
        )
        self.scales_label.setText(self.tr("Weight scales"))
        self.scales_spin.setToolTip(
            self.tr("How many σ, log-spaced from 1 to 0.0001 (16 in the book)")
        )
        self.epochs_label.setText(self.tr("Epochs"))
        self.samples_label.setText(self.tr("Training samples"))
        self.samples_spin.setToolTip(
            self.tr("The first samples of the training set (1000 in the book)")
        )
        self.controls.retranslate_ui()
        palette = self.palette()
        bn = curve_color(0, palette).name()
        plain = curve_color(1, palette).name()
        self.key_label.setText(
            self.tr(
                "Training accuracy per epoch: <span style='color:{0}'>━━ with batch norm</span>"
                " &nbsp; <span style='color:{1}'>╍╍ without</span>"
            ).format(bn, plain)
        )
        self.summary_plot.set_texts(
            title=self.tr("Final accuracy"),
            left=self.tr("accuracy"),
            bottom=self.tr("σ of the initial weights"),
        )
        self.summary_legend.clear()
        self.summary_legend.addItem(self.summary_bn, self.tr("with batch norm"))
        self.summary_legend.addItem(self.summary_plain, self.tr("without"))
        self._retitle()
        self._show_progress()

    def _apply_colors(self) -> None:
        palette = self.palette()
        bn, plain = curve_color(0, palette), curve_color(1, palette)
        for (_index, batchnorm), curve in self.cell_curves.items():
            if batchnorm:
                curve.setPen(pg.mkPen(bn, width=2))
            else:
                curve.setPen(pg.mkPen(plain, width=2, style=Qt.PenStyle.DashLine))
        for item, color in ((self.summary_bn, bn), (self.summary_plain, plain)):
            item.setPen(pg.mkPen(color, width=2))
            item.setSymbolBrush(pg.mkBrush(color))
            item.setSymbolPen(pg.mkPen(color))
        style_legend(self.summary_legend, palette)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "cell_curves"):
            self._apply_colors()
            self.retranslate_ui()
        super().changeEvent(event)

    def table_for_export(self) -> Table | None:
        """Every evaluation of every run: σ, batch norm, epoch, training and test accuracy."""
        rows = []
        for cell in self.cells:
            for batchnorm in (True, False):
                history = self.histories[(cell.index, batchnorm)]
                for epoch, train, test in zip(
                    history.eval_column("epoch").tolist(),
                    history.eval_column("train_acc").tolist(),
                    history.eval_column("test_acc").tolist(),
                    strict=True,
                ):
                    rows.append([cell.scale, int(batchnorm), epoch, train, test])
        if not rows:
            return None
        return ["weight_std", "batchnorm", "epoch", "train_acc", "test_acc"], rows


class StatsView(QWidget):
    """§6.3.1: per-feature mean and variance of a batch before and after a BN layer."""

    def __init__(self, context: LabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.stats: BatchNormStats | None = None

        self.explain = note_label()
        self.settings_box = QGroupBox()
        self.features_spin = count_spin(2, 32, 8)
        self.batch_spin = count_spin(2, 1000, 100)
        self.gamma_spin = self._double(1.0, -10.0, 10.0)
        self.beta_spin = self._double(0.0, -10.0, 10.0)
        self.labels = [QLabel() for _ in range(4)]
        box = QGridLayout(self.settings_box)
        for index, (label, spin) in enumerate(
            zip(
                self.labels,
                (self.features_spin, self.batch_spin, self.gamma_spin, self.beta_spin),
                strict=True,
            )
        ):
            label.setBuddy(spin)
            box.addWidget(label, index // 2, 2 * (index % 2))
            box.addWidget(spin, index // 2, 2 * (index % 2) + 1)
        box.setColumnStretch(4, 1)
        self.message = InlineMessage()
        self.result_label = note_label()

        self.mean_plot = ThemedPlot()
        self.var_plot = ThemedPlot()
        self.bars: dict[str, pg.BarGraphItem] = {}
        for plot, name in ((self.mean_plot, "mean"), (self.var_plot, "var")):
            plot.setMinimumHeight(150)
            plot.plotItem.setMenuEnabled(False)
            for when in ("before", "after"):
                bar = pg.BarGraphItem(x=[], height=[], width=0.38)
                plot.addItem(bar)
                self.bars[f"{name}_{when}"] = bar
        self.mean_legend = self.mean_plot.plotItem.addLegend(offset=(-10, 10))
        self.table = read_only_table(5)
        plots = QHBoxLayout()
        plots.addWidget(self.mean_plot, 1)
        plots.addWidget(self.var_plot, 1)
        plots_holder = QWidget()
        plots_holder.setLayout(plots)
        splitter = panes(Qt.Orientation.Vertical, plots_holder, self.table, stretch=(3, 2))

        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.settings_box)
        layout.addWidget(self.message)
        layout.addWidget(self.result_label)
        layout.addWidget(splitter, 1)

        for spin in (self.features_spin, self.batch_spin, self.gamma_spin, self.beta_spin):
            spin.valueChanged.connect(self.recompute)
        context.data_changed.connect(self.recompute)
        context.seed_changed.connect(self.recompute)
        self._apply_colors()

    @staticmethod
    def _double(value: float, low: float, high: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(low, high)
        spin.setDecimals(2)
        spin.setSingleStep(0.1)
        spin.setValue(value)
        return spin

    def persistent_widgets(self) -> dict[str, QWidget]:
        return {
            "bn_features": self.features_spin,
            "bn_batch": self.batch_spin,
            "bn_gamma": self.gamma_spin,
            "bn_beta": self.beta_spin,
        }

    @Slot()
    def recompute(self) -> None:
        """One batch through one BN layer: a few thousand numbers, instant on the GUI thread."""
        if not self.context.ready:
            return
        data = self.context.dataset
        if data is None:
            self.result_label.setText(self.tr("Waiting for the data…"))
            return
        try:
            batch = preactivation_batch(
                data.x_train,
                n_features=self.features_spin.value(),
                batch_size=self.batch_spin.value(),
                seed=self.context.seed,
            )
        except ValueError:
            self.message.show_message(
                self.tr(
                    "The batch size must be at most {0}, the number of training samples."
                ).format(T.count(len(data.x_train)))
            )
            return
        self.message.clear_message()
        self.stats = batchnorm_statistics(
            batch, gamma=self.gamma_spin.value(), beta=self.beta_spin.value()
        )
        self.show_stats()

    def show_stats(self) -> None:
        stats = self.stats
        if stats is None:
            return
        x = np.arange(1, len(stats.mean_before) + 1, dtype=np.float64)
        for name, before, after in (
            ("mean", stats.mean_before, stats.mean_after),
            ("var", stats.var_before, stats.var_after),
        ):
            self.bars[f"{name}_before"].setOpts(x=x - 0.2, height=before, width=0.38)
            self.bars[f"{name}_after"].setOpts(x=x + 0.2, height=after, width=0.38)
        for plot in (self.mean_plot, self.var_plot):
            plot.plotItem.enableAutoRange()
        rows = [
            [
                str(j + 1),
                format_number(float(stats.mean_before[j]), 4),
                format_number(float(stats.var_before[j]), 4),
                format_number(float(stats.mean_after[j]), 3),
                format_number(float(stats.var_after[j]), 8),
            ]
            for j in range(len(x))
        ]
        fill_table(self.table, rows)
        worst_mean = stats.mean_error
        low, high = stats.var_after_range
        self.result_label.setText(
            self.tr(
                "After the layer every feature has mean β = {0} (largest deviation {1}) and "
                "variance γ² = {2} (from {3} to {4}: a hair below because of ε = {5} in "
                "√(σ² + ε))."
            ).format(
                format_number(stats.beta, 3),
                format_number(worst_mean, 2),
                format_number(stats.gamma**2, 4),
                format_number(low, 8),
                format_number(high, 8),
                format_number(stats.eps, 2),
            )
        )

    def retranslate_ui(self) -> None:
        self.explain.setText(
            self.tr(
                "§6.3.1: a mini-batch of a hidden layer's inputs a = x·W + b (x from the training "
                "data, W and b random), each feature with its own mean and variance. Batch norm "
                "subtracts each feature's batch mean μ_B and divides by √(σ²_B + ε), then scales "
                "by γ and shifts by β."
            )
        )
        self.settings_box.setTitle(self.tr("The batch"))
        for label, text in zip(
            self.labels,
            (
                self.tr("Features"),
                self.tr("Batch size"),
                self.tr("γ (scale)"),
                self.tr("β (shift)"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.mean_plot.set_texts(
            title=self.tr("Mean per feature"), left=self.tr("mean"), bottom=self.tr("feature")
        )
        self.var_plot.set_texts(
            title=self.tr("Variance per feature"),
            left=self.tr("variance"),
            bottom=self.tr("feature"),
        )
        self.mean_legend.clear()
        self.mean_legend.addItem(self.bars["mean_before"], self.tr("before BN"))
        self.mean_legend.addItem(self.bars["mean_after"], self.tr("after BN"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("feature"),
                self.tr("mean before"),
                self.tr("variance before"),
                self.tr("mean after"),
                self.tr("variance after"),
            ]
        )
        if self.stats is not None:
            self.show_stats()
        elif self.context.dataset is None:
            self.result_label.setText(self.tr("Waiting for the data…"))

    def _apply_colors(self) -> None:
        palette = self.palette()
        for name in ("mean", "var"):
            for when, index in (("before", 1), ("after", 0)):
                color = QColor(curve_color(index, palette))
                self.bars[f"{name}_{when}"].setOpts(
                    brush=pg.mkBrush(color), pen=pg.mkPen(color.darker(120))
                )
        style_legend(self.mean_legend, palette)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "bars"):
            self._apply_colors()
        super().changeEvent(event)

    def table_for_export(self) -> Table | None:
        stats = self.stats
        if stats is None:
            return None
        rows = [
            [j + 1, float(mb), float(vb), float(ma), float(va)]
            for j, (mb, vb, ma, va) in enumerate(
                zip(
                    stats.mean_before,
                    stats.var_before,
                    stats.mean_after,
                    stats.var_after,
                    strict=True,
                )
            )
        ]
        return ["feature", "mean_before", "var_before", "mean_after", "var_after"], rows


class BatchNormLabPage(QWidget):
    """§6.3 batch normalization: the training grid and one layer's statistics."""

    def __init__(self, context: LabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = GridView(context)
        self.stats = StatsView(context)
        self.views = QTabWidget()
        self.views.setDocumentMode(True)
        self.views.addTab(self.grid, "")
        self.views.addTab(self.stats, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.views)

    def retranslate_ui(self) -> None:
        self.views.setTabText(VIEW_GRID, self.tr("Training grid"))
        self.views.setTabText(VIEW_STATS, self.tr("Mean and variance"))
        self.grid.retranslate_ui()
        self.stats.retranslate_ui()

    def persistent_widgets(self) -> Mapping[str, QWidget]:
        widgets: dict[str, QWidget] = {"bn_view": self.views}
        widgets.update(self.grid.persistent_widgets())
        widgets.update(self.stats.persistent_widgets())
        return widgets

    def plot_for_export(self) -> pg.PlotItem | None:
        if self.views.currentIndex() == VIEW_STATS:
            return self.stats.var_plot.plotItem
        return self.grid.summary_plot.plotItem

    def table_for_export(self) -> Table | None:
        if self.views.currentIndex() == VIEW_STATS:
            return self.stats.table_for_export()
        return self.grid.table_for_export()

    def refresh(self) -> None:
        """Show what the restored inputs give (called once they are set)."""
        self.stats.recompute()

    def shutdown(self) -> None:
        """The grid's worker belongs to the context's runner, stopped by the tab."""
