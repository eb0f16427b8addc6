"""The start page: the book's chapters and what ZDL Studio lets a learner do in each."""

from __future__ import annotations

import html
from collections.abc import Collection

from PySide6.QtCore import QEvent, QUrl, Signal, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from zdl_gui.tabs.registry import CHAPTERS, Chapter, Topic, tr_chapters


class StartPage(QWidget):
    """Lists every chapter with its study views; an available view is a link that opens it."""

    open_requested = Signal(str)  # a topic id

    def __init__(self, available: Collection[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._available = frozenset(available)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.document().setDocumentMargin(16)
        self.browser.anchorClicked.connect(self._on_anchor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Rebuild the page text in the current language and palette."""
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        parts = [
            "<h1>{}</h1>".format(html.escape(self.tr("ZDL Studio"))),
            "<p>{}</p>".format(
                html.escape(
                    self.tr(
                        "A study companion for 『ゼロから作るDeep Learning』 (Deep Learning from "
                        "Scratch). Every idea of the book, from the perceptron to backpropagation, "
                        "as something you can see, change and check by hand. Every number shown is "
                        "computed by plain NumPy code written under the book's own names."
                    )
                )
            ),
        ]
        parts += [self._chapter_html(chapter, muted) for chapter in CHAPTERS]
        self.browser.setHtml("\n".join(parts))

    def _chapter_html(self, chapter: Chapter, muted: str) -> str:
        title = tr_chapters(chapter.title)
        heading = (
            title
            if chapter.number is None
            else self.tr("Chapter {0}: {1}").format(chapter.number, title)
        )
        rows = "".join(self._topic_html(topic, muted) for topic in chapter.topics)
        return f"<h2>{html.escape(heading)}</h2><table cellpadding='4'>{rows}</table>"

    def _topic_html(self, topic: Topic, muted: str) -> str:
        title = html.escape(tr_chapters(topic.title))
        if topic.id in self._available:
            name = f"<a href='tab:{topic.id}'><b>{title}</b></a>"
            status = ""
        else:
            name = f"<b>{title}</b>"
            note = html.escape(self.tr("in preparation"))
            status = f" <span style='color:{muted}'>({note})</span>"
        return (
            f"<tr><td valign='top' width='90'>{html.escape(topic.sections)}</td>"
            f"<td>{name}{status}<br>{html.escape(tr_chapters(topic.teaches))}</td></tr>"
        )

    @Slot(QUrl)
    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() == "tab":
            self.open_requested.emit(url.path())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.PaletteChange):
            self.retranslate_ui()
        super().changeEvent(event)
