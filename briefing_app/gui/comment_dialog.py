"""The comment dialog: several lines of text that a keyboard can leave.

QInputDialog's multi-line box takes Tab as a character, so a keyboard alone cannot reach OK, and
Enter starts a new line. Here Tab and Shift+Tab move between the box and the buttons, and
Ctrl+Enter saves, as in mail and chat clients; Escape cancels.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from briefing_app.gui.wording import COMMENT_HINT


class CommentDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, prompt: str, text: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.label = QLabel(prompt, self)
        self.editor = QPlainTextEdit(self)
        self.editor.setPlainText(text)
        self.editor.setTabChangesFocus(True)
        self.editor.setAccessibleName(prompt.rstrip(":"))
        self.editor.setAccessibleDescription(COMMENT_HINT)
        self.label.setBuddy(self.editor)
        hint = QLabel(COMMENT_HINT, self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.editor, 1)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.editor.installEventFilter(self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.editor.moveCursor(QTextCursor.MoveOperation.End)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        # Ctrl+Enter in the box saves (the box itself would take it as a new line).
        if watched is self.editor and event.type() == QEvent.Type.KeyPress:
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept()
                return True
        return super().eventFilter(watched, event)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)  # typing goes into the box at once

    def text(self) -> str:
        return self.editor.toPlainText()


def ask_comment(parent: QWidget | None, title: str, prompt: str, text: str = "") -> tuple[str, bool]:
    """Like QInputDialog.getMultiLineText: (the text, whether it was saved)."""
    dialog = CommentDialog(parent, title, prompt, text)
    saved = dialog.exec() == QDialog.DialogCode.Accepted
    return dialog.text(), saved
