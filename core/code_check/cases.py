"""The cases the checker runs, per function or class it knows (§3–§6).

Each :class:`Case` is a small driver, ``run(obj) -> {name: value}``, applied to three kinds of
object: ``core``'s own implementation gives the expected values (computed when the battery is
built, before any learner code runs), the buggy versions of the common-mistakes gallery give the
known wrong answers (:attr:`Case.variants`, so a wrong answer can be named "looks like B1"), and
the learner's object gives the actual values (:func:`core.code_check.run_case`).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from core import functions as F
from core import gradient as G
from core import layers as L
from core import networks as N
from core import optimizer as O
from core.mistakes import ErrorInfo, get_mistake, values_close


@dataclass(frozen=True)
class Bound:
    """An expected value given as an upper bound (a gradient check's error): ``actual ≤ limit``."""

    limit: float


@dataclass(frozen=True)
class Alternatives:
    """Several acceptable expected values (the book's chapter-4 and chapter-5 networks)."""

    options: tuple[Any, ...]


Values = dict[str, Any]
Runner = Callable[[Any], Values]


@dataclass(frozen=True)
class Case:
    """One check: ``run(obj)`` exercises the learner's object and returns named values.

    ``expected`` is ``run`` applied to ``core``'s object (computed when the battery is built),
    ``variants`` the known wrong answers as ``(gallery id, values or ErrorInfo)``, ``matchers``
    ``(gallery id, exception type, regular expression)`` for wrong answers that are exceptions,
    ``inputs`` the value names that are the case's own inputs (a change there is a mutation).
    """

    target: str
    id: str
    call: str
    run: Runner = field(compare=False)
    expected: Any
    variants: tuple[tuple[str, Any], ...] = ()
    matchers: tuple[tuple[str, str, str], ...] = ()
    inputs: tuple[str, ...] = ()
    rtol: float = 1e-6
    atol: float = 1e-9


def battery(name: str) -> tuple[Case, ...]:
    """The cases for the target ``name``, with expected values from ``core``."""
    builder = BUILDERS[name]
    return tuple(builder(name))


# --- building the cases --------------------------------------------------------------------


def _known(run: Runner, obj: Any) -> Any:
    """``run(obj)`` as a variant: its values, or the exception it raised as :class:`ErrorInfo`."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return run(obj)
        except Exception as exc:
            return ErrorInfo.from_exception(exc)


def _case(
    target_name: str,
    case_id: str,
    call: str,
    run: Runner,
    reference: Any,
    *,
    gallery: Sequence[str] = (),
    extra: Sequence[tuple[str, Any]] = (),
    matchers: Sequence[tuple[str, str, str]] = (),
    inputs: Sequence[str] = (),
    expected: Any = None,
    rtol: float = 1e-6,
    atol: float = 1e-9,
) -> Case:
    """A case whose expected values are ``run(reference)``, and whose variants are ``run`` of the
    gallery's buggy versions ``gallery`` plus ``extra`` objects ``(id, obj)``."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        want = run(reference) if expected is None else expected
    variants = []
    for mid in gallery:
        mistake = get_mistake(mid)
        buggy, fixed = _known(run, mistake.buggy), _known(run, mistake.correct)
        if not _same_outcome(buggy, fixed):  # only what the fix changes tells the slip apart
            variants.append((mid, buggy))
    variants += [(mid, _known(run, obj)) for mid, obj in extra]
    return Case(
        target_name,
        case_id,
        call,
        run,
        want,
        tuple(variants),
        tuple(matchers),
        tuple(inputs),
        rtol,
        atol,
    )


def _same_outcome(a: Any, b: Any) -> bool:
    if isinstance(a, ErrorInfo) or isinstance(b, ErrorInfo):
        return a == b
    try:
        return values_close(a, b)
    except (ValueError, TypeError):
        return False


def _function_run(make_args: Callable[[], tuple[Any, ...]], names: Sequence[str] = ()) -> Runner:
    """Run a function on fresh arguments; report its result as ``y`` and the arguments named in
    ``names`` (in order) after the call, so a mutation shows."""

    def run(fn: Any) -> Values:
        args = make_args()
        result = fn(*args)
        values: Values = {"y": result}
        for name, arg in zip(names, args, strict=False):
            if name:
                values[name] = arg
        return values

    return run


def _arr(data: Any) -> Callable[[], tuple[np.ndarray]]:
    """Fresh arguments ``(np.array(data),)`` for every call."""
    return lambda: (np.array(data, dtype=float),)


def _step_cases(name: str) -> Iterator[Case]:
    gallery = ("B2", "B4", "B5")
    yield _case(
        name,
        "ordinary",
        "x = np.array([-1.0, 1.0, 2.0])\nstep_function(x)",
        _function_run(lambda: (np.array([-1.0, 1.0, 2.0]),), ("x",)),
        F.step_function,
        gallery=gallery,
        inputs=("x",),
    )
    yield _case(
        name,
        "zero_and_batch",
        "x = np.array([[-2.0, 0.0], [0.5, 3.0]])\nstep_function(x)",
        _function_run(lambda: (np.array([[-2.0, 0.0], [0.5, 3.0]]),), ("x",)),
        F.step_function,
        gallery=gallery,
        inputs=("x",),
    )


def _sigmoid_cases(name: str) -> Iterator[Case]:
    samples = (
        ("ordinary", "np.array([-1.0, 1.0, 2.0])", [-1.0, 1.0, 2.0]),
        ("zero", "np.array([0.0])", [0.0]),
        ("batch", "np.array([[-5.0, -1.0], [0.0, 5.0]])", [[-5.0, -1.0], [0.0, 5.0]]),
        ("large", "np.array([-1000.0, 1000.0])", [-1000.0, 1000.0]),
    )
    for case_id, text, data in samples:
        yield _case(
            name,
            case_id,
            f"x = {text}\nsigmoid(x)",
            _function_run(_arr(data), ("x",)),
            F.sigmoid,
            gallery=("B1",),
            inputs=("x",),
        )


def _relu_in_place(x: np.ndarray) -> np.ndarray:
    """ReLU that writes into its argument (the B23 slip, as a function)."""
    x[x <= 0] = 0
    return x


def _relu_cases(name: str) -> Iterator[Case]:
    yield _case(
        name,
        "ordinary",
        "x = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])\nrelu(x)",
        _function_run(_arr([-2.0, -0.5, 0.0, 0.5, 2.0]), ("x",)),
        F.relu,
        gallery=("B3",),
        extra=(("B23", _relu_in_place),),
        inputs=("x",),
    )
    yield _case(
        name,
        "batch",
        "x = np.array([[1.0, -0.5], [-2.0, 3.0]])\nrelu(x)",
        _function_run(_arr([[1.0, -0.5], [-2.0, 3.0]]), ("x",)),
        F.relu,
        gallery=("B3",),
        extra=(("B23", _relu_in_place),),
        inputs=("x",),
    )


def _softmax_cases(name: str) -> Iterator[Case]:
    samples = (
        ("ordinary", "np.array([0.3, 2.9, 4.0])", [0.3, 2.9, 4.0], ("B9",)),
        ("overflow", "np.array([1010.0, 1000.0, 990.0])", [1010.0, 1000.0, 990.0], ("B6", "B9")),
        (
            "batch",
            "np.array([[0.3, 2.9, 4.0], [1.0, 1.0, 1.0]])",
            [[0.3, 2.9, 4.0], [1.0] * 3],
            ("B7", "B9"),
        ),
    )
    for case_id, text, data, gallery in samples:
        yield _case(
            name,
            case_id,
            f"a = {text}\nsoftmax(a)",
            _function_run(_arr(data), ("a",)),
            F.softmax,
            gallery=gallery,
            inputs=("a",),
        )


_Y1 = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]
_Y2 = [0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0]
_T1 = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
_Y_TEXT = "np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])"
_Y2_TEXT = "np.array([0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0])"
_T_TEXT = "np.array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0])"


def _loss_run(y: Any, t: Any) -> Runner:
    def run(fn: Any) -> Values:
        y_arr, t_arr = np.array(y, dtype=float), np.array(t)
        return {"loss": fn(y_arr, t_arr), "y": y_arr, "t": t_arr}

    return run


def _mean_of_squares(y: np.ndarray, t: np.ndarray) -> float:
    """The "mean squared error" some learners write instead of the book's ½Σ (B14)."""
    return float(np.mean((y - t) ** 2))


def _sse_cases(name: str) -> Iterator[Case]:
    for case_id, y_text, y in (("book_example", _Y_TEXT, _Y1), ("second_example", _Y2_TEXT, _Y2)):
        yield _case(
            name,
            case_id,
            f"y = {y_text}\nt = {_T_TEXT}\n{name}(y, t)",
            _loss_run(y, _T1),
            F.sum_squared_error,
            gallery=("B14",),
            extra=(("B14", _mean_of_squares),),
            inputs=("y", "t"),
        )


def _ce_cases(name: str) -> Iterator[Case]:
    gallery = ("B10", "B11", "B12", "B13")
    onehot = (("onehot", _Y_TEXT, _Y1), ("onehot_second", _Y2_TEXT, _Y2))
    for case_id, y_text, y in onehot:
        yield _case(
            name,
            case_id,
            f"y = {y_text}\nt = {_T_TEXT}\ncross_entropy_error(y, t)",
            _loss_run(y, _T1),
            F.cross_entropy_error,
            gallery=gallery,
            matchers=(("B10", "AttributeError", r"has no attribute 'dim'"),),
            inputs=("y", "t"),
        )
    yield _case(
        name,
        "batch_onehot",
        f"y = np.tile({_Y_TEXT}, (3, 1))\nt = np.tile({_T_TEXT}, (3, 1))\n"
        "cross_entropy_error(y, t)",
        _loss_run([_Y1] * 3, [_T1] * 3),
        F.cross_entropy_error,
        gallery=gallery,
        matchers=(("B10", "AttributeError", r"has no attribute 'dim'"),),
        inputs=("y", "t"),
    )
    yield _case(
        name,
        "labels",
        f"y = np.array([{_Y_TEXT[9:-1]},\n              {_Y2_TEXT[9:-1]}])\n"
        "t = np.array([2, 2])  # class labels\ncross_entropy_error(y, t)",
        _loss_run([_Y1, _Y2], [2, 2]),
        F.cross_entropy_error,
        gallery=gallery,
        inputs=("y", "t"),
    )
    yield _case(
        name,
        "zero_probability",
        "y = np.array([0.0, 0.4, 0.6])\nt = np.array([1, 0, 0])\ncross_entropy_error(y, t)",
        _loss_run([0.0, 0.4, 0.6], [1, 0, 0]),
        F.cross_entropy_error,
        gallery=gallery,
        inputs=("y", "t"),
    )


def _function_1(x: Any) -> Any:
    """The book's f(x) = 0.01x² + 0.1x (§4.3.2)."""
    return 0.01 * x**2 + 0.1 * x


def _function_2(x: Any) -> Any:
    """The book's f(x0, x1) = x0² + x1² (§4.3.3), for any shape of x: the sum of squares."""
    return np.sum(x**2)


_F1_TEXT = "def function_1(x):\n    return 0.01 * x ** 2 + 0.1 * x\n\n"
_F2_TEXT = "def function_2(x):\n    return np.sum(x ** 2)\n\n"


def _diff_cases(name: str) -> Iterator[Case]:
    for case_id, x in (("at_5", 5.0), ("at_10", 10.0)):

        def run(fn: Any, x: float = x) -> Values:
            return {"d": fn(_function_1, x)}

        yield _case(
            name,
            case_id,
            f"{_F1_TEXT}numerical_diff(function_1, {x})",
            run,
            G.numerical_diff,
            gallery=("B15", "B17"),
            atol=1e-9,
            rtol=0.0,
        )


def _gradient_cases(name: str) -> Iterator[Case]:
    samples = (
        ("book_point", "np.array([3.0, 4.0])", lambda: np.array([3.0, 4.0])),
        ("integer_input", "np.array([3, 4])", lambda: np.array([3, 4])),
        (
            "matrix",
            "np.array([[0.5, -1.0, 2.0], [1.5, 0.0, -0.5]])",
            lambda: np.array([[0.5, -1.0, 2.0], [1.5, 0.0, -0.5]]),
        ),
    )
    for case_id, text, make in samples:

        def run(fn: Any, make: Callable[[], np.ndarray] = make) -> Values:
            x = make()
            return {"grad": fn(_function_2, x), "x": x}

        yield _case(
            name,
            case_id,
            f"{_F2_TEXT}x = {text}\nnumerical_gradient(function_2, x)",
            run,
            G.numerical_gradient,
            gallery=("B16", "B18"),
            matchers=(("B18", "IndexError", r"out of bounds"),),
            inputs=("x",),
            atol=1e-6,
        )


def _descent_end(f: Any, init_x: Any, lr: float = 0.01, step_num: int = 100) -> np.ndarray:
    return G.gradient_descent(f, init_x, lr=lr, step_num=step_num).x


def _descent_cases(name: str) -> Iterator[Case]:
    for case_id, lr, steps in (("book_example", 0.1, 100), ("few_steps", 0.1, 3)):

        def run(fn: Any, lr: float = lr, steps: int = steps) -> Values:
            result = fn(_function_2, np.array([-3.0, 4.0]), lr=lr, step_num=steps)
            if isinstance(result, tuple):  # the book's gradient_method.py also returns a history
                result = result[0]
            return {"x": result}

        yield _case(
            name,
            case_id,
            f"{_F2_TEXT}gradient_descent(function_2, np.array([-3.0, 4.0]), "
            f"lr={lr}, step_num={steps})",
            run,
            _descent_end,
            gallery=("B20",),
            atol=1e-7,
        )


def _mul_cases(name: str) -> Iterator[Case]:
    def single(cls: Any) -> Values:
        layer = cls()
        z = layer.forward(100, 2)
        dx, dy = layer.backward(1.0)
        return {"z": z, "dx": dx, "dy": dy}

    def apple(cls: Any) -> Values:
        mul_apple, mul_tax = cls(), cls()
        price = mul_tax.forward(mul_apple.forward(100, 2), 1.1)
        dapple_price, dtax = mul_tax.backward(1.0)
        dapple, dnum = mul_apple.backward(dapple_price)
        return {"price": price, "dapple": dapple, "dnum": dnum, "dtax": dtax}

    yield _case(
        name,
        "forward_backward",
        "layer = MulLayer()\nz = layer.forward(100, 2)\ndx, dy = layer.backward(1.0)",
        single,
        L.MulLayer,
    )
    yield _case(
        name,
        "apple",
        "mul_apple, mul_tax = MulLayer(), MulLayer()\n"
        "price = mul_tax.forward(mul_apple.forward(100, 2), 1.1)\n"
        "dapple_price, dtax = mul_tax.backward(1.0)\n"
        "dapple, dnum = mul_apple.backward(dapple_price)",
        apple,
        L.MulLayer,
    )


def _add_cases(name: str) -> Iterator[Case]:
    def run(cls: Any) -> Values:
        layer = cls()
        z = layer.forward(100, 200)
        dx, dy = layer.backward(1.3)
        return {"z": z, "dx": dx, "dy": dy}

    yield _case(
        name,
        "forward_backward",
        "layer = AddLayer()\nz = layer.forward(100, 200)\ndx, dy = layer.backward(1.3)",
        run,
        L.AddLayer,
    )


_R1 = [[1.0, -0.5], [-2.0, 3.0]]
_R1_TEXT = "np.array([[1.0, -0.5], [-2.0, 3.0]])"


def _layer_gradient_error(make: Callable[[], Any], x: np.ndarray, dout: np.ndarray) -> float:
    """max |backward − numerical gradient| for L = Σ forward(x)·dout (§5.7.3)."""
    layer = make()
    xs = x.copy()
    numeric = G.numerical_gradient(lambda z: float(np.sum(layer.forward(z) * dout)), xs)
    layer = make()
    layer.forward(x.copy())
    analytic = np.asarray(layer.backward(dout.copy()), dtype=float)
    return float(np.max(np.abs(analytic - numeric)))


def _relu_layer_cases(name: str) -> Iterator[Case]:
    def forward(cls: Any) -> Values:
        x = np.array(_R1)
        return {"out": cls().forward(x), "x": x}

    def backward(cls: Any) -> Values:
        layer = cls()
        layer.forward(np.array(_R1))
        return {"dx": layer.backward(np.ones((2, 2)))}

    def check(cls: Any) -> Values:
        dout = np.array([[0.5, 2.0], [-1.0, 1.5]])
        return {"max_error": _layer_gradient_error(cls, np.array(_R1), dout)}

    yield _case(
        name,
        "forward",
        f"x = {_R1_TEXT}\nout = Relu().forward(x)",
        forward,
        L.Relu,
        gallery=("B23",),
        inputs=("x",),
    )
    yield _case(
        name,
        "backward",
        f"layer = Relu()\nlayer.forward({_R1_TEXT})\ndx = layer.backward(np.ones((2, 2)))",
        backward,
        L.Relu,
        gallery=("B24",),
        matchers=(("B24", "AttributeError", r"has no attribute"),),
    )
    yield _case(
        name,
        "gradient_check",
        f"x = {_R1_TEXT}\nmax |layer.backward(dout) − numerical_gradient(Σ forward(x)·dout)|",
        check,
        L.Relu,
        expected={"max_error": Bound(1e-6)},
        gallery=("B24",),
        matchers=(("B24", "AttributeError", r"has no attribute"),),
    )


def _sigmoid_layer_cases(name: str) -> Iterator[Case]:
    x_text = "np.array([0.0, 1.0, -1.0])"

    def forward(cls: Any) -> Values:
        x = np.array([0.0, 1.0, -1.0])
        return {"out": cls().forward(x), "x": x}

    def backward(cls: Any) -> Values:
        layer = cls()
        layer.forward(np.array([0.0, 1.0, -1.0]))
        return {"dx": layer.backward(np.ones(3))}

    def check(cls: Any) -> Values:
        x, dout = np.array([0.0, 1.0, -1.0]), np.array([1.0, -2.0, 0.5])
        return {"max_error": _layer_gradient_error(cls, x, dout)}

    yield _case(
        name,
        "forward",
        f"x = {x_text}\nout = Sigmoid().forward(x)",
        forward,
        L.Sigmoid,
        inputs=("x",),
    )
    yield _case(
        name,
        "backward",
        f"layer = Sigmoid()\nlayer.forward({x_text})\ndx = layer.backward(np.ones(3))",
        backward,
        L.Sigmoid,
        gallery=("B30",),
    )
    yield _case(
        name,
        "gradient_check",
        f"x = {x_text}\nmax |layer.backward(dout) − numerical_gradient(Σ forward(x)·dout)|",
        check,
        L.Sigmoid,
        expected={"max_error": Bound(1e-6)},
        gallery=("B30",),
    )


_X4 = [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0], [7.0, 8.0]]
_W23 = [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]
_B3 = [0.1, 0.2, 0.3]
_DOUT43 = (np.arange(12.0).reshape(4, 3) - 5.0) / 10.0
_AFFINE_TEXT = (
    "X = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0], [7.0, 8.0]])\n"
    "W = np.array([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]])\n"
    "b = np.array([0.1, 0.2, 0.3])\n"
    "layer = Affine(W, b)\nout = layer.forward(X)\n"
)


def _affine_shape_errors() -> tuple[tuple[str, Any], ...]:
    """The exceptions NumPy raises for the miswritten dW (B25) and dx (B27), with ``@`` too."""
    W, dout = np.array(_W23), _DOUT43
    attempts = (
        ("B25", lambda: W.T @ dout),
        ("B27", lambda: dout @ W),
    )
    return tuple((mid, _known(lambda _, fn=fn: fn(), None)) for mid, fn in attempts)


def _affine_cases(name: str) -> Iterator[Case]:
    def forward(cls: Any) -> Values:
        X = np.array(_X4)
        layer = cls(np.array(_W23), np.array(_B3))
        return {"out": layer.forward(X), "X": X}

    def backward(cls: Any) -> Values:
        layer = cls(np.array(_W23), np.array(_B3))
        layer.forward(np.array(_X4))
        dx = layer.backward(_DOUT43.copy())
        return {"dx": dx, "dW": getattr(layer, "dW", None), "db": getattr(layer, "db", None)}

    def check(cls: Any) -> Values:
        def make() -> Any:
            return cls(np.array(_W23), np.array(_B3))

        return {"max_error": _layer_gradient_error(make, np.array(_X4), _DOUT43)}

    dout_text = "dout = (np.arange(12.0).reshape(4, 3) - 5.0) / 10.0\n"
    yield _case(name, "forward", _AFFINE_TEXT, forward, L.Affine, inputs=("X",))
    backward_case = _case(
        name,
        "backward",
        _AFFINE_TEXT + dout_text + "dx = layer.backward(dout)  # then layer.dW, layer.db",
        backward,
        L.Affine,
        gallery=("B25", "B26", "B27"),
    )
    yield replace(backward_case, variants=backward_case.variants + _affine_shape_errors())
    yield _case(
        name,
        "gradient_check",
        _AFFINE_TEXT + dout_text + "max |layer.backward(dout) − numerical_gradient(Σ out·dout)|",
        check,
        L.Affine,
        expected={"max_error": Bound(1e-6)},
        gallery=("B25", "B27"),
    )


_SCORES = [[0.3, 2.9, 4.0], [1.0, 1.0, 1.0], [2.0, 0.5, 0.1], [0.0, 3.0, -1.0]]
_SCORES_TEXT = (
    "x = np.array([[0.3, 2.9, 4.0], [1.0, 1.0, 1.0], [2.0, 0.5, 0.1], [0.0, 3.0, -1.0]])\n"
    "t = np.eye(3)[[2, 0, 1, 1]]  # one-hot, batch of 4\n"
)


def _onehot_scores() -> tuple[np.ndarray, np.ndarray]:
    return np.array(_SCORES), np.eye(3)[[2, 0, 1, 1]]


def _softmax_loss_cases(name: str) -> Iterator[Case]:
    def init(cls: Any) -> Values:
        return {"t": cls().t}

    def forward(cls: Any) -> Values:
        x, t = _onehot_scores()
        return {"loss": cls().forward(x, t), "x": x}

    def backward(cls: Any) -> Values:
        x, t = _onehot_scores()
        layer = cls()
        layer.forward(x, t)
        return {"dx": layer.backward(1)}

    def check(cls: Any) -> Values:
        x, t = _onehot_scores()
        numeric = G.numerical_gradient(lambda z: float(cls().forward(z, t)), x.copy())
        layer = cls()
        layer.forward(x, t)
        dx = np.asarray(layer.backward(1), dtype=float)
        return {"max_error": float(np.max(np.abs(dx - numeric)))}

    yield _case(
        name,
        "init",
        "layer = SoftmaxWithLoss()\nlayer.t  # before forward",
        init,
        L.SoftmaxWithLoss,
        gallery=("B29",),
        matchers=(("B29", "AttributeError", r"has no attribute 't'"),),
    )
    yield _case(
        name,
        "forward",
        _SCORES_TEXT + "loss = SoftmaxWithLoss().forward(x, t)",
        forward,
        L.SoftmaxWithLoss,
        inputs=("x",),
    )
    yield _case(
        name,
        "backward",
        _SCORES_TEXT + "layer = SoftmaxWithLoss()\nlayer.forward(x, t)\ndx = layer.backward(1)",
        backward,
        L.SoftmaxWithLoss,
        gallery=("B28",),
    )
    yield _case(
        name,
        "gradient_check",
        _SCORES_TEXT + "max |layer.backward(1) − numerical_gradient(loss of x)|",
        check,
        L.SoftmaxWithLoss,
        expected={"max_error": Bound(1e-6)},
        gallery=("B28",),
    )


_NET_SHAPES = {"W1": (4, 5), "b1": (5,), "W2": (5, 3), "b2": (3,)}


def _net_inputs() -> tuple[dict[str, np.ndarray], np.ndarray, np.ndarray]:
    rng = np.random.default_rng(7)
    params = {key: 0.5 * rng.standard_normal(shape) for key, shape in _NET_SHAPES.items()}
    x = rng.standard_normal((5, 4))
    t = np.eye(3)[[0, 2, 1, 2, 0]]
    return params, x, t


def _make_net(cls: Any) -> tuple[Any, np.ndarray, np.ndarray]:
    """The learner's (or core's) network with the case's weights written into its arrays."""
    net = cls(input_size=4, hidden_size=5, output_size=3)
    params, x, t = _net_inputs()
    for key, value in params.items():
        net.params[key][...] = value  # in place: the layers hold these very arrays
    return net, x, t


def _sigmoid_net(input_size: int, hidden_size: int, output_size: int) -> N.TwoLayerNet:
    """core's network with the chapter-4 book version's sigmoid hidden layer."""
    return N.TwoLayerNet(input_size, hidden_size, output_size, activation="sigmoid")


def _net_cases(name: str) -> Iterator[Case]:
    make_text = (
        "net = TwoLayerNet(input_size=4, hidden_size=5, output_size=3)\n"
        "# W1, b1, W2, b2 set to fixed values; x: 5 samples, t: one-hot\n"
    )

    def shapes(cls: Any) -> Values:
        net = cls(input_size=4, hidden_size=5, output_size=3)
        return {"shapes": {k: tuple(np.shape(v)) for k, v in net.params.items()}}

    def predict(cls: Any) -> Values:
        net, x, _ = _make_net(cls)
        y = np.asarray(net.predict(x), dtype=float)
        rows_are_probabilities = np.all(y >= 0) and np.allclose(y.sum(axis=-1), 1.0)
        return {"softmax(y)": y if rows_are_probabilities else F.softmax(y)}

    def loss(cls: Any) -> Values:
        net, x, t = _make_net(cls)
        return {"loss": net.loss(x, t)}

    def accuracy(cls: Any) -> Values:
        net, x, t = _make_net(cls)
        return {"accuracy": net.accuracy(x, t)}

    def gradient(cls: Any) -> Values:
        net, x, t = _make_net(cls)
        method = getattr(net, "gradient", None) or net.numerical_gradient
        grads = method(x, t)
        return {"grads": {key: grads[key] for key in _NET_SHAPES if key in grads}}

    def scaled(values: Values, factor: float) -> Values:
        return {"grads": {k: factor * v for k, v in values["grads"].items()}}

    yield _case(
        name,
        "params",
        "net = TwoLayerNet(input_size=4, hidden_size=5, output_size=3)\n"
        "{key: value.shape for key, value in net.params.items()}",
        shapes,
        N.TwoLayerNet,
    )
    for case_id, run, line in (
        ("predict", predict, "softmax(net.predict(x))"),
        ("loss", loss, "net.loss(x, t)"),
        ("accuracy", accuracy, "net.accuracy(x, t)"),
    ):
        yield Case(
            name,
            case_id,
            make_text + line,
            run,
            Alternatives((run(N.TwoLayerNet), run(_sigmoid_net))),
        )
    relu_grads, sigmoid_grads = gradient(N.TwoLayerNet), gradient(_sigmoid_net)
    yield Case(
        name,
        "gradient",
        make_text + "net.gradient(x, t)  # or net.numerical_gradient(x, t)",
        gradient,
        Alternatives((relu_grads, sigmoid_grads)),
        (("B28", scaled(relu_grads, 5.0)), ("B28", scaled(sigmoid_grads, 5.0))),
        atol=1e-6,
        rtol=1e-4,
    )


_RACE_TEXT = (
    'params = {"x": -7.0, "y": 2.0}  # f(x, y) = x**2 / 20 + y**2\n'
    'grads = {"x": params["x"] / 10, "y": 2 * params["y"]}\n'
)

_OPTIMIZER_ARGS: dict[str, dict[str, float]] = {
    "SGD": {"lr": 0.95},
    "Momentum": {"lr": 0.1, "momentum": 0.9},
    "Nesterov": {"lr": 0.1, "momentum": 0.9},
    "AdaGrad": {"lr": 1.5},
    "RMSprop": {"lr": 0.1, "decay_rate": 0.99},
    "Adam": {"lr": 0.3, "beta1": 0.9, "beta2": 0.999},
}

_OPTIMIZER_MISTAKES = {"Momentum": ("B31",), "AdaGrad": ("B32",), "Nesterov": ("B33",)}


def _optimizer_cases(name: str) -> Iterator[Case]:
    kwargs = _OPTIMIZER_ARGS[name]
    args_text = ", ".join(f"{k}={v}" for k, v in kwargs.items())

    def race(steps: int) -> Runner:
        def run(cls: Any) -> Values:
            opt = cls(**kwargs)
            params = {"x": -7.0, "y": 2.0}
            for _ in range(steps):
                opt.update(params, {"x": params["x"] / 10.0, "y": 2.0 * params["y"]})
            return {"x": params["x"], "y": params["y"]}

        return run

    for case_id, steps in (("first_step", 1), ("race", 30)):
        loop = (
            "opt.update(params, grads)"
            if steps == 1
            else ("for i in range(30):  # new grads each step\n    opt.update(params, grads)")
        )
        yield _case(
            name,
            case_id,
            f"{_RACE_TEXT}opt = {name}({args_text})\n{loop}",
            race(steps),
            O.OPTIMIZERS[name],
            gallery=_OPTIMIZER_MISTAKES.get(name, ()),
        )


_ONES = "x = np.ones((100, 100))"


def _dropout_cases(name: str) -> Iterator[Case]:
    """Random masks: the cases report what is the same for every mask (rounded shares, the
    scale of what is kept), so the book's dropout and the inverted one both pass (§6.4.3)."""

    def scale(cls: Any) -> Values:
        layer = cls(0.5)
        train_mean = float(np.mean(layer.forward(np.ones((100, 100)))))
        test_mean = float(np.mean(layer.forward(np.ones((100, 100)), train_flg=False)))
        return {"test_over_train": round(test_mean / train_mean, 1)}

    def training(cls: Any) -> Values:
        out = np.asarray(cls(0.5).forward(np.ones((100, 100))), dtype=float)
        kept = out[out != 0]
        return {
            "dropped_share": round(float(np.mean(out == 0)), 1),
            "kept_value": round(float(kept.mean()), 6) if kept.size else 0.0,
        }

    def backward(cls: Any) -> Values:
        layer = cls(0.5)
        out = np.asarray(layer.forward(np.ones((20, 20))), dtype=float)
        dx = np.asarray(layer.backward(np.ones((20, 20))), dtype=float)
        return {"dx_zero_where_dropped": bool(np.array_equal(dx == 0, out == 0))}

    yield _case(
        name,
        "scale",
        f"layer = Dropout(0.5)\n{_ONES}\ntrain_mean = layer.forward(x).mean()\n"
        "test_mean = layer.forward(x, train_flg=False).mean()\n"
        "test_over_train = round(test_mean / train_mean, 1)",
        scale,
        L.Dropout,
        gallery=("B35",),
    )
    yield _case(
        name,
        "training",
        f"{_ONES}\nout = Dropout(0.5).forward(x)\n"
        "dropped_share = round((out == 0).mean(), 1)\nkept_value = out[out != 0].mean()",
        training,
        L.Dropout,
        # the book keeps x as it is; inverted dropout scales it by 1 / (1 − 0.5)
        expected=Alternatives(
            ({"dropped_share": 0.5, "kept_value": 1.0}, {"dropped_share": 0.5, "kept_value": 2.0})
        ),
    )
    yield _case(
        name,
        "backward",
        "layer = Dropout(0.5)\nout = layer.forward(np.ones((20, 20)))\n"
        "dx = layer.backward(np.ones((20, 20)))\n"
        "dx_zero_where_dropped = np.array_equal(dx == 0, out == 0)",
        backward,
        L.Dropout,
    )


_BN_X = [[1.0, 2.0, 0.5], [3.0, -1.0, 1.5], [0.0, 4.0, -2.0], [2.0, 1.0, 0.0]]
_BN_X_TEXT = "np.array([[1.0, 2.0, 0.5], [3.0, -1.0, 1.5], [0.0, 4.0, -2.0], [2.0, 1.0, 0.0]])"
_BN_DOUT = [[0.5, -1.0, 2.0], [1.0, 0.0, -0.5], [-1.5, 2.0, 1.0], [0.2, 0.3, -0.4]]
_BN_DOUT_TEXT = "np.array([[0.5, -1.0, 2.0], [1.0, 0.0, -0.5], [-1.5, 2.0, 1.0], [0.2, 0.3, -0.4]])"
_GAMMA, _BETA = (2.0, 0.5, 1.0), (1.0, 0.0, -1.0)


def _batchnorm_cases(name: str) -> Iterator[Case]:
    """The book's BatchNormalization(gamma, beta) on a batch of 4 with 3 features (§6.3.2).

    The tolerance allows the book's ε = 10e-7 beside core's 1e-7.
    """

    def make(
        cls: Any, gamma: Sequence[float] = (1.0,) * 3, beta: Sequence[float] = (0.0,) * 3
    ) -> Any:
        return cls(np.array(gamma), np.array(beta))

    def forward(cls: Any) -> Values:
        x = np.array(_BN_X)
        return {"out": make(cls).forward(x), "x": x}

    def gamma_beta(cls: Any) -> Values:
        return {"out": make(cls, _GAMMA, _BETA).forward(np.array(_BN_X))}

    def test_time(cls: Any) -> Values:
        layer = make(cls)
        layer.forward(np.array(_BN_X))
        return {"out": layer.forward(np.array(_BN_X), train_flg=False)}

    def check(cls: Any) -> Values:
        error = _layer_gradient_error(
            lambda: make(cls, _GAMMA, _BETA), np.array(_BN_X), np.array(_BN_DOUT)
        )
        return {"max_error": error}

    def parameter_gradients(cls: Any) -> Values:
        layer = make(cls, _GAMMA, _BETA)
        layer.forward(np.array(_BN_X))
        layer.backward(np.array(_BN_DOUT))
        return {"dgamma": layer.dgamma, "dbeta": layer.dbeta}

    new = "BatchNormalization(np.ones(3), np.zeros(3))"
    with_params = f"BatchNormalization(np.array({list(_GAMMA)}), np.array({list(_BETA)}))"
    yield _case(
        name,
        "forward",
        f"x = {_BN_X_TEXT}\nout = {new}.forward(x)",
        forward,
        L.BatchNormalization,
        inputs=("x",),
        rtol=1e-4,
    )
    yield _case(
        name,
        "gamma_beta",
        f"out = {with_params}.forward({_BN_X_TEXT})",
        gamma_beta,
        L.BatchNormalization,
        rtol=1e-4,
    )
    yield _case(
        name,
        "test_time",
        f"layer = {new}\nlayer.forward(x)  # x as above: the running averages move\n"
        "out = layer.forward(x, train_flg=False)",
        test_time,
        L.BatchNormalization,
        rtol=1e-4,
    )
    yield _case(
        name,
        "gradient_check",
        f"layer = {with_params}\ndout = {_BN_DOUT_TEXT}\n"
        "max |layer.backward(dout) − numerical_gradient(Σ forward(x)·dout)|",
        check,
        L.BatchNormalization,
        expected={"max_error": Bound(1e-5)},
    )
    yield _case(
        name,
        "parameter_gradients",
        f"layer = {with_params}\nlayer.forward(x)\nlayer.backward(dout)\nlayer.dgamma, layer.dbeta",
        parameter_gradients,
        L.BatchNormalization,
        rtol=1e-4,
    )


#: The case builder of every target, by name.
BUILDERS: dict[str, Callable[[str], Iterator[Case]]] = {
    "step_function": _step_cases,
    "sigmoid": _sigmoid_cases,
    "relu": _relu_cases,
    "softmax": _softmax_cases,
    "sum_squared_error": _sse_cases,
    "mean_squared_error": _sse_cases,
    "cross_entropy_error": _ce_cases,
    "numerical_diff": _diff_cases,
    "numerical_gradient": _gradient_cases,
    "gradient_descent": _descent_cases,
    "MulLayer": _mul_cases,
    "AddLayer": _add_cases,
    "Relu": _relu_layer_cases,
    "Sigmoid": _sigmoid_layer_cases,
    "Affine": _affine_cases,
    "SoftmaxWithLoss": _softmax_loss_cases,
    "TwoLayerNet": _net_cases,
    "Dropout": _dropout_cases,
    "BatchNormalization": _batchnorm_cases,
    **{opt: _optimizer_cases for opt in _OPTIMIZER_ARGS},
}
