"""The training dashboard (§4.5, §5.7, §6): a network learns, live, and never freezes the window.

``core``'s :class:`~core.trainer.Trainer` runs in a :class:`~zdl_gui.workers.GeneratorWorker`
thread (:func:`~zdl_gui.tabs.training_jobs.training_job`); its records arrive here in lists about
25 times a second and are only appended to the run's preallocated arrays. A 30 Hz timer hands the
arrays to the plots when something changed, and shows the snapshots of the network's insides the
worker takes every half second. Start, pause, resume, single step, stop and reset act within a
fraction of a second, even inside one long numerical-gradient update (§4.5), whose progress is
counted loss evaluation by loss evaluation.

The pages: the curves (with earlier runs overlaid), the inside of the network (first-layer
weights as images, histograms of §6.2), the predictions (confusion matrix, gallery with the
mistakes first), the data, and the decision boundary of the 2-D toy sets. Divergence (NaN) and a
run that is not learning (the loss stuck at −log(1/C), or near the cross-entropy's cap −log δ)
are explained next to the controls; the curves so far stay.
"""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Mapping
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.dataset_sources import candidate_paths, find_mnist
from core.datasets import DatasetError
from core.networks import MultiLayerNet
from core.trainer import StopReason, Trainer, TrainStep
from core.training_runs import (
    MAX_ITERATIONS,
    LearningState,
    build_network,
    chance_loss,
    check_learning,
    loss_evaluations_per_step,
    planned_length,
    planned_param_count,
    run_progress,
)
from zdl_gui.settings import Settings
from zdl_gui.tabs import training_text as T
from zdl_gui.tabs.base import StudyTab, Table, run_standalone
from zdl_gui.tabs.dataset_panel import DatasetView
from zdl_gui.tabs.decision_boundary import DecisionBoundaryView
from zdl_gui.tabs.network_inspector import NetworkInspector
from zdl_gui.tabs.prediction_gallery import PredictionView
from zdl_gui.tabs.training_jobs import (
    DataRequest,
    LoadedData,
    NetworkSnapshot,
    NumericalProgress,
    RunReady,
    evaluation_job,
    is_train_step,
    load_job,
    timing_job,
    training_job,
)
from zdl_gui.tabs.training_plots import Run, TrainingCurves
from zdl_gui.tabs.training_setup import TrainingSetupPanel
from zdl_gui.widgets.inline_message import InlineMessage, Level
from zdl_gui.widgets.sizing import panes, vertical_scroll
from zdl_gui.workers import GeneratorWorker, Job, Outcome, WorkerError, shut_down_all

#: Redraw period of the plots (≈ 30 Hz).
REDRAW_MS = 33
#: The training worker sends its records every 40 ms (25 lists a second), so the plots can
#: move at 25 Hz while the GUI thread handles one small signal per frame.
TRAIN_BATCH_SECONDS = 0.04
#: Seconds between two updates of the progress text (the bar moves every frame).
PROGRESS_TEXT_PERIOD = 0.2
#: Seconds between two checks of whether the run is learning.
CHECK_INTERVAL = 0.5
#: The longest shutdown() waits for the worker threads, in total.
SHUTDOWN_SECONDS = 2.0
#: Updates the not-learning check looks back over.
LEARNING_WINDOW = 200

PAGE_CURVES, PAGE_INSIDE, PAGE_PREDICTIONS, PAGE_DATA, PAGE_BOUNDARY = range(5)


class TrainingTab(StudyTab):
    """Train a network live on digits, MNIST or 2-D points, and look inside it (§4.5, §5.7, §6)."""

    topic_id = "training"

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(settings, parent)
        self._ready = False
        self._data: LoadedData | None = None
        self._workers: dict[str, GeneratorWorker | None] = {
            "load": None,
            "train": None,
            "eval": None,
            "time": None,
        }
        self._retired: list[GeneratorWorker] = []
        self._state = "idle"  # "idle", "running" or "paused"
        self._paused_cleanly = True
        self._network: MultiLayerNet | None = None
        self._trainer: Trainer | None = None
        self._run: Run | None = None
        self._snapshot: NetworkSnapshot | None = None
        self._snapshot_new = False
        self._numerical: NumericalProgress | None = None
        self._dirty = False
        self._last_check = 0.0
        self._progress_at = 0.0
        self._evaluating_loaded: str | None = None
        self._loading = False
        self._wall_total = 0.0  # wall-clock seconds the run has been going, pauses left out
        self._wall_since: float | None = None
        self._run_classes = 10
        self._plan = (1, 1)  # (updates, updates per epoch) of the current run
        #: Plot refreshes that drew something (read by the latency benchmark).
        self.redraws = 0

        # --- the left panel ---
        self.setup = TrainingSetupPanel()
        self.setup_scroll = vertical_scroll(self.setup)
        self.setup_scroll.setMinimumWidth(300)

        # --- controls, progress, messages ---
        self.start_button = QPushButton()
        self.start_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.pause_button = QPushButton()
        self.pause_button.setShortcut(QKeySequence("Ctrl+P"))
        self.step_button = QPushButton()
        self.step_button.setShortcut(QKeySequence("Ctrl+Right"))
        self.stop_button = QPushButton()
        self.stop_button.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.reset_button = QPushButton()
        self.pace_label = QLabel()
        self.pace_combo = QComboBox()
        for key, _seconds, _name in T.PACES:
            self.pace_combo.addItem("", key)
        self.pace_label.setBuddy(self.pace_combo)
        buttons = QHBoxLayout()
        for button in (
            self.start_button,
            self.pause_button,
            self.step_button,
            self.stop_button,
            self.reset_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.pace_label)
        buttons.addWidget(self.pace_combo)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        # a fixed two-line height: the text changes 25 times a second, the layout must not
        self.progress_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.run_message = InlineMessage()
        self.learning_message = InlineMessage()
        self.learning_message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        # --- pages ---
        self.curves = TrainingCurves()
        self.inspector = NetworkInspector()
        self.predictions = PredictionView()
        self.data_view = DatasetView()
        self.boundary = DecisionBoundaryView()
        self.pages = QTabWidget()
        for page in (self.curves, self.inspector, self.predictions, self.data_view, self.boundary):
            self.pages.addTab(page, "")

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 0, 0, 0)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.progress)
        right_layout.addWidget(self.progress_label)
        right_layout.addWidget(self.run_message)
        right_layout.addWidget(self.learning_message)
        right_layout.addWidget(self.pages, 1)
        splitter = panes(
            Qt.Orientation.Horizontal, self.setup_scroll, right, stretch=(0, 1), sizes=[340, 710]
        )
        outer = QVBoxLayout(self)
        outer.addWidget(splitter)

        self.redraw_timer = QTimer(self)
        self.redraw_timer.setInterval(REDRAW_MS)
        self.redraw_timer.timeout.connect(self._redraw)

        self.start_button.clicked.connect(self.start_run)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.step_button.clicked.connect(self.single_step)
        self.stop_button.clicked.connect(self.stop_run)
        self.reset_button.clicked.connect(self.reset)
        self.pace_combo.currentIndexChanged.connect(self._on_pace)
        self.pages.currentChanged.connect(self._on_page_changed)
        self.setup.source_changed.connect(self._on_source_changed)
        self.setup.choose_requested.connect(self.choose_files)
        self.setup.time_requested.connect(self.time_methods)
        self.setup.save_requested.connect(self.save_params_dialog)
        self.setup.load_requested.connect(self.load_params_dialog)
        self.curves.runs_changed.connect(self._sync_buttons)

        self.finish_setup()
        self._ready = True
        self._request_data()
        self._sync_buttons()

    # --- StudyTab -------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Training dashboard"))
        self.progress_label.setFixedHeight(2 * self.progress_label.fontMetrics().lineSpacing() + 4)
        self.setup.retranslate_ui()
        self.curves.retranslate_ui()
        self.inspector.retranslate_ui()
        self.predictions.retranslate_ui()
        self.data_view.retranslate_ui()
        self.boundary.retranslate_ui()
        self.start_button.setText(self.tr("Start"))
        self.start_button.setToolTip(
            self.tr(
                "Build a fresh network with the settings on the left and train it (Ctrl+Enter)."
            )
        )
        self.step_button.setText(self.tr("Step"))
        self.step_button.setToolTip(
            self.tr("Do exactly one update (one mini-batch), then pause (Ctrl+→).")
        )
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("End the run here; its curves stay (Esc)."))
        self.reset_button.setText(self.tr("Reset"))
        self.reset_button.setToolTip(
            self.tr("Stop and remove the current run's curves; earlier runs stay.")
        )
        self.pace_label.setText(self.tr("Speed"))
        for index, (_key, _seconds, name) in enumerate(T.PACES):
            self.pace_combo.setItemText(index, T.translated(name))
        self.pace_combo.setToolTip(self.tr("Slow the training down to watch it; any time."))
        for index, title in enumerate(
            (
                self.tr("Curves"),
                self.tr("Inside the network"),
                self.tr("Predictions"),
                self.tr("Data"),
                self.tr("Decision boundary"),
            )
        ):
            self.pages.setTabText(index, title)
        self.pages.setTabToolTip(
            PAGE_BOUNDARY, self.tr("For the 2-D point sets: what the network predicts where.")
        )
        self._sync_buttons()
        self._show_progress()

    def persistent_widgets(self) -> Mapping[str, QWidget]:
        widgets = dict(self.setup.persistent_widgets())
        widgets.update(
            pace=self.pace_combo,
            x_axis=self.curves.x_combo,
            smoothing=self.curves.smoothing_slider,
            page=self.pages,
        )
        return widgets

    def plot_for_export(self) -> pg.PlotItem | None:
        page = self.pages.currentIndex()
        if page == PAGE_INSIDE:
            return self.inspector.weight_hist_plot.plotItem
        if page == PAGE_DATA:
            return self.data_view.samples_plot.plotItem
        if page == PAGE_BOUNDARY:
            return self.boundary.plot.plotItem
        if page == PAGE_PREDICTIONS:
            return None
        return self.curves.loss_plot.plotItem

    def table_for_export(self) -> Table | None:
        return self.curves.table() if self.curves.runs else None

    def shutdown(self) -> None:
        """Stop every worker and wait for their threads, at most 2 s in all; stop the timers."""
        self.redraw_timer.stop()
        self.curves.stop_timers()
        workers = (w for w in (*self._workers.values(), *self._retired) if w is not None)
        shut_down_all(workers, SHUTDOWN_SECONDS)
        self._workers = dict.fromkeys(self._workers)
        self._retired.clear()
        self._state = "idle"
        super().shutdown()

    # --- workers --------------------------------------------------------------------------------

    def worker(self, role: str) -> GeneratorWorker | None:
        """The current worker for ``role`` ('load', 'train', 'eval' or 'time'), if any."""
        return self._workers.get(role)

    @property
    def train_worker(self) -> GeneratorWorker | None:
        return self._workers["train"]

    def _launch(self, role: str, job: Job, **options: object) -> GeneratorWorker:
        """Start ``job`` as the new worker for ``role``; an older one is stopped and retired."""
        self._retire(role)
        worker = GeneratorWorker(job, name=f"zdl-{role}", **options)  # type: ignore[arg-type]
        worker.done.connect(self._on_worker_done)
        self._workers[role] = worker
        return worker

    def _retire(self, role: str) -> None:
        old = self._workers.get(role)
        self._workers[role] = None
        if old is None:
            return
        old.stop()
        if old.isRunning():
            self._retired.append(old)  # kept until its thread has ended
        else:
            old.wait()

    def _is_current(self, role: str) -> bool:
        sender = self.sender()
        return sender is not None and sender is self._workers.get(role)

    @Slot(object)
    def _on_worker_done(self, _outcome: Outcome) -> None:
        sender = self.sender()
        if isinstance(sender, GeneratorWorker) and sender in self._retired:
            sender.wait(1000)
            self._retired.remove(sender)
        if sender is self._workers["load"]:
            self._loading = False
        self._sync_buttons()

    # --- data -------------------------------------------------------------------------------------

    def _path_key(self, source: str) -> str:
        return self._key(f"{source}_path")

    def _find_files(self, source: str) -> Path | None:
        remembered = self.settings.value(self._path_key(source), "")
        candidates = candidate_paths(
            fashion=source == "fashion", remembered=[remembered] if remembered else []
        )
        return find_mnist(candidates)

    @Slot(str)
    def _on_source_changed(self, _source: str) -> None:
        if self._ready:
            self._request_data()

    def _request_data(self) -> None:
        source = self.setup.source()
        self.setup.data_message.clear_message()
        if source in ("mnist", "fashion"):
            path = self._find_files(source)
            if path is None:
                self._retire("load")
                self._loading = False
                self._set_data(None)
                self.setup.set_path("")
                self.setup.data_message.show_message(
                    self.tr(
                        "No {0} files found in the usual places (./dataset, ~/dataset, "
                        "~/.keras/datasets …). Press Choose… and pick the book's mnist.pkl, a "
                        "mnist.npz, or one of the four IDX files (train-images-idx3-ubyte.gz …)."
                    ).format("Fashion-MNIST" if source == "fashion" else "MNIST"),
                    Level.WARNING,
                )
                return
            self.setup.set_path(str(path))
            self.load_data(DataRequest(source, str(path)))
        else:
            self.load_data(DataRequest(source))

    def load_data(self, request: DataRequest) -> None:
        """Load ``request`` in a worker thread; the current data stays until it has arrived."""
        worker = self._launch("load", functools.partial(load_job, request=request))
        worker.items.connect(self._on_data_loaded)
        worker.failed.connect(self._on_data_failed)
        self._loading = True
        self.setup.data_info.setText(self.tr("Loading…"))
        self._sync_buttons()
        worker.start()

    @Slot(object)
    def _on_data_loaded(self, items: list[object]) -> None:
        if not self._is_current("load"):
            return
        loaded = items[-1]
        assert isinstance(loaded, LoadedData)
        self._loading = False
        request = loaded.request
        if request.source in ("mnist", "fashion"):
            self.settings.set_value(self._path_key(request.source), request.path)
        self._set_data(loaded)

    @Slot(object)
    def _on_data_failed(self, error: WorkerError) -> None:
        if not self._is_current("load"):
            return
        self._loading = False
        self._set_data(None)
        exc = error.exception
        if isinstance(exc, (DatasetError, ValueError, OSError)):
            self.setup.data_message.show_message(
                self.tr(
                    "Could not read these files: {0}\nPress Choose… and pick the book's "
                    "mnist.pkl, a mnist.npz, or the folder's train-images-idx3-ubyte.gz."
                ).format(exc)
            )
        else:
            print(error.traceback, file=sys.stderr)
            self.setup.data_message.show_message(
                self.tr("Loading failed: {0}: {1}").format(type(exc).__name__, exc)
            )

    def _set_data(self, loaded: LoadedData | None) -> None:
        self._data = loaded
        self._retire("eval")  # what was shown belongs to the data before
        self._retire("time")
        self._snapshot, self._snapshot_new = None, False
        self.inspector.clear()
        self.predictions.clear()
        self.setup.show_timing(None)
        if loaded is None:
            self.setup.data_info.setText(self.tr("No data loaded."))
        else:
            data = loaded.dataset
            self.setup.data_info.setText(
                self.tr("{0}: {1} training, {2} test samples, {3} classes.").format(
                    data.name, T.count(len(data.x_train)), T.count(len(data.x_test)), data.n_classes
                )
            )
            self.setup.set_data_shape(
                int(data.x_train[0].size), data.n_classes, image=data.image_shape is not None
            )
        self.data_view.show_dataset(None if loaded is None else loaded.dataset)
        self.boundary.set_data(loaded)
        self.pages.setTabEnabled(PAGE_BOUNDARY, loaded is not None and loaded.grid is not None)
        self._sync_buttons()
        if self._run is None:
            self._show_progress()  # "Press Start…" now that there is data

    @property
    def data(self) -> LoadedData | None:
        return self._data

    @Slot()
    def choose_files(self) -> None:
        """Ask for MNIST files (mnist.pkl, mnist.npz or an IDX file) and load them."""
        start = self.setup.path_edit.text() or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose MNIST files"),
            start,
            self.tr("MNIST files (*.pkl *.npz *.gz *-ubyte);;All files (*)"),
        )
        if path:
            self.use_files(path)

    def use_files(self, path: str) -> None:
        """Load MNIST (or Fashion-MNIST, as chosen) from ``path``: a .pkl, a .npz, an IDX file
        (its folder is used) or a folder."""
        source = self.setup.source()
        if source not in ("mnist", "fashion"):
            self.setup.set_source("mnist")
            source = "mnist"
        chosen = Path(path)
        if chosen.is_file() and chosen.suffix.lower() not in (".pkl", ".npz"):
            chosen = chosen.parent  # one of the four IDX files: the folder holds them all
        self.setup.set_path(str(chosen))
        self.setup.data_message.clear_message()
        self.load_data(DataRequest(source, str(chosen)))

    # --- the run ----------------------------------------------------------------------------------

    @property
    def state(self) -> str:
        """'idle', 'running' or 'paused'."""
        return self._state

    @property
    def current_run(self) -> Run | None:
        return self._run

    @property
    def network(self) -> object | None:
        return self._network

    @Slot()
    def start_run(self, *, paused: bool = False) -> bool:
        """Build a fresh network and trainer from the settings and start training it."""
        if self._data is None or self._state != "idle":
            return False
        source = self._data.request.source
        config = self.setup.read_config(dataset=source)
        if config is None:
            self.run_message.show_message(self.tr("Fix the settings marked on the left first."))
            return False
        dataset = self._data.dataset
        max_iter, per_epoch = planned_length(config, len(dataset.x_train))
        if max_iter > MAX_ITERATIONS:
            self.run_message.show_message(
                self.tr("Cannot start: {0} updates is more than the {1} allowed.").format(
                    T.count(max_iter), T.count(MAX_ITERATIONS)
                )
            )
            return False
        self._retire("eval")
        self._network, self._trainer = None, None  # built in the worker, sent by RunReady
        self._plan = (max_iter, per_epoch)
        self._run_classes = dataset.n_classes
        self._run = self.curves.new_run(config, max_iter, max_iter / per_epoch)
        self._snapshot, self._snapshot_new, self._numerical = None, False, None
        self._watch_learning()
        if config.gradient_method == "numerical":
            self.run_message.show_message(
                self.tr(
                    "Numerical gradient (§4.5): every update evaluates the loss {0} times, "
                    "so it is slow; the line above counts them. Pause and Stop act at once."
                ).format(
                    T.count(
                        loss_evaluations_per_step(
                            planned_param_count(
                                config, int(dataset.x_train[0].size), dataset.n_classes
                            )
                        )
                        + 1
                    )
                ),
                Level.INFO,
            )
        else:  # keeps the message's room, so the plots need not move when the run ends
            self.run_message.show_message(
                self.tr("Training… the settings on the left are locked until the run ends."),
                Level.INFO,
            )
        worker = self._launch(
            "train",
            functools.partial(training_job, config=config, data=self._data),
            is_step=is_train_step,
            start_paused=paused,
            interval=TRAIN_BATCH_SECONDS,
        )
        worker.items.connect(self._on_train_items)
        worker.note.connect(self._on_train_note)
        worker.paused.connect(self._on_train_paused)
        worker.resumed.connect(self._on_train_resumed)
        worker.failed.connect(self._on_train_failed)
        worker.done.connect(self._on_train_done)
        worker.set_pace(self._pace_seconds())
        self._state = "paused" if paused else "running"
        self._wall_total, self._wall_since = 0.0, None if paused else time.monotonic()
        self._paused_cleanly = True
        self.setup.set_busy(True)
        self.curves.set_active(True)
        self._sync_buttons()
        self._show_progress()
        worker.start()
        self.redraw_timer.start()
        return True

    @Slot()
    def toggle_pause(self) -> None:
        worker = self._workers["train"]
        if worker is None or self._state == "idle":
            return
        if self._state == "running":
            worker.pause()
            self._state = "paused"
        else:
            worker.resume()
            self._state = "running"
        self._sync_buttons()
        self._show_progress()

    @Slot()
    def single_step(self) -> None:
        """One update, then pause; starts a paused run first if none is going."""
        if self._state == "idle" and not self.start_run(paused=True):
            return
        worker = self._workers["train"]
        if worker is not None:
            worker.step()
            self._state = "paused"
            self._sync_buttons()

    @Slot()
    def stop_run(self) -> None:
        worker = self._workers["train"]
        if worker is not None and self._state != "idle":
            worker.stop()

    @Slot()
    def reset(self) -> None:
        """Stop the run and remove its curves and what it showed; earlier runs stay."""
        worker = self._workers["train"]
        if worker is not None:
            worker.stop()
            worker.wait(int(SHUTDOWN_SECONDS * 1000))
        self._retire("train")
        self._retire("eval")
        if self._run is not None and self._run in self.curves.runs:
            self.curves.remove_run(self._run)
        self._run, self._network, self._trainer = None, None, None
        self._snapshot, self._numerical = None, None
        self._end_run()
        self.run_message.clear_message()
        self.learning_message.clear_message()
        self.learning_message.setMinimumHeight(0)
        self.inspector.clear()
        self.predictions.clear()
        self.boundary.set_data(self._data)
        self._show_progress()

    def _pace_seconds(self) -> float:
        key = self.pace_combo.currentData()
        return next((seconds for k, seconds, _n in T.PACES if k == key), 0.0)

    @Slot(int)
    def _on_pace(self, _index: int) -> None:
        worker = self._workers["train"]
        if worker is not None:
            worker.set_pace(self._pace_seconds())

    # --- what the worker sends ------------------------------------------------------------------

    @Slot(object)
    def _on_train_items(self, items: list[object]) -> None:
        """Keep this cheap: append to the arrays and mark the plots dirty."""
        if not self._is_current("train") or self._run is None:
            return
        steps = []
        for item in items:
            if isinstance(item, TrainStep):
                steps.append(item)
            elif isinstance(item, NetworkSnapshot):
                self._snapshot, self._snapshot_new = item, True
            elif isinstance(item, RunReady):
                self._network, self._trainer = item.network, item.trainer
                self._sync_buttons()
        if steps:
            self._run.history.extend(steps)
            self._numerical = None
        self._dirty = True

    @Slot(object)
    def _on_train_note(self, note: object) -> None:
        if self._is_current("train") and isinstance(note, NumericalProgress):
            self._numerical = note
            self._dirty = True

    @Slot(bool)
    def _on_train_paused(self, between_items: bool) -> None:
        if not self._is_current("train"):
            return
        self._state = "paused"
        self._paused_cleanly = between_items
        self._clock(running=False)
        self._sync_buttons()
        self._redraw(force=True)
        self._show_progress()

    @Slot()
    def _on_train_resumed(self) -> None:
        if not self._is_current("train"):
            return
        self._clock(running=True)
        worker = self._workers["train"]
        if worker is not None and not worker.is_paused and not worker.single_stepping:
            self._state = "running"
            self._sync_buttons()

    def _clock(self, *, running: bool) -> None:
        """Count wall-clock time only while the worker runs."""
        now = time.monotonic()
        if self._wall_since is not None:
            self._wall_total += now - self._wall_since
        self._wall_since = now if running else None

    def _wall(self) -> float:
        since = self._wall_since
        return self._wall_total + (time.monotonic() - since if since is not None else 0.0)

    @Slot(object)
    def _on_train_failed(self, error: WorkerError) -> None:
        if not self._is_current("train"):
            return
        print(error.traceback, file=sys.stderr)
        self.run_message.show_message(
            self.tr("The training stopped with an error: {0}: {1}").format(
                type(error.exception).__name__, error.exception
            )
        )

    @Slot(object)
    def _on_train_done(self, outcome: Outcome) -> None:
        if not self._is_current("train"):
            return
        self._end_run()
        self._redraw(force=True)
        run = self._run
        if run is None:
            return
        history = run.history
        if history.stop_reason is StopReason.DIVERGED and history.last is not None:
            self.run_message.show_message(
                self.tr(
                    "The loss became {0} at iteration {1}, so training stopped; the curves so far "
                    "stay. The learning rate η = {2} is probably too large: try one 10 times "
                    "smaller."
                ).format(
                    T.number(history.last.loss),
                    T.count(history.last.iteration),
                    T.number(run.config.lr),
                )
            )
        elif outcome is Outcome.FINISHED and history.last is not None:
            accuracy = history.eval_column("test_acc")
            self.run_message.show_message(
                self.tr("Finished {0} updates ({1} epochs) in {2}: test accuracy {3}.").format(
                    T.count(history.last.iteration),
                    T.number(history.last.epoch, 3),
                    T.duration(history.seconds_total),
                    T.percent(accuracy[-1]) if len(accuracy) else "–",
                ),
                Level.INFO,
            )
        elif outcome is Outcome.STOPPED:
            done = history.last.iteration if history.last is not None else 0
            total = self._plan[0]
            self.run_message.show_message(
                self.tr("Stopped after {0} of {1} updates.").format(T.count(done), T.count(total)),
                Level.INFO,
            )
        self._check_learning()
        if outcome is not Outcome.FAILED and self._network is not None and self._data is not None:
            self._evaluate(history.last.iteration if history.last is not None else 0)

    def _end_run(self) -> None:
        self._clock(running=False)
        self._state = "idle"
        self._numerical = None
        self.redraw_timer.stop()
        self.setup.set_busy(False)
        self.curves.set_active(False)
        self._sync_buttons()

    def _evaluate(self, iteration: int, *, loaded_from: str | None = None) -> None:
        """Predict every test sample with the current network (in a worker) and show it all."""
        self._evaluating_loaded = loaded_from
        worker = self._launch(
            "eval",
            functools.partial(
                evaluation_job, network=self._network, data=self._data, iteration=iteration
            ),
        )
        worker.items.connect(self._on_eval_items)
        worker.failed.connect(self._on_eval_failed)
        worker.start()

    @Slot(object)
    def _on_eval_items(self, items: list[object]) -> None:
        if not self._is_current("eval"):
            return
        snapshot = items[-1]
        assert isinstance(snapshot, NetworkSnapshot)
        self._snapshot, self._snapshot_new = snapshot, True
        self._show_snapshot()
        if self._evaluating_loaded is not None and snapshot.predictions is not None:
            self.setup.show_weights_message(
                self.tr("Loaded {0}: test accuracy {1} on {2} samples.").format(
                    Path(self._evaluating_loaded).name,
                    T.percent(snapshot.predictions.accuracy),
                    T.count(len(snapshot.predictions.labels)),
                )
            )

    @Slot(object)
    def _on_eval_failed(self, error: WorkerError) -> None:
        if self._is_current("eval"):
            print(error.traceback, file=sys.stderr)

    # --- drawing ----------------------------------------------------------------------------------

    @Slot()
    def _redraw(self, force: bool = False) -> None:
        """The 30 Hz timer: redraw what changed (only while the tab is visible)."""
        if not force and not self.isVisible():
            return
        now = time.monotonic()
        if self._dirty or force:
            self._dirty = False
            if self.curves.refresh(final=force):
                self.redraws += 1
            if force or now - self._progress_at >= PROGRESS_TEXT_PERIOD:
                self._progress_at = now
                self._show_progress()
            else:
                self._show_progress_bar()
        if self._snapshot_new:
            self._show_snapshot()
        if now - self._last_check >= CHECK_INTERVAL:
            self._last_check = now
            self._check_learning()

    def _show_snapshot(self) -> None:
        """Draw the latest snapshot on the page that is showing (the others when opened)."""
        snapshot = self._snapshot
        page = self.pages.currentIndex()
        if snapshot is None:
            self._snapshot_new = False
        elif page == PAGE_INSIDE:
            self.inspector.show_snapshot(snapshot)
            self._snapshot_new = False
        elif page == PAGE_PREDICTIONS:
            self.predictions.show_predictions(snapshot.predictions, snapshot.dataset)
            self._snapshot_new = False
        elif page == PAGE_BOUNDARY and snapshot.boundary is not None:
            self.boundary.show_map(snapshot.boundary, snapshot.iteration)
            self._snapshot_new = False

    @Slot(int)
    def _on_page_changed(self, _index: int) -> None:
        self._show_snapshot()

    def _show_progress_bar(self) -> None:
        run = self._run
        if run is not None and run.history.last is not None:
            self.progress.setValue(round(1000 * run.history.last.iteration / self._plan[0]))

    def _show_progress(self) -> None:
        run = self._run
        if run is None:
            self.progress.setValue(0)
            self.progress_label.setText(
                self.tr("Press Start to train, or Step to do one update at a time.")
                if self._data is not None
                else self.tr("Waiting for the data…")
            )
            return
        history = run.history
        done = history.last.iteration if history.last is not None else 0
        max_iter, per_epoch = self._plan
        p = run_progress(done, max_iter, per_epoch, history.seconds_total, self._wall())
        self.progress.setValue(round(1000 * p.fraction))
        text = self.tr(
            "Update {0} / {1} · epoch {2} / {3} · {4} ({5} computing) · left ≈ {6} · {7} per update"
        ).format(
            T.count(p.iteration),
            T.count(p.max_iter),
            T.epoch(p.epoch),
            T.epoch(p.epochs),
            T.duration(p.wall),
            T.duration(p.elapsed),
            T.duration(p.eta if p.iteration < p.max_iter else 0.0),
            T.duration(p.seconds_per_iteration),
        )
        if history.last is not None:
            text += self.tr(" · loss {0}").format(T.number(history.last.loss))
        note = self._numerical
        if note is not None:
            text += "\n" + self.tr(
                "Numerical gradient of update {0}: {1} of {2} loss evaluations done."
            ).format(T.count(note.iteration), T.count(note.done), T.count(note.total))
        if self._state == "paused":
            text += "  " + self.tr("(paused)")
        self.progress_label.setText(text)

    def _watch_learning(self) -> None:
        """Say what the learning check watches for, in the room its warnings will need.

        Three lines are kept from the start of the run, so a warning that appears mid-run takes
        the place of this note instead of shrinking the plots, which would repaint them whole.
        """
        self.learning_message.setMinimumHeight(
            3 * self.learning_message.fontMetrics().lineSpacing()
        )
        self.learning_message.show_message(
            self.tr(
                "Watching the loss: a warning appears here if it stays at the loss of pure "
                "guessing, −log(1/{0}) = {1}, or near the cap −log(δ)."
            ).format(self._run_classes, T.number(chance_loss(self._run_classes))),
            Level.INFO,
        )

    def _check_learning(self) -> None:
        """Warn while the loss stays at chance level or near the cap (pain point D8c)."""
        run = self._run
        if run is None or len(run.history) == 0:
            return
        check = check_learning(
            run.history.column("loss"), self._run_classes, window=LEARNING_WINDOW
        )
        if check.state is LearningState.AT_CHANCE:
            self.learning_message.show_message(
                self.tr(
                    "Not learning: in the last {0} updates the loss never came clearly below "
                    "{1} = −log(1/{2}), the loss of pure guessing (accuracy ≈ {3}). The learning "
                    "rate may be too small or too large, or the initial weights too small."
                ).format(
                    check.window,
                    T.number(check.chance_loss),
                    self._run_classes,
                    T.percent(check.chance_accuracy),
                ),
                Level.WARNING,
            )
        elif check.state is LearningState.AT_CAP:
            self.learning_message.show_message(
                self.tr(
                    "Not learning: the loss stays near {0}. One confidently wrong answer costs at "
                    "most −log(δ) = {1} (δ = 1e-7 keeps the cross-entropy finite), so the network "
                    "is sure of wrong answers. The learning rate η = {2} is far too large; it "
                    "shows as this plateau rather than as NaN."
                ).format(
                    T.number(check.wrong_loss, 3),
                    T.number(check.cap_loss, 4),
                    T.number(run.config.lr),
                ),
                Level.WARNING,
            )
        elif check.state is LearningState.LEARNING:
            self.learning_message.show_message(
                self.tr(
                    "Learning: the loss has come clearly below {0}, the loss of pure guessing."
                ).format(T.number(check.chance_loss)),
                Level.INFO,
            )

    def _sync_buttons(self) -> None:
        state, has_data = self._state, self._data is not None
        loading = self._loading
        self.start_button.setEnabled(state == "idle" and has_data and not loading)
        self.pause_button.setEnabled(state != "idle")
        self.pause_button.setText(self.tr("Resume") if state == "paused" else self.tr("Pause"))
        self.pause_button.setToolTip(
            self.tr("Run on (Ctrl+P).")
            if state == "paused"
            else self.tr("Pause after this update (Ctrl+P).")
        )
        self.step_button.setEnabled(has_data and (state != "idle" or not loading))
        self.stop_button.setEnabled(state != "idle")
        self.reset_button.setEnabled(self._run is not None)
        can_save = self._network is not None and (
            state == "idle" or (state == "paused" and self._paused_cleanly)
        )
        self.setup.save_button.setEnabled(can_save)
        self.setup.load_button.setEnabled(state == "idle" and has_data)
        if state == "paused":
            self.setup.set_weights_enabled(True)
            self.setup.load_button.setEnabled(False)

    # --- backprop against numerical ----------------------------------------------------------------

    @Slot()
    def time_methods(self) -> None:
        """Time one backprop update and one loss evaluation on a fresh network (§4.5 vs §5.7)."""
        if self._data is None or self._state == "running":
            return
        config = self.setup.read_config(dataset=self._data.request.source)
        if config is None:
            return
        worker = self._launch("time", functools.partial(timing_job, config=config, data=self._data))
        worker.items.connect(self._on_timing)
        worker.failed.connect(self._on_eval_failed)
        self.setup.show_timing_busy()
        worker.start()

    @Slot(object)
    def _on_timing(self, items: list[object]) -> None:
        if self._is_current("time"):
            self.setup.show_timing(items[-1])  # type: ignore[arg-type]

    # --- saving and loading the parameters ----------------------------------------------------------

    @Slot()
    def save_params_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the parameters"),
            str(Path.home() / "params.npz"),
            self.tr("NumPy archive (*.npz)"),
        )
        if path:
            self.save_params_to(path)

    def save_params_to(self, path: str) -> bool:
        """Save the current network's parameters (``network.save_params``) to ``path``."""
        network = self._network
        if network is None or self._state == "running" or not self._paused_cleanly:
            return False
        try:
            network.save_params(path)
        except (OSError, ValueError) as error:
            self.setup.show_weights_message(
                self.tr("Could not save {0}: {1}").format(path, error), Level.ERROR
            )
            return False
        self.setup.show_weights_message(self.tr("Saved to {0}.").format(path))
        return True

    @Slot()
    def load_params_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Load parameters"),
            str(Path.home()),
            self.tr("NumPy archive (*.npz)"),
        )
        if path:
            self.load_params_from(path)

    def load_params_from(self, path: str) -> bool:
        """Load ``path`` into a network shaped by the current settings and evaluate it."""
        if self._data is None or self._state != "idle":
            return False
        config = self.setup.read_config(dataset=self._data.request.source)
        if config is None:
            return False
        dataset = self._data.dataset
        network = build_network(config, int(dataset.x_train[0].size), dataset.n_classes)
        try:
            network.load_params(path)
        except ValueError as error:
            self.setup.show_weights_message(
                self.tr(
                    "Could not load these parameters: {0}\nSet the network on the left to the "
                    "shape they were saved from."
                ).format(error),
                Level.ERROR,
            )
            return False
        self._network = network
        self.setup.show_weights_message(self.tr("Evaluating…"))
        self._evaluate(0, loaded_from=path)
        self._sync_buttons()
        return True

    # --- events -------------------------------------------------------------------------------------

    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)
        if getattr(self, "_ready", False):
            self._dirty = True
            self._redraw(force=True)


if __name__ == "__main__":
    raise SystemExit(run_standalone(TrainingTab))
