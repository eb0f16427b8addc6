"""A small, safe formula language for the functions learners type: f(x) and f(x0, x1) (§4.3–4.4).

:func:`parse_function` reads text such as ``0.01x^2 + 0.1x`` or ``x0² + x1²`` with its own
tokenizer and a precedence-climbing (Pratt) parser into a tree of a few node kinds, and returns an
:class:`Expression`: a vectorised NumPy function of one or two variables. Nothing is ever handed to
``eval``/``exec``: the only things the tree can do are the arithmetic operators and the functions
listed below, so ``__import__('os')``, ``x.__class__`` or ``(lambda: 1)()`` are refused as text.

The language
------------
* numbers: ``2``, ``0.01``, ``.5``, ``1e-4``; the constants ``pi`` (also ``π``) and ``e``;
* the variable ``x`` (one variable) or ``x0`` and ``x1`` (two; ``x`` and ``y`` mean the same);
* ``+ - * /``, powers as ``^`` or ``**`` (right-associative: ``2^3^2`` is 2^9) and as superscripts
  (``x²``, ``x⁻¹``); a minus binds looser than a power, as in mathematics: ``-x^2`` is -(x^2);
* a number, ``)`` or variable directly before a name or ``(`` multiplies: ``0.01x^2``,
  ``2(x + 1)``, ``2pi x``;
* ``|u|`` for abs(u); and the functions exp, log (natural; also ``ln``), log10, sqrt, sin, cos,
  tan, tanh, abs, sigmoid (:func:`core.functions.sigmoid`) and relu (:func:`core.functions.relu`),
  each with exactly one argument in parentheses;
* ``×``, ``·``, ``⋅`` and ``∗`` for ``*``, ``÷`` for ``/``, ``−`` (U+2212) for ``-``, and
  full-width characters as a Japanese IME types them (``ｘ＾２``).

Limits keep every input fast: at most :data:`MAX_LENGTH` characters, :data:`MAX_DEPTH` levels of
nesting, and a constant exponent of at most :data:`MAX_EXPONENT` in size (``9**9**9`` is refused;
an exponent that depends on x, as in ``2^x``, simply overflows to ``inf``).

Evaluating
----------
An :class:`Expression` is called with arrays (or numbers) and broadcasts them. float32 input
stays float32 (constants adapt to the input), anything else becomes float64. Points where the
function is undefined give ``nan`` or ``±inf`` (``log(-1)``, ``1/0``) with no RuntimeWarning;
the caller finds them with ``np.isfinite``. :meth:`Expression.derivative` and
:meth:`Expression.gradient` give the exact derivative by forward-mode automatic differentiation
(each node carries its value and its derivative through the chain rule), not by a difference
quotient; it is ``nan`` where the derivative does not exist (``|x|`` and ``relu`` at 0).

Reason codes of :class:`ExpressionError`
----------------------------------------
``empty``
    nothing but spaces.
``too_long``
    more than :data:`MAX_LENGTH` characters (``detail['limit']``, ``detail['length']``).
``too_deep``
    more than :data:`MAX_DEPTH` levels of parentheses, minus signs, powers or calls.
``too_large``
    a constant exponent beyond ±:data:`MAX_EXPONENT` (``detail['kind'] == 'exponent'``) or a number
    too big for float64 (``'number'``); ``detail['value']`` holds it.
``bad_character``
    a character that is not part of the language (``@``, ``;``, ``√``); ``detail['hint']`` may
    suggest what to write instead.
``bad_number``
    a malformed number such as ``1.2.3``.
``syntax``
    a token where it cannot stand (``x + * 2``), or the text ends too early (``x +``; then
    ``detail['token']`` is ``''``). ``detail['expected']`` is ``'operand'``, ``'operator'``,
    ``')'``, ``'|'`` or ``'('``.
``unbalanced``
    an opening ``(`` or ``|`` that is never closed, or a ``)`` that closes nothing.
``unknown_name``
    a name that is neither a variable nor a constant (``detail['allowed']`` lists the variables).
``unknown_function``
    a name followed by ``(`` that is not one of the functions (``detail['functions']``).
``not_allowed``
    Python rather than a formula; ``detail['construct']`` is ``'keyword'`` (``import``,
    ``lambda``...), ``'private_name'`` (``__import__``), ``'string'``, ``'attribute'`` (``.``
    after a name), ``'subscript'`` (``[``), ``'comparison'`` (``<``, ``==``), ``'assignment'``
    (``=``) or ``'comma'`` (a comma outside a call).
``arguments``
    a function called with other than exactly one argument (``detail['count']``).
"""

from __future__ import annotations

import keyword
import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal, get_args

import numpy as np

from core import functions as F
from core._checks import FloatArray, TextInputError

Reason = Literal[
    "empty",
    "too_long",
    "too_deep",
    "too_large",
    "bad_character",
    "bad_number",
    "syntax",
    "unbalanced",
    "unknown_name",
    "unknown_function",
    "not_allowed",
    "arguments",
]

#: Every ``ExpressionError.reason`` there is, for the GUI's table of translated messages.
REASONS: Final[tuple[str, ...]] = get_args(Reason)

#: Longest text accepted, in characters.
MAX_LENGTH: Final = 500
#: Most levels of nesting (parentheses, signs, powers, calls) accepted.
MAX_DEPTH: Final = 40
#: Largest constant exponent accepted, in absolute value.
MAX_EXPONENT: Final = 1000.0

#: The variable names of a function of one and of two variables, and their synonyms.
VARIABLES: Final[Mapping[int, Mapping[str, int]]] = {
    1: {"x": 0},
    2: {"x0": 0, "x1": 1, "x": 0, "y": 1},
}
#: The canonical names, in argument order.
VARIABLE_NAMES: Final[Mapping[int, tuple[str, ...]]] = {1: ("x",), 2: ("x0", "x1")}

CONSTANTS: Final[Mapping[str, float]] = {"pi": math.pi, "π": math.pi, "e": math.e}


def _relu_derivative(u: Any) -> Any:
    """1 where u > 0, 0 where u < 0, nan at 0 (the kink, where no derivative exists)."""
    return np.where(u > 0, 1.0, np.where(u < 0, 0.0, np.nan))


def _sigmoid_derivative(u: Any) -> Any:
    s = F.sigmoid(u)
    return s * (1.0 - s)


def _abs_derivative(u: Any) -> Any:
    """sign(u), nan at 0 where |u| has a corner."""
    return u / np.abs(u)


#: name → (f(u), f'(u)); f' is written in terms of u so the chain rule can multiply it by u'.
FUNCTIONS: Final[Mapping[str, tuple[Callable[[Any], Any], Callable[[Any], Any]]]] = {
    "exp": (np.exp, np.exp),
    "log": (np.log, lambda u: 1.0 / u),
    "ln": (np.log, lambda u: 1.0 / u),
    "log10": (np.log10, lambda u: 1.0 / (u * math.log(10.0))),
    "sqrt": (np.sqrt, lambda u: 0.5 / np.sqrt(u)),
    "sin": (np.sin, np.cos),
    "cos": (np.cos, lambda u: -np.sin(u)),
    "tan": (np.tan, lambda u: 1.0 + np.tan(u) ** 2),
    "tanh": (np.tanh, lambda u: 1.0 - np.tanh(u) ** 2),
    "abs": (np.abs, _abs_derivative),
    "sigmoid": (F.sigmoid, _sigmoid_derivative),
    "relu": (F.relu, _relu_derivative),
}

#: The function names a learner may use, in the order messages list them.
FUNCTION_NAMES: Final[tuple[str, ...]] = tuple(FUNCTIONS)


class ExpressionError(TextInputError):
    """Text that is not a formula of the language, saying where and what is wrong.

    ``str(error)`` is an English message for people. ``reason`` is a code from :data:`REASONS`
    (explained in the module docstring) for the GUI to pick a translated message, ``position``
    the 0-based character offset into the text as typed (``None`` when there is nothing to point
    at), and ``detail`` the values the message uses (``token``, ``name``, ``limit``...).
    """

    reason: Reason


# --- the tree -----------------------------------------------------------------------------------

Env = tuple[Any, ...]  # the variables' values, in argument order
DualEnv = tuple[tuple[Any, Any], ...]  # (value, derivative) of each variable


def _scale(tangent: Any, factor: Any) -> Any:
    """tangent · factor, but exactly 0 where the tangent is 0 (so 0 · inf is 0, not nan)."""
    return np.where(np.equal(tangent, 0.0), 0.0, tangent * factor)


class _Node:
    """A node of the expression tree: it evaluates, differentiates and prints itself."""

    precedence = 9  # atoms never need parentheses

    def evaluate(self, env: Env) -> Any:
        raise NotImplementedError

    def dual(self, env: DualEnv) -> tuple[Any, Any]:
        """(value, derivative) by the chain rule, given each variable's (value, derivative)."""
        raise NotImplementedError

    def text(self) -> str:
        raise NotImplementedError

    def is_constant(self) -> bool:
        return False

    def depth(self) -> int:
        return 1


@dataclass(frozen=True)
class _Number(_Node):
    value: float

    def evaluate(self, env: Env) -> Any:
        return self.value

    def dual(self, env: DualEnv) -> tuple[Any, Any]:
        return self.value, 0.0

    def text(self) -> str:
        if self.value == math.pi:
            return "π"
        if self.value == math.e:
            return "e"
        if math.isinf(self.value) or math.isnan(self.value):
            return str(self.value)
        if self.value == int(self.value) and abs(self.value) < 1e15:
            return str(int(self.value))
        return repr(self.value)

    def is_constant(self) -> bool:
        return True

    @property
    def precedence(self) -> int:  # type: ignore[override]
        return 3 if self.value < 0 else 9  # a negative constant prints with its sign


@dataclass(frozen=True)
class _Variable(_Node):
    index: int
    name: str

    def evaluate(self, env: Env) -> Any:
        return env[self.index]

    def dual(self, env: DualEnv) -> tuple[Any, Any]:
        return env[self.index]

    def text(self) -> str:
        return self.name


@dataclass(frozen=True)
class _Negate(_Node):
    operand: _Node
    precedence = 3

    def evaluate(self, env: Env) -> Any:
        return np.negative(self.operand.evaluate(env))

    def dual(self, env: DualEnv) -> tuple[Any, Any]:
        value, tangent = self.operand.dual(env)
        return np.negative(value), np.negative(tangent)

    def text(self) -> str:
        inner = self.operand.text()
        return "−" + (f"({inner})" if self.operand.precedence <= 3 else inner)

    def depth(self) -> int:
        return 1 + self.operand.depth()


_SUPERSCRIPT_OUT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


@dataclass(frozen=True)
class _Binary(_Node):
    op: str  # one of + - * / ^
    left: _Node
    right: _Node

    @property
    def precedence(self) -> int:  # type: ignore[override]
        return {"+": 1, "-": 1, "*": 2, "/": 2, "^": 4}[self.op]

    def evaluate(self, env: Env) -> Any:
        a = self.left.evaluate(env)
        b = self.right.evaluate(env)
        if self.op == "+":
            return np.add(a, b)
        if self.op == "-":
            return np.subtract(a, b)
        if self.op == "*":
            return np.multiply(a, b)
        if self.op == "/":
            return np.divide(a, b)
        return np.power(a, b)

    def dual(self, env: DualEnv) -> tuple[Any, Any]:
        a, da = self.left.dual(env)
        b, db = self.right.dual(env)
        if self.op == "+":
            return np.add(a, b), np.add(da, db)
        if self.op == "-":
            return np.subtract(a, b), np.subtract(da, db)
        if self.op == "*":
            return np.multiply(a, b), _scale(da, b) + _scale(db, a)
        if self.op == "/":
            quotient = np.divide(a, b)
            return quotient, np.divide(da - _scale(db, quotient), b)
        value = np.power(a, b)
        if isinstance(self.right, _Number):  # d(u^c) = c·u^(c-1)·du
            c = self.right.value
            if c == 0:
                return value, 0.0
            return value, _scale(da, c * np.power(a, c - 1.0))
        # d(u^v) = u^v·(dv·ln u + v·du/u)
        return value, _scale(db, value * np.log(a)) + _scale(da, value * np.divide(b, a))

    def text(self) -> str:
        p = self.precedence
        left, right = self.left.text(), self.right.text()
        if self.op == "^":
            if self.left.precedence <= 4:
                left = f"({left})"
            if isinstance(self.right, _Number) and self.right.value == int(self.right.value):
                exponent = int(self.right.value)
                if -99 <= exponent <= 99 and exponent not in (0, 1):
                    return left + str(exponent).translate(_SUPERSCRIPT_OUT)
            if self.right.precedence < 9:
                right = f"({right})"
            return f"{left}^{right}"
        if self.left.precedence < p:
            left = f"({left})"
        if self.right.precedence < p or (self.right.precedence == p and self.op in "-/"):
            right = f"({right})"
        symbol = {"+": " + ", "-": " − ", "*": "·", "/": "/"}[self.op]
        return f"{left}{symbol}{right}"

    def depth(self) -> int:
        return 1 + max(self.left.depth(), self.right.depth())


@dataclass(frozen=True)
class _Call(_Node):
    name: str
    argument: _Node

    def evaluate(self, env: Env) -> Any:
        return FUNCTIONS[self.name][0](self.argument.evaluate(env))

    def dual(self, env: DualEnv) -> tuple[Any, Any]:
        u, du = self.argument.dual(env)
        function, derivative = FUNCTIONS[self.name]
        return function(u), _scale(du, derivative(u))

    def text(self) -> str:
        if self.name == "abs":
            return f"|{self.argument.text()}|"
        return f"{self.name}({self.argument.text()})"

    def depth(self) -> int:
        return 1 + self.argument.depth()


# --- the function learners get ------------------------------------------------------------------


class Expression:
    """A parsed formula: call it like a NumPy function of its variables (§4.3–4.4).

    Attributes
    ----------
    text : str
        The text as typed.
    variables : tuple of str
        ``('x',)`` or ``('x0', 'x1')``: what the positional arguments mean.
    """

    def __init__(self, text: str, tree: _Node, n_variables: int) -> None:
        self.text = text
        self.variables = VARIABLE_NAMES[n_variables]
        self._tree = tree

    def __repr__(self) -> str:
        return f"Expression({self.text!r})"

    @property
    def canonical(self) -> str:
        """How the formula was understood, e.g. ``'0.01·x² + 0.1·x'`` for ``0.01x^2+0.1x``."""
        return self._tree.text()

    @property
    def is_constant(self) -> bool:
        """True when the formula does not depend on its variables at all."""
        return self._tree.is_constant()

    def __call__(self, *args: Any) -> FloatArray:
        """f(args), element-wise with broadcasting; nan/inf where undefined, never a warning."""
        with np.errstate(all="ignore"):
            return self.evaluate_raw(*args)

    def evaluate_raw(self, *args: Any) -> FloatArray:
        """Like calling, but without setting ``np.errstate``: for loops that set it themselves."""
        env, dtype, shape = self._env(args)
        return _as_result(self._tree.evaluate(env), dtype, shape)

    def derivative(self, *args: Any, wrt: int = 0) -> FloatArray:
        """∂f/∂(variable ``wrt``) at args, exact up to rounding (forward-mode autodiff).

        ``nan`` where the derivative does not exist (the corner of ``|x|`` at 0), ``±inf`` where
        it is infinite (``sqrt`` at 0).
        """
        env, dtype, shape = self._env(args)
        if not 0 <= wrt < len(env):
            raise ValueError(f"wrt must be 0 … {len(env) - 1}, got {wrt!r}")
        with np.errstate(all="ignore"):
            dual_env = tuple(
                (value, np.ones_like(value) if i == wrt else np.zeros_like(value))
                for i, value in enumerate(env)
            )
            _, tangent = self._tree.dual(dual_env)
            return _as_result(tangent, dtype, shape)

    def gradient(self, *args: Any) -> FloatArray:
        """∇f at args: shape ``(n_variables, *broadcast shape)``, one partial derivative per row."""
        return np.stack([self.derivative(*args, wrt=i) for i in range(len(self.variables))])

    def _env(self, args: tuple[Any, ...]) -> tuple[Env, np.dtype[Any], tuple[int, ...]]:
        if len(args) != len(self.variables):
            names = ", ".join(self.variables)
            raise ValueError(f"this function takes {len(self.variables)} argument(s) ({names})")
        arrays = []
        for arg in args:
            arr = np.asarray(arg)
            if arr.dtype.kind != "f":
                if arr.dtype.kind not in "biu":
                    raise ValueError(f"the arguments must be real numbers, got dtype {arr.dtype}")
                arr = arr.astype(np.float64)
            arrays.append(arr)
        dtype = np.result_type(*arrays)
        shape = np.broadcast_shapes(*(a.shape for a in arrays))
        return tuple(arrays), dtype, shape


def _as_result(value: Any, dtype: np.dtype[Any], shape: tuple[int, ...]) -> FloatArray:
    out = np.asarray(value, dtype=dtype)
    if out.shape != shape:
        out = np.array(np.broadcast_to(out, shape))
    return out


def parse_function(text: str, n_variables: int = 1) -> Expression:
    """Parse a learner's formula f(x) (``n_variables=1``) or f(x0, x1) (``2``) safely (§4.3–4.4).

    Raises
    ------
    ExpressionError
        When the text is not a formula of the language; ``reason`` says why (see the module
        docstring) and ``position`` where.
    TypeError
        When ``text`` is not a str.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    if n_variables not in VARIABLES:
        raise ValueError(f"n_variables must be 1 or 2, got {n_variables!r}")
    if len(text) > MAX_LENGTH:
        raise ExpressionError(
            f"the formula has {len(text)} characters; at most {MAX_LENGTH} are accepted",
            "too_long",
            MAX_LENGTH,
            {"limit": MAX_LENGTH, "length": len(text)},
        )
    tokens = _tokenize(text)
    parser = _Parser(text, tokens, n_variables)
    try:
        tree = parser.parse()
    except RecursionError:  # a safety net: MAX_DEPTH keeps the recursion far from Python's limit
        raise _too_deep(0) from None
    return Expression(text, tree, n_variables)


# --- tokens -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    kind: str  # num name op ( ) | , sup end
    text: str  # normalised: "*" for "×", "x" for "ｘ" ...
    start: int
    end: int
    value: float = 0.0


_SUPERSCRIPTS = {
    **{c: str(i) for i, c in enumerate("⁰¹²³⁴⁵⁶⁷⁸⁹")},
    "⁻": "-",
    "⁺": "+",
}
_SAME = {
    "×": "*",
    "·": "*",
    "⋅": "*",
    "∗": "*",
    "÷": "/",
    "∕": "/",
    "−": "-",
    "–": "-",
    "π": "π",
}
_HINTS = {"√": "sqrt", "ー": "-", "%": "/100", "−": "-"}
_NUMBER = re.compile(r"[0-9.]+(?:[eE][+-]?[0-9]+)?")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_OPERATORS = "+-*/^(),|"


def _char(c: str) -> str:
    """One character's form for the tokenizer: ``×`` → ``*``, full-width → ASCII; same length."""
    if c in _SAME:
        return _SAME[c]
    if c in _SUPERSCRIPTS or c.isascii():
        return c
    form = unicodedata.normalize("NFKC", c)
    return _SAME.get(form, form) if len(form) == 1 else c


def _tokenize(text: str) -> list[_Token]:
    norm = "".join(_char(c) for c in text)
    tokens: list[_Token] = []
    i, n = 0, len(norm)
    while i < n:
        c = norm[i]
        if c.isspace():
            i += 1
        elif (c.isascii() and c.isdigit()) or (c == "." and i + 1 < n and norm[i + 1].isdigit()):
            match = _NUMBER.match(norm, i)
            assert match is not None
            tokens.append(_number_token(text, match.group(), i, match.end()))
            i = match.end()
        elif c == "π":
            tokens.append(_Token("name", "π", i, i + 1))
            i += 1
        elif c.isascii() and (c.isalpha() or c == "_"):
            match = _NAME.match(norm, i)
            assert match is not None
            name = match.group()
            _check_name(name, i)
            tokens.append(_Token("name", name, i, match.end()))
            i = match.end()
        elif c in _SUPERSCRIPTS:
            j = i
            while j < n and norm[j] in _SUPERSCRIPTS:
                j += 1
            tokens.append(_superscript_token(text, norm[i:j], i, j))
            i = j
        elif c == "*" and norm.startswith("**", i):
            tokens.append(_Token("op", "^", i, i + 2))
            i += 2
        elif c in _OPERATORS:
            kind = c if c in "(),|" else "op"
            tokens.append(_Token(kind, c, i, i + 1))
            i += 1
        else:
            raise _character_error(text, norm, i)
    tokens.append(_Token("end", "", len(text), len(text)))
    return tokens


def _number_token(text: str, literal: str, start: int, end: int) -> _Token:
    try:
        value = float(literal)
    except ValueError:
        raise ExpressionError(
            f"{text[start:end]!r} at position {start} is not a number",
            "bad_number",
            start,
            {"token": text[start:end]},
        ) from None
    if math.isinf(value):
        raise ExpressionError(
            f"the number {text[start:end]!r} at position {start} is too large for float64",
            "too_large",
            start,
            {"token": text[start:end], "kind": "number", "value": value},
        )
    return _Token("num", literal, start, end, value)


def _superscript_token(text: str, run: str, start: int, end: int) -> _Token:
    digits = "".join(_SUPERSCRIPTS[c] for c in run)
    try:
        value = float(int(digits))
    except ValueError:
        raise ExpressionError(
            f"the superscript {text[start:end]!r} at position {start} is not a whole number",
            "bad_number",
            start,
            {"token": text[start:end]},
        ) from None
    return _Token("sup", digits, start, end, value)


def _check_name(name: str, position: int) -> None:
    if keyword.iskeyword(name):
        raise ExpressionError(
            f"{name!r} at position {position} is Python, not part of a formula",
            "not_allowed",
            position,
            {"token": name, "construct": "keyword"},
        )
    if name.startswith("_"):
        raise ExpressionError(
            f"names starting with '_' such as {name!r} (position {position}) are not allowed",
            "not_allowed",
            position,
            {"token": name, "construct": "private_name"},
        )


_CONSTRUCTS = {
    "'": "string",
    '"': "string",
    ".": "attribute",
    "[": "subscript",
    "]": "subscript",
    "<": "comparison",
    ">": "comparison",
    "!": "comparison",
    "=": "assignment",
}


def _character_error(text: str, norm: str, i: int) -> ExpressionError:
    c = norm[i]
    original = text[i]
    construct = "comparison" if norm.startswith("==", i) else _CONSTRUCTS.get(c)
    if construct is not None:
        return ExpressionError(
            f"{original!r} at position {i} is Python ({construct}), not part of a formula",
            "not_allowed",
            i,
            {"token": original, "construct": construct},
        )
    detail: dict[str, object] = {"token": original}
    if original in _HINTS:
        detail["hint"] = _HINTS[original]
    return ExpressionError(
        f"the character {original!r} at position {i} is not part of the formula language",
        "bad_character",
        i,
        detail,
    )


def _too_deep(position: int) -> ExpressionError:
    return ExpressionError(
        f"the formula is nested more than {MAX_DEPTH} levels deep",
        "too_deep",
        position,
        {"limit": MAX_DEPTH},
    )


# --- the parser ---------------------------------------------------------------------------------

_SUM, _PRODUCT, _SIGN, _POWER = 10, 20, 30, 40  # binding powers


class _Parser:
    """Precedence climbing over the token list; builds the tree and folds constants."""

    def __init__(self, text: str, tokens: list[_Token], n_variables: int) -> None:
        self.text = text
        self.tokens = tokens
        self.variables = VARIABLES[n_variables]
        self.names = VARIABLE_NAMES[n_variables]
        self.i = 0
        self.depth = 0
        self.open_parens = 0
        self.closing_bars: set[int] = set()  # where a '|' closed an |abs|

    def peek(self) -> _Token:
        return self.tokens[self.i]

    def take(self) -> _Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def previous(self) -> _Token | None:
        return self.tokens[self.i - 1] if self.i > 0 else None

    def parse(self) -> _Node:
        if self.peek().kind == "end":
            raise ExpressionError("type a formula, for example 0.01*x^2 + 0.1*x", "empty", None)
        tree = self.expression(0)
        token = self.peek()
        if token.kind == ")":
            raise self.unbalanced(token, "')' closes nothing")
        if token.kind == ",":
            raise self.comma(token)
        if token.kind != "end":
            raise self.unexpected(token, "operator")
        return tree

    # --- precedence climbing ---

    def expression(self, rbp: int) -> _Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _too_deep(self.peek().start)
        left = self.prefix()
        while True:
            token = self.peek()
            lbp = self.left_binding_power(token)
            if lbp <= rbp:
                break
            left = self.infix(left)
        self.depth -= 1
        return left

    def left_binding_power(self, token: _Token) -> int:
        if token.kind == "op":
            return {"+": _SUM, "-": _SUM, "*": _PRODUCT, "/": _PRODUCT, "^": _POWER}[token.text]
        if token.kind == "sup":
            return _POWER
        if token.kind in ("name", "(") and self.implicit_product_allowed():
            return _PRODUCT
        return 0

    def implicit_product_allowed(self) -> bool:
        """A number, ')' , '|', superscript or variable/constant just before: ``2x``, ``x(x+1)``."""
        previous = self.previous()
        if previous is None:
            return False
        if previous.kind in ("num", ")", "sup"):
            return True
        if previous.kind == "|":
            return previous.start in self.closing_bars
        return previous.kind == "name" and previous.text not in FUNCTIONS

    def prefix(self) -> _Node:
        token = self.take()
        if token.kind == "num":
            return _Number(token.value)
        if token.kind == "name":
            return self.name(token)
        if token.kind == "op" and token.text in "+-":
            operand = self.expression(_SIGN)
            if token.text == "+":
                return operand
            return self.fold(_Negate(operand))
        if token.kind == "(":
            self.open_parens += 1
            inner = self.expression(0)
            self.close(token, ")")
            self.open_parens -= 1
            return inner
        if token.kind == "|":
            inner = self.expression(0)
            closing = self.close(token, "|")
            self.closing_bars.add(closing.start)
            return self.fold(_Call("abs", inner))
        if token.kind == ")" and self.open_parens == 0:
            raise self.unbalanced(token, "')' closes nothing")
        if token.kind == ",":
            raise self.comma(token)
        raise self.unexpected(token, "operand")

    def infix(self, left: _Node) -> _Node:
        token = self.peek()
        if token.kind == "sup":
            self.take()
            return self.power(left, _Number(token.value), token, token)
        if token.kind in ("name", "("):  # implicit multiplication: no token consumed here
            right = self.expression(_PRODUCT)
            return self.fold(_Binary("*", left, right))
        self.take()
        if token.text == "^":
            exponent_token = self.peek()
            right = self.expression(_POWER - 1)  # right-associative
            return self.power(left, right, token, exponent_token)
        bp = self.left_binding_power(token)
        right = self.expression(bp)
        return self.fold(_Binary(token.text, left, right))

    def power(self, base: _Node, exponent: _Node, token: _Token, exponent_token: _Token) -> _Node:
        if isinstance(exponent, _Number) and abs(exponent.value) > MAX_EXPONENT:
            shown = exponent.value
            raise ExpressionError(
                f"the exponent at position {exponent_token.start} is {shown:g}; exponents beyond "
                f"±{MAX_EXPONENT:g} are refused",
                "too_large",
                exponent_token.start,
                {"kind": "exponent", "value": shown, "limit": MAX_EXPONENT},
            )
        return self.fold(_Binary("^", base, exponent))

    def name(self, token: _Token) -> _Node:
        name = token.text
        if name in FUNCTIONS:
            return self.call(token)
        if name in self.variables:
            index = self.variables[name]
            return _Variable(index, self.names[index])
        if name in CONSTANTS:
            return _Number(CONSTANTS[name])
        if self.peek().kind == "(":
            raise ExpressionError(
                f"{name!r} at position {token.start} is not a function this calculator knows; "
                f"use one of {', '.join(FUNCTION_NAMES)}",
                "unknown_function",
                token.start,
                {"token": name, "name": name, "functions": FUNCTION_NAMES},
            )
        allowed = tuple(self.variables)
        raise ExpressionError(
            f"{name!r} at position {token.start} is not a variable; use {', '.join(allowed)}",
            "unknown_name",
            token.start,
            {"token": name, "name": name, "allowed": allowed, "constants": ("pi", "e")},
        )

    def call(self, token: _Token) -> _Node:
        opening = self.peek()
        if opening.kind != "(":
            raise ExpressionError(
                f"{token.text} at position {token.start} needs its argument in parentheses: "
                f"{token.text}(x)",
                "syntax",
                opening.start,
                {
                    "token": self.text[opening.start : opening.end],
                    "expected": "(",
                    "name": token.text,
                },
            )
        self.take()
        self.open_parens += 1
        if self.peek().kind == ")":
            raise self.arguments(token, 0)
        argument = self.expression(0)
        count = 1
        while self.peek().kind == ",":
            self.take()
            if self.peek().kind not in (")", "end"):
                self.expression(0)
            count += 1
        if count != 1:
            raise self.arguments(token, count)
        self.close(opening, ")")
        self.open_parens -= 1
        return self.fold(_Call(token.text, argument))

    def close(self, opening: _Token, kind: str) -> _Token:
        token = self.peek()
        if token.kind == kind:
            return self.take()
        if token.kind == "end":
            raise self.unbalanced(opening, f"{opening.text!r} is never closed")
        if token.kind == ",":
            raise self.comma(token)
        raise self.unexpected(token, kind)

    def fold(self, node: _Node) -> _Node:
        """Replace a node whose operands are all constants by its value (``2^10`` → 1024)."""
        children = [getattr(node, f, None) for f in ("operand", "left", "right", "argument")]
        if all(c is None or c.is_constant() for c in children):
            with np.errstate(all="ignore"):
                value = float(node.evaluate(()))
            return _Number(value)
        return node

    # --- errors ---

    def unexpected(self, token: _Token, expected: str) -> ExpressionError:
        if token.kind == "end":
            return ExpressionError(
                "the formula ends too early: something is missing at the end",
                "syntax",
                token.start,
                {"token": "", "expected": expected},
            )
        shown = self.text[token.start : token.end]
        return ExpressionError(
            f"{shown!r} at position {token.start} cannot stand here (expected {expected})",
            "syntax",
            token.start,
            {"token": shown, "expected": expected},
        )

    def unbalanced(self, token: _Token, what: str) -> ExpressionError:
        shown = self.text[token.start : token.end]
        return ExpressionError(
            f"{what} (position {token.start})", "unbalanced", token.start, {"token": shown}
        )

    def comma(self, token: _Token) -> ExpressionError:
        return ExpressionError(
            f"the comma at position {token.start} cannot stand here; a formula has no lists",
            "not_allowed",
            token.start,
            {"token": ",", "construct": "comma"},
        )

    def arguments(self, token: _Token, count: int) -> ExpressionError:
        return ExpressionError(
            f"{token.text}() at position {token.start} takes exactly one argument, got {count}",
            "arguments",
            token.start,
            {"token": token.text, "name": token.text, "count": count},
        )
