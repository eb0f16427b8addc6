"""How the training dashboard feels while it trains: prints figures, never passes or fails.

    uv run python benchmarks/gui_latency.py [--rounds 3] [--data all|digits|mnist] [--iterations N]

Trains in the real :class:`~zdl_gui.tabs.training_tab.TrainingTab` (offscreen unless
QT_QPA_PLATFORM says otherwise, with settings in a temporary folder) and prints, for the built-in
8×8 digits (TwoLayerNet 64-50-10, many tiny Python-heavy updates) and for MNIST-shaped data
(784-100-10 on 10 000 random 28×28 images, BLAS-heavy updates):

* the GUI thread's longest stall and its 99th percentile while training: a 5 ms ``QTimer``
  heartbeat records the time between its ticks; the stall is the gap beyond the 5 ms;
* the plot refresh rate: redraws that drew new data, per second of training;
* training iterations per second in the dashboard (from Start to the last record, snapshots of
  the network included) next to the same run headless (``Trainer.steps()`` in a plain loop);
* how long pause and stop take to act: from the call to the moment the worker thread stops
  between two updates (and, for pause, until the GUI thread hears of it). A numerical-gradient
  run shows the same inside one long update.

Targets from the issue: stall ≤ 50 ms, refresh ≥ 20 Hz, GUI ≥ 80 % of headless, pause and stop
≤ 100 ms. The machine's other load moves every figure; the best of ``--rounds`` rounds is shown
for the speeds, the worst for the stalls.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from core.trainer import Trainer
from core.training_runs import build_network, build_trainer, preferred_dtype
from zdl_gui.tabs.training_jobs import gui_friendly_blas

HEARTBEAT_MS = 5


@dataclass
class Heartbeat:
    """A 5 ms QTimer on the GUI thread; the gaps between its ticks show every stall."""

    gaps: list[float] = field(default_factory=list)
    ends: list[float] = field(default_factory=list)  # perf_counter() at the end of each gap
    recording: bool = False

    def __post_init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._tick)
        self.clock = QElapsedTimer()
        self.last = 0

    def start(self) -> None:
        self.clock.start()
        self.last = self.clock.nsecsElapsed()
        self.timer.start()

    def record(self, on: bool) -> None:
        """Start or stop recording; a new recording starts its first gap now."""
        if on:
            self.gaps.clear()
            self.ends.clear()
        self.last = self.clock.nsecsElapsed()
        self.recording = on

    def _tick(self) -> None:
        now = self.clock.nsecsElapsed()
        if self.recording:
            self.gaps.append((now - self.last) / 1e9)
            self.ends.append(time.perf_counter())
        self.last = now

    def stalls_ms(self) -> tuple[float, float]:
        """(longest, 99th percentile) of the gaps beyond the heartbeat's own 5 ms."""
        if not self.gaps:
            return float("nan"), float("nan")
        beyond = np.maximum(np.array(self.gaps) - HEARTBEAT_MS / 1000, 0.0) * 1000
        return float(beyond.max()), float(np.percentile(beyond, 99))


def wait_until(app: QApplication, condition, timeout: float = 60.0) -> bool:
    """Run the event loop until ``condition()`` holds (or ``timeout`` seconds pass)."""
    end = time.monotonic() + timeout
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(20)  # a faster poll would itself take the GIL from the worker often
    poll.timeout.connect(lambda: loop.quit() if condition() or time.monotonic() > end else None)
    poll.start()
    if not condition():
        loop.exec()
    poll.stop()
    return condition()


def choose(combo, key: str) -> None:
    combo.setCurrentIndex(combo.findData(key))


def configure(tab, *, iterations: int, hidden: str, method: str = "backprop") -> None:
    s = tab.setup
    choose(s.model_combo, "two_layer")
    s.hidden_edit.setText(hidden)
    choose(s.init_combo, "he")
    choose(s.optimizer_combo, "SGD")
    s.lr_edit.setText("0.1")
    s.batch_spin.setValue(100)
    choose(s.unit_combo, "iterations")
    s.length_spin.setValue(iterations)
    s.seed_spin.setValue(0)
    choose(s.method_combo, method)
    choose(tab.pace_combo, "full")


def headless_rate(tab, iterations: int, *, limited: bool) -> float:
    """Iterations per second of the same run with no GUI: Trainer.steps() in a plain loop.

    ``limited``: with the BLAS thread limit the dashboard's jobs use (CPUs − 1 threads).
    """
    dataset = tab.data.dataset
    config = tab.setup.read_config(dataset=tab.data.request.source)
    network = build_network(
        config,
        int(dataset.x_train[0].size),
        dataset.n_classes,
        dtype=preferred_dtype(config, len(dataset.x_train)),
    )
    trainer: Trainer = build_trainer(config, network, *dataset.train, *dataset.test)
    with gui_friendly_blas() if limited else contextlib.nullcontext():
        start = time.perf_counter()
        for _ in trainer.steps():
            pass
        return iterations / (time.perf_counter() - start)


def gui_run(
    app: QApplication, tab, heartbeat: Heartbeat, iterations: int, *, beat: bool
) -> dict[str, float]:
    """One run in the dashboard: iterations/s, redraws/s and (``beat``) the heartbeat's stalls.

    The 5 ms heartbeat wakes the GUI thread 200 times a second, and every wake-up takes the
    GIL from the worker for a moment: speeds are measured in runs without it.
    """
    settle = time.monotonic() + 0.5  # let the window catch up after the headless run blocked it
    wait_until(app, lambda: time.monotonic() > settle)
    redraws = tab.redraws
    if beat:
        heartbeat.timer.start()
    else:
        heartbeat.timer.stop()
    heartbeat.record(True)
    start, cpu = time.perf_counter(), time.thread_time()
    tab.start_run()
    wait_until(app, lambda: tab.state == "idle", timeout=600)
    seconds = time.perf_counter() - start
    cpu = time.thread_time() - cpu
    heartbeat.record(False)
    heartbeat.timer.start()
    longest, p99 = heartbeat.stalls_ms()
    if heartbeat.gaps:
        worst = int(np.argmax(heartbeat.gaps))
        where = heartbeat.ends[worst] - heartbeat.gaps[worst] - start  # when the stall began
    wait_until(app, lambda: tab.worker("eval") is None or tab.worker("eval").isFinished())
    return {
        "rate": iterations / seconds,
        "refresh": (tab.redraws - redraws) / seconds,
        "stall_max": longest,
        "stall_p99": p99,
        "seconds": seconds,
        "gui_busy": cpu / seconds,
        "worst_at": where / seconds if heartbeat.gaps else float("nan"),
        "steady_max": steady_max_ms(heartbeat, start, start + seconds),
    }


def steady_max_ms(heartbeat: Heartbeat, start: float, end: float) -> float:
    """The longest stall away from the first and last 10 % of a run (start and end work)."""
    span = end - start
    inside = [
        gap
        for gap, at in zip(heartbeat.gaps, heartbeat.ends, strict=True)
        if start + 0.1 * span <= at - gap and at <= end - 0.1 * span
    ]
    if not inside:
        return float("nan")
    return max(0.0, max(inside) * 1000 - HEARTBEAT_MS)


def control_latencies(app: QApplication, tab, repeats: int = 5) -> dict[str, list[float]]:
    """Pause (worker side and GUI side), resume and stop latencies during one long run, in ms."""
    tab.start_run()
    worker = tab.train_worker
    wait_until(app, lambda: tab.current_run is not None and len(tab.current_run.history) > 20)
    pause_worker, pause_gui, stop = [], [], []
    heard: list[float] = []
    worker.paused.connect(lambda _between: heard.append(time.perf_counter()))
    for _ in range(repeats):
        heard.clear()
        requested = time.perf_counter()
        worker.pause()
        wait_until(app, lambda: bool(heard), timeout=10)
        pause_worker.append((worker.paused_at - requested) * 1000)
        pause_gui.append((heard[0] - requested) * 1000)
        worker.resume()
        wait_until(app, lambda: not worker.is_paused, timeout=10)
        count = len(tab.current_run.history)
        wait_until(app, lambda c=count: len(tab.current_run.history) > c + 5, timeout=30)
    requested = time.perf_counter()
    worker.stop()
    worker.wait(5000)
    finished = time.perf_counter()
    stop.append((worker.stopped_at - requested) * 1000)
    wait_until(app, lambda: tab.state == "idle", timeout=10)
    return {
        "pause (worker)": pause_worker,
        "pause (GUI hears)": pause_gui,
        "stop (worker)": stop,
        "stop (thread ended)": [(finished - requested) * 1000],
    }


def mnist_like_npz(folder: Path, n_train: int = 10_000, n_test: int = 2_000) -> Path:
    """A Keras-style mnist.npz of random 28×28 images: MNIST's shape without the download."""
    rng = np.random.default_rng(0)
    path = folder / "mnist.npz"
    np.savez(
        path,
        x_train=rng.integers(0, 256, (n_train, 28, 28), dtype=np.uint8),
        y_train=rng.integers(0, 10, n_train).astype(np.uint8),
        x_test=rng.integers(0, 256, (n_test, 28, 28), dtype=np.uint8),
        y_test=rng.integers(0, 10, n_test).astype(np.uint8),
    )
    return path


def fmt(values: list[float]) -> str:
    return f"median {statistics.median(values):6.1f} ms, worst {max(values):6.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--iterations", type=int, help="updates per timed run (default 10 000 digits, 3 000 MNIST)"
    )
    parser.add_argument("--rounds", type=int, default=3, help="timed runs per data set")
    parser.add_argument(
        "--data", choices=["all", "digits", "mnist"], default="all", help="which data to train on"
    )
    parser.add_argument("--verbose", action="store_true", help="print every round")
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="zdl-bench-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(scratch))  # never real settings
    app = QApplication(sys.argv[:1])
    from zdl_gui.settings import Settings
    from zdl_gui.tabs.training_tab import TrainingTab

    tab = TrainingTab(Settings(QSettings(str(scratch / "bench.ini"), QSettings.Format.IniFormat)))
    tab.resize(1050, 720)
    tab.show()
    heartbeat = Heartbeat()
    heartbeat.start()
    print(f"Python {sys.version.split()[0]}, NumPy {np.__version__}, CPUs {os.cpu_count()}, "
          f"load average {os.getloadavg()[0]:.1f}, platform {app.platformName()}")  # fmt: skip

    cases = [
        ("digits 8×8, TwoLayerNet 64-50-10, batch 100", None, "50", 10_000),
        (
            "MNIST-shaped 28×28, TwoLayerNet 784-100-10, batch 100",
            mnist_like_npz(scratch),
            "100",
            3_000,
        ),
    ]
    if args.data != "all":
        cases = [case for case in cases if (case[1] is None) == (args.data == "digits")]
    for title, path, hidden, default_iterations in cases:
        iterations = args.iterations or default_iterations
        if path is not None:
            tab.use_files(str(path))
            wait_until(app, lambda: tab.data is not None and tab.data.dataset.name == "MNIST")
        else:
            wait_until(app, lambda: tab.data is not None, timeout=120)
        configure(tab, iterations=iterations, hidden=hidden)
        print(f"\n{title}, {iterations} updates per run:")
        runs, beats, headless, limited = [], [], [], []
        for _ in range(args.rounds):
            headless.append(headless_rate(tab, iterations, limited=False))
            limited.append(headless_rate(tab, iterations, limited=True))
            runs.append(gui_run(app, tab, heartbeat, iterations, beat=False))
            beats.append(gui_run(app, tab, heartbeat, iterations, beat=True))
            if args.verbose:
                print(
                    f"    round: headless {headless[-1]:.0f}, limited {limited[-1]:.0f}, {runs[-1]}"
                )
        best_gui = max(r["rate"] for r in runs)
        best_headless = max(headless)
        best_limited = max(limited)
        print(f"  GUI thread stall:      longest {max(r['stall_max'] for r in beats):6.1f} ms, "
              f"99th percentile {max(r['stall_p99'] for r in beats):5.1f} ms   (target ≤ 50 ms)")  # fmt: skip
        worst = max(beats, key=lambda r: r["stall_max"])
        print(f"                         the longest began {100 * worst['worst_at']:.0f} % into its run;"
              f" longest away from a run's first and last 10 %:"
              f" {max(r['steady_max'] for r in beats):.1f} ms")  # fmt: skip
        print(f"  plot refresh:          {min(r['refresh'] for r in runs):6.1f} Hz (slowest round)"
              f" … {max(r['refresh'] for r in runs):.1f} Hz   (target ≥ 20 Hz)")  # fmt: skip
        print(f"  training speed:        GUI {best_gui:7.0f} it/s, headless {best_headless:7.0f} it/s"
              f" → {100 * best_gui / best_headless:5.1f} %   (target ≥ 80 %)")  # fmt: skip
        print(f"                         headless with the dashboard's BLAS limit {best_limited:7.0f}"
              f" it/s → GUI is {100 * best_gui / best_limited:5.1f} % of it")  # fmt: skip
        with_beat = max(r["rate"] for r in beats)
        print(f"                         GUI with the 5 ms heartbeat running {with_beat:7.0f} it/s"
              f" → {100 * with_beat / best_headless:5.1f} % of headless")  # fmt: skip
        print(f"  GUI thread busy:       {100 * min(r['gui_busy'] for r in runs):5.1f} % … "
              f"{100 * max(r['gui_busy'] for r in runs):.1f} % of the run (CPU time of the GUI thread)")  # fmt: skip
        configure(tab, iterations=1_000_000, hidden=hidden)
        for name, values in control_latencies(app, tab).items():
            print(f"  {name + ':':22} {fmt(values)}   (target ≤ 100 ms)")

    wait_until(app, lambda: tab.data is not None)
    choose(tab.setup.source_combo, "digits")
    wait_until(app, lambda: tab.data is not None and tab.data.dataset.name == "digits", timeout=120)
    configure(tab, iterations=50, hidden="50", method="numerical")
    print("\nnumerical gradient, digits 64-50-10 (7 521 loss evaluations per update):")
    tab.start_run()
    worker = tab.train_worker
    wait_until(app, lambda: tab._numerical is not None, timeout=60)
    heard = []
    worker.paused.connect(lambda between: heard.append((time.perf_counter(), between)))
    requested = time.perf_counter()
    worker.pause()
    wait_until(app, lambda: bool(heard), timeout=10)
    inside = "inside an update" if heard and not heard[0][1] else "between updates"
    print(f"  pause acted after {(worker.paused_at - requested) * 1000:.1f} ms ({inside})")
    requested = time.perf_counter()
    worker.stop()
    worker.wait(5000)
    print(f"  stop acted after  {(worker.stopped_at - requested) * 1000:.1f} ms")
    wait_until(app, lambda: tab.state == "idle", timeout=10)

    heartbeat.timer.stop()
    tab.shutdown()
    tab.close()


if __name__ == "__main__":
    main()
