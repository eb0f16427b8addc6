"""The activation functions of §3.2 as a table for plots, and NumPy's own printout of them.

Nothing here re-implements an activation: every entry calls :mod:`core.functions`. The table adds
what a view needs on top of that — which parameters a function takes, the book's name for it —
and :func:`evaluate` turns any entry into float curves (y, dy) on a grid from :func:`grid`.

:func:`step_function_steps` and :func:`outputs_as_printed` return the strings NumPy itself prints,
so a learner can compare the app with their own Python session character by character (§3.2.3).
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import numpy as np
import numpy.typing as npt

from core import functions as F
from core._checks import FloatArray, IntArray, as_float_array, require_nonempty

#: Bounds of :func:`grid`: how many points and how far from 0 a plot range may go.
GRID_MAX_POINTS = 100_001
GRID_MAX_ABS = 1e6
GRID_MIN_SPAN = 1e-9

#: The sigmoid's gain a and leaky ReLU's slope α must stay within these bounds.
GAIN_RANGE = (1e-6, 1e6)
ALPHA_RANGE = (0.0, 1.0)

#: NumPy prints arrays with more elements than this in short form, with ``...`` in the middle …
PRINT_THRESHOLD = 1000
#: … showing this many elements at each end.
PRINT_EDGEITEMS = 3

#: NumPy's default print options, fixed so that a changed global setting cannot alter the output.
_PRINT_OPTIONS: dict[str, Any] = {
    "precision": 8,
    "threshold": PRINT_THRESHOLD,
    "edgeitems": PRINT_EDGEITEMS,
    "linewidth": 75,
    "suppress": False,
    "floatmode": "maxprec",
    "sign": "-",
    "legacy": False,
}


# --- the table ---------------------------------------------------------------------------------


def _sigmoid_with_gain(x: Any, gain: float = 1.0) -> FloatArray:
    """h(x) = sigmoid(a·x) = 1 / (1 + exp(-a·x)) (§3.2.4); a → ∞ gives the step function."""
    return F.sigmoid(gain * as_float_array(x, "x"))


def _sigmoid_with_gain_grad(x: Any, gain: float = 1.0) -> FloatArray:
    """h'(x) = a·h(x)(1 - h(x)) by the chain rule on sigmoid(a·x)."""
    return gain * F.sigmoid_grad(gain * as_float_array(x, "x"))


@dataclass(frozen=True)
class Activation:
    """One activation function with its derivative (§3.2).

    Attributes
    ----------
    id : str
        The key in :data:`ACTIVATIONS`.
    book_name : str
        What the book's (or NumPy's) code calls it, e.g. ``"step_function"`` or ``"np.tanh"``.
    function, derivative : callable
        ``function(x, **params)`` and ``derivative(x, **params)``; both call :mod:`core.functions`.
    params : tuple of str
        The keyword parameters both accept (``"gain"`` for the sigmoid, ``"alpha"`` for leaky ReLU).
    """

    id: str
    book_name: str
    function: Callable[..., npt.NDArray[Any]]
    derivative: Callable[..., FloatArray]
    params: tuple[str, ...] = ()


ACTIVATIONS: Mapping[str, Activation] = MappingProxyType(
    {
        a.id: a
        for a in (
            Activation("step", "step_function", F.step_function, F.step_grad),
            Activation(
                "sigmoid", "sigmoid", _sigmoid_with_gain, _sigmoid_with_gain_grad, ("gain",)
            ),
            Activation("tanh", "np.tanh", F.tanh, F.tanh_grad),
            Activation("relu", "relu", F.relu, F.relu_grad),
            Activation("leaky_relu", "leaky_relu", F.leaky_relu, F.leaky_relu_grad, ("alpha",)),
            Activation("identity", "identity_function", F.identity_function, F.identity_grad),
        )
    }
)


def activation(name: str) -> Activation:
    """The entry ``name`` of :data:`ACTIVATIONS`, or a ``ValueError`` listing the valid names."""
    try:
        return ACTIVATIONS[name]
    except KeyError:
        known = ", ".join(ACTIVATIONS)
        raise ValueError(f"unknown activation {name!r}; choose one of {known}") from None


def evaluate(
    name: str, x: Any, *, gain: float = 1.0, alpha: float = 0.01
) -> tuple[FloatArray, FloatArray]:
    """Activation ``name`` and its derivative at ``x``, both as float64 arrays (§3.2).

    Parameters
    ----------
    name : str
        A key of :data:`ACTIVATIONS`.
    x : array_like
        Where to evaluate.
    gain : float
        The sigmoid's a in h(x) = 1 / (1 + exp(-a·x)); ignored by the other functions.
    alpha : float
        Leaky ReLU's slope α for x ≤ 0; ignored by the other functions.

    Returns
    -------
    y, dy : ndarray
        h(x) and h'(x); the step function's integer 0/1 output is returned as float.
    """
    act = activation(name)
    kwargs = _params_for(act, gain, alpha)
    xs = as_float_array(x, "x").astype(np.float64, copy=False)
    y = np.asarray(act.function(xs, **kwargs), dtype=np.float64)
    dy = np.asarray(act.derivative(xs, **kwargs), dtype=np.float64)
    return y, dy


def grid(x_min: float, x_max: float, n: int = 801) -> FloatArray:
    """``n`` evenly spaced points from ``x_min`` to ``x_max`` (both included) for a plot.

    Raises ``ValueError`` when an end is not a finite number, ``x_min`` is not below ``x_max``,
    an end lies beyond ±1e6, the span is below 1e-9, or ``n`` is not an integer in 2 … 100 001.
    """
    lo, hi = float(x_min), float(x_max)
    if not (math.isfinite(lo) and math.isfinite(hi)):
        raise ValueError(f"the x range must have finite ends, got {x_min!r} … {x_max!r}")
    if lo >= hi:
        raise ValueError(f"x_min must be less than x_max, got {lo:g} ≥ {hi:g}")
    if max(abs(lo), abs(hi)) > GRID_MAX_ABS:
        raise ValueError(f"the x range must lie within ±{GRID_MAX_ABS:g}, got {lo:g} … {hi:g}")
    if hi - lo < GRID_MIN_SPAN:
        raise ValueError(f"the x range is too narrow ({hi - lo:g}); it needs ≥ {GRID_MIN_SPAN:g}")
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)):
        raise ValueError(f"n must be an integer, got {n!r}")
    if not 2 <= n <= GRID_MAX_POINTS:
        raise ValueError(f"n must be 2 … {GRID_MAX_POINTS}, got {n}")
    return np.linspace(lo, hi, int(n))


def _params_for(act: Activation, gain: float, alpha: float) -> dict[str, float]:
    """The checked keyword parameters that ``act`` accepts."""
    kwargs: dict[str, float] = {}
    if "gain" in act.params:
        kwargs["gain"] = _check_in_range(gain, "gain a", GAIN_RANGE)
    if "alpha" in act.params:
        kwargs["alpha"] = _check_in_range(alpha, "slope α", ALPHA_RANGE)
    return kwargs


def _check_in_range(value: float, name: str, bounds: tuple[float, float]) -> float:
    v = float(value)
    lo, hi = bounds
    if not (math.isfinite(v) and lo <= v <= hi):
        raise ValueError(f"{name} must lie in {lo:g} … {hi:g}, got {value!r}")
    return v


# --- §3.2.3: what NumPy prints -------------------------------------------------------------


def array_str(a: npt.NDArray[Any]) -> str:
    """``a`` exactly as ``print(a)`` shows it with NumPy's default print options."""
    with np.printoptions(**_PRINT_OPTIONS):
        return np.array2string(np.asarray(a), separator=" ")


def array_repr(a: npt.NDArray[Any]) -> str:
    """``a`` exactly as the interactive prompt echoes it (``repr``), with the default options."""
    with np.printoptions(**_PRINT_OPTIONS):
        return repr(np.asarray(a))


def array_source(a: npt.NDArray[Any]) -> str:
    """Python code for the 1-D float array ``a``: ``np.array([-1.0, 1.0, 2.0])``.

    Each number is Python's shortest exact form (``repr(float)``); more than 1000 numbers are
    shortened to the first and last three with ``...`` between, as NumPy shortens its printout.
    """
    values = np.asarray(a, dtype=np.float64).reshape(-1)
    edge = _PRINT_OPTIONS["edgeitems"]
    if values.size > _PRINT_OPTIONS["threshold"]:
        parts = [*map(_float_source, values[:edge]), "...", *map(_float_source, values[-edge:])]
    else:
        parts = [_float_source(v) for v in values]
    return f"np.array([{', '.join(parts)}])"


def _float_source(v: float) -> str:
    text = repr(float(v))
    return {"inf": "np.inf", "-inf": "-np.inf", "nan": "np.nan"}.get(text, text)


@dataclass(frozen=True)
class StepSteps:
    """The step function on arrays, one NumPy operation at a time (§3.2.3).

    Attributes
    ----------
    x : ndarray
        The input as a float array.
    mask : ndarray of bool
        ``x > 0``.
    y : ndarray of int
        ``(x > 0).astype(int)``, i.e. ``step_function(x)``.
    x_source : str
        Python code that builds ``x``: ``np.array([-1.0, 1.0, 2.0])`` (long arrays shortened with
        ``...`` like NumPy's printout).
    x_str, mask_str, y_str : str
        The three arrays as ``print()`` shows them: ``[-1.  1.  2.]``, ``[False  True  True]``,
        ``[0 1 1]``.
    x_repr, mask_repr, y_repr : str
        The same as the prompt echoes them: ``array([-1.,  1.,  2.])`` …
    size : int
        The number of elements.
    summarized : bool
        True when NumPy shortens the printout with ``...`` (more than 1000 elements).
    if_error : str or None
        The ``ValueError`` message NumPy raises for ``if x > 0:`` on this array, or None when the
        ``if`` works (a single element).
    if_value : bool or None
        ``bool(x > 0)`` when the ``if`` works, else None.
    """

    x: FloatArray
    mask: npt.NDArray[np.bool_]
    y: IntArray
    x_source: str
    x_str: str
    mask_str: str
    y_str: str
    x_repr: str
    mask_repr: str
    y_repr: str
    size: int
    summarized: bool
    if_error: str | None
    if_value: bool | None


def step_function_steps(x: Any) -> StepSteps:
    """Record ``x > 0`` → bool array → ``.astype(int)`` for ``x`` (§3.2.3).

    ``x`` must be a non-empty array of real numbers; integers and bools are shown as floats, the
    way ``np.array([-1.0, 1.0, 2.0])`` holds them.
    """
    xs = as_float_array(x, "x").astype(np.float64, copy=True)
    require_nonempty(xs, "x")
    mask = xs > 0
    y = mask.astype(int)
    if_error, if_value = truth_value_of(mask)
    return StepSteps(
        x=xs,
        mask=mask,
        y=y,
        x_source=array_source(xs),
        x_str=array_str(xs),
        mask_str=array_str(mask),
        y_str=array_str(y),
        x_repr=array_repr(xs),
        mask_repr=array_repr(mask),
        y_repr=array_repr(y),
        size=int(xs.size),
        summarized=xs.size > _PRINT_OPTIONS["threshold"],
        if_error=if_error,
        if_value=if_value,
    )


def truth_value_of(condition: npt.NDArray[Any]) -> tuple[str | None, bool | None]:
    """What ``if condition:`` does: ``(None, value)`` when it works, ``(message, None)`` when not.

    The message is the one NumPy itself raises (found by trying), e.g. "The truth value of an
    array with more than one element is ambiguous. Use a.any() or a.all()".
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an empty array warns in older NumPy: treat it as failing
        try:
            return None, bool(np.asarray(condition))
        except (ValueError, DeprecationWarning) as exc:
            return str(exc), None


def outputs_as_printed(x: Any, *, gain: float = 1.0, alpha: float = 0.01) -> dict[str, str]:
    """Each activation of ``x`` as ``print()`` shows it, keyed like :data:`ACTIVATIONS`.

    The step function keeps its integer output (``[0 1 1]``); the sigmoid of [-1, 1, 2] prints as
    ``[0.26894142 0.73105858 0.88079708]``, as in the book.
    """
    xs = as_float_array(x, "x")
    require_nonempty(xs, "x")
    return {
        act.id: array_str(act.function(xs, **_params_for(act, gain, alpha)))
        for act in ACTIVATIONS.values()
    }


__all__ = [
    "ACTIVATIONS",
    "GRID_MAX_ABS",
    "GRID_MAX_POINTS",
    "GRID_MIN_SPAN",
    "PRINT_EDGEITEMS",
    "PRINT_THRESHOLD",
    "Activation",
    "StepSteps",
    "activation",
    "array_repr",
    "array_source",
    "array_str",
    "evaluate",
    "grid",
    "outputs_as_printed",
    "step_function_steps",
    "truth_value_of",
]
