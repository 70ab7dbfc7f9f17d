"""The toolbar: Back and Forward, Compare, Highlight, the Go to box and the search field."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QLineEdit, QToolBar, QWidget

from briefing_app.gui import wording
from briefing_app.gui.actions import Actions
from briefing_app.gui.search_controller import search_field


class GoToBox(QLineEdit):
    """Ctrl+L: type a place as a meeting names it and press Enter; Escape goes back to the text."""

    placeRequested = Signal(str)
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("goToBox")
        self.setAccessibleName("Go to a paragraph, page or note")
        self.setPlaceholderText(wording.GOTO_PLACEHOLDER)
        self.setToolTip("Go to a paragraph, page or note of this document (Ctrl+L)")
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(200)
        self.setMaximumWidth(260)
        self.returnPressed.connect(self._on_return)

    @Slot()
    def open_box(self) -> None:
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.key() == Qt.Key.Key_Escape:
            self.dismissed.emit()
            return
        super().keyPressEvent(event)

    @Slot()
    def _on_return(self) -> None:
        if self.text().strip():
            self.placeRequested.emit(self.text())


class MainToolBar(QToolBar):
    def __init__(self, actions: Actions, parent: QWidget) -> None:
        super().__init__("Toolbar", parent)
        self.setObjectName("searchToolbar")
        self.setMovable(False)
        self.addAction(actions.back)
        self.addAction(actions.forward)
        self.compare_button = actions.compare_button(self)
        self.addWidget(self.compare_button)
        self.highlight_button = actions.highlight_button(self)
        self.addWidget(self.highlight_button)
        self.addSeparator()
        self.goto_box = GoToBox(self)
        self.addWidget(self.goto_box)
        self.search_field = search_field(self)
        self.addWidget(self.search_field)
