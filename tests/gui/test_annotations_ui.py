"""Select, highlight, comment, see it in the panel, restart the window: still there."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from briefing_app.gui.rich_delegate import HTML_ROLE
from briefing_app.gui.search_panel import HIT_ROLE
from tests.gui.conftest import make_window


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
    annotation_id = window.annotating.highlight("pink")[0]
    window.annotating.set_comment(annotation_id, "Ask the minister about this")
    window.annotating.set_tags(annotation_id, ("privacy", "prevent"))

    marks = [
        s for s in window.reader.extraSelections() if s.cursor.selectedText() == "victims of state 'snooping'"
    ]
    assert marks and marks[0].format.background().color().name() == "#ffb3d1"
    assert window.annotating.panel.ids() == [annotation_id]
    group = window.annotating.panel.tree.topLevelItem(0)
    html = group.child(0).data(0, HTML_ROLE)
    assert "LGA Item 3, para 5.2" in html and "Ask the minister about this" in html and "privacy" in html

    restarted = make_window(qtbot, bundled_pack)  # same data directory: a restart of the app
    assert restarted.annotating.panel.ids() == [annotation_id]
    restarted.open_document("lga-item-3")
    texts = [s.cursor.selectedText() for s in restarted.reader.extraSelections()]
    assert "victims of state 'snooping'" in texts
    (spans,) = [s for s in restarted.reader.annotation_spans if s[0] == annotation_id]
    assert spans[3] == "Ask the minister about this"  # shown on hover


def test_undo_and_redo_for_the_session(window):
    block = snooping_block(window)
    select(window, block.id, "snooping")
    annotation_id = window.annotating.highlight("yellow")[0]
    window.annotating.set_comment(annotation_id, "first thought")
    window.annotating.undo_stack.undo()
    assert window.annotating.store.get(annotation_id).comment == ""
    window.annotating.undo_stack.undo()
    assert window.annotating.store.get(annotation_id) is None and window.annotating.panel.ids() == []
    window.annotating.undo_stack.redo()
    assert window.annotating.store.get(annotation_id) is not None
    window.annotating.delete(annotation_id)
    assert window.annotating.store.get(annotation_id) is None
    window.annotating.undo_stack.undo()
    assert window.annotating.store.get(annotation_id).colour == "yellow"


def test_filters_and_orphans_listed_apart(window):
    block = snooping_block(window)
    select(window, block.id, "snooping")
    first = window.annotating.highlight("green", tags=("privacy",))[0]
    select(window, block.id, "victims")
    window.annotating.highlight("blue")[0]
    window.annotating.panel.colour_filter.setCurrentText("green")
    assert window.annotating.panel.ids() == [first]
    window.annotating.panel.colour_filter.setCurrentText("Any")
    window.annotating.panel.filter.setText("victims")
    assert len(window.annotating.panel.ids()) == 1 and window.annotating.panel.ids() != [first]


def test_selecting_nothing_asks_for_a_selection(window):
    window.reader.moveCursor(QTextCursor.MoveOperation.Start)
    assert window.annotating.highlight("yellow") == []
    assert "Select some words" in window.statusBar().currentMessage()


def test_pack_search_finds_words_in_your_comments_and_tags(window, qtbot):
    block = snooping_block(window)
    select(window, block.id, "snooping")
    window.annotating.highlight("pink", comment="Ask about spies and surveillance", tags=("privacy",))
    qtbot.waitUntil(lambda: window.searching.is_ready, timeout=10_000)
    panel = window.searching.panel
    with qtbot.waitSignal(panel.resultShown, timeout=5000):
        window.searching.search("spying")
    model = panel.results.model()
    assert model.index(0, 0).data() == "Your notes (1)"
    hit = model.index(1, 0).data(HIT_ROLE)
    assert hit.kind == "annotation" and hit.doc == "lga-item-3" and "spies" in hit.text
    with qtbot.waitSignal(panel.resultShown, timeout=5000):
        window.searching.search("privacy")
    assert model.index(0, 0).data() == "Your notes (1)"
    window.searching.panel.hitActivated.emit(hit)
    assert window.reader.document_model.id == "lga-item-3"
