"""The checker process: runs a learner's code and the battery of cases, and reports as JSON lines.

Started by the GUI (``QProcess``) or :func:`core.code_check.run_check_subprocess` as
``python -I -m core.code_check_runner`` (isolated mode), in a fresh temporary folder. It reads one
JSON request on standard input::

    {"source": "...", "filename": "my_code.py", "targets": ["sigmoid", ...],
     "memory_limit_mb": 1024, "output_limit": 64000}

and writes events, one JSON object per line, on what was standard output when it started:
``started``, ``defined`` (which targets the code really defines), ``case_start`` / ``case`` per
case, and last ``done`` with the verdict and the learner's printed output. The parent keeps the
events it got even when it has to kill the process (a time-out names the case that was running).

Before the learner's code runs:

* the expected values of every case are computed (so code that changes NumPy cannot fool them);
* file descriptors 1 and 2 go to the null device and ``sys.stdout``/``sys.stderr`` to a capped
  buffer, so megabytes of ``print`` cannot flood the pipe; ``input()`` gets an empty stdin;
* on Linux, ``RLIMIT_AS`` allows ``memory_limit_mb`` MiB more than the process already uses (a
  huge allocation raises ``MemoryError``), core dumps are off and files are capped at 64 MiB.
  macOS does not enforce ``RLIMIT_AS`` and Windows has no ``resource`` module: there the memory
  is not limited (the ``started`` event says so) and only the time limit applies;
* on POSIX the process becomes the leader of a new process group, so the parent can kill
  whatever the learner's code started along with it.

The process ends with ``os._exit``, so threads or ``atexit`` handlers of the learner's code cannot
keep it alive.
"""

from __future__ import annotations

import builtins
import contextlib
import io
import json
import os
import sys
import traceback
from typing import Any

MAX_REQUEST_BYTES = 4_000_000
FILE_SIZE_LIMIT = 64 * 2**20


class CappedOutput(io.TextIOBase):
    """A text stream that keeps the first ``limit`` characters written to it and counts the rest."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = max(0, int(limit))
        self._parts: list[str] = []
        self._kept = 0
        self.truncated = False
        self.buffer = _BytesSink(self)

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:  # type: ignore[override]
        text = str(text)
        room = self.limit - self._kept
        if room > 0:
            part = text[:room]
            self._parts.append(part)
            self._kept += len(part)
        if len(text) > room:
            self.truncated = True
        return len(text)

    def getvalue(self) -> str:
        return "".join(self._parts)


class _BytesSink:
    """``sys.stdout.buffer`` for code that writes bytes."""

    def __init__(self, text: CappedOutput) -> None:
        self._text = text

    def write(self, data: bytes) -> int:
        self._text.write(bytes(data).decode("utf-8", errors="replace"))
        return len(data)

    def flush(self) -> None:
        pass


class Protocol:
    """Writes the events, one JSON line each, to the original standard output."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self._write = os.write  # kept, in case the learner's code replaces os.write
        self._dumps = json.dumps

    def send(self, event: dict[str, Any]) -> None:
        data = (self._dumps(event, ensure_ascii=True) + "\n").encode("ascii")
        while data:
            written = self._write(self.fd, data)
            data = data[written:]


def main() -> int:
    """Run one check; the return value is only reached when the request itself is bad."""
    from core import code_check  # before anything else: an error here shows on stderr

    protocol = Protocol(os.dup(1))
    try:
        request = _read_request()
    except (ValueError, KeyError, TypeError) as exc:
        protocol.send(_done("protocol_error", {"message": str(exc)}, None))
        return 2
    output = CappedOutput(int(request.get("output_limit", 64_000)))
    _silence_standard_streams(output)
    _become_group_leader()
    # Everything the checker needs is computed before the learner's code runs.
    names = [str(n) for n in request.get("targets", ()) if n in code_check.cases.BUILDERS]
    batteries = {name: code_check.battery(name) for name in names}
    memory_mb = int(request.get("memory_limit_mb", code_check.MEMORY_LIMIT_MB))
    memory_limited = _limit_memory(memory_mb)
    _limit_files()
    protocol.send({"event": "started", "memory_limited": memory_limited})

    filename = str(request.get("filename", "<your code>"))
    ns: dict[str, Any] = {
        "__name__": "learner_code",
        "__file__": filename,
        "__builtins__": builtins,
    }
    try:
        exec(compile(str(request["source"]), filename, "exec"), ns)
    except SystemExit as exc:
        detail = {"code": _exit_code(exc), "target": None, "case": None, "stage": "top_level"}
        _finish(protocol, "exit", detail, output)
    except MemoryError:
        _finish(protocol, "memory", {"limit_mb": memory_mb, "stage": "top_level"}, output)
    except BaseException as exc:
        _finish(protocol, "import_error", _error_detail(exc, filename), output)

    found = [n for n in names if callable(ns.get(n))]
    missing = [n for n in names if n not in found]
    protocol.send({"event": "defined", "found": found, "missing": missing})
    for name in found:
        for case in batteries[name]:
            protocol.send(
                {"event": "case_start", "target": name, "case": case.id, "call": case.call}
            )
            try:
                result = code_check.run_case(case, ns[name])
            except SystemExit as exc:
                detail = {
                    "code": _exit_code(exc),
                    "target": name,
                    "case": case.id,
                    "stage": "cases",
                }
                _finish(protocol, "exit", detail, output)
            except BaseException as exc:  # KeyboardInterrupt and the like, raised by the code
                result = code_check.CaseResult(
                    name, case.id, False, case.call, "", f"{type(exc).__name__}: {exc}", "raised"
                )
            protocol.send({"event": "case", **result.to_json()})
    _finish(protocol, "checked", {}, output)
    return 0  # not reached: _finish ends the process


def _read_request() -> dict[str, Any]:
    raw = sys.stdin.buffer.read(MAX_REQUEST_BYTES + 1)
    if len(raw) > MAX_REQUEST_BYTES:
        raise ValueError("request too large")
    request = json.loads(raw.decode("utf-8"))
    if not isinstance(request, dict) or not isinstance(request.get("source"), str):
        raise ValueError("the request must be a JSON object with a 'source' string")
    return request


def _silence_standard_streams(output: CappedOutput) -> None:
    """Send file descriptors 0–2 to the null device and Python's streams to ``output``."""
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)
    sys.stdout = output
    sys.stderr = output
    sys.stdin = io.StringIO("")


def _become_group_leader() -> None:
    if hasattr(os, "setsid"):
        with contextlib.suppress(OSError):
            os.setsid()


def _limit_memory(limit_mb: int) -> bool:
    """Allow ``limit_mb`` MiB of address space beyond what is in use now (Linux only)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import resource

        with open("/proc/self/statm") as statm:
            in_use = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        soft = in_use + int(limit_mb) * 2**20
        if hard != resource.RLIM_INFINITY:
            soft = min(soft, hard)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
        return True
    except (ImportError, OSError, ValueError):
        return False


def _limit_files() -> None:
    """No core dumps; files written by the code stay below 64 MiB (an error, not a kill)."""
    try:
        import resource
        import signal

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        _, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
        soft = FILE_SIZE_LIMIT if hard == resource.RLIM_INFINITY else min(FILE_SIZE_LIMIT, hard)
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    except (ImportError, OSError, ValueError, AttributeError):
        pass


def _exit_code(exc: SystemExit) -> int | str:
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, bool):
        return int(code)
    if isinstance(code, int):
        return code
    return str(code)[:500]


def _error_detail(exc: BaseException, filename: str) -> dict[str, Any]:
    """The exception's type and message, the line of the learner's file it came from."""
    line = None
    if isinstance(exc, SyntaxError) and exc.filename == filename:
        line = exc.lineno
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == filename:
            line = frame.lineno
    detail: dict[str, Any] = {
        "type": type(exc).__name__,
        "message": str(exc)[:2000],
        "line": line,
    }
    if isinstance(exc, ModuleNotFoundError) and exc.name:
        detail["module"] = exc.name
    return detail


def _done(verdict: str, detail: dict[str, Any], output: CappedOutput | None) -> dict[str, Any]:
    return {
        "event": "done",
        "verdict": verdict,
        "detail": detail,
        "output": output.getvalue() if output else "",
        "output_truncated": bool(output and output.truncated),
    }


def _finish(protocol: Protocol, verdict: str, detail: dict[str, Any], output: CappedOutput) -> None:
    """Send the last event and end the process at once (no atexit, no waiting for threads)."""
    try:
        protocol.send(_done(verdict, detail, output))
    finally:
        os._exit(0)


if __name__ == "__main__":
    raise SystemExit(main())
