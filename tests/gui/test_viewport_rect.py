"""viewport_rect works out a scroll area's viewport without asking Qt for the viewport widget (which
costs start-up time): it must agree with the viewport itself, with and without scroll bars and
viewport margins."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget, QTextEdit

from briefing_app.gui.on_screen import viewport_rect


def test_a_list_with_and_without_its_scroll_bar(qtbot):
    view = QListWidget()
    qtbot.addWidget(view)
    view.resize(300, 200)
    view.show()
    qtbot.waitExposed(view)
    assert viewport_rect(view) == view.viewport().rect()
    view.addItems([f"row {n}" for n in range(200)])  # now it scrolls
    qtbot.waitUntil(view.verticalScrollBar().isVisible)
    assert viewport_rect(view) == view.viewport().rect()


def test_the_readers_margins_are_left_out(window, qtbot):
    reader = window.reader
    window.resize(2400, 900)  # wide enough that the reading column is centred by margins
    qtbot.waitUntil(lambda: reader.viewportMargins().left() > 0)
    assert viewport_rect(reader) == reader.viewport().rect()


def test_a_text_edit_scrolling_both_ways(qtbot):
    edit = QTextEdit()
    qtbot.addWidget(edit)
    edit.setLineWrapMode(QTextEdit.LineWrapMode.NoWrap)
    edit.setPlainText("\n".join("word " * 200 for _ in range(200)))
    edit.resize(300, 200)
    edit.show()
    qtbot.waitExposed(edit)
    qtbot.waitUntil(lambda: edit.horizontalScrollBar().isVisible() and edit.verticalScrollBar().isVisible())
    assert viewport_rect(edit) == edit.viewport().rect()
