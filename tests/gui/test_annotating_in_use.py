"""A highlight changed from its own right-click menu (issue 15): its colour and tags, not only its
comment, for the highlight under the pointer."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from briefing_app.annotations.colours import COLOURS
from tests.gui.dialogs import answer_next_input

CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def point_of(reader, block_id: str, offset: int) -> QPoint:
    cursor = QTextCursor(reader.document())
    cursor.setPosition(reader.render_map.blocks[block_id].position(offset))
    return reader.cursorRect(cursor).center()


def right_click_and_choose(reader, pos: QPoint, *path: str) -> None:
    """Right-click at `pos` and choose the menu entry at `path` ("Change Colour", "Green")."""

    seen: list[list[str]] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        try:
            for text in [*path[:-1], None]:
                seen.append([a.text() for a in menu.actions()])
                found = next((a for a in menu.actions() if a.text() == (text or path[-1])), None)
                if found is None:
                    return
                if text is None:
                    found.trigger()
                    return
                menu = found.menu()
        finally:
            while QApplication.activePopupWidget() is not None:  # the menu closes, as on a click
                QApplication.activePopupWidget().close()

    QTimer.singleShot(100, choose)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, reader.viewport().mapToGlobal(pos))
    QApplication.sendEvent(reader.viewport(), event)
    assert path[-1] in seen[-1], seen


def test_a_highlights_colour_and_tags_change_from_its_menu(window, qtbot):
    window.open_document("lga-item-3")
    reader = window.reader
    block = next(b for b in reader.document_model.blocks if b.number == "5.2")
    reader.scroll_to_block(block.id)
    start = block.text.index("victims")
    end = start + len("victims of state")
    cursor = QTextCursor(reader.document())
    cursor.setPosition(reader.render_map.blocks[block.id].position(start))
    cursor.setPosition(reader.render_map.blocks[block.id].position(end), QTextCursor.MoveMode.KeepAnchor)
    reader.setTextCursor(cursor)
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL_ALT)
    qtbot.waitUntil(lambda: len(reader.annotation_spans) == 1, timeout=3000)
    annotation_id = reader.annotation_spans[0][0]
    on_it = point_of(reader, block.id, start + 3)
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=on_it)  # selection gone
    assert not reader.textCursor().hasSelection()

    right_click_and_choose(reader, on_it, "Change Colour", "Green")
    assert window.annotating.store.get(annotation_id).colour == "green"
    (mark,) = reader.extraSelections()
    assert mark.format.background().color() == QColor(COLOURS["green"])

    answer_next_input("privacy, prevent")
    right_click_and_choose(reader, on_it, "Edit Tags…")
    qtbot.waitUntil(
        lambda: window.annotating.store.get(annotation_id).tags == ("privacy", "prevent"), timeout=3000
    )
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the tags
    assert window.annotating.store.get(annotation_id).tags == ()


def test_a_selected_row_in_the_annotations_list_is_as_tall_as_its_text(window, qtbot):
    from PySide6.QtGui import QTextDocument

    from briefing_app.gui.rich_delegate import HTML_ROLE

    window.open_document("lga-item-3")
    reader = window.reader
    block = next(b for b in reader.document_model.blocks if b.number == "5.2")
    start = block.text.index("victims")
    cursor = QTextCursor(reader.document())
    cursor.setPosition(reader.render_map.blocks[block.id].position(start))
    cursor.setPosition(
        reader.render_map.blocks[block.id].position(start + 7), QTextCursor.MoveMode.KeepAnchor
    )
    reader.setTextCursor(cursor)
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL_ALT)
    qtbot.keyClick(
        window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    tree = window.annotating.panel.tree
    qtbot.waitUntil(lambda: tree.isVisible() and tree.topLevelItemCount() == 1, timeout=3000)
    item = tree.topLevelItem(0).child(0)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())
    assert tree.currentItem() is item
    rect = tree.visualItemRect(item)
    text = QTextDocument()
    text.setDefaultFont(tree.font())
    text.setHtml(item.data(0, HTML_ROLE))
    text.setTextWidth(rect.width() - 8)
    assert rect.height() <= text.size().height() + 6  # two lines of text: a row of two lines


def test_copy_from_the_right_click_menu_copies_the_words_without_note_labels(window, qtbot):
    from PySide6.QtGui import QGuiApplication

    reader = window.reader
    block = next(b for b in reader.document_model.blocks if b.note_refs == ("4",))
    reader.scroll_to_block(block.id)
    place = reader.render_map.blocks[block.id]
    cursor = QTextCursor(reader.document())
    cursor.setPosition(place.position(len(block.text) - 8))
    cursor.setPosition(place.end, QTextCursor.MoveMode.KeepAnchor)  # over the drawn label "4"
    reader.setTextCursor(cursor)
    assert cursor.selectedText().endswith("society.4")
    right_click_and_choose(reader, point_of(reader, block.id, len(block.text) - 4), "&Copy\tCtrl+C")
    assert QGuiApplication.clipboard().text() == block.text[-8:]
