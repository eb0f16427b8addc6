"""The optimizer race of §6.1.7: SGD, Momentum, AdaGrad and Adam on f(x, y) = x²/20 + y².

Every optimizer starts at (−7, 2) and takes 30 steps against the gradient (x/10, 2y), each with
its own learning rate (the book's: SGD 0.95, Momentum 0.1, AdaGrad 1.5, Adam 0.3). The steps are
taken by the very classes of :mod:`core.optimizer` that the training dashboard uses, fed the
two coordinates as Python floats exactly like the book's race script, and after every update
the optimizer's internal state (velocity v, history h, moments m and v, step count t) is copied,
so a view can show how it evolves.

A learning rate that is too large makes the path run away; the race stops that optimizer at the
first step whose point is not finite or lies beyond :data:`DIVERGENCE_LIMIT`, and records where
and why (as data: the GUI words it). No RuntimeWarning escapes.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

import numpy as np

from core._checks import FloatArray
from core.optimizer import OPTIMIZERS, Adam, Optimizer, create_optimizer

__all__ = [
    "BOOK_LEARNING_RATES",
    "DEFAULT_LEARNING_RATES",
    "DIVERGENCE_LIMIT",
    "FUNCTIONS",
    "MAX_STEPS",
    "START",
    "STEPS",
    "ContourGrid",
    "QuadraticBowl",
    "RaceRun",
    "contour_ellipses",
    "contour_grid",
    "race",
]

#: Where every optimizer starts in the book's race (§6.1.7).
START: tuple[float, float] = (-7.0, 2.0)
#: The number of updates in the book's race.
STEPS = 30
#: The most updates :func:`race` accepts (the race is meant to be watched, not to train).
MAX_STEPS = 10_000
#: A coordinate beyond ±this (or not finite) counts as diverged: the path stops before it.
DIVERGENCE_LIMIT = 1e6

#: The learning rates of the book's race figure (§6.1.7), in the book's order.
BOOK_LEARNING_RATES: Mapping[str, float] = MappingProxyType(
    {"SGD": 0.95, "Momentum": 0.1, "AdaGrad": 1.5, "Adam": 0.3}
)
#: Every optimizer of :data:`core.optimizer.OPTIMIZERS` with a learning rate that races well;
#: Nesterov and RMSprop are not in the book's figure, their 0.1 is this app's choice.
DEFAULT_LEARNING_RATES: Mapping[str, float] = MappingProxyType(
    {name: BOOK_LEARNING_RATES.get(name, 0.1) for name in OPTIMIZERS}
)

DivergenceReason = Literal["too_large", "not_finite"]


@dataclass(frozen=True)
class QuadraticBowl:
    """f(x, y) = x²/p + y²/q with gradient (2x/p, 2y/q); the minimum is f(0, 0) = 0 (§6.1.2).

    With p = 20, q = 1 this is the book's x²/20 + y², whose gradient (x/10, 2y) is computed
    bit for bit like the book's: 2x is exact, so 2x/20 rounds to the same float as x/10.

    Attributes
    ----------
    key : str
        The id of the function in :data:`FUNCTIONS`.
    p, q : float
        The divisors of x² and y²; the contour f = c is the ellipse with semi-axes √(cp), √(cq).
    levels : tuple of float
        Contour levels c that show the function well on the race's view.
    """

    key: str
    p: float
    q: float
    levels: tuple[float, ...]

    def value(self, x: Any, y: Any) -> Any:
        """f(x, y) = x²/p + y²/q, for numbers or arrays."""
        return x * x / self.p + y * y / self.q

    def gradient(self, x: Any, y: Any) -> tuple[Any, Any]:
        """∇f(x, y) = (2x/p, 2y/q), for numbers or arrays."""
        return 2.0 * x / self.p, 2.0 * y / self.q


#: The functions :func:`race` knows: the book's elongated bowl and a round one for comparison
#: (on the round bowl the gradient points straight at the minimum, so nothing zig-zags sideways).
FUNCTIONS: Mapping[str, QuadraticBowl] = MappingProxyType(
    {
        "bowl": QuadraticBowl(
            "bowl", 20.0, 1.0, (0.05, 0.2, 0.5, 1.0, 2.0, 3.5, 5.0, 7.5, 11.0, 16.0, 22.0)
        ),
        "round": QuadraticBowl(
            "round", 1.0, 1.0, (0.25, 1.0, 2.5, 5.0, 10.0, 20.0, 35.0, 55.0, 80.0, 110.0)
        ),
    }
)


@dataclass(frozen=True)
class RaceRun:
    """One optimizer's run in the race of §6.1.7: path, loss, gradient and state at every step.

    Row ``k`` of every array is step ``k``: row 0 is the start (state all zeros, as before the
    first update), row k the point after k updates. When the run diverged at step ``d``, the
    arrays hold rows 0 … d−1 only: the runaway point is kept in ``diverged_point``, never in
    ``path``, so the path holds finite numbers within ±:data:`DIVERGENCE_LIMIT`.

    Attributes
    ----------
    name : str
        The optimizer's name as in :data:`core.optimizer.OPTIMIZERS`, e.g. ``'AdaGrad'``.
    lr : float
        Its learning rate.
    steps : int
        The number of updates asked for.
    path : ndarray, shape (n, 2)
        (x, y) after each update, n = steps + 1 unless diverged.
    loss : ndarray, shape (n,)
        f(x, y) at each point of the path.
    gradient : ndarray, shape (n, 2)
        ∇f at each point of the path (the gradient the next update uses).
    state : Mapping[str, ndarray]
        The optimizer's state after each update, by the book's names: nothing for SGD, ``'v'``
        (shape (n, 2), columns for x and y) for Momentum and Nesterov, ``'h'`` for AdaGrad and
        RMSprop, ``'m'``, ``'v'`` and the integer step count ``'t'`` (shape (n,)) for Adam.
    diverged_at : int or None
        The first step whose point was not finite or beyond the limit, None if none was.
    divergence : {'too_large', 'not_finite'} or None
        Why that step counts as diverged.
    diverged_point : tuple of float or None
        The runaway point (may hold inf or nan), for the message; never to be plotted.
    """

    name: str
    lr: float
    steps: int
    path: FloatArray
    loss: FloatArray
    gradient: FloatArray
    state: Mapping[str, np.ndarray] = field(default_factory=dict)
    diverged_at: int | None = None
    divergence: DivergenceReason | None = None
    diverged_point: tuple[float, float] | None = None

    @property
    def diverged(self) -> bool:
        """True when the path ran away before all steps were taken."""
        return self.diverged_at is not None

    @property
    def loss_increased(self) -> bool:
        """True when the last point is higher up the bowl than the start: the steps overshoot."""
        return bool(self.loss[-1] > self.loss[0])

    @property
    def last_step(self) -> int:
        """The last step the path reaches: ``steps``, or ``diverged_at − 1``."""
        return len(self.path) - 1

    def row(self, step: int) -> int:
        """The row to show at animation step ``step``: ``step`` clipped to 0 … :attr:`last_step`."""
        return min(max(int(step), 0), self.last_step)


# --- the race ------------------------------------------------------------------------------------


def race(
    optimizers: Mapping[str, float],
    start: tuple[float, float] = START,
    steps: int = STEPS,
    function: str = "bowl",
) -> dict[str, RaceRun]:
    """Run each optimizer ``steps`` times on f from ``start``: θ ← θ + Δ(∇f(θ)) (§6.1.7).

    Each optimizer is built by :func:`core.optimizer.create_optimizer` with its learning rate
    (other hyper-parameters keep their defaults: momentum 0.9, β1 0.9, β2 0.999, decay 0.99) and
    updates ``params = {'x': x, 'y': y}`` of Python floats, as in the book's race script.

    Parameters
    ----------
    optimizers : Mapping[str, float]
        Optimizer name (any letter case, e.g. ``'adam'``) → learning rate (finite, > 0).
        May be empty.
    start : tuple of float, default (−7, 2)
        The starting point, finite and within ±:data:`DIVERGENCE_LIMIT`.
    steps : int, default 30
        The number of updates, 1 … :data:`MAX_STEPS`.
    function : str, default 'bowl'
        A key of :data:`FUNCTIONS`: ``'bowl'`` is the book's x²/20 + y².

    Returns
    -------
    dict[str, RaceRun]
        One run per optimizer, keyed by its proper name, in the order given.

    Raises
    ------
    ValueError
        For an unknown optimizer or function, a name given twice, a learning rate that is not a
        finite number > 0, a bad start or a step count out of range.
    """
    bowl = _function(function)
    x0, y0 = _start(start)
    n_steps = _steps(steps)
    rates = _learning_rates(optimizers)
    return {
        name: _run(create_optimizer(name, lr=lr), name, lr, bowl, x0, y0, n_steps)
        for name, lr in rates.items()
    }


def _run(
    opt: Optimizer, name: str, lr: float, bowl: QuadraticBowl, x0: float, y0: float, steps: int
) -> RaceRun:
    """Take up to ``steps`` updates with ``opt`` and record every step (see :class:`RaceRun`)."""
    params: dict[str, Any] = {"x": x0, "y": y0}
    points = [(x0, y0)]
    snapshots = [_snapshot(opt)]
    diverged_at: int | None = None
    reason: DivergenceReason | None = None
    runaway: tuple[float, float] | None = None
    for step in range(1, steps + 1):
        gx, gy = bowl.gradient(params["x"], params["y"])
        opt.update(params, {"x": gx, "y": gy})
        x, y = float(params["x"]), float(params["y"])
        if not (math.isfinite(x) and math.isfinite(y)):
            diverged_at, reason, runaway = step, "not_finite", (x, y)
            break
        if abs(x) > DIVERGENCE_LIMIT or abs(y) > DIVERGENCE_LIMIT:
            diverged_at, reason, runaway = step, "too_large", (x, y)
            break
        points.append((x, y))
        snapshots.append(_snapshot(opt))
    path = np.array(points, dtype=np.float64)
    gx, gy = bowl.gradient(path[:, 0], path[:, 1])
    state = {key: np.array([snap[key] for snap in snapshots]) for key in _state_keys(opt)}
    for arr in (path, *state.values()):
        arr.setflags(write=False)
    loss = bowl.value(path[:, 0], path[:, 1])
    gradient = np.column_stack([gx, gy])
    loss.setflags(write=False)
    gradient.setflags(write=False)
    return RaceRun(
        name=name,
        lr=lr,
        steps=steps,
        path=path,
        loss=loss,
        gradient=gradient,
        state=MappingProxyType(state),
        diverged_at=diverged_at,
        divergence=reason,
        diverged_point=runaway,
    )


def _state_keys(opt: Optimizer) -> tuple[str, ...]:
    keys = tuple(opt.state())
    return (*keys, "t") if isinstance(opt, Adam) else keys


def _snapshot(opt: Optimizer) -> dict[str, Any]:
    """Copy the optimizer's state now: each state array as (x, y), plus Adam's step count t.

    Before the first update the optimizer has no state yet; that counts as zeros, which is what
    every optimizer here starts from.
    """
    snap: dict[str, Any] = {}
    for name, per_param in opt.state().items():
        snap[name] = tuple(
            float(np.asarray(per_param[key])) if key in per_param else 0.0 for key in ("x", "y")
        )
    if isinstance(opt, Adam):
        snap["t"] = opt.iter
    return snap


# --- the contours ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ContourGrid:
    """f sampled on a grid for a contour plot (§6.1.7): ``z[i, j] = f(x[j], y[i])``, rows follow y.

    Attributes
    ----------
    x : ndarray, shape (n,)
    y : ndarray, shape (n,)
    z : ndarray, shape (n, n)
    """

    x: FloatArray
    y: FloatArray
    z: FloatArray


def contour_grid(
    xlim: tuple[float, float] = (-10.0, 10.0),
    ylim: tuple[float, float] = (-5.0, 5.0),
    n: int = 101,
    function: str = "bowl",
) -> ContourGrid:
    """Sample f(x, y) on an n × n grid over ``xlim`` × ``ylim``, like the book's meshgrid (§6.1.7).

    Parameters
    ----------
    xlim, ylim : tuple of float
        (low, high), finite with low < high.
    n : int, default 101
        Points per axis, 2 … 2001.
    function : str, default 'bowl'
        A key of :data:`FUNCTIONS`.

    Raises
    ------
    ValueError
        For a bad range, n or function.
    """
    bowl = _function(function)
    x_lo, x_hi = _limits(xlim, "xlim")
    y_lo, y_hi = _limits(ylim, "ylim")
    count = _int_in_range(n, "n", 2, 2001)
    x = np.linspace(x_lo, x_hi, count)
    y = np.linspace(y_lo, y_hi, count)
    xx, yy = np.meshgrid(x, y)
    return ContourGrid(x=x, y=y, z=bowl.value(xx, yy))


def contour_ellipses(
    function: str = "bowl", levels: tuple[float, ...] | None = None, points: int = 181
) -> list[tuple[float, FloatArray]]:
    """The exact contours f = c as closed curves: (√(cp)·cos s, √(cq)·sin s), s ∈ [0, 2π] (§6.1.2).

    f = x²/p + y²/q is a quadratic, so its contours are ellipses and need no grid.

    Parameters
    ----------
    function : str, default 'bowl'
        A key of :data:`FUNCTIONS`.
    levels : tuple of float, optional
        The levels c (each finite and > 0); the function's own :attr:`QuadraticBowl.levels` by
        default.
    points : int, default 181
        Points per curve, 8 … 10 000; the first and last coincide, closing the curve.

    Returns
    -------
    list of (float, ndarray of shape (points, 2))
        Each level with its curve.
    """
    bowl = _function(function)
    chosen = bowl.levels if levels is None else tuple(levels)
    count = _int_in_range(points, "points", 8, 10_000)
    s = np.linspace(0.0, 2.0 * np.pi, count)
    curves = []
    for c in chosen:
        level = _finite_float(c, "contour level")
        if level <= 0:
            raise ValueError(f"a contour level must be > 0 (f is never below 0), got {c!r}")
        rx, ry = math.sqrt(level * bowl.p), math.sqrt(level * bowl.q)
        curves.append((level, np.column_stack([rx * np.cos(s), ry * np.sin(s)])))
    return curves


# --- argument checks ---------------------------------------------------------------------------------


def _function(key: str) -> QuadraticBowl:
    if not isinstance(key, str) or key not in FUNCTIONS:
        raise ValueError(f"unknown function {key!r}; choose one of {', '.join(FUNCTIONS)}")
    return FUNCTIONS[key]


def _finite_float(value: Any, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(f"{name} must be a number, got {value!r}")
    v = float(value)
    if not math.isfinite(v):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return v


def _int_in_range(value: Any, name: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{name} must be a whole number from {low} to {high}, got {value!r}")
    if not low <= int(value) <= high:
        raise ValueError(f"{name} must be from {low} to {high}, got {value}")
    return int(value)


def _steps(steps: Any) -> int:
    return _int_in_range(steps, "steps", 1, MAX_STEPS)


def _start(start: Any) -> tuple[float, float]:
    try:
        x, y = start
    except (TypeError, ValueError):
        raise ValueError(f"start must be a point (x, y), got {start!r}") from None
    point = (_finite_float(x, "start x"), _finite_float(y, "start y"))
    if max(abs(point[0]), abs(point[1])) > DIVERGENCE_LIMIT:
        raise ValueError(f"start must lie within ±{DIVERGENCE_LIMIT:g} in x and y, got {start!r}")
    return point


def _limits(lim: Any, name: str) -> tuple[float, float]:
    try:
        lo, hi = lim
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a pair (low, high), got {lim!r}") from None
    low, high = _finite_float(lo, f"{name} low"), _finite_float(hi, f"{name} high")
    if not low < high:
        raise ValueError(f"{name} must have low < high, got {lim!r}")
    return low, high


def _learning_rates(optimizers: Mapping[str, float]) -> dict[str, float]:
    """Proper optimizer name → checked learning rate, in the order given."""
    if not isinstance(optimizers, Mapping):
        raise ValueError(
            "optimizers must map optimizer names to learning rates, e.g. {'SGD': 0.95}, "
            f"got {optimizers!r}"
        )
    by_lower = {name.lower(): name for name in OPTIMIZERS}
    rates: dict[str, float] = {}
    for given, lr in optimizers.items():
        name = by_lower.get(str(given).lower())
        if name is None:
            raise ValueError(f"unknown optimizer {given!r}; choose one of {', '.join(OPTIMIZERS)}")
        if name in rates:
            raise ValueError(f"optimizer {name} is given twice")
        rate = _finite_float(lr, f"the learning rate of {name}")
        if rate <= 0:
            raise ValueError(f"the learning rate of {name} must be > 0, got {lr!r}")
        rates[name] = rate
    return rates
