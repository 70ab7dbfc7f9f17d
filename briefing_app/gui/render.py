"""Render a Document into a QTextDocument through QTextCursor and formats, never HTML.

Document text is therefore never interpreted as markup, and the renderer records where each
model block starts so that search hits, note markers and annotations map to exact positions.
"""

from __future__ import annotations

from PySide6.QtGui import (
    QFont,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextTableFormat,
)

from briefing_app.gui import plain, style
from briefing_app.pack.model import Block, Document, Note, Span

NOTE_SCHEME = "note"
DOC_SCHEME = "doc"
LINE_SEPARATOR = "\u2028"  # a line break inside one QTextBlock, so a model block stays one block


class BlockPlace:
    """Where a model block landed in the QTextDocument. (Plain classes here and in RenderMap:
    dataclasses are built by generating and compiling code, about a millisecond each at start-up.)"""

    __slots__ = ("end", "inserts", "start")

    def __init__(self, start: int, end: int, inserts: list[tuple[int, int]] | None = None) -> None:
        self.start = start  # document position of the block's first model character
        self.end = end
        self.inserts = inserts if inserts is not None else []  # (model offset, length) of marker labels

    def position(self, offset: int) -> int:
        return self.start + offset + sum(n for at, n in self.inserts if at <= offset)


class RenderMap:
    __slots__ = ("blocks", "markers")

    def __init__(self) -> None:
        self.blocks: dict[str, BlockPlace] = {}
        self.markers: dict[str, list[int]] = {}  # note key -> positions of its markers

    def model_offset(self, block_id: str, position: int) -> int:
        """The offset in the block's model text of a document position (labels drawn in it skipped)."""
        place = self.blocks[block_id]
        offset = position - place.start
        for at, n in sorted(place.inserts):
            if place.start + at + n <= position:
                offset -= n
        return max(0, offset)

    def block_at(self, position: int) -> str | None:
        for block_id, place in self.blocks.items():
            if place.start <= position <= place.end:
                return block_id
        return None


def date_text(date: str | None) -> str | None:
    if not date:
        return None
    months = "January February March April May June July August September October November December".split()
    parts = date.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {months[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{months[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def note_status_text(note: Note | None) -> str:
    if note is None or note.status == "missing":
        return "not in this copy of the document"
    if note.status == "duplicate":
        return f"a second note numbered {note.label}"
    return ""


def _same_words(a: str, b: str) -> bool:
    return a.split() == b.split() or " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


class Renderer:
    def __init__(self, qdoc: QTextDocument, palette: QPalette, scale: float = 1.0) -> None:
        self.qdoc = qdoc
        self.palette = palette
        self.scale = scale  # zoom: every size is multiplied by it
        self.map = RenderMap()
        self.cursor = QTextCursor(qdoc)
        self.base = QTextCharFormat()
        self.base.setFont(style.body_font(scale))
        self.base.setForeground(palette.color(QPalette.ColorRole.Text))
        self.muted = style.muted(palette)

    def render(self, doc: Document, links: dict[str, list[Span]] | None = None) -> RenderMap:
        """`links`: per block id, spans naming another document of the pack (target: its id)."""
        self.links = links or {}
        self.qdoc.clear()
        self.qdoc.setDefaultFont(style.body_font(self.scale))
        self.cursor = QTextCursor(self.qdoc)
        self.cursor.beginEditBlock()
        notes = {n.key: n for n in doc.notes}
        titled = self._header(doc, notes)
        for block in doc.blocks[1 if titled else 0 :]:
            self._block(block, notes)
        self.cursor.endEditBlock()
        return self.map

    # -- pieces -------------------------------------------------------------------------------
    def _new_block(self, fmt: QTextBlockFormat, first: bool = False) -> None:
        if self.qdoc.isEmpty() and first:
            self.cursor.setBlockFormat(fmt)
        else:
            self.cursor.insertBlock(fmt)
        self.cursor.setCharFormat(self.base)

    def _fmt(
        self, *, size: float | None = None, bold: bool = False, italic: bool = False, colour=None
    ) -> QTextCharFormat:
        fmt = QTextCharFormat(self.base)
        if size:
            fmt.setFontPointSize(size * self.scale)
        if bold:
            fmt.setFontWeight(QFont.Weight.Bold)
        if italic:
            fmt.setFontItalic(True)
        if colour is not None:
            fmt.setForeground(colour)
        return fmt

    def _header(self, doc: Document, notes: dict[str, Note]) -> bool:
        """Title, imprint, licence, remarks; True when the document's own first heading is its
        title and was drawn as the header's title (so that the title is shown once)."""
        meta = doc.meta
        bf = QTextBlockFormat()
        bf.setBottomMargin(4)
        bf.setHeadingLevel(1)
        self._new_block(bf, first=True)
        first = doc.blocks[0] if doc.blocks else None
        titled = first is not None and first.kind == "heading" and _same_words(first.text, meta.title)
        if titled:
            self._text(first, self._fmt(size=22, bold=True), notes)
        else:
            self.cursor.insertText(meta.title, self._fmt(size=22, bold=True))
        line = " · ".join(x for x in (meta.publisher, meta.author, date_text(meta.date)) if x)
        if line:
            bf = QTextBlockFormat()
            bf.setBottomMargin(2)
            self._new_block(bf)
            self.cursor.insertText(line, self._fmt(size=11, colour=self.muted))
        if meta.licence:
            self._new_block(QTextBlockFormat())
            self.cursor.insertText(meta.licence, self._fmt(size=10, italic=True, colour=self.muted))
        for remark in doc.remarks:
            bf = QTextBlockFormat()
            bf.setTopMargin(8)
            bf.setLeftMargin(12)
            bf.setBackground(
                style.blend(
                    style.warning_colour(self.palette), self.palette.color(QPalette.ColorRole.Base), 0.15
                )
            )
            self._new_block(bf)
            self.cursor.insertText(remark, self._fmt(size=11, italic=True))
        rule = QTextBlockFormat()
        rule.setTopMargin(10)
        rule.setBottomMargin(10)
        rule.setProperty(
            QTextFormat.Property.BlockTrailingHorizontalRulerWidth,
            QTextLength(QTextLength.Type.PercentageLength, 100),
        )
        self._new_block(rule)
        return titled

    def _block(self, block: Block, notes: dict[str, Note]) -> None:
        if block.kind == "table" and block.rows:
            self._table(block)
            return
        bf = QTextBlockFormat()
        bf.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        bf.setBottomMargin(9)
        base = QTextCharFormat(self.base)
        if block.kind == "heading":
            level = block.level or 1
            bf.setHeadingLevel(min(level, 6))
            bf.setTopMargin(18 if level <= 2 else 12)
            bf.setBottomMargin(6)
            bf.setLineHeight(115, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            base = self._fmt(size=style.HEADING_PT.get(level, 12.0), bold=True)
        elif block.kind == "list_item":
            bf.setLeftMargin(28)
            bf.setTextIndent(-18)
            bf.setBottomMargin(5)
        elif block.kind == "quote":
            bf.setLeftMargin(32)
            bf.setRightMargin(24)
            if block.role == "attribution":
                bf.setAlignment(bf.alignment())
                base = self._fmt(size=11, bold=True, colour=self.muted)
            else:
                base = self._fmt(italic=True)
        if block.role == "front-matter":
            base = self._fmt(size=10.5, colour=self.muted)
        elif block.role == "figure":
            bf.setLeftMargin(32)
            base = self._fmt(size=10.5, italic=True, colour=self.muted)
        self._new_block(bf)
        if block.number:
            self.cursor.insertText(block.number, self._fmt(bold=True, colour=self.muted))
            self.cursor.insertText("\u2003", base)
        elif block.kind == "list_item":
            self.cursor.insertText(f"{block.marker or '•'}\u2002", self._fmt(colour=self.muted))
        elif block.role == "figure":
            self.cursor.insertText(f"Diagram labels{LINE_SEPARATOR}", self._fmt(size=9.5, colour=self.muted))
        self._text(block, base, notes)

    def _text(self, block: Block, base: QTextCharFormat, notes: dict[str, Note]) -> None:
        text = block.text.replace("\n", LINE_SEPARATOR)
        place = BlockPlace(self.cursor.position(), self.cursor.position())
        spans = [*block.spans, *self.links.get(block.id, ())]
        cuts = {0, len(text)}
        for s in spans:
            cuts.update((s.start, s.end))
        refs_at: dict[int, list[str]] = {}
        for s in spans:
            if s.kind == "note_ref" and s.target:
                refs_at.setdefault(s.start, []).append(s.target)
        points = sorted(c for c in cuts if 0 <= c <= len(text))
        for i, at in enumerate(points):
            for key in refs_at.get(at, []):
                label_len = self._marker(key, notes.get(key))
                place.inserts.append((at, label_len))
            if i + 1 < len(points) and points[i + 1] > at:
                end = points[i + 1]
                fmt = QTextCharFormat(base)
                for s in spans:
                    if s.start <= at and s.end >= end and s.end > s.start:
                        self._apply(fmt, s.kind, s.target)
                self.cursor.insertText(text[at:end], fmt)
        place.end = self.cursor.position()
        self.map.blocks[block.id] = place

    def _apply(self, fmt: QTextCharFormat, kind: str, target: str | None = None) -> None:
        if kind == "emphasis":
            fmt.setFontItalic(not fmt.fontItalic())
        elif kind == "strong":
            fmt.setFontWeight(QFont.Weight.Bold)
        elif kind == "superscript":
            fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
        elif kind == "doclink":
            fmt.setForeground(style.link_colour(self.palette))
            fmt.setFontUnderline(True)
            fmt.setAnchor(True)
            fmt.setAnchorHref(f"{DOC_SCHEME}:{target}")
            fmt.setToolTip("Open this document of the pack")
        elif kind == "link":
            # Links are shown, never followed: the app does not go to the network. A link whose
            # address the source left out ("#") is marked as a reference with nothing behind it.
            fmt.setForeground(style.link_colour(self.palette))
            fmt.setUnderlineStyle(
                QTextCharFormat.UnderlineStyle.DotLine
                if target is None
                else QTextCharFormat.UnderlineStyle.SingleUnderline
            )
            fmt.setToolTip(plain.tip(target or "The source gives no address for this link."))

    def _marker(self, key: str, note: Note | None) -> int:
        label = note.label if note else key
        fmt = QTextCharFormat(self.base)
        fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
        fmt.setFontPointSize((style.BODY_PT + 2) * self.scale)  # superscript shrinks it; keep it clickable
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setAnchor(True)
        fmt.setAnchorHref(f"{NOTE_SCHEME}:{key}")
        status = note_status_text(note)
        if note is None or note.status == "missing":
            fmt.setForeground(style.warning_colour(self.palette))
            fmt.setToolTip(plain.tip(f"Note {label}: {status}."))
        else:
            fmt.setForeground(style.link_colour(self.palette))
            tip = note.text or ""
            fmt.setToolTip(plain.tip(f"Note {label}{f' ({status})' if status else ''}: {tip}"))
        self.map.markers.setdefault(key, []).append(self.cursor.position())
        self.cursor.insertText(label, fmt)
        return len(label)

    def _table(self, block: Block) -> None:
        rows = block.rows or ()
        columns = max(len(r) for r in rows)
        bf = QTextBlockFormat()
        self._new_block(bf)
        tf = QTextTableFormat()
        tf.setBorder(0)
        tf.setCellPadding(3)
        tf.setCellSpacing(0)
        tf.setBottomMargin(10)
        tf.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_None)
        place = BlockPlace(self.cursor.position(), self.cursor.position())
        table = self.cursor.insertTable(len(rows), columns, tf)
        for r, row in enumerate(rows):
            for c in range(columns):
                cell = table.cellAt(r, c)
                cur = cell.firstCursorPosition()
                cur.insertText(row[c] if c < len(row) else "", self.base)
        self.cursor = QTextCursor(self.qdoc)
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        place.end = self.cursor.position()
        self.map.blocks[block.id] = place
