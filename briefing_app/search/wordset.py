"""A query for any of a list of words in one field: what a prefix or a fuzzy word stands for.

Whoosh matches a prefix or a fuzzy term by OR-ing a matcher per expanded word, and walks that
tree once per match. "inte*" on a 10 MB pack is hundreds of words and over 11,000 entries: about
400 ms. When the words are common, this query reads each word's entries once into one sorted
list instead; they then all score alike (a prefix says "any of these", not which is best). Rare
expansions, such as most typos, keep Whoosh's scoring, so the entry that uses the word most ranks
first.
"""

from __future__ import annotations

from collections.abc import Iterator

from whoosh import matching, query

from briefing_app.search.postings import term_ids
from briefing_app.search.scoring import term_scores

# Above this many entries in total, the words are matched as one unscored list.
SCORED_LIMIT = 2000


class WordSet(query.Query):
    def __init__(self, fieldname: str, words: list[str], boost: float = 1.0) -> None:
        self.fieldname = fieldname
        self.words = tuple(words)
        self.boost = boost

    def __repr__(self) -> str:
        return f"WordSet({self.fieldname!r}, {list(self.words)!r})"

    def __unicode__(self) -> str:
        return f"{self.fieldname}:({' OR '.join(self.words)})"

    __str__ = __unicode__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, WordSet) and (other.fieldname, other.words, other.boost) == (
            self.fieldname,
            self.words,
            self.boost,
        )

    def __hash__(self) -> int:
        return hash((self.fieldname, self.words, self.boost))

    def is_leaf(self) -> bool:
        return True

    def field(self) -> str:
        return self.fieldname

    def terms(self, phrases: bool = False) -> Iterator[tuple[str, str]]:
        for word in self.words:
            yield self.fieldname, word

    def expanded_terms(self, ixreader, phrases: bool = True) -> Iterator[tuple[str, str]]:
        return self.terms(phrases)

    def estimate_size(self, ixreader) -> int:
        return sum(ixreader.doc_frequency(self.fieldname, w) for w in self.words)

    def plan(self, reader) -> tuple[list[str], str]:
        """The words present in this segment, and how they are matched there: "none", one
        "term", a "scored" OR, or one unscored "list"."""
        present = [w for w in self.words if (self.fieldname, w) in reader]
        if len(present) < 2:
            return present, ("term" if present else "none")
        return present, ("scored" if self.estimate_size(reader) <= SCORED_LIMIT else "list")

    def matcher(self, searcher, context=None) -> matching.Matcher:
        reader = searcher.reader()
        present, plan = self.plan(reader)
        if plan == "none":
            return matching.NullMatcher()
        if plan == "term":
            return query.Term(self.fieldname, present[0], boost=self.boost).matcher(searcher, context)
        if plan == "scored":
            scored = self._scored(searcher, present)
            if scored is not None:
                return scored
            terms = [query.Term(self.fieldname, w, boost=self.boost) for w in present]
            return query.Or(terms).matcher(searcher, context)
        return matching.ListMatcher(self.ids(reader, present), all_weights=self.boost)

    def unscored(self, reader) -> bool:
        """True when, in every segment, this matches as one list whose entries all score alike."""
        return all(self.plan(leaf)[1] == "list" for leaf, _ in reader.leaf_readers())

    def _scored(self, searcher, present: list[str]) -> matching.Matcher | None:
        scores = self.scores(searcher, present)
        if scores is None:
            return None
        ids = sorted(scores)
        return matching.ListMatcher(ids, weights=[scores[i] for i in ids])

    def scores(self, searcher, present: list[str]) -> dict[int, float] | None:
        """Each entry scored as Whoosh scores an OR of the words (the sum of the scores of the
        words it holds), computed a block of postings at a time: Whoosh's tree of OR matchers
        cost 40 ms for a prefix of a few hundred rare words on the 10 MB pack."""
        parts = [term_scores(searcher, self.fieldname, w, w.encode("utf-8")) for w in present]
        if any(part is None for part in parts):
            return None
        scores: dict[int, float] = {}
        for part in parts:
            for entry, score in part.items():
                scores[entry] = scores.get(entry, 0.0) + score * self.boost
        return scores

    def ids(self, reader, present: list[str]) -> list[int]:
        # Kept per reader: a search asks twice (top hits, then every match).
        cache = self.__dict__.setdefault("_found", {})
        if id(reader) not in cache:
            ids: set[int] = set()
            for word in present:
                ids.update(term_ids(reader, self.fieldname, word.encode("utf-8")))
            cache[id(reader)] = sorted(ids)
        return cache[id(reader)]
