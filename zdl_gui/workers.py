"""Run a generator off the GUI thread: pause, resume, single step, stop, batched results.

:class:`GeneratorWorker` is a ``QThread`` whose :meth:`~GeneratorWorker.run` pulls items from a
*job*, a generator function called with the worker itself, and sends them to the GUI thread in
lists, at most one list every ``interval`` seconds (50 ms by default), so a job yielding
thousands of small records per second costs the GUI a few signals per second. It is the
machinery of the training dashboard and of any later lab that runs ``core`` code for a while::

    def job(worker):                     # runs in the worker's thread
        for record in trainer.steps():
            yield record

    worker = GeneratorWorker(job)
    worker.items.connect(self._on_items)  # list of records, in the GUI thread
    worker.done.connect(self._on_done)    # Outcome.FINISHED / STOPPED / FAILED
    worker.start()
    ...
    worker.pause(); worker.resume(); worker.step(); worker.stop()

The known traps of Qt threads in Python, and how this class avoids them:

* While ``run()`` loops, the thread has no event loop, so a *queued* call into it (a signal
  connected to a slot of an object living there, ``QTimer.singleShot``) would never be
  delivered. Control therefore goes through ``threading.Event`` flags that the GUI thread sets
  by calling :meth:`pause`, :meth:`resume`, :meth:`step` and :meth:`stop` directly.
* Subclassing ``QThread`` needs no ``moveToThread`` and no ``thread.started`` connection (which,
  connected to a lambda, would run in the main thread).
* Nothing calls ``deleteLater``: the owner keeps the worker and calls :meth:`shutdown`, which
  stops it and waits a bounded time, before dropping it. Destroying a running ``QThread`` would
  abort the process.

The job is only interrupted between two items, or wherever it calls :meth:`checkpoint` (which
blocks while paused and raises :class:`WorkerStopped` once Stop was asked): a long computation
inside one item, such as a numerical gradient, should call it often.
"""

from __future__ import annotations

import atexit
import contextlib
import enum
import threading
import time
import traceback
import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QThread, Signal

__all__ = ["GeneratorWorker", "Job", "Outcome", "WorkerError", "WorkerStopped", "shut_down_all"]

#: Seconds between two lists of items: 20 lists per second at most while items flow.
DEFAULT_INTERVAL = 0.05
#: How often a paused worker looks at the stop flag when nothing wakes it (a safety net only).
_PAUSE_POLL = 0.1


class WorkerStopped(Exception):  # noqa: N818 - a signal to unwind, not an error
    """Raised by :meth:`GeneratorWorker.checkpoint` inside a job when Stop has been asked."""


class Outcome(enum.Enum):
    """How a job ended."""

    FINISHED = "finished"  # the generator was exhausted
    STOPPED = "stopped"  # stop() was called (or the job raised WorkerStopped)
    FAILED = "failed"  # the job raised; ``failed`` carried the error first


@dataclass(frozen=True)
class WorkerError:
    """An exception raised inside a job, relayed to the GUI thread with its formatted traceback."""

    exception: BaseException
    traceback: str


Job = Callable[["GeneratorWorker"], Iterator[Any]]

_END = object()


class GeneratorWorker(QThread):
    """Runs ``job(self)`` in a thread of its own and batches what it yields.

    Parameters
    ----------
    job
        A generator function taking the worker (for :meth:`checkpoint`, :meth:`report` and
        :attr:`single_stepping`).
    interval
        Longest time, in seconds, that yielded items wait before they are sent as a list.
    is_step
        Which items count as one step for :meth:`step` (all of them by default): a single step
        runs until one such item has been yielded.
    start_paused
        Start in the paused state (then :meth:`step` runs exactly one step).
    """

    #: A list of the items yielded since the last list (never empty).
    items = Signal(object)
    #: The worker has paused; True when between two items, False inside one (at a checkpoint).
    paused = Signal(bool)
    #: The worker runs again after a pause.
    resumed = Signal()
    #: Anything the job passed to :meth:`report` (e.g. progress inside a long step).
    note = Signal(object)
    #: The job raised: a :class:`WorkerError`. ``done(Outcome.FAILED)`` follows.
    failed = Signal(object)
    #: The job has ended: an :class:`Outcome`. Always the last signal.
    done = Signal(object)

    _instances: ClassVar[weakref.WeakSet[GeneratorWorker]] = weakref.WeakSet()

    def __init__(
        self,
        job: Job,
        *,
        interval: float = DEFAULT_INTERVAL,
        is_step: Callable[[Any], bool] | None = None,
        start_paused: bool = False,
        name: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if name:
            self.setObjectName(name)
        self._job = job
        self._interval = float(interval)
        self._is_step = is_step
        self._stop = threading.Event()
        self._running = threading.Event()  # cleared while paused
        if not start_paused:
            self._running.set()
        self._step_pending = threading.Event()
        self._pace = 0.0
        self._buffer: list[Any] = []
        self._last_flush = 0.0
        self.outcome: Outcome | None = None
        #: perf_counter() when the worker last acted on a pause / on a stop (for benchmarks).
        self.paused_at: float | None = None
        self.stopped_at: float | None = None
        GeneratorWorker._instances.add(self)

    # --- control, called from the GUI thread ------------------------------------------------------

    def pause(self) -> None:
        """Pause after the current item (or at the job's next checkpoint)."""
        self._running.clear()

    def resume(self) -> None:
        """Run on after a pause; a pending single step is cancelled."""
        self._step_pending.clear()
        self._running.set()

    def toggle_pause(self) -> None:
        if self.is_paused:
            self.resume()
        else:
            self.pause()

    def step(self) -> None:
        """Run until one more step has been yielded, then pause."""
        self._step_pending.set()
        self._running.set()

    def stop(self) -> None:
        """Stop at the next item or checkpoint; a paused worker stops at once."""
        self._stop.set()
        self._running.set()  # wake a paused worker so it sees the stop

    def set_pace(self, seconds: float) -> None:
        """Wait at least ``seconds`` after each step (0: as fast as possible); any time."""
        self._pace = max(float(seconds), 0.0)

    @property
    def is_paused(self) -> bool:
        """Whether a pause has been asked for (the worker may still be finishing an item)."""
        return not self._running.is_set()

    @property
    def stop_requested(self) -> bool:
        return self._stop.is_set()

    def shutdown(self, timeout_ms: int = 2000) -> bool:
        """Stop the job and wait up to ``timeout_ms`` for the thread to end; True if it did."""
        self.stop()
        if not self.isRunning():
            return True
        return self.wait(timeout_ms)

    @classmethod
    def running_workers(cls) -> list[GeneratorWorker]:
        """Every worker whose thread is still running (for tests and shutdown checks)."""
        return [worker for worker in list(cls._instances) if worker.isRunning()]

    # --- for the job, called in the worker's thread -------------------------------------------------

    @property
    def single_stepping(self) -> bool:
        """True while a single step is being run (a job may then report more detail)."""
        return self._step_pending.is_set()

    def checkpoint(self) -> None:
        """Raise :class:`WorkerStopped` if Stop was asked; block while paused.

        Call it inside a long computation that belongs to one item; it costs two flag reads.
        """
        if self._stop.is_set():
            raise WorkerStopped
        if not self._running.is_set():
            self._wait_while_paused(between_items=False)

    def report(self, payload: object) -> None:
        """Send ``payload`` to the GUI thread at once through :attr:`note`."""
        self.note.emit(payload)

    # --- the thread -------------------------------------------------------------------------------

    def run(self) -> None:
        """Pull items from the job until it ends, failing or stopping; then emit ``done``."""
        generator: Iterator[Any] | None = None
        outcome = Outcome.FINISHED
        self._last_flush = time.monotonic()
        try:
            generator = iter(self._job(self))
            while True:
                if not self._running.is_set():
                    self._wait_while_paused(between_items=True)
                if self._stop.is_set():
                    raise WorkerStopped
                item = next(generator, _END)
                if item is _END:
                    break
                self._buffer.append(item)
                if self._is_step is None or self._is_step(item):
                    self._after_step()
                elif time.monotonic() - self._last_flush >= self._interval:
                    self._flush()
        except WorkerStopped:
            outcome = Outcome.STOPPED
        except Exception as exc:  # relayed to the GUI thread, never lost
            outcome = Outcome.FAILED
            self._flush()
            self.failed.emit(WorkerError(exc, traceback.format_exc()))
        finally:
            if outcome is Outcome.STOPPED:
                self.stopped_at = time.perf_counter()
            if generator is not None and hasattr(generator, "close"):
                # a job failing to clean up must not hide the outcome
                with contextlib.suppress(Exception):
                    generator.close()
            self._flush()
            self.outcome = outcome
            self.done.emit(outcome)

    def _after_step(self) -> None:
        if self._step_pending.is_set():
            self._step_pending.clear()
            self._running.clear()  # pause right here, after exactly one step
            self._flush()
            return
        if time.monotonic() - self._last_flush >= self._interval:
            self._flush()
        if self._pace > 0:
            self._flush()
            self._sleep(self._pace)

    def _sleep(self, seconds: float) -> None:
        """Wait ``seconds``, but no longer than a pause or a stop request (20 ms slices)."""
        end = time.monotonic() + seconds
        while self._running.is_set() and not self._stop.is_set():
            remaining = end - time.monotonic()
            if remaining <= 0:
                return
            self._stop.wait(min(remaining, 0.02))

    def _flush(self) -> None:
        if self._buffer:
            batch, self._buffer = self._buffer, []
            self.items.emit(batch)
        self._last_flush = time.monotonic()

    def _wait_while_paused(self, *, between_items: bool) -> None:
        self._flush()
        self.paused_at = time.perf_counter()
        self.paused.emit(between_items)
        while not self._running.wait(_PAUSE_POLL):
            if self._stop.is_set():
                break
        if self._stop.is_set():
            raise WorkerStopped
        self.resumed.emit()


#: Workers whose thread outlived :func:`shut_down_all`'s wait (one long NumPy call, a dataset
#: still loading): kept referenced so that Python never destroys a running QThread, which would
#: abort the process. They have been told to stop and end on their own; at exit we wait for them.
_ABANDONED: list[GeneratorWorker] = []


def shut_down_all(workers: Iterable[GeneratorWorker], seconds: float) -> None:
    """Stop every worker, then wait for them all, ``seconds`` at most in total.

    A worker still running after that is kept until its thread ends (waited for at exit), so a
    window closes in bounded time even while a job is inside one long computation.
    """
    workers = list(workers)
    for worker in workers:
        worker.stop()
    deadline = time.monotonic() + seconds
    for worker in workers:
        remaining = max(deadline - time.monotonic(), 0.0)
        if not worker.wait(int(remaining * 1000)):
            _ABANDONED.append(worker)


@atexit.register
def _wait_for_abandoned_workers() -> None:
    for worker in _ABANDONED:
        worker.wait(30_000)
