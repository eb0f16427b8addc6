"""A step player over a traced graph: forward node by node, then backward node by node (§5.1–5.3).

:class:`GraphPlayer` holds the list of a :class:`~core.graph_trace.Graph`'s forward steps
followed by its backward steps and a position in it. ``step()`` and ``back()`` move one step,
``restart()`` goes back to the start, and :meth:`GraphPlayer.visible_values` says which values
and derivatives are known at the current position, so a view only has to draw what it is told.
There is no timer here: the GUI's ``QTimer`` calls ``step()``, and tests call it directly.

Positions: 0 is the start (only the inputs are known); after ``k`` steps the first ``k`` steps
have been done. The inputs' values, and the arrows leaving them, are known from the start; a
node's value once its forward step is done; the derivative on an arrow once the backward step
of the node it points into is done; a node's derivative once every arrow leaving it has one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from core.graph_trace import BackwardStep, ForwardStep, Graph, Step

Phase = Literal["forward", "backward", "done"]


@dataclass(frozen=True)
class Revealed:
    """What is known at one position: node ids (values, gradients) and edge ids (values, grads)."""

    values: frozenset[str]
    grads: frozenset[str]
    edge_values: frozenset[str]
    edge_grads: frozenset[str]


class GraphPlayer:
    """The current position in a graph's forward-then-backward steps (§5.1–5.3).

    Parameters
    ----------
    graph : Graph
        The traced graph to play.
    position : int
        Where to start; clamped to 0 … ``total``.
    """

    def __init__(self, graph: Graph, position: int = 0) -> None:
        self.graph = graph
        self.steps: tuple[Step, ...] = (*graph.forward_steps, *graph.backward_steps)
        self.n_forward = len(graph.forward_steps)
        self._position = 0
        self.seek(position)

    # --- where we are --------------------------------------------------------------------------

    @property
    def position(self) -> int:
        """How many steps have been done (0 … ``total``)."""
        return self._position

    @property
    def total(self) -> int:
        """The number of steps: forward steps plus backward steps."""
        return len(self.steps)

    @property
    def at_start(self) -> bool:
        return self._position == 0

    @property
    def at_end(self) -> bool:
        return self._position == self.total

    @property
    def current(self) -> Step | None:
        """The step done last, or None at the start."""
        return self.steps[self._position - 1] if self._position > 0 else None

    @property
    def current_node(self) -> str | None:
        """The id of the node of the current step (the one to highlight), or None at the start."""
        step = self.current
        return None if step is None else step.node

    @property
    def phase(self) -> Phase:
        """``"forward"`` up to the last forward step, then ``"backward"``, ``"done"`` at the end."""
        if self.at_end:
            return "done"
        return "backward" if isinstance(self.current, BackwardStep) else "forward"

    @property
    def phase_index(self) -> tuple[int, int]:
        """(number of the current step within its pass, steps in that pass): (2, 3) = 2nd of 3.

        At the start it is (0, number of forward steps); once done, the last backward step.
        """
        n_backward = self.total - self.n_forward
        if self._position <= self.n_forward:
            return self._position, self.n_forward
        return self._position - self.n_forward, n_backward

    # --- moving ------------------------------------------------------------------------------

    def step(self) -> Step | None:
        """Do the next step and return it; at the end nothing changes and None is returned."""
        if self.at_end:
            return None
        self._position += 1
        return self.current

    def back(self) -> Step | None:
        """Undo the last step and return the new current step (None at the start)."""
        if self._position > 0:
            self._position -= 1
        return self.current

    def restart(self) -> None:
        """Go back to the start: only the inputs are known."""
        self._position = 0

    def seek(self, position: int) -> None:
        """Jump to ``position`` (clamped to 0 … ``total``)."""
        self._position = max(0, min(int(position), self.total))

    # --- what is known -------------------------------------------------------------------------

    def visible_values(self) -> Revealed:
        """The node and edge values and gradients known after the steps done so far."""
        graph = self.graph
        done = self.steps[: self._position]
        computed = {s.node for s in done if isinstance(s, ForwardStep)}
        went_back = {s.node for s in done if isinstance(s, BackwardStep)}
        values = {n.id for n in graph.nodes if n.kind == "input" or n.id in computed}
        for node in graph.nodes:  # the output shows its input's value as soon as it is known
            if node.kind == "output" and all(i in values for i in node.inputs):
                values.add(node.id)
        edge_values = {e.id for e in graph.edges if e.src in values}
        edge_grads = {e.id for e in graph.edges if e.dst in went_back and e.grad is not None}
        grads = {n.id for n in graph.nodes if n.kind == "output" and n.id in went_back}
        for node in graph.nodes:
            leaving = [e for e in graph.edges if e.src == node.id]
            if node.grad is not None and leaving and all(e.id in edge_grads for e in leaving):
                grads.add(node.id)
        return Revealed(
            frozenset(values), frozenset(grads), frozenset(edge_values), frozenset(edge_grads)
        )
