"""Gradients and gradient descent (§4.4): −∇f on the contours, slices, and a descent animation.

The learner picks or types f(x0, x1), clicks the contour plot to read ∇f anywhere ((3, 4) gives
(6, 8) on the book's x0² + x1²), sees the partial derivative as the slope of a slice, and runs
gradient descent from a draggable start with a learning rate on a log slider: 0.1 converges,
10 diverges (said plainly; nothing drawn goes near inf), 1e-10 barely moves. Every number comes
from :mod:`core.descent`; the animation only advances a :class:`core.descent.DescentPlayer`.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSignalBlocker,
    Qt,
    Slot,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.descent import (
    LR_PRESETS,
    PRESETS,
    DescentPlayer,
    DescentRun,
    DescentVerdict,
    GradientAt,
    GradientField,
    PartialSlice,
    StationaryPoint,
    SurfacePreset,
    arrow_segments,
    contour_segments,
    descend,
    gradient_at,
    gradient_grid,
    nearest_stationary,
    partial_slice,
)
from core.parsing import ParseError, format_number
from zdl_gui.plotting import ThemedPlot
from zdl_gui.tabs.base import Table
from zdl_gui.tabs.gradient_common import (
    CUSTOM,
    FunctionPicker,
    LogField,
    compact,
    level_colors,
    line_in_box,
    muted,
    note_label,
    number_error_message,
    parse_positive,
    set_points,
    style_legend,
)
from zdl_gui.theme import curve_color
from zdl_gui.widgets.inline_message import InlineMessage, Level
from zdl_gui.widgets.playback_bar import PlaybackBar
from zdl_gui.widgets.sizing import vertical_scroll

PRESET_TITLES: dict[str, str] = {
    "function_2": QT_TRANSLATE_NOOP("DescentPage", "The book's f = x0² + x1²"),
    "elongated": QT_TRANSLATE_NOOP("DescentPage", "An elongated bowl x0²/20 + x1² (§6.1)"),
    "double_well": QT_TRANSLATE_NOOP("DescentPage", "Two valleys (not convex)"),
    CUSTOM: QT_TRANSLATE_NOOP("DescentPage", "Your own f(x0, x1)"),
}

LR_TIPS: dict[str, str] = {
    "book": QT_TRANSLATE_NOOP("DescentPage", "The book's learning rate: converges."),
    "too_large": QT_TRANSLATE_NOOP("DescentPage", "Too large: the path blows up."),
    "too_small": QT_TRANSLATE_NOOP("DescentPage", "Too small: the path barely moves."),
    "oscillates": QT_TRANSLATE_NOOP("DescentPage", "Jumps across the valley and back."),
    "one_step": QT_TRANSLATE_NOOP(
        "DescentPage", "On x0² + x1² this lands on the minimum in one step."
    ),
}

LR_SLIDER = (-10, 2)  # 1e-10 … 100, ten positions per power of ten
DEFAULT_LR = 0.1
DEFAULT_STEPS = 100
MAX_STEPS = 1000
CLICK_DECIMALS = 2  # a read point is rounded to 0.01, so the readout shows tidy numbers
DEFAULT_READ_POINT = (3.0, 4.0)  # the book's example: ∇f = (6, 8)
ANIMATION_SECONDS = 6.0
COLOR_PATH, COLOR_START, COLOR_READ = 3, 2, 4  # vermillion, green, reddish purple
COLUMNS = ("x0", "x1", "f", "grad0", "grad1")  # the step number is the row header


def nice_step(at_least: float) -> float:
    """The smallest of 1, 2, 5 × 10^k that is ≥ ``at_least``: where clicks snap to."""
    if not math.isfinite(at_least) or at_least <= 0:
        return 0.01
    power = 10.0 ** math.floor(math.log10(at_least))
    for factor in (1.0, 2.0, 5.0, 10.0):
        if factor * power >= at_least:
            return max(factor * power, 0.01)
    return 10 * power


def preset_title(preset_id: str) -> str:
    return QCoreApplication.translate("DescentPage", PRESET_TITLES[preset_id])


class StepsModel(QAbstractTableModel):
    """The rows of a descent run up to the player's position, as a read-only table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._records: tuple[Any, ...] = ()
        self._count = 0
        self._headers = list(COLUMNS)

    def set_rows(self, records: tuple[Any, ...], count: int) -> None:
        """Show the first ``count`` records; rows are appended when only the count grows."""
        if records is self._records and count >= self._count:
            if count > self._count:
                self.beginInsertRows(QModelIndex(), self._count, count - 1)
                self._count = count
                self.endInsertRows()
            return
        self.beginResetModel()
        self._records = records
        self._count = count
        self.endResetModel()

    def set_headers(self, headers: list[str]) -> None:
        self._headers = headers
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(headers) - 1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        rec = self._records[index.row()]
        value = (rec.x0, rec.x1, rec.value, rec.grad0, rec.grad1)[index.column()]
        return compact(value, 5)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return str(self._records[section].step) if section < self._count else None


class DescentPage(QWidget):
    """§4.4: the gradient as arrows, partial derivatives as slices, and gradient descent."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        first = PRESETS[0]
        self._exact_gradient = first.exact_gradient()
        self._lr_error: str | None = None
        self._lr = DEFAULT_LR
        self._xlim, self._ylim = first.xlim, first.ylim
        self._field: GradientField | None = None
        self._reading: GradientAt | None = None
        self._slice: PartialSlice | None = None
        self._read_point = DEFAULT_READ_POINT
        self._moving_start = False
        # a placeholder until the preset is applied at the end of __init__
        self.player = DescentPlayer(descend(first.function(), first.start, DEFAULT_LR, 0))

        self._build_controls()
        self._build_plots()
        layout = QHBoxLayout(self)
        layout.addWidget(self._controls_scroll)
        right = QVBoxLayout()
        right.addWidget(self.contour_plot, 3)
        right.addWidget(self.status_message)
        bottom = QHBoxLayout()
        bottom.addWidget(self.slice_plot, 2)
        bottom.addWidget(self.steps_view, 3)
        right.addLayout(bottom, 2)
        layout.addLayout(right, 1)

        self.function_box.picked.connect(self._on_preset_picked)
        self.function_box.typed.connect(self._on_function_typed)
        self.function_box.failed.connect(self._on_function_failed)
        self.start_x0.valueChanged.connect(self._on_start_changed)
        self.start_x1.valueChanged.connect(self._on_start_changed)
        self.lr_field.edited.connect(self._on_lr_edited)
        self.steps_spin.valueChanged.connect(self._on_steps_changed)
        self.slice_combo.currentIndexChanged.connect(self._on_slice_axis_changed)
        self.playback.tick.connect(self.step_once)
        self.playback.step_forward.connect(self.step_once)
        self.playback.rewind.connect(self.reset)
        self.playback.to_end.connect(self.to_end)
        for button in self.lr_buttons.values():
            button.clicked.connect(self._on_lr_preset)
        self.start_item.sigPositionChanged.connect(self._on_start_dragged)
        self.contour_plot.scene().sigMouseClicked.connect(self._on_plot_clicked)
        self.contour_plot.getViewBox().sigRangeChanged.connect(self._on_view_range_changed)

        self.lr_field.set_value(DEFAULT_LR)
        self.function_box.pick(first)

    # --- building ------------------------------------------------------------------------------

    def _build_controls(self) -> None:
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)

        self.function_box = FunctionPicker(PRESETS, 2)
        column.addWidget(self.function_box)

        self.gradient_box = QGroupBox()
        gbox = QVBoxLayout(self.gradient_box)
        self.reading_label = QLabel()
        self.reading_label.setWordWrap(True)
        self.reading_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.click_hint = note_label()
        self.slice_combo = QComboBox()
        self.slice_combo.addItem("", "x0")
        self.slice_combo.addItem("", "x1")
        gbox.addWidget(self.reading_label)
        gbox.addWidget(self.click_hint)
        gbox.addWidget(self.slice_combo)
        self.slope_label = QLabel()
        self.slope_label.setWordWrap(True)
        self.slope_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        gbox.addWidget(self.slope_label)
        column.addWidget(self.gradient_box)

        self.descent_box = QGroupBox()
        form = QFormLayout(self.descent_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.start_label = QLabel()
        start_row = QHBoxLayout()
        self.start_x0 = self._coordinate_spin()
        self.start_x1 = self._coordinate_spin()
        start_row.addWidget(self.start_x0)
        start_row.addWidget(self.start_x1)
        form.addRow(self.start_label, start_row)
        self.lr_label = QLabel()
        self.lr_field = LogField(*LR_SLIDER, per_decade=10)
        form.addRow(self.lr_label, self.lr_field)
        lr_grid = QGridLayout()
        lr_grid.setSpacing(4)
        self.lr_presets_label = QLabel()
        lr_grid.addWidget(self.lr_presets_label, 0, 0)
        self.lr_buttons: dict[str, QPushButton] = {}
        for i, preset in enumerate(LR_PRESETS):
            button = QPushButton(format_number(preset.lr))
            button.setProperty("lr_id", preset.id)
            self.lr_buttons[preset.id] = button
            lr_grid.addWidget(button, i // 3, 1 + i % 3)
        form.addRow(lr_grid)
        self.lr_message = InlineMessage()
        form.addRow(self.lr_message)
        self.steps_label = QLabel()
        self.steps_spin = QSpinBox()
        self.steps_spin.setRange(0, MAX_STEPS)
        self.steps_spin.setValue(DEFAULT_STEPS)
        form.addRow(self.steps_label, self.steps_spin)
        self.playback = PlaybackBar(columns=2, icons=False)
        form.addRow(self.playback)
        self.position_label = QLabel()
        form.addRow(self.position_label)
        self.status_message = InlineMessage()  # under the plot: the verdict on the path shown
        self.stale_message = InlineMessage()
        form.addRow(self.stale_message)
        column.addWidget(self.descent_box)
        column.addStretch(1)

        scroll = vertical_scroll(panel)
        scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._controls_scroll = scroll

    @staticmethod
    def _coordinate_spin() -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(-100.0, 100.0)
        spin.setDecimals(2)
        spin.setSingleStep(0.1)
        return spin

    def _build_plots(self) -> None:
        self.contour_plot = ThemedPlot()
        self.contour_plot.setMinimumHeight(260)
        self.contour_plot.setAspectLocked(True)
        self.contour_plot.setMouseEnabled(x=False, y=False)
        self.contour_plot.plotItem.hideButtons()
        self.contour_legend = self.contour_plot.plotItem.addLegend(offset=(-6, -6))
        self.contour_items: list[pg.PlotDataItem] = []
        self.arrows = pg.PlotDataItem(connect="pairs")
        self.slice_line = pg.InfiniteLine(angle=0, movable=False)
        self.read_arrow = pg.PlotDataItem(connect="pairs")
        self.read_point = pg.PlotDataItem(symbol="o", symbolSize=8, pen=None)
        self.stationary_points = pg.PlotDataItem(symbol="x", symbolSize=10, pen=None)
        self.path_curve = pg.PlotDataItem(symbol="o", symbolSize=4)
        self.path_exit = pg.PlotDataItem()
        self.current_point = pg.PlotDataItem(symbol="o", symbolSize=12, pen=None)
        self.start_item = pg.TargetItem(size=16, symbol="crosshair")
        self.contour_plot.addItem(self.arrows)
        self.contour_plot.addItem(self.slice_line, ignoreBounds=True)
        for item in (
            self.stationary_points,
            self.path_curve,
            self.path_exit,
            self.read_arrow,
            self.read_point,
            self.current_point,
        ):
            self.contour_plot.addItem(item, ignoreBounds=True)
        self.contour_plot.addItem(self.start_item)

        self.slice_plot = ThemedPlot()
        self.slice_plot.setMinimumHeight(150)
        self.slice_plot.setMouseEnabled(x=False, y=False)
        self.slice_plot.plotItem.hideButtons()
        self.slice_curve = pg.PlotDataItem(connect="finite")
        self.slice_tangent = pg.PlotDataItem()
        self.slice_point = pg.PlotDataItem(symbol="o", symbolSize=8, pen=None)
        self.slice_plot.addItem(self.slice_curve)
        self.slice_plot.addItem(self.slice_tangent, ignoreBounds=True)
        self.slice_plot.addItem(self.slice_point)

        self.steps_model = StepsModel(self)
        self.steps_view = QTableView()
        self.steps_view.setModel(self.steps_model)
        self.steps_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        rows = self.steps_view.verticalHeader()
        rows.setDefaultSectionSize(self.steps_view.fontMetrics().height() + 6)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.steps_view.horizontalHeader()
        header.setMinimumSectionSize(24)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(0)  # measure the rows in view, not all 1000
        header.setStretchLastSection(True)
        self.steps_view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.steps_view.setMinimumWidth(240)
        self._apply_colors()

    def _apply_colors(self) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        path = curve_color(COLOR_PATH, palette)
        start = curve_color(COLOR_START, palette)
        read = curve_color(COLOR_READ, palette)
        self.arrows.setPen(pg.mkPen(muted(text, 120), width=1.2))
        self.slice_line.setPen(pg.mkPen(muted(read, 170), width=1.5, style=Qt.PenStyle.DashLine))
        self.read_arrow.setPen(pg.mkPen(read, width=2.5))
        self.read_point.setSymbolBrush(pg.mkBrush(read))
        self.read_point.setSymbolPen(pg.mkPen(base))
        self.stationary_points.setSymbolPen(pg.mkPen(text, width=2))
        self.stationary_points.setSymbolBrush(pg.mkBrush(text))
        self.path_curve.setPen(pg.mkPen(path, width=2))
        self.path_curve.setSymbolPen(pg.mkPen(path))
        self.path_curve.setSymbolBrush(pg.mkBrush(path))
        self.path_exit.setPen(pg.mkPen(path, width=2, style=Qt.PenStyle.DashLine))
        self.current_point.setSymbolBrush(pg.mkBrush(path))
        self.current_point.setSymbolPen(pg.mkPen(text, width=1.5))
        self.start_item.setPen(pg.mkPen(start, width=3))
        self.start_item.setBrush(pg.mkBrush(muted(start, 90)))
        self.start_item.setHoverPen(pg.mkPen(start, width=4))
        self.start_item.setHoverBrush(pg.mkBrush(start))
        self.slice_curve.setPen(pg.mkPen(text, width=2))
        self.slice_tangent.setPen(pg.mkPen(read, width=2))
        self.slice_point.setSymbolBrush(pg.mkBrush(read))
        self.slice_point.setSymbolPen(pg.mkPen(base))
        style_legend(self.contour_legend, palette)
        self._color_contours()

    def _color_contours(self) -> None:
        """Low levels blue, high levels orange (the colour-blind-safe pair)."""
        colors = level_colors(len(self.contour_items), self.palette())
        for item, color in zip(self.contour_items, colors, strict=True):
            item.setPen(pg.mkPen(color, width=1.5))

    # --- state ---------------------------------------------------------------------------------

    @property
    def start(self) -> tuple[float, float]:
        return self.start_x0.value(), self.start_x1.value()

    @property
    def lr(self) -> float:
        """The last valid learning rate."""
        return self._lr

    @property
    def run(self) -> DescentRun:
        return self.player.run

    @property
    def reading(self) -> GradientAt | None:
        return self._reading

    @property
    def slice(self) -> PartialSlice | None:
        return self._slice

    @property
    def is_stale(self) -> bool:
        return self.function_box.error is not None or self._lr_error is not None

    @property
    def slice_axis(self) -> int:
        return 0 if self.slice_combo.currentData() == "x0" else 1

    def persistent_widgets(self) -> dict[str, QWidget]:
        return {
            "surface_preset": self.function_box.preset_combo,
            "surface_expression": self.function_box.expression_edit,
            "descent_x0": self.start_x0,
            "descent_x1": self.start_x1,
            "descent_lr": self.lr_field.edit,
            "descent_steps": self.steps_spin,
            "slice_axis": self.slice_combo,
        }

    # --- input ---------------------------------------------------------------------------------

    @Slot(object)
    def _on_preset_picked(self, preset: SurfacePreset) -> None:
        """Use a preset: its formula, exact gradient, region and start."""
        self._xlim, self._ylim = preset.xlim, preset.ylim
        self._exact_gradient = preset.exact_gradient()
        for spin, value in zip((self.start_x0, self.start_x1), preset.start, strict=True):
            with QSignalBlocker(spin):
                spin.setValue(value)
        self._surface_changed()

    @Slot()
    def _on_function_typed(self) -> None:
        """A typed f: a preset's region and exact gradient when it is one, else f's autodiff."""
        preset = self.function_box.preset
        if isinstance(preset, SurfacePreset):
            self._xlim, self._ylim = preset.xlim, preset.ylim
            self._exact_gradient = preset.exact_gradient()
        else:
            self._exact_gradient = self.function_box.function.gradient
        self._surface_changed()

    @Slot()
    def _on_function_failed(self) -> None:
        self._update_playback()
        self.refresh_messages()

    def _stationary(self) -> tuple[StationaryPoint, ...]:
        """The points with ∇f = 0, known for the presets only."""
        preset = self.function_box.preset
        return preset.stationary if isinstance(preset, SurfacePreset) else ()

    @Slot(float)
    def _on_start_changed(self, _value: float) -> None:
        self._place_start()
        self._recompute_run()

    @Slot(object)
    def _on_start_dragged(self, item: pg.TargetItem) -> None:
        if self._moving_start:
            return
        pos = item.pos()
        self.set_start(pos.x(), pos.y())

    def set_start(self, x0: float, x1: float) -> None:
        """Move the start of descent (what dragging the ⊕ does), rounded to 0.01."""
        old = self.start
        with QSignalBlocker(self.start_x0), QSignalBlocker(self.start_x1):
            self.start_x0.setValue(x0)
            self.start_x1.setValue(x1)
        if self.start != old:
            self._on_start_changed(0.0)  # one recomputation for both coordinates
        else:
            self._place_start()  # back onto the spin boxes' values

    @Slot()
    def _on_lr_edited(self) -> None:
        try:
            lr = parse_positive(self.lr_field.text())
        except ParseError as err:
            self._lr_error = number_error_message(err)
        else:
            if not math.isfinite(lr):
                self._lr_error = self.tr("The learning rate must be a finite number.")
            elif lr <= 0:
                self._lr_error = self.tr(
                    "The learning rate must be greater than 0: with {0} the path would not move "
                    "or would climb uphill."
                ).format(format_number(lr))
            else:
                self._lr_error = None
                self._lr = lr
                self._recompute_run()
                return
        self._update_playback()
        self.refresh_messages()

    @Slot()
    def _on_lr_preset(self) -> None:
        button = self.sender()
        lr_id = button.property("lr_id") if button is not None else None
        preset = next((p for p in LR_PRESETS if p.id == lr_id), None)
        if preset is not None:
            self.set_learning_rate(preset.lr)

    def set_learning_rate(self, lr: float) -> None:
        self.lr_field.set_value(lr)

    @Slot(int)
    def _on_steps_changed(self, _value: int) -> None:
        self._recompute_run()

    @Slot(int)
    def _on_slice_axis_changed(self, _index: int) -> None:
        self.read_gradient_at(*self._read_point)

    @Slot(object)
    def _on_plot_clicked(self, event: Any) -> None:
        """A click on the contour plot reads ∇f there."""
        if event.button() != Qt.MouseButton.LeftButton:
            return
        view = self.contour_plot.plotItem.vb
        position = event.scenePos()
        if not view.sceneBoundingRect().contains(position):
            return
        point = view.mapSceneToView(position)
        pixel = view.viewPixelSize()
        step = nice_step(2 * max(pixel[0], pixel[1]))
        self.read_gradient_at(round(point.x() / step) * step, round(point.y() / step) * step)

    # --- computing -----------------------------------------------------------------------------

    def _surface_changed(self) -> None:
        """A new f: contours, arrows, the reading and the run."""
        self._field = None
        with QSignalBlocker(self.contour_plot.getViewBox()):
            self.contour_plot.setXRange(*self._xlim, padding=0.02)
            self.contour_plot.setYRange(*self._ylim, padding=0.02)
        self._update_field()
        self._place_start()
        self.read_gradient_at(*self._read_point)
        self._recompute_run()

    def read_gradient_at(self, x0: float, x1: float) -> None:
        """Show ∇f at (x0, x1) (rounded to 0.01) and the slice through it (what a click does)."""
        point = (round(float(x0), CLICK_DECIMALS), round(float(x1), CLICK_DECIMALS))
        self._read_point = point
        self._reading = gradient_at(self.function_box.function, point, self._exact_gradient)
        lim = self._xlim if self.slice_axis == 0 else self._ylim
        self._slice = partial_slice(self.function_box.function, point, self.slice_axis, t_range=lim)
        self._draw_reading()
        self._draw_slice()

    def _recompute_run(self) -> None:
        if self._lr_error is not None:
            return
        run = descend(self.function_box.function, self.start, self._lr, self.steps_spin.value())
        if self.playback.is_playing():
            self.player.replace_run(run)
        else:
            self.player = DescentPlayer(run)
        steps = max(run.steps, 1)
        self.playback.set_interval(max(15, min(150, round(1000 * ANIMATION_SECONDS / steps))))
        self.show_position()

    # --- the animation -------------------------------------------------------------------------

    @Slot()
    def step_once(self) -> None:
        self.player.step()
        self.show_position()

    @Slot()
    def reset(self) -> None:
        self.player.reset()
        self.show_position()

    @Slot()
    def to_end(self) -> None:
        self.player.to_end()
        self.show_position()

    def _update_playback(self) -> None:
        """What the buttons may do here; a stale input stops playing and disables them."""
        self.playback.set_position(
            self.player.position == 0, self.player.at_end, usable=not self.is_stale
        )

    # --- drawing -------------------------------------------------------------------------------

    @Slot()
    def _on_view_range_changed(self) -> None:
        """The plot keeps x0 and x1 to scale, so its range follows its shape: cover it all."""
        self._update_field()

    def _update_field(self) -> None:
        """Compute contours and arrows for the visible range when it is not covered yet."""
        (x_lo, x_hi), (y_lo, y_hi) = self.contour_plot.viewRange()
        field = self._field
        if field is not None:
            fx, fy = (field.xs[0], field.xs[-1]), (field.ys[0], field.ys[-1])
            tol_x, tol_y = 0.01 * (x_hi - x_lo), 0.01 * (y_hi - y_lo)
            covered = fx[0] <= x_lo + tol_x and fx[1] >= x_hi - tol_x
            covered = covered and fy[0] <= y_lo + tol_y and fy[1] >= y_hi - tol_y
            snug = (fx[1] - fx[0]) * (fy[1] - fy[0]) <= 1.3 * (x_hi - x_lo) * (y_hi - y_lo)
            if covered and snug:
                return
        self._field = gradient_grid(self.function_box.function, (x_lo, x_hi), (y_lo, y_hi))
        self._draw_field()

    def _draw_field(self) -> None:
        field = self._field
        if field is None:
            return
        for item in self.contour_items:
            self.contour_plot.removeItem(item)
        self.contour_items = []
        for level in field.levels:
            x, y = contour_segments(field.xs, field.ys, field.z, float(level))
            item = pg.PlotDataItem(x, y, connect="pairs")
            item.setZValue(-10)
            self.contour_plot.addItem(item)
            self.contour_items.append(item)
        self._color_contours()
        ax, ay = arrow_segments(field.qx, field.qy, field.u, field.v, 0.85 * field.arrow_spacing)
        self.arrows.setData(ax, ay)
        stationary = self._stationary()
        self.stationary_points.setData([p.x0 for p in stationary], [p.x1 for p in stationary])
        self._sync_legend()
        self.refresh_messages()

    def _sync_legend(self) -> None:
        self.contour_legend.clear()
        if self.contour_items:
            self.contour_legend.addItem(self.contour_items[0], self.tr("contours of f"))
        self.contour_legend.addItem(self.arrows, self.tr("−∇f"))
        self.contour_legend.addItem(self.path_curve, self.tr("descent path"))
        if self._stationary():
            self.contour_legend.addItem(self.stationary_points, self.tr("∇f = 0"))

    def _place_start(self) -> None:
        self._moving_start = True
        try:
            self.start_item.setPos(*self.start)
        finally:
            self._moving_start = False

    def _draw_reading(self) -> None:
        r = self._reading
        if r is None:
            return
        x0, x1 = (float(v) for v in r.point)
        self.read_point.setData([x0], [x1])
        span = min(self._xlim[1] - self._xlim[0], self._ylim[1] - self._ylim[0])
        field = self._field
        largest = float(np.nanmax(np.hypot(field.u, field.v))) if field is not None else 0.0
        # as long as the field's longest arrow when |∇f| is as large; never invisible
        fraction = min(max(r.norm / largest, 0.15), 1.0) if largest > 0 else 1.0
        ax, ay = arrow_segments(
            [x0], [x1], [-r.gradient[0]], [-r.gradient[1]], 0.22 * span * fraction
        )
        self.read_arrow.setData(ax, ay)
        if self.slice_axis == 0:
            self.slice_line.setAngle(0)
            self.slice_line.setPos(x1)
        else:
            self.slice_line.setAngle(90)
            self.slice_line.setPos(x0)
        self._show_reading_text()

    def _show_reading_text(self) -> None:
        r = self._reading
        if r is None:
            return
        g0, g1 = (format_number(float(v), 6) for v in r.gradient)
        lines = [
            self.tr("At ({0}, {1}): f = {2}").format(
                format_number(float(r.point[0])),
                format_number(float(r.point[1])),
                format_number(r.value, 6),
            ),
            self.tr("∇f = ({0}, {1}) (numerical, h = 1e-4)").format(g0, g1),
        ]
        if r.exact is not None and np.all(np.isfinite(r.exact)):
            lines.append(
                self.tr("exact: ({0}, {1})").format(
                    format_number(float(r.exact[0]), 6), format_number(float(r.exact[1]), 6)
                )
            )
        lines.append(
            self.tr("|∇f| = {0}; the arrow −∇f points downhill.").format(format_number(r.norm, 4))
        )
        self.reading_label.setText("\n".join(lines))

    def _draw_slice(self) -> None:
        s = self._slice
        if s is None:
            return
        set_points(self.slice_curve, s.t, s.values)
        finite = s.values[np.isfinite(s.values)]
        if finite.size:
            lo, hi = float(finite.min()), float(finite.max())
            pad = 0.08 * (hi - lo) if hi > lo else 1.0
            y_range = (lo - pad, hi + pad)
            self.slice_plot.setYRange(*y_range, padding=0)
            self.slice_plot.setXRange(float(s.t[0]), float(s.t[-1]), padding=0.02)
            xs, ys = line_in_box(s.tangent, (float(s.t[0]), float(s.t[-1])), y_range)
            self.slice_tangent.setData(xs, ys)
        if math.isfinite(s.value):
            self.slice_point.setData([s.at], [s.value])
        else:
            self.slice_point.setData([], [])
        self._slice_texts()

    def _slice_texts(self) -> None:
        s = self._slice
        if s is None:
            return
        fixed, slope, at = format_number(s.fixed), repr(float(s.slope)), format_number(s.at)
        if s.axis == 0:
            title = self.tr("f along x0, x1 = {0} fixed").format(fixed)
            slope_text = self.tr(
                "Slope of the slice at x0 = {0}: ∂f/∂x0 = {1} (numerical_diff of f(x0, {2}))"
            ).format(at, slope, fixed)
            bottom = "x0"
        else:
            title = self.tr("f along x1, x0 = {0} fixed").format(fixed)
            slope_text = self.tr(
                "Slope of the slice at x1 = {0}: ∂f/∂x1 = {1} (numerical_diff of f({2}, x1))"
            ).format(at, slope, fixed)
            bottom = "x1"
        self.slope_label.setText(slope_text)
        self.slice_plot.set_texts(title=title, left="f", bottom=bottom)

    def show_position(self) -> None:
        """Draw the path up to the player's position, fill the table, say how it went."""
        player = self.player
        path = player.visible_path
        xs, ys, exit_x, exit_y = self._clipped_path(path)
        self.path_curve.setData(xs, ys)
        self.path_exit.setData(exit_x, exit_y)
        last = path[-1]
        if np.all(np.isfinite(last)) and self._inside(last, 1.0):
            self.current_point.setData([float(last[0])], [float(last[1])])
        else:
            self.current_point.setData([], [])
        self.steps_model.set_rows(player.run.records, player.position + 1)
        self.steps_view.scrollTo(self.steps_model.index(player.position, 0))
        self.position_label.setText(
            self.tr("Step {0} of {1}").format(player.position, player.run.steps)
        )
        self._update_playback()
        self.refresh_messages()

    def _inside(self, point: np.ndarray, margin: float) -> bool:
        (x_lo, x_hi), (y_lo, y_hi) = self._xlim, self._ylim
        wx, wy = (x_hi - x_lo) * margin, (y_hi - y_lo) * margin
        return bool(x_lo - wx <= point[0] <= x_hi + wx and y_lo - wy <= point[1] <= y_hi + wy)

    def _clipped_path(self, path: np.ndarray) -> tuple[list[float], list[float], list, list]:
        """The path while it stays near the view, and a dashed exit segment where it leaves.

        pyqtgraph never sees a point far outside the view (the lr = 10 path reaches 2.6e13).
        """
        with np.errstate(invalid="ignore"):
            inside = np.array([np.all(np.isfinite(p)) and self._inside(p, 1.0) for p in path])
        if inside.all():
            return path[:, 0].tolist(), path[:, 1].tolist(), [], []
        first_out = int(np.argmin(inside))
        kept = path[:first_out]
        exit_x: list[float] = []
        exit_y: list[float] = []
        if first_out > 0 and np.all(np.isfinite(path[first_out])):
            a, b = path[first_out - 1], path[first_out]
            exit_x, exit_y = self._segment_to_border(a, b)
        return kept[:, 0].tolist(), kept[:, 1].tolist(), exit_x, exit_y

    def _segment_to_border(self, a: np.ndarray, b: np.ndarray) -> tuple[list[float], list[float]]:
        """From a towards b, cut where the segment leaves the view box widened by 100%."""
        (x_lo, x_hi), (y_lo, y_hi) = self._xlim, self._ylim
        wx, wy = x_hi - x_lo, y_hi - y_lo
        box = (x_lo - wx, x_hi + wx, y_lo - wy, y_hi + wy)
        d = b - a
        t_max = 1.0
        for i, (lo, hi) in enumerate(((box[0], box[1]), (box[2], box[3]))):
            if d[i] > 0:
                t_max = min(t_max, (hi - a[i]) / d[i])
            elif d[i] < 0:
                t_max = min(t_max, (lo - a[i]) / d[i])
        end = a + max(t_max, 0.0) * d
        return [float(a[0]), float(end[0])], [float(a[1]), float(end[1])]

    # --- messages ------------------------------------------------------------------------------

    def refresh_messages(self) -> None:
        self.function_box.show_error()
        if self._lr_error is not None:
            self.lr_message.show_message(self._lr_error)
        else:
            self.lr_message.clear_message()
        if self.is_stale:
            self.stale_message.show_message(
                self.tr(
                    "Showing the last valid run: f = {0}, learning rate {1}. Press Play again "
                    "once the input is fixed."
                ).format(self.function_box.good_text, format_number(self._lr)),
                Level.WARNING,
            )
        else:
            self.stale_message.clear_message()
        opacity = 0.35 if self.is_stale else 1.0
        for item in (self.path_curve, self.current_point, *self.contour_items):
            item.setOpacity(opacity)
        self.function_box.understood_label.setText(
            self.tr("Read as: f(x0, x1) = {0}").format(self.function_box.function.canonical)
        )
        level, text = self.verdict_message(self.player.verdict())
        if text:
            self.status_message.show_message(text, level)
        else:
            self.status_message.clear_message()

    def verdict_message(self, v: DescentVerdict) -> tuple[Level, str]:
        """A translated sentence for the verdict on the path so far."""
        rec = self.player.current
        here = f"({format_number(rec.x0, 4)}, {format_number(rec.x1, 4)})"
        if v.status == "start":
            return Level.INFO, self.tr("Press Play or Step to start from {0}.").format(here)
        if v.status == "diverged":
            if math.isinf(v.max_abs):
                return Level.ERROR, self.tr(
                    "Diverged: x overflowed to inf or nan by step {0} — the learning rate is "
                    "too large."
                ).format(v.steps)
            return Level.ERROR, self.tr(
                "Diverged: |x| reached {0} after {1} steps — the learning rate is too large."
            ).format(compact(v.max_abs), v.steps)
        resting = self._resting_place(v)
        if v.status == "converged":
            text = self.tr("Converged: after {0} steps x = {1} and |∇f| = {2}.").format(
                v.steps, here, compact(v.final_grad_norm)
            )
            return Level.INFO, f"{text} {resting}" if resting else text
        if v.status == "barely_moved":
            return Level.WARNING, self.tr(
                "Barely moved: after {0} steps x is only {1} away from the start — the learning "
                "rate is too small."
            ).format(v.steps, compact(v.farthest))
        if v.status == "oscillating":
            return Level.WARNING, self.tr(
                "Oscillating: x jumps back and forth across the valley and |∇f| does not shrink "
                "— the learning rate is too large for the steep direction."
            )
        if v.status == "growing":
            return Level.WARNING, self.tr(
                "f grows: from {0} to {1} in {2} steps — the learning rate is too large."
            ).format(compact(v.start_value, 4), compact(v.final_value, 4), v.steps)
        text = self.tr(
            "Not there yet: after {0} steps |∇f| = {1}. Take more steps or a larger learning rate."
        ).format(v.steps, compact(v.final_grad_norm, 3))
        return Level.INFO, f"{text} {resting}" if resting else text

    def _resting_place(self, v: DescentVerdict) -> str:
        """A sentence when the path stopped at a local minimum or a saddle point (§4.4)."""
        stationary = self._stationary()
        if not stationary or v.status not in ("converged", "not_converged"):
            return ""
        rec = self.player.current
        point = nearest_stationary((rec.x0, rec.x1), stationary, tolerance=1e-2)
        if point is None or point.is_global_minimum:
            return ""
        best = next(p for p in stationary if p.is_global_minimum)
        if point.kind == "saddle":
            return self.tr(
                "This is a saddle point: ∇f = 0 here too, yet f is lower on both sides along x0."
            )
        return self.tr(
            "This is a local minimum (f = {0}); the lowest point is at ({1}, {2}) with f = {3}. "
            "Gradient descent stops at the first valley it reaches."
        ).format(
            compact(point.value, 3),
            compact(best.x0, 3),
            compact(best.x1, 3),
            compact(best.value, 3),
        )

    # --- export ----------------------------------------------------------------------------------

    def export_table(self) -> Table:
        header = ["step", "x0", "x1", "f", "df/dx0", "df/dx1"]
        rows = [
            [r.step, r.x0, r.x1, r.value, r.grad0, r.grad1]
            for r in self.run.records[: self.player.position + 1]
        ]
        return header, rows

    def cell_text(self, row: int, column: str) -> str:
        """What the steps table shows at ``row`` in ``column`` (one of :data:`COLUMNS`)."""
        index = self.steps_model.index(row, COLUMNS.index(column))
        return str(self.steps_model.data(index, Qt.ItemDataRole.DisplayRole))

    # --- language, theme, lifetime ---------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.function_box.setTitle(self.tr("Function f(x0, x1)"))
        self.function_box.set_titles(preset_title)
        self.function_box.expression_edit.setToolTip(
            self.tr(
                "Type f in x0 and x1 (or x and y): x0^2 + x1^2, x0^2/20 + x1^2, "
                "sin(x0) + x1^2 … Functions: exp, log, sqrt, sin, cos, tan, tanh, abs, "
                "sigmoid, relu."
            )
        )
        self.gradient_box.setTitle(self.tr("Gradient at a point"))
        self.click_hint.setText(self.tr("Click the plot to read ∇f anywhere."))
        self.contour_plot.setToolTip(
            self.tr(
                "Click to read ∇f; drag the ⊕ to move the start. The arrows −∇f point downhill "
                "where they stand — on the elongated bowl not at the minimum."
            )
        )
        self.slice_combo.setItemText(0, self.tr("Slice: vary x0, x1 fixed (∂f/∂x0)"))
        self.slice_combo.setItemText(1, self.tr("Slice: vary x1, x0 fixed (∂f/∂x1)"))
        self.descent_box.setTitle(self.tr("Gradient descent x ← x − η∇f"))
        self.start_label.setText(self.tr("Start"))
        self.start_x0.setToolTip(self.tr("x0 of the start; or drag the ⊕ on the plot."))
        self.start_x1.setToolTip(self.tr("x1 of the start; or drag the ⊕ on the plot."))
        self.lr_label.setText(self.tr("Learning rate η"))
        self.lr_presets_label.setText(self.tr("Try"))
        for lr_id, button in self.lr_buttons.items():
            button.setToolTip(QCoreApplication.translate("DescentPage", LR_TIPS[lr_id]))
        self.steps_label.setText(self.tr("Steps"))
        self.playback.retranslate_ui()
        self.contour_plot.set_texts(title=self.tr("f(x0, x1), −∇f and the descent path"))
        self.contour_plot.set_texts(left="x1", bottom="x0")
        self.steps_model.set_headers(["x0", "x1", self.tr("f"), "∂f/∂x0", "∂f/∂x1"])
        self.steps_view.setToolTip(self.tr("One row per step: the point and ∇f there."))
        self._sync_legend()
        self._show_reading_text()
        self._slice_texts()
        self.show_position()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_colors()
        super().changeEvent(event)

    def shutdown(self) -> None:
        self.playback.pause()
