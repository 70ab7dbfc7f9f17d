"""Anchoring modelled on W3C Web Annotation selectors, and re-anchoring when a document changes.

Opening a pack resolves each annotation in order of trust:
1. the position still holds (the words at the stored place in the document are the quote);
2. the exact quote, the occurrence whose context fits best: "anchored" if it is close to where it
   was (a word changed nearby), "moved" if it is now somewhere else in the document;
3. a fuzzy match of the quote above FUZZY_THRESHOLD: always marked "moved";
4. otherwise "orphaned": kept, listed with its quote and comment, never dropped.
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass

from briefing_app.annotations.model import Annotation, Selector
from briefing_app.pack.model import Document

CONTEXT = 32
# Fuzzy matches must share at least this ratio of characters with the quote (difflib ratio).
# On the bundled pack a 60-character quote with one word replaced scores about 0.9, while the
# best window elsewhere in the same document for an unrelated quote scores under 0.6.
FUZZY_THRESHOLD = 0.8
# An exact quote found within two context windows of its old place has not moved (a word changed
# nearby); further away, the text before it changed more than that, so the reader is told.
NEARBY = 2 * CONTEXT
SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Resolved:
    annotation: Annotation
    status: str  # "anchored" | "moved" | "orphaned"
    block: str | None = None
    start: int = 0
    end: int = 0
    score: float = 1.0


def document_text(doc: Document) -> tuple[str, list[tuple[str, int]]]:
    """The whole document as one text (blocks joined by a blank line) and each block's start."""
    parts, starts, at = [], [], 0
    for block in doc.blocks:
        starts.append((block.id, at))
        parts.append(block.text)
        at += len(block.text) + len(SEPARATOR)
    return SEPARATOR.join(parts), starts


def text_hash(doc: Document) -> str:
    return hashlib.sha256(document_text(doc)[0].encode("utf-8")).hexdigest()


def selector_for(doc: Document, block_id: str, start: int, end: int) -> Selector:
    text, starts = document_text(doc)
    base = dict(starts)[block_id]
    block = doc.block(block_id)
    quote = block.text[start:end]
    return Selector(
        doc=doc.id,
        block=block_id,
        start=start,
        end=end,
        quote=quote,
        prefix=text[max(0, base + start - CONTEXT) : base + start],
        suffix=text[base + end : base + end + CONTEXT],
        position_start=base + start,
        position_end=base + end,
        doc_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def resolve(annotation: Annotation, doc: Document | None) -> Resolved:
    s = annotation.selector
    if doc is None:
        return Resolved(annotation, "orphaned", score=0.0)
    text, starts = document_text(doc)
    if text[s.position_start : s.position_end] == s.quote and s.quote:
        return _at(annotation, "anchored", starts, s.position_start, s.position_end, 1.0)
    occurrences = _find_all(text, s.quote)
    if occurrences:
        best = max(occurrences, key=lambda at: (_context_fit(text, at, s), -abs(at - s.position_start)))
        status = "anchored" if abs(best - s.position_start) <= NEARBY else "moved"
        return _at(annotation, status, starts, best, best + len(s.quote), 1.0)
    found = _fuzzy(text, s.quote)
    if found is not None and found[2] >= FUZZY_THRESHOLD:
        return _at(annotation, "moved", starts, found[0], found[1], found[2])
    return Resolved(annotation, "orphaned", score=found[2] if found else 0.0)


def _at(annotation: Annotation, status: str, starts, start: int, end: int, score: float) -> Resolved:
    block_id, base = None, 0
    for bid, at in starts:
        if at <= start:
            block_id, base = bid, at
        else:
            break
    return Resolved(annotation, status, block_id, start - base, end - base, round(score, 3))


def _find_all(text: str, quote: str) -> list[int]:
    out, at = [], text.find(quote) if quote else -1
    while at != -1:
        out.append(at)
        at = text.find(quote, at + 1)
    return out


def _context_fit(text: str, at: int, s: Selector) -> float:
    before = text[max(0, at - len(s.prefix)) : at]
    after = text[at + len(s.quote) : at + len(s.quote) + len(s.suffix)]
    return (
        difflib.SequenceMatcher(None, before, s.prefix).ratio()
        + difflib.SequenceMatcher(None, after, s.suffix).ratio()
    )


def _fuzzy(text: str, quote: str) -> tuple[int, int, float] | None:
    """The window of the text most like the quote, by difflib's ratio, seeded at shared words."""
    if len(quote) < 8:
        return None
    best: tuple[int, int, float] | None = None
    words = [w for w in quote.split() if len(w) >= 5][:6] or quote.split()[:3]
    seen: set[int] = set()
    for word in words:
        offset = quote.find(word)
        at = text.find(word)
        while at != -1:
            start = max(0, at - offset)
            if start not in seen:
                seen.add(start)
                for length in (len(quote) - 10, len(quote), len(quote) + 10):
                    window = text[start : start + max(1, length)]
                    ratio = difflib.SequenceMatcher(None, window, quote, autojunk=False).ratio()
                    if best is None or ratio > best[2]:
                        best = (start, start + len(window), ratio)
            at = text.find(word, at + 1)
    return best
