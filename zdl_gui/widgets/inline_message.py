"""A message shown right next to the field it is about: errors, warnings, notes."""

from __future__ import annotations

import enum
import html

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

from zdl_gui.theme import is_dark


class Level(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


_COLORS = {  # (on a light background, on a dark one); None: the palette's own text colour
    Level.ERROR: ("#b3261e", "#ff8a80"),
    Level.WARNING: ("#8a5a00", "#ffd180"),
    Level.INFO: (None, None),
}
_SYMBOLS = {Level.ERROR: "⚠ ", Level.WARNING: "⚠ ", Level.INFO: ""}


class InlineMessage(QLabel):
    """A word-wrapped label that is hidden while there is nothing to say.

    ``message`` holds the plain text for tests and copy; the label shows it coloured by level.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.level: Level | None = None
        self.message = ""
        self.hide()

    def show_message(self, text: str, level: Level = Level.ERROR) -> None:
        self.level, self.message = level, text
        self._render()
        self.show()

    def clear_message(self) -> None:
        self.level, self.message = None, ""
        self.clear()
        self.hide()

    def _render(self) -> None:
        if self.level is None:
            return
        light, dark = _COLORS[self.level]
        color = dark if is_dark(self.palette()) else light
        body = html.escape(_SYMBOLS[self.level] + self.message).replace("\n", "<br>")
        self.setText(f"<span style='color:{color}'>{body}</span>" if color else body)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._render()
        super().changeEvent(event)
