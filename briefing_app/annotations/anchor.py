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
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from briefing_app.annotations.memo import FuzzyMemo
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


def resolve_each(
    annotations: list[Annotation], documents: dict[str, Document], memo_folder: Path | None = None
) -> list[Resolved]:
    """Each annotation resolved against its document, each document's text joined once; with
    `memo_folder`, fuzzy searches are remembered there (memo.py) and read back next time."""
    joined: dict[str, tuple[str, list[tuple[str, int]]]] = {}
    memos: dict[str, FuzzyMemo] = {}
    out = []
    for a in annotations:
        doc = documents.get(a.doc)
        if doc is not None and a.doc not in joined:
            joined[a.doc] = document_text(doc)
        search = _fuzzy
        if doc is not None and memo_folder is not None:
            if a.doc not in memos:
                memos[a.doc] = FuzzyMemo(memo_folder, joined[a.doc][0], _fuzzy)
            search = memos[a.doc].search_in
        out.append(resolve(a, doc, joined.get(a.doc), search))
    for memo in memos.values():
        memo.save()
    return out


def resolve(
    annotation: Annotation,
    doc: Document | None,
    joined: tuple[str, list[tuple[str, int]]] | None = None,
    fuzzy: Callable[[str, str], tuple[int, int, float] | None] | None = None,
) -> Resolved:
    """Where `annotation` is in `doc` now; `joined` is document_text(doc) when the caller has it,
    `fuzzy` the fuzzy search to use (a remembering one), when not the plain one."""
    s = annotation.selector
    if doc is None:
        return Resolved(annotation, "orphaned", score=0.0)
    text, starts = joined or document_text(doc)
    if text[s.position_start : s.position_end] == s.quote and s.quote:
        return _at(annotation, "anchored", starts, s.position_start, s.position_end, 1.0)
    occurrences = _find_all(text, s.quote)
    if occurrences:
        best = max(occurrences, key=lambda at: (_context_fit(text, at, s), -abs(at - s.position_start)))
        status = "anchored" if abs(best - s.position_start) <= NEARBY else "moved"
        return _at(annotation, status, starts, best, best + len(s.quote), 1.0)
    found = (fuzzy or _fuzzy)(text, s.quote)
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
    """The window of the text most like the quote, by difflib's ratio, seeded at shared words.

    Only a window scoring FUZZY_THRESHOLD or more can place the quote, so a window is scored only
    when an upper bound on its score says it could beat both that and the best so far: the same
    window wins as when every one is scored, at a fraction of the cost. None when no window could
    reach the threshold. The bounds: the characters the two share (what quick_ratio counts), then
    the longest common subsequence: difflib's matching blocks run in order through both texts, so
    they are a common subsequence, and ratio() <= 2 * LCS / (len(a) + len(b)); the longest common
    subsequence takes one pass of bit operations (Hyyrö 2004), where ratio() takes dozens of
    longest-match searches.
    """
    if len(quote) < 8:
        return None
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(quote)  # the quote's index is built once, not once per window
    counts = Counter(quote)
    masks: dict[str, int] = {}
    for i, char in enumerate(quote):
        masks[char] = masks.get(char, 0) | (1 << i)
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
                    bar = FUZZY_THRESHOLD if best is None else max(FUZZY_THRESHOLD, best[2])
                    total = len(window) + len(quote)
                    # Shared characters (difflib's quick_ratio, counted in C) first: cheaper, looser.
                    if 2.0 * (Counter(window) & counts).total() / total < bar:
                        continue
                    if 2.0 * _common_subsequence(window, masks, len(quote)) / total < bar:
                        continue
                    matcher.set_seq1(window)
                    ratio = matcher.ratio()
                    if best is None or ratio > best[2]:
                        best = (start, start + len(window), ratio)
            at = text.find(word, at + 1)
    return best


def _common_subsequence(a: str, masks: dict[str, int], m: int) -> int:
    """The length of the longest common subsequence of `a` and the `m`-character text whose
    positions of each character are the bits of `masks` (bit-parallel, Hyyrö 2004: one addition
    and a few masks per character of `a`)."""
    full = (1 << m) - 1
    v = full
    for char in a:
        u = v & masks.get(char, 0)
        v = ((v + u) | (v - u)) & full
    return m - v.bit_count()
