"""The loss functions of §4.2 worked out step by step, as data for the loss calculator.

:func:`interpret` takes the network's output ``y`` (one row per sample) and the targets ``t``
(one-hot rows or one class label per row), decides which kind ``t`` is, and returns a
:class:`LossReport`: every intermediate array of the sum of squared errors E = ½ Σ_k (y_k − t_k)²
(:class:`SseSteps`) and of the cross-entropy error E = −Σ_k t_k log(y_k + δ) (:class:`CeeSteps`),
the gradients with respect to ``y`` (and the Softmax-with-Loss gradient (y − t)/N of §5.6.3), the
common slips of §4.2 with the numbers they would give, and warnings as codes with data.

Totals come from :mod:`core.functions` (``sum_squared_error``, ``cross_entropy_error``), the worked
steps from the same arrays, so a test can check that the steps add up to the book's result.
Nothing here builds a sentence: warnings and errors carry a ``code`` and the numbers behind it, and
the GUI words them in the learner's language.

Error codes of :class:`LossInputError` (``field`` says which input is wrong, "y" or "t")
----------------------------------------------------------------------------------------------
``not_numbers``
    the input is not an array of real numbers.
``empty``
    the input holds no number.
``too_many_dims``
    more than 2 dimensions (``data["ndim"]``).
``not_finite``
    a nan or ±inf at ``data["row"]``, ``data["col"]`` (``data["value"]`` is "nan", "inf" or "-inf").
``one_class``
    y has a single column (``data["shape"]``): a loss needs at least two classes.
``shape_mismatch``
    t fits neither one-hot (the shape of y) nor one label per row (``data["y_shape"]``,
    ``data["t_shape"]``, ``data["t_size"]``, ``data["n_rows"]``, ``data["n_classes"]``).
``onehot_shape``
    one-hot was chosen, but t does not have the shape of y (same data as ``shape_mismatch``).
``label_count``
    class labels were chosen, but t does not hold one number per row (same data).
``label_not_integer``
    label ``data["index"]`` is ``data["value"]``, not a whole number.
``label_out_of_range``
    label ``data["index"]`` is ``data["value"]``, outside 0 … ``data["n_classes"]`` − 1.
``onehot_not_binary``
    one-hot row ``data["row"]`` holds ``data["value"]`` at column ``data["col"]`` (only 0 and 1).
``onehot_two_ones``
    one-hot row ``data["row"]`` has a 1 at each of the columns ``data["cols"]``.
``onehot_no_one``
    one-hot row ``data["row"]`` is all zeros.

Warning codes of :class:`LossWarning`
-------------------------------------
``negative_y``
    some y < 0 (``count``, ``first``: (row, col), ``value``): not probabilities; the
    cross-entropy error is not computed (log of a negative number), ``cee`` is None.
``y_above_one``
    some y > 1 (``count``, ``first``, ``value``): not probabilities.
``rows_not_normalised``
    rows whose sum differs from 1 by more than :data:`SUM_TOLERANCE` (``rows``: their indices,
    ``sums``: every row's sum, ``count``).
``overflow``
    (y − t)² overflows to inf for y this large (``max_abs``).
``onehot_as_labels``
    class labels were chosen but t is one-hot: ``data["formula"]`` is the
    :class:`BookLabelFormula` record (23.719 for the book's 「2」 example instead of 0.5108).
``softmax_of_probabilities``
    raw scores were chosen but y already looks like probabilities (each row in [0, 1], summing
    to 1): softmax changes them (``data["sums"]``).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal

import numpy as np
import numpy.typing as npt

from core import functions as F
from core._checks import FloatArray, IntArray, as_array

TargetKindChoice = Literal["auto", "onehot", "label"]
Field = Literal["y", "t"]
BoolArray = npt.NDArray[np.bool_]

#: The book's δ (§4.2.2), from :mod:`core.functions`.
DELTA: Final = F.DELTA

#: −log(δ) ≈ 16.118: the largest cross-entropy one sample can cost; without δ, y = 0 gives +∞.
DELTA_CAP: Final = -math.log(F.DELTA)

#: A row of y "sums to 1" when |Σ y − 1| ≤ this: 6-digit printouts of 10 classes pass, 0.33 × 3 fails.
SUM_TOLERANCE: Final = 1e-5


class LossInputError(ValueError):
    """Input the loss calculator cannot work with; ``code`` and ``data`` say why (see module doc).

    ``str(error)`` is an English sentence for logs and API users; the GUI builds its own,
    translated, from ``code``, ``field`` ("y" or "t") and ``data``.
    """

    def __init__(self, message: str, code: str, field: Field, **data: Any) -> None:
        super().__init__(message)
        self.code = code
        self.field: Field = field
        self.data: dict[str, Any] = data

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_error, (self.args[0], self.code, self.field, self.data))


def _rebuild_error(message: str, code: str, field: Field, data: dict[str, Any]) -> LossInputError:
    return LossInputError(message, code, field, **data)


@dataclass(frozen=True, eq=False)
class LossWarning:
    """Something odd about the input that still gives numbers: a ``code`` and its ``data``."""

    code: str
    field: Field
    data: Mapping[str, Any] = dataclasses.field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class TargetDetection:
    """Which kind ``t`` was read as, and why.

    Attributes
    ----------
    kind : {"onehot", "label"}
        One-hot rows (the shape of y) or one class label per row of y.
    reason : str
        ``"same_shape"`` (t is shaped like y), ``"one_per_row"`` (t holds one number per row of
        y), ``"forced"`` (the caller chose the kind) or ``"forced_onehot_shape"`` (labels were
        chosen, but t is shaped like y: the book's label formula misreads it).
    forced : bool
        True when the caller chose the kind rather than ``"auto"``.
    """

    kind: Literal["onehot", "label"]
    reason: str
    forced: bool = False


@dataclass(frozen=True, eq=False)
class SseSteps:
    """Sum of squared errors E = ½ Σ_k (y_k − t_k)², every step, per row (§4.2.1).

    Arrays are (N, C): N rows (samples), C classes; per-row values are (N,).

    Attributes
    ----------
    y, t : ndarray
        The probabilities and the one-hot targets.
    diff : ndarray
        y_k − t_k.
    squared : ndarray
        (y_k − t_k)².
    row_sum : ndarray
        Σ_k (y_k − t_k)² of each row: the "sum of squares".
    row_loss : ndarray
        ½ Σ_k (y_k − t_k)²: the book's E of each row.
    row_mean : ndarray
        (1/C) Σ_k (y_k − t_k)²: the "mean squared error" of each row.
    loss : float
        The mean of ``row_loss`` over the N rows, from :func:`core.functions.sum_squared_error`
        (0.0975 for the book's 「2」 example).
    plain_sum : float
        The mean of ``row_sum`` over the rows (0.195 for the book's example).
    mean : float
        The mean of ``row_mean`` over the rows (0.0195 for the book's example).
    """

    y: FloatArray
    t: FloatArray
    diff: FloatArray
    squared: FloatArray
    row_sum: FloatArray
    row_loss: FloatArray
    row_mean: FloatArray
    loss: float
    plain_sum: float
    mean: float

    @property
    def n_rows(self) -> int:
        return int(self.y.shape[0])


@dataclass(frozen=True, eq=False)
class CeeSteps:
    """Cross-entropy error E = −Σ_k t_k log(y_k + δ), every step, per row (§4.2.2, §4.2.4).

    Arrays are (N, C); per-row values are (N,).

    Attributes
    ----------
    y, t : ndarray
        The probabilities and the one-hot targets.
    delta : float
        δ = 1e-7.
    y_plus_delta : ndarray
        y_k + δ.
    log_y : ndarray
        log(y_k + δ) (natural log).
    t_log_y : ndarray
        t_k · log(y_k + δ): zero wherever t_k = 0.
    masked : ndarray of bool
        True where t_k = 0: the terms that vanish (greyed in the GUI).
    row_sum : ndarray
        Σ_k t_k log(y_k + δ) of each row (negative or zero).
    row_loss : ndarray
        −Σ_k t_k log(y_k + δ): the one-hot form's E of each row.
    loss : float
        The mean of ``row_loss`` over the rows, from :func:`core.functions.cross_entropy_error`
        with the one-hot t (0.5108 for the book's 「2」 example).
    labels : ndarray of int
        t_n, the correct class of each row.
    picked : ndarray
        y[n, t_n]: what the label form ``y[np.arange(N), t]`` picks.
    picked_log : ndarray
        log(y[n, t_n] + δ): the one term of each row that survives.
    label_row_loss : ndarray
        −log(y[n, t_n] + δ): the label form's E of each row, equal to ``row_loss``.
    label_loss : float
        The label form's mean over the rows, from :func:`core.functions.cross_entropy_error`
        with the labels; equal to ``loss``.
    at_cap : ndarray of bool
        True for rows whose y[n, t_n] is 0: their loss is the cap −log(δ) ≈ 16.118.
    row_loss_without_delta : ndarray
        −log(y[n, t_n]) without δ: +inf where y[n, t_n] = 0.
    """

    y: FloatArray
    t: FloatArray
    delta: float
    y_plus_delta: FloatArray
    log_y: FloatArray
    t_log_y: FloatArray
    masked: BoolArray
    row_sum: FloatArray
    row_loss: FloatArray
    loss: float
    labels: IntArray
    picked: FloatArray
    picked_log: FloatArray
    label_row_loss: FloatArray
    label_loss: float
    at_cap: BoolArray
    row_loss_without_delta: FloatArray

    @property
    def cap(self) -> float:
        """−log(δ) ≈ 16.118, the most one row can cost."""
        return DELTA_CAP


@dataclass(frozen=True, eq=False)
class BookLabelFormula:
    """What ``-np.sum(np.log(y[np.arange(N), t] + δ)) / N`` gives for a one-hot t (§4.2.4 slip).

    The label form expects one class index per row. Given a one-hot (N, C) t, NumPy reads every
    0 and 1 of t as a column index: for one row it picks y[0, 0] for each 0 and y[0, 1] for the
    1, and adds all their logs (23.719 instead of 0.5108 for the book's 「2」 example). For a
    batch, ``np.arange(N)`` (N,) and t (N, C) broadcast only when N = C; otherwise NumPy raises
    ``IndexError`` (``fails``).

    Attributes
    ----------
    value : float
        The formula's result; nan when it fails.
    fails : bool
        True when NumPy cannot broadcast ``np.arange(N)`` against t.
    pairs : tuple of (int, int)
        The distinct (row, column) pairs picked, in order of first appearance.
    counts : tuple of int
        How often each pair was picked.
    values : tuple of float
        y at each pair.
    correct : float
        The right value, −Σ log(y[n, t_n] + δ) / N with t_n the hot column.
    n_rows, n_classes : int
        N and C, for the explanation of a failing broadcast.
    """

    value: float
    fails: bool
    pairs: tuple[tuple[int, int], ...]
    counts: tuple[int, ...]
    values: tuple[float, ...]
    correct: float
    n_rows: int
    n_classes: int


@dataclass(frozen=True, eq=False)
class CommonSlips:
    """The numbers the usual mistakes of §4.2 and §5.6.3 would give for this input.

    Attributes
    ----------
    divided_by_ndim : float
        The batch cross-entropy divided by ``y.ndim`` instead of N (2 for any batch): wrong
        unless N equals y.ndim. For 100 copies of the book's example it is 25.54.
    ndim : int
        The ``y.ndim`` used (1 for a vector, 2 for a table).
    without_delta : float
        The cross-entropy without δ: +inf as soon as a correct-class y is 0.
    gradient_without_n : ndarray
        y − t: the Softmax-with-Loss gradient without ``/ batch_size``, N times too big.
    """

    divided_by_ndim: float
    ndim: int
    without_delta: float
    gradient_without_n: FloatArray


@dataclass(frozen=True, eq=False)
class LossReport:
    """Everything the loss calculator shows for one y and t (§4.2, §5.6.3).

    Attributes
    ----------
    y_input : ndarray
        y as given, (N, C): probabilities, or raw scores when ``raw_scores``.
    y_ndim : int
        The number of dimensions y was given with (1 for a single vector).
    raw_scores : bool
        True when y held raw scores and softmax was applied first.
    y : ndarray
        The probabilities used, (N, C): ``softmax(y_input)`` when ``raw_scores``.
    t_input : ndarray
        t as given.
    t : ndarray
        One-hot t, (N, C).
    labels : ndarray of int
        The correct class of each row, (N,).
    detection : TargetDetection
        How t was read.
    sse : SseSteps
        The sum of squared errors, worked.
    cee : CeeSteps or None
        The cross-entropy error, worked; None when y has negative values.
    grad_sse : ndarray
        ∂E/∂y of the batch-mean sum of squared errors: (y − t) / N.
    grad_cee : ndarray or None
        ∂E/∂y of the batch-mean cross-entropy error: −t / (y + δ) / N.
    softmax_with_loss_grad : ndarray
        (y − t) / N: the gradient of Softmax-with-Loss with respect to the scores fed to softmax
        (§5.6.3), from the probabilities y.
    slips : CommonSlips or None
        The numbers of the common mistakes; None when ``cee`` is None.
    book_label_formula : BookLabelFormula or None
        Set when labels were chosen but t is one-hot.
    warnings : tuple of LossWarning
    """

    y_input: FloatArray
    y_ndim: int
    raw_scores: bool
    y: FloatArray
    t_input: FloatArray
    t: FloatArray
    labels: IntArray
    detection: TargetDetection
    sse: SseSteps
    cee: CeeSteps | None
    grad_sse: FloatArray
    grad_cee: FloatArray | None
    softmax_with_loss_grad: FloatArray
    slips: CommonSlips | None
    book_label_formula: BookLabelFormula | None
    warnings: tuple[LossWarning, ...]

    @property
    def n_rows(self) -> int:
        """N, the number of rows (samples)."""
        return int(self.y.shape[0])

    @property
    def n_classes(self) -> int:
        """C, the number of classes."""
        return int(self.y.shape[1])

    def warning(self, code: str) -> LossWarning | None:
        """The warning with ``code``, or None."""
        return next((w for w in self.warnings if w.code == code), None)


@dataclass(frozen=True)
class LossPreset:
    """One of the book's examples, as input for the calculator.

    ``y`` is a vector or a tuple of rows; ``t`` one-hot rows or labels as the learner would type
    them; ``t_kind`` and ``raw_scores`` the settings; ``sse`` and ``cee`` the expected results
    (None when not the point of the example), ``grad`` the expected (y − t)/N of row 0.
    """

    id: str
    section: str
    y: tuple[Any, ...]
    t: tuple[Any, ...]
    t_kind: TargetKindChoice = "auto"
    raw_scores: bool = False
    sse: float | None = None
    cee: float | None = None
    grad: tuple[float, ...] | None = None


#: The book's 「2」 example (§4.2.1): the network's output, most probability on class 2.
BOOK_Y_RIGHT: Final = (0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0)
#: The same output with the 0.6 on class 7: a wrong guess.
BOOK_Y_WRONG: Final = (0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0)
#: The one-hot t of the book's example: the correct class is 2.
BOOK_T: Final = (0, 0, 1, 0, 0, 0, 0, 0, 0, 0)
#: The wrong guess with the correct class's y set to 0 (its 0.1 moved to class 8): −log(δ).
DELTA_Y: Final = (0.1, 0.05, 0.0, 0.0, 0.05, 0.1, 0.0, 0.6, 0.1, 0.0)

PRESETS: Final[tuple[LossPreset, ...]] = (
    LossPreset("book_right", "§4.2.1", BOOK_Y_RIGHT, BOOK_T, sse=0.0975, cee=0.510825457099338),
    LossPreset("book_wrong", "§4.2.1", BOOK_Y_WRONG, BOOK_T, sse=0.5975, cee=2.302584092994546),
    LossPreset("book_label", "§4.2.4", BOOK_Y_RIGHT, (2,), cee=0.510825457099338),
    LossPreset("delta", "§4.2.2", DELTA_Y, BOOK_T, cee=DELTA_CAP),
    LossPreset(
        "batch",
        "§4.2.4",
        (BOOK_Y_RIGHT, BOOK_Y_WRONG),
        (2, 2),
        sse=(0.0975 + 0.5975) / 2,
        cee=(0.510825457099338 + 2.302584092994546) / 2,
    ),
    LossPreset(
        "onehot_as_labels", "§4.2.4", BOOK_Y_RIGHT, BOOK_T, t_kind="label", cee=0.510825457099338
    ),
    LossPreset("swl_large", "§5.6.3", (0.3, 0.2, 0.5), (0, 1, 0), grad=(0.3, -0.8, 0.5)),
    LossPreset("swl_small", "§5.6.3", (0.01, 0.99, 0.0), (0, 1, 0), grad=(0.01, -0.01, 0.0)),
    LossPreset(
        "raw_scores", "§3.5.1, §5.6.3", (0.3, 2.9, 4.0), (2,), raw_scores=True, cee=0.3057143
    ),
)


def preset(preset_id: str) -> LossPreset:
    """The preset called ``preset_id``; ``KeyError`` for an unknown one."""
    for p in PRESETS:
        if p.id == preset_id:
            return p
    raise KeyError(preset_id)


# --- reading the input ---------------------------------------------------------------------------


def _as_input(x: Any, name: Field) -> FloatArray:
    """``x`` as a float64 copy, 1-D or 2-D, finite and not empty, or a LossInputError."""
    try:
        arr = as_array(x, name).astype(np.float64)  # a copy: the caller's array is never touched
    except ValueError as exc:  # text, ragged lists, complex numbers
        raise LossInputError(str(exc), "not_numbers", name) from None
    if arr.size == 0:
        raise LossInputError(f"{name} is empty; it needs at least one number", "empty", name)
    if arr.ndim == 0:
        arr = arr.reshape(1)
    if arr.ndim > 2:
        raise LossInputError(
            f"{name} has {arr.ndim} dimensions; type a vector or one row per sample",
            "too_many_dims",
            name,
            ndim=arr.ndim,
        )
    finite = np.isfinite(arr)
    if not finite.all():
        flat = int(np.argmin(finite.reshape(-1)))
        row, col = divmod(flat, arr.shape[-1]) if arr.ndim == 2 else (0, flat)
        value = float(arr.reshape(-1)[flat])
        text = "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
        raise LossInputError(
            f"{name} holds {text} (row {row}, element {col}); only finite numbers work here",
            "not_finite",
            name,
            row=row,
            col=col,
            value=text,
        )
    arr.setflags(write=False)
    return arr


def _as_rows(y: FloatArray) -> FloatArray:
    """y as (N, C), refusing a single column."""
    y2 = y.reshape(1, -1) if y.ndim == 1 else y
    if y2.shape[1] < 2:
        raise LossInputError(
            f"y of shape {y.shape} has a single class; a loss compares at least two "
            "(put one sample's numbers on one line)",
            "one_class",
            "y",
            shape=tuple(y.shape),
        )
    return y2


def _shape_data(y2: FloatArray, t: FloatArray) -> dict[str, Any]:
    return {
        "y_shape": tuple(y2.shape),
        "t_shape": tuple(t.shape),
        "t_size": int(t.size),
        "n_rows": int(y2.shape[0]),
        "n_classes": int(y2.shape[1]),
    }


def _fits_onehot(y2: FloatArray, t: FloatArray) -> bool:
    """t is shaped like y: (N, C), or a vector of C numbers when N = 1."""
    n, c = y2.shape
    return t.shape == (n, c) or (n == 1 and t.ndim == 1 and t.size == c)


def _fits_labels(y2: FloatArray, t: FloatArray) -> bool:
    """t holds one number per row of y, as a vector, a row or a column."""
    return t.size == y2.shape[0] and (t.ndim == 1 or 1 in t.shape)


def _detect(y2: FloatArray, t: FloatArray, t_kind: TargetKindChoice) -> TargetDetection:
    if t_kind not in ("auto", "onehot", "label"):
        raise ValueError(f"t_kind must be 'auto', 'onehot' or 'label', got {t_kind!r}")
    onehot, labels = _fits_onehot(y2, t), _fits_labels(y2, t)
    data = _shape_data(y2, t)
    if t_kind == "onehot":
        if not onehot:
            raise LossInputError(
                f"a one-hot t needs the shape of y {y2.shape}, got {t.shape}",
                "onehot_shape",
                "t",
                **data,
            )
        return TargetDetection("onehot", "forced", forced=True)
    if t_kind == "label":
        if labels:
            return TargetDetection("label", "forced", forced=True)
        if onehot:
            return TargetDetection("label", "forced_onehot_shape", forced=True)
        raise LossInputError(
            f"class labels need one number per row of y ({y2.shape[0]}), got {t.size}",
            "label_count",
            "t",
            **data,
        )
    if onehot:  # C ≥ 2, so a t that fits both cannot exist
        return TargetDetection("onehot", "same_shape")
    if labels:
        return TargetDetection("label", "one_per_row")
    raise LossInputError(
        f"t of shape {t.shape} fits neither y of shape {y2.shape} (one-hot) nor one class "
        f"label per row of y ({y2.shape[0]})",
        "shape_mismatch",
        "t",
        **data,
    )


def detect_targets(y: Any, t: Any) -> TargetDetection:
    """Tell whether ``t`` is one-hot (the shape of y) or class labels (one per row) (§4.2.4).

    Raises
    ------
    LossInputError
        When y or t is unusable, or t fits neither (``shape_mismatch``).
    """
    y2 = _as_rows(_as_input(y, "y"))
    return _detect(y2, _as_input(t, "t"), "auto")


def _check_onehot(t2: FloatArray) -> IntArray:
    """The hot column of each one-hot row, or the first problem as a LossInputError."""
    binary = (t2 == 0.0) | (t2 == 1.0)
    if not binary.all():
        row, col = (int(i) for i in np.argwhere(~binary)[0])
        value = float(t2[row, col])
        raise LossInputError(
            f"one-hot row {row} holds {value:g} at element {col}; only 0 and 1 are allowed",
            "onehot_not_binary",
            "t",
            row=row,
            col=col,
            value=value,
        )
    ones = np.count_nonzero(t2 == 1.0, axis=1)
    if np.any(ones > 1):
        row = int(np.argmax(ones > 1))
        cols = tuple(int(c) for c in np.flatnonzero(t2[row] == 1.0))
        raise LossInputError(
            f"one-hot row {row} has a 1 at elements {list(cols)}; exactly one class is correct",
            "onehot_two_ones",
            "t",
            row=row,
            cols=cols,
        )
    if np.any(ones == 0):
        row = int(np.argmin(ones))
        raise LossInputError(
            f"one-hot row {row} is all zeros; put a 1 at the correct class",
            "onehot_no_one",
            "t",
            row=row,
        )
    return np.argmax(t2, axis=1)


def _check_labels(t: FloatArray, n_classes: int) -> IntArray:
    flat = t.reshape(-1)
    whole = flat == np.round(flat)
    if not whole.all():
        index = int(np.argmin(whole))
        raise LossInputError(
            f"class label {flat[index]:g} (number {index}) is not a whole number",
            "label_not_integer",
            "t",
            index=index,
            value=float(flat[index]),
        )
    bad = (flat < 0) | (flat >= n_classes)
    if bad.any():
        index = int(np.argmax(bad))
        raise LossInputError(
            f"class label {flat[index]:g} (number {index}) is out of range: with {n_classes} "
            f"classes a label is 0 … {n_classes - 1}",
            "label_out_of_range",
            "t",
            index=index,
            value=int(flat[index]),
            n_classes=n_classes,
        )
    return flat.astype(np.int64)


# --- the worked steps ----------------------------------------------------------------------------


def _frozen(*arrays: np.ndarray) -> None:
    for a in arrays:
        a.setflags(write=False)


def sse_steps(y: Any, t: Any) -> SseSteps:
    """Sum of squared errors E = ½ Σ_k (y_k − t_k)² with every step, per row (§4.2.1).

    ``y`` and ``t`` are (N, C) (or vectors of C); ``t`` is one-hot (soft targets work too).
    Overflow to inf for huge y is left as inf, without a warning.
    """
    y2 = np.array(y, dtype=np.float64, ndmin=2)
    t2 = np.array(t, dtype=np.float64, ndmin=2)
    if y2.shape != t2.shape:
        raise ValueError(f"y {y2.shape} and t {t2.shape} must have the same shape")
    with np.errstate(over="ignore", invalid="ignore"):
        diff = y2 - t2
        squared = diff * diff
        row_sum = np.sum(squared, axis=1)
        row_loss = 0.5 * row_sum
        row_mean = row_sum / y2.shape[1]
        loss = F.sum_squared_error(y2, t2)
    _frozen(y2, t2, diff, squared, row_sum, row_loss, row_mean)
    return SseSteps(
        y=y2,
        t=t2,
        diff=diff,
        squared=squared,
        row_sum=row_sum,
        row_loss=row_loss,
        row_mean=row_mean,
        loss=loss,
        plain_sum=float(np.mean(row_sum)),
        mean=float(np.mean(row_mean)),
    )


def cee_steps(y: Any, labels: Any) -> CeeSteps:
    """Cross-entropy error E = −Σ_k t_k log(y_k + δ), one-hot and label form (§4.2.2, §4.2.4).

    ``y`` is (N, C) probabilities (≥ 0), ``labels`` the correct class of each row.
    """
    y2 = np.array(y, dtype=np.float64, ndmin=2)
    labels = np.array(labels, dtype=np.int64).reshape(-1)
    n = y2.shape[0]
    rows = np.arange(n)
    t2 = np.zeros_like(y2)
    t2[rows, labels] = 1.0
    y_plus_delta = y2 + DELTA
    log_y = np.log(y_plus_delta)
    t_log_y = t2 * log_y
    row_sum = np.sum(t_log_y, axis=1)
    picked = y2[rows, labels]
    picked_log = log_y[rows, labels]
    with np.errstate(divide="ignore"):
        without_delta = -np.log(picked)
    masked = t2 == 0.0
    row_loss = -row_sum
    label_row_loss = -picked_log
    at_cap = picked == 0.0
    _frozen(y2, labels, t2, y_plus_delta, log_y, t_log_y, row_sum, picked, picked_log)
    _frozen(without_delta, masked, row_loss, label_row_loss, at_cap)
    return CeeSteps(
        y=y2,
        t=t2,
        delta=DELTA,
        y_plus_delta=y_plus_delta,
        log_y=log_y,
        t_log_y=t_log_y,
        masked=masked,
        row_sum=row_sum,
        row_loss=row_loss,
        loss=F.cross_entropy_error(y2, t2, "onehot"),
        labels=labels,
        picked=picked,
        picked_log=picked_log,
        label_row_loss=label_row_loss,
        label_loss=F.cross_entropy_error(y2, labels, "label"),
        at_cap=at_cap,
        row_loss_without_delta=without_delta,
    )


def book_label_formula(y: Any, t: Any) -> BookLabelFormula:
    """−Σ log(y[np.arange(N), t] + δ) / N with a one-hot ``t`` used as indices (§4.2.4 slip).

    ``y`` is (N, C) probabilities, ``t`` a valid one-hot (N, C). See :class:`BookLabelFormula`.
    """
    y2 = np.array(y, dtype=np.float64, ndmin=2)
    t_idx = np.array(t, ndmin=2).astype(np.int64)
    n, c = y2.shape
    correct = float(-np.mean(np.log(y2[np.arange(n), np.argmax(t_idx, axis=1)] + DELTA)))
    try:
        rows, cols = np.broadcast_arrays(np.arange(n), t_idx)
    except ValueError:
        return BookLabelFormula(math.nan, True, (), (), (), correct, n, c)
    picked = y2[rows, cols]
    value = float(-np.sum(np.log(picked + DELTA)) / n)
    pairs_array = np.stack([rows.reshape(-1), cols.reshape(-1)], axis=1)
    unique, first, counts = np.unique(pairs_array, axis=0, return_index=True, return_counts=True)
    order = np.argsort(first)
    pairs = tuple((int(r), int(k)) for r, k in unique[order])
    return BookLabelFormula(
        value=value,
        fails=False,
        pairs=pairs,
        counts=tuple(int(k) for k in counts[order]),
        values=tuple(float(y2[r, k]) for r, k in pairs),
        correct=correct,
        n_rows=n,
        n_classes=c,
    )


def common_slips(y: Any, labels: Any, ndim: int) -> CommonSlips:
    """The §4.2 slips: divide by ``y.ndim`` instead of N, drop δ, drop ``/ N`` in the gradient.

    ``y`` is (N, C) probabilities, ``labels`` the correct classes, ``ndim`` the ``y.ndim`` the
    learner's code would see (1 for a vector).
    """
    y2 = np.array(y, dtype=np.float64, ndmin=2)
    labels = np.array(labels, dtype=np.int64).reshape(-1)
    n = y2.shape[0]
    picked = y2[np.arange(n), labels]
    total = float(-np.sum(np.log(picked + DELTA)))
    with np.errstate(divide="ignore"):
        without_delta = float(-np.mean(np.log(picked)))
    t2 = np.zeros_like(y2)
    t2[np.arange(n), labels] = 1.0
    gradient = y2 - t2
    gradient.setflags(write=False)
    return CommonSlips(
        divided_by_ndim=total / ndim,
        ndim=int(ndim),
        without_delta=without_delta,
        gradient_without_n=gradient,
    )


# --- the whole report ----------------------------------------------------------------------------


def _first(mask: np.ndarray) -> tuple[int, int]:
    row, col = np.argwhere(mask)[0]
    return int(row), int(col)


def _probability_warnings(y2: FloatArray) -> list[LossWarning]:
    found: list[LossWarning] = []
    negative = y2 < 0
    if negative.any():
        first = _first(negative)
        found.append(
            LossWarning(
                "negative_y",
                "y",
                {"count": int(negative.sum()), "first": first, "value": float(y2[first])},
            )
        )
    above = y2 > 1
    if above.any():
        first = _first(above)
        found.append(
            LossWarning(
                "y_above_one",
                "y",
                {"count": int(above.sum()), "first": first, "value": float(y2[first])},
            )
        )
    with np.errstate(over="ignore", invalid="ignore"):
        sums = np.sum(y2, axis=1)
        off = ~(np.abs(sums - 1.0) <= SUM_TOLERANCE)
    if off.any():
        sums.setflags(write=False)
        rows = tuple(int(r) for r in np.flatnonzero(off))
        found.append(
            LossWarning(
                "rows_not_normalised", "y", {"rows": rows, "sums": sums, "count": len(rows)}
            )
        )
    return found


def _looks_like_probabilities(y2: FloatArray) -> bool:
    sums = np.sum(y2, axis=1)
    return bool(np.all((y2 >= 0) & (y2 <= 1)) and np.all(np.abs(sums - 1.0) <= SUM_TOLERANCE))


def interpret(
    y: Any, t: Any, t_kind: TargetKindChoice = "auto", raw_scores: bool = False
) -> LossReport:
    """Both losses of §4.2 for ``y`` and ``t``, worked step by step, with gradients and warnings.

    Parameters
    ----------
    y : array_like
        Probabilities (or raw scores, see ``raw_scores``): a vector for one sample or one row
        per sample, (N, C) with C ≥ 2.
    t : array_like
        One-hot rows (the shape of y) or one class label per row (``2`` or ``2, 7, 0``).
    t_kind : {"auto", "onehot", "label"}
        How to read t; ``"auto"`` decides by its shape (see :func:`detect_targets`). ``"label"``
        with a one-hot t is computed correctly, with an ``onehot_as_labels`` warning carrying
        what the book's label formula would give (23.719 for the book's example).
    raw_scores : bool
        y holds raw scores: apply softmax first (the Softmax-with-Loss layer of §5.6.3).

    Returns
    -------
    LossReport

    Raises
    ------
    LossInputError
        For input that gives no numbers at all; ``code``, ``field`` and ``data`` say why.
    """
    y_in = _as_input(y, "y")
    y2 = _as_rows(y_in)
    t_in = _as_input(t, "t")
    detection = _detect(y2, t_in, t_kind)
    n, c = y2.shape
    warnings: list[LossWarning] = []
    formula: BookLabelFormula | None = None

    if detection.kind == "onehot" or detection.reason == "forced_onehot_shape":
        labels = _check_onehot(t_in.reshape(n, c))
    else:
        labels = _check_labels(t_in, c)

    if raw_scores:
        probs = F.softmax(y2)
        if _looks_like_probabilities(y2):
            sums = np.sum(y2, axis=1)
            sums.setflags(write=False)
            warnings.append(LossWarning("softmax_of_probabilities", "y", {"sums": sums}))
    else:
        probs = y2.copy()
        warnings.extend(_probability_warnings(y2))
    probs.setflags(write=False)

    t2 = np.zeros((n, c))
    t2[np.arange(n), labels] = 1.0
    t2.setflags(write=False)
    labels.setflags(write=False)

    sse = sse_steps(probs, t2)
    if not math.isfinite(sse.loss):
        warnings.append(LossWarning("overflow", "y", {"max_abs": float(np.max(np.abs(probs)))}))
    has_negative = bool(np.any(probs < 0))
    cee = None if has_negative else cee_steps(probs, labels)
    slips = None if has_negative else common_slips(probs, labels, y_in.ndim)
    if detection.reason == "forced_onehot_shape" and not has_negative:
        formula = book_label_formula(probs, t2)
        warnings.append(LossWarning("onehot_as_labels", "t", {"formula": formula}))

    with np.errstate(over="ignore", invalid="ignore"):
        grad_sse = (probs - t2) / n
        swl_grad = (probs - t2) / n
    grad_cee = None if has_negative else -t2 / (probs + DELTA) / n
    _frozen(grad_sse, swl_grad)
    if grad_cee is not None:
        grad_cee.setflags(write=False)

    return LossReport(
        y_input=y2,
        y_ndim=y_in.ndim,
        raw_scores=bool(raw_scores),
        y=probs,
        t_input=t_in,
        t=t2,
        labels=labels,
        detection=detection,
        sse=sse,
        cee=cee,
        grad_sse=grad_sse,
        grad_cee=grad_cee,
        softmax_with_loss_grad=swl_grad,
        slips=slips,
        book_label_formula=formula,
        warnings=tuple(warnings),
    )


def neg_log_curve(points: int = 400, smallest: float = 1e-9) -> tuple[FloatArray, FloatArray]:
    """The curve E = −log(y + δ) on [0, 1] (§4.2.2, Figure 4-3), dense near 0 where it climbs.

    Starts at y = 0, where it is the cap −log(δ) ≈ 16.118 (without δ: +∞), then runs over
    ``points`` values spaced evenly on a log scale from ``smallest`` to 1.
    """
    x = np.concatenate([[0.0], np.geomspace(smallest, 1.0, points)])
    return x, -np.log(x + DELTA)


__all__ = [
    "BOOK_T",
    "BOOK_Y_RIGHT",
    "BOOK_Y_WRONG",
    "DELTA",
    "DELTA_CAP",
    "DELTA_Y",
    "PRESETS",
    "SUM_TOLERANCE",
    "BookLabelFormula",
    "CeeSteps",
    "CommonSlips",
    "LossInputError",
    "LossPreset",
    "LossReport",
    "LossWarning",
    "SseSteps",
    "TargetDetection",
    "book_label_formula",
    "cee_steps",
    "common_slips",
    "detect_targets",
    "interpret",
    "neg_log_curve",
    "preset",
    "sse_steps",
]
