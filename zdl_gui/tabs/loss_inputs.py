"""The loss calculator's input panel (§4.2): y, t, how to read t, presets, digits and copying.

:class:`LossInputs` holds the fields and the messages shown next to them; it parses nothing
itself. :class:`LossMessages` words the codes of :class:`core.parsing.ParseError`,
:class:`core.loss_steps.LossInputError` and :class:`core.loss_steps.LossWarning` as translated
sentences.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QFontDatabase, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.loss_steps import (
    PRESETS,
    SUM_TOLERANCE,
    LossInputError,
    LossPreset,
    LossWarning,
    TargetDetection,
)
from core.parsing import DEFAULT_MAX_SIZE, ParseError, format_number
from zdl_gui.tabs.loss_export import STYLES, Style
from zdl_gui.widgets.inline_message import InlineMessage

#: Digits shown at first, and the range of the precision spin box.
DEFAULT_PRECISION = 4
PRECISION_RANGE = (2, 10)
#: At most this many rows are listed in a "rows do not sum to 1" message.
LISTED_ROWS = 4

#: The presets' names and tooltips, translated where shown.
PRESET_NAMES: dict[str, tuple[str, str]] = {
    "book_right": (
        QT_TRANSLATE_NOOP("LossInputs", "Digit “2”: right guess (one-hot t)"),
        QT_TRANSLATE_NOOP(
            "LossInputs",
            "§4.2.1: y puts 0.6 on class 2, t is one-hot at 2: E = 0.0975, CEE = 0.5108",
        ),
    ),
    "book_wrong": (
        QT_TRANSLATE_NOOP("LossInputs", "Digit “2”: wrong guess"),
        QT_TRANSLATE_NOOP(
            "LossInputs", "§4.2.1: y puts 0.6 on class 7, t is still 2: E = 0.5975, CEE = 2.3026"
        ),
    ),
    "book_label": (
        QT_TRANSLATE_NOOP("LossInputs", "Digit “2”: right guess, label t = 2"),
        QT_TRANSLATE_NOOP(
            "LossInputs", "§4.2.4: the same example with the class label 2: the same 0.5108"
        ),
    ),
    "delta": (
        QT_TRANSLATE_NOOP("LossInputs", "δ demonstration: y = 0 at the correct class"),
        QT_TRANSLATE_NOOP(
            "LossInputs", "§4.2.2: log(0) = −∞, but with δ = 1e-7 the loss is −log(1e-7) = 16.118"
        ),
    ),
    "batch": (
        QT_TRANSLATE_NOOP("LossInputs", "Batch: right and wrong guess, N = 2"),
        QT_TRANSLATE_NOOP(
            "LossInputs", "§4.2.4: both rows as one mini-batch; the loss is the mean over N"
        ),
    ),
    "onehot_as_labels": (
        QT_TRANSLATE_NOOP("LossInputs", "Slip: one-hot t read as labels"),
        QT_TRANSLATE_NOOP(
            "LossInputs", "The label formula fed a one-hot t gives 23.719 instead of 0.5108"
        ),
    ),
    "swl_large": (
        QT_TRANSLATE_NOOP("LossInputs", "Softmax-with-Loss: y = (0.3, 0.2, 0.5)"),
        QT_TRANSLATE_NOOP(
            "LossInputs", "§5.6.3: a poor guess, a large gradient y − t = (0.3, −0.8, 0.5)"
        ),
    ),
    "swl_small": (
        QT_TRANSLATE_NOOP("LossInputs", "Softmax-with-Loss: y = (0.01, 0.99, 0)"),
        QT_TRANSLATE_NOOP(
            "LossInputs", "§5.6.3: a good guess, a small gradient y − t = (0.01, −0.01, 0)"
        ),
    ),
    "raw_scores": (
        QT_TRANSLATE_NOOP("LossInputs", "Raw scores (0.3, 2.9, 4.0) → softmax"),
        QT_TRANSLATE_NOOP(
            "LossInputs", "§3.5.1 scores through softmax, then the cross-entropy error"
        ),
    ),
}

#: How t is read: combo item data → shown text.
TARGET_KINDS: dict[str, str] = {
    "auto": QT_TRANSLATE_NOOP("LossInputs", "detect automatically"),
    "onehot": QT_TRANSLATE_NOOP("LossInputs", "one-hot rows"),
    "label": QT_TRANSLATE_NOOP("LossInputs", "class labels"),
}


def _translate(text: str) -> str:
    return QCoreApplication.translate("LossInputs", text)


def preset_text(values: Sequence[object]) -> str:
    """A preset's y or t as a learner would type it: one row per line, commas between numbers."""
    rows = values if values and isinstance(values[0], (tuple, list)) else [values]
    return "\n".join(", ".join(format_number(v, 12) for v in row) for row in rows)


class LossInputs(QWidget):
    """y, t, the reading of t, raw scores, presets, significant digits and the copy menu."""

    preset_chosen = Signal(str)
    copy_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)

        # --- presets ---
        self.presets_box = QGroupBox()
        presets_layout = QVBoxLayout(self.presets_box)
        self.preset_combo = QComboBox()
        self.preset_combo.addItem("", "")
        for p in PRESETS:
            self.preset_combo.addItem("", p.id)
        self.preset_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.preset_combo.setMinimumContentsLength(16)
        presets_layout.addWidget(self.preset_combo)
        column.addWidget(self.presets_box)

        # --- y ---
        self.y_box = QGroupBox()
        y_layout = QVBoxLayout(self.y_box)
        self.y_edit = QPlainTextEdit()
        self.y_edit.setFont(mono)
        self.y_edit.setTabChangesFocus(True)
        self.y_edit.setMinimumHeight(_lines_height(self.y_edit, 3))
        self.y_edit.setMaximumHeight(_lines_height(self.y_edit, 6))
        self.y_hint = _caption()
        self.raw_check = QCheckBox()
        self.y_shape_label = _caption()
        self.y_message = InlineMessage()
        y_layout.addWidget(self.y_edit)
        y_layout.addWidget(self.y_hint)
        y_layout.addWidget(self.raw_check)
        y_layout.addWidget(self.y_shape_label)
        y_layout.addWidget(self.y_message)
        column.addWidget(self.y_box)

        # --- t ---
        self.t_box = QGroupBox()
        t_layout = QVBoxLayout(self.t_box)
        self.t_edit = QPlainTextEdit()
        self.t_edit.setFont(mono)
        self.t_edit.setTabChangesFocus(True)
        self.t_edit.setMinimumHeight(_lines_height(self.t_edit, 2))
        self.t_edit.setMaximumHeight(_lines_height(self.t_edit, 4))
        self.t_hint = _caption()
        kind_row = QHBoxLayout()
        self.kind_label = QLabel()
        self.kind_combo = QComboBox()
        for key in TARGET_KINDS:
            self.kind_combo.addItem("", key)
        self.kind_label.setBuddy(self.kind_combo)
        kind_row.addWidget(self.kind_label)
        kind_row.addWidget(self.kind_combo, 1)
        self.detected_label = QLabel()
        self.detected_label.setWordWrap(True)
        self.t_message = InlineMessage()
        t_layout.addWidget(self.t_edit)
        t_layout.addWidget(self.t_hint)
        t_layout.addLayout(kind_row)
        t_layout.addWidget(self.detected_label)
        t_layout.addWidget(self.t_message)
        column.addWidget(self.t_box)

        # --- display and copy ---
        self.display_box = QGroupBox()
        display_layout = QHBoxLayout(self.display_box)
        self.precision_label = QLabel()
        self.precision_spin = QSpinBox()
        self.precision_spin.setRange(*PRECISION_RANGE)
        self.precision_spin.setValue(DEFAULT_PRECISION)
        self.precision_label.setBuddy(self.precision_spin)
        self.copy_button = QPushButton()
        self.copy_menu = QMenu(self.copy_button)
        self.copy_actions: dict[Style, QAction] = {}
        for style in STYLES:
            action = self.copy_menu.addAction("")
            action.setData(style)
            self.copy_actions[style] = action
        self.copy_menu.triggered.connect(self._on_copy_triggered)
        self.copy_button.setMenu(self.copy_menu)
        display_layout.addWidget(self.precision_label)
        display_layout.addWidget(self.precision_spin)
        display_layout.addStretch(1)
        display_layout.addWidget(self.copy_button)
        column.addWidget(self.display_box)
        column.addStretch(1)

        self.preset_combo.activated.connect(self._on_preset_activated)
        self.y_edit.textChanged.connect(self._on_y_changed)

    # --- values ------------------------------------------------------------------------------------

    def y_text(self) -> str:
        return self.y_edit.toPlainText()

    def t_text(self) -> str:
        return self.t_edit.toPlainText()

    def t_kind(self) -> str:
        return str(self.kind_combo.currentData())

    def set_t_kind(self, kind: str) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def precision(self) -> int:
        return self.precision_spin.value()

    def load_preset(self, p: LossPreset) -> None:
        """Put a preset's y, t and settings into the fields."""
        self.y_edit.setPlainText(preset_text(p.y))
        self.t_edit.setPlainText(preset_text(p.t))
        self.set_t_kind(p.t_kind)
        self.raw_check.setChecked(p.raw_scores)

    @Slot()
    def _on_y_changed(self) -> None:
        """Wrap a single long vector, but keep a batch at one row per line (scroll sideways)."""
        mode = QPlainTextEdit.LineWrapMode
        wanted = mode.NoWrap if self.y_edit.blockCount() > 1 else mode.WidgetWidth
        if self.y_edit.lineWrapMode() != wanted:
            self.y_edit.setLineWrapMode(wanted)

    @Slot(int)
    def _on_preset_activated(self, index: int) -> None:
        preset_id = self.preset_combo.itemData(index)
        if preset_id:
            self.preset_chosen.emit(preset_id)

    @Slot(QAction)
    def _on_copy_triggered(self, action: QAction) -> None:
        self.copy_requested.emit(str(action.data()))

    # --- messages ----------------------------------------------------------------------------------

    def show_detection(self, detection: TargetDetection | None) -> None:
        """Say how t was read ("detected: one-hot" …), or that it could not be."""
        if detection is None:
            self.detected_label.setText(self.tr("Detected: — (fix the input first)"))
            return
        if detection.reason == "forced_onehot_shape":
            text = self.tr("Chosen: class labels — but t has the shape of y (one-hot)")
        elif detection.forced and detection.kind == "onehot":
            text = self.tr("Chosen: one-hot")
        elif detection.forced:
            text = self.tr("Chosen: class labels")
        elif detection.kind == "onehot":
            text = self.tr("Detected: one-hot (t has the shape of y)")
        else:
            text = self.tr("Detected: class labels (one per row of y)")
        self.detected_label.setText(text)

    def show_shape(self, n_rows: int | None, n_classes: int | None) -> None:
        if n_rows is None or n_classes is None:
            self.y_shape_label.setText("")
        elif n_rows == 1:
            self.y_shape_label.setText(self.tr("One sample, {0} classes").format(n_classes))
        else:
            self.y_shape_label.setText(
                self.tr("A batch of N = {0} rows, {1} classes each").format(n_rows, n_classes)
            )

    # --- language ----------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every visible string of the panel."""
        self.presets_box.setTitle(self.tr("Examples from the book"))
        self.preset_combo.setItemText(0, self.tr("Choose an example…"))
        for index in range(1, self.preset_combo.count()):
            name, tip = PRESET_NAMES[self.preset_combo.itemData(index)]
            self.preset_combo.setItemText(index, _translate(name))
            self.preset_combo.setItemData(index, _translate(tip), Qt.ItemDataRole.ToolTipRole)
        self.preset_combo.setToolTip(self.tr("Fills in y and t with one of the book's examples"))
        self.y_box.setTitle(self.tr("y — the network's output"))
        self.y_edit.setPlaceholderText(
            self.tr("for example 0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0")
        )
        self.y_hint.setText(
            self.tr(
                "Probabilities: a vector, or one row per line for a mini-batch. Commas, spaces, "
                "brackets and NumPy's printout all work."
            )
        )
        self.raw_check.setText(self.tr("y are raw scores — apply softmax first"))
        self.raw_check.setToolTip(
            self.tr("The Softmax-with-Loss layer (§5.6.3): y = softmax(a), then the losses")
        )
        self.t_box.setTitle(self.tr("t — the correct answer"))
        self.t_edit.setPlaceholderText(
            self.tr("a class label such as 2, or a one-hot row 0, 0, 1, 0, …")
        )
        self.t_hint.setText(
            self.tr(
                "One-hot rows (the shape of y) or one class label per row of y (2, or 2, 7, 0 for a batch)."
            )
        )
        self.kind_label.setText(self.tr("Read t as:"))
        for index in range(self.kind_combo.count()):
            self.kind_combo.setItemText(
                index, _translate(TARGET_KINDS[self.kind_combo.itemData(index)])
            )
        self.display_box.setTitle(self.tr("Display"))
        self.precision_label.setText(self.tr("Significant digits:"))
        self.copy_button.setText(self.tr("Copy calculation"))
        self.copy_button.setToolTip(self.tr("Copy the worked calculation of the shown row"))
        self.copy_actions["text"].setText(self.tr("As plain text"))
        self.copy_actions["markdown"].setText(self.tr("As Markdown"))
        self.copy_actions["latex"].setText(self.tr("As LaTeX"))


class LossMessages(QObject):
    """Translated sentences for the loss calculator's error and warning codes."""

    def parse_error(self, err: ParseError, field: str) -> str:
        """A sentence for text in the y or t field that is not numbers."""
        position = err.position
        token = str(err.detail.get("token", ""))
        line = err.detail.get("line", 1)
        reason = err.reason
        if reason == "empty":
            if field == "y":
                return self.tr("Type y, the network's output, for example 0.1, 0.05, 0.6, …")
            return self.tr("Type t: a class label such as 2, or a one-hot row such as 0, 0, 1.")
        if reason == "too_large":
            return self.tr("There are more than {0} numbers, the most this field takes.").format(
                err.detail.get("limit", DEFAULT_MAX_SIZE)
            )
        if position is None:
            return str(err)
        if reason == "not_a_number":
            if token == ",":
                return self.tr("A number is missing at position {0} (line {1}).").format(
                    position, line
                )
            return self.tr("'{0}' at position {1} (line {2}) is not a number.").format(
                token, position, line
            )
        if reason == "not_finite":
            return self.tr(
                "{0} at position {1} (line {2}): only finite numbers work here, no nan or inf."
            ).format(token, position, line)
        if reason == "summarised":
            return self.tr(
                "The '...' at position {0} comes from NumPy's shortened printout; type all the numbers."
            ).format(position)
        if reason == "unbalanced_brackets":
            return self.tr("The bracket '{0}' at position {1} (line {2}) has no partner.").format(
                token, position, line
            )
        if reason == "ragged":
            return self.tr(
                "Every row needs the same number of values; line {0} differs (position {1})."
            ).format(line, position)
        if reason == "too_deep":
            return self.tr(
                "Type a vector or a table (one row per line); the brackets at position {0} nest too deep."
            ).format(position)
        return str(err)

    def input_error(self, err: LossInputError) -> str:
        """A sentence for y and t that cannot give a loss."""
        d = err.data
        code = err.code
        if code == "empty":
            return self.tr("{0} is empty.").format(err.field)
        if code == "not_finite":
            return self.tr(
                "{0} holds {1} (row {2}, element {3}): only finite numbers work here."
            ).format(err.field, d["value"], d["row"], d["col"])
        if code == "too_many_dims":
            return self.tr("{0} has {1} dimensions: type a vector, or one row per line.").format(
                err.field, d["ndim"]
            )
        if code == "one_class":
            return self.tr(
                "y has a single column (shape {0}), so there is nothing to compare: put one "
                "sample's numbers on one line, at least two classes."
            ).format(_shape(d["shape"]))
        if code in ("shape_mismatch", "onehot_shape", "label_count"):
            return self._shape_error(code, d)
        if code == "label_not_integer":
            return self.tr(
                "Label {0} (number {1} of t) is not a whole number: a class label is an index "
                "0, 1, 2, …"
            ).format(format_number(d["value"], 6), d["index"])
        if code == "label_out_of_range":
            return self.tr(
                "Label {0} is out of range: y has {1} classes, so a label is 0 … {2} "
                "(NumPy counts from 0)."
            ).format(d["value"], d["n_classes"], d["n_classes"] - 1)
        if code == "onehot_not_binary":
            return self.tr(
                "Row {0} of the one-hot t holds {1} at element {2}: one-hot uses only 0 and 1."
            ).format(d["row"], format_number(d["value"], 6), d["col"])
        if code == "onehot_two_ones":
            cols = ", ".join(str(c) for c in d["cols"])
            return self.tr(
                "Row {0} of the one-hot t has a 1 at elements {1}: exactly one class is "
                "correct, so each row has exactly one 1."
            ).format(d["row"], cols)
        if code == "onehot_no_one":
            return self.tr(
                "Row {0} of the one-hot t is all zeros: put a 1 at the correct class."
            ).format(d["row"])
        return str(err)

    def _shape_error(self, code: str, d: dict) -> str:
        n, c, size = d["n_rows"], d["n_classes"], d["t_size"]
        if code == "onehot_shape":
            return self.tr(
                "A one-hot t needs the shape of y, {0} × {1} = {2} numbers, but t has {3}. "
                "Class labels? Choose “detect automatically” or “class labels”."
            ).format(n, c, n * c, size)
        if code == "label_count":
            return self.tr(
                "Class labels need one number per row of y ({0}), but t has {1}."
            ).format(n, size)
        return self.tr(
            "y and t do not fit: t has {0} numbers, but y has {1} row(s) of {2} classes. A "
            "one-hot t needs {3} numbers (the shape of y), class labels need {1} (one per row)."
        ).format(size, n, c, n * c)

    def warning(self, w: LossWarning, precision: int) -> str:
        """A sentence for something odd that still gives numbers."""
        d = w.data
        if w.code == "negative_y":
            row, col = d["first"]
            return self.tr(
                "y holds {0} negative value(s), e.g. {1} at row {2}, element {3}: not "
                "probabilities. The cross-entropy error needs log(y), so it is not computed. "
                "Raw scores? Tick “apply softmax first”."
            ).format(d["count"], format_number(d["value"], precision), row, col)
        if w.code == "y_above_one":
            row, col = d["first"]
            return self.tr(
                "y holds {0} value(s) above 1, e.g. {1} at row {2}, element {3}: a probability "
                "is at most 1. Raw scores? Tick “apply softmax first”."
            ).format(d["count"], format_number(d["value"], precision), row, col)
        if w.code == "rows_not_normalised":
            sums: np.ndarray = d["sums"]
            rows = d["rows"]
            listed = ", ".join(
                self.tr("row {0}: Σ = {1}").format(r, format_number(float(sums[r]), 8))
                for r in rows[:LISTED_ROWS]
            )
            if len(rows) > LISTED_ROWS:
                listed += ", …"
            return self.tr(
                "{0} row(s) of y do not sum to 1 ({1}). Softmax outputs always do (within {2}); "
                "the losses below are still computed."
            ).format(d["count"], listed, format_number(SUM_TOLERANCE, 2))
        if w.code == "overflow":
            return self.tr("y is so large ({0}) that (y − t)² overflows to inf.").format(
                format_number(d["max_abs"], 3)
            )
        if w.code == "softmax_of_probabilities":
            return self.tr(
                "y already looks like probabilities (each row sums to 1). Softmax turns them into "
                "other numbers; untick “raw scores” to use them as they are."
            )
        if w.code == "onehot_as_labels":
            f = d["formula"]
            if f.fails:
                return self.tr(
                    "t is one-hot, but “class labels” is chosen. The book's label formula "
                    "y[np.arange(N), t] would fail here (IndexError); the numbers below read t as "
                    "one-hot. See the cross-entropy page."
                )
            return self.tr(
                "t is one-hot, but “class labels” is chosen. The book's label formula would give "
                "{0} instead of {1}: see the cross-entropy page. The numbers below read t as one-hot."
            ).format(format_number(f.value, precision), format_number(f.correct, precision))
        return w.code


def _shape(shape: Sequence[int]) -> str:
    return "(" + ", ".join(str(s) for s in shape) + ("," if len(shape) == 1 else "") + ")"


def _caption() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def _lines_height(edit: QPlainTextEdit, lines: int) -> int:
    """The height of ``edit`` showing ``lines`` lines of its font."""
    margins = edit.contentsMargins()
    doc_margin = 2 * edit.document().documentMargin()
    return int(
        edit.fontMetrics().lineSpacing() * lines + doc_margin + margins.top() + margins.bottom() + 4
    )


__all__ = [
    "DEFAULT_PRECISION",
    "PRESET_NAMES",
    "TARGET_KINDS",
    "LossInputs",
    "LossMessages",
    "preset_text",
]
