"""Document and user text shown exactly as it is, never read as markup.

Qt guesses: a tool tip, a QLabel in its default format or a message box whose text looks like
markup (Qt.mightBeRichText) is shown as rich text, and an `<img src="/some/file">` in it is loaded
and drawn; `/dev/zero` there exhausts memory and a FIFO blocks the window. A paper's heading or
note, a title in pack.yaml, a comment, a file name: any of them can hold such text. Everything
that shows them goes through here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def tip(text: str | None) -> str:
    """A tool tip showing `text` as written. Text Qt would take for markup (by the test it applies
    to tool tips, mightBeRichText) is escaped into a rich-text paragraph by Qt's own
    convertFromPlainText, line breaks kept; other text is already shown as it is. No text, no tip."""
    if not text:
        return ""
    return (
        GuiQt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)
        if GuiQt.mightBeRichText(text)
        else text
    )


def label(widget: QLabel) -> QLabel:
    """`widget`, set to show its text as plain text whatever it holds."""
    widget.setTextFormat(Qt.TextFormat.PlainText)
    return widget


def message_box(icon: QMessageBox.Icon, title: str, text: str, parent: QWidget | None) -> QMessageBox:
    """A message box whose text (often naming a user's file or quoting their data) is plain text."""
    box = QMessageBox(icon, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """QMessageBox.warning, with the text shown as plain text."""
    message_box(QMessageBox.Icon.Warning, title, text, parent).exec()


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """QMessageBox.information, with the text shown as plain text."""
    message_box(QMessageBox.Icon.Information, title, text, parent).exec()


def tell(parent: QWidget | None, title: str, text: str, name: str) -> QMessageBox:
    """A warning that does not stop the window (not modal), named `name`; keep it while shown."""
    box = message_box(QMessageBox.Icon.Warning, title, text, parent)
    box.setObjectName(name)
    box.open()
    return box
