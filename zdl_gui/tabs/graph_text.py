"""Sentences for the computational-graph viewer, built from core's records (§5.1–5.7).

:mod:`core.graph_trace` returns data, never prose: a :class:`~core.graph_trace.ForwardStep`
holds a node's inputs and output, a :class:`~core.graph_trace.BackwardStep` the upstream
derivative, the local derivative for each input and their product. :class:`GraphText` turns
each kind of record into a translated sentence with the numbers in it ("to tax: 1 × 200 = 200"),
and formats what the scene writes on nodes and arrows. It also words the messages for bad input
(:class:`~core.parsing.ParseError`, :class:`~core.graph_trace.GraphInputError`) and the two
common mistakes.
"""

from __future__ import annotations

import html
from typing import Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from core.graph_player import GraphPlayer
from core.graph_trace import (
    AffineMistake,
    BackwardStep,
    ForwardStep,
    Graph,
    GraphInputError,
    MatrixRule,
    NoCopyMistake,
    Node,
    ReusedLayerMistake,
    Value,
)
from core.parsing import ParseError, format_array, format_number
from zdl_gui.tabs.graph_scene import EdgeText, NodeText

CONTEXT = "GraphText"

#: The book's names of the shopping values, shown at the nodes and in the panel.
VALUE_NAMES: dict[str, str] = {
    "apple": QT_TRANSLATE_NOOP("GraphText", "apple"),
    "apple_num": QT_TRANSLATE_NOOP("GraphText", "number of apples"),
    "orange": QT_TRANSLATE_NOOP("GraphText", "orange"),
    "orange_num": QT_TRANSLATE_NOOP("GraphText", "number of oranges"),
    "tax": QT_TRANSLATE_NOOP("GraphText", "tax"),
    "apple_price": QT_TRANSLATE_NOOP("GraphText", "apples' price"),
    "orange_price": QT_TRANSLATE_NOOP("GraphText", "oranges' price"),
    "all_price": QT_TRANSLATE_NOOP("GraphText", "price before tax"),
    "price": QT_TRANSLATE_NOOP("GraphText", "price to pay"),
}

#: The symbol drawn in each operation node (math, the same in every language).
SYMBOLS: dict[str, str] = {
    "mul": "×",
    "add": "+",
    "neg": "×(−1)",
    "exp": "exp",
    "reciprocal": "/",
    "relu": "ReLU",
    "sigmoid": "sigmoid",
    "affine": "Affine",
    "softmax_with_loss": "Softmax-\nwith-Loss",
}
CIRCLE_KINDS = frozenset({"mul", "add", "neg", "exp", "add_const", "reciprocal"})

#: How each kind of node passes derivatives back, in one sentence under the numbers.
RULES: dict[str, str] = {
    "mul": QT_TRANSLATE_NOOP(
        "GraphText",
        "A × node swaps its inputs: the local derivative for one input is the other input's value.",
    ),
    "add": QT_TRANSLATE_NOOP(
        "GraphText",
        "A + node passes the upstream derivative on unchanged: its local derivative is 1.",
    ),
    "neg": QT_TRANSLATE_NOOP("GraphText", "y = −x: the local derivative is −1."),
    "exp": QT_TRANSLATE_NOOP(
        "GraphText", "y = exp(x): the local derivative is exp(x) itself, the node's own output."
    ),
    "add_const": QT_TRANSLATE_NOOP(
        "GraphText", "y = x + 1: the local derivative is 1, so the derivative passes through."
    ),
    "reciprocal": QT_TRANSLATE_NOOP(
        "GraphText", "y = 1/x: the local derivative is −1/x² = −y², from the node's own output y."
    ),
    "relu": QT_TRANSLATE_NOOP(
        "GraphText",
        "ReLU's local derivative is 1 where the input was positive and 0 where it was not (the "
        "mask): the derivative gets through only where the signal did.",
    ),
    "sigmoid": QT_TRANSLATE_NOOP(
        "GraphText",
        "The sigmoid's local derivative is y(1 − y), computed from its own output y; expand the "
        "node to see where it comes from.",
    ),
    "affine": QT_TRANSLATE_NOOP(
        "GraphText",
        "The transposes are forced by the shapes: each derivative must have the shape of its "
        "input, and only these products give it. B is added to every row, so dB sums the rows.",
    ),
    "softmax_with_loss": QT_TRANSLATE_NOOP(
        "GraphText",
        "Softmax and the cross-entropy error together give the simple local derivative "
        "(y − t)/N: the softmax output minus the one-hot target, divided by the batch size N.",
    ),
}

RULE_TEXT = QT_TRANSLATE_NOOP(
    "GraphText", "upstream derivative × local derivative = derivative passed on"
)

#: The scalar forward rules, written with the numbers put in.
FORWARD_FORMULAS = {
    "mul": "{0} × {1} = {2}",
    "add": "{0} + {1} = {2}",
    "neg": "−1 × {0} = {2}",
    "exp": "exp({0}) = {2}",
    "add_const": "{0} + {1} = {2}",
    "reciprocal": "1 / {0} = {2}",
    "sigmoid": "1 / (1 + exp(−{0})) = {2}",
}

EDGE_ARRAY_DIGITS = 3  # significant digits of the arrays written on the arrows
EDGE_NUMBER_DIGITS = 6
PANEL_DIGITS = 6


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def value_text(value: Value | None, digits: int = PANEL_DIGITS) -> str:
    """A number or an array for people (``format_number`` / ``format_array``); "" for None."""
    if value is None:
        return ""
    if isinstance(value, np.ndarray):
        return format_array(value, digits)
    return format_number(float(value), digits)


def shape_text(shape: tuple[int, ...]) -> str:
    """ "(2, 3)" or "(3,)"; empty for a number."""
    if not shape:
        return ""
    return "(" + ", ".join(str(s) for s in shape) + ("," if len(shape) == 1 else "") + ")"


def _pre(text: str, color: str | None = None) -> str:
    style = "margin:0;" + (f"color:{color};" if color else "")
    return f"<pre style='{style}'>{html.escape(text)}</pre>"


def _cells(*parts: str) -> str:
    """A one-row table: the arrays of a matrix equation side by side."""
    cells = "".join(
        f"<td valign='middle'>{p}</td>" if not p.startswith("<pre") else f"<td>{p}</td>"
        for p in parts
    )
    return f"<table cellspacing='6'><tr>{cells}</tr></table>"


class GraphText(QObject):
    """Turns a traced graph's records into the texts the tab and the scene show.

    ``grad_color`` and ``error_color`` (CSS colour names) are set by the tab from its palette.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.grad_color = "#D55E00"
        self.error_color = "#b3261e"

    # --- names ---------------------------------------------------------------------------------

    def node_title(self, node: Node) -> str:
        """The symbol in an operation node (×, +, exp …) or the layer's name (Affine1)."""
        if node.kind == "add_const":
            return "+" + format_number(node.constant if node.constant is not None else 0.0)
        if node.kind in ("affine", "relu", "softmax_with_loss") and node.label[-1:].isdigit():
            return node.label
        return SYMBOLS.get(node.kind, node.kind)

    def node_name(self, node: Node) -> str:
        """The name of the value a node holds: "apple", "price to pay", "x", "W1" …"""
        if node.label in VALUE_NAMES:
            return _tr(VALUE_NAMES[node.label])
        return node.label.replace("-", "−")

    def _input_name(self, graph: Graph, node: Node, port: int) -> str:
        return self.node_name(graph.node(node.inputs[port]))

    # --- what the scene writes ------------------------------------------------------------------

    def node_texts(self, graph: Graph) -> dict[str, NodeText]:
        texts = {}
        for node in graph.nodes:
            if node.kind in ("input", "output"):
                texts[node.id] = NodeText(self.node_name(node), "text")
            elif node.kind in CIRCLE_KINDS:
                texts[node.id] = NodeText(self.node_title(node), "circle")
            else:
                texts[node.id] = NodeText(self.node_title(node), "box", self._node_note(node))
        return texts

    @staticmethod
    def _node_note(node: Node) -> str:
        if "mask" in node.extras:
            mask = np.array2string(np.asarray(node.extras["mask"]))
            return "mask = " + mask.replace("\n", "\n       ")
        if "y" in node.extras:
            return "y = softmax(a)\n" + format_array(node.extras["y"], EDGE_ARRAY_DIGITS)
        return ""

    @staticmethod
    def edge_texts(graph: Graph) -> dict[str, EdgeText]:
        texts = {}
        for edge in graph.edges:
            digits = EDGE_ARRAY_DIGITS if edge.shape else EDGE_NUMBER_DIGITS
            texts[edge.id] = EdgeText(
                value_text(edge.value, digits),
                value_text(edge.grad, digits),
                shape_text(edge.shape),
            )
        return texts

    # --- where the player is ----------------------------------------------------------------------

    def position_text(self, player: GraphPlayer) -> str:
        index, count = player.phase_index
        if player.at_start:
            return self.tr("Start: only the inputs are known")
        if player.phase == "done":
            return self.tr("Done: every value and derivative is known")
        if player.phase == "forward":
            return self.tr("Forward pass: step {0} of {1}").format(index, count)
        return self.tr("Backward pass: step {0} of {1}").format(index, count)

    def step_html(self, player: GraphPlayer) -> str:
        """The panel for the current step: the forward rule, or the chain rule with numbers."""
        step = player.current
        if step is None:
            return html.escape(
                self.tr(
                    "Press Step or Play. The forward pass computes the nodes from left to right; "
                    "then the backward pass sends the derivatives back from right to left, each "
                    "node multiplying what comes from upstream by its own local derivative."
                )
            )
        if isinstance(step, ForwardStep):
            return self._forward_html(player.graph, step)
        text = self._backward_html(player.graph, step)
        if player.at_end:
            text += self._summary_html(player.graph)
        return text

    # --- forward ---------------------------------------------------------------------------------

    def _forward_html(self, graph: Graph, step: ForwardStep) -> str:
        node = graph.node(step.node)
        title, name = self.node_title(node).replace("\n", ""), self.node_name(node)
        if name == title:
            head = self.tr("Forward: the {0} node").format(title)
        else:
            head = self.tr("Forward: the {0} node computes {1}").format(title, name)
        parts = [f"<b>{html.escape(head)}</b>"]
        values = [value_text(v) for v in step.inputs]
        out = value_text(step.output)
        scalar = not any(isinstance(v, np.ndarray) for v in (*step.inputs, step.output))
        kind = step.kind
        if scalar and kind in FORWARD_FORMULAS:
            second = values[1] if len(values) > 1 else format_number(node.constant or 0.0)
            parts.append(html.escape(FORWARD_FORMULAS[kind].format(values[0], second, out)))
            return "<br>".join(parts)
        if kind == "affine":
            shapes = [shape_text(np.shape(v)) for v in step.inputs]
            rule = self.tr("Y = X·W + B: {0}·{1} + {2} → {3}").format(
                *shapes, shape_text(np.shape(step.output))
            )
            parts.append(html.escape(rule))
            rows = [("Y", out)]
        elif kind == "softmax_with_loss":
            extras = node.extras
            rule = self.tr(
                "y = softmax(a), then the cross-entropy error of y and t, averaged over the batch "
                "(N = {0}): L = {1}"
            ).format(extras["N"], out)
            parts.append(html.escape(rule))
            rows = [("a", values[0]), ("y", format_array(extras["y"], PANEL_DIGITS))]
        elif kind == "relu":
            rule = self.tr("ReLU keeps the positive entries and sets the others to 0.")
            parts.append(html.escape(rule))
            mask = np.array2string(np.asarray(node.extras["mask"]))
            rows = [("x", values[0]), ("mask (x ≤ 0)", mask), ("y", out)]
        else:
            rows = [("x", values[0]), (name, out)]
        cells: list[str] = []
        for label, text in rows:
            cells += [html.escape(label) + " =", _pre(text)]
        parts.append(_cells(*cells))
        return "<br>".join(parts)

    # --- backward --------------------------------------------------------------------------------

    def _backward_html(self, graph: Graph, step: BackwardStep) -> str:
        node = graph.node(step.node)
        if step.kind == "output":
            if not isinstance(step.upstream, np.ndarray) and step.upstream == 1.0:
                text = self.tr(
                    "Backward starts at the output with ∂L/∂L = 1: the derivative of the output "
                    "with respect to itself."
                )
                return f"<b>{html.escape(text)}</b>"
            text = self.tr("Backward starts at the output with the upstream derivative dout:")
            return f"<b>{html.escape(text)}</b>{_pre(value_text(step.upstream), self.grad_color)}"
        head = self.tr("Backward: the {0} node").format(self.node_title(node).replace("\n", ""))
        parts = [f"<b>{html.escape(head)}</b>", f"<i>{html.escape(_tr(RULE_TEXT))}</i>"]
        if step.kind == "affine":
            parts.append(self._affine_html(graph, step, node))
        elif step.kind == "softmax_with_loss":
            parts.append(self._softmax_html(graph, step, node))
        else:
            for port, (local, passed) in enumerate(zip(step.local, step.passed, strict=True)):
                if passed is None or local is None or isinstance(local, MatrixRule):
                    continue
                target = self._input_name(graph, node, port)
                parts.append(self._product_html(target, step.upstream, local, passed))
        parts.append(html.escape(_tr(RULES[step.kind])))
        mistake = graph.mistake
        if isinstance(mistake, ReusedLayerMistake) and step.node == mistake.nodes[0]:
            x, y = mistake.remembered
            warning = self.tr(
                "This MulLayer object also did the forward of the × node with the tax, so it "
                "remembers x = {0} and y = {1}: these local derivatives belong to that node."
            ).format(value_text(x), value_text(y))
            style = f"color:{self.error_color}"
            parts.append(f"<span style='{style}'><b>⚠ {html.escape(warning)}</b></span>")
        return "<br>".join(parts)

    def _product_html(self, target: str, upstream: Value, local: Value, passed: Value) -> str:
        """ "to x: upstream × local = passed", with arrays side by side when there are any."""
        up, loc, out = (value_text(v) for v in (upstream, local, passed))
        if not any(isinstance(v, np.ndarray) for v in (upstream, local, passed)):
            return self.tr("to {0}: {1} × {2} = {3}").format(
                html.escape(target),
                html.escape(up),
                html.escape(loc),
                f"<b style='color:{self.grad_color}'>{html.escape(out)}</b>",
            )
        label = html.escape(self.tr("to {0}, element by element:").format(target))
        return label + _cells(_pre(up), "×", _pre(loc), "=", _pre(out, self.grad_color))

    def _affine_html(self, graph: Graph, step: BackwardStep, node: Node) -> str:
        templates = {
            "dY_WT": self.tr("to {0}: dX = dY·Wᵀ, shapes {1}·{2} → {3}"),
            "XT_dY": self.tr("to {0}: dW = Xᵀ·dY, shapes {1}·{2} → {3}"),
            "sum_batch": self.tr("to {0}: dB = dY summed over the batch (axis 0), {1} → {2}"),
        }
        cells = []
        for port, (rule, passed) in enumerate(zip(step.local, step.passed, strict=True)):
            if not isinstance(rule, MatrixRule):
                continue
            shapes = [shape_text(s) for s in (*rule.operands, rule.result)]
            title = templates[rule.operation].format(self._input_name(graph, node, port), *shapes)
            cells.append(
                f"<td valign='top'>{html.escape(title)}"
                f"{_pre(value_text(passed), self.grad_color)}</td>"
            )
        upstream = html.escape(self.tr("upstream dY =")) + _pre(value_text(step.upstream))
        return upstream + f"<table cellspacing='8'><tr>{''.join(cells)}</tr></table>"

    def _softmax_html(self, graph: Graph, step: BackwardStep, node: Node) -> str:
        extras = node.extras
        title = self.tr("to {0}: {1} × (y − t)/N with N = {2}:").format(
            self._input_name(graph, node, 0), value_text(step.upstream), extras["N"]
        )
        y, t = format_array(extras["y"], PANEL_DIGITS), format_array(extras["t"], PANEL_DIGITS)
        equation = _cells(
            "(",
            _pre(y),
            "−",
            _pre(t),
            f") / {extras['N']} =",
            _pre(value_text(step.passed[0]), self.grad_color),
        )
        note = self.tr("No derivative flows to t: the labels are given, not learned.")
        return html.escape(title) + equation + html.escape(note)

    def _summary_html(self, graph: Graph) -> str:
        out = self.node_name(graph.node(graph.output))
        head = self.tr("Backward pass done. The derivative of {0} with respect to each input:")
        cells = "".join(
            f"<td valign='top'>{html.escape(self.node_name(node))}:"
            f"{_pre(value_text(node.grad), self.grad_color)}</td>"
            for node in graph.input_nodes()
            if node.grad is not None
        )
        return f"<hr>{html.escape(head.format(out))}<table cellspacing='8'><tr>{cells}</tr></table>"

    # --- the common mistakes ----------------------------------------------------------------------

    def reuse_text(self, graph: Graph) -> str:
        """What a reused MulLayer does to the apple graph, with its numbers."""
        mistake = graph.mistake
        assert isinstance(mistake, ReusedLayerMistake)
        upstream = next(s for s in graph.backward_steps if s.node == mistake.nodes[0]).upstream
        x, y = mistake.remembered
        return self.tr(
            "One MulLayer object does both multiplications. Its forward for the tax node "
            "overwrote what it had stored for the apple node: it now holds x = {0}, y = {1}. So "
            "backward at the apple node gives the apple {2} × {1} = {3} (right: {4}) and the "
            "number of apples {2} × {0} = {5} (right: {6}). Give every node its own layer object."
        ).format(
            value_text(x),
            value_text(y),
            value_text(upstream),
            value_text(mistake.wrong["price"]),
            value_text(mistake.right["price"]),
            value_text(mistake.wrong["count"]),
            value_text(mistake.right["count"]),
        )

    def no_copy_text(self, mistake: NoCopyMistake) -> str:
        """What a ReLU without .copy() does to the caller's array."""
        return self.tr(
            "Without .copy(), out = x makes out the same array as x, so out[mask] = 0 also zeroes "
            "the caller's x.\nx before forward:\n{0}\nx after forward:\n{1}\ny and the derivative "
            "are still right; the damage shows wherever x is used again. The book's Relu writes "
            "out = x.copy()."
        ).format(
            format_array(mistake.before, PANEL_DIGITS), format_array(mistake.after, PANEL_DIGITS)
        )

    def affine_text(self, mistake: AffineMistake) -> str:
        """What a wrong line of Affine.backward gives with the current shapes (§5.6.2)."""
        name = mistake.gradient
        if mistake.error is not None:
            text = self.tr(
                "{0}: NumPy refuses: {1}. The gradient of {2} must have {2}'s shape {3}, and "
                "only {4} gives it."
            ).format(mistake.formula, mistake.error, name, _shape(mistake.expected), mistake.right)
        elif mistake.shape != mistake.expected:
            text = self.tr(
                "{0} gives shape {1}, but {2} has shape {3}: a gradient always has the shape of "
                "what it is the gradient of. The right line: {4}."
            ).format(
                mistake.formula,
                _shape(mistake.shape),
                name,
                _shape(mistake.expected),
                mistake.right,
            )
        else:
            text = self.tr(
                "{0} happens to give {1}'s shape {2} with these inputs, so NumPy says nothing, "
                "yet the numbers are wrong; other shapes would give it away. The right line: {3}."
            ).format(mistake.formula, name, _shape(mistake.expected), mistake.right)
        return f"{text} ({mistake.gallery})"

    # --- bad input ---------------------------------------------------------------------------------

    def parse_error_text(self, err: ParseError, max_numbers: int) -> str:
        """A sentence for text that is not a list or table of numbers."""
        position = err.position
        token = str(err.detail.get("token", ""))
        reason = err.reason
        if reason == "empty":
            return self.tr("Type at least one number, for example 1, -2, 3.")
        if reason == "too_large":
            return self.tr("There are more than {0} numbers, the most this field takes.").format(
                max_numbers
            )
        if reason == "not_a_number":
            if token == ",":
                return self.tr("A number is missing at position {0}.").format(position)
            return self.tr("'{0}' at position {1} is not a number.").format(token, position)
        if reason == "not_finite":
            return self.tr("{0} at position {1}: only finite numbers are allowed here.").format(
                token, position
            )
        if reason == "unbalanced_brackets":
            return self.tr("The bracket '{0}' at position {1} has no partner.").format(
                token, position
            )
        if reason == "ragged":
            return self.tr(
                "The rows have different lengths (see position {0}); a table needs rows of one "
                "length."
            ).format(position)
        if reason == "too_deep":
            return self.tr("At most a table (two dimensions) fits here; see position {0}.").format(
                position
            )
        if reason == "summarised":
            return self.tr("Type all the numbers instead of NumPy's shortened '...'.")
        return str(err)

    def graph_error_text(self, err: GraphInputError) -> str:
        """A sentence for an input that does not fit the graph, from the error's code."""
        d: dict[str, Any] = err.detail
        code = err.code
        if code == "shape_mismatch":
            return self.tr(
                "The shapes do not fit X·W: {0} has {1} columns, but {2} has {3} rows {4}. The "
                "number of columns of the left factor must equal the rows of the right one."
            ).format(
                d["x_name"], d["x_shape"][-1], err.input, d["w_shape"][0], shape_text(d["w_shape"])
            )
        if code == "bias_shape":
            return self.tr("{0} needs one number per column of W: shape {1}, not {2}.").format(
                err.input, shape_text(d["expected"]), shape_text(d["shape"])
            )
        if code == "not_a_matrix":
            if not d.get("shape"):
                return self.tr(
                    "{0} needs a vector or a table of numbers, not a single number."
                ).format(err.input)
            return self.tr("{0} must be a table (rows of numbers); got shape {1}.").format(
                err.input, shape_text(d["shape"])
            )
        if code == "dout_shape":
            return self.tr(
                "The upstream derivative must be one number or have shape {0}, not {1}."
            ).format(shape_text(d["expected"]) or "()", shape_text(d["shape"]))
        if code == "label_out_of_range":
            return self.tr(
                "The label {0} is out of range: with {1} classes a label is 0 … {2}."
            ).format(format_number(d["label"]), d["classes"], int(d["classes"]) - 1)
        if code == "label_not_whole":
            return self.tr("A class label is a whole number, not {0}.").format(
                format_number(d["label"])
            )
        if code == "label_count":
            return self.tr(
                "t needs one label per row of scores ({0}), or one-hot rows of {1} classes."
            ).format(d["rows"], d["classes"])
        if code == "not_one_hot":
            return self.tr("Each one-hot row needs exactly one 1 and zeros elsewhere.")
        if code == "too_many_dims":
            return self.tr("At most a table (two dimensions) fits here.")
        if code == "empty":
            return self.tr("Type at least one number.")
        if code == "not_finite":
            return self.tr("Only finite numbers are allowed here.")
        return str(err)


def _shape(shape: tuple[int, ...] | None) -> str:
    """A shape as NumPy prints it: (2, 3), (3,)."""
    return str(tuple(shape or ()))
