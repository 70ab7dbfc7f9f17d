"""Where text of the model sits on the PDF's pages, and which block a point on a page belongs to.

A block read from a PDF carries one Region per printed line (see model.Region). A stretch of the
block's text (a search hit, a highlight) covers the lines it overlaps; within a line the span is
placed in proportion to its characters, which is close for justified text and never outside the
line's box. Boxes are in PDF points from the page's top-left, the same as the regions.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from briefing_app.pack.model import Block, Document, Region


@dataclass(frozen=True)
class Box:
    page: int  # 0-based page index in the file
    x0: float
    top: float
    x1: float
    bottom: float


def span_boxes(block: Block, start: int, end: int) -> list[Box]:
    """Boxes covering the block's text [start, end) on its pages: one per line it touches."""
    regions = block.regions
    out: list[Box] = []
    for i, region in enumerate(regions):
        line_end = regions[i + 1].start if i + 1 < len(regions) else len(block.text)
        if line_end <= start or region.start >= end or line_end <= region.start:
            continue
        length = line_end - region.start
        width = region.x1 - region.x0
        left = region.x0 + width * max(0, start - region.start) / length
        right = region.x0 + width * min(length, end - region.start) / length
        out.append(Box(region.page, left, region.top, max(right, left + 1.0), region.bottom))
    return out


def block_boxes(block: Block) -> list[Box]:
    """One box per page the block is printed on, around all its lines there (the passage outline)."""
    by_page: dict[int, list[Region]] = {}
    for region in block.regions:
        by_page.setdefault(region.page, []).append(region)
    return [
        Box(
            page,
            min(r.x0 for r in found),
            min(r.top for r in found),
            max(r.x1 for r in found),
            max(r.bottom for r in found),
        )
        for page, found in sorted(by_page.items())
    ]


class PageIndex:
    """The blocks of one document by page, to answer "what was clicked here?" quickly."""

    def __init__(self, doc: Document) -> None:
        self._lines: dict[int, list[tuple[Region, str]]] = {}
        self._first_on_page: dict[int, str] = {}
        for block in doc.blocks:
            for region in block.regions:
                self._lines.setdefault(region.page, []).append((region, block.id))
                self._first_on_page.setdefault(region.page, block.id)
        self._pages = sorted(self._first_on_page)

    def block_at(self, page: int, x: float, y: float, slack: float = 3.0) -> str | None:
        """The block whose line contains the point, or failing that the nearest line on the page
        within a line's height; None on a margin or an empty page."""
        best: tuple[float, str] | None = None
        for region, block_id in self._lines.get(page, ()):
            dx = max(region.x0 - x, 0.0, x - region.x1)
            dy = max(region.top - y, 0.0, y - region.bottom)
            if dx <= slack and dy <= slack:
                return block_id
            reach = region.bottom - region.top
            distance = dx + dy
            if dy <= reach and dx <= 2 * reach and (best is None or distance < best[0]):
                best = (distance, block_id)
        return best[1] if best else None

    def first_block_from(self, page: int) -> str | None:
        """The first block printed on `page`, or on the nearest page after it with any text."""
        at = bisect_right(self._pages, page - 1)
        return self._first_on_page[self._pages[at]] if at < len(self._pages) else None
