"""What the pages of the gradient tab (§4.3–4.4) share: log-scale fields, messages, drawing helpers.

* :class:`LogField`: a text field for a positive number with a slider on a log scale next to it
  (the step h, the learning rate);
* :class:`FunctionPicker`: the book's functions in a list and a field for the learner's own;
* :func:`expression_error_message` and :func:`number_error_message`: translated sentences for
  the reason codes of :class:`core.expressions.ExpressionError` and :class:`core.parsing.ParseError`;
* :func:`line_in_box` and :func:`plottable`: keep what pyqtgraph is given finite and near the view.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Protocol

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, Signal, Slot
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from core.derivative_steps import Line
from core.expressions import Expression, ExpressionError, parse_function
from core.parsing import ParseError, format_number, parse_vector
from zdl_gui.theme import curve_color
from zdl_gui.widgets.inline_message import InlineMessage

CUSTOM = "custom"  # the item of a function list that stands for the learner's own formula


def compact(value: float, digits: int = 2) -> str:
    """A short number for sentences: 2.58983747e13 → ``2.6e13``, 0.1 → ``0.1``."""
    text = format_number(float(value), digits)
    return text.replace("e+", "e").replace("e-0", "e-").replace("e0", "e")


def exact_text(value: float, dtype: str = "float64") -> str:
    """All the digits the value has in its precision, as NumPy prints it (0.1999999999990898)."""
    if not math.isfinite(value):
        return format_number(value)
    return str(np.float32(value)) if dtype == "float32" else repr(float(value))


def note_label(text: str = "") -> QLabel:
    """A word-wrapped label in the muted placeholder colour, for hints."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def level_colors(count: int, palette: QPalette, alpha: int = 200) -> list[QColor]:
    """Contour colours from blue (low f) to orange (high f): the colour-blind-safe pair."""
    low, high = curve_color(0, palette), curve_color(1, palette)
    colors = []
    for i in range(count):
        t = i / max(count - 1, 1)
        colors.append(
            QColor(
                round(low.red() + t * (high.red() - low.red())),
                round(low.green() + t * (high.green() - low.green())),
                round(low.blue() + t * (high.blue() - low.blue())),
                alpha,
            )
        )
    return colors


def style_legend(legend: pg.LegendItem, palette: QPalette) -> None:
    """Legend background, frame and text from the palette, existing labels included.

    pyqtgraph's ``setLabelTextColor`` only stores the colour; each label is re-rendered here so
    a theme switch reaches the labels already shown.
    """
    text = palette.color(QPalette.ColorRole.Text)
    legend.setBrush(pg.mkBrush(muted(palette.color(QPalette.ColorRole.Base), 215)))
    legend.setPen(pg.mkPen(muted(text, 120)))
    legend.setLabelTextColor(text)
    for _, label in legend.items:
        label.setText(label.text, color=text)


def muted(color: QColor, alpha: int = 140) -> QColor:
    out = QColor(color)
    out.setAlpha(alpha)
    return out


# --- a positive number on a log scale ---------------------------------------------------------


class LogField(QWidget):
    """A text field for a positive number with a log-scale slider under it.

    The slider runs over 10^(lo) … 10^(hi) in ``per_decade`` steps per power of ten. Moving it
    writes the value into the field; typing moves the slider to the nearest position (a value
    outside the slider's range is kept as typed). :attr:`edited` is emitted on every change, and
    the page reads :meth:`text` and checks it.
    """

    edited = Signal()

    def __init__(
        self, lo_exponent: int, hi_exponent: int, per_decade: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.per_decade = per_decade
        self.edit = QLineEdit()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(lo_exponent * per_decade, hi_exponent * per_decade)
        self.slider.setPageStep(per_decade)
        self.low_label = note_label(format_number(10.0**lo_exponent))
        self.high_label = note_label(format_number(10.0**hi_exponent))
        self.high_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.slider)
        ends = QHBoxLayout()
        ends.addWidget(self.low_label)
        ends.addStretch(1)
        ends.addWidget(self.high_label)
        layout.addLayout(ends)
        self.slider.valueChanged.connect(self._on_slider_moved)
        self.edit.textChanged.connect(self._on_text_changed)

    def text(self) -> str:
        return self.edit.text()

    def value_at(self, position: int) -> float:
        """The number a slider position stands for (whole powers exactly: ``1e-4``)."""
        exponent = position / self.per_decade
        if position % self.per_decade == 0:
            return float(f"1e{position // self.per_decade}")
        return float(format_number(10.0**exponent, 3))

    def set_value(self, value: float) -> None:
        """Show ``value`` in the field (and move the slider there)."""
        self.edit.setText(format_number(float(value), 6))

    @Slot(int)
    def _on_slider_moved(self, position: int) -> None:
        with QSignalBlocker(self.edit):
            self.edit.setText(format_number(self.value_at(position), 6))
        self.edited.emit()

    @Slot(str)
    def _on_text_changed(self, text: str) -> None:
        try:
            value = float(parse_vector(text, max_size=1)[0])
        except (ParseError, ValueError):
            value = float("nan")
        if math.isfinite(value) and value > 0:
            position = round(math.log10(value) * self.per_decade)
            position = min(max(position, self.slider.minimum()), self.slider.maximum())
            with QSignalBlocker(self.slider):
                self.slider.setValue(position)
        self.edited.emit()


def parse_positive(text: str) -> float:
    """One number from a text field (``1e-4``, ``０．１``); raises ParseError for non-numbers.

    The value may still be 0, negative or anything else a number can be: the caller checks it.
    """
    return float(parse_vector(text, max_size=1, allow_nonfinite=True)[0])


# --- messages -----------------------------------------------------------------------------------


def number_error_message(err: ParseError) -> str:
    """A translated sentence for a number field that does not hold one number."""
    token = str(err.detail.get("token", ""))
    if err.reason == "empty":
        return QCoreApplication.translate("GradientTab", "Type a number, for example 1e-4.")
    if err.reason == "too_large":
        return QCoreApplication.translate("GradientTab", "Type a single number.")
    if err.reason == "not_a_number":
        return QCoreApplication.translate("GradientTab", "'{0}' is not a number.").format(token)
    return QCoreApplication.translate("GradientTab", "This is not a number: {0}").format(str(err))


def expression_error_message(err: ExpressionError, n_variables: int) -> str:
    """A translated sentence for a formula the parser refused, built from its reason code."""
    d = err.detail
    token = str(d.get("token", ""))
    pos = err.position if err.position is not None else 0
    example = "0.01*x^2 + 0.1*x" if n_variables == 1 else "x0^2 + x1^2"
    reason = err.reason
    if reason == "empty":
        return QCoreApplication.translate("GradientTab", "Type a formula, for example {0}.").format(
            example
        )
    if reason == "too_long":
        return QCoreApplication.translate(
            "GradientTab", "The formula is longer than {0} characters."
        ).format(d.get("limit"))
    if reason == "too_deep":
        return QCoreApplication.translate(
            "GradientTab", "The formula is nested more than {0} levels deep."
        ).format(d.get("limit"))
    if reason == "too_large":
        if d.get("kind") == "exponent":
            return QCoreApplication.translate(
                "GradientTab",
                "The exponent at position {0} is {1}: exponents beyond ±{2} are refused, the "
                "result could not be a float64 number anyway.",
            ).format(pos, compact(float(d["value"]), 3), format_number(float(d["limit"])))
        return QCoreApplication.translate(
            "GradientTab", "The number '{0}' at position {1} is too large for float64."
        ).format(token, pos)
    if reason == "bad_character":
        hint = d.get("hint")
        if hint:
            return QCoreApplication.translate(
                "GradientTab", "'{0}' at position {1} cannot be used; write {2} instead."
            ).format(token, pos, hint)
        return QCoreApplication.translate(
            "GradientTab", "'{0}' at position {1} is not part of a formula."
        ).format(token, pos)
    if reason == "bad_number":
        return QCoreApplication.translate(
            "GradientTab", "'{0}' at position {1} is not a number."
        ).format(token, pos)
    if reason == "syntax":
        expected = d.get("expected")
        if not token:
            return QCoreApplication.translate(
                "GradientTab", "The formula ends too early: something is missing at the end."
            )
        if expected == "(":
            return QCoreApplication.translate(
                "GradientTab", "{0} needs its argument in parentheses, e.g. {0}(x)."
            ).format(d.get("name"))
        if expected == "operand":
            return QCoreApplication.translate(
                "GradientTab",
                "'{0}' at position {1} cannot stand here: a number, a variable or '(' is "
                "missing before it.",
            ).format(token, pos)
        if expected == "operator":
            return QCoreApplication.translate(
                "GradientTab",
                "'{0}' at position {1} cannot stand here: an operator such as + or * is "
                "missing before it.",
            ).format(token, pos)
        return QCoreApplication.translate(
            "GradientTab", "'{0}' at position {1} cannot stand here; '{2}' was expected."
        ).format(token, pos, expected)
    if reason == "unbalanced":
        if token == ")":
            return QCoreApplication.translate(
                "GradientTab", "The ')' at position {0} has no matching '('."
            ).format(pos)
        return QCoreApplication.translate(
            "GradientTab", "The '{0}' at position {1} is never closed."
        ).format(token, pos)
    if reason == "unknown_name":
        allowed = "x" if n_variables == 1 else "x0, x1 (or x, y)"
        return QCoreApplication.translate(
            "GradientTab", "'{0}' at position {1} is not a variable: use {2}, and pi or e."
        ).format(token, pos, allowed)
    if reason == "unknown_function":
        return QCoreApplication.translate(
            "GradientTab", "'{0}' at position {1} is not a function here. Known: {2}."
        ).format(
            token,
            pos,
            ", ".join(str(n) for n in d.get("functions", ())),  # type: ignore[union-attr]
        )
    if reason == "not_allowed":
        return QCoreApplication.translate(
            "GradientTab",
            "'{0}' at position {1} is Python code, not a formula. Only numbers, the variables, "
            "+ − * / ^, parentheses and functions such as exp(x) are allowed; nothing is ever "
            "run as code.",
        ).format(token, pos)
    if reason == "arguments":
        return QCoreApplication.translate(
            "GradientTab", "{0}() at position {1} takes exactly one argument."
        ).format(d.get("name"), pos)
    return str(err)


# --- drawing helpers ----------------------------------------------------------------------------


def line_in_box(
    line: Line, x_range: tuple[float, float], y_range: tuple[float, float]
) -> tuple[list[float], list[float]]:
    """The part of ``line`` inside the box, as two end points ([] when it misses the box).

    Clipping the ends to the box instead of the y values keeps the drawn slope right however
    steep the line is, and keeps the coordinates pyqtgraph gets near the view.
    """
    m, b = float(line.slope), float(line.intercept)
    (x_lo, x_hi), (y_lo, y_hi) = x_range, y_range
    if not (math.isfinite(m) and math.isfinite(b)):
        return [], []
    if m == 0:
        return ([x_lo, x_hi], [b, b]) if y_lo <= b <= y_hi else ([], [])
    t1, t2 = (y_lo - b) / m, (y_hi - b) / m
    lo, hi = max(x_lo, min(t1, t2)), min(x_hi, max(t1, t2))
    if lo >= hi:
        return [], []
    return [lo, hi], [m * lo + b, m * hi + b]


def set_points(item: pg.PlotDataItem, x: object, y: object) -> None:
    """``item.setData(x, y)``, or no data when no point is finite.

    pyqtgraph's symbols take ``nanmin`` of the data, which warns on an all-nan array (and
    warnings are errors here); gaps of nan between finite points are fine.
    """
    xa = np.asarray(x, dtype=np.float64)
    ya = np.asarray(y, dtype=np.float64)
    if xa.size == 0 or not np.any(np.isfinite(xa) & np.isfinite(ya)):
        item.setData([], [])
    else:
        item.setData(xa, ya)


def plottable(values: np.ndarray, lo: float, hi: float) -> np.ndarray:
    """``values`` with inf/nan as nan and the rest clipped to [lo, hi] (a band around the view)."""
    out = np.asarray(values, dtype=np.float64).copy()
    bad = ~np.isfinite(out)
    out[bad] = np.nan
    np.clip(out, lo, hi, out=out, where=~bad)
    return out


def break_jumps(x: np.ndarray, y: np.ndarray, limit: float) -> tuple[np.ndarray, np.ndarray]:
    """Insert a nan gap wherever neighbouring y values differ by more than ``limit``.

    Sampled across a pole (1/x at 0) a curve would otherwise be joined by a vertical line from
    −∞ to +∞; a jump taller than the whole view between two neighbouring samples is a break.
    """
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        jumps = np.flatnonzero(np.abs(np.diff(y)) > limit)
    if jumps.size == 0:
        return x, y
    return np.insert(x, jumps + 1, np.nan), np.insert(y, jumps + 1, np.nan)


def robust_range(values: np.ndarray, extra: tuple[float, ...] = ()) -> tuple[float, float]:
    """A y range for a curve: its 2nd to 98th percentile (poles do not squash it), padded."""
    finite = np.asarray(values, dtype=np.float64)
    finite = finite[np.isfinite(finite)]
    points = [v for v in extra if math.isfinite(v)]
    if finite.size == 0 and not points:
        return -1.0, 1.0
    if finite.size:
        lo, hi = np.percentile(finite, [2.0, 98.0])
        lo, hi = float(lo), float(hi)
    else:
        lo = hi = points[0]
    if points:
        lo, hi = min(lo, *points), max(hi, *points)
    span = hi - lo
    if span <= 1e-12 * max(1.0, abs(hi)):
        span = max(1.0, abs(hi) * 0.1)
        return lo - span / 2, hi + span / 2
    return lo - 0.08 * span, hi + 0.08 * span


class Preset(Protocol):
    """What a function list needs of a preset (:mod:`core.derivative_steps`, :mod:`core.descent`)."""

    @property
    def id(self) -> str: ...

    @property
    def expression(self) -> str: ...

    def function(self) -> Expression: ...


class FunctionPicker(QGroupBox):
    """The formula a page works on (§4.3–4.4): the book's functions in a list, and a field for
    the learner's own, read safely by :func:`core.expressions.parse_function`.

    Picking from the list writes the formula into the field and emits ``picked``; typing selects
    the entry with exactly that formula, or "your own", and emits ``typed`` (or ``failed``, with
    the reason under the field, when it does not parse). ``function`` is always the last formula
    that parsed, ``preset`` the entry it came from (None for the learner's own).
    """

    picked = Signal(object)  # the preset chosen from the list
    typed = Signal()  # a formula typed in that parses
    failed = Signal()  # a formula typed in that does not

    def __init__(
        self, presets: Sequence[Preset], n_variables: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._presets = {preset.id: preset for preset in presets}
        self._n_variables = n_variables
        first = presets[0]
        self.preset: Preset | None = first
        self.function: Expression = first.function()
        self.good_text = first.expression  # the text of ``function``
        self.error: ExpressionError | None = None

        self.preset_combo = QComboBox()
        for preset in presets:
            self.preset_combo.addItem("", preset.id)
        self.preset_combo.addItem("", CUSTOM)
        self.expression_edit = QLineEdit(first.expression)
        self.expression_edit.setMaxLength(500)
        self.expression_message = InlineMessage()
        self.understood_label = note_label()
        self.column = QVBoxLayout(self)  # a page may add its own lines
        for widget in (
            self.preset_combo,
            self.expression_edit,
            self.expression_message,
            self.understood_label,
        ):
            self.column.addWidget(widget)
        self.preset_combo.currentIndexChanged.connect(self._on_index_changed)
        self.expression_edit.textChanged.connect(self._on_text_edited)

    def pick(self, preset: Preset) -> None:
        """Use ``preset`` as if chosen from the list."""
        with QSignalBlocker(self.expression_edit):
            self.expression_edit.setText(preset.expression)
        self._select(preset.id)
        self._use(preset.function(), preset, preset.expression)
        self.picked.emit(preset)

    def set_titles(self, title: Callable[[str], str]) -> None:
        """Name each entry of the list (``title`` of its id) in the current language."""
        for index in range(self.preset_combo.count()):
            self.preset_combo.setItemText(index, title(self.preset_combo.itemData(index)))

    def show_error(self) -> None:
        """Show why the field's formula was refused, or nothing when it was not."""
        if self.error is not None:
            self.expression_message.show_message(
                expression_error_message(self.error, self._n_variables)
            )
        else:
            self.expression_message.clear_message()

    def _select(self, preset_id: str) -> None:
        with QSignalBlocker(self.preset_combo):
            self.preset_combo.setCurrentIndex(self.preset_combo.findData(preset_id))

    def _use(self, function: Expression, preset: Preset | None, text: str) -> None:
        self.function, self.preset, self.good_text, self.error = function, preset, text, None

    @Slot(int)
    def _on_index_changed(self, index: int) -> None:
        preset_id = self.preset_combo.itemData(index)
        if preset_id != CUSTOM:
            self.pick(self._presets[preset_id])

    @Slot(str)
    def _on_text_edited(self, text: str) -> None:
        try:
            function = parse_function(text, self._n_variables)
        except ExpressionError as err:
            self.error = err
            self.show_error()
            self.failed.emit()
            return
        matching = next((p for p in self._presets.values() if p.expression == text.strip()), None)
        self._select(CUSTOM if matching is None else matching.id)
        self._use(function, matching, text)
        self.show_error()
        self.typed.emit()
