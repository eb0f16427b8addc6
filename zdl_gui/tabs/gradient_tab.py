"""The gradient tab (§4.3–4.4): numerical differentiation, gradient descent, and why not ∇L = 0.

Three pages: :class:`~zdl_gui.tabs.derivative_page.DerivativePage` (forward against central
differences as h shrinks, §4.3), :class:`~zdl_gui.tabs.descent_page.DescentPage` (∇f as arrows on
the contours, partial derivatives as slices, gradient descent with a learning rate that is right,
too large or too small, §4.4) and :class:`~zdl_gui.tabs.closed_form_page.ClosedFormPage` (why
§4.2.5 does not just solve ∇L = 0). Every number comes from :mod:`core.derivative_steps` and
:mod:`core.descent`.
"""

from __future__ import annotations

from collections.abc import Mapping

import pyqtgraph as pg
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from zdl_gui.settings import Settings
from zdl_gui.tabs.base import StudyTab, Table, run_standalone
from zdl_gui.tabs.closed_form_page import ClosedFormPage
from zdl_gui.tabs.derivative_page import DerivativePage
from zdl_gui.tabs.descent_page import DescentPage


class GradientTab(StudyTab):
    """Numerical differentiation and gradient descent (§4.3–4.4)."""

    topic_id = "gradient"

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(settings, parent)
        self.derivative_page = DerivativePage()
        self.descent_page = DescentPage()
        self.closed_form_page = ClosedFormPage()
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.derivative_page, "")
        self.pages.addTab(self.descent_page, "")
        self.pages.addTab(self.closed_form_page, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.pages)
        self.finish_setup()

    def retranslate_ui(self) -> None:
        """Page titles and every page's strings."""
        self.setWindowTitle(self.tr("Numerical differentiation and gradient descent"))
        self.pages.setTabText(0, self.tr("Numerical differentiation"))
        self.pages.setTabText(1, self.tr("Gradient descent"))
        self.pages.setTabText(2, self.tr("Why not solve ∇L = 0?"))
        self.derivative_page.retranslate_ui()
        self.descent_page.retranslate_ui()
        self.closed_form_page.retranslate_ui()

    def persistent_widgets(self) -> Mapping[str, QWidget]:
        widgets: dict[str, QWidget] = {"page": self.pages}
        widgets.update(self.derivative_page.persistent_widgets())
        widgets.update(self.descent_page.persistent_widgets())
        return widgets

    def plot_for_export(self) -> pg.PlotItem | None:
        """The main plot of the page shown."""
        page = self.pages.currentWidget()
        if page is self.descent_page:
            return self.descent_page.contour_plot.plotItem
        if page is self.closed_form_page:
            return self.closed_form_page.quadratic_plot.plotItem
        return self.derivative_page.main_plot.plotItem

    def table_for_export(self) -> Table | None:
        """The error curve, the descent steps, or the parameter count, by page."""
        page = self.pages.currentWidget()
        if page is self.descent_page:
            return self.descent_page.export_table()
        if page is self.closed_form_page:
            return self.closed_form_page.export_table()
        return self.derivative_page.export_table()

    def shutdown(self) -> None:
        """Stop the descent animation, then remember the inputs."""
        self.descent_page.shutdown()
        super().shutdown()


if __name__ == "__main__":
    raise SystemExit(run_standalone(GradientTab))
