from tests.pack.helpers import read, texts


def test_paragraph_cut_by_page_foot_block_is_one_block():
    doc = read(
        """
        # Title

        We therefore propose to use existing

        ---

        <sup>2</sup> HC Deb 9 November 2010, cc12-13WS.

        <sup>3</sup> HC Deb 21 December 2010, c1317W.

        legislation, as well as tackling such groups.<sup>4</sup>

        ---

        <sup>4</sup> HC Deb 26 January 2011, c306-8.
        """,
        "markdown",
    )
    paras = [b for b in doc.blocks if b.kind == "paragraph"]
    assert [p.text for p in paras] == [
        "We therefore propose to use existing legislation, as well as tackling such groups."
    ]
    assert paras[0].note_refs == ("4",)
    assert not any("HC Deb" in t for t in texts(doc))


def test_foot_block_cut_inside_an_italic_quote_still_joins():
    doc = read(
        """
        *“Our own experience is that the attention to the*

        ---

        <sup>9</sup> A source

        *Prevent agenda has distracted energy.”*
        """,
        "markdown",
    )
    assert texts(doc) == [
        "“Our own experience is that the attention to the Prevent agenda has distracted energy.”"
    ]
    assert doc.blocks[0].kind == "quote"


def test_both_definition_styles_link():
    doc = read(
        """
        One.<sup>1</sup> Two.<sup>2</sup>

        ---

        **1** First source

        <sup>2</sup> Second source
        """,
        "markdown",
    )
    assert [(n.key, n.status, n.text) for n in doc.notes] == [
        ("1", "defined", "First source"),
        ("2", "defined", "Second source"),
    ]


def test_missing_duplicate_and_ibid():
    doc = read(
        """
        A.<sup>1</sup> B.<sup>2</sup> C.<sup>3</sup>

        ---

        <sup>1</sup> CONTEST, March 2009

        <sup>3</sup> *ibid*

        Later text repeats a number.<sup>3</sup>

        ---

        <sup>3</sup> *ibid*
        """,
        "markdown",
    )
    notes = {n.key: n for n in doc.notes}
    assert notes["2"].status == "missing" and notes["2"].text is None
    # ibid repeats the note just before it, even one missing from this copy
    assert notes["3"].status == "defined" and notes["3"].ibid_of == "2"
    # an ibid of an ibid points through to the source both repeat
    assert notes["3~2"].status == "duplicate" and notes["3~2"].ibid_of == "2"
    assert [b.note_refs for b in doc.blocks] == [("1", "2", "3"), ("3~2",)]


def test_marker_links_to_nearest_following_definition_of_its_label():
    doc = read(
        """
        First.<sup>5</sup>

        ---

        <sup>5</sup> Early

        Second.<sup>5</sup>

        ---

        <sup>5</sup> Late
        """,
        "markdown",
    )
    notes = {n.key: n.text for n in doc.notes}
    assert [b.note_refs for b in doc.blocks] == [("5",), ("5~2",)]
    assert notes == {"5": "Early", "5~2": "Late"}


def test_rule_without_definitions_is_not_a_foot_block():
    doc = read(
        """
        Standard Note: SN05993

        ---

        This note gives information.
        """,
        "markdown",
    )
    assert texts(doc) == ["Standard Note: SN05993", "This note gives information."]


def test_list_item_split_by_a_stray_blank_line_is_one_item():
    doc = read(
        """
        - is more closely integrated with wider approaches to building

        community cohesion;
        - targets all ideologies;
        """,
        "markdown",
    )
    assert texts(doc, "list_item") == [
        "is more closely integrated with wider approaches to building community cohesion;",
        "targets all ideologies;",
    ]


def test_new_sentence_after_blank_line_is_a_new_paragraph():
    doc = read(
        """
        For the Labour Party, Yvette Cooper responded,

        Today we expected the Home Secretary to act.
        """,
        "markdown",
    )
    assert len(texts(doc)) == 2


def test_numbered_chapters_share_one_level():
    doc = read(
        """
        # 1 *Introduction*

        Text.

        ## CONTEST

        ## 2 *Prevent and cohesion*

        ### 3 *Mainstreaming Prevent*
        """,
        "markdown",
    )
    assert [(b.text, b.level) for b in doc.headings] == [
        ("1 Introduction", 1),
        ("CONTEST", 2),
        ("2 Prevent and cohesion", 1),
        ("3 Mainstreaming Prevent", 1),
    ]


def test_quote_and_its_attribution_heading():
    doc = read(
        """
        *‘Too often in the past, Whitehall has tried to provide all the solutions.’*

        ### **Local Authority Chief Executive**

        Body text.
        """,
        "markdown",
    )
    assert [(b.kind, b.role) for b in doc.blocks] == [
        ("quote", None),
        ("quote", "attribution"),
        ("paragraph", None),
    ]
    assert not doc.headings


def test_contents_table_gives_section_pages():
    doc = read(
        """
        ## Contents

        | <b>1</b> | <b>Labour strategy</b> | <b>2</b> |
        |---|---|---|
        | 2.2 | Outcome | 6 |

        ## 1 Labour strategy

        First paragraph.

        Second paragraph.

        ## **2.2 Outcome**

        Outcome text.
        """,
        "markdown",
    )
    pages = {b.text: b.page for b in doc.blocks if b.kind != "table"}
    assert pages["1 Labour strategy"] == 2
    assert pages["First paragraph."] == 2
    assert pages["Second paragraph."] is None  # between pages 2 and 6 with no evidence of where
    assert pages["2.2 Outcome"] == 6
    table = next(b for b in doc.blocks if b.kind == "table")
    assert table.rows == (("1", "Labour strategy", "2"), ("2.2", "Outcome", "6"))


def test_foot_blocks_count_pages_when_they_account_for_the_gap():
    doc = read(
        """
        ## Contents

        | 1 | One | 2 |
        | 2 | Two | 3 |

        ## 1 One

        Page two text.<sup>1</sup>

        ---

        <sup>1</sup> Note.

        Page three text.

        ## 2 Two

        More.
        """,
        "markdown",
    )
    pages = {b.text: b.page for b in doc.blocks if b.kind != "table"}
    assert pages["Page two text."] == 2
    assert pages["Page three text."] == 3
    assert pages["2 Two"] == 3


def test_numbered_paragraph_quoted_from_a_command_paper():
    doc = read(
        """
        7.2 Within this overall framework the new strategy will have three objectives.
        """,
        "markdown",
    )
    assert [(b.number, b.text[:6]) for b in doc.blocks] == [("7.2", "Within")]


def test_broken_ordinal_from_a_converted_table():
    doc = read(
        """
        - 1.** Awareness of the issues.
        - 2.** Basic understanding.
        """,
        "markdown",
    )
    assert [(b.marker, b.text) for b in doc.blocks] == [
        ("1.", "Awareness of the issues."),
        ("2.", "Basic understanding."),
    ]


def test_numbered_sections_take_their_level_from_the_number():
    doc = read(
        """
        ## 2 The review

        ### 2.1 Background

        ## **2.2 Outcome**

        ### 2.3 Integration
        """,
        "markdown",
    )
    assert [(b.text, b.level) for b in doc.headings] == [
        ("2 The review", 2),
        ("2.1 Background", 3),
        ("2.2 Outcome", 3),
        ("2.3 Integration", 3),
    ]


def test_symbol_and_roman_markers_are_linked_or_flagged():
    doc = read(
        """
        # Paper

        The total was £2m<sup>†</sup> and the rate rose<sup>ii</sup> while costs fell*.

        ---

        † Unaudited figure.

        <sup>ii</sup> Council tax base, 2024.
        """,
        "markdown",
    )
    para = doc.blocks[1]
    assert para.text == "The total was £2m and the rate rose while costs fell."
    assert para.note_refs == ("†", "ii", "*")
    assert [(n.label, n.status, n.text) for n in doc.notes] == [
        ("†", "defined", "Unaudited figure."),
        ("ii", "defined", "Council tax base, 2024."),
        ("*", "missing", None),
    ]


def test_running_headers_and_page_numbers_left_by_a_conversion_are_removed():
    doc = read(
        """
        # Youth services

        Councils have cut their youth services in every region, and the cuts have fallen hardest on

        Youth Services Network | 7

        the areas with the most young people.

        8

        Youth Services Network | 8

        ## Findings

        The network found that most councils now commission services from charities.
        """,
        "markdown",
    )
    assert texts(doc) == [
        "Youth services",
        "Councils have cut their youth services in every region, and the cuts have fallen hardest on the "
        "areas with the most young people.",
        "Findings",
        "The network found that most councils now commission services from charities.",
    ]


def test_line_end_hyphens_in_markdown_paragraphs():
    doc = read(
        """
        # Paper

        The commu-
        nity groups met the ex-
        servicemen's association, and the community voted.
        """,
        "markdown",
    )
    assert (
        doc.blocks[1].text
        == "The community groups met the ex-servicemen's association, and the community voted."
    )
