"""The application shell: navigation, menus, language and theme switching, settings, export."""

import re
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox

from zdl_gui.error_dialog import show_error_dialog
from zdl_gui.i18n import LanguageSwitcher
from zdl_gui.main_window import START, MainWindow
from zdl_gui.settings import Settings
from zdl_gui.tabs.base import StudyTab
from zdl_gui.tabs.registry import available_topics, find_topic
from zdl_gui.theme import apply_theme, is_dark
from zdl_gui.widgets.sizing import VerticalScroll

TOPICS = [topic.id for _, topic in available_topics()]


@pytest.fixture
def make_window(qtbot):
    """Build main windows like the app does; close them (and undo language/theme) afterwards."""
    windows = []
    app = QApplication.instance()

    def make():
        languages = LanguageSwitcher(app)
        languages.apply("en")
        window = MainWindow(Settings(), languages)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
    LanguageSwitcher(app).apply("en")
    apply_theme(app, "system")


def test_navigation_groups_views_by_chapter(make_window):
    window = make_window()
    texts = [window.nav.topLevelItem(i).text(0) for i in range(window.nav.topLevelItemCount())]
    assert texts[0] == "Start"
    assert "Ch. 2 Perceptrons" in texts and "Ch. 3 Neural networks" in texts
    assert window.current_view_id() == START


@pytest.mark.parametrize("topic_id", TOPICS)
def test_clicking_a_view_in_the_navigation_opens_it(make_window, qtbot, topic_id):
    window = make_window()
    item = window.nav_items[topic_id]
    window.nav.setCurrentItem(item)
    qtbot.waitUntil(lambda: window.current_view_id() == topic_id)
    tab = window.current_tab()
    assert isinstance(tab, StudyTab) and tab.topic_id == topic_id
    chapter, _ = find_topic(topic_id)
    assert window.windowTitle().startswith("Ch. ") == (chapter.number is not None)
    assert item.text(0) in window.windowTitle()


def test_go_shortcuts_jump_between_views(make_window, qtbot):
    window = make_window()
    for number, topic_id in enumerate(TOPICS, start=1):
        action = window.actions_by_id[f"go_{topic_id}"]
        assert action.shortcut().toString() == (f"Ctrl+{number}" if number <= 9 else "")
        action.trigger()
        assert window.current_view_id() == topic_id
    window.actions_by_id["go_start"].trigger()
    assert window.current_view_id() == START


def test_start_page_links_open_views(make_window):
    window = make_window()
    window.start_page.open_requested.emit(TOPICS[0])
    assert window.current_view_id() == TOPICS[0]


def test_language_switch_at_runtime(make_window, qtbot):
    window = make_window()
    window.show_view(TOPICS[0])
    assert window.file_menu.title() == "&File"
    window.actions_by_id["language_ja"].trigger()
    qtbot.waitUntil(lambda: window.file_menu.title() == "ファイル(&F)")
    assert window.nav_items[START].text(0) == "はじめに"
    assert "章" in window.windowTitle()
    assert window.settings.value("ui/language") == "ja"
    window.actions_by_id["language_en"].trigger()
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File")


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize("topic_id", TOPICS)
def test_every_view_opens_in_both_languages(make_window, qtbot, language, topic_id):
    window = make_window()
    window.show_view(topic_id)
    window.set_language(language)
    start = {"ja": "はじめに", "en": "Start"}[language]
    qtbot.waitUntil(lambda: window.nav_items[START].text(0) == start)
    tab = window.current_tab()
    assert tab.isVisible()
    _, topic = find_topic(topic_id)
    assert (window.nav_items[topic_id].text(0) == topic.title) == (language == "en")
    hint = window.minimumSizeHint()  # the design size: 1280×800 must be enough in both languages
    assert hint.width() <= 1280 and hint.height() <= 800, (hint.width(), hint.height())
    texts = [w.text() for w in tab.findChildren(QLabel) + tab.findChildren(QAbstractButton)]
    japanese = [t for t in texts if re.search("[\u3040-\u30ff\u4e00-\u9fff]", t)]
    assert bool(japanese) == (language == "ja"), texts[:10]
    window.resize(1280, 800)
    qtbot.wait(50)
    for scroll in tab.findChildren(VerticalScroll):  # a side panel never cuts off its content
        if scroll.isVisible():
            needed = scroll.widget().minimumSizeHint().width()
            assert scroll.viewport().width() >= needed, (scroll.viewport().width(), needed)


def test_theme_switch_recolours_the_app_and_is_remembered(make_window, qtbot):
    window = make_window()
    window.actions_by_id["theme_dark"].trigger()
    assert is_dark(QGuiApplication.palette())
    assert window.settings.value("ui/theme") == "dark"
    window.actions_by_id["theme_light"].trigger()
    assert not is_dark(QGuiApplication.palette())
    assert window.actions_by_id["theme_light"].isChecked()


def test_window_remembers_the_last_view(make_window):
    first = make_window()
    first.show_view(TOPICS[-1])
    first.close()
    assert make_window().current_view_id() == TOPICS[-1]


def test_window_remembers_its_size(make_window):
    first = make_window()
    first.resize(640, 480)  # fits the offscreen platform's 800×800 screen, which clamps restores
    first.close()
    second = make_window()
    # the offscreen platform adds its own frame margins on restore, so allow a few pixels
    assert abs(second.width() - 640) < 40 and abs(second.height() - 480) < 60


def test_reset_layout_restores_the_default_size(make_window):
    window = make_window()
    window.resize(900, 600)
    window.actions_by_id["reset_layout"].trigger()
    assert (window.width(), window.height()) == (1280, 800)
    assert window.splitter.sizes()[0] == 240


def test_corrupt_settings_fall_back_to_defaults(make_window, _private_settings):
    path = Path(QSettings().fileName())
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as stream:
        stream.write(
            b"\x00\xff[window]\ngeometry=@ByteArray(garbage\nlast_view=nowhere\n[ui]theme=purple\n"
        )
    window = make_window()
    assert window.current_view_id() == START
    assert window.settings.value("ui/theme") == "system"
    assert window.actions_by_id["theme_system"].isChecked()


def test_book_section_names_the_sections(make_window):
    window = make_window()
    assert "Ctrl+1" in window.book_section_text()
    chapter, topic = next(iter(available_topics()))
    window.show_view(topic.id)
    text = window.book_section_text()
    assert topic.sections in text and f"chapter {chapter.number}" in text


def test_shortcut_list_covers_quit_and_go(make_window):
    rows = dict(make_window().shortcut_rows())
    assert rows["Quit"] == "Ctrl+Q"
    assert rows["Start page"] == "Ctrl+0"
    assert rows["Book section of this view"] == "F1"


def test_export_plot_and_data(make_window, tmp_path):
    window = make_window()
    window.show_view(TOPICS[0])
    assert window.export_plot_to(str(tmp_path / "plot.png"))
    assert (tmp_path / "plot.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert window.export_plot_to(str(tmp_path / "plot.svg"))
    assert "<svg" in (tmp_path / "plot.svg").read_text(encoding="utf-8")
    assert window.export_data_to(str(tmp_path / "data.csv"))
    header, rows = window.current_tab().table_for_export()
    lines = (tmp_path / "data.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == ",".join(header) and len(lines) == len(rows) + 1


def test_export_failure_is_a_message_not_a_crash(make_window, tmp_path, monkeypatch):
    window = make_window()
    window.show_view(TOPICS[0])
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    assert not window.export_data_to(str(tmp_path / "missing-folder" / "data.csv"))
    assert shown and "missing-folder" in shown[0]


def test_export_is_offered_only_where_there_is_something_to_export(make_window):
    window = make_window()
    assert not window.actions_by_id["export_plot"].isEnabled()  # the start page
    window.export_plot_dialog()  # e.g. from a stale shortcut: a note, no dialog
    assert "nothing" in window.statusBar().currentMessage()
    window.show_view(TOPICS[0])
    assert window.actions_by_id["export_plot"].isEnabled()


def test_unexpected_errors_show_a_dialog_with_copyable_details(make_window, qtbot):
    window = make_window()
    try:
        raise RuntimeError("a bug in a slot")
    except RuntimeError:
        box = show_error_dialog(window, *sys.exc_info())
    qtbot.waitUntil(box.isVisible)
    assert "RuntimeError: a bug in a slot" in box.text()
    assert "Traceback" in box.detailedText()
    copy = next(b for b in box.buttons() if b.text() == "Copy details")
    copy.click()
    assert "a bug in a slot" in QGuiApplication.clipboard().text()
    assert box.isVisible()  # copying does not close it
    box.close()
    assert window.isVisible()


@pytest.mark.parametrize("topic_id", TOPICS)
def test_dark_palette_reaches_the_plots(make_window, qtbot, topic_id):
    window = make_window()
    window.show_view(topic_id)
    plot = window.current_tab().plot_for_export()
    if plot is None:
        pytest.skip("this view draws without pyqtgraph")
    view = plot.getViewWidget()
    window.set_theme("dark")
    dark_base = QGuiApplication.palette().color(QPalette.ColorRole.Base)
    assert is_dark(QGuiApplication.palette())
    qtbot.waitUntil(lambda: view.backgroundBrush().color() == dark_base)


def test_common_mistakes_link_opens_the_gallery_entry(make_window):
    window = make_window()
    window.show_view("loss")
    assert "B12" in window.mistakes_link.text()
    window.mistakes_link.linkActivated.emit("B12")
    assert window.current_view_id() == "mistakes"
    assert window.current_tab().gallery.current_id == "B12"
    window.show_view("start")
    assert window.mistakes_link.text() == ""


def test_a_view_can_ask_for_another_view(make_window):
    window = make_window()
    window.show_view("mistakes")
    window.current_tab().open_topic.emit("loss")
    assert window.current_view_id() == "loss"
