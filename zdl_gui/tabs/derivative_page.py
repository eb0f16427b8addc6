"""Numerical differentiation (§4.3): forward against central differences as the step h shrinks.

The learner picks or types f(x), drags the point x along the curve and moves h on a log slider
from 1e-1 to 1e-16. The page shows the tangent from the central difference and the secant of the
forward difference, a zoom on x ± 2h where rounding error becomes visible, the values and their
errors, and the U-shaped error-against-h plot in float64 or float32. Every number comes from
:mod:`core.derivative_steps`; formulas are read by :mod:`core.expressions` (never ``eval``).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QSignalBlocker, Qt, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
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

from core.derivative_steps import (
    DTYPES,
    PRESETS,
    UNDERFLOW_H,
    DerivativeAt,
    DerivativePreset,
    ErrorCurve,
    StepError,
    ZoomView,
    derivative_at,
    error_vs_h,
    float32_underflow_example,
    zoom_view,
)
from core.expressions import Expression
from core.gradient import H
from core.parsing import ParseError, format_number
from zdl_gui.plotting import ThemedPlot
from zdl_gui.tabs.base import Table
from zdl_gui.tabs.gradient_common import (
    CUSTOM,
    FunctionPicker,
    LogField,
    break_jumps,
    exact_text,
    line_in_box,
    muted,
    note_label,
    number_error_message,
    parse_positive,
    plottable,
    robust_range,
    set_points,
    style_legend,
)
from zdl_gui.theme import curve_color
from zdl_gui.widgets.inline_message import InlineMessage, Level
from zdl_gui.widgets.sizing import fit_table_height, vertical_scroll

#: Titles of the presets, translated where shown.
PRESET_TITLES: dict[str, str] = {
    "function_1": QT_TRANSLATE_NOOP("DerivativePage", "The book's f(x) = 0.01x² + 0.1x"),
    "square": QT_TRANSLATE_NOOP("DerivativePage", "f(x) = x²"),
    "sin": QT_TRANSLATE_NOOP("DerivativePage", "f(x) = sin x"),
    "exp": QT_TRANSLATE_NOOP("DerivativePage", "f(x) = eˣ"),
    "reciprocal": QT_TRANSLATE_NOOP("DerivativePage", "f(x) = 1/x (undefined at 0)"),
    "abs": QT_TRANSLATE_NOOP("DerivativePage", "f(x) = |x| (a corner at 0, like ReLU)"),
    CUSTOM: QT_TRANSLATE_NOOP("DerivativePage", "Your own f(x)"),
}

CURVE_POINTS = 600
ZOOM_SPAN = 2.0
H_SLIDER = (-16, -1)  # exponents of h on the slider: 1e-16 … 1e-1
COLOR_CENTRAL, COLOR_FORWARD, COLOR_EXACT, COLOR_F = 0, 1, 2, 6  # curve_color indices
ROWS = ("forward", "central", "exact")


def preset_title(preset_id: str) -> str:
    return QCoreApplication.translate("DerivativePage", PRESET_TITLES[preset_id])


class DerivativePage(QWidget):
    """§4.3: the forward and central differences of f at x, their errors, and why h = 1e-4."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        first = PRESETS[0]
        self._exact_formula: Expression | None = first.exact()  # None: by autodiff
        self._h = H
        self._h_error: str | None = None
        self._record: DerivativeAt | None = None
        self._curve: ErrorCurve | None = None
        self._other_curve: ErrorCurve | None = None
        self._zoom: ZoomView | None = None
        self._moving_point = False

        self._build_controls()
        self._build_plots()
        layout = QHBoxLayout(self)
        layout.addWidget(self._controls_scroll)
        right = QVBoxLayout()
        right.addWidget(self.main_plot, 5)
        bottom = QHBoxLayout()
        bottom.addWidget(self.zoom_plot, 1)
        bottom.addWidget(self.error_plot, 1)
        right.addLayout(bottom, 4)
        layout.addLayout(right, 1)

        self.function_box.picked.connect(self._on_preset_picked)
        self.function_box.typed.connect(self._on_function_typed)
        self.function_box.failed.connect(self.refresh_messages)
        self.x_spin.valueChanged.connect(self._on_x_changed)
        self.h_field.edited.connect(self._on_h_edited)
        self.dtype_combo.currentIndexChanged.connect(self._on_dtype_changed)
        self.bad_example_button.clicked.connect(self._on_try_bad_example)
        self.main_plot.sigXRangeChanged.connect(self._on_view_changed)
        self.point_item.sigPositionChanged.connect(self._on_point_dragged)

        self.function_box.pick(first)

    # --- building ------------------------------------------------------------------------------

    def _build_controls(self) -> None:
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)

        self.function_box = FunctionPicker(PRESETS, 1)
        self.expression_label = QLabel()
        self.expression_label.setBuddy(self.function_box.expression_edit)
        self.exact_label = QLabel()
        self.exact_label.setWordWrap(True)
        self.function_box.column.insertWidget(1, self.expression_label)
        self.function_box.column.addWidget(self.exact_label)
        column.addWidget(self.function_box)

        self.step_box = QGroupBox()
        form = QFormLayout(self.step_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.x_label = QLabel()
        self.x_spin = QDoubleSpinBox()
        self.x_spin.setRange(-1e4, 1e4)
        self.x_spin.setDecimals(3)
        self.x_spin.setSingleStep(0.1)
        form.addRow(self.x_label, self.x_spin)
        self.h_label = QLabel()
        self.h_field = LogField(*H_SLIDER, per_decade=1)
        form.addRow(self.h_label, self.h_field)
        self.h_message = InlineMessage()
        form.addRow(self.h_message)
        self.dtype_label = QLabel()
        self.dtype_combo = QComboBox()
        for name in DTYPES:
            self.dtype_combo.addItem(name, name)
        form.addRow(self.dtype_label, self.dtype_combo)
        self.point_message = InlineMessage()
        form.addRow(self.point_message)
        column.addWidget(self.step_box)

        self.values_box = QGroupBox()
        vbox = QVBoxLayout(self.values_box)
        self.values_table = QTableWidget(len(ROWS), 2)
        self.values_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.values_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.values_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.values_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.values_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        for row in range(len(ROWS)):
            for col in range(2):
                item = QTableWidgetItem("")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.values_table.setItem(row, col, item)
        self.formula_label = note_label()
        self.stale_message = InlineMessage()
        vbox.addWidget(self.values_table)
        vbox.addWidget(self.formula_label)
        vbox.addWidget(self.stale_message)
        column.addWidget(self.values_box)

        self.bad_example_box = QGroupBox()
        bbox = QVBoxLayout(self.bad_example_box)
        self.bad_example_label = QLabel()
        self.bad_example_label.setWordWrap(True)
        self.bad_example_button = QPushButton()
        bbox.addWidget(self.bad_example_label)
        bbox.addWidget(self.bad_example_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.bad_example_box)
        column.addStretch(1)

        scroll = vertical_scroll(panel)
        scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._controls_scroll = scroll

    def _build_plots(self) -> None:
        self.main_plot = ThemedPlot()
        self.main_plot.setMinimumHeight(200)
        self.main_plot.setMouseEnabled(x=True, y=False)
        self.main_plot.plotItem.hideButtons()
        self.main_legend = self.main_plot.plotItem.addLegend(offset=(8, 8))
        self.f_curve = pg.PlotDataItem(connect="finite")
        self.tangent_line = pg.PlotDataItem()
        self.secant_line = pg.PlotDataItem()
        self.plus_point = pg.PlotDataItem(symbol="o", symbolSize=8, pen=None)
        self.point_item = pg.TargetItem(size=13, symbol="o")
        self.main_plot.addItem(self.f_curve)
        for item in (self.tangent_line, self.secant_line, self.plus_point):
            self.main_plot.addItem(item, ignoreBounds=True)
        self.main_plot.addItem(self.point_item)

        self.zoom_plot = ThemedPlot()
        self.zoom_plot.setMinimumHeight(160)
        self.zoom_plot.setMouseEnabled(x=False, y=False)
        self.zoom_plot.plotItem.hideButtons()
        self.zoom_curve = pg.PlotDataItem(connect="finite", symbol="o", symbolSize=3)
        self.zoom_secant = pg.PlotDataItem()
        self.zoom_tangent = pg.PlotDataItem()
        self.zoom_exact = pg.PlotDataItem()
        for item in (self.zoom_exact, self.zoom_secant, self.zoom_tangent, self.zoom_curve):
            self.zoom_plot.addItem(item)
        self.zoom_plot.setXRange(-ZOOM_SPAN, ZOOM_SPAN, padding=0.05)

        self.error_plot = ThemedPlot()
        self.error_plot.setMinimumHeight(160)
        self.error_plot.setLogMode(x=True, y=True)
        self.error_plot.setMouseEnabled(x=False, y=False)
        self.error_plot.plotItem.hideButtons()
        self.error_legend = self.error_plot.plotItem.addLegend(offset=(6, -6), colCount=2)
        self.other_forward = pg.PlotDataItem(connect="finite")
        self.other_central = pg.PlotDataItem(connect="finite")
        self.forward_errors = pg.PlotDataItem(connect="finite", symbol="o", symbolSize=4)
        self.central_errors = pg.PlotDataItem(connect="finite", symbol="o", symbolSize=4)
        self.h_marker_points = pg.PlotDataItem(symbol="o", symbolSize=11, pen=None)
        self.h_line = pg.InfiniteLine(angle=90, movable=False)
        for item in (
            self.other_forward,
            self.other_central,
            self.forward_errors,
            self.central_errors,
            self.h_marker_points,
        ):
            self.error_plot.addItem(item)
        self.error_plot.addItem(self.h_line, ignoreBounds=True)
        self.error_note = pg.TextItem(anchor=(0.5, 0.5))
        self.error_plot.addItem(self.error_note, ignoreBounds=True)
        self.error_plot.setXRange(-16.3, -0.7, padding=0)
        self._apply_colors()

    def _apply_colors(self) -> None:
        """Pens from the palette: forward orange, central blue, exact green, f in the text colour."""
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        central = curve_color(COLOR_CENTRAL, palette)
        forward = curve_color(COLOR_FORWARD, palette)
        exact = curve_color(COLOR_EXACT, palette)
        self.f_curve.setPen(pg.mkPen(text, width=2.5))
        self.tangent_line.setPen(pg.mkPen(central, width=2))
        self.secant_line.setPen(pg.mkPen(forward, width=2, style=Qt.PenStyle.DashLine))
        self.plus_point.setSymbolPen(pg.mkPen(forward, width=2))
        self.plus_point.setSymbolBrush(pg.mkBrush(palette.color(QPalette.ColorRole.Base)))
        self.point_item.setPen(pg.mkPen(text, width=2))
        self.point_item.setBrush(pg.mkBrush(muted(exact, 200)))
        self.point_item.setHoverPen(pg.mkPen(exact, width=3))
        self.point_item.setHoverBrush(pg.mkBrush(exact))
        self.zoom_curve.setPen(pg.mkPen(text, width=1.5))
        self.zoom_curve.setSymbolPen(pg.mkPen(text))
        self.zoom_curve.setSymbolBrush(pg.mkBrush(text))
        self.zoom_secant.setPen(pg.mkPen(forward, width=2, style=Qt.PenStyle.DashLine))
        self.zoom_tangent.setPen(pg.mkPen(central, width=2))
        self.zoom_exact.setPen(pg.mkPen(exact, width=2, style=Qt.PenStyle.DotLine))
        self.forward_errors.setPen(pg.mkPen(forward, width=2))
        self.forward_errors.setSymbolBrush(pg.mkBrush(forward))
        self.forward_errors.setSymbolPen(pg.mkPen(forward))
        self.central_errors.setPen(pg.mkPen(central, width=2))
        self.central_errors.setSymbolBrush(pg.mkBrush(central))
        self.central_errors.setSymbolPen(pg.mkPen(central))
        self.other_forward.setPen(
            pg.mkPen(muted(forward, 110), width=1.5, style=Qt.PenStyle.DashLine)
        )
        self.other_central.setPen(
            pg.mkPen(muted(central, 110), width=1.5, style=Qt.PenStyle.DashLine)
        )
        self.h_line.setPen(pg.mkPen(muted(text, 150), width=1, style=Qt.PenStyle.DotLine))
        self.h_marker_points.setSymbolPen(pg.mkPen(text, width=2))
        self.h_marker_points.setSymbolBrush(pg.mkBrush(None))
        self.error_note.setColor(text)
        for legend in (self.main_legend, self.error_legend):
            style_legend(legend, palette)

    # --- state ---------------------------------------------------------------------------------

    @property
    def dtype(self) -> str:
        return str(self.dtype_combo.currentData())

    @property
    def x(self) -> float:
        return self.x_spin.value()

    @property
    def h(self) -> float:
        """The last valid step (the field may hold something else while it shows an error)."""
        return self._h

    @property
    def record(self) -> DerivativeAt | None:
        """What the page shows: the record of the last valid input."""
        return self._record

    @property
    def is_stale(self) -> bool:
        return self.function_box.error is not None or self._h_error is not None

    def persistent_widgets(self) -> dict[str, QWidget]:
        return {
            "derivative_preset": self.function_box.preset_combo,
            "derivative_expression": self.function_box.expression_edit,
            "derivative_x": self.x_spin,
            "derivative_h": self.h_field.edit,
            "derivative_dtype": self.dtype_combo,
        }

    # --- input ---------------------------------------------------------------------------------

    @Slot(object)
    def _on_preset_picked(self, preset: DerivativePreset) -> None:
        """Use a preset: its formula, its exact derivative, its x and its range."""
        self._exact_formula = preset.exact()
        with QSignalBlocker(self.x_spin):
            self.x_spin.setValue(preset.default_x)
        if not self.h_field.text():
            self.h_field.set_value(H)
        with QSignalBlocker(self.main_plot):
            self.main_plot.setXRange(*preset.x_range, padding=0.02)
        self.refresh()

    @Slot()
    def _on_function_typed(self) -> None:
        """A typed f: a preset's exact derivative when it is one, else f's own autodiff."""
        preset = self.function_box.preset
        self._exact_formula = preset.exact() if isinstance(preset, DerivativePreset) else None
        self.refresh()

    @Slot(float)
    def _on_x_changed(self, _value: float) -> None:
        self._follow_point()
        self.refresh()

    @Slot()
    def _on_h_edited(self) -> None:
        text = self.h_field.text()
        try:
            h = parse_positive(text)
        except ParseError as err:
            self._h_error = number_error_message(err)
            self.refresh_messages()
            return
        if not math.isfinite(h):
            self._h_error = self.tr("h must be a finite number.")
        elif h <= 0:
            self._h_error = self.tr(
                "h must be greater than 0: with h = {0} there is no step to divide by."
            ).format(format_number(h))
        else:
            self._h_error = None
            self._h = h
            self.refresh()
            return
        self.refresh_messages()

    @Slot(int)
    def _on_dtype_changed(self, _index: int) -> None:
        self.refresh()

    @Slot()
    def _on_try_bad_example(self) -> None:
        self.h_field.set_value(UNDERFLOW_H)

    @Slot(object)
    def _on_point_dragged(self, item: pg.TargetItem) -> None:
        """Dragging the point moves x; the point stays on the curve."""
        if self._moving_point:
            return
        self.set_x(item.pos().x())

    def set_x(self, x: float) -> None:
        """Move the point to x (what a drag does), rounded to the spin box's 3 decimals."""
        self.x_spin.setValue(float(x))
        self._place_point()

    @Slot()
    def _on_view_changed(self) -> None:
        self._draw_curve()
        self._draw_lines()

    def _follow_point(self) -> None:
        """Pan the main plot when x leaves it."""
        (lo, hi), _ = self.main_plot.viewRange()
        if not lo <= self.x <= hi:
            half = (hi - lo) / 2
            self.main_plot.setXRange(self.x - half, self.x + half, padding=0)

    # --- computing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Recompute everything for the current f, x, h and precision, and show it."""
        f = self.function_box.function
        exact = self._exact_formula if self._exact_formula is not None else f.derivative
        try:
            self._record = derivative_at(f, self.x, self._h, dtype=self.dtype, exact=exact)
            self._zoom = zoom_view(f, self.x, self._h, dtype=self.dtype, span=ZOOM_SPAN)
        except StepError:  # the inputs are checked before; kept as a safety net
            return
        self._curve = self._other_curve = None
        if self._record.exact_exists:
            other = "float64" if self.dtype == "float32" else None
            self._curve = error_vs_h(f, self.x, self._record.exact, dtype=self.dtype)
            if other:
                self._other_curve = error_vs_h(f, self.x, self._record.exact, dtype=other)
        self._draw_curve()
        self._draw_lines()
        self._place_point()
        self._draw_zoom()
        self._draw_errors()
        self._fill_table()
        self.refresh_messages()

    # --- drawing -------------------------------------------------------------------------------

    def _view_box(self) -> tuple[tuple[float, float], tuple[float, float]]:
        (x_lo, x_hi), (y_lo, y_hi) = self.main_plot.viewRange()
        return (x_lo, x_hi), (y_lo, y_hi)

    def _draw_curve(self) -> None:
        """f over the visible x range; the y range follows the curve (poles do not squash it)."""
        (x_lo, x_hi), _ = self._view_box()
        t = np.linspace(x_lo, x_hi, CURVE_POINTS)
        y = np.asarray(self.function_box.function(t), dtype=np.float64)
        extra = (self._record.fx,) if self._record is not None else ()
        y_lo, y_hi = robust_range(y, extra)
        span = y_hi - y_lo
        shown = plottable(y, y_lo - 20 * span, y_hi + 20 * span)
        set_points(self.f_curve, *break_jumps(t, shown, span))
        with QSignalBlocker(self.main_plot):
            self.main_plot.setYRange(y_lo, y_hi, padding=0)

    def _draw_lines(self) -> None:
        r = self._record
        if r is None:
            return
        (x_lo, x_hi), (y_lo, y_hi) = self._view_box()
        span_x, span_y = x_hi - x_lo, y_hi - y_lo
        box_x = (x_lo - span_x, x_hi + span_x)
        box_y = (y_lo - 3 * span_y, y_hi + 3 * span_y)
        self.tangent_line.setData(*line_in_box(r.tangent, box_x, box_y))
        self.secant_line.setData(*line_in_box(r.secant, box_x, box_y))
        x_plus = r.x + r.step_used
        if math.isfinite(r.f_plus) and not r.step_vanished:
            self.plus_point.setData([x_plus], [r.f_plus])
        else:
            self.plus_point.setData([], [])

    def _place_point(self) -> None:
        r = self._record
        if r is None:
            return
        (_, _), (y_lo, y_hi) = self._view_box()
        y = r.fx if math.isfinite(r.fx) else (y_lo + y_hi) / 2
        self._moving_point = True
        try:
            self.point_item.setPos(self.x, y)
        finally:
            self._moving_point = False

    def _draw_zoom(self) -> None:
        z, r = self._zoom, self._record
        if z is None or r is None:
            return
        set_points(self.zoom_curve, z.u, z.v)
        u = np.array([-ZOOM_SPAN, ZOOM_SPAN])
        for item, slope in (
            (self.zoom_secant, r.forward),
            (self.zoom_tangent, r.central),
            (self.zoom_exact, r.exact if r.exact_exists else None),
        ):
            if slope is not None and math.isfinite(slope):
                item.setData(u, slope * u)
            else:
                item.setData([], [])
        self.zoom_plot.enableAutoRange(axis="y")

    def _draw_errors(self) -> None:
        curve, r = self._curve, self._record
        if curve is None or r is None:
            for item in (
                self.forward_errors,
                self.central_errors,
                self.other_forward,
                self.other_central,
                self.h_marker_points,
            ):
                item.setData([], [])
            self.error_plot.setYRange(-17, 1, padding=0)
            self.error_note.setText(
                self.tr("No exact derivative here:\nthe errors cannot be measured.")
            )
            self.error_note.setPos(-8.5, -8)
            self.error_note.show()
            self.h_line.hide()
            return
        self.error_note.hide()
        set_points(self.forward_errors, curve.hs, curve.forward_for_log)
        set_points(self.central_errors, curve.hs, curve.central_for_log)
        other = self._other_curve
        if other is not None:
            set_points(self.other_forward, other.hs, other.forward_for_log)
            set_points(self.other_central, other.hs, other.central_for_log)
        else:
            self.other_forward.setData([], [])
            self.other_central.setData([], [])
        marks = [
            (r.h, e)
            for e in (r.forward_error, r.central_error)
            if e is not None and math.isfinite(e) and e > 0
        ]
        if marks:
            self.h_marker_points.setData([m[0] for m in marks], [m[1] for m in marks])
        else:
            self.h_marker_points.setData([], [])
        self.h_line.setPos(math.log10(r.h))
        self.h_line.show()
        self.error_plot.enableAutoRange(axis="y")
        self._sync_error_legend()

    def _sync_error_legend(self) -> None:
        self.error_legend.clear()
        self.error_legend.addItem(self.forward_errors, self.tr("forward"))
        self.error_legend.addItem(self.central_errors, self.tr("central"))
        if self._other_curve is not None:
            self.error_legend.addItem(self.other_central, self.tr("float64, for comparison"))
        self.error_legend.addItem(self.h_marker_points, self.tr("current h"))

    def _fill_table(self) -> None:
        r = self._record
        if r is None:
            return
        values = (
            (exact_text(r.forward, r.dtype), r.forward_error),
            (exact_text(r.central, r.dtype), r.central_error),
        )
        for row, (value, error) in enumerate(values):
            self.values_table.item(row, 0).setText(value)
            self.values_table.item(row, 1).setText(self._error_text(error))
        if r.exact is None:
            exact = self.tr("unknown")
        elif math.isnan(r.exact):
            exact = self.tr("does not exist")
        else:  # 15 digits: the exact formula is itself evaluated in float64 (0.02·10 + 0.1)
            exact = format_number(r.exact, 15)
        self.values_table.item(2, 0).setText(exact)
        self.values_table.item(2, 1).setText("")
        self._fit_values_table()

    def _fit_values_table(self) -> None:
        """Wide enough for 17 significant digits, tall enough for its rows."""
        table = self.values_table
        metrics = table.fontMetrics()
        value_width = metrics.horizontalAdvance("-0.00000000000000000") + 12
        error_width = max(
            metrics.horizontalAdvance("9.99e-10") + 12,
            table.horizontalHeader().sectionSizeHint(1),
        )
        table.setColumnWidth(1, error_width)
        frame = 2 * table.frameWidth()
        table.setMinimumWidth(
            table.verticalHeader().sizeHint().width() + value_width + error_width + frame + 2
        )
        fit_table_height(table)

    def _error_text(self, error: float | None) -> str:
        if error is None or math.isnan(error):
            return "—"
        return format_number(error, 3)

    def cell_text(self, row: str, column: int) -> str:
        """The text of the values table at ``row`` ('forward', 'central', 'exact') and column."""
        return self.values_table.item(ROWS.index(row), column).text()

    # --- messages ------------------------------------------------------------------------------

    def refresh_messages(self) -> None:
        """The messages next to the fields, and the stale note when the last good result shows."""
        self.function_box.show_error()
        if self._h_error is not None:
            self.h_message.show_message(self._h_error)
        else:
            self.h_message.clear_message()
        if self.is_stale:
            self.stale_message.show_message(
                self.tr("Showing the result for the last valid input: f(x) = {0}, h = {1}.").format(
                    self.function_box.good_text, format_number(self._h)
                ),
                Level.WARNING,
            )
        else:
            self.stale_message.clear_message()
        opacity = 0.35 if self.is_stale else 1.0
        for item in (self.f_curve, self.tangent_line, self.secant_line, self.zoom_curve):
            item.setOpacity(opacity)
        self.values_table.setEnabled(not self.is_stale)
        self._show_point_message()
        self._show_function_labels()

    def _show_function_labels(self) -> None:
        self.function_box.understood_label.setText(
            self.tr("Read as: f(x) = {0}").format(self.function_box.function.canonical)
        )
        if self._exact_formula is not None:
            self.exact_label.setText(
                self.tr("Exact derivative: f′(x) = {0}").format(self._exact_formula.canonical)
            )
        else:
            self.exact_label.setText(
                self.tr(
                    "Exact derivative: computed from your formula by the rules of "
                    "differentiation (automatic differentiation), not by a difference."
                )
            )

    def _show_point_message(self) -> None:
        r = self._record
        if r is None:
            self.point_message.clear_message()
            return
        x = format_number(r.x, 6)
        lines: list[str] = []
        level = Level.INFO
        if r.undefined:
            level = Level.ERROR
            lines.append(
                self.tr("f({0}) = {1}: f is not defined at x = {0}. Move the point.").format(
                    x, format_number(r.fx)
                )
            )
        elif r.step_vanished:
            level = Level.WARNING
            if r.h_used == 0:
                lines.append(
                    self.tr(
                        "In {0}, h = {1} becomes 0 (np.{0}({1}) = 0.0): the differences are "
                        "0 / 0 = nan."
                    ).format(r.dtype, format_number(r.h))
                )
            else:
                lines.append(
                    self.tr(
                        "In {0}, x + h = x: the step h = {1} is smaller than the gap between "
                        "{0} numbers near x = {2}, so it is lost in rounding and "
                        "f(x + h) − f(x) = 0."
                    ).format(r.dtype, format_number(r.h), x)
                )
        elif r.neighbour_undefined:
            level = Level.WARNING
            lines.append(
                self.tr(
                    "f(x + h) or f(x − h) is not defined: x is closer than h to where f "
                    "stops being defined."
                )
            )
        if not r.undefined and r.exact is not None and not r.exact_exists:
            if math.isnan(r.exact):
                lines.append(
                    self.tr(
                        "f has no derivative at x = {0}: the slope from the left differs from "
                        "the slope from the right (the forward difference says {1}, the central "
                        "one {2})."
                    ).format(x, format_number(r.forward, 6), format_number(r.central, 6))
                )
            else:
                lines.append(self.tr("The derivative at x = {0} is infinite.").format(x))
        if lines:
            self.point_message.show_message("\n".join(lines), level)
        else:
            self.point_message.clear_message()

    # --- export --------------------------------------------------------------------------------

    def export_table(self) -> Table:
        """h, both differences and both errors (the error plot's data)."""
        header = ["h", "forward", "central", "forward error", "central error"]
        curve = self._curve
        if curve is None:
            return header, []
        rows = np.column_stack(
            [curve.hs, curve.forward, curve.central, curve.forward_error, curve.central_error]
        ).tolist()
        return header, rows

    # --- language and theme --------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every visible string of the page."""
        self.function_box.setTitle(self.tr("Function f(x)"))
        self.function_box.set_titles(preset_title)
        self.expression_label.setText(self.tr("Formula (x, + − * / ^, exp, log, sin, …):"))
        self.function_box.expression_edit.setToolTip(
            self.tr(
                "Type f(x) as you would write it: 0.01x^2 + 0.1x, sin(x)/x, |x|, sigmoid(x). "
                "Functions: exp, log, sqrt, sin, cos, tan, tanh, abs, sigmoid, relu; "
                "constants pi and e."
            )
        )
        self.step_box.setTitle(self.tr("Point x and step h"))
        self.x_label.setText(self.tr("x"))
        self.x_spin.setToolTip(self.tr("Or drag the point on the curve."))
        self.h_label.setText(self.tr("h"))
        self.h_field.setToolTip(
            self.tr(
                "The step of the difference, from 1e-1 to 1e-16; any positive number can be typed."
            )
        )
        self.dtype_label.setText(self.tr("Precision"))
        self.dtype_combo.setToolTip(
            self.tr("float32 keeps about 7 significant digits, float64 about 16.")
        )
        self.values_box.setTitle(self.tr("Values at x"))
        self.values_table.setHorizontalHeaderLabels([self.tr("f′(x) ≈"), self.tr("error")])
        self.values_table.setVerticalHeaderLabels(
            [self.tr("forward"), self.tr("central"), self.tr("exact")]
        )
        self._fit_values_table()
        self.formula_label.setText(
            self.tr(
                "forward: (f(x + h) − f(x)) / h — error ∝ h\n"
                "central: (f(x + h) − f(x − h)) / 2h — error ∝ h²\n"
                "error: |difference − exact|"
            )
        )
        self.bad_example_box.setTitle(self.tr("Why not h = 1e-50?"))
        example = float32_underflow_example()
        self.bad_example_label.setText(
            self.tr(
                "np.float32(1e-50) is {0}: float32 cannot hold so small a number. Even in "
                "float64, 5 + 1e-50 is exactly 5, so the forward difference at x = 5 is {1}. "
                "Rounding error is why the book takes h = 1e-4."
            ).format(exact_text(float(example.h_float32), "float32"), exact_text(example.forward))
        )
        self.bad_example_button.setText(self.tr("Try h = 1e-50"))
        self.main_plot.set_texts(
            title=self.tr("f(x), the tangent (central) and the secant (forward)"),
            left=self.tr("f(x)"),
            bottom="x",
        )
        self.main_plot.setToolTip(self.tr("Drag the point along the curve; the wheel zooms."))
        self.main_legend.clear()
        self.main_legend.addItem(self.f_curve, self.tr("f(x)"))
        self.main_legend.addItem(self.tangent_line, self.tr("tangent, slope = central difference"))
        self.main_legend.addItem(self.secant_line, self.tr("secant through x and x + h"))
        self.zoom_plot.set_texts(
            title=self.tr("Zoom on x ± 2h"),
            left=self.tr("(f(t) − f(x)) / h"),
            bottom=self.tr("(t − x) / h"),
        )
        self.error_plot.set_texts(
            title=self.tr("Error against h"), left=self.tr("|error|"), bottom="h"
        )
        self._sync_error_legend()
        if self._record is not None and self._curve is None:
            self._draw_errors()
        self.refresh_messages()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_colors()
            self.refresh_messages()
        super().changeEvent(event)
