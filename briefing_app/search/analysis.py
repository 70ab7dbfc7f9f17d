"""Analysers for the index: tokenise, lower-case and (for the stemmed field) stem in one pass.

Whoosh's stock chain (tokenizer | lowercase filter | stem filter) passes every token through a
generator per stage; indexing is dominated by that per-token overhead, so one fused stage is
markedly faster while producing the same tokens as RegexTokenizer | LowercaseFilter | StemFilter.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import lru_cache
from pickle import dumps
from typing import Any

from whoosh.analysis import Token
from whoosh.analysis.tokenizers import RegexTokenizer, default_pattern
from whoosh.lang.porter2 import stem
from whoosh.system import pack_uint

__all__ = ["PATTERN", "FusedTokenizer", "Posting", "postings", "stem_word"]

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
    words = [w.lower() for w in WORDS.findall(value)]
    if stemming:
        words = [stem_word(w) for w in words]
    if not positions:
        return [(w.encode(), n, float(n), pack_uint(n)) for w, n in Counter(words).items()]
    where: defaultdict[str, list[int]] = defaultdict(list)
    for i, w in enumerate(words):
        where[w].append(i)
    out = []
    for w, found in where.items():
        # Whoosh's Positions.encode: a count, then the pickled gaps between positions.
        gaps = [found[0], *(b - a for a, b in zip(found, found[1:], strict=False))]
        out.append((w.encode(), len(found), float(len(found)), pack_uint(len(found)) + dumps(gaps, 2)))
    return out
