"""Typing a query in the window, reading the results, opening a hit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from briefing_app.gui.notes_sidebar import KEY_ROLE


@pytest.fixture
def window(window, qtbot):
    """The shared window, once its search index is open."""
    qtbot.waitUntil(lambda: window.searching.is_ready, timeout=10_000)
    return window


def test_typing_searches_after_a_pause_and_groups_by_document(window, qtbot):
    qtbot.keyClicks(window.search_field, "big lunch")
    assert window.search_dock.isVisible()
    qtbot.waitUntil(lambda: window.searching.panel.result is not None, timeout=3000)
    result = window.searching.panel.result
    assert result.query == "big lunch" and result.total == 3
    groups = [
        window.searching.panel.results.topLevelItem(i).text(0)
        for i in range(window.searching.panel.results.topLevelItemCount())
    ]
    assert groups == ["Creating the conditions (1)", "LGA Item 3 (1)", "North Yorkshire Item 9 (1)"]
    assert "3 matches" in window.searching.panel.status.text()


def test_opening_a_hit_shows_the_passage_with_every_hit_highlighted(window, qtbot):
    window.searching.search("snooping")
    item = window.searching.panel.results.topLevelItem(0).child(0)
    window.searching.panel.results.itemClicked.emit(item, 0)
    assert window.reader.document_model.id == "lga-item-3"
    block = next(b for b in window.reader.document_model.blocks if b.number == "5.2")
    cursor = window.reader.textCursor()
    assert window.reader.render_map.block_at(cursor.position()) == block.id
    selections = window.reader.extraSelections()
    assert [s.cursor.selectedText() for s in selections] == ["snooping"]


def test_every_hit_in_the_document_is_marked(window):
    window.searching.search("Channel OR snooping OR Gurkha")
    hits = window.searching.panel.hits()
    window.searching.panel.hitActivated.emit(next(h for h in hits if h.doc == "stronger-together"))
    marked = [s.cursor.selectedText().lower() for s in window.reader.extraSelections()]
    assert marked and set(marked) == {"channel"}


def test_enter_opens_the_first_hit_and_f3_steps(window, qtbot):
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, "Lord Carlile")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    first = window.searching.panel.results.currentItem()
    assert first is not None and window.reader.document_model.id == "sn05993"
    window.searching.panel.step(forward=True)
    second = window.searching.panel.results.currentItem()
    assert second is not first
    window.searching.panel.step(forward=False)
    assert window.searching.panel.results.currentItem() is first


def test_did_you_mean_applies_in_one_click(window):
    window.searching.search("big lnuch")
    assert "Did you mean" in window.searching.panel.status.text()
    window.searching.panel.status.linkActivated.emit("suggest")
    assert window.search_field.text() == "big lunch"
    assert window.searching.panel.result.total == 3


def test_mistake_and_empty_states_are_sentences(window):
    window.searching.search('"big lunch')
    assert "closing quotation mark" in window.searching.panel.status.text()
    window.searching.search("xylophone")
    assert "No matches" in window.searching.panel.status.text()
    assert window.searching.panel.results.topLevelItemCount() == 0


def test_note_hit_opens_its_marker_and_shows_the_note(window):
    window.searching.search('"HC Deb 9 November 2010"')
    (hit,) = window.searching.panel.hits()
    window.searching.panel.hitActivated.emit(hit)
    assert window.reader.document_model.id == "sn05993"
    item = window.notes.list.currentItem()
    assert item is not None and item.data(KEY_ROLE) == "2"  # the note, selected in the sidebar
