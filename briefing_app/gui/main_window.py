"""The main window: documents and contents on the left, the reading pane on the right."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from briefing_app.gui.about import show_about
from briefing_app.gui.document_list import DocumentList
from briefing_app.gui.note_popup import NotePopup
from briefing_app.gui.problems import ProblemsBanner
from briefing_app.gui.reader import ReaderView
from briefing_app.gui.toc import TocView
from briefing_app.pack.model import Pack


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.pack: Pack | None = None
        self.setObjectName("mainWindow")
        self.setWindowTitle("Briefing")

        self.documents = DocumentList(self)
        self.toc = TocView(self)
        self.reader = ReaderView(self)
        self.banner = ProblemsBanner(self)
        self.note_popup = NotePopup(self)
        self.status_label = QLabel(self)

        left = QSplitter(Qt.Orientation.Vertical, self)
        left.setObjectName("leftSplitter")
        left.addWidget(self._titled("Documents", self.documents))
        left.addWidget(self._titled("Contents", self.toc))
        left.setSizes([260, 540])
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(self.banner)
        right_layout.addWidget(self.reader, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([320, 960])
        self.setCentralWidget(self.splitter)
        self.statusBar().addWidget(self.status_label, 1)
        self._build_menus()

        self.documents.documentRequested.connect(self._on_document_requested)
        self.toc.blockRequested.connect(self._on_block_requested)
        self.reader.noteActivated.connect(self._on_note_activated)
        self.reader.currentBlockChanged.connect(self._on_current_block_changed)

    def _titled(self, title: str, widget: QWidget) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 6, 0, 0)
        layout.setSpacing(4)
        label = QLabel(title, box)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        label.setBuddy(widget)
        layout.addWidget(label)
        layout.addWidget(widget, 1)
        return box

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        about_action = QAction("&About Briefing", self)
        about_action.setMenuRole(QAction.MenuRole.AboutRole)
        about_action.triggered.connect(self._on_about)
        help_menu.addAction(about_action)

    # -- public -------------------------------------------------------------------------------
    def set_pack(self, pack: Pack | None, error: str | None = None) -> None:
        self.pack = pack
        self.documents.set_pack(pack)
        self.banner.set_problems(list(pack.problems) if pack else [], fatal=error)
        if pack is None:
            self.setWindowTitle("Briefing")
            self.toc.set_document(None)
            self.reader.show_message(f"This pack could not be opened.\n\n{error}")
            return
        self.setWindowTitle(f"{pack.title} — Briefing")
        if pack.documents:
            self.documents.setCurrentRow(0)
        else:
            self.toc.set_document(None)
            self.reader.show_message("None of this pack's documents could be opened. See the problems above.")

    def open_document(self, doc_id: str, block_id: str | None = None) -> bool:
        doc = self.pack.document(doc_id) if self.pack else None
        if doc is None:
            return False
        if self.reader.document_model is not doc:
            self.documents.blockSignals(True)
            self.documents.select_document(doc_id)
            self.documents.blockSignals(False)
            self.reader.show_document(doc)
            self.toc.set_document(doc)
        if block_id:
            self.reader.scroll_to_block(block_id)
        return True

    def save_screenshot(self, path: Path) -> bool:
        for _ in range(3):
            QApplication.processEvents()
        return self.grab().save(str(path), "PNG")

    # -- handlers -----------------------------------------------------------------------------
    @Slot(str)
    def _on_document_requested(self, doc_id: str) -> None:
        self.open_document(doc_id)

    @Slot(str)
    def _on_block_requested(self, block_id: str) -> None:
        self.reader.scroll_to_block(block_id)

    @Slot(str, str)
    def _on_note_activated(self, doc_id: str, key: str) -> None:
        doc = self.pack.document(doc_id) if self.pack else None
        positions = self.reader.render_map.markers.get(key)
        if doc is None or not positions:
            return
        cursor = QTextCursor(self.reader.document())
        cursor.setPosition(positions[0])
        rect = self.reader.cursorRect(cursor)
        self.note_popup.show_note(doc, key, self.reader.viewport().mapToGlobal(rect.bottomLeft()))

    @Slot(str)
    def _on_current_block_changed(self, block_id: str) -> None:
        doc = self.reader.document_model
        block = doc.block(block_id) if doc else None
        if block is None:
            return
        where = [doc.meta.cite_name]
        if block.number:
            where.append(f"para {block.number}")
        if block.page:
            where.append(f"p. {block.page}")
        self.status_label.setText(", ".join(where))

    @Slot()
    def _on_about(self) -> None:
        show_about(self, self.pack)
