"""The record of one common mistake, and running its buggy and correct code (§3–§7).

A :class:`Mistake` holds source *text*: the buggy and the correct version of one function or
class, a demo snippet that calls it, and optionally a plot snippet. Everything that is shown is
also what runs: :func:`run_demo` executes the source text itself (in a namespace holding only
``np`` and the few ``core`` helpers the entry names), then the demo, and returns an
:class:`Outcome` with the values, the exception NumPy or Python raised, and the warnings. The
strings are this project's own, so executing them is safe; a learner's code never comes here
(it runs in a separate process, see :mod:`core.code_check_runner`).
"""

from __future__ import annotations

import functools
import importlib
import math
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from core.parsing import format_array, format_number

Which = Literal["buggy", "correct", "reference"]
PlotKind = Literal["curve", "steps", "path"]

#: Longest text :func:`format_value` returns; longer values end in "…".
MAX_VALUE_CHARS = 2000


@dataclass(frozen=True)
class PlotSpec:
    """A plot where a plot says more: ``code`` runs after the source and defines ``px``, ``py``.

    ``kind`` tells the GUI how to draw and label it: ``"curve"`` (y against x), ``"steps"``
    (a value per step of an iteration) or ``"path"`` (a 2-D trajectory, ``px`` and ``py`` being
    its coordinates). ``y_range`` fixes the visible y range when the buggy curve would dwarf the
    correct one.
    """

    kind: PlotKind
    code: str
    log_x: bool = False
    log_y: bool = False
    y_range: tuple[float, float] | None = None


@dataclass(frozen=True)
class Mistake:
    """One pattern of section (c) of the learners' pain points: buggy and correct code as text.

    Attributes
    ----------
    id : str
        ``"B1"`` … ``"B39"``, the numbering of the pain-points table.
    chapter : int
        The book's chapter (3 … 7).
    section : str
        Where the idea lives in the book, e.g. ``"§3.2.4"``.
    topic : str or None
        The study view that teaches the idea (``"activation"``, ``"loss"`` …), None if none does.
    name : str
        The function or class the demo exercises (``mistake.buggy`` is that object).
    buggy_source, correct_source : str
        The two versions, as shown.
    demo : str
        Code run after the source; it is shown as the demo input.
    shows : tuple of str
        Expressions evaluated after the demo, whose values the outcome reports.
    helpers : tuple of str
        ``core`` objects the code may use besides ``np`` (e.g. ``"numerical_gradient"``).
    reference : callable or None
        Returns ``{name: core object}`` that stands in for the correct source's definitions,
        so the demo can run against ``core``'s own implementation.
    reference_name : str or None
        Where that reference lives, e.g. ``"core.functions.sigmoid"``.
    plot : PlotSpec or None
    listed : bool
        False for the ids the pain-points table leaves out (B16, B17, B19, B22, B31, B32): those
        patterns are taken from its per-chapter section (a) and numbered here.
    """

    id: str
    chapter: int
    section: str
    topic: str | None
    name: str
    buggy_source: str
    correct_source: str
    demo: str
    shows: tuple[str, ...]
    helpers: tuple[str, ...] = ()
    reference: Callable[[], Mapping[str, Any]] | None = field(default=None, compare=False)
    reference_name: str | None = None
    plot: PlotSpec | None = None
    listed: bool = True

    @property
    def buggy(self) -> Any:
        """The buggy function or class, made by executing :attr:`buggy_source`."""
        return _compiled(self, "buggy")[self.name]

    @property
    def correct(self) -> Any:
        """The correct function or class, made by executing :attr:`correct_source`."""
        return _compiled(self, "correct")[self.name]


@dataclass(frozen=True)
class ErrorInfo:
    """An exception as Python prints its last line: ``AttributeError: 'numpy.ndarray' …``."""

    type: str
    message: str

    @classmethod
    def from_exception(cls, exc: BaseException) -> ErrorInfo:
        return cls(type(exc).__name__, str(exc))

    def __str__(self) -> str:
        return f"{self.type}: {self.message}" if self.message else self.type


@dataclass(frozen=True)
class Outcome:
    """What running one version of a demo gave.

    ``values`` holds ``(expression, value)`` for each of :attr:`Mistake.shows` that could be
    evaluated (values computed before an exception are kept); ``error`` is the exception the code
    raised, if any; ``warnings`` the ``"RuntimeWarning: overflow encountered in exp"`` lines.
    """

    values: tuple[tuple[str, Any], ...]
    error: ErrorInfo | None = None
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None

    def value(self, expression: str) -> Any:
        """The value of one shown expression; ``KeyError`` when it was not reached."""
        for name, value in self.values:
            if name == expression:
                return value
        raise KeyError(expression)


@dataclass(frozen=True)
class Series:
    """One curve of a plot: x and y coordinates (non-finite values are kept as they are)."""

    x: np.ndarray
    y: np.ndarray


@dataclass(frozen=True)
class PlotData:
    """The buggy and the correct curve, or the exception that stopped one of them."""

    kind: PlotKind
    buggy: Series | ErrorInfo
    correct: Series | ErrorInfo
    log_x: bool = False
    log_y: bool = False
    y_range: tuple[float, float] | None = None


# --- running ---------------------------------------------------------------------------------


def namespace(mistake: Mistake, which: Which) -> dict[str, Any]:
    """A fresh namespace in which one version's source has run (``np`` and the helpers only).

    For ``"reference"`` the correct source runs and then ``core``'s objects replace what it
    defined, so the demo exercises ``core``'s implementation. A source that fails to compile
    raises its ``SyntaxError`` here.
    """
    ns: dict[str, Any] = {"np": np, "__name__": f"mistake_{mistake.id}_{which}"}
    ns.update(_helpers(mistake.helpers))
    source = mistake.buggy_source if which == "buggy" else mistake.correct_source
    exec(compile(source, f"<{mistake.id} {which}>", "exec"), ns)
    if which == "reference":
        if mistake.reference is None:
            raise ValueError(f"{mistake.id} has no reference implementation in core")
        ns.update(mistake.reference())
    return ns


def run_demo(mistake: Mistake, which: Which) -> Outcome:
    """Run one version of ``mistake``'s demo and report the values it shows, or what it raised.

    Never raises for what the code under test does: exceptions and NumPy's warnings become data.
    """
    values: list[tuple[str, Any]] = []
    error: ErrorInfo | None = None
    ns: dict[str, Any] = {}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            ns = namespace(mistake, which)
            exec(compile(mistake.demo, f"<{mistake.id} demo>", "exec"), ns)
        except Exception as exc:
            error = ErrorInfo.from_exception(exc)
        for expression in mistake.shows:
            try:
                values.append((expression, eval(expression, ns)))
            except Exception as exc:
                if error is None:  # the demo ran but what it should show is not there
                    error = ErrorInfo.from_exception(exc)
                    break
    return Outcome(tuple(values), error, _warning_lines(caught))


def plot_data(mistake: Mistake) -> PlotData | None:
    """Run the plot snippet for the buggy and the correct version (None if the entry has none)."""
    spec = mistake.plot
    if spec is None:
        return None
    series: dict[str, Series | ErrorInfo] = {}
    for which in ("buggy", "correct"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                ns = namespace(mistake, which)  # type: ignore[arg-type]
                exec(compile(spec.code, f"<{mistake.id} plot>", "exec"), ns)
                x = np.asarray(ns["px"], dtype=float)
                y = np.asarray(ns["py"], dtype=float)
                series[which] = Series(x, y)
            except Exception as exc:
                series[which] = ErrorInfo.from_exception(exc)
    return PlotData(
        spec.kind, series["buggy"], series["correct"], spec.log_x, spec.log_y, spec.y_range
    )


def outcomes_differ(a: Outcome, b: Outcome) -> bool:
    """True when two outcomes differ: one raised and the other did not, or a value differs."""
    if (a.error is None) != (b.error is None):
        return True
    if a.error is not None and b.error is not None and a.error != b.error:
        return True
    if [n for n, _ in a.values] != [n for n, _ in b.values]:
        return True
    return any(
        not values_close(va, vb) for (_, va), (_, vb) in zip(a.values, b.values, strict=True)
    )


def values_close(a: Any, b: Any, rtol: float = 1e-7, atol: float = 1e-10) -> bool:
    """Equality for demo values: numbers and arrays within a tolerance (nan equals nan)."""
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return a.keys() == b.keys() and all(values_close(a[k], b[k], rtol, atol) for k in a)
    if isinstance(a, (tuple, list)) and isinstance(b, (tuple, list)):
        if len(a) != len(b):
            return False
        if _is_numeric(a) and _is_numeric(b):
            return _arrays_close(np.asarray(a), np.asarray(b), rtol, atol)
        return all(values_close(x, y, rtol, atol) for x, y in zip(a, b, strict=True))
    if a is None or b is None or isinstance(a, str) or isinstance(b, str):
        return a == b
    if _is_numeric(a) and _is_numeric(b):
        return _arrays_close(np.asarray(a), np.asarray(b), rtol, atol)
    return bool(a == b)


def format_value(value: Any, precision: int = 6) -> str:
    """Format a value for people: arrays and numbers via :mod:`core.parsing`, others by ``repr``.

    The text is at most :data:`MAX_VALUE_CHARS` long (a huge array ends in "…").
    """
    text = _format(value, precision)
    if len(text) > MAX_VALUE_CHARS:
        text = text[: MAX_VALUE_CHARS - 1] + "…"
    return text


# --- helpers ---------------------------------------------------------------------------------

#: The core objects a mistake's code may use besides ``np``, by the name the code uses.
HELPERS: dict[str, str] = {
    "numerical_gradient": "core.gradient:numerical_gradient",
    "softmax": "core.functions:softmax",
    "cross_entropy_error": "core.functions:cross_entropy_error",
    "TwoLayerNet": "core.networks:TwoLayerNet",
}


def helper_path(name: str) -> str:
    """``"core.gradient.numerical_gradient"`` for the helper ``"numerical_gradient"``."""
    return HELPERS[name].replace(":", ".")


def _helpers(names: tuple[str, ...]) -> dict[str, Any]:
    found = {}
    for name in names:
        module, _, attr = HELPERS[name].partition(":")
        found[name] = getattr(importlib.import_module(module), attr)
    return found


@functools.cache
def _compiled(mistake: Mistake, which: Which) -> dict[str, Any]:
    return namespace(mistake, which)


def _warning_lines(caught: list[warnings.WarningMessage]) -> tuple[str, ...]:
    lines: list[str] = []
    for w in caught:
        line = f"{w.category.__name__}: {w.message}"
        if line not in lines:
            lines.append(line)
    return tuple(lines)


def _is_numeric(value: Any) -> bool:
    if isinstance(value, bool):
        return True
    if isinstance(value, (int, float, np.number, np.bool_)):
        return True
    if isinstance(value, np.ndarray):
        return value.dtype.kind in "biuf"
    if isinstance(value, (tuple, list)):
        try:
            return np.asarray(value).dtype.kind in "biuf"
        except (ValueError, TypeError):
            return False
    return False


def _arrays_close(a: np.ndarray, b: np.ndarray, rtol: float, atol: float) -> bool:
    if a.shape != b.shape:
        return False
    return bool(np.allclose(a, b, rtol=rtol, atol=atol, equal_nan=True))


def _format(value: Any, precision: int) -> str:
    if value is None or isinstance(value, (str, bool)):
        return repr(value)
    if isinstance(value, np.bool_):
        return repr(bool(value))
    if isinstance(value, (int, float, np.integer, np.floating)):
        return _number(value, precision)
    if isinstance(value, np.ndarray) and value.dtype.kind in "biuf":
        if value.size > 10_000:
            return f"array of shape {value.shape}, dtype {value.dtype}"
        return format_array(value, precision)
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k!r}: {_format(v, precision)}" for k, v in value.items()) + "}"
    if isinstance(value, tuple) and all(isinstance(v, (int, np.integer)) for v in value):
        return repr(tuple(int(v) for v in value))  # a shape
    if isinstance(value, (tuple, list)):
        inner = ", ".join(_format(v, precision) for v in value[:50])
        more = ", …" if len(value) > 50 else ""
        return f"({inner}{more})" if isinstance(value, tuple) else f"[{inner}{more}]"
    try:
        text = repr(value)
    except Exception:
        text = f"<{type(value).__name__}>"
    return text


def _number(value: Any, precision: int) -> str:
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    v = float(value)
    if math.isfinite(v):
        return format_number(v, precision)
    return "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf")
