# ruff: noqa: W291
"""End-note sections in every reader: linked to their markers, never shown as body text."""

from __future__ import annotations

from tests.pack.helpers import read, texts


def test_pdf_text_end_notes_run_together_are_split_and_linked():
    doc = read(
        """
        The council adopted its strategy in 2011.1 It was reviewed by the scrutiny committee in the 
        following year2 and again after the election of 2014.3 

        End notes 

        1 Cabinet report, March 2011 2 Scrutiny committee minutes, 12 June 2012 3 Council 
        minutes, 2014 
        """,
        "pdf-text",
    )
    assert [n.text for n in doc.notes] == [
        "Cabinet report, March 2011",
        "Scrutiny committee minutes, 12 June 2012",
        "Council minutes, 2014",
    ]
    assert {(n.status, n.kind) for n in doc.notes} == {("defined", "endnote")}
    assert doc.blocks[0].note_refs == ("1", "2", "3")
    assert not doc.remarks
    assert all("Cabinet report" not in t for t in texts(doc))


def test_markdown_notes_section_as_a_numbered_list():
    doc = read(
        """
        # Report

        The board agreed the plan<sup>1</sup> and asked for a review<sup>2</sup>.

        ## Notes

        1. Board minutes, 4 May 2020.
        2. Review terms of reference, June 2020.
        """,
        "markdown",
    )
    assert [(n.label, n.status, n.text) for n in doc.notes] == [
        ("1", "defined", "Board minutes, 4 May 2020."),
        ("2", "defined", "Review terms of reference, June 2020."),
    ]
    assert texts(doc) == ["Report", "The board agreed the plan and asked for a review."]


def test_report_endnotes_with_glued_markers():
    doc = read(
        """
        Housing Committee

        1. The waiting list grew by a tenth last year.1 Most applicants were families.2

        2. The council will build more homes.3

        References

        1 Housing register return, 2024
        2 Ibid.
        3 Local plan, 2023
        """,
        "report",
    )
    assert [n.text for n in doc.notes] == ["Housing register return, 2024", "Ibid.", "Local plan, 2023"]
    assert doc.notes[1].ibid_of == "1"
    assert [b.note_refs for b in doc.blocks if b.number] == [("1", "2"), ("3",)]


def test_a_references_list_without_numbers_stays_text():
    doc = read(
        """
        # Paper

        Some text.

        ## References

        Smith, J. (2010) Cohesion in practice. London: Policy Press.
        """,
        "markdown",
    )
    assert not doc.notes
    assert "Smith, J. (2010) Cohesion in practice. London: Policy Press." in texts(doc)
