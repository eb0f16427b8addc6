"""Perceptrons, logic gates and the decision line (§2.3–2.5), under the book's names.

A perceptron with inputs x1, x2, weights w1, w2 and bias b outputs

    y = 1 if w1·x1 + w2·x2 + b > 0, else 0                    (§2.3.2, the bias form)
    y = 1 if w1·x1 + w2·x2 > θ,     else 0  with θ = -b       (§2.3.1, the threshold form)

The points where w1·x1 + w2·x2 + b = 0 form a straight line, the *decision line*; the perceptron
fires on one side of it. This module turns that line into plain data a plot can draw (the line's
equation, its segment inside a view, the firing part of the view as a polygon) and answers the
question of §2.4: how many of the four rows of a truth table can a single line get right?
Nothing here builds sentences; the GUI words the records.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

import numpy as np

from core._checks import FloatArray, IntArray, as_array, require_nonempty

#: The four input rows of a two-input truth table, in the book's order (§2.3).
INPUTS: IntArray = np.array([[0, 0], [1, 0], [0, 1], [1, 1]], dtype=int)
INPUTS.setflags(write=False)

Weights = tuple[float, float, float]
Labels = tuple[int, int, int, int]

#: The book's weights (w1, w2, b) for the gates that one perceptron can build (§2.3.3).
GATES: dict[str, Weights] = {
    "AND": (0.5, 0.5, -0.7),
    "NAND": (-0.5, -0.5, 0.7),
    "OR": (0.5, 0.5, -0.2),
}

#: The truth tables' outputs y for the rows of :data:`INPUTS` (§2.2, §2.5).
GATE_TARGETS: dict[str, Labels] = {
    "AND": (0, 0, 0, 1),
    "NAND": (1, 1, 1, 0),
    "OR": (0, 1, 1, 1),
    "XOR": (0, 1, 1, 0),
}


# --- §2.3 the perceptron ------------------------------------------------------------------------


def weighted_sum(x: Any, w: Any, b: float) -> float | FloatArray:
    """The value w·x + b the perceptron compares with 0 (§2.3.2).

    Parameters
    ----------
    x : array_like, shape (n,) or (..., n)
        One input row or several (e.g. :data:`INPUTS`).
    w : array_like, shape (n,)
        The weights.
    b : float
        The bias.

    Returns
    -------
    float or ndarray
        A float for one row, one value per row otherwise. Computed as ``np.sum(w * x) + b``, so
        AND's row (1, 1) gives 0.30000000000000004, as it prints in the book.
    """
    xs = _as_inputs(x)
    ws = _as_weight_vector(w, xs.shape[-1])
    bias = _finite(b, "b")
    s = np.sum(xs * ws, axis=-1) + bias
    return float(s) if np.ndim(s) == 0 else s


def perceptron(x: Any, w: Any, b: float) -> int | IntArray:
    """Perceptron output y = 1 if w·x + b > 0, else 0 (§2.3.2), for one row or row by row.

    Returns an ``int`` for one input row (shape (n,)), an int array for several.
    """
    y = (np.asarray(weighted_sum(x, w, b)) > 0).astype(int)
    return int(y) if y.ndim == 0 else y


def threshold_perceptron(x: Any, w: Any, theta: float) -> int | IntArray:
    """Perceptron in the threshold form y = 1 if w·x > θ, else 0 (§2.3.1).

    The same output as :func:`perceptron` with b = -θ: the inequality w·x > θ is w·x - θ > 0.
    """
    t = _finite(theta, "theta")
    xs = _as_inputs(x)
    ws = _as_weight_vector(w, xs.shape[-1])
    y = (np.sum(xs * ws, axis=-1) > t).astype(int)
    return int(y) if y.ndim == 0 else y


def theta_from_bias(b: float) -> float:
    """The threshold θ = -b of the §2.3.1 form, from the bias b of §2.3.2."""
    return -_finite(b, "b") + 0.0  # + 0.0 turns -0.0 into 0.0


def bias_from_theta(theta: float) -> float:
    """The bias b = -θ of the §2.3.2 form, from the threshold θ of §2.3.1."""
    return -_finite(theta, "theta") + 0.0


# --- §2.3.3 and §2.5.2 the logic gates -------------------------------------------------------


def _gate(name: str, x1: Any, x2: Any) -> int | IntArray:
    w1, w2, b = GATES[name]
    x = np.stack([as_array(x1, "x1"), as_array(x2, "x2")], axis=-1)
    return perceptron(x, (w1, w2), b)


def AND(x1: Any, x2: Any) -> int | IntArray:
    """AND gate: a perceptron with (w1, w2, b) = (0.5, 0.5, -0.7) (§2.3.3)."""
    return _gate("AND", x1, x2)


def NAND(x1: Any, x2: Any) -> int | IntArray:
    """NAND gate: a perceptron with (w1, w2, b) = (-0.5, -0.5, 0.7) (§2.3.3)."""
    return _gate("NAND", x1, x2)


def OR(x1: Any, x2: Any) -> int | IntArray:
    """OR gate: a perceptron with (w1, w2, b) = (0.5, 0.5, -0.2) (§2.3.3)."""
    return _gate("OR", x1, x2)


def XOR(x1: Any, x2: Any) -> int | IntArray:
    """XOR gate as two layers: XOR(x1, x2) = AND(NAND(x1, x2), OR(x1, x2)) (§2.5.2)."""
    return AND(NAND(x1, x2), OR(x1, x2))


# --- truth tables --------------------------------------------------------------------------------


@dataclass(frozen=True)
class TruthRow:
    """One row of a perceptron's truth table; ``target`` and ``correct`` are None without target."""

    x1: int
    x2: int
    weighted_sum: float
    y: int
    target: int | None
    correct: bool | None


def truth_table(
    w1: float, w2: float, b: float, target: str | Sequence[int] | None = None
) -> list[TruthRow]:
    """The perceptron's output for the four rows of :data:`INPUTS` (§2.3.2).

    Parameters
    ----------
    w1, w2, b : float
        Weights and bias; each must be finite.
    target : str or sequence of 4 ints, optional
        A gate name of :data:`GATE_TARGETS` (``"AND"``, ``"NAND"``, ``"OR"``, ``"XOR"``) or the
        four wanted outputs; each row then says whether y equals the target.

    Returns
    -------
    list of TruthRow
        One record per input row, in the book's order.
    """
    sums = weighted_sum(INPUTS, (w1, w2), b)
    ys = (sums > 0).astype(int)
    wanted = None if target is None else target_labels(target)
    rows = []
    for i, (x1, x2) in enumerate(INPUTS.tolist()):
        t = None if wanted is None else wanted[i]
        rows.append(
            TruthRow(
                x1=x1,
                x2=x2,
                weighted_sum=float(sums[i]),
                y=int(ys[i]),
                target=t,
                correct=None if t is None else bool(ys[i] == t),
            )
        )
    return rows


def matches(w1: float, w2: float, b: float, target: str | Sequence[int]) -> int:
    """How many of the four rows the perceptron (w1, w2, b) gets right for ``target``."""
    return sum(bool(row.correct) for row in truth_table(w1, w2, b, target))


def target_labels(target: str | Sequence[int]) -> Labels:
    """The four wanted outputs: a gate name of :data:`GATE_TARGETS` or four 0/1 values."""
    if isinstance(target, str):
        if target not in GATE_TARGETS:
            names = ", ".join(GATE_TARGETS)
            raise ValueError(f"unknown target {target!r}; use one of {names} or four 0/1 values")
        return GATE_TARGETS[target]
    arr = as_array(target, "target")
    if arr.shape != (4,) or not np.all((arr == 0) | (arr == 1)):
        raise ValueError(f"target must hold four outputs, each 0 or 1; got {arr.tolist()!r}")
    a, b, c, d = (int(v) for v in arr)
    return (a, b, c, d)


# --- the decision line w1·x1 + w2·x2 + b = 0 ------------------------------------------------------

LineKind = Literal["slope", "vertical", "none"]
Side = Literal["above", "below", "right", "left", "everywhere", "nowhere"]


@dataclass(frozen=True)
class DecisionLine:
    """The line w1·x1 + w2·x2 + b = 0 and the side of it where the perceptron fires.

    Attributes
    ----------
    kind : {"slope", "vertical", "none"}
        ``"slope"``: x2 = slope·x1 + intercept (w2 ≠ 0). ``"vertical"``: x1 = x1_value (w2 = 0,
        w1 ≠ 0). ``"none"``: w1 = w2 = 0, there is no line and the output is ``constant``.
    normal : (float, float)
        The normal vector (w1, w2); it points into the half-plane where y = 1.
    side : {"above", "below", "right", "left", "everywhere", "nowhere"}
        Where y = 1: above/below the sloped line (w2 > 0 / w2 < 0), right/left of the vertical
        one (w1 > 0 / w1 < 0), or everywhere/nowhere when there is no line.
    """

    kind: LineKind
    normal: tuple[float, float]
    side: Side
    slope: float | None = None
    intercept: float | None = None
    x1_value: float | None = None
    constant: int | None = None


def decision_line(w1: float, w2: float, b: float) -> DecisionLine:
    """Describe the decision line w1·x1 + w2·x2 + b = 0 of a perceptron (§2.4.1).

    Solving for x2 gives x2 = -(w1/w2)·x1 - b/w2 when w2 ≠ 0; when w2 = 0 the line is vertical,
    x1 = -b/w1; when w1 = w2 = 0 there is no line: w·x + b = b everywhere, so the output is 1
    everywhere if b > 0 and 0 everywhere otherwise.
    """
    w1, w2, b = _finite(w1, "w1"), _finite(w2, "w2"), _finite(b, "b")
    normal = (w1, w2)
    if w2 != 0:
        return DecisionLine(
            kind="slope",
            normal=normal,
            side="above" if w2 > 0 else "below",
            slope=-w1 / w2 + 0.0,
            intercept=-b / w2 + 0.0,
        )
    if w1 != 0:
        return DecisionLine(
            kind="vertical",
            normal=normal,
            side="right" if w1 > 0 else "left",
            x1_value=-b / w1 + 0.0,
        )
    fires = b > 0
    return DecisionLine(
        kind="none", normal=normal, side="everywhere" if fires else "nowhere", constant=int(fires)
    )


def line_segment(
    w1: float, w2: float, b: float, xlim: tuple[float, float], ylim: tuple[float, float]
) -> FloatArray | None:
    """The part of the line w1·x1 + w2·x2 + b = 0 inside the view rectangle, as two end points.

    Parameters
    ----------
    w1, w2, b : float
        Weights and bias.
    xlim, ylim : (float, float)
        The view rectangle [x_min, x_max] × [y_min, y_max].

    Returns
    -------
    ndarray of shape (2, 2) or None
        The end points ``[[x1, x2], [x1, x2]]``, or None when there is no line (w1 = w2 = 0) or it
        misses the rectangle (touching a single corner counts as missing).
    """
    w1, w2, b = _finite(w1, "w1"), _finite(w2, "w2"), _finite(b, "b")
    lo, hi = _check_box(xlim, ylim)
    norm2 = w1 * w1 + w2 * w2
    if norm2 == 0:
        return None
    # the point of the line nearest the origin, and the direction along the line (Liang–Barsky)
    p = np.array([-b * w1 / norm2, -b * w2 / norm2])
    d = np.array([-w2, w1])
    t_lo, t_hi = -math.inf, math.inf
    for axis in (0, 1):
        if d[axis] == 0:
            if not lo[axis] <= p[axis] <= hi[axis]:
                return None
            continue
        t1 = (lo[axis] - p[axis]) / d[axis]
        t2 = (hi[axis] - p[axis]) / d[axis]
        t_lo, t_hi = max(t_lo, min(t1, t2)), min(t_hi, max(t1, t2))
    if not t_lo < t_hi:
        return None
    return np.array([p + t_lo * d, p + t_hi * d])


def firing_polygon(
    w1: float, w2: float, b: float, xlim: tuple[float, float], ylim: tuple[float, float]
) -> FloatArray:
    """The part of the view rectangle where w1·x1 + w2·x2 + b > 0, as a polygon (§2.4.1).

    The rectangle is clipped by the half-plane (one step of Sutherland–Hodgman): walking round the
    corners, a corner inside is kept and an edge that crosses the line adds the crossing point.

    Returns
    -------
    ndarray of shape (k, 2)
        The polygon's corners counter-clockwise, k ≤ 5; shape (0, 2) when nothing fires. With
        w1 = w2 = 0 it is the whole rectangle if b > 0, else empty.
    """
    w1, w2, b = _finite(w1, "w1"), _finite(w2, "w2"), _finite(b, "b")
    lo, hi = _check_box(xlim, ylim)
    corners = [(lo[0], lo[1]), (hi[0], lo[1]), (hi[0], hi[1]), (lo[0], hi[1])]
    values = [w1 * x + w2 * y + b for x, y in corners]
    out: list[tuple[float, float]] = []
    for i, (p, fp) in enumerate(zip(corners, values, strict=True)):
        q, fq = corners[(i + 1) % 4], values[(i + 1) % 4]
        if fp > 0:
            out.append(p)
        if (fp > 0) != (fq > 0):  # the edge crosses the line; fp ≠ fq here
            t = fp / (fp - fq)
            out.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
    # a corner exactly on the line is reached twice (as a crossing at t = 0 or 1): keep it once
    kept = [v for i, v in enumerate(out) if v != out[i - 1]] if len(out) > 1 else out
    return np.array(kept, dtype=float).reshape(-1, 2)


# --- §2.4–2.5 XOR: no single line, but two layers ------------------------------------------------


@dataclass(frozen=True)
class XorRow:
    """One row of the two-layer XOR of §2.5.2: s1 = NAND(x1, x2), s2 = OR(x1, x2), y = AND(s1, s2)."""

    x1: int
    x2: int
    s1: int
    s2: int
    y: int


def xor_two_layer() -> list[XorRow]:
    """The truth table of XOR built from two layers of perceptrons, with s1 and s2 (§2.5.2)."""
    rows = []
    for x1, x2 in INPUTS.tolist():
        s1, s2 = int(NAND(x1, x2)), int(OR(x1, x2))
        rows.append(XorRow(x1=x1, x2=x2, s1=s1, s2=s2, y=int(AND(s1, s2))))
    return rows


@cache
def separable_labelings() -> frozenset[Labels]:
    """The 14 labellings of :data:`INPUTS` that one perceptron can produce (§2.4).

    Every one is found with w1, w2 ∈ {-1, 0, 1} and b ∈ {-1.5, -0.5, 0.5, 1.5}: the constants
    (w = 0), one corner on (e.g. (1, 1, -1.5)), two neighbouring corners (one input alone, e.g.
    (1, 0, -0.5)) and, because w·x is an integer and b is not, the exact complements of these by
    negating (w1, w2, b). The other two labellings, XOR and XNOR, are impossible: XOR would need
    b ≤ 0, w1 + b > 0, w2 + b > 0 and w1 + w2 + b ≤ 0, but the middle two add up to
    w1 + w2 + b > -b ≥ 0. XNOR is the same argument with every inequality reversed. So the grid
    finds exactly the linearly separable labellings.
    """
    found = set()
    for w1 in (-1, 0, 1):
        for w2 in (-1, 0, 1):
            for b in (-1.5, -0.5, 0.5, 1.5):
                a, c, d, e = (int(v) for v in perceptron(INPUTS, (w1, w2), b))
                found.add((a, c, d, e))
    return frozenset(found)


def is_linearly_separable(target: str | Sequence[int]) -> bool:
    """True when one straight line can separate the target's 1s from its 0s (§2.4.2)."""
    return target_labels(target) in separable_labelings()


def best_single_line_for(target: str | Sequence[int]) -> int:
    """The most of the four rows any single perceptron can get right for ``target`` (§2.4).

    4 for AND, NAND and OR; 3 for XOR, which no line separates (see
    :func:`separable_labelings`): the best lines, such as OR's, miss one row.
    """
    wanted = target_labels(target)
    return max(
        sum(a == t for a, t in zip(lab, wanted, strict=True)) for lab in separable_labelings()
    )


# --- checks --------------------------------------------------------------------------------------


def _finite(value: Any, name: str) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number, got {value!r}") from None
    if not math.isfinite(v):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return v


def _as_inputs(x: Any) -> FloatArray | IntArray:
    xs = as_array(x, "x")
    require_nonempty(xs, "x")
    if xs.ndim == 0:
        raise ValueError("x must be one input row (x1, x2, ...) or a 2-D array of rows")
    if not np.all(np.isfinite(xs)):
        raise ValueError(f"x must hold finite numbers, got {xs.tolist()!r}")
    return xs


def _as_weight_vector(w: Any, n: int) -> FloatArray:
    ws = as_array(w, "w").astype(float)
    if ws.shape != (n,):
        raise ValueError(f"w must hold {n} weights, one per input, got shape {ws.shape}")
    if not np.all(np.isfinite(ws)):
        raise ValueError(f"w must hold finite numbers, got {ws.tolist()!r}")
    return ws


def _check_box(
    xlim: tuple[float, float], ylim: tuple[float, float]
) -> tuple[tuple[float, float], tuple[float, float]]:
    x0, x1 = _finite(xlim[0], "xlim[0]"), _finite(xlim[1], "xlim[1]")
    y0, y1 = _finite(ylim[0], "ylim[0]"), _finite(ylim[1], "ylim[1]")
    if not (x0 < x1 and y0 < y1):
        raise ValueError(
            f"the view needs xlim[0] < xlim[1] and ylim[0] < ylim[1], got {xlim}, {ylim}"
        )
    return (x0, y0), (x1, y1)
