"""The Trainer generator: learning happens, runs are reproducible, divergence stops a run."""

import itertools
import math
import time

import numpy as np
import pytest

from core.datasets import load_digits
from core.networks import MultiLayerNet, TwoLayerNet
from core.optimizer import SGD
from core.trainer import StopReason, Trainer, TrainStep


@pytest.fixture(scope="module")
def digits():
    return load_digits()


def make_trainer(digits, seed=0, **kwargs):
    (x_train, t_train), (x_test, t_test) = digits
    net = TwoLayerNet(64, 50, 10, weight_init_std="he", seed=seed)
    options = {"epochs": 30, "mini_batch_size": 50, "optimizer": "SGD"}
    options["optimizer_param"] = {"lr": 0.1}
    options.update(kwargs)
    return Trainer(net, x_train, t_train, x_test, t_test, seed=seed, **options)


def test_two_layer_net_learns_the_digits_quickly(digits):
    start = time.perf_counter()
    records = list(make_trainer(digits).steps())
    seconds = time.perf_counter() - start
    last = records[-1]
    assert last.stop_reason is StopReason.FINISHED
    assert last.test_acc >= 0.90
    assert records[0].loss > 1.5 > last.loss  # from about -log(1/10) = 2.3 down
    assert seconds < 30  # "within a few seconds"; generous for slow CI machines


def test_same_seed_same_curve_other_seed_other_curve(digits):
    first = [r.loss for r in make_trainer(digits, seed=3, epochs=2).steps()]
    again = [r.loss for r in make_trainer(digits, seed=3, epochs=2).steps()]
    other = [r.loss for r in make_trainer(digits, seed=4, epochs=2).steps()]
    assert first == again
    assert first != other


def test_records_count_iterations_epochs_and_evaluations(digits):
    trainer = make_trainer(digits, epochs=3)
    records = list(trainer.steps())
    n_train = digits.x_train.shape[0]
    assert trainer.iter_per_epoch == n_train // 50
    assert [r.iteration for r in records] == list(range(1, 3 * trainer.iter_per_epoch + 1))
    evaluated = [r.iteration for r in records if r.test_acc is not None]
    ipe = trainer.iter_per_epoch
    assert evaluated == [1, ipe, 2 * ipe, 3 * ipe]
    assert records[ipe - 1].epoch == 1.0
    assert all(isinstance(r, TrainStep) and r.seconds >= 0 for r in records)
    assert all(a.elapsed <= b.elapsed for a, b in itertools.pairwise(records))
    assert [r.stop_reason for r in records].count(StopReason.FINISHED) == 1


def test_max_iter_overrides_epochs_and_last_step_is_evaluated(digits):
    records = list(make_trainer(digits, max_iter=7).steps())
    assert len(records) == 7
    assert records[-1].test_acc is not None and records[-1].stop_reason is StopReason.FINISHED


def test_records_are_frozen(digits):
    record = next(make_trainer(digits).steps())
    with pytest.raises(AttributeError):
        record.loss = 0.0


def test_stopping_is_not_asking_for_more(digits):
    trainer = make_trainer(digits)
    steps = trainer.steps()
    before = trainer.network.params["W1"].copy()
    next(steps)
    after_one = trainer.network.params["W1"].copy()
    steps.close()
    assert not np.array_equal(before, after_one)
    assert np.array_equal(trainer.network.params["W1"], after_one)


def test_a_diverging_run_stops_with_a_reason():
    rng = np.random.default_rng(0)
    x = rng.standard_normal((40, 4))
    t = rng.integers(0, 3, 40)
    net = MultiLayerNet(4, [8], 3, "relu", 1.0, seed=0)  # huge weights → inf − inf = NaN scores
    trainer = Trainer(net, x, t, x, t, epochs=50, mini_batch_size=10, optimizer=SGD(lr=1e300))
    records = list(trainer.steps())
    last = records[-1]
    assert last.stop_reason is StopReason.DIVERGED
    assert not math.isfinite(last.loss)
    assert len(records) < trainer.max_iter
    assert all(math.isfinite(r.loss) for r in records[:-1])


def test_numerical_gradient_method_trains_too_but_slower(digits):
    (x_train, t_train), (x_test, t_test) = digits
    results = {}
    for method in ("backprop", "numerical"):
        net = TwoLayerNet(64, 3, 10, weight_init_std="he", seed=1)
        trainer = Trainer(
            net,
            x_train[:20],
            t_train[:20],
            x_test,
            t_test,
            max_iter=2,
            mini_batch_size=10,
            optimizer_param={"lr": 0.1},
            gradient_method=method,
            seed=1,
        )
        results[method] = list(trainer.steps())
    np.testing.assert_allclose(
        [r.loss for r in results["numerical"]], [r.loss for r in results["backprop"]], rtol=1e-6
    )
    assert results["numerical"][0].seconds > results["backprop"][0].seconds


def test_evaluate_sample_num_per_epoch_limits_the_evaluation(digits):
    trainer = make_trainer(digits, evaluate_sample_num_per_epoch=100, max_iter=1)
    assert trainer.eval_train[0].shape[0] == trainer.eval_test[0].shape[0] == 100
    acc = next(trainer.steps()).train_acc
    assert acc * 100 == pytest.approx(round(acc * 100))  # a count out of 100


def test_float32_network_gets_float32_data(digits):
    (x_train, t_train), (x_test, t_test) = digits
    net = TwoLayerNet(64, 10, 10, seed=0, dtype=np.float32)
    trainer = Trainer(net, x_train.astype(np.float64), t_train, x_test, t_test, max_iter=2)
    assert trainer.x_train.dtype == np.float32
    list(trainer.steps())
    assert net.params["W1"].dtype == np.float32


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"epochs": 0}, "epochs"),
        ({"mini_batch_size": 0}, "mini_batch_size"),
        ({"gradient_method": "magic"}, "gradient_method"),
        ({"optimizer": "Adamax"}, "Adamax"),
    ],
)
def test_bad_settings(digits, kwargs, message):
    with pytest.raises(ValueError, match=message):
        make_trainer(digits, **kwargs)


def test_data_that_does_not_fit_the_network(digits):
    (x_train, t_train), (x_test, t_test) = digits
    net = TwoLayerNet(784, 10, 10, seed=0)
    with pytest.raises(ValueError, match="784 inputs"):
        Trainer(net, x_train, t_train, x_test, t_test)
    with pytest.raises(ValueError, match="label"):
        Trainer(TwoLayerNet(64, 10, 10), x_train, t_train[:5], x_test, t_test)
