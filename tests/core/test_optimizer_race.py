"""The optimizer race of §6.1.7 against update rules written out by hand, step by step."""

import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.optimizer import OPTIMIZERS
from core.optimizer_race import (
    BOOK_LEARNING_RATES,
    DEFAULT_LEARNING_RATES,
    DIVERGENCE_LIMIT,
    FUNCTIONS,
    MAX_STEPS,
    START,
    STEPS,
    contour_ellipses,
    contour_grid,
    race,
)

BOOK = {"SGD": 0.95, "Momentum": 0.1, "AdaGrad": 1.5, "Adam": 0.3}  # the book's figure, §6.1.7


def grad(x, y):
    """∇(x²/20 + y²), as the book writes it."""
    return x / 10.0, 2.0 * y


# --- the update rules, written out here independently of core/optimizer.py --------------------


def by_hand_sgd(lr, steps=30):
    x, y = -7.0, 2.0
    path = [(x, y)]
    for _ in range(steps):
        gx, gy = grad(x, y)
        x = x - lr * gx
        y = y - lr * gy
        path.append((x, y))
    return np.array(path), {}


def by_hand_momentum(lr, steps=30, mu=0.9):
    x, y = -7.0, 2.0
    vx = vy = 0.0
    path, vs = [(x, y)], [(vx, vy)]
    for _ in range(steps):
        gx, gy = grad(x, y)
        vx = mu * vx - lr * gx
        vy = mu * vy - lr * gy
        x, y = x + vx, y + vy
        path.append((x, y))
        vs.append((vx, vy))
    return np.array(path), {"v": np.array(vs)}


def by_hand_adagrad(lr, steps=30):
    x, y = -7.0, 2.0
    hx = hy = 0.0
    path, hs = [(x, y)], [(hx, hy)]
    for _ in range(steps):
        gx, gy = grad(x, y)
        hx += gx * gx
        hy += gy * gy
        x -= lr * gx / (math.sqrt(hx) + 1e-7)
        y -= lr * gy / (math.sqrt(hy) + 1e-7)
        path.append((x, y))
        hs.append((hx, hy))
    return np.array(path), {"h": np.array(hs)}


def by_hand_adam(lr, steps=30, beta1=0.9, beta2=0.999):
    x, y = -7.0, 2.0
    mx = my = vx = vy = 0.0
    path, ms, vs, ts = [(x, y)], [(0.0, 0.0)], [(0.0, 0.0)], [0]
    for t in range(1, steps + 1):
        gx, gy = grad(x, y)
        lr_t = lr * math.sqrt(1.0 - beta2**t) / (1.0 - beta1**t)  # the book's bias correction
        mx += (1 - beta1) * (gx - mx)
        my += (1 - beta1) * (gy - my)
        vx += (1 - beta2) * (gx * gx - vx)
        vy += (1 - beta2) * (gy * gy - vy)
        x -= lr_t * mx / (math.sqrt(vx) + 1e-7)
        y -= lr_t * my / (math.sqrt(vy) + 1e-7)
        path.append((x, y))
        ms.append((mx, my))
        vs.append((vx, vy))
        ts.append(t)
    return np.array(path), {"m": np.array(ms), "v": np.array(vs), "t": np.array(ts)}


BY_HAND = {
    "SGD": by_hand_sgd,
    "Momentum": by_hand_momentum,
    "AdaGrad": by_hand_adagrad,
    "Adam": by_hand_adam,
}


@pytest.fixture(scope="module")
def book_race():
    return race(BOOK)


@pytest.mark.parametrize("name", list(BOOK))
def test_paths_equal_the_update_rules_written_out(book_race, name):
    run = book_race[name]
    path, state = BY_HAND[name](BOOK[name])
    assert run.path.shape == (31, 2)
    np.testing.assert_allclose(run.path[-1], path[-1], rtol=0, atol=1e-12)
    np.testing.assert_allclose(run.path, path, rtol=0, atol=1e-12)
    assert set(run.state) == set(state)
    for key, expected in state.items():
        np.testing.assert_allclose(run.state[key], expected, rtol=0, atol=1e-12)


@pytest.mark.parametrize("name", list(BOOK))
def test_loss_and_gradient_follow_the_path(book_race, name):
    run = book_race[name]
    x, y = run.path[:, 0], run.path[:, 1]
    np.testing.assert_allclose(run.loss, x**2 / 20 + y**2, rtol=1e-15)
    np.testing.assert_array_equal(run.gradient, np.column_stack([x / 10, 2 * y]))
    assert run.loss[0] == pytest.approx(49 / 20 + 4)  # f(−7, 2) = 6.45


def test_the_books_settings_are_the_defaults():
    assert dict(BOOK_LEARNING_RATES) == BOOK
    assert list(DEFAULT_LEARNING_RATES) == list(OPTIMIZERS)
    assert {k: DEFAULT_LEARNING_RATES[k] for k in BOOK} == BOOK
    assert START == (-7.0, 2.0) and STEPS == 30
    run = race({"SGD": 0.95})["SGD"]
    assert run.steps == 30 and run.lr == 0.95
    np.testing.assert_array_equal(run.path[0], [-7.0, 2.0])


# --- what the figure shows -------------------------------------------------------------------


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_every_optimizer_ends_closer_to_the_minimum(name):
    run = race({name: DEFAULT_LEARNING_RATES[name]})[name]
    assert not run.diverged and not run.loss_increased
    assert np.hypot(*run.path[-1]) < np.hypot(*START)
    assert run.loss[-1] < run.loss[0] / 10


def test_sgd_zigzags_across_the_valley(book_race):
    y = book_race["SGD"].path[:, 1]
    assert np.all(np.sign(y[1:]) == -np.sign(y[:-1]))  # y flips sign at every step
    x = book_race["SGD"].path[:, 0]
    assert np.all(np.diff(x) > 0)  # while x creeps towards 0 from one side


def test_adagrad_steps_shrink(book_race):
    run = book_race["AdaGrad"]
    lengths = np.hypot(*np.diff(run.path, axis=0).T)
    assert np.all(np.diff(lengths) < 0)
    assert np.all(np.diff(run.state["h"], axis=0) >= 0)  # h only ever grows


def test_momentum_overshoots_and_comes_back(book_race):
    x = book_race["Momentum"].path[:, 0]
    assert x.max() > 0  # the ball rolls past the minimum in x


def test_state_snapshots_have_the_right_shapes_and_change(book_race):
    expected = {"SGD": set(), "Momentum": {"v"}, "AdaGrad": {"h"}, "Adam": {"m", "v", "t"}}
    for name, run in book_race.items():
        assert set(run.state) == expected[name]
        for key, values in run.state.items():
            assert values.shape == ((31,) if key == "t" else (31, 2))
            assert not values.flags.writeable
            assert np.all(values[0] == 0)  # nothing before the first update
            assert not np.array_equal(values[1], values[-1])
    np.testing.assert_array_equal(book_race["Adam"].state["t"], np.arange(31))


def test_other_optimizers_record_their_state():
    runs = race({"nesterov": 0.1, "RMSPROP": 0.1})
    assert list(runs) == ["Nesterov", "RMSprop"]
    assert set(runs["Nesterov"].state) == {"v"}
    assert set(runs["RMSprop"].state) == {"h"}


def test_snapshots_are_copies_not_live_views():
    run = race({"Momentum": 0.1})["Momentum"]
    v = run.state["v"]
    assert len({tuple(row) for row in v}) == len(v)  # every step has its own velocity


# --- divergence ---------------------------------------------------------------------------------


def test_huge_learning_rate_is_flagged_with_its_step_and_no_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        runs = race({"SGD": 10.0, "Momentum": 0.1})
    sgd = runs["SGD"]
    # y ← y − 10·2y = −19y: 2, −38, 722, −13718, 260642, −4952198 (> 10⁶ at step 5)
    assert sgd.diverged and sgd.diverged_at == 5 and sgd.divergence == "too_large"
    assert sgd.last_step == 4
    np.testing.assert_allclose(sgd.path[:, 1], [2, -38, 722, -13718, 260642])
    assert sgd.diverged_point == pytest.approx((0.0, -4952198.0))
    assert sgd.loss.shape == (5,) and sgd.gradient.shape == (5, 2)
    assert np.all(np.isfinite(sgd.path))
    assert not runs["Momentum"].diverged  # the others race on
    assert runs["Momentum"].last_step == 30


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_astronomical_learning_rate_stops_at_once(name):
    run = race({name: 1e308})[name]
    assert run.diverged_at == 1
    assert run.path.shape == (1, 2) and np.all(np.isfinite(run.path))
    for values in run.state.values():
        assert len(values) == 1


def test_not_finite_points_are_reported_as_such():
    run = race({"SGD": 1e308}, start=(1e6, -1e6))["SGD"]  # 1e6 − 1e308·2e5 = −inf
    assert run.diverged_at == 1 and run.divergence == "not_finite"
    assert not all(math.isfinite(v) for v in run.diverged_point)


def test_growing_but_bounded_path_is_not_diverged_but_its_loss_increased():
    run = race({"SGD": 1.2})["SGD"]  # y ← −1.4y: grows, but stays below 10⁶ in 30 steps
    assert not run.diverged
    assert run.loss_increased
    assert abs(run.path[-1, 1]) == pytest.approx(2 * 1.4**30)


def test_row_clips_to_the_steps_taken():
    sgd = race({"SGD": 10.0})["SGD"]
    assert [sgd.row(s) for s in (-1, 0, 3, 4, 5, 30)] == [0, 0, 3, 4, 4, 4]


@settings(max_examples=60, deadline=None)
@given(
    name=st.sampled_from(list(OPTIMIZERS)),
    lr=st.floats(min_value=1e-6, max_value=1e6),
    steps=st.integers(min_value=1, max_value=60),
)
def test_any_learning_rate_gives_a_finite_bounded_path(name, lr, steps):
    run = race({name: lr}, steps=steps)[name]
    n = steps + 1 if run.diverged_at is None else run.diverged_at
    assert run.path.shape == (n, 2) and run.loss.shape == (n,)
    assert np.all(np.isfinite(run.path)) and np.all(np.abs(run.path) <= DIVERGENCE_LIMIT)
    assert np.all(np.isfinite(run.loss))
    for values in run.state.values():
        assert len(values) == n


@settings(max_examples=40, deadline=None)
@given(lr=st.floats(min_value=1e-4, max_value=0.99))
def test_sgd_shrinks_each_coordinate_by_a_constant_factor(lr):
    """On x²/20 + y², SGD multiplies x by (1 − lr/10) and y by (1 − 2lr) at every step."""
    run = race({"SGD": lr})["SGD"]
    t = np.arange(31)
    np.testing.assert_allclose(run.path[:, 0], -7 * (1 - lr / 10) ** t, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(run.path[:, 1], 2 * (1 - 2 * lr) ** t, rtol=1e-9, atol=1e-12)


def test_round_bowl_has_no_sideways_zigzag():
    run = race({"SGD": 0.3}, function="round")["SGD"]  # f = x² + y²: both shrink by 1 − 2·0.3
    np.testing.assert_allclose(run.path, np.outer(0.4 ** np.arange(31), START), atol=1e-12)
    np.testing.assert_allclose(run.gradient, 2 * run.path)


# --- bad arguments ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"optimizers": {"SGD": 0.0}}, "learning rate of SGD must be > 0"),
        ({"optimizers": {"Adam": -0.3}}, "learning rate of Adam must be > 0"),
        ({"optimizers": {"SGD": float("nan")}}, "learning rate of SGD must be a finite"),
        ({"optimizers": {"SGD": float("inf")}}, "must be a finite"),
        ({"optimizers": {"SGD": "fast"}}, "must be a number"),
        ({"optimizers": {"SGD": True}}, "must be a number"),
        ({"optimizers": {"Adagrad2": 0.1}}, "unknown optimizer 'Adagrad2'"),
        ({"optimizers": {"sgd": 0.1, "SGD": 0.2}}, "given twice"),
        ({"optimizers": [("SGD", 0.1)]}, "must map optimizer names"),
        ({"optimizers": BOOK, "steps": 0}, "steps must be from 1 to 10000"),
        ({"optimizers": BOOK, "steps": MAX_STEPS + 1}, "steps must be from 1 to 10000"),
        ({"optimizers": BOOK, "steps": 2.5}, "steps must be a whole number"),
        ({"optimizers": BOOK, "steps": True}, "steps must be a whole number"),
        ({"optimizers": BOOK, "function": "rosenbrock"}, "unknown function 'rosenbrock'"),
        ({"optimizers": BOOK, "start": (1.0,)}, "start must be a point"),
        ({"optimizers": BOOK, "start": (float("nan"), 0.0)}, "start x must be a finite"),
        ({"optimizers": BOOK, "start": (0.0, 2e6)}, "start must lie within"),
    ],
)
def test_bad_arguments_are_explained(kwargs, message):
    with pytest.raises(ValueError, match=message):
        race(**kwargs)


def test_no_optimizer_is_an_empty_race():
    assert race({}) == {}


def test_race_does_not_touch_its_arguments():
    rates = {"SGD": 0.95}
    start = [-7.0, 2.0]
    race(rates, start=start)
    assert rates == {"SGD": 0.95} and start == [-7.0, 2.0]


# --- contours ---------------------------------------------------------------------------------


def test_contour_grid_samples_f_like_meshgrid():
    grid = contour_grid(n=5)
    np.testing.assert_array_equal(grid.x, [-10, -5, 0, 5, 10])
    np.testing.assert_array_equal(grid.y, [-5, -2.5, 0, 2.5, 5])
    assert grid.z.shape == (5, 5)
    assert grid.z[2, 2] == 0  # the minimum at (0, 0)
    assert grid.z[0, 4] == pytest.approx(10**2 / 20 + 5**2)  # z[i, j] = f(x[j], y[i])
    assert grid.z[1, 0] == pytest.approx(5 + 2.5**2)
    round_grid = contour_grid((-1, 1), (-1, 1), 3, function="round")
    np.testing.assert_allclose(round_grid.z, [[2, 1, 2], [1, 0, 1], [2, 1, 2]])


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"xlim": (1, 1)}, "xlim must have low < high"),
        ({"ylim": (0, float("inf"))}, "ylim high must be a finite"),
        ({"xlim": 3}, "xlim must be a pair"),
        ({"n": 1}, "n must be from 2 to 2001"),
        ({"function": "saddle"}, "unknown function"),
    ],
)
def test_contour_grid_rejects_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        contour_grid(**kwargs)


@pytest.mark.parametrize("function", list(FUNCTIONS))
def test_contour_ellipses_lie_on_their_level(function):
    curves = contour_ellipses(function)
    assert [level for level, _ in curves] == list(FUNCTIONS[function].levels)
    bowl = FUNCTIONS[function]
    for level, curve in curves:
        assert curve.shape == (181, 2)
        np.testing.assert_allclose(bowl.value(curve[:, 0], curve[:, 1]), level, rtol=1e-12)
        np.testing.assert_allclose(curve[0], curve[-1], atol=1e-12)  # closed


def test_contour_ellipse_of_the_start_passes_through_it():
    ((level, curve),) = contour_ellipses(levels=(6.45,), points=3601)
    assert level == 6.45
    assert np.min(np.hypot(*(curve - START).T)) < 0.01
    # the semi-axes: √(20·6.45) along x, √6.45 along y
    assert curve[:, 0].max() == pytest.approx(math.sqrt(129))
    assert curve[:, 1].max() == pytest.approx(math.sqrt(6.45))


@pytest.mark.parametrize("levels", [(0.0,), (-1.0,), (float("nan"),)])
def test_contour_levels_must_be_positive(levels):
    with pytest.raises(ValueError, match="level"):
        contour_ellipses(levels=levels)
