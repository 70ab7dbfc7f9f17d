from tests.pack.helpers import read, texts


def test_numbered_paragraphs_and_numbered_list_are_told_apart():
    doc = read(
        """
        Summary

        This report sets out:

        1. the government's approach to integration; and
        2. key implications for councils.

        Background

        1. At the Board's meeting on 7 November 2011, Members asked for a report.
        2. This paper therefore provides background.
         - 4.1 **common ground** - a clear sense of shared aspirations
        """,
        "report",
    )
    items = [(b.kind, b.number, b.marker) for b in doc.blocks if b.kind != "heading"]
    assert items == [
        ("paragraph", None, None),
        ("list_item", None, "1."),
        ("list_item", None, "2."),
        ("paragraph", "1", None),
        ("paragraph", "2", None),
        ("paragraph", "4.1", None),
    ]
    assert doc.blocks[-1].text.startswith("common ground - ")


def test_running_header_and_date_footer_inside_a_paragraph():
    doc = read(
        """
        Item 3

        Title of the paper

        9. Areas already map their communities and this provides a foundation for understanding conflicts

        12 March 2012

        Item 3

        between different groups.

        10. The overall thrust of this report is welcome.
        """,
        "report",
    )
    assert texts(doc) == [
        "Title of the paper",
        "Areas already map their communities and this provides a foundation for understanding "
        "conflicts between different groups.",
        "The overall thrust of this report is welcome.",
    ]


def test_a_dated_sentence_is_not_furniture():
    doc = read(
        """
        Meeting held on

        12 March 2012

        The Board agreed.
        """,
        "report",
    )
    assert "12 March 2012" in texts(doc)


def test_contact_lines_keep_their_breaks():
    doc = read(
        """
        Contact officer: Helen Murray
        Position: Head of Programmes
        """,
        "report",
    )
    assert texts(doc) == ["Contact officer: Helen Murray\nPosition: Head of Programmes"]


def test_headings_are_standalone_unpunctuated_lines():
    doc = read(
        """
        Integration, community cohesion and preventing violent extremism

        Purpose of Report

        For noting.
        """,
        "report",
    )
    assert [(b.text, b.level) for b in doc.headings] == [
        ("Integration, community cohesion and preventing violent extremism", 1),
        ("Purpose of Report", 2),
    ]


def test_lettered_and_roman_sub_items_belong_to_their_paragraph():
    doc = read(
        """
        10. The committee is asked to note the following

        (a) the revised budget for the coming year;

        (b) the savings proposed by officers; and

        (iii) the risks set out in the appendix.

        11. The committee is asked to agree the plan.
        """,
        "report",
    )
    items = [b for b in doc.blocks if b.kind == "list_item"]
    assert [b.marker for b in items] == ["(a)", "(b)", "(iii)"]
    assert items[0].text == "the revised budget for the coming year;"
    assert {doc.paragraph_number(b.id) for b in items} == {"10"}
    assert [b.number for b in doc.blocks if b.number] == ["10", "11"]
