"""Chapter 4 mistakes: losses, numerical differentiation and gradient descent (B10–B21)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from core import functions as F
from core import gradient as G
from core.mistakes._model import Mistake, PlotSpec


def _code(text: str) -> str:
    return text.lstrip("\n")


def _ref(name: str, obj: Any) -> Any:
    return lambda: {name: obj}


def _descent_end(
    f: Callable[[np.ndarray], Any], init_x: Any, lr: float = 0.1, step_num: int = 100
) -> np.ndarray:
    """core's gradient descent with the demo's defaults, returning only where it ended (§4.4.1)."""
    return G.gradient_descent(f, init_x, lr=lr, step_num=step_num).x


#: The book's 「2」 example (§4.2.1): y of the network, t one-hot at index 2.
_Y = "np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])"
_T2 = "np.array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0])"

_CE_ONEHOT = _code("""
def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    batch_size = y.shape[0]
    return -np.sum(t * np.log(y + 1e-7)) / batch_size
""")

_F_QUADRATIC = _code("""
def f(x):
    return 0.01 * x ** 2 + 0.1 * x

""")

_F_BOWL = _code("""
def f(x):
    return x[0] ** 2 + x[1] ** 2

""")

_NUMERICAL_GRADIENT = _code("""
def numerical_gradient(f, x):
    h = 1e-4
    grad = np.zeros_like(x)
    for i in range(x.size):
        keep = x[i]
        x[i] = keep + h
        f_plus = f(x)
        x[i] = keep - h
        f_minus = f(x)
        x[i] = keep  # put it back
        grad[i] = (f_plus - f_minus) / (2 * h)
    return grad
""")

_DESCENT = _code("""
def gradient_descent(f, init_x, lr=0.1, step_num=100):
    x = init_x.copy()
    for i in range(step_num):
        grad = numerical_gradient(f, x)
        x -= lr * grad
    return x
""")

#: Loss after 0, 1, … 20 steps from the book's start (-3, 4), for the "steps" plots.
_DESCENT_PLOT = _F_BOWL + _code("""
start = np.array([-3.0, 4.0])
px = np.arange(21)
py = [f(gradient_descent(f, start, step_num=k)) for k in px]
""")


B10 = Mistake(
    id="B10",
    chapter=4,
    section="§4.2.4",
    topic="loss",
    name="cross_entropy_error",
    buggy_source=_CE_ONEHOT.replace("y.ndim == 1", "y.dim == 1"),
    correct_source=_CE_ONEHOT,
    demo=f"y = {_Y}\nt = {_T2}\nloss = cross_entropy_error(y, t)\n",
    shows=("loss",),
    reference=_ref("cross_entropy_error", F.cross_entropy_error),
    reference_name="core.functions.cross_entropy_error",
)

B11 = Mistake(
    id="B11",
    chapter=4,
    section="§4.2.4",
    topic="loss",
    name="cross_entropy_error",
    buggy_source=_CE_ONEHOT.replace("batch_size = y.shape[0]", "batch_size = y.ndim"),
    correct_source=_CE_ONEHOT,
    demo=_code(f"""
y = np.tile({_Y}, (100, 1))
t = np.tile({_T2}, (100, 1))
loss = cross_entropy_error(y, t)
"""),
    shows=("loss",),
    reference=_ref("cross_entropy_error", F.cross_entropy_error),
    reference_name="core.functions.cross_entropy_error",
)

B12 = Mistake(
    id="B12",
    chapter=4,
    section="§4.2.4",
    topic="loss",
    name="cross_entropy_error",
    buggy_source=_code("""
def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    batch_size = y.shape[0]
    picked = y[np.arange(batch_size), t]
    return -np.sum(np.log(picked + 1e-7)) / batch_size
"""),
    correct_source=_code("""
def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    if t.size == y.size:  # one-hot: use the labels
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    picked = y[np.arange(batch_size), t]
    return -np.sum(np.log(picked + 1e-7)) / batch_size
"""),
    demo=f"y = {_Y}\nt = {_T2}\nloss = cross_entropy_error(y, t)\n",
    shows=("loss",),
    reference=_ref("cross_entropy_error", F.cross_entropy_error),
    reference_name="core.functions.cross_entropy_error",
)

B13 = Mistake(
    id="B13",
    chapter=4,
    section="§4.2.2",
    topic="loss",
    name="cross_entropy_error",
    buggy_source=_code("""
def cross_entropy_error(y, t):
    return -np.sum(t * np.log(y))
"""),
    correct_source=_code("""
def cross_entropy_error(y, t):
    delta = 1e-7
    return -np.sum(t * np.log(y + delta))
"""),
    demo=_code(f"""
loss_a = cross_entropy_error(np.array([0.0, 0.4, 0.6]), np.array([1, 0, 0]))
y = {_Y}
t = np.array([0, 0, 0, 1, 0, 0, 0, 0, 0, 0])
loss_b = cross_entropy_error(y, t)
"""),
    shows=("loss_a", "loss_b"),
    reference=_ref("cross_entropy_error", F.cross_entropy_error),
    reference_name="core.functions.cross_entropy_error",
    plot=PlotSpec(
        "curve",
        _code("""
px = np.logspace(-12, 0, 241)
t = np.array([1, 0])
py = [cross_entropy_error(np.array([p, 1 - p]), t) for p in px]
"""),
        log_x=True,
    ),
)

B14 = Mistake(
    id="B14",
    chapter=4,
    section="§4.2.1",
    topic="loss",
    name="sum_squared_error",
    buggy_source=_code("""
def sum_squared_error(y, t):
    return np.sum((y - t) ** 2)
"""),
    correct_source=_code("""
def sum_squared_error(y, t):
    return 0.5 * np.sum((y - t) ** 2)
"""),
    demo=f"y = {_Y}\nt = {_T2}\nloss = sum_squared_error(y, t)\n",
    shows=("loss",),
    reference=_ref("sum_squared_error", F.sum_squared_error),
    reference_name="core.functions.sum_squared_error",
)

B15 = Mistake(
    id="B15",
    chapter=4,
    section="§4.3.1",
    topic="gradient",
    name="numerical_diff",
    buggy_source=_code("""
def numerical_diff(f, x):
    h = 1e-50
    return (f(x + h) - f(x)) / h
"""),
    correct_source=_code("""
def numerical_diff(f, x):
    h = 1e-4
    return (f(x + h) - f(x - h)) / (2 * h)
"""),
    demo=_F_QUADRATIC + "d = numerical_diff(f, 5.0)\n",
    shows=("d",),
    reference=_ref("numerical_diff", G.numerical_diff),
    reference_name="core.gradient.numerical_diff",
)

B16 = Mistake(
    id="B16",
    chapter=4,
    section="§4.4",
    topic="gradient",
    name="numerical_gradient",
    buggy_source=_NUMERICAL_GRADIENT,
    correct_source=_NUMERICAL_GRADIENT.replace(
        "    h = 1e-4\n", "    h = 1e-4\n    x = x.astype(float)  # a float copy\n"
    ),
    demo=_F_BOWL + "grad = numerical_gradient(f, np.array([3, 4]))\n",
    shows=("grad",),
    reference=_ref("numerical_gradient", G.numerical_gradient),
    reference_name="core.gradient.numerical_gradient",
    listed=False,
)

B17 = Mistake(
    id="B17",
    chapter=4,
    section="§4.3.1",
    topic="gradient",
    name="numerical_diff",
    buggy_source=_code("""
def numerical_diff(f, x):
    h = 1e-4
    return (f(x + h) - f(x)) / h
"""),
    correct_source=_code("""
def numerical_diff(f, x):
    h = 1e-4
    return (f(x + h) - f(x - h)) / (2 * h)
"""),
    demo=_F_QUADRATIC + "d = numerical_diff(f, 5.0)\nerror = abs(d - 0.2)  # exact: 0.2\n",
    shows=("d", "error"),
    reference=_ref("numerical_diff", G.numerical_diff),
    reference_name="core.gradient.numerical_diff",
    listed=False,
)

B18 = Mistake(
    id="B18",
    chapter=4,
    section="§4.4.1",
    topic="gradient",
    name="numerical_gradient",
    buggy_source=_NUMERICAL_GRADIENT,
    correct_source=_NUMERICAL_GRADIENT.replace(
        "for i in range(x.size):", "for i in np.ndindex(x.shape):"
    ),
    demo=_code("""
W = np.array([[0.5, -1.0, 2.0], [1.5, 0.0, -0.5]])

def loss(W):
    return np.sum(W ** 2)

grad = numerical_gradient(loss, W)
"""),
    shows=("grad",),
    reference=_ref("numerical_gradient", G.numerical_gradient),
    reference_name="core.gradient.numerical_gradient",
)

B19 = Mistake(
    id="B19",
    chapter=4,
    section="§4.4.1",
    topic="gradient",
    name="gradient_descent",
    buggy_source=_DESCENT.replace("lr=0.1", "lr=10.0"),
    correct_source=_DESCENT,
    demo=_F_BOWL + "x = gradient_descent(f, np.array([-3.0, 4.0]))\n",
    shows=("x",),
    helpers=("numerical_gradient",),
    reference=_ref("gradient_descent", _descent_end),
    reference_name="core.gradient.gradient_descent",
    plot=PlotSpec("steps", _DESCENT_PLOT, log_y=True),
    listed=False,
)

B20 = Mistake(
    id="B20",
    chapter=4,
    section="§4.4.1",
    topic="gradient",
    name="gradient_descent",
    buggy_source=_DESCENT.replace("x -= lr * grad", "x += lr * grad"),
    correct_source=_DESCENT,
    demo=_F_BOWL
    + "x = gradient_descent(f, np.array([-3.0, 4.0]), lr=0.1, step_num=20)\nloss = f(x)\n",
    shows=("x", "loss"),
    helpers=("numerical_gradient",),
    reference=_ref("gradient_descent", _descent_end),
    reference_name="core.gradient.gradient_descent",
    plot=PlotSpec("steps", _DESCENT_PLOT, log_y=True),
)

B21 = Mistake(
    id="B21",
    chapter=4,
    section="§4.5.2",
    topic="training",
    name="get_batch",
    buggy_source=_code("""
def get_batch(x_train, t_train, batch_mask):
    x_batch = x_train[batch_mask]
    t_batch = x_train[batch_mask]
    return x_batch, t_batch
"""),
    correct_source=_code("""
def get_batch(x_train, t_train, batch_mask):
    x_batch = x_train[batch_mask]
    t_batch = t_train[batch_mask]
    return x_batch, t_batch
"""),
    demo=_code("""
x_train = np.arange(24.0).reshape(6, 4)
t_train = np.array([3, 1, 4, 1, 5, 9])
x_batch, t_batch = get_batch(x_train, t_train, np.array([0, 2, 5]))
"""),
    shows=("t_batch", "t_batch.shape"),
)

ENTRIES: tuple[Mistake, ...] = (
    B10,
    B11,
    B12,
    B13,
    B14,
    B15,
    B16,
    B17,
    B18,
    B19,
    B20,
    B21,
)
