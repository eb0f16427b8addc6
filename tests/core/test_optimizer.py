"""Tests for core.optimizer.

The expected values are worked out by hand or by an independent formulation of each method
(closed forms, the heavy-ball recurrence, Kingma & Ba's bias-corrected Adam, Sutskever's look-ahead
Nesterov), never taken from the code under test.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.optimizer import (
    OPTIMIZERS,
    SGD,
    AdaGrad,
    Adam,
    Momentum,
    Nesterov,
    Optimizer,
    RMSprop,
    create_optimizer,
)

ALL_CLASSES = [SGD, Momentum, Nesterov, AdaGrad, RMSprop, Adam]
STATE_NAMES = {
    SGD: set(),
    Momentum: {"v"},
    Nesterov: {"v"},
    AdaGrad: {"h"},
    RMSprop: {"h"},
    Adam: {"m", "v"},
}
STATEFUL = [cls for cls in ALL_CLASSES if STATE_NAMES[cls]]

# One parameter vector and two gradients shared by the hand-computed tests.
THETA0 = [1.0, -2.0]
G1 = np.array([0.5, -1.0])
G2 = np.array([0.25, 0.5])


def two_steps(opt: Optimizer) -> tuple[np.ndarray, np.ndarray]:
    """Apply G1 then G2 to THETA0 and return the parameter after each step."""
    params = {"w": np.array(THETA0)}
    opt.update(params, {"w": G1})
    after_1 = params["w"].copy()
    opt.update(params, {"w": G2})
    return after_1, params["w"].copy()


def assert_close(actual: Any, expected: Any) -> None:
    np.testing.assert_allclose(actual, expected, rtol=1e-12, atol=1e-15)


# -- one and two hand-computed steps ------------------------------------------------------------------


def test_sgd_steps() -> None:
    after_1, after_2 = two_steps(SGD(lr=0.1))
    assert_close(after_1, [1.0 - 0.1 * 0.5, -2.0 + 0.1 * 1.0])  # [0.95, -1.9]
    assert_close(after_2, [0.95 - 0.1 * 0.25, -1.9 - 0.1 * 0.5])  # [0.925, -1.95]


def test_momentum_steps() -> None:
    opt = Momentum(lr=0.1, momentum=0.9)
    after_1, after_2 = two_steps(opt)
    # v1 = -0.1 * g1 = [-0.05, 0.1]  (v starts at 0, so the first step is plain SGD)
    assert_close(after_1, [0.95, -1.9])
    # v2 = 0.9 * v1 - 0.1 * g2 = [-0.045 - 0.025, 0.09 - 0.05] = [-0.07, 0.04]
    assert_close(after_2, [0.95 - 0.07, -1.9 + 0.04])  # [0.88, -1.86]
    assert_close(opt.v["w"], [-0.07, 0.04])


def test_nesterov_steps() -> None:
    opt = Nesterov(lr=0.1, momentum=0.9)
    after_1, after_2 = two_steps(opt)
    # θ1 = θ0 + 0.81 * 0 - 1.9 * 0.1 * g1 = [1 - 0.095, -2 + 0.19]; then v1 = [-0.05, 0.1]
    assert_close(after_1, [0.905, -1.81])
    # θ2 = θ1 + 0.81 * v1 - 0.19 * g2 = [0.905 - 0.0405 - 0.0475, -1.81 + 0.081 - 0.095]
    assert_close(after_2, [0.817, -1.824])
    # v2 = 0.9 * v1 - 0.1 * g2 = [-0.07, 0.04]
    assert_close(opt.v["w"], [-0.07, 0.04])


def test_adagrad_steps() -> None:
    opt = AdaGrad(lr=0.1)
    after_1, after_2 = two_steps(opt)
    # h1 = g1² = [0.25, 1.0]
    x1 = 1.0 - 0.1 * 0.5 / (math.sqrt(0.25) + 1e-7)
    y1 = -2.0 + 0.1 * 1.0 / (math.sqrt(1.0) + 1e-7)
    assert_close(after_1, [x1, y1])
    # h2 = h1 + g2² = [0.25 + 0.0625, 1.0 + 0.25]
    x2 = x1 - 0.1 * 0.25 / (math.sqrt(0.3125) + 1e-7)
    y2 = y1 - 0.1 * 0.5 / (math.sqrt(1.25) + 1e-7)
    assert_close(after_2, [x2, y2])
    assert_close(opt.h["w"], [0.3125, 1.25])


def test_rmsprop_steps() -> None:
    opt = RMSprop(lr=0.1, decay_rate=0.99)
    after_1, after_2 = two_steps(opt)
    # h1 = 0.01 * g1² = [0.0025, 0.01]; √h1 = [0.05, 0.1], so each step is ≈ 1 in size
    x1 = 1.0 - 0.1 * 0.5 / (0.05 + 1e-7)
    y1 = -2.0 + 0.1 * 1.0 / (0.1 + 1e-7)
    assert_close(after_1, [x1, y1])
    # h2 = 0.99 * h1 + 0.01 * g2² = [0.002475 + 0.000625, 0.0099 + 0.0025] = [0.0031, 0.0124]
    x2 = x1 - 0.1 * 0.25 / (math.sqrt(0.0031) + 1e-7)
    y2 = y1 - 0.1 * 0.5 / (math.sqrt(0.0124) + 1e-7)
    assert_close(after_2, [x2, y2])
    assert_close(opt.h["w"], [0.0031, 0.0124])


def test_adam_steps_match_kingma_ba_bias_corrected_form() -> None:
    lr, b1, b2 = 0.001, 0.9, 0.999
    opt = Adam()
    after_1, after_2 = two_steps(opt)
    theta0 = np.array(THETA0)
    # Step 1: m̂ = g, v̂ = g², and the book's 1e-7 is 1e-7 / √(1 - β2) in Kingma & Ba's form, so
    # each parameter moves by lr * g / (|g| + ε̂) ≈ lr * sign(g).
    expected_1 = theta0 - lr * G1 / (np.abs(G1) + 1e-7 / math.sqrt(1 - b2))
    assert_close(after_1, expected_1)
    np.testing.assert_allclose(after_1 - theta0, -lr * np.sign(G1), rtol=1e-5)
    # Step 2 with exponential moving averages and explicit bias correction.
    m2 = b1 * ((1 - b1) * G1) + (1 - b1) * G2
    v2 = b2 * ((1 - b2) * G1**2) + (1 - b2) * G2**2
    m_hat, v_hat = m2 / (1 - b1**2), v2 / (1 - b2**2)
    expected_2 = expected_1 - lr * m_hat / (np.sqrt(v_hat) + 1e-7 / math.sqrt(1 - b2**2))
    assert_close(after_2, expected_2)
    assert_close(opt.m["w"], m2)
    assert_close(opt.v["w"], v2)
    assert opt.iter == 2


# -- the book's optimizer race (figure 6-8) -----------------------------------------------------------

START = (-7.0, 2.0)
RACE_STEPS = 30
RACE = {"SGD": 0.95, "Momentum": 0.1, "AdaGrad": 1.5, "Adam": 0.3}


def race_grad(x: float, y: float) -> tuple[float, float]:
    """Gradient of f(x, y) = x²/20 + y²."""
    return x / 10.0, 2.0 * y


def race_path(opt: Optimizer) -> np.ndarray:
    params: dict[str, Any] = {"x": START[0], "y": START[1]}
    path = [START]
    for _ in range(RACE_STEPS):
        gx, gy = race_grad(params["x"], params["y"])
        opt.update(params, {"x": gx, "y": gy})
        path.append((params["x"], params["y"]))
    return np.array(path)


def reference_sgd(lr: float) -> np.ndarray:
    # Each coordinate of this separable quadratic shrinks by a constant factor per step.
    t = np.arange(RACE_STEPS + 1)
    return np.stack([START[0] * (1 - lr / 10) ** t, START[1] * (1 - 2 * lr) ** t], axis=1)


def reference_momentum(lr: float, mu: float = 0.9) -> np.ndarray:
    # Heavy-ball recurrence: θ_{t+1} = θ_t + μ(θ_t − θ_{t−1}) − lr ∇f(θ_t), with θ_{−1} = θ_0.
    prev = cur = np.array(START)
    path = [cur]
    for _ in range(RACE_STEPS):
        prev, cur = cur, cur + mu * (cur - prev) - lr * np.array(race_grad(*cur))
        path.append(cur)
    return np.array(path)


def reference_adagrad(lr: float) -> np.ndarray:
    x, y = START
    hx = hy = 0.0
    path = [(x, y)]
    for _ in range(RACE_STEPS):
        gx, gy = race_grad(x, y)
        hx, hy = hx + gx * gx, hy + gy * gy
        x, y = x - lr * gx / (math.sqrt(hx) + 1e-7), y - lr * gy / (math.sqrt(hy) + 1e-7)
        path.append((x, y))
    return np.array(path)


def reference_adam(lr: float, b1: float = 0.9, b2: float = 0.999) -> np.ndarray:
    theta = np.array(START)
    m = np.zeros(2)
    v = np.zeros(2)
    path = [theta]
    for t in range(1, RACE_STEPS + 1):
        g = np.array(race_grad(*theta))
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        m_hat, v_hat = m / (1 - b1**t), v / (1 - b2**t)
        theta = theta - lr * m_hat / (np.sqrt(v_hat) + 1e-7 / math.sqrt(1 - b2**t))
        path.append(theta)
    return np.array(path)


REFERENCES: dict[str, Callable[[float], np.ndarray]] = {
    "SGD": reference_sgd,
    "Momentum": reference_momentum,
    "AdaGrad": reference_adagrad,
    "Adam": reference_adam,
}


@pytest.fixture(scope="module")
def race_paths() -> dict[str, np.ndarray]:
    return {name: race_path(create_optimizer(name, lr=lr)) for name, lr in RACE.items()}


@pytest.mark.parametrize("name", list(RACE))
def test_race_matches_independent_reimplementation(
    name: str, race_paths: dict[str, np.ndarray]
) -> None:
    np.testing.assert_allclose(race_paths[name], REFERENCES[name](RACE[name]), rtol=0, atol=1e-12)


@pytest.mark.parametrize("name", list(RACE))
def test_race_everyone_ends_closer_to_the_minimum(
    name: str, race_paths: dict[str, np.ndarray]
) -> None:
    assert np.hypot(*race_paths[name][-1]) < np.hypot(*START)


def test_race_sgd_zigzags_in_y(race_paths: dict[str, np.ndarray]) -> None:
    y = race_paths["SGD"][:, 1]
    assert np.all(np.sign(y[1:]) == -np.sign(y[:-1]))


def test_race_adagrad_damps_y(race_paths: dict[str, np.ndarray]) -> None:
    y = race_paths["AdaGrad"][:, 1]
    assert abs(y[1]) < abs(y[0])
    assert np.all(np.abs(y[2:]) < np.abs(y[1:-1]))


# -- Nesterov -----------------------------------------------------------------------------------------

A = np.array([[3.0, 1.0], [1.0, 2.0]])  # symmetric positive definite
B = np.array([1.0, -1.0])


def quad_grad(theta: np.ndarray) -> np.ndarray:
    """Gradient of f(θ) = θᵀAθ/2 − bᵀθ."""
    return A @ theta - B


def test_nesterov_equals_the_look_ahead_form() -> None:
    lr, mu, steps = 0.1, 0.9, 60
    # Sutskever's form: ṽ ← μṽ − lr ∇f(θ̃ + μṽ); θ̃ ← θ̃ + ṽ. Track φ = θ̃ + μṽ.
    theta_tilde = np.array([2.0, -3.0])
    v_tilde = np.zeros(2)
    phis, vs = [], []
    for _ in range(steps):
        v_tilde = mu * v_tilde - lr * quad_grad(theta_tilde + mu * v_tilde)
        theta_tilde = theta_tilde + v_tilde
        phis.append(theta_tilde + mu * v_tilde)
        vs.append(v_tilde)

    opt = Nesterov(lr=lr, momentum=mu)
    params = {"theta": np.array([2.0, -3.0])}  # φ_0 = θ̃_0 since ṽ_0 = 0
    for phi, v in zip(phis, vs, strict=True):
        opt.update(params, {"theta": quad_grad(params["theta"])})
        np.testing.assert_allclose(params["theta"], phi, rtol=0, atol=1e-12)
        np.testing.assert_allclose(opt.v["theta"], v, rtol=0, atol=1e-12)


def test_nesterov_converges_to_the_minimiser() -> None:
    opt = Nesterov(lr=0.1, momentum=0.9)
    params = {"theta": np.array([2.0, -3.0])}
    for _ in range(300):
        opt.update(params, {"theta": quad_grad(params["theta"])})
    np.testing.assert_allclose(params["theta"], np.linalg.solve(A, B), atol=1e-8)


def test_nesterov_differs_from_the_old_velocity_first_order() -> None:
    lr, mu = 0.1, 0.9
    # The pre-2021 order: v ← μv − lr g first, then θ ← θ + μ²v − (1+μ) lr g with the new v.
    old_theta, old_v = np.array([2.0, -3.0]), np.zeros(2)
    opt = Nesterov(lr=lr, momentum=mu)
    params = {"theta": np.array([2.0, -3.0])}
    for _ in range(2):
        g_old = quad_grad(old_theta)
        old_v = mu * old_v - lr * g_old
        old_theta = old_theta + mu * mu * old_v - (1 + mu) * lr * g_old
        opt.update(params, {"theta": quad_grad(params["theta"])})
        # The orders already part after the first step (by μ² lr g), and stay apart.
        assert np.abs(params["theta"] - old_theta).max() > 1e-3


# -- in-place updates, dtypes, scalar parameters -----------------------------------------------------


@pytest.mark.parametrize("cls", ALL_CLASSES)
def test_arrays_are_updated_in_place_and_grads_are_left_alone(cls: type[Optimizer]) -> None:
    W = np.ones((2, 3))
    b = np.zeros(3)
    params = {"W": W, "b": b}
    grads = {"W": np.full((2, 3), 0.5), "b": np.array([1.0, -1.0, 0.0])}
    grads_before = {key: g.copy() for key, g in grads.items()}
    opt = cls()
    for _ in range(2):
        opt.update(params, grads)
    assert params["W"] is W and params["b"] is b
    assert np.all(W < 1.0)  # every gradient entry of W is positive
    assert b[0] < 0.0 < b[1] and b[2] == 0.0
    for key, g in grads.items():
        np.testing.assert_array_equal(g, grads_before[key])


@pytest.mark.parametrize("cls", ALL_CLASSES)
def test_float32_stays_float32(cls: type[Optimizer]) -> None:
    W32 = np.array([[1.0, -2.0], [0.5, 3.0]], dtype=np.float32)
    W64 = W32.astype(np.float64)
    grad = np.array([[0.3, -0.7], [1.1, 0.2]])  # float64 gradient on purpose
    opt32, opt64 = cls(lr=0.05), cls(lr=0.05)
    params32, params64 = {"W": W32}, {"W": W64}
    for _ in range(3):
        opt32.update(params32, {"W": grad})
        opt64.update(params64, {"W": grad})
    assert params32["W"] is W32 and W32.dtype == np.float32
    for slots in opt32.state().values():
        assert slots["W"].dtype == np.float32 and slots["W"].shape == (2, 2)
    np.testing.assert_allclose(W32, W64, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("cls", ALL_CLASSES)
def test_python_float_params_are_replaced(cls: type[Optimizer]) -> None:
    params: dict[str, Any] = {"x": -7.0, "y": 2}  # an int works as well
    history = []
    opt = cls(lr=0.1)
    for _ in range(2):
        history.append((params["x"], params["y"]))
        opt.update(params, {"x": params["x"] / 10, "y": 2.0 * params["y"]})
    assert type(params["x"]) is float and type(params["y"]) is float
    assert history[0] == (-7.0, 2)  # earlier values were not touched
    assert params["x"] > -7.0 and params["y"] < 2.0


def test_numpy_scalar_and_0d_params_keep_their_kind() -> None:
    zero_d = np.array(1.0)
    params: dict[str, Any] = {"s": np.float32(1.0), "z": zero_d}
    SGD(lr=0.5).update(params, {"s": 1.0, "z": 1.0})
    assert type(params["s"]) is np.float32 and params["s"] == np.float32(0.5)
    assert isinstance(params["z"], np.ndarray) and params["z"].shape == () and params["z"] == 0.5
    assert zero_d == 1.0  # a scalar is a value: the original object is not written to


def test_grad_that_is_the_parameter_itself() -> None:
    theta = np.array([1.0, 2.0])
    Momentum(lr=0.5).update({"t": theta}, {"t": theta})  # v = -0.5θ read before θ moves
    assert_close(theta, [0.5, 1.0])


def test_extra_gradient_keys_are_ignored() -> None:
    W = np.ones(2)
    SGD(lr=0.5).update({"W": W}, {"W": np.ones(2), "frozen": np.ones(5)})
    assert_close(W, [0.5, 0.5])


# -- read-only state, state(), reset() ---------------------------------------------------------------


def one_update(opt: Optimizer) -> None:
    opt.update({"x": np.array([1.0, 2.0])}, {"x": np.array([0.5, -0.5])})


@pytest.mark.parametrize("cls", ALL_CLASSES)
def test_state_keys(cls: type[Optimizer]) -> None:
    opt = cls()
    assert set(opt.state()) == STATE_NAMES[cls]
    assert all(len(slots) == 0 for slots in opt.state().values())
    one_update(opt)
    for slots in opt.state().values():
        assert set(slots) == {"x"} and slots["x"].shape == (2,)
        assert np.any(slots["x"] != 0.0)


@pytest.mark.parametrize("cls", STATEFUL)
def test_state_is_read_only(cls: type[Optimizer]) -> None:
    opt = cls()
    one_update(opt)
    for name, slots in opt.state().items():
        before = slots["x"].copy()
        with pytest.raises(ValueError, match="read-only"):
            slots["x"][0] = 123.0
        with pytest.raises(TypeError):
            slots["x"] = np.zeros(2)  # type: ignore[index]
        np.testing.assert_array_equal(opt.state()[name]["x"], before)


@pytest.mark.parametrize(
    ("cls", "name"), [(Momentum, "v"), (Nesterov, "v"), (AdaGrad, "h"), (RMSprop, "h"), (Adam, "m")]
)
def test_state_properties_are_read_only_live_views(cls: type[Optimizer], name: str) -> None:
    opt = cls()
    one_update(opt)
    view = getattr(opt, name)["x"]
    with pytest.raises(ValueError):
        view[...] = 0.0
    with pytest.raises(AttributeError):
        setattr(opt, name, {})
    first = view.copy()
    one_update(opt)
    assert np.any(view != first)  # the view follows the optimizer's state
    np.testing.assert_array_equal(view, opt.state()[name]["x"])


@pytest.mark.parametrize("cls", ALL_CLASSES)
def test_reset_restores_the_initial_behaviour(cls: type[Optimizer]) -> None:
    opt = cls(lr=0.1)
    first = race_path(opt)
    opt.reset()
    assert all(len(slots) == 0 for slots in opt.state().values())
    second = race_path(opt)
    np.testing.assert_array_equal(first, second)
    np.testing.assert_array_equal(first, race_path(cls(lr=0.1)))


def test_adam_iter_counts_updates_and_resets() -> None:
    opt = Adam()
    assert opt.iter == 0
    for _ in range(3):
        one_update(opt)
    assert opt.iter == 3
    opt.reset()
    assert opt.iter == 0


# -- bad input --------------------------------------------------------------------------------------


def test_missing_gradient_changes_nothing() -> None:
    W, b = np.ones(2), np.ones(2)
    opt = Momentum()
    with pytest.raises(ValueError, match="'b'"):
        opt.update({"W": W, "b": b}, {"W": np.ones(2)})
    np.testing.assert_array_equal(W, [1.0, 1.0])
    assert len(opt.v) == 0


@pytest.mark.parametrize("cls", ALL_CLASSES)
def test_gradient_shape_mismatch(cls: type[Optimizer]) -> None:
    with pytest.raises(ValueError, match=r"grads\['W1'\] has shape \(3,\)"):
        cls().update({"W1": np.ones(2)}, {"W1": np.ones(3)})


def test_parameter_that_cannot_be_updated_in_place() -> None:
    with pytest.raises(ValueError, match="floating-point"):
        SGD().update({"n": np.array([1, 2])}, {"n": np.ones(2)})
    frozen = np.ones(2)
    frozen.flags.writeable = False
    with pytest.raises(ValueError, match="read-only"):
        SGD().update({"f": frozen}, {"f": np.ones(2)})
    with pytest.raises(ValueError, match="real numbers"):
        SGD().update({"x": 1.0}, {"x": "steep"})


def test_state_shape_must_match_until_reset() -> None:
    opt = AdaGrad()
    opt.update({"W": np.ones(2)}, {"W": np.ones(2)})
    with pytest.raises(ValueError, match="reset"):
        opt.update({"W": np.ones(3)}, {"W": np.ones(3)})
    opt.reset()
    opt.update({"W": np.ones(3)}, {"W": np.ones(3)})
    assert opt.h["W"].shape == (3,)


@pytest.mark.parametrize("cls", ALL_CLASSES)
@pytest.mark.parametrize("lr", [0.0, -0.1, math.nan, math.inf])
def test_bad_learning_rate(cls: type[Optimizer], lr: float) -> None:
    with pytest.raises(ValueError, match="lr"):
        cls(lr=lr)


@pytest.mark.parametrize(
    ("cls", "hyper"),
    [
        (Momentum, {"momentum": 1.0}),
        (Momentum, {"momentum": -0.1}),
        (Nesterov, {"momentum": math.nan}),
        (RMSprop, {"decay_rate": 1.0}),
        (RMSprop, {"decay_rate": math.inf}),
        (Adam, {"beta1": -0.1}),
        (Adam, {"beta1": 1.0}),
        (Adam, {"beta2": 1.0}),
        (Adam, {"beta2": math.nan}),
    ],
)
def test_bad_fraction_hyperparameter(cls: type[Optimizer], hyper: dict[str, float]) -> None:
    with pytest.raises(ValueError, match=next(iter(hyper))):
        cls(**hyper)


@pytest.mark.parametrize("cls", ALL_CLASSES)
def test_non_finite_gradients_neither_raise_nor_warn(cls: type[Optimizer]) -> None:
    W64 = np.ones(4)
    W32 = np.ones(4, dtype=np.float32)
    grad = np.array([np.nan, np.inf, -np.inf, 1e300])  # 1e300 overflows g² and float32
    opt = cls()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for _ in range(2):
            opt.update({"W64": W64, "W32": W32}, {"W64": grad, "W32": grad})
    assert np.isnan(W64[0]) and np.isnan(W32[0])
    assert not np.all(np.isfinite(W32[1:]))


# -- registry and factory ----------------------------------------------------------------------------


def test_registry_lists_the_six_optimizers() -> None:
    assert list(OPTIMIZERS.items()) == [
        ("SGD", SGD),
        ("Momentum", Momentum),
        ("Nesterov", Nesterov),
        ("AdaGrad", AdaGrad),
        ("RMSprop", RMSprop),
        ("Adam", Adam),
    ]  # in the book's order


def test_create_optimizer() -> None:
    opt = create_optimizer("adam", lr=0.3)
    assert isinstance(opt, Adam)
    assert opt.hyperparams == {"lr": 0.3, "beta1": 0.9, "beta2": 0.999}
    assert isinstance(create_optimizer("NESTEROV"), Nesterov)


def test_create_optimizer_rejects_unknown_names_and_keywords() -> None:
    with pytest.raises(ValueError, match="SGD, Momentum, Nesterov, AdaGrad, RMSprop, Adam"):
        create_optimizer("AdamW")
    with pytest.raises(ValueError, match="momentum"):
        create_optimizer("SGD", momentum=0.9)


@pytest.mark.parametrize(
    ("opt", "text"),
    [
        (SGD(), "SGD(lr=0.01)"),
        (Momentum(), "Momentum(lr=0.01, momentum=0.9)"),
        (Nesterov(), "Nesterov(lr=0.01, momentum=0.9)"),
        (AdaGrad(), "AdaGrad(lr=0.01)"),
        (RMSprop(), "RMSprop(lr=0.01, decay_rate=0.99)"),
        (Adam(), "Adam(lr=0.001, beta1=0.9, beta2=0.999)"),
    ],
)
def test_defaults_and_repr(opt: Optimizer, text: str) -> None:
    assert repr(opt) == text


# -- property -----------------------------------------------------------------------------------------


@settings(deadline=None, max_examples=200)
@given(
    lr=st.floats(min_value=0.0, max_value=1.0, exclude_min=True),
    theta=st.lists(  # magnitudes whose squares neither underflow nor overflow in the norm
        st.one_of(st.just(0.0), st.floats(1e-100, 1e6), st.floats(-1e6, -1e-100)),
        min_size=1,
        max_size=8,
    ),
)
def test_sgd_shrinks_the_norm_by_one_minus_lr(lr: float, theta: list[float]) -> None:
    # f(θ) = ‖θ‖²/2 has gradient θ, so SGD gives θ ← (1 − lr)θ.
    arr = np.array(theta)
    opt = SGD(lr=lr)
    for _ in range(3):
        before = float(np.linalg.norm(arr))
        opt.update({"theta": arr}, {"theta": arr})
        after = float(np.linalg.norm(arr))
        assert math.isclose(after, (1 - lr) * before, rel_tol=1e-12, abs_tol=1e-14 * before)
