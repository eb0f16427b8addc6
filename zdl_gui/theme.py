"""Light and dark themes, and the colours plots take from them.

The curves use the Okabe–Ito palette, which people with the common colour-vision deficiencies
can tell apart; on a dark background the dark blue is swapped for the sky blue.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

_LIGHT_CURVES = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000")
_DARK_CURVES = ("#56B4E9", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#F0E442", "#FFFFFF")

_system_palette: QPalette | None = None


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the window background is darker than its text."""
    pal = palette if palette is not None else QGuiApplication.palette()
    return (
        pal.color(QPalette.ColorRole.Window).lightness()
        < pal.color(QPalette.ColorRole.WindowText).lightness()
    )


def curve_color(index: int, palette: QPalette | None = None) -> QColor:
    """The ``index``-th curve colour (cycling), readable on the palette's background."""
    colors = _DARK_CURVES if is_dark(palette) else _LIGHT_CURVES
    return QColor(colors[index % len(colors)])


def apply_theme(app: QApplication, theme: str) -> None:
    """Use the ``"light"``, ``"dark"`` or ``"system"`` palette for the whole application."""
    global _system_palette
    if _system_palette is None:
        _system_palette = QPalette(app.palette())
    if theme == "dark":
        app.setPalette(_dark_palette())
    elif theme == "light":
        app.setPalette(app.style().standardPalette())
    else:
        app.setPalette(_system_palette)


def _dark_palette() -> QPalette:
    pal = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colors = {
        role.Window: "#2b2b2e",
        role.WindowText: "#e6e6e6",
        role.Base: "#1e1e20",
        role.AlternateBase: "#2f2f33",
        role.ToolTipBase: "#3a3a3e",
        role.ToolTipText: "#f0f0f0",
        role.PlaceholderText: "#8c8c90",
        role.Text: "#e6e6e6",
        role.Button: "#38383c",
        role.ButtonText: "#e6e6e6",
        role.BrightText: "#ff6b6b",
        role.Light: "#4a4a4e",
        role.Midlight: "#3e3e42",
        role.Mid: "#2a2a2d",
        role.Dark: "#18181a",
        role.Shadow: "#000000",
        role.Highlight: "#2f6fb0",
        role.HighlightedText: "#ffffff",
        role.Link: "#6cb4ff",
        role.LinkVisited: "#c29bff",
    }
    for r, c in colors.items():
        pal.setColor(r, QColor(c))
    for r in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(group.Disabled, r, QColor("#7a7a7e"))
    return pal
