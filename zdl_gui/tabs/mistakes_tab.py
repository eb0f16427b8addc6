"""Common mistakes (よくある間違い): the errors learners of the book really make, run live (§3–§7).

The gallery page lists the patterns B1 … B39 of :mod:`core.mistakes` by chapter, with a filter.
For the chosen one it shows the buggy and the correct code side by side with the difference
highlighted (and marked "−" / "+" in the gutter, not by colour alone), what each outputs on the
demo input — computed now by running exactly the code shown, exceptions and NumPy's warnings
included — a plot where one says more, a short explanation, whether the correct version agrees
with ``core``'s own implementation, and a button to the study view where the idea lives.

The second page is :class:`~zdl_gui.tabs.code_check_page.CodeCheckPage` ("Check my code"): the
learner's own functions checked against ``core`` in a separate process. A failed case links back
to the gallery entry it looks like.

Other tabs can link here: :func:`core.mistakes.mistakes_for_topic` gives the ids for a topic,
:meth:`MistakesTab.show_mistake` opens one, and :attr:`MistakesTab.open_topic` asks the main
window to show a topic.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal, Slot
from PySide6.QtGui import QColor, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import mistakes as M
from zdl_gui.plotting import ThemedPlot
from zdl_gui.settings import Settings
from zdl_gui.tabs.base import StudyTab, Table, run_standalone
from zdl_gui.tabs.code_check_page import CodeCheckPage, CodeView, chapter_title, monospace_font
from zdl_gui.tabs.registry import CHAPTERS, tr_chapters
from zdl_gui.theme import curve_color, is_dark
from zdl_gui.widgets.sizing import panes, vertical_scroll

#: Title and explanation of every mistake, by id (English source, translated where shown).
TEXTS: dict[str, tuple[str, str]] = {
    "B1": (
        QT_TRANSLATE_NOOP("MistakesTab", "Sigmoid written as 1 / 1 + exp(−x)"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "Division binds tighter than addition, so 1 / 1 + np.exp(-x) is 1 + exp(−x): 2.0 at "
            "x = 0, and above 1 everywhere. The denominator needs parentheses: "
            "1 / (1 + np.exp(-x)) is 0.5 at x = 0 and stays between 0 and 1.",
        ),
    ),
    "B2": (
        QT_TRANSLATE_NOOP("MistakesTab", "Step function with the condition inverted"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "x <= 0 picks the inputs that should give 0, so the output is upside down: "
            "[−1, 1, 2] gives [1 0 0] instead of [0 1 1]. The step function fires for x > 0.",
        ),
    ),
    "B3": (
        QT_TRANSLATE_NOOP("MistakesTab", "ReLU written as its derivative"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "(x > 0).astype(int) is 1 wherever x > 0: that is the derivative of ReLU (a step "
            "function), not ReLU. ReLU passes the value itself: np.maximum(0, x).",
        ),
    ),
    "B4": (
        QT_TRANSLATE_NOOP("MistakesTab", "if x > 0: on a NumPy array"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "if needs a single True or False, but x > 0 on an array is an array of them, so "
            "NumPy refuses to guess. Work element by element: x > 0 is a bool array, and "
            "astype(int) turns it into 0s and 1s.",
        ),
    ),
    "B5": (
        QT_TRANSLATE_NOOP("MistakesTab", "dtype np.int in a recent NumPy"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "np.int was only another name for Python's int and was removed in NumPy 1.24, so "
            "older code (the book's own included) stops with AttributeError. Write int.",
        ),
    ),
    "B6": (
        QT_TRANSLATE_NOOP("MistakesTab", "Softmax: the overflow guard is computed but not used"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "exp(a − c) is computed, but the division still uses np.exp(a), which overflows to "
            "inf for scores like 1010, and inf / inf is nan. On small scores both versions "
            "agree, so the slip stays hidden until the input is large.",
        ),
    ),
    "B7": (
        QT_TRANSLATE_NOOP("MistakesTab", "Batch softmax without axis"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "np.max and np.sum without axis work over the whole batch, so every row is divided "
            "by the sum of all rows and the rows no longer add up to 1. With axis=-1 and "
            "keepdims=True each row is normalised on its own.",
        ),
    ),
    "B8": (
        QT_TRANSLATE_NOOP("MistakesTab", "np.argmax on a batch without axis"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "Without axis, np.argmax looks at the flattened array and returns a single flat "
            "index. For one predicted class per row, use axis=1.",
        ),
    ),
    "B9": (
        QT_TRANSLATE_NOOP("MistakesTab", "Python's max instead of np.max"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "The built-in max() is not NumPy's: it takes no dtype argument, so Python stops "
            "with TypeError. np.max(a) gives the largest score.",
        ),
    ),
    "B10": (
        QT_TRANSLATE_NOOP("MistakesTab", "y.dim instead of y.ndim"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "NumPy arrays have ndim (the number of dimensions), not dim, so the first line "
            "already raises AttributeError. One letter fixes it.",
        ),
    ),
    "B11": (
        QT_TRANSLATE_NOOP("MistakesTab", "Batch cross-entropy divided by ndim"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "y.ndim is the number of dimensions (2 for a batch), not the number of samples. "
            "For 100 copies of the book's example the sum is divided by 2 instead of 100: "
            "25.54 instead of 0.5108. Divide by the batch size y.shape[0].",
        ),
    ),
    "B12": (
        QT_TRANSLATE_NOOP("MistakesTab", "Label cross-entropy fed a one-hot t"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "The label version picks y[n, t[n]]. Given a one-hot t it uses the 0s and 1s as "
            "class numbers and picks y[0, 0] nine times and y[0, 1] once: 23.72 instead of "
            "0.5108. Turn a one-hot t into labels with argmax first.",
        ),
    ),
    "B13": (
        QT_TRANSLATE_NOOP("MistakesTab", "Cross-entropy without delta"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "When the correct class has y = 0, log(0) is −inf and the loss is inf; 0 × log(0) "
            "for another class gives nan. delta = 1e-7 inside the log caps the loss at "
            "−log(1e-7) = 16.118.",
        ),
    ),
    "B14": (
        QT_TRANSLATE_NOOP("MistakesTab", "Sum of squared errors without ½"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "The book's error is E = ½ Σ (y − t)²: 0.0975 for its example. Without the ½ it is "
            "0.195, and a mean of the squares gives 0.0195. (The book's code called it "
            "mean_squared_error until 2019, although it is half a sum.)",
        ),
    ),
    "B15": (
        QT_TRANSLATE_NOOP("MistakesTab", "h = 1e-50 in numerical differentiation"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "1e-50 is far below what a float64 can add to 5, so x + h == x and the difference "
            "is exactly 0. Use h = 1e-4 with the central difference (f(x+h) − f(x−h)) / 2h.",
        ),
    ),
    "B16": (
        QT_TRANSLATE_NOOP("MistakesTab", "numerical_gradient on an integer array"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "An integer array cannot hold 3.0001: x[i] = 3 + 1e-4 stores 3 and 3 − 1e-4 "
            "stores 2, so the gradient is nonsense. Work on a float copy of x.",
        ),
    ),
    "B17": (
        QT_TRANSLATE_NOOP("MistakesTab", "Forward difference instead of central"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "(f(x+h) − f(x)) / h is really the slope at about x + h/2: its error shrinks only "
            "like h. The central difference (f(x+h) − f(x−h)) / 2h is accurate to about h².",
        ),
    ),
    "B18": (
        QT_TRANSLATE_NOOP("MistakesTab", "range(x.size) over a 2-D array"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "For a matrix, x[i] is a whole row, and i runs up to x.size − 1 while there are "
            "only two rows: IndexError. Visit every element with np.ndindex(x.shape) (or "
            "np.nditer with multi_index).",
        ),
    ),
    "B19": (
        QT_TRANSLATE_NOOP("MistakesTab", "A learning rate that is far too large"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "With lr = 10 every step overshoots and x grows 19-fold, until it is so large that "
            "x + h == x and the numerical gradient becomes 0: the path stops far away. "
            "lr = 0.1 walks down to the minimum.",
        ),
    ),
    "B20": (
        QT_TRANSLATE_NOOP("MistakesTab", "Gradient ascent instead of descent"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "x += lr * grad moves uphill, so the loss grows with every step. Gradient descent "
            "subtracts: x -= lr * grad.",
        ),
    ),
    "B21": (
        QT_TRANSLATE_NOOP("MistakesTab", "Labels taken from the images"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "t_batch = x_train[batch_mask] makes images the labels (one row of pixels per "
            "sample instead of one class), and the loss computed from them means nothing. "
            "Take the labels from t_train.",
        ),
    ),
    "B22": (
        QT_TRANSLATE_NOOP("MistakesTab", "One MulLayer used for two multiplications"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "A layer keeps the inputs of its last forward for backward. Used twice, it keeps "
            "only the second multiplication's, so the apple's gradients come out as 1.21 and "
            "220 instead of 2.2 and 110. Use one layer per node of the graph.",
        ),
    ),
    "B23": (
        QT_TRANSLATE_NOOP("MistakesTab", "ReLU layer without copy()"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "out = x makes out a second name for the same array, so out[mask] = 0 also zeroes "
            "the caller's x. x.copy() leaves the input as it was.",
        ),
    ),
    "B24": (
        QT_TRANSLATE_NOOP("MistakesTab", "A typo in backward: self.mack"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "forward stores self.mask, backward asks for self.mack, which was never set: "
            "AttributeError, but only once backward runs. The names must match.",
        ),
    ),
    "B25": (
        QT_TRANSLATE_NOOP("MistakesTab", "Affine: dW = Wᵀ · dout"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "The weight gradient is Xᵀ · dout, which has the shape of W (inputs × outputs). "
            "Wᵀ · dout does not even fit, and NumPy says which shapes are not aligned.",
        ),
    ),
    "B26": (
        QT_TRANSLATE_NOOP("MistakesTab", "Affine: db without the sum over the batch"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "b is added to every row, so its gradient is dout summed over the rows, of shape "
            "(3,). Keeping dout itself gives shape (4, 3), and the update b -= lr * db fails.",
        ),
    ),
    "B27": (
        QT_TRANSLATE_NOOP("MistakesTab", "Affine: dx = dout · W"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "dx must have the shape of x: dout · Wᵀ. Without the transpose the shapes do not "
            "fit and NumPy stops.",
        ),
    ),
    "B28": (
        QT_TRANSLATE_NOOP("MistakesTab", "SoftmaxWithLoss backward without / batch_size"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "The loss is the mean over the batch, so its gradient is (y − t) / N. Without / N "
            "every gradient is N times too large (4 times here), and comparing with the "
            "numerical gradient shows it at once.",
        ),
    ),
    "B29": (
        QT_TRANSLATE_NOOP("MistakesTab", "SoftmaxWithLoss.__init__ sets self.y twice"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "A copied line sets self.y = None twice and never self.t. Everything works once "
            "forward has run, so the slip hides; before forward the layer has no t at all.",
        ),
    ),
    "B30": (
        QT_TRANSLATE_NOOP("MistakesTab", "Sigmoid backward computed from x"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "The derivative is y(1 − y) with y the output stored in forward. Using x gives "
            "x(1 − x): 0 at x = 1 instead of 0.1966.",
        ),
    ),
    "B31": (
        QT_TRANSLATE_NOOP("MistakesTab", "Momentum with the gradient's sign flipped"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "v = μv + lr·g pushes the velocity up the slope, so every step climbs and the path "
            "runs away. The velocity update subtracts the gradient: v = μv − lr·g.",
        ),
    ),
    "B32": (
        QT_TRANSLATE_NOOP("MistakesTab", "AdaGrad that forgets h at every update"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "Creating h inside update() throws the history away, so h is just g² and every "
            "step is lr·sign(g): the path keeps bouncing around the minimum. Create h once, on "
            "the first update.",
        ),
    ),
    "B33": (
        QT_TRANSLATE_NOOP("MistakesTab", "Nesterov updating v before the parameters"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "The parameters must move with the old velocity: θ += μ²v − (1 + μ)·lr·g, and only "
            "then v = μv − lr·g. The book's code did it the other way round until a 2021 fix, "
            "which is a different method with a different path.",
        ),
    ),
    "B34": (
        QT_TRANSLATE_NOOP("MistakesTab", "All weights start at zero"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "With equal initial weights every hidden unit computes the same and receives the "
            "same gradient, so the units stay identical: the layer acts like one unit. Random "
            "initial weights (Xavier, He) break the symmetry.",
        ),
    ),
    "B35": (
        QT_TRANSLATE_NOOP("MistakesTab", "Dropout at test time without scaling"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "In training each unit is kept with probability 1 − ratio, so on average it passes "
            "(1 − ratio)·x. At test time every unit is on; without × (1 − ratio) the outputs "
            "are larger than anything the network saw in training.",
        ),
    ),
    "B36": (
        QT_TRANSLATE_NOOP("MistakesTab", "A float used as a slice index"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "x_train.shape[0] * 0.2 is a float, and slices need integers: TypeError. "
            "int(...) makes it a whole number.",
        ),
    ),
    "B37": (
        QT_TRANSLATE_NOOP("MistakesTab", "col2im with = instead of +="),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "Neighbouring windows overlap, so a pixel receives gradient from every window that "
            "covers it. With = each window overwrites the last and the overlaps are "
            "under-counted; += adds them up. (Shown for one channel and stride 1.)",
        ),
    ),
    "B38": (
        QT_TRANSLATE_NOOP("MistakesTab", "Pooling with stride 1"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "Pooling windows normally do not overlap: the stride equals the window size. With "
            "stride 1 a 4×4 input gives 3×3 instead of 2×2. The book's code defaulted to "
            "stride 1 until 2020.",
        ),
    ),
    "B39": (
        QT_TRANSLATE_NOOP("MistakesTab", "relu_grad with np.zeros(x)"),
        QT_TRANSLATE_NOOP(
            "MistakesTab",
            "np.zeros expects a shape, so np.zeros(x) tries to use the values of x as "
            "dimensions: TypeError. np.zeros_like(x) makes zeros of x's shape.",
        ),
    ),
}

#: Plot title, y-axis label and x-axis label for the entries that have a plot.
PLOT_TEXTS: dict[str, tuple[str, str, str]] = {
    "B1": (
        QT_TRANSLATE_NOOP("MistakesTab", "Sigmoid: buggy and correct"),
        "h(x)",
        "x",
    ),
    "B2": (QT_TRANSLATE_NOOP("MistakesTab", "Step function: buggy and correct"), "h(x)", "x"),
    "B3": (QT_TRANSLATE_NOOP("MistakesTab", "ReLU: buggy and correct"), "h(x)", "x"),
    "B13": (
        QT_TRANSLATE_NOOP("MistakesTab", "Loss against the correct class's probability"),
        QT_TRANSLATE_NOOP("MistakesTab", "loss"),
        QT_TRANSLATE_NOOP("MistakesTab", "y of the correct class (log scale)"),
    ),
    "B19": (
        QT_TRANSLATE_NOOP("MistakesTab", "Loss after each step"),
        QT_TRANSLATE_NOOP("MistakesTab", "f(x) (log scale)"),
        QT_TRANSLATE_NOOP("MistakesTab", "step"),
    ),
    "B20": (
        QT_TRANSLATE_NOOP("MistakesTab", "Loss after each step"),
        QT_TRANSLATE_NOOP("MistakesTab", "f(x) (log scale)"),
        QT_TRANSLATE_NOOP("MistakesTab", "step"),
    ),
    "B31": (QT_TRANSLATE_NOOP("MistakesTab", "Path on f(x, y) = x²/20 + y²"), "y", "x"),
    "B32": (QT_TRANSLATE_NOOP("MistakesTab", "Path on f(x, y) = x²/20 + y²"), "y", "x"),
    "B33": (QT_TRANSLATE_NOOP("MistakesTab", "Path on f(x, y) = x²/20 + y²"), "y", "x"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("MistakesTab", text)


def mistake_title(mistake_id: str) -> str:
    """The translated title of mistake ``mistake_id`` (its id if it has none)."""
    texts = TEXTS.get(mistake_id)
    return _tr(texts[0]) if texts else mistake_id


def mistake_explanation(mistake_id: str) -> str:
    texts = TEXTS.get(mistake_id)
    return _tr(texts[1]) if texts else ""


def topic_title(topic_id: str) -> str | None:
    """The translated title of a study view of the registry, or None for an unknown id."""
    for chapter in CHAPTERS:
        for topic in chapter.topics:
            if topic.id == topic_id:
                return tr_chapters(topic.title)
    return None


class MistakesGalleryPage(QWidget):
    """The gallery: a chapter-grouped, searchable list on the left, the chosen entry on the right."""

    open_topic = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current_id: str | None = None
        self.outcomes: dict[str, M.Outcome] = {}
        self.reference_outcome: M.Outcome | None = None
        self._build()
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.list.currentItemChanged.connect(self._on_item_changed)
        self.open_button.clicked.connect(self._on_open_clicked)

    # building

    def _build(self) -> None:
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.list = QTreeWidget()
        self.list.setHeaderHidden(True)
        self.list.setRootIsDecorated(False)
        self.list.setIndentation(10)
        self.no_match_label = QLabel()
        self.no_match_label.setWordWrap(True)
        self.no_match_label.hide()
        for chapter in M.CHAPTERS:
            header = QTreeWidgetItem()
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)
            header.setData(0, Qt.ItemDataRole.UserRole, None)
            font = header.font(0)
            font.setBold(True)
            header.setFont(0, font)
            for mistake in M.by_chapter(chapter):
                item = QTreeWidgetItem(header)
                item.setData(0, Qt.ItemDataRole.UserRole, mistake.id)
            self.list.addTopLevelItem(header)
            header.setExpanded(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter_edit)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.no_match_label)
        left.setMinimumWidth(220)

        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.title_label.setFont(font)
        self.where_label = _note_label()
        self.open_button = QPushButton()
        self.open_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        head = QHBoxLayout()
        head_text = QVBoxLayout()
        head_text.addWidget(self.title_label)
        head_text.addWidget(self.where_label)
        head.addLayout(head_text, 1)
        head.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        self.explanation_label = QLabel()
        self.explanation_label.setWordWrap(True)
        self.explanation_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.demo_caption = QLabel()
        self.demo_view = CodeView(read_only=True)
        self.buggy_caption = QLabel()
        self.correct_caption = QLabel()
        self.buggy_view = CodeView(read_only=True)
        self.correct_view = CodeView(read_only=True)
        self.buggy_output_caption = QLabel()
        self.correct_output_caption = QLabel()
        self.buggy_output = _output_label()
        self.correct_output = _output_label()
        self.versions = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        for caption, view, out_caption, output in (
            (self.buggy_caption, self.buggy_view, self.buggy_output_caption, self.buggy_output),
            (
                self.correct_caption,
                self.correct_view,
                self.correct_output_caption,
                self.correct_output,
            ),
        ):
            box = QVBoxLayout()
            box.addWidget(caption)
            box.addWidget(view)
            box.addWidget(out_caption)
            box.addWidget(output)
            box.addStretch(1)
            self.versions.addLayout(box, 1)
        self._side_by_side = True

        self.reference_label = _note_label()
        self.plot = ThemedPlot()
        self.plot.setMinimumHeight(240)
        self.legend = self.plot.plotItem.addLegend(offset=(10, 10))
        self.plot.apply_palette()  # the legend's text colour
        self.buggy_curve = pg.PlotDataItem(connect="finite")
        self.correct_curve = pg.PlotDataItem(connect="finite")
        self.plot.addItem(self.correct_curve)
        self.plot.addItem(self.buggy_curve)
        self.plot_error_label = _note_label()

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(4, 0, 4, 4)
        column.addLayout(head)
        column.addWidget(self.explanation_label)
        column.addWidget(self.demo_caption)
        column.addWidget(self.demo_view)
        column.addLayout(self.versions)
        column.addWidget(self.reference_label)
        column.addWidget(self.plot)
        column.addWidget(self.plot_error_label)
        column.addStretch(1)
        self.detail_scroll = vertical_scroll(content)

        splitter = panes(
            Qt.Orientation.Horizontal, left, self.detail_scroll, stretch=(0, 1), sizes=[260, 800]
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    # language

    def retranslate_ui(self) -> None:
        self.filter_edit.setPlaceholderText(self.tr("Search: sigmoid, ndim, B12, copy …"))
        self.no_match_label.setText(self.tr("No mistake matches the search."))
        for i in range(self.list.topLevelItemCount()):
            header = self.list.topLevelItem(i)
            chapter = M.CHAPTERS[i]
            header.setText(0, chapter_title(chapter))
            for j in range(header.childCount()):
                item = header.child(j)
                mid = item.data(0, Qt.ItemDataRole.UserRole)
                item.setText(0, f"{mid}  {mistake_title(mid)}")
                item.setToolTip(0, mistake_title(mid))
        self.buggy_caption.setText("✗ " + self.tr("Buggy"))
        self.correct_caption.setText("✓ " + self.tr("Correct"))
        self.demo_caption.setText(self.tr("Demo input, run on both versions:"))
        self.buggy_output_caption.setText(self.tr("Buggy version gives"))
        self.correct_output_caption.setText(self.tr("Correct version gives"))
        self.buggy_view.setToolTip(self.tr("Lines marked − differ from the correct version"))
        self.correct_view.setToolTip(self.tr("Lines marked + differ from the buggy version"))
        self._apply_filter()
        if self.current_id is not None:
            self._show(self.current_id)

    # choosing

    def show_mistake(self, mistake_id: str) -> bool:
        """Select and show one entry (clearing the search if it hides the entry)."""
        try:
            mid = M.get_mistake(mistake_id).id
        except KeyError:
            return False
        item = self._item(mid)
        if item is None:
            return False
        if item.isHidden():
            self.filter_edit.clear()
        self.list.setCurrentItem(item)
        self.list.scrollToItem(item)
        return True

    def _item(self, mistake_id: str) -> QTreeWidgetItem | None:
        for i in range(self.list.topLevelItemCount()):
            header = self.list.topLevelItem(i)
            for j in range(header.childCount()):
                if header.child(j).data(0, Qt.ItemDataRole.UserRole) == mistake_id:
                    return header.child(j)
        return None

    def visible_ids(self) -> list[str]:
        """The ids the list shows under the current search."""
        ids = []
        for i in range(self.list.topLevelItemCount()):
            header = self.list.topLevelItem(i)
            for j in range(header.childCount()):
                item = header.child(j)
                if not item.isHidden():
                    ids.append(item.data(0, Qt.ItemDataRole.UserRole))
        return ids

    @Slot()
    def _apply_filter(self) -> None:
        words = self.filter_edit.text().casefold().split()
        shown = 0
        for i in range(self.list.topLevelItemCount()):
            header = self.list.topLevelItem(i)
            visible_children = 0
            for j in range(header.childCount()):
                item = header.child(j)
                mid = item.data(0, Qt.ItemDataRole.UserRole)
                haystack = self._search_text(mid)
                match = all(word in haystack for word in words)
                item.setHidden(not match)
                visible_children += match
            header.setHidden(visible_children == 0)
            shown += visible_children
        self.no_match_label.setVisible(shown == 0)

    @staticmethod
    def _search_text(mistake_id: str) -> str:
        m = M.get_mistake(mistake_id)
        parts = (
            m.id,
            m.name,
            m.section,
            mistake_title(m.id),
            mistake_explanation(m.id),
            *(TEXTS.get(m.id, ("", ""))),
            m.buggy_source,
            m.correct_source,
        )
        return " ".join(parts).casefold()

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def _on_item_changed(self, item: QTreeWidgetItem | None, _: object) -> None:
        mid = None if item is None else item.data(0, Qt.ItemDataRole.UserRole)
        if mid:
            self._show(mid)

    # showing one entry

    def _show(self, mistake_id: str) -> None:
        m = M.get_mistake(mistake_id)
        self.current_id = m.id
        self.title_label.setText(f"{m.id} · {mistake_title(m.id)}")
        self.where_label.setText(
            self.tr("Chapter {0} · {1}").format(m.chapter, m.section)
            + ("" if m.listed else " · " + self.tr("added from the per-chapter pain points"))
        )
        self.explanation_label.setText(mistake_explanation(m.id))
        title = topic_title(m.topic) if m.topic else None
        self.open_button.setVisible(title is not None)
        if title is not None:
            self.open_button.setText(self.tr("Open in: {0}").format(title))
            self.open_button.setToolTip(self.tr("Show the study view where this idea lives"))

        self.buggy_view.setPlainText(m.buggy_source.rstrip("\n"))
        self.correct_view.setPlainText(m.correct_source.rstrip("\n"))
        self.demo_view.setPlainText(m.demo.rstrip("\n"))
        self._apply_diff(m)
        self._arrange()

        self.outcomes = {which: M.run_demo(m, which) for which in ("buggy", "correct")}
        self.buggy_output.setText(self._outcome_html(self.outcomes["buggy"]))
        self.correct_output.setText(self._outcome_html(self.outcomes["correct"]))
        self._show_reference(m)
        self._show_plot(m)

    def _arrange(self) -> None:
        """Buggy and correct side by side when both fit, else one above the other."""
        available = self.detail_scroll.viewport().width() - 16
        needed = max(_needed_width(self.buggy_view), _needed_width(self.correct_view))
        side_by_side = 2 * needed + self.versions.spacing() <= available
        self._side_by_side = side_by_side
        self.versions.setDirection(
            QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.TopToBottom
        )
        fits = side_by_side or needed <= available
        self.buggy_view.fit_height_to_lines(scrollbar=not fits)
        self.correct_view.fit_height_to_lines(scrollbar=not fits)
        self.demo_view.fit_height_to_lines(scrollbar=_needed_width(self.demo_view) > available)
        if side_by_side:
            height = max(self.buggy_view.height(), self.correct_view.height())
            self.buggy_view.setFixedHeight(height)
            self.correct_view.setFixedHeight(height)

    def is_side_by_side(self) -> bool:
        return self._side_by_side

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.current_id is not None:
            self._arrange()

    def _apply_diff(self, m: M.Mistake) -> None:
        diff = M.diff_sources(m.buggy_source, m.correct_source)
        dark = is_dark(self.palette())
        line_bad, span_bad = ("#4a2323", "#7a3030") if dark else ("#fde2df", "#f7b3aa")
        line_good, span_good = ("#1f3d2c", "#2f6b47") if dark else ("#dcf3e4", "#a6dfbb")
        self.buggy_view.set_marks({c.line: "−" for c in diff.left})
        self.correct_view.set_marks({c.line: "+" for c in diff.right})
        self.buggy_view.set_highlights(
            {c.line: QColor(line_bad) for c in diff.left},
            {c.line: c.spans for c in diff.left},
            QColor(span_bad),
        )
        self.correct_view.set_highlights(
            {c.line: QColor(line_good) for c in diff.right},
            {c.line: c.spans for c in diff.right},
            QColor(span_good),
        )

    def _outcome_html(self, outcome: M.Outcome) -> str:
        error_color = "#ff8a80" if is_dark(self.palette()) else "#b3261e"
        warn_color = "#ffd180" if is_dark(self.palette()) else "#8a5a00"
        lines = [html.escape(line) for line in outcome_lines(outcome, values_only=True)]
        body = "<br>".join(lines).replace("  ", "&nbsp;&nbsp;")
        parts = (
            [f"<div style='font-family:monospace; white-space:pre'>{body}</div>"] if lines else []
        )
        if outcome.error is not None:
            parts.append(
                f"<div style='color:{error_color}'>⚠ {html.escape(str(outcome.error))}</div>"
            )
        for warning in outcome.warnings:
            parts.append(f"<div style='color:{warn_color}'>⚠ {html.escape(warning)}</div>")
        return "".join(parts)

    def _show_reference(self, m: M.Mistake) -> None:
        """Where the helpers come from, and whether the fix agrees with core's implementation."""
        lines = []
        if m.helpers:
            lines.append(
                self.tr("{0} come from ZDL Studio's core (the book's common/ folder).").format(
                    ", ".join(M.helper_path(h) for h in m.helpers)
                )
            )
        self.reference_outcome = None
        if m.reference is not None:
            self.reference_outcome = M.run_demo(m, "reference")
            if M.outcomes_differ(self.outcomes["correct"], self.reference_outcome):
                lines.insert(
                    0,
                    "⚠ "
                    + self.tr("The correct version differs from {0}.").format(m.reference_name),
                )
            else:
                lines.insert(
                    0,
                    "✓ "
                    + self.tr(
                        "The correct version gives the same result as {0}, ZDL Studio's own "
                        "implementation."
                    ).format(m.reference_name),
                )
        self.reference_label.setText("\n".join(lines))
        self.reference_label.setVisible(bool(lines))

    def _show_plot(self, m: M.Mistake) -> None:
        data = M.plot_data(m)
        self.plot.setVisible(data is not None)
        self.plot_error_label.setVisible(False)
        if data is None:
            return
        title, left, bottom = PLOT_TEXTS.get(m.id, ("", "", ""))
        self.plot.set_texts(title=_tr(title), left=_tr(left), bottom=_tr(bottom))
        self.plot.plotItem.setLogMode(x=data.log_x, y=data.log_y)
        palette = self.palette()
        good, bad = curve_color(0, palette), curve_color(3, palette)
        symbol = "o" if data.kind == "path" else None
        errors = []
        for curve, series, color, style, name in (
            (self.correct_curve, data.correct, good, Qt.PenStyle.SolidLine, self.tr("✓ correct")),
            (self.buggy_curve, data.buggy, bad, Qt.PenStyle.DashLine, self.tr("✗ buggy")),
        ):
            if isinstance(series, M.ErrorInfo):
                curve.setData([], [])
                errors.append(str(series))
                continue
            x, y = _plottable(series.x, data.log_x), _plottable(series.y, data.log_y)
            curve.setData(
                x,
                y,
                pen=pg.mkPen(color, width=2.5, style=style),
                symbol=symbol,
                symbolSize=5,
                symbolBrush=color,
                symbolPen=None,
                name=name,
            )
        self.legend.clear()
        self.legend.addItem(self.correct_curve, self.tr("✓ correct"))
        self.legend.addItem(self.buggy_curve, self.tr("✗ buggy"))
        self.plot.plotItem.enableAutoRange()
        if data.y_range is not None:
            self.plot.plotItem.setYRange(*data.y_range, padding=0)
        if errors:
            self.plot_error_label.setText("⚠ " + "; ".join(errors))
            self.plot_error_label.setVisible(True)

    @Slot()
    def _on_open_clicked(self) -> None:
        if self.current_id is not None:
            topic = M.get_mistake(self.current_id).topic
            if topic:
                self.open_topic.emit(topic)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and self.current_id is not None:
            self._show(self.current_id)
        super().changeEvent(event)

    def export_table(self) -> Table:
        """The shown values of the current entry: expression, buggy, correct."""
        header = ["expression", "buggy", "correct"]
        if self.current_id is None:
            return header, []
        buggy = dict(self.outcomes["buggy"].values)
        correct = dict(self.outcomes["correct"].values)
        rows = [
            [
                name,
                M.format_value(buggy[name]) if name in buggy else "",
                M.format_value(correct[name]) if name in correct else "",
            ]
            for name in M.get_mistake(self.current_id).shows
        ]
        for which, outcome in self.outcomes.items():
            if outcome.error is not None:
                rows.append(
                    [
                        "error",
                        str(outcome.error) if which == "buggy" else "",
                        str(outcome.error) if which == "correct" else "",
                    ]
                )
        return header, rows


def outcome_lines(outcome: M.Outcome, values_only: bool = False) -> list[str]:
    """``name = value`` lines of an outcome (then the error and warnings unless values_only)."""
    lines = []
    for name, value in outcome.values:
        text = M.format_value(value)
        pad = " " * (len(name) + 3)
        lines.extend((f"{name} = " + text.replace("\n", "\n" + pad)).splitlines())
    if not values_only:
        if outcome.error is not None:
            lines.append(str(outcome.error))
        lines.extend(outcome.warnings)
    return lines


def _needed_width(view: CodeView) -> int:
    """Width a code view needs to show its longest line without scrolling."""
    metrics = view.fontMetrics()
    lines = view.toPlainText().splitlines()
    longest = max((metrics.horizontalAdvance(line) for line in lines), default=0)
    frame = 2 * view.frameWidth() + 2 * view.document().documentMargin()
    return int(longest + view.gutter_width() + frame + 16)


def _plottable(values: np.ndarray, log: bool) -> np.ndarray:
    """Values pyqtgraph can draw: ±inf become nan, and on a log axis so do values ≤ 0."""
    v = np.asarray(values, dtype=float).copy()
    v[~np.isfinite(v)] = np.nan
    if log:
        with np.errstate(invalid="ignore"):
            v[~(v > 0)] = np.nan
    return v


def _note_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def _output_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setFrameShape(QFrame.Shape.StyledPanel)
    label.setMargin(6)
    label.setFont(monospace_font())
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
    return label


class MistakesTab(StudyTab):
    """Common mistakes (§3–§7): the gallery, and checking the learner's own code."""

    topic_id = "mistakes"

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(settings, parent)
        self.gallery = MistakesGalleryPage()
        self.checker = CodeCheckPage()
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.gallery, "")
        self.pages.addTab(self.checker, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.pages)
        self.gallery.open_topic.connect(self.open_topic)
        self.checker.mistake_requested.connect(self.show_mistake)
        self.finish_setup()
        first = self.settings.value(self._key("entry"), "B1")
        if not self.gallery.show_mistake(str(first)):
            self.gallery.show_mistake("B1")

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Common mistakes"))
        self.pages.setTabText(0, self.tr("Gallery"))
        self.pages.setTabText(1, self.tr("Check my code"))
        self.gallery.retranslate_ui()
        self.checker.retranslate_ui()

    @Slot(str)
    def show_mistake(self, mistake_id: str) -> bool:
        """Show one gallery entry (e.g. ``"B12"``); False for an unknown id."""
        shown = self.gallery.show_mistake(mistake_id)
        if shown:
            self.pages.setCurrentWidget(self.gallery)
        return shown

    def show_checker(self) -> None:
        """Switch to the "Check my code" page."""
        self.pages.setCurrentWidget(self.checker)

    def persistent_widgets(self) -> Mapping[str, QWidget]:
        widgets: dict[str, QWidget] = {"page": self.pages}
        widgets.update(self.checker.persistent_widgets())
        return widgets

    def plot_for_export(self) -> pg.PlotItem | None:
        if self.pages.currentWidget() is self.gallery and self.gallery.plot.isVisible():
            return self.gallery.plot.plotItem
        return None

    def table_for_export(self) -> Table | None:
        if self.pages.currentWidget() is self.gallery:
            return self.gallery.export_table()
        return self.checker.export_table()

    def shutdown(self) -> None:
        """Stop a running check (kill and wait), remember the entry shown."""
        self.checker.shutdown()
        if self.gallery.current_id:
            self.settings.set_value(self._key("entry"), self.gallery.current_id)
        super().shutdown()


if __name__ == "__main__":
    raise SystemExit(run_standalone(MistakesTab))
