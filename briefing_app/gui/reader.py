"""The reading pane: one document, rendered with real typography, note markers as links."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QUrl, Signal, Slot
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QTextEdit

from briefing_app.gui import style
from briefing_app.gui.render import DOC_SCHEME, NOTE_SCHEME, Renderer, RenderMap
from briefing_app.pack.model import Document, Span


class ReaderView(QTextBrowser):
    noteActivated = Signal(str, str)  # document id, note key
    documentLinkActivated = Signal(str)  # id of the document a name in the text refers to
    currentBlockChanged = Signal(str)  # id of the block at the top of the view

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.document_model: Document | None = None
        self.render_map = RenderMap()
        self.setObjectName("reader")
        self.setAccessibleName("Document text")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)

    def show_document(self, doc: Document, links: dict[str, list[Span]] | None = None) -> None:
        self.clear_highlights()
        self.document_model = doc
        self.render_map = Renderer(self.document(), self.palette()).render(doc, links)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.verticalScrollBar().setValue(0)

    def show_message(self, text: str) -> None:
        self.document_model = None
        self.render_map = RenderMap()
        self.document().clear()
        self.setPlainText(text)

    def set_highlights(
        self, ranges: dict[str, tuple[tuple[int, int], ...]], current: str | None = None
    ) -> int:
        """Mark matched words (model offsets per block id); the current block's marks stronger."""
        selections = []
        for block_id, spans in ranges.items():
            place = self.render_map.blocks.get(block_id)
            if place is None:
                continue
            fmt = QTextCharFormat()
            fmt.setBackground(QColor("#ffd54f") if block_id == current else QColor("#fff1a8"))
            fmt.setForeground(QColor("#000000"))
            for start, end in spans:
                sel = QTextEdit.ExtraSelection()
                cursor = QTextCursor(self.document())
                cursor.setPosition(place.position(start))
                cursor.setPosition(
                    place.position(end) - self._label_inside(place, start, end),
                    QTextCursor.MoveMode.KeepAnchor,
                )
                sel.cursor = cursor
                sel.format = fmt
                selections.append(sel)
        self.setExtraSelections(selections)
        return len(selections)

    @staticmethod
    def _label_inside(place, start: int, end: int) -> int:
        # A note label drawn right after the last matched character is not part of the match.
        return sum(n for at, n in place.inserts if at == end and start < end)

    def clear_highlights(self) -> None:
        self.setExtraSelections([])

    def scroll_to_block(self, block_id: str) -> bool:
        place = self.render_map.blocks.get(block_id)
        if place is None:
            return False
        cursor = QTextCursor(self.document())
        cursor.setPosition(place.start)
        self.setTextCursor(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect(cursor).top() - 16)
        return True

    def block_at_top(self) -> str | None:
        # A little below the top edge: the line there is the one the reader is looking at.
        cursor = self.cursorForPosition(self.viewport().rect().topLeft() + QPoint(0, 48))
        position = cursor.position()
        best = None
        for block_id, place in self.render_map.blocks.items():
            if place.start <= position:
                best = block_id
            else:
                break
        return best

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        # Keep a readable measure: centre a column of READING_WIDTH on wide windows.
        spare = max(0, self.width() - style.READING_WIDTH - 40)
        side = spare // 2
        self.setViewportMargins(side, 0, side, 0)
        super().resizeEvent(event)

    def visible_range(self) -> tuple[int, int]:
        rect = self.viewport().rect()
        return self.cursorForPosition(rect.topLeft()).position(), self.cursorForPosition(
            rect.bottomRight()
        ).position()

    def visible_note_keys(self) -> set[str]:
        low, high = self.visible_range()
        return {
            key
            for key, positions in self.render_map.markers.items()
            if any(low <= p <= high for p in positions)
        }

    def scroll_to_marker(self, key: str) -> bool:
        """Bring the note's first marker into view and select it, so the eye finds it."""
        positions = self.render_map.markers.get(key)
        if not positions:
            return False
        note = self.document_model.note(key) if self.document_model else None
        cursor = QTextCursor(self.document())
        cursor.setPosition(positions[0])
        cursor.setPosition(positions[0] + len(note.label if note else key), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        return True

    @Slot(QUrl)
    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == NOTE_SCHEME and self.document_model is not None:
            self.noteActivated.emit(self.document_model.id, url.path())
        elif url.scheme() == DOC_SCHEME:
            self.documentLinkActivated.emit(url.path())

    @Slot(int)
    def _on_scrolled(self, _value: int) -> None:
        block_id = self.block_at_top()
        if block_id:
            self.currentBlockChanged.emit(block_id)
