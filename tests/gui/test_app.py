"""The application starts, shows its window and lists the chapters."""

import subprocess
import sys

from zdl_gui.chapters import CHAPTERS
from zdl_gui.main_window import MainWindow


def test_start_page_lists_every_chapter_and_topic(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    text = window.start_page.browser.toPlainText()
    for chapter in CHAPTERS:
        assert f"Chapter {chapter.number}: {chapter.title}" in text
        for topic in chapter.topics:
            assert topic.title in text and topic.sections in text
    assert window.tabs.tabText(0) == "Start"
    assert window.windowTitle() == "ZDL Studio"


def test_quit_action_closes_the_window(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.quit_action.trigger()
    qtbot.waitUntil(lambda: not window.isVisible())


MAIN_SMOKE = """
import sys
from PySide6.QtWidgets import QApplication

def fake_exec(self=None):
    windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    print(windows[0].windowTitle())
    return 0

QApplication.exec = fake_exec
from zdl_gui.app import main
sys.exit(main(["zdl-gui"]))
"""


def test_main_starts_the_app_in_a_fresh_process():
    result = subprocess.run(
        [sys.executable, "-c", MAIN_SMOKE], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "ZDL Studio"
