"""Predictions, confusion matrix, decision maps, weight images and histograms of a network."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from core.datasets import load_digits, load_toy
from core.functions import relu, sigmoid, softmax
from core.network_views import (
    activation_histograms,
    as_labels,
    boundary_grid,
    class_counts,
    confusion_matrix,
    decision_map,
    evaluate_predictions,
    gallery_order,
    hidden_activations,
    histogram,
    image_mosaic,
    predict_probabilities,
    samples_per_class,
    weight_histograms,
    weight_mosaic,
)
from core.networks import MultiLayerNet, MultiLayerNetExtend, TwoLayerNet
from core.trainer import Trainer


@pytest.fixture(scope="module")
def digits():
    return load_digits()


@pytest.fixture(scope="module")
def trained(digits):
    net = TwoLayerNet(64, 30, 10, weight_init_std="he", seed=0)
    list(Trainer(net, *digits.train, *digits.test, epochs=5, seed=0).steps())
    return net


class LinearNet:
    """predict(x) = x @ W: a network whose decisions are known in advance."""

    def __init__(self, W):
        self.W = np.asarray(W, dtype=float)

    def predict(self, x):
        return np.asarray(x) @ self.W


# --- predictions ------------------------------------------------------------------------------


def test_confusion_matrix_by_hand():
    labels = [0, 0, 1, 2, 2, 2]
    predicted = [0, 1, 1, 2, 0, 2]
    expected = [[1, 1, 0], [0, 1, 0], [1, 0, 2]]
    np.testing.assert_array_equal(confusion_matrix(labels, predicted, 3), expected)


@given(
    st.integers(1, 6).flatmap(
        lambda c: st.tuples(
            st.just(c),
            st.lists(st.tuples(st.integers(0, c - 1), st.integers(0, c - 1)), max_size=40),
        )
    )
)
def test_confusion_matrix_rows_count_each_class_and_diagonal_counts_hits(case):
    n_classes, pairs = case
    labels = np.array([p[0] for p in pairs], dtype=np.int64)
    predicted = np.array([p[1] for p in pairs], dtype=np.int64)
    matrix = confusion_matrix(labels, predicted, n_classes)
    assert matrix.sum() == len(pairs)
    np.testing.assert_array_equal(matrix.sum(axis=1), np.bincount(labels, minlength=n_classes))
    assert np.trace(matrix) == int(np.sum(labels == predicted))


def test_confusion_matrix_rejects_bad_labels():
    with pytest.raises(ValueError, match="0..2"):
        confusion_matrix([0, 3], [0, 1], 3)
    with pytest.raises(ValueError, match="one length"):
        confusion_matrix([0, 1], [0], 3)


def test_evaluate_predictions_agrees_with_the_networks_own_accuracy(trained, digits):
    result = evaluate_predictions(trained, *digits.test, 10)
    assert result.accuracy == pytest.approx(trained.accuracy(*digits.test))
    assert np.trace(result.confusion) / result.confusion.sum() == pytest.approx(result.accuracy)
    np.testing.assert_allclose(result.probabilities.sum(axis=1), 1.0)
    np.testing.assert_array_equal(result.probabilities, softmax(trained.predict(digits.x_test)))
    assert result.n_wrong == int(np.sum(result.predicted != digits.t_test))


def test_evaluate_predictions_limit_and_one_hot_labels(trained, digits):
    one_hot = np.eye(10)[digits.t_test]
    result = evaluate_predictions(trained, digits.x_test, one_hot, 10, limit=50)
    assert len(result.predicted) == 50 and result.confusion.sum() == 50
    np.testing.assert_array_equal(result.labels, digits.t_test[:50])


def test_gallery_shows_misclassified_first_most_confident_first():
    labels = np.array([0, 1, 0, 1, 0])
    p = np.array(
        [[0.9, 0.1], [0.6, 0.4], [0.2, 0.8], [0.45, 0.55], [0.51, 0.49]]
    )  # wrong: #1 (0.6), #2 (0.8); right: #0 (0.9), #3 (0.55), #4 (0.51)
    np.testing.assert_array_equal(gallery_order(labels, p), [2, 1, 4, 3, 0])


def test_predictions_of_a_nan_network_stay_quiet():
    net = TwoLayerNet(4, 3, 2, seed=0)
    net.params["W1"][...] = np.nan
    with np.errstate(all="raise"):
        result = evaluate_predictions(net, np.ones((5, 4)), [0, 1, 0, 1, 0], 2)
    assert np.isnan(result.probabilities).all()
    assert result.confusion.sum() == 5


# --- decision boundary --------------------------------------------------------------------------


def test_boundary_grid_covers_the_points_with_a_margin():
    x = np.array([[0.0, 0.0], [2.0, 1.0]])
    grid = boundary_grid(x, resolution=5, margin=0.5)
    assert grid.shape == (5, 5) and grid.points.shape == (25, 2)
    assert grid.xs[0] == -1.0 and grid.xs[-1] == 3.0  # pad = 0.5 · 2
    assert grid.ys[0] == -1.0 and grid.ys[-1] == 2.0
    np.testing.assert_array_equal(grid.points[:5, 1], grid.ys[0])  # row by row, y outer
    with pytest.raises(ValueError, match=r"\(N, 2\)"):
        boundary_grid(np.zeros((3, 3)))


def test_decision_map_of_a_known_linear_network():
    # class 1 wherever x > y (scores: class 0 gets y, class 1 gets x)
    grid = boundary_grid(np.array([[-1.0, -1.0], [1.0, 1.0]]), resolution=21, margin=0.0)
    result = decision_map(LinearNet([[0.0, 1.0], [1.0, 0.0]]), grid)
    gx, gy = np.meshgrid(grid.xs, grid.ys)
    off_diagonal = gx != gy
    np.testing.assert_array_equal(result.classes[off_diagonal], (gx > gy)[off_diagonal])
    assert np.all((result.confidence >= 0.5) & (result.confidence <= 1.0))


def test_decision_map_for_a_toy_network():
    data = load_toy("moons", seed=1)
    net = TwoLayerNet(2, 10, 2, weight_init_std="he", seed=0)
    grid = boundary_grid(data.x_train, resolution=30)
    result = decision_map(net, grid)
    expected = np.argmax(net.predict(grid.points), axis=1).reshape(30, 30)
    np.testing.assert_array_equal(result.classes, expected)


# --- weights and activations ---------------------------------------------------------------------


def test_weight_mosaic_places_each_unit_as_a_tile():
    rows, cols, n_units = 2, 3, 5
    W = np.arange(rows * cols * n_units, dtype=float).reshape(rows * cols, n_units) - 7
    mosaic, per_row = weight_mosaic(W, (rows, cols), gap=1)
    assert per_row == 3  # ceil(sqrt(5))
    assert mosaic.shape == (2 * (rows + 1) - 1, 3 * (cols + 1) - 1)
    for unit in range(n_units):
        r, c = divmod(unit, per_row)
        tile = mosaic[r * 3 : r * 3 + rows, c * 4 : c * 4 + cols]
        column = W[:, unit].reshape(rows, cols)
        np.testing.assert_allclose(tile, column / np.abs(column).max())
    assert np.isnan(mosaic[rows, 0]) and np.isnan(mosaic[0, cols])  # the gaps
    assert np.isnan(mosaic[3:, 8:]).all()  # the sixth place is empty


def test_weight_mosaic_of_zero_or_nan_weights_is_quiet():
    W = np.zeros((4, 2))
    W[0, 1] = np.nan
    with np.errstate(all="raise"):
        mosaic, _ = weight_mosaic(W, (2, 2))
    assert np.nanmax(np.abs(mosaic)) == 0.0
    with pytest.raises(ValueError, match="2×2"):
        weight_mosaic(np.zeros((5, 2)), (2, 2))


def test_weight_mosaic_limits_the_tiles():
    _, per_row = weight_mosaic(np.ones((64, 100)), (8, 8), max_tiles=16)
    assert per_row == 4


def test_image_mosaic_puts_one_class_per_row(digits):
    picked = samples_per_class(digits.t_train, 10, 4)
    images = digits.x_train[picked].reshape(-1, 8, 8)
    mosaic, per_row = image_mosaic(images, per_row=4)
    assert per_row == 4 and mosaic.shape == (10 * 9 - 1, 4 * 9 - 1)
    # row 2, column 1 holds the second image of class 2, scaled to a maximum of 1
    tile = mosaic[2 * 9 : 2 * 9 + 8, 9 : 9 + 8]
    np.testing.assert_allclose(tile, images[9] / images[9].max())
    with pytest.raises(ValueError, match="rows, cols"):
        image_mosaic(np.zeros((4, 4)))


def test_histogram_counts_finite_values_and_reports_the_rest():
    h = histogram([0.0, 1.0, 1.0, 2.0, np.nan, np.inf], bins=2)
    np.testing.assert_array_equal(h.edges, [0.0, 1.0, 2.0])
    np.testing.assert_array_equal(h.counts, [1, 3])
    assert h.n_nonfinite == 2 and h.total == 6
    assert h.mean == 1.0 and h.std == pytest.approx(math.sqrt(0.5))
    assert h.max_abs == 2.0


def test_histogram_of_a_constant_or_empty_array():
    zeros = histogram(np.zeros(10), bins=4)
    assert zeros.counts.sum() == 10 and zeros.edges[0] < 0 < zeros.edges[-1]
    empty = histogram([np.nan], bins=3)
    assert empty.counts.sum() == 0 and empty.n_nonfinite == 1 and math.isnan(empty.mean)


def test_histogram_of_weights_blown_up_by_divergence_is_quiet():
    values = np.array([-1e308, 0.0, 1e308, 5e307])
    with np.errstate(all="raise"):
        h = histogram(values, bins=4)
    assert h.counts.sum() == 4 and h.edges[0] == -1e308 and h.edges[-1] == 1e308
    np.testing.assert_array_equal(h.counts, [1, 0, 1, 2])  # 0 opens the third bin
    assert h.max_abs == 1e308


@given(arrays(np.float64, st.integers(1, 100), elements=st.floats(-1e6, 1e6)), st.integers(1, 20))
def test_histogram_counts_every_finite_value_once(values, bins):
    h = histogram(values, bins)
    assert h.counts.sum() == len(values) and len(h.edges) == bins + 1


def test_hidden_activations_are_the_layers_outputs(digits):
    net = MultiLayerNet(64, [20, 10], 10, activation="relu", seed=0)
    x = digits.x_train[:30].astype(np.float64)
    acts = hidden_activations(net, x)
    assert list(acts) == ["Relu1", "Relu2"]
    first = relu(x @ net.params["W1"] + net.params["b1"])
    np.testing.assert_allclose(acts["Relu1"], first)
    np.testing.assert_allclose(acts["Relu2"], relu(first @ net.params["W2"] + net.params["b2"]))


def test_sigmoid_activations_with_std_1_pile_up_at_0_and_1(digits):
    # §6.2.1, Fig. 6-10: std 1 saturates the sigmoid; Xavier keeps the values spread out
    x = np.random.default_rng(0).standard_normal((1000, 100))
    saturated = MultiLayerNet(100, [100] * 5, 10, activation="sigmoid", weight_init_std=1.0, seed=0)
    hist = activation_histograms(saturated, x, bins=10)["Sigmoid5"]
    assert hist.edges[0] == 0.0 and hist.edges[-1] == 1.0
    edges = hist.counts[0] + hist.counts[-1]
    assert edges > 0.6 * hist.counts.sum()
    xavier = MultiLayerNet(
        100, [100] * 5, 10, activation="sigmoid", weight_init_std="xavier", seed=0
    )
    spread = activation_histograms(xavier, x, bins=10)["Sigmoid5"]
    assert spread.counts[0] + spread.counts[-1] < 0.1 * spread.counts.sum()
    expected = sigmoid(x @ saturated.params["W1"] + saturated.params["b1"])
    np.testing.assert_allclose(hidden_activations(saturated, x)["Sigmoid1"], expected)


def test_activations_of_extended_networks_use_test_mode(digits):
    net = MultiLayerNetExtend(
        64, [20], 10, use_dropout=True, dropout_ratio=0.5, use_batchnorm=True, seed=0
    )
    x = digits.x_train[:10]
    first = hidden_activations(net, x)
    again = hidden_activations(net, x)
    np.testing.assert_array_equal(first["Relu1"], again["Relu1"])  # no random masks


def test_weight_histograms_cover_every_weight_matrix():
    net = MultiLayerNet(8, [6, 4], 3, seed=0)
    hists = weight_histograms(net, bins=5)
    assert list(hists) == ["W1", "W2", "W3"]
    assert hists["W2"].counts.sum() == 6 * 4


# --- dataset panel ------------------------------------------------------------------------------


def test_class_counts_and_samples_per_class(digits):
    counts = class_counts(digits.t_train, 10)
    assert counts.sum() == len(digits.t_train)
    np.testing.assert_array_equal(counts, np.bincount(digits.t_train, minlength=10))
    picked = samples_per_class(digits.t_train, 10, 3)
    assert len(picked) == 30
    np.testing.assert_array_equal(digits.t_train[picked], np.repeat(np.arange(10), 3))
    np.testing.assert_array_equal(as_labels(np.eye(3)[[2, 0]]), [2, 0])


def test_predict_probabilities_in_batches_equals_all_at_once(trained, digits):
    np.testing.assert_allclose(
        predict_probabilities(trained, digits.x_test, batch_size=7),
        predict_probabilities(trained, digits.x_test),
    )
