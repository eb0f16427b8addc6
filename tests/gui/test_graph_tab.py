"""The computational-graph tab driven through its widgets (§5.1–5.7): what the learner sees.

The oracles are the book's numbers (pain points §b B1–B3, R1, SG1, AF1–AF2, SM1): the apple
graph's 220 / 2.2, 110, 200, apples and oranges' 715 / 2.2, 110, 3.3, 165, 650, and so on.
"""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QTextDocument, QWheelEvent
from PySide6.QtWidgets import QApplication, QDoubleSpinBox, QGraphicsView

from core.graph_trace import GRAPH_IDS
from zdl_gui.tabs.graph_tab import GraphTab


@pytest.fixture
def tab(show):
    widget = show(GraphTab())
    yield widget
    widget.shutdown()


def click(qtbot, button):
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose(tab, graph_id):
    tab.graph_combo.setCurrentIndex(tab.graph_combo.findData(graph_id))
    assert tab.graph_id() == graph_id


def edge(tab, edge_id):
    """(value text, gradient text) of an arrow as drawn; None where not shown (yet)."""
    item = tab.scene.edge_items[edge_id]
    value = item.value_item.text() if item.value_item.isVisible() else None
    grad = item.grad_item.text() if item.grad_item.isVisible() else None
    return value, grad


def field(tab, name, graph_id=None):
    return tab.editors[graph_id or tab.graph_id()][name]


def type_into(qtbot, widget, text):
    """Select everything in a spin box or line edit and type ``text`` over it."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def step(qtbot, tab, times=1):
    for _ in range(times):
        click(qtbot, tab.playback.step_button)


def panel(tab):
    """The step panel as the learner reads it (its rich text as plain text)."""
    document = QTextDocument()
    document.setHtml(tab.step_label.text())
    return document.toPlainText()


# --- the apple (B1) ------------------------------------------------------------------------------


def test_apple_starts_with_only_the_inputs(tab):
    choose(tab, "apple")
    assert edge(tab, "price->mul_apple:0") == ("100", None)
    assert edge(tab, "count->mul_apple:1") == ("2", None)
    assert edge(tab, "tax->mul_tax:1") == ("1.1", None)
    assert edge(tab, "mul_apple->mul_tax:0") == (None, None)
    assert "Start" in tab.position_label.text()
    assert not tab.playback.back_button.isEnabled()
    assert tab.scene.node_items["price"].title.text() == "apple"
    assert tab.scene.node_items["mul_apple"].title.text() == "×"


def test_apple_forward_then_backward_with_the_rule_in_numbers(qtbot, tab):
    choose(tab, "apple")
    step(qtbot, tab)
    assert edge(tab, "mul_apple->mul_tax:0") == ("200", None)
    assert "100 × 2 = 200" in panel(tab)
    assert tab.position_label.text() == "Forward pass: step 1 of 2"
    step(qtbot, tab)
    assert edge(tab, "mul_tax->out:0") == ("220", None)  # 220.00000000000003 in the book
    step(qtbot, tab)
    assert edge(tab, "mul_tax->out:0") == ("220", "1")
    assert "∂L/∂L = 1" in panel(tab)
    step(qtbot, tab)  # the tax node
    text = panel(tab)
    assert "upstream derivative × local derivative = derivative passed on" in text
    assert "to apples' price: 1 × 1.1 = 1.1\n" in text
    assert "to tax: 1 × 200 = 200\n" in text
    assert edge(tab, "tax->mul_tax:1") == ("1.1", "200")
    assert edge(tab, "mul_apple->mul_tax:0") == ("200", "1.1")
    assert edge(tab, "price->mul_apple:0")[1] is None
    step(qtbot, tab)
    assert edge(tab, "price->mul_apple:0") == ("100", "2.2")
    assert edge(tab, "count->mul_apple:1") == ("2", "110")  # 110.00000000000001
    assert "to apple: 1.1 × 2 = 2.2\n" in panel(tab)
    assert tab.position_label.text().startswith("Done")
    assert not tab.playback.step_button.isEnabled()
    assert tab.scene.node_items["mul_apple"].frame.pen().widthF() > 3  # highlighted


def test_back_and_restart(qtbot, tab):
    choose(tab, "apple")
    step(qtbot, tab, 4)
    click(qtbot, tab.playback.back_button)
    assert edge(tab, "tax->mul_tax:1") == ("1.1", None)
    assert tab.position_label.text() == "Backward pass: step 1 of 3"
    click(qtbot, tab.playback.rewind_button)
    assert edge(tab, "mul_apple->mul_tax:0") == (None, None)
    click(qtbot, tab.playback.end_button)
    assert edge(tab, "price->mul_apple:0") == ("100", "2.2")


def test_typing_a_new_price_updates_every_value_and_derivative(qtbot, tab):
    choose(tab, "apple")
    click(qtbot, tab.playback.end_button)
    type_into(qtbot, field(tab, "price").editor, "150")
    assert field(tab, "price").editor.value() == 150
    assert edge(tab, "price->mul_apple:0") == ("150", "2.2")
    assert edge(tab, "count->mul_apple:1") == ("2", "165")
    assert edge(tab, "tax->mul_tax:1") == ("1.1", "300")
    assert edge(tab, "mul_tax->out:0") == ("330", "1")
    assert tab.player.at_end  # the position is kept


def test_letters_in_a_spin_box_change_nothing(qtbot, tab):
    choose(tab, "apple")
    type_into(qtbot, field(tab, "tax").editor, "abc")
    assert not tab.is_stale
    assert edge(tab, "tax->mul_tax:1")[0] in ("0", "1.1")


# --- apples and oranges (B2) ---------------------------------------------------------------------


def test_apple_orange_mid_backward_and_at_the_end(qtbot, tab):
    choose(tab, "apple_orange")
    step(qtbot, tab, 4)
    assert edge(tab, "mul_apple->add_apple_orange:0") == ("200", None)
    assert edge(tab, "mul_orange->add_apple_orange:1") == ("450", None)
    assert edge(tab, "add_apple_orange->mul_tax:0") == ("650", None)
    assert edge(tab, "mul_tax->out:0") == ("715", None)
    step(qtbot, tab, 3)  # output, the tax node, the + node
    assert edge(tab, "tax->mul_tax:1") == ("1.1", "650")
    assert edge(tab, "mul_apple->add_apple_orange:0") == ("200", "1.1")
    assert "to oranges' price: 1.1 × 1 = " in panel(tab)
    assert tab.scene.node_items["add_apple_orange"].frame.pen().widthF() > 3
    step(qtbot, tab, 2)
    grads = {e: edge(tab, e)[1] for e in tab.scene.edge_items}
    assert grads["apple->mul_apple:0"] == "2.2"
    assert grads["apple_num->mul_apple:1"] == "110"
    assert grads["orange->mul_orange:0"] == "3.3"
    assert grads["orange_num->mul_orange:1"] == "165"
    assert grads["tax->mul_tax:1"] == "650"


# --- every graph ---------------------------------------------------------------------------------


@pytest.mark.parametrize("graph_id", GRAPH_IDS)
def test_every_graph_plays_to_the_end(qtbot, tab, graph_id):
    choose(tab, graph_id)
    assert not tab.is_stale
    click(qtbot, tab.playback.end_button)
    assert tab.position_label.text().startswith("Done")
    for edge_id, item in tab.scene.edge_items.items():
        assert item.value_item.isVisible(), edge_id
        if not edge_id.startswith("t->"):
            assert item.grad_item.isVisible() and item.grad_item.text(), edge_id
    assert "Backward pass done" in panel(tab)


@pytest.mark.parametrize("graph_id", GRAPH_IDS)
def test_no_texts_overlap(qtbot, tab, graph_id):
    """Every value, derivative, shape and name has its own space, and no text covers a node."""
    choose(tab, graph_id)
    click(qtbot, tab.playback.end_button)
    texts = [
        (edge_id, part.sceneBoundingRect())
        for edge_id, item in tab.scene.edge_items.items()
        for part in (item.shape_item, item.value_item, item.grad_item)
        if part.isVisible() and part.text()
    ]
    texts += [(n, item.title.sceneBoundingRect()) for n, item in tab.scene.node_items.items()]
    for i, (owner, rect) in enumerate(texts):
        for other, other_rect in texts[i + 1 :]:
            assert not rect.intersects(other_rect), (owner, other)
        for node_id, node in tab.scene.node_items.items():
            if node_id != owner and node.style != "text":
                assert not rect.intersects(node.frame.sceneBoundingRect()), (owner, node_id)


def test_play_runs_to_the_end_and_stops(qtbot, tab):
    choose(tab, "apple")
    tab.playback.speed_slider.setValue(tab.playback.speed_slider.maximum())
    assert tab.playback.speed_label.text() == "Speed: 5 steps/s"
    click(qtbot, tab.playback.play_button)
    assert tab.playback.is_playing() and tab.playback.play_button.text() == "Pause"
    qtbot.waitUntil(lambda: tab.player.at_end, timeout=30_000)  # ~2 s; generous for busy CI
    assert not tab.playback.is_playing()
    assert tab.playback.play_button.text() == "Play"
    assert edge(tab, "count->mul_apple:1") == ("2", "110")


def test_shutdown_stops_the_timer(qtbot, tab):
    click(qtbot, tab.playback.play_button)
    assert tab.playback.timer.isActive()
    tab.shutdown()
    assert not tab.playback.timer.isActive()


# --- the sigmoid (SG1–SG2) ----------------------------------------------------------------------


def test_sigmoid_expanded_at_zero(qtbot, tab):
    choose(tab, "sigmoid")
    assert tab.expanded_check.isChecked()
    titles = [item.title.text() for item in tab.scene.node_items.values()]
    assert titles == ["x", "×(−1)", "exp", "+1", "/", "y"]
    step(qtbot, tab, 4)
    assert edge(tab, "reciprocal->out:0") == ("0.5", None)
    step(qtbot, tab, 2)  # the output, then the / node: local derivative −y² = −0.25
    assert "to 1+exp(−x): 1 × -0.25 = " in panel(tab)
    step(qtbot, tab, 3)
    assert edge(tab, "x->neg:0") == ("0", "0.25")
    assert "to x: -0.25 × -1 = " in panel(tab)


def test_folding_the_sigmoid_keeps_dx(qtbot, tab):
    choose(tab, "sigmoid")
    tab.expanded_check.setChecked(False)
    assert [item.title.text() for item in tab.scene.node_items.values()] == ["x", "sigmoid", "y"]
    click(qtbot, tab.playback.end_button)
    assert edge(tab, "x->sigmoid:0") == ("0", "0.25")
    assert "to x: 1 × 0.25 = " in panel(tab)
    assert "y(1 − y)" in panel(tab)


def test_sigmoid_of_an_array(qtbot, tab):
    choose(tab, "sigmoid")
    type_into(qtbot, field(tab, "x").editor, "0, 1, -1")
    click(qtbot, tab.playback.end_button)
    assert edge(tab, "x->neg:0") == ("[0 1 -1]", "[0.25 0.197 0.197]")
    assert tab.scene.edge_items["x->neg:0"].shape_item.text() == "(3,)"


def test_huge_input_is_marked_not_a_crash(qtbot, tab):
    choose(tab, "sigmoid")
    type_into(qtbot, field(tab, "x").editor, "-1000")
    assert not tab.is_stale
    assert "inf or nan" in tab.stale_message.message
    assert "exp" in tab._problem_nodes
    click(qtbot, tab.playback.end_button)
    assert edge(tab, "exp->add_const:0")[0] == "inf"


# --- ReLU (R1) and its mistake (B23) ----------------------------------------------------------


def test_relu_mask(qtbot, tab):
    choose(tab, "relu")
    step(qtbot, tab)
    assert "[[False  True]" in panel(tab)
    click(qtbot, tab.playback.end_button)
    assert edge(tab, "x->relu:0") == ("[[   1 -0.5]\n [  -2    3]]", "[[1 0]\n [0 1]]")
    assert edge(tab, "relu->out:0")[0] == "[[1 0]\n [0 3]]"


def test_relu_without_copy_shows_the_overwritten_input(qtbot, tab):
    choose(tab, "relu")
    assert tab.no_copy_message.isHidden()
    tab.no_copy_check.setChecked(True)
    message = tab.no_copy_message.message
    assert "x before forward:\n[[   1 -0.5]\n [  -2    3]]" in message
    assert "x after forward:\n[[1 0]\n [0 3]]" in message
    tab.no_copy_check.setChecked(False)
    assert tab.no_copy_message.isHidden()


def test_affine_slips_show_what_numpy_makes_of_them(qtbot, tab):
    """B25–B27 in Affine.backward: the message names the shape that gives the slip away (or
    NumPy's refusal); the graph itself keeps the right gradients."""
    choose(tab, "affine")
    combo = tab.affine_bug_combo
    assert tab.affine_message.isHidden()
    combo.setCurrentIndex(combo.findData("dW_with_W"))
    message = tab.affine_message.message
    assert "dW = np.dot(W.T, dout) gives shape (3, 3), but W has shape (2, 3)" in message
    assert message.endswith("(B25)")
    combo.setCurrentIndex(combo.findData("dX_without_transpose"))
    assert "not aligned" in tab.affine_message.message
    assert "dX = np.dot(dout, W.T)" in tab.affine_message.message
    combo.setCurrentIndex(combo.findData("db_not_summed"))
    assert "db = dout gives shape (2, 3), but b has shape (3,)" in tab.affine_message.message
    np.testing.assert_array_equal(tab.graph.node("b").grad, [5.0, 7.0, 9.0])  # still right
    combo.setCurrentIndex(0)
    assert tab.affine_message.isHidden()


# --- the MulLayer mistake (5.2) and the gradient check (5.7) ----------------------------------------


def test_reusing_one_mul_layer(qtbot, tab):
    choose(tab, "apple")
    tab.reuse_check.setChecked(True)
    message = tab.reuse_message.message
    assert "x = 200, y = 1.1" in message
    assert "1.1 × 1.1 = 1.21 (right: 2.2)" in message
    assert "1.1 × 200 = 220 (right: 110)" in message
    click(qtbot, tab.playback.end_button)
    assert edge(tab, "price->mul_apple:0") == ("100", "1.21")
    assert edge(tab, "count->mul_apple:1") == ("2", "220")
    click(qtbot, tab.playback.back_button)
    click(qtbot, tab.playback.step_button)
    assert "remembers x = 200 and y = 1.1" in panel(tab)


def table_rows(tab):
    table = tab.check_table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_the_check_table(qtbot, tab):
    choose(tab, "apple")
    click(qtbot, tab.check_button)
    assert tab.bottom_tabs.currentIndex() == 1
    rows = table_rows(tab)
    assert [r[:3] for r in rows] == [
        ["apple", "2.2", "2.2"],
        ["number of apples", "110", "110"],
        ["tax", "200", "200"],
    ]
    assert all(float(r[3]) < 1e-6 for r in rows)
    assert tab.check_verdict.level.value == "info"
    tab.reuse_check.setChecked(True)  # the open check follows the inputs
    rows = table_rows(tab)
    assert rows[0][:3] == ["apple", "1.21", "2.2"]
    assert tab.check_verdict.level.value == "warning"
    assert "apple, number of apples" in tab.check_verdict.message
    red = tab.check_table.item(0, 1).foreground().color()
    assert red != tab.check_table.item(2, 1).foreground().color()  # tax still agrees


def test_check_on_the_two_layer_network(qtbot, tab):
    choose(tab, "two_layer")
    click(qtbot, tab.check_button)
    rows = table_rows(tab)
    assert [r[0] for r in rows] == ["x", "W1", "b1", "W2", "b2"]
    assert all(float(r[3]) < 1e-5 for r in rows)
    assert "agree for every input" in tab.check_verdict.message


# --- Affine (AF1–AF2) and Softmax-with-Loss (SM1) -----------------------------------------------


def test_affine_shapes_and_the_transposes(qtbot, tab):
    choose(tab, "affine")
    shapes = {e: item.shape_item.text() for e, item in tab.scene.edge_items.items()}
    assert shapes == {
        "X->affine:0": "(2, 2)",
        "W->affine:1": "(2, 3)",
        "b->affine:2": "(3,)",
        "affine->out:0": "(2, 3)",
    }
    click(qtbot, tab.playback.end_button)
    text = panel(tab)
    assert "dX = dY·Wᵀ, shapes (2, 3)·(3, 2) → (2, 2)" in text
    assert "dW = Xᵀ·dY, shapes (2, 2)·(2, 3) → (2, 3)" in text
    assert "dB = dY summed over the batch (axis 0), (2, 3) → (3,)" in text
    assert edge(tab, "b->affine:2") == ("[1 2 3]", "[5 7 9]")  # AF2


def test_affine_batch_of_four(qtbot, tab):
    choose(tab, "affine")
    type_into(qtbot, field(tab, "X").editor, "[[1, 2], [3, 4], [5, 6], [7, 8]]")
    assert tab.is_stale  # dY still has 2 rows
    assert "shape (4, 3), not (2, 3)" in field(tab, "dout").message.message
    type_into(qtbot, field(tab, "dout").editor, "1")
    assert not tab.is_stale
    click(qtbot, tab.playback.end_button)
    assert "dX = dY·Wᵀ, shapes (4, 3)·(3, 2) → (4, 2)" in panel(tab)
    assert tab.scene.edge_items["X->affine:0"].shape_item.text() == "(4, 2)"


def test_softmax_with_loss_arrives_at_y_minus_t_over_n(qtbot, tab):
    choose(tab, "softmax_with_loss")
    type_into(qtbot, field(tab, "a").editor, "[-1.2039728, -1.6094379, -0.6931472]")  # log y
    type_into(qtbot, field(tab, "t").editor, "1")
    click(qtbot, tab.playback.end_button)
    assert edge(tab, "a->softmax_with_loss:0")[1] == "[0.3 -0.8 0.5]"  # SM1
    assert "(y − t)/N with N = 1" in panel(tab)
    assert edge(tab, "t->softmax_with_loss:1") == ("1", None)


# --- bad input --------------------------------------------------------------------------------


def test_text_in_an_array_field(qtbot, tab):
    choose(tab, "relu")
    click(qtbot, tab.playback.end_button)
    click(qtbot, tab.playback.play_button)
    type_into(qtbot, field(tab, "x").editor, "1, abc")
    assert tab.is_stale
    assert not tab.playback.is_playing()
    assert field(tab, "x").message.message == "'abc' at position 3 is not a number."
    assert not field(tab, "x").message.isHidden()
    assert "last valid inputs" in tab.stale_message.message
    assert not tab.playback.step_button.isEnabled() and not tab.playback.play_button.isEnabled()
    assert tab.scene.node_items["x"].frame.pen().style() == Qt.PenStyle.DashLine
    assert edge(tab, "x->relu:0")[0] == "1"  # the last valid input: "1, " before the "a"
    type_into(qtbot, field(tab, "x").editor, "1, -2")
    assert not tab.is_stale
    assert field(tab, "x").message.isHidden()
    assert tab.scene.node_items["x"].frame.pen().style() != Qt.PenStyle.DashLine


def test_shapes_that_do_not_fit_the_affine_node(qtbot, tab):
    choose(tab, "affine")
    type_into(qtbot, field(tab, "W").editor, "[[1, 2, 3]]")
    message = field(tab, "W").message.message
    assert "do not fit X·W: X has 2 columns, but W has 1 rows (1, 3)" in message
    assert {"W", "affine"} <= tab._problem_nodes
    assert tab.scene.node_items["affine"].frame.pen().style() == Qt.PenStyle.DashLine
    type_into(qtbot, field(tab, "b").editor, "[1, 2]")  # still wrong W: W is reported first
    type_into(qtbot, field(tab, "W").editor, "[[1, 3, 5], [2, 4, 6]]")
    assert "one number per column of W: shape (3,), not (2,)" in field(tab, "b").message.message
    assert field(tab, "W").message.isHidden()


def test_label_out_of_range(qtbot, tab):
    choose(tab, "two_layer")
    type_into(qtbot, field(tab, "t").editor, "0, 3")
    assert (
        field(tab, "t").message.message
    ) == "The label 3 is out of range: with 3 classes a label is 0 … 2."
    assert {"t", "softmax_with_loss"} <= tab._problem_nodes
    assert not tab.check_button.isEnabled()


def test_empty_field(qtbot, tab):
    choose(tab, "softmax_with_loss")
    type_into(qtbot, field(tab, "t").editor, " ")
    assert "at least one number" in field(tab, "t").message.message


def test_switching_graphs_while_stale_shows_each_graphs_own_state(qtbot, tab):
    choose(tab, "relu")
    type_into(qtbot, field(tab, "x").editor, "[1,")
    assert tab.is_stale
    choose(tab, "apple")
    assert not tab.is_stale and tab.stale_message.isHidden()
    choose(tab, "relu")
    assert tab.is_stale
    assert "x" in tab.scene.node_items


# --- view, export, settings --------------------------------------------------------------------


def test_zoom_and_fit(qtbot, tab):
    choose(tab, "two_layer")
    view = tab.view
    assert view.zoom >= 0.79  # large graphs open at a readable size and scroll
    click(qtbot, tab.fit_button)
    whole = view.zoom
    assert whole < 0.8
    view.zoom_by(2.0)
    assert view.zoom == pytest.approx(2 * whole)
    assert not view.auto_fit
    click(qtbot, tab.fit_button)
    assert view.zoom == pytest.approx(whole)


def test_wheel_zooms_and_dragging_pans(qtbot, tab):
    choose(tab, "apple")
    view = tab.view
    assert view.dragMode() == QGraphicsView.DragMode.ScrollHandDrag
    before = view.zoom
    centre = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(
        centre,
        view.viewport().mapToGlobal(centre),
        QPoint(),
        QPoint(0, 240),  # two notches up
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom == pytest.approx(before * 1.15**2)
    assert not view.auto_fit


def test_export_png_and_svg(qtbot, tab, tmp_path):
    choose(tab, "apple_orange")
    click(qtbot, tab.playback.end_button)
    assert tab.export_graph(tmp_path / "graph.png")
    assert (tmp_path / "graph.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert tab.export_graph(tmp_path / "graph.svg")
    svg = (tmp_path / "graph.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "715" in svg


def test_table_for_export(tab):
    choose(tab, "apple")
    header, rows = tab.table_for_export()
    assert header == ["Node", "Kind", "Value", "Derivative"]
    by_id = {r[0]: r for r in rows}
    assert by_id["price"][2:] == ["100", "2.2"]
    assert by_id["out"][2:] == ["220", "1"]
    assert tab.plot_for_export() is None


def test_inputs_and_choices_are_remembered(qtbot):
    first = GraphTab()
    qtbot.addWidget(first)
    first.choose_graph("apple_orange")
    first.editors["apple_orange"]["orange"].editor.setValue(120)
    first.playback.speed_slider.setValue(7)
    first.shutdown()
    second = GraphTab()
    qtbot.addWidget(second)
    assert second.graph_id() == "apple_orange"
    assert second.editors["apple_orange"]["orange"].editor.value() == 120
    assert second.playback.speed_slider.value() == 7
    assert second.graph.value == pytest.approx((200 + 360) * 1.1)
    spins = [w for w in second.persistent_widgets().values() if isinstance(w, QDoubleSpinBox)]
    assert len(spins) == 3 + 5 + 3 + 3
    second.shutdown()


def test_book_values_button(qtbot, tab):
    choose(tab, "affine")
    type_into(qtbot, field(tab, "W").editor, "nonsense")
    assert tab.is_stale
    click(qtbot, tab.reset_buttons["affine"])
    assert not tab.is_stale
    assert field(tab, "W").editor.text() == "[[1, 3, 5], [2, 4, 6]]"


def test_retranslate_keeps_everything(qtbot, tab):
    choose(tab, "apple")
    step(qtbot, tab, 4)
    before = panel(tab)
    tab.retranslate_ui()
    assert panel(tab) == before
    assert tab.windowTitle() == "Computational graphs and backpropagation"
