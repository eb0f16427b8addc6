"""The activation-function tab (§3.2, §3.5): the plots, NumPy in action, and the softmax lab.

The tab holds three pages: :class:`ActivationPlotPage` here (the curves of §3.2 with their
derivatives and a crosshair readout), :class:`~zdl_gui.tabs.numpy_steps.NumPyStepsPage` (§3.2.3:
``x > 0`` → bool array → ``astype(int)`` as NumPy prints it) and
:class:`~zdl_gui.tabs.softmax_lab.SoftmaxLab` (§3.5: naive against overflow-safe softmax).
Every number comes from :mod:`core.activations` and :mod:`core.softmax_steps`.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Slot
from PySide6.QtGui import QColor, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.activations import ACTIVATIONS, evaluate, grid
from core.parsing import format_number
from zdl_gui.plotting import ThemedPlot
from zdl_gui.settings import Settings
from zdl_gui.tabs.base import StudyTab, Table, run_standalone
from zdl_gui.tabs.numpy_steps import NumPyStepsPage
from zdl_gui.tabs.softmax_lab import SoftmaxLab
from zdl_gui.theme import curve_color
from zdl_gui.widgets.inline_message import InlineMessage
from zdl_gui.widgets.sizing import vertical_scroll

#: The functions' names as shown (checkboxes, legend, readout), translated where shown.
FUNCTION_NAMES: dict[str, str] = {
    "step": QT_TRANSLATE_NOOP("ActivationTab", "Step function"),
    "sigmoid": QT_TRANSLATE_NOOP("ActivationTab", "Sigmoid"),
    "tanh": QT_TRANSLATE_NOOP("ActivationTab", "tanh"),
    "relu": QT_TRANSLATE_NOOP("ActivationTab", "ReLU"),
    "leaky_relu": QT_TRANSLATE_NOOP("ActivationTab", "Leaky ReLU"),
    "identity": QT_TRANSLATE_NOOP("ActivationTab", "Identity"),
}

#: Selected at first, as in the book's figures (step, sigmoid and ReLU, §3.2.5–3.2.7).
DEFAULT_SELECTION = ("step", "sigmoid", "relu")

#: The sigmoid's gain a runs over 10^-1 … 10^2 on a log scale: slider value v gives a = 10^((v-100)/100).
GAIN_SLIDER_MAX = 300
#: Leaky ReLU's α runs over 0 … 0.5 in steps of 0.001.
ALPHA_SLIDER_MAX = 500
ALPHA_SLIDER_SCALE = 1000

PLOT_POINTS = 401  # per curve: smooth enough, cheap enough to redraw on every slider move
EXPORT_POINTS = 201


def function_name(name: str) -> str:
    """The translated display name of activation ``name``."""
    return QCoreApplication.translate("ActivationTab", FUNCTION_NAMES[name])


def gain_from_slider(value: int) -> float:
    """The sigmoid's gain a for a slider position (log scale, position 100 is a = 1)."""
    return 10.0 ** ((value - 100) / 100)


def slider_from_gain(gain: float) -> int:
    """The slider position closest to the gain ``gain``."""
    return round(100 * math.log10(gain) + 100)


class ActivationPlotPage(QWidget):
    """The activation functions of §3.2 and their derivatives, with a crosshair readout."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._x = grid(-5.0, 5.0, PLOT_POINTS)  # the last good grid: kept when a range is bad
        self._readout_x = 0.0
        self._build_controls()
        self._build_plot()

        layout = QHBoxLayout(self)
        layout.addWidget(self._controls_scroll)
        right = QVBoxLayout()
        right.addWidget(self.plot, 1)
        right.addWidget(self.hint_label)
        right.addWidget(self.readout_label)
        layout.addLayout(right, 1)

        for check in self.checks.values():
            check.toggled.connect(self._on_selection_changed)
        self.derivative_check.toggled.connect(self._on_selection_changed)
        self.x_min_spin.valueChanged.connect(self._on_range_changed)
        self.x_max_spin.valueChanged.connect(self._on_range_changed)
        self.gain_slider.valueChanged.connect(self._on_parameter_changed)
        self.alpha_slider.valueChanged.connect(self._on_parameter_changed)
        self._mouse_proxy = pg.SignalProxy(
            self.plot.scene().sigMouseMoved, rateLimit=60, slot=self._on_mouse_moved
        )
        self._sync_items()
        self.refresh()

    # --- building ------------------------------------------------------------------------------

    def _build_controls(self) -> None:
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)

        self.functions_box = QGroupBox()
        box_layout = QVBoxLayout(self.functions_box)
        self.checks: dict[str, QCheckBox] = {}
        for name in ACTIVATIONS:
            check = QCheckBox()
            check.setChecked(name in DEFAULT_SELECTION)
            self.checks[name] = check
            box_layout.addWidget(check)
        self.derivative_check = QCheckBox()
        box_layout.addSpacing(6)
        box_layout.addWidget(self.derivative_check)
        column.addWidget(self.functions_box)

        self.range_box = QGroupBox()
        range_form = QFormLayout(self.range_box)
        self.x_min_spin = self._range_spin(-5.0)
        self.x_max_spin = self._range_spin(5.0)
        self.x_min_label = QLabel()
        self.x_max_label = QLabel()
        range_form.addRow(self.x_min_label, self.x_min_spin)
        range_form.addRow(self.x_max_label, self.x_max_spin)
        self.range_message = InlineMessage()
        range_form.addRow(self.range_message)
        column.addWidget(self.range_box)

        self.gain_box = QGroupBox()
        gain_layout = QVBoxLayout(self.gain_box)
        self.gain_slider = QSlider(Qt.Orientation.Horizontal)
        self.gain_slider.setRange(0, GAIN_SLIDER_MAX)
        self.gain_slider.setValue(slider_from_gain(1.0))
        self.gain_value_label = QLabel()
        self.gain_note = _note_label()
        gain_layout.addWidget(self.gain_value_label)
        gain_layout.addWidget(self.gain_slider)
        gain_layout.addWidget(self.gain_note)
        column.addWidget(self.gain_box)

        self.alpha_box = QGroupBox()
        alpha_layout = QVBoxLayout(self.alpha_box)
        self.alpha_slider = QSlider(Qt.Orientation.Horizontal)
        self.alpha_slider.setRange(0, ALPHA_SLIDER_MAX)
        self.alpha_slider.setValue(round(0.01 * ALPHA_SLIDER_SCALE))
        self.alpha_value_label = QLabel()
        alpha_layout.addWidget(self.alpha_value_label)
        alpha_layout.addWidget(self.alpha_slider)
        column.addWidget(self.alpha_box)
        column.addStretch(1)

        self._controls_scroll = vertical_scroll(panel)

    @staticmethod
    def _range_spin(value: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(-1000.0, 1000.0)
        spin.setDecimals(2)
        spin.setSingleStep(0.5)
        spin.setValue(value)
        return spin

    def _build_plot(self) -> None:
        self.plot = ThemedPlot()
        self.plot.setMinimumHeight(220)
        self.legend = self.plot.plotItem.addLegend(offset=(10, 10))
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.derivative_curves: dict[str, pg.PlotDataItem] = {}
        for name in ACTIVATIONS:
            self.curves[name] = pg.PlotDataItem()
            self.derivative_curves[name] = pg.PlotDataItem()
        self.cursor_line = pg.InfiniteLine(angle=90, movable=False)
        self.plot.addItem(self.cursor_line, ignoreBounds=True)
        self.cursor_dots = pg.ScatterPlotItem(size=8)
        self.plot.addItem(self.cursor_dots, ignoreBounds=True)
        self.hint_label = _note_label()
        self.readout_label = QLabel()
        self.readout_label.setTextFormat(Qt.TextFormat.RichText)
        self.readout_label.setWordWrap(True)
        self.readout_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.readout_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._apply_colors()

    def _apply_colors(self) -> None:
        """Pens and the legend's background from the palette (light or dark)."""
        palette = self.palette()
        for index, name in enumerate(ACTIVATIONS):
            color = curve_color(index, palette)
            self.curves[name].setPen(pg.mkPen(color, width=2.5))
            self.derivative_curves[name].setPen(
                pg.mkPen(color, width=2, style=Qt.PenStyle.DashLine)
            )
        text = palette.color(QPalette.ColorRole.Text)
        muted = QColor(text)
        muted.setAlpha(140)
        self.cursor_line.setPen(pg.mkPen(muted, width=1, style=Qt.PenStyle.DotLine))
        background = QColor(palette.color(QPalette.ColorRole.Base))
        background.setAlpha(210)
        self.legend.setBrush(pg.mkBrush(background))
        self.legend.setPen(pg.mkPen(muted))
        self.legend.setLabelTextColor(text)

    # --- state ---------------------------------------------------------------------------------

    @property
    def gain(self) -> float:
        """The sigmoid's gain a set on the slider."""
        return gain_from_slider(self.gain_slider.value())

    @property
    def alpha(self) -> float:
        """Leaky ReLU's slope α set on the slider."""
        return self.alpha_slider.value() / ALPHA_SLIDER_SCALE

    def selected(self) -> list[str]:
        """The ids of the checked functions, in the table's order."""
        return [name for name, check in self.checks.items() if check.isChecked()]

    def persistent_widgets(self) -> dict[str, QWidget]:
        widgets: dict[str, QWidget] = {f"show_{name}": check for name, check in self.checks.items()}
        widgets.update(
            show_derivatives=self.derivative_check,
            x_min=self.x_min_spin,
            x_max=self.x_max_spin,
            gain=self.gain_slider,
            alpha=self.alpha_slider,
        )
        return widgets

    # --- updating ------------------------------------------------------------------------------

    @Slot()
    def _on_selection_changed(self) -> None:
        self._sync_items()
        self.refresh()

    @Slot()
    def _on_parameter_changed(self) -> None:
        self.refresh()

    @Slot()
    def _on_range_changed(self) -> None:
        if self._update_grid():
            self.plot.plotItem.enableAutoRange()
            self.refresh()

    def _update_grid(self) -> bool:
        """Take the x range from the spin boxes; on a bad one say why and keep the last grid."""
        lo, hi = self.x_min_spin.value(), self.x_max_spin.value()
        try:
            self._x = grid(lo, hi, PLOT_POINTS)
        except ValueError as err:
            if lo >= hi:
                text = self.tr("The smallest x must be less than the largest x.")
            else:
                text = str(err)
            self.range_message.show_message(text)
            return False
        self.range_message.clear_message()
        return True

    def _sync_items(self) -> None:
        """Put the selected curves (and their derivatives) in the plot and the legend."""
        selected = self.selected()
        show_derivatives = self.derivative_check.isChecked()
        for item in (*self.curves.values(), *self.derivative_curves.values()):
            if item.scene() is not None:
                self.plot.removeItem(item)
        self.legend.clear()
        self.legend.setColumnCount(2 if show_derivatives else 1)  # h and h′ side by side
        for name in selected:
            self.plot.addItem(self.curves[name])
            self.legend.addItem(self.curves[name], function_name(name))
            if show_derivatives:
                derivative = self.derivative_curves[name]
                self.plot.addItem(derivative)
                self.legend.addItem(
                    derivative, self.tr("{0} (derivative)").format(function_name(name))
                )
        self.legend.setVisible(bool(selected))

    def refresh(self) -> None:
        """Recompute the shown curves for the current range and parameters."""
        show_derivatives = self.derivative_check.isChecked()
        for name in self.selected():
            y, dy = evaluate(name, self._x, gain=self.gain, alpha=self.alpha)
            self.curves[name].setData(self._x, y)
            if show_derivatives:
                self.derivative_curves[name].setData(self._x, dy)
        self._update_parameter_labels()
        self.show_readout(self._readout_x)

    def _update_parameter_labels(self) -> None:
        self.gain_value_label.setText(self.tr("a = {0}").format(format_number(self.gain, 3)))
        self.alpha_value_label.setText(self.tr("α = {0}").format(format_number(self.alpha, 3)))

    @Slot(object)
    def _on_mouse_moved(self, event: tuple[object, ...]) -> None:
        """Follow the mouse (throttled by the SignalProxy) with the crosshair."""
        position = event[0]
        view = self.plot.plotItem.vb
        if view.sceneBoundingRect().contains(position):
            self.show_readout(view.mapSceneToView(position).x())

    def show_readout(self, x: float) -> None:
        """Move the crosshair to ``x`` and show f(x) and f′(x) of each selected function there."""
        self._readout_x = float(x)
        self.cursor_line.setPos(self._readout_x)
        selected = self.selected()
        show_derivatives = self.derivative_check.isChecked()
        text_color = self.palette().color(QPalette.ColorRole.Text).name()
        x_text = format_number(self._readout_x, 4)
        columns = (
            ("left", self.tr("Function")),
            ("left", self.tr("Formula")),
            ("left", self.tr("Derivative")),
            ("right", self.tr("h(x) at x = {0}").format(x_text)),
            ("right", self.tr("h′(x) at x = {0}").format(x_text)),
        )
        cells = "".join(f"<th align='{a}'>{html.escape(t)}</th>" for a, t in columns)
        header = f"<tr><th></th>{cells}</tr>"
        rows = []
        dots_x: list[float] = []
        dots_y: list[float] = []
        brushes = []
        point = np.array([self._readout_x])
        for name in selected:
            y, dy = evaluate(name, point, gain=self.gain, alpha=self.alpha)
            color = curve_color(list(ACTIVATIONS).index(name), self.palette())
            formula, derivative = self._formulas(name)
            rows.append(
                "<tr>"
                f"<td style='color:{color.name()}'>━━</td>"
                f"<td>{html.escape(function_name(name))}</td>"
                f"<td style='white-space:nowrap'>{html.escape(formula)}</td>"
                f"<td style='white-space:nowrap'>{html.escape(derivative)}</td>"
                f"<td align='right'>{format_number(float(y[0]), 6)}</td>"
                f"<td align='right'>{format_number(float(dy[0]), 6)}</td>"
                "</tr>"
            )
            dots_x.append(self._readout_x)
            dots_y.append(float(y[0]))
            brushes.append(pg.mkBrush(color))
            if show_derivatives:
                dots_x.append(self._readout_x)
                dots_y.append(float(dy[0]))
                brushes.append(pg.mkBrush(self.palette().color(QPalette.ColorRole.Base)))
        self.cursor_dots.setData(x=dots_x, y=dots_y, brush=brushes, pen=pg.mkPen(text_color))
        if rows:
            self.readout_label.setText(
                f"<table cellspacing='0' cellpadding='4'>{header}{''.join(rows)}</table>"
            )
        else:
            self.readout_label.setText(html.escape(self.tr("Tick a function to plot it.")))

    def readout_plain_text(self) -> str:
        """The readout as plain text (what a screen reader or a copy gets)."""
        doc = QTextDocument()
        doc.setHtml(self.readout_label.text())
        return doc.toPlainText()

    def _formulas(self, name: str) -> tuple[str, str]:
        """h(x) and h′(x) of ``name`` in readable math, with the current a or α filled in."""
        if name == "step":
            return self.tr("h(x) = 1 (x > 0), 0 (x ≤ 0)"), self.tr("h′(x) = 0 (x ≠ 0)")
        if name == "sigmoid":
            if self.gain == 1.0:
                return self.tr("h(x) = 1 / (1 + exp(−x))"), self.tr("h′(x) = h(x)(1 − h(x))")
            a = format_number(self.gain, 3)
            return (
                self.tr("h(x) = 1 / (1 + exp(−a·x)), a = {0}").format(a),
                self.tr("h′(x) = a·h(x)(1 − h(x))"),
            )
        if name == "tanh":
            return self.tr("h(x) = tanh(x)"), self.tr("h′(x) = 1 − h(x)²")
        if name == "relu":
            return self.tr("h(x) = max(0, x)"), self.tr("h′(x) = 1 (x > 0), 0 (x ≤ 0)")
        if name == "leaky_relu":
            alpha = format_number(self.alpha, 3)
            return (
                self.tr("h(x) = x (x > 0), αx (x ≤ 0), α = {0}").format(alpha),
                self.tr("h′(x) = 1 (x > 0), α (x ≤ 0)"),
            )
        return self.tr("h(x) = x"), self.tr("h′(x) = 1")

    # --- export ----------------------------------------------------------------------------------

    def export_table(self) -> Table:
        """x and each selected h(x) (and h′(x) when shown) on ≤ 201 points of the range."""
        x = grid(float(self._x[0]), float(self._x[-1]), EXPORT_POINTS)
        header = ["x"]
        columns = [x]
        for name in self.selected():
            y, dy = evaluate(name, x, gain=self.gain, alpha=self.alpha)
            header.append(f"{name}(x)")
            columns.append(y)
            if self.derivative_check.isChecked():
                header.append(f"{name}'(x)")
                columns.append(dy)
        rows = np.column_stack(columns).tolist()
        return header, rows

    # --- language and theme --------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every visible string of the page."""
        self.functions_box.setTitle(self.tr("Functions"))
        for name, check in self.checks.items():
            check.setText(function_name(name))
        self.derivative_check.setText(self.tr("Show derivatives h′(x)"))
        self.range_box.setTitle(self.tr("x range"))
        self.x_min_label.setText(self.tr("From"))
        self.x_max_label.setText(self.tr("To"))
        self.gain_box.setTitle(self.tr("Sigmoid gain a"))
        self.gain_note.setText(
            self.tr(
                "h(x) = 1 / (1 + exp(−a·x)). As a grows the sigmoid becomes the step "
                "function (§3.2.4)."
            )
        )
        self.alpha_box.setTitle(self.tr("Leaky ReLU slope α"))
        self.hint_label.setText(self.tr("Move the mouse over the plot to read h(x) and h′(x)."))
        self.plot.set_texts(
            title=self.tr("Activation functions (§3.2)"), left=self.tr("h(x)"), bottom="x"
        )
        if self.x_min_spin.value() >= self.x_max_spin.value():
            self._update_grid()  # the message in the new language
        self._sync_items()  # the legend in the new language
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_colors()
            self.show_readout(self._readout_x)
        super().changeEvent(event)

    def shutdown(self) -> None:
        """Stop following the mouse."""
        self._mouse_proxy.disconnect()


def _note_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class ActivationTab(StudyTab):
    """Activation functions and softmax (§3.2, §3.5): plots, NumPy's view and the softmax lab."""

    topic_id = "activation"

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(settings, parent)
        self.plot_page = ActivationPlotPage()
        self.numpy_page = NumPyStepsPage()
        self.softmax_page = SoftmaxLab()
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.plot_page, "")
        self.pages.addTab(self.numpy_page, "")
        self.pages.addTab(self.softmax_page, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.pages)
        self.finish_setup()

    def retranslate_ui(self) -> None:
        """Page titles and every page's strings."""
        self.setWindowTitle(self.tr("Activation functions"))  # when opened on its own
        self.pages.setTabText(0, self.tr("Plot"))
        self.pages.setTabText(1, self.tr("NumPy in action"))
        self.pages.setTabText(2, self.tr("Softmax lab"))
        self.plot_page.retranslate_ui()
        self.numpy_page.retranslate_ui()
        self.softmax_page.retranslate_ui()

    def persistent_widgets(self) -> Mapping[str, QWidget]:
        widgets: dict[str, QWidget] = {"page": self.pages}
        widgets.update(self.plot_page.persistent_widgets())
        widgets.update(self.numpy_page.persistent_widgets())
        widgets.update(self.softmax_page.persistent_widgets())
        return widgets

    def plot_for_export(self) -> pg.PlotItem | None:
        """The activation plot, or the softmax probability chart, whichever page is shown."""
        page = self.pages.currentWidget()
        if page is self.plot_page:
            return self.plot_page.plot.plotItem
        if page is self.softmax_page:
            return self.softmax_page.prob_plot.plotItem
        return None

    def table_for_export(self) -> Table | None:
        """The curves on ≤ 201 points, the softmax steps, or NumPy's outputs."""
        page = self.pages.currentWidget()
        if page is self.plot_page:
            return self.plot_page.export_table()
        if page is self.softmax_page:
            return self.softmax_page.export_table()
        return self.numpy_page.export_table()

    def shutdown(self) -> None:
        self.plot_page.shutdown()
        super().shutdown()


if __name__ == "__main__":
    raise SystemExit(run_standalone(ActivationTab))
