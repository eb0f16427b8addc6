"""Chapter 3 mistakes: activation functions, softmax and batches (B1–B9)."""

from __future__ import annotations

from typing import Any

from core import functions as F
from core.mistakes._model import Mistake, PlotSpec


def _code(text: str) -> str:
    """Source text as written below, without the leading newline."""
    return text.lstrip("\n")


def _ref(name: str, obj: Any) -> Any:
    return lambda: {name: obj}


_CURVE = "px = np.linspace({lo}, {hi}, {n})\npy = {call}(px)\n"


def _curve(
    call: str, lo: float, hi: float, n: int = 241, y_range: tuple[float, float] | None = None
) -> PlotSpec:
    return PlotSpec("curve", _CURVE.format(lo=lo, hi=hi, n=n, call=call), y_range=y_range)


B1 = Mistake(
    id="B1",
    chapter=3,
    section="§3.2.4",
    topic="activation",
    name="sigmoid",
    buggy_source=_code("""
def sigmoid(x):
    return 1 / 1 + np.exp(-x)
"""),
    correct_source=_code("""
def sigmoid(x):
    return 1 / (1 + np.exp(-x))
"""),
    demo="y = sigmoid(np.array([-1.0, 0.0, 1.0, 2.0]))\n",
    shows=("y",),
    reference=_ref("sigmoid", F.sigmoid),
    reference_name="core.functions.sigmoid",
    plot=_curve("sigmoid", -5, 5, y_range=(-0.2, 4.0)),
)

B2 = Mistake(
    id="B2",
    chapter=3,
    section="§3.2.3",
    topic="activation",
    name="step_function",
    buggy_source=_code("""
def step_function(x):
    return np.array(x <= 0, dtype=int)
"""),
    correct_source=_code("""
def step_function(x):
    return np.array(x > 0, dtype=int)
"""),
    demo="y = step_function(np.array([-1.0, 1.0, 2.0]))\n",
    shows=("y",),
    reference=_ref("step_function", F.step_function),
    reference_name="core.functions.step_function",
    plot=_curve("step_function", -3, 3, 601),
)

B3 = Mistake(
    id="B3",
    chapter=3,
    section="§3.2.7",
    topic="activation",
    name="relu",
    buggy_source=_code("""
def relu(x):
    return (x > 0).astype(int)
"""),
    correct_source=_code("""
def relu(x):
    return np.maximum(0, x)
"""),
    demo="y = relu(np.array([-2.0, -0.5, 0.0, 0.5, 2.0]))\n",
    shows=("y",),
    reference=_ref("relu", F.relu),
    reference_name="core.functions.relu",
    plot=_curve("relu", -2, 2, 401),
)

B4 = Mistake(
    id="B4",
    chapter=3,
    section="§3.2.3",
    topic="activation",
    name="step_function",
    buggy_source=_code("""
def step_function(x):
    if x > 0:
        return 1
    else:
        return 0
"""),
    correct_source=_code("""
def step_function(x):
    y = x > 0
    return y.astype(int)
"""),
    demo="y = step_function(np.array([-1.0, 1.0, 2.0]))\n",
    shows=("y",),
    reference=_ref("step_function", F.step_function),
    reference_name="core.functions.step_function",
)

B5 = Mistake(
    id="B5",
    chapter=3,
    section="§3.2.3",
    topic="activation",
    name="step_function",
    buggy_source=_code("""
def step_function(x):
    y = x > 0
    return y.astype(np.int)
"""),
    correct_source=_code("""
def step_function(x):
    y = x > 0
    return y.astype(int)
"""),
    demo="y = step_function(np.array([-1.0, 1.0, 2.0]))\n",
    shows=("y",),
    reference=_ref("step_function", F.step_function),
    reference_name="core.functions.step_function",
)

B6 = Mistake(
    id="B6",
    chapter=3,
    section="§3.5.2",
    topic="activation",
    name="softmax",
    buggy_source=_code("""
def softmax(a):
    c = np.max(a)
    exp_a = np.exp(a - c)  # guard against overflow
    y = np.exp(a) / np.sum(np.exp(a))
    return y
"""),
    correct_source=_code("""
def softmax(a):
    c = np.max(a)
    exp_a = np.exp(a - c)  # guard against overflow
    y = exp_a / np.sum(exp_a)
    return y
"""),
    demo=_code("""
large = softmax(np.array([1010.0, 1000.0, 990.0]))
small = softmax(np.array([0.0, 2.3, 3.5]))
"""),
    shows=("large", "small"),
    reference=_ref("softmax", F.softmax),
    reference_name="core.functions.softmax",
)

B7 = Mistake(
    id="B7",
    chapter=3,
    section="§3.5.2",
    topic="activation",
    name="softmax",
    buggy_source=_code("""
def softmax(a):
    c = np.max(a)
    exp_a = np.exp(a - c)
    return exp_a / np.sum(exp_a)
"""),
    correct_source=_code("""
def softmax(a):
    c = np.max(a, axis=-1, keepdims=True)
    exp_a = np.exp(a - c)
    return exp_a / np.sum(exp_a, axis=-1, keepdims=True)
"""),
    demo=_code("""
y = softmax(np.array([[0.3, 2.9, 4.0], [1.0, 1.0, 1.0]]))
row_sums = np.sum(y, axis=1)
"""),
    shows=("y", "row_sums"),
    reference=_ref("softmax", F.softmax),
    reference_name="core.functions.softmax",
)

B8 = Mistake(
    id="B8",
    chapter=3,
    section="§3.6.3",
    topic="shapes",
    name="predicted_labels",
    buggy_source=_code("""
def predicted_labels(y):
    return np.argmax(y)
"""),
    correct_source=_code("""
def predicted_labels(y):
    return np.argmax(y, axis=1)
"""),
    demo="p = predicted_labels(np.array([[0.1, 0.8, 0.1], [0.7, 0.2, 0.1]]))\n",
    shows=("p",),
)

B9 = Mistake(
    id="B9",
    chapter=3,
    section="§3.5.2",
    topic="activation",
    name="softmax",
    buggy_source=_code("""
def softmax(a):
    c = max(a, 0, dtype=float)
    exp_a = np.exp(a - c)
    return exp_a / np.sum(exp_a)
"""),
    correct_source=_code("""
def softmax(a):
    c = np.max(a)
    exp_a = np.exp(a - c)
    return exp_a / np.sum(exp_a)
"""),
    demo="y = softmax(np.array([0.3, 2.9, 4.0]))\n",
    shows=("y",),
    reference=_ref("softmax", F.softmax),
    reference_name="core.functions.softmax",
)

ENTRIES: tuple[Mistake, ...] = (B1, B2, B3, B4, B5, B6, B7, B8, B9)
