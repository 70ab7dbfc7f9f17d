"""The dialog where bookmarks are opened, renamed and deleted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.gui import wording

if TYPE_CHECKING:
    from briefing_app.gui.bookmarks import Bookmarks


class BookmarksDialog(QDialog):
    def __init__(self, bookmarks: Bookmarks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookmarksDialog")
        self.setWindowTitle(wording.BOOKMARKS_TITLE)
        self.bookmarks = bookmarks
        self.list = QListWidget(self)
        self.list.setAccessibleName(wording.BOOKMARKS_TITLE)
        self.open_button = QPushButton("&Open", self)
        self.rename_button = QPushButton("&Rename…", self)
        self.delete_button = QPushButton("&Delete", self)
        for button, name in (
            (self.open_button, "openBookmark"),
            (self.rename_button, "renameBookmark"),
            (self.delete_button, "deleteBookmark"),
        ):
            button.setObjectName(name)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.rename_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.resize(560, 320)
        close.rejected.connect(self.reject)
        self.open_button.clicked.connect(self._on_open)
        self.rename_button.clicked.connect(self._on_rename)
        self.delete_button.clicked.connect(self._on_delete)
        self.list.itemActivated.connect(self._on_open)
        bookmarks.changed.connect(self._fill)
        self._fill()

    @Slot()
    def _fill(self) -> None:
        row = self.list.currentRow()
        self.list.clear()
        marks = self.bookmarks.marks()
        self.list.addItems([m["label"] for m in marks] or [wording.NO_BOOKMARKS])
        self.list.setEnabled(bool(marks))
        for button in (self.open_button, self.rename_button, self.delete_button):
            button.setEnabled(bool(marks))
        self.list.setCurrentRow(min(max(row, 0), len(marks) - 1))

    @Slot()
    def _on_open(self, *_args) -> None:
        if self.bookmarks.open(self.list.currentRow()):
            self.accept()

    @Slot()
    def _on_rename(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        current = self.bookmarks.marks()[row]["label"]
        label, ok = QInputDialog.getText(
            self, wording.BOOKMARKS_TITLE, wording.BOOKMARK_RENAME_PROMPT, text=current
        )
        if ok:
            self.bookmarks.rename(row, label)

    @Slot()
    def _on_delete(self) -> None:
        self.bookmarks.delete(self.list.currentRow())
