"""The weight-initialisation lab (§6.2): activations layer by layer, symmetric weights, init races.

Three experiments of §6.2 as data for the views:

* :func:`activation_experiment` – 1000 random inputs through 5 layers of 100 units
  (Fig. 6-10 to 6-14): for an activation (sigmoid, tanh, ReLU) and a weight scale (a number, or
  Xavier √(1/n), He √(2/n)) the activations of every layer, their histogram and statistics, and
  a :class:`Verdict` (saturated, collapsed, shrinking, exploding or healthy).
* :func:`symmetry_demo` – a tiny network whose weights all start at one value (0 in §6.2.1):
  after every update all hidden units still have identical weights, so the layer behaves like
  one unit; random weights break the symmetry.
* :func:`init_comparison_configs` and :func:`train_interleaved` – the book's MNIST comparison of
  std 0.01, Xavier and He (Fig. 6-15) as run settings, trained side by side one update at a time.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from core._checks import FloatArray, as_float_array, check_count, check_positive, require_nonempty
from core.functions import relu, sigmoid, tanh
from core.network_views import Histogram, histogram
from core.networks import MultiLayerNet, init_std
from core.optimizer import SGD
from core.trainer import Trainer, TrainStep
from core.training_runs import RunConfig, build_network, build_trainer, preferred_dtype

__all__ = [
    "ACTIVATIONS",
    "BOOK_INPUTS",
    "BOOK_LAYERS",
    "BOOK_UNITS",
    "COMPARISON_INITS",
    "InitExperiment",
    "LayerActivations",
    "RunStep",
    "SymmetryDemo",
    "SymmetryStep",
    "Verdict",
    "activation_experiment",
    "diagnose",
    "init_comparison_configs",
    "prepare_trainer",
    "saturated_fraction",
    "symmetry_demo",
    "train_interleaved",
    "unit_spread",
    "weight_std",
]

ACTIVATIONS: tuple[str, ...] = ("sigmoid", "tanh", "relu")

#: The book's experiment (§6.2.2): 1000 samples of 100 features through 5 layers of 100 units.
BOOK_INPUTS = 1000
BOOK_UNITS = 100
BOOK_LAYERS = 5

#: Share of each end of a bounded activation's range counted as "saturated": sigmoid < 0.1 or
#: > 0.9 (where its slope y(1 − y) is below 0.09, a third of its peak 0.25), |tanh| > 0.8.
SATURATION_MARGIN = 0.1
#: A bounded activation is saturated when this share of some layer's outputs lies at the ends.
SATURATED_SHARE = 0.5
#: A bounded activation has collapsed when the last layer's std is below this share of its range.
COLLAPSED_SPREAD = 0.05
#: ReLU: last layer's std over the first layer's std above this → exploding …
EXPLODING_RATIO = 4.0
#: … below this → collapsed (the signal has all but vanished) …
COLLAPSED_RATIO = 0.1
#: … below this → shrinking layer by layer (Xavier with ReLU, Fig. 6-14).
SHRINKING_RATIO = 0.5

_FUNCTIONS: dict[str, Callable[[Any], FloatArray]] = {
    "sigmoid": sigmoid,
    "tanh": tanh,
    "relu": relu,
}
_RANGES: dict[str, tuple[float, float]] = {"sigmoid": (0.0, 1.0), "tanh": (-1.0, 1.0)}


class Verdict(enum.Enum):
    """What the activation histograms of §6.2.2 show."""

    SATURATED = "saturated"  # sigmoid/tanh outputs pile up at the ends: gradients vanish
    COLLAPSED = "collapsed"  # every unit outputs about the same value: no expressiveness
    SHRINKING = "shrinking"  # ReLU: the spread narrows layer by layer (Xavier with ReLU)
    EXPLODING = "exploding"  # ReLU: the spread grows layer by layer
    HEALTHY = "healthy"  # a similar, wide spread in every layer


def _check_activation(activation: str) -> str:
    if activation not in _FUNCTIONS:
        raise ValueError(f"activation must be one of {', '.join(ACTIVATIONS)}, got {activation!r}")
    return activation


def weight_std(init: float | str, n_in: int) -> float:
    """σ of the initial weights (§6.2.2–6.2.3): a number > 0, Xavier √(1/n) or He √(2/n).

    ``init`` is a standard deviation, or ``'xavier'``/``'he'`` for a layer with ``n_in`` inputs
    (n = 100 gives 0.1 and 0.1414…). 0 and negative numbers are refused: weights that all start
    at one value are the subject of :func:`symmetry_demo`.
    """
    n = check_count(n_in, "n_in")
    if isinstance(init, str):
        if init.lower() not in ("xavier", "he"):
            raise ValueError(f"init must be a number > 0, 'xavier' or 'he', got {init!r}")
        return init_std(init, n)
    try:
        value = float(init)
    except (TypeError, ValueError):
        raise ValueError(f"init must be a number > 0, 'xavier' or 'he', got {init!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise ValueError(
            f"the standard deviation must be a finite number > 0, got {init!r}; weights that all "
            "start at 0 (or any one value) never become different: see the zero-init demo"
        )
    return value


def saturated_fraction(activation: str, values: Any) -> float:
    """Share of sigmoid/tanh outputs in the outer 10 % at either end of the range (§6.2.2).

    There the slope is under a third of its peak and backpropagated gradients fade (Fig. 6-10).
    NaN for ReLU, whose range has no upper end.
    """
    _check_activation(activation)
    if activation not in _RANGES:
        return math.nan
    arr = as_float_array(values, "values")
    require_nonempty(arr, "values")
    low, high = _RANGES[activation]
    margin = SATURATION_MARGIN * (high - low)
    return float(np.mean((arr < low + margin) | (arr > high - margin)))


@dataclass(frozen=True, eq=False)
class LayerActivations:
    """The outputs of one hidden layer (§6.2.2).

    ``values`` (samples, units); ``histogram`` on the experiment's common range (for ReLU, of the
    positive outputs only: the exact zeros, about half of them, are counted in
    ``zero_fraction``); ``saturated`` from :func:`saturated_fraction` (NaN for ReLU).
    """

    layer: int
    weight_std: float
    values: FloatArray
    histogram: Histogram
    mean: float
    std: float
    saturated: float
    zero_fraction: float


@dataclass(frozen=True, eq=False)
class InitExperiment:
    """One run of the §6.2.2 experiment: its settings, every layer and the verdict."""

    activation: str
    init: float | str
    seed: int
    layers: tuple[LayerActivations, ...]
    value_range: tuple[float, float]
    verdict: Verdict

    @property
    def stds(self) -> tuple[float, ...]:
        return tuple(layer.std for layer in self.layers)


def diagnose(activation: str, stds: Sequence[float], saturated: Sequence[float]) -> Verdict:
    """Name what the layers' spreads show (§6.2.2, Fig. 6-10 to 6-14).

    sigmoid/tanh: :attr:`Verdict.SATURATED` when half of some layer's outputs sit at the ends of
    the range; :attr:`Verdict.COLLAPSED` when the last layer's std is below 5 % of the range (all
    outputs ≈ 0.5 for sigmoid); else healthy. ReLU, by the ratio r of the last layer's std to the
    first's: r > 4 exploding, r < 0.1 collapsed, r < 0.5 shrinking, else healthy.
    """
    _check_activation(activation)
    spreads = [float(s) for s in stds]
    if not spreads or len(saturated) != len(spreads):
        raise ValueError("stds and saturated need one value per layer (at least one layer)")
    last = spreads[-1]
    if not math.isfinite(last):
        return Verdict.EXPLODING
    if activation in _RANGES:
        low, high = _RANGES[activation]
        if max(float(s) for s in saturated) >= SATURATED_SHARE:
            return Verdict.SATURATED
        if last < COLLAPSED_SPREAD * (high - low):
            return Verdict.COLLAPSED
        return Verdict.HEALTHY
    first = spreads[0]
    if first == 0 or last == 0:
        return Verdict.COLLAPSED
    ratio = last / first
    if ratio > EXPLODING_RATIO:
        return Verdict.EXPLODING
    if ratio < COLLAPSED_RATIO:
        return Verdict.COLLAPSED
    if ratio < SHRINKING_RATIO:
        return Verdict.SHRINKING
    return Verdict.HEALTHY


def activation_experiment(
    activation: str,
    init: float | str,
    *,
    n_samples: int = BOOK_INPUTS,
    n_units: int = BOOK_UNITS,
    n_layers: int = BOOK_LAYERS,
    bins: int = 30,
    seed: int = 0,
) -> InitExperiment:
    """aₖ = h(aₖ₋₁·Wₖ) for k = 1 … ``n_layers``, W ~ N(0, σ²), x ~ N(0, 1) (§6.2.2, Fig. 6-10).

    The book's experiment: 1000 samples with 100 features through 5 layers of 100 units, no
    biases. ``init`` is σ (1 and 0.01 in the book) or ``'xavier'``/``'he'``. The histograms share
    one range so the layers can be compared: [0, 1] for sigmoid, [−1, 1] for tanh and [0, the
    largest output of any layer] for ReLU.
    """
    h = _FUNCTIONS[_check_activation(activation)]
    n = check_count(n_samples, "n_samples")
    units = check_count(n_units, "n_units")
    depth = check_count(n_layers, "n_layers")
    if n * units * depth > 20_000_000:
        raise ValueError("at most 20 million activations (samples × units × layers)")
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, units))
    outputs: list[tuple[float, FloatArray]] = []
    with np.errstate(over="ignore", invalid="ignore", under="ignore"):
        for _ in range(depth):
            sigma = weight_std(init, units)
            W = sigma * rng.standard_normal((units, units))
            x = h(x @ W)
            outputs.append((sigma, x))
    if activation in _RANGES:
        value_range = _RANGES[activation]
    else:
        tops = [float(np.max(a, initial=0.0, where=np.isfinite(a))) for _, a in outputs]
        top = max(tops)
        value_range = (0.0, top if top > 0 else 1.0)
    layers = []
    for index, (sigma, values) in enumerate(outputs, start=1):
        counted = values[values > 0] if activation == "relu" else values
        finite = values[np.isfinite(values)]
        layers.append(
            LayerActivations(
                layer=index,
                weight_std=sigma,
                values=values,
                histogram=histogram(counted, bins, value_range),
                mean=float(finite.mean()) if finite.size else math.nan,
                std=float(finite.std()) if finite.size else math.nan,
                saturated=saturated_fraction(activation, values),
                zero_fraction=float(np.mean(values == 0)),
            )
        )
    verdict = diagnose(
        activation, [layer.std for layer in layers], [layer.saturated for layer in layers]
    )
    return InitExperiment(activation, init, int(seed), tuple(layers), value_range, verdict)


# --- all weights equal (§6.2.1) ------------------------------------------------------------------


def unit_spread(W: Any) -> float:
    """maxⱼ maxᵢ |Wᵢⱼ − Wᵢ₁|: how far any unit's incoming weights (a column) are from the first's.

    0 means every unit of the layer has the very same weights (§6.2.1).
    """
    arr = as_float_array(W, "W")
    if arr.ndim != 2 or arr.size == 0:
        raise ValueError(f"W must be a non-empty (inputs, units) matrix, got shape {arr.shape}")
    return float(np.max(np.abs(arr - arr[:, :1])))


@dataclass(frozen=True, eq=False)
class SymmetryStep:
    """The weights after ``step`` updates (0: as initialised) and the loss before the next one.

    ``hidden_spread`` is :func:`unit_spread` of W1 (one column per hidden unit);
    ``output_spread`` compares the rows of W2 (what each hidden unit sends to the outputs).
    """

    step: int
    loss: float
    W1: FloatArray
    W2: FloatArray
    hidden_spread: float
    output_spread: float


@dataclass(frozen=True, eq=False)
class SymmetryDemo:
    """A tiny network trained a few steps from ``weights`` (a constant, or 'xavier'/'he')."""

    weights: float | str
    activation: str
    lr: float
    steps: tuple[SymmetryStep, ...]

    @property
    def identical(self) -> bool:
        """True when the hidden units' weights never differed, before or after any update."""
        return all(s.hidden_spread == 0 and s.output_spread == 0 for s in self.steps)

    @property
    def max_hidden_spread(self) -> float:
        return max(s.hidden_spread for s in self.steps)


def symmetry_demo(
    weights: float | str = 0.0,
    *,
    activation: str = "sigmoid",
    steps: int = 5,
    n_in: int = 4,
    n_hidden: int = 5,
    n_out: int = 3,
    batch_size: int = 8,
    lr: float = 0.5,
    seed: int = 0,
) -> SymmetryDemo:
    """Train a ``n_in``-``n_hidden``-``n_out`` network by SGD from equal weights (§6.2.1).

    With every weight set to the same number (0 in the book), every hidden unit computes the
    same output, so backpropagation gives every unit the same gradient and the update keeps them
    equal: after any number of steps the hidden layer still acts as one unit. ``weights`` =
    ``'xavier'`` or ``'he'`` starts from random weights instead, for contrast. The inputs and
    labels are a random batch drawn from ``seed``.
    """
    _check_activation(activation)
    n_steps = check_count(steps, "steps", minimum=0)
    if n_steps > 1000:
        raise ValueError(f"at most 1000 steps, got {n_steps}")
    rate = check_positive(lr, "the learning rate")
    random_init = isinstance(weights, str)
    if random_init:
        weight_std(weights, n_in)  # checks the name
        constant = 0.0
    else:
        constant = float(weights)
        if not math.isfinite(constant):
            raise ValueError(f"the initial weight must be a finite number, got {weights!r}")
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((check_count(batch_size, "batch_size"), check_count(n_in, "n_in")))
    t = rng.integers(0, check_count(n_out, "n_out"), len(x))
    net = MultiLayerNet(
        n_in,
        [check_count(n_hidden, "n_hidden")],
        n_out,
        activation=activation,  # type: ignore[arg-type]
        weight_init_std=weights if random_init else 0.0,  # type: ignore[arg-type]
        seed=seed,
    )
    if not random_init:
        for key in ("W1", "W2"):
            net.params[key][...] = constant
    optimizer = SGD(lr=rate)
    records = []
    with np.errstate(over="ignore", invalid="ignore"):
        for step in range(n_steps + 1):
            loss, grads = net.loss_and_gradient(x, t)
            W1, W2 = net.params["W1"].copy(), net.params["W2"].copy()
            records.append(SymmetryStep(step, loss, W1, W2, unit_spread(W1), unit_spread(W2.T)))
            if step < n_steps:
                optimizer.update(net.params, grads)
    return SymmetryDemo(weights, activation, rate, tuple(records))


# --- the book's comparison of initial weights on MNIST (§6.2.4) --------------------------------


#: (weight_init, init_std) of the three runs of Fig. 6-15.
COMPARISON_INITS: tuple[tuple[str, float], ...] = (("std", 0.01), ("xavier", 0.01), ("he", 0.01))


def init_comparison_configs(
    *,
    iterations: int = 2000,
    hidden_layers: int = 4,
    hidden_units: int = 100,
    lr: float = 0.01,
    batch_size: int = 128,
    seed: int = 0,
    dataset: str = "digits",
) -> tuple[RunConfig, ...]:
    """The three runs of Fig. 6-15: std 0.01, Xavier and He, everything else equal (§6.2.4).

    The book trains a ReLU MultiLayerNet with 4 hidden layers of 100 units on MNIST by SGD
    (η = 0.01, batches of 128) for 2000 iterations; with 0.01 the loss does not move at all.
    """
    layers = check_count(hidden_layers, "hidden_layers")
    units = check_count(hidden_units, "hidden_units")
    return tuple(
        RunConfig(
            model="multi_layer",
            hidden_sizes=(units,) * layers,
            activation="relu",
            weight_init=kind,
            init_std=std,
            optimizer="SGD",
            lr=lr,
            batch_size=batch_size,
            length=iterations,
            length_unit="iterations",
            seed=seed,
            dataset=dataset,
        )
        for kind, std in COMPARISON_INITS
    )


@dataclass(frozen=True, slots=True)
class RunStep:
    """One update of run number ``run`` among runs trained side by side."""

    run: int
    step: TrainStep


def prepare_trainer(
    config: RunConfig,
    x_train: Any,
    t_train: Any,
    x_test: Any,
    t_test: Any,
    n_classes: int,
) -> Trainer:
    """The network of ``config`` and its :class:`~core.trainer.Trainer` on these data (§4.5.3).

    float32 on a large training set, as the training dashboard does (:func:`preferred_dtype`).
    """
    x = as_float_array(x_train, "x_train")
    require_nonempty(x, "x_train")
    classes = check_count(n_classes, "n_classes", minimum=2)
    network = build_network(config, int(x[0].size), classes, dtype=preferred_dtype(config, len(x)))
    return build_trainer(config, network, x, t_train, x_test, t_test)


def train_interleaved(trainers: Sequence[Trainer]) -> Iterator[RunStep]:
    """Round-robin training (§6.2.4, Fig. 6-15): one update of each trainer in turn.

    The runs advance together, so their curves grow side by side; a run that ends (finished or
    diverged) drops out and the others go on.
    """
    active = [(index, trainer.steps()) for index, trainer in enumerate(trainers)]
    while active:
        still = []
        for index, steps in active:
            step = next(steps, None)
            if step is None:
                continue
            yield RunStep(index, step)
            if step.stop_reason is None:
                still.append((index, steps))
        active = still
