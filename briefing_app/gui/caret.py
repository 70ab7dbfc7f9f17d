"""The reading pane from the keyboard: caret browsing (F7), Tab leaving the text, note markers stepped.

A QTextBrowser lets the mouse select text but not the keyboard, and its Tab key walks every link
before it lets the focus go (32 presses in SN05993). With caret browsing on, a visible caret moves
with the arrow keys and Shift (with Ctrl for words, Home/End for lines) selects, so highlighting,
comments and Copy with Citation need no mouse. Tab and Shift+Tab always leave the text; the note
markers have their own keys (Alt+Down, Alt+Up), and Enter on a marker opens its note.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAccessible, QTextCursor
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from briefing_app.gui.reader import ReaderView
    from briefing_app.gui.settings import Settings

CARET_WIDTH = 2  # px: Qt's 1 px caret is easily lost in a page of text
KEYBOARD_REASONS = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
)


class CaretBrowsing(QObject):
    """The caret-browsing mode of one reading pane, and Tab leaving it.

    Until the reader chooses with F7 (remembered in the settings), it turns itself on when a
    screen reader is running or when the focus first reaches the text by keyboard (Tab, F6, a
    shortcut): someone reading with the keyboard gets a caret without having to know about F7."""

    toggled = Signal(bool)

    def __init__(self, reader: ReaderView, settings: Settings) -> None:
        super().__init__(reader)
        self.reader = reader
        self.settings = settings
        choice = settings.caret_browsing()
        self._chosen = choice is not None
        self._set(bool(choice) or (choice is None and QAccessible.isActive()))
        reader.installEventFilter(self)

    @property
    def enabled(self) -> bool:
        return bool(self.reader.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard)

    def set_enabled(self, on: bool) -> None:
        """Turn caret browsing on or off, as the reader's own choice (remembered)."""
        self._chosen = True
        self.settings.set_caret_browsing(on)
        self._set(on)

    def _set(self, on: bool) -> None:
        flags = self.reader.textInteractionFlags()
        keyboard = Qt.TextInteractionFlag.TextSelectableByKeyboard
        flags = flags | keyboard if on else flags & ~keyboard
        if flags == self.reader.textInteractionFlags():
            return
        self.reader.setTextInteractionFlags(flags)
        self.reader.setCursorWidth(CARET_WIDTH if on else 1)
        if on:
            self._caret_into_view()
        self.toggled.emit(on)

    def _caret_into_view(self) -> None:
        # The caret starts where the reader is looking, not at the top of the document.
        visible = self.reader.viewport().rect()
        if not visible.intersects(self.reader.cursorRect()):
            self.reader.setTextCursor(self.reader.cursorForPosition(visible.topLeft() + QPoint(4, 24)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        kind = event.type()
        if kind == QEvent.Type.FocusIn and not self._chosen and not self.enabled:
            if event.reason() in KEYBOARD_REASONS or QAccessible.isActive():
                self._set(True)
        elif kind == QEvent.Type.KeyPress and _is_tab(event):
            # QWidget's own step, not QTextBrowser's, which visits every link first.
            QWidget.focusNextPrevChild(self.reader, event.key() == Qt.Key.Key_Tab)
            return True
        return False


def _is_tab(event) -> bool:
    tab = event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
    return tab and not event.modifiers() & Qt.KeyboardModifier.ControlModifier


class MarkerSteps(QObject):
    """The next or previous note marker from the caret, selected, so that Enter opens its note;
    `reached` says which note (for the status bar, the sidebar and a screen reader)."""

    reached = Signal(str)  # note key
    ended = Signal(bool)  # no marker further that way (True: going forward)

    def __init__(self, reader: ReaderView) -> None:
        super().__init__(reader)
        self.reader = reader

    def markers(self) -> list[tuple[int, str]]:
        """Every marker in the text as (position, note key), in reading order."""
        markers = self.reader.render_map.markers
        return sorted((p, key) for key, positions in markers.items() for p in positions)

    def step(self, forward: bool = True) -> str | None:
        """Select the marker after (or before) the caret; the note key, or None at the end."""
        markers = self.markers()
        positions = [p for p, _ in markers]
        cursor = self.reader.textCursor()
        if forward:
            i = bisect_right(positions, cursor.selectionStart())
        else:
            i = bisect_left(positions, cursor.selectionStart()) - 1
        if not 0 <= i < len(markers):
            self.ended.emit(forward)
            return None
        position, key = markers[i]
        doc = self.reader.document_model
        note = doc.note(key) if doc is not None else None
        cursor.setPosition(position)
        cursor.setPosition(position + len(note.label if note else key), QTextCursor.MoveMode.KeepAnchor)
        self.reader.setTextCursor(cursor)
        self._into_view()
        self.reached.emit(key)
        return key

    def _into_view(self) -> None:
        # Into the middle of the view when near an edge: the eye finds it, and the text around it.
        rect, height = self.reader.cursorRect(), self.reader.viewport().height()
        if rect.top() < height * 0.15 or rect.bottom() > height * 0.85:
            bar = self.reader.verticalScrollBar()
            bar.setValue(bar.value() + rect.center().y() - height // 2)
