"""Keyboard-only and screen-reader use of the window.

`Accessibility` is the controller: caret browsing (F7), the pane cycle (F6, Shift+F6), the note
markers (Alt+Down, Alt+Up), and what a screen reader is told when a marker or a search hit is
reached, or the caret enters one of the reader's highlights (an announcement, as well as the
status bar, since the focus does not move and nothing else would say it).

The window makes it after its first paint (`MainWindow.accessibility`): caret browsing and
QAccessible are not needed to draw the first screen, and importing them costs start-up time.
Names for controls that carry no text are given by `control_names.name_controls`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

from briefing_app.gui import wording
from briefing_app.gui.caret import CaretBrowsing, MarkerSteps
from briefing_app.gui.control_names import name_controls
from briefing_app.gui.focus_cycle import Pane, PaneCycle, window_panes
from briefing_app.gui.notes_sidebar import spoken_note

if TYPE_CHECKING:
    from briefing_app.gui.actions import Actions
    from briefing_app.gui.main_window import MainWindow
    from briefing_app.gui.settings import Settings
    from briefing_app.gui.workspace import Workspace
    from briefing_app.search import SearchHit


def announce(widget: QWidget, text: str) -> None:
    """Have a screen reader say `text` (politely: after what it is saying now)."""
    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


def spoken_hit(hit: SearchHit) -> str:
    return wording.HIT_REACHED.format(where=hit.location(", "), snippet=hit.snippet)


class Accessibility(QObject):
    message = Signal(str)  # a sentence for the status bar

    def __init__(
        self, actions: Actions, workspace: Workspace, settings: Settings, panes: Callable[[], list[Pane]]
    ) -> None:
        super().__init__(workspace)
        self.actions, self.workspace = actions, workspace
        reader = workspace.reader
        self.caret = CaretBrowsing(reader, settings)
        self.markers = MarkerSteps(reader)
        self.panes = PaneCycle(self, panes)
        actions.caret_browsing.setChecked(self.caret.enabled)
        reader.addActions([actions.next_note, actions.previous_note])
        # The window's actions for keyboard use, each to its slot here.
        actions.caret_browsing.triggered.connect(self.set_caret_browsing)
        actions.next_pane.triggered.connect(self.next_pane)
        actions.previous_pane.triggered.connect(self.previous_pane)
        actions.next_note.triggered.connect(self.next_note)
        actions.previous_note.triggered.connect(self.previous_note)
        self._in_highlight: str | None = None  # the annotation the caret is in
        reader.cursorPositionChanged.connect(self._on_caret_moved)
        self.caret.toggled.connect(self._on_caret_toggled)
        self.markers.reached.connect(self._on_marker_reached)
        self.markers.ended.connect(self._on_markers_ended)

    # -- the actions' slots ------------------------------------------------------------------------
    @Slot(bool)
    def set_caret_browsing(self, on: bool) -> None:
        self.caret.set_enabled(on)

    @Slot()
    def next_pane(self) -> None:
        self.panes.step(True)

    @Slot()
    def previous_pane(self) -> None:
        self.panes.step(False)

    @Slot()
    def next_note(self) -> None:
        self.markers.step(True)

    @Slot()
    def previous_note(self) -> None:
        self.markers.step(False)

    @Slot(object)
    def hit_opened(self, hit: SearchHit) -> None:
        self._say(spoken_hit(hit))

    # -- what is said ---------------------------------------------------------------------------------
    def _say(self, text: str) -> None:
        self.message.emit(text)
        announce(self.workspace.reader, text)

    @Slot(bool)
    def _on_caret_toggled(self, on: bool) -> None:
        self.actions.caret_browsing.setChecked(on)
        self._say(wording.CARET_ON if on else wording.CARET_OFF)

    @Slot(str)
    def _on_marker_reached(self, key: str) -> None:
        doc = self.workspace.document
        note = doc.note(key) if doc is not None else None
        if note is None:
            return
        self.workspace.notes.select_note(key, flash=self.workspace.notes_showing())
        self._say(wording.NOTE_REACHED.format(note=spoken_note(note)))

    @Slot()
    def _on_caret_moved(self) -> None:
        if not self.caret.enabled:
            return
        reader = self.workspace.reader
        here = reader.annotation_at(reader.textCursor().position())
        if here == self._in_highlight:
            return
        self._in_highlight = here
        if here is not None:
            comment = next((c for a, _, _, c in reader.annotation_spans if a == here), "")
            self._say(
                wording.IN_HIGHLIGHT_COMMENTED.format(comment=comment) if comment else wording.IN_HIGHLIGHT
            )

    @Slot(bool)
    def _on_markers_ended(self, forward: bool) -> None:
        self._say(wording.NO_NOTE_AFTER if forward else wording.NO_NOTE_BEFORE)


def for_window(window: MainWindow) -> Accessibility:
    """The window's controller, wired to its search hits and status bar, and names for the
    window's controls that carry no text."""
    name_controls(window)
    made = Accessibility(window.actions, window.workspace, window.settings, lambda: window_panes(window))
    window.searching.hitOpened.connect(made.hit_opened)
    made.message.connect(window.show_status)
    return made
