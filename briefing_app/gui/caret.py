"""The reading pane from the keyboard: caret browsing (F7), Tab leaving the text, note markers stepped.

A QTextBrowser lets the mouse select text but not the keyboard, and its Tab key walks every link
before it lets the focus go (32 presses in SN05993). With caret browsing on, a visible caret moves
with the arrow keys and Shift (with Ctrl for words, Home/End for lines) selects, so highlighting,
comments and Copy with Citation need no mouse. Tab and Shift+Tab always leave the text; the note
markers have their own keys (Alt+Down, Alt+Up), and Enter on a marker opens its note.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QEvent, QObject, QPoint, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAccessible, QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QWidget

SETTING = "reader/caretBrowsing"  # "on" or "off" once the reader chose with F7; absent: automatic
KEYBOARD_REASONS = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
)


class CaretBrowsing(QObject):
    """Owns the caret-browsing mode of one reading pane and the F7 action that toggles it.

    Until the reader chooses with F7 (remembered), it turns itself on when a screen reader is
    running or when the focus first reaches the text by keyboard (Tab, F6, a shortcut)."""

    toggled = Signal(bool)

    def __init__(self, reader: QTextBrowser, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self.settings = QSettings()
        self.action = QAction("&Caret Browsing", parent)
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence(Qt.Key.Key_F7))
        self.action.setToolTip("Move a caret through the text with the arrow keys; Shift selects (F7)")
        choice = self.settings.value(SETTING)
        self._chosen = choice in ("on", "off")
        self._set(choice == "on" or (not self._chosen and QAccessible.isActive()))
        reader.installEventFilter(self)
        self.action.triggered.connect(self._on_triggered)

    @property
    def enabled(self) -> bool:
        return bool(self.reader.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard)

    def set_enabled(self, on: bool) -> None:
        """Turn caret browsing on or off, as the reader's own choice (remembered)."""
        self._chosen = True
        self.settings.setValue(SETTING, "on" if on else "off")
        self._set(on)

    def _set(self, on: bool) -> None:
        flags = self.reader.textInteractionFlags()
        keyboard = Qt.TextInteractionFlag.TextSelectableByKeyboard
        flags = flags | keyboard if on else flags & ~keyboard
        if flags == self.reader.textInteractionFlags():
            self.action.setChecked(on)
            return
        self.reader.setTextInteractionFlags(flags)
        self.action.setChecked(on)
        if on:
            self._caret_into_view()
        self.toggled.emit(on)

    def _caret_into_view(self) -> None:
        # The caret starts where the reader is looking, not at the top of the document.
        visible = self.reader.viewport().rect()
        cursor = self.reader.textCursor()
        if not visible.intersects(self.reader.cursorRect(cursor)):
            cursor = self.reader.cursorForPosition(visible.topLeft() + QPoint(4, 24))
            self.reader.setTextCursor(cursor)

    @Slot(bool)
    def _on_triggered(self, checked: bool) -> None:
        self.set_enabled(checked)

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
    """Alt+Down and Alt+Up in the text: select the next or previous note marker, so Enter opens
    it; `reached` says which note, for the status bar, the sidebar and a screen reader."""

    reached = Signal(str)  # note key
    ended = Signal(bool)  # no marker further that way (True: going forward)

    def __init__(self, reader: QTextBrowser, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self.next_action = QAction("Next Note Marker", reader)
        self.next_action.setShortcut(QKeySequence("Alt+Down"))
        self.previous_action = QAction("Previous Note Marker", reader)
        self.previous_action.setShortcut(QKeySequence("Alt+Up"))
        for action in (self.next_action, self.previous_action):
            # Only in the text: Alt+Down elsewhere opens a combo box's list.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            reader.addAction(action)
        self.next_action.triggered.connect(lambda: self.step(True))
        self.previous_action.triggered.connect(lambda: self.step(False))

    def markers(self) -> list[tuple[int, str]]:
        """Every marker in the text as (position, note key), in reading order."""
        markers = self.reader.render_map.markers
        return sorted((p, key) for key, positions in markers.items() for p in positions)

    def step(self, forward: bool = True) -> str | None:
        """Select the marker after (or before) the caret; the note key, or None at the end."""
        markers = self.markers()
        cursor = self.reader.textCursor()
        positions = [p for p, _ in markers]
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
        self.reader.ensureCursorVisible()
        self.reached.emit(key)
        return key
