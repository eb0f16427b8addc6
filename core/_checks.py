"""Input checks shared by the core modules.

Every public function in ``core`` turns what it is given into an ndarray through these helpers, so a
learner who passes text, a ragged list or an empty array gets one clear ``ValueError`` instead of a
NumPy traceback from deep inside the maths.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.floating[Any]]
IntArray = npt.NDArray[np.integer[Any]]


class TextInputError(ValueError):
    """Text a learner typed that could not be read, with what went wrong and where.

    ``str(error)`` is an English message for people; ``reason`` a short code the GUI turns into
    a translated message; ``position`` the 0-based character offset in the text (None when there
    is nothing to point at); ``detail`` the values the message uses. Pickling keeps all three,
    so the error crosses process boundaries intact.
    """

    def __init__(
        self,
        message: str,
        reason: str,
        position: int | None = None,
        detail: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(message)
        self.reason = reason
        self.position = position
        self.detail: dict[str, object] = dict(detail) if detail else {}

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.args[0], self.reason, self.position, self.detail))


def as_array(x: Any, name: str) -> npt.NDArray[Any]:
    """Return ``x`` as an ndarray of real numbers (any numeric dtype), without copying."""
    try:
        arr = np.asarray(x)
    except (ValueError, TypeError) as exc:  # ragged lists, unconvertible objects
        raise ValueError(f"{name} must be a rectangular array of numbers ({exc})") from None
    if arr.dtype.kind not in "biuf":
        raise ValueError(f"{name} must hold real numbers, got dtype {arr.dtype} ({_kind(arr)})")
    return arr


def as_float_array(x: Any, name: str) -> FloatArray:
    """Return ``x`` as a float ndarray: float16/32/64 are kept, bools and integers become float64.

    The caller's array is returned as is when it already is float, so functions that only read it
    pay no copy; functions that write must copy themselves.
    """
    arr = as_array(x, name)
    if arr.dtype.kind != "f":
        arr = arr.astype(np.float64)
    return arr


def require_nonempty(arr: npt.NDArray[Any], name: str) -> None:
    """Raise ``ValueError`` when ``arr`` holds no element at all."""
    if arr.size == 0:
        raise ValueError(f"{name} is empty (shape {arr.shape}); it needs at least one number")


def require_ndim(arr: npt.NDArray[Any], name: str, allowed: tuple[int, ...]) -> None:
    """Raise ``ValueError`` unless ``arr.ndim`` is one of ``allowed``."""
    if arr.ndim not in allowed:
        dims = " or ".join(f"{d}-D" for d in allowed)
        raise ValueError(f"{name} must be {dims}, got a {arr.ndim}-D array of shape {arr.shape}")


def check_count(value: object, name: str, minimum: int = 1) -> int:
    """Return ``value`` as an int, raising ValueError unless it is a whole number ≥ ``minimum``
    (an int or NumPy integer; True and 3.0 are refused)."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise ValueError(f"{name} must be a whole number ≥ {minimum}, got {value!r}")
    return int(value)


def check_positive(value: float, name: str) -> float:
    """Return ``value`` as a float, raising ``ValueError`` unless it is finite and > 0."""
    v = float(value)
    if not np.isfinite(v) or v <= 0:
        raise ValueError(f"{name} must be a finite number > 0, got {value!r}")
    return v


def check_fraction(value: float, name: str, *, closed_high: bool = False) -> float:
    """Return ``value`` as a float in [0, 1) (or [0, 1] when ``closed_high``)."""
    v = float(value)
    ok = 0.0 <= v <= 1.0 if closed_high else 0.0 <= v < 1.0
    if not ok:
        bracket = "]" if closed_high else ")"
        raise ValueError(f"{name} must lie in [0, 1{bracket}, got {value!r}")
    return v


def _kind(arr: npt.NDArray[Any]) -> str:
    return {
        "U": "text",
        "S": "bytes",
        "O": "Python objects",
        "c": "complex numbers",
        "M": "dates",
        "m": "time spans",
        "V": "raw records",
    }.get(arr.dtype.kind, "not numbers")
