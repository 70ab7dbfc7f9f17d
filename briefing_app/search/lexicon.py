"""The unstemmed vocabulary of an index, in memory, for typo-tolerant lookups.

Whoosh walks its term automaton for fuzzy terms and spelling suggestions, which costs tens of
milliseconds a word in pure Python. Bucketing the vocabulary by first letter and comparing with
a bounded edit distance answers the same question in about a millisecond.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict


class Lexicon:
    def __init__(self, terms: list[str], frequency) -> None:
        self._by_initial: dict[str, list[tuple[str, frozenset[str]]]] = defaultdict(list)
        for term in terms:
            if term:
                self._by_initial[term[0]].append((term, bigrams(term)))
        self._frequency = frequency  # term -> number of entries containing it
        self._sorted = sorted(t for t in terms if t)

    def starting(self, prefix: str) -> list[str]:
        """Every known word that begins with `prefix`, in alphabetical order."""
        at = bisect_left(self._sorted, prefix)
        out = []
        while at < len(self._sorted) and self._sorted[at].startswith(prefix):
            out.append(self._sorted[at])
            at += 1
        return out

    def entries(self, words: list[str]) -> int:
        """How many entries hold each word, added up."""
        return sum(map(self._frequency, words))

    def near(self, word: str, maxdist: int) -> list[str]:
        """Known words within `maxdist` edits of `word` that share its first letter, nearest first."""
        if not word:
            return []
        found = []
        n = len(word)
        grams = bigrams(word)
        # One edit (or swap) changes at most three neighbouring bigrams: a cheap, exact pre-filter.
        need = len(grams) - 3 * maxdist
        for term, term_grams in self._by_initial.get(word[0], ()):
            if abs(len(term) - n) > maxdist or len(grams & term_grams) < need:
                continue
            d = bounded_distance(word, term, maxdist)
            if d <= maxdist:
                found.append((d, term))
        found.sort(key=lambda dt: (dt[0], -self._frequency(dt[1]), dt[1]))
        return [t for _, t in found]

    def suggest(self, word: str) -> str | None:
        for term in self.near(word, 2):
            if term != word:
                return term
        return None


def bigrams(word: str) -> frozenset[str]:
    return frozenset(word[i : i + 2] for i in range(len(word) - 1))


def bounded_distance(a: str, b: str, bound: int) -> int:
    """Optimal string alignment distance (a swap of neighbours counts once), or bound + 1 if larger."""
    if a == b:
        return 0
    previous2: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        best = current[0]
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if previous2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
            best = min(best, value)
        if best > bound:
            return bound + 1
        previous2, previous = previous, current
    return previous[-1]
