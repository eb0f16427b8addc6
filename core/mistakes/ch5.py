"""Chapter 5 mistakes: layers and their backward passes (B22–B30)."""

from __future__ import annotations

from typing import Any

from core import layers as L
from core.mistakes._model import Mistake


def _code(text: str) -> str:
    return text.lstrip("\n")


def _ref(name: str, obj: Any) -> Any:
    return lambda: {name: obj}


_MUL_LAYER = _code("""
class MulLayer:
    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        self.x = x
        self.y = y
        return x * y

    def backward(self, dout):
        return dout * self.y, dout * self.x


""")

_RELU = _code("""
class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = (x <= 0)
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dx = dout.copy()
        dx[self.mask] = 0
        return dx
""")

_AFFINE = _code("""
class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.dW = None
        self.db = None

    def forward(self, x):
        self.x = x
        return np.dot(x, self.W) + self.b

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return dx
""")

_AFFINE_DEMO = _code("""
X = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0], [7.0, 8.0]])
W = np.array([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]])
layer = Affine(W, np.zeros(3))
out = layer.forward(X)
dx = layer.backward(np.ones((4, 3)))
layer.W -= 0.1 * layer.dW  # one SGD step
layer.b -= 0.1 * layer.db
""")

_SOFTMAX_WITH_LOSS = _code("""
class SoftmaxWithLoss:
    def __init__(self):
        self.loss = None
        self.y = None
        self.t = None

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss

    def backward(self, dout=1):
        batch_size = self.t.shape[0]
        return (self.y - self.t) * dout / batch_size
""")

_SIGMOID = _code("""
class Sigmoid:
    def __init__(self):
        self.x = None
        self.out = None

    def forward(self, x):
        self.x = x
        self.out = 1 / (1 + np.exp(-x))
        return self.out

    def backward(self, dout):
        return dout * (1.0 - self.out) * self.out
""")


B22 = Mistake(
    id="B22",
    chapter=5,
    section="§5.4.1",
    topic="graph",
    name="apple_gradients",
    buggy_source=_MUL_LAYER
    + _code("""
def apple_gradients(apple, num, tax):
    mul = MulLayer()
    price = mul.forward(mul.forward(apple, num), tax)
    dapple_price, dtax = mul.backward(1.0)
    dapple, dnum = mul.backward(dapple_price)
    return price, dapple, dnum, dtax
"""),
    correct_source=_MUL_LAYER
    + _code("""
def apple_gradients(apple, num, tax):
    mul_apple = MulLayer()
    mul_tax = MulLayer()
    price = mul_tax.forward(mul_apple.forward(apple, num), tax)
    dapple_price, dtax = mul_tax.backward(1.0)
    dapple, dnum = mul_apple.backward(dapple_price)
    return price, dapple, dnum, dtax
"""),
    demo="price, dapple, dnum, dtax = apple_gradients(100, 2, 1.1)\n",
    shows=("price", "dapple", "dnum", "dtax"),
    reference=_ref("MulLayer", L.MulLayer),
    reference_name="core.layers.MulLayer",
    listed=False,
)

B23 = Mistake(
    id="B23",
    chapter=5,
    section="§5.5.1",
    topic="graph",
    name="Relu",
    buggy_source=_RELU.replace("out = x.copy()", "out = x"),
    correct_source=_RELU,
    demo=_code("""
x = np.array([[1.0, -0.5], [-2.0, 3.0]])
out = Relu().forward(x)
"""),
    shows=("out", "x"),
    reference=_ref("Relu", L.Relu),
    reference_name="core.layers.Relu",
)

B24 = Mistake(
    id="B24",
    chapter=5,
    section="§5.5.1",
    topic="graph",
    name="Relu",
    buggy_source=_RELU.replace("dx[self.mask] = 0", "dx[self.mack] = 0"),
    correct_source=_RELU,
    demo=_code("""
layer = Relu()
out = layer.forward(np.array([[1.0, -0.5], [-2.0, 3.0]]))
dx = layer.backward(np.ones((2, 2)))
"""),
    shows=("out", "dx"),
    reference=_ref("Relu", L.Relu),
    reference_name="core.layers.Relu",
)

_AFFINE_SHOWS = ("dx", "layer.dW", "layer.db", "layer.b")

B25 = Mistake(
    id="B25",
    chapter=5,
    section="§5.6.2",
    topic="graph",
    name="Affine",
    buggy_source=_AFFINE.replace("np.dot(self.x.T, dout)", "np.dot(self.W.T, dout)"),
    correct_source=_AFFINE,
    demo=_AFFINE_DEMO,
    shows=_AFFINE_SHOWS,
    reference=_ref("Affine", L.Affine),
    reference_name="core.layers.Affine",
)

B26 = Mistake(
    id="B26",
    chapter=5,
    section="§5.6.2",
    topic="graph",
    name="Affine",
    buggy_source=_AFFINE.replace("self.db = np.sum(dout, axis=0)", "self.db = dout"),
    correct_source=_AFFINE,
    demo=_AFFINE_DEMO,
    shows=_AFFINE_SHOWS,
    reference=_ref("Affine", L.Affine),
    reference_name="core.layers.Affine",
)

B27 = Mistake(
    id="B27",
    chapter=5,
    section="§5.6.2",
    topic="graph",
    name="Affine",
    buggy_source=_AFFINE.replace("dx = np.dot(dout, self.W.T)", "dx = np.dot(dout, self.W)"),
    correct_source=_AFFINE,
    demo=_AFFINE_DEMO,
    shows=_AFFINE_SHOWS,
    reference=_ref("Affine", L.Affine),
    reference_name="core.layers.Affine",
)

B28 = Mistake(
    id="B28",
    chapter=5,
    section="§5.6.3",
    topic="graph",
    name="SoftmaxWithLoss",
    buggy_source=_SOFTMAX_WITH_LOSS.replace(
        "return (self.y - self.t) * dout / batch_size", "return (self.y - self.t) * dout"
    ),
    correct_source=_SOFTMAX_WITH_LOSS,
    demo=_code("""
x = np.array([[0.3, 2.9, 4.0], [1.0, 1.0, 1.0], [2.0, 0.5, 0.1], [0.0, 3.0, -1.0]])
t = np.eye(3)[[2, 0, 1, 1]]  # one-hot, batch of 4
layer = SoftmaxWithLoss()
loss = layer.forward(x, t)
dx = layer.backward()

def loss_of(z):
    return SoftmaxWithLoss().forward(z, t)

max_error = np.max(np.abs(dx - numerical_gradient(loss_of, x)))
"""),
    shows=("dx", "max_error"),
    helpers=("softmax", "cross_entropy_error", "numerical_gradient"),
    reference=_ref("SoftmaxWithLoss", L.SoftmaxWithLoss),
    reference_name="core.layers.SoftmaxWithLoss",
)

B29 = Mistake(
    id="B29",
    chapter=5,
    section="§5.6.3",
    topic="graph",
    name="SoftmaxWithLoss",
    buggy_source=_SOFTMAX_WITH_LOSS.replace("self.t = None", "self.y = None", 1),
    correct_source=_SOFTMAX_WITH_LOSS,
    demo=_code("""
layer = SoftmaxWithLoss()
loss = layer.forward(np.array([[0.3, 2.9, 4.0]]), np.array([[0, 0, 1]]))
fresh = SoftmaxWithLoss()
t_before_forward = fresh.t
"""),
    shows=("loss", "t_before_forward"),
    helpers=("softmax", "cross_entropy_error"),
    reference=_ref("SoftmaxWithLoss", L.SoftmaxWithLoss),
    reference_name="core.layers.SoftmaxWithLoss",
)

B30 = Mistake(
    id="B30",
    chapter=5,
    section="§5.5.2",
    topic="graph",
    name="Sigmoid",
    buggy_source=_SIGMOID.replace(
        "return dout * (1.0 - self.out) * self.out", "return dout * self.x * (1.0 - self.x)"
    ),
    correct_source=_SIGMOID,
    demo=_code("""
layer = Sigmoid()
out = layer.forward(np.array([0.0, 1.0, -1.0]))
dx = layer.backward(np.ones(3))
"""),
    shows=("out", "dx"),
    reference=_ref("Sigmoid", L.Sigmoid),
    reference_name="core.layers.Sigmoid",
)

ENTRIES: tuple[Mistake, ...] = (B22, B23, B24, B25, B26, B27, B28, B29, B30)
