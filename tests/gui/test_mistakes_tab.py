"""The common-mistakes gallery driven through its widgets: list, search, code, outputs, plot."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from core.mistakes import MISTAKES, get_mistake, mistakes_for_topic
from zdl_gui.tabs import code_check_page
from zdl_gui.tabs.mistakes_tab import TEXTS, MistakesTab, mistake_title
from zdl_gui.theme import apply_theme


@pytest.fixture(autouse=True)
def _private_progress(tmp_path, monkeypatch):
    """Keep the checker's progress file out of the real data folder."""
    monkeypatch.setattr(code_check_page, "progress_path", lambda: tmp_path / "progress.json")


@pytest.fixture
def tab(show):
    widget = show(MistakesTab())
    yield widget
    widget.shutdown()


def plain(label) -> str:
    doc = QTextDocument()
    doc.setHtml(label.text())
    return doc.toPlainText()


def list_item(tab, mistake_id):
    return tab.gallery._item(mistake_id)


def test_every_entry_has_an_english_title_and_explanation():
    assert set(TEXTS) == {m.id for m in MISTAKES}
    for title, explanation in TEXTS.values():
        assert title and len(explanation) > 40


def test_the_list_groups_every_entry_under_its_chapter(tab):
    headers = [
        tab.gallery.list.topLevelItem(i) for i in range(tab.gallery.list.topLevelItemCount())
    ]
    assert [h.text(0) for h in headers][:2] == [
        "Chapter 3 · Neural networks",
        "Chapter 4 · Neural network training",
    ]
    assert sum(h.childCount() for h in headers) == len(MISTAKES)
    assert list_item(tab, "B12").parent() is headers[1]
    assert list_item(tab, "B12").text(0) == "B12  Label cross-entropy fed a one-hot t"


def test_b1_shows_both_versions_the_marked_difference_and_live_outputs(tab, qtbot):
    qtbot.mouseClick(
        tab.gallery.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=tab.gallery.list.visualItemRect(list_item(tab, "B1")).center(),
    )
    g = tab.gallery
    assert g.current_id == "B1"
    assert g.title_label.text() == "B1 · Sigmoid written as 1 / 1 + exp(−x)"
    assert g.buggy_view.toPlainText() == get_mistake("B1").buggy_source.rstrip("\n")
    assert g.correct_view.toPlainText() == get_mistake("B1").correct_source.rstrip("\n")
    assert g.buggy_view.marks() == {1: "−"} and g.correct_view.marks() == {1: "+"}
    assert plain(g.buggy_output) == "y = [3.71828 2 1.36788 1.13534]"
    assert plain(g.correct_output) == "y = [0.268941 0.5 0.731059 0.880797]"
    assert g.reference_label.text().startswith("✓ The correct version gives the same result as")
    assert "core.functions.sigmoid" in g.reference_label.text()
    assert g.is_side_by_side()


def test_an_error_is_shown_as_numpy_says_it(tab):
    tab.show_mistake("B10")
    text = plain(tab.gallery.buggy_output)
    assert text == "⚠ AttributeError: 'numpy.ndarray' object has no attribute 'dim'"
    assert plain(tab.gallery.correct_output) == "loss = 0.510825"


def test_warnings_and_partial_values_are_shown(tab):
    tab.show_mistake("B6")
    text = plain(tab.gallery.buggy_output)
    assert text.splitlines()[0] == "large = [nan nan nan]"
    assert "⚠ RuntimeWarning: overflow encountered in exp" in text
    tab.show_mistake("B24")
    lines = plain(tab.gallery.buggy_output).splitlines()
    assert lines[0] == "out = [[1 0]"
    assert lines[-1] == "⚠ AttributeError: 'Relu' object has no attribute 'mack'"


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.id for m in MISTAKES])
def test_every_entry_can_be_shown_and_its_two_outputs_differ(tab, mistake):
    assert tab.show_mistake(mistake.id)
    g = tab.gallery
    assert g.title_label.text().startswith(f"{mistake.id} · ")
    assert plain(g.buggy_output) and plain(g.correct_output)
    assert plain(g.buggy_output) != plain(g.correct_output)
    assert "⚠" not in plain(g.correct_output)
    assert g.plot.isVisibleTo(tab) == (mistake.plot is not None)
    if mistake.reference is not None:
        assert g.reference_label.text().startswith("✓")


def test_b1_plot_draws_the_buggy_sigmoid_above_1(tab):
    tab.show_mistake("B1")
    x, buggy = tab.gallery.buggy_curve.getData()
    _, correct = tab.gallery.correct_curve.getData()
    assert len(x) > 100
    assert np.all(buggy > 1.0)
    assert np.all((correct > 0) & (correct < 1))
    assert tab.plot_for_export() is tab.gallery.plot.plotItem


def test_b31_plot_draws_the_diverging_path(tab):
    tab.show_mistake("B31")
    bx, by = tab.gallery.buggy_curve.getData()
    cx, cy = tab.gallery.correct_curve.getData()
    assert (bx[0], by[0]) == (-7.0, 2.0)
    assert abs(by[-1]) > 1e3
    assert np.hypot(cx[-1], cy[-1]) < 1.0
    assert not tab.gallery.is_side_by_side()  # the class is too wide for two columns at 1050 px


def test_log_plots_hide_what_a_log_axis_cannot_show(tab):
    tab.show_mistake("B13")
    _, buggy = tab.gallery.buggy_curve.getData()
    assert np.isnan(buggy[-1])  # 0 · log(0) at y = 1, drawn as a gap


def test_an_entry_without_a_plot_hides_it(tab):
    tab.show_mistake("B4")
    assert not tab.gallery.plot.isVisibleTo(tab)
    assert tab.plot_for_export() is None


def test_searching_filters_the_list(tab, qtbot):
    qtbot.keyClicks(tab.gallery.filter_edit, "ndim")
    shown = tab.gallery.visible_ids()
    assert "B10" in shown and "B11" in shown and "B1" not in shown
    tab.gallery.filter_edit.clear()
    qtbot.keyClicks(tab.gallery.filter_edit, "zzzz-no-such-thing")
    assert tab.gallery.visible_ids() == []
    assert tab.gallery.no_match_label.isVisibleTo(tab)
    tab.gallery.filter_edit.clear()
    assert len(tab.gallery.visible_ids()) == len(MISTAKES)


def test_show_mistake_clears_a_search_that_hides_the_entry(tab, qtbot):
    qtbot.keyClicks(tab.gallery.filter_edit, "sigmoid")
    assert "B36" not in tab.gallery.visible_ids()
    assert tab.show_mistake("b36")
    assert tab.gallery.current_id == "B36"
    assert tab.gallery.filter_edit.text() == ""
    assert not tab.show_mistake("B99")


def test_the_open_button_asks_for_the_topic_where_the_idea_lives(tab, qtbot):
    tab.show_mistake("B12")
    assert tab.gallery.open_button.text() == "Open in: Loss calculator"
    with qtbot.waitSignal(tab.open_topic, timeout=1000) as blocker:
        qtbot.mouseClick(tab.gallery.open_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["loss"]
    tab.show_mistake("B37")  # chapter 7 has no study view
    assert not tab.gallery.open_button.isVisibleTo(tab)


def test_topic_links_for_other_tabs(tab):
    for mistake_id in mistakes_for_topic("gradient"):
        assert tab.show_mistake(mistake_id)
        assert tab.gallery.open_button.text() == (
            "Open in: Numerical differentiation and gradient descent"
        )


def test_the_entry_shown_is_remembered(qtbot):
    first = MistakesTab()
    qtbot.addWidget(first)
    first.show_mistake("B28")
    first.shutdown()
    second = MistakesTab()
    qtbot.addWidget(second)
    assert second.gallery.current_id == "B28"
    second.shutdown()


def test_export_table_lists_the_shown_values(tab):
    tab.show_mistake("B22")
    header, rows = tab.table_for_export()
    assert header == ["expression", "buggy", "correct"]
    assert ["dapple", "1.21", "2.2"] in rows


class _Marker(QTranslator):
    """Marks every MistakesTab string, to see that all of them are set again."""

    def isEmpty(self) -> bool:  # an empty translator would not trigger a LanguageChange
        return False

    CONTEXTS = ("MistakesTab", "MistakesGalleryPage", "CodeCheckPage")

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"«{source}»" if context in self.CONTEXTS and source else ""


def test_a_language_change_retranslates_titles_explanations_and_captions(tab, qtbot):
    tab.show_mistake("B11")
    translator = _Marker()
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: tab.pages.tabText(0) == "«Gallery»")
        assert tab.gallery.title_label.text() == "B11 · «Batch cross-entropy divided by ndim»"
        assert tab.gallery.explanation_label.text().startswith("«y.ndim is")
        assert tab.gallery.buggy_caption.text() == "✗ «Buggy»"
        assert tab.pages.tabText(0) == "«Gallery»"
        assert mistake_title("B11") == "«Batch cross-entropy divided by ndim»"
        assert tab.checker.check_button.text() == "«Check»"
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: tab.gallery.buggy_caption.text() == "✗ Buggy")


def test_dark_theme_keeps_the_marks(tab):
    app = QApplication.instance()
    tab.show_mistake("B2")
    apply_theme(app, "dark")
    try:
        QApplication.processEvents()
        assert tab.gallery.buggy_view.marks() == {1: "−"}
        assert plain(tab.gallery.buggy_output) == "y = [1 0 0]"
    finally:
        apply_theme(app, "light")
