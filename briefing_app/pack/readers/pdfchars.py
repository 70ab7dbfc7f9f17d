"""A PDF page's characters -> fragments: runs of text on one baseline with their box, size and weight.

PDFium gives each character its box and font; plain extracted text would glue a raised note marker
to the word before it and interleave columns, so the reader starts here. Sizes come from each
character's loose box (the font's full height as drawn), not from FPDFText_GetFontSize, which
reports 1.0 for the many producers that scale text through the text matrix. A fragment ends where
the baseline moves, where the text jumps back, or at a gap too wide to be a word space (a table
cell, a column gutter, a tab); layout decides later which fragments form one line.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

_FORCE_BOLD = 1 << 18  # PDF font descriptor flag 19
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")
_SPACES = frozenset(
    (
        0xA0,
        0xFFFE,
        0x2002,
        0x2003,
        0x2004,
        0x2005,
        0x2006,
        0x2007,
        0x2008,
        0x2009,
        0x200A,
        0x200B,
        0x202F,
        0x3000,
    )
)
_CELL_GAP = 1.2  # a gap wider than this many line heights ends a fragment
_SPACE_GAP = 0.12  # a gap wider than this many line heights is a word space


@dataclass
class Fragment:
    text: str
    x0: float
    x1: float
    top: float  # points from the page's top edge
    bottom: float
    base: float  # baseline, points from the top edge
    size: float  # line height of its main (not raised) characters
    bold: bool
    # (offset in text, raised text): small characters set above the baseline, such as note markers.
    raised: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class PdfPageText:
    index: int  # 0-based page index in the file
    width: float
    height: float
    label: str | None  # the page label the file gives, if any
    fragments: list[Fragment]
    chars: int  # characters PDFium found, text layer or not


def open_pdf(source) -> pdfium.PdfDocument:
    """Open a path or bytes; raises pypdfium2's PdfiumError for unreadable or protected files."""
    return pdfium.PdfDocument(source)


def read_page(doc: pdfium.PdfDocument, index: int) -> PdfPageText:
    page = doc[index]
    try:
        left, bottom, right, top = page.get_bbox()
        label = doc.get_page_label(index) or None
        textpage = page.get_textpage()
        try:
            count = textpage.count_chars()
            fragments = _fragments(textpage, count, left, top)
        finally:
            textpage.close()
    finally:
        page.close()
    return PdfPageText(index, right - left, top - bottom, label, fragments, count)


class _Run:
    __slots__ = ("chars", "space_before")

    def __init__(self) -> None:
        # each char: (text, x0, x1, top, bottom, base, height, bold)
        self.chars: list[tuple] = []
        self.space_before: list[bool] = []


def _fragments(textpage, count: int, left: float, top_edge: float) -> list[Fragment]:
    raw = textpage.raw
    get_unicode = pdfium_c.FPDFText_GetUnicode
    is_generated = pdfium_c.FPDFText_IsGenerated
    get_origin = pdfium_c.FPDFText_GetCharOrigin
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    get_weight = pdfium_c.FPDFText_GetFontWeight
    get_info = pdfium_c.FPDFText_GetFontInfo
    get_angle = pdfium_c.FPDFText_GetCharAngle
    ox, oy = ctypes.c_double(), ctypes.c_double()
    rect = pdfium_c.FS_RECTF()
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    bold_of: dict[tuple[bytes, int, int], bool] = {}

    out: list[Fragment] = []
    run = _Run()
    space = False
    last = None  # the previous kept char
    for i in range(count):
        code = get_unicode(raw, i)
        if is_generated(raw, i):
            space = True  # PDFium's own line breaks are guesses (a raised marker makes one): geometry decides
            continue
        if code == 2:
            code = 0x2D  # PDFium reports a hyphen that ends a line as 0x02; the blocks stage decides
        elif code <= 32 or code in _SPACES:
            space = True
            continue
        if abs(get_angle(raw, i)) > 0.05 and abs(get_angle(raw, i) - 6.2832) > 0.05:
            continue  # rotated text (a vertical table header, a margin stamp): not reading text
        get_origin(raw, i, ox, oy)
        get_box(raw, i, rect)
        height = rect.top - rect.bottom
        if height <= 0:
            continue
        weight = get_weight(raw, i)
        get_info(raw, i, name, 128, flags)
        key = (name.value, flags.value, weight)
        bold = bold_of.get(key)
        if bold is None:
            lowered = name.value.decode("latin-1").lower()
            bold = weight >= 600 or bool(flags.value & _FORCE_BOLD) or any(b in lowered for b in _BOLD_NAMES)
            bold_of[key] = bold
        ch = (
            chr(code) if code < 0xD800 or code > 0xDFFF else "\ufffd",
            rect.left - left,
            rect.right - left,
            top_edge - rect.top,
            top_edge - rect.bottom,
            top_edge - oy.value,
            height,
            bold,
        )
        if last is not None and not _continues(last, ch, run):
            out.append(_finish(run))
            run = _Run()
            last = None
        run.space_before.append(space and last is not None)
        run.chars.append(ch)
        last = ch
        space = False
    if run.chars:
        out.append(_finish(run))
    return out


def _continues(last: tuple, ch: tuple, run: _Run) -> bool:
    """Does `ch` carry on the run whose last character is `last` (same line, near enough)?"""
    h = max(last[6], ch[6])
    gap = ch[1] - last[2]
    # Going back is a new run, except to where the last character began: the letters of a
    # ligature ("fi") share its box.
    if (gap < -0.5 * h and ch[1] < last[1] - 0.5) or gap > _CELL_GAP * h:
        return False
    if abs(ch[5] - last[5]) <= 0.25 * min(last[6], ch[6]):
        return True
    # A raised or lowered small character (a note marker) sits inside the line's height.
    small, big = (ch, last) if ch[6] < last[6] else (last, ch)
    return small[6] <= 0.85 * big[6] and small[3] >= big[3] - 0.3 * big[6] and small[4] <= big[4] + 0.2 * h


def _finish(run: _Run) -> Fragment:
    chars = run.chars
    heights = [round(c[6], 1) for c in chars]
    size = max(set(heights), key=heights.count)  # the run's own size: a taller bullet glyph is not it
    main = [c for c in chars if c[6] > 0.85 * size]
    base = max((c[5] for c in main), key=[c[5] for c in main].count)
    parts: list[str] = []
    raised: list[tuple[int, str]] = []
    length = 0
    pending: list[str] = []  # raised characters not yet closed
    pending_at = 0
    prev = None
    for c, sp in zip(chars, run.space_before, strict=True):
        is_raised = c[6] <= 0.85 * size and c[5] < base - 0.15 * size
        gap = sp or (prev is not None and c[1] - prev[2] > _SPACE_GAP * size)
        if is_raised:
            if not pending:
                pending_at = length  # a marker sits against the word before it, spaced or not
            pending.append(c[0])
        else:
            if pending:
                raised.append((pending_at, "".join(pending)))
                pending = []
            if gap and parts and parts[-1] != " ":
                parts.append(" ")
                length += 1
            parts.append(c[0])
            length += 1
        prev = c
    if pending:
        raised.append((pending_at, "".join(pending)))
    text = "".join(parts).rstrip()
    bold = sum(1 for c in main if c[7]) * 2 > len(main)
    return Fragment(
        text=text,
        x0=min(c[1] for c in chars),
        x1=max(c[2] for c in chars),
        top=min(c[3] for c in main),
        bottom=max(c[4] for c in main),
        base=base,
        size=size,
        bold=bold,
        raised=raised,
    )
