"""The optimizer race (§6.1): SGD, Momentum, AdaGrad and Adam on f(x, y) = x²/20 + y².

Every optimizer starts at (−7, 2) and takes 30 steps, with the book's learning rates by default.
The paths are drawn on the contours of f and animated together (play, pause, one step, reset);
the table under the plot shows, for the current step, each optimizer's position, loss, gradient
and internal state (velocity v, history h, moments m and v with the step count t). A learning
rate that is too large makes a path run away: it stops where it diverged and a message next to
that learning rate says so. Every number comes from :mod:`core.optimizer_race`, which drives the
optimizer classes of :mod:`core.optimizer`, the same the training dashboard uses.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QObject,
    QSignalBlocker,
    Qt,
    Slot,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.optimizer import EPS, OPTIMIZERS
from core.optimizer_race import (
    BOOK_LEARNING_RATES,
    DEFAULT_LEARNING_RATES,
    DIVERGENCE_LIMIT,
    START,
    STEPS,
    RaceRun,
    contour_ellipses,
    race,
)
from core.parsing import format_number
from zdl_gui.plotting import ThemedPlot
from zdl_gui.settings import Settings
from zdl_gui.tabs.base import StudyTab, Table, run_standalone
from zdl_gui.theme import curve_color
from zdl_gui.widgets.inline_message import InlineMessage, Level
from zdl_gui.widgets.playback_bar import PlaybackBar, Speed
from zdl_gui.widgets.sizing import vertical_scroll

#: The book's four first (its figure), then the two the figure leaves out.
ORDER: tuple[str, ...] = (
    *BOOK_LEARNING_RATES,
    *(n for n in OPTIMIZERS if n not in BOOK_LEARNING_RATES),
)
#: Curve colours (Okabe–Ito indices) chosen so the book's four are the most distinct.
COLOR_INDEX: dict[str, int] = {
    "SGD": 0,
    "Momentum": 1,
    "AdaGrad": 2,
    "Adam": 3,
    "Nesterov": 4,
    "RMSprop": 5,
}

#: Why each path looks the way it does, one line per optimizer (§6.1.2–6.1.6).
NOTES: dict[str, str] = {
    "SGD": QT_TRANSLATE_NOOP(
        "OptimizerTab",
        "Zig-zags: in this long, narrow valley the gradient points mostly across it (along y), "
        "not towards the minimum.",
    ),
    "Momentum": QT_TRANSLATE_NOOP(
        "OptimizerTab",
        "Rolls like a ball: the velocity v remembers the past steps, so the pushes along x add "
        "up and the swings in y cancel out.",
    ),
    "Nesterov": QT_TRANSLATE_NOOP(
        "OptimizerTab",
        "Momentum that looks ahead: it uses the gradient where the velocity is about to carry "
        "it, so it overshoots less.",
    ),
    "AdaGrad": QT_TRANSLATE_NOOP(
        "OptimizerTab",
        "Shrinks the steps where the gradients were large: h adds up every gradient squared, "
        "so the steep y direction slows down first.",
    ),
    "RMSprop": QT_TRANSLATE_NOOP(
        "OptimizerTab",
        "Like AdaGrad, but h slowly forgets old gradients, so the steps do not shrink for ever.",
    ),
    "Adam": QT_TRANSLATE_NOOP(
        "OptimizerTab",
        "Combines both: m rolls like Momentum, v scales each direction like AdaGrad, and t "
        "corrects the bias of the first steps.",
    ),
}

#: The update rules for each coordinate x with gradient g (§6.1.2–6.1.6); the constants are
#: filled in from the optimizers' own defaults in :func:`update_rule`.
RULES: dict[str, str] = {
    "SGD": "x ← x − lr·g",
    "Momentum": "v ← α·v − lr·g,  x ← x + v   (α = {momentum})",
    "Nesterov": "x ← x + α²·v − (1 + α)·lr·g,  v ← α·v − lr·g   (α = {momentum})",
    "AdaGrad": "h ← h + g²,  x ← x − lr·g / (√h + ε)   (ε = {eps})",
    "RMSprop": "h ← ρ·h + (1 − ρ)·g²,  x ← x − lr·g / (√h + ε)   (ρ = {decay_rate})",
    "Adam": (
        "m ← m + (1 − β1)(g − m),  v ← v + (1 − β2)(g² − v),  x ← x − lr_t·m / (√v + ε),  "
        "lr_t = lr·√(1 − β2ᵗ) / (1 − β1ᵗ)   (β1 = {beta1}, β2 = {beta2})"
    ),
}


def update_rule(name: str) -> str:
    """The update rule of optimizer ``name`` with its default hyper-parameters put in."""
    values = {key: format_number(v) for key, v in OPTIMIZERS[name]().hyperparams.items()}
    return RULES[name].format(eps=format_number(EPS), **values).replace("-", MINUS)


#: The functions to race on: (key of core.optimizer_race.FUNCTIONS, shown text).
FUNCTION_CHOICES: tuple[tuple[str, str], ...] = (
    ("bowl", QT_TRANSLATE_NOOP("OptimizerTab", "f(x, y) = x²/20 + y² (the book's)")),
    ("round", QT_TRANSLATE_NOOP("OptimizerTab", "f(x, y) = x² + y² (a round bowl)")),
)
FORMULAS = {"bowl": "f(x, y) = x²/20 + y²", "round": "f(x, y) = x² + y²"}

#: The part of the plane shown, as in the book's figure; it never follows the data, so a
#: runaway path cannot drag the view to inf.
VIEW_X = (-10.0, 10.0)
VIEW_Y = (-5.0, 5.0)
LR_RANGE = (0.001, 100.0)
LR_DECIMALS = 3
SPEED = Speed(1, 30, 5)  # steps per second
PRECISION = 4  # significant digits in the table
MINUS = "\u2212"

# state-table columns
COL_NAME, COL_POINT, COL_LOSS, COL_GRAD, COL_STATE = range(5)


def _tr(text: str) -> str:
    return QCoreApplication.translate("OptimizerTab", text)


def _num(value: float) -> str:
    """A number for people, with a real minus sign: −6.335, 0.0848, 1.2e+04."""
    return format_number(float(value), PRECISION).replace("-", MINUS)


def _pair(values: Any) -> str:
    """``(a, b)`` for a pair of numbers (a row of one of core's arrays)."""
    a, b = values
    return f"({_num(a)}, {_num(b)})"


def _swatch(color: QColor) -> QIcon:
    """A small square of ``color`` for a check box, so it names its curve."""
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawRoundedRect(1, 1, 12, 12, 3, 3)
    painter.end()
    return QIcon(pixmap)


class OptimizerTab(StudyTab):
    """The optimizer race of §6.1.7: paths on the contours, animated, with each state shown."""

    topic_id = "optimizers"

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(settings, parent)
        self._ready = False
        self.runs: dict[str, RaceRun] = {}
        self.step = STEPS

        self._build_controls()
        self._build_plot()
        self._build_player()
        self._build_table()

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 0, 0, 0)
        right_layout.addWidget(self.plot, 1)
        right_layout.addWidget(self.playback)
        right_layout.addWidget(self.table)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.controls_scroll)
        layout.addWidget(right, 1)

        for name in ORDER:
            self.checks[name].toggled.connect(self._selection_changed)
            self.lr_spins[name].valueChanged.connect(self._learning_rate_changed)
        self.function_combo.currentIndexChanged.connect(self._function_changed)
        self.book_button.clicked.connect(self.reset_learning_rates)
        self.playback.tick.connect(self.step_once)
        self.playback.step_forward.connect(self.step_once)
        self.playback.rewind.connect(self.rewind)
        self.playback.to_end.connect(self.show_end)

        self.finish_setup()
        self._ready = True
        self._draw_contours()
        self._rerun()  # the whole race at first, like the book's figure
        self.retranslate_ui()

    # --- building ------------------------------------------------------------------------------

    def _build_controls(self) -> None:
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 4, 0)

        self.optimizers_box = QGroupBox()
        grid = QGridLayout(self.optimizers_box)
        grid.setColumnStretch(0, 1)
        self.name_header = QLabel()
        self.lr_header = QLabel()
        grid.addWidget(self.name_header, 0, 0)
        grid.addWidget(self.lr_header, 0, 1)
        self.checks: dict[str, QCheckBox] = {}
        self.lr_spins: dict[str, QDoubleSpinBox] = {}
        self.notes: dict[str, QLabel] = {}
        self.messages: dict[str, InlineMessage] = {}
        self.extras_label = _note_label()
        row = 1
        for name in ORDER:
            if name not in BOOK_LEARNING_RATES and self.extras_label.parent() is None:
                grid.addWidget(self.extras_label, row, 0, 1, 2)
                row += 1
            check = QCheckBox(name)
            check.setObjectName(f"check_{name}")
            check.setChecked(name in BOOK_LEARNING_RATES)
            spin = QDoubleSpinBox()
            spin.setObjectName(f"lr_{name}")
            spin.setRange(*LR_RANGE)
            spin.setDecimals(LR_DECIMALS)
            spin.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
            spin.setValue(DEFAULT_LEARNING_RATES[name])
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            note = _note_label()
            message = InlineMessage()
            self.checks[name], self.lr_spins[name] = check, spin
            self.notes[name], self.messages[name] = note, message
            grid.addWidget(check, row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(note, row + 1, 0, 1, 2)
            grid.addWidget(message, row + 2, 0, 1, 2)
            row += 3
        self.book_button = QPushButton()
        grid.addWidget(self.book_button, row, 0, 1, 2)
        column.addWidget(self.optimizers_box)

        self.function_box = QGroupBox()
        function_layout = QVBoxLayout(self.function_box)
        self.function_combo = QComboBox()
        for key, text in FUNCTION_CHOICES:
            self.function_combo.addItem(text, key)
        self.function_note = _note_label()
        function_layout.addWidget(self.function_combo)
        function_layout.addWidget(self.function_note)
        column.addWidget(self.function_box)
        column.addStretch(1)
        self.controls_scroll = vertical_scroll(panel)

    def _build_plot(self) -> None:
        self.plot = ThemedPlot()
        self.plot.setMinimumSize(320, 240)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.setMenuEnabled(False)
        self.plot.plotItem.hideButtons()
        self._reset_view()
        self.legend = self.plot.plotItem.addLegend(offset=(-8, 8))
        self.contour_items: list[pg.PlotDataItem] = []
        self.path_items: dict[str, pg.PlotDataItem] = {}
        for name in ORDER:
            item = pg.PlotDataItem(symbol="o", symbolSize=5)
            item.setZValue(2)
            self.path_items[name] = item
        self.heads = pg.ScatterPlotItem()
        self.heads.setZValue(10)
        self.plot.addItem(self.heads)
        self.minimum_item = pg.ScatterPlotItem([0.0], [0.0], symbol="star", size=16)
        self.minimum_item.setZValue(5)
        self.plot.addItem(self.minimum_item)
        self.start_item = pg.ScatterPlotItem([START[0]], [START[1]], symbol="o", size=13)
        self.start_item.setZValue(1)
        self.plot.addItem(self.start_item)
        self.plot.getViewBox().sigResized.connect(self._reset_view)

    def _build_player(self) -> None:
        self.playback = PlaybackBar(speed=SPEED)
        self.step_label = QLabel()
        self.step_label.setMinimumWidth(90)
        self.playback.add_widget(self.step_label)

    def _build_table(self) -> None:
        table = QTableWidget(0, 5)
        table.verticalHeader().hide()
        table.setWordWrap(False)  # one line per state variable, never squeezed into more
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        table.installEventFilter(self)  # a horizontal scroll bar may come or go on resize
        self.table = table

    # --- StudyTab -----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every visible string; the legend, table and messages are redrawn too."""
        self.setWindowTitle(self.tr("Optimizer race"))  # when opened on its own
        self.optimizers_box.setTitle(self.tr("Optimizers (§6.1)"))
        self.name_header.setText(self.tr("Optimizer"))
        self.lr_header.setText(self.tr("Learning rate lr"))
        self.extras_label.setText(self.tr("Not in the book's figure (§6.1.7):"))
        for name in ORDER:
            rule = self.tr("{0}: {1}, where g is the gradient of f at the current point.")
            rule = rule.format(name, update_rule(name))
            self.checks[name].setToolTip(rule)
            self.notes[name].setText(_tr(NOTES[name]))
            self.notes[name].setToolTip(rule)
            book = BOOK_LEARNING_RATES.get(name)
            if book is None:
                tip = self.tr("{0}'s learning rate; {1} races well (not in the book).")
                tip = tip.format(name, format_number(DEFAULT_LEARNING_RATES[name]))
            else:
                tip = self.tr("{0}'s learning rate; the book uses {1}.")
                tip = tip.format(name, format_number(book))
            self.lr_spins[name].setToolTip(tip)
        self.book_button.setText(self.tr("Book's learning rates"))
        self.book_button.setToolTip(
            self.tr("Set every learning rate back to the book's: {0}").format(
                ", ".join(f"{n} {format_number(lr)}" for n, lr in DEFAULT_LEARNING_RATES.items())
            )
        )
        self.function_box.setTitle(self.tr("Function"))
        for index, (_key, text) in enumerate(FUNCTION_CHOICES):
            self.function_combo.setItemText(index, _tr(text))
        self.function_note.setText(
            self.tr(
                "On the round bowl the gradient points straight at the minimum, so nobody "
                "zig-zags sideways: the trouble of §6.1.3 comes from the valley's shape."
            )
        )
        self.playback.retranslate_ui()
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Optimizer"),
                "(x, y)",
                "f(x, y)",
                self.tr("Gradient g"),
                self.tr("Internal state"),
            ]
        )
        self.table.horizontalHeaderItem(COL_STATE).setToolTip(
            self.tr(
                "Momentum, Nesterov: the velocity v. AdaGrad, RMSprop: h, the history of the "
                "squared gradients. Adam: the moments m and v and the step count t. SGD keeps none."
            )
        )
        self.table.horizontalHeaderItem(COL_GRAD).setToolTip(
            self.tr("g = ∇f(x, y), the gradient at the current point")
        )
        if self._ready:
            self._update_legend()
            self._show_messages()
            self._show_step()
        self._update_plot_title()
        self.controls_scroll.setMaximumWidth(max(self.controls_scroll.minimumWidth(), 340))

    def persistent_widgets(self) -> Mapping[str, QWidget]:
        widgets: dict[str, QWidget] = {}
        for name in ORDER:
            widgets[f"race_{name}"] = self.checks[name]
            widgets[f"lr_{name}"] = self.lr_spins[name]
        widgets["function"] = self.function_combo
        widgets["speed"] = self.playback.speed_slider
        return widgets

    def plot_for_export(self) -> pg.PlotItem:
        return self.plot.plotItem

    def table_for_export(self) -> Table:
        """Every step of the race: step, then x, y and f(x, y) for each optimizer raced."""
        header = [self.tr("step")]
        for name in self.runs:
            header += [f"{name} x", f"{name} y", f"{name} f(x, y)"]
        rows: list[list[object]] = []
        for step in range(STEPS + 1):
            row: list[object] = [step]
            for run in self.runs.values():
                if step <= run.last_step:
                    x, y = run.path[step]
                    row += [float(x), float(y), float(run.loss[step])]
                else:
                    row += ["", "", ""]
            rows.append(row)
        return header, rows

    def shutdown(self) -> None:
        """Stop the animation and remember the inputs."""
        self.playback.pause()
        super().shutdown()

    # --- the race -----------------------------------------------------------------------------

    def selected(self) -> list[str]:
        """The optimizers ticked, in the panel's order."""
        return [name for name in ORDER if self.checks[name].isChecked()]

    def learning_rates(self) -> dict[str, float]:
        """The learning rate of each ticked optimizer, as its spin box shows it."""
        return {name: self.lr_spins[name].value() for name in self.selected()}

    def function_key(self) -> str:
        data = self.function_combo.currentData()
        return data if isinstance(data, str) else "bowl"

    def _rerun(self) -> None:
        """Race again with the current choices (cheap: 30 steps each) and redraw."""
        self.runs = race(self.learning_rates(), steps=STEPS, function=self.function_key())
        self._sync_items()
        self._show_messages()
        self._show_step()

    @Slot(bool)
    def _selection_changed(self, _checked: bool) -> None:
        """An optimizer joins or leaves; the others keep their place in the animation."""
        if self._ready:
            self._rerun()

    @Slot(float)
    def _learning_rate_changed(self, _value: float) -> None:
        """A new learning rate: race again and replay from step 0."""
        if self._ready:
            self._rerun()
            self.restart()

    @Slot(int)
    def _function_changed(self, _index: int) -> None:
        if self._ready:
            self._draw_contours()
            self._rerun()
            self._update_plot_title()
            self.restart()

    @Slot()
    def reset_learning_rates(self) -> None:
        """Put every learning rate back to the book's (and this app's for the two extras)."""
        for name, spin in self.lr_spins.items():
            with QSignalBlocker(spin):
                spin.setValue(DEFAULT_LEARNING_RATES[name])
        self._rerun()
        self.restart()

    # --- the animation ------------------------------------------------------------------------

    def restart(self) -> None:
        """Back to step 0 and play."""
        self.rewind()
        self.playback.play()

    @Slot()
    def step_once(self) -> None:
        if self.step < STEPS:
            self.step += 1
            self._show_step()

    @Slot()
    def rewind(self) -> None:
        """Step 0: every optimizer at the start."""
        self.step = 0
        self._show_step()

    @Slot()
    def show_end(self) -> None:
        """The last step: the whole race, like the book's figure."""
        self.step = STEPS
        self._show_step()

    # --- drawing ------------------------------------------------------------------------------

    @Slot()
    def _reset_view(self) -> None:
        """Show the book's window x ∈ [−10, 10], y ∈ [−5, 5], whatever the paths do."""
        self.plot.setRange(xRange=VIEW_X, yRange=VIEW_Y, padding=0)

    def _draw_contours(self) -> None:
        for item in self.contour_items:
            self.plot.removeItem(item)
        self.contour_items = []
        pen = self._contour_pen()
        for _level, curve in contour_ellipses(self.function_key()):
            item = pg.PlotDataItem(curve[:, 0], curve[:, 1], pen=pen)
            item.setZValue(-10)
            self.plot.addItem(item)
            self.contour_items.append(item)

    def _contour_pen(self) -> QPen:
        color = QColor(self.palette().color(QPalette.ColorRole.Text))
        color.setAlpha(70)
        return pg.mkPen(color, width=1)

    def _sync_items(self) -> None:
        """Put the raced optimizers' paths in the plot, the others out, and colour them."""
        for name, item in self.path_items.items():
            wanted = name in self.runs
            if wanted and item.scene() is None:
                self.plot.addItem(item)
            elif not wanted and item.scene() is not None:
                self.plot.removeItem(item)
        self._apply_colors()
        self._update_legend()
        self._fill_table_rows()

    def _apply_colors(self) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        for name, item in self.path_items.items():
            color = curve_color(COLOR_INDEX[name], palette)
            item.setPen(pg.mkPen(color, width=2))
            item.setSymbolBrush(pg.mkBrush(color))
            item.setSymbolPen(pg.mkPen(color))
            self.checks[name].setIcon(_swatch(color))
        for item in self.contour_items:
            item.setPen(self._contour_pen())
        self.minimum_item.setPen(pg.mkPen(text))
        self.minimum_item.setBrush(pg.mkBrush(text))
        self.start_item.setPen(pg.mkPen(text, width=1.5))
        self.start_item.setBrush(pg.mkBrush(None))
        background = QColor(palette.color(QPalette.ColorRole.Base))
        background.setAlpha(215)
        muted = QColor(text)
        muted.setAlpha(120)
        self.legend.setBrush(pg.mkBrush(background))
        self.legend.setPen(pg.mkPen(muted))
        self.legend.setLabelTextColor(text)
        if self._ready:
            self._draw_heads()

    def _update_legend(self) -> None:
        self.legend.clear()
        for name, run in self.runs.items():
            self.legend.addItem(
                self.path_items[name], self.tr("{0}, lr = {1}").format(name, _num(run.lr))
            )
        self.legend.addItem(self.minimum_item, self.tr("minimum (0, 0)"))
        self.legend.addItem(self.start_item, self.tr("start (−7, 2)"))

    def _update_plot_title(self) -> None:
        self.plot.set_texts(
            title=self.tr("{0}: {1} steps from (−7, 2)").format(
                FORMULAS[self.function_key()], STEPS
            ),
            left="y",
            bottom="x",
        )

    def _show_step(self) -> None:
        """Draw every path up to the current step and fill the state table for it."""
        for name, run in self.runs.items():
            end = run.row(self.step) + 1
            self.path_items[name].setData(run.path[:end, 0], run.path[:end, 1])
        self._draw_heads()
        self.step_label.setText(self.tr("step {0} / {1}").format(self.step, STEPS))
        self.playback.set_position(at_start=self.step == 0, at_end=self.step >= STEPS)
        self._fill_table()

    def _draw_heads(self) -> None:
        """A larger dot where each optimizer is now, a cross where a path stopped diverging, and
        a triangle on the edge pointing the way when the point is outside the view."""
        spots = []
        edge = self.palette().color(QPalette.ColorRole.Base)
        for name, run in self.runs.items():
            color = curve_color(COLOR_INDEX[name], self.palette())
            row = run.row(self.step)
            x, y = float(run.path[row, 0]), float(run.path[row, 1])
            symbol, size = ("x", 16) if run.diverged and self.step > run.last_step else ("o", 11)
            outside = _outside_symbol(x, y)
            if outside is not None:
                symbol, size = outside, 15
                x, y = _clip_to_view(x, y)
            spots.append(
                {
                    "pos": (x, y),
                    "symbol": symbol,
                    "size": size,
                    "brush": pg.mkBrush(color),
                    "pen": pg.mkPen(edge, width=1.5),
                }
            )
        self.heads.setData(spots)

    # --- the state table ----------------------------------------------------------------------

    def _fill_table_rows(self) -> None:
        """One row per raced optimizer, its name in its colour."""
        self.table.setRowCount(len(self.runs))
        for r, name in enumerate(self.runs):
            for c in range(self.table.columnCount()):
                if self.table.item(r, c) is None:
                    item = QTableWidgetItem()
                    align = (
                        Qt.AlignmentFlag.AlignLeft
                        if c in (COL_NAME, COL_STATE)
                        else (Qt.AlignmentFlag.AlignRight)
                    )
                    item.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)
                    self.table.setItem(r, c, item)
            name_item = self.table.item(r, COL_NAME)
            name_item.setIcon(_swatch(curve_color(COLOR_INDEX[name], self.palette())))

    def _fill_table(self) -> None:
        for r, run in enumerate(self.runs.values()):
            row = run.row(self.step)
            name, tip = run.name, update_rule(run.name)
            if run.diverged and self.step > run.last_step:
                name = f"{run.name} ✕"
                tip = self.tr("Stopped at step {0}: the path diverged at step {1}.").format(
                    row, run.diverged_at
                )
            self.table.item(r, COL_NAME).setToolTip(tip)
            cells = {
                COL_NAME: name,
                COL_POINT: _pair(run.path[row]),
                COL_LOSS: _num(run.loss[row]),
                COL_GRAD: _pair(run.gradient[row]),
                COL_STATE: self._state_text(run, row),
            }
            for c, text in cells.items():
                item = self.table.item(r, c)
                if item.text() != text:
                    item.setText(text)
        self._fit_table()

    def _state_text(self, run: RaceRun, row: int) -> str:
        if not run.state:
            return self.tr("none: the step is −lr·g")
        lines = []
        for key, values in run.state.items():
            if values.ndim == 1:
                lines.append(f"{key} = {int(values[row])}")
            else:
                lines.append(f"{key} = {_pair(values[row])}")
        return "\n".join(lines)

    def _fit_table(self) -> None:
        """As tall as its rows, so nothing scrolls and the plot gets the rest."""
        self.table.resizeRowsToContents()
        height = self.table.horizontalHeader().sizeHint().height()
        height += sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        if self.table.horizontalHeader().length() > self.table.viewport().width():
            height += self.table.horizontalScrollBar().sizeHint().height()
        self.table.setFixedHeight(height + 2 * self.table.frameWidth() + 2)

    # --- messages -----------------------------------------------------------------------------

    def _show_messages(self) -> None:
        """Next to each learning rate: did its path diverge, or climb without diverging?"""
        for name in ORDER:
            run = self.runs.get(name)
            message = self.messages[name]
            if run is None:
                message.clear_message()
            elif run.diverged:
                message.show_message(self._divergence_text(run), Level.ERROR)
            elif run.loss_increased:
                message.show_message(
                    self.tr(
                        "{0} does not settle: the loss grew from {1} to {2} in {3} steps. The "
                        "learning rate {4} is too large: each step overshoots the minimum by "
                        "more than the last."
                    ).format(
                        name,
                        _num(run.loss[0]),
                        _num(run.loss[-1]),
                        run.last_step,
                        _num(run.lr),
                    ),
                    Level.WARNING,
                )
            else:
                message.clear_message()

    def _divergence_text(self, run: RaceRun) -> str:
        x, y = run.diverged_point if run.diverged_point is not None else (0.0, 0.0)
        if run.divergence == "not_finite":
            return self.tr(
                "{0} diverged at step {1}: the update overflowed to ({2}, {3}). The learning "
                "rate {4} is too large; the path stops at step {5}."
            ).format(run.name, run.diverged_at, _num(x), _num(y), _num(run.lr), run.last_step)
        axis, value = ("x", x) if abs(x) >= abs(y) else ("y", y)
        return self.tr(
            "{0} diverged at step {1}: {2} reached {3}, beyond ±{4}. The learning rate {5} is "
            "too large: every step overshoots the valley further than the last. The path stops "
            "at step {6}."
        ).format(
            run.name,
            run.diverged_at,
            axis,
            _num(value),
            format_number(DIVERGENCE_LIMIT),
            _num(run.lr),
            run.last_step,
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.Resize:
            self._fit_table()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and getattr(self, "_ready", False):
            self._apply_colors()
            self._fill_table_rows()
        super().changeEvent(event)


def _outside_symbol(x: float, y: float) -> str | None:
    """A triangle pointing out of the view where (x, y) lies (pyqtgraph's t1 up, t down, t2
    right, t3 left), or None when it lies inside."""
    if y > VIEW_Y[1]:
        return "t1"
    if y < VIEW_Y[0]:
        return "t"
    if x > VIEW_X[1]:
        return "t2"
    if x < VIEW_X[0]:
        return "t3"
    return None


def _clip_to_view(x: float, y: float) -> tuple[float, float]:
    """(x, y) moved just inside the view, so a marker for it stays visible on the edge."""
    inset_x = 0.02 * (VIEW_X[1] - VIEW_X[0])
    inset_y = 0.03 * (VIEW_Y[1] - VIEW_Y[0])
    return (
        min(max(x, VIEW_X[0] + inset_x), VIEW_X[1] - inset_x),
        min(max(y, VIEW_Y[0] + inset_y), VIEW_Y[1] - inset_y),
    )


def _note_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


if __name__ == "__main__":
    raise SystemExit(run_standalone(OptimizerTab))
