"""The overfitting lab (§6.4): the book's setup, the summary and the dropout comparison."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.datasets import load_digits
from core.layers import Dropout
from core.networks import MultiLayerNet, MultiLayerNetExtend
from core.overfit_lab import (
    BOOK_DROPOUT,
    BOOK_LAMBDA,
    BOOK_TRAIN_SAMPLES,
    DropoutStyle,
    dropout_comparison,
    inverted_dropout_forward,
    overfit_config,
    overfit_summary,
    run_overfit,
    small_training_set,
)
from core.training_runs import build_network


@pytest.fixture(scope="module")
def digits():
    return load_digits()


def test_the_books_setup_ov1():
    assert (BOOK_TRAIN_SAMPLES, BOOK_LAMBDA, BOOK_DROPOUT) == (300, 0.1, 0.2)
    config = overfit_config(weight_decay=0.1)
    assert config.hidden_sizes == (100,) * 6  # 6 hidden layers of 100 → a 7-layer network
    assert (config.optimizer, config.lr, config.batch_size) == ("SGD", 0.01, 100)
    assert (config.length, config.length_unit, config.weight_decay) == (201, "epochs", 0.1)
    network = build_network(config, 784, 10)
    assert type(network) is MultiLayerNet and network.weight_decay_lambda == 0.1
    dropped = build_network(overfit_config(dropout_ratio=0.2), 784, 10)
    assert isinstance(dropped, MultiLayerNetExtend) and dropped.use_dropout
    assert sum(isinstance(layer, Dropout) for layer in dropped.layers.values()) == 6
    assert overfit_config(hidden_layers=3).hidden_sizes == (100, 100, 100)


@pytest.mark.parametrize(
    "bad", [{"weight_decay": -0.1}, {"dropout_ratio": 1.0}, {"hidden_layers": 0}, {"epochs": 0}]
)
def test_bad_settings_are_refused(bad):
    with pytest.raises(ValueError):
        overfit_config(**bad)


def test_the_small_training_set_is_the_first_samples(digits):
    x, t = small_training_set(digits.x_train, digits.t_train)
    assert len(x) == len(t) == 300
    np.testing.assert_array_equal(x, digits.x_train[:300])
    with pytest.raises(ValueError, match="only"):
        small_training_set(digits.x_train, digits.t_train, 100_000)
    with pytest.raises(ValueError):
        small_training_set(digits.x_train, digits.t_train, 0)


def test_without_a_cure_the_deep_network_overfits_300_samples(digits):
    # the book's setup on the digits: training accuracy runs ahead of test accuracy (Fig. 6-20)
    config = overfit_config(seed=0)
    x, t = small_training_set(digits.x_train, digits.t_train)
    evaluated = [
        s
        for s in run_overfit(config, x, t, digits.x_test, digits.t_test, 10)
        if s.train_acc is not None
    ]
    summary = overfit_summary(
        [s.epoch for s in evaluated],
        [s.train_acc for s in evaluated],
        [s.test_acc for s in evaluated],
    )
    assert summary.final_train > 0.97
    assert summary.gap > 0.05
    assert summary.final_train == evaluated[-1].train_acc


def test_summary_by_hand():
    s = overfit_summary([1, 2, 3], [0.5, 0.9, 1.0], [0.4, 0.8, 0.7])
    assert s.final_train == 1.0 and s.final_test == 0.7
    assert s.gap == pytest.approx(0.3) and s.max_gap == pytest.approx(0.3)
    assert (s.best_test, s.best_epoch) == (0.8, 2.0)
    with pytest.raises(ValueError):
        overfit_summary([], [], [])


# --- the book's dropout against inverted dropout -----------------------------------------------------


def test_book_and_inverted_dropout_agree_with_their_training_expectation():
    book, inverted, unscaled = dropout_comparison(0.5, n_units=200_000)
    assert book.style is DropoutStyle.BOOK
    assert (book.train_scale, book.test_scale) == (1.0, 0.5)  # ×(1 − p) at test time
    assert (inverted.train_scale, inverted.test_scale) == (2.0, 1.0)  # ÷(1 − p) while training
    assert book.expected_train == 0.5 and inverted.expected_train == 1.0
    assert book.measured_train == pytest.approx(0.5, abs=0.005)
    assert inverted.measured_train == pytest.approx(1.0, abs=0.01)
    assert book.consistent and inverted.consistent
    # B35: forgetting the test-time scaling makes test outputs 1/(1 − p) = 2 times too large
    assert not unscaled.consistent and unscaled.test_over_train == pytest.approx(2.0)


def test_the_book_row_is_measured_with_cores_dropout_layer():
    book = dropout_comparison(0.2, x=3.0, n_units=1000, seed=7)[0]
    layer = Dropout(0.2, rng=np.random.default_rng(7))
    units = np.full(1000, 3.0)
    assert book.measured_train == pytest.approx(layer.forward(units, True).mean())
    assert book.test_output == pytest.approx(2.4)


@settings(max_examples=40, deadline=None)
@given(ratio=st.floats(0.0, 0.95), x=st.floats(0.1, 10.0), seed=st.integers(0, 1000))
def test_test_time_matches_training_on_average_unless_unscaled(ratio, x, seed):
    book, inverted, unscaled = dropout_comparison(ratio, x=x, n_units=20_000, seed=seed)
    assert book.test_over_train == pytest.approx(1.0)
    assert inverted.test_over_train == pytest.approx(1.0)
    assert unscaled.test_over_train == pytest.approx(1.0 / (1.0 - ratio))
    for row in (book, inverted):
        # measured mean within 5 standard errors of the expectation
        keep = 1 - ratio
        spread = row.train_scale * x * math.sqrt(keep * ratio / 20_000)
        assert abs(row.measured_train - row.expected_train) <= 5 * spread + 1e-12


def test_inverted_dropout_leaves_the_input_alone():
    x = np.arange(1.0, 7.0)
    out, mask = inverted_dropout_forward(x, 0.5, np.random.default_rng(0))
    np.testing.assert_array_equal(x, np.arange(1.0, 7.0))
    np.testing.assert_allclose(out, np.where(mask, 2 * x, 0.0))
    test_out, no_mask = inverted_dropout_forward(x, 0.5, np.random.default_rng(0), False)
    assert no_mask is None and test_out is not x
    np.testing.assert_array_equal(test_out, x)


@pytest.mark.parametrize(
    "bad", [{"dropout_ratio": 1.0}, {"dropout_ratio": -0.1}, {"dropout_ratio": 0.5, "x": 0.0}]
)
def test_bad_dropout_settings(bad):
    with pytest.raises(ValueError):
        dropout_comparison(**bad)
