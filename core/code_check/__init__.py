"""Check a learner's own implementation against ``core``: a battery of cases per function (§3–§6).

The learner pastes their ``sigmoid``, ``softmax``, ``cross_entropy_error``, ``Relu``, ``Affine``,
``SoftmaxWithLoss``, ``TwoLayerNet``, an optimizer … This package

* finds which of the functions and classes it knows the code defines, by reading it with
  :mod:`ast` (:func:`prepare_source`, which never runs it), and decodes files
  (:func:`decode_source`: UTF-8, UTF-16 with a BOM, a coding cookie, or cp932 as a fallback);
* builds, for each of them, a battery of :class:`~core.code_check.cases.Case` s
  (:mod:`core.code_check.cases`: ordinary inputs, batches, large values,
  one-hot and label targets, integer arrays, ``x`` not mutated, backward against the numerical
  gradient, shapes) whose expected values come from ``core`` and whose known wrong answers come
  from the buggy versions of the common-mistakes gallery (:mod:`core.mistakes`), computed
  *before* the learner's code runs;
* runs them (:func:`run_battery`) and reports each case as a :class:`CaseResult`: passed or not,
  why (a reason code), the input, the expected and the actual value as text, and which known
  mistake (a gallery id) the wrong answer looks like;
* runs the learner's code in a separate, isolated process with a time and a memory limit
  (:func:`run_check_subprocess`, :mod:`core.code_check_runner`) and turns what the process
  reported, and how it ended, into a :class:`CheckReport` (:func:`assemble_report`).

Everything is data: verdicts and reasons are codes, the GUI words them.

Verdict codes of :class:`CheckReport`
-------------------------------------
``checked``          the battery ran; see ``targets``.
``empty``            nothing but white space.
``too_large``        more than ``detail["limit"]`` characters (``detail["size"]``).
``syntax_error``     ``detail``: ``line``, ``column``, ``message``, ``text`` (Python's own words).
``nothing_found``    no function or class of :data:`TARGETS` is defined at the top level.
``import_error``     the top-level code raised ``detail["type"]``: ``detail["message"]`` at
                     ``detail["line"]``; ``detail["module"]`` for a ``ModuleNotFoundError``.
``exit``             the code called ``sys.exit(detail["code"])`` (during ``detail["target"]`` /
                     ``detail["case"]``, or at the top level when those are None).
``early_exit``       the process ended with ``detail["code"]`` without reporting (``os._exit``).
``timeout``          still running after ``detail["seconds"]``; killed.
``memory``           ``MemoryError`` at the top level (limit ``detail["limit_mb"]`` MiB).
``crash``            the process died (``detail["code"]``, negative: the signal number).
``protocol_error``   the process wrote something that is not the checker's report.
``failed_to_start``  the Python interpreter could not be started (``detail["message"]``).
``stopped``          stopped by the user before it finished.

Reason codes of :class:`CaseResult`: ``raised``, ``wrong_value``, ``wrong_shape``,
``wrong_type``, ``not_finite``, ``mutated_input``, ``memory``; and for the case a verdict
interrupted (it has no result): ``timeout``, ``crash``, ``exit``, ``stopped``.
"""

from __future__ import annotations

import ast
import codecs
import io
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import tokenize
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np

from core.code_check.cases import Alternatives, Bound, Case, battery
from core.mistakes import ErrorInfo, format_value

#: Largest source accepted, in characters (files: in bytes, see :func:`decode_source`).
MAX_SOURCE_CHARS = 1_000_000
#: Default limits of a check run.
TIME_LIMIT_S = 10.0
MEMORY_LIMIT_MB = 1024
#: Most of the learner's printed output kept (characters); the rest is dropped.
OUTPUT_LIMIT = 64_000
#: Most bytes of report read back from the checker process.
PROTOCOL_LIMIT = 8_000_000

Reason = Literal[
    "raised",
    "wrong_value",
    "wrong_shape",
    "wrong_type",
    "not_finite",
    "mutated_input",
    "memory",
    "timeout",
    "crash",
    "exit",
    "stopped",
]


# --- what the checker knows ------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """A function or class the checker knows: its name, chapter and section, and kind."""

    name: str
    chapter: int
    section: str
    kind: Literal["function", "class"]
    topic: str | None


TARGETS: tuple[Target, ...] = (
    Target("step_function", 3, "§3.2.3", "function", "activation"),
    Target("sigmoid", 3, "§3.2.4", "function", "activation"),
    Target("relu", 3, "§3.2.7", "function", "activation"),
    Target("softmax", 3, "§3.5.2", "function", "activation"),
    Target("sum_squared_error", 4, "§4.2.1", "function", "loss"),
    Target("mean_squared_error", 4, "§4.2.1", "function", "loss"),
    Target("cross_entropy_error", 4, "§4.2.2", "function", "loss"),
    Target("numerical_diff", 4, "§4.3.1", "function", "gradient"),
    Target("numerical_gradient", 4, "§4.4", "function", "gradient"),
    Target("gradient_descent", 4, "§4.4.1", "function", "gradient"),
    Target("MulLayer", 5, "§5.4.1", "class", "graph"),
    Target("AddLayer", 5, "§5.4.2", "class", "graph"),
    Target("Relu", 5, "§5.5.1", "class", "graph"),
    Target("Sigmoid", 5, "§5.5.2", "class", "graph"),
    Target("Affine", 5, "§5.6.2", "class", "graph"),
    Target("SoftmaxWithLoss", 5, "§5.6.3", "class", "graph"),
    Target("TwoLayerNet", 5, "§5.7.2", "class", "training"),
    Target("SGD", 6, "§6.1.2", "class", "optimizers"),
    Target("Momentum", 6, "§6.1.4", "class", "optimizers"),
    Target("Nesterov", 6, "§6.1.7", "class", "optimizers"),
    Target("AdaGrad", 6, "§6.1.5", "class", "optimizers"),
    Target("RMSprop", 6, "§6.1.5", "class", "optimizers"),
    Target("Adam", 6, "§6.1.6", "class", "optimizers"),
    Target("BatchNormalization", 6, "§6.3.2", "class", "labs"),
    Target("Dropout", 6, "§6.4.3", "class", "labs"),
)

_TARGETS_BY_NAME = {t.name: t for t in TARGETS}


def target(name: str) -> Target:
    """The known target ``name``; ``KeyError`` for a name the checker does not know."""
    return _TARGETS_BY_NAME[name]


# --- results ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseResult:
    """One case run against the learner's code, everything as text for display.

    ``call`` is the input as Python code, ``expected`` and ``actual`` are formatted values (or
    ``"ValueError: …"`` when the code raised), ``mistake`` the gallery id the wrong answer
    looks like, ``reason`` why it failed (None when it passed).
    """

    target: str
    case: str
    passed: bool
    call: str
    expected: str
    actual: str
    reason: str | None = None
    mistake: str | None = None
    warnings: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "case": self.case,
            "passed": self.passed,
            "call": self.call,
            "expected": self.expected,
            "actual": self.actual,
            "reason": self.reason,
            "mistake": self.mistake,
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CaseResult:
        return cls(
            target=str(data["target"]),
            case=str(data["case"]),
            passed=bool(data["passed"]),
            call=str(data.get("call", "")),
            expected=str(data.get("expected", "")),
            actual=str(data.get("actual", "")),
            reason=_opt_str(data.get("reason")),
            mistake=_opt_str(data.get("mistake")),
            warnings=tuple(str(w) for w in data.get("warnings", ())),
        )


@dataclass(frozen=True)
class TargetResult:
    """The cases of one function or class, in the order they ran."""

    name: str
    cases: tuple[CaseResult, ...]

    @property
    def passed(self) -> bool:
        return bool(self.cases) and all(c.passed for c in self.cases)

    @property
    def passed_count(self) -> int:
        return sum(c.passed for c in self.cases)

    @property
    def mistakes(self) -> tuple[str, ...]:
        """The gallery ids the failed cases look like, without repeats."""
        return tuple(dict.fromkeys(c.mistake for c in self.cases if c.mistake))


@dataclass(frozen=True)
class CheckReport:
    """The outcome of one check: a verdict code with its data, and the results per target."""

    verdict: str
    detail: Mapping[str, Any] = field(default_factory=dict)
    targets: tuple[TargetResult, ...] = ()
    found: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    output: str = ""
    output_truncated: bool = False
    memory_limited: bool | None = None

    def target(self, name: str) -> TargetResult:
        for result in self.targets:
            if result.name == name:
                return result
        raise KeyError(name)

    @property
    def cases(self) -> tuple[CaseResult, ...]:
        return tuple(c for t in self.targets for c in t.cases)


# --- reading the learner's code (never running it) ----------------------------------------


class SourceError(ValueError):
    """A file that cannot be read as Python source: ``reason`` is ``"too_large"``,
    ``"binary"`` or ``"undecodable"``; ``detail`` holds the numbers (size, limit, position)."""

    def __init__(self, reason: str, **detail: Any) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class DecodedSource:
    """Text decoded from a file's bytes, the encoding used, and whether it was a fallback."""

    text: str
    encoding: str
    fallback: bool = False


def decode_source(data: bytes, max_bytes: int = MAX_SOURCE_CHARS) -> DecodedSource:
    """Decode a ``.py`` file the way Python would, with a fallback for Japanese Windows files.

    A UTF-8 or UTF-16 byte-order mark, or a PEP 263 coding cookie, decides; otherwise UTF-8, and
    if that fails cp932 (Shift_JIS as Windows writes it), flagged as ``fallback``.

    Raises
    ------
    SourceError
        ``too_large`` (more than ``max_bytes``), ``binary`` (NUL bytes: not a text file) or
        ``undecodable`` (``detail["position"]``: the first byte that fits no encoding tried).
    """
    if len(data) > max_bytes:
        raise SourceError("too_large", size=len(data), limit=max_bytes)
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return DecodedSource(data.decode(encoding), "utf-16")
            except UnicodeDecodeError as exc:
                raise SourceError("undecodable", position=exc.start) from None
    if b"\x00" in data:
        raise SourceError("binary", position=data.index(b"\x00"))
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError:  # an unknown coding cookie, or a BOM that contradicts the cookie
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        position = exc.start if isinstance(exc, UnicodeDecodeError) else 0
        try:
            fallback = data.decode("cp932")
        except UnicodeDecodeError:
            raise SourceError("undecodable", position=position) from None
        if _PRIVATE_USE.search(fallback):  # cp932 maps stray bytes 0xFD–0xFF there
            raise SourceError("undecodable", position=position) from None
        return DecodedSource(fallback, "cp932", fallback=True)
    return DecodedSource(text.removeprefix("\ufeff"), encoding)


_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


@dataclass(frozen=True)
class Prepared:
    """Source that compiles, and the known targets it defines at the top level."""

    source: str
    targets: tuple[str, ...]


def prepare_source(text: str, filename: str = "<your code>") -> Prepared | CheckReport:
    """Compile ``text`` (without running it) and find the targets it defines.

    Returns a :class:`CheckReport` with verdict ``empty``, ``too_large``, ``syntax_error`` or
    ``nothing_found`` when there is nothing to run, else :class:`Prepared`.
    """
    if not text.strip():
        return CheckReport("empty")
    if len(text) > MAX_SOURCE_CHARS:
        return CheckReport("too_large", {"size": len(text), "limit": MAX_SOURCE_CHARS})
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # SyntaxWarning / DeprecationWarning of odd code
            tree = ast.parse(text, filename)
            compile(tree, filename, "exec", dont_inherit=True)  # symbol-table errors too
    except SyntaxError as exc:
        return CheckReport("syntax_error", _syntax_detail(exc))
    except ValueError as exc:  # "source code string cannot contain null bytes" (Python < 3.12)
        return CheckReport(
            "syntax_error", {"line": 1, "column": 1, "message": str(exc), "text": ""}
        )
    found = find_targets(tree)
    if not found:
        return CheckReport("nothing_found", {"known": [t.name for t in TARGETS]})
    return Prepared(text, found)


def find_targets(tree: ast.Module) -> tuple[str, ...]:
    """Names of :data:`TARGETS` defined by the module's top-level statements, in book order.

    Functions, classes and plain assignments count (also inside top-level ``if``/``try``
    blocks), except under ``if __name__ == "__main__":``, which the checker does not run.
    """
    names = set(_defined_names(tree.body))
    return tuple(t.name for t in TARGETS if t.name in names)


def _defined_names(body: Sequence[ast.stmt]) -> Iterator[str]:
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            yield node.name
        elif isinstance(node, ast.Assign):
            for tgt in node.targets:
                if isinstance(tgt, ast.Name):
                    yield tgt.id
        elif isinstance(node, ast.If) and not _is_main_guard(node.test):
            yield from _defined_names(node.body)
            yield from _defined_names(node.orelse)
        elif isinstance(node, ast.Try):
            for block in (node.body, node.orelse, node.finalbody):
                yield from _defined_names(block)
            for handler in node.handlers:
                yield from _defined_names(handler.body)


def _is_main_guard(test: ast.expr) -> bool:
    return (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and test.left.id == "__name__"
        and any(isinstance(c, ast.Constant) and c.value == "__main__" for c in test.comparators)
    )


def _syntax_detail(exc: SyntaxError) -> dict[str, Any]:
    return {
        "line": int(exc.lineno or 1),
        "column": int(exc.offset or 1),
        "message": str(exc.msg),
        "text": (exc.text or "").rstrip("\n"),
    }


# --- running the cases ------------------------------------------------------------------------


def run_case(case: Case, obj: Any) -> CaseResult:
    """Run one case on the learner's object; exceptions become a failed result, never escape.

    ``SystemExit`` and ``KeyboardInterrupt`` are not caught: the caller decides (the runner
    reports ``sys.exit`` as a verdict). The case's inputs are shown in the expected and actual
    text only when the code changed them.
    """
    expected_text = _format_expected(_without(case.expected, case.inputs))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            actual = case.run(obj)
        except MemoryError:
            return CaseResult(
                case.target, case.id, False, case.call, expected_text, "MemoryError", "memory"
            )
        except Exception as exc:
            error = ErrorInfo.from_exception(exc)
            return CaseResult(
                case.target,
                case.id,
                False,
                case.call,
                expected_text,
                str(error),
                "raised",
                _classify_error(case, error),
                _warning_lines(caught),
            )
    reason = _compare_case(case, actual)
    mistake = None if reason is None else _classify_values(case, actual)
    if reason == "mutated_input":
        expected_text = _format_expected(case.expected)
        actual_text = format_named(actual)
    else:
        actual_text = format_named(_without(actual, case.inputs))
    return CaseResult(
        case.target,
        case.id,
        reason is None,
        case.call,
        expected_text,
        actual_text,
        reason,
        mistake,
        _warning_lines(caught),
    )


def run_battery(
    namespace: Mapping[str, Any],
    names: Iterable[str] | None = None,
    on_start: Callable[[Case], None] | None = None,
) -> tuple[TargetResult, ...]:
    """Run the battery of every known target defined in ``namespace`` (in-process).

    The learner's process does this through :mod:`core.code_check_runner`; tests call it
    directly on code they trust.
    """
    wanted = [t.name for t in TARGETS] if names is None else list(names)
    results = []
    for name in wanted:
        obj = namespace.get(name)
        if name not in _TARGETS_BY_NAME or not callable(obj):
            continue
        cases = []
        for case in battery(name):
            if on_start is not None:
                on_start(case)
            cases.append(run_case(case, obj))
        results.append(TargetResult(name, tuple(cases)))
    return tuple(results)


def check_in_process(source: str) -> CheckReport:
    """Compile and run *trusted* source in this process and check it (for tests and examples)."""
    prepared = prepare_source(source)
    if isinstance(prepared, CheckReport):
        return prepared
    ns: dict[str, Any] = {"__name__": "learner_code"}
    exec(compile(source, "<your code>", "exec"), ns)
    targets = run_battery(ns, prepared.targets)
    return CheckReport("checked", {}, targets, prepared.targets)


def format_named(values: Any) -> str:
    """``"y = [0.5 0.73]"`` lines for a dict of named values (continuation lines indented)."""
    if not isinstance(values, Mapping):
        return format_value(values)
    lines = []
    for key, value in values.items():
        text = format_value(value)
        pad = " " * (len(str(key)) + 3)
        lines.append(f"{key} = " + text.replace("\n", "\n" + pad))
    return "\n".join(lines)


# --- comparing and classifying -----------------------------------------------------------------


def _without(values: Any, keys: Sequence[str]) -> Any:
    """``values`` without the named entries (the case's own inputs), for display."""
    if isinstance(values, Alternatives):
        return Alternatives(tuple(_without(v, keys) for v in values.options))
    if isinstance(values, Mapping) and keys:
        return {k: v for k, v in values.items() if k not in keys}
    return values


def _format_expected(expected: Any) -> str:
    if isinstance(expected, Alternatives):
        return _format_expected(expected.options[0])
    if isinstance(expected, Mapping):
        parts = []
        for key, value in expected.items():
            text = f"≤ {format_value(value.limit)}" if isinstance(value, Bound) else None
            parts.append(f"{key} {text}" if text else format_named({key: value}))
        return "\n".join(parts)
    return format_named(expected)


def _compare_case(case: Case, actual: Any) -> str | None:
    options = case.expected.options if isinstance(case.expected, Alternatives) else (case.expected,)
    reasons = [_compare_values(actual, option, case) for option in options]
    if any(r is None for r in reasons):
        return None
    return reasons[0]


def _compare_values(actual: Any, expected: Any, case: Case) -> str | None:
    if not isinstance(actual, Mapping):
        return "wrong_type"
    for key, want in expected.items():
        if key not in actual:
            return "wrong_type"
        reason = _compare(actual[key], want, case.rtol, case.atol)
        if reason is not None:
            return "mutated_input" if key in case.inputs else reason
    return None


def _compare(actual: Any, expected: Any, rtol: float, atol: float) -> str | None:
    if isinstance(expected, Bound):
        value = _as_number_array(actual)
        if value is None or value.size != 1:
            return "wrong_type"
        if not np.isfinite(value).all():
            return "not_finite"
        return None if float(value.reshape(-1)[0]) <= expected.limit else "wrong_value"
    if expected is None:
        return None if actual is None else "wrong_value"
    if isinstance(expected, Mapping):
        if not isinstance(actual, Mapping):
            return "wrong_type"
        if set(actual) != set(expected):
            return "wrong_value"
        for key in expected:
            reason = _compare(actual[key], expected[key], rtol, atol)
            if reason is not None:
                return reason
        return None
    if isinstance(expected, tuple) and all(isinstance(v, int) for v in expected):
        got = _shape_of(actual)
        return None if got == expected else "wrong_shape"
    want = np.asarray(expected, dtype=float)
    got = _as_number_array(actual)
    if got is None:
        return "wrong_type"
    if got.shape != want.shape:
        if got.size == want.size == 1:
            got, want = got.reshape(-1), want.reshape(-1)
        else:
            return "wrong_shape"
    if np.allclose(got, want, rtol=rtol, atol=atol, equal_nan=True):
        return None
    if np.isfinite(want).all() and not np.isfinite(got).all():
        return "not_finite"
    return "wrong_value"


def _as_number_array(value: Any) -> np.ndarray | None:
    if value is None or isinstance(value, (str, bytes, Mapping)):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            arr = np.asarray(value)
            if arr.dtype.kind not in "biuf":
                return None
            return arr.astype(float)
    except (ValueError, TypeError):
        return None


def _shape_of(value: Any) -> Any:
    if isinstance(value, tuple):
        return tuple(int(v) for v in value if isinstance(v, (int, np.integer)))
    return getattr(value, "shape", None)


def _classify_error(case: Case, error: ErrorInfo) -> str | None:
    for mistake, known in case.variants:
        if isinstance(known, ErrorInfo) and known == error:
            return mistake
    for mistake, type_name, pattern in case.matchers:
        if error.type == type_name and re.search(pattern, error.message):
            return mistake
    return None


def _classify_values(case: Case, actual: Any) -> str | None:
    for mistake, known in case.variants:
        if isinstance(known, ErrorInfo):
            continue
        if _compare_values(actual, known, case) is None:
            return mistake
    return None


def _warning_lines(caught: list[warnings.WarningMessage]) -> tuple[str, ...]:
    lines: list[str] = []
    for w in caught:
        line = f"{w.category.__name__}: {w.message}"
        if line not in lines:
            lines.append(line)
    return tuple(lines[:5])


# --- running in a separate process -----------------------------------------------------------


def runner_command(python: str | None = None) -> list[str]:
    """The command that starts the checker process: isolated mode (``-I``), our runner module.

    ``-I`` ignores the user's environment variables and site folder and leaves the current
    folder off ``sys.path``. ``python -I -m core.code_check_runner`` needs the app installed;
    the ``-c`` form used here puts the app's own folder first instead, so a source checkout
    works too, with the same isolation.
    """
    root = str(Path(__file__).resolve().parents[2])
    bootstrap = (
        "import sys; sys.path.insert(0, sys.argv.pop(1)); "
        "import runpy; runpy.run_module('core.code_check_runner', run_name='__main__')"
    )
    return [python or sys.executable, "-I", "-c", bootstrap, root]


def minimal_environment(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The few environment variables the checker process gets (no secrets, no PYTHON* paths).

    One BLAS thread keeps NumPy's memory small under the memory limit.
    """
    source = os.environ if base is None else base
    keep = ("SYSTEMROOT", "WINDIR", "TEMP", "TMP", "TMPDIR", "LANG", "LC_ALL", "PATH")
    env = {key: source[key] for key in keep if key in source}
    env.update(
        {
            "OPENBLAS_NUM_THREADS": "1",
            "OMP_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1",
            "PYTHONIOENCODING": "utf-8",
        }
    )
    return env


def build_request(
    prepared: Prepared,
    *,
    filename: str = "<your code>",
    memory_limit_mb: int = MEMORY_LIMIT_MB,
    output_limit: int = OUTPUT_LIMIT,
) -> bytes:
    """The JSON request the checker process reads on its standard input."""
    request = {
        "source": prepared.source,
        "filename": filename,
        "targets": list(prepared.targets),
        "memory_limit_mb": int(memory_limit_mb),
        "output_limit": int(output_limit),
    }
    return json.dumps(request).encode("utf-8")


def parse_events(data: bytes) -> tuple[list[dict[str, Any]], bool]:
    """The JSON-lines events of a checker process's output; flag lines that are not events."""
    events: list[dict[str, Any]] = []
    garbled = False
    for line in data.splitlines():
        if not line.strip():
            continue
        try:
            event = json.loads(line.decode("utf-8", errors="replace"))
        except ValueError:
            garbled = True
            continue
        if isinstance(event, dict) and "event" in event:
            events.append(event)
        else:
            garbled = True
    return events, garbled


def assemble_report(
    events: Sequence[Mapping[str, Any]],
    *,
    exit_code: int | None,
    crashed: bool = False,
    timed_out: bool = False,
    stopped: bool = False,
    time_limit_s: float = TIME_LIMIT_S,
    memory_limit_mb: int = MEMORY_LIMIT_MB,
    garbled: bool = False,
    stderr: str = "",
) -> CheckReport:
    """Turn the process's events and the way it ended into one :class:`CheckReport`."""
    cases: list[CaseResult] = []
    running: Mapping[str, Any] | None = None
    found: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    done: Mapping[str, Any] | None = None
    memory_limited: bool | None = None
    for event in events:
        kind = event.get("event")
        if kind == "started":
            memory_limited = bool(event.get("memory_limited"))
        elif kind == "defined":
            found = tuple(str(n) for n in event.get("found", ()))
            missing = tuple(str(n) for n in event.get("missing", ()))
        elif kind == "case_start":
            running = event
        elif kind == "case":
            try:
                cases.append(CaseResult.from_json(event))
            except (KeyError, TypeError, ValueError):
                garbled = True
            running = None
        elif kind == "done":
            done = event
    where = {
        "target": running.get("target") if running else None,
        "case": running.get("case") if running else None,
        "stage": "cases" if found or cases else "top_level",
    }
    verdict, detail = _verdict(
        done,
        where,
        exit_code=exit_code,
        crashed=crashed,
        timed_out=timed_out,
        stopped=stopped,
        time_limit_s=time_limit_s,
        memory_limit_mb=memory_limit_mb,
        garbled=garbled or (done is None and not events and bool(stderr)),
        stderr=stderr,
        no_events=not events,
    )
    if running is not None and verdict in _INTERRUPTED:
        cases.append(
            CaseResult(
                str(running.get("target")),
                str(running.get("case")),
                False,
                str(running.get("call", "")),
                str(running.get("expected", "")),
                "",
                _INTERRUPTED[verdict],
            )
        )
    return CheckReport(
        verdict,
        detail,
        group_cases(cases),
        found,
        missing,
        output=str(done.get("output", "")) if done else "",
        output_truncated=bool(done.get("output_truncated")) if done else False,
        memory_limited=memory_limited,
    )


#: The reason given to the case a verdict interrupted.
_INTERRUPTED = {
    "timeout": "timeout",
    "crash": "crash",
    "exit": "exit",
    "early_exit": "exit",
    "stopped": "stopped",
    "memory": "memory",
}


def _verdict(
    done: Mapping[str, Any] | None,
    where: Mapping[str, Any],
    *,
    exit_code: int | None,
    crashed: bool,
    timed_out: bool,
    stopped: bool,
    time_limit_s: float,
    memory_limit_mb: int,
    garbled: bool,
    stderr: str,
    no_events: bool,
) -> tuple[str, dict[str, Any]]:
    """The verdict code and its data, from the last event and how the process ended."""
    if stopped:
        return "stopped", dict(where)
    if timed_out:
        return "timeout", {"seconds": time_limit_s, **where}
    if done is not None:
        verdict = str(done.get("verdict", "protocol_error"))
        detail = dict(done.get("detail") or {})
        if verdict == "memory":
            detail.setdefault("limit_mb", memory_limit_mb)
        return verdict, detail
    if no_events and exit_code not in (None, 0) and not crashed and stderr:
        return "failed_to_start", {"message": stderr[-2000:]}
    if garbled and exit_code == 0:
        return "protocol_error", {"stderr": stderr[-2000:]}
    if crashed or (exit_code is not None and exit_code < 0) or _windows_crash(exit_code):
        return "crash", {"code": exit_code, **where}
    return "early_exit", {"code": exit_code, **where}


def _windows_crash(code: int | None) -> bool:
    """Windows reports a crash as an NTSTATUS exit code such as 0xC0000005 (access violation)."""
    return code is not None and code >= 0xC0000000


def group_cases(cases: Sequence[CaseResult]) -> tuple[TargetResult, ...]:
    """Case results grouped by target, in the order the targets first appear."""
    by_target: dict[str, list[CaseResult]] = {}
    for case in cases:
        by_target.setdefault(case.target, []).append(case)
    return tuple(TargetResult(name, tuple(items)) for name, items in by_target.items())


def run_check_subprocess(
    source: str,
    *,
    filename: str = "<your code>",
    time_limit_s: float = TIME_LIMIT_S,
    memory_limit_mb: int = MEMORY_LIMIT_MB,
    output_limit: int = OUTPUT_LIMIT,
    python: str | None = None,
) -> CheckReport:
    """Check ``source`` in a separate process (blocking): the same path as the GUI's ``QProcess``.

    The process runs in a fresh temporary folder with :func:`minimal_environment`, is killed
    (with its process group on POSIX) after ``time_limit_s``, and is always waited for.
    """
    prepared = prepare_source(source, filename)
    if isinstance(prepared, CheckReport):
        return prepared
    request = build_request(
        prepared, filename=filename, memory_limit_mb=memory_limit_mb, output_limit=output_limit
    )
    with tempfile.TemporaryDirectory(prefix="zdl-check-") as folder:
        try:
            proc = subprocess.Popen(
                runner_command(python),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                cwd=folder,
                env=minimal_environment(),
            )
        except OSError as exc:
            return CheckReport("failed_to_start", {"message": str(exc)})
        timed_out = False
        try:
            out, err = proc.communicate(request, timeout=time_limit_s)
        except subprocess.TimeoutExpired:
            timed_out = True
            kill_process_tree(proc.pid)
            proc.kill()
            out, err = proc.communicate()
    events, garbled = parse_events(out[:PROTOCOL_LIMIT])
    return assemble_report(
        events,
        exit_code=proc.returncode,
        timed_out=timed_out,
        time_limit_s=time_limit_s,
        memory_limit_mb=memory_limit_mb,
        garbled=garbled or len(out) > PROTOCOL_LIMIT,
        stderr=err[-4000:].decode("utf-8", errors="replace"),
    )


def kill_process_tree(pid: int) -> None:
    """Kill the checker's process group on POSIX (the runner makes itself its leader).

    Whatever the learner's code started (``os.system``, ``subprocess``) goes with it. On Windows
    this does nothing: the caller kills the process itself (its children may survive).
    """
    if os.name != "posix" or pid <= 0:
        return
    try:
        if os.getpgid(pid) == pid:
            os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, OSError):
        pass


# --- progress through the chapters ---------------------------------------------------------


def merge_progress(progress: Mapping[str, Any], report: CheckReport, when: str) -> dict[str, Any]:
    """Fold a report into the saved progress ``{name: {passed, passed_cases, cases, mistakes,
    when}}``: every target that was checked gets its latest result; the others keep theirs.

    When the check did not run to the end (a time-out, a crash …), the last target may not have
    run all its cases: it is recorded only if it already failed.
    """
    merged = {
        name: dict(entry)
        for name, entry in progress.items()
        if name in _TARGETS_BY_NAME and isinstance(entry, Mapping)
    }
    for index, result in enumerate(report.targets):
        complete = report.verdict == "checked" or index < len(report.targets) - 1
        if not complete and result.passed:
            continue
        merged[result.name] = {
            "passed": result.passed,
            "passed_cases": result.passed_count,
            "cases": len(result.cases),
            "mistakes": list(result.mistakes),
            "when": when,
        }
    return merged


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)
