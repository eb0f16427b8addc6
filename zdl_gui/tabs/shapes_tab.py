"""The matrix-shapes tab (§3.3–3.4, §3.6.3): np.dot's shape rule and the 3-layer network.

Three pages: :class:`~zdl_gui.tabs.shapes_dot_page.DotShapesPage` (type two shapes, see which
dimensions must match and NumPy's own message when they do not),
:class:`~zdl_gui.tabs.shapes_network_page.NetworkStepsPage` (the book's 3-layer network step by
step, single input or a batch of 100) and
:class:`~zdl_gui.tabs.shapes_chain_page.ShapeChainPage` (the MNIST network's shapes as
dominoes). Every number comes from :mod:`core.matrix_shapes`.
"""

from __future__ import annotations

from collections.abc import Mapping

import pyqtgraph as pg
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from zdl_gui.settings import Settings
from zdl_gui.tabs.base import StudyTab, Table, run_standalone
from zdl_gui.tabs.shapes_chain_page import ShapeChainPage
from zdl_gui.tabs.shapes_dot_page import DotShapesPage
from zdl_gui.tabs.shapes_network_page import NetworkStepsPage


class ShapesTab(StudyTab):
    """Matrix shapes (§3.3–3.4): np.dot's rule, the 3-layer network, the MNIST shape chain."""

    topic_id = "shapes"

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(settings, parent)
        self.dot_page = DotShapesPage()
        self.network_page = NetworkStepsPage()
        self.chain_page = ShapeChainPage()
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.dot_page, "")
        self.pages.addTab(self.network_page, "")
        self.pages.addTab(self.chain_page, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.pages)
        self.finish_setup()

    def retranslate_ui(self) -> None:
        """Page titles and every page's strings."""
        self.setWindowTitle(self.tr("Matrix shapes"))  # when opened on its own
        self.pages.setTabText(0, self.tr("np.dot shapes"))
        self.pages.setTabText(1, self.tr("3-layer network"))
        self.pages.setTabText(2, self.tr("MNIST shape chain"))
        self.dot_page.retranslate_ui()
        self.network_page.retranslate_ui()
        self.chain_page.retranslate_ui()

    def persistent_widgets(self) -> Mapping[str, QWidget]:
        widgets: dict[str, QWidget] = {"page": self.pages}
        widgets.update(self.dot_page.persistent_widgets())
        widgets.update(self.network_page.persistent_widgets())
        widgets.update(self.chain_page.persistent_widgets())
        return widgets

    def plot_for_export(self) -> pg.PlotItem | None:
        """None: the pictures here are drawn with QPainter, not plots."""
        return None

    def table_for_export(self) -> Table | None:
        """The shapes and result on the np.dot page, the current step's arrays, or the chain."""
        page = self.pages.currentWidget()
        if page is self.dot_page:
            return self.dot_page.export_table()
        if page is self.network_page:
            return self.network_page.export_table()
        return self.chain_page.export_table()

    def shutdown(self) -> None:
        self.network_page.stop()
        super().shutdown()


if __name__ == "__main__":
    raise SystemExit(run_standalone(ShapesTab))
