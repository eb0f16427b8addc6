"""Widgets and helpers shared by the chapter 6 labs: run controls and views, tables, messages."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zdl_gui.plotting import ThemedPlot
from zdl_gui.tabs import training_text as T
from zdl_gui.widgets.inline_message import InlineMessage
from zdl_gui.workers import Job, Outcome, WorkerError

if TYPE_CHECKING:
    from core.datasets import Dataset
    from zdl_gui.tabs.labs_tab import LabContext


def note_label() -> QLabel:
    """A word-wrapped, selectable label for explanations."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def read_only_table(columns: int, *, fit_columns: bool = False) -> QTableWidget:
    """A compact table the learner reads but does not edit.

    Columns share the width equally, or (``fit_columns``) each is as wide as its content and
    the last takes what is left.
    """
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    if fit_columns:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.setWordWrap(False)
    return table


def rows_height(table: QTableWidget, rows: int) -> int:
    """The height ``table`` needs to show ``rows`` rows and its header without scrolling."""
    header = table.horizontalHeader().sizeHint().height()
    return header + rows * table.verticalHeader().defaultSectionSize() + 2 * table.frameWidth() + 2


def style_legend(legend: pg.LegendItem, palette: QPalette) -> None:
    """A legend readable on the palette: the text colour, a translucent background, a frame."""
    text = palette.color(QPalette.ColorRole.Text)
    muted = QColor(text)
    muted.setAlpha(140)
    background = QColor(palette.color(QPalette.ColorRole.Base))
    background.setAlpha(215)
    legend.setBrush(pg.mkBrush(background))
    legend.setPen(pg.mkPen(muted))
    legend.setLabelTextColor(text)
    for _sample, label in legend.items:
        label.setText(label.text, color=text)


def small_title(plot: ThemedPlot, text: str, size: str = "9pt") -> None:
    """A plot title in a smaller font and a lower row, for plots in a grid."""
    plot.plotItem.titleLabel.opts["size"] = size
    plot.set_texts(title=text)
    plot.plotItem.layout.setRowFixedHeight(0, 20)
    plot.plotItem.titleLabel.setMaximumHeight(20)


def fill_table(table: QTableWidget, rows: list[list[str]], *, bold: set[int] | None = None) -> None:
    """Put ``rows`` of texts into ``table`` (numbers right-aligned), rows in ``bold`` in bold."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if _numeric(text):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if bold and r in bold:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            table.setItem(r, c, item)


def _numeric(text: str) -> bool:
    """Whether a cell shows a number (with a unit or mark after it): those align right."""
    head = text.replace(",", "").replace("−", "-").strip().split(" ")[0].rstrip("%✓✗")
    try:
        float(head)
    except ValueError:
        return text.strip() == "–"
    return True


def count_spin(low: int, high: int, value: int, step: int = 1) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSingleStep(step)
    spin.setValue(value)
    spin.setGroupSeparatorShown(True)
    return spin


class RunControls(QWidget):
    """Start and Stop, a progress bar, a one-line progress text and a message under them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start_button = QPushButton()
        self.stop_button = QPushButton()
        self.stop_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.message = InlineMessage()
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.stop_button)
        self.extra = QHBoxLayout()  # room for a page's own buttons
        buttons.addLayout(self.extra)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.message)

    def retranslate_ui(self) -> None:
        self.start_button.setText(QCoreApplication.translate("RunControls", "Start"))
        self.stop_button.setText(QCoreApplication.translate("RunControls", "Stop"))
        self.stop_button.setToolTip(
            QCoreApplication.translate("RunControls", "Stop here; what has been computed stays.")
        )

    def set_running(self, running: bool, can_start: bool = True) -> None:
        self.start_button.setEnabled(not running and can_start)
        self.stop_button.setEnabled(running)

    def set_fraction(self, fraction: float) -> None:
        self.progress.setValue(round(1000 * min(max(fraction, 0.0), 1.0)))


def stopped_message(done: int, total: int) -> str:
    return QCoreApplication.translate("RunControls", "Stopped after {0} of {1} updates.").format(
        T.count(done), T.count(total)
    )


def failed_message(error: WorkerError) -> str:
    print(error.traceback, file=sys.stderr)
    return QCoreApplication.translate(
        "RunControls", "The lab stopped with an error: {0}: {1}"
    ).format(type(error.exception).__name__, error.exception)


class LabRunView(QWidget):
    """A lab view whose job runs in one of the context's runners, under Start and Stop.

    A subclass builds its job in :meth:`start` and hands it to :meth:`run`, takes what the
    worker yields in :meth:`take_items`, and reports the end in :meth:`finished`; the runner
    passes on only what the current job sends. A job's error is shown under the controls.
    """

    def __init__(
        self, context: LabContext, runner_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = context.runner(runner_name)
        self.controls = RunControls()
        self.controls.start_button.clicked.connect(self.start)
        self.controls.stop_button.clicked.connect(self.stop)
        context.data_changed.connect(self._sync)

    @property
    def running(self) -> bool:
        return self.runner.active

    def data_to_start(self) -> Dataset | None:
        """The loaded data, or None when there is none or a job is already running."""
        return None if self.running else self.context.dataset

    def training_samples_fit(self, data: Dataset, wanted: int) -> bool:
        """Whether ``data`` has ``wanted`` training samples; if not, say so under the controls."""
        if wanted <= len(data.x_train):
            return True
        self.controls.message.show_message(
            QCoreApplication.translate(
                "RunControls", "{0} has only {1} training samples; choose at most that many."
            ).format(data.name, T.count(len(data.x_train)))
        )
        return False

    @Slot()
    def start(self) -> bool:
        """Start the job from the inputs; False when it cannot start (and why is shown)."""
        raise NotImplementedError

    @Slot()
    def stop(self) -> None:
        self.runner.stop()

    def run(self, job: Job) -> None:
        """Run ``job`` in the runner (stopping any job before it) and show it running."""
        self.runner.start(job, items=self.take_items, done=self._on_done, failed=self._on_failed)
        self._sync()
        self._show_progress()

    @Slot()
    def _sync(self) -> None:
        """Enable what can be used now: Start needs data and no job running."""
        self.controls.set_running(self.running, self.context.dataset is not None)

    def _show_progress(self) -> None:
        """Show how far the job is in the controls' progress bar and status line."""
        raise NotImplementedError

    def take_items(self, items: list[Any]) -> None:
        """Take what the current job yielded since the last batch."""
        raise NotImplementedError

    def finished(self, outcome: Outcome) -> None:
        """The current job ended (controls already synced): finished, stopped or failed."""

    def _on_done(self, outcome: Outcome) -> None:
        self._sync()
        self.finished(outcome)

    def _on_failed(self, error: WorkerError) -> None:
        self.controls.message.show_message(failed_message(error))
