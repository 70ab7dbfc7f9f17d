"""Search results, grouped by document, with highlighted snippets and a "did you mean"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from briefing_app.errors import BriefingError
from briefing_app.gui.rich_delegate import HTML_ROLE, RichDelegate, group_item, marked
from briefing_app.markup import escape

if TYPE_CHECKING:  # Whoosh loads when search is first used, not at start-up
    from briefing_app.search import SearchEngine, SearchHit, SearchResult

HIT_ROLE = Qt.ItemDataRole.UserRole
DEBOUNCE_MS = 150


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
        self.own_notes = lambda: []  # the reader's annotations, as search.own_notes.OwnNote

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
        self.delegate = RichDelegate(self.results)
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
            result = self.engine.search(text)
        except BriefingError as exc:
            self.status.setText(escape(str(exc)))
            return None
        self.result = result
        from briefing_app.search.own_notes import search_own_notes

        self._show(result, search_own_notes(text, self.own_notes()))
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
    def _show(self, result: SearchResult, own: list[SearchHit]) -> None:
        if result.total == 0:
            message = f"No matches for <b>{escape(result.query)}</b>."
        else:
            message = f"{result.total} match{'es' if result.total != 1 else ''}."
        if result.suggestion:
            message += f' Did you mean: <a href="suggest">{escape(result.suggestion)}</a>?'
        if own:
            message += f" {len(own)} of your notes match."
        self.status.setText(message)
        groups: dict[str, QTreeWidgetItem] = {}
        if own:
            mine = group_item(f"Your notes ({len(own)})")
            self.results.addTopLevelItem(mine)
            for hit in own:
                item = QTreeWidgetItem([f"{hit.location()}\n{hit.snippet}"])
                item.setData(0, HIT_ROLE, hit)
                item.setData(
                    0,
                    HTML_ROLE,
                    f"<small>{escape(self.titles.get(hit.doc, hit.doc))} · {escape(hit.location())}"
                    "</small><br>"
                    f"{marked(hit.snippet, hit.snippet_ranges)}",
                )
                mine.addChild(item)
        for hit in result.hits:
            group = groups.get(hit.doc)
            if group is None:
                count = result.counts.get(hit.doc, 0)
                group = group_item(f"{self.titles.get(hit.doc, hit.doc)} ({count})")
                self.results.addTopLevelItem(group)
                groups[hit.doc] = group
            item = QTreeWidgetItem([f"{hit.location()}\n{hit.snippet}"])
            item.setData(0, HIT_ROLE, hit)
            item.setData(
                0,
                HTML_ROLE,
                f"<small>{escape(hit.location())}</small><br>{marked(hit.snippet, hit.snippet_ranges)}",
            )
            item.setToolTip(0, hit.location())
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
