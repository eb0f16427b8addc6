"""What the user set, remembered between runs: a small typed wrapper over ``QSettings``.

Every key has a default here; a value that is missing, of the wrong type or unreadable (a
damaged settings file) reads as its default, so a bad file can never stop the app.
"""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

#: Application-wide keys and their defaults. Tabs keep their inputs under ``tabs/<id>/``.
DEFAULTS: dict[str, Any] = {
    "ui/language": "system",  # "system", "ja" or "en"
    "ui/theme": "system",  # "system", "light" or "dark"
    "window/geometry": QByteArray(),
    "window/state": QByteArray(),
    "window/splitter": QByteArray(),
    "window/last_view": "start",
}

CHOICES: dict[str, tuple[str, ...]] = {
    "ui/language": ("system", "ja", "en"),
    "ui/theme": ("system", "light", "dark"),
}


class Settings:
    """Typed access to ``QSettings`` with defaults; pass a ``QSettings`` to use another store."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings()

    def value(self, key: str, default: T | None = None) -> T:
        """The stored value of ``key`` converted to the type of its default, else the default."""
        fallback = DEFAULTS[key] if default is None else default
        raw = self.store.value(key, None)
        if raw is None:
            return fallback
        value = _convert(raw, type(fallback))
        if value is None or (key in CHOICES and value not in CHOICES[key]):
            return fallback
        return value

    def set_value(self, key: str, value: Any) -> None:
        self.store.setValue(key, value)

    def remove(self, prefix: str) -> None:
        """Forget ``prefix`` and everything under it (e.g. ``"window"``)."""
        self.store.remove(prefix)

    def sync(self) -> None:
        self.store.sync()


def _convert(raw: Any, kind: type) -> Any:
    """``raw`` as ``kind``, or None when it cannot be one (QSettings' INI files store text)."""
    try:
        if kind is bool:
            if isinstance(raw, bool):
                return raw
            text = str(raw).strip().lower()
            return {"true": True, "1": True, "false": False, "0": False}.get(text)
        if kind is QByteArray:
            return raw if isinstance(raw, QByteArray) else None
        if kind in (int, float):
            number = kind(raw)
            return number if number == number else None  # NaN is not a setting
        if kind is str:
            return str(raw)
        if kind is list:
            return list(raw) if isinstance(raw, (list, tuple)) else [raw]
    except (TypeError, ValueError, OverflowError):
        return None
    return raw if isinstance(raw, kind) else None
