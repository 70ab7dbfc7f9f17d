"""Search results: every hit, grouped by document, with highlighted snippets and a "did you mean".

A query can match thousands of entries: the list is a model that formats a row (its snippet
and marks) only when the view paints it, so a 5,000-hit result shows at once.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTreeView, QVBoxLayout, QWidget

from briefing_app.gui.control_names import name_controls
from briefing_app.gui.on_screen import viewport_rect
from briefing_app.gui.rich_delegate import HTML_ROLE, RichDelegate, marked
from briefing_app.markup import escape

if TYPE_CHECKING:  # Whoosh loads when search is first used, not at start-up
    from briefing_app.gui.search_worker import QueryWorker
    from briefing_app.search import SearchHit, SearchResult

HIT_ROLE = Qt.ItemDataRole.UserRole
DEBOUNCE_MS = 150
# The list sizes every row it holds. Laying out a new result it asks for one batch more, then for
# more until it holds a viewport's height in heading rows (QTreeView's layout does): a result comes
# with about that many rows (at least FIRST), and the snippets of the rows the list then holds are
# worked out on the search thread (see search_worker.run_query).
FIRST = 20
BATCH = 10  # rows added at each ask, as the list scrolls
# A new result's first rows are handed over STEP at a time, one step per turn of the event loop:
# the list sizes the rows it is given at once, and forty rows of rich text at once stopped typing.
STEP = 8
PROMPT = "Type in the search box to search the whole pack."


class HitsModel(QAbstractListModel):
    """A heading row per document (and one for the reader's own notes), each followed by its
    hits. Rows are handed to the view a batch at a time as it scrolls (fetchMore), and a row is
    formatted when first painted."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.groups: list[tuple[str, list[SearchHit], bool]] = []  # title, hits, own notes?
        self.starts: list[int] = []  # the row of each group's heading
        self.total_rows = 0
        self.loaded = 0  # rows the view has been given so far
        self.target = 0  # the rows a new result is given, step by step, before any scrolling
        self._html: dict[int, str] = {}
        self.formatted = 0  # hits formatted since the last reset: only those painted
        self.titles: dict[str, str] = {}  # document titles, for the reader's own notes
        self.bold = QFont()
        self.bold.setBold(True)

    def show(self, groups: list[tuple[str, list[SearchHit], bool]], first: int = FIRST) -> None:
        """A new result: its `first` rows handed to the view now, the rest as it scrolls."""
        self.beginResetModel()
        self.groups, self._html, self.formatted, self.starts = groups, {}, 0, []
        row = 0
        for _, hits, _ in groups:
            self.starts.append(row)
            row += 1 + len(hits)
        self.total_rows, self.target = row, min(row, first)
        self.loaded = min(row, STEP)
        self.endResetModel()

    @property
    def feeding(self) -> bool:
        """A new result's first rows are still being handed over (see `feed`)."""
        return self.loaded < self.target

    def feed(self) -> bool:
        """Hand the view the next STEP of a new result's first rows; False once all are in."""
        if self.feeding:
            self.load_to(min(self.target, self.loaded + STEP) - 1)
        return self.feeding

    def place(self, row: int) -> tuple[int, int]:
        """(group, hit) of a row; hit -1 for a heading."""
        group = bisect_right(self.starts, row) - 1
        return group, row - self.starts[group] - 1

    def row_of(self, group: int, hit: int) -> int:
        return self.starts[group] + 1 + hit

    def is_hit_row(self, row: int) -> bool:
        return 0 <= row < self.total_rows and self.place(row)[1] >= 0

    def load_to(self, row: int) -> None:
        """Hand the view every row up to `row` (F3 may step past what was scrolled to)."""
        if row >= self.loaded:
            last = min(row, self.total_rows - 1)
            self.beginInsertRows(QModelIndex(), self.loaded, last)
            self.loaded = last + 1
            self.endInsertRows()

    def hit(self, index: QModelIndex) -> SearchHit | None:
        if not index.isValid():
            return None
        group, at = self.place(index.row())
        return self.groups[group][1][at] if at >= 0 else None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 (Qt name)
        return 0 if parent.isValid() else self.loaded

    def canFetchMore(self, parent: QModelIndex) -> bool:  # noqa: N802 (Qt name)
        # Not while the first rows are fed in: the list's layout would ask for them all at once.
        return not parent.isValid() and not self.feeding and self.loaded < self.total_rows

    def fetchMore(self, parent: QModelIndex) -> None:  # noqa: N802 (Qt name)
        if self.canFetchMore(parent):
            self.load_to(self.loaded + BATCH - 1)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if index.isValid() and not self.is_hit_row(index.row()):
            return Qt.ItemFlag.ItemIsEnabled  # a heading: not a hit to select
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= self.total_rows:
            return None
        group, at = self.place(index.row())
        title, hits, own = self.groups[group]
        if at < 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{title} ({len(hits)})"
            if role == Qt.ItemDataRole.AccessibleTextRole:  # what a screen reader says for the row
                return f"{title}: {len(hits)} match{'es' if len(hits) != 1 else ''}"
            return self.bold if role == Qt.ItemDataRole.FontRole else None
        hit = hits[at]
        if role == HIT_ROLE:
            return hit
        if role == HTML_ROLE:
            return self._row_html(index.row(), hit, own)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit.location()}\n{hit.snippet}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{hit.location(', ')}: {hit.snippet}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"<p>{escape(hit.location())}</p>"  # as escaped rich text: never read as markup
        return None

    def _row_html(self, row: int, hit: SearchHit, own: bool) -> str:
        html = self._html.get(row)
        if html is None:
            where = f"{self.titles.get(hit.doc, hit.doc)} · {hit.location()}" if own else hit.location()
            snippet = marked(hit.snippet, hit.snippet_ranges)
            html = self._html[row] = f"<small>{escape(where)}</small><br>{snippet}"
            self.formatted += 1
        return html


class SearchPanel(QWidget):
    hitActivated = Signal(object)  # SearchHit
    suggestionChosen = Signal(str)
    resultShown = Signal(object)  # SearchResult, or None when a sentence is shown instead

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.worker: QueryWorker | None = None
        self.result: SearchResult | None = None
        self.pending = ""
        self.titles: dict[str, str] = {}
        self.own_notes = lambda: []  # the reader's annotations, as search.own_notes.OwnNote
        self._open_first = False  # open the best hit when the result comes (Enter)
        self._opened = False  # a hit of this result has been opened (F3 moves on from it)
        self._start: int | None = None  # the row of the best hit

        self.status = QLabel(PROMPT, self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setAccessibleName("Search status")
        self.results = QTreeView(self)  # a flat list, but QTreeView sizes rows of differing height
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName("Search results")
        self.results.setHeaderHidden(True)
        self.results.setRootIsDecorated(False)
        self.results.setWordWrap(True)
        self.results.setUniformRowHeights(False)
        # Per item, not per pixel: the view then never asks every row for its height.
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        # Always there: a scroll bar appearing once the rows are sized narrows them, and every row
        # shown is laid out again (a results list nearly always scrolls).
        self.results.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.model = HitsModel(self.results)
        self.results.setModel(self.model)
        self.delegate = RichDelegate(self.results)
        self.results.setItemDelegate(self.delegate)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        # A new result's first rows, a step at a time. Not a zero timer: its steps ran back to back
        # with nothing else let in between, one stall again.
        self._feeder = QTimer(self)
        self._feeder.setInterval(2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)

        self.timer.timeout.connect(self._on_timer)
        self._feeder.timeout.connect(self._on_feed)
        self.status.linkActivated.connect(self._on_link)
        self.results.activated.connect(self._on_activated)
        self.results.clicked.connect(self._on_activated)
        name_controls(self)

    # -- public -------------------------------------------------------------------------------
    def set_worker(self, worker: QueryWorker | None, titles: dict[str, str]) -> None:
        """The worker that runs this pack's queries (None while there is none)."""
        if self.worker is not None:  # the last pack's: what it still sends is not for this list
            self.worker.finished.disconnect(self._on_finished)
            self.worker.failed.disconnect(self._on_failed)
        self.worker = worker
        self.titles = self.model.titles = titles
        if worker is not None:
            worker.finished.connect(self._on_finished)
            worker.failed.connect(self._on_failed)
            if self.pending:
                self.run(self.pending)

    def schedule(self, text: str) -> None:
        """Search as the reader types: wait for a pause in typing."""
        self.pending = text
        self.timer.start()

    def run(self, text: str, open_first: bool = False) -> None:
        """Search now; the result is shown when it comes (resultShown). `open_first`: then open
        the best hit, as Enter does."""
        self.pending = text
        self.timer.stop()
        self._open_first = open_first
        if not text.strip() or self.worker is None:
            if self.worker is not None:
                self.worker.cancel()
            self._clear(PROMPT if not text.strip() else "Preparing search…")
            return
        self.worker.submit(text, list(self.own_notes()), warm=self.first_rows() + BATCH)

    def hits(self) -> list[SearchHit]:
        """Every hit of the pack, as the list shows them."""
        return self.result.hits if self.result else []

    def step(self, forward: bool = True) -> SearchHit | None:
        """F3 / Shift+F3: the next or previous hit in the list (within a document, in reading
        order), opened. The first press opens the hit the list starts on: the best."""
        model = self.model
        if model.total_rows == 0:
            return None
        if not self._opened and self._start is not None:
            row = self._start
        else:
            current = self.results.currentIndex()
            row = current.row() if current.isValid() else (-1 if forward else 0)
            row = (row + (1 if forward else -1)) % model.total_rows
            while not model.is_hit_row(row):  # a heading: the hit beyond it
                row = (row + (1 if forward else -1)) % model.total_rows
        model.load_to(row)
        return self._open(model.index(row, 0))

    def first_rows(self) -> int:
        """The rows a result comes with: as many as the list's layout will ask for, a viewport's
        height in heading rows (a font's height is a little less than a row's: never too few)."""
        return max(FIRST, viewport_rect(self.results).height() // max(1, self.results.fontMetrics().height()))

    # -- internals ----------------------------------------------------------------------------
    def _clear(self, message: str) -> None:
        self.result = None
        self.model.show([])
        self.delegate.clear_cache()
        self.status.setText(message)
        self.resultShown.emit(None)

    def _open(self, index: QModelIndex) -> SearchHit | None:
        hit = self.model.hit(index)
        if hit is not None:
            self.results.setCurrentIndex(index)
            self.results.scrollTo(index)
            self._opened = True
            self.hitActivated.emit(hit)
        return hit

    def _show(self, result: SearchResult, own: list[SearchHit]) -> None:
        self.result = result
        self.delegate.clear_cache()
        groups = [("Your notes", own, True)] if own else []
        groups += [(self.titles.get(g.doc, g.doc), list(g.hits), False) for g in result.groups]
        self.model.show(groups, self.first_rows())
        self._feeder.start()
        self._opened = False
        self._start = None
        if result.groups:  # Enter or F3 starts on the best hit: the first document's best
            first = result.groups[0]
            self._start = self.model.row_of(len(groups) - len(result.groups), first.hits.index(first.best))
        if result.total == 0:
            message = f"No matches for <b>{escape(result.query)}</b>."
        else:
            docs = len(result.groups)
            message = (
                f"{result.total} match{'es' if result.total != 1 else ''} "
                f"in {docs} document{'s' if docs != 1 else ''}."
            )
        if result.suggestion:
            message += f' Did you mean: <a href="suggest">{escape(result.suggestion)}</a>?'
        if own:
            message += f" {len(own)} of your notes match."
        self.status.setText(message)
        self.resultShown.emit(result)
        if self._open_first and result.groups:
            self._open_first = False
            self.step(forward=True)

    @Slot(int, object, object)
    def _on_finished(self, ticket: int, result: SearchResult, own: list) -> None:
        if self.worker is not None and self.worker.is_latest(ticket):  # else a newer query is on its way
            self._show(result, own)

    @Slot(int, str)
    def _on_failed(self, ticket: int, message: str) -> None:
        if self.worker is not None and self.worker.is_latest(ticket):
            self._clear(escape(message))

    @Slot()
    def _on_timer(self) -> None:
        self.run(self.pending)

    @Slot()
    def _on_feed(self) -> None:
        # The list repaints every row on screen after each step (9 ms for a screenful of rich
        # text), and a step and a repaint back to back stopped typing for 16 ms: the first step is
        # shown at once, and the rest together after the last (some 30 ms later).
        self.results.setUpdatesEnabled(False)
        before = self.model.loaded
        more = self.model.feed()
        # Sized now, this step's rows alone: left to the list, it sizes every step's rows together
        # when it next paints, which is the stall this feeding is there to avoid.
        for row in range(before, self.model.loaded):
            self.results.sizeHintForRow(row)
        if not more:
            self._feeder.stop()
            self.results.setUpdatesEnabled(True)

    @Slot(str)
    def _on_link(self, _href: str) -> None:
        if self.result and self.result.suggestion:
            self.suggestionChosen.emit(self.result.suggestion)

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        self._open(index)
