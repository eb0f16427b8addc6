"""Activation functions, softmax and losses against the book's worked examples (§3, §4.2)."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from core import functions as F

# §4.2.1: the 「2」 example, a right guess (0.6 at index 2) and a wrong one (0.6 at index 7)
T_ONEHOT = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
Y_RIGHT = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]
Y_WRONG = [0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0]

finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)


# --- activations --------------------------------------------------------------------------


def test_step_function_turns_the_bool_array_into_ints():
    out = F.step_function(np.array([-1.0, 1.0, 2.0]))
    assert out.tolist() == [0, 1, 1]
    assert out.dtype.kind == "i"


def test_sigmoid_book_values():
    x = [-5, -1, 0, 1, 5]
    expected = [1 / (1 + math.exp(-v)) for v in x]
    np.testing.assert_allclose(F.sigmoid(x), expected, rtol=1e-15)
    assert F.sigmoid(0) == 0.5


def test_sigmoid_does_not_overflow_and_stays_in_0_1():
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        out = F.sigmoid(np.array([-1000.0, -50.0, 50.0, 1000.0]))
    assert out[0] == 0.0 and out[-1] == 1.0
    assert np.all((out >= 0) & (out <= 1))


def test_activations_keep_float32_and_do_not_touch_their_input():
    x = np.array([-2.0, -0.5, 0.0, 0.5, 2.0], dtype=np.float32)
    before = x.copy()
    for f in (F.sigmoid, F.tanh, F.relu, F.leaky_relu, F.identity_function, F.sigmoid_grad):
        out = f(x)
        assert out.dtype == np.float32, f.__name__
        assert not np.shares_memory(out, x), f.__name__
    np.testing.assert_array_equal(x, before)


def test_relu_and_its_derivative_are_not_the_same_function():
    x = [-2, -0.5, 0, 0.5, 2]
    assert F.relu(x).tolist() == [0, 0, 0, 0.5, 2]
    assert F.relu_grad(x).tolist() == [0, 0, 0, 1, 1]  # 0 at x = 0, like the Relu layer's mask
    assert F.leaky_relu(x, 0.1).tolist() == pytest.approx([-0.2, -0.05, 0, 0.5, 2])
    assert F.leaky_relu_grad(x, 0.1).tolist() == [0.1, 0.1, 0.1, 1, 1]


@pytest.mark.parametrize(
    ("f", "df"),
    [
        (F.sigmoid, F.sigmoid_grad),
        (F.tanh, F.tanh_grad),
        (F.relu, F.relu_grad),
        (F.leaky_relu, F.leaky_relu_grad),
        (F.identity_function, F.identity_grad),
        (F.step_function, F.step_grad),
    ],
)
def test_each_derivative_matches_a_central_difference_away_from_kinks(f, df):
    x = np.array([-3.0, -1.2, -0.3, 0.4, 1.1, 2.5])
    h = 1e-6
    numeric = (f(x + h).astype(float) - f(x - h).astype(float)) / (2 * h)
    np.testing.assert_allclose(df(x), numeric, atol=1e-8)


def test_text_input_is_a_clear_value_error():
    with pytest.raises(ValueError, match="real numbers.*text"):
        F.sigmoid(["a", "b"])
    with pytest.raises(ValueError, match="rectangular"):
        F.relu([[1, 2], [3]])


# --- softmax --------------------------------------------------------------------------------


def test_softmax_book_example():
    np.testing.assert_allclose(
        F.softmax([0.3, 2.9, 4.0]), [0.01821127, 0.24519181, 0.73659691], atol=1e-8
    )


def test_softmax_survives_the_overflow_example():
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        y = F.softmax(np.array([1010.0, 1000.0, 990.0]))
    np.testing.assert_allclose(y, [9.99954600e-01, 4.53978686e-05, 2.06106005e-09], rtol=1e-6)


def test_softmax_normalises_each_row_of_a_batch():
    y = F.softmax([[0.3, 2.9, 4.0], [1, 1, 1]])
    np.testing.assert_allclose(y.sum(axis=1), [1, 1])
    np.testing.assert_allclose(y[1], [1 / 3] * 3)
    np.testing.assert_allclose(y[0], F.softmax([0.3, 2.9, 4.0]))


def test_softmax_of_nothing_is_an_error():
    with pytest.raises(ValueError, match="empty"):
        F.softmax([])


@given(arrays(np.float64, st.integers(1, 12), elements=finite), finite)
def test_softmax_sums_to_one_keeps_order_and_ignores_shifts(a, c):
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        y = F.softmax(a)
        shifted = F.softmax(a + c)
    assert np.all(np.isfinite(y)) and np.all(y >= 0)
    assert y.sum() == pytest.approx(1.0)
    np.testing.assert_allclose(shifted, y, atol=1e-6)
    order = np.argsort(a, kind="stable")  # a larger score never gets a smaller probability,
    assert np.all(np.diff(y[order]) >= 0)  # which is why inference may skip softmax (§3.5.3)


# --- sum of squared errors -----------------------------------------------------------------


def test_sum_squared_error_book_example():
    assert F.sum_squared_error(Y_RIGHT, T_ONEHOT) == pytest.approx(0.0975)
    assert F.sum_squared_error(Y_WRONG, T_ONEHOT) == pytest.approx(0.5975)
    assert F.mean_squared_error is F.sum_squared_error


def test_sum_squared_error_accepts_a_label_and_averages_a_batch():
    assert F.sum_squared_error(Y_RIGHT, 2) == pytest.approx(0.0975)
    batch = F.sum_squared_error([Y_RIGHT, Y_WRONG], [2, 2])
    assert batch == pytest.approx((0.0975 + 0.5975) / 2)


def test_sum_squared_error_rejects_mismatched_lengths():
    with pytest.raises(ValueError, match="fits neither"):
        F.sum_squared_error([0.1, 0.9], [0, 1, 0])


# --- cross-entropy error ------------------------------------------------------------------


def test_cross_entropy_book_example_in_both_target_forms():
    assert F.cross_entropy_error(Y_RIGHT, T_ONEHOT) == pytest.approx(0.510825457099338)
    assert F.cross_entropy_error(Y_WRONG, T_ONEHOT) == pytest.approx(2.302584092994546)
    assert F.cross_entropy_error(Y_RIGHT, 2) == pytest.approx(0.510825457099338)
    assert F.cross_entropy_error(Y_RIGHT, [2]) == pytest.approx(0.510825457099338)


def test_delta_caps_the_loss_of_a_zero_probability():
    assert F.cross_entropy_error([0.0, 1.0, 0.0], 0) == pytest.approx(-math.log(1e-7))
    assert F.cross_entropy_error([0.0, 1.0, 0.0], 0) == pytest.approx(16.11809565095832)


def test_batch_cross_entropy_is_the_mean_over_rows_not_over_ndim():
    rows = [Y_RIGHT] * 3
    assert F.cross_entropy_error(rows, [2, 2, 2]) == pytest.approx(0.510825457099338)
    assert F.cross_entropy_error([Y_RIGHT, Y_WRONG], [2, 2]) == pytest.approx(
        (0.510825457099338 + 2.302584092994546) / 2
    )


def test_one_hot_fed_as_labels_is_an_error_not_23_719():
    with pytest.raises(ValueError, match="looks one-hot"):
        F.cross_entropy_error(Y_RIGHT, T_ONEHOT, t_kind="label")


@pytest.mark.parametrize(
    ("y", "t", "message"),
    [
        (Y_RIGHT, 12, "out of range"),
        (Y_RIGHT, -1, "out of range"),
        (Y_RIGHT, 2.5, "whole numbers"),
        (Y_RIGHT, [0, 1, 1, 0, 0, 0, 0, 0, 0, 0], "exactly one 1"),
        ([[0.5, 0.5], [0.2, 0.8]], [0, 1, 1], "fits neither"),
        ([-0.1, 1.1], 1, "probabilities"),
        ([], 0, "empty"),
        (0.5, 0, "single number"),
    ],
)
def test_cross_entropy_bad_targets(y, t, message):
    with pytest.raises(ValueError, match=message):
        F.cross_entropy_error(y, t)


def test_softmax_loss_is_softmax_then_cross_entropy():
    scores = [0.3, 2.9, 4.0]
    assert F.softmax_loss(scores, 1) == pytest.approx(-math.log(0.24519181), rel=1e-6)


def test_detect_target_kind():
    assert F.detect_target_kind(Y_RIGHT, T_ONEHOT) == "onehot"
    assert F.detect_target_kind(Y_RIGHT, 2) == "label"
    assert F.detect_target_kind([[0.1, 0.9]] * 3, [1, 1, 0]) == "label"
    assert F.detect_target_kind([[0.1, 0.9]] * 3, [[0, 1]] * 3) == "onehot"


@given(
    st.integers(1, 6).flatmap(
        lambda n: st.tuples(
            arrays(np.float64, (n, 4), elements=st.floats(0, 1)),
            arrays(np.int64, n, elements=st.integers(0, 3)),
        )
    )
)
def test_label_and_one_hot_cross_entropy_agree_and_are_not_negative(case):
    y, labels = case
    onehot = np.eye(4)[labels]
    by_label = F.cross_entropy_error(y, labels)
    assert by_label == pytest.approx(F.cross_entropy_error(y, onehot))
    assert by_label >= -math.log(1 + 1e-7) - 1e-15  # y ≤ 1, so each -log(y + δ) ≥ -log(1 + δ)
    assert F.sum_squared_error(y, labels) >= 0
