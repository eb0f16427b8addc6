"""The Qt-free step player: what is revealed after each forward and backward step (§5.1–5.3)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.graph_player import GraphPlayer
from core.graph_trace import BackwardStep, ForwardStep, apple_graph, apple_orange_graph

APPLE_EDGES = ("price->mul_apple:0", "count->mul_apple:1", "mul_apple->mul_tax:0")
TAX_EDGE = "tax->mul_tax:1"
OUT_EDGE = "mul_tax->out:0"


@pytest.fixture
def player():
    return GraphPlayer(apple_graph())


def test_start_shows_only_the_inputs(player):
    assert (player.position, player.total, player.phase) == (0, 5, "forward")
    assert player.current is None and player.current_node is None
    seen = player.visible_values()
    assert seen.values == {"price", "count", "tax"}
    assert seen.edge_values == {"price->mul_apple:0", "count->mul_apple:1", TAX_EDGE}
    assert seen.grads == seen.edge_grads == frozenset()


def test_forward_then_backward_reveal_order(player):
    step = player.step()
    assert isinstance(step, ForwardStep)
    assert (step.node, step.inputs, step.output) == ("mul_apple", (100, 2), 200)
    assert "mul_apple->mul_tax:0" in player.visible_values().edge_values
    assert "out" not in player.visible_values().values

    step = player.step()
    assert step.node == "mul_tax" and step.output == pytest.approx(220)
    seen = player.visible_values()
    assert {"mul_tax", "out"} <= seen.values and OUT_EDGE in seen.edge_values
    assert player.phase == "forward" and player.phase_index == (2, 2)

    step = player.step()  # backward starts at the output with dL/dL = 1
    assert isinstance(step, BackwardStep)
    assert (step.node, step.upstream, step.passed) == ("out", 1.0, (1.0,))
    assert player.phase == "backward" and player.phase_index == (1, 3)
    seen = player.visible_values()
    assert seen.edge_grads == {OUT_EDGE} and seen.grads == {"out", "mul_tax"}

    step = player.step()  # the tax node: 1 × 1.1 = 1.1, 1 × 200 = 200
    assert step.node == "mul_tax" and step.passed == pytest.approx((1.1, 200))
    seen = player.visible_values()
    assert seen.edge_grads == {OUT_EDGE, "mul_apple->mul_tax:0", TAX_EDGE}
    assert {"tax", "mul_apple"} <= seen.grads and "price" not in seen.grads

    step = player.step()
    assert step.node == "mul_apple" and step.passed == pytest.approx((2.2, 110))
    assert player.phase == "done" and player.at_end
    seen = player.visible_values()
    assert seen.grads == {"out", "mul_tax", "mul_apple", "price", "count", "tax"}
    assert player.step() is None and player.position == 5


def test_back_undoes_one_step_and_restart_goes_to_the_start(player):
    for _ in range(4):
        player.step()
    before = player.visible_values()
    player.step()
    assert player.back().node == "mul_tax"
    assert player.visible_values() == before
    assert player.phase == "backward"
    player.restart()
    assert player.position == 0 and player.visible_values().grads == frozenset()
    assert player.back() is None and player.position == 0


def test_seek_clamps():
    player = GraphPlayer(apple_orange_graph(), position=99)
    assert player.position == player.total == 4 + 5
    player.seek(-3)
    assert player.at_start


@given(st.lists(st.sampled_from(["step", "back", "restart"]), max_size=30))
def test_reveal_only_grows_with_position(moves):
    graph = apple_orange_graph()
    player = GraphPlayer(graph)
    for move in moves:
        getattr(player, move)()
    seen = player.visible_values()
    following = GraphPlayer(graph, player.position + 1).visible_values()
    for field in ("values", "grads", "edge_values", "edge_grads"):
        assert getattr(seen, field) <= getattr(following, field)
    # a gradient is never shown on an arrow before its value
    assert seen.edge_grads <= seen.edge_values
    assert 0 <= player.position <= player.total
