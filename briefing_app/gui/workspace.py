"""What is on screen: a document in the reader (with its contents and notes beside it) or a
comparison. Switching between them, and keeping the panes around the reader in step with it.

The reading area is a splitter: the reader is its first pane, and a second view of the current
document (a page view, say) can be added beside it with `add_reading_view`; `documentShown` tells
such a view which document to show.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QObject, QRect, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QSplitter, QStackedWidget, QWidget

from briefing_app.gui import wording
from briefing_app.gui.document_list import DocumentList
from briefing_app.gui.history import Place
from briefing_app.gui.notes_sidebar import NotesSidebar
from briefing_app.gui.page_sync import PageSync
from briefing_app.gui.reader import ReaderView
from briefing_app.gui.toc import TocView
from briefing_app.pack.citing import location_text
from briefing_app.pack.crossrefs import MentionFinder
from briefing_app.pack.links import document_links
from briefing_app.pack.model import Document, Pack

if TYPE_CHECKING:
    from briefing_app.compare import Comparison
    from briefing_app.gui.comparison_view import ComparisonView
    from briefing_app.gui.note_popup import NotePopup


class Workspace(QObject):
    documentShown = Signal(object)  # Document: now in the reader
    comparisonShown = Signal(object)  # Comparison: now on screen
    quoteActivated = Signal(object)  # Quote clicked in the comparison on screen

    def __init__(
        self,
        parent: QWidget,
        documents: DocumentList,
        toc: TocView,
        reader: ReaderView,
        notes: NotesSidebar,
        notes_dock: QDockWidget,
        status: QLabel,
    ) -> None:
        super().__init__(parent)
        self.pack: Pack | None = None
        self.comparisons: list[Comparison] = []
        self.documents, self.toc, self.reader, self.notes = documents, toc, reader, notes
        self.notes_dock, self.status = notes_dock, status
        self.mentions: MentionFinder | None = None
        self.switching = False  # True while a document is being put on screen
        self.reading = QSplitter(Qt.Orientation.Horizontal, parent)
        self.reading.setObjectName("readingSplitter")
        self.reading.setChildrenCollapsible(False)
        self.reading.addWidget(reader)
        self.pages = QStackedWidget(parent)
        self.pages.addWidget(self.reading)
        self.page_sync = PageSync(reader, self.reading, parent)  # a PDF paper's pages beside its text
        self.documentShown.connect(self.page_sync.show_document)
        self._comparison_view: ComparisonView | None = None
        self._note_popup: NotePopup | None = None
        # Which notes are on screen is worked out once the view has settled, not at every step of
        # opening a document or laying out the window.
        self._notes_sync = QTimer(self)
        self._notes_sync.setSingleShot(True)
        self._notes_sync.setInterval(0)
        self._notes_sync.timeout.connect(self.sync_notes)
        reader.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        reader.viewChanged.connect(self._notes_sync.start)
        reader.currentBlockChanged.connect(self._on_current_block_changed)
        reader.noteActivated.connect(self.show_note)

    # -- made on first use ----------------------------------------------------------------------
    @property
    def comparison_view(self) -> ComparisonView:
        if self._comparison_view is None:
            from briefing_app.gui.comparison_view import ComparisonView

            view = ComparisonView(self.pages)
            view.quoteActivated.connect(self.quoteActivated)
            self.pages.addWidget(view)
            self._comparison_view = view
        return self._comparison_view

    @property
    def note_popup(self) -> NotePopup:
        if self._note_popup is None:
            from briefing_app.gui.note_popup import NotePopup

            self._note_popup = NotePopup(self.reader.window())
        return self._note_popup

    def settle(self, seconds: float = 5.0) -> None:
        """Let queued work finish (for a screenshot): events, and a PDF paper's pages on screen."""
        deadline = time.monotonic() + seconds
        for _ in range(3):
            QApplication.processEvents()
        while not self.page_sync.settled() and time.monotonic() < deadline:
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(0.01)

    def add_reading_view(self, view: QWidget) -> None:
        """Put a second view of the current document beside the reader."""
        self.reading.addWidget(view)

    # -- what is shown ---------------------------------------------------------------------------
    def set_pack(self, pack: Pack | None, comparisons: list[Comparison]) -> None:
        self.pack, self.comparisons = pack, comparisons
        self.page_sync.set_pack(pack)
        self.mentions = MentionFinder(pack) if pack else None
        self.documents.set_pack(pack)
        self.documents.add_comparisons(comparisons)
        if self._comparison_view is not None:
            self._comparison_view.comparison = None
        self.pages.setCurrentWidget(self.reading)
        self.toc.set_document(None)
        self.notes.set_document(None)

    def show_message(self, text: str) -> None:
        self.page_sync.hide_pages()
        self.pages.setCurrentWidget(self.reading)
        self.toc.set_document(None)
        self.notes.set_document(None)
        self.reader.show_message(text)

    @property
    def document(self) -> Document | None:
        """The document on screen; None while a comparison is shown."""
        return self.reader.document_model if self.pages.currentWidget() is self.reading else None

    @property
    def comparison(self) -> Comparison | None:
        """The comparison on screen, if one is."""
        view = self._comparison_view
        if view is not None and self.pages.currentWidget() is view:
            return view.comparison
        return None

    def open_document(self, doc_id: str, block_id: str | None = None) -> bool:
        doc = self.pack.document(doc_id) if self.pack else None
        if doc is None:
            return False
        self.pages.setCurrentWidget(self.reading)
        self._mark_in_list(self.documents.select_document, doc_id)
        if self.reader.document_model is not doc:
            self.switching = True
            try:
                self.reader.show_document(doc, document_links(doc, self.mentions))
            finally:
                self.switching = False
            self.toc.set_document(doc)
            self.notes.set_document(doc)
            self.documentShown.emit(doc)
            self._notes_sync.start()
        elif self.notes.doc is not doc:  # back from a comparison, which cleared the contents and notes
            self.toc.set_document(doc)
            self.notes.set_document(doc)
            self._notes_sync.start()
        if block_id:
            self.reader.scroll_to_block(block_id)
        return True

    def open_comparison(self, comparison_id: str) -> bool:
        comparison = next((c for c in self.comparisons if c.id == comparison_id), None)
        if comparison is None or self.pack is None:
            return False
        view = self.comparison_view
        if view.comparison is not comparison:
            view.show_comparison(comparison, self.pack)
        self.pages.setCurrentWidget(view)
        self._mark_in_list(self.documents.select_comparison, comparison_id)
        self.toc.set_document(None)
        self.notes.set_document(None, wording.COMPARISON_HAS_NO_NOTES)
        self.status.setText(comparison.title)
        self.page_sync.hide_pages()
        self.comparisonShown.emit(comparison)
        return True

    def rerender(self) -> None:
        """Draw what is shown again in the current palette and size (a theme or zoom change)."""
        self.reader.rerender()
        if self._comparison_view is not None and self._comparison_view.comparison and self.pack:
            self._comparison_view.show_comparison(self._comparison_view.comparison, self.pack)

    def here(self) -> Place | None:
        if (comparison := self.comparison) is not None:
            return Place("comparison", comparison.id, self.comparison_view.verticalScrollBar().value())
        if self.reader.document_model is not None:
            return Place("doc", self.reader.document_model.id, self.reader.verticalScrollBar().value())
        return None

    def show_place(self, place: Place) -> None:
        if place.kind == "comparison":
            if self.open_comparison(place.id):
                self.comparison_view.verticalScrollBar().setValue(place.scroll)
        elif self.open_document(place.id):
            self.reader.verticalScrollBar().setValue(place.scroll)

    def _mark_in_list(self, select, item_id: str) -> None:
        """Mark what is open in the documents list without the list asking to open it again."""
        self.documents.blockSignals(True)
        select(item_id)
        self.documents.blockSignals(False)

    # -- the panes beside the reader ---------------------------------------------------------------
    def notes_showing(self) -> bool:
        """True when the notes sidebar is on screen (not closed, not a tab behind another)."""
        return self.notes_dock.isVisible() and not self.notes_dock.visibleRegion().isEmpty()

    @Slot(str, str)
    def show_note(self, doc_id: str, key: str) -> None:
        """A marker was activated: the sidebar shows its note, or a popup beside it."""
        self.notes.select_note(key, flash=self.notes_showing())
        if self.notes_showing():
            return  # the sidebar shows it; a popup would cover the text
        doc = self.pack.document(doc_id) if self.pack else None
        positions = self.reader.render_map.markers.get(key)
        if doc is None or not positions:
            return
        cursor = QTextCursor(self.reader.document())
        cursor.setPosition(positions[0])
        rect = self.reader.cursorRect(cursor)
        marker = QRect(self.reader.viewport().mapToGlobal(rect.topLeft()), rect.size())
        self.note_popup.show_note(doc, key, marker)

    @Slot()
    def sync_notes(self) -> None:
        """Emphasise, and bring into view, the notes whose markers are on screen."""
        self.notes.set_on_screen(self.reader.visible_note_keys())

    @Slot(int)
    def _on_scrolled(self, _value: int) -> None:
        self.sync_notes()

    @Slot(str)
    def _on_current_block_changed(self, block_id: str) -> None:
        doc = self.reader.document_model
        if doc is not None and doc.block(block_id) is not None:
            self.status.setText(location_text(doc, block_id))
