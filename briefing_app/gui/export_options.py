"""Asked before a PDF is written: whether to show the reader's highlights and comments on it."""

from __future__ import annotations

from PySide6 import QtWidgets as dialogs

from briefing_app.gui import wording


class ExportOptions(dialogs.QDialog):
    """Before a PDF is written: whether to show the reader's highlights and comments."""

    def __init__(self, checkbox: dialogs.QCheckBox, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(wording.EXPORT_PDF_TITLE)
        self.setObjectName("exportOptions")
        self.checkbox = checkbox
        checkbox.setParent(self)
        buttons = dialogs.QDialogButtonBox(
            dialogs.QDialogButtonBox.StandardButton.Ok | dialogs.QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = dialogs.QVBoxLayout(self)
        layout.addWidget(dialogs.QLabel("The document is printed dark on white paper.", self))
        layout.addWidget(checkbox)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
