"""The Japanese translation is complete, consistent and compiled (Qt Linguist .ts → .qm)."""

import ast
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from zdl_gui.i18n import QM_FILE, TS_FILE, compile_qm, update_ts


def messages(ts_file):
    """(context, source, translation element) for every message of a .ts file."""
    root = ET.parse(ts_file).getroot()
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message.findtext("source"), message.find("translation")


def test_every_message_is_translated():
    unfinished = [
        (context, source)
        for context, source, translation in messages(TS_FILE)
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not translation.text
    ]
    assert not unfinished, f"{len(unfinished)} untranslated, e.g. {unfinished[:5]}"


def test_placeholders_and_accelerators_survive_translation():
    for context, source, translation in messages(TS_FILE):
        text = translation.text or ""
        placeholder = re.compile(r"\{\d*\}|%n|%\d")
        assert set(placeholder.findall(source)) == set(placeholder.findall(text)), (
            context,
            source,
        )
        assert ("&" in source.replace("&&", "")) == ("&" in text.replace("&&", "")), source


def test_no_marked_string_is_missing_from_the_ts(tmp_path):
    """Running lupdate on a copy finds no message that the committed .ts lacks."""
    copy = tmp_path / "copy.ts"
    shutil.copy(TS_FILE, copy)
    update_ts(copy)
    before = {(c, s) for c, s, _ in messages(TS_FILE)}
    after = {(c, s) for c, s, _ in messages(copy)}
    assert after == before, f"new: {sorted(after - before)[:5]}, gone: {sorted(before - after)[:5]}"


def test_the_committed_qm_is_compiled_from_the_ts(tmp_path):
    fresh = tmp_path / "fresh.qm"
    compile_qm(TS_FILE, fresh)
    assert fresh.read_bytes() == QM_FILE.read_bytes(), "run: uv run python -m zdl_gui.i18n"


@pytest.mark.parametrize(
    ("context", "source", "expected"),
    [
        ("MainWindow", "&File", "ファイル(&F)"),
        ("MainWindow", "Start", "はじめに"),
        ("Chapters", "Activation functions", "活性化関数"),
        ("Chapters", "Backpropagation", "誤差逆伝播法"),
    ],
)
def test_the_book_terms_are_used(context, source, expected):
    found = {(c, s): t.text for c, s, t in messages(TS_FILE)}
    assert found[context, source] == expected


def _translation_calls_lupdate_cannot_see(path):
    """tr() calls inside f-strings, self.tr() of anything but a literal, and translate() of a
    literal text under a context held in a variable: lupdate skips all three."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inside_fstrings = {
        id(node)
        for fstring in ast.walk(tree)
        if isinstance(fstring, ast.JoinedStr)
        for node in ast.walk(fstring)
    }
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr == "tr" and id(node) in inside_fstrings:
            yield node.lineno, "tr() inside an f-string"
        elif node.func.attr == "tr" and not (
            node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.lineno, "tr() of something other than a string literal"
        elif (
            node.func.attr == "translate"
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and not isinstance(node.args[0], ast.Constant)
        ):
            yield node.lineno, "translate() of a literal text with a context that is not a literal"


def test_every_translated_string_is_visible_to_lupdate():
    problems = [
        f"{path.name}:{line}: {what}"
        for path in sorted((Path(__file__).parents[2] / "zdl_gui").rglob("*.py"))
        for line, what in _translation_calls_lupdate_cannot_see(path)
    ]
    assert not problems, problems
