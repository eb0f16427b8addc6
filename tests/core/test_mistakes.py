"""The common-mistakes gallery: every buggy version really misbehaves, every fix agrees with core.

Oracles are the numbers of the learners' pain-points file (sections (b) and (c)): sigmoid(0) of
the precedence slip is 2.0, a batch of 100 copies divided by ndim gives 25.541272854966902, the
label formula fed a one-hot t gives 23.718987110506905, and so on.
"""

from __future__ import annotations

import math
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from core import functions as F
from core import gradient as G
from core import layers as L
from core import optimizer as O
from core.mistakes import (
    CHAPTERS,
    MISTAKES,
    ErrorInfo,
    Mistake,
    Outcome,
    Series,
    by_chapter,
    diff_sources,
    format_value,
    get_mistake,
    mistake_ids,
    mistakes_for_topic,
    outcomes_differ,
    plot_data,
    run_demo,
    values_close,
)

TOPICS = {
    "perceptron",
    "activation",
    "shapes",
    "loss",
    "gradient",
    "graph",
    "training",
    "optimizers",
}
#: Numbers the pain-points table skips; their patterns come from its section (a).
INFERRED = {"B16", "B17", "B19", "B22", "B31", "B32"}
L1_Y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
L1_T = np.array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0])

ids = pytest.mark.parametrize("mistake", MISTAKES, ids=[m.id for m in MISTAKES])


def value(mistake_id: str, which: str, expression: str):
    return run_demo(get_mistake(mistake_id), which).value(expression)


def error(mistake_id: str, which: str = "buggy") -> ErrorInfo:
    outcome = run_demo(get_mistake(mistake_id), which)
    assert outcome.error is not None, f"{mistake_id} {which} did not raise"
    return outcome.error


# --- the data ----------------------------------------------------------------------------------


def test_every_pattern_b1_to_b39_has_one_entry_in_order():
    assert mistake_ids() == tuple(f"B{i}" for i in range(1, 40))
    assert len({m.id for m in MISTAKES}) == len(MISTAKES)


@ids
def test_every_entry_has_all_its_fields(mistake: Mistake):
    assert mistake.chapter in (3, 4, 5, 6, 7)
    assert mistake.section.startswith("§")
    assert mistake.section[1] in "34567"
    assert mistake.topic is None or mistake.topic in TOPICS
    assert mistake.name.isidentifier()
    assert mistake.buggy_source.strip() and mistake.correct_source.strip()
    assert mistake.buggy_source != mistake.correct_source
    assert mistake.demo.strip() and mistake.shows
    assert (mistake.reference is None) == (mistake.reference_name is None)
    assert mistake.listed == (mistake.id not in INFERRED)
    assert callable(mistake.buggy) and callable(mistake.correct)


def test_chapters_group_every_entry_once():
    assert CHAPTERS == (3, 4, 5, 6, 7)
    grouped = [m.id for chapter in CHAPTERS for m in by_chapter(chapter)]
    assert sorted(grouped) == sorted(mistake_ids())


def test_get_mistake_is_case_insensitive_and_rejects_unknown_ids():
    assert get_mistake(" b12 ").id == "B12"
    with pytest.raises(KeyError):
        get_mistake("B40")


def test_mistakes_for_topic_links_tabs_to_their_entries():
    assert {"B10", "B11", "B12", "B13", "B14"} <= set(mistakes_for_topic("loss"))
    assert "B1" in mistakes_for_topic("activation")
    assert {"B31", "B32", "B33"} <= set(mistakes_for_topic("optimizers"))
    assert mistakes_for_topic("no such tab") == ()
    covered = {mid for topic in TOPICS for mid in mistakes_for_topic(topic)}
    assert covered == {m.id for m in MISTAKES if m.topic is not None}


@ids
def test_the_shown_source_is_the_code_that_runs(mistake: Mistake):
    """The callable is made by executing exactly the shown text (nothing else is defined)."""
    ns: dict = {"np": np}
    exec(mistake.buggy_source, ns)
    assert mistake.name in ns
    assert mistake.buggy.__module__ == f"mistake_{mistake.id}_buggy"
    assert mistake.correct.__module__ == f"mistake_{mistake.id}_correct"


# --- every buggy version misbehaves, every correct one agrees with core ---------------------


@ids
def test_buggy_output_differs_from_the_correct_one_on_the_demo(mistake: Mistake):
    buggy = run_demo(mistake, "buggy")
    correct = run_demo(mistake, "correct")
    assert correct.ok, correct.error
    assert [name for name, _ in correct.values] == list(mistake.shows)
    assert outcomes_differ(buggy, correct)
    assert buggy.error is not None or [n for n, _ in buggy.values] == list(mistake.shows)


@pytest.mark.parametrize("mistake", [m for m in MISTAKES if m.reference], ids=lambda m: m.id)
def test_correct_version_matches_cores_reference(mistake: Mistake):
    correct = run_demo(mistake, "correct")
    reference = run_demo(mistake, "reference")
    assert reference.ok, reference.error
    assert not outcomes_differ(correct, reference)


def test_every_entry_whose_function_core_implements_is_checked_against_it():
    in_core = {
        name
        for module in (F, G, L, O)
        for name in dir(module)
        if not name.startswith("_") and callable(getattr(module, name))
    }
    for mistake in MISTAKES:
        if mistake.name in in_core:
            assert mistake.reference is not None, mistake.id


@settings(max_examples=40, deadline=None)
@given(
    hnp.arrays(np.float64, hnp.array_shapes(max_dims=2, max_side=5), elements=st.floats(-30, 30))
)
def test_fixed_activations_agree_with_core_on_any_input(x):
    np.testing.assert_allclose(get_mistake("B1").correct(x), F.sigmoid(x), rtol=1e-12)
    np.testing.assert_array_equal(get_mistake("B2").correct(x), F.step_function(x))
    np.testing.assert_array_equal(get_mistake("B4").correct(x), F.step_function(x))
    np.testing.assert_allclose(get_mistake("B3").correct(x), F.relu(x))
    np.testing.assert_array_equal(get_mistake("B39").correct(x), F.relu_grad(x))
    if x.size:
        np.testing.assert_allclose(get_mistake("B7").correct(x), F.softmax(x), rtol=1e-12)


@settings(max_examples=30, deadline=None)
@given(
    hnp.arrays(np.float64, (3, 4), elements=st.floats(0.01, 1.0)),
    st.lists(st.integers(0, 3), min_size=3, max_size=3),
)
def test_fixed_losses_agree_with_core_on_any_batch(y, labels):
    t = np.eye(4)[labels]
    assert get_mistake("B11").correct(y, t) == pytest.approx(F.cross_entropy_error(y, t))
    assert get_mistake("B12").correct(y, t) == pytest.approx(F.cross_entropy_error(y, t))
    assert get_mistake("B12").correct(y, np.array(labels)) == pytest.approx(
        F.cross_entropy_error(y, labels)
    )


# --- the pain-points numbers ------------------------------------------------------------------


def test_b1_sigmoid_precedence_gives_2_at_zero_and_values_above_1():
    y = value("B1", "buggy", "y")
    np.testing.assert_allclose(y, [3.71828183, 2.0, 1.36787944, 1.13533528], rtol=1e-8)
    assert y[1] == 2.0
    np.testing.assert_allclose(
        value("B1", "correct", "y"), [0.26894142, 0.5, 0.73105858, 0.88079708], rtol=1e-8
    )


def test_b2_b3_inverted_step_and_relu_as_its_derivative():
    np.testing.assert_array_equal(value("B2", "buggy", "y"), [1, 0, 0])
    np.testing.assert_array_equal(value("B2", "correct", "y"), [0, 1, 1])
    np.testing.assert_array_equal(value("B3", "buggy", "y"), [0, 0, 0, 1, 1])
    np.testing.assert_array_equal(value("B3", "correct", "y"), [0.0, 0.0, 0.0, 0.5, 2.0])


def test_b4_b5_b9_errors_come_from_numpy_and_python_themselves():
    assert error("B4") == ErrorInfo(
        "ValueError",
        "The truth value of an array with more than one element is ambiguous. "
        "Use a.any() or a.all()",
    )
    b5 = error("B5")
    assert b5.type == "AttributeError"
    assert b5.message.startswith("module 'numpy' has no attribute 'int'")
    assert error("B9") == ErrorInfo("TypeError", "'dtype' is an invalid keyword argument for max()")


def test_b6_overflow_guard_unused_gives_nan_only_for_large_scores():
    buggy = run_demo(get_mistake("B6"), "buggy")
    assert np.all(np.isnan(buggy.value("large")))
    assert any("overflow encountered in exp" in w for w in buggy.warnings)
    np.testing.assert_allclose(
        value("B6", "correct", "large"), [9.99954600e-01, 4.53978686e-05, 2.06106005e-09], rtol=1e-7
    )
    np.testing.assert_allclose(buggy.value("small"), value("B6", "correct", "small"))


def test_b7_batch_softmax_without_axis_breaks_the_row_sums():
    np.testing.assert_allclose(value("B7", "buggy", "row_sums"), [0.9009, 0.0991], atol=1e-4)
    np.testing.assert_allclose(value("B7", "correct", "row_sums"), [1.0, 1.0])
    np.testing.assert_allclose(
        value("B7", "correct", "y")[0], [0.01821127, 0.24519181, 0.73659691], atol=1e-8
    )


def test_b8_argmax_without_axis_is_a_flat_index():
    assert value("B8", "buggy", "p") == 1
    np.testing.assert_array_equal(value("B8", "correct", "p"), [1, 0])


def test_b10_dim_typo_is_numpys_attribute_error():
    assert error("B10") == ErrorInfo(
        "AttributeError", "'numpy.ndarray' object has no attribute 'dim'"
    )
    assert value("B10", "correct", "loss") == pytest.approx(0.510825457099338, rel=1e-12)


def test_b11_batch_divided_by_ndim():
    assert value("B11", "buggy", "loss") == pytest.approx(25.541272854966902, rel=1e-12)
    assert value("B11", "correct", "loss") == pytest.approx(0.510825457099338, rel=1e-12)
    buggy = get_mistake("B11").buggy
    batch3 = buggy(np.tile(L1_Y, (3, 1)), np.tile(L1_T, (3, 1)))
    assert batch3 == pytest.approx(0.766238185649007, rel=1e-12)


def test_b12_label_formula_fed_one_hot():
    assert value("B12", "buggy", "loss") == pytest.approx(23.718987110506905, rel=1e-12)
    assert value("B12", "correct", "loss") == pytest.approx(0.510825457099338, rel=1e-12)
    assert get_mistake("B12").buggy(L1_Y, np.array([2])) == pytest.approx(0.510825457099338)


def test_b13_log_without_delta():
    buggy = run_demo(get_mistake("B13"), "buggy")
    assert buggy.value("loss_a") == math.inf
    assert math.isnan(buggy.value("loss_b"))
    assert value("B13", "correct", "loss_a") == pytest.approx(16.11809565095832, rel=1e-12)
    assert value("B13", "correct", "loss_b") == pytest.approx(16.11809565095832, rel=1e-12)


def test_b14_sum_of_squares_without_half():
    assert value("B14", "buggy", "loss") == pytest.approx(0.195)
    assert value("B14", "correct", "loss") == pytest.approx(0.09750000000000003)


def test_b15_b17_numerical_differentiation():
    assert value("B15", "buggy", "d") == 0.0
    assert value("B15", "correct", "d") == pytest.approx(0.1999999999990898, abs=1e-15)
    assert value("B17", "buggy", "d") == pytest.approx(0.20000099999917254, abs=1e-15)
    assert value("B17", "buggy", "error") == pytest.approx(9.999991725240243e-07, rel=1e-6)
    assert value("B17", "correct", "error") == pytest.approx(9.102163467389346e-13, rel=1e-3)


def test_b16_integer_array_gives_a_nonsense_gradient():
    grad = value("B16", "buggy", "grad")
    assert grad.dtype.kind == "i"
    assert not np.allclose(grad, [6.0, 8.0])
    np.testing.assert_allclose(value("B16", "correct", "grad"), [6.0, 8.0], atol=1e-6)


def test_b18_range_size_on_a_matrix():
    assert error("B18") == ErrorInfo(
        "IndexError", "index 2 is out of bounds for axis 0 with size 2"
    )
    W = np.array([[0.5, -1.0, 2.0], [1.5, 0.0, -0.5]])
    np.testing.assert_allclose(value("B18", "correct", "grad"), 2 * W, atol=1e-6)


def test_b19_lr_10_ends_where_the_book_learner_did():
    np.testing.assert_allclose(
        value("B19", "buggy", "x"), [-2.58983747e13, -1.29524862e12], rtol=1e-8
    )
    np.testing.assert_allclose(
        value("B19", "correct", "x"), [-6.11110793e-10, 8.14814391e-10], rtol=1e-6
    )


def test_b20_wrong_sign_climbs_every_step():
    data = plot_data(get_mistake("B20"))
    assert isinstance(data.buggy, Series) and isinstance(data.correct, Series)
    assert np.all(np.diff(data.buggy.y) > 0)
    assert np.all(np.diff(data.correct.y) < 0)
    assert value("B20", "buggy", "loss") > 25.0 > value("B20", "correct", "loss")


def test_b21_labels_from_the_images():
    assert value("B21", "buggy", "t_batch.shape") == (3, 4)
    np.testing.assert_array_equal(value("B21", "correct", "t_batch"), [3, 4, 9])


def test_b22_reused_mul_layer_gives_the_wrong_apple_gradients():
    buggy = run_demo(get_mistake("B22"), "buggy")
    correct = run_demo(get_mistake("B22"), "correct")
    assert buggy.value("price") == pytest.approx(220.0) == correct.value("price")
    assert buggy.value("dapple") == pytest.approx(1.21)
    assert buggy.value("dnum") == pytest.approx(220.0)
    assert correct.value("dapple") == pytest.approx(2.2)
    assert correct.value("dnum") == pytest.approx(110.0)
    assert correct.value("dtax") == pytest.approx(200.0)


def test_b23_relu_without_copy_overwrites_the_callers_x():
    np.testing.assert_array_equal(value("B23", "buggy", "x"), [[1.0, 0.0], [0.0, 3.0]])
    np.testing.assert_array_equal(value("B23", "correct", "x"), [[1.0, -0.5], [-2.0, 3.0]])
    np.testing.assert_array_equal(value("B23", "correct", "out"), [[1.0, 0.0], [0.0, 3.0]])


def test_b24_typo_shows_only_on_backward():
    buggy = run_demo(get_mistake("B24"), "buggy")
    assert buggy.error == ErrorInfo("AttributeError", "'Relu' object has no attribute 'mack'")
    np.testing.assert_array_equal(buggy.value("out"), [[1.0, 0.0], [0.0, 3.0]])
    np.testing.assert_array_equal(value("B24", "correct", "dx"), [[1.0, 0.0], [0.0, 1.0]])


def test_b25_b26_b27_affine_shape_errors_are_numpys():
    assert error("B25") == ErrorInfo(
        "ValueError", "shapes (3,2) and (4,3) not aligned: 2 (dim 1) != 4 (dim 0)"
    )
    assert error("B26") == ErrorInfo(
        "ValueError",
        "non-broadcastable output operand with shape (3,) doesn't match the broadcast shape (4,3)",
    )
    assert error("B27") == ErrorInfo(
        "ValueError", "shapes (4,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)"
    )
    np.testing.assert_allclose(value("B26", "correct", "layer.db"), [4.0, 4.0, 4.0])
    assert value("B25", "correct", "layer.dW").shape == (2, 3)


def test_b28_backward_without_batch_size_is_exactly_n_times_too_large():
    buggy, correct = value("B28", "buggy", "dx"), value("B28", "correct", "dx")
    np.testing.assert_array_equal(buggy / correct, np.full((4, 3), 4.0))
    assert value("B28", "correct", "max_error") < 1e-6
    assert value("B28", "buggy", "max_error") > 0.1


def test_b29_missing_t_is_latent_until_read_before_forward():
    buggy = run_demo(get_mistake("B29"), "buggy")
    assert buggy.value("loss") == pytest.approx(value("B29", "correct", "loss"))
    assert buggy.error == ErrorInfo(
        "AttributeError", "'SoftmaxWithLoss' object has no attribute 't'"
    )
    assert value("B29", "correct", "t_before_forward") is None


def test_b30_sigmoid_backward_from_x():
    assert value("B30", "buggy", "dx")[1] == 0.0
    np.testing.assert_allclose(value("B30", "correct", "dx"), [0.25, 0.19661193, 0.19661193])


def test_b31_b32_b33_optimizer_slips():
    start = (-7.0) ** 2 / 20 + 2.0**2
    assert value("B31", "buggy", "f_end") > 1e6 * start
    assert value("B31", "correct", "f_end") < start
    path = plot_data(get_mistake("B32")).buggy
    steps = np.abs(np.diff(path.x))
    np.testing.assert_allclose(steps[:5], 1.5, rtol=1e-6)  # lr·sign(g): the history is lost
    assert not values_close(value("B33", "buggy", "end"), value("B33", "correct", "end"))


def test_b34_zero_weights_keep_the_hidden_units_identical():
    assert value("B34", "buggy", "different_units") == 1
    assert value("B34", "correct", "different_units") == 3


def test_b35_dropout_test_path_without_scaling():
    np.testing.assert_array_equal(value("B35", "buggy", "test_out"), np.ones(5))
    np.testing.assert_array_equal(value("B35", "correct", "test_out"), np.full(5, 0.5))
    assert value("B35", "correct", "train_mean") == pytest.approx(0.5, abs=0.02)


def test_b36_b39_type_errors():
    assert error("B36").message.startswith("slice indices must be integers")
    assert error("B39") == ErrorInfo(
        "TypeError", "'numpy.float64' object cannot be interpreted as an integer"
    )


def test_b37_col2im_accumulates_overlaps_and_is_the_adjoint_of_im2col():
    np.testing.assert_array_equal(value("B37", "correct", "img"), [[1, 2, 1], [2, 4, 2], [1, 2, 1]])
    np.testing.assert_array_equal(value("B37", "buggy", "img"), np.ones((3, 3)))
    rng = np.random.default_rng(0)
    img, col = rng.standard_normal((4, 5)), rng.standard_normal((3 * 3, 2 * 3))
    patches = np.array([img[i : i + 2, j : j + 3].ravel() for i in range(3) for j in range(3)])
    back = get_mistake("B37").correct(col, (4, 5), 2, 3)
    assert np.sum(patches * col) == pytest.approx(
        np.sum(img * back)
    )  # <im2col x, c> = <x, col2im c>


def test_b38_pooling_stride():
    assert value("B38", "buggy", "out.shape") == (3, 3)
    x = np.array([[1.0, 2, 3, 0], [0, 1, 2, 3], [3, 0, 1, 2], [2, 3, 0, 1]])
    np.testing.assert_array_equal(
        value("B38", "correct", "out"), x.reshape(2, 2, 2, 2).max(axis=(1, 3))
    )


# --- plots ---------------------------------------------------------------------------------------


def test_b1_plot_shows_the_buggy_sigmoid_above_1():
    data = plot_data(get_mistake("B1"))
    assert data.kind == "curve" and data.y_range is not None
    assert np.all(data.buggy.y > 1.0)
    assert np.all((data.correct.y > 0.0) & (data.correct.y < 1.0))


def test_b13_plot_shows_the_cap_only_with_delta():
    data = plot_data(get_mistake("B13"))
    assert data.log_x
    assert np.nanmax(data.buggy.y) > 20.0
    assert np.isnan(data.buggy.y[-1])  # y = [1, 0]: 0 · log(0) is nan
    assert data.correct.y.max() == pytest.approx(16.118, abs=1e-3)


def test_b31_path_diverges_while_the_correct_one_approaches_the_minimum():
    data = plot_data(get_mistake("B31"))
    assert data.kind == "path"
    assert abs(data.buggy.y[-1]) > 1e3
    assert np.hypot(data.correct.x[-1], data.correct.y[-1]) < 1.0


def test_entries_without_a_plot_have_no_plot_data():
    assert plot_data(get_mistake("B4")) is None


# --- running never raises for the code under test ----------------------------------------------


def test_a_source_that_does_not_compile_is_an_outcome_not_an_exception():
    broken = Mistake(
        "B99", 4, "§4.2", None, "f", "def f(:\n", "def f():\n    return 1\n", "y = f()\n", ("y",)
    )
    outcome = run_demo(broken, "buggy")
    assert outcome.error is not None and outcome.error.type == "SyntaxError"
    assert run_demo(broken, "correct").value("y") == 1


def test_outcome_value_raises_for_an_expression_not_reached():
    with pytest.raises(KeyError):
        Outcome((("a", 1),)).value("b")


# --- the diff -------------------------------------------------------------------------------------


def test_diff_marks_only_the_two_parentheses_of_b1():
    m = get_mistake("B1")
    diff = diff_sources(m.buggy_source, m.correct_source)
    assert diff.left_lines == {1} and diff.right_lines == {1}
    line = m.correct_source.splitlines()[1]
    marked = [line[a:b] for a, b in diff.right[0].spans]
    assert marked == ["(", ")"]


def test_diff_of_equal_text_is_empty_and_added_lines_count_whole():
    assert diff_sources("a\nb\n", "a\nb\n").left == ()
    diff = diff_sources("x = 1\n", "x = 1\n    y = 2\n")
    assert diff.left == ()
    assert [(c.line, c.spans) for c in diff.right] == [(1, ((4, 9),))]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(["a = 1", "b = 2", "return x", "", "x += 1"]), max_size=8),
    st.lists(st.sampled_from(["a = 1", "b = 3", "return y", "", "x -= 1"]), max_size=8),
)
def test_unchanged_lines_are_the_same_on_both_sides(left, right):
    left_text, right_text = "\n".join(left), "\n".join(right)
    left, right = left_text.splitlines(), right_text.splitlines()
    diff = diff_sources(left_text, right_text)
    kept_left = [line for i, line in enumerate(left) if i not in diff.left_lines]
    kept_right = [line for i, line in enumerate(right) if i not in diff.right_lines]
    assert kept_left == kept_right
    for change in (*diff.left, *diff.right):
        text = (left if change in diff.left else right)[change.line]
        assert all(0 <= a < b <= len(text) for a, b in change.spans)


# --- formatting and the import boundary -----------------------------------------------------------


def test_format_value_uses_the_core_formatters():
    assert format_value(np.array([0.5, 2.0])) == "[0.5 2]"
    assert format_value(0.09750000000000003) == "0.0975"
    assert format_value(float("nan")) == "nan"
    assert format_value((3, 4)) == "(3, 4)"
    assert format_value(None) == "None"
    assert format_value(np.zeros(20_000)).startswith("array of shape (20000,)")


def test_the_new_core_modules_load_no_gui():
    code = (
        "import sys, core.mistakes, core.code_check, core.code_check_runner\n"
        "print(','.join(sorted(m for m in sys.modules "
        "if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph', 'zdl_gui'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == ""
