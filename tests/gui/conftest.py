"""Fixtures shared by the GUI tests: showing a view as the main window would, and checking that
a view with worker threads shuts down cleanly."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from zdl_gui.workers import GeneratorWorker

#: About the size a view gets inside the main window at 1280×800.
VIEW_SIZE = (1050, 720)


@pytest.fixture
def show(qtbot) -> Callable[[QWidget], QWidget]:
    """Show a widget at the size of a view in the main window and wait until it is on screen."""

    def show_widget(widget: QWidget) -> QWidget:
        qtbot.addWidget(widget)
        widget.resize(*VIEW_SIZE)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return show_widget


@pytest.fixture
def clean_shutdown() -> Callable[[QWidget], None]:
    """Shut a view down; fail if a worker thread still runs or one of its timers is still active."""

    def shut_down(widget: QWidget) -> None:
        widget.shutdown()
        threads = GeneratorWorker.running_workers()
        timers = [t for t in widget.findChildren(QTimer) if t.isActive()]
        for worker in threads:
            worker.shutdown(2000)
        assert not threads, f"{len(threads)} worker thread(s) left running"
        assert not timers, f"{len(timers)} timer(s) left active"

    return shut_down


@pytest.fixture
def open_with_data(qtbot, show) -> Callable[[type[QWidget]], QWidget]:
    """Open a new view of a class whose built-in data loads in a worker (the training dashboard,
    the labs) and wait until the data is there."""

    def open_view(cls: type[QWidget]) -> QWidget:
        widget = show(cls())
        qtbot.waitUntil(lambda: widget.data is not None, timeout=60_000)
        return widget

    return open_view
