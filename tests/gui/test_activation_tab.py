"""The activation tab driven through its widgets: plots, NumPy page, softmax lab, persistence."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QPointF, Qt, QTranslator
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QPushButton

from core.activations import evaluate
from zdl_gui.tabs.activation_tab import ActivationTab, gain_from_slider
from zdl_gui.tabs.softmax_lab import MAX_ENTRIES, MIN_ENTRIES

AMBIGUOUS = (
    "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()"
)


@pytest.fixture
def tab(show):
    widget = show(ActivationTab())
    yield widget
    widget.shutdown()


def shown_curves(tab):
    """{name: curve} of the function curves currently in the plot."""
    items = tab.plot_page.plot.listDataItems()
    return {name: c for name, c in tab.plot_page.curves.items() if c in items}


def shown_derivatives(tab):
    items = tab.plot_page.plot.listDataItems()
    return {name: c for name, c in tab.plot_page.derivative_curves.items() if c in items}


def y_at(curve, x0):
    x, y = curve.getData()
    return float(np.interp(x0, x, y))


def readout_row(page, name):
    """(formula, derivative, h(x), h′(x)) of the readout row of the function shown as ``name``."""
    lines = [line for line in page.readout_plain_text().splitlines() if line.strip()]
    i = lines.index(name)
    return lines[i + 1], lines[i + 2], float(lines[i + 3]), float(lines[i + 4])


def type_into(qtbot, line_edit, text):
    """Clear ``line_edit`` and type ``text`` key by key, like a learner."""
    line_edit.selectAll()
    qtbot.keyClick(line_edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(line_edit, text)


def type_into_spin(qtbot, spin, text):
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)


# --- Plot page -------------------------------------------------------------------------------


def test_default_curves_are_the_books(tab):
    curves = shown_curves(tab)
    assert list(curves) == ["step", "sigmoid", "relu"]
    for name, curve in curves.items():
        x, y = curve.getData()
        assert x[0] == -5.0 and x[-1] == 5.0
        np.testing.assert_array_equal(y, evaluate(name, x)[0])
    assert shown_derivatives(tab) == {}
    legend_names = [label.text for _, label in tab.plot_page.legend.items]
    assert legend_names == ["Step function", "Sigmoid", "ReLU"]


def test_unchecking_sigmoid_removes_its_curve(tab):
    tab.plot_page.checks["sigmoid"].click()
    assert "sigmoid" not in shown_curves(tab)
    assert len(tab.plot_page.legend.items) == 2
    assert "Sigmoid" not in tab.plot_page.readout_plain_text()
    tab.plot_page.checks["tanh"].click()
    assert list(shown_curves(tab)) == ["step", "tanh", "relu"]


def test_unchecking_everything_leaves_a_hint(tab):
    for name in ("step", "sigmoid", "relu"):
        tab.plot_page.checks[name].click()
    assert shown_curves(tab) == {}
    assert "Tick a function" in tab.plot_page.readout_label.text()


def test_derivative_overlay_matches_core(tab):
    tab.plot_page.derivative_check.click()
    derivatives = shown_derivatives(tab)
    assert list(derivatives) == ["step", "sigmoid", "relu"]
    for name, curve in derivatives.items():
        x, dy = curve.getData()
        np.testing.assert_array_equal(dy, evaluate(name, x)[1])
        assert curve.opts["pen"].style() == Qt.PenStyle.DashLine
        assert curve.opts["pen"].color() == tab.plot_page.curves[name].opts["pen"].color()
    assert len(tab.plot_page.legend.items) == 6
    tab.plot_page.derivative_check.click()
    assert shown_derivatives(tab) == {}


def test_gain_slider_turns_the_sigmoid_into_the_step(tab, qtbot):
    page = tab.plot_page
    sigmoid = page.curves["sigmoid"]
    before = y_at(sigmoid, 0.1)
    assert before == pytest.approx(0.52497918747894, abs=1e-3)
    page.gain_slider.setFocus()
    qtbot.keyClick(page.gain_slider, Qt.Key.Key_End)
    assert page.gain == pytest.approx(100.0)
    assert page.gain_value_label.text() == "a = 100"
    after_plus, after_minus = y_at(sigmoid, 0.1), y_at(sigmoid, -0.1)
    assert after_plus != before
    assert after_plus == pytest.approx(1.0, abs=1e-4)  # step(0.1) = 1
    assert after_minus == pytest.approx(0.0, abs=1e-4)  # step(-0.1) = 0
    assert "a = 100" in page.readout_plain_text()
    x, y = sigmoid.getData()
    np.testing.assert_allclose(y, evaluate("sigmoid", x, gain=100.0)[0])


def test_alpha_slider_changes_leaky_relu(tab, qtbot):
    page = tab.plot_page
    page.checks["leaky_relu"].click()
    page.alpha_slider.setValue(250)
    assert page.alpha == 0.25
    assert y_at(page.curves["leaky_relu"], -4.0) == pytest.approx(-1.0)
    assert "α = 0.25" in page.readout_plain_text()
    assert page.alpha_value_label.text() == "α = 0.25"


def test_bad_x_range_shows_a_message_and_keeps_the_curves(tab, qtbot):
    page = tab.plot_page
    before = page.curves["relu"].getData()
    type_into_spin(qtbot, page.x_min_spin, "6")
    assert page.x_min_spin.value() == 6.0
    assert page.range_message.isVisible()
    assert "less than" in page.range_message.message
    after = page.curves["relu"].getData()
    np.testing.assert_array_equal(after[0], before[0])
    np.testing.assert_array_equal(after[1], before[1])
    type_into_spin(qtbot, page.x_min_spin, "-2")
    assert not page.range_message.isVisible()
    x, _ = page.curves["relu"].getData()
    assert (x[0], x[-1]) == (-2.0, 5.0)


def test_readout_at_zero_shows_sigmoid_one_half(tab):
    page = tab.plot_page
    page.show_readout(0.0)
    assert "h(x) at x = 0" in page.readout_plain_text()
    assert readout_row(page, "Sigmoid") == (
        "h(x) = 1 / (1 + exp(−x))",
        "h′(x) = h(x)(1 − h(x))",
        0.5,
        0.25,
    )
    assert readout_row(page, "ReLU") == ("h(x) = max(0, x)", "h′(x) = 1 (x > 0), 0 (x ≤ 0)", 0, 0)
    assert page.cursor_line.value() == 0.0
    _, dots_y = page.cursor_dots.getData()
    assert 0.5 in dots_y.tolist()


def test_mouse_move_over_the_plot_moves_the_crosshair(tab, qtbot):
    page = tab.plot_page
    view = page.plot.plotItem.vb
    page.plot.grab()  # paint once, which applies the auto range
    scene_pos = view.mapViewToScene(QPointF(1.0, 0.5))
    page.plot.scene().sigMouseMoved.emit(scene_pos)  # throttled by the SignalProxy
    qtbot.waitUntil(lambda: page.cursor_line.value() != 0.0)
    x = page.cursor_line.value()
    assert x == pytest.approx(view.mapSceneToView(scene_pos).x(), abs=0.2)  # the layout may move
    _, _, h, dh = readout_row(page, "Sigmoid")
    y, dy = evaluate("sigmoid", [x])
    assert h == pytest.approx(y[0], abs=1e-5)
    assert dh == pytest.approx(dy[0], abs=1e-5)
    outside = view.sceneBoundingRect().bottomRight() + QPointF(5, 5)
    page._on_mouse_moved((outside,))
    assert page.cursor_line.value() == x  # the mouse left the plot: nothing moves


# --- NumPy page ------------------------------------------------------------------------------


def test_numpy_page_shows_what_numpy_prints(tab, qtbot):
    tab.pages.setCurrentWidget(tab.numpy_page)
    page = tab.numpy_page
    type_into(qtbot, page.input_edit, "-1.0, 1.0, 2.0")
    results = [label.text() for label in page.step_result_labels]
    assert results == ["[-1.  1.  2.]", "[False  True  True]", "[0 1 1]"]
    assert page.source_label.text() == "x = np.array([-1.0, 1.0, 2.0])"
    assert page.output_labels["sigmoid"].text() == "[0.26894142 0.73105858 0.88079708]"
    assert page.output_labels["step"].text() == "[0 1 1]"
    assert AMBIGUOUS in page.if_result_label.text()
    assert not page.input_message.isVisible()
    assert not page.is_stale


def test_numpy_page_marks_bad_input_and_keeps_the_last_result(tab, qtbot):
    tab.pages.setCurrentWidget(tab.numpy_page)
    page = tab.numpy_page
    type_into(qtbot, page.input_edit, "1, abc")
    assert page.input_message.isVisible()
    assert "'abc' at position 3 is not a number" in page.input_message.message
    assert page.is_stale
    assert page.step_result_labels[1].text() == "[ True]"  # "1, " was the last valid input
    type_into(qtbot, page.input_edit, "3, -2")
    qtbot.keyClicks(page.input_edit, "x")
    assert "'-2x' at position 3 is not a number" in page.input_message.message
    assert page.stale_label.isVisible()
    assert "last valid input" in page.stale_label.message
    assert "3, -2" in page.stale_label.message
    assert page.step_result_labels[1].text() == "[ True False]"
    assert not page.output_panel.isEnabled()  # greyed out
    type_into(qtbot, page.input_edit, "0.5")
    assert not page.is_stale and page.output_panel.isEnabled()
    assert page.step_result_labels[2].text() == "[1]"
    assert "→ 1" in page.if_result_label.text()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "at least one number"),
        ("1, nan", "only finite numbers"),
        ("1e999", "only finite numbers"),
        ("1,,2", "missing at position 2"),
        ("[1, 2", "bracket '['"),
        ("1 2\n3", "single row"),
    ],
)
def test_numpy_page_messages(tab, text, expected):
    page = tab.numpy_page
    page.input_edit.setText(text)
    assert expected in page.input_message.message
    assert page.is_stale
    assert page.step_result_labels[1].text() == "[False  True  True]"


def test_numpy_page_limits_a_long_array(tab):
    page = tab.numpy_page
    page.input_edit.setText(", ".join(str(i - 5000) for i in range(10_000)))
    assert not page.is_stale
    assert "10000 elements" in page.size_label.text()
    assert "..." in page.step_result_labels[0].text()
    assert page.step_result_labels[2].text() == "[0 0 0 ... 1 1 1]"
    assert "..." in page.source_label.text()
    assert len(page.output_labels["sigmoid"].text()) < 100


# --- Softmax lab -----------------------------------------------------------------------------


def column(table, col):
    return [table.item(r, col).text() for r in range(table.rowCount())]


def test_softmax_book_example_is_the_default(tab):
    lab = tab.softmax_page
    assert lab.scores() == [0.3, 2.9, 4.0]
    ys = [float(t) for t in column(lab.stable_table, 2)[:-1]]
    np.testing.assert_allclose(ys, [0.01821127, 0.24519181, 0.73659691], rtol=1e-5)
    assert lab.stable_print.text().endswith("[0.01821127 0.24519181 0.73659691]")
    assert lab.sum_label.text() == "Σ y = 1"
    assert "No overflow" in lab.naive_note.message


def test_softmax_overflow_preset(tab, qtbot):
    tab.pages.setCurrentWidget(tab.softmax_page)
    lab = tab.softmax_page
    qtbot.mouseClick(lab.overflow_button, Qt.MouseButton.LeftButton)
    assert lab.scores() == [1010.0, 1000.0, 990.0]
    assert column(lab.naive_table, 1) == ["inf"] * 4
    assert column(lab.naive_table, 2) == ["nan"] * 4
    assert lab.naive_print.text().endswith("[nan nan nan]")
    assert "1.8e+308" in lab.naive_note.message
    assert "exp(1010)" in lab.naive_note.message
    ys = [float(t) for t in column(lab.stable_table, 2)[:-1]]
    np.testing.assert_allclose(ys, [0.99995460, 4.54e-05, 2.06e-09], rtol=2e-3)
    assert column(lab.stable_table, 0)[:-1] == ["0", "-10", "-20"]
    assert lab.stable_print.text().endswith("[9.99954600e-01 4.53978686e-05 2.06106005e-09]")
    heights = lab.prob_bars.heights()
    assert heights.sum() == pytest.approx(1.0, abs=1e-12)
    np.testing.assert_allclose(heights, ys, rtol=1e-6)
    labels = [item.textItem.toPlainText() for item in lab.prob_bars.labels]
    assert labels == ["1", "4.54e-05", "2.06e-09"]
    assert "largest score a₁" in lab.rank_note.text()


def test_moving_c_changes_exp_but_not_y(tab, qtbot):
    lab = tab.softmax_page
    y_before = column(lab.stable_table, 2)
    exp_before = lab.exp_bars.heights().copy()
    assert not lab.c_control.isEnabled()
    lab.c_auto_check.click()
    assert lab.c_control.isEnabled()
    for position in (-300, 120, 500):
        lab.c_control.slider.setValue(position)
        assert lab.steps.c == pytest.approx(4.0 + position / 10)
        assert column(lab.stable_table, 2) == y_before
        assert lab.prob_bars.heights().sum() == pytest.approx(1.0)
    assert not np.allclose(lab.exp_bars.heights(), exp_before)
    assert "y did not" in lab.stable_note.message
    type_into_spin(qtbot, lab.c_control.spin, "2000")
    assert "underflows" in lab.stable_note.message
    assert column(lab.stable_table, 2)[0] == "nan"
    type_into_spin(qtbot, lab.c_control.spin, "-705.7")  # exp(709.7) is finite, the sum is not
    assert "overflows" in lab.stable_note.message
    assert column(lab.stable_table, 1)[-1] == "inf"
    assert lab.exp_bars.heights()[2] == pytest.approx(1.65498403e308)
    assert lab.exp_plot.plotItem.getAxis("left").labelText == "× 1e+308"  # drawn scaled down
    assert lab.rank_note.text() == ""
    lab.c_auto_check.click()
    assert column(lab.stable_table, 2) == y_before


def test_naive_underflow_is_explained(tab, qtbot):
    lab = tab.softmax_page
    for row, value in zip(lab.rows, ("-2000", "-1990", "-1995"), strict=True):
        type_into_spin(qtbot, row.spin, value)
    type_into_spin(qtbot, lab.temperature.spin, "0.1")
    assert "underflows to 0" in lab.naive_note.message
    assert "-745.13" in lab.naive_note.message
    assert column(lab.naive_table, 2)[:-1] == ["nan"] * 3
    assert lab.prob_bars.heights()[1] == pytest.approx(1.0)


def test_large_temperature_flattens_the_bars(tab, qtbot):
    lab = tab.softmax_page
    spread_at_1 = np.ptp(lab.prob_bars.heights())
    type_into_spin(qtbot, lab.temperature.spin, "10")
    heights = lab.prob_bars.heights()
    assert heights.sum() == pytest.approx(1.0)
    assert np.ptp(heights) < 0.15 < spread_at_1
    assert lab.temperature.slider.value() == 100
    assert lab.naive_table.horizontalHeaderItem(0).text() == "a/T"
    lab.temperature.slider.setValue(-100)
    assert lab.temperature.value() == pytest.approx(0.1)
    assert lab.prob_bars.heights()[2] > 0.9999


def test_scores_follow_spin_and_slider(tab, qtbot):
    lab = tab.softmax_page
    row = lab.rows[0]
    type_into_spin(qtbot, row.spin, "5")
    assert lab.steps.argmax_a == 0
    assert lab.prob_bars.heights()[0] > 0.5
    row.slider.setValue(row.slider.maximum())
    assert row.value() == 2000.0
    assert lab.steps.a[0] == 2000.0


def test_add_and_remove_entries_respect_the_limits(tab, qtbot):
    lab = tab.softmax_page
    while lab.add_button.isEnabled():
        qtbot.mouseClick(lab.add_button, Qt.MouseButton.LeftButton)
    assert len(lab.rows) == MAX_ENTRIES
    assert len(lab.prob_bars.heights()) == MAX_ENTRIES
    assert lab.stable_table.rowCount() == MAX_ENTRIES + 1
    assert lab.prob_bars.heights().sum() == pytest.approx(1.0)
    while lab.remove_button.isEnabled():
        qtbot.mouseClick(lab.remove_button, Qt.MouseButton.LeftButton)
    assert len(lab.rows) == MIN_ENTRIES
    assert lab.scores() == [0.3, 2.9]
    assert len(lab.prob_bars.labels) == MIN_ENTRIES
    qtbot.mouseClick(lab.book_button, Qt.MouseButton.LeftButton)
    assert lab.scores() == [0.3, 2.9, 4.0]
    assert lab.add_button.isEnabled() and lab.remove_button.isEnabled()


# --- tab-wide ---------------------------------------------------------------------------------


def test_state_is_restored_by_a_new_tab(tab, qtbot):
    plot = tab.plot_page
    plot.checks["sigmoid"].click()
    plot.checks["tanh"].click()
    plot.derivative_check.click()
    type_into_spin(qtbot, plot.x_max_spin, "8")
    plot.gain_slider.setValue(200)
    type_into(qtbot, tab.numpy_page.input_edit, "1, 2, -3")
    qtbot.mouseClick(tab.softmax_page.overflow_button, Qt.MouseButton.LeftButton)
    type_into_spin(qtbot, tab.softmax_page.temperature.spin, "2.5")
    tab.save_state()

    again = ActivationTab()
    qtbot.addWidget(again)
    assert again.plot_page.selected() == ["step", "tanh", "relu"]
    assert again.plot_page.derivative_check.isChecked()
    assert again.plot_page.x_max_spin.value() == 8.0
    assert again.plot_page.gain == pytest.approx(gain_from_slider(200))
    x, _ = again.plot_page.curves["tanh"].getData()
    assert x[-1] == 8.0
    assert again.numpy_page.input_edit.text() == "1, 2, -3"
    assert again.numpy_page.step_result_labels[2].text() == "[1 1 0]"
    assert again.softmax_page.scores() == [1010.0, 1000.0, 990.0]
    assert again.softmax_page.temperature.value() == 2.5
    again.shutdown()


def test_export_follows_the_visible_page(tab):
    assert tab.plot_for_export() is tab.plot_page.plot.plotItem
    header, rows = tab.table_for_export()
    assert header == ["x", "step(x)", "sigmoid(x)", "relu(x)"]
    assert len(rows) == 201
    assert rows[100] == [0.0, 0.0, 0.5, 0.0]
    tab.pages.setCurrentWidget(tab.softmax_page)
    assert tab.plot_for_export() is tab.softmax_page.prob_plot.plotItem
    header, rows = tab.table_for_export()
    assert header[:2] == ["entry", "a"]
    assert len(rows) == 3
    assert rows[2][5] == pytest.approx(0.73659691, abs=5e-9)
    tab.pages.setCurrentWidget(tab.numpy_page)
    assert tab.plot_for_export() is None
    header, rows = tab.table_for_export()
    assert ["x > 0", "[False  True  True]"] in rows


class _Marking(QTranslator):
    """Translates every string of the tab's contexts to «string», to see what retranslation sets."""

    CONTEXTS = ("ActivationTab", "ActivationPlotPage", "NumPyStepsPage", "SoftmaxLab")

    def isEmpty(self) -> bool:  # an empty translator would not trigger a LanguageChange
        return False

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"«{source}»" if context in self.CONTEXTS and source else ""


def test_a_language_change_reaches_every_visible_string(tab, qtbot):
    tab.plot_page.derivative_check.click()
    tab.softmax_page.c_auto_check.click()
    tab.numpy_page.input_edit.setText("1, abc")  # error and stale messages
    tab.plot_page.x_min_spin.setValue(6.0)  # the range message
    marking = _Marking()
    QCoreApplication.installTranslator(marking)
    try:
        qtbot.waitUntil(lambda: tab.pages.tabText(0) == "«Plot»")
        code = {  # code, numbers and math, shown as they are in every language
            *tab.numpy_page.step_code_labels,
            *tab.numpy_page.step_result_labels,
            *tab.numpy_page.output_labels.values(),
            *tab.numpy_page.output_code_labels,
            tab.numpy_page.source_label,
            tab.numpy_page.if_code_label,
            tab.numpy_page.if_result_label,
            tab.softmax_page.naive_print,
            tab.softmax_page.stable_print,
            *(row.name_label for row in tab.softmax_page.rows),
        }
        untranslated = []
        for index in range(tab.pages.count()):
            tab.pages.setCurrentIndex(index)
            page = tab.pages.currentWidget()
            for label in page.findChildren(QLabel):
                shown = label.isVisible() and label.text() not in ("", "→")
                if shown and label not in code and "«" not in label.text():
                    untranslated.append(label.text())
            for button in page.findChildren(QCheckBox) + page.findChildren(QPushButton):
                if button.isVisible() and "«" not in button.text():
                    untranslated.append(button.text())
            for box in page.findChildren(QGroupBox):
                if "«" not in box.title():
                    untranslated.append(box.title())
        assert untranslated == [], "\n".join(untranslated)
        plot_item = tab.plot_page.plot.plotItem
        assert plot_item.titleLabel.text.startswith("«Activation functions")
        assert plot_item.getAxis("left").labelText == "«h(x)»"
        assert all("«" in label.text for _, label in tab.plot_page.legend.items)
        assert tab.softmax_page.prob_plot.plotItem.titleLabel.text == "«y = softmax(a)»"
        assert tab.softmax_page.prob_plot.plotItem.getAxis("left").labelText == "«probability»"
        assert "«" in tab.plot_page.readout_label.text()
        assert tab.plot_page.range_message.message.startswith("«")
        assert tab.numpy_page.input_message.message == "«'abc' at position 3 is not a number.»"
    finally:
        QCoreApplication.removeTranslator(marking)
    qtbot.waitUntil(lambda: tab.pages.tabText(0) == "Plot")
    assert tab.numpy_page.input_message.message == "'abc' at position 3 is not a number."
    assert tab.plot_page.range_message.message.startswith("The smallest x")


def test_the_open_sub_page_is_remembered(qtbot):
    first = ActivationTab()
    qtbot.addWidget(first)
    first.pages.setCurrentIndex(2)
    first.save_state()
    second = ActivationTab()
    qtbot.addWidget(second)
    assert second.pages.currentIndex() == 2
