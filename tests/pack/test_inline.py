from briefing_app.pack.readers.inline import parse_inline


def test_note_marker_is_removed_and_recorded_at_its_position():
    inl = parse_inline("the review.<sup>1</sup> It began")
    assert inl.text == "the review. It began"
    assert [(m.label, m.offset) for m in inl.markers] == [("1", len("the review."))]


def test_ordinal_superscript_stays_in_the_text():
    inl = parse_inline("6<sup>th</sup> report 2009-10")
    assert inl.text == "6th report 2009-10"
    assert not inl.markers
    assert [(s.kind, inl.text[s.start : s.end]) for s in inl.spans] == [("superscript", "th")]


def test_emphasis_strong_and_html_bold():
    inl = parse_inline("a *Prevent* and **bold** and <b>2.2</b>")
    assert inl.text == "a Prevent and bold and 2.2"
    got = {(s.kind, inl.text[s.start : s.end]) for s in inl.spans}
    assert got == {("emphasis", "Prevent"), ("strong", "bold"), ("strong", "2.2")}


def test_unbalanced_delimiter_is_dropped_not_shown():
    assert parse_inline("1.** Awareness of the issues").text == "1. Awareness of the issues"


def test_links_keep_their_text_and_dead_links_have_no_target():
    inl = parse_inline("see [Cm 8092](#) and <http://example.org/a>")
    assert inl.text == "see Cm 8092 and http://example.org/a"
    links = [(inl.text[s.start : s.end], s.target) for s in inl.spans if s.kind == "link"]
    assert links == [("Cm 8092", None), ("http://example.org/a", "http://example.org/a")]


def test_whitespace_is_collapsed_and_offsets_follow():
    inl = parse_inline("two  spaces\u00a0here <sup>3</sup>")
    assert inl.text == "two spaces here"
    assert inl.markers[0].offset == len("two spaces here")


def test_plain_mode_leaves_asterisks_alone():
    assert parse_inline("a * b **c**", markup=False).text == "a * b **c**"
