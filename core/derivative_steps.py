"""Numerical differentiation worked out: forward against central differences as h shrinks (§4.3).

The data behind the §4.3 views:

* :data:`PRESETS`: the book's f(x) = 0.01x² + 0.1x (``function_1``, §4.3.2) and a few others,
  each with its exact derivative written in the same formula language (:mod:`core.expressions`);
* :func:`derivative_at`: at one x and one h, the forward difference (f(x + h) − f(x)) / h and the
  central difference (f(x + h) − f(x − h)) / 2h, their errors against the exact derivative, the
  tangent line from the central difference and the secant through (x, f(x)) and (x + h, f(x + h));
* :func:`error_vs_h`: both errors for h from 1e-1 to 1e-16, the "U" of a log-log plot: on the right
  the truncation error of the formula (∝ h for forward, ∝ h² for central), on the left rounding
  error, because f(x + h) and f(x) agree in almost every digit and their difference is mostly
  noise that dividing by h blows up;
* :func:`zoom_view`: f near x in units of h, where that noise becomes visible as steps;
* :func:`float32_underflow_example`: why the book's "bad example" h = 1e-50 gives 0.0.

Every computation can run in float64 (NumPy's default) or float32: x, h and every operation are
then float32, so rounding error takes over at a larger h and the U moves to the right.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final, Literal, NamedTuple

import numpy as np
import numpy.typing as npt

from core._checks import FloatArray
from core.expressions import Expression, parse_function
from core.gradient import H, numerical_diff_forward

DType = Literal["float64", "float32"]
BoolArray = npt.NDArray[np.bool_]

#: The precisions the views offer.
DTYPES: Final[tuple[DType, ...]] = ("float64", "float32")

#: The exponents k of the slider's steps h = 10^-k (§4.3.1 recommends 1e-4).
H_EXPONENTS: Final = range(1, 17)

#: x of the book's example (§4.3.2): the slope of function_1 at 5 is 0.2, at 10 it is 0.3.
BOOK_X: Final = 5.0


def h_from_exponent(k: int) -> float:
    """h = 10^-k, exactly the float ``1e-k`` (``np.power(10.0, -5)`` is not)."""
    return float(f"1e-{int(k)}")


@dataclass(frozen=True)
class DerivativePreset:
    """A function of §4.3 with its exact derivative, both in the formula language.

    Attributes
    ----------
    id : str
        A stable name for settings and the GUI's translated titles.
    expression, derivative : str
        f(x) and f'(x) as text, read by :func:`core.expressions.parse_function`.
    default_x : float
        Where the point starts.
    x_range : (float, float)
        The x range to plot.
    """

    id: str
    expression: str
    derivative: str
    default_x: float
    x_range: tuple[float, float]

    def function(self) -> Expression:
        """f as a vectorised function."""
        return parse_function(self.expression)

    def exact(self) -> Expression:
        """f' as a vectorised function: nan where the derivative does not exist."""
        return parse_function(self.derivative)


#: The presets, the book's function first.
PRESETS: Final[tuple[DerivativePreset, ...]] = (
    DerivativePreset("function_1", "0.01*x^2 + 0.1*x", "0.02*x + 0.1", BOOK_X, (0.0, 20.0)),
    DerivativePreset("square", "x^2", "2*x", 1.0, (-3.0, 3.0)),
    DerivativePreset("sin", "sin(x)", "cos(x)", 1.0, (-6.5, 6.5)),
    DerivativePreset("exp", "exp(x)", "exp(x)", 1.0, (-3.0, 3.0)),
    DerivativePreset("reciprocal", "1/x", "-1/x^2", 1.0, (-4.0, 4.0)),
    # x/|x| is nan at 0: |x| has a corner there and no derivative (the ReLU kink, §3.2.7)
    DerivativePreset("abs", "abs(x)", "x/abs(x)", 0.0, (-2.0, 2.0)),
)
PRESETS_BY_ID: Final[dict[str, DerivativePreset]] = {p.id: p for p in PRESETS}


class Line(NamedTuple):
    """The straight line y = slope·t + intercept."""

    slope: float
    intercept: float

    def at(self, t: Any) -> Any:
        return self.slope * np.asarray(t, dtype=np.float64) + self.intercept


class StepError(ValueError):
    """A step h or point x that cannot be used; ``reason`` is ``'h_not_positive'``,
    ``'h_not_finite'`` or ``'x_not_finite'`` for the GUI's translated message."""

    def __init__(self, message: str, reason: str, value: float) -> None:
        super().__init__(message)
        self.reason = reason
        self.value = value

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.args[0], self.reason, self.value))


@dataclass(frozen=True)
class DerivativeAt:
    """Forward and central differences of f at x with step h, and how far off they are (§4.3.1).

    Attributes
    ----------
    x, h : float
        As asked for.
    dtype : str
        ``'float64'`` or ``'float32'``: the precision every step was computed in.
    h_used : float
        h as that precision holds it (``np.float32(1e-50)`` is 0.0).
    step_used : float
        (x + h) − x in that precision: the step really taken, which can differ from h.
    fx, f_plus, f_minus : float
        f(x), f(x + h), f(x − h).
    forward : float
        (f(x + h) − f(x)) / h, the forward difference (the book's "bad example").
    central : float
        (f(x + h) − f(x − h)) / 2h, the central difference (``numerical_diff``).
    exact : float or None
        f'(x) from the exact derivative (float64); None when no exact derivative was given,
        nan where it does not exist (a corner) or ±inf where it is infinite.
    forward_error, central_error : float or None
        |forward − exact| and |central − exact|; None without an exact value.
    tangent : Line
        The line through (x, f(x)) with the central difference as slope: y = f'(x)(t − x) + f(x).
    secant : Line
        The line through (x, f(x)) and (x + h, f(x + h)); its slope is the forward difference.
    step_vanished : bool
        True when x + h == x in this precision (or h itself rounds to 0): the step is lost in
        rounding and both differences are 0 (or nan when h is 0).
    undefined : bool
        True when f(x) is not a finite number: f is not defined at x.
    neighbour_undefined : bool
        True when f(x + h) or f(x − h) is not finite (x is next to a pole or a domain's edge).
    """

    x: float
    h: float
    dtype: DType
    h_used: float
    step_used: float
    fx: float
    f_plus: float
    f_minus: float
    forward: float
    central: float
    exact: float | None
    forward_error: float | None
    central_error: float | None
    tangent: Line
    secant: Line
    step_vanished: bool
    undefined: bool
    neighbour_undefined: bool

    @property
    def exact_exists(self) -> bool:
        """True when an exact derivative was given and is a finite number at x."""
        return self.exact is not None and bool(np.isfinite(self.exact))


def _dtype(dtype: Any) -> np.dtype[Any]:
    dt = np.dtype(dtype)
    if dt not in (np.dtype(np.float64), np.dtype(np.float32)):
        raise ValueError(f"dtype must be float64 or float32, got {dt}")
    return dt


def check_step(x: float, h: float) -> tuple[float, float]:
    """Return (x, h) as floats, raising :class:`StepError` unless x is finite and h finite > 0."""
    x, h = float(x), float(h)
    if not np.isfinite(x):
        raise StepError(f"x must be a finite number, got {x!r}", "x_not_finite", x)
    if not np.isfinite(h):
        raise StepError(f"h must be a finite number, got {h!r}", "h_not_finite", h)
    if h <= 0:
        raise StepError(f"h must be greater than 0, got {h!r}", "h_not_positive", h)
    return x, h


def _exact_value(exact: Callable[[Any], Any] | float | None, x: float) -> float | None:
    if exact is None:
        return None
    if callable(exact):
        with np.errstate(all="ignore"):
            return float(np.asarray(exact(np.float64(x)), dtype=np.float64))
    return float(exact)


def derivative_at(
    f: Callable[[Any], Any],
    x: float,
    h: float = H,
    *,
    dtype: DType | type = "float64",
    exact: Callable[[Any], Any] | float | None = None,
) -> DerivativeAt:
    """Forward and central differences of f at x, their errors, tangent and secant (§4.3.1–4.3.2).

    Parameters
    ----------
    f : callable
        f(x) for a NumPy scalar or array (an :class:`~core.expressions.Expression` or any
        vectorised function). It must keep float32 input float32 for ``dtype='float32'`` to mean
        anything.
    x : float
        The point.
    h : float
        The step, finite and > 0 (the book's ``h = 1e-4``).
    dtype : ``'float64'`` or ``'float32'``
        The precision of x, h and every operation.
    exact : callable, float or None
        f'(x), or a function giving it (evaluated in float64); None when unknown.

    Raises
    ------
    StepError
        When x is not finite or h is not a finite number > 0.

    In float64 the two differences are computed exactly as :func:`core.gradient.numerical_diff`
    and :func:`core.gradient.numerical_diff_forward` compute them (at x = 5 with h = 1e-4 the
    central one is 0.1999999999990898, the forward one 0.20000099999917254).
    """
    x, h = check_step(x, h)
    dt = _dtype(dtype)
    xd, hd = dt.type(x), dt.type(h)
    with np.errstate(all="ignore"):
        x_plus, x_minus = xd + hd, xd - hd
        fx = dt.type(f(xd))
        f_plus = dt.type(f(x_plus))
        f_minus = dt.type(f(x_minus))
        forward = (f_plus - fx) / hd
        central = (f_plus - f_minus) / (dt.type(2) * hd)
        step_used = float(x_plus - xd)
        exact_value = _exact_value(exact, x)
        forward_f, central_f, fx_f = float(forward), float(central), float(fx)
        tangent = Line(central_f, fx_f - central_f * x)
        secant = Line(forward_f, fx_f - forward_f * x)
        errors = (None, None)
        if exact_value is not None:
            errors = (abs(forward_f - exact_value), abs(central_f - exact_value))
    return DerivativeAt(
        x=x,
        h=h,
        dtype=dt.name,  # type: ignore[arg-type]
        h_used=float(hd),
        step_used=step_used,
        fx=fx_f,
        f_plus=float(f_plus),
        f_minus=float(f_minus),
        forward=forward_f,
        central=central_f,
        exact=exact_value,
        forward_error=errors[0],
        central_error=errors[1],
        tangent=tangent,
        secant=secant,
        step_vanished=bool(x_plus == xd or hd == 0),
        undefined=not np.isfinite(fx_f),
        neighbour_undefined=not (np.isfinite(float(f_plus)) and np.isfinite(float(f_minus))),
    )


def default_hs() -> FloatArray:
    """h = 10^-1 … 10^-16 in quarter decades (61 values, the whole powers exactly 1e-k)."""
    exponents = np.linspace(-1.0, -16.0, 61)
    return np.array([float(f"1e{round(e)}") if e == round(e) else 10.0**e for e in exponents])


@dataclass(frozen=True)
class ErrorCurve:
    """Errors of the forward and central differences against h, for a log-log plot (§4.3.1).

    Attributes
    ----------
    hs : ndarray
        The steps, largest first.
    dtype : str
        The precision used.
    forward, central : ndarray
        The differences at each h.
    forward_error, central_error : ndarray
        |difference − exact| at each h (0 where a difference happened to be exact; nan where it
        is nan).
    forward_for_log, central_for_log : ndarray
        The same with every 0, nan or inf replaced by nan, so a log scale can show them (as gaps).
    forward_zero, central_zero : ndarray of bool
        Where the error is exactly 0 (shown apart on a log scale, which has no 0).
    step_vanished : ndarray of bool
        Where x + h == x in this precision.
    best_forward_h, best_central_h : float
        The h with the smallest error (the bottom of each U; the first such h).
    best_forward_error, best_central_error : float
        That smallest error.
    """

    hs: FloatArray
    dtype: DType
    forward: FloatArray
    central: FloatArray
    forward_error: FloatArray
    central_error: FloatArray
    forward_for_log: FloatArray
    central_for_log: FloatArray
    forward_zero: BoolArray
    central_zero: BoolArray
    step_vanished: BoolArray
    best_forward_h: float
    best_central_h: float
    best_forward_error: float
    best_central_error: float


def error_vs_h(
    f: Callable[[Any], Any],
    x: float,
    exact: float,
    hs: Any = None,
    *,
    dtype: DType | type = "float64",
) -> ErrorCurve:
    """|forward − f'(x)| and |central − f'(x)| for many h: the U-shaped error curves (§4.3.1).

    ``f`` must be vectorised (it is called once with all x + h at once); ``exact`` is f'(x), a
    finite number. ``hs`` defaults to :func:`default_hs` (1e-1 … 1e-16). At the book's x = 5 for
    function_1 in float64 the forward error falls like h down to about 1e-8 at h ≈ 1e-7 and grows
    again below; the central one is 9.1e-13 at h = 1e-4 and 6.7e-6 at h = 1e-12.
    """
    x = float(x)
    exact = float(exact)
    if not (np.isfinite(x) and np.isfinite(exact)):
        raise ValueError(f"x and the exact derivative must be finite numbers, got {x!r}, {exact!r}")
    dt = _dtype(dtype)
    h64 = default_hs() if hs is None else np.asarray(hs, dtype=np.float64).reshape(-1)
    if h64.size == 0 or not np.all(np.isfinite(h64)) or np.any(h64 <= 0):
        raise ValueError("hs must be finite numbers > 0")
    xd = dt.type(x)
    hd = h64.astype(dt)
    with np.errstate(all="ignore"):
        x_plus, x_minus = xd + hd, xd - hd
        fx = np.asarray(f(np.asarray(xd)), dtype=dt)
        f_plus = np.asarray(f(x_plus), dtype=dt)
        f_minus = np.asarray(f(x_minus), dtype=dt)
        forward = ((f_plus - fx) / hd).astype(np.float64)
        central = ((f_plus - f_minus) / (dt.type(2) * hd)).astype(np.float64)
        forward_error = np.abs(forward - exact)
        central_error = np.abs(central - exact)
    best_f = _best(forward_error)
    best_c = _best(central_error)
    return ErrorCurve(
        hs=h64.copy(),
        dtype=dt.name,  # type: ignore[arg-type]
        forward=forward,
        central=central,
        forward_error=forward_error,
        central_error=central_error,
        forward_for_log=_for_log(forward_error),
        central_for_log=_for_log(central_error),
        forward_zero=forward_error == 0,
        central_zero=central_error == 0,
        step_vanished=(x_plus == xd) | (hd == 0),
        best_forward_h=float(h64[best_f]) if best_f is not None else float("nan"),
        best_central_h=float(h64[best_c]) if best_c is not None else float("nan"),
        best_forward_error=float(forward_error[best_f]) if best_f is not None else float("nan"),
        best_central_error=float(central_error[best_c]) if best_c is not None else float("nan"),
    )


def _for_log(err: FloatArray) -> FloatArray:
    out = err.copy()
    out[~np.isfinite(out) | (out <= 0)] = np.nan
    return out


def _best(err: FloatArray) -> int | None:
    finite = np.isfinite(err)
    if not finite.any():
        return None
    return int(np.argmin(np.where(finite, err, np.inf)))


@dataclass(frozen=True)
class ZoomView:
    """f close to x, measured in units of h: where the differences get their numbers (§4.3.1).

    With t = x + u·h, ``v = (f(t) − f(x)) / h`` in the chosen precision. For a large h the points
    lie on a smooth curve through (0, 0); the secant from (0, 0) to (1, v(1)) has the forward
    difference as slope, the chord from (−1, v(−1)) to (1, v(1)) the central one. For a tiny h,
    f(t) and f(x) share almost all their digits: the curve breaks into steps of rounding error.

    Attributes
    ----------
    u, v : ndarray
        The points; v is nan where f is not finite or the step h is 0.
    distinct : int
        How many different values f(t) took over the points (few: rounding dominates).
    """

    u: FloatArray
    v: FloatArray
    distinct: int


def zoom_view(
    f: Callable[[Any], Any],
    x: float,
    h: float,
    *,
    dtype: DType | type = "float64",
    span: float = 2.0,
    n: int = 81,
) -> ZoomView:
    """(f(x + u·h) − f(x)) / h for u in [−span, span], computed in ``dtype`` (§4.3.1)."""
    x, h = check_step(x, h)
    dt = _dtype(dtype)
    u = np.linspace(-span, span, int(n))
    xd, hd = dt.type(x), dt.type(h)
    with np.errstate(all="ignore"):
        t = xd + u.astype(dt) * hd
        ft = np.asarray(f(t), dtype=dt)
        fx = dt.type(f(xd))
        v = ((ft - fx) / hd).astype(np.float64)
    v[~np.isfinite(v)] = np.nan
    finite = ft[np.isfinite(ft)]
    return ZoomView(u=u, v=v, distinct=int(np.unique(finite).size))


class Float32Underflow(NamedTuple):
    """The book's warning about h = 1e-50 (§4.3.1), as numbers.

    ``h_float32`` is ``np.float32(1e-50)``, which is 0.0: float32 cannot hold a number that small.
    ``forward`` is the forward difference of function_1 at x = 5 (:data:`BOOK_X`) with
    h = 1e-50 (:data:`UNDERFLOW_H`) in float64,
    also 0.0: 5 + 1e-50 is 5 exactly, so f(x + h) − f(x) = 0.
    """

    h_float32: np.float32
    forward: float


#: The step of the book's "bad example" (§4.3.1).
UNDERFLOW_H: Final = 1e-50


def float32_underflow_example() -> Float32Underflow:
    """(np.float32(1e-50), forward difference with h = 1e-50) = (0.0, 0.0) (§4.3.1)."""
    f = PRESETS_BY_ID["function_1"].function()
    return Float32Underflow(np.float32(UNDERFLOW_H), numerical_diff_forward(f, BOOK_X, UNDERFLOW_H))
