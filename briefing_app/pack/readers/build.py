"""Draft blocks -> a frozen Document: inline parsing, note linking, pages and block ids."""

from __future__ import annotations

from bisect import bisect_left

from briefing_app.pack.model import Block, Document, DocumentMeta, Note, Span
from briefing_app.pack.notes import (
    Definition,
    MarkerAt,
    find_glued_endnotes,
    find_glued_symbols,
    link_footnotes,
)
from briefing_app.pack.pages import assign_pages
from briefing_app.pack.readers import hyphens
from briefing_app.pack.readers.draft import Draft, NoteDef, PageBreak, own_numbers
from briefing_app.pack.readers.inline import Inline, parse_inline


def finish(
    meta: DocumentMeta,
    fmt: str,
    items: list[Draft | PageBreak],
    *,
    note_defs: list[NoteDef] | None = None,
    glued_endnotes: bool = False,
    missing_kind: str = "footnote",
    markup: bool = True,
    remarks: list[str] | None = None,
) -> Document:
    items = join_tables(items)
    drafts = [it for it in items if isinstance(it, Draft)]
    own_numbers(drafts)
    hyphens.repair(drafts)
    pages = assign_pages(items)
    parsed: list[Inline] = [parse_inline(d.raw, markup=markup) for d in drafts]
    remarks = list(remarks or [])

    notes: list[Note] = []
    refs: list[list[Span]] = [[] for _ in drafts]
    markers: list[MarkerAt] = []
    where: list[tuple[int, int]] = []
    if glued_endnotes:
        parsed, where, labels = _cut_glued_markers(drafts, parsed)
        markers = [MarkerAt(label, drafts[bi].line) for (bi, _), label in zip(where, labels, strict=True)]
    else:
        for bi, (d, inl) in enumerate(zip(drafts, parsed, strict=True)):
            for mk in inl.markers:
                markers.append(MarkerAt(mk.label, d.line_at(mk.raw_offset)))
                where.append((bi, mk.offset))
    if note_defs or (markers and not glued_endnotes):
        definitions = []
        for nd in note_defs or []:
            inl = parse_inline(nd.raw, markup=markup)
            definitions.append(Definition(nd.label, inl.text, tuple(inl.spans), nd.line, nd.kind))
        notes, keys = link_footnotes(markers, definitions, kind=missing_kind)
    else:
        keys = [mk.label for mk in markers]
        notes = [Note(k, k, "endnote", "missing", None) for k in keys]
        if notes:
            remarks.append(
                f"The {len(notes)} end notes referred to in the text are not included in this copy."
            )
    for (bi, offset), key in zip(where, keys, strict=True):
        refs[bi].append(Span(offset, offset, "note_ref", key))

    kept = [
        (d, inl, page, note_spans)
        for d, inl, page, note_spans in zip(drafts, parsed, pages, refs, strict=True)
        if inl.text or d.kind == "table"
    ]
    blocks = []
    for n, (d, inl, page, note_spans) in enumerate(kept, start=1):
        spans = tuple(sorted([*inl.spans, *note_spans], key=lambda s: (s.start, s.end)))
        rows = (
            tuple(tuple(parse_inline(c, markup=markup).text for c in r) for r in d.rows) if d.rows else None
        )
        blocks.append(
            Block(
                id=f"b{n}",
                kind=d.kind,
                text=inl.text,
                level=d.level if d.kind == "heading" else None,
                number=d.number,
                page=page,
                spans=spans,
                marker=d.marker,
                rows=rows,
                role=d.role,
                line=d.line,
            )
        )
    return Document(meta=meta, format=fmt, blocks=tuple(blocks), notes=tuple(notes), remarks=tuple(remarks))


def join_tables(items: list[Draft | PageBreak]) -> list[Draft | PageBreak]:
    """A table that a page break cut in two (same columns, nothing but the break between) is one
    table; the header row repeated at the top of the new page is dropped."""
    out: list[Draft | PageBreak] = []
    last_table: Draft | None = None
    for it in items:
        if isinstance(it, PageBreak):
            out.append(it)
            continue
        if (
            it.kind == "table"
            and last_table is not None
            and it.rows
            and last_table.rows
            and len(it.rows[0]) == len(last_table.rows[0])
            and it.role is None
            and last_table.role is None
        ):
            extra = it.rows[1:] if it.rows[0] == last_table.rows[0] else it.rows
            last_table.rows = [*last_table.rows, *extra]
            last_table.raw = "\n".join("\t".join(r) for r in last_table.rows)
            continue
        out.append(it)
        last_table = it if it.kind == "table" else None
    return out


def _cut_glued_markers(drafts: list[Draft], parsed: list[Inline]):
    """Take markers glued to words out of the text: (block, offset) and label of each, in order."""
    eligible = [d.kind in ("paragraph", "list_item", "quote") and d.role is None for d in drafts]
    texts = [inl.text if ok else "" for inl, ok in zip(parsed, eligible, strict=True)]
    digits = find_glued_endnotes(texts)
    taken = {(g.block, g.start) for g in digits}
    found = digits + [g for g in find_glued_symbols(texts) if (g.block, g.start) not in taken]
    found.sort(key=lambda g: (g.block, g.start))
    by_block: dict[int, list] = {}
    for g in found:
        by_block.setdefault(g.block, []).append(g)
    out = list(parsed)
    where: list[tuple[int, int]] = []
    for bi in sorted(by_block):
        hits, inl = by_block[bi], parsed[bi]
        # One pass over the text: the pieces between markers, and each marker's offset once the
        # markers before it are gone.
        pieces, cuts, pos, removed = [], [], 0, 0
        for g in hits:
            pieces.append(inl.text[pos : g.start])
            where.append((bi, g.start - removed))
            cuts.append((g.start, g.end - g.start))
            removed += g.end - g.start
            pos = g.end
        pieces.append(inl.text[pos:])
        out[bi] = Inline("".join(pieces), [_shift_all(sp, cuts) for sp in inl.spans], [])
    labels = [g.label for g in found]
    return out, where, labels


def _shift_all(span: Span, cuts: list[tuple[int, int]]) -> Span:
    """Move a span left by the lengths of the markers cut before its ends."""
    ends = [s for s, _ in cuts]
    totals = [0]
    for _, length in cuts:
        totals.append(totals[-1] + length)
    start = span.start - totals[bisect_left(ends, span.start)]
    end = span.end - totals[bisect_left(ends, span.end)]
    return Span(start, end, span.kind, span.target)
