"""The weight-initialisation lab (§6.2) against core's layers and functions computed directly."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.datasets import load_digits
from core.init_lab import (
    BOOK_INPUTS,
    BOOK_LAYERS,
    BOOK_UNITS,
    Verdict,
    activation_experiment,
    diagnose,
    init_comparison_configs,
    prepare_trainer,
    saturated_fraction,
    symmetry_demo,
    train_interleaved,
    unit_spread,
    weight_std,
)
from core.layers import Affine, Relu, Sigmoid, Tanh
from core.networks import MultiLayerNet
from core.trainer import StopReason
from core.training_runs import RunConfig, build_network, build_trainer

LAYER = {"sigmoid": Sigmoid, "tanh": Tanh, "relu": Relu}


def forward_with_layers(activation, std, seed=0, n=BOOK_INPUTS, units=BOOK_UNITS):
    """The book's experiment rebuilt from core.layers: Affine (no bias) then the activation."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, units))
    outputs = []
    for _ in range(BOOK_LAYERS):
        sigma = {"xavier": math.sqrt(1 / units), "he": math.sqrt(2 / units)}.get(std, std)
        W = sigma * rng.standard_normal((units, units))
        x = LAYER[activation]().forward(Affine(W, np.zeros(units)).forward(x))
        outputs.append(x)
    return outputs


def mass(hist, low, high):
    """Share of the histogram's counts in bins lying inside [low, high]."""
    edges = hist.edges
    inside = (edges[:-1] >= low - 1e-12) & (edges[1:] <= high + 1e-12)
    return hist.counts[inside].sum() / hist.counts.sum()


# --- weight scales --------------------------------------------------------------------------------


def test_xavier_and_he_for_100_inputs():
    assert weight_std("xavier", 100) == pytest.approx(0.1)
    assert weight_std("he", 100) == pytest.approx(math.sqrt(0.02))  # 0.1414…
    assert weight_std(0.01, 100) == 0.01
    assert weight_std(1, 100) == 1.0


@pytest.mark.parametrize("bad", [0, 0.0, -0.5, math.nan, math.inf, "glorot", "abc", None])
def test_zero_negative_or_nonsense_scales_are_refused(bad):
    with pytest.raises(ValueError) as info:
        weight_std(bad, 100)
    if bad in (0, -0.5):
        assert "zero-init demo" in str(info.value)


# --- the histograms of Fig. 6-10 to 6-14 --------------------------------------------------------------


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
@pytest.mark.parametrize("init", [1.0, 0.01, "xavier", "he"])
def test_every_layer_matches_the_layers_computed_directly(activation, init):
    experiment = activation_experiment(activation, init, seed=4)
    expected = forward_with_layers(activation, init, seed=4)
    assert len(experiment.layers) == BOOK_LAYERS
    for layer, values in zip(experiment.layers, expected, strict=True):
        np.testing.assert_allclose(layer.values, values, rtol=1e-12, atol=1e-300)
        assert layer.mean == pytest.approx(values.mean(), rel=1e-9, abs=1e-15)
        assert layer.std == pytest.approx(values.std(), rel=1e-9, abs=1e-15)
        counted = values[values > 0] if activation == "relu" else values
        counts, _ = np.histogram(counted, 30, range=experiment.value_range)
        np.testing.assert_array_equal(layer.histogram.counts, counts)
        assert layer.zero_fraction == pytest.approx(np.mean(values == 0))


def test_sigmoid_with_std_1_piles_up_at_0_and_1():
    experiment = activation_experiment("sigmoid", 1.0, seed=0)
    for layer in experiment.layers:
        ends = mass(layer.histogram, 0.0, 0.1) + mass(layer.histogram, 0.9, 1.0)
        assert ends > 0.6  # the U shape of Fig. 6-10
        assert mass(layer.histogram, 0.4, 0.6) < 0.1
        assert layer.saturated == pytest.approx(ends, abs=0.02)
    assert experiment.verdict is Verdict.SATURATED


def test_sigmoid_with_std_001_collapses_to_one_half():
    experiment = activation_experiment("sigmoid", 0.01, seed=0)
    assert mass(experiment.layers[0].histogram, 0.4, 0.6) > 0.99
    for layer in experiment.layers[1:]:  # from the 2nd layer on: a single spike at 0.5 (Fig. 6-11)
        assert np.all(np.abs(layer.values - 0.5) < 0.1)
        assert mass(layer.histogram, 0.4, 0.6) == 1.0
    for layer in experiment.layers:
        assert layer.std < 0.03
    assert experiment.verdict is Verdict.COLLAPSED


def test_xavier_with_sigmoid_keeps_a_spread_in_every_layer():
    experiment = activation_experiment("sigmoid", "xavier", seed=0)
    for layer in experiment.layers:
        assert 0.05 < layer.std < 0.3
        assert layer.saturated < 0.1
        assert np.count_nonzero(layer.histogram.counts) >= 10  # Fig. 6-13: a bell, not a spike
        assert layer.histogram.counts.max() / layer.histogram.counts.sum() < 0.2
    assert experiment.verdict is Verdict.HEALTHY


def test_tanh_saturates_with_std_1_and_is_healthy_with_xavier():
    assert activation_experiment("tanh", 1.0).verdict is Verdict.SATURATED
    assert activation_experiment("tanh", 0.01).verdict is Verdict.COLLAPSED
    assert activation_experiment("tanh", "xavier").verdict is Verdict.HEALTHY


def test_relu_he_keeps_the_spread_xavier_shrinks_it_and_std_1_explodes():
    he = activation_experiment("relu", "he", seed=0)
    assert 0.5 < he.stds[-1] / he.stds[0] < 2  # Fig. 6-14, He: the same in every layer
    assert he.verdict is Verdict.HEALTHY
    xavier = activation_experiment("relu", "xavier", seed=0)
    assert all(a > b for a, b in zip(xavier.stds, xavier.stds[1:], strict=False))
    assert xavier.verdict is Verdict.SHRINKING
    assert activation_experiment("relu", 1.0).verdict is Verdict.EXPLODING
    assert activation_experiment("relu", 0.01).verdict is Verdict.COLLAPSED
    for layer in he.layers:  # about half the ReLU outputs are exactly 0
        assert 0.4 < layer.zero_fraction < 0.6
        assert math.isnan(layer.saturated)


def test_the_same_seed_gives_the_same_experiment_and_another_seed_another():
    a = activation_experiment("tanh", "he", seed=1)
    b = activation_experiment("tanh", "he", seed=1)
    c = activation_experiment("tanh", "he", seed=2)
    np.testing.assert_array_equal(a.layers[-1].values, b.layers[-1].values)
    assert not np.array_equal(a.layers[-1].values, c.layers[-1].values)


@settings(max_examples=25, deadline=None)
@given(
    activation=st.sampled_from(["sigmoid", "tanh", "relu"]),
    std=st.floats(1e-3, 5.0),
    seed=st.integers(0, 2**31 - 1),
)
def test_histograms_count_every_value_in_range(activation, std, seed):
    experiment = activation_experiment(activation, std, n_samples=50, n_units=20, seed=seed)
    low, high = experiment.value_range
    for layer in experiment.layers:
        values = layer.values
        assert np.all((values >= low) & (values <= high))
        expected = np.count_nonzero(values > 0) if activation == "relu" else values.size
        assert layer.histogram.counts.sum() == expected
        assert 0.0 <= layer.zero_fraction <= 1.0
    assert isinstance(experiment.verdict, Verdict)


def test_saturated_fraction_counts_the_outer_tenths():
    assert saturated_fraction("sigmoid", [0.05, 0.5, 0.95, 0.5]) == 0.5
    assert saturated_fraction("tanh", [-0.85, 0.0, 0.5, 0.99]) == 0.5
    assert math.isnan(saturated_fraction("relu", [1.0]))
    with pytest.raises(ValueError, match="activation"):
        saturated_fraction("softmax", [0.5])


def test_diagnose_by_hand():
    assert diagnose("relu", [1.0, 5.0], [math.nan] * 2) is Verdict.EXPLODING
    assert diagnose("relu", [1.0, 0.3], [math.nan] * 2) is Verdict.SHRINKING
    assert diagnose("relu", [1.0, 0.01], [math.nan] * 2) is Verdict.COLLAPSED
    assert diagnose("relu", [1.0, math.inf], [math.nan] * 2) is Verdict.EXPLODING
    assert diagnose("sigmoid", [0.2, 0.2], [0.1, 0.6]) is Verdict.SATURATED
    with pytest.raises(ValueError):
        diagnose("relu", [1.0], [])


def test_bad_sizes_are_refused():
    with pytest.raises(ValueError, match="n_layers"):
        activation_experiment("relu", "he", n_layers=0)
    with pytest.raises(ValueError, match="activation"):
        activation_experiment("step", "he")
    with pytest.raises(ValueError, match="20 million"):
        activation_experiment("relu", "he", n_samples=100_000, n_units=100, n_layers=5)


# --- all weights equal: the symmetry is never broken (§6.2.1, B34) ---------------------------------


def test_zero_weights_keep_every_hidden_unit_identical_after_updates():
    demo = symmetry_demo(0.0, steps=6, activation="sigmoid")
    assert demo.identical
    assert [s.step for s in demo.steps] == list(range(7))
    assert all(s.hidden_spread == 0.0 and s.output_spread == 0.0 for s in demo.steps)
    # not because nothing moved: the weights do change, all of them together
    assert np.all(demo.steps[0].W1 == 0)
    assert np.abs(demo.steps[-1].W1).max() > 1e-4
    assert np.abs(demo.steps[-1].W2).max() > 1e-3
    assert demo.steps[-1].loss < demo.steps[0].loss


def test_the_demo_is_plain_sgd_on_a_core_network():
    demo = symmetry_demo(0.25, steps=3, activation="tanh", lr=0.3, seed=5)
    rng = np.random.default_rng(5)
    x = rng.standard_normal((8, 4))
    t = rng.integers(0, 3, 8)
    net = MultiLayerNet(4, [5], 3, activation="tanh", weight_init_std=0.0, seed=5)
    net.params["W1"][...] = 0.25
    net.params["W2"][...] = 0.25
    for record in demo.steps:
        np.testing.assert_array_equal(record.W1, net.params["W1"])
        loss, grads = net.loss_and_gradient(x, t)
        assert record.loss == pytest.approx(loss)
        for key in net.params:
            net.params[key] -= 0.3 * grads[key]
    assert demo.identical


def test_random_weights_break_the_symmetry():
    demo = symmetry_demo("xavier", steps=3)
    assert not demo.identical
    assert all(s.hidden_spread > 0.01 for s in demo.steps)


def test_relu_with_zero_weights_never_moves_its_first_layer():
    demo = symmetry_demo(0.0, activation="relu", steps=4)
    assert demo.identical and np.all(demo.steps[-1].W1 == 0)


def test_unit_spread_by_hand():
    assert unit_spread([[1.0, 1.0], [2.0, 2.0]]) == 0.0
    assert unit_spread([[1.0, 1.5, 1.0], [2.0, 2.0, -1.0]]) == 3.0
    with pytest.raises(ValueError):
        unit_spread([1.0, 2.0])


@pytest.mark.parametrize(
    "bad", [{"steps": -1}, {"lr": 0.0}, {"lr": math.nan}, {"weights": math.inf}]
)
def test_symmetry_demo_refuses_bad_settings(bad):
    with pytest.raises(ValueError):
        symmetry_demo(**bad)


# --- the comparison of Fig. 6-15 ----------------------------------------------------------------------


def test_the_books_three_runs_differ_only_in_their_initial_weights():
    configs = init_comparison_configs(seed=3)
    assert [c.weight_init for c in configs] == ["std", "xavier", "he"]
    assert configs[0].init_std == 0.01
    for config in configs:
        assert config.hidden_sizes == (100, 100, 100, 100)
        assert (config.activation, config.optimizer, config.lr) == ("relu", "SGD", 0.01)
        assert (config.batch_size, config.length, config.length_unit) == (128, 2000, "iterations")
        assert config.seed == 3


def test_interleaved_runs_advance_together_and_match_separate_training():
    digits = load_digits()
    configs = init_comparison_configs(iterations=12, hidden_layers=2, seed=1)
    data = (digits.x_train, digits.t_train, digits.x_test, digits.t_test)
    trainers = [prepare_trainer(c, *data, 10) for c in configs]
    records = list(train_interleaved(trainers))
    assert [r.run for r in records[:6]] == [0, 1, 2, 0, 1, 2]
    assert len(records) == 36
    for index, config in enumerate(configs):
        network = build_network(config, 64, 10)
        alone = [s.loss for s in build_trainer(config, network, *data).steps()]
        together = [r.step.loss for r in records if r.run == index]
        np.testing.assert_allclose(together, alone)
    he, std = (
        [r.step.loss for r in records if r.run == i] for i in (2, 0)
    )  # He learns, 0.01 sits at −log(1/10)
    assert he[-1] < he[0] and std[-1] == pytest.approx(math.log(10), abs=0.01)


def test_a_diverging_run_drops_out_and_the_others_go_on():
    digits = load_digits()
    data = (digits.x_train, digits.t_train, digits.x_test, digits.t_test)
    good = RunConfig(model="multi_layer", hidden_sizes=(20,), length=10, length_unit="iterations")
    bad = RunConfig(
        model="multi_layer", hidden_sizes=(20,), length=10, length_unit="iterations", lr=1e300
    )
    records = list(train_interleaved([prepare_trainer(c, *data, 10) for c in (good, bad)]))
    bad_steps = [r.step for r in records if r.run == 1]
    assert bad_steps[-1].stop_reason is StopReason.DIVERGED and len(bad_steps) < 10
    assert len([r for r in records if r.run == 0]) == 10
