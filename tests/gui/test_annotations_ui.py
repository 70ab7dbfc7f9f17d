"""Select, highlight, comment, see it in the panel, restart the window: still there."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.rich_delegate import HTML_ROLE
from briefing_app.gui.search_panel import HIT_ROLE


def select(window, block_id: str, words: str) -> None:
    doc = window.reader.document_model
    block = doc.block(block_id)
    start = block.text.index(words)
    place = window.reader.render_map.blocks[block_id]
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(place.position(start))
    cursor.setPosition(place.position(start + len(words)), QTextCursor.MoveMode.KeepAnchor)
    window.reader.setTextCursor(cursor)


def snooping_block(window):
    window.open_document("lga-item-3")
    return next(b for b in window.reader.document_model.blocks if b.number == "5.2")


def test_highlight_comment_panel_and_restart(window, qtbot, bundled_pack):
    block = snooping_block(window)
    select(window, block.id, "victims of state 'snooping'")
    annotation_id = window.highlight("pink")
    window.set_comment(annotation_id, "Ask the minister about this")
    window.set_tags(annotation_id, ("privacy", "prevent"))

    marks = [
        s for s in window.reader.extraSelections() if s.cursor.selectedText() == "victims of state 'snooping'"
    ]
    assert marks and marks[0].format.background().color().name() == "#ffb3d1"
    assert window.annotations.ids() == [annotation_id]
    group = window.annotations.tree.topLevelItem(0)
    html = group.child(0).data(0, HTML_ROLE)
    assert "LGA Item 3, para 5.2" in html and "Ask the minister about this" in html and "privacy" in html

    restarted = MainWindow()  # same data directory: a restart of the app
    qtbot.addWidget(restarted)
    restarted.set_pack(bundled_pack)
    restarted.show()
    assert restarted.annotations.ids() == [annotation_id]
    restarted.open_document("lga-item-3")
    texts = [s.cursor.selectedText() for s in restarted.reader.extraSelections()]
    assert "victims of state 'snooping'" in texts
    (spans,) = [s for s in restarted.reader.annotation_spans if s[0] == annotation_id]
    assert spans[3] == "Ask the minister about this"  # shown on hover


def test_undo_and_redo_for_the_session(window):
    block = snooping_block(window)
    select(window, block.id, "snooping")
    annotation_id = window.highlight("yellow")
    window.set_comment(annotation_id, "first thought")
    window.undo_stack.undo()
    assert window.store.get(annotation_id).comment == ""
    window.undo_stack.undo()
    assert window.store.get(annotation_id) is None and window.annotations.ids() == []
    window.undo_stack.redo()
    assert window.store.get(annotation_id) is not None
    window.delete_annotation(annotation_id)
    assert window.store.get(annotation_id) is None
    window.undo_stack.undo()
    assert window.store.get(annotation_id).colour == "yellow"


def test_filters_and_orphans_listed_apart(window):
    block = snooping_block(window)
    select(window, block.id, "snooping")
    first = window.highlight("green", tags=("privacy",))
    select(window, block.id, "victims")
    window.highlight("blue")
    window.annotations.colour_filter.setCurrentText("green")
    assert window.annotations.ids() == [first]
    window.annotations.colour_filter.setCurrentText("Any")
    window.annotations.filter.setText("victims")
    assert len(window.annotations.ids()) == 1 and window.annotations.ids() != [first]


def test_selecting_nothing_asks_for_a_selection(window):
    window.reader.moveCursor(QTextCursor.MoveOperation.Start)
    assert window.highlight("yellow") is None
    assert "Select some words" in window.statusBar().currentMessage()


def test_pack_search_finds_words_in_your_comments_and_tags(window, qtbot):
    block = snooping_block(window)
    select(window, block.id, "snooping")
    window.highlight("pink", comment="Ask about spies and surveillance", tags=("privacy",))
    qtbot.waitUntil(lambda: window.search_ready, timeout=10_000)
    window.search("spying")
    groups = [
        window.search_panel.results.topLevelItem(i).text(0)
        for i in range(window.search_panel.results.topLevelItemCount())
    ]
    assert groups[0] == "Your notes (1)"
    hit = window.search_panel.results.topLevelItem(0).child(0).data(0, HIT_ROLE)
    assert hit.kind == "annotation" and hit.doc == "lga-item-3" and "spies" in hit.text
    window.search("privacy")
    assert window.search_panel.results.topLevelItem(0).text(0) == "Your notes (1)"
    window.search_panel.hitActivated.emit(hit)
    assert window.reader.document_model.id == "lga-item-3"
