"""The pages beside the text: a paper read from a PDF is shown as reflowed text, as its pages as
issued, or both side by side, kept in step both ways.

The passage at the top of the text is outlined on its page; a click on a page shows that passage in
the text. Search hits and highlights the reader shows are drawn on the pages too. A paper with no
PDF behind it has only its text and the switch is hidden; a scan (pages, no text) opens on its pages.
The page view sits in the reading splitter beside the reader; the switch sits in the status bar.
The page view is made when the first paper with pages is shown: a pack of text papers never
needs it, and importing it (PDFium's renderer, the page index) would delay the first paint.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QSplitter, QToolButton, QWidget

from briefing_app.pack.model import Document, Pack

if TYPE_CHECKING:
    from briefing_app.gui.page_view import PageView

MODES = (("text", "Text"), ("pages", "Pages"), ("both", "Side by side"))
TIPS = {"text": "The paper's text, reflowed", "pages": "The pages as issued", "both": "Text and pages"}


class PageSync(QObject):
    modeChanged = Signal(str)  # "text", "pages" or "both"
    blockChosen = Signal(str)  # a passage clicked on a page, now shown in the text

    def __init__(self, reader, splitter: QSplitter, parent: QWidget) -> None:
        super().__init__(parent)
        self.reader = reader
        self.root: Path | None = None
        self.mode = "text"
        self.preferred = "both"  # what a paper with pages opens in, until the user picks
        self._syncing = False
        self._page_view: PageView | None = None
        self.splitter = splitter
        self.switch = QWidget(parent)
        self.switch.setObjectName("viewSwitch")
        self.buttons = QButtonGroup(self.switch)
        row = QHBoxLayout(self.switch)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        for mode, label in MODES:
            button = QToolButton(self.switch)
            button.setText(label)
            button.setCheckable(True)
            button.setObjectName(f"view-{mode}")
            button.setAccessibleName(f"Show {label.lower()}")
            button.setToolTip(TIPS[mode])
            self.buttons.addButton(button)
            button.clicked.connect(self._on_switch_clicked)
            row.addWidget(button)
        self.switch.hide()
        reader.currentBlockChanged.connect(self._on_reading_position)
        reader.marksChanged.connect(self._on_marks_changed)

    @property
    def page_view(self) -> PageView:
        if self._page_view is None:
            from briefing_app.gui.page_view import PageView

            self._page_view = PageView(self.splitter)
            self.splitter.addWidget(self._page_view)
            self._page_view.setVisible(self.mode != "text")
            self._page_view.blockClicked.connect(self._on_page_clicked)
        return self._page_view

    def settled(self) -> bool:
        """No page is waiting to be drawn."""
        return self._page_view is None or self._page_view.settled()

    def set_pack(self, pack: Pack | None) -> None:
        self.root = pack.root if pack else None

    @Slot(object)
    def show_document(self, doc: Document) -> None:
        """The reader now shows `doc`: show its pages too when it was read from a PDF."""
        pdf = self.root / doc.meta.file if (self.root and doc.format == "pdf") else None
        self.show_paper(doc, pdf)

    def show_paper(self, doc: Document, pdf: Path | None) -> None:
        if pdf is None:
            self.hide_pages()
            return
        self.page_view.show_pdf(pdf, doc)
        self.switch.show()
        self._apply("pages" if not doc.blocks else self.preferred)
        self._on_marks_changed()

    def hide_pages(self) -> None:
        """Nothing with pages is shown (a comparison, a message)."""
        if self._page_view is not None:
            self._page_view.clear()
        self.switch.hide()
        self._apply("text")

    def set_mode(self, mode: str) -> None:
        """Switch what is shown; ignored for a paper without pages."""
        if not self.switch.isHidden():
            self.preferred = mode
            self._apply(mode)

    def _apply(self, mode: str) -> None:
        self.mode = mode
        self.reader.setVisible(mode in ("text", "both"))
        if self._page_view is not None or mode != "text":
            self.page_view.setVisible(mode in ("pages", "both"))
        for button in self.buttons.buttons():
            button.setChecked(button.objectName() == f"view-{mode}")
        if mode == "both":
            half = max(200, self.splitter.width() // 2)
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
        if self._syncing or self._page_view is None or self._page_view.isHidden():
            return
        self.page_view.outline_block(block_id or None)

    @Slot()
    def _on_marks_changed(self) -> None:
        if self._page_view is None:
            return
        ranges, current = self.reader.highlight_ranges
        self.page_view.set_search_marks(ranges, current)
        self.page_view.set_annotation_marks(self.reader.annotation_marks)

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
