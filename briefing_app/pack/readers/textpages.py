"""Pages and page furniture in plain text extracted from a PDF, where the page breaks are lost.

Text keeps only traces of its pages: a form feed, a lone page number between blank lines, or a
running line that cuts a sentence in two ("...projects' which / Agenda item 9 / too often feel").
Those traces mark page boundaries; the shared furniture stage then finds what repeats at the
top and foot of the pages so found, in any wording. A line is taken as cutting a sentence when
the text before it stops mid-sentence, the text after it goes on in lower case, and the line
itself is short, starts in capitals and ends without punctuation: the wrapped lines of a
paragraph are long, and its last line is followed by a capital.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing_app.pack.readers.draft import ends_sentence, starts_lower, starts_upper
from briefing_app.pack.readers.furniture import PageLine, find_furniture, lone_page_number, normalise

_ADDRESS = re.compile(r"^\W*(https?:|www\.|mailto:)")
_SHORT = 45  # characters: longer lines are text, not a running header cut into it


@dataclass(frozen=True)
class TextPages:
    furniture: frozenset[int]  # 0-based source line indices that are page furniture
    breaks: dict[int, int | None]  # line index where a new page starts -> printed number of the page ending
    first_page: int | None  # printed number of the first page, when the source establishes it
    last_page: int | None = None  # printed number of the last page, likewise


def find_text_pages(lines: list[str]) -> TextPages:
    body = [i for i, ln in enumerate(lines) if ln.strip() and ln.strip() != "\f"]
    furniture: set[int] = set()
    starts: set[int] = set()  # body-line positions (indices into `body`) where a page starts
    numbered = [k for k, i in enumerate(body) if _lone_number(lines, i)]
    header_numbers = bool(numbered) and numbered[0] == 0 and numbered[-1] != len(body) - 1
    for k in numbered:
        furniture.add(body[k])
        start = k if header_numbers else k + 1
        if 0 < start < len(body):
            starts.add(start)
    feeds = [0] * (len(lines) + 1)  # feeds[i]: form feeds in lines before i
    for i, ln in enumerate(lines):
        feeds[i + 1] = feeds[i] + ("\f" in ln)
    for k in range(1, len(body)):
        # A feed after the previous body line, or at the start of this one, starts a page here.
        if feeds[body[k]] > feeds[body[k - 1] + 1] or lines[body[k]].lstrip(" \t").startswith("\f"):
            starts.add(k)
    for k in _cutting_lines(lines, body, furniture):
        furniture.add(body[k])
        if k > 0:
            starts.add(k)

    bounds = [0, *sorted(starts), len(body)]
    pages = [
        [PageLine(p, n, lines[body[k]].strip()) for n, k in enumerate(range(a, b))]
        for p, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False))
        if b > a
    ]
    found = find_furniture(pages)
    for p, n in found.lines:
        furniture.add(body[bounds[p] + n])
    numbers = [_as_int(v) for v in found.page_numbers]
    breaks: dict[int, int | None] = {}
    for p in range(1, len(pages)):
        ending = numbers[p - 1]
        if ending is None and numbers[p] is not None:
            ending = numbers[p] - 1
        breaks[body[bounds[p]]] = ending
    # The first page's number fixes the pages before its break only when the next page follows
    # on from it: a cover or a contents page may sit before it unnumbered, leaving no trace.
    first = (
        numbers[0] if len(numbers) > 1 and numbers[0] is not None and numbers[1] == numbers[0] + 1 else None
    )
    # Likewise the last page's number closes the last page when it follows on from the one before.
    last = (
        numbers[-1]
        if len(numbers) > 1 and numbers[-1] is not None and numbers[-2] == numbers[-1] - 1
        else None
    )
    return TextPages(frozenset(furniture), breaks, first, last)


def _lone_number(lines: list[str], i: int) -> bool:
    """A page number on a line of its own, with blank lines (or the file's edge) around it."""
    if lone_page_number(lines[i]) is None:
        return False
    return _blank(lines, i - 1) and _blank(lines, i + 1)


def _blank(lines: list[str], i: int) -> bool:
    return i < 0 or i >= len(lines) or not lines[i].strip()


def _cutting_lines(lines: list[str], body: list[int], skip: set[int]) -> list[int]:
    """Short lines standing between a sentence and its continuation, and every other line with
    the same wording (the same running header where it happens to fall between paragraphs)."""
    kept = [k for k, i in enumerate(body) if i not in skip]
    cut: list[int] = []
    for pos in range(1, len(kept) - 1):
        k = kept[pos]
        s = lines[body[k]].strip()
        if len(s) > _SHORT or not starts_upper(s) or ends_sentence(s) or s.endswith(","):
            continue
        before = lines[body[kept[pos - 1]]].strip()
        after_pos = pos + 1
        # A footer and a header can stand together between the two halves of a sentence.
        if after_pos < len(kept) - 1 and _short_stamp(lines[body[kept[after_pos]]]):
            after_pos += 1
        after = lines[body[kept[after_pos]]].strip()
        if len(before) > _SHORT and not ends_sentence(before) and _goes_on(after):
            cut.extend(kept[pos:after_pos])
    # The same running line where it falls between paragraphs: a line in the same wording counts
    # only at a page's edge, that is next to other furniture (a page number, or another running
    # line) or at either end of the text. A meeting date repeated in the body stands among text
    # and stays.
    wordings = {_wording(lines[body[k]]) for k in cut}
    found = set(cut)
    candidates = [pos for pos, k in enumerate(kept) if _wording(lines[body[k]]) in wordings]
    fixed = {k for k in range(len(body)) if body[k] in skip}
    for _ in range(2):  # a footer and a header standing together: the second pass takes the pair
        for pos in candidates:
            k = kept[pos]
            prev = kept[pos - 1] if pos > 0 else None
            nxt = kept[pos + 1] if pos + 1 < len(kept) else None
            if (
                prev is None
                or nxt is None
                or {prev, nxt} & (found | fixed)
                or k - 1 in fixed
                or k + 1 in fixed
                or _pair(lines, body, prev, nxt, wordings)
            ):
                found.add(k)
    return sorted(found)


def _pair(lines: list[str], body: list[int], prev: int, nxt: int, wordings: set[str]) -> bool:
    return _wording(lines[body[prev]]) in wordings or _wording(lines[body[nxt]]) in wordings


def _goes_on(line: str) -> bool:
    """Words in lower case that carry a sentence on (an address such as www.x.org is not that)."""
    return starts_lower(line) and not _ADDRESS.match(line)


def _short_stamp(line: str) -> bool:
    s = line.strip()
    return len(s) <= _SHORT and starts_upper(s) and not ends_sentence(s)


def _wording(line: str) -> str:
    return normalise(line)


def _as_int(value: str | None) -> int | None:
    if value is None:
        return None
    if value.isdigit():
        return int(value)
    return None  # roman numerals number front matter, apart from the pages counted in digits
