"""Layers against the book's computational graphs (§5.4–5.6) and against numerical gradients."""

import numpy as np
import pytest

from core.gradient import numerical_gradient
from core.layers import (
    AddLayer,
    Affine,
    BatchNormalization,
    Dropout,
    MulLayer,
    Relu,
    Sigmoid,
    SoftmaxWithLoss,
    Tanh,
)

rng = np.random.default_rng(42)


def relative_error(a, b):
    return np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b)))


# --- the book's shopping graphs (§5.4.1, §5.4.2) -------------------------------------------


def test_apple_graph():
    mul_apple, mul_tax = MulLayer(), MulLayer()
    apple_price = mul_apple.forward(100, 2)
    price = mul_tax.forward(apple_price, 1.1)
    assert price == pytest.approx(220)
    dapple_price, dtax = mul_tax.backward(1)
    dapple, dapple_num = mul_apple.backward(dapple_price)
    assert (dapple, dapple_num, dtax) == pytest.approx((2.2, 110, 200))


def test_apple_and_orange_graph():
    mul_apple, mul_orange, add, mul_tax = MulLayer(), MulLayer(), AddLayer(), MulLayer()
    apple_price = mul_apple.forward(100, 2)
    orange_price = mul_orange.forward(150, 3)
    all_price = add.forward(apple_price, orange_price)
    price = mul_tax.forward(all_price, 1.1)
    assert (apple_price, orange_price, all_price) == (200, 450, 650)
    assert price == pytest.approx(715)
    dall_price, dtax = mul_tax.backward(1)
    dapple_price, dorange_price = add.backward(dall_price)
    dorange, dorange_num = mul_orange.backward(dorange_price)
    dapple, dapple_num = mul_apple.backward(dapple_price)
    assert (dapple, dapple_num, dorange, dorange_num, dtax) == pytest.approx(
        (2.2, 110, 3.3, 165, 650)
    )


def test_reusing_one_mul_layer_corrupts_the_gradient():
    """A MulLayer remembers only its last inputs: reused, the apple's gradient is wrong."""
    mul = MulLayer()
    price = mul.forward(mul.forward(100, 2), 1.1)
    dapple_price, _ = mul.backward(1)
    dapple, _ = mul.backward(dapple_price)
    assert price == pytest.approx(220)
    assert dapple != pytest.approx(2.2)
    assert dapple == pytest.approx(1.1 * 1.1)


def test_backward_before_forward_says_so():
    with pytest.raises(RuntimeError, match="before forward"):
        MulLayer().backward(1)
    with pytest.raises(RuntimeError, match="before forward"):
        SoftmaxWithLoss().backward()


# --- ReLU, Sigmoid, Affine, SoftmaxWithLoss: the book's numbers -----------------------------


def test_relu_masks_forward_and_backward_without_touching_x():
    x = np.array([[1.0, -0.5], [-2.0, 3.0]])
    relu = Relu()
    out = relu.forward(x)
    assert relu.mask.tolist() == [[False, True], [True, False]]
    assert out.tolist() == [[1, 0], [0, 3]]
    dout = np.ones_like(x)
    assert relu.backward(dout).tolist() == [[1, 0], [0, 1]]
    assert x.tolist() == [[1.0, -0.5], [-2.0, 3.0]]  # the input survives (no missing .copy())
    assert dout.tolist() == [[1, 1], [1, 1]]


def test_sigmoid_backward_is_y_times_one_minus_y():
    sig = Sigmoid()
    y = sig.forward(np.array([0.0, 1.0, -1.0]))
    np.testing.assert_allclose(y, [0.5, 0.73105858, 0.26894142], atol=1e-8)
    np.testing.assert_allclose(sig.backward(np.ones(3)), [0.25, 0.19661193, 0.19661193], atol=1e-8)


def test_affine_shapes_and_bias_gradient():
    W = rng.standard_normal((2, 3))
    affine = Affine(W, np.zeros(3))
    assert affine.forward(np.array([1.0, 2.0])).shape == (3,)
    X = rng.standard_normal((4, 2))
    assert affine.forward(X).shape == (4, 3)
    dY = rng.standard_normal((4, 3))
    dX = affine.backward(dY)
    assert dX.shape == (4, 2) and affine.dW.shape == (2, 3) and affine.db.shape == (3,)
    np.testing.assert_allclose(dX, dY @ W.T)
    np.testing.assert_allclose(affine.dW, X.T @ dY)
    affine.forward(rng.standard_normal((2, 2)))
    affine.backward(np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))
    assert affine.db.tolist() == [5, 7, 9]


def test_affine_flattens_image_batches_and_restores_dx():
    affine = Affine(rng.standard_normal((12, 5)), np.zeros(5))
    x = rng.standard_normal((3, 1, 3, 4))
    assert affine.forward(x).shape == (3, 5)
    assert affine.backward(np.ones((3, 5))).shape == (3, 1, 3, 4)


def test_affine_says_which_shapes_do_not_fit():
    affine = Affine(np.zeros((2, 3)), np.zeros(3))
    with pytest.raises(ValueError, match="X has 4 columns.*W has 2 rows"):
        affine.forward(np.zeros((5, 4)))
    with pytest.raises(ValueError, match="b of shape"):
        Affine(np.zeros((2, 3)), np.zeros(2))


def test_affine_keeps_float32():
    affine = Affine(np.ones((2, 3), np.float32), np.zeros(3, np.float32))
    out = affine.forward(np.ones((4, 2), np.float32))
    assert out.dtype == np.float32
    assert affine.backward(np.ones((4, 3), np.float32)).dtype == np.float32


@pytest.mark.parametrize(
    ("y", "t", "expected"),
    [
        ((0.3, 0.2, 0.5), (0, 1, 0), (0.3, -0.8, 0.5)),
        ((0.01, 0.99, 0), (0, 1, 0), (0.01, -0.01, 0)),
    ],
)
def test_softmax_with_loss_backward_is_y_minus_t(y, t, expected):
    """Feed scores whose softmax is exactly y (log y, up to a constant)."""
    scores = np.log(np.array(y) + 1e-300)
    layer = SoftmaxWithLoss()
    layer.forward(scores, np.array(t))
    np.testing.assert_allclose(layer.backward(), expected, atol=1e-12)


def test_softmax_with_loss_divides_by_the_batch_size_and_accepts_labels():
    scores = rng.standard_normal((4, 3))
    onehot, labels = SoftmaxWithLoss(), SoftmaxWithLoss()
    loss_1 = onehot.forward(scores, np.eye(3)[[0, 2, 1, 1]])
    loss_2 = labels.forward(scores, np.array([0, 2, 1, 1]))
    assert loss_1 == pytest.approx(loss_2)
    dx = labels.backward()
    np.testing.assert_allclose(dx, (labels.y - np.eye(3)[[0, 2, 1, 1]]) / 4)
    np.testing.assert_allclose(dx.sum(axis=1), 0, atol=1e-15)


def test_softmax_with_loss_rejects_a_label_out_of_range():
    with pytest.raises(ValueError, match="out of range"):
        SoftmaxWithLoss().forward(np.zeros((2, 3)), np.array([0, 3]))


# --- Dropout and BatchNormalization ---------------------------------------------------------


def test_dropout_is_the_books_non_inverted_form():
    drop = Dropout(0.3, rng=np.random.default_rng(0))
    x = np.ones((1000, 100))
    train_out = drop.forward(x, train_flg=True)
    assert set(np.unique(train_out)) == {0.0, 1.0}  # kept units are not rescaled
    assert train_out.mean() == pytest.approx(0.7, abs=0.01)
    np.testing.assert_allclose(drop.forward(x, train_flg=False), 0.7)  # test: × (1 - ratio)
    np.testing.assert_array_equal(drop.backward(np.full_like(x, 2.0)), 2.0 * drop.mask)
    with pytest.raises(ValueError, match="dropout_ratio"):
        Dropout(1.0)


def test_batch_norm_output_has_mean_0_and_variance_1_per_feature():
    x = rng.normal(5.0, 3.0, size=(200, 4))
    bn = BatchNormalization(np.ones(4), np.zeros(4))
    out = bn.forward(x, train_flg=True)
    np.testing.assert_allclose(out.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(out.var(axis=0), 1, atol=1e-6)
    np.testing.assert_allclose(bn.running_mean, 0.1 * x.mean(axis=0))  # momentum 0.9 from 0
    bn.running_mean, bn.running_var = x.mean(axis=0), x.var(axis=0)
    np.testing.assert_allclose(bn.forward(x, train_flg=False), out, atol=1e-6)


# --- backward against numerical gradients, every layer -------------------------------------


def check_input_gradient(forward, backward, x, atol=1e-7):
    dout = rng.standard_normal(np.shape(forward(x)))
    numeric = numerical_gradient(lambda z: float(np.sum(forward(z) * dout)), x.copy())
    forward(x)
    analytic = backward(dout)
    assert relative_error(analytic, numeric) < 1e-6 or np.allclose(analytic, numeric, atol=atol)


@pytest.mark.parametrize("layer_class", [Relu, Sigmoid, Tanh])
def test_activation_layers_backward_matches_numerical(layer_class):
    layer = layer_class()
    x = rng.standard_normal((3, 5))
    x[np.abs(x) < 0.01] = 0.5  # keep away from ReLU's kink
    check_input_gradient(layer.forward, layer.backward, x)


def test_affine_backward_matches_numerical_for_x_w_and_b():
    W, b = rng.standard_normal((4, 3)), rng.standard_normal(3)
    affine = Affine(W, b)
    x = rng.standard_normal((5, 4))
    check_input_gradient(affine.forward, affine.backward, x)
    dout = rng.standard_normal((5, 3))

    def loss(_):
        return float(np.sum(affine.forward(x) * dout))

    numeric_W = numerical_gradient(loss, W)
    numeric_b = numerical_gradient(loss, b)
    affine.forward(x)
    affine.backward(dout)
    assert relative_error(affine.dW, numeric_W) < 1e-7
    assert relative_error(affine.db, numeric_b) < 1e-7


@pytest.mark.parametrize("labels", [True, False])
def test_softmax_with_loss_backward_matches_numerical(labels):
    t = np.array([2, 0, 1, 2])
    target = t if labels else np.eye(3)[t]
    layer = SoftmaxWithLoss()
    x = rng.standard_normal((4, 3))
    numeric = numerical_gradient(lambda z: layer.forward(z, target), x.copy())
    layer.forward(x, target)
    assert relative_error(layer.backward(), numeric) < 1e-6


def test_dropout_backward_matches_numerical_with_a_fixed_mask():
    drop = Dropout(0.5, rng=np.random.default_rng(1))
    x = rng.standard_normal((4, 6))
    drop.forward(x)
    mask = drop.mask.copy()
    dout = rng.standard_normal(x.shape)
    numeric = numerical_gradient(lambda z: float(np.sum(z * mask * dout)), x.copy())
    np.testing.assert_allclose(drop.backward(dout), numeric, atol=1e-8)


@pytest.mark.parametrize("batch_size", [2, 7])
def test_batch_norm_backward_matches_numerical(batch_size):
    gamma, beta = rng.uniform(0.5, 1.5, 3), rng.standard_normal(3)
    bn = BatchNormalization(gamma, beta)
    x = rng.standard_normal((batch_size, 3)) * 2 + 1
    dout = rng.standard_normal(x.shape)

    def loss(_):
        return float(np.sum(bn.forward(x, train_flg=True) * dout))

    numeric_gamma = numerical_gradient(loss, gamma)
    numeric_beta = numerical_gradient(loss, beta)
    check_input_gradient(lambda z: bn.forward(z, train_flg=True), bn.backward, x)
    bn.forward(x, train_flg=True)
    bn.backward(dout)
    assert relative_error(bn.dgamma, numeric_gamma) < 1e-6
    assert relative_error(bn.dbeta, numeric_beta) < 1e-6


@pytest.mark.parametrize(
    "make", [Relu, Sigmoid, Tanh, lambda: Affine(np.ones((3, 2)), np.zeros(2))]
)
def test_layers_never_write_into_their_arguments(make):
    layer = make()
    x = rng.standard_normal((4, 3))
    x_before = x.copy()
    out = layer.forward(x)
    dout = np.ones_like(out)
    layer.backward(dout)
    np.testing.assert_array_equal(x, x_before)
    assert np.all(dout == 1)
