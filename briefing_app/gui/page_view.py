"""The paper as issued: its PDF pages one under another, with the reading position and marks on them.

Pages are rendered off the GUI thread (page_render.py) and only when on screen or next to it, so a
paper of thousands of pages opens as quickly as one of three. Until a page arrives its place is a
blank sheet of the right size. Drawn over the pages: the outline of the passage at the reading
position, search hits and the reader's highlights, placed from the model's regions (page_places.py).
A click on a line asks for that passage in the text (`blockClicked`).
"""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QAbstractScrollArea

from briefing_app.gui.page_render import PageRenderer
from briefing_app.pack.model import Document
from briefing_app.pack.page_places import Box, PageIndex, block_boxes, span_boxes

GAP = 12  # pixels between pages and around them
KEEP = 24  # rendered pages kept; the rest are rendered again when scrolled back to
SEARCH = QColor(255, 213, 79, 110)
SEARCH_CURRENT = QColor(255, 160, 0, 140)
OUTLINE = QColor("#1565c0")


class PageView(QAbstractScrollArea):
    blockClicked = Signal(str)  # id of the block whose line was clicked on a page
    pageShown = Signal(int)  # page index at the top of the view, when it changes

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.sizes: list[tuple[float, float]] = []  # every page's (width, height) in points
        self.message = ""
        self.zoom = 1.0
        self._doc: Document | None = None
        self._index: PageIndex | None = None
        self._images: dict[int, tuple[float, QImage]] = {}
        self._tops: list[float] = []  # each page's top, in pixels from the top of the first page
        self._scale = 1.0  # pixels per point at the current width and zoom
        self._outline: list[Box] = []
        self._search: list[tuple[Box, QColor]] = []
        self._highlights: list[tuple[Box, QColor]] = []
        self._pending_block: str | None = None  # asked for before the page sizes were known
        self._top_page = -1
        self.setObjectName("pageView")
        self.setAccessibleName("Pages as issued")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setAutoFillBackground(True)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Dark)
        # No parent: the worker thread emits through it, so it must outlive the view until the
        # thread has stopped, rather than die with the view while a page is on its way.
        self.renderer = PageRenderer()
        self.renderer.described.connect(self._on_described)
        self.renderer.rendered.connect(self._on_rendered)
        self.renderer.failed.connect(self._on_failed)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.horizontalScrollBar().valueChanged.connect(self._on_scrolled)
        self.destroyed.connect(self.renderer.stop)

    # -- what to show -------------------------------------------------------------------------
    def show_pdf(self, path: Path, doc: Document | None = None) -> None:
        """Show the PDF at `path`; `doc`, read from it, places passages on its pages."""
        self.path, self._doc = Path(path), doc
        self._index = PageIndex(doc) if doc is not None else None
        self.sizes, self._images, self._tops, self.message = [], {}, [], ""
        self._outline, self._search, self._highlights = [], [], []
        self._top_page = -1
        self.renderer.open(self.path)
        self._layout()

    def clear(self) -> None:
        self.path, self._doc, self._index, self.sizes, self._images = None, None, None, [], {}
        self.renderer.open(None)
        self._layout()

    def outline_block(self, block_id: str | None, scroll: bool = True) -> bool:
        """Outline the passage `block_id` on its page(s), scrolling it into view; False if it has no
        place on the pages."""
        block = self._doc.block(block_id) if (self._doc and block_id) else None
        self._outline = block_boxes(block) if block is not None else []
        if scroll and self._outline:
            if not self.sizes:
                self._pending_block = block_id
            else:
                self._reveal(self._outline[0])
        self.viewport().update()
        return bool(self._outline)

    def set_search_marks(
        self, ranges: dict[str, tuple[tuple[int, int], ...]], current: str | None = None
    ) -> int:
        """Mark matched words (model offsets per block id), as the text view does; returns how many."""
        self._search = self._boxes(
            (block_id, start, end, SEARCH_CURRENT if block_id == current else SEARCH)
            for block_id, spans in ranges.items()
            for start, end in spans
        )
        self.viewport().update()
        return len(self._search)

    def set_annotation_marks(self, marks: list[tuple[str, str, int, int, str, str]]) -> None:
        """The reader's own highlights: (id, block id, start, end, colour hex, comment)."""
        self._highlights = self._boxes(
            (block_id, start, end, _translucent(colour)) for _, block_id, start, end, colour, _ in marks
        )
        self.viewport().update()

    def _boxes(self, wanted) -> list[tuple[Box, QColor]]:
        out = []
        for block_id, start, end, colour in wanted:
            block = self._doc.block(block_id) if self._doc else None
            if block is not None:
                out.extend((box, colour) for box in span_boxes(block, start, end))
        return out

    def set_zoom(self, zoom: float) -> None:
        page = self.page_at_top()
        self.zoom = max(0.5, min(4.0, round(zoom, 2)))
        self._layout()
        if page is not None:
            self.scroll_to_page(page)

    def settled(self) -> bool:
        """True when every page on screen is drawn (or there is nothing to draw)."""
        if self.isHidden() or self.path is None or self.message:
            return True
        return bool(self.sizes) and all(page in self._images for page in self.visible_pages())

    # -- where the view is --------------------------------------------------------------------
    def page_at_top(self) -> int | None:
        if not self._tops:
            return None
        y = self.verticalScrollBar().value() + GAP
        return max(0, bisect_right(self._tops, y) - 1)

    def scroll_to_page(self, page: int) -> None:
        if 0 <= page < len(self._tops):
            self.verticalScrollBar().setValue(int(self._tops[page]))

    def visible_pages(self) -> list[int]:
        if not self._tops:
            return []
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        first = max(0, bisect_right(self._tops, top) - 1)
        pages = []
        for page in range(first, len(self._tops)):
            if self._tops[page] > bottom:
                break
            pages.append(page)
        return pages

    def page_rect(self, page: int) -> QRectF:
        """Where page `page` is drawn, in viewport pixels."""
        width, height = self.sizes[page]
        left = GAP + (self._content_width() - width * self._scale) / 2 - self.horizontalScrollBar().value()
        top = GAP + self._tops[page] - self.verticalScrollBar().value()
        return QRectF(left, top, width * self._scale, height * self._scale)

    def box_rect(self, box: Box) -> QRectF:
        page = self.page_rect(box.page)
        s = self._scale
        return QRectF(
            page.left() + box.x0 * s,
            page.top() + box.top * s,
            (box.x1 - box.x0) * s,
            (box.bottom - box.top) * s,
        )

    # -- layout and painting ------------------------------------------------------------------
    def _content_width(self) -> float:
        widest = max((w for w, _ in self.sizes), default=0.0)
        return max(widest * self._scale, self.viewport().width() - 2 * GAP)

    def _layout(self) -> None:
        widest = max((w for w, _ in self.sizes), default=0.0)
        if widest:
            self._scale = max(0.05, (self.viewport().width() - 2 * GAP) / widest) * self.zoom
        tops, y = [], 0.0
        for _, height in self.sizes:
            tops.append(y)
            y += height * self._scale + GAP
        self._tops = tops
        self.verticalScrollBar().setRange(0, max(0, int(y + GAP - self.viewport().height())))
        self.verticalScrollBar().setPageStep(self.viewport().height())
        self.verticalScrollBar().setSingleStep(40)
        extra = self._content_width() + 2 * GAP - self.viewport().width()
        self.horizontalScrollBar().setRange(0, max(0, int(extra)))
        self.horizontalScrollBar().setPageStep(self.viewport().width())
        self._request()
        self.viewport().update()

    def _request(self) -> None:
        pages = self.visible_pages()
        if not pages:
            return
        near = [p for p in (pages[0] - 1, pages[-1] + 1) if 0 <= p < len(self.sizes)]
        self.renderer.want(pages + near, self._scale * self.devicePixelRatioF())

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.renderer.finish(5.0)  # a view closed on its own (a window stops its views' workers)
        super().closeEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self.viewport())
        if self.message:
            painter.drawText(
                self.viewport().rect().adjusted(24, 24, -24, -24),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.message,
            )
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        visible = self.visible_pages()
        for page in visible:
            rect = self.page_rect(page)
            painter.fillRect(rect, QColor("white"))
            found = self._images.get(page)
            if found is not None:
                painter.drawImage(rect, found[1])
        shown = set(visible)
        painter.setPen(Qt.PenStyle.NoPen)
        for box, colour in (*self._highlights, *self._search):
            if box.page in shown:
                painter.fillRect(self.box_rect(box), colour)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(OUTLINE, 2))
        for box in self._outline:
            if box.page in shown:
                painter.drawRoundedRect(self.box_rect(box).adjusted(-4, -3, 4, 3), 3, 3)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        page = self.page_at_top()
        super().resizeEvent(event)
        self._layout()
        if page is not None:
            self.scroll_to_page(page)

    def wheelEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.set_zoom(self.zoom * (1.1 if event.angleDelta().y() > 0 else 1 / 1.1))
            event.accept()
            return
        super().wheelEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.button() == Qt.MouseButton.LeftButton and self._index is not None:
            found = self.block_at(event.position())
            if found:
                self.outline_block(found, scroll=False)
                self.blockClicked.emit(found)
                return
        super().mousePressEvent(event)

    def block_at(self, point: QPointF) -> str | None:
        """The block printed under a viewport point, if any."""
        if self._index is None:
            return None
        for page in self.visible_pages():
            rect = self.page_rect(page)
            if rect.contains(point):
                x = (point.x() - rect.left()) / self._scale
                y = (point.y() - rect.top()) / self._scale
                return self._index.block_at(page, x, y)
        return None

    def _reveal(self, box: Box) -> None:
        rect = self.box_rect(box)
        if rect.top() < 0 or rect.bottom() > self.viewport().height():
            value = self.verticalScrollBar().value() + rect.top() - self.viewport().height() / 4
            self.verticalScrollBar().setValue(int(value))

    # -- from the renderer ----------------------------------------------------------------------
    @Slot(str, object)
    def _on_described(self, path: str, sizes: list) -> None:
        if self.path is None or path != str(self.path):
            return
        self.sizes = [(float(w), float(h)) for w, h in sizes]
        self._layout()
        if self._pending_block:
            block, self._pending_block = self._pending_block, None
            self.outline_block(block)

    @Slot(str, int, float, QImage)
    def _on_rendered(self, path: str, page: int, scale: float, image: QImage) -> None:
        if self.path is None or path != str(self.path):
            return
        self._images[page] = (scale, image)
        if len(self._images) > KEEP:
            keep = set(self.visible_pages())
            for old in [p for p in self._images if p not in keep][: len(self._images) - KEEP]:
                del self._images[old]
        self.viewport().update()

    @Slot(str, str)
    def _on_failed(self, path: str, message: str) -> None:
        if self.path is not None and path == str(self.path):
            self.message = f"{Path(path).name}: {message}"
            self.viewport().update()

    @Slot(int)
    def _on_scrolled(self, _value: int) -> None:
        self._request()
        page = self.page_at_top()
        if page is not None and page != self._top_page:
            self._top_page = page
            self.pageShown.emit(page)


def _translucent(colour: str) -> QColor:
    found = QColor(colour)
    found.setAlpha(120)
    return found
