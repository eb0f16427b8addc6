"""Traced computational graphs against the book's numbers (§5.1–5.7; pain points §b B1–B3,
R1, SG1–SG2, AF1–AF2, SM1–SM2; §c B23 and the MulLayer-reuse mistake)."""

import functools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import graph_trace as G
from core.functions import softmax
from core.layers import Sigmoid
from core.networks import TwoLayerNet

finite = st.floats(-50, 50, allow_nan=False, allow_infinity=False)


def step_of(graph, node_id):
    (step,) = [s for s in graph.backward_steps if s.node == node_id]
    return step


def forward_of(graph, node_id):
    (step,) = [s for s in graph.forward_steps if s.node == node_id]
    return step


# --- B1: the apple (§5.1.1, §5.3.3, §5.4.1) -----------------------------------------------------


def test_apple_graph_values_and_all_three_gradients():
    graph = G.apple_graph()
    assert graph.value == pytest.approx(220)  # the book prints 220.00000000000003
    grads = graph.grads()
    assert grads["price"] == pytest.approx(2.2)
    assert grads["count"] == pytest.approx(110)  # 110.00000000000001
    assert grads["tax"] == pytest.approx(200)
    assert graph.node("mul_apple").value == 200


def test_apple_tax_node_swaps_its_inputs():
    """The × node sends upstream × the *other* input: 1 × 1.1 to apple_price, 1 × 200 to tax."""
    step = step_of(G.apple_graph(), "mul_tax")
    assert step.upstream == 1
    assert step.local == pytest.approx((1.1, 200))
    assert step.passed == pytest.approx((1.1, 200))


def test_apple_graph_follows_edited_inputs():
    graph = G.apple_graph(price=150, count=3, tax=1.08)
    assert graph.value == pytest.approx(150 * 3 * 1.08)
    assert graph.grads() == pytest.approx({"price": 3 * 1.08, "count": 150 * 1.08, "tax": 450})


def test_every_backward_step_passes_upstream_times_local():
    for builder in G.BUILDERS.values():
        graph = builder()
        for step in graph.backward_steps:
            for local, passed in zip(step.local, step.passed, strict=True):
                if local is None or isinstance(local, G.MatrixRule):
                    continue
                np.testing.assert_allclose(np.multiply(step.upstream, local), passed)


# --- B2: apples and oranges (§5.4.2) ----------------------------------------------------------


def test_apple_orange_graph_all_five_gradients_and_intermediates():
    graph = G.apple_orange_graph()
    assert graph.value == pytest.approx(715)  # 715.0000000000001
    assert graph.node("mul_apple").value == 200
    assert graph.node("mul_orange").value == 450
    assert graph.node("add_apple_orange").value == 650
    assert graph.grads() == pytest.approx(
        {"apple": 2.2, "apple_num": 110, "orange": 3.3, "orange_num": 165, "tax": 650}
    )


def test_apple_orange_order_forward_then_backward_from_the_output():
    graph = G.apple_orange_graph()
    assert [s.node for s in graph.forward_steps] == [
        "mul_apple",
        "mul_orange",
        "add_apple_orange",
        "mul_tax",
    ]
    assert [s.node for s in graph.backward_steps] == [
        "out",
        "mul_tax",
        "add_apple_orange",
        "mul_orange",
        "mul_apple",
    ]
    assert forward_of(graph, "add_apple_orange").inputs == (200, 450)


def test_edges_carry_value_forward_and_gradient_back():
    graph = G.apple_orange_graph()
    edge = graph.edge("add_apple_orange", "mul_tax")
    assert edge.value == 650
    assert edge.grad == pytest.approx(1.1)
    assert graph.edge("tax", "mul_tax").grad == pytest.approx(650)
    assert graph.edge("mul_tax", "out").grad == 1


# --- B3 and the single nodes (§5.3.1–5.3.2) ----------------------------------------------------


@given(finite, finite, finite)
def test_add_node_passes_dout_times_one(x, y, dout):
    graph = G.add_node_graph(x, y, dout=dout)
    step = step_of(graph, "add")
    assert step.local == (1, 1)
    assert step.passed == (dout, dout)
    assert graph.value == x + y


@given(finite, finite, finite)
def test_mul_node_sends_each_input_the_other(x, y, dout):
    graph = G.mul_node_graph(x, y, dout=dout)
    step = step_of(graph, "mul")
    assert step.local == (y, x)
    assert step.passed == (dout * y, dout * x)


# --- the MulLayer-reuse mistake (§5.4.1, pain point 5.2) -----------------------------------------


def test_reusing_one_mul_layer_gives_the_wrong_apple_gradients():
    graph = G.apple_graph(reuse_mul_layer=True)
    mistake = graph.mistake
    assert isinstance(mistake, G.ReusedLayerMistake)
    assert mistake.remembered == pytest.approx((200, 1.1))  # the tax node's inputs
    assert mistake.wrong["price"] == pytest.approx(1.21)  # instead of 2.2
    assert mistake.wrong["count"] == pytest.approx(220)  # instead of 110
    assert mistake.wrong["tax"] == pytest.approx(200)  # the last node is still right
    assert mistake.right == pytest.approx({"price": 2.2, "count": 110, "tax": 200})
    assert graph.grads() == mistake.wrong
    assert graph.value == pytest.approx(220)  # forward is unaffected
    assert step_of(graph, "mul_apple").local == pytest.approx((1.1, 200))


def test_the_numerical_check_catches_the_reused_layer():
    rows = {r.input: r for r in G.numerical_check(G.apple_graph, {"reuse_mul_layer": True})}
    assert not rows["price"].agrees
    assert rows["price"].numerical == pytest.approx(2.2, abs=1e-6)
    assert rows["tax"].agrees


# --- R1: ReLU (§5.5.1) and the missing copy (§c B23) ---------------------------------------------


def test_relu_mask_output_and_gradient():
    x = np.array([[1.0, -0.5], [-2.0, 3.0]])
    graph = G.relu_graph(x)
    np.testing.assert_array_equal(graph.node("relu").extras["mask"], [[False, True], [True, False]])
    np.testing.assert_array_equal(graph.value, [[1.0, 0.0], [0.0, 3.0]])
    np.testing.assert_array_equal(graph.grads()["x"], [[1.0, 0.0], [0.0, 1.0]])
    np.testing.assert_array_equal(step_of(graph, "relu").local[0], [[1.0, 0.0], [0.0, 1.0]])
    np.testing.assert_array_equal(x, [[1.0, -0.5], [-2.0, 3.0]])  # the caller's x untouched


def test_relu_without_copy_overwrites_the_callers_array():
    x = np.array([[1.0, -0.5], [-2.0, 3.0]])
    graph = G.relu_graph(x, forget_copy=True)
    mistake = graph.mistake
    assert isinstance(mistake, G.NoCopyMistake)
    np.testing.assert_array_equal(mistake.before, [[1.0, -0.5], [-2.0, 3.0]])
    np.testing.assert_array_equal(mistake.after, [[1.0, 0.0], [0.0, 3.0]])
    np.testing.assert_array_equal(x, [[1.0, -0.5], [-2.0, 3.0]])  # the learner's own array
    np.testing.assert_array_equal(graph.value, [[1.0, 0.0], [0.0, 3.0]])


def test_the_buggy_relu_really_writes_into_its_input():
    x = np.array([2.0, -1.0])
    G.ReluWithoutCopyBug().forward(x)
    np.testing.assert_array_equal(x, [2.0, 0.0])


def test_relu_dout_array_is_masked():
    graph = G.relu_graph([[1.0, -0.5], [-2.0, 3.0]], dout=[[5.0, 6.0], [7.0, 8.0]])
    np.testing.assert_array_equal(graph.grads()["x"], [[5.0, 0.0], [0.0, 8.0]])


# --- SG1–SG2: the sigmoid, expanded and folded (§5.5.2) --------------------------------------------


@pytest.mark.parametrize("expanded", [True, False])
def test_sigmoid_at_zero(expanded):
    graph = G.sigmoid_graph(0.0, expanded=expanded)
    assert graph.value == 0.5
    assert graph.grads()["x"] == pytest.approx(0.25)


def test_expanded_sigmoid_local_derivatives_at_zero():
    """×(−1): −1, exp: exp(−x) = 1, +1: 1, /: −y² = −0.25; the chain gives 0.25 (SG2)."""
    graph = G.sigmoid_graph(0.0, expanded=True)
    assert [n.kind for n in graph.nodes] == [
        "input",
        "neg",
        "exp",
        "add_const",
        "reciprocal",
        "output",
    ]
    assert step_of(graph, "reciprocal").local == (pytest.approx(-0.25),)
    assert step_of(graph, "add_const").local == (1.0,)
    assert step_of(graph, "exp").local == (pytest.approx(1.0),)
    assert step_of(graph, "neg").local == (-1.0,)
    assert [step_of(graph, n).passed[0] for n in ("reciprocal", "add_const", "exp", "neg")] == (
        pytest.approx([-0.25, -0.25, -0.25, 0.25])
    )
    assert graph.node("add_const").constant == 1.0


def test_sigmoid_layer_values_sg1():
    graph = G.sigmoid_graph([0.0, 1.0, -1.0], expanded=False)
    np.testing.assert_allclose(graph.value, [0.5, 0.73105858, 0.26894142], rtol=1e-7)
    np.testing.assert_allclose(graph.grads()["x"], [0.25, 0.19661193, 0.19661193], rtol=1e-7)


@settings(max_examples=60)
@given(st.lists(st.floats(-30, 30, allow_nan=False), min_size=1, max_size=5), finite)
def test_expanded_chain_equals_the_sigmoid_layers_backward(xs, dout):
    x = np.array(xs)
    expanded = G.sigmoid_graph(x, expanded=True, dout=dout)
    folded = G.sigmoid_graph(x, expanded=False, dout=dout)
    layer = Sigmoid()
    y = layer.forward(x)
    np.testing.assert_allclose(expanded.value, y, rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(
        expanded.grads()["x"], layer.backward(np.full_like(x, dout)), atol=1e-12
    )
    np.testing.assert_allclose(folded.grads()["x"], dout * y * (1 - y), atol=1e-15)


def test_expanded_sigmoid_local_derivatives_multiply_to_y_one_minus_y():
    x = 0.7
    graph = G.sigmoid_graph(x, expanded=True)
    product = np.prod(
        [step_of(graph, n).local[0] for n in ("reciprocal", "add_const", "exp", "neg")]
    )
    y = graph.value
    assert product == pytest.approx(y * (1 - y))


def test_huge_input_overflows_visibly_not_with_a_warning():
    graph = G.sigmoid_graph(-1000.0, expanded=True)
    assert "exp" in graph.non_finite()
    assert graph.value == 0.0
    assert G.sigmoid_graph(-1000.0, expanded=False).non_finite() == ()


# --- AF1–AF2: Affine (§5.6.1–5.6.2) ------------------------------------------------------------


def test_affine_shapes_on_every_edge_and_the_matrix_rules():
    X = np.arange(8.0).reshape(4, 2)
    graph = G.affine_graph(X, np.ones((2, 3)), np.zeros(3), dout=np.ones((4, 3)))
    shapes = {e.id: e.shape for e in graph.edges}
    assert shapes == {
        "X->affine:0": (4, 2),
        "W->affine:1": (2, 3),
        "b->affine:2": (3,),
        "affine->out:0": (4, 3),
    }
    rule_x, rule_w, rule_b = step_of(graph, "affine").local
    assert (rule_x.operation, rule_x.operands, rule_x.result) == ("dY_WT", ((4, 3), (3, 2)), (4, 2))
    assert (rule_w.operation, rule_w.operands, rule_w.result) == ("XT_dY", ((2, 4), (4, 3)), (2, 3))
    assert (rule_b.operation, rule_b.operands, rule_b.result) == ("sum_batch", ((4, 3),), (3,))
    for rule, name in zip((rule_x, rule_w, rule_b), "XWb", strict=True):
        assert rule.result == rule.target == graph.node(name).shape
        assert np.shape(graph.grads()[name]) == rule.target


def test_affine_single_sample_af1():
    graph = G.affine_graph([1.0, 2.0], [[1, 3, 5], [2, 4, 6]], [0.0, 0.0, 0.0], dout=1.0)
    np.testing.assert_array_equal(graph.value, [5, 11, 17])  # D4
    assert graph.grads()["X"].shape == (2,)


def test_affine_bias_gradient_sums_the_batch_af2():
    graph = G.affine_graph(dout=[[1, 2, 3], [4, 5, 6]])
    np.testing.assert_array_equal(graph.grads()["b"], [5, 7, 9])


def test_affine_gradients_are_the_transposed_products():
    rng = np.random.default_rng(0)
    X, W, b, dY = (
        rng.normal(size=(3, 2)),
        rng.normal(size=(2, 4)),
        rng.normal(size=4),
        rng.normal(size=(3, 4)),
    )
    grads = G.affine_graph(X, W, b, dout=dY).grads()
    np.testing.assert_allclose(grads["X"], dY @ W.T)
    np.testing.assert_allclose(grads["W"], X.T @ dY)
    np.testing.assert_allclose(grads["b"], dY.sum(axis=0))


@pytest.mark.parametrize(
    ("kwargs", "code", "field", "node"),
    [
        ({"W": [[1.0, 2.0, 3.0]]}, "shape_mismatch", "W", "affine"),  # 1 row, X has 2 columns
        ({"W": [1.0, 2.0]}, "not_a_matrix", "W", "affine"),
        ({"b": [1.0, 2.0]}, "bias_shape", "b", "affine"),
        ({"X": 3.0}, "not_a_matrix", "X", "affine"),
        ({"dout": [[1.0, 2.0]]}, "dout_shape", "dout", None),
        ({"X": [[1.0, float("nan")]]}, "not_finite", "X", None),
        ({"W": "abc"}, "not_a_number", "W", None),
        ({"b": []}, "empty", "b", None),
    ],
)
def test_affine_bad_inputs_name_the_field(kwargs, code, field, node):
    with pytest.raises(G.GraphInputError) as info:
        G.affine_graph(**kwargs)
    assert isinstance(info.value, ValueError)
    assert (info.value.code, info.value.input, info.value.node) == (code, field, node)


def test_shape_mismatch_says_both_shapes():
    with pytest.raises(
        G.GraphInputError, match=r"\(2, 2\) has 2 columns.*\(3, 3\) has 3 rows"
    ) as info:
        G.affine_graph(W=np.ones((3, 3)), b=np.zeros(3))
    assert info.value.detail["w_shape"] == (3, 3)


def test_builders_never_write_into_the_callers_arrays():
    X, W, b = np.array([[1.0, 2.0]]), np.ones((2, 3)), np.zeros(3)
    copies = [a.copy() for a in (X, W, b)]
    G.affine_graph(X, W, b, dout=np.ones((1, 3)))
    G.numerical_check(G.affine_graph, {"X": X, "W": W, "b": b, "dout": np.ones((1, 3))})
    for a, c in zip((X, W, b), copies, strict=True):
        np.testing.assert_array_equal(a, c)


# --- SM1–SM2: Softmax-with-Loss (§5.6.3) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("y", "expected"),
    [((0.3, 0.2, 0.5), (0.3, -0.8, 0.5)), ((0.01, 0.99, 1e-12), (0.01, -0.01, 0.0))],
)
def test_softmax_with_loss_gradient_is_y_minus_t(y, expected):
    a = np.log(y)  # softmax(log y) = y
    graph = G.softmax_with_loss_graph(a, 1)
    np.testing.assert_allclose(graph.grads()["a"], expected, atol=1e-9)
    np.testing.assert_allclose(graph.node("softmax_with_loss").extras["y"], y, atol=1e-12)
    assert graph.value == pytest.approx(-np.log(y[1] + 1e-7))
    assert graph.node("t").grad is None
    assert graph.edge("t", "softmax_with_loss").grad is None


def test_softmax_with_loss_divides_by_the_batch_size():
    a = np.array([[0.3, 2.9, 4.0], [1.0, 1.0, 1.0]])
    graph = G.softmax_with_loss_graph(a, [2, 0])
    onehot = np.array([[0, 0, 1], [1, 0, 0]])
    np.testing.assert_allclose(graph.grads()["a"], (softmax(a) - onehot) / 2)
    extras = graph.node("softmax_with_loss").extras
    assert extras["N"] == 2
    np.testing.assert_array_equal(extras["t"], onehot)
    # one-hot t gives the same graph
    np.testing.assert_allclose(
        G.softmax_with_loss_graph(a, onehot).grads()["a"], graph.grads()["a"]
    )


@pytest.mark.parametrize(
    ("t", "code"),
    [
        (3, "label_out_of_range"),
        ([-1], "label_out_of_range"),
        (1.5, "label_not_whole"),
        ([0, 1], "label_count"),
        ([0.0, 1.0, 1.0], "not_one_hot"),
    ],
)
def test_softmax_with_loss_bad_labels_name_t(t, code):
    with pytest.raises(G.GraphInputError) as info:
        G.softmax_with_loss_graph([0.3, 2.9, 4.0], t)
    assert (info.value.code, info.value.input, info.value.node) == (code, "t", "softmax_with_loss")


def test_label_out_of_range_says_the_range():
    with pytest.raises(G.GraphInputError, match="with 3 classes a label must be 0 … 2") as info:
        G.softmax_with_loss_graph([0.3, 2.9, 4.0], 3)
    assert info.value.detail == {"label": 3.0, "classes": 3}


# --- the two-layer network (§5.7) ----------------------------------------------------------------


def test_two_layer_graph_equals_two_layer_net():
    graph = G.two_layer_graph()
    inputs = {n.id: n.value for n in graph.input_nodes()}
    net = TwoLayerNet(2, 3, 3)
    for key in ("W1", "b1", "W2", "b2"):
        net.params[key][...] = inputs[key]
    loss, grads = net.loss_and_gradient(inputs["x"], inputs["t"].astype(int))
    assert graph.value == pytest.approx(loss)
    for key in ("W1", "b1", "W2", "b2"):
        np.testing.assert_allclose(graph.grads()[key], grads[key], rtol=1e-12)
    numerical = net.numerical_gradient(inputs["x"], inputs["t"].astype(int))
    for key in ("W1", "b1", "W2", "b2"):
        np.testing.assert_allclose(graph.grads()[key], numerical[key], atol=1e-6)


def test_two_layer_graph_order_and_shapes():
    graph = G.two_layer_graph()
    assert [s.node for s in graph.forward_steps] == [
        "affine1",
        "relu1",
        "affine2",
        "softmax_with_loss",
    ]
    assert graph.edge("affine1", "relu1").shape == (2, 3)
    assert graph.edge("affine2", "softmax_with_loss").shape == (2, 3)
    assert graph.node("relu1").extras["mask"].any()  # some hidden units are switched off


@pytest.mark.parametrize(
    ("kwargs", "code", "field", "node"),
    [
        ({"W1": np.ones((3, 3)), "b1": np.zeros(3)}, "shape_mismatch", "W1", "affine1"),
        ({"W2": np.ones((2, 3))}, "shape_mismatch", "W2", "affine2"),
        ({"b2": np.zeros(2)}, "bias_shape", "b2", "affine2"),
        ({"t": [0, 5]}, "label_out_of_range", "t", "softmax_with_loss"),
    ],
)
def test_two_layer_bad_inputs_name_the_field(kwargs, code, field, node):
    with pytest.raises(G.GraphInputError) as info:
        G.two_layer_graph(**kwargs)
    assert (info.value.code, info.value.input, info.value.node) == (code, field, node)


# --- the gradient check (§5.7.3) ------------------------------------------------------------------


@pytest.mark.parametrize("name", G.GRAPH_IDS)
def test_numerical_check_agrees_with_backprop_on_every_graph(name):
    rows = G.numerical_check(G.BUILDERS[name])
    graph = G.BUILDERS[name]()
    assert [r.input for r in rows] == [n.id for n in graph.input_nodes() if n.grad is not None]
    for row in rows:
        assert row.agrees, row
        assert row.max_abs_error < 1e-5
        assert np.shape(row.numerical) == np.shape(row.backprop)


def test_numerical_check_uses_the_given_inputs_and_dout():
    rows = G.numerical_check(G.mul_node_graph, {"x": 3.0, "y": -4.0, "dout": 2.0})
    assert [(r.input, r.backprop) for r in rows] == [("x", -8.0), ("y", 6.0)]
    assert [r.numerical for r in rows] == pytest.approx([-8.0, 6.0])


def test_numerical_check_with_a_partial_builder():
    rows = G.numerical_check(functools.partial(G.sigmoid_graph, expanded=False), {"x": [0.0, 2.0]})
    assert rows[0].agrees


def test_scalar_inputs_must_be_finite_numbers():
    with pytest.raises(G.GraphInputError) as info:
        G.apple_graph(tax=float("inf"))
    assert (info.value.code, info.value.input) == ("not_finite", "tax")
    with pytest.raises(G.GraphInputError) as info:
        G.apple_orange_graph(orange="150")
    assert (info.value.code, info.value.input) == ("not_a_number", "orange")
    with pytest.raises(G.GraphInputError):
        G.add_node_graph(True, 1.0)


# --- the Affine slips of the gallery (B25–B27) --------------------------------------------------


def test_affine_slips_are_given_away_by_their_shapes():
    """The book's shapes: X (2, 2), W (2, 3), dY (2, 3). Each wrong line gives an array of the
    wrong shape or a NumPy error; the graph itself stays right."""
    right = G.affine_graph()
    for bug, gradient, expected, shape in (
        ("dW_with_W", "W", (2, 3), (3, 3)),  # Wᵀ (3, 2) · dY (2, 3)
        ("db_not_summed", "b", (3,), (2, 3)),  # one row per sample, not one number per column
    ):
        graph = G.affine_graph(bug=bug)
        m = graph.mistake
        assert isinstance(m, G.AffineMistake)
        assert (m.gradient, m.expected, m.shape, m.error) == (gradient, expected, shape, None)
        for step, right_step in zip(graph.backward_steps, right.backward_steps, strict=True):
            for got, want in zip(step.passed, right_step.passed, strict=True):
                np.testing.assert_array_equal(got, want)
    m = G.affine_graph(bug="dX_without_transpose").mistake
    assert m.shape is None and "not aligned" in m.error  # dY (2, 3) · W (2, 3)
    assert (m.gradient, m.expected, m.gallery) == ("X", (2, 2), "B27")


def test_an_affine_slip_can_fit_by_chance_and_still_be_wrong():
    """Square matrices: Wᵀ·dY has W's shape, so only the numbers tell the slip apart."""
    W = np.array([[1.0, 2.0], [3.0, 4.0]])
    m = G.affine_mistake(np.eye(2), W, np.zeros(2), np.ones((2, 2)), "dW_with_W")
    assert m.shape == m.expected == (2, 2)
    with pytest.raises(ValueError, match="bug must be one of"):
        G.affine_mistake(np.eye(2), W, np.zeros(2), np.ones((2, 2)), "dW_wrong")
    with pytest.raises(G.GraphInputError, match="shapes do not fit"):
        G.affine_mistake(np.ones((2, 3)), W, np.zeros(2), np.ones((2, 2)), "dW_with_W")
    assert G.affine_mistake(np.eye(2), W, np.zeros(2), 1.0, "db_not_summed").shape == (2, 2)
