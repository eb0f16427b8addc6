"""Oracles for core.activations: the book's printed values (A1–A5), derivatives, the grid."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import functions as F
from core.activations import (
    ACTIVATIONS,
    GRID_MAX_POINTS,
    array_repr,
    array_source,
    array_str,
    evaluate,
    grid,
    outputs_as_printed,
    step_function_steps,
    truth_value_of,
)

BOOK_X = [-1.0, 1.0, 2.0]
AMBIGUOUS = (
    "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()"
)


# --- the table -------------------------------------------------------------------------------


def test_table_has_the_six_functions_in_order():
    assert list(ACTIVATIONS) == ["step", "sigmoid", "tanh", "relu", "leaky_relu", "identity"]
    for key, act in ACTIVATIONS.items():
        assert act.id == key
    assert ACTIVATIONS["sigmoid"].params == ("gain",)
    assert ACTIVATIONS["leaky_relu"].params == ("alpha",)
    assert ACTIVATIONS["relu"].params == ()


def test_table_calls_core_functions():
    """No re-implementation: the plain entries are core.functions' own functions."""
    assert ACTIVATIONS["step"].function is F.step_function
    assert ACTIVATIONS["relu"].function is F.relu
    assert ACTIVATIONS["relu"].derivative is F.relu_grad
    assert ACTIVATIONS["tanh"].function is F.tanh
    assert ACTIVATIONS["leaky_relu"].function is F.leaky_relu
    assert ACTIVATIONS["identity"].derivative is F.identity_grad


def test_table_is_read_only():
    with pytest.raises(TypeError):
        ACTIVATIONS["softplus"] = ACTIVATIONS["relu"]  # type: ignore[index]


# --- evaluate: A2, A3, A5 and the gain -------------------------------------------------------


def test_a2_sigmoid_of_the_book_vector():
    y, _ = evaluate("sigmoid", BOOK_X)
    np.testing.assert_allclose(y, [0.26894142, 0.73105858, 0.88079708], atol=5e-9)


def test_a3_sigmoid_values():
    y, _ = evaluate("sigmoid", [-5, -1, 0, 1, 5])
    np.testing.assert_allclose(
        y,
        [0.0066928509242848554, 0.2689414213699951, 0.5, 0.7310585786300049, 0.9933071490757153],
        rtol=1e-15,
    )


def test_a5_relu_values():
    y, dy = evaluate("relu", [-1, 0, 1, 100])
    np.testing.assert_array_equal(y, [0, 0, 1, 100])
    np.testing.assert_array_equal(dy, [0, 0, 1, 1])


def test_step_values_are_returned_as_float():
    y, dy = evaluate("step", BOOK_X)
    assert y.dtype == np.float64
    np.testing.assert_array_equal(y, [0.0, 1.0, 1.0])
    np.testing.assert_array_equal(dy, [0.0, 0.0, 0.0])


def test_b1_sigmoid_at_zero_is_one_half_not_two():
    """The precedence slip 1 / 1 + exp(-x) gives 2.0 at x = 0; the sigmoid gives 0.5."""
    y, dy = evaluate("sigmoid", [0.0])
    assert y[0] == 0.5
    assert dy[0] == 0.25


def test_b3_relu_is_not_its_derivative():
    x = [-2, -0.5, 0, 0.5, 2]
    y, dy = evaluate("relu", x)
    np.testing.assert_array_equal(y, [0.0, 0.0, 0.0, 0.5, 2.0])
    np.testing.assert_array_equal(dy, [0, 0, 0, 1, 1])


def test_leaky_relu_uses_alpha():
    y, dy = evaluate("leaky_relu", [-2.0, 3.0], alpha=0.1)
    np.testing.assert_allclose(y, [-0.2, 3.0])
    np.testing.assert_allclose(dy, [0.1, 1.0])
    y0, _ = evaluate("leaky_relu", [-2.0], alpha=0.0)
    assert y0[0] == 0.0


@pytest.mark.parametrize("gain", [0.1, 0.5, 1.0, 3.0, 25.0])
def test_sigmoid_gain_is_sigmoid_of_a_x(gain):
    x = np.linspace(-4, 4, 41)
    y, dy = evaluate("sigmoid", x, gain=gain)
    np.testing.assert_allclose(y, 1.0 / (1.0 + np.exp(-gain * x)), rtol=1e-13)
    np.testing.assert_allclose(dy, gain * y * (1.0 - y), rtol=1e-12, atol=1e-300)


def test_large_gain_approaches_the_step_function():
    """§3.2.4: as a grows the sigmoid becomes the step function."""
    y, _ = evaluate("sigmoid", [-0.1, 0.1], gain=100.0)
    step, _ = evaluate("step", [-0.1, 0.1])
    np.testing.assert_allclose(y, step, atol=1e-4)
    errors = [
        np.max(np.abs(evaluate("sigmoid", [-0.1, 0.1], gain=g)[0] - step)) for g in (1, 10, 100)
    ]
    assert errors[0] > errors[1] > errors[2]


def test_gain_is_ignored_by_the_other_functions():
    a, _ = evaluate("relu", BOOK_X, gain=50.0)
    b, _ = evaluate("relu", BOOK_X)
    np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "identity"])
@pytest.mark.parametrize("gain", [1.0, 4.0])
def test_derivative_matches_a_central_difference(name, gain):
    x = np.linspace(-3, 3, 25)
    h = 1e-5
    _, dy = evaluate(name, x, gain=gain)
    numeric = (evaluate(name, x + h, gain=gain)[0] - evaluate(name, x - h, gain=gain)[0]) / (2 * h)
    np.testing.assert_allclose(dy, numeric, atol=1e-8)


@pytest.mark.parametrize("name", ["step", "relu", "leaky_relu"])
def test_piecewise_derivatives_match_away_from_the_kink(name):
    x = np.array([-3.0, -1.2, -0.4, 0.3, 1.7, 2.9])  # not at 0
    h = 1e-6
    _, dy = evaluate(name, x, alpha=0.05)
    numeric = (evaluate(name, x + h, alpha=0.05)[0] - evaluate(name, x - h, alpha=0.05)[0]) / (
        2 * h
    )
    np.testing.assert_allclose(dy, numeric, atol=1e-8)


@given(st.floats(-30, 30), st.floats(0.1, 100))
def test_sigmoid_derivative_is_never_above_a_quarter_of_the_gain(x, gain):
    _, dy = evaluate("sigmoid", [x], gain=gain)
    assert 0.0 <= dy[0] <= gain / 4 + 1e-12


def test_evaluate_does_not_write_into_the_input():
    x = np.array([-1.0, 0.0, 2.0])
    for name in ACTIVATIONS:
        evaluate(name, x, gain=3.0, alpha=0.2)
    np.testing.assert_array_equal(x, [-1.0, 0.0, 2.0])


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"name": "softplus"}, "unknown activation 'softplus'.*step, sigmoid"),
        ({"name": "sigmoid", "gain": 0.0}, "gain a"),
        ({"name": "sigmoid", "gain": float("nan")}, "gain a"),
        ({"name": "leaky_relu", "alpha": -0.1}, "slope α"),
        ({"name": "leaky_relu", "alpha": float("inf")}, "slope α"),
        ({"name": "relu", "x": "abc"}, "real numbers"),
    ],
)
def test_evaluate_rejects_bad_arguments(kwargs, match):
    args = {"x": BOOK_X, **kwargs}
    name, x = args.pop("name"), args.pop("x")
    with pytest.raises(ValueError, match=match):
        evaluate(name, x, **args)


# --- grid ------------------------------------------------------------------------------------


def test_grid_default_has_801_points_and_hits_zero():
    x = grid(-5, 5)
    assert x.shape == (801,)
    assert x[0] == -5 and x[-1] == 5
    assert x[400] == 0.0


@pytest.mark.parametrize(
    ("lo", "hi", "n", "match"),
    [
        (1.0, 1.0, 801, "less than"),
        (2.0, -2.0, 801, "less than"),
        (float("nan"), 1.0, 801, "finite"),
        (-1.0, float("inf"), 801, "finite"),
        (-1e7, 1.0, 801, "within"),
        (0.0, 1e-12, 801, "too narrow"),
        (-1.0, 1.0, 1, "2 …"),
        (-1.0, 1.0, GRID_MAX_POINTS + 1, "2 …"),
        (-1.0, 1.0, 10.5, "integer"),
        (-1.0, 1.0, True, "integer"),
    ],
)
def test_grid_rejects_bad_ranges(lo, hi, n, match):
    with pytest.raises(ValueError, match=match):
        grid(lo, hi, n)


# --- §3.2.3: A1, A4 and NumPy's printout -----------------------------------------------------


def test_a1_step_function_steps_print_like_numpy():
    steps = step_function_steps(BOOK_X)
    assert steps.x_source == "np.array([-1.0, 1.0, 2.0])"
    assert steps.x_str == "[-1.  1.  2.]"
    assert steps.mask_str == "[False  True  True]"
    assert steps.y_str == "[0 1 1]"
    assert steps.x_repr == "array([-1.,  1.,  2.])"
    assert steps.mask_repr == "array([False,  True,  True])"
    assert steps.y_repr == "array([0, 1, 1])"
    np.testing.assert_array_equal(steps.mask, [False, True, True])
    np.testing.assert_array_equal(steps.y, [0, 1, 1])
    assert steps.y.dtype.kind == "i"
    assert steps.size == 3 and not steps.summarized


def test_the_if_version_gives_numpys_own_error():
    """B4: ``if x > 0:`` with an array raises NumPy's 'ambiguous' ValueError."""
    steps = step_function_steps(BOOK_X)
    assert steps.if_error == AMBIGUOUS
    assert steps.if_value is None


def test_the_if_version_works_for_a_single_number():
    steps = step_function_steps([3.0])
    assert steps.if_error is None
    assert steps.if_value is True
    assert truth_value_of(np.array([False])) == (None, False)


def test_long_arrays_are_summarized_like_numpy():
    x = np.arange(10_000, dtype=float)
    steps = step_function_steps(x)
    assert steps.size == 10_000 and steps.summarized
    assert steps.x_str == "[0.000e+00 1.000e+00 2.000e+00 ... 9.997e+03 9.998e+03 9.999e+03]"
    assert steps.y_str == "[0 1 1 ... 1 1 1]"
    assert steps.x_source == "np.array([0.0, 1.0, 2.0, ..., 9997.0, 9998.0, 9999.0])"


def test_a4_broadcasting_prints_like_the_book():
    t = np.array([1.0, 2.0, 3.0])
    assert array_str(1.0 + t) == "[2. 3. 4.]"
    assert array_str(1.0 / t) == "[1.         0.5        0.33333333]"


def test_printing_ignores_changed_global_print_options():
    with np.printoptions(precision=2, threshold=5):
        assert array_str(np.array([0.26894142, 1.0])) == "[0.26894142 1.        ]"
        assert array_repr(np.arange(8)) == "array([0, 1, 2, 3, 4, 5, 6, 7])"


def test_array_source_writes_special_values_as_numpy_names():
    assert array_source(np.array([np.inf, -np.inf, np.nan, 0.1])) == (
        "np.array([np.inf, -np.inf, np.nan, 0.1])"
    )


def test_outputs_as_printed_match_the_book():
    out = outputs_as_printed(BOOK_X)
    assert list(out) == list(ACTIVATIONS)
    assert out["step"] == "[0 1 1]"
    assert out["sigmoid"] == "[0.26894142 0.73105858 0.88079708]"
    assert out["relu"] == "[0. 1. 2.]"
    assert out["identity"] == "[-1.  1.  2.]"
    assert out["tanh"] == "[-0.76159416  0.76159416  0.96402758]"
    assert out["leaky_relu"] == "[-0.01  1.    2.  ]"


def test_outputs_as_printed_use_the_parameters():
    out = outputs_as_printed([-1.0, 0.0], gain=2.0, alpha=0.5)
    assert out["leaky_relu"] == "[-0.5  0. ]"
    assert out["sigmoid"] == "[0.11920292 0.5       ]"


@pytest.mark.parametrize("bad", [[], "abc", [[1, 2], [3]]])
def test_steps_reject_bad_input(bad):
    with pytest.raises(ValueError):
        step_function_steps(bad)
    with pytest.raises(ValueError):
        outputs_as_printed(bad)


def test_steps_do_not_write_into_the_input():
    x = np.array([-1.0, 1.0, 2.0])
    step_function_steps(x).x[0] = 99.0
    assert x[0] == -1.0
