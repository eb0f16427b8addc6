"""Mini-batch training as a generator of small records (§4.5.2–4.5.3, common/trainer.py).

``Trainer.steps()`` yields one frozen :class:`TrainStep` per parameter update. It prints
nothing, starts no thread and knows nothing of Qt: a GUI runs it in a worker thread and stops
it simply by not asking for the next record.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal, Protocol

import numpy as np

from core._checks import FloatArray, IntArray, as_float_array, require_nonempty
from core.functions import labels_for_shape
from core.optimizer import Optimizer, create_optimizer

GradientMethod = Literal["backprop", "numerical"]


class StopReason(enum.Enum):
    """Why the last record of a run is the last."""

    FINISHED = "finished"  # every planned iteration ran
    DIVERGED = "diverged"  # the loss became NaN or infinite (learning rate too large?)


@dataclass(frozen=True, slots=True)
class TrainStep:
    """What one update did: a record for plots and progress bars.

    ``loss`` is the mini-batch loss at the parameters *before* this update (the value the
    gradient was taken from). ``train_acc`` and ``test_acc`` are set only on evaluated steps:
    the first update, the end of every epoch and the last update.
    """

    iteration: int  # updates done so far, 1 … max_iter
    epoch: float  # iteration / iter_per_epoch, so the x axis can be read in epochs
    loss: float
    train_acc: float | None
    test_acc: float | None
    seconds: float  # wall time of this update (and its evaluation, if any)
    elapsed: float  # wall time since the run started
    stop_reason: StopReason | None = None  # set on the last record only


class _Network(Protocol):
    dtype: np.dtype[Any]
    layer_sizes: tuple[int, ...]
    params: dict[str, FloatArray]

    def loss(self, x: Any, t: Any, train_flg: bool = ...) -> float: ...

    def loss_and_gradient(self, x: Any, t: Any) -> tuple[float, dict[str, FloatArray]]: ...

    def numerical_gradient(self, x: Any, t: Any) -> dict[str, FloatArray]: ...

    def accuracy(self, x: Any, t: Any, batch_size: int = ...) -> float: ...


class Trainer:
    """Trains ``network`` on mini-batches with an optimizer, evaluating once per epoch.

    Parameters
    ----------
    network
        A ``TwoLayerNet``/``MultiLayerNet``-like object (params, loss, gradient, accuracy).
    x_train, t_train, x_test, t_test
        Data; ``t`` as class labels or one-hot.
    epochs
        Passes over the training data; ``max_iter`` overrides the count of updates instead.
    mini_batch_size
        Samples per update. Each epoch visits the training data in a new random order.
    optimizer, optimizer_param
        An optimizer object, or a name (``'SGD'``, ``'Adam'`` …) and its hyper-parameters.
    evaluate_sample_num_per_epoch
        Evaluate accuracy on the first N samples only (faster), as in the book.
    gradient_method
        ``'backprop'`` (§5.7) or ``'numerical'`` (§4.5, thousands of times slower).
    seed
        Seed of the mini-batch order; the same seed and network give the same run.
    """

    def __init__(
        self,
        network: _Network,
        x_train: Any,
        t_train: Any,
        x_test: Any,
        t_test: Any,
        *,
        epochs: int = 20,
        mini_batch_size: int = 100,
        optimizer: Optimizer | str = "SGD",
        optimizer_param: Mapping[str, float] | None = None,
        evaluate_sample_num_per_epoch: int | None = None,
        gradient_method: GradientMethod = "backprop",
        max_iter: int | None = None,
        seed: int | None = None,
    ) -> None:
        self.network = network
        self.x_train, self.t_train = self._prepare(x_train, t_train, "train")
        self.x_test, self.t_test = self._prepare(x_test, t_test, "test")
        train_size = self.x_train.shape[0]
        _check_count(mini_batch_size, "mini_batch_size")
        self.batch_size = min(int(mini_batch_size), train_size)
        self.iter_per_epoch = max(train_size // self.batch_size, 1)
        if max_iter is None:
            _check_count(epochs, "epochs")
            max_iter = int(epochs) * self.iter_per_epoch
        _check_count(max_iter, "max_iter")
        self.max_iter = int(max_iter)
        if gradient_method not in ("backprop", "numerical"):
            raise ValueError(
                f"gradient_method must be 'backprop' or 'numerical', got {gradient_method!r}"
            )
        self.gradient_method = gradient_method
        if isinstance(optimizer, str):
            optimizer = create_optimizer(optimizer, **dict(optimizer_param or {}))
        self.optimizer = optimizer
        n_eval = evaluate_sample_num_per_epoch
        if n_eval is not None:
            _check_count(n_eval, "evaluate_sample_num_per_epoch")
        self.eval_train = (self.x_train[:n_eval], self.t_train[:n_eval])
        self.eval_test = (self.x_test[:n_eval], self.t_test[:n_eval])
        self.rng = np.random.default_rng(seed)

    def _prepare(self, x: Any, t: Any, split: str) -> tuple[FloatArray, IntArray]:
        """Cast ``x`` to the network's dtype once and turn ``t`` into labels once."""
        x = as_float_array(x, f"x_{split}")
        require_nonempty(x, f"x_{split}")
        x = x.astype(self.network.dtype, copy=False)
        n_in, n_out = self.network.layer_sizes[0], self.network.layer_sizes[-1]
        if x.ndim < 2 or int(np.prod(x.shape[1:])) != n_in:
            raise ValueError(
                f"x_{split} has shape {x.shape}, but the network takes {n_in} inputs per sample"
            )
        t_labels = labels_for_shape((x.shape[0], n_out), t)
        return x, t_labels

    def steps(self) -> Iterator[TrainStep]:
        """Run the training, yielding one :class:`TrainStep` per update.

        The run ends after ``max_iter`` updates, or at once when the loss is not finite; the
        last record says which in ``stop_reason``.
        """
        start = time.perf_counter()
        order = np.empty(0, dtype=np.int64)
        for iteration in range(1, self.max_iter + 1):
            t0 = time.perf_counter()
            position = (iteration - 1) % self.iter_per_epoch
            if position == 0:
                order = self.rng.permutation(self.x_train.shape[0])
            batch = order[position * self.batch_size : (position + 1) * self.batch_size]
            with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
                loss = self._update(self.x_train[batch], self.t_train[batch])
            diverged = not np.isfinite(loss)
            last = diverged or iteration == self.max_iter
            evaluate = not diverged and (
                iteration == 1 or iteration % self.iter_per_epoch == 0 or last
            )
            train_acc, test_acc = self._evaluate() if evaluate else (None, None)
            now = time.perf_counter()
            reason = StopReason.DIVERGED if diverged else StopReason.FINISHED if last else None
            yield TrainStep(
                iteration=iteration,
                epoch=iteration / self.iter_per_epoch,
                loss=loss,
                train_acc=train_acc,
                test_acc=test_acc,
                seconds=now - t0,
                elapsed=now - start,
                stop_reason=reason,
            )
            if diverged:
                return

    def _update(self, x_batch: FloatArray, t_batch: IntArray) -> float:
        if self.gradient_method == "backprop":
            loss, grads = self.network.loss_and_gradient(x_batch, t_batch)
        else:
            loss = self.network.loss(x_batch, t_batch, train_flg=True)
            grads = self.network.numerical_gradient(x_batch, t_batch)
        if np.isfinite(loss):
            self.optimizer.update(self.network.params, grads)
        return float(loss)

    def _evaluate(self) -> tuple[float, float]:
        with np.errstate(over="ignore", invalid="ignore"):
            return (
                self.network.accuracy(*self.eval_train),
                self.network.accuracy(*self.eval_test),
            )


def _check_count(value: Any, name: str) -> None:
    if isinstance(value, bool) or int(value) != value or value < 1:
        raise ValueError(f"{name} must be a whole number ≥ 1, got {value!r}")
