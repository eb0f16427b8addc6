"""The "3-layer network" page: X → A1 → Z1 → A2 → Z2 → A3 → Y with every matrix and shape (§3.4.3).

The learner steps through the book's forward pass with Previous / Next (or Play); each step shows
its formula, every array that goes in with its shape, the two dimensions np.dot needs equal
(highlighted in the shapes and drawn by :class:`~zdl_gui.tabs.shapes_drawing.DotDiagram`) and
the result as NumPy prints it. The batch toggle feeds 100 inputs at once: every shape gains the
leading 100 and nothing else changes (§3.6.3). The numbers come from
:func:`core.matrix_shapes.forward_steps`; the printouts from :func:`core.activations.array_str`.
"""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Slot
from PySide6.QtGui import QFontDatabase, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.activations import array_str
from core.matrix_shapes import (
    BOOK_X,
    BatchArgmax,
    ForwardStep,
    batch_argmax,
    book_batch,
    format_shape,
    forward_steps,
    init_network,
)
from zdl_gui.tabs.base import Table
from zdl_gui.tabs.shapes_drawing import DotDiagram
from zdl_gui.tabs.shapes_text import CHECK, match_color
from zdl_gui.widgets.playback_bar import PlaybackBar
from zdl_gui.widgets.sizing import fit_table_height

#: How many inputs the batch toggle feeds at once (the book's batch_size, §3.6.3).
BATCH_SIZE = 100
#: How many rows of a batch matrix are printed before "...".
SHOWN_ROWS = 3
#: Milliseconds between steps while playing.
PLAY_INTERVAL_MS = 1200
#: Operand slots on the page: up to three inputs and the result.
SLOTS = 4

COL_STEP, COL_COMPUTATION, COL_SHAPE = range(3)


def formula(step: ForwardStep) -> str:
    """The step's formula in the book's names: ``A1 = X·W1 + B1``, ``Z1 = sigmoid(A1)``."""
    names = [o.name for o in step.operands]
    if step.operation == "affine":
        return f"{step.name} = {names[0]}·{names[1]} + {names[2]}"
    if step.operation == "sigmoid":
        return f"{step.name} = sigmoid({names[0]})"
    if step.operation == "identity":
        return f"{step.name} = identity_function({names[0]})"
    return step.name


def computation_with_shapes(step: ForwardStep) -> str:
    """The formula's right side with every shape: ``X (2,) · W1 (2, 3) + B1 (3,)``."""
    parts = [f"{o.name} {format_shape(o.shape)}" for o in step.operands]
    if step.operation == "affine":
        return f"{parts[0]} · {parts[1]} + {parts[2]}"
    if step.operation == "sigmoid":
        return f"sigmoid({parts[0]})"
    if step.operation == "identity":
        return f"identity_function({parts[0]})"
    return f"{step.name} {format_shape(step.shape)}"


def printed(value: np.ndarray, rows: int = SHOWN_ROWS) -> str:
    """``value`` as NumPy prints it; a matrix with more than ``rows`` rows is cut with ``...``."""
    if value.ndim < 2 or value.shape[0] <= rows:
        return array_str(value)
    head = array_str(value[:rows])
    return head[:-1] + "\n ...]"


class MatrixView(QWidget):
    """One array on the page: its name and shape (the matching dimension highlighted) and values."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.values = QLabel()
        self.values.setFont(mono)
        self.values.setTextFormat(Qt.TextFormat.PlainText)
        self.values.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addWidget(self.values)
        layout.addWidget(self.caption)
        self.plain_header = ""

    def show_array(
        self,
        name: str,
        value: np.ndarray,
        *,
        highlight_axis: int | None = None,
        ok: bool = True,
        caption: str = "",
    ) -> None:
        """Show ``value`` called ``name``; the dimension ``highlight_axis`` coloured with ✓."""
        shape = tuple(value.shape)
        color = match_color(ok, self.palette()).name()
        cells = []
        for axis, dim in enumerate(shape):
            if axis == highlight_axis:
                cells.append(f"<b style='color:{color}'>{dim}</b>")
            else:
                cells.append(str(dim))
        inner = ", ".join(cells) + ("," if len(shape) == 1 else "")
        mark = f" <b style='color:{color}'>{CHECK}</b>" if highlight_axis is not None else ""
        self.header.setText(f"<b>{html.escape(name)}</b>&nbsp;&nbsp;({inner}){mark}")
        self.plain_header = f"{name}  {format_shape(shape)}"
        self.values.setText(printed(value))
        self.caption.setText(caption)
        self.caption.setVisible(bool(caption))


class NetworkStepsPage(QWidget):
    """The book's 3-layer network, one step at a time, single input or a batch (§3.4.3, §3.6.3)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        network = init_network()
        self._single = forward_steps(network, BOOK_X)
        self._batch = forward_steps(network, book_batch(BATCH_SIZE))
        self._argmax: BatchArgmax = batch_argmax(self._batch[-1].value)
        self._index = 0

        # --- the step bar ---
        self.playback = PlaybackBar(
            ("rewind", "back", "step", "play"), interval_ms=PLAY_INTERVAL_MS, icons=False
        )
        self.step_label = QLabel()
        self.playback.add_widget(self.step_label)
        self.batch_check = QCheckBox()
        bar = QHBoxLayout()
        bar.addWidget(self.playback)
        bar.addStretch(1)
        bar.addWidget(self.batch_check)

        # --- left: every step with its shapes, and the np.dot picture ---
        self.table = QTableWidget(len(self._single), 3)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_STEP, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_COMPUTATION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_SHAPE, QHeaderView.ResizeMode.ResizeToContents)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.table.setFont(mono)
        self.diagram = DotDiagram()
        self.diagram.setMinimumSize(300, 150)
        self.no_dot_label = QLabel()
        self.no_dot_label.setWordWrap(True)
        self.no_dot_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_dot_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        left = QVBoxLayout()
        self.diagram.setMaximumHeight(340)
        left.addWidget(self.table)
        left.addWidget(self.diagram, 1)
        left.addWidget(self.no_dot_label, 1)
        left.addStretch(0)

        # --- right: the current step ---
        self.formula_label = QLabel()
        big = self.formula_label.font()
        big.setPointSizeF(big.pointSizeF() * 1.5)
        big.setBold(True)
        self.formula_label.setFont(big)
        self.explain_label = QLabel()
        self.explain_label.setWordWrap(True)
        self.views = [MatrixView() for _ in range(SLOTS)]
        self.equals_label = QLabel("=")
        self.equals_label.setFont(big)
        self.row0_label = QLabel()
        self.row0_label.setWordWrap(True)
        self.argmax_label = QLabel()
        self.argmax_label.setWordWrap(True)
        self.argmax_label.setTextFormat(Qt.TextFormat.PlainText)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.formula_label)
        detail_layout.addWidget(self.explain_label)
        for view in self.views[:-1]:
            detail_layout.addWidget(view)
        detail_layout.addWidget(self.equals_label)
        detail_layout.addWidget(self.views[-1])
        detail_layout.addWidget(self.row0_label)
        detail_layout.addWidget(self.argmax_label)
        detail_layout.addStretch(1)
        self.detail_scroll = QScrollArea()
        self.detail_scroll.setWidget(detail)
        self.detail_scroll.setWidgetResizable(True)
        self.detail_scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        body = QHBoxLayout()
        body.addLayout(left, 5)
        body.addWidget(self.detail_scroll, 4)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(body, 1)

        self.playback.rewind.connect(self._on_reset)
        self.playback.step_back.connect(self._on_previous)
        self.playback.step_forward.connect(self._on_next)
        self.playback.tick.connect(self._on_next)
        self.batch_check.toggled.connect(self._on_batch_toggled)
        self.table.currentCellChanged.connect(self._on_row_chosen)

    # --- state -------------------------------------------------------------------------------------

    @property
    def steps(self) -> tuple[ForwardStep, ...]:
        """The steps shown: for X = [1.0, 0.5], or for the batch of 100 inputs."""
        return self._batch if self.batch_check.isChecked() else self._single

    @property
    def index(self) -> int:
        return self._index

    @property
    def current(self) -> ForwardStep:
        return self.steps[self._index]

    def persistent_widgets(self) -> dict[str, QWidget]:
        return {"network_batch": self.batch_check}

    def go_to(self, index: int) -> None:
        """Show step ``index`` (0 is X, 6 is Y)."""
        self._index = max(0, min(index, len(self.steps) - 1))
        self._render()

    # --- slots -----------------------------------------------------------------------------------------

    @Slot()
    def _on_reset(self) -> None:
        self.go_to(0)

    @Slot()
    def _on_previous(self) -> None:
        self.go_to(self._index - 1)

    @Slot()
    def _on_next(self) -> None:
        self.go_to(self._index + 1)

    @Slot(bool)
    def _on_batch_toggled(self, _checked: bool) -> None:
        self._render()

    @Slot(int, int, int, int)
    def _on_row_chosen(self, row: int, _column: int, _old_row: int, _old_column: int) -> None:
        if row >= 0 and row != self._index:
            self.go_to(row)

    def stop(self) -> None:
        """Stop playing (the tab is closing)."""
        self.playback.pause()

    # --- showing ----------------------------------------------------------------------------------------

    def _render(self) -> None:
        steps = self.steps
        step = steps[self._index]
        batch = self.batch_check.isChecked()
        self.step_label.setText(
            self.tr("Step {0} of {1}: {2}").format(self._index + 1, len(steps), formula(step))
        )
        self.playback.set_position(self._index == 0, self._index == len(steps) - 1)
        self._fill_table(steps)
        self.formula_label.setText(formula(step))
        self.explain_label.setText(self._explanation(step, batch))
        self._show_arrays(step, batch)
        if step.dot is not None:
            names = [o.name for o in step.operands]
            self.diagram.set_check(step.dot, (names[0], names[1], f"{names[0]}·{names[1]}"))
        self.diagram.setVisible(step.dot is not None)
        self.no_dot_label.setVisible(step.dot is None)
        if batch:
            self.row0_label.setText(
                self.tr(
                    "Row 0 of {0} is {1}: the same numbers as for the single input "
                    "X = [1.0, 0.5], which is row 0 of the batch."
                ).format(step.name, array_str(step.value[0]))
            )
        self.row0_label.setVisible(batch)
        self._show_argmax(step, batch)

    def _fill_table(self, steps: tuple[ForwardStep, ...]) -> None:
        with QSignalBlocker(self.table):
            for row, step in enumerate(steps):
                for col, text in (
                    (COL_STEP, step.name),
                    (COL_COMPUTATION, computation_with_shapes(step)),
                    (COL_SHAPE, format_shape(step.shape)),
                ):
                    item = self.table.item(row, col)
                    if item is None:
                        item = QTableWidgetItem()
                        self.table.setItem(row, col, item)
                    item.setText(text)
            self.table.setCurrentCell(self._index, COL_STEP)
            self.table.selectRow(self._index)
        fit_table_height(self.table)

    def _show_arrays(self, step: ForwardStep, batch: bool) -> None:
        arrays = [(o.name, o.value) for o in step.operands]
        for k, view in enumerate(self.views[:-1]):
            if k < len(arrays):
                name, value = arrays[k]
                axis = None
                if step.dot is not None and k < 2:
                    axis = step.dot.axis_a if k == 0 else step.dot.axis_b
                view.show_array(
                    name,
                    value,
                    highlight_axis=axis,
                    ok=step.dot.ok if step.dot is not None else True,
                    caption=self._rows_caption(value, batch),
                )
            view.setVisible(k < len(arrays))
        self.equals_label.setVisible(bool(arrays))
        self.views[-1].show_array(
            step.name, step.value, caption=self._rows_caption(step.value, batch)
        )

    def _rows_caption(self, value: np.ndarray, batch: bool) -> str:
        if batch and value.ndim == 2 and value.shape[0] > SHOWN_ROWS:
            return self.tr("… {0} rows (the first {1} shown)").format(value.shape[0], SHOWN_ROWS)
        return ""

    def _explanation(self, step: ForwardStep, batch: bool) -> str:
        shape = format_shape(step.shape)
        if step.operation == "input":
            if batch:
                return self.tr(
                    "The input: a batch of {0} inputs, one per row, so X has the shape {1}. "
                    "Row 0 is the book's X = [1.0, 0.5]; the others are made-up inputs."
                ).format(step.shape[0], shape)
            return self.tr(
                "The input: the book's X = [1.0, 0.5], a 1-D array of shape {0}."
            ).format(shape)
        if step.operation == "affine":
            x, w, b = step.operands
            text = self.tr(
                "Layer {0}: np.dot({1}, {2}) needs the last dimension of {1} to equal the first "
                "dimension of {2} ({3} = {4}); then the bias {5} {6} is added. Result: {7}."
            ).format(
                step.layer,
                x.name,
                w.name,
                step.dot.dim_a if step.dot else "",
                step.dot.dim_b if step.dot else "",
                b.name,
                format_shape(b.shape),
                shape,
            )
            if batch:
                text += " " + self.tr(
                    "{0} holds one number per neuron; NumPy adds it to each of the {1} rows "
                    "(broadcasting)."
                ).format(b.name, step.shape[0])
            return text
        if step.operation == "sigmoid":
            return self.tr(
                "The activation function h() = sigmoid works on each number by itself, so the "
                "shape stays {0}."
            ).format(shape)
        return self.tr(
            "The output layer's σ() is the identity function here: Y is A3 unchanged, shape {0}."
        ).format(shape)

    def _show_argmax(self, step: ForwardStep, batch: bool) -> None:
        show = batch and step.name == "Y"
        self.argmax_label.setVisible(show)
        if not show:
            return
        a = self._argmax
        first = array_str(a.per_row[:10])
        self.argmax_label.setText(
            self.tr(
                "np.argmax(Y, axis=1) → {0} …: one class per row ({1} answers).\n"
                "np.argmax(Y) → {2}: without axis=1 NumPy looks at all {3} numbers as one long "
                "row and returns a single position (row {4}, column {5}), not a class per input."
            ).format(first[:-1], a.per_row.size, a.flat_index, a.size, a.flat_row, a.flat_col)
        )

    # --- export and language --------------------------------------------------------------------------

    def export_table(self) -> Table:
        """Every number of the current step's arrays: name, shape, index, value."""
        step = self.current
        rows: list[list[object]] = []
        for name, value in [(o.name, o.value) for o in step.operands] + [(step.name, step.value)]:
            for index in np.ndindex(value.shape):
                rows.append([name, format_shape(value.shape), str(index), float(value[index])])
        return ["array", "shape", "index", "value"], rows

    def retranslate_ui(self) -> None:
        self.playback.retranslate_ui()
        self.playback.back_button.setText(self.tr("◀ Previous"))
        self.playback.step_button.setText(self.tr("Next ▶"))
        self.batch_check.setText(self.tr("Batch: {0} inputs at once").format(BATCH_SIZE))
        self.batch_check.setToolTip(
            self.tr(
                "Feed {0} inputs as the rows of X (§3.6.3): every shape gains a first dimension "
                "of {0}; W and B do not change."
            ).format(BATCH_SIZE)
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Step"), self.tr("Computation"), self.tr("Shape")]
        )
        self.no_dot_label.setText(
            self.tr("No np.dot in this step: nothing has to match, and the shape stays the same.")
        )
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._show_arrays(self.current, self.batch_check.isChecked())
        super().changeEvent(event)
