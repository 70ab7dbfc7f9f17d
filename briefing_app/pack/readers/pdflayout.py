"""A page's fragments -> lines in reading order: columns found by their gutters, rows, table rows.

Columns: a gutter is a band of x that no fragment crosses over most of the page's text height,
with prose on both sides (lines of several words filling their column). Fragments that cross a
gutter (a running head, a title across the columns) split the page into sections; each section is
read column by column, top to bottom. Rows: fragments on one baseline within one column. A run of
rows split into aligned cells by wide gaps is a table; a row whose first cell is a paragraph
number or a bullet is a line with that number, not a table.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from itertools import pairwise

from briefing_app.pack.readers.pdfchars import Fragment

_MARK = re.compile(r"^(\(?\d{1,2}(\.\d{1,2})*[.)]?|\(?[a-zA-Z][.)]|\(?[ivx]{1,4}[.)]|[•▪●◦\uf0b7o\-–*])$")
_TABLE_GAP = 1.5  # a gap between fragments wider than this many line heights separates cells
_MIN_BODY = 12  # fragments a page needs before its own gutters are believed


@dataclass
class Line:
    page: int  # 0-based page index
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    base: float
    size: float
    bold: bool
    column: tuple[float, float]  # the x-extent of the column (or the page's text) it sits in
    section: int  # the band of the page between full-width elements
    raised: list[tuple[int, str]] = field(default_factory=list)
    cells: list[str] | None = None  # a table row: its cells, left to right
    cell_x: list[float] = field(default_factory=list)  # where each cell starts
    frags: list[Fragment] = field(default_factory=list, repr=False)
    mark_gap: bool = False  # the first word is a number or bullet set apart by a tab


def find_gutters(fragments: list[Fragment], width: float) -> list[tuple[float, float]]:
    return _gutters(fragments, width)


def borrow_gutters(fragments: list[Fragment], gutters: list[tuple[float, float]]) -> bool:
    """May a page too sparse to show its own columns (a page of figures, a short last page) take
    the columns of the paper's other pages? Yes when few of its fragments cross those gutters."""
    crossing = sum(1 for f in fragments if any(f.x0 < g[0] - 1 and f.x1 > g[1] + 1 for g in gutters))
    return bool(gutters) and crossing <= max(2, 0.2 * len(fragments))


def page_lines(page: int, fragments: list[Fragment], gutters: list[tuple[float, float]]) -> list[Line]:
    if not fragments:
        return []
    sections = _sections(fragments, gutters)
    out: list[Line] = []
    for si, (frags, cols) in enumerate(sections):
        for col in cols:
            inside = [f for f in frags if col[0] - 1 <= (f.x0 + f.x1) / 2 <= col[1] + 1]
            out.extend(_rows(page, inside, col, si))
    return out


# -- columns --------------------------------------------------------------------------------------


def is_sparse(frags: list[Fragment]) -> bool:
    """Too little text on the page to tell its columns from it alone."""
    return sum(1 for f in frags if len(f.text) > 1) < _MIN_BODY


def _gutters(frags: list[Fragment], width: float) -> list[tuple[float, float]]:
    """x-bands empty of text over most of the page, with columns of prose on both sides."""
    body = [f for f in frags if len(f.text) > 1 and math.isfinite(f.x0) and math.isfinite(f.x1)]
    if len(body) < _MIN_BODY:
        return []
    top = min(f.top for f in body)
    bottom = max(f.bottom for f in body)
    height = bottom - top
    if height <= 0:
        return []
    # How much text height covers each whole point across the page, as runs of equal cover between
    # the fragments' edges: a sweep over sorted edges, so the cost follows the fragments, not the
    # coordinates (a damaged file can put text a billion points away).
    steps: dict[int, float] = {}
    for f in body:
        steps[int(f.x0)] = steps.get(int(f.x0), 0.0) + (f.bottom - f.top)
        steps[int(f.x1) + 1] = steps.get(int(f.x1) + 1, 0.0) - (f.bottom - f.top)
    edges_x = sorted(steps)
    runs: list[tuple[int, int, float]] = []  # (first x, x after the last, cover)
    total = 0.0
    for a, b in pairwise(edges_x):
        total += steps[a]
        runs.append((a, b, total))
    size = sorted(f.size for f in body)[len(body) // 2]
    limit = 0.25 * height
    dense = [(a, b) for a, b, c in runs if c > limit]
    if not dense:
        return []
    # A gutter is the stretch between two dense runs, when it is wide enough.
    gutters: list[tuple[float, float]] = [
        (prev[1], nxt[0]) for prev, nxt in pairwise(dense) if nxt[0] - prev[1] >= 0.6 * size
    ]
    lo, hi = dense[0][0], dense[-1][1] - 1
    # Keep a gutter only when the columns beside it hold prose, not a table's figures.
    edges = [float(lo), *[g for gut in gutters for g in gut], float(hi)]
    cols = [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]
    if len(cols) < 2 or any(c[1] - c[0] < 0.18 * width for c in cols):
        return []
    for c in cols:
        inside = [f for f in body if c[0] - 1 <= f.x0 and f.x1 <= c[1] + 1]
        full = [f for f in inside if f.x1 - f.x0 >= 0.6 * (c[1] - c[0]) and f.text.count(" ") >= 3]
        if len(inside) < 6 or len(full) < 0.5 * len(inside):
            return []
    return gutters


def _sections(frags: list[Fragment], gutters: list[tuple[float, float]]):
    """Split the page at fragments that cross a gutter; each section lists its columns."""
    if not gutters:
        lo = min(f.x0 for f in frags)
        hi = max(f.x1 for f in frags)
        return [(frags, [(lo, hi)])]
    lo = min(f.x0 for f in frags)
    hi = max(f.x1 for f in frags)
    edges = [lo, *[g for gut in gutters for g in gut], hi]
    cols = [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]

    def crosses(f: Fragment) -> bool:
        return any(f.x0 < g[0] - 1 and f.x1 > g[1] + 1 for g in gutters)

    ordered = sorted(frags, key=lambda f: f.top)
    sections: list[tuple[list[Fragment], list[tuple[float, float]]]] = []
    current: list[Fragment] = []
    for f in ordered:
        if crosses(f):
            if current:
                sections.append((current, cols))
                current = []
            sections.append(([f], [(lo, hi)]))
        else:
            current.append(f)
    if current:
        sections.append((current, cols))
    # Consecutive full-width fragments (a title over several lines) form one section.
    merged: list[tuple[list[Fragment], list[tuple[float, float]]]] = []
    for frs, cs in sections:
        if merged and len(cs) == 1 and len(merged[-1][1]) == 1:
            merged[-1][0].extend(frs)
        else:
            merged.append((frs, cs))
    return merged


# -- rows -----------------------------------------------------------------------------------------


def _rows(page: int, frags: list[Fragment], col: tuple[float, float], section: int) -> list[Line]:
    rows: list[list[Fragment]] = []
    for f in sorted(frags, key=lambda f: (f.base, f.x0)):
        if rows:
            row = rows[-1]
            ref = max(row, key=lambda r: r.size)
            tol = 0.3 * min(ref.size, f.size)
            raised = (
                f.size <= 0.85 * ref.size
                and f.base < ref.base - 0.15 * ref.size
                and f.top >= ref.top - 0.3 * ref.size
            )
            same_size = abs(f.size - ref.size) <= 0.1 * max(f.size, ref.size)
            # Text of another size on the same baseline, well apart, is another line: a page stamp
            # beside the last line of the page, not its last words.
            near = min(abs(f.x0 - r.x1) for r in row) <= 0.8 * ref.size
            mark = bool(_MARK.match(row[0].text))  # "5." or a bullet, set in its own size, then the text
            if raised or (abs(f.base - ref.base) <= tol and (same_size or near or mark)):
                row.append(f)
                continue
        rows.append([f])
    lines = [_line(page, sorted(r, key=lambda f: f.x0), col, section) for r in rows]
    out: list[Line] = []
    for ln in _tables(lines):
        out.extend(_split_apart(ln, page, col, section))
    return out


def _split_apart(ln: Line, page: int, col, section: int) -> list[Line]:
    """A row that is not a table but holds pieces far apart ("Proposed Rules ... 47711", a running
    head and its page number) is several lines, so each piece can be known for what it is."""
    if ln.cells is not None or len(ln.frags) < 2 or ln.mark_gap:
        return [ln]  # "5.  <tab>  LEVÉE DE LA SÉANCE" is one numbered line, however wide its tab
    groups: list[list[Fragment]] = [[ln.frags[0]]]
    for f in ln.frags[1:]:
        if f.x0 - groups[-1][-1].x1 > 3 * ln.size:
            groups.append([f])
        else:
            groups[-1].append(f)
    if len(groups) == 1:
        return [ln]
    return [_line(page, g, col, section) for g in groups]


def _line(page: int, row: list[Fragment], col, section: int) -> Line:
    ref = max(row, key=lambda f: (len(f.text), f.size))
    size = ref.size
    parts: list[str] = []
    raised: list[tuple[int, str]] = []
    cells: list[str] = []
    cell_x: list[float] = []
    length = 0
    prev: Fragment | None = None
    for f in row:
        if f.size <= 0.85 * size and f.base < ref.base - 0.15 * size:
            raised.append((length, f.text))  # a marker set as its own run
            prev = f
            continue
        if prev is not None and f.x0 - prev.x1 > _TABLE_GAP * size:
            cells.append("")
            cell_x.append(f.x0)
        if parts and prev is not None and f.x0 - prev.x1 > 0.12 * size:
            parts.append(" ")
            length += 1
        raised.extend((length + off, t) for off, t in f.raised)
        parts.append(f.text)
        length += len(f.text)
        if not cells:
            cells.append("")
            cell_x.append(f.x0)
        cells[-1] = f"{cells[-1]} {f.text}".strip()
        prev = f
    text = "".join(parts)
    main = [f for f in row if f.size > 0.85 * size]
    bold = sum(len(f.text) for f in main if f.bold) * 2 > sum(len(f.text) for f in main)
    mark_gap = len(cells) >= 2 and bool(_MARK.match(cells[0]))
    return Line(
        page=page,
        text=text,
        x0=min(f.x0 for f in row),
        x1=max(f.x1 for f in row),
        top=min(f.top for f in main or row),
        bottom=max(f.bottom for f in main or row),
        base=ref.base,
        size=size,
        bold=bold,
        column=col,
        section=section,
        raised=raised,
        # "1.1 <tab> text" and "• <tab> text" are a numbered line, not a row of two cells.
        cells=cells if len(cells) >= (3 if mark_gap else 2) else None,
        cell_x=cell_x,
        mark_gap=mark_gap,
        frags=row,
    )


def _tables(lines: list[Line]) -> list[Line]:
    """Rows of cells, with the wrapped lines of a cell folded into it; a lone split row is a line.

    A line that starts where a later cell of the row above starts, and nowhere near the row's first
    cell, is the rest of that cell ("Subject:  Transfer the 18-25 section of the ... / Independence
    Service from ..."). Cells only stand where at least two rows have them; a row that stands alone
    keeps its wrapped lines as lines.
    """
    kept: list[Line] = []
    folded: dict[int, list[Line]] = {}  # id(row) -> the lines that wrap its cells
    last: Line | None = None  # the latest row with cells
    for ln in lines:
        if (
            ln.cells is None
            and last is not None
            and _wraps_cell(last, ln, (folded.get(id(last)) or [last])[-1])
        ):
            folded.setdefault(id(last), []).append(ln)
            continue
        kept.append(ln)
        last = ln if ln.cells is not None else None
    has = [ln.cells is not None for ln in kept]
    out: list[Line] = []
    for i, ln in enumerate(kept):
        wraps = folded.get(id(ln), [])
        if has[i] and not ((i > 0 and has[i - 1]) or (i + 1 < len(kept) and has[i + 1])):
            ln.cells = None
            out.append(ln)
            out.extend(wraps)
            continue
        for w in wraps:
            slot = min(range(1, len(ln.cell_x)), key=lambda k: abs(ln.cell_x[k] - w.x0))
            ln.cells[slot] = f"{ln.cells[slot]} {w.text}"
            ln.raised.extend((len(ln.text) + 1 + o, t) for o, t in w.raised)
            ln.text = f"{ln.text} {w.text}"  # kept for furniture and search of the row
            ln.x1 = max(ln.x1, w.x1)
            ln.bottom = max(ln.bottom, w.bottom)
        out.append(ln)
    return out


def _wraps_cell(row: Line, ln: Line, above: Line) -> bool:
    if ln.top - above.bottom > 2.5 * ln.size or ln.x0 < row.cell_x[0] + 2 * ln.size:
        return False
    if abs(ln.size - row.size) > 0.1 * row.size:
        return False  # smaller notes under a table are not the rest of its last cell
    return any(abs(x - ln.x0) <= 2 for x in row.cell_x[1:])
