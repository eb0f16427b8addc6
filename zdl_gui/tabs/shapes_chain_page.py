"""The "MNIST shape chain" page: X · W1 · W2 · W3 as dominoes, one image or a batch (§3.6.3).

The book's trained network takes 784 pixels through hidden layers of 50 and 100 neurons to 10
scores. Lined up as dominoes, the touching halves must show the same number; the learner can
change the weights' shapes to break the chain (NumPy's message says where) and switch between
one image, X (784,), and a batch, X (N, 784), to see that only the first dimension changes. The
shapes come from :func:`core.matrix_shapes.shape_chain`; no data is needed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QColor, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.matrix_shapes import (
    MNIST_INPUT,
    MNIST_LAYERS,
    ChainLink,
    Shape,
    format_shape,
    shape_chain,
)
from zdl_gui.tabs.base import Table
from zdl_gui.tabs.shapes_dot_page import ShapeField, set_text_color
from zdl_gui.tabs.shapes_drawing import A_COLOR, RESULT_COLOR, Domino, DominoChain
from zdl_gui.tabs.shapes_text import CHECK, CROSS
from zdl_gui.theme import is_dark
from zdl_gui.widgets.inline_message import InlineMessage, Level
from zdl_gui.widgets.sizing import fit_table_height, vertical_scroll

#: The batch size the page starts with (the book's batch_size = 100) and the largest it takes.
DEFAULT_BATCH = 100
MAX_BATCH = 100_000

COL_LAYER, COL_COMPUTATION, COL_MATCH, COL_RESULT, COL_THEN = range(5)
_ERROR_COLORS = ("#b3261e", "#ff8a80")  # light, dark: the InlineMessage's error colours


class ShapeChainPage(QWidget):
    """The MNIST network's shapes (§3.6.3): X · W1 · W2 · W3 → Y, one image or a batch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._links: tuple[ChainLink, ...] = ()
        self._x_shape: Shape = (MNIST_INPUT,)
        self._weights: list[tuple[str, Shape]] = list(MNIST_LAYERS)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)

        # --- the input ---
        self.input_box = QGroupBox()
        input_layout = QVBoxLayout(self.input_box)
        self.batch_check = QCheckBox()
        self.batch_check.setChecked(True)
        self.batch_spin = QSpinBox()
        self.batch_spin.setRange(1, MAX_BATCH)
        self.batch_spin.setValue(DEFAULT_BATCH)
        self.batch_spin.setAccelerated(True)
        batch_row = QHBoxLayout()
        batch_row.addWidget(self.batch_check)
        batch_row.addWidget(self.batch_spin)
        batch_row.addStretch(1)
        input_layout.addLayout(batch_row)
        self.x_label = QLabel()
        self.x_label.setFont(mono)
        input_layout.addWidget(self.x_label)

        # --- the weights ---
        self.weights_box = QGroupBox()
        weights_layout = QVBoxLayout(self.weights_box)
        self.weight_fields: list[ShapeField] = []
        for name, shape in MNIST_LAYERS:
            field = ShapeField(name, ", ".join(map(str, shape)), ndim=2)
            self.weight_fields.append(field)
            weights_layout.addWidget(field)
        self.book_button = QPushButton()
        weights_layout.addWidget(self.book_button, 0, Qt.AlignmentFlag.AlignLeft)

        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.input_box)
        column.addWidget(self.weights_box)
        column.addStretch(1)
        self._controls_scroll = vertical_scroll(panel)

        # --- the chain ---
        self.intro_label = QLabel()
        self.intro_label.setWordWrap(True)
        self.dominoes = DominoChain()
        self.stale_message = InlineMessage()
        self.error_label = QLabel()
        self.error_label.setFont(mono)
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for col in range(5):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if col == COL_COMPUTATION
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(col, mode)

        right = QVBoxLayout()
        right.addWidget(self.intro_label)
        right.addWidget(self.dominoes)
        right.addWidget(self.stale_message)
        right.addWidget(self.error_label)
        right.addWidget(self.table)
        right.addWidget(self.summary_label)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self._controls_scroll)
        layout.addLayout(right, 1)

        self.batch_check.toggled.connect(self._on_input_changed)
        self.batch_spin.valueChanged.connect(self._on_input_changed)
        for field in self.weight_fields:
            field.changed.connect(self._on_input_changed)
        self.book_button.clicked.connect(self._on_book_shapes)
        self._update()

    # --- state -------------------------------------------------------------------------------------

    @property
    def links(self) -> tuple[ChainLink, ...]:
        return self._links

    @property
    def is_stale(self) -> bool:
        return not all(field.is_valid for field in self.weight_fields)

    def persistent_widgets(self) -> dict[str, QWidget]:
        widgets: dict[str, QWidget] = {
            "chain_batch": self.batch_check,
            "chain_batch_size": self.batch_spin,
        }
        for field in self.weight_fields:
            widgets[f"chain_{field.name.lower()}"] = field.edit
        return widgets

    # --- updating --------------------------------------------------------------------------------------

    @Slot()
    def _on_input_changed(self) -> None:
        self._update()

    @Slot()
    def _on_book_shapes(self) -> None:
        for field, (_name, shape) in zip(self.weight_fields, MNIST_LAYERS, strict=True):
            field.set_text(", ".join(map(str, shape)))

    def _x_for(self, batch: bool) -> Shape:
        return (self.batch_spin.value(), MNIST_INPUT) if batch else (MNIST_INPUT,)

    def _update(self) -> None:
        """Follow the shapes; while a weight's shape is bad, keep the last good chain, greyed."""
        self.batch_spin.setEnabled(self.batch_check.isChecked())
        if not self.is_stale:
            self._x_shape = self._x_for(self.batch_check.isChecked())
            self._weights = [(f.name, f.shape) for f in self.weight_fields]
            self._links = shape_chain(self._x_shape, self._weights)
        self._render()

    def _render(self) -> None:
        links = self._links
        stale = self.is_stale
        self.x_label.setText(f"X {format_shape(self._x_for(self.batch_check.isChecked()))}")
        pieces = [Domino("X", self._x_shape, color=A_COLOR)]
        for name, shape in self._weights:
            bias = f"+ b{name[1:]} {format_shape((shape[-1],))}"
            pieces.append(Domino(name, shape, bias))
        last = links[-1]
        complete = len(links) == len(self._weights) and last.dot.ok
        result = (
            Domino("Y", last.dot.result_shape, color=RESULT_COLOR)
            if complete and last.dot.result_shape is not None
            else None
        )
        self.dominoes.set_chain(pieces, links, result, stale=stale)
        if stale:
            self.stale_message.show_message(
                self.tr("Showing the last valid shapes until every weight's shape is valid."),
                Level.WARNING,
            )
        else:
            self.stale_message.clear_message()
        failed = next((link for link in links if not link.dot.ok), None)
        if failed is not None:
            self.error_label.setText(
                self.tr("{0}·{1} fails:").format(failed.input_name, failed.weight_name)
                + f"\nValueError: {failed.dot.numpy_error}"
            )
        self.error_label.setVisible(failed is not None)
        self.error_label.setEnabled(not stale)
        self.table.setEnabled(not stale)
        self._apply_colors()
        self._fill_table()
        if complete and not stale:
            single = shape_chain(self._x_for(False), self._weights)[-1].dot.result_shape
            batch = self._x_for(True)
            batch_result = shape_chain(batch, self._weights)[-1].dot.result_shape
            self.summary_label.setText(
                self.tr(
                    "One image: X {0} → Y {1}. A batch of {2} images: X {3} → Y {4}. Only the "
                    "first dimension changes; W1, W2 and W3 stay as they are."
                ).format(
                    format_shape(self._x_for(False)),
                    format_shape(single or ()),
                    batch[0],
                    format_shape(batch),
                    format_shape(batch_result or ()),
                )
            )
        self.summary_label.setVisible(complete and not stale)

    def _fill_table(self) -> None:
        links = self._links
        self.table.setRowCount(len(self._weights))
        for row, (name, shape) in enumerate(self._weights):
            if row < len(links):
                link = links[row]
                dot = link.dot
                computation = (
                    f"{link.input_name} {format_shape(dot.shape_a)} · "
                    f"{name} {format_shape(dot.shape_b)}"
                )
                relation = (
                    f"{dot.dim_a} = {dot.dim_b} {CHECK}"
                    if dot.ok
                    else (f"{dot.dim_a} ≠ {dot.dim_b} {CROSS}")
                )
                if dot.result_shape is not None:
                    result = f"A{link.layer} {format_shape(dot.result_shape)}"
                    activation = "softmax" if row == len(self._weights) - 1 else "sigmoid"
                    out = "Y" if row == len(self._weights) - 1 else f"Z{link.layer}"
                    then = (
                        f"+ b{link.layer} {format_shape(link.bias_shape)}, "
                        f"{activation} → {out} {format_shape(dot.result_shape)}"
                    )
                else:
                    result, then = "—", ""
            else:
                computation = f"… · {name} {format_shape(shape)}"
                relation, result, then = self.tr("not checked"), "", ""
            for col, text in (
                (COL_LAYER, str(row + 1)),
                (COL_COMPUTATION, computation),
                (COL_MATCH, relation),
                (COL_RESULT, result),
                (COL_THEN, then),
            ):
                item = self.table.item(row, col)
                if item is None:
                    item = QTableWidgetItem()
                    self.table.setItem(row, col, item)
                item.setText(text)
        fit_table_height(self.table)

    def _apply_colors(self) -> None:
        color = _ERROR_COLORS[1] if is_dark(self.palette()) else _ERROR_COLORS[0]
        set_text_color(self.error_label, QColor(color))

    # --- export and language --------------------------------------------------------------------------

    def export_table(self) -> Table:
        """The chain as shown: one row per layer."""
        header = ["layer", "computation", "must match", "result", "then"]
        rows = [
            [
                self.table.item(r, c).text() if self.table.item(r, c) else ""
                for c in range(self.table.columnCount())
            ]
            for r in range(self.table.rowCount())
        ]
        return header, rows

    def retranslate_ui(self) -> None:
        self.input_box.setTitle(self.tr("The input X"))
        self.batch_check.setText(self.tr("Batch of"))
        self.batch_check.setToolTip(
            self.tr(
                "Untick for one image, X of shape (784,); tick for N images, X of shape (N, 784)."
            )
        )
        self.batch_spin.setSuffix(self.tr(" images"))
        self.weights_box.setTitle(self.tr("Weight shapes (rows, columns)"))
        for field in self.weight_fields:
            field.retranslate_ui()
        self.book_button.setText(self.tr("Use the book's shapes"))
        self.intro_label.setText(
            self.tr(
                "The book's MNIST network (§3.6.3): 784 pixels → 50 → 100 → 10 scores. Like "
                "dominoes, two touching halves must show the same number."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Layer"),
                self.tr("np.dot"),
                self.tr("Must match"),
                self.tr("Result"),
                self.tr("Then"),
            ]
        )
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_colors()
        super().changeEvent(event)
