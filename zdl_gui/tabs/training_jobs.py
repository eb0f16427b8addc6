"""The jobs the training dashboard runs in a :class:`~zdl_gui.workers.GeneratorWorker` thread.

Each job is a generator function taking the worker; none touches a widget. They load data, train
(yielding ``core``'s :class:`~core.trainer.TrainStep` records and, at a calm rate, a
:class:`NetworkSnapshot` of what the network looks like inside), evaluate a network, and time
backprop against the numerical gradient (§4.5 against §5.7). Every array a snapshot holds is
computed afresh in the worker's thread, so the GUI never reads the weights while they change.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from core.datasets import Dataset, load_digits, load_mnist, load_toy
from core.network_views import (
    BoundaryGrid,
    DecisionMap,
    Histogram,
    Predictions,
    activation_histograms,
    boundary_grid,
    decision_map,
    evaluate_predictions,
    weight_histograms,
    weight_mosaic,
)
from core.trainer import Trainer, TrainStep
from core.training_runs import (
    GradientTiming,
    RunConfig,
    build_network,
    build_trainer,
    loss_evaluations_per_step,
    on_each_loss,
    preferred_dtype,
    time_gradient_methods,
)
from zdl_gui.workers import GeneratorWorker

#: Seconds between two snapshots of the network while training ("a calm rate").
SNAPSHOT_INTERVAL = 0.5
#: Test samples predicted for the live confusion matrix and gallery; all of them at the end.
LIVE_PREDICTIONS = 2000
#: Training samples whose activations make the live histograms.
ACTIVATION_SAMPLES = 500
#: Units drawn as images in the first-layer weight mosaic.
MOSAIC_TILES = 64
#: Grid points per side of the decision-boundary map.
BOUNDARY_RESOLUTION = 90
#: Seconds between two progress notes inside one numerical-gradient step.
NOTE_INTERVAL = 0.1
#: Points in a toy dataset (train and test together).
TOY_SAMPLES = 400


_blas_lock = threading.Lock()
_blas_users = 0
_blas_limiter: Any = None


@contextlib.contextmanager
def gui_friendly_blas() -> Iterator[None]:
    """Let BLAS use at most (CPUs − 1) threads while a job runs, leaving a core to the GUI.

    NumPy's OpenBLAS starts one thread per CPU for every matrix product; next to a GUI thread
    (and on a busy machine) those threads wait on each other, and the book's 784-50-10 updates
    become about three times slower. The limit is process-wide, so it is counted: the first job
    sets it, the last one to end restores it. Without threadpoolctl (scikit-learn brings it)
    nothing changes.
    """
    global _blas_users, _blas_limiter
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - scikit-learn depends on it
        yield
        return
    with _blas_lock:
        if _blas_users == 0:
            limit = max(1, (os.cpu_count() or 2) - 1)
            _blas_limiter = threadpool_limits(limits=limit, user_api="blas")
        _blas_users += 1
    try:
        yield
    finally:
        with _blas_lock:
            _blas_users -= 1
            if _blas_users == 0 and _blas_limiter is not None:
                _blas_limiter.restore_original_limits()
                _blas_limiter = None


@dataclass(frozen=True)
class DataRequest:
    """Which data to load: ``source`` is 'digits', 'mnist', 'fashion' or 'toy:<name>'."""

    source: str
    path: str = ""

    @property
    def toy_name(self) -> str | None:
        return self.source.partition(":")[2] if self.source.startswith("toy:") else None


@dataclass(frozen=True, eq=False)
class LoadedData:
    """A dataset with the request it answers and, for 2-D data, the decision-boundary grid."""

    request: DataRequest
    dataset: Dataset
    grid: BoundaryGrid | None
    seconds: float


@dataclass(frozen=True, eq=False)
class NetworkSnapshot:
    """The inside of the network after ``iteration`` updates (0: before training)."""

    iteration: int
    final: bool
    weights: dict[str, Histogram]
    activations: dict[str, Histogram]
    mosaic: tuple[np.ndarray, int] | None
    predictions: Predictions | None
    boundary: DecisionMap | None
    dataset: Dataset  # the data the predictions index into


@dataclass(frozen=True, eq=False)
class RunReady:
    """The network and trainer a training job built, sent before its first update."""

    network: Any
    trainer: Trainer


@dataclass(frozen=True)
class NumericalProgress:
    """Loss evaluations done so far in the current numerical-gradient update (§4.5)."""

    iteration: int
    done: int
    total: int


def load_data(request: DataRequest) -> Dataset:
    """Load what ``request`` names; raises DatasetError or ValueError on bad files."""
    toy = request.toy_name
    if toy is not None:
        return load_toy(toy, n_samples=TOY_SAMPLES, noise=0.12, seed=0)
    if request.source == "digits":
        return load_digits()
    if request.source in ("mnist", "fashion"):
        return load_mnist(Path(request.path), fashion=request.source == "fashion")
    raise ValueError(f"unknown data source {request.source!r}")


def load_job(worker: GeneratorWorker, request: DataRequest) -> Iterator[LoadedData]:
    """Load a dataset (MNIST from .gz files takes about a second) and make its grid."""
    start = time.perf_counter()
    dataset = load_data(request)
    worker.checkpoint()
    grid = (
        boundary_grid(dataset.x_train, BOUNDARY_RESOLUTION) if dataset.image_shape is None else None
    )
    yield LoadedData(request, dataset, grid, time.perf_counter() - start)


def take_snapshot(
    network: Any,
    data: LoadedData,
    iteration: int,
    *,
    final: bool = False,
) -> NetworkSnapshot:
    """Histograms, first-layer images, predictions and decision map of ``network`` now."""
    dataset = data.dataset
    sample = dataset.x_train[:ACTIVATION_SAMPLES]
    mosaic = None
    if dataset.image_shape is not None:
        mosaic = weight_mosaic(network.params["W1"], dataset.image_shape, max_tiles=MOSAIC_TILES)
    predictions = evaluate_predictions(
        network,
        dataset.x_test,
        dataset.t_test,
        dataset.n_classes,
        limit=None if final else LIVE_PREDICTIONS,
    )
    boundary = decision_map(network, data.grid) if data.grid is not None else None
    return NetworkSnapshot(
        iteration=iteration,
        final=final,
        weights=weight_histograms(network),
        activations=activation_histograms(network, sample),
        mosaic=mosaic,
        predictions=predictions,
        boundary=boundary,
        dataset=dataset,
    )


def training_job(
    worker: GeneratorWorker,
    config: RunConfig,
    data: LoadedData,
    *,
    snapshot_interval: float = SNAPSHOT_INTERVAL,
) -> Iterator[RunReady | TrainStep | NetworkSnapshot]:
    """Build the network and trainer of ``config`` (here: casting MNIST to the network's dtype
    takes a moment), then train, yielding every TrainStep and, before it, a NetworkSnapshot when
    one is due.

    A snapshot is due every ``snapshot_interval`` seconds, on every single step and on the last
    update. With the numerical gradient every loss evaluation is a checkpoint (pause and stop act
    inside the long update) and counts towards a :class:`NumericalProgress` note.
    """
    dataset = data.dataset
    network = build_network(
        config,
        int(dataset.x_train[0].size),
        dataset.n_classes,
        dtype=preferred_dtype(config, len(dataset.x_train)),
    )
    trainer = build_trainer(config, network, *dataset.train, *dataset.test)
    yield RunReady(network, trainer)
    yield take_snapshot(network, data, 0)
    last_snapshot = time.monotonic()
    numerical = trainer.gradient_method == "numerical"
    total = loss_evaluations_per_step(network.param_count) + 1  # + the loss itself
    counter = {"done": 0, "iteration": 1, "noted": time.monotonic()}

    def on_loss() -> None:
        worker.checkpoint()
        counter["done"] += 1
        now = time.monotonic()
        if now - counter["noted"] >= NOTE_INTERVAL:
            counter["noted"] = now
            worker.report(NumericalProgress(counter["iteration"], counter["done"], total))

    hook = on_each_loss(network, on_loss) if numerical else contextlib.nullcontext()
    with hook, gui_friendly_blas():
        for record in trainer.steps():
            now = time.monotonic()
            last = record.stop_reason is not None
            if last or worker.single_stepping or now - last_snapshot >= snapshot_interval:
                yield take_snapshot(network, data, record.iteration)
                last_snapshot = time.monotonic()
            yield record
            counter["done"], counter["iteration"] = 0, record.iteration + 1


def evaluation_job(
    worker: GeneratorWorker, network: Any, data: LoadedData, iteration: int
) -> Iterator[NetworkSnapshot]:
    """One final snapshot with every test sample predicted."""
    with gui_friendly_blas():
        snapshot = take_snapshot(network, data, iteration, final=True)
    yield snapshot


def timing_job(
    worker: GeneratorWorker, config: RunConfig, data: LoadedData
) -> Iterator[GradientTiming]:
    """Time one backprop update and one loss evaluation on a fresh copy of the network."""
    dataset = data.dataset
    network = build_network(config, int(np.prod(dataset.x_train.shape[1:])), dataset.n_classes)
    batch = min(config.batch_size, len(dataset.x_train))
    x = dataset.x_train[:batch].astype(network.dtype)
    with gui_friendly_blas():  # as in training, so the figures match what a run does
        timing = time_gradient_methods(network, x, dataset.t_train[:batch])
    yield timing


def is_train_step(item: object) -> bool:
    """What counts as one step for the worker's single step."""
    return isinstance(item, TrainStep)
