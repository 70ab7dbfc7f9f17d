"""Printing and PDF export: always dark text on white paper, whatever the screen's theme; the
reader's highlights and comments when asked for; the PDF titled; what is on screen is what goes."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTextCursor
from PySide6.QtWidgets import QCheckBox, QDialog

from briefing_app.gui.paper import paper_palette


def pdf_title(path) -> str:
    """The Title of a PDF's information dictionary, as Qt writes it (a UTF-16 string)."""
    data = path.read_bytes()
    start = data.index(b"/Title (") + len(b"/Title (")
    end = start
    while data[end : end + 1] != b")" or data[end - 1 : end] == b"\\":
        end += 1
    return data[start:end].replace(b"\\", b"").decode("utf-16")


def picture(qdoc, width: int = 700, height: int = 900) -> QImage:
    """The top of a document's first page, drawn as it is printed."""
    qdoc.setTextWidth(width)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    qdoc.drawContents(painter, QRectF(0, 0, width, height))
    painter.end()
    return image


def colours(image: QImage) -> list[QColor]:
    return [image.pixelColor(x, y) for y in range(0, image.height(), 3) for x in range(0, image.width(), 3)]


def select(window, block_id: str, words: str) -> None:
    block = window.reader.document_model.block(block_id)
    start = block.text.index(words)
    place = window.reader.render_map.blocks[block_id]
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(place.position(start))
    cursor.setPosition(place.position(start + len(words)), QTextCursor.MoveMode.KeepAnchor)
    window.reader.setTextCursor(cursor)


def test_in_the_dark_theme_paper_is_still_dark_text_on_white(window, qtbot, tmp_path):
    window.appearance.set_theme("dark")
    screen = QTextCursor(window.reader.document())
    screen.setPosition(window.reader.render_map.blocks["b10"].start + 1)
    assert screen.charFormat().foreground().color().lightness() > 150  # light text on the screen
    paper = window.exports.paper()
    cursor = QTextCursor(paper)
    cursor.setPosition(10)
    assert cursor.charFormat().foreground().color().lightness() < 60
    pixels = colours(picture(paper))
    assert sum(c.lightness() < 80 for c in pixels) > 500  # plenty of dark text
    assert paper_palette().color(paper_palette().ColorRole.Base) == QColor("white")
    with qtbot.waitSignal(window.exports.pdf.finished, timeout=30000):
        window.exports.export_pdf(tmp_path / "sn05993.pdf")
    assert (tmp_path / "sn05993.pdf").read_bytes().startswith(b"%PDF")
    assert pdf_title(tmp_path / "sn05993.pdf") == "Preventing violent extremism"


def test_highlights_and_comments_go_on_paper_only_when_asked(window):
    window.open_document("lga-item-3")
    block = next(b for b in window.reader.document_model.blocks if b.number == "5.2")
    select(window, block.id, "victims of state 'snooping'")
    (annotation_id,) = window.annotating.highlight("pink")
    window.annotating.set_comment(annotation_id, "Ask the minister")
    plain = window.exports.paper(with_annotations=False)
    marked = window.exports.paper(with_annotations=True)
    assert "Ask the minister" not in plain.toPlainText()
    assert "My comment: Ask the minister" in marked.toPlainText()
    text = marked.toPlainText()
    cursor = QTextCursor(marked)
    cursor.setPosition(text.index("victims of state") + 2)
    assert cursor.charFormat().background().color() == QColor("#ffb3d1")
    cursor = QTextCursor(plain)
    cursor.setPosition(plain.toPlainText().index("victims of state") + 2)
    assert cursor.charFormat().background().color() != QColor("#ffb3d1")


def test_print_preview_has_the_highlights_checkbox(window, qtbot):
    window.actions.print_preview.trigger()
    dialog = window.exports.preview
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    box = dialog.findChild(QCheckBox, "showAnnotations")
    assert box is not None and box.text() == "&Show my highlights and comments" and not box.isChecked()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert window.exports.with_annotations
    dialog.done(QDialog.DialogCode.Rejected)


def test_export_as_pdf_while_a_comparison_is_shown_exports_the_comparison(window, qtbot, tmp_path):
    window.open_comparison("prevent-objectives")
    with qtbot.waitSignal(window.exports.pdf.finished, timeout=30000):
        assert window.exports.export_pdf(tmp_path / "shown.pdf")
    assert pdf_title(tmp_path / "shown.pdf") == window.comparison_view.comparison.title
