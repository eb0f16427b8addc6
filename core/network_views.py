"""What a network has learned, as arrays for the views: predictions, weights, activations (§3.6, §6.2).

Every function reads a network built from :mod:`core.networks` and returns plain arrays or frozen
records; none changes the network's weights. The training dashboard calls them between two
updates, in its worker thread:

* :func:`evaluate_predictions` – softmax probabilities, the confusion matrix and the order in
  which a gallery shows the test samples (misclassified first, as the book's chapter 8 lists the
  digits its network got wrong);
* :func:`boundary_grid` and :func:`decision_map` – the class a 2-D network predicts at every point
  of a grid, for toy data;
* :func:`weight_mosaic` – each first-layer unit's incoming weights laid out as an image;
* :func:`histogram`, :func:`weight_histograms`, :func:`activation_histograms` – the distributions
  of §6.2 (Fig. 6-10 to 6-14) for the network being trained;
* :func:`class_counts` and :func:`samples_per_class` – for the dataset panel.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from core._checks import FloatArray, IntArray, as_float_array, require_nonempty
from core.functions import softmax
from core.layers import BatchNormalization, Dropout, Relu, Sigmoid, Tanh

__all__ = [
    "BoundaryGrid",
    "DecisionMap",
    "Histogram",
    "Predictions",
    "activation_histograms",
    "as_labels",
    "boundary_grid",
    "class_counts",
    "confusion_matrix",
    "decision_map",
    "evaluate_predictions",
    "gallery_order",
    "hidden_activations",
    "histogram",
    "image_mosaic",
    "predict_probabilities",
    "samples_per_class",
    "weight_histograms",
    "weight_mosaic",
]

_ACTIVATION_LAYERS = (Relu, Sigmoid, Tanh)


def as_labels(t: Any) -> IntArray:
    """Class labels from labels or one-hot rows (``argmax`` along each row, §3.6.2)."""
    arr = np.asarray(t)
    if arr.ndim == 2:
        return np.argmax(arr, axis=1).astype(np.int64)
    if arr.ndim != 1:
        raise ValueError(f"labels must be 1-D labels or 2-D one-hot rows, got shape {arr.shape}")
    return arr.astype(np.int64)


# --- predictions ------------------------------------------------------------------------------------


def predict_probabilities(network: Any, x: Any, batch_size: int = 1000) -> FloatArray:
    """softmax(network.predict(x)) row by row (§3.5, §3.6.3), ``batch_size`` rows at a time.

    A network whose weights became NaN gives NaN probabilities, without a warning.
    """
    x = as_float_array(x, "x")
    require_nonempty(x, "x")
    parts = []
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        for start in range(0, len(x), batch_size):
            parts.append(softmax(network.predict(x[start : start + batch_size])))
    return np.concatenate(parts)


def confusion_matrix(labels: Any, predicted: Any, n_classes: int) -> IntArray:
    """C[i, j] = number of samples of class i predicted as class j (not in the book).

    The diagonal holds the correct predictions: its sum divided by the total is the accuracy of
    §3.6.3. Labels outside 0 … n_classes − 1 raise ``ValueError``.
    """
    t = np.asarray(labels)
    y = np.asarray(predicted)
    if t.shape != y.shape or t.ndim != 1:
        raise ValueError(
            f"labels and predictions must be 1-D and of one length, got {t.shape} and {y.shape}"
        )
    for name, arr in (("labels", t), ("predictions", y)):
        if arr.size and (arr.dtype.kind not in "iu" or arr.min() < 0 or arr.max() >= n_classes):
            raise ValueError(f"{name} must be whole numbers in 0..{n_classes - 1}")
    counts = np.bincount(t * n_classes + y, minlength=n_classes * n_classes)
    return counts.reshape(n_classes, n_classes).astype(np.int64)


def gallery_order(labels: Any, probabilities: Any) -> IntArray:
    """Sample indices in gallery order: misclassified first, the most confident mistakes first,
    then the correct ones, the least confident first (the hard cases of §8.1's misclassified list).
    """
    t = np.asarray(labels)
    p = np.asarray(probabilities, dtype=np.float64)
    if p.ndim != 2 or len(p) != len(t):
        raise ValueError(f"probabilities must be (N, classes) for N labels, got {p.shape}")
    predicted = np.argmax(p, axis=1)
    confidence = np.nan_to_num(p[np.arange(len(p)), predicted], nan=0.0)
    wrong = predicted != t
    # sort key: wrong ones first, by descending confidence; right ones by ascending confidence
    key = np.where(wrong, -confidence - 2.0, confidence)
    return np.argsort(key, kind="stable").astype(np.int64)


@dataclass(frozen=True, eq=False)
class Predictions:
    """A network's predictions for a set of samples (§3.6.3).

    ``probabilities`` (N, C) softmax outputs; ``predicted`` the argmax; ``labels`` the truth;
    ``confusion`` (C, C) counts (rows: true class); ``accuracy`` the fraction right; ``order``
    the gallery order of :func:`gallery_order`; ``indices`` which samples of the set these are.
    """

    probabilities: FloatArray
    predicted: IntArray
    labels: IntArray
    confusion: IntArray
    accuracy: float
    order: IntArray
    indices: IntArray

    @property
    def n_wrong(self) -> int:
        return int(np.sum(self.predicted != self.labels))


def evaluate_predictions(
    network: Any, x: Any, t: Any, n_classes: int, *, limit: int | None = None
) -> Predictions:
    """Predict the first ``limit`` samples of ``x`` (all when None) and compare with ``t``."""
    x = as_float_array(x, "x")
    n = len(x) if limit is None else min(int(limit), len(x))
    if n < 1:
        raise ValueError("evaluate_predictions needs at least one sample")
    labels = as_labels(t)[:n]
    probabilities = predict_probabilities(network, x[:n])
    with np.errstate(invalid="ignore"):
        predicted = np.argmax(np.nan_to_num(probabilities, nan=-1.0), axis=1).astype(np.int64)
    return Predictions(
        probabilities=probabilities,
        predicted=predicted,
        labels=labels,
        confusion=confusion_matrix(labels, predicted, n_classes),
        accuracy=float(np.mean(predicted == labels)),
        order=gallery_order(labels, probabilities),
        indices=np.arange(n, dtype=np.int64),
    )


# --- decision boundary of 2-D data ------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class BoundaryGrid:
    """A regular grid over the data: ``xs`` (nx,), ``ys`` (ny,) and ``points`` (ny·nx, 2), row
    by row (y outer), so values for the points reshape to an (ny, nx) image."""

    xs: FloatArray
    ys: FloatArray
    points: FloatArray

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.ys), len(self.xs)


def boundary_grid(x: Any, resolution: int = 100, margin: float = 0.2) -> BoundaryGrid:
    """A ``resolution`` × ``resolution`` grid covering the 2-D points ``x`` plus a ``margin``
    (a fraction of the larger side) all round."""
    pts = as_float_array(x, "x")
    if pts.ndim != 2 or pts.shape[1] != 2:
        raise ValueError(f"a decision boundary needs 2-D points of shape (N, 2), got {pts.shape}")
    require_nonempty(pts, "x")
    if int(resolution) != resolution or resolution < 2:
        raise ValueError(f"resolution must be a whole number ≥ 2, got {resolution!r}")
    finite = pts[np.all(np.isfinite(pts), axis=1)]
    if finite.size == 0:
        raise ValueError("the points hold no finite coordinates")
    low, high = finite.min(axis=0), finite.max(axis=0)
    pad = margin * max(float(np.max(high - low)), 1e-9)
    xs = np.linspace(low[0] - pad, high[0] + pad, int(resolution))
    ys = np.linspace(low[1] - pad, high[1] + pad, int(resolution))
    gx, gy = np.meshgrid(xs, ys)
    return BoundaryGrid(xs, ys, np.column_stack([gx.ravel(), gy.ravel()]))


@dataclass(frozen=True, eq=False)
class DecisionMap:
    """The predicted class (ny, nx) and its probability (ny, nx) at every grid point."""

    classes: IntArray
    confidence: FloatArray


def decision_map(network: Any, grid: BoundaryGrid) -> DecisionMap:
    """argmax and max of the network's softmax at every point of ``grid`` (§3.6.3)."""
    p = predict_probabilities(network, grid.points, batch_size=len(grid.points))
    safe = np.nan_to_num(p, nan=0.0)
    classes = np.argmax(safe, axis=1).reshape(grid.shape).astype(np.int64)
    confidence = np.max(safe, axis=1).reshape(grid.shape)
    return DecisionMap(classes, confidence)


# --- weights and activations ------------------------------------------------------------------------


def image_mosaic(
    images: Any, *, per_row: int | None = None, gap: int = 1
) -> tuple[FloatArray, int]:
    """Images (n, rows, cols) side by side, ``per_row`` to a row, ``gap`` NaN pixels between.

    Each image is divided by its largest absolute value, so it lies in [−1, 1] (in [0, 1] for
    pixels); an all-zero image stays 0 and NaN or ±inf pixels become 0. Without ``per_row`` the
    mosaic is about square. Returns the mosaic and the number of images per row.
    """
    arr = as_float_array(images, "images")
    if arr.ndim != 3 or len(arr) == 0:
        raise ValueError(f"images must be (n, rows, cols) with n ≥ 1, got shape {arr.shape}")
    n, rows, cols = arr.shape
    per_row = math.ceil(math.sqrt(n)) if per_row is None else int(per_row)
    if per_row < 1:
        raise ValueError(f"per_row must be ≥ 1, got {per_row}")
    n_rows = math.ceil(n / per_row)
    mosaic = np.full(
        (n_rows * (rows + gap) - gap, per_row * (cols + gap) - gap), np.nan, dtype=np.float64
    )
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        finite = np.where(np.isfinite(arr), arr, 0.0).astype(np.float64)
        scale = np.max(np.abs(finite), axis=(1, 2), keepdims=True)
        tiles = np.where(scale > 0, finite / np.where(scale > 0, scale, 1.0), 0.0)
    for k in range(n):
        r, c = divmod(k, per_row)
        top, left = r * (rows + gap), c * (cols + gap)
        mosaic[top : top + rows, left : left + cols] = tiles[k]
    return mosaic, per_row


def weight_mosaic(
    W: Any, image_shape: tuple[int, int], *, max_tiles: int = 64, gap: int = 1
) -> tuple[FloatArray, int]:
    """The incoming weights of each first-layer unit drawn as an image, tiles side by side.

    Column j of ``W`` (n_in, n_units) holds the weights unit j gives each input pixel; reshaped
    to ``image_shape`` it shows which strokes excite (> 0) or inhibit (< 0) that unit. Each tile
    is divided by its largest absolute weight, so it lies in [−1, 1]; the ``gap`` pixels between
    tiles are NaN. Returns the mosaic (rows, cols) and the number of tiles per row (the mosaic is
    about square). At most ``max_tiles`` units are drawn.
    """
    weights = as_float_array(W, "W")
    rows, cols = (int(s) for s in image_shape)
    if weights.ndim != 2 or weights.shape[0] != rows * cols:
        raise ValueError(
            f"W must be (n_inputs, n_units) with n_inputs = {rows}×{cols} = {rows * cols}, "
            f"got shape {weights.shape}"
        )
    n = min(weights.shape[1], int(max_tiles))
    if n < 1:
        raise ValueError("W has no units to draw")
    return image_mosaic(weights[:, :n].T.reshape(n, rows, cols), gap=gap)


@dataclass(frozen=True, eq=False)
class Histogram:
    """``counts`` of the finite values in each bin between ``edges``; ``n_nonfinite`` NaN/±inf left
    out; ``mean`` and ``std`` of the finite values (NaN when there are none)."""

    edges: FloatArray
    counts: IntArray
    n_nonfinite: int
    mean: float
    std: float

    @property
    def total(self) -> int:
        return int(self.counts.sum()) + self.n_nonfinite

    @property
    def max_abs(self) -> float:
        """The largest |value| among the finite values (NaN when there are none)."""
        if not self.counts.sum():
            return math.nan
        return float(max(abs(self.edges[0]), abs(self.edges[-1])))


def histogram(
    values: Any, bins: int = 30, value_range: tuple[float, float] | None = None
) -> Histogram:
    """Histogram of the finite values of ``values`` in ``bins`` equal bins (as in Fig. 6-10).

    Without ``value_range`` the bins span the finite values; a single repeated value (all zeros,
    as after a zero initialisation) gets a bin of width 1 around it.
    """
    arr = np.asarray(values, dtype=np.float64).ravel()
    if int(bins) != bins or bins < 1:
        raise ValueError(f"bins must be a whole number ≥ 1, got {bins!r}")
    finite = arr[np.isfinite(arr)]
    if value_range is None:
        if finite.size:
            low, high = float(finite.min()), float(finite.max())
        else:
            low, high = 0.0, 1.0
    else:
        low, high = (float(v) for v in value_range)
        if not (math.isfinite(low) and math.isfinite(high) and low <= high):
            raise ValueError(f"value_range must be finite with low ≤ high, got {value_range!r}")
    if high - low <= 0:
        low, high = low - 0.5, low + 0.5
    with np.errstate(over="ignore", invalid="ignore"):
        if math.isfinite(high - low):
            counts, edges = np.histogram(finite, bins=int(bins), range=(low, high))
        else:  # the span overflows (weights near ±1e308 after divergence): bin the halves
            counts, half_edges = np.histogram(finite / 2, bins=int(bins), range=(low / 2, high / 2))
            edges = half_edges * 2
        mean = float(finite.mean()) if finite.size else math.nan
        std = float(finite.std()) if finite.size else math.nan
    return Histogram(edges, counts.astype(np.int64), int(arr.size - finite.size), mean, std)


def weight_histograms(network: Any, bins: int = 30) -> dict[str, Histogram]:
    """Histogram of each weight matrix W1, W2, … of ``network`` (biases left out)."""
    return {
        key: histogram(value, bins)
        for key, value in network.params.items()
        if key.startswith("W") and key[1:].isdigit()
    }


def hidden_activations(network: Any, x: Any) -> dict[str, FloatArray]:
    """The output of every hidden activation layer for the inputs ``x`` (§6.2.1, Fig. 6-10).

    Runs the network's layers in test mode (dropout scales, batch norm uses its running averages),
    keyed by layer name, e.g. ``{'Relu1': …, 'Relu2': …}``.
    """
    out = as_float_array(x, "x")
    found: dict[str, FloatArray] = {}
    with np.errstate(over="ignore", invalid="ignore", under="ignore"):
        for name, layer in network.layers.items():
            if isinstance(layer, (Dropout, BatchNormalization)):
                out = layer.forward(out, False)
            else:
                out = layer.forward(out)
            if isinstance(layer, _ACTIVATION_LAYERS):
                found[name] = out
    return found


def activation_histograms(network: Any, x: Any, bins: int = 30) -> dict[str, Histogram]:
    """Histogram of each hidden layer's activations over ``x``, on the activation's own range:
    [0, 1] for sigmoid (the book's Fig. 6-10), [−1, 1] for tanh, [0, largest] for ReLU."""
    ranges: dict[type, tuple[float, float] | None] = {Sigmoid: (0.0, 1.0), Tanh: (-1.0, 1.0)}
    result = {}
    for name, values in hidden_activations(network, x).items():
        layer = network.layers[name]
        result[name] = histogram(values, bins, ranges.get(type(layer)))
    return result


# --- the dataset panel ------------------------------------------------------------------------------


def class_counts(labels: Any, n_classes: int) -> IntArray:
    """How many samples each class has."""
    t = as_labels(labels)
    if t.size and (t.min() < 0 or t.max() >= n_classes):
        raise ValueError(f"labels must lie in 0..{n_classes - 1}")
    return np.bincount(t, minlength=n_classes).astype(np.int64)


def samples_per_class(labels: Any, n_classes: int, per_class: int) -> IntArray:
    """Indices of the first ``per_class`` samples of every class, class by class."""
    t = as_labels(labels)
    picked = [np.flatnonzero(t == c)[: int(per_class)] for c in range(n_classes)]
    return np.concatenate(picked).astype(np.int64) if picked else np.empty(0, dtype=np.int64)
