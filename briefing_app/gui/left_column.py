"""The left column: the pack's documents (and comparisons) above the open document's contents."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from briefing_app.gui.document_list import DocumentList
from briefing_app.gui.toc import TocView

MOST = 0.6  # of the column the documents list may take, however long the pack


def titled(title: str, widget: QWidget, parent: QWidget) -> QWidget:
    """`widget` under a bold label naming it (the label's buddy, for Alt+letter and screen readers)."""
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(6, 6, 0, 0)
    layout.setSpacing(4)
    label = QLabel(title, box)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setBuddy(widget)
    layout.addWidget(label)
    layout.addWidget(widget, 1)
    return box


class LeftColumn(QSplitter):
    def __init__(self, documents: DocumentList, toc: TocView, parent: QWidget) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setObjectName("leftSplitter")
        self.documents = documents
        self.addWidget(titled("Documents", documents, self))
        self.addWidget(titled("Contents", toc, self))
        self.setSizes([300, 500])
        # Fitted once the list has its size (in the column's resizeEvent it still has its old width,
        # before the window is shown it is 100 px wide, and a title wraps differently at each).
        self._fit = QTimer(self)
        self._fit.setSingleShot(True)
        self._fit.setInterval(0)
        self._fit.timeout.connect(self._fit_documents)

    def fit_documents(self) -> None:
        """Give the documents list the height its entries need (up to MOST of the column), so
        that the comparisons listed last are not hidden below it: on the next turn of the loop."""
        self._fit.start()

    def _fit_documents(self) -> None:
        docs = self.documents
        # The rows as laid out at the list's width: sizeHintForRow does not wrap a long title.
        docs.doItemsLayout()
        rows = sum(
            docs.visualItemRect(docs.item(r)).height() + 2 * docs.spacing() for r in range(docs.count())
        )
        chrome = docs.frameWidth() * 2 + self.widget(0).height() - docs.height() + 4
        total = sum(self.sizes()) or 800
        wanted = min(rows + max(chrome, 24), int(total * MOST))
        self.setSizes([wanted, total - wanted])

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        if event.oldSize() != event.size():
            self.fit_documents()
