"""Live training curves: loss per update and accuracy per epoch, this run over earlier ones.

The book's Fig. 4-11 (the loss falling) and Fig. 4-12 (train and test accuracy per epoch), drawn
while the network learns. The numbers live in a :class:`core.training_runs.RunHistory` per run
(preallocated arrays, a moving-average smoothing); this widget only hands them to pyqtgraph with
``setData``, at most about 30 times a second and only for runs that changed, with clipping to the
view and peak downsampling so a run of 100 000 updates redraws as fast as one of 100. Non-finite
losses (a diverging run) break the line instead of breaking the plot.

Earlier runs stay in the plots, labelled with the settings that differ between the runs shown
(“optimizer Adam, lr 0.001”), so the book's comparisons (§6.1.7 optimizers, §6.2.4 initial
weights) take two clicks; any of them can be hidden or removed.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from core.training_runs import RunConfig, RunHistory, varying_fields
from zdl_gui.plotting import ThemedPlot
from zdl_gui.tabs import training_text as T
from zdl_gui.tabs.base import Table
from zdl_gui.theme import curve_color
from zdl_gui.widgets.sizing import panes

#: Seconds between two redraws of the accuracy curves while a run trains.
ACCURACY_PERIOD = 0.5
#: Milliseconds after a run's end before its curves are redrawn antialiased.
SMOOTH_DELAY_MS = 250
#: Runs kept in the plots; starting one more drops the oldest.
MAX_RUNS = 8
#: The smoothing slider runs over 0 … 0.99 in steps of 0.01.
SMOOTHING_STEPS = 99
DEFAULT_SMOOTHING = 0.9

_X_COLUMN = {"iteration": "iteration", "epoch": "epoch", "time": "time"}


@dataclass(eq=False)
class Run:
    """One training run in the plots: its settings, its history and its curves."""

    number: int
    config: RunConfig
    history: RunHistory
    loss_raw: pg.PlotDataItem
    loss_smooth: pg.PlotDataItem
    train_acc: pg.PlotDataItem
    test_acc: pg.PlotDataItem
    extent: dict[str, float] = field(default_factory=dict)  # planned end on each x axis
    label: str = ""
    visible: bool = True
    drawn: int = field(default=-1)  # len(history) when last drawn; -1: redraw
    drawn_evals: int = field(default=-1)  # history.n_evaluations when last drawn

    def items(self) -> tuple[pg.PlotDataItem, ...]:
        return (self.loss_raw, self.loss_smooth, self.train_acc, self.test_acc)


class TrainingCurves(QWidget):
    """The loss and accuracy plots with the x-axis choice, smoothing, hover readout and runs."""

    #: The set of runs changed (one added or removed).
    runs_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runs: list[Run] = []
        self._counter = 0
        self._active = False
        self._x_mode = "iteration"
        self._smoothing = DEFAULT_SMOOTHING
        self._hover_x: float | None = None
        self._acc_drawn_at = 0.0
        self._smooth_timer = QTimer(self)
        self._smooth_timer.setSingleShot(True)
        self._smooth_timer.setInterval(SMOOTH_DELAY_MS)
        self._smooth_timer.timeout.connect(self._smooth_current)

        self.loss_plot = ThemedPlot()
        self.acc_plot = ThemedPlot()
        for plot in (self.loss_plot, self.acc_plot):
            plot.setMinimumHeight(140)
            item = plot.plotItem
            item.setClipToView(True)
            item.setDownsampling(auto=True, mode="peak")
            item.setMenuEnabled(False)
            for axis in ("left", "bottom"):  # the finest grid level costs the most to paint
                plot.getAxis(axis).setStyle(maxTickLevel=1)
        self.acc_plot.setYRange(0.0, 1.0, padding=0.02)
        # the loss axis runs from 0 to the largest loss and changes only when that grows: an
        # axis that moves every frame would make both (linked) plots repaint twice a frame
        self.loss_plot.plotItem.vb.enableAutoRange(axis=pg.ViewBox.YAxis, enable=False)
        self.loss_plot.setYRange(0.0, 2.5, padding=0.02)
        self._y_top = math.nan
        self.acc_plot.plotItem.vb.enableAutoRange(axis=pg.ViewBox.YAxis, enable=False)
        self.acc_plot.setXLink(self.loss_plot)
        self.loss_legend = self.loss_plot.plotItem.addLegend(offset=(-10, 10))
        self.acc_legend = self.acc_plot.plotItem.addLegend(offset=(-10, -10))
        self.loss_cursor = pg.InfiniteLine(angle=90, movable=False)
        self.acc_cursor = pg.InfiniteLine(angle=90, movable=False)
        for plot, cursor in ((self.loss_plot, self.loss_cursor), (self.acc_plot, self.acc_cursor)):
            cursor.hide()
            plot.addItem(cursor, ignoreBounds=True)

        splitter = panes(Qt.Orientation.Vertical, self.loss_plot, self.acc_plot, stretch=(3, 2))

        self.x_label = QLabel()
        self.x_combo = QComboBox()
        for key, _name, _axis in T.X_AXES:
            self.x_combo.addItem("", key)
        self.x_label.setBuddy(self.x_combo)
        self.smoothing_label = QLabel()
        self.smoothing_slider = QSlider(Qt.Orientation.Horizontal)
        self.smoothing_slider.setRange(0, SMOOTHING_STEPS)
        self.smoothing_slider.setValue(round(DEFAULT_SMOOTHING * 100))
        self.smoothing_slider.setTracking(False)  # re-smooth when released, not on every pixel
        self.smoothing_slider.setMinimumWidth(80)
        self.smoothing_value = QLabel()
        self.smoothing_label.setBuddy(self.smoothing_slider)
        controls = QHBoxLayout()
        controls.addWidget(self.x_label)
        controls.addWidget(self.x_combo)
        controls.addSpacing(12)
        controls.addWidget(self.smoothing_label)
        controls.addWidget(self.smoothing_slider, 1)
        controls.addWidget(self.smoothing_value)

        self.runs_label = QLabel()
        self.runs_list = QListWidget()
        self.runs_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.runs_list.setMaximumHeight(76)
        self.runs_list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.remove_button = QPushButton()
        self.remove_button.setEnabled(False)
        runs_row = QHBoxLayout()
        runs_column = QVBoxLayout()
        runs_column.addWidget(self.runs_label)
        runs_column.addWidget(self.remove_button)
        runs_column.addStretch(1)
        runs_row.addLayout(runs_column)
        runs_row.addWidget(self.runs_list, 1)

        self.readout = QLabel()
        self.readout.setWordWrap(True)
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.readout.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.readout)
        layout.addLayout(runs_row)

        self.x_combo.currentIndexChanged.connect(self._on_x_mode)
        self.smoothing_slider.valueChanged.connect(self._on_smoothing)
        self.smoothing_slider.sliderMoved.connect(self._show_smoothing_value)
        self.runs_list.itemChanged.connect(self._on_run_toggled)
        self.runs_list.itemSelectionChanged.connect(self._sync_remove_button)
        self.remove_button.clicked.connect(self.remove_selected)
        self._proxies = [
            pg.SignalProxy(plot.scene().sigMouseMoved, rateLimit=30, slot=slot)
            for plot, slot in (
                (self.loss_plot, self._on_loss_hover),
                (self.acc_plot, self._on_acc_hover),
            )
        ]
        self._apply_palette()

    # --- text and colours -------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        for index, (_key, name, _axis) in enumerate(T.X_AXES):
            self.x_combo.setItemText(index, T.translated(name))
        self.x_label.setText(self.tr("X axis"))
        self.smoothing_label.setText(self.tr("Smoothing"))
        self.smoothing_slider.setToolTip(
            self.tr(
                "Weight w of the moving average of the loss: each point is w × the previous "
                "average + (1 − w) × the new loss. 0 shows the raw loss."
            )
        )
        self.runs_label.setText(self.tr("Runs"))
        self.runs_list.setToolTip(
            self.tr(
                "Every run stays in the plots, labelled with the settings that differ. Untick a "
                "run to hide it; select runs and press Remove to delete them. At most {0} are kept."
            ).format(MAX_RUNS)
        )
        self.remove_button.setText(self.tr("Remove"))
        axis = next(label for key, _n, label in T.X_AXES if key == self._x_mode)
        self.loss_plot.set_texts(
            title=self.tr("Loss per update (§4.5.3, Fig. 4-11)"),
            left=self.tr("loss"),
            bottom=T.translated(axis),
        )
        self.acc_plot.set_texts(
            title=self.tr("Accuracy at each epoch's end (Fig. 4-12)"),
            left=self.tr("accuracy"),
            bottom=T.translated(axis),
        )
        self._show_smoothing_value(self.smoothing_slider.value())
        self._relabel()
        self._show_readout()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "runs"):
            self._apply_palette()
        super().changeEvent(event)

    def _apply_palette(self) -> None:
        palette = self.palette()
        muted = QColor(palette.color(QPalette.ColorRole.Text))
        muted.setAlpha(140)
        for cursor in (self.loss_cursor, self.acc_cursor):
            cursor.setPen(pg.mkPen(muted, width=1, style=Qt.PenStyle.DotLine))
        background = QColor(palette.color(QPalette.ColorRole.Base))
        background.setAlpha(215)
        for legend in (self.loss_legend, self.acc_legend):
            legend.setBrush(pg.mkBrush(background))
            legend.setPen(pg.mkPen(muted))
            legend.setLabelTextColor(palette.color(QPalette.ColorRole.Text))
        for run in self.runs:
            self._style(run)

    def _style(self, run: Run) -> None:
        color = curve_color(run.number - 1, self.palette())
        current = run is self.current
        # earlier runs no longer change: paint them once into a pixmap and reuse it each frame
        mode = (
            QGraphicsItem.CacheMode.NoCache
            if current
            else QGraphicsItem.CacheMode.DeviceCoordinateCache
        )
        for item in run.items():
            item.curve.setCacheMode(mode)
            item.scatter.setCacheMode(mode)
        raw = QColor(color)
        raw.setAlpha(70)
        run.loss_raw.setPen(pg.mkPen(raw, width=1))
        run.loss_smooth.setPen(pg.mkPen(color, width=1))
        run.test_acc.setPen(pg.mkPen(color, width=2.5 if current else 1.5))
        run.test_acc.setSymbolBrush(pg.mkBrush(color))
        run.test_acc.setSymbolPen(pg.mkPen(color))
        run.train_acc.setPen(pg.mkPen(color, width=1.5, style=Qt.PenStyle.DashLine))

    # --- runs -------------------------------------------------------------------------------------

    @property
    def current(self) -> Run | None:
        """The newest run (the one training, or the last one trained)."""
        return self.runs[-1] if self.runs else None

    def new_run(self, config: RunConfig, capacity: int, epochs: float | None = None) -> Run:
        """Add a run for ``config`` (``capacity`` planned updates, ``epochs`` planned epochs) and
        make it the current one. While it trains its curves are drawn without antialiasing and
        the x axis spans the whole planned run, so a frame repaints only what changed."""
        while len(self.runs) >= MAX_RUNS:
            self._remove(self.runs[0])
        self._counter += 1
        run = Run(
            number=self._counter,
            config=config,
            history=RunHistory(capacity=capacity, smoothing=self._smoothing),
            loss_raw=pg.PlotDataItem(connect="finite", antialias=False),
            loss_smooth=pg.PlotDataItem(connect="finite", antialias=False),
            train_acc=pg.PlotDataItem(connect="finite", antialias=False),
            test_acc=pg.PlotDataItem(connect="finite", antialias=False, symbol="o", symbolSize=5),
            extent={"iteration": float(capacity), "epoch": float(epochs or capacity)},
        )
        previous = self.current
        self.runs.append(run)
        if previous is not None:
            previous.loss_raw.hide()
            self._style(previous)
        self.loss_plot.addItem(run.loss_raw)
        self.loss_plot.addItem(run.loss_smooth)
        self.acc_plot.addItem(run.train_acc)
        self.acc_plot.addItem(run.test_acc)
        self._style(run)
        item = QListWidgetItem()
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        item.setCheckState(Qt.CheckState.Checked)
        item.setData(Qt.ItemDataRole.UserRole, run.number)
        self.runs_list.blockSignals(True)
        self.runs_list.addItem(item)
        self.runs_list.blockSignals(False)
        self._relabel()
        self._fit_x()
        self.runs_changed.emit()
        return run

    def set_active(self, active: bool) -> None:
        """While a run trains, its entry cannot be removed; when it ends it is drawn smoothly,
        a moment later (that repaint is the costly one, kept apart from the run's end)."""
        self._active = active
        self._sync_remove_button()
        if active:
            self._smooth_timer.stop()
        else:
            self._smooth_timer.start()

    def stop_timers(self) -> None:
        self._smooth_timer.stop()

    @Slot()
    def _smooth_current(self) -> None:
        """Antialias the finished run's smoothed loss and accuracy (the raw loss stays crisp)."""
        current = self.current
        if current is None or self._active:
            return
        for item in (current.loss_smooth, current.train_acc, current.test_acc):
            if not item.opts.get("antialias"):
                item.opts["antialias"] = True
                item.updateItems()

    def _fit_y(self) -> None:
        """Loss axis from 0 to the largest finite loss of the visible runs (+5 %)."""
        tops = [r.history.max_loss for r in self.runs if r.visible]
        top = max((t for t in tops if math.isfinite(t)), default=math.nan)
        if math.isfinite(top) and top != self._y_top:
            self._y_top = top
            self.loss_plot.setYRange(0.0, max(top, 1e-12) * 1.05, padding=0.02)

    def _fit_x(self) -> None:
        """Span the planned length of the visible runs (time: follow the data instead)."""
        self._y_top = math.nan
        self._fit_y()
        view = self.loss_plot.plotItem.vb
        ends = [r.extent.get(self._x_mode) for r in self.runs if r.visible]
        ends = [e for e in ends if e]
        if self._x_mode == "time" or not ends:
            view.enableAutoRange(axis=pg.ViewBox.XAxis)
            return
        view.enableAutoRange(axis=pg.ViewBox.XAxis, enable=False)
        self.loss_plot.setXRange(0.0, max(ends), padding=0.02)

    def remove_run(self, run: Run) -> None:
        self._remove(run)
        self._relabel()
        self._fit_x()
        self.runs_changed.emit()

    @Slot()
    def remove_selected(self) -> None:
        """Remove the runs selected in the list (not the one training)."""
        numbers = {item.data(Qt.ItemDataRole.UserRole) for item in self.runs_list.selectedItems()}
        for run in [r for r in self.runs if r.number in numbers]:
            if not (self._active and run is self.current):
                self._remove(run)
        self._relabel()
        self._fit_x()
        self.runs_changed.emit()

    def clear(self) -> None:
        """Remove every run."""
        for run in list(self.runs):
            self._remove(run)
        self._relabel()
        self.runs_changed.emit()

    def _remove(self, run: Run) -> None:
        for item, plot in zip(
            run.items(), (self.loss_plot, self.loss_plot, self.acc_plot, self.acc_plot), strict=True
        ):
            plot.removeItem(item)
        self.runs.remove(run)
        for row in range(self.runs_list.count()):
            if self.runs_list.item(row).data(Qt.ItemDataRole.UserRole) == run.number:
                self.runs_list.takeItem(row)
                break
        if self.current is not None:
            self.current.loss_raw.setVisible(self.current.visible)
            self._style(self.current)

    def _relabel(self) -> None:
        """Label every run with the settings that differ between the runs shown, and redo legends."""
        fields = varying_fields([run.config for run in self.runs])
        self.loss_legend.clear()
        self.acc_legend.clear()
        for row, run in enumerate(self.runs):
            detail = T.difference_label(run.config, fields)
            run.label = (
                self.tr("Run {0}: {1}").format(run.number, detail)
                if detail
                else self.tr("Run {0}").format(run.number)
            )
            item = self.runs_list.item(row)
            if item is not None:
                self.runs_list.blockSignals(True)
                item.setText(run.label)
                item.setForeground(curve_color(run.number - 1, self.palette()))
                self.runs_list.blockSignals(False)
            if run.visible:
                self.loss_legend.addItem(run.loss_smooth, run.label)
        current = self.current
        if current is not None and current.visible:
            self.acc_legend.addItem(current.train_acc, self.tr("train accuracy"))
            self.acc_legend.addItem(current.test_acc, self.tr("test accuracy"))
        self.loss_legend.setVisible(bool(self.loss_legend.items))
        self.acc_legend.setVisible(bool(self.acc_legend.items))

    @Slot(QListWidgetItem)
    def _on_run_toggled(self, item: QListWidgetItem) -> None:
        number = item.data(Qt.ItemDataRole.UserRole)
        run = next((r for r in self.runs if r.number == number), None)
        if run is None:
            return
        run.visible = item.checkState() == Qt.CheckState.Checked
        run.drawn = run.drawn_evals = -1  # hidden runs are not kept up to date
        for curve in run.items():
            curve.setVisible(run.visible)
        if run is not self.current:
            run.loss_raw.hide()
        self._relabel()
        self._fit_x()

    @Slot()
    def _sync_remove_button(self) -> None:
        selected = {item.data(Qt.ItemDataRole.UserRole) for item in self.runs_list.selectedItems()}
        current = self.current
        removable = selected - ({current.number} if self._active and current else set())
        self.remove_button.setEnabled(bool(removable))

    # --- x axis and smoothing -----------------------------------------------------------------------

    @property
    def x_mode(self) -> str:
        return self._x_mode

    @property
    def smoothing(self) -> float:
        return self._smoothing

    @Slot(int)
    def _on_x_mode(self, _index: int) -> None:
        data = self.x_combo.currentData()
        self._x_mode = data if isinstance(data, str) else "iteration"
        for run in self.runs:
            run.drawn = run.drawn_evals = -1
        self.retranslate_ui()
        self.refresh()
        self._fit_x()

    @Slot(int)
    def _on_smoothing(self, value: int) -> None:
        self._smoothing = value / 100
        self._show_smoothing_value(value)
        for run in self.runs:
            run.history.set_smoothing(self._smoothing)
            run.drawn = run.drawn_evals = -1
        self.refresh()

    @Slot(int)
    def _show_smoothing_value(self, value: int) -> None:
        self.smoothing_value.setText(f"{value / 100:.2f}")

    # --- drawing ------------------------------------------------------------------------------------

    def refresh(self, *, final: bool = False) -> bool:
        """Hand new data to the curves of every run that changed; True if anything was drawn.

        The accuracy curves change once an epoch; they are redrawn at most twice a second
        (and always when ``final``), which on small data halves the painting per frame.
        """
        drew = False
        column = _X_COLUMN[self._x_mode]
        now = time.monotonic()
        accuracy_due = final or now - self._acc_drawn_at >= ACCURACY_PERIOD
        for run in self.runs:
            history = run.history
            if not run.visible:
                continue
            if run.drawn != len(history):
                x = history.column(column)
                run.loss_raw.setData(x, history.column("loss"))
                run.loss_smooth.setData(x, history.column("smoothed"))
                run.drawn = len(history)
                drew = True
            if run.drawn_evals != history.n_evaluations and (accuracy_due or run.drawn_evals < 0):
                ex = history.eval_column(column)
                run.train_acc.setData(ex, history.eval_column("train_acc"))
                run.test_acc.setData(ex, history.eval_column("test_acc"))
                run.drawn_evals = history.n_evaluations
                self._acc_drawn_at = now
                drew = True
        if drew:
            self._fit_y()
        if drew and self._hover_x is not None:
            self._show_readout()
        return drew

    # --- hover readout ------------------------------------------------------------------------------

    @Slot(object)
    def _on_loss_hover(self, event: tuple[object, ...]) -> None:
        self._hover(self.loss_plot, event[0])

    @Slot(object)
    def _on_acc_hover(self, event: tuple[object, ...]) -> None:
        self._hover(self.acc_plot, event[0])

    def _hover(self, plot: ThemedPlot, position: object) -> None:
        view = plot.plotItem.vb
        if not view.sceneBoundingRect().contains(position):
            return
        self.show_values_at(view.mapSceneToView(position).x())

    def show_values_at(self, x: float) -> None:
        """Show the exact values of every visible run at ``x`` (in the current x unit)."""
        self._hover_x = float(x)
        for cursor in (self.loss_cursor, self.acc_cursor):
            cursor.setPos(self._hover_x)
            cursor.show()
        self._show_readout()

    def _show_readout(self) -> None:
        if self._hover_x is None or not self.runs:
            self.readout.setText(self.tr("Point at a curve to read its exact values."))
            return
        column = _X_COLUMN[self._x_mode]
        lines = []
        for run in reversed(self.runs):
            if not run.visible or len(run.history) == 0:
                continue
            lines.append(self._values_line(run, column, self._hover_x))
        self.readout.setText("\n".join(lines[:4]))

    def _values_line(self, run: Run, column: str, x: float) -> str:
        history = run.history
        xs = history.column(column)
        i = int(np.clip(np.searchsorted(xs, x), 0, len(xs) - 1))
        if i > 0 and abs(xs[i - 1] - x) <= abs(xs[i] - x):
            i -= 1
        text = self.tr("{0} — iteration {1}, epoch {2}: loss {3} (smoothed {4})").format(
            run.label,
            T.count(int(history.column("iteration")[i])),
            T.number(history.column("epoch")[i], 3),
            T.number(history.column("loss")[i]),
            T.number(history.column("smoothed")[i]),
        )
        exs = history.eval_column(column)
        j = int(np.searchsorted(exs, xs[i], side="right")) - 1
        if j >= 0:
            text += self.tr("; at iteration {0}: train {1}, test {2}").format(
                T.count(int(history.eval_column("iteration")[j])),
                T.percent(history.eval_column("train_acc")[j]),
                T.percent(history.eval_column("test_acc")[j]),
            )
        return text

    # --- export -------------------------------------------------------------------------------------

    def table(self) -> Table:
        """Every run's curves, one row per update, for File ▸ Export data."""
        header = [
            "run",
            "label",
            "iteration",
            "epoch",
            "training_time_s",
            "loss",
            "smoothed_loss",
            "train_acc",
            "test_acc",
        ]
        rows: list[list[object]] = []
        for run in self.runs:
            for values in run.history.rows():
                cells = [_cell(v) for v in values]
                rows.append([run.number, run.label, *cells])
        return header, rows


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value
