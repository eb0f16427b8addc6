"""The softmax lab (§3.5): naive against overflow-safe softmax, temperature and the constant C.

The learner edits a score vector (up to 2000 in size, so exp overflows), and sees the naive
formula's ``inf`` and ``nan`` next to the stable route's a − C, exp(a − C) and y, as tables, as
bar charts and as NumPy prints them. A C slider shows that y does not depend on C, and a note
that softmax keeps the order of the scores (§3.5.3). Every number comes from
:func:`core.softmax_steps.softmax_steps`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSlider,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.activations import array_str
from core.parsing import ParseError, format_number, parse_vector
from core.softmax_steps import (
    BOOK_EXAMPLE,
    EXP_OVERFLOW_AT,
    EXP_UNDERFLOW_AT,
    FLOAT64_MAX,
    OVERFLOW_EXAMPLE,
    SoftmaxSteps,
    softmax_steps,
)
from zdl_gui.plotting import ThemedPlot
from zdl_gui.tabs.base import Table
from zdl_gui.theme import curve_color, is_dark
from zdl_gui.widgets.inline_message import InlineMessage, Level
from zdl_gui.widgets.sizing import fit_table_height, vertical_scroll

MIN_ENTRIES = 2
MAX_ENTRIES = 10
SCORE_LIMIT = 2000.0
SCORE_SLIDER_STEPS = 1000  # each side of 0
TEMPERATURE_RANGE = (0.1, 10.0)
C_LIMIT = 30_000.0  # |a / T| ≤ 2000 / 0.1 = 20 000
C_SLIDER_SPAN = 50.0  # the C slider moves C within max(a/T) ± 50
PRECISION = 6  # significant digits in the tables (NumPy's own print of y is shown below them)
DRAWABLE = 1e100  # taller bars are drawn divided by a power of ten (Qt cannot paint 1e200)
CROWDED = 5  # with more bars than this, their labels get shorter and smaller

_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_ERROR_COLORS = ("#b3261e", "#ff8a80")  # light, dark: the InlineMessage's error colours


def entry_name(index: int) -> str:
    """a₁, a₂, … for the 0-based ``index``."""
    return "a" + str(index + 1).translate(_SUBSCRIPTS)


def score_from_slider(position: int) -> float:
    """The score for a slider position: fine steps near 0, reaching ±2000 at the ends."""
    magnitude = (SCORE_LIMIT + 1.0) ** (abs(position) / SCORE_SLIDER_STEPS) - 1.0
    return math.copysign(round(magnitude, 2), position)


def slider_from_score(score: float) -> int:
    """The slider position closest to ``score`` (the inverse of :func:`score_from_slider`)."""
    fraction = math.log(abs(score) + 1.0) / math.log(SCORE_LIMIT + 1.0)
    return round(math.copysign(fraction * SCORE_SLIDER_STEPS, score))


def temperature_from_slider(position: int) -> float:
    """T = 10^(position / 100): 0.1 … 10 on a log scale, 1 in the middle."""
    return round(10.0 ** (position / 100), 2)


def slider_from_temperature(t: float) -> int:
    return round(100 * math.log10(t))


class SpinSlider(QWidget):
    """A spin box and a slider that show one value; the slider maps through two functions."""

    value_changed = Signal(float)

    def __init__(
        self,
        spin: QDoubleSpinBox,
        slider_range: tuple[int, int],
        to_slider: Callable[[float], int],
        from_slider: Callable[[int], float],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.spin = spin
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(*slider_range)
        self._to_slider = to_slider
        self._from_slider = from_slider
        self._from_slider_move = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.spin)
        layout.addWidget(self.slider, 1)
        self.sync_slider()
        self.spin.valueChanged.connect(self._on_spin_changed)
        self.slider.valueChanged.connect(self._on_slider_moved)

    def value(self) -> float:
        return self.spin.value()

    def set_value(self, value: float) -> None:
        self.spin.setValue(value)

    def sync_slider(self) -> None:
        """Put the slider where the spin box's value is, without emitting anything."""
        with QSignalBlocker(self.slider):
            self.slider.setValue(self._to_slider(self.spin.value()))

    @Slot(float)
    def _on_spin_changed(self, value: float) -> None:
        if not self._from_slider_move:
            self.sync_slider()
        self.value_changed.emit(value)

    @Slot(int)
    def _on_slider_moved(self, position: int) -> None:
        self._from_slider_move = True
        try:
            self.spin.setValue(self._from_slider(position))
        finally:
            self._from_slider_move = False


class ScoreRow(QWidget):
    """One score a_k: its name, a spin box (−2000 … 2000) and a slider."""

    value_changed = Signal(float)

    def __init__(self, index: int, value: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_label = QLabel(entry_name(index))
        spin = QDoubleSpinBox()
        spin.setRange(-SCORE_LIMIT, SCORE_LIMIT)
        spin.setDecimals(2)
        spin.setSingleStep(0.1)
        spin.setValue(value)
        self.control = SpinSlider(
            spin,
            (-SCORE_SLIDER_STEPS, SCORE_SLIDER_STEPS),
            slider_from_score,
            score_from_slider,
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name_label)
        layout.addWidget(self.control, 1)
        self.control.value_changed.connect(self.value_changed)

    @property
    def spin(self) -> QDoubleSpinBox:
        return self.control.spin

    @property
    def slider(self) -> QSlider:
        return self.control.slider

    def value(self) -> float:
        return self.control.value()


class _Bars:
    """A bar chart with a value label on each bar."""

    def __init__(self, plot: ThemedPlot) -> None:
        self.plot = plot
        self.item = pg.BarGraphItem(x=[0.0], height=[0.0], width=0.6)
        plot.addItem(self.item)
        self.labels: list[pg.TextItem] = []
        self.drawn_heights = np.zeros(1)
        plot.setMouseEnabled(x=False, y=False)
        plot.plotItem.hideButtons()

    def set_bars(
        self,
        heights: np.ndarray,
        texts: Sequence[str],
        brushes: Sequence[QBrush],
        text_color: QColor,
        y_top: float | None = None,
    ) -> float:
        """Draw ``heights`` (non-finite ones as 0), with ``texts`` above the bars.

        Qt cannot paint bars of 1e200 and more, so heights beyond 1e100 are drawn divided by a
        power of ten, which is returned (1.0 otherwise) for the axis to say so.
        """
        n = len(heights)
        x = np.arange(n, dtype=float)
        shown = np.where(np.isfinite(heights), heights, 0.0)
        top = y_top if y_top is not None else float(np.max(shown, initial=0.0))
        if not top > 0:
            top = 1.0
        scale = 10.0 ** math.floor(math.log10(top)) if top > DRAWABLE else 1.0
        drawn = shown / scale
        self.drawn_heights = shown
        self.item.setOpts(x=x, height=drawn, width=0.6, brushes=list(brushes), pen=None)
        while len(self.labels) < n:
            label = pg.TextItem(anchor=(0.5, 1.0))
            self.plot.addItem(label, ignoreBounds=True)
            self.labels.append(label)
        while len(self.labels) > n:
            self.plot.removeItem(self.labels.pop())
        font = QFont(self.plot.font())
        if n > CROWDED:
            font.setPointSizeF(font.pointSizeF() * 0.85)
        for i, (label, text) in enumerate(zip(self.labels, texts, strict=True)):
            label.setText(text, color=text_color)
            label.setFont(font)
            label.setPos(float(i), float(drawn[i]))
        self.plot.setYRange(0.0, top / scale * 1.18, padding=0)  # room for the labels on top
        self.plot.setXRange(-0.6, n - 0.4, padding=0)
        ticks = [(float(i), entry_name(i)) for i in range(n)]
        self.plot.getAxis("bottom").setTicks([ticks])
        return scale

    def heights(self) -> np.ndarray:
        """The values the bars stand for (non-finite ones as 0)."""
        return np.asarray(self.drawn_heights, dtype=float)


class SoftmaxLab(QWidget):
    """Softmax of an editable score vector, naive and stable side by side (§3.5)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._steps: SoftmaxSteps | None = None
        self._updating = False
        self.rows: list[ScoreRow] = []
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)

        self._build_inputs()
        self._build_outputs(mono)

        layout = QHBoxLayout(self)
        layout.addWidget(self._inputs_scroll)
        right = QVBoxLayout()
        charts = QHBoxLayout()
        charts.addWidget(self.exp_plot)
        charts.addWidget(self.prob_plot)
        right.addLayout(charts, 3)
        right.addWidget(self.sum_label)
        right.addWidget(self.rank_note)
        tables = QHBoxLayout()
        tables.addWidget(self.naive_box, 1)
        tables.addWidget(self.stable_box, 1)
        right.addLayout(tables, 2)
        layout.addLayout(right, 1)

        self.set_scores(BOOK_EXAMPLE)
        self.add_button.clicked.connect(self._on_add)
        self.remove_button.clicked.connect(self._on_remove)
        self.book_button.clicked.connect(self._on_book_preset)
        self.overflow_button.clicked.connect(self._on_overflow_preset)
        self.temperature.value_changed.connect(self._on_input_changed)
        self.c_auto_check.toggled.connect(self._on_c_mode_changed)
        self.c_control.value_changed.connect(self._on_input_changed)
        self.scores_edit.textChanged.connect(self._on_scores_text_set)

    # --- building ------------------------------------------------------------------------------

    def _build_inputs(self) -> None:
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)

        self.scores_box = QGroupBox()
        scores_layout = QVBoxLayout(self.scores_box)
        self.rows_layout = QVBoxLayout()
        scores_layout.addLayout(self.rows_layout)
        buttons = QHBoxLayout()
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        scores_layout.addLayout(buttons)
        self.presets_label = QLabel()
        scores_layout.addWidget(self.presets_label)
        presets = QHBoxLayout()
        self.book_button = QPushButton()
        self.overflow_button = QPushButton()
        presets.addWidget(self.book_button)
        presets.addWidget(self.overflow_button)
        scores_layout.addLayout(presets)
        # The score vector is remembered as text through this field, which is never shown.
        self.scores_edit = QLineEdit(self)
        self.scores_edit.hide()
        column.addWidget(self.scores_box)

        self.temperature_box = QGroupBox()
        t_layout = QVBoxLayout(self.temperature_box)
        t_spin = QDoubleSpinBox()
        t_spin.setRange(*TEMPERATURE_RANGE)
        t_spin.setDecimals(2)
        t_spin.setSingleStep(0.1)
        t_spin.setValue(1.0)
        self.temperature = SpinSlider(
            t_spin, (-100, 100), slider_from_temperature, temperature_from_slider
        )
        self.temperature_note = _note_label()
        t_layout.addWidget(self.temperature)
        t_layout.addWidget(self.temperature_note)
        column.addWidget(self.temperature_box)

        self.c_box = QGroupBox()
        c_layout = QVBoxLayout(self.c_box)
        self.c_auto_check = QCheckBox()
        self.c_auto_check.setChecked(True)
        c_spin = QDoubleSpinBox()
        c_spin.setRange(-C_LIMIT, C_LIMIT)
        c_spin.setDecimals(2)
        c_spin.setSingleStep(0.5)
        self.c_control = SpinSlider(
            c_spin,
            (-round(10 * C_SLIDER_SPAN), round(10 * C_SLIDER_SPAN)),
            self._slider_from_c,
            self._c_from_slider,
        )
        self.c_control.setEnabled(False)
        self.c_note = InlineMessage()
        c_layout.addWidget(self.c_auto_check)
        c_layout.addWidget(self.c_control)
        c_layout.addWidget(self.c_note)
        column.addWidget(self.c_box)
        column.addStretch(1)

        self._inputs_scroll = vertical_scroll(panel)

    def _build_outputs(self, mono: QFont) -> None:
        self.exp_plot = ThemedPlot()
        self.prob_plot = ThemedPlot()
        for plot in (self.exp_plot, self.prob_plot):
            plot.setMinimumHeight(200)
            plot.showGrid(x=False, y=True, alpha=0.25)
        self.exp_bars = _Bars(self.exp_plot)
        self.prob_bars = _Bars(self.prob_plot)
        self.sum_label = QLabel()
        self.sum_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.rank_note = _note_label()

        self.naive_box, self.naive_table, self.naive_print, self.naive_note = _route_box(mono)
        self.stable_box, self.stable_table, self.stable_print, self.stable_note = _route_box(mono)

    # --- the score vector ----------------------------------------------------------------------

    def scores(self) -> list[float]:
        """The scores as set in the rows."""
        return [row.value() for row in self.rows]

    def set_scores(self, values: Sequence[float]) -> None:
        """Show ``values`` (2 … 10 of them, each clamped to ±2000) in the rows."""
        values = list(values)[:MAX_ENTRIES]
        self._updating = True
        try:
            while len(self.rows) > max(len(values), MIN_ENTRIES):
                self._drop_row()
            for i, v in enumerate(values):
                if i < len(self.rows):
                    self.rows[i].spin.setValue(v)
                else:
                    self._append_row(v)
        finally:
            self._updating = False
        self._update_buttons()
        self.recompute()

    def _append_row(self, value: float) -> None:
        row = ScoreRow(len(self.rows), value)
        row.value_changed.connect(self._on_input_changed)
        self.rows.append(row)
        self.rows_layout.addWidget(row)

    def _drop_row(self) -> None:
        row = self.rows.pop()
        self.rows_layout.removeWidget(row)
        row.setParent(None)
        row.deleteLater()

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(len(self.rows) < MAX_ENTRIES)
        self.remove_button.setEnabled(len(self.rows) > MIN_ENTRIES)

    @Slot()
    def _on_add(self) -> None:
        if len(self.rows) < MAX_ENTRIES:
            self._append_row(0.0)
            self._update_buttons()
            self.recompute()

    @Slot()
    def _on_remove(self) -> None:
        if len(self.rows) > MIN_ENTRIES:
            self._drop_row()
            self._update_buttons()
            self.recompute()

    @Slot()
    def _on_book_preset(self) -> None:
        self._apply_preset(BOOK_EXAMPLE)

    @Slot()
    def _on_overflow_preset(self) -> None:
        self._apply_preset(OVERFLOW_EXAMPLE)

    def _apply_preset(self, values: Sequence[float]) -> None:
        """The book's setting: these scores, T = 1 and C = max(a)."""
        self._updating = True
        try:
            self.temperature.set_value(1.0)
            self.c_auto_check.setChecked(True)
        finally:
            self._updating = False
        self.set_scores(values)

    @Slot(str)
    def _on_scores_text_set(self, text: str) -> None:
        """Scores restored from the settings (the hidden field's text): use them if they fit."""
        try:
            values = parse_vector(text, max_size=MAX_ENTRIES)
        except ParseError:
            return
        if len(values) >= MIN_ENTRIES and np.all(np.abs(values) <= SCORE_LIMIT):
            self.set_scores(values.tolist())

    # --- C -------------------------------------------------------------------------------------

    def _slider_from_c(self, c: float) -> int:
        top = self._steps.max_scaled if self._steps is not None else 0.0
        offset = max(-C_SLIDER_SPAN, min(C_SLIDER_SPAN, c - top))
        return round(10 * offset)

    def _c_from_slider(self, position: int) -> float:
        top = self._steps.max_scaled if self._steps is not None else 0.0
        return round(top + position / 10, 2)

    @Slot(bool)
    def _on_c_mode_changed(self, automatic: bool) -> None:
        self.c_control.setEnabled(not automatic)
        self._on_input_changed()

    # --- computing -----------------------------------------------------------------------------

    @Slot()
    def _on_input_changed(self) -> None:
        if not self._updating:
            self.recompute()

    def recompute(self) -> None:
        """Run softmax on the current inputs and show every step."""
        subtract = None if self.c_auto_check.isChecked() else self.c_control.value()
        steps = softmax_steps(
            self.scores(), subtract=subtract, temperature=self.temperature.value()
        )
        self._steps = steps
        if steps.c_is_max and self.c_auto_check.isChecked():
            with QSignalBlocker(self.c_control.spin):
                self.c_control.spin.setValue(steps.c)
        self.c_control.sync_slider()
        with QSignalBlocker(self.scores_edit):
            self.scores_edit.setText(", ".join(format_number(v, 12) for v in steps.a))
        self._render()

    @property
    def steps(self) -> SoftmaxSteps | None:
        """The last computation."""
        return self._steps

    # --- showing -------------------------------------------------------------------------------

    def _names(self) -> dict[str, str]:
        """Column titles for T = 1 (a) or another T (a/T)."""
        s = self._steps
        scaled = "a" if s is None or s.temperature == 1.0 else "a/T"
        return {
            "scaled": scaled,
            "exp": f"exp({scaled})",
            "shifted": f"{scaled} − C",
            "exp_shifted": f"exp({scaled} − C)",
        }

    def _render(self) -> None:
        s = self._steps
        if s is None:
            return
        names = self._names()
        palette = self.palette()
        text_color = palette.color(QPalette.ColorRole.Text)
        highlight = QBrush(curve_color(1, palette))

        exp_brush = QBrush(curve_color(0, palette))
        exp_scale = self.exp_bars.set_bars(
            s.exp_shifted,
            [_bar_label(v, len(s.a)) for v in s.exp_shifted],
            [exp_brush] * len(s.a),
            text_color,
        )
        y_brush = QBrush(curve_color(2, palette))
        brushes = [
            highlight if i == s.argmax_y and s.stable_ok else y_brush for i in range(len(s.a))
        ]
        self.prob_bars.set_bars(
            s.y, [_bar_label(v, len(s.a)) for v in s.y], brushes, text_color, y_top=1.0
        )
        self.exp_plot.set_texts(
            title=names["exp_shifted"],
            left=self.tr("× {0}").format(format_number(exp_scale, 1)) if exp_scale != 1 else "",
        )
        softmax_of = self.tr("y = softmax({0})").format(names["scaled"])
        self.prob_plot.set_texts(title=softmax_of)

        self.naive_box.setTitle(self.tr("Naive: exp({0}) / Σ exp({0})").format(names["scaled"]))
        self.stable_box.setTitle(
            self.tr("Stable: subtract C first, exp({0} − C) (§3.5.2)").format(names["scaled"])
        )
        self.sum_label.setText(self.tr("Σ y = {0}").format(_fmt(s.sum_y, 8)))
        self._render_rank_note(s)
        self._fill_table(
            self.naive_table,
            [names["scaled"], names["exp"], "y"],
            [s.scaled, s.naive_exp, s.naive_y],
            [None, s.naive_sum, s.naive_sum_y],
        )
        self._fill_table(
            self.stable_table,
            [names["shifted"], names["exp_shifted"], "y"],
            [s.shifted, s.exp_shifted, s.y],
            [None, s.sum_exp, s.sum_y],
        )
        self.naive_print.setText(f">>> print(y)\n{array_str(s.naive_y)}")
        self.stable_print.setText(f">>> print(y)\n{array_str(s.y)}")
        self._render_notes(s, names)

    def _render_rank_note(self, s: SoftmaxSteps) -> None:
        if not s.stable_ok:
            self.rank_note.setText("")
        elif s.ranks_preserved:
            self.rank_note.setText(
                self.tr(
                    "The order of y is the order of a: the largest score {0} gets the largest "
                    "probability. exp only grows, so inference can skip softmax and pick the "
                    "largest score directly (§3.5.3)."
                ).format(entry_name(s.argmax_a))
            )
        else:
            self.rank_note.setText(
                self.tr(
                    "Some probabilities are so small that they round to the same number, but the "
                    "largest score {0} still gets the largest probability, so inference can skip "
                    "softmax (§3.5.3)."
                ).format(entry_name(s.argmax_a))
            )

    def _render_notes(self, s: SoftmaxSteps, names: dict[str, str]) -> None:
        limits = (format_number(FLOAT64_MAX, 2), format_number(EXP_OVERFLOW_AT, 5))
        if s.naive_overflow and np.any(np.isinf(s.naive_exp)):
            self.naive_note.show_message(
                self.tr(
                    "exp({0}) overflows: float64 stops at about {1} (exp(x) is inf for x > {2}), "
                    "so the sum is inf and inf / inf = nan."
                ).format(_fmt(s.max_scaled, 6), *limits),
                Level.ERROR,
            )
        elif s.naive_overflow:
            self.naive_note.show_message(
                self.tr(
                    "Each exp({0}) is finite, but their sum passes {1}, the largest float64: "
                    "it is inf, and every y becomes 0."
                ).format(names["scaled"], limits[0]),
                Level.ERROR,
            )
        elif s.naive_underflow:
            self.naive_note.show_message(
                self.tr(
                    "Every exp({0}) underflows to 0 (exp(x) is 0 for x < {1}), so 0 / 0 = nan. "
                    "Subtracting C = max fixes this too."
                ).format(names["scaled"], format_number(EXP_UNDERFLOW_AT, 5)),
                Level.ERROR,
            )
        else:
            self.naive_note.show_message(
                self.tr(
                    "No overflow with these scores, so both routes give the same y. "
                    "Try the overflow preset [1010, 1000, 990]."
                ),
                Level.INFO,
            )
        c_text = _fmt(s.c, 6)
        if s.c_is_max:
            self.stable_note.show_message(
                self.tr(
                    "C = max({0}) = {1}: the largest exp({0} − C) is exp(0) = 1, so nothing "
                    "can overflow."
                ).format(names["scaled"], c_text),
                Level.INFO,
            )
        elif s.stable_overflow:
            self.stable_note.show_message(
                self.tr(
                    "C = {0} is far below max({1}): exp({1} − C) or its sum overflows to inf "
                    "and y is lost (nan or 0). Keep C near max({1})."
                ).format(c_text, names["scaled"]),
                Level.ERROR,
            )
        elif s.stable_underflow:
            self.stable_note.show_message(
                self.tr(
                    "C = {0} is far above max({1}): every exp({1} − C) underflows to 0, and "
                    "0 / 0 = nan. Keep C near max({1})."
                ).format(c_text, names["scaled"]),
                Level.ERROR,
            )
        else:
            self.stable_note.show_message(
                self.tr(
                    "C = {0}: exp({1} − C) changed, but y did not (largest change {2})."
                ).format(c_text, names["scaled"], _fmt(s.c_effect, 2)),
                Level.INFO,
            )
        if self.c_auto_check.isChecked():
            self.c_note.show_message(
                self.tr("C follows the largest score, as in the book."),
                Level.INFO,
            )
        else:
            self.c_note.show_message(
                self.tr(
                    "Move C: the bars of exp({0} − C) grow or shrink together, the probabilities "
                    "y stay the same."
                ).format(names["scaled"]),
                Level.INFO,
            )

    def _fill_table(
        self,
        table: QTableWidget,
        headers: list[str],
        columns: list[np.ndarray],
        sums: list[float | None],
    ) -> None:
        n = len(columns[0])
        table.setColumnCount(len(headers))
        table.setRowCount(n + 1)
        table.setHorizontalHeaderLabels(headers)
        table.setVerticalHeaderLabels([entry_name(i) for i in range(n)] + ["Σ"])
        bad = QBrush(QColor(_ERROR_COLORS[1] if is_dark(self.palette()) else _ERROR_COLORS[0]))
        bold = QFont(table.font())
        bold.setBold(True)
        for col, values in enumerate(columns):
            cells: list[float | None] = [*values.tolist(), sums[col]]
            for row, value in enumerate(cells):
                item = QTableWidgetItem("" if value is None else _fmt(value, PRECISION))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if value is not None and not math.isfinite(value):
                    item.setForeground(bad)
                    item.setFont(bold)
                table.setItem(row, col, item)
        fit_table_height(table)

    # --- export, persistence, language -----------------------------------------------------------

    def export_table(self) -> Table | None:
        """Every step per entry: a, a/T − C, exp(a/T − C), y and the naive exp(a/T), y."""
        s = self._steps
        if s is None:
            return None
        header = ["entry", "a", "a/T", "a/T - C", "exp(a/T - C)", "y", "exp(a/T)", "naive y"]
        rows = [
            [i + 1, *map(float, values)]
            for i, values in enumerate(
                zip(
                    s.a,
                    s.scaled,
                    s.shifted,
                    s.exp_shifted,
                    s.y,
                    s.naive_exp,
                    s.naive_y,
                    strict=True,
                )
            )
        ]
        return header, rows

    def persistent_widgets(self) -> dict[str, QWidget]:
        return {"softmax_scores": self.scores_edit, "temperature": self.temperature.spin}

    def retranslate_ui(self) -> None:
        """Set every visible string of the page."""
        self.scores_box.setTitle(self.tr("Scores a"))
        self.add_button.setText(self.tr("Add entry"))
        self.remove_button.setText(self.tr("Remove entry"))
        self.add_button.setToolTip(self.tr("At most {0} entries").format(MAX_ENTRIES))
        self.remove_button.setToolTip(self.tr("At least {0} entries").format(MIN_ENTRIES))
        self.presets_label.setText(self.tr("Presets (T = 1, C = max):"))
        self.book_button.setText(self.tr("Book example"))
        self.book_button.setToolTip(self.tr("The book's example [0.3, 2.9, 4.0] (§3.5.1)"))
        self.overflow_button.setText(self.tr("Overflow"))
        self.overflow_button.setToolTip(
            self.tr("[1010, 1000, 990]: the naive formula gives nan (§3.5.2)")
        )
        self.temperature_box.setTitle(self.tr("Temperature T"))
        self.temperature_note.setText(
            self.tr(
                "y = softmax(a / T). A large T makes y flatter (towards equal), a small T makes "
                "it sharper (towards one 1); the order never changes. The book uses T = 1."
            )
        )
        self.c_box.setTitle(self.tr("Subtract C"))
        self.c_auto_check.setText(self.tr("C = max(a), the book's choice"))
        for plot in (self.exp_plot, self.prob_plot):
            plot.set_texts(left="", bottom=self.tr("entry"))
        self.prob_plot.set_texts(left=self.tr("probability"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._render()
        super().changeEvent(event)


def _fmt(value: float, precision: int) -> str:
    return format_number(float(value), precision)


def _bar_label(value: float, n_bars: int) -> str:
    """A bar's value: 3 digits (4.54e-05), or 2 in short form (4.5e-5) when bars are many."""
    if n_bars <= CROWDED:
        return _fmt(value, 3)
    text = _fmt(value, 2)
    mantissa, e, exponent = text.partition("e")
    return f"{mantissa}e{int(exponent)}" if e else text


def _note_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def _route_box(mono: QFont) -> tuple[QGroupBox, QTableWidget, QLabel, InlineMessage]:
    """A group with a table of the steps, NumPy's print of y and a note."""
    box = QGroupBox()
    layout = QVBoxLayout(box)
    table = QTableWidget()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    table.setMinimumHeight(110)
    printed = QLabel()
    printed.setFont(mono)
    printed.setWordWrap(True)
    printed.setTextFormat(Qt.TextFormat.PlainText)
    printed.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    note = InlineMessage()
    layout.addWidget(table, 1)
    layout.addWidget(printed)
    layout.addWidget(note)
    return box, table, printed, note


__all__ = ["ScoreRow", "SoftmaxLab", "SpinSlider"]
