from __future__ import annotations

from PySide6.QtCore import QUrl


def test_comparisons_open_from_menu_toolbar_and_document_list(window):
    titles = [a.text() for a in window.actions.comparisons_menu.actions()]
    assert titles == [c.title for c in window.comparisons]
    assert window.compare_button.menu() is window.actions.comparisons_menu
    window.actions.comparisons_menu.actions()[1].trigger()
    assert window.pages.currentWidget() is window.comparison_view
    assert window.comparison_view.comparison.id == "integration-factors"
    window.documents.setCurrentRow(window.documents.count() - 2)  # the first comparison entry
    assert window.comparison_view.comparison.id == "prevent-objectives"


def test_view_shows_columns_badges_and_quotes(window):
    window.open_comparison("prevent-objectives")
    text = window.comparison_view.toPlainText()
    for fragment in (
        "Prevent 2008-09",
        "Prevent 2011",
        "Reworded",
        "Moved out",
        "No counterpart",
        "The aim of Prevent should be to stop people becoming terrorists or supporting terrorism",
    ):
        assert fragment in text


def test_clicking_a_quote_lands_on_the_highlighted_passage_and_back_returns(window):
    window.open_comparison("prevent-objectives")
    view = window.comparison_view
    index = next(
        i for i, q in enumerate(view.quotes) if q.text.startswith("Prevent should address all forms")
    )
    view.verticalScrollBar().setValue(120)
    view.anchorClicked.emit(QUrl(f"quote:{index}"))
    assert window.workspace.document is not None
    assert window.reader.document_model.id == "sn05993"
    (selection,) = window.reader.extraSelections()
    assert (
        selection.cursor.selectedText()
        == "Prevent should address all forms of terrorism, including the extreme right wing"
    )
    assert window.actions.back.isEnabled()
    window.actions.back.trigger()
    assert window.pages.currentWidget() is view
    assert view.verticalScrollBar().value() == 120
    assert not window.actions.back.isEnabled()


def test_the_comparison_on_screen_exports_from_the_window(window, qtbot, tmp_path):
    assert not window.exports.export_comparison(tmp_path / "none.html")  # a document is on screen
    window.open_comparison("prevent-objectives")
    title = window.comparison_view.comparison.title
    for name in ("objectives.html", "objectives.md"):
        assert window.exports.export_comparison(tmp_path / name)
    with qtbot.waitSignal(window.exports.pdf.finished, timeout=30000):  # a PDF is written off the GUI thread
        assert window.exports.export_comparison(tmp_path / "objectives.pdf")
    assert title in (tmp_path / "objectives.html").read_text(encoding="utf-8")
    assert (tmp_path / "objectives.md").read_text(encoding="utf-8").startswith(f"# {title}")
    assert (tmp_path / "objectives.pdf").read_bytes().startswith(b"%PDF")
