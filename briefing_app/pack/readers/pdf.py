"""PDF papers -> the document model, from PDFium's per-character data.

characters -> fragments (pdfchars) -> lines in reading order (pdflayout) -> page furniture removed
(the shared furniture stage) and blank pages dropped -> notes found (pdfnotes) -> blocks (pdfblocks)
-> the shared finishing stage (build.finish), then each block's regions and note references.
Every block's page is the page's printed number: a stamped "Page N" or a running page number, else
the file's page label, else the number the neighbouring pages imply.
"""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher
from pathlib import Path

import pypdfium2 as pdfium

from briefing_app.errors import BriefingError
from briefing_app.pack.model import Block, Document, DocumentMeta, Region, Span
from briefing_app.pack.notes import Definition, MarkerAt, link_footnotes
from briefing_app.pack.readers.build import finish
from briefing_app.pack.readers.furniture import PageLine, find_furniture
from briefing_app.pack.readers.pdfblocks import BlockBuilder, PdfDraft, PLine
from briefing_app.pack.readers.pdfchars import PdfPageText, open_pdf, read_page
from briefing_app.pack.readers.pdflayout import Line, borrow_gutters, find_gutters, is_sparse, page_lines
from briefing_app.pack.readers.pdfmeta import PdfDetails, details
from briefing_app.pack.readers.pdfnotes import FoundNote, find_notes, is_marker_label

_BLANK = re.compile(
    r"^\W*(this\s+)?page\s+(is\s+)?(has\s+been\s+)?(intentionally|deliberately)\s+(left\s+)?blank\W*$",
    re.IGNORECASE,
)


_GLUED_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.|\([a-z]{1,4}\))(?=[A-Z][A-Za-z])")
_EDGE = 0.12  # the bands at the head and foot of a page where running heads and footers sit


class PdfReadError(BriefingError):
    """The PDF could not be read at all; str() names the file."""

    def __init__(self, file: str, message: str) -> None:
        self.file = file
        self.message = message
        super().__init__(f"{file}: {message}")


def read(source: Path | str | bytes, meta: DocumentMeta) -> Document:
    try:
        pdf = open_pdf(source)
    except Exception as exc:  # PDFium reports damage, passwords and non-PDFs through one error type
        raise PdfReadError(meta.file, f"this PDF cannot be opened ({exc})") from None
    try:
        pages, damaged = _read_pages(pdf)
        info = details(pdf, pages)
    finally:
        pdf.close()
    return build_document(pages, _with_details(meta, info), damaged)


_GIVE_UP = 20  # pages in a row PDFium cannot load before the rest of the file is taken as lost


def _read_pages(pdf) -> tuple[list[PdfPageText], list[int]]:
    """Every page, and the 0-based indexes of those PDFium cannot load (a damaged page object),
    which stand empty: the paper is read without them rather than refused. A page tree whose count is
    damaged (two thousand million pages) stops being read after a run of pages that will not load."""
    pages: list[PdfPageText] = []
    damaged: list[int] = []
    for i in range(len(pdf)):
        try:
            pages.append(read_page(pdf, i))
        except pdfium.PdfiumError:
            pages.append(PdfPageText(i, 0.0, 0.0, None, [], 0))  # kept, so pages keep their file index
            damaged.append(i)
            if len(damaged) >= _GIVE_UP and damaged[-_GIVE_UP] == i - _GIVE_UP + 1:
                break
    return pages, damaged


def read_details(source: Path | str | bytes) -> PdfDetails:
    """Title, date and publisher of a PDF paper (for a pack made from PDFs), from its first page."""
    try:
        pdf = open_pdf(source)
    except Exception as exc:
        raise PdfReadError(
            str(source) if not isinstance(source, bytes) else "PDF", f"this PDF cannot be opened ({exc})"
        ) from None
    try:
        pages = [read_page(pdf, 0)] if len(pdf) else []
        found = details(pdf, pages)
        return PdfDetails(found.title, found.date, found.publisher, len(pdf))
    finally:
        pdf.close()


def build_document(
    pages: list[PdfPageText], meta: DocumentMeta, damaged: list[int] | None = None
) -> Document:
    lines = [page_lines(p.index, p.fragments, g) for p, g in zip(pages, _columns(pages), strict=True)]
    numbers = _printed_numbers(pages, lines)
    lines = [[ln for ln in page if not _BLANK.match(ln.text)] for page in lines]
    body, body_bold = _body_style(lines)
    notes, note_lines = find_notes(lines, [p.height for p in pages], body)
    labels = {n.label for n in notes}
    order: dict[int, int] = {}
    plines: list[PLine] = []
    for page in lines:
        for ln in page:
            order[id(ln)] = len(order) + 1
            if id(ln) not in note_lines:
                pl = _prepare(ln, order[id(ln)], labels)
                if pl.text:
                    plines.append(pl)
    drafts = BlockBuilder(plines, body, body_bold).run()
    for d in drafts:
        d.start_page = numbers[d.pdf_page]
    remarks = []
    if pages and not any(p.fragments for p in pages):
        remarks.append("This PDF has no text layer (a scan): its pages cannot be searched.")
    if damaged:
        shown = ", ".join(str(i + 1) for i in damaged[:10]) + (" and more" if len(damaged) > 10 else "")
        remarks.append(
            f"Damaged pages of this PDF could not be read and are left out (pages {shown} of the file)."
        )
    before = [d.raw for d in drafts]
    doc = finish(meta, "pdf", list(drafts), markup=False, remarks=remarks)
    for d, raw in zip(drafts, before, strict=True):
        if d.raw != raw:
            _follow_repairs(d, raw)
    return _attach(doc, drafts, notes, {id(n.lines[0]): order[id(n.lines[0])] for n in notes})


def _columns(pages: list[PdfPageText]) -> list[list[tuple[float, float]]]:
    """Each page's column gutters; a page without its own takes the paper's usual ones if they fit."""
    found = [find_gutters(p.fragments, p.width) for p in pages]
    sets = [tuple((round(a / 5), round(b / 5)) for a, b in g) for g in found if g]
    if not sets:
        return found
    usual = max(set(sets), key=sets.count)
    model = next(g for g in found if tuple((round(a / 5), round(b / 5)) for a, b in g) == usual)
    # A page with too little text to show columns of its own borrows them; any other page only
    # when the paper sets several pages in those columns (a page of figures and captions).
    common = sets.count(usual) >= 2
    return [
        g or (model if (common or is_sparse(p.fragments)) and borrow_gutters(p.fragments, model) else [])
        for p, g in zip(pages, found, strict=True)
    ]


def _printed_numbers(pages: list[PdfPageText], lines: list[list[Line]]) -> list[int | None]:
    """Remove page furniture from `lines` (in place) and return each page's printed number."""
    # Only lines at a page's head or foot can be furniture: a form's labels or a table's row
    # headings repeat at one height on every page too, and they are the paper's text.
    feed = [
        [
            PageLine(
                pi, li, ln.text, ln.top / max(pages[pi].height, 1.0), ln.bottom / max(pages[pi].height, 1.0)
            )
            for li, ln in enumerate(page)
            if _at_edge(ln, li, len(page), pages[pi].height)
        ]
        for pi, page in enumerate(lines)
    ]
    furniture = find_furniture(feed)
    for pi, page in enumerate(lines):
        page[:] = [ln for li, ln in enumerate(page) if (pi, li) not in furniture.lines]
    found: list[int | None] = []
    for pi, p in enumerate(pages):
        value = furniture.page_numbers[pi] or p.label
        # ASCII digits only, and few of them: "²" is a digit to isdigit() and a damaged label can
        # run to thousands of digits, which int() refuses.
        found.append(
            int(value) if value and value.isascii() and value.isdigit() and len(value) <= 9 else None
        )
    # Pages with no number of their own follow their neighbours (a title page, a blank page).
    # A page before the first numbered one (a covering letter) has no number at all.
    offsets = [n - i for i, n in enumerate(found) if n is not None]
    offset = max(set(offsets), key=offsets.count) if offsets else 1
    return [n if n is not None else (i + offset if i + offset >= 1 else None) for i, n in enumerate(found)]


def _at_edge(ln: Line, index: int, count: int, height: float) -> bool:
    if index < 2 or index >= count - 2:
        return True
    return ln.top < _EDGE * height or ln.bottom > (1 - _EDGE) * height


def _body_style(lines: list[list[Line]]) -> tuple[float, bool]:
    weight: dict[float, int] = {}
    bold = total = 0
    for page in lines:
        for ln in page:
            key = round(ln.size * 2) / 2
            weight[key] = weight.get(key, 0) + len(ln.text)
            total += len(ln.text)
            bold += len(ln.text) if ln.bold else 0
    if not weight:
        return 12.0, False
    return max(weight, key=weight.get), bold * 2 > total


def _prepare(ln: Line, order: int, labels: set[str]) -> PLine:
    """Raised runs become note markers where a note has their label, else text set as superscript."""
    text = ln.text
    marks: list[tuple[int, str]] = []
    sups: list[tuple[int, int]] = []
    shift = 0
    for offset, raised in sorted(ln.raised):
        label = raised.strip()
        at = offset + shift
        if is_marker_label(label) and label in labels and at > 0:
            marks.append((at, label))
            continue
        if not label:
            continue
        text = text[:at] + label + text[at:]
        sups.append((at, at + len(label)))
        shift += len(label)
    if m := _GLUED_NUMBER.match(text):
        # "10.Regarding": a paragraph number set against its text by a tab stop too close for a
        # space to show; the number is read apart from the text, as it is printed.
        at = m.end()
        text = f"{text[:at]} {text[at:]}"
        marks = [(o + (o >= at), lb) for o, lb in marks]
        sups = [(s + (s >= at), e + (e >= at)) for s, e in sups]
    if text.startswith(" "):
        trimmed = len(text) - len(text.lstrip())
        text = text[trimmed:]
        marks = [(max(0, o - trimmed), lb) for o, lb in marks]
        sups = [(max(0, s - trimmed), max(0, e - trimmed)) for s, e in sups]
    return PLine(ln, text.rstrip(), order, marks, sups)


def _follow_repairs(d: PdfDraft, old: str) -> None:
    """The shared stages changed the draft's text (a line-end hyphen taken out, a paragraph number
    put back in front of it): move the offsets of its lines, markers and superscripts to match."""
    blocks = SequenceMatcher(None, old, d.raw, autojunk=False).get_matching_blocks()

    def moved(at: int) -> int:
        if at == 0:
            return 0  # the first line still starts the text, whatever went in front of it
        for a, b, size in blocks:
            if at < a + size:
                return b + max(0, at - a)
        return len(d.raw)

    d.regions = [(moved(at), ln) for at, ln in d.regions]
    d.marks = [(moved(at), lb) for at, lb in d.marks]
    d.sups = [(moved(s), moved(e)) for s, e in d.sups]


def _attach(
    doc: Document, drafts: list[PdfDraft], found: list[FoundNote], note_order: dict[int, int]
) -> Document:
    """Give the finished blocks their regions, superscripts and linked note references."""
    by_line = {d.line: d for d in drafts}  # a draft's line (its first line's place) is its block's
    kept = [by_line[b.line] for b in doc.blocks]
    markers, where = [], []
    for bi, d in enumerate(kept):
        for offset, label in d.marks:
            markers.append(MarkerAt(label, d.line_at(offset)))
            where.append((bi, offset))
    definitions = [
        Definition(n.label, " ".join(p for p in n.text_parts if p).strip(), (), note_order[id(n.lines[0])])
        for n in found
    ]
    kinds = {(n.label, note_order[id(n.lines[0])]): n.kind for n in found}
    notes, keys = link_footnotes(markers, definitions) if definitions else ([], [])
    notes = [replace(n, kind=kinds.get((n.label, n.line), n.kind)) for n in notes]
    refs: list[list[Span]] = [[] for _ in kept]
    for (bi, offset), key in zip(where, keys, strict=True):
        refs[bi].append(Span(offset, offset, "note_ref", key))
    blocks: list[Block] = []
    for block, d, note_spans in zip(doc.blocks, kept, refs, strict=True):
        n = len(block.text)
        regions = tuple(
            Region(
                ln.page, round(ln.x0, 1), round(ln.top, 1), round(ln.x1, 1), round(ln.bottom, 1), min(at, n)
            )
            for at, ln in d.regions
        )
        sups = [Span(min(s, n), min(e, n), "superscript") for s, e in d.sups if min(e, n) > min(s, n)]
        spans = tuple(
            sorted(
                [
                    *block.spans,
                    *sups,
                    *[Span(min(s.start, n), min(s.end, n), s.kind, s.target) for s in note_spans],
                ],
                key=lambda s: (s.start, s.end),
            )
        )
        blocks.append(replace(block, regions=regions, spans=spans))
    return replace(doc, blocks=tuple(blocks), notes=tuple(notes))


def _with_details(meta: DocumentMeta, info) -> DocumentMeta:
    return replace(
        meta,
        date=meta.date or info.date,
        publisher=meta.publisher or info.publisher,
    )
