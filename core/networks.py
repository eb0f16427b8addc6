"""Fully connected networks built from the layers of §5: TwoLayerNet, MultiLayerNet(Extend).

Every network keeps its weights in ``params`` (a dict of ndarrays shared with its layers, so an
optimizer updating ``params`` in place trains the network) and offers two ways to get the
gradient: ``numerical_gradient`` (§4.5, slow, two loss evaluations per weight) and ``gradient``
(backpropagation, §5.7).
"""

from __future__ import annotations

import contextlib
import os
import zipfile
from collections.abc import Iterator, Sequence
from typing import Any, Literal

import numpy as np

from core import gradient as _gradient
from core._checks import FloatArray, as_float_array, require_nonempty
from core.functions import labels_for_shape
from core.layers import Affine, BatchNormalization, Dropout, Relu, Sigmoid, SoftmaxWithLoss, Tanh

Activation = Literal["relu", "sigmoid", "tanh"]
WeightInit = float | Literal["relu", "he", "sigmoid", "xavier"]
Seed = int | np.random.Generator | None

_ACTIVATIONS: dict[str, type[Relu] | type[Sigmoid] | type[Tanh]] = {
    "relu": Relu,
    "sigmoid": Sigmoid,
    "tanh": Tanh,
}


def init_std(weight_init_std: WeightInit, n_in: int) -> float:
    """Standard deviation of the initial weights for a layer with ``n_in`` inputs (§6.2).

    A number is used as it is (the book's 0.01). ``'relu'``/``'he'`` gives He's √(2/n);
    ``'sigmoid'``/``'xavier'`` gives Xavier's √(1/n).
    """
    if isinstance(weight_init_std, str):
        key = weight_init_std.lower()
        if key in ("relu", "he"):
            return float(np.sqrt(2.0 / n_in))
        if key in ("sigmoid", "xavier"):
            return float(np.sqrt(1.0 / n_in))
        raise ValueError(
            f"weight_init_std must be a number or 'relu'/'he'/'sigmoid'/'xavier', "
            f"got {weight_init_std!r}"
        )
    std = float(weight_init_std)
    if not np.isfinite(std) or std < 0:
        raise ValueError(f"weight_init_std must be a finite number ≥ 0, got {weight_init_std!r}")
    return std


class MultiLayerNet:
    """(Affine → activation) per hidden layer, then Affine → SoftmaxWithLoss (§6.1–6.2).

    Parameters
    ----------
    input_size, hidden_size_list, output_size
        Units per layer, e.g. 784, [100, 100], 10.
    activation
        ``'relu'``, ``'sigmoid'`` or ``'tanh'`` for every hidden layer.
    weight_init_std
        A number, or ``'relu'``/``'he'`` or ``'sigmoid'``/``'xavier'`` (see :func:`init_std`).
    weight_decay_lambda
        λ of the L2 weight decay ½λΣW² added to the loss (§6.4.2).
    seed
        Seed or ``np.random.Generator`` for the initial weights (and dropout masks).
    dtype
        ``np.float64`` or ``np.float32`` for every parameter.
    """

    def __init__(
        self,
        input_size: int,
        hidden_size_list: Sequence[int],
        output_size: int,
        activation: Activation = "relu",
        weight_init_std: WeightInit = "relu",
        weight_decay_lambda: float = 0.0,
        *,
        seed: Seed = None,
        dtype: type[np.floating[Any]] | np.dtype[Any] = np.float64,
    ) -> None:
        sizes = [input_size, *hidden_size_list, output_size]
        if any(int(s) != s or s < 1 for s in sizes):
            raise ValueError(f"every layer needs a whole number of units ≥ 1, got {sizes}")
        if activation not in _ACTIVATIONS:
            raise ValueError(
                f"activation must be one of {sorted(_ACTIVATIONS)}, got {activation!r}"
            )
        if not np.isfinite(weight_decay_lambda) or weight_decay_lambda < 0:
            raise ValueError(f"weight_decay_lambda must be ≥ 0, got {weight_decay_lambda!r}")
        self.dtype = np.dtype(dtype)
        if self.dtype not in (np.dtype(np.float32), np.dtype(np.float64)):
            raise ValueError(f"dtype must be float32 or float64, got {self.dtype}")
        self.layer_sizes: tuple[int, ...] = tuple(int(s) for s in sizes)
        self.activation = activation
        self.weight_init_std = weight_init_std
        self.weight_decay_lambda = float(weight_decay_lambda)
        self.rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)

        self.params: dict[str, FloatArray] = {}
        self.layers: dict[str, Any] = {}
        n_hidden = len(self.layer_sizes) - 2
        for idx in range(1, n_hidden + 2):
            n_in, n_out = self.layer_sizes[idx - 1], self.layer_sizes[idx]
            std = init_std(weight_init_std, n_in)
            self.params[f"W{idx}"] = (std * self.rng.standard_normal((n_in, n_out))).astype(
                self.dtype
            )
            self.params[f"b{idx}"] = np.zeros(n_out, dtype=self.dtype)
            self.layers[f"Affine{idx}"] = Affine(self.params[f"W{idx}"], self.params[f"b{idx}"])
            if idx <= n_hidden:
                self._add_hidden_layers(idx, n_out)
        self.last_layer = SoftmaxWithLoss()

    def _add_hidden_layers(self, idx: int, n_units: int) -> None:
        """Add what follows hidden Affine layer ``idx``: here its activation."""
        layer = _ACTIVATIONS[self.activation]()
        self.layers[f"{type(layer).__name__}{idx}"] = layer

    # --- forward -----------------------------------------------------------------------------

    def predict(self, x: Any, train_flg: bool = False) -> FloatArray:
        """Scores (before softmax) for each row of ``x`` (§3.6)."""
        x = as_float_array(x, "x")
        for layer in self.layers.values():
            x = layer.forward(x, train_flg) if _needs_flag(layer) else layer.forward(x)
        return x

    def loss(self, x: Any, t: Any, train_flg: bool = False) -> float:
        """Mean cross-entropy error of the batch, plus the weight decay ½λΣW² (§4.2, §6.4.2)."""
        y = self.predict(x, train_flg)
        return self.last_layer.forward(y, t) + self._weight_decay()

    def _weight_decay(self) -> float:
        if self.weight_decay_lambda == 0:
            return 0.0
        squares = sum(float(np.sum(W * W)) for W in self._weights())
        return 0.5 * self.weight_decay_lambda * squares

    def _weights(self) -> Iterator[FloatArray]:
        return (self.params[f"W{i}"] for i in range(1, len(self.layer_sizes)))

    def accuracy(self, x: Any, t: Any, batch_size: int = 1000) -> float:
        """Fraction of rows whose highest score is the correct class (§3.6.3).

        ``x`` is evaluated ``batch_size`` rows at a time so a large test set needs little memory.
        """
        x = as_float_array(x, "x")
        require_nonempty(x, "x")
        x2 = x.reshape(1, -1) if x.ndim == 1 else x
        labels = labels_for_shape((x2.shape[0], self.layer_sizes[-1]), t)
        correct = 0
        for start in range(0, x2.shape[0], batch_size):
            scores = self.predict(x2[start : start + batch_size])
            correct += int(np.sum(np.argmax(scores, axis=1) == labels[start : start + batch_size]))
        return correct / x2.shape[0]

    # --- gradients -----------------------------------------------------------------------------

    def gradient(self, x: Any, t: Any) -> dict[str, FloatArray]:
        """Gradient of the loss for every parameter by backpropagation (§5.7.2)."""
        return self.loss_and_gradient(x, t)[1]

    def loss_and_gradient(self, x: Any, t: Any) -> tuple[float, dict[str, FloatArray]]:
        """The training loss and its backprop gradient from one forward and one backward pass."""
        loss = self.loss(x, t, train_flg=True)
        dout = self.last_layer.backward(1.0)
        for layer in reversed(self.layers.values()):
            dout = layer.backward(dout)
        grads: dict[str, FloatArray] = {}
        for name, layer in self.layers.items():
            idx = name.removeprefix("Affine").removeprefix("BatchNorm")
            if isinstance(layer, Affine):
                decay = self.weight_decay_lambda
                grads[f"W{idx}"] = layer.dW + decay * layer.W if decay else layer.dW
                grads[f"b{idx}"] = layer.db
            elif isinstance(layer, BatchNormalization):
                grads[f"gamma{idx}"] = layer.dgamma
                grads[f"beta{idx}"] = layer.dbeta
        return loss, grads

    def numerical_gradient(self, x: Any, t: Any) -> dict[str, FloatArray]:
        """Gradient of the loss for every parameter by central differences (§4.5).

        Dropout masks and batch-norm running averages are held fixed while the weights are
        nudged, and the dropout random state is rewound afterwards, so a following call of
        :meth:`gradient` sees the same masks and the two can be compared (§5.7.3).
        """
        with self._frozen_randomness() as replay:

            def loss_at(_: FloatArray) -> float:
                replay()
                return self.loss(x, t, train_flg=True)

            return {
                key: _gradient.numerical_gradient(loss_at, param)
                for key, param in self.params.items()
            }

    @contextlib.contextmanager
    def _frozen_randomness(self) -> Iterator[Any]:
        dropouts = [layer for layer in self.layers.values() if isinstance(layer, Dropout)]
        norms = [layer for layer in self.layers.values() if isinstance(layer, BatchNormalization)]
        rng_states = [d.rng.bit_generator.state for d in dropouts]
        running = [(n.running_mean, n.running_var) for n in norms]

        def replay() -> None:
            for d, state in zip(dropouts, rng_states, strict=True):
                d.rng.bit_generator.state = state
            for n, (mean, var) in zip(norms, running, strict=True):
                n.running_mean, n.running_var = mean, var

        try:
            yield replay
        finally:
            replay()

    # --- description, saving and loading ---------------------------------------------------

    @property
    def param_count(self) -> int:
        """Number of trainable numbers: 39 760 for the book's 784-50-10 TwoLayerNet."""
        return sum(p.size for p in self.params.values())

    def param_shapes(self) -> dict[str, tuple[int, ...]]:
        """Shape of every parameter, e.g. ``{'W1': (784, 50), 'b1': (50,), ...}``."""
        return {key: p.shape for key, p in self.params.items()}

    def save_params(self, path: str | os.PathLike[str]) -> None:
        """Save the parameters (and batch-norm running averages) to a ``.npz`` file."""
        arrays = {**self.params, **self._running_stats(), "meta_layer_sizes": self.layer_sizes}
        np.savez(path, **arrays)

    def load_params(self, path: str | os.PathLike[str]) -> None:
        """Load parameters saved by :meth:`save_params` into this network, in place.

        Nothing changes unless the whole file fits this network: a missing key, a shape that
        differs or a damaged file raises ``ValueError`` saying which.
        """
        name = os.fspath(path)
        try:
            with np.load(name, allow_pickle=False) as data:
                saved = {key: data[key] for key in data.files}
        except (OSError, ValueError, EOFError, zipfile.BadZipFile) as exc:
            raise ValueError(f"{name}: cannot read saved parameters ({exc})") from None
        sizes = tuple(int(s) for s in saved.pop("meta_layer_sizes", ()))
        if sizes and sizes != self.layer_sizes:
            raise ValueError(
                f"{name} was saved from a {_sizes(sizes)} network; this one is "
                f"{_sizes(self.layer_sizes)}"
            )
        targets = {**self.params, **self._running_stats()}
        for key, target in targets.items():
            if key not in saved:
                raise ValueError(f"{name} has no {key!r}; it holds {sorted(saved)}")
            if saved[key].shape != target.shape:
                raise ValueError(
                    f"{name}: {key} has shape {saved[key].shape}, this network needs {target.shape}"
                )
        for key, target in targets.items():
            target[...] = saved[key]

    def _running_stats(self) -> dict[str, FloatArray]:
        stats: dict[str, FloatArray] = {}
        for name, layer in self.layers.items():
            if isinstance(layer, BatchNormalization) and layer.running_mean is not None:
                idx = name.removeprefix("BatchNorm")
                stats[f"running_mean{idx}"] = layer.running_mean
                stats[f"running_var{idx}"] = layer.running_var
        return stats

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}({_sizes(self.layer_sizes)}, activation={self.activation!r}, "
            f"weight_init_std={self.weight_init_std!r}, "
            f"weight_decay_lambda={self.weight_decay_lambda})"
        )


class MultiLayerNetExtend(MultiLayerNet):
    """MultiLayerNet with optional batch normalisation (§6.3) and dropout (§6.4.3).

    Each hidden layer becomes Affine → [BatchNorm] → activation → [Dropout].
    """

    def __init__(
        self,
        input_size: int,
        hidden_size_list: Sequence[int],
        output_size: int,
        activation: Activation = "relu",
        weight_init_std: WeightInit = "relu",
        weight_decay_lambda: float = 0.0,
        use_dropout: bool = False,
        dropout_ratio: float = 0.5,
        use_batchnorm: bool = False,
        *,
        seed: Seed = None,
        dtype: type[np.floating[Any]] | np.dtype[Any] = np.float64,
    ) -> None:
        self.use_dropout = use_dropout
        self.dropout_ratio = dropout_ratio
        self.use_batchnorm = use_batchnorm
        super().__init__(
            input_size,
            hidden_size_list,
            output_size,
            activation,
            weight_init_std,
            weight_decay_lambda,
            seed=seed,
            dtype=dtype,
        )

    def _add_hidden_layers(self, idx: int, n_units: int) -> None:
        if self.use_batchnorm:
            self.params[f"gamma{idx}"] = np.ones(n_units, dtype=self.dtype)
            self.params[f"beta{idx}"] = np.zeros(n_units, dtype=self.dtype)
            self.layers[f"BatchNorm{idx}"] = BatchNormalization(
                self.params[f"gamma{idx}"], self.params[f"beta{idx}"]
            )
        super()._add_hidden_layers(idx, n_units)
        if self.use_dropout:
            self.layers[f"Dropout{idx}"] = Dropout(self.dropout_ratio, rng=self.rng.spawn(1)[0])

    def __repr__(self) -> str:
        return (
            f"{super().__repr__()[:-1]}, use_dropout={self.use_dropout}, "
            f"dropout_ratio={self.dropout_ratio}, use_batchnorm={self.use_batchnorm})"
        )


class TwoLayerNet(MultiLayerNet):
    """The book's two-layer network: Affine → ReLU → Affine → SoftmaxWithLoss (§4.5, §5.7).

    Parameters ``W1``, ``b1``, ``W2``, ``b2``; weights start as ``weight_init_std`` × a standard
    normal sample (0.01, as in the book).
    """

    def __init__(
        self,
        input_size: int,
        hidden_size: int,
        output_size: int,
        weight_init_std: WeightInit = 0.01,
        activation: Activation = "relu",
        *,
        seed: Seed = None,
        dtype: type[np.floating[Any]] | np.dtype[Any] = np.float64,
    ) -> None:
        super().__init__(
            input_size,
            [hidden_size],
            output_size,
            activation,
            weight_init_std,
            seed=seed,
            dtype=dtype,
        )


def _needs_flag(layer: object) -> bool:
    return isinstance(layer, (Dropout, BatchNormalization))


def _sizes(sizes: Sequence[int]) -> str:
    return "-".join(str(s) for s in sizes)
