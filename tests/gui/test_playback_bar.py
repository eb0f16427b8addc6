"""The shared animation controls driven through their widgets: play, tick, position, speed."""

import pytest
from PySide6.QtCore import Qt

from zdl_gui.widgets.playback_bar import PlaybackBar, Speed


@pytest.fixture
def bar(qtbot):
    widget = PlaybackBar(("rewind", "back", "play", "step", "end"), speed=Speed(1, 10, 3, 0.5))
    qtbot.addWidget(widget)
    yield widget
    widget.pause()


def click(qtbot, button):
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_play_starts_the_timer_and_ticks(qtbot, bar):
    assert bar.play_button.text() == "Play"
    bar.speed_slider.setValue(bar.speed_slider.maximum())  # 5 steps/s
    click(qtbot, bar.play_button)
    assert bar.timer.isActive() and bar.is_playing()
    assert bar.play_button.text() == "Pause"
    with qtbot.waitSignal(bar.tick, timeout=2000):
        pass
    click(qtbot, bar.play_button)
    assert not bar.timer.isActive() and bar.play_button.text() == "Play"


def test_buttons_pause_then_signal(qtbot, bar):
    bar.set_position(at_start=False, at_end=False)
    for button, signal in (
        (bar.step_button, bar.step_forward),
        (bar.back_button, bar.step_back),
        (bar.rewind_button, bar.rewind),
        (bar.end_button, bar.to_end),
    ):
        bar.play()
        with qtbot.waitSignal(signal, timeout=1000):
            click(qtbot, button)
        assert not bar.is_playing()


def test_position_sets_what_can_be_clicked(qtbot, bar):
    bar.set_position(at_start=True, at_end=False)
    assert not bar.back_button.isEnabled() and not bar.rewind_button.isEnabled()
    assert bar.step_button.isEnabled() and bar.end_button.isEnabled()

    bar.play()
    assert bar.rewind_button.isEnabled()  # Reset also stops playing
    bar.set_position(at_start=False, at_end=True)
    assert not bar.is_playing()  # the end reached: playing stops
    assert not bar.step_button.isEnabled() and not bar.end_button.isEnabled()
    assert bar.back_button.isEnabled() and bar.play_button.isEnabled()

    bar.set_position(at_start=False, at_end=False, usable=False)
    assert not any(button.isEnabled() for button in bar.buttons.values())
    bar.play()
    assert not bar.is_playing()


def test_play_at_the_end_rewinds_first(qtbot, bar):
    bar.set_position(at_start=False, at_end=True)
    bar.rewind.connect(lambda: bar.set_position(at_start=True, at_end=False))
    with qtbot.waitSignal(bar.rewind, timeout=1000):
        click(qtbot, bar.play_button)
    assert bar.is_playing()


def test_speed_slider_sets_label_and_interval(bar):
    assert bar.speed_label.text() == "Speed: 1.5 steps/s"
    bar.speed_slider.setValue(4)
    assert bar.speed_label.text() == "Speed: 2 steps/s"
    assert bar.timer.interval() == 500


def test_without_a_speed_slider_the_interval_is_fixed(qtbot):
    bar = PlaybackBar(("play", "step"), interval_ms=1200, icons=False)
    qtbot.addWidget(bar)
    assert bar.speed_slider is None and bar.back_button is None
    assert bar.timer.interval() == 1200
    bar.set_interval(40)
    assert bar.timer.interval() == 40


def test_hiding_the_bar_pauses_it(qtbot, bar):
    bar.show()
    qtbot.waitExposed(bar)
    bar.play()
    bar.hide()
    assert not bar.is_playing() and bar.play_button.text() == "Play"
