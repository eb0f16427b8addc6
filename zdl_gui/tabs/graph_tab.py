"""The computational-graph viewer (§5.1–5.7): backpropagation stepped node by node.

The learner picks one of the book's graphs (the apple purchase, apples and oranges, the add and
multiply nodes, ReLU, Sigmoid expanded or folded, Affine, Softmax-with-Loss, a two-layer
network), edits its inputs and steps through the forward pass and then the backward pass. Forward
values sit above the arrows, derivatives below them in another colour; at each backward step a
panel states the chain rule with the numbers: upstream derivative × local derivative = the
derivative passed on. A gradient check puts the numerical derivatives next to backprop's, and
common-mistake toggles show a reused ``MulLayer``, a ReLU without ``.copy()`` and the three
slips of ``Affine.backward`` that the shapes give away.

Every number comes from :mod:`core.graph_trace` (which runs the layers of :mod:`core.layers`)
and the reveal order from :class:`core.graph_player.GraphPlayer`; the playback bar's timer only
calls its ``step()``. This module formats and translates; :mod:`zdl_gui.tabs.graph_scene` draws.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import qtawesome as qta
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Slot
from PySide6.QtGui import QFont, QFontDatabase, QIcon, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.graph_player import GraphPlayer
from core.graph_trace import (
    AFFINE_BUGS,
    BUILDERS,
    CHECK_TOLERANCE,
    AffineMistake,
    CheckRow,
    Graph,
    GraphInputError,
    NoCopyMistake,
    numerical_check,
)
from core.parsing import ParseError, format_number, parse_array
from zdl_gui.settings import Settings
from zdl_gui.tabs.base import StudyTab, Table, run_standalone
from zdl_gui.tabs.graph_scene import Colors, GraphScene, GraphView
from zdl_gui.tabs.graph_text import GraphText, value_text
from zdl_gui.theme import curve_color
from zdl_gui.widgets.inline_message import InlineMessage, Level
from zdl_gui.widgets.playback_bar import PlaybackBar, Speed
from zdl_gui.widgets.sizing import vertical_scroll

CONTEXT = "GraphTab"

#: The graphs in the chooser: (id of core.graph_trace.BUILDERS, shown name, book sections).
GRAPHS: tuple[tuple[str, str, str], ...] = (
    ("apple", QT_TRANSLATE_NOOP("GraphTab", "Buying apples"), "§5.1.1, §5.3.3, §5.4.1"),
    ("apple_orange", QT_TRANSLATE_NOOP("GraphTab", "Apples and oranges"), "§5.1.1, §5.4.2"),
    ("add", QT_TRANSLATE_NOOP("GraphTab", "Add node"), "§5.3.1"),
    ("mul", QT_TRANSLATE_NOOP("GraphTab", "Multiply node"), "§5.3.2"),
    ("relu", QT_TRANSLATE_NOOP("GraphTab", "ReLU layer"), "§5.5.1"),
    ("sigmoid", QT_TRANSLATE_NOOP("GraphTab", "Sigmoid layer"), "§5.5.2"),
    ("affine", QT_TRANSLATE_NOOP("GraphTab", "Affine layer"), "§5.6.1–5.6.2"),
    ("softmax_with_loss", QT_TRANSLATE_NOOP("GraphTab", "Softmax-with-Loss layer"), "§5.6.3"),
    ("two_layer", QT_TRANSLATE_NOOP("GraphTab", "Two-layer network"), "§5.7"),
)

SPEED = Speed(1, 10, 3, per_notch=0.5)  # half a step per second to five
MAX_NUMBERS = 10_000  # per field


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True)
class Field:
    """An input of a graph builder: a spin box (``decimals`` set) or a line edit for an array."""

    name: str
    label: str
    decimals: int | None = None
    minimum: float = -1e6
    maximum: float = 1e6


def _spin(
    name: str, label: str, decimals: int, minimum: float = -1e6, maximum: float = 1e6
) -> Field:
    return Field(name, label, decimals, minimum, maximum)


_PRICE = 1e7
_UPSTREAM = QT_TRANSLATE_NOOP("GraphTab", "Upstream derivative dout")

#: The inputs of each graph, named as the builder's parameters.
FIELDS: dict[str, tuple[Field, ...]] = {
    "apple": (
        _spin("price", QT_TRANSLATE_NOOP("GraphTab", "Price of one apple (yen)"), 2, 0, _PRICE),
        _spin("count", QT_TRANSLATE_NOOP("GraphTab", "Number of apples"), 0, 0, _PRICE),
        _spin("tax", QT_TRANSLATE_NOOP("GraphTab", "Consumption tax (factor)"), 3, 0, 100),
    ),
    "apple_orange": (
        _spin("apple", QT_TRANSLATE_NOOP("GraphTab", "Price of one apple (yen)"), 2, 0, _PRICE),
        _spin("apple_num", QT_TRANSLATE_NOOP("GraphTab", "Number of apples"), 0, 0, _PRICE),
        _spin("orange", QT_TRANSLATE_NOOP("GraphTab", "Price of one orange (yen)"), 2, 0, _PRICE),
        _spin("orange_num", QT_TRANSLATE_NOOP("GraphTab", "Number of oranges"), 0, 0, _PRICE),
        _spin("tax", QT_TRANSLATE_NOOP("GraphTab", "Consumption tax (factor)"), 3, 0, 100),
    ),
    "add": (_spin("x", "x", 3), _spin("y", "y", 3), _spin("dout", _UPSTREAM, 3)),
    "mul": (_spin("x", "x", 3), _spin("y", "y", 3), _spin("dout", _UPSTREAM, 3)),
    "relu": (
        Field("x", QT_TRANSLATE_NOOP("GraphTab", "x (a number, a vector or a table)")),
        Field(
            "dout",
            QT_TRANSLATE_NOOP("GraphTab", "Upstream derivative dout (a number or y's shape)"),
        ),
    ),
    "sigmoid": (
        Field("x", QT_TRANSLATE_NOOP("GraphTab", "x (a number, a vector or a table)")),
        Field(
            "dout",
            QT_TRANSLATE_NOOP("GraphTab", "Upstream derivative dout (a number or y's shape)"),
        ),
    ),
    "affine": (
        Field("X", QT_TRANSLATE_NOOP("GraphTab", "X: one row per sample (N × 2)")),
        Field("W", QT_TRANSLATE_NOOP("GraphTab", "W: weights (2 × 3)")),
        Field("b", QT_TRANSLATE_NOOP("GraphTab", "b: bias, one per column of W")),
        Field("dout", QT_TRANSLATE_NOOP("GraphTab", "Upstream derivative dY (Y's shape)")),
    ),
    "softmax_with_loss": (
        Field("a", QT_TRANSLATE_NOOP("GraphTab", "Scores a: one row of 3 classes per sample")),
        Field(
            "t", QT_TRANSLATE_NOOP("GraphTab", "Correct classes t: one label per row, or one-hot")
        ),
    ),
    "two_layer": (
        Field("x", QT_TRANSLATE_NOOP("GraphTab", "x: one row per sample (N × 2)")),
        Field("W1", QT_TRANSLATE_NOOP("GraphTab", "W1: first-layer weights (2 × 3)")),
        Field("b1", QT_TRANSLATE_NOOP("GraphTab", "b1: first-layer bias (3)")),
        Field("W2", QT_TRANSLATE_NOOP("GraphTab", "W2: second-layer weights (3 × 3)")),
        Field("b2", QT_TRANSLATE_NOOP("GraphTab", "b2: second-layer bias (3)")),
        Field("t", QT_TRANSLATE_NOOP("GraphTab", "Correct classes t: one label per row")),
    ),
}


def default_input(graph_id: str, name: str) -> Any:
    """The builder's default for input ``name``: the book's numbers live in core only."""
    return inspect.signature(BUILDERS[graph_id]).parameters[name].default


def array_text(value: Any) -> str:
    """A value as the learner would type it: ``[[1, 2], [3, -1]]`` or ``0``."""
    arr = np.asarray(value, dtype=float)
    if arr.ndim == 0:
        return format_number(float(arr))

    def nested(a: np.ndarray) -> str:
        if a.ndim == 1:
            return "[" + ", ".join(format_number(float(v)) for v in a) + "]"
        return "[" + ", ".join(nested(row) for row in a) + "]"

    return nested(arr)


class FieldEditor(QWidget):
    """One input: its label, a spin box or a line edit, and the message shown under it."""

    def __init__(self, field: Field, graph_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.graph_id = graph_id
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.message = InlineMessage()
        self.editor: QDoubleSpinBox | QLineEdit
        default = default_input(graph_id, field.name)
        if field.decimals is not None:
            spin = QDoubleSpinBox()
            spin.setDecimals(field.decimals)
            spin.setRange(field.minimum, field.maximum)
            spin.setSingleStep(1.0 if field.decimals == 0 else 10.0 ** -min(field.decimals, 1))
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.setValue(float(default))
            spin.setObjectName(f"{graph_id}_{field.name}")
            self.editor = spin
        else:
            edit = QLineEdit(array_text(default))
            edit.setObjectName(f"{graph_id}_{field.name}")
            self.editor = edit
        self.label.setBuddy(self.editor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 2)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        layout.addWidget(self.editor)
        layout.addWidget(self.message)

    def reset(self) -> None:
        """Back to the book's value."""
        default = default_input(self.graph_id, self.field.name)
        if isinstance(self.editor, QDoubleSpinBox):
            self.editor.setValue(float(default))
        else:
            self.editor.setText(array_text(default))

    def read(self) -> float | np.ndarray:
        """The number in the spin box, or the array typed (ParseError for text that is none)."""
        if isinstance(self.editor, QDoubleSpinBox):
            return self.editor.value()
        text = self.editor.text()
        arr = parse_array(text, max_ndim=2, max_size=MAX_NUMBERS)
        if arr.shape == (1,) and not any(c in text for c in "[(（［"):
            return float(arr[0])  # a plain number stays a number: "0", not [0]
        return arr

    def retranslate(self) -> None:
        self.label.setText(_tr(self.field.label))


class GraphTab(StudyTab):
    """Step through forward and backward passes of the book's computational graphs (§5.1–5.7)."""

    topic_id = "graph"

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(settings, parent)
        self._ready = False
        self.graph: Graph | None = None
        self.player: GraphPlayer | None = None
        self._shown_id: str | None = None
        self._last_good: dict[str, Graph] = {}
        self._problems: set[str] = set()
        self._problem_nodes: set[str] = set()
        self._errors: dict[str, str] = {}
        self._stale = False
        self._check_rows: tuple[CheckRow, ...] | None = None
        self._check_error = ""

        self.text = GraphText(self)

        self._build_inputs_panel()
        self._build_graph_panel()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.inputs_scroll)
        splitter.addWidget(self.graph_panel)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 750])
        outer = QVBoxLayout(self)
        outer.addWidget(splitter)

        self.graph_combo.currentIndexChanged.connect(self._on_graph_chosen)
        for editors in self.editors.values():
            for editor in editors.values():
                if isinstance(editor.editor, QDoubleSpinBox):
                    editor.editor.valueChanged.connect(self._on_input_changed)
                else:
                    editor.editor.textChanged.connect(self._on_input_changed)
        for check in (self.expanded_check, self.reuse_check, self.no_copy_check):
            check.toggled.connect(self._on_input_changed)
        self.affine_bug_combo.currentIndexChanged.connect(self._on_input_changed)

        self._ready = True
        self.finish_setup()
        self._on_graph_chosen()

    # --- building ------------------------------------------------------------------------------

    def _build_inputs_panel(self) -> None:
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 4, 0)

        self.graph_box = QGroupBox()
        graph_layout = QVBoxLayout(self.graph_box)
        self.graph_combo = QComboBox()
        for graph_id, name, _ in GRAPHS:
            self.graph_combo.addItem(name, graph_id)
        self.graph_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sections_label = QLabel()
        self.sections_label.setWordWrap(True)
        graph_layout.addWidget(self.graph_combo)
        graph_layout.addWidget(self.sections_label)
        column.addWidget(self.graph_box)

        self.inputs_box = QGroupBox()
        inputs_layout = QVBoxLayout(self.inputs_box)
        self.pages = QStackedWidget()
        self.page_index: dict[str, int] = {}
        self.editors: dict[str, dict[str, FieldEditor]] = {}
        self.reset_buttons: dict[str, QPushButton] = {}
        self.expanded_check = QCheckBox()
        self.expanded_check.setChecked(True)
        self.reuse_check = QCheckBox()
        self.reuse_message = InlineMessage()
        self.no_copy_check = QCheckBox()
        self.no_copy_message = InlineMessage()
        self.affine_bug_combo = QComboBox()
        for bug in (None, *AFFINE_BUGS):
            self.affine_bug_combo.addItem("", bug)
        self.affine_message = InlineMessage()
        page_extras: dict[str, tuple[QWidget, ...]] = {
            "apple": (self.reuse_check, self.reuse_message),
            "relu": (self.no_copy_check, self.no_copy_message),
            "affine": (self.affine_bug_combo, self.affine_message),
            "sigmoid": (self.expanded_check,),
        }
        for graph_id, _, _ in GRAPHS:
            page = QWidget()
            page_layout = QVBoxLayout(page)
            page_layout.setContentsMargins(0, 0, 0, 0)
            self.editors[graph_id] = {}
            for field in FIELDS[graph_id]:
                editor = FieldEditor(field, graph_id)
                self.editors[graph_id][field.name] = editor
                page_layout.addWidget(editor)
            for widget in page_extras.get(graph_id, ()):
                page_layout.addWidget(widget)
            reset = QPushButton()
            reset.clicked.connect(self._on_reset)
            self.reset_buttons[graph_id] = reset
            page_layout.addWidget(reset, 0, Qt.AlignmentFlag.AlignLeft)
            page_layout.addStretch(1)
            self.page_index[graph_id] = self.pages.addWidget(page)
        inputs_layout.addWidget(self.pages)
        column.addWidget(self.inputs_box)
        column.addStretch(1)

        self.inputs_scroll = vertical_scroll(panel)

    def _build_graph_panel(self) -> None:
        self.graph_panel = QWidget()
        layout = QVBoxLayout(self.graph_panel)
        layout.setContentsMargins(4, 0, 0, 0)

        self.stale_message = InlineMessage()
        layout.addWidget(self.stale_message)

        self.scene = GraphScene(self)
        self.view = GraphView(self.scene)
        self.view.setMinimumSize(320, 220)

        top = QHBoxLayout()
        self.legend_label = QLabel()
        self.legend_label.setWordWrap(True)
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)
        top.addWidget(self.legend_label, 1)
        self.fit_button = QPushButton()
        self.fit_button.clicked.connect(self._on_fit)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self._on_export)
        top.addWidget(self.fit_button)
        top.addWidget(self.export_button)

        self.playback = PlaybackBar(("rewind", "back", "play", "step", "end"), speed=SPEED)
        for signal, move in (
            (self.playback.tick, GraphPlayer.step),
            (self.playback.step_forward, GraphPlayer.step),
            (self.playback.step_back, GraphPlayer.back),
            (self.playback.rewind, GraphPlayer.restart),
            (self.playback.to_end, lambda player: player.seek(player.total)),
        ):
            signal.connect(functools.partial(self._move, move))

        # the step panel and the gradient check share the space under the graph
        self.bottom_tabs = QTabWidget()
        self.step_label = QLabel()
        self.step_label.setWordWrap(True)
        self.step_label.setTextFormat(Qt.TextFormat.RichText)
        self.step_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.step_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.position_label = QLabel()
        bold = QFont(self.position_label.font())
        bold.setBold(True)
        self.position_label.setFont(bold)
        step_page = QWidget()
        step_layout = QVBoxLayout(step_page)
        step_layout.setContentsMargins(6, 4, 6, 4)
        step_layout.addWidget(self.position_label)
        step_layout.addWidget(self.step_label, 1)
        step_scroll = QScrollArea()
        step_scroll.setWidget(step_page)
        step_scroll.setWidgetResizable(True)
        step_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.bottom_tabs.addTab(step_scroll, "")

        check_page = QWidget()
        check_layout = QVBoxLayout(check_page)
        check_row = QHBoxLayout()
        self.check_button = QPushButton()
        self.check_button.clicked.connect(self.run_check)
        self.check_note = QLabel()
        self.check_note.setWordWrap(True)
        check_row.addWidget(self.check_button)
        check_row.addWidget(self.check_note, 1)
        check_layout.addLayout(check_row)
        self.check_table = QTableWidget(0, 4)
        self.check_table.verticalHeader().hide()
        self.check_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.check_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.check_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        check_layout.addWidget(self.check_table, 1)
        self.check_verdict = InlineMessage()
        check_layout.addWidget(self.check_verdict)
        self.bottom_tabs.addTab(check_page, "")

        graph_splitter = QSplitter(Qt.Orientation.Vertical)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(top)
        upper_layout.addWidget(self.view, 1)
        upper_layout.addWidget(self.playback)
        graph_splitter.addWidget(upper)
        graph_splitter.addWidget(self.bottom_tabs)
        graph_splitter.setChildrenCollapsible(False)
        graph_splitter.setStretchFactor(0, 3)
        graph_splitter.setStretchFactor(1, 1)
        graph_splitter.setSizes([480, 200])
        layout.addWidget(graph_splitter, 1)
        self._apply_palette()

    # --- StudyTab ----------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every visible string; the graph's names and the step panel are redrawn too."""
        self.setWindowTitle(self.tr("Computational graphs and backpropagation"))
        self.graph_box.setTitle(self.tr("Computational graph (§5.1)"))
        for index, (_, name, _) in enumerate(GRAPHS):
            self.graph_combo.setItemText(index, _tr(name))
        self.graph_combo.setToolTip(self.tr("Choose which of the book's graphs to step through"))
        self.inputs_box.setTitle(self.tr("Inputs"))
        for editors in self.editors.values():
            for editor in editors.values():
                editor.retranslate()
                if isinstance(editor.editor, QLineEdit):
                    editor.editor.setToolTip(
                        self.tr(
                            "A number, a vector such as 1, -2, 3 or a table such as "
                            "[[1, 2], [3, 4]]; every value and derivative updates as you type."
                        )
                    )
                else:
                    editor.editor.setToolTip(self.tr("Every value and derivative updates at once."))
        for button in self.reset_buttons.values():
            button.setText(self.tr("Book's values"))
            button.setToolTip(self.tr("Put back the numbers of the book's example"))
        self.expanded_check.setText(self.tr("Expanded into elementary nodes"))
        self.expanded_check.setToolTip(
            self.tr(
                "Checked: the ×(−1), exp, +1 and / nodes, each with its local derivative. "
                "Unchecked: one node whose local derivative is y(1 − y)."
            )
        )
        self.reuse_check.setText(self.tr("Mistake: reuse one MulLayer"))
        self.reuse_check.setToolTip(
            self.tr("Use one MulLayer object for both multiplications and see what backward gives")
        )
        self.no_copy_check.setText(self.tr("Mistake: ReLU without x.copy()"))
        self.no_copy_check.setToolTip(
            self.tr("A ReLU whose forward writes out = x instead of out = x.copy()")
        )
        for index, text in enumerate(
            (
                self.tr("No mistake in backward"),
                self.tr("Mistake: dW = Wᵀ·dY (B25)"),
                self.tr("Mistake: dB = dY, not summed (B26)"),
                self.tr("Mistake: dX = dY·W, no transpose (B27)"),
            )
        ):
            self.affine_bug_combo.setItemText(index, text)
        self.affine_bug_combo.setToolTip(
            self.tr("A slip in Affine.backward: see what NumPy makes of it with these shapes")
        )
        self.legend_label.setText(self._legend_html())
        self.fit_button.setText(self.tr("Fit"))
        self.fit_button.setToolTip(
            self.tr("Show the whole graph. Zoom with the mouse wheel, move it by dragging.")
        )
        self.export_button.setText(self.tr("Export graph…"))
        self.export_button.setToolTip(self.tr("Save the graph as a PNG image or an SVG drawing"))
        self.playback.retranslate_ui()
        self.playback.rewind_button.setText(self.tr("Restart"))
        self.playback.rewind_button.setToolTip(
            self.tr("Back to the start: only the inputs are known")
        )
        self.playback.step_button.setToolTip(self.tr("Compute the next node"))
        self.playback.end_button.setText(self.tr("Show all"))
        self.playback.end_button.setToolTip(self.tr("Jump to the end: every value and derivative"))
        self.bottom_tabs.setTabText(0, self.tr("This step"))
        self.bottom_tabs.setTabText(1, self.tr("Gradient check (§5.7.3)"))
        self.check_button.setText(self.tr("Check with numerical derivatives"))
        self.check_note.setText(
            self.tr(
                "Nudges every input by ±h = 1e-4 and compares the change of the output with the "
                "derivative backprop found. When backprop is right they differ only by rounding "
                "(about 1e-7 or less); a bug makes the difference large."
            )
        )
        self.check_table.setHorizontalHeaderLabels(
            [
                self.tr("Input"),
                self.tr("Backprop"),
                self.tr("Numerical (central difference)"),
                self.tr("Largest |difference|"),
            ]
        )
        self._update_icons()
        if self._ready:
            self._show_sections()
            self._redraw(relayout=True)
            self._show_mistake()
            self._show_check()
            self._show_errors_again()

    def persistent_widgets(self) -> Mapping[str, QWidget]:
        widgets: dict[str, QWidget] = {
            "graph": self.graph_combo,
            "speed": self.playback.speed_slider,
            "sigmoid_expanded": self.expanded_check,
        }
        for graph_id, editors in self.editors.items():
            for name, editor in editors.items():
                if isinstance(editor.editor, QDoubleSpinBox):
                    widgets[f"{graph_id}_{name}"] = editor.editor
        return widgets

    def table_for_export(self) -> Table | None:
        """Every node's value and derivative (all of them, whatever the animation shows)."""
        graph = self.graph
        if graph is None:
            return None
        header = [self.tr("Node"), self.tr("Kind"), self.tr("Value"), self.tr("Derivative")]
        rows = [
            [
                node.id,
                node.kind,
                value_text(node.value, 10).replace("\n", " "),
                value_text(node.grad, 10).replace("\n", " "),
            ]
            for node in graph.nodes
        ]
        return header, rows

    def shutdown(self) -> None:
        self.playback.pause()
        super().shutdown()

    # --- state -------------------------------------------------------------------------------------

    def graph_id(self) -> str:
        data = self.graph_combo.currentData()
        return data if isinstance(data, str) else GRAPHS[0][0]

    def choose_graph(self, graph_id: str) -> None:
        self.graph_combo.setCurrentIndex(self.graph_combo.findData(graph_id))

    @property
    def is_stale(self) -> bool:
        """True while an input has an error and the last valid graph is shown instead."""
        return self._stale

    def _flags(self, graph_id: str) -> dict[str, object]:
        if graph_id == "apple":
            return {"reuse_mul_layer": self.reuse_check.isChecked()}
        if graph_id == "relu":
            return {"forget_copy": self.no_copy_check.isChecked()}
        if graph_id == "sigmoid":
            return {"expanded": self.expanded_check.isChecked()}
        if graph_id == "affine":
            return {"bug": self.affine_bug_combo.currentData()}
        return {}

    def _builder(self, graph_id: str) -> Callable[..., Graph]:
        return functools.partial(BUILDERS[graph_id], **self._flags(graph_id))

    # --- reacting to the inputs --------------------------------------------------------------------

    @Slot()
    def _on_graph_chosen(self) -> None:
        if not self._ready:
            return
        self.playback.pause()
        graph_id = self.graph_id()
        self.pages.setCurrentIndex(self.page_index[graph_id])
        self._show_sections()
        self._rebuild()
        self.view.fit_readable()

    @Slot()
    def _on_input_changed(self) -> None:
        if self._ready:
            self._rebuild()

    @Slot()
    def _on_reset(self) -> None:
        for editor in self.editors[self.graph_id()].values():
            editor.reset()

    def _read_inputs(self, graph_id: str) -> tuple[dict[str, Any], dict[str, str]]:
        values: dict[str, Any] = {}
        errors: dict[str, str] = {}
        for name, editor in self.editors[graph_id].items():
            try:
                values[name] = editor.read()
            except ParseError as err:
                errors[name] = self.text.parse_error_text(err, MAX_NUMBERS)
        return values, errors

    def _rebuild(self) -> None:
        """Trace the chosen graph with the inputs as they are; on bad input keep the last one."""
        graph_id = self.graph_id()
        for editor in self.editors[graph_id].values():
            editor.message.clear_message()
        values, errors = self._read_inputs(graph_id)
        problems = set(errors)
        graph = None
        if not errors:
            try:
                graph = self._builder(graph_id)(**values)
            except GraphInputError as err:
                field = err.input if err.input in self.editors[graph_id] else ""
                errors[field] = self.text.graph_error_text(err)
                problems = {err.input, *([err.node] if err.node else [])}
        if errors:
            self._problems = problems
            self._errors = errors
            self._set_stale(graph_id)
            return
        assert graph is not None
        self._errors = {}
        self._problems = set()
        self._set_graph(graph_id, graph)

    def _show_errors_again(self) -> None:
        """Re-translate the messages of a stale state (called after a language change)."""
        if self._stale:
            self._rebuild()

    def _set_stale(self, graph_id: str) -> None:
        self._stale = True
        for name, text in self._errors.items():
            editor = self.editors[graph_id].get(name)
            if editor is not None:
                editor.message.show_message(text)
            else:
                self.stale_message.show_message(text)
        last = self._last_good.get(graph_id)
        if last is not None and self._shown_id != graph_id:
            self._show_graph(graph_id, last, position=0)
        if last is None:  # nothing valid to show for this graph yet
            self.graph, self.player, self._shown_id = None, None, None
            self.scene.clear()
            self.scene.node_items, self.scene.edge_items = {}, {}
        note = self.tr(
            "The graph shows the last valid inputs, dimmed; fix the field marked in red to update it."
        )
        if "" in self._errors:
            note = self._errors[""] + "\n" + note
        self.stale_message.show_message(note, Level.WARNING)
        node_ids = {n.id for n in self.graph.nodes} if self.graph else set()
        problems = {p if p in node_ids else "out" for p in self._problems if p}
        self._problem_nodes = problems
        self._update_controls()
        self._refresh_view()

    def _set_graph(self, graph_id: str, graph: Graph) -> None:
        was = self.player
        same = self._shown_id == graph_id and was is not None
        if same and was.at_end:
            position = len(graph.forward_steps) + len(graph.backward_steps)
        elif same and was.total == len(graph.forward_steps) + len(graph.backward_steps):
            position = was.position
        else:
            position = 0
        self._stale = False
        self._problem_nodes = set(graph.non_finite())
        if self._problem_nodes:
            self.stale_message.show_message(
                self.tr(
                    "Some values became inf or nan (the outlined nodes): they are too large for "
                    "float64. exp(x), for example, overflows beyond x ≈ 709."
                ),
                Level.WARNING,
            )
        else:
            self.stale_message.clear_message()
        self._last_good[graph_id] = graph
        self._check_rows = None
        self._check_error = ""
        self._show_graph(graph_id, graph, position)
        if self.bottom_tabs.currentIndex() == 1:
            self.run_check()
        else:
            self._show_check()

    def _show_graph(self, graph_id: str, graph: Graph, position: int) -> None:
        self.graph = graph
        self.player = GraphPlayer(graph, position)
        self._shown_id = graph_id
        self._redraw(relayout=True)
        self._show_mistake()
        self._update_controls()

    # --- the animation -----------------------------------------------------------------------------

    def _move(self, move: Callable[[GraphPlayer], object]) -> None:
        """Move the player of a valid graph (one step, back, to the start or end) and show it."""
        if self.player is not None and not self._stale:
            move(self.player)
            self._refresh_view()

    def _update_controls(self) -> None:
        player = self.player
        usable = player is not None and not self._stale
        self.playback.set_position(
            at_start=player is None or player.at_start,
            at_end=player is None or player.at_end,
            usable=usable,
        )
        self.check_button.setEnabled(usable)
        self.export_button.setEnabled(self.graph is not None)

    def _update_icons(self) -> None:
        for button, name in (
            (self.fit_button, "mdi6.fit-to-screen-outline"),
            (self.export_button, "mdi6.export"),
        ):
            button.setIcon(self._icon(name))

    def _icon(self, name: str) -> QIcon:
        return qta.icon(name, color=self.palette().color(QPalette.ColorRole.ButtonText))

    # --- drawing -----------------------------------------------------------------------------------

    def _redraw(self, relayout: bool) -> None:
        graph = self.graph
        if graph is None:
            return
        if relayout:
            self.scene.set_graph(graph, self.text.node_texts(graph), self.text.edge_texts(graph))
            if self.view.auto_fit:
                self.view.fit(self.view._whole)
        self._refresh_view()

    def _refresh_view(self) -> None:
        """Reveal what the player says, highlight its node and describe its step."""
        player = self.player
        if player is None or self.graph is None:
            return
        current = None if self._stale else player.current_node
        self.scene.show_state(
            player.visible_values(), current, getattr(self, "_problem_nodes", ()), self._stale
        )
        if current is not None and current in self.scene.node_items:
            self.view.show_item(self.scene.node_items[current].frame)
        self.position_label.setText(self.text.position_text(player))
        self.step_label.setText(self.text.step_html(player))
        self._update_controls()

    def _legend_html(self) -> str:
        grad = curve_color(3, self.palette()).name()
        return self.tr(
            "Forward values above the arrows, left to right; <span style='color:{0}'><b>"
            "derivatives below, right to left</b></span>."
        ).format(grad)

    def _apply_palette(self) -> None:
        colors = Colors.from_palette(self.palette())
        self.scene.base_font = self.font()
        self.scene.set_colors(colors)
        self.text.grad_color = colors.grad.name()
        self.text.error_color = colors.problem.name()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and getattr(self, "_ready", False):
            self._apply_palette()
            self.legend_label.setText(self._legend_html())
            self._update_icons()
            self._refresh_view()
        super().changeEvent(event)

    def _show_sections(self) -> None:
        for graph_id, _, sections in GRAPHS:
            if graph_id == self.graph_id():
                self.sections_label.setText(self.tr("In the book: {0}").format(sections))

    # --- the common mistakes ----------------------------------------------------------------------

    def _show_mistake(self) -> None:
        graph = self._last_good.get("apple")
        if self.reuse_check.isChecked() and graph is not None and graph.mistake is not None:
            self.reuse_message.show_message(self.text.reuse_text(graph), Level.WARNING)
        else:
            self.reuse_message.clear_message()
        graph = self._last_good.get("relu")
        if (
            self.no_copy_check.isChecked()
            and graph is not None
            and isinstance(graph.mistake, NoCopyMistake)
        ):
            self.no_copy_message.show_message(self.text.no_copy_text(graph.mistake), Level.WARNING)
        else:
            self.no_copy_message.clear_message()
        graph = self._last_good.get("affine")
        if graph is not None and isinstance(graph.mistake, AffineMistake):
            self.affine_message.show_message(self.text.affine_text(graph.mistake), Level.WARNING)
        else:
            self.affine_message.clear_message()

    # --- the gradient check -----------------------------------------------------------------------

    @Slot()
    def run_check(self) -> None:
        """Numerical derivative of the output for every input, next to backprop's (§5.7.3)."""
        if self._stale or self.graph is None:
            return
        graph_id = self.graph_id()
        values, errors = self._read_inputs(graph_id)
        if errors:
            return
        try:
            self._check_rows = numerical_check(self._builder(graph_id), values)
            self._check_error = ""
        except GraphInputError as err:
            self._check_rows = None
            self._check_error = self.text.graph_error_text(err)
        self.bottom_tabs.setCurrentIndex(1)
        self._show_check()

    def _show_check(self) -> None:
        rows = self._check_rows or ()
        self.check_table.setRowCount(len(rows))
        graph = self.graph
        wrong = Colors.from_palette(self.palette()).problem
        for r, row in enumerate(rows):
            name = self.text.node_name(graph.node(row.input)) if graph is not None else row.input
            cells = (
                name,
                value_text(row.backprop),
                value_text(row.numerical),
                format_number(row.max_abs_error, 2),
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                if c in (1, 2):
                    item.setFont(self._mono_font())
                if not row.agrees:
                    item.setForeground(wrong)
                self.check_table.setItem(r, c, item)
        self.check_table.resizeRowsToContents()
        if self._check_error:
            self.check_verdict.show_message(self._check_error)
        elif not rows:
            self.check_verdict.clear_message()
        elif all(r.agrees for r in rows):
            self.check_verdict.show_message(
                self.tr(
                    "Backprop and the numerical derivative agree for every input (differences "
                    "below {0} of the value): the backward pass is right."
                ).format(format_number(CHECK_TOLERANCE)),
                Level.INFO,
            )
        else:
            wrong = ", ".join(
                self.text.node_name(graph.node(r.input)) if graph is not None else r.input
                for r in rows
                if not r.agrees
            )
            self.check_verdict.show_message(
                self.tr(
                    "Backprop disagrees with the numerical derivative for: {0}. The backward pass "
                    "has a bug (or an input sits exactly on a kink, such as ReLU at 0)."
                ).format(wrong),
                Level.WARNING,
            )

    @staticmethod
    def _mono_font() -> QFont:
        return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)

    # --- messages for bad input -------------------------------------------------------------------

    # --- view and export ---------------------------------------------------------------------------

    @Slot()
    def _on_fit(self) -> None:
        self.view.fit()

    @Slot()
    def _on_export(self) -> None:
        folder = self.settings.value("export/folder", str(Path.home()))
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export graph"),
            str(Path(folder) / f"graph_{self.graph_id()}.png"),
            self.tr("PNG image (*.png);;SVG drawing (*.svg)"),
        )
        if path:
            self.export_graph(Path(path))

    def export_graph(self, path: Path) -> bool:
        """Save the graph as it is shown (PNG or SVG by the suffix); False with a message on failure."""
        if path.suffix.lower() not in (".png", ".svg"):
            path = path.with_suffix(".png")
        try:
            self.scene.export(path)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Export graph"),
                self.tr("Could not save {0}: {1}").format(str(path), str(exc)),
            )
            return False
        self.settings.set_value("export/folder", str(path.parent))
        return True


if __name__ == "__main__":
    raise SystemExit(run_standalone(GraphTab))
