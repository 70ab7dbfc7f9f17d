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
    is_date_line,
    is_running_header,
    split_number,
)

_BULLET = re.compile(r"^\s*[-*•]\s+(.*)$")
_FIELD = re.compile(r"^[A-Z][\w .'/-]{0,30}:\s+\S")
_URL_ONLY = re.compile(r"^<?(https?://|www\.)\S+>?$")


def read(text: str, meta: DocumentMeta) -> Document:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    furniture = _furniture(lines)
    items: list[Draft | PageBreak] = []
    cur: Draft | None = None
    gap = True
    title: str | None = None
    for i, raw in enumerate(lines):
        n = i + 1
        s = raw.strip()
        if i in furniture:
            if furniture[i]:
                items.append(PageBreak(None, n))
            continue
        if not s:
            gap = True
            continue
        bullet = _BULLET.match(raw)
        body = bullet.group(1).strip() if bullet else s
        number = split_number(body)
        if cur is not None and gap and cur.kind != "heading" and continues(cur.raw, s) and not number:
            cur.append(s, n)
            gap = False
            continue
        if number:
            num, rest = number
            if "." not in num and re.match(r"^[\W_]*[a-z]", rest):
                cur = Draft("list_item", rest, n, marker=f"{num}.")
            else:
                cur = Draft("paragraph", rest, n, number=num)
        elif bullet:
            cur = Draft("list_item", body, n, marker="•")
        elif cur is not None and not gap and cur.kind != "heading":
            if _FIELD.match(s) and _FIELD.match(cur.raw.split("\n")[-1]):
                cur.append(s, n, "\n")
            elif _URL_ONLY.match(s) or not ends_sentence(cur.raw):
                cur.append(s, n)
            else:
                cur = Draft("paragraph", s, n)
                items.append(cur)
            gap = False
            continue
        elif (
            _standalone(lines, i, furniture) and len(s) <= 90 and not ends_sentence(s) and not _FIELD.match(s)
        ):
            level = 1 if title is None or s == title else 2
            title = title or s
            cur = Draft("heading", s, n, level=level)
        else:
            cur = Draft("paragraph", s, n)
        items.append(cur)
        gap = False
    return finish(meta, "report", items)


def _furniture(lines: list[str]) -> dict[int, bool]:
    """Line index -> True where a page ends there. Running headers always; a date line when it
    interrupts a sentence or repeats, which is what a footer does and a dated paragraph does not."""
    out: dict[int, bool] = {}
    dates = [i for i, ln in enumerate(lines) if is_date_line(ln)]
    repeated = {
        ln.strip()
        for ln in (lines[i] for i in dates)
        if sum(lines[j].strip() == ln.strip() for j in dates) > 1
    }
    for i, ln in enumerate(lines):
        if is_running_header(ln):
            out[i] = False
    for i in dates:
        before = _neighbour(lines, i, -1, out)
        after = _neighbour(lines, i, +1, out)
        interrupts = before is not None and after is not None and continues(before, after)
        if lines[i].strip() in repeated or interrupts:
            out[i] = True
    # A page ends where a header starts a page after text, unless a footer already ended it.
    for i in sorted(k for k, v in out.items() if not v):
        prev = i - 1
        while prev >= 0 and (not lines[prev].strip() or prev in out):
            if out.get(prev):
                break
            prev -= 1
        if prev >= 0 and not out.get(prev) and lines[prev].strip():
            out[i] = True
    return out


def _neighbour(lines: list[str], i: int, step: int, skip: dict[int, bool]) -> str | None:
    j = i + step
    while 0 <= j < len(lines):
        if lines[j].strip() and j not in skip and not is_date_line(lines[j]):
            return lines[j].strip()
        j += step
    return None


def _standalone(lines: list[str], i: int, furniture: dict[int, bool]) -> bool:
    def blank(j: int) -> bool:
        return j < 0 or j >= len(lines) or not lines[j].strip() or j in furniture

    return blank(i - 1) and blank(i + 1)
