"""Markdown sources (Commons Library notes, think-tank reports converted to markdown).

Traps handled: page-foot note blocks (`---` then `<sup>N</sup> text` or `**N** text`) that cut a
paragraph mid-sentence; paragraphs and list items split by a stray blank line; chapter headings
at inconsistent levels; quotes set as italic paragraphs with a bold attribution (sometimes set
as a heading); contents tables in pipe or tab form; unbalanced emphasis delimiters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing_app.pack.model import Document, DocumentMeta
from briefing_app.pack.readers.build import finish
from briefing_app.pack.readers.draft import (
    Draft,
    NoteDef,
    PageBreak,
    contents_entry,
    continues,
    ends_sentence,
    match_contents,
    normalise_title,
    split_subitem,
)
from briefing_app.pack.readers.endnotes import is_notes_title, take_endnotes
from briefing_app.pack.readers.inline import parse_inline
from briefing_app.pack.readers.textpages import find_text_pages

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_ORDERED = re.compile(r"^\s*(\d{1,3})[.)]\s+(.*)$")
_NUMBERED_PARA = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\s+(?=[A-Z*])(.*)$")
_NOTE_DEF = re.compile(
    r"^\s*(?:<sup>\s*(\d{1,3}|[ivx]{1,5}|[*†‡§¶]{1,3})\s*</sup>\s*|\*\*(\d{1,3})\*\*\s*|([†‡§¶]{1,3}|\\\*)\s+)(.*)$"
)
_BROKEN_ORDINAL = re.compile(r"^(\d{1,2})\.\*\*\s+(.*)$")  # "- 1.** Awareness ..." in a converted table
# "...or online at:" then "(<http://example.gov.uk>)." set apart: one sentence, not two blocks.
_ADDRESS_ONLY = re.compile(r"^\W*(https?://|www\.|mailto:|\S+@\S+\.\w+)\S*\W*$")
_STRUCTURE = re.compile(r"^\s*(#|\||>|[-*+]\s|\d{1,3}[.)]\s|<sup>|\*\*\d|[-*_]{3})")
_QUOTE_OPEN = "‘“'\""


@dataclass
class _Unit:
    kind: str  # heading | rule | table | list_item | paragraph | note_def | quote
    line: int
    lines: list[tuple[int, str]] = field(default_factory=list)
    level: int | None = None
    marker: str | None = None
    label: str | None = None
    hyphens: list[int] = field(default_factory=list)  # offsets of line-end hyphens in the joined text


def read(text: str, meta: DocumentMeta) -> Document:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    # Running headers, footers and page numbers a conversion left as plain lines, found as in
    # text sources; a line of markdown structure (a heading, a table row, a note) is never one.
    furniture = {i for i in find_text_pages(lines).furniture if not _STRUCTURE.match(lines[i])}
    units = _units([ln if i not in furniture else "\0" for i, ln in enumerate(lines)])
    items: list[Draft | PageBreak] = []
    defs: list[NoteDef] = []
    last: Draft | None = None  # the last body block, which a cut paragraph may continue
    gap_after_rule = False
    last_heading: Draft | None = None  # the heading just read, with nothing after it yet
    i = 0
    while i < len(units):
        u = units[i]
        if u.kind == "rule":
            if i + 1 < len(units) and units[i + 1].kind == "note_def":
                items.append(PageBreak(None, u.line))
                i += 1
                while i < len(units) and units[i].kind == "note_def":
                    nd = units[i]
                    defs.append(NoteDef(nd.label, _joined(nd), nd.line))
                    i += 1
                gap_after_rule = True
                continue
            i += 1
            last = None
            continue
        if u.kind == "note_def":
            # A definition outside a page-foot block: still a definition, in the notes; under an
            # end-notes heading, an end note, and the heading has nothing else to show.
            under = last_heading is not None and is_notes_title(last_heading.raw)
            defs.append(NoteDef(u.label, _joined(u), u.line, "endnote" if under else "footnote"))
            if under and items and items[-1] is last_heading:
                items.pop()
            i += 1
            continue
        last_heading = None
        raw = _joined(u)
        if (
            u.kind == "paragraph"
            and last is not None
            and last.kind in ("paragraph", "list_item", "quote")
            and (
                continues(last.tail(), raw)
                or (gap_after_rule and not ends_sentence(last.tail()))
                or (last.tail().rstrip().endswith(":") and _ADDRESS_ONLY.match(parse_inline(raw).text))
            )
        ):
            last.append(raw, u.line)
            gap_after_rule = False
            i += 1
            continue
        gap_after_rule = False
        draft = _draft(u, raw)
        items.append(draft)
        if draft.kind == "heading":
            last_heading = draft
        last = draft if draft.kind in ("paragraph", "list_item", "quote") else None
        i += 1

    drafts = [d for d in items if isinstance(d, Draft)]
    _mark_quotes(drafts)
    _normalise_chapter_levels(drafts)
    entries = _contents(drafts)
    match_contents(drafts, entries)
    items, endnotes = take_endnotes(items)
    return finish(meta, "markdown", items, note_defs=defs + endnotes)


def _units(lines: list[str]) -> list[_Unit]:
    units: list[_Unit] = []
    cur: _Unit | None = None
    for n, line in enumerate(lines, start=1):
        if line == "\0":
            continue  # page furniture: the paragraph it cut goes on
        stripped = line.strip()
        if not stripped:
            cur = None
            continue
        if m := _HEADING.match(stripped):
            units.append(_Unit("heading", n, [(n, m.group(2))], level=len(m.group(1))))
            cur = None
            continue
        if _RULE.match(line):
            units.append(_Unit("rule", n))
            cur = None
            continue
        if stripped.startswith("|") or ("\t" in line and (cur is None or cur.kind == "table")):
            if cur is None or cur.kind != "table":
                cur = _Unit("table", n)
                units.append(cur)
            cur.lines.append((n, line))
            continue
        if (m := _NOTE_DEF.match(line)) and (cur is None or cur.kind == "note_def"):
            label = m.group(1) or m.group(2) or m.group(3).replace("\\", "")
            cur = _Unit("note_def", n, [(n, m.group(4))], label=label)
            units.append(cur)
            continue
        if stripped.startswith(">"):
            if cur is None or cur.kind != "quote":
                cur = _Unit("quote", n)
                units.append(cur)
            cur.lines.append((n, stripped.lstrip(">").strip()))
            continue
        if m := _BULLET.match(line):
            sub = split_subitem(m.group(1))  # "- (a) text": the letter is the item's marker
            body, marker = (sub[1], sub[0]) if sub else (m.group(1), "•")
            cur = _Unit("list_item", n, [(n, body)], marker=marker)
            units.append(cur)
            continue
        if sub := split_subitem(line):
            cur = _Unit("list_item", n, [(n, sub[1])], marker=sub[0])
            units.append(cur)
            continue
        if m := _ORDERED.match(line):
            cur = _Unit("list_item", n, [(n, m.group(2))], marker=f"{m.group(1)}.")
            units.append(cur)
            continue
        if cur is not None and cur.kind in ("paragraph", "list_item", "quote", "note_def"):
            cur.lines.append((n, line))
            continue
        cur = _Unit("paragraph", n, [(n, line)])
        units.append(cur)
    return units


def _joined(u: _Unit) -> str:
    """Join a unit's lines: a soft wrap becomes a space, a markdown hard break (two spaces) a newline."""
    out: list[str] = []
    size = 0
    u.hyphens = []
    for idx, (_, line) in enumerate(u.lines):
        piece = line.strip()
        if idx:
            previous = out[-1]
            if previous.endswith("-") and previous[-2:-1].isalpha() and piece[:1].isalpha():
                u.hyphens.append(size - 1)  # "commu-" / "nity": hyphens.repair decides
            else:
                sep = "\n" if u.lines[idx - 1][1].endswith("  ") else " "
                out.append(sep)
                size += len(sep)
        out.append(piece)
        size += len(piece)
    return "".join(out)


def _draft(u: _Unit, raw: str) -> Draft:
    if u.kind == "heading":
        return Draft("heading", raw, u.line, level=u.level)
    if u.kind == "table":
        rows = []
        for _, line in u.lines:
            if "|" in line:
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
            else:
                cells = [c.strip() for c in line.split("\t")]
            if all(re.fullmatch(r":?-*:?", c) for c in cells):
                continue  # a separator row, or a row with nothing in it
            rows.append(cells)
        text = "\n".join("\t".join(parse_inline(c).text for c in r) for r in rows)
        return Draft("table", text, u.line, rows=rows)
    if u.kind == "list_item":
        marker = u.marker
        if m := _BROKEN_ORDINAL.match(raw):
            marker, raw = f"{m.group(1)}.", m.group(2)
        return Draft("list_item", raw, u.line, marker=marker)
    if u.kind == "quote":
        return Draft("quote", raw, u.line)
    if m := _NUMBERED_PARA.match(raw):
        return Draft("paragraph", m.group(2), u.line, number=m.group(1))
    return Draft("paragraph", raw, u.line, hyphens=list(u.hyphens))


def _fully(raw: str, kind: str) -> bool:
    inl = parse_inline(raw)
    if not inl.text:
        return False
    covered = [False] * len(inl.text)
    for s in inl.spans:
        if s.kind == kind:
            for k in range(s.start, s.end):
                covered[k] = True
    return all(c or ch.isspace() for c, ch in zip(covered, inl.text, strict=True))


def _mark_quotes(drafts: list[Draft]) -> None:
    """An italic paragraph opening with a quotation mark is a quote; a short bold line after it
    is the quote's attribution."""
    previous: Draft | None = None
    for d in drafts:
        plain = parse_inline(d.raw).text if d.kind in ("paragraph", "heading") else ""
        if d.kind == "paragraph" and plain[:1] in _QUOTE_OPEN and _fully(d.raw, "emphasis"):
            d.kind = "quote"
        elif (
            previous is not None
            and previous.kind == "quote"
            and previous.role is None
            and d.kind in ("paragraph", "heading")
            and len(plain) <= 120
            and _fully(d.raw, "strong")
        ):
            d.kind, d.role, d.level = "quote", "attribution", None
        previous = d


def _normalise_chapter_levels(drafts: list[Draft]) -> None:
    """Numbered sections take their level from their number ("2" above "2.1" and "2.2"), even
    where the source set them at uneven levels (SN05993 has 2.2 at ## but 2.1 and 2.3 at ###)."""
    numbered = []
    for d in drafts:
        if d.kind == "heading" and (m := re.match(r"^(\d+(?:\.\d+)*)\.?\s+\S", parse_inline(d.raw).text)):
            numbered.append((d, m.group(1).count(".") + 1))
    if len(numbered) < 2:
        return
    top = [d.level for d, depth in numbered if depth == 1] or [d.level for d, _ in numbered]
    base = min(top)
    for d, depth in numbered:
        d.level = min(6, base + depth - 1)


def _contents(drafts: list[Draft]) -> list[tuple[str, int]]:
    for i, d in enumerate(drafts[:-1]):
        if d.kind == "heading" and normalise_title(d.raw) == "contents" and drafts[i + 1].kind == "table":
            table = drafts[i + 1]
            table.role = "contents"
            entries = [contents_entry(r) for r in table.rows or []]
            return [e for e in entries if e]
    return []
