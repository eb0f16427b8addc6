"""Chapter 6 labs (§6.2–6.5): initial weights, batch norm, overfitting, hyper-parameter search.

The book produces the figures of chapter 6 by editing scripts and running them again; here each
becomes a page with controls. Every number comes from ``core`` (:mod:`core.init_lab`,
:mod:`core.batchnorm_lab`, :mod:`core.overfit_lab`, :mod:`core.hyperparam_search`); every
computation that takes more than a moment runs in a :class:`~zdl_gui.workers.GeneratorWorker`
thread, can be stopped at any time, and is seeded by the seed at the top.

The tab owns what the pages share: the data (the built-in 8×8 digits or the learner's MNIST
files, loaded in a worker as the training dashboard does), the seed, and one
:class:`LabRunner` per background job, all stopped within a bounded time by :meth:`shutdown`.
The pages live in their own modules and receive a :class:`LabContext`.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.dataset_sources import candidate_paths, find_mnist
from core.datasets import Dataset, DatasetError
from zdl_gui.settings import Settings
from zdl_gui.tabs import training_text as T
from zdl_gui.tabs.base import StudyTab, Table, run_standalone
from zdl_gui.tabs.batchnorm_lab_page import BatchNormLabPage
from zdl_gui.tabs.hyperparam_lab_page import HyperparamLabPage
from zdl_gui.tabs.init_lab_page import InitLabPage
from zdl_gui.tabs.overfit_lab_page import OverfitLabPage
from zdl_gui.tabs.training_jobs import DataRequest, LoadedData, load_job
from zdl_gui.widgets.inline_message import InlineMessage, Level
from zdl_gui.widgets.sizing import vertical_scroll
from zdl_gui.workers import (
    DEFAULT_INTERVAL,
    GeneratorWorker,
    Job,
    Outcome,
    WorkerError,
    shut_down_all,
)

#: The longest :meth:`LabsTab.shutdown` waits for all worker threads together, in seconds.
SHUTDOWN_SECONDS = 2.0

#: The data sources: (id, shown name).
SOURCES: tuple[tuple[str, str], ...] = (
    ("digits", QT_TRANSLATE_NOOP("LabsTab", "Digits 8×8 (built in)")),
    ("mnist", QT_TRANSLATE_NOOP("LabsTab", "MNIST… (your files)")),
)


class LabRunner(QObject):
    """One lab's background job: start it in a worker, stop it, shut it down in bounded time.

    Starting a new job stops the one before; an old worker still finishing its current item is
    kept until its thread has ended, and what it still sends is dropped here, so a page's
    callbacks only ever hear from the current job. ``active`` is True from :meth:`start` until
    the current worker's ``done`` arrives, and already False when the page's ``done`` is called.
    """

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.worker: GeneratorWorker | None = None
        self.active = False
        self._retired: list[GeneratorWorker] = []
        self._items: Callable[[list[Any]], None] | None = None
        self._done: Callable[[Outcome], None] | None = None
        self._failed: Callable[[WorkerError], None] | None = None

    def start(
        self,
        job: Job,
        *,
        items: Callable[[list[Any]], None] | None = None,
        done: Callable[[Outcome], None] | None = None,
        failed: Callable[[WorkerError], None] | None = None,
        interval: float = DEFAULT_INTERVAL,
    ) -> GeneratorWorker:
        """Run ``job`` in a new worker; ``items``, ``done`` and ``failed`` hear from it alone."""
        self.retire()
        worker = GeneratorWorker(job, name=f"zdl-lab-{self.name}", interval=interval)
        worker.items.connect(self._on_items)
        worker.failed.connect(self._on_failed)
        worker.done.connect(self._on_done)
        self._items, self._done, self._failed = items, done, failed
        self.worker = worker
        self.active = True
        worker.start()
        return worker

    def stop(self) -> None:
        """Ask the current job to stop at its next item (a no-op when none runs)."""
        if self.worker is not None:
            self.worker.stop()

    def retire(self) -> None:
        """Stop the current worker and forget it (kept alive until its thread ends)."""
        old, self.worker = self.worker, None
        self.active = False
        if old is None:
            return
        old.stop()
        if old.isRunning():
            self._retired.append(old)
        else:
            old.wait()

    def workers(self) -> list[GeneratorWorker]:
        return [w for w in (self.worker, *self._retired) if w is not None]

    def forget(self) -> None:
        """Drop every worker (after they were stopped and waited for, or abandoned)."""
        self.worker, self.active = None, False
        self._retired.clear()

    @Slot(object)
    def _on_items(self, items: list[Any]) -> None:
        if self.sender() is self.worker and self._items is not None:
            self._items(items)

    @Slot(object)
    def _on_failed(self, error: WorkerError) -> None:
        if self.sender() is self.worker and self._failed is not None:
            self._failed(error)

    @Slot(object)
    def _on_done(self, outcome: Outcome) -> None:
        # one slot both ends the job and tells the page: no moment where one is seen without
        # the other
        sender = self.sender()
        if sender is self.worker:
            self.active = False
            if self._done is not None:
                self._done(outcome)
        elif isinstance(sender, GeneratorWorker) and sender in self._retired:
            sender.wait(1000)
            self._retired.remove(sender)


class LabContext(QObject):
    """What the lab pages share: the loaded data, the seed and the runners."""

    #: New data arrived (or the data went away).
    data_changed = Signal()
    #: The seed changed.
    seed_changed = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.loaded: LoadedData | None = None
        #: False while the tab restores its inputs: pages compute nothing until it is set.
        self.ready = False
        self._seed = 0
        self.runners: list[LabRunner] = []

    @property
    def dataset(self) -> Dataset | None:
        return None if self.loaded is None else self.loaded.dataset

    @property
    def source(self) -> str:
        """'digits' or 'mnist': the data's id, for labelling runs."""
        return "digits" if self.loaded is None else self.loaded.request.source

    @property
    def seed(self) -> int:
        return self._seed

    def set_seed(self, seed: int) -> None:
        if seed != self._seed:
            self._seed = int(seed)
            self.seed_changed.emit(self._seed)

    def set_loaded(self, loaded: LoadedData | None) -> None:
        self.loaded = loaded
        self.data_changed.emit()

    def runner(self, name: str) -> LabRunner:
        """A new runner named ``name``, stopped by :meth:`shutdown`."""
        runner = LabRunner(name, self)
        self.runners.append(runner)
        return runner

    def running_workers(self) -> list[GeneratorWorker]:
        return [w for r in self.runners for w in r.workers() if w.isRunning()]

    def shutdown(self, seconds: float = SHUTDOWN_SECONDS) -> None:
        """Stop every worker, then wait for them all, ``seconds`` at most in total."""
        shut_down_all((w for r in self.runners for w in r.workers()), seconds)
        for runner in self.runners:
            runner.forget()


class LabsTab(StudyTab):
    """The chapter 6 labs (§6.2–6.5): four pages over one dataset and one seed."""

    topic_id = "labs"

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(settings, parent)
        self._ready = False
        self.context = LabContext(self)
        self._loader = self.context.runner("load")
        self._loading = False

        # --- the data and the seed ---
        self.source_label = QLabel()
        self.source_combo = QComboBox()
        for key, _name in SOURCES:
            self.source_combo.addItem("", key)
        self.source_label.setBuddy(self.source_combo)
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.choose_button = QPushButton()
        self.seed_label = QLabel()
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2**31 - 1)
        self.seed_label.setBuddy(self.seed_spin)
        self.data_info = QLabel()
        self.data_message = InlineMessage()
        bar = QHBoxLayout()
        bar.addWidget(self.source_label)
        bar.addWidget(self.source_combo)
        bar.addWidget(self.path_edit, 1)
        bar.addWidget(self.choose_button)
        bar.addSpacing(12)
        bar.addWidget(self.data_info)
        bar.addStretch(1)
        bar.addSpacing(12)
        bar.addWidget(self.seed_label)
        bar.addWidget(self.seed_spin)

        # --- the pages ---
        self.init_page = InitLabPage(self.context)
        self.batchnorm_page = BatchNormLabPage(self.context)
        self.overfit_page = OverfitLabPage(self.context)
        self.hyperparam_page = HyperparamLabPage(self.context)
        self.pages = QTabWidget()
        for (
            page
        ) in self.all_pages():  # scrolled, so long Japanese text never forces the window taller
            self.pages.addTab(vertical_scroll(page), "")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.data_message)
        layout.addWidget(self.pages, 1)

        self.source_combo.currentIndexChanged.connect(self._on_source_changed)
        self.source_combo.activated.connect(self._on_source_chosen)
        self.choose_button.clicked.connect(self.choose_files)
        self.seed_spin.valueChanged.connect(self.context.set_seed)

        self.finish_setup()
        self._ready = True
        self.context.set_seed(self.seed_spin.value())
        self.context.ready = True
        for page in self.all_pages():
            page.refresh()
        self._sync_source_widgets()
        self._request_data()

    def all_pages(self) -> tuple[Any, ...]:
        return (self.init_page, self.batchnorm_page, self.overfit_page, self.hyperparam_page)

    def _current_page(self) -> InitLabPage | BatchNormLabPage | OverfitLabPage | HyperparamLabPage:
        return self.all_pages()[self.pages.currentIndex()]

    # --- StudyTab ---------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Chapter 6 labs"))
        self.source_label.setText(self.tr("Data"))
        for index, (_key, name) in enumerate(SOURCES):
            self.source_combo.setItemText(index, QCoreApplication.translate("LabsTab", name))
        self.source_combo.setToolTip(
            self.tr(
                "The built-in 8×8 digits train in seconds. MNIST (the book's data) needs its files "
                "on your computer: the book's mnist.pkl, a mnist.npz or the four IDX files."
            )
        )
        self.choose_button.setText(self.tr("Choose…"))
        self.choose_button.setToolTip(self.tr("Pick MNIST files on your computer."))
        self.seed_label.setText(self.tr("Seed"))
        self.seed_spin.setToolTip(
            self.tr(
                "Seed of every random number in the labs: initial weights, inputs, mini-batches, "
                "samples. The same seed gives the same results."
            )
        )
        for index, title in enumerate(
            (
                self.tr("Initial weights (§6.2)"),
                self.tr("Batch normalization (§6.3)"),
                self.tr("Overfitting (§6.4)"),
                self.tr("Hyper-parameter search (§6.5)"),
            )
        ):
            self.pages.setTabText(index, title)
        for page in self.all_pages():
            page.retranslate_ui()
        self._show_data_info()

    def persistent_widgets(self) -> Mapping[str, QWidget]:
        widgets: dict[str, QWidget] = {
            "source": self.source_combo,
            "seed": self.seed_spin,
            "page": self.pages,
        }
        for page in self.all_pages():
            widgets.update(page.persistent_widgets())
        return widgets

    def plot_for_export(self) -> pg.PlotItem | None:
        """The plot of the page (and view) on show."""
        return self._current_page().plot_for_export()

    def table_for_export(self) -> Table | None:
        """The numbers behind the page (and view) on show."""
        return self._current_page().table_for_export()

    def shutdown(self) -> None:
        """Stop every lab's worker and wait for the threads, at most 2 s in all."""
        for page in self.all_pages():
            page.shutdown()
        self.context.shutdown(SHUTDOWN_SECONDS)
        super().shutdown()

    # --- the data ---------------------------------------------------------------------------------

    @property
    def data(self) -> LoadedData | None:
        return self.context.loaded

    @property
    def loading(self) -> bool:
        return self._loading

    def source(self) -> str:
        return str(self.source_combo.currentData())

    def _path_key(self) -> str:
        return self._key("mnist_path")

    def _find_files(self) -> Path | None:
        remembered = self.settings.value(self._path_key(), "")
        return find_mnist(candidate_paths(remembered=[remembered] if remembered else []))

    def _sync_source_widgets(self) -> None:
        mnist = self.source() == "mnist"
        self.path_edit.setVisible(mnist)
        self.choose_button.setVisible(mnist)

    @Slot(int)
    def _on_source_changed(self, _index: int) -> None:
        self._sync_source_widgets()
        if self._ready:
            self._request_data()

    @Slot(int)
    def _on_source_chosen(self, _index: int) -> None:
        """The learner picked a source: MNIST without files found asks for them at once."""
        if self.source() == "mnist" and self._find_files() is None and self.data is None:
            self.choose_files()

    def _request_data(self) -> None:
        self.data_message.clear_message()
        if self.source() != "mnist":
            self.load_data(DataRequest("digits"))
            return
        path = self._find_files()
        if path is None:
            self._loader.retire()
            self._loading = False
            self.path_edit.setText("")
            self.context.set_loaded(None)
            self._show_data_info()
            self.data_message.show_message(
                self.tr(
                    "No MNIST files found in the usual places (./dataset, ~/dataset, "
                    "~/.keras/datasets …). Press Choose… and pick the book's mnist.pkl, a "
                    "mnist.npz, or one of the four IDX files (train-images-idx3-ubyte.gz …)."
                ),
                Level.WARNING,
            )
            return
        self.path_edit.setText(str(path))
        self.load_data(DataRequest("mnist", str(path)))

    def load_data(self, request: DataRequest) -> None:
        """Load ``request`` in a worker; the current data stays until the new data has arrived."""
        self._loading = True
        self.data_info.setText(self.tr("Loading…"))
        self._loader.start(
            functools.partial(load_job, request=request),
            items=self._on_data_loaded,
            failed=self._on_data_failed,
            done=self._on_load_done,
        )

    def _on_data_loaded(self, items: list[object]) -> None:
        loaded = items[-1]
        assert isinstance(loaded, LoadedData)
        if loaded.request.source == "mnist":
            self.settings.set_value(self._path_key(), loaded.request.path)
        self.data_message.clear_message()
        self.context.set_loaded(loaded)
        self._show_data_info()

    def _on_data_failed(self, error: WorkerError) -> None:
        exc = error.exception
        self.context.set_loaded(None)
        if isinstance(exc, (DatasetError, ValueError, OSError)):
            self.data_message.show_message(
                self.tr(
                    "Could not read these files: {0}\nPress Choose… and pick the book's "
                    "mnist.pkl, a mnist.npz, or the folder's train-images-idx3-ubyte.gz."
                ).format(exc)
            )
        else:
            print(error.traceback, file=sys.stderr)
            self.data_message.show_message(
                self.tr("Loading failed: {0}: {1}").format(type(exc).__name__, exc)
            )

    def _on_load_done(self, _outcome: Outcome) -> None:
        self._loading = False
        self._show_data_info()

    def _show_data_info(self) -> None:
        if self._loading:
            self.data_info.setText(self.tr("Loading…"))
            return
        data = self.context.dataset
        if data is None:
            self.data_info.setText(self.tr("No data loaded."))
        else:
            self.data_info.setText(
                self.tr("{0}: {1} training, {2} test samples").format(
                    data.name, T.count(len(data.x_train)), T.count(len(data.x_test))
                )
            )

    @Slot()
    def choose_files(self) -> None:
        """Ask for MNIST files (mnist.pkl, mnist.npz or an IDX file) and load them."""
        start = self.path_edit.text() or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose MNIST files"),
            start,
            self.tr("MNIST files (*.pkl *.npz *.gz *-ubyte);;All files (*)"),
        )
        if path:
            self.use_files(path)

    def use_files(self, path: str) -> None:
        """Load MNIST from ``path``: a .pkl, a .npz, one of the IDX files (its folder) or a folder."""
        if self.source() != "mnist":
            index = self.source_combo.findData("mnist")
            self._ready = False  # no automatic search: the learner named the files
            self.source_combo.setCurrentIndex(index)
            self._ready = True
            self._sync_source_widgets()
        chosen = Path(path)
        if chosen.is_file() and chosen.suffix.lower() not in (".pkl", ".npz"):
            chosen = chosen.parent
        self.path_edit.setText(str(chosen))
        self.data_message.clear_message()
        self.load_data(DataRequest("mnist", str(chosen)))


if __name__ == "__main__":
    raise SystemExit(run_standalone(LabsTab))
