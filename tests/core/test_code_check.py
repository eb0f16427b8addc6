"""Checking a learner's code: the battery in-process, and the isolated runner end to end.

The seed mistakes are written here as a learner would (not copied from the gallery), so the test
shows that the classifier recognises the pattern, not just the gallery's own text.
"""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys

import numpy as np
import pytest

from core import code_check as cc
from core import functions as F
from core import gradient as G
from core import layers as L
from core import networks as N
from core import optimizer as O
from core.mistakes import MISTAKES

LEARNER_CORRECT = """
import numpy as np


def step_function(x):
    return np.array(x > 0, dtype=int)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def relu(x):
    return np.maximum(0, x)


def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


def sum_squared_error(y, t):
    return 0.5 * np.sum((y - t) ** 2)


def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    if t.size == y.size:
        t = t.argmax(axis=1)
    n = y.shape[0]
    return -np.sum(np.log(y[np.arange(n), t] + 1e-7)) / n


def numerical_diff(f, x):
    h = 1e-4
    return (f(x + h) - f(x - h)) / (2 * h)


def numerical_gradient(f, x):
    h = 1e-4
    if x.dtype.kind != "f":
        x = x.astype(float)
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"], op_flags=["readwrite"])
    while not it.finished:
        idx = it.multi_index
        tmp = x[idx]
        x[idx] = tmp + h
        fxh1 = f(x)
        x[idx] = tmp - h
        fxh2 = f(x)
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = tmp
        it.iternext()
    return grad


def gradient_descent(f, init_x, lr=0.01, step_num=100):
    x = init_x
    for i in range(step_num):
        x -= lr * numerical_gradient(f, x)
    return x


class MulLayer:
    def forward(self, x, y):
        self.x, self.y = x, y
        return x * y

    def backward(self, dout):
        return dout * self.y, dout * self.x


class AddLayer:
    def forward(self, x, y):
        return x + y

    def backward(self, dout):
        return dout, dout


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout[self.mask] = 0
        return dout


class Sigmoid:
    def forward(self, x):
        self.out = 1 / (1 + np.exp(-x))
        return self.out

    def backward(self, dout):
        return dout * (1.0 - self.out) * self.out


class Affine:
    def __init__(self, W, b):
        self.W, self.b = W, b

    def forward(self, x):
        self.x = x
        return np.dot(x, self.W) + self.b

    def backward(self, dout):
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return np.dot(dout, self.W.T)


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
        return (self.y - self.t) / batch_size


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, weight_init_std=0.01):
        self.params = {
            "W1": weight_init_std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": weight_init_std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }
        self.layers = {
            "Affine1": Affine(self.params["W1"], self.params["b1"]),
            "Relu1": Relu(),
            "Affine2": Affine(self.params["W2"], self.params["b2"]),
        }
        self.last_layer = SoftmaxWithLoss()

    def predict(self, x):
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        return self.last_layer.forward(self.predict(x), t)

    def accuracy(self, x, t):
        y = np.argmax(self.predict(x), axis=1)
        if t.ndim != 1:
            t = np.argmax(t, axis=1)
        return np.sum(y == t) / float(x.shape[0])

    def gradient(self, x, t):
        self.loss(x, t)
        dout = self.last_layer.backward(1)
        for layer in reversed(list(self.layers.values())):
            dout = layer.backward(dout)
        a1, a2 = self.layers["Affine1"], self.layers["Affine2"]
        return {"W1": a1.dW, "b1": a1.db, "W2": a2.dW, "b2": a2.db}


class SGD:
    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for key in params:
            params[key] -= self.lr * grads[key]


class Momentum:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr, self.momentum, self.v = lr, momentum, None

    def update(self, params, grads):
        if self.v is None:
            self.v = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params:
            self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]
            params[key] += self.v[key]


class Nesterov:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr, self.momentum, self.v = lr, momentum, None

    def update(self, params, grads):
        if self.v is None:
            self.v = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params:
            params[key] += self.momentum * self.momentum * self.v[key]
            params[key] -= (1 + self.momentum) * self.lr * grads[key]
            self.v[key] *= self.momentum
            self.v[key] -= self.lr * grads[key]


class AdaGrad:
    def __init__(self, lr=0.01):
        self.lr, self.h = lr, None

    def update(self, params, grads):
        if self.h is None:
            self.h = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params:
            self.h[key] += grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)


class RMSprop:
    def __init__(self, lr=0.01, decay_rate=0.99):
        self.lr, self.decay_rate, self.h = lr, decay_rate, None

    def update(self, params, grads):
        if self.h is None:
            self.h = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params:
            self.h[key] *= self.decay_rate
            self.h[key] += (1 - self.decay_rate) * grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)


class Adam:
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr, self.beta1, self.beta2 = lr, beta1, beta2
        self.iter, self.m, self.v = 0, None, None

    def update(self, params, grads):
        if self.m is None:
            self.m = {key: np.zeros_like(val) for key, val in params.items()}
            self.v = {key: np.zeros_like(val) for key, val in params.items()}
        self.iter += 1
        lr_t = self.lr * np.sqrt(1.0 - self.beta2**self.iter) / (1.0 - self.beta1**self.iter)
        for key in params:
            self.m[key] += (1 - self.beta1) * (grads[key] - self.m[key])
            self.v[key] += (1 - self.beta2) * (grads[key] ** 2 - self.v[key])
            params[key] -= lr_t * self.m[key] / (np.sqrt(self.v[key]) + 1e-7)


class Dropout:
    def __init__(self, dropout_ratio=0.5):
        self.dropout_ratio = dropout_ratio
        self.mask = None

    def forward(self, x, train_flg=True):
        if train_flg:
            self.mask = np.random.rand(*x.shape) > self.dropout_ratio
            return x * self.mask
        return x * (1.0 - self.dropout_ratio)

    def backward(self, dout):
        return dout * self.mask


class BatchNormalization:
    def __init__(self, gamma, beta, momentum=0.9, running_mean=None, running_var=None):
        self.gamma, self.beta, self.momentum = gamma, beta, momentum
        self.running_mean, self.running_var = running_mean, running_var
        self.batch_size = self.xc = self.xn = self.std = self.dgamma = self.dbeta = None

    def forward(self, x, train_flg=True):
        if self.running_mean is None:
            self.running_mean = np.zeros(x.shape[1])
            self.running_var = np.zeros(x.shape[1])
        if train_flg:
            mu = x.mean(axis=0)
            xc = x - mu
            var = np.mean(xc**2, axis=0)
            std = np.sqrt(var + 10e-7)
            xn = xc / std
            self.batch_size, self.xc, self.xn, self.std = x.shape[0], xc, xn, std
            self.running_mean = self.momentum * self.running_mean + (1 - self.momentum) * mu
            self.running_var = self.momentum * self.running_var + (1 - self.momentum) * var
        else:
            xn = (x - self.running_mean) / np.sqrt(self.running_var + 10e-7)
        return self.gamma * xn + self.beta

    def backward(self, dout):
        self.dbeta = dout.sum(axis=0)
        self.dgamma = np.sum(self.xn * dout, axis=0)
        dxn = self.gamma * dout
        dxc = dxn / self.std
        dstd = -np.sum((dxn * self.xc) / (self.std * self.std), axis=0)
        dvar = 0.5 * dstd / self.std
        dxc += (2.0 / self.batch_size) * self.xc * dvar
        dmu = np.sum(dxc, axis=0)
        return dxc - dmu / self.batch_size
"""

#: The chapter-4 network of the book: sigmoid hidden layer, predict returns probabilities,
#: only the numerical gradient.
LEARNER_CH4_NET = """
import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    if t.size == y.size:
        t = t.argmax(axis=1)
    n = y.shape[0]
    return -np.sum(np.log(y[np.arange(n), t] + 1e-7)) / n


def _gradient(f, x):
    h = 1e-4
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        tmp = x[idx]
        x[idx] = tmp + h
        a = f(x)
        x[idx] = tmp - h
        b = f(x)
        x[idx] = tmp
        grad[idx] = (a - b) / (2 * h)
    return grad


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, weight_init_std=0.01):
        self.params = {
            "W1": weight_init_std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": weight_init_std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    def predict(self, x):
        z1 = sigmoid(np.dot(x, self.params["W1"]) + self.params["b1"])
        return softmax(np.dot(z1, self.params["W2"]) + self.params["b2"])

    def loss(self, x, t):
        return cross_entropy_error(self.predict(x), t)

    def accuracy(self, x, t):
        y = np.argmax(self.predict(x), axis=1)
        return np.sum(y == np.argmax(t, axis=1)) / float(x.shape[0])

    def numerical_gradient(self, x, t):
        loss_W = lambda W: self.loss(x, t)
        return {key: _gradient(loss_W, self.params[key]) for key in ("W1", "b1", "W2", "b2")}
"""

SEEDS = {
    "B1": ("sigmoid", "import numpy as np\n\ndef sigmoid(x):\n    return 1/1 + np.exp(-x)\n"),
    "B2": (
        "step_function",
        "import numpy as np\n\ndef step_function(x):\n    y = x <= 0\n    return y.astype(int)\n",
    ),
    "B3": ("relu", "import numpy as np\n\ndef relu(x):\n    return np.array(x > 0, dtype=int)\n"),
    "B10": (
        "cross_entropy_error",
        "import numpy as np\n\ndef cross_entropy_error(y, t):\n    if y.dim == 1:\n"
        "        y = y.reshape(1, -1)\n        t = t.reshape(1, -1)\n"
        "    return -np.sum(t * np.log(y + 1e-7)) / y.shape[0]\n",
    ),
    "B11": (
        "cross_entropy_error",
        "import numpy as np\n\ndef cross_entropy_error(y, t):\n    if y.ndim == 1:\n"
        "        y = y.reshape(1, -1)\n        t = t.reshape(1, -1)\n"
        "    r = -np.sum(t * np.log(y + 1e-7))\n    return r / y.ndim\n",
    ),
    "B12": (
        "cross_entropy_error",
        "import numpy as np\n\ndef cross_entropy_error(y, t):\n    if y.ndim == 1:\n"
        "        y = y.reshape(1, y.size)\n        t = t.reshape(1, t.size)\n"
        "    n = y.shape[0]\n    return -np.sum(np.log(y[np.arange(n), t] + 1e-7)) / n\n",
    ),
    "B23": (
        "Relu",
        "class Relu:\n    def forward(self, x):\n        self.mask = (x <= 0)\n        out = x\n"
        "        out[self.mask] = 0\n        return out\n\n    def backward(self, dout):\n"
        "        dout[self.mask] = 0\n        return dout\n",
    ),
    "B28": (
        "SoftmaxWithLoss",
        "import numpy as np\n\nclass SoftmaxWithLoss:\n    def __init__(self):\n"
        "        self.loss = self.y = self.t = None\n\n    def forward(self, x, t):\n"
        "        self.t = t\n        e = np.exp(x - x.max(axis=1, keepdims=True))\n"
        "        self.y = e / e.sum(axis=1, keepdims=True)\n"
        "        self.loss = -np.sum(t * np.log(self.y + 1e-7)) / x.shape[0]\n"
        "        return self.loss\n\n    def backward(self, dout=1):\n"
        "        return (self.y - self.t) * dout\n",
    ),
    "B29": (
        "SoftmaxWithLoss",
        "import numpy as np\n\nclass SoftmaxWithLoss:\n    def __init__(self):\n"
        "        self.loss = None\n        self.y = None\n        self.y = None\n\n"
        "    def forward(self, x, t):\n        self.t = t\n"
        "        e = np.exp(x - x.max(axis=1, keepdims=True))\n"
        "        self.y = e / e.sum(axis=1, keepdims=True)\n"
        "        self.loss = -np.sum(t * np.log(self.y + 1e-7)) / x.shape[0]\n"
        "        return self.loss\n\n    def backward(self, dout=1):\n"
        "        return (self.y - self.t) * dout / self.t.shape[0]\n",
    ),
}


def case(report: cc.CheckReport, target: str, case_id: str) -> cc.CaseResult:
    return next(c for c in report.target(target).cases if c.case == case_id)


# --- the battery in-process -------------------------------------------------------------------


def test_cores_own_implementations_pass_every_case():
    ns = {
        "step_function": F.step_function,
        "sigmoid": F.sigmoid,
        "relu": F.relu,
        "softmax": F.softmax,
        "sum_squared_error": F.sum_squared_error,
        "mean_squared_error": F.sum_squared_error,
        "cross_entropy_error": F.cross_entropy_error,
        "numerical_diff": G.numerical_diff,
        "numerical_gradient": G.numerical_gradient,
        "MulLayer": L.MulLayer,
        "AddLayer": L.AddLayer,
        "Relu": L.Relu,
        "Sigmoid": L.Sigmoid,
        "Affine": L.Affine,
        "SoftmaxWithLoss": L.SoftmaxWithLoss,
        "TwoLayerNet": N.TwoLayerNet,
        "Dropout": L.Dropout,
        "BatchNormalization": L.BatchNormalization,
        **O.OPTIMIZERS,
    }
    results = cc.run_battery(ns)
    assert {r.name for r in results} == {t.name for t in cc.TARGETS} - {"gradient_descent"}
    failed = [(c.target, c.case, c.actual) for r in results for c in r.cases if not c.passed]
    assert failed == []


def test_a_learners_correct_file_passes_everything():
    report = cc.check_in_process(LEARNER_CORRECT)
    assert report.verdict == "checked"
    assert set(report.found) == {t.name for t in cc.TARGETS} - {"mean_squared_error"}
    failed = [(c.target, c.case, c.actual) for c in report.cases if not c.passed]
    assert failed == []
    assert len(report.cases) > 50


def test_the_chapter_4_network_passes_with_its_sigmoid_and_numerical_gradient():
    report = cc.check_in_process(LEARNER_CH4_NET)
    net = report.target("TwoLayerNet")
    assert net.passed, [(c.case, c.expected, c.actual) for c in net.cases if not c.passed]


@pytest.mark.parametrize("mistake_id", sorted(SEEDS, key=lambda k: int(k[1:])))
def test_seed_mistakes_fail_and_are_recognised(mistake_id):
    target, source = SEEDS[mistake_id]
    report = cc.check_in_process(source)
    result = report.target(target)
    assert not result.passed
    assert mistake_id in result.mistakes
    assert result.mistakes[0] == mistake_id


def test_seed_b1_case_shows_input_expected_and_actual():
    report = cc.check_in_process(SEEDS["B1"][1])
    zero = case(report, "sigmoid", "zero")
    assert (zero.passed, zero.reason, zero.mistake) == (False, "wrong_value", "B1")
    assert zero.call == "x = np.array([0.0])\nsigmoid(x)"
    assert zero.expected == "y = [0.5]"
    assert zero.actual == "y = [2]"


def test_seed_b11_gives_the_ndim_number_for_a_batch_of_3():
    report = cc.check_in_process(SEEDS["B11"][1])
    batch = case(report, "cross_entropy_error", "batch_onehot")
    assert batch.actual == "loss = 0.766238"
    assert batch.expected == "loss = 0.510825"


def test_seed_b12_gives_23_72_on_a_one_hot_t():
    report = cc.check_in_process(SEEDS["B12"][1])
    assert case(report, "cross_entropy_error", "onehot").actual == "loss = 23.719"
    assert case(report, "cross_entropy_error", "labels").passed


def test_seed_b23_reports_the_overwritten_input():
    forward = case(cc.check_in_process(SEEDS["B23"][1]), "Relu", "forward")
    assert forward.reason == "mutated_input"
    assert "x = [[1 0]\n     [0 3]]" in forward.actual
    assert "x = [[   1 -0.5]\n     [  -2    3]]" in forward.expected


def test_seed_b28_is_found_by_the_gradient_check_too():
    report = cc.check_in_process(SEEDS["B28"][1])
    check = case(report, "SoftmaxWithLoss", "gradient_check")
    assert check.reason == "wrong_value" and check.mistake == "B28"
    assert check.expected == "max_error ≤ 1e-06"


def test_seed_b29_only_fails_the_init_case():
    result = cc.check_in_process(SEEDS["B29"][1]).target("SoftmaxWithLoss")
    assert [c.case for c in result.cases if not c.passed] == ["init"]
    init = result.cases[0]
    assert init.actual == "AttributeError: 'SoftmaxWithLoss' object has no attribute 't'"


@pytest.mark.parametrize(
    "mistake",
    [m for m in MISTAKES if m.name in {t.name for t in cc.TARGETS} and m.id != "B19"],
    ids=lambda m: m.id,
)
def test_every_gallery_bug_with_a_target_is_recognised_by_its_own_id(mistake):
    result = cc.run_battery({mistake.name: mistake.buggy}, [mistake.name])[0]
    assert not result.passed
    assert mistake.id in result.mistakes


def test_wrong_type_and_shape_get_their_own_reasons():
    report = cc.check_in_process(
        "import numpy as np\n"
        "def sigmoid(x):\n    return None\n"
        "def relu(x):\n    return np.maximum(0, x).reshape(-1, 1)\n"
        "def softmax(a):\n    return 'probabilities'\n"
    )
    assert case(report, "sigmoid", "ordinary").reason == "wrong_type"
    assert case(report, "sigmoid", "ordinary").actual == "y = None"
    assert case(report, "relu", "ordinary").reason == "wrong_shape"
    assert case(report, "softmax", "ordinary").reason == "wrong_type"


def test_not_finite_results_are_their_own_reason():
    report = cc.check_in_process(
        "import numpy as np\ndef softmax(a):\n    return np.exp(a) / np.sum(np.exp(a))\n"
    )
    overflow = case(report, "softmax", "overflow")
    assert overflow.reason == "not_finite"
    assert overflow.mistake == "B6"
    assert any("overflow" in w for w in overflow.warnings)


# --- reading code without running it ----------------------------------------------------------


def test_prepare_source_rejects_what_cannot_be_checked():
    assert cc.prepare_source("").verdict == "empty"
    assert cc.prepare_source("  \n\t\n").verdict == "empty"
    assert cc.prepare_source("x = 1\n").verdict == "nothing_found"
    assert cc.prepare_source("# def sigmoid(x): ...\n").verdict == "nothing_found"
    too_large = cc.prepare_source("x = 1\n" * 200_000)
    assert too_large.verdict == "too_large" and too_large.detail["size"] == 1_200_000


def test_a_syntax_error_reports_its_line_and_column_without_running_anything():
    report = cc.prepare_source("import os\ndef sigmoid(x):\n    return (1 +\nos.remove('x')\n")
    assert report.verdict == "syntax_error"
    assert report.detail["line"] == 3
    assert report.detail["message"] == "'(' was never closed"
    assert cc.prepare_source("return 1\ndef sigmoid(x): pass\n").verdict == "syntax_error"
    assert cc.prepare_source("def sigmoid(x):\x00 pass\n").verdict == "syntax_error"


def test_targets_are_found_by_name_but_not_under_the_main_guard():
    prepared = cc.prepare_source(
        "import numpy as np\n"
        "class Relu: pass\n"
        "sigmoid = lambda x: 1 / (1 + np.exp(-x))\n"
        "try:\n    def softmax(a): return a\nexcept ImportError:\n    pass\n"
        "if __name__ == '__main__':\n    def relu(x): return x\n"
    )
    assert isinstance(prepared, cc.Prepared)
    assert prepared.targets == ("sigmoid", "softmax", "Relu")


def test_decode_source_handles_the_encodings_learners_save_in():
    text = "# シグモイド関数\ndef sigmoid(x):\n    return x\n"
    assert cc.decode_source(text.encode("utf-8")) == cc.DecodedSource(text, "utf-8")
    assert cc.decode_source(codecs.BOM_UTF8 + text.encode("utf-8")).text == text
    assert cc.decode_source(text.encode("utf-16")).text == text
    cp932 = cc.decode_source(text.encode("cp932"))
    assert (cp932.text, cp932.encoding, cp932.fallback) == (text, "cp932", True)
    cookie = ("# -*- coding: shift_jis -*-\n" + text).encode("shift_jis")
    decoded = cc.decode_source(cookie)
    assert decoded.text.endswith(text) and not decoded.fallback
    assert cc.decode_source(b"").text == ""


def test_decode_source_refuses_binary_undecodable_and_huge_files():
    with pytest.raises(cc.SourceError) as binary:
        cc.decode_source(b"\x7fELF\x00\x00\x01")
    assert binary.value.reason == "binary"
    with pytest.raises(cc.SourceError) as bad:
        cc.decode_source(b"x = 1\n\xff\xfe\xfd")
    assert bad.value.reason == "undecodable" and bad.value.detail == {"position": 6}
    with pytest.raises(cc.SourceError):
        cc.decode_source(b"x = 1  # \x81\x7f\n")
    with pytest.raises(cc.SourceError) as big:
        cc.decode_source(b"#" * 11, max_bytes=10)
    assert big.value.reason == "too_large" and big.value.detail == {"size": 11, "limit": 10}


# --- turning the process's events into a report -----------------------------------------------


def test_assemble_report_names_the_case_a_timeout_interrupted():
    events = [
        {"event": "started", "memory_limited": True},
        {"event": "defined", "found": ["sigmoid"], "missing": []},
        {"event": "case_start", "target": "sigmoid", "case": "ordinary"},
    ]
    report = cc.assemble_report(events, exit_code=-9, crashed=True, timed_out=True, time_limit_s=2)
    assert report.verdict == "timeout"
    assert report.detail == {
        "seconds": 2,
        "target": "sigmoid",
        "case": "ordinary",
        "stage": "cases",
    }
    interrupted = report.target("sigmoid").cases[-1]
    assert (interrupted.case, interrupted.passed, interrupted.reason) == (
        "ordinary",
        False,
        "timeout",
    )


def test_assemble_report_tells_crash_early_exit_stopped_and_done_apart():
    assert cc.assemble_report([], exit_code=-11, crashed=True).verdict == "crash"
    assert cc.assemble_report([], exit_code=0xC0000005).verdict == "crash"
    assert cc.assemble_report([], exit_code=5).detail["code"] == 5
    assert cc.assemble_report([], exit_code=5).verdict == "early_exit"
    assert cc.assemble_report([], exit_code=-9, stopped=True).verdict == "stopped"
    done = {"event": "done", "verdict": "memory", "detail": {}, "output": "hi"}
    report = cc.assemble_report([done], exit_code=0, memory_limit_mb=512)
    assert (report.verdict, report.detail["limit_mb"], report.output) == ("memory", 512, "hi")
    assert cc.assemble_report([], exit_code=1, stderr="Traceback").verdict == "failed_to_start"


def test_parse_events_flags_lines_that_are_not_events():
    events, garbled = cc.parse_events(b'{"event": "started"}\nhello\n[1, 2]\n')
    assert events == [{"event": "started"}] and garbled


def test_merge_progress_records_an_unfinished_target_only_when_it_failed():
    passed = cc.CaseResult("relu", "ordinary", True, "", "", "")
    failed = cc.CaseResult("sigmoid", "zero", False, "", "", "", "wrong_value", "B1")
    done = cc.TargetResult("step_function", (passed,))
    unfinished = cc.CheckReport("timeout", {}, (done, cc.TargetResult("relu", (passed,))))
    assert set(cc.merge_progress({}, unfinished, "t")) == {"step_function"}
    broken = cc.CheckReport("crash", {}, (cc.TargetResult("sigmoid", (failed,)),))
    assert cc.merge_progress({}, broken, "t")["sigmoid"]["passed"] is False


def test_merge_progress_keeps_the_latest_result_per_function():
    first = cc.check_in_process(SEEDS["B1"][1])
    progress = cc.merge_progress({}, first, "2024-01-01T10:00:00")
    assert progress["sigmoid"]["passed"] is False and progress["sigmoid"]["mistakes"] == ["B1"]
    second = cc.check_in_process("import numpy as np\ndef relu(x):\n    return np.maximum(0, x)\n")
    progress = cc.merge_progress({**progress, "junk": 1}, second, "2024-01-02T10:00:00")
    assert set(progress) == {"sigmoid", "relu"}
    assert progress["relu"]["passed"] is True and progress["relu"]["cases"] == 2


# --- the isolated process, end to end ---------------------------------------------------------


def run(source: str, **kwargs) -> cc.CheckReport:
    kwargs.setdefault("time_limit_s", 20.0)
    return cc.run_check_subprocess(source, **kwargs)


def test_subprocess_correct_code():
    report = run(LEARNER_CORRECT)
    assert report.verdict == "checked"
    assert all(c.passed for c in report.cases)
    assert report.memory_limited is sys.platform.startswith("linux")


def test_subprocess_seed_mistake():
    report = run(SEEDS["B12"][1])
    assert report.verdict == "checked"
    assert report.target("cross_entropy_error").mistakes == ("B12",)


def test_subprocess_infinite_loop_is_killed_at_the_time_limit():
    report = run("def sigmoid(x):\n    while True:\n        pass\n", time_limit_s=2.0)
    assert report.verdict == "timeout"
    assert report.detail == {
        "seconds": 2.0,
        "target": "sigmoid",
        "case": "ordinary",
        "stage": "cases",
    }
    (hung,) = report.target("sigmoid").cases
    assert (hung.reason, hung.call) == ("timeout", "x = np.array([-1.0, 1.0, 2.0])\nsigmoid(x)")


def test_subprocess_infinite_loop_at_the_top_level():
    report = run("while True:\n    pass\ndef relu(x):\n    return x\n", time_limit_s=2.0)
    assert (report.verdict, report.detail["stage"]) == ("timeout", "top_level")


def test_subprocess_killed_by_a_signal_is_a_crash():
    report = run("import os\nos.kill(os.getpid(), 9)\ndef relu(x):\n    return x\n")
    assert report.verdict == "crash"
    if os.name == "posix":
        assert report.detail["code"] == -9


def test_subprocess_sys_exit_is_reported_with_its_code():
    report = run("import sys\nsys.exit(3)\ndef relu(x):\n    return x\n")
    assert (report.verdict, report.detail["code"]) == ("exit", 3)
    inside = run("import sys\ndef relu(x):\n    sys.exit('bye')\n")
    assert inside.verdict == "exit"
    assert inside.detail == {"code": "bye", "target": "relu", "case": "ordinary", "stage": "cases"}


def test_subprocess_os_exit_ends_early():
    report = run("import os\nos._exit(7)\ndef relu(x):\n    return x\n")
    assert (report.verdict, report.detail["code"]) == ("early_exit", 7)


def test_subprocess_huge_allocation_is_a_memory_verdict():
    report = run("import numpy as np\na = np.ones(10**11)\ndef relu(x):\n    return x\n")
    assert report.verdict == "memory"
    assert report.detail["limit_mb"] == cc.MEMORY_LIMIT_MB


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is enforced on Linux")
def test_subprocess_memory_limit_stops_an_allocation_the_machine_could_make():
    report = run(
        "import numpy as np\na = np.ones(40_000_000)\ndef relu(x):\n    return x\n",
        memory_limit_mb=200,
    )
    assert (report.verdict, report.detail["limit_mb"]) == ("memory", 200)


def test_subprocess_megabytes_of_print_are_capped():
    report = run(
        "import numpy as np\nfor i in range(100_000):\n    print('x' * 100)\n"
        "import os\nos.write(1, b'y' * 1_000_000)\n"
        "def relu(x):\n    return np.maximum(0, x)\n"
    )
    assert report.verdict == "checked" and report.target("relu").passed
    assert report.output_truncated and len(report.output) == cc.OUTPUT_LIMIT


def test_subprocess_syntax_error_and_empty_code_never_start_a_process():
    assert run("def relu(x:\n    return x\n").verdict == "syntax_error"
    assert run("").verdict == "empty"


def test_subprocess_non_utf8_bytes_in_a_file():
    source = cc.decode_source("# 活性化関数\ndef relu(x):\n    return x\n".encode("cp932"))
    report = run(source.text)
    assert report.verdict == "checked" and not report.target("relu").passed


def test_subprocess_import_of_the_books_helpers_is_explained():
    report = run("from common.functions import *\ndef relu(x):\n    return x\n")
    assert report.verdict == "import_error"
    assert (report.detail["module"], report.detail["line"]) == ("common", 1)


def test_subprocess_runs_isolated_in_a_fresh_folder_with_a_small_environment(monkeypatch):
    monkeypatch.setenv("ZDL_SECRET_TOKEN", "do-not-leak")
    report = run(
        "import os, sys\nprint(os.getcwd())\nprint(os.environ.get('ZDL_SECRET_TOKEN'))\n"
        "print(sys.flags.isolated)\ndef relu(x):\n    return x\n"
    )
    cwd, secret, isolated = report.output.splitlines()
    assert os.path.basename(cwd).startswith("zdl-check-")
    assert not os.path.exists(cwd)  # removed afterwards
    assert (secret, isolated) == ("None", "1")


def test_the_runner_answers_a_bad_request_with_a_protocol_error():
    proc = subprocess.run(
        cc.runner_command(), input=b"not json", capture_output=True, timeout=60, check=False
    )
    assert proc.returncode == 2
    event = json.loads(proc.stdout.decode().splitlines()[-1])
    assert (event["event"], event["verdict"]) == ("done", "protocol_error")


def test_checking_does_not_change_numpy_in_this_process():
    before = np.geterr()
    cc.check_in_process(SEEDS["B1"][1])
    assert np.geterr() == before


_INVERTED_DROPOUT = """
import numpy as np


class Dropout:
    def __init__(self, dropout_ratio=0.5):
        self.dropout_ratio = dropout_ratio

    def forward(self, x, train_flg=True):
        if not train_flg:
            return x
        self.mask = (np.random.rand(*x.shape) > self.dropout_ratio) / (1.0 - self.dropout_ratio)
        return x * self.mask

    def backward(self, dout):
        return dout * self.mask
"""


def test_inverted_dropout_passes_too():
    """Scaled while training instead of at test time: the same expected value (§6.4.3)."""
    result = cc.check_in_process(_INVERTED_DROPOUT).target("Dropout")
    assert result.passed, [(c.case, c.actual) for c in result.cases if not c.passed]


def test_dropout_slips_fail_their_cases():
    no_mask = _INVERTED_DROPOUT.replace("return dout * self.mask", "return dout")
    result = cc.check_in_process(no_mask).target("Dropout")
    assert [c.case for c in result.cases if not c.passed] == ["backward"]
    keep_ratio = _INVERTED_DROPOUT.replace("> self.dropout_ratio)", "< self.dropout_ratio)")
    keep_ratio = keep_ratio.replace("(1.0 - self.dropout_ratio)", "self.dropout_ratio")
    assert cc.check_in_process(keep_ratio).target("Dropout").passed  # p = 0.5: the same thing
    train_unscaled = _INVERTED_DROPOUT.replace(" / (1.0 - self.dropout_ratio)", "")
    scale = case(cc.check_in_process(train_unscaled), "Dropout", "scale")
    assert (scale.passed, scale.mistake) == (False, "B35")
    assert scale.actual == "test_over_train = 2"


def test_batchnorm_slips_fail_their_cases():
    correct = LEARNER_CORRECT[LEARNER_CORRECT.index("class BatchNormalization") :]
    source = "import numpy as np\n\n\n" + correct
    assert cc.check_in_process(source).target("BatchNormalization").passed
    whole_mean = source.replace("mu = x.mean(axis=0)", "mu = x.mean()")
    failed = [c.case for c in cc.check_in_process(whole_mean).target("BatchNormalization").cases]
    assert "forward" in failed
    no_dvar = source.replace("        dxc += (2.0 / self.batch_size) * self.xc * dvar\n", "")
    report = cc.check_in_process(no_dvar).target("BatchNormalization")
    assert {c.case for c in report.cases if not c.passed} == {"gradient_check"}
    train_stats = source.replace(
        "xn = (x - self.running_mean) / np.sqrt(self.running_var + 10e-7)",
        "xn = (x - x.mean(axis=0)) / np.sqrt(x.var(axis=0) + 10e-7)",
    )
    report = cc.check_in_process(train_stats).target("BatchNormalization")
    assert [c.case for c in report.cases if not c.passed] == ["test_time"]
