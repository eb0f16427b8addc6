"""Numerical differentiation, gradients and gradient descent against §4.3–4.4."""

import numpy as np
import pytest

from core.gradient import (
    gradient_descent,
    numerical_diff,
    numerical_diff_forward,
    numerical_gradient,
)


def function_1(x):
    """The book's f(x) = 0.01x² + 0.1x (§4.3.2), exact derivative 0.02x + 0.1."""
    return 0.01 * x**2 + 0.1 * x


def function_2(x):
    """The book's f(x0, x1) = x0² + x1² (§4.3.3)."""
    return np.sum(x**2)


def test_numerical_diff_book_values():
    assert numerical_diff(function_1, 5) == pytest.approx(0.2, abs=1e-9)
    assert numerical_diff(function_1, 10) == pytest.approx(0.3, abs=1e-9)


def test_central_difference_beats_the_forward_one():
    exact = 0.02 * 5 + 0.1
    central_error = abs(numerical_diff(function_1, 5) - exact)
    forward_error = abs(numerical_diff_forward(function_1, 5) - exact)
    assert forward_error == pytest.approx(1e-6, rel=1e-3)  # the error is h · f''/2 = 1e-4 · 0.01
    assert central_error < 1e-11
    assert central_error < forward_error / 1000


def test_a_step_of_1e_50_vanishes_in_float32():
    assert np.float32(1e-50) == 0.0
    assert numerical_diff_forward(function_1, 5, h=1e-50) == 0.0  # x + h == x in float64 too


@pytest.mark.parametrize("h", [0, -1e-4, float("nan"), float("inf")])
def test_bad_step_is_rejected(h):
    with pytest.raises(ValueError, match="h must be"):
        numerical_diff(function_1, 5, h=h)


@pytest.mark.parametrize(
    ("point", "expected"), [((3.0, 4.0), (6, 8)), ((0.0, 2.0), (0, 4)), ((3.0, 0.0), (6, 0))]
)
def test_numerical_gradient_book_values(point, expected):
    np.testing.assert_allclose(numerical_gradient(function_2, np.array(point)), expected, atol=1e-7)


def test_integer_input_does_not_give_a_silently_wrong_gradient():
    x = np.array([3, 4])
    np.testing.assert_allclose(numerical_gradient(function_2, x), [6, 8], atol=1e-7)
    assert x.tolist() == [3, 4]


def test_any_shape_and_every_element_restored_exactly():
    rng = np.random.default_rng(0)
    W = rng.standard_normal((2, 3, 4))
    before = W.copy()
    grad = numerical_gradient(lambda w: np.sum(np.sin(w)), W)
    assert grad.shape == W.shape
    np.testing.assert_allclose(grad, np.cos(W), atol=1e-7)
    assert np.array_equal(W, before)  # bit for bit


def test_closure_over_the_weights_sees_each_nudge():
    """The book's ``lambda W: net.loss(x, t)`` ignores its argument and reads the weights."""
    W = np.array([[1.0, -2.0], [0.5, 3.0]])
    grad = numerical_gradient(lambda _: float(np.sum(W**3)), W)
    np.testing.assert_allclose(grad, 3 * W**2, rtol=1e-7)


def test_weights_are_restored_even_when_f_raises():
    W = np.array([1.0, 2.0])

    def explode(w):
        if w[1] != 2.0:
            raise RuntimeError("boom")
        return 0.0

    with pytest.raises(RuntimeError, match="boom"):
        numerical_gradient(explode, W)
    assert W.tolist() == [1.0, 2.0]


def test_gradient_descent_reaches_the_origin_and_keeps_the_path():
    init = np.array([-3.0, 4.0])
    x, history = gradient_descent(function_2, init, lr=0.1, step_num=100)
    assert np.all(np.abs(x) < 1e-8)
    assert history.shape == (101, 2)
    # each step multiplies x by 1 - 2·lr = 0.8 (§4.4.1)
    np.testing.assert_allclose(history[:4], [[-3, 4], [-2.4, 3.2], [-1.92, 2.56], [-1.536, 2.048]])
    assert init.tolist() == [-3.0, 4.0]  # the start point is never changed


def test_learning_rate_too_large_or_too_small():
    x_big, _ = gradient_descent(function_2, np.array([-3.0, 4.0]), lr=10.0, step_num=100)
    assert abs(x_big[0]) > 1e12  # diverges (the book prints -2.58983747e+13)
    x_small, _ = gradient_descent(function_2, np.array([-3.0, 4.0]), lr=1e-10, step_num=100)
    np.testing.assert_allclose(x_small, [-3, 4], rtol=1e-7)  # barely moves


def test_diverging_descent_gives_inf_without_warnings():
    _, history = gradient_descent(lambda x: np.sum(x**4), np.array([1.0]), lr=1e100, step_num=5)
    assert not np.all(np.isfinite(history[-1]))


@pytest.mark.parametrize(("lr", "steps"), [(0, 10), (-0.1, 10), (0.1, -1), (0.1, 2.5)])
def test_bad_descent_settings(lr, steps):
    with pytest.raises(ValueError):
        gradient_descent(function_2, [1.0, 1.0], lr=lr, step_num=steps)
