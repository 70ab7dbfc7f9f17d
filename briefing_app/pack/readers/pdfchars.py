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
    sizes: tuple[float, ...] = ()  # every size its characters are set in (small capitals and text)


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


def _fragments(textpage, count: int, left: float, top_edge: float) -> list[Fragment]:
    """The page's fragments. The loop is the reader's hot path (a million characters a pack): three
    PDFium calls a character, three more at each word's start, where fonts and rotation change."""
    raw = textpage.raw
    get_unicode = pdfium_c.FPDFText_GetUnicode
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
    spaces = _SPACES

    out: list[Fragment] = []
    chars: list[tuple] = []  # the current run: (text, x0, x1, top, bottom, base, height, bold)
    spaced: list[bool] = []  # whether a space came before each of its characters
    space = False
    last = None  # the previous kept character
    last_height = -1.0
    bold = rotated = boundary = False
    for i in range(count):
        code = get_unicode(raw, i)
        if code == 2:
            code = 0x2D  # PDFium reports a hyphen that ends a line as 0x02; the blocks stage decides
        elif code == 10 or code == 13:
            boundary = True  # PDFium's guess at a line break, sometimes between letters: geometry decides
            continue
        elif code <= 32 or code in spaces:
            space = boundary = True
            continue
        get_box(raw, i, rect)
        height = rect.top - rect.bottom
        if not height > 0:  # a damaged file's NaN box as well as an empty one
            continue
        if boundary or last is None or height != last_height:
            # The font's name says bold when its weight does not (many fonts report one weight
            # for regular and bold); rotated text (a vertical table header) is not reading text.
            angle = get_angle(raw, i)
            rotated = 0.05 < angle < 6.23
            weight = get_weight(raw, i)
            get_info(raw, i, name, 128, flags)
            key = (name.value, flags.value, weight)
            bold = bold_of.get(key)
            if bold is None:
                lowered = name.value.decode("latin-1").lower()
                forced = bool(flags.value & _FORCE_BOLD)
                bold = weight >= 600 or forced or any(b in lowered for b in _BOLD_NAMES)
                bold_of[key] = bold
            last_height = height
        if rotated:
            continue
        get_origin(raw, i, ox, oy)
        x0 = rect.left - left
        base = top_edge - oy.value
        top = top_edge - rect.top
        bottom = top_edge - rect.bottom
        if last is not None:
            # Does this character carry on the run (same line, near enough)? Going back is a new
            # run, except to where the last character began: the letters of a ligature share its box.
            lh = last[6]
            h = lh if lh > height else height
            gap = x0 - last[2]
            if (gap < -0.5 * h and x0 < last[1] - 0.5) or gap > _CELL_GAP * h:
                carry = False
            elif abs(base - last[5]) <= 0.25 * (lh if lh < height else height):
                carry = True
            elif height < lh:  # a raised or lowered small character (a note marker) inside the line
                carry = height <= 0.85 * lh and top >= last[3] - 0.3 * lh and bottom <= last[4] + 0.2 * h
            else:
                carry = lh <= 0.85 * height and last[3] >= top - 0.3 * height and last[4] <= bottom + 0.2 * h
            if not carry:
                out.append(_finish(chars, spaced))
                chars, spaced, last = [], [], None
        ch = (
            chr(code) if code < 0xD800 or code > 0xDFFF else "\ufffd",
            x0,
            rect.right - left,
            top,
            bottom,
            base,
            height,
            bold,
        )
        spaced.append(space and last is not None)
        chars.append(ch)
        last = ch
        space = boundary = False
    if chars:
        out.append(_finish(chars, spaced))
    return out


def _finish(chars: list[tuple], spaced: list[bool]) -> Fragment:
    counts: dict[float, int] = {}
    for c in chars:
        key = round(c[6], 1)
        counts[key] = counts.get(key, 0) + 1
    size = max(counts, key=counts.get)  # the run's own size: a taller bullet glyph is not it
    limit = 0.85 * size
    main = [c for c in chars if c[6] > limit] or chars
    bases: dict[float, int] = {}
    for c in main:
        bases[c[5]] = bases.get(c[5], 0) + 1
    base = max(bases, key=bases.get)
    parts: list[str] = []
    raised: list[tuple[int, str]] = []
    length = 0
    pending: list[str] = []  # raised characters not yet closed
    pending_at = 0
    prev = None
    for c, sp in zip(chars, spaced, strict=True):
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
        sizes=tuple(counts),
    )
