"""The window from the keyboard alone: caret browsing, moving between panes, leaving the text,
stepping to note markers; named rows; the high-contrast theme; popups kept on screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from briefing_app.gui.on_screen import popup_position
from briefing_app.gui.search_panel import HIT_ROLE
from tests.gui.conftest import make_window

Shift, Ctrl, Alt = (
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.AltModifier,
)


@pytest.fixture
def window(qtbot, bundled_pack):
    return make_window(qtbot, bundled_pack)


def focus(qtbot, widget) -> None:
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    """Real key presses, to whatever has the focus (as a person's keyboard does)."""
    for _ in range(times):
        qtbot.keyClick(QApplication.focusWidget() or window, key, modifiers)


def at_paragraph(qtbot, window, number: str):
    """LGA Item 3 open, the reader focused and its caret at the start of paragraph `number`."""
    window.open_document("lga-item-3")
    block = next(b for b in window.reader.document_model.blocks if b.number == number)
    window.reader.scroll_to_block(block.id)
    focus(qtbot, window.reader)
    return block


def test_f7_caret_then_shift_ctrl_arrows_select_for_highlight_and_copy_with_citation(window, qtbot):
    block = at_paragraph(qtbot, window, "5.2")
    assert not window.accessibility.caret.enabled  # a mouse user's start: no caret
    press(qtbot, window, Qt.Key.Key_F7)
    assert window.accessibility.caret.enabled and window.actions.caret_browsing.isChecked()
    assert window.reader.textCursor().position() == window.reader.render_map.blocks[block.id].start
    words = block.text.split()[:4]
    press(qtbot, window, Qt.Key.Key_Right, Shift | Ctrl, times=4)
    assert window.reader.textCursor().selectedText().split() == words
    press(qtbot, window, Qt.Key.Key_C, Ctrl | Shift)  # Copy with Citation
    quote = " ".join(words)
    assert QGuiApplication.clipboard().text() == f"“{quote}” (LGA Item 3, para 5.2)"
    press(qtbot, window, Qt.Key.Key_H, Ctrl | Alt)  # Highlight Selection
    (resolved,) = window.annotating.resolved
    assert resolved.annotation.selector.quote == quote and resolved.block == block.id


def test_the_caret_entering_a_highlight_says_so_with_its_comment(window, qtbot):
    block = at_paragraph(qtbot, window, "5.2")
    press(qtbot, window, Qt.Key.Key_F7)
    press(qtbot, window, Qt.Key.Key_Right, Shift | Ctrl, times=2)
    (annotation_id,) = window.annotating.highlight("green")
    window.annotating.set_comment(annotation_id, "Ask about this")
    press(qtbot, window, Qt.Key.Key_Home)  # out of it, to the start of the line
    window.statusBar().clearMessage()
    press(qtbot, window, Qt.Key.Key_Right, times=len(block.number or "") + 3)
    assert window.statusBar().currentMessage() == "In your highlight. Your comment: Ask about this"


def test_shift_arrows_and_shift_end_select_by_letter_and_line(window, qtbot):
    block = at_paragraph(qtbot, window, "5.2")
    press(qtbot, window, Qt.Key.Key_F7)
    press(qtbot, window, Qt.Key.Key_Right, Shift, times=3)
    assert window.reader.textCursor().selectedText() == block.text[:3]
    press(qtbot, window, Qt.Key.Key_End, Shift)
    line = window.reader.textCursor().selectedText()
    assert len(line) > 20 and block.text.startswith(line.rstrip())
    press(qtbot, window, Qt.Key.Key_Home, Shift)  # back to the start of the line: at most the number
    assert len(window.reader.textCursor().selectedText()) <= len(block.number) + 1


def test_f7_is_remembered_and_reaching_the_text_by_keyboard_turns_the_caret_on(window, qtbot, bundled_pack):
    focus(qtbot, window.documents)
    press(qtbot, window, Qt.Key.Key_F6, times=2)  # documents -> contents -> text
    assert window.reader.hasFocus()
    assert window.accessibility.caret.enabled  # reached by keyboard: a caret at once
    press(qtbot, window, Qt.Key.Key_F7)
    assert not window.accessibility.caret.enabled
    again = make_window(qtbot, bundled_pack)  # a restart: the choice is kept
    focus(qtbot, again.documents)
    press(qtbot, again, Qt.Key.Key_F6, times=2)
    assert again.reader.hasFocus() and not again.accessibility.caret.enabled


def test_f6_and_shift_f6_cycle_the_panes(window, qtbot):
    window.open_document("sn05993")
    focus(qtbot, window.documents)
    visited = []
    for _ in range(5):
        press(qtbot, window, Qt.Key.Key_F6)
        visited.append(QApplication.focusWidget())
    assert visited == [window.toc, window.reader, window.notes.list, window.search_field, window.documents]
    press(qtbot, window, Qt.Key.Key_F6, Shift)
    assert QApplication.focusWidget() is window.search_field
    # With the search results in front, they are the right-hand pane.
    window.searching.focus_field()
    press(qtbot, window, Qt.Key.Key_F6, Shift)
    assert QApplication.focusWidget() is window.search_panel.results


def test_tab_and_shift_tab_leave_the_text_at_once(window, qtbot):
    window.open_document("sn05993")  # 32 links and markers that Tab used to visit first
    for key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
        focus(qtbot, window.reader)
        press(qtbot, window, key, Shift if key == Qt.Key.Key_Backtab else Qt.KeyboardModifier.NoModifier)
        now = QApplication.focusWidget()
        assert now is not window.reader and not window.reader.isAncestorOf(now), key


def test_alt_down_and_alt_up_step_through_note_markers(window, qtbot):
    window.open_document("sn05993")
    focus(qtbot, window.reader)
    doc = window.reader.document_model
    press(qtbot, window, Qt.Key.Key_Down, Alt)
    assert window.reader.textCursor().selectedText() == doc.note("1").label
    assert window.notes.list.currentItem().data(Qt.ItemDataRole.UserRole) == "1"
    assert window.statusBar().currentMessage().startswith(f"Note 1: {doc.note('1').text}")
    press(qtbot, window, Qt.Key.Key_Down, Alt)
    assert window.notes.list.currentItem().data(Qt.ItemDataRole.UserRole) == "2"
    view = window.reader.viewport().rect()
    assert view.adjusted(0, view.height() // 10, 0, -view.height() // 10).contains(window.reader.cursorRect())
    press(qtbot, window, Qt.Key.Key_Up, Alt)
    assert window.notes.list.currentItem().data(Qt.ItemDataRole.UserRole) == "1"
    press(qtbot, window, Qt.Key.Key_Up, Alt)
    assert window.statusBar().currentMessage() == "No note marker before here in this document."
    # Enter on the selected marker opens its note, as a click would.
    opened = []
    window.reader.noteActivated.connect(lambda _doc, key: opened.append(key))
    press(qtbot, window, Qt.Key.Key_Return)
    assert opened == ["1"]


def test_alt_down_is_left_to_combo_boxes_outside_the_text(window, qtbot):
    window.open_document("sn05993")
    window.annotations_dock.show()
    window.annotations_dock.raise_()
    combo = window.annotating.panel.doc_filter
    focus(qtbot, combo)
    before = window.reader.textCursor().position()
    press(qtbot, window, Qt.Key.Key_Down, Alt)
    assert window.reader.textCursor().position() == before
    combo.hidePopup()


def test_rows_and_panes_are_named_for_a_screen_reader(window, qtbot):
    window.open_document("sn05993")
    text = Qt.ItemDataRole.AccessibleTextRole
    assert window.documents.item(0).data(text) == (
        "Preventing violent extremism. House of Commons Library, 12 March 2013"
    )
    assert window.documents.item(window.documents.count() - 1).data(text).startswith("Comparison: ")
    assert window.toc.topLevelItem(0).data(0, text)
    note = window.notes.list.item(0).data(text)
    assert note == "Note 1: See also, The Counter Terrorism Review, SN/HA/5852, 2 March 2011"
    description = window.reader.accessibleDescription()
    assert "Alt+Down" in description and "F3" in description and "F6" in description
    qtbot.waitUntil(lambda: window.searching.is_ready, timeout=10_000)
    panel = window.searching.panel
    with qtbot.waitSignal(panel.resultShown, timeout=5000):
        window.searching.search("prevent")
    model = panel.results.model()
    group = model.index(0, 0)
    assert group.data(text).endswith("matches")
    first = model.index(1, 0)  # a flat list: each document's heading row, then its hits
    hit = first.data(HIT_ROLE)
    assert first.data(text) == f"{hit.location(', ')}: {hit.snippet}"


def test_high_contrast_theme(window):
    (action,) = [a for a in window.actions.themes if a.data() == "high-contrast"]
    action.trigger()
    palette = QApplication.palette()
    assert palette.color(QPalette.ColorRole.Window).name() == "#000000"
    assert palette.color(QPalette.ColorRole.Text).name() == "#ffffff"
    assert palette.color(QPalette.ColorRole.Link).name() == "#ffff00"
    assert "#00ffff" in QApplication.instance().styleSheet()  # frames and the focus drawn strong
    assert window.settings.theme() == "system"  # saved on quitting, as the other themes are
    window.save_settings()
    assert window.settings.theme() == "high-contrast"
    window.appearance.set_theme("light")
    assert QApplication.instance().styleSheet() == ""


def test_popup_goes_over_its_marker_near_the_foot_of_the_screen():
    screen = QRect(0, 0, 1280, 800)
    size = QSize(400, 200)
    assert popup_position(size, QRect(100, 300, 10, 20), screen).y() == 320  # room below: under it
    low = popup_position(size, QRect(100, 700, 10, 20), screen)
    assert low.y() == 500  # over the marker, not off the foot
    right = popup_position(size, QRect(1200, 100, 10, 20), screen)
    assert right.x() == 880  # pulled in from the right edge


def test_note_popup_stays_on_screen(window, qtbot):
    window.open_document("sn05993")
    window.notes_dock.hide()  # no sidebar: a marker opens the popup
    reader = window.reader
    key = "1"
    position = reader.render_map.markers[key][0]
    cursor = reader.textCursor()
    cursor.setPosition(position)
    reader.setTextCursor(cursor)
    reader.ensureCursorVisible()
    # Move the window so the marker sits near the foot of the screen.
    area = window.screen().availableGeometry()
    marker_y = reader.viewport().mapTo(window, reader.cursorRect(cursor).topLeft()).y()
    window.move(window.x(), area.bottom() - marker_y - 30)
    reader.noteActivated.emit("sn05993", key)
    popup = window.workspace.note_popup
    qtbot.waitUntil(popup.isVisible)
    marker_top = reader.viewport().mapToGlobal(reader.cursorRect(cursor).topLeft()).y()
    assert marker_top + 2 * popup.height() > area.bottom()  # no room below the marker
    assert area.contains(popup.frameGeometry())
    assert popup.frameGeometry().bottom() < marker_top  # so it sits over it
    popup.close()


def test_a_comment_is_typed_left_with_tab_and_saved_with_ctrl_enter(window, qtbot):
    at_paragraph(qtbot, window, "5.2")
    press(qtbot, window, Qt.Key.Key_F7)
    press(qtbot, window, Qt.Key.Key_Right, Shift | Ctrl, times=2)
    seen = {}

    def in_the_dialog():
        dialog = QApplication.activeModalWidget()
        try:
            type_in(dialog)
        finally:
            if dialog.isVisible():  # Ctrl+Enter did not save: close it, so the test fails, not hangs
                dialog.reject()

    def type_in(dialog):
        editor = dialog.editor
        seen["typing goes to the box"] = dialog.focusWidget() is editor
        qtbot.keyClicks(editor, "Ask")
        qtbot.keyClick(editor, Qt.Key.Key_Return)  # Enter: a new line, as in any text box
        qtbot.keyClicks(editor, "the chair")
        qtbot.keyClick(editor, Qt.Key.Key_Tab)  # Tab leaves the box, typing no tab
        seen["tab reaches the buttons"] = dialog.buttons.isAncestorOf(dialog.focusWidget())
        editor.setFocus()
        qtbot.keyClick(editor, Qt.Key.Key_Return, Ctrl)  # Ctrl+Enter saves

    QTimer.singleShot(0, in_the_dialog)
    press(qtbot, window, Qt.Key.Key_M, Ctrl | Alt)  # Comment…, which waits for the dialog
    assert seen == {"typing goes to the box": True, "tab reaches the buttons": True}
    (resolved,) = window.annotating.resolved
    assert resolved.annotation.comment == "Ask\nthe chair"
