"""Every annotation of the pack, grouped by document in reading order, filterable; orphans apart."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing_app.annotations import COLOURS, Resolved
from briefing_app.annotations.export import location
from briefing_app.gui.control_names import name_controls
from briefing_app.gui.rich_delegate import HTML_ROLE, RichDelegate, group_item
from briefing_app.markup import escape
from briefing_app.pack.model import Pack

ID_ROLE = Qt.ItemDataRole.UserRole
ANY = "Any"


def spoken_annotation(pack: Pack | None, r: Resolved) -> str:
    """The row as a screen reader says it: the colour, where, the quote, the comment and tags."""
    a = r.annotation
    status = {"moved": ", re-attached", "orphaned": ", orphaned"}.get(r.status, "")
    spoken = f"{a.colour.capitalize()} highlight{status}, {location(pack, r)}: “{a.selector.quote}”"
    if a.comment:
        spoken += f". Comment: {a.comment}"
    if a.tags:
        spoken += f". Tags: {', '.join(a.tags)}"
    return spoken


class AnnotationsPanel(QWidget):
    annotationChosen = Signal(str)  # annotation id: show me the passage
    deleteRequested = Signal(str)
    reattachRequested = Signal(str)  # attach this (orphaned) annotation to the current selection
    exportRequested = Signal()
    importRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationsPanel")
        self.pack: Pack | None = None
        self.resolved: list[Resolved] = []

        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter by words in the quote, comment or tags")
        self.filter.setAccessibleName("Filter annotations")
        self.filter.setClearButtonEnabled(True)
        self.doc_filter = QComboBox(self)
        self.doc_filter.setAccessibleName("Filter by document")
        self.colour_filter = QComboBox(self)
        self.colour_filter.setAccessibleName("Filter by colour")
        self.tag_filter = QComboBox(self)
        self.tag_filter.setAccessibleName("Filter by tag")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("annotationsTree")
        self.tree.setAccessibleName("Annotations")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setIndentation(12)
        self.tree.setItemDelegate(RichDelegate(self.tree))
        self.delete_button = QPushButton("Delete", self)
        self.reattach_button = QPushButton("Re-attach to selection", self)
        self.reattach_button.setToolTip("Select the passage in the text, then attach this note to it")
        self.export_button = QPushButton("Export…", self)
        self.import_button = QPushButton("Import…", self)

        filters = QHBoxLayout()
        for combo in (self.doc_filter, self.colour_filter, self.tag_filter):
            filters.addWidget(combo)
        buttons = QHBoxLayout()
        for button in (self.delete_button, self.reattach_button, self.export_button, self.import_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.filter)
        layout.addLayout(filters)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)

        self.filter.textChanged.connect(self._on_filter_changed)
        for combo in (self.doc_filter, self.colour_filter, self.tag_filter):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.tree.itemActivated.connect(self._on_item)
        self.tree.itemClicked.connect(self._on_item)
        self.tree.currentItemChanged.connect(self._on_current_changed)
        self.delete_button.clicked.connect(self._on_delete)
        self.reattach_button.clicked.connect(self._on_reattach)
        self.export_button.clicked.connect(self.exportRequested.emit)
        self.import_button.clicked.connect(self.importRequested.emit)
        self._on_current_changed(None, None)
        self.tree.viewport().installEventFilter(self)
        name_controls(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        # Rows wrap to the tree's width, and a tree keeps the heights it first measured: measured
        # while the panel was still narrow, a selected row is painted far taller than its text.
        if (
            watched is self.tree.viewport()
            and event.type() == QEvent.Type.Resize
            and event.oldSize().width() != event.size().width()
        ):
            self.tree.doItemsLayout()
        return super().eventFilter(watched, event)

    def set_annotations(self, pack: Pack | None, resolved: list[Resolved]) -> None:
        self.pack = pack
        self.resolved = resolved
        self._refill(self.doc_filter, [ANY] + [d.meta.cite_name for d in pack.documents] if pack else [ANY])
        self._refill(self.colour_filter, [ANY, *COLOURS])
        tags = sorted({t for r in resolved for t in r.annotation.tags})
        self._refill(self.tag_filter, [ANY, *tags])
        self._show()

    def ids(self) -> list[str]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            out += [group.child(j).data(0, ID_ROLE) for j in range(group.childCount())]
        return out

    # -- internals ----------------------------------------------------------------------------
    @staticmethod
    def _refill(combo: QComboBox, values: list[str]) -> None:
        current = combo.currentText()
        combo.blockSignals(True)
        combo.clear()
        combo.addItems(values)
        if current in values:
            combo.setCurrentText(current)
        combo.blockSignals(False)

    def _visible(self, r: Resolved) -> bool:
        a = r.annotation
        words = self.filter.text().strip().lower()
        doc = self.pack.document(a.doc) if self.pack else None
        if self.doc_filter.currentText() not in (ANY, "") and (
            doc is None or doc.meta.cite_name != self.doc_filter.currentText()
        ):
            return False
        if self.colour_filter.currentText() not in (ANY, "") and a.colour != self.colour_filter.currentText():
            return False
        if self.tag_filter.currentText() not in (ANY, "") and self.tag_filter.currentText() not in a.tags:
            return False
        haystack = " ".join([a.selector.quote, a.comment, *a.tags]).lower()
        return all(w in haystack for w in words.split())

    def _show(self) -> None:
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for r in self.resolved:
            if not self._visible(r):
                continue
            a = r.annotation
            doc = self.pack.document(a.doc) if self.pack else None
            name = (
                "Could not be placed: the passage has gone"
                if r.status == "orphaned"
                else (doc.title if doc else a.doc)
            )
            group = groups.get(name)
            if group is None:
                group = groups[name] = group_item(name)
                self.tree.addTopLevelItem(group)
            item = QTreeWidgetItem([a.selector.quote])
            item.setData(0, ID_ROLE, a.id)
            status = {
                "moved": " · <i>re-attached: the document changed</i>",
                "orphaned": " · <i>orphaned</i>",
            }.get(r.status, "")
            html = (
                f"<small>{escape(location(self.pack, r))} · {escape(a.colour)}{status}</small><br>"
                f"<span style='background:{COLOURS.get(a.colour, '#ffe066')}; color:#000'>"
                f"“{escape(a.selector.quote)}”</span>"
            )
            if a.comment:
                html += f"<br>{escape(a.comment)}"
            if a.tags:
                html += f"<br><small>Tags: {escape(', '.join(a.tags))}</small>"
            item.setData(0, HTML_ROLE, html)
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, spoken_annotation(self.pack, r))
            item.setForeground(0, QColor("#000"))
            group.addChild(item)
        self.tree.expandAll()

    def _current_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    @Slot()
    def _on_filter_changed(self, *_args) -> None:
        self._show()

    @Slot(QTreeWidgetItem, int)
    def _on_item(self, item: QTreeWidgetItem, _column: int) -> None:
        annotation_id = item.data(0, ID_ROLE)
        if annotation_id:
            self.annotationChosen.emit(annotation_id)

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def _on_current_changed(self, current, _previous) -> None:
        chosen = current.data(0, ID_ROLE) if current is not None else None
        orphan = any(r.annotation.id == chosen and r.status == "orphaned" for r in self.resolved)
        self.delete_button.setEnabled(bool(chosen))
        self.reattach_button.setEnabled(orphan)

    @Slot()
    def _on_delete(self) -> None:
        if chosen := self._current_id():
            self.deleteRequested.emit(chosen)

    @Slot()
    def _on_reattach(self) -> None:
        if chosen := self._current_id():
            self.reattachRequested.emit(chosen)
