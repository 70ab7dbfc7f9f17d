"""Search on the bundled pack's real index."""

from __future__ import annotations

import re

import pytest

from briefing_app.search import QuerySyntaxError


def top(engine, query, n=3):
    return [(h.doc, h.text) for h in engine.search(query).ranked[:n]]


def assert_in_top(engine, query, doc, fragment, n=3):
    hits = top(engine, query, n)
    assert any(d == doc and fragment in t for d, t in hits), (query, [t[:60] for _, t in hits])


# A reader's questions and the passage each wants, in the top three.
RELEVANCE = [
    ("Channel", "stronger-together", "The Channel project"),
    ("Big Lunch", "creating-the-conditions", "The Big Lunch which encourages people"),
    ("spying", "sn05993", "Prevent is not a means for spying"),
    ('"extreme right wing"', "sn05993", "including the extreme right wing"),
    ("Lord Carlile", "sn05993", "Lord Carlile of Berriew QC"),
    ("National Citizen Service", "creating-the-conditions", "National Citizen Service (NCS) is a programme"),
    ("Troubled Families", "creating-the-conditions", "The Troubled Families team"),
    ("NI35", "stronger-together", "National Indicator 35 (NI35)"),
    ("right to challenge", "creating-the-conditions", "'right to challenge'"),
    ("segregated communities", "creating-the-conditions", "separation and segregation occurs"),  # word form
    ("radicalised young people", "sn05993", "stopping the radicalisation of young people"),  # word form
    ("Brokenshir~", "sn05993", "James Brokenshire"),  # typo, fuzzy
    ("Gurkha", "creating-the-conditions", "Gurkha ex-servicemen"),
    ("snooping", "lga-item-3", "victims of state 'snooping'"),
    ("blood money", "stronger-together", "‘blood money’"),
]


@pytest.mark.parametrize("query, doc, fragment", RELEVANCE)
def test_relevance(engine, query, doc, fragment):
    assert_in_top(engine, query, doc, fragment)


def test_stemming_finds_other_word_forms(engine):
    texts = [t for _, t in top(engine, "spy", 5)]
    assert any("spying" in t for t in texts)
    assert any("integrated" in h.text.lower() for h in engine.search("integration").hits)


def test_phrase_needs_the_words_together(engine):
    loose = engine.search("right wing extreme").total
    phrase = engine.search('"extreme right wing"').total
    assert phrase == 1 and loose > phrase


@pytest.mark.parametrize(
    "phrase", ['"local and"', '"of the"', '"the threat we face"', '"extreme right wing"', '"as well as"']
)
def test_a_phrase_read_only_where_its_pairs_stand_finds_what_whoosh_s_phrase_finds(engine, phrase):
    """The pairs field only narrows where positions are read: the same entries, with the same
    scores, as Whoosh's own phrase query reading them in every entry holding the words."""
    from whoosh import query as wquery

    from briefing_app.search.query import PairedPhrase, parse

    assert type(parse(engine.parser, phrase, engine.documents)) is PairedPhrase
    plain = engine.parser.parse(phrase)  # Whoosh's parser alone: its own Phrase
    assert type(plain) is wquery.Phrase
    keys = engine.searcher.reader().column_reader("key")
    theirs = {keys[n].decode(): round(s, 4) for n, s in engine.searcher.search(plain, limit=None).items()}
    ours = engine.search(phrase)
    assert {h.entry.key: h.score for h in ours.ranked} == theirs
    assert len(theirs) > 0


def test_all_words_must_match_or_either_with_or(engine):
    both = engine.search("Gurkha Rushmoor").total
    either = engine.search("Gurkha OR Channel").total
    assert both == 1 and either == 2


def test_not_and_minus_leave_out(engine):
    with_channel = engine.search("vulnerable").total
    without = engine.search("vulnerable -Channel").total
    assert without == engine.search("vulnerable NOT Channel").total
    assert without == with_channel - 1


def test_hyphenated_word_is_searched_as_written(engine):
    hits = engine.search("counter-terrorism").hits
    assert hits and all(
        "counter-terrorism" in h.text.lower() or "counter terrorism" in h.text.lower() for h in hits
    )


def test_doc_filter(engine):
    result = engine.search('doc:"LGA Item 3" integration')
    assert result.total > 0 and {h.doc for h in result.hits} == {"lga-item-3"}
    assert set(result.counts) == {"lga-item-3"}


def test_prefix_uses_unstemmed_words(engine):
    result = engine.search("unde*")
    assert result.total > 0
    for hit in result.hits:
        words = [hit.text[s:e].lower() for s, e in hit.ranges]
        assert words and all(w.startswith("unde") for w in words), words


def test_fuzzy_matches_near_spellings(engine):
    result = engine.search("integraton~")
    assert result.total > 50
    assert all("integrat" in h.text.lower() for h in result.hits)


def test_did_you_mean_word_by_word(engine):
    result = engine.search("big lnuch")
    assert result.total == 0 and result.suggestion == "big lunch"
    assert engine.search("intgration strategy").suggestion == "integration strategy"
    assert engine.search("integration").suggestion is None


def test_syntax_error_is_a_sentence(engine):
    with pytest.raises(QuerySyntaxError, match="closing quotation mark"):
        engine.search('"big lunch')


def test_hits_carry_location_and_highlights(engine):
    hit = engine.search("snooping").hits[0]
    assert (hit.doc, hit.kind, hit.number) == ("lga-item-3", "paragraph", "5.2")
    assert [hit.text[s:e] for s, e in hit.ranges] == ["snooping"]
    assert [hit.snippet[s:e] for s, e in hit.snippet_ranges] == ["snooping"]
    page = engine.search('"civic leadership on integration"').hits[0]
    assert page.page == 7 and page.section == "2. Approach to integration"


def test_notes_are_searchable_as_notes(engine):
    hits = engine.search('"HC Deb 9 November 2010"').hits
    assert [(h.doc, h.kind, h.block) for h in hits] == [("sn05993", "note", "2")]


def test_counts_per_document_cover_all_matches(engine):
    result = engine.search("Prevent")
    assert len(result.hits) == result.total
    assert sum(result.counts.values()) == result.total > 100
    assert set(result.counts) >= {"sn05993", "stronger-together", "lga-item-3"}


def test_prefix_search_finds_every_entry_with_such_a_word(engine, bundled_pack):
    result = engine.search("segregat*")
    by_doc: dict[str, int] = {}
    for doc in bundled_pack.documents:
        texts = [b.text for b in doc.blocks if b.role != "contents"] + [n.text for n in doc.notes if n.text]
        for text in texts:
            if "segregat" in text.lower():
                by_doc[doc.id] = by_doc.get(doc.id, 0) + 1
    assert result.counts == by_doc
    assert result.total == len(result.hits) == sum(by_doc.values())


def test_words_under_not_are_never_marked(engine):
    for hit in engine.search("vulnerable -Channel").hits:
        assert hit.ranges and all(hit.text[s:e].lower() != "channel" for s, e in hit.ranges)


@pytest.mark.parametrize("word", ["integral", "integrated", "communities", "prevent"])
def test_the_word_as_typed_ranks_above_its_other_forms(engine, word):
    ranked = engine.search(word).ranked
    exact = [bool(re.search(rf"(?i)(?<!\w){word}(?!\w)", h.text)) for h in ranked]
    assert 0 < sum(exact) < len(exact), "the word has other forms in the pack"
    assert exact == sorted(exact, reverse=True), [h.text[:50] for h in ranked[: exact.index(False) + 1]]


def test_a_phrase_is_marked_as_a_whole_and_its_words_elsewhere_are_not(engine):
    (hit,) = engine.search('"extreme right wing"').hits
    assert "only right and proper" in hit.text  # "right" again, outside the phrase
    assert [hit.text[s:e] for s, e in hit.ranges] == ["extreme right wing"]
    assert [hit.snippet[s:e] for s, e in hit.snippet_ranges] == ["extreme right wing"]
    (hit,) = engine.search('"only right" proper').hits
    assert [hit.text[s:e] for s, e in hit.ranges] == ["only right", "proper"]


def test_every_hit_is_listed_by_document_in_reading_order(engine):
    result = engine.search("Prevent")
    assert result.total == len(result.hits) == len(result.ranked) > 100
    assert {(h.doc, h.block) for h in result.hits} == {(h.doc, h.block) for h in result.ranked}
    best_first = [max(g.hits, key=lambda h: h.score).score for g in result.groups]
    assert best_first == sorted(best_first, reverse=True)  # documents in the order of their best hit
    for group in result.groups:
        assert [h.order for h in group.hits] == sorted(h.order for h in group.hits)
        assert group.best.score == max(h.score for h in group.hits)
        assert group.best is next(h for h in result.ranked if h.doc == group.doc)
