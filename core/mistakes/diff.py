"""Where two versions of a piece of code differ, line by line and character by character.

:func:`diff_sources` compares the buggy and the correct source with :mod:`difflib` and returns
data: for each side, the changed lines (0-based) and within each the changed character ranges.
The GUI highlights those lines and marks them in its gutter; nothing here knows about colours.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True)
class LineChange:
    """A changed line: its index (0-based) and the changed ``[start, end)`` character ranges.

    A line that has no counterpart on the other side (added or removed) is changed as a whole:
    its only span covers its text after the indentation.
    """

    line: int
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class SourceDiff:
    """The changes on the left (buggy) and the right (correct) side."""

    left: tuple[LineChange, ...]
    right: tuple[LineChange, ...]

    @property
    def left_lines(self) -> frozenset[int]:
        return frozenset(change.line for change in self.left)

    @property
    def right_lines(self) -> frozenset[int]:
        return frozenset(change.line for change in self.right)


def diff_sources(left: str, right: str) -> SourceDiff:
    """Changed lines and character ranges between ``left`` and ``right`` (difflib, no junk).

    Replaced lines that are similar (difflib ratio ≥ :data:`PAIR_SIMILARITY`) are paired and
    compared character by character, so in ``return 1 / 1 + np.exp(-x)`` against
    ``return 1 / (1 + np.exp(-x))`` only the two parentheses are marked on the right (the left
    line is changed but has no span of its own); other changed lines count as a whole.
    """
    a, b = left.splitlines(), right.splitlines()
    left_changes: list[LineChange] = []
    right_changes: list[LineChange] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        for i, j in _pair_lines(a, b, range(i1, i2), range(j1, j2)):
            if i is not None and j is not None:
                spans_a, spans_b = _char_spans(a[i], b[j])
                left_changes.append(LineChange(i, spans_a))
                right_changes.append(LineChange(j, spans_b))
            elif i is not None:
                left_changes.append(LineChange(i, _whole(a[i])))
            elif j is not None:
                right_changes.append(LineChange(j, _whole(b[j])))
    left_changes.sort(key=lambda c: c.line)
    right_changes.sort(key=lambda c: c.line)
    return SourceDiff(tuple(left_changes), tuple(right_changes))


#: Two changed lines are compared character by character only when at least this similar.
PAIR_SIMILARITY = 0.5


def _pair_lines(
    a: list[str], b: list[str], left: range, right: range
) -> list[tuple[int | None, int | None]]:
    """Pair the lines of a changed block in order, each with the first similar enough line.

    Unpaired lines are returned alone (``(i, None)`` or ``(None, j)``): they were removed or
    added as a whole, and marking their characters against an unrelated line would only confuse.
    """
    pairs: list[tuple[int | None, int | None]] = []
    next_j = right.start
    for i in left:
        match = next(
            (
                j
                for j in range(next_j, right.stop)
                if difflib.SequenceMatcher(None, a[i], b[j], autojunk=False).ratio()
                >= PAIR_SIMILARITY
            ),
            None,
        )
        if match is None:
            pairs.append((i, None))
            continue
        pairs.extend((None, j) for j in range(next_j, match))
        pairs.append((i, match))
        next_j = match + 1
    pairs.extend((None, j) for j in range(next_j, right.stop))
    return pairs


def _whole(line: str) -> tuple[tuple[int, int], ...]:
    """The span of a line's text without its indentation (nothing for a blank line)."""
    start = len(line) - len(line.lstrip())
    return ((start, len(line)),) if line.strip() else ()


def _char_spans(a: str, b: str) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """The character ranges that differ between two paired lines, on each side."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    spans_a: list[tuple[int, int]] = []
    spans_b: list[tuple[int, int]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if i2 > i1:
            spans_a.append((i1, i2))
        if j2 > j1:
            spans_b.append((j1, j2))
    return tuple(spans_a), tuple(spans_b)
