"""Settings: typed values with defaults; anything unusable reads as the default."""

from PySide6.QtCore import QByteArray, QSettings

from zdl_gui.settings import DEFAULTS, Settings


def test_defaults_when_nothing_is_stored():
    settings = Settings()
    for key, default in DEFAULTS.items():
        assert settings.value(key) == default


def test_values_round_trip_through_the_ini_file():
    settings = Settings()
    settings.set_value("ui/theme", "dark")
    settings.set_value("tabs/demo/count", 7)
    settings.set_value("tabs/demo/ratio", 0.25)
    settings.set_value("tabs/demo/flag", True)
    settings.set_value("window/geometry", QByteArray(b"\x01\x02"))
    settings.sync()
    again = Settings(QSettings())
    assert again.value("ui/theme") == "dark"
    assert again.value("tabs/demo/count", 1) == 7
    assert again.value("tabs/demo/ratio", 1.0) == 0.25
    assert again.value("tabs/demo/flag", False) is True
    assert again.value("window/geometry") == QByteArray(b"\x01\x02")


def test_wrong_types_and_unknown_choices_read_as_defaults():
    settings = Settings()
    settings.set_value("ui/theme", "purple")
    settings.set_value("ui/language", "fr")
    settings.set_value("tabs/demo/count", "many")
    settings.set_value("tabs/demo/ratio", "nan")
    settings.set_value("tabs/demo/flag", "perhaps")
    settings.set_value("window/geometry", "not bytes")
    assert settings.value("ui/theme") == "system"
    assert settings.value("ui/language") == "system"
    assert settings.value("tabs/demo/count", 3) == 3
    assert settings.value("tabs/demo/ratio", 0.5) == 0.5
    assert settings.value("tabs/demo/flag", False) is False
    assert settings.value("window/geometry") == QByteArray()


def test_remove_forgets_a_whole_group():
    settings = Settings()
    settings.set_value("window/last_view", "activation")
    settings.remove("window")
    assert settings.value("window/last_view") == "start"
