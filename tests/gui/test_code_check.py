""" "Check my code" driven through its widgets, with the learner's code in a real QProcess."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QProcess, Qt, QTimer

from zdl_gui.tabs import code_check_page
from zdl_gui.tabs.code_check_page import CodeCheckPage, CodeCheckTab
from zdl_gui.tabs.mistakes_tab import MistakesTab

TIME_LIMIT_MS = 2000
WAIT_MS = 30_000

CORRECT = "import numpy as np\n\ndef sigmoid(x):\n    return 1 / (1 + np.exp(-x))\n"
B1 = "import numpy as np\n\ndef sigmoid(x):\n    return 1 / 1 + np.exp(-x)\n"
LOOP = "def relu(x):\n    while True:\n        pass\n"


@pytest.fixture(autouse=True)
def _private_progress(tmp_path, monkeypatch):
    path = tmp_path / "data" / "progress.json"
    monkeypatch.setattr(code_check_page, "progress_path", lambda: path)
    return path


@pytest.fixture
def tab(show):
    widget = MistakesTab()
    widget.show_checker()
    show(widget)
    widget.checker.time_limit_ms = TIME_LIMIT_MS
    yield widget
    widget.shutdown()


@pytest.fixture
def page(tab):
    return tab.checker


def check(qtbot, page, source=None):
    """Put ``source`` in the editor (unless None), click Check, wait for the verdict."""
    if source is not None:
        page.editor.setPlainText(source)
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_running(), timeout=WAIT_MS)
    return page.verdict_label.text()


def top_items(page):
    tree = page.results_tree
    return [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]


def test_correct_code_typed_into_the_editor_passes(qtbot, page):
    page.editor.clear()
    for line in ("import numpy as np", "def relu(x):", "    return np.maximum(0, x)"):
        qtbot.keyClicks(page.editor, line)
        qtbot.keyClick(page.editor, Qt.Key.Key_Return)
    assert page.editor.toPlainText() == (
        "import numpy as np\ndef relu(x):\n    return np.maximum(0, x)\n"
    )
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    assert page.is_running() and not page.check_button.isEnabled()
    qtbot.waitUntil(lambda: page.results_tree.topLevelItemCount() == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not page.is_running(), timeout=WAIT_MS)
    assert page.verdict_label.text() == "1 of 1 checked functions passed every case."
    item = top_items(page)[0]
    assert (item.text(0), item.text(1)) == ("✓ relu", "2/2 passed")
    assert page.check_button.isEnabled()


def test_a_seed_mistake_is_named_and_links_to_the_gallery(qtbot, tab, page):
    assert check(qtbot, page, B1) == "0 of 1 checked functions passed every case."
    item = top_items(page)[0]
    assert (item.text(0), item.text(2)) == ("✗ sigmoid", "B1")
    cases = {item.child(i).text(0): item.child(i) for i in range(item.childCount())}
    assert cases["x = 0"].text(1) == "✗ wrong value"
    assert cases["x = 0"].text(2) == "B1"
    page.select_case("sigmoid", "zero")
    details = page.details.toPlainText()
    assert "Input\n    x = np.array([0.0])\n    sigmoid(x)" in details
    assert "Expected\n    y = [0.5]" in details
    assert "Your code gave\n    y = [2]" in details
    assert "Looks like B1: Sigmoid written as 1 / 1 + exp(−x)" in details
    with qtbot.waitSignal(page.mistake_requested, timeout=1000) as blocker:
        qtbot.mouseClick(page.gallery_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["B1"]
    assert tab.pages.currentWidget() is tab.gallery
    assert tab.gallery.current_id == "B1"


def test_an_infinite_loop_is_killed_while_the_window_keeps_running(qtbot, page):
    beats = []
    heartbeat = QTimer()
    heartbeat.setInterval(50)
    heartbeat.timeout.connect(lambda: beats.append(1))
    heartbeat.start()
    assert "at most 2 s" in page.limits_label.text()
    try:
        page.editor.setPlainText(LOOP)
        qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Running relu" in page.status_label.text(), timeout=WAIT_MS)
        during = len(beats)
        qtbot.waitUntil(lambda: not page.is_running(), timeout=WAIT_MS)
        assert len(beats) - during >= 10  # the event loop ran throughout the 2 s
    finally:
        heartbeat.stop()
    assert page.verdict_label.text() == (
        "Your code did not finish within 2 s and was stopped while checking relu (ordinary input)."
    )
    item = top_items(page)[0]
    assert (item.text(0), item.child(0).text(1)) == ("✗ relu", "✗ did not finish in time")
    page.select_case("relu", "ordinary")
    assert "Your code gave\n    did not finish in time" in page.details.toPlainText()


def test_shutdown_mid_check_kills_and_waits_for_the_process(qtbot, page):
    page.editor.setPlainText(LOOP)
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    process = page._process
    assert process is not None
    qtbot.waitUntil(lambda: process.state() == QProcess.ProcessState.Running, timeout=WAIT_MS)
    page.shutdown()
    assert process.state() == QProcess.ProcessState.NotRunning
    assert not page.is_running()


def test_the_stop_button_ends_a_check(qtbot, page):
    page.editor.setPlainText(LOOP)
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Running relu" in page.status_label.text(), timeout=WAIT_MS)
    qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_running(), timeout=WAIT_MS)
    assert page.verdict_label.text() == "Stopped while checking relu (ordinary input)."


@pytest.mark.parametrize(
    ("source", "verdict"),
    [
        (
            "import sys\nsys.exit(3)\ndef relu(x):\n    return x\n",
            "Your code called sys.exit(3) while running your file's top-level code. "
            "Nothing after it could run.",
        ),
        (
            "import os\nos.kill(os.getpid(), 9)\ndef relu(x):\n    return x\n",
            "The process running your code crashed (exit code -9) while running your "
            "file's top-level code.",
        ),
        (
            "import numpy as np\nbig = np.ones(10**11)\ndef relu(x):\n    return x\n",
            "Your code ran out of memory (limit 1024 MiB).",
        ),
        (
            "from common.functions import *\ndef relu(x):\n    return x\n",
            "Your file imports the module 'common', which is not available here. The checker "
            "runs only the code in the editor: paste the functions it needs (for example from "
            "common/functions.py) instead of importing them.",
        ),
    ],
    ids=["sys.exit", "crash", "memory", "import"],
)
def test_each_way_of_dying_gets_a_clear_verdict(qtbot, page, source, verdict):
    assert check(qtbot, page, source) == verdict
    assert page.check_button.isEnabled()


def test_megabytes_of_print_are_cut_and_shown_in_the_output_page(qtbot, page):
    source = "for i in range(50_000):\n    print('spam' * 25)\ndef relu(x):\n    return x\n"
    assert check(qtbot, page, source) == "0 of 1 checked functions passed every case."
    text = page.output_view.toPlainText()
    assert text.startswith("spam" * 25 + "\n")
    assert text.endswith("(cut: it printed more)")
    assert len(text) < 70_000


def test_a_syntax_error_is_shown_with_its_line_marked_and_nothing_runs(qtbot, page):
    page.editor.setPlainText("import numpy as np\n\ndef relu(x):\n    return (x\n")
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    assert not page.is_running()
    assert page.verdict_label.text() == "Syntax error on line 4, column 12: '(' was never closed"
    assert page.error_line() == 3
    assert page.editor.marks() == {3: "⚠"}
    assert page.editor.textCursor().blockNumber() == 3
    qtbot.keyClicks(page.editor, ")")
    assert page.editor.marks() == {}


def test_empty_code_and_unknown_functions(qtbot, page):
    page.editor.clear()
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    assert page.verdict_label.text().startswith("There is no code to check")
    page.editor.setPlainText("def my_helper(x):\n    return x\n")
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    assert page.verdict_label.text().startswith(
        "No function or class the checker knows was found. It checks: step_function, sigmoid"
    )


def test_wrong_type_is_a_failed_case_not_a_crash(qtbot, page):
    check(qtbot, page, "def softmax(a):\n    return 'probabilities'\n")
    item = top_items(page)[0]
    assert item.child(0).text(1) == "✗ wrong type"


def test_opening_files_empty_cp932_binary_and_huge(qtbot, page, tmp_path):
    empty = tmp_path / "empty.py"
    empty.write_bytes(b"")
    assert page.load_file(empty)
    assert page.file_message.message == "empty.py is empty: there is nothing to check."

    japanese = tmp_path / "mine.py"
    japanese.write_bytes("# 活性化関数\ndef relu(x):\n    return x\n".encode("cp932"))
    assert page.load_file(japanese)
    assert page.editor.toPlainText().startswith("# 活性化関数")
    assert "read as Shift_JIS (cp932)" in page.file_message.message

    before = page.editor.toPlainText()
    binary = tmp_path / "model.pkl"
    binary.write_bytes(b"\x80\x04\x95\x00\x00")
    assert not page.load_file(binary)
    assert page.file_message.message == "model.pkl is not a text file (it contains NUL bytes)."
    assert page.editor.toPlainText() == before

    huge = tmp_path / "huge.py"
    huge.write_bytes(b"#" * (code_check_page.MAX_FILE_BYTES + 1))
    assert not page.load_file(huge)
    assert page.file_message.message.startswith("huge.py is too large")

    assert not page.load_file(tmp_path / "missing.py")
    assert page.file_message.message.startswith("missing.py could not be opened")


def test_progress_is_kept_per_function(qtbot, page, _private_progress):
    assert page.progress_row("sigmoid") == ("– sigmoid", "not checked yet")
    check(qtbot, page, B1)
    assert page.progress_row("sigmoid") == ("✗ sigmoid", "failed: 0/4 passed · B1")
    check(qtbot, page, CORRECT)
    assert page.progress_row("sigmoid") == ("✓ sigmoid", "passed 4/4")
    saved = json.loads(_private_progress.read_text(encoding="utf-8"))
    assert saved["functions"]["sigmoid"]["passed"] is True
    again = CodeCheckPage()
    qtbot.addWidget(again)
    again.retranslate_ui()
    assert again.progress_row("sigmoid") == ("✓ sigmoid", "passed 4/4")


def test_a_damaged_progress_file_is_ignored(qtbot, _private_progress):
    _private_progress.parent.mkdir(parents=True, exist_ok=True)
    _private_progress.write_text("{not json", encoding="utf-8")
    page = CodeCheckPage()
    qtbot.addWidget(page)
    page.retranslate_ui()
    assert page.progress_row("relu") == ("– relu", "not checked yet")


def test_loading_the_example_can_be_undone_and_the_code_is_remembered(qtbot, tab):
    page = tab.checker
    page.editor.setPlainText(CORRECT)
    qtbot.mouseClick(page.example_button, Qt.MouseButton.LeftButton)
    assert page.editor.toPlainText().startswith("import numpy as np\n\n\ndef sigmoid")
    page.editor.undo()
    assert page.editor.toPlainText() == CORRECT
    tab.shutdown()
    again = MistakesTab()
    qtbot.addWidget(again)
    assert again.checker.editor.toPlainText() == CORRECT
    again.shutdown()


def test_the_example_and_the_standalone_tab(qtbot):
    tab = CodeCheckTab()
    qtbot.addWidget(tab)
    tab.page.time_limit_ms = 20_000
    qtbot.mouseClick(tab.page.example_button, Qt.MouseButton.LeftButton)
    assert "def sigmoid" in tab.page.editor.toPlainText()
    check(qtbot, tab.page)
    names = {item.text(0): item.text(2) for item in top_items(tab.page)}
    assert names["✗ sigmoid"] == "B1"
    assert names["✗ cross_entropy_error"] == "B11"
    header, rows = tab.table_for_export()
    assert header[0] == "function" and len(rows) > 10
    tab.shutdown()
