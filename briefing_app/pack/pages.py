"""Printed pages for blocks, only where the source establishes them.

Evidence comes in two kinds: a heading whose contents-list entry gives its page, and a page
break (a printed page number, or an unnumbered page-foot note block). Between two numbered pieces
of evidence, if the unnumbered breaks in between account exactly for the difference in page
numbers, every block's page follows by counting; otherwise only the block right after the
evidence is certain, and the rest stay unknown rather than guessed.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from briefing_app.pack.readers.draft import Draft, PageBreak


@dataclass
class _Point:
    index: int  # draft index: the heading itself ("at"), or the first draft after a break
    page_after: int  # page in force for the drafts that follow
    page_before: int  # page in force for the drafts before this point
    at: bool


def assign_pages(items: list[Draft | PageBreak]) -> list[int | None]:
    drafts = [it for it in items if isinstance(it, Draft)]
    pages: list[int | None] = [None] * len(drafts)
    points: list[_Point] = []
    breaks: list[int] = []  # draft index after each unnumbered break
    count = 0
    for it in items:
        if isinstance(it, Draft):
            if it.start_page is not None:
                points.append(_Point(count, it.start_page, it.start_page, True))
                pages[count] = it.start_page
            count += 1
        elif it.page is not None:
            points.append(_Point(count, it.page + 1, it.page, False))
        else:
            breaks.append(count)
    for i, left in enumerate(points):
        right = points[i + 1] if i + 1 < len(points) else None
        first = left.index + 1 if left.at else left.index
        last = right.index if right is not None else len(drafts)
        # A break just before the right-hand heading moves that heading to the next page.
        upto = last + 1 if right is not None and right.at else last
        # The unnumbered breaks in [first, upto), found by bisection: breaks are in reading order.
        lo, hi = bisect_left(breaks, first), bisect_left(breaks, upto)
        if right is not None and left.page_after + (hi - lo) == right.page_before:
            page, k = left.page_after, lo
            for i in range(first, last):
                while k < hi and breaks[k] == i:
                    page, k = page + 1, k + 1
                pages[i] = page
        elif first < last and not (lo < hi and breaks[lo] == first):
            pages[first] = left.page_after
    return pages
