"""Check my code (自分のコードをチェック): run a learner's functions against ``core``, safely (§3–§6).

The learner pastes code into the editor or opens a ``.py`` file. :func:`core.code_check.prepare_source`
compiles it here without running it (a syntax error is shown with its line, marked in the editor)
and finds the functions and classes the checker knows. The code then runs in a separate, isolated
Python process (:mod:`core.code_check_runner`) started with a non-blocking ``QProcess``: a
``QTimer`` kills it after the time limit, the runner itself limits memory on Linux and caps what
the code prints, and whatever happens (an infinite loop, ``sys.exit()``, a crash, a huge
allocation) the window stays responsive and the process is killed and waited for.

Results arrive case by case and are shown in a tree (function → cases) with the input, the
expected and the actual value of the selected case and the gallery mistake it looks like. The
latest result of every function is kept in a small JSON file in the app's data folder, so the
Progress page shows ✓ / ✗ / not yet through the chapters.

:class:`CodeCheckPage` is the widget (a page of :class:`~zdl_gui.tabs.mistakes_tab.MistakesTab`);
:class:`CodeCheckTab` wraps it as a tab of its own (``topic_id = "check"``) for running it alone
(``python -m zdl_gui.tabs.code_check_page``) or registering it separately. :class:`CodeView` (a
monospace editor with line numbers and marks in a gutter) is shared with the gallery.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QProcess,
    QProcessEnvironment,
    QRect,
    QSize,
    QStandardPaths,
    Qt,
    QTemporaryDir,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import code_check as cc
from zdl_gui.settings import Settings
from zdl_gui.tabs.base import StudyTab, Table, run_standalone
from zdl_gui.tabs.registry import tr_chapters
from zdl_gui.theme import is_dark
from zdl_gui.widgets.inline_message import InlineMessage, Level

#: Largest file opened, in bytes (bigger files get a message instead).
MAX_FILE_BYTES = cc.MAX_SOURCE_CHARS
#: Largest editor text remembered between runs (characters).
MAX_REMEMBERED_CHARS = 100_000
#: Name of the progress file in the app's data folder.
PROGRESS_FILE = "code_check_progress.json"

_CONTEXT = "CodeCheckPage"

#: What each case checks, by case id.
CASE_LABELS: dict[str, str] = {
    "ordinary": QT_TRANSLATE_NOOP("CodeCheckPage", "ordinary input"),
    "zero_and_batch": QT_TRANSLATE_NOOP("CodeCheckPage", "x = 0 and a 2-D input"),
    "zero": QT_TRANSLATE_NOOP("CodeCheckPage", "x = 0"),
    "batch": QT_TRANSLATE_NOOP("CodeCheckPage", "a batch (2-D input)"),
    "large": QT_TRANSLATE_NOOP("CodeCheckPage", "large values (overflow)"),
    "overflow": QT_TRANSLATE_NOOP("CodeCheckPage", "large scores (overflow)"),
    "book_example": QT_TRANSLATE_NOOP("CodeCheckPage", "the book's example"),
    "second_example": QT_TRANSLATE_NOOP("CodeCheckPage", "the book's second example"),
    "onehot": QT_TRANSLATE_NOOP("CodeCheckPage", "one-hot t"),
    "onehot_second": QT_TRANSLATE_NOOP("CodeCheckPage", "one-hot t, wrong guess"),
    "batch_onehot": QT_TRANSLATE_NOOP("CodeCheckPage", "batch of 3, one-hot t"),
    "labels": QT_TRANSLATE_NOOP("CodeCheckPage", "class labels as t"),
    "zero_probability": QT_TRANSLATE_NOOP("CodeCheckPage", "correct class has y = 0"),
    "at_5": QT_TRANSLATE_NOOP("CodeCheckPage", "the book's example at x = 5"),
    "at_10": QT_TRANSLATE_NOOP("CodeCheckPage", "the book's example at x = 10"),
    "book_point": QT_TRANSLATE_NOOP("CodeCheckPage", "the book's point (3, 4)"),
    "integer_input": QT_TRANSLATE_NOOP("CodeCheckPage", "an integer array x"),
    "matrix": QT_TRANSLATE_NOOP("CodeCheckPage", "a 2-D x (a weight matrix)"),
    "few_steps": QT_TRANSLATE_NOOP("CodeCheckPage", "three steps"),
    "forward_backward": QT_TRANSLATE_NOOP("CodeCheckPage", "forward and backward"),
    "apple": QT_TRANSLATE_NOOP("CodeCheckPage", "the apple example"),
    "forward": QT_TRANSLATE_NOOP("CodeCheckPage", "forward"),
    "backward": QT_TRANSLATE_NOOP("CodeCheckPage", "backward"),
    "gradient_check": QT_TRANSLATE_NOOP("CodeCheckPage", "backward against the numerical gradient"),
    "init": QT_TRANSLATE_NOOP("CodeCheckPage", "attributes after __init__"),
    "params": QT_TRANSLATE_NOOP("CodeCheckPage", "parameter shapes"),
    "predict": QT_TRANSLATE_NOOP("CodeCheckPage", "predict"),
    "loss": QT_TRANSLATE_NOOP("CodeCheckPage", "loss"),
    "accuracy": QT_TRANSLATE_NOOP("CodeCheckPage", "accuracy"),
    "gradient": QT_TRANSLATE_NOOP("CodeCheckPage", "gradient"),
    "first_step": QT_TRANSLATE_NOOP("CodeCheckPage", "the first step"),
    "race": QT_TRANSLATE_NOOP("CodeCheckPage", "30 steps on x²/20 + y²"),
    "scale": QT_TRANSLATE_NOOP("CodeCheckPage", "training and test outputs on one scale"),
    "training": QT_TRANSLATE_NOOP("CodeCheckPage", "training: about half the units dropped"),
    "gamma_beta": QT_TRANSLATE_NOOP("CodeCheckPage", "with γ and β"),
    "test_time": QT_TRANSLATE_NOOP("CodeCheckPage", "test time: the running averages"),
    "parameter_gradients": QT_TRANSLATE_NOOP("CodeCheckPage", "dγ and dβ"),
}

#: Why a case failed, by reason code.
REASON_TEXTS: dict[str, str] = {
    "raised": QT_TRANSLATE_NOOP("CodeCheckPage", "raised an error"),
    "wrong_value": QT_TRANSLATE_NOOP("CodeCheckPage", "wrong value"),
    "wrong_shape": QT_TRANSLATE_NOOP("CodeCheckPage", "wrong shape"),
    "wrong_type": QT_TRANSLATE_NOOP("CodeCheckPage", "wrong type"),
    "not_finite": QT_TRANSLATE_NOOP("CodeCheckPage", "inf or nan"),
    "mutated_input": QT_TRANSLATE_NOOP("CodeCheckPage", "changed its input"),
    "memory": QT_TRANSLATE_NOOP("CodeCheckPage", "ran out of memory"),
    "timeout": QT_TRANSLATE_NOOP("CodeCheckPage", "did not finish in time"),
    "crash": QT_TRANSLATE_NOOP("CodeCheckPage", "the process crashed"),
    "exit": QT_TRANSLATE_NOOP("CodeCheckPage", "ended the process"),
    "stopped": QT_TRANSLATE_NOOP("CodeCheckPage", "stopped"),
}

CHAPTER_NAMES: dict[int, str] = {
    3: QT_TRANSLATE_NOOP("Chapters", "Neural networks"),
    4: QT_TRANSLATE_NOOP("Chapters", "Neural network training"),
    5: QT_TRANSLATE_NOOP("Chapters", "Backpropagation"),
    6: QT_TRANSLATE_NOOP("Chapters", "Training techniques"),
    7: QT_TRANSLATE_NOOP("Chapters", "Convolutional neural networks"),
}

#: A file to try the checker on: a few of the book's functions, some with a known slip.
EXAMPLE_SOURCE = """import numpy as np


def sigmoid(x):
    return 1 / 1 + np.exp(-x)


def softmax(a):
    c = np.max(a)
    exp_a = np.exp(a - c)
    return exp_a / np.sum(exp_a)


def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    batch_size = y.ndim
    return -np.sum(t * np.log(y + 1e-7)) / batch_size


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = (x <= 0)
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout[self.mask] = 0
        return dout
"""


def chapter_title(chapter: int) -> str:
    """'Chapter 3 · Neural networks' in the current language."""
    name = tr_chapters(CHAPTER_NAMES.get(chapter, ""))
    return QCoreApplication.translate("CodeCheckPage", "Chapter {0} · {1}").format(chapter, name)


def case_label(case_id: str) -> str:
    text = CASE_LABELS.get(case_id)
    return QCoreApplication.translate(_CONTEXT, text) if text else case_id


def reason_text(reason: str | None) -> str:
    if reason is None:
        return QCoreApplication.translate("CodeCheckPage", "passed")
    text = REASON_TEXTS.get(reason)
    return QCoreApplication.translate(_CONTEXT, text) if text else reason


def mistake_title(mistake_id: str) -> str:
    """The gallery's translated title of a mistake (imported late: the gallery imports us)."""
    from zdl_gui.tabs.mistakes_tab import mistake_title as gallery_title

    return gallery_title(mistake_id)


def progress_path() -> Path:
    """Where the progress is kept: the app's data folder (tests point this at a temp folder)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    if not folder:  # no home folder: keep it for this session only
        folder = os.path.join(tempfile.gettempdir(), "zdl-studio")
    return Path(folder) / PROGRESS_FILE


def load_progress(path: Path) -> dict[str, Any]:
    """The saved progress, or an empty dict when the file is missing or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data.get("functions", {}) if isinstance(data, dict) else {}


def save_progress(path: Path, progress: Mapping[str, Any]) -> bool:
    """Write the progress atomically; False when the folder cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(
            json.dumps({"version": 1, "functions": progress}, indent=1), encoding="utf-8"
        )
        os.replace(temporary, path)
    except OSError:
        return False
    return True


def monospace_font() -> QFont:
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


# --- the code view ---------------------------------------------------------------------------


class _Gutter(QWidget):
    """The strip left of a :class:`CodeView`: line numbers and a mark per line."""

    def __init__(self, view: CodeView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self) -> QSize:
        return QSize(self._view.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._view.paint_gutter(event)


class CodeView(QPlainTextEdit):
    """A monospace code editor (or viewer) with line numbers and per-line marks in a gutter.

    :meth:`set_marks` puts a symbol (``"−"``, ``"+"``, ``"⚠"``) next to chosen lines, so changed
    or wrong lines are told apart without relying on colour; :meth:`set_highlights` colours whole
    lines and character ranges behind the text.
    """

    def __init__(self, read_only: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(monospace_font())
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setReadOnly(read_only)
        self.setTabChangesFocus(read_only)
        self._marks: dict[int, str] = {}
        self._gutter = _Gutter(self)
        self.blockCountChanged.connect(self._update_margin)
        self.updateRequest.connect(self._update_gutter)
        self._update_margin()

    # marks and highlights

    def set_marks(self, marks: Mapping[int, str]) -> None:
        """Show ``marks[line]`` (0-based lines) in the gutter; other lines show none."""
        self._marks = dict(marks)
        self._update_margin()
        self._gutter.update()

    def marks(self) -> dict[int, str]:
        return dict(self._marks)

    def set_highlights(
        self,
        lines: Mapping[int, QColor],
        spans: Mapping[int, tuple[tuple[int, int], ...]] | None = None,
        span_color: QColor | None = None,
    ) -> None:
        """Colour whole lines (``lines[i]``) and character ranges within them (``spans[i]``)."""
        selections = []
        doc = self.document()
        for line, color in lines.items():
            block = doc.findBlockByNumber(line)
            if not block.isValid():
                continue
            sel = QTextEdit.ExtraSelection()
            sel.format.setBackground(color)
            sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            sel.cursor = QTextCursor(block)
            selections.append(sel)
        for line, ranges in (spans or {}).items():
            block = doc.findBlockByNumber(line)
            if not block.isValid() or span_color is None:
                continue
            for start, end in ranges:
                if end <= start:
                    continue
                sel = QTextEdit.ExtraSelection()
                sel.format.setBackground(span_color)
                cursor = QTextCursor(block)
                cursor.setPosition(block.position() + min(start, block.length() - 1))
                cursor.setPosition(
                    block.position() + min(end, block.length() - 1),
                    QTextCursor.MoveMode.KeepAnchor,
                )
                sel.cursor = cursor
                selections.append(sel)
        self.setExtraSelections(selections)

    def fit_height_to_lines(self, scrollbar: bool = True) -> None:
        """Make the view exactly as tall as its text, for read-only views.

        With ``scrollbar`` False the lines are known to fit the width: no horizontal scroll bar
        is shown and no room is kept for one.
        """
        lines = max(1, self.document().blockCount())
        metrics = self.fontMetrics()
        margins = self.contentsMargins()
        doc_margin = 2 * self.document().documentMargin()
        policy = (
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if scrollbar
            else (Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        )
        self.setHorizontalScrollBarPolicy(policy)
        bar = self.horizontalScrollBar().sizeHint().height() if scrollbar else 0
        height = lines * metrics.lineSpacing() + margins.top() + margins.bottom() + doc_margin
        self.setFixedHeight(int(height + bar + 4))

    # the gutter

    def gutter_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        metrics = self.fontMetrics()
        return 8 + metrics.horizontalAdvance("9") * digits + metrics.horizontalAdvance("⚠") + 6

    @Slot()
    def _update_margin(self) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    @Slot(QRect, int)
    def _update_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        rect = self.contentsRect()
        self._gutter.setGeometry(QRect(rect.left(), rect.top(), self.gutter_width(), rect.height()))

    def paint_gutter(self, event: QPaintEvent) -> None:
        painter = QPainter(self._gutter)
        palette = self.palette()
        painter.fillRect(event.rect(), palette.color(QPalette.ColorRole.AlternateBase))
        number_color = palette.color(QPalette.ColorRole.PlaceholderText)
        mark_color = palette.color(QPalette.ColorRole.Text)
        metrics = self.fontMetrics()
        mark_width = metrics.horizontalAdvance("⚠") + 4
        block = self.firstVisibleBlock()
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        while block.isValid() and top <= event.rect().bottom():
            height = self.blockBoundingRect(block).height()
            if block.isVisible() and top + height >= event.rect().top():
                number = block.blockNumber()
                row = QRect(0, int(top), self._gutter.width() - mark_width - 4, metrics.height())
                painter.setPen(number_color)
                painter.drawText(row, Qt.AlignmentFlag.AlignRight, str(number + 1))
                mark = self._marks.get(number)
                if mark:
                    painter.setPen(mark_color)
                    box = QRect(
                        self._gutter.width() - mark_width, int(top), mark_width, metrics.height()
                    )
                    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, mark)
            block = block.next()
            top += height
        painter.end()


class PythonHighlighter(QSyntaxHighlighter):
    """A small Python highlighter: keywords, strings, comments and numbers, palette-aware."""

    _KEYWORDS = (
        r"\b(?:and|as|assert|break|class|continue|def|del|elif|else|except|False|finally|for|"
        r"from|global|if|import|in|is|lambda|None|nonlocal|not|or|pass|raise|return|True|try|"
        r"while|with|yield)\b"
    )

    def __init__(self, document: QTextDocument, dark: bool = False) -> None:
        super().__init__(document)
        self.set_dark(dark)

    def set_dark(self, dark: bool) -> None:
        colors = (
            ("#c792ea", "#c3e88d", "#8c8c90", "#f78c6c")
            if dark
            else ("#7a3e9d", "#2e7d32", "#6a6a6a", "#b35900")
        )
        self._rules = []
        for pattern, color, bold in (
            (self._KEYWORDS, colors[0], True),
            (r"\b\d+(?:\.\d*)?(?:[eE][-+]?\d+)?\b", colors[3], False),
            (r"'[^'\n]*'|\"[^\"\n]*\"", colors[1], False),
            (r"#[^\n]*", colors[2], False),
        ):
            fmt = QTextCharFormat()
            fmt.setForeground(QColor(color))
            if bold:
                fmt.setFontWeight(QFont.Weight.Bold)
            self._rules.append((re.compile(pattern), fmt))
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        for regex, fmt in self._rules:
            for match in regex.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), fmt)


# --- the page --------------------------------------------------------------------------------


class CodeCheckPage(QWidget):
    """Paste or open code, check it in a separate process, see the cases and the progress.

    ``time_limit_ms`` and ``memory_limit_mb`` may be changed before a check (tests use a short
    time limit). ``mistake_requested`` asks to show a gallery entry.
    """

    mistake_requested = Signal(str)
    #: Emitted with the report when a check ends (whatever the verdict).
    check_finished = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.time_limit_ms = int(cc.TIME_LIMIT_S * 1000)
        self.memory_limit_mb = cc.MEMORY_LIMIT_MB
        self.progress_file = progress_path()
        self.progress: dict[str, Any] = load_progress(self.progress_file)
        self.report: cc.CheckReport | None = None
        self._filename = "<your code>"
        self._file_note: tuple[str, dict[str, Any]] | None = None
        self._process: QProcess | None = None
        self._tempdir: QTemporaryDir | None = None
        self._stdout = bytearray()
        self._stderr = bytearray()
        self._timed_out = False
        self._stopped = False
        self._overflowed = False
        self._running: tuple[str, str] | None = None
        self._error_line: int | None = None

        self._kill_timer = QTimer(self)
        self._kill_timer.setSingleShot(True)
        self._kill_timer.timeout.connect(self._on_time_limit)

        self._build()
        self.check_button.clicked.connect(self.start_check)
        self.stop_button.clicked.connect(self.stop_check)
        self.open_button.clicked.connect(self.open_file_dialog)
        self.example_button.clicked.connect(self.load_example)
        self.results_tree.currentItemChanged.connect(self._on_result_selected)
        self.gallery_button.clicked.connect(self._on_gallery_clicked)
        self.editor.textChanged.connect(self._on_text_changed)
        self._set_running(False)
        self._fill_progress()

    # building

    def _build(self) -> None:
        self.open_button = QPushButton()
        self.example_button = QPushButton()
        self.check_button = QPushButton()
        self.check_button.setDefault(True)
        self.stop_button = QPushButton()
        self.limits_label = _note_label()
        buttons = QHBoxLayout()
        for button in (self.open_button, self.example_button, self.check_button, self.stop_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.editor = CodeView(read_only=False)
        self.editor.setMinimumWidth(320)
        self._highlighter = PythonHighlighter(self.editor.document(), is_dark(self.palette()))
        self.file_message = InlineMessage()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.limits_label)
        left_layout.addWidget(self.editor, 1)
        left_layout.addWidget(self.file_message)

        self.verdict_label = QLabel()
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.verdict_label.font()
        font.setBold(True)
        self.verdict_label.setFont(font)
        self.status_label = _note_label()

        self.results_tree = QTreeWidget()
        self.results_tree.setColumnCount(3)
        self.results_tree.setRootIsDecorated(True)
        self.results_tree.setUniformRowHeights(True)
        header = self.results_tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setFont(monospace_font())
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.gallery_button = QPushButton()
        self.gallery_button.setEnabled(False)
        self._selected_mistake: str | None = None

        results = QWidget()
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.verdict_label)
        results_layout.addWidget(self.status_label)
        inner = QSplitter(Qt.Orientation.Vertical)
        inner.addWidget(self.results_tree)
        details_box = QWidget()
        details_layout = QVBoxLayout(details_box)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(self.details, 1)
        details_layout.addWidget(self.gallery_button, 0, Qt.AlignmentFlag.AlignLeft)
        inner.addWidget(details_box)
        inner.setStretchFactor(0, 3)
        inner.setStretchFactor(1, 2)
        results_layout.addWidget(inner, 1)

        self.progress_tree = QTreeWidget()
        self.progress_tree.setColumnCount(3)
        progress_header = self.progress_tree.header()
        progress_header.setStretchLastSection(False)
        progress_header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        progress_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        progress_header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.progress_note = _note_label()
        progress = QWidget()
        progress_layout = QVBoxLayout(progress)
        progress_layout.setContentsMargins(0, 0, 0, 0)
        progress_layout.addWidget(self.progress_note)
        progress_layout.addWidget(self.progress_tree, 1)

        self.output_view = QPlainTextEdit()
        self.output_view.setReadOnly(True)
        self.output_view.setFont(monospace_font())
        self.output_note = _note_label()
        output = QWidget()
        output_layout = QVBoxLayout(output)
        output_layout.setContentsMargins(0, 0, 0, 0)
        output_layout.addWidget(self.output_note)
        output_layout.addWidget(self.output_view, 1)

        self.side_pages = QTabWidget()
        self.side_pages.setDocumentMode(True)
        self.side_pages.addTab(results, "")
        self.side_pages.addTab(progress, "")
        self.side_pages.addTab(output, "")

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.side_pages)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 6)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    # language and theme

    def retranslate_ui(self) -> None:
        """Every visible string of the page."""
        self.open_button.setText(self.tr("Open .py file…"))
        self.open_button.setToolTip(self.tr("Load your own code from a file (at most 1 MB)"))
        self.example_button.setText(self.tr("Example"))
        self.example_button.setToolTip(
            self.tr("Put a small example with some of the common mistakes into the editor")
        )
        self.check_button.setText(self.tr("Check"))
        self.check_button.setToolTip(
            self.tr("Run your functions against ZDL Studio's own implementation")
        )
        self.stop_button.setText(self.tr("Stop"))
        self._show_limits()
        self.editor.setPlaceholderText(self.tr("import numpy as np\n\ndef sigmoid(x):\n    ..."))
        self.results_tree.setHeaderLabels(
            [self.tr("Function / case"), self.tr("Result"), self.tr("Looks like")]
        )
        self.progress_tree.setHeaderLabels(
            [self.tr("Function"), self.tr("Latest result"), self.tr("Checked")]
        )
        self.progress_note.setText(
            self.tr("Your latest result for every function the checker knows, by chapter.")
        )
        self.output_note.setText(self.tr("What your code printed (the first 64,000 characters)."))
        self.gallery_button.setText(self.tr("Show this mistake in the gallery"))
        self.details.setPlaceholderText(
            self.tr("Select a function or a case to see its input, the expected value and yours.")
        )
        self.side_pages.setTabText(0, self.tr("Results"))
        self.side_pages.setTabText(1, self.tr("Progress"))
        self.side_pages.setTabText(2, self.tr("Output"))
        self._show_file_note()
        if self.report is not None:
            self._show_report(self.report)
        elif self._process is None:
            self.verdict_label.setText(self.tr("Not checked yet."))
        self._fill_progress()
        self._on_result_selected(self.results_tree.currentItem(), None)

    @property
    def time_limit_ms(self) -> int:
        """How long a check may run before its process is killed (milliseconds)."""
        return self._time_limit_ms

    @time_limit_ms.setter
    def time_limit_ms(self, value: int) -> None:
        self._time_limit_ms = int(value)
        if hasattr(self, "limits_label"):
            self._show_limits()

    def _show_limits(self) -> None:
        """What is checked and under which limits (Linux enforces the memory limit)."""
        if sys.platform.startswith("linux"):
            limits = self.tr(
                "Your code runs in a separate process for at most {0} s and {1} MiB of memory."
            ).format(_seconds(self.time_limit_ms), self.memory_limit_mb)
        else:
            limits = self.tr(
                "Your code runs in a separate process for at most {0} s (memory is not limited "
                "on this system)."
            ).format(_seconds(self.time_limit_ms))
        self.limits_label.setText(
            self.tr(
                "Paste your sigmoid, softmax, cross_entropy_error, numerical_gradient, Relu, "
                "Affine, SoftmaxWithLoss, TwoLayerNet, an optimizer …"
            )
            + " "
            + limits
            + " "
            + self.tr('Code under if __name__ == "__main__": is not run.')
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "_highlighter"):
            self._highlighter.set_dark(is_dark(self.palette()))
            self._mark_error_line(self._error_line)
        super().changeEvent(event)

    # loading code

    @Slot()
    def open_file_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open your code"), "", self.tr("Python files (*.py);;All files (*)")
        )
        if path:
            self.load_file(path)

    def load_file(self, path: str | os.PathLike[str]) -> bool:
        """Put a file's code into the editor; bad files get a message and leave the editor as is."""
        file = Path(path)
        try:
            size = file.stat().st_size
            if size > MAX_FILE_BYTES:
                raise cc.SourceError("too_large", size=size, limit=MAX_FILE_BYTES)
            decoded = cc.decode_source(file.read_bytes(), MAX_FILE_BYTES)
        except cc.SourceError as exc:
            self._file_note = (exc.reason, {**exc.detail, "name": file.name})
            self._show_file_note()
            return False
        except OSError as exc:
            self._file_note = ("unreadable", {"name": file.name, "error": exc.strerror or str(exc)})
            self._show_file_note()
            return False
        self._filename = file.name
        self._replace_code(decoded.text)
        note: tuple[str, dict[str, Any]] | None = None
        if decoded.fallback:
            note = ("fallback", {"name": file.name, "encoding": decoded.encoding})
        elif not decoded.text.strip():
            note = ("empty_file", {"name": file.name})
        self._file_note = note
        self._show_file_note()
        return True

    @Slot()
    def load_example(self) -> None:
        self._filename = "example.py"
        self._replace_code(EXAMPLE_SOURCE)

    def _replace_code(self, text: str) -> None:
        """Replace the editor's code as one edit, so Ctrl+Z brings the old code back."""
        cursor = self.editor.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        self.editor.setTextCursor(cursor)

    def _show_file_note(self) -> None:
        if self._file_note is None:
            self.file_message.clear_message()
            return
        kind, d = self._file_note
        if kind == "too_large":
            text = self.tr("{0} is too large ({1} bytes; at most {2} bytes are read).").format(
                d["name"], d["size"], d["limit"]
            )
            self.file_message.show_message(text, Level.ERROR)
        elif kind == "binary":
            self.file_message.show_message(
                self.tr("{0} is not a text file (it contains NUL bytes).").format(d["name"]),
                Level.ERROR,
            )
        elif kind == "undecodable":
            self.file_message.show_message(
                self.tr(
                    "{0} could not be read as text: byte {1} is neither UTF-8 nor Shift_JIS "
                    "(cp932). Save the file as UTF-8 and open it again."
                ).format(d["name"], d["position"]),
                Level.ERROR,
            )
        elif kind == "unreadable":
            self.file_message.show_message(
                self.tr("{0} could not be opened: {1}").format(d["name"], d["error"]), Level.ERROR
            )
        elif kind == "fallback":
            self.file_message.show_message(
                self.tr(
                    "{0} is not UTF-8; it was read as Shift_JIS ({1}). Check that the Japanese "
                    "text looks right."
                ).format(d["name"], d["encoding"]),
                Level.WARNING,
            )
        elif kind == "empty_file":
            self.file_message.show_message(
                self.tr("{0} is empty: there is nothing to check.").format(d["name"]),
                Level.WARNING,
            )

    @Slot()
    def _on_text_changed(self) -> None:
        if self._error_line is not None:
            self._mark_error_line(None)

    # running a check

    def is_running(self) -> bool:
        return self._process is not None

    @Slot()
    def start_check(self) -> None:
        """Check the editor's code: compile here, then run it in a separate process."""
        if self._process is not None:
            return
        self._mark_error_line(None)
        prepared = cc.prepare_source(self.editor.toPlainText(), self._filename)
        if isinstance(prepared, cc.CheckReport):
            self._finish(prepared)
            return
        self._stdout.clear()
        self._stderr.clear()
        self._timed_out = self._stopped = self._overflowed = False
        self._running = None
        self._tempdir = QTemporaryDir()
        process = QProcess(self)
        process.setWorkingDirectory(self._tempdir.path() if self._tempdir.isValid() else "")
        env = QProcessEnvironment()
        for key, value in cc.minimal_environment().items():
            env.insert(key, value)
        process.setProcessEnvironment(env)
        command = cc.runner_command()
        process.setProgram(command[0])
        process.setArguments(command[1:])
        process.readyReadStandardOutput.connect(self._on_stdout)
        process.readyReadStandardError.connect(self._on_stderr)
        process.finished.connect(self._on_finished)
        process.errorOccurred.connect(self._on_process_error)
        self._process = process
        self._prepared = prepared
        self.results_tree.clear()
        self.details.clear()
        self.output_view.clear()
        self.report = None
        self.verdict_label.setText(self.tr("Checking {0}…").format(", ".join(prepared.targets)))
        self.status_label.setText(self.tr("Starting Python…"))
        self._set_running(True)
        process.start()
        if process.state() != QProcess.ProcessState.NotRunning:
            process.write(
                cc.build_request(
                    prepared, filename=self._filename, memory_limit_mb=self.memory_limit_mb
                )
            )
            process.closeWriteChannel()
            self._kill_timer.start(self.time_limit_ms)

    @Slot()
    def stop_check(self) -> None:
        """Stop a running check now."""
        if self._process is not None:
            self._stopped = True
            self._kill()

    def shutdown(self) -> None:
        """Kill a running check and wait for it: no process outlives the page."""
        self._kill_timer.stop()
        process = self._process
        if process is not None:
            self._stopped = True
            self._kill()
            process.waitForFinished(3000)
            if self._process is process:  # finished was not delivered (no event loop): tidy up
                self._cleanup_process()

    def _kill(self) -> None:
        process = self._process
        if process is None or process.state() == QProcess.ProcessState.NotRunning:
            return
        pid = int(process.processId())
        cc.kill_process_tree(pid)
        process.kill()

    @Slot()
    def _on_time_limit(self) -> None:
        if self._process is not None:
            self._timed_out = True
            self._kill()

    @Slot()
    def _on_stdout(self) -> None:
        process = self._process
        if process is None:
            return
        data = bytes(process.readAllStandardOutput().data())
        if len(self._stdout) + len(data) > cc.PROTOCOL_LIMIT:
            self._overflowed = True
            self._kill()
            return
        self._stdout.extend(data)
        self._show_progress_events()

    @Slot()
    def _on_stderr(self) -> None:
        process = self._process
        if process is None:
            return
        data = bytes(process.readAllStandardError().data())
        room = 16_000 - len(self._stderr)
        if room > 0:
            self._stderr.extend(data[:room])

    def _show_progress_events(self) -> None:
        """Show which case is running and add finished cases as they arrive."""
        events, _ = cc.parse_events(bytes(self._stdout[: self._stdout.rfind(b"\n") + 1]))
        running = None
        cases = []
        for event in events:
            if event.get("event") == "case_start":
                running = (str(event.get("target")), str(event.get("case")))
            elif event.get("event") == "case":
                running = None
                try:
                    cases.append(cc.CaseResult.from_json(event))
                except (KeyError, TypeError, ValueError):
                    continue
        if running is not None:
            self.status_label.setText(
                self.tr("Running {0}: {1}…").format(running[0], case_label(running[1]))
            )
        if len(cases) != self._case_count():
            self._fill_results(cc.group_cases(cases))

    def _case_count(self) -> int:
        root = self.results_tree.invisibleRootItem()
        return sum(root.child(i).childCount() for i in range(root.childCount()))

    @Slot(QProcess.ProcessError)
    def _on_process_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and self._process is not None:
            message = self._process.errorString()
            self._cleanup_process()
            self._finish(cc.CheckReport("failed_to_start", {"message": message}))

    @Slot(int, QProcess.ExitStatus)
    def _on_finished(self, exit_code: int, status: QProcess.ExitStatus) -> None:
        process = self._process
        if process is None:
            return
        self._stdout.extend(bytes(process.readAllStandardOutput().data()))
        crashed = status == QProcess.ExitStatus.CrashExit
        code = -exit_code if crashed and os.name == "posix" else exit_code
        events, garbled = cc.parse_events(bytes(self._stdout[: cc.PROTOCOL_LIMIT]))
        report = cc.assemble_report(
            events,
            exit_code=code,
            crashed=crashed,
            timed_out=self._timed_out,
            stopped=self._stopped,
            time_limit_s=self.time_limit_ms / 1000,
            memory_limit_mb=self.memory_limit_mb,
            garbled=garbled or self._overflowed,
            stderr=bytes(self._stderr).decode("utf-8", errors="replace"),
        )
        self._cleanup_process()
        self._finish(report)

    def _cleanup_process(self) -> None:
        self._kill_timer.stop()
        process, self._process = self._process, None
        if process is not None:
            for signal in (
                process.readyReadStandardOutput,
                process.readyReadStandardError,
                process.finished,
                process.errorOccurred,
            ):
                signal.disconnect()
            process.deleteLater()
        if self._tempdir is not None:
            self._tempdir.remove()
            self._tempdir = None
        self._set_running(False)

    def _finish(self, report: cc.CheckReport) -> None:
        self.report = report
        self.side_pages.setCurrentIndex(0)  # the results page shows the verdict
        self._show_report(report)
        if report.targets:
            stamp = _dt.datetime.now().isoformat(timespec="seconds")
            self.progress = cc.merge_progress(self.progress, report, stamp)
            save_progress(self.progress_file, self.progress)
            self._fill_progress()
        self.check_finished.emit(report)

    def _set_running(self, running: bool) -> None:
        self.check_button.setEnabled(not running)
        self.stop_button.setEnabled(running)
        self.open_button.setEnabled(not running)
        self.example_button.setEnabled(not running)
        self.editor.setReadOnly(running)
        if not running:
            self.status_label.clear()

    # showing results

    def _show_report(self, report: cc.CheckReport) -> None:
        self.verdict_label.setText(self.verdict_text(report))
        if report.verdict == "syntax_error":
            self._mark_error_line(int(report.detail.get("line", 1)) - 1)
        elif report.verdict == "import_error" and report.detail.get("line"):
            self._mark_error_line(int(report.detail["line"]) - 1)
        self._fill_results(report.targets)
        note = self.tr("(cut: it printed more)") if report.output_truncated else ""
        self.output_view.setPlainText(report.output + ("\n" + note if note else ""))
        if report.targets and self.results_tree.currentItem() is None:
            first_failed = next((t for t in report.targets if not t.passed), report.targets[0])
            self.select_case(first_failed.name, None)

    def verdict_text(self, report: cc.CheckReport) -> str:
        """The verdict of a check as one or two sentences in the current language."""
        d = report.detail
        v = report.verdict
        where = self._where(d)
        if v == "checked":
            passed = sum(t.passed for t in report.targets)
            text = self.tr("{0} of {1} checked functions passed every case.").format(
                passed, len(report.targets)
            )
            if report.missing:
                text += " " + self.tr("Defined but not callable after your file ran: {0}.").format(
                    ", ".join(report.missing)
                )
            return text
        if v == "empty":
            return self.tr("There is no code to check: paste your functions or open a .py file.")
        if v == "too_large":
            return self.tr("The code is too large to check ({0} characters; at most {1}).").format(
                d.get("size"), d.get("limit")
            )
        if v == "syntax_error":
            return self.tr("Syntax error on line {0}, column {1}: {2}").format(
                d.get("line"), d.get("column"), d.get("message")
            )
        if v == "nothing_found":
            return self.tr(
                "No function or class the checker knows was found. It checks: {0}."
            ).format(", ".join(t.name for t in cc.TARGETS))
        if v == "import_error":
            if d.get("module"):
                return self.tr(
                    "Your file imports the module '{0}', which is not available here. The "
                    "checker runs only the code in the editor: paste the functions it needs "
                    "(for example from common/functions.py) instead of importing them."
                ).format(d["module"])
            return self.tr("Running your file raised {0} on line {1}: {2}").format(
                d.get("type"), d.get("line") or "?", d.get("message")
            )
        if v == "exit":
            code = d.get("code")
            return self.tr("Your code called sys.exit({0}){1}. Nothing after it could run.").format(
                repr(code) if isinstance(code, str) else code, where
            )
        if v == "early_exit":
            return self.tr(
                "The process running your code ended early with exit code {0}{1} (os._exit?)."
            ).format(d.get("code"), where)
        if v == "timeout":
            return self.tr("Your code did not finish within {0} s and was stopped{1}.").format(
                _seconds(int(float(d.get("seconds", 0)) * 1000)), where
            )
        if v == "memory":
            if report.memory_limited is False:
                return self.tr("Your code ran out of memory (MemoryError).")
            return self.tr("Your code ran out of memory (limit {0} MiB).").format(
                d.get("limit_mb", self.memory_limit_mb)
            )
        if v == "crash":
            return self.tr("The process running your code crashed (exit code {0}){1}.").format(
                d.get("code"), where
            )
        if v == "stopped":
            return self.tr("Stopped{0}.").format(where)
        if v == "failed_to_start":
            return self.tr("Python could not be started to run your code: {0}").format(
                str(d.get("message", "")).strip()
            )
        return self.tr("The check did not report properly; try again.")

    def _where(self, detail: Mapping[str, Any]) -> str:
        if detail.get("target"):
            return self.tr(" while checking {0} ({1})").format(
                detail["target"], case_label(str(detail.get("case")))
            )
        if detail.get("stage") == "top_level":
            return self.tr(" while running your file's top-level code")
        return ""

    def _fill_results(self, targets: tuple[cc.TargetResult, ...]) -> None:
        selected = self._selected_key()
        self.results_tree.clear()
        for result in targets:
            item = QTreeWidgetItem()
            mark = "✓" if result.passed else "✗"
            item.setText(0, f"{mark} {result.name}")
            item.setText(
                1,
                self.tr("{0}/{1} passed").format(result.passed_count, len(result.cases)),
            )
            item.setText(2, ", ".join(result.mistakes))
            item.setData(0, Qt.ItemDataRole.UserRole, (result.name, None))
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            for case in result.cases:
                child = QTreeWidgetItem(item)
                child.setText(0, case_label(case.case))
                child.setToolTip(0, case_label(case.case))  # the whole label where it is cut
                child.setText(1, ("✓ " if case.passed else "✗ ") + reason_text(case.reason))
                child.setText(2, case.mistake or "")
                child.setData(0, Qt.ItemDataRole.UserRole, (result.name, case.case))
                if case.mistake:
                    child.setToolTip(2, mistake_title(case.mistake))
            self.results_tree.addTopLevelItem(item)
            item.setExpanded(not result.passed)
        if selected is not None:
            self.select_case(*selected)

    def _selected_key(self) -> tuple[str, str | None] | None:
        item = self.results_tree.currentItem()
        return None if item is None else item.data(0, Qt.ItemDataRole.UserRole)

    def select_case(self, target: str, case: str | None) -> bool:
        """Select a function (``case`` None) or one of its cases in the results."""
        root = self.results_tree.invisibleRootItem()
        for i in range(root.childCount()):
            item = root.child(i)
            if item.data(0, Qt.ItemDataRole.UserRole)[0] != target:
                continue
            if case is None:
                self.results_tree.setCurrentItem(item)
                return True
            for j in range(item.childCount()):
                child = item.child(j)
                if child.data(0, Qt.ItemDataRole.UserRole)[1] == case:
                    item.setExpanded(True)
                    self.results_tree.setCurrentItem(child)
                    return True
        return False

    def find_case(self, target: str, case: str) -> cc.CaseResult | None:
        report_cases = self.report.cases if self.report else ()
        return next((c for c in report_cases if c.target == target and c.case == case), None)

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def _on_result_selected(self, item: QTreeWidgetItem | None, _: object) -> None:
        self._selected_mistake = None
        if item is None:
            self.details.clear()
            self.gallery_button.setEnabled(False)
            return
        target, case_id = item.data(0, Qt.ItemDataRole.UserRole)
        if case_id is None:
            self.details.setPlainText(self._target_summary(target))
            mistakes = self.report.target(target).mistakes if self._has_target(target) else ()
            self._selected_mistake = mistakes[0] if mistakes else None
        else:
            case = self.find_case(target, case_id) or self._live_case(target, case_id)
            self.details.setPlainText(self._case_text(case) if case else "")
            self._selected_mistake = case.mistake if case else None
        self.gallery_button.setEnabled(self._selected_mistake is not None)

    def _has_target(self, name: str) -> bool:
        return self.report is not None and any(t.name == name for t in self.report.targets)

    def _live_case(self, target: str, case_id: str) -> cc.CaseResult | None:
        """A case shown while the check is still running (not in a report yet)."""
        events, _ = cc.parse_events(bytes(self._stdout[: self._stdout.rfind(b"\n") + 1]))
        for event in events:
            if (
                event.get("event") == "case"
                and event.get("target") == target
                and event.get("case") == case_id
            ):
                return cc.CaseResult.from_json(event)
        return None

    def _target_summary(self, target: str) -> str:
        if not self._has_target(target):
            return ""
        result = self.report.target(target)  # type: ignore[union-attr]
        info = cc.target(target)
        lines = [
            self.tr("{0} (§{1}): {2} of {3} cases passed.").format(
                target, info.section.lstrip("§"), result.passed_count, len(result.cases)
            )
        ]
        for mid in result.mistakes:
            lines.append(self.tr("Looks like {0}: {1}").format(mid, mistake_title(mid)))
        return "\n".join(lines)

    def _case_text(self, case: cc.CaseResult) -> str:
        def block(title: str, body: str) -> str:
            return title + "\n" + "\n".join("    " + line for line in body.splitlines())

        parts = [
            f"{case.target} · {case_label(case.case)} · "
            + ("✓ " if case.passed else "✗ ")
            + reason_text(case.reason),
            block(self.tr("Input"), case.call),
        ]
        if case.expected:
            parts.append(block(self.tr("Expected"), case.expected))
        parts.append(block(self.tr("Your code gave"), case.actual or reason_text(case.reason)))
        if case.warnings:
            parts.append(block(self.tr("Warnings"), "\n".join(case.warnings)))
        if case.mistake:
            parts.append(
                self.tr("Looks like {0}: {1}").format(case.mistake, mistake_title(case.mistake))
            )
        return "\n\n".join(parts)

    @Slot()
    def _on_gallery_clicked(self) -> None:
        if self._selected_mistake:
            self.mistake_requested.emit(self._selected_mistake)

    # the editor's error mark

    def _mark_error_line(self, line: int | None) -> None:
        self._error_line = line
        if line is None:
            self.editor.set_marks({})
            self.editor.set_highlights({})
            return
        color = QColor("#6b2a2a") if is_dark(self.palette()) else QColor("#ffd9d6")
        self.editor.set_marks({line: "⚠"})
        self.editor.set_highlights({line: color})
        block = self.editor.document().findBlockByNumber(line)
        if block.isValid():
            cursor = QTextCursor(block)
            self.editor.setTextCursor(cursor)
            self.editor.centerCursor()

    def error_line(self) -> int | None:
        """The 0-based line marked as wrong in the editor, if any."""
        return self._error_line

    # progress

    def _fill_progress(self) -> None:
        self.progress_tree.clear()
        for chapter in sorted({t.chapter for t in cc.TARGETS}):
            top = QTreeWidgetItem([chapter_title(chapter), "", ""])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setFirstColumnSpanned(False)
            for info in (t for t in cc.TARGETS if t.chapter == chapter):
                child = QTreeWidgetItem(top)
                entry = self.progress.get(info.name)
                child.setText(0, f"{self._progress_mark(entry)} {info.name}")
                child.setText(1, self._progress_text(entry))
                when = str(entry.get("when", "")) if isinstance(entry, Mapping) else ""
                child.setText(2, when[:16].replace("T", " "))
                child.setToolTip(1, child.text(1))
                child.setData(0, Qt.ItemDataRole.UserRole, info.name)
            self.progress_tree.addTopLevelItem(top)
            top.setExpanded(True)

    @staticmethod
    def _progress_mark(entry: Any) -> str:
        if not isinstance(entry, Mapping):
            return "–"
        return "✓" if entry.get("passed") else "✗"

    def _progress_text(self, entry: Any) -> str:
        if not isinstance(entry, Mapping):
            return self.tr("not checked yet")
        if entry.get("passed"):
            return self.tr("passed {0}/{1}").format(entry.get("passed_cases"), entry.get("cases"))
        mistakes = ", ".join(str(m) for m in entry.get("mistakes", ()))
        text = self.tr("failed: {0}/{1} passed").format(
            entry.get("passed_cases"), entry.get("cases")
        )
        return text + (" · " + mistakes if mistakes else "")

    def progress_row(self, name: str) -> tuple[str, str] | None:
        """(name column, status column) of a function in the Progress tree, for tests."""
        root = self.progress_tree.invisibleRootItem()
        for i in range(root.childCount()):
            top = root.child(i)
            for j in range(top.childCount()):
                child = top.child(j)
                if child.data(0, Qt.ItemDataRole.UserRole) == name:
                    return child.text(0), child.text(1)
        return None

    # export

    def export_table(self) -> Table:
        header = ["function", "case", "passed", "reason", "mistake", "expected", "actual"]
        rows = [
            [c.target, c.case, c.passed, c.reason or "", c.mistake or "", c.expected, c.actual]
            for c in (self.report.cases if self.report else ())
        ]
        return header, rows

    def persistent_widgets(self) -> Mapping[str, QWidget]:
        """The editor's code is remembered unless it is very long."""
        if len(self.editor.toPlainText()) > MAX_REMEMBERED_CHARS:
            return {}
        return {"code": self.editor}


def _seconds(ms: int) -> str:
    value = ms / 1000
    return f"{value:g}"


def _note_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class CodeCheckTab(StudyTab):
    """ "Check my code" as a tab of its own (it is also a page of the common-mistakes tab)."""

    topic_id = "check"
    mistake_requested = Signal(str)

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(settings, parent)
        self.page = CodeCheckPage()
        self.page.mistake_requested.connect(self.mistake_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.page)
        self.finish_setup()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Check my code"))
        self.page.retranslate_ui()

    def persistent_widgets(self) -> Mapping[str, QWidget]:
        return self.page.persistent_widgets()

    def table_for_export(self) -> Table | None:
        return self.page.export_table()

    def shutdown(self) -> None:
        self.page.shutdown()
        super().shutdown()


if __name__ == "__main__":
    raise SystemExit(run_standalone(CodeCheckTab))
