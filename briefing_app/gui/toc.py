"""The current document's table of contents, built from its headings."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from briefing_app.gui import plain
from briefing_app.pack.model import Document

BLOCK_ID_ROLE = Qt.ItemDataRole.UserRole


class TocView(QTreeWidget):
    blockRequested = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("toc")
        self.setAccessibleName("Table of contents")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.itemActivated.connect(self._on_item_activated)
        self.itemClicked.connect(self._on_item_activated)

    def set_document(self, doc: Document | None) -> None:
        self.clear()
        if doc is None:
            return
        stack: list[tuple[int, QTreeWidgetItem]] = []
        for block in doc.headings:
            level = block.level or 1
            while stack and stack[-1][0] >= level:
                stack.pop()
            label = block.text if block.page is None else f"{block.text}  (p. {block.page})"
            item = QTreeWidgetItem([label])
            item.setData(0, BLOCK_ID_ROLE, block.id)
            item.setToolTip(0, plain.tip(block.text))
            spoken = block.text if block.page is None else f"{block.text}, page {block.page}"
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, spoken)
            if stack:
                stack[-1][1].addChild(item)
            else:
                self.addTopLevelItem(item)
            stack.append((level, item))
        self.expandToDepth(0)

    def block_ids(self) -> list[str]:
        out = []

        def walk(item: QTreeWidgetItem) -> None:
            out.append(item.data(0, BLOCK_ID_ROLE))
            for i in range(item.childCount()):
                walk(item.child(i))

        for i in range(self.topLevelItemCount()):
            walk(self.topLevelItem(i))
        return out

    def select_block(self, block_id: str) -> None:
        for i in range(self.topLevelItemCount()):
            found = self._find(self.topLevelItem(i), block_id)
            if found is not None:
                self.setCurrentItem(found)
                return

    def _find(self, item: QTreeWidgetItem, block_id: str) -> QTreeWidgetItem | None:
        if item.data(0, BLOCK_ID_ROLE) == block_id:
            return item
        for i in range(item.childCount()):
            found = self._find(item.child(i), block_id)
            if found is not None:
                return found
        return None

    @Slot(QTreeWidgetItem, int)
    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.blockRequested.emit(item.data(0, BLOCK_ID_ROLE))
