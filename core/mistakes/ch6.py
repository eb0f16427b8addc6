"""Chapter 6 and 7 mistakes: optimizers, initial weights, dropout, validation, CNN (B31–B39)."""

from __future__ import annotations

from typing import Any

from core import functions as F
from core import layers as L
from core import optimizer as O
from core.mistakes._model import Mistake, PlotSpec


def _code(text: str) -> str:
    return text.lstrip("\n")


def _ref(name: str, obj: Any) -> Any:
    return lambda: {name: obj}


#: The optimizer race of §6.1.7: f(x, y) = x²/20 + y² from (-7, 2), 30 steps.
_RACE = _code("""
def gradients(p):  # of f(x, y) = x**2 / 20 + y**2
    return {"x": p["x"] / 10.0, "y": 2.0 * p["y"]}

params = {"x": -7.0, "y": 2.0}
opt = {make}
""")


def _race_demo(make: str) -> str:
    """Thirty steps from (-7, 2); shows where they end and f there."""
    return _RACE.replace("{make}", make) + _code("""
for step in range(30):
    opt.update(params, gradients(params))
end = (params["x"], params["y"])
f_end = end[0] ** 2 / 20 + end[1] ** 2
""")


def _race_plot(make: str) -> PlotSpec:
    """The same thirty steps, every point kept."""
    code = _RACE.replace("{make}", make) + _code("""
path = [(params["x"], params["y"])]
for step in range(30):
    opt.update(params, gradients(params))
    path.append((params["x"], params["y"]))
px, py = np.array(path).T
""")
    return PlotSpec("path", code)


_MOMENTUM = _code("""
class Momentum:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.v = None

    def update(self, params, grads):
        if self.v is None:
            self.v = {k: np.zeros_like(p) for k, p in params.items()}
        for k in params:
            self.v[k] = self.momentum * self.v[k] - self.lr * grads[k]
            params[k] += self.v[k]
""")

_ADAGRAD_INIT = """        if self.h is None:
            self.h = {k: np.zeros_like(p) for k, p in params.items()}
"""

_ADAGRAD = (
    _code("""
class AdaGrad:
    def __init__(self, lr=0.01):
        self.lr = lr
        self.h = None

    def update(self, params, grads):
""")
    + _ADAGRAD_INIT
    + _code("""
        for k in params:
            self.h[k] += grads[k] * grads[k]
            params[k] -= self.lr * grads[k] / (np.sqrt(self.h[k]) + 1e-7)
""")
)

_NESTEROV_HEAD = _code("""
class Nesterov:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.v = None

    def update(self, params, grads):
        if self.v is None:
            self.v = {k: np.zeros_like(p) for k, p in params.items()}
        mu = self.momentum
        for k in params:
""")
_NESTEROV_PARAMS = """            params[k] += mu * mu * self.v[k]
            params[k] -= (1 + mu) * self.lr * grads[k]
"""
_NESTEROV_VELOCITY = """            self.v[k] = mu * self.v[k] - self.lr * grads[k]
"""

_DROPOUT = _code("""
class Dropout:
    def __init__(self, dropout_ratio=0.5, rng=None):
        self.dropout_ratio = dropout_ratio
        self.rng = rng if rng is not None else np.random.default_rng()
        self.mask = None

    def forward(self, x, train_flg=True):
        if train_flg:
            self.mask = self.rng.random(x.shape) > self.dropout_ratio
            return x * self.mask
        return x * (1.0 - self.dropout_ratio)
""")

_COL2IM = _code("""
def col2im(col, img_shape, fh, fw):
    H, W = img_shape
    out_h, out_w = H - fh + 1, W - fw + 1
    img = np.zeros(img_shape)
    for i in range(out_h):
        for j in range(out_w):
            patch = col[i * out_w + j].reshape(fh, fw)
            img[i:i + fh, j:j + fw] += patch
    return img
""")

_POOLING = _code("""
class Pooling:
    def __init__(self, pool_h, pool_w, stride=2):
        self.pool_h = pool_h
        self.pool_w = pool_w
        self.stride = stride

    def forward(self, x):
        H, W = x.shape
        s, ph, pw = self.stride, self.pool_h, self.pool_w
        out_h = (H - ph) // s + 1
        out_w = (W - pw) // s + 1
        out = np.empty((out_h, out_w))
        for i in range(out_h):
            for j in range(out_w):
                window = x[i * s:i * s + ph, j * s:j * s + pw]
                out[i, j] = window.max()
        return out
""")


B31 = Mistake(
    id="B31",
    chapter=6,
    section="§6.1.4",
    topic="optimizers",
    name="Momentum",
    buggy_source=_MOMENTUM.replace("- self.lr * grads[k]", "+ self.lr * grads[k]"),
    correct_source=_MOMENTUM,
    demo=_race_demo("Momentum(lr=0.1)"),
    shows=("end", "f_end"),
    reference=_ref("Momentum", O.Momentum),
    reference_name="core.optimizer.Momentum",
    plot=_race_plot("Momentum(lr=0.1)"),
    listed=False,
)

B32 = Mistake(
    id="B32",
    chapter=6,
    section="§6.1.5",
    topic="optimizers",
    name="AdaGrad",
    buggy_source=_ADAGRAD.replace(
        _ADAGRAD_INIT,
        "        self.h = {k: np.zeros_like(p) for k, p in params.items()}\n",
    ),
    correct_source=_ADAGRAD,
    demo=_race_demo("AdaGrad(lr=1.5)"),
    shows=("end", "f_end"),
    reference=_ref("AdaGrad", O.AdaGrad),
    reference_name="core.optimizer.AdaGrad",
    plot=_race_plot("AdaGrad(lr=1.5)"),
    listed=False,
)

B33 = Mistake(
    id="B33",
    chapter=6,
    section="§6.1.7",
    topic="optimizers",
    name="Nesterov",
    buggy_source=_NESTEROV_HEAD + _NESTEROV_VELOCITY + _NESTEROV_PARAMS,
    correct_source=_NESTEROV_HEAD + _NESTEROV_PARAMS + _NESTEROV_VELOCITY,
    demo=_race_demo("Nesterov(lr=0.1)"),
    shows=("end", "f_end"),
    reference=_ref("Nesterov", O.Nesterov),
    reference_name="core.optimizer.Nesterov",
    plot=_race_plot("Nesterov(lr=0.1)"),
)

B34 = Mistake(
    id="B34",
    chapter=6,
    section="§6.2.1",
    topic="training",
    name="init_weight",
    buggy_source=_code("""
def init_weight(n_in, n_out, rng):
    return np.zeros((n_in, n_out))
"""),
    correct_source=_code("""
def init_weight(n_in, n_out, rng):
    return rng.standard_normal((n_in, n_out)) / np.sqrt(n_in)
"""),
    demo=_code("""
rng = np.random.default_rng(0)
x = rng.standard_normal((6, 4))
t = np.array([0, 1, 2, 1, 0, 2])
net = TwoLayerNet(4, 3, 3, activation="sigmoid", seed=0)
net.params["W1"][...] = init_weight(4, 3, rng)
net.params["W2"][...] = init_weight(3, 3, rng)
for step in range(50):
    grads = net.gradient(x, t)
    for key in net.params:
        net.params[key] -= 0.5 * grads[key]
W1 = net.params["W1"].round(6)
different_units = np.unique(W1, axis=1).shape[1]
"""),
    shows=("W1", "different_units"),
    helpers=("TwoLayerNet",),
)

B35 = Mistake(
    id="B35",
    chapter=6,
    section="§6.4.3",
    topic="training",
    name="Dropout",
    buggy_source=_DROPOUT.replace("return x * (1.0 - self.dropout_ratio)", "return x"),
    correct_source=_DROPOUT,
    demo=_code("""
layer = Dropout(0.5, rng=np.random.default_rng(0))
x = np.ones(5)
train_mean = np.mean([layer.forward(x).mean() for _ in range(1000)])
test_out = layer.forward(x, train_flg=False)
"""),
    shows=("train_mean", "test_out"),
    reference=_ref("Dropout", L.Dropout),
    reference_name="core.layers.Dropout",
)

B36 = Mistake(
    id="B36",
    chapter=6,
    section="§6.5.3",
    topic="training",
    name="split_validation",
    buggy_source=_code("""
def split_validation(x_train, t_train, rate=0.2):
    validation_num = x_train.shape[0] * rate
    x_val = x_train[:validation_num]
    t_val = t_train[:validation_num]
    return x_val, t_val
"""),
    correct_source=_code("""
def split_validation(x_train, t_train, rate=0.2):
    validation_num = int(x_train.shape[0] * rate)
    x_val = x_train[:validation_num]
    t_val = t_train[:validation_num]
    return x_val, t_val
"""),
    demo=_code("""
x_train = np.arange(20.0).reshape(10, 2)
t_train = np.arange(10)
x_val, t_val = split_validation(x_train, t_train)
"""),
    shows=("t_val",),
)

B37 = Mistake(
    id="B37",
    chapter=7,
    section="§7.4.3",
    topic=None,
    name="col2im",
    buggy_source=_COL2IM.replace("] += patch", "] = patch"),
    correct_source=_COL2IM,
    demo="img = col2im(np.ones((4, 4)), (3, 3), 2, 2)\n",
    shows=("img",),
)

B38 = Mistake(
    id="B38",
    chapter=7,
    section="§7.4.4",
    topic=None,
    name="Pooling",
    buggy_source=_POOLING.replace("stride=2", "stride=1"),
    correct_source=_POOLING,
    demo=_code("""
x = np.array([[1.0, 2.0, 3.0, 0.0], [0.0, 1.0, 2.0, 3.0],
              [3.0, 0.0, 1.0, 2.0], [2.0, 3.0, 0.0, 1.0]])
out = Pooling(2, 2).forward(x)
"""),
    shows=("out", "out.shape"),
)

B39 = Mistake(
    id="B39",
    chapter=6,
    section="§5.5.1",
    topic="activation",
    name="relu_grad",
    buggy_source=_code("""
def relu_grad(x):
    grad = np.zeros(x)
    grad[x > 0] = 1
    return grad
"""),
    correct_source=_code("""
def relu_grad(x):
    grad = np.zeros_like(x)
    grad[x > 0] = 1
    return grad
"""),
    demo="g = relu_grad(np.array([-1.0, 0.0, 0.5, 2.0]))\n",
    shows=("g",),
    reference=_ref("relu_grad", F.relu_grad),
    reference_name="core.functions.relu_grad",
)

ENTRIES: tuple[Mistake, ...] = (B31, B32, B33, B34, B35, B36, B37, B38, B39)
