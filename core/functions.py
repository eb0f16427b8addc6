"""Activation functions, softmax and loss functions (§3, §4.2), under the book's names.

Each activation sits next to its derivative, so the forward rule and the local gradient can be
read together. Every function accepts a scalar, a list or an ndarray, keeps float32 as float32,
and never writes into its argument.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from core._checks import FloatArray, IntArray, as_array, as_float_array, require_nonempty

#: The small number added inside the log of the cross-entropy error (§4.2.2): log(0) would be -inf.
DELTA = 1e-7

TargetKind = Literal["auto", "onehot", "label"]


# --- §3.2 activation functions and their derivatives ----------------------------------------


def step_function(x: Any) -> IntArray:
    """Step function h(x) = 1 if x > 0 else 0 (§3.2.2), element-wise, as ``int`` (not ``np.int``)."""
    return (as_array(x, "x") > 0).astype(int)


def step_grad(x: Any) -> FloatArray:
    """Derivative of the step function: 0 wherever it is defined (x ≠ 0) (§3.2.7)."""
    return np.zeros_like(as_float_array(x, "x"))


def sigmoid(x: Any) -> FloatArray:
    """Sigmoid h(x) = 1 / (1 + exp(-x)) (§3.2.4), written so that no exp() can overflow.

    For x < 0 the algebraically equal form exp(x) / (1 + exp(x)) is used, so ``sigmoid(-1000)`` is
    0.0 without an overflow warning.
    """
    x = as_float_array(x, "x")
    e = np.exp(-np.abs(x))  # always in (0, 1]
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e)).astype(x.dtype, copy=False)


def sigmoid_grad(x: Any) -> FloatArray:
    """Derivative of the sigmoid: h'(x) = h(x)(1 - h(x)) (§5.5.2)."""
    y = sigmoid(x)
    return y * (1.0 - y)


def tanh(x: Any) -> FloatArray:
    """Hyperbolic tangent tanh(x) (mentioned with the sigmoid in §6.2)."""
    return np.tanh(as_float_array(x, "x"))


def tanh_grad(x: Any) -> FloatArray:
    """Derivative of tanh: 1 - tanh(x)²."""
    y = tanh(x)
    return 1.0 - y * y


def relu(x: Any) -> FloatArray:
    """ReLU h(x) = max(0, x) (§3.2.7)."""
    x = as_float_array(x, "x")
    return np.maximum(x, 0).astype(x.dtype, copy=False)


def relu_grad(x: Any) -> FloatArray:
    """Derivative of ReLU: 1 where x > 0, else 0 (§5.5.1).

    At x = 0 the derivative is taken as 0, the same choice the ``Relu`` layer's mask makes
    (the book's ``relu_grad`` uses ``x >= 0`` and so disagrees with its own layer at 0).
    """
    x = as_float_array(x, "x")
    return (x > 0).astype(x.dtype)


def leaky_relu(x: Any, alpha: float = 0.01) -> FloatArray:
    """Leaky ReLU h(x) = x if x > 0 else αx: a small slope instead of a flat zero."""
    x = as_float_array(x, "x")
    return np.where(x > 0, x, alpha * x).astype(x.dtype, copy=False)


def leaky_relu_grad(x: Any, alpha: float = 0.01) -> FloatArray:
    """Derivative of leaky ReLU: 1 where x > 0, else α."""
    x = as_float_array(x, "x")
    return np.where(x > 0, 1.0, alpha).astype(x.dtype, copy=False)


def identity_function(x: Any) -> FloatArray:
    """Identity σ(x) = x, the output activation for regression (§3.5)."""
    return as_float_array(x, "x").copy()


def identity_grad(x: Any) -> FloatArray:
    """Derivative of the identity: 1 everywhere."""
    return np.ones_like(as_float_array(x, "x"))


# --- §3.5 softmax ----------------------------------------------------------------------------


def softmax(x: Any) -> FloatArray:
    """Softmax y_k = exp(a_k - C) / Σ_i exp(a_i - C) with C = max(a) (§3.5.2).

    Subtracting the maximum does not change the result but keeps exp() from overflowing, so
    ``softmax([1010, 1000, 990])`` is finite. A vector is normalised as a whole; a batch
    (2-D or more) row by row along the last axis.
    """
    a = as_float_array(x, "x")
    require_nonempty(a, "x")
    if a.ndim == 0:
        a = a.reshape(1)
    shifted = a - np.max(a, axis=-1, keepdims=True)  # オーバーフロー対策 (guard against overflow)
    e = np.exp(shifted)
    return e / np.sum(e, axis=-1, keepdims=True)


# --- §4.2 loss functions ---------------------------------------------------------------------


def sum_squared_error(y: Any, t: Any) -> float:
    """Sum of squared errors E = ½ Σ_k (y_k - t_k)² (§4.2.1, 「二乗和誤差」).

    The book's text calls it "mean squared error" (``mean_squared_error`` is an alias), but it is
    half a *sum*: for the book's 「2」 example it is 0.0975, not 0.0195. ``t`` may be one-hot or
    class labels. For a batch (2-D ``y``) the loss of each row is averaged over the rows, as the
    batch cross-entropy error does.
    """
    y2, t2 = _as_batch(y, t, "auto")
    per_row = 0.5 * np.sum((y2 - t2) ** 2, axis=1)
    return float(np.mean(per_row))


mean_squared_error = sum_squared_error


def cross_entropy_error(y: Any, t: Any, t_kind: TargetKind = "auto") -> float:
    """Cross-entropy error E = -Σ_k t_k log(y_k + δ), averaged over a batch (§4.2.2, §4.2.4).

    ``y`` holds probabilities (a vector, or one row per sample). ``t`` is one-hot (same shape as
    ``y``) or class labels (one integer per row); with labels only the correct-class term
    -log(y[n, t_n] + δ) survives, which is why the label form needs no ``t *``. δ = 1e-7 keeps
    log(0) = -inf away: a correct-class y of 0 costs -log(1e-7) ≈ 16.118.

    ``t_kind`` forces the interpretation of ``t``; ``"label"`` with a one-hot ``t`` is an error
    rather than the silently wrong number the book's label formula would return.
    """
    y2, labels = _probabilities_and_labels(y, t, t_kind)
    picked = y2[np.arange(y2.shape[0]), labels]
    return float(-np.mean(np.log(picked + DELTA)))


def softmax_loss(x: Any, t: Any, t_kind: TargetKind = "auto") -> float:
    """Softmax followed by the cross-entropy error: the loss of ``SoftmaxWithLoss`` (§5.6.3)."""
    return cross_entropy_error(softmax(x), t, t_kind)


# --- target handling shared by the losses and SoftmaxWithLoss --------------------------------


def detect_target_kind(y: Any, t: Any) -> Literal["onehot", "label"]:
    """Tell whether ``t`` is one-hot (same shape as ``y``) or class labels (one per row of ``y``)."""
    return _detect_kind(np.shape(as_array(y, "y")), np.shape(as_array(t, "t")))


def _detect_kind(y_shape: tuple[int, ...], t_shape: tuple[int, ...]) -> Literal["onehot", "label"]:
    if t_shape == y_shape and len(y_shape) >= 1:
        return "onehot"
    rows = y_shape[:-1]
    if t_shape == rows or (len(y_shape) == 1 and int(np.prod(t_shape)) == 1):
        return "label"
    raise ValueError(
        f"t of shape {t_shape} fits neither y of shape {y_shape} (one-hot) nor "
        f"{rows or '(a single number)'} (one class label per row of y)"
    )


def to_labels(y: Any, t: Any, t_kind: TargetKind = "auto") -> IntArray:
    """Return ``t`` as one class index per row of ``y``, checking one-hot rows and label ranges."""
    return labels_for_shape(np.shape(as_array(y, "y")), t, t_kind)


def labels_for_shape(y_shape: tuple[int, ...], t: Any, t_kind: TargetKind = "auto") -> IntArray:
    """Like :func:`to_labels` when only the shape of ``y`` (rows, classes) is known."""
    if len(y_shape) == 0 or 0 in y_shape:
        raise ValueError(f"y of shape {y_shape} has no class scores to pick from")
    n_classes = y_shape[-1]
    n_rows = int(np.prod(y_shape[:-1]))
    t_arr = as_array(t, "t")
    kind = _detect_kind(y_shape, t_arr.shape) if t_kind == "auto" else t_kind
    if kind == "onehot":
        if t_arr.size != n_rows * n_classes:
            raise ValueError(f"one-hot t must have the shape of y {y_shape}, got {t_arr.shape}")
        return _onehot_to_labels(t_arr.reshape(n_rows, n_classes))
    if kind != "label":
        raise ValueError(f"t_kind must be 'auto', 'onehot' or 'label', got {t_kind!r}")
    if t_arr.size == n_rows * n_classes and n_classes > 1 and t_arr.size != n_rows:
        raise ValueError(
            f"t has the shape of y {y_shape}: it looks one-hot, but class labels were expected "
            "(one integer per row); pass t.argmax(axis=-1) or let the kind be detected"
        )
    if t_arr.size != n_rows:
        raise ValueError(f"expected {n_rows} class label(s), one per row of y, got {t_arr.size}")
    return _check_labels(t_arr.reshape(-1), n_classes)


def _as_batch(y: Any, t: Any, t_kind: TargetKind) -> tuple[FloatArray, FloatArray]:
    """Return ``y`` and a one-hot (or soft) ``t``, both 2-D (N, C); a vector becomes one row."""
    y2 = _as_2d_scores(y)
    t_arr = as_float_array(t, "t")
    y_shape = np.shape(y)
    kind = _detect_kind(y_shape, t_arr.shape) if t_kind == "auto" else t_kind
    if kind == "onehot" and t_arr.size == y2.size:  # one-hot or soft targets, used as they are
        return y2, t_arr.reshape(y2.shape)
    t2 = np.zeros_like(y2)
    t2[np.arange(y2.shape[0]), labels_for_shape(y_shape, t, t_kind)] = 1.0
    return y2, t2


def _probabilities_and_labels(y: Any, t: Any, t_kind: TargetKind) -> tuple[FloatArray, IntArray]:
    y2 = _as_2d_scores(y)
    if np.any(y2 < 0):
        raise ValueError(
            "y must hold probabilities (≥ 0) for the cross-entropy error, got a negative value "
            f"{y2.min():g}; for raw scores apply softmax first"
        )
    return y2, labels_for_shape(np.shape(y), t, t_kind)


def _as_2d_scores(y: Any) -> FloatArray:
    y_arr = as_float_array(y, "y")
    require_nonempty(y_arr, "y")
    if y_arr.ndim == 0:
        raise ValueError("y must be a vector of class scores or probabilities, got a single number")
    return y_arr.reshape(1, -1) if y_arr.ndim == 1 else y_arr.reshape(-1, y_arr.shape[-1])


def _check_labels(t: npt.NDArray[Any], n_classes: int) -> IntArray:
    if t.dtype.kind == "f":
        if not np.all(np.isfinite(t)) or np.any(t != np.round(t)):
            raise ValueError(f"class labels must be whole numbers, got {t.tolist()}")
    elif t.dtype.kind == "b":
        raise ValueError("class labels must be integers, not True/False")
    labels = t.astype(np.int64)
    bad = (labels < 0) | (labels >= n_classes)
    if np.any(bad):
        raise ValueError(
            f"class label {labels[bad][0]} is out of range: with {n_classes} classes a label "
            f"must be 0 … {n_classes - 1}"
        )
    return labels


def _onehot_to_labels(t2: FloatArray) -> IntArray:
    """Return the hot index of each row, rejecting rows that are not one-hot."""
    hot = t2 == 1.0
    valid = np.all((t2 == 0.0) | hot, axis=1) & (np.sum(hot, axis=1) == 1)
    if not np.all(valid):
        row = int(np.argmin(valid))
        raise ValueError(
            f"one-hot t must have exactly one 1 and zeros elsewhere in each row; "
            f"row {row} is {t2[row].tolist()}"
        )
    return np.argmax(t2, axis=1)
