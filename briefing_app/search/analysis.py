"""Analysers for the index: tokenise, lower-case and (for the stemmed field) stem in one pass.

Whoosh's stock chain (tokenizer | lowercase filter | stem filter) passes every token through a
generator per stage; indexing is dominated by that per-token overhead, so one fused stage is
markedly faster while producing the same tokens as RegexTokenizer | LowercaseFilter | StemFilter.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from functools import lru_cache
from operator import sub
from pickle import dumps
from typing import Any

from whoosh.analysis import Token
from whoosh.analysis.tokenizers import RegexTokenizer, default_pattern
from whoosh.lang.porter2 import stem
from whoosh.system import pack_uint

__all__ = [
    "PATTERN",
    "FusedTokenizer",
    "Posting",
    "frequency_value",
    "positions_value",
    "single_position_value",
    "postings",
    "stem_word",
    "terms",
    "where",
    "words",
]

PATTERN = default_pattern  # the same word pattern Whoosh's own analysers use
# PATTERN's words without its capturing group, so that findall returns whole words.
WORDS = re.compile(r"[\w\*]+(?:\.?[\w\*]+)*")

Posting = tuple[bytes, int, float, bytes]  # term, frequency, weight, encoded value


@lru_cache(maxsize=200_000)
def stem_word(word: str) -> str:
    """Porter2 (Snowball English): unlike the original Porter stemmer it gives "integrated" and
    "integration", "segregated" and "segregation", "spy" and "spies" one stem each."""
    return stem(word)


class FusedTokenizer(RegexTokenizer):
    def __init__(self, stemming: bool) -> None:
        super().__init__(PATTERN)
        self.stemming = stemming

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FusedTokenizer) and other.stemming == self.stemming

    def __hash__(self) -> int:
        return hash(("FusedTokenizer", self.stemming))

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        normal = stem_word if self.stemming else str
        if not tokenize:
            t.original = value
            t.text = normal(value.lower())
            t.boost = 1.0
            t.stopped = False
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar, t.endchar = start_char, start_char + len(value)
            yield t
            return
        for pos, match in enumerate(PATTERN.finditer(value)):
            word = match.group(0)
            t.text = normal(word.lower())
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = word
            if positions:
                t.pos = start_pos + pos
            if chars:
                t.startchar = start_char + match.start()
                t.endchar = start_char + match.end()
            yield t


def postings(value: str, stemming: bool, positions: bool) -> list[Posting]:
    """What Whoosh's Positions (or Frequency) format makes of FusedTokenizer's tokens, in one
    pass over the words: indexing spent most of its time passing single tokens between
    generators. The field's analyser still serves queries and must agree; a test holds them equal.
    """
    in_order = terms(value, stemming)
    if not positions:
        return [(w, n, float(n), frequency_value(n)) for w, n in Counter(in_order).items()]
    return [
        (w, len(found), float(len(found)), positions_value(found)) for w, found in where(in_order).items()
    ]


class _Terms(dict):
    """A word as written to its term, worked out once per spelling: most words of a text have
    been seen before, and a dictionary lookup costs less than lower() and stem() again."""

    def __init__(self, stemming: bool) -> None:
        super().__init__()
        self.stemming = stemming

    def __missing__(self, word: str) -> bytes:
        if len(self) > 500_000:  # a bound for a long session that indexes many packs
            self.clear()
        low = word.lower()
        term = self[word] = (stem_word(low) if self.stemming else low).encode()
        return term


_TERMS = {True: _Terms(True), False: _Terms(False)}


def words(value: str) -> list[str]:
    """The value's words as written, in order."""
    return WORDS.findall(value)


def terms(value: str | list[str], stemming: bool) -> list[bytes]:
    """The terms of a value (or of its words), in order, as the field's analyser gives them."""
    found = words(value) if isinstance(value, str) else value
    return list(map(_TERMS[stemming].__getitem__, found))


def where(in_order: list[bytes]) -> dict[bytes, list[int]]:
    """Each term's positions, in order of first appearance."""
    found: dict[bytes, list[int]] = {}
    for i, w in enumerate(in_order):
        if w in found:
            found[w].append(i)
        else:
            found[w] = [i]
    return found


class _Encoded(dict):
    def __init__(self, encode: Callable[[int], bytes]) -> None:
        super().__init__()
        self.encode = encode

    def __missing__(self, n: int) -> bytes:
        value = self[n] = self.encode(n)
        return value


# Whoosh's Positions.encode: a count, then the pickled gaps between positions. Most terms occur
# once in an entry, so their values repeat and are made once.
_ONE_POSITION = _Encoded(lambda pos: pack_uint(1) + dumps([pos], 2))
_FREQUENCY = _Encoded(pack_uint)  # Whoosh's Frequency.encode
single_position_value: Callable[[int], bytes] = _ONE_POSITION.__getitem__


def positions_value(found: list[int]) -> bytes:
    if len(found) == 1:
        return _ONE_POSITION[found[0]]
    gaps = [found[0], *map(sub, found[1:], found[:-1])]
    return pack_uint(len(found)) + dumps(gaps, 2)


frequency_value: Callable[[int], bytes] = _FREQUENCY.__getitem__
