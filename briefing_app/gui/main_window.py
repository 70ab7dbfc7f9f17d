"""The main window: documents and contents on the left, the reading pane on the right."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtWidgets as dialogs  # dialogs: PySide builds their enums on first use
from PySide6.QtCore import QSettings, Qt, QTimer, Slot
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QGuiApplication,
    QKeySequence,
    QTextCursor,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.annotations.colours import COLOURS
from briefing_app.errors import BriefingError, QuerySyntaxError
from briefing_app.gui.document_list import DocumentList
from briefing_app.gui.history import History, Place
from briefing_app.gui.notes_sidebar import NotesSidebar
from briefing_app.gui.pack_loader import LoadedComparisons, open_pack
from briefing_app.gui.problems import ProblemsBanner
from briefing_app.gui.reader import ReaderView
from briefing_app.gui.themes import THEMES, apply_theme
from briefing_app.gui.toc import TocView
from briefing_app.pack.crossrefs import MentionFinder
from briefing_app.pack.model import Pack, Problem, Span

if TYPE_CHECKING:  # Whoosh loads when search is first used, not at start-up
    from briefing_app.annotations import AnnotationStore, Resolved
    from briefing_app.compare import Comparison, Quote
    from briefing_app.gui.annotations_panel import AnnotationsPanel
    from briefing_app.gui.comparison_view import ComparisonView
    from briefing_app.gui.find_bar import FindBar
    from briefing_app.gui.note_popup import NotePopup
    from briefing_app.gui.search_panel import SearchPanel
    from briefing_app.gui.search_worker import IndexOpener
    from briefing_app.search import SearchEngine, SearchHit
    from briefing_app.search.own_notes import OwnNote


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.pack: Pack | None = None
        self.comparisons: list[Comparison] = []
        self.history = History()
        self.settings = QSettings()
        self.positions: dict[str, str] = {}  # document id -> block at the top when last read
        self.theme = "system"
        self.painted = False
        self.pending_index: Pack | None = None
        self.engine: SearchEngine | None = None
        self.progress_dialog: dialogs.QProgressDialog | None = None
        self.setObjectName("mainWindow")
        self.setWindowTitle("Briefing")

        self.documents = DocumentList(self)
        self.toc = TocView(self)
        self.reader = ReaderView(self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.reader)
        self.banner = ProblemsBanner(self)
        self._note_popup: NotePopup | None = None
        self.status_label = QLabel(self)
        self.search_field = QLineEdit(self)
        self.search_field.setObjectName("searchField")
        self.search_field.setAccessibleName("Search the pack")
        self.search_field.setPlaceholderText("Search the pack (Ctrl+Shift+F)")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setMinimumWidth(320)
        self.search_field.setMaximumWidth(560)
        # The search and annotation panels, the comparison view and the find bar are made when first
        # needed (see the properties below): the first screen shows none of them, and start-up pays
        # only for what it shows.
        self._search_panel: SearchPanel | None = None
        self._annotations_panel: AnnotationsPanel | None = None
        self._comparison_view: ComparisonView | None = None
        self._find_bar: FindBar | None = None
        self.search_message = ""  # why search is unavailable, when it is
        self.search_dock = QDockWidget("Search", self)
        self.search_dock.setObjectName("searchDock")
        self.search_dock.setMinimumWidth(340)
        self._opener: IndexOpener | None = None
        self.notes = NotesSidebar(self)
        self.notes_dock = QDockWidget("Notes", self)
        self.notes_dock.setObjectName("notesDock")
        self.notes_dock.setWidget(self.notes)
        self.notes_dock.setMinimumWidth(320)
        self.mentions: MentionFinder | None = None
        # Annotations are read after the first paint (or when first asked for): see `store`.
        self._store: AnnotationStore | None = None
        self.store_error: str | None = None
        self._resolved: list[Resolved] = []
        self._annotations_due = False
        self._comparison_problems: list[Problem] = []
        self._fatal: str | None = None
        self.undo_stack = QUndoStack(self)
        self.annotations_dock = QDockWidget("Annotations", self)
        self.annotations_dock.setObjectName("annotationsDock")
        self.reader.colour_names = list(COLOURS)

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
        right_layout.addWidget(self.pages, 1)
        self._right_layout = right_layout
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([320, 960])
        self.setCentralWidget(self.splitter)
        self.statusBar().addWidget(self.status_label, 1)
        toolbar = QToolBar("Search", self)
        toolbar.setObjectName("searchToolbar")
        toolbar.setMovable(False)
        self.back_action = QAction("Back", self)
        self.back_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Back))
        self.back_action.setToolTip("Back to where you were (Alt+Left)")
        self.back_action.setEnabled(False)
        self.back_action.triggered.connect(self._on_back)
        self.forward_action = QAction("Forward", self)
        self.forward_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Forward))
        self.forward_action.setToolTip("Forward again (Alt+Right)")
        self.forward_action.setEnabled(False)
        self.forward_action.triggered.connect(self._on_forward)
        toolbar.addAction(self.back_action)
        toolbar.addAction(self.forward_action)
        self.compare_button = QToolButton(self)
        self.compare_button.setText("Compare")
        self.compare_button.setToolTip("Open a side-by-side comparison")
        self.compare_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        toolbar.addWidget(self.compare_button)
        self.search_toolbar_anchor = toolbar.addSeparator()
        toolbar.addWidget(self.search_field)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.notes_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.search_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.annotations_dock)
        self.tabifyDockWidget(self.notes_dock, self.search_dock)
        self.tabifyDockWidget(self.notes_dock, self.annotations_dock)
        self.search_dock.hide()
        self.notes_dock.raise_()
        self._build_menus()

        self.documents.documentRequested.connect(self._on_document_requested)
        self.documents.comparisonRequested.connect(self._on_comparison_requested)
        self.toc.blockRequested.connect(self._on_block_requested)
        self.reader.noteActivated.connect(self._on_note_activated)
        self.reader.currentBlockChanged.connect(self._on_current_block_changed)
        self.reader.documentLinkActivated.connect(self._on_document_link)
        self.reader.verticalScrollBar().valueChanged.connect(self._on_reader_scrolled)
        self.reader.viewChanged.connect(self._on_reader_view_changed)
        self.notes.noteChosen.connect(self._on_note_chosen)
        self.reader.rerendered.connect(self._show_annotation_marks)
        self.reader.highlightRequested.connect(self.highlight)
        self.reader.commentRequested.connect(self._on_comment)
        self.reader.tagsRequested.connect(self._on_tags)
        self.reader.deleteRequested.connect(self.delete_annotation)
        self.search_dock.visibilityChanged.connect(self._on_dock_visibility)
        # Which notes are on screen is worked out once the view has settled, not at every step of
        # opening a document or laying out the window.
        self._notes_sync = QTimer(self)
        self._notes_sync.setSingleShot(True)
        self._notes_sync.setInterval(0)
        self._notes_sync.timeout.connect(lambda: self._on_reader_scrolled(0))
        self.annotations_dock.visibilityChanged.connect(self._on_dock_visibility)
        self.search_field.textEdited.connect(self._on_search_edited)
        self.search_field.returnPressed.connect(self._on_search_return)

    # -- parts made on first use ------------------------------------------------------------
    @property
    def opener(self) -> IndexOpener:
        if self._opener is None:
            from briefing_app.gui.search_worker import IndexOpener

            self._opener = IndexOpener(self)
            self._opener.progress.connect(self._on_index_progress)
            self._opener.ready.connect(self._on_index_ready)
            self._opener.failed.connect(self._on_index_failed)
        return self._opener

    @property
    def note_popup(self) -> NotePopup:
        if self._note_popup is None:
            from briefing_app.gui.note_popup import NotePopup

            self._note_popup = NotePopup(self)
        return self._note_popup

    @property
    def search_panel(self) -> SearchPanel:
        if self._search_panel is None:
            from briefing_app.gui.search_panel import SearchPanel

            panel = SearchPanel(self)
            panel.own_notes = self._own_notes
            panel.hitActivated.connect(self._on_hit_activated)
            panel.suggestionChosen.connect(self._on_suggestion_chosen)
            panel.set_engine(self.engine, self._titles())
            if self.search_message:
                panel.status.setText(self.search_message)
            self.search_dock.setWidget(panel)
            self._search_panel = panel
        return self._search_panel

    @property
    def annotations(self) -> AnnotationsPanel:
        if self._annotations_panel is None:
            from briefing_app.gui.annotations_panel import AnnotationsPanel

            panel = AnnotationsPanel(self)
            panel.annotationChosen.connect(self.show_annotation)
            panel.deleteRequested.connect(self.delete_annotation)
            panel.reattachRequested.connect(self.reattach)
            panel.exportRequested.connect(self._on_export_annotations)
            panel.importRequested.connect(self._on_import_annotations)
            panel.set_annotations(self.pack, self.resolved)
            self.annotations_dock.setWidget(panel)
            self._annotations_panel = panel
        return self._annotations_panel

    @property
    def comparison_view(self) -> ComparisonView:
        if self._comparison_view is None:
            from briefing_app.gui.comparison_view import ComparisonView

            view = ComparisonView(self)
            view.quoteActivated.connect(self._on_quote_activated)
            self.pages.addWidget(view)
            self._comparison_view = view
        return self._comparison_view

    @property
    def find_bar(self) -> FindBar:
        if self._find_bar is None:
            from briefing_app.gui.find_bar import FindBar

            self._find_bar = FindBar(self.reader, self.pages.parentWidget())
            self._right_layout.addWidget(self._find_bar)
        return self._find_bar

    def _showing_comparison(self) -> bool:
        view = self._comparison_view
        return view is not None and self.pages.currentWidget() is view and view.comparison is not None

    @Slot(bool)
    def _on_dock_visibility(self, visible: bool) -> None:
        if visible:  # a dock restored open, or its tab chosen: it needs its contents now
            _ = self.search_panel if self.sender() is self.search_dock else self.annotations

    def _titles(self) -> dict[str, str]:
        return {d.id: d.meta.cite_name for d in self.pack.documents} if self.pack else {}

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
        open_action = QAction("&Open Pack…", self)
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self._on_open_pack)
        file_menu.addAction(open_action)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        file_menu.addSeparator()
        print_action = QAction("&Print…", self)
        print_action.setShortcut(QKeySequence.StandardKey.Print)
        print_action.triggered.connect(self._on_print)
        pdf_action = QAction("&Export Document as PDF…", self)
        pdf_action.triggered.connect(self._on_export_pdf)
        self.export_comparison_action = QAction("Export &Comparison…", self)
        self.export_comparison_action.setToolTip("Save the comparison on screen as HTML, Markdown or PDF")
        self.export_comparison_action.triggered.connect(self._on_export_comparison)
        file_menu.addAction(print_action)
        file_menu.addAction(pdf_action)
        file_menu.addAction(self.export_comparison_action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        edit_menu = self.menuBar().addMenu("&Edit")
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        copy_cite = QAction("Copy with &Citation", self)
        copy_cite.setShortcut(QKeySequence("Ctrl+Shift+C"))
        copy_cite.triggered.connect(self.copy_with_citation)
        find = QAction("&Find in Document…", self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self._on_find)
        edit_menu.addAction(copy_cite)
        edit_menu.addAction(find)
        self.addAction(copy_cite)
        self.addAction(find)
        annotate_menu = self.menuBar().addMenu("&Annotate")
        highlight = QAction("&Highlight Selection", self)
        highlight.setShortcut(QKeySequence("Ctrl+Alt+H"))
        highlight.triggered.connect(lambda: self.highlight("yellow"))
        annotate_menu.addAction(highlight)
        colours = annotate_menu.addMenu("Highlight in &Colour")
        for name in COLOURS:
            action = colours.addAction(name.capitalize())
            action.setData(name)
            action.triggered.connect(self._on_colour_action)
        self.highlight_button = QToolButton(self)
        self.highlight_button.setText("Highlight")
        self.highlight_button.setToolTip("Highlight the selection (Ctrl+Alt+H); the arrow picks the colour")
        self.highlight_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.highlight_button.setDefaultAction(highlight)
        self.highlight_button.setMenu(colours)
        toolbar = self.findChild(QToolBar, "searchToolbar")
        toolbar.insertWidget(self.search_toolbar_anchor, self.highlight_button)
        comment = QAction("&Comment…", self)
        comment.setShortcut(QKeySequence("Ctrl+Alt+M"))
        comment.triggered.connect(self._on_comment)
        tags = QAction("&Tags…", self)
        tags.setShortcut(QKeySequence("Ctrl+Alt+T"))
        tags.triggered.connect(self._on_tags)
        panel = self.annotations_dock.toggleViewAction()
        panel.setText("&Annotations Panel")
        panel.setShortcut(QKeySequence("Ctrl+Shift+A"))
        for action in (comment, tags, panel):
            annotate_menu.addAction(action)
        for action in (highlight, comment, tags, panel, undo, redo):
            self.addAction(action)
        search_menu = self.menuBar().addMenu("&Search")
        find_action = QAction("&Search the Pack…", self)
        find_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        find_action.triggered.connect(self._on_find_in_pack)
        next_action = QAction("&Next Hit", self)
        next_action.setShortcut(QKeySequence(QKeySequence.StandardKey.FindNext))
        next_action.triggered.connect(self._on_next_hit)
        previous_action = QAction("&Previous Hit", self)
        previous_action.setShortcut(QKeySequence(QKeySequence.StandardKey.FindPrevious))
        previous_action.triggered.connect(self._on_previous_hit)
        for action in (find_action, next_action, previous_action):
            search_menu.addAction(action)
            self.addAction(action)
        view_menu = self.menuBar().addMenu("&View")
        notes_action = self.notes_dock.toggleViewAction()
        notes_action.setText("&Notes Sidebar")
        notes_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        sources_action = QAction("&Sources Cited in the Pack…", self)
        sources_action.triggered.connect(self._on_sources)
        view_menu.addAction(notes_action)
        view_menu.addAction(sources_action)
        self.comparisons_menu = view_menu.addMenu("&Comparisons")
        self.compare_button.setMenu(self.comparisons_menu)
        view_menu.addSeparator()
        view_menu.addAction(self.back_action)
        view_menu.addAction(self.forward_action)
        view_menu.addSeparator()
        for label, key, step in (
            ("Zoom &In", QKeySequence.StandardKey.ZoomIn, 0.1),
            ("Zoom &Out", QKeySequence.StandardKey.ZoomOut, -0.1),
            ("&Actual Size", QKeySequence("Ctrl+0"), 0.0),
        ):
            action = QAction(label, self)
            action.setShortcut(key)
            action.setData(step)
            action.triggered.connect(self._on_zoom)
            view_menu.addAction(action)
            self.addAction(action)
        theme_menu = view_menu.addMenu("&Theme")
        self.theme_group = QActionGroup(self)
        for name in THEMES:
            action = theme_menu.addAction(
                {"system": "Follow the &System", "light": "&Light", "dark": "&Dark"}[name]
            )
            action.setCheckable(True)
            action.setData(name)
            action.triggered.connect(self._on_theme)
            self.theme_group.addAction(action)
        bookmarks = self.menuBar().addMenu("&Bookmarks")
        add_bookmark = QAction("&Bookmark This Place", self)
        add_bookmark.setShortcut(QKeySequence("Ctrl+D"))
        add_bookmark.triggered.connect(self.add_bookmark)
        bookmarks.addAction(add_bookmark)
        bookmarks.addSeparator()
        self.bookmarks_menu = bookmarks
        self.addAction(add_bookmark)
        help_menu = self.menuBar().addMenu("&Help")
        about_action = QAction("&About Briefing", self)
        about_action.setMenuRole(QAction.MenuRole.AboutRole)
        about_action.triggered.connect(self._on_about)
        help_menu.addAction(about_action)

    # -- public -------------------------------------------------------------------------------
    def set_pack(
        self,
        pack: Pack | None,
        error: str | None = None,
        comparisons: LoadedComparisons | None = None,
    ) -> None:
        """Show `pack`, with its comparisons and their problems (read here when not given)."""
        if self.engine is not None:
            self.engine.close()
        self.engine = None
        self.search_message = ""
        if self._search_panel is not None:
            self._search_panel.set_engine(None, {})
        self.pack = pack
        self.mentions = MentionFinder(pack) if pack else None
        self.history.clear()
        self._update_history_actions()
        if comparisons is None:
            from briefing_app.compare import load_comparisons

            comparisons = load_comparisons(pack) if pack else ([], [])
        self.comparisons, comparison_problems = comparisons
        self.documents.set_pack(pack)
        self.documents.add_comparisons(self.comparisons)
        self.comparisons_menu.clear()
        for comparison in self.comparisons:
            action = self.comparisons_menu.addAction(comparison.title)
            action.setData(comparison.id)
            action.triggered.connect(self._on_comparison_action)
        self.compare_button.setEnabled(bool(self.comparisons))
        self.undo_stack.clear()
        self._resolved = []
        self._annotations_due = bool(pack and pack.documents)
        self._comparison_problems, self._fatal = list(comparison_problems), error
        self._show_problems()
        if pack is None:
            self.setWindowTitle("Briefing")
            self.toc.set_document(None)
            self.reader.show_message(f"This pack could not be opened.\n\n{error}")
            return
        self.setWindowTitle(f"{pack.title} — Briefing")
        self._remember_recent(pack)
        self._fill_bookmarks()
        if pack.documents:
            # Opening the index competes with drawing the window: wait for the first paint.
            if self.painted:
                QTimer.singleShot(0, lambda p=pack: self._start_index(p))
                QTimer.singleShot(0, self, self._load_annotations)
            else:
                self.pending_index = pack  # with the annotations, after the first paint
            saved = self.settings.value(f"packs/{pack.id}/positions", "{}")
            self.positions = json.loads(saved) if isinstance(saved, str) else {}
            last = self.settings.value(f"packs/{pack.id}/document", "")
            if last and pack.document(last):
                self.open_document(last)
            else:
                self.documents.setCurrentRow(0)
        else:
            self.toc.set_document(None)
            self.reader.show_message("None of this pack's documents could be opened. See the problems above.")

    def open_comparison(self, comparison_id: str) -> bool:
        comparison = next((c for c in self.comparisons if c.id == comparison_id), None)
        if comparison is None or self.pack is None:
            return False
        if self.comparison_view.comparison is not comparison:
            self.comparison_view.show_comparison(comparison, self.pack)
        self.pages.setCurrentWidget(self.comparison_view)
        self._show_in_list(self.documents.select_comparison, comparison_id)
        self.toc.set_document(None)
        self.notes.set_document(
            None, "A comparison has no notes of its own. Its quotations open the documents, with theirs."
        )
        self.status_label.setText(comparison.title)
        return True

    def _show_in_list(self, select, item_id: str) -> None:
        """Mark what is open in the documents list without the list asking to open it again."""
        self.documents.blockSignals(True)
        select(item_id)
        self.documents.blockSignals(False)

    def open_document(self, doc_id: str, block_id: str | None = None) -> bool:
        doc = self.pack.document(doc_id) if self.pack else None
        if doc is None:
            return False
        if self.pages.currentWidget() is not self.reader:
            self.pages.setCurrentWidget(self.reader)
            self.toc.set_document(doc)
            self._show_in_list(self.documents.select_document, doc_id)
        if self.reader.document_model is not doc:
            self._show_in_list(self.documents.select_document, doc_id)
            self.reader.show_document(doc, self._links(doc))
            self.toc.set_document(doc)
            self.notes.set_document(doc)
            self._show_annotation_marks()
            self._notes_sync.start()
            block_id = block_id or self.positions.get(doc_id)  # where the reader left it
        elif self.notes.doc is not doc:  # back from a comparison, which cleared the notes
            self.notes.set_document(doc)
            self._notes_sync.start()
        if block_id:
            self.reader.scroll_to_block(block_id)
        return True

    # -- annotations ------------------------------------------------------------------------
    @property
    def store(self) -> AnnotationStore | None:
        self._load_annotations()
        return self._store

    @property
    def resolved(self) -> list[Resolved]:
        self._load_annotations()
        return self._resolved

    def _load_annotations(self) -> None:
        if self._annotations_due:
            self.refresh_annotations()

    def _show_problems(self) -> None:
        extra = list(self._comparison_problems)
        if self.store_error:
            extra.append(Problem("annotations", None, self.store_error))
        self.banner.set_problems([*(self.pack.problems if self.pack else ()), *extra], fatal=self._fatal)

    def refresh_annotations(self) -> None:
        from briefing_app.annotations import AnnotationStore, StoreError
        from briefing_app.annotations.export import resolve_all

        self._annotations_due = False
        if self._store is None and self.store_error is None:
            try:
                self._store = AnnotationStore()
            except StoreError as exc:
                self.store_error = str(exc)  # shown in the banner; reading goes on without annotations
                self._show_problems()
        if self._store is None or self.pack is None:
            self._resolved = []
        else:
            self._resolved = resolve_all(self.pack, self._store.list(self.pack.id))
        if self._annotations_panel is not None:
            self._annotations_panel.set_annotations(self.pack, self._resolved)
        self._show_annotation_marks()

    def _own_notes(self) -> list[OwnNote]:
        from briefing_app.search.own_notes import OwnNote

        return [
            OwnNote(
                r.annotation.id,
                r.annotation.doc,
                r.block,
                r.annotation.selector.quote,
                r.annotation.comment,
                r.annotation.tags,
            )
            for r in self.resolved
        ]

    def _show_annotation_marks(self) -> None:
        doc = self.reader.document_model
        marks = [
            (
                r.annotation.id,
                r.block,
                r.start,
                r.end,
                COLOURS.get(r.annotation.colour, "#ffe066"),
                r.annotation.comment,
            )
            for r in self._resolved
            if doc is not None and r.annotation.doc == doc.id and r.status != "orphaned" and r.block
        ]
        self.reader.set_annotations(marks)

    def highlight(self, colour: str = "yellow", comment: str = "", tags: tuple[str, ...] = ()) -> str | None:
        """Annotate the current selection; returns the new annotation's id."""
        selection = self.reader.selection_in_model()
        doc = self.reader.document_model
        if self.store is None or selection is None or doc is None or self.pack is None:
            self.statusBar().showMessage("Select some words in the text first.", 5000)
            return None
        from briefing_app.annotations import selector_for

        block_id, start, end = selection
        annotation = self.store.add(
            self.pack.id, selector_for(doc, block_id, start, end), colour, comment, tags
        )
        from briefing_app.gui.annotation_commands import AddAnnotation

        self.undo_stack.push(AddAnnotation(self.store, annotation, self.refresh_annotations))
        self.refresh_annotations()
        return annotation.id

    def annotation_under_cursor(self) -> str | None:
        return self.reader.annotation_at(self.reader.textCursor().position())

    def set_comment(self, annotation_id: str, comment: str) -> None:
        self._edit(annotation_id, comment=comment)

    def set_tags(self, annotation_id: str, tags: tuple[str, ...]) -> None:
        self._edit(annotation_id, tags=tuple(t for t in tags if t))

    def _edit(self, annotation_id: str, **change) -> None:
        before = self.store.get(annotation_id) if self.store else None
        if before is not None:
            from briefing_app.gui.annotation_commands import EditAnnotation

            self.undo_stack.push(EditAnnotation(self.store, before, change, self.refresh_annotations))

    @Slot(str)
    def delete_annotation(self, annotation_id: str) -> None:
        annotation = self.store.get(annotation_id) if self.store else None
        if annotation is not None:
            from briefing_app.gui.annotation_commands import DeleteAnnotation

            self.undo_stack.push(DeleteAnnotation(self.store, annotation, self.refresh_annotations))

    @Slot(str)
    def show_annotation(self, annotation_id: str) -> None:
        found = next((r for r in self.resolved if r.annotation.id == annotation_id), None)
        if found is None or found.block is None:
            return
        self._leave()
        self.open_document(found.annotation.doc, found.block)
        place = self.reader.render_map.blocks.get(found.block)
        if place is not None:
            cursor = QTextCursor(self.reader.document())
            cursor.setPosition(place.position(found.start))
            cursor.setPosition(place.position(found.end), QTextCursor.MoveMode.KeepAnchor)
            self.reader.setTextCursor(cursor)

    @Slot(str)
    def reattach(self, annotation_id: str) -> None:
        selection = self.reader.selection_in_model()
        doc = self.reader.document_model
        if selection is None or doc is None:
            self.statusBar().showMessage("Select the passage in the text to attach the note to.", 6000)
            return
        from briefing_app.annotations import selector_for

        self._edit(annotation_id, selector=selector_for(doc, *selection))

    @Slot()
    def _on_colour_action(self) -> None:
        self.highlight(self.sender().data())

    @Slot()
    def _on_comment(self) -> None:
        existing = self.annotation_under_cursor() if not self.reader.textCursor().hasSelection() else None
        current = self.store.get(existing).comment if existing and self.store else ""
        text, ok = dialogs.QInputDialog.getMultiLineText(
            self, "Comment", "Your comment on this passage:", current
        )
        if not ok:
            return
        if existing:
            self.set_comment(existing, text)
        else:
            self.highlight("yellow", comment=text)

    @Slot()
    def _on_tags(self) -> None:
        existing = self.annotation_under_cursor() if not self.reader.textCursor().hasSelection() else None
        current = ", ".join(self.store.get(existing).tags) if existing and self.store else ""
        text, ok = dialogs.QInputDialog.getText(self, "Tags", "Tags, separated by commas:", text=current)
        if not ok:
            return
        tags = tuple(t.strip() for t in text.split(",") if t.strip())
        if existing:
            self.set_tags(existing, tags)
        else:
            self.highlight("yellow", tags=tags)

    def export_annotations(self, path: Path) -> None:
        """Write the pack's annotations; the file name's ending picks the format (Markdown otherwise)."""
        from briefing_app.annotations.export import render
        from briefing_app.gui.pdf import format_of, write_export

        annotations = self.store.list(self.pack.id) if self.store and self.pack else []
        write_export(
            path, format_of(path) or "md", lambda fmt: render(self.pack, annotations, fmt), landscape=False
        )

    @Slot()
    def _on_export_annotations(self) -> None:
        name, _ = dialogs.QFileDialog.getSaveFileName(
            self,
            "Export annotations",
            "briefing-note.md",
            "Briefing note (*.md);;Web page (*.html);;PDF (*.pdf);;Web Annotation JSON (*.json)",
        )
        if name:
            self.export_annotations(Path(name))
            self.statusBar().showMessage(f"Exported to {name}", 6000)

    @Slot()
    def _on_import_annotations(self) -> None:
        name, _ = dialogs.QFileDialog.getOpenFileName(
            self, "Import annotations", "", "Web Annotation JSON (*.json)"
        )
        if not name or self.store is None or self.pack is None:
            return
        import json

        try:
            from briefing_app.annotations.export import import_w3c

            report = import_w3c(self.store, self.pack, json.loads(Path(name).read_text(encoding="utf-8")))
        except (OSError, ValueError, BriefingError) as exc:
            dialogs.QMessageBox.warning(self, "Import annotations", f"{name} could not be imported: {exc}")
            return
        self.refresh_annotations()
        dialogs.QMessageBox.information(self, "Import annotations", str(report))

    def _start_index(self, pack: Pack) -> None:
        if pack is self.pack:
            self.opener.start(pack)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            if self.pending_index is not None:
                pack, self.pending_index = self.pending_index, None
                QTimer.singleShot(0, lambda: self._start_index(pack))
            QTimer.singleShot(0, self, self._load_annotations)

    @property
    def search_ready(self) -> bool:
        return self.engine is not None

    def search(self, text: str):
        """Run a search now (as if typed and paused), showing the results panel."""
        self.search_field.setText(text)
        self.search_dock.show()
        return self.search_panel.run(text)

    def _links(self, doc) -> dict[str, list[Span]]:
        """Names of other documents of the pack in this one's text, as links to them."""
        if self.mentions is None:
            return {}
        out: dict[str, list[Span]] = {}
        for block in doc.blocks:
            found = self.mentions.find(block.text, doc.id, block.spans)
            if found:
                out[block.id] = [Span(m.start, m.end, "doclink", m.doc) for m in found]
        return out

    def save_screenshot(self, path: Path) -> bool:
        for _ in range(3):
            QApplication.processEvents()
        return self.grab().save(str(path), "PNG")

    # -- handlers -----------------------------------------------------------------------------
    @Slot(str)
    def _on_document_requested(self, doc_id: str) -> None:
        self._leave()
        self.open_document(doc_id)

    @Slot(str)
    def _on_block_requested(self, block_id: str) -> None:
        self._leave()
        self.reader.scroll_to_block(block_id)

    @Slot()
    def _on_comparison_action(self) -> None:
        self._leave()
        self.open_comparison(self.sender().data())

    @Slot(str)
    def _on_comparison_requested(self, comparison_id: str) -> None:
        self._leave()
        self.open_comparison(comparison_id)

    @Slot(object)
    def _on_quote_activated(self, quote: Quote) -> None:
        self._leave()
        self.open_document(quote.doc, quote.block)
        self.reader.set_highlights({quote.block: ((quote.start, quote.end),)}, current=quote.block)
        self.statusBar().showMessage("Back (Alt+Left) returns to the comparison.", 6000)

    # -- history ------------------------------------------------------------------------------
    def here(self) -> Place | None:
        if self._showing_comparison():
            return Place(
                "comparison",
                self.comparison_view.comparison.id,
                self.comparison_view.verticalScrollBar().value(),
            )
        if self.reader.document_model is not None:
            return Place("doc", self.reader.document_model.id, self.reader.verticalScrollBar().value())
        return None

    def _leave(self) -> None:
        """Called before every jump, so Back can return here."""
        self.history.leave(self.here())
        self._update_history_actions()

    def _go(self, place: Place | None) -> None:
        if place is None:
            return
        if place.kind == "comparison":
            self.open_comparison(place.id)
            self.comparison_view.verticalScrollBar().setValue(place.scroll)
        else:
            self.open_document(place.id)
            self.reader.verticalScrollBar().setValue(place.scroll)
        self._update_history_actions()

    def _update_history_actions(self) -> None:
        self.back_action.setEnabled(bool(self.history.back))
        self.forward_action.setEnabled(bool(self.history.forward))

    @Slot()
    def _on_back(self) -> None:
        self._go(self.history.go_back(self.here()))

    @Slot()
    def _on_forward(self) -> None:
        self._go(self.history.go_forward(self.here()))

    @Slot(str)
    def _on_document_link(self, doc_id: str) -> None:
        self._leave()
        self.open_document(doc_id)

    @Slot()
    def _on_reader_view_changed(self) -> None:
        # Resizes come in bursts while the window is laid out: look once they have settled.
        self._notes_sync.start()

    @Slot(int)
    def _on_reader_scrolled(self, _value: int) -> None:
        self.notes.set_on_screen(self.reader.visible_note_keys())

    @Slot(str)
    def _on_note_chosen(self, key: str) -> None:
        self._leave()
        self.reader.scroll_to_marker(key)

    @Slot()
    def _on_sources(self) -> None:
        if self.pack is None:
            return
        from briefing_app.gui.sources_dialog import SourcesDialog

        dialog = SourcesDialog(self.pack, self)
        dialog.noteRequested.connect(self._on_source_note)
        dialog.show()
        self.sources_dialog = dialog

    @Slot(str, str)
    def _on_source_note(self, doc_id: str, key: str) -> None:
        self._leave()
        self.open_document(doc_id)
        self.notes_dock.show()
        self.notes.select_note(key)
        self.reader.scroll_to_marker(key)

    @Slot(str, str)
    def _on_note_activated(self, doc_id: str, key: str) -> None:
        if self.notes_dock.isVisible() and not self.notes_dock.visibleRegion().isEmpty():
            self.notes.select_note(key)  # the sidebar shows it; a popup would cover the text
            return
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
        self.positions[doc.id] = block_id
        where = [doc.meta.cite_name]
        if block.number:
            where.append(f"para {block.number}")
        if block.page:
            where.append(f"p. {block.page}")
        self.status_label.setText(", ".join(where))

    @Slot(str)
    def _on_search_edited(self, text: str) -> None:
        self.search_dock.show()
        self.search_panel.schedule(text)

    @Slot()
    def _on_search_return(self) -> None:
        self.search_dock.show()
        result = self.search_panel.run(self.search_field.text())
        if result and result.hits:
            self.search_panel.step(forward=True)

    @Slot()
    def _on_find_in_pack(self) -> None:
        self.search_dock.show()
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    @Slot()
    def _on_next_hit(self) -> None:
        self.search_panel.step(forward=True)

    @Slot()
    def _on_previous_hit(self) -> None:
        self.search_panel.step(forward=False)

    @Slot(str)
    def _on_suggestion_chosen(self, text: str) -> None:
        self.search(text)

    @Slot(object)
    def _on_hit_activated(self, hit: SearchHit) -> None:
        doc = self.pack.document(hit.doc) if self.pack else None
        if doc is None:
            return
        self._leave()
        if hit.kind == "annotation":
            self.open_document(hit.doc, hit.block or None)
            return
        block_id = hit.block
        if hit.is_note:
            block_id = next((b.id for b in doc.blocks if hit.block in b.note_refs), doc.blocks[0].id)
        self.open_document(hit.doc, block_id)
        self.highlight_query(hit.doc, current=block_id)
        if hit.is_note:
            self._on_note_activated(hit.doc, hit.block)

    def highlight_query(self, doc_id: str, current: str | None = None) -> int:
        """Mark every hit of the current query in the open document."""
        panel = self._search_panel
        query = panel.result.query if panel is not None and panel.result else ""
        if self.engine is None or not query:
            return 0
        try:
            result = self.engine.search(f"({query}) doc:{doc_id}", limit=None)
        except QuerySyntaxError:
            return 0
        ranges = {h.block: h.ranges for h in result.hits if not h.is_note and h.ranges}
        return self.reader.set_highlights(ranges, current)

    @Slot(int, int, str)
    def _on_index_progress(self, done: int, total: int, what: str) -> None:
        if self.progress_dialog is None:
            dialog = dialogs.QProgressDialog("Preparing search…", "", 0, total, self)
            dialog.setWindowTitle("Building the search index")
            dialog.setCancelButton(None)
            dialog.setMinimumDuration(500)  # only shown when the work lasts more than half a second
            dialog.setWindowModality(Qt.WindowModality.NonModal)
            self.progress_dialog = dialog
        self.progress_dialog.setLabelText(f"{what}…")
        self.progress_dialog.setMaximum(total)
        self.progress_dialog.setValue(done)

    @Slot(object, object)
    def _on_index_ready(self, engine: SearchEngine, built) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.close()
            self.progress_dialog = None
        if self.pack is None or engine.pack is not self.pack:
            engine.close()  # the pack changed while the index was opening
            return
        self.engine = engine
        if self._search_panel is not None:
            self._search_panel.set_engine(engine, self._titles())
        if built is not None:
            self.statusBar().showMessage(f"Search index rebuilt: {built.why}.", 8000)

    @Slot(str)
    def _on_index_failed(self, message: str) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.close()
            self.progress_dialog = None
        self.search_message = message
        if self._search_panel is not None:
            self._search_panel.status.setText(message)

    # -- reading comfort -----------------------------------------------------------------------
    @Slot()
    def copy_with_citation(self) -> str:
        """The selection, then a reference a meeting can use; also put on the clipboard."""
        selection = self.reader.selection_in_model()
        doc = self.reader.document_model
        if selection is None or doc is None:
            self.statusBar().showMessage("Select some words in the text first.", 5000)
            return ""
        block_id, start, end = selection
        from briefing_app.pack.location import cite_location

        text = f"“{doc.block(block_id).text[start:end]}” ({cite_location(doc, block_id)})"
        QGuiApplication.clipboard().setText(text)
        self.statusBar().showMessage("Copied with its citation.", 4000)
        return text

    @Slot()
    def _on_find(self) -> None:
        if self.pages.currentWidget() is self.reader:
            self.find_bar.open_bar()

    @Slot()
    def _on_zoom(self) -> None:
        step = self.sender().data()
        self.reader.set_zoom(1.0 if step == 0 else self.reader.zoom + step)
        self.statusBar().showMessage(f"Zoom {round(self.reader.zoom * 100)}%", 2000)

    def set_theme(self, name: str) -> str:
        self.theme = name
        actual = apply_theme(name)
        QApplication.processEvents()  # deliver the palette change before re-rendering in its colours
        for action in self.theme_group.actions():
            action.setChecked(action.data() == name)
        self.reader.rerender()
        if self._comparison_view is not None and self._comparison_view.comparison and self.pack:
            self._comparison_view.show_comparison(self._comparison_view.comparison, self.pack)
        return actual

    @Slot()
    def _on_theme(self) -> None:
        self.set_theme(self.sender().data())

    def export_document_pdf(self, path: Path) -> None:
        from briefing_app.gui.pdf import document_to_pdf

        document_to_pdf(self.reader.document(), path)

    @Slot()
    def _on_export_pdf(self) -> None:
        doc = self.reader.document_model
        if doc is None:
            return
        name, _ = dialogs.QFileDialog.getSaveFileName(self, "Export as PDF", f"{doc.id}.pdf", "PDF (*.pdf)")
        if name:
            self.export_document_pdf(Path(name))
            self.statusBar().showMessage(f"Saved {name}", 6000)

    def export_comparison(self, path: Path) -> bool:
        """Write the comparison on screen; the file name's ending picks the format (HTML otherwise)."""
        if not self._showing_comparison() or self.pack is None:
            return False
        from briefing_app.compare.export import render
        from briefing_app.gui.pdf import format_of, write_export

        comparison, pack = self.comparison_view.comparison, self.pack
        write_export(path, format_of(path) or "html", lambda fmt: render(comparison, pack, fmt))
        return True

    @Slot()
    def _on_export_comparison(self) -> None:
        if not self._showing_comparison():
            self.statusBar().showMessage("Open a comparison first (View > Comparisons).", 6000)
            return
        name, _ = dialogs.QFileDialog.getSaveFileName(
            self,
            "Export comparison",
            f"{self.comparison_view.comparison.id}.html",
            "Web page (*.html);;Markdown (*.md);;PDF (*.pdf)",
        )
        if not name:
            return
        try:
            self.export_comparison(Path(name))
        except OSError as exc:
            dialogs.QMessageBox.warning(
                self, "Export comparison", f"{name} could not be written: {exc.strerror}"
            )
            return
        self.statusBar().showMessage(f"Saved {name}", 6000)

    @Slot()
    def _on_print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.reader.document().print_(printer)

    # -- packs, bookmarks and remembered state -------------------------------------------------
    def open_pack_dir(self, folder: Path) -> None:
        self.save_settings()
        self.set_pack(*open_pack(folder))

    @Slot()
    def _on_open_pack(self) -> None:
        folder = dialogs.QFileDialog.getExistingDirectory(self, "Open a pack (a folder with pack.yaml)")
        if folder:
            self.open_pack_dir(Path(folder))

    def _remember_recent(self, pack: Pack) -> None:
        recent = [p for p in self.recent_packs() if Path(p) != pack.root.resolve()]
        recent.insert(0, str(pack.root.resolve()))
        self.settings.setValue("recent", json.dumps(recent[:8]))
        self.recent_menu.clear()
        for folder in recent[:8]:
            action = self.recent_menu.addAction(folder)
            action.setData(folder)
            action.triggered.connect(self._on_recent)

    def recent_packs(self) -> list[str]:
        value = self.settings.value("recent", "[]")
        return json.loads(value) if isinstance(value, str) else []

    @Slot()
    def _on_recent(self) -> None:
        self.open_pack_dir(Path(self.sender().data()))

    def bookmarks(self) -> list[dict]:
        if self.pack is None:
            return []
        value = self.settings.value(f"packs/{self.pack.id}/bookmarks", "[]")
        return json.loads(value) if isinstance(value, str) else []

    @Slot()
    def add_bookmark(self) -> dict | None:
        doc = self.reader.document_model
        block_id = self.reader.block_at_top()
        if doc is None or block_id is None or self.pack is None:
            return None
        from briefing_app.pack.location import cite_location

        mark = {
            "doc": doc.id,
            "block": block_id,
            "label": cite_location(doc, block_id) + " — " + doc.block(block_id).text[:50],
        }
        marks = [m for m in self.bookmarks() if m != mark] + [mark]
        self.settings.setValue(f"packs/{self.pack.id}/bookmarks", json.dumps(marks))
        self._fill_bookmarks()
        self.statusBar().showMessage("Bookmarked.", 3000)
        return mark

    def _fill_bookmarks(self) -> None:
        for action in self.bookmarks_menu.actions()[2:]:
            self.bookmarks_menu.removeAction(action)
        for mark in self.bookmarks():
            action = self.bookmarks_menu.addAction(mark["label"])
            action.setData(json.dumps(mark))
            action.triggered.connect(self._on_bookmark)

    @Slot()
    def _on_bookmark(self) -> None:
        mark = json.loads(self.sender().data())
        self._leave()
        self.open_document(mark["doc"], mark["block"])

    def restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.reader.zoom = float(self.settings.value("reader/zoom", 1.0))
        self.set_theme(str(self.settings.value("reader/theme", "system")))

    def save_settings(self) -> None:
        self.settings.setValue("settings/version", 1)
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("reader/zoom", self.reader.zoom)
        self.settings.setValue("reader/theme", self.theme)
        if self.pack is not None:
            self.settings.setValue(f"packs/{self.pack.id}/positions", json.dumps(self.positions))
            if self.reader.document_model is not None:
                self.settings.setValue(f"packs/{self.pack.id}/document", self.reader.document_model.id)
        self.settings.sync()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.save_settings()
        super().closeEvent(event)

    @Slot()
    def _on_about(self) -> None:
        from briefing_app.gui.about import show_about

        show_about(self, self.pack)
