"""Printed pages for blocks, only where the source establishes them.

Evidence comes in two kinds: a heading whose contents-list entry gives its page, and a page
break (a printed page number, or an unnumbered page-foot note block). Between two numbered pieces
of evidence, if the unnumbered breaks in between account exactly for the difference in page
numbers, every block's page follows by counting; otherwise only the block right after the
evidence is certain, and the rest stay unknown rather than guessed.
"""

from __future__ import annotations

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
        inner = [b for b in breaks if first <= b < upto]
        if right is not None and left.page_after + len(inner) == right.page_before:
            page = left.page_after
            for i in range(first, last):
                page += sum(1 for b in inner if b == i)
                pages[i] = page
        elif first < last and first not in inner:
            pages[first] = left.page_after
    return pages
