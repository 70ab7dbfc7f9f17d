"""Bookmarks: places a reader keeps per pack, in the Bookmarks menu; renamed and deleted in a
small dialog (bookmarks_dialog.py)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QMenu

from briefing_app.gui import wording
from briefing_app.gui.actions import fill_menu
from briefing_app.gui.navigation import Navigator
from briefing_app.gui.settings import Settings
from briefing_app.pack.citing import bookmark_label
from briefing_app.pack.model import Pack

MENU_KEEP = 3  # Bookmark This Place, Edit Bookmarks…, the separator


class Bookmarks(QObject):
    message = Signal(str)
    changed = Signal()

    def __init__(self, menu: QMenu, settings: Settings, navigator: Navigator) -> None:
        super().__init__(navigator)
        self.menu, self.settings, self.navigator = menu, settings, navigator
        self.pack: Pack | None = None

    def set_pack(self, pack: Pack | None) -> None:
        self.pack = pack
        self._fill()

    def marks(self) -> list[dict]:
        return self.settings.bookmarks(self.pack.id) if self.pack else []

    @Slot()
    def add(self) -> dict | None:
        """Bookmark the block at the top of the reader."""
        reader = self.navigator.workspace.reader
        doc = self.navigator.workspace.document
        block_id = reader.block_at_top() if doc else None
        if doc is None or block_id is None or self.pack is None:
            self.message.emit(wording.NO_DOCUMENT)
            return None
        mark = {"doc": doc.id, "block": block_id, "label": bookmark_label(doc, block_id)}
        marks = [m for m in self.marks() if (m["doc"], m["block"]) != (doc.id, block_id)] + [mark]
        self._save(marks)
        self.message.emit(wording.BOOKMARKED)
        return mark

    def rename(self, index: int, label: str) -> None:
        marks = self.marks()
        if 0 <= index < len(marks) and label.strip():
            marks[index] = {**marks[index], "label": " ".join(label.split())}
            self._save(marks)

    def delete(self, index: int) -> None:
        marks = self.marks()
        if 0 <= index < len(marks):
            del marks[index]
            self._save(marks)

    def open(self, index: int) -> bool:
        marks = self.marks()
        if not 0 <= index < len(marks):
            return False
        return self.navigator.jump(marks[index]["doc"], marks[index]["block"])

    @Slot()
    def edit(self) -> None:
        """The dialog where bookmarks are renamed and deleted."""
        from briefing_app.gui.bookmarks_dialog import BookmarksDialog  # made when first asked for

        dialog = BookmarksDialog(self, self.menu.window())
        dialog.open()
        self.dialog = dialog  # kept, so that it outlives this call

    def _save(self, marks: list[dict]) -> None:
        if self.pack is not None:
            self.settings.set_bookmarks(self.pack.id, marks)
        self._fill()
        self.changed.emit()

    def _fill(self) -> None:
        fill_menu(
            self.menu, [(m["label"], i) for i, m in enumerate(self.marks())], self._on_chosen, MENU_KEEP
        )

    @Slot()
    def _on_chosen(self) -> None:
        self.open(self.sender().data())
