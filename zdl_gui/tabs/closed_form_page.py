"""Why not solve ∇L = 0 directly? (§4.2.5, §4.4): one equation against 39 760 coupled ones.

Left, the argument in numbers from :func:`core.descent.closed_form_contrast`: the book's
f(x) = 0.01x² + 0.1x has f′(x) = 0 at x = −5, solved in one line; the 784-50-10 TwoLayerNet has
39 760 parameters, so ∇L = 0 is 39 760 coupled non-linear equations with no formula, and even a
solution could be a saddle point or a poorer local minimum. Right, the two pictures.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from core.derivative_steps import PRESETS_BY_ID as DERIVATIVE_PRESETS
from core.descent import (
    PRESETS_BY_ID,
    ClosedFormContrast,
    closed_form_contrast,
    contour_segments,
    gradient_grid,
)
from core.parsing import format_number
from zdl_gui.plotting import ThemedPlot
from zdl_gui.tabs.base import Table
from zdl_gui.tabs.gradient_common import level_colors
from zdl_gui.theme import curve_color
from zdl_gui.widgets.sizing import vertical_scroll

QUADRATIC_RANGE = (-25.0, 15.0)


def grouped(n: int) -> str:
    """39760 → ``39 760`` (a narrow space, as the book's numbers are read)."""
    return f"{n:,}".replace(",", "\u00a0")  # a no-break space: never split at the line end


class ClosedFormPage(QWidget):
    """§4.2.5: a closed form for one unknown; descent for the 39 760 of a TwoLayerNet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.contrast: ClosedFormContrast = closed_form_contrast()
        self.text_label = QLabel()
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.RichText)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = vertical_scroll(self.text_label)
        scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._text_scroll = scroll

        self.quadratic_plot = ThemedPlot()
        self.quadratic_plot.setMouseEnabled(x=False, y=False)
        self.quadratic_plot.plotItem.hideButtons()
        self.quadratic_curve = pg.PlotDataItem()
        self.quadratic_tangent = pg.PlotDataItem()
        self.quadratic_minimum = pg.PlotDataItem(symbol="o", symbolSize=10, pen=None)
        self.quadratic_label = pg.TextItem(anchor=(0.5, -0.4))
        for item in (
            self.quadratic_curve,
            self.quadratic_tangent,
            self.quadratic_minimum,
        ):
            self.quadratic_plot.addItem(item)
        self.quadratic_plot.addItem(self.quadratic_label, ignoreBounds=True)

        self.well_plot = ThemedPlot()
        self.well_plot.setAspectLocked(True)
        self.well_plot.setMouseEnabled(x=False, y=False)
        self.well_plot.plotItem.hideButtons()
        self.well_contours: list[pg.PlotDataItem] = []
        self.well_points = pg.PlotDataItem(symbol="o", symbolSize=10, pen=None)
        self.well_labels: list[pg.TextItem] = []
        self._build_curves()

        layout = QHBoxLayout(self)
        layout.addWidget(scroll, 1)
        plots = QVBoxLayout()
        plots.addWidget(self.quadratic_plot, 1)
        plots.addWidget(self.well_plot, 1)
        layout.addLayout(plots, 1)
        self._apply_colors()

    def _build_curves(self) -> None:
        c = self.contrast
        f = DERIVATIVE_PRESETS["function_1"].function()
        x = np.linspace(*QUADRATIC_RANGE, 201)
        self.quadratic_curve.setData(x, f(x))
        self.quadratic_tangent.setData([c.minimiser - 10, c.minimiser + 10], [c.minimum] * 2)
        self.quadratic_minimum.setData([c.minimiser], [c.minimum])
        self.quadratic_label.setPos(c.minimiser, c.minimum)
        self.quadratic_plot.setYRange(c.minimum - 0.9, float(f(x).max()) + 0.2, padding=0)

        well = PRESETS_BY_ID["double_well"]
        field = gradient_grid(well.function(), (-5.0, 5.0), (-3.0, 3.0), n=121, levels=14)
        for level in field.levels:
            item = pg.PlotDataItem(
                *contour_segments(field.xs, field.ys, field.z, float(level)), connect="pairs"
            )
            self.well_plot.addItem(item)
            self.well_contours.append(item)
        self.well_plot.addItem(self.well_points)
        self.well_points.setData([p.x0 for p in c.stationary], [p.x1 for p in c.stationary])
        for p in c.stationary:
            above = p.kind == "minimum"
            label = pg.TextItem(anchor=(0.5, 1.3) if above else (0.5, -0.3))
            label.setPos(p.x0, p.x1)
            self.well_plot.addItem(label, ignoreBounds=True)
            self.well_labels.append(label)

    def _apply_colors(self) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        self.quadratic_curve.setPen(pg.mkPen(text, width=2.5))
        exact = curve_color(2, palette)
        self.quadratic_tangent.setPen(pg.mkPen(exact, width=2))
        self.quadratic_minimum.setSymbolBrush(pg.mkBrush(exact))
        self.quadratic_minimum.setSymbolPen(pg.mkPen(text))
        self.quadratic_label.setColor(text)
        colors = level_colors(len(self.well_contours), palette)
        for item, color in zip(self.well_contours, colors, strict=True):
            item.setPen(pg.mkPen(color, width=1.3))
        self.well_points.setSymbolBrush(pg.mkBrush(curve_color(3, palette)))
        self.well_points.setSymbolPen(pg.mkPen(text))
        for label in self.well_labels:
            label.setColor(text)

    def export_table(self) -> Table:
        """The TwoLayerNet's parameters: name, shape, count."""
        rows: list[list[object]] = [
            [name, " × ".join(str(d) for d in shape), int(np.prod(shape))]
            for name, shape in self.contrast.param_shapes.items()
        ]
        rows.append(["total", "", self.contrast.param_count])
        return ["parameter", "shape", "count"], rows

    def retranslate_ui(self) -> None:
        c = self.contrast
        a, b, _ = c.quadratic
        rows = "".join(
            f"<tr><td>{html.escape(name)}</td>"
            f"<td align='right'>{' × '.join(str(d) for d in shape)}</td>"
            f"<td align='right'>{grouped(int(np.prod(shape)))}</td></tr>"
            for name, shape in c.param_shapes.items()
        )
        total = self.tr("total")
        head = "".join(
            f"<th align='{a}'>{html.escape(t)}</th>"
            for a, t in (
                ("left", self.tr("parameter")),
                ("right", self.tr("shape")),
                ("right", self.tr("count")),
            )
        )
        table = (
            "<table cellspacing='0' cellpadding='3'>"
            f"<tr>{head}</tr>{rows}<tr><td><b>{html.escape(total)}</b></td><td></td>"
            f"<td align='right'><b>{grouped(c.param_count)}</b></td></tr></table>"
        )
        kinds = {
            "minimum": self.tr("minimum"),
            "saddle": self.tr("saddle point"),
            "maximum": self.tr("maximum"),
        }
        sections = [
            (
                self.tr("One unknown: solve it"),
                self.tr(
                    "For the book's f(x) = {0}x² + {1}x the derivative is f′(x) = {2}x + {1}. "
                    "Setting f′(x) = 0 gives x = −{1} / {2} = {3} in one line, and f({3}) = {4} "
                    "is the minimum (f″ = {2} > 0)."
                ).format(
                    format_number(a),
                    format_number(b),
                    format_number(2 * a),
                    format_number(c.minimiser),
                    format_number(c.minimum),
                ),
            ),
            (
                self.tr("{0} unknowns: the TwoLayerNet {1}").format(
                    grouped(c.param_count), "-".join(str(n) for n in c.layer_sizes)
                ),
                self.tr(
                    "∇L = 0 for this network is {0} equations, one per parameter, and each "
                    "involves the weights of both layers through ReLU and softmax: coupled, "
                    "non-linear, with no formula for the solution."
                ).format(grouped(c.param_count)),
            ),
            (
                self.tr("A solution would not be enough"),
                self.tr(
                    "∇f = 0 also holds at saddle points and at poorer local minima. The double "
                    "well below has three such points; only one is the lowest."
                ),
            ),
            (
                self.tr("So we walk downhill: x ← x − η∇L"),
                self.tr(
                    "Each step needs only the gradient. Computed numerically it costs 2 × {0} = "
                    "{1} loss evaluations per step (§4.5); backpropagation (§5) gives it for the "
                    "price of about two. Newton's method would need the {0} × {0} matrix of "
                    "second derivatives: {2} numbers."
                ).format(
                    grouped(c.param_count),
                    grouped(c.loss_evaluations_per_step),
                    grouped(c.hessian_entries),
                ),
            ),
        ]
        body = ""
        for i, (title, text) in enumerate(sections):
            body += f"<h3>{html.escape(title)}</h3><p>{html.escape(text)}</p>"
            if i == 1:
                body += table
        self.text_label.setText(body)
        self.quadratic_plot.set_texts(
            title=self.tr("One unknown: f′(x) = 0 at x = {0}").format(format_number(c.minimiser)),
            left="f(x)",
            bottom="x",
        )
        self.quadratic_label.setText(self.tr("f′(x) = 0"))
        self.well_plot.set_texts(
            title=self.tr("Non-convex: three points with ∇f = 0"), left="x1", bottom="x0"
        )
        for label, point in zip(self.well_labels, c.stationary, strict=True):
            kind = kinds[point.kind]
            if point.kind == "minimum":
                kind = (
                    self.tr("global minimum")
                    if point.is_global_minimum
                    else self.tr("local minimum")
                )
            label.setText(kind)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_colors()
        super().changeEvent(event)
