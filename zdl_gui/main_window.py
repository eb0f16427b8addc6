"""The main window: chapter navigation on the left, the study view on the right, menus above.

The navigation is a side list grouped by chapter rather than a row of tabs: the views carry
chapter numbers and long Japanese titles (「3章 活性化関数」), which a tab bar would have to
squeeze or scroll at 1280 px, while a list keeps them readable and mirrors the book's contents.
"""

from __future__ import annotations

import csv
import html
from collections.abc import Callable
from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

import zdl_gui
from core.mistakes import mistakes_for_topic
from zdl_gui.i18n import LANGUAGES, LanguageSwitcher
from zdl_gui.plotting import export_plot
from zdl_gui.settings import Settings
from zdl_gui.start_page import StartPage
from zdl_gui.tabs.base import StudyTab
from zdl_gui.tabs.registry import CHAPTERS, available_topics, find_topic, tr_chapters
from zdl_gui.theme import apply_theme

START = "start"
MISTAKES_VIEW = "mistakes"
_ID_ROLE = Qt.ItemDataRole.UserRole
_DEFAULT_SIZE = QSize(1280, 800)
_NAV_WIDTH = 240
# used where the platform defines no key for a standard action (e.g. Quit on some Linux desktops)
_FALLBACK_KEYS = {
    QKeySequence.StandardKey.Quit: "Ctrl+Q",
    QKeySequence.StandardKey.HelpContents: "F1",
}


class MainWindow(QMainWindow):
    """ZDL Studio's window. Views are built the first time they are opened."""

    def __init__(
        self,
        settings: Settings | None = None,
        languages: LanguageSwitcher | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings if settings is not None else Settings()
        self.languages = languages or LanguageSwitcher(QCoreApplication.instance())
        self.views: dict[str, QWidget] = {}

        self.nav = QTreeWidget(self)
        self.nav.setHeaderHidden(True)
        self.nav.setRootIsDecorated(False)
        self.nav.setIndentation(14)
        self.nav.setIconSize(QSize(18, 18))
        self.stack = QStackedWidget(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.start_page = StartPage(available=[t.id for _, t in available_topics()], parent=self)
        self.start_page.open_requested.connect(self.show_view)
        self._add_view(START, self.start_page)
        self._build_navigation()
        self.nav.currentItemChanged.connect(self._on_nav_changed)

        self.mistakes_link = QLabel(self)
        self.mistakes_link.setTextFormat(Qt.TextFormat.RichText)
        self.mistakes_link.linkActivated.connect(self.show_mistake)
        self.statusBar().addPermanentWidget(self.mistakes_link)

        self.actions_by_id: dict[str, QAction] = {}
        self._create_actions()
        self._create_menus()
        self.retranslate_ui()
        self._restore_layout()

    # --- navigation and views ----------------------------------------------------------------

    def _build_navigation(self) -> None:
        self.nav_items: dict[str, QTreeWidgetItem] = {}
        start = QTreeWidgetItem(self.nav)
        start.setData(0, _ID_ROLE, START)
        self.nav_items[START] = start
        self.chapter_items: dict[int | None, QTreeWidgetItem] = {}
        for chapter, topic in available_topics():
            if chapter.number not in self.chapter_items:
                header = QTreeWidgetItem(self.nav)
                header.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = header.font(0)
                font.setBold(True)
                header.setFont(0, font)
                self.chapter_items[chapter.number] = header
            item = QTreeWidgetItem(self.chapter_items[chapter.number])
            item.setData(0, _ID_ROLE, topic.id)
            self.nav_items[topic.id] = item
        self.nav.expandAll()

    def _add_view(self, view_id: str, widget: QWidget) -> None:
        self.views[view_id] = widget
        self.stack.addWidget(widget)
        if isinstance(widget, StudyTab):
            widget.open_topic.connect(self.show_view)

    def view(self, view_id: str) -> QWidget:
        """The view ``view_id``, built now if this is its first use."""
        if view_id not in self.views:
            found = find_topic(view_id)
            if found is None:
                raise KeyError(f"no view {view_id!r}")
            tab_class = found[1].load()
            self._add_view(view_id, tab_class(self.settings, self))
        return self.views[view_id]

    @Slot(str)
    def show_view(self, view_id: str) -> None:
        """Bring ``view_id`` to the front (``"start"`` or a topic id of the registry)."""
        if view_id not in self.nav_items:
            return
        self.stack.setCurrentWidget(self.view(view_id))
        self.nav.setCurrentItem(self.nav_items[view_id])
        self._update_title_and_actions()

    def current_view_id(self) -> str:
        widget = self.stack.currentWidget()
        return next(key for key, value in self.views.items() if value is widget)

    def current_tab(self) -> StudyTab | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, StudyTab) else None

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def _on_nav_changed(self, current: QTreeWidgetItem | None, _: QTreeWidgetItem | None) -> None:
        view_id = current.data(0, _ID_ROLE) if current is not None else None
        if view_id and view_id != self.current_view_id():
            self.show_view(view_id)

    # --- actions and menus ------------------------------------------------------------------

    def _action(
        self,
        key: str,
        slot: Callable[[], None],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon: str | None = None,
    ) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            sequence = QKeySequence(shortcut)
            if sequence.isEmpty() and isinstance(shortcut, QKeySequence.StandardKey):
                sequence = QKeySequence(_FALLBACK_KEYS[shortcut])
            action.setShortcut(sequence)
        if icon is not None:
            action.setData(icon)
        action.triggered.connect(slot)
        self.actions_by_id[key] = action
        return action

    def _create_actions(self) -> None:
        self._action("export_plot", self.export_plot_dialog, "Ctrl+E", "mdi6.image-outline")
        self._action(
            "export_data", self.export_data_dialog, "Ctrl+Shift+E", "mdi6.file-delimited-outline"
        )
        self._action("quit", self.close, QKeySequence.StandardKey.Quit, "mdi6.exit-to-app")
        self.language_group = QActionGroup(self)
        for language in ("system", *LANGUAGES):
            action = self._action(f"language_{language}", self._on_language_action)
            action.setCheckable(True)
            action.setData(language)
            self.language_group.addAction(action)
        self.theme_group = QActionGroup(self)
        for theme in ("system", "light", "dark"):
            action = self._action(f"theme_{theme}", self._on_theme_action)
            action.setCheckable(True)
            action.setData(theme)
            self.theme_group.addAction(action)
        self._action("reset_layout", self.reset_layout, None, "mdi6.restore")
        self._action("go_start", self._go_start, "Ctrl+0", "mdi6.home-outline")
        for number, (_, topic) in enumerate(available_topics(), start=1):
            shortcut = f"Ctrl+{number}" if number <= 9 else None
            action = self._action(f"go_{topic.id}", self._on_go_action, shortcut, topic.icon)
            action.setProperty("view_id", topic.id)
        self._action(
            "book_section",
            self.show_book_section,
            QKeySequence.StandardKey.HelpContents,
            "mdi6.book-open-variant",
        )
        self._action("shortcuts", self.show_shortcuts, None, "mdi6.keyboard-outline")
        self._action("about", self.show_about, None, "mdi6.information-outline")
        self._action("about_qt", QApplication.aboutQt)
        self._refresh_icons()
        self._check_current_choices()

    def _create_menus(self) -> None:
        a = self.actions_by_id
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addActions([a["export_plot"], a["export_data"]])
        self.file_menu.addSeparator()
        self.file_menu.addAction(a["quit"])
        self.view_menu = bar.addMenu("")
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.addActions(self.language_group.actions())
        self.theme_menu = self.view_menu.addMenu("")
        self.theme_menu.addActions(self.theme_group.actions())
        self.view_menu.addSeparator()
        self.view_menu.addAction(a["reset_layout"])
        self.go_menu = bar.addMenu("")
        self.go_menu.addAction(a["go_start"])
        self.go_menu.addActions([a[f"go_{topic.id}"] for _, topic in available_topics()])
        self.help_menu = bar.addMenu("")
        self.help_menu.addActions([a["book_section"], a["shortcuts"]])
        self.help_menu.addSeparator()
        self.help_menu.addActions([a["about"], a["about_qt"]])

    def _refresh_icons(self) -> None:
        color = self.palette().color(self.palette().ColorRole.Text)
        for action in self.actions_by_id.values():
            icon = action.data()
            if isinstance(icon, str) and icon.startswith("mdi6."):
                action.setIcon(qta.icon(icon, color=color))
        self.nav_items[START].setIcon(0, qta.icon("mdi6.home-outline", color=color))
        for _, topic in available_topics():
            self.nav_items[topic.id].setIcon(0, qta.icon(topic.icon, color=color))

    def _check_current_choices(self) -> None:
        language = self.settings.value("ui/language")
        theme = self.settings.value("ui/theme")
        self.actions_by_id[f"language_{language}"].setChecked(True)
        self.actions_by_id[f"theme_{theme}"].setChecked(True)

    # --- text ---------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        a = self.actions_by_id
        self.file_menu.setTitle(self.tr("&File"))
        a["export_plot"].setText(self.tr("Export &plot as PNG or SVG…"))
        a["export_data"].setText(self.tr("Export &data as CSV…"))
        a["quit"].setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        a["language_system"].setText(self.tr("System default"))
        for language, name in LANGUAGES.items():
            a[f"language_{language}"].setText(name)
        self.theme_menu.setTitle(self.tr("&Theme"))
        a["theme_system"].setText(self.tr("System"))
        a["theme_light"].setText(self.tr("Light"))
        a["theme_dark"].setText(self.tr("Dark"))
        a["reset_layout"].setText(self.tr("&Reset layout"))
        self.go_menu.setTitle(self.tr("&Go"))
        a["go_start"].setText(self.tr("Start page"))
        for chapter, topic in available_topics():
            a[f"go_{topic.id}"].setText(self.view_title(chapter.number, tr_chapters(topic.title)))
        self.help_menu.setTitle(self.tr("&Help"))
        a["book_section"].setText(self.tr("&Book section of this view"))
        a["shortcuts"].setText(self.tr("&Keyboard shortcuts"))
        a["about"].setText(self.tr("&About ZDL Studio"))
        a["about_qt"].setText(self.tr("About &Qt"))

        self.nav_items[START].setText(0, self.tr("Start"))
        for chapter in CHAPTERS:
            if chapter.number in self.chapter_items:
                item = self.chapter_items[chapter.number]
                item.setText(0, self.view_title(chapter.number, tr_chapters(chapter.title)))
                item.setToolTip(0, item.text(0))
        for _, topic in available_topics():
            item = self.nav_items[topic.id]
            item.setText(0, tr_chapters(topic.title))
            item.setToolTip(0, f"{topic.sections} — {tr_chapters(topic.teaches)}")
        self._update_title_and_actions()

    def view_title(self, chapter: int | None, title: str) -> str:
        """A view's name with its chapter, e.g. "Ch. 3 Activation functions" / 「3章 活性化関数」."""
        return title if chapter is None else self.tr("Ch. {0} {1}").format(chapter, title)

    def _update_title_and_actions(self) -> None:
        view_id = self.current_view_id()
        found = find_topic(view_id)
        app_name = self.tr("ZDL Studio")
        if found is None:
            self.setWindowTitle(app_name)
        else:
            chapter, topic = found
            title = self.view_title(chapter.number, tr_chapters(topic.title))
            self.setWindowTitle(f"{title} — {app_name}")
        has_tab = self.current_tab() is not None
        self.actions_by_id["export_plot"].setEnabled(has_tab)
        self.actions_by_id["export_data"].setEnabled(has_tab)
        self._update_mistakes_link(view_id)

    def _update_mistakes_link(self, view_id: str) -> None:
        """ "Common mistakes here: B1 B2 …" for the current view, each a link into the gallery."""
        ids = mistakes_for_topic(view_id) if MISTAKES_VIEW in self.nav_items else ()
        if not ids:
            self.mistakes_link.clear()
            return
        links = " ".join(f"<a href='{i}'>{i}</a>" for i in ids)
        self.mistakes_link.setText(self.tr("Common mistakes here: {0}").format(links))

    @Slot(str)
    def show_mistake(self, mistake_id: str) -> None:
        """Open the gallery of common mistakes at ``mistake_id`` (e.g. ``"B12"``)."""
        self.show_view(MISTAKES_VIEW)
        gallery = self.views[MISTAKES_VIEW]
        show = getattr(gallery, "show_mistake", None)
        if show is not None:
            show(mistake_id)

    # --- language, theme, layout -----------------------------------------------------------

    @Slot()
    def _on_language_action(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.set_language(action.data())

    def set_language(self, setting: str) -> None:
        """Switch the whole app to ``setting`` ("system", "ja" or "en") now and remember it."""
        self.settings.set_value("ui/language", setting)
        self.actions_by_id[f"language_{setting}"].setChecked(True)
        self.languages.apply(setting)

    @Slot()
    def _on_theme_action(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.set_theme(action.data())

    def set_theme(self, theme: str) -> None:
        """Use the "system", "light" or "dark" theme now and remember it."""
        self.settings.set_value("ui/theme", theme)
        self.actions_by_id[f"theme_{theme}"].setChecked(True)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)

    @Slot()
    def reset_layout(self) -> None:
        """Back to the default window size and position and the default navigation width."""
        for key in ("window/geometry", "window/state", "window/splitter"):
            self.settings.remove(key)
        self.showNormal()
        self.resize(_DEFAULT_SIZE)
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            frame = self.frameGeometry()
            frame.moveCenter(screen.availableGeometry().center())
            self.move(frame.topLeft())
        self.splitter.setSizes([_NAV_WIDTH, max(_DEFAULT_SIZE.width() - _NAV_WIDTH, 400)])

    def _restore_layout(self) -> None:
        self.resize(_DEFAULT_SIZE)
        self.splitter.setSizes([_NAV_WIDTH, _DEFAULT_SIZE.width() - _NAV_WIDTH])
        geometry = self.settings.value("window/geometry")
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        splitter = self.settings.value("window/splitter")
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        last = self.settings.value("window/last_view")
        self.show_view(last if last in self.nav_items else START)

    def _save_layout(self) -> None:
        self.settings.set_value("window/geometry", self.saveGeometry())
        self.settings.set_value("window/splitter", self.splitter.saveState())
        self.settings.set_value("window/last_view", self.current_view_id())

    # --- Go and Help --------------------------------------------------------------------------

    @Slot()
    def _go_start(self) -> None:
        self.show_view(START)

    @Slot()
    def _on_go_action(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.show_view(action.property("view_id"))

    def book_section_text(self) -> str:
        """What the current view covers, for Help ▸ Book section."""
        found = find_topic(self.current_view_id())
        if found is None:
            return self.tr(
                "The start page lists every chapter of the book and what ZDL Studio lets you "
                "do in each. Pick a view on the left, or press Ctrl+1 … Ctrl+9."
            )
        chapter, topic = found
        if chapter.number is None:
            return self.tr("{0} covers {1} of the book.\n\n{2}").format(
                tr_chapters(topic.title), topic.sections, tr_chapters(topic.teaches)
            )
        return self.tr("{0} covers {1} of chapter {2}, “{3}”.\n\n{4}").format(
            tr_chapters(topic.title),
            topic.sections,
            chapter.number,
            tr_chapters(chapter.title),
            tr_chapters(topic.teaches),
        )

    @Slot()
    def show_book_section(self) -> None:
        QMessageBox.information(self, self.tr("Book section"), self.book_section_text())

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(action, key) for every action that has a shortcut, as the user sees them."""
        rows = []
        for action in self.actions_by_id.values():
            if not action.shortcut().isEmpty():
                key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                rows.append((action.text().replace("&", ""), key))
        return rows

    @Slot()
    def show_shortcuts(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = self.shortcut_rows()
        table = QTableWidget(len(rows), 2, dialog)
        table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (name, key) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(name))
            table.setItem(row, 1, QTableWidgetItem(key))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.resizeColumnToContents(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(table)
        layout.addWidget(buttons)
        dialog.resize(520, 460)
        dialog.open()

    @Slot()
    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About ZDL Studio"),
            self.tr(
                "<h3>ZDL Studio {0}</h3><p>A study companion for 『ゼロから作るDeep Learning』: "
                "the book's mathematics in plain NumPy, made visible and checkable.</p>"
            ).format(html.escape(zdl_gui.__version__)),
        )

    # --- export ------------------------------------------------------------------------------

    def _export_folder(self) -> str:
        return self.settings.value("export/folder", str(Path.home()))

    def _nothing_to_export(self) -> None:
        self.statusBar().showMessage(self.tr("This page has nothing of that kind to export."), 5000)

    @Slot()
    def export_plot_dialog(self) -> None:
        tab = self.current_tab()
        if tab is None or tab.plot_for_export() is None:
            self._nothing_to_export()
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export plot"),
            str(Path(self._export_folder()) / f"{tab.topic_id}.png"),
            self.tr("PNG image (*.png);;SVG image (*.svg)"),
        )
        if path:
            self.export_plot_to(path)

    def export_plot_to(self, path: str) -> bool:
        """Save the current view's plot; on failure say why in a dialog and return False."""
        tab = self.current_tab()
        plot = tab.plot_for_export() if tab is not None else None
        if plot is None:
            return False
        try:
            export_plot(plot, path)
        except OSError as exc:
            self._export_failed(path, exc)
            return False
        self.settings.set_value("export/folder", str(Path(path).parent))
        return True

    @Slot()
    def export_data_dialog(self) -> None:
        tab = self.current_tab()
        if tab is None or tab.table_for_export() is None:
            self._nothing_to_export()
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export data"),
            str(Path(self._export_folder()) / f"{tab.topic_id}.csv"),
            self.tr("CSV file (*.csv)"),
        )
        if path:
            self.export_data_to(path)

    def export_data_to(self, path: str) -> bool:
        """Save the current view's data as CSV (UTF-8 with BOM, so spreadsheet apps read it)."""
        tab = self.current_tab()
        table = tab.table_for_export() if tab is not None else None
        if table is None:
            return False
        header, rows = table
        try:
            with open(path, "w", encoding="utf-8-sig", newline="") as stream:
                writer = csv.writer(stream)
                writer.writerow(header)
                writer.writerows(rows)
        except OSError as exc:
            self._export_failed(path, exc)
            return False
        self.settings.set_value("export/folder", str(Path(path).parent))
        return True

    def _export_failed(self, path: str, exc: OSError) -> None:
        QMessageBox.warning(
            self,
            self.tr("Export failed"),
            self.tr("Could not write {0}:\n{1}").format(path, exc.strerror or str(exc)),
        )

    # --- events --------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() == QEvent.Type.PaletteChange:
            self._refresh_icons()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_layout()
        for widget in self.views.values():
            if isinstance(widget, StudyTab):
                widget.shutdown()
        self.settings.sync()
        super().closeEvent(event)
