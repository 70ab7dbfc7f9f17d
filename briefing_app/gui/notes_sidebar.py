"""The current document's notes beside the text: label, text, citation in words, status."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.gui import plain
from briefing_app.gui.render import note_status_text
from briefing_app.gui.rich_delegate import HTML_ROLE, RichDelegate
from briefing_app.gui.style import blend
from briefing_app.markup import escape
from briefing_app.pack.citations import Citation, describe, parse_citations, tidy
from briefing_app.pack.model import Document, Note

KEY_ROLE = Qt.ItemDataRole.UserRole
FLASH = QColor("#ffd54f")


def spoken_note(note: Note) -> str:
    """The note as a screen reader says it, in the sidebar and when its marker is reached."""
    if note.text is None:
        return f"Note {note.label}: referred to in the text, but {note_status_text(note)}"
    status = note_status_text(note)
    return f"Note {note.label}: {note.text}" + (f" ({status})" if status else "")


class NotesSidebar(QWidget):
    noteChosen = Signal(str)  # note key: show me where it is cited

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("notesSidebar")
        self.doc: Document | None = None
        self.citations: dict[str, list[Citation]] = {}
        self.on_screen: set[str] = set()

        self.remark = QLabel(self)
        self.remark.setWordWrap(True)
        self.remark.setTextFormat(Qt.TextFormat.PlainText)
        self.remark.setStyleSheet("QLabel { background: #fff4e0; color: #4a3000; padding: 6px; }")
        self.list = QListWidget(self)
        self.list.setObjectName("notesList")
        self.list.setAccessibleName("Notes of this document")
        self.list.setWordWrap(True)
        self.list.setItemDelegate(RichDelegate(self.list))
        # Each row is laid-out rich text: lay out the first screenful, then the rest in turns of
        # the event loop, so that a document with a hundred notes does not hold up the window.
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(12)
        # Rows wrap to the list's width: a scroll bar appearing after the first layout would
        # narrow it and make every row be laid out again.
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        # Text set apart: PySide matches QPushButton(text, parent) against the icon overloads
        # too, which builds QIcon's enums (150 members) at start-up.
        self.copy_button = QPushButton(self)
        self.copy_button.setText("Copy citation")
        self.copy_button.setEnabled(False)
        self.flash_timer = QTimer(self)
        self.flash_timer.setSingleShot(True)
        self.flash_timer.setInterval(900)
        self.follow_timer = QTimer(self)  # brings the first note on screen into view
        self.follow_timer.setSingleShot(True)
        self.follow_timer.setInterval(0)
        self._follow: str | None = None
        self._follow_tries = 0

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.remark)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.copy_button)

        self.list.itemActivated.connect(self._on_item_activated)
        self.list.itemClicked.connect(self._on_item_activated)
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.copy_button.clicked.connect(self._on_copy)
        self.flash_timer.timeout.connect(self._on_flash_over)
        self.follow_timer.timeout.connect(self._on_follow)

    # -- public -------------------------------------------------------------------------------
    def set_document(self, doc: Document | None, remark: str = "") -> None:
        """Show `doc`'s notes; with no document, only `remark` (why there are none)."""
        self.doc = doc
        self.on_screen = set()
        self.list.clear()
        self.citations = {n.key: parse_citations(n.text) for n in doc.notes} if doc else {}
        remarks = list(doc.remarks) if doc else [remark] if remark else []
        if doc is not None and not doc.notes:
            remarks.append("This document has no notes.")
        self.remark.setText("\n".join(remarks))
        self.remark.setVisible(bool(remarks))
        for note in doc.notes if doc else ():
            item = QListWidgetItem(f"{note.label} {note.text or ''}")
            item.setData(KEY_ROLE, note.key)
            item.setData(HTML_ROLE, self._html(note))
            item.setToolTip(plain.tip(self.citation_text(note.key)))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken_note(note))
            self.list.addItem(item)

    def citation_text(self, key: str) -> str:
        """A tidy reference for the note, as "Copy citation" puts it on the clipboard."""
        note = self.doc.note(key) if self.doc else None
        if note is None or not note.text:
            return ""
        repeated = self._repeated(note)
        return "; ".join(tidy(c, repeated) for c in self.citations.get(key, []))

    def select_note(self, key: str, flash: bool = True) -> bool:
        item = self._item(key)
        if item is None:
            return False
        self.list.setCurrentItem(item)
        self.list.scrollToItem(item, QListWidget.ScrollHint.PositionAtCenter)
        if flash:
            item.setBackground(FLASH)
            self.flash_timer.start()
        return True

    def set_on_screen(self, keys: set[str]) -> None:
        """Emphasise the notes whose markers the reader can see, and keep the first in view."""
        if keys == self.on_screen:
            return
        self.on_screen = keys
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            visible = item.data(KEY_ROLE) in keys
            item.setBackground(self._emphasis() if visible else QColor(0, 0, 0, 0))
            font = item.font()
            font.setBold(visible)
            item.setFont(font)
            if visible and first is None:
                first = item
        self._follow = first.data(KEY_ROLE) if first is not None else None
        if first is not None and not self.flash_timer.isActive():
            # Restyling the rows makes the list lay them out again, in batches: a scroll asked
            # for now would be lost, so it is made once the event loop has done that.
            self._follow_tries = 0
            self.follow_timer.start()

    # -- internals ----------------------------------------------------------------------------
    def _emphasis(self) -> QColor:
        """A tint of the selection colour over the list's background, in light and dark alike."""
        palette = self.list.palette()
        return blend(
            palette.color(QPalette.ColorRole.Highlight), palette.color(QPalette.ColorRole.Base), 0.25
        )

    def _repeated(self, note: Note) -> Citation | None:
        if not note.ibid_of:
            return None
        found = self.citations.get(note.ibid_of) or []
        return found[0] if found else None

    def _html(self, note: Note) -> str:
        head = f"<b>{escape(note.label)}</b>"
        status = note_status_text(note)
        if note.text is None:
            return f"{head} <i>Referred to in the text, but {escape(status)}.</i>"
        parts = [f"{head} {escape(note.text)}"]
        repeated = self._repeated(note)
        words = "; ".join(
            describe(c, repeated) for c in self.citations.get(note.key, []) if c.type != "other"
        )
        if note.ibid_of and self.doc and (source := self.doc.note(note.ibid_of)) and source.text:
            words = f"ibid: repeats note {escape(source.label)} ({escape(source.text)})"
        elif words:
            words = escape(words)
        if words:
            parts.append(f"<small>{words}</small>")
        if note.status == "duplicate":
            parts.append(f"<small><i>{escape(status).capitalize()}.</i></small>")
        return "<br>".join(parts)

    def _item(self, key: str) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            if self.list.item(row).data(KEY_ROLE) == key:
                return self.list.item(row)
        return None

    @Slot(QListWidgetItem)
    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self.noteChosen.emit(item.data(KEY_ROLE))

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_current_changed(self, current, _previous) -> None:
        self.copy_button.setEnabled(bool(current is not None and self.citation_text(current.data(KEY_ROLE))))

    @Slot()
    def _on_copy(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            QGuiApplication.clipboard().setText(self.citation_text(item.data(KEY_ROLE)))

    @Slot()
    def _on_follow(self) -> None:
        item = self._item(self._follow) if self._follow else None
        if item is None or self.flash_timer.isActive():
            return
        self.list.scrollToItem(item, QListWidget.ScrollHint.PositionAtTop)
        # Rows still waiting for their batch of layout cannot be scrolled to yet: try again
        # on the next turn of the event loop, a few times at most.
        if not self.list.viewport().rect().intersects(self.list.visualItemRect(item)):
            self._follow_tries += 1
            if self._follow_tries < 20:
                self.follow_timer.start()

    @Slot()
    def _on_flash_over(self) -> None:
        keys, self.on_screen = self.on_screen, set()
        self.set_on_screen(keys)
