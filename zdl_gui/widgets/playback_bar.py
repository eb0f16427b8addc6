"""The controls of a step-by-step animation: Play/Pause, Step, Back, Reset, End and a speed slider.

The bar owns the buttons and the ``QTimer``; the view that owns the bar keeps the animation's
state. It moves on at ``tick`` (the timer) and at the button signals, and tells the bar where it
stands with :meth:`PlaybackBar.set_position`, which sets what can be clicked and pauses at the end.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import qtawesome as qta
from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QHideEvent, QIcon, QPalette
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QSlider, QWidget

from core.parsing import format_number

Role = Literal["rewind", "back", "play", "step", "end"]

# the qtawesome icon of each button but Play, whose icon follows its state
ICONS: dict[str, str] = {
    "rewind": "mdi6.skip-backward",
    "back": "mdi6.step-backward",
    "step": "mdi6.step-forward",
    "end": "mdi6.skip-forward",
}


@dataclass(frozen=True)
class Speed:
    """A speed slider: its range and start value, and the steps per second of one notch."""

    minimum: int
    maximum: int
    default: int
    per_notch: float = 1.0


class PlaybackBar(QWidget):
    """Animation controls driving a timer; the buttons shown and their order are ``buttons``.

    Every button but Play pauses before it signals. Play at the end signals ``rewind`` first, so
    playing starts over. The owner calls :meth:`retranslate_ui` on a language change and may then
    reword a button for its own animation.
    """

    tick = Signal()  # the timer fired while playing: show the next step
    step_forward = Signal()
    step_back = Signal()
    rewind = Signal()
    to_end = Signal()

    def __init__(
        self,
        buttons: Sequence[Role] = ("play", "step", "rewind", "end"),
        *,
        columns: int | None = None,
        speed: Speed | None = None,
        interval_ms: int = 500,
        icons: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        """``columns`` wraps the buttons into a grid; without ``speed`` a tick is ``interval_ms``."""
        super().__init__(parent)
        self._speed = speed
        self._icons = icons
        self._at_start, self._at_end, self._usable = True, False, True
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)

        self.buttons: dict[Role, QPushButton] = {role: QPushButton() for role in buttons}
        self.play_button = self.buttons["play"]
        self.step_button = self.buttons["step"]
        self.back_button = self.buttons.get("back")
        self.rewind_button = self.buttons.get("rewind")
        self.end_button = self.buttons.get("end")
        self.play_button.clicked.connect(self.toggle)
        for role, signal in (
            ("step", self.step_forward),
            ("back", self.step_back),
            ("rewind", self.rewind),
            ("end", self.to_end),
        ):
            if role in self.buttons:
                self.buttons[role].clicked.connect(self.pause)
                self.buttons[role].clicked.connect(signal)

        grid = QGridLayout()
        per_row = columns or len(self.buttons)
        for index, button in enumerate(self.buttons.values()):
            grid.addWidget(button, index // per_row, index % per_row)
        self._extras = QHBoxLayout()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(grid)
        row.addLayout(self._extras)

        self.speed_label: QLabel | None = None
        self.speed_slider: QSlider | None = None
        if speed is not None:
            self.speed_label = QLabel()
            self.speed_slider = QSlider(Qt.Orientation.Horizontal)
            self.speed_slider.setRange(speed.minimum, speed.maximum)
            self.speed_slider.setValue(speed.default)
            self.speed_slider.setMinimumWidth(80)
            self.speed_slider.setMaximumWidth(160)
            self.speed_label.setBuddy(self.speed_slider)
            self.speed_slider.valueChanged.connect(self._on_speed_changed)
            row.addStretch(1)
            row.addWidget(self.speed_label)
            row.addWidget(self.speed_slider)
            self._on_speed_changed()

        self.retranslate_ui()
        self.update_icons()

    def add_widget(self, widget: QWidget) -> None:
        """Put ``widget`` (a step counter, say) right after the buttons."""
        if self._extras.count() == 0:
            self._extras.addSpacing(8)
        self._extras.addWidget(widget)

    # --- playing -----------------------------------------------------------------------------

    def is_playing(self) -> bool:
        return self.timer.isActive()

    @Slot()
    def toggle(self) -> None:
        if self.is_playing():
            self.pause()
        else:
            self.play()

    def play(self) -> None:
        """Start ticking (from the start when at the end); nothing happens while unusable."""
        if not self._usable:
            return
        if self._at_end:
            self.rewind.emit()
        self.timer.start()
        self._show_state()

    @Slot()
    def pause(self) -> None:
        self.timer.stop()
        self._show_state()

    def set_position(self, at_start: bool, at_end: bool, usable: bool = True) -> None:
        """Where the animation stands; at the end, or when nothing can move, playing stops."""
        self._at_start, self._at_end, self._usable = at_start, at_end, usable
        if at_end or not usable:
            self.timer.stop()
        self._show_state()

    def set_interval(self, ms: int) -> None:
        """The time between ticks (a speed slider sets it otherwise)."""
        self.timer.setInterval(ms)

    # --- showing -----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every text in the current language (the owner calls this on a language change)."""
        texts = {
            "rewind": (self.tr("Reset"), self.tr("Back to the start")),
            "back": (self.tr("Back"), self.tr("Undo the last step")),
            "step": (self.tr("Step"), self.tr("One step forward")),
            "end": (self.tr("End"), self.tr("Show every step at once")),
        }
        for role, button in self.buttons.items():
            if role in texts:
                button.setText(texts[role][0])
                button.setToolTip(texts[role][1])
        if self.speed_slider is not None:
            self.speed_slider.setToolTip(self.tr("Steps per second while playing"))
            self._show_speed()
        self._show_state()

    def update_icons(self) -> None:
        """Icons in the palette's button text colour (called again on a palette change)."""
        if not self._icons:
            return
        for role, button in self.buttons.items():
            if role in ICONS:
                button.setIcon(self._icon(ICONS[role]))
        self._show_state()

    def _show_state(self) -> None:
        playing, usable = self.is_playing(), self._usable
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))
        self.play_button.setToolTip(
            self.tr("Stop at the current step") if playing else self.tr("Step on by itself")
        )
        if self._icons:
            self.play_button.setIcon(self._icon("mdi6.pause" if playing else "mdi6.play"))
        enabled = {
            "play": usable,
            "step": usable and not self._at_end,
            "end": usable and not self._at_end,
            "back": usable and not self._at_start,
            "rewind": usable and (playing or not self._at_start),
        }
        for role, button in self.buttons.items():
            button.setEnabled(enabled[role])

    def _steps_per_second(self) -> float:
        assert self._speed is not None and self.speed_slider is not None
        return self.speed_slider.value() * self._speed.per_notch

    @Slot()
    def _on_speed_changed(self) -> None:
        self.timer.setInterval(round(1000 / self._steps_per_second()))
        self._show_speed()

    def _show_speed(self) -> None:
        assert self.speed_label is not None
        self.speed_label.setText(
            self.tr("Speed: {0} steps/s").format(format_number(self._steps_per_second()))
        )

    def _icon(self, name: str) -> QIcon:
        return qta.icon(name, color=self.palette().color(QPalette.ColorRole.ButtonText))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.update_icons()
        super().changeEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        """Stop playing while the animation cannot be seen (another view was opened)."""
        self.pause()
        super().hideEvent(event)
