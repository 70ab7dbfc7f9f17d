from tests.pack.helpers import read, texts


def test_page_number_lines_are_removed_and_paragraph_continues():
    doc = read(
        """
        The Equality Act 2010 requires public bodies and others carrying out public 

         6

        functions to consider the need to eliminate unlawful discrimination. 
        """,
        "pdf-text",
    )
    assert texts(doc) == [
        "The Equality Act 2010 requires public bodies and others carrying out public functions to "
        "consider the need to eliminate unlawful discrimination."
    ]


def test_glued_endnote_markers_found_by_sequence():
    doc = read(
        """
        They believe in treating people fairly, no matter what their background.1 It is one of 
        our values, set out in the Equality Strategy.2 A Year Of Service3 exemplifies service. 
        The Localism Act 
        20114 gives people the right to challenge. The police recorded 488 crimes in 2010.5 In 
        2009, the CST recorded 929 incidents (2.4 per cent) in 1984.6 
        """,
        "pdf-text",
    )
    (block,) = doc.blocks
    assert "background. It is one" in block.text
    assert "A Year Of Service exemplifies" in block.text
    assert "The Localism Act 2011 gives" in block.text
    assert "in 2010. In 2009, the CST recorded 929 incidents (2.4 per cent) in 1984." in block.text
    assert block.note_refs == ("1", "2", "3", "4", "5", "6")
    assert all(n.status == "missing" and n.kind == "endnote" for n in doc.notes)


def test_years_postcodes_and_figures_stay_intact():
    doc = read(
        """
        Write to Kew, London TW9 4DU or SW1E 5DU. In 2011-12 over 8,000 people, £1.5m and 2.4m 
        more.1 Then note two follows.2 And three.3 
        """,
        "pdf-text",
    )
    text = doc.blocks[0].text
    for kept in ("TW9 4DU", "SW1E 5DU", "2011-12", "8,000", "£1.5m", "2.4m"):
        assert kept in text
    assert doc.blocks[0].note_refs == ("1", "2", "3")


def test_too_few_glued_numbers_are_not_a_notes_apparatus():
    doc = read(
        """
        The Equality Act 2010 and the list of 2 items.1 Nothing else here looks like a note. 
        """,
        "pdf-text",
    )
    assert not doc.notes
    assert "items.1 Nothing" in doc.blocks[0].text


def test_bullet_first_line_split_by_blank_line():
    doc = read(
        """
        We will: 

        • Speak honestly about the issues facing us and create the space 

        for response.  

        • A programme of work led by Baroness Newlove to help deliver Our 

        Vision for Safe and Active Communities. 
        """,
        "pdf-text",
    )
    assert texts(doc, "list_item") == [
        "Speak honestly about the issues facing us and create the space for response.",
        "A programme of work led by Baroness Newlove to help deliver "
        "Our Vision for Safe and Active Communities.",
    ]


def test_numbered_paragraph_first_line_split_by_blank_line():
    doc = read(
        """
        2.1 CLG recently published a strategy which "sets out the 

        Government's approach to integration". 

        2.2 The document can be downloaded. 
        """,
        "pdf-text",
    )
    assert [(b.number, b.text) for b in doc.blocks] == [
        (
            "2.1",
            'CLG recently published a strategy which "sets out the Government\'s approach to integration".',
        ),
        ("2.2", "The document can be downloaded."),
    ]


def test_running_footer_inside_a_paragraph_is_dropped():
    doc = read(
        """
        2.6 People come together through activities, not 'integration projects' which 
         Agenda item 9 
        too often feel irrelevant. 
        """,
        "pdf-text",
    )
    assert (
        doc.blocks[0].text == "People come together through activities, not 'integration projects' which "
        "too often feel irrelevant."
    )


def test_bullets_lost_to_a_leading_space():
    doc = read(
        """
        2.5 The document identifies five factors: 

         Common ground (shared aspirations, which 
        focuses on what we have in common) 

         Social mobility (people able to get on) 
         Participation and empowerment (people of all backgrounds have 

        opportunities to take part) 
        """,
        "pdf-text",
    )
    assert texts(doc, "list_item") == [
        "Common ground (shared aspirations, which focuses on what we have in common)",
        "Social mobility (people able to get on)",
        "Participation and empowerment (people of all backgrounds have opportunities to take part)",
    ]


def test_numbered_and_short_headings():
    doc = read(
        """
        2  Background  
         
        2.1 Some text here. 

          Common ground 
        A clear sense of shared aspirations and values. 
        """,
        "pdf-text",
    )
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "2 Background"),
        ("paragraph", "Some text here."),
        ("heading", "Common ground"),
        ("paragraph", "A clear sense of shared aspirations and values."),
    ]
    assert doc.blocks[1].number == "2.1"


def test_flattened_diagram_becomes_one_labelled_block():
    doc = read(
        """
        five key factors which we believe contribute to integration:  
         
        INTEGRATIONSocial\u00a0Mobility

        Tackling\u00a0Extremism\u00a0
        and\u00a0Intolerance

        Participation Responsibility  
           Common ground 
        A clear sense of shared aspirations. 
        """,
        "pdf-text",
    )
    figure = [b for b in doc.blocks if b.role == "figure"]
    assert [f.text for f in figure] == [
        "INTEGRATION Social Mobility\nTackling Extremism\nand Intolerance\nParticipation Responsibility"
    ]
    assert "Common ground" in [b.text for b in doc.headings]


def test_hyphenated_compound_split_at_line_end_keeps_its_hyphen():
    doc = read(
        """
        a relatively large number of Gurkha ex-
        servicemen settling there over time. 
        """,
        "pdf-text",
    )
    assert doc.blocks[0].text == "a relatively large number of Gurkha ex-servicemen settling there over time."


def test_new_page_inside_a_paragraph_versus_a_new_paragraph():
    # A document with real bullet glyphs: a leading space marks a page start, not a lost bullet.
    doc = read(
        """
        • A bullet. 

        it is important not to 
         oversimplify these serious events. 
        with quick-fix solutions.  
         Central to this will be ensuring benefits. 
        """,
        "pdf-text",
    )
    assert texts(doc)[1:] == [
        "it is important not to oversimplify these serious events. with quick-fix solutions.",
        "Central to this will be ensuring benefits.",
    ]


def test_page_start_space_is_not_a_lost_bullet_mid_sentence():
    doc = read(
        """
        it is important not to 
         oversimplify these serious events. 
        """,
        "pdf-text",
    )
    assert texts(doc) == ["it is important not to oversimplify these serious events."]


def test_contents_page_gives_pages_and_footers_confirm_them():
    doc = read(
        """
        A Title For 
        the Report 

        Contents 

        Introduction 2 

        1. First section 3 

        End notes 9 

         1 

        Introduction 

        Intro text. 

        1. First section 

        First text.1 Second.2 

        More text.3 

         3 

        Page four text. 
        """,
        "pdf-text",
    )
    pages = {b.text: b.page for b in doc.blocks if b.kind != "table"}
    assert pages["A Title For the Report"] is None
    assert pages["Introduction"] == 2 and pages["Intro text."] == 2
    assert pages["1. First section"] == 3
    assert pages["First text. Second."] == 3 and pages["More text."] == 3
    assert pages["Page four text."] == 4
    assert doc.remarks and "not included in this copy" in doc.remarks[0]


def test_line_end_hyphens_join_broken_words_and_keep_compounds():
    doc = read(
        """
        The strategy asks each commu-
        nity to take part, and the council will work with Gurkha ex-
        servicemen, with self-
        help groups and with non-
        Muslim faith groups. The community groups welcomed it, and the inte-
        gration board met twice.
        """,
        "pdf-text",
    )
    (block,) = doc.blocks
    assert "each community to take part" in block.text
    assert "Gurkha ex-servicemen" in block.text
    assert "self-help" in block.text and "non-Muslim" in block.text
    assert "the integration board" in block.text


def test_numbered_paragraph_ending_in_a_hyphen_is_not_a_heading_and_sub_items_are_listed():
    doc = read(
        """
        10. The Council will work with the commu-

        nity and its partners to deliver the plan, by: 

        (a) agreeing a budget with partners; 
        (b) publishing the plan in the spring. 

        11. Members are asked to agree the plan. 
        """,
        "pdf-text",
    )
    assert not doc.headings
    ten = next(b for b in doc.blocks if b.number == "10")
    assert ten.text == "The Council will work with the community and its partners to deliver the plan, by:"
    items = [b for b in doc.blocks if b.kind == "list_item"]
    assert [(b.marker, b.text) for b in items] == [
        ("(a)", "agreeing a budget with partners;"),
        ("(b)", "publishing the plan in the spring."),
    ]
    assert {doc.paragraph_number(b.id) for b in items} == {"10"}


def test_roman_and_symbol_markers_are_cut_from_words_and_linked_or_flagged():
    doc = read(
        """
        The scheme began in 1998.i It was extended in 2004,ii and the total cost was £2m.* Most 
        councils joined.† 

        * Figures are provisional. 

        End notes 

        i Home Office circular 1998 
        ii Home Office circular 2004 
        """,
        "pdf-text",
    )
    (block,) = [b for b in doc.blocks]
    assert block.text == (
        "The scheme began in 1998. It was extended in 2004, and the total cost was £2m. Most councils joined."
    )
    assert block.note_refs == ("i", "ii", "*", "†")
    status = {n.label: (n.status, n.text) for n in doc.notes}
    assert status == {
        "i": ("defined", "Home Office circular 1998"),
        "ii": ("defined", "Home Office circular 2004"),
        "*": ("defined", "Figures are provisional."),
        "†": ("missing", None),
    }


def test_a_numbered_section_title_before_its_first_paragraph_is_a_heading():
    doc = read(
        """
        1. Introduction
        1.1 Transitions is the process of a minor or young person moving into legal adulthood, and 
        this report sets out how the council will manage it. 
        1.2 The service oversees transitions between the ages of 18 and 25. 
        """,
        "pdf-text",
    )
    assert [(b.kind, b.number, b.text[:20]) for b in doc.blocks] == [
        ("heading", None, "1. Introduction"),
        ("paragraph", "1.1", "Transitions is the p"),
        ("paragraph", "1.2", "The service oversees"),
    ]


def test_the_next_number_in_sequence_starts_a_paragraph_after_an_unfinished_line():
    doc = read(
        """
        MINUTES of a meeting of the Cabinet held in the Council Chamber on 9 January 2025. 
        77. Declarations of Interest (Item 2) 
        No declarations of interest were received 
        78. Minutes of the Meeting held on 28 November 2024 (Item 3) 
        RESOLVED that the minutes were a correct record. 
        """,
        "pdf-text",
    )
    assert [b.number for b in doc.blocks] == [None, "77", "78"]
    assert doc.blocks[1].text == "Declarations of Interest (Item 2) No declarations of interest were received"
