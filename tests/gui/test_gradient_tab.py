"""The gradient tab (§4.3–4.4) driven through its widgets: sliders, typed formulas, clicks, drags."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest

from core.derivative_steps import PRESETS as CURVES
from core.derivative_steps import PRESETS_BY_ID, derivative_at, error_vs_h
from core.descent import BOOK_START, descend
from core.descent import PRESETS_BY_ID as SURFACES
from zdl_gui.tabs.gradient_common import CUSTOM, FunctionPicker
from zdl_gui.tabs.gradient_tab import GradientTab
from zdl_gui.widgets.inline_message import Level
from zdl_gui.widgets.sizing import VerticalScroll


@pytest.fixture
def tab(show):
    widget = show(GradientTab())
    yield widget
    widget.shutdown()


@pytest.fixture
def derivative(tab):
    tab.pages.setCurrentIndex(0)
    return tab.derivative_page


@pytest.fixture
def descent(tab, qtbot):
    tab.pages.setCurrentIndex(1)
    qtbot.waitExposed(tab.descent_page)
    return tab.descent_page


def type_into(qtbot, line_edit, text):
    """Clear ``line_edit`` and type ``text`` key by key, like a learner.

    QTest can only synthesise keys for Latin-1 characters; text with others (``−``, ``√``) is
    committed at once, as a Japanese IME commits its text.
    """
    line_edit.selectAll()
    qtbot.keyClick(line_edit, Qt.Key.Key_Delete)
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        line_edit.insert(text)
    else:
        qtbot.keyClicks(line_edit, text)


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def widget_point(plot, x, y):
    """Where the data point (x, y) of ``plot`` is on its viewport, in widget pixels."""
    scene = plot.plotItem.vb.mapViewToScene(QPointF(x, y))
    return plot.mapFromScene(scene)


def click_plot_at(qtbot, plot, x, y):
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=widget_point(plot, x, y))


def f1(x):
    return 0.01 * x**2 + 0.1 * x


# --- §4.3: numerical differentiation ------------------------------------------------------------


def test_opens_on_the_books_function_at_x_5(derivative):
    assert derivative.function_box.preset_combo.currentData() == "function_1"
    assert derivative.function_box.expression_edit.text() == "0.01*x^2 + 0.1*x"
    assert derivative.x_spin.value() == 5.0
    assert derivative.h_field.text() == "0.0001"
    assert derivative.cell_text("forward", 0) == "0.20000099999917254"  # N2
    assert derivative.cell_text("central", 0) == "0.1999999999990898"  # N1
    assert derivative.cell_text("exact", 0) == "0.2"
    assert float(derivative.cell_text("forward", 1)) == pytest.approx(1e-6, rel=1e-2)  # N3
    assert float(derivative.cell_text("central", 1)) == pytest.approx(9.1e-13, rel=1e-2)
    x, y = derivative.f_curve.getData()
    np.testing.assert_allclose(y, f1(x))
    assert x[0] <= 0.0 and x[-1] >= 20.0


def test_tangent_and_secant_are_drawn_through_the_point(derivative):
    tx, ty = derivative.tangent_line.getData()
    assert len(tx) == 2
    np.testing.assert_allclose(ty, 0.2 * tx - 0.25, atol=1e-6)  # N6: y = 0.2x − 0.25
    sx, sy = derivative.secant_line.getData()
    record = derivative.record
    np.testing.assert_allclose(sy, record.forward * (sx - 5.0) + 0.75, atol=1e-9)
    pos = derivative.point_item.pos()
    assert (pos.x(), pos.y()) == (5.0, 0.75)


def test_x_10_gives_the_books_second_values(qtbot, derivative):
    derivative.x_spin.setValue(10.0)
    assert derivative.cell_text("central", 0) == "0.2999999999986347"
    assert derivative.cell_text("forward", 0) == "0.3000009999976072"
    assert derivative.cell_text("exact", 0) == "0.3"


def test_dragging_the_point_moves_x_along_the_curve(qtbot, derivative):
    plot = derivative.main_plot
    start = widget_point(plot, 5.0, 0.75)
    end = widget_point(plot, 12.0, 0.75)
    viewport = plot.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for i in range(1, 11):
        QTest.mouseMove(viewport, start + (end - start) * i / 10)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    qtbot.waitUntil(lambda: derivative.x_spin.value() > 10.0)
    x = derivative.x_spin.value()
    assert x == pytest.approx(12.0, abs=0.3)
    pos = derivative.point_item.pos()
    assert pos.x() == x and pos.y() == pytest.approx(f1(x))  # back on the curve
    expected = derivative_at(PRESETS_BY_ID["function_1"].function(), x, 1e-4)
    assert derivative.cell_text("central", 0) == repr(expected.central)


def test_h_slider_sets_h_and_every_view(qtbot, derivative):
    derivative.h_field.slider.setValue(-8)
    assert derivative.h_field.text() == "1e-08"
    assert derivative.h == 1e-8
    f = PRESETS_BY_ID["function_1"].function()
    expected = derivative_at(f, 5.0, 1e-8, exact=0.2)
    assert derivative.cell_text("forward", 0) == repr(expected.forward)
    assert derivative.cell_text("central", 0) == repr(expected.central)
    assert derivative.h_line.value() == pytest.approx(-8.0)  # the log-scale axis
    mx, my = derivative.h_marker_points.getOriginalDataset()  # getData() is log10 here
    assert list(mx) == [1e-8, 1e-8]
    np.testing.assert_allclose(my, [expected.forward_error, expected.central_error])
    zx, zy = derivative.zoom_curve.getData()
    assert zx[0] == -2.0 and zx[-1] == 2.0 and np.all(np.isfinite(zy))


def test_typing_h_moves_the_slider(qtbot, derivative):
    type_into(qtbot, derivative.h_field.edit, "1e-12")
    assert derivative.h_field.slider.value() == -12
    assert derivative.h == 1e-12


def test_error_plot_shows_both_curves_and_the_current_h(derivative):
    curve = error_vs_h(PRESETS_BY_ID["function_1"].function(), 5.0, 0.2)
    fx, fy = derivative.forward_errors.getOriginalDataset()  # getData() is log10 here
    cx, cy = derivative.central_errors.getOriginalDataset()
    np.testing.assert_array_equal(fx, curve.hs)
    np.testing.assert_array_equal(fy, curve.forward_for_log)
    np.testing.assert_array_equal(cy, curve.central_for_log)
    assert cx[0] == 0.1 and cx[-1] == 1e-16
    names = [label.text for _, label in derivative.error_legend.items]
    assert names == ["forward", "central", "current h"]
    assert derivative.h_line.value() == pytest.approx(-4.0)
    # the U: both errors fall as h shrinks from 0.1, and grow again below 1e-10
    i4, i12 = list(cx).index(1e-4), list(cx).index(1e-12)
    assert cy[i4] < fy[i4] and cy[i12] > cy[i4]


def test_float32_moves_the_u_and_keeps_float64_for_comparison(qtbot, derivative):
    derivative.dtype_combo.setCurrentIndex(derivative.dtype_combo.findData("float32"))
    f = PRESETS_BY_ID["function_1"].function()
    c32 = error_vs_h(f, 5.0, 0.2, dtype="float32")
    _, fy = derivative.forward_errors.getOriginalDataset()
    np.testing.assert_array_equal(fy, c32.forward_for_log)
    ox, oy = derivative.other_central.getOriginalDataset()
    assert len(ox) == 61 and np.nanmin(oy) < 1e-14  # float64, faint
    names = [label.text for _, label in derivative.error_legend.items]
    assert "float64, for comparison" in names
    r32 = derivative_at(f, 5.0, 1e-4, dtype="float32")
    assert derivative.cell_text("central", 0) == str(np.float32(r32.central))
    derivative.h_field.slider.setValue(-8)  # x + 1e-8 == x in float32
    assert derivative.point_message.isVisible()
    assert "x + h = x" in derivative.point_message.message
    assert derivative.cell_text("forward", 0) == "0.0"


def test_the_1e_50_example(qtbot, derivative):
    assert "np.float32(1e-50) is 0.0" in derivative.bad_example_label.text()
    click(qtbot, derivative.bad_example_button)
    assert derivative.h_field.text() == "1e-50"
    assert derivative.h == 1e-50
    assert derivative.cell_text("forward", 0) == "0.0"  # B15
    assert derivative.point_message.level is Level.WARNING
    assert "lost in rounding" in derivative.point_message.message
    derivative.dtype_combo.setCurrentIndex(1)
    assert "becomes 0" in derivative.point_message.message
    assert derivative.cell_text("forward", 0) == "nan"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0", "greater than 0"),
        ("-1e-3", "greater than 0"),
        ("abc", "'abc' is not a number."),
        ("", "Type a number"),
        ("inf", "finite"),
    ],
)
def test_bad_h_keeps_the_last_result(qtbot, derivative, text, expected):
    before = derivative.f_curve.getData()[1].copy()
    type_into(qtbot, derivative.h_field.edit, text)
    assert derivative.h_message.isVisible() and expected in derivative.h_message.message
    assert derivative.is_stale and derivative.stale_message.isVisible()
    assert derivative.h == 1e-4
    assert derivative.cell_text("central", 0) == "0.1999999999990898"
    assert not derivative.values_table.isEnabled()
    np.testing.assert_array_equal(derivative.f_curve.getData()[1], before)
    type_into(qtbot, derivative.h_field.edit, "1e-3")
    assert not derivative.h_message.isVisible() and not derivative.is_stale


def test_typed_x_squared_is_recognised_as_the_preset(qtbot, derivative):
    type_into(qtbot, derivative.function_box.expression_edit, "x^2")
    assert derivative.function_box.preset_combo.currentData() == "square"
    assert derivative.function_box.understood_label.text() == "Read as: f(x) = x²"
    assert derivative.exact_label.text() == "Exact derivative: f′(x) = 2·x"
    assert derivative.cell_text("exact", 0) == "10"  # at x = 5
    x, y = derivative.f_curve.getData()
    np.testing.assert_allclose(y, x**2)


def test_own_formula_gets_an_exact_derivative_by_autodiff(qtbot, derivative):
    type_into(qtbot, derivative.function_box.expression_edit, "x³ − 2x")
    assert derivative.function_box.preset_combo.currentData() == "custom"
    assert "automatic differentiation" in derivative.exact_label.text()
    assert float(derivative.cell_text("exact", 0)) == pytest.approx(3 * 25 - 2)
    _, fy = derivative.forward_errors.getOriginalDataset()
    assert np.isfinite(fy).any()


def test_import_os_is_refused_with_a_message(qtbot, derivative):
    before = derivative.f_curve.getData()[1].copy()
    type_into(qtbot, derivative.function_box.expression_edit, "import os")
    assert derivative.function_box.expression_message.isVisible()
    assert derivative.function_box.expression_message.level is Level.ERROR
    assert "Python code, not a formula" in derivative.function_box.expression_message.message
    assert "Showing the result for the last valid input" in derivative.stale_message.message
    np.testing.assert_array_equal(derivative.f_curve.getData()[1], before)
    assert derivative.f_curve.opacity() < 1.0  # visibly stale
    type_into(qtbot, derivative.function_box.expression_edit, "sin(x)")
    assert not derivative.function_box.expression_message.isVisible()
    assert derivative.f_curve.opacity() == 1.0


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("x +", "ends too early"),
        ("(x", "never closed"),
        ("foo(x)", "not a function"),
        ("z", "not a variable"),
        ("__import__('os')", "Python code"),
        ("9**9**9", "exponents beyond"),
        ("√x", "write sqrt instead"),
    ],
)
def test_formula_errors_are_explained(qtbot, derivative, text, fragment):
    type_into(qtbot, derivative.function_box.expression_edit, text)
    assert fragment in derivative.function_box.expression_message.message


def test_undefined_point_is_said_and_nothing_breaks(qtbot, derivative):
    type_into(qtbot, derivative.function_box.expression_edit, "log(x)")
    derivative.x_spin.setValue(-1.0)
    assert derivative.point_message.level is Level.ERROR
    assert "not defined at x = -1" in derivative.point_message.message
    assert derivative.cell_text("central", 0) == "nan"
    x, y = derivative.f_curve.getData()
    assert np.isnan(y[x < 0]).all()
    assert np.all(np.isfinite(derivative.point_item.pos().toTuple()))


def test_no_derivative_at_the_corner_of_abs(qtbot, derivative):
    derivative.function_box.preset_combo.setCurrentIndex(
        derivative.function_box.preset_combo.findData("abs")
    )
    assert derivative.x_spin.value() == 0.0
    assert derivative.cell_text("exact", 0) == "does not exist"
    assert derivative.cell_text("forward", 0) == "1.0"
    assert derivative.cell_text("central", 0) == "0.0"
    assert "no derivative at x = 0" in derivative.point_message.message
    assert derivative.error_note.isVisible()
    x, _ = derivative.forward_errors.getOriginalDataset()
    assert x is None or len(x) == 0


def test_pole_keeps_the_view_readable(qtbot, derivative):
    derivative.function_box.preset_combo.setCurrentIndex(
        derivative.function_box.preset_combo.findData("reciprocal")
    )
    (_, _), (y_lo, y_hi) = derivative.main_plot.viewRange()
    assert -50 < y_lo < 0 < y_hi < 50  # 1/x near 0 does not squash the curve
    x, y = derivative.f_curve.getData()
    assert np.nanmax(np.abs(y)) < 1e4  # what pyqtgraph gets stays near the view
    joined = np.isfinite(y[:-1]) & np.isfinite(y[1:])
    assert not np.any(joined & (x[:-1] < 0) & (x[1:] > 0))  # no line drawn through the pole


# --- §4.4: gradients and gradient descent --------------------------------------------------------


def test_clicking_3_4_reads_6_8(qtbot, descent):
    click_plot_at(qtbot, descent.contour_plot, 1.0, 2.0)
    assert tuple(descent.reading.point) == (1.0, 2.0)
    click_plot_at(qtbot, descent.contour_plot, 3.0, 4.0)
    assert tuple(descent.reading.point) == (3.0, 4.0)
    text = descent.reading_label.text()
    assert "At (3, 4): f = 25" in text
    assert "∇f = (6, 8)" in text  # G1
    np.testing.assert_allclose(descent.reading.gradient, [6.0, 8.0], atol=1e-9)
    ax, ay = descent.read_arrow.getData()
    assert (ax[0], ay[0]) == (3.0, 4.0)
    assert ax[1] < 3.0 and ay[1] < 4.0  # −∇f points towards lower f


@pytest.mark.parametrize(("point", "expected"), [((0.0, 2.0), "(0, 4)"), ((3.0, 0.0), "(6, 0)")])
def test_other_book_gradients(qtbot, descent, point, expected):
    click_plot_at(qtbot, descent.contour_plot, *point)
    assert f"∇f = {expected}" in descent.reading_label.text()


def test_slice_view_shows_the_partial_derivative(qtbot, descent):
    x, y = descent.slice_curve.getData()
    np.testing.assert_allclose(y, x**2 + 16.0)  # f(x0, 4)
    assert "∂f/∂x0 = 6.00000000000378" in descent.slope_label.text()  # P1
    assert descent.slice_line.angle == 0 and descent.slice_line.value() == 4.0
    tx, ty = descent.slice_tangent.getData()
    np.testing.assert_allclose(ty, 6.0 * (tx - 3.0) + 25.0, atol=1e-8)
    descent.slice_combo.setCurrentIndex(1)
    assert "∂f/∂x1 = 7.999999999999119" in descent.slope_label.text()
    assert descent.slice_line.angle == 90 and descent.slice_line.value() == 3.0
    x, y = descent.slice_curve.getData()
    np.testing.assert_allclose(y, 9.0 + x**2)


def test_contours_and_arrows_are_drawn(descent):
    assert len(descent.contour_items) == 12
    for item in descent.contour_items[:3]:
        x, y = item.getData()
        level = x**2 + y**2
        assert np.ptp(level) < 0.05 * level.mean()  # each line is one circle
    ax, _ = descent.arrows.getData()
    assert len(ax) > 0 and len(ax) % 6 == 0
    (x_lo, x_hi), (y_lo, y_hi) = descent.contour_plot.viewRange()
    field = descent._field
    assert field.xs[0] <= x_lo + 0.1 and field.xs[-1] >= x_hi - 0.1  # covers the view
    assert field.ys[0] <= y_lo + 0.1 and field.ys[-1] >= y_hi - 0.1


def test_book_descent_ends_at_the_origin_in_the_table(qtbot, descent):
    assert descent.lr_field.text() == "0.1"
    assert descent.start == BOOK_START
    assert descent.position_label.text() == "Step 100 of 100"
    assert descent.steps_model.rowCount() == 101
    x0, x1 = float(descent.cell_text(100, "x0")), float(descent.cell_text(100, "x1"))
    assert math.hypot(x0, x1) < 1e-8  # GD1
    assert (descent.cell_text(1, "x0"), descent.cell_text(1, "x1")) == ("-2.4", "3.2")
    assert (descent.cell_text(2, "x0"), descent.cell_text(2, "x1")) == ("-1.92", "2.56")
    assert descent.status_message.message.startswith("Converged")
    px, py = descent.path_curve.getData()
    expected = descend(SURFACES["function_2"].function(), BOOK_START, 0.1, 100).path
    np.testing.assert_array_equal(px, expected[:, 0])
    np.testing.assert_array_equal(py, expected[:, 1])


def test_play_step_reset_and_end(qtbot, descent):
    descent.steps_spin.setValue(20)
    click(qtbot, descent.playback.rewind_button)
    assert descent.player.position == 0 and descent.steps_model.rowCount() == 1
    assert "Press Play or Step" in descent.status_message.message
    click(qtbot, descent.playback.step_button)
    click(qtbot, descent.playback.step_button)
    assert descent.player.position == 2
    assert descent.cell_text(2, "x0") == "-1.92"
    assert len(descent.path_curve.getData()[0]) == 3
    click(qtbot, descent.playback.play_button)
    assert descent.playback.is_playing() and descent.playback.play_button.text() == "Pause"
    qtbot.waitUntil(lambda: not descent.playback.is_playing(), timeout=10_000)
    assert descent.player.position == 20
    assert descent.playback.play_button.text() == "Play"
    assert descent.position_label.text() == "Step 20 of 20"
    click(qtbot, descent.playback.play_button)  # from the end, play starts again from 0
    qtbot.waitUntil(lambda: descent.player.position >= 2)
    click(qtbot, descent.playback.play_button)
    assert not descent.playback.is_playing()
    paused = descent.player.position
    click(qtbot, descent.playback.end_button)
    assert descent.player.position == 20 and paused <= 20


def test_learning_rate_10_diverges_and_says_so(qtbot, descent):
    click(qtbot, descent.lr_buttons["too_large"])
    assert descent.lr_field.text() == "10"
    assert descent.status_message.level is Level.ERROR
    assert (
        descent.status_message.message
        == "Diverged: |x| reached 2.6e13 after 100 steps — the learning rate is too large."
    )
    assert float(descent.cell_text(100, "x0")) == pytest.approx(-2.5898e13, rel=1e-4)
    px, _ = descent.path_curve.getData()
    assert np.all(np.isfinite(px)) and np.max(np.abs(px)) < 100  # nothing near inf is drawn
    ex, ey = descent.path_exit.getData()
    assert len(ex) == 2 and np.all(np.abs(ex) < 100) and np.all(np.abs(ey) < 100)
    # the app goes on: play it, then back to the book's rate
    click(qtbot, descent.playback.rewind_button)
    click(qtbot, descent.playback.play_button)
    qtbot.waitUntil(lambda: descent.player.position >= 6, timeout=10_000)
    assert descent.status_message.message.startswith("Diverged")
    click(qtbot, descent.lr_buttons["book"])
    click(qtbot, descent.playback.end_button)
    assert descent.status_message.message.startswith("Converged")


def test_tiny_learning_rate_barely_moves(qtbot, descent):
    click(qtbot, descent.lr_buttons["too_small"])
    assert descent.lr_field.text() == "1e-10"
    assert descent.status_message.level is Level.WARNING
    assert descent.status_message.message.startswith("Barely moved")
    assert "too small" in descent.status_message.message


def test_other_learning_rate_presets(qtbot, descent):
    click(qtbot, descent.lr_buttons["oscillates"])
    assert descent.status_message.message.startswith("Oscillating")
    click(qtbot, descent.lr_buttons["one_step"])
    assert math.hypot(float(descent.cell_text(1, "x0")), float(descent.cell_text(1, "x1"))) < 1e-9


def test_learning_rate_slider_is_logarithmic(qtbot, descent):
    descent.lr_field.slider.setValue(-5)
    assert descent.lr_field.text() == "0.316"
    assert descent.lr == 0.316
    descent.lr_field.slider.setValue(-30)
    assert descent.lr_field.text() == "0.001"
    assert descent.run.lr == 0.001


@pytest.mark.parametrize(("text", "fragment"), [("0", "greater than 0"), ("abc", "not a number")])
def test_bad_learning_rate_pauses_and_keeps_the_last_run(qtbot, descent, text, fragment):
    descent.steps_spin.setValue(200)
    click(qtbot, descent.playback.rewind_button)
    click(qtbot, descent.playback.play_button)
    assert descent.playback.is_playing()
    type_into(qtbot, descent.lr_field.edit, text)
    assert not descent.playback.is_playing()  # no frozen animation: it stops and says why
    assert fragment in descent.lr_message.message
    assert descent.is_stale and descent.stale_message.isVisible()
    assert descent.run.lr == 0.1
    click(qtbot, descent.playback.play_button)
    assert not descent.playback.is_playing()  # nothing runs on a bad input
    type_into(qtbot, descent.lr_field.edit, "0.2")
    assert not descent.is_stale and descent.run.lr == 0.2


def test_dragging_the_start_reruns_descent(qtbot, descent):
    descent.start_item.setPos(1.234, -2.5)
    assert descent.start == (1.23, -2.5)
    np.testing.assert_array_equal(descent.run.path[0], [1.23, -2.5])
    pos = descent.start_item.pos()
    assert (round(pos.x(), 6), round(pos.y(), 6)) == (1.23, -2.5)  # snapped to the spin boxes
    descent.start_x0.setValue(-3.0)
    assert descent.start_item.pos().x() == -3.0


def test_mouse_drag_of_the_start(qtbot, descent):
    plot = descent.contour_plot
    start = widget_point(plot, -3.0, 4.0)
    end = widget_point(plot, -1.0, 2.0)
    viewport = plot.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for i in range(1, 11):
        QTest.mouseMove(viewport, start + (end - start) * i / 10)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    qtbot.waitUntil(lambda: descent.start[0] > -2.0)
    assert descent.start[0] == pytest.approx(-1.0, abs=0.2)
    assert descent.start[1] == pytest.approx(2.0, abs=0.2)
    assert tuple(descent.run.path[0]) == descent.start


def test_elongated_bowl_and_its_arrows(qtbot, descent):
    descent.function_box.preset_combo.setCurrentIndex(
        descent.function_box.preset_combo.findData("elongated")
    )
    assert descent.start == (-7.0, 2.0)
    assert descent.function_box.expression_edit.text() == "x0^2/20 + x1^2"
    click_plot_at(qtbot, descent.contour_plot, -7.0, 2.0)
    np.testing.assert_allclose(descent.reading.gradient, [-0.7, 4.0], atol=1e-9)
    assert descent.status_message.message.startswith("Not there yet")


def test_double_well_marks_its_stationary_points(qtbot, descent):
    descent.function_box.preset_combo.setCurrentIndex(
        descent.function_box.preset_combo.findData("double_well")
    )
    sx, sy = descent.stationary_points.getData()
    assert len(sx) == 3 and np.all(np.asarray(sy) == 0.0)
    names = [label.text for _, label in descent.contour_legend.items]
    assert "∇f = 0" in names


def test_stopping_in_a_local_minimum_is_said(qtbot, descent):
    descent.function_box.preset_combo.setCurrentIndex(
        descent.function_box.preset_combo.findData("double_well")
    )
    descent.steps_spin.setValue(300)
    descent.set_start(3.0, 3.0)
    message = descent.status_message.message
    assert message.startswith("Converged")
    assert "This is a local minimum (f = 0.479); the lowest point is at (-2.14, 0)" in message
    descent.set_start(-3.0, 3.0)
    assert "local minimum" not in descent.status_message.message
    levels = [item.getData()[0].size for item in descent.contour_items]
    assert sum(1 for n in levels if n > 0) >= 10  # the valleys get contour lines


def test_read_arrow_is_short_where_the_gradient_is_small(qtbot, descent):
    descent.read_gradient_at(3.0, 4.0)
    ax, ay = descent.read_arrow.getData()
    long = math.hypot(ax[1] - ax[0], ay[1] - ay[0])
    descent.read_gradient_at(0.1, 0.1)
    ax, ay = descent.read_arrow.getData()
    assert math.hypot(ax[1] - ax[0], ay[1] - ay[0]) < 0.5 * long


def test_own_two_variable_formula(qtbot, descent):
    type_into(qtbot, descent.function_box.expression_edit, "x^2 + 3y^2")
    assert descent.function_box.preset_combo.currentData() == "custom"
    assert "x0² + 3·x1²" in descent.function_box.understood_label.text()
    click_plot_at(qtbot, descent.contour_plot, 1.0, 1.0)
    assert "∇f = (2, 6)" in descent.reading_label.text()
    assert "exact: (2, 6)" in descent.reading_label.text()
    x, _ = descent.path_curve.getData()
    assert len(x) == 101


def test_bad_two_variable_formula_keeps_the_last_plot(qtbot, descent):
    before = descent.contour_items[0].getData()[0].copy()
    descent.function_box.expression_edit.selectAll()
    descent.function_box.expression_edit.insert("x0 +* x1")  # pasted in one go
    assert "cannot stand here" in descent.function_box.expression_message.message
    assert descent.is_stale
    assert "Showing the last valid run: f = x0^2 + x1^2" in descent.stale_message.message
    np.testing.assert_array_equal(descent.contour_items[0].getData()[0], before)
    type_into(qtbot, descent.function_box.expression_edit, "z")
    assert "x0, x1 (or x, y)" in descent.function_box.expression_message.message


def test_hiding_the_page_pauses_the_animation(qtbot, tab, descent):
    click(qtbot, descent.playback.rewind_button)
    click(qtbot, descent.playback.play_button)
    assert descent.playback.is_playing()
    tab.pages.setCurrentIndex(0)
    assert not descent.playback.is_playing()


def test_shutdown_stops_the_timer(qtbot, tab, descent):
    click(qtbot, descent.playback.rewind_button)
    click(qtbot, descent.playback.play_button)
    tab.shutdown()
    assert not descent.playback.timer.isActive()


# --- why not solve ∇L = 0 ---------------------------------------------------------------------


def test_closed_form_page_numbers(tab):
    page = tab.closed_form_page
    tab.pages.setCurrentIndex(2)
    text = page.text_label.text().replace("\u00a0", " ")
    assert "39 760 unknowns: the TwoLayerNet 784-50-10" in text
    assert "2 × 39 760 = 79 520 loss evaluations" in text
    assert "x = −0.1 / 0.02 = -5" in text
    assert [label.toPlainText() for label in page.well_labels] == [
        "global minimum",
        "saddle point",
        "local minimum",
    ]
    header, rows = tab.table_for_export()
    assert header == ["parameter", "shape", "count"] and rows[-1] == ["total", "", 39760]
    assert tab.plot_for_export() is page.quadratic_plot.plotItem


# --- remembered inputs, export, language and theme ---------------------------------------------


def test_inputs_are_remembered(qtbot, tab):
    d, g = tab.derivative_page, tab.descent_page
    type_into(qtbot, d.function_box.expression_edit, "x^3")
    d.x_spin.setValue(2.5)
    d.h_field.slider.setValue(-6)
    d.dtype_combo.setCurrentIndex(1)
    g.function_box.preset_combo.setCurrentIndex(g.function_box.preset_combo.findData("elongated"))
    g.start_x0.setValue(-5.0)
    type_into(qtbot, g.lr_field.edit, "0.9")
    g.steps_spin.setValue(30)
    g.slice_combo.setCurrentIndex(1)
    tab.pages.setCurrentIndex(1)
    tab.save_state()
    again = GradientTab()
    qtbot.addWidget(again)
    d2, g2 = again.derivative_page, again.descent_page
    assert again.pages.currentIndex() == 1
    assert (
        d2.function_box.expression_edit.text() == "x^3"
        and d2.function_box.preset_combo.currentData() == "custom"
    )
    assert d2.x_spin.value() == 2.5 and d2.h == 1e-6 and d2.dtype == "float32"
    assert d2.cell_text("central", 0) == d.cell_text("central", 0)
    assert g2.function_box.preset_combo.currentData() == "elongated"
    assert g2.start == (-5.0, 2.0) and g2.lr == 0.9 and g2.run.steps == 30
    assert g2.slice_axis == 1
    np.testing.assert_array_equal(g2.run.path, g.run.path)
    again.shutdown()


def test_export_follows_the_page(tab):
    header, rows = tab.table_for_export()
    assert header == ["h", "forward", "central", "forward error", "central error"]
    assert len(rows) == 61 and rows[0][0] == 0.1
    assert tab.plot_for_export() is tab.derivative_page.main_plot.plotItem
    tab.pages.setCurrentIndex(1)
    header, rows = tab.table_for_export()
    assert header[:3] == ["step", "x0", "x1"] and len(rows) == 101
    assert rows[1][1:3] == pytest.approx([-2.4, 3.2])
    assert isinstance(tab.plot_for_export(), pg.PlotItem)


def test_the_plots_export_as_png(tab, tmp_path):
    from zdl_gui.plotting import export_plot

    for page in range(3):
        tab.pages.setCurrentIndex(page)
        target = tmp_path / f"page{page}.png"
        export_plot(tab.plot_for_export(), target)
        assert target.stat().st_size > 1000


def test_retranslate_and_theme_change_keep_everything(qtbot, tab):
    tab.retranslate_ui()  # what a runtime language switch does
    assert tab.windowTitle() == "Numerical differentiation and gradient descent"
    assert [tab.pages.tabText(i) for i in range(3)] == [
        "Numerical differentiation",
        "Gradient descent",
        "Why not solve ∇L = 0?",
    ]
    d = tab.derivative_page
    assert (
        d.function_box.preset_combo.count() == 7
        and d.function_box.preset_combo.itemData(0) == "function_1"
    )
    assert d.cell_text("central", 0) == "0.1999999999990898"
    dark = QPalette(tab.palette())
    for role, color in (
        (QPalette.ColorRole.Window, "#2b2b2e"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1e1e20"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
    ):
        dark.setColor(role, QColor(color))
    tab.setPalette(dark)
    assert d.f_curve.opts["pen"].color().lightness() > 128  # a light curve on the dark plot
    assert tab.descent_page.arrows.opts["pen"].color().lightness() > 128


def test_keyboard_only_learner_can_set_x_and_h(qtbot, derivative):
    derivative.x_spin.setFocus()
    derivative.x_spin.lineEdit().selectAll()
    qtbot.keyClicks(derivative.x_spin.lineEdit(), "10")
    qtbot.keyClick(derivative.x_spin.lineEdit(), Qt.Key.Key_Return)
    assert derivative.cell_text("central", 0) == "0.2999999999986347"
    derivative.h_field.slider.setFocus()
    qtbot.keyClick(derivative.h_field.slider, Qt.Key.Key_Left)
    assert derivative.h == 1e-5


def test_the_function_picker_alone(qtbot):
    """Picking writes the formula; typing selects the matching entry or "your own"; a formula
    that does not parse keeps the last good one in use and says why."""
    picker = FunctionPicker(CURVES, 1)
    qtbot.addWidget(picker)
    with qtbot.waitSignal(picker.picked) as picked:
        picker.preset_combo.setCurrentIndex(picker.preset_combo.findData("sin"))
    assert picked.args[0] is PRESETS_BY_ID["sin"]
    assert picker.expression_edit.text() == "sin(x)"
    with qtbot.waitSignal(picker.typed):
        type_into(qtbot, picker.expression_edit, "x^2")
    assert picker.preset is PRESETS_BY_ID["square"]
    assert picker.preset_combo.currentData() == "square"
    with qtbot.waitSignal(picker.typed):
        type_into(qtbot, picker.expression_edit, "x^3")
    assert picker.preset is None and picker.preset_combo.currentData() == CUSTOM
    assert picker.function(np.array([2.0])).tolist() == [8.0]
    picker.expression_edit.selectAll()
    with qtbot.waitSignal(picker.failed):
        picker.expression_edit.insert("x^")  # pasted in one go
    assert picker.error is not None and picker.expression_message.message
    assert picker.good_text == "x^3" and picker.function(np.array([2.0])).tolist() == [8.0]


def test_a_message_in_the_side_panel_does_not_cut_off_its_controls(qtbot, tab):
    """The error under the formula makes the panel taller: its scroll bar appears, and the panel
    widens for it instead of hiding the right edge of its fields and buttons."""
    tab.pages.setCurrentIndex(1)
    descent = tab.descent_page
    scroll = descent.findChild(VerticalScroll)
    descent.function_box.expression_edit.setText("x0^2 +* x1")
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().isVisible())
    qtbot.wait(50)
    assert scroll.viewport().width() >= scroll.widget().minimumSizeHint().width()
