"""What a hit shows: the words of the query marked in the model's text, and a snippet around them.

Marks are worked out from the query (the words it looks for, each phrase as a whole) and applied
to the text with the index's own word pattern and stemmer, so the reader can mark every hit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from whoosh import query as wquery

from briefing_app.search.schema import stem_word

ELLIPSIS = "…"
Ranges = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Marks:
    stems: frozenset[str] = frozenset()  # a word in any form (stemmed field)
    words: frozenset[str] = frozenset()  # a word as written, lower case (unstemmed field)
    phrases: tuple[tuple[str, ...], ...] = ()  # stems that count only one after another


def marks_of(q: wquery.Query) -> Marks:
    """What a hit can hold because of the query: words under NOT are never in a hit, and a
    phrase's words are marked only where they stand together."""
    stems: set[str] = set()
    words: set[str] = set()
    phrases: list[tuple[str, ...]] = []

    def walk(part: wquery.Query) -> None:
        if isinstance(part, wquery.Not):
            return
        if isinstance(part, wquery.AndNot):
            walk(part.a)
        elif isinstance(part, wquery.Phrase) and part.fieldname == "text":
            phrases.append(tuple(part.words))
        elif isinstance(part, wquery.Term) and part.fieldname in ("text", "exact"):
            (stems if part.fieldname == "text" else words).add(part.text)
        elif not part.is_leaf():
            for child in part.children():
                walk(child)

    walk(q)
    return Marks(frozenset(stems), frozenset(words), tuple(dict.fromkeys(phrases)))


def hit_ranges(text: str, marks: Marks) -> Ranges:
    """Character ranges in `text` of the words (and whole phrases) the marks ask for, in order."""
    if not (marks.stems or marks.words or marks.phrases):
        return ()
    # Only words starting as a marked word or stem does can be marked (a stem keeps its word's
    # first two letters): the rest of the text is skipped over by the regex, not word by word.
    tokens = [(m.start(), m.end(), m.group().lower()) for m in _candidates(marks).finditer(text)]
    stems = [stem_word(t) for _, _, t in tokens]
    found = {
        (s, e) for (s, e, t), st in zip(tokens, stems, strict=True) if t in marks.words or st in marks.stems
    }
    for phrase in marks.phrases:
        n = len(phrase)
        for i in range(len(tokens) - n + 1):
            if tuple(stems[i : i + n]) == phrase and not any(
                _WORD_CHAR.search(text, tokens[j][1], tokens[j + 1][0]) for j in range(i, i + n - 1)
            ):  # one word right after another: nothing that is a word between them
                found.add((tokens[i][0], tokens[i + n - 1][1]))
    return _merged(sorted(found))


_WORD_CHAR = re.compile(r"\w")


@lru_cache(maxsize=256)
def _candidates(marks: Marks) -> re.Pattern[str]:
    heads = {w[:2] for w in marks.words} | {s[:2] for s in marks.stems}
    heads |= {s[:2] for p in marks.phrases for s in p}
    alternatives = "|".join(map(re.escape, sorted(heads, key=len, reverse=True)))
    # Where WORD (schema.py) starts a word: not inside one, nor after a word and a dot (1.2).
    return re.compile(rf"(?i)(?<!\w)(?<!\w\.)(?:{alternatives})\w*(?:\.?\w+)*")


def _merged(ranges: list[tuple[int, int]]) -> Ranges:
    out: list[tuple[int, int]] = []
    for s, e in ranges:
        if out and s < out[-1][1]:  # a word inside a phrase already marked
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return tuple(out)


def snippet(text: str, ranges: Ranges, width: int = 180) -> tuple[str, Ranges]:
    """The window of about `width` characters holding the most hits, cut at word boundaries."""
    if len(text) <= width:
        return text, ranges
    best_start, best_count = 0, -1
    for start, _ in ranges or [(0, 0)]:
        lo = max(0, start - width // 4)
        count = sum(1 for s, e in ranges if s >= lo and e <= lo + width)
        if count > best_count:
            best_start, best_count = lo, count
    lo = best_start
    hi = min(len(text), lo + width)
    if lo > 0:
        space = text.find(" ", lo, lo + 30)
        lo = space + 1 if space != -1 else lo
    if hi < len(text):
        space = text.rfind(" ", hi - 30, hi)
        hi = space if space != -1 else hi
    prefix = ELLIPSIS if lo > 0 else ""
    suffix = ELLIPSIS if hi < len(text) else ""
    shift = len(prefix) - lo
    inside = tuple((s + shift, e + shift) for s, e in ranges if s >= lo and e <= hi)
    return f"{prefix}{text[lo:hi]}{suffix}", inside
