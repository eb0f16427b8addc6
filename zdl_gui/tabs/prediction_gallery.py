"""What the network predicts on the test data: the confusion matrix and a gallery (§3.6.3, §8.1).

The gallery shows the test samples the network got wrong first, the most confident mistakes
first (as the book's chapter 8 lists its misclassified digits), then the right ones, the least
sure first; each with the true class, the prediction and its softmax probability.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QImage, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.datasets import Dataset
from core.network_views import Predictions
from zdl_gui.tabs import training_text as T
from zdl_gui.theme import is_dark
from zdl_gui.widgets.sizing import panes

#: Samples shown in the gallery.
GALLERY_SIZE = 60
ICON_SIZE = 56
WRONG_LIGHT, WRONG_DARK = "#b3261e", "#ff8a80"
RIGHT_LIGHT, RIGHT_DARK = "#009E73", "#4cd7a8"


def sample_icon(image: np.ndarray, size: int = ICON_SIZE) -> QIcon:
    """A grey-scale icon of one sample (ink dark on light), pixels kept sharp."""
    values = np.nan_to_num(np.asarray(image, dtype=np.float64), nan=0.0)
    top = float(values.max()) if values.size and values.max() > 0 else 1.0
    gray = np.ascontiguousarray((255 - np.clip(values / top, 0, 1) * 255).astype(np.uint8))
    rows, cols = gray.shape
    qimage = QImage(gray.data, cols, rows, cols, QImage.Format.Format_Grayscale8).copy()
    return QIcon(
        QPixmap.fromImage(qimage).scaled(
            size,
            size,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.FastTransformation,
        )
    )


class PredictionView(QWidget):
    """Confusion matrix (rows: true class, columns: predicted) and the gallery."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._predictions: Predictions | None = None
        self._dataset: Dataset | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.matrix_caption = QLabel()
        self.matrix_caption.setWordWrap(True)
        self.matrix = QTableWidget(0, 0)
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.matrix.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix.horizontalHeader().setMinimumSectionSize(24)
        self.matrix.verticalHeader().setMinimumSectionSize(18)
        self.gallery_caption = QLabel()
        self.gallery_caption.setWordWrap(True)
        self.gallery = QListWidget()
        self.gallery.setViewMode(QListView.ViewMode.IconMode)
        self.gallery.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.gallery.setResizeMode(QListView.ResizeMode.Adjust)
        self.gallery.setMovement(QListView.Movement.Static)
        self.gallery.setWordWrap(True)
        self.gallery.setGridSize(QSize(ICON_SIZE + 34, ICON_SIZE + 40))
        self.gallery.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.matrix_caption)
        left_layout.addWidget(self.matrix, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.gallery_caption)
        right_layout.addWidget(self.gallery, 1)
        splitter = panes(Qt.Orientation.Horizontal, left, right)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

    def retranslate_ui(self) -> None:
        self.matrix_caption.setText(
            self.tr(
                "Confusion matrix: row = true class, column = predicted class; the diagonal "
                "holds the right answers."
            )
        )
        self.gallery_caption.setText(
            self.tr(
                "Test samples, misclassified first (most confident mistakes first): "
                "true → predicted (probability)."
            )
        )
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and getattr(self, "_predictions", None):
            self._fill()
        super().changeEvent(event)

    def clear(self) -> None:
        self._predictions = None
        self._fill()

    def show_predictions(self, predictions: Predictions | None, dataset: Dataset | None) -> None:
        self._predictions, self._dataset = predictions, dataset
        self._fill()

    # --- filling ----------------------------------------------------------------------------------

    def _fill(self) -> None:
        predictions, dataset = self._predictions, self._dataset
        if predictions is None or dataset is None:
            self.summary.setText(
                self.tr("The predictions on the test data appear here once a run has started.")
            )
            self.matrix.setRowCount(0)
            self.matrix.setColumnCount(0)
            self.gallery.clear()
            return
        n = len(predictions.labels)
        self.summary.setText(
            self.tr("{0} test samples: {1} right, {2} wrong — accuracy {3}.").format(
                T.count(n),
                T.count(n - predictions.n_wrong),
                T.count(predictions.n_wrong),
                T.percent(predictions.accuracy),
            )
        )
        self._fill_matrix(predictions, dataset)
        self._fill_gallery(predictions, dataset)

    def _class_name(self, dataset: Dataset, label: int) -> str:
        return dataset.class_names[label] if 0 <= label < len(dataset.class_names) else str(label)

    def _fill_matrix(self, predictions: Predictions, dataset: Dataset) -> None:
        matrix = predictions.confusion
        classes = len(matrix)
        names = [self._class_name(dataset, c) for c in range(classes)]
        if dataset.name == "Fashion-MNIST":
            names = [str(c) for c in range(classes)]  # long names do not fit; tooltips have them
        self.matrix.setRowCount(classes)
        self.matrix.setColumnCount(classes)
        self.matrix.setHorizontalHeaderLabels(names)
        self.matrix.setVerticalHeaderLabels(names)
        dark = is_dark(self.palette())
        right = QColor(RIGHT_DARK if dark else RIGHT_LIGHT)
        wrong = QColor(WRONG_DARK if dark else WRONG_LIGHT)
        rows = np.maximum(matrix.sum(axis=1), 1)
        for i in range(classes):
            for j in range(classes):
                item = self.matrix.item(i, j)
                if item is None:
                    item = QTableWidgetItem()
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    self.matrix.setItem(i, j, item)
                value = int(matrix[i, j])
                item.setText(str(value))
                tint = QColor(right if i == j else wrong)
                tint.setAlpha(int(200 * value / rows[i]) if value else 0)
                item.setBackground(QBrush(tint))
                item.setToolTip(
                    self.tr("{0} samples of class {1} predicted as {2}").format(
                        value, self._class_name(dataset, i), self._class_name(dataset, j)
                    )
                )

    def _fill_gallery(self, predictions: Predictions, dataset: Dataset) -> None:
        self.gallery.setUpdatesEnabled(False)
        self.gallery.clear()
        dark = is_dark(self.palette())
        wrong_color = QColor(WRONG_DARK if dark else WRONG_LIGHT)
        shape = dataset.image_shape
        text_color = self.palette().color(QPalette.ColorRole.Text)
        for index in predictions.order[:GALLERY_SIZE].tolist():
            sample = int(predictions.indices[index])
            true = int(predictions.labels[index])
            guess = int(predictions.predicted[index])
            p = predictions.probabilities[index]
            confidence = float(p[guess]) if np.isfinite(p[guess]) else float("nan")
            item = QListWidgetItem(
                f"{self._class_name(dataset, true)} → {self._class_name(dataset, guess)}\n"
                f"{T.percent(confidence)}"
            )
            if shape is not None:
                item.setIcon(sample_icon(dataset.x_test[sample].reshape(shape)))
            else:
                x0, x1 = dataset.x_test[sample][:2]
                item.setText(f"({T.number(x0, 2)}, {T.number(x1, 2)})\n" + item.text())
            item.setForeground(wrong_color if true != guess else text_color)
            top = np.argsort(np.nan_to_num(p, nan=-1.0))[::-1][:3]
            item.setToolTip(
                self.tr("Test sample {0}: true class {1}, predicted {2}.\nSoftmax: {3}").format(
                    sample,
                    self._class_name(dataset, true),
                    self._class_name(dataset, guess),
                    ", ".join(
                        f"{self._class_name(dataset, int(c))} {T.percent(float(p[c]))}" for c in top
                    ),
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, sample)
            self.gallery.addItem(item)
        self.gallery.setUpdatesEnabled(True)
