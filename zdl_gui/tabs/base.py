"""What every study tab shares: translation, remembered inputs, export, shutdown."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from typing import ClassVar

import pyqtgraph as pg
from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from zdl_gui.settings import Settings

Table = tuple[Sequence[str], Sequence[Sequence[object]]]


class StudyTab(QWidget):
    """Base class of the study tabs.

    A subclass sets ``topic_id`` (its id in :mod:`zdl_gui.tabs.registry`), builds its widgets in
    ``__init__`` and ends it with ``self.finish_setup()``, which restores the remembered inputs
    and sets every visible string through :meth:`retranslate_ui` (called again on every language
    change).
    """

    topic_id: ClassVar[str] = ""
    #: Asks the main window to show another study view (a topic id of the registry).
    open_topic = Signal(str)

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings if settings is not None else Settings()

    def finish_setup(self) -> None:
        """Restore the remembered inputs, then translate; call at the end of ``__init__``."""
        self.restore_state()
        self.retranslate_ui()

    # --- to be provided by subclasses ------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every visible string (labels, plot titles, axis labels) in the current language."""
        raise NotImplementedError

    def persistent_widgets(self) -> Mapping[str, QWidget]:
        """The input widgets whose values are remembered between runs, by a stable name."""
        return {}

    def plot_for_export(self) -> pg.PlotItem | None:
        """The plot that File ▸ Export plot saves, or None when the tab shows none."""
        return None

    def table_for_export(self) -> Table | None:
        """(header, rows) that File ▸ Export data saves as CSV, or None."""
        return None

    def shutdown(self) -> None:
        """Stop timers and workers; called before the window closes."""
        self.save_state()

    # --- remembered inputs ---------------------------------------------------------------------

    def _key(self, name: str) -> str:
        return f"tabs/{self.topic_id}/{name}"

    def save_state(self) -> None:
        for name, widget in self.persistent_widgets().items():
            self.settings.set_value(self._key(name), _read(widget))

    def restore_state(self) -> None:
        """Put back the remembered inputs; a missing or unusable value leaves the widget as is."""
        for name, widget in self.persistent_widgets().items():
            current = _read(widget)
            value = self.settings.value(self._key(name), current)
            if value != current:
                _write(widget, value)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _read(widget: QWidget) -> object:
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        return widget.value()
    if isinstance(widget, QAbstractSlider):
        return widget.value()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    if isinstance(widget, QComboBox):
        data = widget.currentData()
        return data if isinstance(data, str) else widget.currentIndex()
    if isinstance(widget, QTabWidget):
        return widget.currentIndex()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    raise TypeError(f"cannot remember the value of a {type(widget).__name__}")


def _write(widget: QWidget, value: object) -> None:
    if isinstance(widget, (QAbstractSpinBox, QAbstractSlider)):
        widget.setValue(value)  # spin boxes and sliders clamp to their range themselves
    elif isinstance(widget, QAbstractButton):
        widget.setChecked(bool(value))
    elif isinstance(widget, QComboBox):
        index = widget.findData(value) if isinstance(value, str) else int(value)
        if 0 <= index < widget.count():
            widget.setCurrentIndex(index)
    elif isinstance(widget, QTabWidget):
        if 0 <= int(value) < widget.count():
            widget.setCurrentIndex(int(value))
    elif isinstance(widget, QLineEdit):
        widget.setText(str(value))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(str(value))


def run_standalone(tab_class: type[StudyTab]) -> int:
    """Open one tab in its own window, for development: ``python -m zdl_gui.tabs.<module>``."""
    from zdl_gui.app import create_app

    app = create_app(sys.argv)
    tab = tab_class()
    tab.resize(1200, 760)
    tab.show()
    code = app.exec()
    tab.shutdown()
    return code
