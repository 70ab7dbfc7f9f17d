"""The main window: a switchboard. It lays out the panes, switches views and connects the
controllers' signals; the work is done by the controllers it is given or makes:

    Workspace    what is on screen (a document or a comparison) and the panes beside the reader
    Navigator    every jump, Back and Forward, the place in each document, Go to "para 5.2"
    Bookmarks    places kept per pack
    Annotating   the reader's highlights and comments, their panel, undo, export and import
    Searching    the search field and results, and the index's life cycle
    Exports      printing and PDF export of what is on screen
    Packs        opening packs (read off the GUI thread), Open Recent, New Pack from PDFs, Add Papers
    Appearance   zoom and theme
    Accessibility  caret browsing, moving between panes, note markers, what a screen reader is told
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from briefing_app.gui import docks, plain, wording
from briefing_app.gui.actions import Actions, fill_menu
from briefing_app.gui.annotating import Annotating
from briefing_app.gui.appearance import Appearance
from briefing_app.gui.bookmarks import Bookmarks
from briefing_app.gui.document_list import DocumentList
from briefing_app.gui.exports import Exports
from briefing_app.gui.left_column import LeftColumn
from briefing_app.gui.navigation import Navigator
from briefing_app.gui.notes_sidebar import NotesSidebar
from briefing_app.gui.packs import Packs
from briefing_app.gui.problems import ProblemsBanner
from briefing_app.gui.reader import ReaderView
from briefing_app.gui.search_controller import Searching
from briefing_app.gui.services import Services
from briefing_app.gui.settings import KEY_GEOMETRY, KEY_SPLITTER, KEY_STATE
from briefing_app.gui.toc import TocView
from briefing_app.gui.toolbar import MainToolBar
from briefing_app.gui.workspace import Workspace
from briefing_app.pack.citing import quote_with_citation
from briefing_app.pack.model import Pack, Problem

if TYPE_CHECKING:
    from briefing_app.compare import Comparison
    from briefing_app.gui.accessibility import Accessibility
    from briefing_app.gui.find_bar import FindBar
    from briefing_app.gui.pack_loader import LoadedComparisons


class MainWindow(QMainWindow):
    def __init__(self, services: Services | None = None) -> None:
        super().__init__()
        self.services = services or Services.default()
        self.settings = self.services.settings
        self.pack: Pack | None = None
        self.comparisons: list[Comparison] = []
        self.painted = False
        self._comparison_problems: list[Problem] = []
        self._fatal: str | None = None
        self._find_bar: FindBar | None = None
        self.setObjectName("mainWindow")
        self.setWindowTitle(wording.APP)

        # -- the panes ---------------------------------------------------------------------------
        self.documents = DocumentList(self)
        self.toc = TocView(self)
        self.reader = ReaderView(self)
        self.notes = NotesSidebar(self)
        self.banner = ProblemsBanner(self)
        self.status_label = plain.label(QLabel(self))  # it names documents: their titles are pack text
        self.notes_dock = docks.make(self, "Notes", "notesDock", 320)
        self.notes_dock.setWidget(self.notes)
        self.search_dock = docks.make(self, "Search", "searchDock", 340)
        self.annotations_dock = docks.make(self, "Annotations", "annotationsDock", 320)

        # -- the controllers -----------------------------------------------------------------------
        self.workspace = Workspace(
            self, self.documents, self.toc, self.reader, self.notes, self.notes_dock, self.status_label
        )
        self.pages = self.workspace.pages
        self.navigator = Navigator(self.workspace, self.settings)
        self.annotating = Annotating(self.services, self.navigator, self.annotations_dock)
        self.actions = Actions(self, self.annotating.undo_stack)
        self.actions.build_menus(self.menuBar())
        self.toolbar = MainToolBar(self.actions, self)
        self.search_field = self.toolbar.search_field
        self.compare_button = self.toolbar.compare_button
        self.searching = Searching(
            self.services, self.navigator, self.annotating, self.search_field, self.search_dock
        )
        self.exports = Exports(self.services, self.workspace, self.annotating)
        self.bookmarks = Bookmarks(self.actions.bookmarks_menu, self.settings, self.navigator)
        self.packs = Packs(self.services, self.actions.recent_menu, self)
        self.complete = True  # False while the pack shown is still being read
        self.appearance = Appearance(self.workspace, self.settings, self.actions.theme_group)
        self._accessibility: Accessibility | None = None  # made after the first paint

        self._lay_out()
        self._connect_signals()

    def _lay_out(self) -> None:
        self.left = left = LeftColumn(self.documents, self.toc, self)
        right = QWidget(self)
        self._right_layout = QVBoxLayout(right)
        self._right_layout.setContentsMargins(0, 0, 0, 0)
        self._right_layout.setSpacing(0)
        self._right_layout.addWidget(self.banner)
        self._right_layout.addWidget(self.pages, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([320, 960])
        self.setCentralWidget(self.splitter)
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.workspace.page_sync.switch)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        for dock in (self.notes_dock, self.search_dock, self.annotations_dock):
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.tabifyDockWidget(self.notes_dock, self.search_dock)
        self.tabifyDockWidget(self.notes_dock, self.annotations_dock)
        self.search_dock.hide()
        self.notes_dock.raise_()

    def _connect_signals(self) -> None:
        a, nav, ws = self.actions, self.navigator, self.workspace
        # menus and shortcuts -> the controllers that do the work
        a.open_pack.triggered.connect(self.packs.ask_open)
        a.new_pack.triggered.connect(self.packs.making.ask_new)
        a.add_papers.triggered.connect(self.packs.making.ask_add)
        a.print.triggered.connect(self.exports.ask_print)
        a.print_preview.triggered.connect(self.exports.ask_preview)
        a.export_pdf.triggered.connect(self.exports.ask_export_pdf)
        a.export_comparison.triggered.connect(self.exports.ask_export_comparison)
        a.quit.triggered.connect(self.close)
        a.copy_citation.triggered.connect(self.copy_with_citation)
        a.find.triggered.connect(self._on_find)
        a.goto.triggered.connect(self.toolbar.goto_box.open_box)
        a.highlight.triggered.connect(self._on_colour_action)
        for action in a.colours:
            action.triggered.connect(self._on_colour_action)
        a.comment.triggered.connect(self.annotating.ask_comment)
        a.tags.triggered.connect(self.annotating.ask_tags)
        a.annotations_panel.triggered.connect(lambda: docks.toggle(self.annotations_dock))
        a.notes_sidebar.triggered.connect(lambda: docks.toggle(self.notes_dock))
        a.search_pack.triggered.connect(self.searching.focus_field)
        a.next_hit.triggered.connect(self.searching.next_hit)
        a.previous_hit.triggered.connect(self.searching.previous_hit)
        a.sources.triggered.connect(self._on_sources)
        a.back.triggered.connect(nav.back)
        a.forward.triggered.connect(nav.forward)
        for action in a.zoom:
            action.triggered.connect(self.appearance.on_zoom_action)
        for action in a.themes:
            action.triggered.connect(self.appearance.on_theme_action)
        a.add_bookmark.triggered.connect(self.bookmarks.add)
        a.edit_bookmarks.triggered.connect(self.bookmarks.edit)
        a.about.triggered.connect(self._on_about)
        # requests from the panes -> jumps, each recorded for Back
        self.documents.documentRequested.connect(nav.jump)
        self.documents.comparisonRequested.connect(nav.jump_to_comparison)
        self.toc.blockRequested.connect(nav.jump_in_document)
        self.reader.documentLinkActivated.connect(nav.jump)
        self.notes.noteChosen.connect(nav.jump_to_marker)
        ws.quoteActivated.connect(self._on_quote_activated)
        self.toolbar.goto_box.placeRequested.connect(self._on_goto)
        self.toolbar.goto_box.dismissed.connect(self.reader.setFocus)
        nav.historyChanged.connect(self._on_history_changed)
        self.packs.opened.connect(self.set_pack)
        self.packs.failed.connect(self.packs.tell)
        self.annotations_dock.visibilityChanged.connect(self._on_annotations_dock)
        self.annotating.storeFailed.connect(self._show_problems)
        # what the controllers have to say -> the status bar
        sources = (nav, self.annotating, self.searching, self.exports, self.bookmarks, self.appearance)
        for source in sources:
            source.message.connect(self.show_status)
        self.packs.message.connect(self.show_status)

    # -- switching what is shown ----------------------------------------------------------------
    def set_pack(
        self,
        pack: Pack | None,
        error: str | None = None,
        comparisons: LoadedComparisons | None = None,
        complete: bool = True,
    ) -> None:
        """Show `pack`, with its comparisons and their problems (read here when not given). While
        it is not `complete` (its first papers shown, the rest being read) search and annotations wait."""
        self.navigator.save()  # the old pack's places
        self.searching.set_pack(pack if complete else None)
        self.annotating.set_pack(pack if complete else None)
        self.pack, self.complete = pack, complete
        if comparisons is None:
            from briefing_app.compare import load_comparisons

            comparisons = load_comparisons(pack) if pack else ([], [])
        self.comparisons, comparison_problems = comparisons
        self.workspace.set_pack(pack, self.comparisons)
        self.left.fit_documents()
        fill_menu(
            self.actions.comparisons_menu, [(c.title, c.id) for c in self.comparisons], self._on_comparison
        )
        self.compare_button.setEnabled(bool(self.comparisons))
        self._comparison_problems, self._fatal = list(comparison_problems), error
        self._show_problems()
        self.packs.set_pack(pack)
        self.bookmarks.set_pack(pack)
        self.navigator.set_pack(pack)
        if pack is None:
            self.setWindowTitle(wording.APP)
            self.workspace.show_message(wording.PACK_NOT_OPENED.format(error=error))
            return
        self.setWindowTitle(f"{pack.title} — {wording.APP}")
        if not pack.documents:
            self.workspace.show_message(wording.NO_DOCUMENT_OPENED)
        elif self.painted:  # opening the index competes with drawing the window: after the first paint
            QTimer.singleShot(0, self, self._after_paint)

    def open_document(self, doc_id: str, block_id: str | None = None) -> bool:
        """Show a document (at a block, or where the reader left it), without a history entry."""
        return self.navigator.show_document(doc_id, block_id)

    def open_comparison(self, comparison_id: str) -> bool:
        return self.workspace.open_comparison(comparison_id)

    @property
    def comparison_view(self):
        return self.workspace.comparison_view

    @property
    def find_bar(self) -> FindBar:
        if self._find_bar is None:
            from briefing_app.gui.find_bar import FindBar

            self._find_bar = FindBar(self.reader, self.pages.parentWidget())
            self._right_layout.addWidget(self._find_bar)
        return self._find_bar

    # -- kept for scripts and benches that drive the window ------------------------------------------
    @property
    def search_ready(self) -> bool:
        return self.searching.is_ready

    @property
    def search_panel(self):
        return self.searching.panel

    def _show_problems(self, *_args) -> None:
        extra = list(self._comparison_problems)
        if self.annotating.store_error:
            extra.append(Problem("annotations", None, self.annotating.store_error))
        self.banner.set_problems([*(self.pack.problems if self.pack else ()), *extra], fatal=self._fatal)

    # -- handlers ---------------------------------------------------------------------------------------
    @Slot()
    def copy_with_citation(self) -> str:
        """The selection, then a reference a meeting can use; also put on the clipboard."""
        doc = self.workspace.document
        text = quote_with_citation(doc, self.reader.selection_ranges()) if doc else ""
        if not text:
            self.show_status(wording.SELECT_FIRST)
            return ""
        QGuiApplication.clipboard().setText(text)
        self.show_status(wording.COPIED_WITH_CITATION)
        return text

    @Slot()
    def _on_colour_action(self) -> None:
        self.annotating.highlight(self.sender().data())

    @Slot()
    def _on_find(self) -> None:
        if self.workspace.document is not None:
            self.find_bar.open_bar()

    @Slot(str)
    def _on_goto(self, text: str) -> None:
        if self.navigator.go_to(text):
            self.reader.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _on_comparison(self) -> None:
        self.navigator.jump_to_comparison(self.sender().data())

    @Slot(object)
    def _on_quote_activated(self, quote) -> None:
        self.navigator.jump(quote.doc, quote.block)
        self.reader.set_highlights({quote.block: ((quote.start, quote.end),)}, current=quote.block)
        self.show_status(wording.BACK_TO_COMPARISON)

    @Slot(bool, bool)
    def _on_history_changed(self, back: bool, forward: bool) -> None:
        self.actions.back.setEnabled(back)
        self.actions.forward.setEnabled(forward)

    @Slot(bool)
    def _on_annotations_dock(self, visible: bool) -> None:
        if visible:  # restored open, or its tab chosen: it needs its contents now
            _ = self.annotating.panel

    @Slot(str)
    def show_status(self, text: str) -> None:
        """A sentence in the status bar, for a few seconds."""
        self.statusBar().showMessage(text, 6000)

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
        self.navigator.jump(doc_id)
        docks.bring_forward(self.notes_dock)
        self.notes.select_note(key)
        self.reader.scroll_to_marker(key)

    @Slot()
    def _on_about(self) -> None:
        from briefing_app.gui.about import show_about

        show_about(self, self.pack)

    # -- start-up, remembered state, shut-down ------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            QTimer.singleShot(0, self, self._after_paint)

    @property
    def accessibility(self) -> Accessibility:
        """Keyboard and screen-reader use: made after the first paint, or when first asked for."""
        if self._accessibility is None:
            from briefing_app.gui.accessibility import for_window

            self._accessibility = for_window(self)
        return self._accessibility

    @Slot()
    def _after_paint(self) -> None:
        """What the first screen does not need: keyboard and screen-reader use, the search index
        and the annotations."""
        self.accessibility  # noqa: B018 (made here, where it no longer delays the first paint)
        if self.pack is not None and self.complete:
            self.searching.start(self.pack)
        self.annotating.load()

    def restore_settings(self) -> None:
        for key, restore in (
            (KEY_GEOMETRY, self.restoreGeometry),
            (KEY_STATE, self.restoreState),
            (KEY_SPLITTER, self.splitter.restoreState),
        ):
            if (value := self.settings.window_bytes(key)) is not None:
                restore(value)
        self.appearance.restore()

    def save_settings(self) -> None:
        self.settings.set_window_bytes(KEY_GEOMETRY, self.saveGeometry())
        self.settings.set_window_bytes(KEY_STATE, self.saveState())
        self.settings.set_window_bytes(KEY_SPLITTER, self.splitter.saveState())
        self.appearance.save()
        self.navigator.save()
        self.settings.sync()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.save_settings()
        # Closing quits: stop the workers and wait for them (one left running crashed the exit, 139).
        self.searching.close(wait=5.0)
        for view in self.findChildren(QAbstractScrollArea, "pageView"):
            view.renderer.finish(5.0)
        super().closeEvent(event)

    def save_screenshot(self, path: Path) -> bool:
        self.workspace.settle()  # a PDF paper's pages on screen drawn, not blank sheets
        return self.grab().save(str(path), "PNG")
