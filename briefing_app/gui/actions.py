"""Every action of the window and the menus that show them, declared once, away from the window.

Actions are plain QActions with their words and shortcuts; the window connects each to the
controller that does the work. Each is added to the window too, so its shortcut works while the
menu bar is hidden or a panel has focus.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QMenuBar, QToolButton, QWidget

from briefing_app.annotations.colours import COLOURS
from briefing_app.gui import wording
from briefing_app.gui.themes import THEMES

Key = QKeySequence.StandardKey


class Actions:
    def __init__(self, window: QWidget, undo_stack: QUndoStack) -> None:
        self.window = window
        a = self._action
        self.open_pack = a("&Open Pack…", Key.Open)
        self.new_pack = a("&New Pack from PDFs…", Key.New, tip="Make a pack from a meeting's PDF papers")
        self.add_papers = a("&Add Papers to Pack…", tip="Add PDF papers (a supplement) to the open pack")
        self.print = a("&Print…", Key.Print)
        self.print_preview = a("Print Pre&view…", tip="See the pages as they will print")
        self.export_pdf = a("&Export Document as PDF…", tip="Save the document on screen as a PDF")
        self.export_comparison = a(
            "Export &Comparison…", tip="Save the comparison on screen as HTML, Markdown or PDF"
        )
        self.quit = a("&Quit", Key.Quit)
        self.undo = undo_stack.createUndoAction(window, "&Undo")
        self.undo.setShortcut(Key.Undo)
        self.redo = undo_stack.createRedoAction(window, "&Redo")
        self.redo.setShortcut(Key.Redo)
        self.copy_citation = a("Copy with &Citation", "Ctrl+Shift+C")
        self.find = a("&Find in Document…", Key.Find)
        self.goto = a("&Go to Paragraph, Page or Note…", "Ctrl+L")
        self.highlight = a("&Highlight Selection", "Ctrl+Alt+H", data="yellow")
        self.colours = [a(name.capitalize(), data=name) for name in COLOURS]
        self.comment = a("&Comment…", "Ctrl+Alt+M")
        self.tags = a("&Tags…", "Ctrl+Alt+T")
        self.annotations_panel = a("&Annotations Panel", "Ctrl+Shift+A", tip="Show or hide your annotations")
        self.search_pack = a("&Search the Pack…", "Ctrl+Shift+F")
        self.next_hit = a("&Next Hit", Key.FindNext)
        self.previous_hit = a("&Previous Hit", Key.FindPrevious)
        self.notes_sidebar = a(
            "&Notes Sidebar", "Ctrl+Shift+N", tip="Show or hide the notes of this document"
        )
        self.sources = a("&Sources Cited in the Pack…")
        self.back = a("Back", Key.Back, tip="Back to where you were (Alt+Left)")
        self.forward = a("Forward", Key.Forward, tip="Forward again (Alt+Right)")
        self.back.setEnabled(False)
        self.forward.setEnabled(False)
        self.zoom = [
            a("Zoom &In", Key.ZoomIn, data=0.1),
            a("Zoom &Out", Key.ZoomOut, data=-0.1),
            a("&Actual Size", "Ctrl+0", data=0.0),
        ]
        self.theme_group = QActionGroup(window)
        self.themes = [a(wording.THEME_NAMES[name], data=name) for name in THEMES]
        for action in self.themes:
            action.setCheckable(True)
            self.theme_group.addAction(action)
        # Keyboard use (gui/accessibility.py does the work).
        self.caret_browsing = a(
            "&Caret Browsing", "F7", tip="A caret in the text; Shift and the arrows select"
        )
        self.caret_browsing.setCheckable(True)
        self.next_pane = a("Next &Pane", "F6", tip="Documents, contents, text, side panel, search box")
        self.previous_pane = a("Previous Pan&e", "Shift+F6")
        self.next_note = a("Next Note &Marker", "Alt+Down", tip="In the text: select the next note marker")
        self.previous_note = a("Previous Note Mar&ker", "Alt+Up")
        for action in (self.next_note, self.previous_note):
            # Only in the text: elsewhere Alt+Down opens a combo box's list.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.add_bookmark = a("&Bookmark This Place", "Ctrl+D")
        self.edit_bookmarks = a("&Edit Bookmarks…", tip="Rename or delete bookmarks")
        self.about = a("&About Briefing")
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        window.addActions([self.undo, self.redo])

    def _action(self, text: str, shortcut=None, tip: str | None = None, data=None) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
        if data is not None:
            action.setData(data)
        self.window.addAction(action)
        return action

    def build_menus(self, bar: QMenuBar) -> None:
        """The menu bar: File, Edit, Annotate, Search, View, Bookmarks, Help."""
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.open_pack)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        file_menu.addActions([self.new_pack, self.add_papers])
        file_menu.addSeparator()
        file_menu.addActions([self.print, self.print_preview, self.export_pdf, self.export_comparison])
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.copy_citation, self.find, self.goto])
        annotate_menu = bar.addMenu("&Annotate")
        annotate_menu.addAction(self.highlight)
        self.colour_menu = annotate_menu.addMenu("Highlight in &Colour")
        self.colour_menu.addActions(self.colours)
        annotate_menu.addActions([self.comment, self.tags, self.annotations_panel])
        search_menu = bar.addMenu("&Search")
        search_menu.addActions([self.search_pack, self.next_hit, self.previous_hit])
        view_menu = bar.addMenu("&View")
        view_menu.addActions([self.notes_sidebar, self.sources])
        self.comparisons_menu = view_menu.addMenu("&Comparisons")
        view_menu.addSeparator()
        view_menu.addActions([self.back, self.forward])
        view_menu.addSeparator()
        view_menu.addActions(self.zoom)
        theme_menu = view_menu.addMenu("&Theme")
        theme_menu.addActions(self.themes)
        view_menu.addSeparator()
        view_menu.addActions(
            [self.caret_browsing, self.next_pane, self.previous_pane, self.next_note, self.previous_note]
        )
        self.bookmarks_menu = bar.addMenu("&Bookmarks")
        self.bookmarks_menu.addActions([self.add_bookmark, self.edit_bookmarks])
        self.bookmarks_menu.addSeparator()
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.about)

    def highlight_button(self, parent: QWidget) -> QToolButton:
        """The toolbar's Highlight button: a click highlights in yellow, its arrow picks a colour."""
        button = QToolButton(parent)
        button.setText("Highlight")
        button.setToolTip("Highlight the selection (Ctrl+Alt+H); the arrow picks the colour")
        button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        button.setDefaultAction(self.highlight)
        button.setMenu(self.colour_menu)
        return button

    def compare_button(self, parent: QWidget) -> QToolButton:
        button = QToolButton(parent)
        button.setText("Compare")
        button.setToolTip("Open a side-by-side comparison")
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setMenu(self.comparisons_menu)
        return button


def fill_menu(menu: QMenu, entries: list[tuple[str, object]], slot, keep: int = 0) -> None:
    """Replace the entries of `menu` after its first `keep` actions: (text, data), each to `slot`."""
    for action in menu.actions()[keep:]:
        menu.removeAction(action)
    for text, data in entries:
        action = menu.addAction(text)
        action.setData(data)
        action.triggered.connect(slot)
