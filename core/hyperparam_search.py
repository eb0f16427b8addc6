"""Random search of the learning rate and weight decay on a log scale (§6.5).

The book's recipe (§6.5.2–6.5.3, H1): keep part of the *training* data aside as validation data
(never the test data, which must stay unseen until the very end), sample each hyper-parameter
log-uniformly – lr = 10^U(−6, −2), weight decay = 10^U(−8, −4) – train briefly with each sample,
rank the samples by validation accuracy and narrow the ranges to where the best ones lie.

* :class:`LogRange`, :func:`sample_log_uniform`, :func:`sample_trials` – the sampling;
* :func:`validation_split` and :func:`search_data` – index arrays into the training set and the
  arrays they pick (the validation count is an ``int``: B36);
* :func:`trial_config` and :func:`run_search` – the short runs, as records;
* :func:`rank_trials` and :func:`narrow_ranges` – what the results say.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from core._checks import FloatArray, IntArray, check_count, check_fraction
from core.init_lab import prepare_trainer
from core.training_runs import RunConfig

__all__ = [
    "BOOK_EPOCHS",
    "BOOK_LR_RANGE",
    "BOOK_TRAIN_SAMPLES",
    "BOOK_VALIDATION_RATIO",
    "BOOK_WEIGHT_DECAY_RANGE",
    "LogRange",
    "NarrowedRanges",
    "SearchData",
    "Trial",
    "TrialProgress",
    "TrialResult",
    "narrow_ranges",
    "rank_trials",
    "run_search",
    "sample_log_uniform",
    "sample_trials",
    "search_data",
    "trial_config",
    "validation_split",
]


@dataclass(frozen=True)
class LogRange:
    """The exponents of a log-uniform range: values 10^low … 10^high, low < high (§6.5.3)."""

    low: float
    high: float

    def __post_init__(self) -> None:
        low, high = float(self.low), float(self.high)
        if not (math.isfinite(low) and math.isfinite(high)):
            raise ValueError(
                f"the exponents must be finite numbers, got {self.low!r} and {self.high!r}"
            )
        if not low < high:
            raise ValueError(
                f"the range 10^{low:g} … 10^{high:g} is empty: the lower exponent must be "
                "smaller than the upper one"
            )
        if high - low > 30 or max(abs(low), abs(high)) > 300:
            raise ValueError("exponents must lie within ±300 and at most 30 decades apart")
        object.__setattr__(self, "low", low)
        object.__setattr__(self, "high", high)

    @property
    def values(self) -> tuple[float, float]:
        """(10^low, 10^high)."""
        return 10.0**self.low, 10.0**self.high

    @property
    def decades(self) -> float:
        return self.high - self.low

    def contains(self, value: float) -> bool:
        """Whether ``value`` > 0 lies in 10^low … 10^high."""
        return value > 0 and self.low <= math.log10(value) <= self.high


#: The ranges of the book's script (H1).
BOOK_LR_RANGE = LogRange(-6.0, -2.0)
BOOK_WEIGHT_DECAY_RANGE = LogRange(-8.0, -4.0)
#: The book trains on the first 500 samples and keeps 20 % of them for validation (H1) …
BOOK_TRAIN_SAMPLES = 500
BOOK_VALIDATION_RATIO = 0.2
#: … for 50 epochs, in a MultiLayerNet with 6 hidden layers of 100.
BOOK_EPOCHS = 50
BOOK_HIDDEN_LAYERS = 6


def sample_log_uniform(value_range: LogRange, size: int, rng: np.random.Generator) -> FloatArray:
    """10^u with u ~ U(low, high): every decade is sampled as often as every other (§6.5.3).

    A plain U(10⁻⁶, 10⁻²) would put 99 % of the samples above 10⁻⁴.
    """
    n = check_count(size, "size", minimum=0)
    return 10.0 ** rng.uniform(value_range.low, value_range.high, n)


# --- the validation split ---------------------------------------------------------------------------


def validation_split(
    n_train: int, ratio: float = BOOK_VALIDATION_RATIO, seed: int = 0
) -> tuple[IntArray, IntArray]:
    """(train indices, validation indices): a shuffled ``ratio`` of the *training* set (§6.5.1).

    Both index the training set only, so the test data is never looked at while tuning. The
    validation count is int(n_train × ratio), at least 1, and at least one sample stays for
    training (the book's script once sliced with the float n × 0.2 and crashed: B36).
    """
    n = check_count(n_train, "n_train", minimum=2)
    r = check_fraction(ratio, "the validation share")
    n_val = int(n * r)
    if n_val < 1 or n_val >= n:
        raise ValueError(
            f"a validation share of {ratio!r} of {n} samples gives {n_val} validation samples; "
            "it needs at least one, and one must stay for training"
        )
    order = np.random.default_rng(seed).permutation(n)
    return np.sort(order[n_val:]).astype(np.int64), np.sort(order[:n_val]).astype(np.int64)


@dataclass(frozen=True, eq=False)
class SearchData:
    """The training and validation arrays of a search, both carved from the training set.

    ``train_indices`` and ``validation_indices`` index the original training set.
    """

    x_train: Any
    t_train: Any
    x_val: Any
    t_val: Any
    train_indices: IntArray
    validation_indices: IntArray
    n_classes: int


def search_data(
    x_train: Any,
    t_train: Any,
    n_classes: int,
    *,
    n_samples: int | None = BOOK_TRAIN_SAMPLES,
    ratio: float = BOOK_VALIDATION_RATIO,
    seed: int = 0,
) -> SearchData:
    """The first ``n_samples`` training samples (all when None) split into train and validation.

    Only the training set is passed in: the test set cannot leak into the search.
    """
    if len(x_train) != len(t_train):
        raise ValueError(f"x_train has {len(x_train)} samples but t_train {len(t_train)}")
    n = len(x_train) if n_samples is None else check_count(n_samples, "n_samples", minimum=2)
    if n > len(x_train):
        raise ValueError(f"asked for {n} training samples but there are only {len(x_train)}")
    train, val = validation_split(n, ratio, seed)
    return SearchData(
        x_train[train],
        t_train[train],
        x_train[val],
        t_train[val],
        train,
        val,
        check_count(n_classes, "n_classes", minimum=2),
    )


# --- trials -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Trial:
    """One sampled pair of hyper-parameters; ``round`` counts the searches (0, 1 after narrowing …)."""

    index: int
    round: int
    lr: float
    weight_decay: float


def sample_trials(
    n: int,
    lr_range: LogRange = BOOK_LR_RANGE,
    weight_decay_range: LogRange = BOOK_WEIGHT_DECAY_RANGE,
    *,
    seed: int = 0,
    round_index: int = 0,
    first_index: int = 0,
) -> tuple[Trial, ...]:
    """``n`` (lr, weight decay) pairs, each log-uniform in its range (§6.5.3).

    Drawn from ``seed`` and ``round_index`` (the search's number: 0, then 1 after narrowing …),
    numbered from ``first_index``.
    """
    count = check_count(n, "the number of trials")
    if count > 10_000:
        raise ValueError(f"at most 10 000 trials, got {count}")
    rng = np.random.default_rng(
        [check_count(seed, "seed", 0), check_count(round_index, "round_index", 0)]
    )
    lrs = sample_log_uniform(lr_range, count, rng)
    decays = sample_log_uniform(weight_decay_range, count, rng)
    return tuple(
        Trial(first_index + i, round_index, float(lr), float(wd))
        for i, (lr, wd) in enumerate(zip(lrs, decays, strict=True))
    )


def trial_config(
    trial: Trial,
    *,
    epochs: int = BOOK_EPOCHS,
    hidden_layers: int = BOOK_HIDDEN_LAYERS,
    hidden_units: int = 100,
    batch_size: int = 100,
    seed: int = 0,
    dataset: str = "digits",
) -> RunConfig:
    """The book's short run for one trial: MultiLayerNet (6 hidden layers of 100, ReLU, He),
    SGD with the trial's lr, weight decay λ = the trial's, 50 epochs (§6.5.3).

    Every trial starts from the same weights and batch order (``seed``), so only the two
    hyper-parameters differ.
    """
    return RunConfig(
        model="multi_layer",
        hidden_sizes=(check_count(hidden_units, "hidden_units"),)
        * check_count(hidden_layers, "hidden_layers"),
        activation="relu",
        weight_init="he",
        optimizer="SGD",
        lr=trial.lr,
        batch_size=batch_size,
        length=epochs,
        length_unit="epochs",
        weight_decay=trial.weight_decay,
        seed=seed,
        dataset=dataset,
    )


@dataclass(frozen=True)
class TrialProgress:
    """``iteration`` of ``max_iter`` updates of ``trial`` done."""

    trial: Trial
    iteration: int
    max_iter: int


@dataclass(frozen=True)
class TrialResult:
    """A finished trial: the last validation and training accuracy and the validation curve.

    ``val_acc`` is NaN when the loss became NaN (a learning rate far too large).
    """

    trial: Trial
    val_acc: float
    train_acc: float
    val_curve: tuple[float, ...]
    diverged: bool


def run_search(
    trials: Sequence[Trial],
    data: SearchData,
    *,
    epochs: int = BOOK_EPOCHS,
    hidden_layers: int = BOOK_HIDDEN_LAYERS,
    seed: int = 0,
    dataset: str = "digits",
) -> Iterator[TrialProgress | TrialResult]:
    """Train each trial in turn on ``data``'s training part, evaluated on its validation part.

    Yields a :class:`TrialProgress` after every update (so a consumer can stop between two) and
    a :class:`TrialResult` at the end of each trial.
    """
    for trial in trials:
        config = trial_config(
            trial, epochs=epochs, hidden_layers=hidden_layers, seed=seed, dataset=dataset
        )
        trainer = prepare_trainer(
            config, data.x_train, data.t_train, data.x_val, data.t_val, data.n_classes
        )
        curve: list[float] = []
        train_acc = math.nan
        diverged = False
        for step in trainer.steps():
            if step.test_acc is not None and step.train_acc is not None:
                curve.append(step.test_acc)
                train_acc = step.train_acc
            diverged = diverged or not math.isfinite(step.loss)
            yield TrialProgress(trial, step.iteration, trainer.max_iter)
        yield TrialResult(
            trial,
            math.nan if diverged or not curve else curve[-1],
            math.nan if diverged else train_acc,
            tuple(curve),
            diverged,
        )


# --- what the results say ---------------------------------------------------------------------------


def rank_trials(results: Iterable[TrialResult]) -> list[TrialResult]:
    """Best validation accuracy first; diverged (NaN) trials last; ties by trial index."""

    def key(result: TrialResult) -> tuple[int, float, int]:
        acc = result.val_acc
        return (0, -acc, result.trial.index) if math.isfinite(acc) else (1, 0.0, result.trial.index)

    return sorted(results, key=key)


@dataclass(frozen=True)
class NarrowedRanges:
    """The ranges spanned by the ``top`` results, widened by ``margin`` decades on each side."""

    lr: LogRange
    weight_decay: LogRange
    top: tuple[TrialResult, ...]
    margin: float


def narrow_ranges(
    results: Iterable[TrialResult], top_k: int = 5, margin: float = 0.1
) -> NarrowedRanges:
    """New exponent ranges from the ``top_k`` best results (§6.5.3 "narrow the range").

    Each range runs from the smallest to the largest exponent among them, ``margin`` decades
    wider on both sides (so a single result still gives a range). Diverged results are left out.
    """
    k = check_count(top_k, "top_k")
    pad = float(margin)
    if not (math.isfinite(pad) and pad > 0):
        raise ValueError(f"margin must be a number of decades > 0, got {margin!r}")
    usable = [r for r in rank_trials(results) if math.isfinite(r.val_acc)]
    if not usable:
        raise ValueError("no finished trial with a validation accuracy to narrow the range from")
    top = tuple(usable[:k])
    lr_exp = [math.log10(r.trial.lr) for r in top]
    wd_exp = [math.log10(r.trial.weight_decay) for r in top]
    return NarrowedRanges(
        LogRange(min(lr_exp) - pad, max(lr_exp) + pad),
        LogRange(min(wd_exp) - pad, max(wd_exp) + pad),
        top,
        pad,
    )
