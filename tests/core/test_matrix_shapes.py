"""Oracles for core.matrix_shapes: D1–D4, NumPy's own messages, the §3.4.3 network, F2, B8."""

from __future__ import annotations

import pickle
import tracemalloc

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import functions as F
from core.activations import array_str
from core.matrix_shapes import (
    BOOK_X,
    MAX_DIM,
    MAX_NDIM,
    MNIST_LAYERS,
    SHAPE_REASONS,
    ShapeError,
    batch_argmax,
    book_batch,
    check_shape,
    dot_check,
    format_shape,
    forward_steps,
    init_network,
    mnist_shape_chain,
    numpy_dot_error,
    parse_shape,
    shape_chain,
)


def numpy_says(shape_a, shape_b):
    """(result shape, None) or (None, message) from np.dot on real zero arrays of these shapes."""
    try:
        return np.dot(np.zeros(shape_a), np.zeros(shape_b)).shape, None
    except ValueError as exc:
        return None, str(exc)


# --- D1–D4: the book's np.dot examples ---------------------------------------------------------


def test_d1_d2_shapes_and_values():
    d1 = dot_check((2, 2), (2, 2))
    assert d1.ok and d1.result_shape == (2, 2)
    assert np.dot([[1, 2], [3, 4]], [[5, 6], [7, 8]]).tolist() == [[19, 22], [43, 50]]
    d2 = dot_check((2, 3), (3, 2))
    assert d2.ok and d2.rule == "matrix"
    assert d2.result_shape == (2, 2)
    assert (d2.axis_a, d2.axis_b, d2.dim_a, d2.dim_b) == (1, 0, 3, 3)
    assert d2.result_axes == (("a", 0), ("b", 1))  # rows from A, columns from B
    assert d2.multiply_adds == 2 * 2 * 3
    assert d2.numpy_error is None
    assert np.dot([[1, 2, 3], [4, 5, 6]], [[1, 2], [3, 4], [5, 6]]).tolist() == [[22, 28], [49, 64]]


def test_d3_numpys_exact_message():
    d3 = dot_check((2, 3), (2, 2))
    assert not d3.ok
    assert d3.result_shape is None
    assert (d3.axis_a, d3.axis_b, d3.dim_a, d3.dim_b) == (1, 0, 3, 2)
    assert d3.numpy_error == "shapes (2,3) and (2,2) not aligned: 3 (dim 1) != 2 (dim 0)"
    assert d3.multiply_adds == 0


def test_d4_vector_times_matrix():
    d4 = dot_check((2,), (2, 3))
    assert d4.ok and d4.rule == "vector_matrix"
    assert d4.result_shape == (3,)
    assert (d4.axis_a, d4.axis_b) == (0, 0)
    assert d4.result_axes == (("b", 1),)
    assert np.dot([1, 2], [[1, 3, 5], [2, 4, 6]]).tolist() == [5, 11, 17]


@pytest.mark.parametrize(
    ("shape_a", "shape_b", "message"),
    [
        # B25: dW = W.T @ dout instead of X.T @ dout
        ((3, 2), (4, 3), "shapes (3,2) and (4,3) not aligned: 2 (dim 1) != 4 (dim 0)"),
        # B27: dx = dout @ W, the transpose forgotten
        ((4, 3), (2, 3), "shapes (4,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)"),
    ],
)
def test_the_backprop_bugs_give_the_messages_learners_see(shape_a, shape_b, message):
    assert dot_check(shape_a, shape_b).numpy_error == message


@pytest.mark.parametrize(
    ("shape_a", "shape_b", "rule", "axes", "result"),
    [
        ((3,), (3,), "inner", (0, 0), ()),
        ((2, 3), (3,), "matrix_vector", (1, 0), (2,)),
        ((3,), (3, 4), "vector_matrix", (0, 0), (4,)),
        ((2, 3, 4), (4,), "stacked", (2, 0), (2, 3)),
        ((2, 3, 4), (4, 5), "stacked", (2, 0), (2, 3, 5)),
        ((4,), (2, 4, 5), "stacked", (0, 1), (2, 5)),
        ((2, 3, 4), (6, 4, 5), "stacked", (2, 1), (2, 3, 6, 5)),
    ],
)
def test_every_rule_of_np_dot(shape_a, shape_b, rule, axes, result):
    check = dot_check(shape_a, shape_b)
    assert check.rule == rule
    assert (check.axis_a, check.axis_b) == axes
    assert check.result_shape == result
    assert check.result_shape == np.dot(np.zeros(shape_a), np.zeros(shape_b)).shape


@pytest.mark.parametrize(
    ("shape_a", "shape_b"),
    [((3,), (2,)), ((2, 3), (4,)), ((3,), (2, 3)), ((2, 3, 4), (5, 6)), ((2, 3, 4), (2, 5, 6))],
)
def test_failures_quote_numpy_for_every_rule(shape_a, shape_b):
    assert dot_check(shape_a, shape_b).numpy_error == numpy_says(shape_a, shape_b)[1]


ndims = st.integers(1, MAX_NDIM)
small_shapes = ndims.flatmap(lambda n: st.tuples(*[st.integers(1, 4)] * n))


@given(small_shapes, small_shapes, st.booleans())
def test_dot_check_agrees_with_numpy(shape_a, shape_b, force_match):
    if force_match:  # half the pairs fit, so both outcomes are well covered
        axis_b = 0 if len(shape_b) == 1 else len(shape_b) - 2
        shape_b = (*shape_b[:axis_b], shape_a[-1], *shape_b[axis_b + 1 :])
    check = dot_check(shape_a, shape_b)
    result, message = numpy_says(shape_a, shape_b)
    assert check.ok == (message is None)
    assert check.result_shape == result
    assert check.numpy_error == message
    assert check.dim_a == shape_a[check.axis_a] and check.dim_b == shape_b[check.axis_b]
    if check.ok:
        assert check.multiply_adds == int(np.prod(result, dtype=np.int64)) * check.dim_a
        shown = tuple(shape_a[i] if side == "a" else shape_b[i] for side, i in check.result_axes)
        assert shown == result


def test_huge_shapes_cost_no_memory():
    tracemalloc.start()
    try:
        check = dot_check((MAX_DIM, MAX_DIM, MAX_DIM), (MAX_DIM - 1, MAX_DIM))
        ok = dot_check((MAX_DIM, MAX_DIM), (MAX_DIM, MAX_DIM))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert check.numpy_error == (
        f"shapes ({MAX_DIM},{MAX_DIM},{MAX_DIM}) and ({MAX_DIM - 1},{MAX_DIM}) not aligned: "
        f"{MAX_DIM} (dim 2) != {MAX_DIM - 1} (dim 0)"
    )
    assert ok.ok and ok.result_shape == (MAX_DIM, MAX_DIM)
    assert ok.multiply_adds == MAX_DIM**3
    assert peak < 1_000_000


def test_numpy_dot_error_is_none_when_it_works():
    assert numpy_dot_error((2, 3), (3, 4)) is None
    assert numpy_dot_error((2, 3), (2, 4)) == numpy_says((2, 3), (2, 4))[1]


# --- reading and checking shapes --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        ("2x3", (2, 3)),
        ("2X3", (2, 3)),
        ("(2, 3)", (2, 3)),
        ("2,3", (2, 3)),
        ("2 × 3", (2, 3)),
        ("2*3", (2, 3)),
        ("2 3", (2, 3)),
        ("[2, 3]", (2, 3)),
        ("(784,)", (784,)),
        ("784", (784,)),
        (" ( 100 , 784 ) ", (100, 784)),
        ("２×３", (2, 3)),  # full-width digits from an IME
        ("（２，３）", (2, 3)),
        ("2.0, 3", (2, 3)),
        ("1e2, 3", (100, 3)),
        ("2x3x4", (2, 3, 4)),
    ],
)
def test_shapes_as_learners_write_them(text, shape):
    assert parse_shape(text) == shape


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("()", "empty"),
        ("0", "not_positive"),
        ("2, 0", "not_positive"),
        ("-1, 3", "not_positive"),
        ("2, -3", "not_positive"),
        ("2.5, 3", "not_whole"),
        ("abc", "not_a_number"),
        ("nan", "not_a_number"),
        ("inf", "not_a_number"),
        ("2; 3", "not_a_number"),
        ("2,,3", "missing_number"),
        ("x3", "missing_number"),
        ("2x", "missing_number"),
        (",", "missing_number"),
        ("(2, 3", "unbalanced_brackets"),
        ("2, 3]", "unbalanced_brackets"),
        ("(2, 3]", "unbalanced_brackets"),
        ("1, 2, 3, 4", "too_many_dims"),
        (str(MAX_DIM + 1), "too_large"),
        ("1e999", "too_large"),
        ("9" * 5000, "too_large"),
    ],
)
def test_bad_shapes_say_why(text, reason):
    with pytest.raises(ShapeError) as info:
        parse_shape(text)
    assert info.value.reason == reason
    assert reason in SHAPE_REASONS
    assert isinstance(info.value, ValueError)


def test_zero_and_negative_dimensions_explain_the_rule():
    for text, token, index in (("0", "0", 0), ("2, -3", "-3", 1)):
        with pytest.raises(ShapeError, match="a dimension must be a whole number ≥ 1") as info:
            parse_shape(text)
        assert info.value.detail == {"token": token, "index": index}


def test_check_shape_takes_tuples():
    assert check_shape((2, 3)) == (2, 3)
    assert check_shape([np.int64(4), 5.0]) == (4, 5)
    assert isinstance(check_shape([np.int64(4)])[0], int)
    for bad, reason in (
        ((), "empty"),
        ((2, 0), "not_positive"),
        ((2, -1), "not_positive"),
        ((2.5,), "not_whole"),
        ((True, 2), "not_a_number"),
        (("2", 3), "not_a_number"),
        ((float("nan"),), "not_a_number"),
        ((float("inf"),), "too_large"),
        ((MAX_DIM + 1,), "too_large"),
        ((1, 1, 1, 1), "too_many_dims"),
    ):
        with pytest.raises(ShapeError) as info:
            check_shape(bad)
        assert info.value.reason == reason, bad
    with pytest.raises(TypeError):
        check_shape("2, 3")


def test_dot_check_rejects_bad_shapes():
    with pytest.raises(ShapeError, match="whole number ≥ 1"):
        dot_check((2, 0), (0, 3))
    with pytest.raises(ShapeError):
        dot_check("2 x 3", "three")


def test_shape_error_survives_pickling():
    with pytest.raises(ShapeError) as info:
        parse_shape("2, 0")
    copy = pickle.loads(pickle.dumps(info.value))
    assert (copy.reason, copy.detail, str(copy)) == (
        info.value.reason,
        info.value.detail,
        str(info.value),
    )


@given(small_shapes)
def test_format_and_parse_round_trip(shape):
    text = format_shape(shape)
    assert text == str(np.zeros(shape).shape)
    assert parse_shape(text) == shape


def test_format_shape():
    assert format_shape((2, 3)) == "(2, 3)"
    assert format_shape((3,)) == "(3,)"
    assert format_shape(()) == "()"


# --- §3.4.3: the 3-layer network ----------------------------------------------------------------


def test_init_network_is_the_books():
    net = init_network()
    assert net["W1"].tolist() == [[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]
    assert net["b1"].tolist() == [0.1, 0.2, 0.3]
    assert net["W2"].tolist() == [[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]]
    assert net["b2"].tolist() == [0.1, 0.2]
    assert net["W3"].tolist() == [[0.1, 0.3], [0.2, 0.4]]
    assert net["b3"].tolist() == [0.1, 0.2]
    net["W1"][0, 0] = 99.0
    assert init_network()["W1"][0, 0] == 0.1  # fresh arrays every time


def test_forward_steps_book_oracle():
    steps = forward_steps(init_network(), BOOK_X)
    assert [s.name for s in steps] == ["X", "A1", "Z1", "A2", "Z2", "A3", "Y"]
    assert [s.operation for s in steps] == [
        "input",
        "affine",
        "sigmoid",
        "affine",
        "sigmoid",
        "affine",
        "identity",
    ]
    by_name = {s.name: s for s in steps}
    np.testing.assert_allclose(by_name["A1"].value, [0.3, 0.7, 1.1], rtol=1e-12)
    np.testing.assert_allclose(by_name["Z1"].value, [0.57444252, 0.66818777, 0.75026011], atol=5e-9)
    np.testing.assert_allclose(by_name["Y"].value, [0.31682708, 0.69627909], atol=5e-9)
    assert array_str(by_name["A1"].value) == "[0.3 0.7 1.1]"
    assert array_str(by_name["Z1"].value) == "[0.57444252 0.66818777 0.75026011]"
    assert array_str(by_name["Y"].value) == "[0.31682708 0.69627909]"


def test_forward_steps_operands_and_shapes():
    steps = {s.name: s for s in forward_steps(init_network(), BOOK_X)}
    a1 = steps["A1"]
    assert [(o.name, o.shape) for o in a1.operands] == [("X", (2,)), ("W1", (2, 3)), ("B1", (3,))]
    assert a1.dot is not None and a1.dot.ok
    assert (a1.dot.shape_a, a1.dot.shape_b, a1.dot.result_shape) == ((2,), (2, 3), (3,))
    assert [(o.name, o.shape) for o in steps["A2"].operands] == [
        ("Z1", (3,)),
        ("W2", (3, 2)),
        ("B2", (2,)),
    ]
    assert [(o.name, o.shape) for o in steps["A3"].operands] == [
        ("Z2", (2,)),
        ("W3", (2, 2)),
        ("B3", (2,)),
    ]
    assert [o.name for o in steps["Z1"].operands] == ["A1"]
    assert [o.name for o in steps["Y"].operands] == ["A3"]
    assert {name: s.shape for name, s in steps.items()} == {
        "X": (2,),
        "A1": (3,),
        "Z1": (3,),
        "A2": (2,),
        "Z2": (2,),
        "A3": (2,),
        "Y": (2,),
    }
    assert [s.layer for s in steps.values()] == [0, 1, 1, 2, 2, 3, 3]
    # each step's value is what the book's formula gives from the step's own operands
    np.testing.assert_allclose(
        a1.value, np.dot(a1.operands[0].value, a1.operands[1].value) + a1.operands[2].value
    )
    np.testing.assert_array_equal(steps["Z1"].value, F.sigmoid(steps["A1"].value))


def test_forward_steps_never_write_into_the_callers_arrays():
    net = init_network()
    x = np.array(BOOK_X)
    steps = forward_steps(net, x)
    steps[0].value[0] = 42.0
    steps[1].operands[1].value[0, 0] = 42.0
    assert x.tolist() == [1.0, 0.5]
    assert net["W1"][0, 0] == 0.1
    assert forward_steps(net, x)[-1].value.tolist() == steps[-1].value.tolist()


@pytest.mark.parametrize("n", [1, 2, 100])
def test_batch_only_adds_the_leading_dimension(n):
    single = forward_steps(init_network(), BOOK_X)
    batch = forward_steps(init_network(), book_batch(n))
    for one, many in zip(single, batch, strict=True):
        assert many.name == one.name
        assert many.shape == (n, *one.shape)
        np.testing.assert_allclose(many.value[0], one.value, rtol=1e-15)
        for o_one, o_many in zip(one.operands, many.operands, strict=True):
            expected = o_one.shape if o_one.name[0] in "WB" else (n, *o_one.shape)
            assert o_many.shape == expected
    # every row of the batch is what that input alone gives
    x = book_batch(n)
    last = n - 1
    np.testing.assert_allclose(
        batch[-1].value[last], forward_steps(init_network(), x[last])[-1].value, rtol=1e-12
    )


def test_book_batch():
    x = book_batch()
    assert x.shape == (100, 2)
    assert x[0].tolist() == [1.0, 0.5]
    assert np.all((x >= 0) & (x <= 1))
    np.testing.assert_array_equal(x, book_batch())  # seeded: the same every time
    assert not np.array_equal(x, book_batch(seed=1))
    for bad in (0, -1, 2.5, True, MAX_DIM + 1):
        with pytest.raises(ValueError):
            book_batch(bad)


def test_forward_steps_reject_bad_input():
    net = init_network()
    with pytest.raises(ValueError, match="shapes \\(3,\\) and \\(2,3\\) not aligned"):
        forward_steps(net, [1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="finite"):
        forward_steps(net, [np.nan, 1.0])
    with pytest.raises(ValueError, match="empty"):
        forward_steps(net, [])
    with pytest.raises(ValueError, match="1-D or 2-D"):
        forward_steps(net, np.zeros((2, 2, 2)))
    del net["b2"]
    with pytest.raises(ValueError, match="b2"):
        forward_steps(net, BOOK_X)


# --- B8: argmax over a batch -----------------------------------------------------------------------


def test_b8_argmax_without_axis_is_a_flat_index():
    result = batch_argmax([[0.1, 0.8, 0.1], [0.7, 0.2, 0.1]])
    assert result.per_row.tolist() == [1, 0]
    assert result.flat_index == 1
    assert (result.flat_row, result.flat_col, result.size) == (0, 1, 6)
    y = np.array([[0.1, 0.2], [0.9, 0.3]])
    assert batch_argmax(y).flat_index == int(np.argmax(y)) == 2
    assert (batch_argmax(y).flat_row, batch_argmax(y).flat_col) == (1, 0)
    with pytest.raises(ValueError):
        batch_argmax([0.1, 0.9])


# --- §3.6.3 / F2: the MNIST network's shapes --------------------------------------------------------


def test_f2_mnist_shapes_single_and_batch():
    assert MNIST_LAYERS == (("W1", (784, 50)), ("W2", (50, 100)), ("W3", (100, 10)))
    single = mnist_shape_chain()
    assert [link.dot.shape_a for link in single] == [(784,), (50,), (100,)]
    assert [link.dot.result_shape for link in single] == [(50,), (100,), (10,)]
    assert [link.bias_shape for link in single] == [(50,), (100,), (10,)]
    batch = mnist_shape_chain(100)
    assert [link.dot.shape_a for link in batch] == [(100, 784), (100, 50), (100, 100)]
    assert batch[-1].dot.result_shape == (100, 10)
    assert [link.input_name for link in batch] == ["X", "Z1", "Z2"]
    assert [link.output_name for link in batch] == ["A1", "A2", "A3"]
    assert all(link.dot.ok for link in (*single, *batch))


def test_shape_chain_stops_at_the_first_mismatch():
    links = shape_chain((100, 784), [("W1", (784, 50)), ("W2", (60, 100)), ("W3", (100, 10))])
    assert len(links) == 2
    assert links[0].dot.ok and not links[1].dot.ok
    assert links[1].dot.numpy_error == (
        "shapes (100,50) and (60,100) not aligned: 50 (dim 1) != 60 (dim 0)"
    )
    assert shape_chain("3", [("W1", "3")])[0].dot.result_shape == ()
    with pytest.raises(ValueError):
        shape_chain((2,), [])
    with pytest.raises(ShapeError):
        shape_chain((2,), [("W1", "2, 0")])


@given(st.integers(1, 10_000))
def test_mnist_batch_changes_only_the_first_dimension(n):
    single, batch = mnist_shape_chain(), mnist_shape_chain(n)
    for one, many in zip(single, batch, strict=True):
        assert many.dot.shape_a == (n, *one.dot.shape_a)
        assert many.dot.shape_b == one.dot.shape_b
        assert many.dot.result_shape == (n, *one.dot.result_shape)


@given(st.text(alphabet=st.sampled_from("0123456789 ,x×*()[]-+.eabc（），２"), max_size=25))
def test_any_typed_text_is_a_shape_or_a_shape_error(text):
    try:
        shape = parse_shape(text)
    except ShapeError as err:
        assert err.reason in SHAPE_REASONS
    else:
        assert 1 <= len(shape) <= MAX_NDIM
        assert all(isinstance(d, int) and 1 <= d <= MAX_DIM for d in shape)
