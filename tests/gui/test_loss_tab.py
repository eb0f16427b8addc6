"""The loss calculator driven through its widgets: typing y and t, presets, errors, copy, persistence."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QPushButton

from core.loss_steps import PRESETS
from zdl_gui.tabs.loss_tab import LossTab
from zdl_gui.tabs.loss_tables import MAX_TABLE_ROWS

L1 = "0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0"
L2 = "0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0"
ONE_HOT_2 = "0, 0, 1, 0, 0, 0, 0, 0, 0, 0"
L1_SQUARES = ["0.01", "0.0025", "0.16", "0", "0.0025", "0.01", "0", "0.01", "0", "0"]


@pytest.fixture
def tab(show):
    widget = show(LossTab())
    yield widget
    widget.shutdown()


def type_into(qtbot, edit, text):
    """Clear a text field and type ``text`` key by key (a line break as Return), like a learner."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    for i, line in enumerate(text.split("\n")):
        if i:
            qtbot.keyClick(edit, Qt.Key.Key_Return)
        qtbot.keyClicks(edit, line)


def settle(qtbot, tab):
    """Wait for the debounced update."""
    qtbot.waitUntil(lambda: not tab.update_pending, timeout=3000)


def enter(qtbot, tab, y=None, t=None):
    """Type y and/or t and wait for the result."""
    if y is not None:
        type_into(qtbot, tab.inputs.y_edit, y)
    if t is not None:
        type_into(qtbot, tab.inputs.t_edit, t)
    settle(qtbot, tab)


def open_page(tab, page):
    """Open a result page, as the user clicks its tab (pages are filled when opened)."""
    tab.pages.setCurrentWidget(page)


def column(table, col):
    return [table.item(r, col).text() for r in range(table.rowCount())]


def row_headers(table):
    return [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]


def choose(qtbot, combo, data):
    """Pick the item with ``data`` with the arrow keys, as a user can (this sends ``activated``)."""
    combo.setFocus()
    target = combo.findData(data)
    assert target >= 0, data
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)


# --- the book's 「2」 example -------------------------------------------------------------------


def test_the_books_example_is_worked_like_a_hand_calculation(tab):
    assert tab.sse_value.text() == "0.0975"
    assert tab.cee_value.text() == "0.5108"
    sse = tab.sse_page
    assert column(sse.table, 3) == [*L1_SQUARES, "0.195"]
    assert column(sse.table, 2)[2] == "-0.4"
    assert row_headers(sse.table) == [*map(str, range(10)), "Σ"]
    assert sse.sum_label.text() == "Σ (y_k − t_k)² = 0.195"
    assert sse.result_label.text() == "E = ½ × 0.195 = 0.0975"
    values = {key: label.text() for key, label in sse.variant_values.items()}
    assert values == {"half": "0.0975", "sum": "0.195", "mean": "0.0195"}
    assert sse.variant_names["sum"].text() == "sum of squares (no ½)"
    assert sse.variant_names["mean"].text() == "mean squared error (÷ C)"
    assert tab.inputs.detected_label.text() == "Detected: one-hot (t has the shape of y)"
    assert not tab.is_stale and not tab.stale_banner.isVisible()


def test_more_digits_show_0_510825(tab, qtbot):
    tab.inputs.precision_spin.setFocus()
    tab.inputs.precision_spin.lineEdit().selectAll()
    qtbot.keyClicks(tab.inputs.precision_spin.lineEdit(), "6")
    assert tab.cee_value.text() == "0.510825"
    open_page(tab, tab.cee_page)
    assert tab.cee_page.onehot_value.text() == "0.510825"
    assert tab.cee_page.label_value.text() == "0.510825"
    assert tab.sse_value.text() == "0.0975"


def test_cross_entropy_greys_the_terms_with_t_zero(tab):
    open_page(tab, tab.cee_page)
    page = tab.cee_page
    table = page.table
    grey = table.palette().color(QPalette.ColorRole.PlaceholderText)
    for r in range(10):
        color = table.item(r, 4).foreground().color()
        assert (color == grey) == (r != 2), r
        assert (table.verticalHeaderItem(r).foreground().color() == grey) == (r != 2)
    assert table.item(2, 4).font().bold()
    assert column(table, 4) == ["0"] * 2 + ["-0.5108"] + ["0"] * 7 + ["-0.5108"]
    assert column(table, 2)[3] == "1e-07"  # y_3 + δ with y_3 = 0
    assert column(table, 3)[3] == "-16.12"
    assert page.result_label.text() == "E = −(-0.5108) = 0.5108"
    assert page.label_picks.text() == "t_0 = 2 → y[0, 2] = 0.6"
    assert page.onehot_value.text() == page.label_value.text() == "0.5108"
    assert "only k = 2 survives" in page.survivor_label.text()


def test_wrong_guess_typed_in(tab, qtbot):
    enter(qtbot, tab, y=L2)
    assert tab.sse_value.text() == "0.5975"
    assert tab.cee_value.text() == "2.303"
    open_page(tab, tab.cee_page)
    assert tab.cee_page.label_picks.text() == "t_0 = 2 → y[0, 2] = 0.1"


def test_updates_wait_for_a_pause_in_typing(tab, qtbot):
    type_into(qtbot, tab.inputs.y_edit, L2)
    assert tab.update_pending  # debounced: nothing recomputed per keystroke
    assert tab.sse_value.text() == "0.0975"
    settle(qtbot, tab)
    assert tab.sse_value.text() == "0.5975"


def test_numpy_printout_and_brackets_are_accepted(tab, qtbot):
    enter(qtbot, tab, y="[0.1  0.05 0.6  0.   0.05 0.1  0.   0.1  0.   0.  ]", t="[2]")
    assert tab.sse_value.text() == "0.0975"
    assert tab.cee_value.text() == "0.5108"


# --- how t is read ----------------------------------------------------------------------------


def test_detection_follows_what_t_looks_like(tab, qtbot):
    enter(qtbot, tab, t="2")
    assert tab.inputs.detected_label.text() == "Detected: class labels (one per row of y)"
    assert tab.cee_value.text() == "0.5108"
    enter(qtbot, tab, t=ONE_HOT_2)
    assert tab.inputs.detected_label.text() == "Detected: one-hot (t has the shape of y)"
    assert tab.cee_value.text() == "0.5108"


def test_forcing_one_hot_on_a_label_is_an_error_next_to_t(tab, qtbot):
    enter(qtbot, tab, t="2")
    choose(qtbot, tab.inputs.kind_combo, "onehot")
    settle(qtbot, tab)
    message = tab.inputs.t_message
    assert message.isVisible()
    assert "A one-hot t needs the shape of y, 1 × 10 = 10 numbers, but t has 1" in message.message
    assert tab.is_stale and tab.stale_banner.isVisible()
    choose(qtbot, tab.inputs.kind_combo, "label")
    settle(qtbot, tab)
    assert not tab.is_stale
    assert tab.inputs.detected_label.text() == "Chosen: class labels"


def test_one_hot_fed_as_labels_shows_the_books_wrong_23_719(tab, qtbot):
    choose(qtbot, tab.inputs.kind_combo, "label")
    settle(qtbot, tab)
    assert not tab.is_stale  # the numbers are shown, with the explanation
    assert "one-hot" in tab.inputs.detected_label.text()
    warning = tab.inputs.t_message
    assert warning.isVisible()
    assert "23.72 instead of 0.5108" in warning.message
    open_page(tab, tab.cee_page)
    explanation = tab.cee_page.book_formula_message
    assert explanation.isVisibleTo(tab.cee_page)
    assert "y[0, 0] = 0.1 (×9), y[0, 1] = 0.05 (×1)" in explanation.message
    assert "23.72 instead of 0.5108" in explanation.message
    open_page(tab, tab.batch_page)
    assert "23.72 instead of 0.5108" in tab.batch_page.slip_labels["label"].text()
    assert tab.cee_value.text() == "0.5108"
    tab.inputs.precision_spin.setValue(5)
    assert "23.719" in warning.message


# --- raw scores -------------------------------------------------------------------------------


def test_raw_scores_go_through_softmax(tab, qtbot):
    enter(qtbot, tab, y="0.3, 2.9, 4.0", t="2")
    assert tab.inputs.y_message.isVisible()  # 4.0 > 1: not probabilities
    assert "above 1" in tab.inputs.y_message.message
    tab.inputs.raw_check.click()
    settle(qtbot, tab)
    assert not tab.inputs.y_message.isVisible()
    assert tab.cee_value.text() == "0.3057"  # −log(0.73659691)
    assert column(tab.sse_page.table, 0)[:3] == ["0.01821", "0.2452", "0.7366"]
    assert tab.sse_page.table.horizontalHeaderItem(0).text() == "y_k = softmax(a)_k"
    open_page(tab, tab.gradient_page)
    grad = tab.gradient_page
    assert grad.table.horizontalHeaderItem(0).text() == "a_k"
    assert column(grad.table, 5) == ["0.01821", "0.2452", "-0.2634"]
    np.testing.assert_allclose(
        grad.bar_heights("grad"), [0.01821127, 0.24519181, 0.73659691 - 1], atol=1e-8
    )
    assert "with respect to the scores a" in grad.note_label.text()


def test_softmax_with_loss_gradient_presets(tab, qtbot):
    tab.load_preset("swl_large")
    open_page(tab, tab.gradient_page)
    np.testing.assert_allclose(tab.gradient_page.bar_heights("grad"), [0.3, -0.8, 0.5])
    assert column(tab.gradient_page.table, 4) == ["0.3", "-0.8", "0.5"]
    tab.load_preset("swl_small")
    open_page(tab, tab.gradient_page)
    np.testing.assert_allclose(tab.gradient_page.bar_heights("grad"), [0.01, -0.01, 0.0])
    assert column(tab.gradient_page.table, 4) == ["0.01", "-0.01", "0"]


# --- mini-batches -----------------------------------------------------------------------------


def test_a_batch_shows_each_row_and_the_mean(tab, qtbot):
    enter(qtbot, tab, y=f"{L1}\n{L2}", t="2, 2")
    assert tab.sse_value.text() == "0.3475"
    assert tab.cee_value.text() == "1.407"
    assert "N = 2" in tab.mean_caption.text()
    assert tab.inputs.detected_label.text() == "Detected: class labels (one per row of y)"
    open_page(tab, tab.batch_page)
    batch = tab.batch_page.table
    assert column(batch, 2) == ["0.0975", "0.5975", "0.3475"]
    assert column(batch, 3) == ["0.5108", "2.303", "1.407"]
    assert row_headers(batch)[-1] == "mean"
    assert tab.row_spin.isVisible()
    assert tab.sse_page.result_label.text().endswith("= 0.0975")
    tab.row_spin.setValue(1)
    open_page(tab, tab.sse_page)
    assert tab.sse_page.result_label.text() == "E = ½ × 1.195 = 0.5975"
    open_page(tab, tab.cee_page)
    assert tab.cee_page.label_picks.text() == "t_1 = 2 → y[1, 2] = 0.1"
    assert tab.sse_value.text() == "0.3475"  # the mean stays
    open_page(tab, tab.batch_page)
    rect = batch.visualRect(batch.model().index(0, 2))
    qtbot.mouseClick(batch.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.row == 0 and tab.row_spin.value() == 0


def test_a_one_hot_batch(tab, qtbot):
    enter(qtbot, tab, y=f"{L1}\n{L2}", t=f"{ONE_HOT_2}\n{ONE_HOT_2}")
    assert tab.inputs.detected_label.text() == "Detected: one-hot (t has the shape of y)"
    assert tab.cee_value.text() == "1.407"


def test_a_long_batch_is_limited_in_the_tables_not_in_the_sums(tab, qtbot):
    rng = np.random.default_rng(1)
    y = rng.dirichlet(np.ones(10), size=1000)
    labels = rng.integers(0, 10, size=1000)
    tab.inputs.y_edit.setPlainText("\n".join(" ".join(f"{v:.17g}" for v in row) for row in y))
    tab.inputs.t_edit.setPlainText(" ".join(str(v) for v in labels))
    settle(qtbot, tab)
    expected = np.mean(-np.log(y[np.arange(1000), labels] + 1e-7))
    assert float(tab.cee_value.text()) == pytest.approx(expected, rel=1e-3)
    open_page(tab, tab.batch_page)
    assert tab.batch_page.table.rowCount() == MAX_TABLE_ROWS + 1
    assert "Showing 200 of 1000 rows" in tab.batch_page.limit_label.text()
    tab.row_spin.setValue(999)
    assert row_headers(tab.batch_page.table)[MAX_TABLE_ROWS - 1] == "999"  # the shown row is listed
    assert tab.sse_page.table.rowCount() == 11
    open_page(tab, tab.cee_page)
    x, _ = tab.cee_page.plot.others.getData()
    assert len(x) == 1000


def test_a_long_vector_keeps_the_correct_class_in_its_table(tab, qtbot):
    y = np.full(1000, 0.0005)
    y[700] = 0.5005
    tab.inputs.y_edit.setPlainText(", ".join(f"{v:g}" for v in y))
    tab.inputs.t_edit.setPlainText("700")
    settle(qtbot, tab)
    open_page(tab, tab.cee_page)
    table = tab.cee_page.table
    assert table.rowCount() == MAX_TABLE_ROWS + 1
    assert row_headers(table)[MAX_TABLE_ROWS - 1] == "700"
    assert table.item(MAX_TABLE_ROWS - 1, 0).text() == "0.5005"
    assert "Showing 200 of 1000 classes" in tab.cee_page.limit_label.text()
    assert tab.cee_value.text() == "0.6921"  # −log(0.5005)


# --- the −log y curve -----------------------------------------------------------------------


def test_neg_log_marker_sits_at_the_correct_class_probability(tab, qtbot):
    open_page(tab, tab.cee_page)
    plot = tab.cee_page.plot
    x, e = plot.marker_position()
    assert x == 0.6 and e == pytest.approx(0.510825457, abs=1e-6)
    line_x, line_y = plot.marker_line.getData()
    assert line_x.tolist() == [0.6, 0.6] and line_y[0] == 0.0 and line_y[1] == e
    enter(qtbot, tab, y=L2)
    assert plot.marker_position()[0] == 0.1
    assert plot.marker_position()[1] == pytest.approx(2.302584, abs=1e-6)
    assert plot.cap_line.value() == pytest.approx(16.11809565)
    assert "16.118" in plot.cap_text.textItem.toPlainText()
    assert "+∞" in plot.infinity_text.textItem.toPlainText()
    curve_x, curve_y = plot.curve.getData()
    assert curve_x[0] == 0.0 and curve_y[0] == pytest.approx(16.11809565)


def test_delta_preset_marks_the_cap(tab):
    tab.load_preset("delta")
    assert tab.cee_value.text() == "16.12"
    open_page(tab, tab.cee_page)
    assert tab.cee_page.plot.marker_position() == (0.0, pytest.approx(16.11809565))
    assert tab.cee_page.cap_message.isVisibleTo(tab.cee_page)
    assert "−log(0) = +∞" in tab.cee_page.cap_message.message
    open_page(tab, tab.batch_page)
    assert "Forgetting δ in log(y + δ): inf instead of 16.12" in (
        tab.batch_page.slip_labels["delta"].text()
    )


# --- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "text", "expected"),
    [
        ("y", "0.1, abc", "'abc' at position 5 (line 1) is not a number."),
        ("y", "", "Type y, the network's output"),
        ("y", "0.1, nan, 0.9", "nan at position 5 (line 1): only finite numbers work here"),
        ("y", "0.1, inf, 0.9", "inf at position 5 (line 1): only finite numbers work here"),
        ("y", "0.5\n0.5", "y has a single column (shape (2, 1))"),
        ("y", "0.1, 0.9\n0.5", "Every row needs the same number of values; line 2 differs"),
        ("t", "", "Type t: a class label such as 2"),
        ("t", "two", "'two' at position 0 (line 1) is not a number."),
        ("t", "12", "Label 12 is out of range: y has 10 classes, so a label is 0 … 9"),
        ("t", "-1", "Label -1 is out of range"),
        ("t", "2.5", "Label 2.5 (number 0 of t) is not a whole number"),
        ("t", "0, 0, 1, 0, 0, 0, 0, 0, 0", "y and t do not fit: t has 9 numbers"),
        ("t", "0, 0, 1, 0, 0, 0, 0, 1, 0, 0", "has a 1 at elements 2, 7: exactly one class"),
        ("t", "0, 0, 0, 0, 0, 0, 0, 0, 0, 0", "Row 0 of the one-hot t is all zeros"),
        ("t", "2, 7", "y and t do not fit: t has 2 numbers, but y has 1 row(s) of 10 classes"),
    ],
)
def test_errors_appear_next_to_their_field_and_the_last_result_stays(
    tab, qtbot, field, text, expected
):
    edit = tab.inputs.y_edit if field == "y" else tab.inputs.t_edit
    enter(qtbot, tab, **{field: text})
    message = tab.inputs.y_message if field == "y" else tab.inputs.t_message
    other = tab.inputs.t_message if field == "y" else tab.inputs.y_message
    assert message.isVisible() and not other.isVisible()
    assert expected in message.message
    assert tab.is_stale
    assert tab.stale_banner.isVisible() and "last valid input" in tab.stale_banner.message
    assert tab.sse_value.text() == "0.0975" and tab.cee_value.text() == "0.5108"
    assert column(tab.sse_page.table, 3)[-1] == "0.195"
    assert not tab.summary.isEnabled() and not tab.sse_page.isEnabled()  # greyed
    assert tab.inputs.detected_label.text().startswith("Detected: —")
    assert edit.toPlainText() == text  # nothing rewrites what the learner typed
    enter(qtbot, tab, y=L2, t="2")
    assert not tab.is_stale and not message.isVisible() and not tab.stale_banner.isVisible()
    assert tab.summary.isEnabled()
    assert tab.sse_value.text() == "0.5975"


def test_both_fields_can_be_wrong_at_once(tab, qtbot):
    enter(qtbot, tab, y="x", t="y")
    assert "'x'" in tab.inputs.y_message.message
    assert "'y'" in tab.inputs.t_message.message


def test_negative_y_is_a_warning_and_the_sse_is_still_shown(tab, qtbot):
    enter(qtbot, tab, y="0.5, -0.2, 0.7", t="0")
    message = tab.inputs.y_message
    assert message.isVisible() and message.level.value == "warning"
    assert "1 negative value(s), e.g. -0.2 at row 0, element 1" in message.message
    assert not tab.is_stale
    assert tab.sse_value.text() == "0.39"
    assert tab.cee_value.text() == "—"
    open_page(tab, tab.cee_page)
    assert tab.cee_page.unavailable_message.isVisibleTo(tab.cee_page)
    assert tab.cee_page.table.rowCount() == 0
    open_page(tab, tab.gradient_page)
    assert column(tab.gradient_page.table, 3) == ["—", "—", "—"]


def test_y_above_one_and_rows_not_summing_to_one_warn(tab, qtbot):
    enter(qtbot, tab, y="1.5, 0.5", t="0")
    text = tab.inputs.y_message.message
    assert "value(s) above 1, e.g. 1.5" in text
    assert "1 row(s) of y do not sum to 1 (row 0: Σ = 2)" in text
    assert not tab.is_stale
    assert tab.sse_value.text() == "0.25"
    assert tab.cee_value.text() == "-0.4055"  # −log 1.5: a negative loss, the numbers still shown
    enter(qtbot, tab, y="0.3, 0.3, 0.3", t="0")
    assert "row 0: Σ = 0.9" in tab.inputs.y_message.message


def test_softmax_of_probabilities_is_pointed_out(tab, qtbot):
    tab.inputs.raw_check.click()
    settle(qtbot, tab)
    assert "already looks like probabilities" in tab.inputs.y_message.message


# --- copy and export --------------------------------------------------------------------------


def test_copy_as_markdown_latex_and_text(tab, qtbot):
    clipboard = QGuiApplication.clipboard()
    tab.inputs.copy_actions["markdown"].trigger()
    markdown = clipboard.text()
    assert "### Sum of squared errors (§4.2.1)" in markdown
    assert "| k | $y_k$ | $t_k$ | $y_k - t_k$ | $(y_k - t_k)^2$ |" in markdown
    assert "| 2 | 0.6 | 1 | -0.4 | 0.16 |" in markdown
    assert r"\frac{1}{2} \times 0.195 = 0.0975" in markdown
    assert r"-\log(0.6 + 10^{-7}) = 0.5108" in markdown
    assert "np.float64" not in markdown
    tab.inputs.copy_actions["latex"].trigger()
    latex = clipboard.text()
    assert r"\subsection*{Cross-entropy error (\S{}4.2.2)}" in latex
    assert r"\begin{array}{r|rrrr}" in latex
    assert r"3 & 0 & 0 & 10^{-7} & -16.12 & 0 \\" in latex
    assert r"E = \frac{1}{2} \sum_k (y_k - t_k)^2" in latex
    tab.inputs.copy_actions["text"].trigger()
    plain = clipboard.text()
    assert "E = ½ Σ (y_k − t_k)² = ½ × 0.195 = 0.0975" in plain
    assert "E = −log(y[0, 2] + δ) = −log(0.6 + 1e-07) = 0.5108" in plain
    assert "0.0195" in plain


def test_copy_follows_precision_and_row(tab, qtbot):
    enter(qtbot, tab, y=f"{L1}\n{L2}", t="2, 2")
    tab.inputs.precision_spin.setValue(8)
    tab.row_spin.setValue(1)
    tab.inputs.copy_actions["text"].trigger()
    plain = QGuiApplication.clipboard().text()
    assert "Row 1 of a batch of N = 2 rows" in plain
    assert "= ½ × 1.195 = 0.5975" in plain
    assert "2.3025841" in plain  # −log(0.1 + 1e-7)
    assert "SSE 0.3475, CEE 1.4067048" in plain


def test_copy_button_offers_the_three_styles(tab):
    assert tab.inputs.copy_button.menu() is tab.inputs.copy_menu
    texts = [a.text() for a in tab.inputs.copy_menu.actions()]
    assert texts == ["As plain text", "As Markdown", "As LaTeX"]


def test_export_table_and_plot(tab):
    assert tab.plot_for_export() is tab.cee_page.plot.plotItem
    header, rows = tab.table_for_export()
    assert header[:6] == ["row", "k", "y_k", "t_k", "y_k - t_k", "(y_k - t_k)^2"]
    assert len(rows) == 10
    assert rows[2][:6] == [0, 2, 0.6, 1.0, pytest.approx(-0.4), pytest.approx(0.16)]
    assert rows[2][8] == pytest.approx(math.log(0.6 + 1e-7))


# --- presets, persistence, lifetime -----------------------------------------------------------


def test_every_preset_loads_from_the_combo(tab, qtbot):
    combo = tab.inputs.preset_combo
    assert combo.count() == len(PRESETS) + 1
    choose(qtbot, combo, "book_wrong")
    assert tab.sse_value.text() == "0.5975"
    assert tab.inputs.t_text() == ONE_HOT_2
    choose(qtbot, combo, "batch")
    assert tab.sse_value.text() == "0.3475"
    assert tab.inputs.y_text() == (
        "0.1, 0.05, 0.6, 0, 0.05, 0.1, 0, 0.1, 0, 0\n0.1, 0.05, 0.1, 0, 0.05, 0.1, 0, 0.6, 0, 0"
    )
    choose(qtbot, combo, "raw_scores")
    assert tab.inputs.raw_check.isChecked()
    assert tab.cee_value.text() == "0.3057"
    choose(qtbot, combo, "onehot_as_labels")
    assert tab.inputs.kind_combo.currentData() == "label"
    assert not tab.inputs.raw_check.isChecked()
    assert "23.72" in tab.inputs.t_message.message
    qtbot.keyClicks(tab.inputs.t_edit, "0")  # an edit: the example's name goes away
    assert combo.currentIndex() == 0
    for index in range(1, combo.count()):
        tab.load_preset(combo.itemData(index))
        assert not tab.is_stale, combo.itemData(index)
        assert combo.itemData(index, Qt.ItemDataRole.ToolTipRole)


def test_inputs_are_remembered_by_a_new_tab(tab, qtbot):
    enter(qtbot, tab, y=f"{L1}\n{L2}", t="2, 7")
    tab.inputs.raw_check.click()
    choose(qtbot, tab.inputs.kind_combo, "label")
    tab.inputs.precision_spin.setValue(7)
    tab.pages.setCurrentIndex(3)
    settle(qtbot, tab)
    tab.save_state()
    again = LossTab()
    qtbot.addWidget(again)
    assert again.inputs.y_text() == f"{L1}\n{L2}"
    assert again.inputs.t_text() == "2, 7"
    assert again.inputs.raw_check.isChecked()
    assert again.inputs.kind_combo.currentData() == "label"
    assert again.inputs.precision() == 7
    assert again.pages.currentIndex() == 3
    assert not again.update_pending
    assert again.cee_value.text() == tab.cee_value.text()
    assert again.report.raw_scores and again.report.n_rows == 2
    again.shutdown()


def test_shutdown_stops_a_pending_update(tab, qtbot):
    qtbot.keyClicks(tab.inputs.t_edit, "1")
    assert tab.update_pending
    tab.shutdown()
    assert not tab.update_pending


class _Marking(QTranslator):
    """Translates every string of the tab's contexts to «string», to see what retranslation sets."""

    CONTEXTS = (
        "LossTab",
        "LossInputs",
        "LossMessages",
        "LossTables",
        "LossSsePage",
        "LossCeePage",
        "LossGradientPage",
        "LossBatchPage",
        "LossCalculationWriter",
    )

    def isEmpty(self) -> bool:
        return False

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"«{source}»" if context in self.CONTEXTS and source else ""


def test_a_language_change_reaches_every_visible_string(tab, qtbot):
    enter(qtbot, tab, y=f"{L1}\n{L2}", t="2, 2")
    type_into(qtbot, tab.inputs.t_edit, "12, 2")
    settle(qtbot, tab)
    marking = _Marking()
    QCoreApplication.installTranslator(marking)
    try:
        qtbot.waitUntil(lambda: tab.pages.tabText(0) == "«Sum of squared errors»")
        numbers = {  # numbers, shown as they are in every language
            tab.sse_value,
            tab.cee_value,
            tab.sse_page.formula_label,
            *tab.sse_page.variant_values.values(),
            *tab.sse_page.variant_formulas.values(),
            tab.cee_page.onehot_formula,
            tab.cee_page.label_formula,
            tab.cee_page.onehot_value,
            tab.cee_page.label_value,
        }
        untranslated = []
        for index in range(tab.pages.count()):
            tab.pages.setCurrentIndex(index)
            for widget in (tab.inputs, tab.summary, tab.pages.currentWidget()):
                for label in widget.findChildren(QLabel):
                    shown = label.isVisible() and label.text() not in ("", "—")
                    if shown and label not in numbers and "«" not in label.text():
                        untranslated.append(label.text())
                for button in widget.findChildren(QCheckBox) + widget.findChildren(QPushButton):
                    if button.isVisible() and "«" not in button.text():
                        untranslated.append(button.text())
                for box in widget.findChildren(QGroupBox):
                    if box.isVisible() and "«" not in box.title():
                        untranslated.append(box.title())
        assert untranslated == [], "\n".join(untranslated)
        assert tab.inputs.t_message.message.startswith("«Label")
        assert tab.stale_banner.message.startswith("«Stale")
        assert tab.cee_page.plot.plotItem.titleLabel.text.startswith("«E = −log")
        assert "«" in tab.cee_page.plot.cap_text.textItem.toPlainText()
        assert tab.inputs.copy_button.text() == "«Copy calculation»"
        assert all("«" in a.text() for a in tab.inputs.copy_menu.actions())
        assert all("«" in tab.inputs.kind_combo.itemText(i) for i in range(3))
        assert tab.windowTitle() == "«Loss calculator»"
        tab.inputs.copy_actions["markdown"].trigger()
        assert "«Sum of squared errors (§4.2.1)»" in QGuiApplication.clipboard().text()
    finally:
        QCoreApplication.removeTranslator(marking)
    qtbot.waitUntil(lambda: tab.pages.tabText(0) == "Sum of squared errors")
    assert tab.inputs.t_message.message.startswith("Label 12 is out of range")


@pytest.mark.parametrize(
    ("y", "t", "raw"),
    [
        ("1e308, 0", "0", False),  # (y − t)² overflows to inf
        ("1e200, -1e200", "1", True),  # softmax copes with any finite scores
        ("0, 0, 0", "1", False),  # no probability at all: the δ cap, rows not summing to 1
        ("1e-320, 1", "0", False),  # a subnormal probability
        ("0.5, 0.5", "1", False),
        (", ".join(["0.001"] * 1000), "999", False),
    ],
)
def test_extreme_numbers_are_shown_not_crashed_on(tab, qtbot, y, t, raw):
    if raw:
        tab.inputs.raw_check.click()
    enter(qtbot, tab, y=y, t=t)
    assert not tab.is_stale
    for page in (tab.sse_page, tab.cee_page, tab.gradient_page, tab.batch_page):
        open_page(tab, page)
        page.grab()  # paint every page, plots included
    assert tab.sse_value.text() not in ("", "—")
    assert tab.calculation_text("latex")
