"""PDF lines in reading order -> draft blocks: paragraphs, headings, numbered paragraphs, lists, tables.

A paragraph ends at a wider gap than the lines' own leading, at a first-line indent after a
finished sentence, at an outdent, or after a short line that ends a sentence. It carries on across a
column or page break while its sentence is unfinished. A heading is set larger than the body, or
bold in a body that is not; its level comes from its size and weight among the document's
headings. A line that ends at a hyphen is joined without a space; the hyphen goes only where the
paper writes the joined word elsewhere (the shared stage, hyphens.repair, takes it out).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing_app.pack.readers.draft import Draft, ends_sentence, split_number, starts_lower, starts_upper
from briefing_app.pack.readers.pdflayout import Line

_BULLET = re.compile(r"^(?P<mark>[•▪●◦■►➢✓\uf0b7\uf0a7\uf0d8\uf076-]|[-–*])\s*(?P<rest>\S.*)$")
_O_BULLET = re.compile(r"^o\s+(?P<rest>\S.*)$")
_LETTERED = re.compile(r"^(?P<mark>\(?(?:[A-Za-z]|[ivx]{1,4})[.)])\s+(?P<rest>\S.*)$")
_LAST_WORD = re.compile(r"[^\W\d_]+$")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
_HEADING_NUMBER = re.compile(r"^(?P<num>\d{1,2})\s+(?P<rest>[A-Z][a-z]\S*(?:\s\S+)*)$")


def _heading_number(text: str) -> tuple[str, str] | None:
    """A heading's number printed without a dot: "4 Legal implications"."""
    m = _HEADING_NUMBER.match(text)
    return (m.group("num"), m.group("rest")) if m else None


@dataclass
class PLine:
    """A line ready for blocks: its text, and note markers and raised text placed in it."""

    line: Line
    text: str
    order: int  # the line's place in the document's reading order, 1-based
    marks: list[tuple[int, str]] = field(default_factory=list)
    sups: list[tuple[int, int]] = field(default_factory=list)

    def cut(self, n: int) -> PLine:
        """The line without its first n characters (a bullet or a number taken off)."""
        rest = self.text[n:]
        shift = n + len(rest) - len(rest.lstrip())
        return PLine(
            self.line,
            self.text[shift:],
            self.order,
            [(max(0, o - shift), lb) for o, lb in self.marks],
            [(max(0, s - shift), max(0, e - shift)) for s, e in self.sups],
        )


@dataclass
class PdfDraft(Draft):
    regions: list[tuple[int, Line]] = field(default_factory=list)  # (offset in raw, printed line)
    marks: list[tuple[int, str]] = field(default_factory=list)
    sups: list[tuple[int, int]] = field(default_factory=list)
    style: tuple[float, bool] | None = None  # headings: (size, bold)
    pdf_page: int = 0

    def add(self, pl: PLine, sep: str) -> None:
        at = len(self.raw) + (len(sep) if self.raw else 0)
        self.raw = f"{self.raw}{sep}{pl.text}" if self.raw else pl.text
        self.regions.append((at, pl.line))
        self.marks.extend((at + o, lb) for o, lb in pl.marks)
        self.sups.extend((at + s, at + e) for s, e in pl.sups)
        self.line_starts.append((at, pl.order))


class BlockBuilder:
    def __init__(self, lines: list[PLine], body_size: float, body_bold: bool) -> None:
        self.lines = lines
        self.body = body_size
        self.body_bold = body_bold
        self.drafts: list[PdfDraft] = []
        self.cur: PdfDraft | None = None
        self.prev: PLine | None = None
        self.next: PLine | None = None
        self.leading = _leading(lines)
        self.words = {w.lower() for pl in lines for w in _FIRST_WORD.findall(pl.text)}
        self._indented_paragraphs = _uses_indents(lines)
        self.left, self.right = _edges(lines)

    def run(self) -> list[PdfDraft]:
        for i, pl in enumerate(self.lines):
            self.next = self.lines[i + 1] if i + 1 < len(self.lines) else None
            self._line(pl, pl.order)
            self.prev = pl
        for d in self.drafts:
            if d.kind == "heading" and d.style is not None:
                d.level = self._levels().get(d.style, 3)
        return self.drafts

    def _levels(self) -> dict[tuple[float, bool], int]:
        styles = sorted({d.style for d in self.drafts if d.kind == "heading" and d.style}, reverse=True)
        return {s: min(i + 1, 6) for i, s in enumerate(styles)}

    def _open(self, kind: str, pl: PLine, n: int, **kw) -> PdfDraft:
        d = PdfDraft(kind, "", n, pdf_page=pl.line.page, **kw)
        d.add(pl, "")
        self.drafts.append(d)
        self.cur = d
        return d

    def _line(self, pl: PLine, n: int) -> None:
        ln = pl.line
        cur, prev = self.cur, self.prev
        if ln.cells is not None:
            if cur is not None and cur.kind == "table" and prev is not None and prev.line.cells is not None:
                if ln.page != prev.line.page and cur.rows and list(ln.cells) == cur.rows[0]:
                    return  # the header row again, at the top of the table's next page
                cur.rows.append(list(ln.cells))
                cur.add(pl, "\n")
            else:
                self._open("table", pl, n, rows=[list(ln.cells)])
            return
        if self._is_heading(pl):
            style = (round(ln.size * 2) / 2, ln.bold)
            if (
                cur is not None
                and cur.kind == "heading"
                and cur.style == style
                and prev is not None
                and prev.line.page == ln.page
                and 0 <= ln.top - prev.line.bottom <= 0.8 * ln.size
                and not split_number(pl.text)
                and not _would_fit(prev.line, pl, self.right.get((ln.page, ln.column), prev.line.x1))
                and (
                    abs(ln.x0 - prev.line.x0) < ln.size
                    or abs((ln.x0 + ln.x1) - (prev.line.x0 + prev.line.x1)) < 2 * ln.size
                )  # lines of one heading share its left edge, or its centre
            ):
                cur.add(pl, " ")  # a heading that wrapped onto a second line
                return
            num = split_number(pl.text) or _heading_number(pl.text)
            if num and not num[1][:1].islower():
                self._open("heading", pl.cut(len(pl.text) - len(num[1])), n, number=num[0], style=style)
            else:
                self._open("heading", pl, n, style=style)
            return
        fresh = self._starts_new(pl)
        indented = prev is not None and ln.x0 > prev.line.x0 + 0.5 * ln.size
        m = _BULLET.match(pl.text) or ((ln.mark_gap or indented or fresh) and _O_BULLET.match(pl.text))
        # A dash starts a bullet only where a line could start a block anyway (not "- 5" in a sum).
        if m and (m.re is _O_BULLET or m.group("mark") not in "-–*" or ln.mark_gap or fresh):
            self._open("list_item", pl.cut(m.start("rest")), n, marker="•")
            return
        num = split_number(pl.text)
        if num and (fresh or ln.mark_gap or (prev is not None and ends_sentence(prev.text))):
            rest = pl.cut(len(pl.text) - len(num[1]))
            if "." not in num[0] and num[1][:1].islower():
                self._open("list_item", rest, n, marker=f"{num[0]}.")
            else:
                self._open("paragraph", rest, n, number=num[0])
            return
        if (m := _LETTERED.match(pl.text)) and (fresh or ln.mark_gap):
            self._open("list_item", pl.cut(m.start("rest")), n, marker=m.group("mark"))
            return
        if fresh or cur is None or cur.kind in ("heading", "table"):
            self._open("paragraph", pl, n)
            return
        self._join(cur, pl)

    def _is_heading(self, pl: PLine) -> bool:
        ln, text = pl.line, pl.text
        words = len(text.split())
        if not text or starts_lower(text) or words > 30:
            return False
        if ln.size >= 1.12 * self.body and re.search(r"[^\W\d_]", text):
            return True
        if ln.bold and not self.body_bold and len(text) <= 120 and not text.endswith((".", ",", ";")):
            nxt = self.next
            if (
                nxt is not None
                and nxt.line.page == ln.page
                and not nxt.line.bold
                and starts_lower(nxt.text)
                and nxt.line.top - ln.bottom < 0.8 * ln.size
            ):
                return False  # a bold lead-in whose sentence runs on: "Transition Gap: young adults ..."
            if (
                nxt is not None
                and nxt.line.page == ln.page
                and nxt.line.column == ln.column
                and not nxt.line.bold
                and 0 <= nxt.line.top - ln.bottom < 0.8 * max(ln.size, nxt.line.size)
                and abs(nxt.line.x0 - ln.x0) < 0.5 * ln.size
                and not _would_fit(ln, nxt, self.right.get((ln.page, ln.column), ln.x1))
            ):
                return False  # "AGENCY: Federal Aviation / Administration (FAA), DOT.": it wrapped
            return bool(re.search(r"[^\W\d_]{2}", text))
        return False

    def _starts_new(self, pl: PLine) -> bool:
        cur, prev, ln = self.cur, self.prev, pl.line
        if cur is None or prev is None or cur.kind in ("heading", "table"):
            return True
        p = prev.line
        same_place = p.page == ln.page and p.column == ln.column and p.section == ln.section
        if not same_place:
            # A page or column break: the paragraph goes on while its sentence is unfinished.
            full = p.x1 >= self.right.get((p.page, p.column), p.x1) - 3 * p.size
            # A paragraph set with first-line indents starts the new column indented; one that
            # starts flush at the column's edge carries on the unfinished sentence.
            flush = ln.x0 <= self.left.get((ln.page, ln.column), ln.x0) + 0.5 * ln.size
            indents = self._indented_paragraphs
            return ends_sentence(cur.raw) or not (starts_lower(pl.text) or full or (indents and flush))
        gap = ln.top - p.bottom
        if gap > self.leading.get(round(ln.size), 0.3 * ln.size) + 0.45 * ln.size or gap < -0.5 * ln.size:
            return True
        sizes = [z for f in p.frags for z in (f.sizes or (f.size,))] or [p.size]
        if all(abs(ln.size - z) > 0.15 * max(ln.size, z) for z in sizes):
            return True  # a change of size (a line of small capitals and text runs on)
        if len(cur.regions) > 1:
            if ln.x0 < cur.regions[1][1].x0 - 0.6 * ln.size:
                return True  # back out of the block's text edge: a bullet's list is over
        elif ln.x0 < cur.regions[0][1].x0 - 1.5 * ln.size:
            return True  # a first-line indent is about an em; more is an outdent
        hanging = len(cur.regions) == 1 and (cur.number or cur.marker)
        if not hanging and ln.x0 > p.x0 + 0.6 * ln.size and ends_sentence(prev.text):
            return True
        right = self.right.get((p.page, p.column), p.x1)
        width = max(1.0, right - ln.column[0])
        short = p.x1 < right - 0.25 * width
        if short and ends_sentence(prev.text) and starts_upper(pl.text):
            return True
        if _would_fit(p, pl, right) and (starts_upper(pl.text) or split_number(pl.text)):
            return True  # the line was ended on purpose: its next word had room on it
        if (
            short
            and len(cur.regions) == 1
            and cur.kind == "paragraph"
            and not cur.number
            and starts_upper(pl.text)
            and len(prev.text.split()) <= 10
            and not re.search(r"[.,;:!?]$", prev.text)
            and _would_fit(p, pl, right)
        ):
            cur.kind, cur.style = "heading", (round(p.size * 2) / 2, p.bold)  # a heading set as plain text
            return True
        return False

    def _join(self, cur: PdfDraft, pl: PLine) -> None:
        if cur.raw.endswith("-") and pl.text[:1].isalpha():
            # A line ending at a hyphen. Papers made in Word are not hyphenated by the typesetter,
            # so the hyphen is the word's own ("in-house", "take-up") unless the paper writes the
            # joined word elsewhere; only then is it handed to the shared stage (hyphens.repair).
            head = _LAST_WORD.search(cur.raw[:-1])
            tail = _FIRST_WORD.match(pl.text)
            if head and tail and (head.group(0) + tail.group(0)).lower() in self.words:
                cur.hyphens.append(len(cur.raw) - 1)
            cur.add(pl, "")
            return
        cur.add(pl, " ")


def _would_fit(p: Line, pl: PLine, right: float) -> bool:
    """Would the first word of `pl` have fitted at the end of line `p`? Then `p` ended a block (or
    a form's field), not a line that wrapped."""
    ln = pl.line
    if not pl.text or ln.x1 <= ln.x0:
        return False
    per_char = (ln.x1 - ln.x0) / max(1, len(pl.text))
    word = len(pl.text.split(" ", 1)[0]) + 1
    # Room to spare, not just room: "Mr B Watts" wraps as one when its spaces do not break.
    return p.x1 + word * per_char < right - 2.5 * p.size


def _leading(lines: list[PLine]) -> dict[int, float]:
    """The usual gap between consecutive lines of one size in one column: the paragraph's leading."""
    gaps: dict[int, list[float]] = {}
    for a, b in zip(lines, lines[1:], strict=False):
        la, lb = a.line, b.line
        if la.page == lb.page and la.column == lb.column and abs(la.size - lb.size) < 0.5:
            g = lb.top - la.bottom
            if -0.5 * la.size < g < 2 * la.size:
                gaps.setdefault(round(la.size), []).append(g)
    out = {}
    for size, gs in gaps.items():
        gs.sort()
        # The lower third: lines inside a paragraph are the many. A few lines say too little.
        usual = max(gs[len(gs) // 3], 0.0)
        out[size] = usual if len(gs) >= 6 else min(usual, 0.35 * size)
    return out


def _uses_indents(lines: list[PLine]) -> bool:
    """Does the paper start its paragraphs with a first-line indent (rather than with space)?"""
    count = 0
    for a, b in zip(lines, lines[1:], strict=False):
        la, lb = a.line, b.line
        same_column = la.page == lb.page and la.column == lb.column
        indent = 0.5 * lb.size < lb.x0 - la.x0 < 3 * lb.size and lb.top - la.bottom < 0.6 * lb.size
        if same_column and indent and ends_sentence(a.text):
            count += 1
    return count >= 3


def _edges(lines: list[PLine]):
    """Each column's text edges on each page: the left edge its lines start from, the right edge
    its full lines reach."""
    left: dict[tuple[int, tuple[float, float]], float] = {}
    right: dict[tuple[int, tuple[float, float]], float] = {}
    for pl in lines:
        key = (pl.line.page, pl.line.column)
        right[key] = max(right.get(key, 0.0), pl.line.x1)
        left[key] = min(left.get(key, pl.line.x0), pl.line.x0)
    return left, right
