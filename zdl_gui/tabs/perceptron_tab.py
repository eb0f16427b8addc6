"""Perceptron playground (§2.3–2.5): weights, bias, the decision line and why XOR needs two layers.

The learner moves w1, w2 and b and watches the line w1·x1 + w2·x2 + b = 0 move over the four
inputs of a truth table, the firing side shaded. Presets load the book's AND, NAND and OR; the
XOR challenge shows that no line gets more than 3 of XOR's 4 rows right, and the two-layer table
shows how NAND, OR and AND together compute it. Every number comes from :mod:`core.perceptron`.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import pyqtgraph as pg
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QObject,
    QPointF,
    QSignalBlocker,
    Qt,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGraphicsPolygonItem,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import perceptron as P
from zdl_gui.plotting import ThemedPlot
from zdl_gui.settings import Settings
from zdl_gui.tabs.base import StudyTab, Table, run_standalone
from zdl_gui.theme import curve_color
from zdl_gui.widgets.inline_message import InlineMessage, Level
from zdl_gui.widgets.sizing import panes, vertical_scroll

#: The range of w1, w2, b and θ in the controls, and the slider's step (0.01).
LIMIT = 2.0
DECIMALS = 2
#: The part of the (x1, x2) plane the plot shows: the unit square with a margin.
VIEW = (-0.5, 1.5)

#: Target choices: (stable id saved in the settings, shown text).
TARGETS: tuple[tuple[str, str], ...] = (
    ("none", QT_TRANSLATE_NOOP("PerceptronTab", "No target")),
    ("AND", QT_TRANSLATE_NOOP("PerceptronTab", "AND")),
    ("NAND", QT_TRANSLATE_NOOP("PerceptronTab", "NAND")),
    ("OR", QT_TRANSLATE_NOOP("PerceptronTab", "OR")),
    ("XOR", QT_TRANSLATE_NOOP("PerceptronTab", "XOR")),
)

#: Where the perceptron fires, as :func:`core.perceptron.decision_line` names it.
SIDES: dict[str, str] = {
    "above": QT_TRANSLATE_NOOP("PerceptronTab", "above the line"),
    "below": QT_TRANSLATE_NOOP("PerceptronTab", "below the line"),
    "right": QT_TRANSLATE_NOOP("PerceptronTab", "right of the line"),
    "left": QT_TRANSLATE_NOOP("PerceptronTab", "left of the line"),
}

# truth-table columns
COL_X1, COL_X2, COL_SUM, COL_Y, COL_TARGET, COL_CHECK = range(6)
MINUS = "\u2212"  # the typographic minus sign used in formulas and tables
CHECK, CROSS = "✓", "✗"


def _tr(text: str) -> str:
    return QCoreApplication.translate("PerceptronTab", text)


def _fixed(value: float) -> str:
    """``value`` with two decimals and a real minus sign: -0.7 → "−0.70"."""
    text = f"{value:.{DECIMALS}f}"
    if float(text) == 0:
        text = text.lstrip("-")
    return text.replace("-", MINUS)


def _short(value: float) -> str:
    """``value`` rounded to two decimals without trailing zeros: 0.30000000000000004 → "0.3"."""
    text = _fixed(value)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _linear(w1: float, w2: float, b: float | None = None) -> str:
    """The text "w1·x1 + w2·x2 + b" with the numbers put in: "0.50·x1 + 0.50·x2 − 0.70"."""
    parts = [f"{_fixed(w1)}·x1"]
    terms = [(w2, "·x2")] + ([] if b is None else [(b, "")])
    for value, suffix in terms:
        sign = MINUS if _fixed(value).startswith(MINUS) else "+"
        parts.append(f"{sign} {_fixed(abs(value))}{suffix}")
    return " ".join(parts)


class SliderSpin(QObject):
    """A slider (integer steps of 0.01) and a spin box showing the same number, in sync.

    The spin box holds the value; the slider follows it with its signals blocked, so a change
    made in either one is announced once, by ``spin.valueChanged``.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.scale = 10**DECIMALS
        self.slider = QSlider(Qt.Orientation.Horizontal, parent)
        self.slider.setRange(round(-LIMIT * self.scale), round(LIMIT * self.scale))
        self.slider.setSingleStep(1)
        self.slider.setPageStep(10)
        self.slider.setMinimumWidth(90)
        self.spin = QDoubleSpinBox(parent)
        self.spin.setDecimals(DECIMALS)
        self.spin.setRange(-LIMIT, LIMIT)
        self.spin.setSingleStep(0.1)
        self.spin.setAccelerated(True)
        self.spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.slider.valueChanged.connect(self._slider_moved)
        self.spin.valueChanged.connect(self._spin_changed)

    def value(self) -> float:
        return self.spin.value()

    def set_value(self, value: float) -> None:
        self.spin.setValue(value)

    @Slot(int)
    def _slider_moved(self, step: int) -> None:
        self.spin.setValue(step / self.scale)

    @Slot(float)
    def _spin_changed(self, value: float) -> None:
        with QSignalBlocker(self.slider):
            self.slider.setValue(round(value * self.scale))


class PerceptronTab(StudyTab):
    """Decision-line playground for one perceptron and the two-layer XOR (§2.3–2.5)."""

    topic_id = "perceptron"

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(settings, parent)
        self._ready = False

        # --- weights and bias (§2.3.2), threshold (§2.3.1) ---
        self.w1 = SliderSpin(self)
        self.w2 = SliderSpin(self)
        self.b = SliderSpin(self)
        self.w1_label, self.w2_label, self.b_label = QLabel(), QLabel(), QLabel()
        self.theta_label = QLabel()
        self.theta_spin = QDoubleSpinBox()
        self.theta_spin.setDecimals(DECIMALS)
        self.theta_spin.setRange(-LIMIT, LIMIT)
        self.theta_spin.setSingleStep(0.1)
        self.theta_spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.theta_note = QLabel()
        self.theta_note.setWordWrap(True)

        self.weights_box = QGroupBox()
        grid = QGridLayout(self.weights_box)
        for row, (label, control) in enumerate(
            ((self.w1_label, self.w1), (self.w2_label, self.w2), (self.b_label, self.b))
        ):
            label.setBuddy(control.spin)
            grid.addWidget(label, row, 0)
            grid.addWidget(control.slider, row, 1)
            grid.addWidget(control.spin, row, 2)
        self.theta_label.setBuddy(self.theta_spin)
        grid.addWidget(self.theta_label, 3, 0)
        grid.addWidget(self.theta_note, 3, 1)
        grid.addWidget(self.theta_spin, 3, 2)
        grid.setColumnStretch(1, 1)

        # --- the two forms of the rule ---
        self.formula_box = QGroupBox()
        self.bias_formula = QLabel()
        self.theta_formula = QLabel()
        formula_layout = QVBoxLayout(self.formula_box)
        for label in (self.bias_formula, self.theta_formula):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            formula_layout.addWidget(label)

        # --- presets and the XOR challenge ---
        self.presets_box = QGroupBox()
        self.preset_buttons: dict[str, QPushButton] = {}
        self.preset_group = QButtonGroup(self)
        preset_layout = QGridLayout(self.presets_box)
        for column, name in enumerate(P.GATES):
            button = QPushButton()
            button.setObjectName(f"preset_{name}")
            self.preset_group.addButton(button, column)
            self.preset_buttons[name] = button
            preset_layout.addWidget(button, 0, column)
        self.preset_group.idClicked.connect(self._preset_clicked)
        self.xor_button = QPushButton()
        self.xor_button.clicked.connect(self._xor_challenge)
        preset_layout.addWidget(self.xor_button, 1, 0, 1, len(P.GATES))
        self.two_layer_check = QCheckBox()
        self.two_layer_check.toggled.connect(self._two_layer_toggled)
        preset_layout.addWidget(self.two_layer_check, 2, 0, 1, len(P.GATES))
        self.xor_message = InlineMessage()
        preset_layout.addWidget(self.xor_message, 3, 0, 1, len(P.GATES))

        controls = QWidget()
        controls_layout = QVBoxLayout(controls)
        controls_layout.setContentsMargins(0, 0, 4, 0)
        for box in (self.weights_box, self.formula_box, self.presets_box):
            controls_layout.addWidget(box)
        controls_layout.addStretch(1)
        self.controls_scroll = vertical_scroll(controls)

        # --- the plot ---
        self.plot = ThemedPlot()
        self.plot.setMinimumSize(260, 260)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.setMenuEnabled(False)
        self.plot.plotItem.hideButtons()
        self.plot.setAspectLocked(True)
        self.plot.setRange(xRange=VIEW, yRange=VIEW, padding=0.03)
        self.plot.enableAutoRange(False)
        for axis in ("left", "bottom"):  # grid lines at the inputs 0 and 1, and halfway
            self.plot.getAxis(axis).setTickSpacing(levels=[(0.5, 0.0)])
        self.fill_item = QGraphicsPolygonItem()
        self.fill_item.setPen(QPen(Qt.PenStyle.NoPen))
        self.fill_item.setZValue(-10)
        self.plot.addItem(self.fill_item)
        self.line_item = pg.PlotDataItem()
        self.line_item.setZValue(5)
        self.plot.addItem(self.line_item)
        self.points_item = pg.ScatterPlotItem(size=16)
        self.points_item.setZValue(10)
        self.plot.addItem(self.points_item)
        self.point_labels: list[pg.TextItem] = []
        for x1, x2 in P.INPUTS.tolist():
            anchor = (0.5, 1.5) if x2 == 1 else (0.5, -0.5)  # above the top row, below the bottom
            label = pg.TextItem(anchor=anchor)
            label.setPos(x1, x2)
            label.setZValue(11)
            self.plot.addItem(label)
            self.point_labels.append(label)
        self.plot.getViewBox().sigRangeChanged.connect(self._view_changed)
        self.plot.getViewBox().sigResized.connect(self._reset_view)
        self.plot_caption = QLabel()
        self.plot_caption.setWordWrap(True)

        # --- the truth table and the target ---
        self.target_label = QLabel()
        self.target_combo = QComboBox()
        for target_id, text in TARGETS:
            self.target_combo.addItem(text, target_id)
        self.target_combo.setCurrentIndex(self.target_combo.findData("AND"))
        self.target_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.target_label.setBuddy(self.target_combo)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.table = self._make_table(len(P.INPUTS), 6, fit=(COL_SUM,))
        self.table_box = QGroupBox()
        table_layout = QVBoxLayout(self.table_box)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target_label)
        target_row.addWidget(self.target_combo)
        target_row.addWidget(self.summary_label, 1)
        table_layout.addLayout(target_row)
        table_layout.addWidget(self.table)
        table_layout.addStretch(1)

        # --- two layers solve XOR (§2.5.2) ---
        self.two_layer_box = QGroupBox()
        self.two_layer_note = QLabel()
        self.two_layer_note.setWordWrap(True)
        self.two_layer_table = self._make_table(len(P.INPUTS), 5, fit=(2, 3, 4))
        two_layer_layout = QVBoxLayout(self.two_layer_box)
        two_layer_layout.addWidget(self.two_layer_note)
        two_layer_layout.addWidget(self.two_layer_table)
        two_layer_layout.addStretch(1)
        self._fill_two_layer_table()
        self.two_layer_box.hide()

        tables = QHBoxLayout()
        tables.setContentsMargins(0, 0, 0, 0)
        tables.addWidget(self.table_box, 1)
        tables.addWidget(self.two_layer_box, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 0, 0, 0)
        right_layout.addWidget(self.plot, 1)
        right_layout.addWidget(self.plot_caption)
        right_layout.addLayout(tables)

        splitter = panes(
            Qt.Orientation.Horizontal,
            self.controls_scroll,
            right,
            stretch=(0, 1),
            sizes=[360, 690],
        )
        outer = QVBoxLayout(self)
        outer.addWidget(splitter)

        # the book's AND to start with, until the remembered values are restored
        self._set_weights(*P.GATES["AND"])
        self.theta_spin.setValue(P.theta_from_bias(self.b.value()))
        for control in (self.w1, self.w2, self.b):
            control.spin.valueChanged.connect(self._weights_changed)
        self.theta_spin.valueChanged.connect(self._theta_changed)
        self.target_combo.currentIndexChanged.connect(self._target_changed)

        self._ready = True
        self.finish_setup()

    # --- StudyTab -------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every visible string; the numbers in them are redrawn too."""
        self.setWindowTitle(self.tr("Perceptron and logic gates"))  # when opened on its own
        self.weights_box.setTitle(self.tr("Weights and bias (§2.3.2)"))
        self.w1_label.setText(self.tr("Weight w1"))
        self.w2_label.setText(self.tr("Weight w2"))
        self.b_label.setText(self.tr("Bias b"))
        self.theta_label.setText(self.tr("Threshold θ"))
        self.theta_note.setText(self.tr("= −b, moves with b (§2.3.1)"))
        for control, name in ((self.w1, "w1"), (self.w2, "w2"), (self.b, "b")):
            tip = self.tr("Drag the slider or type a value from {1} to {2} for {0}.").format(
                name, _short(-LIMIT), _short(LIMIT)
            )
            control.slider.setToolTip(tip)
            control.spin.setToolTip(tip)
        self.theta_spin.setToolTip(
            self.tr("The threshold of §2.3.1; changing it changes the bias: b = −θ.")
        )
        self.formula_box.setTitle(self.tr("The rule, written two ways"))
        self.presets_box.setTitle(self.tr("The book's gates and a challenge"))
        for name, button in self.preset_buttons.items():
            button.setText(_tr(name))
            w1, w2, b = P.GATES[name]
            button.setToolTip(
                self.tr("Load the book's {0} weights: w1 = {1}, w2 = {2}, b = {3}").format(
                    _tr(name), _fixed(w1), _fixed(w2), _fixed(b)
                )
            )
        self.xor_button.setText(self.tr("XOR challenge"))
        self.xor_button.setToolTip(
            self.tr("Target XOR, starting from OR's weights: can one line get all 4 rows right?")
        )
        self.two_layer_check.setText(self.tr("Show the two-layer solution"))
        self.target_label.setText(self.tr("Target:"))
        for index, (_target_id, text) in enumerate(TARGETS):
            self.target_combo.setItemText(index, _tr(text))
        self.table_box.setTitle(self.tr("Truth table"))
        self.table.setHorizontalHeaderLabels(
            [
                "x1",
                "x2",
                "w1·x1 + w2·x2 + b",
                "y",
                self.tr("target"),
                f"{CHECK}/{CROSS}",
            ]
        )
        self.table.horizontalHeaderItem(COL_TARGET).setToolTip(
            self.tr("The output the chosen gate should give")
        )
        self.table.horizontalHeaderItem(COL_CHECK).setToolTip(
            self.tr("{0}: y equals the target, {1}: it does not").format(CHECK, CROSS)
        )
        self.two_layer_box.setTitle(self.tr("Two layers solve it: XOR = AND(NAND, OR)"))
        self.two_layer_note.setText(
            self.tr(
                "First layer: s1 = NAND(x1, x2), s2 = OR(x1, x2). "
                "Second layer: y = AND(s1, s2) (§2.5.2)."
            )
        )
        self.two_layer_table.setHorizontalHeaderLabels(
            ["x1", "x2", self.tr("s1 (NAND)"), self.tr("s2 (OR)"), self.tr("y (AND)")]
        )
        for column, tip in (
            (2, self.tr("s1 = NAND(x1, x2), first layer")),
            (3, self.tr("s2 = OR(x1, x2), first layer")),
            (4, self.tr("y = AND(s1, s2), second layer")),
        ):
            self.two_layer_table.horizontalHeaderItem(column).setToolTip(tip)
        self.plot.set_texts(title=self.tr("Decision line"), left="x2", bottom="x1")
        self._fit_table(self.two_layer_table)
        self._refresh()

    def persistent_widgets(self) -> Mapping[str, QWidget]:
        return {
            "w1": self.w1.spin,
            "w2": self.w2.spin,
            "b": self.b.spin,
            "target": self.target_combo,
        }

    def plot_for_export(self) -> pg.PlotItem:
        return self.plot.plotItem

    def table_for_export(self) -> Table:
        columns = [c for c in range(self.table.columnCount()) if not self.table.isColumnHidden(c)]
        header = [self.table.horizontalHeaderItem(c).text() for c in columns]
        rows = []
        for row in self._rows:
            values = {
                COL_X1: row.x1,
                COL_X2: row.x2,
                COL_SUM: round(row.weighted_sum, DECIMALS) + 0.0,
                COL_Y: row.y,
                COL_TARGET: row.target,
                COL_CHECK: CHECK if row.correct else CROSS,
            }
            rows.append([values[c] for c in columns])
        return header, rows

    # --- reacting to the controls --------------------------------------------------------------

    def weights(self) -> tuple[float, float, float]:
        """The current (w1, w2, b) as the spin boxes show them."""
        return self.w1.value(), self.w2.value(), self.b.value()

    def target_id(self) -> str:
        data = self.target_combo.currentData()
        return data if isinstance(data, str) else "none"

    def _set_weights(self, w1: float, w2: float, b: float) -> None:
        self.w1.set_value(w1)
        self.w2.set_value(w2)
        self.b.set_value(b)

    @Slot(float)
    def _weights_changed(self, _value: float) -> None:
        with QSignalBlocker(self.theta_spin):
            self.theta_spin.setValue(P.theta_from_bias(self.b.value()))
        self._refresh()

    @Slot(float)
    def _theta_changed(self, theta: float) -> None:
        self.b.set_value(P.bias_from_theta(theta))

    @Slot(int)
    def _target_changed(self, _index: int) -> None:
        if self.target_id() == "XOR":
            self.two_layer_check.setChecked(True)
        self._refresh()

    @Slot(int)
    def _preset_clicked(self, index: int) -> None:
        """Load the book's weights of the gate whose button was clicked (§2.3.3)."""
        self._set_weights(*P.GATES[list(P.GATES)[index]])

    @Slot()
    def _xor_challenge(self) -> None:
        """Target XOR, starting from OR's weights (3 of 4 right: only (1, 1) is wrong)."""
        self._set_weights(*P.GATES["OR"])
        self.target_combo.setCurrentIndex(self.target_combo.findData("XOR"))
        self.two_layer_check.setChecked(True)

    @Slot(bool)
    def _two_layer_toggled(self, checked: bool) -> None:
        self.two_layer_box.setVisible(checked)
        if checked:
            self._fit_table(self.two_layer_table)

    @Slot()
    def _reset_view(self) -> None:
        """Show the whole square [−0.5, 1.5]² again (the view widens one way to keep x1:x2 = 1)."""
        self.plot.setRange(xRange=VIEW, yRange=VIEW, padding=0.03)

    @Slot()
    def _view_changed(self) -> None:
        if self._ready:
            self._draw_geometry()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and getattr(self, "_ready", False):
            self._draw_points()
            self._draw_geometry()
        super().changeEvent(event)

    # --- drawing ---------------------------------------------------------------------------------

    def _refresh(self) -> None:
        """Recompute everything shown from the current weights and target."""
        if not self._ready:
            return
        w1, w2, b = self.weights()
        target = self.target_id()
        self._rows = P.truth_table(w1, w2, b, None if target == "none" else target)
        self._line = P.decision_line(w1, w2, b)
        self._fill_truth_table(target)
        self._show_formulas(w1, w2, b)
        self._show_summary(w1, w2, b, target)
        self._draw_points()
        self._draw_geometry()
        self._describe_line(w1, w2, b)

    def _show_formulas(self, w1: float, w2: float, b: float) -> None:
        theta = P.theta_from_bias(b)
        rule = self.tr("y = 1 if {0} > {1}, else 0")
        bias_now = rule.format(_linear(w1, w2, b), "0")
        theta_now = rule.format(_linear(w1, w2), _fixed(theta))
        self.bias_formula.setText(
            self._formula_html(
                self.tr("Bias form (§2.3.2)"), rule.format("w1·x1 + w2·x2 + b", "0"), bias_now
            )
        )
        self.theta_formula.setText(
            self._formula_html(
                self.tr("Threshold form (§2.3.1)"), rule.format("w1·x1 + w2·x2", "θ"), theta_now
            )
        )

    def _formula_html(self, title: str, general: str, now: str) -> str:
        now_line = self.tr("now: {0}").format(now)
        return f"<b>{html.escape(title)}</b><br>{html.escape(general)}<br><span style='white-space:pre-wrap'>{html.escape(now_line)}</span>"

    def _show_summary(self, w1: float, w2: float, b: float, target: str) -> None:
        if target == "none":
            self.summary_label.setText(self.tr("Choose a target to check each row."))
        else:
            n = P.matches(w1, w2, b, target)
            text = self.tr("Matches {0} of {1} rows").format(n, len(self._rows))
            if n == len(self._rows):
                text = self.tr("{0}: these weights compute {1}.").format(text, _tr(target))
            self.summary_label.setText(text)
        if target == "XOR":
            self.xor_message.show_message(
                self.tr(
                    "No single straight line can put XOR's 1s, (1, 0) and (0, 1), on one side "
                    "and its 0s, (0, 0) and (1, 1), on the other: the best any line can do is "
                    "{0} of {1} rows. Two layers solve it: XOR = AND(NAND, OR) (§2.4–2.5)."
                ).format(P.best_single_line_for("XOR"), len(self._rows)),
                Level.INFO,
            )
        else:
            self.xor_message.clear_message()

    def _fill_truth_table(self, target: str) -> None:
        for r, row in enumerate(self._rows):
            cells = {
                COL_X1: str(row.x1),
                COL_X2: str(row.x2),
                COL_SUM: _short(row.weighted_sum),
                COL_Y: str(row.y),
                COL_TARGET: "" if row.target is None else str(row.target),
                COL_CHECK: "" if row.correct is None else (CHECK if row.correct else CROSS),
            }
            for c, text in cells.items():
                self._set_cell(self.table, r, c, text)
            check = self.table.item(r, COL_CHECK)
            check.setToolTip(
                ""
                if row.correct is None
                else (self.tr("y equals the target") if row.correct else self.tr("y is wrong"))
            )
        for c in (COL_TARGET, COL_CHECK):
            self.table.setColumnHidden(c, target == "none")
        self._fit_table(self.table)

    def _fill_two_layer_table(self) -> None:
        for r, row in enumerate(P.xor_two_layer()):
            for c, value in enumerate((row.x1, row.x2, row.s1, row.s2, row.y)):
                self._set_cell(self.two_layer_table, r, c, str(value))

    def _draw_points(self) -> None:
        on, off = curve_color(0, self.palette()), curve_color(3, self.palette())
        spots = []
        for row, label in zip(self._rows, self.point_labels, strict=True):
            color = on if row.y == 1 else off
            spots.append(
                {
                    "pos": (row.x1, row.x2),
                    "pen": pg.mkPen(color, width=2.5),
                    "brush": pg.mkBrush(color) if row.y == 1 else QBrush(Qt.BrushStyle.NoBrush),
                    "symbol": "o",
                }
            )
            mark = "" if row.correct is None else " " + (CHECK if row.correct else CROSS)
            label.setText(f"y = {row.y}{mark}", color=color)
        self.points_item.setData(spots)

    def _draw_geometry(self) -> None:
        """The decision line and the shaded firing half-plane, across the whole visible view."""
        w1, w2, b = self.weights()
        (x0, x1), (y0, y1) = self.plot.getViewBox().viewRange()
        xlim, ylim = (min(x0, VIEW[0]), max(x1, VIEW[1])), (min(y0, VIEW[0]), max(y1, VIEW[1]))
        segment = P.line_segment(w1, w2, b, xlim, ylim)
        if segment is None:
            self.line_item.setData([], [])
            self.line_item.hide()
        else:
            self.line_item.setData(segment[:, 0], segment[:, 1])
            self.line_item.setPen(
                pg.mkPen(self.palette().color(QPalette.ColorRole.Text), width=2.5)
            )
            self.line_item.show()
        polygon = P.firing_polygon(w1, w2, b, xlim, ylim)
        fill = QColor(curve_color(0, self.palette()))
        fill.setAlpha(55)
        self.fill_item.setBrush(QBrush(fill))
        self.fill_item.setPolygon(QPolygonF([QPointF(float(x), float(y)) for x, y in polygon]))

    def _describe_line(self, w1: float, w2: float, b: float) -> None:
        line = self._line
        legend = self.tr("Filled dots: y = 1; hollow dots: y = 0.")
        if line.kind == "none":
            if line.constant == 1:
                what = self.tr(
                    "w1 = w2 = 0: there is no line. w1·x1 + w2·x2 + b = b = {0} > 0 everywhere, "
                    "so y = 1 for every input (all shaded)."
                ).format(_fixed(b))
            else:
                what = self.tr(
                    "w1 = w2 = 0: there is no line. w1·x1 + w2·x2 + b = b = {0} ≤ 0 everywhere, "
                    "so y = 0 for every input (nothing shaded)."
                ).format(_fixed(b))
            self.plot_caption.setText(f"{what} {legend}")
            return
        if line.kind == "slope":
            solved = f"x2 = {_linear_slope(line.slope, line.intercept)}"
        else:
            solved = f"x1 = {_fixed(line.x1_value)}"
        text = self.tr(
            "Decision line {0} = 0, that is {1}. The shaded side, {2}, is where y = 1: the "
            "vector (w1, w2) points into it."
        ).format(_linear(w1, w2, b), solved, _tr(SIDES[line.side]))
        if P.line_segment(w1, w2, b, VIEW, VIEW) is None:
            text += " " + self.tr("The line lies outside the square shown.")
        self.plot_caption.setText(f"{text} {legend}")

    # --- tables ----------------------------------------------------------------------------------

    def _make_table(self, rows: int, columns: int, fit: tuple[int, ...] = ()) -> QTableWidget:
        table = QTableWidget(rows, columns)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in fit:  # long headers keep their width; the others share the rest
            table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        table.horizontalHeader().setMinimumSectionSize(36)
        table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for r in range(rows):
            for c in range(columns):
                item = QTableWidgetItem()
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(r, c, item)
        return table

    @staticmethod
    def _set_cell(table: QTableWidget, row: int, column: int, text: str) -> None:
        item = table.item(row, column)
        if item.text() != text:
            item.setText(text)

    @staticmethod
    def _fit_table(table: QTableWidget) -> None:
        """Make the table exactly as tall as its rows and at least as wide as its texts.

        The tables never scroll: called again after a language change, this keeps longer
        (Japanese) headers readable instead of cutting them off.
        """
        table.resizeRowsToContents()
        header = table.horizontalHeader()
        height = header.sizeHint().height() + table.verticalHeader().length()
        table.setFixedHeight(height + 2 * table.frameWidth())
        width = sum(
            max(header.sectionSizeHint(c), table.sizeHintForColumn(c), header.minimumSectionSize())
            for c in range(table.columnCount())
            if not table.isColumnHidden(c)
        )
        table.setMinimumWidth(width + 2 * table.frameWidth())


def _linear_slope(slope: float, intercept: float) -> str:
    """ "m·x1 + c" with the numbers put in, e.g. "−1.00·x1 + 1.40"."""
    sign = MINUS if _fixed(intercept).startswith(MINUS) else "+"
    return f"{_fixed(slope)}·x1 {sign} {_fixed(abs(intercept))}"


if __name__ == "__main__":
    raise SystemExit(run_standalone(PerceptronTab))
