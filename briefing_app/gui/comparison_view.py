"""A comparison side by side: provenance headers, aligned rows, badges, marked differences.

Rendered through QTextCursor into a table, so quote text is never read as markup; each quote is
a link that opens its passage in the reader.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextCharFormat,
    QTextCursor,
    QTextFrameFormat,
    QTextLength,
    QTextOption,
    QTextTableFormat,
)
from PySide6.QtWidgets import QTextBrowser

from briefing_app.compare.export import differences, provenance, where
from briefing_app.compare.model import Comparison, Quote
from briefing_app.gui import style
from briefing_app.gui.control_names import name_controls
from briefing_app.pack.model import Pack

QUOTE_SCHEME = "quote"
BADGE_COLOURS = {
    "retained": "#d8f0d8",
    "reworded": "#fff0c0",
    "broadened": "#d8e8ff",
    "merged": "#eadcff",
    "new": "#d0f4f0",
    "moved": "#ffe0c8",
    "dropped": "#ffd6d6",
    "no counterpart": "#e6e6e6",
    "none": "#eeeeee",
}
DIFF = QColor("#ffe08a")


class ComparisonView(QTextBrowser):
    quoteActivated = Signal(object)  # Quote

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("comparisonView")
        self.setAccessibleName("Comparison")
        self.setOpenLinks(False)
        # Lines break between words only: a narrow column keeps "SN05993/3" and "Responsibility"
        # whole (the view scrolls sideways if a column cannot fit its longest word).
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.comparison: Comparison | None = None
        self.quotes: list[Quote] = []
        self.anchorClicked.connect(self._on_anchor)
        name_controls(self)

    def show_comparison(self, comparison: Comparison, pack: Pack) -> None:
        self.comparison = comparison
        self.quotes = []
        doc = self.document()
        doc.clear()
        doc.setDefaultFont(style.body_font())
        cursor = QTextCursor(doc)
        base = QTextCharFormat()
        base.setFont(style.body_font())
        title = QTextCharFormat(base)
        title.setFontPointSize(18)
        title.setFontWeight(QFont.Weight.Bold)
        cursor.insertText(comparison.title, title)
        small = QTextCharFormat(base)
        small.setFontPointSize(10)
        small.setForeground(style.muted(self.palette()))
        if comparison.description:
            cursor.insertBlock()
            cursor.insertText(comparison.description, small)
        cursor.insertBlock()
        cursor.insertText(
            "Words that differ from the first column are marked. Click a quotation to read it in place.",
            small,
        )
        cursor.insertBlock()

        n = len(comparison.columns)
        fmt = QTextTableFormat()
        fmt.setCellPadding(6)
        fmt.setCellSpacing(0)
        fmt.setBorder(0.5)
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 99))
        # A fixed label column keeps row labels whole in a narrow window; quotes share the rest.
        fmt.setColumnWidthConstraints(
            [QTextLength(QTextLength.Type.FixedLength, 132)]
            + [QTextLength(QTextLength.Type.VariableLength, 0)] * n
        )
        fmt.setHeaderRowCount(1)
        table = cursor.insertTable(1 + 2 * len(comparison.rows), n + 1, fmt)
        bold = QTextCharFormat(base)
        bold.setFontWeight(QFont.Weight.Bold)
        for c, col in enumerate(comparison.columns, start=1):
            cell = table.cellAt(0, c).firstCursorPosition()
            cell.insertText(col.title, bold)
            if text := provenance(col):
                cell.insertBlock()
                cell.insertText(text, small)
        for r, row in enumerate(comparison.rows):
            at = 1 + 2 * r
            label = table.cellAt(at, 0).firstCursorPosition()
            label.insertText(row.label, bold)
            label.insertBlock()
            badge = QTextCharFormat(small)
            badge.setForeground(QColor("#202020"))
            badge.setBackground(QColor(BADGE_COLOURS.get(row.mapping, "#eeeeee")))
            badge.setFontWeight(QFont.Weight.DemiBold)
            label.insertText(f" {row.badge} ", badge)
            for c, col in enumerate(comparison.columns, start=1):
                cell = table.cellAt(at, c).firstCursorPosition()
                quotes = row.cell(col.id).quotes
                if not quotes:
                    muted = QTextCharFormat(small)
                    muted.setFontItalic(True)
                    cell.insertText("No counterpart", muted)
                for i, q in enumerate(quotes):
                    if i:
                        cell.insertBlock()
                    self._quote(cell, q, differences(comparison, row, q), base)
                    cell.insertBlock()
                    cell.insertText(where(pack, q), small)
            # the note and its evidence, across the columns below the row
            table.mergeCells(at + 1, 1, 1, n)
            note = table.cellAt(at + 1, 1).firstCursorPosition()
            if row.note:
                note.insertText(row.note, small)
            for q in row.evidence:
                note.insertBlock()
                note.insertText("Evidence: ", small)
                self._quote(note, q, [], small)
                note.insertText(f"  ({where(pack, q)})", small)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _quote(
        self, cursor: QTextCursor, q: Quote, marks: list[tuple[int, int]], base: QTextCharFormat
    ) -> None:
        index = len(self.quotes)
        self.quotes.append(q)
        link = QTextCharFormat(base)
        link.setAnchor(True)
        link.setAnchorHref(f"{QUOTE_SCHEME}:{index}")
        link.setToolTip("Open this passage in its document")
        link.setForeground(self.palette().color(self.palette().ColorRole.Text))
        marked = QTextCharFormat(link)
        marked.setBackground(DIFF)
        marked.setForeground(QColor("#000000"))
        cursor.insertText("“", link)
        pos = 0
        for s, e in marks:
            cursor.insertText(q.text[pos:s], link)
            cursor.insertText(q.text[s:e], marked)
            pos = e
        cursor.insertText(q.text[pos:] + "”", link)

    @Slot(QUrl)
    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() == QUOTE_SCHEME and url.path().isdigit():
            self.quoteActivated.emit(self.quotes[int(url.path())])
