"""How fast ``core`` trains: prints figures, never passes or fails.

    uv run python benchmarks/core_speed.py [--seconds 3] [--numerical-sample 2000]

Measures, for the book's TwoLayerNet 784-50-10 at batch 100 on MNIST-shaped random data:
training iterations per second (float64 and float32) next to a plain NumPy implementation of the
same layers written the way the book writes them; the time of one numerical-gradient step
(§4.5, extrapolated from a sample of the weights unless --numerical-sample 0) and its ratio to
one backprop step; and one accuracy evaluation over 10 000 samples.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import numpy as np

from core.gradient import numerical_gradient
from core.networks import TwoLayerNet
from core.optimizer import SGD

INPUT, HIDDEN, OUTPUT, BATCH = 784, 50, 10, 100


class PlainTwoLayerNet:
    """The reference: the book's layer computations written inline, with no checks.

    Like the book's layers it computes the loss and the first layer's dx as well.
    """

    def __init__(self, rng: np.random.Generator, dtype: type) -> None:
        self.params = {
            "W1": (0.01 * rng.standard_normal((INPUT, HIDDEN))).astype(dtype),
            "b1": np.zeros(HIDDEN, dtype),
            "W2": (0.01 * rng.standard_normal((HIDDEN, OUTPUT))).astype(dtype),
            "b2": np.zeros(OUTPUT, dtype),
        }

    def step(self, x: np.ndarray, t: np.ndarray, lr: float) -> float:
        p = self.params
        a1 = x @ p["W1"] + p["b1"]
        mask = a1 <= 0
        z1 = a1.copy()
        z1[mask] = 0
        scores = z1 @ p["W2"] + p["b2"]
        e = np.exp(scores - scores.max(axis=1, keepdims=True))
        y = e / e.sum(axis=1, keepdims=True)
        loss = -np.mean(np.log(y[np.arange(len(t)), t] + 1e-7))
        dy = y.copy()
        dy[np.arange(len(t)), t] -= 1
        dy /= len(t)
        grads = {"W2": z1.T @ dy, "b2": dy.sum(axis=0)}
        dz1 = dy @ p["W2"].T
        dz1[mask] = 0
        grads["W1"] = x.T @ dz1
        grads["b1"] = dz1.sum(axis=0)
        _dx = dz1 @ p["W1"].T
        for key in p:
            p[key] -= lr * grads[key]
        return float(loss)


def rate(step: Callable[[], object], seconds: float) -> float:
    """Calls per second of ``step`` over about ``seconds`` of wall time (after one warm-up)."""
    step()
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        step()
        count += 1
    return count / (time.perf_counter() - start)


def best_rates(
    steps: dict[str, Callable[[], object]], seconds: float, rounds: int = 5
) -> dict[str, float]:
    """The best rate of each step over ``rounds`` alternating runs, so that a busy moment of the
    machine hurts every contender alike and the best round shows what the code can do."""
    best = dict.fromkeys(steps, 0.0)
    for _ in range(rounds):
        for name, step in steps.items():
            best[name] = max(best[name], rate(step, seconds / rounds))
    return best


def compare_training(dtype: type, x: np.ndarray, t: np.ndarray, seconds: float) -> None:
    """Print training iterations per second of ``core`` and of the plain reference."""
    net = TwoLayerNet(INPUT, HIDDEN, OUTPUT, seed=0, dtype=dtype)
    optimizer = SGD(lr=0.1)
    plain = PlainTwoLayerNet(np.random.default_rng(0), dtype)

    def core_step() -> None:
        _, grads = net.loss_and_gradient(x, t)
        optimizer.update(net.params, grads)

    rates = best_rates({"core": core_step, "plain": lambda: plain.step(x, t, 0.1)}, seconds)
    print(
        f"  {np.dtype(dtype).name}: core {rates['core']:7.0f} it/s   "
        f"plain NumPy {rates['plain']:7.0f} it/s   core/plain {rates['core'] / rates['plain']:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="time per speed figure")
    parser.add_argument(
        "--numerical-sample",
        type=int,
        default=2000,
        help="weights nudged to time the numerical gradient (0: all 39 760, slow)",
    )
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    x_all = rng.random((10_000, INPUT))
    t_all = rng.integers(0, OUTPUT, 10_000)
    print(f"TwoLayerNet {INPUT}-{HIDDEN}-{OUTPUT}, batch {BATCH}, NumPy {np.__version__}")

    for dtype in (np.float64, np.float32):
        compare_training(dtype, x_all[:BATCH].astype(dtype), t_all[:BATCH], args.seconds)

    net = TwoLayerNet(INPUT, HIDDEN, OUTPUT, seed=0)
    x, t = x_all[:BATCH], t_all[:BATCH]
    backprop_seconds = (
        1 / best_rates({"backprop": lambda: net.gradient(x, t)}, args.seconds)["backprop"]
    )
    n_weights = net.param_count
    sample = n_weights if args.numerical_sample <= 0 else min(args.numerical_sample, n_weights)
    weights = net.params["W1"].reshape(-1)[:sample]  # a view: nudges reach the network
    start = time.perf_counter()
    numerical_gradient(lambda _: net.loss(x, t, train_flg=True), weights)
    numerical_seconds = (time.perf_counter() - start) * n_weights / sample
    how = "measured" if sample == n_weights else f"extrapolated from {sample} weights"
    print(
        f"  one gradient: backprop {backprop_seconds * 1e3:.2f} ms, numerical "
        f"{numerical_seconds:.1f} s ({how}; {2 * n_weights} loss evaluations), "
        f"ratio {numerical_seconds / backprop_seconds:,.0f}×"
    )

    start = time.perf_counter()
    net.accuracy(x_all, t_all)
    print(f"  accuracy over {len(x_all)} samples: {(time.perf_counter() - start) * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
