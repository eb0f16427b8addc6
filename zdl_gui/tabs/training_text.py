"""The training dashboard's names and number formats, translated where they are shown.

Constant tables are marked with ``QT_TRANSLATE_NOOP("TrainingText", …)`` and translated by
:func:`translated`; the numbers themselves come from ``core`` and are only formatted here.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.parsing import format_number
from core.training_runs import RunConfig

CONTEXT = "TrainingText"

#: Data sources: (id, shown name).
SOURCES: tuple[tuple[str, str], ...] = (
    ("digits", QT_TRANSLATE_NOOP("TrainingText", "Handwritten digits 8×8 (built in)")),
    ("mnist", QT_TRANSLATE_NOOP("TrainingText", "MNIST 28×28 (your files)")),
    ("fashion", QT_TRANSLATE_NOOP("TrainingText", "Fashion-MNIST 28×28 (your files)")),
    ("toy:spiral", QT_TRANSLATE_NOOP("TrainingText", "2-D points: spiral (3 classes)")),
    ("toy:moons", QT_TRANSLATE_NOOP("TrainingText", "2-D points: two moons")),
    ("toy:circles", QT_TRANSLATE_NOOP("TrainingText", "2-D points: circles")),
    ("toy:xor", QT_TRANSLATE_NOOP("TrainingText", "2-D points: XOR")),
    ("toy:blobs", QT_TRANSLATE_NOOP("TrainingText", "2-D points: blobs (3 classes)")),
)

MODELS: tuple[tuple[str, str], ...] = (
    ("two_layer", QT_TRANSLATE_NOOP("TrainingText", "TwoLayerNet")),
    ("multi_layer", QT_TRANSLATE_NOOP("TrainingText", "MultiLayerNet")),
)

ACTIVATIONS: tuple[tuple[str, str], ...] = (
    ("relu", QT_TRANSLATE_NOOP("TrainingText", "ReLU")),
    ("sigmoid", QT_TRANSLATE_NOOP("TrainingText", "Sigmoid")),
    ("tanh", QT_TRANSLATE_NOOP("TrainingText", "tanh")),
)

WEIGHT_INITS: tuple[tuple[str, str], ...] = (
    ("std", QT_TRANSLATE_NOOP("TrainingText", "Fixed standard deviation")),
    ("xavier", QT_TRANSLATE_NOOP("TrainingText", "Xavier √(1/n)")),
    ("he", QT_TRANSLATE_NOOP("TrainingText", "He √(2/n)")),
)

LENGTH_UNITS: tuple[tuple[str, str], ...] = (
    ("epochs", QT_TRANSLATE_NOOP("TrainingText", "epochs")),
    ("iterations", QT_TRANSLATE_NOOP("TrainingText", "iterations")),
)

GRADIENT_METHODS: tuple[tuple[str, str], ...] = (
    ("backprop", QT_TRANSLATE_NOOP("TrainingText", "Backpropagation (§5.7)")),
    ("numerical", QT_TRANSLATE_NOOP("TrainingText", "Numerical gradient (§4.5)")),
)

#: Training speed: (id, seconds to wait after each update, shown name).
PACES: tuple[tuple[str, float, str], ...] = (
    ("full", 0.0, QT_TRANSLATE_NOOP("TrainingText", "Full speed")),
    ("slow", 0.02, QT_TRANSLATE_NOOP("TrainingText", "Slow (≈ 50 updates/s)")),
    ("very_slow", 0.2, QT_TRANSLATE_NOOP("TrainingText", "Very slow (≈ 5 updates/s)")),
)

#: X axis of the curves: (id, shown name, axis label).
X_AXES: tuple[tuple[str, str, str], ...] = (
    (
        "iteration",
        QT_TRANSLATE_NOOP("TrainingText", "Iterations"),
        QT_TRANSLATE_NOOP("TrainingText", "iteration (updates)"),
    ),
    (
        "epoch",
        QT_TRANSLATE_NOOP("TrainingText", "Epochs"),
        QT_TRANSLATE_NOOP("TrainingText", "epoch"),
    ),
    (
        "time",
        QT_TRANSLATE_NOOP("TrainingText", "Training time"),
        QT_TRANSLATE_NOOP("TrainingText", "training time (s, pauses excluded)"),
    ),
)

#: Short names of the settings, for labelling overlaid runs with what differs.
FIELD_NAMES: dict[str, str] = {
    "model": QT_TRANSLATE_NOOP("TrainingText", "model"),
    "hidden_sizes": QT_TRANSLATE_NOOP("TrainingText", "hidden"),
    "activation": QT_TRANSLATE_NOOP("TrainingText", "activation"),
    "weight_init": QT_TRANSLATE_NOOP("TrainingText", "init"),
    "init_std": QT_TRANSLATE_NOOP("TrainingText", "std"),
    "optimizer": QT_TRANSLATE_NOOP("TrainingText", "optimizer"),
    "lr": QT_TRANSLATE_NOOP("TrainingText", "lr"),
    "batch_size": QT_TRANSLATE_NOOP("TrainingText", "batch"),
    "length": QT_TRANSLATE_NOOP("TrainingText", "length"),
    "length_unit": QT_TRANSLATE_NOOP("TrainingText", "unit"),
    "weight_decay": QT_TRANSLATE_NOOP("TrainingText", "λ"),
    "dropout_ratio": QT_TRANSLATE_NOOP("TrainingText", "dropout"),
    "batchnorm": QT_TRANSLATE_NOOP("TrainingText", "batch norm"),
    "seed": QT_TRANSLATE_NOOP("TrainingText", "seed"),
    "gradient_method": QT_TRANSLATE_NOOP("TrainingText", "gradient"),
    "dataset": QT_TRANSLATE_NOOP("TrainingText", "data"),
}


def translated(text: str) -> str:
    """``text`` (marked with QT_TRANSLATE_NOOP in the "TrainingText" context) translated."""
    return QCoreApplication.translate(CONTEXT, text)


def name_of(table: tuple[tuple[str, str], ...], key: str) -> str:
    """The translated name of ``key`` in a (id, name) table, or the key itself."""
    return next((translated(name) for k, name in table if k == key), key)


def count(n: int) -> str:
    """A whole number with the locale's thousands separators: 79520 → "79,520"."""
    return f"{int(n):,}"


def number(value: float, digits: int = 4) -> str:
    """A number with ``digits`` significant digits, as core formats it."""
    return format_number(float(value), digits)


def epoch(value: float) -> str:
    """An epoch count: whole epochs plainly ("100"), others with one decimal ("15.6")."""
    if not math.isfinite(value):
        return number(value)
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.1f}"


def percent(fraction: float) -> str:
    """0.9442 → "94.4 %"."""
    if not math.isfinite(fraction):
        return number(fraction)
    return QCoreApplication.translate("TrainingText", "{0} %").format(f"{100 * fraction:.1f}")


def duration(seconds: float | None) -> str:
    """A time span for people: "0.35 ms", "12 ms", "1.4 s", "3 min 20 s", "2 h 5 min"."""
    if seconds is None or not math.isfinite(seconds):
        return "–"
    if seconds == 0:
        return QCoreApplication.translate("TrainingText", "{0} s").format(0)
    if seconds < 1e-3:
        return QCoreApplication.translate("TrainingText", "{0} µs").format(f"{seconds * 1e6:.0f}")
    if seconds < 0.1:
        return QCoreApplication.translate("TrainingText", "{0} ms").format(
            f"{seconds * 1e3:.2g}" if seconds < 0.01 else f"{seconds * 1e3:.0f}"
        )
    if seconds < 60:
        return QCoreApplication.translate("TrainingText", "{0} s").format(
            f"{seconds:.1f}" if seconds < 10 else f"{seconds:.0f}"
        )
    if seconds < 3600:
        minutes, rest = divmod(round(seconds), 60)
        return QCoreApplication.translate("TrainingText", "{0} min {1} s").format(minutes, rest)
    hours, rest = divmod(round(seconds / 60), 60)
    return QCoreApplication.translate("TrainingText", "{0} h {1} min").format(hours, rest)


def field_value(config: RunConfig, field: str) -> str:
    """The value of one setting of ``config``, short, for a run's label."""
    value = getattr(config, field)
    if field == "hidden_sizes":
        return "-".join(str(v) for v in value)
    if field == "model":
        return {"two_layer": "TwoLayerNet", "multi_layer": "MultiLayerNet"}[value]
    if field == "activation":
        return name_of(ACTIVATIONS, value)
    if field == "weight_init":
        return {
            "std": QCoreApplication.translate("TrainingText", "std"),
            "xavier": "Xavier",
            "he": "He",
        }[value]
    if field == "length_unit":
        return name_of(LENGTH_UNITS, value)
    if field == "gradient_method":
        return {
            "backprop": QCoreApplication.translate("TrainingText", "backprop"),
            "numerical": QCoreApplication.translate("TrainingText", "numerical"),
        }[value]
    if field == "dataset":
        return name_of(SOURCES, value)
    if field == "batchnorm":
        return (
            QCoreApplication.translate("TrainingText", "on")
            if value
            else QCoreApplication.translate("TrainingText", "off")
        )
    if isinstance(value, float):
        return number(value)
    return str(value)


def difference_label(config: RunConfig, fields: tuple[str, ...]) -> str:
    """ "optimizer Adam, lr 0.001": the settings in ``fields`` with their values."""
    parts = []
    for field in fields:
        if field == "optimizer":
            parts.append(config.optimizer)
        elif field == "activation":
            parts.append(field_value(config, field))
        else:
            parts.append(
                QCoreApplication.translate("TrainingText", "{0} {1}").format(
                    translated(FIELD_NAMES[field]), field_value(config, field)
                )
            )
    return ", ".join(parts)
