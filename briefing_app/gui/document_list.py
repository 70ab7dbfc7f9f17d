"""The pack's documents: title, publisher and date; selecting one asks for it to be shown."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from briefing_app.gui import plain
from briefing_app.gui.render import date_text
from briefing_app.pack.model import Pack

DOC_ID_ROLE = Qt.ItemDataRole.UserRole
COMPARISON_ROLE = Qt.ItemDataRole.UserRole + 2


class DocumentList(QListWidget):
    documentRequested = Signal(str)
    comparisonRequested = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("documentList")
        self.setAccessibleName("Documents in this pack")
        self.setWordWrap(True)
        self.setSpacing(2)
        self.setAlternatingRowColors(True)
        self.currentItemChanged.connect(self._on_current_changed)

    def set_pack(self, pack: Pack | None) -> None:
        self.blockSignals(True)
        self.clear()
        for doc in pack.documents if pack else ():
            meta = doc.meta
            details = " · ".join(x for x in (meta.publisher, date_text(meta.date)) if x)
            item = QListWidgetItem(f"{meta.title}\n{details}" if details else meta.title)
            item.setData(DOC_ID_ROLE, doc.id)
            item.setToolTip(plain.tip(f"{meta.title}\n{details}\n{meta.licence or ''}".strip()))
            # What a screen reader says for the row: one sentence, not two lines run together.
            spoken = ", ".join(x for x in (meta.publisher, date_text(meta.date)) if x)
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole, f"{meta.title}. {spoken}" if spoken else meta.title
            )
            self.addItem(item)
        self.blockSignals(False)

    def add_comparisons(self, comparisons) -> None:
        self.blockSignals(True)
        for comparison in comparisons:
            item = QListWidgetItem(f"Comparison\n{comparison.title}")
            item.setData(COMPARISON_ROLE, comparison.id)
            font = item.font()
            font.setItalic(True)
            item.setFont(font)
            item.setToolTip(plain.tip(comparison.description or comparison.title))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"Comparison: {comparison.title}")
            self.addItem(item)
        self.blockSignals(False)

    def select_document(self, doc_id: str) -> None:
        self._select(DOC_ID_ROLE, doc_id)

    def select_comparison(self, comparison_id: str) -> None:
        self._select(COMPARISON_ROLE, comparison_id)

    def _select(self, role: int, value: str) -> None:
        for row in range(self.count()):
            if self.item(row).data(role) == value:
                self.setCurrentRow(row)
                return

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_current_changed(self, current: QListWidgetItem | None, _previous) -> None:
        if current is None:
            return
        if current.data(COMPARISON_ROLE):
            self.comparisonRequested.emit(current.data(COMPARISON_ROLE))
        else:
            self.documentRequested.emit(current.data(DOC_ID_ROLE))
