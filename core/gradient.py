"""Numerical differentiation, gradients and gradient descent (§4.3–4.4), and the gradient check (§5.7.3)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple, Protocol

import numpy as np

from core._checks import FloatArray, as_float_array, check_positive, require_nonempty

#: The step the book recommends (§4.3.1): small, but not so small that rounding error takes over.
H = 1e-4


def numerical_diff(f: Callable[[float], Any], x: float, h: float = H) -> float:
    """Central difference (f(x + h) - f(x - h)) / 2h (§4.3.1).

    Its error shrinks like h², against h for the forward difference: at x = 5 for
    f(x) = 0.01x² + 0.1x it is about 1e-12 instead of 1e-6.
    """
    h = check_positive(h, "h")
    x = float(x)
    return float((f(x + h) - f(x - h)) / (2 * h))


def numerical_diff_forward(f: Callable[[float], Any], x: float, h: float = H) -> float:
    """Forward difference (f(x + h) - f(x)) / h: the "bad example" of §4.3.1, kept for comparison."""
    h = check_positive(h, "h")
    x = float(x)
    return float((f(x + h) - f(x)) / h)


def numerical_gradient(f: Callable[[FloatArray], Any], x: Any, h: float = H) -> FloatArray:
    """Gradient of ``f`` at ``x`` by central differences, one element at a time (§4.4).

    ``x`` may have any shape. Each element is nudged to x + h and x - h in turn and put back
    exactly afterwards (even if ``f`` raises), so when ``f`` is a closure over a network's weights
    (``lambda W: net.loss(x, t)``, as in §4.4.1) it sees the nudged weights, and the weights are
    unchanged when this returns. An integer ``x`` is first copied to float: nudging an integer
    array by 1e-4 would silently do nothing and give a zero gradient.
    """
    h = check_positive(h, "h")
    if isinstance(x, np.ndarray) and x.dtype.kind == "f" and x.flags.writeable:
        arr = x  # nudged in place and restored, so closures over it see each nudge
    else:
        arr = as_float_array(x, "x").copy()
    require_nonempty(arr, "x")
    grad = np.zeros_like(arr)
    for idx in np.ndindex(arr.shape):
        original = arr[idx]
        try:
            arr[idx] = original + h
            f_plus = float(f(arr))
            arr[idx] = original - h
            f_minus = float(f(arr))
        finally:
            arr[idx] = original  # 値を元に戻す: restore the element exactly
        grad[idx] = (f_plus - f_minus) / (2 * h)
    return grad


class DescentResult(NamedTuple):
    """Where gradient descent ended and every point it visited (``history[0]`` is the start)."""

    x: FloatArray
    history: FloatArray


def gradient_descent(
    f: Callable[[FloatArray], Any], init_x: Any, lr: float = 0.01, step_num: int = 100
) -> DescentResult:
    """Gradient descent x ← x - η ∇f(x), repeated ``step_num`` times (§4.4.1).

    Returns the end point and the whole path (``step_num + 1`` points). ``init_x`` is never
    changed. A learning rate that is too large makes the path blow up to ±inf or NaN; that is
    returned as it is (no warning), for the caller to show.
    """
    lr = check_positive(lr, "lr")
    if int(step_num) != step_num or step_num < 0:
        raise ValueError(f"step_num must be a whole number ≥ 0, got {step_num!r}")
    x = as_float_array(init_x, "init_x").astype(np.float64, copy=True)
    require_nonempty(x, "init_x")
    history = np.empty((int(step_num) + 1, *x.shape), dtype=x.dtype)
    history[0] = x
    with np.errstate(over="ignore", invalid="ignore"):
        for i in range(1, int(step_num) + 1):
            x -= lr * numerical_gradient(f, x)
            history[i] = x
    return DescentResult(x, history)


class _GradientNetwork(Protocol):
    def gradient(self, x: Any, t: Any) -> Mapping[str, FloatArray]: ...

    def numerical_gradient(self, x: Any, t: Any) -> Mapping[str, FloatArray]: ...


def gradient_check(network: _GradientNetwork, x: Any, t: Any) -> dict[str, float]:
    """Mean |backprop - numerical| per parameter (§5.7.3): near 1e-10 when backprop is right.

    Call it on a few samples only: the numerical gradient evaluates the loss twice per weight.
    """
    grad_numerical = network.numerical_gradient(x, t)
    grad_backprop = network.gradient(x, t)
    return {
        key: float(np.mean(np.abs(grad_backprop[key] - grad_numerical[key])))
        for key in grad_numerical
    }
