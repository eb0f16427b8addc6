"""Random hyper-parameter search (§6.5): log-uniform samples, the validation split, the ranking."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.datasets import load_digits
from core.hyperparam_search import (
    BOOK_LR_RANGE,
    BOOK_WEIGHT_DECAY_RANGE,
    LogRange,
    Trial,
    TrialProgress,
    TrialResult,
    narrow_ranges,
    rank_trials,
    run_search,
    sample_log_uniform,
    sample_trials,
    search_data,
    trial_config,
    validation_split,
)
from core.init_lab import prepare_trainer


def test_the_books_ranges_h1():
    assert LogRange(-6, -2) == BOOK_LR_RANGE
    assert LogRange(-8, -4) == BOOK_WEIGHT_DECAY_RANGE
    assert BOOK_LR_RANGE.values == (1e-6, 1e-2)
    assert BOOK_LR_RANGE.contains(1e-3) and not BOOK_LR_RANGE.contains(0.1)


@pytest.mark.parametrize(("low", "high"), [(-2, -2), (-2, -6), (math.nan, 1), (-1, math.inf)])
def test_an_empty_or_nonsense_range_is_refused(low, high):
    with pytest.raises(ValueError, match="empty|finite"):
        LogRange(low, high)


def test_log_uniform_samples_stay_in_range_and_fill_every_decade_alike():
    rng = np.random.default_rng(0)
    values = sample_log_uniform(BOOK_LR_RANGE, 40_000, rng)
    assert values.min() >= 1e-6 and values.max() <= 1e-2
    exponents = np.log10(values)
    shares = np.histogram(exponents, bins=4, range=(-6, -2))[0] / len(values)
    np.testing.assert_allclose(shares, 0.25, atol=0.01)  # each decade a quarter
    # unlike a plain uniform sample, which would put 99 % above 1e-4
    assert np.mean(values > 1e-4) == pytest.approx(0.5, abs=0.01)
    assert np.mean(rng.uniform(1e-6, 1e-2, 40_000) > 1e-4) > 0.98


@settings(max_examples=50, deadline=None)
@given(
    low=st.floats(-12, 2),
    width=st.floats(0.01, 6),
    seed=st.integers(0, 2**32 - 1),
)
def test_samples_always_lie_within_the_range(low, width, seed):
    value_range = LogRange(low, low + width)
    values = sample_log_uniform(value_range, 200, np.random.default_rng(seed))
    exponents = np.log10(values)
    assert np.all(exponents >= low - 1e-9) and np.all(exponents <= low + width + 1e-9)


def test_trials_are_seeded_and_rounds_differ():
    a = sample_trials(10, seed=3)
    assert a == sample_trials(10, seed=3)
    assert a != sample_trials(10, seed=4)
    again = sample_trials(10, seed=3, round_index=1, first_index=10)
    assert [t.index for t in again] == list(range(10, 20)) and {t.round for t in again} == {1}
    assert {t.lr for t in again}.isdisjoint({t.lr for t in a})
    for trial in a:
        assert BOOK_LR_RANGE.contains(trial.lr)
        assert BOOK_WEIGHT_DECAY_RANGE.contains(trial.weight_decay)
    with pytest.raises(ValueError):
        sample_trials(0)


# --- validation data comes from the training data, never from the test data ------------------------


@settings(max_examples=60, deadline=None)
@given(n=st.integers(20, 3000), ratio=st.floats(0.05, 0.9), seed=st.integers(0, 10_000))
def test_the_split_covers_the_training_set_once(n, ratio, seed):
    train, val = validation_split(n, ratio, seed)
    assert len(val) == int(n * ratio)  # an int, not n × 0.2 (B36)
    assert np.intersect1d(train, val).size == 0
    np.testing.assert_array_equal(np.union1d(train, val), np.arange(n))
    assert train.dtype.kind == "i" and val.dtype.kind == "i"


def test_the_books_500_samples_give_100_for_validation():
    train, val = validation_split(500, 0.2, seed=0)
    assert (len(train), len(val)) == (400, 100)
    again = validation_split(500, 0.2, seed=0)
    np.testing.assert_array_equal(val, again[1])
    assert not np.array_equal(val, validation_split(500, 0.2, seed=1)[1])


@pytest.mark.parametrize(("n", "ratio"), [(4, 0.2), (10, 0.0), (10, 1.0), (1, 0.5)])
def test_a_split_that_leaves_a_part_empty_is_refused(n, ratio):
    with pytest.raises(ValueError):
        validation_split(n, ratio)


def test_search_data_is_carved_from_the_training_set_only():
    # every sample carries its own id; the test ids are disjoint from the training ids
    x_train = np.arange(1000, dtype=np.float64).reshape(-1, 1) * np.ones((1, 3))
    t_train = np.arange(1000) % 10
    x_test = 10_000 + np.arange(200, dtype=np.float64).reshape(-1, 1) * np.ones((1, 3))
    data = search_data(x_train, t_train, 10, n_samples=500, ratio=0.2, seed=5)
    train_ids, val_ids = data.x_train[:, 0], data.x_val[:, 0]
    assert np.intersect1d(val_ids, x_test[:, 0]).size == 0
    assert np.intersect1d(train_ids, x_test[:, 0]).size == 0
    assert np.intersect1d(train_ids, val_ids).size == 0
    np.testing.assert_array_equal(np.union1d(train_ids, val_ids), np.arange(500))
    np.testing.assert_array_equal(val_ids, data.validation_indices)
    np.testing.assert_array_equal(data.t_val, t_train[data.validation_indices])
    assert (len(data.x_train), len(data.x_val)) == (400, 100)
    with pytest.raises(ValueError, match="only"):
        search_data(x_train, t_train, 10, n_samples=5000)


# --- trials, ranking, narrowing -----------------------------------------------------------------------


def test_a_trial_is_the_books_short_run():
    config = trial_config(Trial(0, 0, 1e-3, 1e-6), seed=2)
    assert (config.lr, config.weight_decay, config.seed) == (1e-3, 1e-6, 2)
    assert config.hidden_sizes == (100,) * 6 and config.length == 50
    assert (config.optimizer, config.length_unit) == ("SGD", "epochs")


def test_search_results_are_the_validation_accuracy_of_core_training():
    digits = load_digits()
    data = search_data(digits.x_train, digits.t_train, 10, n_samples=200, seed=1)
    trials = sample_trials(2, LogRange(-2, -1), seed=1)
    records = list(run_search(trials, data, epochs=3, hidden_layers=2, seed=1))
    progress = [r for r in records if isinstance(r, TrialProgress)]
    results = [r for r in records if isinstance(r, TrialResult)]
    assert len(results) == 2 and len(progress) == 2 * 3 * 1  # 160 samples / batch 100 → 1 per epoch
    assert progress[-1].iteration == progress[-1].max_iter == 3
    for result in results:
        config = trial_config(result.trial, epochs=3, hidden_layers=2, seed=1)
        trainer = prepare_trainer(config, data.x_train, data.t_train, data.x_val, data.t_val, 10)
        steps = list(trainer.steps())
        assert result.val_acc == pytest.approx(trainer.network.accuracy(data.x_val, data.t_val))
        assert result.val_curve == tuple(s.test_acc for s in steps if s.test_acc is not None)
        assert not result.diverged


def test_a_diverging_trial_has_no_accuracy_and_ranks_last():
    digits = load_digits()
    data = search_data(digits.x_train, digits.t_train, 10, n_samples=200)
    trials = (Trial(0, 0, 1e300, 1e-6), Trial(1, 0, 1e-2, 1e-6))
    results = [
        r for r in run_search(trials, data, epochs=2, hidden_layers=1) if isinstance(r, TrialResult)
    ]
    assert results[0].diverged and math.isnan(results[0].val_acc)
    assert rank_trials(results)[-1] is results[0]


def result(index, lr, wd, acc):
    return TrialResult(Trial(index, 0, lr, wd), acc, acc, (acc,), math.isnan(acc))


def test_ranking_best_first_nan_last_ties_by_index():
    results = [
        result(0, 1e-3, 1e-6, 0.5),
        result(1, 1e-2, 1e-5, math.nan),
        result(2, 1e-4, 1e-7, 0.9),
        result(3, 1e-5, 1e-8, 0.5),
    ]
    assert [r.trial.index for r in rank_trials(results)] == [2, 0, 3, 1]


def test_narrowing_spans_the_top_results_plus_a_margin():
    results = [result(0, 1e-3, 1e-6, 0.8), result(1, 1e-2, 1e-5, 0.9), result(2, 1e-6, 1e-8, 0.1)]
    narrowed = narrow_ranges(results, top_k=2, margin=0.1)
    assert narrowed.lr.low == pytest.approx(-3.1) and narrowed.lr.high == pytest.approx(-1.9)
    assert narrowed.weight_decay.low == pytest.approx(-6.1)
    assert narrowed.weight_decay.high == pytest.approx(-4.9)
    assert [r.trial.index for r in narrowed.top] == [1, 0]
    single = narrow_ranges(results, top_k=1, margin=0.25)
    assert single.lr == LogRange(-2.25, -1.75)
    with pytest.raises(ValueError, match="no finished"):
        narrow_ranges([result(0, 1e-3, 1e-6, math.nan)])
    with pytest.raises(ValueError):
        narrow_ranges(results, top_k=0)
