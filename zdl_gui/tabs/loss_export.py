"""The loss calculator's worked calculation as plain text, Markdown or LaTeX, for copying (§4.2).

:class:`LossCalculationWriter` turns a :class:`core.loss_steps.LossReport` into a small document
(headings, tables, formulas, notes) and writes it in one of three styles. Headings and notes are
translated; the numbers come from the report, formatted by :func:`core.parsing.format_number`
(never NumPy's ``np.float64(...)``) with an adjustable number of significant digits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from PySide6.QtCore import QObject

from core.loss_steps import DELTA, LossReport
from core.parsing import format_number

Style = Literal["text", "markdown", "latex"]
STYLES: tuple[Style, ...] = ("text", "markdown", "latex")

_LATEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "§": r"\S{}",
}
_EXPONENT = re.compile(r"^(-?[\d.]+)e([+-])0*(\d+)$")


def fmt(value: float, precision: int) -> str:
    """One number for people: ``precision`` significant digits (``0.0975``, ``1e-07``)."""
    return format_number(float(value), precision)


def latex_number(text: str) -> str:
    """A formatted number in LaTeX: ``1e-07`` → ``1 \\times 10^{-7}``, ``inf`` → ``\\infty``."""
    if text in ("inf", "-inf"):
        return text.replace("inf", r"\infty")
    if text == "nan":
        return r"\mathrm{NaN}"
    m = _EXPONENT.match(text)
    if m is None:
        return text
    mantissa, sign, exponent = m.groups()
    power = f"10^{{{'-' if sign == '-' else ''}{exponent}}}"
    return power if mantissa == "1" else f"{mantissa} \\times {power}"


def latex_text(text: str) -> str:
    """``text`` with LaTeX's special characters escaped."""
    return "".join(_LATEX_SPECIAL.get(ch, ch) for ch in text)


@dataclass(frozen=True)
class _Heading:
    text: str


@dataclass(frozen=True)
class _Note:
    text: str


@dataclass(frozen=True)
class _Math:
    plain: str
    latex: str


@dataclass(frozen=True)
class _Table:
    header: Sequence[str]  # plain
    latex_header: Sequence[str]
    rows: Sequence[Sequence[str]]  # formatted numbers (plain); the first column is the index


_Block = _Heading | _Note | _Math | _Table


class LossCalculationWriter(QObject):
    """Writes the worked calculation of one row of a report in a chosen style."""

    def write(self, report: LossReport, row: int, style: Style, precision: int) -> str:
        """The calculation of row ``row`` (and the batch means) as ``style`` text."""
        blocks = self.blocks(report, row, precision)
        if style == "markdown":
            return _markdown(blocks)
        if style == "latex":
            return _latex(blocks)
        return _plain(blocks)

    # --- the document ---------------------------------------------------------------------------

    def blocks(self, report: LossReport, row: int, precision: int) -> list[_Block]:
        """The document: headings, tables, formulas and notes, numbers already formatted."""
        p = precision
        n, c = report.n_rows, report.n_classes
        out: list[_Block] = [_Heading(self.tr("Loss calculation (§4.2)"))]
        if n > 1:
            out.append(
                _Note(
                    self.tr("Row {0} of a batch of N = {1} rows, C = {2} classes.").format(
                        row, n, c
                    )
                )
            )
        else:
            out.append(_Note(self.tr("One sample, C = {0} classes.").format(c)))
        if report.raw_scores:
            out.append(
                _Note(self.tr("y are raw scores a; the probabilities y = softmax(a) are used."))
            )
        out += self._sse_blocks(report, row, p)
        out += self._cee_blocks(report, row, p)
        if n > 1:
            out += self._batch_blocks(report, p)
        out += self._gradient_blocks(report, row, p)
        return out

    def _sse_blocks(self, report: LossReport, row: int, p: int) -> list[_Block]:
        s = report.sse
        rows = [
            [
                str(k),
                fmt(s.y[row, k], p),
                fmt(s.t[row, k], p),
                fmt(s.diff[row, k], p),
                fmt(s.squared[row, k], p),
            ]
            for k in range(report.n_classes)
        ]
        rows.append(
            ["Σ", fmt(np.sum(s.y[row]), p), fmt(np.sum(s.t[row]), p), "", fmt(s.row_sum[row], p)]
        )
        total, half = fmt(s.row_sum[row], p), fmt(s.row_loss[row], p)
        c = report.n_classes
        return [
            _Heading(self.tr("Sum of squared errors (§4.2.1)")),
            _Table(
                ["k", "y_k", "t_k", "y_k − t_k", "(y_k − t_k)²"],
                ["k", "y_k", "t_k", "y_k - t_k", "(y_k - t_k)^2"],
                rows,
            ),
            _Math(
                f"Σ (y_k − t_k)² = {total}",
                rf"\sum_k (y_k - t_k)^2 = {latex_number(total)}",
            ),
            _Math(
                f"E = ½ Σ (y_k − t_k)² = ½ × {total} = {half}",
                rf"E = \frac{{1}}{{2}} \sum_k (y_k - t_k)^2 = \frac{{1}}{{2}} \times {latex_number(total)} = {latex_number(half)}",
            ),
            _Note(
                self.tr(
                    "Three names, three numbers: ½ Σ (the book's E) = {0}; sum of squares Σ = {1}; "
                    "mean squared error (1/C) Σ with C = {2}: {3}."
                ).format(half, total, c, fmt(s.row_mean[row], p))
            ),
        ]

    def _cee_blocks(self, report: LossReport, row: int, p: int) -> list[_Block]:
        heading = _Heading(self.tr("Cross-entropy error (§4.2.2)"))
        ce = report.cee
        if ce is None:
            return [
                heading,
                _Note(
                    self.tr(
                        "Not computed: y has negative values, and their logarithm is undefined."
                    )
                ),
            ]
        rows = [
            [
                str(k),
                fmt(ce.y[row, k], p),
                fmt(ce.t[row, k], p),
                fmt(ce.y_plus_delta[row, k], p),
                fmt(ce.log_y[row, k], p),
                fmt(ce.t_log_y[row, k], p),
            ]
            for k in range(report.n_classes)
        ]
        rows.append(["Σ", "", "", "", "", fmt(ce.row_sum[row], p)])
        label = int(ce.labels[row])
        total, loss = fmt(ce.row_sum[row], p), fmt(ce.row_loss[row], p)
        picked, label_loss = fmt(ce.picked[row], p), fmt(ce.label_row_loss[row], p)
        delta = fmt(DELTA, p)
        return [
            heading,
            _Table(
                ["k", "y_k", "t_k", "y_k + δ", "log(y_k + δ)", "t_k log(y_k + δ)"],
                [
                    "k",
                    "y_k",
                    "t_k",
                    r"y_k + \delta",
                    r"\log(y_k + \delta)",
                    r"t_k \log(y_k + \delta)",
                ],
                rows,
            ),
            _Math(
                f"E = −Σ t_k log(y_k + δ) = −({total}) = {loss}",
                rf"E = -\sum_k t_k \log(y_k + \delta) = -({latex_number(total)}) = {latex_number(loss)}",
            ),
            _Note(
                self.tr("Label form (§4.2.4): t = {0}, only y[{1}, {0}] is picked.").format(
                    label, row
                )
            ),
            _Math(
                f"E = −log(y[{row}, {label}] + δ) = −log({picked} + {delta}) = {label_loss}",
                rf"E = -\log(y_{{{row},{label}}} + \delta) = -\log({latex_number(picked)} + {latex_number(delta)}) = {latex_number(label_loss)}",
            ),
        ]

    def _batch_blocks(self, report: LossReport, p: int) -> list[_Block]:
        s, ce = report.sse, report.cee
        rows = []
        for i in range(report.n_rows):
            cee_text = fmt(ce.row_loss[i], p) if ce is not None else "—"
            rows.append([str(i), str(int(report.labels[i])), fmt(s.row_loss[i], p), cee_text])
        sse_mean = fmt(s.loss, p)
        cee_mean = fmt(ce.loss, p) if ce is not None else "—"
        n = report.n_rows
        return [
            _Heading(self.tr("Mini-batch: the mean over N rows (§4.2.3)")),
            _Table(
                ["n", "t_n", "E_n (SSE)", "E_n (CEE)"],
                ["n", "t_n", r"E_n\ (\mathrm{SSE})", r"E_n\ (\mathrm{CEE})"],
                rows,
            ),
            _Math(
                f"E = (1/N) Σ_n E_n, N = {n}: SSE {sse_mean}, CEE {cee_mean}",
                rf"E = \frac{{1}}{{N}} \sum_n E_n,\ N = {n}:\ \mathrm{{SSE}}\ {latex_number(sse_mean)},\ \mathrm{{CEE}}\ {latex_number(cee_mean)}",
            ),
        ]

    def _gradient_blocks(self, report: LossReport, row: int, p: int) -> list[_Block]:
        g_cee = report.grad_cee
        rows = [
            [
                str(k),
                fmt(report.grad_sse[row, k], p),
                fmt(g_cee[row, k], p) if g_cee is not None else "—",
                fmt(report.softmax_with_loss_grad[row, k], p),
            ]
            for k in range(report.n_classes)
        ]
        return [
            _Heading(self.tr("Gradient with respect to y (§4.4, §5.6.3)")),
            _Table(
                [
                    "k",
                    "∂E/∂y_k SSE = (y_k − t_k)/N",
                    "∂E/∂y_k CEE = −t_k/(y_k + δ)/N",
                    "Softmax-with-Loss (y_k − t_k)/N",
                ],
                [
                    "k",
                    r"\partial E/\partial y_k\ \mathrm{SSE}",
                    r"\partial E/\partial y_k\ \mathrm{CEE}",
                    r"(y_k - t_k)/N",
                ],
                rows,
            ),
        ]


# --- the three styles -------------------------------------------------------------------------------


def _plain(blocks: list[_Block]) -> str:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, _Heading):
            if lines:
                lines.append("")
            lines += [block.text, "=" * max(8, len(block.text))]
        elif isinstance(block, _Note):
            lines.append(block.text)
        elif isinstance(block, _Math):
            lines.append(block.plain)
        else:
            cells = [list(block.header), *(list(r) for r in block.rows)]
            widths = [max(len(r[i]) for r in cells) for i in range(len(block.header))]
            for r in cells:
                lines.append(
                    "  ".join(cell.rjust(w) for cell, w in zip(r, widths, strict=True)).rstrip()
                )
    return "\n".join(lines) + "\n"


def _markdown(blocks: list[_Block]) -> str:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, _Heading):
            if lines and lines[-1]:
                lines.append("")
            lines += [f"### {block.text}", ""]
        elif isinstance(block, _Note):
            lines += [block.text, ""]
        elif isinstance(block, _Math):
            lines += [f"$$ {block.latex} $$", ""]
        else:
            header = ["$" + h + "$" if h not in ("k", "n") else h for h in block.latex_header]
            lines.append("| " + " | ".join(header) + " |")
            lines.append("|" + "|".join("---:" for _ in header) + "|")
            for r in block.rows:
                lines.append("| " + " | ".join(r) + " |")
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _latex(blocks: list[_Block]) -> str:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, _Heading):
            if lines and lines[-1]:
                lines.append("")
            lines.append(rf"\subsection*{{{latex_text(block.text)}}}")
        elif isinstance(block, _Note):
            lines += [latex_text(block.text), ""]
        elif isinstance(block, _Math):
            lines.append(rf"\[ {block.latex} \]")
        else:
            columns = len(block.latex_header)
            lines.append(r"\[")
            lines.append(r"\begin{array}{r|" + "r" * (columns - 1) + "}")
            lines.append(" & ".join(block.latex_header) + r" \\ \hline")
            for r in block.rows:
                cells = [r"\Sigma" if cell == "Σ" else latex_number(cell) for cell in r]
                cells = ["" if cell == "—" else cell for cell in cells]
                lines.append(" & ".join(cells) + r" \\")
            lines.append(r"\end{array}")
            lines.append(r"\]")
    return "\n".join(lines) + "\n"


__all__ = ["STYLES", "LossCalculationWriter", "Style", "fmt", "latex_number", "latex_text"]
