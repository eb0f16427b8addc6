"""Oracles for core.softmax_steps: the book's S1–S3, the C trick, temperature, validation."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from core import functions as F
from core.activations import array_str
from core.softmax_steps import (
    BOOK_EXAMPLE,
    EXP_OVERFLOW_AT,
    EXP_UNDERFLOW_AT,
    FLOAT64_MAX,
    OVERFLOW_EXAMPLE,
    softmax_steps,
)

BOOK = [0.3, 2.9, 4.0]
OVERFLOW = [1010.0, 1000.0, 990.0]


def test_presets_are_the_books_examples():
    assert list(BOOK_EXAMPLE) == BOOK
    assert list(OVERFLOW_EXAMPLE) == OVERFLOW


def test_s1_book_example():
    s = softmax_steps(BOOK)
    np.testing.assert_allclose(s.naive_exp, [1.34985881, 18.17414537, 54.59815003], atol=5e-9)
    assert array_str(s.naive_exp) == "[ 1.34985881 18.17414537 54.59815003]"
    assert array_str(s.y) == "[0.01821127 0.24519181 0.73659691]"
    assert s.naive_sum == pytest.approx(74.1221542101633, rel=1e-14)
    np.testing.assert_allclose(s.naive_y, [0.01821127, 0.24519181, 0.73659691], atol=5e-9)
    np.testing.assert_allclose(s.y, s.naive_y, rtol=1e-14)
    assert s.sum_y == pytest.approx(1.0, abs=1e-15)
    assert s.c == 4.0 and s.c_is_max
    np.testing.assert_allclose(s.shifted, [-3.7, -1.1, 0.0])
    assert not s.naive_overflow and s.naive_ok and s.stable_ok


def test_s2_naive_route_overflows_to_nan_without_a_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = softmax_steps(OVERFLOW)
    assert np.all(np.isinf(s.naive_exp))
    assert s.naive_sum == np.inf
    assert np.all(np.isnan(s.naive_y))
    assert s.naive_overflow and not s.naive_ok and not s.naive_underflow
    assert np.isnan(s.naive_sum_y)


def test_s3_stable_route_is_finite():
    s = softmax_steps(OVERFLOW)
    np.testing.assert_array_equal(s.shifted, [0.0, -10.0, -20.0])
    np.testing.assert_allclose(s.y, [9.99954600e-01, 4.53978686e-05, 2.06106005e-09], rtol=1e-8)
    assert array_str(s.y) == "[9.99954600e-01 4.53978686e-05 2.06106005e-09]"
    assert array_str(softmax_steps(OVERFLOW).naive_y) == "[nan nan nan]"
    assert s.sum_y == pytest.approx(1.0, abs=1e-15)
    assert s.stable_ok and not s.stable_overflow and not s.stable_underflow


def test_stable_y_is_core_softmax():
    s = softmax_steps([3.0, -1.0, 0.5, 0.5])
    np.testing.assert_array_equal(s.y, F.softmax([3.0, -1.0, 0.5, 0.5]))


def test_b6_small_inputs_hide_the_missing_shift():
    """B6: on [0, 2.3, 3.5] naive and stable agree, so a fix that is not used goes unnoticed."""
    s = softmax_steps([0.0, 2.3, 3.5])
    np.testing.assert_allclose(s.naive_y, s.y, rtol=1e-14)


def test_constants():
    assert np.finfo(np.float64).max == FLOAT64_MAX
    assert abs(EXP_OVERFLOW_AT - 709.782712893384) < 1e-12
    assert np.isfinite(np.exp(EXP_OVERFLOW_AT - 1e-9))
    with np.errstate(over="ignore", under="ignore"):
        assert np.exp(EXP_OVERFLOW_AT + 1e-9) == np.inf
        assert np.exp(EXP_UNDERFLOW_AT - 1e-9) == 0.0
        assert np.exp(EXP_UNDERFLOW_AT + 1e-9) > 0.0


@pytest.mark.parametrize("c", [-50.0, 0.0, 2.0, 4.0, 37.5, 300.0])
def test_any_c_gives_the_same_y(c):
    s = softmax_steps(BOOK, subtract=c)
    assert s.c == c
    assert s.max_scaled == 4.0
    assert s.c_is_max == (c == 4.0)
    assert s.c_effect < 1e-12
    np.testing.assert_array_equal(s.y_at_max_c, softmax_steps(BOOK).y)
    np.testing.assert_allclose(s.shifted, np.array(BOOK) - c)
    np.testing.assert_allclose(s.y, softmax_steps(BOOK).y, rtol=1e-12)


@given(
    st.lists(st.floats(-100, 100), min_size=1, max_size=10),
    st.floats(-100, 100),
)
def test_subtracting_any_c_leaves_y_unchanged(a, c):
    """a / T - C stays within ±200, far from exp's overflow (709) and underflow (-745)."""
    reference = softmax_steps(a).y
    shifted = softmax_steps(a, subtract=c)
    assert shifted.stable_ok
    np.testing.assert_allclose(shifted.y, reference, rtol=0, atol=1e-12)


@given(
    st.lists(st.floats(-1e4, 1e4), min_size=1, max_size=10),
    st.floats(0.1, 10.0),
)
def test_stable_y_is_a_distribution_in_the_order_of_a(a, t):
    s = softmax_steps(a, temperature=t)
    assert s.stable_ok
    assert np.all(s.y >= 0)
    assert s.sum_y == pytest.approx(1.0, abs=1e-12)
    assert s.y[s.argmax_a] == np.max(s.y)  # the largest score has the largest probability
    y_by_score = s.y[np.argsort(a, kind="stable")]
    assert np.all(np.diff(y_by_score) >= 0)  # a larger score never gets a smaller probability


@given(st.lists(st.floats(-5, 5), min_size=2, max_size=10, unique=True))
def test_ranks_are_preserved_for_moderate_scores(a):
    assume(np.min(np.diff(np.sort(a))) > 1e-6)  # distinct enough that y does not round to ties
    assert softmax_steps(a).ranks_preserved


def test_ranks_not_preserved_when_tiny_probabilities_round_to_zero():
    s = softmax_steps([0.0, -1000.0, -2000.0])
    np.testing.assert_array_equal(s.y, [1.0, 0.0, 0.0])
    assert not s.ranks_preserved
    assert s.argmax_y == s.argmax_a == 0


def test_large_temperature_tends_to_uniform():
    errors = [np.max(np.abs(softmax_steps(BOOK, temperature=t).y - 1 / 3)) for t in (1, 10, 1e6)]
    assert errors[0] > errors[1] > errors[2]
    assert errors[2] < 1e-5


def test_small_temperature_tends_to_one_hot():
    s = softmax_steps(BOOK, temperature=0.01)
    np.testing.assert_allclose(s.y, [0.0, 0.0, 1.0], atol=1e-40)
    assert s.ranks_preserved
    np.testing.assert_allclose(s.scaled, np.array(BOOK) / 0.01)


def test_temperature_keeps_the_naive_route_in_step():
    s = softmax_steps(OVERFLOW, temperature=10.0)
    assert not s.naive_overflow
    np.testing.assert_allclose(s.naive_y, s.y, rtol=1e-12)


def test_c_far_below_max_overflows_the_stable_route_too():
    s = softmax_steps(OVERFLOW, subtract=0.0)
    assert s.stable_overflow and not s.stable_ok
    assert np.all(np.isnan(s.y))
    assert np.isnan(s.c_effect)
    assert np.all(np.isfinite(s.y_at_max_c))


def test_c_far_above_max_underflows_every_exp():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = softmax_steps(BOOK, subtract=2000.0)
    assert s.stable_underflow and not s.stable_ok
    assert s.sum_exp == 0.0
    assert np.all(np.isnan(s.y))


def test_only_the_sum_overflowing_is_an_overflow_too():
    """Each exp(a - C) is finite (< 1.8e308) but their sum is not: y would be [0 0 0]."""
    s = softmax_steps(BOOK, subtract=4.0 - 709.7)
    assert np.all(np.isfinite(s.exp_shifted))
    assert s.sum_exp == np.inf
    assert s.stable_overflow and not s.stable_ok
    assert np.isnan(s.c_effect)
    assert not s.ranks_preserved


def test_naive_route_underflows_for_very_negative_scores():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = softmax_steps([-2000.0, -1990.0], temperature=0.1)
    assert s.naive_underflow and not s.naive_overflow and not s.naive_ok
    assert np.all(np.isnan(s.naive_y))
    assert s.stable_ok
    np.testing.assert_allclose(s.y, [0.0, 1.0], atol=1e-40)


def test_single_score_and_scalar():
    s = softmax_steps(7.0)
    np.testing.assert_array_equal(s.y, [1.0])
    assert s.ranks_preserved


def test_does_not_write_into_the_input():
    a = np.array(OVERFLOW)
    s = softmax_steps(a)
    s.a[0] = 0.0
    np.testing.assert_array_equal(a, OVERFLOW)


@pytest.mark.parametrize(
    ("a", "kwargs", "match"),
    [
        ([], {}, "empty"),
        ([[1.0, 2.0]], {}, "vector"),
        ([1.0, np.nan], {}, r"finite.*a\[1\]"),
        ([1.0, np.inf], {}, "finite"),
        (["x"], {}, "real numbers"),
        (BOOK, {"temperature": 0.0}, "temperature"),
        (BOOK, {"temperature": -1.0}, "temperature"),
        (BOOK, {"temperature": np.inf}, "temperature"),
        (BOOK, {"subtract": np.nan}, "constant C"),
        ([1e308], {"temperature": 1e-10}, "overflows"),
    ],
)
def test_rejects_bad_input(a, kwargs, match):
    with pytest.raises(ValueError, match=match):
        softmax_steps(a, **kwargs)
