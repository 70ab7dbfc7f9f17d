"""The quicker ways of matching and scoring give the answers Whoosh's own ways give."""

from __future__ import annotations

import pytest
from whoosh import query, scoring

from briefing_app.search import wordset
from briefing_app.search.wordset import WordSet


def _matches(engine, q) -> set[int]:
    return set(engine.searcher.docs_for_query(q))


def test_lexicon_lists_words_by_prefix(engine):
    words = engine.lexicon.starting("integrat")
    assert "integration" in words and "integrated" in words
    assert all(w.startswith("integrat") for w in words)
    assert engine.lexicon.starting("zzzz") == []


@pytest.mark.parametrize("limit", [0, 10**9])  # the unscored list, and Whoosh's scored OR
def test_word_set_matches_what_an_or_of_its_words_matches(engine, monkeypatch, limit):
    monkeypatch.setattr(wordset, "SCORED_LIMIT", limit)
    words = engine.lexicon.starting("commun")
    assert len(words) > 3
    expected = _matches(engine, query.Or([query.Term("exact", w) for w in words]))
    assert _matches(engine, WordSet("exact", words)) == expected
    hits = engine.searcher.search(WordSet("exact", words), limit=None)
    assert {h.docnum for h in hits} == expected
    if limit:  # scored: as Whoosh scores the OR of the words
        theirs = {
            h.docnum: h.score
            for h in engine.searcher.search(query.Or([query.Term("exact", w) for w in words]), limit=None)
        }
        assert all(h.score == pytest.approx(theirs[h.docnum], abs=1e-9) for h in hits)


def test_prefix_search_counts_every_entry_with_such_a_word(engine, bundled_pack):
    result = engine.search("segregat*", limit=None)
    by_doc: dict[str, int] = {}
    for doc in bundled_pack.documents:
        for block in doc.blocks:
            if block.role != "contents" and "segregat" in block.text.lower():
                by_doc[doc.id] = by_doc.get(doc.id, 0) + 1
        for note in doc.notes:
            if note.text and "segregat" in note.text.lower():
                by_doc[doc.id] = by_doc.get(doc.id, 0) + 1
    assert result.counts == by_doc
    assert result.total == len(result.hits) == sum(by_doc.values())


def test_lengths_from_memory_score_exactly_as_whoosh_does(engine):
    q = engine.parser.parse("integration community")
    ours = engine.searcher.search(q, limit=30)
    with engine.ix.searcher(weighting=scoring.BM25F()) as plain:
        theirs = plain.search(q, limit=30)
        assert [(h.docnum, round(h.score, 9)) for h in ours] == [
            (h.docnum, round(h.score, 9)) for h in theirs
        ]


@pytest.mark.parametrize("text", ['"Big Lunch"', "vulnerable -Channel", "integration", "communit* cohesion"])
def test_counts_agree_with_the_hits_whichever_way_they_are_found(engine, text):
    result = engine.search(text, limit=None)
    assert result.total == len(result.hits) == sum(result.counts.values()) > 0
    for doc, n in result.counts.items():
        assert n == sum(1 for h in result.hits if h.doc == doc)


def test_words_under_not_are_never_highlighted(engine):
    result = engine.search("vulnerable -Channel", limit=None)
    for hit in result.hits:
        assert all(hit.text[s:e].lower() != "channel" for s, e in hit.ranges)


def test_warming_reads_ahead_and_changes_no_answer(bundled_pack, built_index):
    from whoosh import index as windex

    from briefing_app.search.engine import SearchEngine

    cold = SearchEngine(bundled_pack, windex.open_dir(str(built_index), readonly=True))
    warm = SearchEngine(bundled_pack, windex.open_dir(str(built_index), readonly=True))
    try:
        warm.warm()
        assert warm._lexicon is not None and warm._doc_of is not None
        for q in ("integrat*", "Channel", "integraton~", '"big lunch"'):
            assert warm.search(q, limit=None) == cold.search(q, limit=None), q
    finally:
        cold.close()
        warm.close()
