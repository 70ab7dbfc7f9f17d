"""The notes sidebar in step with the text: marker to note, note to marker, scrolling."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication

from briefing_app.gui.notes_sidebar import FLASH, KEY_ROLE
from briefing_app.gui.rich_delegate import HTML_ROLE
from briefing_app.gui.sources_dialog import SourcesDialog
from briefing_app.pack.crossrefs import MentionFinder
from briefing_app.pack.links import document_links


def keys(window):
    return [window.notes.list.item(r).data(KEY_ROLE) for r in range(window.notes.list.count())]


def html(window, key):
    row = keys(window).index(key)
    return window.notes.list.item(row).data(HTML_ROLE)


def test_sidebar_lists_the_document_notes_with_citations_in_words(window):
    assert keys(window) == [str(n) for n in range(1, 27)]
    assert "House of Commons, written statement, 9 November 2010, cols 12-13" in html(window, "2")
    assert "Command paper Cm 8092, pages 39-40" in html(window, "9")


def test_a_comparison_shows_no_document_notes_and_going_back_restores_them(window):
    window.open_comparison(window.comparisons[0].id)
    assert window.documents.currentItem().text().startswith("Comparison")
    assert keys(window) == []
    assert "comparison has no notes" in window.notes.remark.text()
    assert not window.notes.remark.isHidden()
    window.open_document("sn05993")
    assert keys(window) == [str(n) for n in range(1, 27)]
    assert window.notes.remark.isHidden()
    assert not window.documents.currentItem().text().startswith("Comparison")


def test_marker_click_selects_and_flashes_its_note(window):
    window.reader.anchorClicked.emit(QUrl("note:9"))
    item = window.notes.list.currentItem()
    assert item.data(KEY_ROLE) == "9"
    assert item.background().color() == FLASH
    assert not window.workspace.note_popup.isVisible()


def test_note_click_scrolls_the_reader_to_its_marker(window):
    window.reader.verticalScrollBar().setValue(0)
    row = keys(window).index("22")
    window.notes.list.itemClicked.emit(window.notes.list.item(row))
    cursor = window.reader.textCursor()
    assert cursor.selectedText() == "22"  # the marker itself is selected
    assert "22" in window.reader.visible_note_keys()


def test_scrolling_moves_the_emphasis(window, bundled_pack):
    window.reader.verticalScrollBar().setValue(1)
    window.reader.verticalScrollBar().setValue(0)
    top = set(window.notes.on_screen)
    doc = bundled_pack.document("sn05993")
    late = next(b for b in doc.blocks if "22" in b.note_refs)
    window.reader.scroll_to_block(late.id)
    assert "22" in window.notes.on_screen and window.notes.on_screen != top
    row = keys(window).index("22")
    assert window.notes.list.item(row).font().bold()


def test_stronger_together_ibid_and_missing_notes(window):
    window.open_document("stronger-together")
    assert "ibid: repeats note 19" in html(window, "20")
    assert "ibid: repeats note 23" in html(window, "23~2")
    assert "Referred to in the text, but not in this copy of the document" in html(window, "7")
    assert "Referred to in the text, but not in this copy of the document" in html(window, "15")


def test_creating_the_conditions_says_the_end_notes_are_not_in_this_copy(window):
    window.open_document("creating-the-conditions")
    assert len(keys(window)) == 41
    assert window.notes.remark.isVisible() and "not included in this copy" in window.notes.remark.text()


def test_copy_citation_gives_a_tidy_reference(window):
    window.notes.select_note("3", flash=False)
    window.notes.copy_button.click()
    assert QGuiApplication.clipboard().text() == "HC Deb 21 December 2010, c1317W"


def test_names_of_other_documents_link_to_them(window, bundled_pack):
    window.reader.documentLinkActivated.emit("creating-the-conditions")
    assert window.reader.document_model.id == "creating-the-conditions"
    window.open_document("lga-item-3")
    text = window.reader.toPlainText()
    assert "Creating the Conditions recognises" in text
    links = [
        s
        for spans in document_links(bundled_pack.document("lga-item-3"), MentionFinder(bundled_pack)).values()
        for s in spans
    ]
    assert links and {s.target for s in links} == {"creating-the-conditions"}


def test_sources_view_answers_who_cites_a_debate(qtbot, bundled_pack):
    dialog = SourcesDialog(bundled_pack)
    qtbot.addWidget(dialog)
    item = dialog.find("HL Deb 30 November 2011")
    assert item is not None and item.childCount() == 10
    assert item.text(1) == "10 notes in SN05993"
    with qtbot.waitSignal(dialog.noteRequested) as blocker:
        dialog.tree.itemActivated.emit(item.child(0), 0)
    assert blocker.args == ["sn05993", "11"]
