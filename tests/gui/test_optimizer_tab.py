"""The optimizer race tab (§6.1) driven through its widgets: paths, animation, state, messages."""

import math
import re

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette

from core.optimizer_race import FUNCTIONS, race
from zdl_gui.settings import Settings
from zdl_gui.tabs.optimizer_tab import COL_NAME, COL_POINT, COL_STATE, VIEW_X, VIEW_Y, OptimizerTab
from zdl_gui.theme import curve_color

BOOK = {"SGD": 0.95, "Momentum": 0.1, "AdaGrad": 1.5, "Adam": 0.3}  # the book's figure


@pytest.fixture
def tab(qtbot):
    widget = OptimizerTab()
    qtbot.addWidget(widget)
    widget.resize(1050, 720)
    widget.playback.speed_slider.setValue(widget.playback.speed_slider.maximum())  # a quick race
    yield widget
    widget.playback.timer.stop()


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def tick(qtbot, check):
    """Click a check box on its box (its middle may be empty space beside the text)."""
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))


def type_lr(qtbot, tab, name, text):
    spin = tab.lr_spins[name]
    spin.clear()
    qtbot.keyClicks(spin, text)


def wait_for_the_end(qtbot, tab):
    qtbot.waitUntil(lambda: not tab.playback.timer.isActive(), timeout=10_000)
    assert tab.step_label.text() == "step 30 / 30"


def curve(tab, name):
    x, y = tab.path_items[name].getData()
    return np.column_stack([x, y])


def plotted(tab):
    return [name for name, item in tab.path_items.items() if item in tab.plot.listDataItems()]


def row_of(tab, name):
    names = [tab.table.item(r, COL_NAME).text() for r in range(tab.table.rowCount())]
    return next(r for r, text in enumerate(names) if text.split()[0] == name)


def numbers(text):
    return [float(n.replace("−", "-")) for n in re.findall(r"[−-]?\d[\d.]*(?:e[+−-]\d+)?", text)]


def assert_ends_match(tab, expected_runs):
    for name, run in expected_runs.items():
        points = curve(tab, name)
        assert points.shape == run.path.shape, name
        np.testing.assert_allclose(points[-1], run.path[-1], rtol=0, atol=1e-12, err_msg=name)
        np.testing.assert_allclose(points, run.path, rtol=0, atol=1e-12, err_msg=name)


# --- the book's race ----------------------------------------------------------------------------


def test_opens_on_the_books_whole_race(tab):
    assert tab.step_label.text() == "step 30 / 30"
    assert not tab.playback.timer.isActive()
    assert {name: tab.lr_spins[name].value() for name in BOOK} == BOOK
    assert plotted(tab) == list(BOOK)
    assert_ends_match(tab, race(BOOK))
    assert tab.plot.plotItem.titleLabel.text.startswith("f(x, y) = x²/20 + y²: 30 steps")


def test_typed_learning_rate_replays_the_race_to_cores_end_points(qtbot, tab):
    type_lr(qtbot, tab, "Momentum", "0.5")
    assert tab.lr_spins["Momentum"].value() == 0.5
    assert tab.playback.timer.isActive()  # the new race plays from the start
    assert tab.step < 30
    wait_for_the_end(qtbot, tab)
    assert_ends_match(tab, race({**BOOK, "Momentum": 0.5}))
    legend = [label.text for _, label in tab.legend.items]
    assert "Momentum, lr = 0.5" in legend


def test_step_reset_play_and_pause(qtbot, tab):
    expected = race(BOOK)
    click(qtbot, tab.playback.rewind_button)
    assert tab.step_label.text() == "step 0 / 30"
    for name in BOOK:
        np.testing.assert_array_equal(curve(tab, name), [[-7.0, 2.0]])
    for _ in range(3):
        click(qtbot, tab.playback.step_button)
    assert tab.step_label.text() == "step 3 / 30"
    for name, run in expected.items():
        np.testing.assert_allclose(curve(tab, name), run.path[:4], rtol=0, atol=1e-12)

    click(qtbot, tab.playback.play_button)
    assert tab.playback.timer.isActive() and tab.playback.play_button.text() == "Pause"
    click(qtbot, tab.playback.play_button)
    assert not tab.playback.timer.isActive() and tab.playback.play_button.text() == "Play"
    paused_at = tab.step
    assert 3 <= paused_at < 30

    click(qtbot, tab.playback.play_button)
    qtbot.waitUntil(lambda: tab.step > paused_at + 2)  # it moves on by itself
    wait_for_the_end(qtbot, tab)
    assert tab.playback.play_button.text() == "Play"
    assert not tab.playback.step_button.isEnabled()
    assert_ends_match(tab, expected)

    click(qtbot, tab.playback.play_button)  # at the end, play starts over
    assert tab.playback.timer.isActive() and tab.step <= 1
    click(qtbot, tab.playback.end_button)
    assert not tab.playback.timer.isActive() and tab.step == 30
    assert_ends_match(tab, expected)


def test_speed_sets_the_timer(qtbot, tab):
    tab.playback.speed_slider.setValue(4)
    assert tab.playback.speed_label.text() == "Speed: 4 steps/s"
    click(qtbot, tab.playback.play_button)
    assert tab.playback.timer.interval() == 250
    tab.playback.speed_slider.setValue(20)
    assert tab.playback.timer.interval() == 50


# --- the internal state -------------------------------------------------------------------------


def test_state_table_follows_the_animation(qtbot, tab):
    expected = race(BOOK)
    click(qtbot, tab.playback.rewind_button)
    for _ in range(12):
        click(qtbot, tab.playback.step_button)
    assert tab.step_label.text() == "step 12 / 30"

    adam = tab.table.item(row_of(tab, "Adam"), COL_STATE).text()
    assert adam.splitlines()[-1] == "t = 12"
    m, v = expected["Adam"].state["m"][12], expected["Adam"].state["v"][12]
    assert numbers(adam) == pytest.approx([*m, *v, 12], rel=1e-3)

    momentum = tab.table.item(row_of(tab, "Momentum"), COL_STATE).text()
    assert momentum.startswith("v = (")
    assert numbers(momentum) == pytest.approx(expected["Momentum"].state["v"][12], rel=1e-3)

    adagrad = tab.table.item(row_of(tab, "AdaGrad"), COL_STATE).text()
    assert numbers(adagrad) == pytest.approx(expected["AdaGrad"].state["h"][12], rel=1e-3)

    sgd = tab.table.item(row_of(tab, "SGD"), COL_POINT).text()
    assert numbers(sgd) == pytest.approx(expected["SGD"].path[12], rel=1e-3)

    click(qtbot, tab.playback.play_button)
    qtbot.waitUntil(lambda: tab.step == 20, timeout=5000)
    qtbot.waitUntil(
        lambda: tab.table.item(row_of(tab, "Adam"), COL_STATE).text().endswith(f"t = {tab.step}")
    )
    wait_for_the_end(qtbot, tab)
    assert tab.table.item(row_of(tab, "Adam"), COL_STATE).text().endswith("t = 30")


def test_each_optimizer_says_why_its_path_looks_as_it_does(tab):
    assert "Zig-zags" in tab.notes["SGD"].text()
    assert "ball" in tab.notes["Momentum"].text()
    assert "Shrinks the steps" in tab.notes["AdaGrad"].text()
    assert "Combines both" in tab.notes["Adam"].text()
    assert "x ← x − lr·g" in tab.checks["SGD"].toolTip()
    assert "α = 0.9" in tab.checks["Momentum"].toolTip()
    assert "not in the book" in tab.lr_spins["Nesterov"].toolTip()


# --- choosing optimizers -----------------------------------------------------------------------


def test_unticking_removes_the_curve_and_ticking_adds_one(qtbot, tab):
    tick(qtbot, tab.checks["Adam"])
    assert not tab.checks["Adam"].isChecked()
    assert "Adam" not in plotted(tab)
    assert tab.table.rowCount() == 3
    assert all("Adam" not in label.text for _, label in tab.legend.items)
    assert len(tab.heads.getData()[0]) == 3

    tick(qtbot, tab.checks["Nesterov"])
    assert "Nesterov" in plotted(tab)
    assert tab.table.rowCount() == 4
    assert_ends_match(tab, race({"Nesterov": 0.1}))
    header, _ = tab.table_for_export()
    assert "Nesterov x" in header and "Adam x" not in header


def test_book_values_button_restores_the_learning_rates(qtbot, tab):
    type_lr(qtbot, tab, "SGD", "10")
    tab.lr_spins["AdaGrad"].setValue(0.01)
    click(qtbot, tab.book_button)
    assert {name: tab.lr_spins[name].value() for name in BOOK} == BOOK
    assert tab.lr_spins["RMSprop"].value() == 0.1
    assert not tab.messages["SGD"].isVisibleTo(tab)
    wait_for_the_end(qtbot, tab)
    assert_ends_match(tab, race(BOOK))


def test_round_bowl_changes_contours_and_paths(qtbot, tab):
    tab.function_combo.setCurrentIndex(tab.function_combo.findData("round"))
    assert tab.plot.plotItem.titleLabel.text.startswith("f(x, y) = x² + y²")
    x, y = tab.contour_items[0].getData()
    np.testing.assert_allclose(x**2 + y**2, FUNCTIONS["round"].levels[0], rtol=1e-12)
    wait_for_the_end(qtbot, tab)
    assert_ends_match(tab, race(BOOK, function="round"))


# --- learning rates that blow up ---------------------------------------------------------------


def test_huge_learning_rate_stops_its_path_and_says_why(qtbot, tab):
    type_lr(qtbot, tab, "SGD", "10")
    message = tab.messages["SGD"]
    assert message.isVisibleTo(tab)
    assert message.message.startswith("SGD diverged at step 5")
    assert "too large" in message.message and "learning rate 10" in message.message
    for other in ("Momentum", "AdaGrad", "Adam"):
        assert not tab.messages[other].isVisibleTo(tab)

    wait_for_the_end(qtbot, tab)  # the animation carries on for the others
    sgd = curve(tab, "SGD")
    assert sgd.shape == (5, 2) and np.all(np.isfinite(sgd))
    np.testing.assert_allclose(sgd[:, 1], [2, -38, 722, -13718, 260642])
    assert_ends_match(tab, race({**BOOK, "SGD": 10.0}))
    assert tab.table.item(row_of(tab, "SGD"), COL_NAME).text() == "SGD ✕"
    assert "diverged at step 5" in tab.table.item(row_of(tab, "SGD"), COL_NAME).toolTip()

    (x0, x1), (y0, y1) = tab.plot.getViewBox().viewRange()
    assert all(math.isfinite(v) for v in (x0, x1, y0, y1))
    assert (x0, x1) == pytest.approx(VIEW_X) and (y0, y1) == pytest.approx(VIEW_Y)
    hx, hy = tab.heads.getData()
    assert np.all((VIEW_X[0] <= hx) & (hx <= VIEW_X[1]) & (VIEW_Y[0] <= hy) & (hy <= VIEW_Y[1]))
    assert "t1" in list(tab.heads.data["symbol"])  # SGD's marker points up, out of the view

    type_lr(qtbot, tab, "SGD", "0.95")
    assert not tab.messages["SGD"].isVisibleTo(tab)


def test_growing_path_gets_a_warning(qtbot, tab):
    type_lr(qtbot, tab, "SGD", "1.2")
    message = tab.messages["SGD"].message
    assert message.startswith("SGD does not settle: the loss grew from 6.45 to")
    assert "in 30 steps" in message


def test_the_spin_box_refuses_what_is_not_a_learning_rate(qtbot, tab):
    spin = tab.lr_spins["Adam"]
    for text in ("abc", "-1", "0"):
        spin.clear()
        qtbot.keyClicks(spin, text)
        qtbot.keyClick(spin, Qt.Key.Key_Return)
        assert spin.value() >= spin.minimum() > 0
    assert tab.runs["Adam"].lr == spin.value()


# --- export, persistence, shutdown -------------------------------------------------------------


def test_export_table_and_plot(tab):
    header, rows = tab.table_for_export()
    assert header[:4] == ["step", "SGD x", "SGD y", "SGD f(x, y)"]
    assert len(header) == 1 + 3 * 4 and len(rows) == 31
    assert rows[0][:4] == [0, -7.0, 2.0, pytest.approx(6.45)]
    expected = race(BOOK)["Adam"]
    assert rows[30][-3:] == pytest.approx([*expected.path[30], expected.loss[30]])
    assert tab.plot_for_export() is tab.plot.plotItem


def test_export_leaves_diverged_steps_empty(qtbot, tab):
    type_lr(qtbot, tab, "SGD", "10")
    _, rows = tab.table_for_export()
    assert rows[4][1:4] != ["", "", ""]
    assert rows[5][1:4] == ["", "", ""]


def test_inputs_are_remembered(qtbot):
    first = OptimizerTab()
    qtbot.addWidget(first)
    first.checks["Adam"].setChecked(False)
    first.checks["RMSprop"].setChecked(True)
    first.lr_spins["SGD"].setValue(0.5)
    first.playback.speed_slider.setValue(12)
    first.function_combo.setCurrentIndex(first.function_combo.findData("round"))
    first.shutdown()

    second = OptimizerTab(Settings())
    qtbot.addWidget(second)
    assert not second.checks["Adam"].isChecked() and second.checks["RMSprop"].isChecked()
    assert second.lr_spins["SGD"].value() == 0.5
    assert second.playback.speed_slider.value() == 12
    assert second.function_key() == "round"
    assert plotted(second) == ["SGD", "Momentum", "AdaGrad", "RMSprop"]
    assert_ends_match(
        second,
        race({"SGD": 0.5, "Momentum": 0.1, "AdaGrad": 1.5, "RMSprop": 0.1}, function="round"),
    )
    assert not second.playback.timer.isActive()


def test_shutdown_stops_the_timer(qtbot, tab):
    click(qtbot, tab.playback.play_button)
    assert tab.playback.timer.isActive()
    tab.shutdown()
    assert tab.playback.timer.isActive() is False


def test_hiding_the_view_pauses_it(qtbot, tab):
    tab.show()
    qtbot.waitExposed(tab)
    click(qtbot, tab.playback.play_button)
    assert tab.playback.timer.isActive()
    tab.hide()
    assert not tab.playback.timer.isActive()
    assert tab.playback.play_button.text() == "Play"


def test_dark_palette_recolours_paths_and_contours(tab):
    palette = QPalette(tab.palette())
    for role, color in (
        (QPalette.ColorRole.Window, "#2b2b2e"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1e1e20"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
    ):
        palette.setColor(role, QColor(color))
    light_sgd = tab.path_items["SGD"].opts["pen"].color().name()
    tab.setPalette(palette)
    assert tab.path_items["SGD"].opts["pen"].color().name() == curve_color(0, palette).name()
    assert tab.path_items["SGD"].opts["pen"].color().name() != light_sgd
    contour = tab.contour_items[0].opts["pen"].color()
    assert contour.lightness() > 128  # light lines on the dark background


def test_retranslate_keeps_the_race(qtbot, tab):
    click(qtbot, tab.playback.rewind_button)
    click(qtbot, tab.playback.step_button)
    tab.retranslate_ui()
    assert tab.step_label.text() == "step 1 / 30"
    assert tab.windowTitle() == "Optimizer race"
    assert tab.table.horizontalHeaderItem(COL_STATE).text() == "Internal state"
