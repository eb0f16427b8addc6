"""Turn the numbers learners type or paste into NumPy arrays, and numbers back into text.

The app's input fields take text such as ``-1.0, 1.0, 2.0``, a mini-batch with one row per line,
or whatever NumPy printed (``[[1. 2.]\\n [3. 4.]]``, ``array([0.1, 0.2])``). :func:`parse_array`
reads all of these with a small tokenizer (no ``eval``) into a flat list of floats that is
reshaped once, so 100 000 numbers are read in linear time and a huge paste stops at the first
problem or as soon as it holds too many numbers. Anything that is not a list or table of numbers
raises a :class:`ParseError` that says *where* (``position``) and *what* (``reason``) is wrong.

Accepted input
--------------
* numbers separated by commas and/or whitespace; a trailing comma is fine, a doubled one is not;
* optional brackets ``[...]`` or ``(...)``, nested for a table: ``[[0.1, 0.9], [0.8, 0.2]]``;
  bracketed rows one after another (``[1 2]\\n[3 4]``) are stacked into a table;
* without brackets, one row per line: ``"0.1 0.9\\n0.8 0.2"`` is 2-D, a single line is 1-D and
  blank lines are ignored (a line break always ends a row, even after a trailing comma);
* NumPy's printed forms: ``print``/``str``/``np.array2string`` (wrapped lines included) and
  ``repr``: ``array([1., 2.])``, also written ``np.array(...)`` or ``numpy.array(...)``. A
  trailing ``, dtype=float32`` inside the parentheses is *ignored*: the result always has the
  ``dtype`` asked for. NumPy 2's scalar repr ``np.float64(0.51)``, without spaces inside as
  NumPy prints it, counts as the number 0.51;
* ints, floats, exponents (``1e-7``, ``2.5E+3``), ``+``/``-`` signs, ``.5`` and ``1.``;
* what Japanese IMEs produce: full-width digits, ``．``, ``，``, ``［］``, ``（）``, the
  ideographic space, ``、`` as a separator and the minus sign ``−`` (U+2212). Every character is
  replaced by its ``unicodedata.normalize("NFKC", ...)`` form when that form is one character,
  so positions in errors point into the text exactly as typed (``⑩``, whose form is two
  characters, is left alone and is not a number);
* ``nan``, ``inf``, ``-inf`` (any case, also ``np.nan``, ``np.inf``), only with
  ``allow_nonfinite=True``.

A comma always separates numbers, so ``1,000`` is the two numbers 1 and 0, and a decimal comma
(``0,5``) is not understood.

Reason codes of :class:`ParseError`
-----------------------------------
``empty``
    no numbers at all: blank text, or brackets with nothing inside (``[]``, ``[[1], []]``).
``not_a_number``
    a word that is not a number (``abc``, ``1..2``, ``0x10``), or a comma with no number before
    it (``1,,2``, ``, 1``).
``not_finite``
    ``nan``/``inf`` without ``allow_nonfinite``, or a number too big for the dtype (``1e999``).
``summarised``
    NumPy's shortened print with ``...`` (or a typed ``…``).
``ragged``
    rows (lines, or bracketed lists) of different lengths, or plain numbers and bracketed lists
    mixed at one level (``[1, [2, 3]]``).
``unbalanced_brackets``
    a bracket that is never closed, is closed by the other kind (``[1, 2)``) or closes nothing.
``too_deep``
    more dimensions than ``max_ndim``.
``too_large``
    more numbers than ``max_size``.
``not_a_vector``
    :func:`parse_vector` or :func:`parse_int_list` got a table of several rows *and* columns.
``not_an_integer``
    :func:`parse_int_list` got a number with a fraction (``2.5``).
``out_of_range``
    :func:`parse_int_list` got a whole number beyond ±2⁵³, which a float cannot hold exactly.
"""

from __future__ import annotations

import functools
import math
import numbers
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Final, Literal, get_args

import numpy as np
import numpy.typing as npt

from core._checks import FloatArray, IntArray, TextInputError, as_array

Reason = Literal[
    "empty",
    "not_a_number",
    "not_finite",
    "summarised",
    "ragged",
    "unbalanced_brackets",
    "too_deep",
    "too_large",
    "not_a_vector",
    "not_an_integer",
    "out_of_range",
]

#: Every ``ParseError.reason`` there is, for the GUI's table of translated messages.
REASONS: Final[tuple[str, ...]] = get_args(Reason)

#: Default limit on how many numbers one field may hold.
DEFAULT_MAX_SIZE: Final = 100_000

#: Whole numbers up to this size are exact in float64; larger "class labels" are refused.
MAX_EXACT_INT: Final = 2**53

SUMMARY_HINT: Final = (
    "the array was printed in shortened form with '...'; "
    "print it with np.set_printoptions(threshold=np.inf)"
)

_TOKEN_SHOWN = 30  # a longer token is shortened in messages


class ParseError(TextInputError):
    """Error for text that is not a list or table of numbers, saying where and what is wrong.

    ``str(error)`` (``args[0]``) is an English message for people, such as
    ``"'abc' at position 6 is not a number"``.

    Attributes
    ----------
    reason : str
        A short code from :data:`REASONS` (explained in the module docstring), for the GUI to
        pick a translated message.
    position : int or None
        0-based character offset into the text as given, for placing a caret; ``None`` when
        there is nothing to point at (blank text).
    detail : dict
        The values used in the message: ``token``, ``row``, ``length``, ``expected``, ``limit``,
        ``shape`` ... and, whenever ``position`` is set, the 1-based ``line`` it is on.
    """

    reason: Reason


# --- public API --------------------------------------------------------------------------------


def parse_array(
    text: str,
    *,
    max_ndim: int = 2,
    max_size: int = DEFAULT_MAX_SIZE,
    allow_nonfinite: bool = False,
    dtype: npt.DTypeLike = np.float64,
) -> FloatArray:
    """Parse a list or table of numbers typed or pasted by a learner into an ndarray.

    Parameters
    ----------
    text : str
        Numbers in any of the forms listed in the module docstring.
    max_ndim : int
        Most dimensions the result may have (≥ 1); deeper nesting raises ``too_deep``.
    max_size : int
        Most numbers the text may hold (≥ 1); one more raises ``too_large`` at once, without
        reading the rest of a huge paste.
    allow_nonfinite : bool
        Accept ``nan``, ``inf`` and numbers too big for ``dtype``; by default they raise
        ``not_finite``.
    dtype : float dtype
        Floating dtype of the result. A ``dtype=...`` written in the text is ignored.

    Returns
    -------
    ndarray
        1-D for a single row, 2-D (or more, up to ``max_ndim``) for a table; never empty.

    Raises
    ------
    ParseError
        When the text is not such a list or table; ``reason`` says why (see the module
        docstring) and ``position`` where.
    """
    float_dtype = _check_options(max_ndim, max_size, dtype)
    parsed = _parse(text, max_ndim=max_ndim, max_size=max_size, allow_nonfinite=allow_nonfinite)
    return _cast(parsed, float_dtype, allow_nonfinite)


def parse_vector(
    text: str,
    *,
    max_size: int = DEFAULT_MAX_SIZE,
    allow_nonfinite: bool = False,
    dtype: npt.DTypeLike = np.float64,
) -> FloatArray:
    """Parse text into a 1-D array; a table of one row or one column is flattened.

    A table with several rows and several columns raises :class:`ParseError` ``not_a_vector``.
    The options are those of :func:`parse_array`.
    """
    float_dtype = _check_options(2, max_size, dtype)
    parsed = _parse(text, max_ndim=2, max_size=max_size, allow_nonfinite=allow_nonfinite)
    _require_vector(parsed)
    return _cast(parsed, float_dtype, allow_nonfinite).reshape(-1)


def parse_matrix(
    text: str,
    *,
    max_size: int = DEFAULT_MAX_SIZE,
    allow_nonfinite: bool = False,
    dtype: npt.DTypeLike = np.float64,
) -> FloatArray:
    """Parse text into a 2-D array; a single row of numbers becomes a table of one row.

    The options are those of :func:`parse_array`.
    """
    float_dtype = _check_options(2, max_size, dtype)
    parsed = _parse(text, max_ndim=2, max_size=max_size, allow_nonfinite=allow_nonfinite)
    arr = _cast(parsed, float_dtype, allow_nonfinite)
    return arr.reshape(1, -1) if arr.ndim == 1 else arr


def parse_int_list(text: str, *, max_size: int = DEFAULT_MAX_SIZE) -> IntArray:
    """Parse whole numbers such as class labels (``2`` or ``2, 7, 0``) into a 1-D int64 array.

    Numbers are read as by :func:`parse_vector`, so ``2.0`` and ``1e2`` are whole and fine;
    ``2.5`` raises ``not_an_integer`` and a number beyond ±2⁵³ ``out_of_range``, both with the
    position of the offending number. Whether a label fits the number of classes is for the
    caller to check.
    """
    _check_options(2, max_size, np.float64)
    parsed = _parse(text, max_ndim=2, max_size=max_size, allow_nonfinite=False)
    _require_vector(parsed)
    values = parsed.values.reshape(-1)
    fraction = values != np.floor(values)
    if fraction.any():
        raise parsed.error_at(
            int(np.argmax(fraction)),
            "{token!r} at {where} is not a whole number",
            "not_an_integer",
        )
    too_big = np.abs(values) > MAX_EXACT_INT
    if too_big.any():
        raise parsed.error_at(
            int(np.argmax(too_big)),
            "{token!r} at {where} is too big: whole numbers must lie within ±2**53",
            "out_of_range",
            limit=MAX_EXACT_INT,
        )
    return values.astype(np.int64)


def format_number(value: float, precision: int = 6) -> str:
    """Format one number for people: ``precision`` significant digits in ``g`` style.

    ``0.09750000000000003`` → ``0.0975``, ``0.510825457099338`` → ``0.510825``,
    ``2.06106005e-09`` → ``2.06106e-09``, ``2.0`` → ``2``, and ``nan``, ``inf``, ``-inf``.
    Negative zero prints as ``0``, never ``-0``. Integers (Python or NumPy ints) print in full.
    """
    if isinstance(precision, bool) or not isinstance(precision, int) or precision < 1:
        raise ValueError(f"precision must be a whole number ≥ 1, got {precision!r}")
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(f"value must be a real number, got {value!r} ({type(value).__name__})")
    if isinstance(value, numbers.Integral):
        return str(int(value))
    text = format(float(value), f".{precision}g")
    return "0" if text == "-0" else text


def format_array(arr: Any, precision: int = 6) -> str:
    """Format an array for people: laid out like NumPy's print, numbers by :func:`format_number`.

    A vector prints as ``[0.1 0.05 0.6]``; a table has one row per line with its columns
    right-aligned to one width, so ``[[1, 2.5], [3.25, 4]]`` prints as::

        [[   1  2.5]
         [3.25    4]]

    This is the *human* form, shown next to the book's. The book-exact form, with NumPy's own
    digits and padding, is ``np.array2string(arr)`` (what ``print(arr)`` shows) or ``repr(arr)``.
    :func:`parse_array` reads the result back (to ``precision`` significant digits).
    """
    a = as_array(arr, "arr")
    if a.dtype.kind == "b":
        a = a.astype(np.int64)
    if a.ndim == 0:
        return format_number(a.item(), precision)
    cells = [format_number(v, precision) for v in a.reshape(-1).tolist()]
    if a.ndim >= 2 and cells:
        width = max(len(c) for c in cells)
        cells = [c.rjust(width) for c in cells]
    return _format_block(cells, a.shape, 0)


# --- options and results -----------------------------------------------------------------------


def _check_options(max_ndim: int, max_size: int, dtype: npt.DTypeLike) -> np.dtype[Any]:
    """Check the caller's options; a mistake there is a plain ValueError, not a ParseError."""
    if isinstance(max_ndim, bool) or not isinstance(max_ndim, int) or max_ndim < 1:
        raise ValueError(f"max_ndim must be a whole number ≥ 1, got {max_ndim!r}")
    if isinstance(max_size, bool) or not isinstance(max_size, int) or max_size < 1:
        raise ValueError(f"max_size must be a whole number ≥ 1, got {max_size!r}")
    float_dtype = np.dtype(dtype)
    if float_dtype.kind != "f":
        raise ValueError(f"dtype must be a floating type such as float64, got {float_dtype}")
    return float_dtype


@dataclass
class _Parsed:
    """The numbers read, as a float64 array, and where in the text each of them starts."""

    values: npt.NDArray[np.float64]
    starts: list[int]
    source: _Source

    def error_at(self, index: int, template: str, reason: Reason, **detail: object) -> ParseError:
        """Build a ParseError about number ``index`` (flat), with its text as ``token``."""
        start = self.starts[index]
        match = _TOKEN.match(self.source.text, start)
        end = match.end() if match else start + 1
        token = self.source.token(start, end)
        return self.source.error(template, reason, start, token=token, **detail)


def _cast(parsed: _Parsed, dtype: np.dtype[Any], allow_nonfinite: bool) -> FloatArray:
    """Return the values in ``dtype``, refusing numbers that overflow it unless allowed."""
    if dtype == np.float64:
        return parsed.values
    with np.errstate(over="ignore"):
        out = parsed.values.astype(dtype)
    if not allow_nonfinite:
        overflow = ~np.isfinite(out)
        if overflow.any():
            raise parsed.error_at(
                int(np.argmax(overflow)),
                "{token} at {where} is too big for {dtype} (it would become infinity); "
                "only finite numbers are allowed here",
                "not_finite",
                dtype=str(dtype),
            )
    return out


def _require_vector(parsed: _Parsed) -> None:
    """Raise ``not_a_vector`` unless the values have one row or one column."""
    shape = parsed.values.shape
    if len(shape) == 2 and shape[0] > 1 and shape[1] > 1:
        raise parsed.source.error(
            "expected one row or one column of numbers (a vector), got a table of {rows} rows "
            "and {columns} columns (shape {shape}); its second row starts at {where}",
            "not_a_vector",
            parsed.starts[shape[1]],
            shape=shape,
            rows=shape[0],
            columns=shape[1],
        )


def _format_block(cells: list[str], shape: tuple[int, ...], indent: int) -> str:
    """Lay out the flat ``cells`` of an array of ``shape`` in NumPy's nested brackets."""
    if len(shape) == 1:
        return "[" + " ".join(cells) + "]"
    n = shape[0]
    step = len(cells) // n if n else 0
    parts = [
        _format_block(cells[i * step : (i + 1) * step], shape[1:], indent + 1) for i in range(n)
    ]
    separator = "\n" * (len(shape) - 1) + " " * (indent + 1)
    return "[" + separator.join(parts) + "]"


# --- the text as typed and its normalised form -------------------------------------------------

_NEWLINES = r"\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"  # what str.splitlines splits on
_LINE_BREAK = re.compile(r"\r\n|[" + _NEWLINES + "]")
_EXTRA_FORMS = str.maketrans({"\u2212": "-", "、": ","})  # minus sign; Japanese comma
_N_CODE_POINTS = 0x110000


@functools.lru_cache(maxsize=4096)
def _char_form(char: str) -> str:
    """Return the NFKC form of one character (``−`` → ``-``, ``、`` → ``,``) if it is one character."""
    form = unicodedata.normalize("NFKC", char).translate(_EXTRA_FORMS)
    return form if len(form) == 1 else char


def _normalise(text: str) -> str:
    """Replace each character by :func:`_char_form`; the result has the same length as ``text``.

    The characters are mapped as an array of code points, so even 10 MB of full-width text is
    normalised at C speed; only each *distinct* character is looked up in Python.
    """
    if text.isascii():
        return text
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    present = np.zeros(_N_CODE_POINTS, dtype=bool)
    present[codes] = True
    present[:128] = False
    changed = {}
    for code in np.flatnonzero(present).tolist():
        form = _char_form(chr(code))
        if form != chr(code):
            changed[code] = ord(form)
    if not changed:
        return text
    table = np.arange(_N_CODE_POINTS, dtype="<u4")
    table[list(changed)] = list(changed.values())
    return table[codes].tobytes().decode("utf-32-le", "surrogatepass")


class _Source:
    """The text as typed and its normalised form; a position means the same in both."""

    def __init__(self, text: str) -> None:
        self.original = text
        self.text = _normalise(text)

    def token(self, start: int, end: int) -> str:
        """The typed text of [start, end), shortened when long."""
        token = self.original[start:end]
        return token if len(token) <= _TOKEN_SHOWN else token[: _TOKEN_SHOWN - 1] + "…"

    def error(
        self, template: str, reason: Reason, position: int | None, **detail: object
    ) -> ParseError:
        """Build a ParseError whose message is ``template.format(where=..., **detail)``.

        ``{where}`` becomes "position 6", plus " on line 3" when the text has several lines, and
        ``{position}`` the bare position. What the learner typed only ever enters through
        ``detail``, never into the template itself.
        """
        if position is None:
            return ParseError(template.format(**detail), reason, None, detail)
        line = len(_LINE_BREAK.findall(self.original, 0, position)) + 1
        where = f"position {position}"
        if _LINE_BREAK.search(self.original):
            where += f" on line {line}"
        message = template.format(where=where, position=position, **detail)
        return ParseError(message, reason, position, {**detail, "line": line})


# --- tokens ------------------------------------------------------------------------------------

_TOKEN = re.compile(
    # Spaces and tabs before a token are skipped as part of it. Every character starts some
    # alternative (``blank`` takes other whitespace, ``end`` the end), so a match never fails
    # and a long run of spaces is never rescanned.
    r"[ \t]*"
    r"(?:(?P<newline>[" + _NEWLINES + r"]\s*)"  # a line break and any blank lines after it
    r"|(?P<comma>,)"
    r"|(?P<open>[\[(])"
    r"|(?P<close>[\])])"
    r"|(?P<scalar>(?:np|numpy)\.(?:float|int|uint)(?:8|16|32|64|128)?"
    r"\((?P<inner>[^\s,()\[\]]*)\))"  # no spaces inside, as NumPy prints it: nothing to backtrack
    r"|(?P<word>[^\s,()\[\]]+)"
    r"|(?P<blank>\s)"
    r"|(?P<end>\Z))"
)
_NONFINITE = re.compile(r"([+-]?)(?:(?:np|numpy)\.)?(nan|inf|infinity)", re.IGNORECASE)
_WRAPPER = re.compile(r"(?=(?P<space>\s*))(?P=space)(?:(?:np|numpy)\s*\.\s*)?array\s*\(")
_DTYPE_TAIL = re.compile(r",\s*dtype\s*=\s*[\w.'\"<>|]+\s*$")
_CLOSING = {"[": "]", "(": ")"}

_START, _ITEM, _COMMA = 0, 1, 2  # what came last in a group: nothing, a number or list, a comma
_NUMBERS, _LISTS = 1, 2  # what a group holds


@dataclass
class _Group:
    """One level of brackets being read; the top level (no bracket) has ``open_pos`` -1."""

    open_pos: int
    char: str
    kind: int = 0
    count: int = 0
    child_shape: tuple[int, ...] | None = None
    last: int = _START


@dataclass
class _Lines:
    """Rows of a table written one per line without brackets."""

    count: int = 0  # finished lines with numbers on them
    length: int = 0  # numbers on the first of them
    current: int = 0  # numbers so far on the line being read
    current_start: int = 0  # where the first number of that line is


def _parse(text: str, *, max_ndim: int, max_size: int, allow_nonfinite: bool) -> _Parsed:
    """Read ``text`` into a float64 array of the shape its brackets or lines give."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    source = _Source(text)
    start, end = _body(source)
    reader = _Reader(source, max_ndim, max_size, allow_nonfinite)
    reader.read(start, end)
    shape = reader.finish()
    values = np.array(reader.values, dtype=np.float64).reshape(shape)
    return _Parsed(values, reader.starts, source)


def _body(source: _Source) -> tuple[int, int]:
    """Return the span to read: all the text, or what is inside ``array(...)`` but ``dtype=``."""
    text = source.text
    m = _WRAPPER.match(text)
    if m is None:
        return 0, len(text)
    end = len(text.rstrip())
    if text[end - 1] != ")":
        raise source.error(
            "the '{token}' of 'array(' at {where} is never closed with ')'",
            "unbalanced_brackets",
            m.end() - 1,
            token="(",
        )
    end -= 1
    tail = _DTYPE_TAIL.search(text, max(m.end(), end - 200), end)
    return m.end(), tail.start() if tail else end


class _Reader:
    """Builds the flat list of numbers and the shape from the tokens, one token at a time."""

    def __init__(self, source: _Source, max_ndim: int, max_size: int, allow_nonfinite: bool):
        self.source = source
        self.max_ndim = max_ndim
        self.max_size = max_size
        self.allow_nonfinite = allow_nonfinite
        self.values: list[float] = []
        self.starts: list[int] = []
        self.top = _Group(-1, "")
        self.stack = [self.top]
        self.lines = _Lines()

    def read(self, start: int, end: int) -> None:
        """Read the tokens of the normalised text in [start, end)."""
        for m in _TOKEN.finditer(self.source.text, start, end):
            kind = m.lastgroup
            if kind == "word":
                self.number(m.group(kind), m.start(kind), m.end(kind))
            elif kind == "comma":
                self.comma(m.start(kind))
            elif kind == "newline":
                self.newline()
            elif kind == "open":
                self.open(m.group(kind), m.start(kind))
            elif kind == "close":
                self.close(m.group(kind), m.start(kind))
            elif kind == "scalar":
                if m.group("inner"):
                    self.number(m.group("inner"), m.start("inner"), m.end("inner"))
                else:
                    self.not_a_number(m.start(kind), m.end(kind))

    def error(self, template: str, reason: Reason, pos: int | None, **detail: object) -> ParseError:
        """Build a ParseError (see :meth:`_Source.error`)."""
        return self.source.error(template, reason, pos, **detail)

    def not_a_number(self, start: int, end: int) -> None:
        token = self.source.token(start, end)
        raise self.error("{token!r} at {where} is not a number", "not_a_number", start, token=token)

    # -- tokens --

    def number(self, word: str, start: int, end: int) -> None:
        """Add the number ``word``, found at [start, end), to the group being read."""
        value = _finite_float(word)
        if value is None:
            value = self._unusual_number(word, start, end)
        group = self.stack[-1]
        if group.kind == _LISTS:
            raise self.error(
                "{token!r} at {where} is a plain number, but the items before it at this level "
                "are lists in brackets",
                "ragged",
                start,
                token=self.source.token(start, end),
            )
        group.kind = _NUMBERS
        group.count += 1
        group.last = _ITEM
        if group is self.top:
            self._line_number(start)
        self.values.append(value)
        self.starts.append(start)
        if len(self.values) > self.max_size:
            raise self.error(
                "there are more than {limit} numbers, the most allowed here "
                "(number {count} is at {where})",
                "too_large",
                start,
                limit=self.max_size,
                count=self.max_size + 1,
            )

    def _unusual_number(self, word: str, start: int, end: int) -> float:
        """Return nan, inf or an overflowing number when allowed; raise for everything else."""
        token = self.source.token(start, end)
        if word in ("...", "…"):
            raise self.error(
                SUMMARY_HINT + " (the '{token}' is at {where})", "summarised", start, token=token
            )
        named = _NONFINITE.fullmatch(word)
        if named:
            if not self.allow_nonfinite:
                raise self.error(
                    "{token} at {where}: only finite numbers are allowed here",
                    "not_finite",
                    start,
                    token=token,
                )
            value = math.nan if named.group(2).lower() == "nan" else math.inf
            return -value if named.group(1) == "-" else value
        value = _any_float(word)
        if value is None:
            self.not_a_number(start, end)
        if not self.allow_nonfinite:
            raise self.error(
                "{token} at {where} is too big (it becomes infinity); "
                "only finite numbers are allowed here",
                "not_finite",
                start,
                token=token,
            )
        return value

    def comma(self, pos: int) -> None:
        group = self.stack[-1]
        if group.last == _ITEM:
            group.last = _COMMA
            return
        template = (
            "missing number between commas at {where}"
            if group.last == _COMMA
            else "missing number before the comma at {where}"
        )
        raise self.error(template, "not_a_number", pos, token=",")

    def newline(self) -> None:
        if self.top.kind == _NUMBERS:  # one row per line; inside brackets a line break is a space
            self._end_line()
            self.top.last = _START

    def open(self, char: str, pos: int) -> None:
        group = self.stack[-1]
        if group.kind == _NUMBERS:
            raise self.error(
                "'{token}' at {where} starts a list, but the items before it at this level are "
                "plain numbers; put every row in brackets, or none",
                "ragged",
                pos,
                token=char,
            )
        group.kind = _LISTS
        group.count += 1
        group.last = _ITEM
        ndim = len(self.stack)
        top = self.top
        if top.count >= 2 and top.child_shape is not None:  # top-level lists are stacked
            ndim = max(ndim + 1, len(top.child_shape) + 1)
        if ndim > self.max_ndim:
            raise self.error(
                "'{token}' at {where} makes this a {ndim}-D array, but only up to {limit}-D is "
                "allowed here",
                "too_deep",
                pos,
                token=char,
                ndim=ndim,
                limit=self.max_ndim,
            )
        self.stack.append(_Group(pos, char))

    def close(self, char: str, pos: int) -> None:
        if len(self.stack) == 1:
            raise self.error(
                "'{token}' at {where} has no matching '{opener}'",
                "unbalanced_brackets",
                pos,
                token=char,
                opener="[" if char == "]" else "(",
            )
        group = self.stack.pop()
        if _CLOSING[group.char] != char:
            raise self.error(
                "'{token}' at {where} does not match the '{opener}' at position {opened_at}",
                "unbalanced_brackets",
                pos,
                token=char,
                opener=group.char,
                opened_at=group.open_pos,
            )
        if group.count == 0:
            raise self.error(
                "the brackets at {where} hold no numbers", "empty", group.open_pos, token=group.char
            )
        shape = (group.count, *(group.child_shape or ()))
        parent = self.stack[-1]
        if parent.child_shape is None:
            parent.child_shape = shape
        elif parent.child_shape != shape:
            raise self._ragged_lists(parent, group, shape)

    def _ragged_lists(self, parent: _Group, group: _Group, shape: tuple[int, ...]) -> ParseError:
        expected = parent.child_shape or ()
        if len(shape) == 1 and len(expected) == 1:
            what = _numbers("has {length} number", shape[0]) + ", but row 1 has {expected}"
            length: object = shape[0]
            first: object = expected[0]
        else:
            what = "has shape {length}, but row 1 has shape {expected}"
            length, first = shape, expected
        return self.error(
            "row {row} (the list at {where}) " + what + "; every row needs the same length",
            "ragged",
            group.open_pos,
            row=parent.count,
            length=length,
            expected=first,
        )

    # -- rows written one per line --

    def _line_number(self, pos: int) -> None:
        lines = self.lines
        lines.current += 1
        if lines.current > 1:
            return
        lines.current_start = pos
        if lines.count == 1 and self.max_ndim < 2:
            raise self.error(
                "a second line of numbers at {where} makes this a 2-D table (one row per line), "
                "but only up to {limit}-D is allowed here",
                "too_deep",
                pos,
                ndim=2,
                limit=self.max_ndim,
            )

    def _end_line(self) -> None:
        lines = self.lines
        if lines.current == 0:
            return
        if lines.count == 0:
            lines.length = lines.current
        elif lines.current != lines.length:
            raise self.error(
                _numbers("line {row} has {length} number", lines.current)
                + ", but the first line has {expected}; every row needs the same length "
                "(line {row} starts at position {position})",
                "ragged",
                lines.current_start,
                row=lines.count + 1,
                length=lines.current,
                expected=lines.length,
            )
        lines.count += 1
        lines.current = 0

    # -- the end --

    def finish(self) -> tuple[int, ...]:
        """Check that every bracket is closed and return the shape of what was read."""
        if len(self.stack) > 1:
            group = self.stack[-1]
            raise self.error(
                "the '{token}' at {where} is never closed with '{closing}'",
                "unbalanced_brackets",
                group.open_pos,
                token=group.char,
                closing=_CLOSING[group.char],
            )
        top = self.top
        if top.kind == _NUMBERS:
            self._end_line()
            lines = self.lines
            return (lines.length,) if lines.count == 1 else (lines.count, lines.length)
        if top.kind == _LISTS and top.child_shape is not None:
            return top.child_shape if top.count == 1 else (top.count, *top.child_shape)
        raise self.error("there are no numbers in the text", "empty", None)


def _finite_float(word: str) -> float | None:
    """Return ``word`` as a float when it is a plain finite decimal number, else None.

    This is the fast path. ``float`` also takes underscores, non-ASCII digits, nan and inf; the
    first two are refused here and the others come out non-finite, so a finite result means a
    plain decimal number.
    """
    if not word.isascii() or "_" in word:
        return None
    try:
        value = float(word)
    except ValueError:
        return None
    return value if value - value == 0.0 else None


def _any_float(word: str) -> float | None:
    """Return a decimal number that overflows (``1e999``) as ±inf, and None for a non-number.

    Called after nan/inf words have been handled, so whatever ``float`` accepts here is decimal.
    """
    if not word.isascii() or "_" in word:
        return None
    try:
        return float(word)
    except ValueError:
        return None


def _numbers(phrase: str, count: int) -> str:
    """Return ``phrase`` (ending in "number") in the plural unless ``count`` is 1."""
    return phrase if count == 1 else phrase + "s"
