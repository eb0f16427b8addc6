"""Gradient-descent optimizers of chapter 6.1: SGD, Momentum, Nesterov, AdaGrad, RMSprop and Adam.

Every optimizer has one job: given the parameters and their gradients, both dicts keyed by
parameter name (``'W1'``, ``'b1'`` ... or ``'x'``, ``'y'``), move the parameters one step.

* Array parameters (``ndim >= 1``) are updated **in place**: the layers hold references to the very
  same arrays, so rebinding ``params[key]`` would leave the network untouched.
* Scalar parameters (a Python number, a NumPy scalar or a 0-d array, as in the book's optimizer race
  ``params['x'] = -7.0``) are values, so the dict entry is replaced by a new value of the same kind.
* ``grads`` is only read. Its NaN/inf entries are accepted without a warning: a diverging run is
  the trainer's business to detect, not the optimizer's.
* State arrays (velocity, squared-gradient history, moments) are created on the first update with
  the parameter's shape and dtype, so float32 networks stay float32.

The state is exposed read-only for the GUI, as properties (``Momentum.v``, ``Adam.m`` ...) and
through the uniform :meth:`Optimizer.state`.
"""

from __future__ import annotations

import inspect
import math
from abc import ABC, abstractmethod
from collections.abc import Mapping, MutableMapping
from types import MappingProxyType
from typing import Any

import numpy as np

from core._checks import FloatArray, as_float_array, check_fraction, check_positive

__all__ = [
    "OPTIMIZERS",
    "SGD",
    "AdaGrad",
    "Adam",
    "Momentum",
    "Nesterov",
    "Optimizer",
    "RMSprop",
    "create_optimizer",
]

EPS = 1e-7
"""Added to the root of the squared-gradient history so the division never hits zero."""


class Optimizer(ABC):
    """Base class: θ ← θ + step(g), with ``step`` given by the subclass (§6.1).

    Subclasses list their hyper-parameters in ``_hyper_names`` (for ``repr``) and their state
    dicts in ``_state_names``, and implement :meth:`_step`.

    Parameters
    ----------
    lr : float
        Learning rate, a finite number > 0.
    """

    _hyper_names: tuple[str, ...] = ("lr",)
    _state_names: tuple[str, ...] = ()

    def __init__(self, lr: float) -> None:
        self.lr = check_positive(lr, "lr")
        self._state: dict[str, dict[str, FloatArray]] = {name: {} for name in self._state_names}

    # -- public API -------------------------------------------------------------------------------

    def update(self, params: MutableMapping[str, Any], grads: Mapping[str, Any]) -> None:
        """Move every parameter in ``params`` one step against its gradient in ``grads``.

        Parameters
        ----------
        params : MutableMapping[str, Any]
            Parameter name → value. Float arrays with ``ndim >= 1`` are modified in place;
            scalars (Python numbers, NumPy scalars, 0-d arrays) are replaced by a new value of the
            same kind.
        grads : Mapping[str, Any]
            Parameter name → gradient of the same shape. Never modified. Keys that are not in
            ``params`` are ignored, so passing a sub-dict of ``params`` freezes the rest.

        Raises
        ------
        ValueError
            When a gradient is missing or has the wrong shape, a parameter array is not a writable
            float array, or the stored state no longer matches a parameter's shape. Everything is
            checked before anything is written, so a failed call changes nothing.
        """
        checked = [self._check_pair(key, value, grads) for key, value in params.items()]
        self._begin_update()
        with np.errstate(over="ignore", invalid="ignore"):  # diverging runs: inf - inf, inf / inf
            for key, value, param, grad in checked:
                step = self._step(key, param, grad.astype(param.dtype, copy=False))
                if param is value:
                    param += step
                else:
                    params[key] = _same_kind(value, np.asarray(param + step))

    def state(self) -> dict[str, Mapping[str, FloatArray]]:
        """Return every state dict by name, e.g. ``{'m': ..., 'v': ...}`` for Adam, ``{}`` for SGD.

        Each value maps parameter name → read-only view of the live state array (see
        :meth:`_exposed`); before the first update the inner mappings are empty.
        """
        return {name: self._exposed(name) for name in self._state_names}

    def reset(self) -> None:
        """Forget all state, so the next update behaves like the very first one."""
        for slots in self._state.values():
            slots.clear()

    @property
    def hyperparams(self) -> dict[str, float]:
        """The hyper-parameters by name, e.g. ``{'lr': 0.01, 'momentum': 0.9}``."""
        return {name: getattr(self, name) for name in self._hyper_names}

    def __repr__(self) -> str:
        args = ", ".join(f"{name}={value!r}" for name, value in self.hyperparams.items())
        return f"{type(self).__name__}({args})"

    # -- helpers for subclasses -------------------------------------------------------------------

    @abstractmethod
    def _step(self, key: str, param: FloatArray, grad: FloatArray) -> FloatArray:
        """Return the increment Δ for θ ← θ + Δ, updating this parameter's state in place."""

    def _begin_update(self) -> None:  # noqa: B027 (an optional hook, empty on purpose)
        """Hook run once per :meth:`update`, after the inputs are checked (Adam counts steps)."""

    def _slot(self, name: str, key: str, like: FloatArray) -> FloatArray:
        """Return state array ``name`` of parameter ``key``, creating zeros shaped like ``like``."""
        slots = self._state[name]
        if key not in slots:
            slots[key] = np.zeros(like.shape, dtype=like.dtype)
        return slots[key]

    def _exposed(self, name: str) -> Mapping[str, FloatArray]:
        """Return state dict ``name`` as a read-only mapping of read-only views.

        The views share memory with the optimizer's arrays, so they show later updates too; the
        mapping itself lists the parameters known at the time of the call.
        """
        views = {}
        for key, arr in self._state[name].items():
            view = arr.view()
            view.flags.writeable = False
            views[key] = view
        return MappingProxyType(views)

    def _check_pair(
        self, key: str, value: Any, grads: Mapping[str, Any]
    ) -> tuple[str, Any, FloatArray, FloatArray]:
        """Check one parameter and its gradient; return ``(key, value, param array, grad array)``.

        The param array *is* ``value`` when the update happens in place.
        """
        if key not in grads:
            raise ValueError(f"grads has no entry for parameter {key!r}")
        if isinstance(value, np.ndarray) and value.ndim > 0:
            if value.dtype.kind != "f":
                raise ValueError(
                    f"params[{key!r}] has dtype {value.dtype}; arrays are updated in place, "
                    "so they must be floating-point"
                )
            if not value.flags.writeable:
                raise ValueError(f"params[{key!r}] is read-only and cannot be updated in place")
            param = value
        else:
            # a private copy: scalar parameters are replaced, never written to
            param = as_float_array(value, f"params[{key!r}]").copy()
        grad = as_float_array(grads[key], f"grads[{key!r}]")
        if grad.shape != param.shape:
            raise ValueError(
                f"grads[{key!r}] has shape {grad.shape} but params[{key!r}] has shape {param.shape}"
            )
        for name, slots in self._state.items():
            if key in slots and slots[key].shape != param.shape:
                raise ValueError(
                    f"state {name}[{key!r}] has shape {slots[key].shape} but params[{key!r}] now "
                    f"has shape {param.shape}; call reset() after changing the network"
                )
        return key, value, param, grad


def _same_kind(old: Any, new: FloatArray) -> Any:
    """Wrap the updated scalar parameter ``new`` like ``old``: 0-d array, NumPy scalar or float."""
    if isinstance(old, np.ndarray):
        return new
    if isinstance(old, np.generic):
        return new[()]
    if new.ndim == 0:
        return float(new)
    return new  # a (nested) list becomes an array


class SGD(Optimizer):
    """Stochastic gradient descent, θ ← θ − lr·g (§6.1.2).

    Parameters
    ----------
    lr : float, default 0.01
        Learning rate, > 0.
    """

    def __init__(self, lr: float = 0.01) -> None:
        super().__init__(lr)

    def _step(self, key: str, param: FloatArray, grad: FloatArray) -> FloatArray:
        return -self.lr * grad


class _WithVelocity(Optimizer):
    """Shared part of Momentum and Nesterov: ``lr``, ``momentum`` and the velocity ``v``."""

    _hyper_names = ("lr", "momentum")
    _state_names = ("v",)

    def __init__(self, lr: float = 0.01, momentum: float = 0.9) -> None:
        super().__init__(lr)
        self.momentum = check_fraction(momentum, "momentum")

    @property
    def v(self) -> Mapping[str, FloatArray]:
        """Velocity per parameter, as read-only views."""
        return self._exposed("v")


class Momentum(_WithVelocity):
    """Momentum SGD, v ← μv − lr·g; θ ← θ + v (§6.1.4).

    The velocity ``v`` starts at zero, so the first step equals plain SGD.

    Parameters
    ----------
    lr : float, default 0.01
        Learning rate, > 0.
    momentum : float, default 0.9
        The decay μ of the velocity, in [0, 1).
    """

    def _step(self, key: str, param: FloatArray, grad: FloatArray) -> FloatArray:
        v = self._slot("v", key, param)
        v *= self.momentum
        v -= self.lr * grad
        return v


class Nesterov(_WithVelocity):
    """Nesterov, θ ← θ + μ²·v − (1+μ)·lr·g, then v ← μv − lr·g (§6.1 (common/optimizer.py)).

    The textbook (Sutskever et al., 2013) form evaluates the gradient at a look-ahead point:

        ṽ ← μṽ − lr·∇f(θ̃ + μṽ),    θ̃ ← θ̃ + ṽ.

    Following the look-ahead point φ = θ̃ + μṽ instead of θ̃, with g = ∇f(φ) and ṽ' the new
    velocity:

        φ' = θ̃' + μṽ' = θ̃ + (1+μ)ṽ' = φ − μṽ + (1+μ)(μṽ − lr·g) = φ + μ²ṽ − (1+μ)·lr·g.

    So this class stores θ = φ and v = ṽ and needs the gradient at θ only, as every optimizer
    here. Note the order: θ moves with the *old* v, and v is updated afterwards (the book's code
    updated v first until a 2021 fix, which is a different method). With v = 0 initially, θ and
    θ̃ start at the same point.

    Parameters
    ----------
    lr : float, default 0.01
        Learning rate, > 0.
    momentum : float, default 0.9
        The decay μ of the velocity, in [0, 1).
    """

    def _step(self, key: str, param: FloatArray, grad: FloatArray) -> FloatArray:
        mu = self.momentum
        v = self._slot("v", key, param)
        step = mu * mu * v - (1.0 + mu) * self.lr * grad
        v *= mu
        v -= self.lr * grad
        return step


class _ScaledByGradHistory(Optimizer):
    """Shared part of AdaGrad and RMSprop: θ ← θ − lr·g/(√h + 1e-7) for a history ``h`` of g⊙g."""

    _state_names = ("h",)

    @property
    def h(self) -> Mapping[str, FloatArray]:
        """Squared-gradient history per parameter, as read-only views."""
        return self._exposed("h")

    @abstractmethod
    def _accumulate(self, h: FloatArray, grad: FloatArray) -> None:
        """Fold ``grad ⊙ grad`` into the history ``h`` in place."""

    def _step(self, key: str, param: FloatArray, grad: FloatArray) -> FloatArray:
        h = self._slot("h", key, param)
        self._accumulate(h, grad)
        return -self.lr * grad / (np.sqrt(h) + EPS)


class AdaGrad(_ScaledByGradHistory):
    """AdaGrad, h ← h + g⊙g; θ ← θ − lr·g/(√h + 1e-7) (§6.1.5).

    Every parameter gets its own learning rate, which only ever shrinks as ``h`` grows.

    Parameters
    ----------
    lr : float, default 0.01
        Learning rate, > 0.
    """

    def __init__(self, lr: float = 0.01) -> None:
        super().__init__(lr)

    def _accumulate(self, h: FloatArray, grad: FloatArray) -> None:
        h += grad * grad


class RMSprop(_ScaledByGradHistory):
    """RMSprop, h ← ρh + (1−ρ)g⊙g; θ ← θ − lr·g/(√h + 1e-7) (§6.1 (common/optimizer.py)).

    Like AdaGrad, but old gradients fade out at rate ρ, so the learning rate can recover.

    Parameters
    ----------
    lr : float, default 0.01
        Learning rate, > 0.
    decay_rate : float, default 0.99
        The decay ρ of the history, in [0, 1).
    """

    _hyper_names = ("lr", "decay_rate")

    def __init__(self, lr: float = 0.01, decay_rate: float = 0.99) -> None:
        super().__init__(lr)
        self.decay_rate = check_fraction(decay_rate, "decay_rate")

    def _accumulate(self, h: FloatArray, grad: FloatArray) -> None:
        h *= self.decay_rate
        h += (1.0 - self.decay_rate) * grad * grad


class Adam(Optimizer):
    """Adam, m ← m + (1−β1)(g − m); v ← v + (1−β2)(g² − v); θ ← θ − lr_t·m/(√v + 1e-7) (§6.1.6).

    With t the number of updates so far (including this one), the bias correction is folded into
    the step size, lr_t = lr·√(1 − β2ᵗ)/(1 − β1ᵗ), as in the book. This equals Kingma & Ba's
    bias-corrected form except that the 1e-7 is effectively 1e-7/√(1 − β2ᵗ), so the first step
    moves every parameter by almost exactly lr·sign(g).

    Parameters
    ----------
    lr : float, default 0.001
        Learning rate, > 0.
    beta1 : float, default 0.9
        Decay of the first moment ``m``, in [0, 1).
    beta2 : float, default 0.999
        Decay of the second moment ``v``, in [0, 1).
    """

    _hyper_names = ("lr", "beta1", "beta2")
    _state_names = ("m", "v")

    def __init__(self, lr: float = 0.001, beta1: float = 0.9, beta2: float = 0.999) -> None:
        super().__init__(lr)
        self.beta1 = check_fraction(beta1, "beta1")
        self.beta2 = check_fraction(beta2, "beta2")
        self._iter = 0
        self._lr_t = 0.0

    @property
    def m(self) -> Mapping[str, FloatArray]:
        """First moment (running mean of g) per parameter, as read-only views."""
        return self._exposed("m")

    @property
    def v(self) -> Mapping[str, FloatArray]:
        """Second moment (running mean of g²) per parameter, as read-only views."""
        return self._exposed("v")

    @property
    def iter(self) -> int:
        """Number of updates since construction or the last :meth:`reset` (t in the formulas)."""
        return self._iter

    def reset(self) -> None:
        """Forget the moments and the step count."""
        super().reset()
        self._iter = 0

    def _begin_update(self) -> None:
        self._iter += 1
        t = self._iter
        self._lr_t = self.lr * math.sqrt(1.0 - self.beta2**t) / (1.0 - self.beta1**t)

    def _step(self, key: str, param: FloatArray, grad: FloatArray) -> FloatArray:
        m = self._slot("m", key, param)
        v = self._slot("v", key, param)
        m += (1.0 - self.beta1) * (grad - m)
        v += (1.0 - self.beta2) * (grad * grad - v)
        return -self._lr_t * m / (np.sqrt(v) + EPS)


OPTIMIZERS: dict[str, type[Optimizer]] = {
    "SGD": SGD,
    "Momentum": Momentum,
    "Nesterov": Nesterov,
    "AdaGrad": AdaGrad,
    "RMSprop": RMSprop,
    "Adam": Adam,
}
"""Optimizer classes by their display name, in the book's order."""


def create_optimizer(name: str, **hyper: float) -> Optimizer:
    """Build the optimizer called ``name`` (case-insensitive) with the given hyper-parameters.

    Parameters
    ----------
    name : str
        A key of :data:`OPTIMIZERS`, in any letter case, e.g. ``'adam'``.
    **hyper : float
        Keyword arguments of that class, e.g. ``lr=0.3``; the others keep their defaults.

    Returns
    -------
    Optimizer
        A fresh optimizer with empty state.

    Raises
    ------
    ValueError
        For an unknown name, an unknown hyper-parameter or an invalid value.
    """
    by_lower = {key.lower(): cls for key, cls in OPTIMIZERS.items()}
    cls = by_lower.get(str(name).lower())
    if cls is None:
        raise ValueError(f"unknown optimizer {name!r}; choose one of {', '.join(OPTIMIZERS)}")
    accepted = list(inspect.signature(cls).parameters)
    unknown = sorted(set(hyper) - set(accepted))
    if unknown:
        raise ValueError(
            f"{cls.__name__} has no hyper-parameter {', '.join(unknown)}; "
            f"it accepts {', '.join(accepted)}"
        )
    return cls(**hyper)
