"""The perceptron tab driven through its widgets (§2.3–2.5): what the learner sees."""

import re

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from zdl_gui.tabs.perceptron_tab import COL_CHECK, COL_SUM, COL_TARGET, COL_Y, PerceptronTab

BOOK = {  # pain points §b G1–G3: (spin box values, y column, w·x + b column)
    "AND": ((0.5, 0.5, -0.7), ["0", "0", "0", "1"], ["−0.7", "−0.2", "−0.2", "0.3"]),
    "NAND": ((-0.5, -0.5, 0.7), ["1", "1", "1", "0"], ["0.7", "0.2", "0.2", "−0.3"]),
    "OR": ((0.5, 0.5, -0.2), ["0", "1", "1", "1"], ["−0.2", "0.3", "0.3", "0.8"]),
}


@pytest.fixture
def tab(qtbot):
    widget = PerceptronTab()
    qtbot.addWidget(widget)
    widget.resize(1050, 720)
    return widget


def column(tab, c, table=None):
    table = table or tab.table
    return [table.item(r, c).text() for r in range(table.rowCount())]


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose_target(tab, target_id):
    tab.target_combo.setCurrentIndex(tab.target_combo.findData(target_id))


def spin_text(spin, value):
    return spin.locale().toString(value, "f", 2)


def matched(tab):
    found = re.search(r"Matches (\d) of (\d) rows", tab.summary_label.text())
    assert found, tab.summary_label.text()
    assert found.group(2) == "4"
    return int(found.group(1))


def line_points(tab):
    xs, ys = tab.line_item.getData()
    return np.column_stack([xs, ys])


# --- presets: the book's gates ----------------------------------------------------------------


@pytest.mark.parametrize("gate", ["AND", "NAND", "OR"])
def test_preset_shows_the_books_weights_outputs_and_sums(qtbot, tab, gate):
    tab.w1.spin.setValue(1.9)  # start somewhere else, so the click has to change everything
    (w1, w2, b), ys, sums = BOOK[gate]
    click(qtbot, tab.preset_buttons[gate])
    for control, value in ((tab.w1, w1), (tab.w2, w2), (tab.b, b)):
        assert control.spin.text() == spin_text(control.spin, value)
        assert control.slider.value() == round(value * 100)
    assert column(tab, COL_Y) == ys
    assert column(tab, COL_SUM) == sums
    assert tab.preset_buttons[gate].text() == gate


def test_and_with_target_and_matches_every_row(qtbot, tab):
    choose_target(tab, "AND")
    click(qtbot, tab.preset_buttons["AND"])
    assert matched(tab) == 4
    assert "compute AND" in tab.summary_label.text()
    assert column(tab, COL_TARGET) == ["0", "0", "0", "1"]
    assert column(tab, COL_CHECK) == ["✓"] * 4
    assert [label.toPlainText() for label in tab.point_labels] == ["y = 0 ✓"] * 3 + ["y = 1 ✓"]


def test_formulas_show_both_forms_with_the_numbers(qtbot, tab):
    click(qtbot, tab.preset_buttons["NAND"])
    bias_form = tab.bias_formula.text()
    theta_form = tab.theta_formula.text()
    assert "w1·x1 + w2·x2 + b &gt; 0" in bias_form
    assert "−0.50·x1 − 0.50·x2 + 0.70 &gt; 0" in bias_form
    assert "w1·x1 + w2·x2 &gt; θ" in theta_form
    assert "−0.50·x1 − 0.50·x2 &gt; −0.70" in theta_form


# --- sliders, spin boxes and the plot --------------------------------------------------------


def test_slider_moves_the_spin_box_and_the_decision_line(qtbot, tab):
    click(qtbot, tab.preset_buttons["AND"])
    before = line_points(tab)
    np.testing.assert_allclose(before @ [0.5, 0.5] - 0.7, 0, atol=1e-9)

    tab.w1.slider.setValue(150)
    assert tab.w1.spin.value() == pytest.approx(1.5)
    after = line_points(tab)
    assert not np.allclose(before, after)
    np.testing.assert_allclose(after @ [1.5, 0.5] - 0.7, 0, atol=1e-9)
    assert tab.line_item.isVisible()

    qtbot.keyClick(tab.w2.slider, Qt.Key.Key_Right)  # one slider step is 0.01
    assert tab.w2.spin.value() == pytest.approx(0.51)
    np.testing.assert_allclose(line_points(tab) @ [1.5, 0.51] - 0.7, 0, atol=1e-9)


def test_typing_in_the_spin_box_moves_the_slider(qtbot, tab):
    tab.b.spin.clear()
    qtbot.keyClicks(tab.b.spin, "-1.23")
    assert tab.b.spin.value() == pytest.approx(-1.23)
    assert tab.b.slider.value() == -123
    assert tab.b.spin.maximum() == 2 and tab.b.spin.minimum() == -2


def test_points_are_filled_for_1_and_hollow_for_0(qtbot, tab):
    click(qtbot, tab.preset_buttons["OR"])
    spots = tab.points_item.points()
    positions = [(p.pos().x(), p.pos().y()) for p in spots]
    assert positions == [(0, 0), (1, 0), (0, 1), (1, 1)]
    filled = [p.brush().style() != Qt.BrushStyle.NoBrush for p in spots]
    assert filled == [False, True, True, True]


def test_the_shaded_polygon_is_the_firing_side(qtbot, tab):
    click(qtbot, tab.preset_buttons["NAND"])
    polygon = tab.fill_item.polygon()
    corners = np.array([(polygon.at(i).x(), polygon.at(i).y()) for i in range(polygon.count())])
    assert len(corners) >= 3
    assert np.all(corners @ [-0.5, -0.5] + 0.7 >= -1e-9)  # every corner on the firing side
    assert tab.fill_item.brush().color().alpha() < 255  # translucent


def test_plot_texts_and_fixed_view(tab):
    assert tab.plot.plotItem.titleLabel.text == "Decision line"
    assert tab.plot.plotItem.getAxis("bottom").labelText == "x1"
    assert tab.plot.plotItem.getAxis("left").labelText == "x2"
    (x0, x1), (y0, y1) = tab.plot.getViewBox().viewRange()
    assert x0 <= -0.5 and x1 >= 1.5 and y0 <= -0.5 and y1 >= 1.5
    assert not any(tab.plot.getViewBox().state["mouseEnabled"])


# --- the XOR challenge -------------------------------------------------------------------------


def test_no_single_line_gets_xor_right(qtbot, tab):
    choose_target(tab, "XOR")
    for gate in ("AND", "NAND", "OR"):
        click(qtbot, tab.preset_buttons[gate])
        assert matched(tab) <= 3
    for w1, w2, b in [(150, -150, -20), (-200, 200, 0), (100, 100, -150), (0, 0, 50)]:
        tab.w1.slider.setValue(w1)
        tab.w2.slider.setValue(w2)
        tab.b.slider.setValue(b)
        assert matched(tab) <= 3
    assert column(tab, COL_TARGET) == ["0", "1", "1", "0"]


def test_xor_challenge_explains_and_shows_two_layers(qtbot, tab):
    assert not tab.two_layer_box.isVisibleTo(tab)
    click(qtbot, tab.xor_button)
    assert tab.target_combo.currentData() == "XOR"
    assert matched(tab) == 3  # starts from OR: only (1, 1) is wrong
    assert column(tab, COL_CHECK) == ["✓", "✓", "✓", "✗"]
    assert tab.xor_message.isVisibleTo(tab)
    assert "best any line can do is 3 of 4" in tab.xor_message.message
    assert tab.two_layer_check.isChecked() and tab.two_layer_box.isVisibleTo(tab)
    two = tab.two_layer_table
    assert [two.horizontalHeaderItem(c).text() for c in range(5)] == [
        "x1",
        "x2",
        "s1 (NAND)",
        "s2 (OR)",
        "y (AND)",
    ]
    rows = [column(tab, c, two) for c in range(5)]
    assert rows[0] == ["0", "1", "0", "1"]  # x1
    assert rows[1] == ["0", "0", "1", "1"]  # x2
    assert rows[2] == ["1", "1", "1", "0"]  # s1 = NAND
    assert rows[3] == ["0", "1", "1", "1"]  # s2 = OR
    assert rows[4] == ["0", "1", "1", "0"]  # y = XOR

    choose_target(tab, "OR")
    assert not tab.xor_message.isVisibleTo(tab)
    assert matched(tab) == 4


def test_two_layer_solution_can_be_shown_any_time(qtbot, tab):
    choose_target(tab, "none")
    tab.two_layer_check.click()
    assert tab.two_layer_box.isVisibleTo(tab)
    tab.two_layer_check.click()
    assert not tab.two_layer_box.isVisibleTo(tab)


# --- special cases -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("b", "y", "polygon_corners"), [(0.3, "1", 4), (-0.3, "0", 0), (0, "0", 0)]
)
def test_both_weights_zero_means_no_line(tab, b, y, polygon_corners):
    tab.w1.spin.setValue(0)
    tab.w2.spin.setValue(0)
    tab.b.spin.setValue(b)
    assert not tab.line_item.isVisible()
    assert "there is no line" in tab.plot_caption.text()
    assert column(tab, COL_Y) == [y] * 4
    assert tab.fill_item.polygon().count() == polygon_corners


def test_a_line_outside_the_view_is_hidden_and_said(tab):
    tab.w1.spin.setValue(0)
    tab.w2.spin.setValue(0.5)
    tab.b.spin.setValue(2)  # x2 = -4
    assert "outside the square" in tab.plot_caption.text()
    assert column(tab, COL_Y) == ["1"] * 4


def test_theta_field_shows_minus_b_and_edits_b(tab):
    tab.b.spin.setValue(0.35)
    assert tab.theta_spin.value() == pytest.approx(-0.35)
    tab.b.slider.setValue(-70)
    assert tab.theta_spin.value() == pytest.approx(0.7)
    tab.theta_spin.setValue(0.4)
    assert tab.b.spin.value() == pytest.approx(-0.4)
    assert tab.b.slider.value() == -40
    assert "&gt; 0.40" in tab.theta_formula.text()


def test_without_target_the_check_columns_are_hidden(tab):
    choose_target(tab, "none")
    assert tab.table.isColumnHidden(COL_TARGET) and tab.table.isColumnHidden(COL_CHECK)
    assert "Choose a target" in tab.summary_label.text()


# --- remembered inputs, export, language and theme -------------------------------------------


def test_state_is_restored_in_a_new_tab(qtbot, tab):
    tab.w1.spin.setValue(-1.25)
    tab.w2.spin.setValue(0.75)
    tab.b.spin.setValue(0.1)
    choose_target(tab, "NAND")
    tab.save_state()
    again = PerceptronTab()
    qtbot.addWidget(again)
    assert again.weights() == pytest.approx((-1.25, 0.75, 0.1))
    assert again.w1.slider.value() == -125
    assert again.theta_spin.value() == pytest.approx(-0.1)
    assert again.target_combo.currentData() == "NAND"
    assert column(again, COL_SUM) == column(tab, COL_SUM)
    assert set(tab.persistent_widgets()) == {"w1", "w2", "b", "target"}


def test_table_and_plot_for_export(qtbot, tab):
    click(qtbot, tab.preset_buttons["AND"])
    choose_target(tab, "XOR")
    header, rows = tab.table_for_export()
    assert list(header) == ["x1", "x2", "w1·x1 + w2·x2 + b", "y", "target", "✓/✗"]
    assert [list(r) for r in rows] == [
        [0, 0, -0.7, 0, 0, "✓"],
        [1, 0, -0.2, 0, 1, "✗"],
        [0, 1, -0.2, 0, 1, "✗"],
        [1, 1, 0.3, 1, 0, "✗"],
    ]
    choose_target(tab, "none")
    header, rows = tab.table_for_export()
    assert list(header) == ["x1", "x2", "w1·x1 + w2·x2 + b", "y"]
    assert len(rows) == 4 and all(len(r) == 4 for r in rows)
    plot = tab.plot_for_export()
    assert isinstance(plot, pg.PlotItem) and plot is tab.plot.plotItem


def test_retranslate_and_theme_change_keep_everything(tab):
    tab.retranslate_ui()  # what a runtime language switch does
    assert tab.target_combo.count() == 5
    assert tab.target_combo.itemData(0) == "none"
    dark = QPalette(tab.palette())
    for role, color in (
        (QPalette.ColorRole.Window, "#2b2b2e"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1e1e20"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
    ):
        dark.setColor(role, QColor(color))
    tab.setPalette(dark)
    assert tab.line_item.opts["pen"].color().lightness() > 128  # a light line on the dark plot


def test_the_plot_exports_as_png(tab, tmp_path):
    from zdl_gui.plotting import export_plot

    target = tmp_path / "perceptron.png"
    export_plot(tab.plot_for_export(), target)
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
