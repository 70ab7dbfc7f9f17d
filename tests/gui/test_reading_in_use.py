"""The reading workspace as people use it: real keys and clicks on the real widgets.

Each test pins a defect found by using the app (issue 15): search results hidden behind another
tab, the place lost between documents, the notes sidebar not following the text, selections over
two paragraphs cut to one, Find's Escape losing the match, Ctrl+Home and Ctrl+End doing nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from briefing_app.gui.notes_sidebar import KEY_ROLE
from tests.gui.conftest import make_window

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def showing(dock) -> bool:
    """On screen: open and not a tab behind another."""
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


def click_document(window, qtbot, doc_id: str) -> None:
    """Click the document's row in the documents list."""
    docs = window.documents
    row = next(r for r in range(docs.count()) if docs.item(r).data(Qt.ItemDataRole.UserRole) == doc_id)
    docs.scrollToItem(docs.item(row))
    qtbot.mouseClick(
        docs.viewport(), Qt.MouseButton.LeftButton, pos=docs.visualItemRect(docs.item(row)).center()
    )
    assert window.reader.document_model.id == doc_id


def numbered(window, number: str):
    return next(b for b in window.reader.document_model.blocks if b.number == number)


def point_of(reader, block_id: str, offset: int) -> QPoint:
    """Where on the reader's viewport the character at `offset` of a block is drawn."""
    cursor = QTextCursor(reader.document())
    cursor.setPosition(reader.render_map.blocks[block_id].position(offset))
    return reader.cursorRect(cursor).center()


def drag_select(qtbot, reader, start: QPoint, end: QPoint) -> None:
    viewport = reader.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, (start + end) / 2)
    QTest.mouseMove(viewport, end)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def test_typing_a_search_brings_the_results_in_front_of_the_notes(window, qtbot):
    assert showing(window.notes_dock) and not showing(window.search_dock)
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, "prevent")
    qtbot.waitUntil(lambda: showing(window.search_dock), timeout=2000)
    assert not showing(window.notes_dock)


def test_panel_shortcuts_bring_a_background_tab_forward_then_close_it(window, qtbot):
    assert showing(window.notes_dock) and not showing(window.annotations_dock)
    qtbot.keyClick(window, Qt.Key.Key_A, CTRL | SHIFT)  # Annotations, a tab behind Notes
    qtbot.waitUntil(lambda: showing(window.annotations_dock), timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL | SHIFT)  # Notes, now behind Annotations
    qtbot.waitUntil(lambda: showing(window.notes_dock), timeout=2000)
    assert window.annotations_dock.isHidden() is False  # still a tab, only behind
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL | SHIFT)  # in front: the shortcut closes it
    qtbot.waitUntil(lambda: not window.notes_dock.isVisible(), timeout=2000)


def test_the_place_in_each_document_survives_switching_and_a_restart(window, qtbot, bundled_pack):
    click_document(window, qtbot, "lga-item-3")
    window.reader.scroll_to_block(numbered(window, "5.2").id)
    lga_place = window.reader.block_at_top()
    click_document(window, qtbot, "sn05993")
    sn = window.reader.document_model
    window.reader.scroll_to_block(next(b for b in sn.blocks if b.page == 6).id)
    sn_place = window.reader.block_at_top()
    click_document(window, qtbot, "lga-item-3")
    assert window.reader.block_at_top() == lga_place  # not back at the title
    click_document(window, qtbot, "stronger-together")  # the last document is neither of them
    window.close()
    new = make_window(qtbot, bundled_pack, restore=True)
    assert new.reader.document_model.id == "stronger-together"
    click_document(new, qtbot, "lga-item-3")
    assert new.reader.block_at_top() == lga_place
    click_document(new, qtbot, "sn05993")
    assert new.reader.block_at_top() == sn_place


def test_the_notes_sidebar_scrolls_to_the_notes_on_screen(window, qtbot, bundled_pack):
    notes = window.notes.list
    late = next(b for b in bundled_pack.document("sn05993").blocks if "22" in b.note_refs)
    window.reader.scroll_to_block(late.id)
    row = next(r for r in range(notes.count()) if notes.item(r).data(KEY_ROLE) == "22")
    qtbot.waitUntil(
        lambda: notes.viewport().rect().contains(notes.visualItemRect(notes.item(row))), timeout=2000
    )
    assert notes.item(row).font().bold()


def test_copy_over_two_paragraphs_keeps_both_and_no_note_number_is_glued(window, qtbot):
    click_document(window, qtbot, "lga-item-3")
    reader = window.reader
    first, second = numbered(window, "5.1"), numbered(window, "5.2")
    reader.scroll_to_block(first.id)
    drag_select(qtbot, reader, point_of(reader, first.id, 0), point_of(reader, second.id, 20))
    assert reader.textCursor().hasSelection()
    qtbot.keyClick(reader, Qt.Key.Key_C, CTRL)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(first.text[:30]) and second.text[:15] in copied
    qtbot.keyClick(window, Qt.Key.Key_C, CTRL | SHIFT)  # Copy with Citation
    cited = QGuiApplication.clipboard().text()
    assert first.text[:30] in cited and second.text[:15] in cited
    assert cited.endswith("(LGA Item 3, paras 5.1-5.2)")

    click_document(window, qtbot, "sn05993")
    block = next(b for b in reader.document_model.blocks if b.note_refs == ("4",))
    reader.scroll_to_block(block.id)
    end = len(block.text)
    drag_select(
        qtbot, reader, point_of(reader, block.id, end - 20), point_of(reader, block.id, end) + QPoint(30, 0)
    )
    qtbot.keyClick(reader, Qt.Key.Key_C, CTRL)
    assert QGuiApplication.clipboard().text().endswith("society.")  # not "society.4"


def test_a_highlight_over_two_paragraphs_marks_both(window, qtbot):
    click_document(window, qtbot, "lga-item-3")
    reader = window.reader
    first, second = numbered(window, "5.1"), numbered(window, "5.2")
    reader.scroll_to_block(first.id)
    drag_select(qtbot, reader, point_of(reader, first.id, 0), point_of(reader, second.id, 20))
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL | Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(reader.annotation_spans) == 2, timeout=3000)
    marked = {reader.render_map.block_at(start) for _, start, _, _ in reader.annotation_spans}
    assert marked == {first.id, second.id}


def test_find_keeps_context_round_the_match_and_escape_returns_to_it(window, qtbot):
    reader = window.reader
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(window.find_bar.field, "Carlile")
    for _ in range(2):
        qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    match = reader.textCursor()
    assert match.selectedText() == "Carlile"
    line = reader.fontMetrics().height()
    rect = reader.cursorRect(match)
    viewport = reader.viewport().rect()
    assert rect.top() >= 2 * line and rect.bottom() <= viewport.height() - 2 * line  # lines round it
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is reader
    assert viewport.contains(reader.cursorRect(reader.textCursor()))
    assert reader.textCursor().selectedText() == "Carlile"


def test_ctrl_home_and_ctrl_end_go_to_the_ends(window, qtbot):
    reader = window.reader
    bar = reader.verticalScrollBar()
    reader.setFocus()
    qtbot.keyClick(reader, Qt.Key.Key_End, CTRL)
    assert bar.value() == bar.maximum() > 0
    qtbot.keyClick(reader, Qt.Key.Key_Home, CTRL)
    assert bar.value() == 0


def go_to(window, qtbot, text: str) -> None:
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    box = QApplication.focusWidget()
    assert box.objectName() == "goToBox" and box.selectedText() == box.text()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def test_ctrl_l_goes_to_a_paragraph_a_page_or_a_note_and_back_returns(window, qtbot):
    click_document(window, qtbot, "lga-item-3")
    start = window.reader.block_at_top()
    go_to(window, qtbot, "para 5.2")
    assert window.reader.block_at_top() == numbered(window, "5.2").id
    assert QApplication.focusWidget() is window.reader  # back to reading
    qtbot.keyClick(window.reader, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # Back
    assert window.reader.block_at_top() == start

    click_document(window, qtbot, "sn05993")
    go_to(window, qtbot, "p. 6")
    top = window.reader.document_model.block(window.reader.block_at_top())
    assert top.page == 6
    go_to(window, qtbot, "note 12")
    assert window.reader.textCursor().selectedText() == "12"  # the marker, selected
    assert window.notes.list.currentItem().data(KEY_ROLE) == "12"


def test_ctrl_l_says_when_the_document_has_no_such_place(window, qtbot):
    click_document(window, qtbot, "lga-item-3")
    go_to(window, qtbot, "para 99")
    assert window.statusBar().currentMessage() == "LGA Item 3 has no paragraph 99."
    assert QApplication.focusWidget().objectName() == "goToBox"  # to correct it
    go_to(window, qtbot, "where is it")
    assert "para 5.2, p. 8 or note 12" in window.statusBar().currentMessage()
