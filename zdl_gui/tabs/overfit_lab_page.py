"""The overfitting lab (§6.4): 300 samples, a deep network, weight decay and dropout.

The book's setup (:mod:`core.overfit_lab`): the first 300 training samples, 6 hidden layers of
100 units, SGD with η = 0.01. Each run trains in a worker and adds its training (solid) and test
(dashed) accuracy per epoch to the plot, so λ = 0 (the curves drift apart, Fig. 6-20), λ = 0.1
(they stay closer, Fig. 6-21) and dropout 0.2 (Fig. 6-23) can be compared; "The book's three"
runs them one after another. Beside it, the book's dropout is set against inverted dropout and
the common mistake of scaling at neither time (B35), with numbers measured by core.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.overfit_lab import (
    BOOK_DROPOUT,
    BOOK_EPOCHS,
    BOOK_HIDDEN_LAYERS,
    BOOK_LAMBDA,
    BOOK_TRAIN_SAMPLES,
    DropoutRow,
    DropoutStyle,
    dropout_comparison,
    overfit_config,
    overfit_summary,
    run_overfit,
    small_training_set,
)
from core.parsing import format_number
from core.trainer import TrainStep
from core.training_runs import RunConfig, RunHistory, planned_length
from zdl_gui.plotting import ThemedPlot
from zdl_gui.tabs import training_text as T
from zdl_gui.tabs.base import Table
from zdl_gui.tabs.lab_widgets import (
    LabRunView,
    count_spin,
    fill_table,
    note_label,
    read_only_table,
    rows_height,
    stopped_message,
    style_legend,
)
from zdl_gui.tabs.training_jobs import gui_friendly_blas
from zdl_gui.theme import curve_color
from zdl_gui.widgets.inline_message import Level
from zdl_gui.widgets.sizing import panes, vertical_scroll
from zdl_gui.workers import GeneratorWorker, Outcome

if TYPE_CHECKING:
    from core.datasets import Dataset
    from zdl_gui.tabs.labs_tab import LabContext

#: Runs kept in the plot; one more drops the oldest.
MAX_RUNS = 6

STYLE_NAMES = {
    DropoutStyle.BOOK: QT_TRANSLATE_NOOP("OverfitLabPage", "The book's (§6.4.3)"),
    DropoutStyle.INVERTED: QT_TRANSLATE_NOOP("OverfitLabPage", "Inverted"),
    DropoutStyle.UNSCALED: QT_TRANSLATE_NOOP("OverfitLabPage", "Unscaled (a mistake)"),
}


@dataclass(frozen=True)
class RunStarted:
    """The worker moved on to run number ``index`` of the queue."""

    index: int


@dataclass(frozen=True, slots=True)
class RunRecord:
    index: int
    step: TrainStep


def overfit_job(
    worker: GeneratorWorker, configs: tuple[RunConfig, ...], data: Dataset, n_train: int
) -> Iterator[RunStarted | RunRecord]:
    """Train each config in turn on the first ``n_train`` samples."""
    x, t = small_training_set(data.x_train, data.t_train, n_train)
    with gui_friendly_blas():
        for index, config in enumerate(configs):
            yield RunStarted(index)
            for step in run_overfit(config, x, t, data.x_test, data.t_test, data.n_classes):
                yield RunRecord(index, step)


@dataclass(eq=False)
class OverfitRun:
    config: RunConfig
    history: RunHistory
    train_curve: pg.PlotDataItem
    test_curve: pg.PlotDataItem
    color_index: int


class OverfitLabPage(LabRunView):
    """§6.4: training and test accuracy of a deep network on 300 samples, with the cures."""

    def __init__(self, context: LabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "overfit", parent)
        self.runs: list[OverfitRun] = []
        self._queue: list[OverfitRun] = []
        self._current = -1
        self._colors_used = 0
        self._plan = (1, 1)
        self.dropout_rows: tuple[DropoutRow, ...] = ()

        # --- the settings ---
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        self.setup_box = QGroupBox()
        form = QFormLayout(self.setup_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.samples_spin = count_spin(10, 60_000, BOOK_TRAIN_SAMPLES, 50)
        self.layers_spin = count_spin(1, 8, BOOK_HIDDEN_LAYERS)
        self.epochs_spin = count_spin(1, 5000, BOOK_EPOCHS, 10)
        self.lambda_spin = QDoubleSpinBox()
        self.lambda_spin.setRange(0.0, 10.0)
        self.lambda_spin.setDecimals(3)
        self.lambda_spin.setSingleStep(0.05)
        self.dropout_check = QCheckBox()
        self.dropout_spin = QDoubleSpinBox()
        self.dropout_spin.setRange(0.05, 0.9)
        self.dropout_spin.setDecimals(2)
        self.dropout_spin.setSingleStep(0.05)
        self.dropout_spin.setValue(BOOK_DROPOUT)
        self.form_labels = [QLabel() for _ in range(4)]
        for label, spin in zip(
            self.form_labels,
            (self.samples_spin, self.layers_spin, self.epochs_spin, self.lambda_spin),
            strict=True,
        ):
            label.setBuddy(spin)
            form.addRow(label, spin)
        dropout_row = QHBoxLayout()
        dropout_row.addWidget(self.dropout_check)
        dropout_row.addWidget(self.dropout_spin, 1)
        form.addRow(dropout_row)
        column.addWidget(self.setup_box)
        self.book_button = QPushButton()
        self.clear_button = QPushButton()
        column.addWidget(self.controls)
        more = QHBoxLayout()
        more.addWidget(self.book_button)
        more.addWidget(self.clear_button)
        more.addStretch(1)
        column.addLayout(more)
        self.explain = note_label()
        column.addWidget(self.explain)
        column.addStretch(1)
        self.scroll = vertical_scroll(panel)

        # --- the curves and the runs ---
        self.plot = ThemedPlot()
        self.plot.setMinimumHeight(200)
        self.plot.setYRange(0, 1, padding=0.02)
        self.legend = self.plot.plotItem.addLegend(offset=(-10, -10))
        self.runs_table = read_only_table(6, fit_columns=True)
        self.runs_table.setMinimumHeight(rows_height(self.runs_table, 3))

        # --- dropout, the book's against inverted ---
        self.dropout_box = QGroupBox()
        dropout_layout = QVBoxLayout(self.dropout_box)
        self.dropout_note = note_label()
        self.dropout_table = read_only_table(6, fit_columns=True)
        self.dropout_table.setFixedHeight(rows_height(self.dropout_table, 3))
        dropout_layout.addWidget(self.dropout_note)
        dropout_layout.addWidget(self.dropout_table)

        curves = panes(Qt.Orientation.Vertical, self.plot, self.runs_table, stretch=(4, 1))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(curves, 1)
        right_layout.addWidget(self.dropout_box)
        splitter = panes(
            Qt.Orientation.Horizontal, self.scroll, right, stretch=(0, 1), sizes=[290, 720]
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(splitter)

        self.book_button.clicked.connect(self.start_book_comparison)
        self.clear_button.clicked.connect(self.clear_runs)
        self.dropout_check.toggled.connect(self._on_dropout_toggled)
        self.dropout_spin.valueChanged.connect(self.show_dropout)
        context.seed_changed.connect(self.show_dropout)
        self._apply_colors()
        self._on_dropout_toggled()
        self._sync()

    def persistent_widgets(self) -> dict[str, QWidget]:
        return {
            "overfit_samples": self.samples_spin,
            "overfit_layers": self.layers_spin,
            "overfit_epochs": self.epochs_spin,
            "overfit_lambda": self.lambda_spin,
            "overfit_dropout": self.dropout_check,
            "overfit_dropout_ratio": self.dropout_spin,
        }

    @Slot()
    def _sync(self) -> None:
        super()._sync()
        can = self.context.dataset is not None
        self.book_button.setEnabled(not self.running and can)
        self.clear_button.setEnabled(not self.running and bool(self.runs))
        self.setup_box.setEnabled(not self.running)

    @Slot()
    def _on_dropout_toggled(self) -> None:
        self.show_dropout()

    # --- runs ---

    def config(
        self, *, weight_decay: float | None = None, dropout: float | None = None
    ) -> RunConfig:
        """The settings on the left (or the given λ and dropout ratio) as a RunConfig."""
        if weight_decay is None:
            weight_decay = self.lambda_spin.value()
        if dropout is None:
            dropout = self.dropout_spin.value() if self.dropout_check.isChecked() else 0.0
        return overfit_config(
            weight_decay=weight_decay,
            dropout_ratio=dropout,
            hidden_layers=self.layers_spin.value(),
            epochs=self.epochs_spin.value(),
            seed=self.context.seed,
            dataset=self.context.source,
        )

    @Slot()
    def start(self) -> bool:
        """Train the settings on the left."""
        return self._start((self.config(),))

    @Slot()
    def start_book_comparison(self) -> bool:
        """The book's three runs one after another: λ = 0, λ = 0.1, dropout 0.2."""
        return self._start(
            (
                self.config(weight_decay=0.0, dropout=0.0),
                self.config(weight_decay=BOOK_LAMBDA, dropout=0.0),
                self.config(weight_decay=0.0, dropout=BOOK_DROPOUT),
            )
        )

    def _start(self, configs: tuple[RunConfig, ...]) -> bool:
        data = self.data_to_start()
        n_train = self.samples_spin.value()
        if data is None or not self.training_samples_fit(data, n_train):
            return False
        self.controls.message.clear_message()
        self._plan = planned_length(configs[0], n_train)
        self._queue = [self._new_run(config) for config in configs]
        self._current = -1
        self.plot.setXRange(0, configs[0].length, padding=0.02)
        self.run(functools.partial(overfit_job, configs=configs, data=data, n_train=n_train))
        return True

    def _new_run(self, config: RunConfig) -> OverfitRun:
        color = self._colors_used
        self._colors_used += 1
        run = OverfitRun(
            config, RunHistory(self._plan[0]), pg.PlotDataItem(), pg.PlotDataItem(), color
        )
        self._style(run)
        return run

    def _apply_colors(self) -> None:
        for run in self.runs:
            self._style(run)
        style_legend(self.legend, self.palette())

    def _style(self, run: OverfitRun) -> None:
        color = curve_color(run.color_index, self.palette())
        run.train_curve.setPen(pg.mkPen(color, width=2))
        run.test_curve.setPen(pg.mkPen(color, width=2, style=Qt.PenStyle.DashLine))

    def _add_to_plot(self, run: OverfitRun) -> None:
        while len(self.runs) >= MAX_RUNS:
            self._remove(self.runs[0])
        self.runs.append(run)
        self.plot.addItem(run.train_curve)
        self.plot.addItem(run.test_curve)
        self._relabel()

    def _remove(self, run: OverfitRun) -> None:
        self.plot.removeItem(run.train_curve)
        self.plot.removeItem(run.test_curve)
        self.runs.remove(run)

    @Slot()
    def clear_runs(self) -> None:
        for run in list(self.runs):
            self._remove(run)
        self._colors_used = 0
        self._relabel()
        self._sync()

    def take_items(self, items: list[object]) -> None:
        changed: set[int] = set()
        pending: dict[int, list[TrainStep]] = {}
        for item in items:
            if isinstance(item, RunStarted):
                self._current = item.index
                self._add_to_plot(self._queue[item.index])
            elif isinstance(item, RunRecord):
                pending.setdefault(item.index, []).append(item.step)
        for index, steps in pending.items():
            self._queue[index].history.extend(steps)
            changed.add(index)
        for index in changed:
            self._draw(self._queue[index])
        if changed:
            self._show_runs_table()
        self._show_progress()

    def _draw(self, run: OverfitRun) -> None:
        history = run.history
        epochs = history.eval_column("epoch")
        run.train_curve.setData(epochs, history.eval_column("train_acc"))
        run.test_curve.setData(epochs, history.eval_column("test_acc"))

    def _show_progress(self) -> None:
        if not self._queue:
            self.controls.status.setText(self.tr("Press Start to train the settings on the left."))
            self.controls.set_fraction(0.0)
            return
        per_run = self._plan[0]
        done = sum(len(run.history) for run in self._queue)
        self.controls.set_fraction(done / (per_run * len(self._queue)))
        current = max(self._current, 0)
        run = self._queue[current]
        self.controls.status.setText(
            self.tr("Run {0} of {1}: epoch {2} of {3} ({4} training samples).").format(
                current + 1,
                len(self._queue),
                T.epoch(run.history.last.epoch if run.history.last is not None else 0.0),
                T.count(run.config.length),
                T.count(self.samples_spin.value()),
            )
        )

    def finished(self, outcome: Outcome) -> None:
        self._show_progress()
        self._show_runs_table()
        if outcome is Outcome.STOPPED:
            done = sum(len(run.history) for run in self._queue)
            self.controls.message.show_message(
                stopped_message(done, self._plan[0] * len(self._queue)), Level.INFO
            )

    # --- labels and tables ---

    def run_label(self, run: OverfitRun) -> str:
        config = run.config
        dropout = (
            self.tr("dropout {0}").format(format_number(config.dropout_ratio, 3))
            if config.dropout_ratio
            else self.tr("no dropout")
        )
        return self.tr("λ = {0}, {1}").format(format_number(config.weight_decay, 3), dropout)

    def _relabel(self) -> None:
        self.legend.clear()
        for run in self.runs:  # one entry per run: solid is training, dashed test (the title)
            self.legend.addItem(run.train_curve, self.run_label(run))
        self._show_runs_table()

    def _show_runs_table(self) -> None:
        rows = []
        for run in self.runs:
            history = run.history
            if history.n_evaluations == 0:
                rows.append([self.run_label(run), "–", "–", "–", "–", "–"])
                continue
            summary = overfit_summary(
                history.eval_column("epoch"),
                history.eval_column("train_acc"),
                history.eval_column("test_acc"),
            )
            rows.append(
                [
                    self.run_label(run),
                    T.epoch(history.eval_column("epoch")[-1]),
                    T.percent(summary.final_train),
                    T.percent(summary.final_test),
                    T.percent(summary.gap),
                    self.tr("{0} (epoch {1})").format(
                        T.percent(summary.best_test), T.epoch(summary.best_epoch)
                    ),
                ]
            )
        fill_table(self.runs_table, rows)

    @Slot()
    def show_dropout(self) -> None:
        """The book's, inverted and unscaled dropout at the chosen ratio, measured by core."""
        ratio = self.dropout_spin.value()
        self.dropout_rows = dropout_comparison(ratio, seed=self.context.seed)
        keep = format_number(1 - ratio, 3)
        rows = []
        for row in self.dropout_rows:
            train = (
                self.tr("x · mask / {0}").format(keep)
                if row.style is DropoutStyle.INVERTED
                else self.tr("x · mask")
            )
            test = self.tr("x · {0}").format(keep) if row.test_scale != 1 else self.tr("x")
            rows.append(
                [
                    QCoreApplication.translate("OverfitLabPage", STYLE_NAMES[row.style]),
                    train,
                    test,
                    format_number(row.measured_train, 4),
                    format_number(row.test_output, 4),
                    format_number(row.test_over_train, 4) + ("  ✓" if row.consistent else "  ✗"),
                ]
            )
        fill_table(self.dropout_table, rows, bold={2})
        self.dropout_note.setText(
            self.tr(
                "Every unit holds x = 1 and p = {0}: while training each unit is kept with "
                "probability {1}, so the mean output over {2} units is what the network learns "
                "to expect. At test time every unit is kept, so the output must be scaled to "
                "match: the book multiplies by {1} at test time, inverted dropout divides by {1} "
                "while training instead. Forgetting both makes test outputs {3} times too large."
            ).format(
                format_number(ratio, 3),
                keep,
                T.count(100_000),
                format_number(self.dropout_rows[2].test_over_train, 4),
            )
        )

    def retranslate_ui(self) -> None:
        self.setup_box.setTitle(self.tr("The book's setup (§6.4.1)"))
        for label, text in zip(
            self.form_labels,
            (
                self.tr("Training samples"),
                self.tr("Hidden layers of 100"),
                self.tr("Epochs"),
                self.tr("Weight decay λ"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.samples_spin.setToolTip(
            self.tr("The first samples of the training set (300 in the book)")
        )
        self.lambda_spin.setToolTip(
            self.tr("λ of the penalty ½λΣW² added to the loss (0.1 in the book)")
        )
        self.dropout_check.setText(self.tr("Dropout, ratio"))
        self.dropout_check.setToolTip(
            self.tr(
                "Drop this share of the hidden units at random while training (0.2 in the book). "
                "The ratio also sets the comparison below."
            )
        )
        self.controls.retranslate_ui()
        self.book_button.setText(self.tr("The book's three"))
        self.book_button.setToolTip(
            self.tr("Train λ = 0, then λ = 0.1, then dropout 0.2, one after another.")
        )
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Remove every run from the plot."))
        self.explain.setText(
            self.tr(
                "With only 300 samples the 7-layer network learns them by heart: its training "
                "accuracy reaches 100 % while the test accuracy stays far below (Fig. 6-20). "
                "Weight decay (Fig. 6-21) and dropout (Fig. 6-23) keep the two curves closer."
            )
        )
        self.plot.set_texts(
            title=self.tr("Accuracy per epoch: training (solid) and test (dashed)"),
            left=self.tr("accuracy"),
            bottom=self.tr("epoch"),
        )
        self.runs_table.setHorizontalHeaderLabels(
            [
                self.tr("run"),
                self.tr("epochs"),
                self.tr("train"),
                self.tr("test"),
                self.tr("gap"),
                self.tr("best test"),
            ]
        )
        self.dropout_box.setTitle(self.tr("Dropout: the book's against inverted"))
        self.dropout_table.setHorizontalHeaderLabels(
            [
                self.tr("dropout"),
                self.tr("training"),
                self.tr("test"),
                self.tr("mean (training)"),
                self.tr("test output"),
                self.tr("test ÷ training"),
            ]
        )
        self._relabel()
        self.show_dropout()
        self._show_progress()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "runs"):
            self._apply_colors()
        super().changeEvent(event)

    def plot_for_export(self) -> pg.PlotItem | None:
        return self.plot.plotItem

    def table_for_export(self) -> Table | None:
        """Every evaluation of every run in the plot."""
        rows = []
        for number, run in enumerate(self.runs, start=1):
            history = run.history
            for epoch, train, test in zip(
                history.eval_column("epoch").tolist(),
                history.eval_column("train_acc").tolist(),
                history.eval_column("test_acc").tolist(),
                strict=True,
            ):
                rows.append(
                    [number, run.config.weight_decay, run.config.dropout_ratio, epoch, train, test]
                )
        if not rows:
            return None
        header = ["run", "weight_decay", "dropout_ratio", "epoch", "train_acc", "test_acc"]
        return header, rows

    def refresh(self) -> None:
        """Show what the restored inputs give (called once they are set)."""
        self.show_dropout()

    def shutdown(self) -> None:
        """The worker belongs to the context's runner, stopped by the tab."""
