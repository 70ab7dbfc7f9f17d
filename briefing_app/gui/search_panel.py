"""Search results, grouped by document, with highlighted snippets and a "did you mean"."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing_app.errors import BriefingError
from briefing_app.search import SearchEngine, SearchHit, SearchResult

HIT_ROLE = Qt.ItemDataRole.UserRole
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
DEBOUNCE_MS = 150
LIMIT = 20  # about a screenful; the status line says when more matched


def marked(text: str, ranges) -> str:
    """Escaped text with the matched words in bold: the text itself is never read as markup."""
    out, pos = [], 0
    for s, e in ranges:
        out.append(escape(text[pos:s]))
        out.append(f"<b>{escape(text[s:e])}</b>")
        pos = e
    out.append(escape(text[pos:]))
    return "".join(out)


def location(hit: SearchHit) -> str:
    parts = []
    if hit.kind == "note":
        parts.append(f"note {hit.number or hit.block}")
    elif hit.number:
        parts.append(f"para {hit.number}")
    if hit.page:
        parts.append(f"p. {hit.page}")
    if hit.section:
        parts.append(hit.section)
    return " · ".join(parts) or "Opening of the document"


class _RichDelegate(QStyledItemDelegate):
    """Paints items that carry HTML (hit rows) as rich text, wrapped to the column width."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        # Layout asks for each row's size and then paints it: lay each snippet out once.
        self._docs: dict[tuple[str, int], QTextDocument] = {}

    def clear_cache(self) -> None:
        self._docs.clear()

    def _doc(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument | None:
        html = index.data(HTML_ROLE)
        if not html:
            return None
        width = max(80, self._width(option, index) - 8)
        doc = self._docs.get((html, width))
        if doc is None:
            doc = QTextDocument()
            doc.setDefaultFont(option.font)
            doc.setHtml(html)
            doc.setTextWidth(width)
            self._docs[(html, width)] = doc
        return doc

    def _width(self, option: QStyleOptionViewItem, index: QModelIndex) -> int:
        # sizeHint is asked before the row has a rectangle: measure against the view instead.
        if option.rect.width() > 0:
            return option.rect.width()
        view = self.parent()
        depth = 1 if index.parent().isValid() else 0
        return view.viewport().width() - view.indentation() * (depth + 1)

    def paint(self, painter, option, index) -> None:
        doc = self._doc(option, index)
        if doc is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        painter.translate(option.rect.left() + 4, option.rect.top() + 2)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        role = (
            QPalette.ColorRole.HighlightedText
            if option.state & QStyle.StateFlag.State_Selected
            else QPalette.ColorRole.Text
        )
        ctx.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 (Qt name)
        doc = self._doc(option, index)
        if doc is None:
            return super().sizeHint(option, index)
        # Width 0: the row takes the column width; asking for more would bring a horizontal scroll.
        return QSize(0, int(doc.size().height()) + 4)


class SearchPanel(QWidget):
    hitActivated = Signal(object)  # SearchHit
    suggestionChosen = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.engine: SearchEngine | None = None
        self.result: SearchResult | None = None
        self.pending = ""
        self.titles: dict[str, str] = {}

        self.status = QLabel("Type in the search box to search the whole pack.", self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setAccessibleName("Search status")
        self.results = QTreeWidget(self)
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName("Search results")
        self.results.setHeaderHidden(True)
        self.results.setWordWrap(True)
        self.results.setUniformRowHeights(False)
        self.delegate = _RichDelegate(self.results)
        self.results.setItemDelegate(self.delegate)
        self.results.setIndentation(12)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)

        self.timer.timeout.connect(self._on_timer)
        self.status.linkActivated.connect(self._on_link)
        self.results.itemActivated.connect(self._on_item_activated)
        self.results.itemClicked.connect(self._on_item_activated)

    # -- public -------------------------------------------------------------------------------
    def set_engine(self, engine: SearchEngine | None, titles: dict[str, str]) -> None:
        self.engine = engine
        self.titles = titles
        if engine is not None and self.pending:
            self.run(self.pending)

    def schedule(self, text: str) -> None:
        """Search as the reader types: wait for a pause in typing."""
        self.pending = text
        self.timer.start()

    def run(self, text: str) -> SearchResult | None:
        self.pending = text
        self.timer.stop()
        self.results.clear()
        self.delegate.clear_cache()
        self.result = None
        if not text.strip():
            self.status.setText("Type in the search box to search the whole pack.")
            return None
        if self.engine is None:
            self.status.setText("Preparing search…")
            return None
        try:
            result = self.engine.search(text, limit=LIMIT)
        except BriefingError as exc:
            self.status.setText(escape(str(exc)))
            return None
        self.result = result
        self._show(result)
        return result

    def hits(self) -> list[SearchHit]:
        return list(self.result.hits) if self.result else []

    def step(self, forward: bool = True) -> SearchHit | None:
        """F3 / Shift+F3: the next or previous hit in the list, opened."""
        items = self._hit_items()
        if not items:
            return None
        current = self.results.currentItem()
        index = items.index(current) if current in items else -1
        index = (index + (1 if forward else -1)) % len(items)
        self.results.setCurrentItem(items[index])
        hit = items[index].data(0, HIT_ROLE)
        self.hitActivated.emit(hit)
        return hit

    # -- internals ----------------------------------------------------------------------------
    def _show(self, result: SearchResult) -> None:
        if result.total == 0:
            message = f"No matches for <b>{escape(result.query)}</b>."
        else:
            shown = len(result.hits)
            more = f" (the best {shown} shown)" if shown < result.total else ""
            message = f"{result.total} match{'es' if result.total != 1 else ''}{more}."
        if result.suggestion:
            message += f' Did you mean: <a href="suggest">{escape(result.suggestion)}</a>?'
        self.status.setText(message)
        groups: dict[str, QTreeWidgetItem] = {}
        for hit in result.hits:
            group = groups.get(hit.doc)
            if group is None:
                count = result.counts.get(hit.doc, 0)
                group = QTreeWidgetItem([f"{self.titles.get(hit.doc, hit.doc)} ({count})"])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                self.results.addTopLevelItem(group)
                groups[hit.doc] = group
            item = QTreeWidgetItem([f"{location(hit)}\n{hit.snippet}"])
            item.setData(0, HIT_ROLE, hit)
            item.setData(
                0,
                HTML_ROLE,
                f"<small>{escape(location(hit))}</small><br>{marked(hit.snippet, hit.snippet_ranges)}",
            )
            item.setToolTip(0, location(hit))
            group.addChild(item)
        self.results.expandAll()

    def _hit_items(self) -> list[QTreeWidgetItem]:
        out = []
        for i in range(self.results.topLevelItemCount()):
            group = self.results.topLevelItem(i)
            out.extend(group.child(j) for j in range(group.childCount()))
        return out

    @Slot()
    def _on_timer(self) -> None:
        self.run(self.pending)

    @Slot(str)
    def _on_link(self, _href: str) -> None:
        if self.result and self.result.suggestion:
            self.suggestionChosen.emit(self.result.suggestion)

    @Slot(QTreeWidgetItem, int)
    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        hit = item.data(0, HIT_ROLE)
        if hit is not None:
            self.hitActivated.emit(hit)
