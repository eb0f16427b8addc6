"""Gradients and gradient descent against the book (§4.4, oracles P1, G1, GD1, T1, pain point 4.8)."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.descent import (
    BOOK_START,
    DIVERGENCE_LIMIT,
    LR_PRESETS,
    MAX_STEPS,
    PRESETS,
    PRESETS_BY_ID,
    DescentPlayer,
    arrow_segments,
    as_vector_function,
    closed_form_contrast,
    contour_levels,
    contour_segments,
    descend,
    gradient_at,
    gradient_grid,
    numerical_gradient_grid,
    partial_slice,
)
from core.expressions import parse_function
from core.gradient import gradient_descent, numerical_gradient


def function_2(x):
    """The book's f(x0, x1) = x0² + x1² (§4.3.3), as plain NumPy."""
    return x[0] ** 2 + x[1] ** 2


BOWL = PRESETS_BY_ID["function_2"]
F2 = BOWL.function()


# --- G1, P1: the gradient and partial derivatives -------------------------------------------------


@pytest.mark.parametrize(
    ("point", "expected"),
    [((3.0, 4.0), (6.0, 8.0)), ((0.0, 2.0), (0.0, 4.0)), ((3.0, 0.0), (6.0, 0.0))],
)
def test_gradient_at_book_points(point, expected):
    g = gradient_at(F2, point, BOWL.exact_gradient())
    np.testing.assert_allclose(g.gradient, expected, atol=1e-9)  # G1
    np.testing.assert_array_equal(g.gradient, numerical_gradient(function_2, np.array(point)))
    np.testing.assert_array_equal(g.exact, expected)
    np.testing.assert_allclose(g.descent_direction, -np.array(expected), atol=1e-9)
    assert g.value == pytest.approx(point[0] ** 2 + point[1] ** 2)
    assert g.norm == pytest.approx(math.hypot(*expected), abs=1e-9)


def test_gradient_at_does_not_change_the_point():
    point = np.array([3.0, 4.0])
    gradient_at(F2, point)
    np.testing.assert_array_equal(point, [3.0, 4.0])
    assert gradient_at(F2, [3, 4]).exact is None


@pytest.mark.parametrize("point", [(1.0,), (1.0, 2.0, 3.0), (np.nan, 1.0), "ab"])
def test_gradient_at_needs_two_finite_numbers(point):
    with pytest.raises(ValueError, match="two"):
        gradient_at(F2, point)


def test_partial_derivatives_are_the_books():
    s0 = partial_slice(F2, (3.0, 4.0), axis=0)
    assert s0.slope == 6.00000000000378  # P1: function_tmp1 at x0 = 3
    s1 = partial_slice(F2, (3.0, 4.0), axis=1)
    assert s1.slope == 7.999999999999119  # P1: function_tmp2 at x1 = 4
    assert (s0.fixed, s0.at, s0.value) == (4.0, 3.0, 25.0)
    np.testing.assert_allclose(s0.values, s0.t**2 + 16.0)
    assert s0.tangent.at(3.0) == pytest.approx(25.0)
    assert s0.t[0] == -1.0 and s0.t[-1] == 7.0
    with pytest.raises(ValueError, match="axis"):
        partial_slice(F2, (3.0, 4.0), axis=2)
    narrow = partial_slice(F2, (3.0, 4.0), t_range=(2.0, 4.0), n=5)
    np.testing.assert_array_equal(narrow.t, [2.0, 2.5, 3.0, 3.5, 4.0])


def test_slices_agree_with_the_gradient_on_every_preset():
    for preset in PRESETS:
        f = preset.function()
        point = (0.7, -1.3)
        g = gradient_at(f, point, preset.exact_gradient())
        for axis in (0, 1):
            assert partial_slice(f, point, axis).slope == pytest.approx(g.gradient[axis], abs=1e-9)
        np.testing.assert_allclose(g.gradient, g.exact, atol=1e-7)


# --- GD1, pain point 4.8: gradient descent ------------------------------------------------------


def test_book_descent_converges():
    run = descend(F2, BOOK_START, lr=0.1, steps=100)
    np.testing.assert_allclose(run.path[-1], [-6.11110793e-10, 8.14814391e-10], rtol=1e-8)  # GD1
    assert np.hypot(*run.path[-1]) < 1e-8
    np.testing.assert_allclose(
        run.path[:4], [[-3, 4], [-2.4, 3.2], [-1.92, 2.56], [-1.536, 2.048]], atol=1e-11
    )
    np.testing.assert_allclose(run.path[1:6] / run.path[0:5], 0.8, rtol=1e-9)  # each step ×0.8
    assert run.verdict.status == "converged" and run.verdict.diverged_at is None
    assert run.path.shape == (101, 2) and len(run.records) == 101


def test_the_path_is_core_gradient_descent():
    for lr in (0.1, 10.0, 1e-10):
        book = gradient_descent(function_2, np.array(BOOK_START), lr=lr, step_num=100)
        np.testing.assert_array_equal(descend(F2, BOOK_START, lr, 100).path, book.history)


def test_learning_rate_10_diverges():
    run = descend(F2, BOOK_START, lr=10.0, steps=100)
    assert run.path[-1][0] == pytest.approx(-2.58983747e13, rel=1e-8)
    v = run.verdict
    assert v.status == "diverged"
    assert v.diverged_at == 5  # |x| grows ×19 per step: 5·19⁵ > 1e6
    assert np.max(np.abs(run.path[4])) <= DIVERGENCE_LIMIT < np.max(np.abs(run.path[5]))
    assert v.max_abs == pytest.approx(2.58983747e13, rel=1e-8)
    assert run.verdict_at(4).status != "diverged" and run.verdict_at(5).status == "diverged"


def test_learning_rate_1e_10_barely_moves():
    run = descend(F2, BOOK_START, lr=1e-10, steps=100)
    assert run.verdict.status == "barely_moved"
    assert run.verdict.distance_moved == pytest.approx(100 * 1e-10 * 10, rel=1e-3)
    np.testing.assert_allclose(run.path[-1], BOOK_START, atol=1e-6)


def test_other_learning_rate_presets():
    assert [p.lr for p in LR_PRESETS] == [0.1, 10.0, 1e-10, 1.0, 0.5]
    oscillating = descend(F2, BOOK_START, 1.0, 100)
    assert oscillating.verdict.status == "oscillating"
    np.testing.assert_allclose(oscillating.path[1], [3.0, -4.0], atol=1e-9)  # x → −x
    one_step = descend(F2, BOOK_START, 0.5, 1)
    assert np.hypot(*one_step.path[1]) < 1e-10  # x − 0.5·2x = 0
    growing = descend(F2, BOOK_START, 1.05, 50)
    assert growing.verdict.status == "growing"
    slow = descend(PRESETS_BY_ID["elongated"].function(), (-7.0, 2.0), 0.1, 100)
    assert slow.verdict.status == "not_converged"
    assert descend(F2, BOOK_START, 0.1, 0).verdict.status == "start"


def test_records_hold_f_and_its_gradient():
    run = descend(F2, BOOK_START, 0.1, 3)
    first = run.records[0]
    assert (first.step, first.x0, first.x1, first.value) == (0, -3.0, 4.0, 25.0)
    assert first.grad0 == pytest.approx(-6.0) and first.grad1 == pytest.approx(8.0)
    assert first.grad_norm == pytest.approx(10.0)
    for rec, point in zip(run.records, run.path, strict=True):
        assert (rec.x0, rec.x1) == tuple(point)
        assert rec.value == pytest.approx(point[0] ** 2 + point[1] ** 2)


def test_an_overflowing_run_is_data_not_a_warning():
    f = parse_function("exp(x0^2) + x1^2", 2)  # exp overflows: inf − inf = nan
    run = descend(f, (3.0, 0.0), lr=1.0, steps=20)
    assert not np.all(np.isfinite(run.path))
    assert run.verdict.status == "diverged" and math.isinf(run.verdict.max_abs)
    assert math.isnan(run.records[-1].value)


@pytest.mark.parametrize(
    ("start", "lr", "steps"),
    [
        ((np.inf, 0.0), 0.1, 10),
        ((1.0,), 0.1, 10),
        (BOOK_START, 0.0, 10),
        (BOOK_START, -0.1, 10),
        (BOOK_START, np.nan, 10),
        (BOOK_START, 0.1, -1),
        (BOOK_START, 0.1, 2.5),
        (BOOK_START, 0.1, MAX_STEPS + 1),
    ],
)
def test_bad_descent_input_raises_value_error(start, lr, steps):
    with pytest.raises(ValueError):
        descend(F2, start, lr, steps)


def test_descent_finds_the_minimum_nearest_the_start():
    well = PRESETS_BY_ID["double_well"]
    f = well.function()
    global_min, saddle, local_min = sorted(well.stationary, key=lambda p: p.x0)
    left = descend(f, BOOK_START, 0.1, 300).path[-1]
    right = descend(f, (3.0, 3.0), 0.1, 300).path[-1]
    np.testing.assert_allclose(left, [global_min.x0, 0.0], atol=1e-6)
    np.testing.assert_allclose(right, [local_min.x0, 0.0], atol=1e-6)
    assert global_min.is_global_minimum and not local_min.is_global_minimum
    assert (global_min.kind, saddle.kind, local_min.kind) == ("minimum", "saddle", "minimum")
    assert global_min.value < local_min.value < saddle.value


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.id)
def test_stationary_points_have_zero_gradient(preset):
    exact = preset.exact_gradient()
    for p in preset.stationary:
        np.testing.assert_allclose(exact(p.x0, p.x1), [0.0, 0.0], atol=1e-12)
        assert preset.function()(p.x0, p.x1) == pytest.approx(p.value)
    lo, hi = preset.xlim
    assert lo < preset.start[0] < hi
    assert preset.ylim[0] < preset.start[1] < preset.ylim[1]


def test_player_steps_through_a_run():
    run = descend(F2, BOOK_START, 10.0, 10)
    player = DescentPlayer(run)
    assert player.at_end and player.position == 10
    player.reset()
    assert player.position == 0 and player.verdict().status == "start"
    assert player.visible_path.shape == (1, 2)
    for _ in range(5):
        assert player.step()
    assert player.current.step == 5 and player.verdict().status == "diverged"
    player.to_end()
    assert not player.step() and player.position == 10
    player.replace_run(descend(F2, BOOK_START, 0.1, 3))
    assert player.position == 3 and player.at_end
    assert DescentPlayer(run, position=99).position == 10
    assert DescentPlayer(run, position=-5).position == 0


# --- pain point 4.7: the field of −∇f, contours ------------------------------------------------


def test_gradient_grid_values_and_arrows():
    field = gradient_grid(F2, BOWL.xlim, BOWL.ylim, n=21, arrows=5)
    assert field.z.shape == (21, 21)
    i, j = 3, 17
    assert field.z[i, j] == field.xs[i] ** 2 + field.ys[j] ** 2  # axis 0 runs along x0
    assert field.qx.size == field.u.size == 25
    vector_f = as_vector_function(F2)
    for x, y, u, v in zip(field.qx, field.qy, field.u, field.v, strict=True):
        expected = -numerical_gradient(vector_f, np.array([x, y]))
        np.testing.assert_allclose([u, v], expected, rtol=1e-12, atol=1e-12)
    assert np.all(np.diff(field.levels) > 0)
    with pytest.raises(ValueError):
        gradient_grid(F2, (1.0, 1.0), BOWL.ylim)


def test_grid_cells_are_square_on_a_wide_region():
    field = gradient_grid(F2, (-10.0, 10.0), (-5.0, 5.0), n=21, arrows=5)
    assert (field.xs.size, field.ys.size) == (42, 21)
    assert field.z.shape == (42, 21)
    assert field.qx.size == 10 * 5
    assert field.arrow_spacing == pytest.approx(2.0)
    np.testing.assert_allclose(np.unique(np.diff(np.unique(field.qy))), 2.0)


def test_grid_gradient_is_the_numerical_gradient_point_by_point():
    f = PRESETS_BY_ID["double_well"].function()
    X0, X1 = np.meshgrid(np.linspace(-3, 3, 7), np.linspace(-2, 2, 5), indexing="ij")
    d0, d1 = numerical_gradient_grid(f, X0, X1)
    vector_f = as_vector_function(f)
    for idx in np.ndindex(X0.shape):
        expected = numerical_gradient(vector_f, np.array([X0[idx], X1[idx]]))
        np.testing.assert_allclose([d0[idx], d1[idx]], expected, rtol=1e-9, atol=1e-9)


def test_arrows_point_at_the_minimum_only_for_the_round_bowl():
    for preset_id, aimed in (("function_2", True), ("elongated", False)):
        preset = PRESETS_BY_ID[preset_id]
        field = gradient_grid(preset.function(), preset.xlim, preset.ylim, arrows=6)
        towards_origin = -np.column_stack([field.qx, field.qy])
        arrows = np.column_stack([field.u, field.v])
        cos = np.sum(arrows * towards_origin, axis=1) / (
            np.linalg.norm(arrows, axis=1) * np.linalg.norm(towards_origin, axis=1)
        )
        assert np.all(cos > 1 - 1e-6) == aimed, preset_id


def test_contour_segments_lie_on_the_level():
    xs = np.linspace(-2, 2, 9)
    ys = np.linspace(-1, 3, 11)
    X, Y = np.meshgrid(xs, ys, indexing="ij")
    x, y = contour_segments(xs, ys, X + 2 * Y, 1.3)  # a plane: interpolation is exact
    assert x.size > 0 and x.size % 2 == 0
    np.testing.assert_allclose(x + 2 * y, 1.3, atol=1e-12)
    field = gradient_grid(F2, BOWL.xlim, BOWL.ylim, n=161)
    cx, cy = contour_segments(field.xs, field.ys, field.z, 4.0)
    np.testing.assert_allclose(np.hypot(cx, cy), 2.0, atol=2e-3)  # the circle of radius 2
    assert contour_segments(xs, ys, X + 2 * Y, 100.0)[0].size == 0
    with pytest.raises(ValueError, match="shape"):
        contour_segments(xs, ys, X.T, 1.0)


def test_contours_skip_undefined_cells():
    xs = ys = np.linspace(-2, 2, 21)
    X, Y = np.meshgrid(xs, ys, indexing="ij")
    z = np.where(X < 0, np.nan, X**2 + Y**2)
    x, y = contour_segments(xs, ys, z, 1.0)
    assert x.size > 0 and np.all(np.isfinite(x)) and np.all(np.isfinite(y)) and np.all(x >= 0)


def test_saddle_cells_give_two_segments():
    xs = ys = np.array([0.0, 1.0])
    z = np.array([[1.0, 0.0], [0.0, 1.0]])  # a and c above, b and d below
    x, _ = contour_segments(xs, ys, z, 0.5)
    assert x.size == 4


def test_contour_levels():
    levels = contour_levels(np.array([[0.0, 1.0], [np.nan, 9.0]]), count=2)
    np.testing.assert_allclose(levels, [1.0, 4.0])
    assert contour_levels(np.full((2, 2), np.nan)).size == 0
    assert contour_levels(np.ones((2, 2))).tolist() == [1.0]


def test_arrow_segments():
    x, y = arrow_segments([0.0, 5.0, 1.0], [0.0, 5.0, 1.0], [2.0, 0.0, 0.0], [0.0, -1.0, 0.0], 1.0)
    assert x.size == 12  # two arrows (the zero vector gets none), 3 strokes × 2 points each
    assert (x[0], y[0], x[1], y[1]) == (0.0, 0.0, 1.0, 0.0)  # the longest is 1.0 long
    assert (x[6], y[6]) == (5.0, 5.0)
    assert x[7] == pytest.approx(5.0) and y[7] == pytest.approx(4.5)  # half as long, pointing down
    short = arrow_segments([0.0, 0.0], [0.0, 0.0], [100.0, 1.0], [0.0, 0.0], 1.0)[0]
    assert short[7] == pytest.approx(0.25)  # never shorter than a quarter
    assert arrow_segments([0.0], [0.0], [np.nan], [1.0], 1.0)[0].size == 0


# --- T1, pain point 4.5: why not ∇L = 0? ----------------------------------------------------------


def test_closed_form_contrast():
    c = closed_form_contrast()
    assert c.param_count == 784 * 50 + 50 + 50 * 10 + 10 == 39_760  # T1
    assert c.loss_evaluations_per_step == 79_520
    assert c.hessian_entries == 39_760**2
    assert c.layer_sizes == (784, 50, 10)
    assert c.param_shapes == {"W1": (784, 50), "b1": (50,), "W2": (50, 10), "b2": (10,)}
    a, b, _ = c.quadratic
    assert c.minimiser == -5.0
    assert 2 * a * c.minimiser + b == pytest.approx(0.0, abs=1e-15)  # f'(x) = 0 there
    assert c.minimum == pytest.approx(-0.25)
    assert len(c.stationary) == 3


@settings(max_examples=40, deadline=None)
@given(
    st.floats(-4, 4),
    st.floats(-4, 4),
    st.floats(1e-6, 1e3),
    st.sampled_from([p.id for p in PRESETS]),
)
def test_any_start_and_learning_rate_give_a_verdict(x0, x1, lr, preset_id):
    run = descend(PRESETS_BY_ID[preset_id].function(), (x0, x1), lr, 30)
    assert run.verdict.status in (
        "converged",
        "diverged",
        "barely_moved",
        "oscillating",
        "growing",
        "not_converged",
    )
