"""The PDF reader's reading order: one, two and three columns, full-width parts, tables."""

from __future__ import annotations

from tests.pack.pdf_maker import Text, filler, read_pdf, wrap


def _column(tag: str, x: float, y: float, paragraphs: int, width: int, size: float = 10.0):
    items: list[Text] = []
    for p in range(paragraphs):
        lines, y = wrap(
            f"{tag}{p} begins. {filler(p, 40)} ends{tag}{p}.",
            x,
            y,
            width=width,
            size=size,
            leading=size * 1.3,
        )
        items += lines
        y += size  # paragraph spacing
    return items


def _paragraph_tags(doc) -> list[str]:
    return [b.text.split()[0] for b in doc.blocks if b.kind == "paragraph"]


def test_two_columns_are_read_one_after_the_other(qapp, tmp_path):
    page = [Text(50, 60, "Two Column Paper", 18, True)]
    page += _column("Left", 50, 100, 4, 40)
    page += _column("Right", 310, 100, 4, 40)
    doc = read_pdf(tmp_path, [page])
    assert _paragraph_tags(doc) == [f"Left{i}" for i in range(4)] + [f"Right{i}" for i in range(4)]
    # No paragraph holds words of the other column.
    for b in doc.blocks:
        if b.kind == "paragraph":
            tag = b.text.split()[0]
            assert b.text.endswith(f"ends{tag}.")


def test_three_columns_under_a_heading_across_them(qapp, tmp_path):
    pages = []
    for n in range(2):
        page = [Text(40, 40, "Federal Notice / Vol. 1 / Proposed Rules", 8)]
        if n == 0:
            page.append(Text(40, 75, "A Rule Proposed for Comment Across Three Columns", 16, True))
        top = 110 if n == 0 else 70
        for c, x in enumerate((40, 220, 400)):
            page += _column(f"P{n}C{c}x", x, top, 3, 29, 8.0)
        pages.append(page)
    doc = read_pdf(tmp_path, pages)
    tags = _paragraph_tags(doc)
    assert tags == [f"P{n}C{c}x{p}" for n in range(2) for c in range(3) for p in range(3)]
    assert doc.blocks[0].kind == "heading" and doc.blocks[0].text.startswith("A Rule Proposed")


def test_a_grid_of_figures_is_a_table_with_its_rows(qapp, tmp_path):
    page, y = wrap(
        "The budget is summarised in the table below and explained in the paragraphs after it.", 72, 80
    )
    rows = [
        ("Service", "2024-25", "2025-26"),
        ("Adult care", "1,200", "1,350"),
        ("Libraries", "85", "80"),
        ("Highways", "410", "455"),
    ]
    for i, row in enumerate(rows):
        for x, cell in zip((72, 300, 420), row, strict=True):
            page.append(Text(x, y + 20 + i * 16, cell, 10))
    after, _ = wrap("The figures are in thousands of pounds.", 72, y + 20 + len(rows) * 16 + 20)
    doc = read_pdf(tmp_path, [page + after])
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(tables) == 1
    assert tables[0].rows == tuple(rows)
    assert doc.blocks[-1].text == "The figures are in thousands of pounds."


def test_a_paragraph_runs_on_from_one_column_into_the_next(qapp, tmp_path):
    # Paragraphs start with a first-line indent; the third is cut by the column break mid-sentence
    # and goes on flush at the top of the next column, with a capital.
    page: list[Text] = []
    y = 80.0
    for p in range(2):
        lines, y = wrap(f"Para{p} starts. {filler(p, 30)}.", 50, y, width=40, size=9, leading=11, indent=9)
        page += lines
    cut, _ = wrap(
        f"Para2 starts. {filler(2, 24)} and the crew of", 50, y, width=40, size=9, leading=11, indent=9
    )
    page += cut
    rest, y2 = wrap(
        f"Lion Air Flight 043 landed safely. {filler(5, 30)}.", 310, 80, width=40, size=9, leading=11
    )
    page += rest
    more, _ = wrap(f"Para4 starts. {filler(6, 30)}.", 310, y2, width=40, size=9, leading=11, indent=9)
    page += more
    doc = read_pdf(tmp_path, [page])
    texts = [b.text for b in doc.blocks]
    assert [t.split()[0] for t in texts] == ["Para0", "Para1", "Para2", "Para4"]
    assert texts[2].endswith(f"and the crew of Lion Air Flight 043 landed safely. {filler(5, 30)}.")


def test_a_sparse_page_takes_the_columns_of_the_paper(qapp, tmp_path):
    # Page 2 holds too little to show its own gutter (a short last page): it reads as the first did.
    first = _column("A", 50, 100, 4, 40) + _column("B", 310, 100, 4, 40)
    last = [
        Text(50, 100, "C0 begins on the left.", 10),
        Text(310, 100, "D0 begins on the right.", 10),
        Text(50, 113, "C0 ends on the left.", 10),
        Text(310, 113, "D0 ends on the right.", 10),
    ]
    doc = read_pdf(tmp_path, [first, last])
    assert [b.text for b in doc.blocks][-2:] == [
        "C0 begins on the left. C0 ends on the left.",
        "D0 begins on the right. D0 ends on the right.",
    ]
