"""Moving through the pack: every jump (so Back returns), the place in each document (kept across
document switches and restarts), and Go to "para 5.2", "p. 8", "note 12"."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from briefing_app.gui import wording
from briefing_app.gui.history import History
from briefing_app.gui.settings import Settings
from briefing_app.gui.workspace import Workspace
from briefing_app.pack.model import Pack


class Navigator(QObject):
    message = Signal(str)  # a sentence for the status bar
    historyChanged = Signal(bool, bool)  # can go back, can go forward

    def __init__(self, workspace: Workspace, settings: Settings) -> None:
        super().__init__(workspace)
        self.workspace, self.settings = workspace, settings
        self.history = History()
        self.pack: Pack | None = None
        self.positions: dict[str, str] = {}  # document id -> block at the top when last read
        workspace.reader.currentBlockChanged.connect(self._on_current_block_changed)

    def set_pack(self, pack: Pack | None) -> None:
        """Forget the old pack's trail; read the new one's places, and open where the reader was."""
        self.pack = pack
        self.history.clear()
        self._update_actions()
        self.positions = self.settings.positions(pack.id) if pack else {}
        if pack is None or not pack.documents:
            return
        last = self.settings.last_document(pack.id)
        self.show_document(last if pack.document(last) else pack.documents[0].id)

    def save(self) -> None:
        if self.pack is None:
            return
        self._remember_place()
        self.settings.set_positions(self.pack.id, self.positions)
        if self.workspace.reader.document_model is not None:
            self.settings.set_last_document(self.pack.id, self.workspace.reader.document_model.id)

    # -- jumps ------------------------------------------------------------------------------------
    def show_document(self, doc_id: str, block_id: str | None = None) -> bool:
        """Show a document, at `block_id` or else where the reader left it (no history entry)."""
        current = self.workspace.reader.document_model
        if current is None or current.id != doc_id:
            self._remember_place()
            block_id = block_id or self.positions.get(doc_id)
        return self.workspace.open_document(doc_id, block_id)

    def jump(self, doc_id: str, block_id: str | None = None) -> bool:
        """Go to a document (and a block in it); Back returns to where the reader was."""
        if self.pack is None or self.pack.document(doc_id) is None:
            return False
        self.leave()
        return self.show_document(doc_id, block_id)

    def jump_to_comparison(self, comparison_id: str) -> bool:
        self.leave()
        self._remember_place()
        return self.workspace.open_comparison(comparison_id)

    def jump_in_document(self, block_id: str) -> bool:
        self.leave()
        return self.workspace.reader.scroll_to_block(block_id)

    def jump_to_marker(self, key: str) -> bool:
        self.leave()
        return self.workspace.reader.scroll_to_marker(key)

    def leave(self) -> None:
        """Called before every jump, so Back can return here."""
        self.history.leave(self.workspace.here())
        self._update_actions()

    @Slot()
    def back(self) -> None:
        self._go(self.history.go_back(self.workspace.here()))

    @Slot()
    def forward(self) -> None:
        self._go(self.history.go_forward(self.workspace.here()))

    def _go(self, place) -> None:
        if place is not None:
            self._remember_place()
            self.workspace.show_place(place)
        self._update_actions()

    def _update_actions(self) -> None:
        self.historyChanged.emit(bool(self.history.back), bool(self.history.forward))

    # -- go to a place by its name ---------------------------------------------------------------
    def go_to(self, text: str) -> bool:
        """Go to "para 5.2", "p. 8" or "note 12" in the document on screen; says why not."""
        from briefing_app.pack.goto import find_place, parse_request  # dataclasses: not at start-up

        doc = self.workspace.document
        if doc is None:
            self.message.emit(wording.NO_DOCUMENT)
            return False
        request = parse_request(text)
        if request is None:
            self.message.emit(wording.GOTO_NOT_UNDERSTOOD)
            return False
        place = find_place(doc, request)
        if place is None:
            what = wording.GOTO_WHAT[request.kind].format(value=request.value)
            self.message.emit(wording.GOTO_NOT_FOUND.format(doc=doc.meta.cite_name, what=what))
            return False
        self.leave()
        if place.note:
            self.workspace.reader.scroll_to_marker(place.note)
            self.workspace.show_note(doc.id, place.note)
        else:
            self.workspace.reader.scroll_to_block(place.block)
        return True

    # -- the place in each document ------------------------------------------------------------------
    def _remember_place(self) -> None:
        doc = self.workspace.document
        if doc is not None and self.workspace.reader.isVisible():
            top = self.workspace.reader.block_at_top()
            if top:
                self.positions[doc.id] = top

    @Slot(str)
    def _on_current_block_changed(self, block_id: str) -> None:
        # Putting a document on screen scrolls it to the top first: that is not where the reader was.
        doc = self.workspace.reader.document_model
        if doc is not None and not self.workspace.switching and doc.block(block_id) is not None:
            self.positions[doc.id] = block_id
