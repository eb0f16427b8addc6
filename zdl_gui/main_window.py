"""The main window: the start page and the study tabs, with the menus around them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QTabWidget, QWidget

import zdl_gui
from zdl_gui.start_page import StartPage


class MainWindow(QMainWindow):
    """ZDL Studio's window: one tab per study view, the start page first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.start_page = StartPage(parent=self.tabs)
        self.tabs.addTab(self.start_page, "")
        self.setCentralWidget(self.tabs)

        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self.file_menu = self.menuBar().addMenu("")
        self.file_menu.addAction(self.quit_action)
        self.help_menu = self.menuBar().addMenu("")
        self.help_menu.addAction(self.about_action)

        self.resize(1280, 800)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("ZDL Studio"))
        self.tabs.setTabText(self.tabs.indexOf(self.start_page), self.tr("Start"))
        self.file_menu.setTitle(self.tr("&File"))
        self.quit_action.setText(self.tr("&Quit"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About ZDL Studio"))

    @Slot()
    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About ZDL Studio"),
            self.tr(
                "<h3>ZDL Studio {0}</h3><p>A study companion for 『ゼロから作るDeep Learning』: "
                "the book's mathematics in plain NumPy, made visible.</p>"
            ).format(zdl_gui.__version__),
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        for index in range(self.tabs.count()):
            shutdown = getattr(self.tabs.widget(index), "shutdown", None)
            if shutdown is not None:
                shutdown()
        super().closeEvent(event)
