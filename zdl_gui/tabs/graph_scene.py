"""Drawing a traced computational graph the way the book does (§5.1–5.3).

Values flow left to right: each arrow carries its forward value above it and, once the backward
pass has reached it, the derivative below it, in another colour, under a second arrow pointing
right to left. Nodes are circles (×, +, exp, /, …) or boxes (the layers); inputs and the output
are plain names. The layout is a simple layered one computed from the graph's topology: columns
by depth, the main chain of each node on one row, side inputs (tax, W, b, t) below it.

:class:`GraphScene` only draws what it is given: the texts come from the tab (which formats the
numbers of :mod:`core.graph_trace` and translates the names), what is revealed from
:class:`core.graph_player.GraphPlayer`. :class:`GraphView` adds zoom (wheel), pan (drag) and fit.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from core.graph_player import Revealed
from core.graph_trace import Graph
from zdl_gui.theme import curve_color, is_dark

NodeStyle = Literal["circle", "box", "text"]

# layout, in scene pixels
LABEL_PAD = 14  # free space left and right of an arrow's texts
BEND = 34  # the last, slanted part of an arrow before the node it points into
MIN_GAP = 96  # the shortest horizontal distance between two columns
ROW_MARGIN = 30  # free space between the texts of two rows
TEXT_LIFT = 4  # forward value: this far above its arrow
BACK_OFFSET = 8  # the backward arrow: this far below the forward one
CIRCLE = 46  # diameter of an operation node
SCENE_MARGIN = 28
MAX_FIT_SCALE = 1.4  # "fit" never blows a small graph up beyond this
MIN_READABLE_SCALE = 0.8  # a new graph is shown at least this large (and scrolls)
FOLLOW_MARGIN = 150  # the view keeps this much around the current node in sight
ERROR_COLORS = ("#b3261e", "#ff8a80")  # light, dark: the InlineMessage's error colours


@dataclass(frozen=True)
class NodeText:
    """What a node shows: its title (symbol or name), how it is drawn, and a tooltip."""

    title: str
    style: NodeStyle
    tooltip: str = ""


@dataclass(frozen=True)
class EdgeText:
    """What an arrow shows: the value above, the derivative below, the shape above the value."""

    value: str
    grad: str
    shape: str = ""


@dataclass(frozen=True)
class Colors:
    """The colours of one theme."""

    text: QColor
    muted: QColor
    grad: QColor
    fill: QColor
    current: QColor
    current_fill: QColor
    problem: QColor
    background: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> Colors:
        text = palette.color(QPalette.ColorRole.Text)
        muted = QColor(text)
        muted.setAlpha(150)
        current = curve_color(0, palette)
        current_fill = QColor(current)
        current_fill.setAlpha(45)
        dark = is_dark(palette)
        return cls(
            text=text,
            muted=muted,
            grad=curve_color(3, palette),
            fill=palette.color(QPalette.ColorRole.Base),
            current=current,
            current_fill=current_fill,
            problem=QColor(ERROR_COLORS[1] if dark else ERROR_COLORS[0]),
            background=palette.color(QPalette.ColorRole.Base),
        )


# --- layout ----------------------------------------------------------------------------------


def layout_graph(graph: Graph) -> dict[str, tuple[int, float]]:
    """(column, row) of every node: columns by depth, the main chain of each node on one row.

    An operation's column is one more than its deepest operation input; an input node sits one
    column before the node it feeds; the output one column after its node. Rows: the output is
    on row 0 and so is the chain leading to it; a node whose inputs are all input nodes has them
    spread around its row; side inputs of a chain node go below it; several operation inputs
    (the apple and orange branches) are stacked and their consumer centred between them.
    Nodes that would overlap in a column are pushed apart.
    """
    nodes = {n.id: n for n in graph.nodes}
    is_leaf = {n.id: n.kind == "input" for n in graph.nodes}

    depth: dict[str, int] = {}
    for node in graph.nodes:  # nodes come in the order they were computed
        if not is_leaf[node.id]:
            ops = [depth[i] for i in node.inputs if not is_leaf[i]]
            depth[node.id] = 1 + max(ops, default=0)
    columns = dict(depth)
    for node in graph.nodes:
        for i in node.inputs:
            if is_leaf[i]:
                columns[i] = min(columns.get(i, depth[node.id] - 1), depth[node.id] - 1)

    def place(node_id: str) -> dict[str, float]:
        node = nodes[node_id]
        rows = {node_id: 0.0}
        ops = [i for i in node.inputs if not is_leaf[i]]
        leaves = [i for i in node.inputs if is_leaf[i]]
        if not ops:
            for k, leaf in enumerate(leaves):
                rows[leaf] = k - (len(leaves) - 1) / 2
            return rows
        if len(ops) == 1:
            rows.update(place(ops[0]))
        else:
            placed: dict[str, float] = {}
            centres = []
            offset = 0.0
            for op in ops:
                sub = place(op)
                shift = offset - min(sub.values())
                placed.update({k: v + shift for k, v in sub.items()})
                centres.append(shift)
                offset = max(placed.values()) + 1
            middle = (centres[0] + centres[-1]) / 2
            rows.update({k: v - middle for k, v in placed.items()})
        below = max(rows[o] for o in ops)
        for k, leaf in enumerate(leaves):
            rows[leaf] = below + 1 + k
        return rows

    rows = place(graph.output)
    by_column: dict[int, list[str]] = {}
    for node_id, column in columns.items():
        by_column.setdefault(column, []).append(node_id)
    for ids in by_column.values():  # keep at least one row between nodes of a column
        ids.sort(key=lambda i: rows[i])
        for above, below in itertools.pairwise(ids):
            if rows[below] - rows[above] < 1:
                rows[below] = rows[above] + 1
    return {node_id: (columns[node_id], rows[node_id]) for node_id in nodes}


# --- items -------------------------------------------------------------------------------------


class NodeItem:
    """A node: its frame (circle, box, or a frame around a name shown when highlighted) and title."""

    def __init__(self, scene: QGraphicsScene, node_id: str, text: NodeText, fonts: _Fonts) -> None:
        self.id = node_id
        self.style = text.style
        self.title = QGraphicsSimpleTextItem(text.title)
        self.title.setFont(fonts.symbol if text.style == "circle" else fonts.title)
        rect = self.title.boundingRect()
        if text.style == "circle":
            width = height = max(CIRCLE, rect.width() + 16)
        elif text.style == "box":
            width, height = rect.width() + 26, max(CIRCLE, rect.height() + 18)
        else:
            width, height = rect.width() + 12, rect.height() + 10
        self.width, self.height = width, height
        path = QPainterPath()
        frame_rect = QRectF(-width / 2, -height / 2, width, height)
        if text.style == "circle":
            path.addEllipse(frame_rect)
        else:
            path.addRoundedRect(frame_rect, 8, 8)
        self.frame = QGraphicsPathItem(path)
        self.frame.setZValue(2)
        self.title.setParentItem(self.frame)
        self.title.setPos(-rect.width() / 2, -rect.height() / 2)
        self.frame.setToolTip(text.tooltip)
        scene.addItem(self.frame)

    def move_to(self, x: float, y: float) -> None:
        self.frame.setPos(x, y)

    @property
    def centre(self) -> QPointF:
        return self.frame.pos()

    @property
    def left(self) -> float:
        return self.frame.pos().x() - self.width / 2

    @property
    def right(self) -> float:
        return self.frame.pos().x() + self.width / 2

    def port(self, towards: QPointF, index: int, count: int) -> QPointF:
        """Where an arrow coming from ``towards`` ends on this node."""
        c = self.centre
        if self.style == "circle":
            dx, dy = towards.x() - c.x(), towards.y() - c.y()
            length = math.hypot(dx, dy) or 1.0
            r = self.width / 2
            return QPointF(c.x() + dx / length * r, c.y() + dy / length * r)
        spread = min(14.0, (self.height - 12) / max(count - 1, 1))
        return QPointF(self.left, c.y() + (index - (count - 1) / 2) * spread)

    def paint(self, colors: Colors, *, current: bool, problem: bool) -> None:
        pen = QPen(colors.text, 1.6)
        brush = QBrush(colors.fill)
        if self.style == "text":
            pen = QPen(Qt.PenStyle.NoPen)
            brush = QBrush(Qt.BrushStyle.NoBrush)
        if current:
            pen = QPen(colors.current, 3.5)
            brush = QBrush(colors.current_fill)
        if problem:
            pen = QPen(colors.problem, 3.0, Qt.PenStyle.DashLine)
        self.frame.setPen(pen)
        self.frame.setBrush(brush)
        self.title.setBrush(colors.text)


class EdgeItem:
    """An arrow: forward line and head, the backward arrow below, shape, value and gradient."""

    def __init__(self, scene: QGraphicsScene, edge_id: str, text: EdgeText, fonts: _Fonts) -> None:
        self.id = edge_id
        self.line = QGraphicsPathItem()
        self.head = QGraphicsPolygonItem()
        self.back_line = QGraphicsPathItem()
        self.back_head = QGraphicsPolygonItem()
        self.shape_item = QGraphicsSimpleTextItem(text.shape)
        self.shape_item.setFont(fonts.small)
        self.value_item = QGraphicsSimpleTextItem(text.value)
        self.value_item.setFont(fonts.mono)
        self.grad_item = QGraphicsSimpleTextItem(text.grad)
        self.grad_item.setFont(fonts.mono_bold)
        items: tuple[QGraphicsItem, ...] = (
            self.line,
            self.head,
            self.back_line,
            self.back_head,
            self.shape_item,
            self.value_item,
            self.grad_item,
        )
        for item in items:
            item.setZValue(1)
            scene.addItem(item)

    def label_size(self) -> tuple[float, float, float]:
        """(width of the texts, height above the arrow, height below it)."""
        shape, value, grad = (
            self.shape_item.boundingRect(),
            self.value_item.boundingRect(),
            self.grad_item.boundingRect(),
        )
        width = max(shape.width(), value.width(), grad.width())
        above = value.height() + TEXT_LIFT + (shape.height() if self.shape_item.text() else 0)
        below = BACK_OFFSET + 5 + grad.height()
        return width, above, below

    def route(self, start: QPointF, bend_x: float, end: QPointF) -> None:
        """Draw start → (bend_x, start.y) → end, with the texts over the straight part."""
        y = start.y()
        path = QPainterPath(start)
        bend = QPointF(bend_x, y)
        path.lineTo(bend)
        path.lineTo(end)
        self.line.setPath(path)
        self.head.setPolygon(_arrow_head(end, end - bend if end != bend else end - start))
        back_y = y + BACK_OFFSET
        back_start, back_end = QPointF(bend_x - 6, back_y), QPointF(start.x() + 6, back_y)
        back = QPainterPath(back_start)
        back.lineTo(back_end)
        self.back_line.setPath(back)
        self.back_head.setPolygon(_arrow_head(back_end, back_end - back_start, size=8))
        centre = (start.x() + bend_x) / 2
        value = self.value_item.boundingRect()
        self.value_item.setPos(centre - value.width() / 2, y - TEXT_LIFT - value.height())
        shape = self.shape_item.boundingRect()
        self.shape_item.setPos(
            centre - shape.width() / 2, y - TEXT_LIFT - value.height() - shape.height()
        )
        grad = self.grad_item.boundingRect()
        self.grad_item.setPos(centre - grad.width() / 2, back_y + 5)

    def paint(self, colors: Colors, *, value: bool, grad: bool) -> None:
        self.line.setPen(QPen(colors.text, 1.5))
        self.head.setPen(QPen(Qt.PenStyle.NoPen))
        self.head.setBrush(colors.text)
        self.back_line.setPen(QPen(colors.grad, 1.5))
        self.back_head.setPen(QPen(Qt.PenStyle.NoPen))
        self.back_head.setBrush(colors.grad)
        self.shape_item.setBrush(colors.muted)
        self.value_item.setBrush(colors.text)
        self.grad_item.setBrush(colors.grad)
        self.value_item.setVisible(value)
        for item in (self.grad_item, self.back_line, self.back_head):
            item.setVisible(grad)


def _arrow_head(tip: QPointF, direction: QPointF, size: float = 10.0) -> QPolygonF:
    length = math.hypot(direction.x(), direction.y()) or 1.0
    dx, dy = direction.x() / length, direction.y() / length
    base = QPointF(tip.x() - dx * size, tip.y() - dy * size)
    normal = QPointF(-dy * size * 0.42, dx * size * 0.42)
    return QPolygonF([tip, base + normal, base - normal])


class _Fonts:
    def __init__(self, base: QFont) -> None:
        base = QFont(base)
        if base.pointSizeF() <= 0:  # a font set in pixels
            base.setPointSizeF(9.0)
        self.title = QFont(base)
        self.symbol = QFont(base)
        self.symbol.setPointSizeF(base.pointSizeF() * 1.25)
        self.small = QFont(base)
        self.small.setPointSizeF(base.pointSizeF() * 0.88)
        self.mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.mono.setPointSizeF(base.pointSizeF())
        self.mono_bold = QFont(self.mono)
        self.mono_bold.setBold(True)


# --- the scene -------------------------------------------------------------------------------------


class GraphScene(QGraphicsScene):
    """One traced graph, drawn; :meth:`show_state` reveals values and marks nodes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.node_items: dict[str, NodeItem] = {}
        self.edge_items: dict[str, EdgeItem] = {}
        self.colors = Colors.from_palette(QPalette())
        self.base_font = QFont()
        self._state: tuple[Revealed | None, str | None, frozenset[str], bool] = (
            None,
            None,
            frozenset(),
            False,
        )

    def set_graph(
        self,
        graph: Graph,
        node_texts: Mapping[str, NodeText],
        edge_texts: Mapping[str, EdgeText],
    ) -> None:
        """Draw ``graph`` with the given texts; positions follow from the texts' sizes."""
        self.clear()
        fonts = _Fonts(self.base_font)
        self.node_items = {n.id: NodeItem(self, n.id, node_texts[n.id], fonts) for n in graph.nodes}
        self.edge_items = {e.id: EdgeItem(self, e.id, edge_texts[e.id], fonts) for e in graph.edges}
        self._place(graph)
        self.setSceneRect(
            self.itemsBoundingRect().marginsAdded(
                QMarginsF(SCENE_MARGIN, SCENE_MARGIN, SCENE_MARGIN, SCENE_MARGIN)
            )
        )
        self._repaint()

    def _place(self, graph: Graph) -> None:
        grid = layout_graph(graph)
        n_columns = max(c for c, _ in grid.values()) + 1
        column_width = [0.0] * n_columns
        for node_id, (column, _) in grid.items():
            column_width[column] = max(column_width[column], self.node_items[node_id].width)
        gaps = [float(MIN_GAP)] * n_columns
        above = below = 0.0
        for edge in graph.edges:
            width, up, down = self.edge_items[edge.id].label_size()
            column = grid[edge.src][0]
            gaps[column] = max(gaps[column], width + 2 * LABEL_PAD + BEND)
            above, below = max(above, up), max(below, down)
        tallest = max(item.height for item in self.node_items.values())
        slot = max(above + below, tallest) + ROW_MARGIN

        lefts = [0.0]
        for column in range(n_columns - 1):
            lefts.append(lefts[-1] + column_width[column] + gaps[column])
        for node_id, (column, row) in grid.items():
            self.node_items[node_id].move_to(lefts[column] + column_width[column] / 2, row * slot)

        incoming: dict[str, list[str]] = {}
        for edge in graph.edges:
            incoming.setdefault(edge.dst, []).append(edge.id)
        for edge in graph.edges:
            src, dst = self.node_items[edge.src], self.node_items[edge.dst]
            start = QPointF(src.right, src.centre.y())
            bend_x = dst.left - BEND
            siblings = incoming[edge.dst]
            end = dst.port(QPointF(bend_x, start.y()), siblings.index(edge.id), len(siblings))
            if abs(end.y() - start.y()) < 0.5:  # a straight arrow: the texts use all of it
                bend_x = end.x()
            self.edge_items[edge.id].route(start, bend_x, end)

    def show_state(
        self,
        revealed: Revealed | None,
        current: str | None = None,
        problems: Iterable[str] = (),
        stale: bool = False,
    ) -> None:
        """Show what ``revealed`` lists, highlight ``current``, outline ``problems``."""
        self._state = (revealed, current, frozenset(problems), stale)
        self._repaint()

    def set_colors(self, colors: Colors) -> None:
        self.colors = colors
        self.setBackgroundBrush(colors.background)
        self._repaint()

    def _repaint(self) -> None:
        revealed, current, problems, stale = self._state
        for node_id, item in self.node_items.items():
            item.paint(self.colors, current=node_id == current, problem=node_id in problems)
            item.frame.setOpacity(1.0 if not stale or node_id in problems else 0.45)
        for edge_id, item in self.edge_items.items():
            item.paint(
                self.colors,
                value=revealed is not None and edge_id in revealed.edge_values,
                grad=revealed is not None and edge_id in revealed.edge_grads,
            )
            for part in (item.line, item.head, item.value_item, item.grad_item, item.shape_item):
                part.setOpacity(0.45 if stale else 1.0)

    # --- export ------------------------------------------------------------------------------------

    def export(self, path: Path) -> None:
        """Save the whole graph as SVG (by the suffix ``.svg``) or as a PNG image, at 2×."""
        rect = self.sceneRect()
        if path.suffix.lower() == ".svg":
            generator = QSvgGenerator()
            generator.setFileName(str(path))
            generator.setSize(QSize(math.ceil(rect.width()), math.ceil(rect.height())))
            generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
            painter = QPainter(generator)
            try:
                painter.fillRect(QRectF(0, 0, rect.width(), rect.height()), self.colors.background)
                self.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
            finally:
                painter.end()
            return
        image = QImage(
            math.ceil(rect.width() * 2), math.ceil(rect.height() * 2), QImage.Format.Format_ARGB32
        )
        image.fill(self.colors.background)
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            self.render(painter, QRectF(image.rect()), rect)
        finally:
            painter.end()
        if not image.save(str(path)):
            raise OSError(f"could not write {path}")


class GraphView(QGraphicsView):
    """Shows a :class:`GraphScene`: wheel to zoom, drag to pan, :meth:`fit` to see it whole.

    A new graph is shown by :meth:`fit_readable`: whole if it fits at a readable size, else at
    :data:`MIN_READABLE_SCALE` from its left end, and :meth:`show_item` then follows the current
    node. Until the learner zooms, the view keeps fitting as the window changes size.
    """

    def __init__(self, scene: GraphScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.auto_fit = True
        self._whole = True

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def fit(self, whole: bool = True) -> None:
        """Show the whole graph (no larger than :data:`MAX_FIT_SCALE`), or, with ``whole``
        False, no smaller than :data:`MIN_READABLE_SCALE`, starting from the inputs."""
        self.auto_fit, self._whole = True, whole
        rect = self.sceneRect()
        viewport = self.viewport().rect()
        if rect.isEmpty() or viewport.width() < 20 or viewport.height() < 20:
            return
        fits = min((viewport.width() - 8) / rect.width(), (viewport.height() - 8) / rect.height())
        scale = min(fits if whole else max(fits, MIN_READABLE_SCALE), MAX_FIT_SCALE)
        self.resetTransform()
        self.scale(scale, scale)
        if scale <= fits:
            self.centerOn(rect.center())
        else:
            half_width = viewport.width() / scale / 2
            self.centerOn(QPointF(rect.left() + half_width, rect.center().y()))

    def fit_readable(self) -> None:
        self.fit(whole=False)

    def zoom_by(self, factor: float) -> None:
        """Zoom in (factor > 1) or out, between 0.1× and 6×; the view stops fitting itself."""
        target = min(6.0, max(0.1, self.zoom * factor))
        self.scale(target / self.zoom, target / self.zoom)
        self.auto_fit = False

    def show_item(self, item: QGraphicsItem) -> None:
        """Scroll, if needed, so that ``item`` and the arrows next to it are in view."""
        area = item.sceneBoundingRect().adjusted(-FOLLOW_MARGIN, -30, FOLLOW_MARGIN, 30)
        self.ensureVisible(area, 10, 10)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(1.15**steps)
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.auto_fit:
            self.fit(self._whole)
