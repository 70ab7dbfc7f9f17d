"""Phrases matched by comparing their words' positions as sets.

Whoosh checks a phrase by building a span object for every position of every word in every
entry that holds all the words: "for communities" on a 10 MB pack took 70 ms, most of it there.
Here each word's postings are read a block at a time, the entries holding every word are found
by intersecting sets, and the phrase is where the first word's positions, each shifted by a later
word's place in the phrase, meet that word's positions. Scores are Whoosh's: each match scores
what the AND of the words scores, as in Whoosh's phrase matcher (tested).
"""

from __future__ import annotations

from itertools import accumulate
from pickle import loads

from whoosh import matching, query, scoring
from whoosh.matching.binary import IntersectionMatcher
from whoosh.reading import IndexReader
from whoosh.system import _INT_SIZE

from briefing_app.search.postings import indexed_term, term_values

_COUNT = _INT_SIZE  # Whoosh's Positions values: a count, then the pickled gaps between positions


class CheckedPhrase(query.Phrase):
    def _checkable(self, schema) -> bool:
        if self.slop != 1 or self.fieldname not in schema:
            return False
        positions = schema[self.fieldname].format
        return bool(positions) and positions.supports("positions")

    def matcher(self, searcher, context=None) -> matching.Matcher:
        if not self._checkable(searcher.schema):
            return super().matcher(searcher, context)
        found = self.matches(searcher.reader())
        if not found:
            return matching.NullMatcher()
        scores = self.scores(searcher)
        if scores is None:
            only = matching.ListMatcher([e for e, _ in found], weights=[0.0] * len(found))
            words = query.And([query.Term(self.fieldname, w) for w in self.words])
            return IntersectionMatcher(only, words.matcher(searcher, context))
        return matching.ListMatcher([e for e, _ in found], weights=[scores[e] for e, _ in found])

    def scores(self, searcher) -> dict[int, float] | None:
        """Each match scored as Whoosh scores the AND of the words: the sum of each word's score
        for its frequency there and the entry's length (None for another kind of scorer)."""
        scorers = [searcher.weighting.scorer(searcher, self.fieldname, w) for w in self.words]
        if not all(isinstance(s, scoring.WeightLengthScorer) for s in scorers):
            return None
        return {
            entry: self.boost * sum(s._score(tf, s.dfl(entry)) for s, tf in zip(scorers, freqs, strict=True))
            for entry, freqs in self.matches(searcher.reader())
        }

    def matches(self, reader: IndexReader) -> list[tuple[int, tuple[float, ...]]]:
        """Kept per reader: a search asks twice (top hits, then every match)."""
        cache = self.__dict__.setdefault("_matches", {})
        if id(reader) not in cache:
            cache[id(reader)] = phrase_matches(reader, self.fieldname, self.words)
        return cache[id(reader)]

    def docs(self, searcher):  # every match, unscored: for the counts per document
        if not self._checkable(searcher.schema):
            return super().docs(searcher)
        return iter([e for e, _ in self.matches(searcher.reader())])


def phrase_matches(
    reader: IndexReader, fieldname: str, words: list[str]
) -> list[tuple[int, tuple[float, ...]]]:
    """The entries (numbers in `reader`) where `words` stand one after another, ascending, each
    with how often each word occurs in it."""
    terms = [indexed_term(reader, fieldname, w) for w in words]
    if not terms or None in terms:
        return []
    postings = [term_values(reader, fieldname, t) for t in terms]
    candidates = set(min(postings, key=len))
    for p in postings:
        candidates &= p.keys()
    entries = sorted(candidates)
    # Each word's positions in each candidate, decoded in C but for values not met before.
    columns = [list(map(_positions, map(p.__getitem__, entries))) for p in postings]
    if len(columns) == 2:  # most phrases: the second word right after the first, checked inline
        found = [
            (entry, (float(len(first)), float(len(second))))
            for entry, first, second in zip(entries, *columns, strict=True)
            if (first[0] + 1 in second if len(first) == 1 else any(pos + 1 in second for pos in first))
        ]
        return found
    return [
        (entry, tuple(float(len(word)) for word in positions))
        for entry, positions in zip(entries, zip(*columns, strict=True), strict=True)
        if _in_order(positions)
    ]


def _in_order(positions: tuple[tuple[int, ...], ...]) -> bool:
    """True when some position of the first word is followed by each later word in turn."""
    starts: list[int] | tuple[int, ...] = positions[0]
    for shift, later in enumerate(positions[1:], start=1):
        # Most words occur a few times in an entry: a short tuple is searched faster than a
        # set is built.
        within = later if len(later) < 8 else set(later)
        starts = [pos for pos in starts if pos + shift in within]
        if not starts:
            return False
    return True


class _Positions(dict):
    """Positions.decode_positions, with the gaps summed in C, for each encoded value met: most
    values recur (a word once, at the same place in an entry), so most are decoded once."""

    def __missing__(self, value: bytes) -> tuple[int, ...]:
        if len(self) > 100_000:
            self.clear()
        data = value[_COUNT:]
        found = self[value] = tuple(accumulate(loads(data if data.endswith(b".") else data + b".")))
        return found


_positions = _Positions().__getitem__
