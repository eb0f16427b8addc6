"""Layers with forward and backward passes (§5.4–5.6, §6.3–6.4), under the book's names.

Each layer keeps what its backward pass needs from the forward pass (``mask``, ``x``, ``out``)
and never writes into the arrays it is given: ``forward`` and ``backward`` return new arrays.
The weight arrays of ``Affine`` and ``BatchNormalization`` are shared with the network's
``params`` dict, so an optimizer updating ``params`` in place updates the layer too.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from core._checks import FloatArray, as_float_array, check_fraction, require_nonempty
from core.functions import TargetKind, cross_entropy_error, sigmoid, softmax, to_labels


class MulLayer:
    """Multiply node z = x·y (§5.4.1): backward sends dz·y to x and dz·x to y (the inputs swap)."""

    def __init__(self) -> None:
        self.x: Any = None
        self.y: Any = None

    def forward(self, x: Any, y: Any) -> Any:
        self.x = x
        self.y = y
        return x * y

    def backward(self, dout: Any) -> tuple[Any, Any]:
        if self.x is None:
            raise RuntimeError("MulLayer.backward called before forward")
        return dout * self.y, dout * self.x

    def __repr__(self) -> str:
        return f"MulLayer(x={self.x!r}, y={self.y!r})"


class AddLayer:
    """Add node z = x + y (§5.4.2): backward passes dz unchanged to both inputs."""

    def forward(self, x: Any, y: Any) -> Any:
        return x + y

    def backward(self, dout: Any) -> tuple[Any, Any]:
        return dout * 1, dout * 1

    def __repr__(self) -> str:
        return "AddLayer()"


class Relu:
    """ReLU layer (§5.5.1): y = x where x > 0 else 0; backward lets dout through the same mask."""

    def __init__(self) -> None:
        self.mask: np.ndarray | None = None

    def forward(self, x: Any) -> FloatArray:
        x = as_float_array(x, "x")
        self.mask = x <= 0
        out = x.copy()  # without the copy the caller's x would be zeroed as well
        out[self.mask] = 0
        return out

    def backward(self, dout: Any) -> FloatArray:
        mask = _cached(self.mask, self)
        dx = as_float_array(dout, "dout").copy()
        dx[mask] = 0
        return dx

    def __repr__(self) -> str:
        return "Relu()"


class Sigmoid:
    """Sigmoid layer (§5.5.2): y = 1/(1 + exp(-x)); backward dx = dout·y(1 - y) from the stored y."""

    def __init__(self) -> None:
        self.out: FloatArray | None = None

    def forward(self, x: Any) -> FloatArray:
        self.out = sigmoid(x)
        return self.out

    def backward(self, dout: Any) -> FloatArray:
        out = _cached(self.out, self)
        return as_float_array(dout, "dout") * (1.0 - out) * out

    def __repr__(self) -> str:
        return "Sigmoid()"


class Tanh:
    """Tanh layer: y = tanh(x); backward dx = dout·(1 - y²) from the stored y."""

    def __init__(self) -> None:
        self.out: FloatArray | None = None

    def forward(self, x: Any) -> FloatArray:
        self.out = np.tanh(as_float_array(x, "x"))
        return self.out

    def backward(self, dout: Any) -> FloatArray:
        out = _cached(self.out, self)
        return as_float_array(dout, "dout") * (1.0 - out * out)

    def __repr__(self) -> str:
        return "Tanh()"


class Affine:
    """Affine layer Y = X·W + B (§5.6.2).

    Backward: dX = dY·Wᵀ, dW = Xᵀ·dY, dB = Σ_n dY (B is added to every row, so its gradient
    collects every row). An input of more than two dimensions (N, C, H, W) is flattened to
    (N, C·H·W) and dX is given back in the input's shape.
    """

    def __init__(self, W: FloatArray, b: FloatArray) -> None:
        W = as_float_array(W, "W")
        b = as_float_array(b, "b")
        if W.ndim != 2 or b.shape != (W.shape[1],):
            raise ValueError(
                f"Affine needs W of shape (inputs, outputs) and b of shape (outputs,); "
                f"got W {W.shape} and b {b.shape}"
            )
        self.W = W
        self.b = b
        self.x: FloatArray | None = None
        self.original_x_shape: tuple[int, ...] | None = None
        self.dW: FloatArray | None = None
        self.db: FloatArray | None = None

    def forward(self, x: Any) -> FloatArray:
        x = as_float_array(x, "x")
        self.original_x_shape = x.shape
        x2 = x.reshape(1, -1) if x.ndim == 1 else x.reshape(x.shape[0], -1)
        if x2.shape[1] != self.W.shape[0]:
            raise ValueError(
                f"shapes do not fit for X·W: X has {x2.shape[1]} columns "
                f"(shape {x.shape}) but W has {self.W.shape[0]} rows (shape {self.W.shape})"
            )
        self.x = x2
        out = x2 @ self.W + self.b
        return out[0] if x.ndim == 1 else out

    def backward(self, dout: Any) -> FloatArray:
        x = _cached(self.x, self)
        dout2 = as_float_array(dout, "dout").reshape(x.shape[0], self.W.shape[1])
        self.dW = x.T @ dout2
        self.db = np.sum(dout2, axis=0)
        dx = dout2 @ self.W.T
        return dx.reshape(self.original_x_shape)

    def __repr__(self) -> str:
        return f"Affine(W{self.W.shape}, b{self.b.shape})"


class SoftmaxWithLoss:
    """Softmax followed by the cross-entropy error (§5.6.3).

    Backward gives (y - t) / N: the clean result the softmax and the cross-entropy error were
    chosen for, divided by the batch size N because the loss is a mean over the batch. ``t`` may be
    one-hot or class labels.
    """

    def __init__(self) -> None:
        self.loss: float | None = None
        self.y: FloatArray | None = None
        self.t: np.ndarray | None = None  # the class labels, whatever form t came in

    def forward(self, x: Any, t: Any, t_kind: TargetKind = "auto") -> float:
        self.y = softmax(x)
        self.t = to_labels(self.y, t, t_kind)
        self.loss = cross_entropy_error(self.y, self.t, "label")
        return self.loss

    def backward(self, dout: float = 1.0) -> FloatArray:
        y = _cached(self.y, self)
        labels = self.t
        assert labels is not None
        dx = y.reshape(-1, y.shape[-1]).copy()
        batch_size = dx.shape[0]
        dx[np.arange(batch_size), labels] -= 1  # y - t, without building the one-hot t
        return (dx * (dout / batch_size)).reshape(y.shape)

    def __repr__(self) -> str:
        return "SoftmaxWithLoss()"


class Dropout:
    """Dropout (§6.4.3), in the book's form.

    Training: each unit is kept with probability 1 - ratio (a new random mask every forward).
    Test: every unit is kept and scaled by (1 - ratio), so its expected value matches training.
    (The common "inverted" dropout scales by 1/(1 - ratio) during training instead.)
    """

    def __init__(self, dropout_ratio: float = 0.5, rng: np.random.Generator | None = None) -> None:
        self.dropout_ratio = check_fraction(dropout_ratio, "dropout_ratio")
        self.rng = rng if rng is not None else np.random.default_rng()
        self.mask: np.ndarray | None = None

    def forward(self, x: Any, train_flg: bool = True) -> FloatArray:
        x = as_float_array(x, "x")
        if train_flg:
            self.mask = self.rng.random(x.shape) > self.dropout_ratio
            return x * self.mask
        return x * (1.0 - self.dropout_ratio)

    def backward(self, dout: Any) -> FloatArray:
        return as_float_array(dout, "dout") * _cached(self.mask, self)

    def __repr__(self) -> str:
        return f"Dropout(dropout_ratio={self.dropout_ratio})"


class BatchNormalization:
    """Batch normalisation (§6.3): x̂ = (x - μ_B) / √(σ²_B + ε), y = γx̂ + β.

    Training normalises with the batch's own mean and variance and keeps running averages of
    them (weight ``momentum``); test time uses the running averages. An input of more than two
    dimensions is flattened to (N, features) and restored.
    """

    def __init__(
        self,
        gamma: FloatArray,
        beta: FloatArray,
        momentum: float = 0.9,
        running_mean: FloatArray | None = None,
        running_var: FloatArray | None = None,
        eps: float = 1e-7,
    ) -> None:
        self.gamma = as_float_array(gamma, "gamma")
        self.beta = as_float_array(beta, "beta")
        if self.gamma.ndim != 1 or self.beta.shape != self.gamma.shape:
            raise ValueError(
                f"gamma and beta must be vectors of one length, got {self.gamma.shape} "
                f"and {self.beta.shape}"
            )
        self.momentum = check_fraction(momentum, "momentum", closed_high=True)
        self.eps = eps
        self.running_mean = np.zeros_like(self.gamma) if running_mean is None else running_mean
        self.running_var = np.zeros_like(self.gamma) if running_var is None else running_var
        self.input_shape: tuple[int, ...] | None = None
        self.batch_size: int | None = None
        self.xc: FloatArray | None = None
        self.xn: FloatArray | None = None
        self.std: FloatArray | None = None
        self.dgamma: FloatArray | None = None
        self.dbeta: FloatArray | None = None

    def forward(self, x: Any, train_flg: bool = True) -> FloatArray:
        x = as_float_array(x, "x")
        require_nonempty(x, "x")
        self.input_shape = x.shape
        x2 = x.reshape(x.shape[0], -1)
        if x2.shape[1] != self.gamma.shape[0]:
            raise ValueError(
                f"BatchNormalization has {self.gamma.shape[0]} features but the input has "
                f"{x2.shape[1]} (shape {x.shape})"
            )
        if train_flg:
            mu = x2.mean(axis=0)
            xc = x2 - mu
            var = np.mean(xc**2, axis=0)
            std = np.sqrt(var + self.eps)
            self.batch_size, self.xc, self.std = x2.shape[0], xc, std
            self.xn = xc / std
            m = self.momentum
            self.running_mean = m * self.running_mean + (1 - m) * mu
            self.running_var = m * self.running_var + (1 - m) * var
            xn = self.xn
        else:
            xn = (x2 - self.running_mean) / np.sqrt(self.running_var + self.eps)
        return (self.gamma * xn + self.beta).reshape(x.shape)

    def backward(self, dout: Any) -> FloatArray:
        xn = _cached(self.xn, self)
        xc, std, n = self.xc, self.std, self.batch_size
        assert xc is not None and std is not None and n is not None
        dout2 = as_float_array(dout, "dout").reshape(n, -1)
        self.dbeta = dout2.sum(axis=0)
        self.dgamma = np.sum(xn * dout2, axis=0)
        dxn = self.gamma * dout2
        dxc = dxn / std
        dstd = -np.sum(dxn * xc / (std * std), axis=0)
        dvar = 0.5 * dstd / std
        dxc = dxc + (2.0 / n) * xc * dvar
        dmu = np.sum(dxc, axis=0)
        dx = dxc - dmu / n
        return dx.reshape(self.input_shape)

    def __repr__(self) -> str:
        return f"BatchNormalization({self.gamma.shape[0]} features, momentum={self.momentum})"


def _cached(value: Any, layer: object) -> Any:
    """Return what forward stored, or explain that backward came first."""
    if value is None:
        raise RuntimeError(f"{type(layer).__name__}.backward called before forward")
    return value
