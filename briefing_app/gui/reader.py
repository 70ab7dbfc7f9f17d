"""The reading pane: one document, rendered with real typography, note markers as links."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QTextBrowser, QTextEdit, QToolTip

from briefing_app.gui import plain, style
from briefing_app.gui.on_screen import viewport_rect
from briefing_app.gui.render import DOC_SCHEME, NOTE_SCHEME, Renderer, RenderMap
from briefing_app.pack.model import Document, Span


class ReaderView(QTextBrowser):
    noteActivated = Signal(str, str)  # document id, note key
    documentLinkActivated = Signal(str)  # id of the document a name in the text refers to
    highlightRequested = Signal(str)  # colour name, for the current selection
    commentRequested = Signal(str)  # annotation id to edit; "" for a new one on the selection
    tagsRequested = Signal(str)  # the same
    colourRequested = Signal(str, str)  # annotation id, new colour name
    deleteRequested = Signal(str)  # annotation id
    rerendered = Signal()
    viewChanged = Signal()  # what is on screen changed without a scroll (a resize, being shown)
    currentBlockChanged = Signal(str)  # id of the block at the top of the view
    marksChanged = Signal()  # highlight_ranges or annotation_marks changed (another view draws them too)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.document_model: Document | None = None
        self.render_map = RenderMap()
        self._search_marks: list = []
        self._annotation_marks: list = []
        # The marks in model terms, for other views of the document: search hits as given to
        # set_highlights, and the reader's own highlights as given to set_annotations.
        self.highlight_ranges: tuple[dict[str, tuple[tuple[int, int], ...]], str | None] = ({}, None)
        self.annotation_marks: list[tuple[str, str, int, int, str, str]] = []
        self.annotation_spans: list[tuple[str, int, int, str]] = []  # id, doc start, doc end, comment
        self.colour_names: list[str] = []
        self.zoom = 1.0
        self._links: dict = {}
        self._pending_top: str | None = None  # asked for before the pane was shown
        self.setObjectName("reader")
        self.setAccessibleName("Document text")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)

    def show_document(self, doc: Document, links: dict[str, list[Span]] | None = None) -> None:
        self._pending_top = None
        self._search_marks, self._annotation_marks, self.annotation_spans = [], [], []
        self.annotation_marks = []
        self.clear_highlights()
        self.document_model = doc
        self._links = links or {}
        self.render_map = Renderer(self.document(), self.palette(), self.zoom).render(doc, links)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.verticalScrollBar().setValue(0)

    def set_zoom(self, zoom: float) -> None:
        """Re-render at a new size, keeping the block at the top in view."""
        zoom = max(0.6, min(2.5, round(zoom, 2)))
        if zoom == self.zoom:
            return
        self.zoom = zoom
        self.rerender()

    def rerender(self) -> None:
        """Lay the document out again (zoom or theme changed), keeping the block at the top."""
        doc = self.document_model
        if doc is None:
            return
        top = self.block_at_top()
        self.render_map = Renderer(self.document(), self.palette(), self.zoom).render(doc, self._links)
        self._search_marks, self._annotation_marks, self.annotation_spans = [], [], []
        self._apply_marks()
        if top:
            self.scroll_to_block(top)
        self.rerendered.emit()  # positions changed: whoever drew marks draws them again

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
            selections.extend(self._selection(place, start, end, fmt) for start, end in spans)
        self._search_marks = selections
        self.highlight_ranges = (dict(ranges), current)
        self._apply_marks()
        return len(selections)

    def set_annotations(self, marks: list[tuple[str, str, int, int, str, str]]) -> None:
        """Show the reader's own highlights: (id, block id, start, end, colour hex, comment)."""
        selections, spans = [], []
        for annotation_id, block_id, start, end, colour, comment in marks:
            place = self.render_map.blocks.get(block_id)
            if place is None:
                continue
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(colour))
            fmt.setForeground(QColor("#000000"))
            if comment:
                fmt.setFontUnderline(True)
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            sel = self._selection(place, start, end, fmt)
            selections.append(sel)
            spans.append((annotation_id, sel.cursor.selectionStart(), sel.cursor.selectionEnd(), comment))
        self._annotation_marks = selections
        self.annotation_spans = spans
        self.annotation_marks = list(marks)
        self._apply_marks()

    def _apply_marks(self) -> None:
        # Search marks drawn over the reader's own highlights, so both stay visible.
        self.setExtraSelections([*self._annotation_marks, *self._search_marks])
        self.marksChanged.emit()

    def annotation_at(self, position: int) -> str | None:
        for annotation_id, start, end, _ in self.annotation_spans:
            if start <= position < end:
                return annotation_id
        return None

    def selection_ranges(self) -> list[tuple[str, int, int]]:
        """The selection as (block id, start, end) in each model block it covers, in reading
        order; surrounding spaces and the document's header left out."""
        cursor = self.textCursor()
        if not cursor.hasSelection() or self.document_model is None:
            return []
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        out = []
        for block_id, place in self.render_map.blocks.items():
            if place.end <= start or place.start >= end:
                continue
            a = self.render_map.model_offset(block_id, max(start, place.start))
            b = self.render_map.model_offset(block_id, min(end, place.end))
            text = self.document_model.block(block_id).text
            b = min(b, len(text))
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                out.append((block_id, a, b))
        return out

    def selection_in_model(self) -> tuple[str, int, int] | None:
        """The selection's part in the first block it covers (see `selection_ranges`)."""
        ranges = self.selection_ranges()
        return ranges[0] if ranges else None

    @Slot()
    def copy_words(self) -> bool:
        """Copy the selection's words, not what is drawn: no note label is glued to the word it
        follows, and paragraphs are a blank line apart. False when nothing is selected."""
        ranges = self.selection_ranges()
        if not ranges:
            return False
        from briefing_app.pack.citing import selected_text

        QGuiApplication.clipboard().setText(selected_text(self.document_model, ranges))
        return True

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.matches(QKeySequence.StandardKey.Copy) and self.copy_words():
            event.accept()
            return
        # A read-only browser has no caret to move: Ctrl+Home and Ctrl+End go to the ends.
        ends = {
            Qt.Key.Key_Home: QTextCursor.MoveOperation.Start,
            Qt.Key.Key_End: QTextCursor.MoveOperation.End,
        }
        if event.modifiers() == Qt.KeyboardModifier.ControlModifier and event.key() in ends:
            bar = self.verticalScrollBar()
            self.moveCursor(ends[event.key()])
            bar.setValue(bar.minimum() if event.key() == Qt.Key.Key_Home else bar.maximum())
            event.accept()
            return
        super().keyPressEvent(event)

    def viewportEvent(self, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.ToolTip:
            position = self.cursorForPosition(event.pos()).position()
            for _, start, end, comment in self.annotation_spans:
                if comment and start <= position < end:
                    QToolTip.showText(event.globalPos(), plain.tip(comment), self.viewport())
                    return True
        return super().viewportEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.context_menu(event.pos()).exec(event.globalPos())

    def context_menu(self, pos: QPoint) -> QMenu:
        """The right-click menu at `pos` (viewport coordinates): copying, highlighting the
        selection, and for a highlight under the pointer its comment, tags, colour and deletion."""
        menu = self.createStandardContextMenu(pos)
        copy = next((a for a in menu.actions() if a.objectName() == "edit-copy"), None)
        if copy is not None and self.selection_ranges():
            copy.triggered.disconnect()
            copy.triggered.connect(self.copy_words)
        under = self.annotation_at(self.cursorForPosition(pos).position())
        menu.addSeparator()
        if self.textCursor().hasSelection():
            colours = menu.addMenu("Highlight")
            for name in self.colour_names:
                colours.addAction(name.capitalize(), lambda n=name: self.highlightRequested.emit(n))
            menu.addAction("Comment…", lambda: self.commentRequested.emit(""))
            menu.addAction("Tags…", lambda: self.tagsRequested.emit(""))
        if under:
            menu.addSeparator()
            menu.addAction("Edit Comment…", lambda: self.commentRequested.emit(under))
            menu.addAction("Edit Tags…", lambda: self.tagsRequested.emit(under))
            colours = menu.addMenu("Change Colour")
            for name in self.colour_names:
                colours.addAction(name.capitalize(), lambda n=name: self.colourRequested.emit(under, n))
            menu.addAction("Delete Highlight", lambda: self.deleteRequested.emit(under))
        return menu

    def _selection(self, place, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        """An extra selection over model offsets start..end of a rendered block."""
        # A note label drawn right after the last character is not part of the range.
        label = sum(n for at, n in place.inserts if at == end and start < end)
        cursor = QTextCursor(self.document())
        cursor.setPosition(place.position(start))
        cursor.setPosition(place.position(end) - label, QTextCursor.MoveMode.KeepAnchor)
        sel = QTextEdit.ExtraSelection()
        sel.cursor, sel.format = cursor, fmt
        return sel

    def set_marks(self, selections: list) -> None:
        """Show ready-made marks in the search layer (the find bar's matches)."""
        self._search_marks = selections
        self.highlight_ranges = ({}, None)
        self._apply_marks()

    def clear_highlights(self) -> None:
        self._search_marks = []
        self.highlight_ranges = ({}, None)
        self._apply_marks()

    def scroll_to_block(self, block_id: str) -> bool:
        place = self.render_map.blocks.get(block_id)
        if place is None:
            return False
        if not self.isVisible():
            self._pending_top = block_id  # nothing is laid out yet: scroll once shown
            return True
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
        best = next(iter(self.render_map.blocks), None)  # above the first block: the document's header
        for block_id, place in self.render_map.blocks.items():
            if place.start <= position:
                best = block_id
            else:
                break
        return best

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        # The text reflows: keep the block the reader was at on top.
        # Only a change of width reflows it; a change of height (a bar shown or hidden below)
        # leaves every line where it was.
        reflows = event.oldSize().width() != event.size().width()
        top = (
            self.block_at_top()
            if reflows and self.document_model is not None and self.verticalScrollBar().value()
            else None
        )
        # Keep a readable measure: centre a column of READING_WIDTH on wide windows.
        spare = max(0, self.width() - style.READING_WIDTH - 40)
        side = spare // 2
        self.setViewportMargins(side, 0, side, 0)
        super().resizeEvent(event)
        if self._pending_top and self.isVisible():
            top, self._pending_top = self._pending_top, None
        if top:
            self.scroll_to_block(top)
        self.viewChanged.emit()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        if self._pending_top:
            top, self._pending_top = self._pending_top, None
            self.scroll_to_block(top)
        self.viewChanged.emit()

    def visible_range(self) -> tuple[int, int]:
        rect = viewport_rect(self)
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
