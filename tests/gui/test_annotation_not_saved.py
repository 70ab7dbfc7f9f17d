"""A store that refuses a change (here a read-only database) is told to the user in a box, and
nothing they chose or typed is lost: the selection stays and the comment is offered again."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

from briefing_app.gui.comment_dialog import CommentDialog

CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def select_snooping(window) -> str:
    window.open_document("lga-item-3")
    reader = window.reader
    block = next(b for b in reader.document_model.blocks if b.number == "5.2")
    start = block.text.index("victims")
    place = reader.render_map.blocks[block.id]
    cursor = QTextCursor(reader.document())
    cursor.setPosition(place.position(start))
    cursor.setPosition(place.position(start + len("victims of state")), QTextCursor.MoveMode.KeepAnchor)
    reader.setTextCursor(cursor)
    return block.id


def answer_comment(typed: str | None, seen: list[str], tries: int = 50) -> None:
    """When the comment box opens, note what it shows, type `typed` (None: cancel) and close it."""

    def answer() -> None:
        box = next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, CommentDialog) and w.isVisible()),
            None,
        )
        if box is None:
            if tries:
                answer_comment(typed, seen, tries - 1)
            return
        seen.append(box.text())
        if typed is None:
            box.reject()
            return
        box.editor.setPlainText(typed)
        box.accept()

    QTimer.singleShot(100, answer)


def make_read_only(window) -> None:
    # The tests run as root, whom file modes do not stop: SQLite's own read-only switch stands in
    # for a database the user may not write (as in tests/hostile/test_annotation_store.py).
    window.annotating.store.db.execute("PRAGMA query_only = ON")


def not_saved_box(window, qtbot) -> QMessageBox:
    box = window.findChild(QMessageBox, "annotationNotSavedBox")
    assert box is not None
    qtbot.waitUntil(box.isVisible, timeout=2000)
    return box


def test_a_comment_the_store_refuses_is_told_and_offered_again(window, qtbot):
    select_snooping(window)
    make_read_only(window)
    seen: list[str] = []
    answer_comment("Ask the minister about this", seen)
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL_ALT)
    box = not_saved_box(window, qtbot)
    assert "read-only" in box.text() and "not saved" in box.text()
    assert window.annotating.store.list(window.pack.id) == []
    assert window.reader.textCursor().selectedText() == "victims of state"  # the selection is kept
    assert window.annotating.undo_stack.count() == 0 or not window.annotating.undo_stack.canUndo()
    box.accept()

    window.annotating.store.db.execute("PRAGMA query_only = OFF")  # the user fixed the database
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    answer_comment(None, seen)  # the box shows the comment again; here it is only looked at
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL_ALT)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=3000)
    assert seen == ["", "Ask the minister about this"]


def test_a_refused_delete_or_edit_keeps_the_highlight_and_says_so(window, qtbot):
    select_snooping(window)
    (annotation_id,) = window.annotating.highlight("pink")
    make_read_only(window)
    window.annotating.delete(annotation_id)
    box = not_saved_box(window, qtbot)
    assert "read-only" in box.text()
    box.accept()
    assert window.annotating.store.get(annotation_id) is not None
    assert [s[0] for s in window.reader.annotation_spans] == [annotation_id]

    seen: list[str] = []
    answer_comment("A second thought", seen)
    window.annotating.comment_on(annotation_id)
    assert window.annotating.store.get(annotation_id).comment == ""
    not_saved_box(window, qtbot).accept()
    answer_comment(None, seen)
    window.annotating.comment_on(annotation_id)
    assert seen == ["", "A second thought"]

    window.annotating.undo_stack.undo()  # undoing the highlight is refused too, and said
    assert window.annotating.store.get(annotation_id) is not None
    not_saved_box(window, qtbot).accept()
