"""Problems found while opening a pack: a banner above the reader and a list to read them in."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
)

from briefing_app.gui import plain
from briefing_app.pack.model import Problem


class ProblemsBanner(QFrame):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsBanner")
        self.setAccessibleName("Problems with this pack")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#problemsBanner { background: #fff4e0; border: 1px solid #e0a040; }"
            "#problemsBanner QLabel { color: #4a3000; }"
        )
        self.problems: list[Problem] = []
        self.hide()
        # Most packs open without problems: the contents are made the first time there are some.
        self._label: QLabel | None = None
        self._button: QPushButton | None = None

    @property
    def label(self) -> QLabel:
        self._build()
        return self._label

    @property
    def button(self) -> QPushButton:
        self._build()
        return self._button

    def _build(self) -> None:
        if self._label is not None:
            return
        self._label = plain.label(QLabel(self))  # problems quote the pack's values
        self._label.setWordWrap(True)
        self._button = QPushButton("Show problems…", self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self._label, 1)
        layout.addWidget(self._button)
        self._button.clicked.connect(self._on_show_clicked)

    def set_problems(self, problems: list[Problem], fatal: str | None = None) -> None:
        self.problems = list(problems)
        if fatal:
            self.label.setText(f"This pack could not be opened. {fatal}")
            self.button.hide()
            self.show()
        elif self.problems:
            n = len(self.problems)
            self.label.setText(
                f"{n} problem{'s' if n != 1 else ''} found while opening this pack. "
                "Everything that could be read is shown."
            )
            self.button.show()
            self.show()
        else:
            self.hide()

    @Slot()
    def _on_show_clicked(self) -> None:
        ProblemsDialog(self.problems, self).exec()


class ProblemsDialog(QDialog):
    def __init__(self, problems: list[Problem], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Problems in this pack")
        self.resize(640, 320)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Problems")
        self.list.setWordWrap(True)
        for p in problems:
            self.list.addItem(str(p))
        from PySide6.QtWidgets import QDialogButtonBox  # only when problems are shown

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
