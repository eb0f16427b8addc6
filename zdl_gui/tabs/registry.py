"""The registry of study views: what ZDL Studio teaches, chapter by chapter.

One table serves the start page, the navigation, the Go and Help menus and the tests. A topic
whose ``widget`` names a class (``"module:Class"``, imported when first opened) is a working tab;
the others are announced on the start page as in preparation. The strings are marked with
``QT_TRANSLATE_NOOP`` and translated where they are shown.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

if TYPE_CHECKING:
    from zdl_gui.tabs.base import StudyTab


@dataclass(frozen=True)
class Topic:
    """One study view: its id, title, the book sections it covers and what it lets a learner do."""

    id: str
    title: str
    sections: str
    teaches: str
    widget: str | None = None  # "module:Class" of the tab, None while in preparation
    icon: str = "mdi6.book-open-variant"  # a qtawesome icon name for the navigation

    def load(self) -> type[StudyTab]:
        """Import and return the tab class."""
        if self.widget is None:
            raise LookupError(f"the {self.id!r} view is not available yet")
        module, _, name = self.widget.partition(":")
        return getattr(importlib.import_module(module), name)


@dataclass(frozen=True)
class Chapter:
    number: int | None  # None: a group of views that span the chapters
    title: str
    topics: tuple[Topic, ...]


CHAPTERS: tuple[Chapter, ...] = (
    Chapter(
        2,
        QT_TRANSLATE_NOOP("Chapters", "Perceptrons"),
        (
            Topic(
                "perceptron",
                QT_TRANSLATE_NOOP("Chapters", "Perceptron and logic gates"),
                "§2.3–2.5",
                QT_TRANSLATE_NOOP(
                    "Chapters",
                    "Move w1, w2 and b and watch the decision line; build AND, NAND and OR, and "
                    "see why XOR needs a second layer.",
                ),
                "zdl_gui.tabs.perceptron_tab:PerceptronTab",
                icon="mdi6.vector-line",
            ),
        ),
    ),
    Chapter(
        3,
        QT_TRANSLATE_NOOP("Chapters", "Neural networks"),
        (
            Topic(
                "activation",
                QT_TRANSLATE_NOOP("Chapters", "Activation functions"),
                "§3.2, §3.5",
                QT_TRANSLATE_NOOP(
                    "Chapters",
                    "Plot step, sigmoid, tanh and ReLU with their derivatives; see softmax stay "
                    "finite on [1010, 1000, 990] where the naive formula gives nan.",
                ),
                "zdl_gui.tabs.activation_tab:ActivationTab",
                icon="mdi6.chart-bell-curve",
            ),
            Topic(
                "shapes",
                QT_TRANSLATE_NOOP("Chapters", "Matrix shapes"),
                "§3.3–3.4",
                QT_TRANSLATE_NOOP(
                    "Chapters",
                    "Which dimensions must match for np.dot, and the book's 3-layer network "
                    "step by step with every shape shown.",
                ),
                "zdl_gui.tabs.shapes_tab:ShapesTab",
                icon="mdi6.matrix",
            ),
        ),
    ),
    Chapter(
        4,
        QT_TRANSLATE_NOOP("Chapters", "Neural network training"),
        (
            Topic(
                "loss",
                QT_TRANSLATE_NOOP("Chapters", "Loss calculator"),
                "§4.2",
                QT_TRANSLATE_NOOP(
                    "Chapters",
                    "Type y and t and check the sum of squared errors and the cross-entropy "
                    "error line by line, one-hot or label form.",
                ),
                "zdl_gui.tabs.loss_tab:LossTab",
                icon="mdi6.sigma",
            ),
            Topic(
                "gradient",
                QT_TRANSLATE_NOOP("Chapters", "Numerical differentiation and gradient descent"),
                "§4.3–4.4",
                QT_TRANSLATE_NOOP(
                    "Chapters",
                    "Central against forward differences as h shrinks, the gradient field, and "
                    "descent paths for a learning rate that is right, too large or too small.",
                ),
                "zdl_gui.tabs.gradient_tab:GradientTab",
                icon="mdi6.slope-downhill",
            ),
        ),
    ),
    Chapter(
        5,
        QT_TRANSLATE_NOOP("Chapters", "Backpropagation"),
        (
            Topic(
                "graph",
                QT_TRANSLATE_NOOP("Chapters", "Computational graphs"),
                "§5.1–5.6",
                QT_TRANSLATE_NOOP(
                    "Chapters",
                    "Step through the apple shopping graph and the layers' graphs: upstream "
                    "derivative times local derivative, node by node.",
                ),
                "zdl_gui.tabs.graph_tab:GraphTab",
                icon="mdi6.graph-outline",
            ),
        ),
    ),
    Chapter(
        6,
        QT_TRANSLATE_NOOP("Chapters", "Training techniques"),
        (
            Topic(
                "training",
                QT_TRANSLATE_NOOP("Chapters", "Training dashboard"),
                "§4.5, §5.7, §6",
                QT_TRANSLATE_NOOP(
                    "Chapters",
                    "Train a network on real handwritten digits and watch the loss and accuracy "
                    "move; compare optimizers, initial weights and regularisation.",
                ),
                "zdl_gui.tabs.training_tab:TrainingTab",
                icon="mdi6.chart-line",
            ),
            Topic(
                "optimizers",
                QT_TRANSLATE_NOOP("Chapters", "Optimizer race"),
                "§6.1",
                QT_TRANSLATE_NOOP(
                    "Chapters",
                    "SGD, Momentum, AdaGrad and Adam side by side on f(x, y) = x²/20 + y².",
                ),
                "zdl_gui.tabs.optimizer_tab:OptimizerTab",
                icon="mdi6.run-fast",
            ),
            Topic(
                "labs",
                QT_TRANSLATE_NOOP("Chapters", "Chapter 6 labs"),
                "§6.2–6.5",
                QT_TRANSLATE_NOOP(
                    "Chapters",
                    "Initial weights and their activation histograms, batch normalisation across "
                    "weight scales, overfitting and its cures, and a random search of the "
                    "learning rate and weight decay on validation data.",
                ),
                "zdl_gui.tabs.labs_tab:LabsTab",
                icon="mdi6.flask-outline",
            ),
        ),
    ),
    Chapter(
        None,
        QT_TRANSLATE_NOOP("Chapters", "Across the chapters"),
        (
            Topic(
                "mistakes",
                QT_TRANSLATE_NOOP("Chapters", "Common mistakes"),
                "§3–§7",
                QT_TRANSLATE_NOOP(
                    "Chapters",
                    "The slips learners really make, buggy and correct code side by side and run "
                    "live; then paste your own sigmoid, softmax or Affine and have it checked.",
                ),
                "zdl_gui.tabs.mistakes_tab:MistakesTab",
                icon="mdi6.bug-outline",
            ),
        ),
    ),
)


def tr_chapters(text: str) -> str:
    """A title or description from this table in the current language."""
    return QCoreApplication.translate("Chapters", text)


def available_topics() -> Iterator[tuple[Chapter, Topic]]:
    """Every working tab with its chapter, in the book's order."""
    for chapter in CHAPTERS:
        for topic in chapter.topics:
            if topic.widget is not None:
                yield chapter, topic


def find_topic(topic_id: str) -> tuple[Chapter, Topic] | None:
    """The working tab ``topic_id`` with its chapter, or None."""
    return next(((c, t) for c, t in available_topics() if t.id == topic_id), None)
