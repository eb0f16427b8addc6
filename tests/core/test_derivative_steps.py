"""Forward and central differences against the book's numbers (§4.3, oracles N1–N6, B15)."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.derivative_steps import (
    BOOK_X,
    DTYPES,
    H_EXPONENTS,
    PRESETS,
    PRESETS_BY_ID,
    UNDERFLOW_H,
    Line,
    StepError,
    default_hs,
    derivative_at,
    error_vs_h,
    float32_underflow_example,
    h_from_exponent,
    zoom_view,
)
from core.gradient import numerical_diff, numerical_diff_forward


def function_1(x):
    """The book's f(x) = 0.01x² + 0.1x (§4.3.2), written out as plain NumPy."""
    return 0.01 * x**2 + 0.1 * x


BOOK = PRESETS_BY_ID["function_1"]
F1 = BOOK.function()
EXACT1 = BOOK.exact()


def test_the_book_preset_is_function_1():
    x = np.linspace(0, 20, 41)
    np.testing.assert_array_equal(F1(x), function_1(x))
    np.testing.assert_allclose(EXACT1(x), 0.02 * x + 0.1)
    assert PRESETS[0] is BOOK and BOOK.default_x == BOOK_X == 5.0
    assert BOOK.x_range == (0.0, 20.0)


# --- N1–N3, N6: one x, one h --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("x", "central", "forward"),
    [
        (5.0, 0.1999999999990898, 0.20000099999917254),
        (10.0, 0.2999999999986347, 0.3000009999976072),
    ],
)
def test_book_values_of_both_differences(x, central, forward):
    r = derivative_at(F1, x, 1e-4, exact=EXACT1)
    assert r.central == central  # N1, digit for digit
    assert r.forward == forward  # N2
    assert r.central == numerical_diff(function_1, x)
    assert r.forward == numerical_diff_forward(function_1, x)
    assert r.exact == pytest.approx(0.02 * x + 0.1)


def test_book_errors_at_x_5():
    r = derivative_at(F1, 5.0, 1e-4, exact=EXACT1)
    assert r.forward_error == pytest.approx(9.999991725240243e-07, rel=1e-9)  # N3
    assert r.central_error == pytest.approx(9.102163467389346e-13, rel=1e-6)
    assert r.central_error < r.forward_error
    assert r.exact_exists and not (r.step_vanished or r.undefined or r.neighbour_undefined)


def test_tangent_and_secant_lines():
    r = derivative_at(F1, 5.0, 1e-4, exact=0.2)
    assert r.fx == 0.75
    assert r.tangent.slope == pytest.approx(0.2, abs=1e-11)  # N6: y = 0.2x − 0.25
    assert r.tangent.intercept == pytest.approx(-0.25, abs=1e-10)
    assert r.tangent.at(5.0) == pytest.approx(0.75)
    assert r.secant.slope == r.forward
    assert r.secant.at(5.0) == pytest.approx(r.fx)
    assert r.secant.at(5.0 + 1e-4) == pytest.approx(r.f_plus, abs=1e-15)
    big = derivative_at(F1, 5.0, 1.0)
    assert big.secant.at(6.0) == pytest.approx(function_1(6.0))
    np.testing.assert_allclose(Line(2.0, 1.0).at([0.0, 1.0]), [1.0, 3.0])


def test_exact_may_be_a_number_or_missing():
    assert derivative_at(F1, 5.0, exact=0.2).exact == 0.2
    r = derivative_at(F1, 5.0)
    assert r.exact is None and r.forward_error is None and not r.exact_exists


# --- B15, N4: steps that vanish -----------------------------------------------------------------


def test_float32_underflow_example():
    example = float32_underflow_example()
    assert example == (0.0, 0.0)
    assert isinstance(example.h_float32, np.float32) and example.h_float32 == np.float32(1e-50)
    assert example.forward == numerical_diff_forward(function_1, 5.0, 1e-50)
    assert UNDERFLOW_H == 1e-50


def test_a_step_that_rounds_away_is_flagged():
    r = derivative_at(F1, 5.0, 1e-50, exact=EXACT1)
    assert r.step_vanished and r.step_used == 0.0
    assert r.forward == 0.0 and r.central == 0.0  # B15: the forward difference is 0.0
    assert r.forward_error == pytest.approx(0.2)
    r32 = derivative_at(F1, 5.0, 1e-50, dtype="float32")
    assert r32.h_used == 0.0 and r32.step_vanished and math.isnan(r32.forward)
    # in float32 x + 1e-8 == x already at x = 5; in float64 it is not
    assert derivative_at(F1, 5.0, 1e-8, dtype=np.float32).step_vanished
    assert not derivative_at(F1, 5.0, 1e-8).step_vanished


def test_float32_computes_in_float32():
    r = derivative_at(F1, 5.0, 1e-4, dtype="float32", exact=EXACT1)
    x, h = np.float32(5.0), np.float32(1e-4)
    f32 = function_1
    expected = (f32(x + h) - f32(x - h)) / (np.float32(2) * h)
    assert r.central == float(expected)
    assert r.dtype == "float32" and r.h_used == float(np.float32(1e-4))
    assert r.central_error > 1e-5  # float32 keeps only about 7 digits


@pytest.mark.parametrize(
    ("x", "h", "reason"),
    [
        (5.0, 0.0, "h_not_positive"),
        (5.0, -1e-3, "h_not_positive"),
        (5.0, float("nan"), "h_not_finite"),
        (5.0, float("inf"), "h_not_finite"),
        (float("nan"), 1e-4, "x_not_finite"),
    ],
)
def test_bad_steps_raise_step_error(x, h, reason):
    with pytest.raises(StepError) as info:
        derivative_at(F1, x, h)
    assert info.value.reason == reason
    assert isinstance(info.value, ValueError)
    with pytest.raises(StepError):
        zoom_view(F1, x, h)


def test_only_float32_and_float64():
    with pytest.raises(ValueError, match="float64 or float32"):
        derivative_at(F1, 5.0, dtype=np.float16)
    assert DTYPES == ("float64", "float32")


def test_undefined_points_are_flagged_not_raised():
    log = parse("log(x)")
    r = derivative_at(log, -1.0, exact=log.derivative)
    assert r.undefined and math.isnan(r.forward)
    near = derivative_at(log, 5e-5, 1e-4)
    assert not near.undefined and near.neighbour_undefined
    pole = PRESETS_BY_ID["reciprocal"]
    assert derivative_at(pole.function(), 0.0, exact=pole.exact()).undefined


def test_no_derivative_at_the_corner_of_abs():
    p = PRESETS_BY_ID["abs"]
    r = derivative_at(p.function(), 0.0, 1e-4, exact=p.exact())
    assert r.forward == 1.0 and r.central == 0.0  # the two differences disagree at the kink
    assert r.exact is not None and math.isnan(r.exact) and not r.exact_exists
    assert derivative_at(p.function(), -1.0, exact=p.exact()).exact == -1.0


def parse(text):
    from core.expressions import parse_function

    return parse_function(text)


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.id)
def test_every_preset_derivative_is_right(preset):
    f, exact = preset.function(), preset.exact()
    lo, hi = preset.x_range
    xs = [x for x in np.linspace(lo, hi, 9) if abs(x) > 0.3]
    for x in xs:
        assert exact(x) == pytest.approx(f.derivative(x), rel=1e-12)
        assert exact(x) == pytest.approx(numerical_diff(f, x), rel=1e-6, abs=1e-8)
    assert lo <= preset.default_x <= hi


# --- N5: the U-shaped error curve ----------------------------------------------------------------

N5 = {  # h: (forward error, central error), as printed with two significant digits
    1e-1: (1.0e-3, 3.9e-16),
    1e-2: (1.0e-4, 1.1e-14),
    1e-4: (1.0e-6, 9.1e-13),
    1e-6: (1.0e-8, 6.1e-11),
    1e-8: (5.7e-9, 5.7e-9),
    1e-10: (1.7e-8, 1.7e-8),
    1e-12: (6.2e-5, 6.7e-6),
}


def test_error_curve_matches_the_book_table():
    curve = error_vs_h(F1, 5.0, 0.2, hs=list(N5))
    for h, forward_error, central_error in zip(
        curve.hs, curve.forward_error, curve.central_error, strict=True
    ):
        assert float(f"{forward_error:.1e}") == N5[h][0], h
        assert float(f"{central_error:.1e}") == N5[h][1], h


def test_error_curve_is_u_shaped():
    curve = error_vs_h(F1, 5.0, 0.2)
    err = dict(zip(curve.hs.tolist(), curve.central_error.tolist(), strict=True))
    forward = dict(zip(curve.hs.tolist(), curve.forward_error.tolist(), strict=True))
    assert err[1e-4] < forward[1e-4]
    assert err[1e-12] > err[1e-10] > err[1e-4]  # rounding error grows again on the left
    assert forward[1e-1] > forward[1e-4]  # truncation error on the right
    # the bottom of the forward U is inside the range, not at an end
    assert 1e-10 < curve.best_forward_h < 1e-5
    assert curve.best_forward_error == curve.forward_error.min()


def test_error_curve_agrees_with_derivative_at():
    curve = error_vs_h(F1, 5.0, 0.2)
    for k in (1, 4, 8, 12):
        h = h_from_exponent(k)
        i = int(np.flatnonzero(curve.hs == h)[0])
        r = derivative_at(F1, 5.0, h, exact=0.2)
        assert curve.forward[i] == r.forward and curve.central[i] == r.central


def test_float32_u_moves_to_larger_h():
    c64 = error_vs_h(F1, 5.0, 0.2, dtype="float64")
    c32 = error_vs_h(F1, 5.0, 0.2, dtype="float32")
    assert c32.best_forward_h > 1000 * c64.best_forward_h
    e = PRESETS_BY_ID["exp"]
    exact = float(e.exact()(1.0))
    e64 = error_vs_h(e.function(), 1.0, exact, dtype="float64")
    e32 = error_vs_h(e.function(), 1.0, exact, dtype="float32")
    assert e32.best_central_h > 100 * e64.best_central_h
    assert e32.best_central_error > 1000 * e64.best_central_error
    assert c32.step_vanished[c32.hs <= 1e-8].all() and not c64.step_vanished[c64.hs >= 1e-15].any()


def test_zero_errors_are_masked_for_the_log_scale():
    curve = error_vs_h(parse("2*x"), 1.0, 2.0, hs=[0.5, 0.25])  # exact for a line
    assert curve.central_zero.all() and curve.forward_zero.all()
    assert np.isnan(curve.central_for_log).all()
    assert curve.best_central_error == 0.0 and curve.best_central_h == 0.5


def test_default_steps():
    hs = default_hs()
    assert hs[0] == 1e-1 and hs[-1] == 1e-16 and hs.size == 61
    assert np.all(np.diff(hs) < 0)
    for k in H_EXPONENTS:
        assert h_from_exponent(k) in hs
    assert h_from_exponent(4) == 1e-4 and h_from_exponent(5) == 1e-5


def test_error_curve_input_checks():
    with pytest.raises(ValueError):
        error_vs_h(F1, 5.0, float("nan"))
    with pytest.raises(ValueError):
        error_vs_h(F1, 5.0, 0.2, hs=[1e-3, 0.0])
    hs = np.array([1e-2, 1e-3])
    before = hs.copy()
    curve = error_vs_h(F1, 5.0, 0.2, hs=hs)
    np.testing.assert_array_equal(hs, before)
    curve.hs[0] = 7.0
    np.testing.assert_array_equal(hs, before)  # the record holds its own copy


# --- the zoomed view ------------------------------------------------------------------------------


def test_zoom_view_at_a_large_step_is_smooth():
    z = zoom_view(F1, 5.0, 1e-1, n=81)
    r = derivative_at(F1, 5.0, 1e-1)
    i1 = int(np.argmin(np.abs(z.u - 1.0)))
    im1 = int(np.argmin(np.abs(z.u + 1.0)))
    assert z.v[i1] == pytest.approx(r.forward)
    assert (z.v[i1] - z.v[im1]) / 2 == pytest.approx(r.central)
    assert z.distinct == 81


def test_zoom_view_at_a_tiny_step_shows_rounding_steps():
    z = zoom_view(F1, 5.0, 1e-15)
    assert z.distinct < 20  # f(x + u·h) takes only a few different values
    z32 = zoom_view(F1, 5.0, 1e-7, dtype="float32")
    assert z32.distinct <= 3
    zero = zoom_view(F1, 5.0, 1e-50, dtype="float32")
    assert np.isnan(zero.v).all()


@settings(max_examples=60, deadline=None)
@given(
    st.floats(-50, 50, allow_nan=False),
    st.integers(1, 16),
    st.sampled_from(DTYPES),
)
def test_any_point_and_step_give_a_record_without_warnings(x, k, dtype):
    r = derivative_at(F1, x, h_from_exponent(k), dtype=dtype, exact=EXACT1)
    assert r.exact == pytest.approx(0.02 * x + 0.1)
    if not r.step_vanished:
        assert math.isfinite(r.forward) and math.isfinite(r.central)
