"""Computational graphs traced from the book's layers: what flows forward and backward (§5.1–5.7).

Each builder (:func:`apple_graph`, :func:`affine_graph`, …) wires a small graph of the layers of
:mod:`core.layers`, runs their ``forward`` and ``backward`` and records what flowed, like
micrograd's ``trace()``: nodes and edges as plain data (:class:`Node`, :class:`Edge`), one
:class:`ForwardStep` per node in the order the values were computed, and one
:class:`BackwardStep` per node on the way back, holding the three numbers of the chain rule
(§5.2): the upstream derivative, the local derivative for each input and their product, the
derivative passed on (「上流から伝わった微分 × 局所的な微分」).

The numbers come from the layers themselves: the value passed on is ``layer.backward(dout)``,
and the local derivative of an element-wise node is ``layer.backward(1)`` (its backward with an
upstream derivative of one). Matrix nodes (Affine) pass gradients on through matrix products;
for them the local derivative is a :class:`MatrixRule` saying which product, with which shapes.
Only the four elementary nodes of the expanded sigmoid (×(−1), exp, +1, /) are not layers in
``core``; they are the small classes :class:`Negate`, :class:`Exp`, :class:`AddConstant` and
:class:`Reciprocal` below, each with its forward rule and local derivative side by side.

Builders never write into the arrays they are given. Inputs that do not fit (a W whose rows do
not match X's columns, a label beyond the number of classes, nan) raise :class:`GraphInputError`,
a ``ValueError`` that names the input at fault and gives a code for the GUI's message.
"""

from __future__ import annotations

import dataclasses
import math
import numbers
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, Literal, Protocol, get_args

import numpy as np

from core._checks import FloatArray, as_array
from core.functions import detect_target_kind, to_labels
from core.gradient import H, numerical_diff, numerical_gradient
from core.layers import AddLayer, Affine, MulLayer, Relu, Sigmoid, SoftmaxWithLoss

#: What flows along an edge: a number for the scalar graphs, an ndarray for the layers.
Value = float | FloatArray

NodeKind = Literal[
    "input",
    "mul",
    "add",
    "neg",
    "exp",
    "add_const",
    "reciprocal",
    "relu",
    "sigmoid",
    "affine",
    "softmax_with_loss",
    "output",
]

#: Every node kind there is, for the GUI's table of symbols.
NODE_KINDS: Final[tuple[str, ...]] = get_args(NodeKind)

ErrorCode = Literal[
    "not_a_number",
    "not_finite",
    "empty",
    "not_a_matrix",
    "too_many_dims",
    "shape_mismatch",
    "bias_shape",
    "dout_shape",
    "label_count",
    "label_not_whole",
    "label_out_of_range",
    "not_one_hot",
]

#: Every ``GraphInputError.code``, for the GUI's table of translated messages.
ERROR_CODES: Final[tuple[str, ...]] = get_args(ErrorCode)

#: Relative tolerance of :func:`numerical_check`: |backprop − numerical| ≤ tol · max(1, |value|).
CHECK_TOLERANCE: Final = 1e-5


class GraphInputError(ValueError):
    """An input that does not fit the graph, naming the input at fault.

    Attributes
    ----------
    code : str
        One of :data:`ERROR_CODES`, for the GUI to pick a translated message.
    input : str
        The builder's parameter at fault (``"W"``, ``"t"``, ``"dout"`` …), which is also the id of
        its input node (except ``"dout"``, the upstream derivative, which has no node).
    node : str or None
        The node where the problem shows (``"affine"`` for shapes that do not fit), if any.
    detail : dict
        The numbers in the message: ``shape``, ``expected``, ``label``, ``classes`` ….
    """

    def __init__(
        self,
        message: str,
        code: ErrorCode,
        input: str,
        node: str | None = None,
        **detail: object,
    ) -> None:
        super().__init__(message)
        self.code: ErrorCode = code
        self.input = input
        self.node = node
        self.detail: dict[str, object] = dict(detail)


# --- the records ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Node:
    """One node of a computational graph (§5.1).

    Attributes
    ----------
    id : str
        Unique in its graph; for an input node, the builder's parameter name (``"tax"``).
    kind : str
        One of :data:`NODE_KINDS`: ``"input"`` and ``"output"`` are the ends, the others are
        operations.
    label : str
        The book's name for the node's value (``"apple_num"``, ``"all_price"``, ``"Affine1"``),
        a key for the GUI, not prose.
    inputs : tuple of str
        Ids of the nodes whose values flow into this one, in argument order.
    value : float or ndarray
        The value the node computed (an input's value as given).
    grad : float, ndarray or None
        dL/d(value): the sum of what the consumers passed back; None where no gradient flows
        (the labels ``t``).
    shape : tuple of int
        ``np.shape(value)``; ``()`` for a number.
    constant : float or None
        The constant of an ``add_const`` node (the +1 of the sigmoid).
    extras : mapping
        Further values the node keeps: the ReLU ``mask``, the softmax output ``y``, the one-hot
        ``t`` and batch size ``N`` of Softmax-with-Loss.
    """

    id: str
    kind: NodeKind
    label: str
    inputs: tuple[str, ...]
    value: Value
    grad: Value | None
    shape: tuple[int, ...]
    constant: float | None = None
    extras: Mapping[str, Any] = field(default_factory=dict)

    @property
    def differentiable(self) -> bool:
        """False for the labels ``t``: no gradient flows into them."""
        return self.grad is not None


@dataclass(frozen=True)
class Edge:
    """An arrow from ``src`` into input number ``port`` of ``dst``: the value forward, the grad back."""

    id: str
    src: str
    dst: str
    port: int
    value: Value
    grad: Value | None
    shape: tuple[int, ...]


@dataclass(frozen=True)
class ForwardStep:
    """One node computed in the forward pass (順伝播): its inputs' values and its output."""

    node: str
    kind: NodeKind
    inputs: tuple[Value, ...]
    output: Value


MatrixOperation = Literal["dY_WT", "XT_dY", "sum_batch"]


@dataclass(frozen=True)
class MatrixRule:
    """How an Affine node passes a gradient to one input (§5.6.1–5.6.2).

    ``"dY_WT"``: dX = dY·Wᵀ; ``"XT_dY"``: dW = Xᵀ·dY; ``"sum_batch"``: dB = Σ over the batch
    (axis 0) of dY. ``operands`` are the shapes multiplied (or summed), ``result`` the shape that
    comes out, which is always ``target`` (the shape of the input it is for): the transposes are
    the only arrangement whose shapes fit.
    """

    operation: MatrixOperation
    operands: tuple[tuple[int, ...], ...]
    result: tuple[int, ...]
    target: tuple[int, ...]


#: The local derivative for one input: a number or array (element-wise nodes, multiplied element
#: by element), a :class:`MatrixRule` (Affine), or None where no gradient flows (``t``).
LocalDerivative = float | FloatArray | MatrixRule | None


@dataclass(frozen=True)
class BackwardStep:
    """One node in the backward pass (逆伝播): upstream × local = passed on, for every input (§5.2).

    The first backward step of every graph is at the ``output`` node: it starts the pass with the
    upstream derivative ``dout`` (dL/dL = 1 for a loss) and passes it on unchanged.
    """

    node: str
    kind: NodeKind
    upstream: Value
    local: tuple[LocalDerivative, ...]
    passed: tuple[Value | None, ...]


Step = ForwardStep | BackwardStep


@dataclass(frozen=True)
class ReusedLayerMistake:
    """One ``MulLayer`` object used for two × nodes (§5.4.1): backward uses the last inputs it saw.

    ``remembered`` is the (x, y) the shared layer holds when backward reaches ``nodes[0]``: the
    inputs of the last forward, ``nodes[-1]``'s. ``wrong`` and ``right`` map each input to the
    gradient it gets with the shared layer and with one layer per node.
    """

    nodes: tuple[str, ...]
    remembered: tuple[Value, Value]
    wrong: Mapping[str, Value]
    right: Mapping[str, Value]


@dataclass(frozen=True)
class NoCopyMistake:
    """A ReLU whose forward writes into its input (``out = x`` without ``.copy()``, §5.5.1).

    ``before`` is the caller's array as passed in, ``after`` the same array after forward: its
    non-positive entries have been set to 0. Forward and backward still give the right numbers;
    the damage is to the caller's ``x``.
    """

    input: str
    before: FloatArray
    after: FloatArray


#: The slips in Affine.backward of the gallery (B25–B27), by the gradient they spoil.
AffineBug = Literal["dW_with_W", "db_not_summed", "dX_without_transpose"]
AFFINE_BUGS: Final[tuple[AffineBug, ...]] = get_args(AffineBug)


@dataclass(frozen=True)
class AffineMistake:
    """One backward formula of the Affine node written wrong (§5.6.2), and what NumPy makes of it.

    ``gradient`` is the input it should give the gradient of ("X", "W" or "b"), ``formula`` the
    wrong line and ``right`` the right one, ``gallery`` the mistake's id in the gallery. The
    wrong line gives an array of shape ``shape`` (a number of the wrong shape, or by chance of the
    right one) or, when NumPy refuses, ``error``: its own message. A gradient always has the
    shape of what it is the gradient of, ``expected`` — the check that gives every slip away.
    """

    bug: AffineBug
    gradient: str
    formula: str
    right: str
    gallery: str
    expected: tuple[int, ...]
    shape: tuple[int, ...] | None
    error: str | None


Mistake = ReusedLayerMistake | NoCopyMistake | AffineMistake


@dataclass(frozen=True)
class Graph:
    """A traced computational graph: nodes in the order they were computed, edges, steps."""

    name: str
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    output: str
    dout: Value
    forward_steps: tuple[ForwardStep, ...]
    backward_steps: tuple[BackwardStep, ...]
    mistake: Mistake | None = None

    def node(self, node_id: str) -> Node:
        """The node with id ``node_id`` (KeyError if there is none)."""
        for node in self.nodes:
            if node.id == node_id:
                return node
        raise KeyError(node_id)

    def edge(self, src: str, dst: str) -> Edge:
        """The (first) edge from ``src`` to ``dst``."""
        for edge in self.edges:
            if edge.src == src and edge.dst == dst:
                return edge
        raise KeyError(f"{src}->{dst}")

    @property
    def value(self) -> Value:
        """The graph's result: the output node's value."""
        return self.node(self.output).value

    def input_nodes(self) -> tuple[Node, ...]:
        """The input nodes, in the order of the builder's parameters."""
        return tuple(n for n in self.nodes if n.kind == "input")

    def grads(self) -> dict[str, Value]:
        """dL/d(input) for every input a gradient flows into, by input id."""
        return {n.id: n.grad for n in self.input_nodes() if n.grad is not None}

    def non_finite(self) -> tuple[str, ...]:
        """Ids of the nodes whose value or gradient holds inf or nan (overflow)."""
        return tuple(
            n.id
            for n in self.nodes
            if not _all_finite(n.value) or (n.grad is not None and not _all_finite(n.grad))
        )


# --- the elementary nodes of the expanded sigmoid (§5.5.2) -----------------------------------


class Negate:
    """×(−1) node: y = −x; local derivative ∂y/∂x = −1 (§5.5.2, step 4 of the sigmoid graph)."""

    def forward(self, x: Value) -> Value:
        return _plain(np.negative(x))

    def local_grad(self) -> float:
        return -1.0

    def backward(self, dout: Value) -> Value:
        return _plain(np.multiply(dout, self.local_grad()))


class Exp:
    """exp node: y = exp(x); local derivative ∂y/∂x = exp(x) = y (§5.5.2, step 3)."""

    def __init__(self) -> None:
        self.out: Value | None = None

    def forward(self, x: Value) -> Value:
        with np.errstate(over="ignore"):
            self.out = _plain(np.exp(x))
        return self.out

    def local_grad(self) -> Value:
        return _stored(self.out, self)

    def backward(self, dout: Value) -> Value:
        with np.errstate(over="ignore", invalid="ignore"):
            return _plain(np.multiply(dout, self.local_grad()))


class AddConstant:
    """+c node: y = x + c; local derivative ∂y/∂x = 1, so dout passes through (§5.5.2, step 2)."""

    def __init__(self, constant: float = 1.0) -> None:
        self.constant = float(constant)

    def forward(self, x: Value) -> Value:
        return _plain(np.add(x, self.constant))

    def local_grad(self) -> float:
        return 1.0

    def backward(self, dout: Value) -> Value:
        return _plain(np.multiply(dout, self.local_grad()))


class Reciprocal:
    """/ node: y = 1/x; local derivative ∂y/∂x = −1/x² = −y² (§5.5.2, step 1)."""

    def __init__(self) -> None:
        self.out: Value | None = None

    def forward(self, x: Value) -> Value:
        with np.errstate(divide="ignore"):
            self.out = _plain(np.divide(1.0, x))
        return self.out

    def local_grad(self) -> Value:
        out = _stored(self.out, self)
        return _plain(np.negative(np.multiply(out, out)))

    def backward(self, dout: Value) -> Value:
        with np.errstate(invalid="ignore"):
            return _plain(np.multiply(dout, self.local_grad()))


class ReluWithoutCopyBug:
    """A deliberately WRONG ReLU: ``out = x`` without ``.copy()``, so forward zeroes the caller's x.

    The book's ``Relu.forward`` copies x before setting the masked entries to 0 (§5.5.1); this
    variant, the common mistake, writes into the very array it was given. It exists only to
    show the mistake (:func:`relu_graph` with ``forget_copy=True``); never use it for learning.
    """

    def __init__(self) -> None:
        self.mask: np.ndarray | None = None

    def forward(self, x: FloatArray) -> FloatArray:
        self.mask = x <= 0
        out = x  # the bug: out is the same array as x, not a copy
        out[self.mask] = 0
        return out

    def backward(self, dout: FloatArray) -> FloatArray:
        dx = np.array(dout, dtype=float)
        dx[_stored(self.mask, self)] = 0
        return dx


# --- the operations a node runs: layers adapted to one interface --------------------------------


class _Op(Protocol):
    def forward(self, *xs: Any) -> Value: ...

    def backward(self, dout: Value) -> tuple[Value | None, ...]: ...

    def local(self) -> tuple[LocalDerivative, ...]: ...

    def extras(self) -> dict[str, Any]: ...


class _BinaryLayerOp:
    """A MulLayer or AddLayer; local derivatives are its backward with an upstream of 1."""

    def __init__(self, layer: MulLayer | AddLayer) -> None:
        self.layer = layer

    def forward(self, x: Value, y: Value) -> Value:
        return _plain(self.layer.forward(x, y))

    def backward(self, dout: Value) -> tuple[Value | None, ...]:
        dx, dy = self.layer.backward(dout)
        return _plain(dx), _plain(dy)

    def local(self) -> tuple[LocalDerivative, ...]:
        dx, dy = self.layer.backward(1.0)
        return _plain(dx), _plain(dy)

    def extras(self) -> dict[str, Any]:
        return {}


class _UnaryElementwiseOp:
    """A one-input element-wise node (layer or elementary node); local = backward of ones."""

    def __init__(self, layer: Any, mask_extra: bool = False) -> None:
        self.layer = layer
        self.mask_extra = mask_extra
        self.out: Value | None = None

    def forward(self, x: Value) -> Value:
        self.out = _plain(self.layer.forward(x))
        return self.out

    def backward(self, dout: Value) -> tuple[Value | None, ...]:
        return (_plain(self.layer.backward(dout)),)

    def local(self) -> tuple[LocalDerivative, ...]:
        if hasattr(self.layer, "local_grad"):
            return (self.layer.local_grad(),)
        ones = np.ones_like(np.asarray(self.out, dtype=float))
        return (_plain(self.layer.backward(ones)),)

    def extras(self) -> dict[str, Any]:
        if self.mask_extra:
            return {"mask": np.array(self.layer.mask, copy=True)}
        return {}


class _AffineOp:
    """The Affine layer of §5.6 with inputs (X, W, B); local derivatives are matrix rules."""

    def __init__(self) -> None:
        self.layer: Affine | None = None

    def forward(self, X: FloatArray, W: FloatArray, b: FloatArray) -> Value:
        self.layer = Affine(W, b)
        return self.layer.forward(X)

    def backward(self, dout: Value) -> tuple[Value | None, ...]:
        layer = _stored(self.layer, self)
        dx = layer.backward(dout)
        assert layer.dW is not None and layer.db is not None
        return dx, layer.dW, layer.db

    def local(self) -> tuple[LocalDerivative, ...]:
        layer = _stored(self.layer, self)
        x2 = _stored(layer.x, layer)
        assert layer.original_x_shape is not None
        dy = (x2.shape[0], layer.W.shape[1])
        w_t = layer.W.T.shape
        return (
            MatrixRule("dY_WT", (dy, w_t), (dy[0], w_t[1]), layer.original_x_shape),
            MatrixRule("XT_dY", (x2.T.shape, dy), (x2.shape[1], dy[1]), layer.W.shape),
            MatrixRule("sum_batch", (dy,), (dy[1],), layer.b.shape),
        )

    def extras(self) -> dict[str, Any]:
        return {}


class _SoftmaxWithLossOp:
    """Softmax-with-Loss (§5.6.3) with inputs (a, t); no gradient flows into t."""

    def __init__(self) -> None:
        self.layer = SoftmaxWithLoss()

    def forward(self, a: FloatArray, t: FloatArray) -> Value:
        return float(self.layer.forward(a, t))

    def backward(self, dout: Value) -> tuple[Value | None, ...]:
        return self.layer.backward(float(dout)), None

    def local(self) -> tuple[LocalDerivative, ...]:
        return self.layer.backward(1.0), None

    def extras(self) -> dict[str, Any]:
        y = _stored(self.layer.y, self.layer)
        labels = _stored(self.layer.t, self.layer)
        y2 = y.reshape(-1, y.shape[-1])
        onehot = np.zeros_like(y2)
        onehot[np.arange(y2.shape[0]), labels] = 1.0
        return {"y": y.copy(), "t": onehot.reshape(y.shape), "N": int(y2.shape[0])}


# --- tracing -------------------------------------------------------------------------------------


@dataclass
class _Draft:
    id: str
    kind: NodeKind
    label: str
    inputs: tuple[str, ...]
    value: Value
    op: _Op | None = None
    differentiable: bool = True
    constant: float | None = None
    extras: dict[str, Any] = field(default_factory=dict)


class _Tracer:
    """Records nodes as a builder wires them, runs forward at once, backward at ``finish``."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.drafts: dict[str, _Draft] = {}
        self.forward_steps: list[ForwardStep] = []

    def input(self, node_id: str, label: str, value: Value, differentiable: bool = True) -> Value:
        self.drafts[node_id] = _Draft(
            node_id, "input", label, (), value, differentiable=differentiable
        )
        return value

    def op(
        self,
        node_id: str,
        kind: NodeKind,
        label: str,
        inputs: Sequence[str],
        op: _Op,
        constant: float | None = None,
    ) -> Value:
        values = tuple(self.drafts[i].value for i in inputs)
        with np.errstate(over="ignore", invalid="ignore", under="ignore"):
            out = op.forward(*values)
        draft = _Draft(node_id, kind, label, tuple(inputs), out, op, constant=constant)
        draft.extras = op.extras()
        self.drafts[node_id] = draft
        self.forward_steps.append(ForwardStep(node_id, kind, values, out))
        return out

    def finish(
        self, output_of: str, label: str, dout: Value, mistake: Mistake | None = None
    ) -> Graph:
        """Add the output node, run backward from it with ``dout`` and freeze everything."""
        out_id = "out"
        last = self.drafts[output_of]
        self.drafts[out_id] = _Draft(out_id, "output", label, (output_of,), last.value)
        grads: dict[str, Value] = {out_id: dout}
        edge_grads: dict[tuple[str, int], Value | None] = {(out_id, 0): dout}
        backward = [BackwardStep(out_id, "output", dout, (1.0,), (dout,))]
        _accumulate(grads, output_of, dout)
        for draft in reversed(list(self.drafts.values())):
            if draft.op is None:
                continue
            upstream = grads[draft.id]
            with np.errstate(over="ignore", invalid="ignore", under="ignore"):
                passed = draft.op.backward(upstream)
                local = draft.op.local()
            backward.append(BackwardStep(draft.id, draft.kind, upstream, local, passed))
            for port, (src, grad) in enumerate(zip(draft.inputs, passed, strict=True)):
                edge_grads[(draft.id, port)] = grad
                if grad is not None and self.drafts[src].differentiable:
                    _accumulate(grads, src, grad)
        nodes = tuple(
            Node(
                d.id,
                d.kind,
                d.label,
                d.inputs,
                d.value,
                grads.get(d.id) if d.differentiable else None,
                np.shape(d.value),
                d.constant,
                d.extras,
            )
            for d in self.drafts.values()
        )
        edges = tuple(
            Edge(
                f"{src}->{d.id}:{port}",
                src,
                d.id,
                port,
                self.drafts[src].value,
                edge_grads.get((d.id, port)),
                np.shape(self.drafts[src].value),
            )
            for d in self.drafts.values()
            for port, src in enumerate(d.inputs)
        )
        return Graph(
            self.name,
            nodes,
            edges,
            out_id,
            dout,
            tuple(self.forward_steps),
            tuple(backward),
            mistake,
        )


def _accumulate(grads: dict[str, Value], node_id: str, grad: Value) -> None:
    """Add ``grad`` to what ``node_id`` has received (a value used twice gets both gradients)."""
    grads[node_id] = grad if node_id not in grads else _plain(np.add(grads[node_id], grad))


# --- the book's graphs (§5.1–5.4) ---------------------------------------------------------------


def apple_graph(
    price: float = 100, count: float = 2, tax: float = 1.1, *, reuse_mul_layer: bool = False
) -> Graph:
    """Apple purchase price × count × tax (§5.1.1, §5.3.3, §5.4.1): 100 × 2 × 1.1 = 220.

    Backward from dprice = 1 gives dprice/dapple = 2.2, dprice/dapple_num = 110 and
    dprice/dtax = 200 (the book's float quirks included: 220.00000000000003, 110.00000000000001).
    With ``reuse_mul_layer`` one ``MulLayer`` object serves both × nodes, the common mistake: its
    backward at the apple node uses the tax node's inputs (200, 1.1), giving 1.21 and 220; the
    graph then carries a :class:`ReusedLayerMistake` with the right values next to the wrong ones.
    """
    price, count, tax = _scalar(price, "price"), _scalar(count, "count"), _scalar(tax, "tax")
    shared = MulLayer() if reuse_mul_layer else None
    tracer = _Tracer("apple")
    tracer.input("price", "apple", price)
    tracer.input("count", "apple_num", count)
    mul_apple = _BinaryLayerOp(shared or MulLayer())
    tracer.op("mul_apple", "mul", "apple_price", ("price", "count"), mul_apple)
    tracer.input("tax", "tax", tax)
    tracer.op("mul_tax", "mul", "price", ("mul_apple", "tax"), _BinaryLayerOp(shared or MulLayer()))
    mistake = None
    if shared is not None:
        graph = tracer.finish("mul_tax", "price", 1.0)
        right = apple_graph(price, count, tax).grads()
        mistake = ReusedLayerMistake(
            ("mul_apple", "mul_tax"), (shared.x, shared.y), graph.grads(), right
        )
        return dataclasses.replace(graph, mistake=mistake)
    return tracer.finish("mul_tax", "price", 1.0)


def apple_orange_graph(
    apple: float = 100,
    apple_num: float = 2,
    orange: float = 150,
    orange_num: float = 3,
    tax: float = 1.1,
) -> Graph:
    """Apples and oranges (§5.3.3, §5.4.2): (100 × 2 + 150 × 3) × 1.1 = 715.

    Intermediates: apple_price 200, orange_price 450, all_price 650. Backward from 1:
    dapple 2.2, dapple_num 110, dorange 3.3, dorange_num 165, dtax 650.
    """
    values = {
        name: _scalar(v, name)
        for name, v in (
            ("apple", apple),
            ("apple_num", apple_num),
            ("orange", orange),
            ("orange_num", orange_num),
            ("tax", tax),
        )
    }
    tracer = _Tracer("apple_orange")
    tracer.input("apple", "apple", values["apple"])
    tracer.input("apple_num", "apple_num", values["apple_num"])
    tracer.input("orange", "orange", values["orange"])
    tracer.input("orange_num", "orange_num", values["orange_num"])
    tracer.op("mul_apple", "mul", "apple_price", ("apple", "apple_num"), _mul())
    tracer.op("mul_orange", "mul", "orange_price", ("orange", "orange_num"), _mul())
    tracer.op(
        "add_apple_orange",
        "add",
        "all_price",
        ("mul_apple", "mul_orange"),
        _BinaryLayerOp(AddLayer()),
    )
    tracer.input("tax", "tax", values["tax"])
    tracer.op("mul_tax", "mul", "price", ("add_apple_orange", "tax"), _mul())
    return tracer.finish("mul_tax", "price", 1.0)


def add_node_graph(x: float = 2.0, y: float = 3.0, *, dout: float = 1.0) -> Graph:
    """Add node z = x + y (§5.3.1): backward passes dout × 1 to both inputs."""
    x, y, d = _scalar(x, "x"), _scalar(y, "y"), _scalar(dout, "dout")
    tracer = _Tracer("add")
    tracer.input("x", "x", x)
    tracer.input("y", "y", y)
    tracer.op("add", "add", "z", ("x", "y"), _BinaryLayerOp(AddLayer()))
    return tracer.finish("add", "z", d)


def mul_node_graph(x: float = 2.0, y: float = 3.0, *, dout: float = 1.0) -> Graph:
    """Multiply node z = x·y (§5.3.2): backward sends dout·y to x and dout·x to y (swapped)."""
    x, y, d = _scalar(x, "x"), _scalar(y, "y"), _scalar(dout, "dout")
    tracer = _Tracer("mul")
    tracer.input("x", "x", x)
    tracer.input("y", "y", y)
    tracer.op("mul", "mul", "z", ("x", "y"), _mul())
    return tracer.finish("mul", "z", d)


# --- layers as graphs (§5.5–5.6) ---------------------------------------------------------------


def relu_graph(
    x: Any = ((1.0, -0.5), (-2.0, 3.0)), *, dout: Any = 1.0, forget_copy: bool = False
) -> Graph:
    """ReLU layer (§5.5.1): y = x where x > 0, else 0; backward lets dout through where x > 0.

    The node keeps ``mask`` (x ≤ 0) in its extras: [[1, −0.5], [−2, 3]] gives the mask
    [[False, True], [True, False]], y = [[1, 0], [0, 3]] and, with dout = 1, dx = [[1, 0], [0, 1]].
    ``dout`` may be a number (the same upstream derivative everywhere) or an array of y's shape.
    With ``forget_copy`` the deliberately buggy :class:`ReluWithoutCopyBug` runs on a copy of
    ``x`` standing in for the caller's array, and the graph carries a :class:`NoCopyMistake`
    showing that array before and after.
    """
    arr = _array(x, "x")
    tracer = _Tracer("relu")
    mistake = None
    if forget_copy:
        callers_x = arr.copy()
        tracer.input("x", "x", callers_x.copy())
        tracer.op("relu", "relu", "y", ("x",), _UnaryElementwiseOp(_NoCopyInput(callers_x), True))
        mistake = NoCopyMistake("x", arr.copy(), callers_x.copy())
    else:
        tracer.input("x", "x", arr)
        tracer.op("relu", "relu", "y", ("x",), _UnaryElementwiseOp(Relu(), mask_extra=True))
    out = tracer.drafts["relu"].value
    return tracer.finish("relu", "y", _dout(dout, np.shape(out)), mistake)


class _NoCopyInput:
    """Runs the buggy ReLU on ``callers_x`` itself, whatever array the tracer hands in."""

    def __init__(self, callers_x: FloatArray) -> None:
        self.callers_x = callers_x
        self.layer = ReluWithoutCopyBug()

    @property
    def mask(self) -> np.ndarray | None:
        return self.layer.mask

    def forward(self, _x: FloatArray) -> FloatArray:
        return self.layer.forward(self.callers_x).copy()

    def backward(self, dout: FloatArray) -> FloatArray:
        return self.layer.backward(dout)


def sigmoid_graph(x: Any = 0.0, *, expanded: bool = True, dout: Any = 1.0) -> Graph:
    """Sigmoid y = 1/(1 + exp(−x)) (§5.5.2), as four elementary nodes or as one layer.

    Expanded: x → ×(−1) → exp → +1 → / → y, with local derivatives −1, exp(−x), 1 and −y²;
    their product is y²·exp(−x) = y(1 − y), the folded Sigmoid node's local derivative. At
    x = 0: y = 0.5 and dx = 0.25. ``x`` may be a number or an array.
    """
    value: Value = _scalar(x, "x") if _is_number(x) else _array(x, "x")
    tracer = _Tracer("sigmoid")
    tracer.input("x", "x", value)
    if expanded:
        tracer.op("neg", "neg", "-x", ("x",), _UnaryElementwiseOp(Negate()))
        tracer.op("exp", "exp", "exp(-x)", ("neg",), _UnaryElementwiseOp(Exp()))
        tracer.op(
            "add_const",
            "add_const",
            "1+exp(-x)",
            ("exp",),
            _UnaryElementwiseOp(AddConstant(1.0)),
            constant=1.0,
        )
        last = "reciprocal"
        tracer.op(last, "reciprocal", "y", ("add_const",), _UnaryElementwiseOp(Reciprocal()))
    else:
        last = "sigmoid"
        tracer.op(last, "sigmoid", "y", ("x",), _UnaryElementwiseOp(Sigmoid()))
    out = tracer.drafts[last].value
    return tracer.finish(last, "y", _dout(dout, np.shape(out)))


def affine_graph(
    X: Any = ((1.0, 2.0), (3.0, -1.0)),
    W: Any = ((1.0, 3.0, 5.0), (2.0, 4.0, 6.0)),
    b: Any = (1.0, 2.0, 3.0),
    *,
    dout: Any = ((1.0, 2.0, 3.0), (4.0, 5.0, 6.0)),
    bug: AffineBug | None = None,
) -> Graph:
    """Affine node Y = X·W + B (§5.6.1–5.6.2) with the shape of every edge.

    Backward: dX = dY·Wᵀ, (N, 3)·(3, 2) → (N, 2); dW = Xᵀ·dY, (2, N)·(N, 3) → (2, 3);
    dB = Σ over the batch of dY, (N, 3) → (3,): for dY = [[1, 2, 3], [4, 5, 6]], dB = [5, 7, 9].
    X may be one sample (D,) or a batch (N, D). Shapes that do not fit raise
    :class:`GraphInputError` naming ``"W"``, ``"b"``, ``"X"`` or ``"dout"``. With ``bug`` the
    graph stays right and carries an :class:`AffineMistake`: what the wrong line would give.
    """
    X_, W_, b_ = _affine_inputs(X, W, b, ("X", "W", "b"), "affine")
    tracer = _Tracer("affine")
    tracer.input("X", "X", X_)
    tracer.input("W", "W", W_)
    tracer.input("b", "b", b_)
    out = tracer.op("affine", "affine", "Affine", ("X", "W", "b"), _AffineOp())
    d = _dout(dout, np.shape(out))
    mistake = None if bug is None else affine_mistake(X_, W_, b_, d, bug)
    return tracer.finish("affine", "Y", d, mistake)


def affine_mistake(X: Any, W: Any, b: Any, dout: Any, bug: AffineBug) -> AffineMistake:
    """Run the wrong backward line ``bug`` of the gallery (B25–B27) on these inputs (§5.6.2).

    The inputs are checked as :func:`affine_graph` checks them (:class:`GraphInputError` for
    shapes that do not fit); ``dout`` is a number or an array of Y's shape.
    """
    X, W, b = _affine_inputs(X, W, b, ("X", "W", "b"), "affine")
    x2 = X.reshape(-1, W.shape[0])
    dout2 = np.asarray(_dout(dout, (*X.shape[:-1], W.shape[1])), dtype=float)
    dout2 = dout2.reshape(x2.shape[0], W.shape[1])
    lines: dict[str, tuple[str, str, str, str, tuple[int, ...], Callable[[], FloatArray]]] = {
        "dW_with_W": (
            "W", "dW = np.dot(W.T, dout)", "dW = np.dot(X.T, dout)", "B25", W.shape,
            lambda: np.dot(W.T, dout2),
        ),
        "db_not_summed": (
            "b", "db = dout", "db = np.sum(dout, axis=0)", "B26", b.shape, lambda: dout2,
        ),
        "dX_without_transpose": (
            "X", "dX = np.dot(dout, W)", "dX = np.dot(dout, W.T)", "B27", X.shape,
            lambda: np.dot(dout2, W),
        ),
    }  # fmt: skip
    if bug not in lines:
        raise ValueError(f"bug must be one of {', '.join(AFFINE_BUGS)}, got {bug!r}")
    gradient, formula, right, gallery, expected, wrong = lines[bug]
    try:
        shape: tuple[int, ...] | None = wrong().shape
        error = None
    except ValueError as exc:  # NumPy's own words: "shapes (2,3) and (2,3) not aligned ..."
        shape, error = None, str(exc)
    return AffineMistake(bug, gradient, formula, right, gallery, tuple(expected), shape, error)


def softmax_with_loss_graph(a: Any = ((0.3, 2.9, 4.0), (1.0, 1.0, 1.0)), t: Any = (2, 0)) -> Graph:
    """Softmax-with-Loss (§5.6.3): L = cross-entropy(softmax(a), t); backward gives (y − t)/N.

    ``a`` holds the scores, one row per sample (or one vector); ``t`` is one class label per row
    or one-hot. No gradient flows into ``t``. For y = (0.3, 0.2, 0.5) and t = 1 the gradient is
    (0.3, −0.8, 0.5); for a batch it is divided by the batch size N.
    """
    scores = _array(a, "a")
    if scores.ndim == 0:
        raise GraphInputError(
            "a must be a vector of class scores (or a table, one row per sample), "
            "got a single number",
            "not_a_matrix",
            "a",
            "softmax_with_loss",
            shape=scores.shape,
        )
    target = _target(scores.shape, t, "t", "softmax_with_loss")
    tracer = _Tracer("softmax_with_loss")
    tracer.input("a", "a", scores)
    tracer.input("t", "t", target, differentiable=False)
    tracer.op(
        "softmax_with_loss",
        "softmax_with_loss",
        "SoftmaxWithLoss",
        ("a", "t"),
        _SoftmaxWithLossOp(),
    )
    return tracer.finish("softmax_with_loss", "L", 1.0)


def two_layer_graph(
    x: Any = ((1.0, 0.5), (-0.5, 2.0)),
    W1: Any = ((0.5, -0.4, 0.3), (-0.2, 0.6, -0.5)),
    b1: Any = (0.1, -0.1, 0.2),
    W2: Any = ((0.4, -0.3, 0.2), (-0.5, 0.6, 0.1), (0.3, 0.2, -0.4)),
    b2: Any = (0.2, 0.0, -0.1),
    t: Any = (0, 2),
) -> Graph:
    """The two-layer network of §5.7: Affine1 → Relu1 → Affine2 → Softmax-with-Loss, end to end.

    The same layers as ``TwoLayerNet`` in :mod:`core.networks`, so its gradients equal
    ``TwoLayerNet.gradient`` for the same weights.
    """
    x_, W1_, b1_ = _affine_inputs(x, W1, b1, ("x", "W1", "b1"), "affine1")
    W2_ = _array(W2, "W2")
    b2_ = _array(b2, "b2")
    hidden_shape = (x_.shape[0], W1_.shape[1]) if x_.ndim == 2 else (W1_.shape[1],)
    _check_affine_shapes(hidden_shape, W2_, b2_, ("relu1", "W2", "b2"), "affine2")
    out_shape = (*hidden_shape[:-1], W2_.shape[1])
    target = _target(out_shape, t, "t", "softmax_with_loss")
    tracer = _Tracer("two_layer")
    tracer.input("x", "x", x_)
    tracer.input("W1", "W1", W1_)
    tracer.input("b1", "b1", b1_)
    tracer.op("affine1", "affine", "Affine1", ("x", "W1", "b1"), _AffineOp())
    tracer.op("relu1", "relu", "Relu1", ("affine1",), _UnaryElementwiseOp(Relu(), True))
    tracer.input("W2", "W2", W2_)
    tracer.input("b2", "b2", b2_)
    tracer.op("affine2", "affine", "Affine2", ("relu1", "W2", "b2"), _AffineOp())
    tracer.input("t", "t", target, differentiable=False)
    tracer.op(
        "softmax_with_loss",
        "softmax_with_loss",
        "SoftmaxWithLoss",
        ("affine2", "t"),
        _SoftmaxWithLossOp(),
    )
    return tracer.finish("softmax_with_loss", "L", 1.0)


#: Each graph id and its builder.
BUILDERS: Final[dict[str, Callable[..., Graph]]] = {
    "apple": apple_graph,
    "apple_orange": apple_orange_graph,
    "add": add_node_graph,
    "mul": mul_node_graph,
    "relu": relu_graph,
    "sigmoid": sigmoid_graph,
    "affine": affine_graph,
    "softmax_with_loss": softmax_with_loss_graph,
    "two_layer": two_layer_graph,
}

#: The graphs the builders make, by the id the GUI uses, in the order of the book.
GRAPH_IDS: Final[tuple[str, ...]] = tuple(BUILDERS)


# --- the gradient check (§5.7.3) ----------------------------------------------------------------


@dataclass(frozen=True)
class CheckRow:
    """One input's gradient by backprop and by central differences, and how far apart they are."""

    input: str
    backprop: Value
    numerical: Value
    max_abs_error: float
    agrees: bool


def numerical_check(
    graph_builder: Callable[..., Graph], inputs: Mapping[str, Any] | None = None, h: float = H
) -> tuple[CheckRow, ...]:
    """Gradient check (§5.7.3): dL/d(input) by central differences next to backprop's.

    The graph is rebuilt with each input (each element of an array input) nudged by ±h, and
    (L(v + h) − L(v − h)) / 2h is taken with :mod:`core.gradient`. L is the output, or
    Σ dout ⊙ output when the graph's upstream derivative ``dout`` is not 1 (an array output), so
    that its gradient is exactly what backprop computed. ``agrees`` is
    |backprop − numerical| ≤ :data:`CHECK_TOLERANCE` · max(1, |backprop|) for every element.
    At a kink (ReLU at exactly 0) the two legitimately differ.
    """
    given = dict(inputs or {})
    graph = graph_builder(**given)
    rows = []
    for node in graph.input_nodes():
        if node.grad is None:
            continue

        def loss_at(v: Any, name: str = node.id) -> float:
            return _scalar_output(graph_builder(**{**given, name: v}))

        if isinstance(node.value, np.ndarray):
            numerical: Value = numerical_gradient(loss_at, node.value.copy(), h)
        else:
            numerical = numerical_diff(loss_at, float(node.value), h)
        backprop = node.grad
        with np.errstate(invalid="ignore"):
            error = np.abs(np.subtract(backprop, numerical))
            limit = CHECK_TOLERANCE * np.maximum(1.0, np.abs(backprop))
            max_error = float(np.max(error))
            agrees = bool(np.all(error <= limit))
        rows.append(CheckRow(node.id, backprop, numerical, max_error, agrees))
    return tuple(rows)


def _scalar_output(graph: Graph) -> float:
    return float(np.sum(np.multiply(graph.dout, graph.value)))


# --- input checks ---------------------------------------------------------------------------------


def _is_number(x: Any) -> bool:
    """True for a plain number (int, float, NumPy scalar or 0-d array), False for bools."""
    if isinstance(x, bool):
        return False
    return isinstance(x, numbers.Real) or (isinstance(x, np.ndarray) and x.ndim == 0)


def _scalar(x: Any, name: str) -> float:
    """``x`` as a finite float, or a GraphInputError naming ``name``."""
    if isinstance(x, bool) or not _is_number(x):
        raise GraphInputError(f"{name} must be a number, got {x!r}", "not_a_number", name)
    value = float(x)
    if not math.isfinite(value):
        raise GraphInputError(f"{name} must be a finite number, got {value}", "not_finite", name)
    return value


def _array(x: Any, name: str) -> FloatArray:
    """``x`` as a new finite float array of at most two dimensions (never the caller's array)."""
    try:
        arr = np.array(as_array(x, name), dtype=float)
    except ValueError as exc:
        raise GraphInputError(str(exc), "not_a_number", name) from None
    if arr.size == 0:
        raise GraphInputError(f"{name} is empty; it needs at least one number", "empty", name)
    if arr.ndim > 2:
        raise GraphInputError(
            f"{name} may have at most two dimensions, got shape {arr.shape}",
            "too_many_dims",
            name,
            shape=arr.shape,
        )
    if not np.all(np.isfinite(arr)):
        raise GraphInputError(f"{name} must hold finite numbers only", "not_finite", name)
    return arr


def _affine_inputs(
    X: Any, W: Any, b: Any, names: tuple[str, str, str], node: str
) -> tuple[FloatArray, FloatArray, FloatArray]:
    X_, W_, b_ = _array(X, names[0]), _array(W, names[1]), _array(b, names[2])
    _check_affine_shapes(X_.shape, W_, b_, names, node)
    return X_, W_, b_


def _check_affine_shapes(
    x_shape: tuple[int, ...], W: FloatArray, b: FloatArray, names: tuple[str, str, str], node: str
) -> None:
    """Check that X (D,) or (N, D), W (D, M) and B (M,) fit; otherwise name the input at fault."""
    x_name, w_name, b_name = names
    if len(x_shape) == 0:
        raise GraphInputError(
            f"{x_name} must be a vector (one sample) or a table (one row per sample), "
            "got a single number",
            "not_a_matrix",
            x_name,
            node,
            shape=x_shape,
        )
    if W.ndim != 2:
        raise GraphInputError(
            f"{w_name} must be a matrix (inputs × outputs), got shape {W.shape}",
            "not_a_matrix",
            w_name,
            node,
            shape=W.shape,
        )
    columns = x_shape[-1]
    if columns != W.shape[0]:
        raise GraphInputError(
            f"shapes do not fit for {x_name}·{w_name}: {x_name} {x_shape} has {columns} "
            f"columns but {w_name} {W.shape} has {W.shape[0]} rows",
            "shape_mismatch",
            w_name,
            node,
            x_shape=x_shape,
            w_shape=W.shape,
            x_name=x_name,
        )
    if b.shape != (W.shape[1],):
        raise GraphInputError(
            f"{b_name} must hold one number per column of {w_name} (shape ({W.shape[1]},)), "
            f"got shape {b.shape}",
            "bias_shape",
            b_name,
            node,
            shape=b.shape,
            expected=(W.shape[1],),
        )


def _dout(dout: Any, shape: tuple[int, ...]) -> Value:
    """The upstream derivative at the output: a number (spread over ``shape``) or an array."""
    d = _scalar(dout, "dout") if _is_number(dout) else _array(dout, "dout")
    if not isinstance(d, float) and d.size == 1 and d.shape != shape:
        d = float(d.reshape(-1)[0])  # [1] or [[1]]: one number, spread like a plain 1
    if isinstance(d, float):
        return d if shape == () else np.full(shape, d)
    if d.shape != shape:
        raise GraphInputError(
            f"dout must have the output's shape {shape}, got {d.shape}",
            "dout_shape",
            "dout",
            shape=d.shape,
            expected=shape,
        )
    return d


def _target(y_shape: tuple[int, ...], t: Any, name: str, node: str) -> FloatArray:
    """``t`` as a float array of labels or one-hot rows that fits scores of ``y_shape``."""
    arr = _array(t, name)
    n_classes = y_shape[-1]
    rows = int(np.prod(y_shape[:-1]))
    try:
        kind = detect_target_kind(np.zeros(y_shape), arr)
    except ValueError:
        raise GraphInputError(
            f"{name} needs one class label per row ({rows}) or one-hot rows of shape {y_shape}, "
            f"got shape {arr.shape}",
            "label_count",
            name,
            node,
            rows=rows,
            shape=arr.shape,
            classes=n_classes,
        ) from None
    if kind == "label":
        flat = arr.reshape(-1)
        fraction = flat != np.round(flat)
        if np.any(fraction):
            raise GraphInputError(
                f"class labels must be whole numbers, got {flat[fraction][0]:g}",
                "label_not_whole",
                name,
                node,
                label=float(flat[fraction][0]),
            )
        bad = (flat < 0) | (flat >= n_classes)
        if np.any(bad):
            raise GraphInputError(
                f"class label {flat[bad][0]:g} is out of range: with {n_classes} classes a label "
                f"must be 0 … {n_classes - 1}",
                "label_out_of_range",
                name,
                node,
                label=float(flat[bad][0]),
                classes=n_classes,
            )
    else:
        try:
            to_labels(np.zeros(y_shape), arr, "onehot")
        except ValueError as exc:
            raise GraphInputError(str(exc), "not_one_hot", name, node) from None
    return arr


# --- small helpers ---------------------------------------------------------------------------------


def _mul() -> _BinaryLayerOp:
    return _BinaryLayerOp(MulLayer())


def _plain(v: Any) -> Value:
    """A 0-d array or NumPy scalar as a Python float; arrays unchanged."""
    if isinstance(v, np.ndarray) and v.ndim > 0:
        return v
    return float(v)


def _all_finite(v: Any) -> bool:
    return bool(np.all(np.isfinite(v)))


def _stored(value: Any, owner: object) -> Any:
    if value is None:
        raise RuntimeError(f"{type(owner).__name__}.backward called before forward")
    return value
