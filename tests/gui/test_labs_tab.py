"""The chapter 6 labs driven through their widgets: histograms, equal weights, the init race, the
batch-norm grid and statistics, overfitting, the hyper-parameter search; stop, export, settings."""

from __future__ import annotations

import pickle
import time

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from core.batchnorm_lab import batchnorm_statistics, grid_cells, preactivation_batch, run_grid
from core.datasets import load_digits
from core.hyperparam_search import (
    LogRange,
    TrialResult,
    narrow_ranges,
    run_search,
    sample_trials,
    search_data,
)
from core.init_lab import (
    activation_experiment,
    init_comparison_configs,
    prepare_trainer,
    symmetry_demo,
)
from core.overfit_lab import overfit_config, run_overfit, small_training_set
from zdl_gui.plotting import export_plot
from zdl_gui.tabs.labs_tab import LabRunner, LabsTab
from zdl_gui.widgets.inline_message import Level
from zdl_gui.workers import Outcome

LONG = 60_000  # ms: generous for a busy machine; waits end as soon as the condition holds

PAGE_INIT, PAGE_BN, PAGE_OVERFIT, PAGE_HP = range(4)


@pytest.fixture
def open_tab(open_with_data):
    """Open a new LabsTab with its built-in data loaded."""
    return lambda: open_with_data(LabsTab)


@pytest.fixture
def tab(open_tab, clean_shutdown):
    """The labs with the built-in digits loaded; fails the test if shutdown() leaves a worker
    thread running or a timer active."""
    widget = open_tab()
    yield widget
    clean_shutdown(widget)


@pytest.fixture(scope="module")
def digits():
    return load_digits()


def choose(combo, key):
    index = combo.findData(key)
    assert index >= 0, key
    combo.setCurrentIndex(index)


def type_into(qtbot, line_edit, text):
    line_edit.setFocus()
    line_edit.selectAll()
    qtbot.keyClick(line_edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(line_edit, text)
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)


def click(qtbot, button):
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def wait_idle(qtbot, runner):
    qtbot.waitUntil(lambda: not runner.active, timeout=LONG)


def points(item):
    """(x, y) handed to a scatter, as lists (empty when it shows nothing)."""
    x, y = item.getOriginalDataset()
    return ([] if x is None else list(x)), ([] if y is None else list(y))


def table_texts(table):
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


# --- §6.2 initial weights: histograms ------------------------------------------------------------


def show_histograms(qtbot, tab, activation, init):
    view = tab.init_page.histograms
    choose(view.activation_combo, activation)
    choose(view.init_combo, init)
    wanted = float(init) if init not in ("xavier", "he", "custom") else init

    def arrived():
        e = view.experiment
        return (
            e is not None
            and e.activation == activation
            and (init == "custom" or e.init == wanted)
            and not view.runner.active
        )

    qtbot.waitUntil(arrived, timeout=LONG)
    return view


@pytest.mark.parametrize(
    ("activation", "init", "verdict"),
    [
        ("sigmoid", "1", "Saturated"),
        ("sigmoid", "0.01", "Collapsed"),
        ("sigmoid", "xavier", "Healthy"),
        ("relu", "he", "Healthy"),
        ("relu", "xavier", "Shrinking"),
        ("tanh", "1", "Saturated"),
    ],
)
def test_histograms_show_what_core_computes(qtbot, tab, activation, init, verdict):
    tab.seed_spin.setValue(3)
    view = show_histograms(qtbot, tab, activation, init)
    expected = activation_experiment(
        activation, init if init in ("xavier", "he") else float(init), seed=3
    )
    for bar, layer in zip(view.bars, expected.layers, strict=True):
        x, y = bar.getOriginalDataset()
        np.testing.assert_array_equal(y, layer.histogram.counts)
        np.testing.assert_allclose(x, layer.histogram.edges)
    assert view.verdict_label.text().startswith(verdict)
    rows = table_texts(view.table)
    assert [r[0] for r in rows] == ["1", "2", "3", "4", "5"]
    assert rows[-1][3] == f"{expected.layers[-1].std:.3g}"
    assert "seed 3" in view.status.text()


def test_sigmoid_std_1_piles_up_at_the_ends_and_001_in_the_middle(qtbot, tab):
    view = show_histograms(qtbot, tab, "sigmoid", "1")
    _x, y = view.bars[-1].getOriginalDataset()
    assert (y[:3].sum() + y[-3:].sum()) / y.sum() > 0.6  # the U of Fig. 6-10
    view = show_histograms(qtbot, tab, "sigmoid", "0.01")
    x, y = view.bars[-1].getOriginalDataset()
    middle = (x[:-1] >= 0.4) & (x[1:] <= 0.6)
    assert y[middle].sum() == y.sum()  # the spike at 0.5 of Fig. 6-11


def test_a_bad_std_is_explained_and_the_last_result_stays_marked_stale(qtbot, tab):
    view = show_histograms(qtbot, tab, "tanh", "xavier")
    before = view.bars[0].getOriginalDataset()[1].copy()
    choose(view.init_combo, "custom")
    assert view.std_edit.isEnabled()
    for bad in ("0", "-0.5", "abc", "", "nan"):
        type_into(qtbot, view.std_edit, bad)
        assert view.std_message.isVisible(), bad
        assert view.std_message.level is Level.ERROR
        assert view.stale and "last valid setting" in view.status.text()
        assert view.runner.worker is None  # nothing on its way can un-mark the stale plots
        np.testing.assert_array_equal(view.bars[0].getOriginalDataset()[1], before)
    assert "Equal weights" in view.std_message.message or "one number" in view.std_message.message
    type_into(qtbot, view.std_edit, "0")
    assert "never become different" in view.std_message.message
    type_into(qtbot, view.std_edit, "0.2")
    qtbot.waitUntil(lambda: not view.stale and view.experiment.init == 0.2, timeout=LONG)
    assert not view.std_message.isVisible()


def test_the_seed_recomputes_the_histograms(qtbot, tab):
    view = show_histograms(qtbot, tab, "relu", "he")
    first = view.experiment
    tab.seed_spin.setValue(tab.seed_spin.value() + 1)
    qtbot.waitUntil(lambda: view.experiment is not first and not view.runner.active, timeout=LONG)
    assert view.experiment.seed == tab.seed_spin.value()


# --- §6.2.1 equal weights ---------------------------------------------------------------------------


def test_equal_weights_keep_every_hidden_unit_identical(qtbot, tab):
    tab.init_page.views.setCurrentIndex(1)
    view = tab.init_page.symmetry
    type_into(qtbot, view.value_edit, "0")
    view.steps_spin.setValue(6)
    demo = symmetry_demo(0.0, steps=6, lr=view.lr_spin.value())
    assert (
        "max difference between units = 0 (all 5 hidden units identical)"
        in view.result_label.text()
    )
    rows = table_texts(view.table)
    assert len(rows) == 5 and all(row[1:] == rows[0][1:] for row in rows)
    assert rows[0][1:] == [f"{w:.4g}" for w in demo.steps[6].W1[:, 0]]
    assert rows[0][1] != "0"  # the weights did move
    random_rows = table_texts(view.random_table)
    assert random_rows[0][1:] != random_rows[1][1:]
    _x, y = view.equal_curve.getOriginalDataset()
    assert list(y) == [0.0] * 7
    assert min(view.random_curve.getOriginalDataset()[1]) > 0
    view.show_spin.setValue(0)
    assert "After update 0" in view.result_label.text()
    assert table_texts(view.table)[0][1:] == ["0"] * 4


def test_a_constant_other_than_zero_is_just_as_symmetric_and_bad_text_is_explained(qtbot, tab):
    tab.init_page.views.setCurrentIndex(1)
    view = tab.init_page.symmetry
    type_into(qtbot, view.value_edit, "0.3")
    assert "(all 5 hidden units identical)" in view.result_label.text()
    type_into(qtbot, view.value_edit, "zero")
    assert view.value_message.isVisible() and "one number" in view.value_message.message
    assert not view.table.isEnabled()
    type_into(qtbot, view.value_edit, "0")
    assert not view.value_message.isVisible() and view.table.isEnabled()


# --- Fig. 6-15: the three inits trained ----------------------------------------------------------


def test_the_init_comparison_runs_to_the_end_as_core_trains(qtbot, tab, digits):
    tab.init_page.views.setCurrentIndex(2)
    view = tab.init_page.comparison
    view.iterations_spin.setValue(30)
    tab.seed_spin.setValue(2)
    click(qtbot, view.controls.start_button)
    assert view.controls.stop_button.isEnabled() and not view.controls.start_button.isEnabled()
    wait_idle(qtbot, view.runner)
    configs = init_comparison_configs(iterations=30, seed=2)
    data = (*digits.train, *digits.test, 10)
    for curve, history, config in zip(view.curves, view.histories, configs, strict=True):
        expected = [s.loss for s in prepare_trainer(config, *data).steps()]
        np.testing.assert_allclose(history.column("loss"), expected)
        x, _y = curve.getOriginalDataset()
        assert len(x) == 30
    assert view.controls.progress.value() == view.controls.progress.maximum()
    assert "Update 30 of 30" in view.controls.status.text()
    assert "He: loss" in view.summary.text()
    header, rows = tab.table_for_export()
    assert header[0] == "iteration" and len(rows) == 30
    assert tab.plot_for_export() is view.plot.plotItem


def test_stopping_the_comparison_mid_run(qtbot, tab):
    tab.init_page.views.setCurrentIndex(2)
    view = tab.init_page.comparison
    view.iterations_spin.setValue(100_000)
    click(qtbot, view.controls.start_button)
    worker = view.runner.worker
    qtbot.waitUntil(lambda: min(len(h) for h in view.histories) > 5, timeout=LONG)
    with qtbot.waitSignal(worker.done, timeout=10_000) as done:
        click(qtbot, view.controls.stop_button)
    assert done.args == [Outcome.STOPPED]
    qtbot.waitUntil(worker.isFinished, timeout=5000)
    assert "Stopped after" in view.controls.message.message
    assert view.controls.start_button.isEnabled()
    assert len(view.curves[0].getOriginalDataset()[0]) == len(view.histories[0])


# --- §6.3 batch normalization ------------------------------------------------------------------------


def test_the_grid_fills_cell_by_cell_and_matches_core(qtbot, tab, digits):
    tab.pages.setCurrentIndex(PAGE_BN)
    view = tab.batchnorm_page.grid
    view.scales_spin.setValue(2)
    view.epochs_spin.setValue(2)
    view.samples_spin.setValue(200)
    assert len(view.cell_plots) == 2
    click(qtbot, view.controls.start_button)
    wait_idle(qtbot, view.runner)
    cells = grid_cells([1.0, 1e-4], epochs=2, seed=tab.seed_spin.value())
    expected = {}
    for record in run_grid(cells, digits.x_train[:200], digits.t_train[:200], *digits.test, 10):
        if record.step.train_acc is not None:
            expected.setdefault((record.cell, record.batchnorm), []).append(record.step.train_acc)
    for key, accuracies in expected.items():
        _x, y = view.cell_curves[key].getOriginalDataset()
        np.testing.assert_allclose(y, accuracies)
    xs, ys = view.summary_bn.getOriginalDataset()
    np.testing.assert_allclose(xs, [1.0, 1e-4])
    np.testing.assert_allclose(ys, [expected[(0, True)][-1], expected[(1, True)][-1]])
    assert "2 of 2 cells done" in view.controls.status.text()
    header, rows = tab.table_for_export()
    assert header == ["weight_std", "batchnorm", "epoch", "train_acc", "test_acc"]
    assert len(rows) == sum(len(v) for v in expected.values())
    assert tab.plot_for_export() is view.summary_plot.plotItem


def test_the_grid_stops_mid_run(qtbot, tab):
    tab.pages.setCurrentIndex(PAGE_BN)
    view = tab.batchnorm_page.grid
    view.scales_spin.setValue(16)
    click(qtbot, view.controls.start_button)
    worker = view.runner.worker
    qtbot.waitUntil(lambda: len(view.histories[(0, True)]) > 3, timeout=LONG)
    with qtbot.waitSignal(worker.done, timeout=10_000) as done:
        click(qtbot, view.controls.stop_button)
    assert done.args == [Outcome.STOPPED]
    assert "Stopped after" in view.controls.message.message
    assert not view.controls.stop_button.isEnabled()


def test_after_batch_norm_the_means_are_0_and_the_variances_1(qtbot, tab, digits):
    tab.pages.setCurrentIndex(PAGE_BN)
    tab.batchnorm_page.views.setCurrentIndex(1)
    view = tab.batchnorm_page.stats
    view.features_spin.setValue(6)
    view.batch_spin.setValue(50)
    batch = preactivation_batch(
        digits.x_train, n_features=6, batch_size=50, seed=tab.seed_spin.value()
    )
    expected = batchnorm_statistics(batch)
    rows = table_texts(view.table)
    assert len(rows) == 6
    for row, mean_before, var_after in zip(
        rows, expected.mean_before, expected.var_after, strict=True
    ):
        assert row[1] == f"{mean_before:.4g}"
        assert abs(float(row[3])) < 1e-12  # mean after ≈ 0
        assert float(row[4]) == pytest.approx(1.0, abs=1e-6) and row[4] == f"{var_after:.8g}"
    _x, heights = view.bars["var_after"].opts["x"], view.bars["var_after"].opts["height"]
    np.testing.assert_allclose(heights, expected.var_after)
    view.gamma_spin.setValue(2.0)
    view.beta_spin.setValue(-1.0)
    rows = table_texts(view.table)
    assert all(
        float(r[3]) == pytest.approx(-1.0) and float(r[4]) == pytest.approx(4.0, abs=1e-5)
        for r in rows
    )
    assert "variance γ² = 4" in view.result_label.text()
    header, export = tab.table_for_export()
    assert header[0] == "feature" and len(export) == 6
    assert tab.plot_for_export() is view.var_plot.plotItem


# --- §6.4 overfitting ------------------------------------------------------------------------------


def test_an_overfitting_run_shows_train_and_test_as_core_computes(qtbot, tab, digits):
    tab.pages.setCurrentIndex(PAGE_OVERFIT)
    page = tab.overfit_page
    page.samples_spin.setValue(120)
    page.layers_spin.setValue(2)
    page.epochs_spin.setValue(6)
    page.lambda_spin.setValue(0.1)
    click(qtbot, page.controls.start_button)
    wait_idle(qtbot, page.runner)
    config = overfit_config(weight_decay=0.1, hidden_layers=2, epochs=6, seed=tab.seed_spin.value())
    x, t = small_training_set(digits.x_train, digits.t_train, 120)
    steps = [s for s in run_overfit(config, x, t, *digits.test, 10) if s.train_acc is not None]
    run = page.runs[-1]
    np.testing.assert_allclose(
        run.train_curve.getOriginalDataset()[1], [s.train_acc for s in steps]
    )
    np.testing.assert_allclose(run.test_curve.getOriginalDataset()[1], [s.test_acc for s in steps])
    row = table_texts(page.runs_table)[-1]
    assert row[0] == "λ = 0.1, no dropout"
    assert (
        row[2] == f"{100 * steps[-1].train_acc:.1f} %"
        and row[3] == f"{100 * steps[-1].test_acc:.1f} %"
    )
    header, rows = tab.table_for_export()
    assert header[3:] == ["epoch", "train_acc", "test_acc"] and len(rows) == len(steps)


def test_the_books_three_runs_go_one_after_another_and_can_be_stopped(qtbot, tab):
    tab.pages.setCurrentIndex(PAGE_OVERFIT)
    page = tab.overfit_page
    page.samples_spin.setValue(100)
    page.layers_spin.setValue(1)
    page.epochs_spin.setValue(3)
    click(qtbot, page.book_button)
    wait_idle(qtbot, page.runner)
    labels = [r[0] for r in table_texts(page.runs_table)]
    assert labels == ["λ = 0, no dropout", "λ = 0.1, no dropout", "λ = 0, dropout 0.2"]
    click(qtbot, page.clear_button)
    assert page.runs == [] and page.runs_table.rowCount() == 0
    page.epochs_spin.setValue(5000)
    click(qtbot, page.controls.start_button)
    worker = page.runner.worker
    qtbot.waitUntil(lambda: bool(page.runs) and len(page.runs[0].history) > 5, timeout=LONG)
    with qtbot.waitSignal(worker.done, timeout=10_000) as done:
        click(qtbot, page.controls.stop_button)
    assert done.args == [Outcome.STOPPED] and "Stopped after" in page.controls.message.message


def test_book_dropout_beside_inverted_dropout(qtbot, tab):
    page = tab.overfit_page
    page.dropout_check.setChecked(True)
    page.dropout_spin.setValue(0.2)
    rows = table_texts(page.dropout_table)
    book, inverted, unscaled = rows
    assert book[1:3] == ["x · mask", "x · 0.8"]
    assert inverted[1:3] == ["x · mask / 0.8", "x"]
    assert unscaled[1:3] == ["x · mask", "x"]
    assert book[5].startswith("1 ") and book[5].endswith("✓")
    assert inverted[5].endswith("✓")
    assert unscaled[5].startswith("1.25") and unscaled[5].endswith("✗")
    assert abs(float(book[3]) - 0.8) < 0.01 and abs(float(inverted[3]) - 1.0) < 0.01
    page.dropout_spin.setValue(0.5)
    assert table_texts(page.dropout_table)[2][5].startswith("2 ")


# --- §6.5 hyper-parameter search ---------------------------------------------------------------------


def configure_search(page, *, trials=3, epochs=2, samples=200):
    page.trials_spin.setValue(trials)
    page.epochs_spin.setValue(epochs)
    page.samples_spin.setValue(samples)
    page.layers_spin.setValue(2)


def test_a_search_ranks_its_trials_by_validation_accuracy_from_core(qtbot, tab, digits):
    tab.pages.setCurrentIndex(PAGE_HP)
    page = tab.hyperparam_page
    configure_search(page)
    click(qtbot, page.controls.start_button)
    wait_idle(qtbot, page.runner)
    seed = tab.seed_spin.value()
    data = search_data(digits.x_train, digits.t_train, 10, n_samples=200, seed=seed)
    trials = sample_trials(3, LogRange(-6, -2), LogRange(-8, -4), seed=seed)
    expected = [
        r
        for r in run_search(trials, data, epochs=2, hidden_layers=2, seed=seed)
        if isinstance(r, TrialResult)
    ]
    assert [r.val_acc for r in page.results] == pytest.approx(
        [r.val_acc for r in expected], nan_ok=True
    )
    rows = table_texts(page.table)
    assert [r[0] for r in rows] == ["1", "2", "3"]
    best = max(expected, key=lambda r: r.val_acc)
    assert rows[0][1] == f"{100 * best.val_acc:.1f} %" and rows[0][3] == f"{best.trial.lr:.3g}"
    # the validation data is carved from the training set: indices into it, disjoint from train
    assert np.intersect1d(page.data.validation_indices, page.data.train_indices).size == 0
    assert page.data.validation_indices.max() < 200
    assert (
        "160 training, 40 validation samples (from the training set)" in page.controls.status.text()
    )
    xs, ys = points(page.points)
    assert len(xs) + len(points(page.failed_points)[0]) == 3
    finite = [r for r in expected if r.val_acc == r.val_acc]
    assert sorted(xs) == pytest.approx(sorted(r.trial.lr for r in finite))
    assert sorted(ys) == pytest.approx(sorted(r.trial.weight_decay for r in finite))
    header, export = tab.table_for_export()
    assert header[:2] == ["rank", "trial"] and len(export) == 3
    assert tab.plot_for_export() is page.plot.plotItem


def test_narrowing_sets_the_ranges_from_the_best_and_searches_again(qtbot, tab):
    tab.pages.setCurrentIndex(PAGE_HP)
    page = tab.hyperparam_page
    configure_search(page, trials=4)
    page.lr_low.setValue(-3)
    page.lr_high.setValue(-1)
    page.top_spin.setValue(2)
    click(qtbot, page.controls.start_button)
    wait_idle(qtbot, page.runner)
    first_round = list(page.results)
    narrowed = narrow_ranges(first_round, 2)
    click(qtbot, page.narrow_button)
    assert page.lr_low.value() == pytest.approx(round(narrowed.lr.low, 2))
    assert page.wd_high.value() == pytest.approx(round(narrowed.weight_decay.high, 2))
    assert "Round 2" in page.controls.message.message
    wait_idle(qtbot, page.runner)
    assert len(page.results) == 8
    second = [r for r in page.results if r.trial.round == 1]
    assert len(second) == 4
    for result in second:
        assert LogRange(page.lr_low.value(), page.lr_high.value()).contains(result.trial.lr)
    shown = [len(points(item)[0]) for item in (page.earlier, page.points, page.failed_points)]
    assert sum(shown) == 8 and shown[0] + shown[2] >= 4
    assert [r[5] for r in table_texts(page.table)].count("2") == 4


def test_an_empty_range_is_explained_and_nothing_starts(qtbot, tab):
    tab.pages.setCurrentIndex(PAGE_HP)
    page = tab.hyperparam_page
    page.lr_low.setValue(-2)
    page.lr_high.setValue(-3)
    assert page.lr_message.isVisible() and "empty" in page.lr_message.message
    click(qtbot, page.controls.start_button)
    assert not page.runner.active and page.runner.worker is None
    assert "Fix the ranges" in page.controls.message.message
    page.wd_low.setValue(-4)  # equal exponents: empty too
    assert page.wd_message.isVisible()
    click(qtbot, page.book_ranges_button)
    assert not page.lr_message.isVisible() and not page.wd_message.isVisible()
    assert (page.lr_low.value(), page.lr_high.value()) == (-6, -2)


def test_the_search_stops_mid_run(qtbot, tab):
    tab.pages.setCurrentIndex(PAGE_HP)
    page = tab.hyperparam_page
    configure_search(page, trials=50, epochs=500, samples=500)
    click(qtbot, page.controls.start_button)
    worker = page.runner.worker
    qtbot.waitUntil(lambda: page.progress is not None and page.progress.iteration > 3, timeout=LONG)
    with qtbot.waitSignal(worker.done, timeout=10_000) as done:
        click(qtbot, page.controls.stop_button)
    assert done.args == [Outcome.STOPPED]
    assert "Stopped after 0 of 50 trials" in page.controls.message.message


# --- the runner ---------------------------------------------------------------------------------


def test_a_runner_passes_on_only_the_current_jobs_messages(qtbot):
    """A replaced job's late items and its end never reach the page; when the page hears ``done``
    the runner is already inactive (so a test or a page waiting on ``active`` sees the page's
    final state, never half of it)."""
    runner = LabRunner("test")
    heard: list[tuple[str, object]] = []
    seen_active: list[bool] = []

    def slow(worker):
        for i in range(1000):
            worker.checkpoint()
            time.sleep(0.005)
            yield ("old", i)

    def quick(_worker):
        yield from (("new", i) for i in range(3))

    def on_done(outcome):
        seen_active.append(runner.active)
        heard.append(("done", outcome))

    runner.start(slow, items=lambda batch: heard.extend(("item", x) for x in batch), done=on_done)
    qtbot.waitUntil(lambda: len(heard) > 0, timeout=LONG)
    old = runner.worker
    runner.start(quick, items=lambda batch: heard.extend(("item", x) for x in batch), done=on_done)
    qtbot.waitUntil(lambda: not runner.active, timeout=LONG)
    qtbot.waitUntil(old.isFinished, timeout=LONG)
    qtbot.wait(100)  # anything the old worker still sent has been delivered by now
    after = heard[heard.index(("item", ("new", 0))) :]
    assert after == [("item", ("new", i)) for i in range(3)] + [("done", Outcome.FINISHED)]
    assert seen_active == [False]
    runner.retire()


# --- the tab as a whole ---------------------------------------------------------------------------


def test_closing_with_every_lab_running_is_fast_and_leaves_nothing(qtbot, open_tab, clean_shutdown):
    widget = open_tab()
    widget.init_page.comparison.iterations_spin.setValue(100_000)
    widget.init_page.comparison.start()
    widget.batchnorm_page.grid.start()
    widget.overfit_page.epochs_spin.setValue(5000)
    widget.overfit_page.start()
    widget.hyperparam_page.trials_spin.setValue(100)
    widget.hyperparam_page.start()
    qtbot.waitUntil(
        lambda: (
            len(widget.init_page.comparison.histories[0]) > 0
            and any(len(h) for h in widget.batchnorm_page.grid.histories.values())
            and bool(widget.overfit_page.runs)
            and widget.hyperparam_page.progress is not None
        ),
        timeout=LONG,
    )  # every lab is inside its training loop
    assert len(widget.context.running_workers()) >= 4
    start = time.perf_counter()
    clean_shutdown(widget)  # stops every worker, then checks none is left
    assert time.perf_counter() - start < 2.5
    widget.close()


def test_exports_write_a_png_of_each_pages_plot(qtbot, tab, tmp_path):
    for page in range(4):
        tab.pages.setCurrentIndex(page)
        plot = tab.plot_for_export()
        assert plot is not None
        target = tmp_path / f"page{page}.png"
        export_plot(plot, target)
        assert target.stat().st_size > 1000
    tab.pages.setCurrentIndex(PAGE_INIT)
    tab.init_page.views.setCurrentIndex(0)
    qtbot.waitUntil(lambda: tab.init_page.histograms.experiment is not None, timeout=LONG)
    header, rows = tab.table_for_export()
    assert header == ["layer", "bin_from", "bin_to", "count"] and len(rows) == 5 * 30
    tab.init_page.views.setCurrentIndex(1)
    header, rows = tab.table_for_export()
    assert header[0] == "update" and all(r[2] == 0 for r in rows)


def test_settings_are_remembered(qtbot, tab, open_tab):
    tab.seed_spin.setValue(11)
    tab.pages.setCurrentIndex(PAGE_HP)
    choose(tab.init_page.histograms.activation_combo, "tanh")
    choose(tab.init_page.histograms.init_combo, "custom")
    type_into(qtbot, tab.init_page.histograms.std_edit, "0.07")
    tab.batchnorm_page.grid.scales_spin.setValue(9)
    tab.overfit_page.lambda_spin.setValue(0.1)
    tab.hyperparam_page.lr_low.setValue(-4.5)
    tab.hyperparam_page.trials_spin.setValue(12)
    tab.shutdown()
    again = open_tab()
    try:
        assert again.seed_spin.value() == 11
        assert again.pages.currentIndex() == PAGE_HP
        assert again.init_page.histograms.activation_combo.currentData() == "tanh"
        assert again.init_page.histograms.std_edit.text() == "0.07"
        assert again.batchnorm_page.grid.scales_spin.value() == 9
        assert len(again.batchnorm_page.grid.cell_plots) == 9
        assert again.overfit_page.lambda_spin.value() == 0.1
        assert again.hyperparam_page.lr_low.value() == -4.5
        assert again.hyperparam_page.trials_spin.value() == 12
        qtbot.waitUntil(lambda: again.init_page.histograms.experiment is not None, timeout=LONG)
        assert again.init_page.histograms.experiment.init == 0.07
        assert again.init_page.histograms.experiment.seed == 11
    finally:
        again.shutdown()


# --- MNIST -----------------------------------------------------------------------------------------


def write_tiny_mnist(path):
    rng = np.random.default_rng(0)
    parts = {
        "train_img": rng.integers(0, 256, (60, 784), dtype=np.uint8),
        "train_label": np.arange(60, dtype=np.uint8) % 10,
        "test_img": rng.integers(0, 256, (20, 784), dtype=np.uint8),
        "test_label": np.arange(20, dtype=np.uint8) % 10,
    }
    with open(path, "wb") as f:
        pickle.dump(parts, f)


def test_mnist_files_are_loaded_remembered_and_used(qtbot, tab, tmp_path):
    write_tiny_mnist(tmp_path / "mnist.pkl")
    tab.use_files(str(tmp_path / "mnist.pkl"))
    qtbot.waitUntil(lambda: tab.data is not None and tab.data.dataset.name == "MNIST", timeout=LONG)
    assert tab.source_combo.currentData() == "mnist" and tab.path_edit.isVisible()
    assert "MNIST: 60 training, 20 test samples" in tab.data_info.text()
    assert tab.settings.value("tabs/labs/mnist_path", "") == str(tmp_path / "mnist.pkl")
    page = tab.overfit_page
    page.samples_spin.setValue(40)
    page.layers_spin.setValue(1)
    page.epochs_spin.setValue(2)
    click(qtbot, page.controls.start_button)
    wait_idle(qtbot, page.runner)
    assert page.runs[-1].history.n_evaluations == 2
    page.samples_spin.setValue(300)  # more than the 60 this file holds
    click(qtbot, page.controls.start_button)
    assert "only 60 training samples" in page.controls.message.message
    tab.pages.setCurrentIndex(PAGE_BN)
    tab.batchnorm_page.views.setCurrentIndex(1)
    stats = tab.batchnorm_page.stats
    assert stats.table.rowCount() == stats.features_spin.value()  # from the MNIST batch
    stats.batch_spin.setValue(100)
    assert stats.message.isVisible() and "at most 60" in stats.message.message


def test_a_corrupt_file_gives_a_message_and_mnist_without_files_asks_for_them(
    qtbot, tab, tmp_path, monkeypatch
):
    broken = tmp_path / "mnist.pkl"
    broken.write_bytes(b"not a pickle" * 20)
    tab.use_files(str(broken))
    qtbot.waitUntil(lambda: tab.data_message.isVisible(), timeout=LONG)
    assert tab.data_message.level is Level.ERROR and "mnist.pkl" in tab.data_message.message
    assert "Traceback" not in tab.data_message.message
    assert tab.data is None
    assert not tab.overfit_page.controls.start_button.isEnabled()
    # back to the digits, then pick MNIST with no files anywhere: a file dialog is offered
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path / "..")
    tab.settings.set_value("tabs/labs/mnist_path", "")
    choose(tab.source_combo, "digits")
    qtbot.waitUntil(lambda: tab.data is not None, timeout=LONG)
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: asked.append(a) or ("", ""))
    index = tab.source_combo.findData("mnist")
    tab.source_combo.setCurrentIndex(index)
    tab.source_combo.activated.emit(index)
    assert (
        tab.data_message.level is Level.WARNING
        and "No MNIST files found" in tab.data_message.message
    )
    assert asked, "the file dialog was not offered"
