"""Answering a dialog from a test as a user would, when it opens."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog


def answer_next_input(text: str, tries: int = 50) -> None:
    """Type `text` into the input dialog when it opens and press OK, as a user would."""

    def answer() -> None:
        dialog = next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog) and w.isVisible()), None
        )
        if dialog is None:
            if tries:
                answer_next_input(text, tries - 1)
            return
        dialog.setTextValue(text)
        dialog.accept()

    QTimer.singleShot(100, answer)
