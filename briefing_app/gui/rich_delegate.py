"""Rows of rich text (escaped, with bold marks) in list and tree views, wrapped to the width."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPalette, QTextDocument
from PySide6.QtWidgets import QStyledItemDelegate, QTreeView

from briefing_app.gui.on_screen import viewport_rect
from briefing_app.markup import escape

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionViewItem, QTreeWidgetItem

HTML_ROLE = Qt.ItemDataRole.UserRole + 1


def group_item(title: str) -> QTreeWidgetItem:
    """A bold, unselectable heading row for a group of results."""
    from PySide6.QtWidgets import QTreeWidgetItem  # results only: not built at start-up

    item = QTreeWidgetItem([title])
    font = item.font(0)
    font.setBold(True)
    item.setFont(0, font)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
    return item


def marked(text: str, ranges) -> str:
    """Escaped text with the given ranges in bold: the text itself is never read as markup."""
    out, pos = [], 0
    for s, e in ranges:
        out.append(escape(text[pos:s]))
        out.append(f"<b>{escape(text[s:e])}</b>")
        pos = e
    out.append(escape(text[pos:]))
    return "".join(out)


class RichDelegate(QStyledItemDelegate):
    """Paints items that carry HTML (hit rows) as rich text, wrapped to the column width."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        # Layout asks for each row's size and then paints it: parse each row's HTML once, and lay
        # it out again only when its width changes (as panels settle into place at start-up).
        self._docs: dict[str, QTextDocument] = {}
        self._sizes: dict[tuple[str, int, str], QSize] = {}  # (html, width, font): the row's size
        self._without_text = False

    def clear_cache(self) -> None:
        self._docs.clear()
        self._sizes.clear()

    def _doc(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument | None:
        html = index.data(HTML_ROLE)
        return self._laid_out(html, self._width(option, index), option) if html else None

    def _laid_out(self, html: str, row_width: int, option: QStyleOptionViewItem) -> QTextDocument:
        width = max(80, row_width - 8)
        doc = self._docs.get(html)
        if doc is None:
            doc = self._docs[html] = QTextDocument()
            doc.setDefaultFont(option.font)
            doc.setHtml(html)
        if doc.defaultFont() != option.font:
            doc.setDefaultFont(option.font)
        if doc.textWidth() != width:
            doc.setTextWidth(width)
        return doc

    def _width(self, option: QStyleOptionViewItem, index: QModelIndex) -> int:
        # sizeHint is asked before the row has a rectangle: measure against the view instead.
        if option.rect.width() > 0:
            return option.rect.width()
        view = self.parent()
        # The row's own indent, exactly: a width that differs from the one paint is given lays the
        # row out again at every size and paint (a results list flipped between two, twice a row).
        # isinstance, not hasattr: a failed attribute lookup on a Qt object makes PySide set up
        # unrelated classes (QWizard, QDateTimeEdit) at start-up.
        indent = 0
        if isinstance(view, QTreeView):
            depth = (1 if index.parent().isValid() else 0) + (1 if view.rootIsDecorated() else 0)
            indent = view.indentation() * depth
        return viewport_rect(view).width() - indent  # not viewport(): see viewport_rect

    def paint(self, painter, option, index) -> None:
        doc = self._doc(option, index)
        if doc is None:
            super().paint(painter, option, index)
            return
        # The style paints the row (background, selection, focus) without its plain text; the rich
        # text goes on top. Going through the base class spares importing QStyle, whose hundreds of
        # enum members cost start-up about 14 ms.
        self._without_text = True
        try:
            super().paint(painter, option, index)
        finally:
            self._without_text = False
        painter.save()
        painter.translate(option.rect.left() + 4, option.rect.top() + 2)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        view = self.parent()
        selected = bool(view is not None and view.selectionModel().isSelected(index))
        colour = option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        if not selected and background is not None and background.color().alpha():
            # A row with its own background (emphasis, a flash) gets text that contrasts with it.
            colour = QColor("#000000") if background.color().lightness() > 140 else QColor("#ffffff")
        ctx.palette.setColor(QPalette.ColorRole.Text, colour)
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def initStyleOption(self, option, index) -> None:  # noqa: N802 (Qt name)
        super().initStyleOption(option, index)
        if self._without_text:
            option.text = ""

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 (Qt name)
        html = index.data(HTML_ROLE)
        if not html:
            return super().sizeHint(option, index)
        # A list lays out every row it holds each time rows are added: a row sized before is looked
        # up, not asked of its document again.
        row_width = self._width(option, index)
        key = (html, row_width, option.font.key())
        size = self._sizes.get(key)
        if size is None:
            doc = self._laid_out(html, row_width, option)
            # Width 0: the row takes the column width; asking for more would bring a horizontal scroll.
            size = self._sizes[key] = QSize(0, int(doc.size().height()) + 4)
        return size
