"""The reading pane for one paper: the reflowed text, the pages as issued, or both side by side.

Kept in step both ways: the passage at the top of the text is outlined on its page, and a click on a
page shows that passage in the text. Search hits and highlights given to the pane are drawn in both.
A paper with no PDF behind it has only its text, and the switch is not shown; a scan (pages but no
text) opens on its pages.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QSplitter, QToolButton, QVBoxLayout, QWidget

from briefing_app.gui.page_view import PageView
from briefing_app.pack.model import Document

MODES = (("text", "Text"), ("pages", "Pages"), ("both", "Side by side"))


class PaperPane(QWidget):
    modeChanged = Signal(str)  # "text", "pages" or "both"
    blockChosen = Signal(str)  # a passage clicked on a page, now shown in the text

    def __init__(self, reader, parent=None) -> None:
        super().__init__(parent)
        self.reader = reader
        self.mode = "text"
        self.preferred = "both"  # what a paper with pages opens in, until the user picks
        self._syncing = False
        self.setObjectName("paperPane")
        self.page_view = PageView(self)
        self.switch = QWidget(self)
        self.switch.setObjectName("viewSwitch")
        self.buttons = QButtonGroup(self)
        self.buttons.setExclusive(True)
        row = QHBoxLayout(self.switch)
        row.setContentsMargins(8, 4, 8, 4)
        row.setSpacing(2)
        row.addStretch(1)
        for mode, label in MODES:
            button = QToolButton(self.switch)
            button.setText(label)
            button.setCheckable(True)
            button.setObjectName(f"view-{mode}")
            button.setAccessibleName(f"Show {label.lower()}")
            button.setToolTip(
                {"text": "The paper's text, reflowed", "pages": "The pages as issued"}.get(mode, "Both")
            )
            self.buttons.addButton(button)
            button.clicked.connect(self._on_switch_clicked)
            row.addWidget(button)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("paperSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(reader)
        self.splitter.addWidget(self.page_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.switch)
        layout.addWidget(self.splitter, 1)
        self.switch.hide()
        self.page_view.hide()

        reader.currentBlockChanged.connect(self._on_reading_position)
        self.page_view.blockClicked.connect(self._on_page_clicked)

    def show_paper(self, doc: Document, pdf: Path | None) -> None:
        """After the reader shows `doc`: its pages too when `pdf` is the file it was read from."""
        if pdf is None:
            self.page_view.clear()
            self.switch.hide()
            self._apply("text")
            return
        self.page_view.show_pdf(pdf, doc)
        self.switch.show()
        self._apply("pages" if not doc.blocks else self.preferred)

    def set_mode(self, mode: str) -> None:
        """Switch what is shown; ignored for a paper without pages."""
        if not self.switch.isHidden():
            self.preferred = mode
            self._apply(mode)

    def set_search_marks(
        self, ranges: dict[str, tuple[tuple[int, int], ...]], current: str | None = None
    ) -> None:
        self.page_view.set_search_marks(ranges, current)

    def set_annotation_marks(self, marks: list[tuple[str, str, int, int, str, str]]) -> None:
        self.page_view.set_annotation_marks(marks)

    def _apply(self, mode: str) -> None:
        self.mode = mode
        self.reader.setVisible(mode in ("text", "both"))
        self.page_view.setVisible(mode in ("pages", "both"))
        for button in self.buttons.buttons():
            button.setChecked(button.objectName() == f"view-{mode}")
        if mode == "both":
            half = max(200, self.width() // 2)
            self.splitter.setSizes([half, half])
        self.modeChanged.emit(mode)
        if mode != "text":
            self._on_reading_position(self.reader.block_at_top() or "")

    @Slot()
    def _on_switch_clicked(self) -> None:
        button = self.buttons.checkedButton()
        if button is not None:
            self.set_mode(button.objectName().removeprefix("view-"))

    @Slot(str)
    def _on_reading_position(self, block_id: str) -> None:
        if self._syncing or not self.page_view.isVisible():
            return
        self.page_view.outline_block(block_id or None)

    @Slot(str)
    def _on_page_clicked(self, block_id: str) -> None:
        self._syncing = True  # the text follows the page; the page must not jump back
        try:
            if self.mode == "pages":
                self._apply("both")  # the text has to be on screen to show the passage
            self.reader.scroll_to_block(block_id)
        finally:
            self._syncing = False
        self.blockChosen.emit(block_id)
