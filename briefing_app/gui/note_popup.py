"""A small popup showing one note beside its marker (the full notes sidebar is its own view)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from briefing_app.gui.on_screen import popup_position
from briefing_app.gui.render import note_status_text
from briefing_app.pack.model import Document


class NotePopup(QFrame):
    def __init__(self, parent=None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("notePopup")
        self.setAccessibleName("Note")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMaximumWidth(460)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.body = QLabel(self)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.title)
        layout.addWidget(self.body)

    def show_note(self, doc: Document, key: str, marker: QRect) -> None:
        """Show the note under its marker (`marker`, in global coordinates), or over it near the
        foot of the screen."""
        note = doc.note(key)
        label = note.label if note else key
        status = note_status_text(note)
        self.title.setText(f"Note {label}" + (f" — {status}" if status else ""))
        if note is None or note.text is None:
            self.body.setText("The text of this note is not included in this copy of the document.")
        else:
            text = note.text
            if note.ibid_of and doc.note(note.ibid_of) is not None:
                text = f"{text}  (repeats note {doc.note(note.ibid_of).label}: {doc.note(note.ibid_of).text})"
            self.body.setText(text)
        self.adjustSize()
        self.move(popup_position(self.size(), marker))
        self.show()
        # Shown, the popup has its frame, a pixel or two more: place it again by its final size.
        self.move(popup_position(self.frameGeometry().size(), marker))
