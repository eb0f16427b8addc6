"""Pictures of shapes: A · B = C as rectangles, and the MNIST network's shapes as dominoes (§3.3, §3.6.3).

:class:`DotDiagram` draws the two operands of ``np.dot`` as rectangles whose sides grow with the
number of rows and columns (on a log scale, capped), and highlights the two sides that must be
equal: blue with ✓ when they are, vermillion with ✗ when not (the Okabe–Ito pair, and a symbol,
so colour is never the only cue). :class:`DominoChain` lines up X · W1 · W2 · W3 as dominoes
whose touching halves must show the same number. Both only draw what a
:class:`~core.matrix_shapes.DotCheck` says; they compute nothing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from core.matrix_shapes import ChainLink, DotCheck, Shape, format_shape
from zdl_gui.tabs.shapes_text import CHECK, CROSS, match_color
from zdl_gui.theme import curve_color

#: Okabe–Ito colours of the operands: A orange, B bluish green, the result reddish purple.
A_COLOR, B_COLOR, RESULT_COLOR = 1, 2, 4

THIN = 14.0  # the side of a 1-D array that has no dimension (a row's height, a column's width)
CAP = 190.0  # the longest side a rectangle gets before scaling to the widget
MAX_GRID = 12  # cells are drawn when both sides have at most this many
STACK_STEP = 7.0  # how far each matrix of a 3-D stack is shifted
GAP = 18.0  # between a block and an operator


def side_length(n: int) -> float:
    """The drawn length of a side of ``n`` rows or columns: grows like log2(n), capped."""
    return min(CAP, 22.0 + 26.0 * math.log2(max(n, 1)))


@dataclass(frozen=True)
class Block:
    """How one array is drawn: ``rows`` × ``cols`` rectangles, ``lead`` of them stacked.

    ``row_axis``/``col_axis`` index the shape for the side drawn (None for the missing side of a
    1-D array, which is drawn thin).
    """

    name: str
    shape: Shape
    rows: int
    cols: int
    row_axis: int | None
    col_axis: int | None
    lead: int  # how many matrices are stacked (the product of the leading dimensions)

    @property
    def width(self) -> float:
        return THIN if self.col_axis is None else side_length(self.cols)

    @property
    def height(self) -> float:
        return THIN if self.row_axis is None else side_length(self.rows)

    @property
    def shadows(self) -> int:
        return min(self.lead, 3) - 1


def operand_block(name: str, shape: Shape, side: str) -> Block:
    """The block for an operand: on the left a 1-D array is a row, on the right a column."""
    if len(shape) == 1:
        if side == "a":
            return Block(name, shape, 1, shape[0], None, 0, 1)
        return Block(name, shape, shape[0], 1, 0, None, 1)
    lead = math.prod(shape[:-2])
    n = len(shape)
    return Block(name, shape, shape[-2], shape[-1], n - 2, n - 1, lead)


def result_block(name: str, check: DotCheck) -> Block | None:
    """The block for np.dot's result (None when it fails); a 1-D result is a row or column."""
    shape = check.result_shape
    if shape is None:
        return None
    if len(shape) == 0:
        return Block(name, shape, 1, 1, None, None, 1)
    if len(shape) == 1:
        as_column = check.rule == "matrix_vector"
        if as_column:
            return Block(name, shape, shape[0], 1, 0, None, 1)
        return Block(name, shape, 1, shape[0], None, 0, 1)
    n = len(shape)
    return Block(name, shape, shape[-2], shape[-1], n - 2, n - 1, math.prod(shape[:-2]))


class DotDiagram(QWidget):
    """``A · B = C`` with the two dimensions that must match highlighted (§3.3.2)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check: DotCheck | None = None
        self._names = ("A", "B", "A·B")
        self._stale = False
        self._no_result = "?"
        self.setMinimumSize(320, 170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    # --- state ------------------------------------------------------------------------------------

    def set_check(
        self,
        check: DotCheck | None,
        names: Sequence[str] = ("A", "B", "A·B"),
        *,
        stale: bool = False,
    ) -> None:
        """Draw ``check`` with the operands called ``names`` (A, B, result)."""
        self._check = check
        self._names = (names[0], names[1], names[2])
        self._stale = stale
        self.setAccessibleDescription(self.description())
        self.update()

    def set_stale(self, stale: bool) -> None:
        """Grey the picture out while it shows the last valid shapes, not the typed ones."""
        if stale != self._stale:
            self._stale = stale
            self.update()

    def set_no_result_text(self, text: str) -> None:
        """The (translated) words under the ✗ where the result would be."""
        self._no_result = text
        self.update()

    @property
    def check(self) -> DotCheck | None:
        return self._check

    @property
    def is_stale(self) -> bool:
        return self._stale

    def highlight_state(self) -> str | None:
        """``"match"`` (blue, ✓), ``"mismatch"`` (vermillion, ✗) or None when nothing is drawn."""
        if self._check is None:
            return None
        return "match" if self._check.ok else "mismatch"

    def description(self) -> str:
        """What the picture shows, in plain text (for screen readers and tests)."""
        c = self._check
        if c is None:
            return ""
        a, b, r = self._names
        mark = CHECK if c.ok else CROSS
        relation = "=" if c.ok else "≠"
        result = format_shape(c.result_shape) if c.result_shape is not None else CROSS
        return (
            f"{a} {format_shape(c.shape_a)} · {b} {format_shape(c.shape_b)} → {r} {result}; "
            f"{a}[{c.axis_a}] = {c.dim_a} {relation} {b}[{c.axis_b}] = {c.dim_b} {mark}"
        )

    def sizeHint(self) -> QSize:
        return QSize(560, 240)

    # --- painting -----------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        check = self._check
        if check is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._stale:
            painter.setOpacity(0.4)
        a_name, b_name, r_name = self._names
        blocks = [
            operand_block(a_name, check.shape_a, "a"),
            operand_block(b_name, check.shape_b, "b"),
            result_block(r_name, check),
        ]
        font = QFont(self.font())
        bold = QFont(font)
        bold.setBold(True)
        big = QFont(font)
        big.setPointSizeF(font.pointSizeF() * 1.8)
        fm = QFontMetricsF(font)
        bold_fm = QFontMetricsF(bold)
        line = fm.height()
        ok = check.ok
        badge = (
            f"{check.dim_a} = {check.dim_b} {CHECK}"
            if ok
            else f"{check.dim_a} ≠ {check.dim_b} {CROSS}"
        )
        dot_gap = max(40.0, bold_fm.horizontalAdvance(badge) + 12)
        eq_gap = 40.0

        # fixed room: labels left of and above each block, the operators, names below
        label_w = [self._label_width(fm, b) for b in blocks]
        name_w = [fm.horizontalAdvance(self._name_text(b)) for b in blocks]
        lead_w = [
            fm.horizontalAdvance(f"×{b.lead}") + 6 if b is not None and b.lead > 1 else 0.0
            for b in blocks
        ]
        no_result_w = max(fm.horizontalAdvance(self._no_result), 60.0)
        fixed_w = 2 * GAP * 2 + dot_gap + eq_gap + 16
        flex_w = 0.0
        for i, block in enumerate(blocks):
            if block is None:
                fixed_w += no_result_w
                continue
            fixed_w += label_w[i] + block.shadows * STACK_STEP + lead_w[i]
            flex_w += block.width
        fixed_h = 3 * line + 16 + 2 * STACK_STEP
        flex_h = max(b.height for b in blocks if b is not None)
        scale = min(
            (self.width() - fixed_w) / flex_w if flex_w else 1.0,
            (self.height() - fixed_h) / flex_h,
            2.4,
        )
        scale = max(scale, 0.15)

        # widths of each column (label, then rect + stack or the name when wider), so the whole row
        # can be centred; shrink the rectangles while the names make the row too wide
        def drawn_widths(scale: float) -> list[float]:
            """Each block's rectangle, its stack and its "×n": what is drawn right of the label."""
            return [
                no_result_w
                if block is None
                else block.width * scale + block.shadows * STACK_STEP + lead_w[i]
                for i, block in enumerate(blocks)
            ]

        def column_widths(scale: float) -> list[float]:
            return [
                label_w[i] + max(drawn, name_w[i]) if block is not None else drawn
                for i, (block, drawn) in enumerate(zip(blocks, drawn_widths(scale), strict=True))
            ]

        operators = dot_gap + eq_gap + 4 * GAP
        columns = column_widths(scale)
        for _ in range(6):
            total = sum(columns) + operators
            if total <= self.width() - 16 or scale <= 0.15:
                break
            scale = max(0.15, scale * (self.width() - 16 - operators) / (total - operators))
            columns = column_widths(scale)
        total = sum(columns) + operators
        x = max(8.0, (self.width() - total) / 2)
        mid_y = (self.height() - line) / 2 + line / 2  # leave room for the names below

        text_color = self.palette().color(QPalette.ColorRole.Text)
        highlight = match_color(ok, self.palette())
        for i, block in enumerate(blocks):
            if i == 1:
                self._draw_operator(painter, big, "·", x + GAP, dot_gap, mid_y, text_color)
                painter.setFont(bold)
                painter.setPen(highlight)
                badge_rect = QRectF(x + GAP - 6, mid_y + line * 1.2, dot_gap + 12, line * 1.4)
                painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)
                x += dot_gap + 2 * GAP
            elif i == 2:
                self._draw_operator(painter, big, "=", x + GAP, eq_gap, mid_y, text_color)
                x += eq_gap + 2 * GAP
            if block is None:
                self._draw_no_result(painter, big, font, x, no_result_w, mid_y)
                x += no_result_w
                continue
            centring = (columns[i] - label_w[i] - drawn_widths(scale)[i]) / 2  # a wide name
            self._draw_block(
                painter,
                block,
                x + centring,
                mid_y,
                scale,
                label_w[i],
                (font, bold),
                ("a", "b", "r")[i],
                ok,
            )
            x += columns[i]
        painter.end()

    @staticmethod
    def _name_text(block: Block | None) -> str:
        if block is None:
            return ""
        return f"{block.name}  {format_shape(block.shape)}"

    @staticmethod
    def _label_width(fm: QFontMetricsF, block: Block | None) -> float:
        if block is None or block.row_axis is None:
            return 6.0
        return fm.horizontalAdvance(f"{block.rows} {CHECK}") + 8

    def _draw_operator(
        self,
        painter: QPainter,
        font: QFont,
        text: str,
        x: float,
        width: float,
        mid_y: float,
        color: QColor,
    ) -> None:
        if text == "·":  # the product dot, drawn: a font's middle dot is too small to see
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawEllipse(QPointF(x + width / 2, mid_y), 4.0, 4.0)
            return
        painter.setFont(font)
        painter.setPen(color)
        h = QFontMetricsF(font).height()
        painter.drawText(QRectF(x, mid_y - h / 2, width, h), Qt.AlignmentFlag.AlignCenter, text)

    def _draw_no_result(
        self, painter: QPainter, big: QFont, font: QFont, x: float, width: float, mid_y: float
    ) -> None:
        color = match_color(False, self.palette())
        painter.setPen(color)
        painter.setFont(big)
        h = QFontMetricsF(big).height()
        painter.drawText(QRectF(x, mid_y - h / 2, width, h), Qt.AlignmentFlag.AlignCenter, CROSS)
        painter.setFont(font)
        line = QFontMetricsF(font).height()
        painter.drawText(
            QRectF(x - 20, mid_y + h / 2 + 2, width + 40, line * 2.2),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            self._no_result,
        )

    def _draw_block(
        self,
        painter: QPainter,
        block: Block,
        x: float,
        mid_y: float,
        scale: float,
        label_w: float,
        fonts: tuple[QFont, QFont],
        side: str,
        ok: bool,
    ) -> None:
        font, bold = fonts
        palette = self.palette()
        highlight = match_color(ok, palette)
        text_color = palette.color(QPalette.ColorRole.Text)
        color = curve_color({"a": A_COLOR, "b": B_COLOR, "r": RESULT_COLOR}[side], palette)
        fill = QColor(color)
        fill.setAlpha(70)
        w, h = block.width * scale, block.height * scale
        left = x + label_w
        top = mid_y - h / 2 + block.shadows * STACK_STEP / 2
        rect = QRectF(left, top, w, h)
        line = QFontMetricsF(font).height()

        # the stack of a 3-D array: copies behind, shifted up and to the right
        for k in range(block.shadows, 0, -1):
            back = rect.translated(k * STACK_STEP, -k * STACK_STEP)
            painter.setPen(QPen(color, 1.2))
            painter.setBrush(fill)
            painter.drawRect(back)
        painter.setPen(QPen(color, 1.6))
        painter.setBrush(fill)
        painter.drawRect(rect)
        if block.lead > 1:
            painter.setFont(font)
            painter.setPen(text_color)
            corner = rect.translated(block.shadows * STACK_STEP, -block.shadows * STACK_STEP)
            painter.drawText(
                QRectF(corner.right() + 4, corner.top(), 200, line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                f"×{block.lead}",
            )

        # the cells, when few enough to count
        rows = block.rows if block.row_axis is not None else 1
        cols = block.cols if block.col_axis is not None else 1
        if rows <= MAX_GRID and cols <= MAX_GRID and w / cols >= 6 and h / rows >= 6:
            grid_color = QColor(color)
            grid_color.setAlpha(120)
            painter.setPen(QPen(grid_color, 0.8))
            for r in range(1, rows):
                y = top + h * r / rows
                painter.drawLine(QPointF(left, y), QPointF(left + w, y))
            for c in range(1, cols):
                xx = left + w * c / cols
                painter.drawLine(QPointF(xx, top), QPointF(xx, top + h))

        # the side that must match: A's columns (top edge), B's rows (left edge)
        mark = CHECK if ok else CROSS
        top_hl = side == "a"
        left_hl = side == "b"
        if top_hl:
            painter.setPen(QPen(highlight, 4.0, c=Qt.PenCapStyle.FlatCap))
            painter.drawLine(rect.topLeft(), rect.topRight())
        if left_hl:
            painter.setPen(QPen(highlight, 4.0, c=Qt.PenCapStyle.FlatCap))
            painter.drawLine(rect.topLeft(), rect.bottomLeft())

        # the numbers: columns above, rows to the left
        if block.col_axis is not None:
            text = f"{block.cols} {mark}" if top_hl else str(block.cols)
            painter.setFont(bold if top_hl else font)
            painter.setPen(highlight if top_hl else text_color)
            painter.drawText(
                QRectF(left - 40, top - line - 3, w + 80, line),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                text,
            )
        if block.row_axis is not None:
            text = f"{block.rows} {mark}" if left_hl else str(block.rows)
            painter.setFont(bold if left_hl else font)
            painter.setPen(highlight if left_hl else text_color)
            painter.drawText(
                QRectF(left - label_w - 4, top, label_w, h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                text,
            )

        # the name and shape below
        painter.setFont(font)
        painter.setPen(text_color)
        below = max(top + h, mid_y + line * 1.2) + 6
        name_rect = QRectF(left + w / 2 - 150, below, 300, line)
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignHCenter, self._name_text(block))


@dataclass(frozen=True)
class Domino:
    """One array in the chain: its name, shape, the small text under it (its bias), its colour."""

    name: str
    shape: Shape
    note: str = ""
    color: int = B_COLOR  # an index into the Okabe–Ito colours of :func:`curve_color`


class DominoChain(QWidget):
    """X · W1 · W2 · W3 → Y as dominoes: touching halves must show the same number (§3.6.3)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pieces: list[Domino] = []
        self._links: tuple[ChainLink, ...] = ()
        self._result: Domino | None = None
        self._stale = False
        self.setMinimumSize(360, 130)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_chain(
        self,
        pieces: Sequence[Domino],
        links: Sequence[ChainLink],
        result: Domino | None,
        *,
        stale: bool = False,
    ) -> None:
        """Draw ``pieces`` (X, W1, …); joint k is ``links[k]``; ``result`` after the arrow."""
        self._pieces = list(pieces)
        self._links = tuple(links)
        self._result = result
        self._stale = stale
        self.setAccessibleDescription(self.description())
        self.update()

    @property
    def is_stale(self) -> bool:
        return self._stale

    def joint_states(self) -> list[str]:
        """For each joint: ``"match"``, ``"mismatch"`` or ``"unchecked"`` (after a mismatch)."""
        states = []
        for k in range(len(self._pieces) - 1):
            if k < len(self._links):
                states.append("match" if self._links[k].dot.ok else "mismatch")
            else:
                states.append("unchecked")
        return states

    def description(self) -> str:
        parts = [f"{p.name} {format_shape(p.shape)}" for p in self._pieces]
        text = " · ".join(parts)
        if self._result is not None:
            text += f" → {self._result.name} {format_shape(self._result.shape)}"
        return text

    def sizeHint(self) -> QSize:
        return QSize(760, 150)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._pieces:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._stale:
            painter.setOpacity(0.4)
        palette = self.palette()
        text_color = palette.color(QPalette.ColorRole.Text)
        font = QFont(self.font())
        bold = QFont(font)
        bold.setBold(True)
        fm = QFontMetricsF(bold)
        line = QFontMetricsF(font).height()

        pieces = list(self._pieces)
        halves = [max(len(p.shape), 1) for p in pieces]
        result_halves = len(self._result.shape) if self._result is not None else 1
        widest = max(
            [fm.horizontalAdvance(str(d)) for p in pieces for d in p.shape]
            + ([fm.horizontalAdvance(str(d)) for d in self._result.shape] if self._result else [])
            + [fm.horizontalAdvance("?")]
        )
        half_w = max(44.0, widest + 18)
        gap = 10.0
        arrow_w = 46.0
        n_halves = sum(halves) + max(result_halves, 1)
        natural = n_halves * half_w + gap * (len(pieces) - 1) + arrow_w + 16
        scale = min(1.5, max(0.5, (self.width() - 16) / natural))
        half_w *= scale
        half_h = min(48.0, max(30.0, self.height() - 4 * line - 16))
        x = max(8.0, (self.width() - natural * scale) / 2)
        top = 8.0 + line + 4

        states = self.joint_states()
        first_bad = next((k for k, s in enumerate(states) if s != "match"), None)
        rects: list[QRectF] = []
        for k, piece in enumerate(pieces):
            faded = first_bad is not None and k > first_bad + 1  # not reached by the check
            rect = QRectF(x, top, half_w * halves[k], half_h)
            rects.append(rect)
            self._draw_domino(painter, piece, rect, halves[k], (font, bold), faded, text_color)
            x += rect.width() + gap
        # joints
        for k, state in enumerate(states):
            if state == "unchecked":
                continue
            ok = state == "match"
            color = match_color(ok, palette)
            left, right = rects[k], rects[k + 1]
            # the two touching halves outlined, a bar across the joint, and ✓ or ✗ above it
            painter.setPen(QPen(color, 3.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for half in (
                QRectF(left.right() - half_w, top, half_w, half_h),
                QRectF(right.left(), top, half_w, half_h),
            ):
                painter.drawRoundedRect(half.adjusted(2.5, 2.5, -2.5, -2.5), 5, 5)
            joint_x = (left.right() + right.left()) / 2
            painter.setPen(QPen(color, 4.0, c=Qt.PenCapStyle.RoundCap))
            painter.drawLine(QPointF(joint_x, top - 5), QPointF(joint_x, top + half_h + 5))
            painter.setFont(bold)
            painter.setPen(color)
            painter.drawText(
                QRectF(joint_x - 30, top - line - 6, 60, line),
                Qt.AlignmentFlag.AlignCenter,
                CHECK if ok else CROSS,
            )
        # the arrow and the result
        painter.setPen(QPen(text_color, 1.6))
        y = top + half_h / 2
        painter.drawLine(QPointF(x + 6, y), QPointF(x + arrow_w - 10, y))
        painter.drawLine(QPointF(x + arrow_w - 10, y), QPointF(x + arrow_w - 18, y - 5))
        painter.drawLine(QPointF(x + arrow_w - 10, y), QPointF(x + arrow_w - 18, y + 5))
        x += arrow_w
        if self._result is not None:
            rect = QRectF(x, top, half_w * max(result_halves, 1), half_h)
            self._draw_domino(
                painter,
                self._result,
                rect,
                max(result_halves, 1),
                (font, bold),
                False,
                text_color,
            )
        else:
            painter.setFont(bold)
            painter.setPen(match_color(False, palette))
            painter.drawText(QRectF(x, top, half_w, half_h), Qt.AlignmentFlag.AlignCenter, "?")
        painter.end()

    def _draw_domino(
        self,
        painter: QPainter,
        piece: Domino,
        rect: QRectF,
        halves: int,
        fonts: tuple[QFont, QFont],
        faded: bool,
        text_color: QColor,
    ) -> None:
        font, bold = fonts
        palette = self.palette()
        color = curve_color(piece.color, palette)
        fill = QColor(color)
        fill.setAlpha(60)
        painter.save()
        if faded:
            painter.setOpacity(painter.opacity() * 0.35)
        painter.setPen(QPen(color, 1.6))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 6, 6)
        half_w = rect.width() / halves
        for k in range(1, halves):
            xx = rect.left() + k * half_w
            painter.drawLine(QPointF(xx, rect.top() + 4), QPointF(xx, rect.bottom() - 4))
        painter.setFont(bold)
        painter.setPen(text_color)
        for k, dim in enumerate(piece.shape):
            cell = QRectF(rect.left() + k * half_w, rect.top(), half_w, rect.height())
            painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, str(dim))
        painter.setFont(font)
        line = QFontMetricsF(font).height()
        below = QRectF(rect.left() - 30, rect.bottom() + 4, rect.width() + 60, line)
        painter.drawText(below, Qt.AlignmentFlag.AlignHCenter, piece.name)
        if piece.note:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(below.translated(0, line), Qt.AlignmentFlag.AlignHCenter, piece.note)
        painter.restore()
