"""The training dashboard driven through its widgets: runs, pause, stop, divergence, data, files."""

from __future__ import annotations

import gzip
import math
import os
import pickle
import subprocess
import sys
import time

import numpy as np
import pytest
from PySide6.QtCore import Qt

from core.datasets import load_digits
from core.trainer import StopReason
from core.training_runs import RunConfig, build_network, build_trainer, loss_evaluations_per_step
from zdl_gui.tabs.training_tab import PAGE_BOUNDARY, PAGE_INSIDE, PAGE_PREDICTIONS, TrainingTab
from zdl_gui.widgets.inline_message import Level
from zdl_gui.workers import Outcome

LONG = 30_000  # ms: generous for a busy CI machine; waits end as soon as the condition holds


@pytest.fixture
def open_tab(open_with_data):
    """Open a new TrainingTab with its built-in data loaded."""
    return lambda: open_with_data(TrainingTab)


@pytest.fixture
def tab(open_tab, clean_shutdown):
    """A dashboard with the built-in digits loaded; fails the test if shutdown() leaves a worker
    thread running or a timer active."""
    widget = open_tab()
    yield widget
    clean_shutdown(widget)


def choose(combo, key):
    index = combo.findData(key)
    assert index >= 0, key
    combo.setCurrentIndex(index)


def type_into(qtbot, line_edit, text):
    line_edit.selectAll()
    qtbot.keyClick(line_edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(line_edit, text)


def configure(qtbot, tab, *, iterations=None, epochs=None, lr=None, optimizer=None, hidden=None,
              model=None, activation=None, seed=None, method=None, init=None, batch=None):  # fmt: skip
    s = tab.setup
    if model is not None:
        choose(s.model_combo, model)
    if hidden is not None:
        type_into(qtbot, s.hidden_edit, hidden)
    if activation is not None:
        choose(s.activation_combo, activation)
    if init is not None:
        choose(s.init_combo, init)
    if optimizer is not None:
        choose(s.optimizer_combo, optimizer)
    if lr is not None:
        type_into(qtbot, s.lr_edit, lr)
    if batch is not None:
        s.batch_spin.setValue(batch)
    if iterations is not None:
        choose(s.unit_combo, "iterations")
        s.length_spin.setValue(iterations)
    if epochs is not None:
        choose(s.unit_combo, "epochs")
        s.length_spin.setValue(epochs)
    if seed is not None:
        s.seed_spin.setValue(seed)
    if method is not None:
        choose(s.method_combo, method)


def click(qtbot, button):
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def run_to_end(qtbot, tab):
    click(qtbot, tab.start_button)
    qtbot.waitUntil(lambda: tab.state == "idle", timeout=LONG)
    evaluation = tab.worker("eval")
    if evaluation is not None:
        qtbot.waitUntil(evaluation.isFinished, timeout=LONG)
    return tab.current_run


def curve_data(item):
    """(x, y) handed to a curve. getData() would give what is drawn: clipped to the view and
    downsampled to the pixels, which for a run planned 100 000 updates long is a few points."""
    return item.getOriginalDataset()


def curve_y(item):
    return curve_data(item)[1]


# --- a run from start to end --------------------------------------------------------------------


def test_a_short_seeded_run_finishes_and_shows_what_it_did(qtbot, tab):
    configure(qtbot, tab, iterations=60, seed=3, init="he")
    run = run_to_end(qtbot, tab)
    assert len(run.history) == 60 and run.history.stop_reason is StopReason.FINISHED
    # the curve is exactly what core's Trainer yields for these settings
    digits = load_digits()
    config = RunConfig(weight_init="he", length=60, length_unit="iterations", seed=3)
    network = build_network(config, 64, 10)
    expected = [r.loss for r in build_trainer(config, network, *digits.train, *digits.test).steps()]
    x, y = curve_data(run.loss_raw)
    np.testing.assert_array_equal(x, np.arange(1, 61))
    np.testing.assert_allclose(y, expected)
    assert curve_y(run.loss_smooth)[-1] < expected[0]  # it learned
    assert tab.progress.value() == tab.progress.maximum()
    assert "Update 60 / 60" in tab.progress_label.text()
    assert tab.run_message.level is Level.INFO and "Finished 60 updates" in tab.run_message.message
    accuracy = run.history.eval_column("test_acc")[-1]
    assert f"{100 * accuracy:.1f} %" in tab.run_message.message
    assert tab.setup.model_box.isEnabled()  # unlocked again after the run
    assert tab.start_button.isEnabled() and not tab.stop_button.isEnabled()


def test_same_seed_same_curve_and_runs_are_overlaid_with_what_differed(qtbot, tab):
    configure(qtbot, tab, iterations=40, seed=1)
    first = run_to_end(qtbot, tab)
    second = run_to_end(qtbot, tab)
    np.testing.assert_array_equal(curve_y(first.loss_raw), curve_y(second.loss_raw))
    assert [r.label for r in tab.curves.runs] == ["Run 1", "Run 2"]
    configure(qtbot, tab, optimizer="Adam", lr="0.001")
    third = run_to_end(qtbot, tab)
    labels = [r.label for r in tab.curves.runs]
    assert labels == ["Run 1: SGD, lr 0.1", "Run 2: SGD, lr 0.1", "Run 3: Adam, lr 0.001"]
    assert [tab.curves.runs_list.item(i).text() for i in range(3)] == labels
    shown = tab.curves.loss_plot.plotItem.listDataItems()
    assert all(run.loss_smooth in shown for run in (first, second, third))
    legend = [label.text for _, label in tab.curves.loss_legend.items]
    assert legend == labels
    # remove the first two: the overlay and its label go, the labels shorten
    tab.curves.runs_list.item(0).setSelected(True)
    tab.curves.runs_list.item(1).setSelected(True)
    click(qtbot, tab.curves.remove_button)
    assert tab.curves.runs == [third]
    assert first.loss_smooth not in tab.curves.loss_plot.plotItem.listDataItems()
    assert third.label == "Run 3"


def test_pause_holds_the_records_and_resume_goes_on(qtbot, tab):
    configure(qtbot, tab, iterations=100_000)
    choose(tab.pace_combo, "slow")
    click(qtbot, tab.start_button)
    worker = tab.train_worker
    qtbot.waitUntil(lambda: len(tab.current_run.history) > 5, timeout=LONG)
    with qtbot.waitSignal(worker.paused, timeout=5000):
        click(qtbot, tab.pause_button)
    assert tab.state == "paused" and tab.pause_button.text() == "Resume"
    count = len(tab.current_run.history)
    qtbot.assertNotEmitted(worker.items, wait=400)
    assert len(tab.current_run.history) == count
    assert "(paused)" in tab.progress_label.text()
    assert tab.setup.save_button.isEnabled()  # paused between updates: the weights are whole
    click(qtbot, tab.pause_button)
    assert tab.state == "running" and tab.pause_button.text() == "Pause"
    qtbot.waitUntil(lambda: len(tab.current_run.history) > count + 5, timeout=LONG)
    np.testing.assert_array_equal(
        tab.current_run.history.column("iteration"), np.arange(1, len(tab.current_run.history) + 1)
    )


def test_stop_ends_the_run_and_keeps_its_curves(qtbot, tab):
    configure(qtbot, tab, iterations=100_000)
    click(qtbot, tab.start_button)
    worker = tab.train_worker
    qtbot.waitUntil(lambda: len(tab.current_run.history) > 30, timeout=LONG)
    with qtbot.waitSignal(worker.done, timeout=5000) as done:
        click(qtbot, tab.stop_button)
    assert done.args == [Outcome.STOPPED]
    qtbot.waitUntil(lambda: tab.state == "idle")
    n = len(tab.current_run.history)
    assert "Stopped after" in tab.run_message.message and "100,000" in tab.run_message.message
    assert len(curve_y(tab.current_run.loss_raw)) == n
    assert tab.start_button.isEnabled() and tab.setup.model_box.isEnabled()


def test_single_step_does_one_update_at_a_time(qtbot, tab):
    configure(qtbot, tab, iterations=1000)
    click(qtbot, tab.step_button)
    qtbot.waitUntil(lambda: tab.current_run is not None and len(tab.current_run.history) == 1)
    worker = tab.train_worker
    qtbot.waitUntil(lambda: worker.paused_at is not None)
    assert tab.state == "paused" and tab.pause_button.text() == "Resume"
    qtbot.assertNotEmitted(worker.items, wait=200)
    assert len(tab.current_run.history) == 1
    click(qtbot, tab.step_button)
    qtbot.waitUntil(lambda: len(tab.current_run.history) == 2)
    assert tab.current_run.history.column("iteration").tolist() == [1.0, 2.0]
    tab.pages.setCurrentIndex(PAGE_INSIDE)  # every single step brings a fresh look inside
    qtbot.waitUntil(lambda: tab.inspector.status.text().startswith("After 2 updates"))


def test_closing_mid_run_is_fast_and_leaves_nothing_running(qtbot, open_tab, clean_shutdown):
    widget = open_tab()
    configure(qtbot, widget, iterations=1_000_000)
    click(qtbot, widget.start_button)
    worker = widget.train_worker
    qtbot.waitUntil(lambda: len(widget.current_run.history) > 10, timeout=LONG)
    start = time.perf_counter()
    clean_shutdown(widget)  # stops every worker, then checks none is left
    assert time.perf_counter() - start < 2.0
    assert worker.isFinished()
    widget.close()


# --- when things go wrong ------------------------------------------------------------------------


def test_a_huge_learning_rate_diverges_and_the_dashboard_explains_it(qtbot, tab):
    configure(qtbot, tab, iterations=500, activation="relu", optimizer="SGD", lr="1e300")
    run = run_to_end(qtbot, tab)
    assert run.history.stop_reason is StopReason.DIVERGED
    y = curve_y(run.loss_raw)
    assert len(y) == 2 and math.isfinite(y[0]) and math.isnan(y[-1])  # the curve so far stays
    assert tab.run_message.level is Level.ERROR
    assert "became nan at iteration 2" in tab.run_message.message
    assert "1e+300" in tab.run_message.message and "too large" in tab.run_message.message
    assert "Update 2 / 500" in tab.progress_label.text()
    tab.pages.setCurrentIndex(PAGE_INSIDE)
    qtbot.waitUntil(lambda: "After 2 updates" in tab.inspector.status.text())
    assert "e+29" in tab.inspector.status.text()  # |W| around 1e297: blown up, shown, no crash
    # still usable: a sensible learning rate trains again
    configure(qtbot, tab, lr="0.1", iterations=30)
    again = run_to_end(qtbot, tab)
    assert again.history.stop_reason is StopReason.FINISHED
    assert tab.run_message.level is Level.INFO


def test_a_far_too_large_rate_without_nan_is_flagged_as_not_learning(qtbot, tab):
    # the δ-capped cross-entropy keeps the loss finite: it sits near 0.9 × 16.1 instead of NaN
    configure(qtbot, tab, iterations=400, lr="1000", init="he")
    click(qtbot, tab.start_button)
    note = tab.learning_message
    assert note.level is Level.INFO and "−log(1/10) = 2.303" in note.message
    plot_height = tab.curves.loss_plot.height()
    qtbot.waitUntil(lambda: tab.state == "idle", timeout=LONG)
    run = tab.current_run
    # the warning took the note's room: the plots kept their size (no whole repaint mid-run)
    assert tab.curves.loss_plot.height() == plot_height
    assert run.history.stop_reason is StopReason.FINISHED
    assert tab.learning_message.level is Level.WARNING
    assert "Not learning" in tab.learning_message.message
    assert (
        "16.12" in tab.learning_message.message and "far too large" in tab.learning_message.message
    )


def test_bad_settings_are_marked_next_to_their_field_and_nothing_starts(qtbot, tab):
    configure(qtbot, tab, lr="fast")
    assert tab.setup.lr_message.isVisible()
    assert "greater than 0" in tab.setup.lr_message.message
    click(qtbot, tab.start_button)
    assert tab.state == "idle" and tab.current_run is None
    assert "Fix the settings" in tab.run_message.message
    configure(qtbot, tab, lr="0.1", hidden="50, 50")
    assert not tab.setup.lr_message.isVisible()
    assert "exactly one hidden layer" in tab.setup.hidden_message.message
    configure(qtbot, tab, hidden="50, x")
    assert "whole numbers" in tab.setup.hidden_message.message
    configure(qtbot, tab, model="multi_layer", hidden="100, 100")
    assert not tab.setup.hidden_message.isVisible()
    assert "MultiLayerNet</b> 64-100-100-10" in tab.setup.shapes_label.text()
    assert "<b>17,610</b> parameters" in tab.setup.shapes_label.text()


def test_a_corrupt_mnist_file_gives_a_friendly_message(qtbot, tab, tmp_path):
    broken = tmp_path / "mnist.pkl"
    broken.write_bytes(b"this is not a pickle at all" * 10)
    tab.use_files(str(broken))
    qtbot.waitUntil(lambda: tab.setup.data_message.isVisible(), timeout=LONG)
    message = tab.setup.data_message.message
    assert tab.setup.data_message.level is Level.ERROR
    assert "mnist.pkl" in message and "Choose…" in message
    assert "Traceback" not in message
    assert tab.data is None and not tab.start_button.isEnabled()
    assert tab.setup.source() == "mnist" and tab.setup.path_edit.text() == str(broken)


def test_missing_mnist_files_say_where_they_were_looked_for(qtbot, tab, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    choose(tab.setup.source_combo, "fashion")
    assert tab.setup.data_message.level is Level.WARNING
    assert "No Fashion-MNIST files found" in tab.setup.data_message.message
    assert not tab.start_button.isEnabled()


def test_mnist_files_are_found_loaded_and_remembered(qtbot, tab, tmp_path, monkeypatch):
    # a tiny file in the book's mnist.pkl format, in the book's place (./dataset/mnist.pkl)
    rng = np.random.default_rng(0)
    parts = {
        "train_img": rng.integers(0, 256, (30, 784), dtype=np.uint8),
        "train_label": np.arange(30, dtype=np.uint8) % 10,
        "test_img": rng.integers(0, 256, (10, 784), dtype=np.uint8),
        "test_label": np.arange(10, dtype=np.uint8),
    }
    (tmp_path / "dataset").mkdir()
    with open(tmp_path / "dataset" / "mnist.pkl", "wb") as f:
        pickle.dump(parts, f)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    choose(tab.setup.source_combo, "mnist")
    qtbot.waitUntil(lambda: tab.data is not None and tab.data.dataset.name == "MNIST", timeout=LONG)
    assert "MNIST: 30 training, 10 test samples" in tab.setup.data_info.text()
    assert "784 inputs" in tab.data_view.sizes.text()
    assert tab.settings.value("tabs/training/mnist_path", "") == str(
        tmp_path / "dataset" / "mnist.pkl"
    )
    assert "784-50-10" in tab.setup.shapes_label.text()


def write_idx(path, array):
    """An MNIST IDX file (gzipped): magic 0x0000080n, the sizes, then the bytes (§3.6.1)."""
    header = bytes([0, 0, 8, array.ndim]) + b"".join(int(n).to_bytes(4, "big") for n in array.shape)
    with gzip.open(path, "wb") as f:
        f.write(header + array.astype(np.uint8).tobytes())


def test_choosing_one_idx_file_loads_its_folder_as_fashion_mnist(qtbot, tab, tmp_path):
    rng = np.random.default_rng(1)
    for prefix, n in (("train", 20), ("t10k", 10)):
        write_idx(tmp_path / f"{prefix}-images-idx3-ubyte.gz", rng.integers(0, 256, (n, 28, 28)))
        write_idx(tmp_path / f"{prefix}-labels-idx1-ubyte.gz", np.arange(n) % 10)
    choose(tab.setup.source_combo, "fashion")
    tab.use_files(str(tmp_path / "t10k-labels-idx1-ubyte.gz"))
    qtbot.waitUntil(
        lambda: tab.data is not None and tab.data.dataset.name == "Fashion-MNIST", timeout=LONG
    )
    assert tab.setup.path_edit.text() == str(tmp_path)
    assert tab.settings.value("tabs/training/fashion_path", "") == str(tmp_path)
    assert "Fashion-MNIST: 20 training, 10 test samples" in tab.setup.data_info.text()


# --- what a run shows ----------------------------------------------------------------------------


def test_inside_predictions_and_export_after_a_run(qtbot, tab):
    configure(qtbot, tab, epochs=3, init="he")
    run = run_to_end(qtbot, tab)
    tab.pages.setCurrentIndex(PAGE_INSIDE)
    assert list(tab.inspector.weight_curves) == ["W1", "W2"]
    assert list(tab.inspector.activation_curves) == ["Relu1"]
    image = tab.inspector.weights_image.image
    assert image is not None and image.shape[2] == 4  # 50 tiles of 8×8 as RGBA
    tab.pages.setCurrentIndex(PAGE_PREDICTIONS)
    table = tab.predictions.matrix
    assert table.rowCount() == table.columnCount() == 10
    cells = [[int(table.item(i, j).text()) for j in range(10)] for i in range(10)]
    assert sum(map(sum, cells)) == len(tab.data.dataset.x_test)  # every test sample, at the end
    right = sum(cells[i][i] for i in range(10))
    assert right / len(tab.data.dataset.x_test) == pytest.approx(
        run.history.eval_column("test_acc")[-1]
    )
    first = tab.predictions.gallery.item(0).text().splitlines()[0]
    true, predicted = first.split(" → ")
    assert true != predicted  # a mistake comes first
    header, rows = tab.table_for_export()
    assert header[:3] == ["run", "label", "iteration"] and len(rows) == len(run.history)
    tab.pages.setCurrentIndex(0)
    assert tab.plot_for_export() is tab.curves.loss_plot.plotItem


def test_x_axis_smoothing_and_hover_readout(qtbot, tab):
    configure(qtbot, tab, iterations=50)
    run = run_to_end(qtbot, tab)
    choose(tab.curves.x_combo, "epoch")
    np.testing.assert_allclose(curve_data(run.loss_smooth)[0], run.history.column("epoch"))
    tab.curves.smoothing_slider.setValue(0)
    np.testing.assert_allclose(curve_y(run.loss_smooth), curve_y(run.loss_raw))
    choose(tab.curves.x_combo, "iteration")
    tab.curves.show_values_at(10.2)
    text = tab.curves.readout.text()
    assert "iteration 10," in text and f"loss {run.history.column('loss')[9]:.4g}" in text


def test_toy_points_show_a_decision_boundary_that_follows_the_training(qtbot, tab):
    choose(tab.setup.source_combo, "toy:moons")
    qtbot.waitUntil(lambda: tab.data is not None and tab.data.dataset.name == "moons", timeout=LONG)
    assert tab.pages.isTabEnabled(PAGE_BOUNDARY)
    configure(qtbot, tab, iterations=300, init="he", hidden="20")
    tab.pages.setCurrentIndex(PAGE_BOUNDARY)
    run_to_end(qtbot, tab)
    qtbot.waitUntil(lambda: "after 300 updates" in tab.boundary.status.text())
    image = tab.boundary.image.image
    assert image is not None and image.shape[2] == 4
    assert len(np.unique(image[..., :3].reshape(-1, 3), axis=0)) == 2  # two classes shaded
    assert "2 inputs" in tab.inspector.weights_caption.text() or tab.inspector._snapshot is None


def test_save_and_load_the_parameters(qtbot, tab, tmp_path):
    configure(qtbot, tab, iterations=80, init="he")
    run_to_end(qtbot, tab)
    trained = {k: v.copy() for k, v in tab.network.params.items()}
    path = tmp_path / "params.npz"
    assert tab.setup.save_button.isEnabled()
    assert tab.save_params_to(str(path))
    assert path.exists() and "Saved" in tab.setup.weights_message.message
    assert tab.load_params_from(str(path))
    qtbot.waitUntil(lambda: "test accuracy" in tab.setup.weights_message.message, timeout=LONG)
    for key, value in tab.network.params.items():
        np.testing.assert_array_equal(value, trained[key])
    expected = tab.network.accuracy(*tab.data.dataset.test)
    assert f"{100 * expected:.1f} %" in tab.setup.weights_message.message
    configure(qtbot, tab, hidden="20")  # another shape: a clear refusal, nothing changes
    assert not tab.load_params_from(str(path))
    assert tab.setup.weights_message.level is Level.ERROR
    assert "shape" in tab.setup.weights_message.message


def test_numerical_gradient_counts_its_loss_evaluations_and_stops_inside_an_update(qtbot, tab):
    configure(qtbot, tab, iterations=5, method="numerical", hidden="50")
    click(qtbot, tab.start_button)
    worker = tab.train_worker
    total = loss_evaluations_per_step(64 * 50 + 50 + 50 * 10 + 10) + 1  # 7 521
    assert "7,521" in tab.run_message.message
    qtbot.waitUntil(lambda: "loss evaluations done" in tab.progress_label.text(), timeout=LONG)
    assert f"of {total:,} loss evaluations" in tab.progress_label.text()
    with qtbot.waitSignal(worker.paused, timeout=5000) as paused:
        click(qtbot, tab.pause_button)
    if paused.args == [False]:  # inside an update: the weights are mid-nudge, saving waits
        assert not tab.setup.save_button.isEnabled()
    with qtbot.waitSignal(worker.done, timeout=5000) as done:
        click(qtbot, tab.stop_button)
    assert done.args == [Outcome.STOPPED]
    assert "loss" not in vars(tab.network)  # the counting hook is gone
    assert all(np.isfinite(v).all() for v in tab.network.params.values())


def test_timing_backprop_against_numerical(qtbot, tab):
    click(qtbot, tab.setup.time_button)
    qtbot.waitUntil(lambda: "times slower" in tab.setup.timing_label.text(), timeout=LONG)
    assert "7,520 loss evaluations" in tab.setup.timing_label.text()
    assert "79,520" in tab.setup.cost_label.text()  # the book's 784-50-10 network (T1)


def test_settings_are_remembered(qtbot, tab, open_tab):
    configure(qtbot, tab, lr="0.05", optimizer="Adam", iterations=123, seed=7)
    choose(tab.pace_combo, "very_slow")
    tab.shutdown()
    again = open_tab()
    try:
        assert again.setup.lr_edit.text() == "0.05"
        assert again.setup.optimizer_combo.currentData() == "Adam"
        assert again.setup.length_spin.value() == 123
        assert again.setup.unit_combo.currentData() == "iterations"
        assert again.setup.seed_spin.value() == 7
        assert again.pace_combo.currentData() == "very_slow"
    finally:
        again.shutdown()


def test_reset_removes_the_current_run_only(qtbot, tab):
    configure(qtbot, tab, iterations=20)
    first = run_to_end(qtbot, tab)
    run_to_end(qtbot, tab)
    click(qtbot, tab.reset_button)
    assert tab.curves.runs == [first] and tab.current_run is None
    assert tab.progress.value() == 0


QUIT_MID_RUN = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from zdl_gui.tabs.training_tab import TrainingTab

tab = TrainingTab()
tab.show()
s = tab.setup
s.unit_combo.setCurrentIndex(s.unit_combo.findData("iterations"))
s.length_spin.setValue(1_000_000)

def tick():
    if tab.data is None:
        return
    if tab.state == "idle" and tab.current_run is None:
        tab.start_run()
    elif tab.current_run is not None and len(tab.current_run.history) > 20:
        print("closing mid-run at", len(tab.current_run.history) > 20, flush=True)
        app.quit()

timer = QTimer()
timer.timeout.connect(tick)
timer.start(20)
code = app.exec()
tab.shutdown()  # what run_standalone and the main window's closeEvent do
print("threads left:", len(__import__("zdl_gui.workers").workers.GeneratorWorker.running_workers()))
sys.exit(code)
"""


def test_quitting_the_app_mid_run_exits_cleanly(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")  # never the real settings
    result = subprocess.run(
        [sys.executable, "-c", QUIT_MID_RUN], capture_output=True, text=True, timeout=120, env=env
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "closing mid-run at True" in result.stdout
    assert "threads left: 0" in result.stdout
    assert "Destroyed while thread" not in result.stderr
    assert "Traceback" not in result.stderr


def test_a_hidden_tab_keeps_training_and_catches_up_when_shown(qtbot, tab):
    # switching to another view: the worker goes on, the plots wait until they are seen again
    configure(qtbot, tab, iterations=100_000)
    choose(tab.pace_combo, "slow")
    click(qtbot, tab.start_button)
    qtbot.waitUntil(lambda: len(tab.current_run.history) > 5, timeout=LONG)
    tab.hide()
    drawn = len(curve_y(tab.current_run.loss_raw))
    qtbot.waitUntil(lambda: len(tab.current_run.history) > drawn + 20, timeout=LONG)
    assert len(curve_y(tab.current_run.loss_raw)) == drawn  # nothing painted while hidden
    tab.show()
    qtbot.waitUntil(lambda: len(curve_y(tab.current_run.loss_raw)) > drawn + 20)
    click(qtbot, tab.stop_button)
    qtbot.waitUntil(lambda: tab.state == "idle")


def test_the_status_line_says_what_to_do_once_the_data_is_there(qtbot, tab):
    qtbot.waitUntil(lambda: tab.data is not None, timeout=30_000)
    qtbot.waitUntil(lambda: "Press Start" in tab.progress_label.text())
