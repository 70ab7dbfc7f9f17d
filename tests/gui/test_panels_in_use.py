"""The panels round the reader as people use them (issue 15): comparisons readable in narrow
columns, every entry of the documents list on screen, Open Recent by title, bookmarks renamed and
deleted, a highlight's colour and tags changed from its menu, a folder that is not a pack."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from tests.conftest import DATA
from tests.gui.dialogs import answer_next_input


def split_words(view) -> list[str]:
    """Every place where the view's layout breaks a line inside a word."""
    doc = view.document()
    out = []
    block = doc.begin()
    while block.isValid():
        layout, text = block.layout(), block.text()
        for i in range(layout.lineCount() - 1):
            line = layout.lineAt(i)
            end = line.textStart() + line.textLength()
            if 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
                out.append(text[max(0, end - 12) : end + 4])
        block = block.next()
    return out


def test_comparison_columns_never_split_a_word(window, qtbot):
    for comparison in window.comparisons:
        window.open_comparison(comparison.id)
        view = window.comparison_view
        QApplication.processEvents()
        assert view.document().size().width() > 0
        assert split_words(view) == [], comparison.id


def test_every_document_and_comparison_is_listed_on_screen_at_1280_by_800(window):
    docs = window.documents
    QApplication.processEvents()
    for row in range(docs.count()):
        assert docs.viewport().rect().contains(docs.visualItemRect(docs.item(row))), docs.item(row).text()


def test_a_folder_that_is_not_a_pack_leaves_the_open_pack_open(window, qtbot, tmp_path, bundled_pack):
    window.open_document("lga-item-3")
    window.packs.open_folder(tmp_path)  # what File > Open Pack does with the folder chosen
    assert window.pack is bundled_pack and window.reader.document_model.id == "lga-item-3"
    box = window.findChild(QMessageBox, "packFailedBox")
    qtbot.waitUntil(box.isVisible, timeout=2000)
    assert str(tmp_path) in box.text() and "stays open" in box.text() and "pack.yaml" in box.text()


def test_open_recent_lists_packs_by_title(window, bundled_pack):
    window.packs.open_folder(DATA / "example-pack")
    titles = [a.text() for a in window.actions.recent_menu.actions()]
    assert titles[:2] == [window.pack.title, bundled_pack.title]
    tips = [a.toolTip() for a in window.actions.recent_menu.actions()]
    assert tips[1] == str(bundled_pack.root.resolve())
    window.actions.recent_menu.actions()[1].trigger()
    assert window.pack.id == bundled_pack.id


def test_bookmarks_are_renamed_and_deleted(window, qtbot):
    window.open_document("lga-item-3")
    block = next(b for b in window.reader.document_model.blocks if b.number == "5.2")
    window.reader.scroll_to_block(block.id)
    window.actions.add_bookmark.trigger()
    window.open_document("sn05993")
    window.actions.add_bookmark.trigger()
    menu = window.actions.bookmarks_menu
    labels = [a.text() for a in menu.actions()[3:]]
    assert labels[0].startswith("LGA Item 3, para 5.2 — led to some parts")
    assert labels[0].endswith("…") and labels[0].rstrip("…").split()[-1] in block.text.split()  # whole words
    window.actions.edit_bookmarks.trigger()
    dialog = window.bookmarks.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    dialog.list.setCurrentRow(0)
    answer_next_input("Snooping paragraph")
    qtbot.mouseClick(dialog.findChild(QPushButton, "renameBookmark"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: menu.actions()[3].text() == "Snooping paragraph", timeout=3000)
    dialog.list.setCurrentRow(1)
    qtbot.mouseClick(dialog.findChild(QPushButton, "deleteBookmark"), Qt.MouseButton.LeftButton)
    assert [a.text() for a in menu.actions()[3:]] == ["Snooping paragraph"]
    menu.actions()[3].trigger()
    assert window.reader.document_model.id == "lga-item-3" and window.reader.block_at_top() == block.id


def test_in_the_dark_theme_the_panels_close_buttons_stand_out(window):
    from PySide6.QtWidgets import QAbstractButton

    window.appearance.set_theme("dark")
    QApplication.processEvents()
    buttons = [b for b in window.notes_dock.findChildren(QAbstractButton) if b.parent() is window.notes_dock]
    assert {b.accessibleName() for b in buttons} >= {"Close", "Float"}
    for button in buttons:
        image = button.grab().toImage()
        light = [
            image.pixelColor(x, y).lightness() for x in range(image.width()) for y in range(image.height())
        ]
        assert max(light) - min(light) > 120, button.accessibleName()  # a light glyph on the dark bar
    window.appearance.set_theme("light")
    assert window.notes_dock.style() is QApplication.style()


def test_file_dialogs_open_in_the_users_folders_then_the_last_one_used(window, tmp_path):
    from pathlib import Path

    from briefing_app.gui.file_dialogs import start_folder
    from briefing_app.paths import install_root

    first = Path(start_folder(window.settings))
    assert first.is_dir() and first != install_root() and first != Path.cwd()
    window.settings.set_last_folder(str(tmp_path))
    assert start_folder(window.settings) == str(tmp_path)
    window.settings.set_last_folder(str(tmp_path / "gone"))  # a folder since removed
    assert Path(start_folder(window.settings)) == first


def test_a_long_wrapped_title_leaves_every_document_on_screen(qtbot, tmp_path):
    """A paper whose title wraps over three lines: the list is fitted to its rows as laid out at its
    width (the height a row would need unwrapped left the second paper half hidden)."""
    from briefing_app.app import start_window
    from briefing_app.pack.create import new_pack
    from tests.pdf_inputs import text_pdf

    long = (
        "Proposed transfer of the Strengthening Independence Service for 18-25 year old disabled adults"
        " to ASCH from CYPE"
    )
    body = [["Report", "", "The council will balance its budget this year."]]
    papers = [
        text_pdf(tmp_path / "transfer.pdf", body, title=long),
        text_pdf(tmp_path / "decision.pdf", body, title="Decision"),
    ]
    new_pack(tmp_path / "pack", papers)
    window = start_window(tmp_path / "pack")  # as the app starts on it
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.pack is not None and window.complete, timeout=30000)
    qtbot.wait(20)  # the column refits once its size has reached the list
    docs = window.documents
    heights = [docs.visualItemRect(docs.item(row)).height() for row in range(docs.count())]
    assert docs.count() == 2 and heights[0] >= 2 * heights[1], heights  # the long title wraps
    for row in range(docs.count()):
        assert docs.viewport().rect().contains(docs.visualItemRect(docs.item(row))), docs.item(row).text()
