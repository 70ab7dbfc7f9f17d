"""Searching the pack: the search field, the results panel (made when first shown), the index's
life cycle (opened or built off the GUI thread after the first paint, closed with its pack), and
what opening a hit does. All search wiring of the window is here, in one place."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from PySide6 import QtWidgets as dialogs  # dialogs: PySide builds their enums on first use
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QDockWidget, QLineEdit, QWidget

from briefing_app.gui import wording
from briefing_app.gui.docks import bring_forward
from briefing_app.gui.navigation import Navigator
from briefing_app.gui.services import Services
from briefing_app.pack.model import Pack

if TYPE_CHECKING:
    from briefing_app.gui.annotating import Annotating
    from briefing_app.gui.search_panel import SearchPanel
    from briefing_app.gui.search_worker import IndexOpener, QueryWorker
    from briefing_app.search import SearchEngine, SearchHit


class Searching(QObject):
    message = Signal(str)  # a sentence for the status bar
    ready = Signal()  # the index is open: search works
    hitOpened = Signal(object)  # SearchHit: now on screen (for a screen reader to be told)

    def __init__(
        self,
        services: Services,
        navigator: Navigator,
        annotating: Annotating,
        field: QLineEdit,
        dock: QDockWidget,
    ) -> None:
        super().__init__(navigator)
        self.services, self.navigator, self.annotating = services, navigator, annotating
        self.field, self.dock = field, dock
        self.pack: Pack | None = None
        self.engine: SearchEngine | None = None
        self.worker: QueryWorker | None = None  # runs the queries, off the GUI thread
        self.unavailable = ""  # why search cannot be used, when it cannot
        self._panel: SearchPanel | None = None
        self._opener: IndexOpener | None = None
        self._progress: dialogs.QProgressDialog | None = None
        field.textEdited.connect(self._on_edited)
        field.returnPressed.connect(self._on_return)
        dock.visibilityChanged.connect(self._on_dock_visibility)

    # -- parts made on first use ------------------------------------------------------------------
    @property
    def panel(self) -> SearchPanel:
        if self._panel is None:
            from briefing_app.gui.search_panel import SearchPanel

            panel = SearchPanel(self.dock)
            panel.own_notes = self.annotating.own_notes
            panel.hitActivated.connect(self.open_hit)
            panel.suggestionChosen.connect(self.search)
            panel.set_worker(self.worker, self._titles())
            if self.unavailable:
                panel.status.setText(self.unavailable)
            self.dock.setWidget(panel)
            self._panel = panel
        return self._panel

    @property
    def opener(self) -> IndexOpener:
        if self._opener is None:
            self._opener = self.services.index_opener(self)
            self._opener.progress.connect(self._on_index_progress)
            self._opener.ready.connect(self._on_index_ready)
            self._opener.failed.connect(self._on_index_failed)
        return self._opener

    @property
    def is_ready(self) -> bool:
        return self.engine is not None

    def _titles(self) -> dict[str, str]:
        return {d.id: d.meta.cite_name for d in self.pack.documents} if self.pack else {}

    # -- the index's life cycle --------------------------------------------------------------------------
    def set_pack(self, pack: Pack | None) -> None:
        """Close the old pack's index; the new one's is opened by `start` (after the first paint)."""
        self.close()
        self.unavailable = ""
        self.pack = pack
        if self._panel is not None:
            self._panel.set_worker(None, {})

    def start(self, pack: Pack) -> None:
        """Open (or build) `pack`'s index off the GUI thread, if it is still the pack shown."""
        if pack is self.pack and pack is not None and pack.documents:
            self.opener.start(pack)

    def close(self, wait: float = 0.0) -> None:
        """Close the index; with `wait` (quitting), wait up to that many seconds for the worker
        threads to end, so none is left running when the interpreter exits."""
        if self.worker is not None:
            self.worker.close(wait)  # and the engine, once no query is using it
            gc.unfreeze()  # what was frozen with this index may hold cycles only a collection frees
        self.worker = self.engine = None
        if wait:
            self.pack = None  # quitting: an index that opens meanwhile is closed, not searched
            if self._opener is not None:
                self._opener.wait(wait)

    @Slot(int, int, str)
    def _on_index_progress(self, done: int, total: int, what: str) -> None:
        if self._progress is None:
            window = self.field.window()
            dialog = dialogs.QProgressDialog(wording.PREPARING_SEARCH, "", 0, total, window)
            dialog.setWindowTitle(wording.BUILDING_INDEX)
            dialog.setCancelButton(None)
            dialog.setMinimumDuration(500)  # only shown when the work lasts more than half a second
            dialog.setWindowModality(Qt.WindowModality.NonModal)
            self._progress = dialog
        self._progress.setLabelText(f"{what}…")
        self._progress.setMaximum(total)
        self._progress.setValue(done)

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress = None

    @Slot(object, object)
    def _on_index_ready(self, engine: SearchEngine, built) -> None:
        self._close_progress()
        if self.pack is None or engine.pack is not self.pack:
            engine.close()  # the pack changed while the index was opening
            return
        from briefing_app.gui.search_worker import QueryWorker

        # The pack and the open index are millions of long-lived objects: a full garbage collection
        # walks them all holding Python's lock (~110 ms on a 10 MB pack, set off by a query's
        # allocations on the worker), and the window stops meanwhile. Freezing what exists now
        # takes it out of every later collection; plain reference counting still frees it.
        gc.freeze()
        self.engine = engine
        self.worker = QueryWorker(engine, self)
        self.worker.damaged.connect(self._on_index_damaged)
        if self._panel is not None:
            self._panel.set_worker(self.worker, self._titles())
        if built is not None:
            self.message.emit(wording.INDEX_REBUILT.format(why=built.why))
        self.ready.emit()

    @Slot(str)
    def _on_index_damaged(self, _message: str) -> None:
        """A search failed on the index's files: rebuild it, then run the query again. The
        reader is told once, when it is ready (INDEX_REBUILT, with the reason)."""
        self.worker = self.engine = None  # the worker has stopped, and closed its engine
        if self._panel is not None:
            self._panel.set_worker(None, {})
            self._panel.status.setText(wording.PREPARING_SEARCH)
        if self.pack is not None:
            self.opener.start(self.pack, rebuild=True)

    @Slot(str)
    def _on_index_failed(self, message: str) -> None:
        self._close_progress()
        self.unavailable = message
        if self._panel is not None:
            self._panel.status.setText(message)

    # -- searching -----------------------------------------------------------------------------------
    def show_results(self) -> SearchPanel:
        """Bring the results forward, in front of any panel sharing their place."""
        panel = self.panel
        bring_forward(self.dock)
        return panel

    def search(self, text: str) -> None:
        """Search now (as if typed and paused), showing the results panel; the results come
        through the panel's resultShown."""
        self.field.setText(text)
        self.show_results().run(text)

    @Slot()
    def focus_field(self) -> None:
        self.show_results()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    @Slot()
    def next_hit(self) -> None:
        self.panel.step(forward=True)

    @Slot()
    def previous_hit(self) -> None:
        self.panel.step(forward=False)

    @Slot(str)
    def _on_edited(self, text: str) -> None:
        self.show_results().schedule(text)

    @Slot()
    def _on_return(self) -> None:
        self.show_results().run(self.field.text(), open_first=True)

    @Slot(bool)
    def _on_dock_visibility(self, visible: bool) -> None:
        if visible:  # restored open, or its tab chosen: it needs its contents now
            _ = self.panel

    @Slot(object)
    def open_hit(self, hit: SearchHit) -> None:
        doc = self.pack.document(hit.doc) if self.pack else None
        if doc is None:
            return
        if hit.kind == "annotation":
            self.navigator.jump(hit.doc, hit.block or None)
            return
        block_id = hit.block
        if hit.is_note:
            block_id = next((b.id for b in doc.blocks if hit.block in b.note_refs), doc.blocks[0].id)
        self.navigator.jump(hit.doc, block_id)
        self.highlight_query(hit.doc, current=block_id)
        if hit.is_note:
            self.navigator.workspace.show_note(hit.doc, hit.block)
        self.hitOpened.emit(hit)

    def highlight_query(self, doc_id: str, current: str | None = None) -> int:
        """Mark every hit of the current query in the open document (the result lists them all)."""
        result = self._panel.result if self._panel is not None else None
        group = next((g for g in result.groups if g.doc == doc_id), None) if result else None
        if group is None:
            return 0
        ranges = {h.block: h.ranges for h in group.hits if not h.is_note and h.ranges}
        return self.navigator.workspace.reader.set_highlights(ranges, current)


def search_field(parent: QWidget) -> QLineEdit:
    field = QLineEdit(parent)
    field.setObjectName("searchField")
    field.setAccessibleName("Search the pack")
    field.setPlaceholderText("Search the pack (Ctrl+Shift+F)")
    field.setClearButtonEnabled(True)
    field.setMinimumWidth(320)
    field.setMaximumWidth(560)
    return field
