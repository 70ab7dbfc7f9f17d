"""BM25F as Whoosh computes it, with each entry's field length read from memory.

Scoring a common word touches every entry holding it; Whoosh reads each one's field length
through its column reader, which is most of the per-entry cost. Lengths never change for an open
index, so they are read once per segment and field into a list. `term_scores` scores all of a
word's entries at once from its posting blocks, for the top hits (topk.py) and for prefix and
fuzzy words (wordset.py).
"""

from __future__ import annotations

from typing import Any

from whoosh import scoring

from briefing_app.search.postings import term_weight_lists


class MemoryLengthBM25F(scoring.BM25F):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._lengths: dict[tuple[int, str], list[int]] = {}

    def lengths(self, reader: Any, fieldname: str) -> list[int]:
        key = (id(reader), fieldname)
        found = self._lengths.get(key)
        if found is None:
            found = self._lengths[key] = [
                reader.doc_field_length(n, fieldname, 1) for n in range(reader.doc_count_all())
            ]
        return found

    def scorer(self, searcher: Any, fieldname: str, text: str, qf: int = 1) -> scoring.BaseScorer:
        scorer = super().scorer(searcher, fieldname, text, qf)
        if isinstance(scorer, scoring.WeightLengthScorer) and hasattr(scorer, "dfl"):
            scorer.dfl = self.lengths(searcher.reader(), fieldname).__getitem__
        return scorer


def term_scores(searcher: Any, fieldname: str, text: str, term: bytes) -> dict[int, float] | None:
    """Each entry holding the term (numbers in the searcher's reader) with the score Whoosh's
    scorer for the word gives it there, or None for a kind of scorer not known here."""
    scorer = searcher.weighting.scorer(searcher, fieldname, text)
    entries, weights = term_weight_lists(searcher.reader(), fieldname, term)
    if type(scorer) is scoring.BM25FScorer:
        pairs = zip(weights, map(scorer.dfl, entries), strict=True)  # all in C, but for pairs not met before
        return dict(zip(entries, map(_Bm25(scorer).__getitem__, pairs), strict=True))
    if isinstance(scorer, scoring.WeightLengthScorer):
        return dict(zip(entries, map(scorer._score, weights, map(scorer.dfl, entries)), strict=True))
    if type(scorer) is scoring.WeightScorer:  # a field without lengths, such as doc
        return dict(zip(entries, weights, strict=True))
    return None


class _Bm25(dict):
    """BM25FScorer._score for each (frequency, length) met, worked out once: a common word's
    entries share a few hundred pairs. The same operations in the same order as whoosh's
    scoring.bm25, so the same floats."""

    def __init__(self, scorer: scoring.BM25FScorer) -> None:
        super().__init__()
        self.idf, self.avgfl, self.B, self.K1 = scorer.idf, scorer.avgfl, scorer.B, scorer.K1

    def __missing__(self, key: tuple[float, int]) -> float:
        tf, fl = key
        idf, avgfl, B, K1 = self.idf, self.avgfl, self.B, self.K1
        score = self[key] = idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl)))
        return score
