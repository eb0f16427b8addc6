"""Training runs as data: their settings, their history, and what the history says (§4.5, §6).

The training dashboard keeps everything it shows about a run here, away from Qt:

* :class:`RunConfig` holds every choice a learner makes before pressing Start (the network of
  §4.5/§6.1–6.4, the optimizer of §6.1, the mini-batch of §4.2.3); :func:`build_network` and
  :func:`build_trainer` turn it into core objects, and :func:`varying_fields` says what differs
  between runs so overlaid curves can be labelled with it.
* :class:`RunHistory` collects the :class:`~core.trainer.TrainStep` records of a run in
  preallocated arrays that double when full, with a smoothed loss (an exponential moving average)
  and the training time with pauses left out.
* :func:`run_progress` gives the numbers of a progress bar: iterations, epochs, time, ETA.
* :func:`check_learning` notices a run that is not learning (a loss stuck at −log(1/C), or at
  the cross-entropy's cap −log(δ)), before or instead of a NaN.
* :func:`mlp_param_count`, :func:`loss_evaluations_per_step` and :func:`time_gradient_methods`
  put numbers on why backpropagation replaced the numerical gradient (§4.5 against §5.7).
* :func:`on_each_loss` lets a caller count, pause or interrupt the thousands of loss evaluations
  inside one numerical-gradient step.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import itertools
import math
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from core._checks import FloatArray
from core.functions import DELTA
from core.networks import MultiLayerNet, MultiLayerNetExtend, TwoLayerNet
from core.optimizer import OPTIMIZERS
from core.trainer import StopReason, Trainer, TrainStep

__all__ = [
    "ACTIVATIONS",
    "EVAL_SAMPLES",
    "GRADIENT_METHODS",
    "LENGTH_UNITS",
    "MAX_PARAMS",
    "MODELS",
    "WEIGHT_INITS",
    "GradientTiming",
    "LearningCheck",
    "LearningState",
    "RunConfig",
    "RunHistory",
    "RunProgress",
    "build_network",
    "build_trainer",
    "chance_loss",
    "check_learning",
    "ema",
    "loss_evaluations_per_step",
    "mlp_param_count",
    "network_class_name",
    "on_each_loss",
    "planned_length",
    "planned_param_count",
    "planned_param_shapes",
    "preferred_dtype",
    "run_progress",
    "time_gradient_methods",
    "varying_fields",
]

MODELS: tuple[str, ...] = ("two_layer", "multi_layer")
ACTIVATIONS: tuple[str, ...] = ("relu", "sigmoid", "tanh")
WEIGHT_INITS: tuple[str, ...] = ("std", "xavier", "he")
LENGTH_UNITS: tuple[str, ...] = ("epochs", "iterations")
GRADIENT_METHODS: tuple[str, ...] = ("backprop", "numerical")

#: Largest network the dashboard builds: 20 million numbers are 160 MB of float64 weights.
MAX_PARAMS = 20_000_000
#: Accuracy is evaluated on at most this many samples per split (MNIST's whole test set).
EVAL_SAMPLES = 10_000
#: Training sets larger than this train in float32 with backprop (see :func:`preferred_dtype`).
LARGE_DATASET = 20_000
#: A run of more updates than this is refused: its history alone would not fit in memory.
MAX_ITERATIONS = 10_000_000


# --- the settings of a run ------------------------------------------------------------------------


@dataclass(frozen=True)
class RunConfig:
    """Every choice made before a run starts (§4.5.2, §6.1–6.4), checked when created.

    Attributes
    ----------
    model : {'two_layer', 'multi_layer'}
        The book's ``TwoLayerNet`` (one hidden layer) or ``MultiLayerNet`` (any number; with
        dropout or batch norm it becomes ``MultiLayerNetExtend``).
    hidden_sizes : tuple of int
        Units per hidden layer, e.g. ``(50,)`` or ``(100, 100)``.
    activation : {'relu', 'sigmoid', 'tanh'}
        Activation of every hidden layer.
    weight_init : {'std', 'xavier', 'he'}
        ``'std'`` uses ``init_std`` as the standard deviation (the book's 0.01); Xavier is
        √(1/n), He √(2/n) for a layer with n inputs (§6.2).
    init_std : float
        Standard deviation used when ``weight_init == 'std'``; ≥ 0 (0 shows why symmetric
        weights never learn).
    optimizer : str
        A name of :data:`core.optimizer.OPTIMIZERS`.
    lr : float
        Learning rate η, finite and > 0.
    batch_size : int
        Mini-batch size (§4.2.3).
    length, length_unit
        How long to train: ``length`` epochs or ``length`` iterations (updates).
    weight_decay : float
        λ of the weight decay ½λΣW² (§6.4.2); ``multi_layer`` only.
    dropout_ratio : float
        Share of hidden units dropped while training (§6.4.3); 0 means no dropout layers.
    batchnorm : bool
        Batch normalisation after every hidden Affine layer (§6.3).
    seed : int
        Seed of the initial weights, the dropout masks and the mini-batch order.
    gradient_method : {'backprop', 'numerical'}
        How the gradient is computed: backpropagation (§5.7) or central differences (§4.5).
    dataset : str
        The data's name, only for labelling runs.
    """

    model: str = "two_layer"
    hidden_sizes: tuple[int, ...] = (50,)
    activation: str = "relu"
    weight_init: str = "std"
    init_std: float = 0.01
    optimizer: str = "SGD"
    lr: float = 0.1
    batch_size: int = 100
    length: int = 100
    length_unit: str = "epochs"
    weight_decay: float = 0.0
    dropout_ratio: float = 0.0
    batchnorm: bool = False
    seed: int = 0
    gradient_method: str = "backprop"
    dataset: str = "digits"

    def __post_init__(self) -> None:
        _one_of(self.model, MODELS, "model")
        _one_of(self.activation, ACTIVATIONS, "activation")
        _one_of(self.weight_init, WEIGHT_INITS, "weight_init")
        _one_of(self.optimizer, tuple(OPTIMIZERS), "optimizer")
        _one_of(self.length_unit, LENGTH_UNITS, "length_unit")
        _one_of(self.gradient_method, GRADIENT_METHODS, "gradient_method")
        sizes = tuple(self.hidden_sizes)
        if not sizes or any(_not_count(s) for s in sizes):
            raise ValueError(
                f"hidden_sizes must list whole numbers ≥ 1, one per hidden layer, got {sizes!r}"
            )
        object.__setattr__(self, "hidden_sizes", tuple(int(s) for s in sizes))
        if self.model == "two_layer":
            if len(sizes) != 1:
                raise ValueError(
                    f"TwoLayerNet has exactly one hidden layer, got {len(sizes)} sizes "
                    f"{sizes!r}; choose MultiLayerNet for more"
                )
            if self.weight_decay or self.dropout_ratio or self.batchnorm:
                raise ValueError(
                    "TwoLayerNet has no weight decay, dropout or batch norm; "
                    "choose MultiLayerNet for those"
                )
        if not (math.isfinite(self.init_std) and self.init_std >= 0):
            raise ValueError(f"init_std must be a finite number ≥ 0, got {self.init_std!r}")
        if not (math.isfinite(self.lr) and self.lr > 0):
            raise ValueError(f"the learning rate must be a finite number > 0, got {self.lr!r}")
        for name in ("batch_size", "length"):
            if _not_count(getattr(self, name)):
                raise ValueError(f"{name} must be a whole number ≥ 1, got {getattr(self, name)!r}")
        if not (math.isfinite(self.weight_decay) and self.weight_decay >= 0):
            raise ValueError(
                f"the weight decay λ must be a finite number ≥ 0, got {self.weight_decay!r}"
            )
        if not 0.0 <= self.dropout_ratio < 1.0:
            raise ValueError(f"the dropout ratio must lie in [0, 1), got {self.dropout_ratio!r}")
        if (
            isinstance(self.seed, bool)
            or not isinstance(self.seed, (int, np.integer))
            or self.seed < 0
        ):
            raise ValueError(f"seed must be a whole number ≥ 0, got {self.seed!r}")

    def weight_init_std(self) -> float | str:
        """The ``weight_init_std`` argument of the book's networks: a number, 'xavier' or 'he'."""
        return self.init_std if self.weight_init == "std" else self.weight_init


def _one_of(value: object, choices: tuple[str, ...], name: str) -> None:
    if value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(choices)}, got {value!r}")


def _not_count(value: object) -> bool:
    return (
        isinstance(value, bool) or not isinstance(value, (int, np.integer)) or int(value) < 1  # type: ignore[call-overload]
    )


def network_class_name(config: RunConfig) -> str:
    """The book's class a config builds: 'TwoLayerNet', 'MultiLayerNet' or 'MultiLayerNetExtend'."""
    if config.model == "two_layer":
        return "TwoLayerNet"
    if config.dropout_ratio > 0 or config.batchnorm:
        return "MultiLayerNetExtend"
    return "MultiLayerNet"


def mlp_param_count(layer_sizes: Sequence[int], *, batchnorm: bool = False) -> int:
    """Σ (n_in·n_out + n_out) over the Affine layers, + 2 per hidden unit with batch norm (§4.5).

    The book's TwoLayerNet 784-50-10 has 784·50 + 50 + 50·10 + 10 = 39 760 parameters.
    """
    sizes = [int(s) for s in layer_sizes]
    if len(sizes) < 2 or any(s < 1 for s in sizes):
        raise ValueError(f"layer_sizes needs at least 2 whole numbers ≥ 1, got {layer_sizes!r}")
    count = sum(n_in * n_out + n_out for n_in, n_out in itertools.pairwise(sizes))
    if batchnorm:
        count += 2 * sum(sizes[1:-1])  # γ and β per hidden unit
    return count


def planned_param_count(config: RunConfig, input_size: int, output_size: int) -> int:
    """Parameters of the network ``config`` would build, without building it."""
    sizes = (input_size, *config.hidden_sizes, output_size)
    return mlp_param_count(sizes, batchnorm=config.batchnorm)


def planned_param_shapes(
    config: RunConfig, input_size: int, output_size: int
) -> dict[str, tuple[int, ...]]:
    """Shape of every parameter of the network ``config`` would build, in its order (§3.3).

    ``W1`` is (inputs, first hidden size), ``b1`` (first hidden size,), then ``gamma1`` and
    ``beta1`` with batch norm, and so on to the output layer, without building anything.
    """
    sizes = (int(input_size), *config.hidden_sizes, int(output_size))
    shapes: dict[str, tuple[int, ...]] = {}
    for idx, (n_in, n_out) in enumerate(itertools.pairwise(sizes), start=1):
        shapes[f"W{idx}"] = (n_in, n_out)
        shapes[f"b{idx}"] = (n_out,)
        if config.batchnorm and idx < len(sizes) - 1:
            shapes[f"gamma{idx}"] = (n_out,)
            shapes[f"beta{idx}"] = (n_out,)
    return shapes


def loss_evaluations_per_step(param_count: int) -> int:
    """2 × the number of parameters: central differences evaluate the loss at w + h and w − h (§4.4).

    For the book's 784-50-10 network: 2 × 39 760 = 79 520 loss evaluations for one update.
    """
    if int(param_count) != param_count or param_count < 1:
        raise ValueError(f"param_count must be a whole number ≥ 1, got {param_count!r}")
    return 2 * int(param_count)


def preferred_dtype(config: RunConfig, n_samples: int) -> np.dtype[Any]:
    """float32 for backprop on a large training set (half the memory, about twice as fast), else
    float64. The numerical gradient always needs float64: with h = 1e-4 (§4.3.1), float32's seven
    digits leave little of f(x + h) − f(x − h)."""
    if config.gradient_method == "backprop" and n_samples > LARGE_DATASET:
        return np.dtype(np.float32)
    return np.dtype(np.float64)


def build_network(
    config: RunConfig,
    input_size: int,
    output_size: int,
    dtype: type[np.floating[Any]] | np.dtype[Any] = np.float64,
) -> MultiLayerNet:
    """The network ``config`` describes, with ``input_size`` inputs and ``output_size`` classes.

    Raises ``ValueError`` when the network would have more than :data:`MAX_PARAMS` parameters.
    """
    count = planned_param_count(config, input_size, output_size)
    if count > MAX_PARAMS:
        raise ValueError(
            f"this network would have {count:,} parameters, more than the {MAX_PARAMS:,} "
            "the dashboard trains; use fewer or smaller hidden layers"
        )
    init = config.weight_init_std()
    if config.model == "two_layer":
        return TwoLayerNet(
            input_size,
            config.hidden_sizes[0],
            output_size,
            weight_init_std=init,
            activation=config.activation,  # type: ignore[arg-type]
            seed=config.seed,
            dtype=dtype,
        )
    if config.dropout_ratio > 0 or config.batchnorm:
        return MultiLayerNetExtend(
            input_size,
            config.hidden_sizes,
            output_size,
            activation=config.activation,  # type: ignore[arg-type]
            weight_init_std=init,
            weight_decay_lambda=config.weight_decay,
            use_dropout=config.dropout_ratio > 0,
            dropout_ratio=config.dropout_ratio,
            use_batchnorm=config.batchnorm,
            seed=config.seed,
            dtype=dtype,
        )
    return MultiLayerNet(
        input_size,
        config.hidden_sizes,
        output_size,
        activation=config.activation,  # type: ignore[arg-type]
        weight_init_std=init,
        weight_decay_lambda=config.weight_decay,
        seed=config.seed,
        dtype=dtype,
    )


def build_trainer(
    config: RunConfig,
    network: MultiLayerNet,
    x_train: Any,
    t_train: Any,
    x_test: Any,
    t_test: Any,
) -> Trainer:
    """A :class:`~core.trainer.Trainer` for ``network`` with the settings of ``config`` (§4.5.3).

    Accuracy is evaluated on at most :data:`EVAL_SAMPLES` samples of each split, so an epoch
    boundary on MNIST stays short.
    """
    n_train = len(x_train)
    n_eval = EVAL_SAMPLES if max(n_train, len(x_test)) > EVAL_SAMPLES else None
    by_epochs = config.length_unit == "epochs"
    if not by_epochs and config.length > MAX_ITERATIONS:
        raise ValueError(f"at most {MAX_ITERATIONS:,} iterations, got {config.length:,}")
    trainer = Trainer(
        network,
        x_train,
        t_train,
        x_test,
        t_test,
        epochs=config.length if by_epochs else 1,
        max_iter=None if by_epochs else config.length,
        mini_batch_size=config.batch_size,
        optimizer=config.optimizer,
        optimizer_param={"lr": config.lr},
        evaluate_sample_num_per_epoch=n_eval,
        gradient_method=config.gradient_method,  # type: ignore[arg-type]
        seed=config.seed,
    )
    if trainer.max_iter > MAX_ITERATIONS:
        raise ValueError(
            f"{config.length} epochs are {trainer.max_iter:,} iterations; at most "
            f"{MAX_ITERATIONS:,} are allowed"
        )
    return trainer


def planned_length(config: RunConfig, n_train: int) -> tuple[int, int]:
    """(updates, updates per epoch) a run of ``config`` on ``n_train`` samples will make (§4.5.2).

    The same numbers :func:`build_trainer` gives its Trainer, without building it: one epoch is
    n_train // batch_size updates (at least 1; the batch is at most the whole set), e.g. 600 for
    MNIST's 60 000 images at batch 100.
    """
    if int(n_train) != n_train or n_train < 1:
        raise ValueError(f"n_train must be a whole number ≥ 1, got {n_train!r}")
    batch = min(config.batch_size, int(n_train))
    per_epoch = max(int(n_train) // batch, 1)
    total = config.length * per_epoch if config.length_unit == "epochs" else config.length
    return total, per_epoch


def varying_fields(configs: Sequence[RunConfig]) -> tuple[str, ...]:
    """Names of the settings that are not the same in every one of ``configs``.

    Runs overlaid in one plot are told apart by these: for the book's optimizer comparison
    (§6.1.7) only ``'optimizer'`` (and perhaps ``'lr'``) varies. Fields keep their declared order;
    fewer than two configs vary in nothing.
    """
    if len(configs) < 2:
        return ()
    return tuple(
        f.name
        for f in dataclasses.fields(RunConfig)
        if len({getattr(c, f.name) for c in configs}) > 1
    )


# --- the history of a run ---------------------------------------------------------------------------


def ema(values: Any, weight: float) -> FloatArray:
    """Exponential moving average sₖ = w·sₖ₋₁ + (1 − w)·xₖ, bias-corrected (not in the book).

    Shown as sₖ / (1 − wᵏ), as TensorBoard smooths its curves, so the start is not pulled towards
    0. Non-finite values (a diverging loss) are skipped: the average keeps its last value there,
    or is NaN when no finite value came before. ``weight`` 0 returns the values unchanged.
    """
    smoother = _Ema(weight)
    return smoother.extend(np.asarray(values, dtype=np.float64))


class _Ema:
    """The running state of :func:`ema`, so a growing series is smoothed one batch at a time."""

    def __init__(self, weight: float) -> None:
        w = float(weight)
        if not 0.0 <= w < 1.0:
            raise ValueError(f"the smoothing weight must lie in [0, 1), got {weight!r}")
        self.weight = w
        self.total = 0.0  # w-weighted sum of the finite values so far
        self.norm = 0.0  # 1 − wᵏ after k finite values

    def extend(self, values: FloatArray) -> FloatArray:
        w, total, norm = self.weight, self.total, self.norm
        out = np.empty(len(values), dtype=np.float64)
        for i, x in enumerate(values.tolist()):
            if math.isfinite(x):
                total = w * total + (1.0 - w) * x
                norm = w * norm + (1.0 - w)
            out[i] = total / norm if norm > 0 else math.nan
        self.total, self.norm = total, norm
        return out


class _Column:
    """A float64 array that doubles its capacity when full; ``view()`` is the filled part."""

    def __init__(self, capacity: int) -> None:
        self.data = np.empty(max(int(capacity), 16), dtype=np.float64)
        self.n = 0

    def extend(self, values: Sequence[float] | FloatArray) -> None:
        k = len(values)
        if self.n + k > len(self.data):
            grown = np.empty(max(2 * len(self.data), self.n + k), dtype=np.float64)
            grown[: self.n] = self.data[: self.n]
            self.data = grown
        self.data[self.n : self.n + k] = values
        self.n += k

    def view(self) -> FloatArray:
        return self.data[: self.n]


_STEP_COLUMNS = ("iteration", "epoch", "time", "loss", "smoothed")
_EVAL_COLUMNS = ("iteration", "epoch", "time", "train_acc", "test_acc")


class RunHistory:
    """The records of one run in growing arrays, ready to plot (§4.5.3, Fig. 4-11 and 4-12).

    Per update: ``iteration``, ``epoch``, ``time`` (training time in seconds: the sum of the
    records' ``seconds``, so pauses do not count), ``loss`` and ``smoothed`` (:func:`ema` of the
    loss). Per evaluation (first update, end of every epoch, last update): the same x values
    and ``train_acc``, ``test_acc``.

    Parameters
    ----------
    capacity
        Expected number of updates (e.g. ``max_iter``): the arrays are allocated once at this
        size and double only if the run turns out longer.
    smoothing
        Weight of the moving average, in [0, 1).
    """

    def __init__(self, capacity: int = 1024, smoothing: float = 0.9) -> None:
        self._smoother = _Ema(smoothing)
        self._steps = {name: _Column(capacity) for name in _STEP_COLUMNS}
        self._evals = {name: _Column(64) for name in _EVAL_COLUMNS}
        self._time = 0.0
        self.last: TrainStep | None = None
        self.seconds_total = 0.0
        #: The largest finite loss so far (NaN before the first one): the top of a loss plot.
        self.max_loss = math.nan

    @property
    def smoothing(self) -> float:
        return self._smoother.weight

    def __len__(self) -> int:
        return self._steps["iteration"].n

    @property
    def n_evaluations(self) -> int:
        return self._evals["iteration"].n

    @property
    def stop_reason(self) -> StopReason | None:
        return None if self.last is None else self.last.stop_reason

    def extend(self, steps: Iterable[TrainStep]) -> None:
        """Append the records of ``steps`` (in the order the trainer yielded them)."""
        records = list(steps)
        if not records:
            return
        times = np.cumsum([r.seconds for r in records]) + self._time
        self._time = float(times[-1])
        losses = np.array([r.loss for r in records], dtype=np.float64)
        columns = self._steps
        columns["iteration"].extend([float(r.iteration) for r in records])
        columns["epoch"].extend([r.epoch for r in records])
        columns["time"].extend(times)
        columns["loss"].extend(losses)
        columns["smoothed"].extend(self._smoother.extend(losses))
        finite = losses[np.isfinite(losses)]
        if finite.size:
            self.max_loss = float(np.fmax(self.max_loss, finite.max()))
        for record, when in zip(records, times.tolist(), strict=True):
            if record.train_acc is not None and record.test_acc is not None:
                for name, value in (
                    ("iteration", float(record.iteration)),
                    ("epoch", record.epoch),
                    ("time", when),
                    ("train_acc", record.train_acc),
                    ("test_acc", record.test_acc),
                ):
                    self._evals[name].extend([value])
        self.last = records[-1]
        self.seconds_total = self._time

    def column(self, name: str) -> FloatArray:
        """One per-update column: 'iteration', 'epoch', 'time', 'loss' or 'smoothed'."""
        return self._steps[name].view()

    def eval_column(self, name: str) -> FloatArray:
        """One per-evaluation column: 'iteration', 'epoch', 'time', 'train_acc' or 'test_acc'."""
        return self._evals[name].view()

    def set_smoothing(self, weight: float) -> None:
        """Smooth the whole loss again with another weight (and what follows with it too)."""
        smoother = _Ema(weight)
        smoothed = smoother.extend(self.column("loss"))
        self._smoother = smoother
        self._steps["smoothed"].data[: len(smoothed)] = smoothed

    def rows(self) -> list[tuple[float, float, float, float, float, float | None, float | None]]:
        """(iteration, epoch, time, loss, smoothed, train_acc, test_acc) per update, for a CSV."""
        evaluated = dict(
            zip(
                self.eval_column("iteration").tolist(),
                zip(
                    self.eval_column("train_acc").tolist(),
                    self.eval_column("test_acc").tolist(),
                    strict=True,
                ),
                strict=True,
            )
        )
        columns = [self.column(name).tolist() for name in _STEP_COLUMNS]
        return [
            (int(it), ep, tm, loss, sm, *evaluated.get(it, (None, None)))
            for it, ep, tm, loss, sm in zip(*columns, strict=True)
        ]


# --- progress --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RunProgress:
    """Where a run stands: the numbers of a progress bar (§4.5.2's iteration and epoch).

    ``elapsed`` is the time spent computing the updates, ``wall`` the wall-clock time the run
    has been going (pauses left out, a deliberately slowed pace included);
    ``seconds_per_iteration`` is elapsed / iteration and ``eta`` the wall-clock time still needed
    at the mean wall time per update so far (None before the first update).
    """

    iteration: int
    max_iter: int
    epoch: float
    epochs: float
    fraction: float
    elapsed: float
    wall: float
    eta: float | None
    seconds_per_iteration: float | None


def run_progress(
    iteration: int,
    max_iter: int,
    iter_per_epoch: int,
    elapsed: float,
    wall: float | None = None,
) -> RunProgress:
    """Progress after ``iteration`` of ``max_iter`` updates (§4.5.2).

    One epoch is ``iter_per_epoch`` updates (600 for MNIST's 60 000 images at batch 100).
    ``elapsed`` is the computing time of the updates so far, ``wall`` the wall-clock time they
    took (``elapsed`` when not given); the ETA extrapolates ``wall``.
    """
    if max_iter < 1 or iter_per_epoch < 1:
        raise ValueError("max_iter and iter_per_epoch must be ≥ 1")
    if not 0 <= iteration <= max_iter:
        raise ValueError(f"iteration must lie in 0..{max_iter}, got {iteration}")
    wall = float(elapsed) if wall is None else max(float(wall), float(elapsed))
    per = elapsed / iteration if iteration > 0 else None
    return RunProgress(
        iteration=iteration,
        max_iter=max_iter,
        epoch=iteration / iter_per_epoch,
        epochs=max_iter / iter_per_epoch,
        fraction=iteration / max_iter,
        elapsed=float(elapsed),
        wall=wall,
        eta=None if iteration == 0 else wall / iteration * (max_iter - iteration),
        seconds_per_iteration=per,
    )


# --- is it learning? --------------------------------------------------------------------------------


class LearningState(enum.Enum):
    """What the recent losses say about a run."""

    TOO_EARLY = "too_early"  # fewer updates than the window
    LEARNING = "learning"  # the loss came clearly below chance level
    AT_CHANCE = "at_chance"  # stuck at about −log(1/C): the network guesses
    AT_CAP = "at_cap"  # far above chance, towards −log(δ): confidently wrong, η far too large


@dataclass(frozen=True)
class LearningCheck:
    """The verdict of :func:`check_learning` with the numbers behind it.

    ``chance_loss`` is −log(1/C) (2.302585 for 10 classes); ``cap_loss`` is −log(δ) ≈ 16.118,
    the most the δ-capped cross-entropy gives one sample; ``wrong_loss`` = (1 − 1/C)·cap_loss
    (≈ 14.5 for 10 classes) is the mean loss of a network that is certain of a random class;
    ``recent_loss`` is the smallest finite loss of the last ``window`` updates;
    ``chance_accuracy`` is 1/C.
    """

    state: LearningState
    window: int
    recent_loss: float
    chance_loss: float
    cap_loss: float
    wrong_loss: float
    chance_accuracy: float


def chance_loss(n_classes: int) -> float:
    """−log(1/C): the cross-entropy of a network that gives every class the same probability.

    2.302585… for 10 classes, the first loss of any freshly initialised MNIST network.
    """
    if int(n_classes) != n_classes or n_classes < 2:
        raise ValueError(f"n_classes must be a whole number ≥ 2, got {n_classes!r}")
    return math.log(n_classes)


def check_learning(losses: Any, n_classes: int, *, window: int = 200) -> LearningCheck:
    """Has the loss come below chance level −log(1/C) within the last ``window`` updates?

    A too large learning rate does not always give NaN: the cross-entropy is capped at −log(δ)
    ≈ 16.1 per sample (δ = 1e-7, §4.2.2), so a network that is confidently wrong shows a mean
    loss stuck near (1 − 1/C)·16.1 ≈ 14.5, and one that merely guesses stays at 2.30 with the
    accuracy at 1/C. The check looks at the smallest of the last ``window`` finite losses: at
    least half of (1 − 1/C)·(−log δ) means ``AT_CAP``; at least 97 % of −log(1/C) (it never
    came clearly below guessing) means ``AT_CHANCE``; anything lower means ``LEARNING``.
    """
    chance = chance_loss(n_classes)
    cap = -math.log(DELTA)
    wrong = (1.0 - 1.0 / n_classes) * cap
    if int(window) != window or window < 1:
        raise ValueError(f"window must be a whole number ≥ 1, got {window!r}")
    values = np.asarray(losses, dtype=np.float64)
    recent = values[-int(window) :]
    finite = recent[np.isfinite(recent)]
    if len(values) < window or finite.size == 0:
        state, lowest = LearningState.TOO_EARLY, math.nan
    else:
        lowest = float(finite.min())
        if lowest >= 0.5 * wrong:
            state = LearningState.AT_CAP
        elif lowest >= 0.97 * chance:
            state = LearningState.AT_CHANCE
        else:
            state = LearningState.LEARNING
    return LearningCheck(state, int(window), lowest, chance, cap, wrong, 1.0 / n_classes)


# --- backprop against the numerical gradient ----------------------------------------------------------


@dataclass(frozen=True)
class GradientTiming:
    """Time of one update by backprop (§5.7) and by the numerical gradient (§4.5), measured.

    ``numerical_seconds`` is ``loss_evaluations`` × ``loss_seconds``: the numerical gradient
    is nothing but that many loss evaluations, so one measured evaluation predicts the step.
    """

    param_count: int
    loss_evaluations: int
    backprop_seconds: float
    loss_seconds: float

    @property
    def numerical_seconds(self) -> float:
        return self.loss_evaluations * self.loss_seconds

    @property
    def ratio(self) -> float:
        """How many times slower the numerical gradient is."""
        return self.numerical_seconds / self.backprop_seconds if self.backprop_seconds else math.inf


def time_gradient_methods(
    network: Any,
    x: Any,
    t: Any,
    *,
    repeats: int = 5,
    clock: Callable[[], float] = time.perf_counter,
) -> GradientTiming:
    """Measure one backprop gradient and one loss evaluation of ``network`` on the batch ``x, t``.

    Each is timed ``repeats`` times and the fastest kept (the least disturbed). Batch norm's
    running averages are updated by the training-mode passes, so time a fresh copy of a network,
    not the one being trained.
    """
    if int(repeats) != repeats or repeats < 1:
        raise ValueError(f"repeats must be a whole number ≥ 1, got {repeats!r}")

    def fastest(run: Callable[[], object]) -> float:
        best = math.inf
        for _ in range(int(repeats)):
            start = clock()
            run()
            best = min(best, clock() - start)
        return best

    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        backprop = fastest(lambda: network.loss_and_gradient(x, t))
        loss = fastest(lambda: network.loss(x, t, train_flg=True))
    count = int(network.param_count)
    return GradientTiming(count, loss_evaluations_per_step(count), backprop, loss)


@contextlib.contextmanager
def on_each_loss(network: Any, callback: Callable[[], None]) -> Iterator[None]:
    """Call ``callback()`` before every ``network.loss`` evaluation inside this block.

    The numerical gradient (§4.5) is 2 × (number of parameters) loss evaluations; counting them
    shows its progress, and a callback that raises stops it between two of them: the weight being
    nudged is put back and the network is left as it was before that update.
    """
    if "loss" in vars(network):
        raise ValueError("on_each_loss blocks cannot be nested on the same network")
    original = network.loss

    def loss(x: Any, t: Any, train_flg: bool = False) -> float:
        callback()
        return original(x, t, train_flg)

    network.loss = loss
    try:
        yield
    finally:
        del network.loss
