"""Start-up: the command line, main() in a fresh process, and the start page."""

import subprocess
import sys

import pytest

from zdl_gui.app import parse_args
from zdl_gui.start_page import StartPage
from zdl_gui.tabs.registry import CHAPTERS, available_topics


def test_start_page_lists_every_chapter_and_marks_what_is_ready(qtbot):
    page = StartPage(available=[t.id for _, t in available_topics()])
    qtbot.addWidget(page)
    text = page.browser.toPlainText()
    html = page.browser.toHtml()
    for chapter in CHAPTERS:
        heading = chapter.title if chapter.number is None else f"Chapter {chapter.number}: "
        assert heading in text and chapter.title in text
        for topic in chapter.topics:
            assert topic.title in text and topic.sections in text
            assert (f"tab:{topic.id}" in html) == (topic.widget is not None)
    planned = any(t.widget is None for c in CHAPTERS for t in c.topics)
    assert ("in preparation" in text) == planned


def test_start_page_link_asks_to_open_the_view(qtbot):
    page = StartPage(available=["activation"])
    qtbot.addWidget(page)
    from PySide6.QtCore import QUrl

    with qtbot.waitSignal(page.open_requested) as blocker:
        page.browser.anchorClicked.emit(QUrl("tab:activation"))
    assert blocker.args == ["activation"]


def test_command_line_options_and_qt_leftovers():
    options, rest = parse_args(
        ["zdl-gui", "--lang", "ja", "--tab", "activation", "-platform", "xcb"]
    )
    assert (options.lang, options.tab) == ("ja", "activation")
    assert rest == ["zdl-gui", "-platform", "xcb"]
    with pytest.raises(SystemExit):
        parse_args(["zdl-gui", "--tab", "nowhere"])


def run(*args, script=None):
    command = [sys.executable, "-c", script] if script else [sys.executable, "-m", "zdl_gui", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_version_and_help_print_without_a_window():
    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("zdl-gui ")
    help_text = run("--help")
    assert help_text.returncode == 0
    assert "--lang" in help_text.stdout and "--tab" in help_text.stdout


MAIN_SMOKE = """
import sys
from PySide6.QtWidgets import QApplication

def fake_exec(self=None):
    windows = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.windowTitle()]
    print(windows[0].windowTitle())
    return 0

QApplication.exec = fake_exec
from zdl_gui.app import main
sys.exit(main(["zdl-gui", *sys.argv[1:]]))
"""


@pytest.mark.parametrize(
    ("args", "title"),
    [([], "ZDL Studio"), (["--lang", "ja", "--tab", "activation"], "3章 活性化関数 — ZDL Studio")],
)
def test_main_starts_the_app_in_a_fresh_process(args, title, tmp_path):
    script = MAIN_SMOKE.replace("import sys\n", f"import sys\nsys.argv[1:] = {args!r}\n", 1)
    env_settings = (
        "from PySide6.QtCore import QSettings\n"
        "QSettings.setDefaultFormat(QSettings.Format.IniFormat)\n"
        f"QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {str(tmp_path)!r})\n"
    )
    result = run(script=env_settings + script)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == title


EXCEPTION_SMOKE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from zdl_gui.error_dialog import install_excepthook

app = QApplication([])
window = QWidget()
window.show()
install_excepthook(window)

def broken_slot():
    raise ZeroDivisionError("a bug in a slot")

def report():
    boxes = [w for w in app.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    print("dialog:", boxes[0].text().splitlines()[0] if boxes else None)
    print("window alive:", window.isVisible())
    app.quit()

QTimer.singleShot(0, broken_slot)
QTimer.singleShot(300, report)
raise SystemExit(app.exec())
"""


def test_an_exception_in_a_slot_shows_a_dialog_and_the_app_keeps_running():
    result = run(script=EXCEPTION_SMOKE)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "dialog: Something went wrong: ZeroDivisionError: a bug in a slot" in result.stdout
    assert "window alive: True" in result.stdout
    assert "Traceback" in result.stderr  # still printed for the developer
