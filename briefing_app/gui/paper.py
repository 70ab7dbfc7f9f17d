"""A document laid out for paper (printing, PDF export): dark text on white whatever the screen's
theme, and, when asked, the reader's highlights and comments drawn in."""

from __future__ import annotations

from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from briefing_app.gui.render import Renderer
from briefing_app.pack.model import Document, Span

# (block id, start, end, colour hex, comment) in model offsets
Mark = tuple[str, int, int, str, str]


def paper_palette() -> QPalette:
    """Black on white, with a dark blue for links: the palette of a printed page."""
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Text, "#000000"),
        (QPalette.ColorRole.WindowText, "#000000"),
        (QPalette.ColorRole.Base, "#ffffff"),
        (QPalette.ColorRole.Window, "#ffffff"),
        (QPalette.ColorRole.Link, "#1a3d8f"),
        (QPalette.ColorRole.Highlight, "#3d6fb4"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def paper_document(
    doc: Document, links: dict[str, list[Span]] | None = None, marks: list[Mark] | None = None
) -> QTextDocument:
    """`doc` rendered for paper; with `marks`, each highlight coloured and its comment printed
    below the paragraph it is on."""
    qdoc = QTextDocument()
    qdoc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, doc.meta.title)
    render_map = Renderer(qdoc, paper_palette()).render(doc, links)
    if not marks:
        return qdoc
    comments: dict[str, list[str]] = {}
    for block_id, start, end, colour, comment in marks:
        place = render_map.blocks.get(block_id)
        if place is None:
            continue
        cursor = QTextCursor(qdoc)
        cursor.setPosition(place.position(start))
        cursor.setPosition(place.position(end), QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(colour))
        cursor.mergeCharFormat(fmt)
        if comment:
            comments.setdefault(block_id, []).append(comment)
    # Comments go in after their paragraphs, the last paragraph first, so that the positions of
    # the ones still to do do not move.
    note = QTextCharFormat()
    note.setFontItalic(True)
    note.setFontPointSize(10)
    note.setForeground(QColor("#333333"))
    box = QTextBlockFormat()
    box.setLeftMargin(24)
    box.setBackground(QColor("#f3f3f3"))
    for block_id in sorted(comments, key=lambda b: render_map.blocks[b].end, reverse=True):
        cursor = QTextCursor(qdoc)
        cursor.setPosition(render_map.blocks[block_id].end)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        for comment in reversed(comments[block_id]):
            cursor.insertBlock(box, note)
            label = QTextCharFormat(note)
            label.setFontWeight(QFont.Weight.Bold)
            cursor.insertText("My comment: ", label)
            cursor.insertText(comment, note)
            cursor.setPosition(render_map.blocks[block_id].end)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    return qdoc
