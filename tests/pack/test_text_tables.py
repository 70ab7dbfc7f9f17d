# ruff: noqa: W291
"""Tables in text sources stay tables, and a table cut by a page is one table."""

from __future__ import annotations

from tests.pack.helpers import read


def test_pdf_text_table_split_over_a_page_is_one_table():
    doc = read(
        """
        The budget for each service is set out below, with the figures for the two years side by 
        side so that members can compare them. 

        Service          2023/24    2024/25 
        Libraries        £1.2m      £1.1m 
        Parks            £0.8m      £0.9m 

        - 4 - 

        Service          2023/24    2024/25 
        Leisure          £2.0m      £2.1m 

        The committee is asked to note the figures. 
        """,
        "pdf-text",
    )
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(tables) == 1
    assert tables[0].rows == (
        ("Service", "2023/24", "2024/25"),
        ("Libraries", "£1.2m", "£1.1m"),
        ("Parks", "£0.8m", "£0.9m"),
        ("Leisure", "£2.0m", "£2.1m"),
    )
    assert doc.blocks[-1].text == "The committee is asked to note the figures."


def test_report_table_and_prose_with_double_spaces():
    doc = read(
        """
        1. The results are set out below.  They show a rise in every ward over the last year.

        Ward	Before	After
        North	12	15
        South	9	11

        2. Members are asked to note the results.
        """,
        "report",
    )
    assert [b.kind for b in doc.blocks] == ["paragraph", "table", "paragraph"]
    assert doc.blocks[1].rows == (("Ward", "Before", "After"), ("North", "12", "15"), ("South", "9", "11"))


def test_markdown_table_cut_by_page_foot_notes_is_joined():
    doc = read(
        """
        # Paper

        | Area | Spend |
        |------|-------|
        | North | 10 |

        ---

        <sup>1</sup> A note at the page foot.

        | Area | Spend |
        |------|-------|
        | South | 12 |
        """,
        "markdown",
    )
    (table,) = [b for b in doc.blocks if b.kind == "table"]
    assert table.rows == (("Area", "Spend"), ("North", "10"), ("South", "12"))
