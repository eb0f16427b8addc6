"""Matrix shapes for ``np.dot`` and the book's 3-layer network, step by step (§3.3–3.4, §3.6.3).

:func:`dot_check` tells whether ``np.dot(A, B)`` works for two *shapes*, which two dimensions
must match and what shape comes out; when it fails, the message is NumPy's own, obtained by
calling ``np.dot`` on arrays that take no memory (every stride 0), so even absurd shapes cost
nothing. :func:`forward_steps` runs the book's 3-layer network (§3.4.3) and records every
intermediate X → A1 → Z1 → A2 → Z2 → A3 → Y with its operands, and :func:`shape_chain` follows
the shapes of the MNIST network (§3.6.3) without any data.

Shapes may be given as tuples or as text the way learners write them: ``"2x3"``, ``"(2, 3)"``,
``"2,3"``, ``"2 × 3"``, ``"(784,)"``. A shape that cannot be used raises :class:`ShapeError`
whose ``reason`` says why:

``empty``
    no dimension at all (blank text, ``()``).
``not_a_number``
    a word that is not a number (``abc``, ``nan``, ``2+``).
``missing_number``
    two separators with nothing between them (``2,,3``, ``x3``).
``unbalanced_brackets``
    an opening bracket without its closing partner or the other way round (``(2, 3``).
``not_whole``
    a dimension with a fraction (``2.5``).
``not_positive``
    a dimension of 0 or below: a dimension must be a whole number ≥ 1.
``too_large``
    a dimension above :data:`MAX_DIM`.
``too_many_dims``
    more than :data:`MAX_NDIM` dimensions.
"""

from __future__ import annotations

import math
import numbers
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal, get_args

import numpy as np
from numpy.lib.stride_tricks import as_strided

from core import functions as F
from core._checks import FloatArray, IntArray, as_float_array, require_ndim, require_nonempty

Shape = tuple[int, ...]

ShapeReason = Literal[
    "empty",
    "not_a_number",
    "missing_number",
    "unbalanced_brackets",
    "not_whole",
    "not_positive",
    "too_large",
    "too_many_dims",
]

#: Every ``ShapeError.reason`` there is, for the GUI's table of translated messages.
SHAPE_REASONS: Final[tuple[str, ...]] = get_args(ShapeReason)

#: The most dimensions a shape may have here (vectors, matrices and stacks of matrices).
MAX_NDIM: Final = 3

#: The largest length one dimension may have (a million: far beyond any network in the book).
MAX_DIM: Final = 1_000_000

DotRule = Literal["inner", "vector_matrix", "matrix_vector", "matrix", "stacked"]

#: How np.dot treats each combination of dimensions (§3.3.2–3.3.3), for the GUI's explanations:
#: ``inner`` 1-D·1-D (a single number), ``vector_matrix`` 1-D·2-D, ``matrix_vector`` 2-D·1-D,
#: ``matrix`` 2-D·2-D, ``stacked`` whenever one operand has 3 or more dimensions.
DOT_RULES: Final[tuple[str, ...]] = get_args(DotRule)


class ShapeError(ValueError):
    """A shape that cannot be used: ``reason`` says why (see the module docstring).

    Attributes
    ----------
    reason : str
        A code from :data:`SHAPE_REASONS`, for the GUI to pick a translated message.
    detail : dict
        The values used in the message: ``token`` (the offending text or value), ``index`` (the
        0-based dimension it is in), ``limit`` (for ``too_large`` and ``too_many_dims``).
    """

    def __init__(
        self, message: str, reason: ShapeReason, detail: Mapping[str, object] | None = None
    ) -> None:
        super().__init__(message)
        self.reason: ShapeReason = reason
        self.detail: dict[str, object] = dict(detail) if detail else {}

    def __reduce__(self) -> tuple[Any, ...]:
        """Keep ``reason`` and ``detail`` when the error is pickled."""
        return (type(self), (self.args[0], self.reason, self.detail))


# --- shapes: reading and checking ---------------------------------------------------------------

_OPEN_TO_CLOSE: Final = {"(": ")", "[": "]"}
_SEPARATOR: Final = re.compile(r"[,x×*]", re.IGNORECASE)
_NUMBER: Final = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?", re.IGNORECASE)


def parse_shape(text: str) -> Shape:
    """Read a shape written as ``"2x3"``, ``"(2, 3)"``, ``"2,3"``, ``"2 × 3"`` or ``"(784,)"`` (§3.3.1).

    Numbers are separated by commas, ``x``, ``×``, ``*`` or spaces; one pair of ``()`` or ``[]``
    around them is allowed, and so is a trailing comma (Python's ``(2,)``). Full-width digits and
    punctuation typed with a Japanese IME are read as their ASCII forms.

    Raises
    ------
    ShapeError
        With one of the reasons in :data:`SHAPE_REASONS`.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    body = unicodedata.normalize("NFKC", text).strip()
    if body[:1] in _OPEN_TO_CLOSE or body[-1:] in _OPEN_TO_CLOSE.values():
        if len(body) < 2 or _OPEN_TO_CLOSE.get(body[0]) != body[-1]:
            raise ShapeError(
                f"the brackets in {text.strip()!r} do not match: write (2, 3) or 2, 3",
                "unbalanced_brackets",
                {"token": text.strip()},
            )
        body = body[1:-1].strip()
    pieces = _SEPARATOR.split(body)
    if len(pieces) > 1 and not pieces[-1].strip() and body.rstrip().endswith(","):
        pieces = pieces[:-1]  # a trailing comma, as in Python's (2,)
    tokens: list[str] = []
    for piece in pieces:
        words = piece.split()
        if not words:
            if body:
                raise ShapeError(
                    f"a number is missing in {text.strip()!r}: write it like 2, 3",
                    "missing_number",
                    {"token": text.strip(), "index": len(tokens)},
                )
            continue
        tokens.extend(words)
    if not tokens:
        raise ShapeError("the shape is empty: give at least one dimension, like 3 or 2, 3", "empty")
    dims: list[int] = []
    for index, token in enumerate(tokens):
        if not _NUMBER.fullmatch(token):
            raise ShapeError(
                f"{token!r} is not a number (dimension {index + 1})",
                "not_a_number",
                {"token": token, "index": index},
            )
        dims.append(_checked_dim(float(token), token, index))  # 1e999 is inf: too large
    return check_shape(dims)


def check_shape(shape: Sequence[Any]) -> Shape:
    """Return ``shape`` as a tuple of ints, each a whole number from 1 to :data:`MAX_DIM` (§3.3).

    A shape has 1 to :data:`MAX_NDIM` dimensions. Whole floats such as ``2.0`` are accepted.

    Raises
    ------
    ShapeError
        ``empty``, ``not_a_number``, ``not_whole``, ``not_positive``, ``too_large`` or
        ``too_many_dims``.
    """
    if isinstance(shape, (str, bytes)) or not isinstance(shape, Sequence):
        raise TypeError(f"shape must be a sequence of whole numbers, got {shape!r}")
    dims = [_checked_dim(value, value, index) for index, value in enumerate(shape)]
    if not dims:
        raise ShapeError("the shape is empty: give at least one dimension, like 3 or 2, 3", "empty")
    if len(dims) > MAX_NDIM:
        raise ShapeError(
            f"a shape may have at most {MAX_NDIM} dimensions here, got {len(dims)}",
            "too_many_dims",
            {"token": len(dims), "limit": MAX_NDIM},
        )
    return tuple(dims)


def as_shape(spec: str | Sequence[Any]) -> Shape:
    """A checked shape (§3.3.1) from text (:func:`parse_shape`) or a sequence (:func:`check_shape`)."""
    return parse_shape(spec) if isinstance(spec, str) else check_shape(spec)


def format_shape(shape: Sequence[int]) -> str:
    """A shape as ``A.shape`` prints it (§3.3.1): ``(2, 3)``, ``(3,)``, and ``()`` for a single number."""
    return str(tuple(int(d) for d in shape))


def _checked_dim(value: object, token: object, index: int) -> int:
    """One dimension as an int, or a :class:`ShapeError` saying what is wrong with it."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ShapeError(
            f"{token!r} is not a number (dimension {index + 1})",
            "not_a_number",
            {"token": token, "index": index},
        )
    number = float(value)
    if math.isnan(number):
        raise ShapeError(
            f"{token!r} is not a number (dimension {index + 1})",
            "not_a_number",
            {"token": token, "index": index},
        )
    if math.isinf(number) and number > 0:
        _too_large(token, index)
    if not number.is_integer():
        raise ShapeError(
            f"a dimension must be a whole number ≥ 1, got {token} (dimension {index + 1})",
            "not_whole",
            {"token": token, "index": index},
        )
    if number < 1:
        raise ShapeError(
            f"a dimension must be a whole number ≥ 1, got {token} (dimension {index + 1})",
            "not_positive",
            {"token": token, "index": index},
        )
    if number > MAX_DIM:
        _too_large(token, index)
    return int(number)


def _too_large(token: object, index: int) -> None:
    raise ShapeError(
        f"{token} is too large for a dimension here: at most {MAX_DIM:,} (dimension {index + 1})",
        "too_large",
        {"token": token, "index": index, "limit": MAX_DIM},
    )


# --- §3.3: np.dot on shapes -------------------------------------------------------------------------


@dataclass(frozen=True)
class DotCheck:
    """Whether ``np.dot(A, B)`` works for A of ``shape_a`` and B of ``shape_b`` (§3.3.2–3.3.3).

    np.dot multiplies along the last axis of A and, in B, the first axis of a 1-D or 2-D B (the
    second-to-last in general): those two lengths must be equal.

    Attributes
    ----------
    shape_a, shape_b : tuple of int
        The checked shapes.
    rule : str
        Which case of np.dot applies (:data:`DOT_RULES`).
    axis_a, axis_b : int
        The index, into ``shape_a`` and ``shape_b``, of the two dimensions that must match:
        A's last axis and B's first (1-D, 2-D) or second-to-last (3-D) axis.
    dim_a, dim_b : int
        Their lengths, ``shape_a[axis_a]`` and ``shape_b[axis_b]``.
    ok : bool
        True when ``dim_a == dim_b``: np.dot works.
    result_shape : tuple of int or None
        ``np.dot(A, B).shape`` when it works (``()`` for a single number), else None.
    result_axes : tuple of (str, int)
        Where each axis of the result comes from, as (``"a"`` or ``"b"``, axis index): the rows
        of a matrix product come from A (``("a", 0)``) and its columns from B (``("b", 1)``).
        Given even when np.dot fails (the shape it would have).
    multiply_adds : int
        How many multiply-and-add operations np.dot does: the result's size times ``dim_a``
        (0 when it fails).
    numpy_error : str or None
        NumPy's own message when np.dot fails, e.g.
        ``"shapes (2,3) and (2,2) not aligned: 3 (dim 1) != 2 (dim 0)"``; None when it works.
    """

    shape_a: Shape
    shape_b: Shape
    rule: DotRule
    axis_a: int
    axis_b: int
    dim_a: int
    dim_b: int
    ok: bool
    result_shape: Shape | None
    result_axes: tuple[tuple[Literal["a", "b"], int], ...]
    multiply_adds: int
    numpy_error: str | None


def dot_check(shape_a: str | Sequence[Any], shape_b: str | Sequence[Any]) -> DotCheck:
    """(n, k)·(k, m) → (n, m): whether ``np.dot(A, B)`` works for two shapes, and why (§3.3.2).

    For 2-D arrays, the number of columns of A must equal the number of rows of B and the result
    has A's rows and B's columns: (2, 3)·(3, 2) → (2, 2). A 1-D array on the left acts as a row
    ((2,)·(2, 3) → (3,)), on the right as a column ((2, 3)·(3,) → (2,)); two 1-D arrays give
    their inner product, a single number (shape ``()``). With 3 dimensions np.dot sums over A's
    last axis and B's second-to-last: the result's shape is ``A.shape[:-1] + B.shape[:-2] +
    B.shape[-1:]``.

    Parameters
    ----------
    shape_a, shape_b : str or sequence of int
        Shapes as tuples or text (see :func:`parse_shape`).

    Raises
    ------
    ShapeError
        When a shape cannot be used.
    """
    a, b = as_shape(shape_a), as_shape(shape_b)
    axis_a = len(a) - 1
    axis_b = 0 if len(b) == 1 else len(b) - 2
    a_axes: tuple[tuple[Literal["a", "b"], int], ...] = tuple(("a", i) for i in range(len(a) - 1))
    b_axes: tuple[tuple[Literal["a", "b"], int], ...] = tuple(
        ("b", i) for i in range(len(b)) if i != axis_b
    )
    result_axes = a_axes + b_axes
    ok = a[axis_a] == b[axis_b]
    result_shape = tuple(a[i] if side == "a" else b[i] for side, i in result_axes) if ok else None
    return DotCheck(
        shape_a=a,
        shape_b=b,
        rule=_rule(len(a), len(b)),
        axis_a=axis_a,
        axis_b=axis_b,
        dim_a=a[axis_a],
        dim_b=b[axis_b],
        ok=ok,
        result_shape=result_shape,
        result_axes=result_axes,
        multiply_adds=math.prod(result_shape) * a[axis_a] if result_shape is not None else 0,
        numpy_error=None if ok else numpy_dot_error(a, b),
    )


def numpy_dot_error(shape_a: Sequence[int], shape_b: Sequence[int]) -> str | None:
    """NumPy's own message for ``np.dot`` when A's last axis ≠ B's matched axis (§3.3.2), else None.

    The arrays are views of one int8 zero with every stride 0, so they take no memory whatever
    their shape, and np.dot is only run when the shapes do not match (it checks them before any
    arithmetic). int8 keeps np.dot away from BLAS, which would first copy a zero-stride float
    array into real memory.
    """
    a, b = check_shape(shape_a), check_shape(shape_b)
    axis_b = 0 if len(b) == 1 else len(b) - 2
    if a[-1] == b[axis_b]:
        return None
    try:
        np.dot(_no_memory_zeros(a), _no_memory_zeros(b))
    except ValueError as exc:
        return str(exc)
    return None  # pragma: no cover - NumPy accepted shapes that its own rule rejects


def _no_memory_zeros(shape: Shape) -> np.ndarray:
    """A read-only int8 array of zeros of ``shape`` that uses one byte of memory."""
    return as_strided(np.zeros(1, dtype=np.int8), shape, (0,) * len(shape), writeable=False)


def _rule(ndim_a: int, ndim_b: int) -> DotRule:
    if ndim_a > 2 or ndim_b > 2:
        return "stacked"
    return {
        (1, 1): "inner",
        (1, 2): "vector_matrix",
        (2, 1): "matrix_vector",
        (2, 2): "matrix",
    }[(ndim_a, ndim_b)]  # type: ignore[return-value]


# --- §3.4.3: the book's 3-layer network, step by step ------------------------------------------------

#: The book's input (§3.4.2): X = [1.0, 0.5] gives Y = [0.31682708 0.69627909].
BOOK_X: Final = (1.0, 0.5)

#: The rows of the book's batch after the first one are drawn with this seed, so every run is
#: the same.
BATCH_SEED: Final = 0

#: The names of the book's parameters, in the order of ``init_network``.
PARAMETER_NAMES: Final = ("W1", "b1", "W2", "b2", "W3", "b3")

StepOperation = Literal["input", "affine", "sigmoid", "identity"]


def init_network() -> dict[str, FloatArray]:
    """The book's 3-layer network (§3.4.3): W1 (2, 3), b1 (3,), W2 (3, 2), b2 (2,), W3 (2, 2), b3 (2,).

    Fresh arrays on every call, so a caller may change them freely.
    """
    return {
        "W1": np.array([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]),
        "b1": np.array([0.1, 0.2, 0.3]),
        "W2": np.array([[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]]),
        "b2": np.array([0.1, 0.2]),
        "W3": np.array([[0.1, 0.3], [0.2, 0.4]]),
        "b3": np.array([0.1, 0.2]),
    }


@dataclass(frozen=True)
class Operand:
    """One named array that goes into a step (X, W1, B1, A1 …)."""

    name: str
    value: FloatArray

    @property
    def shape(self) -> Shape:
        return tuple(self.value.shape)


@dataclass(frozen=True)
class ForwardStep:
    """One step of the forward pass (§3.4.2–3.4.3): its result and what went into it.

    Attributes
    ----------
    name : str
        The result's name: ``"X"``, ``"A1"``, ``"Z1"``, ``"A2"``, ``"Z2"``, ``"A3"`` or ``"Y"``.
    operation : str
        ``"input"`` (X as given), ``"affine"`` (A = X·W + B), ``"sigmoid"`` (Z = sigmoid(A)) or
        ``"identity"`` (Y = identity(A3), the output layer's σ()).
    layer : int
        0 for the input, 1–3 for the layer the step belongs to.
    operands : tuple of Operand
        What goes in, in the order of the formula: (X, W1, B1) for A1, (A1,) for Z1; empty for X.
    dot : DotCheck or None
        For an affine step, the np.dot shape check of its first two operands.
    value : ndarray
        The result (a copy: changing it changes nothing here).
    """

    name: str
    operation: StepOperation
    layer: int
    operands: tuple[Operand, ...]
    dot: DotCheck | None
    value: FloatArray

    @property
    def shape(self) -> Shape:
        return tuple(self.value.shape)


def forward_steps(network: Mapping[str, Any], x: Any) -> tuple[ForwardStep, ...]:
    """Forward pass X → A1 → Z1 → A2 → Z2 → A3 → Y of the 3-layer network, every step recorded (§3.4.3).

    A1 = X·W1 + B1, Z1 = sigmoid(A1), A2 = Z1·W2 + B2, Z2 = sigmoid(A2), A3 = Z2·W3 + B3 and
    Y = identity(A3), with :func:`core.functions.sigmoid` and
    :func:`core.functions.identity_function`. X may be one input (shape (2,)) or a batch of
    inputs, one per row (shape (N, 2), §3.6.3): then every result gains the leading N and row i
    of each result is what input row i alone gives.

    Parameters
    ----------
    network : mapping
        ``W1``, ``b1``, ``W2``, ``b2``, ``W3``, ``b3`` as :func:`init_network` returns them.
    x : array_like
        One input vector or a 2-D batch of them.

    Raises
    ------
    ValueError
        When a parameter is missing, X is not 1-D or 2-D, holds no number or a non-finite one,
        or a shape does not fit (NumPy's message is quoted).
    """
    params = _network_parameters(network)
    X = as_float_array(x, "X").astype(np.float64, copy=True)
    require_nonempty(X, "X")
    require_ndim(X, "X", (1, 2))
    if not np.all(np.isfinite(X)):
        raise ValueError("X must hold finite numbers (no nan or inf)")

    steps = [ForwardStep("X", "input", 0, (), None, X.copy())]
    z, z_name = X, "X"
    for layer in (1, 2, 3):
        W, b = params[f"W{layer}"], params[f"b{layer}"]
        check = dot_check(z.shape, W.shape)
        if not check.ok:
            raise ValueError(f"{z_name}·W{layer} does not work: {check.numpy_error}")
        a = np.dot(z, W) + b
        a_name = f"A{layer}"
        operands = (
            Operand(z_name, z.copy()),
            Operand(f"W{layer}", W.copy()),
            Operand(f"B{layer}", b.copy()),
        )
        steps.append(ForwardStep(a_name, "affine", layer, operands, check, a.copy()))
        if layer < 3:
            z, z_name = F.sigmoid(a), f"Z{layer}"
            steps.append(
                ForwardStep(z_name, "sigmoid", layer, (Operand(a_name, a.copy()),), None, z.copy())
            )
        else:
            y = F.identity_function(a)
            steps.append(ForwardStep("Y", "identity", layer, (Operand(a_name, a.copy()),), None, y))
    return tuple(steps)


def book_batch(n: int = 100, *, seed: int = BATCH_SEED) -> FloatArray:
    """A batch X of shape (n, 2) for the 3-layer network (§3.6.3); row 0 is the book's [1.0, 0.5].

    The other rows are inputs between 0 and 1 with two decimals, drawn with ``seed``.
    """
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or not 1 <= n <= MAX_DIM:
        raise ValueError(f"the batch size must be a whole number from 1 to {MAX_DIM:,}, got {n!r}")
    rng = np.random.default_rng(seed)
    X = np.round(rng.uniform(0.0, 1.0, size=(int(n), 2)), 2)
    X[0] = BOOK_X
    return X


def _network_parameters(network: Mapping[str, Any]) -> dict[str, FloatArray]:
    missing = [name for name in PARAMETER_NAMES if name not in network]
    if missing:
        raise ValueError(f"the network lacks {', '.join(missing)}; init_network() has them all")
    params = {name: as_float_array(network[name], name) for name in PARAMETER_NAMES}
    for name, value in params.items():
        require_ndim(value, name, (2,) if name.startswith("W") else (1,))
        if not np.all(np.isfinite(value)):
            raise ValueError(f"{name} must hold finite numbers (no nan or inf)")
    return params


@dataclass(frozen=True)
class BatchArgmax:
    """The predicted class of each row of a batch, and the mistake of leaving out ``axis=1`` (§3.6.3).

    Attributes
    ----------
    per_row : ndarray of int
        ``np.argmax(y, axis=1)``: one class index per row.
    flat_index : int
        ``np.argmax(y)`` without ``axis``: one index into all ``y.size`` numbers, read row by row.
    flat_row, flat_col : int
        Where that flat index points: ``divmod(flat_index, y.shape[1])``.
    size : int
        How many numbers ``np.argmax(y)`` looked at.
    """

    per_row: IntArray
    flat_index: int
    flat_row: int
    flat_col: int
    size: int


def batch_argmax(y: Any) -> BatchArgmax:
    """``np.argmax(y, axis=1)`` against ``np.argmax(y)`` for a 2-D batch of outputs (§3.6.3).

    For y = [[0.1, 0.8, 0.1], [0.7, 0.2, 0.1]] the classes are [1 0]; without ``axis=1`` NumPy
    returns 1, a position in the flattened array, not a class per row.
    """
    arr = as_float_array(y, "y")
    require_nonempty(arr, "y")
    require_ndim(arr, "y", (2,))
    flat = int(np.argmax(arr))
    row, col = divmod(flat, arr.shape[1])
    return BatchArgmax(np.argmax(arr, axis=1), flat, row, col, int(arr.size))


# --- §3.6.3: the MNIST network's shapes ----------------------------------------------------------

#: The book's trained MNIST network (sample_weight.pkl): 784 inputs, hidden layers of 50 and 100
#: neurons, 10 outputs. Its biases have shapes (50,), (100,) and (10,).
MNIST_LAYERS: Final[tuple[tuple[str, Shape], ...]] = (
    ("W1", (784, 50)),
    ("W2", (50, 100)),
    ("W3", (100, 10)),
)

#: The length of one MNIST image as the book feeds it to the network: 28 × 28 pixels, flattened.
MNIST_INPUT: Final = 784


@dataclass(frozen=True)
class ChainLink:
    """One layer of a shape chain: input · W (+ b) → output (§3.6.3).

    Attributes
    ----------
    layer : int
        1, 2, 3 …
    input_name : str
        ``"X"`` for the first layer, then ``"Z1"``, ``"Z2"`` … (the previous layer's activations,
        which keep the shape of its A).
    weight_name : str
        ``"W1"``, ``"W2"`` …
    output_name : str
        ``"A1"``, ``"A2"`` …
    dot : DotCheck
        The np.dot check of input · W.
    bias_shape : tuple of int
        The bias that is added: one number per output neuron, (W.shape[-1],).
    """

    layer: int
    input_name: str
    weight_name: str
    output_name: str
    dot: DotCheck
    bias_shape: Shape


def shape_chain(
    x_shape: str | Sequence[Any], weights: Sequence[tuple[str, str | Sequence[Any]]]
) -> tuple[ChainLink, ...]:
    """Follow the shapes through X·W1 → A1 → Z1·W2 → … without any data (§3.6.3).

    Each activation keeps the shape of its input, so layer k's input is layer k-1's result. The
    chain stops at the first layer whose np.dot fails (its link has ``dot.ok`` False); the layers
    after it are not checked.

    Parameters
    ----------
    x_shape : str or sequence of int
        The input's shape, e.g. (784,) for one image or (100, 784) for a batch.
    weights : sequence of (name, shape)
        The weight matrices in order, e.g. :data:`MNIST_LAYERS`.

    Raises
    ------
    ShapeError
        When a shape cannot be used.
    ValueError
        When there are no weights.
    """
    if not weights:
        raise ValueError("give at least one weight matrix")
    shape = as_shape(x_shape)
    links: list[ChainLink] = []
    for layer, (name, w_spec) in enumerate(weights, start=1):
        w = as_shape(w_spec)
        check = dot_check(shape, w)
        links.append(
            ChainLink(
                layer=layer,
                input_name="X" if layer == 1 else f"Z{layer - 1}",
                weight_name=str(name),
                output_name=f"A{layer}",
                dot=check,
                bias_shape=(w[-1],),
            )
        )
        if check.result_shape is None:
            break
        shape = check.result_shape
        if not shape:  # a single number: nothing more to multiply in this chain
            break
    return tuple(links)


def mnist_shape_chain(batch_size: int | None = None) -> tuple[ChainLink, ...]:
    """The shapes of the book's MNIST network (§3.6.3): (784,) → (10,), or (N, 784) → (N, 10).

    Parameters
    ----------
    batch_size : int or None
        None for one image x of shape (784,); N for a batch of shape (N, 784) (the book uses 100).
    """
    x_shape: Shape = (MNIST_INPUT,) if batch_size is None else (batch_size, MNIST_INPUT)
    return shape_chain(x_shape, MNIST_LAYERS)


__all__ = [
    "BATCH_SEED",
    "BOOK_X",
    "DOT_RULES",
    "MAX_DIM",
    "MAX_NDIM",
    "MNIST_INPUT",
    "MNIST_LAYERS",
    "PARAMETER_NAMES",
    "SHAPE_REASONS",
    "BatchArgmax",
    "ChainLink",
    "DotCheck",
    "ForwardStep",
    "Operand",
    "Shape",
    "ShapeError",
    "as_shape",
    "batch_argmax",
    "book_batch",
    "check_shape",
    "dot_check",
    "format_shape",
    "forward_steps",
    "init_network",
    "mnist_shape_chain",
    "numpy_dot_error",
    "parse_shape",
    "shape_chain",
]
