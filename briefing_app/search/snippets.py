"""Snippets and highlight ranges computed on the model's text, so the reader can mark every hit."""

from __future__ import annotations

from functools import lru_cache

from briefing_app.search.analysis import PATTERN, stem_word

ELLIPSIS = "…"


@lru_cache(maxsize=8192)
def hit_ranges(text: str, stems: frozenset[str], words: frozenset[str]) -> tuple[tuple[int, int], ...]:
    """Character ranges of the words in `text` that match a stemmed or an exact query term.

    Tokenises exactly as the index's analysers do (same pattern, lower case, same stems).
    """
    if not stems and not words:
        return ()
    # A stem keeps its word's first two letters, so other words need no stemming.
    heads = {s[:2] for s in stems}
    ranges = []
    for m in PATTERN.finditer(text):
        token = m.group().lower()
        if token in words or (token[:2] in heads and stem_word(token) in stems):
            ranges.append((m.start(), m.end()))
    return tuple(ranges)


def snippet(
    text: str, ranges: tuple[tuple[int, int], ...], width: int = 180
) -> tuple[str, tuple[tuple[int, int], ...]]:
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
