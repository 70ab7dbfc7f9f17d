"""Every work the pack cites, grouped by type, with the documents and notes that cite it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from briefing_app.gui import plain
from briefing_app.pack.citations import describe, pack_sources
from briefing_app.pack.model import Pack

GROUPS = {
    "hansard": "Debates and statements (Hansard), by date",
    "command_paper": "Command papers",
    "house_paper": "House papers and committee reports",
    "library_note": "Commons Library notes",
    "url": "Web pages",
    "other": "Other references",
}
TARGET_ROLE = Qt.ItemDataRole.UserRole


class SourcesDialog(QDialog):
    noteRequested = Signal(str, str)  # document id, note key

    def __init__(self, pack: Pack, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sources cited in this pack")
        self.resize(760, 560)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("sourcesTree")
        self.tree.setAccessibleName("Sources cited in this pack")
        self.tree.setHeaderLabels(["Source", "Cited by"])
        self.tree.setColumnWidth(0, 430)
        hint = QLabel("Double-click a citing note to open it in its document.", self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)

        names = {d.id: d.meta.cite_name for d in pack.documents}
        groups: dict[str, QTreeWidgetItem] = {}
        for src in pack_sources(pack):
            group = groups.get(src.type)
            if group is None:
                group = groups[src.type] = QTreeWidgetItem([GROUPS[src.type], ""])
                self.tree.addTopLevelItem(group)
            citing = sorted({names[c.doc] for c in src.cited_by})
            n = len(src.cited_by)
            item = QTreeWidgetItem([src.title, f"{n} note{'s' if n != 1 else ''} in {', '.join(citing)}"])
            item.setToolTip(0, plain.tip(describe(src.cited_by[0].citation)))
            group.addChild(item)
            for c in src.cited_by:
                child = QTreeWidgetItem([describe(c.citation), f"{names[c.doc]}, note {c.label}"])
                child.setData(0, TARGET_ROLE, (c.doc, c.note))
                item.addChild(child)
        for group in groups.values():
            group.setText(0, f"{group.text(0)} ({group.childCount()})")
        self.tree.expandToDepth(0)
        buttons.rejected.connect(self.reject)
        self.tree.itemActivated.connect(self._on_item_activated)

    def find(self, title: str) -> QTreeWidgetItem | None:
        found = self.tree.findItems(title, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive, 0)
        return found[0] if found else None

    @Slot(QTreeWidgetItem, int)
    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        target = item.data(0, TARGET_ROLE)
        if target:
            self.noteRequested.emit(*target)
