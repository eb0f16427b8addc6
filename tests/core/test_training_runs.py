"""Run settings, run history, progress, the not-learning check and the gradient-method numbers."""

import dataclasses
import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.datasets import load_digits
from core.functions import DELTA
from core.networks import MultiLayerNet, MultiLayerNetExtend, TwoLayerNet
from core.trainer import StopReason, Trainer, TrainStep
from core.training_runs import (
    EVAL_SAMPLES,
    MAX_PARAMS,
    LearningState,
    RunConfig,
    RunHistory,
    build_network,
    build_trainer,
    chance_loss,
    check_learning,
    ema,
    loss_evaluations_per_step,
    mlp_param_count,
    network_class_name,
    on_each_loss,
    planned_length,
    planned_param_count,
    planned_param_shapes,
    preferred_dtype,
    run_progress,
    time_gradient_methods,
    varying_fields,
)


@pytest.fixture(scope="module")
def digits():
    return load_digits()


def step(iteration, loss, seconds=0.01, acc=None, ipe=10, reason=None):
    return TrainStep(
        iteration=iteration,
        epoch=iteration / ipe,
        loss=loss,
        train_acc=acc,
        test_acc=None if acc is None else acc - 0.05,
        seconds=seconds,
        elapsed=iteration * seconds * 3,  # includes pauses: must not be used as training time
        stop_reason=reason,
    )


# --- the book's numbers -------------------------------------------------------------------------


def test_the_books_two_layer_net_has_39760_parameters_and_needs_79520_loss_evaluations():
    # T1: 784·50 + 50 + 50·10 + 10 = 39 760; two loss evaluations per parameter
    assert mlp_param_count((784, 50, 10)) == 39_760
    assert loss_evaluations_per_step(39_760) == 79_520
    assert TwoLayerNet(784, 50, 10, seed=0).param_count == 39_760


@pytest.mark.parametrize(
    ("sizes", "batchnorm"),
    [((64, 50, 10), False), ((2, 8, 8, 3), True), ((784, 100, 100, 10), True)],
)
def test_param_count_matches_the_built_network(sizes, batchnorm):
    config = RunConfig(
        model="multi_layer", hidden_sizes=sizes[1:-1], batchnorm=batchnorm, weight_init="he"
    )
    network = build_network(config, sizes[0], sizes[-1])
    assert planned_param_count(config, sizes[0], sizes[-1]) == network.param_count
    assert mlp_param_count(sizes, batchnorm=batchnorm) == network.param_count
    shapes = planned_param_shapes(config, sizes[0], sizes[-1])
    assert list(shapes.items()) == list(network.param_shapes().items())


def test_chance_loss_is_the_first_loss_of_a_fresh_ten_class_network():
    # D8c / TR7: −log(1/10) = 2.302585
    assert chance_loss(10) == pytest.approx(2.302585092994046)
    assert chance_loss(2) == pytest.approx(math.log(2))
    with pytest.raises(ValueError):
        chance_loss(1)


# --- RunConfig and building -------------------------------------------------------------------------


def test_config_builds_the_books_classes():
    two = RunConfig()
    assert network_class_name(two) == "TwoLayerNet"
    assert isinstance(build_network(two, 64, 10), TwoLayerNet)
    multi = RunConfig(model="multi_layer", hidden_sizes=(20, 20), weight_decay=0.1)
    net = build_network(multi, 64, 10)
    assert type(net) is MultiLayerNet and net.layer_sizes == (64, 20, 20, 10)
    assert net.weight_decay_lambda == 0.1
    extended = dataclasses.replace(multi, dropout_ratio=0.2, batchnorm=True)
    assert network_class_name(extended) == "MultiLayerNetExtend"
    net = build_network(extended, 64, 10)
    assert isinstance(net, MultiLayerNetExtend) and net.use_batchnorm and net.use_dropout


@pytest.mark.parametrize(
    ("init", "std", "expected"),
    [("std", 0.01, 0.01), ("xavier", 0.0, math.sqrt(1 / 400)), ("he", 0.0, math.sqrt(2 / 400))],
)
def test_weight_init_reaches_the_network(init, std, expected):
    config = RunConfig(hidden_sizes=(300,), weight_init=init, init_std=std)
    net = build_network(config, 400, 10)
    assert np.std(net.params["W1"]) == pytest.approx(expected, rel=0.02)


def test_large_sets_train_in_float32_except_with_the_numerical_gradient():
    assert preferred_dtype(RunConfig(), 60_000) == np.float32
    assert preferred_dtype(RunConfig(), 1_437) == np.float64
    assert preferred_dtype(RunConfig(gradient_method="numerical"), 60_000) == np.float64
    net = build_network(RunConfig(), 784, 10, dtype=preferred_dtype(RunConfig(), 60_000))
    assert net.params["W1"].dtype == np.float32


def test_same_seed_same_initial_weights():
    a = build_network(RunConfig(seed=5), 64, 10).params["W1"]
    b = build_network(RunConfig(seed=5), 64, 10).params["W1"]
    c = build_network(RunConfig(seed=6), 64, 10).params["W1"]
    assert np.array_equal(a, b) and not np.array_equal(a, c)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"hidden_sizes": (50, 50)}, "exactly one hidden layer"),
        ({"weight_decay": 0.1}, "no weight decay"),
        ({"hidden_sizes": ()}, "hidden_sizes"),
        ({"hidden_sizes": (0,)}, "hidden_sizes"),
        ({"lr": 0.0}, "learning rate"),
        ({"lr": math.inf}, "learning rate"),
        ({"lr": math.nan}, "learning rate"),
        ({"batch_size": 0}, "batch_size"),
        ({"length": 2.5}, "length"),
        ({"optimizer": "sgd!"}, "optimizer"),
        ({"init_std": -1.0}, "init_std"),
        ({"seed": -1}, "seed"),
        ({"model": "multi_layer", "dropout_ratio": 1.0}, "dropout"),
        ({"model": "multi_layer", "weight_decay": -0.1}, "weight decay"),
    ],
)
def test_bad_settings_raise_clear_errors(changes, message):
    with pytest.raises(ValueError, match=message):
        RunConfig(**changes)


def test_a_network_too_large_to_train_is_refused_before_it_is_built():
    config = RunConfig(model="multi_layer", hidden_sizes=(100_000, 100_000))
    assert planned_param_count(config, 784, 10) > MAX_PARAMS
    with pytest.raises(ValueError, match="parameters"):
        build_network(config, 784, 10)


def test_trainer_length_in_epochs_or_iterations(digits):
    net = build_network(RunConfig(), 64, 10)
    by_epochs = build_trainer(RunConfig(length=3, batch_size=100), net, *digits.train, *digits.test)
    assert by_epochs.max_iter == 3 * (len(digits.x_train) // 100)
    by_iterations = build_trainer(
        RunConfig(length=7, length_unit="iterations"), net, *digits.train, *digits.test
    )
    assert by_iterations.max_iter == 7
    assert by_iterations.optimizer.lr == 0.1


@pytest.mark.parametrize(
    ("changes", "n_train"),
    [({}, 1438), ({"batch_size": 7, "length": 3}, 100), ({"batch_size": 500}, 300),
     ({"length_unit": "iterations", "length": 42}, 1438)],
)  # fmt: skip
def test_planned_length_is_what_the_trainer_will_do(changes, n_train):
    config = dataclasses.replace(RunConfig(), **changes)
    rng = np.random.default_rng(0)
    x, t = rng.random((n_train, 4)), rng.integers(0, 3, n_train)
    net = build_network(dataclasses.replace(config, hidden_sizes=(2,)), 4, 3)
    trainer = build_trainer(config, net, x, t, x[:5], t[:5])
    assert planned_length(config, n_train) == (trainer.max_iter, trainer.iter_per_epoch)


def test_trainer_evaluates_at_most_eval_samples():
    rng = np.random.default_rng(0)
    x = rng.random((EVAL_SAMPLES + 50, 4))
    t = rng.integers(0, 3, len(x))
    net = build_network(RunConfig(hidden_sizes=(3,)), 4, 3)
    trainer = build_trainer(RunConfig(hidden_sizes=(3,)), net, x, t, x[:10], t[:10])
    assert len(trainer.eval_train[0]) == EVAL_SAMPLES


def test_varying_fields_name_what_differs_between_runs():
    sgd = RunConfig()
    adam = dataclasses.replace(sgd, optimizer="Adam", lr=0.001)
    momentum = dataclasses.replace(sgd, optimizer="Momentum")
    assert varying_fields([sgd]) == ()
    assert varying_fields([sgd, sgd]) == ()
    assert varying_fields([sgd, momentum]) == ("optimizer",)
    assert varying_fields([sgd, adam, momentum]) == ("optimizer", "lr")


# --- smoothing ----------------------------------------------------------------------------------


def test_ema_by_hand():
    # s1 = 0.5·1 = 0.5, /(1 − 0.5) = 1; s2 = 0.5·0.5 + 0.5·2 = 1.25, /(1 − 0.25) = 5/3
    np.testing.assert_allclose(ema([1.0, 2.0], 0.5), [1.0, 5.0 / 3.0])


def test_ema_skips_non_finite_values():
    out = ema([np.nan, 1.0, np.inf, 3.0, np.nan], 0.5)
    assert math.isnan(out[0])
    assert out[1] == 1.0 and out[2] == 1.0
    assert out[3] == pytest.approx((0.25 * 1 + 0.5 * 3) / 0.75)
    assert out[4] == out[3]


@given(
    st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=50),
    st.floats(0.0, 0.99),
)
def test_ema_stays_within_the_values_and_weight_zero_is_identity(values, weight):
    out = ema(values, weight)
    assert np.all(out >= min(values) - 1e-6 * (1 + abs(min(values))))
    assert np.all(out <= max(values) + 1e-6 * (1 + abs(max(values))))
    np.testing.assert_allclose(ema(values, 0.0), values)


@given(st.floats(-100, 100), st.floats(0.0, 0.999), st.integers(1, 30))
def test_ema_of_a_constant_is_that_constant(value, weight, n):
    # the bias correction keeps the start from being pulled towards 0
    np.testing.assert_allclose(ema([value] * n, weight), value, rtol=1e-9, atol=1e-9)


def test_ema_rejects_a_weight_outside_0_1():
    for weight in (-0.1, 1.0, math.nan):
        with pytest.raises(ValueError, match="smoothing"):
            ema([1.0], weight)


# --- RunHistory --------------------------------------------------------------------------------


def test_history_collects_records_in_batches_and_grows():
    history = RunHistory(capacity=4, smoothing=0.5)
    records = [step(i, 2.0 / i, acc=0.5 if i % 10 == 0 else None) for i in range(1, 31)]
    history.extend(records[:3])
    history.extend(records[3:])
    assert len(history) == 30
    np.testing.assert_array_equal(history.column("iteration"), np.arange(1, 31))
    np.testing.assert_allclose(history.column("loss"), [2.0 / i for i in range(1, 31)])
    np.testing.assert_allclose(history.column("smoothed"), ema(history.column("loss"), 0.5))
    np.testing.assert_array_equal(history.eval_column("iteration"), [10, 20, 30])
    np.testing.assert_allclose(history.eval_column("test_acc"), [0.45] * 3)
    assert history.last is records[-1]
    assert history.max_loss == 2.0


def test_history_time_is_training_time_without_pauses():
    history = RunHistory()
    history.extend([step(1, 1.0, seconds=0.5), step(2, 1.0, seconds=0.25)])
    history.extend([step(3, 1.0, seconds=0.25)])
    np.testing.assert_allclose(history.column("time"), [0.5, 0.75, 1.0])
    assert history.seconds_total == pytest.approx(1.0)


def test_history_smoothing_can_change_afterwards():
    history = RunHistory(smoothing=0.0)
    history.extend([step(i, float(i % 3)) for i in range(1, 20)])
    np.testing.assert_array_equal(history.column("smoothed"), history.column("loss"))
    history.set_smoothing(0.9)
    np.testing.assert_allclose(history.column("smoothed"), ema(history.column("loss"), 0.9))
    history.extend([step(20, 5.0)])  # later records continue the new average
    np.testing.assert_allclose(history.column("smoothed"), ema(history.column("loss"), 0.9))


def test_history_keeps_a_diverged_run_and_its_reason():
    history = RunHistory()
    history.extend([step(1, 2.3, acc=0.1), step(2, math.nan, reason=StopReason.DIVERGED)])
    assert history.stop_reason is StopReason.DIVERGED
    assert math.isnan(history.column("loss")[-1])
    assert history.column("smoothed")[-1] == pytest.approx(2.3)
    assert history.max_loss == 2.3  # the NaN does not count


def test_history_rows_for_csv():
    history = RunHistory(smoothing=0.0)
    history.extend([step(1, 2.0, seconds=0.5, acc=0.3), step(2, 1.0, seconds=0.5)])
    assert history.rows() == [
        (1, 0.1, 0.5, 2.0, 2.0, 0.3, pytest.approx(0.25)),
        (2, 0.2, 1.0, 1.0, 1.0, None, None),
    ]


def test_history_of_a_real_run_matches_its_records(digits):
    config = RunConfig(length=2, batch_size=100)
    net = build_network(config, 64, 10)
    records = list(build_trainer(config, net, *digits.train, *digits.test).steps())
    history = RunHistory(capacity=len(records))
    history.extend(records)
    np.testing.assert_array_equal(history.column("loss"), [r.loss for r in records])
    assert history.eval_column("test_acc").tolist() == [
        r.test_acc for r in records if r.test_acc is not None
    ]


# --- progress ---------------------------------------------------------------------------------


def test_progress_of_a_run():
    # 600 iterations = 1 epoch at batch 100 on MNIST (pain point 4.11)
    p = run_progress(900, 6000, 600, elapsed=3.0)
    assert p.epoch == 1.5 and p.epochs == 10.0
    assert p.fraction == 0.15
    assert p.seconds_per_iteration == pytest.approx(3.0 / 900)
    assert p.eta == pytest.approx(3.0 / 900 * 5100)
    # slowed down on purpose (or waiting for the GUI): the ETA follows the wall clock
    paced = run_progress(900, 6000, 600, elapsed=3.0, wall=9.0)
    assert paced.seconds_per_iteration == pytest.approx(3.0 / 900)
    assert paced.eta == pytest.approx(9.0 / 900 * 5100) and paced.wall == 9.0
    start = run_progress(0, 10, 5, 0.0)
    assert start.eta is None and start.fraction == 0.0
    with pytest.raises(ValueError):
        run_progress(11, 10, 5, 1.0)


# --- is it learning? ------------------------------------------------------------------------------


def test_check_learning_states():
    chance = math.log(10)
    assert check_learning([chance] * 10, 10).state is LearningState.TOO_EARLY
    stuck = check_learning([chance + 0.01] * 200, 10)
    assert stuck.state is LearningState.AT_CHANCE
    assert stuck.chance_loss == pytest.approx(2.302585, abs=1e-6)
    assert stuck.cap_loss == pytest.approx(-math.log(DELTA))  # C5: 16.11809565095832
    capped = check_learning([14.5] * 150 + [np.nan] * 50, 10)
    assert capped.state is LearningState.AT_CAP
    assert capped.wrong_loss == pytest.approx(0.9 * 16.11809565095832)
    falling = np.linspace(2.3, 0.5, 300)
    assert check_learning(falling, 10).state is LearningState.LEARNING
    assert check_learning([np.nan] * 300, 10).state is LearningState.TOO_EARLY


@pytest.mark.parametrize(
    ("lr", "expected"), [(0.1, "learning"), (10.0, "at_chance"), (1000.0, "at_cap")]
)
def test_check_learning_on_real_runs(digits, lr, expected):
    # a learning rate that is far too large rarely gives NaN with the δ-capped cross-entropy
    config = RunConfig(weight_init="he", lr=lr, length=400, length_unit="iterations")
    net = build_network(config, 64, 10)
    records = list(build_trainer(config, net, *digits.train, *digits.test).steps())
    assert records[-1].stop_reason is StopReason.FINISHED
    check = check_learning([r.loss for r in records], 10)
    assert check.state.value == expected


# --- backprop against the numerical gradient --------------------------------------------------------


def test_time_gradient_methods_with_a_fake_clock(digits):
    ticks = iter(range(1000))
    net = TwoLayerNet(64, 5, 10, seed=0)
    x, t = digits.x_train[:20], digits.t_train[:20]
    timing = time_gradient_methods(net, x, t, repeats=3, clock=lambda: float(next(ticks)))
    assert timing.param_count == 64 * 5 + 5 + 5 * 10 + 10
    assert timing.loss_evaluations == 2 * timing.param_count
    assert timing.backprop_seconds == 1.0 and timing.loss_seconds == 1.0
    assert timing.numerical_seconds == timing.loss_evaluations
    assert timing.ratio == timing.loss_evaluations


def test_numerical_gradient_is_much_slower_than_backprop(digits):
    net = TwoLayerNet(64, 10, 10, seed=0)
    timing = time_gradient_methods(net, digits.x_train[:50], digits.t_train[:50])
    assert timing.numerical_seconds > 20 * timing.backprop_seconds


def test_on_each_loss_counts_every_evaluation_of_the_numerical_gradient(digits):
    net = TwoLayerNet(64, 3, 10, seed=0)
    calls = []
    with on_each_loss(net, lambda: calls.append(1)):
        net.numerical_gradient(digits.x_train[:5], digits.t_train[:5])
    assert len(calls) == loss_evaluations_per_step(net.param_count)
    assert "loss" not in vars(net)  # the method is the class's again


class StopRequestedError(Exception):
    pass


def test_on_each_loss_can_interrupt_a_numerical_step_leaving_the_weights_unchanged(digits):
    net = TwoLayerNet(64, 3, 10, seed=0)
    before = {k: v.copy() for k, v in net.params.items()}
    count = 0

    def stop_after_some():
        nonlocal count
        count += 1
        if count > 100:
            raise StopRequestedError

    trainer = Trainer(
        net, *digits.train, *digits.test, max_iter=3, gradient_method="numerical", seed=0
    )
    with pytest.raises(StopRequestedError), on_each_loss(net, stop_after_some):
        next(trainer.steps())
    for key, value in net.params.items():
        np.testing.assert_array_equal(value, before[key])


def test_on_each_loss_cannot_be_nested():
    net = TwoLayerNet(4, 3, 2, seed=0)
    with on_each_loss(net, lambda: None), pytest.raises(ValueError, match="nested"):  # noqa: SIM117
        with on_each_loss(net, lambda: None):
            pass
