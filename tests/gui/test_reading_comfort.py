"""Find, back and forward, position restore across a restart, zoom, themes, copy with citation."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication, QPalette, QTextCursor

from briefing_app.gui.main_window import MainWindow
from tests.conftest import DATA
from tests.gui.conftest import make_window


def restart(qtbot, old: MainWindow, pack) -> MainWindow:
    old.close()  # saves settings, as quitting the app does
    return make_window(qtbot, pack, restore=True)


def test_find_counts_highlights_and_steps(window, qtbot):
    window.open_document("sn05993")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.field, "Carlile")
    total = len(window.find_bar.matches)
    assert total == window.reader.toPlainText().count("Carlile") and total >= 3
    assert window.find_bar.count.text() == f"1 of {total}"
    assert len(window.reader.extraSelections()) == total
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.find_bar.count.text() == f"2 of {total}"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.find_bar.count.text() == f"1 of {total}"
    assert window.reader.textCursor().selectedText() == "Carlile"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible() and window.reader.extraSelections() == []


def test_back_and_forward_through_jumps(window):
    window.open_document("lga-item-3")
    window.reader.documentLinkActivated.emit("creating-the-conditions")  # a link
    window.actions.comparisons_menu.actions()[0].trigger()  # the comparison, from the menu
    view = window.comparison_view
    index = next(i for i, q in enumerate(view.quotes) if q.doc == "stronger-together")
    view.anchorClicked.emit(QUrl(f"quote:{index}"))  # a comparison quote
    assert window.reader.document_model.id == "stronger-together"
    window.actions.back.trigger()
    assert window.pages.currentWidget() is view
    window.actions.back.trigger()
    assert window.reader.document_model.id == "creating-the-conditions"
    window.actions.back.trigger()
    assert window.reader.document_model.id == "lga-item-3"
    assert not window.actions.back.isEnabled() and window.actions.forward.isEnabled()
    window.actions.forward.trigger()
    assert window.reader.document_model.id == "creating-the-conditions"


def test_reading_position_document_and_zoom_survive_a_restart(window, qtbot, bundled_pack):
    window.open_document("lga-item-3")
    block = next(b for b in window.reader.document_model.blocks if b.number == "4.2")
    window.reader.set_zoom(1.3)
    window.reader.scroll_to_block(block.id)
    top = window.reader.block_at_top()
    assert top == block.id
    new = restart(qtbot, window, bundled_pack)
    assert new.reader.document_model.id == "lga-item-3"
    assert new.reader.zoom == 1.3
    assert new.reader.block_at_top() == top


def test_zoom_rerenders_bigger_and_keeps_the_place(window):
    window.open_document("lga-item-3")
    height = window.reader.document().size().height()
    window.reader.set_zoom(1.5)
    assert window.reader.document().size().height() > height * 1.2
    window.reader.set_zoom(1.0)


def test_theme_switch(window):
    assert window.appearance.set_theme("dark") == "dark"
    base = QGuiApplication.palette().color(QPalette.ColorRole.Base)
    assert base.lightness() < 80
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(window.reader.render_map.blocks[window.reader.document_model.blocks[3].id].start + 1)
    assert cursor.charFormat().foreground().color().lightness() > 150  # text re-rendered light on dark
    assert window.appearance.set_theme("light") == "light"
    assert QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() > 200


def test_copy_with_citation(window):
    window.open_document("lga-item-3")
    block = next(b for b in window.reader.document_model.blocks if b.number == "5.2")
    place = window.reader.render_map.blocks[block.id]
    start = block.text.index("victims")
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(place.position(start))
    cursor.setPosition(
        place.position(start + len("victims of state 'snooping'")), QTextCursor.MoveMode.KeepAnchor
    )
    window.reader.setTextCursor(cursor)
    text = window.copy_with_citation()
    assert text == "“victims of state 'snooping'” (LGA Item 3, para 5.2)"
    assert QGuiApplication.clipboard().text() == text


def test_bookmarks_and_recent_packs(window, qtbot, bundled_pack):
    window.open_document("stronger-together")
    mark = window.bookmarks.add()
    assert mark["doc"] == "stronger-together" and mark in window.bookmarks.marks()
    labels = [a.text() for a in window.actions.bookmarks_menu.actions()]
    assert mark["label"] in labels
    window.packs.open_folder(DATA / "example-pack")  # read off the GUI thread
    qtbot.waitUntil(lambda: window.pack.id == "example-board")
    assert window.settings.recent()[0]["folder"] == str((DATA / "example-pack").resolve())
    window.packs.open_folder(bundled_pack.root)
    qtbot.waitUntil(lambda: window.pack.id == bundled_pack.id)
    assert mark in window.bookmarks.marks()  # bookmarks are kept per pack


def test_every_menu_action_shows_its_shortcut(window):
    shortcuts = {
        a.text(): a.shortcut().toString() for m in window.menuBar().actions() for a in m.menu().actions()
    }
    for name in (
        "&Search the Pack…",
        "&Find in Document…",
        "Copy with &Citation",
        "&Bookmark This Place",
        "&Print…",
    ):
        assert shortcuts[name], name


def test_hidden_panels_are_made_when_their_dock_is_first_shown(window, qtbot):
    # Start-up pays only for what the first screen shows; a dock shown later still has its contents.
    assert window.annotations_dock.widget() is None
    window.annotations_dock.show()
    window.annotations_dock.raise_()
    qtbot.waitUntil(lambda: window.annotations_dock.widget() is not None)
    assert window.annotations_dock.widget() is window.annotating.panel
    window.search_dock.show()
    window.search_dock.raise_()
    qtbot.waitUntil(lambda: window.search_dock.widget() is window.searching.panel)
