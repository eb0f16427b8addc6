"""The "np.dot shapes" page: which dimensions must match, and NumPy's own message when not (§3.3).

The learner types two shapes (``2, 3``, ``2x3``, ``(2, 3)``) or steps their dimensions with spin
boxes, or picks one of the book's examples; the page draws A · B = C with the two dimensions
that must be equal highlighted and says, with the actual numbers, why np.dot works or not. Every
number and NumPy's message come from :func:`core.matrix_shapes.dot_check`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QSignalBlocker,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.matrix_shapes import (
    MAX_DIM,
    MAX_NDIM,
    DotCheck,
    Shape,
    ShapeError,
    dot_check,
    format_shape,
    parse_shape,
)
from zdl_gui.tabs.base import Table
from zdl_gui.tabs.shapes_drawing import DotDiagram
from zdl_gui.tabs.shapes_text import (
    comparison_text,
    cost_text,
    match_color,
    match_sentence,
    result_sentence,
    shape_error_text,
)
from zdl_gui.theme import is_dark
from zdl_gui.widgets.inline_message import InlineMessage, Level
from zdl_gui.widgets.sizing import vertical_scroll

_ERROR_COLORS = ("#b3261e", "#ff8a80")  # light, dark: the InlineMessage's error colours
MAX_TEXT = 200  # characters a shape field takes


def _tr(text: str) -> str:
    return QCoreApplication.translate("ShapesTab", text)


@dataclass(frozen=True)
class Preset:
    """One of the book's examples: the two shapes and what it shows."""

    id: str
    label: str
    a: str
    b: str
    note: str
    #: For a bug: the shapes of the right formula, checked and shown as {0} in the note.
    fix: tuple[Shape, Shape] | None = None


PRESETS: tuple[Preset, ...] = (
    Preset(
        "works",
        QT_TRANSLATE_NOOP("ShapesTab", "(2, 3)·(3, 2): works"),
        "2, 3",
        "3, 2",
        QT_TRANSLATE_NOOP(
            "ShapesTab", "§3.3.2: the book's first matrix product, a 2×3 matrix times a 3×2 one."
        ),
    ),
    Preset(
        "fails",
        QT_TRANSLATE_NOOP("ShapesTab", "(2, 3)·(2, 2): fails"),
        "2, 3",
        "2, 2",
        QT_TRANSLATE_NOOP(
            "ShapesTab", "§3.3.2: the book's example of shapes that do not fit; NumPy refuses."
        ),
    ),
    Preset(
        "vector",
        QT_TRANSLATE_NOOP("ShapesTab", "X (2,)·W (2, 3)"),
        "2",
        "2, 3",
        QT_TRANSLATE_NOOP(
            "ShapesTab",
            "§3.3.3: a layer of a neural network as np.dot(X, W): 2 inputs, 3 neurons.",
        ),
    ),
    Preset(
        "batch",
        QT_TRANSLATE_NOOP("ShapesTab", "X (100, 784)·W1 (784, 50)"),
        "100, 784",
        "784, 50",
        QT_TRANSLATE_NOOP(
            "ShapesTab",
            "§3.6.3: a batch of 100 MNIST images (784 pixels each) times the first layer's "
            "weights: one row of 50 numbers per image.",
        ),
    ),
    Preset(
        "bug_dw",
        QT_TRANSLATE_NOOP("ShapesTab", "Bug: dW = W.T·dout"),
        "3, 2",
        "4, 3",
        QT_TRANSLATE_NOOP(
            "ShapesTab",
            "§5.6.2, a common slip in the Affine layer: with X (4, 2), W (2, 3) and dout (4, 3), "
            "W.T·dout is (3, 2)·(4, 3) and fails. The right formula dW = X.T·dout: {0}, the "
            "shape of W.",
        ),
        fix=((2, 4), (4, 3)),
    ),
    Preset(
        "bug_dx",
        QT_TRANSLATE_NOOP("ShapesTab", "Bug: dx = dout·W"),
        "4, 3",
        "2, 3",
        QT_TRANSLATE_NOOP(
            "ShapesTab",
            "§5.6.2: the transpose forgotten. dout (4, 3)·W (2, 3) fails; the right formula "
            "dx = dout·W.T: {0}, the shape of X.",
        ),
        fix=((4, 3), (3, 2)),
    ),
)


class ShapeField(QWidget):
    """A shape typed as text, with a spin box per dimension kept in step, and its message."""

    changed = Signal()

    def __init__(
        self, name: str, text: str, *, ndim: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.name = name
        self.required_ndim = ndim  # None: any number of dimensions up to MAX_NDIM
        self.shape: Shape = parse_shape(text)  # the last valid shape
        self.error: ShapeError | None = None
        self.wrong_ndim = False  # the text is a shape, but not with ``ndim`` dimensions
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)

        self.name_label = QLabel(name)
        font = self.name_label.font()
        font.setBold(True)
        self.name_label.setFont(font)
        self.edit = QLineEdit(text)
        self.edit.setFont(mono)
        self.edit.setMaxLength(MAX_TEXT)
        self.edit.setClearButtonEnabled(True)
        self.name_label.setBuddy(self.edit)
        self.spins: list[QSpinBox] = []
        self.times: list[QLabel] = []
        spins_row = QHBoxLayout()
        spins_row.setContentsMargins(0, 0, 0, 0)
        for k in range(MAX_NDIM):
            if k:
                times = QLabel("×")
                _keep_room_when_hidden(times)
                self.times.append(times)
                spins_row.addWidget(times)
            spin = QSpinBox()
            spin.setRange(1, MAX_DIM)
            spin.setAccelerated(True)
            _keep_room_when_hidden(spin)
            self.spins.append(spin)
            spins_row.addWidget(spin)
        spins_row.addStretch(1)
        self.message = InlineMessage()

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.name_label, 0, 0)
        grid.addWidget(self.edit, 0, 1)
        grid.addLayout(spins_row, 1, 1)
        grid.addWidget(self.message, 2, 0, 1, 2)
        grid.setColumnStretch(1, 1)

        self._sync_spins()
        self.edit.textChanged.connect(self._on_text_changed)
        for spin in self.spins:
            spin.valueChanged.connect(self._on_spin_changed)

    @property
    def is_valid(self) -> bool:
        return self.error is None and not self.wrong_ndim

    def set_text(self, text: str) -> None:
        self.edit.setText(text)

    @Slot(str)
    def _on_text_changed(self, text: str) -> None:
        try:
            shape = parse_shape(text)
        except ShapeError as err:
            self.error = err
        else:
            self.error = None
            self.wrong_ndim = self.required_ndim is not None and len(shape) != self.required_ndim
            if not self.wrong_ndim:
                self.shape = shape
                self._sync_spins()
        self._show_message()
        self.changed.emit()

    @Slot(int)
    def _on_spin_changed(self, _value: int) -> None:
        dims = [str(spin.value()) for spin in self.spins[: len(self.shape)]]
        self.edit.setText(", ".join(dims))

    def _sync_spins(self) -> None:
        """Show one spin box per dimension of the last valid shape, holding its length."""
        n = len(self.shape)
        for k, spin in enumerate(self.spins):
            with QSignalBlocker(spin):
                if k < n:
                    spin.setValue(self.shape[k])
            spin.setVisible(k < n)
        for k, times in enumerate(self.times, start=1):
            times.setVisible(k < n)

    def _show_message(self) -> None:
        if self.error is not None:
            self.message.show_message(shape_error_text(self.error))
        elif self.wrong_ndim:
            self.message.show_message(
                self.tr(
                    "{0} must be a matrix here: two numbers, rows and columns, like 784, 50."
                ).format(self.name)
            )
        else:
            self.message.clear_message()

    def retranslate_ui(self) -> None:
        self.edit.setPlaceholderText(self.tr("for example 2, 3"))
        self.edit.setToolTip(
            self.tr(
                "A shape: 2, 3 or 2x3 or (2, 3) is 2 rows and 3 columns; 3 alone is a 1-D array "
                "of 3 numbers; up to {0} dimensions."
            ).format(MAX_NDIM)
        )
        for k, spin in enumerate(self.spins):
            spin.setToolTip(self.tr("Dimension {0} of {1}").format(k + 1, self.name))
        self._show_message()


class DotShapesPage(QWidget):
    """Shapes of A and B, whether np.dot(A, B) works, and why (§3.3.2)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check: DotCheck = dot_check((2, 3), (3, 2))
        self._preset: Preset | None = None
        self._applying_preset = False
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)

        # --- the inputs ---
        self.inputs_box = QGroupBox()
        inputs = QVBoxLayout(self.inputs_box)
        self.field_a = ShapeField("A", "2, 3")
        self.field_b = ShapeField("B", "3, 2")
        inputs.addWidget(self.field_a)
        inputs.addWidget(self.field_b)
        self.swap_button = QPushButton()
        inputs.addWidget(self.swap_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.input_hint = _caption_label()
        inputs.addWidget(self.input_hint)

        self.presets_box = QGroupBox()
        presets = QVBoxLayout(self.presets_box)
        self.preset_buttons: dict[str, QPushButton] = {}
        for preset in PRESETS:
            button = QPushButton()
            button.setProperty("preset", preset.id)
            button.clicked.connect(self._on_preset_clicked)
            self.preset_buttons[preset.id] = button
            presets.addWidget(button)
        self.preset_note = QLabel()  # a plain note: says what the chosen example shows
        self.preset_note.setWordWrap(True)
        self.preset_note.setTextFormat(Qt.TextFormat.PlainText)
        self.preset_note.hide()
        presets.addWidget(self.preset_note)

        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.inputs_box)
        column.addWidget(self.presets_box)
        column.addStretch(1)
        self._controls_scroll = vertical_scroll(panel)

        # --- the picture and what NumPy says ---
        self.diagram = DotDiagram()
        self.stale_message = InlineMessage()
        self.result_box = QGroupBox()
        result = QVBoxLayout(self.result_box)
        self.code_label = QLabel()
        self.code_label.setFont(mono)
        self.code_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label = QLabel()
        result_font = QFont(mono)
        result_font.setPointSizeF(mono.pointSizeF() * 1.15)
        result_font.setBold(True)
        self.result_label.setFont(result_font)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.comparison_label = QLabel()
        bold = self.comparison_label.font()
        bold.setBold(True)
        self.comparison_label.setFont(bold)
        self.comparison_label.setWordWrap(True)
        self.rule_label = QLabel()
        self.rule_label.setWordWrap(True)
        self.explain_label = QLabel()
        self.explain_label.setWordWrap(True)
        self.cost_label = _caption_label()
        for widget in (
            self.code_label,
            self.result_label,
            self.comparison_label,
            self.rule_label,
            self.explain_label,
            self.cost_label,
        ):
            result.addWidget(widget)

        right = QVBoxLayout()
        right.addWidget(self.diagram, 1)
        right.addWidget(self.stale_message)
        right.addWidget(self.result_box)
        layout = QHBoxLayout(self)
        layout.addWidget(self._controls_scroll)
        layout.addLayout(right, 1)

        self.field_a.changed.connect(self._on_shapes_changed)
        self.field_b.changed.connect(self._on_shapes_changed)
        self.swap_button.clicked.connect(self._on_swap)
        self._update()

    # --- state -----------------------------------------------------------------------------------

    @property
    def check(self) -> DotCheck:
        """The check shown: for the typed shapes, or the last valid ones while a field is bad."""
        return self._check

    @property
    def is_stale(self) -> bool:
        return not (self.field_a.is_valid and self.field_b.is_valid)

    def persistent_widgets(self) -> dict[str, QWidget]:
        return {"dot_a": self.field_a.edit, "dot_b": self.field_b.edit}

    def apply_preset(self, preset_id: str) -> None:
        """Put one of the book's examples into the two fields."""
        preset = next(p for p in PRESETS if p.id == preset_id)
        self._applying_preset = True
        try:
            self.field_a.set_text(preset.a)
            self.field_b.set_text(preset.b)
        finally:
            self._applying_preset = False
        self._preset = preset
        self._show_preset_note()

    # --- updating --------------------------------------------------------------------------------

    @Slot()
    def _on_preset_clicked(self) -> None:
        button = self.sender()
        if isinstance(button, QPushButton):
            self.apply_preset(str(button.property("preset")))

    @Slot()
    def _on_swap(self) -> None:
        a, b = self.field_a.edit.text(), self.field_b.edit.text()
        self.field_a.set_text(b)
        self.field_b.set_text(a)

    @Slot()
    def _on_shapes_changed(self) -> None:
        if not self._applying_preset and self._preset is not None:
            self._preset = None
            self._show_preset_note()
        self._update()

    def _update(self) -> None:
        """Check the typed shapes; while one is bad keep the last good picture, marked stale."""
        if not self.is_stale:
            self._check = dot_check(self.field_a.shape, self.field_b.shape)
        self._render()

    def _render(self) -> None:
        check = self._check
        stale = self.is_stale
        self.diagram.set_check(check, ("A", "B", "np.dot(A, B)"), stale=stale)
        if stale:
            self.stale_message.show_message(
                self.tr("Showing the last valid shapes: A {0}, B {1}.").format(
                    format_shape(check.shape_a), format_shape(check.shape_b)
                ),
                Level.WARNING,
            )
        else:
            self.stale_message.clear_message()
        self.result_box.setEnabled(not stale)
        self.code_label.setText(
            f"A = np.zeros({format_shape(check.shape_a)})\n"
            f"B = np.zeros({format_shape(check.shape_b)})\n"
            "np.dot(A, B).shape"
        )
        if check.ok:
            self.result_label.setText(f"→ {format_shape(check.result_shape or ())}")
        else:
            self.result_label.setText(f"ValueError: {check.numpy_error}")
        self._apply_colors()
        self.comparison_label.setText(comparison_text(check))
        self.rule_label.setText(match_sentence(check))
        self.explain_label.setText(result_sentence(check))
        self.cost_label.setText(cost_text(check))
        self.cost_label.setVisible(check.ok)

    def _apply_colors(self) -> None:
        palette = self.palette()
        error = QColor(_ERROR_COLORS[1] if is_dark(palette) else _ERROR_COLORS[0])
        text = palette.color(QPalette.ColorRole.WindowText)
        set_text_color(self.result_label, text if self._check.ok else error)
        set_text_color(self.comparison_label, match_color(self._check.ok, palette))

    def _show_preset_note(self) -> None:
        self.preset_note.setText(_preset_note(self._preset) if self._preset is not None else "")
        self.preset_note.setVisible(self._preset is not None)

    # --- export and language -------------------------------------------------------------------------

    def export_table(self) -> Table:
        """The two shapes, the dimensions that must match, and the result or NumPy's message."""
        c = self._check
        rows: list[list[object]] = [
            ["A", format_shape(c.shape_a), c.axis_a, c.dim_a],
            ["B", format_shape(c.shape_b), c.axis_b, c.dim_b],
            [
                "np.dot(A, B)",
                format_shape(c.result_shape) if c.result_shape is not None else "",
                "",
                c.numpy_error or "",
            ],
        ]
        return ["array", "shape", "matched axis", "matched length / error"], rows

    def retranslate_ui(self) -> None:
        self.inputs_box.setTitle(self.tr("Shapes of A and B"))
        self.swap_button.setText(self.tr("Swap A and B"))
        self.input_hint.setText(
            self.tr(
                "Type 2, 3 or 2x3 or (2, 3) for 2 rows and 3 columns, or 3 for a 1-D array. "
                "The arrows change one dimension at a time."
            )
        )
        self.field_a.retranslate_ui()
        self.field_b.retranslate_ui()
        self.presets_box.setTitle(self.tr("Examples from the book"))
        for preset in PRESETS:
            button = self.preset_buttons[preset.id]
            button.setText(_tr(preset.label))
            button.setToolTip(_preset_note(preset))
        self._show_preset_note()
        self.result_box.setTitle(self.tr("What NumPy says"))
        self.diagram.set_no_result_text(self.tr("no result"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_colors()
        super().changeEvent(event)


def _preset_note(preset: Preset) -> str:
    """The preset's translated note; a bug's note gets the right formula's shapes, checked."""
    note = _tr(preset.note)
    if preset.fix is None:
        return note
    check = dot_check(*preset.fix)
    product = (
        f"{format_shape(check.shape_a)}·{format_shape(check.shape_b)} → "
        f"{format_shape(check.result_shape or ())}"
    )
    return note.format(product)


def set_text_color(label: QLabel, color: QColor) -> None:
    """Colour ``label``'s text while it is enabled; disabled (stale) it greys out as usual."""
    palette = QPalette(label.palette())
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.WindowText, color)
    label.setPalette(palette)


def _keep_room_when_hidden(widget: QWidget) -> None:
    """A hidden spin box keeps its room, so the panel does not change width with the shape."""
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)


def _caption_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label
