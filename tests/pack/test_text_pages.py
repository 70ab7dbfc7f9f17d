# ruff: noqa: W291
"""Page furniture in plain text: found by what repeats or cuts a sentence, in any wording."""

from __future__ import annotations

from tests.pack.helpers import read, texts


def test_pdf_text_headers_in_new_wording_and_dash_page_numbers_are_removed():
    doc = read(
        """
        Wessex Fire Authority: budget report 

        The authority set its budget for the year after a long consultation with the public and 
        with partners, which closed in January. 

        - 5 - 

        Wessex Fire Authority: budget report 

        The second page opens with a new paragraph about the reserves held by the authority for 
        the coming years, which the treasurer 

        - 6 - 

        Wessex Fire Authority: budget report 

        reviews each quarter against the policy agreed by members. 
        """,
        "pdf-text",
    )
    assert texts(doc) == [
        "The authority set its budget for the year after a long consultation with the public and with "
        "partners, which closed in January.",
        "The second page opens with a new paragraph about the reserves held by the authority for the "
        "coming years, which the treasurer reviews each quarter against the policy agreed by members.",
    ]
    assert [b.page for b in doc.blocks] == [5, 6]


def test_page_n_of_m_lines_are_page_numbers():
    doc = read(
        """
        First page text that runs on at some length so that it looks like a wrapped line of 

        Page 1 of 3

        prose, and ends on the second page. 

        Page 2 of 3

        A paragraph on the third page. 

        Page 3 of 3
        """,
        "pdf-text",
    )
    assert texts(doc) == [
        "First page text that runs on at some length so that it looks like a wrapped line of prose, and "
        "ends on the second page.",
        "A paragraph on the third page.",
    ]
    assert [b.page for b in doc.blocks] == [1, 3]


def test_report_running_header_in_any_wording_cuts_a_paragraph_and_is_removed():
    doc = read(
        """
        Police and Crime Panel

        1. The panel met in public to consider the commissioner's proposed precept for the year and
        heard from the chief constable about the pressures on

        Police and Crime Panel

        neighbourhood policing in rural areas.

        2. The panel agreed to write to the commissioner.
        """,
        "report",
    )
    assert [b.text for b in doc.blocks if b.number == "1"] == [
        "The panel met in public to consider the commissioner's proposed precept for the year and heard "
        "from the chief constable about the pressures on neighbourhood policing in rural areas."
    ]
    assert "Police and Crime Panel" not in texts(doc)


def test_a_repeated_meeting_date_in_the_body_is_kept():
    doc = read(
        """
        Scrutiny Committee

        Meeting date

        14 October 2025

        1. The committee last considered this matter at its meeting on the date below.

        14 October 2025

        2. The next report will come to the committee after the budget is set.
        """,
        "report",
    )
    assert texts(doc).count("14 October 2025") == 2
