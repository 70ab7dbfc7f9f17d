import pytest

from briefing_app.pack.citations import describe, pack_sources, parse_citations, tidy
from briefing_app.pack.crossrefs import MentionFinder


def one(text):
    (c,) = parse_citations(text)
    return c


@pytest.mark.parametrize(
    "text, house, date, first, last, section",
    [
        ("HC Deb 9 November 2010, cc12-13WS.", "commons", "2010-11-09", 12, 13, "written statement"),
        ("HC Deb 21 December 2010, c1317W.", "commons", "2010-12-21", 1317, 1317, "written answer"),
        ("HC Deb 26 January 2011, c306-8.", "commons", "2011-01-26", 306, 308, "debate"),
        ("HL Deb 30 November 2011, c304", "lords", "2011-11-30", 304, 304, "debate"),
        ("HL Deb 5 May 2010, cc12-14WA", "lords", "2010-05-05", 12, 14, "written answer"),
        ("HC Deb 3 March 2009, col 45WH", "commons", "2009-03-03", 45, 45, "Westminster Hall"),
        ("HC Deb 3 March 2009, cols 1098-102", "commons", "2009-03-03", 1098, 1102, "debate"),
    ],
)
def test_hansard(text, house, date, first, last, section):
    c = one(text)
    assert c.type == "hansard" and c.confidence == 1.0
    assert (c.fields["house"], c.fields["date"], c.fields["first_column"], c.fields["last_column"]) == (
        house,
        date,
        first,
        last,
    )
    assert c.fields["section"] == section


@pytest.mark.parametrize(
    "day, valid",
    [
        ("29 February 2012", True),
        ("29 February 2000", True),
        ("29 February 2011", False),
        ("29 February 1900", False),
        ("31 April 2010", False),
        ("30 April 2010", True),
        ("0 May 2010", False),
    ],
)
def test_hansard_date_that_the_month_does_not_have_is_not_a_date(day, valid):
    c = one(f"HC Deb {day}, c12")
    assert (c.fields["date"] is not None) is valid
    assert (c.confidence == 1.0) is valid


def test_hansard_in_words_and_tidy():
    c = one("HC Deb 9 November 2010, cc12-13WS.")
    assert describe(c) == "House of Commons, written statement, 9 November 2010, cols 12-13"
    assert tidy(c) == "HC Deb 9 November 2010, cc12–13WS"
    assert tidy(one("HC Deb 21 December 2010, c1317W.")) == "HC Deb 21 December 2010, c1317W"


def test_hansard_without_columns_is_kept_with_lower_confidence():
    c = one("HC Deb 9 November 2010")
    assert c.type == "hansard" and c.confidence < 1 and "first_column" not in c.fields


@pytest.mark.parametrize(
    "text, series, number, pages",
    [
        ("Cm 8092, pp39-40.", "Cm", 8092, [39, 40]),
        ("Cmnd. 6404", "Cmnd", 6404, None),
        ("Cd. 1234, p 5", "Cd", 1234, [5, 5]),
        ("CP 12", "CP", 12, None),
    ],
)
def test_command_papers(text, series, number, pages):
    c = one(text)
    assert c.type == "command_paper" and c.fields == {"series": series, "number": number, "pages": pages}


def test_house_papers_and_library_notes():
    cs = parse_citations(
        "Original report was Preventing Violent Extremism, 6th report 2009-10, HC 65. "
        "Government response was published as 4th Special Report 2010-12, HC 1951."
    )
    assert [(c.type, c.fields["number"], c.fields["session"]) for c in cs] == [
        ("house_paper", 65, "2009-10"),
        ("house_paper", 1951, "2010-12"),
    ]
    (c,) = parse_citations("Preventing Violent Extremism, HC 65 2009-10")
    assert c.fields == {"house": "commons", "number": 65, "session": "2009-10"}
    assert [c.fields["id"] for c in parse_citations("See SN/HA/5852 and SN05993")] == [
        "SN/HA/5852",
        "SN05993",
    ]


def test_urls_ibid_and_other():
    assert one("<http://example.org/a>.").fields["url"] == "http://example.org/a"
    ibid = one("ibid, c457W")
    assert ibid.type == "ibid" and ibid.fields == {
        "first_column": 457,
        "last_column": 457,
        "section": "written answer",
    }
    repeated = one("HC Deb 1 May 2012, c400W")
    assert tidy(ibid, repeated) == "HC Deb 1 May 2012, c457W"
    assert one("*ibid*").type == "ibid"
    other = one("Margaret Eaton, LGA PVE Conference November 2008")
    assert other.type == "other" and other.raw == "Margaret Eaton, LGA PVE Conference November 2008"
    assert parse_citations(None) == []


def test_sn05993_notes(bundled_pack):
    doc = bundled_pack.document("sn05993")
    parsed = {n.key: parse_citations(n.text) for n in doc.notes}
    assert len(parsed) == 26 and all(parsed.values())
    hansard = [c for cs in parsed.values() for c in cs if c.type == "hansard"]
    assert len(hansard) == 21 and all(c.confidence == 1.0 for c in hansard)
    assert parsed["2"][0].fields == {
        "house": "commons",
        "date": "2010-11-09",
        "first_column": 12,
        "last_column": 13,
        "section": "written statement",
    }
    assert (
        parsed["3"][0].fields["section"] == "written answer" and parsed["3"][0].fields["first_column"] == 1317
    )
    assert parsed["9"][0].fields == {"series": "Cm", "number": 8092, "pages": [39, 40]}
    assert [(c.fields["number"], c.fields["session"]) for c in parsed["24"]] == [
        (65, "2009-10"),
        (1951, "2010-12"),
    ]
    assert parsed["1"][0].type == "library_note" and parsed["1"][0].fields["id"] == "SN/HA/5852"


def test_sources_group_who_cites_what(bundled_pack):
    sources = {s.title: s for s in pack_sources(bundled_pack)}
    lords = sources["HL Deb 30 November 2011"]
    assert sorted(int(c.note) for c in lords.cited_by) == [11, 12, 13, 14, 15, 16, 17, 18, 19, 20]
    assert {c.doc for c in lords.cited_by} == {"sn05993"}
    (contest,) = [s for s in sources.values() if s.title.startswith("CONTEST") and s.type == "other"]
    # one work despite curly and straight apostrophes; ibid 23~2 counts as citing note 23's source
    assert sorted(c.note for c in contest.cited_by) == ["1", "10", "23", "23~2"]
    kinds = [s.type for s in pack_sources(bundled_pack)]
    assert kinds == sorted(
        kinds, key=("hansard", "command_paper", "house_paper", "library_note", "url", "other").index
    )


def test_document_names_link_to_the_document(bundled_pack):
    finder = MentionFinder(bundled_pack)
    text = 'I am today publishing "Creating the Conditions for Integration", the approach.'
    (m,) = finder.find(text, "sn05993")
    assert (text[m.start : m.end], m.doc) == (
        "Creating the Conditions for Integration",
        "creating-the-conditions",
    )
    (m,) = finder.find("Creating the Conditions recognises that integration", "lga-item-3")
    assert m.doc == "creating-the-conditions"
    assert finder.find("Creating the conditions for integration", "creating-the-conditions") == []


def test_ordinary_phrases_that_happen_to_be_titles_do_not_link(bundled_pack):
    finder = MentionFinder(bundled_pack)
    for text in (
        "Integration, community cohesion and preventing violent extremism",
        "Preventing Violent Extremism Pathfinder Fund, 2007/8",
        "Integration is defined as creating the conditions for everyone to play a full part",
    ):
        assert finder.find(text, "stronger-together") == [], text


def test_real_titles_in_the_pack_link(bundled_pack):
    finder = MentionFinder(bundled_pack)
    linked = {
        (doc.id, m.doc)
        for doc in bundled_pack.documents
        for b in doc.blocks
        for m in finder.find(b.text, doc.id, b.spans)
    }
    assert linked == {
        ("sn05993", "creating-the-conditions"),
        ("lga-item-3", "creating-the-conditions"),
        ("north-yorkshire-item-9", "creating-the-conditions"),
    }


def test_hansard_column_without_a_comma_before_it():
    (c,) = parse_citations("HC Deb 12 May 2011 c123W")
    assert c.type == "hansard"
    assert (c.fields["first_column"], c.fields["section"]) == (123, "written answer")


@pytest.mark.parametrize(
    "text, kind, paragraphs, words",
    [
        ("Cm 8092, para 7.2", "command_paper", "7.2", "Command paper Cm 8092, paragraph 7.2"),
        (
            "Prevent, Cm 8092, June 2011, para 5.3",
            "command_paper",
            "5.3",
            "Command paper Cm 8092, paragraph 5.3",
        ),
        (
            "HC 65 2009-10, paras 12-14",
            "house_paper",
            "12-14",
            "House of Commons paper 65, session 2009-10, paragraphs 12-14",
        ),
    ],
)
def test_para_pin_cites_after_papers_are_kept(text, kind, paragraphs, words):
    (c,) = parse_citations(text)
    assert c.type == kind and c.fields["paragraphs"] == paragraphs
    assert describe(c) == words
