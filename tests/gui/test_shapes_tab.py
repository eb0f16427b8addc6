"""The matrix-shapes tab driven through its widgets: np.dot shapes, the 3-layer network, MNIST."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from core.matrix_shapes import MAX_DIM
from zdl_gui.tabs.shapes_dot_page import PRESETS
from zdl_gui.tabs.shapes_network_page import BATCH_SIZE, COL_COMPUTATION, COL_SHAPE, COL_STEP
from zdl_gui.tabs.shapes_tab import ShapesTab

D3_MESSAGE = "shapes (2,3) and (2,2) not aligned: 3 (dim 1) != 2 (dim 0)"


@pytest.fixture
def tab(show):
    widget = show(ShapesTab())
    yield widget
    widget.shutdown()


def type_into(qtbot, line_edit, text):
    """Clear ``line_edit`` and type ``text`` key by key, like a learner."""
    line_edit.selectAll()
    qtbot.keyClick(line_edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(line_edit, text)


def paste_into(qtbot, line_edit, text):
    """Select everything in ``line_edit`` and paste ``text`` over it (Ctrl+V)."""
    QApplication.clipboard().setText(text)
    line_edit.setFocus()
    line_edit.selectAll()
    if text:
        qtbot.keyClick(line_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    else:
        qtbot.keyClick(line_edit, Qt.Key.Key_Delete)
    assert line_edit.text() == text


def numpy_result(shape_a, shape_b):
    """What NumPy itself prints for np.dot on zero arrays: '→ (2, 2)' or 'ValueError: …'."""
    try:
        return f"→ {np.dot(np.zeros(shape_a), np.zeros(shape_b)).shape}"
    except ValueError as exc:
        return f"ValueError: {exc}"


# --- np.dot shapes ---------------------------------------------------------------------------------


def test_the_default_shapes_work(tab):
    page = tab.dot_page
    assert tab.pages.tabText(0) == "np.dot shapes"
    assert page.field_a.edit.text() == "2, 3" and page.field_b.edit.text() == "3, 2"
    assert page.result_label.text() == "→ (2, 2)"
    assert page.comparison_label.text() == "columns of A = 3, rows of B = 3:  3 = 3 ✓"
    assert page.rule_label.text() == (
        "The number of columns of A must equal the number of rows of B."
    )
    assert "(2, 2)" in page.explain_label.text()
    assert page.diagram.highlight_state() == "match"
    assert "12 multiplications" in page.cost_label.text()


def test_typed_shapes_that_do_not_fit_show_numpys_own_message(tab, qtbot):
    page = tab.dot_page
    type_into(qtbot, page.field_a.edit, "2x3")
    type_into(qtbot, page.field_b.edit, "(2, 2)")
    assert page.result_label.text() == f"ValueError: {D3_MESSAGE}"
    assert page.result_label.text() == numpy_result((2, 3), (2, 2))
    assert page.comparison_label.text() == "columns of A = 3, rows of B = 2:  3 ≠ 2 ✗"
    assert page.diagram.highlight_state() == "mismatch"
    assert "A[1] = 3 ≠ B[0] = 2 ✗" in page.diagram.description()
    assert page.explain_label.text().startswith("3 ≠ 2")
    assert not page.cost_label.isVisibleTo(page)
    assert not page.is_stale


@pytest.mark.parametrize("preset", PRESETS, ids=[p.id for p in PRESETS])
def test_each_example_from_the_book(tab, qtbot, preset):
    page = tab.dot_page
    qtbot.mouseClick(page.preset_buttons[preset.id], Qt.MouseButton.LeftButton)
    assert page.field_a.edit.text() == preset.a
    assert page.field_b.edit.text() == preset.b
    shape_a = tuple(int(d) for d in preset.a.split(","))
    shape_b = tuple(int(d) for d in preset.b.split(","))
    assert page.result_label.text() == numpy_result(shape_a, shape_b)
    assert page.preset_note.isVisibleTo(page) and page.preset_note.text()
    type_into(qtbot, page.field_a.edit, "7")  # changing a shape by hand drops the note
    assert not page.preset_note.isVisibleTo(page)


def test_the_book_presets_and_the_backprop_bugs(tab, qtbot):
    page = tab.dot_page
    expected = {
        "works": "→ (2, 2)",
        "fails": f"ValueError: {D3_MESSAGE}",
        "vector": "→ (3,)",
        "batch": "→ (100, 50)",
        "bug_dw": "ValueError: shapes (3,2) and (4,3) not aligned: 2 (dim 1) != 4 (dim 0)",
        "bug_dx": "ValueError: shapes (4,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)",
    }
    for preset_id, text in expected.items():
        qtbot.mouseClick(page.preset_buttons[preset_id], Qt.MouseButton.LeftButton)
        assert page.result_label.text() == text, preset_id


def test_the_spin_boxes_step_one_dimension(tab, qtbot):
    page = tab.dot_page
    spins = page.field_b.spins
    assert [s.isVisibleTo(page) for s in spins] == [True, True, False]
    assert [s.value() for s in spins[:2]] == [3, 2]
    spins[0].setFocus()
    qtbot.keyClick(spins[0], Qt.Key.Key_Down)
    assert page.field_b.edit.text() == "2, 2"
    assert page.result_label.text() == f"ValueError: {D3_MESSAGE}"
    qtbot.keyClick(spins[0], Qt.Key.Key_Up)
    assert page.result_label.text() == "→ (2, 2)"
    type_into(qtbot, page.field_a.edit, "2 × 3 × 4")
    assert [s.isVisibleTo(page) for s in page.field_a.spins] == [True, True, True]
    assert [s.value() for s in page.field_a.spins] == [2, 3, 4]


@pytest.mark.parametrize(
    ("a", "b", "comparison", "result"),
    [
        ("3", "3", "length of A = 3, length of B = 3:  3 = 3 ✓", "→ ()"),
        ("2", "2, 3", "length of A = 2, rows of B = 2:  2 = 2 ✓", "→ (3,)"),
        ("2, 3", "3", "columns of A = 3, length of B = 3:  3 = 3 ✓", "→ (2,)"),
        ("3", "2, 3", "length of A = 3, rows of B = 2:  3 ≠ 2 ✗", None),
        ("2, 3, 4", "5, 4, 6", "axis 2 of A = 4, axis 1 of B = 4:  4 = 4 ✓", "→ (2, 3, 5, 6)"),
    ],
)
def test_one_d_and_three_d_shapes(tab, qtbot, a, b, comparison, result):
    page = tab.dot_page
    type_into(qtbot, page.field_a.edit, a)
    type_into(qtbot, page.field_b.edit, b)
    assert page.comparison_label.text() == comparison
    shape_a = tuple(int(d) for d in a.split(","))
    shape_b = tuple(int(d) for d in b.split(","))
    assert page.result_label.text() == (result or numpy_result(shape_a, shape_b))
    assert page.result_label.text() == numpy_result(shape_a, shape_b)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2, 0", "0 in dimension 2: a dimension must be a whole number ≥ 1"),
        ("-1, 3", "-1 in dimension 1: a dimension must be a whole number ≥ 1"),
        ("2.5, 3", "2.5 in dimension 1: a dimension must be a whole number ≥ 1"),
        ("two, 3", "'two' in dimension 1 is not a number"),
        ("1, 2, 3, 4", "at most 3 dimensions, got 4"),
        (str(MAX_DIM * 10), "is too large: at most 1,000,000 per dimension"),
        ("2,,3", "A number is missing in '2,,3'"),
        ("(2, 3", "The brackets in '(2, 3' do not match"),
        ("", "Type a shape"),
    ],
)
def test_bad_shapes_keep_the_last_good_picture(tab, qtbot, text, message):
    page = tab.dot_page
    paste_into(qtbot, page.field_a.edit, text)
    assert page.field_a.message.isVisibleTo(page)
    assert message in page.field_a.message.message
    assert page.is_stale and page.diagram.is_stale
    assert page.stale_message.isVisibleTo(page)
    assert "A (2, 3), B (3, 2)" in page.stale_message.message
    assert page.result_label.text() == "→ (2, 2)"  # the last good result stays ...
    assert not page.result_box.isEnabled()  # ... greyed out
    type_into(qtbot, page.field_a.edit, "2, 3")
    assert not page.field_a.message.isVisibleTo(page)
    assert not page.is_stale and page.result_box.isEnabled()
    assert not page.stale_message.isVisibleTo(page)


def test_swap_button(tab, qtbot):
    page = tab.dot_page
    type_into(qtbot, page.field_b.edit, "3, 5")
    qtbot.mouseClick(page.swap_button, Qt.MouseButton.LeftButton)
    assert (page.field_a.edit.text(), page.field_b.edit.text()) == ("3, 5", "2, 3")
    assert page.result_label.text() == numpy_result((3, 5), (2, 3))


def test_dot_page_export(tab, qtbot):
    page = tab.dot_page
    qtbot.mouseClick(page.preset_buttons["fails"], Qt.MouseButton.LeftButton)
    header, rows = tab.table_for_export()
    assert list(header) == ["array", "shape", "matched axis", "matched length / error"]
    assert rows[0] == ["A", "(2, 3)", 1, 3]
    assert rows[1] == ["B", "(2, 2)", 0, 2]
    assert rows[2][3] == D3_MESSAGE
    assert tab.plot_for_export() is None


# --- the 3-layer network -------------------------------------------------------------------------------


@pytest.fixture
def network(tab):
    tab.pages.setCurrentWidget(tab.network_page)
    return tab.network_page


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def result_view(page):
    return page.views[-1]


def test_network_starts_at_x(network):
    assert network.index == 0
    assert network.step_label.text() == "Step 1 of 7: X"
    assert result_view(network).plain_header == "X  (2,)"
    assert result_view(network).values.text() == "[1.  0.5]"
    assert not network.playback.back_button.isEnabled()
    assert network.no_dot_label.isVisibleTo(network)


def test_stepping_through_the_books_forward_pass(network, qtbot):
    click(qtbot, network.playback.step_button)
    assert network.formula_label.text() == "A1 = X·W1 + B1"
    shown = [(v.plain_header, v.values.text()) for v in network.views if v.isVisibleTo(network)]
    assert shown == [
        ("X  (2,)", "[1.  0.5]"),
        ("W1  (2, 3)", "[[0.1 0.3 0.5]\n [0.2 0.4 0.6]]"),
        ("B1  (3,)", "[0.1 0.2 0.3]"),
        ("A1  (3,)", "[0.3 0.7 1.1]"),
    ]
    # the dimensions np.dot needs equal are highlighted: X's only axis and W1's rows
    assert "✓" in network.views[0].header.text() and "✓" in network.views[1].header.text()
    assert network.diagram.isVisibleTo(network)
    assert network.diagram.highlight_state() == "match"
    assert network.diagram.description().startswith("X (2,) · W1 (2, 3) → X·W1 (3,)")
    assert "(2 = 2)" in network.explain_label.text()

    click(qtbot, network.playback.step_button)
    assert network.formula_label.text() == "Z1 = sigmoid(A1)"
    assert result_view(network).values.text() == "[0.57444252 0.66818777 0.75026011]"
    assert not network.diagram.isVisibleTo(network)

    for _ in range(4):
        click(qtbot, network.playback.step_button)
    assert network.formula_label.text() == "Y = identity_function(A3)"
    assert result_view(network).plain_header == "Y  (2,)"
    assert result_view(network).values.text() == "[0.31682708 0.69627909]"
    assert network.step_label.text() == "Step 7 of 7: Y = identity_function(A3)"
    assert not network.playback.step_button.isEnabled()

    click(qtbot, network.playback.back_button)
    assert network.formula_label.text() == "A3 = Z2·W3 + B3"
    assert result_view(network).values.text() == "[0.31682708 0.69627909]"
    click(qtbot, network.playback.rewind_button)
    assert network.index == 0


def test_the_overview_table_lists_every_step_and_shape(network):
    table = network.table
    cells = [
        [table.item(r, c).text() for c in (COL_STEP, COL_COMPUTATION, COL_SHAPE)]
        for r in range(table.rowCount())
    ]
    assert cells == [
        ["X", "X (2,)", "(2,)"],
        ["A1", "X (2,) · W1 (2, 3) + B1 (3,)", "(3,)"],
        ["Z1", "sigmoid(A1 (3,))", "(3,)"],
        ["A2", "Z1 (3,) · W2 (3, 2) + B2 (2,)", "(2,)"],
        ["Z2", "sigmoid(A2 (2,))", "(2,)"],
        ["A3", "Z2 (2,) · W3 (2, 2) + B3 (2,)", "(2,)"],
        ["Y", "identity_function(A3 (2,))", "(2,)"],
    ]


def test_clicking_a_row_jumps_to_that_step(network, qtbot):
    table = network.table
    rect = table.visualItemRect(table.item(3, COL_STEP))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert network.index == 3
    assert network.formula_label.text() == "A2 = Z1·W2 + B2"


def table_texts(table):
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_the_batch_changes_only_the_first_dimension(network, qtbot):
    single = table_texts(network.table)
    network.go_to(1)
    single_headers = [v.plain_header for v in network.views if v.isVisibleTo(network)]
    click(qtbot, network.batch_check)
    assert network.batch_check.isChecked()
    batch = table_texts(network.table)
    assert batch != single
    n = BATCH_SIZE

    def unbatch(text):
        """(100, 3) → (3,) and (100, 2, …) → (2, …): take away the leading batch dimension."""
        text = re.sub(rf"\({n}, (\d+)\)", r"(\1,)", text)
        return re.sub(rf"\({n}, ", "(", text)

    assert [[unbatch(c) for c in row] for row in batch] == single
    assert [row[COL_SHAPE] for row in batch] == [
        f"({n}, 2)",
        f"({n}, 3)",
        f"({n}, 3)",
        f"({n}, 2)",
        f"({n}, 2)",
        f"({n}, 2)",
        f"({n}, 2)",
    ]
    assert "W1 (2, 3) + B1 (3,)" in batch[1][COL_COMPUTATION]  # weights and biases unchanged
    batch_headers = [v.plain_header for v in network.views if v.isVisibleTo(network)]
    assert batch_headers == ["X  (100, 2)", "W1  (2, 3)", "B1  (3,)", "A1  (100, 3)"]
    assert [unbatch(h) for h in batch_headers] == single_headers
    # big matrices show their first rows and say how many there are
    a1 = result_view(network)
    assert a1.values.text().startswith("[[0.3   0.7   1.1  ]")
    assert a1.values.text().endswith("...]")
    assert a1.caption.text() == "… 100 rows (the first 3 shown)"
    assert "Row 0 of A1 is [0.3 0.7 1.1]" in network.row0_label.text()
    assert "broadcasting" in network.explain_label.text()
    assert network.diagram.description().startswith("X (100, 2) · W1 (2, 3) → X·W1 (100, 3)")

    network.go_to(6)
    assert "Row 0 of Y is [0.31682708 0.69627909]" in network.row0_label.text()
    assert network.argmax_label.isVisibleTo(network)
    assert "np.argmax(Y, axis=1)" in network.argmax_label.text()
    assert "all 200 numbers" in network.argmax_label.text()

    click(qtbot, network.batch_check)
    assert table_texts(network.table) == single
    assert result_view(network).values.text() == "[0.31682708 0.69627909]"
    assert not network.row0_label.isVisibleTo(network)


def test_play_steps_to_the_end_and_stops(network, qtbot):
    network.playback.timer.setInterval(5)
    click(qtbot, network.playback.play_button)
    assert network.playback.is_playing() and network.playback.play_button.text() == "Pause"
    qtbot.waitUntil(lambda: network.index == 6 and not network.playback.is_playing(), timeout=5000)
    assert network.playback.play_button.text() == "Play"
    assert result_view(network).values.text() == "[0.31682708 0.69627909]"
    click(qtbot, network.playback.play_button)  # from the end, Play starts again at X
    assert network.index == 0 and network.playback.is_playing()
    click(qtbot, network.playback.rewind_button)
    assert not network.playback.is_playing()


def test_shutdown_stops_playing(tab, qtbot):
    page = tab.network_page
    click(qtbot, page.playback.play_button)
    assert page.playback.is_playing()
    tab.shutdown()
    assert not page.playback.is_playing()


def test_network_export_is_the_current_steps_arrays(network):
    network.go_to(1)
    header, rows = network.export_table()
    assert list(header) == ["array", "shape", "index", "value"]
    a1 = [r for r in rows if r[0] == "A1"]
    assert [r[3] for r in a1] == pytest.approx([0.3, 0.7, 1.1], rel=1e-12)
    assert [r[0] for r in rows].count("W1") == 6


# --- the MNIST shape chain ------------------------------------------------------------------------------


@pytest.fixture
def chain(tab):
    tab.pages.setCurrentWidget(tab.chain_page)
    return tab.chain_page


def test_mnist_chain_batch_and_single(chain, qtbot):
    texts = table_texts(chain.table)
    assert [row[3] for row in texts] == ["A1 (100, 50)", "A2 (100, 100)", "A3 (100, 10)"]
    assert [row[2] for row in texts] == ["784 = 784 ✓", "50 = 50 ✓", "100 = 100 ✓"]
    assert chain.dominoes.joint_states() == ["match", "match", "match"]
    assert chain.dominoes.description().endswith("→ Y (100, 10)")
    assert "X (784,) → Y (10,)" in chain.summary_label.text()
    assert "X (100, 784) → Y (100, 10)" in chain.summary_label.text()

    click(qtbot, chain.batch_check)
    assert not chain.batch_spin.isEnabled()
    assert [row[3] for row in table_texts(chain.table)] == ["A1 (50,)", "A2 (100,)", "A3 (10,)"]
    assert (
        chain.dominoes.description()
        == "X (784,) · W1 (784, 50) · W2 (50, 100) · W3 (100, 10) → Y (10,)"
    )

    click(qtbot, chain.batch_check)
    chain.batch_spin.setValue(7)
    assert [row[3] for row in table_texts(chain.table)] == [
        "A1 (7, 50)",
        "A2 (7, 100)",
        "A3 (7, 10)",
    ]


def test_a_wrong_weight_shape_breaks_the_chain_with_numpys_message(chain, qtbot):
    w2 = chain.weight_fields[1]
    type_into(qtbot, w2.edit, "60, 100")
    assert chain.dominoes.joint_states() == ["match", "mismatch", "unchecked"]
    assert chain.error_label.isVisibleTo(chain)
    assert chain.error_label.text().endswith(
        "ValueError: shapes (100,50) and (60,100) not aligned: 50 (dim 1) != 60 (dim 0)"
    )
    assert chain.error_label.text().endswith(numpy_result((100, 50), (60, 100)))
    assert table_texts(chain.table)[2][2] == "not checked"
    assert not chain.summary_label.isVisibleTo(chain)
    click(qtbot, chain.book_button)
    assert w2.edit.text() == "50, 100"
    assert chain.dominoes.joint_states() == ["match", "match", "match"]
    assert not chain.error_label.isVisibleTo(chain)


def test_a_bad_weight_shape_keeps_the_last_chain(chain, qtbot):
    w1 = chain.weight_fields[0]
    for text, message in (("784", "W1 must be a matrix"), ("784, 0", "whole number ≥ 1")):
        type_into(qtbot, w1.edit, text)
        assert message in w1.message.message
        assert chain.is_stale and chain.dominoes.is_stale
        assert chain.stale_message.isVisibleTo(chain)
        assert not chain.table.isEnabled()
        assert table_texts(chain.table)[0][3] == "A1 (100, 50)"
    type_into(qtbot, w1.edit, "784 x 30")
    assert not chain.is_stale
    assert table_texts(chain.table)[1][2] == "30 ≠ 50 ✗"


# --- the whole tab ----------------------------------------------------------------------------------


def test_inputs_are_remembered(qtbot):
    first = ShapesTab()
    qtbot.addWidget(first)
    type_into(qtbot, first.dot_page.field_a.edit, "4x5")
    type_into(qtbot, first.dot_page.field_b.edit, "5, 6")
    first.network_page.batch_check.setChecked(True)
    first.chain_page.batch_check.setChecked(False)
    type_into(qtbot, first.chain_page.weight_fields[2].edit, "100, 20")
    first.pages.setCurrentIndex(2)
    first.shutdown()

    second = ShapesTab()
    qtbot.addWidget(second)
    assert second.pages.currentIndex() == 2
    assert second.dot_page.field_a.edit.text() == "4x5"
    assert second.dot_page.result_label.text() == "→ (4, 6)"
    assert second.network_page.batch_check.isChecked()
    assert second.network_page.current.shape == (BATCH_SIZE, 2)
    assert not second.chain_page.batch_check.isChecked()
    assert table_texts(second.chain_page.table)[2][3] == "A3 (20,)"
    second.shutdown()


def test_a_remembered_bad_shape_is_shown_as_bad(qtbot):
    first = ShapesTab()
    qtbot.addWidget(first)
    type_into(qtbot, first.dot_page.field_b.edit, "3, -2")
    first.shutdown()
    second = ShapesTab()
    qtbot.addWidget(second)
    assert second.dot_page.field_b.edit.text() == "3, -2"
    assert second.dot_page.is_stale
    assert "whole number ≥ 1" in second.dot_page.field_b.message.message
    second.shutdown()


def test_export_follows_the_page(tab):
    tab.pages.setCurrentWidget(tab.chain_page)
    header, rows = tab.table_for_export()
    assert list(header) == ["layer", "computation", "must match", "result", "then"]
    assert len(rows) == 3
    tab.pages.setCurrentWidget(tab.network_page)
    assert list(tab.table_for_export()[0]) == ["array", "shape", "index", "value"]


def test_retranslate_on_language_change_keeps_everything(tab, qtbot):
    type_into(qtbot, tab.dot_page.field_a.edit, "2, 0")
    QApplication.sendEvent(tab, QEvent(QEvent.Type.LanguageChange))
    assert tab.windowTitle() == "Matrix shapes"
    assert [tab.pages.tabText(i) for i in range(3)] == [
        "np.dot shapes",
        "3-layer network",
        "MNIST shape chain",
    ]
    assert "whole number ≥ 1" in tab.dot_page.field_a.message.message
    assert tab.dot_page.is_stale


def test_the_bug_examples_show_the_right_formulas_shapes(tab, qtbot):
    page = tab.dot_page
    click(qtbot, page.preset_buttons["bug_dw"])
    assert "dW = X.T·dout: (2, 4)·(4, 3) → (2, 3), the shape of W" in page.preset_note.text()
    click(qtbot, page.preset_buttons["bug_dx"])
    assert "dx = dout·W.T: (4, 3)·(3, 2) → (4, 2), the shape of X" in page.preset_note.text()
