"""Placing model text on PDF pages: a stretch of text over the lines it covers; a point -> its block."""

from __future__ import annotations

import pytest

from briefing_app.pack.model import Block, Document, DocumentMeta, Region
from briefing_app.pack.page_places import Box, PageIndex, block_boxes, span_boxes

TEXT = "0123456789abcdefghij"  # two printed lines of ten characters
BLOCK = Block(
    id="b1",
    kind="paragraph",
    text=TEXT,
    regions=(Region(0, 100, 700, 200, 712, 0), Region(1, 50, 60, 150, 72, 10)),
)


def test_a_stretch_of_text_covers_each_line_it_touches_in_proportion():
    assert span_boxes(BLOCK, 5, 15) == [Box(0, 150, 700, 200, 712), Box(1, 50, 60, 100, 72)]
    assert span_boxes(BLOCK, 2, 4) == [Box(0, 120, 700, 140, 712)]
    assert span_boxes(BLOCK, 20, 25) == []


def test_a_passage_is_outlined_once_on_each_of_its_pages():
    assert block_boxes(BLOCK) == [Box(0, 100, 700, 200, 712), Box(1, 50, 60, 150, 72)]


def test_a_point_finds_the_line_under_it_or_the_nearest_one_and_not_the_margin():
    other = Block(id="b2", kind="paragraph", text="x", regions=(Region(0, 100, 720, 200, 732, 0),))
    index = PageIndex(Document(DocumentMeta(id="d", title="D", file="d.pdf"), "pdf", (BLOCK, other)))
    assert index.block_at(0, 150, 705) == "b1"
    assert index.block_at(0, 150, 726) == "b2"
    assert index.block_at(0, 150, 716) in {"b1", "b2"}  # between the lines: the nearer one
    assert index.block_at(0, 500, 100) is None
    assert index.block_at(5, 150, 705) is None
    assert index.first_block_from(1) == "b1"
    assert index.first_block_from(2) is None


@pytest.mark.parametrize("start,end", [(0, 20), (9, 11)])
def test_boxes_never_leave_their_line(start, end):
    for box in span_boxes(BLOCK, start, end):
        line = BLOCK.regions[box.page]
        assert line.x0 <= box.x0 <= box.x1 <= line.x1
