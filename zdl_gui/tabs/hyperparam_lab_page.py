"""The hyper-parameter search lab (§6.5): random search on a log scale, on validation data.

Following the book's script (H1, :mod:`core.hyperparam_search`): the first 500 training samples,
20 % of them kept aside as validation data – carved from the *training* data, the test data is
never touched – and N trials, each with lr = 10^U(−6, −2) and weight decay = 10^U(−8, −4), trained
briefly in a worker. The results appear as they come: a scatter of (lr, weight decay) on log
axes coloured by validation accuracy (viridis, with a colour bar), and a ranked table. "Narrow
the range" sets the ranges from the best k results and searches again; earlier rounds stay in
the plot, smaller.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.hyperparam_search import (
    BOOK_EPOCHS,
    BOOK_HIDDEN_LAYERS,
    BOOK_LR_RANGE,
    BOOK_TRAIN_SAMPLES,
    BOOK_VALIDATION_RATIO,
    BOOK_WEIGHT_DECAY_RANGE,
    LogRange,
    SearchData,
    Trial,
    TrialProgress,
    TrialResult,
    narrow_ranges,
    rank_trials,
    run_search,
    sample_trials,
    search_data,
)
from core.parsing import format_number
from zdl_gui.plotting import ThemedPlot
from zdl_gui.tabs import training_text as T
from zdl_gui.tabs.base import Table
from zdl_gui.tabs.lab_widgets import (
    LabRunView,
    count_spin,
    fill_table,
    note_label,
    read_only_table,
)
from zdl_gui.tabs.training_jobs import gui_friendly_blas
from zdl_gui.widgets.inline_message import InlineMessage, Level
from zdl_gui.widgets.sizing import panes, vertical_scroll
from zdl_gui.workers import GeneratorWorker, Outcome

if TYPE_CHECKING:
    from zdl_gui.tabs.labs_tab import LabContext

#: The colour map of the validation accuracy: perceptually uniform and colour-blind safe.
COLORMAP = "viridis"
#: Accuracy range of the colour scale (fixed, so rounds stay comparable).
COLOR_RANGE = (0.0, 1.0)


def search_job(
    worker: GeneratorWorker,
    trials: tuple[Trial, ...],
    data: SearchData,
    epochs: int,
    hidden_layers: int,
    seed: int,
    source: str,
) -> Iterator[TrialProgress | TrialResult]:
    with gui_friendly_blas():
        yield from run_search(
            trials, data, epochs=epochs, hidden_layers=hidden_layers, seed=seed, dataset=source
        )


def _exponent_spin(value: float) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(-12.0, 2.0)
    spin.setDecimals(2)
    spin.setSingleStep(0.5)
    spin.setValue(value)
    spin.setPrefix("10^")
    return spin


class HyperparamLabPage(LabRunView):
    """§6.5: random search of the learning rate and weight decay on validation data."""

    def __init__(self, context: LabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "hyperparameters", parent)
        self.results: list[TrialResult] = []
        self.trials: tuple[Trial, ...] = ()
        self.round = 0
        self.progress: TrialProgress | None = None
        self.data: SearchData | None = None
        self.ranges = (BOOK_LR_RANGE, BOOK_WEIGHT_DECAY_RANGE)
        self.cmap = pg.colormap.get(COLORMAP)

        # --- settings ---
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        self.search_box = QGroupBox()
        form = QFormLayout(self.search_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.trials_spin = count_spin(1, 500, 30)
        self.epochs_spin = count_spin(1, 500, BOOK_EPOCHS)
        self.samples_spin = count_spin(20, 60_000, BOOK_TRAIN_SAMPLES, 100)
        self.val_spin = count_spin(5, 50, round(100 * BOOK_VALIDATION_RATIO), 5)
        self.val_spin.setSuffix(" %")
        self.layers_spin = count_spin(1, 8, BOOK_HIDDEN_LAYERS)
        self.form_labels = [QLabel() for _ in range(5)]
        for label, spin in zip(
            self.form_labels,
            (
                self.trials_spin,
                self.epochs_spin,
                self.samples_spin,
                self.val_spin,
                self.layers_spin,
            ),
            strict=True,
        ):
            label.setBuddy(spin)
            form.addRow(label, spin)
        column.addWidget(self.search_box)

        self.range_box = QGroupBox()
        range_form = QFormLayout(self.range_box)
        range_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.lr_low = _exponent_spin(BOOK_LR_RANGE.low)
        self.lr_high = _exponent_spin(BOOK_LR_RANGE.high)
        self.wd_low = _exponent_spin(BOOK_WEIGHT_DECAY_RANGE.low)
        self.wd_high = _exponent_spin(BOOK_WEIGHT_DECAY_RANGE.high)
        self.lr_label = QLabel()
        self.wd_label = QLabel()
        self.lr_dash = QLabel("…")
        self.wd_dash = QLabel("…")
        lr_row = QHBoxLayout()
        lr_row.addWidget(self.lr_low, 1)
        lr_row.addWidget(self.lr_dash)
        lr_row.addWidget(self.lr_high, 1)
        wd_row = QHBoxLayout()
        wd_row.addWidget(self.wd_low, 1)
        wd_row.addWidget(self.wd_dash)
        wd_row.addWidget(self.wd_high, 1)
        range_form.addRow(self.lr_label, lr_row)
        self.lr_message = InlineMessage()
        range_form.addRow(self.lr_message)
        range_form.addRow(self.wd_label, wd_row)
        self.wd_message = InlineMessage()
        range_form.addRow(self.wd_message)
        self.book_ranges_button = QPushButton()
        range_form.addRow(self.book_ranges_button)
        column.addWidget(self.range_box)

        column.addWidget(self.controls)
        self.narrow_box = QGroupBox()
        narrow_form = QFormLayout(self.narrow_box)
        self.top_label = QLabel()
        self.top_spin = count_spin(1, 50, 5)
        self.top_label.setBuddy(self.top_spin)
        narrow_form.addRow(self.top_label, self.top_spin)
        self.narrow_button = QPushButton()
        narrow_form.addRow(self.narrow_button)
        self.clear_button = QPushButton()
        narrow_form.addRow(self.clear_button)
        column.addWidget(self.narrow_box)
        self.explain = note_label()
        column.addWidget(self.explain)
        column.addStretch(1)
        self.scroll = vertical_scroll(panel)

        # --- the scatter and the ranking ---
        self.plot = ThemedPlot()
        self.plot.setMinimumHeight(220)
        self.plot.setLogMode(x=True, y=True)
        self.plot.plotItem.setMenuEnabled(False)
        self.range_box_item = pg.PlotDataItem()
        # PlotDataItems, not bare ScatterPlotItems: only they follow the plot's log mode
        self.earlier = pg.PlotDataItem(pen=None, symbol="o", symbolSize=7)
        self.points = pg.PlotDataItem(pen=None, symbol="o", symbolSize=11)
        self.failed_points = pg.PlotDataItem(pen=None, symbol="x", symbolSize=10)
        self.top_rings = pg.PlotDataItem(pen=None, symbol="o", symbolSize=18, symbolBrush=None)
        for item in (
            self.range_box_item,
            self.earlier,
            self.points,
            self.failed_points,
            self.top_rings,
        ):
            self.plot.addItem(item)
        self.colorbar = pg.ColorBarItem(
            values=COLOR_RANGE, colorMap=self.cmap, interactive=False, width=14, colorMapMenu=False
        )
        self.plot.plotItem.layout.addItem(self.colorbar, 2, 5)
        self.plot.plotItem.layout.setColumnFixedWidth(4, 5)
        self.table = read_only_table(7)
        self.table.setMinimumHeight(120)
        right = panes(Qt.Orientation.Vertical, self.plot, self.table, stretch=(3, 2))
        splitter = panes(
            Qt.Orientation.Horizontal, self.scroll, right, stretch=(0, 1), sizes=[300, 710]
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(splitter)

        self.narrow_button.clicked.connect(self.narrow_and_search)
        self.book_ranges_button.clicked.connect(self.use_book_ranges)
        self.clear_button.clicked.connect(self.clear_results)
        for spin in (self.lr_low, self.lr_high, self.wd_low, self.wd_high):
            spin.valueChanged.connect(self._on_range_changed)
        self._apply_colors()
        self._on_range_changed()
        self._sync()

    def persistent_widgets(self) -> dict[str, QWidget]:
        return {
            "hp_trials": self.trials_spin,
            "hp_epochs": self.epochs_spin,
            "hp_samples": self.samples_spin,
            "hp_validation": self.val_spin,
            "hp_layers": self.layers_spin,
            "hp_lr_low": self.lr_low,
            "hp_lr_high": self.lr_high,
            "hp_wd_low": self.wd_low,
            "hp_wd_high": self.wd_high,
            "hp_top": self.top_spin,
        }

    @Slot()
    def _sync(self) -> None:
        super()._sync()
        can = self.context.dataset is not None
        self.narrow_button.setEnabled(
            not self.running and can and any(math.isfinite(r.val_acc) for r in self.results)
        )
        self.clear_button.setEnabled(not self.running and bool(self.results))
        for box in (self.search_box, self.range_box):
            box.setEnabled(not self.running)

    # --- the ranges ---

    def read_ranges(self) -> tuple[LogRange, LogRange] | None:
        """The two ranges from the fields, or None with a message next to the empty one."""
        found: list[LogRange | None] = []
        for low, high, message in (
            (self.lr_low, self.lr_high, self.lr_message),
            (self.wd_low, self.wd_high, self.wd_message),
        ):
            try:
                found.append(LogRange(low.value(), high.value()))
            except ValueError:
                message.show_message(
                    self.tr(
                        "This range is empty: 10^{0} … 10^{1}. The first exponent must be "
                        "smaller than the second."
                    ).format(format_number(low.value(), 3), format_number(high.value(), 3))
                )
                found.append(None)
            else:
                message.clear_message()
        lr, wd = found
        if lr is None or wd is None:
            return None
        return lr, wd

    @Slot()
    def _on_range_changed(self) -> None:
        ranges = self.read_ranges()
        if ranges is not None:
            self.ranges = ranges
            self._draw_range_box()

    @Slot()
    def use_book_ranges(self) -> None:
        """lr = 10^(−6 … −2), weight decay = 10^(−8 … −4), as in the book's script (H1)."""
        for spin, value in (
            (self.lr_low, BOOK_LR_RANGE.low),
            (self.lr_high, BOOK_LR_RANGE.high),
            (self.wd_low, BOOK_WEIGHT_DECAY_RANGE.low),
            (self.wd_high, BOOK_WEIGHT_DECAY_RANGE.high),
        ):
            spin.setValue(value)

    # --- searching ---

    @Slot()
    def start(self) -> bool:
        """Sample the trials of a new round and train them in the worker."""
        data = self.data_to_start()
        if data is None:
            return False
        ranges = self.read_ranges()
        if ranges is None:
            self.controls.message.show_message(self.tr("Fix the ranges marked above first."))
            return False
        n = self.samples_spin.value()
        if not self.training_samples_fit(data, n):
            return False
        try:
            # only the training set goes in: the test data cannot leak into the search
            self.data = search_data(
                data.x_train,
                data.t_train,
                data.n_classes,
                n_samples=n,
                ratio=self.val_spin.value() / 100,
                seed=self.context.seed,
            )
        except ValueError:
            self.controls.message.show_message(
                self.tr(
                    "{0} % of {1} samples leaves no validation sample; use more samples."
                ).format(self.val_spin.value(), T.count(n))
            )
            return False
        self.controls.message.clear_message()
        self.ranges = ranges
        self.trials = sample_trials(
            self.trials_spin.value(),
            *ranges,
            seed=self.context.seed,
            round_index=self.round,
            first_index=len(self.results),
        )
        self.progress = None
        self._draw_range_box()
        self.run(
            functools.partial(
                search_job,
                trials=self.trials,
                data=self.data,
                epochs=self.epochs_spin.value(),
                hidden_layers=self.layers_spin.value(),
                seed=self.context.seed,
                source=self.context.source,
            )
        )
        return True

    @Slot()
    def narrow_and_search(self) -> bool:
        """Set the ranges from the best k results so far and search again (§6.5.3)."""
        if self.running:
            return False
        try:
            narrowed = narrow_ranges(self.results, self.top_spin.value())
        except ValueError:
            self.controls.message.show_message(
                self.tr("No finished trial with a validation accuracy yet: search first.")
            )
            return False
        for spin, value in (
            (self.lr_low, narrowed.lr.low),
            (self.lr_high, narrowed.lr.high),
            (self.wd_low, narrowed.weight_decay.low),
            (self.wd_high, narrowed.weight_decay.high),
        ):
            spin.setValue(value)
        self.round += 1
        started = self.start()
        if not started:
            self.round -= 1
        else:
            self.controls.message.show_message(
                self.tr(
                    "Round {0}: lr 10^{1} … 10^{2} and weight decay 10^{3} … 10^{4}, the span of "
                    "the {5} best trials and {6} decade on each side."
                ).format(
                    self.round + 1,
                    format_number(self.lr_low.value(), 3),
                    format_number(self.lr_high.value(), 3),
                    format_number(self.wd_low.value(), 3),
                    format_number(self.wd_high.value(), 3),
                    len(narrowed.top),
                    format_number(narrowed.margin, 2),
                ),
                Level.INFO,
            )
        return started

    @Slot()
    def clear_results(self) -> None:
        self.results, self.trials, self.round, self.progress = [], (), 0, None
        self.controls.message.clear_message()
        self._draw()
        self._sync()
        self._show_progress()

    def take_items(self, items: list[object]) -> None:
        new = False
        for item in items:
            if isinstance(item, TrialResult):
                self.results.append(item)
                new = True
            elif isinstance(item, TrialProgress):
                self.progress = item
        if new:
            self._draw()
        self._show_progress()

    def finished(self, outcome: Outcome) -> None:
        self._show_progress()
        if outcome is Outcome.STOPPED:
            done = sum(1 for r in self.results if r.trial.round == self.round)
            self.controls.message.show_message(
                self.tr("Stopped after {0} of {1} trials; their results stay.").format(
                    done, len(self.trials)
                ),
                Level.INFO,
            )
        elif outcome is Outcome.FINISHED:
            best = rank_trials(self.results)
            if best and math.isfinite(best[0].val_acc):
                self.controls.message.show_message(
                    self.tr(
                        "Best so far: validation accuracy {0} with lr {1} and weight decay {2}. "
                        "Narrow the range to search around the best ones."
                    ).format(
                        T.percent(best[0].val_acc),
                        format_number(best[0].trial.lr, 3),
                        format_number(best[0].trial.weight_decay, 3),
                    ),
                    Level.INFO,
                )

    def _show_progress(self) -> None:
        total = len(self.trials)
        done = sum(1 for r in self.results if r.trial.round == self.round)
        progress = self.progress
        inside = progress.iteration / progress.max_iter if progress is not None else 0.0
        partial = inside if self.running else 0.0
        self.controls.set_fraction((done + partial) / total if total else 0.0)
        if not total:
            self.controls.status.setText(self.tr("Press Start to sample and train the trials."))
            return
        text = self.tr("Round {0}: {1} of {2} trials done").format(self.round + 1, done, total)
        if self.running and progress is not None:
            text += self.tr(" · trial {0}: update {1} of {2}").format(
                progress.trial.index + 1, T.count(progress.iteration), T.count(progress.max_iter)
            )
        data = self.data
        if data is not None:
            text += self.tr(
                " · {0} training, {1} validation samples (from the training set)"
            ).format(T.count(len(data.train_indices)), T.count(len(data.validation_indices)))
        self.controls.status.setText(text)

    # --- drawing ---

    def colors(self, accuracies: list[float]) -> list[QColor]:
        """The colour map's colour for each validation accuracy."""
        values = np.clip(np.asarray(accuracies, dtype=np.float64), *COLOR_RANGE)
        return list(self.cmap.map(values, mode="qcolor"))

    def _draw(self) -> None:
        ranked = rank_trials(self.results)
        current = [
            r for r in self.results if r.trial.round == self.round and math.isfinite(r.val_acc)
        ]
        earlier = [
            r for r in self.results if r.trial.round != self.round and math.isfinite(r.val_acc)
        ]
        failed = [r for r in self.results if not math.isfinite(r.val_acc)]
        text = self.palette().color(QPalette.ColorRole.Text)
        for item, results, alpha in ((self.points, current, 255), (self.earlier, earlier, 110)):
            colors = self.colors([r.val_acc for r in results])
            for color in colors:
                color.setAlpha(alpha)
            item.setData(
                [r.trial.lr for r in results],
                [r.trial.weight_decay for r in results],
                symbolBrush=[pg.mkBrush(c) for c in colors],
                symbolPen=pg.mkPen(text, width=0.5),
            )
        self.failed_points.setData(
            [r.trial.lr for r in failed],
            [r.trial.weight_decay for r in failed],
            symbolPen=pg.mkPen(text, width=1.5),
            symbolBrush=None,
        )
        top = [r for r in ranked if math.isfinite(r.val_acc)][: self.top_spin.value()]
        self.top_rings.setData(
            [r.trial.lr for r in top],
            [r.trial.weight_decay for r in top],
            symbolPen=pg.mkPen(text, width=1.5),
            symbolBrush=None,
        )
        rows = []
        for rank, result in enumerate(ranked, start=1):
            finite = math.isfinite(result.val_acc)
            rows.append(
                [
                    str(rank),
                    T.percent(result.val_acc) if finite else self.tr("diverged"),
                    T.percent(result.train_acc) if finite else "–",
                    format_number(result.trial.lr, 3),
                    format_number(result.trial.weight_decay, 3),
                    str(result.trial.round + 1),
                    str(result.trial.index + 1),
                ]
            )
        fill_table(self.table, rows, bold=set(range(min(len(top), len(rows)))))
        self._sync()

    def _draw_range_box(self) -> None:
        lr, wd = self.ranges
        (x0, x1), (y0, y1) = lr.values, wd.values
        self.range_box_item.setData([x0, x1, x1, x0, x0], [y0, y0, y1, y1, y0])

    def retranslate_ui(self) -> None:
        self.search_box.setTitle(self.tr("Trials"))
        for label, text in zip(
            self.form_labels,
            (
                self.tr("Trials"),
                self.tr("Epochs per trial"),
                self.tr("Training samples"),
                self.tr("Kept for validation"),
                self.tr("Hidden layers of 100"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.samples_spin.setToolTip(
            self.tr(
                "The first samples of the training set (500 in the book); the test set is never used."
            )
        )
        self.val_spin.setToolTip(
            self.tr("Share of those samples kept aside to score each trial (20 % in the book)")
        )
        self.range_box.setTitle(self.tr("Ranges (log scale)"))
        self.lr_label.setText(self.tr("Learning rate"))
        self.wd_label.setText(self.tr("Weight decay λ"))
        self.book_ranges_button.setText(self.tr("The book's ranges"))
        self.book_ranges_button.setToolTip(
            self.tr("lr = 10^(−6 … −2), weight decay = 10^(−8 … −4)")
        )
        self.controls.retranslate_ui()
        self.controls.start_button.setToolTip(self.tr("Sample the trials and train each briefly."))
        self.narrow_box.setTitle(self.tr("Narrow the range"))
        self.top_label.setText(self.tr("From the best"))
        self.narrow_button.setText(self.tr("Narrow the range and search again"))
        self.narrow_button.setToolTip(
            self.tr("Set both ranges to span the best trials so far, then start a new round.")
        )
        self.clear_button.setText(self.tr("Clear the results"))
        self.explain.setText(
            self.tr(
                "§6.5: hyper-parameters are judged on validation data carved from the training "
                "data; the test data is kept for the very end. Sampling 10^u with u uniform gives "
                "every decade the same share of trials; the dashed box is the current range, "
                "rings mark the best trials."
            )
        )
        self.plot.set_texts(
            title=self.tr("Validation accuracy of each trial"),
            left=self.tr("weight decay λ"),
            bottom=self.tr("learning rate"),
        )
        self.colorbar.axis.setLabel(self.tr("validation accuracy"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("rank"),
                self.tr("validation"),
                self.tr("training"),
                self.tr("learning rate"),
                self.tr("weight decay"),
                self.tr("round"),
                self.tr("trial"),
            ]
        )
        if self.lr_message.isVisible() or self.wd_message.isVisible():
            self.read_ranges()
        if self.results:
            self._draw()
        self._show_progress()

    def _apply_colors(self) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        muted = QColor(text)
        muted.setAlpha(150)
        self.range_box_item.setPen(pg.mkPen(muted, width=1.5, style=Qt.PenStyle.DashLine))
        axis = self.colorbar.axis
        axis.setPen(pg.mkPen(text))
        axis.setTextPen(pg.mkPen(text))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "colorbar"):
            self._apply_colors()
            if self.results:
                self._draw()
        super().changeEvent(event)

    def plot_for_export(self) -> pg.PlotItem | None:
        return self.plot.plotItem

    def table_for_export(self) -> Table | None:
        """Every trial, best first."""
        if not self.results:
            return None
        rows = [
            [
                rank,
                r.trial.index + 1,
                r.trial.round + 1,
                r.trial.lr,
                r.trial.weight_decay,
                r.val_acc,
                r.train_acc,
            ]
            for rank, r in enumerate(rank_trials(self.results), start=1)
        ]
        header = ["rank", "trial", "round", "lr", "weight_decay", "val_acc", "train_acc"]
        return header, rows

    def refresh(self) -> None:
        """Show what the restored inputs give (called once they are set)."""
        self._on_range_changed()

    def shutdown(self) -> None:
        """The worker belongs to the context's runner, stopped by the tab."""

    def ranked(self) -> list[TrialResult]:
        return rank_trials(self.results)
