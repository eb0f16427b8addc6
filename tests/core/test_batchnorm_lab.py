"""The batch-normalisation lab (§6.3) against core's BatchNormalization and training, directly."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from core.batchnorm_lab import (
    BatchNormStats,
    batchnorm_statistics,
    grid_cells,
    preactivation_batch,
    run_grid,
    weight_scales,
)
from core.datasets import load_digits
from core.init_lab import prepare_trainer
from core.networks import MultiLayerNetExtend
from core.training_runs import build_network


@pytest.fixture(scope="module")
def digits():
    return load_digits()


def test_after_batch_norm_every_feature_has_mean_0_and_variance_1(digits):
    batch = preactivation_batch(digits.x_train, n_features=12, batch_size=100, seed=3)
    stats = batchnorm_statistics(batch)
    assert isinstance(stats, BatchNormStats)
    # before: means and variances all over the place
    assert np.ptp(stats.mean_before) > 1.0 and np.ptp(stats.var_before) > 0.5
    np.testing.assert_allclose(stats.mean_after, 0.0, atol=1e-12)
    np.testing.assert_allclose(stats.var_after, 1.0, atol=1e-6)
    # the hair below 1 is ε: σ²/(σ² + ε)
    np.testing.assert_allclose(stats.var_after, stats.expected_var_after, rtol=1e-12)
    assert np.all(stats.var_after < 1.0)
    assert stats.mean_error == np.max(np.abs(stats.mean_after)) < 1e-12
    assert stats.var_after_range == (stats.var_after.min(), stats.var_after.max())


def test_the_statistics_are_those_of_the_formula(digits):
    batch = preactivation_batch(digits.x_train, n_features=5, seed=1)
    stats = batchnorm_statistics(batch, gamma=2.0, beta=-3.0)
    mu = batch.mean(axis=0)
    var = batch.var(axis=0)
    y = 2.0 * (batch - mu) / np.sqrt(var + 1e-7) - 3.0  # eq. 6.7 and 6.8
    np.testing.assert_allclose(stats.y, y, rtol=1e-12)
    np.testing.assert_allclose(stats.mean_before, mu)
    np.testing.assert_allclose(stats.var_before, var)
    np.testing.assert_allclose(stats.mean_after, -3.0, atol=1e-12)  # β
    np.testing.assert_allclose(stats.var_after, 4.0, rtol=1e-6)  # γ²


@settings(max_examples=40, deadline=None)
@given(
    arrays(
        np.float64,
        st.tuples(st.integers(2, 30), st.integers(1, 6)),
        elements=st.floats(-1e3, 1e3, allow_nan=False),
    )
)
def test_any_batch_with_spread_is_normalised(x):
    spread = x.var(axis=0)
    stats = batchnorm_statistics(x)
    # a constant feature keeps only rounding residue, magnified by 1/√ε ≈ 3000
    np.testing.assert_allclose(stats.mean_after, 0.0, atol=1e-6)
    big = spread > 1e-3
    np.testing.assert_allclose(stats.var_after[big], 1.0, atol=1e-3)
    assert np.all(stats.var_after <= 1.0 + 1e-9)


def test_the_callers_batch_is_left_alone(digits):
    batch = preactivation_batch(digits.x_train, seed=0)
    copy = batch.copy()
    batchnorm_statistics(batch, gamma=3.0)
    np.testing.assert_array_equal(batch, copy)


def test_preactivations_are_x_times_w_plus_b_for_a_random_batch(digits):
    a = preactivation_batch(digits.x_train, n_features=4, batch_size=10, weight_std=0.5, seed=9)
    rng = np.random.default_rng(9)
    rows = rng.choice(len(digits.x_train), size=10, replace=False)
    W = 0.5 * rng.standard_normal((64, 4))
    b = 2.0 * rng.standard_normal(4)
    np.testing.assert_allclose(a, digits.x_train[rows].astype(np.float64) @ W + b)
    np.testing.assert_array_equal(
        a, preactivation_batch(digits.x_train, n_features=4, batch_size=10, weight_std=0.5, seed=9)
    )


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"batch_size": 1}, "batch_size"),
        ({"batch_size": 10_000}, "larger"),
        ({"n_features": 0}, "n_features"),
        ({"weight_std": 0.0}, "weight_std"),
    ],
)
def test_bad_batch_settings_are_explained(digits, kwargs, match):
    with pytest.raises(ValueError, match=match):
        preactivation_batch(digits.x_train, **kwargs)


@pytest.mark.parametrize("bad", [np.zeros(3), np.zeros((1, 3)), np.zeros((0, 2))])
def test_a_batch_needs_two_samples(bad):
    with pytest.raises(ValueError):
        batchnorm_statistics(bad)


def test_gamma_and_beta_must_be_finite():
    with pytest.raises(ValueError, match="finite"):
        batchnorm_statistics(np.eye(3), gamma=math.nan)


# --- the grid of Fig. 6-18 -------------------------------------------------------------------------------


def test_the_books_sixteen_weight_scales():
    scales = weight_scales()
    np.testing.assert_allclose(scales, np.logspace(0, -4, num=16))
    assert scales[0] == 1.0 and scales[-1] == pytest.approx(1e-4)
    assert np.all(np.diff(np.log10(scales)) == pytest.approx(-4 / 15))
    np.testing.assert_allclose(weight_scales(3, 1.0, 0.01), [1.0, 0.1, 0.01])
    for bad in ({"n": 0}, {"low": 0.0}, {"low": 2.0, "high": 1.0}):
        with pytest.raises(ValueError):
            weight_scales(**bad)


def test_each_cell_is_the_same_network_with_and_without_batch_norm():
    cells = grid_cells([1.0, 0.01], epochs=20, seed=4)
    for cell, scale in zip(cells, (1.0, 0.01), strict=True):
        assert cell.scale == scale
        assert cell.with_bn.batchnorm and not cell.without_bn.batchnorm
        assert cell.with_bn.init_std == cell.without_bn.init_std == scale
        assert cell.with_bn.hidden_sizes == (100,) * 5
        assert (cell.with_bn.lr, cell.with_bn.batch_size, cell.with_bn.length) == (0.01, 100, 20)
        fields = dict(vars(cell.with_bn), batchnorm=False)
        assert fields == vars(cell.without_bn)
    network = build_network(cells[0].with_bn, 64, 10)
    assert isinstance(network, MultiLayerNetExtend) and network.use_batchnorm
    with pytest.raises(ValueError):
        grid_cells([])
    with pytest.raises(ValueError):
        grid_cells([0.1, -1.0])


def test_the_grid_trains_cell_after_cell_as_core_does_directly(digits):
    cells = grid_cells([0.1, 0.001], epochs=2, hidden_layers=2, hidden_units=20, seed=2)
    data = (digits.x_train[:200], digits.t_train[:200], digits.x_test, digits.t_test)
    records = list(run_grid(cells, *data, 10))
    order = [r.cell for r in records]
    assert order == sorted(order)  # cell 0 finishes before cell 1 starts
    for cell in cells:
        for batchnorm, config in ((True, cell.with_bn), (False, cell.without_bn)):
            got = [
                r.step.loss for r in records if r.cell == cell.index and r.batchnorm == batchnorm
            ]
            expected = [s.loss for s in prepare_trainer(config, *data, 10).steps()]
            np.testing.assert_allclose(got, expected)
    assert len(records) == 2 * 2 * 2 * 2  # 2 cells × 2 runs × 2 epochs × 2 updates per epoch


def test_batch_norm_learns_where_tiny_weights_do_not(digits):
    # the point of Fig. 6-18: with weights of std 0.001 only the batch-norm run learns
    cells = grid_cells([0.001], epochs=8, hidden_layers=3, seed=0)
    data = (digits.x_train[:500], digits.t_train[:500], digits.x_test, digits.t_test)
    final = {}
    for record in run_grid(cells, *data, 10):
        if record.step.train_acc is not None:
            final[record.batchnorm] = record.step.train_acc
    assert final[True] > 0.5 > 0.2 > final[False]
