"""The training dashboard's left panel: data, model and hyper-parameters (§4.5, §5.7, §6).

Everything a learner chooses before pressing Start. :meth:`TrainingSetupPanel.read_config`
checks the fields, says next to a field what is wrong with it, and returns a
:class:`core.training_runs.RunConfig`; the layer shapes, the parameter count and the cost of one
numerical-gradient update are shown while the learner types.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.optimizer import OPTIMIZERS
from core.parsing import ParseError, parse_int_list, parse_vector
from core.training_runs import MAX_PARAMS as _MAX_PARAMS
from core.training_runs import (
    GradientTiming,
    RunConfig,
    loss_evaluations_per_step,
    mlp_param_count,
    network_class_name,
    planned_param_count,
    planned_param_shapes,
)
from zdl_gui.tabs import training_text as T
from zdl_gui.widgets.inline_message import InlineMessage, Level

#: Hidden layers a MultiLayerNet may have in the dashboard.
MAX_HIDDEN_LAYERS = 10
#: The book's MNIST network, whose numerical-gradient cost is quoted for comparison (T1).
BOOK_NETWORK = (784, 50, 10)


def _combo(table: tuple[tuple[str, str], ...]) -> QComboBox:
    combo = QComboBox()
    for key, _name in table:
        combo.addItem("", key)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return combo


def _note() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _row(*widgets: QWidget, stretch: int = 0) -> QWidget:
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    for index, widget in enumerate(widgets):
        layout.addWidget(widget, stretch if index == 0 else 0)
    return holder


def _form(box: QGroupBox) -> QFormLayout:
    form = QFormLayout(box)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


class TrainingSetupPanel(QWidget):
    """Data source, network and training settings, with their messages."""

    #: The data source combo changed (its new id).
    source_changed = Signal(str)
    #: "Choose…" was clicked next to the MNIST path.
    choose_requested = Signal()
    #: Any setting of the run changed.
    settings_changed = Signal()
    #: "Time one update of each" was clicked.
    time_requested = Signal()
    save_requested = Signal()
    load_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._input_size, self._output_size, self._image = 64, 10, True

        # --- data ---
        self.data_box = QGroupBox()
        data_form = _form(self.data_box)
        self.source_combo = _combo(tuple((k, n) for k, n in T.SOURCES))
        self.source_label = QLabel()
        data_form.addRow(self.source_label, self.source_combo)
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.choose_button = QPushButton()
        self.path_row = _row(self.path_edit, self.choose_button, stretch=1)
        self.path_label = QLabel()
        data_form.addRow(self.path_label, self.path_row)
        self.data_message = InlineMessage()
        data_form.addRow(self.data_message)
        self.data_info = _note()
        data_form.addRow(self.data_info)

        # --- the network ---
        self.model_box = QGroupBox()
        model_form = _form(self.model_box)
        self.model_combo = _combo(T.MODELS)
        self.model_label = QLabel()
        model_form.addRow(self.model_label, self.model_combo)
        self.hidden_edit = QLineEdit("50")
        self.hidden_label = QLabel()
        model_form.addRow(self.hidden_label, self.hidden_edit)
        self.hidden_message = InlineMessage()
        model_form.addRow(self.hidden_message)
        self.activation_combo = _combo(T.ACTIVATIONS)
        self.activation_label = QLabel()
        model_form.addRow(self.activation_label, self.activation_combo)
        self.init_combo = _combo(T.WEIGHT_INITS)
        self.std_spin = QDoubleSpinBox()
        self.std_spin.setDecimals(4)
        self.std_spin.setRange(0.0, 10.0)
        self.std_spin.setSingleStep(0.01)
        self.std_spin.setValue(0.01)
        self.init_label = QLabel()
        model_form.addRow(self.init_label, _row(self.init_combo, self.std_spin, stretch=1))
        self.decay_spin = QDoubleSpinBox()
        self.decay_spin.setDecimals(4)
        self.decay_spin.setRange(0.0, 10.0)
        self.decay_spin.setSingleStep(0.01)
        self.decay_label = QLabel()
        model_form.addRow(self.decay_label, self.decay_spin)
        self.dropout_check = QCheckBox()
        self.dropout_spin = QDoubleSpinBox()
        self.dropout_spin.setDecimals(2)
        self.dropout_spin.setRange(0.05, 0.95)
        self.dropout_spin.setSingleStep(0.05)
        self.dropout_spin.setValue(0.5)
        model_form.addRow(_row(self.dropout_check, self.dropout_spin, stretch=1))
        self.batchnorm_check = QCheckBox()
        model_form.addRow(self.batchnorm_check)
        self.shapes_label = _note()
        self.shapes_label.setTextFormat(Qt.TextFormat.RichText)
        model_form.addRow(self.shapes_label)

        # --- training ---
        self.train_box = QGroupBox()
        train_form = _form(self.train_box)
        self.optimizer_combo = QComboBox()
        for name in OPTIMIZERS:
            self.optimizer_combo.addItem(name, name)
        self.optimizer_label = QLabel()
        train_form.addRow(self.optimizer_label, self.optimizer_combo)
        self.lr_edit = QLineEdit("0.1")
        self.lr_label = QLabel()
        train_form.addRow(self.lr_label, self.lr_edit)
        self.lr_message = InlineMessage()
        train_form.addRow(self.lr_message)
        self.batch_spin = QSpinBox()
        self.batch_spin.setRange(1, 100_000)
        self.batch_spin.setValue(100)
        self.batch_label = QLabel()
        train_form.addRow(self.batch_label, self.batch_spin)
        self.length_spin = QSpinBox()
        self.length_spin.setRange(1, 1_000_000)
        self.length_spin.setValue(100)
        self.unit_combo = _combo(T.LENGTH_UNITS)
        self.length_label = QLabel()
        train_form.addRow(self.length_label, _row(self.length_spin, self.unit_combo, stretch=1))
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2**31 - 1)
        self.seed_label = QLabel()
        train_form.addRow(self.seed_label, self.seed_spin)
        self.method_combo = _combo(T.GRADIENT_METHODS)
        self.method_label = QLabel()
        train_form.addRow(self.method_label, self.method_combo)
        self.cost_label = _note()
        train_form.addRow(self.cost_label)
        self.time_button = QPushButton()
        train_form.addRow(self.time_button)
        self.timing_label = _note()
        train_form.addRow(self.timing_label)

        # --- trained weights ---
        self.weights_box = QGroupBox()
        weights_layout = QVBoxLayout(self.weights_box)
        self.save_button = QPushButton()
        self.load_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.load_button)
        weights_layout.addLayout(buttons)
        self.weights_message = InlineMessage()
        weights_layout.addWidget(self.weights_message)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 4, 0)
        for box in (self.data_box, self.model_box, self.train_box, self.weights_box):
            column.addWidget(box)
        column.addStretch(1)

        self._timing: GradientTiming | None = None
        self.source_combo.currentIndexChanged.connect(self._on_source_changed)
        self.choose_button.clicked.connect(self.choose_requested)
        self.time_button.clicked.connect(self.time_requested)
        self.save_button.clicked.connect(self.save_requested)
        self.load_button.clicked.connect(self.load_requested)
        for combo in (
            self.model_combo,
            self.activation_combo,
            self.init_combo,
            self.optimizer_combo,
            self.unit_combo,
            self.method_combo,
        ):
            combo.currentIndexChanged.connect(self._on_changed)
        for edit in (self.hidden_edit, self.lr_edit):
            edit.textChanged.connect(self._on_changed)
        for spin in (
            self.std_spin,
            self.decay_spin,
            self.dropout_spin,
            self.batch_spin,
            self.length_spin,
            self.seed_spin,
        ):
            spin.valueChanged.connect(self._on_changed)
        for check in (self.dropout_check, self.batchnorm_check):
            check.toggled.connect(self._on_changed)
        self._sync_enabled()

    # --- text ---------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        for combo, table in (
            (self.source_combo, T.SOURCES),
            (self.model_combo, T.MODELS),
            (self.activation_combo, T.ACTIVATIONS),
            (self.init_combo, T.WEIGHT_INITS),
            (self.unit_combo, T.LENGTH_UNITS),
            (self.method_combo, T.GRADIENT_METHODS),
        ):
            for index, (_key, name) in enumerate(table):
                combo.setItemText(index, T.translated(name))
        self.data_box.setTitle(self.tr("Data"))
        self.source_label.setText(self.tr("Dataset"))
        self.path_label.setText(self.tr("Files"))
        self.path_edit.setPlaceholderText(self.tr("not found yet"))
        self.choose_button.setText(self.tr("Choose…"))
        self.choose_button.setToolTip(
            self.tr(
                "Pick the book's mnist.pkl, a Keras mnist.npz, or one of the four IDX files "
                "(train-images-idx3-ubyte.gz …); the folder holding it is used."
            )
        )
        self.model_box.setTitle(self.tr("Network"))
        self.model_label.setText(self.tr("Model"))
        self.hidden_label.setText(self.tr("Hidden layer sizes"))
        self.hidden_edit.setToolTip(
            self.tr(
                "Units per hidden layer, e.g. 50 (TwoLayerNet) or 100, 100, 100 (MultiLayerNet)."
            )
        )
        self.activation_label.setText(self.tr("Activation"))
        self.init_label.setText(self.tr("Initial weights (§6.2)"))
        self.std_spin.setToolTip(
            self.tr("Standard deviation of the initial weights; the book's TwoLayerNet uses 0.01.")
        )
        self.decay_label.setText(self.tr("Weight decay λ (§6.4.2)"))
        self.dropout_check.setText(self.tr("Dropout (§6.4.3), ratio"))
        self.batchnorm_check.setText(self.tr("Batch normalization (§6.3)"))
        self._sync_enabled()
        self.train_box.setTitle(self.tr("Training"))
        self.optimizer_label.setText(self.tr("Optimizer (§6.1)"))
        self.lr_label.setText(self.tr("Learning rate η"))
        self.lr_edit.setToolTip(self.tr("One number greater than 0, e.g. 0.1, 0.01 or 1e-3."))
        self.batch_label.setText(self.tr("Batch size"))
        self.length_label.setText(self.tr("Train for"))
        self.seed_label.setText(self.tr("Seed"))
        self.seed_spin.setToolTip(
            self.tr("The same seed gives the same initial weights, mini-batches and curve.")
        )
        self.method_label.setText(self.tr("Gradient"))
        self.time_button.setText(self.tr("Time one update with each method"))
        self.time_button.setToolTip(
            self.tr("Measures one backprop update and one loss evaluation on a batch of the data.")
        )
        self.weights_box.setTitle(self.tr("Trained parameters"))
        self.save_button.setText(self.tr("Save…"))
        self.save_button.setToolTip(
            self.tr("Save W1, b1, … of the current network as a .npz file.")
        )
        self.load_button.setText(self.tr("Load and evaluate…"))
        self.load_button.setToolTip(
            self.tr("Load a .npz saved here into a network of the current shape and test it.")
        )
        self.update_summary()
        self.show_timing(self._timing)

    # --- state ---------------------------------------------------------------------------------

    def persistent_widgets(self) -> dict[str, QWidget]:
        return {
            "source": self.source_combo,
            "model": self.model_combo,
            "hidden": self.hidden_edit,
            "activation": self.activation_combo,
            "init": self.init_combo,
            "init_std": self.std_spin,
            "weight_decay": self.decay_spin,
            "dropout": self.dropout_check,
            "dropout_ratio": self.dropout_spin,
            "batchnorm": self.batchnorm_check,
            "optimizer": self.optimizer_combo,
            "lr": self.lr_edit,
            "batch_size": self.batch_spin,
            "length": self.length_spin,
            "length_unit": self.unit_combo,
            "seed": self.seed_spin,
            "gradient": self.method_combo,
        }

    def source(self) -> str:
        data = self.source_combo.currentData()
        return data if isinstance(data, str) else "digits"

    def set_source(self, source: str) -> None:
        index = self.source_combo.findData(source)
        if index >= 0:
            self.source_combo.setCurrentIndex(index)

    def set_path(self, path: str) -> None:
        self.path_edit.setText(path)
        self.path_edit.setToolTip(path)

    def set_data_shape(self, input_size: int, output_size: int, *, image: bool) -> None:
        """The loaded data's inputs per sample and classes: they fix the first and last layer."""
        self._input_size, self._output_size, self._image = input_size, output_size, image
        self.update_summary()

    def set_busy(self, busy: bool) -> None:
        """Lock the settings while a run is going (they are read once, at Start)."""
        for box in (self.data_box, self.model_box, self.train_box, self.weights_box):
            box.setEnabled(not busy)

    def set_weights_enabled(self, enabled: bool) -> None:
        self.weights_box.setEnabled(enabled)

    def _combo_key(self, combo: QComboBox, default: str) -> str:
        data = combo.currentData()
        return data if isinstance(data, str) else default

    @Slot(int)
    def _on_source_changed(self, _index: int) -> None:
        self._sync_enabled()
        self.source_changed.emit(self.source())

    @Slot()
    def _on_changed(self) -> None:
        self._sync_enabled()
        self._timing = None
        self.update_summary()
        self.show_timing(None)
        self.settings_changed.emit()

    def _sync_enabled(self) -> None:
        multi = self._combo_key(self.model_combo, "two_layer") == "multi_layer"
        for widget in (self.decay_spin, self.dropout_check, self.batchnorm_check):
            widget.setEnabled(multi)
        self.dropout_spin.setEnabled(multi and self.dropout_check.isChecked())
        self.std_spin.setEnabled(self._combo_key(self.init_combo, "std") == "std")
        only_multi = "" if multi else self.tr("MultiLayerNet only: choose it as the model.")
        for widget in (
            self.decay_spin,
            self.dropout_check,
            self.dropout_spin,
            self.batchnorm_check,
        ):
            widget.setToolTip(only_multi)
        files = self.source() in ("mnist", "fashion")
        self.path_row.setVisible(files)
        self.path_label.setVisible(files)

    # --- reading the settings -------------------------------------------------------------------

    def hidden_sizes(self) -> tuple[int, ...] | None:
        """The hidden sizes typed, or None after showing what is wrong next to the field."""
        text = self.hidden_edit.text()
        two_layer = self._combo_key(self.model_combo, "two_layer") == "two_layer"
        try:
            sizes = tuple(int(v) for v in parse_int_list(text, max_size=MAX_HIDDEN_LAYERS))
        except ParseError as error:
            if error.reason == "too_large":
                message = self.tr("At most {0} hidden layers.").format(MAX_HIDDEN_LAYERS)
            else:
                message = self.tr(
                    "Type whole numbers ≥ 1 separated by commas, e.g. 50 or 100, 100."
                )
            self.hidden_message.show_message(message)
            return None
        if any(s < 1 for s in sizes):
            self.hidden_message.show_message(self.tr("Every hidden layer needs at least 1 unit."))
            return None
        if two_layer and len(sizes) != 1:
            self.hidden_message.show_message(
                self.tr(
                    "TwoLayerNet has exactly one hidden layer: type one number, or choose "
                    "MultiLayerNet for {0} layers."
                ).format(len(sizes))
            )
            return None
        self.hidden_message.clear_message()
        return sizes

    def learning_rate(self) -> float | None:
        """η as typed, or None after showing what is wrong next to the field."""
        try:
            values = parse_vector(self.lr_edit.text(), max_size=1)
        except ParseError:
            values = None
        if values is None or not values[0] > 0:
            self.lr_message.show_message(
                self.tr("Type one number greater than 0, e.g. 0.1 or 1e-3.")
            )
            return None
        self.lr_message.clear_message()
        return float(values[0])

    def read_config(self, dataset: str = "") -> RunConfig | None:
        """The run's settings, or None when a field is wrong (its message then says why)."""
        sizes = self.hidden_sizes()
        lr = self.learning_rate()
        if sizes is None or lr is None:
            return None
        multi = self._combo_key(self.model_combo, "two_layer") == "multi_layer"
        try:
            config = RunConfig(
                model="multi_layer" if multi else "two_layer",
                hidden_sizes=sizes,
                activation=self._combo_key(self.activation_combo, "relu"),
                weight_init=self._combo_key(self.init_combo, "std"),
                init_std=self.std_spin.value(),
                optimizer=self._combo_key(self.optimizer_combo, "SGD"),
                lr=lr,
                batch_size=self.batch_spin.value(),
                length=self.length_spin.value(),
                length_unit=self._combo_key(self.unit_combo, "epochs"),
                weight_decay=self.decay_spin.value() if multi else 0.0,
                dropout_ratio=(
                    self.dropout_spin.value() if multi and self.dropout_check.isChecked() else 0.0
                ),
                batchnorm=multi and self.batchnorm_check.isChecked(),
                seed=self.seed_spin.value(),
                gradient_method=self._combo_key(self.method_combo, "backprop"),
                dataset=dataset or self.source(),
            )
        except ValueError as error:  # a combination the fields above cannot express
            self.hidden_message.show_message(str(error))
            return None
        if planned_param_count(config, self._input_size, self._output_size) > _MAX_PARAMS:
            self.hidden_message.show_message(
                self.tr(
                    "This network would have more than {0} parameters: use fewer or smaller "
                    "hidden layers."
                ).format(T.count(_MAX_PARAMS))
            )
            return None
        return config

    def update_summary(self) -> None:
        """The layer shapes, parameter count and numerical-gradient cost of the network typed."""
        config = self.read_config()
        if config is None:
            self.shapes_label.setText(self.tr("<i>Fix the fields above to see the shapes.</i>"))
            self.cost_label.clear()
            return
        sizes = (self._input_size, *config.hidden_sizes, self._output_size)
        shapes = planned_param_shapes(config, self._input_size, self._output_size)
        count = planned_param_count(config, self._input_size, self._output_size)
        shown = ", ".join(
            f"{key} {tuple(shape)}".replace(",)", ")") for key, shape in list(shapes.items())[:12]
        )
        if len(shapes) > 12:
            shown += ", …"
        self.shapes_label.setText(
            self.tr("<b>{0}</b> {1}: <b>{2}</b> parameters<br>{3}").format(
                network_class_name(config),
                "-".join(str(s) for s in sizes),
                T.count(count),
                shown,
            )
        )
        book = mlp_param_count(BOOK_NETWORK)
        self.cost_label.setText(
            self.tr(
                "The numerical gradient evaluates the loss 2 × {0} = {1} times per update "
                "(the book's {2} network: {3})."
            ).format(
                T.count(count),
                T.count(loss_evaluations_per_step(count)),
                "-".join(str(s) for s in BOOK_NETWORK),
                T.count(loss_evaluations_per_step(book)),
            )
        )

    def show_timing(self, timing: GradientTiming | None) -> None:
        """Backprop against numerical gradient, time per update (§4.5 against §5.7)."""
        self._timing = timing
        if timing is None:
            self.timing_label.clear()
            self.timing_label.hide()
            return
        self.timing_label.setText(
            self.tr(
                "Backprop: {0} per update. Numerical: {1} loss evaluations × {2} = about {3} "
                "per update, {4} times slower."
            ).format(
                T.duration(timing.backprop_seconds),
                T.count(timing.loss_evaluations),
                T.duration(timing.loss_seconds),
                T.duration(timing.numerical_seconds),
                T.count(round(timing.ratio)),
            )
        )
        self.timing_label.show()

    def show_timing_busy(self) -> None:
        self.timing_label.setText(self.tr("Measuring…"))
        self.timing_label.show()

    def show_weights_message(self, text: str, level: Level = Level.INFO) -> None:
        self.weights_message.show_message(text, level)

    def clear_weights_message(self) -> None:
        self.weights_message.clear_message()
