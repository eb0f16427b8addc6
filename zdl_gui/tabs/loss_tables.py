"""The loss calculator's result pages (§4.2): worked tables, the −log y curve, gradients, batch.

Each page shows one row of a :class:`core.loss_steps.LossReport` the way a learner would work it
by hand: :class:`LossSsePage` (二乗和誤差, §4.2.1), :class:`LossCeePage` (交差エントロピー誤差, §4.2.2,
with the label form of §4.2.4 and the −log y curve), :class:`LossGradientPage` (∂E/∂y and the
Softmax-with-Loss gradient of §5.6.3) and :class:`LossBatchPage` (the mean over N, §4.2.3, and the
usual slips). The pages only format numbers; every number comes from the report.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.loss_steps import DELTA, DELTA_CAP, LossReport, neg_log_curve
from zdl_gui.plotting import ThemedPlot
from zdl_gui.tabs.loss_export import fmt
from zdl_gui.theme import curve_color
from zdl_gui.widgets.inline_message import InlineMessage, Level

#: A worked table lists at most this many classes (the correct class always among them).
MAX_TABLE_ROWS = 200
#: A table is never squeezed below its contents' width, up to this many pixels.
MIN_TABLE_WIDTH = 520
#: The gradient chart draws at most this many classes.
MAX_BARS = 40


def shown_indices(total: int, keep: int, limit: int = MAX_TABLE_ROWS) -> list[int]:
    """The first ``limit`` of ``total`` indices, with ``keep`` swapped in last if it is beyond."""
    if total <= limit:
        return list(range(total))
    head = list(range(limit))
    if keep >= limit:
        head[-1] = keep
    return head


def worked_table() -> QTableWidget:
    """A read-only table of right-aligned numbers whose columns fit their contents."""
    table = QTableWidget()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    return table


def fit_table_width(table: QTableWidget) -> None:
    """Size the columns to their contents and let the table grow no wider than they need."""
    table.resizeColumnsToContents()
    width = (
        table.verticalHeader().sizeHint().width()
        + table.horizontalHeader().length()
        + table.verticalScrollBar().sizeHint().width()
        + 2 * table.frameWidth()
        + 2
    )
    table.setMaximumWidth(width)
    table.setMinimumWidth(min(width, MIN_TABLE_WIDTH))


def fill_table(
    table: QTableWidget,
    headers: Sequence[str],
    row_labels: Sequence[str],
    rows: Sequence[Sequence[str]],
    greyed: Sequence[int] = (),
    bold: Sequence[int] = (),
) -> None:
    """Put ``rows`` of formatted numbers in ``table``; ``greyed`` rows in the placeholder colour."""
    grey = QBrush(table.palette().color(QPalette.ColorRole.PlaceholderText))
    bold_font = QFont(table.font())
    bold_font.setBold(True)
    greyed_set, bold_set = set(greyed), set(bold)
    table.setUpdatesEnabled(False)
    try:
        table.setColumnCount(len(headers))
        table.setRowCount(len(rows))
        table.setHorizontalHeaderLabels(list(headers))
        align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for r, (label, cells) in enumerate(zip(row_labels, rows, strict=True)):
            head = QTableWidgetItem(label)
            if r in greyed_set:
                head.setForeground(grey)
            if r in bold_set:
                head.setFont(bold_font)
            table.setVerticalHeaderItem(r, head)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(align)
                if r in greyed_set:
                    item.setForeground(grey)
                if r in bold_set:
                    item.setFont(bold_font)
                table.setItem(r, c, item)
    finally:
        table.setUpdatesEnabled(True)
    fit_table_width(table)
    fit_table_rows(table)


def fit_table_rows(table: QTableWidget) -> None:
    """Let ``table`` grow no taller than its rows need (it scrolls when given less)."""
    rows = table.rowCount() * table.verticalHeader().defaultSectionSize()
    header = table.horizontalHeader().sizeHint().height()
    bar = table.horizontalScrollBar().sizeHint().height()
    table.setMaximumHeight(header + rows + bar + 2 * table.frameWidth() + 2)


def _caption() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def _value_label(scale: float = 1.0, bold: bool = False) -> QLabel:
    label = QLabel()
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    if scale != 1.0 or bold:
        font = QFont(label.font())
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        label.setFont(font)
    return label


def _limit_note(shown: int, total: int, rows: bool = False) -> str:
    """A note that a table shows only ``shown`` of ``total`` classes or rows (empty when all are)."""
    if shown >= total:
        return ""
    if rows:
        return QCoreApplication.translate(
            "LossTables", "Showing {0} of {1} rows; the mean uses all of them."
        ).format(shown, total)
    return QCoreApplication.translate(
        "LossTables", "Showing {0} of {1} classes; the sums use all of them."
    ).format(shown, total)


# --- 二乗和誤差 -------------------------------------------------------------------------------------


class LossSsePage(QWidget):
    """The sum of squared errors of one row, worked: the table, Σ, ×½ and the three names (§4.2.1)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = worked_table()
        self.limit_label = _caption()
        self.row_label = _caption()
        self.sum_label = _value_label()
        self.result_label = _value_label(1.5, bold=True)
        self.formula_label = _caption()

        self.variants_box = QGroupBox()
        grid = QGridLayout(self.variants_box)
        self.variant_names: dict[str, QLabel] = {}
        self.variant_formulas: dict[str, QLabel] = {}
        self.variant_values: dict[str, QLabel] = {}
        formulas = {
            "half": "½ Σ (y_k − t_k)²",
            "sum": "Σ (y_k − t_k)²",
            "mean": "(1/C) Σ (y_k − t_k)²",
        }
        for row, (key, formula) in enumerate(formulas.items()):
            name = QLabel()
            name.setWordWrap(True)
            formula_label = QLabel(formula)
            value = _value_label(bold=key == "half")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(name, row, 0)
            grid.addWidget(formula_label, row, 1)
            grid.addWidget(value, row, 2)
            self.variant_names[key] = name
            self.variant_formulas[key] = formula_label
            self.variant_values[key] = value
        grid.setColumnStretch(0, 1)
        self.variants_note = _caption()
        grid.addWidget(self.variants_note, len(formulas), 0, 1, 3)

        self.chart = ThemedPlot()
        self.chart.setMinimumHeight(150)
        self.chart.setMouseEnabled(x=False, y=False)
        self.chart.plotItem.hideButtons()
        self.chart.showGrid(x=False, y=True, alpha=0.25)
        self.bars = pg.BarGraphItem(x=[0.0], height=[0.0], width=0.6)
        self.chart.addItem(self.bars)

        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addWidget(self.limit_label)
        left.addStretch(0)
        right = QVBoxLayout()
        right.addWidget(self.row_label)
        right.addWidget(self.formula_label)
        right.addWidget(self.sum_label)
        right.addWidget(self.result_label)
        right.addSpacing(8)
        right.addWidget(self.variants_box)
        right.addWidget(self.chart, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 5)
        layout.addLayout(right, 4)

    def show_report(self, report: LossReport, row: int, precision: int) -> None:
        s = report.sse
        p = precision
        shown = shown_indices(report.n_classes, int(report.labels[row]))
        rows = [
            [
                fmt(s.y[row, k], p),
                fmt(s.t[row, k], p),
                fmt(s.diff[row, k], p),
                fmt(s.squared[row, k], p),
            ]
            for k in shown
        ]
        rows.append(
            [fmt(np.sum(s.y[row]), p), fmt(np.sum(s.t[row]), p), "", fmt(s.row_sum[row], p)]
        )
        y_name = self.tr("y_k = softmax(a)_k") if report.raw_scores else "y_k"
        fill_table(
            self.table,
            [y_name, "t_k", "y_k − t_k", "(y_k − t_k)²"],
            [str(k) for k in shown] + ["Σ"],
            rows,
            bold=[len(rows) - 1],
        )
        self.limit_label.setText(_limit_note(len(shown), report.n_classes))
        self.row_label.setText(_row_caption(report, row))
        total, half = fmt(s.row_sum[row], p), fmt(s.row_loss[row], p)
        self.sum_label.setText(self.tr("Σ (y_k − t_k)² = {0}").format(total))
        self.result_label.setText(self.tr("E = ½ × {0} = {1}").format(total, half))
        self.variant_values["half"].setText(half)
        self.variant_values["sum"].setText(total)
        self.variant_values["mean"].setText(fmt(s.row_mean[row], p))
        self.variants_note.setText(
            self.tr(
                "Here C = {0}. The book's E is ½ Σ: the ½ cancels the 2 of the derivative, so "
                "∂E/∂y_k = y_k − t_k."
            ).format(report.n_classes)
        )
        self._show_bars(report, row)

    def _show_bars(self, report: LossReport, row: int) -> None:
        """(y_k − t_k)² as bars, the correct class in its own colour."""
        label = int(report.labels[row])
        bars = shown_indices(report.n_classes, label, MAX_BARS)
        heights = report.sse.squared[row, bars]
        palette = self.palette()
        brushes = [pg.mkBrush(curve_color(3 if k == label else 0, palette)) for k in bars]
        x = np.arange(len(bars), dtype=float)
        self.bars.setOpts(x=x, height=heights, width=0.6, brushes=brushes, pen=None)
        self.chart.getAxis("bottom").setTicks([[(float(i), str(k)) for i, k in enumerate(bars)]])
        self.chart.setXRange(-0.6, len(bars) - 0.4, padding=0)
        top = float(np.max(heights)) if np.all(np.isfinite(heights)) else 1.0
        self.chart.setYRange(0.0, top * 1.1 if top > 0 else 1.0, padding=0)

    def bar_heights(self) -> np.ndarray:
        """The heights of the (y_k − t_k)² bars."""
        return np.asarray(self.bars.opts["height"], dtype=float)

    def clear(self) -> None:
        self.table.setRowCount(0)
        self.bars.setOpts(x=[0.0], height=[0.0])
        for label in (self.sum_label, self.result_label, self.row_label, self.limit_label):
            label.setText("")
        for label in self.variant_values.values():
            label.setText("")

    def retranslate_ui(self) -> None:
        self.chart.set_texts(
            title=self.tr("(y_k − t_k)² per class"),
            bottom=self.tr("class k"),
        )
        self.formula_label.setText(self.tr("E = ½ Σ_k (y_k − t_k)²  (§4.2.1)"))
        self.variants_box.setTitle(self.tr("Three names you will meet"))
        self.variant_names["half"].setText(self.tr("the book's E (sum of squared errors)"))
        self.variant_names["sum"].setText(self.tr("sum of squares (no ½)"))
        self.variant_names["mean"].setText(self.tr("mean squared error (÷ C)"))


def _gradient_slip(n: int) -> str:
    """What forgetting "/ batch_size" in the backward pass does with N = ``n`` (§5.6.3)."""
    if n == 1:
        return QCoreApplication.translate(
            "LossTables",
            "The gradient is divided by N because the loss is a mean over the batch. With N = 1 "
            "it makes no difference; for a batch, forgetting “/ batch_size” makes it N times too big.",
        )
    return QCoreApplication.translate(
        "LossTables",
        "The gradient is divided by N because the loss is a mean over the batch; forgetting "
        "“/ batch_size” makes it N = {0} times too big.",
    ).format(n)


def _row_caption(report: LossReport, row: int) -> str:
    """ "One sample, C = 10 classes" or "Row 3 of N = 100"."""
    if report.n_rows == 1:
        return QCoreApplication.translate("LossTables", "One sample, C = {0} classes").format(
            report.n_classes
        )
    return QCoreApplication.translate("LossTables", "Row {0} of N = {1}").format(row, report.n_rows)


# --- 交差エントロピー誤差 --------------------------------------------------------------------------


class NegLogPlot(ThemedPlot):
    """E = −log(y + δ) over the correct class's probability, with the δ cap and the current y."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        x, e = neg_log_curve()
        self.curve = pg.PlotDataItem(x, e)
        self.addItem(self.curve)
        self.cap_line = pg.InfiniteLine(pos=DELTA_CAP, angle=0, movable=False)
        self.addItem(self.cap_line, ignoreBounds=True)
        self.cap_text = pg.TextItem(anchor=(1.0, 1.0))  # the fill is set in apply_colors
        self.cap_text.setPos(1.0, DELTA_CAP)
        self.addItem(self.cap_text, ignoreBounds=True)
        self.infinity_text = pg.TextItem(anchor=(1.0, 0.0))
        self.infinity_text.setPos(1.0, DELTA_CAP)
        self.addItem(self.infinity_text, ignoreBounds=True)
        self.others = pg.ScatterPlotItem(size=6)
        self.addItem(self.others)
        self.marker_line = pg.PlotDataItem()  # from the x axis up to the point
        self.addItem(self.marker_line, ignoreBounds=True)
        self.marker = pg.ScatterPlotItem(size=12)
        self.addItem(self.marker)
        self.marker_text = pg.TextItem(anchor=(0.0, 1.0))
        self.addItem(self.marker_text, ignoreBounds=True)
        for item in (self.cap_text, self.infinity_text, self.marker_text):
            item.setZValue(10)  # above the marker's line
        self.setMouseEnabled(x=False, y=False)
        self.plotItem.hideButtons()
        self.setXRange(0.0, 1.0, padding=0.02)
        self.setYRange(0.0, 19.5, padding=0)
        self.setMinimumHeight(200)
        self._marker_caption = ""
        self.apply_colors()

    def apply_colors(self) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        muted = QColor(text)
        muted.setAlpha(150)
        self.curve.setPen(pg.mkPen(curve_color(0, palette), width=2.5))
        self.cap_line.setPen(pg.mkPen(muted, width=1.5, style=Qt.PenStyle.DashLine))
        accent = curve_color(3, palette)
        self.marker.setBrush(pg.mkBrush(accent))
        self.marker.setPen(pg.mkPen(text))
        self.marker_line.setPen(pg.mkPen(accent, width=1.5, style=Qt.PenStyle.DotLine))
        faint = QColor(text)
        faint.setAlpha(70)
        self.others.setBrush(pg.mkBrush(faint))  # the other rows of a batch, in grey
        self.others.setPen(None)
        background = QColor(palette.color(QPalette.ColorRole.Base))
        background.setAlpha(200)
        for item in (self.cap_text, self.infinity_text, self.marker_text):
            item.setColor(text)
            item.fill = pg.mkBrush(background)
            item.update()

    def set_cap_texts(self, cap: str, infinity: str) -> None:
        self.cap_text.setText(cap)
        self.infinity_text.setText(infinity)

    def set_points(
        self, p: float | None, e: float | None, caption: str, others: tuple[np.ndarray, np.ndarray]
    ) -> None:
        """Mark the shown row's correct-class probability ``p`` (E = ``e``) and the other rows."""
        self.others.setData(x=others[0], y=others[1])
        if p is None or e is None:
            self.marker.setData(x=[], y=[])
            self.marker_line.setData([], [])
            self.marker_text.setText("")
            return
        self.marker.setData(x=[p], y=[e])
        self.marker_line.setData([p, p], [0.0, e])
        self.marker_text.setText(caption)
        right = p > 0.55
        if e < DELTA_CAP - 5.0:  # above the point, clear of the curve
            self.marker_text.setAnchor((1.0 if right else 0.0, 1.0))
            self.marker_text.setPos(p, e + 1.5)
        else:  # below the point, clear of the δ cap's labels
            self.marker_text.setAnchor((1.0 if right else 0.0, 0.0))
            self.marker_text.setPos(p + (-0.02 if right else 0.02), e - 1.0)

    def marker_position(self) -> tuple[float, float] | None:
        x, y = self.marker.getData()
        return (float(x[0]), float(y[0])) if len(x) else None

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "marker_text"):
            self.apply_colors()


class LossCeePage(QWidget):
    """The cross-entropy error of one row, worked, beside its label form and the −log y curve."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = worked_table()
        self.limit_label = _caption()
        self.unavailable_message = InlineMessage()
        self.row_label = _caption()
        self.sum_label = _value_label()
        self.result_label = _value_label(1.5, bold=True)
        self.survivor_label = _caption()

        self.forms_box = QGroupBox()
        grid = QGridLayout(self.forms_box)
        self.onehot_title = QLabel()
        self.label_title = QLabel()
        for title in (self.onehot_title, self.label_title):
            font = QFont(title.font())
            font.setBold(True)
            title.setFont(font)
            title.setWordWrap(True)
        self.onehot_formula = QLabel("−Σ_k t_k log(y_k + δ)")
        self.label_formula = QLabel("−log(y[n, t_n] + δ)")
        for formula in (self.onehot_formula, self.label_formula):
            formula.setWordWrap(True)
        self.onehot_picks = _caption()
        self.label_picks = QLabel()
        self.label_picks.setWordWrap(True)
        self.onehot_value = _value_label(1.2, bold=True)
        self.label_value = _value_label(1.2, bold=True)
        grid.addWidget(self.onehot_title, 0, 0)
        grid.addWidget(self.label_title, 0, 1)
        grid.addWidget(self.onehot_formula, 1, 0)
        grid.addWidget(self.label_formula, 1, 1)
        grid.addWidget(self.onehot_picks, 2, 0)
        grid.addWidget(self.label_picks, 2, 1)
        grid.addWidget(self.onehot_value, 3, 0)
        grid.addWidget(self.label_value, 3, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        self.delta_label = _caption()
        self.cap_message = InlineMessage()
        self.book_formula_message = InlineMessage()
        self.plot = NegLogPlot()

        left = QVBoxLayout()
        left.addWidget(self.unavailable_message)
        left.addWidget(self.table, 3)
        left.addWidget(self.limit_label)
        left.addWidget(self.plot, 2)
        right = QVBoxLayout()
        right.addWidget(self.row_label)
        right.addWidget(self.sum_label)
        right.addWidget(self.result_label)
        right.addWidget(self.survivor_label)
        right.addWidget(self.forms_box)
        right.addWidget(self.book_formula_message)
        right.addWidget(self.cap_message)
        right.addWidget(self.delta_label)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 4)
        layout.addLayout(right, 3)

    def show_report(self, report: LossReport, row: int, precision: int, formula_text: str) -> None:
        """Show row ``row``; ``formula_text`` explains the book's label formula misread (or "")."""
        p = precision
        ce = report.cee
        self.row_label.setText(_row_caption(report, row))
        if formula_text:
            self.book_formula_message.show_message(formula_text, Level.WARNING)
        else:
            self.book_formula_message.clear_message()
        if ce is None:
            self.clear()
            self.row_label.setText(_row_caption(report, row))
            self.unavailable_message.show_message(
                self.tr(
                    "Not computed: y has negative values, and log(y) is undefined for them. The "
                    "cross-entropy error needs probabilities; tick “apply softmax first” for raw scores."
                ),
                Level.WARNING,
            )
            return
        self.unavailable_message.clear_message()
        label = int(ce.labels[row])
        shown = shown_indices(report.n_classes, label)
        rows = [
            [
                fmt(ce.y[row, k], p),
                fmt(ce.t[row, k], p),
                fmt(ce.y_plus_delta[row, k], p),
                fmt(ce.log_y[row, k], p),
                fmt(ce.t_log_y[row, k], p),
            ]
            for k in shown
        ]
        rows.append(["", "", "", "", fmt(ce.row_sum[row], p)])
        greyed = [i for i, k in enumerate(shown) if ce.masked[row, k]]
        hot = shown.index(label)
        y_name = self.tr("y_k = softmax(a)_k") if report.raw_scores else "y_k"
        fill_table(
            self.table,
            [y_name, "t_k", "y_k + δ", "log(y_k + δ)", "t_k · log(y_k + δ)"],
            [str(k) for k in shown] + ["Σ"],
            rows,
            greyed=greyed,
            bold=[hot, len(rows) - 1],
        )
        self.limit_label.setText(_limit_note(len(shown), report.n_classes))
        total, loss = fmt(ce.row_sum[row], p), fmt(ce.row_loss[row], p)
        picked, label_loss = fmt(ce.picked[row], p), fmt(ce.label_row_loss[row], p)
        self.sum_label.setText(self.tr("Σ t_k log(y_k + δ) = {0}").format(total))
        self.result_label.setText(self.tr("E = −({0}) = {1}").format(total, loss))
        self.survivor_label.setText(
            self.tr(
                "Greyed rows have t_k = 0, so their terms vanish: only k = {0} survives, "
                "1 · log({1} + δ) = {2}."
            ).format(label, picked, fmt(ce.picked_log[row], p))
        )
        self.onehot_picks.setText(
            self.tr("all {0} terms, {1} of them zero").format(
                report.n_classes, report.n_classes - 1
            )
        )
        self.label_picks.setText(
            self.tr("t_{0} = {1} → y[{0}, {1}] = {2}").format(row, label, picked)
        )
        self.onehot_value.setText(loss)
        self.label_value.setText(label_loss)
        if ce.at_cap[row]:
            self.cap_message.show_message(
                self.tr(
                    "y[{0}, {1}] = 0: without δ this would be −log(0) = +∞ (and 0 · log 0 = nan in "
                    "the sum). With δ = {2} the loss stops at −log(δ) = {3}."
                ).format(row, label, fmt(DELTA, p), fmt(DELTA_CAP, p)),
                Level.INFO,
            )
        else:
            self.cap_message.clear_message()
        self.delta_label.setText(
            self.tr(
                "δ = {0} keeps log(0) = −∞ away (§4.2.2). Mean over the batch: the label form "
                "−Σ_n log(y[n, t_n] + δ) / N gives {1}, the one-hot form {2}."
            ).format(fmt(DELTA, p), fmt(ce.label_loss, p), fmt(ce.loss, p))
        )
        others = (np.asarray(ce.picked), np.asarray(ce.label_row_loss))
        if len(others[0]) > 2000:
            others = (others[0][:2000], others[1][:2000])
        self.plot.set_points(
            float(ce.picked[row]),
            float(ce.label_row_loss[row]),
            self.tr("y = {0} → E = {1}").format(picked, label_loss),
            others,
        )

    def clear(self) -> None:
        self.table.setRowCount(0)
        for label in (
            self.sum_label,
            self.result_label,
            self.survivor_label,
            self.onehot_picks,
            self.label_picks,
            self.onehot_value,
            self.label_value,
            self.limit_label,
            self.delta_label,
        ):
            label.setText("")
        self.cap_message.clear_message()
        self.plot.set_points(None, None, "", (np.zeros(0), np.zeros(0)))

    def retranslate_ui(self) -> None:
        self.forms_box.setTitle(self.tr("One-hot and label form (§4.2.4)"))
        self.onehot_title.setText(self.tr("one-hot t"))
        self.label_title.setText(self.tr("class label t_n"))
        self.plot.set_texts(
            title=self.tr("E = −log(y + δ) (§4.2.2)"),
            left=self.tr("E"),
            bottom=self.tr("y of the correct class"),
        )
        self.plot.set_cap_texts(
            self.tr("δ cap: −log(1e-7) = {0}").format(fmt(DELTA_CAP, 5)),
            self.tr("without δ, y = 0 gives +∞"),
        )


# --- gradient ------------------------------------------------------------------------------------


class LossGradientPage(QWidget):
    """∂E/∂y of both losses and the Softmax-with-Loss gradient (y − t)/N (§4.2, §5.6.3)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = worked_table()
        self.limit_label = _caption()
        self.row_label = _caption()
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.slip_label = _caption()
        self.chart = ThemedPlot()
        self.chart.setMinimumHeight(200)
        self.chart.setMouseEnabled(x=False, y=False)
        self.chart.plotItem.hideButtons()
        self.chart.showGrid(x=False, y=True, alpha=0.25)
        self.legend = self.chart.plotItem.addLegend(offset=(-10, 5), colCount=3)
        self.bars = {
            key: pg.BarGraphItem(x=[0.0], height=[0.0], width=0.25) for key in ("y", "t", "grad")
        }
        for item in self.bars.values():
            self.chart.addItem(item)
        self.zero_line = pg.InfiniteLine(pos=0.0, angle=0, movable=False)
        self.chart.addItem(self.zero_line, ignoreBounds=True)
        self.chart_limit_label = _caption()
        self._apply_colors()

        top = QHBoxLayout()
        table_column = QVBoxLayout()
        table_column.addWidget(self.table, 1)
        table_column.addWidget(self.limit_label)
        top.addLayout(table_column, 3)
        notes = QVBoxLayout()
        notes.addWidget(self.row_label)
        notes.addWidget(self.note_label)
        notes.addWidget(self.slip_label)
        notes.addStretch(1)
        top.addLayout(notes, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 3)
        layout.addWidget(self.chart, 2)
        layout.addWidget(self.chart_limit_label)

    def _apply_colors(self) -> None:
        palette = self.palette()
        for index, item in enumerate(self.bars.values()):
            item.setOpts(brush=pg.mkBrush(curve_color(index, palette)), pen=None)
        muted = QColor(palette.color(QPalette.ColorRole.Text))
        muted.setAlpha(150)
        self.zero_line.setPen(pg.mkPen(muted, width=1))
        background = QColor(palette.color(QPalette.ColorRole.Base))
        background.setAlpha(210)
        self.legend.setBrush(pg.mkBrush(background))
        self.legend.setLabelTextColor(palette.color(QPalette.ColorRole.Text))

    def show_report(self, report: LossReport, row: int, precision: int) -> None:
        p = precision
        n = report.n_rows
        label = int(report.labels[row])
        shown = shown_indices(report.n_classes, label)
        g_cee = report.grad_cee
        headers = []
        if report.raw_scores:
            headers.append("a_k")
        headers += [
            "y_k",
            "t_k",
            self.tr("SSE\n(y_k − t_k)/N"),
            self.tr("CEE\n−t_k/(y_k + δ)/N"),
            self.tr("Softmax-with-Loss\n(y_k − t_k)/N"),
        ]
        rows = []
        for k in shown:
            cells = [fmt(report.y_input[row, k], p)] if report.raw_scores else []
            cells += [
                fmt(report.y[row, k], p),
                fmt(report.t[row, k], p),
                fmt(report.grad_sse[row, k], p),
                fmt(g_cee[row, k], p) if g_cee is not None else "—",
                fmt(report.softmax_with_loss_grad[row, k], p),
            ]
            rows.append(cells)
        fill_table(self.table, headers, [str(k) for k in shown], rows, bold=[shown.index(label)])
        self.limit_label.setText(_limit_note(len(shown), report.n_classes))
        self.row_label.setText(_row_caption(report, row))

        bars = shown_indices(report.n_classes, label, MAX_BARS)
        x = np.arange(len(bars), dtype=float)
        values = {
            "y": report.y[row, bars],
            "t": report.t[row, bars],
            "grad": report.softmax_with_loss_grad[row, bars],
        }
        for offset, (key, item) in zip((-0.27, 0.0, 0.27), self.bars.items(), strict=True):
            item.setOpts(x=x + offset, height=values[key], width=0.25)
        self.chart.getAxis("bottom").setTicks([[(float(i), str(k)) for i, k in enumerate(bars)]])
        self.chart.setXRange(-0.6, len(bars) - 0.4, padding=0)
        low = min(0.0, float(np.min(values["grad"])), float(np.min(values["y"])))
        high = max(1.0, float(np.max(values["y"])))
        self.chart.setYRange(low - 0.05, high + 0.45, padding=0)  # room for the legend on top
        self.chart_limit_label.setText(_limit_note(len(bars), report.n_classes))
        self._legend_names()
        if report.raw_scores:
            self.note_label.setText(
                self.tr(
                    "y = softmax(a). The last column is the gradient with respect to the scores a "
                    "(§5.6.3): just (y − t)/N, here with N = {0}. Softmax with the cross-entropy "
                    "error, like the identity with the sum of squared errors, was chosen for this "
                    "clean result."
                ).format(n)
            )
        else:
            self.note_label.setText(
                self.tr(
                    "If y came out of softmax, the gradient with respect to softmax's input is "
                    "(y − t)/N (§5.6.3, N = {0}): the same numbers as the sum of squared errors' "
                    "∂E/∂y_k. The bigger the mistake, the bigger the gradient."
                ).format(n)
            )
        self.slip_label.setText(_gradient_slip(n))

    def _legend_names(self) -> None:
        self.legend.clear()
        self.legend.addItem(self.bars["y"], "y")
        self.legend.addItem(self.bars["t"], "t")
        self.legend.addItem(self.bars["grad"], self.tr("(y − t)/N"))

    def bar_heights(self, key: str) -> np.ndarray:
        """The heights of the ``"y"``, ``"t"`` or ``"grad"`` bars."""
        return np.asarray(self.bars[key].opts["height"], dtype=float)

    def clear(self) -> None:
        self.table.setRowCount(0)
        for item in self.bars.values():
            item.setOpts(x=[0.0], height=[0.0])

    def retranslate_ui(self) -> None:
        self.chart.set_texts(
            title=self.tr("y, t and (y − t)/N, class by class"), bottom=self.tr("class k"), left=""
        )
        self._legend_names()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "legend"):
            self._apply_colors()
        super().changeEvent(event)


# --- batch -----------------------------------------------------------------------------------------


class LossBatchPage(QWidget):
    """The loss of every row and the mean over N (§4.2.3), with the usual slips (§4.2, §5.6.3)."""

    row_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = worked_table()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.cellClicked.connect(self._on_cell_clicked)
        self.limit_label = _caption()
        self.intro_label = QLabel()
        self.intro_label.setWordWrap(True)
        self.means_label = _value_label(1.2, bold=True)
        self.slips_box = QGroupBox()
        slips_layout = QVBoxLayout(self.slips_box)
        self.slip_labels = {key: QLabel() for key in ("ndim", "delta", "gradient", "label")}
        for label in self.slip_labels.values():
            label.setWordWrap(True)
            slips_layout.addWidget(label)
        self._shown: list[int] = []

        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addWidget(self.limit_label)
        left.addStretch(0)
        right = QVBoxLayout()
        right.addWidget(self.intro_label)
        right.addWidget(self.means_label)
        right.addWidget(self.slips_box)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)

    def show_report(self, report: LossReport, row: int, precision: int) -> None:
        p = precision
        s, ce = report.sse, report.cee
        n = report.n_rows
        shown = shown_indices(n, row)
        self._shown = shown
        rows = [
            [
                str(int(report.labels[i])),
                fmt(report.y[i, report.labels[i]], p),
                fmt(s.row_loss[i], p),
                fmt(ce.row_loss[i], p) if ce is not None else "—",
            ]
            for i in shown
        ]
        rows.append(["", "", fmt(s.loss, p), fmt(ce.loss, p) if ce is not None else "—"])
        fill_table(
            self.table,
            ["t_n", "y[n, t_n]", self.tr("SSE E_n"), self.tr("CEE E_n")],
            [str(i) for i in shown] + [self.tr("mean")],
            rows,
            bold=[len(rows) - 1],
        )
        if row in shown:
            self.table.selectRow(shown.index(row))
        self.limit_label.setText(_limit_note(len(shown), n, rows=True))
        if n == 1:
            self.intro_label.setText(
                self.tr(
                    "One sample: N = 1, so the mean is that row's loss. Type several rows in y "
                    "(one per line) and one label per row in t for a mini-batch."
                )
            )
        else:
            self.intro_label.setText(
                self.tr(
                    "E = (1/N) Σ_n E_n: the mean over the N = {0} rows, so the loss does not grow "
                    "with the batch size (§4.2.3). Click a row to work it out on the other pages."
                ).format(n)
            )
        cee_mean = fmt(ce.loss, p) if ce is not None else "—"
        self.means_label.setText(
            self.tr("Mean over N = {0}: SSE {1}, CEE {2}").format(n, fmt(s.loss, p), cee_mean)
        )
        self._show_slips(report, p)

    def _show_slips(self, report: LossReport, p: int) -> None:
        slips, ce = report.slips, report.cee
        if slips is None or ce is None:
            for label in self.slip_labels.values():
                label.setText("")
                label.hide()
            return
        for label in self.slip_labels.values():
            label.show()
        n = report.n_rows
        if slips.ndim == n:
            ndim_text = self.tr(
                "Dividing by y.ndim instead of the batch size N: here both are {0}, so the slip "
                "hides; with another batch size the loss would be wrong."
            ).format(n)
        else:
            ndim_text = self.tr(
                "Dividing by y.ndim (= {0}) instead of the batch size N = {1}: {2} instead of {3}."
            ).format(slips.ndim, n, fmt(slips.divided_by_ndim, p), fmt(ce.loss, p))
        self.slip_labels["ndim"].setText(ndim_text)
        if np.isinf(slips.without_delta):
            delta_text = self.tr(
                "Forgetting δ in log(y + δ): {0} instead of {1}, because a correct-class y is 0."
            ).format(fmt(slips.without_delta, p), fmt(ce.loss, p))
        else:
            delta_text = self.tr(
                "Forgetting δ in log(y + δ) changes little here ({0}), as no correct-class y is "
                "0; a single y = 0 would make the loss +∞."
            ).format(fmt(slips.without_delta, p))
        self.slip_labels["delta"].setText(delta_text)
        self.slip_labels["gradient"].setText(_gradient_slip(n))
        f = report.book_label_formula
        label = self.slip_labels["label"]
        if f is None:
            label.setText("")
            label.hide()
        elif f.fails:
            label.setText(
                self.tr(
                    "The label formula with this one-hot t: IndexError (shapes ({0},) and ({0}, {1}))."
                ).format(f.n_rows, f.n_classes)
            )
        else:
            label.setText(
                self.tr("The label formula with this one-hot t: {0} instead of {1}.").format(
                    fmt(f.value, p), fmt(f.correct, p)
                )
            )

    @Slot(int, int)
    def _on_cell_clicked(self, row: int, _column: int) -> None:
        if 0 <= row < len(self._shown):
            self.row_chosen.emit(self._shown[row])

    def clear(self) -> None:
        self.table.setRowCount(0)
        self.means_label.setText("")

    def retranslate_ui(self) -> None:
        self.slips_box.setTitle(self.tr("Common slips, with this input"))


__all__ = [
    "MAX_BARS",
    "MAX_TABLE_ROWS",
    "LossBatchPage",
    "LossCeePage",
    "LossGradientPage",
    "LossSsePage",
    "NegLogPlot",
    "fill_table",
    "shown_indices",
]
