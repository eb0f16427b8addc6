"""Gradients of f(x0, x1) and gradient descent on them, as data for the §4.4 views.

* :data:`PRESETS`: the book's f(x0, x1) = x0² + x1² (``function_2``, §4.3.3), the elongated
  bowl x0²/20 + x1² of §6.1, and a non-convex double well with a global minimum, a local one
  and a saddle point between them; each with its exact gradient;
* :func:`gradient_at`: ∇f at one point by :func:`core.gradient.numerical_gradient`, the book's
  way ((3, 4) → (6, 8)), next to the exact value;
* :func:`gradient_grid`: f on a grid for contour lines, and −∇f on a coarser grid for arrows;
  the book draws those arrows from the *numerical* gradient (§4.4, figure 4-9), and so does this
  (the same central difference, evaluated on the whole grid at once);
* :func:`contour_segments` and :func:`arrow_segments`: the lines to draw, as point pairs;
* :func:`partial_slice`: f along one axis with the other fixed, and its slope there (the partial
  derivative, §4.3.3: fix x1 = 4 and ∂f/∂x0 at x0 = 3 is 6.00000000000378);
* :func:`descend`: the whole path of :func:`core.gradient.gradient_descent` with a record per
  step and a verdict (converged, diverged, barely moved ...), and :class:`DescentPlayer` to step
  through it;
* :func:`closed_form_contrast`: why §4.2.5 does not just solve ∇L = 0.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final, Literal

import numpy as np
import numpy.typing as npt

from core._checks import FloatArray
from core.derivative_steps import PRESETS_BY_ID as DERIVATIVE_PRESETS
from core.derivative_steps import Line
from core.expressions import Expression, parse_function
from core.gradient import H, gradient_descent, numerical_diff, numerical_gradient
from core.networks import TwoLayerNet

BoolArray = npt.NDArray[np.bool_]
Function2D = Callable[[Any, Any], Any]  # f(x0, x1), vectorised

#: The book's start of gradient descent (§4.4.1).
BOOK_START: Final = (-3.0, 4.0)

#: A path is called diverged once some |x_i| passes this (or becomes inf or nan).
DIVERGENCE_LIMIT: Final = 1e6
#: Converged: |∇f| at the end is at most this.
CONVERGENCE_TOLERANCE: Final = 1e-6
#: Barely moved: the end is closer to the start than this times max(1, |start|).
BARELY_MOVED: Final = 1e-6
#: Most steps :func:`descend` takes.
MAX_STEPS: Final = 10_000

Status = Literal[
    "start", "converged", "diverged", "barely_moved", "oscillating", "growing", "not_converged"
]
Kind = Literal["minimum", "saddle", "maximum"]


@dataclass(frozen=True)
class StationaryPoint:
    """A point where ∇f = 0, and what kind it is (§4.4: 極小値, 鞍点)."""

    x0: float
    x1: float
    value: float
    kind: Kind
    is_global_minimum: bool


@dataclass(frozen=True)
class SurfacePreset:
    """A function f(x0, x1) of §4.4 with its exact gradient, both in the formula language.

    Attributes
    ----------
    id : str
        A stable name for settings and the GUI's translated titles.
    expression : str
        f(x0, x1).
    gradient : (str, str)
        ∂f/∂x0 and ∂f/∂x1.
    xlim, ylim : (float, float)
        The region to draw.
    start : (float, float)
        Where descent starts by default.
    stationary : tuple of StationaryPoint
        Every point with ∇f = 0.
    """

    id: str
    expression: str
    gradient: tuple[str, str]
    xlim: tuple[float, float]
    ylim: tuple[float, float]
    start: tuple[float, float]
    stationary: tuple[StationaryPoint, ...]

    def function(self) -> Expression:
        return parse_function(self.expression, 2)

    def exact_gradient(self) -> Callable[[Any, Any], FloatArray]:
        """(x0, x1) → the exact ∇f, shape (2, ...)."""
        d0, d1 = (parse_function(g, 2) for g in self.gradient)

        def gradient(x0: Any, x1: Any) -> FloatArray:
            return np.stack([d0(x0, x1), d1(x0, x1)])

        return gradient


def _double_well_stationary() -> tuple[StationaryPoint, ...]:
    """Stationary points of (x0² − 4)²/20 + x0/4 + x1²: x1 = 0 and 4x0³ − 16x0 + 5 = 0."""
    roots = np.sort(np.roots([4.0, 0.0, -16.0, 5.0]).real)
    values = (roots**2 - 4.0) ** 2 / 20.0 + roots / 4.0
    curvature = (3.0 * roots**2 - 4.0) / 5.0  # ∂²f/∂x0²; ∂²f/∂x1² = 2 > 0
    lowest = int(np.argmin(np.where(curvature > 0, values, np.inf)))
    return tuple(
        StationaryPoint(
            float(r),
            0.0,
            float(v),
            "minimum" if c > 0 else "saddle",
            i == lowest,
        )
        for i, (r, v, c) in enumerate(zip(roots, values, curvature, strict=True))
    )


_ORIGIN = (StationaryPoint(0.0, 0.0, 0.0, "minimum", True),)

#: The presets, the book's function first.
PRESETS: Final[tuple[SurfacePreset, ...]] = (
    SurfacePreset(
        "function_2",
        "x0^2 + x1^2",
        ("2*x0", "2*x1"),
        (-4.5, 4.5),
        (-4.5, 4.5),
        BOOK_START,
        _ORIGIN,
    ),
    SurfacePreset(
        "elongated",
        "x0^2/20 + x1^2",
        ("x0/10", "2*x1"),
        (-10.0, 10.0),
        (-5.0, 5.0),
        (-7.0, 2.0),  # the start of the §6.1 figures
        _ORIGIN,
    ),
    SurfacePreset(
        "double_well",
        "(x0^2 - 4)^2/20 + x0/4 + x1^2",
        ("x0*(x0^2 - 4)/5 + 1/4", "2*x1"),
        (-4.0, 4.0),
        (-4.5, 4.5),
        BOOK_START,
        _double_well_stationary(),
    ),
)
PRESETS_BY_ID: Final[dict[str, SurfacePreset]] = {p.id: p for p in PRESETS}


@dataclass(frozen=True)
class LearningRatePreset:
    """A learning rate of §4.4.1 worth trying, and what it shows (``id``)."""

    id: str
    lr: float


#: The book's three (0.1 converges, 10 diverges, 1e-10 barely moves) and two more.
LR_PRESETS: Final[tuple[LearningRatePreset, ...]] = (
    LearningRatePreset("book", 0.1),
    LearningRatePreset("too_large", 10.0),
    LearningRatePreset("too_small", 1e-10),
    LearningRatePreset("oscillates", 1.0),
    LearningRatePreset("one_step", 0.5),
)


def as_vector_function(f: Function2D) -> Callable[[FloatArray], float]:
    """f(x0, x1) as the book's f(x) of one array x = [x0, x1] (what numerical_gradient takes)."""

    def vector_f(x: FloatArray) -> float:
        return float(f(x[0], x[1]))

    return vector_f


def _point(point: Any, name: str = "point") -> FloatArray:
    try:
        p = np.asarray(point, dtype=np.float64).reshape(-1)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be two numbers (x0, x1), got {point!r}") from None
    if p.shape != (2,) or not np.all(np.isfinite(p)):
        raise ValueError(f"{name} must be two finite numbers (x0, x1), got {point!r}")
    return p


def _quiet(f: Function2D) -> Function2D:
    """f without errstate of its own, when it has a raw form (called inside one errstate)."""
    return getattr(f, "evaluate_raw", f)


# --- the gradient at a point ----------------------------------------------------------------


@dataclass(frozen=True)
class GradientAt:
    """∇f at one point (§4.4): numerical as the book computes it, and exact when known.

    Attributes
    ----------
    point : ndarray
        (x0, x1).
    value : float
        f(x0, x1).
    gradient : ndarray
        (∂f/∂x0, ∂f/∂x1) by :func:`core.gradient.numerical_gradient` (h = 1e-4).
    exact : ndarray or None
        The exact gradient, when given.
    norm : float
        |∇f| of the numerical gradient.
    """

    point: FloatArray
    value: float
    gradient: FloatArray
    exact: FloatArray | None
    norm: float

    @property
    def descent_direction(self) -> FloatArray:
        """−∇f: where f falls fastest from this point (not necessarily towards the minimum)."""
        return -self.gradient


def gradient_at(
    f: Function2D, point: Any, exact: Callable[[Any, Any], Any] | None = None
) -> GradientAt:
    """∇f at ``point`` by central differences, one coordinate at a time (§4.4).

    For the book's f = x0² + x1²: (3, 4) → (6, 8), (0, 2) → (0, 4), (3, 0) → (6, 0).
    """
    p = _point(point)
    with np.errstate(all="ignore"):
        grad = numerical_gradient(as_vector_function(_quiet(f)), p.copy())
        value = float(f(p[0], p[1]))
        exact_grad = None
        if exact is not None:
            exact_grad = np.asarray(exact(p[0], p[1]), dtype=np.float64).reshape(2)
        norm = float(np.hypot(grad[0], grad[1]))
    return GradientAt(p, value, grad, exact_grad, norm)


# --- the whole field ------------------------------------------------------------------------


def numerical_gradient_grid(
    f: Function2D, X0: Any, X1: Any, h: float = H
) -> tuple[FloatArray, FloatArray]:
    """(∂f/∂x0, ∂f/∂x1) at every grid point by central differences (§4.4).

    The same formula as :func:`core.gradient.numerical_gradient`, (f(x + h·e_i) − f(x − h·e_i))/2h,
    evaluated on all points at once instead of one by one.
    """
    X0 = np.asarray(X0, dtype=np.float64)
    X1 = np.asarray(X1, dtype=np.float64)
    g = _quiet(f)
    with np.errstate(all="ignore"):
        d0 = (np.asarray(g(X0 + h, X1)) - np.asarray(g(X0 - h, X1))) / (2 * h)
        d1 = (np.asarray(g(X0, X1 + h)) - np.asarray(g(X0, X1 - h))) / (2 * h)
    return d0.astype(np.float64), d1.astype(np.float64)


@dataclass(frozen=True)
class GradientField:
    """f on a grid and −∇f on a coarser one: contours and arrows (§4.4, figure 4-9).

    Attributes
    ----------
    xs, ys : ndarray
        The grid's coordinates along x0 and x1.
    z : ndarray
        f on the grid, shape (len(xs), len(ys)): ``z[i, j] = f(xs[i], ys[j])`` (axis 0 runs
        along x0). nan where f is undefined.
    arrow_spacing : float
        The distance between neighbouring arrows (for drawing them that long at most).
    levels : ndarray
        Contour levels, spaced so that a bowl's rings are evenly spaced.
    qx, qy : ndarray
        The arrows' base points (flat).
    u, v : ndarray
        −∇f there (numerical, h = 1e-4).
    """

    xs: FloatArray
    ys: FloatArray
    z: FloatArray
    levels: FloatArray
    qx: FloatArray
    qy: FloatArray
    u: FloatArray
    v: FloatArray

    @property
    def arrow_spacing(self) -> float:
        if self.qx.size < 2:
            return float(self.xs[-1] - self.xs[0])
        spacing = np.diff(np.unique(self.qx))
        return float(spacing[0]) if spacing.size else float(self.ys[-1] - self.ys[0])


def _limits(lim: Any, name: str) -> tuple[float, float]:
    lo, hi = (float(v) for v in lim)
    if not (np.isfinite(lo) and np.isfinite(hi) and lo < hi):
        raise ValueError(f"{name} must be two finite numbers, the first smaller, got {lim!r}")
    return lo, hi


def contour_levels(z: Any, count: int = 12, top: float = 100.0) -> FloatArray:
    """``count`` levels from the minimum of the finite z up to its ``top`` percentile.

    Level k is min + (hi − min)·(k/(count+1))², denser near the minimum, so for a bowl like
    x0² + x1² the rings are evenly spaced in radius. A ``top`` below 100 keeps a few huge values
    at the edges (a quartic far out) from spreading the levels where nothing happens.
    """
    finite = np.asarray(z, dtype=np.float64)
    finite = finite[np.isfinite(finite)]
    if finite.size == 0:
        return np.empty(0)
    lo, hi = float(finite.min()), float(np.percentile(finite, top))
    if hi <= lo:
        return np.array([lo])
    fractions = (np.arange(1, count + 1) / (count + 1)) ** 2
    return lo + (hi - lo) * fractions


def gradient_grid(
    f: Function2D,
    xlim: Any,
    ylim: Any,
    n: int = 81,
    arrows: int = 15,
    levels: int = 12,
) -> GradientField:
    """f on a grid over xlim × ylim, and −∇f on a coarser grid of arrows (§4.4).

    ``n`` and ``arrows`` are the counts along the shorter side; the longer side gets
    proportionally more, so the cells are square (a 20 × 10 region with ``arrows=15`` gets
    30 × 15 arrows).
    """
    x_lo, x_hi = _limits(xlim, "xlim")
    y_lo, y_hi = _limits(ylim, "ylim")
    if int(n) < 2 or int(arrows) < 1:
        raise ValueError(f"n must be ≥ 2 and arrows ≥ 1, got {n!r}, {arrows!r}")
    width, height = x_hi - x_lo, y_hi - y_lo
    short = min(width, height)
    nx, ny = (max(2, round(int(n) * side / short)) for side in (width, height))
    ax_n, ay_n = (max(1, round(int(arrows) * side / short)) for side in (width, height))
    xs = np.linspace(x_lo, x_hi, nx)
    ys = np.linspace(y_lo, y_hi, ny)
    X0, X1 = np.meshgrid(xs, ys, indexing="ij")
    with np.errstate(all="ignore"):
        z = np.asarray(_quiet(f)(X0, X1), dtype=np.float64)
    z = np.where(np.isfinite(z), z, np.nan)
    # arrows at cell centres, so none sits exactly on the border
    ax = x_lo + (np.arange(ax_n) + 0.5) * width / ax_n
    ay = y_lo + (np.arange(ay_n) + 0.5) * height / ay_n
    Q0, Q1 = np.meshgrid(ax, ay, indexing="ij")
    d0, d1 = numerical_gradient_grid(f, Q0, Q1)
    return GradientField(
        xs=xs,
        ys=ys,
        z=z,
        levels=contour_levels(z, levels, top=80.0),
        qx=Q0.reshape(-1),
        qy=Q1.reshape(-1),
        u=-d0.reshape(-1),
        v=-d1.reshape(-1),
    )


# the two edges each marching-squares case crosses; edges: 0 bottom, 1 right, 2 top, 3 left
_CASES: Final[dict[int, tuple[tuple[int, int], ...]]] = {
    1: ((3, 0),),
    2: ((0, 1),),
    3: ((3, 1),),
    4: ((1, 2),),
    6: ((0, 2),),
    7: ((3, 2),),
    8: ((2, 3),),
    9: ((0, 2),),
    11: ((1, 2),),
    12: ((1, 3),),
    13: ((0, 1),),
    14: ((3, 0),),
}
# saddle cells: (segments when the centre is above the level, when it is not)
_SADDLES: Final[dict[int, tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]]] = {
    5: (((0, 1), (2, 3)), ((3, 0), (1, 2))),
    10: (((3, 0), (1, 2)), ((0, 1), (2, 3))),
}


def contour_segments(xs: Any, ys: Any, z: Any, level: float) -> tuple[FloatArray, FloatArray]:
    """The contour line f = level as segments (marching squares), for ``connect='pairs'``.

    ``z[i, j]`` is f at (xs[i], ys[j]). Returns x and y arrays where points 2k and 2k + 1 are the
    ends of segment k, linearly interpolated along the cell edges. Cells touching nan are skipped.
    """
    xs = np.asarray(xs, dtype=np.float64)
    ys = np.asarray(ys, dtype=np.float64)
    z = np.asarray(z, dtype=np.float64)
    if z.shape != (xs.size, ys.size):
        raise ValueError(f"z must have shape ({xs.size}, {ys.size}), got {z.shape}")
    level = float(level)
    a, b = z[:-1, :-1], z[1:, :-1]  # corners: a (i, j), b (i+1, j), c (i+1, j+1), d (i, j+1)
    c, d = z[1:, 1:], z[:-1, 1:]
    with np.errstate(invalid="ignore"):
        case = (a > level) * 1 + (b > level) * 2 + (c > level) * 4 + (d > level) * 8
    valid = np.isfinite(a) & np.isfinite(b) & np.isfinite(c) & np.isfinite(d)
    case = np.where(valid, case, 0)
    if not np.any((case != 0) & (case != 15)):
        return np.empty(0), np.empty(0)
    crossing_cells = np.nonzero((case != 0) & (case != 15))
    ci, cj = crossing_cells
    case = case[crossing_cells]
    a, b, c, d = a[crossing_cells], b[crossing_cells], c[crossing_cells], d[crossing_cells]
    x0, x1, y0, y1 = xs[ci], xs[ci + 1], ys[cj], ys[cj + 1]
    centre_above = (a + b + c + d) / 4 > level
    with np.errstate(all="ignore"):
        # where the level crosses each edge: 0 bottom (a–b), 1 right (b–c), 2 top (d–c), 3 left (a–d)
        edges = (
            (x0 + (level - a) / (b - a) * (x1 - x0), y0),
            (x1, y0 + (level - b) / (c - b) * (y1 - y0)),
            (x0 + (level - d) / (c - d) * (x1 - x0), y1),
            (x0, y0 + (level - a) / (d - a) * (y1 - y0)),
        )
    xs_out: list[FloatArray] = []
    ys_out: list[FloatArray] = []

    def emit(mask: BoolArray, pairs: tuple[tuple[int, int], ...]) -> None:
        if not mask.any():
            return
        for e1, e2 in pairs:
            (px, py), (qx, qy) = edges[e1], edges[e2]
            xs_out.append(np.column_stack([px[mask], qx[mask]]).reshape(-1))
            ys_out.append(np.column_stack([py[mask], qy[mask]]).reshape(-1))

    for k, pairs in _CASES.items():
        emit(case == k, pairs)
    for k, (above, below) in _SADDLES.items():
        emit((case == k) & centre_above, above)
        emit((case == k) & ~centre_above, below)
    return np.concatenate(xs_out), np.concatenate(ys_out)


def arrow_segments(
    qx: Any,
    qy: Any,
    u: Any,
    v: Any,
    length: float,
    *,
    head: float = 0.3,
    min_fraction: float = 0.25,
) -> tuple[FloatArray, FloatArray]:
    """Arrows from (qx, qy) along (u, v) as point pairs: a shaft and two head strokes each.

    The longest arrow is ``length`` long and the others in proportion to |(u, v)|, but never
    shorter than ``min_fraction`` of it, so every direction stays visible. Zero and non-finite
    vectors get no arrow.
    """
    qx, qy, u, v = (np.asarray(a, dtype=np.float64).reshape(-1) for a in (qx, qy, u, v))
    with np.errstate(all="ignore"):
        norm = np.hypot(u, v)
        ok = np.isfinite(norm) & (norm > 0) & np.isfinite(qx) & np.isfinite(qy)
        if not ok.any():
            return np.empty(0), np.empty(0)
        qx, qy, u, v, norm = qx[ok], qy[ok], u[ok], v[ok], norm[ok]
        scale = np.clip(norm / norm.max(), min_fraction, 1.0) * float(length)
        dx, dy = u / norm, v / norm
    tx, ty = qx + dx * scale, qy + dy * scale
    size = head * scale
    cos, sin = np.cos(np.radians(25.0)), np.sin(np.radians(25.0))
    # the head strokes: the reversed direction turned by ±25°
    lx = tx - size * (dx * cos - dy * sin)
    ly = ty - size * (dy * cos + dx * sin)
    rx = tx - size * (dx * cos + dy * sin)
    ry = ty - size * (dy * cos - dx * sin)
    x = np.column_stack([qx, tx, tx, lx, tx, rx]).reshape(-1)
    y = np.column_stack([qy, ty, ty, ly, ty, ry]).reshape(-1)
    return x, y


# --- the partial derivative as a slice ------------------------------------------------------


@dataclass(frozen=True)
class PartialSlice:
    """f along one axis with the other coordinate fixed, and its slope: a partial derivative.

    Attributes
    ----------
    axis : int
        0: x0 varies and x1 is fixed (∂f/∂x0); 1: the other way round.
    fixed : float
        The value of the fixed coordinate.
    at : float
        Where along the varying axis the slope is taken.
    t, values : ndarray
        The varying coordinate and f there.
    value : float
        f at the point.
    slope : float
        The partial derivative there, by :func:`core.gradient.numerical_diff` of the one-variable
        function t ↦ f(t, fixed) (§4.3.3: 6.00000000000378 at (3, 4) for x0² + x1²).
    tangent : Line
        The tangent of the slice at ``at``.
    """

    axis: int
    fixed: float
    at: float
    t: FloatArray
    values: FloatArray
    value: float
    slope: float
    tangent: Line


def partial_slice(
    f: Function2D, point: Any, axis: int = 0, t_range: Any = None, n: int = 201
) -> PartialSlice:
    """Fix one coordinate of ``point`` and see f as a function of the other (§4.3.3).

    ``axis=0`` fixes x1 (the book's ``function_tmp1``), ``axis=1`` fixes x0 (``function_tmp2``).
    ``t_range`` defaults to ``at ± 4``.
    """
    p = _point(point)
    if axis not in (0, 1):
        raise ValueError(f"axis must be 0 (vary x0) or 1 (vary x1), got {axis!r}")
    at, fixed = float(p[axis]), float(p[1 - axis])
    lo, hi = (at - 4.0, at + 4.0) if t_range is None else _limits(t_range, "t_range")
    t = np.linspace(lo, hi, int(n))
    g = _quiet(f)

    def one_variable(s: Any) -> Any:
        return g(s, fixed) if axis == 0 else g(fixed, s)

    with np.errstate(all="ignore"):
        values = np.asarray(one_variable(t), dtype=np.float64)
        value = float(one_variable(np.float64(at)))
        slope = numerical_diff(one_variable, at)
    values = np.where(np.isfinite(values), values, np.nan)
    return PartialSlice(axis, fixed, at, t, values, value, slope, Line(slope, value - slope * at))


# --- gradient descent -----------------------------------------------------------------------


@dataclass(frozen=True)
class DescentStep:
    """One row of the descent table: the point after ``step`` updates and ∇f there."""

    step: int
    x0: float
    x1: float
    value: float
    grad0: float
    grad1: float
    grad_norm: float


@dataclass(frozen=True)
class DescentVerdict:
    """What a descent path did, after ``steps`` steps (§4.4.1).

    ``status`` is one of:

    * ``'start'``: no step taken yet;
    * ``'diverged'``: some |x_i| passed :data:`DIVERGENCE_LIMIT` or became inf/nan, first at
      step ``diverged_at`` (the learning rate is too large);
    * ``'converged'``: |∇f| ≤ :data:`CONVERGENCE_TOLERANCE` at the end;
    * ``'barely_moved'``: no point of the path got farther than :data:`BARELY_MOVED`·max(1, |start|)
      from the start although ∇f is not 0 there (the learning rate is too small);
    * ``'oscillating'``: the last steps jump back and forth without |∇f| shrinking;
    * ``'growing'``: f is larger at the end than at the start;
    * ``'not_converged'``: on its way, but not there yet.
    """

    status: Status
    steps: int
    diverged_at: int | None
    max_abs: float
    distance_moved: float
    farthest: float
    final_grad_norm: float
    start_value: float
    final_value: float


@dataclass(frozen=True)
class DescentRun:
    """A whole gradient-descent run (§4.4.1) of ``steps`` updates with learning rate ``lr``.

    ``path`` holds every point (``steps + 1`` rows; row 0 is the start), exactly as
    :func:`core.gradient.gradient_descent` returns it in ``history``; ``records`` the matching
    table rows; ``verdict`` the verdict on the whole run (see :meth:`verdict_at`).
    """

    lr: float
    steps: int
    path: FloatArray
    records: tuple[DescentStep, ...]
    verdict: DescentVerdict

    def verdict_at(self, k: int) -> DescentVerdict:
        """The verdict on the first ``k`` steps only (for an animation at step k)."""
        return _verdict(self.path[: k + 1], self.records[: k + 1])


def descend(f: Function2D, start: Any, lr: float, steps: int = 100) -> DescentRun:
    """Gradient descent x ← x − lr·∇f(x) from ``start`` for ``steps`` steps (§4.4.1).

    The path is :func:`core.gradient.gradient_descent`'s; every point also gets f and its
    numerical gradient for the table. From the book's (−3, 4) on x0² + x1²: lr = 0.1 ends within
    1e-8 of (0, 0) after 100 steps (each step multiplies x by 0.8), lr = 10 ends at
    x0 ≈ −2.58983747e+13 (diverged), lr = 1e-10 barely moves. Nothing here raises or warns on
    overflow: a diverging run is data.

    Raises
    ------
    ValueError
        When ``start`` is not two finite numbers, ``lr`` not a finite number > 0, or ``steps``
        not a whole number in 0 … :data:`MAX_STEPS`.
    """
    p = _point(start, "start")
    if isinstance(steps, bool) or int(steps) != steps or not 0 <= steps <= MAX_STEPS:
        raise ValueError(f"steps must be a whole number from 0 to {MAX_STEPS}, got {steps!r}")
    steps = int(steps)
    vector_f = as_vector_function(_quiet(f))
    with np.errstate(all="ignore"):
        result = gradient_descent(vector_f, p, lr=lr, step_num=steps)
        path = result.history
        records = []
        for k, point in enumerate(path):
            if np.all(np.isfinite(point)):
                grad = numerical_gradient(vector_f, point.copy())
                value = vector_f(point)
            else:
                grad = np.full(2, np.nan)
                value = float("nan")
            records.append(
                DescentStep(
                    k,
                    float(point[0]),
                    float(point[1]),
                    float(value),
                    float(grad[0]),
                    float(grad[1]),
                    float(np.hypot(grad[0], grad[1])),
                )
            )
    records_t = tuple(records)
    return DescentRun(float(lr), steps, path, records_t, _verdict(path, records_t))


def _verdict(path: FloatArray, records: tuple[DescentStep, ...]) -> DescentVerdict:
    steps = len(path) - 1
    with np.errstate(all="ignore"):
        finite = np.all(np.isfinite(path), axis=1)
        magnitude = np.where(finite, np.max(np.abs(path), axis=1), np.inf)
    beyond = np.flatnonzero(magnitude > DIVERGENCE_LIMIT)
    diverged_at = int(beyond[0]) if beyond.size else None
    finite_magnitudes = magnitude[np.isfinite(magnitude)]
    max_abs = float(finite_magnitudes.max()) if finite_magnitudes.size else float("inf")
    if not finite.all():
        max_abs = float("inf")
    start, end = records[0], records[-1]
    with np.errstate(all="ignore"):
        distances = np.hypot(path[:, 0] - path[0, 0], path[:, 1] - path[0, 1])
        moved = float(distances[-1])
        farthest = float(np.max(np.where(np.isnan(distances), np.inf, distances)))
    verdict = DescentVerdict(
        "start", steps, diverged_at, max_abs, moved, farthest, end.grad_norm, start.value, end.value
    )
    status: Status
    if steps == 0:
        status = "start"
    elif diverged_at is not None:
        status = "diverged"
    elif end.grad_norm <= CONVERGENCE_TOLERANCE:
        status = "converged"
    elif farthest < BARELY_MOVED * max(1.0, float(np.hypot(*path[0]))):
        status = "barely_moved"
    elif end.value > start.value:
        status = "growing"
    elif _oscillating(path, records):
        status = "oscillating"
    else:
        status = "not_converged"
    return DescentVerdict(**{**verdict.__dict__, "status": status})


def _oscillating(path: FloatArray, records: tuple[DescentStep, ...], window: int = 4) -> bool:
    """The last ``window`` steps reverse direction each time and |∇f| does not shrink by 1%."""
    if len(path) < window + 2:
        return False
    moves = np.diff(path[-(window + 1) :], axis=0)
    turns = np.sum(moves[1:] * moves[:-1], axis=1)
    first, last = records[-(window + 1)].grad_norm, records[-1].grad_norm
    return bool(np.all(turns < 0) and last >= 0.99 * first)


def nearest_stationary(
    point: Any, stationary: tuple[StationaryPoint, ...], tolerance: float = 1e-3
) -> StationaryPoint | None:
    """The stationary point within ``tolerance`` of ``point``, if any: where descent stopped.

    Gradient descent stops wherever ∇f = 0 (§4.4): at the global minimum, but also at a local
    minimum or (when it starts exactly on the ridge) at a saddle point.
    """
    p = np.asarray(point, dtype=np.float64).reshape(-1)
    if p.shape != (2,) or not np.all(np.isfinite(p)):
        return None
    for candidate in stationary:
        if math.hypot(p[0] - candidate.x0, p[1] - candidate.x1) <= tolerance:
            return candidate
    return None


class DescentPlayer:
    """Steps through a :class:`DescentRun` for an animation: position 0 … run.steps.

    Qt-free; a timer only calls :meth:`step`.
    """

    def __init__(self, run: DescentRun, position: int | None = None) -> None:
        self.run = run
        self.position = run.steps if position is None else min(max(int(position), 0), run.steps)

    @property
    def at_end(self) -> bool:
        return self.position >= self.run.steps

    def step(self) -> bool:
        """Advance one step; False (and nothing changes) at the end."""
        if self.at_end:
            return False
        self.position += 1
        return True

    def reset(self) -> None:
        self.position = 0

    def to_end(self) -> None:
        self.position = self.run.steps

    def replace_run(self, run: DescentRun) -> None:
        """Use a recomputed run, keeping the position (clamped to its length)."""
        self.run = run
        self.position = min(self.position, run.steps)

    @property
    def visible_path(self) -> FloatArray:
        """The points up to and including the current one."""
        return self.run.path[: self.position + 1]

    @property
    def current(self) -> DescentStep:
        return self.run.records[self.position]

    def verdict(self) -> DescentVerdict:
        return self.run.verdict_at(self.position)


# --- why not solve ∇L = 0? --------------------------------------------------------------------


@dataclass(frozen=True)
class ClosedFormContrast:
    """The numbers of the "why not solve ∇L = 0 directly?" panel (§4.2.5, §4.4).

    Attributes
    ----------
    quadratic : (float, float, float)
        a, b, c of the book's function_1, f(x) = a·x² + b·x + c (§4.3.2).
    minimiser : float
        Where f'(x) = 2a·x + b = 0: x = −b / 2a = −5, found in one line.
    minimum : float
        f there: −0.25.
    layer_sizes : (int, int, int)
        The book's TwoLayerNet for MNIST: 784-50-10 (§4.5).
    param_shapes : dict
        W1 (784, 50), b1 (50,), W2 (50, 10), b2 (10,).
    param_count : int
        39 760 unknowns: ∇L = 0 is 39 760 coupled non-linear equations.
    loss_evaluations_per_step : int
        2 × 39 760 = 79 520: what one numerical gradient costs (§4.5).
    hessian_entries : int
        39 760²: the entries of the matrix of second derivatives that Newton's method would need.
    stationary : tuple of StationaryPoint
        ∇f = 0 on the non-convex double well: a global minimum, a local one and a saddle point,
        all equally "solutions".
    """

    quadratic: tuple[float, float, float]
    minimiser: float
    minimum: float
    layer_sizes: tuple[int, int, int]
    param_shapes: dict[str, tuple[int, ...]]
    param_count: int
    loss_evaluations_per_step: int
    hessian_entries: int
    stationary: tuple[StationaryPoint, ...]


def closed_form_contrast() -> ClosedFormContrast:
    """One equation with a closed form against the 39 760 of a TwoLayerNet (§4.2.5)."""
    a, b, c = 0.01, 0.1, 0.0
    f = DERIVATIVE_PRESETS["function_1"].function()
    minimiser = -b / (2 * a)
    net = TwoLayerNet(784, 50, 10)
    count = int(net.param_count)
    return ClosedFormContrast(
        quadratic=(a, b, c),
        minimiser=minimiser,
        minimum=float(f(minimiser)),
        layer_sizes=(784, 50, 10),
        param_shapes=net.param_shapes(),
        param_count=count,
        loss_evaluations_per_step=2 * count,
        hessian_entries=count * count,
        stationary=PRESETS_BY_ID["double_well"].stationary,
    )
