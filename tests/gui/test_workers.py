"""The generic GeneratorWorker: batching, pause/resume, single step, stop, errors, shutdown."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QThread

from zdl_gui import workers as workers_module
from zdl_gui.workers import GeneratorWorker, Outcome, WorkerError, WorkerStopped, shut_down_all


@pytest.fixture(autouse=True)
def no_thread_left_running():
    """Fail a test that leaves a worker thread running."""
    yield
    running = GeneratorWorker.running_workers()
    for worker in running:  # clean up so the next test starts fresh, then fail
        worker.shutdown(2000)
    assert not running, f"{len(running)} worker thread(s) still running after the test"


class Collector:
    """Everything a worker sent, in order."""

    def __init__(self, worker: GeneratorWorker) -> None:
        self.batches: list[list[object]] = []
        self.paused: list[bool] = []
        self.resumed = 0
        self.failed: list[WorkerError] = []
        self.notes: list[object] = []
        self.outcome: Outcome | None = None
        worker.items.connect(self.batches.append)
        worker.paused.connect(self.paused.append)
        worker.resumed.connect(self._on_resumed)
        worker.failed.connect(self.failed.append)
        worker.note.connect(self.notes.append)
        worker.done.connect(self._on_done)

    def _on_resumed(self) -> None:
        self.resumed += 1

    def _on_done(self, outcome: Outcome) -> None:
        self.outcome = outcome

    @property
    def items(self) -> list[object]:
        return [item for batch in self.batches for item in batch]


def endless(worker):
    """0, 1, 2, … with a little work per item (so the GUI thread gets the GIL too)."""
    i = 0
    while True:
        time.sleep(0.0005)
        yield i
        i += 1


def run_to_end(qtbot, worker, timeout=10_000):
    with qtbot.waitSignal(worker.done, timeout=timeout):
        worker.start()
    worker.wait(2000)


def test_items_arrive_in_order_in_few_batches(qtbot):
    worker = GeneratorWorker(lambda w: iter(range(20_000)))
    got = Collector(worker)
    run_to_end(qtbot, worker)
    qtbot.waitUntil(lambda: got.outcome is not None)
    assert got.items == list(range(20_000))
    assert len(got.batches) < 200  # batched every 50 ms, not one signal per item
    assert got.outcome is Outcome.FINISHED and worker.outcome is Outcome.FINISHED
    assert worker.isFinished()


def test_the_job_runs_in_the_worker_thread(qtbot):
    where = []

    def job(w):
        where.append(threading.get_ident())
        yield QThread.currentThread() is w

    worker = GeneratorWorker(job)
    got = Collector(worker)
    run_to_end(qtbot, worker)
    qtbot.waitUntil(lambda: got.outcome is not None)
    assert where[0] != threading.get_ident()
    assert got.items == [True]


def test_pause_stops_the_flow_and_resume_restarts_it(qtbot):
    worker = GeneratorWorker(endless)
    got = Collector(worker)
    worker.start()
    qtbot.waitUntil(lambda: len(got.items) > 10)
    with qtbot.waitSignal(worker.paused, timeout=2000) as paused:
        worker.pause()
    assert paused.args == [True]  # between two items
    assert worker.is_paused
    count = len(got.items)
    qtbot.assertNotEmitted(worker.items, wait=300)
    assert len(got.items) == count
    with qtbot.waitSignal(worker.resumed, timeout=2000):
        worker.resume()
    qtbot.waitUntil(lambda: len(got.items) > count + 10)
    assert got.items == list(range(len(got.items)))  # nothing lost, nothing repeated
    with qtbot.waitSignal(worker.done, timeout=2000):
        worker.stop()
    assert got.outcome is Outcome.STOPPED or worker.outcome is Outcome.STOPPED
    worker.wait(2000)


def test_stop_ends_the_job_and_closes_the_generator(qtbot):
    cleaned = threading.Event()

    def job(w):
        try:
            yield from endless(w)
        finally:
            cleaned.set()

    worker = GeneratorWorker(job)
    got = Collector(worker)
    worker.start()
    qtbot.waitUntil(lambda: len(got.items) > 5)
    requested = time.perf_counter()
    with qtbot.waitSignal(worker.done, timeout=2000) as done:
        worker.stop()
    assert done.args == [Outcome.STOPPED]
    assert cleaned.is_set()
    assert worker.stopped_at is not None and worker.stopped_at - requested < 1.0
    assert worker.wait(2000)


def test_a_paused_worker_stops_at_once(qtbot):
    worker = GeneratorWorker(endless, start_paused=True)
    got = Collector(worker)
    with qtbot.waitSignal(worker.paused, timeout=2000):
        worker.start()
    with qtbot.waitSignal(worker.done, timeout=2000):
        worker.stop()
    assert got.items == []
    worker.wait(2000)


def test_single_step_runs_exactly_one_step(qtbot):
    # only ints count as steps; the strings between them come along with their step
    def job(w):
        for i in range(100):
            yield f"before {i}"
            yield i

    worker = GeneratorWorker(job, is_step=lambda item: isinstance(item, int), start_paused=True)
    got = Collector(worker)
    with qtbot.waitSignal(worker.paused, timeout=2000):
        worker.start()
    for expected in range(3):
        with qtbot.waitSignal(worker.paused, timeout=2000):
            worker.step()
        qtbot.waitUntil(lambda n=expected: len(got.items) == 2 * (n + 1))
        assert got.items[-2:] == [f"before {expected}", expected]
    qtbot.assertNotEmitted(worker.items, wait=200)
    assert len(got.items) == 6
    worker.shutdown()


def test_checkpoint_makes_a_long_item_pausable_and_stoppable(qtbot):
    started = threading.Event()

    def job(w):
        started.set()
        while True:  # one item that would never end on its own
            w.checkpoint()
            time.sleep(0.0005)
        yield "never"

    worker = GeneratorWorker(job)
    got = Collector(worker)
    worker.start()
    qtbot.waitUntil(started.is_set)
    with qtbot.waitSignal(worker.paused, timeout=2000) as paused:
        worker.pause()
    assert paused.args == [False]  # inside an item
    with qtbot.waitSignal(worker.done, timeout=2000) as done:
        worker.stop()
    assert done.args == [Outcome.STOPPED]
    assert got.items == []
    worker.wait(2000)


def test_errors_are_relayed_to_the_gui_thread_then_done(qtbot):
    def job(w):
        yield 1
        raise ValueError("bad batch")

    worker = GeneratorWorker(job)
    got = Collector(worker)
    run_to_end(qtbot, worker)
    qtbot.waitUntil(lambda: got.outcome is not None)
    assert got.items == [1]  # what came before the error is not lost
    assert len(got.failed) == 1
    error = got.failed[0]
    assert isinstance(error.exception, ValueError) and "bad batch" in error.traceback
    assert got.outcome is Outcome.FAILED


def test_a_job_may_raise_worker_stopped_itself(qtbot):
    def job(w):
        yield 1
        raise WorkerStopped

    worker = GeneratorWorker(job)
    got = Collector(worker)
    run_to_end(qtbot, worker)
    qtbot.waitUntil(lambda: got.outcome is not None)
    assert got.outcome is Outcome.STOPPED and got.failed == []


def test_report_sends_notes_at_once(qtbot):
    def job(w):
        w.report("halfway")
        yield 1

    worker = GeneratorWorker(job)
    got = Collector(worker)
    run_to_end(qtbot, worker)
    qtbot.waitUntil(lambda: got.outcome is not None)
    assert got.notes == ["halfway"]


def test_pace_slows_the_steps_and_a_pause_still_acts(qtbot):
    worker = GeneratorWorker(lambda w: iter(range(1000)))
    worker.set_pace(0.2)
    got = Collector(worker)
    worker.start()
    qtbot.waitUntil(lambda: len(got.items) >= 1)
    with qtbot.waitSignal(worker.paused, timeout=1000):
        worker.pause()
    assert len(got.items) < 20
    assert worker.shutdown()


def test_shutdown_of_a_busy_worker_is_bounded_and_leaves_nothing_running(qtbot):
    worker = GeneratorWorker(endless)
    worker.start()
    qtbot.waitUntil(worker.isRunning)
    start = time.perf_counter()
    assert worker.shutdown(2000)
    assert time.perf_counter() - start < 2.0
    assert worker.isFinished()
    assert worker not in GeneratorWorker.running_workers()


def test_shut_down_all_shares_one_deadline_and_keeps_a_stuck_worker_alive(qtbot):
    """Two stoppable workers end at once; one stuck inside a long item outlives the deadline and
    is kept referenced (a running QThread must never be destroyed) until it ends by itself."""
    entered, release = threading.Event(), threading.Event()

    def stoppable(worker):
        while True:
            worker.checkpoint()
            time.sleep(0.001)
            yield 1

    def stuck(_worker):
        entered.set()
        release.wait(10)  # one long computation that never looks at the stop flag
        yield 1

    quick = [GeneratorWorker(stoppable), GeneratorWorker(stoppable)]
    slow = GeneratorWorker(stuck)
    for worker in (*quick, slow):
        worker.start()
    qtbot.waitUntil(lambda: all(w.isRunning() for w in quick))
    assert entered.wait(5)  # the stuck worker is inside its item, past any stop check
    start = time.perf_counter()
    shut_down_all([*quick, slow], seconds=0.3)
    assert time.perf_counter() - start < 2.0  # bounded: one deadline for all, not one each
    assert all(w.isFinished() for w in quick)
    assert slow.isRunning() and slow in workers_module._ABANDONED
    release.set()
    qtbot.waitUntil(slow.isFinished, timeout=5000)
