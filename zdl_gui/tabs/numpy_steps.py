"""The "NumPy in action" page: the step function on arrays, as NumPy prints it (§3.2.3).

A learner types an array; the page shows ``x > 0`` becoming a bool array and ``.astype(int)``
turning it into 0s and 1s, each exactly as ``print()`` shows it, every activation's output, and
NumPy's own error for the ``if x > 0:`` version. The strings come from :mod:`core.activations`.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from core.activations import (
    ACTIVATIONS,
    PRINT_EDGEITEMS,
    PRINT_THRESHOLD,
    StepSteps,
    outputs_as_printed,
    step_function_steps,
)
from core.parsing import DEFAULT_MAX_SIZE, ParseError, format_number, parse_vector
from core.softmax_steps import FLOAT64_MAX
from zdl_gui.tabs.base import Table
from zdl_gui.theme import is_dark
from zdl_gui.widgets.inline_message import InlineMessage, Level
from zdl_gui.widgets.sizing import vertical_scroll

DEFAULT_INPUT = "-1.0, 1.0, 2.0"

#: The three steps of §3.2.3 as code; the code is shown as is, never translated.
STEP_CODE = ("x", "x > 0", "(x > 0).astype(int)")

IF_VERSION = """def step_function(x):
    if x > 0:
        return 1
    else:
        return 0

step_function(x)"""

_ERROR_COLORS = ("#b3261e", "#ff8a80")  # light, dark: the InlineMessage's error colours


class NumPyStepsPage(QWidget):
    """Type an array and watch the step function work element by element (§3.2.3)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._steps: StepSteps | None = None
        self._outputs: dict[str, str] = {}
        self._last_good_text = ""
        self._error: ParseError | None = None
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)

        # --- input ---
        self.input_box = QGroupBox()
        form = QFormLayout(self.input_box)
        self.input_label = QLabel()
        self.input_edit = QLineEdit(DEFAULT_INPUT)
        self.input_edit.setFont(mono)
        self.input_edit.setMaxLength(1_000_000)  # a pasted array of 10 000 numbers must fit
        self.input_edit.setClearButtonEnabled(True)
        form.addRow(self.input_label, self.input_edit)
        self.input_message = InlineMessage()
        form.addRow(self.input_message)
        self.stale_label = InlineMessage()
        form.addRow(self.stale_label)

        # --- x > 0 → bool → int ---
        self.output_panel = QWidget()
        self.steps_box = QGroupBox()
        steps_layout = QVBoxLayout(self.steps_box)
        self.source_label = _code_label(mono)
        steps_layout.addWidget(self.source_label)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.step_code_labels: list[QLabel] = []
        self.step_result_labels: list[QLabel] = []
        self.step_caption_labels: list[QLabel] = []
        for row, code in enumerate(STEP_CODE):
            code_label = _code_label(mono)
            code_label.setText(code)
            arrow = QLabel("→")
            result = _code_label(mono)
            caption = _caption_label()
            grid.addWidget(code_label, row, 0)
            grid.addWidget(arrow, row, 1)
            grid.addWidget(result, row, 2)
            grid.addWidget(caption, row, 3)
            self.step_code_labels.append(code_label)
            self.step_result_labels.append(result)
            self.step_caption_labels.append(caption)
        grid.setColumnStretch(3, 1)
        steps_layout.addLayout(grid)
        self.size_label = _caption_label()
        steps_layout.addWidget(self.size_label)

        # --- every activation as printed ---
        self.outputs_box = QGroupBox()
        outputs_grid = QGridLayout(self.outputs_box)
        outputs_grid.setHorizontalSpacing(12)
        self.output_labels: dict[str, QLabel] = {}
        self.output_code_labels: list[QLabel] = []
        for row, act in enumerate(ACTIVATIONS.values()):
            name = _code_label(mono)
            name.setText(f"{act.book_name}(x)")
            self.output_code_labels.append(name)
            value = _code_label(mono)
            outputs_grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            outputs_grid.addWidget(value, row, 1, Qt.AlignmentFlag.AlignTop)
            self.output_labels[act.id] = value
        outputs_grid.setColumnStretch(1, 1)
        self.outputs_note = _caption_label()
        outputs_grid.addWidget(self.outputs_note, len(ACTIVATIONS), 0, 1, 2)

        # --- the if version ---
        self.if_box = QGroupBox()
        if_layout = QVBoxLayout(self.if_box)
        self.if_code_label = _code_label(mono)
        self.if_code_label.setText(IF_VERSION)
        self.if_result_label = _code_label(mono)
        self.if_result_label.setWordWrap(True)
        self.if_result_label.setTextFormat(Qt.TextFormat.RichText)
        self.if_note = _caption_label()
        if_layout.addWidget(self.if_code_label)
        if_layout.addWidget(self.if_result_label)
        if_layout.addWidget(self.if_note)
        if_layout.addStretch(1)

        lower = QHBoxLayout()
        lower.addWidget(self.outputs_box, 3)
        lower.addWidget(self.if_box, 2)
        panel_layout = QVBoxLayout(self.output_panel)
        panel_layout.setContentsMargins(0, 0, 0, 0)
        panel_layout.addWidget(self.steps_box)
        panel_layout.addLayout(lower)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addWidget(self.input_box)
        content_layout.addWidget(self.output_panel)
        content_layout.addStretch(1)
        scroll = vertical_scroll(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        self.input_edit.textChanged.connect(self._on_text_changed)
        self._parse(self.input_edit.text())

    # --- state ---------------------------------------------------------------------------------

    @property
    def is_stale(self) -> bool:
        """True while the input has an error and the last valid result is shown instead."""
        return self._error is not None

    def persistent_widgets(self) -> dict[str, QWidget]:
        return {"numpy_input": self.input_edit}

    # --- updating ------------------------------------------------------------------------------

    @Slot(str)
    def _on_text_changed(self, text: str) -> None:
        self._parse(text)
        self._render()

    def _parse(self, text: str) -> None:
        """Read the array; keep the last valid result when the text is not one."""
        try:
            x = parse_vector(text, max_size=DEFAULT_MAX_SIZE)
        except ParseError as err:
            self._error = err
            return
        self._error = None
        self._last_good_text = text
        self._steps = step_function_steps(x)
        self._outputs = outputs_as_printed(x)

    def parse_error_message(self, err: ParseError) -> str:
        """A translated sentence for ``err``, built from its reason code and details."""
        position = err.position
        token = str(err.detail.get("token", ""))
        reason = err.reason
        if reason == "empty":
            return self.tr("Type at least one number, for example -1.0, 1.0, 2.0.")
        if reason == "too_large":
            limit = err.detail.get("limit", DEFAULT_MAX_SIZE)
            return self.tr("There are more than {0} numbers, the most this field takes.").format(
                limit
            )
        if position is None:
            return str(err)
        if reason == "not_a_number":
            if token == ",":
                return self.tr("A number is missing at position {0}.").format(position)
            return self.tr("'{0}' at position {1} is not a number.").format(token, position)
        if reason == "not_finite":
            return self.tr(
                "{0} at position {1}: only finite numbers are allowed here (no nan or inf, "
                "nothing beyond about {2})."
            ).format(token, position, format_number(FLOAT64_MAX, 2))
        if reason == "summarised":
            return self.tr(
                "The '...' at position {0} comes from NumPy's shortened printout; type all the "
                "numbers."
            ).format(position)
        if reason == "unbalanced_brackets":
            return self.tr("The bracket '{0}' at position {1} has no partner.").format(
                token, position
            )
        if reason in ("ragged", "not_a_vector", "too_deep"):
            return self.tr("Type a single row of numbers (a 1-D array); see position {0}.").format(
                position
            )
        return str(err)

    def _render(self) -> None:
        """Show the last valid result, greyed and labelled when the input has an error."""
        if self._error is not None:
            self.input_message.show_message(self.parse_error_message(self._error))
            self.stale_label.show_message(
                self.tr("Showing the result for the last valid input: {0}").format(
                    _shorten(self._last_good_text)
                ),
                Level.WARNING,
            )
        else:
            self.input_message.clear_message()
            self.stale_label.clear_message()
        self.output_panel.setEnabled(self._error is None)
        steps = self._steps
        if steps is None:
            return
        self.source_label.setText(f"x = {steps.x_source}")
        for label, text in zip(
            self.step_result_labels, (steps.x_str, steps.mask_str, steps.y_str), strict=True
        ):
            label.setText(text)
        if steps.summarized:
            self.size_label.setText(
                self.tr(
                    "x has {0} elements. NumPy prints only the first and last {1} of an array "
                    "with more than {2}, with ... between them, and so does this page."
                ).format(steps.size, PRINT_EDGEITEMS, PRINT_THRESHOLD)
            )
        else:
            self.size_label.setText(self.tr("x has {0} elements.").format(steps.size))
        for name, label in self.output_labels.items():
            label.setText(self._outputs.get(name, ""))
        self._render_if_version(steps)

    def _render_if_version(self, steps: StepSteps) -> None:
        if steps.if_error is not None:
            color = _ERROR_COLORS[1] if is_dark(self.palette()) else _ERROR_COLORS[0]
            self.if_result_label.setText(
                f"<span style='color:{color}'>ValueError: {html.escape(steps.if_error)}</span>"
            )
            self.if_note.setText(
                self.tr(
                    "x > 0 is a whole array of True and False, so Python cannot tell whether "
                    "the if holds. Compare element by element instead: (x > 0).astype(int)."
                )
            )
        else:
            self.if_result_label.setText(html.escape(f"→ {int(bool(steps.if_value))}"))
            self.if_note.setText(
                self.tr(
                    "With a single element the if works, but the same function fails as soon "
                    "as x holds two or more numbers. (x > 0).astype(int) works for any size."
                )
            )

    # --- export and language ---------------------------------------------------------------------

    def export_table(self) -> Table | None:
        """Each expression and what NumPy prints for it."""
        if self._steps is None:
            return None
        rows: list[list[object]] = [
            [code, text]
            for code, text in zip(
                STEP_CODE,
                (self._steps.x_str, self._steps.mask_str, self._steps.y_str),
                strict=True,
            )
        ]
        rows += [[f"{a.book_name}(x)", self._outputs[a.id]] for a in ACTIVATIONS.values()]
        return ["expression", "printed"], rows

    def retranslate_ui(self) -> None:
        """Set every visible string of the page."""
        self.input_box.setTitle(self.tr("Your array x"))
        self.input_label.setText(self.tr("Numbers (commas or spaces):"))
        self.input_edit.setPlaceholderText(self.tr("for example -1.0, 1.0, 2.0"))
        self.steps_box.setTitle(self.tr("The step function on an array, one NumPy step at a time"))
        captions = (
            self.tr("the array, as print(x) shows it"),
            self.tr("compares every element with 0: an array of bool"),
            self.tr("True becomes 1 and False 0: the step function's output"),
        )
        for label, caption in zip(self.step_caption_labels, captions, strict=True):
            label.setText(caption)
        self.outputs_box.setTitle(self.tr("Every activation function on x, as print() shows it"))
        self.outputs_note.setText(
            self.tr("With the book's settings: sigmoid gain a = 1, leaky ReLU slope α = 0.01.")
        )
        self.if_box.setTitle(self.tr("Why “if x > 0:” fails for an array"))
        self._render()


def _code_label(font: QFont) -> QLabel:
    label = QLabel()
    label.setFont(font)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def _caption_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def _shorten(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
