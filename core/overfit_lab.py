"""The overfitting lab (§6.4): a deep network on 300 samples, weight decay and dropout.

* :func:`overfit_config` and :func:`small_training_set` – the book's setup (OV1): the first 300
  training samples, a MultiLayerNet(Extend) with 6 hidden layers of 100, SGD η = 0.01; weight
  decay λ (0.1 in the book) and a dropout ratio (0.2) as the cures.
* :func:`overfit_summary` – where the training and test accuracy end and how far apart they are.
* :func:`dropout_comparison` – the book's dropout (mask while training, × (1 − p) at test time)
  beside inverted dropout (mask ÷ (1 − p) while training, nothing at test time) and the common
  mistake of scaling at neither (B35), as measured numbers.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from core._checks import FloatArray, as_float_array, check_count, check_fraction
from core.init_lab import prepare_trainer
from core.layers import Dropout
from core.trainer import TrainStep
from core.training_runs import RunConfig

__all__ = [
    "BOOK_DROPOUT",
    "BOOK_EPOCHS",
    "BOOK_HIDDEN_LAYERS",
    "BOOK_LAMBDA",
    "BOOK_TRAIN_SAMPLES",
    "DropoutRow",
    "DropoutStyle",
    "OverfitSummary",
    "dropout_comparison",
    "inverted_dropout_forward",
    "overfit_config",
    "overfit_summary",
    "run_overfit",
    "small_training_set",
]

#: The book's setup (§6.4.1, OV1).
BOOK_TRAIN_SAMPLES = 300
BOOK_HIDDEN_LAYERS = 6
BOOK_EPOCHS = 201
BOOK_LAMBDA = 0.1
BOOK_DROPOUT = 0.2
BOOK_LR = 0.01


def overfit_config(
    *,
    weight_decay: float = 0.0,
    dropout_ratio: float = 0.0,
    hidden_layers: int = BOOK_HIDDEN_LAYERS,
    hidden_units: int = 100,
    epochs: int = BOOK_EPOCHS,
    lr: float = BOOK_LR,
    batch_size: int = 100,
    seed: int = 0,
    dataset: str = "digits",
) -> RunConfig:
    """The book's overfitting network (§6.4.1–6.4.3) with weight decay λ and dropout.

    ReLU, He initial weights (the book's default ``weight_init_std='relu'``), SGD with η = 0.01,
    batches of 100; 201 epochs (the dropout script runs 301). A dropout ratio > 0 makes it a
    MultiLayerNetExtend with a Dropout layer after every activation.
    """
    return RunConfig(
        model="multi_layer",
        hidden_sizes=(check_count(hidden_units, "hidden_units"),)
        * check_count(hidden_layers, "hidden_layers"),
        activation="relu",
        weight_init="he",
        optimizer="SGD",
        lr=lr,
        batch_size=batch_size,
        length=epochs,
        length_unit="epochs",
        weight_decay=weight_decay,
        dropout_ratio=dropout_ratio,
        seed=seed,
        dataset=dataset,
    )


def small_training_set(x_train: Any, t_train: Any, n: int = BOOK_TRAIN_SAMPLES) -> tuple[Any, Any]:
    """The first ``n`` training samples, as the book keeps 300 to provoke overfitting (§6.4.1)."""
    count = check_count(n, "the number of training samples")
    if len(x_train) != len(t_train):
        raise ValueError(f"x_train has {len(x_train)} samples but t_train {len(t_train)}")
    if count > len(x_train):
        raise ValueError(f"asked for {count} training samples but there are only {len(x_train)}")
    return x_train[:count], t_train[:count]


def run_overfit(
    config: RunConfig,
    x_train: Any,
    t_train: Any,
    x_test: Any,
    t_test: Any,
    n_classes: int,
) -> Iterator[TrainStep]:
    """Train ``config`` on the (small) training set, evaluating train and test every epoch."""
    yield from prepare_trainer(config, x_train, t_train, x_test, t_test, n_classes).steps()


@dataclass(frozen=True)
class OverfitSummary:
    """The end of a run's accuracy curves (§6.4.1, Fig. 6-20).

    ``gap`` = final training − final test accuracy; ``max_gap`` the largest gap of any epoch;
    ``best_test`` and ``best_epoch`` where the test accuracy peaked.
    """

    final_train: float
    final_test: float
    gap: float
    max_gap: float
    best_test: float
    best_epoch: float


def overfit_summary(epochs: Any, train_acc: Any, test_acc: Any) -> OverfitSummary:
    """Final accuracies and the gap between them from the per-epoch curves."""
    e = as_float_array(epochs, "epochs")
    tr = as_float_array(train_acc, "train_acc")
    te = as_float_array(test_acc, "test_acc")
    if not (e.ndim == tr.ndim == te.ndim == 1 and len(e) == len(tr) == len(te) > 0):
        raise ValueError("epochs, train_acc and test_acc must be 1-D, of one length ≥ 1")
    gaps = tr - te
    best = int(np.nanargmax(te)) if np.isfinite(te).any() else 0
    return OverfitSummary(
        final_train=float(tr[-1]),
        final_test=float(te[-1]),
        gap=float(gaps[-1]),
        max_gap=float(np.nanmax(gaps)) if np.isfinite(gaps).any() else math.nan,
        best_test=float(te[best]),
        best_epoch=float(e[best]),
    )


# --- the book's dropout against inverted dropout ----------------------------------------------------


class DropoutStyle(enum.Enum):
    """Where dropout does its scaling."""

    BOOK = "book"  # training: x·mask; test: x·(1 − p)  (core.layers.Dropout, §6.4.3)
    INVERTED = "inverted"  # training: x·mask/(1 − p); test: x
    UNSCALED = "unscaled"  # training: x·mask; test: x — the mistake (B35)


def inverted_dropout_forward(
    x: Any, dropout_ratio: float, rng: np.random.Generator, train_flg: bool = True
) -> tuple[FloatArray, np.ndarray | None]:
    """Inverted dropout: x·mask/(1 − p) while training, x unchanged at test time.

    The kept units are scaled up while training so that the expected output already equals x,
    and the network is used at test time as it is (how most libraries implement dropout).
    Returns the output and the mask (None at test time).
    """
    arr = as_float_array(x, "x")
    p = check_fraction(dropout_ratio, "dropout_ratio")
    if not train_flg:
        return arr.copy(), None
    mask = rng.random(arr.shape) > p
    return arr * mask / (1.0 - p), mask


@dataclass(frozen=True)
class DropoutRow:
    """How one style of dropout treats an input x (every unit = x) at training and test time.

    ``train_scale`` multiplies the kept units while training (1, or 1/(1 − p) for inverted);
    ``test_scale`` multiplies every unit at test time ((1 − p), or 1). ``expected_train`` is
    E[output] while training, (1 − p)·train_scale·x, and ``measured_train`` the mean of a real
    forward pass over ``n_units`` units; ``test_output`` = test_scale·x. ``test_over_train`` is
    test_output / expected_train: 1 when test time sees what training saw on average.
    """

    style: DropoutStyle
    ratio: float
    x: float
    train_scale: float
    test_scale: float
    expected_train: float
    measured_train: float
    test_output: float
    test_over_train: float

    @property
    def consistent(self) -> bool:
        return math.isclose(self.test_over_train, 1.0, rel_tol=1e-12)


def dropout_comparison(
    dropout_ratio: float, *, x: float = 1.0, n_units: int = 100_000, seed: int = 0
) -> tuple[DropoutRow, ...]:
    """The book's dropout, inverted dropout and unscaled dropout side by side (§6.4.3, B35).

    Each style runs one training forward pass over ``n_units`` units that all hold ``x`` (the
    book's through :class:`core.layers.Dropout`) and one test pass. The book's and inverted
    dropout give test outputs equal to the training expectation; unscaled dropout gives
    1/(1 − p) times too much at test time.
    """
    p = check_fraction(dropout_ratio, "dropout_ratio")
    value = float(x)
    if not math.isfinite(value) or value == 0:
        raise ValueError(f"x must be a finite number other than 0, got {x!r}")
    units = np.full(check_count(n_units, "n_units"), value)
    keep = 1.0 - p
    book = Dropout(p, rng=np.random.default_rng(seed))
    book_train = float(book.forward(units, train_flg=True).mean())
    book_test = float(book.forward(units, train_flg=False).mean())
    inverted_train = float(
        inverted_dropout_forward(units, p, np.random.default_rng(seed), True)[0].mean()
    )
    inverted_test = float(
        inverted_dropout_forward(units, p, np.random.default_rng(seed), False)[0].mean()
    )
    rows = []
    for style, train_scale, measured, test in (
        (DropoutStyle.BOOK, 1.0, book_train, book_test),
        (DropoutStyle.INVERTED, 1.0 / keep, inverted_train, inverted_test),
        (DropoutStyle.UNSCALED, 1.0, book_train, value),
    ):
        expected = keep * train_scale * value
        rows.append(
            DropoutRow(
                style=style,
                ratio=p,
                x=value,
                train_scale=train_scale,
                test_scale=test / value,
                expected_train=expected,
                measured_train=measured,
                test_output=test,
                test_over_train=test / expected,
            )
        )
    return tuple(rows)
