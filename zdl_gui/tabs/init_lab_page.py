"""The initial-weights lab (§6.2): activation histograms, equal weights, the init race.

Three views, every number from :mod:`core.init_lab`:

* **Histograms** – the book's experiment (Fig. 6-10 to 6-14): 1000 random inputs through 5
  layers of 100 units, one histogram per layer, recomputed (in a worker: 20–80 ms) whenever the
  activation, the initial weights or the seed change; a table of each layer's statistics and a
  verdict (saturated, collapsed, shrinking, exploding, healthy).
* **Equal weights** – §6.2.1: a tiny network whose weights all start at one value keeps every
  hidden unit identical after any number of updates; random weights do not.
* **Training** – Fig. 6-15: std 0.01, Xavier and He trained side by side on the chosen data,
  in a worker, stoppable; the loss curves overlaid.

:class:`RunControls` (Start, Stop, progress and a message) is shared with the other lab pages.
"""

from __future__ import annotations

import functools
import math
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.init_lab import (
    BOOK_INPUTS,
    BOOK_LAYERS,
    BOOK_UNITS,
    InitExperiment,
    RunStep,
    SymmetryDemo,
    Verdict,
    activation_experiment,
    init_comparison_configs,
    prepare_trainer,
    symmetry_demo,
    train_interleaved,
    weight_std,
)
from core.parsing import ParseError, format_number, parse_vector
from core.training_runs import RunHistory
from zdl_gui.plotting import ThemedPlot
from zdl_gui.tabs import training_text as T
from zdl_gui.tabs.base import Table
from zdl_gui.tabs.lab_widgets import (
    LabRunView,
    count_spin,
    failed_message,
    fill_table,
    note_label,
    read_only_table,
    rows_height,
    small_title,
    stopped_message,
    style_legend,
)
from zdl_gui.tabs.training_jobs import gui_friendly_blas
from zdl_gui.theme import curve_color
from zdl_gui.widgets.inline_message import InlineMessage, Level
from zdl_gui.widgets.sizing import panes
from zdl_gui.workers import GeneratorWorker, Outcome, WorkerError

if TYPE_CHECKING:
    from core.datasets import Dataset
    from zdl_gui.tabs.labs_tab import LabContext

CONTEXT = "InitLabPage"

ACTIVATION_NAMES: tuple[tuple[str, str], ...] = (
    ("sigmoid", QT_TRANSLATE_NOOP("InitLabPage", "Sigmoid")),
    ("tanh", QT_TRANSLATE_NOOP("InitLabPage", "tanh")),
    ("relu", QT_TRANSLATE_NOOP("InitLabPage", "ReLU")),
)

#: The choices of initial weights: (id, shown name). "custom" reads the number field.
INIT_CHOICES: tuple[tuple[str, str], ...] = (
    ("1", QT_TRANSLATE_NOOP("InitLabPage", "std 1 (Fig. 6-10)")),
    ("0.01", QT_TRANSLATE_NOOP("InitLabPage", "std 0.01 (Fig. 6-11)")),
    ("xavier", QT_TRANSLATE_NOOP("InitLabPage", "Xavier √(1/n) (Fig. 6-13)")),
    ("he", QT_TRANSLATE_NOOP("InitLabPage", "He √(2/n) (Fig. 6-14)")),
    ("custom", QT_TRANSLATE_NOOP("InitLabPage", "Any std…")),
)

#: Names of the three runs of Fig. 6-15, in the order of core's COMPARISON_INITS.
COMPARISON_NAMES = (
    QT_TRANSLATE_NOOP("InitLabPage", "std = 0.01"),
    QT_TRANSLATE_NOOP("InitLabPage", "Xavier"),
    QT_TRANSLATE_NOOP("InitLabPage", "He"),
)

VIEW_HISTOGRAMS, VIEW_SYMMETRY, VIEW_TRAINING = range(3)
#: Hidden units of the equal-weights network whose weights the table shows.
SYMMETRY_SHAPE = (4, 5, 3)


def translated(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def name_of(table: tuple[tuple[str, str], ...], key: str) -> str:
    return next((translated(name) for k, name in table if k == key), key)


# --- small widgets the lab pages share -----------------------------------------------------------


# --- the jobs (run in a worker thread) -----------------------------------------------------------


@dataclass(frozen=True, eq=False)
class ComputedExperiment:
    """An experiment and the seconds it took to compute."""

    experiment: InitExperiment
    seconds: float


def histogram_job(
    worker: GeneratorWorker, activation: str, init: float | str, seed: int
) -> Iterator[ComputedExperiment]:
    start = time.perf_counter()
    with gui_friendly_blas():
        experiment = activation_experiment(activation, init, seed=seed)
    yield ComputedExperiment(experiment, time.perf_counter() - start)


def comparison_job(
    worker: GeneratorWorker, iterations: int, seed: int, data: Dataset, source: str
) -> Iterator[RunStep]:
    configs = init_comparison_configs(iterations=iterations, seed=seed, dataset=source)
    with gui_friendly_blas():
        trainers = [
            prepare_trainer(c, *data.train, *data.test, data.n_classes) for c in configs
        ]  # casting MNIST to float32 takes a moment: here, not in the GUI thread
        worker.checkpoint()
        yield from train_interleaved(trainers)


# --- the views --------------------------------------------------------------------------------------


class HistogramView(QWidget):
    """§6.2.2: 1000 inputs through 5 layers of 100 units, one histogram per layer."""

    def __init__(self, context: LabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = context.runner("init-histograms")
        self.experiment: InitExperiment | None = None
        self.seconds = math.nan
        self.stale = False

        self.activation_label = QLabel()
        self.activation_combo = QComboBox()
        for key, _name in ACTIVATION_NAMES:
            self.activation_combo.addItem("", key)
        self.activation_label.setBuddy(self.activation_combo)
        self.init_label = QLabel()
        self.init_combo = QComboBox()
        for key, _name in INIT_CHOICES:
            self.init_combo.addItem("", key)
        self.init_label.setBuddy(self.init_combo)
        self.std_edit = QLineEdit("0.05")
        self.std_edit.setMaximumWidth(110)
        self.std_message = InlineMessage()
        controls = QHBoxLayout()
        controls.addWidget(self.activation_label)
        controls.addWidget(self.activation_combo)
        controls.addSpacing(12)
        controls.addWidget(self.init_label)
        controls.addWidget(self.init_combo)
        controls.addWidget(self.std_edit)
        controls.addStretch(1)

        self.verdict_label = note_label()
        self.plots: list[ThemedPlot] = []
        self.bars: list[pg.PlotDataItem] = []
        plots_row = QHBoxLayout()
        plots_row.setSpacing(2)
        for index in range(BOOK_LAYERS):
            plot = ThemedPlot()
            plot.setMinimumSize(110, 150)
            plot.setMouseEnabled(x=False, y=False)
            plot.plotItem.setMenuEnabled(False)
            plot.plotItem.hideButtons()
            plot.getAxis("left").setStyle(showValues=index == 0)
            bar = pg.PlotDataItem(stepMode="center", fillLevel=0)
            plot.addItem(bar)
            self.plots.append(plot)
            self.bars.append(bar)
            plots_row.addWidget(plot, 1)
        self.table = read_only_table(6)
        self.table.setMinimumHeight(rows_height(self.table, BOOK_LAYERS))
        self.status = note_label()

        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.std_message)
        layout.addWidget(self.verdict_label)
        plots_holder = QWidget()
        plots_holder.setLayout(plots_row)
        splitter = panes(Qt.Orientation.Vertical, plots_holder, self.table, stretch=(3, 1))
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

        self.activation_combo.currentIndexChanged.connect(self.recompute)
        self.init_combo.currentIndexChanged.connect(self._on_init_choice)
        self.std_edit.editingFinished.connect(self.recompute)
        context.seed_changed.connect(self.recompute)
        self._apply_colors()

    def persistent_widgets(self) -> dict[str, QWidget]:
        return {
            "init_activation": self.activation_combo,
            "init_choice": self.init_combo,
            "init_std": self.std_edit,
        }

    # --- reading the controls ---

    def activation(self) -> str:
        return str(self.activation_combo.currentData())

    def read_init(self) -> float | str | None:
        """The chosen initial weights (a std, 'xavier' or 'he'), or None with a message shown."""
        key = str(self.init_combo.currentData())
        if key in ("xavier", "he"):
            self.std_message.clear_message()
            return key
        if key != "custom":
            self.std_message.clear_message()
            return float(key)
        text = self.std_edit.text()
        try:
            values = parse_vector(text, max_size=1)
        except ParseError:
            self.std_message.show_message(
                self.tr("Type one number for the standard deviation of the weights, e.g. 0.05.")
            )
            return None
        value = float(values[0])
        try:
            weight_std(value, BOOK_UNITS)
        except ValueError:
            self.std_message.show_message(
                self.tr(
                    "The standard deviation must be a number > 0, got {0}. Weights that all start "
                    "at 0 (or at any one value) never become different: see the Equal weights view."
                ).format(format_number(value))
            )
            return None
        self.std_message.clear_message()
        return value

    # --- computing ---

    @Slot()
    def _on_init_choice(self) -> None:
        self.std_edit.setEnabled(self.init_combo.currentData() == "custom")
        self.recompute()

    @Slot()
    def recompute(self) -> None:
        """Compute the experiment for the current settings in a worker (the last one stays)."""
        if not self.context.ready:
            return
        init = self.read_init()
        if init is None:
            self.runner.retire()  # a result still on its way belongs to the last setting
            self._set_stale(True)
            return
        self.runner.start(
            functools.partial(
                histogram_job, activation=self.activation(), init=init, seed=self.context.seed
            ),
            items=self._on_items,
            failed=self._on_failed,
        )

    def _on_items(self, items: list[object]) -> None:
        computed = items[-1]
        assert isinstance(computed, ComputedExperiment)
        self.experiment, self.seconds = computed.experiment, computed.seconds
        self._set_stale(False)
        self.show_experiment()

    def _on_failed(self, error: WorkerError) -> None:
        self.std_message.show_message(failed_message(error))

    def _set_stale(self, stale: bool) -> None:
        self.stale = stale
        for plot in self.plots:
            plot.setEnabled(not stale)
            plot.plotItem.setOpacity(0.35 if stale else 1.0)
        self.table.setEnabled(not stale)
        self._show_status()

    # --- drawing ---

    def show_experiment(self) -> None:
        experiment = self.experiment
        if experiment is None:
            return
        top = max(int(layer.histogram.counts.max(initial=0)) for layer in experiment.layers)
        low, high = experiment.value_range
        for plot, bar, layer in zip(self.plots, self.bars, experiment.layers, strict=True):
            bar.setData(layer.histogram.edges, layer.histogram.counts)
            plot.setXRange(low, high, padding=0.02)
            plot.setYRange(0, max(top, 1) * 1.05, padding=0)
        rows = []
        for layer in experiment.layers:
            rows.append(
                [
                    str(layer.layer),
                    format_number(layer.weight_std, 4),
                    format_number(layer.mean, 3),
                    format_number(layer.std, 3),
                    "–" if math.isnan(layer.saturated) else T.percent(layer.saturated),
                    T.percent(layer.zero_fraction) if experiment.activation == "relu" else "–",
                ]
            )
        fill_table(self.table, rows)
        self.verdict_label.setText(verdict_text(experiment))
        self._texts()
        self._show_status()

    def _show_status(self) -> None:
        text = self.tr(
            "{0} random inputs (x ~ N(0, 1), {1} features) through {2} layers of {3} units "
            "without biases; seed {4}."
        ).format(T.count(BOOK_INPUTS), BOOK_UNITS, BOOK_LAYERS, BOOK_UNITS, self.context.seed)
        if math.isfinite(self.seconds):
            text += " " + self.tr("Computed in {0} in the background.").format(
                T.duration(self.seconds)
            )
        if self.stale:
            text += " " + self.tr("(Showing the last valid setting.)")
        self.status.setText(text)

    def _texts(self) -> None:
        activation = name_of(ACTIVATION_NAMES, self.activation())
        relu = self.experiment is not None and self.experiment.activation == "relu"
        for index, plot in enumerate(self.plots):
            small_title(plot, self.tr("Layer {0}").format(index + 1), "10pt")
            plot.set_texts(
                left=self.tr("count") if index == 0 else "",
                bottom=self.tr("output > 0") if relu else self.tr("output"),
            )
        self.plots[0].setToolTip(
            self.tr(
                "Histogram of the {0} outputs of each layer (1000 inputs × 100 units = 100 000 "
                "values). ReLU: the exact zeros (about half) are counted in the table instead."
            ).format(activation)
        )

    def retranslate_ui(self) -> None:
        self.activation_label.setText(self.tr("Activation"))
        for index, (_key, name) in enumerate(ACTIVATION_NAMES):
            self.activation_combo.setItemText(index, translated(name))
        self.init_label.setText(self.tr("Initial weights"))
        for index, (_key, name) in enumerate(INIT_CHOICES):
            self.init_combo.setItemText(index, translated(name))
        self.init_combo.setToolTip(
            self.tr("The weights of every layer are drawn from N(0, σ²); n = 100 inputs per layer.")
        )
        self.std_edit.setToolTip(self.tr("σ for 'Any std…': a number > 0"))
        self.std_edit.setPlaceholderText(self.tr("σ, e.g. 0.05"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Layer"),
                self.tr("σ of W"),
                self.tr("mean"),
                self.tr("std"),
                self.tr("at the ends"),
                self.tr("exactly 0"),
            ]
        )
        header = self.table.horizontalHeader()
        header.model().setHeaderData(
            4,
            Qt.Orientation.Horizontal,
            self.tr(
                "Share of sigmoid/tanh outputs in the outer 10 % of the range, where the slope is small"
            ),
            Qt.ItemDataRole.ToolTipRole,
        )
        self.std_edit.setEnabled(self.init_combo.currentData() == "custom")
        if self.std_message.isVisible():
            self.read_init()  # the message in the new language
        self._texts()
        if self.experiment is not None:
            self.verdict_label.setText(verdict_text(self.experiment))
        self._show_status()

    def _apply_colors(self) -> None:
        color = curve_color(0, self.palette())
        fill = QColor(color)
        fill.setAlpha(150)
        for bar in self.bars:
            bar.setPen(pg.mkPen(color, width=1))
            bar.setBrush(pg.mkBrush(fill))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "bars"):
            self._apply_colors()
        super().changeEvent(event)

    def table_for_export(self) -> Table | None:
        """Every layer's histogram: layer, bin from, bin to, count."""
        experiment = self.experiment
        if experiment is None:
            return None
        rows = []
        for layer in experiment.layers:
            edges, counts = layer.histogram.edges, layer.histogram.counts
            for k, count in enumerate(counts.tolist()):
                rows.append([layer.layer, float(edges[k]), float(edges[k + 1]), int(count)])
        return ["layer", "bin_from", "bin_to", "count"], rows


def verdict_text(experiment: InitExperiment) -> str:
    """The verdict of core's :func:`~core.init_lab.diagnose` as a translated sentence."""
    stds = experiment.stds
    first, last = format_number(stds[0], 3), format_number(stds[-1], 3)
    activation = name_of(ACTIVATION_NAMES, experiment.activation)
    verdict = experiment.verdict
    if verdict is Verdict.SATURATED:
        return QCoreApplication.translate(
            "InitLabPage",
            "Saturated: most {0} outputs sit at the ends of the range, where its slope is almost "
            "0, so the gradients vanish on their way back (gradient vanishing, Fig. 6-10).",
        ).format(activation)
    if verdict is Verdict.COLLAPSED and experiment.activation != "relu":
        return QCoreApplication.translate(
            "InitLabPage",
            "Collapsed: every unit outputs almost the same value (mean {0}, std {1} in the last "
            "layer). 100 units that all say the same are no better than one: the expressive "
            "power is lost (Fig. 6-11).",
        ).format(format_number(experiment.layers[-1].mean, 3), last)
    if verdict is Verdict.COLLAPSED:
        return QCoreApplication.translate(
            "InitLabPage",
            "Vanished: the outputs shrink towards 0 layer by layer (std {0} → {1}); little of the "
            "signal reaches the last layer.",
        ).format(first, last)
    if verdict is Verdict.SHRINKING:
        return QCoreApplication.translate(
            "InitLabPage",
            "Shrinking: the spread narrows layer by layer (std {0} → {1}). Xavier's √(1/n) "
            "assumes a symmetric activation; with ReLU use He's √(2/n) (Fig. 6-14).",
        ).format(first, last)
    if verdict is Verdict.EXPLODING:
        return QCoreApplication.translate(
            "InitLabPage",
            "Exploding: the spread grows layer by layer (std {0} → {1}); deeper layers would "
            "overflow.",
        ).format(first, last)
    return QCoreApplication.translate(
        "InitLabPage",
        "Healthy: a similar, wide spread in every layer (std {0} → {1}), so the signal and its "
        "gradient pass through all the layers (Fig. 6-13, 6-14).",
    ).format(first, last)


class SymmetryView(QWidget):
    """§6.2.1: weights that all start equal stay equal; random weights break the symmetry."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.demo: SymmetryDemo | None = None
        self.random_demo: SymmetryDemo | None = None
        self.stale = False

        self.value_label = QLabel()
        self.value_edit = QLineEdit("0")
        self.value_edit.setMaximumWidth(110)
        self.value_label.setBuddy(self.value_edit)
        self.activation_label = QLabel()
        self.activation_combo = QComboBox()
        for key, _name in ACTIVATION_NAMES:
            self.activation_combo.addItem("", key)
        self.steps_label = QLabel()
        self.steps_spin = count_spin(1, 200, 5)
        self.lr_label = QLabel()
        self.lr_spin = QDoubleSpinBox()
        self.lr_spin.setRange(0.01, 10.0)
        self.lr_spin.setDecimals(2)
        self.lr_spin.setSingleStep(0.1)
        self.lr_spin.setValue(0.5)
        self.show_label = QLabel()
        self.show_spin = count_spin(0, 200, 5)
        self.value_message = InlineMessage()
        grid = QGridLayout()
        grid.addWidget(self.value_label, 0, 0)
        grid.addWidget(self.value_edit, 0, 1)
        grid.addWidget(self.activation_label, 0, 2)
        grid.addWidget(self.activation_combo, 0, 3)
        grid.addWidget(self.lr_label, 0, 4)
        grid.addWidget(self.lr_spin, 0, 5)
        grid.addWidget(self.steps_label, 1, 0)
        grid.addWidget(self.steps_spin, 1, 1)
        grid.addWidget(self.show_label, 1, 2)
        grid.addWidget(self.show_spin, 1, 3)
        grid.setColumnStretch(6, 1)

        self.explain = note_label()
        self.result_label = note_label()
        self.table_label = QLabel()
        self.table = read_only_table(SYMMETRY_SHAPE[0] + 1)
        self.random_label = QLabel()
        self.random_table = read_only_table(SYMMETRY_SHAPE[0] + 1)
        self.plot = ThemedPlot()
        self.plot.setMinimumHeight(160)
        self.legend = self.plot.plotItem.addLegend()
        self.legend.anchor(itemPos=(1, 0.5), parentPos=(1, 0.5), offset=(-10, 0))
        self.equal_curve = pg.PlotDataItem(symbol="o", symbolSize=6)
        self.random_curve = pg.PlotDataItem(symbol="t", symbolSize=7)
        self.plot.addItem(self.equal_curve)
        self.plot.addItem(self.random_curve)

        for table in (self.table, self.random_table):
            table.setFixedHeight(rows_height(table, SYMMETRY_SHAPE[1]))
        tables = QVBoxLayout()
        tables.addWidget(self.table_label)
        tables.addWidget(self.table)
        tables.addWidget(self.random_label)
        tables.addWidget(self.random_table)
        tables.addStretch(1)
        lower = QHBoxLayout()
        lower.addLayout(tables, 1)
        lower.addWidget(self.plot, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(grid)
        layout.addWidget(self.value_message)
        layout.addWidget(self.result_label)
        layout.addLayout(lower, 1)

        self.value_edit.editingFinished.connect(self.recompute)
        self.activation_combo.currentIndexChanged.connect(self.recompute)
        self.steps_spin.valueChanged.connect(self._on_steps)
        self.lr_spin.valueChanged.connect(self.recompute)
        self.show_spin.valueChanged.connect(self.show_demo)
        self._apply_colors()

    def persistent_widgets(self) -> dict[str, QWidget]:
        return {
            "equal_value": self.value_edit,
            "equal_activation": self.activation_combo,
            "equal_steps": self.steps_spin,
            "equal_lr": self.lr_spin,
        }

    @Slot()
    def _on_steps(self) -> None:
        self.show_spin.setMaximum(self.steps_spin.value())
        self.show_spin.setValue(self.steps_spin.value())
        self.recompute()

    def read_value(self) -> float | None:
        try:
            values = parse_vector(self.value_edit.text(), max_size=1)
        except ParseError:
            self.value_message.show_message(
                self.tr("Type the one number every weight starts at, e.g. 0 or 0.3.")
            )
            return None
        self.value_message.clear_message()
        return float(values[0])

    @Slot()
    def recompute(self) -> None:
        """Train the tiny network from equal and from random weights (well under 1 ms each)."""
        value = self.read_value()
        if value is None:
            self.stale = True
            self.table.setEnabled(False)
            return
        activation = str(self.activation_combo.currentData())
        n_in, n_hidden, n_out = SYMMETRY_SHAPE
        options = {
            "activation": activation,
            "steps": self.steps_spin.value(),
            "lr": self.lr_spin.value(),
            "n_in": n_in,
            "n_hidden": n_hidden,
            "n_out": n_out,
        }
        self.demo = symmetry_demo(value, **options)  # type: ignore[arg-type]
        self.random_demo = symmetry_demo("xavier", **options)  # type: ignore[arg-type]
        self.stale = False
        self.table.setEnabled(True)
        self.show_demo()

    @Slot()
    def show_demo(self) -> None:
        demo, random_demo = self.demo, self.random_demo
        if demo is None or random_demo is None:
            return
        k = min(self.show_spin.value(), len(demo.steps) - 1)
        for table, source in ((self.table, demo), (self.random_table, random_demo)):
            W1 = source.steps[k].W1
            rows = [
                [self.tr("unit {0}").format(j + 1)] + [format_number(float(w), 4) for w in W1[:, j]]
                for j in range(W1.shape[1])
            ]
            fill_table(table, rows)
        equal, rand = demo.steps[k], random_demo.steps[k]
        if equal.hidden_spread == 0 and equal.output_spread == 0:
            verdict = self.tr("all {0} hidden units identical").format(SYMMETRY_SHAPE[1])
        else:
            verdict = self.tr("the units differ")
        self.result_label.setText(
            self.tr(
                "After update {0}: max difference between units = {1} ({2}). With random "
                "weights: {3}. Loss {4} (equal) and {5} (random)."
            ).format(
                k,
                format_number(equal.hidden_spread, 3),
                verdict,
                format_number(rand.hidden_spread, 3),
                format_number(equal.loss, 4),
                format_number(rand.loss, 4),
            )
        )
        steps = np.arange(len(demo.steps))
        self.equal_curve.setData(steps, [s.hidden_spread for s in demo.steps])
        self.random_curve.setData(steps, [s.hidden_spread for s in random_demo.steps])
        self._table_titles()

    def _table_titles(self) -> None:
        k = self.show_spin.value()
        value = self.value_edit.text().strip() or "0"
        self.table_label.setText(
            self.tr(
                "W1 after update {0}, every weight started at {1} (one row per hidden unit)"
            ).format(k, value)
        )
        self.random_label.setText(self.tr("W1 after update {0}, random start (Xavier)").format(k))

    def retranslate_ui(self) -> None:
        self.explain.setText(
            self.tr(
                "§6.2.1: why not start every weight at 0? A {0}-{1}-{2} network trained by SGD on a "
                "random batch. When all weights start equal, every hidden unit computes the same "
                "output, receives the same gradient and is updated the same way, so the units stay "
                "identical forever: the layer acts like a single unit."
            ).format(*SYMMETRY_SHAPE)
        )
        self.value_label.setText(self.tr("Every weight starts at"))
        self.activation_label.setText(self.tr("Activation"))
        for index, (_key, name) in enumerate(ACTIVATION_NAMES):
            self.activation_combo.setItemText(index, translated(name))
        self.lr_label.setText(self.tr("Learning rate"))
        self.steps_label.setText(self.tr("Updates"))
        self.show_label.setText(self.tr("Show after update"))
        headers = [self.tr("hidden unit")] + [
            self.tr("from x{0}").format(i + 1) for i in range(SYMMETRY_SHAPE[0])
        ]
        self.table.setHorizontalHeaderLabels(headers)
        self.random_table.setHorizontalHeaderLabels(headers)
        self.plot.set_texts(
            title=self.tr("Largest difference between hidden units' weights"),
            left=self.tr("max |W1[:, j] − W1[:, 1]|"),
            bottom=self.tr("update"),
        )
        self.legend.clear()
        self.legend.addItem(self.equal_curve, self.tr("equal start"))
        self.legend.addItem(self.random_curve, self.tr("random start (Xavier)"))
        if self.value_message.isVisible():
            self.read_value()
        self.show_demo()

    def _apply_colors(self) -> None:
        palette = self.palette()
        for index, curve in enumerate((self.equal_curve, self.random_curve)):
            color = curve_color(index, palette)
            curve.setPen(pg.mkPen(color, width=2))
            curve.setSymbolBrush(pg.mkBrush(color))
            curve.setSymbolPen(pg.mkPen(color))
        style_legend(self.legend, palette)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "equal_curve"):
            self._apply_colors()
        super().changeEvent(event)

    def table_for_export(self) -> Table | None:
        """Per update: the loss and the largest difference between units, equal and random."""
        demo, random_demo = self.demo, self.random_demo
        if demo is None or random_demo is None:
            return None
        rows = [
            [s.step, s.loss, s.hidden_spread, s.output_spread, r.loss, r.hidden_spread]
            for s, r in zip(demo.steps, random_demo.steps, strict=True)
        ]
        header = [
            "update",
            "loss_equal",
            "hidden_spread_equal",
            "output_spread_equal",
            "loss_random",
            "hidden_spread_random",
        ]
        return header, rows


class ComparisonView(LabRunView):
    """Fig. 6-15: std 0.01, Xavier and He trained side by side, the loss curves overlaid."""

    def __init__(self, context: LabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "init-comparison", parent)
        self.histories: list[RunHistory] = []
        self.iterations = 0

        self.explain = note_label()
        self.iterations_label = QLabel()
        self.iterations_spin = count_spin(10, 100_000, 2000, 100)
        self.iterations_label.setBuddy(self.iterations_spin)
        row = QHBoxLayout()
        row.addWidget(self.iterations_label)
        row.addWidget(self.iterations_spin)
        row.addStretch(1)
        self.plot = ThemedPlot()
        self.plot.setMinimumHeight(200)
        self.legend = self.plot.plotItem.addLegend(offset=(-10, 10))
        self.curves = [pg.PlotDataItem() for _ in COMPARISON_NAMES]
        for curve in self.curves:
            curve.setClipToView(True)
            curve.setDownsampling(auto=True, method="peak")
            self.plot.addItem(curve)
        self.summary = note_label()

        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(row)
        layout.addWidget(self.controls)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.summary)

        self._apply_colors()
        self._sync()

    def persistent_widgets(self) -> dict[str, QWidget]:
        return {"compare_iterations": self.iterations_spin}

    @Slot()
    def start(self) -> bool:
        """Train the three networks of Fig. 6-15 side by side."""
        data = self.data_to_start()
        if data is None:
            return False
        self.iterations = self.iterations_spin.value()
        self.histories = [RunHistory(self.iterations) for _ in COMPARISON_NAMES]
        for curve in self.curves:
            curve.setData([], [])
        self.plot.setXRange(0, self.iterations, padding=0.02)
        self.controls.message.clear_message()
        self.summary.setText("")
        self.run(
            functools.partial(
                comparison_job,
                iterations=self.iterations,
                seed=self.context.seed,
                data=data,
                source=self.context.source,
            )
        )
        return True

    def take_items(self, items: list[object]) -> None:
        per_run: list[list] = [[] for _ in self.histories]
        for item in items:
            if isinstance(item, RunStep):
                per_run[item.run].append(item.step)
        for history, steps in zip(self.histories, per_run, strict=True):
            history.extend(steps)
        self._draw()
        self._show_progress()

    def _draw(self) -> None:
        for curve, history in zip(self.curves, self.histories, strict=True):
            curve.setData(history.column("iteration"), history.column("smoothed"))

    def _done_updates(self) -> int:
        return sum(len(h) for h in self.histories)

    def _show_progress(self) -> None:
        total = self.iterations * len(COMPARISON_NAMES)
        done = self._done_updates()
        self.controls.set_fraction(done / total if total else 0.0)
        if not self.histories:
            self.controls.status.setText(
                self.tr("Press Start to train the three networks side by side.")
            )
            return
        self.controls.status.setText(
            self.tr("Update {0} of {1} for each of the three networks ({2}).").format(
                T.count(min(len(h) for h in self.histories)),
                T.count(self.iterations),
                self.context.dataset.name if self.context.dataset is not None else "–",
            )
        )

    def finished(self, outcome: Outcome) -> None:
        self._draw()
        self._show_progress()
        if outcome is Outcome.STOPPED:
            self.controls.message.show_message(
                stopped_message(self._done_updates(), self.iterations * 3), Level.INFO
            )
        self._show_summary()

    def _show_summary(self) -> None:
        parts = []
        for name, history in zip(COMPARISON_NAMES, self.histories, strict=True):
            if history.last is None:
                continue
            accuracy = history.eval_column("test_acc")
            parts.append(
                self.tr("{0}: loss {1}, test accuracy {2}").format(
                    translated(name),
                    format_number(float(history.column("smoothed")[-1]), 3),
                    T.percent(float(accuracy[-1])) if len(accuracy) else "–",
                )
            )
        self.summary.setText(" · ".join(parts))

    def retranslate_ui(self) -> None:
        self.explain.setText(
            self.tr(
                "Fig. 6-15: a ReLU network with 4 hidden layers of 100 units trained by SGD "
                "(η = 0.01, batches of 128) from three kinds of initial weights. With std 0.01 the "
                "signal vanishes and the loss stays at −log(1/10) ≈ 2.30; Xavier and He learn."
            )
        )
        self.iterations_label.setText(self.tr("Iterations"))
        self.controls.retranslate_ui()
        self.controls.start_button.setToolTip(
            self.tr("Train the three networks on the chosen data.")
        )
        self.plot.set_texts(
            title=self.tr("Loss (smoothed) by initial weights (Fig. 6-15)"),
            left=self.tr("loss"),
            bottom=self.tr("iteration"),
        )
        self.legend.clear()
        for curve, name in zip(self.curves, COMPARISON_NAMES, strict=True):
            self.legend.addItem(curve, translated(name))
        self._show_progress()
        if self.histories:
            self._show_summary()

    def _apply_colors(self) -> None:
        palette = self.palette()
        for index, curve in enumerate(self.curves):
            curve.setPen(pg.mkPen(curve_color(index, palette), width=2))
        style_legend(self.legend, palette)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "curves"):
            self._apply_colors()
        super().changeEvent(event)

    def table_for_export(self) -> Table | None:
        """Per iteration: the loss of each run (empty where a run has not got so far)."""
        if not self.histories or not any(len(h) for h in self.histories):
            return None
        n = max(len(h) for h in self.histories)
        columns = [h.column("loss").tolist() for h in self.histories]
        rows = [[i + 1] + [c[i] if i < len(c) else None for c in columns] for i in range(n)]
        return ["iteration", "loss_std_0.01", "loss_xavier", "loss_he"], rows


class InitLabPage(QWidget):
    """§6.2 initial weights: histograms, equal weights, the training comparison."""

    def __init__(self, context: LabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.histograms = HistogramView(context)
        self.symmetry = SymmetryView()
        self.comparison = ComparisonView(context)
        self.views = QTabWidget()
        self.views.setDocumentMode(True)
        for view in (self.histograms, self.symmetry, self.comparison):
            self.views.addTab(view, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.views)

    def refresh(self) -> None:
        """Compute what the views show from the restored inputs (called once they are set)."""
        self.histograms.recompute()
        self.symmetry.recompute()

    def retranslate_ui(self) -> None:
        for index, title in enumerate(
            (self.tr("Histograms"), self.tr("Equal weights"), self.tr("Training"))
        ):
            self.views.setTabText(index, title)
        self.histograms.retranslate_ui()
        self.symmetry.retranslate_ui()
        self.comparison.retranslate_ui()

    def persistent_widgets(self) -> Mapping[str, QWidget]:
        widgets: dict[str, QWidget] = {"init_view": self.views}
        for view in (self.histograms, self.symmetry, self.comparison):
            widgets.update(view.persistent_widgets())
        return widgets

    def plot_for_export(self) -> pg.PlotItem | None:
        view = self.views.currentIndex()
        if view == VIEW_HISTOGRAMS:
            return self.histograms.plots[-1].plotItem  # the last layer: where the verdict shows
        if view == VIEW_SYMMETRY:
            return self.symmetry.plot.plotItem
        return self.comparison.plot.plotItem

    def table_for_export(self) -> Table | None:
        view = self.views.currentIndex()
        if view == VIEW_HISTOGRAMS:
            return self.histograms.table_for_export()
        if view == VIEW_SYMMETRY:
            return self.symmetry.table_for_export()
        return self.comparison.table_for_export()

    def shutdown(self) -> None:
        """Nothing of its own to stop: the workers belong to the context's runners."""
