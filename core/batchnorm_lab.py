"""The batch-normalisation lab (§6.3): what one BN layer does to a batch, and why it helps.

* :func:`preactivation_batch` and :func:`batchnorm_statistics` – a mini-batch of a hidden
  layer's inputs x·W + b, each feature with its own mean and variance, and the per-feature mean
  and variance before and after a :class:`core.layers.BatchNormalization` layer (after: ≈ 0 and
  ≈ 1, or β and γ² once scaled and shifted).
* :func:`weight_scales`, :func:`grid_cells` and :func:`run_grid` – the book's grid of small plots
  (Fig. 6-18): the same deep network trained with and without batch norm for initial weight
  scales from 1 down to 0.0001, as run settings, trained cell after cell.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from core._checks import FloatArray, as_float_array, check_count, check_positive, require_nonempty
from core.init_lab import prepare_trainer, train_interleaved
from core.layers import BatchNormalization
from core.trainer import TrainStep
from core.training_runs import RunConfig

__all__ = [
    "BOOK_EPOCHS",
    "BOOK_SCALES",
    "BOOK_TRAIN_SAMPLES",
    "BatchNormStats",
    "GridCell",
    "GridStep",
    "batchnorm_statistics",
    "grid_cells",
    "preactivation_batch",
    "run_grid",
    "weight_scales",
]

#: The book's experiment (§6.3.2): 1000 MNIST training samples, 20 epochs, 16 weight scales.
BOOK_TRAIN_SAMPLES = 1000
BOOK_EPOCHS = 20
BOOK_SCALES = 16


# --- one BN layer on one batch ----------------------------------------------------------------------


def preactivation_batch(
    x: Any,
    *,
    n_features: int = 8,
    batch_size: int = 100,
    weight_std: float = 1.0,
    seed: int = 0,
) -> FloatArray:
    """a = x_B·W + b: a hidden layer's inputs for a random mini-batch x_B of ``x`` (§6.3.1).

    W ~ N(0, ``weight_std``²) and b ~ N(0, 4), so every feature (column) has a mean and a
    variance of its own, as the affine outputs a batch-norm layer receives do.
    """
    data = as_float_array(x, "x")
    require_nonempty(data, "x")
    rows = data.reshape(len(data), -1)
    n = check_count(batch_size, "batch_size", minimum=2)
    if n > len(rows):
        raise ValueError(f"the batch size {n} is larger than the {len(rows)} samples available")
    features = check_count(n_features, "n_features")
    if features > 1000:
        raise ValueError(f"at most 1000 features, got {features}")
    std = check_positive(weight_std, "weight_std")
    rng = np.random.default_rng(seed)
    batch = rows[rng.choice(len(rows), size=n, replace=False)].astype(np.float64)
    W = std * rng.standard_normal((rows.shape[1], features))
    b = 2.0 * rng.standard_normal(features)
    return batch @ W + b


@dataclass(frozen=True, eq=False)
class BatchNormStats:
    """Per-feature statistics of a batch before and after batch norm (§6.3.1, eq. 6.7–6.8).

    ``mean_before``/``var_before`` are μ_B and σ²_B of the input; ``mean_after``/``var_after``
    the same of y = γ·x̂ + β, where x̂ = (x − μ_B)/√(σ²_B + ε): 0 + β and γ²·σ²_B/(σ²_B + ε).
    """

    x: FloatArray
    y: FloatArray
    mean_before: FloatArray
    var_before: FloatArray
    mean_after: FloatArray
    var_after: FloatArray
    gamma: float
    beta: float
    eps: float

    @property
    def expected_var_after(self) -> FloatArray:
        """γ²·σ²_B/(σ²_B + ε): a hair below γ² because of ε."""
        return self.gamma**2 * self.var_before / (self.var_before + self.eps)

    @property
    def mean_error(self) -> float:
        """maxⱼ |mean after − β|: how far any feature's mean is from β (rounding only)."""
        return float(np.max(np.abs(self.mean_after - self.beta)))

    @property
    def var_after_range(self) -> tuple[float, float]:
        """(smallest, largest) variance of a feature after the layer."""
        return float(self.var_after.min()), float(self.var_after.max())


def batchnorm_statistics(x: Any, gamma: float = 1.0, beta: float = 0.0) -> BatchNormStats:
    """Mean and variance of every feature before and after a BatchNormalization layer (§6.3.1).

    The batch ``x`` (N, features) goes through :class:`core.layers.BatchNormalization` in
    training mode (normalised with its own μ_B and σ²_B) with every γ = ``gamma`` and every
    β = ``beta``.
    """
    arr = as_float_array(x, "x")
    require_nonempty(arr, "x")
    if arr.ndim != 2 or arr.shape[0] < 2:
        raise ValueError(f"x must be a batch (N ≥ 2, features), got shape {arr.shape}")
    g, b = float(gamma), float(beta)
    if not (math.isfinite(g) and math.isfinite(b)):
        raise ValueError(f"γ and β must be finite numbers, got {gamma!r} and {beta!r}")
    features = arr.shape[1]
    layer = BatchNormalization(np.full(features, g), np.full(features, b))
    y = layer.forward(arr, train_flg=True)
    return BatchNormStats(
        x=arr,
        y=y,
        mean_before=arr.mean(axis=0),
        var_before=arr.var(axis=0),
        mean_after=y.mean(axis=0),
        var_after=y.var(axis=0),
        gamma=g,
        beta=b,
        eps=float(layer.eps),
    )


# --- the book's grid of training runs (Fig. 6-18) ---------------------------------------------------


def weight_scales(n: int = BOOK_SCALES, high: float = 1.0, low: float = 1e-4) -> FloatArray:
    """``n`` standard deviations of the initial weights, log-spaced from ``high`` down to ``low``.

    The book's ``np.logspace(0, -4, num=16)``: 1, 0.541, 0.293, …, 0.0001.
    """
    count = check_count(n, "n")
    top = check_positive(high, "high")
    bottom = check_positive(low, "low")
    if bottom > top:
        raise ValueError(f"low must not exceed high, got low={low!r} > high={high!r}")
    return np.logspace(math.log10(top), math.log10(bottom), num=count)


@dataclass(frozen=True)
class GridCell:
    """One small plot of Fig. 6-18: the same network with and without batch norm."""

    index: int
    scale: float
    with_bn: RunConfig
    without_bn: RunConfig


def grid_cells(
    scales: Sequence[float],
    *,
    epochs: int = BOOK_EPOCHS,
    hidden_layers: int = 5,
    hidden_units: int = 100,
    lr: float = 0.01,
    batch_size: int = 100,
    seed: int = 0,
    dataset: str = "digits",
) -> tuple[GridCell, ...]:
    """The runs of Fig. 6-18 for each weight scale (§6.3.2).

    As in the book: 5 hidden ReLU layers of 100 units, weights N(0, scale²), SGD with η = 0.01,
    batches of 100, 20 epochs; one run with a BatchNormalization layer before every activation,
    one without. Both runs of a cell start from the same seed.
    """
    cells = []
    for index, scale in enumerate(scales):
        std = check_positive(scale, "every weight scale")
        base = {
            "model": "multi_layer",
            "hidden_sizes": (check_count(hidden_units, "hidden_units"),)
            * check_count(hidden_layers, "hidden_layers"),
            "activation": "relu",
            "weight_init": "std",
            "init_std": std,
            "optimizer": "SGD",
            "lr": lr,
            "batch_size": batch_size,
            "length": epochs,
            "length_unit": "epochs",
            "seed": seed,
            "dataset": dataset,
        }
        cells.append(
            GridCell(
                index, std, RunConfig(batchnorm=True, **base), RunConfig(batchnorm=False, **base)
            )
        )
    if not cells:
        raise ValueError("the grid needs at least one weight scale")
    return tuple(cells)


@dataclass(frozen=True, slots=True)
class GridStep:
    """One update of cell ``cell``'s run with (``batchnorm``) or without batch norm."""

    cell: int
    batchnorm: bool
    step: TrainStep


def run_grid(
    cells: Sequence[GridCell],
    x_train: Any,
    t_train: Any,
    x_test: Any,
    t_test: Any,
    n_classes: int,
) -> Iterator[GridStep]:
    """Train the cells one after another, each cell's two runs side by side (§6.3.2).

    A run whose loss becomes NaN ends there (too large weights without batch norm may do so).
    """
    for cell in cells:
        trainers = [
            prepare_trainer(config, x_train, t_train, x_test, t_test, n_classes)
            for config in (cell.with_bn, cell.without_bn)
        ]
        for record in train_interleaved(trainers):
            yield GridStep(cell.index, record.run == 0, record.step)
