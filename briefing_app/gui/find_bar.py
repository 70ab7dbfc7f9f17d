"""Find in the current document (Ctrl+F): every match highlighted, Enter / Shift+Enter to step."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QTextEdit, QWidget

from briefing_app.gui.control_names import name_controls


class FindBar(QWidget):
    closed = Signal()

    def __init__(self, reader, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.reader = reader
        self.matches: list[QTextCursor] = []
        self.current = -1
        self.field = QLineEdit(self)
        self.field.setPlaceholderText("Find in this document")
        self.field.setAccessibleName("Find in this document")
        self.field.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.count.setAccessibleName("Matches")
        self.previous_button = QPushButton("Previous", self)
        self.next_button = QPushButton("Next", self)
        self.close_button = QPushButton("Close", self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(QLabel("Find:", self))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        for button in (self.previous_button, self.next_button, self.close_button):
            layout.addWidget(button)
        self.field.installEventFilter(self)
        self.field.textChanged.connect(self._on_text)
        self.field.returnPressed.connect(self.step)
        self.next_button.clicked.connect(self.step)
        self.previous_button.clicked.connect(lambda: self.step(forward=False))
        self.close_button.clicked.connect(self.close_bar)
        name_controls(self)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self._on_text(self.field.text())

    @Slot()
    def close_bar(self) -> None:
        # Focus back to the text first, so that it does not pass to the next panel, and the
        # match stays selected where it is on screen.
        self.reader.setFocus(Qt.FocusReason.OtherFocusReason)
        self.hide()
        self.reader.clear_highlights()
        if 0 <= self.current < len(self.matches):
            self.reader.ensureCursorVisible()
        self.closed.emit()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        # Keys typed in the field: Escape closes, Shift+Enter steps back (Enter steps on).
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if enter and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.step(forward=False)
                return True
        return super().eventFilter(watched, event)

    @Slot(str)
    def _on_text(self, text: str) -> None:
        self.matches = []
        self.current = -1
        doc = self.reader.document()
        if text:
            cursor = doc.find(text, 0)
            while not cursor.isNull():
                self.matches.append(cursor)
                cursor = doc.find(text, cursor)
        self._mark()
        n = len(self.matches)
        self.count.setText(f"{n} match{'es' if n != 1 else ''}" if text else "")
        if self.matches:
            self.step()

    def step(self, forward: bool = True) -> None:
        if not self.matches:
            return
        self.current = (self.current + (1 if forward else -1)) % len(self.matches)
        self.reader.setTextCursor(self.matches[self.current])
        self._centre()
        self._mark()
        self.count.setText(f"{self.current + 1} of {len(self.matches)}")

    def _centre(self) -> None:
        """Bring the match to the middle of the view, with the lines round it to read."""
        bar = self.reader.verticalScrollBar()
        rect = self.reader.cursorRect(self.reader.textCursor())
        bar.setValue(bar.value() + rect.center().y() - self.reader.viewport().height() // 2)

    def _mark(self) -> None:
        selections = []
        for i, cursor in enumerate(self.matches):
            fmt = QTextCharFormat()
            fmt.setBackground(QColor("#ffb74d" if i == self.current else "#fff1a8"))
            fmt.setForeground(QColor("#000000"))
            sel = QTextEdit.ExtraSelection()
            sel.cursor, sel.format = cursor, fmt
            selections.append(sel)
        self.reader.set_marks(selections)
