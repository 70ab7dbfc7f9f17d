"""Committee reports as plain text: one line per paragraph, markdown-ish bold and bullets.

Traps handled: numbered paragraphs (1., 4.1, 5.3) that a meeting cites by number, some set as
bullets; numbered lists that are not paragraphs ("1. the government's approach..."); running
headers ("Item 3") and footers (the meeting date) printed inside the text, where a paragraph
continues across them; contact details set as one line each.
"""

from __future__ import annotations

import re

from briefing_app.pack.model import Document, DocumentMeta
from briefing_app.pack.readers.build import finish
from briefing_app.pack.readers.draft import (
    Draft,
    PageBreak,
    continues,
    ends_sentence,
    split_number,
    split_subitem,
)
from briefing_app.pack.readers.endnotes import take_endnotes
from briefing_app.pack.readers.textpages import find_text_pages
from briefing_app.pack.readers.texttable import read_table

_BULLET = re.compile(r"^\s*[-*•]\s+(.*)$")
_FIELD = re.compile(r"^[A-Z][\w .'/-]{0,30}:\s+\S")
_OPEN_END = re.compile(r"\b(and|or|of|for|the|to|in|on|a|an|with|by|from|at|as|that|which)$", re.IGNORECASE)
_URL_ONLY = re.compile(r"^<?(https?://|www\.)\S+>?$")


def read(text: str, meta: DocumentMeta) -> Document:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    pages = find_text_pages(lines)
    furniture = pages.furniture
    lines = [ln.replace("\f", "") for ln in lines]
    items: list[Draft | PageBreak] = []
    if pages.first_page is not None:
        items.append(PageBreak(pages.first_page - 1, 1))  # the page before the first ends at the start
    cur: Draft | None = None
    gap = True
    title: str | None = None
    skip_to = 0  # lines before this were read as part of a table
    for i, raw in enumerate(lines):
        n = i + 1
        s = raw.strip()
        if i in pages.breaks:
            items.append(PageBreak(pages.breaks[i], n))
        if i in furniture:
            continue
        if not s:
            gap = True
            continue
        if skip_to > i:
            continue
        rows, after = read_table(lines, i, lambda k: k in furniture)
        if rows:
            items.append(Draft("table", "\n".join("\t".join(r) for r in rows), n, rows=rows))
            cur, gap, skip_to = None, True, after
            continue
        bullet = _BULLET.match(raw)
        body = bullet.group(1).strip() if bullet else s
        number = split_number(body)
        sub = split_subitem(body)
        if (
            cur is not None
            and gap
            and cur.kind != "heading"
            and continues(cur.tail(), s)
            and not number
            and not sub
        ):
            cur.append(s, n)
            gap = False
            continue
        if sub:
            cur = Draft("list_item", sub[1], n, marker=sub[0])
        elif number:
            num, rest = number
            if "." not in num and re.match(r"^[\W_]*[a-z]", rest):
                cur = Draft("list_item", rest, n, marker=f"{num}.")
            else:
                cur = Draft("paragraph", rest, n, number=num)
        elif bullet:
            cur = Draft("list_item", body, n, marker="•")
        elif cur is not None and not gap and cur.kind != "heading":
            if _FIELD.match(s) and _FIELD.match(cur.last_line()):
                cur.append(s, n, "\n")
            elif _URL_ONLY.match(s) or not ends_sentence(cur.tail()):
                cur.append(s, n)
            else:
                cur = Draft("paragraph", s, n)
                items.append(cur)
            gap = False
            continue
        elif (
            _standalone(lines, i, furniture)
            and len(s) <= 90
            and not ends_sentence(s)
            and not _FIELD.match(s)
            and not s[:1].isdigit()  # a date or a figure on its own line is not a heading
            and len(s.split()) <= 12
            and not _OPEN_END.search(s)  # "...the towns and villages of" is a sentence cut short
        ):
            level = 1 if title is None or s == title else 2
            title = title or s
            cur = Draft("heading", s, n, level=level)
        else:
            cur = Draft("paragraph", s, n)
        items.append(cur)
        gap = False
    if pages.last_page is not None:
        items.append(PageBreak(pages.last_page, len(lines)))  # the last page ends with the text
    items, endnotes = take_endnotes(items)
    return finish(meta, "report", items, note_defs=endnotes, glued_endnotes=bool(endnotes))


def _standalone(lines: list[str], i: int, furniture: frozenset[int]) -> bool:
    def blank(j: int) -> bool:
        return j < 0 or j >= len(lines) or not lines[j].strip() or j in furniture

    return blank(i - 1) and blank(i + 1)
