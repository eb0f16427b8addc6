"""The loss calculator (§4.2): type y and t, see 二乗和誤差 and 交差エントロピー誤差 worked step by step.

The learner types the network's output y and the targets t (one-hot rows or class labels) in
:class:`~zdl_gui.tabs.loss_inputs.LossInputs`; after a short pause the tab parses them with
:mod:`core.parsing`, asks :func:`core.loss_steps.interpret` for the worked steps and shows them on
the pages of :mod:`zdl_gui.tabs.loss_tables`. Bad input gets a message next to its field while the
last good result stays on screen, greyed and marked stale.
"""

from __future__ import annotations

from collections.abc import Mapping

import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.loss_steps import LossInputError, LossReport, interpret, preset
from core.parsing import ParseError, parse_array
from zdl_gui.settings import Settings
from zdl_gui.tabs.base import StudyTab, Table, run_standalone
from zdl_gui.tabs.loss_export import LossCalculationWriter, Style, fmt
from zdl_gui.tabs.loss_inputs import LossInputs, LossMessages, preset_text
from zdl_gui.tabs.loss_tables import LossBatchPage, LossCeePage, LossGradientPage, LossSsePage
from zdl_gui.widgets.inline_message import InlineMessage, Level
from zdl_gui.widgets.sizing import vertical_scroll

#: Milliseconds of quiet typing before the losses are recomputed.
DEBOUNCE_MS = 150
#: The most numbers the y and t fields take.
MAX_NUMBERS = 100_000

DEFAULT_PRESET = "book_right"


class LossTab(StudyTab):
    """Loss calculator (§4.2): the sum of squared errors and the cross-entropy error, worked."""

    topic_id = "loss"

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(settings, parent)
        self._report: LossReport | None = None
        self._errors: dict[str, str] = {}
        self._row = 0
        self._loading_preset = False
        self._dirty: set[QWidget] = set()  # result pages not yet showing the current report
        self._messages = LossMessages(self)
        self._writer = LossCalculationWriter(self)

        self.inputs = LossInputs()
        self._build_results()

        scroll = vertical_scroll(self.inputs)
        self._inputs_scroll = scroll
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(scroll)
        layout.addWidget(self.results, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.recompute)

        first = preset(DEFAULT_PRESET)
        self.inputs.y_edit.setPlainText(preset_text(first.y))
        self.inputs.t_edit.setPlainText(preset_text(first.t))
        self.recompute()

        self.inputs.y_edit.textChanged.connect(self._schedule)
        self.inputs.t_edit.textChanged.connect(self._schedule)
        self.inputs.kind_combo.currentIndexChanged.connect(self._schedule)
        self.inputs.raw_check.toggled.connect(self._schedule)
        self.inputs.precision_spin.valueChanged.connect(self._on_precision_changed)
        self.inputs.preset_chosen.connect(self.load_preset)
        self.inputs.copy_requested.connect(self.copy_calculation)
        self.row_spin.valueChanged.connect(self._on_row_changed)
        self.batch_page.row_chosen.connect(self.row_spin.setValue)
        self.pages.currentChanged.connect(self._on_page_changed)
        self.finish_setup()

    # --- building ------------------------------------------------------------------------------

    def _build_results(self) -> None:
        self.results = QWidget()
        column = QVBoxLayout(self.results)
        column.setContentsMargins(0, 0, 0, 0)
        self.stale_banner = InlineMessage()
        column.addWidget(self.stale_banner)

        self.summary = QFrame()
        self.summary.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self.summary)
        self.sse_title = QLabel()
        self.cee_title = QLabel()
        self.sse_value = _big_label()
        self.cee_value = _big_label()
        self.mean_caption = QLabel()
        self.mean_caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.mean_caption.setWordWrap(True)
        self.row_label = QLabel()
        self.row_spin = QSpinBox()
        self.row_spin.setRange(0, 0)
        self.row_label.setBuddy(self.row_spin)
        self.row_count_label = QLabel()
        grid.addWidget(self.sse_title, 0, 0)
        grid.addWidget(self.cee_title, 0, 1)
        grid.addWidget(self.sse_value, 1, 0)
        grid.addWidget(self.cee_value, 1, 1)
        grid.addWidget(self.mean_caption, 2, 0, 1, 2)
        row_box = QHBoxLayout()
        row_box.addWidget(self.row_label)
        row_box.addWidget(self.row_spin)
        row_box.addWidget(self.row_count_label)
        row_box.addStretch(1)
        grid.addLayout(row_box, 3, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        column.addWidget(self.summary)

        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.sse_page = LossSsePage()
        self.cee_page = LossCeePage()
        self.gradient_page = LossGradientPage()
        self.batch_page = LossBatchPage()
        for page in (self.sse_page, self.cee_page, self.gradient_page, self.batch_page):
            self.pages.addTab(page, "")
        column.addWidget(self.pages, 1)

    # --- state ---------------------------------------------------------------------------------

    @property
    def report(self) -> LossReport | None:
        """The result shown: of the current input, or of the last valid one when stale."""
        return self._report

    @property
    def is_stale(self) -> bool:
        """True while the input has an error and the last valid result is shown instead."""
        return bool(self._errors)

    @property
    def update_pending(self) -> bool:
        """True between an edit and the debounced recomputation."""
        return self._timer.isActive()

    @property
    def row(self) -> int:
        """The row of the batch whose calculation the pages show."""
        return self._row

    def persistent_widgets(self) -> Mapping[str, QWidget]:
        return {
            "y": self.inputs.y_edit,
            "t": self.inputs.t_edit,
            "t_kind": self.inputs.kind_combo,
            "raw_scores": self.inputs.raw_check,
            "precision": self.inputs.precision_spin,
            "page": self.pages,
        }

    # --- updating ------------------------------------------------------------------------------

    @Slot()
    def _schedule(self) -> None:
        """Recompute once the typing pauses (each edit restarts the timer)."""
        if not self._loading_preset:
            self.inputs.preset_combo.setCurrentIndex(0)  # the input is no longer the example
        self._timer.start()

    @Slot(str)
    def load_preset(self, preset_id: str) -> None:
        """Fill in one of the book's examples and show it at once."""
        self._loading_preset = True
        try:
            self.inputs.load_preset(preset(preset_id))
        finally:
            self._loading_preset = False
        self.recompute()

    @Slot()
    def recompute(self) -> None:
        """Parse y and t, work out both losses, and show them (or say what is wrong)."""
        self._timer.stop()
        y_text, t_text = self.inputs.y_text(), self.inputs.t_text()
        errors: dict[str, str] = {}
        y = t = None
        try:
            y = parse_array(y_text, max_ndim=2, max_size=MAX_NUMBERS)
        except ParseError as err:
            errors["y"] = self._messages.parse_error(err, "y")
        try:
            t = parse_array(t_text, max_ndim=2, max_size=MAX_NUMBERS)
        except ParseError as err:
            errors["t"] = self._messages.parse_error(err, "t")
        report = None
        if y is not None and t is not None:
            try:
                report = interpret(
                    y, t, self.inputs.t_kind(), raw_scores=self.inputs.raw_check.isChecked()
                )
            except LossInputError as err:
                errors[err.field] = self._messages.input_error(err)
        self._errors = errors
        if report is not None:
            self._report = report
            self._row = min(self._row, report.n_rows - 1)
        self._render()

    @Slot(int)
    def _on_precision_changed(self, _value: int) -> None:
        self._render()

    @Slot(int)
    def _on_row_changed(self, value: int) -> None:
        if self._report is not None and 0 <= value < self._report.n_rows and value != self._row:
            self._row = value
            self._render_pages()

    # --- showing -------------------------------------------------------------------------------

    def _render(self) -> None:
        self._render_messages()
        report = self._report
        stale = self.is_stale
        for widget in (
            self.summary,
            self.sse_page,
            self.cee_page,
            self.gradient_page,
            self.batch_page,
        ):
            widget.setEnabled(not stale)
        if stale and report is not None:
            self.stale_banner.show_message(
                self.tr(
                    "Stale — the input has an error, so this is the result of the last valid input."
                ),
                Level.WARNING,
            )
        else:
            self.stale_banner.clear_message()
        if report is None:
            self._clear_results()
            return
        self.inputs.show_shape(report.n_rows, report.n_classes)
        self.inputs.show_detection(None if stale else report.detection)
        self._render_summary(report)
        self._render_pages()

    def _render_messages(self) -> None:
        warnings: dict[str, list[str]] = {"y": [], "t": []}
        report = self._report
        if report is not None and not self.is_stale:
            precision = self.inputs.precision()
            for w in report.warnings:
                warnings[w.field].append(self._messages.warning(w, precision))
        for field, message in (("y", self.inputs.y_message), ("t", self.inputs.t_message)):
            if field in self._errors:
                message.show_message(self._errors[field], Level.ERROR)
            elif warnings[field]:
                message.show_message("\n\n".join(warnings[field]), Level.WARNING)
            else:
                message.clear_message()
        if self.is_stale:
            self.inputs.show_detection(None)

    def _render_summary(self, report: LossReport) -> None:
        p = self.inputs.precision()
        self.sse_value.setText(fmt(report.sse.loss, p))
        self.cee_value.setText(fmt(report.cee.loss, p) if report.cee is not None else "—")
        n = report.n_rows
        if n == 1:
            self.mean_caption.setText(self.tr("One sample (N = 1)."))
        else:
            self.mean_caption.setText(
                self.tr("Mean over the N = {0} rows of the batch, E = (1/N) Σ_n E_n.").format(n)
            )
        with_rows = n > 1
        for widget in (self.row_label, self.row_spin, self.row_count_label):
            widget.setVisible(with_rows)
        self.row_spin.blockSignals(True)
        self.row_spin.setRange(0, n - 1)
        self.row_spin.setValue(self._row)
        self.row_spin.blockSignals(False)
        self.row_count_label.setText(self.tr("(0 … {0})").format(n - 1))

    def _render_pages(self) -> None:
        """Show the current page now; the others when they are opened (a big batch stays fast)."""
        self._dirty = {self.sse_page, self.cee_page, self.gradient_page, self.batch_page}
        self._render_page(self.pages.currentWidget())

    def _render_page(self, page: QWidget) -> None:
        report = self._report
        if report is None or page not in self._dirty:
            return
        self._dirty.discard(page)
        p = self.inputs.precision()
        row = self._row
        if page is self.sse_page:
            self.sse_page.show_report(report, row, p)
        elif page is self.cee_page:
            self.cee_page.show_report(report, row, p, self._formula_explanation(report, p))
        elif page is self.gradient_page:
            self.gradient_page.show_report(report, row, p)
        elif page is self.batch_page:
            self.batch_page.show_report(report, row, p)

    @Slot(int)
    def _on_page_changed(self, _index: int) -> None:
        self._render_page(self.pages.currentWidget())

    def _formula_explanation(self, report: LossReport, p: int) -> str:
        """Why the book's label formula gives the wrong number for a one-hot t (or "")."""
        f = report.book_label_formula
        if f is None:
            return ""
        if f.fails:
            return self.tr(
                "The label formula −Σ log(y[np.arange(N), t] + δ) / N expects one class index per "
                "row. With a one-hot t of shape ({0}, {1}), NumPy cannot pair np.arange({0}) with "
                "t and raises IndexError. Choose “detect automatically” or type one label per row."
            ).format(f.n_rows, f.n_classes)
        picks = ", ".join(
            self.tr("y[{0}, {1}] = {2} (×{3})").format(r, k, fmt(v, p), count)
            for (r, k), v, count in zip(f.pairs, f.values, f.counts, strict=True)
        )
        return self.tr(
            "The label formula −Σ log(y[np.arange(N), t] + δ) / N expects one class index per "
            "row. Fed this one-hot t, NumPy reads every 0 and 1 of t as an index and picks {0}: "
            "it gives {1} instead of {2}. Choose “detect automatically” or “one-hot rows”, or type "
            "the label."
        ).format(picks, fmt(f.value, p), fmt(f.correct, p))

    def _clear_results(self) -> None:
        self.inputs.show_shape(None, None)
        self.sse_value.setText("—")
        self.cee_value.setText("—")
        self.mean_caption.setText("")
        for widget in (self.row_label, self.row_spin, self.row_count_label):
            widget.setVisible(False)
        self._dirty.clear()
        self.sse_page.clear()
        self.cee_page.clear()
        self.gradient_page.clear()
        self.batch_page.clear()

    # --- copy and export -------------------------------------------------------------------------

    def calculation_text(self, style: Style) -> str:
        """The worked calculation of the shown row as plain text, Markdown or LaTeX."""
        if self._report is None:
            return ""
        return self._writer.write(self._report, self._row, style, self.inputs.precision())

    @Slot(str)
    def copy_calculation(self, style: str) -> None:
        """Put the worked calculation on the clipboard."""
        text = self.calculation_text(style)  # type: ignore[arg-type]
        if text:
            QGuiApplication.clipboard().setText(text)

    def plot_for_export(self) -> pg.PlotItem | None:
        """The −log y curve with the current correct-class probability."""
        self._render_page(self.cee_page)
        return self.cee_page.plot.plotItem

    def table_for_export(self) -> Table | None:
        """Every element of every row: the worked steps of both losses and the gradients."""
        r = self._report
        if r is None:
            return None
        header = [
            "row",
            "k",
            "y_k",
            "t_k",
            "y_k - t_k",
            "(y_k - t_k)^2",
            "y_k + delta",
            "log(y_k + delta)",
            "t_k*log(y_k + delta)",
            "dE/dy_k SSE",
            "dE/dy_k CEE",
            "(y_k - t_k)/N",
        ]
        rows: list[list[object]] = []
        ce = r.cee
        for n in range(r.n_rows):
            for k in range(r.n_classes):
                cee_cells: list[object] = (
                    [float(ce.y_plus_delta[n, k]), float(ce.log_y[n, k]), float(ce.t_log_y[n, k])]
                    if ce is not None
                    else ["", "", ""]
                )
                rows.append(
                    [
                        n,
                        k,
                        float(r.y[n, k]),
                        float(r.t[n, k]),
                        float(r.sse.diff[n, k]),
                        float(r.sse.squared[n, k]),
                        *cee_cells,
                        float(r.grad_sse[n, k]),
                        float(r.grad_cee[n, k]) if r.grad_cee is not None else "",
                        float(r.softmax_with_loss_grad[n, k]),
                    ]
                )
        return header, rows

    # --- language and lifetime -------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every visible string."""
        self.setWindowTitle(self.tr("Loss calculator"))
        self.inputs.retranslate_ui()
        self.sse_title.setText(self.tr("Sum of squared errors E"))
        self.cee_title.setText(self.tr("Cross-entropy error E"))
        self.row_label.setText(self.tr("Row shown:"))
        self.pages.setTabText(0, self.tr("Sum of squared errors"))
        self.pages.setTabText(1, self.tr("Cross-entropy error"))
        self.pages.setTabText(2, self.tr("Gradient"))
        self.pages.setTabText(3, self.tr("Batch"))
        for page in (self.sse_page, self.cee_page, self.gradient_page, self.batch_page):
            page.retranslate_ui()
        if self._timer.isActive() or self._errors:
            self.recompute()  # restored input waiting for the timer, or messages to retranslate
        else:
            self._render()

    def shutdown(self) -> None:
        """Stop the pending update, then remember the inputs."""
        self._timer.stop()
        super().shutdown()


def _big_label() -> QLabel:
    label = QLabel("—")
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.9)
    font.setBold(True)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


if __name__ == "__main__":
    raise SystemExit(run_standalone(LossTab))
