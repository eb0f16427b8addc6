"""The common-mistakes gallery as data: the errors learners of the book actually make (§3–§7).

Every pattern B1 … B39 of section (c) of the learners' pain points is a :class:`Mistake`: the
buggy and the correct source text of one function or class, a demo that calls it, and what
``core`` object the correct version must agree with. The code shown is exactly the code run:
:func:`run_demo` executes the text and returns the values (or the exception NumPy raised) as data;
:func:`plot_data` does the same for the entries where a plot says more; :func:`diff_sources`
finds the changed lines and characters. The explanations are prose and so live in the GUI, keyed
by the ids.

The pain-points table skips six numbers (B16, B17, B19, B22, B31, B32); those ids are filled
with patterns from the same file's per-chapter section (a) and have ``listed == False``.

Examples
--------
>>> from core.mistakes import get_mistake, run_demo
>>> run_demo(get_mistake("B1"), "buggy").value("y")[1]
np.float64(2.0)
"""

from __future__ import annotations

from core.mistakes import ch3, ch4, ch5, ch6
from core.mistakes._model import (
    HELPERS,
    ErrorInfo,
    Mistake,
    Outcome,
    PlotData,
    PlotSpec,
    Series,
    format_value,
    helper_path,
    namespace,
    outcomes_differ,
    plot_data,
    run_demo,
    values_close,
)
from core.mistakes.diff import LineChange, SourceDiff, diff_sources

__all__ = [
    "CHAPTERS",
    "HELPERS",
    "MISTAKES",
    "ErrorInfo",
    "LineChange",
    "Mistake",
    "Outcome",
    "PlotData",
    "PlotSpec",
    "Series",
    "SourceDiff",
    "by_chapter",
    "diff_sources",
    "format_value",
    "get_mistake",
    "helper_path",
    "mistake_ids",
    "mistakes_for_topic",
    "namespace",
    "outcomes_differ",
    "plot_data",
    "run_demo",
    "values_close",
]

#: Every mistake in the order of the pain-points table (B1 … B39).
MISTAKES: tuple[Mistake, ...] = tuple(
    sorted(
        (*ch3.ENTRIES, *ch4.ENTRIES, *ch5.ENTRIES, *ch6.ENTRIES),
        key=lambda m: int(m.id[1:]),
    )
)

_BY_ID: dict[str, Mistake] = {m.id: m for m in MISTAKES}

#: The chapters that have mistakes, in the book's order.
CHAPTERS: tuple[int, ...] = tuple(sorted({m.chapter for m in MISTAKES}))


def mistake_ids() -> tuple[str, ...]:
    """All ids, ``("B1", "B2", …, "B39")``."""
    return tuple(_BY_ID)


def get_mistake(mistake_id: str) -> Mistake:
    """The mistake with id ``mistake_id`` (case-insensitive); ``KeyError`` if there is none."""
    key = str(mistake_id).strip().upper()
    if key not in _BY_ID:
        raise KeyError(f"no common mistake {mistake_id!r}; the ids are B1 … B39")
    return _BY_ID[key]


def by_chapter(chapter: int) -> tuple[Mistake, ...]:
    """The mistakes of one chapter, in id order."""
    return tuple(m for m in MISTAKES if m.chapter == chapter)


def mistakes_for_topic(topic_id: str) -> tuple[str, ...]:
    """Ids of the mistakes whose idea lives in the study view ``topic_id`` (e.g. ``"loss"``).

    Unknown topics give an empty tuple, so every tab can ask.
    """
    return tuple(m.id for m in MISTAKES if m.topic == topic_id)
