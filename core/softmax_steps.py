"""Softmax worked out step by step, the naive way and the overflow-safe way side by side (§3.5.2).

:func:`softmax_steps` records every intermediate array of y_k = exp(a_k/T - C) / Σ_i exp(a_i/T - C)
and, next to it, the book's first, naive formula exp(a_k/T) / Σ_i exp(a_i/T), which overflows to
``inf`` and then gives ``nan`` for scores like [1010, 1000, 990]. The stable probabilities come
from :func:`core.functions.softmax` whenever C is the book's max(a/T); a learner's own C is applied
by the same formula, so the record shows that any C gives the same y until exp() runs out of range.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from core import functions as F
from core._checks import FloatArray, as_float_array, check_positive, require_nonempty

#: The book's example scores (§3.5.1): y = [0.01821127 0.24519181 0.73659691].
BOOK_EXAMPLE = (0.3, 2.9, 4.0)

#: The book's overflow example (§3.5.2): the naive formula gives [nan nan nan].
OVERFLOW_EXAMPLE = (1010.0, 1000.0, 990.0)

#: The largest float64, about 1.8e308: exp(x) beyond it is ``inf`` (overflow).
FLOAT64_MAX = float(np.finfo(np.float64).max)

#: The largest x with a finite exp(x), about 709.78 = log(FLOAT64_MAX).
EXP_OVERFLOW_AT = math.log(FLOAT64_MAX)

#: Below about -745.13 exp(x) is 0.0 (underflow): half the smallest subnormal rounds to 0.
EXP_UNDERFLOW_AT = math.log(float(np.finfo(np.float64).smallest_subnormal)) - math.log(2.0)


@dataclass(frozen=True)
class SoftmaxSteps:
    """Every intermediate of softmax on one score vector (§3.5.2).

    Attributes
    ----------
    a : ndarray
        The scores as given.
    temperature : float
        T; the scores are divided by it before exp (T = 1 is the book's softmax).
    scaled : ndarray
        a / T.
    max_scaled : float
        max(a / T), the book's choice of C.
    c : float
        The constant subtracted: max(a / T) unless the caller chose one.
    c_is_max : bool
        True when ``c`` is max(a / T), the book's choice.
    shifted : ndarray
        a / T - C.
    exp_shifted : ndarray
        exp(a / T - C): at most 1 when C = max, so it cannot overflow.
    sum_exp : float
        Σ exp(a / T - C).
    y : ndarray
        exp(a / T - C) / Σ exp(a / T - C), the probabilities.
    sum_y : float
        Σ y (1 up to rounding, or nan when the chosen C broke the computation).
    y_at_max_c : ndarray
        y computed with the book's C = max(a / T), by :func:`core.functions.softmax`.
    c_effect : float
        max |y - y_at_max_c|: how much the chosen C changed y (0 up to rounding; nan when the
        chosen C made exp() overflow or underflow).
    naive_exp : ndarray
        exp(a / T) with nothing subtracted; ``inf`` where a / T > 709.78.
    naive_sum : float
        Σ exp(a / T).
    naive_y : ndarray
        exp(a / T) / Σ exp(a / T); ``nan`` where inf / inf happens.
    naive_sum_y : float
        Σ of the naive y (nan as soon as one naive y is nan).
    naive_overflow : bool
        True when some exp(a / T), or their sum, overflowed to ``inf``.
    naive_underflow : bool
        True when every exp(a / T) underflowed to 0 (all a / T below about -745): 0 / 0 = nan.
    stable_overflow : bool
        True when some exp(a / T - C), or their sum, overflowed (a C far below max(a / T)); y is
        then nan, or 0 where a finite exp was divided by an infinite sum.
    stable_underflow : bool
        True when every exp(a / T - C) underflowed to 0 (a C far above max(a / T)): 0 / 0 = nan.
    ranks_preserved : bool
        True when sorting y gives the same order as sorting a (ties kept in place), i.e. the
        largest score has the largest probability and so on (§3.5.3). Probabilities so small that
        they round to the same number (e.g. 0.0) can tie where the scores did not; then False.
    argmax_a, argmax_y : int
        The index of the largest score and of the largest probability (first one on ties).
    """

    a: FloatArray
    temperature: float
    scaled: FloatArray
    max_scaled: float
    c: float
    c_is_max: bool
    shifted: FloatArray
    exp_shifted: FloatArray
    sum_exp: float
    y: FloatArray
    sum_y: float
    y_at_max_c: FloatArray
    c_effect: float
    naive_exp: FloatArray
    naive_sum: float
    naive_y: FloatArray
    naive_sum_y: float
    naive_overflow: bool
    naive_underflow: bool
    stable_overflow: bool
    stable_underflow: bool
    ranks_preserved: bool
    argmax_a: int
    argmax_y: int

    @property
    def stable_ok(self) -> bool:
        """True when the stable route neither overflowed nor underflowed: y is a distribution."""
        return not (self.stable_overflow or self.stable_underflow)

    @property
    def naive_ok(self) -> bool:
        """True when the naive route neither overflowed nor underflowed."""
        return not (self.naive_overflow or self.naive_underflow)


def softmax_steps(
    a: Any, *, subtract: float | None = None, temperature: float = 1.0
) -> SoftmaxSteps:
    """Softmax of the score vector ``a``, naive and stable, with every intermediate (§3.5.2).

    Parameters
    ----------
    a : array_like
        A non-empty vector of finite scores.
    subtract : float, optional
        The constant C to subtract from a / T before exp; None (default) uses max(a / T).
    temperature : float
        T > 0: y = softmax(a / T). Large T flattens y towards uniform, small T sharpens it
        towards one-hot; the order of y never changes.

    Raises
    ------
    ValueError
        When ``a`` is empty, not 1-D or holds a non-finite number, when T is not a finite number
        > 0, or when C is not finite.
    """
    scores = as_float_array(a, "a").astype(np.float64, copy=True)
    require_nonempty(scores, "a")
    if scores.ndim == 0:
        scores = scores.reshape(1)
    if scores.ndim != 1:
        raise ValueError(f"a must be a vector of scores, got an array of shape {scores.shape}")
    if not np.all(np.isfinite(scores)):
        bad = int(np.argmin(np.isfinite(scores)))
        raise ValueError(f"a must hold finite numbers, but a[{bad}] is {scores[bad]}")
    t = check_positive(temperature, "temperature T")

    with np.errstate(over="ignore", under="ignore", invalid="ignore", divide="ignore"):
        scaled = scores / t
        if not np.all(np.isfinite(scaled)):
            raise ValueError(f"a / T overflows for T = {t:g}; use a larger temperature")
        top = float(np.max(scaled))
        if subtract is None:
            c, c_is_max = top, True
        else:
            c = float(subtract)
            if not math.isfinite(c):
                raise ValueError(f"the constant C must be a finite number, got {subtract!r}")
            c_is_max = c == top
        shifted = scaled - c
        exp_shifted = np.exp(shifted)
        sum_exp = float(np.sum(exp_shifted))
        y_at_max_c = F.softmax(scaled)  # the book's formula, as implemented in core.functions
        y = y_at_max_c if c_is_max else exp_shifted / sum_exp
        stable_overflow = math.isinf(sum_exp)  # inf when one exp is, or when only the sum is
        stable_underflow = sum_exp == 0.0
        broken = stable_overflow or stable_underflow
        c_effect = math.nan if broken else float(np.max(np.abs(y - y_at_max_c)))
        naive_exp = np.exp(scaled)
        naive_sum = float(np.sum(naive_exp))
        naive_y = naive_exp / naive_sum
        sum_y = float(np.sum(y))
        naive_sum_y = float(np.sum(naive_y))
        naive_overflow = math.isinf(naive_sum)

    return SoftmaxSteps(
        a=scores,
        temperature=t,
        scaled=scaled,
        max_scaled=top,
        c=c,
        c_is_max=c_is_max,
        shifted=shifted,
        exp_shifted=exp_shifted,
        sum_exp=sum_exp,
        y=y,
        sum_y=sum_y,
        y_at_max_c=y_at_max_c,
        c_effect=c_effect,
        naive_exp=naive_exp,
        naive_sum=naive_sum,
        naive_y=naive_y,
        naive_sum_y=naive_sum_y,
        naive_overflow=naive_overflow,
        naive_underflow=naive_sum == 0.0,
        stable_overflow=stable_overflow,
        stable_underflow=stable_underflow,
        ranks_preserved=not broken and _same_order(scores, y),
        argmax_a=int(np.argmax(scores)),
        argmax_y=int(np.argmax(np.nan_to_num(y, nan=-1.0))),
    )


def _same_order(a: FloatArray, y: FloatArray) -> bool:
    """True when a stable sort of ``y`` puts the entries in the same order as one of ``a``."""
    if not np.all(np.isfinite(y)):
        return False
    return bool(np.array_equal(np.argsort(a, kind="stable"), np.argsort(y, kind="stable")))


__all__ = [
    "BOOK_EXAMPLE",
    "EXP_OVERFLOW_AT",
    "EXP_UNDERFLOW_AT",
    "FLOAT64_MAX",
    "OVERFLOW_EXAMPLE",
    "SoftmaxSteps",
    "softmax_steps",
]
