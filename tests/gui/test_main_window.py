"""The real window on the bundled pack: every document, its contents, its notes."""

from __future__ import annotations

from PySide6.QtCore import QUrl

from briefing_app.pack import load_pack
from tests.gui.conftest import make_window
from tests.pack.test_manifest import MANIFEST, make_pack


def test_title_and_first_document_shown(window, bundled_pack):
    assert window.windowTitle() == f"{bundled_pack.title} — Briefing"
    assert window.reader.document_model.id == "sn05993"
    assert window.documents.count() == 7  # five documents, then the two comparisons
    assert window.documents.item(6).text().startswith("Comparison")
    assert "House of Commons Library · 12 March 2013" in window.documents.item(0).text()
    assert not window.banner.isVisible()


def test_every_document_and_every_contents_entry(window, bundled_pack, qtbot):
    # bottom-up, so that every row is a change of selection (row 0 is selected on open)
    for row, doc in reversed(list(enumerate(bundled_pack.documents))):
        with qtbot.waitSignal(window.documents.documentRequested, timeout=2000) as blocker:
            window.documents.setCurrentRow(row)
        assert blocker.args == [doc.id]
        assert window.reader.document_model is doc
        shown = window.reader.toPlainText()
        assert doc.meta.title in shown and (doc.meta.publisher or "") in shown
        # every block's text is in the pane, where the renderer says it is
        for block in doc.blocks:
            if block.kind == "table" or block.note_refs:
                continue
            place = window.reader.render_map.blocks[block.id]
            rendered = shown[place.start : place.end].replace("\u2028", "\n")
            assert rendered == block.text, (doc.id, block.id)
        toc_ids = window.toc.block_ids()
        assert toc_ids == [h.id for h in doc.headings]
        for block_id in toc_ids:
            window.toc.select_block(block_id)
            window.toc.itemClicked.emit(window.toc.currentItem(), 0)
            cursor = window.reader.textCursor()
            assert window.reader.render_map.block_at(cursor.position()) == block_id


def test_note_markers_render_as_superscript_labels(window, bundled_pack):
    doc = bundled_pack.document("sn05993")
    block = next(b for b in doc.blocks if b.note_refs == ("4",))
    place = window.reader.render_map.blocks[block.id]
    text = window.reader.toPlainText()[place.start : place.end]
    assert text.endswith("society.4")  # the label is drawn, the model text stays clean
    assert "society.4" not in block.text


def test_clicking_a_marker_shows_its_note(window, qtbot):
    window.notes_dock.hide()  # with the sidebar collapsed, a popup shows the note
    window.reader.anchorClicked.emit(QUrl("note:2"))
    qtbot.waitUntil(window.workspace.note_popup.isVisible, timeout=2000)
    assert window.workspace.note_popup.title.text() == "Note 2"
    assert window.workspace.note_popup.body.text() == "HC Deb 9 November 2010, cc12-13WS."


def test_missing_note_says_it_is_not_in_this_copy(window, qtbot):
    window.notes_dock.hide()
    window.open_document("creating-the-conditions")
    window.reader.anchorClicked.emit(QUrl("note:5"))
    qtbot.waitUntil(window.workspace.note_popup.isVisible, timeout=2000)
    assert "not in this copy" in window.workspace.note_popup.title.text()
    assert "not included in this copy" in window.workspace.note_popup.body.text()


def test_status_bar_names_document_para_and_page(window):
    window.open_document("lga-item-3")
    block = next(b for b in window.pack.document("lga-item-3").blocks if b.number == "4.3")
    window.reader.scroll_to_block(block.id)
    assert window.status_label.text() == "LGA Item 3, para 4.3"


def test_problems_are_shown_and_good_documents_open(qtbot, tmp_path):
    root = make_pack(tmp_path / "pack", MANIFEST, {"docs/good.txt": "A good paragraph.\n"})
    w = make_window(qtbot, load_pack(root))
    assert w.banner.isVisible()
    assert "5 problems" in w.banner.label.text()
    assert w.reader.document_model.id == "good"
    assert "A good paragraph." in w.reader.toPlainText()


def test_a_pack_that_cannot_open_is_explained(qtbot):
    w = make_window(qtbot)
    w.set_pack(None, "pack.yaml, line 3: not valid YAML")
    assert w.banner.isVisible() and "could not be opened" in w.banner.label.text()
    assert "line 3" in w.reader.toPlainText()


def test_about_text_lists_each_document_licence(bundled_pack):
    from briefing_app.gui.about import about_html

    html = about_html(bundled_pack)
    assert "Safer and Stronger Communities Board, 12 March 2012" in html
    for doc in bundled_pack.documents:
        assert doc.meta.licence in html
